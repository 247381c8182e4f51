"""Listings of other stories set as rows of their own: each row a headline that is one
link to another page, on a line of its own, then its summary or its source and time::

    <p class="llistatnews"><a href="/article?id=1">French Q4 GDP growth seen at 0.4 pct</a>
    <br>Thomson Financial News | Wed, Jan 16 2008, 07:50 GMT</p>
    <td class="sectionarticle"><a href="/news_7686.html">Sonia Gandhi attends Army Day
    reception</a><br>New Delhi, Jan 15 (ANI): In her first public appearance ...</td>

A 2000s news page sets its "More in South Asia news" or "Breaking Forex News" box in the
story's cell or element, so the extraction libraries read its rows as paragraphs of the
story (L3S-GN1's assessors leave them out). A row (:func:`headline_row`) opens with a
link of :data:`_HEADLINE_WORDS` words or more to another page (not a ``#`` part of this
one), then a line break, then text; :data:`_ROWS` rows or more in elements of one tag
and class (the site's template for a row) are a listing (:func:`headline_rows`). A story
paragraph that opens with a link runs on after it on the same line ("<a>The council's
report</a> says the bridge..."), and a story's list of its sources, one row each, is
read when it has fewer rows. The title of such a box, and of any box whose links were
not read, heads nothing read (:func:`box_titles`).
"""

from __future__ import annotations

from typing import Any

from l10n.articles.furniture import CELL, shape
from l10n.articles.htmldom import text_content
from l10n.model import ALT, HEADING, LINK_TITLE, LIST_ITEM, PARAGRAPH, Block

_HEADLINE_WORDS = 3
_ROWS = 3


def headline_row(place: Any) -> bool:
    """Whether a block's run opens with a headline link to another page on a line of its
    own, and has text after it (module docstring)."""
    nodes = [node for node in place.nodes
             if node.nodeType != node.TEXT_NODE or node.data.strip()]
    if len(nodes) < 3 or any(node.nodeType != node.ELEMENT_NODE for node in nodes[:2]):
        return False
    link, stop = nodes[0], nodes[1]
    href = link.getAttribute("href").strip() if link.tagName == "a" else ""
    return (bool(href) and not href.startswith(("#", "javascript:")) and stop.tagName == "br"
            and len(text_content(link.childNodes).split()) >= _HEADLINE_WORDS
            and bool(text_content(nodes[2:]).strip()))


def headline_rows(body: list[tuple[Block, Any]], chosen: list[bool]) -> None:
    """Takes the rows of a listing of other stories out of ``chosen``."""
    rows: dict[tuple[tuple[str, str], ...], list[int]] = {}
    for n, (block, place) in enumerate(body):
        if block.kind in (PARAGRAPH, LIST_ITEM, CELL) and place.parent is not None and (
                headline_row(place)):
            rows.setdefault(shape(place.parent), []).append(n)
    for found in rows.values():
        if len(found) >= _ROWS:
            for n in found:
                chosen[n] = False


def box_titles(body: list[tuple[Block, Any]], chosen: list[bool]) -> None:
    """Takes out of ``chosen`` the headings below the story's last block read: they head
    nothing read (a sidebar's or a footer's "Links We Like", "Sponsored Links", "More
    Sports", whose links were not read; a site sets them as ``<h1>`` too). Headings
    above the story stay: a title, a kicker, a standfirst set as a heading, the first
    section's heading of a post whose sections' headings are ``<h1>`` as its title is
    (Medium's); and so do those between its blocks (the story's, a section empty or not);
    on a page of headings alone, all stay."""
    read = [m for m in range(len(body))
            if chosen[m] and body[m][0].kind not in (HEADING, ALT, LINK_TITLE)]
    if not read:
        return  # headings are all the page has: they are its text
    for n in range(read[-1] + 1, len(body)):
        if body[n][0].kind == HEADING:
            chosen[n] = False
