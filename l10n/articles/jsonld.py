"""A story only in the page's JSON-LD ``articleBody``: a page its scripts render.

A site built as a script application (a Vue or React page: South China Morning Post's)
may serve its story only as data, in the scripts that render it and in the
``schema.org`` ``NewsArticle`` it gives search engines as JSON-LD (``<script
type="application/ld+json">``, ``articleBody``): a browser renders the story, while the
page's HTML holds only its furniture (a caption, the author's biography). Where the
longest ``articleBody`` of the page's JSON-LD (in an item, a list or a ``@graph``) holds
more than twice the words of the story read from the HTML (and 40 words or more), the
story is read from it (:func:`ld_story`; a how-to page's ``HowTo`` gives its description
and its steps' texts): its lines are paragraphs (markup in it, which
some sites write, read as a browser shows it: a ``<p>`` or ``<br>`` ends a line, tags
are dropped), after the page's ``<h1>`` if it has one.

The ``.article.html`` build cannot put their translation where the reader sees it (the
page's scripts render the story from their own data); the templated ``.html`` and
``.md`` builds hold it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from l10n.articles.htmldom import HtmlDocument, escape_text, markup_text, text_content
from l10n.articles.story import Place
from l10n.model import HEADING, PARAGRAPH, Block

_MIN_WORDS = 40
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li)\b[^>]*>", re.IGNORECASE)


def ld_story(document: HtmlDocument, body: Sequence[tuple[Block, Any]],
             read_words: int) -> list[tuple[Block, Any]] | None:
    """The story's blocks from the page's JSON-LD ``articleBody`` (the module's rule), or
    None; ``body``: the blocks read from the HTML (its ``<h1>`` is kept)."""
    best, script = "", None
    for element in document.dom.getElementsByTagName("script"):
        if element.getAttribute("type").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(text_content(element.childNodes))
        except ValueError:
            continue
        for text in _bodies(data):
            if len(text.split()) > len(best.split()):
                best, script = text, element
    words = len(best.split())
    if script is None or words < _MIN_WORDS or words <= 2 * read_words:
        return None
    line = document.line(script)
    lines = _BREAK.sub("\n", best).split("\n") if "<" in best else best.split("\n")
    blocks = [(Block(0, PARAGRAPH, escape_text(text), line), Place())
              for text in (markup_text(x) if "<" in best else " ".join(x.split())
                           for x in lines) if text]
    title = [pair for pair in body if pair[0].kind == HEADING and pair[0].level == 1][:1]
    return [*title, *blocks]


def _bodies(data: Any) -> list[str]:
    """Every ``articleBody`` string in JSON-LD data (items, lists, ``@graph``), and the
    text of every ``HowTo`` (its description, its steps)."""
    if isinstance(data, list):
        return [text for item in data for text in _bodies(item)]
    if not isinstance(data, dict):
        return []
    found = [data["articleBody"]] if isinstance(data.get("articleBody"), str) else []
    if data.get("@type") == "HowTo":  # a how-to: its description and its steps' texts
        found.append("\n".join(text for text in (data.get("description"), *(
            _direction(step) for step in _items(data.get("step")))) if isinstance(text, str)))
    return found + _bodies(data.get("@graph"))


def _items(data: Any) -> list[Any]:
    return data if isinstance(data, list) else [data] if data else []


def _direction(step: Any) -> str:
    """A ``HowToStep``'s text, or the texts of its ``itemListElement`` directions."""
    if not isinstance(step, dict):
        return step if isinstance(step, str) else ""
    if isinstance(step.get("text"), str):
        return str(step["text"])
    return "\n".join(_direction(item) for item in _items(step.get("itemListElement")))
