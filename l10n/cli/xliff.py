"""Commands: ``l10n xliff export|import`` (see :mod:`l10n.interchange.project`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from l10n.cli import _common
from l10n.cli._common import ConfigOption, JsonOption, LangOption, print_json, settings

XLIFF_HELP = (
    "Exchange catalogs with translation agencies as XLIFF 2.1 or 1.2 (memoQ, Trados, "
    "Phrase, Okapi): export for translation, import their work back safely."
)


def export(
    articles: _common.ArticlesArg = None,
    lang: LangOption = None,
    version: Annotated[str, typer.Option("--version", metavar="VERSION",
                                         help="XLIFF version: 2.1 or 1.2.")] = "2.1",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", metavar="FOLDER",
                                  help="Folder for the files (default: xliff/).")
    ] = None,
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Write <out>/<slug>.<lang>.xlf for each article and language, from its catalog."""
    from l10n.interchange.project import export_xliff
    from l10n.lang import split_languages

    conf = settings(config)
    done = export_xliff(conf, articles, split_languages(lang), version=version, out=out)
    if json_:
        print_json([{"path": conf.display(e.path), "slug": e.slug, "lang": e.lang,
                     "units": e.units, "written": e.written} for e in done])
        return
    for item in done:
        state = "written" if item.written else "unchanged"
        typer.echo(f"{conf.display(item.path)}: {item.units} units ({state})")


def import_(
    files: Annotated[list[Path], typer.Argument(metavar="FILE",
                                                help="XLIFF files (2.x or 1.2).")],
    trust: Annotated[
        bool,
        typer.Option("--trust", help="Take 'translated' targets as reviewed, not as drafts."),
    ] = False,
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Bring an agency's translations back into the catalogs; reviewed only when the file
    says reviewed/final (or --trust); entries changed since the export are not touched."""
    from l10n.interchange.project import import_xliff

    report = import_xliff(settings(config), files, trust=trust)
    if json_:
        print_json([o.__dict__ for o in report.outcomes])
        return
    for outcome in report.outcomes:
        if outcome.message and outcome.status != "skipped":
            where = f"{outcome.file}:{outcome.line}" if outcome.line else outcome.file
            typer.echo(f"{where}: {outcome.status} {outcome.unit}: {outcome.message}", err=True)
    counts = ", ".join(
        f"{report.count(s)} {s}"
        for s in ("saved", "suggested", "unchanged", "conflict", "missing", "skipped")
    )
    typer.echo(f"{len(files)} files: {counts}")


def register(app: typer.Typer) -> None:
    """Add the ``xliff`` command group to the app."""
    group = typer.Typer(help=XLIFF_HELP, no_args_is_help=True, rich_markup_mode=None)
    group.command(cls=_common.Command)(export)
    group.command("import", cls=_common.Command)(import_)
    app.add_typer(group, name="xliff")
