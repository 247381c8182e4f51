"""How similar two source texts are: the one measure the catalog merge and the
translation memory both use; and what changed between two texts, word by word (the
review page shows it for a changed sentence and for a memory match)."""

from __future__ import annotations

import difflib
import re

EQUAL = "equal"
DELETE = "delete"
INSERT = "insert"

# A number with its separators ("260,000", "10.3"), a word (letters and digits; a run of
# Hangul or Han is one word, as spaces delimit words in Korean), a run of whitespace, or
# one other character (punctuation).
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+|\s+|[^\w\s]")


def similarity_ratio(a: str, b: str) -> float:
    """difflib's ratio ``2*M / (len(a) + len(b))``, 0..1 (1 when equal); ``autojunk`` off,
    so that long sentences are not skewed."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` -> ``new`` as (operation, text) pieces: EQUAL, DELETE (only in ``old``),
    INSERT (only in ``new``), in reading order; a replaced run is its deletion, then its
    insertion. The EQUAL and DELETE pieces give ``old`` back, the EQUAL and INSERT pieces
    ``new``.

    Words and numbers are compared whole (difflib on tokens, ``autojunk`` off), so
    "260,000" -> "270,000" shows the number that changed, not one digit of it; a single
    space between two changes joins them ("its latest" -> "the new", not two changes)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    pieces: list[tuple[str, str]] = []
    gone, came = "", ""
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        same = "".join(a[i1:i2])
        between = 0 < n < len(ops) - 1 and (gone or came) and same.isspace()
        if tag == "equal" and not between:
            pieces += [(op, text) for op, text in ((DELETE, gone), (INSERT, came)) if text]
            pieces.append((EQUAL, same))
            gone, came = "", ""
        elif tag == "equal":
            gone, came = gone + same, came + same
        else:
            gone, came = gone + same, came + "".join(b[j1:j2])
    pieces += [(op, text) for op, text in ((DELETE, gone), (INSERT, came)) if text]
    return pieces


__all__ = ["DELETE", "EQUAL", "INSERT", "similarity_ratio", "word_diff"]
