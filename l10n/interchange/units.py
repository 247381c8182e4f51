"""What an XLIFF file exchanges, whatever its version: units of one article in one
language, and how l10n's review states map onto XLIFF's.

States: an untranslated entry is ``initial``; machine output and any other fuzzy entry
(a memory suggestion, a draft, an updated sentence) ``translated``; a reviewed entry
``reviewed``. Read back, ``reviewed`` and ``final`` (and XLIFF 1.2's ``signed-off``,
``approved="yes"``, memoQ's reviewer confirmations, Trados's approved segments) are
reviewed; ``translated`` (and 1.2's ``needs-review-*``, Trados's drafts) is a draft
that stays fuzzy; ``initial`` (1.2 ``new``, ``needs-translation``) is not imported.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from l10n.catalog import FUZZY, MACHINE, REVIEWED, Entry
from l10n.errors import InputError
from l10n.interchange.codes import Part

INITIAL = "initial"
TRANSLATED = "translated"
REVIEWED_STATE = "reviewed"
FINAL = "final"
ORDER = (INITIAL, TRANSLATED, REVIEWED_STATE, FINAL)  # least done first


def state_of(entry: Entry) -> str:
    """The XLIFF state of a catalog entry."""
    if entry.state == REVIEWED:
        return REVIEWED_STATE
    if entry.state in (MACHINE, FUZZY):
        return TRANSLATED
    return INITIAL


def least(states: list[str]) -> str:
    """The state of a unit whose segments have ``states``: the least done."""
    return min(states, key=ORDER.index) if states else INITIAL


@dataclass(frozen=True)
class Note:
    category: str
    text: str


@dataclass(frozen=True)
class Unit:
    """One entry: ``id`` is ``u`` + the fingerprint of its source text."""

    id: str
    source: tuple[Part, ...]
    target: tuple[Part, ...] | None
    state: str
    name: str = ""  # the block label(s)
    notes: tuple[Note, ...] = ()
    previous: str | None = None  # the previous source of a changed sentence
    version: str | None = None  # the entry's version when exported
    line: int = 0  # where it was read


@dataclass(frozen=True)
class Document:
    """The units of one article in one target language."""

    version: str  # "2.1" or "1.2" ("2.0" when read)
    source_lang: str  # BCP 47, as XLIFF writes it
    target_lang: str
    original: str  # the article, as the project cites it
    slug: str
    units: tuple[Unit, ...] = field(default_factory=tuple)
    path: Path | None = None
    line: int = 0  # of its <file>, for errors about the whole file


def only_file(root: ET.Element, tag: str, lines: dict[ET.Element, int], path: Path
              ) -> ET.Element:
    """The one ``<file>`` of an l10n XLIFF file (one article per file)."""
    files = root.findall(tag)
    if len(files) != 1:
        raise InputError(f"an l10n XLIFF file holds one <file>, this one {len(files)}",
                         path=path, line=lines.get(root), hint="export it again with l10n")
    return files[0]


__all__ = [
    "FINAL", "INITIAL", "ORDER", "REVIEWED_STATE", "TRANSLATED",
    "Document", "Note", "Unit", "least", "only_file", "state_of",
]  # fmt: skip
