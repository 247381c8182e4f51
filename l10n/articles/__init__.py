"""Source articles: read a file of any supported format into one :class:`~l10n.model.Article`.

Formats, chosen by the file's suffix:

- ``.txt``: the plain-text news dump (:mod:`l10n.articles.text`);
- ``.md`` / ``.markdown``: Markdown with YAML, TOML or JSON front matter
  (:mod:`l10n.articles.markdown`);
- ``.html`` / ``.htm``: an HTML page, a CMS's export or a site's page (only its story is
  read: :mod:`l10n.articles.html`).

Every reader gets the file through :func:`read_source`, which applies the same rules to
all formats: the file must exist, hold text (UTF-8; an HTML page in the encoding it
declares), contain no NUL byte, and not be empty or whitespace only. Each
problem is an :class:`~l10n.errors.ArticleError` naming the file, the line where there
is one, and how to fix it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from l10n.articles.html import parse_html_article
from l10n.articles.markdown import parse_markdown
from l10n.articles.source import read_source, safe_slug
from l10n.articles.text import parse_text
from l10n.errors import ArticleError
from l10n.model import Article

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
DEFAULT_FURNITURE = ("WEEKLY HOT",)

__all__ = [
    "DEFAULT_FURNITURE",
    "SUFFIXES",
    "find_articles",
    "named_articles",
    "read_article",
    "read_source",
    "safe_slug",
]


def read_article(
    path: Path, *, furniture: Sequence[str] = DEFAULT_FURNITURE, lang: str = "en",
    content: Sequence[str] = (), exclude: Sequence[str] = (),
) -> Article:
    """Read the article at ``path`` with the reader its suffix names.

    ``furniture``: lines that start a news dump's site furniture (see
    :mod:`l10n.articles.text`); ``lang``: the source language unless the article says
    otherwise (Markdown front matter ``lang``); ``content``, ``exclude``: CSS selectors of
    an HTML page's story and of what is left out of it (``[html]`` settings). Raises
    :class:`ArticleError`.
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
    try:
        if suffix in TEXT_SUFFIXES:
            return parse_text(path, text, furniture=tuple(furniture), lang=lang)
        if suffix in HTML_SUFFIXES:
            return parse_html_article(path, text, lang=lang, content=content,
                                      exclude=exclude)
        return parse_markdown(path, text, lang=lang)
    except RecursionError:  # a page of elements nested hundreds deep
        raise ArticleError("the article's markup is nested too deeply to read", path=path,
                           hint="simplify the file: a news page nests a few dozen elements, "
                           "not hundreds") from None


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
    with os.scandir(folder) as entries:  # file types from the folder: no stat per file
        names = sorted(e.name for e in entries
                       if e.is_file() and os.path.splitext(e.name)[1].lower() in SUFFIXES
                       and not e.name.startswith("."))
    return [check_file_name(folder / name) for name in names]


def named_articles(paths: Sequence[Path]) -> list[Path]:
    """The articles named on a command line, in order and once each: a file as it is
    named, a folder as every article directly in it (:func:`find_articles`)."""
    found: dict[Path, None] = {}
    for path in map(Path, paths):
        found.update(dict.fromkeys(find_articles(path) if path.is_dir() else
                                   [check_file_name(path)]))
    return list(found)


def check_file_name(path: Path) -> Path:
    """``path``, if its name can be written in catalogs, the state and builds (UTF-8).

    A name in another encoding (Latin-1 bytes from an old archive, say) reaches Python as
    undecodable bytes; it is refused here, by name, before anything is written.
    """
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = Path(os.fsencode(path).decode("utf-8", "replace"))
        raise ArticleError(
            f"the file name is not valid UTF-8 (its bytes: {os.fsencode(path.name)!r})",
            path=shown,
            hint="rename the file with UTF-8 characters, e.g. "
                 "`convmv -f latin1 -t utf-8 --notest FILE` or `mv` in a UTF-8 terminal",
        ) from None
    return path
