"""Findings say where the problem is (Finding.span in the translation, source_span in the
source), so the review page can mark the offending text."""

from __future__ import annotations

import pytest

from l10n.catalog import Entry
from l10n.qa.checks import (
    check_glossary,
    check_markup,
    check_numbers,
    check_particles,
    check_spaces,
    check_whitespace,
)
from tests.test_qa_checks import KO

# (check, source, translation, marked in the translation, marked in the source)
SPANS = [
    (check_glossary, "NVIDIA ships Blackwell.", "엔비디아가 블렉웰을 출하한다.", None, "Blackwell"),
    (check_numbers, "supply 260,000 units", "27만 대를 공급", "27만", "260,000"),
    (check_numbers, "on October 31", "10월 30일에", "10월 30일", "October 31"),
    (check_numbers, "It costs $10.3 billion.", "비용이 든다.", None, "$10.3 billion"),
    (check_markup, "See [the guide](https://example.com/guide).",
     "[안내서](https://example.com/gide)를 보세요.", "](https://example.com/gide)",
     "](https://example.com/guide)"),
    (check_markup, "Run `pip install l10n` now.", "지금 pip install l10n을 실행하세요.", None,
     "`pip install l10n`"),
    (check_markup, "Plain text.", "<br>평범한 글.", "<br>", None),
    (check_particles, "Blackwell is fast.", "정말 블랙웰는 빠르다.", "블랙웰는", None),
    (check_spaces, "It is done.", "끝났다.  정말.", "  ", None),
    (check_whitespace, "Done.", "끝.  ", "  ", None),
]


@pytest.mark.parametrize(("check", "source", "target", "in_target", "in_source"), SPANS)
def test_findings_mark_the_offending_text(
    check: object, source: str, target: str, in_target: str | None, in_source: str | None
) -> None:
    [finding] = check(Entry(source, target), KO)  # type: ignore[operator]
    marked = target[slice(*finding.span)] if finding.span else None
    marked_source = source[slice(*finding.source_span)] if finding.source_span else None
    assert (marked, marked_source) == (in_target, in_source)
