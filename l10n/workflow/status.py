"""Translation progress (``l10n status``): entry counts per state and source words, per
article and language, with each language's total.

A missing catalog counts every entry of the article's template as untranslated (the
template is read, or, when there is none yet, the article is segmented in memory).
``errors`` counts the check errors of a catalog's live entries, as ``l10n check`` finds
them (honouring each entry's ``ignore-*`` flags).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from l10n.catalog import FUZZY, MACHINE, OBSOLETE, REVIEWED, UNTRANSLATED, Catalog, Entry
from l10n.config import Settings
from l10n.errors import Problem
from l10n.glossary import load_glossary
from l10n.model import Article, Severity
from l10n.qa import CheckContext
from l10n.text.segment import segment_article
from l10n.workflow.extract import read_articles, template_entries
from l10n.workflow.orphans import find_orphans
from l10n.workflow.qa import catalog_findings

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


@dataclass(frozen=True)
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

    def to_json(self) -> dict[str, Any]:
        data = {**asdict(self), "percent_reviewed": self.percent_reviewed}
        if not self.article:  # a total: no one catalog
            del data["article"], data["catalog"], data["exists"]
        return data


@dataclass(frozen=True)
class StatusReport:
    """Status per language and article, and each language's total."""

    rows: tuple[CatalogStatus, ...]
    totals: tuple[CatalogStatus, ...]
    problems: tuple[Problem, ...] = ()  # articles that could not be read (left out)
    orphans: tuple[str, ...] = ()  # templates and catalogs whose article is gone

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": [row.to_json() for row in self.rows],
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


def _total(lang: str, rows: Sequence[CatalogStatus]) -> CatalogStatus:
    fields = ("entries", "reviewed", "machine", "fuzzy", "untranslated", "obsolete", "words",
              "errors")
    sums = {name: sum(getattr(row, name) for row in rows) for name in fields}
    return CatalogStatus(lang, "", **sums)


def status(
    settings: Settings,
    articles: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
) -> StatusReport:
    """Status of every (language, article) catalog, and per-language totals."""
    targets = settings.target_languages(langs)
    glossary = load_glossary(settings.glossary_dir)
    problems: list[Problem] = []
    sources = read_articles(settings, articles, problems=problems)
    rows: list[CatalogStatus] = []
    totals: list[CatalogStatus] = []
    for lang in targets:
        mine = []
        for article in sources:
            path = settings.catalog_path(lang, article.slug)
            shown = settings.display(path)
            if path.is_file():
                catalog = Catalog.read(path)
                row = count_states(lang, article.slug, catalog.entries(obsolete=True), shown, True)
                ctx = CheckContext(settings.source, lang, glossary, shown)
                errors = sum(f.severity == Severity.ERROR for f in catalog_findings(catalog, ctx))
                mine.append(replace(row, errors=errors))
            else:
                entries = _template_entries(settings, article)
                mine.append(count_states(lang, article.slug, entries, shown, False))
        rows += mine
        totals.append(_total(lang, mine))
    every = sources if articles is None else read_articles(settings, None, problems=[])
    orphans = find_orphans(settings, (article.slug for article in every))
    listed = tuple(settings.display(orphan.path) for orphan in orphans)
    return StatusReport(tuple(rows), tuple(totals), tuple(problems), listed)


__all__ = ["count_states", "CatalogStatus", "StatusReport", "count_words", "status"]
