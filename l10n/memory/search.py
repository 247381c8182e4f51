"""Finding units by a word or a phrase in their source or their translation (the review
page's search box and concordance).

Both texts have a trigram FTS5 index (``unit_fts``, ``unit_target_fts``), which answers a
substring query of three characters or more in any script, without word splitting
(Korean, Japanese, Chinese included); shorter queries fall back to ``instr`` over the units.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from l10n.memory.schema import COLUMNS
from l10n.memory.units import Unit, lang_code


def fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase (quotes doubled: no operator of the user's is read)."""
    return '"' + text.replace('"', '""') + '"'


def find_units(
    db: sqlite3.Connection, query: str, *, target: str | None = None,
    sources_only: bool = False, limit: int = 50,
) -> list[Unit]:
    """Units whose source (or translation, unless ``sources_only``) contains ``query``,
    case-insensitively; reviewed first, then the most recent."""
    query = query.strip()
    if not query:
        return []
    cols = ", ".join(f"unit.{c.strip()}" for c in COLUMNS.split(","))
    params: dict[str, object] = {"q": fts_phrase(query), "raw": query.casefold(),
                                 "limit": limit}
    where = ""
    if target is not None:
        where = " AND (unit.target_lang = :tl OR unit.target_base = :tl)"
        params["tl"] = lang_code(target)
    if len(query) >= 3:
        found = ("unit.id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH :q)"
                 if sources_only else
                 "(unit.id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH :q)"
                 " OR unit.id IN (SELECT rowid FROM unit_target_fts"
                 " WHERE unit_target_fts MATCH :q))")
    else:
        found = ("instr(lower(unit.source_text), :raw)" if sources_only else
                 "(instr(lower(unit.source_text), :raw) OR instr(lower(unit.target_text), :raw))")
    rows = db.execute(
        f"SELECT {cols} FROM unit WHERE {found}{where}"
        " ORDER BY (unit.kind = 'reviewed') DESC, unit.updated DESC, unit.id DESC LIMIT :limit",
        params,
    ).fetchall()
    return [Unit(*row) for row in rows]


def list_units(
    db: sqlite3.Connection, source: str | None = None, target: str | Sequence[str] | None = None
) -> list[Unit]:
    """Every unit (of the given languages), ordered by languages, source and age."""
    clauses, params = [], []
    if source is not None:
        clauses.append("(source_lang = ? OR source_base = ?)")
        params += [lang_code(source), lang_code(source)]
    if target is not None:
        wanted = [target] if isinstance(target, str) else list(target)
        parts = ["(target_lang = ? OR target_base = ?)"] * len(wanted)
        clauses.append("(" + " OR ".join(parts) + ")")
        for code in wanted:
            params += [lang_code(code), lang_code(code)]
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = db.execute(
        f"SELECT {COLUMNS} FROM unit{where}"
        " ORDER BY source_lang, target_lang, source_text, created, id",
        params,
    ).fetchall()
    return [Unit(*row) for row in rows]


__all__ = ["find_units", "fts_phrase", "list_units"]
