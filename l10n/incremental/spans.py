"""Spans: a run of consecutive articles whose whole result one fact of the state holds, so
an unchanged archive costs a ``stat`` per file and a query per span (why, and what a span
fact holds: the README's "Large archives: cost follows change"). For a command and its
key, the state records every file a span's work looked at (or found absent) with its
stamp, and the span's result; a later run whose files all have those stamps, trusted,
replays the result (:func:`unchanged`); on any difference the span's articles are
streamed (:func:`~l10n.incremental.sources.stream_sources`) and worked on.

* **Cut by content**, not position: a span ends after an article whose name hashes to a
  boundary (one in :data:`EVERY`), or after :data:`LONGEST` articles, so adding or
  removing an article changes the span it falls in, not every span after it.
* **Recorded only from a clean pass**, watched by a :class:`~l10n.incremental.store.Ledger`
  (why, and how a command uses :meth:`Spans.each`: CONTRIBUTING.md, "Adding an input to
  a command"). A clean pass is recorded as it ends; the others as the ``with`` block
  ends, once the run's writes are in the state: ``confirm`` (the work without its
  writes) runs again, article by article, and is recorded if clean.

Replaying a span tells its articles' warnings and problems again; a span with a slug an
earlier article now has is not replayed (the per-file pass reports it).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import warnings
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from l10n.errors import Problem
from l10n.fsutil import watching_io
from l10n.incremental.cached import Cache
from l10n.incremental.codec import decode, encode
from l10n.incremental.database import head_end
from l10n.incremental.keys import RunKey
from l10n.incremental.sources import ArticleFacts, Source, admit, article_paths, stream_sources
from l10n.incremental.store import Ledger

EVERY = 128  # articles per span, on average
LONGEST = 256  # a span is cut here even without a boundary (what a span holds is bounded)


def decoded_items(kind: Any, text: str, start: int) -> Iterator[Any]:
    """A replayed span's items, its fact's lines after ``start``, each decoded as taken
    (256 articles' findings are never held decoded at once); a line of another shape raises
    (this code wrote it: a broken state)."""
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield decode(kind, json.loads(text[start:end]))
        start = end + 1


class Spans:
    """The articles at ``paths`` (default: all) of ``cache``'s run in spans, recorded as
    ``kind`` (None: never replayed nor recorded) under the cache's base key, the ``run``
    key, the current folder (shown paths) and ``parts``. ``item``: the items' type (see
    :mod:`~l10n.incremental.codec`); ``kinds``: the facts looked up per file, read ahead
    (default: ``kind``); ``confirm``: an article's item again, writing nothing (for the
    spans that did work, as the ``with`` block ends; default: the work :meth:`each` got)."""

    def __init__(self, cache: Cache, paths: Sequence[Path] | None,
                 problems: list[Problem] | None, kind: str | None, run: RunKey | None,
                 item: Any = Any, *, parts: tuple[object, ...] = (),
                 kinds: Sequence[str] | None = None,
                 confirm: Callable[[Source], Any] | None = None) -> None:
        self.settings, self.state, self.code = cache.settings, cache.state, cache.code
        self.paths = article_paths(cache.settings, paths)
        self.problems = problems  # None: the first problem raises
        self.kind, self._item, self._confirm = kind, item, confirm  # _item: a fact's items' type
        self.key = cache.key(kind, os.getcwd(), None if run is None else run.digest(), *parts)
        self.kinds = kinds if kinds is not None else () if kind is None else (kind,)
        self.seen: dict[str, str] = {}  # slug -> the path of its article
        self.unrecorded: list[list[Path]] = []  # spans to confirm
        self.replaying = False  # the items each() yields now are a span's, replayed

    def __enter__(self) -> Spans:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        """Confirm the spans that did work (a run that failed records nothing)."""
        if kind is not None or self._confirm is None or self.kind is None \
                or not self.unrecorded:
            return
        self.state.flush()  # what the run recorded, committed to be vouched for
        spans, self.unrecorded = self.unrecorded, []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # told in the run already
            for paths in spans:
                for _ in self._pass(paths, self._confirm, confirming=True):
                    pass

    def each(self, work: Callable[[Source], Any]) -> Iterator[Any]:
        """Each readable article's item: a span's replayed items (``replaying``), else
        ``work(source)`` of each of its articles (kept for the span's fact), one by one."""
        if self._confirm is None:
            self._confirm = work  # a run that writes nothing confirms with its own work
        for paths in cut(self.paths):
            replayed = self._replay(paths)
            self.replaying = replayed is not None
            yield from self._pass(paths, work) if replayed is None else replayed

    def _pass(self, paths: list[Path], work: Callable[[Source], Any], *,
              confirming: bool = False) -> Iterator[Any]:
        """``work(source)`` of each readable article of one span, watched by a ledger;
        recorded when the pass is clean and no item was None (work not done)."""
        state = self.state
        told: list[ArticleFacts] = []
        items: list[str] = []  # each kept item as JSON text, decoded when replayed
        ledger = state.ledger = Ledger()
        try:
            with watching_io(ledger.unclean):
                for source in stream_sources(self.settings, paths, state, self.code,
                                             [] if confirming else self.problems,
                                             seen={} if confirming else self.seen,
                                             told=told, kinds=self.kinds):
                    item = work(source)
                    if item is not None:
                        items.append(json.dumps(encode(item), separators=(",", ":")))
                    source.drop()
                    yield item
        finally:
            state.ledger = None
        if self.kind is None:
            return
        readable = sum(facts.problem is None for facts in told)
        state.forget_ahead()  # the span's rows: not held while its fact is made
        if ledger.clean and len(told) == len(paths) and len(items) == readable:
            name, names = span_name(self.kind, paths)
            head = {**files_of(ledger), "articles": encode(told), "items": len(items)}
            items.insert(0, json.dumps(head, separators=(",", ":")))
            # a line per item, its JSON as made (compact JSON holds no newline): not
            # escaped again inside one document, nor decoded all at once when replayed
            state.set_fact_text(name, self.kind, names, self.key, "\n".join(items))
            items.clear()
        elif not confirming:
            self.unrecorded.append(paths)

    def _replay(self, paths: list[Path]) -> Iterator[Any] | None:
        if self.kind is None:
            return None
        name, names = span_name(self.kind, paths)
        found = self.state.fact_text(name, self.kind, names, self.key)
        if found is None:
            return None
        text, seen = found
        try:
            end = head_end(text)
            value = json.loads(text[:end])
            told: tuple[ArticleFacts, ...] = decode(tuple[ArticleFacts, ...], value["articles"])
            if type(value["items"]) is not int or value["items"] != text.count("\n", end):
                return None  # another layout (an older one's items were a list)
            items = decoded_items(self._item, text, end + 1)
            if any(facts.slug in self.seen for facts in told if facts.problem is None) \
                    or len(told) != len(paths) or not unchanged(value, seen):
                return None
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        for path, facts in zip(paths, told, strict=True):
            admit(self.settings, path, facts, self.seen, self.problems)
        return items


def cut(paths: Sequence[Path]) -> Iterator[list[Path]]:
    """``paths`` (in order) as spans (see the module docstring)."""
    span: list[Path] = []
    for path in paths:
        span.append(path)
        if len(span) >= LONGEST or zlib.crc32(path.name.encode("utf-8")) % EVERY == 0:
            yield span
            span = []
    if span:
        yield span


def span_name(kind: str, paths: Sequence[Path]) -> tuple[str, str]:
    """(the name a span's fact is recorded under, the digest of its articles' names)."""
    digest = hashlib.sha256(os.getcwd().encode("utf-8") + b"\0")  # what relative names mean
    for path in paths:
        digest.update(str(path).encode("utf-8") + b"\0")
    names = digest.hexdigest()[:16]
    return f"<span:{kind}>{names}", names


def files_of(ledger: Ledger) -> dict[str, Any]:
    """The ledger's files as a span fact keeps them (compact: a build's span names thousands):
    by folder, the names present and absent, and one digest of the present ones' stamps."""
    present: dict[str, list[tuple[str, tuple[int, int, int, int]]]] = {}
    absent: dict[str, list[str]] = {}
    for name, found in ledger.files.items():
        folder, base = os.path.split(name)
        if found is None:
            absent.setdefault(folder, []).append(base)
        else:
            present.setdefault(folder, []).append((base, found))
    stamps = [value for files in present.values() for _, found in files for value in found]
    return {"present": {folder: [base for base, _ in files] for folder, files in present.items()},
            "absent": absent, "stamps": _digest(stamps)}


def unchanged(files: dict[str, Any], seen: int) -> bool:
    """Whether a span fact's files, recorded at ``seen``, are as then: each present one a
    regular file with its stamp, trusted (older than ``seen``), each absent one still absent."""
    stamps: list[int] = []
    for folder, names in files["present"].items():
        for base in names:
            try:
                info = os.stat(f"{folder}/{base}")
            except (FileNotFoundError, NotADirectoryError):
                return False
            if info.st_ctime_ns >= seen or info.st_mtime_ns >= seen \
                    or not stat.S_ISREG(info.st_mode):
                return False
            stamps += (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    for folder, names in files["absent"].items():
        for base in names:
            if os.path.lexists(f"{folder}/{base}"):
                return False
    return bool(_digest(stamps) == files["stamps"])


def _digest(stamps: list[int]) -> str:
    return hashlib.sha256(str(stamps).encode("ascii")).hexdigest()[:16]
