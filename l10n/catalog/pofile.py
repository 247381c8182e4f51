"""Gettext templates (POT) and catalogs (PO), read and written with polib.

Writing follows two rules that keep catalogs reviewable in git and safe to re-run:

* no churn: a file whose entries and header did not change is not rewritten, so its
  ``POT-Creation-Date`` / ``PO-Revision-Date`` and modification time stay as they were;
* atomic: files are replaced with :func:`l10n.fsutil.write_atomic`, never half-written.

Every file is accepted by ``msgfmt --check`` and read back unchanged by polib and Babel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from l10n.catalog.entry import (
    TERM_PREFIX,
    TM_PREFIX,
    Entry,
    Provenance,
    comment_lines,
    fingerprint,
    is_l10n_comment,
    term_comment,
)
from l10n.catalog.header import (
    BASIC_HEADER,
    DIGEST_HEADER,
    ENTRIES_HEADER,
    entries_digest,
    generator,
    language_header,
    now,
    template_header,
)
from l10n.catalog.joined import one_line_strings
from l10n.catalog.save import save_catalog_text
from l10n.catalog.syntax import (
    check_messages,
    check_syntax,
    declared_charset,
    number_entries,
    split_flags,
)
from l10n.errors import CatalogError
from l10n.fsutil import file_io, write_atomic
from l10n.model import TermOutcome

WRAP_WIDTH = 78


@dataclass(frozen=True, slots=True)
class TemplateEntry:
    """A distinct source text with every place it occurs."""

    msgid: str
    references: tuple[str, ...]  # "seeds/<file>:<line>"
    comments: tuple[str, ...]  # block labels: "title", "paragraph 3"


class _OneLineComments(polib.POEntry):
    """An entry whose comment lines are written as they are, never wrapped.

    polib wraps long comments like xgettext; that would split l10n's one-line
    provenance and term notes, which must survive a round trip intact.
    """

    def __unicode__(self, wrapwidth: int = WRAP_WIDTH) -> str:
        saved = self.tcomment, self.comment
        prefixes = [("# ", self.tcomment)] + ([] if self.obsolete else [("#. ", self.comment)])
        lines = [f"{p}{c}".rstrip() for p, text in prefixes if text for c in text.split("\n")]
        self.tcomment = self.comment = ""
        try:
            body: str = super().__unicode__(wrapwidth)
        finally:
            self.tcomment, self.comment = saved
        return "\n".join([*lines, body])


def _new_pofile() -> polib.POFile:
    po = polib.POFile(wrapwidth=WRAP_WIDTH, check_for_duplicates=False)
    po.encoding = "utf-8"
    return po


class Catalog:
    """A POT or PO file: read it, change it through these methods, write it."""

    def __init__(
        self,
        po: polib.POFile,
        path: Path,
        *,
        disk_text: str | None = None,
        from_disk: bool = False,
    ) -> None:
        self._po = po
        self.path = path
        self._disk_text = disk_text  # the file as last read or written, to skip no-op writes
        self._from_disk = from_disk  # written only over the file as read: see write()
        self._disk_read: bytes | None = None  # the bytes read, when not ``disk_text`` in UTF-8
        self._index: dict[tuple[str | None, str], polib.POEntry] | None = None

    @property
    def disk_text(self) -> str | None:
        """The file's text as this object last read or wrote it (None: not known)."""
        return self._disk_text

    # ------------------------------------------------------------------ reading
    @classmethod
    def read(cls, path: Path) -> Catalog:
        """Parse ``path``; a broken file raises CatalogError with its line."""
        file_io(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise CatalogError("catalog not found", path=path) from None
        charset = declared_charset(raw)
        try:
            text = raw.decode(charset)
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise CatalogError(
                f"not {charset} as its header declares", path=path, line=line,
                hint="save the catalog as UTF-8 (msgconv --to-code=UTF-8)",
            ) from None
        check_syntax(path, text)
        try:
            po = polib.pofile(one_line_strings(text), wrapwidth=WRAP_WIDTH, encoding="utf-8")
        except (OSError, ValueError) as exc:
            found = re.search(r"line (\d+)", str(exc))
            raise CatalogError(
                "syntax error in catalog",
                path=path,
                line=int(found.group(1)) if found else None,
                hint="fix it in a PO editor or restore it from git; the file was left as it was",
            ) from None
        split_flags(po)
        check_messages(po, path)
        catalog = cls(po, path, disk_text=text, from_disk=True)
        if charset != "utf-8":  # written back as UTF-8 (as msgconv would), saying so
            catalog._disk_read = raw
            po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        return catalog

    @classmethod
    def template(
        cls, path: Path, project: str, entries: Iterable[TemplateEntry], *, digest: str = ""
    ) -> Catalog:
        """A template; ``digest`` identifies the source it was extracted from."""
        po = _new_pofile()
        po.header = (
            f"Translation template for the article '{project}'.\n"
            "Generated by l10n; do not edit: run `l10n extract` instead."
        )
        po.metadata = template_header(project)
        entries = list(entries)
        if digest:
            po.metadata[DIGEST_HEADER] = digest
        po.metadata[ENTRIES_HEADER] = entries_digest((None, e.msgid) for e in entries)
        po.metadata_is_fuzzy = True
        for item in entries:
            po.append(
                polib.POEntry(
                    msgid=item.msgid,
                    msgstr="",
                    occurrences=[_split_ref(ref) for ref in item.references],
                    comment="\n".join(item.comments),
                )
            )
        return cls(po, path)

    @classmethod
    def from_template(cls, template: Catalog, path: Path, lang: str) -> Catalog:
        """A new, empty catalog for ``lang`` (as ``msginit`` makes it)."""
        po = _new_pofile()
        header = dict(template._po.metadata)
        header.pop(ENTRIES_HEADER, None)
        header.update(language_header(lang))
        header["PO-Revision-Date"] = now()
        header["Last-Translator"] = "l10n"
        header["X-Generator"] = generator()
        team = header["Language-Team"].split(" <")[0]
        po.header = f"{team} translation of the article '{header.get('Project-Id-Version', '')}'."
        po.metadata = header
        for item in template._po:
            po.append(
                polib.POEntry(
                    msgid=item.msgid,
                    msgstr="",
                    occurrences=list(item.occurrences),
                    comment=item.comment,
                )
            )
        return cls(po, path)

    def complete_header(self, lang: str, template: dict[str, str] | None = None) -> None:
        """Add the header fields a catalog needs and lacks (a PO saved without a header,
        or with part of one): Content-Type, Language, Plural-Forms, ...; fields the file
        has are kept as they are."""
        wanted = {**(template or {}), **BASIC_HEADER, **language_header(lang),
                  "Last-Translator": "l10n"}
        keys = ("Project-Id-Version", "Last-Translator", "Language-Team", "Language",
                *BASIC_HEADER, "Plural-Forms")
        for key in keys:
            if not self._po.metadata.get(key) and wanted.get(key):
                self._po.metadata[key] = wanted[key]

    @property
    def metadata(self) -> dict[str, str]:
        return dict(self._po.metadata)

    @property
    def language(self) -> str:
        return str(self._po.metadata.get("Language", ""))

    def entries_digest(self) -> str:
        """The fingerprint of the live entries' msgids (and contexts), in file order."""
        return entries_digest((e.msgctxt, e.msgid) for e in self._po if not e.obsolete)

    def entries(self, *, obsolete: bool = False) -> list[Entry]:
        """Entries in file order; obsolete ones only when asked."""
        return [_view(e) for e in self._po if obsolete or not e.obsolete]

    def get(self, msgid: str) -> Entry | None:
        found = self._find(msgid)
        return _view(found) if found is not None else None

    def msgstr(self, msgid: str) -> str:
        """The translation of the live entry ``msgid`` ("" when it has none or is absent)."""
        found = self._find(msgid)
        return found.msgstr if found is not None else ""

    def _find(self, msgid: str, msgctxt: str | None = None) -> polib.POEntry | None:
        """The live entry with this msgid (and context): a dict lookup, not a scan."""
        if self._index is None:
            self._index = {(e.msgctxt, e.msgid): e for e in self._po if not e.obsolete}
        return self._index.get((msgctxt, msgid))

    def replace_entries(self, entries: list[polib.POEntry]) -> None:
        """Put ``entries`` in place of the file's entries (the merge's result)."""
        self._po[:] = entries
        self._index = None

    # ------------------------------------------------------------------ changing
    def set_machine(
        self, msgid: str, text: str, provenance: Provenance, terms: Sequence[TermOutcome] = ()
    ) -> None:
        """Fill an entry with machine output: fuzzy, with provenance and term notes."""
        entry = self._require(msgid)
        entry.msgstr = text
        entry.previous_msgid = None
        prov = Provenance(provenance.engine, provenance.model, provenance.score, fingerprint(text))
        _set_l10n_comments(entry, [prov.comment(), *(term_comment(t) for t in terms)])
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")

    def set_suggestion(self, msgid: str, text: str, note: str, *, reviewed: bool = False) -> None:
        """A suggestion from the translation memory, naming its origin and score: fuzzy,
        unless ``reviewed`` (an exact match of a reviewed unit, for teams that trust their
        memory: ``memory_exact = "reviewed"``)."""
        entry = self._require(msgid)
        entry.msgstr = text
        entry.previous_msgid = None
        _set_l10n_comments(entry, [TM_PREFIX + note])
        if reviewed:
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        elif "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")

    def set_translation(self, msgid: str, text: str, *, reviewed: bool) -> None:
        """A person's translation: ``reviewed`` clears fuzzy and the previous source (the
        translator accepted it); otherwise the entry stays (or becomes) fuzzy: a draft.
        l10n's provenance comments stay, so machine output accepted unchanged is still
        known as the engine's (and, not being fuzzy, as reviewed)."""
        if reviewed and not text:
            raise ValueError("an empty translation cannot be reviewed")
        entry = self._require(msgid)
        entry.msgstr = text
        if reviewed or not text:  # nothing left to review in an emptied entry
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        if reviewed:
            entry.previous_msgid = None
        elif text and "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")

    def set_hints(self, msgid: str, terms: Sequence[TermOutcome]) -> None:
        """No translation, but the glossary's targets shown to the translator."""
        _set_l10n_comments(self._require(msgid), [term_comment(t) for t in terms])

    def _require(self, msgid: str) -> polib.POEntry:
        entry = self._find(msgid)
        if entry is None:
            raise KeyError(msgid)
        return entry

    @property
    def po(self) -> polib.POFile:
        """The polib object, for the other modules of this package (merge)."""
        return self._po

    # ------------------------------------------------------------------ writing
    def render(self) -> str:
        for entry in self._po:
            if type(entry) is polib.POEntry:
                entry.__class__ = _OneLineComments
        return str(self._po)

    def write(self) -> bool:
        """Write atomically, unless only the date header would change.

        A template's ``POT-Creation-Date`` (a catalog's ``PO-Revision-Date``) is set to
        now only when something else changed. Returns True when the file was written.

        A catalog whose content did not change is not rewritten either when another tool
        (Poedit, msgcat, polib) saved it with its own line wrapping: the file stays as
        that tool wrote it.

        A catalog read from disk is never written over a file that changed since it was
        read (a translator saved it in Poedit during a long run): CatalogChangedError,
        and the translator's file stays as they saved it.
        """
        key = "PO-Revision-Date" if self.language else "POT-Creation-Date"
        file_io(self.path)
        old = self._disk_text
        if old is None:
            try:
                old = self.path.read_text(encoding="utf-8")
            except (FileNotFoundError, UnicodeDecodeError):
                old = None
        if old is not None:
            found = re.search(rf'^"{key}: (.*)\\n"$', old, re.MULTILINE)
            if found:
                self._po.metadata[key] = found.group(1)
                rendered = self.render()
                if rendered == old or (old is self._disk_text and _rendered(old) == rendered):
                    self._disk_text = old
                    number_entries(self._po, old)
                    return False
        self._po.metadata[key] = now()
        text = self.render()
        if self._from_disk:
            read = self._disk_read if self._disk_read is not None else self._disk_text
            written = save_catalog_text(self.path, text, read=read)
        else:  # made here (a template, a new catalog): nothing was read to compare with
            written = write_atomic(self.path, text)
        self._disk_text = text
        number_entries(self._po, text)
        self._from_disk, self._disk_read = True, None
        return written

def _rendered(text: str) -> str | None:
    """``text`` (a PO file another tool wrote) as l10n would write it: the same content
    in l10n's formatting (None if it does not parse)."""
    try:
        po = polib.pofile(text, wrapwidth=WRAP_WIDTH, encoding="utf-8")
    except (OSError, ValueError):
        return None
    return Catalog(po, Path()).render()


def _set_l10n_comments(entry: polib.POEntry, lines: list[str]) -> None:
    """Replace l10n's own extracted comments, keeping every other comment line."""
    kept = [c for c in comment_lines(entry.comment) if not is_l10n_comment(c)]
    entry.comment = "\n".join(kept + lines)


def _view(entry: polib.POEntry) -> Entry:
    return Entry(
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        fuzzy="fuzzy" in entry.flags,
        obsolete=bool(entry.obsolete),
        line=entry.linenum or 0,
        references=tuple(f"{path}:{line}" if line else path for path, line in entry.occurrences),
        comments=tuple(comment_lines(entry.comment)),
        translator_comment=entry.tcomment or "",
        previous_msgid=entry.previous_msgid,
        msgctxt=entry.msgctxt,
        flags=tuple(entry.flags),
        msgid_plural=entry.msgid_plural or "",
        plural_forms=tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)),
    )


def _split_ref(ref: str) -> tuple[str, str]:
    path, _, line = ref.rpartition(":")
    return (path, line) if path and line.isdigit() else (ref, "")

__all__ = ["TERM_PREFIX", "Catalog", "TemplateEntry", "save_catalog_text"]
