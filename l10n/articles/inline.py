"""Which nodes of an HTML page are inline content: the runs :mod:`l10n.articles.html` reads
as blocks (the rules are that module's docstring's).

A run of inline content is text and the inline elements (``a``, ``em``, ``span``, ``br``,
``img``...) holding only inline content. One more case keeps a line of text in one block:
an inline element that may hold phrasing content only (a ``span``, ``em``, ``small``...;
not ``a``, ``ins`` or ``del``, which may hold blocks) with text of its own around a
``<div>`` holding only inline content. HTML allows no ``<div>`` there; a site that puts one
styles it inline (a camera icon before a picture credit: ``<span>(<div
class="camera"><span></span>Image:</div>Anadolu via Getty Images)</span>``), and the
element's text runs through it, so the element is one run, not three blocks ``(`` |
``Image:`` | ``Anadolu via Getty Images)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xml.dom.minidom import Element, Node

INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr", "big", "nobr", "ruby", "rt", "rp",
})
# inline elements whose content model is transparent: a <div> in them is allowed, a block
_TRANSPARENT = frozenset({"a", "ins", "del"})
PROTECTED_INLINE = frozenset({"code", "kbd", "samp"})  # their content is never translated
# whitespace and the invisible characters pages put between blocks (zero-width spaces)
BLANK = " \t\n\r\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff\u3000"


def inline(node: Node) -> bool:
    """Text, comments, and inline elements holding only inline content (or a ``<div>``
    styled inline: the module's rule)."""
    if node.nodeType in (node.TEXT_NODE, node.COMMENT_NODE):
        return True
    if node.nodeType != node.ELEMENT_NODE:
        return False
    element: Element = node  # type: ignore[assignment]
    if element.tagName not in INLINE:
        return False
    children = element.childNodes
    if all(inline(c) for c in children):
        return True
    return element.tagName not in _TRANSPARENT and all(
        inline(c) or _element(c, "div") and all(inline(g) for g in c.childNodes)
        for c in children) and any(
        c.nodeType == c.TEXT_NODE and c.data.strip(BLANK)
        for c in children)


def _element(node: Node, tag: str) -> bool:
    return node.nodeType == node.ELEMENT_NODE and node.tagName == tag  # type: ignore[attr-defined]


def translates(element: Element, inherited: bool) -> bool:
    """The HTML standard's ``translate`` attribute: "yes"/"" on, "no" off, else inherited."""
    if not element.hasAttribute("translate"):
        return inherited
    value = element.getAttribute("translate").strip().lower()
    return {"yes": True, "": True, "no": False}.get(value, inherited)


def words(node: Node, translate: bool) -> bool:
    """Whether ``node`` holds text to translate (not inside code or translate="no")."""
    if node.nodeType == node.TEXT_NODE:
        return translate and bool(node.data.strip(BLANK))  # type: ignore[attr-defined]
    if node.nodeType != node.ELEMENT_NODE:
        return False
    element: Element = node  # type: ignore[assignment]
    if element.tagName in PROTECTED_INLINE:
        return False
    inside = translates(element, translate)
    return any(words(child, inside) for child in element.childNodes)
