"""XLIFF 1.2 (OASIS, 2008), written and read, as Okapi, memoQ and Trados exchange it.

Written (valid against the strict schema), one ``<file>`` per article::

    <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
      <file original="seeds/x.txt" source-language="en" target-language="ko"
            datatype="plaintext" product-name="x">
        <body>
          <trans-unit id="u3f2a9c0d1e7b" resname="paragraph 1" xml:space="preserve"
                      extradata="l10n-version:9c1b04088628">
            <source>Go <bpt id="1">&lt;em&gt;</bpt>now<ept id="1">&lt;/em&gt;</ept></source>
            <target state="translated">...</target>
            <alt-trans alttranstype="previous-version">
              <source>the previous source</source><target>its translation</target></alt-trans>
            <note from="l10n" annotates="general">location: seeds/x.txt:4</note>
          </trans-unit>

``product-name`` holds the article's slug; ``extradata`` the entry's version; notes are
``category: text`` (the categories of :mod:`l10n.interchange.xliff2`).

Read: ``<trans-unit>`` anywhere under ``<body>`` (groups too); ``<seg-source>`` ignored,
``<mrk>`` (Trados's ``mtype="seg"`` segments included) unwrapped; codes ``<bpt>``/
``<ept>``/``<ph>``/``<it>`` with their native markup, ``<g>``/``<x>``/``<bx>``/``<ex>``
without (filled in by id). The state (:mod:`l10n.interchange.units`): reviewed for
``approved="yes"``, a target ``state`` of ``final`` or ``signed-off``, memoQ's
``mq:status`` ``Proofread``/``Reviewer1Confirmed``/``Reviewer2Confirmed``, Trados's
``sdl:seg conf`` ``ApprovedTranslation``/``ApprovedSignOff``; initial for ``new``,
``needs-translation``, memoQ's ``NotStarted`` or an empty target; else translated.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from l10n.interchange.codes import END, PH, START, Code, Part
from l10n.interchange.units import (
    INITIAL,
    REVIEWED_STATE,
    TRANSLATED,
    Document,
    Note,
    Unit,
    least,
    only_file,
)

NS = "urn:oasis:names:tc:xliff:document:1.2"
MQ = "MQXliff"
SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
_X = "{" + NS + "}"
_VERSION = "l10n-version:"
_REVIEWED = {"final", "signed-off"}
_INITIAL = {"new", "needs-translation"}
_MQ_REVIEWED = {"Proofread", "Reviewer1Confirmed", "Reviewer2Confirmed"}
_SDL_REVIEWED = {"ApprovedTranslation", "ApprovedSignOff"}


def write(doc: Document) -> str:
    """The document as XLIFF 1.2 (deterministic)."""
    root = ET.Element("xliff", {"xmlns": NS, "version": "1.2"})
    file = ET.SubElement(root, "file", {
        "original": doc.original, "source-language": doc.source_lang,
        "target-language": doc.target_lang, "datatype": "plaintext", "product-name": doc.slug,
    })
    body = ET.SubElement(file, "body")
    fills: list[tuple[ET.Element, tuple[Part, ...]]] = []
    for unit in doc.units:
        element = ET.SubElement(body, "trans-unit", {"id": unit.id, "xml:space": "preserve"})
        if unit.name:
            element.set("resname", unit.name)
        if unit.version:
            element.set("extradata", _VERSION + unit.version)
        if unit.state != INITIAL:
            element.set("approved", "yes" if unit.state == REVIEWED_STATE else "no")
        fills.append((ET.SubElement(element, "source"), unit.source))
        if unit.target is not None:
            target = ET.SubElement(element, "target", {"state": _state_12(unit.state)})
            fills.append((target, unit.target))
        if unit.previous is not None and unit.target:
            alt = ET.SubElement(element, "alt-trans", {"alttranstype": "previous-version"})
            ET.SubElement(alt, "source").text = unit.previous
            fills.append((ET.SubElement(alt, "target"), unit.target))
        for note in unit.notes:
            ET.SubElement(element, "note", {"from": "l10n"}).text = (
                f"{note.category}: {note.text}"
            )
    ET.indent(root, space="  ")
    for element, parts in fills:
        _fill(element, parts)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _state_12(state: str) -> str:
    return {INITIAL: "new", TRANSLATED: "translated", REVIEWED_STATE: "signed-off"}.get(
        state, "final"
    )


def _fill(element: ET.Element, parts: tuple[Part, ...]) -> None:
    for part in parts:
        if isinstance(part, str):
            if len(element):
                element[-1].tail = (element[-1].tail or "") + part
            else:
                element.text = (element.text or "") + part
            continue
        tag = {PH: "ph", START: "bpt", END: "ept"}[part.kind]
        ET.SubElement(element, tag, {"id": part.id}).text = part.original or ""


# ---------------------------------------------------------------------------- reading
def read(root: ET.Element, lines: dict[ET.Element, int], path: Path) -> Document:
    """The units of an XLIFF 1.2 document (the module's rules)."""
    file = only_file(root, _X + "file", lines, path)
    units = tuple(_unit(u, lines) for u in file.iter(_X + "trans-unit"))
    return Document("1.2", file.get("source-language", ""), file.get("target-language", ""),
                    file.get("original", ""), file.get("product-name", ""), units, path,
                    lines.get(file, 0))


def _unit(element: ET.Element, lines: dict[ET.Element, int]) -> Unit:
    source = element.find(_X + "source")
    target = element.find(_X + "target")
    target_parts = tuple(_inline(target)) if target is not None else None
    extradata = element.get("extradata", "")
    version = extradata[len(_VERSION):] if extradata.startswith(_VERSION) else None
    notes = tuple(Note("", "".join(n.itertext())) for n in element.findall(_X + "note"))
    return Unit(element.get("id", ""), tuple(_inline(source)) if source is not None else (),
                target_parts, _state(element, target), element.get("resname", ""), notes,
                None, version, lines.get(element, 0))


def _state(unit: ET.Element, target: ET.Element | None) -> str:
    if target is None or not "".join(target.itertext()).strip() and not len(target):
        return INITIAL
    given = target.get("state", "")
    memoq = unit.get("{" + MQ + "}status", "")
    trados = [seg.get("conf", "") for seg in unit.iter("{" + SDL + "}seg")]
    if trados:
        return least([REVIEWED_STATE if c in _SDL_REVIEWED else TRANSLATED for c in trados])
    if (unit.get("approved") == "yes" or given in _REVIEWED or memoq in _MQ_REVIEWED):
        return REVIEWED_STATE
    if given in _INITIAL or memoq == "NotStarted":
        return INITIAL
    return TRANSLATED


def _inline(element: ET.Element) -> list[Part]:
    parts: list[Part] = [element.text] if element.text else []
    for child in element:
        tag = child.tag.removeprefix(_X)
        ident = child.get("id", "")
        native = "".join(child.itertext())
        if tag == "bpt":
            parts.append(Code(START, ident, native))
        elif tag == "ept":
            parts.append(Code(END, ident, native))
        elif tag in ("ph", "it"):
            parts.append(Code(PH, ident, native))
        elif tag == "g":
            parts += [Code(START, ident), *_inline(child), Code(END, ident)]
        elif tag == "x":
            parts.append(Code(PH, ident))
        elif tag == "bx":
            parts.append(Code(START, child.get("rid") or ident))
        elif tag == "ex":
            parts.append(Code(END, child.get("rid") or ident))
        elif tag == "mrk":
            parts += _inline(child)
        if child.tail:
            parts.append(child.tail)
    return parts


__all__ = ["NS", "read", "write"]
