"""A save written by patching the changed entries into the file's text
(:mod:`l10n.catalog.patch`) gives the very bytes a whole-file write gives, on random
sequences of what reviewers do; and falls back when it cannot know that."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.catalog import Catalog, notes
from l10n.catalog.patch import fork, write_patched
from tests.conftest import ROOT

CHECKS_PO = ROOT / "tests" / "data" / "checks" / "nvidia-korea-ai-alliance.ko.po"
DATE = re.compile(r'^"PO-Revision-Date: .*\\n"$', re.MULTILINE)

texts = st.one_of(
    st.sampled_from(["", "번역", 'a "quoted" word', "two\nlines", "탭\t문자", "x" * 200,
                     "엔비디아는 " * 30, "back\\slash"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=120),
)
edit = st.tuples(st.integers(0, 14), texts, st.booleans(),
                 st.one_of(st.none(), texts), st.sampled_from(["", "numbers", "length"]),
                 st.sampled_from(["", "Kim Minji", 'Lee "Hana"']))


def _apply(catalog: Catalog, msgid: str, step: tuple) -> None:
    _, text, reviewed, comment, check, who = step
    catalog.set_translation(msgid, text, reviewed=reviewed and bool(text))
    if comment is not None:
        notes.set_comment(catalog, msgid, comment)
    if check:
        notes.set_flag(catalog, msgid, f"ignore-{check}", True)
    if who:
        notes.set_header(catalog, "Last-Translator", who)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(edit, min_size=1, max_size=6))
def test_patched_saves_are_the_whole_file_writes(tmp_path: Path, steps: list) -> None:
    fast, slow = tmp_path / "fast.po", tmp_path / "slow.po"
    shutil.copy(CHECKS_PO, fast)
    shutil.copy(CHECKS_PO, slow)
    known = Catalog.read(fast)
    for step in steps:
        msgid = known.entries()[step[0] % len(known.entries())].msgid
        draft = fork(known, [msgid])
        _apply(draft, msgid, step)
        assert write_patched(draft)
        whole = Catalog.read(slow)
        _apply(whole, msgid, step)
        whole.write()
        got, want = fast.read_text(), slow.read_text()
        assert DATE.sub("", got) == DATE.sub("", want)
        assert Catalog.read(fast).entries() == Catalog.read(slow).entries()
        known = draft  # what the session keeps for the next save
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(fast)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_an_unchanged_entry_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    shutil.copy(CHECKS_PO, path)
    before = path.stat().st_mtime_ns, path.read_bytes()
    catalog = Catalog.read(path)
    entry = catalog.entries()[2]
    draft = fork(catalog, [entry.msgid])
    draft.set_translation(entry.msgid, entry.msgstr, reviewed=not entry.fuzzy)
    assert write_patched(draft)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_it_falls_back_when_it_cannot_know(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    shutil.copy(CHECKS_PO, path)
    catalog = Catalog.read(path)
    msgid = catalog.entries()[3].msgid
    # the file changed on disk since it was read: not patched (write() refuses it)
    po = polib.pofile(str(path))
    po.find(msgid).msgstr = "누군가 고친 번역"
    po.save()
    draft = fork(catalog, [msgid])
    draft.set_translation(msgid, "내 번역", reviewed=True)
    assert not write_patched(draft)
    assert polib.pofile(str(path)).find(msgid).msgstr == "누군가 고친 번역"
    # a file another tool wrapped its own way: the old entry is not found as l10n writes
    # it, so the whole-file write (which keeps that tool's file untouched when nothing
    # changed) does the work
    polib.pofile(str(CHECKS_PO), wrapwidth=40).save(str(path))
    catalog = Catalog.read(path)
    long_one = max(catalog.entries(), key=lambda e: len(e.msgid)).msgid
    draft = fork(catalog, [long_one])
    draft.set_translation(long_one, "내 번역", reviewed=True)
    assert not write_patched(draft)
    draft.write()
    assert polib.pofile(str(path)).find(long_one).msgstr == "내 번역"


def test_the_original_catalog_is_never_touched(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    shutil.copy(CHECKS_PO, path)
    catalog = Catalog.read(path)
    before = catalog.entries()
    msgid = before[1].msgid
    draft = fork(catalog, [msgid])
    draft.set_translation(msgid, "새 번역", reviewed=True)
    notes.set_header(draft, "Last-Translator", "Kim")
    assert write_patched(draft)
    assert catalog.entries() == before and catalog.po.metadata["Last-Translator"] != "Kim"
    assert draft.get(msgid) is not None and draft.get(msgid).msgstr == "새 번역"


@pytest.mark.parametrize("name", ["weblate.ko.po"])
def test_msgctxt_entries_fall_back_to_the_whole_write(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(ROOT / "tests" / "data" / "checks" / name, path)
    catalog = Catalog.read(path)
    entry = catalog.entries()[0]
    draft = fork(catalog, [entry.msgid])
    assert draft.originals == {}  # not forked: nothing to patch
