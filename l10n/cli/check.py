"""Commands: ``check`` (quality checks, exit 1 on errors) and ``status`` (review progress)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from l10n.cli import _common
from l10n.cli._common import (
    ConfigOption,
    JsonOption,
    LangOption,
    finish,
    print_json,
    settings,
)

if TYPE_CHECKING:
    from l10n.model import Finding
    from l10n.qa.report import TextBlock
    from l10n.workflow.status import StatusReport

CheckArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="ARTICLE|FILE.po",
        help="Article files or folders (default: every article of the project), or PO "
        "files from anywhere (Weblate, a vendor, another project).",
        show_default=False,
    ),
]
OnlyOption = Annotated[
    str | None,
    typer.Option(
        "--only",
        metavar="STATE",
        help="Check only entries in this state: reviewed, machine (untouched engine output), "
        "fuzzy or untranslated.",
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", metavar="FORMAT",
                 help="Output: text (default), json or junit (JUnit XML for "
                 "CI systems)."),
]
GlossaryOption = Annotated[
    Path | None,
    typer.Option("--glossary", "-g", metavar="PATH",
                 help="PO files: a glossary folder or .toml file "
                 "(default: the project's, when run in a project)."),
]
SourceOption = Annotated[
    str | None,
    typer.Option("--source", metavar="LANG",
                 help="PO files: the source language (default: the project's, "
                 "or en)."),
]
AnnotateOption = Annotated[
    bool,
    typer.Option("--annotate", help="Write each entry's findings into its catalog as "
                 "'#. check:' comments (shown by Poedit and Weblate); remove those that are "
                 "gone. Nothing else in the file changes. PO files: what check shows "
                 "(no 'info' findings unless --all)."),
]
AllOption = Annotated[
    bool,
    typer.Option("--all", "-a", help="PO files: show every finding, also the heuristic "
                 "checks' 'info' ones (identical, brackets, length, numbers said another "
                 "way), and each entry of a catalog's convention (one warning on 10 entries "
                 "or more) rather than one line for it. Without it, --json counts the "
                 "info findings left out (info_hidden)."),
]
_PO_SUFFIXES = (".po", ".pot")


def check(
    paths: CheckArg = None,
    lang: LangOption = None,
    only: OnlyOption = None,
    glossary: GlossaryOption = None,
    source: SourceOption = None,
    annotate: AnnotateOption = False,
    all_: AllOption = False,
    fmt: FormatOption = None,
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Run the quality checks on the project's catalogs, or on PO files:
    `path:line: severity [check] message` per finding. Exit code 1 if any finding is an
    error, 0 if there are only warnings."""
    from l10n.errors import UsageError
    from l10n.lang import split_languages
    from l10n.qa.report import FORMATS
    from l10n.workflow.qa import check_files, check_project

    chosen = fmt or ("json" if json_ else "text")
    if chosen not in FORMATS or (json_ and chosen != "json"):
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not '{chosen}'"
                         if chosen not in FORMATS else "--json is --format json: give one")
    files = [p for p in paths or () if p.suffix.lower() in _PO_SUFFIXES]
    if files and len(files) != len(paths or ()):
        raise UsageError("give either articles or PO files, not both",
                         hint="check them in two runs")
    if files:
        langs = split_languages(lang) or ()
        if len(langs) > 1:
            raise UsageError("PO files: --lang takes one language",
                             hint="the language of each file is in its Language header")
        result = check_files(settings(config), files, lang=langs[0] if langs else None,
                             source=source, glossary=glossary, only=only, annotate=annotate,
                             everything=all_)
    else:
        if glossary is not None or source is not None:
            raise UsageError("--glossary and --source are for PO files",
                             hint="a project's glossary and source language are in l10n.toml")
        result = check_project(settings(config), paths, split_languages(lang), only,
                               annotate=annotate, as_text=chosen == "text")
    if chosen == "text" and not files:  # the project's findings, as text blocks
        errors = _report_text(result.text)
    elif not files:  # the project's findings are never graded: none is info
        errors = _report(result.findings, chosen)
    elif all_:
        errors = _report(result.findings, chosen, hidden=0)
    else:
        kept, hidden = _shown(list(result.findings))
        errors = _report(kept, chosen, hidden)
    for path in result.annotated:
        typer.echo(f"annotated {path}", err=True)
    finish(result.problems)
    if errors:
        raise typer.Exit(code=1)


def _shown(findings: Sequence[Finding]) -> tuple[list[Finding], int]:
    """A file check's findings as shown without ``--all`` (no ``info``, conventions
    once), and how many ``info`` findings were left out (said on stderr)."""
    from l10n.qa.catalog import conventions
    from l10n.qa.tiers import shown

    kept = shown(conventions(findings), everything=False)
    hidden = sum(f.severity == "info" for f in findings)
    if hidden:
        typer.echo(f"{hidden} info finding{'s' * (hidden != 1)} of heuristic checks not "
                   "shown: --all shows them", err=True)
    return kept, hidden


def _report(findings: Iterable[Finding], fmt: str, hidden: int | None = None) -> int:
    """Write ``findings`` as they come (text and JSON: an archive's hundreds of
    thousands are never all held); the number of errors. ``hidden``: PO files' ``info``
    findings not shown (``--all`` shows them); JSON then is an object, ``findings`` and
    ``info_hidden``, so a script knows of them as a reader of the text output does."""
    from l10n.qa.report import as_junit, finding_json, finding_line

    counts = {"error": 0, "warning": 0}

    def counted() -> Iterator[Finding]:
        for finding in findings:
            if finding.severity != "info":
                counts["error" if finding.severity == "error" else "warning"] += 1
            yield finding

    if fmt == "json" and hidden is not None:
        print_json({"findings": (finding_json(finding) for finding in counted()),
                    "info_hidden": hidden})
    elif fmt == "json":
        print_json(finding_json(finding) for finding in counted())
    elif fmt == "junit":  # totals first: a CI report's findings are held
        typer.echo(as_junit(list(counted())))
    else:
        _echo_lines(finding_line(finding) for finding in counted())
    return _totals(counts["error"], counts["warning"], fmt)


def _report_text(blocks: Iterable[TextBlock]) -> int:
    """Write the text ``blocks`` as they come; the number of errors."""
    counts = [0, 0]

    def counted() -> Iterator[str]:
        for block in blocks:
            counts[0] += block.errors
            counts[1] += block.warnings
            if block.text:
                yield block.text

    _echo_lines(counted())
    return _totals(counts[0], counts[1], "text")


def _totals(errors: int, warnings: int, fmt: str) -> int:
    """Say how many errors and warnings were found; the number of errors."""
    if fmt == "text" and not errors + warnings:
        typer.echo("No problems found.")
    elif errors + warnings:
        typer.echo(f"{errors} error{'s' * (errors != 1)}, {warnings} warning"
                   f"{'s' * (warnings != 1)}", err=True)
    return errors


def _echo_lines(lines: Iterable[str]) -> None:
    """Lines written in pieces of about 64 KB."""
    chunk: list[str] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line) + 1
        if size > 65536:
            typer.echo("\n".join(chunk))
            chunk, size = [], 0
    if chunk:
        typer.echo("\n".join(chunk))


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
    finish(report.problems)


_STATUS_COLUMNS = ("lang", "article", "entries", "reviewed", "machine", "fuzzy",
                   "untranslated", "obsolete", "words", "errors", "% reviewed")
RICH_ROWS = 200  # more rows than this are written as plain columns (see _print_plain)


def _status_rows(report: StatusReport) -> Iterator[tuple[list[str], bool]]:
    """Each row's cells, and whether it is a language's total (the end of a section)."""
    for total in report.totals:
        rows = [r for r in report.rows if r.lang == total.lang]
        for row in (*rows, total):
            label = row.article or "total"
            if not row.exists:
                label += " (no catalog)"
            yield [row.lang, label, *(str(getattr(row, n)) for n in (
                "entries", "reviewed", "machine", "fuzzy", "untranslated", "obsolete",
                "words", "errors")), f"{row.percent_reviewed:.1f}"], not row.article


def _print_status(report: StatusReport) -> None:
    if len(report.rows) > RICH_ROWS:
        _print_plain(report)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="Translation status")
        for name in _STATUS_COLUMNS:
            table.add_column(name, justify="left" if name in ("lang", "article") else "right")
        for cells, total in _status_rows(report):
            table.add_row(*cells, style="bold" if total else None, end_section=total)
        console = Console()
        if not console.is_terminal:
            console = Console(width=160)  # a pipe or a CI log: no terminal width to fit
        console.print(table)
    for orphan in report.orphans:
        typer.echo(f"orphan: {orphan} (its article is gone; `l10n update --purge-orphans` "
                   "removes it once its reviewed translations are in the memory)")


def _print_plain(report: StatusReport) -> None:
    """An archive's status as plain aligned columns, a blank line after each language's
    total: rich's table costs about 1.5 ms a row (30 s for 20,000 rows)."""
    rows = list(_status_rows(report))
    widths = [max(len(name), *(len(cells[i]) for cells, _ in rows))
              for i, name in enumerate(_STATUS_COLUMNS)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(width) if i < 2 else cell.rjust(width)
                         for i, (cell, width) in enumerate(zip(cells, widths, strict=True)))

    text = [f"Translation status ({len(report.rows)} catalogs)", line(_STATUS_COLUMNS)]
    for cells, total in rows:
        text.append(line(cells).rstrip())
        if total:
            text.append("")
    typer.echo("\n".join(text).rstrip("\n"))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("check", cls=_common.Command)(check)
    app.command("status", cls=_common.Command)(status)
