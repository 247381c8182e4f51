"""Rule 1 of :mod:`l10n.text.segment`: the text pysbd is given, of the block's length.

:func:`flat` changes characters, never the length, so the offsets of the sentences pysbd
returns are those of the block's text:

- line breaks become spaces: a Markdown soft break is not a sentence boundary;
- a pair of ``--`` with a sentence's end between them (``fouls--San Jose 19, Nevada 14.
  Technical fouls--``, a box score) becomes a pair of em dashes: pysbd never cuts
  inside a ``--`` aside;
- quotation marks inside an HTML tag (``<a href="...">``) become ``_``: pysbd keeps the
  text between two quotation marks in one sentence, and a mark of the text that pairs
  with none (an inch mark: ``at 5'10", there was``) paired with the next attribute's.
"""

from __future__ import annotations

import re

_LINE_BREAKS = str.maketrans({c: " " for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})
# a pair of "--", which pysbd reads as an aside it never cuts (its own rule's pattern),
# and a sentence's end inside it: "fouls--San Jose 19, Nevada 14. Technical fouls--San"
_ASIDE = re.compile(r"--[^-]*--")
_ENDS_INSIDE = re.compile(r"[.!?][\"”’')]*\s+[\"“‘(]*[A-Z]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*\s[^<>]*>")  # a tag with attributes
_QUOTES = str.maketrans({c: "_" for c in "\"'“”‘’«»"})


def flat(text: str) -> str:
    """``text`` as pysbd is given it (the module's changes), of the same length."""
    text = _ASIDE.sub(_no_aside, text.translate(_LINE_BREAKS))
    return _TAG.sub(lambda tag: tag.group().translate(_QUOTES), text)


def _no_aside(pair: re.Match[str]) -> str:
    """A pair of ``--`` with a sentence's end between them is no aside: its dashes are
    given to pysbd as em dashes (as many), which it does not pair."""
    text = pair.group()
    return "\u2014\u2014" + text[2:-2] + "\u2014\u2014" if _ENDS_INSIDE.search(text) else text
