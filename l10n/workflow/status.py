"""Translation progress (``l10n status``): entry counts per state and source words, per
article and language, with each language's total. A missing catalog counts its
template's entries as untranslated (the article is segmented in memory when there is no
template yet). ``errors`` counts the check errors of a catalog's live entries, as
``l10n check`` finds them (honouring each entry's ``ignore-*`` flags).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from l10n.catalog import Catalog, Entry
from l10n.catalog.counts import COUNTS, CatalogStatus, count_states
from l10n.config import Settings
from l10n.errors import Problem
from l10n.glossary import Glossary
from l10n.incremental import RunKey
from l10n.incremental.cached import Cache
from l10n.incremental.sources import Source
from l10n.incremental.spans import Spans
from l10n.model import Finding, Severity
from l10n.qa import CheckContext
from l10n.qa.catalog import catalog_findings
from l10n.text.segment import segment_article
from l10n.workflow.extract import template_entries
from l10n.workflow.orphans import find_orphans
from l10n.workflow.qa import record_check


@dataclass(frozen=True)
class StatusReport:
    """Status per language and article, and each language's total."""

    rows: tuple[CatalogStatus, ...]
    totals: tuple[CatalogStatus, ...]
    problems: tuple[Problem, ...] = ()  # articles that could not be read (left out)
    orphans: tuple[str, ...] = ()  # templates and catalogs whose article is gone

    def to_json(self) -> dict[str, Any]:
        """The report as JSON data, the article rows as an iterator (20,000 rows' dicts are
        never all held: ``l10n status --json`` writes them as they come)."""
        return {
            "articles": (row.to_json() for row in self.rows),
            "totals": [total.to_json() for total in self.totals],
            "orphans": list(self.orphans),
            "problems": [asdict(problem) for problem in self.problems],
        }


def _catalog_row(cache: Cache, source: Source, lang: str, glossary: Glossary) -> CatalogStatus:
    """One catalog's row: from the state while the catalog (or, without one, the
    template) is unchanged, else counted and checked now. The row is the fact kept and
    the spans' item; where it is shown, whose, and whether it exists come from this run."""
    settings = cache.settings
    path = settings.catalog_path(lang, source.slug)
    shown = cache.shown(path)

    def counted(catalog: Catalog) -> CatalogStatus:
        ctx = CheckContext(settings.source, lang, glossary, shown)
        return _counted(catalog, lang, shown, catalog_findings(catalog, ctx))

    def uncounted(entries: list[Entry]) -> CatalogStatus:  # a template's, all untranslated
        return count_states(lang, source.slug, entries, shown, False)

    def segments(source: Source) -> CatalogStatus:  # no template yet: segmented in memory
        items = template_entries(settings, source.article, segment_article(source.article))
        return uncounted([Entry(item.msgid, "") for item in items])

    row = cache.result(path, "status", cache.key("status", lang), CatalogStatus, counted)
    exists = row is not None
    if row is None:
        row = cache.result(settings.template_path(source.slug), "status", cache.key("template"),
                           CatalogStatus, lambda template: uncounted(template.entries()))
    if row is None:
        row = cache.article_result(source, "status", cache.key("segments"), CatalogStatus,
                                   segments)
    return replace(row, lang=lang, article=source.slug, catalog=shown, exists=exists)


def _counted(catalog: Catalog, lang: str, shown: str, findings: list[Finding]) -> CatalogStatus:
    """A catalog's row (the fact ``status`` records), with the errors of its ``findings``
    (as ``check`` finds them without ``--only``)."""
    row = count_states(lang, catalog.path.stem, catalog.entries(obsolete=True), shown, True)
    return replace(row, errors=sum(f.severity == Severity.ERROR for f in findings))


def record_status(cache: Cache, glossary: Glossary, catalog: Catalog, lang: str) -> None:
    """For update and translate (``CatalogState.also``): record a catalog as written with
    the counts ``status`` and the findings ``check`` would find, under their keys, so that
    neither reads it next (the checks run once, here instead of there)."""
    shown = cache.shown(catalog.path)
    findings = catalog_findings(catalog, CheckContext(cache.settings.source, lang,
                                                      glossary, shown))
    counts = _counted(catalog, lang, shown, findings)
    cache.record(catalog, "status", cache.key("status", lang), counts)
    record_check(cache, catalog, lang, findings)


def _total(lang: str, rows: Sequence[CatalogStatus]) -> CatalogStatus:
    return CatalogStatus(lang, "", *(sum(getattr(row, name) for row in rows) for name in COUNTS))


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

        def work(source: Source) -> tuple[CatalogStatus, ...]:
            return tuple(_catalog_row(cache, source, lang, glossary) for lang in targets)

        slugs: list[str] = []
        with Spans(cache, articles, problems, "status", run, tuple[CatalogStatus, ...]) as spans:
            for item in spans.each(work):
                slugs.append(item[0].article)
                for row in item:
                    by_lang[row.lang].append(row)
        if articles:  # orphans: of all articles
            slugs = list(Spans(cache, None, [], None, None).each(lambda source: source.slug))
    rows = [row for lang in targets for row in by_lang[lang]]
    totals = [_total(lang, by_lang[lang]) for lang in targets]
    orphans = find_orphans(settings, slugs)
    listed = tuple(settings.display(orphan.path) for orphan in orphans)
    return StatusReport(tuple(rows), tuple(totals), tuple(problems), listed)
