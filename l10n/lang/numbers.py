"""Read the numbers, money, percentages, dates and durations of a text as comparable values.

One reader for every language, used by the ``numbers`` check and by glossary-enforced
translation. :func:`read_numbers` returns :class:`Quantity` values; :func:`compare_numbers`
says which source quantities its translation lacks (tables: :mod:`l10n.lang.number_rules`;
the reader: :mod:`l10n.lang.number_reader`):

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
- Korean, Japanese and Chinese numerals with unit characters (:mod:`l10n.lang.cjk`):
  ``3조 5천억`` = 3.5 x 10^12, ``1만2750.10`` = 12,750.10, ``8만5000명``, ``2천500``.
- Numbers in words (:mod:`l10n.lang.number_words`): "seven-year", "Two hundred thousand",
  "dos semanas"; they are weak: a translation may keep them in words.
- In a language whose decimal sign is a comma, ``260,000`` reads 260 and also 260,000 (a
  translator may keep the source's grouping).
- Money: a currency sign or code before the number (``$``, ``US$``, ``€``, ``₩``, ``KRW``)
  or a code, sign or word after it (``KRW``, ``원``, ``달러``, ``ドル``, ``韩元``,
  ``de dólares``, ``Mrd. Dollar``). ``$`` is read as US dollars.
- Percent: ``%``, ``percent``, ``퍼센트``, ``パーセント``, ``por ciento``, ``Prozent``; the sign
  first where CLDR puts it first (Turkish ``%50``, Basque ``% 50``).
- Durations: ``3-minute``, ``16 seconds``, ``3분 16초``, ``3分16秒``, ``3 minutos``,
  ``12 months`` = ``1년``, ``two weeks`` = ``2주``; race times (``1:23.45``, ``13초04``)
  and times of day (``10:00 a.m.`` = ``오전 10시``): :mod:`l10n.lang.times`.
- Dates (read first, so their digits are not read again): ``2025-11-02``, ``October 31``
  (``Oct. 31st``, ``31 October 2025``), ``10월 31일``, ``2025년 11월 2일``, ``10月31日``,
  ``31 de octubre``, ``31. Oktober``. Month names come from Babel for each language.
  A date's value is ``month * 100 + day``; its year, if written, is :attr:`Quantity.year`.
  Day-only and relative dates (``지난달 19일``, ``지난해``): :mod:`l10n.lang.cjk`.
- HTML character references (``&#8212;``, ``&amp;``) are markup, never numbers.

:func:`compare_numbers` reports a source quantity the translation lacks as an error, and
as a warning where the translation plausibly says the same another way: the amount
without its currency (``$46 billion`` -> ``460억``), a day without its month (``June 19``
-> ``지난달 19일``), a year said relatively (``2007`` -> ``지난해``). A quantity in words
is an error only when the translation has a different figure of the same kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from l10n.lang.number_context import (
    alternatives,
    approximate_note,
    code_digits,
    compare_codes,
    converted,
    copied_commas,
    copied_dates,
    extra_figures,
    is_age,
    same_unit,
    slip,
    split_year,
    zero_sample,
    zero_slips,
)
from l10n.lang.number_reader import REFERENCE, read_numbers
from l10n.lang.number_rules import DURATION_WORDS
from l10n.lang.quantity import (
    DATE,
    DURATION,
    MONEY,
    NUMBER,
    PERCENT,
    RELATIVE,
    TIME,
    Candidates,
    Quantity,
)

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class NumberProblem:
    """A source quantity the translation does not have; ``found`` are the translation's
    quantities that no source quantity accounts for (the likely wrong values)."""

    source: Quantity
    found: tuple[Quantity, ...]
    message: str
    severity: str = ERROR


def same_quantity(source: Quantity, target: Quantity) -> bool:
    """Equal values of compatible kinds (any reading of either): a plain source number
    matches any kind; a dated source needs the same year where the target writes one."""
    for mine in source.readings():
        for theirs in target.readings():
            if mine.kind == NUMBER and mine.value == theirs.value:
                return True
            if mine.kind == DATE:
                if theirs.kind == DATE and mine.value == theirs.value and (
                    source.year is None or source.year == target.year
                ):
                    return True
            elif mine.key() == theirs.key():
                return True
    return False


def _specificity(quantity: Quantity) -> int:
    """Match order: quantities with a kind first, plain numbers, then numbers in words."""
    return 2 if quantity.weak else 1 if quantity.kind == NUMBER else 0


def compare_numbers(
    source_text: str, source_lang: str, target_text: str, target_lang: str
) -> list[NumberProblem]:
    """Every source quantity must be in the target with the same value and a compatible kind.

    Each target quantity accounts for one source quantity at most. Quantities only the
    target has (a conversion note, "2025년" for "this year") are not problems by
    themselves; they are named as candidates when a source quantity is missing.
    Problems come in source order; see the module docstring for warnings.
    """
    if zero_sample(source_text):  # "Oct 00 0000, 00:00 PM" sizes a date format: no values
        months = {int(q.value) // 100 for q in read_numbers(source_text, source_lang)
                  if q.kind == DATE}
        return [NumberProblem(
            Quantity(Decimal(0), NUMBER, mine.group(), *mine.span()),
            (Quantity(Decimal(0), NUMBER, other.group(), *other.span()),),
            f"'{other.group()}' is the sample '{mine.group()}' with a digit changed: a format "
            "sample keeps its zeros") for mine, other in zero_slips(source_text, target_text,
                                                                   months)]
    source_text, target_text = copied_commas(source_text, target_text)
    coded = compare_codes(source_text, target_text)
    source_text, target_text = coded.source, coded.target
    code_problems = [
        NumberProblem(Quantity(Decimal(0), NUMBER, old, 0, 0), (),
                      f"'{old}' is written '{new}' in the translation: copy the code unchanged")
        for old, new in coded.changed]
    sources = [q for q in read_numbers(source_text, source_lang) if q.kind != RELATIVE]
    sources, target_text = copied_dates(sources, target_text)
    moved, found = code_digits(coded.unmatched, read_numbers(target_text, target_lang),
                               target_text)
    code_problems += [
        NumberProblem(Quantity(Decimal(0), NUMBER, code, 0, 0), (other,),
                      f"'{code}' is written with {_shown(other)} in the translation: keep "
                      "its number") for code, other in moved]
    relative = [q for q in found if q.kind == RELATIVE]
    targets = [q for q in found if q.kind != RELATIVE]
    used = [False] * len(targets)
    missing: list[Quantity] = []
    pairs = alternatives(sources, source_text)
    # No words for durations in this language ("7 дней"): its bare number is the duration.
    # Russian's word list cannot have every form ("7-дневный"): a bare number may be it too.
    base = target_lang.replace("-", "_").split("_")[0].lower()
    loose = base not in DURATION_WORDS or base == "ru"
    candidates = Candidates(targets, used)  # by value: each source against all was quadratic
    worded: list[Quantity] = []  # figures only a number in words accounts for
    for quantity in sorted(sources, key=_specificity):
        index = next(
            (i for i in candidates.of(quantity) if same_quantity(quantity, targets[i]) or (
                (loose or is_age(quantity, source_text)) and quantity.kind == DURATION
                and targets[i].kind == NUMBER and targets[i].value == quantity.value)), None
        )
        if index is None and quantity.kind == DATE and quantity.year:
            index = split_year(quantity, targets, used)  # 2001년 … 9/11 테러
        if index is None:
            missing.append(quantity)
        else:
            used[index] = True
            if targets[index].weak and not quantity.weak:
                worded.append(quantity)
    spare = [t for i, t in enumerate(targets) if not used[i]]
    missing += [q for q in worded if any(  # "maintenance(1)" -> "(2)" beside 另一个 ("another")
        not t.weak and t.kind == q.kind and slip(q.text, t.text) for t in spare)]
    found_sources = {id(q) for q in sources} - {id(q) for q in missing}
    rivals = [t for t in spare if not t.weak and not approximate_note(target_text, t.start)]
    missing = [q for q in missing  # "30 miles (50 kilometers)": either says it, unless
               if not any(id(other) in found_sources for other in pairs.get(id(q), ()))
               or any(_comparable(q, t) and (t.kind != NUMBER or same_unit(
                   source_text, q.end, target_text, t.end)) for t in rivals)]
    missing, spare = converted(missing, spare, source_text, target_text)
    # "1 hour" -> "jednog sata", "한 시간", "0 items" -> "항목 없음": said in words, unless a
    # figure replaced it
    rivals = [t for t in spare if not t.weak]
    missing = [q for q in missing if not (_in_words(q) and not any(
        _comparable(q, t) or any(r.kind == q.kind for r in t.readings())
        or (loose and q.kind == DURATION and t.kind == NUMBER) or (  # '5 m' -> '6 min'
            q.kind == NUMBER and t.kind == DURATION and q.width == t.width) for t in rivals)
                                          and not any(t.value == q.value for t in targets))]
    spare = [t for t in spare if not any(s <= t.start < e for s, e in coded.own)]
    problems = code_problems
    if not missing:
        return problems + [NumberProblem(t, (t,), f"{_shown(t)} is in the translation but not "
                                         "in the source: check that it belongs there", WARNING)
                           for t in extra_figures(spare, target_text, source_text)
                           if not problems]
    for quantity in sorted(missing, key=lambda q: q.start):
        problem = _problem(quantity, spare, relative)
        if problem is not None:
            problems.append(problem)
    return problems


def _in_words(quantity: Quantity) -> bool:
    """A small whole number a translation may write in words (dwoma, due, 三路, 하나),
    unless it writes the same number as a figure elsewhere ("5 cars and 5 trucks")."""
    return (quantity.kind in (NUMBER, DURATION) and quantity.value <= 10
            and quantity.value == int(quantity.value))


def _problem(
    quantity: Quantity, spare: list[Quantity], relative: list[Quantity]
) -> NumberProblem | None:
    """Why ``quantity`` is not in the translation, naming what the translation has."""
    expected = f"'{quantity.text}' ({quantity.describe()})"
    figures = [t for t in spare if not t.weak]
    if quantity.weak:
        rival = next((t for t in figures if _comparable(quantity, t)), None)
        if rival is None:
            return None  # in words: the translation may say it in words too
        return NumberProblem(quantity, (rival,), f"{expected} is written {_shown(rival)} in "
                             "the translation")
    soft = _soft_problem(quantity, expected, figures, relative)
    if soft is not None:
        return soft
    same_value = [t for t in figures if any(r.value == quantity.value for r in t.readings())]
    if same_value:
        other = same_value[0]
        return NumberProblem(quantity, (other,),
                             f"{expected} is written {_shown(other)} in the translation")
    found = [t for t in figures if _comparable(quantity, t)] or figures
    message = f"{expected} is missing from the translation"
    if found:
        message += f"; the translation has {', '.join(_shown(t) for t in found[:3])}"
    return NumberProblem(quantity, tuple(found), message)


def _soft_problem(
    quantity: Quantity, expected: str, figures: list[Quantity], relative: list[Quantity]
) -> NumberProblem | None:
    """A warning where the translation plausibly says the same thing another way."""
    if quantity.kind == MONEY:
        bare = next((t for t in figures if t.kind == NUMBER and t.value == quantity.value), None)
        if bare is not None:
            return NumberProblem(quantity, (bare,), f"{expected} is written {_shown(bare)} "
                                 f"without its currency ({quantity.unit}): add it", WARNING)
    if quantity.kind == DATE and quantity.value >= 100:
        day = int(quantity.value) % 100
        month_less = next((t for t in figures if t.kind == DATE and t.value == day), None)
        if month_less is not None:
            return NumberProblem(quantity, (month_less,), f"{expected} is written "
                                 f"{_shown(month_less)}: check that the month is right", WARNING)
        dated = next((t for t in figures if t.kind == DATE and t.value == quantity.value), None)
        if dated is not None and quantity.year and relative:
            return NumberProblem(quantity, (dated, relative[0]), f"{expected} is written "
                                 f"{_shown(dated)} with '{relative[0].text}' "
                                 f"({relative[0].describe()}): check that the year is "
                                 f"{quantity.year}", WARNING)
    if _is_year(quantity) and relative:
        return NumberProblem(quantity, (relative[0],), f"'{quantity.text}' (the year "
                             f"{quantity.text}) is written {_shown(relative[0])} in the "
                             "translation: check that the year is right", WARNING)
    return None


def _is_year(quantity: Quantity) -> bool:
    return quantity.kind == NUMBER and quantity.text.isdigit() and 1900 <= quantity.value <= 2100


def _comparable(source: Quantity, target: Quantity) -> bool:
    """Same kind, and for durations units of the same family (not days against months)."""
    if source.kind != target.kind:
        return source.kind == NUMBER and target.kind in (NUMBER, MONEY, PERCENT)
    if source.kind == DURATION:
        return source.reading.key()[2] == target.reading.key()[2]
    return True


def _shown(quantity: Quantity) -> str:
    return f"'{quantity.text}' ({quantity.describe()})"


__all__ = [
    "DATE", "DURATION", "ERROR", "MONEY", "NUMBER", "PERCENT", "REFERENCE", "RELATIVE",
    "TIME", "WARNING", "NumberProblem", "Quantity", "compare_numbers", "read_numbers",
    "same_quantity",
]  # fmt: skip
