"""What every article reader shares: the file's text, read by one set of rules, and slugs.

:func:`read_source`: the file must exist, hold UTF-8 text (a BOM is dropped, CRLF and CR
line endings become LF), contain no NUL byte, and not be empty or whitespace only.
:func:`safe_slug`: a slug names the article's catalog files, so it must be a plain file
name part. Each problem is an :class:`~l10n.errors.ArticleError` naming the file, the
line where there is one, and how to fix it.
"""

from __future__ import annotations

import re
from pathlib import Path

from l10n.errors import ArticleError

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


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


# names a build writes beside the articles' pages: <lang>/index.html is the language's index
RESERVED_SLUGS = frozenset({"index"})
MAX_SLUG = 200  # characters: with the suffixes and temporaries of the files named after it,
# a name stays within the 255 bytes file systems allow


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
    if slug in RESERVED_SLUGS or len(slug) > MAX_SLUG:
        raise ArticleError(
            f"'{slug}' is a name the build uses for its own page (<lang>/{slug}.html)"
            if slug in RESERVED_SLUGS else
            f"the slug is {len(slug)} characters long, over the {MAX_SLUG} a file name allows",
            path=path,
            line=line,
            hint="rename the file" if not source else f"choose another slug in {source}",
        )
    return slug
