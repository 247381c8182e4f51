"""Localized builds: an article and its translations -> HTML and Markdown documents.

Pure functions: nothing here reads catalogs or writes files (:mod:`l10n.workflow.build`
does). The rules a build follows:

* **Segments again.** Each translatable block is segmented again with
  :func:`l10n.segment.segment_block`; each segment is looked up *by its text* in
  ``translations``. The whitespace between segments is the source's.
* **Which translations.** Reviewed ones. Unreviewed ones (machine output, memory
  suggestions, any fuzzy entry) only with ``include_machine``; the page then says so
  visibly and in ``<meta name="translation-status" content="machine">``.
* **Fallback.** A segment without a usable translation keeps its source text, marked
  ``<span lang="en">`` (the source language) in HTML.
* **Coverage** counts distinct segment texts: reviewed, unreviewed (available, whether
  used or not), untranslated; ``reviewed_percent`` is what ``--min-reviewed`` gates on.
* **Escaping.** Templates autoescape. Text articles, titles and bylines are plain text.
  Inline Markdown of Markdown articles goes through markdown-it-py with raw HTML off
  (whose output escapes every ``<``); that output is the only text marked safe. Code and
  raw-HTML blocks of the source are shown as text, never translated nor interpreted.
* **Deterministic.** Same inputs, same bytes: no clock, no randomness, stable order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from l10n.langs import bcp47
from l10n.model import BYLINE, CODE, HEADING, LIST_ITEM, QUOTE, TITLE, Article, Block

if TYPE_CHECKING:
    import jinja2

REVIEWED = "reviewed"
MACHINE = "machine"  # an unreviewed translation: machine output or any fuzzy entry
SOURCE = "source"  # no usable translation: the source text is shown
ORIGINAL = "original"  # the source-language page itself
SPACE = "space"  # the whitespace between two segments


@dataclass(frozen=True, slots=True)
class Translation:
    """A catalog's msgstr for one segment text, and whether a person reviewed it."""

    text: str
    reviewed: bool = True


@dataclass(frozen=True, slots=True)
class Piece:
    """A segment (or the whitespace between two) as the page shows it."""

    text: str
    status: str  # REVIEWED, MACHINE, SOURCE, ORIGINAL or SPACE


@dataclass(frozen=True, slots=True)
class LocalBlock:
    block: Block
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of an article a language has, over distinct segment texts."""

    total: int
    reviewed: int
    machine: int

    @property
    def untranslated(self) -> int:
        return self.total - self.reviewed - self.machine

    @property
    def reviewed_percent(self) -> float:
        return 100.0 if not self.total else round(100.0 * self.reviewed / self.total, 1)


@dataclass(frozen=True)
class Page:
    """An article in one language, ready to render."""

    article: Article
    lang: str
    blocks: tuple[LocalBlock, ...]
    coverage: Coverage
    used_machine: bool  # an unreviewed translation is shown
    source_ref: str = ""  # the source article as the project cites it

    @property
    def slug(self) -> str:
        return self.article.slug

    def _kind_text(self, kind: str) -> str | None:
        return next((b.text for b in self.blocks if b.block.kind == kind), None)

    @property
    def title(self) -> str:
        return self._kind_text(TITLE) or self.article.title

    @property
    def byline(self) -> str:
        return self._kind_text(BYLINE) or self.article.author or ""

    @property
    def translated(self) -> int:
        """How many segments of the page show a translation."""
        return sum(p.status in (REVIEWED, MACHINE) for b in self.blocks for p in b.pieces)


def localize(
    article: Article,
    lang: str,
    translations: Mapping[str, Translation],
    *,
    include_machine: bool = False,
    source_ref: str = "",
) -> Page:
    """The page of ``article`` in ``lang`` (the module's rules); ``lang`` equal to the
    article's language gives the original page."""
    from l10n.segment import segment_block

    original = lang == article.lang
    blocks: list[LocalBlock] = []
    seen: dict[str, str] = {}
    for block in article.blocks:
        if not block.translatable:
            blocks.append(LocalBlock(block, (Piece(block.text, ORIGINAL),)))
            continue
        pieces: list[Piece] = []
        cursor = 0
        for segment in segment_block(block):
            if segment.start > cursor:
                pieces.append(Piece(block.text[cursor : segment.start], SPACE))
            found = translations.get(segment.text)
            state = SOURCE if found is None else REVIEWED if found.reviewed else MACHINE
            seen.setdefault(segment.text, state)
            if original:
                pieces.append(Piece(segment.text, ORIGINAL))
            elif found is not None and (found.reviewed or include_machine):
                pieces.append(Piece(found.text, state))
            else:
                pieces.append(Piece(segment.text, SOURCE))
            cursor = segment.end
        if cursor < len(block.text):
            pieces.append(Piece(block.text[cursor:], SPACE))
        blocks.append(LocalBlock(block, tuple(pieces)))
    states = list(seen.values())
    coverage = (
        Coverage(len(states), len(states), 0)
        if original
        else Coverage(len(states), states.count(REVIEWED), states.count(MACHINE))
    )
    used = any(p.status == MACHINE for b in blocks for p in b.pieces)
    return Page(article, lang, tuple(blocks), coverage, used, source_ref)


# ---------------------------------------------------------------------- languages


@lru_cache(maxsize=64)
def language_name(lang: str) -> str:
    """The language's name in itself, capitalised as a menu shows it: 한국어, Español."""
    from babel import Locale

    name = Locale.parse(lang).display_name or lang
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=64)
def script_of(lang: str) -> str:
    """The ISO 15924 script a language is written in (Babel's likely subtags)."""
    from babel import Locale
    from babel.core import get_global, parse_locale

    locale = Locale.parse(lang)
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        if key in likely:
            return parse_locale(likely[key])[2] or "Latn"
    return "Latn"


_FONTS = {
    "Kore": '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"',
    "Jpan": '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo',
    "Hans": '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei"',
    "Hant": '"Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei"',
}
_CJK_FONTS = ", ".join(_FONTS[s] for s in ("Kore", "Jpan", "Hans", "Hant"))


def typography(lang: str) -> dict[str, str]:
    """CSS values for the script: Korean keeps words whole (``word-break: keep-all``);
    Japanese and Chinese break between characters under strict line-break rules; CJK
    gets a taller line and CJK fonts; right-to-left scripts get ``dir="rtl"``."""
    from babel import Locale

    script = script_of(lang)
    cjk = script in _FONTS
    return {
        "dir": "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr",
        "font": (_FONTS[script] + ", " if cjk else "") + "system-ui, sans-serif",
        "line_height": "1.8" if cjk else "1.6",
        "word_break": "keep-all" if script == "Kore" else "normal",
        "line_break": "strict" if script in ("Jpan", "Hans", "Hant") else "auto",
    }


@lru_cache(maxsize=1)
def _ui_table() -> dict[str, dict[str, str]]:
    import tomllib
    from importlib.resources import files

    text = files("l10n").joinpath("templates/ui.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def ui(lang: str, key: str) -> tuple[str, str]:
    """(text, language of the text) for one of the page's own words (``ui.toml``):
    the language, else its base language, else English."""
    table = _ui_table()
    for code in (lang, lang.split("_")[0], "en"):
        if key in table.get(code, {}):
            return table[code][key], code
    raise KeyError(key)


def _language(lang: str, href: str = "") -> dict[str, Any]:
    from markupsafe import Markup

    style = {key: Markup(value) for key, value in typography(lang).items()}  # our constants
    return {"code": lang, "tag": bcp47(lang), "name": language_name(lang), "href": href, **style}


# ---------------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("l10n", "templates"),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2",), disabled_extensions=("md.j2",), default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["quote"] = lambda text: "\n".join(
        f"> {line}" if line else ">" for line in str(text).split("\n")
    )
    return env


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def _common(lang: str, languages: Sequence[str], href: Callable[[str], str]) -> dict[str, Any]:
    """What every page shows: its language, the language switcher, its own words."""
    notice, notice_lang = ui(lang, "machine_notice")
    return {
        "lang": _language(lang),
        "languages": [_language(code, href(code)) for code in languages],
        "ui": {key: ui(lang, key) for key in ("languages", "articles")},
        "notice": {"text": notice, "tag": bcp47(notice_lang)},
    }


def _date(page: Page) -> dict[str, str] | None:
    from babel.dates import format_date

    when = page.article.published
    if when is None:
        return None
    return {"iso": when.isoformat(), "text": format_date(when.date(), "long", locale=page.lang)}


def render_html(page: Page, languages: Sequence[str]) -> str:
    """The page as an HTML5 document; ``languages`` are those the article is published
    in, the source first (links: ``../<lang>/<slug>.html``; x-default is the source)."""
    from markupsafe import escape

    pieces = _html_pieces(page)
    by_kind = {b.block.kind: pieces(b) for b in reversed(page.blocks)}
    contact = page.article.contact or ""
    status = MACHINE if page.used_machine else REVIEWED
    if page.lang == page.article.lang:
        status = ORIGINAL
    return _render(
        "article.html.j2",
        page=page,
        title=page.title,
        status=status,
        heading=by_kind.get(TITLE) or [{"status": ORIGINAL, "html": escape(page.title)}],
        byline=by_kind.get(BYLINE)
        or ([{"status": ORIGINAL, "html": escape(page.byline)}] if page.byline else []),
        contact=contact if re.fullmatch(r"[^\s@<>]+@[^\s@<>]+", contact) else "",
        date=_date(page),
        source=_language(page.article.lang),
        nodes=_nodes(page, pieces),
        shift=_heading_shift(page),
        **_common(page.lang, languages, lambda code: f"../{code}/{page.slug}.html"),
    )


def render_markdown(page: Page) -> str:
    """The page as Markdown: YAML front matter, then the body with the source's structure."""
    import yaml

    front = {
        "title": page.title,
        "lang": page.lang,
        "slug": page.slug,
        "source": page.source_ref or page.article.path.name,
        "source_lang": page.article.lang,
        "byline": page.byline or None,
        "published": page.article.published.isoformat() if page.article.published else None,
        "translation": {
            "reviewed_percent": page.coverage.reviewed_percent,
            "machine": page.used_machine,
            "segments": page.coverage.total,
            "reviewed": page.coverage.reviewed,
            "unreviewed": page.coverage.machine,
            "untranslated": page.coverage.untranslated,
        },
    }
    front = {key: value for key, value in front.items() if value is not None}
    matter = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
    rich = page.article.format == "markdown"

    def text(local: LocalBlock) -> str:
        return md_text(local.text, plain=not rich or local.block.kind in (TITLE, BYLINE))

    return _render("article.md.j2", front_matter=matter, nodes=_nodes(page, text))


def render_index(lang: str, pages: Sequence[Page], languages: Sequence[str]) -> str:
    """A language's index: its articles (title, date), newest first, then by slug."""

    def newest_first(page: Page) -> tuple[float, str]:
        when = page.article.published
        return (-when.timestamp() if when else 0.0, page.slug)

    ordered = sorted(pages, key=newest_first)
    entries = [{"page": p, "title": p.title, "date": _date(p)} for p in ordered]
    return _render(
        "index.html.j2", entries=entries, **_common(lang, languages, lambda c: f"../{c}/index.html")
    )


def render_root(languages: Sequence[str], source: str) -> str:
    """The root index: every built language, by its own name, linking to its index."""
    return _render("root.html.j2", **_common(source, languages, lambda c: f"{c}/index.html"))


# ---------------------------------------------------------------------- structure


def _html_pieces(page: Page) -> Callable[[LocalBlock], list[dict[str, Any]]]:
    """Each block's pieces with their HTML: escaped text, or markdown-it's escaped output."""
    from markdown_it import MarkdownIt
    from markupsafe import Markup, escape

    inline = MarkdownIt("commonmark", {"html": False}).renderInline
    rich = page.article.format == "markdown"

    def pieces(local: LocalBlock) -> list[dict[str, Any]]:
        markdown = rich and local.block.kind not in (TITLE, BYLINE)
        return [
            {
                "status": p.status,
                "html": Markup(inline(p.text))
                if markdown and p.status != SPACE
                else escape(p.text),
            }
            for p in local.pieces
        ]

    return pieces


def _nodes(page: Page, content: Callable[[LocalBlock], Any]) -> list[dict[str, Any]]:
    """The body (title and byline left out) as nodes: heading, paragraph, quote (of
    paragraphs), list (nested by ``Block.level``), code and raw."""
    nodes: list[dict[str, Any]] = []
    lists: list[tuple[int, dict[str, Any]]] = []  # open lists: (level, node)
    for local in page.blocks:
        block = local.block
        if block.kind in (TITLE, BYLINE):
            continue
        if block.kind != LIST_ITEM:
            lists = []
        if block.kind == LIST_ITEM:
            _add_item(nodes, lists, block, content(local))
        elif block.kind == QUOTE:
            if not nodes or nodes[-1]["type"] != "quote":
                nodes.append({"type": "quote", "items": []})
            nodes[-1]["items"].append(content(local))
        elif block.kind == CODE:
            longest = max((len(run) for run in re.findall(r"`+", block.text)), default=0)
            fence = "`" * max(3, longest + 1)
            nodes.append({"type": "code", "text": block.text, "info": block.info, "fence": fence})
        elif not block.translatable:
            nodes.append({"type": "raw", "text": block.text})
        else:
            level = block.level if block.kind == HEADING else 0
            kind = "heading" if block.kind == HEADING else "paragraph"
            nodes.append({"type": kind, "level": level, "content": content(local)})
    return nodes


def _heading_shift(page: Page) -> int:
    """How far body headings move down in HTML so that the title is the only <h1>."""
    levels = [b.block.level for b in page.blocks if b.block.kind == HEADING]
    return max(0, 2 - min(levels, default=2))


def _add_item(
    nodes: list[dict[str, Any]], lists: list[tuple[int, dict[str, Any]]], block: Block, body: Any
) -> None:
    """Put a list item in the open list of its level, opening (nested) lists as needed."""
    level = max(block.level, 1)
    while lists and (
        lists[-1][0] > level or (lists[-1][0] == level and lists[-1][1]["ordered"] != block.ordered)
    ):
        lists.pop()
    if not lists or lists[-1][0] < level:
        new: dict[str, Any] = {"type": "list", "ordered": block.ordered, "items": [], "depth": 0}
        if lists and lists[-1][1]["items"]:
            new["depth"] = lists[-1][1]["depth"] + 1
            lists[-1][1]["items"][-1]["lists"].append(new)
        else:
            nodes.append(new)
        lists.append((level, new))
    items = lists[-1][1]["items"]
    items.append({"content": body, "number": len(items) + 1, "lists": []})


# ---------------------------------------------------------------------- Markdown text

_MD_PUNCT = re.compile(r"([\\`*_\[\]<>|~])|&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+=](?=\s|$)|(\d{1,9})([.)])(?=\s|$))")
_MD_RAW = re.compile(
    r"(`+)[\s\S]*?\1"  # a code span: kept
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"  # an autolink: kept
    r"|<[^\s<>@]+@[^\s<>@]+>"  # an e-mail autolink: kept
    r"|<(?=[A-Za-z/!?])"  # the start of raw HTML: escaped
)


def md_text(text: str, *, plain: bool) -> str:
    """``text`` for a Markdown document. Plain text is escaped so that nothing in it is
    markup; Markdown keeps its inline markup, but raw HTML (a ``<`` opening a tag) is
    escaped so that no renderer runs it."""
    if not plain:
        return _MD_RAW.sub(lambda m: "\\<" if m.group(0) == "<" else m.group(0), text)
    escaped = _MD_PUNCT.sub(lambda m: "\\" + m.group(0), text)
    return "\n".join(_md_line(line) for line in escaped.split("\n"))


def _md_line(line: str) -> str:
    """Escape what would start a heading, list or rule at the start of a line."""
    found = _MD_LINE_START.match(line)
    if not found:
        return line
    lead, mark = found.group(1), found.group(2)
    mark = f"{found.group(3)}\\{found.group(4)}" if found.group(3) else "\\" + mark
    return lead + mark + line[found.end() :]
