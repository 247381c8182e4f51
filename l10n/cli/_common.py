"""What every command shares: options, settings, output, and turning errors into exits."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from l10n.errors import L10nError, Problem

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config file (default: l10n.toml or [tool.l10n] "
        "in pyproject.toml, found from the current folder upwards).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang", "-l", help="Target languages, comma-separated (default: config targets)."
    ),
]


def settings(config: Path | None, **overrides: Any) -> Any:
    """Load :class:`~l10n.config.Settings` (imported here to keep start-up light)."""
    from l10n.config import load_settings

    return load_settings(config, **overrides)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def finish(problems: Sequence[Problem]) -> None:
    """After a command's results: each problem it went on past as one ``Error:`` line on
    stderr, then exit with the worst of their exit codes (nothing when there were none)."""
    for problem in problems:
        typer.echo(f"Error: {problem.format_message()}", err=True)
    if problems:
        raise typer.Exit(code=max(problem.exit_code for problem in problems))


def run_app(app: typer.Typer) -> None:
    """Run the app; an L10nError anywhere becomes one ``Error:`` line and its exit code.

    Usage errors (unknown option, missing argument) are typer's: exit code 2.
    """
    try:
        app()
    except L10nError as exc:
        typer.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
