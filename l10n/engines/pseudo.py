"""The ``pseudo`` engine: pseudo-localization, to test layouts before real translations exist.

Rules (deterministic, any language pair, score None, one hypothesis per text):

* ASCII letters outside protected spans become accented look-alikes (``a`` -> ``á``);
* the text grows by about 30% (``expansion``): a run of ``~`` is added before the
  closing bracket, as translations into many languages are longer than English;
* the whole text is wrapped in ``⟦`` ... ``⟧`` so that truncated or concatenated
  strings show in a build;
* protected spans are copied verbatim: enforcement tokens (``XTERM1X``, ``ZQX1``: a run
  of ``[A-Z]{1,5}\\d+[A-Z]*``), URLs, e-mail addresses, Markdown inline code, the URL
  part of Markdown links, HTML tags and entities, ``{placeholders}`` and printf
  placeholders (``%s``, ``%(name)d``). Pass ``keep`` to protect more.
* a text with no letters to transform (blank, or only protected spans) is returned
  unchanged, without brackets.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from l10n.engines.base import Advance
from l10n.model import Hypothesis

KEEP = re.compile(
    r"""
      \b[A-Z]{1,5}\d+[A-Z]*\b              # enforcement tokens: XTERM1X, ZQX1, T3
    | (?:https?|ftp)://[^\s<>()\]]+        # URLs
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+         # e-mail addresses
    | `[^`\n]*`                            # Markdown inline code
    | \]\([^)\s]*\)                        # the target of a Markdown link
    | </?[A-Za-z][^<>]*>                   # HTML tags
    | &(?:[A-Za-z]+|\#\d+);                # HTML entities
    | \{[^{}\s]*\}                         # {placeholders}
    | %(?:\([^)\s]+\))?[-+0#]*\d*(?:\.\d+)?[sdifr%]  # printf placeholders
    """,
    re.VERBOSE,
)

_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ"
ACCENTS = str.maketrans(_PLAIN, _ACCENTED)


def pseudo_localize(text: str, *, keep: re.Pattern[str] = KEEP, expansion: float = 0.3) -> str:
    """``text`` pseudo-localized by the module's rules; protected spans stay verbatim."""
    pieces, last, changed = [], 0, False
    for match in keep.finditer(text):
        outside = text[last : match.start()]
        pieces.append(outside.translate(ACCENTS))
        changed = changed or any(c in _PLAIN for c in outside)
        pieces.append(match.group())
        last = match.end()
    tail = text[last:]
    pieces.append(tail.translate(ACCENTS))
    changed = changed or any(c in _PLAIN for c in tail)
    if not changed:
        return text
    core = "".join(pieces)
    lead = core[: len(core) - len(core.lstrip())]
    trail = core[len(core.rstrip()) :]
    padding = "~" * math.ceil(len(text.strip()) * expansion)
    return f"{lead}⟦{core.strip()} {padding}⟧{trail}"


class PseudoEngine:
    """Pseudo-localization for any pair (see the module docstring)."""

    name = "pseudo"
    loads_model = False  # the run report's model_loaded stays false

    def __init__(self, *, expansion: float = 0.3, keep: re.Pattern[str] = KEEP) -> None:
        self.expansion = expansion
        self.keep = keep

    def supports(self, source: str, target: str) -> bool:
        return True

    def describe(self, source: str, target: str) -> str:
        return "pseudo"

    def translate_batch(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        n_best: int = 1,
        progress: Advance | None = None,
    ) -> list[list[Hypothesis]]:
        out = [
            [Hypothesis(pseudo_localize(t, keep=self.keep, expansion=self.expansion))]
            for t in texts
        ]
        if progress and texts:
            progress(len(texts))
        return out


def create(expansion: float = 0.3) -> PseudoEngine:
    """Entry point ``pseudo``; ``expansion`` is the share of length added (default 0.3)."""
    return PseudoEngine(expansion=float(expansion))
