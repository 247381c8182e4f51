"""What every article reader shares: the file's text, read by one set of rules, and slugs.

:func:`read_source`: the file must exist, contain no NUL byte (an HTML page may hold a
few, which a browser shows as nothing, unless it is a binary file: :func:`binary`), and
not be empty or whitespace only; CRLF and CR line endings become LF. Text and Markdown files must be
UTF-8 (a BOM is dropped). An HTML page (``.html``, ``.htm``) is decoded as a browser
decodes it (:func:`decode_html`): its BOM, else the ``<meta charset>`` or
``<meta http-equiv="Content-Type">`` of its first 1024 bytes (the WHATWG prescan, as
html5lib implements it), else UTF-8 when the bytes are valid UTF-8, else windows-1252;
mojibake in it (UTF-8 read in another encoding: the declared charset is not the page's
own) is repaired, with a warning (:func:`repair_mojibake`).
:func:`safe_slug`: a slug names the article's catalog files, so it must be a plain file
name part; :func:`file_slug` makes one from any file name. Each problem is an
:class:`~l10n.errors.ArticleError` naming the file, the line where there is one, and how
to fix it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import warnings
from pathlib import Path

from l10n.errors import ArticleError, L10nWarning
from l10n.fsutil import file_io

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
HTML_SUFFIXES = (".html", ".htm")


def read_source(path: Path) -> str:
    """The text of ``path``: UTF-8 (BOM dropped), LF line endings, not empty, not binary."""
    file_io(path)
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
    if b"\x00" in raw and (path.suffix.lower() not in HTML_SUFFIXES or binary(raw)):
        raise ArticleError(
            "binary file (it contains NUL bytes), not a text article",
            path=path,
            line=raw[: raw.index(b"\x00")].count(b"\n") + 1,
            hint="give a UTF-8 .txt or .md file",
        )
    try:
        text = decode_html(raw) if path.suffix.lower() in HTML_SUFFIXES else raw.decode(
            "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            path=path,
            line=raw[: exc.start].count(b"\n") + 1,
            hint="re-save the file as UTF-8",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() in HTML_SUFFIXES:
        text, line = repair_mojibake(text)
        if line:
            warnings.warn(L10nWarning(
                "the page's text was mojibake (UTF-8 read in another encoding: 'â€™' for "
                "'’'): repaired", path=path, line=line,
                hint="declare the encoding the page is saved in (<meta charset=\"utf-8\">)"),
                stacklevel=2)
    if not text.strip():
        raise ArticleError(
            "empty article", path=path, hint="the file holds no text; write the article first"
        )
    return text


# the first bytes of the binary files most often saved with a wrong name (pictures, PDF,
# archives, executables)
_SIGNATURES = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b",
               b"RIFF", b"\x7fELF", b"MZ", b"\xfd7zXZ", b"7z\xbc\xaf", b"\x00\x00\x01\x00")


def binary(raw: bytes) -> bool:
    """Whether an HTML page's bytes, holding NUL bytes, are a binary file's: it starts as
    a picture, a PDF, an archive or a program does, or 1 byte in 20 is NUL (UTF-16 without
    its BOM is no page a browser reads either). A few NUL bytes in a page are not: a
    browser shows nothing for them (:func:`l10n.articles.htmldom.parse_html` leaves them
    out, with a warning)."""
    return raw.startswith(_SIGNATURES) or raw.count(b"\x00") * 20 > len(raw)


def decode_html(raw: bytes) -> str:
    """The text of an HTML page's bytes, decoded as a browser decodes them (see the module
    docstring). Bytes the declared encoding cannot map become U+FFFD, as in a browser."""
    import webencodings
    from html5lib._inputstream import EncodingParser

    encoding = None
    for bom, name in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16le"),
                      (b"\xfe\xff", "utf-16be")):
        if raw.startswith(bom):
            encoding, raw = webencodings.lookup(name), raw[len(bom):]
            break
    if encoding is None:
        encoding = EncodingParser(raw[:1024]).getEncoding()  # <meta charset>, http-equiv
        if encoding is not None and encoding.name in ("utf-16le", "utf-16be"):
            encoding = webencodings.lookup("utf-8")  # as the standard says: ASCII-compatible
    if encoding is None:  # nothing declared: UTF-8 if it is, else windows-1252
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            encoding = webencodings.lookup("windows-1252")
    assert encoding is not None  # the names above are known
    return raw.decode(encoding.codec_info.name, errors="replace")


# a lead byte of UTF-8 (0xC2-0xF4) and a continuation byte (0x80-0xBF), both read as
# windows-1252 or Latin-1: the mark of UTF-8 text decoded as one of them ("â€™", "Ã©")
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]")


def repair_mojibake(text: str) -> tuple[str, int]:
    """``text`` with its mojibake repaired by `ftfy <https://ftfy.readthedocs.io>`_ (its
    encoding fixes only: no other change to the text), and the line of the first repair
    (0: none). A page whose declared charset is not the one it is saved in (a page
    re-saved as UTF-8 that still declares ISO-8859-1, or text a CMS decoded twice) shows
    "â€™" for "’" in a browser too: what the author wrote is what is translated. ftfy
    changes only text its heuristics find to be mojibake; it is called only when a lead
    and a continuation byte of UTF-8 read as windows-1252 are found side by side."""
    if _MOJIBAKE.search(text) is None:
        return text, 0
    import ftfy

    fixed = ftfy.fix_text(text, ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        remove_control_chars=False, normalization=None, explain=False))
    if fixed == text:
        return text, 0
    first = next((i for i, (a, b) in enumerate(zip(text, fixed, strict=False)) if a != b),
                 min(len(text), len(fixed)))
    return fixed, text.count("\n", 0, first) + 1


def file_slug(path: Path) -> str:
    """A slug from ``path``'s file name (its stem): letters without accents, lowercased,
    each run of other characters (dots, spaces, '@', '_') one '-'. ``Rust-1.31.md`` gives
    ``rust-1-31``; a name with no Latin letter or digit gives ``article-`` and 8 hex digits
    of the name (distinct names, distinct slugs)."""
    return safe_slug(_normalised(path.stem), path)  # a name the build uses, or too long: an error


def front_matter_slug(value: str, path: Path, line: int | None) -> str:
    """The slug of a post whose front matter says ``slug: value``: ``value`` lowercased,
    normalised as a file name is where it is no safe slug (Hugo takes ``hugo_gen_man``,
    ``Release.Notes`` or ``../x`` as they are; l10n names its catalog files
    ``hugo-gen-man``, ``release-notes``, ``x``, while the site's own pages keep the
    author's ``slug``: the Hugo tree carries it as written)."""
    slug = value.strip().lower()
    if _SLUG.fullmatch(slug) is None:
        slug = _normalised(value)
    return safe_slug(slug, path, line=line, source="front matter 'slug'")


def _normalised(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", folded.lower()).strip("-")
    return slug or "article-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


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
