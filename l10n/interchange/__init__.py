"""Exchange formats between catalogs and CAT tools: XLIFF 2.1 and 1.2.

:func:`render` writes a :class:`~l10n.interchange.units.Document` in either version;
:func:`read` reads a file of either version (2.0, 2.1, 1.2; as Okapi, memoQ and Trados
write them), with the safe XML rules of :mod:`l10n.xmlsafe`: a malformed or hostile
file is an :class:`~l10n.errors.InputError` with its line. Inline codes:
:mod:`l10n.interchange.codes`.
"""

from __future__ import annotations

from pathlib import Path

from l10n.errors import InputError
from l10n.interchange import xliff2, xliff12
from l10n.interchange.units import Document, Note, Unit
from l10n.xmlsafe import parse_xml

VERSIONS = ("2.1", "1.2")


def render(doc: Document) -> str:
    """The document as XLIFF ``doc.version`` (2.1 or 1.2)."""
    if doc.version == "1.2":
        return xliff12.write(doc)
    return xliff2.write(doc)


def read(path: Path) -> Document:
    """The XLIFF file at ``path`` (2.x or 1.2)."""
    root, lines = parse_xml(path, what="XLIFF")
    if root.tag == "{" + xliff2.NS + "}xliff":
        return xliff2.read(root, lines, path)
    if root.tag == "{" + xliff12.NS + "}xliff":
        return xliff12.read(root, lines, path)
    raise InputError(
        f"not an XLIFF file: the root element is <{root.tag.rsplit('}', 1)[-1]}> in "
        f"namespace '{root.tag[1:].split('}')[0] if '}' in root.tag else ''}'",
        path=path, line=lines.get(root), hint="give an XLIFF 2.x or 1.2 file",
    )


__all__ = ["VERSIONS", "Document", "Note", "Unit", "read", "render"]
