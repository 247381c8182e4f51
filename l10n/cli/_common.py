"""What every command shares: options, settings, output, and turning errors into exits."""

from __future__ import annotations

import dataclasses
import json
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from l10n.errors import L10nError, L10nWarning, Problem

if TYPE_CHECKING:
    from l10n.config import Settings

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        metavar="FILE",
        help="Config file (default: l10n.toml or [tool.l10n] "
        "in pyproject.toml, found from the current folder upwards).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        metavar="LANGS",
        help="Target languages, comma-separated (default: config targets).",
    ),
]
ArticlesArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="ARTICLE",
        help="Article files or folders of articles (default: every article in the "
        "article folder).",
        show_default=False,
    ),
]


class Command(TyperCommand):
    """A command whose help names arguments and option values one way: upper case, as
    in the usage line (``ARTICLE``, ``[ARTICLE]...``, ``--lang LANGS``), never typer's
    ``{article}`` or ``<list[Path]>``. Every command is registered with this class."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [value_name(p) for p in self.get_params(ctx)
                         if p.param_type_name == "argument"]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        rows: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                rows["Arguments"].append((value_name(param), record[1]))
            else:
                opts = sorted(param.opts, key=lambda o: o.startswith("--"))  # -c, --config
                names = ", ".join(opts + param.secondary_opts)
                flag = getattr(param, "is_flag", False) or getattr(param, "count", False)
                rows["Options"].append((names if flag else f"{names} {value_name(param)}",
                                        record[1]))
        for title, records in rows.items():
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


def value_name(param: Any) -> str:
    """An argument as the usage line shows it (``ARTICLE``, ``[ARTICLE]...``), or the value
    of an option (``LANGS``): its metavar, else its name in upper case."""
    name = param.metavar or (param.name or "value").upper()
    if param.param_type_name != "argument":
        return name
    name = name if param.required else f"[{name}]"
    return name + "..." if param.nargs != 1 else name


def settings(config: Path | None, **overrides: Any) -> Settings:
    """Load :class:`~l10n.config.Settings` (imported here to keep start-up light)."""
    from l10n.config import load_settings

    return load_settings(config, **overrides)


def print_json(data: Any) -> None:
    """``data`` as :func:`json_pieces` writes it, in pieces of about 64 KB (an archive's
    status is 20,000 rows: they are never all held as text)."""
    chunk: list[str] = []
    size = 0
    for piece in json_pieces(data):
        chunk.append(piece)
        size += len(piece)
        if size > 65536:
            typer.echo("".join(chunk), nl=False)
            chunk, size = [], 0
    typer.echo("".join(chunk))


def json_pieces(value: Any, level: int = 0) -> Iterator[str]:
    """``value`` as JSON indented by two spaces, except that an object or list holding no
    object or list (a status row, a finding) takes one line: as readable, and written by
    the C encoder (Python's indenting encoder took a second for 20,000 status rows). An
    iterator (not a list) is a list of such one-line rows, written as they come."""
    if isinstance(value, Iterator):
        first = next(value, None)
        if first is None:
            yield "[]"
            return
        pad = "  " * (level + 1)
        yield "[\n" + pad + _dumps(first)
        for item in value:
            yield ",\n" + pad + _dumps(item)
        yield "\n" + "  " * level + "]"
        return
    nested = isinstance(value, dict | list) and any(
        isinstance(item, dict | list | Iterator) for item in (
            value.values() if isinstance(value, dict) else value))
    if not nested and not (level == 0 and isinstance(value, dict) and value):
        yield _dumps(value)
        return
    pad = "  " * (level + 1)
    items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
    yield "{" if isinstance(value, dict) else "["
    for number, (name, item) in enumerate(items):
        yield ("," if number else "") + "\n" + pad
        if isinstance(value, dict):
            yield f"{_dumps(str(name))}: "
        yield from json_pieces(item, level + 1)
    yield "\n" + "  " * level + ("}" if isinstance(value, dict) else "]")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _shown(path: str | None) -> str | None:
    """A path in a message, relative to the current folder when it lies under it."""
    from l10n.fsutil import display_path

    return None if path is None else display_path(path)


def finish(problems: Sequence[Problem]) -> None:
    """After a command's results: each problem it went on past as one ``Error:`` line on
    stderr, then exit with the worst of their exit codes (nothing when there were none)."""
    for problem in problems:
        shown = dataclasses.replace(problem, path=_shown(problem.path))
        typer.echo(f"Error: {shown.format_message()}", err=True)
    if problems:
        raise typer.Exit(code=max(problem.exit_code for problem in problems))


def _show_warning(message: Warning | str, category: type[Warning], *args: object,
                  **kwargs: object) -> None:
    """l10n's warnings as one ``Warning:`` line on stderr; others as Python shows them."""
    if isinstance(message, L10nWarning):
        message.error.path = _shown(message.error.path)
        typer.echo(f"Warning: {message.format_message()}", err=True)
    else:
        typer.echo(warnings.formatwarning(message, category, *args, **kwargs), err=True,  # type: ignore[arg-type]
                   nl=False)


def run_app(app: typer.Typer) -> None:
    """Run the app; an L10nError anywhere becomes one ``Error:`` line and its exit code.

    Usage errors (unknown option, missing argument) are typer's: exit code 2.
    """
    warnings.showwarning = _show_warning
    try:
        app()
    except L10nError as exc:
        exc.path = _shown(exc.path)
        typer.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)


class ProgressBars:
    """Progress on stderr, one bar per language being translated or article being
    segmented: how much, how fast, time spent and time left."""

    def __init__(self, bar: Any) -> None:
        self._bar = bar
        self._tasks: dict[str, Any] = {}

    def _show(self, name: str, done: int, total: int, unit: str, scale: int) -> None:
        if name not in self._tasks:
            self._tasks[name] = self._bar.add_task(name, total=total, unit=unit, scale=scale)
        self._bar.update(self._tasks[name], completed=done, total=total)

    def translate(self, lang: str, done: int, total: int) -> None:
        self._show(f"translate {lang}", done, total, "segments", 1)

    def segment(self, slug: str, done: int, total: int) -> None:
        self._show(f"segment {slug}", done, total, "KB", 1000)

    def notice(self, line: str) -> None:
        """A line above the bars (where a run's engines run, say)."""
        self._bar.console.print(line, markup=False, highlight=False)


@contextmanager
def progress_bars(enabled: bool = True) -> Iterator[ProgressBars | None]:
    """:class:`ProgressBars` while the block runs; None for --json or when stderr is not
    a terminal (a pipe or a CI log gets no bars)."""
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        Task,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Amount(ProgressColumn):
        def render(self, task: Task) -> Text:
            scale, unit = task.fields["scale"], task.fields["unit"]
            total = f"{(task.total or 0) / scale:,.0f}"
            return Text(f"{task.completed / scale:,.0f}/{total} {unit}")

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            if not speed:
                return Text("")
            return Text(f"{speed / task.fields['scale']:,.0f} {task.fields['unit']}/s")

    columns = ("{task.description}", BarColumn(), Amount(), Rate(), TimeElapsedColumn(),
               "left", TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        yield ProgressBars(bar)
