"""Which findings ``l10n check`` shows by default on catalogs from anywhere, and which only
on request (``--all``): severity tiers measured on catalogs the checks had never seen.

Every time the checks met a new set of real catalogs (benchmarks/check_quality, the
held-out manifests), the first run's false alarms came from the same few heuristic checks,
in new shapes each time. Measured on the hand-labelled first-run samples of three such
sets (heldout2, heldout3, heldout4; 360 findings), true / labelled:

============  ============  ===============================================
check         first runs    tier on catalogs from anywhere
============  ============  ===============================================
accelerators  80/81         warning
whitespace    54/61         warning
spaces        40/47         warning
placeholders  5/5           error (msgfmt's own comparison: never demoted)
tags          4/4           error (never demoted)
markup        0/4           error where the source's URL, code or address is
                            missing or its digits changed (a slip);
                            ``info`` where it was changed or one
                            added: 6/25 true on all seen first runs
                            (heldout2-8, tuning), and a changed span is no
                            injected corruption (an example made local, a
                            metavariable translated, a wiki link's text)
numbers       2/30          error where the translation writes the source's
                            figure with other digits (``5`` -> ``6``, the
                            corruption a slip makes); ``info`` where it
                            re-reads the figure (a date, time, duration or
                            percentage said its own way, or left out)
identical     22/63         info
brackets      1/3           info
length        1/2           info
============  ============  ===============================================

:data:`INFO_CHECKS` are the checks below 80 % that catch none of the injected
corruptions (placeholders, digits, tags: their recall is measured apart and stays at
98 % or more). The tiers apply where :attr:`CheckContext.grade` is set: ``l10n check
FILE.po`` and the benchmark. A project's own articles keep every finding at its full
severity: numbers errors there gate publishing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from l10n.lang.number_context import slip
from l10n.model import Finding, Severity

INFO_CHECKS = frozenset({"identical", "brackets", "length"})
RUN = re.compile(r"\d+(?:[.,:/-]\d+)*")
_WRITTEN = re.compile(r"[^\W_]*\d(?:[^\W_]|[.,:/-]\d)*")  # a figure or a code (c45d82e4, sha2)


# markup dropped, or its digits changed: an error; changed otherwise or added: info
_LOST = "copy it unchanged"


def changed_digits(source: str, found: Sequence[str], target: str = "") -> bool:
    """Whether one of ``found`` (the translation's unexplained figures) or a run of digits
    or a code of ``target`` (the translation) is the source figure ``source`` with a few
    of its digits changed, as a slip changes them: as many digits, at least one and at most
    half of them (one of one) different. A figure all of whose digits differ
    (``00:00 PM`` -> ``22:48``) is another reading, not a slip."""
    return any(slip(source, text)
               for text in (*found, *RUN.findall(target), *_WRITTEN.findall(target)))


def graded(finding: Finding, certain: bool = True) -> Finding:
    """``finding`` in its tier: ``info`` for :data:`INFO_CHECKS`, and for a numbers
    finding that is not ``certain`` (:func:`changed_digits`)."""
    if finding.check in INFO_CHECKS or (finding.check == "numbers" and not certain) or (
            finding.check == "markup" and not finding.message.endswith(_LOST)):
        return Finding(finding.check, Severity.INFO, *_rest(finding))
    return finding


def _rest(f: Finding) -> tuple[str, str, int, str, str, tuple[int, int] | None,
                               tuple[int, int] | None]:
    return (f.message, f.path, f.line, f.msgid, f.lang, f.span, f.source_span)


def shown(findings: Sequence[Finding], everything: bool) -> list[Finding]:
    """What ``check`` prints: all with ``everything`` (``--all``), else no ``info``."""
    return list(findings) if everything else [f for f in findings
                                              if f.severity != Severity.INFO]


__all__ = ["INFO_CHECKS", "RUN", "changed_digits", "graded", "shown"]
