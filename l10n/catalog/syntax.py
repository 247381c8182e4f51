"""Strict PO syntax: what GNU ``msgfmt --check`` refuses, refused before polib reads it.

polib is lenient: a string missing its closing quote loses its last character, an
unknown escape ``\\q`` becomes ``\\\\q``, an entry without ``msgstr`` is read as
untranslated, and the next write makes all of that permanent. So every catalog is first
checked against the PO grammar as gettext's own parser (``po-lex.c``, ``po-gram.y``)
reads it, and a file that breaks it is refused with its line, untouched.

The grammar, as msgfmt applies it:

* a ``#`` outside a string starts a comment that runs to the end of the line. Comments
  (``#``, ``#.``, ``#:``, ``#,``) stand between messages, never inside one;
* ``#~`` lines hold the tokens of an obsolete message and ``#|`` (``#~|``) lines those of
  the previous msgid; a message is obsolete on all its lines or on none;
* tokens are the keywords ``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr`` and
  ``msgstr[N]``, and strings ``"..."`` on one line; spaces, tabs, CR, FF and VT separate
  them. In a string a backslash starts one of ``\\n \\t \\b \\r \\f \\v \\a \\\\ \\"``,
  1-3 octal digits, or ``\\x`` and hex digits;
* escapes msgfmt accepts but polib would damage (``\\a``, octal, ``\\x``) are refused
  too, with a hint to write the character itself;
* a message is ``[#| previous] [msgctxt S] msgid S (msgstr S | msgid_plural S
  msgstr[0] S msgstr[1] S ...)``, each S one or more strings; plural indices count
  from 0 without gaps.

Checks on the messages (run on polib's entries by :func:`check_messages`): no two
messages with the same context and msgid (obsolete ones included; one header); in a
translated, non-fuzzy message msgid and msgstr both begin, and both end, with ``\\n``
or neither does; plural translations need ``Plural-Forms`` with a ``plural=`` and as
many forms as ``nplurals``; a header with both must have a valid expression
(:mod:`l10n.catalog.plural`). Format strings (``c-format`` flags) are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polib

from l10n.catalog.plural import plural_problem
from l10n.errors import CatalogError

_HINT = "fix it in a PO editor or restore it from git; the file was left as it was"
_SPACE = " \t\r\f\v"
_STRING = re.compile(r'"(?:[^"\\\n]|\\(?:[ntbrfva\\"]|[0-7]{1,3}|x[0-9A-Fa-f]+))*"')
_ESCAPE = re.compile(r'\\(?:[ntbrfva\\"]|[0-7]{1,3}|x[0-9A-Fa-f]+)')
_KEYWORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INDEX = re.compile(r"\[[ \t\r\f\v]*([0-9]+)[ \t\r\f\v]*\]")
_KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # a keyword, "msgstr[]", "string" or "comment"
    line: int
    obsolete: bool = False
    previous: bool = False
    index: int = -1  # msgstr[N]
    empty: bool = False  # a string "" (to count header entries)


def _fail(path: Path, line: int, message: str) -> CatalogError:
    return CatalogError(f"syntax error in catalog: {message}", path=path, line=line,
                        hint=_HINT)


def _tokens(path: Path, text: str) -> Iterator[_Token]:
    for number, line in enumerate(text.split("\n"), start=1):
        rest = line.lstrip(_SPACE)
        obsolete = previous = False
        if rest.startswith("#~"):
            obsolete, rest = True, rest[2:]
            if rest.startswith("|"):
                previous, rest = True, rest[1:]
        elif rest.startswith("#|"):
            previous, rest = True, rest[2:]
        elif rest.startswith("#"):
            yield _Token("comment", number)
            continue
        yield from _line_tokens(path, rest, number, obsolete, previous)


def _line_tokens(
    path: Path, rest: str, number: int, obsolete: bool, previous: bool
) -> Iterator[_Token]:
    at = 0
    while at < len(rest):
        char = rest[at]
        if char in _SPACE:
            at += 1
        elif char == "#":  # a comment after tokens: ends the line
            yield _Token("comment", number)
            return
        elif char == '"':
            found = _STRING.match(rest, at)
            if found is None:
                raise _fail(path, number, _string_problem(rest[at:]))
            _faithful(path, number, found.group())
            yield _Token("string", number, obsolete, previous, empty=found.end() - at == 2)
            at = found.end()
        else:
            word = _KEYWORD.match(rest, at)
            if word is None or word.group() not in _KEYWORDS:
                what = word.group() if word else rest[at]
                raise _fail(path, number, f"unexpected '{what}' (a PO keyword or a quoted "
                            "string was expected)")
            at = word.end()
            if word.group() == "msgstr":
                index = _INDEX.match(rest, at)
                if index is not None:
                    at = index.end()
                    yield _Token("msgstr[]", number, obsolete, previous, int(index.group(1)))
                    continue
            yield _Token(word.group(), number, obsolete, previous)


def _faithful(path: Path, number: int, string: str) -> None:
    """Refuse the escapes msgfmt reads but polib does not (``\\a``, octal, hex): polib
    would keep them as text and write them back with a doubled backslash."""
    for escape in _ESCAPE.finditer(string):
        if escape.group()[1] not in 'ntbrfv\\"':
            raise CatalogError(
                f"the escape '{escape.group()}' is valid PO, but l10n cannot keep it",
                path=path, line=number, hint="write the character itself; the file was "
                "left as it was",
            )


def _string_problem(text: str) -> str:
    """Why the string at the start of ``text`` is not a valid PO string."""
    at = 1
    while at < len(text):
        if text[at] == '"':
            break
        if text[at] == "\\":
            escape = _ESCAPE.match(text, at)
            if escape is None:
                if at + 1 >= len(text):
                    break
                return f"invalid escape '\\{text[at + 1]}' in a string (write '\\\\' for '\\')"
            at = escape.end()
            continue
        at += 1
    return "the string has no closing quote"


class _Parser:
    """Messages from the tokens, by po-gram.y's rules."""

    def __init__(self, path: Path, tokens: Iterator[_Token]) -> None:
        self.path = path
        self.tokens = tokens
        self.token: _Token | None = next(tokens, None)
        self.headers = 0

    def _take(self) -> _Token:
        token = self.token
        assert token is not None
        self.token = next(self.tokens, None)
        return token

    def _is(self, kind: str, *, previous: bool = False) -> bool:
        return self.token is not None and self.token.kind == kind and (
            self.token.previous == previous or kind == "comment"
        )

    def parse(self) -> None:
        while self.token is not None:
            if self.token.kind == "comment":
                self._take()
                continue
            self._message()

    def _strings(self, keyword: _Token) -> bool:
        """One or more strings after ``keyword``; True when they are all empty."""
        if not self._is("string", previous=keyword.previous):
            raise _fail(self.path, keyword.line, f"'{keyword.kind}' is not followed by a "
                        "quoted string")
        empty = True
        while self._is("string", previous=keyword.previous):
            string = self._take()
            self._consistent(keyword, string)
            empty = empty and string.empty
        return empty

    def _consistent(self, first: _Token, token: _Token) -> None:
        if token.obsolete != first.obsolete:
            raise _fail(self.path, token.line, "inconsistent use of #~ (every line of an "
                        "obsolete message starts with #~)")

    def _message(self) -> None:
        first = self.token
        assert first is not None
        for keyword in ("msgctxt", "msgid", "msgid_plural"):
            if self._is(keyword, previous=True):
                self._strings(self._consistent_take(first))
        context = self._is("msgctxt")
        if context:
            self._strings(self._consistent_take(first))
        if not self._is("msgid"):
            what = self.token.kind if self.token is not None else "the end of the file"
            line = self.token.line if self.token is not None else first.line
            raise _fail(self.path, line, f"{_name(what)} where a msgid was expected")
        msgid = self._consistent_take(first)
        if self._strings(msgid) and not context:
            self.headers += 1
            if self.headers > 1 and not msgid.obsolete:
                raise _fail(self.path, msgid.line, 'a second header (msgid "")')
        if self._is("msgid_plural"):
            self._strings(self._consistent_take(first))
            self._plural_forms(msgid, first)
        elif self._is("msgstr"):
            self._strings(self._consistent_take(first))
        else:
            raise _fail(self.path, msgid.line, "the message has no msgstr (add msgstr \"\")"
                        if not self._is("msgstr[]") else "msgstr[N] without msgid_plural")

    def _plural_forms(self, msgid: _Token, first: _Token) -> None:
        expected = 0
        if not self._is("msgstr[]"):
            raise _fail(self.path, msgid.line, "a plural message needs msgstr[0]")
        while self._is("msgstr[]"):
            token = self._consistent_take(first)
            if token.index != expected:
                raise _fail(self.path, token.line, f"plural form msgstr[{token.index}] where "
                            f"msgstr[{expected}] was expected")
            self._strings(token)
            expected += 1

    def _consistent_take(self, first: _Token) -> _Token:
        token = self._take()
        self._consistent(first, token)
        return token


def _name(kind: str) -> str:
    return {"msgstr[]": "msgstr[N]", "string": "a quoted string", "comment": "a comment"}.get(
        kind, f"'{kind}'" if kind in _KEYWORDS else kind
    )


def _layout() -> re.Pattern[str]:
    """The common layout of a valid PO file (as msgcat, Poedit, polib and l10n write it)
    as one regular expression: one keyword and its first string per line, continuation
    strings on their own lines, ``#~ `` and ``#| `` prefixes, single-form messages. A file
    in this layout is valid PO; any other file goes through the full parser."""
    string = r'"[^"\\\n]*(?:\\[ntbrfv\\"][^"\\\n]*)*"'

    def message(prefix: str, previous: str) -> str:
        def field(keyword: str, lead: str = prefix) -> str:
            return rf"{lead}{keyword} {string}\n(?:{lead}{string}\n)*"

        old = "".join(f"(?:{field(k, previous)})?" for k in ("msgctxt", "msgid"))
        return rf"{old}(?:{field('msgctxt')})?{field('msgid')}{field('msgstr')}"

    line = r"[ \t\r]*\n|#(?:[^~|\n][^\n]*)?\n"
    return re.compile(rf"(?:{line}|{message('', '#[|] ')}|{message('#~ ', '#~[|] ')})*")


_LAYOUT = _layout()
_HEADER_MESSAGE = re.compile(r'^msgid ""\nmsgstr ', re.MULTILINE)


# msgfmt's reader joins any backslash-newline, whatever precedes it (even "\\")
_JOINED = re.compile(r"^#[^\n]*\\\n(?=[^#\n])", re.M)


def check_syntax(path: Path, text: str) -> None:
    """Raise CatalogError (file:line) unless ``text`` follows the PO grammar. A file in
    the common layout is recognised by one regular expression (fast); any other is
    parsed token by token, which finds the line of the first problem."""
    joined = _JOINED.search(text)  # gettext reads a backslash-newline as one line
    if joined is not None:
        raise CatalogError("a comment line ends with a backslash, so gettext joins the next "
                           "line to the comment", path=path,
                           line=text.count("\n", 0, joined.start()) + 1,
                           hint="remove the backslash at the end of the line")
    if _LAYOUT.fullmatch(text if text.endswith("\n") else text + "\n") and len(
        _HEADER_MESSAGE.findall(text)
    ) <= 1:
        return
    _Parser(path, _tokens(path, text)).parse()


def split_flags(po: polib.POFile) -> None:
    """Each entry's flags as gettext reads a ``#,`` line: words split at commas and at
    whitespace (polib splits at commas only, so ``#, msgid fuzzy`` would not be fuzzy)."""
    for entry in po:
        if any(" " in flag or "\t" in flag for flag in entry.flags):
            entry.flags = [word for flag in entry.flags for word in flag.split()]


def check_messages(po: polib.POFile, path: Path) -> None:
    """The checks msgfmt makes on parsed messages (see the module docstring)."""
    seen: dict[tuple[str | None, str], int] = {}
    nplurals = _nplurals(po, path)
    for entry in po:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise CatalogError(
                f"duplicate message {entry.msgid[:40]!r} (also at line {seen[key]})",
                path=path, line=entry.linenum, hint="merge or delete one of the two entries",
            )
        seen[key] = entry.linenum or 0
        if entry.msgid_plural and not entry.obsolete:  # msgfmt ignores obsolete entries
            _check_plural(entry, nplurals, path)
        if not entry.obsolete and "fuzzy" not in entry.flags:
            _check_newlines(entry, path)


def _nplurals(po: polib.POFile, path: Path) -> int | None:
    """The header's ``nplurals``, when it has both ``nplurals=`` and ``plural=`` (which
    must then be valid, as msgfmt requires); None when one is missing."""
    forms = po.metadata.get("Plural-Forms", "")
    count = re.search(r"\bnplurals\s*=\s*([^;]*)", forms)
    rule = re.search(r"\bplural\s*=\s*([^;]*)", forms)
    if count is None or rule is None:
        return None
    hint = "use the rule of the catalog's language, e.g. \"nplurals=1; plural=0;\""
    if not count.group(1).strip().isdigit() or int(count.group(1)) == 0:
        problem: str | None = f"invalid nplurals value '{count.group(1).strip()}'"
    else:
        problem = plural_problem(rule.group(1), int(count.group(1)))
    if problem is not None:
        raise CatalogError(f"Plural-Forms: {problem}", path=path, line=_line_of(
            path, '"Plural-Forms:'), hint=hint)
    return int(count.group(1))


def _line_of(path: Path, start: str) -> int | None:
    """The number of the file's first line that starts with ``start``."""
    try:
        with open(path, encoding="utf-8", errors="replace") as lines:
            return next((number for number, line in enumerate(lines, 1)
                         if line.lstrip().startswith(start)), None)
    except OSError:
        return None


def _check_plural(entry: polib.POEntry, nplurals: int | None, path: Path) -> None:
    if nplurals is None:
        raise CatalogError("a plural message, but the header has no Plural-Forms with "
                           "plural=", path=path, line=entry.linenum,
                           hint="add e.g. \"Plural-Forms: nplurals=1; plural=0;\\n\"")
    if len(entry.msgstr_plural) != nplurals:
        fix = "remove the extra" if len(entry.msgstr_plural) > nplurals else "add the missing"
        raise CatalogError(f"{len(entry.msgstr_plural)} plural forms, but the header's "
                           f"Plural-Forms says nplurals={nplurals}", path=path,
                           line=entry.linenum, hint=f"{fix} msgstr[N] lines")


def _check_newlines(entry: polib.POEntry, path: Path) -> None:
    translations = [entry.msgstr] if not entry.msgid_plural else list(
        entry.msgstr_plural.values())
    for text in (t for t in translations if t):
        for end, test in (("begin", str.startswith), ("end", str.endswith)):
            if test(entry.msgid, "\n") != test(text, "\n"):
                raise CatalogError(
                    f"msgid and msgstr do not both {end} with '\\n'", path=path,
                    line=entry.linenum, hint="add or remove the \\n in the translation",
                )


_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([A-Za-z0-9_.:-]+)', re.M)


def declared_charset(raw: bytes) -> str:
    """The charset the header declares (``ISO-8859-1``, ``EUC-KR``), as Python names it;
    UTF-8 when none is declared, when it is ``CHARSET`` (a template's) or unknown."""
    import codecs

    found = _CHARSET.search(raw[:4096])
    if found is None:
        return "utf-8"
    name = found.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def number_entries(po: polib.POFile, text: str) -> None:
    """Give each entry of ``po`` the line it starts on in ``text``, its rendering (as
    polib numbers the entries of a file it reads), so that what is said about a catalog
    just written names the lines its reader sees. ``text`` holds one block per entry,
    the header's first, then the live entries, then the obsolete ones; a text that does
    not (another tool's order) leaves the numbers as they were."""
    lines = text.split("\n")
    starts = [n + 1 for n, line in enumerate(lines) if line and (n == 0 or not lines[n - 1])]
    entries = [e for e in po if not e.obsolete] + [e for e in po if e.obsolete]
    if len(starts) != len(entries) + 1:
        return
    for entry, start in zip(entries, starts[1:], strict=True):
        entry.linenum = start


__all__ = ["check_messages", "check_syntax", "declared_charset", "number_entries"]
