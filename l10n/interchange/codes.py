"""A segment's inline markup as XLIFF inline codes, and back.

What :mod:`l10n.text.protect` protects from translation, glossary terms aside (HTML tags,
inline code, link targets, URLs, e-mail addresses, placeholders), is a code; the rest is
text. An HTML start tag and the end tag that closes it in the same segment are a pair
(XLIFF 2 ``<pc>``, 1.2 ``<bpt>``/``<ept>``); every other code stands alone (``<ph>``).
Codes are numbered ``1``, ``2``... in order (a pair takes one number), so a segment always
gives the same ids, and each code carries its original markup (XLIFF 2
``<originalData>``, the content of 1.2's ``<bpt>``/``<ept>``/``<ph>``).

Reading gives codes without their markup where a tool wrote none (``<x/>``, ``<g>``):
:func:`join` fills them in by id from the source's codes, and refuses an id the source
does not have.

An import takes no markup from the file: :func:`rebuild` writes each code as the
project's own source has it (by kind and id), and reports a code whose markup in the
file differs (an edited ``originalData``: ``<a href="javascript:...">`` for the
source's ``<a href="/x">``) as a conflict; :func:`nesting_problem` refuses pairs that
are not paired and nested as a source's are (an end before its start, overlaps).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from l10n.articles.htmldom import VOID
from l10n.text.protect import HTML, TERM, mask

PH = "ph"
START = "start"
END = "end"
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>\Z")
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>\Z")


@dataclass(frozen=True, slots=True)
class Code:
    """An inline code: standalone (``ph``) or one end of a pair; ``original`` is its
    markup, or None when the file did not carry it."""

    kind: str  # PH, START or END
    id: str
    original: str | None = None


Part = str | Code


def split(text: str) -> list[Part]:
    """``text`` as text and codes (the module's rules)."""
    slots = [slot for slot in mask(text).slots if slot.kind != TERM]
    kinds: list[str] = [PH] * len(slots)
    ids: list[str] = [""] * len(slots)
    stack: list[tuple[int, str]] = []
    for n, slot in enumerate(slots):
        if slot.kind != HTML:
            continue
        start, end = _START_TAG.match(slot.original), _END_TAG.match(slot.original)
        if start and start.group(1).lower() not in VOID and not slot.original.endswith("/>"):
            stack.append((n, start.group(1).lower()))
        elif end and stack and stack[-1][1] == end.group(1).lower():
            opened, _ = stack.pop()
            kinds[opened], kinds[n] = START, END
            ids[n] = str(opened)  # provisional: numbered below
    parts: list[Part] = []
    numbers: dict[int, str] = {}
    pos = 0
    for n, slot in enumerate(slots):
        if slot.start > pos:
            parts.append(text[pos : slot.start])
        if kinds[n] == END:
            number = numbers[int(ids[n])]
        else:
            number = numbers[n] = str(len(numbers) + 1)
        parts.append(Code(kinds[n], number, slot.original))
        pos = slot.end
    if pos < len(text):
        parts.append(text[pos:])
    return parts


def align(target: list[Part], source: list[Part]) -> list[Part]:
    """``target``'s codes numbered as the same markup is in ``source`` (a translation moves
    codes around); markup the source does not have gets numbers after the source's."""
    free: dict[tuple[str, str | None], list[str]] = {}
    for part in source:
        if isinstance(part, Code) and part.kind != END:
            free.setdefault((part.kind, part.original), []).append(part.id)
    used = [int(p.id) for p in source if isinstance(p, Code) and p.id.isdigit()]
    next_id = max(used, default=0) + 1
    renamed: dict[str, str] = {}
    out: list[Part] = []
    for part in target:
        if not isinstance(part, Code):
            out.append(part)
            continue
        if part.kind == END:
            out.append(Code(END, renamed.get(part.id, part.id), part.original))
            continue
        ids = free.get((part.kind, part.original))
        if ids:
            number = ids.pop(0)
        else:
            number, next_id = str(next_id), next_id + 1
        renamed[part.id] = number
        out.append(Code(part.kind, number, part.original))
    return out


def originals(parts: list[Part]) -> dict[tuple[str, str], str]:
    """(kind, id) -> markup, for the codes that carry theirs."""
    return {(p.kind, p.id): p.original for p in parts if isinstance(p, Code) and p.original}


def join(parts: list[Part], known: dict[tuple[str, str], str] | None = None) -> str:
    """The text of ``parts``; a code without markup takes it from ``known`` (by kind and
    id). KeyError names a code that has none."""
    known = known or {}
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part.original is not None:
            out.append(part.original)
        else:
            out.append(known[(part.kind, part.id)])
    return "".join(out)


def rebuild(parts: list[Part], project: dict[tuple[str, str], str],
            own: frozenset[tuple[str, str]] = frozenset()) -> tuple[str, list[str]]:
    """The text of ``parts`` with every code's markup the ``project``'s (by kind and id),
    and the codes whose markup in the file differs from it, described. A code the
    project's source does not have passes only with markup in ``own`` (the project's
    current translation has it: ``(kind, markup)``); any other raises KeyError
    ``(kind, id)``."""
    out: list[str] = []
    changed: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        mine = project.get((part.kind, part.id))
        if mine is None:
            if part.original is None or (part.kind, part.original) not in own:
                raise KeyError((part.kind, part.id))
            mine = part.original
        elif part.original is not None and part.original != mine:
            changed.append(f"code {part.id} ({part.kind}) is {part.original!r} in the file, "
                           f"{mine!r} in the project")
        out.append(mine)
    return "".join(out), changed


def nesting_problem(parts: list[Part]) -> str | None:
    """What is wrong with the pairs of ``parts`` (None: each pair starts, then ends, and
    pairs nest, as a source's do)."""
    opened: list[str] = []
    for part in parts:
        if not isinstance(part, Code) or part.kind == PH:
            continue
        if part.kind == START:
            if part.id in opened:
                return f"code {part.id} starts twice"
            opened.append(part.id)
        elif opened and opened[-1] == part.id:
            opened.pop()
        elif part.id in opened:
            return f"code {part.id} ends before code {opened[-1]}, which started inside it"
        else:
            return f"code {part.id} ends before it starts (an <ec> before its <sc>)"
    if opened:
        return f"code {opened[-1]} starts and never ends"
    return None


def plain(parts: list[Part]) -> str:
    """The text only, codes left out (for messages)."""
    return "".join(p for p in parts if isinstance(p, str))


__all__ = ["END", "PH", "START", "Code", "Part", "align", "join", "nesting_problem",
           "originals", "plain", "rebuild", "split"]
