"""A deleted article's template and catalogs: listed by status, removed by
update --purge-orphans only once their reviewed translations are in the memory."""

from __future__ import annotations

import json
from pathlib import Path

import polib

from l10n.config import load_settings
from l10n.memory import Memory
from tests.cli_helpers import run_l10n

SLUG = "nvidia-korea-ai-alliance"


def _deleted_article_with_a_review(project: Path) -> str:
    (project / "seeds" / "old.md").write_text("---\ntitle: Old news\n---\n\nIt happened.\n",
                                               encoding="utf-8")
    assert run_l10n("translate", "--engine", "pseudo", cwd=project).returncode == 0
    path = project / "locales" / "ko" / "old.po"
    po = polib.pofile(str(path))
    entry = po.find("It happened.")
    entry.msgstr, entry.flags = "그 일이 있었다.", []
    po.save()
    (project / "seeds" / "old.md").unlink()
    return entry.msgid


def test_status_lists_orphans(project: Path) -> None:
    _deleted_article_with_a_review(project)
    done = run_l10n("status", "--json", cwd=project)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["orphans"] == ["locales/templates/old.pot", "locales/ko/old.po"]
    assert [row["article"] for row in data["articles"]] == [SLUG]
    text = run_l10n("status", cwd=project).stdout
    assert "orphan: locales/ko/old.po" in text and "--purge-orphans" in text


def test_purge_orphans_keeps_their_reviewed_work_in_the_memory(project: Path) -> None:
    msgid = _deleted_article_with_a_review(project)
    done = run_l10n("update", "--purge-orphans", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "removed orphan locales/ko/old.po" in done.stdout
    assert not (project / "locales" / "ko" / "old.po").exists()
    assert not (project / "locales" / "templates" / "old.pot").exists()
    assert (project / "locales" / "ko" / f"{SLUG}.po").exists()
    with Memory.open(load_settings(cwd=project).memory_path) as memory:
        unit = memory.exact(msgid, "en", "ko")
    assert unit is not None and unit.kind == "reviewed" and unit.target_text == "그 일이 있었다."


def test_purge_orphans_refuses_while_an_article_is_broken(project: Path) -> None:
    _deleted_article_with_a_review(project)
    (project / "seeds" / "draft.md").write_text("---\ntitle: [x\n---\n\nA.\n", "utf-8")
    done = run_l10n("update", "--purge-orphans", cwd=project)
    assert done.returncode == 2
    assert "orphans cannot be told" in done.stderr
    assert (project / "locales" / "ko" / "old.po").exists()


def test_a_broken_orphan_catalog_is_left_and_nothing_removed(project: Path) -> None:
    _deleted_article_with_a_review(project)
    (project / "locales" / "ko" / "old.po").write_text('msgid "x\n', encoding="utf-8")
    done = run_l10n("update", "--purge-orphans", cwd=project)
    assert done.returncode == 2 and "old.po" in done.stderr
    assert (project / "locales" / "templates" / "old.pot").exists()
