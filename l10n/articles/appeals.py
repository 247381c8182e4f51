"""The site's appeals to its readers set as paragraphs of the story: "Subscribe now to our
eNATION edition for the full story.", "Never miss the latest news by signing up to our
newsletter today!", "Follow The Gleaner on Twitter and Instagram", "Submit your letter to
the editor via this form.", "Click here for free Newsletter subscription!"

A news site writes them into the story's element (a paragraph, a heading, a layout
table's cell; a list's item may be a how-to's step: "Sign up for the bundle using the
same email"), in the story's shape, at its end, its
start or between two paragraphs, so the extraction libraries read them as the story's
(trafilatura's evaluation set annotates them as boilerplate). Such a paragraph is short
(:data:`_WORDS` words or fewer), quotes no one (no double quotation mark: a source's
words about a subscription are the story's), names what the site offers (a subscription,
its newsletter, its accounts on social networks, its letters page, its app: :data:`_OFFER`)
and asks for it as the site: "our", "follow us", "we'd like to hear", with "please",
or as a command ("Subscribe", "Sign up", "Follow", "Submit": :data:`_ASKING`)
(:func:`appeal`). "We subscribe to the view that..." names no offer; "Netflix lost
200,000 subscribers" asks nothing.
"""

from __future__ import annotations

import re
from typing import Any

from l10n.articles.furniture import CELL
from l10n.model import HEADING, PARAGRAPH, Block

_WORDS = 40
_OFFER = re.compile(
    r"\b(?:subscribe\b(?! to the (?:view|idea|notion|theory|belief))|subscription"
    r"|newsletters?\b|letters? to the editor|sign(?:ing)?[ -]?up\b.{0,60}\b(?:e-?mail|alerts?)"
    r"|e-?mail\b.{0,60}\bsign(?:ing)?[ -]?up|follow\b.{0,40}\bon (?:twitter|facebook|instagram"
    r"|tiktok|youtube|linkedin|whatsapp|telegram)|download\b.{0,40}\bapps?\b)", re.I)
# asked as the site: a command, "please", "our", "follow us", "we'd like to hear"; never
# "us" or "we" alone ("the company told us its subscription price would rise", "we need
# a subscription model for local news" are a story's)
_ASKING = re.compile(
    r"^\W*(?:subscribe|sign up|follow|download|get|submit|join|register|click|never miss"
    r"|don'?t miss|support|e-?mail)\b|\b(?:our|please)\b"
    r"|\b(?:follow|join|e-?mail|contact|write to|hear from|support)\s+us\b"
    r"|\bwe(?:'?d| want| would) (?:like |love )?to hear\b", re.I)
_QUOTES = ('"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb")


def appeal(text: str) -> bool:
    """Whether a block's plain ``text`` is the site asking its reader to subscribe, sign
    up, follow it or write to it (module docstring)."""
    return (len(text.split()) <= _WORDS and not any(q in text for q in _QUOTES)
            and _OFFER.search(text) is not None and _ASKING.search(text) is not None)


def appeals(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Takes the site's appeals to its readers out of ``chosen``."""
    for n, (block, place) in enumerate(body):
        if chosen[n] and block.kind in (PARAGRAPH, HEADING, CELL) and (
                place.parent is not None and appeal(texts[n])):
            chosen[n] = False
