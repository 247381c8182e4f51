"""Hugo shortcodes that hold code over lines, as one block of a Markdown article.

CommonMark reads ``{{< highlight go >}}``, its code and ``{{< /highlight >}}`` as a
paragraph: its code would go to the engine and the build would change its tags.
:func:`shortcode_block` is a markdown-it block rule that reads a line holding a code
shortcode's opening tag alone (not a self-closing ``{{< x />}}``), up to the line with its
closing tag, as one ``shortcode_block`` token, which the Markdown reader makes a
``shortcode`` block (:data:`l10n.model.SHORTCODE`): kept as written, never translated.
Jekyll's Liquid code tags are read the same way (``{% highlight scala %}`` up to
``{% endhighlight %}``, Octopress's ``codeblock``): CommonMark read their ``- x`` diff
lines as a list, translated.

So is a Go template action or a Liquid tag that starts a line and closes on a later
line, alone there (the Go blog's ``{{raw `...`}}`` around indented code, a ``{{code
"x.go" `/START/` `/END/`}}`` over lines): as a paragraph its code went to the engine
(the backticks inside read as code spans, the action's own words not) and the build
lost the code's indentation; and a Hugo shortcode written over lines, one parameter a
line (``{{< img`` ... ``>}}``), whose indentation the paragraph lost.
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
# Jekyll's (and Octopress's) Liquid tags that hold code: {% highlight ruby %}...{% endhighlight %}
LIQUID_CODE_TAGS = ("highlight", "codeblock")
_LIQUID_OPENING = re.compile(r"\{%-?\s*(" + "|".join(LIQUID_CODE_TAGS) + r")\b[^\n]*?-?%\}\s*")
# a Go template action, a Hugo shortcode, a Liquid tag or output
_TEMPLATE_START = re.compile(r"\{\{|\{%")


def shortcode_block(state: Any, start: int, end: int, silent: bool) -> bool:
    """markdown-it block rule: a line that is a code shortcode's opening tag alone, up to
    the line with its closing tag (``{{< /highlight >}}``), is one ``shortcode_block``."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    first = state.src[state.bMarks[start] + state.tShift[start]:state.eMarks[start]]
    opening = _OPENING.fullmatch(first)
    liquid = _LIQUID_OPENING.fullmatch(first)
    if opening is not None:
        closing = re.compile(r"\{\{[<%]\s*/\s*" + re.escape(opening.group(2)) + r"\s*[>%]\}\}")
    elif liquid is not None:
        closing = re.compile(r"\{%-?\s*end" + re.escape(liquid.group(1)) + r"\s*-?%\}")
    else:
        return _template_block(state, start, end, silent)
    for line in range(start, end):
        if closing.search(state.src[state.bMarks[line]:state.eMarks[line]]):
            break
    else:
        return False
    if not silent:
        _push(state, start, line)
    return True


def tag_end(text: str, start: int) -> int:
    """Where the template tag opening at ``text[start]`` (``{{`` or ``{%``) ends, after
    its ``}}`` or ``%}``: strings (``"..."``, Go's raw `...`) skipped; -1 if unclosed."""
    close = "}}" if text.startswith("{{", start) else "%}"
    at = start + 2
    while at < len(text):
        if text[at] in "`\"":
            quote = text[at]
            at += 1
            while at < len(text) and text[at] != quote:
                at += 2 if quote == '"' and text[at] == "\\" else 1
            at += 1
        elif text.startswith(close, at):
            return at + 2
        else:
            at += 1
    return -1


def _template_block(state: Any, start: int, end: int, silent: bool) -> bool:
    """A Go template action or Liquid tag that starts the line ``start`` and closes alone
    at the end of a later line (module docstring): one ``shortcode_block``."""
    begin = state.bMarks[start] + state.tShift[start]
    if not _TEMPLATE_START.match(state.src, begin):
        return False
    stop = tag_end(state.src, begin)
    if stop < 0 or stop <= state.eMarks[start]:
        return False  # unclosed, or closed on its first line (a tag in a sentence)
    line = next((n for n in range(start, end) if state.eMarks[n] >= stop), None)
    if line is None or state.src[stop:state.eMarks[line]].strip():
        return False
    if not silent:
        _push(state, start, line)
    return True


def _push(state: Any, start: int, last: int) -> None:
    """One ``shortcode_block`` token of the lines ``start`` to ``last``, as written."""
    token = state.push("shortcode_block", "", 0)
    token.content = state.getLines(start, last + 1, state.sCount[start], True)
    token.map = [start, last + 1]
    token.info = ""
    state.line = last + 1


def holds_code(text: str) -> bool:
    """Whether a ``shortcode`` block's lines between its first and last are code, what a
    page without Hugo shows of it: a code shortcode's, a Liquid code tag's, a Go action's
    raw string opened at the end of its first line (``{{raw `...`}}``); not a shortcode's
    parameters written one a line."""
    first = text.split("\n", 1)[0].strip()
    return bool(_OPENING.fullmatch(first) or _LIQUID_OPENING.fullmatch(first)
                or (first.startswith("{{") and first.endswith("`")))
