"""A run's articles span by span (:mod:`l10n.incremental.ledger`): a span none of whose files
changed is replayed from the state, the others are streamed article by article
(:func:`~l10n.incremental.sources.stream_sources`) and worked on as before.

A command iterates :meth:`Spans.each` inside ``with``: for each span, either the span's
replayed items (one per readable article, what the command kept for it), or its work
on each of the span's articles, one item per article, kept (None: the article's work
is not done, there is nothing to replay). The span's pass is watched: every answer of
the state adds its file's stamp to the pass's ledger, and any miss, and any file read
or written by other means (:func:`l10n.fsutil.file_io`, which every reader and writer
of a project's files calls), makes it unclean. Command code never says so itself. A
clean pass is recorded as it ends; the others are confirmed as the ``with`` block ends,
when what the run wrote is in the state: ``confirm`` (the command's work, without its
writes) again, article by article, recorded if that pass is clean. Replaying a span
tells its articles' warnings and problems again, and a span whose slugs an earlier
article now has is not replayed (the per-file pass reports them).
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from l10n.config import Settings
from l10n.errors import ArticleError, Problem
from l10n.fsutil import watching_io
from l10n.incremental import State
from l10n.incremental.codec import decode, encode
from l10n.incremental.ledger import Ledger, cut, files_of, span_name, unchanged
from l10n.incremental.sources import ArticleFacts, Source, from_facts, stream_sources


class Replayed:
    """A replayed span's items, each decoded as it is taken (a span of up to 256 articles'
    check findings is not held decoded at once). The span fact was written by this code
    (its key says so), so an item of another shape is a broken state file."""

    def __init__(self, kind: Any, texts: list[str]) -> None:
        if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
            raise ValueError("a span fact of another shape")
        self.kind, self.texts = kind, texts

    def __iter__(self) -> Iterator[Any]:
        for text in self.texts:
            yield decode(self.kind, json.loads(text))


class _Pass:
    """One span's articles worked on, its pass watched by a ledger (see the module
    docstring)."""

    def __init__(self, run: Spans, paths: list[Path], *, confirming: bool = False) -> None:
        self.run, self.paths, self.confirming = run, paths, confirming
        self._items: list[str] = []  # each kept item as JSON text (decoded when replayed)
        self._whole = True  # every article's item kept

    def items(self, work: Callable[[Source], Any]) -> Iterator[Any]:
        """``work(source)`` of each readable article, kept: None is an article whose work
        is not done (a catalog left to fill), so the span is not recorded."""
        run, state = self.run, self.run.state
        told: list[ArticleFacts] = []
        seen: dict[str, str] = {} if self.confirming else run.seen
        problems: list[Problem] = [] if self.confirming else run.problems
        ledger = state.ledger = Ledger()
        try:
            with watching_io(ledger.unclean):
                for source in stream_sources(run.settings, self.paths, state, run.code,
                                             problems, seen=seen, told=told, kinds=run.kinds):
                    item = work(source)
                    if item is None:
                        self._whole = False
                    else:
                        self._items.append(json.dumps(encode(item), separators=(",", ":")))
                    source.drop()
                    yield item
        finally:
            state.ledger = None
        readable = sum(facts.problem is None for facts in told)
        if run.kind is None:
            return
        if ledger.clean and self._whole and len(told) == len(self.paths) \
                and len(self._items) == readable:
            name, names = span_name(run.kind, self.paths)
            state.set_fact(name, run.kind, names, run.key, {
                **files_of(ledger), "articles": encode(told), "items": self._items})
        elif not self.confirming:
            run.unrecorded.append(self.paths)


class Spans:
    """The articles at ``paths`` in spans, for a command whose spans are recorded as
    ``kind`` under ``key`` (everything besides the files that the items depend on);
    ``kind`` None: spans are neither replayed nor recorded. ``kinds``: the kinds of fact
    the command looks up per file (read ahead, :meth:`~l10n.incremental.State.prefetch`).
    ``item``: the type of the items (a frozen dataclass, or a tuple of values:
    :mod:`~l10n.incremental.codec`). ``confirm``: an article's item again, without
    writing anything (the confirming pass of the spans that did work, as the ``with``
    block ends; default: the work given to :meth:`each`)."""

    def __init__(self, settings: Settings, paths: Sequence[Path], state: State, code: str,
                 problems: list[Problem] | None, kind: str | None = None,
                 key: str = "", kinds: Sequence[str] = (), item: Any = Any,
                 confirm: Callable[[Source], Any] | None = None) -> None:
        self.settings, self.paths, self.state, self.code = settings, paths, state, code
        self.problems: Any = problems  # None: the first problem raises
        self.kind, self.key, self.kinds, self._confirm = kind, key, kinds, confirm
        self._item = item  # the type of a span fact's items
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
                for _ in _Pass(self, paths, confirming=True).items(self._confirm):
                    pass

    def each(self, work: Callable[[Source], Any]) -> Iterator[Any]:
        """Each readable article's item: a span's replayed items (``replaying``), else
        ``work(source)`` of each of its articles (kept for the span's fact), one by one."""
        if self._confirm is None:
            self._confirm = work  # a run that writes nothing confirms with its own work
        for paths in cut(self.paths):
            replayed = self._replay(paths)
            self.replaying = replayed is not None
            yield from _Pass(self, paths).items(work) if replayed is None else replayed

    def _replay(self, paths: list[Path]) -> Replayed | None:
        if self.kind is None:
            return None
        name, names = span_name(self.kind, paths)
        found = self.state.fact_seen(name, self.kind, names, self.key)
        if found is None:
            return None
        value, seen = found
        try:
            told: tuple[ArticleFacts, ...] = decode(tuple[ArticleFacts, ...], value["articles"])
            items = Replayed(self._item, value["items"])
            if any(facts.slug in self.seen for facts in told if facts.problem is None):
                return None
            if len(told) != len(paths) or not unchanged(value, seen):
                return None
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        for path, facts in zip(paths, told, strict=True):
            try:
                source = from_facts(self.settings, path, facts)
            except ArticleError as exc:
                if self.problems is None:
                    raise
                self.problems.append(Problem.of(exc))
                continue
            self.seen[source.slug] = str(path)
        return items
