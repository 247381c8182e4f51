"""XLIFF exchange with translation agencies (``l10n xliff export|import``).

**Export** writes ``<out>/<slug>.<lang>.xlf`` for each article and target language from
its catalog (which must exist: ``l10n update`` or ``translate`` makes it): one unit per
live entry with its source, its translation and state, its notes, its inline codes and
the previous source of a changed sentence (:mod:`l10n.interchange`). Files are written
atomically and an unchanged export is not rewritten.

**Import** reads every file first (a malformed or hostile file, or one for a language
or article the project does not have, stops the import before anything is written),
then saves each file's translations through :func:`l10n.workflow.edit.save_edits`, the
review page's path: under the project lock, atomically, reviewed translations into the
memory. For each unit:

* the entry is found by its source text (the unit's source with its codes), else by the
  unit's id (``u`` + the fingerprint of the source) when a tool dropped the codes'
  markup; a target's codes get their markup from the source's codes of the same id;
* no target, an empty one, or state ``initial``: nothing to import;
* ``reviewed``/``final`` targets are saved as reviewed, ``translated`` ones as fuzzy
  drafts, or reviewed with ``trust``;
* the entry's version at export travels in the file: an entry changed in the project
  since the export is not overwritten (``conflict``), and the report says so;
* a source that changed since the export: the target goes, as a fuzzy suggestion with a
  ``tm:`` note naming the file and the source it was made for, to the entry whose
  previous source (``#| msgid``) is the exported source; with no such entry the unit
  is reported as ``missing``;
* importing an unchanged export changes nothing (the catalogs stay byte-identical).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from l10n.articles import safe_slug
from l10n.catalog import Catalog, Entry, fingerprint
from l10n.catalog.entry import MT_PREFIX, TERM_PREFIX, TM_PREFIX, is_l10n_comment
from l10n.config import Settings
from l10n.errors import InputError, L10nError, L10nWarning, UsageError
from l10n.fsutil import write_atomic
from l10n.interchange import VERSIONS, read, render
from l10n.interchange.codes import align, join, originals, plain, split
from l10n.interchange.units import FINAL, INITIAL, REVIEWED_STATE, Document, Note, Unit, state_of
from l10n.lang import base_language, bcp47
from l10n.text.incoming import Refused, admit
from l10n.workflow.edit import CONFLICT, MISSING, SAVED, UNCHANGED, Edit, save_edits
from l10n.workflow.extract import read_articles

SUGGESTED = "suggested"
SKIPPED = "skipped"  # nothing to import: no target, or initial


@dataclass(frozen=True)
class Exported:
    path: Path
    slug: str
    lang: str
    units: int
    written: bool


def unit_id(msgid: str) -> str:
    return "u" + fingerprint(msgid)


def export_xliff(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
    *,
    version: str = "2.1",
    out: Path | None = None,
) -> list[Exported]:
    """One XLIFF file per article and language (the module's rules)."""
    if version not in VERSIONS:
        raise UsageError(f"unknown XLIFF version '{version}'", hint="use --version 2.1 or 1.2")
    targets = settings.target_languages(langs)
    folder = settings.path(out) if out is not None else settings.root / "xliff"
    docs: list[tuple[Path, Document]] = []
    for article in read_articles(settings, paths):
        for lang in targets:
            path = settings.catalog_path(lang, article.slug)
            if not path.is_file():
                raise InputError(f"no catalog for {article.slug} in {lang}", path=path,
                                 hint=f"run `l10n update --lang {lang}` first")
            doc = document(settings, Catalog.read(path), article.slug,
                           settings.reference(article.path), lang, version)
            docs.append((folder / f"{article.slug}.{lang}.xlf", doc))
    return [Exported(path, doc.slug, doc.target_lang, len(doc.units),
                     write_atomic(path, render(doc))) for path, doc in docs]


def document(settings: Settings, catalog: Catalog, slug: str, original: str, lang: str,
             version: str) -> Document:
    """A catalog as an XLIFF document."""
    units = []
    for entry in catalog.entries():
        source = split(entry.msgid)
        target = tuple(align(split(entry.msgstr), source)) if entry.msgstr else None
        units.append(Unit(unit_id(entry.msgid), tuple(source), target, state_of(entry),
                          ", ".join(c for c in entry.comments if not is_l10n_comment(c)),
                          _notes(entry), entry.previous_msgid, entry.version))
    return Document(version, bcp47(settings.source), bcp47(lang), original, slug, tuple(units))


def _notes(entry: Entry) -> tuple[Note, ...]:
    notes = [Note("location", ref) for ref in entry.references]
    notes += [Note("context", c) for c in entry.comments if not is_l10n_comment(c)]
    for prefix, category in ((MT_PREFIX, "mt"), (TERM_PREFIX, "glossary"), (TM_PREFIX, "tm")):
        notes += [Note(category, c[len(prefix):]) for c in entry.comments if c.startswith(prefix)]
    if entry.translator_comment:
        notes.append(Note("translator", entry.translator_comment))
    if entry.previous_msgid is not None:
        notes.append(Note("previous-source", entry.previous_msgid))
    return tuple(notes)


# ----------------------------------------------------------------------------- import
@dataclass(frozen=True)
class UnitOutcome:
    """What became of one unit of an imported file."""

    file: str
    line: int
    unit: str
    status: str  # saved, unchanged, suggested, conflict, missing, skipped
    message: str = ""


@dataclass
class ImportReport:
    outcomes: list[UnitOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)


@dataclass
class _Plan:
    shown: str
    lang: str
    slug: str
    edits: list[Edit] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)  # the unit of each edit
    outcomes: list[UnitOutcome] = field(default_factory=list)  # decided without saving


def import_xliff(settings: Settings, files: Sequence[Path], *, trust: bool = False) -> ImportReport:
    """Bring agencies' translations into the catalogs (the module's rules)."""
    if not files:
        raise UsageError("no XLIFF file given", hint="l10n xliff import FILE.xlf ...")
    plans = [_plan(settings, Path(f), trust) for f in files]  # every file read first
    report = ImportReport()
    for plan in plans:
        report.outcomes += plan.outcomes
        if not plan.edits:
            continue
        for edit, unit, done in zip(plan.edits, plan.units,
                                    save_edits(settings, plan.lang, plan.slug, plan.edits),
                                    strict=True):
            status = SUGGESTED if edit.note and done.status == SAVED else done.status
            report.outcomes.append(UnitOutcome(plan.shown, unit.line, unit.id, status,
                                               _message(status, done.entry)))
    return report


def _message(status: str, entry: Entry | None) -> str:
    if status == CONFLICT:
        return ("the entry changed in the project since the export; it was left as it is "
                "(export again and send the new file)")
    if status == SUGGESTED:
        return "the source changed since the export: kept as a fuzzy suggestion to review"
    if status == MISSING:
        return "the sentence is no longer in the article"
    return ""


def _plan(settings: Settings, path: Path, trust: bool) -> _Plan:
    doc = read(path)
    shown = settings.display(path)
    lang = _language(settings, doc, path)
    slug = _slug(settings, doc, path)
    catalog = Catalog.read(settings.catalog_path(lang, slug))
    plan = _Plan(shown, lang, slug)
    by_id = {unit_id(e.msgid): e for e in catalog.entries()}
    previous = {e.previous_msgid: e for e in catalog.entries() if e.previous_msgid}
    for unit in doc.units:
        _plan_unit(plan, unit, catalog, by_id, previous, trust, path)
    return plan


def _plan_unit(plan: _Plan, unit: Unit, catalog: Catalog, by_id: dict[str, Entry],
               previous: dict[str, Entry], trust: bool, path: Path) -> None:
    def skip(status: str, message: str) -> None:
        plan.outcomes.append(UnitOutcome(plan.shown, unit.line, unit.id, status, message))

    if unit.target is None or unit.state == INITIAL or not plain(list(unit.target)).strip() \
            and not any(not isinstance(p, str) for p in unit.target):
        skip(SKIPPED, "no translation in the file")
        return
    known = originals(list(unit.source))
    guess = by_id.get(unit.id)
    if guess is not None:
        known = {**originals(split(guess.msgid)), **known}
    try:
        source = join(list(unit.source), known)
        target = join(list(unit.target), known)
    except KeyError as missing:
        kind, ident = missing.args[0]
        raise InputError(f"unit {unit.id}: inline code {ident} ({kind}) is not in its source",
                         path=path, line=unit.line,
                         hint="the target may only use the source's codes") from None
    target = _admitted(target, path, unit)
    entry = catalog.get(source)
    if entry is None and guess is not None and plain(split(guess.msgid)) == plain(
        list(unit.source)
    ):
        entry = guess
    reviewed = unit.state in (REVIEWED_STATE, FINAL) or trust
    if entry is not None:  # its text already the file's: only the review state may change
        version = entry.version if entry.msgstr == target else unit.version or entry.version
        plan.edits.append(Edit(entry.msgid, target, reviewed, version))
        plan.units.append(unit)
        return
    moved = previous.get(source)
    if moved is None:
        skip(MISSING, _message(MISSING, None))
        return
    note = f"xliff {path.name}, translated for the earlier source: {source}"
    plan.edits.append(Edit(moved.msgid, target, False, moved.version, note=note))
    plan.units.append(unit)


def _admitted(target: str, path: Path, unit: Unit) -> str:
    """The target through the gate for text entering a catalog (l10n.text.incoming)."""
    try:
        admitted = admit(target)
    except Refused as refused:
        raise InputError(f"unit {unit.id}: unusable translation: {refused}", path=path,
                         line=unit.line, hint="nothing was imported; correct the file") from None
    if admitted.removed:
        warnings.warn(L10nWarning(f"unit {unit.id}: {admitted.note}", path=path,
                                  line=unit.line), stacklevel=2)
    return admitted.text


def _language(settings: Settings, doc: Document, path: Path) -> str:
    """The project's target language the file is for (``ko-KR`` is ``ko`` in a project
    that translates into ``ko``)."""
    try:
        lang = settings.target_languages([doc.target_lang.replace("-", "_")])[0]
        targets = settings.target_languages()
        if lang not in targets:
            lang = next((t for t in targets if base_language(t) == base_language(lang)), "")
        if not lang:
            raise UsageError(f"it is for '{doc.target_lang}', the project translates into "
                             f"{', '.join(targets)}")
        if doc.source_lang and base_language(doc.source_lang.replace("-", "_")) != \
                base_language(settings.source):
            raise UsageError(f"its source language is '{doc.source_lang}', the project's "
                             f"'{settings.source}'")
    except L10nError as exc:
        raise InputError(f"this XLIFF file does not fit the project: {exc.message}",
                         path=path, hint="import files exported from this project") from None
    return lang


def _slug(settings: Settings, doc: Document, path: Path) -> str:
    """The article the file is for: by its ``original`` (the article as the project cites
    it), else by the slug l10n wrote (a tool may rename the file's id)."""
    for article in read_articles(settings, None):
        if settings.reference(article.path) == doc.original:
            return article.slug
    if doc.slug:
        return safe_slug(doc.slug, path, source="the XLIFF file")
    raise InputError(f"no article '{doc.original}' in the project", path=path,
                     hint="import files exported from this project")


__all__ = ["SKIPPED", "SUGGESTED", "UNCHANGED", "Exported", "ImportReport", "UnitOutcome",
           "export_xliff", "import_xliff"]
