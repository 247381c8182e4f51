"""Lines in the story that point the reader to another story: ``Read more: <a>Looted
colonial art: Germany to set up new contact office</a>``, ``Lea también: <a>...</a>``.

A news site sets them between the story's paragraphs, in the story's element and in the
story's shape, so the extraction libraries read them as paragraphs of it (trafilatura's
evaluation set annotates them as boilerplate). Such a line is a short label ending in a
colon (:data:`_LABEL_WORDS` words or fewer: "Read more", "Also read", "Related") and then
one link, a headline of :data:`_HEADLINE_WORDS` words or more, with nothing after it but
punctuation: the headline of another page, not a sentence of this one
(:func:`pointer_lines`). A sentence with a link in it ("Read the full report: <a>...</a>
published by the ministry on Monday") goes on after its link and is read.
"""

from __future__ import annotations

from typing import Any

from l10n.articles.furniture import permalink
from l10n.articles.htmldom import elements, text_content
from l10n.model import PARAGRAPH, Block

_LABEL_WORDS = 4
_HEADLINE_WORDS = 3
_COLONS = (":", "\uff1a")


def pointer_line(text: str, place: Any) -> bool:
    """Whether a block (its plain ``text``, its ``place`` in the page) is a label, a colon
    and one link to another page that ends it (module docstring)."""
    links = [a for a in elements(place.nodes) if a.tagName == "a" and not permalink(a)]
    if len(links) != 1:
        return False
    headline = " ".join(text_content(links[0].childNodes).split())
    line = " ".join(text.split())
    at = line.rfind(headline) if headline else -1
    if at < 0 or len(headline.split()) < _HEADLINE_WORDS:
        return False
    label, after = line[:at].strip(), line[at + len(headline):].strip()
    return (label.endswith(_COLONS) and 0 < len(label.split()) <= _LABEL_WORDS
            and not any(c.isalnum() for c in after))


def pointer_lines(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Takes the story's paragraphs that point to another story out of ``chosen``."""
    for n, (block, place) in enumerate(body):
        if chosen[n] and block.kind == PARAGRAPH and place.parent is not None and (
                pointer_line(texts[n], place)):
            chosen[n] = False
