"""Text for Markdown documents: escaped so that it means what the page means, only
cleaned HTML tags of the allow-list reach a renderer, and no link runs a script.

Links in Markdown text (inline links and images ``[x](url)``, autolinks ``<url>``) keep
their target only when it is relative or uses a safe scheme (:data:`SAFE_SCHEMES`); any
other (``javascript:``, ``vbscript:``, ``data:``, ``file:``...) becomes ``#`` (an inline
link) or plain text (an autolink). The scheme is read as a Markdown renderer and a
browser read it: after backslash escapes and character references are decoded and
control characters and spaces dropped (``JaVa&#115;cript:``, ``java\\:script``). A line
that would start a link reference definition (``[x]: url``) is escaped.
"""

from __future__ import annotations

import html
import re

from l10n.publish.sanitize import sanitize_tag

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "ftps", "tel"})

_MD_PUNCT = re.compile(r"([\\`*_\[\]<>|~])|&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+=](?=\s|$)|(\d{1,9})([.)])(?=\s|$))")
_MD_RAW = re.compile(
    r"(`+)[\s\S]*?\1"  # a code span: kept
    r"|<(?P<autolink>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>"  # an autolink: kept if safe
    r"|<[^\s<>@]+@[^\s<>@]+>"  # an e-mail autolink: kept
    r"|\]\([ \t]*\n?[ \t]*(?P<target><[^<>\n]*>|[^\s()<]*(?:\([^\s()]*\)[^\s()<]*)*)"
    r"|(?P<tag><!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"  # a tag: cleaned
    r"|<(?=[A-Za-z/!?])"  # the start of anything else raw: escaped
)
_REFERENCE = re.compile(r"^( {0,3})\[(?=(?:[^\]\\]|\\.)*\]:)", re.MULTILINE)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_url(url: str) -> bool:
    """True when ``url`` (a Markdown link target, as written) has a scheme that is not
    in :data:`SAFE_SCHEMES` once decoded as a renderer and a browser decode it."""
    text = _INVISIBLE.sub("", html.unescape(_UNESCAPE.sub(r"\1", url.strip("<>"))))
    found = _SCHEME.match(text)
    return found is not None and found.group(1).lower() not in SAFE_SCHEMES


def _raw(match: re.Match[str]) -> str:
    """One match of :data:`_MD_RAW`, made safe."""
    text = match.group(0)
    if match.group("tag") is not None:
        return sanitize_tag(text)
    if text == "<":
        return "\\<"
    if match.group("autolink") is not None and unsafe_url(match.group("autolink")):
        return "\\" + text
    target = match.group("target")
    if target is not None and unsafe_url(target):
        return text[: len(text) - len(target)] + "#"
    return text


def md_text(text: str, *, plain: bool) -> str:
    """``text`` for a Markdown document. Plain text is escaped so that nothing in it is
    markup; Markdown keeps its inline markup, its HTML tags cleaned one by one
    (:func:`~l10n.publish.sanitize.sanitize_tag`: allowed tags and attributes only,
    comments dropped), any other ``<`` escaped, and unsafe link targets are defused (see
    the module docstring)."""
    if not plain:
        return _REFERENCE.sub(r"\1\\[", _MD_RAW.sub(_raw, text))
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
