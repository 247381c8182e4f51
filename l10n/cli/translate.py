"""Commands that produce catalogs: extract, update, translate."""

from __future__ import annotations

from typing import Annotated

import typer

from l10n.cli import _common
from l10n.cli._common import ConfigOption, JsonOption, print_json, settings


def extract(
    articles: _common.ArticlesArg = None, config: ConfigOption = None, json_: JsonOption = False
) -> None:
    """Write each article's segments to locales/templates/<slug>.pot."""
    from l10n.workflow.extract import extract as run

    conf = settings(config)
    with _common.progress_bars(enabled=not json_) as bars:
        results = run(conf, articles, segmenting=bars.segment if bars else None)
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
        return
    for r in results:
        state = "written" if r.written else "unchanged"
        typer.echo(f"{conf.display(r.path)}: {r.entries} entries ({state})")


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
                     purge_obsolete=purge_obsolete, segmenting=bars.segment if bars else None)
    _print_report(report, json_)


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
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Update the catalogs, then machine-translate every entry without a translation.

    Machine output is marked fuzzy with its provenance; reviewed and translator-edited
    entries are never touched. Exact and fuzzy matches from the translation memory are
    used before the engine.
    """
    from l10n.lang import split_languages
    from l10n.workflow.translate import translate as run

    with _common.progress_bars(enabled=not json_) as bars:
        report = run(
            settings(config), articles, split_languages(to), engine_name=engine,
            progress=bars.translate if bars else None,
            segmenting=bars.segment if bars else None,
        )
    _print_report(report, json_)


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
    app.command(cls=_common.Command)(extract)
    app.command(cls=_common.Command)(update)
    app.command(cls=_common.Command)(translate)
