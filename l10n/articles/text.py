"""Reader for the plain-text news dump (the format of ``seeds/nvidia-korea-ai-alliance.txt``).

Rules, by line (1-based):

1. the title (block kind ``title``);
2. the byline: author and role, as printed (block kind ``byline``);
3. ``contact | YYYY-MM-DD HH:MM:SS``: a contact (usually an e-mail address) and the
   publication date-time, separated by ``|``;
4. onwards: the body, one paragraph per non-empty line (block kind ``paragraph``).

Site furniture: the first body line equal (after stripping, case-sensitive) to one of the
``furniture`` markers (default ``WEEKLY HOT``, the site's "most read" box) ends the body;
it and everything after it (its numbered list of other stories) is left out. Users set the
markers with the ``furniture`` key of ``l10n.toml``.

Block text is the line without surrounding whitespace; ``Block.line`` is its source line.

A text file that does not try to be a news dump (line 3 holds no ``|``, date or e-mail
address) is read as plain text, with a warning: its first non-empty line is the title,
each other non-empty line a paragraph, the file name the slug. A header that is there but
broken (a bad date, no ``|``) is an error, as before.

Character references: a dump scraped from a CMS carries them (``&#8212;``, ``&#x2014;``,
``&amp;``). Those ending in ``;`` are decoded in the title, byline, contact and body (with
Python's HTML5 table, :data:`html.entities.html5`); anything else that looks like one
(``AT&T``, ``&copy`` without ``;``) is left as written. A reference to no character
(``&#0;``, a surrogate, past U+10FFFF) stays as written too.
"""

from __future__ import annotations

import html.entities
import re
import warnings
from datetime import datetime
from pathlib import Path

from l10n.articles.source import file_slug
from l10n.errors import ArticleError, L10nWarning
from l10n.model import BYLINE, PARAGRAPH, TITLE, Article, Block

_HEADER = re.compile(
    r"(?P<contact>[^|]*?)\s*\|\s*(?P<when>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)"
)
_HEADER_LIKE = re.compile(r"\||\d{4}-\d{1,2}-\d{1,2}|\S@\S")
_FORMAT_HINT = (
    "line 3 must be 'contact | YYYY-MM-DD HH:MM:SS', e.g. "
    "'desk@example.com | 2025-11-02 06:24:39'"
)


def parse_text(
    path: Path, text: str, *, furniture: tuple[str, ...], lang: str = "en"
) -> Article:
    """Build an :class:`Article` from the news dump ``text`` (LF line endings) of ``path``.

    A file without the news dump's header (no line 3 that looks like ``contact | date``)
    is read as plain text, with a warning: the first non-empty line is the title, the
    other non-empty lines are paragraphs.
    """
    lines = [decode_references(line) for line in text.split("\n")]
    if not _has_header(lines):
        return _plain_text(path, lines, furniture, lang)
    title = _required(lines, 0, path, "title")
    byline = _required(lines, 1, path, "byline (author)")
    if len(lines) < 3 or not lines[2].strip():
        raise ArticleError(
            "missing contact and date line; an article needs a header and a body",
            path=path,
            line=3,
            hint=_FORMAT_HINT,
        )
    contact, published = _header(lines[2], path)
    blocks = [Block(0, TITLE, title, 1), Block(1, BYLINE, byline, 2)]
    for number, line in enumerate(lines[3:], start=4):
        stripped = line.strip()
        if stripped in furniture:
            break
        if stripped:
            blocks.append(Block(len(blocks), PARAGRAPH, stripped, number))
    if len(blocks) == 2:
        raise ArticleError(
            "the article has no body",
            path=path,
            line=4,
            hint="write the paragraphs from line 4 on, one per line",
        )
    return Article(
        path=path,
        slug=file_slug(path),
        title=title,
        blocks=tuple(blocks),
        lang=lang,
        author=byline,
        contact=contact,
        published=published,
        format="text",
    )


def _has_header(lines: list[str]) -> bool:
    """Whether the file tries to be a news dump: line 3 holds a '|', a date or an e-mail
    address (a broken header is then an error, not plain text)."""
    return len(lines) > 2 and bool(_HEADER_LIKE.search(lines[2]))


def _plain_text(path: Path, lines: list[str], furniture: tuple[str, ...], lang: str) -> Article:
    """The fallback for a text file without the news dump's header (see parse_text)."""
    numbered = [(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
    body: list[Block] = []
    for number, line in numbered[1:]:
        if line in furniture:
            break
        body.append(Block(len(body) + 1, PARAGRAPH, line, number))
    if not body:
        raise ArticleError("the article has no body", path=path, line=numbered[0][0] + 1,
                           hint="write the paragraphs below the title, one per line")
    warnings.warn(L10nWarning(
        "no news dump header (title, byline, 'contact | date'): read as plain text, the "
        "first line as the title", path=path, line=3,
        hint="add the header lines, or save the article as Markdown with front matter",
    ), stacklevel=2)
    title_line, title = numbered[0]
    return Article(path=path, slug=file_slug(path), title=title,
                   blocks=(Block(0, TITLE, title, title_line), *body), lang=lang, format="text")


def _required(lines: list[str], index: int, path: Path, what: str) -> str:
    value = lines[index].strip() if index < len(lines) else ""
    if not value:
        raise ArticleError(
            f"line {index + 1} must hold the {what}",
            path=path,
            line=index + 1,
            hint="a news dump starts: title, byline, 'contact | YYYY-MM-DD HH:MM:SS', body",
        )
    return value


def _header(line: str, path: Path) -> tuple[str | None, datetime]:
    """``contact | date-time`` -> (contact or None, datetime); ArticleError at line 3."""
    match = _HEADER.fullmatch(line.strip())
    if match is None:
        raise ArticleError(
            f"malformed contact and date line: '{line.strip()}'",
            path=path,
            line=3,
            hint=_FORMAT_HINT,
        )
    try:
        published = datetime.fromisoformat(match["when"].replace(" ", "T"))
    except ValueError as exc:
        raise ArticleError(
            f"invalid date-time '{match['when']}': {exc}", path=path, line=3, hint=_FORMAT_HINT
        ) from None
    return match["contact"] or None, published


_REFERENCE = re.compile(
    r"&(?:#(?P<dec>\d{1,7})|#[xX](?P<hex>[0-9A-Fa-f]{1,6})|(?P<name>[A-Za-z][A-Za-z0-9]{1,31}));"
)


def decode_references(text: str) -> str:
    """``&#8212;``, ``&#x2014;`` and ``&amp;`` as the characters they stand for."""

    def char(found: re.Match[str]) -> str:
        if found["name"]:
            return html.entities.html5.get(found["name"] + ";", found.group())
        code = int(found["dec"]) if found["dec"] else int(found["hex"], 16)
        if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            return found.group()
        return chr(code)

    return _REFERENCE.sub(char, text) if "&" in text else text
