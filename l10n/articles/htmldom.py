"""HTML documents as l10n reads and writes them: html5lib, source lines, inline markup.

Parser: `html5lib <https://github.com/html5lib/html5lib-python>`_, the pure-Python
implementation of the WHATWG HTML parsing algorithm. Of the well-kept HTML5 parsers it is
the one that both builds the tree a browser builds (lxml's libxml2 does not follow the
HTML5 tree-construction rules) and reports the standard's parse errors with their line
and column (selectolax/lexbor reports none), which is how bad HTML is told from good.
It needs no compiled code. Trees are ``xml.dom.minidom`` documents (html5lib's ``dom``
builder): text is a node of its own there, so a run of inline content can be replaced.

Rules:

* :func:`parse_html` records the source line of every element (the line where its start
  tag ends) and of every text node (where it starts). It reads every page a browser
  reads: parse errors (an end tag with no element to close, a stray ``</meta>``, an
  element left open at the end of the file, misnested tags) are recovered from exactly
  as a browser recovers, by the WHATWG algorithm, and never stop the reading. Control
  characters (C0 other than whitespace, C1, noncharacters) are left out of the text, as
  a browser shows nothing for them (NUL characters with a warning: a page saved with
  them is damaged); a file where they are 8 or more, and more than 1 in 20 characters,
  is binary, not a page, and is refused. A ``<title>`` that is never closed holds the
  rest of the page (a browser shows it blank: a page cut short inside its head); it is
  read as ending with its first line, with a warning, and the text between that line
  and a ``</script>`` or ``</style>`` (whose start tag was lost with the title's end)
  is a script or a style again (:func:`_close_runaway_title`). Soft hyphens (U+00AD,
  ``&shy;``) are left out of the text and of attribute values: they are hints where a
  line may break, not characters of a word, and a word written with them
  (``cy&shy;ber&shy;se&shy;cu&shy;ri&shy;ty``) is one word for the engines, the glossary,
  the memory and the story's extraction (trafilatura drops them, so no block of such a
  page matched its story and the page was refused); the built page has none.
* :func:`inner_markup` writes a run of nodes as the text translators see: inline tags as
  ``<a href="x">`` (attributes in source order, double-quoted), character references
  decoded, runs of whitespace as one space, comments left out. ``&`` is escaped only
  where the parser would read a character reference, ``<`` only before a letter, ``/``,
  ``!`` or ``?``: parsing the markup again gives the same text back.
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from l10n.articles.runaway import cut_script_tags, damaged
from l10n.errors import ArticleError, L10nWarning

if TYPE_CHECKING:
    from xml.dom.minidom import Document, Element, Node

VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
})  # fmt: skip
# what a reader never reads as text: scripts, styles, media, form controls, the head
SKIP = frozenset({
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed",
    "canvas", "audio", "video", "select", "textarea", "button", "input", "head",
})
_SPACE = re.compile(r"[ \t\n\r\f]+")
SOFT_HYPHEN = "\u00ad"
_SOFT_HYPHENS = re.compile(r"\u00ad|&shy\b|&#0*173\b|&#x0*ad\b", re.IGNORECASE)
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ATTRIBUTE = str.maketrans({"&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;"})


@dataclass(frozen=True)
class HtmlDocument:
    """A parsed page and the source line of its nodes."""

    dom: Document
    lines: dict[int, int]  # id(node) -> 1-based line
    source: str = ""  # the text parsed (control characters left out)

    def line(self, node: Node, default: int = 1) -> int:
        return self.lines.get(id(node), default)


def parse_html(path: Path, text: str) -> HtmlDocument:
    """Parse ``text`` (from ``path``) as a browser does (the module's rules); ArticleError
    only for a binary file."""
    controls = _CONTROL.findall(text)
    if len(controls) >= 8 and len(controls) * 20 > len(text):
        control = _CONTROL.search(text)
        assert control is not None
        raise ArticleError(
            f"not text: {len(controls)} control characters (the first U+"
            f"{ord(control.group()):04X})",
            path=path, line=text.count("\n", 0, control.start()) + 1,
            hint="is this a binary file? give an HTML page saved as text",
        )
    if "\x00" in controls:
        warnings.warn(L10nWarning(
            f"NUL characters in the page ({controls.count(chr(0))}): left out, as a browser "
            "shows nothing for them", path=path, line=text.count("\n", 0, text.index("\x00")) + 1,
            hint="re-save the page as text (a NUL is no character of an HTML page)"),
            stacklevel=4)
    if controls:
        text = _CONTROL.sub("", text)
    document = _parse(text)
    closed = _close_runaway_title(document, text)
    if closed is not None:
        text, line = closed
        warnings.warn(L10nWarning(
            "the <title> is never closed: a browser shows the rest of the page as its "
            "title and the page blank; it is read as ending with its first line", path=path,
            line=line, hint="close the title with </title>"), stacklevel=4)
        document = _parse(text)
    scripts = document.dom.getElementsByTagName("script")
    if any(damaged(dict(s.attributes.items())) for s in scripts):
        cut = cut_script_tags(text)
        if cut is not None:
            text, line = cut
            warnings.warn(L10nWarning(
                "a <script> start tag holds the page's markup (bytes of the page were lost): "
                "a browser shows what follows as script text; it is read as ending with its "
                "first line", path=path, line=line, hint="re-save the page"), stacklevel=4)
            document = _parse(text)
    return document


def _parse(text: str) -> HtmlDocument:
    import html5lib

    lines: dict[int, int] = {}
    parser = html5lib.HTMLParser(tree=_line_builder(), namespaceHTMLElements=False)
    parser.tree.where = lambda: parser.tokenizer.stream.position()[0]
    parser.tree.lines = lines
    dom = parser.parse(text)
    if _SOFT_HYPHENS.search(text):
        _drop_soft_hyphens(dom)
    dom.normalize()
    return HtmlDocument(dom, lines, text)


def _drop_soft_hyphens(dom: Document) -> None:
    stack: list[Node] = [dom]
    while stack:
        node = stack.pop()
        if node.nodeType == node.TEXT_NODE:
            data = node.data  # type: ignore[attr-defined]
            if SOFT_HYPHEN in data:
                node.data = data.replace(SOFT_HYPHEN, "")  # type: ignore[attr-defined]
            continue
        if node.nodeType == node.ELEMENT_NODE:
            element: Element = node  # type: ignore[assignment]
            for name, value in list(element.attributes.items()):
                if SOFT_HYPHEN in value:
                    element.setAttribute(name, value.replace(SOFT_HYPHEN, ""))
        stack.extend(node.childNodes)


_TITLE = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TITLE_END = re.compile(r"</title\b", re.IGNORECASE)
_MARKUP = re.compile(r"<[A-Za-z/!]")
_ORPHAN_END = re.compile(r"</(script|style)\b", re.IGNORECASE)


def _close_runaway_title(document: HtmlDocument, text: str) -> tuple[str, int] | None:
    """``text`` with a ``</title>`` after the first line of a title that is never closed
    and so holds markup (the rest of the page), and the title's line; None for a page
    whose title is closed. The text between that line and the next tag, when that tag
    ends a script or a style, was a script or a style (its start tag was lost with the
    title's end): it is made one again, never read as text."""
    title = next((t for t in document.dom.getElementsByTagName("title")
                  if _MARKUP.search(text_content(t.childNodes))), None)
    if title is None:
        return None
    line = document.line(title)
    start = next((m for m in _TITLE.finditer(text)
                  if text.count("\n", 0, m.end()) + 1 == line), None)
    if start is None or _TITLE_END.search(text, start.end()):
        return None
    first = len(text) - len(text[start.end():].lstrip())  # the title's first line
    tag = _MARKUP.search(text, first)
    end = text.find("\n", first)
    cut = min(p for p in (tag.start() if tag else -1, end, len(text)) if p >= 0)
    after = _MARKUP.search(text, cut)
    orphan = _ORPHAN_END.match(text, after.start()) if after is not None else None
    opened = f"<{orphan.group(1)}>" if orphan and text[cut:orphan.start()].strip() else ""
    return text[:cut] + "</title>" + opened + text[cut:], line


# C0/C1 controls but tab, LF, FF, CR; noncharacters: a binary file, not a page
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


@lru_cache(maxsize=1)
def _line_builder() -> Any:
    """html5lib's minidom tree builder, recording where each element and text starts."""
    from html5lib.treebuilders import getTreeBuilder

    base: Any = getTreeBuilder("dom")

    class Builder(base):  # type: ignore[misc]
        where: Any = None
        lines: dict[int, int] = {}  # replaced per parser

        def _mark(self, node: Any) -> Any:
            if self.where is not None:
                self.lines.setdefault(id(node.element), self.where())
            return node

        def insertRoot(self, token: Any) -> None:  # html5lib's names
            super().insertRoot(token)
            self._mark(self.openElements[-1])

        def insertElementNormal(self, token: Any) -> Any:
            return self._mark(super().insertElementNormal(token))

        def insertElementTable(self, token: Any) -> Any:
            return self._mark(super().insertElementTable(token))

        def insertText(self, data: str, parent: Any = None) -> None:
            holder = (parent or self.openElements[-1]).element
            before = holder.lastChild
            super().insertText(data, parent)
            new = holder.lastChild
            if self.where is not None and new is not before and new is not None:
                self.lines.setdefault(id(new), self.where() - data.count("\n"))

    return Builder


def serialize(dom: Document) -> str:
    """A parsed page written as HTML again (attribute values always quoted, every tag
    written), which any HTML parser reads as the same tree."""
    return serialize_nodes([dom])


def serialize_nodes(nodes: Iterable[Node]) -> str:
    """Nodes written as HTML (:func:`serialize`). The text of a ``<noscript>``'s elements
    is escaped as any text: html5lib's serializer writes a noscript's content raw, as a
    browser with scripts on reads it, but its elements (parsed so with scripts off, and
    translated) would then show ``&lt;`` as a tag, and a ``</noscript>`` in their text
    would end the noscript for a browser with scripts on."""
    import html5lib
    from html5lib.serializer import HTMLSerializer

    serializer = HTMLSerializer(quote_attr_values="always", omit_optional_tags=False,
                                use_trailing_solidus=False, alphabetical_attributes=False)
    walker = html5lib.getTreeWalker("dom")
    return "".join("".join(serializer.serialize(_escaped_noscript(walker(node))))
                   for node in nodes)


def _escaped_noscript(tokens: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """The tokens, the text inside a noscript (where the serializer writes text raw, until
    a raw-text element inside it ends: it tracks one flag) escaped beforehand."""
    from html5lib.constants import rcdataElements

    raw: list[str] = []  # the serializer's state: the raw-text elements open, innermost last
    for token in tokens:
        kind = token["type"]
        if kind in ("StartTag", "EmptyTag") and token["name"] in rcdataElements:
            raw = [*raw, token["name"]] if not raw or raw[-1] == "noscript" else raw
        elif kind == "EndTag" and token["name"] in rcdataElements:
            raw = []  # the serializer writes text escaped again after any such end tag
        elif kind in ("Characters", "SpaceCharacters") and raw and raw[-1] == "noscript":
            token = {**token, "data": html.escape(token["data"], quote=False)}
        yield token


def parse_fragment(markup: str, container: str) -> list[Node]:
    """The nodes of ``markup`` parsed as the content of a ``container`` element; parse
    errors are recovered from as a browser does (the result is sanitized by the caller)."""
    import html5lib

    fragment = html5lib.parseFragment(  # a <noscript>'s content: HTML, as l10n reads it
        markup, container="div" if container == "noscript" else container, treebuilder="dom",
        namespaceHTMLElements=False)
    fragment.normalize()
    return list(fragment.childNodes)


# ------------------------------------------------------------------ writing markup
def escape_text(text: str) -> str:
    """``text`` as markup that parses back to ``text`` (the module's minimal escaping)."""
    if "&" in text:
        text = _ambiguous_amp().sub("&amp;", text)
    return _TAG_START.sub("&lt;", text)


@lru_cache(maxsize=1)
def _ambiguous_amp() -> re.Pattern[str]:
    """``&`` where html5lib would read a character reference: ``&#``, or ``&`` + a name."""
    from html5lib.constants import entities

    names = sorted({name.rstrip(";") for name in entities}, key=len, reverse=True)
    return re.compile(r"&(?=#|" + "|".join(map(re.escape, names)) + ")")


def start_tag(element: Element) -> str:
    """``<name attr="value">``: values double-quoted, ``&``, ``"``, ``<`` and ``>`` in them
    as references (a ``>`` in a value, as in ``onclick="a > 0"``, would end the tag for
    any reader that does not parse HTML, such as the markup protection of the engines)."""
    attrs = "".join(
        f' {name}="{value.translate(_ATTRIBUTE)}"' for name, value in element.attributes.items()
    )
    return f"<{element.tagName}{attrs}>"


def inner_markup(
    nodes: Iterable[Node], *, collapse: bool = True, escape: Callable[[str], str] = escape_text
) -> str:
    """The nodes as markup (the module's rules); ``collapse`` squeezes whitespace;
    ``escape`` writes text (default: the minimal escaping of :func:`escape_text`)."""
    parts: list[str] = []
    for node in nodes:
        if node.nodeType == node.TEXT_NODE:
            data = node.data  # type: ignore[attr-defined]
            parts.append(escape(_SPACE.sub(" ", data) if collapse else data))
        elif node.nodeType == node.ELEMENT_NODE:
            element: Element = node  # type: ignore[assignment]
            parts.append(start_tag(element))
            if element.tagName not in VOID:
                parts.append(inner_markup(element.childNodes, collapse=collapse, escape=escape))
                parts.append(f"</{element.tagName}>")
    return "".join(parts)


def text_content(nodes: Iterable[Node]) -> str:
    """The text of the nodes, tags left out, whitespace as it is (a ``<br>`` is a line
    break, as a browser shows it)."""
    parts: list[str] = []
    for node in nodes:
        if node.nodeType == node.TEXT_NODE:
            parts.append(node.data)  # type: ignore[attr-defined]
        elif node.nodeType == node.ELEMENT_NODE:
            element: Element = node  # type: ignore[assignment]
            parts.append("\n" if element.tagName == "br" else text_content(node.childNodes))
    return "".join(parts)


def paragraph_words(node: Any) -> int:
    """How many words the ``<p>`` elements in ``node`` hold (how much of a page's prose
    an element holds: a story column, a page-wide wrapper)."""
    return sum(len(text_content(p.childNodes).split())
               for p in node.getElementsByTagName("p"))


def markup_text(markup: str) -> str:
    """The plain text of inline ``markup`` (tags dropped, references decoded), whitespace
    squeezed."""
    return _SPACE.sub(" ", text_content(parse_fragment(markup, "div"))).strip()


def elements(nodes: Sequence[Node]) -> list[Element]:
    """Every element among ``nodes`` and their descendants, in document order."""
    found: list[Element] = []
    for node in nodes:
        if node.nodeType == node.ELEMENT_NODE:
            found.append(node)  # type: ignore[arg-type]
            found += elements(node.childNodes)
    return found


def hidden(element: Element) -> bool:
    """Whether a browser never shows ``element``: the ``hidden`` attribute, or an inline
    style of ``display: none`` or ``visibility: hidden`` (a page's copy of its metadata
    for search engines)."""
    return element.hasAttribute("hidden") or hides(element.getAttribute("style"))


def hides(style: str) -> bool:
    """Whether an inline ``style`` hides its element (``display: none``, ``visibility:
    hidden``)."""
    rules = "".join(style.lower().split()).split(";")
    return any(rule in rules for rule in ("display:none", "visibility:hidden",
                                          "display:none!important"))


def image_address(image: Element) -> str:
    """An image's address: ``src``, or the ``data-src`` that a lazy-loading script puts
    there (when ``src`` is missing or an inline placeholder)."""
    src = image.getAttribute("src").strip()
    lazy = image.getAttribute("data-src").strip()
    return lazy if lazy and (not src or src.lower().startswith("data:")) else src


def in_figure(image: Element) -> bool:
    """Whether ``image`` is inside a ``<figure>`` (three levels up at most)."""
    node: Any = image.parentNode
    for _ in range(3):
        if node is None or not getattr(node, "tagName", None):
            return False
        if node.tagName == "figure":
            return True
        node = node.parentNode
    return False
