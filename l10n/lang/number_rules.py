"""The per-language tables :mod:`l10n.lang.numbers` reads numbers with (see its docstring).

Babel's CLDR data gives the group and decimal symbols, the month names and the local
currency symbols; what CLDR does not have (scale words such as "Mrd.", currency words as
newsrooms write them, 만/억/조) is listed here, one table per base language. A language
without a table of its own is read with the English words and its own Babel symbols.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from l10n.lang.number_words import word_pattern

CJK_LANGS = ("ko", "ja", "zh")
CODES = ("USD", "KRW", "EUR", "JPY", "CNY", "GBP")
SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW"}

SCALES: dict[str, dict[str, int]] = {
    "en": {"thousand": 3, "million": 6, "billion": 9, "trillion": 12},
    "es": {"mil millones": 9, "millardo": 9, "millardos": 9, "millón": 6, "millones": 6,
           "billón": 12, "billones": 12, "mil": 3},
    "de": {"tsd.": 3, "tausend": 3, "mio.": 6, "million": 6, "millionen": 6, "mrd.": 9,
           "milliarde": 9, "milliarden": 9, "bio.": 12, "billion": 12, "billionen": 12},
    "fr": {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9,
           "billion": 12, "billions": 12},
    "pt": {"mil": 3, "milhão": 6, "milhões": 6, "bilhão": 9, "bilhões": 9, "trilhão": 12,
           "trilhões": 12},
}
# Only right after a currency sign or code: "$800M", "$10.3bn" ("4K" and "5G" are not scales).
SHORT_SCALES = {"k": 3, "m": 6, "mn": 6, "b": 9, "bn": 9, "tn": 12, "trn": 12}

CURRENCY_WORDS: dict[str, dict[str, str]] = {
    "en": {"us dollars": "USD", "dollars": "USD", "dollar": "USD", "won": "KRW",
           "euros": "EUR", "euro": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
           "pounds": "GBP", "pound": "GBP"},
    # 원 and 엔 are not money in 원인, 원래, 원자, 원전 ... or 엔비디아: see _KO_GUARD.
    "ko": {"미국 달러": "USD", "달러": "USD", "불": "USD", "원": "KRW", "유로": "EUR", "엔": "JPY",
           "위안": "CNY", "파운드": "GBP"},
    "ja": {"米ドル": "USD", "ドル": "USD", "韓国ウォン": "KRW", "ウォン": "KRW", "ユーロ": "EUR",
           "円": "JPY", "人民元": "CNY", "元": "CNY", "ポンド": "GBP"},
    "zh": {"美元": "USD", "韩元": "KRW", "韓元": "KRW", "欧元": "EUR", "歐元": "EUR",
           "日元": "JPY", "人民币": "CNY", "元": "CNY", "英镑": "GBP"},
    "es": {"dólares estadounidenses": "USD", "dólares": "USD", "dólar": "USD",
           "wones surcoreanos": "KRW", "wones": "KRW", "won": "KRW", "euros": "EUR",
           "euro": "EUR", "yenes": "JPY", "yen": "JPY", "yuanes": "CNY", "yuan": "CNY",
           "libras": "GBP"},
    "de": {"us-dollar": "USD", "dollar": "USD", "won": "KRW", "euro": "EUR", "yen": "JPY",
           "yuan": "CNY", "pfund": "GBP"},
    "fr": {"dollars américains": "USD", "dollars": "USD", "dollar": "USD", "wons": "KRW",
           "won": "KRW", "euros": "EUR", "euro": "EUR", "yens": "JPY", "yen": "JPY",
           "yuans": "CNY", "livres": "GBP"},
    "pt": {"dólares": "USD", "dólar": "USD", "wons": "KRW", "won": "KRW", "euros": "EUR",
           "ienes": "JPY", "iuanes": "CNY"},
}
_KO_GUARD = {"원": "(?![인래자전칙유작료소형])", "엔": "(?!비|진|터|씨)",
             "불": "(?![법안편가구리확교만길꽃빛씨])"}

PERCENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("percent", "per cent", "pct"), "ko": ("퍼센트", "프로"), "ja": ("パーセント",),
    "zh": (), "es": ("por ciento",), "de": ("prozent",), "fr": ("pour cent",),
    "pt": ("por cento",),
}
_EN_CALENDAR = {"years": "year", "year": "year", "yrs": "year", "months": "month",
                "month": "month", "weeks": "week", "week": "week", "days": "day", "day": "day"}
DURATION_WORDS: dict[str, dict[str, str]] = {
    "en": {"hours": "hour", "hour": "hour", "hrs": "hour", "hr": "hour", "minutes": "minute",
           "minute": "minute", "mins": "minute", "min": "minute", "seconds": "second",
           "second": "second", "secs": "second", "sec": "second", **_EN_CALENDAR},
    "ko": {"시간": "hour", "분": "minute", "초": "second", "일간": "day", "일 동안": "day",
           "일동안": "day", "일 만에": "day", "일만에": "day", "일째": "day", "일 이내": "day",
           "일이내": "day", "일 안에": "day", "여 일": "day", "여일": "day", "일": "day",
           "여 년": "year", "여년": "year", "여 시간": "hour", "여시간": "hour",
           "여 개월": "month", "여개월": "month", "일 내": "day", "일 후": "day", "일 뒤": "day",
           "주간": "week",
           "주": "week", "개월": "month", "달": "month",
           "년간": "year", "년": "year", "살": "year", "세": "year"},
    "ja": {"時間": "hour", "分間": "minute", "分": "minute", "秒": "second", "日間": "day",
           "週間": "week", "ヶ月": "month", "か月": "month", "カ月": "month", "ヵ月": "month",
           "箇月": "month", "年間": "year", "年": "year", "歳": "year"},
    "zh": {"个小时": "hour", "小时": "hour", "分钟": "minute", "分": "minute", "秒钟": "second",
           "秒": "second", "天": "day", "个星期": "week", "星期": "week", "周": "week",
           "个月": "month", "年": "year", "岁": "year"},
    "es": {"horas": "hour", "hora": "hour", "minutos": "minute", "minuto": "minute",
           "segundos": "second", "segundo": "second", "días": "day", "día": "day",
           "semanas": "week", "semana": "week", "meses": "month", "mes": "month",
           "años": "year", "año": "year"},
    "de": {"stunden": "hour", "stunde": "hour", "minuten": "minute", "minute": "minute",
           "sekunden": "second", "sekunde": "second", "tagen": "day", "tage": "day",
           "tag": "day", "wochen": "week", "woche": "week", "monaten": "month",
           "monate": "month", "monat": "month", "jahren": "year", "jahre": "year",
           "jahr": "year"},
    "fr": {"heures": "hour", "heure": "hour", "minutes": "minute", "minute": "minute",
           "secondes": "second", "seconde": "second", "jours": "day", "semaines": "week",
           "mois": "month", "ans": "year", "jour": "day", "semaine": "week", "an": "year",
           "années": "year", "année": "year"},
    # Russian: each word in the forms a number takes (1 год, 2 года, 5 лет) and its cases
    "ru": {**dict.fromkeys(("час", "часа", "часов", "часу"), "hour"),
           **dict.fromkeys(("минута", "минуты", "минут", "минуту"), "minute"),
           **dict.fromkeys(("секунда", "секунды", "секунд", "секунду"), "second"),
           **dict.fromkeys(("день", "дня", "дней", "дню", "сутки", "суток"), "day"),
           **dict.fromkeys(("неделя", "недели", "недель", "неделю"), "week"),
           **dict.fromkeys(("месяц", "месяца", "месяцев", "месяцу"), "month"),
           **dict.fromkeys(("год", "года", "лет", "году"), "year")},
    "pt": {"horas": "hour", "hora": "hour", "minutos": "minute", "minuto": "minute",
           "segundos": "second", "segundo": "second", "dias": "day", "semanas": "week",
           "meses": "month", "anos": "year", "dia": "day", "semana": "week", "mês": "month",
           "ano": "year"},
}
# 1분기 is a quarter, 3分の1 and 3分之1 are fractions, 1980년대 a decade, 10주년 an
# anniversary, 7세대 a generation, 2025年度 a fiscal year.
_DURATION_GUARD = {
    "일": "(?!본|자|부|대|반|단|정|요일|어|으|했|한|하|상|이|을|지|까지|부터|에)",
    "분": "(?!기)", "分": "(?![の之])", "년": "(?!대|도|생|차|째|말|초)",
    # 12주가 (12 weeks + subject particle) unless it is 주가 (a share price): 주가는, 주가 하락
    "주": "(?!년|식|가(?=[는를도의에와만]|\\s?(?:지수|총액|상승|하락|급등|급락|폭락|폭등|조작))"
          "|당|주|택|요|의|민|장|말|차|기)",
    "세": "(?!대|기|계|금|력|트|수|종|부|습|포|일|상)", "年": "(?!代|度|生|目|级|級)",
    "달": "(?!러|성|리)", "天": "(?!然|气|津)", "周": "(?!年|边|末)",
}  # fmt: skip
# A figure this size before 년/年 is a year of the calendar (2025년), not a duration.
CALENDAR_YEAR_WORDS = ("년", "年")

_AMBIGUOUS = re.compile(r"\d{1,3}[.,]\d{3}")
# Not followed by a Latin letter; a Korean particle may follow ("14조 원을", "12퍼센트의").
_LATIN_END = r"(?![A-Za-z\u00c0-\u024f\u0400-\u04ff])"  # nor Cyrillic: "час" is not "часть"
_ISO = r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
_CJK_DATE = (
    r"(?:(?P<year>\d{4})\s?[년年]\s?)?(?P<month>\d{1,2})\s?[월月]\s?(?P<day>\d{1,2})\s?[일日号號]"
)
# 9/11, 8•15, and 911 테러 (the attacks of September 11)
_KO_SLASHED = (r"(?:(?P<year>\d{4})년\s?)?(?<![\d/.])(?P<month>1[0-2]|0?[1-9])"
               r"(?:[/•·]|(?=\d{1,2}\s?(?:테러|사태|참사)))(?P<day>\d{1,2})(?![\d/])")
_KO_DOTTED = r"(?<!\d)(?P<year>\d{4})\.\s?(?P<month>\d{1,2})\.\s?(?P<day>\d{1,2})(?!\d)\.?"
_ORD = r"(?:st|nd|rd|th)?"
_NAMED_DATES: dict[str, tuple[str, ...]] = {
    "en": (rf"\b(?P<month>M)\.?\s+(?P<day>\d{{1,2}}){_ORD}(?!\d)(?:,?\s+(?P<year>\d{{4}})(?!\d))?",
           rf"(?<!\d)(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<month>M)\b\.?(?:,?\s+(?P<year>\d{{4}}))?"),
    "es": (r"(?<!\d)(?P<day>\d{1,2})\s+de\s+(?P<month>M)\b(?:\s+del?\s+(?P<year>\d{4}))?",),
    "pt": (r"(?<!\d)(?P<day>\d{1,2})\s+de\s+(?P<month>M)\b(?:\s+de\s+(?P<year>\d{4}))?",),
    "de": (r"(?<!\d)(?P<day>\d{1,2})\.\s*(?P<month>M)\b\.?(?:\s+(?P<year>\d{4}))?",),
    "fr": (r"(?<!\d)(?P<day>\d{1,2})(?:er)?\s+(?P<month>M)\b\.?(?:\s+(?P<year>\d{4}))?",),
}


def _alternation(words: Iterable[str], guards: dict[str, str] | None = None) -> str:
    """A regex alternation of ``words``, longest first (so "mil millones" beats "mil")."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) + (guards or {}).get(w, "") for w in items) or "(?!)"


@dataclass(frozen=True)
class Rules:
    """Compiled patterns and lookups for one language."""

    lang: str
    base: str
    locale: str
    number: re.Pattern[str]
    dates: tuple[re.Pattern[str], ...]
    months: dict[str, int]
    prefix_currency: re.Pattern[str]
    suffix_currency: re.Pattern[str]
    currencies: dict[str, str]
    scale: re.Pattern[str]
    short_scale: re.Pattern[str]
    scales: dict[str, int]
    percent: re.Pattern[str]
    percent_first: re.Pattern[str] | None  # Turkish "%50", Basque "% 50" (CLDR's pattern)
    duration: re.Pattern[str]
    durations: dict[str, str]
    cjk: bool
    words: re.Pattern[str] | None

    def parse(self, token: str) -> Decimal | None:
        """Digits with separators -> Decimal, Babel strict in the language, then the other
        convention (``10.3`` in Spanish); None when neither reads it (``1.2.3``)."""
        from babel.numbers import NumberFormatError, parse_decimal

        if token.isdigit():
            return Decimal(token)
        token = token.replace("’", "'")
        group = _group_symbol(self.locale)
        if group.isspace():
            token = re.sub(r"[\s\u202f]", group, token)
        other = "de" if _decimal_is_point(self.locale) else "en"
        for locale in (self.locale, other):
            try:
                return Decimal(parse_decimal(token, locale=locale, strict=True))
            except NumberFormatError:
                continue
        return None

    def alternative(self, token: str) -> Decimal | None:
        """The other reading of ``260,000`` (``1.500``) in a language whose decimal sign is
        a comma: a translator may have kept the source's grouping. None if there is none."""
        if not _AMBIGUOUS.fullmatch(token) or _decimal_is_point(self.locale):
            return None
        from babel.numbers import NumberFormatError, parse_decimal

        try:
            other = Decimal(parse_decimal(token, locale="en", strict=True))
        except NumberFormatError:
            return None
        return other if other != self.parse(token) else None

    def month(self, text: str) -> int | None:
        if text.isdigit():
            return int(text)
        return self.months.get(text.lower().rstrip("."))

    def currency_code(self, text: str) -> str:
        text = text.strip()
        return self.currencies.get(text.lower(), text.upper())

    def factor(self, word: str) -> Decimal:
        word = re.sub(r"\s+", " ", word.lower())
        exponent = self.scales.get(word, SHORT_SCALES.get(word, 0))
        return Decimal(10) ** exponent

    def duration_unit(self, word: str) -> str:
        return self.durations[word.lower()]


@lru_cache(maxsize=64)
def _decimal_is_point(locale: str) -> bool:
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(locale) == "."


@lru_cache(maxsize=64)
def _group_symbol(locale: str) -> str:
    from babel.numbers import get_group_symbol

    return str(get_group_symbol(locale))


def _wide_month_names(locale: str) -> set[str]:
    from babel.dates import get_month_names

    return {name.lower() for context in ("format", "stand-alone")
            for name in get_month_names("wide", context, locale).values()}


def _month_names(locale: str) -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                key = name.lower().rstrip(".")
                if key and not any(ch.isdigit() for ch in key):
                    names.setdefault(key, number)
    if locale.startswith("en"):
        names.setdefault("sept", 9)
    return names


def _currencies(base: str, locale: str) -> dict[str, str]:
    """Symbols, codes and words -> ISO code; Babel adds the locale's own symbols."""
    from babel.numbers import get_currency_symbol

    table = {k.lower(): v for k, v in SYMBOLS.items()}
    table.update({code.lower(): code for code in CODES})
    for code in CODES:
        symbol = get_currency_symbol(code, locale)
        if symbol and not symbol.isalpha():
            table.setdefault(symbol.lower(), code)
    if base == "zh":
        table["¥"] = "CNY"
    table.update(CURRENCY_WORDS.get(base, CURRENCY_WORDS["en"]))
    return table


def _number_pattern(locale: str) -> re.Pattern[str]:
    from babel.numbers import get_group_symbol

    spaced = r"|[\u00a0\u202f ](?=\d{3}(?!\d))" if get_group_symbol(locale).isspace() else ""
    # Where the decimal sign is a point, a comma groups thousands: "1,2 or 3" is a list.
    comma = ",(?=\\d{3}(?!\\d))" if _decimal_is_point(locale) else ","
    return re.compile(rf"(?<!\d)\d+(?:(?:[.'’]|{comma}{spaced})\d+)*")


def _percent_first(locale: str) -> bool:
    from babel import Locale

    return str(Locale.parse(locale).percent_formats[None].pattern).startswith("%")


@lru_cache(maxsize=32)
def rules_for(lang: str) -> Rules:
    """The compiled rules for ``lang`` (``ko``, ``ko_KR``, ``es``, ``pt_BR`` ...)."""
    from babel import Locale, UnknownLocaleError

    base = lang.replace("-", "_").split("_")[0].lower()
    try:
        locale = str(Locale.parse(lang.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        locale = "en"
    table = base if base in SCALES or base in CJK_LANGS else "en"
    currencies = _currencies(base, locale)
    symbols = [k for k in currencies if not re.sub(r"[\s-]", "", k).isalpha()]
    words = [w for w in currencies if w not in symbols]
    guard = _KO_GUARD if base == "ko" else {}
    months = {} if base in CJK_LANGS else _month_names(locale)
    month_alt = _alternation(months)
    if base != "en" and months:  # Czech "pro", Spanish "mar": words too, so only "pro."
        wide = _wide_month_names(locale)
        month_alt = (f"{_alternation(wide)}|(?:{_alternation(set(months) - wide)})(?=\\.)")
    dates = [_ISO]
    if base in CJK_LANGS:
        dates += [_CJK_DATE, _KO_DOTTED, _KO_SLASHED] if base == "ko" else [_CJK_DATE]
    else:
        dates += [p.replace("(?P<month>M)", f"(?P<month>{month_alt})")
                  for p in _NAMED_DATES.get(base, _NAMED_DATES["en"] + _NAMED_DATES["fr"])]
    # CJK text has its own units (억, 万); English words are a figure kept as written
    # ("$12.4 billion" inside Korean text).
    scales = SCALES.get(table, {}) if base not in CJK_LANGS else SCALES["en"]
    durations = DURATION_WORDS.get(base, DURATION_WORDS["en"])
    if base not in CJK_LANGS:  # "24h", "5 min": the SI symbols, in every language
        durations = {"h": "hour", "min": "minute", **durations}
    dash = r"(?:\s|-)?" if base not in CJK_LANGS else r"\s?"
    cur = f"(?:(?:{_alternation(symbols)})(?!\\d)|(?:{_alternation(words, guard)}){_LATIN_END})"
    percent_words = PERCENT_WORDS.get(base, PERCENT_WORDS["en"])
    return Rules(
        lang=lang,
        base=base,
        locale=locale,
        number=_number_pattern(locale),
        dates=tuple(re.compile(p, re.I) for p in dates),
        months=months,
        prefix_currency=re.compile(
            rf"(?:{_alternation(symbols)}"
            rf"|\b(?:{'|'.join(CODES)})\s?)\Z",
            re.I,
        ),
        suffix_currency=re.compile(rf"\s?(?:(?:de|of)\s+)?(?P<cur>{cur})", re.I),
        currencies=currencies,
        scale=re.compile(rf"\s?(?P<scale>{_alternation(scales)}){_LATIN_END}", re.I),
        short_scale=re.compile(rf"(?P<scale>{_alternation(SHORT_SCALES)})(?![A-Za-z])", re.I),
        scales=scales,
        percent=re.compile(rf"\s?(?:%|(?:{_alternation(percent_words)}){_LATIN_END})", re.I),
        percent_first=re.compile(r"%[\u00a0 ]?\Z") if _percent_first(locale) else None,
        duration=re.compile(
            rf"{dash}(?P<unit>{_alternation(durations, _DURATION_GUARD)}){_LATIN_END}"
            if base not in CJK_LANGS
            else rf"{dash}(?P<unit>{_alternation(durations, _DURATION_GUARD)})",
            re.I,
        ),
        durations=durations,
        cjk=base in CJK_LANGS,
        words=word_pattern(base),
    )
