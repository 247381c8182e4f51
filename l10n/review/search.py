"""The review page's search: one query over the sources and translations of every
article and language of a review, and the translation memory.

The catalogs are indexed in an in-memory SQLite FTS5 table (``trigram`` tokenizer: any
script, substrings, case-insensitive), kept per catalog and rebuilt only for a catalog
that changed on disk (the session hands out one ``Catalog`` object per file stamp). A
query of three characters or more uses the index; a shorter one is a plain substring scan.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from l10n.catalog import Catalog
from l10n.memory import Memory
from l10n.memory.search import fts_phrase
from l10n.memory.units import Unit
from l10n.review.view import entry_id

Pieces = tuple[tuple[bool, str], ...]  # (is a match, text)


@dataclass(frozen=True)
class EntryHit:
    lang: str
    slug: str
    title: str
    id: str
    source: Pieces
    target: Pieces
    state: str


@dataclass(frozen=True)
class UnitHit:
    lang: str
    kind: str
    origin: str
    source: Pieces
    target: Pieces


@dataclass(frozen=True)
class SearchResult:
    query: str
    entries: tuple[EntryHit, ...]
    units: tuple[UnitHit, ...]


def pieces(text: str, query: str) -> Pieces:
    """``text`` cut around each case-insensitive occurrence of ``query``."""
    if not query:
        return ((False, text),)
    low, q = text.casefold(), query.casefold()
    found: list[tuple[bool, str]] = []
    at = 0
    while (i := low.find(q, at)) >= 0 and len(low) == len(text):
        found += [(False, text[at:i]), (True, text[i : i + len(q)])]
        at = i + len(q)
    found.append((False, text[at:]))
    return tuple(p for p in found if p[1])


class CatalogIndex:
    """Every entry of the review's catalogs, searchable (see the module)."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("CREATE VIRTUAL TABLE seg USING fts5 (lang UNINDEXED, slug UNINDEXED,"
                         " id UNINDEXED, state UNINDEXED, source, target, tokenize = 'trigram')")
        self._kept: dict[tuple[str, str], Catalog] = {}
        self._lock = threading.Lock()

    def refresh(self, lang: str, slug: str, catalog: Catalog | None) -> None:
        key = (lang, slug)
        if catalog is not None and self._kept.get(key) is catalog:
            return
        with self._lock, self._db:
            self._db.execute("DELETE FROM seg WHERE lang = ? AND slug = ?", key)
            if catalog is not None:
                self._db.executemany(
                    "INSERT INTO seg VALUES (?, ?, ?, ?, ?, ?)",
                    [(lang, slug, entry_id(e.msgid), e.state, e.msgid, e.msgstr)
                     for e in catalog.entries()])
                self._kept[key] = catalog
            else:
                self._kept.pop(key, None)

    def find(self, query: str, limit: int) -> list[tuple[str, str, str, str, str, str]]:
        params: tuple[object, ...]
        if len(query) >= 3:
            sql, params = "SELECT * FROM seg WHERE seg MATCH ? LIMIT ?", (
                "{source target}: " + fts_phrase(query), limit)
        else:
            sql, params = ("SELECT * FROM seg WHERE instr(lower(source), ?) OR "
                           "instr(lower(target), ?) LIMIT ?", (query.lower(), query.lower(), limit))
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())


def search(
    index: CatalogIndex, query: str, catalogs: Sequence[tuple[str, str, str]],
    catalog_of: Callable[[str, str], Catalog | None], memory: Memory | None,
    limit: int = 100,
) -> SearchResult:
    """Entries of ``catalogs`` ((lang, slug, title), each read by ``catalog_of``) and
    units of ``memory`` whose source or translation contains ``query``."""
    query = query.strip()
    if not query:
        return SearchResult(query, (), ())
    titles = {}
    for lang, slug, title in catalogs:
        index.refresh(lang, slug, catalog_of(lang, slug))
        titles[lang, slug] = title
    hits = tuple(
        EntryHit(lang, slug, titles.get((lang, slug), slug), ident, pieces(source, query),
                 pieces(target, query), state)
        for lang, slug, ident, state, source, target in index.find(query, limit)
        if (lang, slug) in titles
    )
    units: list[Unit] = memory.search(query, limit=limit) if memory is not None else []
    return SearchResult(query, hits, tuple(
        UnitHit(u.target_lang, u.kind, u.origin or u.engine, pieces(u.source_text, query),
                pieces(u.target_text, query)) for u in units))


__all__ = ["CatalogIndex", "EntryHit", "SearchResult", "UnitHit", "pieces", "search"]
