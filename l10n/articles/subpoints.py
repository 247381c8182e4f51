"""A point's sub-points: the items of a list nested in one of the story's list items.

A newsletter's post is a list of points; a point names the work in progress as a list
nested in its item ("In progress:" then ``<ul><li><a>Bug 1677080 – Fullscreen PiP window
is affected by switching video source</a>``), each sub-point a link to its bug. The
extraction libraries drop such items (all link), so :func:`sub_points` reads them: an item
of :data:`_SUB_WORDS` words or more in a list nested in a story's item whose own line is
not all link. A site's menu nests its sub-menu in an item that is a link ("Football",
then "A-League", "English Premier League"), and its items are one to three words: not read.
"""

from __future__ import annotations

from typing import Any

from l10n.articles.furniture import dense_links, linked
from l10n.model import LIST_ITEM, Block

_SUB_WORDS = 4  # words at least in a sub-point (a menu's items are one to three)


def sub_points(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Marks as the story's the sub-points of a story's point (module rules)."""
    points = {id(place.parent) for n, (block, place) in enumerate(body)
              if chosen[n] and block.kind == LIST_ITEM and place.parent is not None
              and not linked(place) and not dense_links(texts[n], place)}
    for n, (block, place) in enumerate(body):
        if chosen[n] or block.kind != LIST_ITEM or place.parent is None or len(
                texts[n].split()) < _SUB_WORDS:
            continue
        holder: Any = place.parent.parentNode
        if getattr(holder, "tagName", None) in ("ul", "ol") and getattr(
                holder.parentNode, "tagName", None) == "li" and id(holder.parentNode) in points:
            chosen[n] = True
