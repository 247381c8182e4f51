"""Text for Markdown documents: escaped so that it means what the page means, and no
raw HTML reaches a renderer."""

from __future__ import annotations

import re

_MD_PUNCT = re.compile(r"([\\`*_\[\]<>|~])|&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+=](?=\s|$)|(\d{1,9})([.)])(?=\s|$))")
_MD_RAW = re.compile(
    r"(`+)[\s\S]*?\1"  # a code span: kept
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"  # an autolink: kept
    r"|<[^\s<>@]+@[^\s<>@]+>"  # an e-mail autolink: kept
    r"|<(?=[A-Za-z/!?])"  # the start of raw HTML: escaped
)


def md_text(text: str, *, plain: bool) -> str:
    """``text`` for a Markdown document. Plain text is escaped so that nothing in it is
    markup; Markdown keeps its inline markup, but raw HTML (a ``<`` opening a tag) is
    escaped so that no renderer runs it."""
    if not plain:
        return _MD_RAW.sub(lambda m: "\\<" if m.group(0) == "<" else m.group(0), text)
    escaped = _MD_PUNCT.sub(lambda m: "\\" + m.group(0), text)
    return "\n".join(_md_line(line) for line in escaped.split("\n"))


def _md_line(line: str) -> str:
    """Escape what would start a heading, list or rule at the start of a line."""
    found = _MD_LINE_START.match(line)
    if not found:
        return line
    lead, mark = found.group(1), found.group(2)
    mark = f"{found.group(3)}\\{found.group(4)}" if found.group(3) else "\\" + mark
    return lead + mark + line[found.end() :]
