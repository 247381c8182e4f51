"""Rule 7 of :mod:`l10n.text.segment` at HTML line breaks (``<br>``): where a sentence or a
line of its own ends, which pysbd (it sees tags, not a space) misses.

:func:`line_break_cuts` gives a cut before the line break (the next segment starts with it):

- after a sentence's end, before a ``<br>`` and a capital word (``my time."<br><small>Photo``);
- before two ``<br>`` or more (a blank line) and text, whatever precedes them;
- after a **line of its own** before one ``<br>`` and a capital word: a name, a title, a
  dateline (``<b>bruno</b><br>To those ...``, ``7 Advantages of D2D Backup</a><br> For
  decades``). The line (the text since the block's start or the previous ``<br>``, tags left
  out) holds at most :data:`OWN_LINE` characters and does not end on punctuation or on a
  function word, after which a sentence goes on (``A publication by the<br>Path Publishing
  Group.``, ``Roses are red,<br>Violets``). A byline or a copyright line goes on in a short
  next line that names a paper or a role (``By Jane Roe<br>Staff writer``, ``Copyright ©
  2008<br>The Daily Times``, ``John Doe<br>AP Sports Writer``), not in a date.
  A line of a **list** is one of its own however long (up to :data:`LIST_LINE`): it and
  the line after it start with the same word and a number (``June 23 – Virginia Beach, VA
  @ … Amphitheater at Virginia Beach<br> June 24 – Bristow``: dates, ``Day 2``, ``Week 3``).
"""

from __future__ import annotations

import re

OWN_LINE = 80  # characters of a line of its own, at most (tags left out): a title and a date
LIST_LINE = 200  # ... of a list's line, which starts like the next line ("June 23", "June 24")
# a list's line starts with a word and a number: "June 23 –", "Nov. 5:", "Day 2"
_ENTRY = re.compile(r"([A-Za-z]+)\.?\s+\d")
# a sentence's end, an HTML line break, a capital word: "time."<br><small>Photo"
_BROKEN_LINE = re.compile(
    r"[.!?][\"”’»)]*(?:</[A-Za-z][^<>]*>)*\s*"
    r"(?=(?:<br\s*/?>\s*)+(?:<[A-Za-z][^<>]*>)*[\"“‘«]?[A-Z])"
)
# two HTML line breaks or more (a blank line) before text: "22.4 <br><br>*min. 25 snaps"
_BLANK_LINE = re.compile(r"(?:<br\s*/?>\s*){2,}(?=(?:</?[A-Za-z][^<>]*>\s*)*[^\s<])")
_LINE_BREAK = re.compile(r"<br\b[^<>]*>")
_TAG = re.compile(r"<[^<>]*>")
# a line that goes on after the break: punctuation, a function word at its end
_GOES_ON = re.compile(
    r"(?:[.!?,;:&(/+=\-\u2010-\u2015]|(?<![\w'’])(?:a|an|the|of|by|to|in|on|at|for|with|from|"
    r"and|or|but|nor|as|that|than|this|these|those|his|her|its|their|our|your|my|is|are|was|"
    r"were|be|been|will|would|can|could|should|may|might|must|has|have|had|do|does|did|not|no|"
    r"into|onto|over|under|about|after|before|between|through|during|who|whom|whose|which|"
    r"what|when|where|while|if|because|so|such|very|more|most|less|per|via))$"
)
# a byline, a copyright line; a role; a date: "By Jane Roe", "Staff writer", "Monday, Jan. 7"
_BYLINE = re.compile(r"(?:By|BY|by)\s|©|Copyright\b")
_ROLE = re.compile(r"(?i:writer|editor|correspondent|reporter|columnist)$")
_CAPITALISED = re.compile(r"(?:[A-Z0-9]\S*\s*)+")  # a name: "Pittsburgh Post-Gazette"
_DATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)
_NEXT_LINE = re.compile(r"(?:\s|</?[A-Za-z][^<>]*>)*[\"“‘«]?[A-ZÀ-ÖØ-Þ]")


def line_break_cuts(text: str) -> list[int]:
    """Cuts at HTML line breaks in ``text`` (the module's three rules), in no order."""
    cuts = [m.end() for m in _BROKEN_LINE.finditer(text)]
    cuts += [m.start() for m in _BLANK_LINE.finditer(text)]
    line_start = 0
    for br in _LINE_BREAK.finditer(text):
        line = " ".join(_TAG.sub("", text[line_start:br.start()]).split())
        longest = LIST_LINE if _listed(line, text, br.end()) else OWN_LINE
        if (line and len(line) <= longest and not _GOES_ON.search(line)
                and _NEXT_LINE.match(text, br.end()) and not _credit(line, text, br.end())):
            cuts.append(br.start())
        line_start = br.end()
    return cuts


def _listed(line: str, text: str, start: int) -> bool:
    """Whether ``line`` and the line at ``start`` start with the same word and a number:
    lines of a list (tour dates, a schedule)."""
    end = _LINE_BREAK.search(text, start)
    following = " ".join(_TAG.sub("", text[start:end.start() if end else len(text)]).split())
    this, that = _ENTRY.match(line), _ENTRY.match(following)
    return bool(this and that and this.group(1) == that.group(1))


def _credit(line: str, text: str, start: int) -> bool:
    """Whether ``line`` is a byline or a copyright line that goes on in the short line at
    ``start`` (a paper's name, a role), or a name before a role (not two credits: "Ann Lee,
    Publisher<br>Bo Kim, Editor")."""
    end = _LINE_BREAK.search(text, start)
    following = " ".join(_TAG.sub("", text[start:end.start() if end else len(text)]).split())
    if len(following) > 40 or "," in following or _GOES_ON.search(following):
        return False
    named = _BYLINE.match(line) and _CAPITALISED.fullmatch(following)
    return not _DATE.match(following) and bool(named or _ROLE.search(following))
