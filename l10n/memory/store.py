"""The translation memory store: reviewed and machine translations in one SQLite file.

A unit is one source text and its translation for a language pair, with its origin (the
catalog it was harvested from, or ``tmx:<file>``), its kind (``reviewed`` or ``machine``,
with engine and model) and when it was created and last changed. Rules:

* a pair of texts is stored once per language pair; harvesting the same reviewed entry
  again changes nothing (not even the file), so a re-run leaves the memory untouched;
* a reviewed unit replaces the machine unit of the same source; there is at most one
  machine unit per source (the latest), and none once a reviewed one exists;
* lookups prefer reviewed over machine, then the most recently changed unit.

Languages are stored in gettext form (TMX ``ko-KR`` becomes ``ko_KR``). A lookup for a
bare language matches every region of it (``ko`` finds ``ko`` and ``ko_KR``); a lookup
with a region matches that region or the bare language (``ko_KR`` finds ``ko_KR`` and
``ko``, not ``ko_KP``), the exact code first.

Fuzzy lookup never compares against every unit: an FTS5 index with the ``trigram``
tokenizer (any script, no word splitting needed) gives candidates. The query uses the
rarest trigrams of the text (document frequencies from ``fts5vocab``), keeps candidates
whose length allows the threshold, takes the best 200 by bm25, re-ranks them by trigram
Dice coefficient, and scores the best 30 with difflib's ratio (the measure the catalog
merge uses). About 70 ms per lookup in a memory of 100,000 units.

The file uses WAL journaling, its schema version is ``PRAGMA user_version``, and every
write happens in one transaction: a crash leaves the memory as it was before or after.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from l10n.errors import InputError
from l10n.lang import base_language
from l10n.memory import history, nbest
from l10n.memory.history import Change
from l10n.memory.schema import BEST_FIRST, COLUMNS, LANGS, SCHEMA_VERSION, upgrade
from l10n.memory.search import find_units, list_units
from l10n.memory.units import MACHINE, REVIEWED, Match, Unit, dice, lang_code, now, trigrams
from l10n.text.compare import similarity_ratio

if TYPE_CHECKING:
    from l10n.catalog.entry import Entry
    from l10n.model import Hypothesis

PSEUDO_ENGINE = "pseudo"  # as l10n.catalog.entry.PSEUDO_ENGINE

_CANDIDATES = 200  # by bm25 from the index
_SCORED = 30  # by difflib, after the Dice re-ranking
_RARE_GRAMS = 16
_TABLES = "SELECT count(*) FROM sqlite_schema"


class Memory:
    """A translation memory file. Use ``with Memory.open(path) as memory: ...``."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Memory:
        """Open (or create, with its folders) the memory at ``path``.

        A file that is not a memory, or one written by a newer l10n, raises InputError."""
        path = Path(path)
        if not path.exists():
            if not create:
                raise InputError(
                    "no translation memory yet", path=path, hint="run `l10n translate` first"
                )
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise InputError(f"cannot open the translation memory: {exc}", path=path) from None
        memory = cls(db, path)
        try:
            memory._prepare()
        except BaseException:
            db.close()
            raise
        return memory

    def _prepare(self) -> None:
        try:
            if self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")  # WAL: no fsync per commit
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:  # a new file (0), or one of an older l10n
                with self.transaction():
                    if version == 0 and self._db.execute(_TABLES).fetchone()[0]:
                        raise InputError(
                            "not an l10n translation memory (unknown tables)", path=self.path
                        )
                    upgrade(self._db, version)
        except sqlite3.DatabaseError as exc:
            raise InputError(
                f"not a translation memory: {exc}",
                path=self.path,
                hint="move the file away; l10n creates a new memory",
            ) from None
        if version > SCHEMA_VERSION:
            raise InputError(
                f"translation memory schema {version} is newer than this l10n ({SCHEMA_VERSION})",
                path=self.path,
                hint="upgrade l10n",
            )
        self._forget_pseudo()

    def _forget_pseudo(self) -> None:
        """Drop pseudo-localized units that an older l10n stored (a no-op, and no write,
        when there are none)."""
        pseudo = "kind = 'machine' AND engine = ?"
        found = self._db.execute(f"SELECT 1 FROM unit WHERE {pseudo} LIMIT 1", (PSEUDO_ENGINE,))
        if found.fetchone():
            with self.transaction():
                self._db.execute(f"DELETE FROM unit WHERE {pseudo}", (PSEUDO_ENGINE,))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Memory:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group many writes (``add_machine`` per segment) into one commit; all or none.

        Writes inside join it; on its own, every write method is one transaction."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # ------------------------------------------------------------------ writing
    def harvest(
        self, catalog_entries: Iterable[Entry], source: str, target: str, origin: str
    ) -> int:
        """Store every reviewed entry (translated and not fuzzy, obsolete ones too: a
        removed sentence's translation is still a translation); return how many units
        were added or turned from machine into reviewed. Pseudo-localized text, even
        accepted as it is, is never a translation and never stored."""
        with self.transaction():
            return sum(
                self._put_reviewed(entry.msgid, entry.msgstr, source, target, origin, now(), now())
                for entry in catalog_entries
                if entry.msgid and entry.reviewed and not entry.is_pseudo
            )

    def add_machine(
        self,
        source_text: str,
        target_text: str,
        source: str,
        target: str,
        engine: str,
        model: str,
        *,
        origin: str = "",
    ) -> bool:
        """Store an engine's output, replacing the source's previous machine unit; nothing
        is stored when a reviewed unit covers the source, nor for the ``pseudo`` engine
        (pseudo-localization is never a translation). True when the memory changed."""
        if engine == PSEUDO_ENGINE:
            return False
        with self.transaction():
            return self._put_machine(
                source_text, target_text, source, target, engine, model, origin, now(), now()
            )

    def _put_reviewed(
        self,
        text: str,
        translation: str,
        source: str,
        target: str,
        origin: str,
        created: str,
        updated: str,
    ) -> int:
        sl, tl = lang_code(source), lang_code(target)
        changed = self._db.execute(
            "INSERT INTO unit (source_lang, target_lang, source_base, target_base, source_text,"
            " target_text, source_len, origin, kind, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'reviewed', ?, ?)"
            " ON CONFLICT (source_lang, target_lang, source_text, target_text) DO UPDATE SET"
            " kind = 'reviewed', engine = '', model = '', origin = excluded.origin,"
            " updated = excluded.updated"
            " WHERE kind <> 'reviewed'",
            (sl, tl, base_language(sl), base_language(tl), text, translation, len(text), origin,
             created, updated),
        ).rowcount
        self._db.execute(
            "DELETE FROM unit WHERE kind = 'machine' AND source_lang = ? AND target_lang = ?"
            " AND source_text = ?",
            (sl, tl, text),
        )
        return int(changed > 0)

    def _put_machine(
        self,
        text: str,
        translation: str,
        source: str,
        target: str,
        engine: str,
        model: str,
        origin: str,
        created: str,
        updated: str,
    ) -> bool:
        sl, tl = lang_code(source), lang_code(target)
        key = (sl, tl, text)
        if self._db.execute(
            "SELECT 1 FROM unit WHERE kind = 'reviewed' AND source_lang = ? AND target_lang = ?"
            " AND source_text = ?",
            key,
        ).fetchone():
            return False
        changed = self._db.execute(
            "DELETE FROM unit WHERE kind = 'machine' AND source_lang = ? AND target_lang = ?"
            " AND source_text = ? AND target_text <> ?",
            (*key, translation),
        ).rowcount
        changed += self._db.execute(
            "INSERT INTO unit (source_lang, target_lang, source_base, target_base, source_text,"
            " target_text, source_len, origin, kind, engine, model, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'machine', ?, ?, ?, ?)"
            " ON CONFLICT (source_lang, target_lang, source_text, target_text) DO UPDATE SET"
            " engine = excluded.engine, model = excluded.model, updated = excluded.updated"
            " WHERE engine <> excluded.engine OR model <> excluded.model",
            (
                sl,
                tl,
                base_language(sl),
                base_language(tl),
                text,
                translation,
                len(text),
                origin,
                engine,
                model,
                created,
                updated,
            ),
        ).rowcount
        return changed > 0

    def put(self, unit: Unit) -> bool:
        """Store a unit as it is (an import): reviewed or machine, with its own origin and
        dates; the same rules as harvesting. True when the memory changed."""
        with self.transaction():
            if unit.kind == REVIEWED:
                return bool(self._put_reviewed(
                    unit.source_text, unit.target_text, unit.source_lang, unit.target_lang,
                    unit.origin, unit.created, unit.updated,
                ))
            return self._put_machine(
                unit.source_text, unit.target_text, unit.source_lang, unit.target_lang,
                unit.engine, unit.model, unit.origin, unit.created, unit.updated,
            )

    def set_alternatives(self, text: str, source: str, target: str,
                         found: Sequence[Hypothesis], engine: str, model: str) -> None:
        """Keep an engine's other hypotheses for ``text``, in place of an earlier run's."""
        with self.transaction():
            nbest.replace(self._db, text, source, target, found, engine, model)

    # ------------------------------------------------------------------ reading
    def alternatives(self, text: str, source: str, target: str) -> list[nbest.Alternative]:
        """The hypotheses kept for ``text`` (see :meth:`set_alternatives`), best first."""
        return nbest.find(self._db, text, source, target)

    def _params(self, source: str, target: str) -> dict[str, Any]:
        sc, tc = lang_code(source), lang_code(target)
        return {"sc": sc, "sb": base_language(sc), "tc": tc, "tb": base_language(tc)}

    def exact(self, text: str, source: str, target: str) -> Unit | None:
        """The unit for exactly ``text``: reviewed before machine, then the most recent."""
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM unit WHERE source_text = :text AND {LANGS}"
            f" ORDER BY {BEST_FIRST} LIMIT 1",
            {"text": text, **self._params(source, target)},
        ).fetchone()
        return Unit(*row) if row else None

    def count(self, source: str, target: str, kind: str | None = None) -> int:
        """How many units the pair has (of one ``kind``, or all)."""
        row = self._db.execute(
            f"SELECT count(*) FROM unit WHERE {LANGS} AND (:kind IS NULL OR unit.kind = :kind)",
            {"kind": kind, **self._params(source, target)},
        ).fetchone()
        return int(row[0])

    def fuzzy(
        self,
        text: str,
        source: str,
        target: str,
        threshold: float = 0.75,
        *,
        limit: int = 5,
        kind: str | None = None,
    ) -> list[Match]:
        """Units (of one ``kind``, or all) whose source is at least ``threshold`` similar
        to ``text`` (difflib ratio), best first; at equal scores reviewed first, then the
        most recent."""
        grams = trigrams(text)
        rare = self._rarest(grams)
        if not rare:
            return []
        low = threshold / (2 - threshold) if threshold > 0 else 0.0
        query = " OR ".join('"' + gram.replace('"', '""') + '"' for gram in rare)
        rows = self._db.execute(
            f"SELECT {', '.join('unit.' + c.strip() for c in COLUMNS.split(','))}"
            " FROM unit_fts JOIN unit ON unit.id = unit_fts.rowid"
            f" WHERE unit_fts MATCH :query AND {LANGS}"
            " AND unit.source_len BETWEEN :shortest AND :longest"
            " AND (:kind IS NULL OR unit.kind = :kind)"
            " ORDER BY unit_fts.rank LIMIT :candidates",
            {
                "query": query,
                "shortest": len(text) * low,
                "longest": len(text) / low if low else len(text) * 1000,
                "candidates": _CANDIDATES,
                "kind": kind,
                **self._params(source, target),
            },
        ).fetchall()
        units = [Unit(*row) for row in rows]
        units.sort(key=lambda u: dice(grams, trigrams(u.source_text)), reverse=True)
        matches = [Match(u, similarity_ratio(text, u.source_text)) for u in units[:_SCORED]]
        matches = [m for m in matches if m.score >= threshold]
        matches.sort(key=lambda m: (m.score, m.unit.kind == REVIEWED, m.unit.updated, m.unit.id))
        return matches[::-1][:limit]

    def _rarest(self, grams: set[str]) -> list[str]:
        """The query's trigrams that occur in the fewest units (but in some)."""
        terms = sorted(grams)
        if len(terms) > 64:
            terms = terms[:: len(terms) // 64 + 1]
        if not terms:
            return []
        counts = dict(
            self._db.execute(
                f"SELECT term, doc FROM unit_vocab WHERE term IN ({', '.join('?' * len(terms))})",
                terms,
            ).fetchall()
        )
        return sorted(counts, key=lambda term: (counts[term], term))[:_RARE_GRAMS]

    def units(
        self, source: str | None = None, target: str | Sequence[str] | None = None
    ) -> list[Unit]:
        """Every unit (of the given languages), ordered by languages, source and age."""
        return list_units(self._db, source, target)

    def record(self, found: Sequence[Change]) -> None:
        """Add changes to the entries' history (:mod:`l10n.memory.history`)."""
        with self.transaction() if found else contextlib.nullcontext():
            history.record(self._db, found)

    def history(self, **where: Any) -> list[Change]:
        """Changes, oldest first (:func:`l10n.memory.history.read`)."""
        return history.read(self._db, **where)

    def search(self, query: str, **options: Any) -> list[Unit]:
        """Units containing ``query`` (:func:`l10n.memory.search.find_units`)."""
        return find_units(self._db, query, **options)

    def stats(self) -> dict[str, Any]:
        """``{"units": n, "pairs": [{"source", "target", "reviewed", "machine"}, ...]}``."""
        pairs: dict[tuple[str, str], dict[str, Any]] = {}
        for sl, tl, kind, count in self._db.execute(
            "SELECT source_lang, target_lang, kind, count(*) FROM unit"
            " GROUP BY source_lang, target_lang, kind ORDER BY source_lang, target_lang"
        ):
            pair = pairs.setdefault((sl, tl), {"source": sl, "target": tl, REVIEWED: 0, MACHINE: 0})
            pair[kind] = count
        total = sum(p[REVIEWED] + p[MACHINE] for p in pairs.values())
        return {"units": total, "pairs": list(pairs.values())}
