"""The history of every entry: who changed it, when, from what to what.

Kept in the memory's SQLite file (table ``history``, schema version 3), beside the units:
one row per change of an entry's translation or review state, whoever made it: a
reviewer on the review page (their name), an XLIFF import (``xliff: <file>``), a
``translate`` run (``translate: <engine>``), or a PO editor whose change a run noticed
(``PO editor``). Rows are only added, never changed: ``l10n log`` reads them.

:func:`changes` finds what changed between two readings of a catalog's entries, so each
writer records the same facts the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from l10n.memory.units import now

if TYPE_CHECKING:
    from l10n.catalog.entry import Entry

HISTORY = """
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    who TEXT NOT NULL,
    lang TEXT NOT NULL,
    slug TEXT NOT NULL,
    msgid TEXT NOT NULL,
    old_text TEXT NOT NULL,
    old_state TEXT NOT NULL,
    new_text TEXT NOT NULL,
    new_state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_entry ON history (slug, lang, msgid);
"""


@dataclass(frozen=True, slots=True)
class Change:
    """One change of one entry."""

    time: str
    who: str
    lang: str
    slug: str
    msgid: str
    old_text: str
    old_state: str
    new_text: str
    new_state: str
    note: str = ""  # what else changed: "comment", "ignore-numbers", ...

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _key(entry: Entry) -> tuple[str, str, str, tuple[str, ...]]:
    return entry.msgstr, entry.state, entry.translator_comment, entry.flags


def changes(
    before: Iterable[Entry], after: Iterable[Entry], *, who: str, lang: str, slug: str,
    time: str | None = None,
) -> list[Change]:
    """The entries of ``after`` whose translation, state, translator comment or flags
    differ from ``before`` (an entry new in ``after`` counts as changed from nothing)."""
    old = {e.msgid: e for e in before}
    when = time or now()
    found = []
    for entry in after:
        was = old.get(entry.msgid)
        if was is not None and _key(was) == _key(entry):
            continue
        if was is None and not entry.msgstr:
            continue  # a new, empty entry: nothing happened to a translation yet
        notes = []
        if was is not None and was.translator_comment != entry.translator_comment:
            notes.append("comment")
        if was is not None:
            flags = set(was.flags) ^ set(entry.flags)
            notes += sorted(f for f in flags if f.startswith("ignore-"))
        found.append(Change(
            when, who, lang, slug, entry.msgid,
            was.msgstr if was is not None else "", was.state if was is not None else "",
            entry.msgstr, entry.state, " ".join(notes),
        ))
    return found


def merged(before: Sequence[Entry], after: Iterable[Entry], *, lang: str,
           slug: str) -> list[Change]:
    """What a merge did to a catalog's translations (``update``, ``translate``): an entry
    carried to a changed source (``#| msgid``, now fuzzy) changed from the entry it was;
    recorded, so that the next run does not take it for a PO editor's change."""
    old = {e.msgid: e for e in before}
    carried = [replace(old[e.previous_msgid], msgid=e.msgid) for e in after
               if e.msgid not in old and e.previous_msgid in old]
    return changes([*before, *carried], after, who="update: merge", lang=lang, slug=slug)


def noticed(
    known: Sequence[Change], entries: Iterable[Entry], *, lang: str, slug: str,
    who: str = "PO editor",
) -> list[Change]:
    """Changes made outside l10n (a PO editor): entries whose text or state is not what
    their last recorded change (in ``known``, oldest first) left. An entry without any
    recorded change is not counted (nothing says what it was before)."""
    last = {c.msgid: c for c in known}
    when = now()
    return [
        Change(when, who, lang, slug, e.msgid, was.new_text, was.new_state, e.msgstr, e.state)
        for e in entries
        if (was := last.get(e.msgid)) is not None
        and (was.new_text, was.new_state) != (e.msgstr, e.state)
    ]


_FIELDS = "time, who, lang, slug, msgid, old_text, old_state, new_text, new_state, note"


def record(db: sqlite3.Connection, found: Sequence[Change]) -> None:
    """Add ``found`` (inside the caller's transaction)."""
    db.executemany(
        f"INSERT INTO history ({_FIELDS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(c.time, c.who, c.lang, c.slug, c.msgid, c.old_text, c.old_state, c.new_text,
          c.new_state, c.note) for c in found],
    )


def read(
    db: sqlite3.Connection, *, slugs: Sequence[str] = (), lang: Sequence[str] = (),
    msgid: str | None = None, limit: int | None = None,
) -> list[Change]:
    """Changes, oldest first (of some articles, languages, or one entry)."""
    clauses, params = [], []
    if slugs:
        clauses.append(f"slug IN ({', '.join('?' * len(slugs))})")
        params += list(slugs)
    if lang:
        clauses.append(f"lang IN ({', '.join('?' * len(lang))})")
        params += list(lang)
    if msgid is not None:
        clauses.append("msgid = ?")
        params.append(msgid)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = db.execute(f"SELECT {_FIELDS} FROM history{where} ORDER BY id DESC"
                      + (f" LIMIT {int(limit)}" if limit else ""), params).fetchall()
    return [Change(*row) for row in reversed(rows)]


__all__ = ["HISTORY", "Change", "changes", "merged", "noticed", "read", "record"]
