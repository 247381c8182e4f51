"""Accelerators (mnemonics) of UI labels: ``_File`` (GTK), ``&File`` (Qt, KDE, Windows),
and the CJK convention of a Latin key after the label, ``파일(_F)``.

An entry has an accelerator when its source has exactly one marker before a letter or
digit: ``_`` at the start of a word or inside a capitalised word (``Sa_ve``, never
``snake_case`` or ``__init__``), or ``&`` that does not start an entity (``&amp;``) and
is not the word ``&`` nor inside an abbreviation (``AT&T``, ``R&D``). The translation
keeps one when it has the same marker before a letter or digit anywhere: moving it
(``Enregi_strer``, ``파일(_F)``) is the translator's choice, leaving it out is the
``accelerators`` warning (pofilter's ``accelerators``).

:func:`plain` takes the markers out of both texts (and a CJK ``(_F)`` altogether), so the
other checks read ``1_80°`` as ``180°`` and ``파일(_F)`` as ``파일``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from l10n.model import Finding, Severity

if TYPE_CHECKING:
    from l10n.catalog import Entry


class _Context(Protocol):  # l10n.qa.checks.CheckContext, without importing it (no circle)
    @property
    def accelerators(self) -> bool:
        ...

    def finding(self, check: str, severity: Severity, entry: Entry, message: str) -> Finding:
        ...


_AMPERSAND = re.compile(r"&(?=[^\W_])(?![A-Za-z][A-Za-z0-9]*;|#\d+;|#x[0-9A-Fa-f]+;)")
_ABBREVIATION = re.compile(r"(?<![^\W\d_])[A-Z]{1,3}&[A-Z]{1,3}(?![^\W\d_])")  # AT&T, R&D
_CJK_KEY = {marker: re.compile(rf"\s?\({re.escape(marker)}[^\W_]\)") for marker in "_&"}


def _underscore(text: str) -> bool:
    """Whether the one ``_`` of ``text`` marks a key (see the module docstring)."""
    at = text.index("_")
    after = text[at + 1 : at + 2]
    if not after or not after.isalnum():
        return False
    before = text[:at]
    if not before or not (before[-1].isalnum() or before[-1] == "_"):
        return True
    if before[-1].isdigit() and after.isdigit():
        return True  # 1_80°
    if after.isupper() or "/" in text[max(0, at - 20) : at]:
        return False  # New_York, America/New_York: a name or a path
    word = re.search(r"[^\W_]+$", before)
    whole = (word.group() if word else "") + re.match(r"[^\W_]*", text[at + 1 :]).group()  # type: ignore[union-attr]
    return word is not None and word.group()[0].isupper() and not whole.isupper()


def accelerator(source: str) -> str | None:
    """The marker of the source's accelerator (``_`` or ``&``), or None."""
    if source.count("_") == 1 and _underscore(source):
        return "_"
    if source.count("&") == 1 and _AMPERSAND.search(source) and not _ABBREVIATION.search(source):
        return "&"
    return None


def has_accelerator(text: str, marker: str) -> bool:
    return re.search(rf"{re.escape(marker)}[^\W_]", text) is not None


def strip(text: str, marker: str) -> str:
    """``text`` without its accelerator: a CJK ``(_F)`` goes, a marker before a letter."""
    text = _CJK_KEY[marker].sub("", text)
    return re.sub(rf"{re.escape(marker)}(?=[^\W_])", "", text, count=1)


def plain(entry: Entry) -> Entry:
    """The entry with its accelerator taken out of source and translation (if it has one)."""
    marker = accelerator(entry.msgid)
    if marker is None:
        return entry
    return replace(entry, msgid=strip(entry.msgid, marker), msgstr=strip(entry.msgstr, marker))


def check_accelerators(entry: Entry, ctx: _Context) -> list[Finding]:
    """The ``accelerators`` warning: the source's accelerator is missing in the translation;
    an error where the source's key is a digit and the translation marks another digit
    (a digit numbers the item on every keyboard: "group _1" -> "(_2)" selects group 2)."""
    if not entry.msgstr or not ctx.accelerators:
        return []  # a catalog that marks none is told once (l10n.qa.catalog)
    marker = accelerator(entry.msgid)
    if marker is None:
        return []
    digit = re.search(rf"(?<!\d){re.escape(marker)}(\d)(?!\d)", entry.msgid)  # not _180°
    keys = re.findall(rf"{re.escape(marker)}([^\W_])", entry.msgstr)
    if digit and keys and all(k.isdigit() for k in keys) and digit[1] not in keys:
        return [ctx.finding("accelerators", Severity.ERROR, entry,  # "_1" -> "(_2)"
                            f"the source's key {digit[1]!r} is {keys[0]!r} in the "
                            "translation: a digit key numbers the item, keep it")]
    if has_accelerator(entry.msgstr, marker):
        return []
    return [ctx.finding("accelerators", Severity.WARNING, entry,
                        f"the accelerator of the source ({marker!r} before a letter) is "
                        f"missing: mark a key of the translation with {marker!r}")]


__all__ = ["accelerator", "check_accelerators", "has_accelerator", "plain", "strip"]
