"""The ``none`` engine: no machine translation at all.

Every text gets an empty list of hypotheses, so its catalog entry stays untranslated for a
translator (the glossary's targets are shown to them in comments by the workflow).
Supports every pair and loads nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from l10n.engines.base import Advance
from l10n.model import Hypothesis


class NoEngine:
    """Translates nothing: one empty hypothesis list per text."""

    name = "none"
    loads_model = False  # the run report's model_loaded stays false

    def supports(self, source: str, target: str) -> bool:
        return True

    def describe(self, source: str, target: str) -> str:
        return "none"

    def translate_batch(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        n_best: int = 1,
        progress: Advance | None = None,
    ) -> list[list[Hypothesis]]:
        if progress and texts:
            progress(len(texts))
        return [[] for _ in texts]


def create() -> NoEngine:
    """Entry point ``none``: takes no options."""
    return NoEngine()
