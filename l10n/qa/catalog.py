"""The checks over a whole catalog: every finding on its live entries."""

from __future__ import annotations

from l10n.catalog import Catalog
from l10n.model import Finding
from l10n.qa.checks import CheckContext, run_checks


def catalog_findings(catalog: Catalog, ctx: CheckContext, only: str | None = None) -> list[Finding]:
    """Every finding on the live entries of ``catalog`` (in ``only`` state if given)."""
    return [
        finding
        for entry in catalog.entries()
        if only is None or entry.state == only
        for finding in run_checks(entry, ctx)
    ]
