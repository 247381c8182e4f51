"""What a build publishes of a catalog: its translations (reviewed, or marked unreviewed),
why a page is refused (the gates), and the check errors of what it would publish."""

from __future__ import annotations

from l10n.catalog import FUZZY, MACHINE, REVIEWED, Catalog
from l10n.model import Severity
from l10n.publish.page import Page, Translation
from l10n.qa import CheckContext
from l10n.qa.catalog import catalog_findings


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
