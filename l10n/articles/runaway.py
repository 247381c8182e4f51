"""A saved page whose ``<script>`` start tag lost its end: the script swallows the page.

A page saved with bytes lost inside a script's start tag (``<script src="/te.backgroundC``
and then the text of another part of the file) leaves the tag open: its attribute value
or name runs on over the page's markup until some ``>``, and the script's text then runs
to the next ``</script>``, which may be hundreds of lines below: the story, in between,
is script text, which no browser shows (the saved copy shows blank where the site showed
the story). No script's start tag holds markup (a ``<`` before a letter, ``/`` or ``!``)
outside its quoted values, nor a ``</script`` in one, so such a tag is read as damaged
(:func:`cut_script_tags`): it is read as
ending with its first line (or before its first ``<``, if that comes first), an open
quote closed; what follows is the script's text as before, unless it holds end tags of
the page's elements before the next ``</script>`` (``</a>``, ``</div>``, ``</p>``...):
then it is the page, and the script is read as ending there. With a warning naming the
line, as :mod:`l10n.articles.htmldom` warns of a title that is never closed.
"""

from __future__ import annotations

import re

_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
_MARKUP = re.compile(r"<[A-Za-z/!]")
_SCRIPT_END = re.compile(r"</script", re.IGNORECASE)
_PAGE_END_TAG = re.compile(
    r"</(?:a|div|p|span|td|tr|th|table|tbody|li|ul|ol|dl|dd|dt|h[1-6]|font|b|i|center)\s*>",
    re.IGNORECASE,
)


def damaged(attributes: dict[str, str]) -> bool:
    """Whether a script's parsed attributes hold the page's markup: a ``<`` in a name, a
    ``</script`` in a value (a value may hold a ``<b>``: a template's text)."""
    return any("<" in name or "</script" in value.lower() for name, value in attributes.items())


def cut_script_tags(text: str) -> tuple[str, int] | None:
    """``text`` with each damaged script start tag cut (the module's rule), and the line
    of the first; None when no tag is damaged."""
    parts: list[str] = []
    done, line = 0, 0
    for match in _SCRIPT.finditer(text):
        if match.start() < done:
            continue
        end = _tag_end(text, match.end())
        tag = text[match.start():end]
        markup = _damage(tag)
        if markup < 0:
            continue
        cut = tag.find("\n")
        cut = cut if 0 < cut < markup else markup
        head = tag[:cut].rstrip()
        after = match.start() + cut
        closing = _open_quote(head) + ">"
        stop = _SCRIPT_END.search(text, after)
        if _PAGE_END_TAG.search(text, after, stop.start() if stop else len(text)):
            closing += "</script>"  # what follows is the page's markup
        parts += [text[done:match.start()], head, closing]
        done = after
        line = line or text.count("\n", 0, match.start()) + 1
    if not line:
        return None
    return "".join(parts) + text[done:], line


def _damage(tag: str) -> int:
    """Where a script's start tag holds the page's markup: a ``<`` outside its quoted
    values, else a ``</script`` in one; -1 when it holds none."""
    at, n = len("<script"), len(tag)
    while at < n:
        if tag[at] == "<" and _MARKUP.match(tag, at):
            return at
        if tag[at] == "=":
            at = _past_value(tag, at)
            continue
        at += 1
    end = _SCRIPT_END.search(tag)
    return end.start() if end else -1


def _tag_end(text: str, at: int) -> int:
    """Where a start tag whose name ends at ``at`` ends (after its ``>``), as the HTML
    tokenizer reads it: a quote opens a value only right after ``=``."""
    n = len(text)
    while at < n:
        char = text[at]
        if char == ">":
            return at + 1
        if char == "=":
            at = _past_value(text, at)
            continue
        at += 1
    return n


def _past_value(text: str, at: int) -> int:
    """From the ``=`` at ``at``: past the quoted value after it (a quote opens a value
    only right after ``=`` and its spaces; an unclosed one runs to the end), else past
    the spaces."""
    n = len(text)
    at += 1
    while at < n and text[at] in " \t\n\r\f":
        at += 1
    if at < n and text[at] in "\"'":
        close = text.find(text[at], at + 1)
        return n if close < 0 else close + 1
    return at


def _open_quote(head: str) -> str:
    """The quote that ``head`` (the start of a tag) leaves open, if any."""
    at, n = 0, len(head)
    while at < n:
        if head[at] == "=":
            at += 1
            while at < n and head[at] in " \t\n\r\f":
                at += 1
            if at < n and head[at] in "\"'":
                close = head.find(head[at], at + 1)
                if close < 0:
                    return head[at]
                at = close + 1
                continue
            continue
        at += 1
    return ""
