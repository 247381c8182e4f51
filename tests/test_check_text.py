"""``l10n check`` on a project writes its findings as text blocks (issue 29): a span
replayed from the state writes the lines it recorded, decoding no finding, so a
no-change check of an archive whose every entry is a finding costs what it writes.
The lines, the count line and the exit code are those of the findings themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import l10n.qa.report as report
from l10n.cli import app
from l10n.config import load_settings
from l10n.model import Severity
from l10n.qa.report import finding_line
from l10n.workflow.qa import check_project
from tests.test_state import _archive


def _run(args: list[str], project: Path, monkeypatch: pytest.MonkeyPatch
         ) -> tuple[int, list[str], str]:
    with monkeypatch.context() as patch:
        patch.chdir(project)
        result = CliRunner().invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout.splitlines(), result.stderr


def _expected(project: Path, monkeypatch: pytest.MonkeyPatch, *, only: str | None = None
              ) -> tuple[list[str], str]:
    """The lines and the count line the findings themselves give (as ``--format json``
    and the library see them)."""
    with monkeypatch.context() as patch:
        patch.chdir(project)
        findings = list(check_project(load_settings(project / "l10n.toml"), only=only).findings)
    errors = sum(f.severity == Severity.ERROR for f in findings)
    warnings = sum(f.severity == Severity.WARNING for f in findings)
    counted = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    return [finding_line(f) for f in findings], counted


def test_check_writes_the_findings_lines_and_counts_first_and_replayed(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _archive(project, 3)
    assert _run(["translate"], project, monkeypatch)[0] == 0
    (project / "locales" / "es" / "story-1.po").unlink()  # a warning: no catalog
    lines, counted = _expected(project, monkeypatch)
    assert len(lines) > 20 and "1 warning" in counted
    for _ in range(2):  # the first check (spans recorded), then a replay
        code, out, err = _run(["check"], project, monkeypatch)
        assert (code, out, err.strip()) == (1, lines, counted)

    # the replay writes what it recorded: no finding is turned into a line again
    def refused(*_: object) -> str:
        raise AssertionError("a replayed check formats a finding")

    monkeypatch.setattr(report, "finding_line", refused)
    code, out, err = _run(["check"], project, monkeypatch)
    assert (code, out, err.strip()) == (1, lines, counted)


def test_check_text_with_only_and_languages_counts_as_the_findings_do(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _archive(project, 2)
    assert _run(["translate"], project, monkeypatch)[0] == 0
    (project / "locales" / "ko" / "story-0.po").unlink()
    lines, counted = _expected(project, monkeypatch, only="untranslated")
    assert counted == "0 errors, 1 warning"
    for _ in range(2):
        assert _run(["check", "--only", "untranslated"], project, monkeypatch) == (
            0, lines, f"{counted}\n")
        assert _run(["check", "--only", "reviewed"], project, monkeypatch) == (
            0, ["No problems found."], "")
        code, out, _ = _run(["check", "--lang", "es"], project, monkeypatch)
        assert code == 1 and out and all("locales/es/" in line for line in out)


def test_check_project_as_text_is_the_findings_as_text(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _archive(project, 2)
    assert _run(["translate"], project, monkeypatch)[0] == 0
    monkeypatch.chdir(project)
    settings = load_settings(project / "l10n.toml")
    findings = list(check_project(settings).findings)
    for _ in range(2):
        result = check_project(settings, as_text=True)
        blocks = list(result.text)
        assert list(result.findings) == []
        assert "\n".join(b.text for b in blocks if b.text) == "\n".join(
            finding_line(f) for f in findings)
        assert sum(b.errors for b in blocks) == sum(
            f.severity == Severity.ERROR for f in findings) > 0
