"""The command line as a whole: every command documented, entry points, errors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from l10n.cli import app
from tests.cli_helpers import run_l10n

EXPECTED = {
    "segment",
    "extract",
    "update",
    "translate",
    "check",
    "status",
    "build",
    "glossary",
    "models",
    "memory",
}


def _commands(group: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every command under ``group`` (typer vendors its own click: duck-type it)."""
    yield path or "l10n", group
    if hasattr(group, "commands"):
        for name, command in group.commands.items():
            yield from _commands(command, f"{path} {name}".strip())


def test_all_expected_commands_exist() -> None:
    root = typer.main.get_command(app)
    assert hasattr(root, "commands")
    assert set(root.commands) >= EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_command_has_help_text(name: str) -> None:
    root = typer.main.get_command(app)
    assert hasattr(root, "commands")
    for path, command in _commands(root.commands[name], name):
        assert (command.help or "").strip(), f"'l10n {path}' has no help text"
        for param in command.params:
            if not getattr(param, "hidden", False):  # arguments too, not only options
                label = param.opts[0] if param.opts else param.name
                assert (param.help or "").strip(), f"'l10n {path} {label}' has no help"
        result = CliRunner().invoke(app, [*path.split(), "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output


_NAME = r"[A-Z][A-Z_]*(?:\|[A-Z][A-Z_]*(?:\.[a-z]+)?)*"  # ARTICLE, ARTICLE|FILE.po
_ARGUMENT = re.compile(rf"^(?:{_NAME}|\[{_NAME}\])(?:\.\.\.)?$")


def _help_of(path: str) -> str:
    result = CliRunner().invoke(app, [*path.split(), "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("name", sorted(typer.main.get_command(app).commands))  # type: ignore[attr-defined]
def test_argument_and_value_names_are_written_one_way(name: str) -> None:
    """Usage lines, argument lists and option values name things the same way everywhere:
    upper case (ARTICLE, [ARTICLE]..., --lang LANGS), never typer's {article},
    [[ARTICLE]...]... or <list[Path]>; every command's articles are [ARTICLE]..."""
    root = typer.main.get_command(app)
    for path, command in _commands(root.commands[name], name):
        text = _help_of(path)
        assert not re.search(r"[{}]|<(?:str|path|int|float|list|bool)", text), text
        usage = text.split("\n\n")[0].replace("\n", " ").split()
        after = usage[usage.index("[OPTIONS]") + 1 :] if "[OPTIONS]" in usage else []
        for word in after:
            assert _ARGUMENT.match(word) or word in ("COMMAND", "[ARGS]..."), (path, word)
        if "Arguments:" in text:
            listed = text.split("Arguments:\n")[1].split("\n\n")[0]
            for line in listed.splitlines():
                if line.startswith("  ") and not line.startswith("   "):
                    assert _ARGUMENT.match(line.split()[0]), (path, line)
        options = text.split("Options:\n")[1] if "Options:\n" in text else ""
        for line in options.splitlines():
            found = re.match(r"^  (-\S+(?:, -\S+)*)(?: ([^ -]\S*))?(?:  |$)", line)
            if found and found.group(2):
                assert re.fullmatch(r"[A-Z][A-Z_]*", found.group(2)), (path, line)
        for param in command.params:
            if param.param_type_name == "argument" and param.name == "articles":
                assert "[ARTICLE]..." in usage, (path, usage)


def test_python_dash_m_works(tmp_path: Path) -> None:
    done = run_l10n("--help", cwd=tmp_path)
    assert done.returncode == 0
    assert "translate" in done.stdout


def test_shell_completion_is_offered() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert "--install-completion" in result.output


def test_usage_error_exit_code(tmp_path: Path) -> None:
    done = run_l10n("translate", "--no-such-option", cwd=tmp_path)
    assert done.returncode == 2
    assert "No such option" in done.stderr


def test_cli_import_stays_light() -> None:
    """`l10n --help` must not import the heavy machinery (models, PO parsing, templates)."""
    import subprocess
    import sys

    code = (
        "import sys, l10n.cli; heavy = [m for m in ('argostranslate', 'ctranslate2', 'polib', "
        "'babel', 'jinja2', 'markdown_it', 'pysbd', 'sqlite3') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_progress_bars_show_amount_rate_and_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal: one bar per language translated and per article segmented, with
    how much, how fast and how long is left."""
    import io
    import sys
    import time

    from l10n.cli._common import progress_bars

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    with progress_bars() as bars:
        assert bars is not None
        for step in range(5):
            bars.segment("long-article", step * 200_000, 1_000_000)
            bars.translate("ko", step * 100, 1000)
            time.sleep(0.02)
    shown = err.getvalue()
    assert "segment long-article" in shown and "/1,000 KB" in shown and "KB/s" in shown
    assert "translate ko" in shown and "/1,000 segments" in shown and "segments/s" in shown
    assert "left" in shown and "0:00:" in shown
    with progress_bars(enabled=False) as none:
        assert none is None
