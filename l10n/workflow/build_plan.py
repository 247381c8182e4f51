"""One article in a build: which languages pass the gates (its pages), and which of its
files are already up to date, so that an unchanged article costs a few ``stat`` calls.

An article's **plan** (its pages' languages and coverage, the languages it skipped and
why, what the indexes show of each page) depends on the article's bytes, each target
language's catalog (by digest, or its absence), the gates and flags of the build, the
glossary (with ``--fail-on-errors``), the settings and l10n's code: the state keeps it
under a key of all of these, so an article whose inputs did not change is planned
without reading it or any catalog. A **page file** (``<lang>/<slug>.html``, ``.md``,
``.article.html``) depends on its article's plan key and the languages the article is
published in (hreflang): while the file on disk is the one the state recorded for that
key, it is not rendered again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from l10n.catalog import Catalog
from l10n.config import Settings
from l10n.glossary import Glossary
from l10n.incremental import State, key
from l10n.incremental.sources import Source
from l10n.publish import Page, localize
from l10n.publish.page import Coverage, translated_percent
from l10n.publish.render import IndexEntry, index_entry
from l10n.publish.site import page_facts
from l10n.publish.translated import published_errors, refusal, translations
from l10n.qa import CheckContext


@dataclass(frozen=True, slots=True)
class Skipped:
    """An article not built in a language, and why."""

    slug: str
    lang: str
    reason: str
    reviewed_percent: float | None = None
    errors: int = 0  # check errors that refused it (fail_on_errors)


@dataclass(frozen=True, slots=True)
class PageSummary:
    """A page a build made, as its result reports it (the page itself is not kept)."""

    slug: str
    lang: str
    coverage: Coverage
    used_machine: bool
    source_shown: int = 0  # distinct segment texts shown in the source language

    @property
    def translated_percent(self) -> float:
        return translated_percent(self.coverage.total, self.source_shown)


@dataclass(frozen=True)
class Gates:
    min_reviewed: float
    include_machine: bool
    fail_on_errors: bool  # refuse a language whose catalog has check errors
    glossary: Glossary | None
    glossary_key: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """What the build makes of one article (see the module docstring): the fact
    ``build`` keeps of an article (:mod:`l10n.incremental.codec`)."""

    format: str
    pages: list[PageSummary]
    skipped: list[Skipped]
    index: list[tuple[str, IndexEntry]]  # (lang, entry) per page
    facts: list[dict[str, Any]]  # l10n.publish.site.page_facts of each page

    @property
    def languages(self) -> list[str]:
        return [page.lang for page in self.pages]


def plan_key(base: str, settings: Settings, state: State, source: Source,
             targets: Sequence[str]) -> str:
    """Everything an article's plan depends on: ``base`` (the build's parameters, l10n's
    code, the glossary), the article and its catalogs by digest (read only when the state
    cannot vouch for them)."""
    catalogs = [(lang, state.digest(settings.catalog_path(lang, source.slug)))
                for lang in targets if lang != source.lang]
    return key(base, source.digest, catalogs)


def make_plan(
    settings: Settings, source: Source, targets: Sequence[str], gates: Gates
) -> tuple[Plan, list[Page]]:
    """The article's plan, and its pages (read and localized now)."""
    ref = settings.reference(source.path)
    pages, skipped = article_pages(settings, source, targets, gates, ref)
    summaries = [PageSummary(p.slug, p.lang, p.coverage, p.used_machine, p.source_shown)
                 for p in pages]
    index = [(page.lang, index_entry(page)) for page in pages]
    facts = [page_facts(page) for page in pages]
    return Plan(source.article.format, summaries, skipped, index, facts), pages


def article_pages(
    settings: Settings, source: Source, targets: Sequence[str], gates: Gates, ref: str
) -> tuple[list[Page], list[Skipped]]:
    """The original page, then one page per target language that passes the gates."""
    article = source.article
    pages = [localize(article, article.lang, {}, source_ref=ref)]
    skipped: list[Skipped] = []
    for lang in (code for code in targets if code != article.lang):
        path = settings.catalog_path(lang, article.slug)
        if not path.is_file():
            reason = f"no catalog {settings.display(path)} (run `l10n translate --lang {lang}`)"
            skipped.append(Skipped(article.slug, lang, reason))
            continue
        catalog = Catalog.read(path)
        page = localize(article, lang, translations(catalog),
                        include_machine=gates.include_machine, source_ref=ref)
        why = refusal(page, gates.min_reviewed, gates.include_machine, settings.display(path))
        ctx = CheckContext(settings.source, lang, gates.glossary, settings.display(path))
        errors = published_errors(catalog, ctx, gates.include_machine) \
            if gates.fail_on_errors else 0
        if not why and errors:
            why = (f"{errors} check error{'s' * (errors != 1)} in {settings.display(path)} "
                   f"(see `l10n check --lang {lang}`; --fail-on-errors)")
            skipped.append(Skipped(article.slug, lang, why, page.coverage.reviewed_percent,
                                   errors))
            continue
        if why:
            skipped.append(Skipped(article.slug, lang, why, page.coverage.reviewed_percent))
        else:
            pages.append(page)
    return pages, skipped
