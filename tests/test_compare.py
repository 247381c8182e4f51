"""Word diffs (l10n.text.compare.word_diff): what a reviewer sees change in a sentence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from l10n.text.compare import DELETE, EQUAL, INSERT, similarity_ratio, word_diff


def _side(pieces: list[tuple[str, str]], keep: str) -> str:
    return "".join(text for op, text in pieces if op in (EQUAL, keep))


def test_a_changed_number_is_one_word() -> None:
    pieces = word_diff(
        "supply 260,000 units of its latest Blackwell GPUs",
        "supply 270,000 units of the new Blackwell GPUs",
    )
    assert pieces == [
        (EQUAL, "supply "),
        (DELETE, "260,000"),
        (INSERT, "270,000"),
        (EQUAL, " units of "),
        (DELETE, "its latest"),  # one change, not two around a space
        (INSERT, "the new"),
        (EQUAL, " Blackwell GPUs"),
    ]


def test_korean_words_are_whole_words() -> None:
    assert word_diff("블랙웰은 빠르다", "블랙웰는 빠르다.") == [
        (DELETE, "블랙웰은"),
        (INSERT, "블랙웰는"),
        (EQUAL, " 빠르다"),
        (INSERT, "."),
    ]


def test_equal_and_empty_texts() -> None:
    assert word_diff("same text", "same text") == [(EQUAL, "same text")]
    assert word_diff("", "") == []
    assert word_diff("", "new") == [(INSERT, "new")]
    assert word_diff("old words", "") == [(DELETE, "old words")]


WORDS = st.sampled_from(["NVIDIA", "GPU", "260,000", "한국", "블랙웰은", "the", "a", ",", ".", "'"])
TEXT = st.lists(st.tuples(WORDS, st.sampled_from([" ", "", "  ", "\n"])), max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@given(TEXT, TEXT)
def test_the_pieces_give_both_texts_back(old: str, new: str) -> None:
    pieces = word_diff(old, new)
    assert _side(pieces, DELETE) == old
    assert _side(pieces, INSERT) == new
    assert all(text for _, text in pieces)
    assert all(a[0] != b[0] for a, b in zip(pieces, pieces[1:], strict=False))  # joined runs


def test_similarity_ratio_is_difflibs() -> None:
    assert similarity_ratio("abc", "abc") == 1.0
    assert similarity_ratio("abcd", "abxy") == 0.5
