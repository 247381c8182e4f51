"""The header of templates and catalogs: its fields, and the digests l10n keeps in it.

A template's ``X-Source-Digest`` identifies the article (and settings) it was extracted
from: an unchanged article is not segmented again, and a catalog merged from it is not
merged again. Its ``X-Entries-Digest`` identifies its msgids: a catalog whose live msgids
differ (a msgid edited by hand) is merged again even when the article did not change.
Both are read from the first 4 KB of a file, without parsing it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from l10n import __version__
from l10n.fsutil import file_io

# A fingerprint of the article (and settings) a template was extracted from: an unchanged
# article is not segmented again, and a catalog merged from it is not merged again.
DIGEST_HEADER = "X-Source-Digest"
# A fingerprint of a template's msgids: a catalog whose live msgids differ from them (a
# msgid edited by hand) is merged again even when the article did not change.
ENTRIES_HEADER = "X-Entries-Digest"

BASIC_HEADER = {
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")


def generator() -> str:
    return f"l10n {__version__}"


def template_header(project: str) -> dict[str, str]:
    return {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": now(),
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": generator(),
    }


def language_header(lang: str) -> dict[str, str]:
    """Language, Plural-Forms (Babel's CLDR data) and Language-Team for ``lang``."""
    from babel import Locale
    from babel.messages.plurals import get_plural

    name = Locale.parse(lang).get_display_name("en") or lang
    return {
        "Language": lang,
        "Language-Team": f"{name} <{lang}@li.org>",
        "Plural-Forms": get_plural(lang).plural_forms,
    }

def entries_digest(keys: Iterable[tuple[str | None, str]]) -> str:
    """16 hex digits identifying a sequence of (msgctxt, msgid)."""
    digest = hashlib.sha256()
    for context, msgid in keys:
        digest.update(f"{context or ''}\x04{msgid}\x00".encode())
    return digest.hexdigest()[:16]


def stored_digest(path: Path, header: str = DIGEST_HEADER) -> str | None:
    """The ``X-Source-Digest`` (or another digest ``header``) of a template or catalog,
    read from its header only."""
    file_io(path)
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(4096)
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    found = re.search(rf'^"{header}: ([0-9a-f]+)\\n"$', head, re.MULTILINE)
    return found.group(1) if found else None


__all__ = [
    "BASIC_HEADER", "DIGEST_HEADER", "ENTRIES_HEADER", "entries_digest", "language_header",
    "now", "stored_digest", "template_header",
]
