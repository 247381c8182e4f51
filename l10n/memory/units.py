"""Translation memory units, fuzzy matches, and the helpers lookups use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

REVIEWED = "reviewed"
MACHINE = "machine"


@dataclass(frozen=True, slots=True)
class Unit:
    """One stored translation."""

    id: int
    source_lang: str
    target_lang: str
    source_text: str
    target_text: str
    origin: str
    kind: str
    engine: str
    model: str
    created: str  # ISO 8601, UTC
    updated: str


@dataclass(frozen=True, slots=True)
class Match:
    """A fuzzy match: the unit and its similarity to the looked-up text, 0..1."""

    unit: Unit
    score: float


def lang_code(code: str) -> str:
    """gettext form of a language code: ``ko-KR`` -> ``ko_KR`` (no validation)."""
    return code.strip().replace("-", "_")


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def trigrams(text: str) -> set[str]:
    folded = text.lower()
    return {folded[i : i + 3] for i in range(len(folded) - 2)}


def dice(a: set[str], b: set[str]) -> float:
    """The Dice coefficient of two trigram sets, 0..1."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0
