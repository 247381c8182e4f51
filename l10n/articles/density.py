"""The page's own reading by text density, for where the extraction libraries miss the story.

A 2000s page may set its whole story as one run of text split by ``<br><br>`` in a
table's cell or a ``<font>``: trafilatura and readability-lxml then find no story there,
or a few lines of furniture instead (a date, teasers of other stories). The densest block
of a page (the most words, few of them in links: the text-density signal of the
boilerplate classifiers, Kohlschütter, Fankhauser and Nejdl, WSDM 2010) is its story's
when it alone holds more than twice the words the libraries read (:func:`densest`).

trafilatura's precise reading also keeps, after the story, what sits in the story's
template below it: readers' comments, advertisers' lines, teasers of other stories,
the site's fine print. readability-lxml takes the best-scored container (by text and
link density) with its siblings, so it ends where the story's container ends: what the
precise reading keeps after the last block readability holds, and readability does not
hold, is not the story's (:func:`tail`), but for a sentence in the story's own template
where each paragraph has a wrapper of its own (readability may drop the story's last
wrapper for the links of a site's line that shares it).

Its precise reading often drops a story's lede: the first sentence set apart, in bold,
in a summary ``<div>``, or as text straight in the story's container before its first
``<p>`` (:func:`lede`), the rest of a paragraph that an ad cuts in two
(:func:`continued`), a subheading set as a paragraph of its own between two of the
story's (:func:`between`), a paragraph of the story that cites its sources in links
(:func:`cited`), the standfirst under the headline that is also the page's
description or whose class names it (:func:`standfirst`), and the short lines of a list
set as paragraphs of one element, which it reads as one line (:func:`joined`); and a
list of sentences in the story's own element (a fact box: :func:`listed`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from l10n.articles.furniture import (
    CELL,
    class_words,
    dense_links,
    furniture_class,
    holds,
    link_words,
    linked,
    shape,
)
from l10n.articles.readings import loose
from l10n.model import ALT, CAPTION, HEADING, LINK_TITLE, LIST_ITEM, PARAGRAPH, QUOTE, Block

_TEXT = (PARAGRAPH, QUOTE, LIST_ITEM, CELL)
_DENSE = 40  # words at least in the densest block for it to be a story


def densest(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Marks as the story's the block with the most words of the page (a paragraph, quote,
    list item or table cell, not inside a link, under a quarter of its words in links,
    no class or id around it that names furniture, :data:`_DENSE` words or more) when it
    holds more than twice as many words as all the text blocks read so far together: the
    libraries missed the story, and read furniture instead (a short story may be followed
    by a longer block of something else: a reader's letter). Where they read no text
    block, the page is read again favouring recall (:func:`l10n.articles.html.read_html`).
    """
    best, most = None, 0
    for n, (block, place) in enumerate(body):
        if block.kind not in _TEXT or place.parent is None or not block.translatable:
            continue
        words = len(texts[n].split())
        if words > most and link_words(place) * 4 < words and not linked(place) and not (
                furniture_class(place.parent)):
            best, most = n, words
    read = sum(len(texts[n].split()) for n, (block, _) in enumerate(body)
               if chosen[n] and block.kind in _TEXT)
    if best is None or chosen[best] or most < _DENSE or not read:
        return
    prose_before = any(chosen[n] and _sentence(block, texts[n], place)
                       for n, (block, place) in enumerate(body[:best]))
    if read * 2 < most or read < most and not prose_before:
        chosen[best] = True


_WRAPPED = 3  # wrappers at least, one per paragraph, of a story set in content elements


def tail(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool],
         held: Callable[[str, bool], bool]) -> None:
    """Takes out of ``chosen`` the text blocks (and headings but the title; not a quote: a
    post the story embeds at its end) after the last block that readability-lxml holds
    (``held``) and that it does not hold, when it holds half of the words read or more (a
    reading that missed the story says nothing). But where the story sets its paragraphs
    each in a wrapper of its own (a CMS's content elements: the paragraphs readability
    holds are in :data:`_WRAPPED` wrappers or more, more wrappers than half of them),
    readability judges each wrapper apart and may drop the story's last one for the
    links of a site's line that shares it ("sign up for our newsletters"): there, a
    sentence (:data:`_LEDE` words or more, a sentence's end) whose element has the tags
    and classes, three levels deep, of a paragraph readability holds stays."""
    inside = [False] * len(body)
    words = covered = 0
    for n, (block, _) in enumerate(body):
        if chosen[n] and block.kind in (*_TEXT, HEADING, CAPTION):
            count = len(texts[n].split())
            inside[n] = held(texts[n], block.kind == CELL)
            words += count
            covered += count if inside[n] else 0
    if not any(inside) or covered * 2 < words:
        return
    end = max(n for n in range(len(body)) if inside[n])
    paragraphs = [place.parent for n, (block, place) in enumerate(body)
                  if inside[n] and block.kind == PARAGRAPH and place.parent is not None]
    wrappers = {id(element.parentNode) for element in paragraphs}
    template = {shape(element) for element in paragraphs} if len(wrappers) >= _WRAPPED and (
        len(wrappers) * 2 > len(paragraphs)) else set()
    for n, (block, place) in enumerate(body):
        title = block.kind == HEADING and block.level == 1
        if n > end and chosen[n] and not inside[n] and not title and block.kind in (
                PARAGRAPH, LIST_ITEM, CELL, HEADING, CAPTION) and not (
                _sentence(block, texts[n], place) and shape(place.parent) in template):
            chosen[n] = False


_LEDE = 6  # words at least in a lede
SENTENCE_ENDS = (".", "!", "?", '"', "'", "\u201d", "\u2019", ")")  # how a sentence ends


def lede(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Marks as the story's the block right before its first paragraph (the first text
    block read that ends a sentence, :data:`_LEDE` words or more), when it is prose too
    (a paragraph, quote or table cell that ends a sentence, :data:`_LEDE` words or more,
    or an epigraph: :func:`_epigraph`; not inside a link, under half of its words in
    links, no class or id around it that names furniture) and the two are close: an
    element within three levels above the first paragraph holds both."""
    first = next((n for n, (block, place) in enumerate(body) if chosen[n]
                  and _sentence(block, texts[n], place)), None)
    if first is None:
        return
    n = first - 1
    while n >= 0 and body[n][0].kind in (ALT, LINK_TITLE):
        n -= 1
    if n < 0 or chosen[n] or not (_sentence(body[n][0], texts[n], body[n][1]) or _epigraph(
            body[n][0], texts[n], body[n][1])):
        return
    place = body[n][1]
    if linked(place) or dense_links(texts[n], place) or furniture_class(place.parent):
        return
    if _close(body[first][1].parent, place.parent):
        chosen[n] = True


def _epigraph(block: Block, text: str, place: Any) -> bool:
    """A quote of :data:`_LEDE` words or more, which may end with its source rather than
    a sentence's end ("—Statement of Mark David Chapman to the New York Parole Board, 3
    October 2000"): a review's epigraph."""
    return block.kind == QUOTE and place.parent is not None and len(text.split()) >= _LEDE


def _sentence(block: Block, text: str, place: Any) -> bool:
    return (block.kind in (PARAGRAPH, QUOTE, CELL) and place.parent is not None
            and len(text.split()) >= _LEDE and text.rstrip().endswith(SENTENCE_ENDS))


def _close(element: Any, other: Any) -> bool:
    """Whether ``element`` or one of the three elements above it (not the ``<body>``)
    holds ``other``."""
    node = element
    for _ in range(4):
        if node is None or not getattr(node, "tagName", None) or node.tagName in ("body", "html"):
            return False
        if holds(node, other):
            return True
        node = node.parentNode
    return False


_BREAK = 2  # words at most in what may cut a paragraph in two ("Advertisement")
_CUT = 3  # words at least in the first half of a paragraph cut in two


def continued(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Marks as the story's the rest of a paragraph that something cuts in two (an ad's
    label, an empty ad slot): the first text block after a paragraph read that ends with
    no sentence end, past blocks of :data:`_BREAK` words at most, when it is not inside a
    link, has under half of its words in links, an element within three levels above the
    paragraph holds it, and either it starts with a lowercase letter (after a paragraph
    of :data:`_CUT` words or more), or it is the rest of a ``<p>`` that an ad box's
    ``<div>`` closed (the parser ends a ``<p>`` at a ``<div>``, so the rest is bare text
    in the element holding the ``<p>``) and ends a sentence: a cut between a first name
    and a last name ("... representative here, Tom" | Advertisement | "Koenigs, said
    ..."), or after a first name alone ("Kobe" | "Bryant scored 37 points ...")."""
    for n, (block, place) in enumerate(body):
        if not chosen[n] or block.kind not in _TEXT or place.parent is None or (
                texts[n].rstrip().endswith(SENTENCE_ENDS)):
            continue
        m = n + 1
        while m < len(body) and (body[m][0].kind in (ALT, LINK_TITLE)
                                 or len(texts[m].split()) <= _BREAK):
            m += 1
        if m == len(body) or chosen[m] or body[m][0].kind not in _TEXT:
            continue
        after = body[m][1]
        if after.parent is None or linked(after) or dense_links(texts[m], after):
            continue
        lower = texts[m].lstrip()[:1].islower() and len(texts[n].split()) >= _CUT
        bare = _element(place.parent, "p") and after.parent is place.parent.parentNode and (
            texts[m].rstrip().endswith(SENTENCE_ENDS))
        if (lower or bare) and _close(place.parent, after.parent):
            chosen[m] = True


_SUBHEAD = 10  # words at most in a subheading


def between(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Marks as the story's a line between two paragraphs read, in the element that holds
    both ("LIKE A BOYFRIEND?" set as a ``<p>`` of a layout table's story): two words to
    :data:`_SUBHEAD` (an author's note there is longer), not inside a link, under half of
    them in links, no class or id around it that names furniture, not a copy of a line
    read (a pull quote repeats a paragraph that the story's reading then leaves out as a
    second copy)."""
    lines = [n for n, (block, place) in enumerate(body)
             if block.kind not in (ALT, LINK_TITLE) and place.parent is not None]
    seen = {loose(texts[n]) for n in lines if chosen[n]}
    for before, n, after in zip(lines, lines[1:], lines[2:], strict=False):
        block, place = body[n]
        if chosen[n] or not (chosen[before] and chosen[after]) or block.kind not in (
                *_TEXT, HEADING) or body[before][0].kind not in _TEXT or (
                body[after][0].kind not in _TEXT) or not 2 <= len(texts[n].split()) <= _SUBHEAD:
            continue
        holder = _around(body[before][1].parent)
        if holder is None or holder is not _around(body[after][1].parent) or not (
                holds(holder, place.parent)):
            continue
        if not (linked(place) or dense_links(texts[n], place) or furniture_class(place.parent)
                or loose(texts[n]) in seen):
            chosen[n] = True
            seen.add(loose(texts[n]))


def _around(element: Any) -> Any:
    """The element around ``element``."""
    return getattr(element, "parentNode", None)


_CITED = 12  # words at least in a paragraph that cites its sources in links


def cited(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Marks as the story's a paragraph that the link-density tests drop because it cites
    its sources in links ("have <a>championed fossil fuels</a>, called climate change
    <a>"the greatest con job"</a> and ..."): a ``<p>`` between two paragraphs read (past
    what is not read: a promo box), all three children of one element, of
    :data:`_CITED` words or more, ending a sentence, a quarter of its words or more
    outside links, not inside a link, no class or id of its own that names furniture (the
    element around it is the story's: a page may name it ``article__teaser``), not a copy
    of a line read. A line of links there (a menu, "Read more: <a>...</a>") is not
    prose, and one before or after the story is no paragraph between two of its own."""
    story = [n for n, (block, place) in enumerate(body) if chosen[n]
             and block.kind == PARAGRAPH and _element(place.parent, "p")]
    seen = {loose(texts[n]) for n in range(len(body)) if chosen[n]}
    for before, after in zip(story, story[1:], strict=False):
        holder = body[before][1].parent.parentNode
        if body[after][1].parent.parentNode is not holder:
            continue
        for n in range(before + 1, after):
            block, place = body[n]
            words = len(texts[n].split())
            if chosen[n] or block.kind != PARAGRAPH or not _element(place.parent, "p") or (
                    place.parent.parentNode is not holder) or words < _CITED or not (
                    texts[n].rstrip().endswith(SENTENCE_ENDS)) or link_words(place) * 4 > words * 3:
                continue
            if not (linked(place) or furniture_class(place.parent, depth=1)
                    or loose(texts[n]) in seen):
                chosen[n] = True
                seen.add(loose(texts[n]))


def _element(node: Any, tag: str) -> bool:
    return node is not None and getattr(node, "tagName", None) == tag


_DESCRIPTIONS = ("description", "og:description", "twitter:description")
# a class that names the summary under a headline (not a teaser's: it sits under the title)
_STANDFIRST = re.compile(r"(?:^|[^a-z])(?:standfirst|dek|deck|excerpt|summary|sub-?title"
                         r"|sub-?headline|strapline)(?:$|[^a-z])")


def standfirst(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool],
               alone: bool = False) -> None:
    """Marks as the story's its standfirst (the summary under the headline: a "dek"), which
    the precise reading drops as it sits apart from the story's paragraphs: a paragraph
    between the title's ``<h1>`` and the story's first paragraph, of :data:`_LEDE` words or
    more (two characters of a script written without spaces, Japanese, are one), not
    inside a link, whose text is the page's description (``<meta name="description">``,
    ``og:description`` or ``twitter:description``) or whose element's class names a
    standfirst (``article-excerpt``, ``dek``, ``standfirst``, ``summary``, ``subtitle``):
    the page's own word that this is its summary. With ``alone`` (no reading found a
    paragraph of the story: a members-only story shows its title and summary), the
    standfirst beside the title's ``<h1>`` (in the element holding it) is read."""
    first = next((n for n, (block, _) in enumerate(body) if chosen[n]
                  and block.kind == PARAGRAPH), len(body) if alone else None)
    title = next((n for n, (block, _) in enumerate(body[:first]) if chosen[n]
                  and block.kind == HEADING and block.level == 1), None)
    if first is None or title is None or body[title][1].parent is None:
        return
    heading = body[title][1].parent
    page = heading.ownerDocument
    summaries = {loose(meta.getAttribute("content")) for meta in page.getElementsByTagName("meta")
                 if (meta.getAttribute("name") or meta.getAttribute("property")).lower()
                 in _DESCRIPTIONS}
    for n in range(title + 1, first):
        block, place = body[n]
        if not chosen[n] and block.kind == PARAGRAPH and place.parent is not None and (
                _words(texts[n]) >= _LEDE and not linked(place)) and (
                loose(texts[n]) in summaries or _STANDFIRST.search(class_words(place.parent))
        ) and not (first == len(body) and place.parent.parentNode is not heading.parentNode):
            chosen[n] = True


_SPACELESS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana, Han


def _words(text: str) -> int:
    return len(text.split()) + len(_SPACELESS.findall(text)) // 2


_LIST = 3  # lines at least in a list set as paragraphs of one element
_SHORT = 20  # characters: a shorter line is matched to the story's lines only whole


def joined(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool],
           keep: Callable[[str, bool], bool]) -> None:
    """Marks as the story's the lines of a list set as sibling ``<p>`` of one element (a
    top-ten list, "1. Saint John", "2. Quebec City", in a table's cell), which
    trafilatura reads as one line of its story: a short line (under :data:`_SHORT`
    characters) is the story's only when it is a whole line of it, so none of them is.
    A run of :data:`_LIST` or more such paragraphs, half of them short or more (a list,
    not a story's paragraphs), none inside a link, one of them read (a longer line), is
    read when their texts, joined, are the story's (``keep``)."""
    runs: list[list[int]] = []
    for n, (block, place) in enumerate(body):
        if block.kind in (ALT, LINK_TITLE):
            continue
        holder = _around(place.parent) if block.kind in (PARAGRAPH, CELL) and _element(
            place.parent, "p") else None
        if holder is not None and runs and runs[-1] and (
                _around(body[runs[-1][-1]][1].parent) is holder):
            runs[-1].append(n)
        else:
            runs.append([n] if holder is not None else [])
    for run in runs:
        short = sum(len(texts[n]) < _SHORT for n in run)
        if len(run) < _LIST or short * 2 < len(run) or all(chosen[n] for n in run) or not any(
                chosen[n] for n in run):
            continue
        cell = body[run[0]][0].kind == CELL
        if any(linked(body[n][1]) for n in run) or not keep(
                " ".join(texts[n] for n in run), cell):
            continue
        for n in run:
            chosen[n] = True


def listed(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Marks as the story's the items of a list set in the story's own element (the list,
    or a lone ``<li>`` set with no list, sits in the element that holds the story's
    paragraphs: a fact box, the points of a manifesto), which the precise reading drops:
    each a sentence (:data:`_LEDE` words or more, ending as a sentence ends: not a
    teaser's headline, nor "Email article: Email"), under half of its words in links, not
    inside a link, no class or id around it that names furniture, its text not already
    read. (What follows the last block readability-lxml holds is then left out:
    :func:`tail`.)"""
    holders = {id(place.parent.parentNode) for n, (block, place) in enumerate(body)
               if chosen[n] and block.kind in (PARAGRAPH, CELL) and place.parent is not None}
    seen = {loose(texts[n]) for n in range(len(body)) if chosen[n]}
    for n, (block, place) in enumerate(body):
        if chosen[n] or block.kind != LIST_ITEM or place.parent is None:
            continue
        holder: Any = place.parent.parentNode  # the list, or the element of a lone <li>
        inside = id(holder) in holders or (_element(holder, "ul") or _element(
            holder, "ol")) and id(holder.parentNode) in holders
        words = len(texts[n].split())
        if not inside or words < _LEDE or not texts[n].rstrip().endswith(SENTENCE_ENDS) or (
                link_words(place) * 2 >= words or linked(place)
                or furniture_class(place.parent) or loose(texts[n]) in seen):
            continue
        chosen[n] = True
        seen.add(loose(texts[n]))
