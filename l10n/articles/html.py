"""Reader for HTML articles (``.html``, ``.htm``): a CMS's export or a page saved from the web.

The page is decoded and parsed as a browser does (:mod:`l10n.articles.source`,
:mod:`l10n.articles.htmldom`): parse errors are never fatal. Only the story is read,
never the page's furniture. Where the story is, in this order:

1. the first element matching a configured ``content`` selector (CSS, ``[html] content``
   or ``[articles.html] content``);
2. in a page with no site around its story (no ``nav``, ``header``, ``footer``,
   ``aside``, ``form``, ``script``, ``iframe``, ``button`` or ``input``: what a CMS
   exports), the page's one ``<article>`` when it holds at least half of the words of the
   page's paragraphs (a lone ``<article>`` that is a sidebar promo does not), else its one
   ``itemprop="articleBody"`` element that does, else its whole ``<body>``;
3. any other page (a site's page, saved from the web) is given to
   `trafilatura <https://trafilatura.readthedocs.io>`_, a main-content extraction
   library, favouring precision; the blocks of the page's mark (2), or of its
   ``<body>``, are the story's when trafilatura's story holds their text (see
   :func:`l10n.articles.story.kept`), and so are their neighbours: prose (three words or
   more, less than half of them in links, not inside a link) in the element that holds
   story paragraphs, in one beside them, or in an element with the same tags and classes
   as a story paragraph's (the site's template for its story: a lede outside any ``<p>``,
   a subheading, a short line that trafilatura drops); a caption between the title and
   the last paragraph (the story's own pictures, its lead picture too, and the caption
   of a picture right above the title's ``<h1>``, in the element holding it; a ``<p>``,
   ``<div>`` or ``<span>`` in a box whose class names a caption: a video's, or a photo's
   beside one picture of its own, read as a ``caption``, not a gallery's, a teaser's or
   a credit alone: :mod:`l10n.articles.captions`) and a quote
   between two paragraphs (a post the story embeds), not inside a link, are the story's
   too. Blocks inside an ``<article>`` other than the story's (the one holding the
   title's ``<h1>`` and story paragraphs), neither inside nor around it, are other
   stories' teasers and are not read, nor is a block whose run is inside a link (a
   teaser's headline), whatever trafilatura keeps, nor listings of other stories, readers'
   comments, a table's cell all link (:mod:`l10n.articles.furniture`). A block the
   precise reading drops is read when trafilatura favouring recall and readability-lxml
   both hold it and it does not look like furniture (a layout table's story cells, a
   lede: :func:`l10n.articles.furniture.wider`). A page where trafilatura finds no text
   is read again favouring recall. Navigation, ads, share buttons are not the story.

In every case, inside the story, ``nav``, ``aside``, ``form`` (but one that wraps half of
the page's words or more: an ASP.NET page is one form), ``footer`` and ``dialog`` elements
(but one holding half of the words of the page's paragraphs: a story column set in an
``<aside>``), elements with the ARIA roles of navigation, complementary or contentinfo,
elements a browser never shows (the ``hidden`` attribute, an inline ``display: none``, a
rule of the page's own ``<style>``: :mod:`l10n.articles.stylesheet`; a framework's class,
``d-none``, ``sr-only``: :mod:`l10n.articles.utilityclasses`) and those matching a
configured ``exclude`` selector are left out.

Blocks, in this order:

- ``title``: the ``<h1>`` of the story (with trafilatura, the page's ``<h1>`` that holds
  the title it found), else ``<meta property="og:title">``, else ``<title>``; then
  ``byline`` from ``<meta name="author">``; then ``description`` from ``<meta
  name="description">`` (or ``og:description``, ``twitter:description``): the page's
  summary, which readers see in search results and link previews; then ``page-title``,
  the page's ``<title>`` when it does not hold the title (nor is only the site's name);
- the story's content in document order. Each run of inline content (text and the
  inline elements ``a``, ``em``, ``strong``, ``code``, ``span``, ``br``, ``img``... ; a
  ``<div>`` styled inline in a ``<span>``'s line: :mod:`l10n.articles.inline`) is a
  block; its kind comes from the nearest block element around it: ``p`` (and ``div``,
  ``section``... at the top) ``paragraph``; ``h1``-``h6`` ``heading`` with ``level`` (the
  first ``h1`` is the ``title``); ``li`` ``list-item`` (``level``: nesting depth of
  lists, ``ordered`` inside ``<ol>``); text in ``blockquote`` ``quote``; ``figcaption``
  and ``caption`` ``caption``; ``td`` and ``th`` ``table-cell`` (``level``: the column; the
  cells of a header row ``table-header``); ``pre`` ``code`` (not
  translatable, its text as it is), but prose in a ``<pre>`` (wire copy; a specification's
  pages, their examples code) is read as paragraphs (:mod:`l10n.articles.preformatted`).
- never translated: ``script``, ``style``, ``template``, ``noscript``, ``svg``, ``math``,
  embedded content and form controls (left out of the blocks), and whatever the HTML
  standard's ``translate="no"`` covers (an element inside may say ``translate="yes"``):
  such a run is a block of kind ``html``, not translatable, holding its text. Inline
  ``code``, ``kbd``, ``samp``, ``translate="no"`` elements and formulas (``math``; the TeX
  alt of a formula's fallback picture is no text) stay inside their sentence and are
  protected whole (:mod:`l10n.text.protect`). A run with no words outside them is no block.

A translatable block's text is its inline markup (:func:`l10n.articles.htmldom.inner_markup`):
tags with their attributes, character references decoded, whitespace squeezed; the
segmenter never cuts inside a tag, and the engines see tags as protected tokens. An
image's ``alt`` and a link's ``title`` are what a reader sees too: each is a block of
its own (kind ``alt`` / ``link-title``) right after the block it is in (the alt of a
picture of its own, in no run of text, holds the picture's address as ``info``; a
figure's picture with no alt text is an empty ``alt`` block, not translatable, holding
its address, so that builds show it with its caption).
``Block.line`` is the line of the run's first node. Metadata: the date from ``<meta
property="article:published_time">`` (or ``itemprop="datePublished"``, else what
trafilatura found), the author from ``<meta name="author">`` (else trafilatura's), the
language from ``<html lang>`` (a regional form of the configured source language, such as
``en-US`` for ``en``, counts as the source language; an invalid code is ignored). A
metadata value that cannot be read is left out, never a reason to refuse the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from l10n.articles import noscript as ns
from l10n.articles.datatables import cell_kind
from l10n.articles.htmldom import (
    SKIP,
    HtmlDocument,
    elements,
    escape_text,
    hidden,
    image_address,
    in_figure,
    inner_markup,
    markup_text,
    parse_html,
    serialize,
    text_content,
)
from l10n.articles.htmlmeta import (
    description_block,
    head_title,
    iso,
    meta,
    page_lang,
    page_title_block,
    published,
)
from l10n.articles.inline import PROTECTED_INLINE as PROTECTED_INLINE
from l10n.articles.inline import formula_picture, inline, rejoin, translates, words
from l10n.articles.jsonld import ld_story
from l10n.articles.preformatted import prose_runs, wrap_lines
from l10n.articles.readings import by_head, plain
from l10n.articles.selectors import select
from l10n.articles.source import file_slug
from l10n.articles.story import CELL as CELL
from l10n.articles.story import Place, Story, find_story, kept, page_forms, title_at
from l10n.articles.stylesheet import hidden_by_style, hidden_wrappers
from l10n.errors import ArticleError
from l10n.model import (
    ALT,
    ATTRIBUTE_KINDS,
    BYLINE,
    CAPTION,
    CODE,
    HEADING,
    LINK_TITLE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    TITLE,
    Article,
    Block,
)

if TYPE_CHECKING:
    from xml.dom.minidom import Element, Node

HTML_FORMAT = "html"
RAW = "html"  # a run that is not translated (translate="no"): its text, shown as it is

# the page's furniture, never the story: left out wherever the story is
FURNITURE = frozenset({"nav", "aside", "form", "footer", "dialog"})
FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search",
                             "dialog", "alertdialog"})
_KINDS = {"li": LIST_ITEM, "blockquote": QUOTE, "figcaption": CAPTION, "caption": CAPTION}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


@dataclass(frozen=True)
class HtmlArticle:
    """An HTML article: the :class:`Article`, its parsed page, and each block's place."""

    article: Article
    document: HtmlDocument
    root: Element
    places: tuple[Place, ...]  # one per block of ``article``
    copies: tuple[ns.Copy, ...] = ()  # HTML templates copying blocks read from a <noscript>


@dataclass(frozen=True)
class _Context:
    kind: str = PARAGRAPH
    level: int = 0
    lists: int = 0  # how many lists are open
    ordered: bool = False
    translate: bool = True


def parse_html_article(
    path: Path, text: str, *, lang: str = "en", content: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Article:
    """Build an :class:`Article` from the HTML page ``text`` read from ``path``."""
    return read_html(path, text, lang=lang, content=content, exclude=exclude).article


def read_html(
    path: Path, text: str, *, lang: str = "en", content: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> HtmlArticle:
    """The article of the HTML page ``text`` with the place of each block (module rules);
    ``content`` and ``exclude``: CSS selectors of the story and of what is not in it."""
    document = parse_html(path, text)
    dom = document.dom
    heads = rejoin(dom)  # the rest of a paragraph an ad box cut, put back
    skipped = {id(e) for e in select(document, exclude)} if exclude else set()
    skipped |= hidden_by_style(document)
    chosen = select(document, content) if content else []
    story = find_story(document, document.source, chosen)
    body = _story_blocks(document, story, skipped, heads)
    for recall, page in ((True, document.source), (False, None), (True, None)):
        if story.keep is None or _has_text(body):
            break
        # trafilatura found none, precise: then favouring recall; then in the page as
        # html5lib (a browser) parsed it, which lxml may not (a doctype cut short)
        story = find_story(document, page or serialize(document.dom), chosen, recall=recall)
        body = _story_blocks(document, story, skipped, heads)
    if noscripts := ns.story_noscripts(document, body):  # a story only in <noscript>
        shown = find_story(document, ns.shown_page(document, noscripts), chosen)
        read = _story_blocks(document, shown, skipped, heads, noscripts)
        if ns.words_read(read) > ns.words_read(body):
            story, body = shown, read
        else:
            noscripts = []
    if (data := ld_story(document, body, ns.words_read(body))) is not None:
        body = data  # a story only in the page's JSON-LD: the page's scripts render it
    if story.keep is not None and not _has_text(body):  # a members-only story's standfirst
        body = _story_blocks(document, story, skipped, heads, noscripts, alone=True)
    at = title_at(body, story)
    head: list[tuple[Block, Place]] = []
    if at is not None:
        block, place = body[at]
        body[at] = (replace(block, kind=TITLE, level=0), place)
        title = plain(block.text)  # without ruby annotations: what readers read
    else:
        title = head_title(path, document, head, story.title, next(
            (b for b, _ in body if b.translatable and b.kind not in ATTRIBUTE_KINDS), None))
    author = meta(dom, "name", "author")
    author_text = " ".join(author.getAttribute("content").split()) if author else ""
    if author is not None and author_text:
        head.append((Block(0, BYLINE, escape_text(author_text), document.line(author)),
                     Place(meta=(author,))))
    description = description_block(document, [b for b, _ in body])
    if description is not None:
        head.append(description)
    if (tab := page_title_block(document, title)) is not None:
        head.append(tab)
    if not _has_text(body):
        raise ArticleError("the article has no body text", path=path,
                           line=document.line(story.root),
                           hint="an HTML article needs paragraphs of text in its <body>")
    pairs = [(replace(b, index=i), p) for i, (b, p) in enumerate(head + body)]
    article = Article(
        path=path,
        slug=file_slug(path),
        title=title,
        blocks=tuple(b for b, _ in pairs),
        lang=page_lang(document, lang),
        author=author_text or story.author or None,
        published=published(document) or iso(story.date),
        format=HTML_FORMAT,
        description=markup_text(description[0].text) if description else None,
    )
    copies = ns.template_copies(document, article.blocks, [ns.within(p, noscripts) for _, p in
                                pairs], _Walker(document, skipped).walked) if noscripts else ()
    return HtmlArticle(article, document, story.root, tuple(p for _, p in pairs), copies)


def _story_blocks(document: HtmlDocument, story: Story, skipped: set[int], heads: dict[str, str],
                  shown: Sequence[Element] = (), alone: bool = False) -> list[tuple[Block, Place]]:
    walker = _Walker(document, skipped | {id(e) for e in story.promos}, shown)
    walker.walk(story.root, _Context())
    blocks = walker.blocks
    if story.keep is None:
        return blocks
    return kept(blocks, by_head(story.keep, heads), by_head(story.maybe, heads),
                by_head(story.held, heads), alone)


def _has_text(body: list[tuple[Block, Place]]) -> bool:
    """Whether the body has text besides its title (an ``<h1>``, read or not yet read as
    the title) and attributes."""
    return any(b.translatable and b.kind not in (TITLE, HEADING, *ATTRIBUTE_KINDS)
               or b.kind == HEADING and b.level > 1 for b, _ in body)


class _Walker:
    """Collects the blocks of an element's content (see the module docstring)."""

    def __init__(self, document: HtmlDocument, skipped: set[int],
                 shown: Sequence[Element] = ()) -> None:
        self.document = document
        self.skipped = skipped  # ids of elements left out (``exclude`` selectors)
        self.shown = {id(e) for e in shown}  # <noscript> elements read (module noscript)
        # elements that wrap the page: a form or a story column (not furniture), a hidden
        # wrapper (shown)
        self.wrappers = page_forms(document.dom.getElementsByTagName("body")[0],
                                   FURNITURE) | hidden_wrappers(document)
        self.blocks: list[tuple[Block, Place]] = []

    def walk(self, parent: Element, ctx: _Context) -> None:
        run: list[Node] = []
        for child in list(parent.childNodes):
            if inline(child) and id(child) not in self.skipped:
                run.append(child)
                continue
            self.flush(parent, run, ctx)
            run = []
            if child.nodeType == child.ELEMENT_NODE:
                self.element(child, ctx)
        self.flush(parent, run, ctx)

    def element(self, element: Element, ctx: _Context) -> None:
        tag = element.tagName
        if tag in SKIP and id(element) not in self.shown or tag in FURNITURE and id(
                element) not in self.wrappers or (
            id(element) in self.skipped) or (
            element.getAttribute("role").strip().lower() in FURNITURE_ROLES
        ) or hidden(element) and id(element) not in self.wrappers:
            return
        ctx = replace(ctx, translate=translates(element, ctx.translate))
        if tag == "pre":
            runs = prose_runs(element, self.document.lines) if ctx.translate and all(
                map(inline, element.childNodes)) else []
            if runs:
                wrap_lines(element)  # wire copy: paragraphs of prose; examples: code
            for run, prose in runs or [(list(element.childNodes), False)]:
                (self.flush if prose else self.code)(element, run, ctx)
            return
        if tag == "img":
            self.attributes([element], ctx)
        self.walk(element, replace(ctx, **cell_kind(element)) if tag in ("td", "th")
                  else _inner_context(tag, ctx))

    def walked(self, root: Element) -> list[tuple[Block, Place]]:
        self.walk(root, _Context())
        return self.blocks

    def code(self, pre: Element, run: Sequence[Node], ctx: _Context) -> None:
        if (text := text_content(run)).strip():  # at the <pre>'s line
            self.blocks.append((Block(0, CODE if ctx.translate else RAW, text.strip("\n"),
                                      self.document.line(pre), translatable=False),
                                Place(pre, tuple(run))))

    def flush(self, parent: Element, run: list[Node], ctx: _Context) -> None:
        if not any(words(node, ctx.translate) for node in run) and (
            ctx.translate or not text_content(run).strip()
        ):
            if ctx.translate:
                self.attributes(elements(run), ctx, standalone=True)
            return
        line = next((self.document.line(n, 0) for n in run if self.document.line(n, 0)),
                    0) or self.document.line(parent)
        if ctx.translate:
            text = inner_markup(run).strip()
            block = Block(0, ctx.kind, text, line, level=ctx.level,
                          ordered=ctx.ordered and ctx.kind == LIST_ITEM)
        else:
            block = Block(0, RAW, " ".join(text_content(run).split()), line, translatable=False)
        self.blocks.append((block, Place(parent, tuple(run))))
        if ctx.translate:
            self.attributes(elements(run), ctx)

    def attributes(self, found: Sequence[Element], ctx: _Context, *,
                   standalone: bool = False) -> None:
        """A block for each image ``alt`` and link ``title`` among ``found`` (translated
        elements only), after the block they are in; the alt of a ``standalone`` image
        (in no run of text: a picture of its own) holds its address as ``info``, so that
        every build shows the picture with its translated alt."""
        for element in found:
            name = {"img": "alt", "a": "title"}.get(element.tagName)
            value = " ".join(element.getAttribute(name).split()) if name else ""
            src = image_address(element) if standalone and name == "alt" else ""
            if src and (not any(c.isalpha() for c in value) and in_figure(element)
                        or formula_picture(element)):
                # a figure's picture with no alt, a formula's (TeX alt): shown, not translated
                self.blocks.append((Block(0, ALT, "", self.document.line(element),
                                          translatable=False, info=src),
                                    Place(meta=(element,), attribute="alt")))
                continue
            if not name or not any(c.isalpha() for c in value) or not translates(
                    element, ctx.translate) or name == "alt" and formula_picture(element):
                continue
            kind = ALT if name == "alt" else LINK_TITLE
            self.blocks.append((Block(0, kind, escape_text(value), self.document.line(element),
                                      info=src),
                                Place(meta=(element,), attribute=name)))


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
