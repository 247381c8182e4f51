"""Readers' comments that a page's markup names (a class, an id, an ``itemprop`` or an
``itemtype``), as :func:`l10n.articles.story.kept` takes them out of the story; comments
that only a line announces are :func:`l10n.articles.furniture.comment_openers`'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from l10n.articles.furniture import lineage, name_words
from l10n.model import HEADING, PARAGRAPH, Block

if TYPE_CHECKING:
    from xml.dom.minidom import Element

_COMMENTS = re.compile(r"(?:^|[^a-z])(comments?|comment-?list|disqus\w*|respond|reader-?responses?"
                       r"|usercomments?)(?:$|[^a-z])")


def comments(body: list[tuple[Block, Any]], chosen: list[bool]) -> None:
    """Takes out of ``chosen`` the readers' comments: blocks inside an element whose class
    or id marks comments as CMSs do (WordPress's ``#comments`` and ``li.comment``,
    Disqus's ``#disqus_thread``, ``#respond``, ``.comment-list``; an ``itemprop`` or
    ``itemtype`` of ``Comment``/``UserComments``), which does not hold the story's title
    (a page whose wrapper says ``with-comments``). Where no paragraph read lies between
    the first comment and the heading above it, that comment is the story's: a forum
    thread's opening post, set in the same markup as its replies."""
    title = next((place.parent for n, (block, place) in enumerate(body) if chosen[n]
                  and block.kind == HEADING and block.level == 1 and place.parent is not None),
                 None)
    around = lineage(title)
    taken: dict[int, list[int]] = {}  # each block taken out: the comment elements around it
    for n, (_, place) in enumerate(body):
        node = place.parent if place.parent is not None else (
            place.meta[0] if place.meta else None)
        while chosen[n] and node is not None and getattr(node, "tagName", None):
            if id(node) not in around and _comment_section(node):
                chosen[n], taken[n] = False, _sections(node)
            node = node.parentNode
    posts = [n for n in taken if body[n][0].kind == PARAGRAPH]
    if not posts:
        return
    head = max((n for n in range(posts[0]) if chosen[n] and body[n][0].kind == HEADING),
               default=-1)
    if not any(chosen[n] and body[n][0].kind == PARAGRAPH for n in range(head + 1, posts[0])):
        # the opening post: the widest comment element around it that holds no last reply
        post = ([e for e in taken[posts[0]] if e not in taken[posts[-1]]] or taken[posts[0]])[-1]
        for n in taken:
            chosen[n] = chosen[n] or post in taken[n]


def _sections(node: Any) -> list[int]:
    """The ids of the comment elements that are ``node`` or hold it, innermost first."""
    found = []
    while node is not None and getattr(node, "tagName", None):
        found += [id(node)] if _comment_section(node) else []
        node = node.parentNode
    return found


def _comment_section(element: Element) -> bool:
    names = name_words(" ".join(element.getAttribute(name)  # "commentOdd", "userComments"
                                for name in ("class", "id", "itemprop")))
    kind = element.getAttribute("itemtype").rsplit("/", 1)[-1]
    return bool(_COMMENTS.search(names)) or kind in ("Comment", "UserComments")
