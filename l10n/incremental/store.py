"""The project's state file, ``.l10n/state.sqlite``: what a run needs to decide that
nothing changed, without reading what did not change. Two tables:

* ``file``: per file l10n reads or writes, its :class:`~l10n.incremental.stamps.Stamp`,
  the digest of its bytes, and when (the file system's clock) it was recorded;
* ``fact``: per file and kind, a fact derived from the file's content (an article's slug,
  a catalog's counts or findings, a page's inputs), valid only for that content digest
  and the key it was recorded with; the key names everything else the fact depends on
  (:mod:`~l10n.incremental.keys`): a different key is a miss.

The state is a cache, never the truth: a missing file is an empty state; one that is not
a database of this format, is corrupt, or fails mid-run is deleted and rebuilt from the
files (every lookup misses), with a warning naming it; one SQLite cannot open is left
alone (a warning: the run keeps no state). Rows are written in batches, a transaction
each: a killed run keeps only whole batches, each true of the files then. SQLite, not a manifest: a
changed article rewrites a few rows, not a file of 10,000 articles' facts; lookups are by
key (nothing held for the archive); a kill cannot tear it; the memory already uses it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n.errors import L10nWarning
from l10n.incremental.database import Pruned, count_write, prepare, prune, transaction
from l10n.incremental.stamps import Stamp, digest_bytes, fs_tick, stamp_of

STATE_FILE = "state.sqlite"
CLOCK_FILE = "state.clock"  # touched at each commit: the file system's clock
BATCH = 2000  # rows per transaction
BATCH_BYTES = 1 << 20  # or fewer, once their facts hold this much text (a span's findings)
_AHEAD_QUERY = 500  # names per query of prefetch() (SQLite allows 32,766 parameters)


@dataclass
class Ledger:
    """What the state vouched for in a span's pass: each file's stamp (None: absent), and
    whether the pass did no more than ask the state."""

    files: dict[str, tuple[int, int, int, int] | None] = field(default_factory=dict)
    clean: bool = True

    def unclean(self) -> None:
        """The pass did more than ask the state (a file read or written, a miss)."""
        self.clean = False


@dataclass(frozen=True, slots=True)
class Known:
    """A file as the state knows it: its stamp now, and its digest when the recorded
    stamp is the same and trusted (None: read the file)."""

    stamp: Stamp | None
    digest: str | None


def _name(path: Path | str) -> str:
    return path if isinstance(path, str) else os.path.abspath(path)  # a str is one already


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


class State:
    """``with State(folder)``: the project's state file in ``folder`` (``.l10n``), created or
    rebuilt as needed; ``State(None)`` knows and records nothing. During a span's pass,
    its ``ledger`` is told what the state answered."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.path = None if folder is None else folder / STATE_FILE
        self._db: sqlite3.Connection | None = None
        self._files: dict[str, tuple[int, int, int, int, str] | None] = {}
        self._facts: dict[tuple[str, str], tuple[str, str, str, int]] = {}
        self._pending = 0  # characters of the facts not yet committed
        # rows read ahead by prefetch(): file rows, fact rows, and the names they cover
        self._ahead_files: dict[str, tuple[Any, ...] | None] = {}  # None: no row
        self._ahead_facts: dict[tuple[str, str], tuple[Any, ...]] = {}
        self._ahead_kinds: set[str] = set()  # the kinds of fact read ahead
        self._kinds: set[str] = set()  # the kinds of fact this run has looked up
        self.ledger: Ledger | None = None  # the pass watched now, if any
        self._wrote = False  # rows committed by this run (an automatic prune counts them)
        self._told = False  # said that the file cannot be written
        if folder is not None:
            self._connect()

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ the database
    def _connect(self, *, fresh: bool = False) -> None:
        """Open the state file; one that is not a state of this format, or is corrupt, is
        deleted (``fresh``: at once) and started again, and the run says so. One SQLite
        cannot open (a folder, no permission, held by another run) is left alone: the run
        has no state, and says so. A run that cannot make ``.l10n`` has none, silently."""
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        for again in (True,) if fresh else (False, True):
            if again:
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        os.unlink(f"{self.path}{suffix}")
            try:
                self._db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
                prepare(self._db)
                return
            except sqlite3.OperationalError as error:  # a DatabaseError that is not the file's
                self._close()
                why = ("it is a folder" if self.path.is_dir() else "no permission" if
                       self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK)
                       else error)
                return self._warn(f"cannot open the state file ({why}): this run keeps no "
                                  "state and reads every file", "remove it or make it "
                                  "readable and writable; l10n makes it again")
            except sqlite3.Error as error:
                self._close()
                if not again:
                    self._warn(f"not a state file this l10n can read ({error}): deleted and "
                               "made again, so this run reads every file", "a cache: "
                               "nothing of yours is lost")

    def _warn(self, message: str, hint: str) -> None:
        warnings.warn(L10nWarning(message, path=self.path, hint=hint), stacklevel=2)

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def _discard(self) -> None:
        """Delete a state file that cannot be trusted and start an empty one."""
        self._ahead_files, self._ahead_facts = {}, {}
        self._close()
        self._connect(fresh=True)

    @contextlib.contextmanager
    def _guarded(self) -> Iterator[None]:
        """A database call: while another run holds the file it is a miss (nothing read,
        nothing recorded), and so is a write that fails (a full disk), said once; a broken
        file is deleted and started again (a cache)."""
        try:
            yield
        except sqlite3.OperationalError as error:
            if not self._told and error.sqlite_errorname not in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                self._told = True
                self._warn(f"cannot write the state file ({error}): this run's work is not "
                           "remembered", "free space, or make the file writable")
        except sqlite3.DatabaseError as error:  # damaged: SQLite found it out as it read
            self._warn(f"the state file is damaged ({error}): deleted and made again",
                       "a cache: nothing of yours is lost")
            self._discard()

    def _query(self, sql: str, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
        if self._db is not None:
            with self._guarded():
                row: tuple[Any, ...] | None = self._db.execute(sql, args).fetchone()
                return row
        return None

    def prefetch(self, paths: Iterable[Path | str], kinds: Iterable[str] = ()) -> None:
        """Read ahead, in a few queries, the rows of ``paths`` (a Path, or its absolute path
        as a string): each file's, and its facts of ``kinds`` and of the kinds this run
        looked up so far (a query per file costs more than a no-change run's other work).
        The rows read ahead before are dropped: what is held stays bounded."""
        self._ahead_files, self._ahead_facts = {}, {}
        if self._db is None:
            return
        names = [_name(path) for path in paths]
        wanted = sorted(self._kinds.union(kinds))
        files: dict[str, tuple[Any, ...] | None] = dict.fromkeys(names)
        facts: dict[tuple[str, str], tuple[Any, ...]] = {}
        with self._guarded():  # locked by another run: every lookup asks
            for start in range(0, len(names), _AHEAD_QUERY):
                chunk = names[start : start + _AHEAD_QUERY]
                marks = ",".join("?" * len(chunk))
                files.update((row[0], row[1:]) for row in self._db.execute(
                    "SELECT path, ino, size, mtime_ns, ctime_ns, digest, seen_ns FROM file "
                    f"WHERE path IN ({marks})", chunk).fetchall())
                facts.update(((row[0], row[1]), row[2:]) for row in self._db.execute(
                    "SELECT path, kind, digest, key, value, seen_ns FROM fact "
                    f"WHERE path IN ({marks}) AND kind IN ({','.join('?' * len(wanted))})",
                    [*chunk, *wanted]).fetchall())
            self._ahead_files, self._ahead_facts = files, facts
            self._ahead_kinds = set(wanted)

    def forget_ahead(self) -> None:
        """Drop the rows read ahead (a pass over their files is done: held no longer)."""
        self._ahead_files, self._ahead_facts = {}, {}

    def _file_row(self, name: str) -> tuple[Any, ...] | None:
        """(ino, size, mtime_ns, ctime_ns, digest, seen_ns) of a file, read ahead or asked."""
        if name in self._ahead_files:
            return self._ahead_files[name]
        return self._query("SELECT ino, size, mtime_ns, ctime_ns, digest, seen_ns FROM file "
                           "WHERE path = ?", (name,))

    def _fact_row(self, name: str, kind: str) -> tuple[Any, ...] | None:
        """(digest, key, value, seen_ns) of a committed fact, read ahead or asked."""
        self._kinds.add(kind)
        if name in self._ahead_files and kind in self._ahead_kinds:
            return self._ahead_facts.get((name, kind))
        return self._query("SELECT digest, key, value, seen_ns FROM fact WHERE path = ? AND "
                           "kind = ?", (name, kind))

    # ------------------------------------------------------------------ the ledger
    def vouch(self, name: str, stamp: Stamp | None) -> None:
        """Tell the ledger (if any) the file ``name`` was taken with ``stamp`` (None: absent)."""
        if self.ledger is not None:
            self.ledger.files[name] = None if stamp is None else (
                stamp.ino, stamp.size, stamp.mtime_ns, stamp.ctime_ns)

    def unclean(self) -> None:
        """Tell the ledger (if any) the pass did more than ask the state."""
        if self.ledger is not None:
            self.ledger.unclean()

    # ------------------------------------------------------------------ files
    def known(self, path: Path) -> Known:
        """The file's stamp now, and its digest if the state may vouch for it."""
        stamp = stamp_of(path)
        name = _name(path)
        if stamp is None:
            self.vouch(name, None)
            return Known(None, None)
        row = None if name in self._files else self._file_row(name)  # recorded now: racy
        if row is None or Stamp(*row[:4]) != stamp or not stamp.trusted(row[5]):
            self.unclean()
            return Known(stamp, None)
        self.vouch(name, stamp)
        return Known(stamp, str(row[4]))

    def lookup(self, path: Path, kind: str, key: str) -> tuple[Known, Any]:
        """:meth:`known`, and the file's fact of ``kind`` under ``key`` if vouched for."""
        known = self.known(path)
        if known.digest is None:
            return known, None
        return known, self.fact(path, kind, known.digest, key)

    def read(self, path: Path) -> tuple[bytes, str]:
        """(bytes, digest) of the file, recorded unless it changed while it was read."""
        before = stamp_of(path)
        data = path.read_bytes()
        self.unclean()
        digest = digest_bytes(data)
        if before is not None and stamp_of(path) == before:
            self.record(path, before, digest)
        return data, digest

    def digest(self, path: Path) -> str | None:
        """The file's digest: from the state when it may vouch for it, else read."""
        known = self.known(path)
        if known.stamp is None:
            return None
        return known.digest or self.read(path)[1]

    def record(self, path: Path, stamp: Stamp | None, digest: str) -> None:
        """Record that the file with ``stamp`` has ``digest`` (for a file just written,
        pass its stamp right after the write)."""
        self.unclean()
        if self._db is None:
            return
        name = _name(path)
        self._ahead_files.pop(name, None)  # its rows read ahead are no longer the truth
        self._files[name] = None if stamp is None else (
            stamp.ino, stamp.size, stamp.mtime_ns, stamp.ctime_ns, digest)
        self._maybe_flush()

    # ------------------------------------------------------------------ facts
    def fact(self, path: Path | str, kind: str, digest: str, key: str) -> Any:
        """The fact of ``kind`` recorded for the file's content ``digest`` under ``key``
        (None when there is none, or it was recorded for other content or another key)."""
        found = self.fact_seen(path, kind, digest, key)
        return None if found is None else found[0]

    def fact_seen(self, path: Path | str, kind: str, digest: str,
                  key: str) -> tuple[Any, int] | None:
        """:meth:`fact`, and when it was committed (the file system's clock: stamps it
        holds are trusted against it; 0 for a fact not committed yet, which trusts none)."""
        found = self.fact_text(path, kind, digest, key)
        if found is None:
            return None
        if (value := _loads(found[0])) is None:
            self.unclean()
            return None
        return value, found[1]

    def fact_text(self, path: Path | str, kind: str, digest: str,
                  key: str) -> tuple[str, int] | None:
        """:meth:`fact_seen` with the fact's text as recorded (by :meth:`set_fact_text`)."""
        name = _name(path)
        row = self._facts.get((name, kind)) or self._fact_row(name, kind)
        if row is None or row[0] != digest or row[1] != key or not isinstance(row[2], str):
            self.unclean()
            return None
        return row[2], int(row[3])

    def set_fact(self, path: Path | str, kind: str, digest: str, key: str, value: Any) -> None:
        self.set_fact_text(path, kind, digest, key, json.dumps(value, separators=(",", ":")))

    def set_fact_text(self, path: Path | str, kind: str, digest: str, key: str,
                      text: str) -> None:
        """Record a fact as ``text`` (:meth:`set_fact`'s JSON, or a layout its reader
        parses from :meth:`fact_text`: a span's lines)."""
        self.unclean()
        if self._db is None:
            return
        name = _name(path)
        self._ahead_files.pop(name, None)
        self._facts[(name, kind)] = (digest, key, text, 0)  # 0: not committed
        self._pending += len(text)
        self._maybe_flush()

    # ------------------------------------------------------------------ writing
    def _maybe_flush(self) -> None:
        if len(self._files) + len(self._facts) >= BATCH or self._pending >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Commit the rows recorded so far after a tick of the file system's clock: their
        stamps, even of a file written just before, are trusted against this moment."""
        if self._db is None or not (self._files or self._facts):
            return
        assert self.folder is not None
        files, facts = self._files, self._facts
        self._files, self._facts, self._pending = {}, {}, 0
        with self._guarded(), contextlib.suppress(OSError):  # busy: what we learnt is lost
            now = fs_tick(self.folder / CLOCK_FILE)
            with transaction(self._db):
                self._db.executemany("DELETE FROM file WHERE path = ?",
                                     [(p,) for p, row in files.items() if row is None])
                self._db.executemany(
                    "INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(p, *row, now) for p, row in files.items() if row is not None])
                self._db.executemany("INSERT OR REPLACE INTO fact VALUES (?, ?, ?, ?, ?, ?)",
                                     [(p, k, *row[:3], now) for (p, k), row in facts.items()])
            self._wrote = True

    def prune(self) -> Pruned | None:
        """:func:`~l10n.incremental.database.prune`; None when there is no state or it is
        busy (next time, then)."""
        self.flush()
        if self._db is not None and self.path is not None:
            with self._guarded():
                return prune(self._db, str(self.path))
        return None

    def close(self) -> None:
        self.flush()
        if self._db is not None and self._wrote:
            with contextlib.suppress(sqlite3.Error):
                if count_write(self._db):
                    self.prune()
        self._close()
