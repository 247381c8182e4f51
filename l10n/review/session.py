"""The review session behind ``l10n review``: the dashboard, the article pages, live
checks and saves, for one project.

A :class:`ReviewSession` is built once when the server starts (the articles and the
languages are validated then, so a typo stops ``l10n review`` at once) and serves every
request. Everything is read from disk again when it changed, so the page shows what a
``l10n translate`` run, another reviewer or a PO editor did as soon as it is reloaded:

* catalogs and the glossary are cached by file stamp (inode, size, modification and
  change time: :class:`~l10n.incremental.Stamp`, as the state trusts files);
* check findings are cached by (language, entry without its place in the file), and
  glossary matches by source, both dropped when the glossary changes. ``l10n check`` and
  this page run the same checks (:func:`l10n.qa.run_checks`, with the entries' ``ignore-*``
  flags), so their figures agree.

Saves go through :func:`l10n.workflow.edit.save_edits` (the project lock, versions,
atomic writes, the memory). Saves of one server are made one at a time, so that two
reviewers of one server never trip over the lock; a ``translate`` run holding it makes a
save raise :class:`~l10n.errors.LockedError`, and the page keeps the reviewer's text.
Accepting a translation that has error findings needs ``force`` (the page asks first).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from l10n.catalog import Catalog, Entry
from l10n.catalog.counts import CatalogStatus, count_states
from l10n.catalog.patch import as_on_disk, fork
from l10n.config import Settings
from l10n.errors import InputError, L10nError, UsageError
from l10n.glossary import Glossary, load_glossary
from l10n.incremental.sources import article_paths
from l10n.incremental.stamps import Stamp
from l10n.incremental.stamps import stamp_of as file_stamp
from l10n.memory import Memory
from l10n.memory.history import Change
from l10n.memory.units import Unit
from l10n.model import Article, Finding, Severity, TermMatch
from l10n.publish import localize, render_html
from l10n.publish.translated import translations
from l10n.qa import CheckContext, run_checks
from l10n.review.search import CatalogIndex, SearchResult, search
from l10n.review.view import (
    ArticleView,
    CatalogRow,
    EntryHelps,
    EntryView,
    SaveResult,
    entry_id,
    entry_view,
    group_blocks,
    memory_matches,
)
from l10n.workflow.edit import Edit, save_edits
from l10n.workflow.extract import read_articles

CONFIRM = "confirm"  # a save refused until the reviewer confirms accepting with errors

_RACY_NS = 20_000_000  # a file changed this recently may change again, its stamp kept


def _stamp(path: Path) -> Stamp | object | None:
    """What a read of the file is cached under: its :class:`~l10n.incremental.Stamp` (with its
    ctime, so that an edit that puts the mtime back is seen, as the state sees it); None
    when there is no file. A file changed within the last tick or two gets a token equal
    to nothing: it could change again in the same tick and keep its stamp (racily clean),
    so what was read of it is not trusted next time."""
    stamp = file_stamp(path)
    if stamp is not None and time.time_ns() - max(stamp.mtime_ns, stamp.ctime_ns) < _RACY_NS:
        return object()
    return stamp


class ReviewSession:
    """One project's review: see the module's rules."""

    def __init__(
        self,
        settings: Settings,
        articles: Sequence[Path] | None = None,
        langs: Sequence[str] | None = None,
        reviewer: str = "",
    ) -> None:
        self.settings = settings
        self.reviewer = reviewer  # who saves when the request names nobody else
        self.paths = list(articles) if articles else None
        self.langs = settings.target_languages(langs)
        self._save_lock = threading.Lock()
        self._lock = threading.Lock()
        self._catalogs: dict[Path, tuple[Stamp | object, Catalog]] = {}
        self._listed: dict[Path, tuple[Catalog, list[Entry]]] = {}
        self._findings: dict[tuple[str, Entry], tuple[Finding, ...]] = {}
        self._matches: dict[tuple[str, str], list[TermMatch]] = {}
        self._glossary_cache: tuple[tuple[object, ...], Glossary] | None = None
        self._articles: tuple[tuple[object, ...], list[Article]] | None = None
        self._views: dict[tuple[str, str], tuple[tuple[object, ...], ArticleView]] = {}
        self._index = CatalogIndex()
        self.serving = 0  # requests being answered: warm() gives way to them
        self.articles()  # read (and so validate) the articles and the glossary now
        self._glossary()

    # ----------------------------------------------------------------- reading
    def articles(self) -> list[Article]:
        """The session's articles (read again when a file changed, or one came or went)."""
        paths = article_paths(self.settings, self.paths)
        key = tuple((p, _stamp(p)) for p in paths)
        if self._articles is None or self._articles[0] != key:
            self._articles = (key, read_articles(self.settings, self.paths))
        return self._articles[1]

    def article(self, lang: str, slug: str) -> Article:
        """The article ``slug`` in a language of this session; UsageError otherwise
        (nothing the request names becomes a path before it is found here)."""
        if lang not in self.langs:
            raise UsageError(f"'{lang}' is not a language of this review")
        for article in self.articles():
            if article.slug == slug:
                return article
        raise UsageError(f"no article '{slug}' in this review")

    def _glossary(self) -> Glossary:
        folder = self.settings.glossary_dir
        files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        key = tuple((p.name, _stamp(p)) for p in files)
        cached = self._glossary_cache
        if cached is not None and cached[0] == key:
            return cached[1]
        glossary = load_glossary(folder)
        self._findings.clear()
        self._matches.clear()
        self._glossary_cache = (key, glossary)
        return glossary

    def catalog(self, lang: str, slug: str) -> Catalog | None:
        """The catalog as it is on disk now (read again only when it changed); None when
        the article has no catalog in ``lang`` yet. Callers must not change it."""
        path = self.settings.catalog_path(lang, slug)
        now = file_stamp(path)
        if now is None:
            return None
        with self._lock:  # one parse at a time: a second reader finds the first's result
            cached = self._catalogs.get(path)
            if cached is not None and cached[0] == now:
                return cached[1]
            stamp = _stamp(path)  # taken before the read: a racy file's read is not kept
            catalog = Catalog.read(path)
            self._catalogs[path] = (stamp, catalog)
        return catalog

    def _entries(self, catalog: Catalog | None, obsolete: bool = False) -> list[Entry]:
        """The catalog's entries, listed once per catalog read (or saved)."""
        if catalog is None:
            return []
        kept = self._listed.get(catalog.path)
        if kept is None or kept[0] is not catalog:
            kept = self._listed[catalog.path] = (catalog, catalog.entries(obsolete=True))
        return kept[1] if obsolete else [e for e in kept[1] if not e.obsolete]

    def _terms(self, text: str, lang: str, glossary: Glossary) -> list[TermMatch]:
        key = (lang, text)
        found = self._matches.get(key)
        if found is None:
            found = self._matches[key] = glossary.find(text, lang)
        return found

    def _checker(self, lang: str, slug: str) -> Callable[[Entry], tuple[Finding, ...]]:
        """Findings of entries of one catalog (cached by text; the glossary is looked at
        once per call of this method, that is once per request)."""
        ctx = CheckContext(self.settings.source, lang, self._glossary())
        shown = self.settings.display(self.settings.catalog_path(lang, slug))

        def findings(entry: Entry) -> tuple[Finding, ...]:
            key = (lang, replace(entry, line=0, references=()))  # flags, comments... count
            found = self._findings.get(key)
            if found is None:
                found = self._findings[key] = tuple(run_checks(key[1], ctx))
            return tuple(replace(f, path=shown, line=entry.line) for f in found)

        return findings

    def findings(self, lang: str, slug: str, entry: Entry) -> tuple[Finding, ...]:
        """Every finding of the checks on ``entry`` (cached by its text)."""
        return self._checker(lang, slug)(entry)

    def _view(self, entry: Entry, lang: str) -> EntryView:
        return entry_view(entry, self._terms(entry.msgid, lang, self._glossary()), lang)

    def counts(self, lang: str, slug: str) -> CatalogStatus:
        """The catalog's figures, as ``l10n status`` counts them."""
        catalog = self.catalog(lang, slug)
        path = self.settings.catalog_path(lang, slug)
        entries = self._entries(catalog, obsolete=True)
        return count_states(lang, slug, entries, self.settings.display(path), catalog is not None)

    # ----------------------------------------------------------------- pages
    def dashboard(self) -> list[CatalogRow]:
        """Languages x articles: the counts of ``l10n status`` and of ``l10n check``."""
        rows = []
        for lang in self.langs:
            for article in self.articles():
                catalog = self.catalog(lang, article.slug)
                check = self._checker(lang, article.slug)
                findings = [f for e in self._entries(catalog) for f in check(e)]
                errors = sum(f.severity == Severity.ERROR for f in findings)
                rows.append(CatalogRow(lang, article.slug, article.title,
                                       self.counts(lang, article.slug), errors,
                                       len(findings) - errors))
        return rows

    def warm(self) -> None:
        """Read every catalog, then run every check once (what the dashboard shows), so
        that the first page a reviewer opens finds them ready; errors wait for a page."""
        with contextlib.suppress(L10nError):
            for lang in self.langs:  # the pages first, then the checks
                for article in self.articles():
                    self._give_way()
                    self.article_view(lang, article.slug)
            self._give_way()
            self.dashboard()

    def _give_way(self) -> None:
        """Wait while a request is being answered: a reviewer's first page must not share
        the interpreter with work done for pages they have not asked for yet."""
        while self.serving:
            time.sleep(0.02)

    def article_view(self, lang: str, slug: str) -> ArticleView:
        """The article page's data; the same object while neither the catalog nor the
        glossary changed (so that its rendering can be kept too)."""
        article = self.article(lang, slug)
        catalog = self.catalog(lang, slug)
        glossary = self._glossary()
        with self._lock:  # the stamp read before the catalog was parsed
            read = self._catalogs.get(self.settings.catalog_path(lang, slug))
        stamp = read[0] if read is not None and read[1] is catalog else None
        key = (stamp, self._glossary_cache[0] if self._glossary_cache else None, article.title)
        cached = self._views.get((lang, slug))
        if cached is not None and cached[0] == key:
            return cached[1]
        view = self._build_view(lang, slug, article, catalog, glossary)
        self._views[lang, slug] = (key, view)
        return view

    def _build_view(self, lang: str, slug: str, article: Article, catalog: Catalog | None,
                    glossary: Glossary) -> ArticleView:
        entries = self._entries(catalog)
        views = [entry_view(e, self._terms(e.msgid, lang, glossary), lang) for e in entries]
        blocks = group_blocks(views, [e.block_label for e in entries])
        path = self.settings.display(self.settings.catalog_path(lang, slug))
        return ArticleView(lang, slug, article.title, path, catalog is not None, blocks,
                           self.counts(lang, slug))

    def all_findings(self, lang: str, slug: str) -> dict[str, tuple[Entry, tuple[Finding, ...]]]:
        """Every entry's findings, by entry id."""
        self.article(lang, slug)
        catalog = self.catalog(lang, slug)
        entries = self._entries(catalog)
        check = self._checker(lang, slug)
        return {entry_id(e.msgid): (e, check(e)) for e in entries}

    def entry(self, lang: str, slug: str, ident: str) -> Entry:
        """The live entry with this id; InputError when the catalog no longer has it."""
        self.article(lang, slug)
        catalog = self.catalog(lang, slug)
        for entry in self._entries(catalog):
            if entry_id(entry.msgid) == ident:
                return entry
        raise InputError("this sentence is no longer in the catalog",
                         hint="reload the page to see the article as it is now")

    def check(self, lang: str, slug: str, ident: str, text: str) -> tuple[Entry, list[Finding]]:
        """The findings ``text`` would have as the translation of the entry ``ident``."""
        entry = self.entry(lang, slug, ident)
        return entry, list(self.findings(lang, slug, replace(entry, msgstr=text)))

    def helps(self, lang: str, slug: str, ident: str) -> EntryHelps:
        """The engine's other hypotheses and the memory's matches for one entry."""
        entry = self.entry(lang, slug, ident)
        source, path = self.settings.source, self.settings.memory_path
        if not path.is_file():
            return EntryHelps((), ())
        with Memory.open(path, create=False) as memory:
            others = memory.alternatives(entry.msgid, source, lang)
            found = memory.fuzzy(entry.msgid, source, lang, self.settings.fuzzy_threshold)
        alternatives = tuple(a for a in others if a.text != entry.msgstr)
        return EntryHelps(alternatives, memory_matches(entry.msgid, found))

    def search(self, query: str) -> SearchResult:
        """Entries of every catalog of the review, and memory units, containing ``query``."""
        rows = [(lang, a.slug, a.title) for lang in self.langs for a in self.articles()]
        with self._memory() as memory:
            return search(self._index, query, rows, self.catalog, memory)

    def concordance(self, lang: str, query: str) -> list[Unit]:
        """Memory units of ``lang`` whose source contains ``query`` (selected words)."""
        with self._memory() as memory:
            return memory.search(query, target=lang, sources_only=True, limit=20) if memory else []

    @contextlib.contextmanager
    def _memory(self) -> Iterator[Memory | None]:
        if not self.settings.memory_path.is_file():
            yield None
            return
        with Memory.open(self.settings.memory_path, create=False) as memory:
            yield memory

    def preview(self, lang: str, slug: str, *, include_machine: bool = True) -> str:
        """The article page as ``l10n build`` renders it, with the current translations
        (``lang`` may be the source language: the original page)."""
        original = lang == self.settings.source
        article = self.article(self.langs[0] if original else lang, slug)
        catalog = None if original else self.catalog(lang, slug)
        found = translations(catalog) if catalog is not None else {}
        page = localize(article, lang, found, include_machine=include_machine,
                        source_ref=self.settings.reference(article.path))
        return render_html(page, [article.lang, lang])

    # ----------------------------------------------------------------- saving
    def save(
        self, lang: str, slug: str, ident: str, text: str, version: str, *,
        reviewed: bool, force: bool = False, reviewer: str | None = None,
    ) -> SaveResult:
        """Save the reviewer's ``text`` for entry ``ident``, which they saw at ``version``:
        accepted (``reviewed``) or as a draft that stays fuzzy. ``reviewer`` (default: the
        session's) is recorded in the history and becomes the ``Last-Translator``."""
        entry = self.entry(lang, slug, ident)
        if reviewed and replace(entry, msgstr=text).is_pseudo:
            raise InputError("pseudo-localized text is not a translation and cannot be "
                             "accepted as reviewed",
                             hint="write the translation (or save it as a draft)")
        if reviewed and not force and entry.version == version:
            errors = tuple(f for f in self.check(lang, slug, ident, text)[1]
                           if f.severity == Severity.ERROR)
            if errors:
                return SaveResult(CONFIRM, self._view(entry, lang), errors)
        return self._saved(lang, slug, Edit(entry.msgid, text, reviewed, version), reviewer)

    def annotate(
        self, lang: str, slug: str, ident: str, version: str, *, comment: str | None = None,
        ignore: tuple[tuple[str, bool], ...] = (), reviewer: str | None = None,
    ) -> SaveResult:
        """Set the entry's translator comment, or dismiss (restore) a check's finding for
        it (``#, ignore-<check>``); its translation and state stay as they are."""
        entry = self.entry(lang, slug, ident)
        edit = Edit(entry.msgid, entry.msgstr, entry.reviewed, version, comment=comment,
                    ignore=ignore)
        return self._saved(lang, slug, edit, reviewer)

    def history(self, lang: str, slug: str, ident: str) -> list[Change]:
        """The entry's changes, oldest first (empty before the first one)."""
        entry = self.entry(lang, slug, ident)
        if not self.settings.memory_path.is_file():
            return []
        with Memory.open(self.settings.memory_path, create=False) as memory:
            return memory.history(slugs=[slug], lang=[lang], msgid=entry.msgid)

    def _saved(self, lang: str, slug: str, edit: Edit, reviewer: str | None) -> SaveResult:
        with self._save_lock:
            cached = self.catalog(lang, slug)  # what the save starts from, unless stale
            draft = fork(cached, [edit.msgid]) if cached is not None else None
            [outcome] = save_edits(self.settings, lang, slug, [edit],
                                   who=reviewer or self.reviewer, person=True, known=draft)
            if draft is not None and as_on_disk(draft):  # kept: the next page parses nothing
                with self._lock:
                    # our own write, just checked: trusted though it is racy (another
                    # writer in this very tick would have to keep its inode and size)
                    self._catalogs[draft.path] = (file_stamp(draft.path), draft)
        now = outcome.entry
        view = self._view(now, lang) if now is not None else None
        findings = self.findings(lang, slug, now) if now is not None else ()
        return SaveResult(outcome.status, view, findings, self.counts(lang, slug))


__all__ = ["CONFIRM", "ArticleView", "CatalogRow", "ReviewSession", "SaveResult"]
