"""Which paragraphs are captions: a video's or a photo's that the story shows, set as a
``<p>``, ``<div>`` or ``<span>`` in a box its class names a caption rather than as a
``<figcaption>`` (:func:`caption_box`, which :func:`l10n.articles.story.kept` reads
between the title and the story's last paragraph, as it reads figcaptions there).

A reader sees such a caption under the picture, in the story, so it is translated in
place in every build. What is not the caption of a picture the story shows is left out
(issue #26: other stories' captions are never segments): a related story's or a
teaser's (its box's class, or its picture a link to another page), a gallery's or a
slideshow's (a box of many pictures, a counter "Image 1 of 8"), a credit alone.

The caption of the story's lead picture, placed above the title, is read too
(:func:`lead_caption`), and so are the headlines and captions of the photos of a news
agency's item that a site pastes raw into its page, after the item's last paragraph
(IPTC NewsML: :func:`agency_captions`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from l10n.articles.furniture import (
    PICTURES,
    class_words,
    dense_links,
    enclosing,
    holds,
    lineage,
    link_words,
    linked,
)
from l10n.articles.htmldom import elements, markup_text, text_content
from l10n.model import ALT, CAPTION, LINK_TITLE, Block

_CAPTION_CLASS = re.compile(r"(?:^|[^a-z])(?:fig)?captions?(?:$|[^a-z])")
# a photo's caption, as CMSs name it besides "caption": a newspaper's cutline, a description,
# MediaWiki's thumbnail caption ("thumbcaption")
_PHOTO_CAPTION_CLASS = re.compile(
    r"(?:^|[^a-z])(?:(?:fig|thumb)?captions?|cutlines?|(?:photo|image|img)[-_ ]?desc(?:ription)?)"
    r"(?:$|[^a-z])")
_VIDEO_CLASS = re.compile(r"(?:^|[^a-z])videos?(?:$|[^a-z])")


def caption_box(place: Any, text: str) -> bool:
    """Whether a paragraph is the caption of a video or a photo the story shows, set as a
    ``<p>`` (a ``<div>``, a ``<span>``) rather than a ``<figcaption>``: it, its element or
    one of the two around it has a class or id that names a caption
    (``embeddedMediaCaption``, ``caption``, ``cutline``, ``photo-description``), that
    box is a video's (:func:`_video`) or a photo's (:func:`_photo`), and it is prose (three
    words or more, under half of them in links: not a title linking to the video's own
    page)."""
    if len(text.split()) < 3 or dense_links(text, place):
        return False
    box = _caption_box(place, text)
    if box is None:
        return False
    return bool(_CAPTION_CLASS.search(class_words(box))) and _video(box) or (
        _photo(box, place, text))


def point_caption(place: Any, text: str, points: set[int]) -> bool:
    """Whether a list item's run is the caption of a photo the story shows in one of its
    points (:func:`caption_box`): its item is in a list nested in one of the story's list
    items, or beside one (``points``: the ids of the story's ``<li>`` elements). A
    slideshow set as a list (``<ul class="gallery"><li><img><div class="caption">``) is
    no list of the story's points."""
    if not caption_box(place, text):
        return False
    item = enclosing(place.parent, "li")
    if item is None or item.parentNode is None:
        return False
    beside = [node for node in item.parentNode.childNodes if node is not item]
    around = enclosing(item.parentNode, "li")
    return any(id(node) in points for node in beside) or around is not None and (
        id(around) in points)


def _caption_box(place: Any, text: str) -> Any:
    """The innermost element that a class or id names a caption, or None: an element of
    the run that holds most of its words (``<span class="photo-description">``), else
    the run's element or one of the two around it."""
    words = len(text.split())
    for element in elements(place.nodes):
        if _PHOTO_CAPTION_CLASS.search(class_words(element)) and (
                len(text_content(element.childNodes).split()) * 2 > words):
            return element
    node = place.parent
    for _ in range(3):
        if node is None or not getattr(node, "tagName", None):
            return None
        if _PHOTO_CAPTION_CLASS.search(class_words(node)):
            return node
        node = node.parentNode
    return None


# what a box of pictures is when it is not the story's picture: other stories' teasers, a
# gallery or slideshow (it shows one picture at a time), an ad
_NOT_PHOTO = re.compile(
    r"(?:^|[^a-z])(related|promo|teasers?|sidebar|widget|sponsor\w*|advert\w*|ad|ads"
    r"|recommended|trending|popular|galler(?:y|ies)|slideshows?|slides?|carousel|slider)"
    r"(?:$|[^a-z])")
_CREDIT_CLASS = re.compile(r"(?:^|[^a-z])(credits?|copyright|byline|source)(?:$|[^a-z])")
# a credit alone ("Photo: Jane Doe", "Credit: AP", "(c) Reuters"): a short line opening so
_CREDIT_LINE = re.compile(
    r"\W*(?:(?:photo(?:graph)?s?|pictures?|images?)\s*(?:[:/|©]|by\b|credits?\b|copyright\b"
    r"|courtesy\b)|(?:credits?|courtesy|source|copyright)\b|©|\(c\))", re.IGNORECASE)
_CREDIT_WORDS = 8
# a slideshow's counter: "Image 1 of 8", "3 / 12"
_COUNTER = re.compile(r"\W*(?:(?:image|photo|picture|slide)s?\s+)?\d+\s*(?:of|/)\s*\d+\b",
                      re.IGNORECASE)
_PICTURE_BOX = 3  # how far from its caption box a picture's box may be
_PICTURE_WORDS = 12  # words of its box besides the caption (a credit, "Enlarge this image")


def _photo(box: Any, place: Any, text: str) -> bool:
    """Whether a caption box is the caption of a photo the story shows: not a credit
    alone (a line of :data:`_CREDIT_WORDS` words at most that opens "Photo:",
    "Credit:", or in an element its class names a credit), not a slideshow's counter
    ("Image 1 of 8"); beside one picture of its own (:func:`_picture_box`); and no class
    or id from the caption to two elements around its picture's box names other
    stories, a gallery or a slideshow, or an ad (:data:`_NOT_PHOTO`)."""
    if len(text.split()) <= _CREDIT_WORDS and _CREDIT_LINE.match(text) or _COUNTER.match(text):
        return False
    start = place.parent if holds(box, place.parent) else box  # else a <span> of the run
    if any(_CREDIT_CLASS.search(class_words(node)) for node in _up(start, box)):
        return False
    top = _picture_box(box, len(text.split()))
    return top is not None and not any(
        _NOT_PHOTO.search(class_words(node)) for node in _up(start, top, 2))


def _picture_box(box: Any, words: int) -> Any:
    """The box of the picture a caption box is beside, or None: the caption box or one of
    the :data:`_PICTURE_BOX` elements around it holds one picture (an ``<img>``, not a
    gallery's many), not inside a link to a page (a teaser's thumbnail; a link to the
    picture itself is a zoom), and little more text than the caption
    (:data:`_PICTURE_WORDS` words: not the story's element); or the element right
    before or after one of them is such a picture's box, with no caption of its own."""
    node = box
    for _ in range(_PICTURE_BOX):
        if node is None or not getattr(node, "tagName", None) or node.tagName == "body":
            return None
        if pictures := _pictures(node):
            return node if _one(node, pictures, words) else None
        for sibling in (_sibling(node, "previousSibling"), _sibling(node, "nextSibling")):
            if sibling is not None and (pictures := _pictures(sibling)):
                return node if _one(sibling, pictures, 0) else None
        node = node.parentNode
    return None


def _one(element: Any, pictures: list[Any], words: int) -> bool:
    """Whether ``pictures``, those of ``element``, are one picture of its own, and the
    element holds at most :data:`_PICTURE_WORDS` words besides a caption's ``words``."""
    return len(pictures) == 1 and not _page_link(pictures[0]) and (
        len(text_content(element.childNodes).split()) - words <= _PICTURE_WORDS)


def _sibling(node: Any, side: str) -> Any:
    """The element right before (``previousSibling``) or after a node, or None."""
    node = getattr(node, side)
    while node is not None and node.nodeType != node.ELEMENT_NODE:
        if node.nodeType == node.TEXT_NODE and node.data.strip():
            return None
        node = getattr(node, side)
    return node


def _up(node: Any, last: Any, more: int = 0) -> list[Any]:
    """The elements from ``node`` up to ``last`` (or up to the ``<body>``), and ``more``
    elements around ``last``."""
    found: list[Any] = []
    while node is not None and getattr(node, "tagName", None) and node.tagName != "body":
        found.append(node)
        if node is last:
            break
        node = node.parentNode
    else:
        return found
    for _ in range(more):
        node = node.parentNode
        if node is None or not getattr(node, "tagName", None) or node.tagName == "body":
            break
        found.append(node)
    return found


def _pictures(element: Any) -> list[Any]:
    """The pictures in ``element``: its ``<img>`` elements, not a ``<noscript>`` copy."""
    found = []
    for image in element.getElementsByTagName("img"):
        node = image.parentNode
        while node is not None and node is not element and getattr(node, "tagName", None) != (
                "noscript"):
            node = node.parentNode
        if node is element:
            found.append(image)
    return found


def _page_link(image: Any) -> bool:
    """Whether a picture is inside a link to a page (not to a picture, nor a script's
    popup, ``javascript:`` or ``onclick="window.open(...)"``: a zoom)."""
    link = enclosing(image, "a")
    address = "" if link is None else link.getAttribute("href").split("?")[0].split("#")[
        0].strip().lower()
    return bool(address) and not address.endswith(PICTURES) and not (
        address.startswith("javascript:") or "window.open" in link.getAttribute("onclick"))


def _video(box: Any) -> bool:
    """Whether a caption box is a video's: it or one of the three elements around it has
    a class or id that names a video (``featured-video``, ``video-ct``), or the element
    right before it holds a video (a ``<video>``, an ``<iframe>``, or an element whose
    class names one: ``<span class="embedded video">``)."""
    node = box
    for _ in range(4):
        if node is None or not getattr(node, "tagName", None) or node.tagName == "body":
            break
        if _VIDEO_CLASS.search(class_words(node)):
            return True
        node = node.parentNode
    before = box.previousSibling
    while before is not None and before.nodeType != before.ELEMENT_NODE:
        before = before.previousSibling
    if before is None:
        return False
    inside = [before, *before.getElementsByTagName("*")]
    return any(e.tagName in ("video", "iframe") or _VIDEO_CLASS.search(class_words(e))
               for e in inside)


def lead_caption(body: list[tuple[Block, Any]], title: int) -> int | None:
    """The caption of a picture placed right above the title's ``<h1>`` (only its alt
    between them, or the story's section, a label of three words at most all in links:
    "Issues"), in the element that holds the title (not the page's ``<body>``), not
    inside a link: the story's lead picture."""
    n = title - 1
    while n >= 0 and (body[n][0].kind in (ALT, LINK_TITLE) or body[n][1].parent is not None
                      and _label(markup_text(body[n][0].text), body[n][1])):
        n -= 1
    if n < 0 or body[n][0].kind != CAPTION or linked(body[n][1]):
        return None
    around = lineage(body[n][1].parent)
    node: Any = body[title][1].parent
    while node is not None and id(node) not in around:
        node = node.parentNode
    return n if node is not None and node.tagName not in ("body", "html") else None


def _label(text: str, place: Any) -> bool:
    """Whether a run is a short label all in links (a story's section above its title)."""
    return 0 < len(text.split()) <= 3 and link_words(place) >= len(text.split())


def agency_captions(body: list[tuple[Block, Any]], chosen: list[bool]) -> None:
    """Marks as the story's, read as captions, the headline and caption of each photo of
    a news agency's item that a site pastes as it came into its page (IPTC NewsML, whose
    elements browsers show as text): the text of a ``<NewsComponent>`` that holds a
    ``<MediaType FormalName="Photo">`` and none of the story's text, in the
    ``<NewsItem>`` whose text the story reads. The photos' components follow the item's
    last paragraph, where readability-lxml's reading (:func:`l10n.articles.density.tail`)
    ends; the item's codes and dates, outside any photo's component, stay out."""
    read: set[int] = set()  # the elements around the story's text
    for n, (_, place) in enumerate(body):
        node = place.parent if chosen[n] else None
        while node is not None and getattr(node, "tagName", None) and id(node) not in read:
            read.add(id(node))
            node = node.parentNode
    for n, (block, place) in enumerate(body):
        if chosen[n] or place.parent is None or block.kind in (ALT, LINK_TITLE):
            continue
        item = enclosing(place.parent, "newsitem")
        if item is None or id(item) not in read:
            continue
        node = enclosing(place.parent, "newscomponent")
        while node is not None and node is not item and id(node) not in read:
            if any(kind.getAttribute("formalname").lower() == "photo"
                   for kind in node.getElementsByTagName("mediatype")):
                chosen[n] = True
                body[n] = (replace(block, kind=CAPTION), place)
                break
            node = enclosing(node.parentNode, "newscomponent")
