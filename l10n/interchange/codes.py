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


def plain(parts: list[Part]) -> str:
    """The text only, codes left out (for messages)."""
    return "".join(p for p in parts if isinstance(p, str))


__all__ = ["END", "PH", "START", "Code", "Part", "align", "join", "originals", "plain", "split"]
