"""CSS selectors run on a page: the ``[html]`` settings' ``content`` and ``exclude``, and
the rules of the page's own stylesheets that hide (:mod:`l10n.articles.stylesheet`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from l10n.articles.htmldom import HtmlDocument
from l10n.errors import ArticleError

if TYPE_CHECKING:
    from xml.dom.minidom import Element

_XML_NAME = re.compile(r"[A-Za-z_][\w.-]*")  # names lxml holds (not "xmlns:v", "@click")
_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def select(document: HtmlDocument, selectors: Sequence[str], *,
           lenient: bool = False) -> list[Element]:
    """The elements of the page matching any of the CSS ``selectors``, in document order.

    cssselect turns a selector into XPath, which lxml runs on a copy of the page's DOM
    (:func:`_lxml_copy`). A selector that is not CSS (or that cssselect cannot run) is an
    :class:`ArticleError` (a :class:`ValueError` for the caller), or skipped if
    ``lenient``.
    """
    ours, matched = _run(document, selectors, lenient=lenient)
    picked = {id(copy) for copies in matched for copy in copies}
    return [element for copy, element in ours if id(copy) in picked]


def select_each(document: HtmlDocument, selectors: Sequence[str]) -> list[list[Element]]:
    """The elements each of the CSS ``selectors`` matches, in document order, one list a
    selector (as :func:`select`, leniently: a selector cssselect cannot run is skipped)."""
    ours, matched = _run(document, selectors, lenient=True)
    by_copy = {id(copy): element for copy, element in ours}
    return [[by_copy[id(copy)] for copy in copies if id(copy) in by_copy]
            for copies in matched]


def _run(document: HtmlDocument, selectors: Sequence[str], *,
         lenient: bool) -> tuple[list[tuple[Any, Element]], list[list[Any]]]:
    """The page's lxml copy's (copy, element) pairs and, for each selector cssselect can
    run, the copies it matches (see :func:`select`)."""
    from cssselect import SelectorError

    xpaths = []
    translator = _translator()
    for selector in selectors:
        try:
            xpaths.append(translator.css_to_xpath(selector))
        except SelectorError as exc:
            if lenient:
                continue
            raise ArticleError(f"'{selector}' is not a CSS selector: {exc}",
                               hint="write a CSS selector such as 'div.story-body'") from None
    if not xpaths:
        return [], []
    root, ours = _lxml_copy(document.dom.documentElement)  # type: ignore[arg-type]
    return ours, [root.xpath(xpath) for xpath in xpaths]


@lru_cache(maxsize=1)
def _translator() -> Any:
    """cssselect's translator, its combinators written as tests of an element's ancestors
    or earlier siblings (``A B`` as ``B[ancestor::A]``), as a browser matches a selector,
    from its last part: the same elements, each tested once. cssselect's own form, a path
    down from every match of ``A`` (``A/descendant-or-self::*/B``), walks the subtree of
    each match again: a rule of a site's stylesheet starting ``:not(:lang(en)) .x``
    (every element) walked the page once per element (0.6 s CPU per rule on a page of
    10,000 elements)."""
    from cssselect import GenericTranslator
    from cssselect.xpath import XPathExpr

    def test(axis: str) -> Any:
        def combine(self: Any, left: XPathExpr, right: XPathExpr) -> XPathExpr:
            # ``left`` is one step here (``div[...]``): every combinator builds one
            return right.add_condition(f"{axis}{left}")
        return combine

    class Translator(GenericTranslator):
        xpath_descendant_combinator = test("ancestor::")
        xpath_child_combinator = test("parent::")
        xpath_direct_adjacent_combinator = test("preceding-sibling::*[1]/self::")
        xpath_indirect_adjacent_combinator = test("preceding-sibling::")

    return Translator()


def _lxml_copy(top: Element) -> tuple[Any, list[tuple[Any, Element]]]:
    """An lxml copy of ``top``'s elements (tags, attributes, text), and each copy with
    its element, in document order (the copies are kept alive: their ids are stable)."""
    from lxml import etree

    pairs: list[tuple[Any, Element]] = []

    def copy(element: Element, parent: Any) -> Any:
        tag = element.tagName if _XML_NAME.fullmatch(element.tagName) else "x-unknown"
        made = etree.Element(tag) if parent is None else etree.SubElement(parent, tag)
        for name, value in element.attributes.items():
            if _XML_NAME.fullmatch(name):
                made.set(name, value)
        pairs.append((made, element))
        last = None
        for node in element.childNodes:
            if node.nodeType == node.ELEMENT_NODE:
                last = copy(node, made)
            elif node.nodeType == node.TEXT_NODE:
                data = _XML_TEXT.sub("", node.data)
                if last is None:
                    made.text = (made.text or "") + data
                else:
                    last.tail = (last.tail or "") + data
        return made

    return copy(top, None), pairs
