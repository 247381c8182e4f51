"""The checks over a whole catalog: its conventions, and every finding on its live entries.

A translation team may mark no accelerators at all (many Indonesian, some Dutch and
Vietnamese catalogs of Xfce and GNOME): when a catalog keeps the accelerator in at most
:data:`NO_ACCELERATORS` of its translated entries whose source has one (and there are at
least :data:`MIN_ACCELERATORS` of those), that is its convention, not a hundred slips. The
``accelerators`` check then says so once for the catalog, not once per entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from l10n.catalog import Catalog, Entry
from l10n.model import Finding, Severity
from l10n.qa.accelerators import accelerator, has_accelerator
from l10n.qa.checks import CheckContext, run_checks

NO_ACCELERATORS = 0.05
MIN_ACCELERATORS = 10


def for_catalog(entries: Sequence[Entry], ctx: CheckContext) -> tuple[CheckContext, list[Finding]]:
    """The context to check the catalog's entries with, and its catalog-wide findings."""
    marked = [(marker, e.msgstr) for e in entries if e.msgstr and not e.obsolete
              if (marker := accelerator(e.msgid)) is not None]
    kept = sum(has_accelerator(text, marker) for marker, text in marked)
    if len(marked) < MIN_ACCELERATORS or kept > NO_ACCELERATORS * len(marked):
        return ctx, []
    finding = Finding("accelerators", Severity.WARNING,
                      f"the catalog marks no accelerators: {len(marked) - kept} of "
                      f"{len(marked)} translations leave out the source's; if the team does "
                      "mark them, add them (keyboard users need them)", ctx.path, 0, "",
                      ctx.target)
    return replace(ctx, accelerators=False), [finding]


def catalog_findings(catalog: Catalog, ctx: CheckContext, only: str | None = None) -> list[Finding]:
    """Every finding on the live entries of ``catalog`` (in ``only`` state if given), and
    the catalog's own (:func:`for_catalog`) when ``only`` is not given."""
    entries = catalog.entries()
    ctx, found = for_catalog(entries, ctx)
    return (found if only is None else []) + [
        finding
        for entry in entries
        if only is None or entry.state == only
        for finding in run_checks(entry, ctx)
    ]


__all__ = ["MIN_ACCELERATORS", "NO_ACCELERATORS", "catalog_findings", "for_catalog"]
