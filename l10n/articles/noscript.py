"""A story set only in ``<noscript>``, and the copy of it a script renders.

Some sites ship a post's body twice and show it neither way as plain HTML: as HTML in a
``<script type="text/template">`` (or ``text/html``, ``text/x-template``...), which the
page's script renders in place, and as the same HTML in a ``<noscript>``, which a browser
shows when scripts are off (Blogger's themes: Google's blogs). l10n runs no scripts, so it
reads the page as a browser with scripts off shows it: the ``<noscript>``'s content,
parsed as HTML (html5lib parses it so with scripting off; the walker otherwise skips it:
a noscript is mostly a notice, "please enable JavaScript", or a tracking pixel).

Rules:

* :func:`story_noscripts`: the ``<noscript>`` elements of the page's body are read as
  shown when those holding paragraphs (``<p>``, a heading, a list item) hold more words of
  them than the story read without them (the page refused, or read nearly empty: a
  sidebar's blurb); the page is then read again with them shown, trafilatura given the
  page with those noscripts as ``<div>`` (:func:`shown_page`), and that reading is kept
  when it reads more words.
* :func:`template_copies`: a script that is not JavaScript (a ``type`` that is no
  JavaScript MIME type nor ``module``) whose text, parsed as HTML, holds blocks with the
  text of story blocks read from a shown noscript is their copy: a build translates both,
  as a reader with scripts on sees the copy the script renders, one with scripts off the
  noscript (:mod:`l10n.publish.htmlpage`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from l10n.articles.htmldom import (
    HtmlDocument,
    parse_fragment,
    serialize,
    serialize_nodes,
    text_content,
)
from l10n.model import ATTRIBUTE_KINDS

if TYPE_CHECKING:
    from xml.dom.minidom import Element

    from l10n.model import Block

_TAG = re.compile(r"<[^>]*>")
_PROSE = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
_JAVASCRIPT = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "text/ecmascript", "application/x-javascript", "text/jscript", "text/livescript",
})  # fmt: skip


@dataclass(frozen=True)
class Copy:
    """A script's HTML copy of story blocks: the script, the element holding its content
    as parsed, and (index of the article's block, its place in the copy) pairs."""

    script: Element
    holder: Element
    places: tuple[tuple[int, Any], ...]

    def write(self) -> None:
        """The copy's content (a build translated it) written back into the script as
        HTML, unless it would hold a ``</script`` (never: its tags are the source's)."""
        text = serialize_nodes(self.holder.childNodes)
        if "</script" not in text.lower():
            for child in list(self.script.childNodes):
                self.script.removeChild(child)
            document: Any = self.script.ownerDocument
            self.script.appendChild(document.createTextNode(text))


def story_noscripts(document: HtmlDocument, body: Sequence[tuple[Block, Any]]) -> list[Element]:
    """The body's ``<noscript>`` elements when those holding paragraphs hold more of their
    words than the story read without them (``body``: its blocks); else none."""
    every = document.dom.getElementsByTagName("body")[0].getElementsByTagName("noscript")
    found = [n for n in every if not any(_inside(n, o) for o in every)]
    prose = sum(len(text_content(p.childNodes).split()) for n in found
                for tag in _PROSE for p in n.getElementsByTagName(tag)
                if tag != "p" or not p.getElementsByTagName("p"))
    return found if prose and prose > words_read(body) else []


def words_read(body: Sequence[tuple[Block, Any]]) -> int:
    """The words of the translatable blocks of ``body`` but attributes (alt, link title)."""
    return sum(len(_TAG.sub(" ", b.text).split()) for b, _ in body
               if b.translatable and b.kind not in ATTRIBUTE_KINDS)


def within(place: Any, noscripts: Sequence[Element]) -> bool:
    """Whether a block's place (its run's parent, or its element) is in one of
    ``noscripts``."""
    node = place.parent if place.parent is not None else (place.meta or (None,))[0]
    return node is not None and any(n is node or _inside(node, n) for n in noscripts)


def _inside(node: Any, other: Element) -> bool:
    parent = node.parentNode
    while parent is not None:
        if parent is other:
            return True
        parent = parent.parentNode
    return False


def shown_page(document: HtmlDocument, noscripts: Sequence[Element]) -> str:
    """The page as HTML with the content of ``noscripts`` as ``<div>`` elements (for
    trafilatura, which drops ``<noscript>``); the page itself is left as it is."""
    for element in noscripts:
        element.tagName = element.nodeName = "div"
    try:
        return serialize(document.dom)
    finally:
        for element in noscripts:
            element.tagName = element.nodeName = "noscript"


def template_copies(
    document: HtmlDocument, blocks: Sequence[Block], shown: Sequence[bool],
    walk: Callable[[Element], list[tuple[Block, Any]]],
) -> tuple[Copy, ...]:
    """The page's HTML templates that copy story blocks read from a noscript (``shown``:
    whether each of ``blocks`` is one); ``walk`` reads an element's blocks."""
    copies = []
    for script in document.dom.getElementsByTagName("script"):
        kind = script.getAttribute("type").split(";")[0].strip().lower()
        markup = text_content(script.childNodes)
        if kind in _JAVASCRIPT or "<" not in markup:
            continue
        holder = document.dom.createElement("div")
        for node in parse_fragment(markup, "div"):
            holder.appendChild(node)  # type: ignore[type-var]
        places, at = [], 0
        for block, place in walk(holder):
            match = next((n for n in range(at, len(blocks)) if shown[n]
                          and blocks[n].text == block.text), None)
            if match is not None and block.translatable:
                places.append((match, place))
                at = match + 1
        if places:
            copies.append(Copy(script, holder, tuple(places)))
    return tuple(copies)
