"""The site's notices set among the story's blocks: its rights notice ("© 2008 The
Associated Press. All rights reserved. This material may not be published, broadcast,
rewritten or redistributed."), the labels of its ads ("ADVERTISEMENT", "Sponsored
Links") and its article tools ("Printer friendly page | Send this article to Friends by
E-Mail", "Text size", "Order Reprints").

A 2000s news page sets them in the cells of its layout table or in the story's element,
in the story's shape, under the story or beside it, so the extraction libraries read
them as the story's (L3S-GN1's assessors and scrapinghub's references leave them out).

- A rights notice (:func:`rights_notice`) is short (:data:`_WORDS` words or fewer),
  quotes no one, and says "All rights reserved", or forbids copying as a site does: "may
  not be" and a list of verbs of copying ("may not be published, broadcast, rewritten or
  redistributed"), two of them then "prohibited" ("The copying, republication or
  redistribution ... is expressly prohibited"), "prohibited without (the prior written)
  permission", or copying without permission prohibited ("Reproduction ... without
  permission is prohibited"); or it is a line of :data:`_SIGNED_WORDS` words at most that
  opens with the copyright sign or "Copyright ©/2008" (a longer one is a caption, its
  credit first). A story's sentences say one such verb ("The names may not be
  published, the judge ruled"; "the book was published, distributed and sold" forbids
  nothing). It is left out when set apart from the story's text (:func:`notices`).
- An ad's label or an article tool (:func:`tool_line`) is a line that holds nothing but
  such labels and tools, "|" or "»" between them.
"""

from __future__ import annotations

import re
from typing import Any

from l10n.articles.furniture import shape
from l10n.model import ALT, LINK_TITLE, PARAGRAPH, Block

_WORDS = 80
_QUOTES = ('"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb")
_COPYING = (r"(?:re)?(?:publish(?:ed|ing)?|publication|broadcast(?:ing)?|rewritten|"
            r"(?:re)?produc(?:ed|tion)|(?:re)?distribut(?:ed|ion)|copied|copying|"
            r"transmitted|cached|framing)")
_OPENING = re.compile(r"\W*(?:©|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©|\(c\)|(?:19|20)\d\d))",
                      re.IGNORECASE)
_SIGNED_WORDS = 10  # a longer line opening with the sign: a caption, its credit first
_FORBIDS = re.compile(
    r"\ball rights reserved\b"
    rf"|\bmay\s+not\s+be\s+{_COPYING}(?:\s*,\s*(?:or\s+|and\s+)?|\s+or\s+){_COPYING}\b"
    rf"|\b{_COPYING}\s+or\s+{_COPYING}\b.{{0,120}}\bprohibited\b"
    r"|\bprohibited\s+without\s+(?:the\s+)?(?:prior\s+|express\s+)*(?:written\s+)?"
    r"(?:permission|consent)\b"
    rf"|\b{_COPYING}\b.{{0,60}}\bwithout\s+(?:\w+\s+){{0,3}}(?:permission|consent)\b"
    r".{0,60}\bprohibited\b", re.IGNORECASE)


def rights_notice(text: str) -> bool:
    """Whether a block's plain ``text`` is the site's rights notice (module docstring)."""
    words = len(text.split())
    if words > _WORDS or any(q in text for q in _QUOTES):
        return False
    return _FORBIDS.search(text) is not None or (
        words <= _SIGNED_WORDS and _OPENING.match(text) is not None)


_TOOL = (r"(?:advertisements?|advertising|sponsor(?:ed)?\s+links?|sponsored|story\s+tools"
         r"|article\s+(?:tools|options)|print(?:er[- ]friendly)?(?:\s+(?:this|the))?"
         r"(?:\s+(?:page|version|article|story))?|print|order\s+reprints|reprints"
         r"|(?:e-?mail|send)(?:\s+(?:this|the))?(?:\s+(?:page|article|story))?"
         r"(?:\s+to\s+(?:a\s+)?friends?)?(?:\s+by\s+e-?mail)?"
         r"|(?:text|font)\s+size(?:\s*:?(?:\s*[a\-+|]\s*)*)?)")
_TOOLS = re.compile(rf"\W*{_TOOL}(?:\s*[|\u00bb:\-\u2022/]?\s*{_TOOL})*\W*", re.IGNORECASE)


def tool_line(text: str) -> bool:
    """Whether a block's plain ``text`` is nothing but ads' labels and article tools."""
    return any(c.isalpha() for c in text) and _TOOLS.fullmatch(text.strip()) is not None


def notices(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Takes the site's article tools and ads' labels out of ``chosen``, and its rights
    notices set apart from the story's text: in an element that is no story paragraph's
    nor the one around it, nor inside one of those, nor of a story paragraph's shape (a
    wire story's "Copyright 2019 Hawaii News Now. All rights reserved." set as a
    paragraph under its last one, in a box like theirs, is the copy as the site
    publishes it: its ``articleBody`` holds it). A notice marked ``translate="no"``
    stays the page's own, untranslated."""
    notice = [chosen[n] and block.translatable and block.kind not in (ALT, LINK_TITLE)
              and rights_notice(texts[n]) for n, (block, _) in enumerate(body)]
    paragraphs = [place.parent for n, (block, place) in enumerate(body) if chosen[n]
                  and not notice[n] and block.kind == PARAGRAPH and place.parent is not None]
    story = {id(node) for p in paragraphs for node in (p, p.parentNode)}
    shapes = {shape(p, 2) for p in paragraphs}
    for n, (block, place) in enumerate(body):
        apart = place.parent is None or not (
            {id(place.parent), id(place.parent.parentNode)} & story
            or shape(place.parent, 2) in shapes)
        if chosen[n] and block.translatable and block.kind not in (ALT, LINK_TITLE) and (
                tool_line(texts[n]) or notice[n] and apart):
            chosen[n] = False
