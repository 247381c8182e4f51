"""Read the numbers, money, percentages, dates and durations of a text as comparable values.

One reader for every language the project translates into, used by the ``numbers`` check
and by glossary-enforced translation. :func:`read_numbers` returns :class:`Quantity`
values; :func:`compare_numbers` says which quantities of a source are missing from its
translation. The rules (tables per language live in :mod:`l10n.lang.number_rules`):

- Digits and separators: the language's group and decimal symbols come from Babel's CLDR
  data and a number is parsed with ``babel.numbers.parse_decimal(strict=True)``: ``1.234,5``
  in German and Spanish, ``1,234.5`` in English, Korean, Japanese and Chinese. A number
  that is not well formed in its language's convention (``10.3`` in Spanish) is read with
  the other convention, so a point the translator left as it was still compares.
  Full-width digits and signs (``１２％``) are read as ASCII ones.
- Scale words multiply: English thousand/million/billion (10^9)/trillion (10^12), and,
  after a currency sign only, ``$800M``, ``$10.3bn``; Spanish mil, millón/millones,
  ``mil millones`` and millardo (10^9), billón/billones (10^12!); German Tsd., Mio.,
  Mrd./Milliarde(n) (10^9), Bio./Billion(en) (10^12); French million/milliard/billion;
  Portuguese (Brazil) bilhão (10^9), trilhão (10^12).
- Korean, Japanese and Chinese units group by 10^4: 만/万 (10^4), 억/億/亿 (10^8),
  조/兆 (10^12), 천/千 (10^3) and 백/百 (10^2) before them; Chinese 万亿 multiplies
  (10^12). Groups separated by at most one space add up: ``3조 5천억`` = 3.5 x 10^12.
- Money: a currency sign or code before the number (``$``, ``US$``, ``€``, ``₩``, ``KRW``)
  or a code, sign or word after it (``KRW``, ``원``, ``달러``, ``ドル``, ``韩元``,
  ``de dólares``, ``Mrd. Dollar``). ``$`` is read as US dollars.
- Percent: ``%``, ``percent``, ``퍼센트``, ``パーセント``, ``por ciento``, ``Prozent``.
- Durations: ``3-minute``, ``16 seconds``, ``3분 16초``, ``3分16秒``, ``3 minutos``.
- Dates (read first, so their digits are not read again): ``2025-11-02``, ``October 31``
  (``Oct. 31st``, ``31 October 2025``), ``10월 31일``, ``2025년 11월 2일``, ``10月31日``,
  ``31 de octubre``, ``31. Oktober``. Month names come from Babel for each language.
  A date's value is ``month * 100 + day``; its year, if written, is :attr:`Quantity.year`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from l10n.lang.number_rules import Rules, rules_for

NUMBER = "number"
MONEY = "money"
PERCENT = "percent"
DATE = "date"
DURATION = "duration"

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, one character for one: spans stay valid.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_MASK = "\x00"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value read from ``text`` (``source[start:end]``), comparable across languages.

    ``unit`` is the ISO 4217 code for money ("KRW"), "hour"/"minute"/"second" for a
    duration, and empty otherwise. Dates: ``value = month * 100 + day``, ``year`` or None.
    """

    value: Decimal
    kind: str
    text: str
    start: int
    end: int
    unit: str = ""
    year: int | None = None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def describe(self) -> str:
        """The value as a translator can check it: ``14,000,000,000,000 KRW``, ``10-31``."""
        if self.kind == DATE:
            month, day = divmod(int(self.value), 100)
            date = f"{month:02d}-{day:02d}"
            return f"{self.year}-{date}" if self.year else date
        number = _plain(self.value)
        if self.kind == PERCENT:
            return f"{number}%"
        if self.kind == DURATION:
            return f"{number} {self.unit}{'' if self.value == 1 else 's'}"
        return f"{number} {self.unit}" if self.unit else number


@dataclass(frozen=True, slots=True)
class NumberProblem:
    """A source quantity the translation does not have; ``found`` are the translation's
    quantities that no source quantity accounts for (the likely wrong values)."""

    source: Quantity
    found: tuple[Quantity, ...]
    message: str


def _plain(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def read_numbers(text: str, lang: str) -> list[Quantity]:
    """Every number, amount of money, percentage, duration and date of ``text``, in order."""
    rules = rules_for(lang)
    work = text.translate(_FULLWIDTH)
    found: list[Quantity] = []
    for date in _dates(work, text, rules):
        found.append(date)
        work = work[: date.start] + _MASK * (date.end - date.start) + work[date.end :]
    pos = 0
    for hit in rules.number.finditer(work):
        if hit.start() < pos:
            continue
        amount = _amount(work, text, hit, rules)
        if amount is not None:
            found.append(amount)
            pos = amount.end
    return sorted(found, key=lambda q: q.start)


def _dates(work: str, text: str, rules: Rules) -> list[Quantity]:
    """Dates of the text, leftmost first and never overlapping."""
    hits: list[Quantity] = []
    for pattern in rules.dates:
        for hit in pattern.finditer(work):
            if any(hit.start() < q.end and q.start < hit.end() for q in hits):
                continue
            month = rules.month(hit.group("month"))
            day, year = int(hit.group("day")), hit.group("year")
            if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            hits.append(
                Quantity(
                    Decimal(month * 100 + day), DATE, text[hit.start() : hit.end()],
                    hit.start(), hit.end(), year=int(year) if year else None,
                )
            )
    return sorted(hits, key=lambda q: q.start)


def _amount(work: str, text: str, hit: re.Match[str], rules: Rules) -> Quantity | None:
    """The quantity starting with the digits of ``hit``: units, scale, currency, percent."""
    value = rules.parse(hit.group())
    if value is None:
        return None
    start, pos = hit.start(), hit.end()
    prefix = rules.prefix_currency.search(work, 0, start)
    currency = rules.currency_code(prefix.group().strip()) if prefix else None
    if prefix:
        start = prefix.start()
    value, pos = _cjk_units(work, value, pos, rules)
    scale = rules.scale.match(work, pos)
    if scale is None and currency:
        scale = rules.short_scale.match(work, pos)
    if scale:
        value, pos = value * rules.factor(scale.group("scale")), scale.end()
    kind, unit = (MONEY, currency) if currency else (NUMBER, "")
    if not currency and (suffix := rules.suffix_currency.match(work, pos)):
        kind, unit, pos = MONEY, rules.currency_code(suffix.group("cur")), suffix.end()
    elif not currency and (percent := rules.percent.match(work, pos)):
        kind, pos = PERCENT, percent.end()
    elif not currency and (duration := rules.duration.match(work, pos)):
        kind, unit, pos = DURATION, rules.duration_unit(duration.group("unit")), duration.end()
    return Quantity(value, kind, text[start:pos], start, pos, unit)


def _cjk_units(work: str, value: Decimal, pos: int, rules: Rules) -> tuple[Decimal, int]:
    """Apply 만/억/조 (万/億/亿/兆) groups after a number: ``3조 5천억`` -> 3.5 x 10^12.

    A group is digits, optionally 천/백 (千/百), then big units; the next group may follow
    after at most one space, and only when it has a unit itself.
    """
    units = rules.cjk_units.match(work, pos) if rules.cjk else None
    if units is None or not units.group():
        return value, pos
    total = Decimal(0)
    while units is not None and units.group():
        value *= rules.cjk_factor(units.group())
        pos = units.end()
        total += value
        if not rules.cjk_big(units.group()):
            break
        follow = rules.cjk_next.match(work, pos)
        if follow is None:
            break
        following = rules.parse(follow.group("num"))
        units = rules.cjk_units.match(work, follow.end())
        if following is None or units is None or not units.group():
            break
        value = following
    return total, pos


def _same(source: Quantity, target: Quantity) -> bool:
    """Equal values of compatible kinds: a plain source number matches any kind."""
    if source.value != target.value:
        return False
    if source.kind == NUMBER:
        return True
    if source.kind != target.kind or source.unit != target.unit:
        return False
    return source.kind != DATE or source.year is None or source.year == target.year


def compare_numbers(
    source_text: str, source_lang: str, target_text: str, target_lang: str
) -> list[NumberProblem]:
    """Every source quantity must be in the target with the same value and a compatible kind.

    Each target quantity accounts for one source quantity at most. Quantities only the
    target has (a conversion note, "2025년" for "this year") are not problems by
    themselves; they are named as candidates when a source quantity is missing.
    """
    sources = read_numbers(source_text, source_lang)
    targets = read_numbers(target_text, target_lang)
    used = [False] * len(targets)
    missing: list[Quantity] = []
    for quantity in sources:
        index = next(
            (i for i, t in enumerate(targets) if not used[i] and _same(quantity, t)), None
        )
        if index is None:
            missing.append(quantity)
        else:
            used[index] = True
    spare = tuple(t for i, t in enumerate(targets) if not used[i])
    return [_problem(q, spare) for q in missing]


def _problem(quantity: Quantity, spare: tuple[Quantity, ...]) -> NumberProblem:
    """Name the likeliest culprits: same value (wrong kind or currency), else same kind."""
    same_value = tuple(t for t in spare if t.value == quantity.value)
    found = same_value or tuple(t for t in spare if t.kind == quantity.kind) or spare
    expected = f"'{quantity.text}' ({quantity.describe()})"
    if same_value:
        other = same_value[0]
        message = (
            f"{expected} is written '{other.text}' ({other.describe()}) in the translation"
        )
    else:
        message = f"{expected} is missing from the translation"
        if found:
            listed = ", ".join(f"'{t.text}' ({t.describe()})" for t in found[:3])
            message += f"; the translation has {listed}"
    return NumberProblem(quantity, found, message)


__all__ = [
    "DATE",
    "DURATION",
    "MONEY",
    "NUMBER",
    "PERCENT",
    "NumberProblem",
    "Quantity",
    "compare_numbers",
    "read_numbers",
]
