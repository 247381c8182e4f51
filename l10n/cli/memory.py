"""Commands: ``l10n memory export|import|stats`` (see :mod:`l10n.memory`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from l10n.cli._common import Command, ConfigOption, JsonOption, print_json, settings

MEMORY_HELP = (
    "The translation memory (.l10n/memory.sqlite, key `memory` in l10n.toml): every reviewed "
    "translation and machine output, reused across articles; TMX 1.4b for CAT tools."
)
TargetsOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", metavar="LANGS",
                 help="Target languages, comma-separated (default: all)."),
]


def _path(config: Path | None) -> Path:
    return Path(settings(config).memory_path)


def export(
    format_: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT",
                                         help="Only tmx (TMX 1.4b).")] = "tmx",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", metavar="FILE",
                                  help="Write here (default: stdout).")
    ] = None,
    lang: TargetsOption = None,
    config: ConfigOption = None,
) -> None:
    """Export the memory as TMX 1.4b, one <tu> per unit, kind/origin/engine as props."""
    from l10n.errors import UsageError
    from l10n.lang import split_languages
    from l10n.memory import Memory
    from l10n.memory.tmx import export_tmx, render_tmx

    if format_.lower() != "tmx":
        raise UsageError(f"unknown format '{format_}'", hint="use --format tmx")
    targets = split_languages(lang)
    with Memory.open(_path(config), create=False) as memory:
        if out is not None:
            count = export_tmx(memory, out, target=targets)
            typer.echo(f"{out}: {count} units", err=True)
            return
        typer.echo(render_tmx(memory.units(target=targets)), nl=False)


def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE",
                                         help="A TMX file (1.4b; 1.1 and later are read).")],
    config: ConfigOption = None,
) -> None:
    """Import a TMX file into the memory; a malformed file imports nothing (exit 2)."""
    from l10n.memory import Memory
    from l10n.memory.tmx import import_tmx

    with Memory.open(_path(config)) as memory:
        count = import_tmx(memory, file)
        total = memory.stats()["units"]
    typer.echo(f"{file}: {count} units added or changed; the memory holds {total} units")


def stats(config: ConfigOption = None, json_: JsonOption = False) -> None:
    """Units per language pair: reviewed and machine."""
    from l10n.memory import Memory

    conf = settings(config)
    path = Path(conf.memory_path)
    data: dict[str, Any] = {"units": 0, "pairs": []}
    if path.exists():
        with Memory.open(path) as memory:
            data = memory.stats()
    if json_:
        print_json({"path": conf.display(path), **data})
        return
    from rich.console import Console
    from rich.table import Table

    typer.echo(f"{conf.display(path)}:")  # on its own line: a table title would wrap it
    table = Table("source", "target", "reviewed", "machine")
    for pair in data["pairs"]:
        table.add_row(pair["source"], pair["target"], str(pair["reviewed"]), str(pair["machine"]))
    Console().print(table)
    typer.echo(f"{data['units']} units")


def register(app: typer.Typer) -> None:
    """Add the ``memory`` command group to the app."""
    group = typer.Typer(help=MEMORY_HELP, no_args_is_help=True, rich_markup_mode=None)
    group.command(cls=Command)(export)
    group.command("import", cls=Command)(import_)
    group.command(cls=Command)(stats)
    app.add_typer(group, name="memory")
