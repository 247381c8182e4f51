"""What the state knows of an article's template and catalogs, for ``update`` and
``translate``: which catalogs need no work, so that they are not even read.

A catalog needs no ``update`` when, as recorded (and unchanged on disk), its
``X-Source-Digest`` is the article's template digest, its msgids are the template's (the
merge's own rule), and its reviewed entries were harvested into this very memory (a
memory deleted or replaced is harvested again). It needs no ``translate`` when, besides,
a ``translate`` with the same engine, model, glossary and l10n left no entry in it
:meth:`~l10n.workflow.fill.Filler.pending`. ``--retranslate`` never skips. Facts are
recorded from the catalog object each time it is written (or found unchanged), so they
are the facts of the bytes on disk.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.catalog import DIGEST_HEADER, ENTRIES_HEADER, Catalog, stored_digest
from l10n.errors import Problem
from l10n.incremental import key, settings_key
from l10n.incremental.cached import Cache
from l10n.incremental.codec import decoded, encode
from l10n.incremental.keys import RunKey
from l10n.incremental.sources import Source
from l10n.incremental.spans import Spans


def memory_identity(path: Path) -> str:
    """Which memory file this is: its inode, and its first reviewed unit (reviewed
    units are never deleted). A memory deleted, moved away or replaced has another."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "none"
    first: tuple[object, ...] | None = None
    with (contextlib.suppress(sqlite3.Error),
          contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db):
        first = db.execute("SELECT id, created, source_text, target_text FROM unit "
                           "WHERE kind = 'reviewed' ORDER BY id LIMIT 1").fetchone()
    return key(info.st_dev, info.st_ino, first)


@dataclass(frozen=True, slots=True)
class _Template:
    """The fact ``template``: a template's ``X-Source-Digest`` and ``X-Entries-Digest``."""

    source: str
    entries: str


@dataclass(frozen=True, slots=True)
class _Facts:
    """The fact ``catalog``: what update and translate need to know a catalog settled."""

    source: str  # the catalog's X-Source-Digest
    entries: str  # the digest of its live msgids
    untranslated: int
    obsolete: int
    memory: str  # the memory its reviewed entries are in
    translated: str  # the translate key it was settled under ("" if not)


class CatalogState:
    """The state's view of templates and catalogs for one update/translate ``run``:
    ``memory``: its :func:`memory_identity`; ``translate_keys``: each language's (None: an
    update); ``skip`` False: none skipped (``--retranslate``); ``also`` records more
    facts of each catalog recorded (status's counts and check's findings)."""

    def __init__(self, cache: Cache, run: RunKey, memory: str,
                 translate_keys: dict[str, str] | None, also: Callable[[Catalog, str], None],
                 *, skip: bool = True) -> None:
        self.cache, self.run, self.memory, self.skip, self.also = cache, run, memory, skip, also
        self.settings, self.state = cache.settings, cache.state
        self.key = key("catalog", cache.code, settings_key(cache.settings))
        self.translate_keys = translate_keys
        self._template: tuple[Source | None, str | None] = (None, None)  # the last article's

    def spans(self, paths: Sequence[Path] | None, targets: Sequence[str],
              problems: list[Problem], *, purge: bool = False) -> Spans:
        """The run's articles in spans, replayed when all their catalogs needed no work
        under this run's keys (parameters, memory, each language's engine and model), never
        with ``--retranslate``; confirmed by :meth:`settled` in every language."""
        kind = None if not self.skip else "update" if self.translate_keys is None else "translate"

        def settled_all(source: Source) -> tuple[int, ...] | None:
            counts = [self.settled(source, lang, purge=purge) for lang in targets]
            return None if None in counts else tuple(count or 0 for count in counts)

        return Spans(self.cache, paths, problems, kind, self.run, tuple[int, ...],
                     parts=(self.memory, key(self.translate_keys)),
                     kinds=("catalog", "template"), confirm=settled_all)

    # ------------------------------------------------------------------ templates
    def template(self, path: Path, template: Catalog | None) -> None:
        """Record the template at ``path`` (``template``: as just written, if it was)."""
        if template is not None and template.disk_text is not None:
            self.cache.record(template, "template", self.key, _Template(
                template.metadata.get(DIGEST_HEADER, ""),
                template.metadata.get(ENTRIES_HEADER, "")))
        else:
            digest = self.state.digest(path)
            if digest is None:
                return
            self.state.set_fact(path, "template", digest, self.key, encode(_Template(
                stored_digest(path) or "", stored_digest(path, ENTRIES_HEADER) or "")))
        self._template = (None, None)

    def template_entries(self, source: Source) -> str | None:
        """The template's msgids digest when the template is the one the article's digest
        names (unread); None when it is not, or unknown."""
        if self._template[0] is not source:
            path = self.settings.template_path(source.slug)
            facts = decoded(_Template, self.state.lookup(path, "template", self.key)[1])
            found = None if facts is None or facts.source != source.digest \
                or not facts.entries else facts.entries
            self._template = (source, found)
        return self._template[1]

    # ------------------------------------------------------------------ catalogs
    def settled(self, source: Source, lang: str, *, purge: bool = False) -> int | None:
        """The untranslated count of a catalog that needs no work in this run, unread;
        None when it must be read (changed, unknown, or work to do)."""
        path = self.settings.catalog_path(lang, source.slug)
        facts = decoded(_Facts, self.state.lookup(path, "catalog", self.key)[1])
        if facts is None or not self.skip:
            return None
        if facts.source != source.digest or facts.memory != self.memory:
            return None
        if facts.entries != self.template_entries(source) or (purge and facts.obsolete):
            return None
        if self.translate_keys is not None and facts.translated != self.translate_keys.get(lang):
            return None
        return facts.untranslated

    def record(self, catalog: Catalog, lang: str, settled: bool = False) -> None:
        """Record a catalog as written (or found unchanged) just now; ``settled``: a
        translate run left nothing pending in it."""
        if catalog.disk_text is None:
            return
        entries = catalog.entries(obsolete=True)
        live = [e for e in entries if not e.obsolete]
        facts = _Facts(
            source=catalog.metadata.get(DIGEST_HEADER, ""),
            entries=catalog.entries_digest(),
            untranslated=sum(1 for e in live if not e.msgstr),
            obsolete=len(entries) - len(live),
            memory=self.memory,
            translated=(self.translate_keys or {}).get(lang, "") if settled else "",
        )
        self.cache.record(catalog, "catalog", self.key, facts)
        self.also(catalog, lang)
