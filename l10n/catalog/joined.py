"""A PO file's strings on one line each, for polib to parse in linear time.

polib's parser adds each continuation line (``"..."`` after ``msgid ""``) to the entry
with ``entry.msgid += token``: an attribute, so CPython copies the whole string each
time, and an entry of n lines costs n² (a 16 MB entry wrapped at 78 columns: 200,000
lines, minutes). :func:`one_line_strings` gives polib the same file with each string's
continuation lines joined onto its keyword line (``msgid "abc" "def"`` is ``msgid
"abcdef"``: PO strings are concatenated as written, escapes untouched) and a blank line
left in place of each joined one, so every entry keeps its line number (lines as polib
counts them: ``str.splitlines``). The file must
have passed :func:`l10n.catalog.syntax.check_syntax` (every string line closed).
"""

from __future__ import annotations

import re

# a line holding a string: a keyword (msgid, msgstr[0]...) or a continuation, possibly
# obsolete (#~) or previous (#|, #~|); group 1 is that prefix, group 2 the keyword
_STRING = re.compile(r'(#~\| |#~ |#\| )?\s*(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"')


def one_line_strings(text: str) -> str:
    """``text`` with continuation lines joined (see the module); unchanged when it has
    no string of more than one line."""
    if '\n"' not in text and '\n#~ "' not in text and '\n#| "' not in text:
        return text
    lines = text.splitlines()  # as polib splits a text: at every line boundary Python knows
    open_at = -1  # the line continuations join onto (-1: none)
    open_prefix: str | None = None
    pieces: list[str] = []
    for n, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        found = _STRING.match(line)
        if found is None or not line.endswith('"'):
            _close(lines, open_at, pieces)
            open_at, pieces = -1, []
            continue
        prefix = found.group(1) or ""
        if found.group(2) is None and open_at >= 0 and prefix == open_prefix:
            pieces.append(line[found.end():-1])  # a continuation: its string's inside
            lines[n] = ""
            continue
        _close(lines, open_at, pieces)
        if found.group(2) is None:  # a continuation with nothing to join onto
            open_at, pieces = -1, []
            continue
        open_at, open_prefix, pieces = n, prefix, [line[:-1]]
    _close(lines, open_at, pieces)
    return "\n".join(lines) + "\n"


def _close(lines: list[str], at: int, pieces: list[str]) -> None:
    if at >= 0 and len(pieces) > 1:
        lines[at] = "".join(pieces) + '"'


__all__ = ["one_line_strings"]
