"""Merge a new template into a catalog, the way ``msgmerge --previous`` does.

For each entry of the template, in the template's order:

* **unchanged** (an entry of the catalog has the same msgid): its translation, flags,
  translator comment, previous msgid and l10n's own comments (``mt:``, ``term:``,
  ``tm:``) are kept; references and block labels are refreshed from the template. A
  reviewed entry stays reviewed. An obsolete entry (``#~``) whose source comes back is
  **revived** with its translation and flags, as msgmerge does.
* **changed** (no exact match): the most similar entry that left the template (or was
  already obsolete) and has a translation is reused when its similarity reaches
  ``similarity``: the new entry gets its translation, ``#, fuzzy``, its translator and
  l10n comments, and ``#| msgid "<source the translation was made for>"``. One old
  entry may serve several new ones (a split sentence), as in msgmerge.
* **new**: nothing similar: an empty entry.

Entries of the catalog that left the template and are not reused become **obsolete**
(``#~``), after the live entries and in their old order; untranslated ones are dropped
(nothing to lose). ``purge_obsolete=True`` drops every obsolete entry instead.

Similarity is :class:`difflib.SequenceMatcher`'s ratio ``2*M / (len(a) + len(b))`` on the
raw msgids (``autojunk=False``, so long sentences are not skewed). msgmerge uses
``fstrcmp``, the same formula with M the longest common subsequence, and a threshold of
0.6; difflib's M is never larger, so a pair difflib accepts msgmerge accepts too. On
news sentences the two agree where it matters: a changed word or figure scores 0.96-0.97
with both; a rewritten sentence scores 0.2-0.5 with difflib and 0.34-0.52 with the LCS,
both far below 0.6 (tests/test_merge.py compares the outcome with msgmerge).

Where l10n differs from msgmerge, on purpose:

* with more than 50 candidates, only the few that share the most words with the
  changed msgid are measured (:mod:`l10n.catalog.fuzzy`; msgmerge narrows its search with
  an index too), so a merge stays fast when much of a long article changed;
* only entries that **left** the template are candidates for fuzzy matching (msgmerge
  also copies the translation of a similar entry that is still there); the translation
  memory offers those suggestions instead, with their score;
* extracted comments written by l10n are kept (msgmerge replaces all ``#.`` lines by the
  template's), so the ``sha`` fingerprint still tells machine output from a translator's
  edit; an untouched machine translation carried to a changed source keeps ``is_machine``
  and gets ``previous_msgid``, so a workflow can re-translate it;
* a fuzzy entry without ``#|`` (machine output) gets its own old msgid as ``#|``;
* obsolete entries are written without ``#~|`` lines, which polib cannot read back, so a
  second merge of the same files changes nothing.

The header of the catalog is kept, with ``POT-Creation-Date`` and ``Project-Id-Version``
taken from the template.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

import polib

from l10n.catalog.entry import comment_lines, is_l10n_comment, without_fingerprint
from l10n.catalog.fuzzy import Shortlist
from l10n.catalog.header import DIGEST_HEADER
from l10n.catalog.pofile import Catalog

DEFAULT_SIMILARITY = 0.6  # msgmerge's FUZZY_THRESHOLD
TEMPLATE_HEADERS = ("Project-Id-Version", "POT-Creation-Date", DIGEST_HEADER)


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What a merge did. ``purged`` counts every obsolete entry removed, including the
    ones that became obsolete in this merge (they are then also counted in
    ``obsoleted``); ``dropped`` counts untranslated entries that left the template."""

    kept: int = 0
    fuzzy_matched: int = 0
    new: int = 0
    obsoleted: int = 0
    revived: int = 0
    purged: int = 0
    dropped: int = 0
    new_msgids: tuple[str, ...] = ()
    fuzzy_msgids: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "kept": self.kept,
            "fuzzy_matched": self.fuzzy_matched,
            "new": self.new,
            "obsoleted": self.obsoleted,
            "revived": self.revived,
            "purged": self.purged,
            "dropped": self.dropped,
            "new_msgids": list(self.new_msgids),
            "fuzzy_msgids": list(self.fuzzy_msgids),
        }


def merge(
    catalog: Catalog,
    template: Catalog,
    *,
    similarity: float = DEFAULT_SIMILARITY,
    purge_obsolete: bool = False,
    language: str = "",
) -> MergeReport:
    """Merge ``template`` into ``catalog`` in place (see the module's rules); the caller
    writes the catalog. Translations are only ever moved, never replaced or emptied.
    ``language`` fills a header the catalog lacks (Language, Content-Type, ...)."""
    if not 0.0 < similarity <= 1.0:
        raise ValueError(f"similarity must be in (0, 1], not {similarity}")
    old = [e for e in catalog.po if e.msgid]
    wanted = [e for e in template.po if e.msgid and not e.obsolete]
    wanted_ids = {_key(e) for e in wanted}
    exact = _exact_index(old)
    matcher = _Matcher([e for e in old if _key(e) not in wanted_ids and is_translated(e)],
                       similarity)
    counts = dict.fromkeys(("kept", "fuzzy_matched", "new", "revived"), 0)
    new_ids: list[str] = []
    fuzzy_ids: list[str] = []
    used: set[int] = set()
    merged: list[polib.POEntry] = []
    for item in wanted:
        source = exact.get(_key(item))
        if source is not None:
            used.add(id(source))
            counts["revived" if source.obsolete else "kept"] += 1
            merged.append(_carry(source, item, fuzzy=False))
            continue
        similar = matcher.best(item)
        if similar is not None:
            used.add(id(similar))
            counts["fuzzy_matched"] += 1
            fuzzy_ids.append(item.msgid)
            merged.append(_carry(similar, item, fuzzy=True))
        else:
            counts["new"] += 1
            new_ids.append(item.msgid)
            merged.append(_fresh(item))
    leftovers = _leftovers(old, used, exact, wanted_ids, purge_obsolete)
    catalog.replace_entries(merged + leftovers.entries)
    _merge_header(catalog.po, template.po)
    if language:
        catalog.complete_header(language, template.po.metadata)
    return MergeReport(
        **counts,
        obsoleted=leftovers.obsoleted,
        purged=leftovers.purged,
        dropped=leftovers.dropped,
        new_msgids=tuple(new_ids),
        fuzzy_msgids=tuple(fuzzy_ids),
    )


def is_translated(entry: polib.POEntry) -> bool:
    """A translation to keep: a msgstr, or any msgstr[n] of a plural entry."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    """What identifies an entry: its context and its msgid (as in msgmerge)."""
    return entry.msgctxt, entry.msgid


def _rank(entry: polib.POEntry) -> tuple[bool, bool, bool]:
    """Which of two entries with one msgid to keep: translated, reviewed, live."""
    return is_translated(entry), "fuzzy" not in entry.flags, not entry.obsolete


def _exact_index(entries: Iterable[polib.POEntry]) -> dict[tuple[str | None, str], polib.POEntry]:
    index: dict[tuple[str | None, str], polib.POEntry] = {}
    for entry in entries:
        found = index.get(_key(entry))
        if found is None or _rank(entry) > _rank(found):
            index[_key(entry)] = entry
    return index


class _Matcher:
    """The best fuzzy candidate for a msgid: highest ratio, then reviewed, then first."""

    def __init__(self, candidates: list[polib.POEntry], threshold: float) -> None:
        self._candidates = candidates
        self._threshold = threshold
        self._shortlist = Shortlist([entry.msgid for entry in candidates])

    def best(self, item: polib.POEntry) -> polib.POEntry | None:
        """The best candidate for the template's ``item`` (in the same context), among
        those :mod:`l10n.catalog.fuzzy` shortlists (all of them while they are few)."""
        best: polib.POEntry | None = None
        best_key = (self._threshold, False)
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(item.msgid)
        for entry in (self._candidates[n] for n in self._shortlist(item.msgid)):
            if entry.msgctxt != item.msgctxt:
                continue
            matcher.set_seq1(entry.msgid)
            if matcher.real_quick_ratio() < best_key[0] or matcher.quick_ratio() < best_key[0]:
                continue
            key = (matcher.ratio(), "fuzzy" not in entry.flags)
            if key[0] >= self._threshold and (best is None or key > best_key):
                best, best_key = entry, key
        return best


def _comments(
    template: polib.POEntry, old: polib.POEntry | None, *, reviewed: bool = False
) -> str:
    """The template's block labels, then l10n's own comments from the catalog; for a
    ``reviewed`` translation carried to a changed source, the ``mt:`` line loses its
    ``sha`` (a person's text is never machine output again)."""
    lines = [c for c in template.comment.splitlines() if c and not is_l10n_comment(c)]
    if old is not None:
        own = [c for c in comment_lines(old.comment) if is_l10n_comment(c)]
        lines += [without_fingerprint(c) for c in own] if reviewed else own
    return "\n".join(lines)


def _fresh(item: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=item.msgctxt,
        msgid=item.msgid,
        msgstr="",
        msgid_plural=item.msgid_plural,
        msgstr_plural={k: "" for k in item.msgstr_plural},
        occurrences=list(item.occurrences),
        comment=_comments(item, None),
    )


def _carry(old: polib.POEntry, item: polib.POEntry, *, fuzzy: bool) -> polib.POEntry:
    """The template's entry with ``old``'s translation; ``fuzzy``: from a similar msgid."""
    flags = list(old.flags)
    previous = old.previous_msgid
    reviewed = fuzzy and "fuzzy" not in old.flags and is_translated(old)
    if fuzzy:
        if "fuzzy" not in flags:
            flags.insert(0, "fuzzy")
        previous = old.previous_msgid if "fuzzy" in old.flags and old.previous_msgid else None
        previous = previous or old.msgid
    return polib.POEntry(
        msgctxt=item.msgctxt,
        msgid=item.msgid,
        msgstr=old.msgstr,
        msgid_plural=item.msgid_plural,
        msgstr_plural=dict(old.msgstr_plural),
        occurrences=list(item.occurrences),
        comment=_comments(item, old, reviewed=reviewed),
        tcomment=old.tcomment,
        flags=flags,
        previous_msgid=previous,
    )


@dataclass
class _Leftovers:
    entries: list[polib.POEntry]
    obsoleted: int = 0
    purged: int = 0
    dropped: int = 0


def _leftovers(
    old: list[polib.POEntry],
    used: set[int],
    exact: dict[tuple[str | None, str], polib.POEntry],
    wanted: set[tuple[str | None, str]],
    purge: bool,
) -> _Leftovers:
    """Old entries not carried over: obsolete (or purged), or dropped when untranslated.

    An obsolete twin of a live msgid is kept only when its translation differs."""
    result = _Leftovers([])
    for entry in old:
        if id(entry) in used:
            continue
        twin = exact.get(_key(entry)) if _key(entry) in wanted else None
        if twin is not None and (not is_translated(entry) or _same_text(entry, twin)):
            continue
        if not is_translated(entry):
            result.dropped += 0 if entry.obsolete else 1
            continue
        if not entry.obsolete:
            result.obsoleted += 1
        if purge:
            result.purged += 1
            continue
        result.entries.append(_obsolete(entry))
    return result


def _obsolete(entry: polib.POEntry) -> polib.POEntry:
    """The entry as it reads back once written with ``#~``: no references, extracted
    comments or previous msgid (polib neither writes the first two nor reads ``#~|``)."""
    return polib.POEntry(
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        msgid_plural=entry.msgid_plural,
        msgstr_plural=dict(entry.msgstr_plural),
        tcomment=entry.tcomment,
        flags=list(entry.flags),
        obsolete=True,
    )


def _same_text(a: polib.POEntry, b: polib.POEntry) -> bool:
    return a.msgstr == b.msgstr and a.msgstr_plural == b.msgstr_plural


def _merge_header(po: polib.POFile, template: polib.POFile) -> None:
    for key in TEMPLATE_HEADERS:
        value = template.metadata.get(key)
        if value:
            po.metadata[key] = value


__all__ = ["DEFAULT_SIMILARITY", "MergeReport", "merge"]
