"""A run's cache: results per catalog (``status`` counts, ``check`` findings) or article,
kept in the state by the file's digest and a key naming all else they depend on (l10n's
code, the settings, the glossary, the language, the command's flags). An unchanged file
is not read; a changed one is read once, and its new result recorded.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from l10n.catalog import Catalog
from l10n.config import Settings
from l10n.glossary import Glossary, load_glossary
from l10n.glossary.match import no_collection
from l10n.incremental.codec import decoded, encode
from l10n.incremental.keys import code_key, glossary_key, key, settings_key
from l10n.incremental.sources import Source
from l10n.incremental.stamps import digest_bytes, stamp_of
from l10n.incremental.store import State
from l10n.model import Term

T = TypeVar("T")
GLOSSARY_FACT = "<glossary>"  # the fact's name: the glossary is a folder, not one file


@dataclass
class Cache:
    """A run's state, and the parts of its keys every result shares."""

    settings: Settings
    state: State
    code: str
    terms: str  # the glossary's files (glossary_key)
    base: str = field(init=False)  # l10n's code, the settings, the glossary
    _folders: dict[Path, str] = field(default_factory=dict)
    _keys: dict[tuple[object, ...], str] = field(default_factory=dict)  # a few per run

    def __post_init__(self) -> None:
        self.base = key(self.code, settings_key(self.settings), self.terms)

    @classmethod
    def open(cls, settings: Settings) -> Cache:
        return cls(settings, State(settings.state_dir), code_key(),
                   glossary_key(settings.glossary_dir))

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.state.close()

    def key(self, *parts: object) -> str:
        found = self._keys.get(parts)
        if found is None:
            found = self._keys[parts] = key(self.base, *parts)
        return found

    def glossary(self) -> Glossary:
        """The project's glossary, as :func:`cached_glossary` loads it."""
        return cached_glossary(self.state, self.settings.glossary_dir, self.code, self.terms)

    def shown(self, path: Path) -> str:
        """``settings.display(path)``, without resolving every file of the archive: its
        folder is resolved once (a file that is a link is resolved itself)."""
        prefix = self._folders.get(path.parent)
        if prefix is None:
            prefix = self._folders[path.parent] = self.settings.display(path.parent)
        return self.settings.display(path) if os.path.islink(path) else f"{prefix}/{path.name}"

    def result(self, path: Path, kind: str, wanted: str, fact: type[T],
               compute: Callable[[Catalog], T]) -> T | None:
        """``compute(catalog)`` (a ``fact``) for the catalog at ``path`` (None: no such file):
        recorded under ``wanted`` for the unchanged file, else read (a broken one raises),
        computed, and recorded."""
        known, found = self.state.lookup(path, kind, wanted)
        value = decoded(fact, found)  # None: not recorded, or an older l10n's
        if value is not None:
            return value
        if known.stamp is None:
            return None
        catalog = Catalog.read(path)
        digest = digest_bytes((catalog.disk_text or "").encode("utf-8"))
        if stamp_of(path) == known.stamp:  # not changed since the lookup, so while read
            self.state.record(path, known.stamp, digest)
        value = compute(catalog)
        self.state.set_fact(path, kind, digest, wanted, encode(value))
        return value

    def record(self, catalog: Catalog, kind: str, wanted: str, value: object) -> None:
        """Record a catalog just written (or found unchanged): its stamp and digest, and
        ``value`` (a fact) of it under ``wanted``."""
        if catalog.disk_text is not None:
            digest = digest_bytes(catalog.disk_text.encode("utf-8"))
            self.state.record(catalog.path, stamp_of(catalog.path), digest)
            self.state.set_fact(catalog.path, kind, digest, wanted, encode(value))

    def article_result(self, source: Source, kind: str, wanted: str, fact: type[T],
                       compute: Callable[[Source], T]) -> T:
        """``compute(source)``, remembered for the article's digest under ``wanted``."""
        value = decoded(fact, self.state.fact(source.path, kind, source.digest, wanted))
        if value is not None:
            return value
        value = compute(source)
        self.state.set_fact(source.path, kind, source.digest, wanted, encode(value))
        return value


def cached_glossary(state: State, folder: Path, code: str, files: str | None = None) -> Glossary:
    """:func:`~l10n.glossary.load_glossary`, from the state while the glossary files hold
    the bytes a valid glossary was recorded from (same code, same folder): validating 50,000
    terms takes seconds, recorded ones are only indexed; a broken one is refused every time.
    ``files``: the folder's :func:`~l10n.incremental.glossary_key`, if the caller has it."""
    if files is None:
        files = glossary_key(folder)  # the files' bytes: exact, whatever their stamps say
    wanted = key(code, str(folder.resolve()), os.getcwd())  # Term.file is shown from cwd
    with no_collection():  # 50,000 terms' rows are a million objects, none in a cycle
        terms = decoded(tuple[Term, ...], state.fact(GLOSSARY_FACT, "glossary", files, wanted))
        if terms is not None:
            return Glossary(terms)
    glossary = load_glossary(folder)
    state.set_fact(GLOSSARY_FACT, "glossary", files, wanted, encode(glossary.terms))
    return glossary
