"""How the readings of a page by main-content extraction libraries are matched to its blocks.

:func:`story_filter` tells whether a block's plain text is in a library's story;
:func:`agreed` whether two wider readings both hold it: trafilatura favouring recall,
and `readability-lxml <https://github.com/buriy/python-readability>`_ (Arc90's
Readability, a different method: it scores the page's containers by their text and
link density and takes the best one with its siblings). On the 100 opened L3S-GN1 news
pages, readability-lxml alone had a recall of 0.976 and a precision of 0.918, trafilatura
favouring recall 0.933 and 0.797; where trafilatura's precise reading drops story text
(a 2000s layout table's cells, a lede in its own cell, a list of facts), they agree on
it, while what only one of them reads is mostly furniture.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from l10n.articles.htmldom import (
    SOFT_HYPHEN,
    elements,
    markup_text,
    parse_fragment,
    text_content,
)


def story_filter(story: str) -> Callable[[str, bool], bool]:
    """Whether a block's plain text is the story's: it is one of the story's lines (its
    paragraphs), or at least 20 characters of the story's text, or at least half of it is
    made of the story's lines (a paragraph that trafilatura cut in two), or, for a table
    ``cell``, at least half of its runs of :data:`_RUN` words are in the story's text (a
    layout table's cell holding the story, which trafilatura reads as a table row: with
    other cells' text, without a sentence); and at least
    half of its words are words of the story not yet taken by the blocks before it (a
    page may hold a second copy of its story, in other markup: it is read once).

    The test uses up the story's words as it answers: call it once per block, in the
    page's order, or a later block finds its words taken."""
    lines = {loose(part.lstrip("-#> ")) for line in story.split("\n")
             for part in (line, *line.split("|"))}  # a table's row: "| cell | cell |"
    lines.discard("")
    whole = loose(story)
    long_lines = [line for line in lines if len(line) >= 20]
    budget = Counter(whole.split())
    runs = set(_runs(whole.split()))

    def keep(text: str, cell: bool = False) -> bool:
        text = loose(text)
        if not text:
            return False
        if not (text in lines or text.lstrip("-#> ") in lines  # "-12.99": lines lose "-"
                or (len(text) >= 20 and text in whole)):
            covered = sum(len(line) for line in long_lines if line in text)
            shared = _runs(text.split()) if cell else []
            if covered * 2 < len(text) and (not cell or len(shared) < _RUN
                                             or sum(r in runs for r in shared) * 2 < len(shared)):
                return False
        words = Counter(text.split())
        if sum((words & budget).values()) * 2 < sum(words.values()):
            return False  # the story's words were all taken: a second copy
        budget.subtract(words)
        return True

    return keep


_RUN = 6  # words in a run that a table cell and the story share


def _runs(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i:i + _RUN]) for i in range(len(words) - _RUN + 1)]


_RUBY_TEXT = ("rt", "rp", "rtc")


def plain(markup: str) -> str:
    """The text of a block's inline ``markup`` as the libraries read it: its text
    (:func:`~l10n.articles.htmldom.markup_text`) without ruby annotations (``<rt>``,
    ``<rp>``: the readings set small above a word, furigana in a Japanese page for
    children or learners, which trafilatura and readability-lxml leave out: with them,
    no block of such a page was the story's)."""
    if "<rt" not in markup and "<rp" not in markup:
        return markup_text(markup)
    nodes = [n for n in parse_fragment(markup, "div")
             if getattr(n, "tagName", "") not in _RUBY_TEXT]
    for element in elements(nodes):
        if element.tagName in _RUBY_TEXT and element.parentNode is not None:
            element.parentNode.removeChild(element)
    return re.sub(r"[ \t\n\r\f]+", " ", text_content(nodes)).strip()  # as markup_text


def letters(nodes: Sequence[Any]) -> int:
    """The letters and digits of the nodes' text, ruby annotations left out."""
    found = 0
    for node in nodes:
        if node.nodeType == node.TEXT_NODE:
            found += sum(c.isalnum() for c in node.data)
        elif node.nodeType == node.ELEMENT_NODE and node.tagName not in _RUBY_TEXT:
            found += letters(node.childNodes)
    return found


def loose(text: str) -> str:
    return " ".join(text.replace(SOFT_HYPHEN, "").split()).casefold()


def agreed(text: str) -> Callable[[str, bool], bool]:
    """Whether trafilatura favouring recall and readability-lxml both hold a block."""
    import trafilatura

    found = trafilatura.bare_extraction(
        text, include_comments=False, include_tables=True, include_images=False,
        favor_recall=True, deduplicate=False)
    wide = story_filter(getattr(found, "text", None) or "" if found is not None else "")
    other = story_filter(_readability(text))

    def keep(block: str, cell: bool = False) -> bool:
        return wide(block, cell) and other(block, cell)

    return keep


def held(text: str) -> Callable[[str, bool], bool]:
    """Whether readability-lxml's reading holds a block (the page is read once for this
    and :func:`agreed`)."""
    return story_filter(_readability(text))


_BLOCKS = ("p", "div", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "pre", "table", "tr", "ul", "ol", "dd", "dt", "figcaption", "br", "section",
           "article")


@lru_cache(maxsize=2)
def _readability(text: str) -> str:
    import lxml.html
    from readability import Document

    try:
        summary = Document(text).summary(html_partial=True)
    except Exception:  # readability's own failures (no candidate): nothing found
        return ""
    tree = lxml.html.fromstring(summary)
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    return "\n".join(" ".join(line.split()) for line in tree.text_content().split("\n"))


def by_head(test: Callable[[str, bool], bool] | None, heads: dict[str, str]) -> Any:
    """A library's test of a block, a paragraph put back together (``heads``:
    :func:`l10n.articles.inline.rejoin`) judged by its first half, which is what the
    library reads of it."""
    if test is None or not heads:
        return test

    def judged(text: str, cell: bool) -> bool:
        return test(heads.get(loose(text), text), cell)

    return judged
