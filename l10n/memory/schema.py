"""The translation memory's SQLite schema, its version, its migrations, and the SQL
lookups share.

Version 2 added the ``alternative`` table: an engine's other hypotheses for a source text
(the review page offers them). Version 3 added the ``history``
table (:mod:`l10n.memory.history`) and a trigram index of the units' targets (search). A
memory of an older version is upgraded in place when it is opened, in one transaction;
its units are kept as they are.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from l10n.memory.history import HISTORY

SCHEMA_VERSION = 3

ALTERNATIVES = """
CREATE TABLE alternative (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_text TEXT NOT NULL,
    rank INTEGER NOT NULL,
    target_text TEXT NOT NULL,
    score REAL,
    engine TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    PRIMARY KEY (source_lang, target_lang, source_text, rank)
);
"""

TARGETS = """
CREATE VIRTUAL TABLE unit_target_fts USING fts5 (
    target_text, content = 'unit', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER unit_target_ai AFTER INSERT ON unit BEGIN
    INSERT INTO unit_target_fts (rowid, target_text) VALUES (new.id, new.target_text);
END;
CREATE TRIGGER unit_target_ad AFTER DELETE ON unit BEGIN
    INSERT INTO unit_target_fts (unit_target_fts, rowid, target_text)
        VALUES ('delete', old.id, old.target_text);
END;
CREATE TRIGGER unit_target_au AFTER UPDATE OF target_text ON unit BEGIN
    INSERT INTO unit_target_fts (unit_target_fts, rowid, target_text)
        VALUES ('delete', old.id, old.target_text);
    INSERT INTO unit_target_fts (rowid, target_text) VALUES (new.id, new.target_text);
END;
"""

# What turns a memory of version N into version N + 1.
MIGRATIONS = {
    1: ALTERNATIVES,
    2: HISTORY + TARGETS + "INSERT INTO unit_target_fts (unit_target_fts) VALUES ('rebuild');",
}

SCHEMA = ALTERNATIVES + HISTORY + """
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
""" + TARGETS

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


def upgrade(db: sqlite3.Connection, version: int) -> None:
    """Create the schema in an empty file (``version`` 0), or bring a memory of ``version``
    to :data:`SCHEMA_VERSION`; inside the caller's transaction."""
    steps = [SCHEMA] if version == 0 else [MIGRATIONS[v] for v in range(version, SCHEMA_VERSION)]
    for script in steps:
        for statement in statements(script):
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def statements(script: str) -> Iterator[str]:
    """The SQL statements of ``script`` (triggers hold ``;`` inside their body)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
