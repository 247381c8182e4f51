"""The ``identical`` check: a translation that is its source unchanged, although the
source has words to translate.

What stays as it is and is no finding: names and bylines (up to four capitalised words,
with an e-mail address or a file format's extensions: ``Nick Schermer <nick@xfce.org>``,
``Portable Document Format (.pdf)``), names a program reads (``meter,meters,m``,
``default:mm``), literal text of help catalogs (itstool's ``example``, ``code``,
``screen`` ...), entries whose comment says not to translate them, command lines and
code, copyright lines, glossary terms, and one word alone (``Portal``, ``Audio``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from l10n.model import Finding, Severity
from l10n.qa.formats import blank_directives
from l10n.qa.markup import blank_markup

if TYPE_CHECKING:
    from l10n.catalog import Entry
    from l10n.model import TermMatch

_WORD = re.compile(r"(?<![\w.-])[^\W\d_]{2,}(?![\w.-])")
_CODE = re.compile(r"(?:^|[\s\[(])--?\w|[|=\\;]|\w/\w|\w\.\w|::|\(\)|->|^[a-z]+ [a-z-]+[: ]")
_COPYRIGHT = re.compile(r"©|\(c\)|\bCopyright\b|\bAll rights reserved\b", re.I)
# Names a program accepts, comma-separated without a space ("meter,meters,m")
ALIASES = re.compile(r"[^,\s](?:[^,]*[^,\s])?(?:,[^,\s](?:[^,]*[^,\s])?)+")
_EXTENSIONS = re.compile(r"\s*\((?:\.\w+(?:,\s*)?)+\)\s*$")
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_EMAIL = re.compile(r"<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?")
# Where a help catalog's text is literal (itstool's "path: example/p", DocBook's screen)
_LITERAL_PATH = re.compile(r"\(itstool\) path: (?:\S*/)?(?:code|screen|cmd|input|output|sys|"
                           r"userinput|computeroutput|programlisting|literal|command|synopsis|"
                           r"example)\b")
_DO_NOT_TRANSLATE = re.compile(r"\b(?:do\s+\*?not\*?|don'?t)\s+translate\b", re.I)
_NAME = re.compile(r"[^\W\d_][\w'’.-]*")


class _Context(Protocol):  # l10n.qa.checks.CheckContext, without importing it (no circle)
    def finding(self, check: str, severity: Severity, entry: Entry, message: str) -> Finding:
        ...

    def matches(self, entry: Entry) -> list[TermMatch]:
        ...


def _blank(hit: re.Match[str]) -> str:
    return " " * len(hit.group())


def is_name(text: str) -> bool:
    """A byline or a name: one to four words, each capitalised, and no sentence end; with
    an e-mail address ("Nick Schermer <nick@xfce.org>,") the words before it."""
    if _EMAIL.search(text):
        text = _EMAIL.sub(" ", text).strip(" ,.;:()-")
    text = _EXTENSIONS.sub("", text)  # "Portable Document Format (.pdf)"
    words = _NAME.findall(text)
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words) and not re.search(
        r"[.!?。]\s*$", text)


def _kept_on_purpose(entry: Entry) -> bool:
    source = entry.msgid.strip()
    if entry.block_label == "byline" or is_name(_TAG.sub("", source)):
        return True  # names stay as they are
    if ALIASES.fullmatch(source) or not re.search(r"\s", source):
        return True  # names a program reads ("meter,meters,m", "default:mm"): not prose
    # literal text (an example to type, a command) or "do not translate"
    return any(_LITERAL_PATH.search(c) or _DO_NOT_TRANSLATE.search(c) for c in entry.comments)


def check_identical(entry: Entry, ctx: _Context) -> list[Finding]:
    """The ``identical`` warning (see the module docstring); translated entries only."""
    if not entry.msgstr or entry.msgstr.strip() != entry.msgid.strip() or _kept_on_purpose(
            entry):
        return []
    rest = _TAG.sub(_blank, blank_markup(blank_directives(entry.msgid, entry.flags)))
    for match in ctx.matches(entry):  # terms are the glossary check's business
        rest = rest[: match.start] + " " * (match.end - match.start) + rest[match.end :]
    if _CODE.search(rest) or _COPYRIGHT.search(rest):
        return []  # a command line or code ("git merge --abort", "(on|off)"), a legal line
    # Words to translate: not names or acronyms (iPad, GNOME), not units (128px); one
    # word alone is often the same word in the language (total, Portal, Audio).
    if len([w for w in _WORD.findall(rest) if not any(c.isupper() for c in w[1:])]) < 2:
        return []
    return [ctx.finding("identical", Severity.WARNING, entry,
                        "the translation is the source text unchanged: translate it (names "
                        "and terms that stay as they are belong in the glossary as keep terms)")]


__all__ = ["ALIASES", "check_identical", "is_name"]
