"""One broken draft or one missing model does not stop the work on the rest: each command
does what it can, names every problem at the end, and exits with its code."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from l10n.config import load_settings
from l10n.workflow.translate import translate
from tests.cli_helpers import run_l10n

SLUG = "nvidia-korea-ai-alliance"
BROKEN = "---\ntitle: [unclosed\n---\n\nA draft.\n"


@pytest.fixture()
def with_draft(project: Path) -> Path:
    (project / "seeds" / "draft.md").write_text(BROKEN, encoding="utf-8")
    return project


@pytest.mark.slow
@pytest.mark.parametrize("command", [
    ["extract"], ["update"], ["translate", "--engine", "pseudo"], ["status"], ["check"],
    ["build", "--include-machine"],
])
def test_a_broken_draft_does_not_stop_the_others(with_draft: Path, command: list[str]) -> None:
    if command[0] in ("status", "check", "build"):
        assert run_l10n("translate", "--engine", "pseudo", cwd=with_draft).returncode == 2
    done = run_l10n(*command, cwd=with_draft)
    assert done.returncode == 2, done.stderr
    [error] = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert "seeds/draft.md:" in error and "front matter" in error
    assert (with_draft / "locales" / "templates" / f"{SLUG}.pot").is_file()
    if command[0] == "build":
        assert (with_draft / "build" / "ko" / f"{SLUG}.html").is_file()
    if command[0] == "status":
        assert SLUG in done.stdout


def test_translate_reports_broken_articles_in_json(with_draft: Path) -> None:
    done = run_l10n("translate", "--engine", "pseudo", "--json", cwd=with_draft)
    assert done.returncode == 2
    data = json.loads(done.stdout)
    [problem] = data["problems"]
    assert problem["path"].endswith("draft.md") and problem["exit_code"] == 2
    assert data["languages"]["ko"]["machine"] > 0


def test_languages_without_a_model_are_named_and_the_others_translated(
    models_project: Path,
) -> None:
    done = run_l10n("translate", "--to", "ko,ja,de", cwd=models_project)
    assert done.returncode == 3, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2
    assert "en -> ja" in errors[0] and "en -> de" in errors[1]
    po = polib.pofile(str(models_project / "locales" / "ko" / f"{SLUG}.po"))
    assert all(entry.msgstr for entry in po)
    assert not (models_project / "locales" / "ja").exists()


def test_memory_exact_reviewed_trusts_reviewed_memory(models_project: Path) -> None:
    settings = load_settings(cwd=models_project)
    translate(settings)
    path = models_project / "locales" / "ko" / f"{SLUG}.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    po.save()
    copy = models_project / "seeds" / "again.txt"
    copy.write_bytes((models_project / "seeds" / f"{SLUG}.txt").read_bytes())
    with (models_project / "l10n.toml").open("a", encoding="utf-8") as config:
        config.write('memory_exact = "reviewed"\n')
    report = translate(load_settings(cwd=models_project))
    assert report.languages["ko"].memory_exact == len(po)
    again = polib.pofile(str(models_project / "locales" / "ko" / "again.po"))
    assert all(e.msgstr and "fuzzy" not in e.flags for e in again)
    assert all("tm: 100% from locales/ko/" in e.comment for e in again)


def test_memory_exact_must_be_fuzzy_or_reviewed(project: Path) -> None:
    with (project / "l10n.toml").open("a", encoding="utf-8") as config:
        config.write('memory_exact = "always"\n')
    done = run_l10n("translate", "--engine", "pseudo", cwd=project)
    assert done.returncode == 2 and "l10n.toml:4" in done.stderr and "memory_exact" in done.stderr
