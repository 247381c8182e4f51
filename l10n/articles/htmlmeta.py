"""The page's metadata: its language, date, description and title from ``<head>``
(the rules are :mod:`l10n.articles.html`'s docstring's)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from l10n.articles.density import SENTENCE_ENDS
from l10n.articles.htmldom import HtmlDocument, escape_text, markup_text, text_content
from l10n.articles.story import TEXT, Place
from l10n.errors import ArticleError, L10nWarning, LanguageError
from l10n.lang import base_language, validate_language
from l10n.model import ATTRIBUTE_KINDS, DESCRIPTION, PAGE_TITLE, TITLE, Block

if TYPE_CHECKING:
    from xml.dom.minidom import Element, Node


def page_lang(document: HtmlDocument, default: str) -> str:
    """``<html lang>`` if it is a valid code other than a form of ``default``."""
    html = document.dom.documentElement
    value = html.getAttribute("lang").strip() if html is not None else ""
    if not value:
        return default
    try:
        code = validate_language(value)
    except LanguageError:
        return default  # as a browser: an invalid language tag is an unknown language
    return default if base_language(code) == base_language(default) else code


def published(document: HtmlDocument) -> datetime | None:
    found = meta(document.dom, "property", "article:published_time") or meta(
        document.dom, "itemprop", "datepublished"
    )
    return iso(found.getAttribute("content")) if found is not None else None


def iso(value: str) -> datetime | None:
    """An ISO 8601 date or date-time (``Z`` for UTC), or None."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None

def metas(dom: Node, attr: str, value: str) -> list[Element]:
    """The ``<meta>`` elements whose ``attr`` is ``value`` (case-insensitive)."""
    return [found for found in dom.getElementsByTagName("meta")  # type: ignore[attr-defined]
            if found.getAttribute(attr).strip().lower() == value]


def meta(dom: Node, attr: str, value: str) -> Element | None:
    found = metas(dom, attr, value)
    return found[0] if found else None


def description_block(document: HtmlDocument, story: Sequence[Block] = ()) -> tuple[
        Block, Place] | None:
    """The page's description (its summary in search results and link previews): one
    block, whose place is every description ``<meta>`` that holds the same text; without
    a last sentence the site cut short when it opens a paragraph of the ``story``
    (:func:`_whole_sentences`)."""
    found = [m for attr, value in _DESCRIPTIONS for m in metas(document.dom, attr, value)]
    texts = [" ".join(m.getAttribute("content").split()) for m in found]
    first = next((t for t in texts if t), "")
    if not first:
        return None
    same = tuple(m for m, t in zip(found, texts, strict=True) if t == first)
    return (Block(0, DESCRIPTION, escape_text(_whole_sentences(first, story)),
                  document.line(same[0])), Place(meta=same))


_ENDS = (*SENTENCE_ENDS, "\u2026")  # a sentence's last character, or an ellipsis
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")


def _whole_sentences(text: str, story: Sequence[Block]) -> str:
    """``text`` (a description) without its last sentence when the site cut it short: a
    copy of the story's opening cut at a length ("... Los Angeles police said. Barton,"),
    whose last words, after a sentence end, are how one of the story's paragraphs starts
    ("Barton, 21, best known for ..."): the description ends with its whole sentences, a
    translation has no fragment to translate. Any other description is kept whole."""
    if text.endswith(_ENDS):
        return text
    starts: list[str] | None = None
    for end in reversed(list(_SENTENCE_END.finditer(text))):
        if starts is None:
            starts = [" ".join(markup_text(b.text).split()).casefold() + " " for b in story
                      if b.translatable and b.kind not in ATTRIBUTE_KINDS]
        tail = " ".join(text[end.end():].split()).casefold() + " "
        if any(start.startswith(tail) and start != tail for start in starts):
            return text[:end.end()].rstrip()
    return text


_DESCRIPTIONS = (("name", "description"), ("property", "og:description"),
                 ("name", "twitter:description"), ("property", "twitter:description"))


def _first(node: Node, tag: str) -> Element | None:
    found = node.getElementsByTagName(tag)  # type: ignore[attr-defined]
    return found[0] if found else None


_FALLBACK = 120  # characters of a fallback title at most


def head_title(
    path: Path, document: HtmlDocument, head: list[tuple[Block, Place]], found: str,
    first: Block | None = None,
) -> str:
    """The title from og:title or <title> (the story has no <h1>), else the one
    trafilatura ``found``, else (with a warning, as for a Markdown post with none) the
    first line of the story's ``first`` block, which stays in the body; adds its block."""
    og = meta(document.dom, "property", "og:title")
    if og is not None and og.getAttribute("content").strip():
        text, line = " ".join(og.getAttribute("content").split()), document.line(og)
    else:
        element = _first(document.dom, "title")
        text = " ".join(text_content(element.childNodes).split()) if element is not None else ""
        line = document.line(element) if element is not None else 1
    text = text or " ".join(found.split())
    if not text and first is not None:
        text = " ".join(markup_text(first.text).split("\n")[0].split())[:_FALLBACK]
        line = first.line
        warnings.warn(L10nWarning(
            "the page has no title: the first line of its text is the title", path=path,
            line=line, hint="give it an <h1>, a <title> or <meta property=\"og:title\">"),
            stacklevel=3)
    if not text:
        raise ArticleError("the article has no title", path=path, line=1,
                           hint="give it an <h1>, a <title> or <meta property=\"og:title\">")
    head.append((Block(0, TITLE, escape_text(text), line), Place()))
    return text


def page_title_block(document: HtmlDocument, title: str) -> tuple[Block, Place] | None:
    """The page's ``<title>`` (its browser tab, search results) when it does not hold the
    article's ``title`` (a build writes the title's translation into one that does): a
    block of its own, translated in place; none when the ``<title>`` is only the site's
    name (``og:site_name``)."""
    element = _first(document.dom, "title")
    if element is None:
        return None
    text = " ".join(text_content(element.childNodes).split())
    site = meta(document.dom, "property", "og:site_name")
    if not any(c.isalpha() for c in text) or holds_title(text, title) or (
            site is not None and loose_text(site.getAttribute("content")) == loose_text(text)):
        return None
    return (Block(0, PAGE_TITLE, escape_text(text), document.line(element)),
            Place(meta=(element,), attribute=TEXT))


def holds_title(text: str, title: str) -> bool:
    """Whether ``text`` (a ``<title>``) holds ``title``, as people read them."""
    return bool(loose_text(title)) and loose_text(title) in loose_text(text)


def loose_text(text: str) -> str:
    """``text`` compared as people read it: spaces squeezed, curly quotes straight."""
    return " ".join(text.split()).translate(_STRAIGHT)


_STRAIGHT = str.maketrans("‘’‚“”„", "\'\'\'\"\"\"")
