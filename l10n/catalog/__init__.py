"""Gettext catalogs: the only package that imports polib.

``locales/templates/<slug>.pot`` holds an article's segments; ``locales/<lang>/<slug>.po``
its translations. :class:`Catalog` reads, changes and writes them; :class:`Entry` is the
read-only view the checks, status and publishing use.
"""

from l10n.catalog.annotate import annotate, check_notes
from l10n.catalog.entry import (
    FUZZY,
    MACHINE,
    OBSOLETE,
    REVIEWED,
    UNTRANSLATED,
    Entry,
    Provenance,
    fingerprint,
    term_comment,
)
from l10n.catalog.header import DIGEST_HEADER, ENTRIES_HEADER, stored_digest
from l10n.catalog.merge import DEFAULT_SIMILARITY, MergeReport, merge
from l10n.catalog.pofile import Catalog, TemplateEntry

__all__ = [
    "DEFAULT_SIMILARITY",
    "DIGEST_HEADER",
    "ENTRIES_HEADER",
    "FUZZY",
    "MACHINE",
    "OBSOLETE",
    "REVIEWED",
    "UNTRANSLATED",
    "Catalog",
    "annotate",
    "check_notes",
    "Entry",
    "MergeReport",
    "Provenance",
    "TemplateEntry",
    "fingerprint",
    "term_comment",
    "stored_digest",
    "merge",
]
