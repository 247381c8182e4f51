"""The entries' history and the memory's search (schema 3): changes found between two
readings of a catalog, recorded and read back; a version-2 memory upgraded in place,
its targets searchable at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from l10n.catalog import Entry
from l10n.memory import Memory
from l10n.memory.history import changes
from l10n.memory.schema import SCHEMA_VERSION
from tests.test_memory_nbest import V3_TABLES

SOURCE = "Samsung Electronics posted $12.4 billion in operating profit."


def test_changes_between_two_readings() -> None:
    before = [Entry("A.", "에이.", fuzzy=True), Entry("B.", "비."), Entry("C.", "")]
    after = [Entry("A.", "에이.", fuzzy=False), Entry("B.", "비.", translator_comment="확인"),
             Entry("C.", ""), Entry("D.", "디.", fuzzy=True)]
    found = changes(before, after, who="Kim", lang="ko", slug="s", time="2026-01-01T00:00:00Z")
    assert [(c.msgid, c.old_state, c.new_state, c.note) for c in found] == [
        ("A.", "fuzzy", "reviewed", ""),
        ("B.", "reviewed", "reviewed", "comment"),
        ("D.", "", "fuzzy", ""),
    ]
    assert all(c.who == "Kim" and c.slug == "s" for c in found)
    assert changes(after, after, who="x", lang="ko", slug="s") == []


def test_history_is_recorded_and_read_by_article_language_and_entry(tmp_path: Path) -> None:
    with Memory.open(tmp_path / "m.sqlite") as memory:
        one = changes([Entry("A.", "")], [Entry("A.", "에이.", fuzzy=True)], who="translate: argos",
                      lang="ko", slug="s")
        two = changes([Entry("A.", "에이.", fuzzy=True)], [Entry("A.", "에이!")], who="Kim",
                      lang="ko", slug="s")
        memory.record(one)
        memory.record(two)
        memory.record(changes([], [Entry("A.", "エー")], who="Sato", lang="ja", slug="s"))
        assert [c.who for c in memory.history(msgid="A.", lang=["ko"])] == [
            "translate: argos", "Kim"]
        assert [c.lang for c in memory.history(slugs=["s"])] == ["ko", "ko", "ja"]
        assert memory.history(slugs=["other"]) == []
        last = memory.history(limit=1)
        assert [c.who for c in last] == ["Sato"]


def test_search_finds_sources_and_translations_in_any_script(tmp_path: Path) -> None:
    with Memory.open(tmp_path / "m.sqlite") as memory:
        memory.harvest([Entry(SOURCE, "삼성전자는 영업이익 124억 달러를 기록했다.")], "en", "ko",
                       "a.po")
        memory.harvest([Entry("Operating profit fell.", "영업이익이 줄었다.")], "en", "ko", "b.po")
        assert {u.source_text for u in memory.search("operating PROFIT")} == {
            SOURCE, "Operating profit fell."}
        assert [u.source_text for u in memory.search("영업이익이")] == ["Operating profit fell."]
        assert len(memory.search("이익")) == 2  # two characters: no trigram, still found
        assert memory.search("영업이익", sources_only=True) == []
        assert memory.search('"); DROP TABLE unit; --') == []  # an FTS phrase, never SQL
        assert memory.search("profit", target="ja") == []


def test_a_version_2_memory_is_upgraded_and_searchable(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite"
    with Memory.open(path) as memory:
        memory.harvest([Entry(SOURCE, "삼성전자는 영업이익 124억 달러를 기록했다.")], "en", "ko",
                       "a.po")
    db = sqlite3.connect(path)
    for statement in V3_TABLES:
        db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    with Memory.open(path) as memory:
        assert [u.source_text for u in memory.search("영업이익")] == [SOURCE]
        assert memory.history() == []
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    db.close()


def test_translate_and_a_po_editors_change_are_in_the_history(project: Path) -> None:
    import polib

    from l10n.config import load_settings
    from l10n.workflow.history import entry_log
    from l10n.workflow.translate import translate
    from tests.review_helpers import PO

    settings = load_settings(cwd=project)
    translate(settings, engine_name="pseudo")
    first = entry_log(settings)
    assert first and {(c.who, c.old_state, c.new_state) for c in first} == {
        ("translate: pseudo", "untranslated", "machine")}
    translate(settings, engine_name="pseudo")  # nothing new: nothing recorded
    assert entry_log(settings) == first
    po = polib.pofile(str(project / PO))  # a translator in Poedit
    entry = po[1]
    entry.msgstr, entry.flags = "포에디트에서 고친 번역", []
    po.save()
    translate(settings, engine_name="pseudo")
    [noticed] = entry_log(settings)[len(first):]
    assert (noticed.who, noticed.msgid, noticed.new_text, noticed.new_state) == (
        "PO editor", entry.msgid, "포에디트에서 고친 번역", "reviewed")
    assert noticed.old_state == "machine"


def test_a_merge_that_carries_a_translation_to_a_changed_source_is_in_the_history(
    project: Path,
) -> None:
    """update makes a reviewed entry fuzzy under its new source: recorded as the merge's
    change (from the entry it was), never taken later for a PO editor's."""
    import polib

    from l10n.config import load_settings
    from l10n.workflow.history import entry_log
    from l10n.workflow.translate import translate
    from l10n.workflow.update import update
    from tests.review_helpers import PO

    settings = load_settings(cwd=project)
    translate(settings, engine_name="pseudo")
    po = polib.pofile(str(project / PO))  # a translator reviews one entry
    entry = po[1]
    entry.msgstr, entry.flags = "검토한 번역", []
    po.save()
    update(settings)  # the run notices the review
    seen = len(entry_log(settings))
    article = next((project / "seeds").glob("*.txt"))
    first = entry.msgid.split(" ")[0]
    text = article.read_text(encoding="utf-8")
    assert entry.msgid in text
    article.write_text(text.replace(entry.msgid, entry.msgid.replace(first, first + " Also", 1),
                                    1), encoding="utf-8")
    update(settings)
    new = entry_log(settings)[seen:]
    assert [(c.who, c.old_text, c.old_state, c.new_text, c.new_state) for c in new] == [
        ("update: merge", "검토한 번역", "reviewed", "검토한 번역", "fuzzy")]
    update(settings)  # and the next run notices nothing
    assert len(entry_log(settings)) == seen + 1
