"""The checks over a whole catalog: its conventions, and every finding on its live entries.

A translation team may mark no accelerators at all (many Indonesian, some Dutch and
Vietnamese catalogs of Xfce and GNOME): when a catalog keeps the accelerator in at most
:data:`NO_ACCELERATORS` of its translated entries whose source has one (and there are at
least :data:`MIN_ACCELERATORS` of those), that is its convention, not a hundred slips. The
``accelerators`` check then says so once for the catalog, not once per entry.

The same holds for any warning (:func:`conventions`): when one check reports the same
thing (its message with the quoted text and the figures left out) on :data:`CONVENTION`
entries or more of one catalog, that is how this catalog is written (Thai widens its
phrase breaks, a team ends every label with a space, a catalog keeps English on purpose),
said once with the lines it is on. Errors are never folded: each is its own slip.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from l10n.catalog import Catalog, Entry
from l10n.catalog.annotate import Key
from l10n.model import Finding, Severity
from l10n.qa.accelerators import accelerator, has_accelerator
from l10n.qa.checks import CheckContext, run_checks

NO_ACCELERATORS = 0.05
MIN_ACCELERATORS = 10
CONVENTION = 10  # entries of one catalog with the same warning
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")


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


def catalog_findings(catalog: Catalog, ctx: CheckContext, only: str | None = None,
                     notes: dict[Key, list[Finding]] | None = None) -> list[Finding]:
    """Every finding on the live entries of ``catalog`` (in ``only`` state if given), and
    the catalog's own (:func:`for_catalog`) when ``only`` is not given. ``notes``: filled
    with every live entry's findings by ``(msgctxt, msgid)``, whatever ``only`` keeps
    (what ``--annotate`` writes)."""
    entries = catalog.entries()
    ctx, wide = for_catalog(entries, ctx)
    found = wide if only is None else []
    for entry in entries:
        wanted = only is None or entry.state == only
        mine = run_checks(entry, ctx) if wanted or notes is not None else []
        found += mine if wanted else []
        if notes is not None and mine:
            notes[(entry.msgctxt, entry.msgid)] = mine
    return found


def shape(finding: Finding) -> tuple[str, str, str]:
    """What a finding says without its particulars: path, check, message with quoted text
    and figures left out."""
    return finding.path, finding.check, _QUOTED.sub("…", finding.message)


def conventions(findings: Sequence[Finding], least: int = CONVENTION) -> list[Finding]:
    """``findings`` with each catalog's conventions said once: the warnings of one shape
    (:func:`shape`) on ``least`` entries or more become one finding (line 0) that names
    how many and their lines, in place of the first; the others stay as they are."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        if f.severity == Severity.WARNING and f.line:
            groups.setdefault(shape(f), []).append(f)
    big = {key: found for key, found in groups.items()
           if len({f.line for f in found}) >= least}
    out: list[Finding] = []
    for f in findings:
        key = shape(f)
        if f.severity != Severity.WARNING or not f.line or key not in big:
            out.append(f)
        elif f is big[key][0]:
            lines = sorted({x.line for x in big[key]})
            out.append(Finding(f.check, f.severity, f"{len(lines)} entries the same way, a "
                               f"convention of this catalog? e.g. line {f.line}: {f.message} "
                               f"(lines {', '.join(map(str, lines))})", f.path, 0, "", f.lang))
    return out


__all__ = ["CONVENTION", "MIN_ACCELERATORS", "NO_ACCELERATORS", "catalog_findings",
           "conventions", "for_catalog", "shape"]
