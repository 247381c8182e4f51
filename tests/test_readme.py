"""The README says what the code does: its two set-up commands are the ones CI runs, and
every command and option of its tour of the command line exists, with that spelling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def first_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block is not None, "the README starts with a sh block of set-up commands"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_two_setup_commands_and_ci_runs_the_second() -> None:
    install, tests = first_commands()
    assert "pip install -e" in install and "l10n translate" in install
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line and not line.startswith("#")]
    assert ci[-1] == tests
    extras = re.search(r"pip install -e '(\.\[[^\]]*\])'", install)
    assert extras is not None and f"pip install -q -e '{extras.group(1)}'" in "\n".join(ci)


def tour() -> list[tuple[list[str], list[str]]]:
    """(command words, options) of each row of the README's command table."""
    section = README.split("## A tour of the command line", 1)[1].split("\n## ", 1)[0]
    rows = []
    for cell in re.findall(r"^\| `l10n ([^`]*)` \|", section, re.M):
        listed = re.match(r"(\w+) (\w+(?:\\\|\w+)+)$", cell)  # `glossary check\|list\|...`
        if listed:
            rows += [([listed.group(1), sub], []) for sub in listed.group(2).split("\\|")]
            continue
        words = re.match(r"[a-z ]+", cell)
        assert words is not None
        rows.append((words.group().split(), re.findall(r"--[a-z-]+", cell)))
    return rows


ROWS = tour()


def test_the_tour_lists_every_command() -> None:
    assert len(ROWS) >= 12
    assert {row[0][0] for row in ROWS} >= {"segment", "extract", "update", "translate", "check",
                                          "status", "review", "build", "glossary", "xliff"}


@pytest.mark.parametrize(("command", "options"), ROWS, ids=[" ".join(r[0]) for r in ROWS])
def test_each_command_of_the_tour_has_its_options(command: list[str], options: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for option in options:
        assert re.search(rf"{option}\b", result.output), f"l10n {' '.join(command)}: {option}"
