"""XML from other tools, read safely: the one place that says what l10n refuses in XML.

Every XML file l10n reads (TMX, TBX, XLIFF) comes from somewhere else, so it is parsed
with expat under these rules (:func:`guard`):

* a document type declaration with an internal subset is refused: that is where entity
  expansion attacks ("billion laughs") and external entities are declared;
* any entity declaration is refused, and so is a reference to an entity nothing
  declares; external DTDs and entities are never fetched (expat is not given a handler
  for them). ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` alone is accepted.

:func:`parse_xml` builds an ElementTree (namespaced names as ``{uri}local``) and the line
of every element; any problem is an :class:`~l10n.errors.InputError` with the file and
line.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.parsers import expat

from l10n.errors import InputError


def guard(parser: Any, refuse: Callable[[str], BaseException]) -> None:
    """Make the expat ``parser`` raise ``refuse(what)`` for what the module refuses."""

    def doctype(_name: str, _system: str | None, _public: str | None, internal: int) -> None:
        if internal:
            raise refuse("a DOCTYPE with an internal subset (DTD)")

    def entity(*_args: object) -> None:
        raise refuse("an entity declaration")

    def skipped(name: str, _is_parameter: int) -> None:
        raise refuse(f"a reference to the undeclared entity &{name};")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.SkippedEntityHandler = skipped


class _Refused(Exception):
    pass


def parse_xml(
    path: Path, *, what: str = "XML", data: bytes | None = None
) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The ElementTree of ``path`` (or of ``data`` read from it) and each element's line.
    ``what`` names the format in messages (``TBX``, ``XLIFF``)."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    parser = expat.ParserCreate(namespace_separator="}")
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}

    def name(raw_name: str) -> str:
        return "{" + raw_name if "}" in raw_name else raw_name

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = builder.start(name(tag), {name(k): v for k, v in attrs.items()})
        lines[element] = parser.CurrentLineNumber

    guard(parser, _Refused)
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise InputError(
            f"refused: the file has {exc}", path=path, line=parser.CurrentLineNumber,
            hint=f"{what} needs no DTD subset or entities; remove them",
        ) from None
    except expat.ExpatError as exc:
        raise InputError(
            f"malformed XML: {expat.ErrorString(exc.code)}", path=path, line=exc.lineno,
            hint=f"fix the XML (is it a {what} file?)",
        ) from None
    return builder.close(), lines


__all__ = ["guard", "parse_xml"]
