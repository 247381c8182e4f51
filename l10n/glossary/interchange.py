"""Glossary export and import: TBX (see :mod:`l10n.glossary.tbx`) and CSV, into TOML.

CSV is the two-column form DeepL and Weblate use: ``source,target`` per row, one target
language per file, no header by default. Read: an optional header row (``source,target``
or ``source,target,description``), an optional third column (description -> note), UTF-8
with or without BOM, ``.tsv`` files tab-separated. Written: two columns, no header; with
``notes=True`` a header ``source,target,description`` and the notes. CSV carries only the
source, one target and the note: a keep term is written with its source as target and
comes back as an ordinary term; variants, readings and case rules need TBX, whose
round trip is lossless.

Formula cells: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, tab
or carriage return as a formula (``=cmd|' /C calc'!A0``, ``+HYPERLINK(...)``). As OWASP
recommends, such a cell is written with a leading ``'`` (also one that already starts
with ``'`` before such a character), so that a spreadsheet shows it as text; import
takes exactly one ``'`` off again, so the round trip keeps every term as it was.

Imported terms without case information (every CSV term, a TBX
term without an l10n case note) match by the default rule of :mod:`l10n.glossary.match`.

Import rules: the imported terms are checked like a glossary file (duplicates merged,
conflicts and collisions reported) together with the other files of the glossary folder
when the target file is inside it, and the target is written (with ``write_atomic``) only
when all of that passed. An existing target file is never overwritten without
``force=True`` (it is then replaced, not merged: merge by importing into a new file).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from l10n.errors import GlossaryError, InputError, L10nError, UsageError
from l10n.fsutil import write_atomic
from l10n.glossary.load import Entry, collisions, glossary_error, merge, read_file, read_folder
from l10n.glossary.match import Glossary
from l10n.glossary.tbx import read_tbx, write_tbx
from l10n.lang import validate_language
from l10n.model import Term

FORMATS = ("tbx", "csv")
_HEADERS = ("description", "note", "notes", "comment", "explanation")


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    terms: int
    written: bool  # False: the file already had exactly this content
    skipped: tuple[str, ...] = ()  # entries left out (no target in the chosen languages)


def export_glossary(glossary: Glossary, fmt: str, *, langs: Sequence[str] | None = None,
                    source_lang: str = "en", notes: bool = False) -> str:
    """The glossary as TBX or CSV text. CSV needs exactly one language in ``langs``."""
    langs = language_codes(langs)
    if fmt == "tbx":
        terms = glossary.terms if langs is None else [
            t for t in glossary.terms if any(t.target(lang) for lang in langs)]
        return write_tbx(terms, source_lang=source_lang, langs=langs)
    if fmt == "csv":
        if not langs or len(langs) != 1:
            raise UsageError("CSV holds one target language", hint="pass --lang with one code")
        return write_csv(glossary.terms, langs[0], notes=notes)
    raise UsageError(f"unknown format '{fmt}'", hint=f"use one of: {', '.join(FORMATS)}")


def write_csv(terms: Iterable[Term], lang: str, *, notes: bool = False) -> str:
    """``source,target`` rows for the terms that have a ``lang`` target (keep: the source)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if notes:
        writer.writerow(["source", "target", "description"])
    for term in terms:
        target = term.target(lang)
        if target is not None:
            cells = [term.source, target, term.note] if notes else [term.source, target]
            writer.writerow([_defused(cell) for cell in cells])
    return out.getvalue()


_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def _defused(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text (the module's rule)."""
    return "'" + cell if _FORMULA.match(cell) else cell


def _fused(cell: str) -> str:
    """A cell as it was before :func:`_defused`."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def read_csv(path: Path, lang: str) -> list[Term]:
    """Terms of a DeepL/Weblate CSV (see the module docstring); all problems at once."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", path=path, hint="save it as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""),
                        delimiter="\t" if path.suffix.lower() == ".tsv" else ",", strict=True)
    terms: list[Term] = []
    problems: list[L10nError] = []
    start = 1  # the line the next record begins on
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            row = [_fused(cell) for cell in row]
            if not any(cell.strip() for cell in row):
                continue
            if not terms and not problems and _is_header(row):
                continue
            if len(row) not in (2, 3) or not row[0].strip() or not row[1].strip():
                problems.append(GlossaryError(
                    f"expected 'source,target' or 'source,target,description', got {row!r}",
                    path=str(path), line=line, hint="quote cells that contain commas"))
                continue
            note = row[2].strip() if len(row) == 3 else ""
            terms.append(Term(source=row[0].strip(), targets=MappingProxyType(
                {lang: row[1].strip()}), note=note, file=str(path), line=line))
    except csv.Error as exc:
        problems.append(GlossaryError(f"malformed CSV: {exc}", path=str(path),
                                      line=start, hint="check the quotes"))
    if problems:
        raise glossary_error(problems, path)
    return terms


def _is_header(row: list[str]) -> bool:
    cells = [cell.strip().casefold() for cell in row]
    return cells[:2] == ["source", "target"] and (len(cells) == 2 or cells[2] in _HEADERS)


def import_glossary(file: Path, *, into: Path, folder: Path, fmt: str | None = None,
                    langs: Sequence[str] | None = None, source_lang: str = "en",
                    force: bool = False) -> ImportResult:
    """Read ``file`` (TBX or CSV), validate, and write it to ``into`` as glossary TOML.

    Nothing is written unless the imported terms are valid on their own and together
    with the glossary in ``folder`` (when ``into`` is in it). CSV needs one language.
    """
    langs = language_codes(langs)
    fmt = fmt or {".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".tsv": "csv"}.get(
        file.suffix.lower(), "")
    if not file.is_file():
        raise InputError("file not found", path=file)
    if into.exists() and not force:
        raise UsageError("the import target already exists", path=into,
                         hint="choose another file with --into, or replace it with --force")
    skipped: tuple[str, ...] = ()
    if fmt == "tbx":
        result = read_tbx(file, source_lang=source_lang, langs=langs)
        terms, skipped = list(result.terms), result.skipped
    elif fmt == "csv":
        if not langs or len(langs) != 1:
            raise UsageError("a CSV glossary has one target column: say its language",
                             hint="pass --lang with one code, e.g. --lang ko")
        terms = read_csv(file, langs[0])
    else:
        raise UsageError(f"cannot tell the format of {file.name}",
                         hint="name it .tbx or .csv, or pass --format tbx|csv")
    if not terms:
        raise GlossaryError("nothing to import: no term with a target", path=file,
                            hint="check the languages (--lang) and the file's content")
    merged, problems = merge(Entry(term, {}) for term in terms)
    problems += collisions(merged)
    if problems:
        raise glossary_error(problems, file)
    text = to_toml((e.term for e in merged), comment=f"Imported from {file.name} by "
                   "`l10n glossary import`; edit freely.")
    _validate(into, text, folder)
    return ImportResult(into, len(merged), write_atomic(into, text), skipped)


def language_codes(langs: Sequence[str] | None) -> list[str] | None:
    """Codes in gettext form; an unknown one is a UsageError."""
    if langs is None:
        return None
    return [validate_language(lang) for lang in langs]


def _validate(into: Path, text: str, folder: Path) -> None:
    """The new file must load, alone and with the folder it goes into."""
    if into.resolve().parent == folder.resolve():
        problems = read_folder(folder, replace_file=(into, text))[1]
    else:
        problems = read_file(into, text)[1]
    if problems:
        raise glossary_error(problems, folder)


def to_toml(terms: Iterable[Term], *, comment: str = "") -> str:
    """Glossary TOML for ``terms`` in the format :mod:`l10n.glossary.load` reads."""
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    for term in terms:
        lines += ["", "[[term]]", f"source = {toml_string(term.source)}"]
        if term.variants:
            lines.append(f"variants = [{', '.join(map(toml_string, term.variants))}]")
        if term.case_sensitive is not None:
            lines.append(f"case_sensitive = {'true' if term.case_sensitive else 'false'}")
        if term.keep:
            lines.append("keep = true")
        if term.note:
            lines.append(f"note = {toml_string(term.note)}")
        for table, values in (("targets", term.targets), ("readings", term.readings)):
            if values:
                lines.append(f"[term.{table}]")
                lines += [f"{lang} = {toml_string(value)}" for lang, value in values.items()]
    return "\n".join(lines).lstrip("\n") + "\n"


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
