"""Language codes: validated with Babel's CLDR data, normalised to gettext form."""

from __future__ import annotations

import re
from functools import lru_cache

from l10n.errors import LanguageError

_SAFE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")
_EXAMPLES = "use e.g. ko, ja, zh, es, pt_BR"


@lru_cache(maxsize=256)
def validate_language(code: str) -> str:
    """Return ``code`` in gettext form (``pt_BR``, ``zh_Hans``) or raise LanguageError.

    Only codes Babel knows are accepted; this also keeps codes safe as path parts.
    Callers that know where the code came from (a config key, a glossary line) catch
    the error and raise their own with that place.
    """
    from babel import Locale, UnknownLocaleError

    if not _SAFE.match(code):
        raise LanguageError(f"'{code}' is not a language code", hint=_EXAMPLES)
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise LanguageError(f"unknown language code '{code}'", hint=_EXAMPLES) from None
    return str(locale)


def base_language(code: str) -> str:
    """The language without region or script: ``ko_KR``, ``ko-KR`` and ``KO`` -> ``ko``."""
    return re.split(r"[_-]", code.strip(), maxsplit=1)[0].lower()


def bcp47(code: str) -> str:
    """gettext form -> BCP 47 tag for HTML ``lang`` / ``hreflang`` (``pt_BR`` -> ``pt-BR``)."""
    return code.replace("_", "-")


def split_languages(value: str | None) -> tuple[str, ...] | None:
    """``"ko,ja, es"`` -> ``("ko", "ja", "es")``; None stays None."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())
