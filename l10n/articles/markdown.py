"""Reader for Markdown articles with front matter, as Hugo reads them.

Front matter, in one of Hugo's three formats: YAML between two lines ``---`` (the
closing line may be ``...``), TOML between two lines ``+++``, or a JSON object that
starts the file (``{`` on the first line, up to the ``}`` line that closes it). Keys:
``title``, ``author`` (or ``authors``, a list: joined with ", "), ``date`` (a date or a
date-time), ``lang``, ``slug``, ``description`` (else ``summary``); the article keeps
the whole front matter as read (``Article.front_matter``), which builds carry
(:mod:`l10n.publish.frontmatter`); of its other keys, those a theme shows a reader are
translated (:mod:`l10n.articles.frontmatter`). Errors (unclosed front
matter, a syntax error, a value of the wrong type, an impossible date) name the file
line. Without a ``title`` (or without front matter), the first heading is the title and
leaves the body, else the first line of the text is the title and stays in it; a warning
says so. A first heading that says what the title says is the same headline: it leaves
the body. The slug is the front matter's ``slug``, else the file name's
(:func:`~l10n.articles.source.file_slug`: ``Rust-1.31.md`` is ``rust-1-31``).

Blocks, in document order (CommonMark, parsed with markdown-it-py):

- ``title`` from the front matter (line of the ``title`` key), ``byline`` from ``author``,
  ``description`` from ``description`` or ``summary`` (the page's summary), then a
  ``front-matter`` block for each other value a theme shows (``linkTitle``, ``excerpt``...:
  :data:`l10n.articles.frontmatter.SHOWN_KEYS`), its key in ``info``;
- ``heading`` (``level`` 1-6) and ``paragraph``;
- ``list-item``: each paragraph inside a list item; ``level`` is the list nesting depth
  (1 = top-level list), ``ordered`` is True in numbered lists; an item's second and later
  paragraphs have ``info`` ``more`` (:data:`~l10n.model.MORE`): the same item, not a new one;
- ``quote``: each paragraph inside a block quote (a list or heading inside a quote keeps
  its own kind); a quote's second and later paragraphs have ``info`` ``more``, so that
  two quotes one after the other stay two;
- ``code``: fenced or indented code, not translatable; ``info`` is the fence's language;
  ``level``: in a list item, the list's depth (the code belongs to the item), else 0;
- ``shortcode``: a Hugo shortcode that holds code, from its line to its closing tag's
  (``{{< highlight go >}}``, ``code``, ``code-toggle``, ``mermaid``, ``math``...:
  :data:`l10n.articles.shortcodes.CODE_SHORTCODES`), as written, not translatable
  (CommonMark reads it as a paragraph, whose code went to the engine and whose tags the
  build changed); so is a Liquid code tag (``{% highlight x %}`` to ``{% endhighlight %}``)
  and a Go template action or Liquid tag that starts a line and closes alone at the end
  of a later one (the Go blog's ``{{raw `...`}}``);
- ``link-title``: the title of a link or image (``[x](url "title")``), after the block it
  is in (an image's alt text is the ``[...]`` part, translated inside its sentence); the
  ``alt`` and ``title`` of an HTML tag in a sentence (``<img alt="A cat">``) are an ``alt``
  or ``link-title`` block after the block, too;
- ``html``: raw HTML blocks, not translatable (builds keep their markup, sanitized); the
  text a reader sees in one (a ``<summary>``, a ``<figcaption>``, a note's paragraphs)
  follows it as ``html-text`` blocks, with the ``alt`` and ``title`` blocks of its
  elements (:mod:`l10n.articles.rawhtml`);
- ``rule``: a thematic break (``---``, ``***``), not translatable, its markup as text;
- ``table-header`` and ``table-cell``: each cell of a GFM table (markdown-it-py's table
  rule), empty cells included so that builds can rebuild the table; ``level`` is the
  column (from 1: column 1 starts a row), ``info`` the column's alignment (``left``,
  ``center``, ``right`` or empty). A cell's text is its inline content as markdown-it
  reads it: an escaped pipe ``\\|`` is a plain ``|`` there (builds escape it again).

Nothing is dropped: lists and block quotes nested deeper than markdown-it's limit
(:data:`MAX_NESTING`: 50 list levels, 100 quote levels) are refused with the line where
the limit is passed, instead of the rest of the document being skipped.

The text of a translatable block is the Markdown source of its inline content, exactly as
written (inline code, links, emphasis markers and bare URLs included) so that later steps
can protect the markup and rebuild it; but a reference link (``[text][label]``) is written
inline with its definition's address and title (:mod:`l10n.articles.mdrefs`): the
definitions are no block, and a build without them would show the brackets; soft
hyphens (``&shy;``) outside code spans are left out, as in HTML pages. Lines of a
multi-line paragraph are joined with "\\n" (soft breaks), without the indentation of
continuation lines; ``Block.line`` is the first line.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from types import MappingProxyType
from typing import Any

from l10n import model
from l10n.articles.frontmatter import FrontMatter, read_front_matter, shown_texts
from l10n.articles.htmldom import markup_text
from l10n.articles.mdrefs import inline_references
from l10n.articles.rawhtml import raw_blocks, tag_attributes
from l10n.articles.shortcodes import shortcode_block
from l10n.articles.source import file_slug, front_matter_slug
from l10n.errors import ArticleError, L10nWarning, LanguageError
from l10n.lang import validate_language
from l10n.model import (
    ALT,
    BYLINE,
    CODE,
    DESCRIPTION,
    FRONT_MATTER,
    HEADING,
    HTML,
    LINK_TITLE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    TITLE,
    Article,
    Block,
)

# markdown-it's nesting limit (each list level takes 2, each block quote 1); CommonMark's
# preset has 20 and silently drops everything past it
MAX_NESTING = 100


def parse_markdown(path: Path, text: str, *, lang: str = "en") -> Article:
    """Build an :class:`Article` from Markdown ``text`` (LF line endings) read from ``path``."""
    lines = text.split("\n")
    front = read_front_matter(path, lines)
    title = _string(front, "title", path)
    author = _string(front, "author", path) or _names(front, "authors", path)
    summary = "description" if front.values.get("description") else "summary"
    description = _string(front, summary, path)
    body = "\n" * front.end + "\n".join(lines[front.end :])
    found = _body_blocks(path, body, start=0)
    if not found or not (title or any(block.translatable for block in found)):
        raise ArticleError(
            "the article has no body", path=path, line=front.end + 1,
            hint="write the article below the front matter",
        )
    head = [Block(0, TITLE, title, front.lines["title"])] if title else _title_from(path, found)
    found = [b for b in found if not (b.kind == HEADING and head[0].line == b.line)]
    first = next((b for b in found if b.translatable), None)
    if title and first is not None and first.kind == HEADING and _same(first.text, title):
        found.remove(first)  # the front matter's title, said again: one headline
    if author:
        head.append(Block(1, BYLINE, author,
                          front.lines.get("author") or front.lines.get("authors", 1)))
    if description:
        head.append(Block(len(head), DESCRIPTION, description, front.lines[summary]))
    head += [Block(len(head) + n, FRONT_MATTER, text, line, info=where) for n, (where, text, line)
             in enumerate(shown_texts(front, summary if description else None))]
    blocks = [*head, *(replace(b, index=len(head) + n) for n, b in enumerate(found))]
    slug_value = _string(front, "slug", path)
    slug = (
        front_matter_slug(slug_value, path, front.lines["slug"]) if slug_value
        else file_slug(path)
    )
    return Article(
        path=path,
        slug=slug,
        title=blocks[0].text,
        blocks=tuple(blocks),
        lang=_lang(front, path) or lang,
        author=author,
        published=_date(front, path),
        format="markdown",
        description=description,
        front_matter=MappingProxyType(front.values),
    )


def _same(heading: str, title: str) -> bool:
    """Whether a heading's Markdown says what the title says (emphasis, escapes, spaces
    and case aside)."""
    def plain(text: str) -> str:
        return " ".join(_MARKS.sub("", text).split()).casefold()

    return plain(heading) == plain(title)


_MARKS = re.compile(r"[*_`\\]")
# a soft hyphen (U+00AD, &shy;, &#173;) outside code spans: a hint where a line may break,
# left out as the HTML reader leaves it out (``cy&shy;ber`` is one word for the engines)
_SOFT_HYPHEN = re.compile(r"((?<!`)(`+)(?!`).+?(?<!`)\2(?!`))|\u00ad|&shy;|&#0*173;|&#x0*ad;",
                          re.S | re.I)
# what a title may come from (not a raw HTML block's text, an alt text or a link's title)
_TEXT = frozenset({HEADING, PARAGRAPH, LIST_ITEM, QUOTE, model.TABLE_HEADER, model.TABLE_CELL})


def _names(front: FrontMatter, key: str, path: Path) -> str | None:
    """A list of names (Hugo's ``authors``) as one byline, or a single name."""
    value = front.values.get(key)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(str(v).strip() for v in value if str(v).strip()) or None
    return _string(front, key, path)


def _title_from(path: Path, blocks: list[Block]) -> list[Block]:
    """No ``title`` in the front matter: the first heading is the title (it leaves the
    body), else the first line of the text (it stays in the body); with a warning."""
    heading = next((b for b in blocks if b.kind == HEADING), None)
    first = heading or next((b for b in blocks if b.translatable and b.kind in _TEXT), None) \
        or next(b for b in blocks if b.translatable)  # text only in raw HTML: its words
    text = first.text.split("\n")[0].strip()
    text = text if first.kind in _TEXT else markup_text(text)
    where = "the first heading" if heading else "the first line of the text"
    warnings.warn(L10nWarning(
        f"no 'title' in the front matter: {where} is the title", path=path, line=first.line,
        hint="add 'title: ...' to the front matter ('---' lines at the top)",
    ), stacklevel=3)
    return [Block(0, TITLE, text, first.line)]


def _string(front: FrontMatter, key: str, path: Path, *, required: bool = False) -> str | None:
    value = front.values.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ArticleError(
                f"front matter has no '{key}'", path=path, line=1 if front.end else None,
                hint=f"add '{key}: ...' to the front matter ('---' lines at the top)",
            )
        return None
    if isinstance(value, dict | list):
        raise ArticleError(
            f"front matter '{key}' must be text, not a {type(value).__name__}",
            path=path, line=front.lines.get(key), hint=f"write '{key}: some text'",
        )
    return str(value).strip()


def _date(front: FrontMatter, path: Path) -> datetime | None:
    value = front.values.get("date")
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ArticleError(
            f"front matter 'date' is not a date: '{value}'", path=path,
            line=front.lines.get("date"), hint="write e.g. 'date: 2025-11-02 06:24:39'",
        ) from None


def _lang(front: FrontMatter, path: Path) -> str | None:
    value = _string(front, "lang", path)
    if value is None:
        return None
    try:
        return validate_language(value)
    except LanguageError as exc:
        raise ArticleError(exc.message, path=path, line=front.lines.get("lang"),
                           hint=exc.hint) from None


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _parser() -> Any:
    """markdown-it (CommonMark) with a nesting limit of :data:`MAX_NESTING` that stops
    with the line instead of skipping the rest of the document, as markdown-it does."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")  # GFM tables
    tokenize = md.block.tokenize

    def checked(state: Any, start: int, end: int, *args: Any) -> None:
        line = state.skipEmptyLines(start)
        if state.level >= MAX_NESTING and line < end and state.sCount[line] >= state.blkIndent:
            raise _TooDeep(line + 1)
        tokenize(state, start, end, *args)

    md.block.tokenize = checked  # type: ignore[method-assign,assignment]
    md.block.ruler.before("paragraph", "shortcode_block", shortcode_block,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    return md


def _body_blocks(path: Path, body: str, *, start: int) -> list[Block]:
    """Blocks of the Markdown ``body`` (whose line numbers are already the file's)."""
    env: dict[str, Any] = {}
    try:
        tokens = _parser().parse(body, env)
    except _TooDeep as exc:
        raise ArticleError(
            f"lists or block quotes nested more than {MAX_NESTING // 2} levels deep",
            path=path, line=exc.line, hint="flatten the nesting; l10n reads every line or "
            "none",
        ) from None
    lines = body.split("\n")
    blocks: list[Block] = []
    containers: list[tuple[str, bool]] = []  # open lists/quotes: ("list", ordered) / ("quote", _)
    started: list[bool] = []  # open list items: whether a block of the item was read
    quoted: list[bool] = []  # open block quotes: whether a paragraph of the quote was read
    heading = 0
    cell: tuple[str, int, str] | None = None  # inside a table cell: (kind, column, align)
    column = 0
    for token in tokens:
        line = token.map[0] + 1 if token.map else 0
        index = start + len(blocks)
        if token.type == "tr_open":
            column = 0
        elif token.type in ("th_open", "td_open"):
            column += 1
            kind = model.TABLE_HEADER if token.type == "th_open" else model.TABLE_CELL
            cell = (kind, column, _alignment(token.attrs.get("style")))
        elif token.type in ("th_close", "td_close"):
            cell = None
        if token.type == "inline":  # a reference link: inline, its definition is no block
            token.content = inline_references(token.content, env.get("references", {}), lines)
            token.content = _SOFT_HYPHEN.sub(lambda m: m[1] or "", token.content)
        if cell is not None and token.type == "inline":
            blocks.append(Block(index, cell[0], token.content, line, level=cell[1],
                                info=cell[2]))
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            containers.append(("list", token.type == "ordered_list_open"))
        elif token.type == "blockquote_open":
            containers.append(("quote", False))
            quoted.append(False)
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            if containers.pop()[0] == "quote":
                quoted.pop()
        elif token.type == "list_item_open":
            started.append(False)
        elif token.type == "list_item_close":
            started.pop()
        elif token.type == "heading_open":
            heading = int(token.tag[1:])
        elif token.type == "heading_close":
            heading = 0
        in_item = bool(started) and containers[-1][0] == "list"
        if token.type == "inline" and token.map and token.content.strip():
            block = _inline_block(index, token.content, line, heading, containers)
            if in_item and started[-1] and block.kind == LIST_ITEM:
                block = replace(block, info=model.MORE)  # the item's next paragraph
            if block.kind == QUOTE:
                block = replace(block, info=model.MORE if quoted[-1] else "")
                quoted[-1] = True  # the quote's next paragraph: the same quote
            blocks += [block, *_link_titles(token, line)]
        elif token.type in ("fence", "code_block", "shortcode_block"):
            info = token.info.split()[0] if token.info.strip() else ""
            depth = sum(1 for kind, _ in containers if kind == "list") if in_item else 0
            kind = model.SHORTCODE if token.type == "shortcode_block" else CODE
            blocks.append(
                Block(index, kind, _drop_newline(token.content), line, translatable=False,
                      info=info, level=depth)
            )
        if in_item and token.type in ("inline", "fence", "code_block", "shortcode_block"):
            started[-1] = True
        elif token.type == "hr":
            blocks.append(Block(index, model.RULE, token.markup, line, translatable=False))
        elif token.type == "html_block":
            blocks.append(Block(index, HTML, _drop_newline(token.content), line,
                                translatable=False))
            blocks += raw_blocks(_drop_newline(token.content), line)  # the text a reader sees
    return blocks


def _inline_block(
    index: int, content: str, line: int, heading: int, containers: list[tuple[str, bool]]
) -> Block:
    """A heading, list-item, quote or paragraph block from an inline token's source."""
    text = "\n".join(
        part if n == 0 else part.lstrip() for n, part in enumerate(content.split("\n"))
    )
    if heading:
        return Block(index, HEADING, text, line, level=heading)
    if containers and containers[-1][0] == "list":
        depth = sum(1 for kind, _ in containers if kind == "list")
        return Block(index, LIST_ITEM, text, line, level=depth, ordered=containers[-1][1])
    if containers:
        return Block(index, QUOTE, text, line)
    return Block(index, PARAGRAPH, text, line)


def _link_titles(token: Any, line: int) -> list[Block]:
    """A ``link-title`` block for each link or image title of an inline token (what a
    reader sees on hovering), and an ``alt`` or ``link-title`` block for each ``alt`` and
    ``title`` of its HTML tags, after the block it is in."""
    found = []
    for child in token.children or []:
        if child.type == "html_inline":
            found += [Block(0, ALT if name == "alt" else LINK_TITLE, value, line)
                      for name, value in tag_attributes(child.content)]
        title = child.attrs.get("title") if child.type in ("link_open", "image") else None
        if title and any(c.isalpha() for c in str(title)):
            found.append(Block(0, LINK_TITLE, str(title), line))
    return found


def _alignment(style: object) -> str:
    """``text-align:right`` (markdown-it's cell style) -> ``right``; none -> ``""``."""
    return str(style).rpartition(":")[2].strip() if style else ""


def _drop_newline(text: str) -> str:
    return text[:-1] if text.endswith("\n") else text
