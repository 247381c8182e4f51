"""Commands: ``l10n state prune`` (see :mod:`l10n.incremental`)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer

from l10n.cli._common import Command, ConfigOption, JsonOption, print_json, settings

STATE_HELP = (
    "The state file (.l10n/state.sqlite): what l10n remembers between runs so that an "
    "unchanged archive costs little. A cache: deleting it changes no output, only time."
)


def prune(config: ConfigOption = None, json_: JsonOption = False) -> None:
    """Drop the facts of files that are gone and compact the state file. Runs by itself
    every few commands that write; this is for scripts (after deleting many articles)."""
    from l10n.incremental import State

    conf = settings(config)
    folder = Path(conf.state_dir)
    if not (folder / "state.sqlite").exists():
        result = None
    else:
        with State(folder) as state:
            result = state.prune()
    data = {"state": conf.display(folder / "state.sqlite"), "pruned": result is not None,
            **(dataclasses.asdict(result) if result is not None else {})}
    if json_:
        print_json(data)
        return
    if result is None:
        typer.echo(f"{data['state']}: nothing to prune (no state file, or another run holds it)")
        return
    typer.echo(f"{data['state']}: {result.files} files and {result.facts} facts of files that "
               f"are gone removed; {result.bytes_before:,} -> {result.bytes_after:,} bytes"
               + (" (compacted)" if result.compacted else ""))


def register(app: typer.Typer) -> None:
    """Add the ``state`` command group to the app."""
    group = typer.Typer(help=STATE_HELP, no_args_is_help=True, rich_markup_mode=None)
    group.command(cls=Command)(prune)
    app.add_typer(group, name="state")
