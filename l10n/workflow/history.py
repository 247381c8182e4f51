"""``l10n log``: the recorded changes of the project's entries (:mod:`l10n.memory.history`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from l10n.config import Settings
from l10n.memory import Memory
from l10n.memory.history import Change
from l10n.workflow.extract import read_articles


def entry_log(
    settings: Settings, articles: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None, limit: int | None = None,
) -> list[Change]:
    """Changes of the given articles (default: all) in ``langs`` (default: all), oldest
    first; the last ``limit`` only when given. Empty before the memory exists."""
    slugs = [a.slug for a in read_articles(settings, articles)] if articles else []
    wanted = list(settings.target_languages(langs)) if langs else []
    if not settings.memory_path.is_file():
        return []
    with Memory.open(settings.memory_path, create=False) as memory:
        return memory.history(slugs=slugs, lang=wanted, limit=limit)
