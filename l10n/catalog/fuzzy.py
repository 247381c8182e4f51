"""Which old entries a merge measures against a changed source: all of them while they are
few, else a shortlist from an index of their words.

The merge compares a changed msgid with every entry that left the template
(:mod:`l10n.catalog.merge`), with difflib's ratio: about 0.1-0.3 ms a pair on news
sentences, so ``changed x left`` pairs. Editing 10% of a 2,000-sentence article took 12 s,
8,000 sentences 83 s, 64,000 would take hours. msgmerge narrows its fuzzy search the same
way, with an index of the messages' n-grams.

Up to :data:`EXHAUSTIVE` candidates, every one is measured (the result is exactly the
exhaustive one). Past that, each candidate's words (casefolded runs of letters and digits)
are indexed, leaving out the words more than :data:`COMMON` of the candidates share ("the",
"said"): they tell nothing. A msgid's shortlist is the :data:`SHORTLIST` candidates that
share the most of its words (ties: the earlier candidate), given in their original order;
only these are measured. A slightly edited sentence shares nearly all its words with the
sentence it was, and the 0.6 threshold asks for far more in common than a dozen other
sentences of an article share by chance. A test compares shortlists with the exhaustive
search on edited news sentences.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Sequence

EXHAUSTIVE = 50  # candidates measured one by one, all of them
SHORTLIST = 16  # candidates measured per msgid past that
COMMON = 0.05  # a word in more than this share of the candidates is not indexed

_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


class Shortlist:
    """An index of the candidates' words (built only past :data:`EXHAUSTIVE`)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._size = len(texts)
        self._postings: dict[str, list[int]] = {}
        if self._size <= EXHAUSTIVE:
            return
        for number, text in enumerate(texts):
            for word in words(text):
                self._postings.setdefault(word, []).append(number)
        limit = max(SHORTLIST, int(COMMON * self._size))
        self._postings = {w: p for w, p in self._postings.items() if len(p) <= limit}

    def __call__(self, text: str) -> list[int]:
        """The candidates (their positions, in order) to measure against ``text``."""
        if self._size <= EXHAUSTIVE:
            return list(range(self._size))
        shared: Counter[int] = Counter()
        for word in words(text):
            shared.update(self._postings.get(word, ()))
        best = heapq.nsmallest(SHORTLIST, shared.items(), key=lambda item: (-item[1], item[0]))
        return sorted(number for number, _ in best)
