"""TBX (ISO 30042) glossary exchange: write TBX-Basic v3, read TBX v3 and the older martif form.

Written (TBX v3, TBX-Basic dialect, DCA style)::

    <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
      <tbxHeader>...</tbxHeader>
      <text><body>
        <conceptEntry id="c1">
          <note>the term's note</note>
          <langSec xml:lang="en">
            <termSec><term>PC Bang</term>
              <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
              <note>l10n: case-insensitive</note></termSec>
            <termSec><term>PC bangs</term>      <!-- a variant -->
              <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
          </langSec>
          <langSec xml:lang="ko"><termSec><term>PC방</term></termSec></langSec>
        </conceptEntry>
      </body></text>
    </tbx>

What l10n needs beyond TBX-Basic travels as notes starting with ``l10n:`` (other tools
show them to translators as plain notes): ``l10n: keep (do not translate)`` and
``l10n: case-insensitive`` or ``l10n: case-sensitive`` on the source term (neither: the
default case rule), ``l10n: reading 지싱크`` on a target term.

Read: ``tbx``/``conceptEntry``/``langSec``/``termSec`` (v3, with or without namespace) and
``martif``/``termEntry``/``langSet``/``tig``/``ntig`` (TBX-Basic 2008). In the source
language the preferred term (else the first) is the source and the others are variants;
in a target language the preferred term (else the first that is not deprecated,
superseded or forbidden) is the target. Codes are stored as Babel names them
(``zh-CN`` -> ``zh_Hans_CN``); with ``langs=["zh"]`` a ``zh-CN`` section is read as
``zh``. Notes and definitions of the concept and of the source language become the
note; notes of target languages are dropped. An entry with
no target (after ``langs``) is skipped and reported. A document type declaration with
an internal subset, any entity declaration, or a reference to an entity nobody defined
(which expat skips silently when the document names an external DTD) is refused (no
entity expansion attacks, no text lost); external DTDs are never fetched.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from l10n.errors import GlossaryError, InputError, L10nError, LanguageError
from l10n.glossary.load import glossary_error
from l10n.lang import validate_language
from l10n.model import Term
from l10n.xmlsafe import parse_xml

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
_REJECTED = ("deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "forbiddenTerm-admn-sts")
_FLAG = re.compile(r"^l10n:\s*(keep|case-insensitive|case-sensitive|reading)\b\s*(.*)$", re.S)
KEEP_NOTE = "l10n: keep (do not translate)"
CASE_NOTE = "l10n: case-insensitive"
CASE_SENSITIVE_NOTE = "l10n: case-sensitive"


def write_tbx(terms: Iterable[Term], *, source_lang: str = "en",
              langs: Sequence[str] | None = None) -> str:
    """TBX-Basic v3 (DCA) for ``terms``; ``langs`` limits the target languages written."""
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: source_lang,
                              "xmlns": TBX_NS})
    header = ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = "l10n glossary export"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, term in enumerate(terms, start=1):
        body.append(_concept(term, number, source_lang, langs))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _concept(term: Term, number: int, source_lang: str, langs: Sequence[str] | None) -> ET.Element:
    entry = ET.Element("conceptEntry", {"id": f"c{number}"})
    if term.note:
        ET.SubElement(entry, "note").text = term.note
    case = {False: [CASE_NOTE], True: [CASE_SENSITIVE_NOTE], None: []}[term.case_sensitive]
    flags = ([KEEP_NOTE] if term.keep else []) + case
    source = ET.SubElement(entry, "langSec", {XML_LANG: source_lang})
    _term_sec(source, term.source, PREFERRED, flags)
    for variant in term.variants:
        _term_sec(source, variant, ADMITTED, [])
    wanted = {*term.targets, *term.readings} if langs is None else langs
    for lang in sorted(wanted):
        target = term.target(lang)
        if target is None:
            continue
        reading = term.readings.get(lang)
        lang_sec = ET.SubElement(entry, "langSec", {XML_LANG: lang.replace("_", "-")})
        _term_sec(lang_sec, target, None, [f"l10n: reading {reading}"] if reading else [])
    return entry


def _term_sec(parent: ET.Element, text: str, status: str | None, notes: list[str]) -> None:
    sec = ET.SubElement(parent, "termSec")
    ET.SubElement(sec, "term").text = text
    if status:
        ET.SubElement(sec, "termNote", {"type": "administrativeStatus"}).text = status
    for note in notes:
        ET.SubElement(sec, "note").text = note


@dataclass(frozen=True, slots=True)
class TbxResult:
    terms: tuple[Term, ...]
    skipped: tuple[str, ...]  # "file:line: source" of entries with no target


def read_tbx(path: Path, *, source_lang: str = "en",
             langs: Sequence[str] | None = None) -> TbxResult:
    """Terms of a TBX file; every problem at once as a GlossaryError (file and line)."""
    root, lines = parse_xml(path, what="TBX")
    if _local(root.tag) not in ("tbx", "martif"):
        raise InputError(f"not a TBX file: the root element is <{_local(root.tag)}>",
                         path=path, line=lines.get(root), hint="expected <tbx> or <martif>")
    problems: list[L10nError] = []
    terms: list[Term] = []
    skipped: list[str] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("conceptEntry", "termEntry"):
            continue
        reader = _EntryReader(path, lines, source_lang, langs, problems)
        term = reader.read(entry)
        if term is not None and (term.targets or term.keep):
            terms.append(term)
        elif term is not None:
            skipped.append(f"{path}:{term.line}: {term.source}")
    if problems:
        raise glossary_error(problems, path)
    return TbxResult(tuple(terms), tuple(skipped))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _children(element: ET.Element, *names: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) in names]


class _EntryReader:
    """Reads one conceptEntry/termEntry into a Term, adding problems as it goes."""

    def __init__(self, path: Path, lines: dict[ET.Element, int], source_lang: str,
                 langs: Sequence[str] | None, problems: list[L10nError]) -> None:
        self.path, self.lines, self.problems = path, lines, problems
        self.source_lang = source_lang.replace("-", "_").split("_")[0].casefold()
        self.langs = None if langs is None else set(langs)

    def fail(self, element: ET.Element, message: str, hint: str) -> None:
        self.problems.append(GlossaryError(message, path=str(self.path),
                                           line=self.lines.get(element), hint=hint))

    def read(self, entry: ET.Element) -> Term | None:
        notes = _notes(entry)
        forms: list[str] = []
        flags: set[str] = set()
        targets: dict[str, str] = {}
        readings: dict[str, str] = {}
        for sec in _children(entry, "langSec", "langSet"):
            lang = sec.get(XML_LANG) or sec.get("lang") or ""
            groups = [g for g in sec.iter() if _local(g.tag) in ("termSec", "tig", "ntig")]
            if lang.replace("-", "_").split("_")[0].casefold() == self.source_lang:
                notes += _notes(sec)
                forms += self._source_forms(groups, flags, notes)
                continue
            self._target(sec, lang, groups, targets, readings)
        if not forms:
            self.fail(entry, f"entry has no term in the source language '{self.source_lang}'",
                      f"add a langSec xml:lang=\"{self.source_lang}\" with a term")
            return None
        keep = "keep" in flags
        return Term(
            source=forms[0], variants=tuple(v for v in dict.fromkeys(forms[1:]) if v != forms[0]),
            targets=MappingProxyType({k: v for k, v in targets.items()
                                      if not (keep and v == forms[0])}),
            keep=keep, case_sensitive=False if "case-insensitive" in flags
            else True if "case-sensitive" in flags else None,
            note="; ".join(dict.fromkeys(n for n in notes if n)),
            readings=MappingProxyType(readings), file=str(self.path),
            line=self.lines.get(entry, 0))

    def _source_forms(self, groups: list[ET.Element], flags: set[str],
                      notes: list[str]) -> list[str]:
        preferred: list[str] = []
        others: list[str] = []
        for group in groups:
            term = _term_text(group)
            if not term:
                continue
            for note in _group_notes(group):
                flag = _FLAG.match(note)
                if flag:
                    flags.add(flag.group(1))
                else:
                    notes.append(note)
            (preferred if _status(group) == PREFERRED else others).append(term)
        return preferred + others

    def _target(self, sec: ET.Element, lang: str, groups: list[ET.Element],
                targets: dict[str, str], readings: dict[str, str]) -> None:
        try:
            code = validate_language(lang)
        except LanguageError as exc:
            self.fail(sec, exc.message, "set xml:lang to a language code such as ko, ja, zh-CN")
            return
        if self.langs is not None and code not in self.langs:
            # zh-CN is wanted as zh when zh is asked for
            code = next((w for w in self.langs if w == code.split("_")[0]), "")
            if not code:
                return
        usable = [g for g in groups if _term_text(g) and _status(g) not in _REJECTED]
        usable.sort(key=lambda g: _status(g) != PREFERRED)
        if not usable:
            return
        targets.setdefault(code, _term_text(usable[0]))
        for note in _group_notes(usable[0]):
            flag = _FLAG.match(note)
            if flag and flag.group(1) == "reading" and flag.group(2).strip():
                readings.setdefault(code, flag.group(2).strip())


def _term_text(group: ET.Element) -> str:
    term = next((t for t in group.iter() if _local(t.tag) == "term"), None)
    return _text(term) if term is not None else ""


def _status(group: ET.Element) -> str:
    for note in group.iter():
        if _local(note.tag) == "termNote" and note.get("type") == "administrativeStatus":
            return _text(note)
    return ""


def _group_notes(group: ET.Element) -> list[str]:
    return [_text(n) for n in group.iter() if _local(n.tag) == "note"]


def _notes(element: ET.Element) -> list[str]:
    """Notes and definitions directly on a concept or language section (or in a descripGrp)."""
    found: list[str] = []
    for child in element:
        local = _local(child.tag)
        if local == "note" or (local == "descrip" and child.get("type") == "definition"):
            found.append(_text(child))
        elif local == "descripGrp":
            found += _notes(child)
    return found
