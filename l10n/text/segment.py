"""Blocks -> sentences (segments): pysbd finds the boundaries, a few rules correct them.

Rules, applied to each translatable block's text, in this order:

1. **pysbd proposes boundaries.** The text is given to pysbd (English rules, ``clean=False``)
   as :func:`l10n.text.flat.flat` makes it, of the same length (so offsets hold): line
   breaks as spaces (a Markdown soft break is not a sentence boundary), a ``--`` pair
   around a sentence's end (a box score) as em dashes, quotation marks inside a tag as
   ``_`` (pysbd keeps what is between two marks in one sentence: an inch mark, ``5'10",``,
   paired with the next ``href="``). Each sentence pysbd returns is looked up, stripped,
   in the text from where the previous one ended; its start is a *cut*. A sentence that
   cannot be found is skipped: its text stays with the previous segment. pysbd reads a
   period before an end tag as no abbreviation's (it cuts ``U.S. The`` but not
   ``<em>U.S.</em> The``): where end tags, a space and a capital follow a sentence's
   punctuation and pysbd made no cut, it is asked again about the text around them
   without the end tags, and cuts there if it cuts that (rule 4 judges the cut); so too
   where an empty element, a line break a page draws, is glued between them (``Dial
   112.<span class="br"></span>Police``: the cut is before it).

   **Windows.** pysbd's time grows with the square of its input (a 100 KB paragraph took
   5 s, 1.1 MB more than 5 minutes), so a long text is given to it in windows of
   :data:`WINDOW` characters. The cuts of a window are kept up to :data:`MARGIN`
   characters before its end (there pysbd has seen enough of what follows: the next
   word, the closing quote); the next window starts at the last cut kept, a sentence
   start, so it sees the text as pysbd would have. A window without a cut it can keep
   (one sentence longer than the window) is followed by one that starts
   :data:`MARGIN` characters before its end. The time is then linear in the length of
   the text, and on ordinary text the cuts are those of one call on the whole text (a
   property test compares them). Line breaks are not used as hard boundaries: inside a
   block they are soft breaks, and a sentence may go on after one.
2. **Closing quotes stay with their sentence.** If a cut lands before closing
   punctuation (``" ” ’ ' ) ] } »``), Markdown emphasis closers (``*``, ``_``, ``~``) or
   HTML end tags (``</em>``) followed by a space, a tag or the end, the cut moves past them
   (``7:30 a.m.</span><span>News``); not past a straight quote after a space that a start
   tag follows, which opens the next sentence's quotation (``noggin. "<a>Several</a>
   studies …," she said.``). An HTML tag stays with the words it marks, so that
   each segment is well-formed: a cut before end tags (line breaks may come first) moves
   past them whatever follows (``line. </b>In``), one after start tags moves before them.
   Footnote and citation markers glued to a sentence's end (Wikipedia's ``<sup
   class="reference">[60]</sup>``, a link around a number ``<a><sup>4</sup></a>``, ``[3]``,
   a Markdown footnote ``[^2]``) stay with it too, and where pysbd made no cut after them
   before a capital word it is asked without them.
3. **Markup is never split.** A cut inside inline code (`` `...` ``), a Markdown link or
   image (``[text](url)``), an autolink (``<https://...>``), a bare URL (``https://...``,
   ``www...``), an HTML tag (``<a title="Dr. No">``) or an HTML ``<code>`` element is
   dropped; so is a cut inside Markdown emphasis, strong emphasis, strikethrough, link
   text or image text as markdown-it reads the block (CommonMark's delimiter rules, which
   no regular expression follows): ``*One. Two.*`` is one segment, so that every segment
   is well-formed Markdown and a build renders exactly the source's emphasis
   (:mod:`l10n.text.markup`).
4. **Abbreviations do not end sentences** (pysbd's known misses;
   :mod:`l10n.text.abbreviations`):

   - after a title or Latin abbreviation that always precedes more words (``Mr.``,
     ``Dr.``, ``Prof.``, ``Sen.``, ``Gov.``, ``Gen.``, ``Rt.``, ``e.g.``, ``i.e.``, ``vs.``,
     ``approx.`` ...) the cut is dropped;
   - after an abbreviation that may end a sentence (``a.m.``, ``U.S.``, ``Co.``, ``Inc.``,
     ``Jr.``, ``etc.``, ``No.``, ``p.``, ``min.``, ``Jan.`` ...) the cut is dropped when the next
     text starts with a lowercase letter or a digit; after ``a.m.``/``p.m.`` also before
     a weekday, a month (``p.m. Aug. 9``), a time zone (``KST``) or "<Place> time"; after
     ``Co.``/``Corp.``/``Inc.`` also before another company suffix (``Co. Ltd.``); after two
     or three capitals and a period, before two words in capitals (``the ID. SPACE VIZZION``);
   - after a word of four letters or fewer and a period (``bzw.``, ``ч. л.``, ``tsp.``:
     other languages' abbreviations, units) before a word of lowercase letters alone
     (``<em>T. muris</em>``; not ``my6sense``, ``iPhone``), and between a number ending in
     a period and a number (``802. 11AC``), the cut is dropped;
   - a cut before a comma, semicolon or colon is dropped (no sentence starts with one:
     ``Rep. David McKinley, R-W.Va., visited``), and so is a cut after a word of one
     lowercase letter and a period (``Palm Bay d. Rockledge``) or after an initial glued
     to a start tag before a name (``<span>J. Scott``: pysbd ends it, not `` J. Scott``);
   - after a company's or a street's abbreviation (any case) or a short capitalised one,
     before a dash and a space, ``&`` or ``/`` (``MICROSOFT CANADA CO. - Avis``, ``Sci. &
     Tech.``); after a street before a compass point (``Whipple Ave. N.W., Canton``); after
     a dateline that is all the sentence holds so far (``COOKEVILLE, Tenn. - A father``);
     after ``St.``/``Mt.``/``Ft.`` (``<b>St. Joseph``, ``ST. JOSEPH``); after ``p.m.``
     before ``ET``/``PT``; after a rank or office before a name (``said Const. Mig
     Roberts``); after a short day's name before its date (``Mon. Dec. 31 2007``);
   - a period a letter or digit follows with no space, after a space or a bracket, starts
     a name (``Office, .Net, and``, ``.com``, ``.mp3``) and ends no sentence (after an
     end tag it may: ``Fulham</a>.Watford``); so does a period glued to a bracket in a
     dotted name in code (``code.gitea.io/git.(*Command).Run``, ``foo.bar().Baz``; not
     ``said.(AP Photo)``);
   - quotations (:mod:`l10n.text.quotes`): after a quotation's end before who said it, a
     name or a pronoun, an adverb, a verb of speech (``Lee tearfully asked``, ``"Why did
     she quit me?" I now demanded.``), and where, when or to whom at most (``"Why?" Bush
     said.``, ``…,” Mr. Gore said, smiling``, ``"Now!" Jindal shouted to her husband.``):
     not before ``"Really?" He left.``, ``Smith said she …``, ``said in a letter that …``
     or ``said: "Yes."``; after a quoted exclamation or question alone or after words in
     title case, before words in title case, a headline (``'We Got Her!' Video Shows
     Dramatic Rescue``, ``Develop a Personal "Should I Buy This?" Test``; not ``"Stop!" He
     ran``); after a quotation's end before a lowercase word on the same line (``"Open up!
     We're in!” an officer shouts.``: a straight opening quote closed by a curly one, which
     pysbd pairs with nothing); after a quotation that ends on a letter or a digit, a quoted
     word (``'Neutral' Snopes Fact-Checker``), unless a line break follows it.
5. **An ellipsis inside a sentence stays in it.** A cut inside a run of dots is dropped,
   and so is a cut after ``...`` or ``…`` when the next text starts with a lowercase
   letter (``is... not exactly great``) or the ellipsis follows a colon (a label's, tags
   between: ``<b>Tomorrow:</b> ... Bank earnings``).
6. **A period glued to the next sentence ends a sentence** (a CMS lost the space:
   ``physician.Police arrested``): a cut is added after a word of three lowercase letters
   or more and ``.``, ``!`` or ``?``, before a capitalized word that is not part of a
   domain, an address or a call (``news.Yahoo.com``, ``obj.Method()``).
7. **Sentence ends pysbd misses.** A cut is added after a capital letter that names a
   group, plan, class, type... (``Switzerland won Group D. The day before``: pysbd reads
   ``D.`` as an initial) before a capital word, and after an ellipsis in closing quotes
   (tags may sit between) before a capital word (``“3 anos…” Veja, isso é``), and after
   a sentence's end inside brackets or quotes (a lowercase word and ``.``/``!``/``?``, a
   capitalised word but an abbreviation and ``.``: a title, ``‘‘Cassandra’s Dream.’’ It’s``)
   before a space and a capital word (``(PG-13 for violence.) Cast``: pysbd cuts there
   only when the bracket starts the text; ``for this.' Instead``), and after
   a sentence's end, before the HTML line break (``<br>``) that follows it and a capital
   word (``my time."<br><small>Photo: …``: pysbd sees tags, not a space), before two
   HTML line breaks or more (a blank line) and text, whatever precedes them (``22.4
   <br><br>*min. 25 snaps``), and before one line break after a short line of its own (a
   name, a title, a dateline: ``<b>bruno</b><br>To those``) that ends on no punctuation
   and no function word, or between two lines of a list that start with the same word
   and a number, however long (``June 23 – …<br> June 24 – …``; :mod:`l10n.text.linebreaks`);
   and after a pronoun or a plain word that pysbd takes for a state's abbreviation (``me``,
   ``ill``, ``mass``) before ``I`` and a lowercase word (``inspirited me. I returned``).
8. **A piece without a letter or digit is no sentence.** A piece of markup alone (the
   ``<br><br>`` that ends a paragraph, a ``*``) joins the segment before it (the one
   after it, if it comes first); a list's number alone (``<br><br>2.``) joins its item,
   the segment after it.
9. **A list number starts an item only where an item can start.** pysbd cuts before an
   enumerator (``1.``, ``(ii)``, ``a)``) wherever it sees one; the cut is dropped where the
   text before it ends inside a sentence, on a comma, semicolon, colon, ``&``, ``and`` or
   ``or`` (tags may follow): ``Treble: (i) 3, 4 & 5.`` and ``rated 00 to 19, 2-00: 1. Ring
   Bearer (6) Appu 59, 2. Hymn Star …`` hold one sentence each. After a word the cut stays:
   pysbd cuts ``event | 0. Story`` where ``event 0.`` ends a sentence (not handled: ``The
   winners were | 1. Smith``); so is a cut before a bracketed enumerator the sentence
   refers to, followed by a comma, ``and``, ``or``, ``to`` (``who certified (a), (b) or
   (c) and``), where no sentence ends before it. A cut pysbd makes after a list number
   that starts a line (after ``<br>``, a line break or a colon: ``Finland<br>2. Norway``)
   goes before it and the line breaks before it (:mod:`l10n.text.enumerators`).

The block is then cut at the remaining cuts; each piece, stripped of surrounding
whitespace, is a :class:`~l10n.model.Segment` (whitespace-only pieces are dropped). So no
character is lost or duplicated: ``block.text[seg.start:seg.end] == seg.text``, and the
text between segments (and before the first, after the last) is whitespace only.
``Segment.line`` is ``block.line`` plus the line breaks before the segment. The result
depends on the text alone (deterministic).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable

from l10n.model import Article, Block, Segment
from l10n.text.abbreviations import abbreviation_ends, ends_abbreviation
from l10n.text.enumerators import inline_enumerators, numbers_to_items
from l10n.text.flat import flat
from l10n.text.linebreaks import line_break_cuts
from l10n.text.markup import join_wordless, outside_inline_markup, outside_markup, with_their_tags
from l10n.text.quotes import quote_continues

WINDOW = 5000  # characters given to pysbd at once
MARGIN = 1500  # a window's cuts this close to its end are left to the next window
_TAIL = 200  # characters around a cut that the abbreviation rules look at
_AHEAD = 1000  # ... after it, at most: tags with long URLs may sit in an attribution
_CLOSERS = re.compile(r"(?:[\"”’')\]}»*_~]|</[A-Za-z][A-Za-z0-9-]*>)+(?=\s|$|<)")
# a straight quote after a space, glued to a start tag, opens a quotation: `noggin. "<a>Several`
_OPENER = re.compile(r"[\"'](?=<[A-Za-z])")
_GLUED = re.compile(r"(?<![\w.@/])[a-z]{3,}[.!?](?=[A-Z][a-z]{2,}\b(?![.@/(_]))")
# a letter that names a group, a plan, a class... ends a sentence before a capital word
_NAMED_LETTER = re.compile(
    r"\b(?:Group|Groups|Pool|Type|Plan|Class|Grade|Phase|Stage|Level|Tier|Category|Division|"
    r"Zone|Round|Part|Section|Option|Vitamin|Model|Series|Block|Gate|Terminal|Wing|Unit|Row|"
    r"Line|Channel|Exhibit|Appendix|Schedule|Chapter|Figure|Table|Form)\s+[A-Z]\.\s+"
    r"(?=(?:<[A-Za-z][^<>]*>)*[\"“‘«]?[A-Z])"
)
# an ellipsis, a closing quote (tags between), a capital word: "…” Veja, isso"
_QUOTED_ELLIPSIS = re.compile(
    r"(?:\.\.\.|…)(?:</?[A-Za-z][^<>]*>)*[\"”’»](?:</?[A-Za-z][^<>]*>)*\s+"
    r"(?=(?:<[A-Za-z][^<>]*>)*[\"“‘«]?[A-ZÀ-ÖØ-Þ])"
)
# a sentence's end inside brackets or quotes, a space, a capital word: "(PG-13 for
# violence.) Cast" (pysbd cuts there only when the bracket starts the text), "for this.' Then"
_ENCLOSED_END = re.compile(
    r"(?:(?<![\w.])(?:(?P<word>[A-Z]?[a-z]{2,}\.)|[a-z]{2,}[!?])"
    r"|[^\s.!?][!?](?=[\"”’']?[)\]]))"
    r"(?:[\"”’']?[)\]]|[\"”’']+)\s+(?=(?:<[A-Za-z][^<>]*>)*[\"“‘«]?[A-Z])"
)
# end tags after a sentence's punctuation, a space, a capital word: "<em>U.S.</em> The"
_TAGGED_END = re.compile(
    r"(?<=[.!?])(?:</[A-Za-z][A-Za-z0-9-]*>)+\s+(?=(?:<[A-Za-z][^<>]*>)*[\"“‘(]?[A-Z])"
)
# ... or an empty element glued to it, a line break a page draws ("112.<span class="br"></span>
# Police"): the cut is before the element, the text pysbd is asked about skips it
_EMPTY_END = re.compile(
    r"(?<=[.!?])(?:</[A-Za-z][A-Za-z0-9-]*>)*(?=(?P<empty>(?:<([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>"
    r"</\2>)+\s*)(?:<[A-Za-z][^<>]*>)*[\"“‘(]?[A-Z])"
)

# footnote or citation markers glued after a sentence's end: Wikipedia's
# <sup class="reference"><a>[60]</a></sup>, a link around the number (<a class=
# "espn-footnote-link"><sup>4</sup></a>), a plain [3], a Markdown footnote [^2]
_NOTES = (r"(?:<sup\b[^<>]*>(?:<a\b[^<>]*>)?[^<>]{1,20}(?:</a>)?</sup>"
          r"|<a\b[^<>]*><sup\b[^<>]*>[^<>]{1,20}</sup></a>"  # a link around: ESPN's
          r"|\[\^?\d{1,3}\](?![(:])|\[\^[\w-]{1,20}\](?![(:]))+")
_NOTES_AT = re.compile(_NOTES)
# pronouns and plain words that pysbd reads as a state's abbreviation before "I" (Me., Ill.,
# Mass., Miss., Wash., Ore.): "It inspirited me. I returned"
_WORD_BEFORE_I = re.compile(r"(?<![\w.])(?:me|ill|mass|miss|wash|ore)[.!?]\s+(?=I\s+[a-z])")
_NOTED_END = re.compile(
    rf"(?<=[.!?\"”’)]){_NOTES}\s+(?=(?:<[A-Za-z][^<>]*>)*[\"“‘(]?[A-Z])"
)


Progress = Callable[[int, int], None]  # (characters segmented, characters in all)


def segment_article(article: Article, progress: Progress | None = None) -> list[Segment]:
    """The segments of every translatable block of ``article``, in document order;
    ``progress`` is told the characters done after each block (a long article takes a
    while: about 0.5 ms per segment)."""
    blocks = [block for block in article.blocks if block.translatable]
    total = sum(len(block.text) for block in blocks)
    segments: list[Segment] = []
    done = 0
    for block in blocks:
        segments += segment_block(block)
        done += len(block.text)
        if progress is not None:
            progress(done, total)
    return segments


def segment_block(block: Block) -> list[Segment]:
    """Split ``block.text`` into sentences by the module's rules; lossless, deterministic.
    The last blocks' segments are kept: a build segments each article once for its
    original page and again for each language's page (a third of a first build's time)."""
    return list(_segments(block))


@functools.lru_cache(maxsize=512)
def _segments(block: Block) -> tuple[Segment, ...]:
    text = block.text
    found = _pysbd_cuts(text)
    cuts = sorted({*found, *_tagged_ends(text, found), *_glued(text), *_missed(text)})
    cuts = with_their_tags(text, _move_past_closers(text, numbers_to_items(text, cuts)))
    cuts = outside_markup(text, cuts)
    cuts = outside_inline_markup(text, cuts)
    cuts = join_wordless(text, inline_enumerators(text, _join_abbreviations(text, cuts)))
    segments: list[Segment] = []
    line, counted = block.line, 0  # line breaks are counted once, not from 0 per segment
    for begin, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece = text[begin:end]
        stripped = piece.strip()
        if not stripped:
            continue
        start = begin + len(piece) - len(piece.lstrip())
        line += text.count("\n", counted, start)
        counted = start
        segments.append(
            Segment(
                text=stripped,
                block=block.index,
                index=len(segments),
                kind=block.kind,
                line=line,
                start=start,
            )
        )
    return tuple(segments)


def _glued(text: str) -> list[int]:
    """Rule 6: where a sentence ends without the space after its period
    (``physician.Police arrested``): a word of three lowercase letters or more, a period, a
    capitalized word. Cuts inside markup (URLs, tags) are dropped by rule 3 after."""
    return [m.end() for m in _GLUED.finditer(text)]


def _missed(text: str) -> list[int]:
    """Rule 7: sentence ends pysbd misses: after a letter that names a group, a plan or a
    class (``win Group D. The day``), after an ellipsis in closing quotes before a capital
    word (``“3 anos…” Veja, isso``), and at HTML line breaks (:mod:`l10n.text.linebreaks`)."""
    enclosed = [m.end() for m in _ENCLOSED_END.finditer(text)
                if not (m.group("word") and ends_abbreviation(m.group("word")))]
    return [m.end() for pattern in (_NAMED_LETTER, _QUOTED_ELLIPSIS, _WORD_BEFORE_I)
            for m in pattern.finditer(text)] + enclosed + line_break_cuts(text)


def _pysbd_cuts(text: str, window: int | None = None, margin: int | None = None) -> list[int]:
    """Offsets where pysbd's sentences start, found in order in ``text`` (rule 1), window
    by window (``window`` and ``margin`` default to :data:`WINDOW` and :data:`MARGIN`)."""
    window, margin = window or WINDOW, margin or MARGIN
    given = flat(text)
    cuts: list[int] = []
    start = 0
    while len(given) - start > window:
        end = start + window
        found = _window_cuts(given, start, end)
        kept = [cut for cut in found if cut <= end - margin]
        cuts += kept
        start = kept[-1] if kept else end - margin
    return cuts + _window_cuts(given, start, len(given))


def _tagged_ends(text: str, cuts: list[int]) -> list[int]:
    """Rule 1: where pysbd made no cut at end tags after a sentence's punctuation before a
    capital (``<em>U.S.</em> The``), or at an empty element glued to it (``112.<span
    class="br"></span>Police``), the cut it makes without them (``U.S. The``)."""
    found = []
    ends = [(m.start(), m.end(), m.end()) for m in _TAGGED_END.finditer(text)]
    ends += [(m.start(), m.end(), m.end() + len(m["empty"])) for m in _EMPTY_END.finditer(text)]
    ends += [(m.start(), m.end(), m.end()) for m in _NOTED_END.finditer(text)]
    for start, cut, resume in ends:
        n = bisect.bisect_left(cuts, start)
        if n < len(cuts) and cuts[n] <= resume:
            continue  # pysbd cut there ("Paris.</em> The": before the end tags)
        head = text[max(0, start - _TAIL):start]
        plain = flat(f"{head} {text[resume:resume + _TAIL]}")
        if len(head) + 1 in _window_cuts(plain, 0, len(plain)):
            found.append(cut)
    return found


def _window_cuts(given: str, start: int, end: int) -> list[int]:
    """The cuts pysbd makes in ``given[start:end]``, as offsets in ``given`` (after start)."""
    piece = given[start:end]
    cuts: list[int] = []
    cursor = 0
    for sentence in sentences(piece):
        wanted = sentence.strip()
        if not wanted:
            continue
        found = piece.find(wanted, cursor)
        if found < 0:
            continue  # not in the text as given: no cut, it merges with the previous one
        if found > 0 and (not cuts or start + found > cuts[-1]):
            cuts.append(start + found)
        cursor = found + len(wanted)
    return cuts


def sentences(text: str) -> list[str]:
    """pysbd's sentences of ``text`` (English rules, text not cleaned).

    pysbd's own ``Segmenter.segment`` then looks each sentence up in the text with a new
    regular expression, from the start of the text: a cost that grows with the square of
    the text's length and repeats what :func:`_window_cuts` does. Its processor, which
    finds the sentences, is called directly instead.
    """
    import pysbd

    if not text:
        return []
    return list(pysbd.Segmenter(language="en", clean=False).processor(text).process())


def _move_past_closers(text: str, cuts: Iterable[int]) -> list[int]:
    """Rule 2: a cut before closing quotes/brackets, or before note markers glued to a
    sentence's end, moves after them (or goes)."""
    moved: list[int] = []
    for cut in cuts:
        opens = _OPENER.match(text, cut) and (cut == 0 or text[cut - 1].isspace())
        match = None if opens else _CLOSERS.match(text, cut)
        cut = match.end() if match else cut
        notes = text[cut - 1:cut] in ".!?\"”’')]>" and _NOTES_AT.match(text, cut)
        cut = notes.end() if notes else cut
        if match or notes:
            while cut < len(text) and text[cut].isspace():
                cut += 1
        if cut < len(text) and (not moved or cut > moved[-1]):
            moved.append(cut)
    return moved


def _join_abbreviations(text: str, cuts: list[int]) -> list[int]:
    """Rule 4: drop cuts that follow an abbreviation rather than a sentence's end."""
    kept: list[int] = []
    for n, cut in enumerate(cuts):
        # the end of the sentence so far is all the rules look at: a bounded tail of it
        begin = max(kept[-1] if kept else 0, cut - _TAIL)
        before = text[begin:cut].rstrip()
        after = text[cut : min(cuts[n + 1] if n + 1 < len(cuts) else len(text), cut + _AHEAD)]
        if not abbreviation_ends(before, after, glued=not text[cut - 1 : cut].isspace()) and (
                not quote_continues(text[max(kept[-1] if kept else 0, cut - _AHEAD):cut], after)):
            kept.append(cut)
    return kept


