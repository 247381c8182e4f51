"""Rule 3 of :mod:`l10n.text.segment`: markup is never split.

:func:`outside_markup` drops a cut inside inline code, a Markdown link or image, an
autolink, a bare URL, an HTML tag or comment, an HTML ``<code>`` element or a MathML
formula (``<math>``), a Hugo
shortcode or a Liquid tag;
:func:`outside_inline_markup` drops a cut that markdown-it reads as inside emphasis, a
link's text, an image's text or a code span (CommonMark's delimiter rules, which no
regular expression follows); :func:`with_their_tags` moves a cut so that an HTML tag
stays with the words it marks (rule 2); :func:`join_wordless` joins a piece of markup
alone to its neighbour (rule 8).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from l10n.text.protect import TEMPLATE

_PROTECTED = re.compile(
    r"(?P<code>(`+)(?:(?!\2).)+?\2)"  # inline code: a run of backticks to the same run
    r"|!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # [text](url "title")
    r"|<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>"  # autolink
    r"|(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]}]"  # bare URL, minus final punctuation
    r"|<(code|math)\b[^>]*>.*?</\3>"  # HTML code, a MathML formula
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?>"  # an HTML tag
    r"|<!--.*?-->"  # an HTML comment
    rf"|{TEMPLATE}",  # a Hugo shortcode, a Liquid tag
    re.DOTALL,
)


def outside_markup(text: str, cuts: list[int]) -> list[int]:
    """Rule 3: drop the cuts that fall inside markup (spans are in order: a bisection)."""
    spans = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]
    starts = [s for s, _ in spans]
    kept = []
    for cut in cuts:
        k = bisect.bisect_left(starts, cut) - 1  # the last span starting before the cut
        if k < 0 or not spans[k][0] < cut < spans[k][1]:
            kept.append(cut)
    return kept


# at a cut: end tags, after line breaks at most ("line. </b>In", "<br></strong><a>"); before
# it: start tags ("West Ham<strong>" | "<br><br> Saturday</strong>")
_END_TAGS_AT = re.compile(r"(?:\s*<(?:br|wbr)\b[^<>]*>)*(?:\s*</[A-Za-z][A-Za-z0-9-]*\s*>)+\s*")
_START_TAG_BEFORE = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>\s*$")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})


def with_their_tags(text: str, cuts: list[int]) -> list[int]:
    """Rule 2 for HTML tags: an end tag closes what comes before it and a start tag opens
    what follows, so a cut before end tags (line breaks may come first: ``line. </b>In``,
    ``<br></strong><a>``) moves past them, and a cut after start tags (``West Ham<strong>``
    before ``<br><br>``) moves before them. Cuts that meet their neighbour go."""
    moved: list[int] = []
    for cut in cuts:
        ends = _END_TAGS_AT.match(text, cut)
        if ends and "</" in ends.group():
            cut = ends.end()
        else:
            while (start := _START_TAG_BEFORE.search(text, max(0, cut - 1000), cut)) and (
                    start.group(1).lower() not in _VOID):
                cut = start.start()
        if 0 < cut < len(text) and (not moved or cut > moved[-1]):
            moved.append(cut)
    return moved


_LIST_NUMBER = re.compile(r"\s*\d{1,3}\.\s*")  # "2." of a numbered list, before its item
_WORDLESS = re.compile(r"[^\W_]")  # a letter or digit
_TAG = re.compile(r"<[^<>]*>")


def join_wordless(text: str, cuts: list[int]) -> list[int]:
    """Rule 8: a piece without a letter or digit (markup alone) joins its neighbour."""
    def wordy(piece: str) -> bool:
        return bool(_WORDLESS.search(_TAG.sub("", piece)))

    if not cuts:
        return cuts
    ends = [*cuts[1:], len(text)]
    kept = [cut for cut, end in zip(cuts, ends, strict=True) if wordy(text[cut:end])]
    kept = [cut for n, cut in enumerate(kept)  # a list's number joins its item: "<br>2. Item"
            if not _LIST_NUMBER.fullmatch(_TAG.sub("", text[kept[n - 1] if n else 0:cut]))]
    if kept and not wordy(text[:kept[0]]):
        kept.pop(0)  # the first piece joins the one after it
    return kept


_INLINE_MARKS = re.compile(r"[*_~\[`]")
_NESTING = {"em_open": 1, "strong_open": 1, "link_open": 1, "s_open": 1,
            "em_close": -1, "strong_close": -1, "link_close": -1, "s_close": -1}


def outside_inline_markup(text: str, cuts: list[int]) -> list[int]:
    """Rule 3 for Markdown's inline markup: drop a cut that markdown-it reads as inside
    emphasis, a link's text, an image's text or a code span. A Unicode space (one the
    text does not hold) is put at every cut and the text parsed once: a space next to the
    spaces before a sentence changes no delimiter's meaning, and the n-th mark in the
    tokens is the n-th cut."""
    if not cuts or not _INLINE_MARKS.search(text):
        return cuts
    mark = next(c for c in "\u2008\u2009\u200a\u2007\u2006\u2005\u2004\u3000" if c not in text)
    marked = "".join(text[a:b] + mark for a, b in zip([0, *cuts], cuts, strict=False))
    marked += text[cuts[-1]:]
    tokens = _inline_parser().parseInline(marked)[0].children or []
    inside = _marked_inside(tokens, mark)
    if len(inside) != len(cuts):  # pragma: no cover - a mark the parser dropped
        return cuts
    return [cut for cut, hidden in zip(cuts, inside, strict=True) if not hidden]


def _marked_inside(tokens: list[Any], mark: str) -> list[bool]:
    """For each mark in the tokens, in order: whether it is inside inline markup."""
    found: list[bool] = []
    depth = 0
    for token in tokens:
        depth += _NESTING.get(token.type, 0)
        inside = depth > 0 or token.type in ("code_inline", "image")
        found += [inside] * token.content.count(mark)
    return found


@functools.cache
def _inline_parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough")
