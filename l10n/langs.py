"""Language codes: validated with Babel's CLDR data, normalised to gettext form."""

from __future__ import annotations

import re
from functools import lru_cache

_SAFE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


@lru_cache(maxsize=64)
def validate_language(code: str) -> str:
    """Return ``code`` in gettext form (``pt_BR``, ``zh_Hans``) or raise ValueError.

    Only codes Babel knows are accepted; this also keeps codes safe as path parts.
    """
    from babel import Locale, UnknownLocaleError

    if not _SAFE.match(code):
        raise ValueError(f"'{code}' is not a language code (use e.g. ko, ja, zh, es, pt_BR)")
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ValueError(
            f"unknown language code '{code}' (use e.g. ko, ja, zh, es, pt_BR)"
        ) from None
    return str(locale)


def bcp47(code: str) -> str:
    """gettext form -> BCP 47 tag for HTML ``lang`` / ``hreflang`` (``pt_BR`` -> ``pt-BR``)."""
    return code.replace("_", "-")


def split_languages(value: str | None) -> tuple[str, ...] | None:
    """``"ko,ja, es"`` -> ``("ko", "ja", "es")``; None stays None."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())
