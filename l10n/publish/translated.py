"""What a build publishes of an article: the original page, and a page in each language
whose catalog passes the gates (:func:`article_pages`): a catalog's translations
(reviewed, or marked unreviewed), why a page is refused, and the check errors of what
it would publish."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from l10n.catalog import FUZZY, MACHINE, REVIEWED, Catalog
from l10n.config import Settings
from l10n.glossary import Glossary
from l10n.model import Article, Severity
from l10n.publish.page import Coverage, Page, Translation, localize, translated_percent
from l10n.qa import CheckContext
from l10n.qa.catalog import catalog_findings


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


def translations(catalog: Catalog) -> dict[str, Translation]:
    """msgid -> translation: reviewed entries, and fuzzy ones (and pseudo text, even
    accepted) marked unreviewed: a reviewed-only build never publishes them."""
    found: dict[str, Translation] = {}
    for entry in catalog.entries():
        if entry.state == REVIEWED and not entry.is_pseudo:  # pseudo text is never reviewed
            found[entry.msgid] = Translation(entry.msgstr, reviewed=True)
        elif entry.state in (REVIEWED, MACHINE, FUZZY):
            found[entry.msgid] = Translation(entry.msgstr, reviewed=False)
    return found


def published_errors(catalog: Catalog, ctx: CheckContext, include_machine: bool) -> int:
    """Check errors on the entries a build would publish from ``catalog``."""
    states = (REVIEWED, MACHINE, FUZZY) if include_machine else (REVIEWED,)
    return sum(
        f.severity == Severity.ERROR
        for state in states
        for f in catalog_findings(catalog, ctx, state)
    )


def refusal(page: Page, gate: float, include_machine: bool, catalog: str) -> str | None:
    """Why ``page`` must not be published, or None."""
    cov = page.coverage
    if cov.reviewed_percent < gate:
        return (
            f"{cov.reviewed_percent:g}% of its {cov.total} entries reviewed in {catalog}, "
            f"below --min-reviewed {gate:g}% ({cov.reviewed} reviewed, {cov.machine} "
            f"unreviewed, {cov.untranslated} untranslated)"
        )
    if not page.translated:
        hint = ""
        if cov.machine and not include_machine:
            hint = f"; --include-machine would use its {cov.machine} unreviewed entries"
        return f"nothing to publish: no reviewed translation in {catalog}{hint}"
    return None


def article_pages(
    settings: Settings, article: Article, targets: Sequence[str], gates: Gates, ref: str
) -> tuple[list[Page], list[Skipped]]:
    """The original page, then one page per target language that passes the gates
    (``ref``: the article as its pages name it)."""
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
            if gates.fail_on_errors and not why else 0
        if errors:
            why = (f"{errors} check error{'s' * (errors != 1)} in {settings.display(path)} "
                   f"(see `l10n check --lang {lang}`; --fail-on-errors)")
        if why:
            skipped.append(Skipped(article.slug, lang, why, page.coverage.reviewed_percent,
                                   errors))
        else:
            pages.append(page)
    return pages, skipped
