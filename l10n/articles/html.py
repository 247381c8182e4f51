"""Reader for HTML articles (``.html``, ``.htm``), as a CMS exports them.

The page is parsed with html5lib (:mod:`l10n.articles.htmldom` says why, and which
parse errors make an article bad). The article is the first ``<article>`` element of the
page, else its ``<body>``.

Blocks, in this order:

- ``title``: from ``<meta property="og:title">``, else ``<title>``, when the article has
  no ``<h1>``; then ``byline`` from ``<meta name="author">``;
- the article's content in document order. Each run of inline content (text and the
  inline elements ``a``, ``em``, ``strong``, ``code``, ``span``, ``br``, ``img``... ) is a
  block; its kind comes from the nearest block element around it: ``p`` (and ``div``,
  ``section``... at the top) ``paragraph``; ``h1``-``h6`` ``heading`` with ``level`` (the
  first ``h1`` is the ``title``); ``li`` ``list-item`` (``level``: nesting depth of
  lists, ``ordered`` inside ``<ol>``); text in ``blockquote`` ``quote``; ``figcaption``
  and ``caption`` ``caption``; ``td`` and ``th`` ``table-cell`` (``level``: the column; the
  cells of a header row ``table-header``); ``pre`` ``code`` (not
  translatable, its text as it is).
- never translated: ``script``, ``style``, ``template``, ``noscript``, ``svg``, ``math``,
  embedded content and form controls (left out of the blocks), and whatever the HTML
  standard's ``translate="no"`` covers (an element inside may say ``translate="yes"``):
  such a run is a block of kind ``html``, not translatable, holding its text. Inline
  ``code``, ``kbd``, ``samp`` and ``translate="no"`` elements stay inside their sentence
  and are protected whole (:mod:`l10n.text.protect`). A run with no words outside them is
  not a block.

A translatable block's text is its inline markup (:func:`l10n.articles.htmldom.inner_markup`):
tags with their attributes, character references decoded, whitespace squeezed; the
segmenter never cuts inside a tag, and the engines see tags as protected tokens.
``Block.line`` is the line of the run's first node. The date comes from
``<meta property="article:published_time">`` (or ``itemprop="datePublished"``), the
language from ``<html lang>`` (a regional form of the configured source language, such as
``en-US`` for ``en``, counts as the source language).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from l10n.articles.htmldom import (
    HtmlDocument,
    escape_text,
    inner_markup,
    markup_text,
    parse_html,
    text_content,
)
from l10n.articles.source import safe_slug
from l10n.errors import ArticleError, LanguageError
from l10n.lang import base_language, validate_language
from l10n.model import (
    BYLINE,
    CODE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    TABLE_HEADER,
    TITLE,
    Article,
    Block,
)

if TYPE_CHECKING:
    from xml.dom.minidom import Element, Node

HTML_FORMAT = "html"
RAW = "html"  # a run that is not translated (translate="no"): its text, shown as it is
CAPTION = "caption"
CELL = "table-cell"

SKIP = frozenset({
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed",
    "canvas", "audio", "video", "select", "textarea", "button", "input", "head",
})
INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr", "big", "nobr", "ruby", "rt", "rp",
})
PROTECTED_INLINE = frozenset({"code", "kbd", "samp"})  # their content is never translated
_KINDS = {"li": LIST_ITEM, "blockquote": QUOTE, "figcaption": CAPTION, "caption": CAPTION}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


@dataclass(frozen=True)
class Place:
    """Where a block is in the page: a run of sibling ``nodes`` under ``parent`` (body
    blocks), or the ``meta`` elements whose ``content`` it is (title, byline)."""

    parent: Element | None = None
    nodes: tuple[Node, ...] = ()
    meta: tuple[Element, ...] = ()


@dataclass(frozen=True)
class HtmlArticle:
    """An HTML article: the :class:`Article`, its parsed page, and each block's place."""

    article: Article
    document: HtmlDocument
    root: Element
    places: tuple[Place, ...]  # one per block of ``article``


@dataclass(frozen=True)
class _Context:
    kind: str = PARAGRAPH
    level: int = 0
    lists: int = 0  # how many lists are open
    ordered: bool = False
    translate: bool = True


def parse_html_article(path: Path, text: str, *, lang: str = "en") -> Article:
    """Build an :class:`Article` from the HTML page ``text`` read from ``path``."""
    return read_html(path, text, lang=lang).article


def read_html(path: Path, text: str, *, lang: str = "en") -> HtmlArticle:
    """The article of the HTML page ``text`` with the place of each block (module rules)."""
    document = parse_html(path, text)
    dom = document.dom
    root = _first(dom, "article") or _first(dom, "body")
    if root is None:  # pragma: no cover - html5lib always makes a body
        raise ArticleError("the page has no body", path=path)
    walker = _Walker(document)
    walker.walk(root, _Context())
    body = walker.blocks
    title_at = next(
        (i for i, (b, _) in enumerate(body) if b.kind == HEADING and b.level == 1), None
    )
    head: list[tuple[Block, Place]] = []
    if title_at is not None:
        block, place = body[title_at]
        body[title_at] = (replace(block, kind=TITLE, level=0), place)
        title = markup_text(block.text)
    else:
        title = _head_title(path, document, head)
    author = _meta(dom, "name", "author")
    if author is not None and author.getAttribute("content").strip():
        content = " ".join(author.getAttribute("content").split())
        head.append((Block(0, BYLINE, escape_text(content), document.line(author)),
                     Place(meta=(author,))))
    if not any(b.translatable and b.kind != TITLE for b, _ in body):
        raise ArticleError("the article has no body text", path=path, line=document.line(root),
                           hint="an HTML article needs paragraphs inside <article> or <body>")
    pairs = [(replace(b, index=i), p) for i, (b, p) in enumerate(head + body)]
    article = Article(
        path=path,
        slug=safe_slug(path.stem, path),
        title=title,
        blocks=tuple(b for b, _ in pairs),
        lang=_lang(path, document, lang),
        author=author.getAttribute("content").strip() or None if author is not None else None,
        published=_published(path, document),
        format=HTML_FORMAT,
    )
    return HtmlArticle(article, document, root, tuple(p for _, p in pairs))


class _Walker:
    """Collects the blocks of an element's content (see the module docstring)."""

    def __init__(self, document: HtmlDocument) -> None:
        self.document = document
        self.blocks: list[tuple[Block, Place]] = []

    def walk(self, parent: Element, ctx: _Context) -> None:
        run: list[Node] = []
        for child in list(parent.childNodes):
            if _inline(child):
                run.append(child)
                continue
            self.flush(parent, run, ctx)
            run = []
            if child.nodeType == child.ELEMENT_NODE:
                self.element(child, ctx)
        self.flush(parent, run, ctx)

    def element(self, element: Element, ctx: _Context) -> None:
        tag = element.tagName
        if tag in SKIP:
            return
        ctx = replace(ctx, translate=_translates(element, ctx.translate))
        if tag == "pre":
            text = text_content(element.childNodes).strip("\n")
            if text.strip():
                block = Block(0, CODE if ctx.translate else RAW, text,
                              self.document.line(element), translatable=False)
                self.blocks.append((block, Place(element, tuple(element.childNodes))))
            return
        self.walk(element, _cell_context(element, ctx) if tag in ("td", "th")
                  else _inner_context(tag, ctx))

    def flush(self, parent: Element, run: list[Node], ctx: _Context) -> None:
        if not any(_words(node, ctx.translate) for node in run) and (
            ctx.translate or not text_content(run).strip()
        ):
            return
        line = next((self.document.line(n, 0) for n in run if self.document.line(n, 0)), 0)
        line = line or self.document.line(parent)
        if ctx.translate:
            text = inner_markup(run).strip()
            block = Block(0, ctx.kind, text, line, level=ctx.level,
                          ordered=ctx.ordered and ctx.kind == LIST_ITEM)
        else:
            block = Block(0, RAW, " ".join(text_content(run).split()), line, translatable=False)
        self.blocks.append((block, Place(parent, tuple(run))))


def _inner_context(tag: str, ctx: _Context) -> _Context:
    """The context of an element's content."""
    if tag in ("ul", "ol"):
        return replace(ctx, lists=ctx.lists + 1, ordered=tag == "ol")
    if tag == "li":
        return replace(ctx, kind=LIST_ITEM, level=max(ctx.lists, 1))
    if tag in _HEADINGS:
        return replace(ctx, kind=HEADING, level=_HEADINGS[tag])
    if tag in _KINDS:
        return replace(ctx, kind=_KINDS[tag], level=0)
    return ctx


def _cell_context(cell: Element, ctx: _Context) -> _Context:
    """A table cell: ``level`` is its column (from 1); a cell of the table's header row
    (in ``<thead>``, or the first row when all its cells are ``<th>``) is a
    ``table-header``, like a Markdown table's, so that builds rebuild the rows."""
    row: Any = cell.parentNode  # html5lib puts a cell in a row, a row in a table's section
    cells = [n for n in row.childNodes
             if n.nodeType == n.ELEMENT_NODE and n.tagName in ("td", "th")]
    section: Any = row.parentNode
    header = getattr(section, "tagName", "") == "thead"
    if not header and section is not None and all(c.tagName == "th" for c in cells):
        table: Any = section if section.tagName == "table" else section.parentNode
        header = table is not None and table.getElementsByTagName("tr")[0] is row
    return replace(ctx, kind=TABLE_HEADER if header else CELL, level=cells.index(cell) + 1)


def _translates(element: Element, inherited: bool) -> bool:
    """The HTML standard's ``translate`` attribute: "yes"/"" on, "no" off, else inherited."""
    if not element.hasAttribute("translate"):
        return inherited
    value = element.getAttribute("translate").strip().lower()
    return {"yes": True, "": True, "no": False}.get(value, inherited)


def _inline(node: Node) -> bool:
    """Text, comments, and inline elements holding only inline content."""
    if node.nodeType in (node.TEXT_NODE, node.COMMENT_NODE):
        return True
    if node.nodeType != node.ELEMENT_NODE:
        return False
    element: Element = node  # type: ignore[assignment]
    return element.tagName in INLINE and all(_inline(c) for c in element.childNodes)


def _words(node: Node, translate: bool) -> bool:
    """Whether ``node`` holds text to translate (not inside code or translate="no")."""
    if node.nodeType == node.TEXT_NODE:
        return translate and bool(node.data.strip())  # type: ignore[attr-defined]
    if node.nodeType != node.ELEMENT_NODE:
        return False
    element: Element = node  # type: ignore[assignment]
    if element.tagName in PROTECTED_INLINE:
        return False
    inside = _translates(element, translate)
    return any(_words(child, inside) for child in element.childNodes)


def _first(node: Node, tag: str) -> Element | None:
    found = node.getElementsByTagName(tag)  # type: ignore[attr-defined]
    return found[0] if found else None


def _meta(dom: Node, attr: str, value: str) -> Element | None:
    for meta in dom.getElementsByTagName("meta"):  # type: ignore[attr-defined]
        if meta.getAttribute(attr).strip().lower() == value:
            found: Element = meta
            return found
    return None


def _head_title(path: Path, document: HtmlDocument, head: list[tuple[Block, Place]]) -> str:
    """The title from og:title or <title> (the article has no <h1>); adds its block."""
    meta = _meta(document.dom, "property", "og:title")
    if meta is not None and meta.getAttribute("content").strip():
        text, line = " ".join(meta.getAttribute("content").split()), document.line(meta)
    else:
        element = _first(document.dom, "title")
        text = " ".join(text_content(element.childNodes).split()) if element is not None else ""
        line = document.line(element) if element is not None else 1
    if not text:
        raise ArticleError("the article has no title", path=path, line=1,
                           hint="give it an <h1>, a <title> or <meta property=\"og:title\">")
    head.append((Block(0, TITLE, escape_text(text), line), Place()))
    return text


def _lang(path: Path, document: HtmlDocument, default: str) -> str:
    html = _first(document.dom, "html")
    value = html.getAttribute("lang").strip() if html is not None else ""
    if not value:
        return default
    try:
        code = validate_language(value)
    except LanguageError as exc:
        raise ArticleError(exc.message, path=path, line=document.line(html) if html else 1,
                           hint="set <html lang> to a language code such as en") from None
    return default if base_language(code) == base_language(default) else code


def _published(path: Path, document: HtmlDocument) -> datetime | None:
    meta = _meta(document.dom, "property", "article:published_time") or _meta(
        document.dom, "itemprop", "datepublished"
    )
    if meta is None or not meta.getAttribute("content").strip():
        return None
    value = meta.getAttribute("content").strip()
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ArticleError(
            f"the publication date '{value}' is not an ISO 8601 date", path=path,
            line=document.line(meta), hint="write e.g. content=\"2025-11-02T06:24:39+09:00\"",
        ) from None
