"""What surrounds a figure, where a translation says it another way (real English->Korean
news, issue 25): :mod:`l10n.lang.numbers` reads and compares, this module knows

- ordinals that look like amounts: 제2조 (article 2, never 2 trillion);
- elided ranges: "7월 21일부터 31일까지" (the second day takes the first one's month);
- ages: "the 39-year-old Nomo" is 노모(39);
- conversions said twice in the source, "30 miles (50 kilometers)", "0715 (1215 GMT)",
  "680.4 billion won ($680 million)": a translation may keep either;
- imperial figures converted to metric ones: "150 miles" is "240km";
- samples of a format, all zeros ("Oct 00 0000, 00:00 PM"): no values to compare;
- figures only the translation has: notes in parentheses "(약 14조 원)" are not;
- codes, compared as tokens, never as numbers: "3G" is not "9G", "i18n" may become 국제화,
  "Alt+F2" holds no 2.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import NamedTuple

from l10n.lang.quantity import DATE, MONEY, NUMBER, PERCENT, Quantity

# 제2조 (article 2), 제3항: 제 + number + 조 is an ordinal, never 2 trillion.
_ORDINAL = re.compile(r"제\s?$")


def ordinal_article(work: str, start: int, pos: int) -> bool:
    return bool(_ORDINAL.search(work, 0, start)) and work.startswith(("조", "항", "호"), pos)


# "7월 21일부터 31일까지": the second day of a range takes the month of the first.
_RANGE = re.compile(r"\s*(?:부터|에서|~|-|–|から|至|到)\s*")


def elided_months(found: list[Quantity], work: str) -> list[Quantity]:
    out: list[Quantity] = []
    for quantity in found:
        last = out[-1] if out else None
        if (last is not None and quantity.kind == DATE and quantity.value < 100
                and last.kind == DATE and last.value >= 100
                and _RANGE.fullmatch(work, last.end, quantity.start)):
            month = int(last.value) // 100
            quantity = Quantity(month * 100 + quantity.value, DATE, quantity.text,
                                quantity.start, quantity.end, year=last.year)
        out.append(quantity)
    return out


def is_age(quantity: Quantity, text: str) -> bool:
    """"the 39-year-old Nomo": Korean writes the age in parentheses, 노모(39)."""
    return quantity.unit == "year" and text[quantity.end :].startswith(("-old", " old"))


_CONVERSION = re.compile(r"\s*[(（]\s*")  # "0 or 1" are two figures, not one said twice


def alternatives(sources: list[Quantity], text: str) -> dict[int, list[Quantity]]:
    """Quantities that say the same thing twice: "30 miles (50 kilometers)", "0715 (1215
    GMT)", "680.4 billion won ($680 million)"; a translation may keep either. Never a
    figure and a percentage ("1:3 (33%)"), nor the terms of a formula ("5^(6-2)")."""
    ordered = sorted(sources, key=lambda q: q.start)
    pairs: dict[int, list[Quantity]] = {}
    for first, second in zip(ordered, ordered[1:], strict=False):
        gap = text[first.end : second.start]
        if (first.kind == PERCENT) != (second.kind == PERCENT):
            continue  # "1:3 (33%)": a share of a figure is not the figure said again
        if _CONVERSION.fullmatch(gap) or re.fullmatch(r"[^\d()^*×÷=+<>]{0,20}[(（]\s*", gap):
            pairs.setdefault(id(first), []).append(second)
            pairs.setdefault(id(second), []).append(first)
    return pairs


# Months, quarters and ordinals the source says in words (October, third quarter, 14th).
_NAMED = re.compile(r"\s?(?:월|月|분기|四半期|季度|번째|째|차|위|등|세기|世纪|世紀|st|nd|rd|th"
                    r"|진수|진법|진(?![가-힣])|進数|进制|進法)")  # 16진수: "hexadecimal"
_APPROX = re.compile(r"[(（]\s*(?:약|about|approx\.?|約|约|およそ)\s*$")  # (약 56억원)
_NOTE = re.compile(r"[(（]\s*(?:약|about|approx\.?|約|约|およそ)?\s*$")


_IMPERIAL = re.compile(r"[\s-]?(?:miles?|mph|feet|foot|ft\b|square[\s-]f(?:ee|oo)t|inch(?:es)?"
                       r"|pounds?|lbs?\b|acres?|gallons?|yards?|degrees? Fahrenheit|°F)", re.I)
_METRIC = re.compile(r"\s?(?:km|킬로미터|m²|㎡|m\b|미터|cm|센티|mm|kg|킬로그램|킬로|톤|t\b|℃|°C|도"
                     r"|리터|ℓ|헥타르|ha\b|평|キロ|メートル|公里|米|公斤|千克|摄氏|公顷)")


def converted(missing: list[Quantity], spare: list[Quantity], source: str,
               target: str) -> tuple[list[Quantity], list[Quantity]]:
    """"150 miles" -> "240km": a source figure in imperial units and a spare translation
    figure in metric ones, in the same order, are a conversion (the value changes)."""
    metric = [t for t in spare if _METRIC.match(target, t.end)]
    kept: list[Quantity] = []
    for quantity in missing:
        if _IMPERIAL.match(source, quantity.end) and metric:
            spare = [t for t in spare if t is not metric[0]]
            metric = metric[1:]
        else:
            kept.append(quantity)
    return kept, spare


# "AM / PM" -> "12 órás", "12-godzinny": a translation names the 12-hour clock by its figure
_CLOCK_NAMES = re.compile(r"\b(?:AM|PM|[ap]\.m\.)(?!\w)|\b(?:12|24)[\s-]?hours?\b", re.I)


def extra_figures(spare: list[Quantity], text: str, source: str = "") -> list[Quantity]:
    """A figure only the translation has ("엔지니어 500명" for "new engineers"), at most one.
    Dates, times, durations, ones, months and ordinals (10월, 3분기, 14번째) and conversion
    notes in parentheses ("103억 달러(약 14조 원)") are left alone; so are a lone digit 2 to 9
    (a translation spells a term out: "fusion à 3 points" for a merge) and 12 or 24 where
    the source names a clock (AM / PM -> "12 órás")."""
    clock = bool(_CLOCK_NAMES.search(source))
    return [t for t in spare if t.kind in (NUMBER, MONEY, PERCENT) and not t.weak
            and t.value not in (0, 1) and not _NOTE.search(text, 0, t.start)
            and not _NAMED.match(text, t.end)
            and not (t.kind == NUMBER and t.value in range(2, 10) and t.text.strip().isdigit())
            and not (clock and t.value in (12, 24))][:1]


_DIGIT_RUN = re.compile(r"\d+")
_UNSPACED = re.compile(r"(?<!\d)\d+(?:[.,'’]\d+)*")


def number_parts(
    work: str, hit: re.Match[str], parse: Callable[[str], Decimal | None]
) -> Iterator[re.Match[str]]:
    """The figures of a run that is no one number in its language: "89.123 179.456" in
    Slovak (a space groups thousands) is two, a version "2.5.1" is 2, 5 and 1."""
    for part in _UNSPACED.finditer(work, hit.start(), hit.end()):
        if parse(part.group()) is not None:
            yield part
        else:
            yield from _DIGIT_RUN.finditer(work, part.start(), part.end())


def zero_sample(source: str) -> bool:
    """A source whose figures are all zeros, one of two digits or more ("Oct 00 0000, 00:00
    PM", "00/00/00"): the sample of a date or number format, no value to keep."""
    runs = _DIGIT_RUN.findall(source)
    return any(len(r) >= 2 for r in runs) and all(set(r) == {"0"} for r in runs)


_FIGURE_RUN = re.compile(r"\d+(?:[.,:/-]\d+)*")
_MONTH_MARK = re.compile(r"\s?(?:월|月)")


def zero_slips(source: str, target: str, named: set[int]) -> list[tuple[re.Match[str],
                                                                        re.Match[str]]]:
    """The figures of a translation of a zero sample (:func:`zero_sample`) that are one of
    its runs of zeros with one digit changed, as a slip changes it ("00:00" -> "01:00",
    "0.00" -> "0.10"): a sample that keeps its zeros keeps them all; "12:00" for "00:00 PM"
    is the translator's own sample. A date the
    translation writes its own way ("00/00/00" -> "00/10/0000") is held to the source's
    longest run. Not slips: a month alone, ``named`` by the source in words ("Oct" ->
    "10") or marked as one ("10월"), and figures of another shape (an example date of the
    translator's own, "13 มิ.ย. 2542, 22:48"). Pairs of (the source's run, the
    translation's figure)."""
    runs = list(_FIGURE_RUN.finditer(source))
    slips = []
    for hit in _FIGURE_RUN.finditer(target):
        digits = re.sub(r"\D", "", hit.group())
        wrong = sum(digit != "0" for digit in digits)
        alone = hit.group().isdigit()
        if wrong != 1 or alone and (
                int(digits) in named or int(digits) <= 12 and _MONTH_MARK.match(target, hit.end())):
            continue  # a month of the translator's own: "September 00" -> "10월 00일"
        sized = [r for r in runs if len(re.sub(r"\D", "", r.group())) == len(digits)]
        mine = next((r for r in sized if _shape(r.group()) == _shape(hit.group())),
                    sized[0] if sized else None)  # "00:00" for "01:00", not "0000"
        if mine is None and not alone:
            mine = max(runs, key=lambda r: len(r.group()), default=None)
        if mine is not None:
            slips.append((mine, hit))
    return slips


def _shape(figure: str) -> str:
    return re.sub(r"\d", "0", figure).replace(",", ".")


def copied_dates(sources: list[Quantity], target: str) -> tuple[list[Quantity], str]:
    """Dates the translation copies as the source writes them ("Thu Aug 23 14:55:02 2001"
    kept in a Catalan help text): the same dates, though its language has other month
    names. The rest of the source's quantities, and the target without those dates."""
    kept = []
    for quantity in sources:
        if quantity.kind == DATE and re.search(r"[^\W\d_]", quantity.text) and (
                quantity.text in target):
            target = target.replace(quantity.text, " " * len(quantity.text), 1)
        else:
            kept.append(quantity)
    return kept, target


# "2-3,6-9" copied into a Spanish text reads 3,6 there (a decimal comma): a figure with a
# comma copied as it is says what the source says, whichever way a language reads it.
_COMMA_FIGURE = re.compile(r"(?<![\d.,])\d+,\d+(?![\d.,])")


def copied_commas(source: str, target: str) -> tuple[str, str]:
    """``source`` and ``target`` without the figures with a comma both write alike."""
    shared = {m.group() for m in _COMMA_FIGURE.finditer(target)} & {
        m.group() for m in _COMMA_FIGURE.finditer(source)}
    for figure in shared:
        blank = " " * len(figure)
        pattern = rf"(?<![\d.,]){re.escape(figure)}(?![\d.,])"
        source, target = re.sub(pattern, blank, source), re.sub(pattern, blank, target)
    return source, target


def split_year(quantity: Quantity, targets: list[Quantity], used: list[bool]) -> int | None:
    """A dated source said as a date without its year and the year elsewhere in the
    sentence ("September 11, 2001" -> "2001년 워싱턴에서 911 테러"): both found."""
    day = next((i for i, t in enumerate(targets) if not used[i] and t.kind == DATE
                and t.year is None and t.value == quantity.value), None)
    year = next((i for i, t in enumerate(targets) if not used[i] and t.kind == NUMBER
                 and t.value == quantity.year), None)
    if day is None or year is None:
        return None
    used[year] = True
    return day


_UNIT = re.compile(r"\s?([°%‰′″℃℉]|[A-Za-z]{1,3}(?![^\W\d_]))")


def same_unit(source: str, source_end: int, target: str, target_end: int) -> bool:
    """The figures ending at ``source_end`` and ``target_end`` carry the same sign or
    unit abbreviation after them ("90°" and "91°", "50 km" and "51 km")."""
    mine, theirs = _UNIT.match(source, source_end), _UNIT.match(target, target_end)
    return mine is not None and theirs is not None and mine[1] == theirs[1]


def approximate_note(text: str, start: int) -> bool:
    """The figure at ``start`` is a note in parentheses: "(약 56억원)"."""
    return bool(_APPROX.search(text, 0, start))


# A code: letters then digits (i18n, MP3, A380, F-16, COVID-19, F2), or digits and one
# capital (3G, 4K, 3D); never an amount (10km, 8GB, 2nd, $10M).
_CODE = re.compile(r"(?<![\w])[A-Za-z]+-?\d[A-Za-z0-9]*(?:-[A-Za-z]*\d[A-Za-z0-9]*)*"
                   r"(?:\.\d+)*(?![A-Za-z0-9_])|(?<![$€£¥₩\w.,-])\d+[A-Z](?![A-Za-z0-9])")


def codes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of each code of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _CODE.finditer(text)]


def _norm(code: str) -> str:
    return code.upper().replace("-", "")


class Codes(NamedTuple):
    """What :func:`compare_codes` found."""

    changed: list[tuple[str, str]]  # (source code, target code): ("3G", "9G")
    source: str  # the source with its codes blanked
    target: str  # the target with the codes it shares with the source blanked
    unmatched: list[tuple[str, str]]  # (code, digits) of source codes not in the target
    own: list[tuple[int, int]]  # the target's other codes (GTK3, Alt+F2): no extra figures


def compare_codes(source: str, target: str) -> Codes:
    """The codes of ``source`` against those of ``target``: a code kept is no figure, a
    code changed (3G -> 9G) is a problem; a code the target writes its own way keeps its
    digits (COVID-19 -> 코로나19, file1 -> Datei1: see :func:`code_digits`) or spells them
    out (i18n -> 국제화); a code only the target has ("GTK 3" -> "GTK3") may hold the
    source's figure."""
    mine, theirs = codes(source), codes(target)
    left = [(_norm(c), (s, e, c)) for s, e, c in theirs]
    changed: list[tuple[str, str]] = []
    unmatched: list[tuple[str, str]] = []
    shared: list[tuple[int, int, str]] = []
    for _, _, code in mine:
        norm = _norm(code)
        shape = re.sub(r"\d+", "#", norm)
        same = next((item for item in left if item[0] == norm), None)
        rival = same or next((item for item in left if re.sub(r"\d+", "#", item[0]) == shape),
                             None)
        if rival is not None:
            left.remove(rival)
            shared.append(rival[1])
            if same is None:
                changed.append((code, rival[1][2]))
        else:
            unmatched += [(code, digits) for digits in re.findall(r"\d+(?:\.\d+)*", code)]
    own = [(s, e) for _, (s, e, _) in left]
    return Codes(changed, _blank(source, mine), _blank(target, shared), unmatched, own)


def code_digits(unmatched: list[tuple[str, str]], targets: list[Quantity],
                text: str) -> tuple[list[tuple[str, Quantity]], list[Quantity]]:
    """The digits of source codes the target writes its own way (file1 -> Datei1, v2 ->
    버전2), found among the target's figures glued to a letter: the codes whose digits
    changed (file1 -> Datei2), and the target's figures left for the other checks."""
    glued = [q for q in targets if q.kind == NUMBER and _after_letter(text, q.start)]
    left = list(targets)
    lost: list[tuple[str, str]] = []
    for code, digits in unmatched:
        same = next((q for q in glued if q.text == digits), None)
        kept = same or next((q for q in left if q.kind == NUMBER and q.text == digits), None)
        if kept is None:
            lost.append((code, digits))
            continue
        if same is not None:
            glued.remove(same)
        left.remove(kept)  # v2.33 -> "version 2.33"
    changed = []
    for (code, _), other in zip(lost, glued, strict=False):  # spelled out, unless a digit moved
        changed.append((code, other))
        left.remove(other)
    for code, digits in lost[len(glued):]:  # PEP-0420 -> "PEP -0421": a slip, not spelled out
        near = next((q for q in left if q.kind == NUMBER and slip(digits, q.text)), None)
        if near is not None:
            changed.append((code, near))
            left.remove(near)
    return changed, left


def slip(figure: str, other: str) -> bool:
    """``other`` is ``figure`` with a few digits changed, as a slip changes them: as many
    digits, at least one and at most half of them (one of one) different."""
    mine, theirs = re.sub(r"\D", "", figure), re.sub(r"\D", "", other)
    return bool(mine) and len(mine) == len(theirs) and (
        0 < sum(a != b for a, b in zip(mine, theirs, strict=True)) <= max(1, len(mine) // 2))


def _after_letter(text: str, start: int) -> bool:
    """A letter right before ``start``, with its vowel signs or virama ("ബിസിപ്പ്3") and
    a hyphen ("Taban-2"): the figure is glued to a word, as a code's digits are."""
    at = start - 1 if text[start - 1 : start] == "-" else start
    while at and unicodedata.category(text[at - 1]).startswith("M"):
        at -= 1
    return bool(at) and text[at - 1].isalpha()


def _blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, _ in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


__all__ = ["alternatives", "approximate_note", "code_digits", "codes", "compare_codes",
           "converted", "copied_commas", "same_unit", "slip", "split_year",
           "elided_months", "extra_figures", "is_age", "ordinal_article", "zero_sample",
           "zero_slips"]
