"""A catalog's progress: its entries counted per state (reviewed, machine, fuzzy,
untranslated, obsolete) and its source words, as ``l10n status`` and the review page
show them. The states are :attr:`Entry.state <l10n.catalog.Entry.state>`'s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from l10n.catalog.entry import FUZZY, MACHINE, OBSOLETE, REVIEWED, UNTRANSLATED, Entry

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


@dataclass(frozen=True, slots=True)
class CatalogStatus:
    """Entry counts per state for one catalog (or a language's total)."""

    lang: str
    article: str  # the slug; "" for a language's total
    entries: int = 0
    reviewed: int = 0
    machine: int = 0  # fuzzy machine output nobody has touched
    fuzzy: int = 0  # fuzzy from an update, a memory suggestion, or edited machine output
    untranslated: int = 0
    obsolete: int = 0
    words: int = 0  # source words of the (non-obsolete) entries
    errors: int = 0  # check errors (l10n check), after the entries' ignore-* flags
    catalog: str = ""  # the catalog's path; "" for a total
    exists: bool = True  # False: no catalog yet, counted from the template

    @property
    def percent_reviewed(self) -> float:
        return 0.0 if not self.entries else round(100.0 * self.reviewed / self.entries, 1)

    @property
    def percent_source_text(self) -> float:
        """What a build of reviewed translations shows in the source language."""
        return 0.0 if not self.entries else round(100.0 - self.percent_reviewed, 1)

    def to_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _FIELDS}
        data["percent_reviewed"] = self.percent_reviewed
        data["percent_source_text"] = self.percent_source_text
        if not self.article:  # a total: no one catalog
            del data["article"], data["catalog"], data["exists"]
        return data


_FIELDS = tuple(field.name for field in fields(CatalogStatus))
COUNTS = _FIELDS[2:10]  # entries .. errors: the fields that add up


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def count_states(
    lang: str, slug: str, entries: Sequence[Entry], shown: str, exists: bool
) -> CatalogStatus:
    """The status of one catalog from its entries (obsolete ones included)."""
    states = [entry.state for entry in entries]
    live = [entry for entry in entries if not entry.obsolete]
    return CatalogStatus(
        lang=lang,
        article=slug,
        entries=len(live),
        reviewed=states.count(REVIEWED),
        machine=states.count(MACHINE),
        fuzzy=states.count(FUZZY),
        untranslated=states.count(UNTRANSLATED),
        obsolete=states.count(OBSOLETE),
        words=sum(count_words(entry.msgid) for entry in live),
        catalog=shown,
        exists=exists,
    )
