"""``l10n translate`` keeps the engine's other hypotheses in the memory, for the reviewer
(the real Argos/CTranslate2 path with the copy model, which decodes n-best)."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.catalog import Catalog
from l10n.config import load_settings
from l10n.memory import Memory
from l10n.workflow.translate import translate

pytestmark = pytest.mark.slow
SLUG = "nvidia-korea-ai-alliance"


def test_translate_keeps_the_other_hypotheses(models_project: Path) -> None:
    settings = load_settings(cwd=models_project)
    translate(settings)
    entries = Catalog.read(settings.catalog_path("ko", SLUG)).entries()
    with Memory.open(settings.memory_path) as memory:
        kept = {e.msgid: memory.alternatives(e.msgid, "en", "ko") for e in entries}
    with_terms = [e for e in entries if e.terms]
    assert with_terms and all(kept[e.msgid] for e in with_terms)  # decoded n-best
    for entry in with_terms:
        texts = [a.text for a in kept[entry.msgid]]
        assert entry.msgstr not in texts and len(set(texts)) == len(texts)
        assert [a.rank for a in kept[entry.msgid]] == list(range(1, len(texts) + 1))
        assert all(a.engine == "argos" and a.score is not None for a in kept[entry.msgid])
