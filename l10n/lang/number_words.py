"""Numbers written in words: "seven-year term", "Two hundred thousand", "dos semanas", "五次".

English phrases are read whole (``twenty-five``, ``two hundred thousand``, ``three
million``); Spanish and German single words (``dos``, ``fünf``, ``veinte``), after which
the usual scale words apply (``dos millones``). "one" (and "un", "ein") is left out:
it is a pronoun or an article far more often than a quantity ("one of the firms"), except
before a scale word ("one hundred"). Words are read in the languages listed only; the
quantities they give are weak (:attr:`l10n.lang.quantity.Quantity.weak`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

_EN_UNITS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_EN_DIGITS = {"one": 1, **{k: v for k, v in _EN_UNITS.items() if v < 10}}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
              "trillion": 10**12}
WORDS: dict[str, dict[str, int]] = {
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
           "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
           "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
           "cien": 100},
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
           "vierzig": 40, "fünfzig": 50, "hundert": 100},
}


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _english_pattern() -> str:
    digit = _alt(_EN_DIGITS)
    small = rf"(?:(?:{_alt(_EN_TENS)})(?:-(?:{digit}))?|{_alt(_EN_UNITS)})"
    scale = _alt(_EN_SCALES)
    first = rf"(?:{small}|one(?=[\s-]+(?:{scale})\b))"
    # not after a dash or a dot: "--two-bytes-octal" and "lib.two" are names, no number
    return rf"(?<![-./])\b{first}(?:[\s-]+(?:{small}|{scale})\b)*\b"


# Chinese and Japanese numerals, read only before a counter ("五次", "三人", "两个"): alone,
# 一 is "a" and 十 part of many words.
_HAN_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9}
_HAN = (r"(?<![一二两兩三四五六七八九十百千])[一二两兩三四五六七八九十百千]+"
        r"(?=[次个個件倍天人名位台只条條项項回度歳岁種种本枚版])")


# Korean native numerals: before a counter ("세 개", "두 번": alone, 세 is "tax" or an
# ending and 네 "yes"), or the counting words 둘, 셋, 넷 alone
_KO_NATIVE = {"두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5, "여섯": 6,
              "일곱": 7, "여덟": 8, "아홉": 9}
_KO = (r"(?<![\uac00-\ud7a3])(?:(?:다섯|여섯|일곱|여덟|아홉|두|세|네)(?=\s?(?:개|명|번|가지|"
       r"자리|줄|단계|배|장|권|대|칸|글자|문자|바이트|비트|시간|달|살)(?:(?![\uac00-\ud7a3])|[을를이가의에도은는만]))"
       r"|(?:둘|셋|넷)(?![\uac00-\ud7a3]))")


def _han_value(text: str) -> Decimal:
    total, current = 0, 0
    for ch in text:
        if ch in _HAN_DIGITS:
            current = _HAN_DIGITS[ch]
        else:
            total += (current or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            current = 0
    return Decimal(total + current)


@lru_cache(maxsize=8)
def word_pattern(base: str) -> re.Pattern[str] | None:
    """The pattern of a number in words in language ``base`` (None: words not read)."""
    if base == "en":
        return re.compile(_english_pattern(), re.I)
    if base in ("zh", "ja"):
        return re.compile(_HAN)
    if base == "ko":
        return re.compile(_KO)
    words = WORDS.get(base)
    return re.compile(rf"\b(?:{_alt(words)})\b", re.I) if words else None


def word_value(text: str, base: str) -> Decimal:
    """The value of a phrase :func:`word_pattern` found."""
    if base in ("zh", "ja"):
        return _han_value(text)
    if base == "ko":
        return Decimal(_KO_NATIVE[text])
    if base != "en":
        return Decimal(WORDS[base][text.lower()])
    total = current = 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word in _EN_SCALES:
            scale = _EN_SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            current += _EN_DIGITS.get(word) or _EN_UNITS.get(word) or _EN_TENS.get(word, 0)
    return Decimal(total + current)


__all__ = ["WORDS", "word_pattern", "word_value"]
