"""A translate run killed with SIGKILL leaves every catalog old or new, never torn, and a
re-run resumes with what is still missing. The engine is a third-party plug-in found
through the ``l10n.engines`` entry point group, like any engine a user installs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from l10n.catalog import Catalog

PLUGIN = '''
import time
from l10n.model import Hypothesis

class SlowEngine:
    """Upper-cases text, slowly: one batch takes a quarter of a second."""
    name = "slow"
    def supports(self, source, target):
        return True
    def describe(self, source, target):
        return "slow 1.0"
    def translate_batch(self, texts, source, target, *, n_best=1, progress=None):
        time.sleep(0.25)
        return [[Hypothesis(text.upper(), None)] for text in texts]

def create():
    return SlowEngine()
'''

ARTICLES = 24
SENTENCES = 60


def _install_plugin(folder: Path) -> None:
    folder.mkdir()
    (folder / "slow_engine.py").write_text(PLUGIN, encoding="utf-8")
    info = folder / "slow_engine-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: slow-engine\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[l10n.engines]\nslow = slow_engine:create\n")


def _write_articles(seeds: Path) -> None:
    for a in range(ARTICLES):
        body = " ".join(
            f"Story {a} reports that sentence number {s} describes event {a * 100 + s}."
            for s in range(SENTENCES)
        )
        (seeds / f"story-{a:02d}.md").write_text(
            f"---\ntitle: Story {a}\n---\n\n{body}\n", encoding="utf-8"
        )


def _states(project: Path) -> dict[str, int]:
    """Entries with and without a translation; an article the run did not reach yet (it
    works article by article) has no catalog: its template's entries are untranslated."""
    counts = {"machine": 0, "untranslated": 0}
    for a in range(ARTICLES):
        path = project / "locales" / "ko" / f"story-{a:02d}.po"
        if not path.exists():
            counts["untranslated"] += SENTENCES + 1
            continue
        for entry in Catalog.read(path).entries():  # every catalog parses
            counts["machine" if entry.msgstr else "untranslated"] += 1
    return counts


@pytest.mark.slow
def test_sigkill_mid_run_then_resume(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "l10n.toml").write_text('targets = ["ko"]\n', encoding="utf-8")
    _write_articles(project / "seeds")
    _install_plugin(tmp_path / "plugins")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "plugins")}
    command = [sys.executable, "-m", "l10n", "translate", "--engine", "slow"]

    log = tmp_path / "stderr.txt"
    with log.open("wb") as stderr:
        run = subprocess.Popen(command, cwd=project, env=env, stderr=stderr)
    deadline = time.monotonic() + 120
    first = project / "locales" / "ko" / "story-00.po"
    while time.monotonic() < deadline:
        if first.exists() and "engine=slow" in first.read_text(encoding="utf-8"):
            break
        assert run.poll() is None, log.read_text(encoding="utf-8")
        time.sleep(0.01)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL

    total = ARTICLES * (SENTENCES + 1)
    killed = _states(project)
    assert killed["machine"] + killed["untranslated"] == total
    assert 0 < killed["machine"] < total, "the kill must land mid-run"

    done = subprocess.run(
        [*command, "--json"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f'"machine": {total - killed["machine"]}' in done.stdout  # only what was missing
    assert _states(project) == {"machine": total, "untranslated": 0}
