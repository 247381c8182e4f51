"""What among a page's blocks looks like its furniture rather than its story.

The tests :mod:`l10n.articles.story` applies to the blocks that extraction libraries keep
or leave out: a run inside a link (:func:`linked`), link density (:func:`dense_links`,
the best single feature of the boilerplate classifiers: Kohlschütter, Fankhauser and
Nejdl, WSDM 2010), the classes and ids CMSs give to furniture (:func:`furniture_class`),
listings of other stories (:func:`teaser_lists`), slideshows of them
(:func:`slideshows`), and which blocks of the wider readings
are read (:func:`wider`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from l10n.articles.htmldom import elements, text_content
from l10n.articles.readings import letters, loose
from l10n.model import ALT, HEADING, LINK_TITLE, LIST_ITEM, PARAGRAPH, QUOTE, Block

if TYPE_CHECKING:
    from xml.dom.minidom import Element

CELL = "table-cell"  # a block of a table's cell (the kind l10n.articles.html gives it)


def wider(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool],
           maybe: Callable[[str, bool], bool]) -> None:
    """Marks as the story's a block that both wider readings hold (``maybe``: trafilatura
    favouring recall, and readability-lxml), which the precise reading dropped (a layout
    table's story cells, a lede, a list of facts), when it looks like text and not like
    furniture: it has a letter, it is not inside a link, less than half of its words are
    in links (link density, the boilerplate classifiers' best single feature), it does
    not end in an ellipsis (a teaser cut short), no class or id of it or of the two
    elements around it is one CMSs give to furniture (:data:`_FURNITURE_CLASS`), and its
    text is not in a block already read (a gallery's truncated copy)."""
    if not any(chosen[n] and block.kind in (PARAGRAPH, CELL)
               for n, (block, _) in enumerate(body)):
        return
    seen = [loose(texts[n]) for n in range(len(body)) if chosen[n]]
    for n, (block, place) in enumerate(body):
        text = texts[n]
        if chosen[n] or place.parent is None or block.kind not in (
                PARAGRAPH, QUOTE, HEADING, LIST_ITEM, CELL):
            continue
        if not any(c.isalpha() for c in text) or text.rstrip().endswith(("...", "\u2026")):
            continue
        if linked(place) or dense_links(text, place) or furniture_class(place.parent):
            continue
        if not any(loose(text) in other for other in seen) and maybe(text, block.kind == CELL):
            chosen[n] = True
            seen.append(loose(text))


_TEASERS = 3  # headline links, each followed by its text, in one element: a listing


def teaser_lists(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Takes out of ``chosen`` the listings of other stories: a line of three words or more
    that is all link (a headline) then a block of text (its summary), :data:`_TEASERS`
    times or more in the element that holds each pair (``<dl>`` of ``<dt><a>``/``<dd>``) or
    in sibling boxes of one tag and class, a pair each ("next story" boxes, unless beside or
    around the story's paragraphs: a listicle's items), when the pairs are two thirds of its
    blocks or more (a story citing its sources as ``<p><a>[Source]</a></p>`` after each
    quote has shorter links)."""
    lines = [n for n, (block, _) in enumerate(body) if block.kind not in (ALT, LINK_TITLE)]
    pairs: dict[object, list[tuple[int, int]]] = {}
    holders: dict[object, Any] = {}
    for m, n in zip(lines, lines[1:], strict=False):
        head, place = body[m][1], body[n][1]
        if head.parent is None or place.parent is None or len(texts[m].split()) < 3 or (
                not _all_linked(texts[m], head)):
            continue
        if _all_linked(texts[n], place):
            continue
        holder = _common(head.parent, place.parent)
        if holder is not None:
            pairs.setdefault(id(holder), []).append((m, n))
            holders[id(holder)] = holder
    paired = {n for found in pairs.values() for pair in found for n in pair}
    story = [p.parent for n, (b, p) in enumerate(body) if chosen[n] and n not in paired
             and b.kind == PARAGRAPH]  # a pair to a box: counted in the boxes' element
    for key, found in list(pairs.items()):
        box, around = holders[key], holders[key].parentNode
        if len(found) < _TEASERS and getattr(around, "tagName", "body") not in ("body", "html") \
                and not any(holds(p, around) or holds(around, p) for p in story):
            group = (id(around), box.tagName, box.getAttribute("class"))
            pairs.setdefault(group, []).extend(found)
            holders[group] = around
    for key, found in pairs.items():
        if len(found) < _TEASERS:
            continue
        inside = sum(holds(holders[key], body[n][1].parent) for n in lines)
        if len(found) * 2 * 3 >= inside * 2:  # the pairs are most of what it holds
            for m, n in found:
                chosen[m] = chosen[n] = False


_SLIDES = 3  # counted slides with headlines at least: a slideshow
_COUNTER = re.compile(r"\s*(\d+)\s*(?:/|of)\s*(\d+)\b", re.IGNORECASE)  # "1/50", "2 of 50"


def slideshows(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Takes out of ``chosen`` a slideshow of other stories: a list whose items (three or
    more) each hold a heading that opens with the slide's count, of one total ("1/50 United
    goin down", "2/50 Star Wars boosts economy"), with the slides' captions and credits,
    and what the widest element around the list that holds no other paragraph of the story
    holds (the box's title, "Business news in pictures", its copy in a lightbox): pictures
    with headlines of their own, set in the story's element, which the extractor reads as a
    list of the story's. A list of the story's own points, each with a heading, counts
    none."""
    slides: dict[int, dict[int, str]] = {}
    lists: dict[int, Any] = {}
    for n, (block, place) in enumerate(body):
        count = _COUNTER.match(texts[n]) if block.kind == HEADING else None
        item = enclosing(place.parent, "li") if count and place.parent is not None else None
        if count and item is not None and int(count[1]) <= int(count[2]):
            slides.setdefault(id(item.parentNode), {})[id(item)] = count[2]
            lists[id(item.parentNode)] = item.parentNode
    for key, counts in slides.items():
        if len(counts) < _SLIDES or len(set(counts.values())) != 1:
            continue
        box = lists[key]
        story = [place.parent for n, (block, place) in enumerate(body) if chosen[n]
                 and block.kind == PARAGRAPH and not holds(box, place.parent)]
        while box.parentNode is not None and getattr(box.parentNode, "tagName", "body") not in (
                "body", "html") and not any(holds(box.parentNode, p) for p in story):
            box = box.parentNode
        for n, (_, place) in enumerate(body):
            if place.parent is not None and holds(box, place.parent):
                chosen[n] = False


def enclosing(node: Any, tag: str) -> Any:
    """The innermost ``tag`` element that holds ``node`` (or is it), if any."""
    while node is not None and getattr(node, "tagName", None):
        if node.tagName == tag:
            return node
        node = node.parentNode
    return None


def lineage(node: Any) -> set[int]:
    """The ids of ``node`` and of every node around it, up to the document."""
    found = set()
    while node is not None:
        found.add(id(node))
        node = node.parentNode
    return found


def holds(element: Any, node: Any) -> bool:
    """Whether ``element`` is ``node`` or one of the elements around it."""
    while node is not None:
        if node is element:
            return True
        node = node.parentNode
    return False


def _all_linked(text: str, place: Any) -> bool:
    words = len(text.split())
    return words > 0 and (link_words(place) * 10 >= words * 9 or linked(place))


def _common(one: Any, two: Any) -> Any:
    """The innermost element that holds both ``one`` and ``two``."""
    around = lineage(one)
    node = two
    while node is not None and id(node) not in around:
        node = node.parentNode
    return node if getattr(node, "tagName", None) not in (None, "body", "html") else None


def linked(place: Any) -> bool:
    """Whether a block's run is inside a link (a teaser of another story), but for a link
    to its own place (a subheading's permalink: ``<h2 id="x"><a href="#x">``)."""
    parent = place.parent
    while parent is not None and getattr(parent, "tagName", None) is not None:
        if parent.tagName == "a" and not permalink(parent):
            return True
        parent = parent.parentNode
    return False


def permalink(link: Any) -> bool:
    """Whether a link's ``#part`` names the link itself or an element around it."""
    href = link.getAttribute("href").strip()
    if not href.startswith("#") or len(href) < 2:
        return False
    node = link
    while node is not None and getattr(node, "tagName", None) is not None:
        if node.getAttribute("id") == href[1:]:
            return True
        node = node.parentNode
    return False


_FURNITURE_CLASS = re.compile(
    r"(?:^|[^a-z])(caption|credit|comments?|related|promo|share|social|newsletter"
    r"|sponsor\w*|advert\w*|ad|teaser|footer|sidebar|widget|tags?|breadcrumbs?|cookies?"
    r"|consent)(?:$|[^a-z])")


_CAMEL = re.compile(r"([a-z])([A-Z])")  # a class written in camel case: its words


def furniture_class(element: Any, depth: int = 3) -> bool:
    """Whether ``element`` or one of the ``depth`` elements around it has a class or id
    that CMSs give to what is not the story (a caption, a credit, comments, related
    stories, share buttons, ads)."""
    node = element
    for _ in range(depth):
        if node is None or not getattr(node, "tagName", None):
            return False
        names = f"{node.getAttribute('class')} {node.getAttribute('id')}"
        if _FURNITURE_CLASS.search(name_words(names)):  # "relatedLinks"
            return True
        node = node.parentNode
    return False


def class_words(element: Any) -> str:
    """An element's class and id, as lowercase words ("relatedLinks": "related links")."""
    return name_words(f"{element.getAttribute('class')} {element.getAttribute('id')}")


def name_words(names: str) -> str:
    """Class or id names as lowercase words, camel case split ("userComments")."""
    return _CAMEL.sub(r"\1 \2", names).lower()


def dense_links(text: str, place: Any) -> bool:
    """Whether half of a run's words or more are in links."""
    return link_words(place) * 2 >= len(text.split())


_MENU_LINKS = 4  # links at least in a line that is a menu


def menu_line(text: str, place: Any) -> bool:
    """Whether a run is a menu: :data:`_MENU_LINKS` links or more of three words at most
    on average, holding two thirds of its words and letters ("Football | Golf"; a Japanese
    paragraph's few links to a dictionary are no menu; ``text``: without ruby annotations)."""
    links, words = _links(place.nodes), link_words(place)
    count = sum(any(c.isalnum() for c in word) for word in text.split())  # not "|"
    return len(links) >= _MENU_LINKS and words <= 3 * len(links) and words * 3 >= count * 2 \
        and letters(links) * 3 >= sum(c.isalnum() for c in text) * 2


def link_words(place: Any) -> int:
    """How many of a run's words are in links (a permalink to its own place is none)."""
    return sum(len(text_content(a.childNodes).split()) for a in _links(place.nodes))


def _links(nodes: Sequence[Any]) -> list[Element]:
    found = []
    for element in elements(nodes):
        found += [element] if element.tagName == "a" else element.getElementsByTagName("a")
    return [link for link in found if not permalink(link)]


# the lines that open a comment section, as sites word them (English): a heading that
# names comments (a short line), or a phrase that only a comment section says
_COMMENTS_HEADING = re.compile(
    r"\W*(?:\d+\s+)?(?:(?:readers?'?\s+|user\s+|your\s+)?comments?|(?:readers?'?|your)\s+views"
    r"|(?:tell\s+us\s+)?what\s+you\s+think)\b", re.IGNORECASE)
_COMMENTS_PHRASE = re.compile(
    r"\W*(?:(?:add|post|leave|write|submit)\s+(?:a\s+|your\s+)?(?:comment|reply)"
    r"|(?:comments|commenting)\s+(?:are|is)\s+(?:now\s+)?closed"
    r"|thanks\s+for\s+your\s+comments|posted\s+by\b|the\s+following\s+are\s+comments\b"
    r"|have\s+your\s+say\s+(?:about|on)\s+this\b)", re.IGNORECASE)
_HEADING_WORDS = 6


_STORY = 100  # words read before a comment section's opening line, or half of them


def comment_openers(body: list[tuple[Block, Any]], texts: list[str],
                    chosen: list[bool]) -> None:
    """Takes out of ``chosen`` what follows a line that opens a comment section ("Add your
    comment", "Comments are now closed", "Posted by: ..."; "Comments",
    "Reader comments (3)" in a line of :data:`_HEADING_WORDS` words at most), when
    :data:`_STORY` words read, or half of them, come before it (a share bar above the
    story may say "Comments"): the comments of a page whose markup does not name them.
    A line that is the whole of a table's cell, no link, in a row of several cells with
    text ("Comment", a column's header), opens nothing (a layout table's story cell,
    which holds more than the line, may), nor does a link to comments on another page."""
    total = sum(len(texts[n].split()) for n in range(len(body)) if chosen[n])
    before = 0
    for n, (block, place) in enumerate(body):
        opens = _COMMENTS_PHRASE.match(texts[n]) or len(texts[n].split()) <= _HEADING_WORDS and (
            _COMMENTS_HEADING.match(texts[n]))
        if block.kind not in (ALT, LINK_TITLE) and before >= min(_STORY, total / 2) and opens and (
                not _in_row(texts[n], place)) and not _elsewhere(texts[n], place):
            for m in range(n, len(body)):
                chosen[m] = False
            return
        before += len(texts[n].split()) if chosen[n] else 0


def _elsewhere(text: str, place: Any) -> bool:
    """Whether a line is all one link to comments that are not on this page: its address
    has no ``#`` part, or one that names no element of the page by ``id`` or ``name``
    ("Comments (5 posted)" under each story of a weekly edition leads to the story's own
    page; "Comments (0)" leading to ``#comments`` of this page opens them here)."""
    links = _links(place.nodes)
    address = links[0].getAttribute("href").strip() if len(links) == 1 else ""
    if not address or place.parent is None or link_words(place) < len(text.split()):
        return False
    path, _, fragment = address.partition("#")
    if not fragment:
        return bool(path)
    page = place.parent.ownerDocument
    return not any(fragment.casefold() in (element.getAttribute("id").casefold(),
                                           element.getAttribute("name").casefold())
                   for element in page.getElementsByTagName("*"))


def _in_row(text: str, place: Any) -> bool:
    """Whether a block is the whole text of a table's cell, not a link (a column's
    header, not a share bar's "Comments (0)"), whose row has another cell with text."""
    node = place.parent
    while node is not None and getattr(node, "tagName", None) not in (None, "td", "th", "table"):
        node = node.parentNode
    if getattr(node, "tagName", None) not in ("td", "th") or link_words(place) or (
            len(text_content(node.childNodes).split()) > len(text.split())):
        return False
    return any(other is not node and other.nodeType == other.ELEMENT_NODE
               and other.tagName in ("td", "th") and text_content(other.childNodes).strip()
               for other in node.parentNode.childNodes)


_ICONS = 3  # linked pictures in a row, each with a short alt: share buttons, site icons


def icon_rows(body: list[tuple[Block, Any]], chosen: list[bool]) -> None:
    """Takes out of ``chosen`` the alts of a row of :data:`_ICONS` or more pictures of
    their own, one after another, each inside a link that does not open a picture, and
    with an alt of three words at most ("digg", "Facebook", "Send by email"): share
    buttons and site icons (a gallery's thumbnails open their pictures)."""
    row: list[int] = []
    for n, (block, place) in enumerate([*body, (None, None)]):
        if block is not None and block.kind == ALT and block.info and place.meta and (
                len(block.text.split()) <= 3 and _icon_link(place.meta[0])):
            row.append(n)
            continue
        if len(row) >= _ICONS:
            for m in row:
                chosen[m] = False
        row = []


def _icon_link(image: Any) -> bool:
    """Whether a picture is inside a link that does not open the picture itself (a
    gallery's thumbnail links to its large copy; a share button to another site)."""
    link = enclosing(image, "a")
    return link is not None and not link.getAttribute("href").split("?")[0].split("#")[
        0].lower().endswith(PICTURES)


PICTURES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")


def shape(element: Any, depth: int = 3) -> tuple[tuple[str, str], ...]:
    """The tags and classes of ``element`` and the elements around it, ``depth`` deep (the
    site's template for a kind of block)."""
    found: list[tuple[str, str]] = []
    node: Any = element
    while node is not None and getattr(node, "tagName", None) and len(found) < depth:
        found.append((node.tagName, " ".join(node.getAttribute("class").split())))
        node = node.parentNode
    return tuple(found)
