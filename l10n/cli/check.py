"""Commands: ``check`` (quality checks, exit 1 on errors) and ``status`` (review progress)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer

from l10n.cli import _common
from l10n.cli._common import ConfigOption, JsonOption, LangOption, print_json, settings

if TYPE_CHECKING:
    from l10n.model import Finding
    from l10n.workflow.status import StatusReport

OnlyOption = Annotated[
    str | None,
    typer.Option(
        "--only",
        metavar="STATE",
        help="Check only entries in this state: reviewed, machine (untouched engine output), "
        "fuzzy or untranslated.",
    ),
]


def check(
    articles: _common.ArticlesArg = None,
    lang: LangOption = None,
    only: OnlyOption = None,
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Run the quality checks on the catalogs: `path:line: severity [check] message` per
    finding. Exit code 1 if any finding is an error, 0 if there are only warnings."""
    from l10n.lang import split_languages
    from l10n.workflow.qa import check as run

    findings = run(settings(config), articles, split_languages(lang), only)
    if json_:
        print_json([{**asdict(f), "severity": str(f.severity)} for f in findings])
    else:
        _print_findings(findings)
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(code=1)


def _print_findings(findings: Sequence[Finding]) -> None:
    for f in findings:
        where = f"{f.path}:{f.line}" if f.line else f.path
        typer.echo(f"{where}: {f.severity} [{f.check}] {f.message}")
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    if not findings:
        typer.echo("No problems found.")
    else:
        typer.echo(f"{errors} error{'s' * (errors != 1)}, {warnings} warning"
                   f"{'s' * (warnings != 1)}", err=True)


def status(
    articles: _common.ArticlesArg = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Show translation progress per language and article: entries reviewed, machine
    (unreviewed engine output), fuzzy, untranslated, obsolete, source words."""
    from l10n.lang import split_languages
    from l10n.workflow.status import status as run

    report = run(settings(config), articles, split_languages(lang))
    if json_:
        print_json(report.to_json())
    else:
        _print_status(report)


def _print_status(report: StatusReport) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Translation status")
    for name in ("lang", "article", "entries", "reviewed", "machine", "fuzzy",
                 "untranslated", "obsolete", "words", "% reviewed"):
        table.add_column(name, justify="left" if name in ("lang", "article") else "right")
    for total in report.totals:
        rows = [r for r in report.rows if r.lang == total.lang]
        for row in (*rows, total):
            label = row.article or "total"
            if not row.exists:
                label += " (no catalog)"
            table.add_row(
                row.lang, label, *(str(getattr(row, n)) for n in (
                    "entries", "reviewed", "machine", "fuzzy", "untranslated", "obsolete",
                    "words")),
                f"{row.percent_reviewed:.1f}",
                style="bold" if not row.article else None,
                end_section=not row.article,
            )
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)  # a pipe or a CI log: no terminal width to fit
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("check", cls=_common.Command)(check)
    app.command("status", cls=_common.Command)(status)
