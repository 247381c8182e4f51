"""Times of day, race times and durations written in several units.

Times of day (kind :data:`~l10n.lang.quantity.TIME`, minutes since midnight) are one
quantity each, whatever the language writes: ``10:00 a.m.`` = ``오전 10시`` = ``午前10時``
= ``上午10点`` = ``10 Uhr``; ``3:30 p.m.`` = ``오후 3시 30분`` = ``午後3時半``. A time
written without a.m./p.m. (``10시``, ``10:00``) is read as that time and, for hours 1 to
12, also twelve hours later or earlier. Chinese ``点`` needs 上午/下午... or minutes
(``3点`` is also "three points").

Race times are durations: ``1:23.45`` (1 minute 23.45 seconds), ``2:05:30`` (2 hours 5
minutes 30 seconds), ``13초04`` / ``13秒04`` (13.04 seconds, the digits after 초 being
hundredths). Durations next to each other, largest unit first, add up into one
(``3-minute, 16-second``, ``1분23초45``, ``2시간 5분``, ``1 year and 6 months``), so
``90 minutes`` = ``1시간 30분`` and ``12 months`` = ``1년`` compare equal.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from l10n.lang.quantity import DURATION, MONTHS, SECONDS, TIME, Quantity, Reading

_AM = {"a", "morning", "오전", "새벽", "아침", "午前", "朝", "上午", "凌晨", "早上", "mañana"}
_PM = {"p", "afternoon", "evening", "night", "오후", "저녁", "밤", "午後", "夜", "下午", "晚上",
       "tarde", "noche"}
_NOON = {"낮", "中午", "昼"}
_H24 = r"(?<![\d:.,])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:]|\.\d)"
_AMPM = r"(?<![\d:.,])(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s?(?P<part>[ap])\.?\s?m\b\.?"
# 24-hour times written as four digits: "at 0140", "1134 GMT", "at 0715 (1215 GMT)"
# ("chmod 0700" is no time).
_MILITARY = (r"(?<![\d:.,$])(?:(?<=\bat\s)(?P<h>0\d)(?P<m>[0-5]\d)(?![\d,.%])"
             r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s?(?:GMT|UTC|[ECMP][SD]T|ET|local|hours?\b|hrs)))")
_MORNING = (r"(?<![\d:.,])(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s(?:o'clock\s)?"
            r"(?:in the (?P<part>morning|afternoon|evening)|at (?P<night>night))\b")
_CLOCKS: dict[str, tuple[str, ...]] = {
    "en": (_AMPM, _MORNING, _MILITARY, _H24),
    "es": (_AMPM, r"(?<![\d:.,])(?P<h>\d{1,2})[:.](?P<m>\d{2})\s?(?:h\b|horas)",
           r"\blas (?P<h>\d{1,2})(?::(?P<m>\d{2}))? de la (?P<part>mañana|tarde|noche)", _H24),
    "de": (r"(?<![\d:.,])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s?Uhr\b", _H24),
    "ko": (r"(?:(?P<part>오전|오후|새벽|아침|낮|저녁|밤)\s?)?(?<![\d.,])(?P<h>\d{1,2})시"
           r"(?!간|즌|대|장|점|기|리|각|청|민|의회|도)"
           r"(?:\s?(?P<m>\d{1,2})분|\s?(?P<half>반))?",
           r"(?:(?P<part>오전|오후)\s?)?(?<![\d:.,])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:]|\.\d)"),
    "ja": (r"(?:(?P<part>午前|午後|朝|夜|昼)\s?)?(?<![\d.,])(?P<h>\d{1,2})時(?!間|代|点|期)"
           r"(?:(?P<m>\d{1,2})分|(?P<half>半))?", _H24),
    "zh": (r"(?:(?P<part>上午|下午|凌晨|早上|中午|晚上)\s?)?(?<![\d.,])(?P<h>\d{1,2})"
           r"(?P<unit>[点點]|时(?!间|代))(?:(?P<m>\d{1,2})分|(?P<half>半))?", _H24),
}  # fmt: skip
_RACE = re.compile(
    r"(?<![\d:.,])(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d{2})(?:\.(?P<f>\d+))?(?![\d:])"
)
_FRACTION = re.compile(r"(?P<f>\d{1,3})(?![\d.,]|\s?[분초시일월년分秒时時日月年])")
_JOIN = re.compile(r"\s*(?:,|and|y|und|et|e|i|и|і|과|와|및)?\s*", re.I)


@lru_cache(maxsize=16)
def _clock_patterns(base: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in _CLOCKS.get(base, _CLOCKS["en"]))


def clock_times(work: str, text: str, base: str) -> list[Quantity]:
    """Times of day in ``work`` (leftmost first, never overlapping)."""
    found: list[Quantity] = []
    for pattern in _clock_patterns(base):
        for hit in pattern.finditer(work):
            if any(hit.start() < q.end and q.start < hit.end() for q in found):
                continue
            time = _time(hit, text)
            if time is not None:
                found.append(time)
    return sorted(found, key=lambda q: q.start)


def _time(hit: re.Match[str], text: str) -> Quantity | None:
    groups = hit.groupdict()
    if groups.get("hh"):
        groups.update(h=groups["hh"], m=groups["mm"])
    if groups.get("night"):
        groups["part"] = "night"
    hour = int(groups["h"])
    minute = 30 if groups.get("half") else int(groups.get("m") or 0)
    part = (groups.get("part") or "").lower()
    military = bool(re.fullmatch(r"\d{4}", hit.group()[:4])) and ":" not in hit.group()
    if hour > 24 or minute > 59:
        return None
    if groups.get("unit") in ("点", "點") and not (part or groups.get("m") or groups.get("half")):
        return None  # 3点 is also "three points"
    also: tuple[Reading, ...] = ()
    if part in _AM:
        hour = 0 if hour == 12 else hour
    elif part in _PM:
        hour = hour + 12 if hour < 12 else hour
    elif part in _NOON:
        hour = hour if hour >= 11 else hour + 12
    elif 1 <= hour <= 12 and not military:
        also = (Reading(TIME, Decimal(((hour + 12) % 24) * 60 + minute)),)
    value = Decimal(hour * 60 + minute)
    return Quantity(value, TIME, text[hit.start() : hit.end()], hit.start(), hit.end(),
                    also=also)


def race_times(work: str, text: str) -> list[Quantity]:
    """``1:23.45`` and ``2:05:30``: durations in seconds (``10:00`` is a time of day)."""
    found = []
    for hit in _RACE.finditer(work):
        if hit.group("h") is None and hit.group("f") is None:
            continue  # m:ss without a fraction is a time of day
        seconds = Decimal(int(hit.group("h") or 0) * 3600 + int(hit.group("m")) * 60)
        seconds += Decimal(f"{hit.group('s')}.{hit.group('f') or 0}")
        found.append(Quantity(seconds, DURATION, text[hit.start() : hit.end()], hit.start(),
                              hit.end(), unit="second"))
    return found


def seconds_fraction(work: str, pos: int) -> tuple[Decimal, int] | None:
    """The hundredths written right after 초/秒 (``13초04``): (fraction, end) or None."""
    hit = _FRACTION.match(work, pos)
    if hit is None:
        return None
    digits = hit.group("f")
    return Decimal(f"0.{digits}"), hit.end()


def _family(unit: str) -> dict[str, int] | None:
    return SECONDS if unit in SECONDS else MONTHS if unit in MONTHS else None


def merge_durations(found: list[Quantity], work: str, text: str) -> list[Quantity]:
    """Durations next to each other, largest unit first, as one (``2시간 5분``)."""
    merged: list[Quantity] = []
    for quantity in sorted(found, key=lambda q: q.start):
        last = merged[-1] if merged else None
        if last is not None and _joins(last, quantity, work):
            merged[-1] = _sum(last, quantity, text)
        else:
            merged.append(quantity)
    return merged


def _joins(first: Quantity, second: Quantity, work: str) -> bool:
    if first.kind != DURATION or second.kind != DURATION:
        return False
    family = _family(first.unit)
    if family is None or family is not _family(second.unit):
        return False
    if family[first.unit] <= family[second.unit] or first.also or second.also:
        return False
    gap = _JOIN.fullmatch(work, first.end, second.start)
    return gap is not None


def _sum(first: Quantity, second: Quantity, text: str) -> Quantity:
    family = _family(first.unit) or {}
    value = first.value * family[first.unit] / family[second.unit] + second.value
    return Quantity(value, DURATION, text[first.start : second.end], first.start, second.end,
                    unit=second.unit, weak=first.weak and second.weak)


__all__ = ["clock_times", "merge_durations", "race_times", "seconds_fraction"]
