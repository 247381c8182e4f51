"""Blocks -> sentences (segments): pysbd finds the boundaries, a few rules correct them.

Rules, applied to each translatable block's text, in this order:

1. **pysbd proposes boundaries.** The text is given to ``pysbd.Segmenter(language="en",
   clean=False)`` with line breaks replaced by spaces (same length, so offsets hold): a
   Markdown soft break is not a sentence boundary. Each sentence pysbd returns is looked
   up, stripped, in the text from where the previous one ended; its start is a *cut*.
   A sentence that cannot be found is skipped: its text stays with the previous segment.
2. **Closing quotes stay with their sentence.** If a cut lands before closing
   punctuation (``" ” ’ ' ) ] } »``) or HTML end tags (``</em>``) followed by a space or
   the end, the cut moves past them.
3. **Markup is never split.** A cut inside inline code (`` `...` ``), a Markdown link or
   image (``[text](url)``), an autolink (``<https://...>``), a bare URL (``https://...``,
   ``www...``), an HTML tag (``<a title="Dr. No">``) or an HTML ``<code>`` element is
   dropped.
4. **Abbreviations do not end sentences** (pysbd's known misses):

   - after a title or Latin abbreviation that always precedes more words (``Mr.``,
     ``Dr.``, ``Prof.``, ``Sen.``, ``Gov.``, ``Gen.``, ``e.g.``, ``i.e.``, ``vs.``,
     ``approx.`` ...) the cut is dropped;
   - after an abbreviation that may end a sentence (``a.m.``, ``U.S.``, ``Co.``, ``Inc.``,
     ``Jr.``, ``etc.``, ``No.``, ``Jan.`` ...) the cut is dropped when the next text starts
     with a lowercase letter or a digit; after ``a.m.``/``p.m.`` also before a weekday, a
     month, a time zone (``KST``) or "<Place> time"; after ``Co.``/``Corp.``/``Inc.`` also
     before another company suffix (``Co. Ltd.``).

The block is then cut at the remaining cuts; each piece, stripped of surrounding
whitespace, is a :class:`~l10n.model.Segment` (whitespace-only pieces are dropped). So no
character is lost or duplicated: ``block.text[seg.start:seg.end] == seg.text``, and the
text between segments (and before the first, after the last) is whitespace only.
``Segment.line`` is ``block.line`` plus the line breaks before the segment. The result
depends on the text alone (deterministic).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from l10n.model import Article, Block, Segment

_LINE_BREAKS = str.maketrans({c: " " for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})
_CLOSERS = re.compile(r"(?:[\"”’')\]}»]|</[A-Za-z][A-Za-z0-9-]*>)+(?=\s|$)")
_PROTECTED = re.compile(
    r"(?P<code>(`+)(?:(?!\2).)+?\2)"  # inline code: a run of backticks to the same run
    r"|!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # [text](url "title")
    r"|<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>"  # autolink
    r"|(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]}]"  # bare URL, minus final punctuation
    r"|<code\b[^>]*>.*?</code>|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?>",  # HTML code, HTML tag
    re.DOTALL,
)
_ALWAYS = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Gov|Rep|Gen|Lt|Col|Capt|Sgt|Cmdr|Adm|Rev|Hon|"
    r"Pres|[Aa]pprox|vs|cf|[Ee]\.g|[Ii]\.e)\.$"
)
_MAYBE = re.compile(
    r"(?<![\w.])(?:(?:[A-Za-z]\.){2,}|(?:Co|Corp|Inc|Ltd|Jr|Sr|St|Ave|Blvd|No|Nos|Fig|Vol|"
    r"etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
)
_CLOCK = re.compile(r"(?<![\w.])[AaPp]\.[Mm]\.$")
_AFTER_CLOCK = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|[A-Z]{1,2}[SD]T|UTC|GMT)\b"
    r"|[A-Z][\w-]*\s+time\b"
)
_COMPANY = re.compile(r"(?<![\w.])(?:Co|Corp|Inc)\.$")
_AFTER_COMPANY = re.compile(r"(?:Co|Corp|Inc|Ltd|LLC|Ltd\.|PLC)\b")


def segment_article(article: Article) -> list[Segment]:
    """The segments of every translatable block of ``article``, in document order."""
    return [seg for block in article.blocks if block.translatable for seg in segment_block(block)]


def segment_block(block: Block) -> list[Segment]:
    """Split ``block.text`` into sentences by the module's rules; lossless, deterministic."""
    text = block.text
    cuts = _move_past_closers(text, _pysbd_cuts(text))
    spans = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]
    cuts = [c for c in cuts if not any(s < c < e for s, e in spans)]
    cuts = _join_abbreviations(text, cuts)
    segments: list[Segment] = []
    for begin, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece = text[begin:end]
        stripped = piece.strip()
        if not stripped:
            continue
        start = begin + len(piece) - len(piece.lstrip())
        segments.append(
            Segment(
                text=stripped,
                block=block.index,
                index=len(segments),
                kind=block.kind,
                line=block.line + text.count("\n", 0, start),
                start=start,
            )
        )
    return segments


def _pysbd_cuts(text: str) -> list[int]:
    """Offsets where pysbd's sentences start, found in order in ``text`` (rule 1)."""
    import pysbd

    flat = text.translate(_LINE_BREAKS)
    sentences = pysbd.Segmenter(language="en", clean=False).segment(flat)
    cuts: list[int] = []
    cursor = 0
    for sentence in sentences:
        wanted = sentence.strip()
        if not wanted:
            continue
        found = flat.find(wanted, cursor)
        if found < 0:
            continue  # not in the text as given: no cut, it merges with the previous one
        if found > 0 and (not cuts or found > cuts[-1]):
            cuts.append(found)
        cursor = found + len(wanted)
    return cuts


def _move_past_closers(text: str, cuts: Iterable[int]) -> list[int]:
    """Rule 2: a cut before closing quotes/brackets moves after them (or goes)."""
    moved: list[int] = []
    for cut in cuts:
        match = _CLOSERS.match(text, cut)
        if match:
            cut = match.end()
            while cut < len(text) and text[cut].isspace():
                cut += 1
        if cut < len(text) and (not moved or cut > moved[-1]):
            moved.append(cut)
    return moved


def _join_abbreviations(text: str, cuts: list[int]) -> list[int]:
    """Rule 4: drop cuts that follow an abbreviation rather than a sentence's end."""
    kept: list[int] = []
    for n, cut in enumerate(cuts):
        before = text[kept[-1] if kept else 0 : cut].rstrip()
        after = text[cut : cuts[n + 1] if n + 1 < len(cuts) else len(text)]
        if not _abbreviation_ends(before, after):
            kept.append(cut)
    return kept


def _abbreviation_ends(before: str, after: str) -> bool:
    """True if ``before`` ends with an abbreviation that ``after`` continues."""
    if _ALWAYS.search(before):
        return True
    continues = after[:1].islower() or after[:1].isdigit()
    if _MAYBE.search(before) and continues:
        return True
    if _CLOCK.search(before) and _AFTER_CLOCK.match(after):
        return True
    return bool(_COMPANY.search(before) and _AFTER_COMPANY.match(after))
