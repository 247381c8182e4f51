"""Korean particles after substituted terms: endings, choice, repair and checks."""

from __future__ import annotations

import pytest

from l10n.lang.ko import (
    CONSONANT,
    RIEUL,
    VOWEL,
    ParticleProblem,
    attach_particle,
    final_type,
    has_final_consonant,
    particle_problems,
    repair_particles,
    term_spans,
)


@pytest.mark.parametrize(
    ("word", "reading", "final"),
    [
        ("엔비디아", None, VOWEL),
        ("블랙웰", None, RIEUL),
        ("삼성전자", None, VOWEL),
        ("한강의 기적", None, CONSONANT),
        ("PC방", None, CONSONANT),
        ("G-SYNC", "지싱크", VOWEL),
        ("LG", "엘지", VOWEL),
        ("SK", "에스케이", VOWEL),
        ("Blackwell", "블랙웰", RIEUL),
        ("LG", None, VOWEL),  # 지
        ("ASML", None, RIEUL),  # 엘
        ("IBM", None, CONSONANT),  # 엠
        ("HBM3", None, CONSONANT),  # 삼
        ("RTX 5090", None, CONSONANT),  # 구십
        ("H100", None, CONSONANT),  # 백
        ("B200", None, CONSONANT),  # 이백
        ("GB1", None, RIEUL),  # 일
        ("Galaxy S7", None, RIEUL),  # 칠
        ("S8", None, RIEUL),  # 팔
        ("Wi-Fi 6", None, CONSONANT),  # 육
        ("4", None, VOWEL),  # 사
        ("10,000", None, CONSONANT),  # 만
        ("1000000000000", None, VOWEL),  # 조
        ("3.0", None, CONSONANT),  # 삼점영
        ("2.5", None, VOWEL),  # 이점오
        ("10%", None, VOWEL),  # 퍼센트
        ("Tesla", None, VOWEL),
        ("Reflex", None, None),
        ("Apple", None, None),
        ("엔비디아(NVIDIA)", None, VOWEL),
        ("'블랙웰'", None, RIEUL),
        ("「블랙웰」", None, RIEUL),
        ("", None, None),
        ("...", None, None),
    ],
)
def test_final_type(word: str, reading: str | None, final: str | None) -> None:
    assert final_type(word, reading) == final


def test_has_final_consonant() -> None:
    assert has_final_consonant("블랙웰") is True
    assert has_final_consonant("엔비디아") is False
    assert has_final_consonant("Reflex") is None


@pytest.mark.parametrize(
    ("word", "particle", "reading", "expected"),
    [
        ("블랙웰", "는", None, "블랙웰은"),
        ("블랙웰", "은", None, "블랙웰은"),
        ("엔비디아", "은", None, "엔비디아는"),
        ("블랙웰", "가", None, "블랙웰이"),
        ("엔비디아", "이", None, "엔비디아가"),
        ("블랙웰", "를", None, "블랙웰을"),
        ("엔비디아", "을", None, "엔비디아를"),
        ("블랙웰", "와", None, "블랙웰과"),
        ("엔비디아", "과", None, "엔비디아와"),
        ("블랙웰", "으로", None, "블랙웰로"),  # ㄹ takes 로
        ("PC방", "로", None, "PC방으로"),
        ("엔비디아", "으로", None, "엔비디아로"),
        ("블랙웰", "나", None, "블랙웰이나"),
        ("엔비디아", "이나", None, "엔비디아나"),
        ("블랙웰", "랑", None, "블랙웰이랑"),
        ("엔비디아", "이랑", None, "엔비디아랑"),
        ("블랙웰", "라고", None, "블랙웰이라고"),
        ("엔비디아", "이라고", None, "엔비디아라고"),
        ("블랙웰", "다", None, "블랙웰이다"),
        ("엔비디아", "이다", None, "엔비디아다"),
        ("블랙웰", "며", None, "블랙웰이며"),
        ("엔비디아", "이며", None, "엔비디아며"),
        ("블랙웰", "라는", None, "블랙웰이라는"),
        ("엔비디아", "이라는", None, "엔비디아라는"),
        ("G-SYNC", "은", "지싱크", "G-SYNC는"),
        ("LG", "이", "엘지", "LG가"),
        ("SK", "을", "에스케이", "SK를"),
        ("Blackwell", "는", "블랙웰", "Blackwell은"),
        ("Reflex", "는", None, "Reflex은(는)"),
        ("Reflex", "가", None, "Reflex이(가)"),
        ("Reflex", "를", None, "Reflex을(를)"),
        ("Reflex", "와", None, "Reflex과(와)"),
        ("Reflex", "로", None, "Reflex(으)로"),
        ("블랙웰", "은(는)", None, "블랙웰은"),
        ("엔비디아", "(으)로", None, "엔비디아로"),
        ("블랙웰", "이가", None, "블랙웰이"),
        ("H100", "가", None, "H100이"),
        ("RTX 5090", "로", None, "RTX 5090으로"),
        ("GB1", "으로", None, "GB1로"),
        ("ASML", "이", None, "ASML이"),
        ("블랙웰", "의", None, "블랙웰의"),  # does not alternate
        ("엔비디아", "에서", None, "엔비디아에서"),
    ],
)
def test_attach_particle(word: str, particle: str, reading: str | None, expected: str) -> None:
    assert attach_particle(word, particle, reading) == expected


def spans_of(text: str, *words: str) -> list[tuple[int, int, str | None]]:
    return term_spans(text, [(w, None) for w in words])


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("블랙웰는 빠르다.", ["블랙웰"], "블랙웰은 빠르다."),
        ("엔비디아을 보라.", ["엔비디아"], "엔비디아를 보라."),
        ("블랙웰으로 만든다.", ["블랙웰"], "블랙웰로 만든다."),
        ("블랙웰이가 나왔다.", ["블랙웰"], "블랙웰이 나왔다."),
        ("엔비디아과 블랙웰와 함께", ["엔비디아", "블랙웰"], "엔비디아와 블랙웰과 함께"),
        ("블랙웰으로는 부족하다", ["블랙웰"], "블랙웰로는 부족하다"),
        ("엔비디아과의 협력", ["엔비디아"], "엔비디아와의 협력"),
        ("PC방로 갔다", ["PC방"], "PC방으로 갔다"),
        ("블랙웰라는 이름", ["블랙웰"], "블랙웰이라는 이름"),
        ("블랙웰은(는) 새롭다", ["블랙웰"], "블랙웰은 새롭다"),
        ("엔비디아는, 블랙웰은", ["엔비디아", "블랙웰"], "엔비디아는, 블랙웰은"),
        # Not particles: left alone.
        ("엔비디아 이번 발표", ["엔비디아"], "엔비디아 이번 발표"),
        ("엔비디아이번 발표", ["엔비디아"], "엔비디아이번 발표"),
        ("네이버클라우드가 있다", ["네이버"], "네이버클라우드가 있다"),
        ("블랙웰 는", ["블랙웰"], "블랙웰 는"),
        ("블랙웰에서 돌린다", ["블랙웰"], "블랙웰에서 돌린다"),
        ("블랙웰도 좋다", ["블랙웰"], "블랙웰도 좋다"),
        ("블랙웰.", ["블랙웰"], "블랙웰."),
    ],
)
def test_repair_particles(text: str, words: list[str], expected: str) -> None:
    assert repair_particles(text, spans_of(text, *words)) == expected


def test_repair_uses_the_reading_for_latin_terms() -> None:
    text = "G-SYNC은 켜고 LG이 만든 SK을 본다"
    spans = [(0, 6, "지싱크"), (11, 13, "엘지"), (18, 20, "에스케이")]
    assert repair_particles(text, spans) == "G-SYNC는 켜고 LG가 만든 SK를 본다"


def test_unknown_ending_gets_the_double_form_unless_asked_not_to() -> None:
    text = "Reflex는 빠르고 Reflex로 줄인다"
    spans = spans_of(text, "Reflex")
    assert repair_particles(text, spans) == "Reflex은(는) 빠르고 Reflex(으)로 줄인다"
    assert repair_particles(text, spans, double_unknown=False) == text


def test_particle_problems_report_positions_and_expected_forms() -> None:
    text = "블랙웰는 엔비디아을 Reflex는 블랙웰은(는)"
    spans = spans_of(text, "블랙웰", "엔비디아", "Reflex")
    assert particle_problems(text, spans) == [
        ParticleProblem(3, 4, "는", "은"),
        ParticleProblem(9, 10, "을", "를"),
        ParticleProblem(22, 26, "은(는)", "은"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "블랙웰는 엔비디아을",
        "블랙웰으로는 엔비디아과의",
        "블랙웰이가 엔비디아이",
        "블랙웰은(는) 엔비디아(으)로",
    ],
)
def test_repaired_text_has_no_problems(text: str) -> None:
    spans = spans_of(text, "블랙웰", "엔비디아")
    repaired = repair_particles(text, spans)
    assert repaired != text
    assert particle_problems(repaired, spans_of(repaired, "블랙웰", "엔비디아")) == []


def test_adjacent_spans_do_not_steal_each_others_particles() -> None:
    text = "블랙웰엔비디아는"
    spans = [(0, 3, None), (3, 7, None)]
    assert repair_particles(text, spans) == text


def test_term_spans_prefers_longer_words() -> None:
    text = "네이버클라우드와 네이버"
    assert term_spans(text, [("네이버", None), ("네이버클라우드", None)]) == [
        (0, 7, None),
        (9, 12, None),
    ]
