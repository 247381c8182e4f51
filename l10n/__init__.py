"""l10n: offline-first translation and localization workflow for news articles."""

__version__ = "0.6.0"

from l10n.errors import L10nError
from l10n.model import (
    Article,
    Block,
    Finding,
    Hypothesis,
    Segment,
    Severity,
    Term,
    TermMatch,
    TermOutcome,
)

__all__ = [
    "Article",
    "Block",
    "Finding",
    "Hypothesis",
    "L10nError",
    "Segment",
    "Severity",
    "Term",
    "TermMatch",
    "TermOutcome",
    "__version__",
]
