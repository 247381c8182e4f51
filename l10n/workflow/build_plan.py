"""One article in a build: its plan (which languages pass the gates, its pages:
:func:`~l10n.publish.translated.article_pages`), and which of its files are already up
to date, so that an unchanged article costs a few ``stat`` calls.

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

from l10n.config import Settings
from l10n.incremental import State, key
from l10n.incremental.sources import Source
from l10n.publish import Page
from l10n.publish.render import index_entry
from l10n.publish.site import page_facts
from l10n.publish.translated import Gates, Skipped, article_pages
from l10n.workflow.build_result import page_row


@dataclass(frozen=True, slots=True)
class Plan:
    """What the build makes of one article (see the module docstring): the fact
    ``build`` keeps of an article (:mod:`l10n.incremental.codec`). Its lists are kept
    as JSON reads them, not decoded: a no-change build of an archive replays 10,000."""

    format: str
    pages: list[Any]  # page_row of each page (l10n.workflow.build_result)
    skipped: list[Skipped]
    index: list[Any]  # [lang, entry] of each page (l10n.publish.render.index_entry)
    facts: list[Any]  # l10n.publish.site.page_facts of each page

    @property
    def languages(self) -> list[str]:
        return [row[1] for row in self.pages]


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
    pages, skipped = article_pages(settings, source.article, targets, gates, ref)
    rows = [page_row(page) for page in pages]
    index = [[page.lang, index_entry(page)] for page in pages]
    facts = [page_facts(page) for page in pages]
    return Plan(source.article.format, rows, skipped, index, facts), pages
