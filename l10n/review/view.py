"""What the review page shows of an article and its entries: plain data, no I/O.

An article page is built from the language's catalog, in the catalog's order (the
article's order: templates list sentences as they first occur, and merges keep it),
grouped into blocks by each entry's first block label (``title``, ``byline``,
``paragraph 3``...). The catalog is what a reviewer changes, so the page shows exactly
its entries; a sentence repeated in the article is one entry, shown where it first occurs.

Each entry carries what the reviewer needs at first sight: the source cut into pieces
around its glossary terms (with each term's target form and note), the translation, its
state and version (for saves), where the machine output or memory suggestion came from,
and for a source that changed since it was translated (``#| msgid``) a word diff of the
old and new source. What helps decide and costs a lookup (the engine's other hypotheses,
memory matches) is built on demand for one entry: :class:`EntryHelps`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from l10n.catalog import Entry, fingerprint
from l10n.catalog.counts import CatalogStatus
from l10n.memory import Match
from l10n.memory.nbest import Alternative
from l10n.model import Finding, TermMatch
from l10n.text.compare import word_diff


def entry_id(msgid: str) -> str:
    """A stable id for an entry (its ``data-entry``): 12 hex digits of its source."""
    return fingerprint(msgid)


@dataclass(frozen=True, slots=True)
class SourcePiece:
    """A run of the source text; a glossary term carries its target form and note."""

    text: str
    term: str = ""  # the term's source form ("" for plain text)
    target: str = ""
    note: str = ""
    keep: bool = False


@dataclass(frozen=True)
class EntryView:
    """One entry as the article page shows it."""

    id: str
    msgid: str
    msgstr: str
    state: str  # reviewed, machine, fuzzy, untranslated
    version: str
    source: tuple[SourcePiece, ...]
    origin: str = ""  # "argos translate-en_ko 1.1 · score -0.42", "memory: 92% from ..."
    changed: tuple[tuple[str, str], ...] = ()  # word diff of the previous source -> msgid
    line: int = 0
    comment: str = ""  # the translator comment (# lines)
    ignored: tuple[str, ...] = ()  # checks turned off for this entry (#, ignore-<check>)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "state": self.state, "version": self.version,
                "text": self.msgstr, "origin": self.origin, "comment": self.comment,
                "ignored": list(self.ignored)}


@dataclass(frozen=True)
class BlockView:
    """Consecutive entries of one block of the article (a paragraph, the title...)."""

    label: str  # "paragraph 3"
    kind: str  # "paragraph"
    entries: list[EntryView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MemoryMatchView:
    """A translation memory match and how its source differs from the entry's."""

    score: int  # percent, rounded down (a near match never shows as 100%)
    kind: str  # reviewed or machine
    origin: str
    source: str
    target: str
    diff: tuple[tuple[str, str], ...]
    adapted: bool = False  # numbers or markup of the match replaced by the entry's own


@dataclass(frozen=True)
class EntryHelps:
    """What helps decide one entry: the engine's other hypotheses and memory matches."""

    alternatives: tuple[Alternative, ...]
    matches: tuple[MemoryMatchView, ...]


@dataclass(frozen=True)
class CatalogRow:
    """One line of the dashboard: an article in a language."""

    lang: str
    slug: str
    title: str
    status: CatalogStatus
    errors: int
    warnings: int


@dataclass(frozen=True)
class ArticleView:
    """An article page: the catalog's entries in blocks, and the catalog's counts."""

    lang: str
    slug: str
    title: str
    catalog: str  # its path, as the project shows it
    exists: bool
    blocks: list[BlockView]
    status: CatalogStatus

    @property
    def entries(self) -> list[EntryView]:
        return [e for b in self.blocks for e in b.entries]


@dataclass(frozen=True)
class SaveResult:
    """What became of a save: ``saved``, ``unchanged``, ``conflict`` (the entry changed
    since the page showed it: ``entry`` is how it is now), ``missing`` or ``confirm``."""

    status: str
    entry: EntryView | None
    findings: tuple[Finding, ...] = ()
    counts: CatalogStatus | None = None


def source_pieces(text: str, matches: Sequence[TermMatch], lang: str) -> tuple[SourcePiece, ...]:
    """``text`` cut around its glossary terms (non-overlapping, by start)."""
    pieces: list[SourcePiece] = []
    cursor = 0
    for m in matches:
        if m.start < cursor:
            continue
        if m.start > cursor:
            pieces.append(SourcePiece(text[cursor : m.start]))
        target = m.term.form(lang, m.text) or ""
        pieces.append(SourcePiece(m.text, m.term.source, target, m.term.note, m.term.keep))
        cursor = m.end
    if cursor < len(text):
        pieces.append(SourcePiece(text[cursor:]))
    return tuple(pieces)


def origin(entry: Entry) -> str:
    """Where the translation came from, in a few words ("" for a person's own text)."""
    if entry.memory:
        return f"memory: {entry.memory}"
    prov = entry.provenance
    if prov is None or not entry.msgstr:
        return ""
    parts = [prov.model or prov.engine]
    if prov.score is not None:
        parts.append(f"score {prov.score:.2f}")
    if prov.sha and prov.sha != fingerprint(entry.msgstr):
        return f"edited from the output of {parts[0]}"
    if not entry.fuzzy:
        parts.append("accepted as it was")
    return " · ".join(parts)


def entry_view(entry: Entry, matches: Sequence[TermMatch], lang: str) -> EntryView:
    changed: tuple[tuple[str, str], ...] = ()
    if entry.previous_msgid is not None and entry.previous_msgid != entry.msgid:
        changed = tuple(word_diff(entry.previous_msgid, entry.msgid))
    return EntryView(
        id=entry_id(entry.msgid),
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        state=entry.state,
        version=entry.version,
        source=source_pieces(entry.msgid, matches, lang),
        origin=origin(entry),
        changed=changed,
        line=entry.line,
        comment=entry.translator_comment,
        ignored=tuple(f.removeprefix("ignore-") for f in entry.flags if f.startswith("ignore-")),
    )


def group_blocks(views: Sequence[EntryView], labels: Sequence[str]) -> list[BlockView]:
    """Consecutive entries with the same block label form one block."""
    blocks: list[BlockView] = []
    for view, label in zip(views, labels, strict=True):
        if not blocks or blocks[-1].label != label:
            kind = label.rsplit(" ", 1)[0] if label[-1:].isdigit() else label
            blocks.append(BlockView(label, kind or "paragraph"))
        blocks[-1].entries.append(view)
    return blocks


def memory_matches(msgid: str, found: Sequence[Match]) -> tuple[MemoryMatchView, ...]:
    """Memory matches as the reviewer sees them; the machine unit of this very source
    (the engine's output, already in the editor) is left out."""
    views = []
    for match in found:
        unit = match.unit
        if unit.source_text == msgid and unit.kind == "machine":
            continue
        adapted = adapt(unit.source_text, msgid, unit.target_text)
        views.append(MemoryMatchView(
            math.floor(match.score * 100), unit.kind, unit.origin or unit.engine, unit.source_text,
            adapted or unit.target_text, tuple(word_diff(unit.source_text, msgid)),
            adapted is not None,
        ))
    return tuple(views)


# What a CAT tool replaces in a match: numbers, tags, placeholders, Markdown links.
_PLACEABLE = re.compile(
    r"<[^<>]+>|\{[^{}\s]*\}|%\([A-Za-z_]\w*\)[sd]|%[sd]|\]\([^()\s]+\)|\d+(?:[.,]\d+)*")


def adapt(match_source: str, source: str, target: str) -> str | None:
    """``target`` (the translation of ``match_source``) made the translation of
    ``source``, when the two sources differ only in numbers or markup and each differing
    one occurs exactly once in ``target``; None otherwise (nothing to adapt, or unsafe)."""
    old, new = _PLACEABLE.findall(match_source), _PLACEABLE.findall(source)
    if old == new or len(old) != len(new):
        return None
    if _PLACEABLE.sub("\0", match_source) != _PLACEABLE.sub("\0", source):
        return None  # the words differ too
    spans = []
    for was, now in zip(old, new, strict=True):
        if was == now:
            continue
        found = [m.span() for m in re.finditer(rf"(?<![\d.,]){re.escape(was)}(?![\d]|[.,]\d)",
                                                target)]
        if len(found) != 1 or old.count(was) != 1:
            return None
        spans.append((*found[0], now))
    for start, end, now in sorted(spans, reverse=True):
        target = target[:start] + now + target[end:]
    return target


def finding_json(finding: Finding, msgid: str, text: str) -> dict[str, Any]:
    """A finding for the page: spans as offsets in JavaScript's UTF-16 code units."""
    return {
        "check": finding.check,
        "severity": str(finding.severity),
        "message": finding.message,
        "span": utf16_span(text, finding.span),
        "source_span": utf16_span(msgid, finding.source_span),
    }


def utf16_span(text: str, span: tuple[int, int] | None) -> list[int] | None:
    """``span`` (Python offsets: code points) as offsets into the UTF-16 string a browser
    holds (a character outside the BMP, an emoji, counts 2 there)."""
    if span is None:
        return None
    start, end = span

    def units(n: int) -> int:
        return n + sum(1 for ch in text[:n] if ord(ch) > 0xFFFF)

    return [units(start), units(end)]


__all__ = [
    "ArticleView",
    "BlockView",
    "CatalogRow",
    "SaveResult",
    "EntryHelps",
    "EntryView",
    "MemoryMatchView",
    "SourcePiece",
    "entry_id",
    "entry_view",
    "finding_json",
    "group_blocks",
    "memory_matches",
    "source_pieces",
]
