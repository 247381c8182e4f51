"""The site's notices set among the story's blocks: the labels of its ads
("ADVERTISEMENT", "Sponsored Links") and its article tools ("Printer friendly page |
Send this article to Friends by E-Mail", "Text size", "Order Reprints").

A 2000s news page sets them in the cells of its layout table or in the story's element,
in the story's shape, above the story or beside it, so the extraction libraries read
them as the story's (L3S-GN1's assessors and scrapinghub's references leave them out).
Such a line (:func:`tool_line`) holds nothing but such labels and tools, "|" or "»"
between them: "Print the leaflet and bring it" is a sentence, and read.

The site's rights notice ("Copyright 2008 The Associated Press. All rights reserved.
This material may not be published, broadcast, rewritten or redistributed.") is read:
the references do not agree on it (L3S-GN1's assessors count it as the full text of
some pages, scrapinghub's sites put it in their ``articleBody``).
"""

from __future__ import annotations

import re
from typing import Any

from l10n.model import ALT, LINK_TITLE, Block

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
    """Takes the site's ads' labels and article tools out of ``chosen`` (a line marked
    ``translate="no"`` stays the page's own, untranslated)."""
    for n, (block, _) in enumerate(body):
        if chosen[n] and block.translatable and block.kind not in (ALT, LINK_TITLE) and (
                tool_line(texts[n])):
            chosen[n] = False
