"""Glossary enforcement with fault-injecting fake engines: what is chosen, and why."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pytest

from l10n.engines.enforce import (
    BEST_EFFORT,
    INLINE,
    NO_TRANSLATION,
    PROTECTED,
    PROTECTED_NBEST,
    UNPROTECTED,
    Enforced,
    translate_segments,
)
from l10n.errors import EngineError
from l10n.glossary.verify import verify_terms
from l10n.model import APPLIED, HINT, MISSING, Hypothesis, Term, TermMatch, TermOutcome

NVIDIA = Term("NVIDIA", {"ko": "엔비디아", "ja": "エヌビディア"})
BLACKWELL = Term("Blackwell", {"ko": "블랙웰"}, keep=False)
GSYNC = Term("G-SYNC", keep=True, readings={"ko": "지싱크"})
REFLEX = Term("Reflex", keep=True)
PCBANG = Term("PC Bang", {"ko": "PC방"}, variants=("PC bangs",), case_sensitive=False)

SENTENCE = "NVIDIA unveiled Blackwell."
MASKED = "ZQX1X unveiled ZQX2X."  # what the engine sees for SENTENCE
GOOD = "ZQX1X는 ZQX2X를 공개했다."  # a Korean translation that kept both tokens
INLINED = "엔비디아 unveiled 블랙웰."  # round 2: the terms written in their target forms


def find(text: str, *terms: Term) -> list[TermMatch]:
    """A stand-in for the glossary matcher: every occurrence of each term's source/variants."""
    found = []
    for term in terms:
        for needle in (term.source, *term.variants):
            start = text.find(needle)
            while start >= 0:
                found.append(TermMatch(term, start, start + len(needle), needle))
                start = text.find(needle, start + 1)
    return found


class FakeEngine:
    """Answers each text with ``answer(text)`` (best first); records every call."""

    def __init__(self, answer: Callable[[str], Sequence[str]]) -> None:
        self.answer = answer
        self.calls: list[tuple[list[str], int]] = []
        self.progress: list[int] = []

    def translate_batch(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        n_best: int = 1,
        progress: Callable[[int], None] | None = None,
    ) -> list[list[Hypothesis]]:
        self.calls.append((list(texts), n_best))
        out = [
            [Hypothesis(t, -0.25 * (k + 1)) for k, t in enumerate(self.answer(text)[:n_best])]
            for text in texts
        ]
        if progress:
            progress(len(texts))
        return out


def scripted(script: Mapping[str, Sequence[str]]) -> FakeEngine:
    """An engine that knows the scripted texts and gives nothing for any other."""
    return FakeEngine(lambda text: script.get(text, []))


def run(engine: FakeEngine, segment: str = SENTENCE, *terms: Term, target: str = "ko") -> Enforced:
    terms = terms or (NVIDIA, BLACKWELL)
    [result] = translate_segments(engine, [segment], [find(segment, *terms)], "en", target)
    return result


def statuses(result: Enforced) -> dict[str, str]:
    return {t.source: t.status for t in result.terms}


# -- the four faults ---------------------------------------------------------------------


def test_happy_path_restores_targets_and_repairs_particles() -> None:
    engine = scripted({MASKED: [GOOD]})
    result = run(engine)
    assert result.text == "엔비디아는 블랙웰을 공개했다."  # 블랙웰를 -> 블랙웰을
    assert (result.fallback, result.score, result.fuzzy_reason) == (PROTECTED, -0.25, "")
    assert statuses(result) == {"NVIDIA": APPLIED, "Blackwell": APPLIED}
    assert engine.calls == [([MASKED], 4)]


def test_dropped_token_takes_the_next_hypothesis() -> None:
    engine = scripted({MASKED: ["ZQX1X는 를 공개했다.", GOOD]})
    result = run(engine)
    assert (result.text, result.fallback, result.score) == (
        "엔비디아는 블랙웰을 공개했다.",
        PROTECTED_NBEST,
        -0.5,
    )
    assert len(engine.calls) == 1


def test_dropped_everywhere_keeps_the_best_output_and_marks_the_term_missing() -> None:
    engine = scripted(
        {
            MASKED: ["ZQX1X는 를 공개했다.", "ZQX1X는 공개했다."],
            SENTENCE: ["NVIDIA는 새 칩을 공개했다."],
        }
    )
    result = run(engine)
    assert result.text == "엔비디아는 를 공개했다."  # protected output: NVIDIA at least
    assert result.fallback == BEST_EFFORT
    assert statuses(result) == {"NVIDIA": APPLIED, "Blackwell": MISSING}
    assert result.missing == (TermOutcome("Blackwell", "블랙웰", MISSING),)
    assert "Blackwell" in result.fuzzy_reason
    assert "missing terms: Blackwell -> 블랙웰" in result.fuzzy_reason
    assert engine.calls == [([MASKED], 4), ([INLINED], 4), ([SENTENCE], 4)]


@pytest.mark.parametrize("garbled", ["ZQX 2X", "zqx2x", "Z Q X 2 X", "ZQX2"])
def test_garbled_token_falls_back_to_an_unprotected_hypothesis(garbled: str) -> None:
    engine = scripted(
        {
            MASKED: [GOOD.replace("ZQX2X", garbled)] * 3,
            SENTENCE: ["엔비디아는 검은 우물을 공개했다.", "엔비디아가 블랙웰을 공개했다."],
        }
    )
    result = run(engine)
    assert (result.text, result.fallback, result.score) == (
        "엔비디아가 블랙웰을 공개했다.",
        UNPROTECTED,
        -0.5,
    )
    assert statuses(result) == {"NVIDIA": APPLIED, "Blackwell": APPLIED}
    assert result.fuzzy_reason == ""


@pytest.mark.parametrize("garbled", ["ZQX 2X", "zqx2x", "Z Q X 2 X"])
def test_garbled_token_is_recovered_in_best_effort(garbled: str) -> None:
    engine = scripted(
        {MASKED: [GOOD.replace("ZQX2X", garbled)], SENTENCE: ["NVIDIA는 Blackwell을 공개했다."]}
    )
    result = run(engine)
    assert result.text == "엔비디아는 블랙웰을 공개했다."
    assert result.fallback == BEST_EFFORT
    assert statuses(result) == {"NVIDIA": APPLIED, "Blackwell": APPLIED}
    assert "protected span" in result.fuzzy_reason and "Blackwell" in result.fuzzy_reason


def test_translated_token_falls_back_to_unprotected() -> None:
    engine = scripted(
        {
            MASKED: ["ZQX1X는 검은우물을 공개했다.", "엔비디아는 ZQX2X를 공개했다."],
            SENTENCE: ["엔비디아는 검은 우물을 공개했다.", "엔비디아는 블랙웰을 발표했다."],
        }
    )
    result = run(engine)
    assert (result.text, result.fallback) == ("엔비디아는 블랙웰을 발표했다.", UNPROTECTED)
    assert statuses(result) == {"NVIDIA": APPLIED, "Blackwell": APPLIED}
    assert len(engine.calls) == 3  # protected, inline (nothing), plain


def test_translated_everywhere_marks_missing() -> None:
    engine = scripted(
        {MASKED: ["ZQX1X는 검은우물을 공개했다."], SENTENCE: ["엔비디아는 검은 우물을 공개했다."]}
    )
    result = run(engine)
    assert result.fallback == BEST_EFFORT
    assert result.text == "엔비디아는 검은우물을 공개했다."  # tie on terms: protected kept
    assert statuses(result) == {"NVIDIA": APPLIED, "Blackwell": MISSING}


def test_repeated_token_takes_the_next_hypothesis() -> None:
    engine = scripted({MASKED: ["ZQX1X는 ZQX2X를 ZQX2X를 공개했다.", GOOD]})
    result = run(engine)
    assert (result.text, result.fallback) == ("엔비디아는 블랙웰을 공개했다.", PROTECTED_NBEST)


def test_repeated_everywhere_is_best_effort_and_says_so() -> None:
    engine = scripted(
        {MASKED: ["ZQX1X는 ZQX2X를 ZQX2X를 공개했다."], SENTENCE: ["NVIDIA는 공개했다."]}
    )
    result = run(engine)
    assert result.text == "엔비디아는 블랙웰을 블랙웰을 공개했다."
    assert result.fallback == BEST_EFFORT
    assert statuses(result) == {"NVIDIA": APPLIED, "Blackwell": APPLIED}
    assert "Blackwell" in result.fuzzy_reason


def test_stray_token_is_not_accepted() -> None:
    engine = scripted({MASKED: ["ZQX12X 공개했다.", GOOD]})
    assert run(engine).fallback == PROTECTED_NBEST


# -- no engine output, batching, languages --------------------------------------------------


def test_engine_without_output_gives_hints() -> None:
    engine = FakeEngine(lambda text: [])
    result = run(engine)
    assert (result.text, result.fallback, result.score) == ("", NO_TRANSLATION, None)
    assert result.terms == (
        TermOutcome("NVIDIA", "엔비디아", HINT),
        TermOutcome("Blackwell", "블랙웰", HINT),
    )
    assert len(engine.calls) == 1


def test_one_n_best_call_for_guarded_segments_and_one_1_best_call_for_the_rest() -> None:
    """Batching across segments: every segment with protected spans goes in one call with
    n-best; segments with nothing to verify go in one 1-best call (a smaller beam)."""
    engine = FakeEngine(lambda text: [text])  # copies its input, like the test model
    segments = ["NVIDIA is here.", "Blackwell ships.", "No terms at all.", "NVIDIA and NVIDIA."]
    seen: list[int] = []
    results = translate_segments(
        engine,
        segments,
        [find(s, NVIDIA, BLACKWELL) for s in segments],
        "en",
        "ko",
        n_best=2,
        progress=seen.append,
    )
    assert engine.calls == [
        (["ZQX1X is here.", "ZQX1X ships.", "ZQX1X and ZQX2X."], 2),
        (["No terms at all."], 1),
    ]
    assert seen == [3, 1]
    assert [r.text for r in results] == [
        "엔비디아 is here.",
        "블랙웰 ships.",
        "No terms at all.",
        "엔비디아 and 엔비디아.",
    ]
    assert {r.fallback for r in results} == {PROTECTED}
    assert results[2].terms == ()


def test_only_failed_segments_are_retried_together() -> None:
    def answer(text: str) -> list[str]:
        return [text.replace("ZQX1X", "ZQX 1X")] if "fails" in text else [text]

    engine = FakeEngine(answer)
    segments = ["NVIDIA works.", "NVIDIA fails.", "Blackwell fails."]
    translate_segments(engine, segments, [find(s, NVIDIA, BLACKWELL) for s in segments], "en", "ko")
    assert [call[0] for call in engine.calls] == [
        ["ZQX1X works.", "ZQX1X fails.", "ZQX1X fails."],
        ["엔비디아 fails.", "블랙웰 fails."],  # round 2, the terms inline: it works
    ]


def test_korean_particles_are_repaired_end_to_end() -> None:
    source = "NVIDIA는 Blackwell를 만들고 Blackwell으로 PC bangs와 G-SYNC을 바꾼다. Reflex는 좋다."
    engine = FakeEngine(lambda text: [text])
    result = run(engine, source, NVIDIA, BLACKWELL, PCBANG, GSYNC, REFLEX)
    assert result.text == (
        "엔비디아는 블랙웰을 만들고 블랙웰로 PC방과 G-SYNC를 바꾼다. Reflex은(는) 좋다."
    )
    assert result.fallback == PROTECTED
    assert set(statuses(result).values()) == {APPLIED}


def test_particles_are_not_touched_for_other_languages() -> None:
    engine = FakeEngine(lambda text: [text])
    result = run(engine, "NVIDIA는 좋다.", NVIDIA, target="ja")
    assert result.text == "エヌビディア는 좋다."


def test_terms_without_a_target_form_are_left_to_the_engine() -> None:
    engine = FakeEngine(lambda text: [text])
    result = run(engine, "NVIDIA unveiled Blackwell.", NVIDIA, BLACKWELL, target="ja")
    assert engine.calls[0][0] == ["ZQX1X unveiled Blackwell."]
    assert statuses(result) == {"NVIDIA": APPLIED}


def test_markup_survives_and_link_text_is_translated() -> None:
    source = "Run `nvidia-smi` on Blackwell, see [the docs](https://x.org/y) or <b>mail</b> a@b.io."
    engine = FakeEngine(lambda text: [text.upper()])
    result = run(engine, source, BLACKWELL, target="ko_KR")
    assert result.text == (
        "RUN `nvidia-smi` ON 블랙웰, SEE [THE DOCS](https://x.org/y) OR <b>MAIL</b> a@b.io."
    )
    assert result.fallback == PROTECTED


def test_lost_markup_is_named_in_best_effort() -> None:
    source = "Run `nvidia-smi` now."
    engine = scripted({"Run ZQX1X now.": ["지금 실행."], source: ["지금 실행하라."]})
    result = run(engine, source, NVIDIA)
    assert result.fallback == BEST_EFFORT
    assert "markup lost: `nvidia-smi`" in result.fuzzy_reason


def test_unprotected_needs_the_markup_too() -> None:
    source = "Run `nvidia-smi` on Blackwell."
    engine = scripted(
        {
            "Run ZQX1X on ZQX2X.": ["실행 ZQX1X"],
            source: ["블랙웰에서 nvidia-smi 실행.", "블랙웰에서 `nvidia-smi` 실행."],
        }
    )
    result = run(engine, source, BLACKWELL)
    assert (result.text, result.fallback) == ("블랙웰에서 `nvidia-smi` 실행.", UNPROTECTED)


def test_engine_returning_the_wrong_number_of_results_is_an_engine_error() -> None:
    class Broken(FakeEngine):
        def translate_batch(self, texts, source, target, *, n_best=1, progress=None):  # type: ignore[no-untyped-def]
            return []

    with pytest.raises(EngineError, match="returned 0 results for 1 texts"):
        run(Broken(lambda text: [text]))


def test_mismatched_arguments_are_rejected() -> None:
    with pytest.raises(ValueError, match="match lists"):
        translate_segments(FakeEngine(lambda t: [t]), ["a"], [], "en", "ko")
    with pytest.raises(ValueError, match="n_best"):
        translate_segments(FakeEngine(lambda t: [t]), ["a"], [[]], "en", "ko", n_best=0)


# -- verify_terms ----------------------------------------------------------------------------


def test_verify_terms_longer_forms_claim_first() -> None:
    cloud = Term("Naver Cloud", {"ko": "네이버클라우드"})
    naver = Term("Naver", {"ko": "네이버"})
    matches = find("Naver Cloud and Naver", cloud, naver)
    assert verify_terms("네이버클라우드와 협력", matches, "ko") == [
        TermOutcome("Naver Cloud", "네이버클라우드", APPLIED),
        TermOutcome("Naver", "네이버", MISSING),
    ]
    assert {t.status for t in verify_terms("네이버클라우드와 네이버", matches, "ko")} == {APPLIED}


def test_verify_terms_latin_forms_are_whole_words_and_case_follows_the_term() -> None:
    lg = Term("LG", keep=True)
    matches = find("LG and PC bangs", lg, PCBANG)
    assert [t.status for t in verify_terms("LGBT pc방", matches, "ko")] == [MISSING, APPLIED]
    assert [t.status for t in verify_terms("LG전자 PC방", matches, "ko")] == [APPLIED, APPLIED]
    assert [t.status for t in verify_terms("lg", matches, "ko")] == [MISSING, MISSING]


def test_verify_terms_shared_target_forms_do_not_compete() -> None:
    korea = Term("Korea", {"ko": "한국"})
    south = Term("South Korea", {"ko": "한국"})
    matches = find("South Korea leads; Korea grows", south, korea)
    assert [t.status for t in verify_terms("한국이 앞선다", matches, "ko")] == [APPLIED, APPLIED]


def test_keep_term_comes_out_as_the_source_wrote_it() -> None:
    """A keep term is verbatim: the variant "RTX cards" stays "RTX cards", not "RTX card"."""
    rtx = Term("RTX card", keep=True, variants=("RTX cards",))
    segment = "Gamers love RTX cards."
    engine = FakeEngine(lambda text: [text.replace("Gamers love", "게이머들은 좋아한다")])
    result = run(engine, segment, rtx)
    assert result.text == "게이머들은 좋아한다 RTX cards."
    assert statuses(result) == {"RTX card": "applied"}
    assert verify_terms("게이머들은 RTX card를 좋아한다.", find(segment, rtx), "ko")[0].status == (
        "applied"
    )
    assert verify_terms("게이머들은 그래픽카드를 좋아한다.", find(segment, rtx), "ko")[
        0
    ].status == ("missing")


# -- the engine's other hypotheses, for the reviewer ----------------------------------------


def test_other_hypotheses_are_kept_restored_best_first_without_repeats() -> None:
    other = "ZQX2X를 ZQX1X가 공개했다."
    engine = scripted({MASKED: [GOOD, other, GOOD, "ZQX1X만 공개했다."]})  # a repeat, a lost token
    result = run(engine)
    assert result.text == "엔비디아는 블랙웰을 공개했다."
    assert result.alternatives == (Hypothesis("블랙웰을 엔비디아가 공개했다.", -0.5),)


def test_unprotected_hypotheses_are_alternatives_of_a_fallback() -> None:
    engine = scripted(
        {
            MASKED: ["ZQX 2X"] * 2,
            SENTENCE: ["엔비디아는 검은 우물을 공개했다.", "엔비디아가 블랙웰을 공개했다."],
        }
    )
    result = run(engine)
    assert result.fallback == UNPROTECTED
    assert [h.text for h in result.alternatives] == ["엔비디아는 검은 우물을 공개했다."]


def test_a_segment_without_terms_is_decoded_once_and_has_no_alternatives() -> None:
    engine = FakeEngine(lambda text: ["하나.", "둘."])
    [result] = translate_segments(engine, ["One."], [[]], "en", "ko")
    assert (result.text, result.alternatives) == ("하나.", ())



def test_terms_written_inline_rescue_an_engine_that_mangles_tokens() -> None:
    """An engine that repeats one token and drops another (seen with a neural engine) but
    copies foreign words as they are: round 2 writes the terms in their target forms."""
    engine = scripted({
        MASKED: ["ZQX1X는 ZQX1X를 공개했다."],
        INLINED: ["엔비디아는 블랙웰를 공개했다."],
    })
    result = run(engine)
    assert (result.text, result.fallback) == ("엔비디아는 블랙웰을 공개했다.", INLINE)
    assert statuses(result) == {"NVIDIA": APPLIED, "Blackwell": APPLIED}
    assert engine.calls == [([MASKED], 4), ([INLINED], 4)]


def test_inline_keeps_markup_masked_and_needs_it_back() -> None:
    source = "See `nvidia-smi` on Blackwell."
    engine = FakeEngine(lambda text: ["lost the code on 블랙웰."] if "블랙웰" in text and
                        "ZQX" in text else ["ZQX1X ZQX1X."] if "ZQX2X" in text else [text])
    result = run(engine, source, BLACKWELL)
    calls = [call[0][0] for call in engine.calls]
    assert calls[1] == "See ZQX1X on 블랙웰."  # markup still a token, the term inline
    assert result.fallback != INLINE  # the code span was lost: not accepted
