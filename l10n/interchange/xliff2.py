"""XLIFF 2.1 (OASIS, 2018), written and read; 2.0 files are read too.

Written, one ``<file>`` per article and one ``<unit>`` per catalog entry::

    <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en"
           trgLang="ko" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0">
      <file id="nvidia-korea-ai-alliance" original="seeds/nvidia-korea-ai-alliance.txt">
        <unit id="u3f2a9c0d1e7b" name="paragraph 1" xml:space="preserve">
          <mda:metadata><mda:metaGroup category="l10n">
            <mda:meta type="version">9c1b04088628</mda:meta></mda:metaGroup></mda:metadata>
          <notes><note category="location">seeds/...:4</note> ... </notes>
          <originalData><data id="d1">&lt;em&gt;</data> ...</originalData>
          <segment state="translated"><source>...</source><target>...</target></segment>
        </unit>

Notes (``category``): ``location`` (file:line), ``context`` (the block), ``mt``
(provenance), ``glossary`` (a term and what became of it), ``tm`` (a memory
suggestion), ``translator`` (the translator's comment), ``previous-source`` (the
source a fuzzy translation was made for). The metadata module (``mda``) carries the
entry's version, so that an import never overwrites work done since the export.

Read: every ``<file>``, ``<group>``, ``<unit>``; a unit's ``<segment>``\\ s and
``<ignorable>``\\ s joined in order (a tool may split a unit), its state the least done of
its segments (``initial`` when none is given and there is no target, else
``translated``); inline ``<ph>``, ``<pc>``, ``<sc>``/``<ec>`` with their
``<originalData>``; ``<mrk>``/``<sm>``/``<em>`` annotations dropped (their text kept);
``<cp hex>`` as the character.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from l10n.interchange.codes import END, PH, START, Code, Part
from l10n.interchange.units import (
    INITIAL,
    ORDER,
    TRANSLATED,
    Document,
    Note,
    Unit,
    least,
    only_file,
)

NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
_X = "{" + NS + "}"


def write(doc: Document) -> str:
    """The document as XLIFF 2.1 (deterministic)."""
    root = ET.Element("xliff", {"xmlns": NS, "xmlns:mda": MDA, "version": "2.1",
                                "srcLang": doc.source_lang, "trgLang": doc.target_lang})
    file = ET.SubElement(root, "file", {"id": doc.slug, "original": doc.original})
    fills: list[tuple[ET.Element, tuple[Part, ...], dict[str, str]]] = []
    for unit in doc.units:
        element = ET.SubElement(file, "unit", {"id": unit.id, "xml:space": "preserve"})
        if unit.name:
            element.set("name", unit.name)
        if unit.version:
            group = ET.SubElement(ET.SubElement(element, "mda:metadata"), "mda:metaGroup",
                                  {"category": "l10n"})
            ET.SubElement(group, "mda:meta", {"type": "version"}).text = unit.version
        if unit.notes:
            notes = ET.SubElement(element, "notes")
            for note in unit.notes:
                ET.SubElement(notes, "note", {"category": note.category}).text = note.text
        data: dict[str, str] = {}
        for parts in (unit.source, unit.target or ()):
            for part in parts:
                if isinstance(part, Code) and part.original is not None:
                    data.setdefault(_data_id(part), part.original)
        if data:
            original = ET.SubElement(element, "originalData")
            for key in sorted(data, key=_data_order):
                ET.SubElement(original, "data", {"id": key}).text = data[key]
        segment = ET.SubElement(element, "segment", {"state": unit.state})
        fills.append((ET.SubElement(segment, "source"), unit.source, data))
        if unit.target is not None:
            fills.append((ET.SubElement(segment, "target"), unit.target, data))
    ET.indent(root, space="  ")  # before the mixed content goes in: it must stay as it is
    for element, parts, _ in fills:
        _fill(element, parts)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _data_id(code: Code) -> str:
    return f"d{code.id}" + {PH: "", START: "s", END: "e"}[code.kind]


def _data_order(key: str) -> tuple[int, str]:
    return int(key[1:].rstrip("se")), key


def _fill(element: ET.Element, parts: tuple[Part, ...]) -> None:
    """Mixed content: text, ``<ph>``, and ``<pc>`` around what a pair encloses."""
    stack = [element]
    for part in parts:
        current = stack[-1]
        if isinstance(part, str):
            if len(current):
                current[-1].tail = (current[-1].tail or "") + part
            else:
                current.text = (current.text or "") + part
        elif part.kind == PH:
            ET.SubElement(current, "ph", {"id": part.id, "dataRef": _data_id(part),
                                          "disp": part.original or ""})
        elif part.kind == START:
            end = _data_id(Code(END, part.id))
            stack.append(ET.SubElement(current, "pc", {
                "id": part.id, "dataRefStart": _data_id(part), "dataRefEnd": end,
                "dispStart": part.original or "",
            }))
        elif len(stack) > 1:
            stack.pop()


# ---------------------------------------------------------------------------- reading
def read(root: ET.Element, lines: dict[ET.Element, int], path: Path) -> Document:
    """The units of an XLIFF 2.x document (the module's rules)."""
    file = only_file(root, _X + "file", lines, path)
    units = tuple(_unit(u, lines) for u in file.iter(_X + "unit"))
    return Document(root.get("version", "2.0"), root.get("srcLang", ""),
                    root.get("trgLang", ""), file.get("original", ""), file.get("id", ""),
                    units, path, lines.get(file, 0))


def _unit(element: ET.Element, lines: dict[ET.Element, int]) -> Unit:
    data = {d.get("id", ""): _text(d) for d in element.iter(_X + "data")}
    source: list[Part] = []
    target: list[Part] = []
    states: list[str] = []
    has_target = False
    for child in element:
        if child.tag not in (_X + "segment", _X + "ignorable"):
            continue
        src, tgt = child.find(_X + "source"), child.find(_X + "target")
        source += _inline(src, data) if src is not None else []
        if tgt is not None:
            has_target = True
            target += _inline(tgt, data)
        elif src is not None:
            target += _inline(src, data) if child.tag == _X + "ignorable" else []
        if child.tag == _X + "segment":
            given = child.get("state")
            states.append(given if given in ORDER else TRANSLATED if tgt is not None
                          else INITIAL)
    notes = tuple(Note(n.get("category", ""), _text(n)) for n in element.iter(_X + "note"))
    version = next((m.text or "" for m in element.iter("{" + MDA + "}meta")
                    if m.get("type") == "version"), None)
    return Unit(element.get("id", ""), tuple(source), tuple(target) if has_target else None,
                least(states), element.get("name", ""), notes, None, version,
                lines.get(element, 0))


def _text(element: ET.Element) -> str:
    """Text with ``<cp hex>`` as characters."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _X + "cp":
            parts.append(_char(child))
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _char(element: ET.Element) -> str:
    try:
        return chr(int(element.get("hex", ""), 16))
    except ValueError:
        return ""


def _inline(element: ET.Element, data: dict[str, str]) -> list[Part]:
    parts: list[Part] = [element.text] if element.text else []
    for child in element:
        tag = child.tag.removeprefix(_X)
        ident = child.get("id", "")
        if tag == "ph":
            parts.append(Code(PH, ident, data.get(child.get("dataRef", ""))))
        elif tag == "pc":
            parts.append(Code(START, ident, data.get(child.get("dataRefStart", ""))))
            parts += _inline(child, data)
            parts.append(Code(END, ident, data.get(child.get("dataRefEnd", ""))))
        elif tag == "sc":
            parts.append(Code(START, ident, data.get(child.get("dataRef", ""))))
        elif tag == "ec":
            parts.append(Code(END, child.get("startRef") or ident,
                              data.get(child.get("dataRef", ""))))
        elif tag == "cp":
            parts.append(_char(child))
        else:  # mrk, sm, em and foreign elements: annotations, their text only
            parts += [p for p in _inline(child, data) if tag == "mrk" or isinstance(p, str)]
        if child.tail:
            parts.append(child.tail)
    return parts


__all__ = ["MDA", "NS", "read", "write"]
