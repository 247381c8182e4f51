"""Numbers, money, percentages, durations and dates read across languages and compared."""

from __future__ import annotations

from decimal import Decimal

import pytest

from l10n.lang.numbers import (
    DATE,
    DURATION,
    MONEY,
    NUMBER,
    PERCENT,
    compare_numbers,
    read_numbers,
)

# (language, text, kind, value, unit, year)
READS = [
    ("en", "14 trillion KRW", MONEY, "14e12", "KRW", None),
    ("en", "$10.3 billion", MONEY, "10.3e9", "USD", None),
    ("en", "US$800M", MONEY, "8e8", "USD", None),
    ("en", "260,000", NUMBER, "260000", "", None),
    ("en", "1.5 million", NUMBER, "1.5e6", "", None),
    ("en", "12%", PERCENT, "12", "", None),
    ("en", "12 percent", PERCENT, "12", "", None),
    ("en", "a 3-minute video", DURATION, "3", "minute", None),
    ("en", "16-second", DURATION, "16", "second", None),
    ("en", "October 31", DATE, "1031", "", None),
    ("en", "Oct. 31st, 2025", DATE, "1031", "", 2025),
    ("en", "2025-11-02", DATE, "1102", "", 2025),
    ("ko", "14조 원", MONEY, "14e12", "KRW", None),
    ("ko", "103억 달러", MONEY, "10.3e9", "USD", None),
    ("ko", "26만 대", NUMBER, "260000", "", None),
    ("ko", "3조 5천억 원", MONEY, "3.5e12", "KRW", None),
    ("ko", "1,000억", NUMBER, "1e11", "", None),
    ("ko", "14,000,000,000,000원을", MONEY, "14e12", "KRW", None),
    ("ko", "10월 31일", DATE, "1031", "", None),
    ("ko", "2025년 11월 2일", DATE, "1102", "", 2025),
    ("ko", "3분", DURATION, "3", "minute", None),
    ("ko", "12퍼센트", PERCENT, "12", "", None),
    ("ja", "14兆ウォン", MONEY, "14e12", "KRW", None),
    ("ja", "103億ドル", MONEY, "10.3e9", "USD", None),
    ("ja", "26万台", NUMBER, "260000", "", None),
    ("ja", "１２％", PERCENT, "12", "", None),
    ("ja", "10月31日", DATE, "1031", "", None),
    ("zh", "14万亿韩元", MONEY, "14e12", "KRW", None),
    ("zh", "103亿美元", MONEY, "10.3e9", "USD", None),
    ("zh", "¥300", MONEY, "300", "CNY", None),
    ("es", "10.300 millones de dólares", MONEY, "10.3e9", "USD", None),
    ("es", "14 billones de wones", MONEY, "14e12", "KRW", None),
    ("es", "3,5 %", PERCENT, "3.5", "", None),
    ("es", "1.234,5", NUMBER, "1234.5", "", None),
    ("es", "10.3", NUMBER, "10.3", "", None),  # not Spanish grouping: read as a decimal point
    ("es", "31 de octubre de 2025", DATE, "1031", "", 2025),
    ("de", "10,3 Mrd. Dollar", MONEY, "10.3e9", "USD", None),
    ("de", "10,3 Milliarden US-Dollar", MONEY, "10.3e9", "USD", None),
    ("de", "1,5 Mio.", NUMBER, "1.5e6", "", None),
    ("de", "14 Billionen Won", MONEY, "14e12", "KRW", None),
    ("de", "31. Oktober", DATE, "1031", "", None),
    ("fr", "1 234,5 euros", MONEY, "1234.5", "EUR", None),
]


@pytest.mark.parametrize(("lang", "text", "kind", "value", "unit", "year"), READS)
def test_read_one_quantity(
    lang: str, text: str, kind: str, value: str, unit: str, year: int | None
) -> None:
    found = read_numbers(text, lang)
    assert len(found) == 1, found
    quantity = found[0]
    assert (quantity.kind, quantity.value, quantity.unit, quantity.year) == (
        kind, Decimal(value), unit, year,
    )
    assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        ("ko", "3분 16초", [("duration", "196", "second")]),  # one duration, 3 min 16 s
        ("ja", "3分16秒", [("duration", "196", "second")]),
        ("en", "1.5 million $800M", [("number", "1.5e6", ""), ("money", "8e8", "USD")]),
        ("ko", "1분기에 엔비디아", [("number", "1", "")]),  # a quarter, and no yen
        ("ko", "원인 26만", [("number", "260000", "")]),
        ("ja", "3分の1", [("number", "3", ""), ("number", "1", "")]),  # a fraction
        ("en", "4K and 5G", [("number", "4", ""), ("number", "5", "")]),
    ],
)
def test_read_several(lang: str, text: str, values: list[tuple[str, str, str]]) -> None:
    found = [(q.kind, q.value, q.unit) for q in read_numbers(text, lang)]
    assert found == [(k, Decimal(v), u) for k, v, u in values]


SOURCE = (
    "valued up to 14 trillion KRW (approximately $10.3 billion), 260,000 units, a 3-minute, "
    "16-second video, released on October 31; 12% more"
)

# Translations of SOURCE that keep every quantity.
MATCHES = [
    ("ko", "최대 14조 원(약 103억 달러), 26만 대, 3분 16초 영상, 10월 31일 공개; 12% 증가"),
    ("ko", "최대 14,000,000,000,000원(약 103억 달러), 26만 장, 3분 16초, 10월 31일, 12퍼센트"),
    ("ja", "最大14兆ウォン（約103億ドル）、26万台、3分16秒の動画、10月31日公開、12％増"),
    ("zh", "高达14万亿韩元（约103亿美元），26万台，3分16秒的视频，10月31日，增长12%"),
    ("es", "hasta 14 billones de wones (unos 10.300 millones de dólares), 260.000 unidades, "
           "un vídeo de 3 minutos y 16 segundos, el 31 de octubre; un 12 % más"),
    ("de", "bis zu 14 Billionen Won (rund 10,3 Mrd. Dollar), 260.000 Einheiten, ein Video von "
           "3 Minuten 16 Sekunden, am 31. Oktober; 12 % mehr"),
    ("de", "bis zu 14 Billionen Won (etwa 10,3 Milliarden US-Dollar), 260.000 Stück, "
           "3 Minuten und 16 Sekunden, 31. Oktober, 12 Prozent"),
]


@pytest.mark.parametrize(("lang", "target"), MATCHES)
def test_translation_keeps_every_quantity(lang: str, target: str) -> None:
    assert compare_numbers(SOURCE, "en", target, lang) == []


# (lang, translation, the source quantity reported, what the translation has instead or "")
MISMATCHES = [
    ("ko", "최대 15조 원(약 103억 달러), 26만 대, 3분 16초, 10월 31일, 12%",
     "14 trillion KRW", "15조 원"),
    ("ko", "최대 14조 원(약 103억 원), 26만 대, 3분 16초, 10월 31일, 12%",
     "$10.3 billion", "103억 원"),
    ("ko", "최대 14조 원(약 103억 달러), 2만 6천 대, 3분 16초, 10월 31일, 12%",
     "260,000", "2만 6천"),
    ("ko", "최대 14조 원(약 103억 달러), 26만 대, 3분 16초, 10월 30일, 12%",
     "October 31", "10월 30일"),
    ("ko", "최대 14조 원(약 103억 달러), 26만 대, 3분 16초, 10월 31일, 12",
     "12%", "12"),
    ("ko", "최대 14조 원(약 103억 달러), 26만 대, 3분 영상, 10월 31일, 12%",
     "3-minute, 16-second", ""),
    ("ja", "最大1.4兆ウォン（約103億ドル）、26万台、3分16秒、10月31日、12％",
     "14 trillion KRW", "1.4兆ウォン"),
    ("ja", "最大14兆ウォン（約10億ドル）、26万台、3分16秒、10月31日、12％",
     "$10.3 billion", "10億ドル"),
    ("es", "hasta 14 mil millones de wones (unos 10.300 millones de dólares), 260.000 unidades, "
           "3 minutos y 16 segundos, 31 de octubre, 12 %",
     "14 trillion KRW", "14 mil millones de wones"),
    ("es", "hasta 14 billones de wones (unos 10,3 millones de dólares), 260.000 unidades, "
           "3 minutos y 16 segundos, 31 de octubre, 12 %",
     "$10.3 billion", "10,3 millones de dólares"),
    ("de", "bis zu 14 Billionen Won (rund 10,3 Mrd. Dollar), 26.000 Einheiten, 3 Minuten "
           "16 Sekunden, 31. Oktober, 12 %",
     "260,000", "26.000"),
    ("de", "bis zu 14 Billionen Won (rund 10,3 Mrd. Euro), 260.000 Einheiten, 3 Minuten "
           "16 Sekunden, 31. Oktober, 12 %",
     "$10.3 billion", "10,3 Mrd. Euro"),
]


@pytest.mark.parametrize(("lang", "target", "missing", "instead"), MISMATCHES)
def test_translation_with_a_wrong_quantity(
    lang: str, target: str, missing: str, instead: str
) -> None:
    problems = compare_numbers(SOURCE, "en", target, lang)
    assert [p.source.text for p in problems] == [missing]
    problem = problems[0]
    assert f"'{missing}'" in problem.message
    if instead:
        assert problem.found[0].text == instead
        assert f"'{instead}'" in problem.message
    else:
        assert "missing from the translation" in problem.message


def test_dates_need_the_source_year() -> None:
    assert compare_numbers("on 2025-11-02", "en", "2025년 11월 2일에", "ko") == []
    [problem] = compare_numbers("on 2025-11-02", "en", "2024년 11월 2일에", "ko")
    assert problem.found[0].year == 2024
    # A year the source does not give may be added.
    assert compare_numbers("on October 31", "en", "2025년 10월 31일", "ko") == []


def test_extra_quantities_in_the_translation_are_not_problems() -> None:
    assert compare_numbers("$10.3 billion", "en", "103억 달러(약 14조 원)", "ko") == []


def test_each_target_quantity_counts_once() -> None:
    [problem] = compare_numbers("5 cars and 5 trucks", "en", "자동차 5대와 트럭", "ko")
    assert problem.source.start == 11
