"""Hugo shortcodes that hold code over lines, as one block of a Markdown article.

CommonMark reads ``{{< highlight go >}}``, its code and ``{{< /highlight >}}`` as a
paragraph: its code would go to the engine and the build would change its tags.
:func:`shortcode_block` is a markdown-it block rule that reads a line holding a code
shortcode's opening tag alone (not a self-closing ``{{< x />}}``), up to the line with its
closing tag, as one ``shortcode_block`` token, which the Markdown reader makes a
``shortcode`` block (:data:`l10n.model.SHORTCODE`): kept as written, never translated.
"""

from __future__ import annotations

import re
from typing import Any

# Hugo shortcodes whose inner content is code, a diagram or a formula (Hugo's highlight,
# its docs' code-toggle, themes' code, codeblock, mermaid, math, katex, plantuml)
CODE_SHORTCODES = ("highlight", "code", "code-toggle", "codeblock", "mermaid", "math",
                   "katex", "plantuml")
_OPENING = re.compile(r"\{\{([<%])\s*(" + "|".join(map(re.escape, CODE_SHORTCODES))
                      + r")(?:\s[^\n]*?)?(?<!/)\s*[>%]\}\}\s*")  # not self-closing ({{< x />}})


def shortcode_block(state: Any, start: int, end: int, silent: bool) -> bool:
    """markdown-it block rule: a line that is a code shortcode's opening tag alone, up to
    the line with its closing tag (``{{< /highlight >}}``), is one ``shortcode_block``."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    first = state.src[state.bMarks[start] + state.tShift[start]:state.eMarks[start]]
    opening = _OPENING.fullmatch(first)
    if opening is None:
        return False
    closing = re.compile(r"\{\{[<%]\s*/\s*" + re.escape(opening.group(2)) + r"\s*[>%]\}\}")
    for line in range(start, end):
        if closing.search(state.src[state.bMarks[line]:state.eMarks[line]]):
            break
    else:
        return False
    if not silent:
        token = state.push("shortcode_block", "", 0)
        token.content = state.getLines(start, line + 1, state.sCount[start], True)
        token.map = [start, line + 1]
        token.info = ""
        state.line = line + 1
    return True
