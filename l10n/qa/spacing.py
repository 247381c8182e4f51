"""The ``spaces`` and ``whitespace`` checks: two spaces in a row the source does not have,
and leading or trailing whitespace different from the source's.

What is right although it differs: a Korean particle needs no space before it
(``" is not"`` -> ``"은(는) 아닙니다"``), and a full-width sign carries its own space
(``"Size: "`` -> ``"大小："``, ``" (root-commit)"`` -> ``"（根提交）"``). An indent of two
spaces or more may change width: it aligns the line under the translated text above it
(git's ``"   or: %s"`` -> ``"          или: %s"`` under ``"использование: "``). So may the
space after a leading label ("Коммитер:  %s" lines up with "Автор:     %s"). Thai and
Lao break phrases with spaces, and a wide break of two is their convention. A space at
the end of a finished phrase or sentence of the source ("Restart workflow ", "Please
check your settings. ") is its own quirk, and a translation may drop it. Two spaces or more
at the end pad a column ("NO   " is 5 wide): a translation as wide or wider ("TIDAK")
fills it its own way. A message used
only in HTML templates (Django's ``{% trans %}``) has no edges that show: HTML collapses
whitespace.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from l10n.lang import base_language
from l10n.lang.ko import starts_with_particle
from l10n.model import Finding, Severity

if TYPE_CHECKING:
    from l10n.catalog import Entry

_FULL_WIDTH = set("：；，。！？、）」』")
# Thai and Lao put no spaces between words: a space breaks phrases and sentences, and a
# wide break (two spaces) is a typesetting convention (Thai's "large space"), no typo
_SPACE_IS_PUNCTUATION = {"th", "lo"}


class _Context(Protocol):  # l10n.qa.checks.CheckContext, without importing it (no circle)
    @property
    def target(self) -> str:
        ...

    def finding(self, check: str, severity: Severity, entry: Entry, message: str, *,
                span: tuple[int, int] | None = None,
                source_span: tuple[int, int] | None = None) -> Finding:
        ...


def check_spaces(entry: Entry, ctx: _Context) -> list[Finding]:
    """Two spaces in a row that the source does not have."""
    if not entry.msgstr:
        return []
    if "  " not in entry.msgstr.strip() or "  " in entry.msgid:
        return []
    if base_language(ctx.target) in _SPACE_IS_PUNCTUATION and "   " not in entry.msgstr.strip():
        return []  # Thai "กลับกัน  อย่างเช่น": a wide break between phrases, on purpose
    at = entry.msgstr.index("  ", len(_edges(entry.msgstr)[0]))
    if _LABEL.match(entry.msgid) and (label := _LABEL.match(entry.msgstr)) and label.end() == at:
        return []  # "Коммитер:  %s" padded to line up with "Автор:     %s" above it
    return [ctx.finding("spaces", Severity.WARNING, entry, "two spaces in a row: remove one",
                        span=(at, at + 2))]


def _edges(text: str) -> tuple[str, str]:
    core = text.strip()
    if not core:
        return text, ""
    start = text.index(core)
    return text[:start], text[start + len(core) :]


_LABEL = re.compile(r"\W*(?:%\w)?[^\W\d_]+(?: [^\W\d_]+){0,2}[:：](?= )")  # "%sAuthor: "
_HTML_FILE = re.compile(r"\.(?:html?|jinja2?|j2|djhtml|jsx|tsx|vue|svelte)(?::\d+)?$")


def _html_only(entry: Entry) -> bool:
    """Every place the message is used is an HTML template (Django's, Jinja's): HTML
    collapses the whitespace around it, so a space more or less shows nowhere."""
    return bool(entry.references) and all(_HTML_FILE.search(r) for r in entry.references)


def _indent(edge: str) -> bool:
    return len(edge) >= 2 and edge.strip(" ") == ""


# English words after which a program goes on ("built on %s with ", "no ", "of "): the
# space before what it appends is needed there
_OPEN_WORDS = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "of", "on", "or",
    "the", "to", "with", "without", "no", "not", "than", "via"})


def _phrase_end(source: str) -> bool:
    """A source of two words or more whose trailing space follows a finished phrase: a
    word that closes it, a closing quote or a sentence's full stop ("Restart workflow ",
    "Could not determine the location of "%s" ", "Please check your settings. "), not a
    colon, dots, a question (a prompt: "Overwrite? ") or a word a program goes on after."""
    core = source.rstrip()
    words = core.split()
    return (len(words) >= 2 and bool(re.search(r"[^\W\d_](?:['\"’”»)]|\.)?$", core))
            and words[-1].strip("'\"’”»()").lower() not in _OPEN_WORDS)


def check_whitespace(entry: Entry, ctx: _Context) -> list[Finding]:
    """Leading or trailing whitespace different from the source (module docstring)."""
    if not entry.msgstr or _html_only(entry):
        return []
    (lead_s, trail_s), (lead_t, trail_t) = _edges(entry.msgid), _edges(entry.msgstr)
    findings = []
    size = len(entry.msgstr)
    edges = (("starts", lead_s, lead_t, 0), ("ends", trail_s, trail_t, size - len(trail_t)))
    particle = base_language(ctx.target) == "ko" and starts_with_particle(entry.msgstr)
    for where, source, target, at in edges:
        if where == "starts" and source == " " and not target and entry.msgstr[:1] in "（「『【":
            continue  # " (root-commit)" -> "（根提交）": a full-width sign carries its space
        if where == "starts" and _indent(source) and _indent(target):
            continue  # an indent re-aligned under the translated line above it
        if where == "starts" and particle and source.strip(" ") == target:
            continue  # " is not" -> "은(는) 아닙니다": a particle attaches to the word before
        if where == "ends" and source == " " and not target and entry.msgstr.rstrip()[-1:] in (
                _FULL_WIDTH):
            continue  # "Size: " -> "大小：": a full-width sign carries its own space
        if where == "ends" and source == " " and not target and _phrase_end(entry.msgid):
            continue  # "Restart workflow ": the source's stray space, rightly dropped
        if where == "ends" and len(source.strip(" ")) == 0 and len(source) >= 2 and (
                len(entry.msgstr) >= len(entry.msgid)):
            continue  # "NO   " pads a column to 5: "TIDAK", "XEYİR " fill it their own way
        if source != target:
            findings.append(
                ctx.finding(
                    "whitespace",
                    Severity.WARNING,
                    entry,
                    f"the translation {where} with {target!r} where the source has {source!r}",
                    span=(at, at + len(target)) if target else None,
                )
            )
    return findings


__all__ = ["check_spaces", "check_whitespace"]
