"""Korean, Japanese and Chinese numerals with unit characters, day-only and relative dates.

Numerals (:func:`cjk_number`), after the digits the number reader found:

- A group is digits with 천/千 (10^3) and 백/百 (10^2) inside it, each followed by more
  digits or not: ``2천500`` = 2,500, ``5천`` = 5,000.
- A big unit multiplies the group: 만/万/萬 (10^4), 억/億/亿 (10^8), 조/兆 (10^12); two
  in a row multiply (万亿 = 10^12, 천만 = 10^7).
- Groups add up, biggest first, written together or with one space: ``3억2000만`` =
  320,000,000, ``1만2750.10`` = 12,750.10, ``8만5000명`` = 85,000, ``1만 2750``, ``3조 5천억``.
  A following group must be smaller than the unit before it, so ``10만 20만`` stays two.

Dates a Korean (Japanese, Chinese) newsroom writes without the month:
``지난달 19일`` / ``지난 19일`` / ``19일`` (先月19日, 上月19日) is the 19th of a month the
text does not name (a date whose month is 0); a bare ``19일`` or ``19日`` may also be
19 days. Relative years (지난해, 昨年, 去年, "el año pasado", "im Vorjahr") are read as
:data:`~l10n.lang.quantity.RELATIVE` quantities, so a check can name the source year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from l10n.lang.quantity import DATE, DURATION, RELATIVE, Quantity, Reading

SMALL = {"천": 3, "千": 3, "백": 2, "百": 2}
BIG = {"만": 4, "万": 4, "萬": 4, "억": 8, "億": 8, "亿": 8, "조": 12, "兆": 12}
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r" ?")

Parse = Callable[[str], "Decimal | None"]

_DAY_ONLY = {
    "ko": r"(?:(?P<rel>지난달|이달|이번\s?달|다음\s?달|전달|같은\s?달|지난|오는|이번)\s?)?"
          r"(?<![\d.,])(?P<day>\d{1,2})일(?!\s?(?:간|동안|째|만에|치))",
    "ja": r"(?:(?P<rel>先月|今月|来月|同月)\s?)?(?<!\d)(?P<day>\d{1,2})\s?日(?!間|目)",
    "zh": r"(?:(?P<rel>上月|本月|下月|当月|同月)\s?)?(?<!\d)(?P<day>\d{1,2})[日号](?!间)",
}  # fmt: skip
RELATIVE_YEARS: dict[str, dict[str, int]] = {
    "ko": {"지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1, "이듬해": 1, "재작년": -2},
    "ja": {"昨年": -1, "去年": -1, "今年": 0, "来年": 1, "一昨年": -2, "翌年": 1},
    "zh": {"去年": -1, "今年": 0, "明年": 1, "前年": -2, "次年": 1},
    "es": {"año pasado": -1, "este año": 0, "próximo año": 1, "año que viene": 1},
    "de": {"letzten jahr": -1, "letztes jahr": -1, "vergangenen jahr": -1, "vorjahr": -1,
           "dieses jahr": 0, "diesem jahr": 0, "nächsten jahr": 1, "nächstes jahr": 1},
}


def cjk_number(work: str, value: Decimal, pos: int, parse: Parse) -> tuple[Decimal, int]:
    """The numeral that starts with ``value`` (digits ending at ``pos``), and its end."""
    group, end, exponent = _group(work, value, pos, parse)
    if end == pos:
        return value, pos
    total = group * Decimal(10) ** exponent
    while exponent:
        space = _SPACE.match(work, end)
        nxt = _DIGITS.match(work, space.end() if space else end)
        following = parse(nxt.group()) if nxt else None
        if nxt is None or following is None:
            break
        group, after, smaller = _group(work, following, nxt.end(), parse)
        if group * Decimal(10) ** smaller >= Decimal(10) ** exponent:
            break
        total += group * Decimal(10) ** smaller
        end, exponent = after, smaller
    return total, end


def _group(work: str, value: Decimal, pos: int, parse: Parse) -> tuple[Decimal, int, int]:
    """(group value, end, exponent of its big units) for digits ``value`` ending at ``pos``."""
    group, current, last = Decimal(0), value, 99
    while pos < len(work) and SMALL.get(work[pos], 99) < last:
        last = SMALL[work[pos]]
        group += current * Decimal(10) ** last
        pos += 1
        digits = _DIGITS.match(work, pos)
        following = parse(digits.group()) if digits else None
        if digits is None or following is None:
            current = Decimal(0)
            break
        current, pos = following, digits.end()
    group += current
    exponent = 0
    while pos < len(work) and work[pos] in BIG:
        exponent += BIG[work[pos]]
        pos += 1
    return group, pos, exponent


@lru_cache(maxsize=8)
def _day_pattern(base: str) -> re.Pattern[str] | None:
    pattern = _DAY_ONLY.get(base)
    return re.compile(pattern) if pattern else None


@lru_cache(maxsize=8)
def _relative_pattern(base: str) -> re.Pattern[str] | None:
    words = RELATIVE_YEARS.get(base)
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    edge = r"\b" if base in ("es", "de") else ""
    return re.compile(f"{edge}(?:{alternation}){edge}", re.I)


def day_only_dates(work: str, text: str, base: str) -> list[Quantity]:
    """``지난달 19일``, ``19일``, ``先月19日``: dates whose month is not written."""
    pattern = _day_pattern(base)
    found: list[Quantity] = []
    for hit in pattern.finditer(work) if pattern else ():
        day = int(hit.group("day"))
        if not 1 <= day <= 31:
            continue
        also = () if hit.group("rel") else (Reading(DURATION, Decimal(day), "day"),)
        found.append(Quantity(Decimal(day), DATE, text[hit.start() : hit.end()],
                              hit.start(), hit.end(), also=also))
    return found


def relative_years(work: str, text: str, base: str) -> list[Quantity]:
    """지난해 (last year), 올해, 昨年, 去年, "el año pasado": the year said relatively."""
    pattern = _relative_pattern(base)
    words = RELATIVE_YEARS.get(base, {})
    return [
        Quantity(Decimal(words[hit.group().lower()]), RELATIVE, text[hit.start() : hit.end()],
                 hit.start(), hit.end(), unit="year")
        for hit in (pattern.finditer(work) if pattern else ())
    ]


__all__ = ["BIG", "SMALL", "cjk_number", "day_only_dates", "relative_years"]
