"""The state's SQLite file: its schema, the check that it is this format, transactions,
and pruning. Unpruned, an archive that loses articles keeps their rows for ever
(deleting 550 of 600 articles left the file as large). A prune drops the ``file`` rows of
paths that are no longer regular files, with every fact under them, and the facts of
spans (``<span:kind>…``) that name as present a file that is gone (they can never replay
again); it compacts the file (``VACUUM``) when at least a quarter of its pages are free.

Nobody has to remember it: :meth:`~l10n.incremental.State.close` prunes after every
:data:`EVERY_WRITES` runs that committed rows (only a run that writes can have seen the
archive change), and ``l10n state prune`` does it at once, for scripts. A prune is never
wrong, only slower next time: a row it drops is a miss, and the file is read again.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass

FORMAT = "3"  # 3: the table of facts is called fact
SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE file (
    path TEXT PRIMARY KEY, ino INTEGER NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, digest TEXT NOT NULL,
    seen_ns INTEGER NOT NULL
);
CREATE TABLE fact (
    path TEXT NOT NULL, kind TEXT NOT NULL, digest TEXT NOT NULL, key TEXT NOT NULL,
    value TEXT NOT NULL, seen_ns INTEGER NOT NULL, PRIMARY KEY (path, kind)
);
"""
EVERY_WRITES = 8  # runs that committed rows between two automatic prunes
_FREE_SHARE = 0.25  # compact when this share of the file's pages is free
_GLOBAL_PREFIX = "<"  # facts named by something other than a file path


def prepare(db: sqlite3.Connection) -> None:
    """Check the file is a state of this format, intact (else raise
    :class:`sqlite3.DatabaseError`); an empty file gets the schema."""
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    if not tables:
        with transaction(db):
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        return
    if "meta" not in tables:
        raise sqlite3.DatabaseError("a SQLite database, not l10n's")
    found = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
    if found is None or found[0] != FORMAT:
        raise sqlite3.DatabaseError(f"format {found and found[0]}, this l10n's is {FORMAT}")


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:  # SQLite rolls back itself on some errors (a full disk)
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


@dataclass(frozen=True, slots=True)
class Pruned:
    """What a prune removed, and the state file's size before and after."""

    files: int
    facts: int
    bytes_before: int
    bytes_after: int
    compacted: bool


def _is_file(name: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(name).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:  # unreadable folder, name too long: not ours to judge, keep it
        return True


def _span_gone(value: str, is_file: Callable[[str], bool]) -> bool:
    """Whether a span fact names as present a file that is gone (or cannot be read)."""
    try:
        present = json.loads(value[: head_end(value)])["present"]
        return not all(is_file(os.path.join(folder, base))
                       for folder, names in present.items() for base in names)
    except (ValueError, KeyError, TypeError, AttributeError):
        return True  # not a span fact this code can read: it would never replay


def head_end(text: str) -> int:
    """Where a fact's first line ends (a span fact: its head, then one line per item)."""
    end = text.find("\n")
    return len(text) if end < 0 else end


def _size(path: str) -> int:
    total = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            total += os.path.getsize(path + suffix)
    return total


def prune(db: sqlite3.Connection, path: str) -> Pruned:
    """Drop the rows of files that are gone from ``db`` (the state file at ``path``) and
    compact it when enough is free; raises :class:`sqlite3.Error` (a cache to the caller)."""
    before = _size(path)
    # SQL-side, row by row (a span fact's value loaded only for span rows): nothing is held
    # for the whole table (fetching every value at 10,000 articles took 570 MB). Spans name
    # the same files again and again: their answers are kept for the prune (bounded).
    is_file = functools.lru_cache(maxsize=1 << 16)(_is_file)
    db.create_function("l10n_gone", 1, lambda name: not is_file(name))
    db.create_function("l10n_span_gone", 1, lambda value: _span_gone(value, is_file))
    with transaction(db):
        files = db.execute("DELETE FROM file WHERE l10n_gone(path)").rowcount
        facts = db.execute("DELETE FROM fact WHERE substr(path, 1, 1) != ? AND l10n_gone(path)",
                           (_GLOBAL_PREFIX,)).rowcount
        facts += db.execute("DELETE FROM fact WHERE substr(path, 1, 6) = '<span:' "
                            "AND l10n_span_gone(value)").rowcount
        db.execute("INSERT OR REPLACE INTO meta VALUES ('writes_since_prune', '0')")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    compacted = False
    if pages and free / pages >= _FREE_SHARE:
        db.execute("VACUUM")
        compacted = True
    with contextlib.suppress(sqlite3.Error):
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Pruned(files, facts, before, _size(path), compacted)


def count_write(db: sqlite3.Connection) -> bool:
    """Count a run that committed rows; whether it is time for an automatic prune."""
    row = db.execute("SELECT value FROM meta WHERE name = 'writes_since_prune'").fetchone()
    count = (int(row[0]) if row is not None and str(row[0]).isdigit() else 0) + 1
    db.execute("INSERT OR REPLACE INTO meta VALUES ('writes_since_prune', ?)", (str(count),))
    return count >= EVERY_WRITES
