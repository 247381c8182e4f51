"""An engine's other hypotheses for a source text (table ``alternative`` of the memory).

``l10n translate`` keeps the hypotheses it did not choose (:mod:`l10n.engines.enforce`);
the review page offers them to the reviewer next to the machine output. They are not
translation units: lookups, TMX export and statistics never see them. One set per
source text and language pair, the latest run's; ranks from 1, best first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from l10n.memory.units import lang_code, now
from l10n.model import Hypothesis


@dataclass(frozen=True, slots=True)
class Alternative:
    """One hypothesis an engine gave and l10n did not choose."""

    text: str
    score: float | None
    rank: int  # 1 = the best of the alternatives
    engine: str
    model: str
    created: str


def replace(
    db: sqlite3.Connection,
    text: str,
    source: str,
    target: str,
    found: Sequence[Hypothesis],
    engine: str,
    model: str,
) -> None:
    """Store ``found`` as the alternatives of ``text`` (none: forget the old ones)."""
    key = (lang_code(source), lang_code(target), text)
    db.execute(
        "DELETE FROM alternative WHERE source_lang = ? AND target_lang = ? AND source_text = ?",
        key,
    )
    created = now()
    db.executemany(
        "INSERT INTO alternative (source_lang, target_lang, source_text, rank, target_text,"
        " score, engine, model, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*key, rank, h.text, h.score, engine, model, created)
         for rank, h in enumerate(found, start=1)],
    )


def find(db: sqlite3.Connection, text: str, source: str, target: str) -> list[Alternative]:
    """The alternatives stored for ``text``, best first."""
    rows = db.execute(
        "SELECT target_text, score, rank, engine, model, created FROM alternative"
        " WHERE source_lang = ? AND target_lang = ? AND source_text = ? ORDER BY rank",
        (lang_code(source), lang_code(target), text),
    ).fetchall()
    return [Alternative(*row) for row in rows]
