"""Protect spans of a segment from machine translation: mask as tokens, restore, verify.

Pure functions, no I/O. What is protected (``Slot.kind``):

- ``term``: glossary term matches handed in by the caller (``TermMatch``);
- ``code``: markdown inline code (`` `x` ``, ````` ``x`` `````), and TeX formulas a page's
  KaTeX or MathJax (or Hugo's passthrough) renders: ``$$...$$``, ``\\[...\\]``, ``\\(...\\)``;
- ``link``: the ``](url "title")`` part of a markdown link (the link text stays translatable),
  its address in ``<...>`` or holding template tags (``]({{ site.repository }}/pull/7)``);
- ``url``: bare URLs (``https://...``, ``www....``) and autolinks ``<https://...>``;
- ``email``: e-mail addresses;
- ``html``: HTML tags and comments; an HTML ``<code>``, ``<kbd>`` or ``<samp>`` element,
  a MathML formula (``<math>``),
  or an element marked ``translate="no"``, is one span with its content;
- ``placeholder``: ``{name}``, ``{0}``, ``%s``, ``%(name)s``, ``%1$d``; a template's tags:
  Hugo shortcodes (``{{< figure src="x" >}}``, ``{{% note %}}``), Liquid tags and output
  (``{% include x %}``, ``{{ site.url }}``), byte for byte; the marker that opens a
  GitHub or Hugo alert (a block quote's ``[!NOTE]``, ``[!WARNING]``...) at a segment's start;
  kramdown's attribute lists (``{: .lead}``, ``{:toc}``), Pandoc's and goldmark's
  attributes (``{#intro .wide}``) and footnote markers (``[^note]``, ``[^note]:``).

Token form: a plain alphanumeric word, ``ZQX1X``, ``ZQX2X``, ... Real engines were seen to
mangle ``[[T1]]``, ``{0}`` and ``__TERM_0__`` but to keep ``XTERM1X``-like words. The final
letter ends the number, so a token followed by a digit in the text (``ZQX1X2024``) stays
unambiguous. The three-letter prefix is chosen so that it occurs nowhere in the segment,
compared case-insensitively and ignoring non-alphanumerics (``Z Q X`` counts), so a token
can never collide with the segment's own text. Never trust a token to survive: check
with :func:`missing_tokens` / :func:`stray_tokens` before restoring.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from l10n.model import Term, TermMatch

TERM = "term"
CODE = "code"
LINK = "link"
URL = "url"
EMAIL = "email"
HTML = "html"
PLACEHOLDER = "placeholder"

# Hugo shortcodes ({{< x >}}, {{% x %}}) and Liquid tags and output ({% x %}, {{ x }})
TEMPLATE = r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}"
_URL_BODY = r"(?:[^\s<>\"'()\[\]{}]|\([^\s()<>]*\))+"
# (priority, kind, pattern): on overlap, the lower priority number wins.
_MARKUP: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    # a Go template action holding a raw string ({{code "x.go" `/START/`}}): before the
    # backticks inside it are read as code spans, leaving its own words to the engine
    (0, PLACEHOLDER, re.compile(r"\{\{(?![<%])[^`{}]*`[^`]*`(?:[^`{}]|`[^`]*`)*\}\}")),
    (0, CODE, re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)),
    (0, CODE, re.compile(r"\$\$(?=\S).+?(?<=\S)\$\$|\\\[.+?\\\]|\\\(.+?\\\)", re.S)),
    (1, HTML, re.compile(r"<!--.*?-->", re.S)),
    (1, HTML, re.compile(
        r"<(code|kbd|samp|math)\b[^<>]*>.*?</\1>"
        r"|<([A-Za-z][A-Za-z0-9-]*)\s[^<>]*\btranslate=[\"']?no\b[^<>]*>.*?</\2>", re.S | re.I
    )),
    (2, URL, re.compile(r"<(?:https?|ftp|mailto):[^\s<>]+>", re.I)),
    (3, LINK, re.compile(rf"\]\((?:<[^<>\n]*>|(?:{TEMPLATE}|[^()\s]|\([^()\s]*\))*)"
                         r"(?:\s+\"[^\"]*\")?\)")),
    # a Hugo shortcode or a Liquid tag or output, alone (a link's address holds its own)
    (3, PLACEHOLDER, re.compile(TEMPLATE, re.S)),
    (4, URL, re.compile(rf"\b(?:(?:https?|ftp)://|www\.){_URL_BODY}", re.I)),
    (5, EMAIL, re.compile(r"\b[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
                          r"(?![A-Za-z0-9_])")),  # a Korean particle may follow (주소에)
    # a whole tag, before the URLs and words of its attributes
    (2, HTML, re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")),
    (6, PLACEHOLDER, re.compile(r"\A\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][+-]?", re.I)),
    # kramdown's attribute lists ({: .lead}, {:toc}), Pandoc's and goldmark's attributes
    # ({#id .class}), and footnote markers ([^note]): a translated one no longer works
    (6, PLACEHOLDER, re.compile(r"\{:[^{}\n]*\}|\{[#.][A-Za-z_][^{}\n]*\}|\[\^[^\]\s]+\]")),
    (7, PLACEHOLDER, re.compile(r"\{[A-Za-z0-9_.\[\]!:<>^+\-#,=]*\}")),
    (7, PLACEHOLDER, re.compile(
        r"%(?:\d+\$)?(?:\([A-Za-z0-9_]+\))?[#0+\-]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[sdifFeEgGxXocr%]"
    )),
)
_TRAILING_PUNCT = ".,;:!?'\""
_LETTERS = "ZQXJKVWF"


@dataclass(frozen=True, slots=True)
class Slot:
    """One protected span: ``token`` stands for ``original`` in the masked text."""

    token: str
    original: str
    kind: str
    term: Term | None = None
    start: int = 0  # offset of ``original`` in the source segment
    end: int = 0
    pad_before: bool = False  # a space was put between the token and a letter before it
    pad_after: bool = False  # ... and after it


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a slot's replacement landed in a restored text: ``text[start:end]``."""

    start: int
    end: int
    slot: Slot


@dataclass(frozen=True)
class Masked:
    """A segment with its protected spans replaced by tokens."""

    text: str  # what the engine gets
    source: str  # the segment as it was
    slots: tuple[Slot, ...]
    prefix: str  # tokens are f"{prefix}{n}{prefix[-1]}"

    @cached_property
    def by_token(self) -> dict[str, Slot]:
        return {slot.token: slot for slot in self.slots}

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Exact tokens with this prefix (known or not)."""
        return re.compile(rf"{self.prefix}\d+{self.prefix[-1]}")

    @cached_property
    def lenient(self) -> re.Pattern[str]:
        """Tokens as engines garble them: any case, spaces between the characters."""
        spaced = r"\s?".join(self.prefix)
        end = self.prefix[-1]
        exact = rf"{self.prefix}(\d+){end}"
        return re.compile(rf"{exact}|{spaced}\s?(\d(?:\s?\d)*)(?:\s?{end}(?![A-Za-z]))?", re.I)


def choose_prefix(text: str) -> str:
    """The first prefix of distinct letters (``ZQX``, ``ZQJ``, ...) absent from ``text``.

    The comparison ignores case and every non-alphanumeric character, so neither
    ``zqx`` nor ``Z-Q X`` in the text can be mistaken for a token, before or after an
    engine garbles it. Distinct letters mean no prefix overlaps itself, and the closing
    letter (the prefix's last) differs from its first, so tokens never run into each other.
    """
    squeezed = "".join(ch for ch in text.casefold() if ch.isalnum())
    for size in range(3, len(_LETTERS) + 1):
        for letters in itertools.permutations(_LETTERS, size):
            prefix = "".join(letters)
            if prefix.casefold() not in squeezed:
                return prefix
    raise ValueError("cannot choose a token prefix for this text")  # pragma: no cover


def _markup_spans(text: str) -> Iterator[tuple[int, int, int, str]]:
    """Yield (priority, start, end, kind) for every markup pattern hit."""
    for priority, kind, pattern in _MARKUP:
        for hit in pattern.finditer(text):
            start, end = hit.span()
            if kind == URL and not text.startswith("<", start):
                end = start + len(hit.group().rstrip(_TRAILING_PUNCT))
            if end > start:
                yield priority, start, end, kind


def _select(text: str, matches: Sequence[TermMatch]) -> list[tuple[int, int, str, Term | None]]:
    """Markup first (by priority, then position), then terms (longest first); no overlaps."""
    taken: list[tuple[int, int, str, Term | None]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _, _ in taken)

    for _, start, end, kind in sorted(_markup_spans(text)):
        if free(start, end):
            taken.append((start, end, kind, None))
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if text[match.start : match.end] != match.text or match.start >= match.end:
            raise ValueError(
                f"term match {match.text!r} at {match.start}:{match.end} does not match the text"
            )
        if free(match.start, match.end):
            taken.append((match.start, match.end, TERM, match.term))
    return sorted(taken, key=lambda t: t[0])


def mask(text: str, matches: Sequence[TermMatch] = ()) -> Masked:
    """Replace term matches and markup in ``text`` with tokens numbered left to right.

    Markup wins over a term it overlaps (a term inside inline code or a URL stays as it
    is); among overlapping terms the longer wins. A token that would touch a letter or
    digit (``[the docs](url)``, ``NVIDIA는``, two adjacent spans) is set off by a space, so
    engines see a word of its own; :func:`restore_spans` takes that space away again.
    Raises ValueError when a match does not describe ``text`` (a bug in the caller).
    """
    prefix = choose_prefix(text)
    spans = _select(text, matches)
    starts = {start for start, _, _, _ in spans}
    parts: list[str] = []
    slots: list[Slot] = []
    pos = 0
    for number, (start, end, kind, term) in enumerate(spans, 1):
        token = f"{prefix}{number}{prefix[-1]}"
        parts.append(text[pos:start])
        before = next((p[-1] for p in reversed(parts) if p), " ").isalnum()
        after = end < len(text) and (text[end].isalnum() or end in starts)
        slots.append(Slot(token, text[start:end], kind, term, start, end, before, after))
        parts += [" " * before, token, " " * after]
        pos = end
    parts.append(text[pos:])
    return Masked("".join(parts), text, tuple(slots), prefix)


def token_counts(output: str, masked: Masked) -> Counter[str]:
    """How often each exact token (known or stray) occurs in ``output``."""
    return Counter(masked.pattern.findall(output))


def missing_tokens(output: str, masked: Masked) -> list[Slot]:
    """Slots whose token does not occur exactly once in ``output`` (lost, garbled, repeated)."""
    counts = token_counts(output, masked)
    return [slot for slot in masked.slots if counts[slot.token] != 1]


def stray_tokens(output: str, masked: Masked) -> list[str]:
    """Token-like words in ``output`` that name no slot (``ZQX12X`` from ``ZQX1X ZQX2X``)."""
    return [tok for tok in token_counts(output, masked) if tok not in masked.by_token]


def tokens_ok(output: str, masked: Masked) -> bool:
    """Every token exactly once and nothing token-like besides: safe to restore."""
    return not missing_tokens(output, masked) and not stray_tokens(output, masked)


def _identity(slot: Slot) -> str:
    return slot.original


def restore_spans(
    output: str,
    masked: Masked,
    replacement: Callable[[Slot], str] = _identity,
    *,
    lenient: bool = False,
) -> tuple[str, tuple[Placed, ...]]:
    """Replace every known token in ``output`` by ``replacement(slot)``; say where each went.

    A space the mask put between a token and a neighbouring letter is removed when the
    engine kept it. Unknown tokens are left as they are. With ``lenient``, garbled tokens
    (``zqx1x``, ``ZQX 1``, ``Z Q X 1 X``) are restored too: for best-effort output only,
    after :func:`tokens_ok` said no.
    """
    pattern = masked.lenient if lenient else masked.pattern
    parts: list[str] = []
    placed: list[Placed] = []
    pos = length = 0
    for hit in pattern.finditer(output):
        token = hit.group()
        if lenient:
            digits = "".join((hit.group(1) or hit.group(2)).split())
            token = f"{masked.prefix}{digits}{masked.prefix[-1]}"
        slot = masked.by_token.get(token)
        if slot is None:
            continue
        before = output[pos : hit.start()]
        if slot.pad_before and before.endswith(" "):
            before = before[:-1]
        new = replacement(slot)
        length += len(before)
        parts += [before, new]
        placed.append(Placed(length, length + len(new), slot))
        length += len(new)
        pos = hit.end() + (slot.pad_after and output.startswith(" ", hit.end()))
    parts.append(output[pos:])
    return "".join(parts), tuple(placed)


def restore(
    output: str,
    masked: Masked,
    replacement: Callable[[Slot], str] = _identity,
    *,
    lenient: bool = False,
) -> str:
    """``output`` with its tokens replaced (see :func:`restore_spans`)."""
    return restore_spans(output, masked, replacement, lenient=lenient)[0]
