"""A page's body as nodes (headings, paragraphs, quotes, nested lists, code) that both the
HTML and the Markdown templates walk."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from l10n.articles.htmldom import markup_text
from l10n.articles.shortcodes import holds_code
from l10n.model import (
    ALT,
    ATTRIBUTE_KINDS,
    BYLINE,
    CAPTION,
    CODE,
    HEADING,
    HTML_TEXT,
    LINK_TITLE,
    LIST_ITEM,
    MORE,
    QUOTE,
    RULE,
    SHORTCODE,
    TABLE_CELL,
    TABLE_HEADER,
    TITLE,
    Block,
)
from l10n.publish.page import LocalBlock, Page


def nodes(page: Page, content: Callable[[LocalBlock], Any]) -> list[dict[str, Any]]:
    """The body (title and byline left out) as nodes: heading, paragraph, quote (of
    paragraphs; in Markdown, a paragraph not marked ``more`` starts a new quote), list
    (nested by ``Block.level``; what an item holds after its first paragraph, in order, in
    its ``more``: lists, paragraphs, code), table (header cells, alignments, rows), code,
    rule, raw (with ``texts``: the blocks of what a reader sees in it, which follow it), and
    image (an HTML article's picture of its own: its address, its alt text, translated,
    and the caption that follows it)."""
    nodes: list[dict[str, Any]] = []
    lists: list[tuple[int, dict[str, Any]]] = []  # open lists: (level, node)
    for local in page.blocks:
        block = local.block
        if block.kind == ALT and block.info:  # a picture of its own: shown with its alt
            lists = []
            nodes.append({"type": "image", "src": block.info, "alt": markup_text(local.text),
                          "caption": None})
            continue
        if block.kind in (HTML_TEXT, ALT, LINK_TITLE) and nodes and nodes[-1]["type"] == "raw" \
                and page.article.format == "markdown":
            nodes[-1]["texts"].append(local)  # what a reader sees in a raw HTML block
            continue
        if block.kind in (TITLE, BYLINE, *ATTRIBUTE_KINDS):  # not body text: put in place
            continue
        if block.kind == CAPTION and nodes and nodes[-1]["type"] == "image" and (
                nodes[-1]["caption"] is None):  # the picture's own caption, right after it
            nodes[-1]["caption"] = content(local)
            continue
        more = (block.kind == LIST_ITEM and block.info == MORE) or (
            block.kind in (CODE, SHORTCODE) and block.level > 0)
        if more and _add_more(lists, block, _code(block) if block.kind in (CODE, SHORTCODE) else
                              {"type": "paragraph", "content": content(local)}):
            continue
        if block.kind != LIST_ITEM:
            lists = []
        if block.kind == LIST_ITEM:
            _add_item(nodes, lists, block, content(local))
        elif block.kind == QUOTE:
            if not nodes or nodes[-1]["type"] != "quote" or (
                    page.article.format == "markdown" and block.info != MORE):
                nodes.append({"type": "quote", "items": []})
            nodes[-1]["items"].append(content(local))
        elif block.kind in (TABLE_HEADER, TABLE_CELL):
            _add_cell(nodes, block, content(local))
        elif block.kind in (CODE, SHORTCODE):
            nodes.append(_code(block))
        elif block.kind == RULE:
            nodes.append({"type": "rule"})
        elif not block.translatable:
            nodes.append({"type": "raw", "text": block.text, "texts": []})
        else:
            level = block.level if block.kind == HEADING else 0
            kind = "heading" if block.kind == HEADING else "paragraph"
            nodes.append({"type": kind, "level": level, "content": content(local)})
    return nodes


def _code(block: Block) -> dict[str, Any]:
    longest = max((len(run) for run in re.findall(r"`+", block.text)), default=0)
    fence = "`" * max(3, longest + 1)
    shown = block.text  # what HTML shows: a shortcode's code without the tags around it
    if block.kind == SHORTCODE and len(lines := block.text.split("\n")) > 2 \
            and holds_code(block.text):
        shown = "\n".join(lines[1:-1])
    return {"type": "code", "text": block.text, "info": block.info, "fence": fence,
            "verbatim": block.kind == SHORTCODE, "shown": shown}


def _add_more(lists: list[tuple[int, dict[str, Any]]], block: Block, part: dict[str, Any]) -> bool:
    """Put a list item's next paragraph or its code in the last item of the open list of
    its level (deeper lists close); False when no such item is open."""
    while lists and lists[-1][0] > block.level:
        lists.pop()
    if not lists or lists[-1][0] != block.level or not lists[-1][1]["items"]:
        return False
    lists[-1][1]["items"][-1]["more"].append(part)
    return True


def heading_shift(page: Page) -> int:
    """How far body headings move down in HTML so that the title is the only <h1>."""
    levels = [b.block.level for b in page.blocks if b.block.kind == HEADING]
    return max(0, 2 - min(levels, default=2))


def _add_cell(nodes: list[dict[str, Any]], block: Block, body: Any) -> None:
    """Put a table cell in the open table: a header cell in column 1 after any cell starts
    a new table (a table has one header row); a body cell in column 1, or in a column not
    after the last cell's, starts a row; the cells an HTML table left empty (no block)
    are filled in, so that every cell stays in its column."""
    header = block.kind == TABLE_HEADER
    table = nodes[-1] if nodes and nodes[-1]["type"] == "table" else None
    if table is None or (header and block.level == 1 and table["header"]):
        table = {"type": "table", "header": [], "aligns": [], "rows": [], "column": 0}
        nodes.append(table)
    empty: Any = "" if isinstance(body, str) else []  # a cell without a block
    if header:
        pad = max(0, block.level - 1 - len(table["header"]))
        table["header"] += [empty] * pad + [body]
        table["aligns"] += [None] * pad + [block.info]
        return
    if not table["rows"] or block.level == 1 or block.level <= table["column"]:
        table["rows"].append([])  # a row whose first cells were empty starts later
    row = table["rows"][-1]
    row += [empty] * max(0, block.level - 1 - len(row)) + [body]
    table["column"] = block.level


def _add_item(
    nodes: list[dict[str, Any]], lists: list[tuple[int, dict[str, Any]]], block: Block, body: Any
) -> None:
    """Put a list item in the open list of its level, opening (nested) lists as needed."""
    level = max(block.level, 1)
    while lists and (
        lists[-1][0] > level or (lists[-1][0] == level and lists[-1][1]["ordered"] != block.ordered)
    ):
        lists.pop()
    if not lists or lists[-1][0] < level:
        new: dict[str, Any] = {"type": "list", "ordered": block.ordered, "items": [], "depth": 0}
        if lists and lists[-1][1]["items"]:
            new["depth"] = lists[-1][1]["depth"] + 1
            lists[-1][1]["items"][-1]["more"].append(new)
        else:
            nodes.append(new)
        lists.append((level, new))
    items = lists[-1][1]["items"]
    items.append({"content": body, "number": len(items) + 1, "more": []})
