"""Read the numbers, money, percentages, dates and durations of one text as
:class:`~l10n.lang.quantity.Quantity` values: :func:`read_numbers`, the reading half of
:mod:`l10n.lang.numbers` (which compares a source's quantities with its translation's and
documents what is read, language by language).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from l10n.lang.cjk import cjk_number, day_only_dates, relative_years
from l10n.lang.number_context import elided_months, number_parts, ordinal_article
from l10n.lang.number_rules import CALENDAR_YEAR_WORDS, Rules, rules_for
from l10n.lang.number_words import word_value
from l10n.lang.quantity import DATE, DURATION, MONEY, NUMBER, PERCENT, Quantity, Reading
from l10n.lang.times import clock_times, merge_durations, race_times, seconds_fraction

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, one character for one: spans stay valid.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | dict.fromkeys(
    (0x2010, 0x2011, 0x2012), ord("-"))  # hyphens and the figure dash: "2001‒08‒23"
_MASK = "\x00"
REFERENCE = re.compile(r"&(?:#?\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,31});")




def read_numbers(text: str, lang: str) -> list[Quantity]:
    """Every number, amount of money, percentage, duration, time and date of ``text``."""
    rules = rules_for(lang)
    work = REFERENCE.sub(lambda m: _MASK * len(m.group()), text.translate(_FULLWIDTH))
    found: list[Quantity] = []
    readers: list[Callable[[str], list[Quantity]]] = [
        lambda w: _dates(w, text, rules),
        lambda w: race_times(w, text),
        lambda w: clock_times(w, text, rules.base),
        lambda w: day_only_dates(w, text, rules.base),
        lambda w: relative_years(w, text, rules.base),
    ]
    for reader in readers:
        for quantity in reader(work):
            found.append(quantity)
            work = work[: quantity.start] + _MASK * len(quantity.text) + work[quantity.end :]
    hits = [(hit, False) for hit in rules.number.finditer(work)]
    if rules.words is not None:
        hits += [(hit, True) for hit in rules.words.finditer(work)]
    pos = 0
    for hit, weak in sorted(hits, key=lambda h: h[0].start()):
        if hit.start() < pos:
            continue
        amount = _amount(work, text, hit, rules, weak)
        if amount is None and not weak:  # "89.123 179.456" in Slovak, "2.5.1": its parts
            for part in number_parts(work, hit, rules.parse):
                if part.start() >= pos and (amount := _amount(work, text, part, rules, weak)):
                    found.append(amount)
                    pos = amount.end
            continue
        if amount is not None:
            found.append(amount)
            pos = amount.end
    return elided_months(merge_durations(found, work, text), work)


def _dates(work: str, text: str, rules: Rules) -> list[Quantity]:
    """Dates of the text, leftmost first and never overlapping."""
    hits: list[Quantity] = []
    for pattern in rules.dates:
        for hit in pattern.finditer(work):
            if any(hit.start() < q.end and q.start < hit.end() for q in hits):
                continue
            month = rules.month(hit.group("month"))
            day, year = int(hit.group("day")), hit.group("year")
            if month is None:
                continue  # an impossible date (13월 5일) is kept: it matches no real one
            hits.append(
                Quantity(
                    Decimal(month * 100 + day), DATE, text[hit.start() : hit.end()],
                    hit.start(), hit.end(), year=int(year) if year else None,
                )
            )
    return sorted(hits, key=lambda q: q.start)


_PREFIX_WINDOW = 64  # characters: longer than any currency symbol or code and its space


def _amount(
    work: str, text: str, hit: re.Match[str], rules: Rules, weak: bool
) -> Quantity | None:
    """The quantity starting with the digits (or words) of ``hit``: units, scale, currency."""
    value = word_value(hit.group(), rules.base) if weak else rules.parse(hit.group())
    if value is None:
        return None
    other = None if weak else rules.alternative(hit.group())
    start, pos = hit.start(), hit.end()
    # the symbol or code right before the digits (the pattern ends at them: \Z); looked for
    # in the few characters before, not from the text's start: that was quadratic in an
    # entry's size (every number scanned everything before it)
    prefix = rules.prefix_currency.search(work, max(0, start - _PREFIX_WINDOW), start)
    currency = rules.currency_code(prefix.group().strip()) if prefix else None
    if prefix:
        start = prefix.start()
    factor = Decimal(1)
    if rules.cjk and not weak and value and not ordinal_article(work, start, pos):
        end = pos
        value, pos = cjk_number(work, value, pos, rules.parse)
        other = other if pos == end else None
    scale = rules.scale.match(work, pos)
    if scale is None and currency:
        scale = rules.short_scale.match(work, pos)
    if scale:
        factor, pos = factor * rules.factor(scale.group("scale")), scale.end()
    kind, unit = (MONEY, currency) if currency else (NUMBER, "")
    if not currency and (suffix := rules.suffix_currency.match(work, pos)):
        kind, unit, pos = MONEY, rules.currency_code(suffix.group("cur")), suffix.end()
    elif not currency and (percent := rules.percent.match(work, pos) or (
            rules.percent_first and rules.percent_first.search(work, max(0, start - 2), start))):
        kind, pos = PERCENT, max(pos, percent.end())  # "50%", Turkish "%50"
    elif not currency and (duration := rules.duration.match(work, pos)):
        word, total = duration.group("unit"), value * factor
        if not (rules.cjk and word in CALENDAR_YEAR_WORDS and total >= 1000
                and not _AGO.match(work, duration.end())):  # 1,379년 전: years ago
            kind, unit, pos = DURATION, rules.duration_unit(word), duration.end()
            if unit == "second" and rules.cjk and (fraction := seconds_fraction(work, pos)):
                value, pos = value + fraction[0], fraction[1]
    also = (Reading(kind, other * factor, unit),) if other is not None else ()
    # "the No. 1 need": 가장 (just before the number: from the start was quadratic)
    weak = weak or bool(_RANK.search(work[max(0, start - 8):start])) and value == 1
    return Quantity(value * factor, kind, text[start:pos], start, pos, unit, also=also, weak=weak)


_AGO = re.compile(r"\s?(?:전|후|간|동안|만에|前|後|间|間)")
_RANK = re.compile(r"(?<!\w)No\.\s?$")


__all__ = ["REFERENCE", "read_numbers"]
