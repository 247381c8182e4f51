"""Text a reader sees inside the raw HTML of a Markdown article.

A post may hold raw HTML blocks: a note in a ``<div class="note">``, a ``<details>``
whose ``<summary>`` is its title, a ``<figure>`` and its ``<figcaption>``, a table written
in HTML, a ``<p align="center">``, an ``<aside>``. Their text is read as the HTML reader
(:mod:`l10n.articles.html`) reads a story: each run of inline content (text and inline
elements: :func:`l10n.articles.inline.inline`) that holds words is a block of kind
``html-text`` whose text is the run's inline markup (tags kept, character references
decoded, whitespace squeezed: :func:`l10n.articles.htmldom.inner_markup`) and whose
``info`` names the element holding it (``summary``, ``figcaption``, ``td``...: the
translator's context, in the catalog's comment); after it, an ``alt`` block for each
picture's alternative text and a ``link-title`` block for each ``title`` in it. Never
read: ``pre`` and what the HTML reader never reads (``script``, ``style``, ``svg``...:
:data:`l10n.articles.htmldom.SKIP`), elements marked ``translate="no"`` or hidden; inline
``code``, ``kbd`` and ``samp`` stay in their sentence, protected (a run with no words
outside them is no block).

The raw block stays a block of kind ``html`` (not translatable), its text blocks right
after it. Builds (:mod:`l10n.publish.rawhtml`) parse the block again, find the same runs
with :func:`items` and put each translation in place of its run.

In a Markdown sentence, an HTML tag's ``alt`` and ``title`` (``<img alt="A cat">``) are
what a reader sees too: :func:`tag_attributes` finds them for the Markdown reader, and
builds write their translation into the tag.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from l10n.articles.htmldom import (
    SKIP,
    elements,
    escape_text,
    hidden,
    inner_markup,
    parse_fragment,
    text_content,
)
from l10n.articles.inline import inline, translates, words
from l10n.model import ALT, HTML_TEXT, LINK_TITLE, Block

if TYPE_CHECKING:
    from xml.dom.minidom import Element, Node

_SKIP = SKIP | {"pre"}  # never read (as the HTML reader), and code blocks
SEEN = ("alt", "title")  # attributes a reader sees


@dataclass(frozen=True)
class Run:
    """A run of inline content holding words: its nodes and its markup."""

    parent: Element
    nodes: tuple[Node, ...]
    text: str
    where: str  # the element holding it ("" at the top of the block)


@dataclass(frozen=True)
class Attribute:
    """An ``alt`` or ``title`` a reader sees, its value whitespace-squeezed."""

    element: Element
    name: str
    value: str


def fragment(markup: str) -> Element | None:
    """The raw HTML ``markup`` parsed (as a browser parses it) inside a ``<div>`` of its
    own; None when it holds nothing."""
    nodes = parse_fragment(markup, "div")
    if not nodes or nodes[0].ownerDocument is None:
        return None
    wrapper = nodes[0].ownerDocument.createElement("div")
    for node in nodes:
        wrapper.appendChild(node)  # type: ignore[type-var]
    return wrapper


def items(wrapper: Element) -> list[Run | Attribute]:
    """The runs and the attributes a reader sees in ``wrapper``, in document order."""
    found: list[Run | Attribute] = []
    _walk(wrapper, "", found)
    return found


def _walk(parent: Element, where: str, found: list[Run | Attribute]) -> None:
    run: list[Node] = []
    for child in list(parent.childNodes):
        if inline(child):
            run.append(child)
            continue
        _flush(parent, run, where, found)
        run = []
        if child.nodeType == child.ELEMENT_NODE:
            element: Element = child
            if not _skipped(element):
                found += _attributes([element])
                _walk(element, element.tagName, found)
    _flush(parent, run, where, found)


def _skipped(element: Element) -> bool:
    return element.tagName in _SKIP or not translates(element, True) or hidden(element)


def _flush(parent: Element, run: list[Node], where: str, found: list[Run | Attribute]) -> None:
    if not run:
        return
    if any(words(node, True) for node in run):
        found.append(Run(parent, tuple(run), inner_markup(run).strip(), where))
    found += _attributes(elements(run))


def _attributes(found: list[Element]) -> list[Attribute]:
    """The ``alt`` of pictures and the ``title`` of elements among ``found`` that hold
    letters, outside protected elements."""
    seen = []
    for element in found:
        if _protected(element):
            continue
        for name in SEEN:
            value = " ".join(element.getAttribute(name).split())
            if (name == "title" or element.tagName == "img") and any(c.isalpha() for c in value):
                seen.append(Attribute(element, name, value))
    return seen


def _protected(element: Element) -> bool:
    """Whether ``element`` is code or inside code or ``translate="no"``."""
    node: Node | None = element
    while node is not None and node.nodeType == node.ELEMENT_NODE:
        tag = node.tagName  # type: ignore[attr-defined]
        if tag in ("code", "kbd", "samp") or not translates(node, True):  # type: ignore[arg-type]
            return True
        node = node.parentNode
    return False


def raw_blocks(markup: str, line: int) -> list[Block]:
    """The blocks of the text a reader sees in the raw HTML block ``markup`` that starts
    at ``line`` (the module's rules); ``index`` is left 0 for the caller."""
    wrapper = fragment(markup)
    if wrapper is None:
        return []
    blocks, cursor = [], 0
    for item in items(wrapper):
        shown = item.value if isinstance(item, Attribute) else text_content(item.nodes)
        at = markup.find(shown.split()[0], cursor) if shown.split() else -1
        cursor = at if at >= 0 else cursor  # the line of its first word, as written
        where = line + markup.count("\n", 0, cursor)
        if isinstance(item, Attribute):
            kind = ALT if item.name == "alt" else LINK_TITLE
            blocks.append(Block(0, kind, escape_text(item.value), where))
        else:
            blocks.append(Block(0, HTML_TEXT, item.text, where, info=item.where))
    return blocks


_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*\s[^<>]*>")
_ATTRIBUTE = re.compile(r"""(\s(alt|title)\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""", re.I)


def tag_attributes(markup: str) -> list[tuple[str, str]]:
    """The ``alt`` and ``title`` values (name, text: references decoded, whitespace
    squeezed) of the HTML tags in ``markup`` that hold letters, in order."""
    found = []
    for tag in _TAG.findall(markup):
        for match in _ATTRIBUTE.finditer(tag):
            value = " ".join(html.unescape(match.group(3).strip("\"'")).split())
            if any(c.isalpha() for c in value):
                found.append((match.group(2).lower(), value))
    return found


def with_tag_attribute(markup: str, name: str, value: str, fresh: str) -> str:
    """``markup`` with the ``name`` attribute of its HTML tags that say ``value`` (as
    :func:`tag_attributes` reads it) saying ``fresh`` instead."""
    def attribute(match: re.Match[str]) -> str:
        old = " ".join(html.unescape(match.group(3).strip("\"'")).split())
        if match.group(2).lower() != name or old != value:
            return match.group(0)
        return f'{match.group(1)}"{html.escape(fresh, quote=True)}"'

    return _TAG.sub(lambda tag: _ATTRIBUTE.sub(attribute, tag.group(0)), markup)
