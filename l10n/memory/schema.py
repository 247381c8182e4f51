"""The translation memory's SQLite schema, its version, and the SQL lookups share."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_base TEXT NOT NULL,
    target_base TEXT NOT NULL,
    source_text TEXT NOT NULL,
    target_text TEXT NOT NULL,
    source_len INTEGER NOT NULL,
    origin TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('reviewed', 'machine')),
    engine TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (source_lang, target_lang, source_text, target_text)
);
CREATE UNIQUE INDEX unit_machine ON unit (source_lang, target_lang, source_text)
    WHERE kind = 'machine';
CREATE INDEX unit_source ON unit (source_text, target_base);
CREATE VIRTUAL TABLE unit_fts USING fts5 (
    source_text, content = 'unit', content_rowid = 'id', tokenize = 'trigram'
);
CREATE VIRTUAL TABLE unit_vocab USING fts5vocab (unit_fts, 'row');
CREATE TRIGGER unit_ai AFTER INSERT ON unit BEGIN
    INSERT INTO unit_fts (rowid, source_text) VALUES (new.id, new.source_text);
END;
CREATE TRIGGER unit_ad AFTER DELETE ON unit BEGIN
    INSERT INTO unit_fts (unit_fts, rowid, source_text) VALUES ('delete', old.id, old.source_text);
END;
CREATE TRIGGER unit_au AFTER UPDATE OF source_text ON unit BEGIN
    INSERT INTO unit_fts (unit_fts, rowid, source_text) VALUES ('delete', old.id, old.source_text);
    INSERT INTO unit_fts (rowid, source_text) VALUES (new.id, new.source_text);
END;
"""

COLUMNS = (
    "id, source_lang, target_lang, source_text, target_text, origin, kind, engine, model, "
    "created, updated"
)
LANGS = (
    "unit.source_base = :sb AND unit.target_base = :tb"
    " AND (:sc = :sb OR unit.source_lang IN (:sc, :sb))"
    " AND (:tc = :tb OR unit.target_lang IN (:tc, :tb))"
)
BEST_FIRST = "(unit.kind = 'reviewed') DESC, (unit.target_lang = :tc) DESC, updated DESC, id DESC"


def statements(script: str) -> Iterator[str]:
    """The SQL statements of ``script`` (triggers hold ``;`` inside their body)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
