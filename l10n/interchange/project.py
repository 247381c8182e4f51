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
from l10n.errors import CatalogError, InputError, L10nError, L10nWarning, UsageError
from l10n.fsutil import write_atomic
from l10n.interchange import VERSIONS, read, render
from l10n.interchange.codes import (
    Code,
    align,
    join,
    nesting_problem,
    originals,
    plain,
    rebuild,
    split,
)
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
                                    save_edits(settings, plan.lang, plan.slug, plan.edits,
                                               who=f"xliff: {plan.shown}"),
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
    where = settings.catalog_path(lang, slug)
    if not where.is_file():
        raise CatalogError(f"catalog not found for the file's article '{slug}' in {lang} "
                           f"({settings.display(where)})", path=path, line=doc.line,
                           hint=f"run `l10n update --lang {lang}`, or import files exported "
                           "from this project")
    catalog = Catalog.read(where)
    plan = _Plan(shown, lang, slug)
    seen: dict[str, int] = {}
    for unit in doc.units:
        if unit.id in seen:
            raise InputError(f"two units have the id '{unit.id}' (the first on line "
                             f"{seen[unit.id]})", path=path, line=unit.line,
                             hint="nothing was imported; each unit of a file needs its own id")
        seen[unit.id] = unit.line
    entries = catalog.entries()
    by_id = {unit_id(e.msgid): (e, e.msgid) for e in entries}
    by_id.update({unit_id(e.previous_msgid): (e, e.previous_msgid) for e in entries
                  if e.previous_msgid and unit_id(e.previous_msgid) not in by_id})
    for unit in doc.units:
        _plan_unit(plan, unit, catalog, by_id, trust, path)
    return plan


def _plan_unit(plan: _Plan, unit: Unit, catalog: Catalog, by_id: dict[str, tuple[Entry, str]],
               trust: bool, path: Path) -> None:
    """What to do with one unit. Its entry is found by the unit's id (the fingerprint of
    the source it was exported for: the entry's source, or its previous source), else by
    its source text as the file writes it; the codes of source and target are then
    written with the project's own markup for that source, by id (a code the file gives
    other markup is a conflict, a code the source lacks an error)."""
    def skip(status: str, message: str) -> None:
        plan.outcomes.append(UnitOutcome(plan.shown, unit.line, unit.id, status, message))

    def fail(message: str) -> InputError:
        return InputError(f"unit {unit.id}: {message}", path=path, line=unit.line,
                          hint="nothing was imported; the target may only use the source's "
                          "codes, paired and nested as there")

    if unit.target is None or unit.state == INITIAL or not plain(list(unit.target)).strip() \
            and not any(not isinstance(p, str) for p in unit.target):
        skip(SKIPPED, "no translation in the file")
        return
    problem = nesting_problem(list(unit.target))
    if problem:
        raise fail(problem)
    found = by_id.get(unit.id)
    if found is None or plain(split(found[1])) != plain(list(unit.source)):
        try:  # a tool renamed the unit: its source as the file writes it
            text = join(list(unit.source), originals(list(unit.source)))
        except KeyError:
            text = ""
        found = next(((e, text) for e in catalog.entries()
                      if text and text in (e.msgid, e.previous_msgid)), None)
    if found is None:
        skip(MISSING, _message(MISSING, None))
        return
    entry, exported = found
    project = originals(split(exported))
    own = frozenset((p.kind, p.original) for p in split(entry.msgstr)
                    if isinstance(p, Code) and p.original)
    try:
        _, changed = rebuild(list(unit.source), project)
        target, changed_too = rebuild(list(unit.target), project, own)
    except KeyError as missing:
        kind, ident = missing.args[0]
        raise fail(f"inline code {ident} ({kind}) is not in its source") from None
    if changed or changed_too:
        skip(CONFLICT, "the file changes the source's inline markup, which the project "
             f"keeps: {'; '.join(changed + changed_too)}; the unit was not imported")
        return
    target = _admitted(target, path, unit)
    reviewed = unit.state in (REVIEWED_STATE, FINAL) or trust
    if exported == entry.msgid:  # its text already the file's: only the review state may change
        version = entry.version if entry.msgstr == target else unit.version or entry.version
        plan.edits.append(Edit(entry.msgid, target, reviewed, version))
        plan.units.append(unit)
        return
    note = f"xliff {path.name}, translated for the earlier source: {exported}"
    plan.edits.append(Edit(entry.msgid, target, False, entry.version, note=note))
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
                         path=path, line=doc.line,
                         hint="import files exported from this project") from None
    return lang


def _slug(settings: Settings, doc: Document, path: Path) -> str:
    """The article the file is for: by its ``original`` (the article as the project cites
    it), else by the slug l10n wrote (a tool may rename the file's id)."""
    for article in read_articles(settings, None):
        if settings.reference(article.path) == doc.original:
            return article.slug
    if doc.slug:
        try:
            return safe_slug(doc.slug, path, source="the XLIFF file")
        except InputError as exc:
            raise InputError(exc.message, path=path, line=doc.line, hint=exc.hint) from None
    raise InputError(f"no article '{doc.original}' in the project", path=path, line=doc.line,
                     hint="import files exported from this project")


__all__ = ["SKIPPED", "SUGGESTED", "UNCHANGED", "Exported", "ImportReport", "UnitOutcome",
           "export_xliff", "import_xliff"]
