"""Where the story of an HTML page is: a mark the page gives, or main-content extraction.

The rules are :mod:`l10n.articles.html`'s (its docstring, steps 1-5): :func:`find_story`
gives the story's root element and, for a site's page, a test of which blocks are the
story's, built from `trafilatura <https://trafilatura.readthedocs.io>`_'s extraction of
the page (with its title, author and date). trafilatura was chosen over readability-lxml
and jusText: it is maintained, it scores best of the Python libraries on public
main-content benchmarks (scrapinghub's article-extraction-benchmark, ScrapingHub and
Bevendorff et al.), and it also finds the page's metadata; it runs on lxml, so it is
given the page's text and its result is matched back to the blocks l10n reads from
html5lib's tree (whose places the ``.article.html`` build writes into);
:mod:`l10n.articles.selectors` runs the CSS selectors of the ``[html]`` settings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from l10n.articles.appeals import appeals
from l10n.articles.captions import agency_captions, caption_box, lead_caption, point_caption
from l10n.articles.comments import comments
from l10n.articles.datatables import data_tables
from l10n.articles.density import (
    between,
    cited,
    continued,
    densest,
    joined,
    lede,
    listed,
    standfirst,
    tail,
)
from l10n.articles.furniture import CELL as CELL
from l10n.articles.furniture import (
    comment_openers,
    dense_links,
    furniture_class,
    icon_rows,
    lineage,
    linked,
    menu_line,
    permalink,
    shape,
    slideshows,
    teaser_lists,
    wider,
)
from l10n.articles.headlines import box_titles, headline_rows
from l10n.articles.htmldom import (
    HtmlDocument,
    elements,
    markup_text,
    paragraph_words,
    text_content,
)
from l10n.articles.notices import notices
from l10n.articles.pointers import pointer_lines
from l10n.articles.readings import agreed as _agreed
from l10n.articles.readings import held as _held
from l10n.articles.readings import loose, plain
from l10n.articles.readings import story_filter as _story_filter
from l10n.articles.subpoints import sub_points
from l10n.model import (
    ALT,
    CAPTION,
    HEADING,
    LINK_TITLE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    Block,
)

if TYPE_CHECKING:
    from xml.dom.minidom import Element, Node

# what a site's page has around its story, and an export of the article alone does not
SITE = ("nav", "header", "footer", "aside", "form", "script", "iframe", "button", "input")
_MAX_PROMOS = 3  # more <article> elements: a listing of stories, left to trafilatura
_HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "svg", "math"})


TEXT = ""  # a Place's attribute when the block is its elements' text


@dataclass(frozen=True)
class Place:
    """Where a block is in the page: a run of sibling ``nodes`` under ``parent`` (body
    blocks), or the elements whose ``attribute`` it is (title, byline and description in
    ``<meta content>``, an image's ``alt``, a link's ``title``), or whose text it is
    (``attribute`` :data:`TEXT`: the page's ``<title>``)."""

    parent: Element | None = None
    nodes: tuple[Node, ...] = ()
    meta: tuple[Element, ...] = ()
    attribute: str = "content"


@dataclass(frozen=True)
class Story:
    """Where the story is: its root element, and (with trafilatura) a test of which body
    blocks are the story's, and the metadata trafilatura found."""

    root: Element
    keep: Callable[[str, bool], bool] | None = None
    maybe: Callable[[str, bool], bool] | None = None  # the candidates of a wider reading
    held: Callable[[str, bool], bool] | None = None  # readability-lxml's reading
    promos: tuple[Element, ...] = ()  # <article> elements that are not the story
    title: str = ""
    author: str = ""
    date: str = ""


def find_story(document: HtmlDocument, text: str, chosen: Sequence[Element], *,
               recall: bool = False) -> Story:
    """The story's root, and whether trafilatura tells its blocks (module rules 1-5);
    trafilatura favours precision (what it misses, the story's neighbours bring back:
    :func:`kept`), or recall with ``recall``."""
    dom = document.dom
    body = dom.getElementsByTagName("body")[0]  # html5lib always makes a body
    if chosen:
        return Story(chosen[0])
    articles = dom.getElementsByTagName("article")
    marked = [e for e in elements(body.childNodes)
              if "articlebody" in e.getAttribute("itemprop").lower().split()]
    root = (articles[0] if len(articles) == 1 and _holds_story(articles[0], body)
            else marked[0] if len(marked) == 1 and _holds_story(marked[0], body) else None)
    if root is not None and not _site(body):
        return Story(root)  # a CMS's export: the article with no site around it
    if root is None and not _site(body):
        return Story(body)  # an export of the article alone, unmarked
    # <article> elements that are not the story (none holds half of the page's paragraph
    # text) and hold less than a quarter of the words of trafilatura's story are promos
    # (trafilatura reads every <article> as content)
    promos = tuple(articles) if root is None and 0 < len(articles) <= _MAX_PROMOS else ()
    return _extracted(root or body, text, promos=promos, recall=recall)


def _site(body: Element) -> bool:
    """Whether the page has a site around its story (menus, headers, forms, scripts...)."""
    return any(body.getElementsByTagName(tag) for tag in SITE)


def page_forms(body: Element, furniture: Iterable[str] = ()) -> set[int]:
    """The ids of the ``<form>`` elements that wrap the page (half of its visible words
    or more, or half of the words of its paragraphs: an ASP.NET page is one form, which
    a script shown as text may outweigh), and of the ``furniture`` tags' elements holding
    half of its paragraphs' words and its first ``<h1>`` (a story column set in an
    ``<aside>``, shown as any box; not a sidebar), not furniture."""
    total, everywhere = len(" ".join(_visible_text(body)).split()), paragraph_words(body)
    found = {id(form) for form in body.getElementsByTagName("form")  # a page-wide form
             if len(" ".join(_visible_text(form)).split()) * 2 >= max(total, 1)
             or _holds_story(form, body, everywhere)}
    node: Any = next(iter(body.getElementsByTagName("h1")), None)
    while node is not None and node is not body:  # the first <h1>'s furniture around it
        found |= {id(node)} if node.tagName in furniture and _holds_story(
            node, body, everywhere) else set()
        node = node.parentNode
    return found


def _visible_text(element: Element) -> list[str]:
    parts: list[str] = []
    for node in element.childNodes:
        if node.nodeType == node.TEXT_NODE:
            parts.append(node.data)
        elif node.nodeType == node.ELEMENT_NODE and node.tagName not in _HIDDEN:
            parts += _visible_text(node)
    return parts


def _holds_story(element: Element, body: Element, everywhere: int | None = None) -> bool:
    """Whether ``element`` holds at least as many words of paragraphs as the rest of the
    page (``everywhere``, if counted; a lone ``<article>`` promo in a sidebar does not)."""
    inside = paragraph_words(element)
    return inside > 0 and inside * 2 >= (
        paragraph_words(body) if everywhere is None else everywhere)


def _extracted(root: Element, text: str, *, promos: tuple[Element, ...],
               recall: bool) -> Story:
    """The story as trafilatura finds it in the page: a test of which body blocks are in
    it (:func:`_story_filter`), its metadata, and the ``promos`` that are not in it."""
    import trafilatura

    found = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, favor_precision=not recall, favor_recall=recall,
        deduplicate=False,
    )
    story = getattr(found, "text", None) or "" if found is not None else ""
    promo_words = sum(len(" ".join(_visible_text(a)).split()) for a in promos)
    if promo_words * 4 >= len(story.split()):
        promos = ()
    return Story(root, _story_filter(story), None if recall else _agreed(text),
                 None if recall else _held(text), promos,
                 title=getattr(found, "title", None) or "",
                 author=getattr(found, "author", None) or "",
                 date=getattr(found, "date", None) or "")


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def kept(body: list[tuple[Block, Any]], keep: Callable[[str, bool], bool],
         maybe: Callable[[str, bool], bool] | None = None,
         held: Callable[[str, bool], bool] | None = None,
         alone: bool = False) -> list[tuple[Block, Any]]:
    """The body blocks that are the story's: those trafilatura's story holds (``keep``; not
    a table's cell that is all link, nor a line of short links: menus), their neighbours
    (:func:`_neighbours`), those both wider readings hold (``maybe``,
    :func:`~l10n.articles.furniture.wider`), the page's densest block where the libraries
    missed the story, the lede and the rest of a paragraph an ad cuts, a paragraph
    citing its sources in links, the lines of a list set as short paragraphs, a list
    of sentences in the story's element, the standfirst that is the page's description
    (:mod:`l10n.articles.density`), a table of figures between the story's paragraphs
    (:mod:`l10n.articles.datatables`), but not listings of other stories (their rows, the
    headings that head nothing read: :mod:`l10n.articles.headlines`), nor lines
    pointing to one ("Read more: <a>...", :mod:`l10n.articles.pointers`), nor the site's
    appeals to subscribe or follow it (:mod:`l10n.articles.appeals`), nor its rights
    notices, ads' labels and article tools (:mod:`l10n.articles.notices`), nor slideshows
    of them, nor readers' comments (:mod:`l10n.articles.comments`), nor what comes after
    readability-lxml's story (``held``: :func:`~l10n.articles.density.tail`); a caption
    between the title (or the first paragraph) and the last paragraph (or list item, or
    layout table's cell: a story set as points, a 2000s page), and a quote between two of the
    story's paragraphs, not inside a link (the caption of the story's own picture, its
    lead picture's too; a video's or a photo's caption set as a ``<p>`` in a box its
    class names a caption, :func:`~l10n.articles.captions.caption_box`, read as a
    ``caption``; a post the story embeds: trafilatura leaves them out). An alt or link
    title follows its block."""
    texts = [plain(b.text) if b.translatable else b.text for b, _ in body]
    chosen = [False if block.kind in (ALT, LINK_TITLE) else
              (block.kind == HEADING and block.level == 1) or keep(texts[n], block.kind == CELL)
              and not (place.parent is not None and linked(place))
              for n, (block, place) in enumerate(body)]
    for n, (block, place) in enumerate(body):  # a layout table's menu, read as a table
        if chosen[n] and (block.kind == CELL and dense_links(texts[n], place) or (
                place.parent is not None and menu_line(texts[n], place))):
            chosen[n] = False
    joined(body, texts, chosen, keep)
    _neighbours(body, texts, chosen)
    if maybe is not None:
        wider(body, texts, chosen, maybe)
    if held is not None:
        listed(body, texts, chosen)
    densest(body, texts, chosen)
    lede(body, texts, chosen)
    continued(body, texts, chosen)
    between(body, texts, chosen)
    cited(body, texts, chosen)
    standfirst(body, texts, chosen, alone)
    sub_points(body, texts, chosen)
    data_tables(body, texts, chosen)
    teaser_lists(body, texts, chosen)
    headline_rows(body, chosen)
    pointer_lines(body, texts, chosen)
    appeals(body, texts, chosen)
    notices(body, texts, chosen)
    slideshows(body, texts, chosen)
    comments(body, chosen)
    comment_openers(body, texts, chosen)
    if held is not None:
        tail(body, texts, chosen, held)
    agency_captions(body, chosen)
    others = _other_stories(body, chosen)
    story = [n for n, (block, _) in enumerate(body) if chosen[n] and block.kind == PARAGRAPH]
    titles = [n for n, (block, _) in enumerate(body)
              if chosen[n] and block.kind == HEADING and block.level == 1]
    # where the story shows its pictures: between its paragraphs, its points (a newsletter set
    # as bullets) or its layout table's cells (a 2000s page: its paragraphs are cells)
    told = [n for n, (block, _) in enumerate(body)
            if chosen[n] and block.kind in (PARAGRAPH, LIST_ITEM, CELL)]
    first = min((story or told)[:1] + titles[:1]) if told else 0  # a lead picture: after the title
    seen = {loose(texts[n]) for n in range(len(body)) if chosen[n]}
    points = {id(place.parent) for n, (block, place) in enumerate(body)
              if chosen[n] and block.kind == LIST_ITEM and place.parent is not None}
    for n, (block, place) in enumerate(body):
        caption = block.kind == CAPTION or place.parent is not None and (
            block.kind in (PARAGRAPH, CELL) and caption_box(place, texts[n])
            or block.kind == LIST_ITEM and point_caption(place, texts[n], points))
        if (caption and told and first < n < told[-1] or block.kind == QUOTE and story
                and story[0] < n < story[-1]) and not (
                chosen[n] or n in others or linked(place) or loose(texts[n]) in seen):
            chosen[n] = True
            seen.add(loose(texts[n]))  # a gallery's copy in a lightbox is read once
        if chosen[n] and caption and block.kind != CAPTION:  # a caption box's: a caption
            body[n] = (replace(block, kind=CAPTION), place)
    lead = lead_caption(body, titles[0]) if titles else None
    if lead is not None and lead not in others and loose(texts[lead]) not in seen:
        chosen[lead] = True
    box_titles(body, chosen)
    for n, (block, _) in enumerate(body):  # an image's alt or a link's title: its block's
        if block.kind == ALT and block.info and n + 1 < len(body) and (
                body[n + 1][0].kind == CAPTION):  # a picture of its own: its caption's
            chosen[n] = chosen[n + 1] or n > 0 and chosen[n - 1]
        elif block.kind in (ALT, LINK_TITLE) and n:
            chosen[n] = chosen[n - 1]
    icon_rows(body, chosen)
    return [pair for n, pair in enumerate(body) if chosen[n]]


def _neighbours(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Marks as the story's the prose (:func:`prose`) that sits where the story's
    paragraphs sit, which trafilatura misses (a lede outside any ``<p>``, a short line, a
    subheading, a summary): a paragraph, quote or heading whose run is in an element that
    holds story paragraphs' runs, or is a child of one, or whose three enclosing elements
    have the tags and classes of a story paragraph's (the site's template for the story's
    text), unless a class or id around it names furniture (:func:`furniture_class`: a
    footer's fine print has the story's shape). A text already read is not read again (a
    caption repeated in a gallery)."""
    shapes, parents = set(), set()
    for n, (block, place) in enumerate(body):
        if chosen[n] and block.kind == PARAGRAPH and place.parent is not None:
            shapes.add(shape(place.parent))
            parents |= {id(place.parent), id(place.parent.parentNode)}
    seen = {loose(texts[n]) for n in range(len(body)) if chosen[n]}
    for n, (block, place) in enumerate(body):
        if chosen[n] or place.parent is None or block.kind not in (PARAGRAPH, QUOTE, HEADING):
            continue
        near = (id(place.parent) in parents or id(place.parent.parentNode) in parents
                or shape(place.parent) in shapes)
        if near and loose(texts[n]) not in seen and prose(block, texts[n], place) and not (
                furniture_class(place.parent)):
            chosen[n] = True
            seen.add(loose(texts[n]))


def _other_stories(body: list[tuple[Block, Any]], chosen: list[bool]) -> set[int]:
    """The blocks in an ``<article>`` other than the story's (the innermost one that holds
    an ``<h1>`` and story paragraphs), neither inside nor around it: the teasers of other
    stories ("you may also like"), comments; they are taken out of ``chosen``. An
    ``<article>`` holding more than half of the story's paragraph words is the story's
    too (the headline and lede in an article of their own, the body in the next)."""
    holders = [_article(place.parent) for block, place in body if place.parent is not None
               and block.kind == HEADING and block.level == 1]
    words: Counter[Any] = Counter()  # the words of story paragraphs, by <article>
    for n, (block, place) in enumerate(body):
        if chosen[n] and block.kind == PARAGRAPH and place.parent is not None:
            words[_article(place.parent)] += len(plain(block.text).split())
    story = next((a for a in holders if a is not None and a in words), None)
    if story is None:
        return set()
    heaviest, most = words.most_common(1)[0]
    around = lineage(story) | (lineage(heaviest) if most * 2 > words.total() else set())
    others = set()
    for n, (_, place) in enumerate(body):
        element = place.parent if place.parent is not None else (
            place.meta[0] if place.meta else None)
        article = _article(element) if element is not None else None
        if article is not None and id(article) not in around:
            others.add(n)
            chosen[n] = False
    return others


def _article(node: Any) -> Element | None:
    """The innermost ``<article>`` that holds ``node`` (or is it)."""
    while node is not None and getattr(node, "tagName", None):
        if node.tagName == "article":
            return node  # type: ignore[no-any-return]
        node = node.parentNode
    return None


def prose(block: Block, text: str, place: Any) -> bool:
    """A paragraph, quote or heading of at least three words, less than half of them in
    links (not a permalink to its own place), not inside a link (a teaser of another
    story)."""
    if block.kind not in (PARAGRAPH, QUOTE, HEADING):
        return False
    words = len(text.split())
    in_links = sum(len(text_content(a.childNodes).split()) for a in elements(place.nodes)
                 if a.tagName == "a" and not permalink(a))
    return words >= 3 and in_links * 2 < words and not linked(place)


def title_at(body: list[tuple[Block, Any]], story: Story) -> int | None:
    """The index of the title's ``<h1>`` among the body blocks, if there is one."""
    headings = [i for i, (b, _) in enumerate(body) if b.kind == HEADING and b.level == 1]
    if story.keep is None or not headings:
        return headings[0] if headings else None
    wanted = _words(story.title)
    if not wanted:
        return headings[0]
    for i in headings:  # word by word ("Nvidia's" is "Nvidia’s"), with or without furigana
        for text in {_words(plain(body[i][0].text)), _words(markup_text(body[i][0].text))}:
            if text and (text in wanted or wanted in text):
                return i
    for i in reversed(headings):  # not the title: an <h1> of the page's furniture
        del body[i]
    return None
