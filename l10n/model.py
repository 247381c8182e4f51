"""The data that flows through l10n, as frozen dataclasses. No I/O here.

article -> blocks -> segments -> (glossary terms, memory, engine hypotheses)
-> catalog entries -> findings -> builds
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

# Block kinds, in the words the extracted comments use.
TITLE = "title"
BYLINE = "byline"
PARAGRAPH = "paragraph"
HEADING = "heading"
LIST_ITEM = "list-item"
QUOTE = "quote"
CODE = "code"  # fenced code: kept in builds, never translated
# a Hugo shortcode that holds code over lines ({{< highlight go >}} ... {{< /highlight >}}):
# kept byte for byte in Markdown builds, its code shown in HTML; never translated
SHORTCODE = "shortcode"
RULE = "rule"  # a thematic break (Markdown's ---, ***): kept in builds, no text
TABLE_HEADER = "table-header"  # a cell of a table's header row (Markdown tables)
TABLE_CELL = "table-cell"  # a cell of a table's body
CAPTION = "caption"  # an HTML figure's or table's caption
HTML = "html"  # a raw HTML block of a Markdown article: kept (sanitized), never translated
# text inside a raw HTML block of a Markdown article (``info``: the element holding it,
# ``summary``, ``figcaption``...): builds put its translation back into the block
HTML_TEXT = "html-text"
# What a reader sees that is not in the body's text: each is a block of its own, translated,
# and put back where it came from (never a paragraph of the body).
DESCRIPTION = "description"  # the page's summary: <meta name="description">, front matter
ALT = "alt"  # an image's alternative text (follows the block the image is in)
LINK_TITLE = "link-title"  # a link's title (follows the block the link is in)
PAGE_TITLE = "page-title"  # an HTML page's <title> (its tab, search results) that is not the title
# a value of a Markdown post's front matter that a site's theme shows (``linkTitle``,
# ``excerpt``...; ``info``: its key, l10n.articles.frontmatter.SHOWN_KEYS): builds put its
# translation back under that key
FRONT_MATTER = "front-matter"
ATTRIBUTE_KINDS = (DESCRIPTION, ALT, LINK_TITLE, PAGE_TITLE, FRONT_MATTER)
MORE = "more"  # a list item's info: the item's next paragraph, not a new item


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of an article: a title, a paragraph, a list item..."""

    index: int
    kind: str
    text: str
    line: int  # 1-based line of the block's first character in the source file
    level: int = 0  # heading level, list nesting depth, or table column (from 1)
    translatable: bool = True
    ordered: bool = False  # list items of a numbered list
    info: str = ""  # fenced code: the info string (language); table cell: its alignment;
    # list item: MORE for an item's second and later paragraphs


@dataclass(frozen=True, slots=True)
class Article:
    """A source article as read from disk, whatever its format."""

    path: Path
    slug: str
    title: str
    blocks: tuple[Block, ...]
    lang: str = "en"
    author: str | None = None
    contact: str | None = None
    published: datetime | None = None
    format: str = "text"  # "text" (news dump), "markdown" or "html"
    # the page's summary as its source gives it (front matter description/summary, <meta
    # name="description">), plain text; also a DESCRIPTION block when it is translated
    description: str | None = None
    # a Markdown article's front matter as read (every key, its values typed as the
    # format has them: dates, booleans, lists, tables); builds carry it (publish/frontmatter.py)
    front_matter: Mapping[str, object] = field(
        default_factory=lambda: MappingProxyType({}), compare=False)

    def block_labels(self) -> list[str]:
        """How comments name each block: 'title', 'byline', 'paragraph 3' (the third
        paragraph), 'heading 1', 'list-item 4'... numbered per kind, from 1; text of a
        raw HTML block names the element that holds it: 'html-text 2 <summary>'; a front
        matter value names its key: 'front-matter linkTitle', 'front-matter images 1 alt'."""
        counts: dict[str, int] = {}
        labels = []
        for block in self.blocks:
            counts[block.kind] = counts.get(block.kind, 0) + 1
            unique = block.kind in (TITLE, BYLINE, DESCRIPTION, PAGE_TITLE, FRONT_MATTER)
            label = block.kind if unique else f"{block.kind} {counts[block.kind]}"
            if block.kind == HTML_TEXT and block.info:  # the translator's context
                label += f" <{block.info}>"
            elif block.kind == FRONT_MATTER:
                label += f" {block.info}"
            labels.append(label)
        return labels


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence of a block: the unit that is translated and becomes a catalog entry.

    ``block.text[start:start + len(text)] == text``; the text between two segments of a
    block is whitespace only, so the sentences joined with it give the block back.
    """

    text: str
    block: int  # index of the block in the article
    index: int  # index of the sentence in the block
    kind: str
    line: int  # 1-based source line of the sentence
    start: int  # offset of the sentence in its block's text

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary entry: how one source term must be written in each target language."""

    source: str
    targets: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    variants: tuple[str, ...] = ()
    keep: bool = False  # do not translate: the target is the source, verbatim
    case_sensitive: bool | None = None  # None: as written for short acronyms (AI, GPU), else any
    note: str = ""
    readings: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    file: str = ""
    line: int = 0

    def target(self, lang: str) -> str | None:
        """The term's form in ``lang`` (``ko_KR`` falls back to ``ko``), or None."""
        if self.keep:
            return self.targets.get(lang) or self.targets.get(lang.split("_")[0]) or self.source
        return self.targets.get(lang) or self.targets.get(lang.split("_")[0])

    def form(self, lang: str, matched: str | None = None) -> str | None:
        """How this occurrence must be written in ``lang``: the target; for a ``keep`` term
        without one, the source text exactly as matched (a variant such as "GPUs" stays
        "GPUs"); None when the term has no form in ``lang``."""
        explicit = self.targets.get(lang) or self.targets.get(lang.split("_")[0])
        if explicit:
            return explicit
        return (matched or self.source) if self.keep else None

    def reading(self, lang: str) -> str | None:
        return self.readings.get(lang) or self.readings.get(lang.split("_")[0])


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One occurrence of a term in a text: ``text[start:end]`` is what was matched."""

    term: Term
    start: int
    end: int
    text: str


# What became of a glossary term in a translation (TermOutcome.status).
APPLIED = "applied"  # its target form is in the translation
MISSING = "missing"  # it is not
HINT = "hint"  # no translation yet: the target form is shown to the translator


@dataclass(frozen=True, slots=True)
class TermOutcome:
    """What became of one glossary term of a segment in its translation."""

    source: str
    target: str
    status: str  # APPLIED, MISSING or HINT


@dataclass(frozen=True, slots=True)
class Hypothesis:
    """One candidate translation from an engine, best first in a list."""

    text: str
    score: float | None = None


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # a heuristic's finding, shown on request (l10n.qa.tiers)


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem a check found in one catalog entry."""

    check: str
    severity: Severity
    message: str
    path: str = ""
    line: int = 0
    msgid: str = ""
    lang: str = ""
    # Where the problem is, as [start, end) offsets, when a check can tell: in the
    # translation (msgstr) and in the source (msgid). The review page marks them.
    span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None
