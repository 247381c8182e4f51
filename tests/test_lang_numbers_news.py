"""The number classes found on real human English->Korean news translations (issue 25):
each faithful pair compares clean, and a wrong figure in the same sentence is still an error."""

from __future__ import annotations

import pytest

from l10n.lang.numbers import compare_numbers

FAITHFUL = [
    ("the 39-year-old Nomo", "노모(39)"),  # ages in parentheses
    ("Jolie said the 44-year-old Pitt was at her side", "졸리는 피트(44)가 곁에 있었다고 말했다"),
    ("within 90 days", "90일 이내"),  # durations after a number
    ("for about 10 days", "10여 일 동안"),
    ("for 100 days", "100일 동안"),
    ("10 to 12 weeks", "10주에서 12주"),
    ("at 0140", "1시 40분"),  # 24-hour and GMT times as four digits
    ("at 1134 GMT", "11시 34분"),
    ("a call at 0715 (1215 GMT)", "현지시간 7시 15분 (그리니치 표준시 12시 15분)에 전화"),
    ("it cost $5", "5불이 들었다"),  # 불 for dollars
    ("the 2nd Amendment", "헌법 수정 조항 제2조"),  # article 2, never 2 trillion
    ("from July 21 to July 31", "7월 21일부터 31일까지"),  # an elided range
    ("at 1 in the morning", "새벽 1시"),
    ("at 10 at night", "밤 10시"),
    ("it costs $12.4 billion", "$12.4 billion이 든다"),  # an English figure kept
    ("1 Day", "1 일"),
    ("00:00 PM", "오후 00:00"),
    ("about 30 miles (50 kilometers) from the city", "도시에서 50km 떨어진"),  # conversions
    ("15 meters (49 feet) apart", "15m 간격으로"),
    ("So should you buy an iPhone 3G?", "아이폰 3G를 사야 할까?"),
    ("That is only 1,379 years ago.", "불과 1,379년 전이다."),  # years ago, not a year
    ("during the anniversary of the September 11 attacks", "9/11 테러 추모기간 동안"),
    ("About 150 miles north of the capital", "수도에서 북쪽으로 약 240km 떨어진"),  # converted
    ("The storm is moving west at about 21 mph.", "시속 33km의 속도로 서쪽으로 이동하고 있다."),
    ("The No. 1 need right now is urine.", "현재 가장 필요한 물질은 소변이다."),
    ("nearly $5.6 million (2.8 million pounds)", "280만파운드(약 56억원)"),
    ("after the September 11, 2001, terror attacks", "2001년 911 테러 이후"),
    ("about 26 hours before", "26여 시간 앞둔"),
    ("the war that followed the September 11, 2001, terror attacks",
     "2001년 워싱턴과 뉴욕에서 911 테러가 발생한 이후"),  # the year said apart
]

WRONG = [
    ("So should you buy an iPhone 3G?", "아이폰 9G를 사야 할까?"),  # codes: 3G is not 9G
    ("the 39-year-old Nomo", "노모(38)"),
    ("at 1134 GMT", "11시 43분"),
    ("from July 21 to July 31", "7월 21일부터 30일까지"),
    ("it cost $5", "6불이 들었다"),
    ("The deal is worth about 1.3 trillion won ($950 million).",
     "거래 규모는 약 2조3000억 원(9억5000만 달러)이다."),  # a conversion, but wrong
]


@pytest.mark.parametrize(("source", "target"), FAITHFUL)
def test_faithful_news_figures_compare_clean(source: str, target: str) -> None:
    assert compare_numbers(source, "en", target, "ko") == []


@pytest.mark.parametrize(("source", "target"), WRONG)
def test_a_changed_figure_is_an_error(source: str, target: str) -> None:
    problems = compare_numbers(source, "en", target, "ko")
    assert [p.severity for p in problems][:1] == ["error"], problems


def test_a_figure_only_the_translation_has_is_a_warning() -> None:
    [problem] = compare_numbers("The firm hired new engineers.", "en",
                                "회사는 엔지니어 500명을 새로 채용했다.", "ko")
    assert problem.severity == "warning"
    assert "'500'" in problem.message and "not in the source" in problem.message


@pytest.mark.parametrize("target", [
    "3분기 영업이익은 10조1000억 원이다.",  # a quarter said in words in the source
    "103억 달러(약 14조 원)",  # a conversion note
])
def test_months_quarters_and_conversion_notes_are_not_extra(target: str) -> None:
    source = ("Operating profit was 10.1 trillion won in the third quarter."
              if "분기" in target else "$10.3 billion")
    assert compare_numbers(source, "en", target, "ko") == []


def test_a_bare_number_is_the_duration_where_l10n_knows_no_duration_words() -> None:
    assert compare_numbers("± 7 days", "en", "± 7 дней", "ru") == []
    assert compare_numbers("± 1 day", "en", "± 1 jour", "fr") == []


def test_weeks_with_the_subject_particle_are_weeks_and_a_share_price_is_not() -> None:
    from l10n.lang.numbers import compare_numbers

    assert compare_numbers("It takes 12 weeks to heal.", "en", "낫는 데 12주가 걸린다.", "ko") == []
    assert compare_numbers("It takes 12 weeks to heal.", "en", "낫는 데 13주가 걸린다.", "ko")
    # "주가" after a figure and before a market word is the share price, not weeks
    assert compare_numbers("Shares fell 12 percent.", "en", "12% 주가 하락", "ko") == []
    from l10n.lang.numbers import read_numbers

    kinds = {q.text: q.kind for q in read_numbers("코스피 1200주가 지수와 3주가 올랐다", "ko")}
    assert kinds == {"1200": "number", "3주": "duration"}


def test_a_code_written_the_translation_s_way_keeps_its_digits() -> None:
    from l10n.lang.numbers import compare_numbers

    assert compare_numbers("Base-2 Exponential", "en", "Taban-2 Üstel", "tr") == []
    assert compare_numbers("Base-2 Exponential", "en", "Taban-3 Üstel", "tr")


def test_a_figure_said_twice_is_still_checked_where_the_same_unit_follows_it() -> None:
    from l10n.lang.numbers import compare_numbers

    source = "multiples of π (180°) from π∕2 (90°)"
    assert compare_numbers(source, "en", "násobky π (180°) od π∕2 (90°)", "cs") == []
    assert compare_numbers(source, "en", "násobky π (180°) od π∕2 (91°)", "cs")
    assert compare_numbers("30 miles (50 kilometers)", "en", "30마일(80킬로미터)", "ko") == []


def test_a_duration_in_a_language_without_duration_words_is_its_number() -> None:
    from l10n.lang.numbers import compare_numbers

    assert compare_numbers("Disable for 5 minutes", "en", "Nonaktifkan selama 5 menit", "id") == []
    assert compare_numbers("Disable for 5 minutes", "en", "Nonaktifkan selama lima menit",
                           "id") == []
    assert compare_numbers("Disable for 5 minutes", "en", "Deshabilita durant 6 minuts", "ca")


def test_a_figure_with_a_comma_copied_as_it_is_says_what_the_source_says() -> None:
    from l10n.lang.numbers import compare_numbers

    source = "2-3,6-9    - select multiple ranges"
    assert compare_numbers(source, "en", "2-3,6-9    - seleccionar rangos", "es") == []
    assert compare_numbers(source, "en", "2-3,7-9    - seleccionar rangos", "es")
    assert compare_numbers("1,500 files", "en", "1.500 archivos", "es") == []


def test_an_abbreviated_month_that_is_also_a_word_needs_its_dot() -> None:
    from l10n.lang.numbers import compare_numbers, read_numbers

    # Czech "pro" is "for" and December abbreviated: "+2 pro USA" is no date
    assert compare_numbers("(e.g. +1 for the US)", "en", "(např. +2 pro USA)", "cs")
    assert [q.kind for q in read_numbers("5. Jan. 2020", "de")] == ["date"]
    assert [q.kind for q in read_numbers("le 3 mars", "fr")] == ["date"]
