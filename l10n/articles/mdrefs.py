"""Reference-style links of a Markdown article, written inline.

A reference link (``[text][label]``, ``[text][]``, ``[text]``, and images the same way)
takes its address and title from a definition (``[label]: url "title"``) somewhere else
in the document. The definitions are no block of the article, and a translated link text
is no longer the label of a collapsed or shortcut reference, so a build would show the
brackets as text. The reader writes each reference that markdown-it resolves as an
inline link ``[text](url "title")``, with the definition's address as written (a Hugo
shortcode or a Liquid tag in it stays byte for byte; an address with spaces is put in
``<...>``).
"""

from __future__ import annotations

import re
from typing import Any

_CANDIDATE = re.compile(
    r"(?P<code>(`+).+?(?<!`)\2(?!`))"  # a code span: never a link
    r"|\\."  # an escaped character
    r"|(?P<bang>!?)\[(?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"(?:\[(?P<label>(?:[^\[\]\\]|\\.)*)\])?",
    re.S,
)
_DEFINITION = re.compile(
    r"\s{0,3}\[(?:[^\[\]\\]|\\.)+\]:\s*(?P<dest><[^<>\n]*>|\S+)"
    r"(?:\s+(?P<title>\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?",
    re.S,
)


def inline_references(content: str, references: dict[str, Any], lines: list[str]) -> str:
    """``content`` (an inline token's Markdown) with each reference link or image whose
    label ``references`` (markdown-it's ``env["references"]``) defines written inline;
    ``lines``: the document's lines, where each definition's ``map`` points."""
    if not references or "[" not in content:
        return content
    from markdown_it.common.utils import normalizeReference

    def inline(match: re.Match[str]) -> str:
        text = match.group("text")
        if text is None or match.group("code"):
            return match.group(0)
        after = content[match.end():match.end() + 1]
        label = match.group("label")
        if label is None and after in ("(", "[", ":"):
            return match.group(0)  # an inline link, or not a reference
        found = references.get(normalizeReference(label or text))
        if found is None:
            return match.group(0)
        return f"{match.group('bang')}[{text}]({_target(found, lines)})"

    return _CANDIDATE.sub(inline, content)


def _target(found: dict[str, Any], lines: list[str]) -> str:
    """A definition's address and title, as an inline link's ``(...)`` holds them."""
    start, end = found.get("map") or (0, 0)
    written = _DEFINITION.match("\n".join(lines[start:end]))
    dest = written.group("dest") if written else found.get("href", "")
    if not dest.startswith("<") and re.search(r"[\s()]", dest):
        dest = f"<{dest}>"
    title = found.get("title") or ""
    if not title:
        return dest
    return dest + ' "' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
