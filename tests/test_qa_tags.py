"""The ``tags`` check: lost, added and reordered HTML tag pairs."""

from __future__ import annotations

import pytest

from l10n.catalog import Entry
from l10n.model import Severity
from l10n.qa import CHECKS, CheckContext, run_checks
from l10n.qa.tags import check_tags, tag_problems

SOURCE = 'Go <a href="x">see <em>this</em></a> now.'
CTX = CheckContext("en", "ko", None, "locales/ko/a.po")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ('지금 <a href="x"><em>이것</em>을 보세요</a>.', []),  # the pair moved with its words
        ('<em>이것</em> <a href="x">보세요</a>.', ["<em>…</em> is now at the top"]),
        # one problem, one finding: the link changed
        ('<a href="y">보세요 <em>이것</em></a>', ['<a href="x"> was changed to <a href="y">']),
        # a title is text for people: translated, it is the same link
        ('<a href="x" title="링크">보세요 <em>이것</em></a>', []),
        ("보세요 <em>이것</em>", ['pair <a href="x">…</a> of the source is missing']),
        ('<b>지금</b> <a href="x">보세요 <em>이것</em></a>',
         ["pair <b>…</b> is not in the source"]),
        ('지금 </em><a href="x">보세요<em></a>', ["tags of <em>…</em> are out of order",
                                               'tags of <a href="x">…</a> cross another pair']),
        ('<a href="x">보세요 <em>이것</a></em>', ['tags of <a href="x">…</a> cross',
                                               "tags of <em>…</em> cross"]),
    ],
)
def test_tag_pairs(target: str, expected: list[str]) -> None:
    problems = tag_problems(SOURCE, target)
    assert len(problems) == len(expected)
    for problem, wanted in zip(problems, expected, strict=True):
        assert wanted in problem


def test_a_sentence_that_ends_inside_a_pair_keeps_its_half() -> None:
    assert tag_problems("<em>First sentence.", "<em>첫 문장.") == []
    assert tag_problems("Second.</em> More", "둘째.</em> 더") == []
    lost = tag_problems("<em>First sentence.", "첫 문장.")
    assert lost == ["the tag <em> (its partner is in another sentence) is missing: keep it"]
    assert "no partner" in tag_problems("First.", "<em>첫째.")[0]


def test_void_tags_and_plain_text_are_not_pairs() -> None:
    assert tag_problems("a<br>b <img src=x>", "a b") == []  # left to the markup check
    assert tag_problems("plain text", "평문") == []


def test_registered_as_an_error_check_on_translated_entries() -> None:
    assert ("tags", check_tags) in CHECKS
    entry = Entry(SOURCE, "보세요 <em>이것</em>", line=7)
    findings = [f for f in run_checks(entry, CTX) if f.check == "tags"]
    assert [(f.severity, f.line, f.path) for f in findings] == [
        (Severity.ERROR, 7, "locales/ko/a.po")
    ]
    assert check_tags(Entry(SOURCE, ""), CTX) == []
