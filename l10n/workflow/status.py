"""Translation progress (``l10n status``): entry counts per state and source words, per
article and language, with each language's total.

A missing catalog counts every entry of the article's template as untranslated (the
template is read, or, when there is none yet, the article is segmented in memory).
``errors`` counts the check errors of a catalog's live entries, as ``l10n check`` finds
them (honouring each entry's ``ignore-*`` flags).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from l10n.catalog import FUZZY, MACHINE, OBSOLETE, REVIEWED, UNTRANSLATED, Catalog, Entry
from l10n.config import Settings
from l10n.errors import Problem
from l10n.glossary import Glossary
from l10n.incremental import RunKey
from l10n.incremental.cached import Cache
from l10n.incremental.sources import Source
from l10n.model import Article, Finding, Severity
from l10n.qa import CheckContext
from l10n.qa.catalog import catalog_findings
from l10n.text.segment import segment_article
from l10n.workflow.extract import template_entries
from l10n.workflow.orphans import find_orphans
from l10n.workflow.qa import record_check

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


@dataclass(frozen=True, slots=True)
class CatalogStatus:
    """Entry counts per state for one catalog (or a language's total)."""

    lang: str
    article: str  # the slug; "" for a language's total
    entries: int = 0
    reviewed: int = 0
    machine: int = 0  # fuzzy machine output nobody has touched
    fuzzy: int = 0  # fuzzy from an update, a memory suggestion, or edited machine output
    untranslated: int = 0
    obsolete: int = 0
    words: int = 0  # source words of the (non-obsolete) entries
    errors: int = 0  # check errors (l10n check), after the entries' ignore-* flags
    catalog: str = ""  # the catalog's path; "" for a total
    exists: bool = True  # False: no catalog yet, counted from the template

    @property
    def percent_reviewed(self) -> float:
        return 0.0 if not self.entries else round(100.0 * self.reviewed / self.entries, 1)

    @property
    def percent_source_text(self) -> float:
        """What a build of reviewed translations shows in the source language."""
        return 0.0 if not self.entries else round(100.0 - self.percent_reviewed, 1)

    def to_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _FIELDS}
        data["percent_reviewed"] = self.percent_reviewed
        data["percent_source_text"] = self.percent_source_text
        if not self.article:  # a total: no one catalog
            del data["article"], data["catalog"], data["exists"]
        return data


_FIELDS = tuple(field.name for field in fields(CatalogStatus))


@dataclass(frozen=True)
class StatusReport:
    """Status per language and article, and each language's total."""

    rows: tuple[CatalogStatus, ...]
    totals: tuple[CatalogStatus, ...]
    problems: tuple[Problem, ...] = ()  # articles that could not be read (left out)
    orphans: tuple[str, ...] = ()  # templates and catalogs whose article is gone

    def to_json(self, *, lazy: bool = False) -> dict[str, Any]:
        """The report as JSON data; ``lazy``: the article rows as an iterator (20,000 rows'
        dicts are never all held: ``l10n status --json`` writes them as they come)."""
        rows = (row.to_json() for row in self.rows)
        return {
            "articles": rows if lazy else list(rows),
            "totals": [total.to_json() for total in self.totals],
            "orphans": list(self.orphans),
            "problems": [asdict(problem) for problem in self.problems],
        }


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def count_states(
    lang: str, slug: str, entries: Sequence[Entry], shown: str, exists: bool
) -> CatalogStatus:
    """The status of one catalog from its entries (obsolete ones included)."""
    states = [entry.state for entry in entries]
    live = [entry for entry in entries if not entry.obsolete]
    return CatalogStatus(
        lang=lang,
        article=slug,
        entries=len(live),
        reviewed=states.count(REVIEWED),
        machine=states.count(MACHINE),
        fuzzy=states.count(FUZZY),
        untranslated=states.count(UNTRANSLATED),
        obsolete=states.count(OBSOLETE),
        words=sum(count_words(entry.msgid) for entry in live),
        catalog=shown,
        exists=exists,
    )


def _template_entries(settings: Settings, article: Article) -> list[Entry]:
    """The article's template entries, all untranslated (from memory if no template yet)."""
    path = settings.template_path(article.slug)
    if path.is_file():
        return Catalog.read(path).entries()
    segments = segment_article(article)
    return [Entry(item.msgid, "") for item in template_entries(settings, article, segments)]


@dataclass(frozen=True, slots=True)
class Counts:
    """A catalog's counts (the fact ``status`` keeps of it)."""

    entries: int
    reviewed: int
    machine: int
    fuzzy: int
    untranslated: int
    obsolete: int
    words: int
    errors: int


_COUNTS = tuple(field.name for field in fields(Counts))


@dataclass(frozen=True, slots=True)
class _Row:
    """A catalog's row in a span of ``status``."""

    counts: Counts
    catalog: str
    exists: bool


@dataclass(frozen=True, slots=True)
class _Item:
    """An article's rows in a span of ``status``, one per language."""

    slug: str
    rows: tuple[_Row, ...]


def _counts(row: CatalogStatus) -> Counts:
    return Counts(*(getattr(row, name) for name in _COUNTS))


def _catalog_row(cache: Cache, source: Source, lang: str, glossary: Glossary) -> CatalogStatus:
    """One catalog's row: from the state when the catalog (or, without one, the
    template) is unchanged, else counted and checked now."""
    settings = cache.settings
    path = settings.catalog_path(lang, source.slug)
    shown = cache.shown(path)

    def compute(catalog: Catalog) -> Counts:
        return catalog_counts(settings, catalog, lang, glossary, shown)

    counts = cache.result(path, "status", cache.key("status", lang), Counts, compute)
    if counts is not None:
        return _status(lang, source.slug, counts, shown, True)

    def missing(source: Source) -> Counts:
        entries = _template_entries(settings, source.article)
        return _counts(count_states(lang, source.slug, entries, shown, False))

    counts = cache.result(settings.template_path(source.slug), "status", cache.key("template"),
                          Counts, lambda catalog: _counts(count_states(
                              lang, source.slug, catalog.entries(), shown, False)))
    if counts is None:
        counts = cache.article_result(source, "status", cache.key("segments"), Counts, missing)
    return _status(lang, source.slug, counts, shown, False)


def _status(lang: str, slug: str, c: Counts, shown: str, exists: bool) -> CatalogStatus:
    return CatalogStatus(lang, slug, c.entries, c.reviewed, c.machine, c.fuzzy,
                         c.untranslated, c.obsolete, c.words, c.errors, shown, exists)


def catalog_counts(settings: Settings, catalog: Catalog, lang: str, glossary: Glossary,
                   shown: str, findings: list[Finding] | None = None) -> Counts:
    """A catalog's counts as its status row has them (the fact ``status`` records);
    ``findings``: the catalog's, when the caller has them."""
    row = count_states(lang, catalog.path.stem, catalog.entries(obsolete=True), shown, True)
    if findings is None:
        findings = catalog_findings(catalog, CheckContext(settings.source, lang, glossary, shown))
    errors = sum(f.severity == Severity.ERROR for f in findings)
    return _counts(replace(row, errors=errors))


def status_recorder(cache: Cache, glossary: Glossary) -> Callable[[Catalog, str], None]:
    """For the runs that write catalogs (update, translate): record each catalog as
    written with the counts ``status`` would find and the findings ``check`` would,
    under their own keys, so that the first ``status`` or ``check`` after them reads no
    catalog they wrote (the checks run once, here instead of there)."""

    def record(catalog: Catalog, lang: str) -> None:
        if catalog.disk_text is None:
            return
        shown = cache.shown(catalog.path)
        findings = catalog_findings(catalog, CheckContext(cache.settings.source, lang,
                                                          glossary, shown))
        counts = catalog_counts(cache.settings, catalog, lang, glossary, shown, findings)
        cache.record(catalog, "status", cache.key("status", lang), counts)
        record_check(cache, catalog, lang, findings)

    return record


def _total(lang: str, rows: Sequence[CatalogStatus]) -> CatalogStatus:
    sums = [sum(column) for column in zip(*(
        (r.entries, r.reviewed, r.machine, r.fuzzy, r.untranslated, r.obsolete, r.words,
         r.errors) for r in rows), strict=True)]
    return CatalogStatus(lang, "", *(sums or [0] * len(_COUNTS)))


def status(
    settings: Settings,
    articles: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
) -> StatusReport:
    """Status of every (language, article) catalog, and per-language totals. Articles are
    streamed; each catalog's row comes from the state while the catalog is unchanged."""
    run = RunKey.of(status, locals())
    targets = settings.target_languages(langs)
    problems: list[Problem] = []
    by_lang: dict[str, list[CatalogStatus]] = {lang: [] for lang in targets}
    with Cache.open(settings) as cache:
        glossary = cache.glossary()

        def work(source: Source) -> _Item:
            rows = [_catalog_row(cache, source, lang, glossary) for lang in targets]
            return _Item(source.slug, tuple(_Row(_counts(row), row.catalog, row.exists)
                                            for row in rows))

        slugs: list[str] = []
        spans = cache.spans(list(articles) if articles else None, problems, "status", run,
                            _Item)
        for item in spans.each(work):
            slugs.append(item.slug)
            for lang, row in zip(targets, item.rows, strict=True):
                by_lang[lang].append(_status(lang, item.slug, row.counts, row.catalog,
                                             row.exists))
        if articles:
            slugs = [source.slug for source in cache.spans(None, []).sources()]
    rows = [row for lang in targets for row in by_lang[lang]]
    totals = [_total(lang, by_lang[lang]) for lang in targets]
    orphans = find_orphans(settings, slugs)
    listed = tuple(settings.display(orphan.path) for orphan in orphans)
    return StatusReport(tuple(rows), tuple(totals), tuple(problems), listed)


__all__ = ["count_states", "CatalogStatus", "StatusReport", "count_words", "status",
           "status_recorder"]
