"""The values :mod:`l10n.lang.numbers` reads: :class:`Quantity`, its kinds and units.

A quantity has one reading (kind, value, unit) and possibly others (``also``) when its
text can be read two ways: ``260,000`` in a Spanish text (260 or 260,000), ``10시`` (10:00
or 22:00), Korean ``19일`` (the 19th, or 19 days). Durations compare in a common unit
(seconds for second ... week, months for month and year: ``12 months`` = ``1년``,
``90 minutes`` = ``1시간 30분``); months and days never compare with each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

NUMBER = "number"
MONEY = "money"
PERCENT = "percent"
DATE = "date"  # value month * 100 + day; a day alone (month not written): the day
DURATION = "duration"
TIME = "time"  # a time of day: minutes since midnight
RELATIVE = "relative"  # 지난해, 昨年, "el año pasado": value = offset, unit = year/month

SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
MONTHS = {"month": 1, "year": 12}
_RELATIVE_NAMES = {
    ("year", -2): "the year before last", ("year", -1): "last year", ("year", 0): "this year",
    ("year", 1): "next year", ("month", -1): "last month", ("month", 0): "this month",
    ("month", 1): "next month",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a quantity's text."""

    kind: str
    value: Decimal
    unit: str = ""

    def key(self) -> tuple[str, Decimal, str]:
        """What two equal readings share: durations in seconds or in months."""
        if self.kind == DURATION and self.unit in SECONDS:
            return DURATION, self.value * SECONDS[self.unit], "s"
        if self.kind == DURATION and self.unit in MONTHS:
            return DURATION, self.value * MONTHS[self.unit], "mo"
        return self.kind, self.value, self.unit


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value read from ``text`` (``source[start:end]``), comparable across languages.

    ``unit`` is the ISO 4217 code for money ("KRW"), a duration's unit ("minute"), and
    empty otherwise. Dates: ``value = month * 100 + day``, ``year`` or None. ``weak``:
    written in words ("seven-year", "Two hundred thousand"), which a translation may
    leave in words: it must be right only where the translation writes a figure.
    """

    value: Decimal
    kind: str
    text: str
    start: int
    end: int
    unit: str = ""
    year: int | None = None
    also: tuple[Reading, ...] = ()
    weak: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def reading(self) -> Reading:
        return Reading(self.kind, self.value, self.unit)

    def readings(self) -> tuple[Reading, ...]:
        return (self.reading, *self.also)

    @property
    def width(self) -> int:
        """How many digits it is written with (``1,000`` has 4)."""
        return sum(c.isdigit() for c in self.text)

    def describe(self) -> str:
        """The value as a translator can check it: ``14,000,000,000,000 KRW``, ``10-31``."""
        if self.kind == DATE:
            month, day = divmod(int(self.value), 100)
            if not month:
                return f"day {day}, month not written"
            date = f"{month:02d}-{day:02d}"
            return f"{self.year}-{date}" if self.year else date
        text = describe_reading(self.reading)
        others = [describe_reading(r) for r in self.also if r.kind == self.kind]
        return " or ".join([text, *others])


def plain(value: Decimal) -> str:
    """``14000000000000`` -> ``14,000,000,000,000``; ``10.30`` -> ``10.3``."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def describe_reading(reading: Reading) -> str:
    number = plain(reading.value)
    if reading.kind == PERCENT:
        return f"{number}%"
    if reading.kind == DURATION:
        return describe_duration(reading.value, reading.unit)
    if reading.kind == TIME:
        hours, minutes = divmod(int(reading.value), 60)
        return f"{hours:02d}:{minutes:02d}"
    if reading.kind == RELATIVE:
        return _RELATIVE_NAMES.get((reading.unit, int(reading.value)), reading.unit)
    return f"{number} {reading.unit}" if reading.unit else number


def describe_duration(value: Decimal, unit: str) -> str:
    """``90 minute`` -> ``1 hour 30 minutes``; ``18 month`` -> ``1 year 6 months``."""
    names: tuple[tuple[str, int], ...]
    if unit in ("second", "minute", "hour"):
        rest = value * SECONDS[unit]
        names = (("hour", 3600), ("minute", 60), ("second", 1))
    elif unit in MONTHS:
        rest = value * MONTHS[unit]
        names = (("year", 12), ("month", 1))
    else:
        return _count(value, unit)
    parts = []
    for name, size in names:
        whole = rest if size == 1 else Decimal(int(rest // size))
        if whole:
            parts.append(_count(whole, name))
            rest -= whole * size
    return " ".join(parts) or _count(Decimal(0), unit)


def _count(value: Decimal, unit: str) -> str:
    return f"{plain(value)} {unit}{'' if value == 1 else 's'}"


def match_values(quantity: Quantity) -> set[Decimal]:
    """The values any match of ``quantity`` shares with it (as read, and normalised)."""
    return {value for r in quantity.readings() for value in (r.value, r.key()[1])}


class Candidates:
    """The unused target quantities that may match a source quantity, in target order,
    found by value: matching each source against every target was quadratic in an
    entry's size (a long entry holds thousands of figures)."""

    def __init__(self, targets: list[Quantity], used: list[bool]) -> None:
        self.used = used
        self.by_value: dict[Decimal, list[int]] = {}
        for i, target in enumerate(targets):
            for value in match_values(target):
                self.by_value.setdefault(value, []).append(i)
        self.heads: dict[Decimal, int] = {}  # the first index of a list not used yet

    def of(self, quantity: Quantity) -> list[int]:
        found: set[int] = set()
        for value in match_values(quantity):
            indices = self.by_value.get(value, [])
            head = self.heads.get(value, 0)
            while head < len(indices) and self.used[indices[head]]:
                head += 1
            self.heads[value] = head
            found.update(i for i in indices[head:] if not self.used[i])
        return sorted(found)


__all__ = [
    "DATE",
    "Candidates",
    "DURATION",
    "MONEY",
    "MONTHS",
    "NUMBER",
    "PERCENT",
    "RELATIVE",
    "SECONDS",
    "TIME",
    "Quantity",
    "Reading",
    "describe_duration",
    "describe_reading",
    "match_values",
    "plain",
]
