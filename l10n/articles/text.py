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
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from l10n.articles.source import safe_slug
from l10n.errors import ArticleError
from l10n.model import BYLINE, PARAGRAPH, TITLE, Article, Block

_HEADER = re.compile(
    r"(?P<contact>[^|]*?)\s*\|\s*(?P<when>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)"
)
_FORMAT_HINT = (
    "line 3 must be 'contact | YYYY-MM-DD HH:MM:SS', e.g. "
    "'desk@example.com | 2025-11-02 06:24:39'"
)


def parse_text(
    path: Path, text: str, *, furniture: tuple[str, ...], lang: str = "en"
) -> Article:
    """Build an :class:`Article` from the news dump ``text`` (LF line endings) of ``path``."""
    lines = text.split("\n")
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
        slug=safe_slug(path.stem, path),
        title=title,
        blocks=tuple(blocks),
        lang=lang,
        author=byline,
        contact=contact,
        published=published,
        format="text",
    )


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
