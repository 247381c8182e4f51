"""Language codes: validated with Babel's CLDR data, normalised to gettext form."""

from __future__ import annotations

import re
from functools import lru_cache

from l10n.errors import LanguageError

_SAFE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")
_MODIFIER = re.compile(r"^[A-Za-z0-9]{2,12}$")
_EXAMPLES = "use e.g. ko, ja, zh, es, pt_BR, sr@latin"


@lru_cache(maxsize=256)
def validate_language(code: str) -> str:
    """Return ``code`` in gettext form (``pt_BR``, ``zh_Hans``) or raise LanguageError.

    Only codes Babel knows are accepted; this also keeps codes safe as path parts.
    Callers that know where the code came from (a config key, a glossary line) catch
    the error and raise their own with that place.
    """
    from babel import Locale, UnknownLocaleError

    code, _, modifier = code.partition("@")  # gettext's variants: sr@latin, ca@valencia
    if not _SAFE.match(code) or (modifier and not _MODIFIER.match(modifier)):
        raise LanguageError(f"'{code}' is not a language code", hint=_EXAMPLES)
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise LanguageError(f"unknown language code '{code}'", hint=_EXAMPLES) from None
    return f"{locale}@{modifier}" if modifier else str(locale)


def is_language_code(code: str) -> bool:
    """``code`` is written as a language code (``ko``, ``pt_BR``, ``sr@latin``, ``mjw``),
    whether or not CLDR knows it."""
    code, _, modifier = code.partition("@")
    return bool(_SAFE.match(code)) and (not modifier or bool(_MODIFIER.match(modifier)))


def base_language(code: str) -> str:
    """The language without region, script or variant: ``ko_KR``, ``ko-KR``, ``KO`` -> ``ko``,
    ``sr@latin`` -> ``sr``."""
    return re.split(r"[_@-]", code.strip(), maxsplit=1)[0].lower()


def bcp47(code: str) -> str:
    """gettext form -> BCP 47 tag for HTML ``lang`` / ``hreflang`` (``pt_BR`` -> ``pt-BR``,
    ``sr@latin`` -> ``sr-Latn``, ``ca@valencia`` -> ``ca-valencia``)."""
    code, _, modifier = code.partition("@")
    script = {"latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva"}.get(modifier.lower())
    tag = code.replace("_", "-")
    return f"{tag}-{script or modifier}" if modifier else tag


def split_languages(value: str | None) -> tuple[str, ...] | None:
    """``"ko,ja, es"`` -> ``("ko", "ja", "es")``; None stays None."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())
