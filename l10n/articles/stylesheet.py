"""What a page's own stylesheets hide: the selectors of the rules in its ``<style>``
elements that set ``display: none`` or ``visibility: hidden`` (a pop-up, a hover card, a
menu shown only by a script). A reader never sees what they match, so it is not read.

Only simple rules are honoured: rules inside an at-rule (``@media``, ``@supports``...)
hold only under a condition and are left out, and so is a selector that any rule shows
(``display: block``), even under a condition (a mobile-first page hides by default what
a wider screen shows); a selector cssselect cannot turn
into XPath (``:hover``, ``::before``: hidden in a passing state) is skipped. Stylesheets
the page links to are not read (a saved page seldom has them); nor is a rule that would
hide the page's story (:func:`hidden_by_style`: an element holding half of its paragraph
words, or the elements of one rule holding more than half together, a story paged by a
script), nor inline styles (see
:func:`l10n.articles.htmldom.hidden`), except that an element an inline style hides is
read when it holds most of the page's paragraph words (:func:`hidden_wrappers`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from l10n.articles.htmldom import HtmlDocument, hidden, paragraph_words, text_content
from l10n.articles.utilityclasses import hidden_by_class

if TYPE_CHECKING:
    from xml.dom.minidom import Element

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_NAME = re.compile(r"[.#][\w-]+")
_HIDING = {"display": "none", "visibility": "hidden"}


def hidden_by_style(document: HtmlDocument) -> set[int]:
    """The ids of the elements the page's ``<style>`` rules hide (module rules) and those
    a common framework's utility class hides (:mod:`l10n.articles.utilityclasses`:
    ``d-none``, ``sr-only``), except ``<html>``, ``<body>`` and an element holding half
    of the page's paragraph words or more: a page hidden whole until a script shows it
    (an A/B test's anti-flicker rule) is read. So are the story's pages or slides
    (:func:`_honoured`)."""
    total = paragraph_words(document.dom)
    found = _honoured(hidden_by_class(document), total)
    if selectors := hiding_selectors(document):
        from l10n.articles.selectors import select_each

        for matched in select_each(document, selectors):
            found += _honoured(matched, total)
    if not found:
        return set()
    return {id(element) for element in found if element.tagName not in ("html", "body")
            and paragraph_words(element) * 2 < max(total, 1)}


def _honoured(hidden: list[Element], total: int) -> list[Element]:
    """The elements of ``hidden`` (hidden by one rule, or by utility classes) that stay
    hidden: not those of one tag and class that together hold more than half of the page's
    paragraph words, a story set as pages or slides, all but the first hidden until the
    reader turns to them (``.ssr-hide{display:none}`` on each slide). A hidden copy of the
    story beside the shown one holds half at most; a card the same rule hides is of
    another tag or class."""
    kinds: dict[tuple[str, str], list[Element]] = {}
    for element in hidden:
        kinds.setdefault(_kind(element), []).append(element)
    return [element for group in kinds.values() if not _pages_of_the_story(group, total)
            for element in group]


def _kind(element: Element) -> tuple[str, str]:
    return element.tagName, " ".join(sorted(element.getAttribute("class").split()))


def _pages_of_the_story(matched: list[Element], total: int) -> bool:
    """Whether ``matched`` hold together more than half of the page's paragraph words
    (each counted once, not again inside another of them)."""
    ids = {id(element) for element in matched}
    words = 0
    for element in matched:
        node = element.parentNode
        while node is not None and id(node) not in ids:
            node = node.parentNode
        if node is None:  # not inside another element the rule hides: counted once
            words += paragraph_words(element)
    return total > 0 and words * 2 > total


def hidden_wrappers(document: HtmlDocument) -> set[int]:
    """The ids of the elements hidden by their own ``style`` or ``hidden`` attribute
    (:func:`l10n.articles.htmldom.hidden`) that hold more than half of the page's
    paragraph words: the page hidden whole until a script shows it (``<div
    style="display: none">`` around everything, an anti-flicker wrapper), which a
    browser shows and is read. A hidden copy of the story beside the shown one (a copy
    for search engines) holds half at most, and stays hidden."""
    body = document.dom.getElementsByTagName("body")[0]
    found = [e for e in body.getElementsByTagName("*") if hidden(e)]
    if not found:
        return set()
    total = paragraph_words(body)
    return {id(e) for e in found if total and paragraph_words(e) * 2 > total}


def hiding_selectors(document: HtmlDocument) -> list[str]:
    """The selectors that the page's ``<style>`` elements hide (module rules)."""
    styles = document.dom.getElementsByTagName("style")
    css = _COMMENT.sub(" ", "\n".join(text_content(s.childNodes) for s in styles))
    if not any(value in css for value in _HIDING.values()):
        return []
    hiding, showing = _rules(_top_level(css))
    showing |= _rules(css)[1]  # shown again under a condition (@media): not honoured
    names = _names(document)  # a selector naming a class or id the page lacks: no match
    return [selector for selector in hiding if selector not in showing
            and all(name in names for name in _NAME.findall(selector))]


def _names(document: HtmlDocument) -> set[str]:
    """``.class`` and ``#id`` for every class and id in the page."""
    names: set[str] = set()
    for element in document.dom.getElementsByTagName("*"):
        names.update(f".{c}" for c in element.getAttribute("class").split())
        if element.getAttribute("id"):
            names.add(f"#{element.getAttribute('id')}")
    return names


def _rules(css: str) -> tuple[list[str], set[str]]:
    """The selectors of the rules that hide what they match, and of those that show it
    (set ``display`` or ``visibility`` to another value)."""
    hiding: list[str] = []
    showing: set[str] = set()
    for match in _RULE.finditer(css):
        declarations = _declarations(match.group(2))
        hides = any(declarations.get(name) == value for name, value in _HIDING.items())
        shows = any(name in declarations for name in _HIDING) and not hides
        for selector in match.group(1).split(","):
            selector = " ".join(selector.split())
            if selector and hides:
                hiding.append(selector)
            elif selector and shows:
                showing.add(selector)
    return hiding, showing


def _declarations(block: str) -> dict[str, str]:
    """``name: value`` pairs of a declaration block, lower-cased, ``!important`` dropped."""
    found = {}
    for declaration in block.split(";"):
        name, _, value = declaration.partition(":")
        value = value.lower().replace("!important", "").strip()
        if value:
            found[name.strip().lower()] = value
    return found


def _top_level(css: str) -> str:
    """The stylesheet without its at-rules (``@media {...}``, ``@import ...;``)."""
    kept: list[str] = []
    at = 0
    while (start := css.find("@", at)) >= 0:
        kept.append(css[at:start])
        brace, semicolon = css.find("{", start), css.find(";", start)
        if brace < 0 or 0 <= semicolon < brace:  # @import ...; @charset ...;
            at = len(css) if semicolon < 0 else semicolon + 1
            continue
        depth, at = 0, brace
        while at < len(css):  # skip the block, braces nested
            depth += {"{": 1, "}": -1}.get(css[at], 0)
            at += 1
            if depth == 0:
                break
    kept.append(css[at:])
    return "".join(kept)
