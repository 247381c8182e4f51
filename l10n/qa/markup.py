"""The ``markup`` check: inline code, link targets, URLs, e-mail addresses, void HTML
tags and comments of the source kept unchanged in the translation, none added
(:mod:`l10n.text.protect`'s patterns find them).

Placeholders are the ``placeholders`` check's (:mod:`l10n.qa.formats`), the tags of pairs
(``<b>…</b>``) the ``tags`` check's (:mod:`l10n.qa.tags`): one finding per problem.
``<file>`` in a usage line is no HTML. Where a translation may render markup its own way,
it is not held to the source's: inline code kept verbatim inside other quotes or without
its marks, plain words in backticks (UI strings quote with them) where the translation
quotes too or that name a label (`Recent`), an example
e-mail address (you@example.com) or URL ("e.g. http://domain.com/blog/") made local; a URL
ends before a Korean particle. A numeric character reference (``&#8212;``) is kept, or
written as its character.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import TYPE_CHECKING, Protocol

from l10n.articles.htmldom import VOID
from l10n.model import Finding, Severity
from l10n.text.protect import EMAIL, HTML, PLACEHOLDER, TERM, URL, mask

if TYPE_CHECKING:
    from l10n.catalog import Entry

Span = tuple[int, int, str, str]  # (start, end, kind, text)
_BARE_VOID = {"br", "hr", "wbr"}
_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
_QUOTES = "[`'\"«»“”„「」『』‘’]"
# GNU's old quoting style, `word' (a backtick opens, an apostrophe closes): quotes, no code
# (a letter of another script may follow: "`{name}'은(는)" takes a Korean particle)
_GNU_QUOTED = re.compile(r"`(?=[^`'\n]+'(?![0-9A-Za-z_\u00c0-\u024f]))")


class _Context(Protocol):  # l10n.qa.checks.CheckContext, without importing it (no circle)
    def finding(self, check: str, severity: Severity, entry: Entry, message: str, *,
                span: tuple[int, int] | None = None,
                source_span: tuple[int, int] | None = None) -> Finding:
        ...


def _markup(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, text) of each markup span, found by l10n.text.protect's patterns;
    placeholders are the ``placeholders`` check's, and ``<file>`` is not an HTML tag."""
    found = []
    for s in mask(_GNU_QUOTED.sub(" ", text)).slots:
        if s.kind in (TERM, PLACEHOLDER) or (s.kind == HTML and not _element(s.original)):
            continue
        original = s.original
        if s.kind in (URL, EMAIL):  # https://www.bleachbit.org에서, support@x.com에: the
            # particle is no part of it, nor the text of a wiki link ([[url|text]])
            original = re.split(r"[|\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]", original)[0]
        found.append((s.start, s.start + len(original), s.kind, original))
    return found


def _quoted(span: tuple[int, int, str, str], translation: str, source: str) -> bool:
    """Source markup a translation may render its own way: inline code kept verbatim
    inside other quotes or without its marks (``sphinx.ext.autosummary`` kept as the
    name: the code is there), plain words in backticks (UI strings quote with them) where
    the translation quotes too or that name a label (`Recent`: a capital, a UI label's
    name, which a translation translates); an example address (example.com) made local."""
    _, _, kind, text = span
    if _example(span, source):
        return True
    if text in translation:
        return False  # kept as it is: compared as usual
    if kind == "code":
        inner = text.strip("`")
        plain = bool(_PLAIN_WORDS.fullmatch(inner))
        return bool(re.search(f"{_QUOTES}\\s?{re.escape(inner)}\\s?{_QUOTES}", translation)) or (
            plain and (inner[0].isupper() or bool(re.search(_QUOTES, translation)))) or (
            bool(re.search(f"(?<![\\w.]){re.escape(inner)}(?![\\w])", translation)))
    return False


def _example(span: tuple[int, int, str, str], source: str) -> bool:
    """An example e-mail address (RFC 2606: you@example.com) or URL (an RFC 2606 host, or
    one after the source says it gives examples: "e.g. http://domain.com/blog/[my-slug]/"),
    which a translation may make local (a link to example.com stays a link)."""
    if span[2] == "email":
        return bool(_EXAMPLE_HOST.search(span[3]) or _EXAMPLE_USER.match(span[3]))
    return span[2] == "url" and (bool(_EXAMPLE_HOST.search(span[3])) or bool(
        _EXAMPLE_CUE.search(source, 0, span[0])))


_EXAMPLE_HOST = re.compile(r"(?<![\w-])example\.(?:com|org|net)\b|\.(?:example|test|invalid)\b")
# the account of an input's example ("example@mastodon.social", "user@host"), made local
_EXAMPLE_USER = re.compile(r"(?:example|user|username|you|yourname|your\.name|name|someone)@",
                           re.I)
_EXAMPLE_CUE = re.compile(r"\b(?:e\.\s?g\b|eg\.|for example|for instance|such as)", re.I)


def _element(tag: str) -> bool:
    """Markup of the ``markup`` check: a void element (``<br>``), a comment, a whole
    ``<code>`` element; the tags of pairs (``<b>``, ``</b>``) are the ``tags`` check's,
    and ``<file>`` is no HTML (see :data:`l10n.qa.tags.ELEMENTS`)."""
    one = re.fullmatch(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>", tag)
    if one is None:
        return True
    name = one[1].lower()  # <base> alone is git's word; <br> and <img src=…> are markup
    return name in _BARE_VOID or (name in VOID and "=" in tag)


def _slip(old: str, now: str) -> bool:
    """The same text with digits changed (a slip: ``/page/3`` -> ``/page/4``)."""
    return old != now and re.sub(r"\d", "0", old) == re.sub(r"\d", "0", now)


def _bare(code: str, source: str) -> bool:
    """Inline code whose content the source has as it is, without the marks."""
    inner = code.strip("`")
    return bool(inner.strip()) and bool(re.search(
        f"(?<![\\w`]){re.escape(inner)}(?![\\w`])", source))


def _secure(text: str) -> str:
    """A link as compared: ``http://`` made ``https://`` is the same page, made safe."""
    return "https://" + text[7:] if text.startswith("http://") else text


def blank_markup(text: str) -> str:
    for start, end, _, _ in _markup(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


_KIND_NAMES = {
    "code": "inline code", "link": "link target", "url": "URL", "email": "e-mail address",
    "html": "HTML tag", "placeholder": "placeholder",
}  # fmt: skip


def check_markup(entry: Entry, ctx: _Context) -> list[Finding]:
    """The ``markup`` check (see the module docstring); translated entries only."""
    if not entry.msgstr:
        return []
    spans = {side: _markup(text) for side, text in (("s", entry.msgid), ("t", entry.msgstr))}
    excused = [span for span in spans["s"] if _quoted(span, entry.msgstr, entry.msgid)]
    spans["s"] = [span for span in spans["s"] if span not in excused]
    kept = {text for _, _, _, text in spans["s"]}
    examples = {span[2] for span in excused if _example(span, entry.msgid)}
    words = sum(span[2] == "code" and not _example(span, entry.msgid) for span in excused)
    rendered: list[Span] = []
    for span in spans["t"]:  # the translation's own rendering of what was excused
        if span[2] in examples and span[3] not in kept:  # the example made local
            continue
        if words and span[2] == "code" and span[3] not in kept and _PLAIN_WORDS.fullmatch(
                span[3].strip("`")):
            words -= 1
            continue
        if span[2] == "code" and span[3] not in kept and _bare(span[3], entry.msgid):
            continue  # "TYPE_*" -> "`TYPE_*`": the translation marks the source's name
        rendered.append(span)
    spans["t"] = rendered
    source, target = (Counter((kind, _secure(text)) for _, _, kind, text in spans[s])
                      for s in "st")

    def where(side: str, text: str) -> tuple[int, int] | None:
        return next(((s, e) for s, e, _, t in spans[side] if _secure(t) == text), None)

    lost, added = source - target, target - source
    findings = []
    for kind in dict.fromkeys(k for k, _ in (*lost, *added)):
        gone = [text for k, text in lost.elements() if k == kind]
        new = [text for k, text in added.elements() if k == kind]
        name = _KIND_NAMES.get(kind, kind)
        messages = [
            (f"{name} {old!r} was changed to {now!r}: " + (
                "a digit differs, copy it unchanged" if _slip(old, now)
                else "copy it from the source unchanged"), where("t", now), where("s", old))
            for old, now in zip(gone, new, strict=False)
        ]
        messages += [
            (f"{name} {old!r} of the source is missing: copy it unchanged", None, where("s", old))
            for old in gone[len(new) :]
        ]
        messages += [
            (f"{name} {now!r} is not in the source: remove it or make it match",
             where("t", now), None)
            for now in new[len(gone) :]
        ]
        findings += [
            ctx.finding("markup", Severity.ERROR, entry, m, span=span, source_span=source_span)
            for m, span, source_span in messages
        ]
    return findings + _references_lost(entry, ctx)


_NUMERIC_REFERENCE = re.compile(r"&#(?:\d+|[xX][0-9A-Fa-f]+);")


def _references_lost(entry: Entry, ctx: _Context) -> list[Finding]:
    """A numeric character reference of the source (``&#8212;``) kept, or written as the
    character it stands for; named ones (``&amp;``) may become a word."""
    return [ctx.finding("markup", Severity.ERROR, entry, f"character reference {ref!r} "
                        f"({html.unescape(ref)}) of the source is missing: copy it unchanged",
                        source_span=hit.span())
            for hit in _NUMERIC_REFERENCE.finditer(entry.msgid)
            if (ref := hit.group()) not in entry.msgstr and html.unescape(ref) not in entry.msgstr]


__all__ = ["blank_markup", "check_markup"]
