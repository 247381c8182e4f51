"""TMX 1.4b, the translation memory interchange format of CAT tools (OmegaT, Trados...).

Reading (:func:`read_tmx`) follows these rules:

* the XML is parsed with expat under :mod:`l10n.xmlsafe`'s rules: a document type with
  an internal subset, any entity declaration, or an entity reference that would need one
  is refused (no entity expansion, no external files). ``<!DOCTYPE tmx SYSTEM
  "tmx14.dtd">`` alone is accepted;
* each ``<tu>`` gives one unit per ``<tuv>`` in another language than its source. The
  source language is the ``srclang`` of the ``<tu>``, else of the ``<header>``; with
  ``*all*`` (or none) the first ``<tuv>`` is the source. A ``<tu>`` without a ``<tuv>``
  in its source language, or with an empty ``<seg>``, is skipped;
* the text of ``<seg>`` and ``<hi>`` is kept; native codes (``<bpt>``, ``<ept>``,
  ``<it>``, ``<ph>``, ``<ut>``) are dropped, as the datatype is plain text;
* ``xml:lang`` (or TMX 1.1 ``lang``) is validated with Babel and stored in gettext form
  (``ko-KR`` -> ``ko_KR``);
* ``<prop type="x-l10n-kind">`` (``reviewed``/``machine``, default ``reviewed``),
  ``x-l10n-engine``, ``x-l10n-model`` and ``x-l10n-origin`` (default ``tmx:<file name>``)
  are read back; ``creationdate``/``changedate`` too, when well formed.

Any error raises :class:`~l10n.errors.InputError` with the file and line; the caller
stores nothing. :func:`render_tmx` writes what :func:`read_tmx` reads, deterministically
(the header's date is the newest unit's), so an unchanged export is byte-identical.
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.parsers import expat

from l10n import __version__
from l10n.errors import InputError, L10nWarning, LanguageError
from l10n.fsutil import write_atomic
from l10n.lang import base_language, bcp47, validate_language
from l10n.memory.units import MACHINE, REVIEWED, Unit, now
from l10n.text.incoming import Refused, admit
from l10n.xmlsafe import guard

if TYPE_CHECKING:
    from l10n.memory.store import Memory

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = {"bpt", "ept", "it", "ph", "ut"}  # native codes: not text
_PROP = "x-l10n-"


@dataclass
class _Variant:
    lang: str
    line: int
    text: list[str] = field(default_factory=list)
    has_seg: bool = False


@dataclass
class _Tu:
    line: int
    srclang: str | None
    created: str | None
    updated: str | None
    props: dict[str, str] = field(default_factory=dict)
    variants: list[_Variant] = field(default_factory=list)


class _Reader:
    """expat callbacks building units; raises InputError at the first problem."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parser = expat.ParserCreate()
        self.stack: list[str] = []
        self.srclang: str | None = None
        self.tu: _Tu | None = None
        self.variant: _Variant | None = None
        self.prop: tuple[str, list[str]] | None = None
        self.skip = 0  # depth inside native codes
        self.units: list[Unit] = []

    def fail(self, message: str, line: int | None = None) -> InputError:
        return InputError(
            message,
            path=self.path,
            line=line or self.parser.CurrentLineNumber,
            hint="fix the TMX file; nothing was imported",
        )

    def read(self, data: bytes) -> list[Unit]:
        p = self.parser
        guard(p, lambda what: self.fail(f"refused: the TMX file has {what}"))
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.chars
        try:
            p.Parse(data, True)
        except expat.ExpatError as exc:
            message = expat.errors.messages[exc.code]
            raise self.fail(f"malformed XML: {message}", exc.lineno) from None
        return self.units

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        parent = self.stack[-1] if self.stack else None
        self.stack.append(tag)
        line = self.parser.CurrentLineNumber
        if parent is None and tag != "tmx":
            raise self.fail(f"not a TMX file: the root element is <{tag}>, not <tmx>")
        if self.skip or tag in _CODES:
            self.skip += 1
        elif tag == "header" and parent == "tmx":
            self.srclang = attrs.get("srclang")
        elif tag == "tu":
            if parent != "body":
                raise self.fail("<tu> outside <body>")
            self.tu = _Tu(
                line, attrs.get("srclang"),
                _date(attrs.get("creationdate")), _date(attrs.get("changedate")),
            )  # fmt: skip
        elif tag == "tuv":
            lang = attrs.get("xml:lang") or attrs.get("lang")
            if self.tu is None or parent != "tu":
                raise self.fail("<tuv> outside <tu>")
            if not lang:
                raise self.fail("<tuv> without xml:lang")
            self.variant = _Variant(self.language(lang), line)
        elif tag == "seg":
            if self.variant is None or parent != "tuv":
                raise self.fail("<seg> outside <tuv>")
            self.variant.has_seg = True
        elif tag == "prop" and parent == "tu":
            self.prop = (attrs.get("type", ""), [])

    def end(self, tag: str) -> None:
        self.stack.pop()
        if self.skip:
            self.skip -= 1
        elif tag == "prop" and self.prop is not None and self.tu is not None:
            self.tu.props[self.prop[0]] = "".join(self.prop[1]).strip()
            self.prop = None
        elif tag == "tuv" and self.variant is not None and self.tu is not None:
            if not self.variant.has_seg:
                raise self.fail("<tuv> without <seg>", self.variant.line)
            self.tu.variants.append(self.variant)
            self.variant = None
        elif tag == "tu" and self.tu is not None:
            self.units.extend(self.convert(self.tu))
            self.tu = None

    def chars(self, data: str) -> None:
        if self.skip:
            return
        if self.prop is not None:
            self.prop[1].append(data)
        elif self.variant is not None and self.stack[-1] in ("seg", "hi"):
            self.variant.text.append(data)

    def language(self, code: str) -> str:
        try:
            return validate_language(code)
        except LanguageError as exc:
            raise self.fail(exc.format_message()) from None

    def convert(self, tu: _Tu) -> list[Unit]:
        """One unit per translation of the tu's source variant."""
        kind = tu.props.get(_PROP + "kind", REVIEWED)
        if kind not in (REVIEWED, MACHINE):
            raise self.fail(f"unknown x-l10n-kind '{kind}' (reviewed or machine)", tu.line)
        srclang = tu.srclang or self.srclang
        variants = [v for v in tu.variants if "".join(v.text)]
        if not variants:
            return []
        source = variants[0]
        if srclang and srclang != "*all*":
            wanted = self.language(srclang)
            found = [v for v in variants if v.lang == wanted]
            found = found or [v for v in variants if base_language(v.lang) == base_language(wanted)]
            if not found:
                return []
            source = found[0]
        created = tu.created or tu.updated or now()
        origin = tu.props.get(_PROP + "origin") or f"tmx:{self.path.name}"
        return [
            Unit(
                0, source.lang, v.lang, "".join(source.text), self.admitted(v), origin, kind,
                tu.props.get(_PROP + "engine", ""), tu.props.get(_PROP + "model", ""),
                created, tu.updated or created,
            )  # fmt: skip
            for v in variants
            if base_language(v.lang) != base_language(source.lang)
        ]


    def admitted(self, variant: _Variant) -> str:
        """A translation through the gate for text entering l10n (l10n.text.incoming)."""
        try:
            admitted = admit("".join(variant.text))
        except Refused as refused:
            raise self.fail(f"unusable translation: {refused}", variant.line) from None
        if admitted.removed:
            warnings.warn(L10nWarning(f"a translation held control characters: "
                                      f"{admitted.note}", path=self.path, line=variant.line),
                          stacklevel=2)
        return admitted.text


def _date(value: str | None) -> str | None:
    """TMX ``20251102T062439Z`` -> ``2025-11-02T06:24:39Z``; None when malformed."""
    try:
        return datetime.strptime(value or "", "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None


def _tmx_date(value: str) -> str:
    return value.replace("-", "").replace(":", "")


def read_tmx(path: Path) -> list[Unit]:
    """The units of a TMX file (ids 0), or InputError with file and line."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the TMX file: {exc.strerror}", path=path) from None
    return _Reader(Path(path)).read(data)


def render_tmx(units: Sequence[Unit], source: str | None = None) -> str:
    """TMX 1.4b for ``units``: one ``<tu>`` per unit, l10n's data as ``x-l10n-*`` props."""
    sources = {u.source_lang for u in units}
    srclang = bcp47(source) if source else bcp47(sources.pop()) if len(sources) == 1 else "*all*"
    root = ET.Element("tmx", version="1.4")
    newest = max((u.updated for u in units), default="1970-01-01T00:00:00Z")
    header = {
        "creationtool": "l10n",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "l10n-sqlite",
        "adminlang": "en",
        "srclang": srclang,
        "datatype": "plaintext",
        "creationdate": _tmx_date(newest),
    }
    ET.SubElement(root, "header", header)
    body = ET.SubElement(root, "body")
    for unit in units:
        tu = ET.SubElement(
            body, "tu", creationdate=_tmx_date(unit.created), changedate=_tmx_date(unit.updated)
        )
        if srclang == "*all*":
            tu.set("srclang", bcp47(unit.source_lang))
        for name in ("kind", "origin", "engine", "model"):
            value = getattr(unit, name)
            if value:
                ET.SubElement(tu, "prop", type=_PROP + name).text = value
        pairs = ((unit.source_lang, unit.source_text), (unit.target_lang, unit.target_text))
        for lang, text in pairs:
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: bcp47(lang)})
            ET.SubElement(tuv, "seg").text = text
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def import_tmx(memory: Memory, path: Path) -> int:
    """Read a TMX file (the module's rules) and store its units in one transaction; return
    how many were added or changed (0 for a second import). A malformed file raises
    InputError with its line, and nothing is imported."""
    units = read_tmx(Path(path))
    with memory.transaction():
        return sum(memory.put(unit) for unit in units)


def export_tmx(
    memory: Memory,
    path: Path,
    source: str | None = None,
    target: str | Sequence[str] | None = None,
) -> int:
    """Write the units (of the given languages) as TMX 1.4b, atomically; return how many.
    An unchanged export leaves the file untouched."""
    units = memory.units(source, target)
    write_atomic(Path(path), render_tmx(units, source))
    return len(units)


__all__ = ["export_tmx", "import_tmx", "read_tmx", "render_tmx"]
