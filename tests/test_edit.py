"""Saving people's translations (review page, XLIFF import): versions, conflicts, the lock,
the memory, and a catalog changed on disk during a run."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalog import REVIEWED, Catalog
from l10n.config import load_settings
from l10n.errors import CatalogChangedError, LockedError, UsageError
from l10n.fsutil import project_lock
from l10n.memory import Memory
from l10n.workflow.edit import CONFLICT, MISSING, SAVED, UNCHANGED, Edit, save_edits
from l10n.workflow.translate import translate

SLUG = "nvidia-korea-ai-alliance"


@pytest.fixture()
def translated(project: Path) -> Path:
    translate(load_settings(cwd=project), engine_name="pseudo")
    return project


def _catalog(project: Path) -> Catalog:
    return Catalog.read(project / "locales" / "ko" / f"{SLUG}.po")


def test_accept_saves_reviewed_and_records_memory(translated: Path) -> None:
    settings = load_settings(cwd=translated)
    entry = _catalog(translated).entries()[2]
    [outcome] = save_edits(settings, "ko", SLUG, [Edit(entry.msgid, "검토된 번역.", True,
                                                       entry.version)])
    assert outcome.status == SAVED
    saved = _catalog(translated).get(entry.msgid)
    assert saved is not None and saved.state == REVIEWED and saved.msgstr == "검토된 번역."
    assert saved.provenance is not None  # the engine's provenance stays
    with Memory.open(settings.memory_path) as memory:
        unit = memory.exact(entry.msgid, "en", "ko")
    assert unit is not None and unit.kind == "reviewed" and unit.target_text == "검토된 번역."
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null",
                    str(translated / "locales" / "ko" / f"{SLUG}.po")], check=True)


def test_stale_version_is_a_conflict_and_other_edits_go_through(translated: Path) -> None:
    settings = load_settings(cwd=translated)
    first, second = _catalog(translated).entries()[1:3]
    save_edits(settings, "ko", SLUG, [Edit(first.msgid, "다른 검토자.", True, first.version)])
    outcomes = save_edits(settings, "ko", SLUG, [
        Edit(first.msgid, "내 번역.", True, first.version),  # stale: changed since
        Edit(second.msgid, "두 번째.", False, second.version),
    ])
    assert [o.status for o in outcomes] == [CONFLICT, SAVED]
    assert outcomes[0].entry is not None and outcomes[0].entry.msgstr == "다른 검토자."
    catalog = _catalog(translated)
    assert catalog.msgstr(first.msgid) == "다른 검토자."  # nothing lost
    draft = catalog.get(second.msgid)
    assert draft is not None and draft.fuzzy and draft.msgstr == "두 번째."


def test_same_text_is_unchanged_and_unknown_entry_missing(translated: Path) -> None:
    settings = load_settings(cwd=translated)
    entry = _catalog(translated).entries()[0]
    path = translated / "locales" / "ko" / f"{SLUG}.po"
    save_edits(settings, "ko", SLUG, [Edit(entry.msgid, "제목", True, entry.version)])
    before = path.stat().st_mtime_ns
    outcomes = save_edits(settings, "ko", SLUG, [Edit(entry.msgid, "제목", True),
                                                 Edit("no such sentence", "x", True)])
    assert [o.status for o in outcomes] == [UNCHANGED, MISSING]
    assert path.stat().st_mtime_ns == before  # no churn


def test_a_hand_edit_changes_the_version(translated: Path) -> None:
    settings = load_settings(cwd=translated)
    entry = _catalog(translated).entries()[1]
    path = translated / "locales" / "ko" / f"{SLUG}.po"
    po = polib.pofile(str(path))
    po.find(entry.msgid).msgstr = "손으로 고침"
    po.save()
    [outcome] = save_edits(settings, "ko", SLUG, [Edit(entry.msgid, "x", True, entry.version)])
    assert outcome.status == CONFLICT
    assert _catalog(translated).msgstr(entry.msgid) == "손으로 고침"


def test_saves_wait_for_no_run_and_refuse_empty_accepts(translated: Path) -> None:
    settings = load_settings(cwd=translated)
    entry = _catalog(translated).entries()[0]
    with project_lock(settings.state_dir), pytest.raises(LockedError):
        save_edits(settings, "ko", SLUG, [Edit(entry.msgid, "제목", True)])
    with pytest.raises(UsageError):
        save_edits(settings, "ko", SLUG, [Edit(entry.msgid, "  ", True)])


def test_catalog_changed_on_disk_after_reading_is_not_overwritten(translated: Path) -> None:
    path = translated / "locales" / "ko" / f"{SLUG}.po"
    catalog = Catalog.read(path)
    first = catalog.entries()[0]
    catalog.set_translation(first.msgid, "l10n의 변경", reviewed=True)
    po = polib.pofile(str(path))  # a translator saves in another program meanwhile
    po.find(first.msgid).msgstr = "번역가의 변경"
    po.save()
    saved = path.read_bytes()
    with pytest.raises(CatalogChangedError) as caught:
        catalog.write()
    assert caught.value.exit_code == 2 and str(path) in str(caught.value)
    assert path.read_bytes() == saved


KILLED_SAVE = """
import os, signal, sys
from l10n.config import load_settings
from l10n.memory import Memory
from l10n.workflow.edit import Edit, save_edits

def killed(*args, **kwargs):  # the memory's write never happens: SIGKILL, as a crash would
    os.kill(os.getpid(), signal.SIGKILL)

Memory.harvest = killed
msgid, version = sys.argv[1], sys.argv[2]
save_edits(load_settings(), "ko", "nvidia-korea-ai-alliance",
           [Edit(msgid, "죽기 전 저장.", True, version)])
"""


@pytest.mark.parametrize("next_command", ["another save", "translate"])
def test_a_save_killed_before_the_memory_is_caught_up_by_the_next_command(
    translated: Path, next_command: str
) -> None:
    import signal
    import sys

    settings = load_settings(cwd=translated)
    first, second = _catalog(translated).entries()[2:4]
    run = subprocess.run([sys.executable, "-c", KILLED_SAVE, first.msgid, first.version],
                         cwd=translated, capture_output=True, text=True, check=False)
    assert run.returncode == -signal.SIGKILL, run.stderr
    saved = _catalog(translated).get(first.msgid)
    assert saved is not None and saved.msgstr == "죽기 전 저장." and not saved.fuzzy
    with Memory.open(settings.memory_path) as memory:
        assert memory.exact(first.msgid, "en", "ko") is None  # the kill landed in between
    if next_command == "another save":
        save_edits(settings, "ko", SLUG, [Edit(second.msgid, "다음 저장.", True, second.version)])
    else:
        translate(settings, engine_name="pseudo")
    with Memory.open(settings.memory_path) as memory:
        unit = memory.exact(first.msgid, "en", "ko")
    assert unit is not None and unit.kind == "reviewed" and unit.target_text == "죽기 전 저장."
    assert not list((settings.state_dir / "harvest").iterdir())


def test_saved_text_goes_through_the_gate(translated: Path) -> None:
    """The review page and XLIFF import save through here: a lone surrogate or an
    oversized text is refused with nothing written; control characters are removed."""
    from l10n.errors import InputError, L10nWarning
    from l10n.text.incoming import MAX_CHARS

    settings = load_settings(cwd=translated)
    path = translated / "locales" / "ko" / f"{SLUG}.po"
    entry = _catalog(translated).entries()[2]
    before = path.read_bytes()
    for bad, message in (("반\ud800쪽", "lone surrogate"), ("가" * (MAX_CHARS + 1), "limit")):
        with pytest.raises(InputError, match=message):
            save_edits(settings, "ko", SLUG, [Edit(entry.msgid, bad, True, entry.version)])
        assert path.read_bytes() == before
    with pytest.warns(L10nWarning, match="removed 2 control characters"):
        [outcome] = save_edits(settings, "ko", SLUG, [Edit(entry.msgid, "검토\x00된 \x1b[1m번역.",
                                                           True, entry.version)])
    assert outcome.status == SAVED and outcome.entry is not None
    assert outcome.entry.msgstr == "검토된 번역."
