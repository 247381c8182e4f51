"""A table of figures set in the story, between its paragraphs, which the libraries drop.

trafilatura's precise reading, and often readability-lxml's, leave out a table of short
cells (a release history, the most active developers and their share of changes) that a
story sets between two of its paragraphs: a reader reads it with the story.
:func:`data_tables` marks its cells as the story's when the table is a table of data, not
a layout's: rows of two cells or more, each cell short (:data:`_CELL_WORDS` words at
most), none of the story's paragraphs in it (a layout table holds them, and menus), under
half of its words in links (a table of links is a listing of other stories), no class or
id around it that names furniture, and it sits in the story: an element within three
levels above the story's paragraph before it holds it, and the story goes on after it.
"""

from __future__ import annotations

from typing import Any

from l10n.articles.furniture import CELL, enclosing, furniture_class, holds, link_words
from l10n.model import ALT, LINK_TITLE, PARAGRAPH, TABLE_HEADER, Block

_CELL_WORDS = 60  # words at most in a cell of a table of data
_ROWS = 2  # rows at least of two cells or more
_LAYOUT = 3  # paragraphs at least in the element of a layout table's story paragraph


def data_tables(body: list[tuple[Block, Any]], texts: list[str], chosen: list[bool]) -> None:
    """Marks as the story's the cells of a table of data between two of the story's
    paragraphs (module rules)."""
    story = [n for n, (block, place) in enumerate(body) if chosen[n] and place.parent is not None
             and _paragraph(block, place)]
    if len(story) < 2:
        return
    tables: dict[int, list[int]] = {}
    found: dict[int, Any] = {}
    for n, (block, place) in enumerate(body):
        if block.kind in (CELL, TABLE_HEADER) and place.parent is not None and (
                not _paragraph(block, place)):
            table = enclosing(place.parent, "table")
            if table is not None:
                tables.setdefault(id(table), []).append(n)
                found[id(table)] = table
    for key, cells in tables.items():
        table = found[key]
        if all(chosen[n] for n in cells) or not _data(table, body, texts, cells) or any(
                holds(table, body[n][1].parent) for n in story):  # a layout table
            continue
        before = [n for n in story if n < cells[0]]
        if not before or not any(n > cells[-1] for n in story) or not _near(
                body[before[-1]][1].parent, table):
            continue
        for n in cells:
            chosen[n] = True


def _paragraph(block: Block, place: Any) -> bool:
    """A paragraph of the story: a ``<p>``'s run, or in a layout table's cell a ``<p>``
    among :data:`_LAYOUT` or more (a table's cell of data may hold one)."""
    return block.kind == PARAGRAPH or block.kind in (CELL, TABLE_HEADER) and (
        getattr(place.parent, "tagName", None) == "p"
        and len(place.parent.parentNode.getElementsByTagName("p")) >= _LAYOUT)


def _data(table: Any, body: list[tuple[Block, Any]], texts: list[str], cells: list[int]) -> bool:
    """Whether ``table`` is a table of data (module rules)."""
    rows = [row for row in table.getElementsByTagName("tr") if enclosing(row, "table") is table
            and sum(getattr(cell, "tagName", None) in ("td", "th") for cell in row.childNodes) >= 2]
    words = sum(len(texts[n].split()) for n in cells)
    links = sum(link_words(body[n][1]) for n in cells if body[n][0].kind not in (ALT, LINK_TITLE))
    return len(rows) >= _ROWS and words > 0 and links * 2 < words and not furniture_class(
        table) and all(len(texts[n].split()) <= _CELL_WORDS for n in cells)


def _near(element: Any, table: Any) -> bool:
    """Whether an element within three levels above ``element`` (not the ``<body>``)
    holds ``table``."""
    node = element
    for _ in range(4):
        if node is None or getattr(node, "tagName", None) in (None, "body", "html"):
            return False
        if holds(node, table):
            return True
        node = node.parentNode
    return False


def cell_kind(cell: Any) -> dict[str, Any]:
    """A table cell's block ``kind`` and ``level`` (its column, from 1): a cell of the
    table's header row (in ``<thead>``, or the first row when all its cells are ``<th>``)
    is a ``table-header``, like a Markdown table's, so that builds rebuild the rows."""
    row: Any = cell.parentNode  # html5lib puts a cell in a row, a row in a table's section
    cells = [n for n in row.childNodes
             if n.nodeType == n.ELEMENT_NODE and n.tagName in ("td", "th")]
    section: Any = row.parentNode
    header = getattr(section, "tagName", "") == "thead"
    if not header and section is not None and all(c.tagName == "th" for c in cells):
        table: Any = section if section.tagName == "table" else section.parentNode
        header = table is not None and table.getElementsByTagName("tr")[0] is row
    return {"kind": TABLE_HEADER if header else CELL, "level": cells.index(cell) + 1}
