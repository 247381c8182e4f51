"""Commands that produce catalogs: extract, update, translate."""

from __future__ import annotations

import sys
from contextlib import redirect_stdout
from typing import TYPE_CHECKING, Annotated

import typer

from l10n.cli import _common
from l10n.cli._common import ConfigOption, JsonOption, finish, print_json, settings

if TYPE_CHECKING:
    from l10n.errors import Problem


def extract(
    articles: _common.ArticlesArg = None, config: ConfigOption = None, json_: JsonOption = False
) -> None:
    """Write each article's segments to locales/templates/<slug>.pot."""
    from l10n.workflow.extract import extract as run

    conf = settings(config)
    problems: list[Problem] = []
    with _common.progress_bars(enabled=not json_) as bars:
        results = run(conf, articles, problems=problems,
                      segmenting=bars.segment if bars else None)
    if json_:
        print_json(
            [
                {
                    "article": conf.display(r.article.path),
                    "slug": r.article.slug,
                    "template": conf.display(r.path),
                    "entries": r.entries,
                    "written": r.written,
                }
                for r in results
            ]
        )
    else:
        for r in results:
            state = "written" if r.written else "unchanged"
            typer.echo(f"{conf.display(r.path)}: {r.entries} entries ({state})")
    finish(problems)


ToOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        "--lang",
        "-l",
        metavar="LANGS",
        help="Target languages, comma-separated, e.g. ko,ja,es (default: config targets).",
    ),
]


def update(
    articles: _common.ArticlesArg = None,
    to: ToOption = None,
    purge_obsolete: Annotated[
        bool, typer.Option("--purge-obsolete", help="Delete obsolete (#~) entries.")
    ] = False,
    purge_orphans: Annotated[
        bool,
        typer.Option(
            "--purge-orphans",
            help="Delete the templates and catalogs of deleted articles, once their reviewed "
            "translations are in the memory.",
        ),
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

    with _common.progress_bars(enabled=not json_) as bars:
        report = run(settings(config), articles, split_languages(to),
                     purge_obsolete=purge_obsolete, purge_orphans=purge_orphans,
                     segmenting=bars.segment if bars else None)
    _print_report(report, json_)
    finish(report.problems)


def translate(
    articles: _common.ArticlesArg = None,
    to: ToOption = None,
    engine: Annotated[
        str | None,
        typer.Option(
            "--engine",
            "-e",
            metavar="NAME",
            help="Engine: argos, pseudo, none, or an installed "
            "plug-in (default: argos when a model for the pair is installed).",
        ),
    ] = None,
    retranslate: Annotated[
        str | None,
        typer.Option(
            "--retranslate",
            metavar="KIND",
            help="KIND is machine: translate again all untouched machine output (reviewed "
            "and edited entries are never touched).",
        ),
    ] = None,
    runner: Annotated[
        str | None,
        typer.Option(
            "--runner",
            metavar="RUNNER",
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
    with _common.progress_bars(enabled=not json_) as bars, redirect_stdout(sys.stderr):
        report = run(
            settings(config), articles, split_languages(to), engine_name=engine,
            progress=bars.translate if bars else None,
            segmenting=bars.segment if bars else None, retranslate=retranslate,
            runner=runner, address=address,
            notice=bars.notice if bars else lambda line: typer.echo(line, err=True),
        )
    _print_report(report, json_)
    finish(report.problems)


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
    for path in data["orphans_removed"]:
        typer.echo(f"removed orphan {path}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(cls=_common.Command)(extract)
    app.command(cls=_common.Command)(update)
    app.command(cls=_common.Command)(translate)
