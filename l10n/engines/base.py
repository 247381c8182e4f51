"""The engine interface: what the translation workflow needs from an engine.

See :mod:`l10n.engines` for the rules every engine follows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from l10n.errors import ModelError
from l10n.model import Hypothesis

Advance = Callable[[int], None]  # told how many texts were just finished


@runtime_checkable
class Engine(Protocol):
    """What the translation workflow needs from an engine."""

    name: str
    # Optional: ``loads_model = False`` on an engine that loads no model (none, pseudo), so
    # that a run report's ``model_loaded`` says whether a model was really loaded.

    def translate_batch(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        n_best: int = 1,
        progress: Advance | None = None,
    ) -> list[list[Hypothesis]]:
        """One list of hypotheses per text, best first (possibly fewer than ``n_best``)."""
        ...

    def supports(self, source: str, target: str) -> bool:
        """Whether the engine can translate from ``source`` to ``target``."""
        ...

    def describe(self, source: str, target: str) -> str:
        """Engine, model and version for provenance, e.g. ``argos translate-en_ko 1.1``."""
        ...


def missing_model_error(source: str, target: str, models_dir: object) -> ModelError:
    """The one-line error for a pair without an installed model."""
    return ModelError(
        f"no translation model for {source} -> {target} in {models_dir}",
        hint=f"install one with `l10n models install {source} {target}` (online) or "
        "`l10n models install --file PATH.argosmodel`, or try the whole workflow "
        "without a model with `--engine pseudo`",
    )
