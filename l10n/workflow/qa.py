"""Quality checks over the project's catalogs (``l10n check``).

Catalogs are ``locales/<lang>/<slug>.po`` for each article (all articles of the project,
or those named) and each target language (the configured ones, or those named). The
glossary is loaded first (a broken glossary stops the run with GlossaryError, before any
catalog is read), then :data:`l10n.qa.CHECKS` run on every entry. ``only`` keeps entries
in one state (``reviewed``, ``machine``, ``fuzzy``, ``untranslated``). A missing catalog
is one ``untranslated`` warning; a broken one is a CatalogError.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from l10n.catalog import FUZZY, MACHINE, REVIEWED, UNTRANSLATED, Catalog
from l10n.config import Settings
from l10n.errors import UsageError
from l10n.glossary import load_glossary
from l10n.model import Finding, Severity
from l10n.qa import CheckContext, run_checks
from l10n.workflow.extract import read_articles

ONLY_STATES = (REVIEWED, MACHINE, FUZZY, UNTRANSLATED)


def check(
    settings: Settings,
    articles: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
    only: str | None = None,
) -> list[Finding]:
    """Every finding of every check, by language, article, then entry order."""
    if only is not None and only not in ONLY_STATES:
        raise UsageError(f"--only must be one of {', '.join(ONLY_STATES)}, not '{only}'")
    targets = settings.target_languages(langs)
    glossary = load_glossary(settings.glossary_dir)
    sources = read_articles(settings, articles)
    findings: list[Finding] = []
    for lang in targets:
        for article in sources:
            path = settings.catalog_path(lang, article.slug)
            if not path.is_file():
                if only in (None, UNTRANSLATED):
                    findings.append(_no_catalog(settings.display(path), lang))
                continue
            ctx = CheckContext(settings.source, lang, glossary, settings.display(path))
            for entry in Catalog.read(path).entries():
                if only is None or entry.state == only:
                    findings += run_checks(entry, ctx)
    return findings


def _no_catalog(shown: str, lang: str) -> Finding:
    return Finding(
        "untranslated",
        Severity.WARNING,
        "no catalog for this article yet: run `l10n translate`",
        shown,
        0,
        "",
        lang,
    )
