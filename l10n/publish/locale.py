"""What a page needs to know of its language: its own name, its script, typography, and
the page's own words (``templates/ui.toml``)."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from typing import Any

from l10n.lang import bcp47
from l10n.publish.page import Page


@lru_cache(maxsize=64)
def language_name(lang: str) -> str:
    """The language's name in itself, capitalised as a menu shows it: 한국어, Español."""
    from babel import Locale

    name = Locale.parse(lang).display_name or lang
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=64)
def script_of(lang: str) -> str:
    """The ISO 15924 script a language is written in (Babel's likely subtags)."""
    from babel import Locale
    from babel.core import get_global, parse_locale

    locale = Locale.parse(lang)
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        if key in likely:
            return parse_locale(likely[key])[2] or "Latn"
    return "Latn"


_FONTS = {
    "Kore": '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"',
    "Jpan": '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo',
    "Hans": '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei"',
    "Hant": '"Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei"',
}
_CJK_FONTS = ", ".join(_FONTS[s] for s in ("Kore", "Jpan", "Hans", "Hant"))


def typography(lang: str) -> dict[str, str]:
    """CSS values for the script: Korean keeps words whole (``word-break: keep-all``);
    Japanese and Chinese break between characters under strict line-break rules; CJK
    gets a taller line and CJK fonts; right-to-left scripts get ``dir="rtl"``."""
    from babel import Locale

    script = script_of(lang)
    cjk = script in _FONTS
    return {
        "dir": "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr",
        "font": (_FONTS[script] + ", " if cjk else "") + "system-ui, sans-serif",
        "line_height": "1.8" if cjk else "1.6",
        "word_break": "keep-all" if script == "Kore" else "normal",
        "line_break": "strict" if script in ("Jpan", "Hans", "Hant") else "auto",
    }


@lru_cache(maxsize=1)
def _ui_table() -> dict[str, dict[str, str]]:
    text = files("l10n.publish").joinpath("templates/ui.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def ui(lang: str, key: str) -> tuple[str, str]:
    """(text, language of the text) for one of the page's own words (``ui.toml``):
    the language, else its base language, else English."""
    table = _ui_table()
    for code in (lang, lang.split("_")[0], "en"):
        if key in table.get(code, {}):
            return table[code][key], code
    raise KeyError(key)


def source_notice(lang: str, source: str, percent: float) -> tuple[str, str]:
    """(text, language of the text): the note of a page in ``lang`` that shows part of
    its article in the ``source`` language, ``percent`` of it translated; the share and
    the language's name are written by Babel in the note's own language."""
    from babel import Locale
    from babel.numbers import format_percent

    template, code = ui(lang, "source_notice")
    locale = Locale.parse(code)
    name = locale.languages.get(source) or locale.languages.get(source.split("_")[0], source)
    # a share that is not whole keeps its decimal: 99.5 % is not rounded to 100 %
    share = Decimal(f"{percent:.1f}") / 100  # exact: 0.692, never 0.6920000000000001
    shown = format_percent(share.normalize(), locale=locale, decimal_quantization=False)
    return template.format(percent=shown, language=name), code


def page_notices(page: Page) -> list[tuple[str, str]]:
    """(text, language of the text) of each note a page shows at its top: machine
    translation shown, source-language text shown (how much is translated)."""
    notes = []
    if page.used_machine:
        notes.append(ui(page.lang, "machine_notice"))
    if page.lang != page.article.lang and page.source_shown:
        notes.append(source_notice(page.lang, page.article.lang, page.translated_percent))
    return notes


def language(lang: str, href: str = "") -> dict[str, Any]:
    from markupsafe import Markup

    style = {key: Markup(value) for key, value in typography(lang).items()}  # our constants
    return {"code": lang, "tag": bcp47(lang), "name": language_name(lang), "href": href, **style}
