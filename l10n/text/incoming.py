"""The one gate for text that enters a catalog from outside l10n: an engine's answers, a
translation memory or TMX import, an agency's XLIFF file, the review page's saves.

What passes is text a catalog can hold and every build can show:

* a ``str`` (an engine that answers ``None`` or ``{'a': 1}`` has a bug: the caller makes
  that an engine error naming the engine and the segment);
* valid Unicode: a lone surrogate (``\\ud800``, which no UTF-8 file can hold) is refused;
* no control characters but tab and newline: NUL, the other C0 and C1 controls, DEL and
  whole terminal escape sequences (``ESC [ 31 m``, ``ESC ] ... BEL``) are removed, and
  the caller tells the user what was removed (a finding), so that nothing is changed
  silently; a catalog never holds them, so ``build`` and a terminal never see them;
* at most :data:`MAX_CHARS` characters: an answer a thousand times a sentence's size is
  a runaway engine or an attack, not a translation; it is refused.

:func:`admit` applies the rules; :class:`Refused` says why a text cannot pass. Markup a
translation adds beyond its source's is the builds' concern (they show it as text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 1_000_000  # characters per entry

_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[@-Z\\-_]"  # other two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class Refused(ValueError):
    """The text cannot enter a catalog; the message says why (no place: the caller's)."""


@dataclass(frozen=True, slots=True)
class Admitted:
    text: str
    removed: int = 0  # control characters (an escape sequence counts as one) removed

    @property
    def note(self) -> str:
        """What was removed, for the finding the caller reports ("" when nothing)."""
        if not self.removed:
            return ""
        return (f"removed {self.removed} control character{'s' if self.removed > 1 else ''} "
                "(NUL, terminal escapes...)")


def admit(text: object) -> Admitted:
    """``text`` as it may enter a catalog (the module's rules); :class:`Refused` when it
    cannot."""
    if not isinstance(text, str):
        raise Refused(f"not text but {type(text).__name__} {_shown(text)}")
    if len(text) > MAX_CHARS:
        raise Refused(f"{len(text):,} characters, over the limit of {MAX_CHARS:,} per entry")
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise Refused(f"not valid Unicode: a lone surrogate U+{ord(bad.group()):04X} at "
                      f"character {bad.start() + 1}")
    if not _CONTROL.search(text):
        return Admitted(text)
    text, escapes = _ESCAPE.subn("", text)
    text, controls = _CONTROL.subn("", text)
    return Admitted(text, escapes + controls)


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


__all__ = ["MAX_CHARS", "Admitted", "Refused", "admit"]
