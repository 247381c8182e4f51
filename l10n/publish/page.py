"""Localized builds: an article and its translations -> HTML and Markdown documents.

Pure functions: nothing here reads catalogs or writes files (:mod:`l10n.workflow.build`
does). This module turns an article and its translations into a :class:`Page`;
:mod:`l10n.publish.render` renders pages as HTML and Markdown. The rules a build follows:

* **Segments again.** Each translatable block is segmented again with
  :func:`l10n.text.segment.segment_block`; each segment is looked up *by its text* in
  ``translations``. The whitespace between segments is the source's.
* **Which translations.** Reviewed ones. Unreviewed ones (machine output, memory
  suggestions, any fuzzy entry) only with ``include_machine``; the page then says so
  visibly and in ``<meta name="translation-status" content="machine">``.
* **Fallback.** A segment without a usable translation keeps its source text, marked
  ``<span lang="en">`` (the source language) in HTML.
* **Coverage** counts distinct segment texts: reviewed, unreviewed (available, whether
  used or not), untranslated; ``reviewed_percent`` is what ``--min-reviewed`` gates on.
* **Escaping.** Templates autoescape. Text articles, titles and bylines are plain text.
  Inline Markdown of Markdown articles goes through markdown-it-py with raw HTML off
  (whose output escapes every ``<``); that output and sanitized raw HTML are the only
  text marked safe. Code of the source is never translated and is shown as text; raw
  HTML keeps its markup after :mod:`l10n.publish.sanitize` (never a script), its text in
  the page's language (:mod:`l10n.publish.rawhtml`). Table cells are segments like
  paragraphs, rebuilt as tables (in Markdown, a ``|`` in a cell is escaped).
* **Deterministic.** Same inputs, same bytes: no clock, no randomness, stable order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from l10n.articles.htmldom import markup_text
from l10n.articles.rawhtml import with_tag_attribute
from l10n.model import (
    ALT,
    ATTRIBUTE_KINDS,
    BYLINE,
    DESCRIPTION,
    HTML,
    HTML_TEXT,
    LINK_TITLE,
    TITLE,
    Article,
    Block,
)
from l10n.text.segment import segment_block

REVIEWED = "reviewed"
MACHINE = "machine"  # an unreviewed translation: machine output or any fuzzy entry
SOURCE = "source"  # no usable translation: the source text is shown
ORIGINAL = "original"  # the source-language page itself
SPACE = "space"  # the whitespace between two segments


@dataclass(frozen=True, slots=True)
class Translation:
    """A catalog's msgstr for one segment text, and whether a person reviewed it."""

    text: str
    reviewed: bool = True


@dataclass(frozen=True, slots=True)
class Piece:
    """A segment (or the whitespace between two) as the page shows it."""

    text: str
    status: str  # REVIEWED, MACHINE, SOURCE, ORIGINAL or SPACE


@dataclass(frozen=True, slots=True)
class LocalBlock:
    block: Block
    pieces: tuple[Piece, ...]
    # an HTML article's image alt texts and link titles in this block, translated:
    # (attribute, source value, translation); builds write them into the elements
    attributes: tuple[tuple[str, str, str], ...] = ()

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of an article a language has, over distinct segment texts."""

    total: int
    reviewed: int
    machine: int

    @property
    def untranslated(self) -> int:
        return self.total - self.reviewed - self.machine

    @property
    def reviewed_percent(self) -> float:
        return 100.0 if not self.total else round(100.0 * self.reviewed / self.total, 1)


@dataclass(frozen=True)
class Page:
    """An article in one language, ready to render."""

    article: Article
    lang: str
    blocks: tuple[LocalBlock, ...]
    coverage: Coverage
    used_machine: bool  # an unreviewed translation is shown
    source_ref: str = ""  # the source article as the project cites it

    @property
    def slug(self) -> str:
        return self.article.slug

    def _kind_text(self, kind: str) -> str | None:
        return next((b.text for b in self.blocks if b.block.kind == kind), None)

    @property
    def title(self) -> str:
        return self._kind_text(TITLE) or self.article.title

    @property
    def byline(self) -> str:
        return self._kind_text(BYLINE) or self.article.author or ""

    @property
    def description(self) -> str:
        """The page's summary in its language (the source's when not translated), as the
        article's format writes it (an HTML article's is markup); "" without one."""
        return self._kind_text(DESCRIPTION) or self.article.description or ""

    @property
    def source_shown(self) -> int:
        """How many distinct segment texts the page shows in the source language."""
        return len({p.text for b in self.blocks for p in b.pieces if p.status == SOURCE})

    @property
    def translated_percent(self) -> float:
        """The share of the article's distinct segment texts the page shows translated."""
        return translated_percent(self.coverage.total, self.source_shown)

    @property
    def translated(self) -> int:
        """How many segments of the page show a translation."""
        return sum(p.status in (REVIEWED, MACHINE) for b in self.blocks for p in b.pieces)


def translated_percent(total: int, source_shown: int) -> float:
    """The share of ``total`` segment texts not shown in the source language."""
    return 100.0 if not total else round(100.0 * (total - source_shown) / total, 1)


def localize(
    article: Article,
    lang: str,
    translations: Mapping[str, Translation],
    *,
    include_machine: bool = False,
    source_ref: str = "",
) -> Page:
    """The page of ``article`` in ``lang`` (the module's rules); ``lang`` equal to the
    article's language gives the original page."""
    original = lang == article.lang
    blocks: list[LocalBlock] = []
    seen: dict[str, str] = {}
    for block in article.blocks:
        if not block.translatable:
            blocks.append(LocalBlock(block, (Piece(block.text, ORIGINAL),)))
            continue
        pieces: list[Piece] = []
        cursor = 0
        for segment in segment_block(block):
            if segment.start > cursor:
                pieces.append(Piece(block.text[cursor : segment.start], SPACE))
            found = translations.get(segment.text)
            state = SOURCE if found is None else REVIEWED if found.reviewed else MACHINE
            seen.setdefault(segment.text, state)
            if original:
                pieces.append(Piece(segment.text, ORIGINAL))
            elif found is not None and (found.reviewed or include_machine):
                pieces.append(Piece(found.text, state))
            else:
                pieces.append(Piece(segment.text, SOURCE))
            cursor = segment.end
        if cursor < len(block.text):
            pieces.append(Piece(block.text[cursor:], SPACE))
        blocks.append(LocalBlock(block, tuple(pieces)))
    states = list(seen.values())
    coverage = (
        Coverage(len(states), len(states), 0)
        if original
        else Coverage(len(states), states.count(REVIEWED), states.count(MACHINE))
    )
    if article.format == "markdown" and not original:
        blocks = _with_link_titles(blocks)
    elif article.format == "html" and not original:
        blocks = _with_attributes(blocks)
    used = any(p.status == MACHINE for b in blocks for p in b.pieces)
    return Page(article, lang, tuple(blocks), coverage, used, source_ref)


def _with_attributes(blocks: list[LocalBlock]) -> list[LocalBlock]:
    """An HTML article's alt texts and link titles (blocks of their own after the block
    they are in), translated, on that block's :attr:`LocalBlock.attributes`."""
    body = -1
    for n, local in enumerate(blocks):
        kind = local.block.kind
        if kind not in ATTRIBUTE_KINDS:
            body = n
        elif kind in (ALT, LINK_TITLE) and body >= 0 and local.text != local.block.text:
            name = "alt" if kind == ALT else "title"
            target = blocks[body]
            found = (name, markup_text(local.block.text), markup_text(local.text))
            blocks[body] = LocalBlock(target.block, target.pieces, (*target.attributes, found))
    return blocks


def _replacement(fresh: str) -> Callable[[re.Match[str]], str]:
    return lambda match: match.group(1) + fresh


def _with_link_titles(blocks: list[LocalBlock]) -> list[LocalBlock]:
    """A Markdown link's or image's title is a block of its own (``link-title``, after
    the block it is in): its translation is written into that block's link, in every
    piece that holds the link as the source wrote it (the engines keep ``](url "title")``
    whole); so is the ``alt`` or ``title`` of an HTML tag in the block (``alt`` or
    ``link-title``), into the tags that say the source's. (Those of a raw HTML block
    are put in place with its text: :mod:`l10n.publish.rawhtml`.)"""
    body = -1
    for n, local in enumerate(blocks):
        if local.block.kind not in ATTRIBUTE_KINDS:
            body = n
            continue
        shown = local.text
        if local.block.kind not in (ALT, LINK_TITLE) or body < 0 or shown == local.block.text or (
                blocks[body].block.kind in (HTML_TEXT, HTML)):
            continue
        title = re.compile(r"(\]\([^\s()]*\s+)([\"'(])" + re.escape(local.block.text)
                           + r"([\"')])(?=\))")
        fresh = '"' + shown.replace("\\", "\\\\").replace('"', '\\"') + '"'
        name = "alt" if local.block.kind == ALT else "title"
        target = blocks[body]
        pieces = tuple(Piece(with_tag_attribute(
            title.sub(_replacement(fresh), p.text) if name == "title" else p.text,
            name, local.block.text, shown), p.status) for p in target.pieces)
        blocks[body] = LocalBlock(target.block, pieces)
    return blocks
