"""Commands: ``l10n glossary check|list|find|export|import`` (see :mod:`l10n.glossary`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from l10n.cli import _common
from l10n.cli._common import ConfigOption, JsonOption, LangOption, print_json, settings

if TYPE_CHECKING:
    from l10n.glossary import Glossary
    from l10n.model import Term

GLOSSARY_HELP = (
    "The term glossary: glossaries/*.toml, one [[term]] table per term with source, "
    "variants, case_sensitive, keep, note, [term.targets] and [term.readings]."
)
LangsOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", metavar="LANGS",
                 help="Languages, comma-separated (default: all in the glossary)."),
]


def _load(config: Path | None) -> tuple[Any, Glossary]:
    from l10n.glossary import load_glossary

    conf = settings(config)
    return conf, load_glossary(conf.path(conf.glossaries))


def _langs(value: str | None, glossary: Glossary) -> list[str]:
    from l10n.glossary.interchange import language_codes
    from l10n.lang import split_languages

    return language_codes(split_languages(value)) or sorted(glossary.languages())


def check(
    folder: Annotated[Path | None, typer.Argument(
        metavar="FOLDER", help="Glossary folder (default: `glossaries` of the config).",
        show_default=False)] = None,
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Validate the glossary; print every problem as path:line: message (hint); exit 2 if any."""
    from l10n.glossary import check_glossary

    conf = settings(config)
    where = folder if folder is not None else conf.path(conf.glossaries)
    problems = check_glossary(where)
    if json_:
        print_json([{"path": p.path, "line": p.line, "message": p.message, "hint": p.hint}
                    for p in problems])
    for problem in problems:
        typer.echo(problem.format_message(), err=True)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {conf.display(where)}", err=True)
        raise typer.Exit(2)
    if not json_:
        typer.echo(f"{conf.display(where)}: OK")


def _term_json(term: Term, langs: list[str]) -> dict[str, Any]:
    return {
        "source": term.source,
        "targets": {lang: term.target(lang) for lang in langs if term.target(lang) is not None},
        "keep": term.keep, "case_sensitive": term.case_sensitive,
        "variants": list(term.variants), "note": term.note,
        "readings": {lang: r for lang in langs if (r := term.reading(lang))},
        "file": term.file, "line": term.line,
    }


def list_(lang: LangsOption = None, config: ConfigOption = None, json_: JsonOption = False) -> None:
    """List the terms with their targets (only terms with a target in --lang, if given)."""
    _, glossary = _load(config)
    langs = _langs(lang, glossary)
    terms = [t for t in glossary.terms if any(t.target(code) for code in langs)]
    if json_:
        print_json([_term_json(term, langs) for term in terms])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("source", *langs, "keep", "variants", "note")
    for term in terms:
        table.add_row(term.source, *(term.target(code) or "-" for code in langs),
                      "yes" if term.keep else "", ", ".join(term.variants), term.note)
    Console().print(table)


def find(
    article: Annotated[Path, typer.Argument(metavar="ARTICLE",
                                            help="An article file (.txt or .md).")],
    lang: LangsOption = None,
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Show which terms occur in which segments of ARTICLE, with spans: the translator's preview."""
    from l10n.articles import read_article
    from l10n.glossary.preview import find_in_article

    conf, glossary = _load(config)
    langs = _langs(lang, glossary)
    found = find_in_article(glossary, read_article(article, furniture=conf.furniture,
                                                   lang=conf.source, content=conf.html.content,
                                                   exclude=conf.html.exclude),
                            langs[0] if len(langs) == 1 else None)
    if json_:
        print_json([{
            "block": item.label, "segment": item.segment.index, "line": item.segment.line,
            "text": item.segment.text,
            "terms": [{"source": m.term.source, "text": m.text, "start": m.start, "end": m.end,
                       "targets": {c: m.term.target(c) for c in langs}} for m in item.matches],
        } for item in found])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("line", "segment", "found", "span", *langs)
    for item in found:
        for m in item.matches:
            where = f"{item.label}, sentence {item.segment.index + 1}"
            table.add_row(str(item.segment.line), where, m.text, f"{m.start}-{m.end}",
                          *(m.term.target(c) or "-" for c in langs))
    Console().print(table)


FormatOption = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT",
                                           help="tbx or csv.")]


def export(
    format_: FormatOption = "tbx",
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE",
                                             help="Write here (default: stdout).")] = None,
    lang: LangsOption = None,
    notes: Annotated[bool, typer.Option("--notes", help="CSV: add a header and a description "
                                        "column with the notes.")] = False,
    config: ConfigOption = None,
) -> None:
    """Export the glossary as TBX-Basic (all languages) or CSV (source,target for one --lang)."""
    from l10n.glossary.interchange import export_glossary
    from l10n.lang import split_languages

    conf, glossary = _load(config)
    langs = split_languages(lang)
    if format_ == "csv" and langs is None and len(conf.targets) == 1:
        langs = conf.targets
    text = export_glossary(glossary, format_, langs=langs, source_lang=conf.source, notes=notes)
    if out is None:
        typer.echo(text, nl=False)
        return
    from l10n.fsutil import write_atomic

    write_atomic(out, text)
    typer.echo(f"{out}: {len(glossary)} terms", err=True)


def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A .tbx or .csv glossary.")],
    into: Annotated[Path | None, typer.Option(
        "--into", metavar="FILE",
        help="Glossary TOML to write (default: <glossaries>/imported.toml).")] = None,
    lang: LangOption = None,
    format_: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT",
                                                help="tbx or csv (default: "
                                                "from the file name).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --into if it exists.")] = False,
    config: ConfigOption = None,
) -> None:
    """Import a TBX or CSV glossary into a TOML file; nothing is written unless all is valid."""
    from l10n.glossary.interchange import import_glossary
    from l10n.lang import split_languages

    conf = settings(config)
    folder = conf.path(conf.glossaries)
    langs = split_languages(lang)
    if format_ != "tbx" and langs is None and len(conf.targets) == 1 and \
            file.suffix.lower() in (".csv", ".tsv"):
        langs = conf.targets
    result = import_glossary(file, into=into or folder / "imported.toml", folder=folder,
                             fmt=format_, langs=langs, source_lang=conf.source, force=force)
    for entry in result.skipped:
        typer.echo(f"skipped (no target): {entry}", err=True)
    state = "written" if result.written else "unchanged"
    typer.echo(f"{conf.display(result.path)}: {result.terms} terms ({state})")


def register(app: typer.Typer) -> None:
    """Add the ``glossary`` command group to the app."""
    group = typer.Typer(help=GLOSSARY_HELP, no_args_is_help=True, rich_markup_mode=None)
    group.command(cls=_common.Command)(check)
    group.command("list", cls=_common.Command)(list_)
    group.command(cls=_common.Command)(find)
    group.command(cls=_common.Command)(export)
    group.command("import", cls=_common.Command)(import_)
    app.add_typer(group, name="glossary")
