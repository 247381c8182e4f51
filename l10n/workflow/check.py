"""Quality checks over catalogs (``l10n check``) and translation progress (``l10n status``).

Catalogs are ``locales/<lang>/<slug>.po`` for each article (all articles of the project,
or those named) and each target language (the configured ones, or those named).

- :func:`check` loads the glossary first (a broken glossary stops the run with
  GlossaryError, before any catalog is read), then runs :data:`l10n.checks.CHECKS` on
  every entry. ``only`` keeps entries in one state (``reviewed``, ``machine``, ``fuzzy``,
  ``untranslated``). A missing catalog is one ``untranslated`` warning; a broken one is a
  CatalogError.
- :func:`status` counts entries per state and the source words, per article and language;
  a missing catalog counts every entry of the article's template as untranslated (the
  template is read, or, when there is none yet, the article is segmented in memory).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from l10n.catalog import FUZZY, MACHINE, OBSOLETE, REVIEWED, UNTRANSLATED, Catalog, Entry
from l10n.config import Settings
from l10n.errors import UsageError
from l10n.model import Article, Finding, Severity

ONLY_STATES = (REVIEWED, MACHINE, FUZZY, UNTRANSLATED)
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def catalog_path(settings: Settings, lang: str, slug: str) -> Path:
    return settings.path(settings.locales) / lang / f"{slug}.po"


def shown(path: Path) -> str:
    """``path`` relative to the current folder when it lies under it, else as it is."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else Path(relative).as_posix()


def languages(settings: Settings, langs: Sequence[str] | None) -> tuple[str, ...]:
    """The languages asked for (validated), or the configured targets."""
    from l10n.langs import validate_language

    if not langs:
        return tuple(settings.targets)
    try:
        return tuple(validate_language(lang) for lang in langs)
    except ValueError as exc:
        raise UsageError(str(exc), hint="pass --lang ko,ja with codes Babel knows") from None


def _articles(settings: Settings, paths: Sequence[Path] | None) -> list[Article]:
    from l10n.workflow.extract import read_articles

    return read_articles(settings, paths)


def check(
    settings: Settings,
    articles: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
    only: str | None = None,
) -> list[Finding]:
    """Every finding of every check, by language, article, then entry order."""
    from l10n.checks import CheckContext, run_checks
    from l10n.glossary import load_glossary

    if only is not None and only not in ONLY_STATES:
        raise UsageError(f"--only must be one of {', '.join(ONLY_STATES)}, not '{only}'")
    targets = languages(settings, langs)
    glossary = load_glossary(settings.path(settings.glossaries))
    sources = _articles(settings, articles)
    findings: list[Finding] = []
    for lang in targets:
        for article in sources:
            path = catalog_path(settings, lang, article.slug)
            if not path.is_file():
                if only in (None, UNTRANSLATED):
                    findings.append(_no_catalog(path, lang))
                continue
            ctx = CheckContext(settings.source, lang, glossary, shown(path))
            for entry in Catalog.read(path).entries():
                if only is None or entry.state == only:
                    findings += run_checks(entry, ctx)
    return findings


def _no_catalog(path: Path, lang: str) -> Finding:
    return Finding(
        "untranslated",
        Severity.WARNING,
        "no catalog for this article yet: run `l10n translate`",
        shown(path),
        0,
        "",
        lang,
    )


@dataclass(frozen=True)
class Progress:
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
    """Progress per language and article, and each language's total."""

    rows: tuple[Progress, ...]
    totals: tuple[Progress, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": [row.to_json() for row in self.rows],
            "totals": [total.to_json() for total in self.totals],
        }


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _count(lang: str, slug: str, entries: Sequence[Entry], path: Path, exists: bool) -> Progress:
    states = [entry.state for entry in entries]
    live = [entry for entry in entries if not entry.obsolete]
    return Progress(
        lang=lang,
        article=slug,
        entries=len(live),
        reviewed=states.count(REVIEWED),
        machine=states.count(MACHINE),
        fuzzy=states.count(FUZZY),
        untranslated=states.count(UNTRANSLATED),
        obsolete=states.count(OBSOLETE),
        words=sum(count_words(entry.msgid) for entry in live),
        catalog=shown(path),
        exists=exists,
    )


def _template_entries(settings: Settings, article: Article) -> list[Entry]:
    """The article's template entries, all untranslated (from memory if no template yet)."""
    from l10n.workflow.extract import template_entries, template_path

    path = template_path(settings, article.slug)
    if path.is_file():
        return Catalog.read(path).entries()
    from l10n.segment import segment_article

    segments = segment_article(article)
    return [Entry(item.msgid, "") for item in template_entries(settings, article, segments)]


def _total(lang: str, rows: Sequence[Progress]) -> Progress:
    fields = ("entries", "reviewed", "machine", "fuzzy", "untranslated", "obsolete", "words")
    sums = {name: sum(getattr(row, name) for row in rows) for name in fields}
    return Progress(lang, "", **sums)


def status(
    settings: Settings,
    articles: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
) -> StatusReport:
    """Progress of every (language, article) catalog, and per-language totals."""
    targets = languages(settings, langs)
    sources = _articles(settings, articles)
    rows: list[Progress] = []
    totals: list[Progress] = []
    for lang in targets:
        mine = []
        for article in sources:
            path = catalog_path(settings, lang, article.slug)
            if path.is_file():
                entries = Catalog.read(path).entries(obsolete=True)
                mine.append(_count(lang, article.slug, entries, path, True))
            else:
                entries = _template_entries(settings, article)
                mine.append(_count(lang, article.slug, entries, path, False))
        rows += mine
        totals.append(_total(lang, mine))
    return StatusReport(tuple(rows), tuple(totals))
