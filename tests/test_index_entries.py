"""A build's index entries kept on disk: read back exactly as added, whatever they hold,
and one digest per language that follows their content and order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from l10n.publish.index_entries import IndexEntries


@given(st.lists(st.tuples(st.sampled_from(["en", "ko"]), st.text()), max_size=1200))
def test_entries_come_back_as_they_were_added(added: list[tuple[str, str]]) -> None:
    index = IndexEntries()
    try:
        for lang, entry in added:
            index.add(lang, entry)
        for lang in index.langs:
            assert index.entries(lang) == [entry for code, entry in added if code == lang]
    finally:
        index.close()


def test_the_digest_follows_the_entries_and_their_order() -> None:
    def digest(entries: list[str]) -> str:
        index = IndexEntries()
        for entry in entries:
            index.add("ko", entry)
        found = index.digest("ko")
        index.close()
        return found

    same = digest(["a\0b", "c\r\nd"])
    assert same == digest(["a\0b", "c\r\nd"])
    assert same != digest(["c\r\nd", "a\0b"])
    assert same != digest(["a\0b", "c\nd"])
    assert digest(["a\\", "nb"]) != digest(["a", "\\nb"])  # escaping keeps them apart
