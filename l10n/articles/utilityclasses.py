"""What common CSS frameworks hide by a utility class: the rules of a stylesheet a page
links to (Bootstrap's, Tailwind's, HTML5 Boilerplate's, WordPress's), which a saved page
seldom has, so that :mod:`l10n.articles.stylesheet` cannot read them.

Two kinds of class, both never seen by a sighted reader, so neither is the story:

* **hidden**: ``hidden`` (HTML5 Boilerplate, Bootstrap 3, Tailwind, Pure), ``d-none``
  (Bootstrap 4-5), ``invisible`` (Bootstrap, Tailwind), ``hide`` (Bootstrap 2,
  Foundation), ``is-hidden`` (Bulma), ``u-hidden`` (SUIT CSS), and the names that say
  ``display: none`` (``display-none``, ``dis-none``);
* **for screen readers only**: ``sr-only`` (Bootstrap 3-4, Tailwind), ``visually-hidden``
  (Bootstrap 5), ``visuallyhidden`` (HTML5 Boilerplate), ``screen-reader-text``
  (WordPress), ``element-invisible`` (Drupal), ``assistive-text`` (older WordPress
  themes), ``show-for-sr`` (Foundation), their ``-focusable`` forms (a "Skip to content"
  link shown only while the keyboard is on it) and a few spellings more: an "Article
  content" heading, "(opens in a new tab)", a link's "Share on Facebook" label.

An element that another of its classes shows on some screen or in some mode is shown, so
read: Bootstrap's ``d-none d-md-block`` (shown on medium screens and wider), Tailwind's
``hidden md:flex`` or ``dark:block``; not a class shown in a passing state only (``focus:
not-sr-only``, ``group-hover:block``) nor in print only (``d-print-block``). Responsive
"hidden on small screens" classes (``hidden-xs``, ``d-md-none``) are not hiding: a wide
screen shows what they mark.

Two things are read all the same: an element holding half of the page's paragraph words
or more (a story a script shows once it loaded), and an inline element inside a sentence
(the sentence is not cut in two around it: its words go to the translator with the
sentence, as part of its markup).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from l10n.articles.htmldom import HtmlDocument
from l10n.articles.inline import inline, words

if TYPE_CHECKING:
    from xml.dom.minidom import Element

HIDING_CLASSES = frozenset({
    "hidden", "d-none", "invisible", "hide", "is-hidden", "u-hidden", "display-none",
    "dis-none",
    "sr-only", "sr-only-focusable", "visually-hidden", "visually-hidden-focusable",
    "visuallyhidden", "screen-reader-text", "screen-reader-only", "element-invisible",
    "assistive-text", "show-for-sr", "u-visually-hidden", "a11y-hidden",
})  # fmt: skip
_DISPLAY = (r"(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|table(?:-[a-z-]+)?"
            r"|contents|flow-root|list-item|visible|not-sr-only)")
# Bootstrap: d-{breakpoint}-{display}; Tailwind: {variant:...}{display}
_SHOWN = re.compile(rf"d-(?:sm|md|lg|xl|xxl)-{_DISPLAY}|(?P<variants>\S+):{_DISPLAY}")
_PASSING = re.compile(r"hover|focus|active|visited|target|open|checked|print")


def hidden_by_class(document: HtmlDocument) -> list[Element]:
    """The elements a framework's utility class hides (module rules), but ``<html>``,
    ``<body>`` and those inside a sentence; the caller leaves out those holding the
    page's story (:func:`l10n.articles.stylesheet.hidden_by_style`)."""
    found: list[Element] = []
    for element in document.dom.getElementsByTagName("*"):
        if _hiding(element) and not _shown(element.getAttribute("class").split()) and (
                element.tagName not in ("html", "body")) and not _in_sentence(element):
            found.append(_wrapper(element))
    return found


def _wrapper(element: Element) -> Element:
    """The outermost inline element around ``element`` that shows nothing else (a share
    link holding only its label for screen readers, no picture): what a run would hold."""
    node: Any = element
    while (parent := node.parentNode) is not None and getattr(parent, "tagName", None) and (
            inline(parent)) and not parent.getElementsByTagName("img") and not any(
            words(child, True) for child in parent.childNodes
            if child is not node and not _hiding(child)):
        node = parent
    return node  # type: ignore[no-any-return]


def _shown(classes: list[str]) -> bool:
    """Whether one of ``classes`` shows the element on some screen or in some mode."""
    for name in classes:
        match = _SHOWN.fullmatch(name)
        if match and not _PASSING.search(match.group("variants") or ""):
            return True
    return False


def _in_sentence(element: Any) -> bool:
    """Whether ``element`` is inline content in a run with words of its own beside it (a
    sentence's link label: "(opens in a new tab)"), or inside such an element."""
    node = element
    while node is not None and getattr(node, "tagName", None) and inline(node):
        for side in ("previousSibling", "nextSibling"):
            other = getattr(node, side)
            while other is not None and inline(other):
                if words(other, True) and not _hiding(other):
                    return True
                other = getattr(other, side)
        node = node.parentNode
    return False


def _hiding(node: Any) -> bool:
    return node.nodeType == node.ELEMENT_NODE and not HIDING_CLASSES.isdisjoint(
        node.getAttribute("class").split())
