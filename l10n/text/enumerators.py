"""Rule 9 of :mod:`l10n.text.segment`: a list number starts an item only where an item
can start.

pysbd cuts before an enumerator (``1.``, ``(ii)``, ``a)``) wherever it sees one.
:func:`inline_enumerators` drops such a cut where the text before it ends inside a
sentence (a comma, a semicolon, a colon, ``&``, ``and``, ``or``), and a cut before a
bracketed enumerator that the sentence refers to rather than starts (followed by a comma,
a semicolon, ``and``, ``or``, ``to``, ``through``: ``who certified (a), (b) or (c) and``)
where the text before it ends on no sentence's end. :func:`numbers_to_items` moves a cut
made after a list number that starts a line (``Finland<br>2. Norway``) before the number
and the line breaks before it.
"""

from __future__ import annotations

import re

_TAIL = 200  # characters before a cut that the rules look at
# an enumerator at a cut, and what may come before a list item: a line break, a sentence end
_ENUMERATOR = re.compile(
    r"(?:\((?:\d{1,3}|[ivxlc]{1,5}|[a-zA-Z])\)|(?:\d{1,3}|[a-zA-Z])[.)])(?=[\s:])"
)
# inside a sentence: after a comma, a semicolon, a colon, "&", "and" or "or" (tags between);
# a cut after a word ("event | 0. Story") may be pysbd's way of ending "event 0." and stays
_INSIDE_SENTENCE = re.compile(r"(?:[,;:&]|\b(?:and|or))(?:\s|</?[A-Za-z][^<>]*>)*$")
# a bracketed enumerator referred to: "(a), (b) or (c)", "(1) and (2)", "(ii) to (iv)"
_REFERENCE = re.compile(
    r"\((?:\d{1,3}|[ivxlc]{1,5}|[a-zA-Z])\)(?:[,;]|\s+(?:and|or|to|through)\s)"
)
# a sentence's end before a cut: its punctuation, closing quotes or brackets, tags, spaces
_SENTENCE_END = re.compile(r"[.!?:…][\"”’')\]]*(?:\s|</?[A-Za-z][^<>]*>)*$")
# a list number at the start of a line (after <br>s, a line break or a colon), a space
_LINE_NUMBER = re.compile(
    r"(?:(?P<breaks>(?:<br\s*/?>\s*)+|\n\s*)|(?<!\d):\s+)(?P<number>\d{1,3}[.)])\s+$",
    re.IGNORECASE)


def numbers_to_items(text: str, cuts: list[int]) -> list[int]:
    """A cut pysbd makes after a list number that starts a line (``<br>2. Norway``) goes
    before the number: the number starts its item, not ends the line before."""
    moved = []
    for cut in cuts:
        number = _LINE_NUMBER.search(text, max(0, cut - 40), cut)
        moved.append(cut if number is None else number.start("breaks") if number["breaks"]
                     else number.start("number"))
    return sorted(set(moved))


def inline_enumerators(text: str, cuts: list[int]) -> list[int]:
    """Drop a cut before a list number (``1.``, ``(ii)``) inside a sentence, and before a
    bracketed enumerator that a sentence refers to (``certified (a), (b) or (c)``)."""
    kept = []
    for cut in cuts:
        before = text[max(0, cut - _TAIL):cut]
        if _ENUMERATOR.match(text, cut) and _INSIDE_SENTENCE.search(before):
            continue
        if _REFERENCE.match(text, cut) and not _SENTENCE_END.search(before):
            continue
        kept.append(cut)
    return kept
