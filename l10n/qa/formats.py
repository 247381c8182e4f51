"""Format strings: C's printf, Python's ``%`` and ``str.format`` directives, as gettext
reads them, and the ``placeholders`` check's comparison of a translation with its source.

Which grammar applies is the entry's flag, as ``msgfmt --check`` honours it:
``c-format`` (C: flags ``-+ #0'I``, width and precision, ``*`` and ``*n$``, length
modifiers ``hh h l ll L q j z Z t I64 I32 I``, ``<PRIu64>`` macros, ``%n$`` positions),
``python-format`` (``%s``, ``%(name)s``) and ``python-brace-format`` (``{name}``, ``{0}``,
``{}``), ``qt-format`` (Qt's ``%1`` to ``%99``, ``%L1``) and ``kde-format`` (the same
numbers; a translation may leave out one argument, as gettext's format-kde allows);
``no-c-format`` / ``no-python-format`` turn a grammar off. An entry without
any of these flags (news articles, hand-written catalogs) is read by a careful union of
the three (no space or ``'`` flag, so ``100% sure`` is not ``% s``). A date format
(``%d %B %Y``, unflagged or ``no-c-format``) is read as strftime: the translation may
write each part of the date its own way and in its own order, but keeps every part. One
such directive in a sentence ("The folder "%B" cannot be copied") is a program's own
placeholder, kept as it is.

Directives are compared as gettext compares them: argument by argument, each argument
keyed by its position (the n-th unnumbered directive is argument n, ``%2$s`` is
argument 2) or name, with its type (length modifier and conversion: ``%lu`` is not
``%u`` nor ``%ld``). So ``%2$s … %1$s`` for ``%s … %s`` is valid (the translation
reorders), and a dropped ``%zu`` is caught. A plural form may leave an argument out
(``one file`` for ``%d files``), never add one or change its type.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

C_FORMAT, PYTHON_FORMAT, BRACE_FORMAT = "c-format", "python-format", "python-brace-format"
QT_FORMAT, KDE_FORMAT = "qt-format", "kde-format"
KINDS = (C_FORMAT, PYTHON_FORMAT, BRACE_FORMAT)  # read in unflagged text too
FLAGGED_ONLY = (QT_FORMAT, KDE_FORMAT)  # %1 in unflagged text is often just "%1"

_C = re.compile(
    r"%(?:(?P<pos>\d+)\$)?(?P<flags>(?:[-+ #0']|I(?!64|32))*)"
    r"(?P<width>\*(?:\d+\$)?|\d+)?(?:\.(?P<prec>\*(?:\d+\$)?|\d*))?"
    r"(?P<len>hh|h|ll|l|L|q|j|z|Z|t|I64|I32|I(?![A-Za-z]))?"
    r"(?P<conv>[diouxXeEfFgGaAcCsSpnm%]|<PRI[diouxX][A-Z0-9_]*>)")
# No flags an ordinary text has after a percent sign ("100% sure", "50% d'entre eux").
_C_CAREFUL = re.compile(
    r"%(?:(?P<pos>\d+)\$)?(?P<flags>[-+#0]*)(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d+))?"
    r"(?P<len>hh|h|ll|l|L|q|j|z|t|I64)?(?P<conv>[diouxXeEfFgGcsp%])(?![A-Za-z])")
# The same directive glued to a letter ("%0.1fs", "%ss": a unit or plural ending after it),
# which the careful reading leaves alone on its side
_C_GLUED = re.compile(_C_CAREFUL.pattern.replace("(?![A-Za-z])", "(?=[A-Za-z])"))
_PY = re.compile(
    r"%(?:\((?P<name>[^()]*)\))?(?P<flags>[-+ #0]*)(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d+))?"
    r"[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])")
_PY_CAREFUL = re.compile(r"%\((?P<name>[A-Za-z_][A-Za-z0-9_]*)\)[-+#0]*\d*(?:\.\d+)?"
                         r"(?P<conv>[diouxXeEfFgGcrsa])")
_BRACE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}!:\s]*)(?:![rsa])?(?::[^{}]*)?\}")
# A word in braces in a translation's own script ("{atiestatīt}" for "{unset}"): without a
# format flag, a source that is a braced word alone ("{unset}": a string made of one field
# would need no translation) is a label in braces, translated
_BRACE_LABEL = re.compile(r"\{[^{}\d\W]*[^\x00-\x7f][^{}\s]*\}")
_BRACE_CAREFUL = re.compile(r"\{\{|\}\}|\{(?P<field>[A-Za-z_][A-Za-z0-9_]*|\d*)"
                            r"(?:![rsa])?(?::[^{}\s]*)?\}")

_QT = re.compile(r"%L?(?P<n>[1-9]\d?)(?!\d)")
_STRFTIME = re.compile(r"%[-_0^#]?[ABHMSYZabjkmy](?![diouxXeEfFgGcs])|%-[de]\b|%e\b")
_C_TYPES = {**dict.fromkeys("di", "int"), **dict.fromkeys("ouxX", "unsigned"),
            **dict.fromkeys("eEfFgGaA", "double"), "c": "char", "C": "wchar", "s": "string",
            "S": "wstring", "p": "pointer", "n": "count"}  # fmt: skip
_PY_TYPES = {**dict.fromkeys("diouxXc", "number"), **dict.fromkeys("eEfFgG", "float"),
             **dict.fromkeys("rsa", "any")}  # fmt: skip


@dataclass(frozen=True)
class Directive:
    """One directive of a text: where, as written, and the arguments it takes."""

    start: int
    end: int
    text: str
    args: tuple[tuple[str, str], ...]  # (argument key, type)


def _c_type(length: str, conv: str) -> str:
    if conv.startswith("<PRI"):
        return f"{conv[4] in 'di' and 'int' or 'unsigned'}{conv[5:-1]}"
    kind = _C_TYPES[conv]
    return f"{length} {kind}".strip() if kind not in ("pointer",) else kind


def c_directives(text: str, *, careful: bool = False) -> list[Directive]:
    """C directives of ``text``; unnumbered ones take arguments in order (``*`` too)."""
    found: list[Directive] = []
    following = 0
    for hit in (_C_CAREFUL if careful else _C).finditer(text):
        conv = hit["conv"]
        if conv == "%":
            continue
        args: list[tuple[str, str]] = []
        for part in (hit["width"], hit["prec"]):
            if part and part.startswith("*"):
                if part.endswith("$"):
                    args.append((part[1:-1], "int"))
                else:
                    following += 1
                    args.append((str(following), "int"))
        if conv != "m":
            if hit["pos"]:
                key = hit["pos"]
            else:
                following += 1
                key = str(following)
            args.append((key, _c_type(hit["len"] or "", conv)))
        found.append(Directive(hit.start(), hit.end(), hit.group(), tuple(args)))
    return found


def python_directives(text: str, *, careful: bool = False) -> list[Directive]:
    """Python ``%`` directives: named ones keyed by name, the others by order."""
    found: list[Directive] = []
    following = 0
    for hit in (_PY_CAREFUL if careful else _PY).finditer(text):
        conv = hit["conv"]
        if conv == "%":
            continue
        name = hit["name"]
        if name is None:
            following += 1
            name = str(following)
        found.append(Directive(hit.start(), hit.end(), hit.group(),
                               ((f"({name})", _PY_TYPES[conv]),)))
    return found


def brace_directives(text: str, *, careful: bool = False) -> list[Directive]:
    """``str.format`` fields: ``{name}``, ``{0}``, ``{}`` (numbered in order)."""
    found: list[Directive] = []
    following = 0
    for hit in (_BRACE_CAREFUL if careful else _BRACE).finditer(text):
        if hit.group() in ("{{", "}}"):
            continue
        name = re.split(r"[.\[]", hit["field"], maxsplit=1)[0]
        if not name:
            name = str(following)
            following += 1
        found.append(Directive(hit.start(), hit.end(), hit.group(), ((f"{{{name}}}", "any"),)))
    return found


def qt_directives(text: str, *, careful: bool = False) -> list[Directive]:
    """Qt's and KDE's ``%1`` .. ``%99`` (``%L1``: localized): keyed by the number."""
    return [Directive(hit.start(), hit.end(), hit.group(), ((f"%{hit['n']}", "any"),))
            for hit in _QT.finditer(text)]


def format_kinds(flags: tuple[str, ...] | list[str]) -> tuple[list[str], bool]:
    """The grammars an entry's flags ask for, and whether they were explicit."""
    given = {f.strip() for f in flags}
    kinds = [k for k in (*KINDS, *FLAGGED_ONLY) if k in given]
    if kinds:
        return kinds, True
    if given & {f"no-{k}" for k in (*KINDS, *FLAGGED_ONLY)}:
        return [], True  # msgfmt checks nothing there
    return list(KINDS), False


def directives(text: str, kinds: list[str], careful: bool) -> list[Directive]:
    """Every directive of ``text`` under ``kinds``, in order; overlaps go to the first."""
    readers = {C_FORMAT: c_directives, PYTHON_FORMAT: python_directives,
               BRACE_FORMAT: brace_directives, QT_FORMAT: qt_directives,
               KDE_FORMAT: qt_directives}
    found: list[Directive] = []
    for kind in kinds:
        for d in readers[kind](text, careful=careful):
            if careful and kind == C_FORMAT and d.text.startswith("%("):
                continue
            if all(d.end <= o.start or d.start >= o.end for o in found):
                found.append(d)
    return sorted(found, key=lambda d: d.start)


def _unglued(text: str, other: str) -> str:
    """``text`` with each directive that ``other`` has glued to an ASCII letter (which the
    careful reading skips there) blanked, so that both sides are read alike."""
    glued = Counter(hit.group() for hit in _C_GLUED.finditer(other))

    def blank(hit: re.Match[str]) -> str:
        if glued[hit.group()] <= 0:
            return hit.group()
        glued[hit.group()] -= 1
        return " " * len(hit.group())

    return _C_CAREFUL.sub(blank, text) if glued else text


def _figures(text: str) -> list[str]:
    """The width and precision of a printf directive for a number ("%06<PRId64>": 06,
    "%(seconds).2d": 2); a string's width may change to align translated labels."""
    if not text.startswith("%") or text[-1] in "sScCr":
        return []
    return re.findall(r"\d+", re.sub(r"^%\d+\$|\([^)]*\)|<[^>]*>|I64|I32|ll?|hh?", "", text))


def _arguments(found: list[Directive]) -> dict[str, tuple[str, Directive]]:
    args: dict[str, tuple[str, Directive]] = {}
    for d in found:
        for key, kind in d.args:
            args.setdefault(key, (kind, d))
    return args


def _named(key: str) -> str:
    return f"argument {key}" if key.isdigit() else key


def format_problems(source: str, target: str, flags: tuple[str, ...] | list[str], *,
                    plural_form: bool = False) -> list[tuple[str, tuple[int, int] | None]]:
    """What is wrong with the directives of ``target`` against ``source``: (message,
    span in the target), one per argument."""
    kinds, explicit = format_kinds(flags)
    careful = not explicit
    if (careful or not kinds) and _STRFTIME.search(source):
        lone = _program_placeholder(source)
        if lone is not None:  # caja's "The folder "%B" cannot be copied": %B is its own
            return [] if lone in target else [(f"placeholder {lone!r} of the source is "
                                               "missing: copy it unchanged", None)]
        return _date_fields_lost(source, target)  # a date format (%B %-d %Y), not printf
    if not kinds:
        return []
    if careful and _STRFTIME.search(target):
        return []
    if careful and C_FORMAT in kinds:  # "%0.1fs" -> "%0.1f초": read on neither side
        source, target = _unglued(source, target), _unglued(target, source)
    src, tgt = directives(source, kinds, careful), directives(target, kinds, careful)
    if not src and not tgt:
        return []
    want, have = _arguments(src), _arguments(tgt)
    problems: list[tuple[str, tuple[int, int] | None]] = []
    extra = [d for key, (_, d) in have.items() if key not in want]
    # KDE: one argument may be left out ("%1 files" -> "one file"), as format-kde allows
    spare = 1 if KDE_FORMAT in kinds else 0
    labels = len(_BRACE_LABEL.findall(target)) if careful else 0
    for key, (kind, d) in want.items():
        if key not in have:
            if not extra and spare:
                spare -= 1
            elif not extra and labels and d.text == source.strip():
                labels -= 1  # "{unset}" -> "{atiestatīt}": no flag, a label in braces
            elif extra:  # renamed ({name} -> {이름}): one problem
                now = extra.pop(0)
                problems.append((f"placeholder {d.text!r} was changed to {now.text!r}: copy "
                                 "it from the source unchanged", (now.start, now.end)))
            elif not plural_form:
                problems.append((f"placeholder {d.text!r} ({_named(key)}) of the source is "
                                 "missing: copy it unchanged", None))
        elif have[key][0] != kind:
            now = have[key][1]
            problems.append((f"placeholder {d.text!r} was changed to {now.text!r}: it must "
                             f"take the same argument ({kind})", (now.start, now.end)))
        elif _figures(d.text) != _figures(have[key][1].text):
            now = have[key][1]
            problems.append((f"placeholder {d.text!r} was changed to {now.text!r}: keep its "
                             "width and precision", (now.start, now.end)))
    uses = [Counter(k for d in side for k, _ in d.args if k.startswith("{"))
            for side in (src, tgt)]
    for key, times in uses[0].items():  # "{n}/{n}" -> "{n}/": one use lost (msgfmt allows)
        if 0 < uses[1][key] < times and not plural_form:
            problems.append((f"placeholder {key} is {times} times in the source, "
                             f"{uses[1][key]} in the translation: keep each", None))
    for d in extra:
        key = next(k for k, _ in d.args if k not in want)
        problems.append((f"placeholder {d.text!r} ({_named(key)}) is not in the source: "
                         "remove it or make it match", (d.start, d.end)))
    return problems


# strftime: which part of a date or time each directive writes; a translation may write a
# part its own way (%B -> %m, %I %p -> %H, %x for %d/%m/%Y), never leave one out.
_DATE_FIELDS = {**dict.fromkeys("dej", "day"), **dict.fromkeys("bBhm", "month"),
                **dict.fromkeys("yYGgC", "year"), **dict.fromkeys("HIkl", "hour"),
                "M": "minute", "S": "second", **dict.fromkeys("aAuw", "weekday"),
                **dict.fromkeys("pP", "am/pm")}  # fmt: skip
_DATE_SETS = {"c": ("day", "month", "year", "hour", "minute", "second"),
              **dict.fromkeys("xDF", ("day", "month", "year")),
              **dict.fromkeys("XT", ("hour", "minute", "second")), "R": ("hour", "minute"),
              "r": ("hour", "minute", "second", "am/pm")}
_DATE_DIRECTIVE = re.compile(r"%[-_0^#]?(?:E|O)?([A-Za-z%])")


def _date_parts(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for hit in _DATE_DIRECTIVE.finditer(text):
        for part in _DATE_SETS.get(hit[1], (_DATE_FIELDS.get(hit[1], ""),)):
            if part:
                parts.setdefault(part, hit.group())
    return parts


def _program_placeholder(source: str) -> str | None:
    """The one strftime-like directive of a sentence ("The folder "%B" cannot be copied"):
    no date format but a program's own placeholder, kept as it is."""
    found = [hit.group() for hit in _DATE_DIRECTIVE.finditer(source)]
    words = len(re.findall(r"[^\W\d_]{2,}", _DATE_DIRECTIVE.sub(" ", source)))
    return found[0] if len(found) == 1 and words >= 4 else None


def _date_fields_lost(source: str, target: str) -> list[tuple[str, tuple[int, int] | None]]:
    have, want = _date_parts(target), _date_parts(source)
    if "am/pm" in want and not re.search(r"%[-_0^#]?[Il]", target):
        del want["am/pm"]  # "%I:%M %p" -> "%H:%M": a 24-hour clock needs no AM/PM
    return [(f"the date format's {part} ({written}) is missing: keep it in the "
             "translation's own form", None)
            for part, written in want.items() if part not in have]


def blank_directives(text: str, flags: tuple[str, ...] | list[str] = ()) -> str:
    """``text`` with its directives replaced by spaces (for checks that read numbers)."""
    kinds, explicit = format_kinds(flags)
    for d in directives(text, kinds, not explicit):
        text = text[: d.start] + " " * (d.end - d.start) + text[d.end :]
    return text


__all__ = ["Directive", "blank_directives", "brace_directives", "c_directives",
           "directives", "format_kinds", "format_problems", "python_directives",
           "qt_directives"]
