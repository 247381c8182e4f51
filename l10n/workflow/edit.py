"""Save people's translations into a catalog, safely: the review page and XLIFF import.
A person (in the browser, or an agency through XLIFF) changes entries they saw at some
moment; :func:`save_edits` applies a batch of such edits to one catalog:

* under the project's lock (the CLI's: a ``translate`` run and a save never interleave);
  a save waits a few seconds for a short writer (another save, ``check --annotate``),
  then :class:`~l10n.errors.LockedError` says a run holds it and nothing is written;
* each text passes the gate for text entering a catalog (:mod:`l10n.text.incoming`):
  one not valid Unicode or too long is refused (InputError, nothing saved); control
  characters are removed with a warning;
* the catalog is written once, atomically, through the catalogs' one save path (same
  formatting, no churn in untouched entries), never over a file changed since it was
  read (:func:`l10n.catalog.pofile.save_catalog_text`); reviewed translations go into
  the translation memory at once;
* catalog and memory (a file and a database) are written one after the other: first a
  marker naming the catalog goes into ``.l10n/harvest/``, removed once the memory has
  its reviewed entries; after a kill in between, the next ``translate``, ``update`` or
  save (:func:`catch_up`) harvests that catalog again;
* each edit names its entry by source and the :attr:`~l10n.catalog.Entry.version` the
  person saw: an entry changed since (another reviewer, a run, a hand edit) refuses the
  edit as a ``conflict`` and is returned as it is now; the other edits go through. An
  edit whose entry left the catalog is ``missing``;
* an edit with a ``note`` is a suggestion: the entry gets the text as fuzzy, naming the
  note as its origin (``#. tm: <note>``), reviewed or not;
* ``who`` (a reviewer's name, ``xliff: <file>``) is recorded with every change in the
  entries' history (:mod:`l10n.memory.history`); a person's name becomes the catalog's
  ``Last-Translator``. An edit may also carry the translator comment (``# ``) and the
  ``ignore-<check>`` flags the person set (a finding dismissed on the review page).
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from l10n.catalog import Catalog, Entry, notes
from l10n.catalog.patch import Draft, as_on_disk, write_patched
from l10n.config import Settings
from l10n.errors import InputError, L10nWarning, UsageError
from l10n.fsutil import SHORT_WAIT, project_lock, write_atomic
from l10n.memory import Memory
from l10n.memory.history import changes
from l10n.text.incoming import Refused, admit

SAVED = "saved"
UNCHANGED = "unchanged"  # the entry already held exactly this
CONFLICT = "conflict"  # the entry changed since the person saw it
MISSING = "missing"  # no such entry (any more)


@dataclass(frozen=True, slots=True)
class Edit:
    """A person's translation of one entry, and the version of the entry they saw."""

    msgid: str
    text: str
    reviewed: bool  # accepted (not fuzzy), or a draft that stays fuzzy
    version: str | None = None  # None: no check (the caller takes responsibility)
    # A suggestion rather than an edit: the text stays fuzzy with this note as its origin
    # (an agency's translation of a source that has changed since, say).
    note: str | None = None
    comment: str | None = None  # the translator comment (None: unchanged)
    ignore: tuple[tuple[str, bool], ...] = ()  # (check, on): dismiss or restore a finding


@dataclass(frozen=True, slots=True)
class EditOutcome:
    """What became of one edit, and the entry as the catalog now holds it."""

    msgid: str
    status: str  # SAVED, UNCHANGED, CONFLICT or MISSING
    entry: Entry | None


def save_edits(
    settings: Settings, lang: str, slug: str, edits: Sequence[Edit], *, who: str = "",
    person: bool = False, known: Draft | None = None,
) -> list[EditOutcome]:
    """Apply ``edits`` to ``locales/<lang>/<slug>.po`` (the module's rules); one outcome
    per edit, in order. ``known``: the caller's draft of the catalog
    (:func:`l10n.catalog.patch.fork`), used, and patched into the file's text, while the
    file is the one it was read from."""
    lang = settings.target_languages([lang])[0]
    path = settings.catalog_path(lang, slug)
    edits = [_admitted(edit, path) for edit in edits]
    for edit in edits:
        if edit.reviewed and not edit.text.strip():
            raise UsageError("an empty translation cannot be accepted", hint="write one first")
    with project_lock(settings.state_dir, wait=SHORT_WAIT):
        catch_up(settings)
        catalog = known if known is not None and known.path == path and as_on_disk(known) \
            else Catalog.read(path)  # the draft while the file is the one it was read from
        before = {edit.msgid: catalog.get(edit.msgid) for edit in edits}
        outcomes = [_apply(catalog, edit) for edit in edits]
        saved = [o.entry for o in outcomes if o.status == SAVED and o.entry is not None]
        if saved and person and who:
            notes.set_header(catalog, "Last-Translator", who)
        reviewed = [e for e in saved if e.reviewed]
        marker = settings.state_dir / "harvest" / f"{lang}.{slug}" if reviewed else None
        if marker is not None:  # a kill before the memory has it: the next run catches up
            write_atomic(marker, f"{lang}\n{slug}\n")
        if not (isinstance(catalog, Draft) and write_patched(catalog)):
            catalog.write()
        found = changes([b for b in before.values() if b is not None], saved, who=who or "l10n",
                        lang=lang, slug=slug)
        if reviewed or found:
            with Memory.open(settings.memory_path) as memory, memory.transaction():
                memory.harvest(reviewed, settings.source, lang, origin=settings.reference(path))
                memory.record(found)
        if marker is not None:
            marker.unlink()
    return outcomes


def catch_up(settings: Settings) -> None:
    """Harvest into the memory each catalog a killed save left a marker for (under the lock)."""
    folder = settings.state_dir / "harvest"
    if not folder.is_dir():
        return
    for marker in sorted(folder.iterdir()):
        if marker.name.startswith("."):  # write_atomic's temporary, from a kill
            continue
        try:
            lang, slug = marker.read_text(encoding="utf-8").split()
        except ValueError:  # not one of ours: a marker is only ever written whole
            continue
        path = settings.catalog_path(lang, slug)
        if path.is_file():
            entries = Catalog.read(path).entries(obsolete=True)
            with Memory.open(settings.memory_path) as memory:
                memory.harvest(entries, settings.source, lang, origin=settings.reference(path))
        marker.unlink()


def _admitted(edit: Edit, path: object) -> Edit:
    shown = edit.msgid if len(edit.msgid) <= 60 else edit.msgid[:57] + "..."
    try:
        admitted = admit(edit.text)
    except Refused as refused:
        raise InputError(f"the translation of {shown!r} cannot be saved: {refused}",
                         path=str(path), hint="nothing was saved; correct the text") from None
    if not admitted.removed:
        return edit
    warnings.warn(L10nWarning(f"the translation of {shown!r}: {admitted.note}",
                              path=str(path)), stacklevel=3)
    return dataclasses.replace(edit, text=admitted.text)


def _apply(catalog: Catalog, edit: Edit) -> EditOutcome:
    entry = catalog.get(edit.msgid)
    if entry is None:
        return EditOutcome(edit.msgid, MISSING, None)
    if edit.version is not None and edit.version != entry.version:
        return EditOutcome(edit.msgid, CONFLICT, entry)
    same = entry.msgstr == edit.text and entry.fuzzy == (not edit.reviewed and bool(edit.text))
    if _annotate(catalog, edit, entry) and same:  # only the comment or a flag changed
        return EditOutcome(edit.msgid, SAVED, catalog.get(edit.msgid))
    if edit.note is not None:
        if entry.msgstr == edit.text and entry.memory == edit.note:
            return EditOutcome(edit.msgid, UNCHANGED, entry)
        catalog.set_suggestion(edit.msgid, edit.text, edit.note)
        return EditOutcome(edit.msgid, SAVED, catalog.get(edit.msgid))
    if same:
        return EditOutcome(edit.msgid, UNCHANGED, entry)
    catalog.set_translation(edit.msgid, edit.text, reviewed=edit.reviewed)
    return EditOutcome(edit.msgid, SAVED, catalog.get(edit.msgid))


def _annotate(catalog: Catalog, edit: Edit, entry: Entry) -> bool:
    """Set the edit's translator comment and ignore flags; True when either changed."""
    changed = False
    if edit.comment is not None and edit.comment != entry.translator_comment:
        notes.set_comment(catalog, edit.msgid, edit.comment)
        changed = True
    for check, on in edit.ignore:
        if (f"ignore-{check}" in entry.flags) != on:
            notes.set_flag(catalog, edit.msgid, f"ignore-{check}", on)
            changed = True
    return changed
