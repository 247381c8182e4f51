"""Which nodes of an HTML page are inline content: the runs :mod:`l10n.articles.html` reads
as blocks (the rules are that module's docstring's).

A run of inline content is text and the inline elements (``a``, ``em``, ``span``, ``br``,
``img``...) holding only inline content, and a MathML formula (``<math>``, inline or
displayed: it belongs to the sentence it is in, protected like inline code). Two more
cases keep a line of text in one block:

- an inline element that may hold phrasing content only (a ``span``, ``em``, ``small``...;
  not ``a``, ``ins`` or ``del``, which may hold blocks) with text of its own around a
  ``<div>`` holding only inline content. HTML allows no ``<div>`` there; a site that puts
  one styles it inline (a camera icon before a picture credit: ``<span>(<div
  class="camera"><span></span>Image:</div>Anadolu via Getty Images)</span>``), and the
  element's text runs through it, so the element is one run, not three blocks ``(`` |
  ``Image:`` | ``Anadolu via Getty Images)``;
- any inline element (``a``, ``cite``, ``span``...) in a line of text (words beside it
  or beside the inline elements around it) holding words and ``<div>`` s that show none
  (an icon, a badge, a browser extension's shield injected after a link: ``See
  <cite><a>the agency's page</a><div class="shield"><img></div></cite> for``): no block of
  text ends there, the sentence runs on. So too where the element holds the whole line
  and words come before the div and punctuation after it (a Wikipedia reference's
  ``<cite><a>"Reviews"</a><div class="shield"></div>. <i>Cinefantastique</i>.</cite>``,
  the cite alone in its list item). A teaser's card alone in its box (``<a><div><img>
  </div><span>Headline</span></a>``) is not in a line of text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from l10n.articles.density import SENTENCE_ENDS
from l10n.articles.htmldom import text_content
from l10n.articles.readings import loose

if TYPE_CHECKING:
    from xml.dom.minidom import Document, Element, Node

INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr", "big", "nobr", "ruby", "rt", "rp",
})
# inline elements whose content model is transparent: a <div> in them is allowed, a block
_TRANSPARENT = frozenset({"a", "ins", "del"})
# their content is never translated: code, and a MathML formula (``<math>``), which belongs
# to the sentence it is in ("for any non-zero real scalar <math>c</math>, ...")
PROTECTED_INLINE = frozenset({"code", "kbd", "samp", "math"})
# what a line goes on with after a shield, never a block's start: ". <i>Cinefantastique</i>."
_FIELD_GOES_ON = frozenset(".,;:")
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
    if element.tagName == "math":
        return True  # a formula, inline or displayed, in its sentence: one protected unit
    if element.tagName not in INLINE:
        return False
    children = element.childNodes
    runs: list[Node] = []  # the inline children, each judged once (nesting stays linear)
    divs: list[Node] = []
    for child in children:
        if inline(child):
            runs.append(child)
        elif _element(child, "div") and all(inline(g) for g in child.childNodes):
            divs.append(child)
        else:
            return False
    if not divs:
        return True
    if not any(_shows_words(c) for c in divs):
        # an icon's, a badge's, an extension's shield's <div> in a line of text
        return any(_shows_words(c) for c in runs) and (
            _in_line(element) or any(_goes_on_after(element, d) for d in divs))
    return element.tagName not in _TRANSPARENT and any(
        c.nodeType == c.TEXT_NODE and c.data.strip(BLANK)
        for c in children)


def _in_line(element: Element) -> bool:
    """Whether ``element`` is in a line of text: words beside it, or beside the inline
    elements around it (a link in a list item's sentence; not a teaser's card alone in
    its box)."""
    node: Any = element
    while node.parentNode is not None and getattr(node.parentNode, "tagName", None):
        if any(_shows_words(s) for s in node.parentNode.childNodes if s is not node and (
                s.nodeType == s.TEXT_NODE or s.nodeType == s.ELEMENT_NODE
                and s.tagName in INLINE)):
            return True
        node = node.parentNode
        if node.tagName not in INLINE:
            return False
    return False


def _goes_on_after(element: Element, div: Node) -> bool:
    """Whether words come before ``div`` in ``element`` and what follows it there starts
    with punctuation that starts no block (a reference's field after its title link and a
    shield: ``<cite><a>"Reviews"</a><div class="shield"></div>. <i>Cinefantastique</i>.``)."""
    children: list[Any] = list(element.childNodes)
    at = children.index(div)
    after = text_content(children[at + 1:]).lstrip(BLANK)
    return after[:1] in _FIELD_GOES_ON and any(_shows_words(c) for c in children[:at])


def _shows_words(node: Node) -> bool:
    """Whether ``node`` holds a letter or a digit a reader sees (its text, tags aside)."""
    return any(ch.isalnum() for ch in text_content([node]))


def formula_picture(image: Element) -> bool:
    """Whether ``image`` is a formula's fallback picture: beside a ``<math>`` in the
    element that holds both (MediaWiki's ``<span class="mwe-math-element">``, whose
    ``<img alt="{\\displaystyle c}">`` shows the formula where MathML is not drawn). Its
    alt is the formula's TeX, not text to translate."""
    parent: Any = image.parentNode
    if not getattr(parent, "tagName", None):
        return False
    near = [c for c in parent.childNodes if c.nodeType == c.ELEMENT_NODE]  # two levels
    return any(_element(n, "math") for n in near) or any(
        _element(g, "math") for n in near for g in n.childNodes)


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


# what a reader never sees of an ad box: its script (``GetAd(...)``), style, frames
_UNSEEN = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed",
                     "svg"})
_BOX = 2  # words at most a reader sees in what cuts a paragraph ("Advertisement")
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"})
_CUT = 3  # words at least in the first half of a paragraph cut, when the rest is lowercase
_GOES_ON = ",;:"  # ... or starts with what starts no sentence: ", and it was published"


def rejoin(dom: Document) -> dict[str, str]:
    """Puts back into its ``<p>`` the rest of a paragraph that an ad box cut: in ``<p>...
    just how difficult <div class="ad">Advertisement</div>it is to send men and women into
    space.<p>`` the parser ends the ``<p>`` at the ``<div>`` (so does a browser, which shows
    the ad inside the sentence), and the rest is bare text beside it. When the ``<p>``
    ends with no sentence end, the elements after it (not a paragraph, heading, list item
    or quote) show :data:`_BOX` words at most, and
    inline content follows them that either starts with a lowercase letter, a comma, a
    semicolon or a colon (after :data:`_CUT` words or more; the rest of a sentence that a
    browser extension's shield after a link cut: ``<cite><a>the agency</a><div
    class="shield"></div></cite>, and it was``) or, after a capitalised word, ends a sentence (a cut
    between a first and a last name: "Tom" | "Koenigs, said ..."), that content is moved to
    the end of the ``<p>``: one block, one sentence; the ad box stays after it (a share
    box's "Copy this link" | "Read more about sharing." stays apart). Gives each joined
    paragraph's text, loose (:func:`l10n.articles.readings.loose`), with its first half:
    a library reads the first half alone (trafilatura drops the bare rest), so the whole
    is the story's when that half is."""
    heads: dict[str, str] = {}
    for p in list(dom.getElementsByTagName("p")):
        node, shown = _after(p), 0
        boxes = 0
        while node is not None and node.nodeType == node.ELEMENT_NODE and not inline(node) and (
                node.tagName not in _PARAGRAPHS):
            boxes, shown = boxes + 1, shown + len(_seen(node).split())
            node = _after(node)
        rest: list[Any] = []
        while node is not None and inline(node):
            rest.append(node)
            node = node.nextSibling
        last = _before_end(p)
        head = " ".join(text_content(p.childNodes).split())
        tail = " ".join(text_content(rest).split())
        if not boxes or shown > _BOX or last is None or not inline(last) or not head or (
                head.endswith(SENTENCE_ENDS)) or not any(c.isalpha() for c in tail):
            continue
        if not ((tail[0].islower() or tail[0] in _GOES_ON) and len(head.split()) >= _CUT
                or tail.endswith(SENTENCE_ENDS)
                and head.split()[-1][:1].isupper()):
            continue
        glued = text_content([last])[-1:].isspace() or text_content(rest[:1])[:1].isspace()
        if not glued and tail[0] not in _GOES_ON:
            rest.insert(0, dom.createTextNode(" "))
        for moved in rest:
            p.appendChild(moved)
        heads[loose(text_content(p.childNodes))] = head
    return heads


def _after(node: Any) -> Any:
    """The next sibling that is not blank text nor a comment."""
    found = node.nextSibling
    while found is not None and _blank(found):
        found = found.nextSibling
    return found


def _before_end(element: Any) -> Any:
    """The last child that is not blank text nor a comment."""
    found = element.lastChild
    while found is not None and _blank(found):
        found = found.previousSibling
    return found


def _blank(node: Any) -> bool:
    return bool(node.nodeType == node.COMMENT_NODE or (
        node.nodeType == node.TEXT_NODE and not node.data.strip(BLANK)))


def _seen(node: Any) -> str:
    """The text a reader sees of ``node`` (not its scripts, styles, frames)."""
    if node.nodeType == node.TEXT_NODE:
        return str(node.data)
    if node.nodeType != node.ELEMENT_NODE or node.tagName in _UNSEEN:
        return ""
    return " ".join(_seen(child) for child in node.childNodes)
