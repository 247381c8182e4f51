"""Commands that produce catalogs: extract, update, translate."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from l10n.cli._common import ConfigOption, JsonOption, finish, print_json, settings

if TYPE_CHECKING:
    from l10n.errors import Problem

ArticlesArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Article files (default: every article in the article folder).", show_default=False
    ),
]


def extract(
    articles: ArticlesArg = None, config: ConfigOption = None, json_: JsonOption = False
) -> None:
    """Write each article's segments to locales/templates/<slug>.pot."""
    from l10n.workflow.extract import extract as run

    problems: list[Problem] = []
    results = run(settings(config), articles, problems=problems)
    if json_:
        print_json(
            [
                {
                    "article": str(r.article.path),
                    "slug": r.article.slug,
                    "template": str(r.path),
                    "entries": r.entries,
                    "written": r.written,
                }
                for r in results
            ]
        )
    else:
        for r in results:
            state = "written" if r.written else "unchanged"
            typer.echo(f"{r.path}: {r.entries} entries ({state})")
    finish(problems)


ToOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        "--lang",
        "-l",
        help="Target languages, comma-separated, e.g. ko,ja,es (default: config targets).",
    ),
]


def update(
    articles: ArticlesArg = None,
    to: ToOption = None,
    purge_obsolete: Annotated[
        bool, typer.Option("--purge-obsolete", help="Delete obsolete (#~) entries.")
    ] = False,
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Extract templates and merge them into the catalogs, without machine translation.

    Unchanged entries keep their translation and review state; changed ones become fuzzy
    with the previous source (#| msgid); removed ones become obsolete (#~).
    """
    from l10n.lang import split_languages
    from l10n.workflow.update import update as run

    report = run(settings(config), articles, split_languages(to), purge_obsolete=purge_obsolete)
    _print_report(report, json_)
    finish(report.problems)


def translate(
    articles: ArticlesArg = None,
    to: ToOption = None,
    engine: Annotated[
        str | None,
        typer.Option(
            "--engine",
            "-e",
            help="Engine: argos, pseudo, none, or an installed "
            "plug-in (default: argos when a model for the pair is installed).",
        ),
    ] = None,
    retranslate: Annotated[
        str | None,
        typer.Option(
            "--retranslate",
            metavar="machine",
            help="Translate again all untouched machine output (reviewed and edited entries "
            "are never touched).",
        ),
    ] = None,
    runner: Annotated[
        str | None,
        typer.Option(
            "--runner",
            metavar="local|ray",
            help="Where engines run: local (this process, the default) or ray (engine "
            "replicas on a Ray cluster; pip install 'l10n[ray]'). Default: [runner] name.",
        ),
    ] = None,
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            metavar="ADDR",
            help="Ray cluster to join (auto, HOST:PORT, ray://HOST:10001); without it, "
            "--runner ray starts a local Ray instance. Default: [runner] address.",
        ),
    ] = None,
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Update the catalogs, then machine-translate every entry without a translation.

    Machine output is marked fuzzy with its provenance; reviewed and translator-edited
    entries are never touched. Untouched machine output is translated again when its
    source, its glossary terms, or the engine or model changed. Exact and fuzzy matches
    from the translation memory are used before the engine. A broken article or a
    language without a model is reported (exit 2 or 3) after the rest is done.
    """
    from l10n.lang import split_languages
    from l10n.workflow.translate import translate as run

    # stdout carries the report alone: what a library prints during the run (Ray tells
    # the driver when a worker dies) goes to stderr
    with _progress_bar(enabled=not json_) as (progress, notice), redirect_stdout(sys.stderr):
        report = run(
            settings(config), articles, split_languages(to), engine_name=engine, progress=progress,
            retranslate=retranslate, runner=runner, address=address, notice=notice,
        )
    _print_report(report, json_)
    finish(report.problems)


Update = Callable[[str, int, int], None]


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[tuple[Update | None, Callable[[str], None]]]:
    """A rich progress bar on stderr, one task per language (off for --json or no TTY),
    and where the runner's notices go (stderr, above the bar)."""

    if not (enabled and sys.stderr.isatty()):
        yield None, lambda line: typer.echo(line, err=True)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TimeElapsedColumn

    tasks: dict[str, TaskID] = {}
    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:

        def update(lang: str, done: int, total: int) -> None:
            if lang not in tasks:
                tasks[lang] = bar.add_task(f"translate {lang}", total=total)
            bar.update(tasks[lang], completed=done, total=total)

        yield update, lambda line: bar.console.print(line, markup=False, highlight=False)


def _print_report(report: object, json_: bool) -> None:
    import dataclasses

    data = dataclasses.asdict(report)  # type: ignore[call-overload]
    if json_:
        print_json(data)
        return
    for lang, item in data["languages"].items():
        merged = ", ".join(f"{v} {k}" for k, v in item["merged"].items() if v)
        parts = [
            f"{item['machine']} machine-translated" if item["engine"] else "",
            f"{item['memory_exact']} from memory" if item["memory_exact"] else "",
            f"{item['memory_fuzzy']} memory suggestions" if item["memory_fuzzy"] else "",
            f"{item['hints']} with glossary hints" if item["hints"] else "",
            f"{item['glossary_misses']} glossary misses" if item["glossary_misses"] else "",
            f"{item['untranslated']} untranslated",
            f"merge: {merged}" if merged else "",
            f"{len(item['catalogs_written'])} catalogs written",
        ]
        typer.echo(f"{lang}: " + "; ".join(p for p in parts if p))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(extract)
    app.command()(update)
    app.command()(translate)
