"""Source articles: read a file of any supported format into one :class:`~l10n.model.Article`.

Formats, chosen by the file's suffix:

- ``.txt``: the plain-text news dump (:mod:`l10n.articles.text`);
- ``.md`` / ``.markdown``: Markdown with YAML front matter (:mod:`l10n.articles.markdown`).

Every reader gets the file through :func:`read_source`, which applies the same rules to
all formats: the file must exist, hold UTF-8 text (a BOM is dropped, CRLF and CR line
endings become LF), contain no NUL byte, and not be empty or whitespace only. Each
problem is an :class:`~l10n.errors.ArticleError` naming the file, the line where there
is one, and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from l10n.errors import ArticleError
from l10n.model import Article

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES
DEFAULT_FURNITURE = ("WEEKLY HOT",)

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")

__all__ = [
    "DEFAULT_FURNITURE",
    "SUFFIXES",
    "find_articles",
    "read_article",
    "read_source",
    "safe_slug",
]


def read_article(
    path: Path, *, furniture: Sequence[str] = DEFAULT_FURNITURE, lang: str = "en"
) -> Article:
    """Read the article at ``path`` with the reader its suffix names.

    ``furniture``: lines that start a news dump's site furniture (see
    :mod:`l10n.articles.text`); ``lang``: the source language unless the article says
    otherwise (Markdown front matter ``lang``). Raises :class:`ArticleError`.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(
            f"unsupported article format '{path.suffix or '(no suffix)'}'",
            path=path,
            hint=f"supported formats: {', '.join(SUFFIXES)}",
        )
    text = read_source(path)
    if suffix in TEXT_SUFFIXES:
        from l10n.articles.text import parse_text

        return parse_text(path, text, furniture=tuple(furniture), lang=lang)
    from l10n.articles.markdown import parse_markdown

    return parse_markdown(path, text, lang=lang)


def find_articles(folder: Path) -> list[Path]:
    """Every article file directly in ``folder`` (by supported suffix), sorted by name.

    Hidden files (a name starting with '.', such as editor lock files) are skipped.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ArticleError(
            "article folder not found",
            path=folder,
            hint="create it, or set `articles` in l10n.toml to the folder holding your articles",
        )
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
    )


def read_source(path: Path) -> str:
    """The text of ``path``: UTF-8 (BOM dropped), LF line endings, not empty, not binary."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(
            "article not found", path=path, hint="check the path and the file name"
        ) from None
    except IsADirectoryError:
        raise ArticleError("is a folder, not an article file", path=path) from None
    except OSError as exc:
        raise ArticleError(f"cannot read article: {exc.strerror}", path=path) from None
    if b"\x00" in raw:
        raise ArticleError(
            "binary file (it contains NUL bytes), not a text article",
            path=path,
            line=raw[: raw.index(b"\x00")].count(b"\n") + 1,
            hint="give a UTF-8 .txt or .md file",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            path=path,
            line=raw[: exc.start].count(b"\n") + 1,
            hint="re-save the file as UTF-8",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(
            "empty article", path=path, hint="the file holds no text; write the article first"
        )
    return text


def safe_slug(value: str, path: Path, *, line: int | None = None, source: str = "") -> str:
    """``value`` lowercased if it is a safe slug (``[a-z0-9][a-z0-9-]*``), else ArticleError.

    The slug names the article's catalog files, so it must be a plain file name part:
    no '/', no '..', no spaces or other punctuation.
    """
    slug = value.strip().lower()
    if _SLUG.fullmatch(slug) is None:
        where = source or "the file name"
        raise ArticleError(
            f"'{value}' is not a safe slug (from {where})",
            path=path,
            line=line,
            hint="use lowercase letters, digits and '-' only, e.g. nvidia-korea-ai-alliance"
            + ("" if source else "; rename the file"),
        )
    return slug
