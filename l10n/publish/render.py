"""Render pages: HTML5 documents, Markdown documents, and the indexes, with the Jinja2
templates in ``templates/`` (autoescaped for HTML)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from l10n.articles.htmldom import markup_text
from l10n.lang import bcp47
from l10n.model import ALT, BYLINE, TABLE_CELL, TABLE_HEADER, TITLE
from l10n.publish.frontmatter import carried, front_matter
from l10n.publish.htmlpage import safe_inline
from l10n.publish.locale import language, page_notices, ui
from l10n.publish.markdown import md_text, unsafe_url
from l10n.publish.page import MACHINE, ORIGINAL, REVIEWED, SPACE, LocalBlock, Page
from l10n.publish.rawhtml import localized_html
from l10n.publish.sanitize import sanitize_html, sanitize_inline
from l10n.publish.structure import heading_shift, nodes

if TYPE_CHECKING:
    import jinja2

@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("l10n.publish", "templates"),
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
        "lang": language(lang),
        "languages": [language(code, href(code)) for code in languages],
        "ui": {key: ui(lang, key) for key in ("languages", "articles")},
        "notice": {"text": notice, "tag": bcp47(notice_lang)},
    }


def _date(page: Page) -> dict[str, str] | None:
    from babel.dates import format_date

    when = page.article.published
    if when is None:
        return None
    return {"iso": when.isoformat(), "text": format_date(when.date(), "long", locale=page.lang)}


def plain_title(page: Page) -> str:
    """The page's title as text (an HTML article's title block is markup)."""
    return markup_text(page.title) if page.article.format == "html" else page.title


def plain_description(page: Page) -> str:
    """The page's description as text (an HTML article's is markup)."""
    text = page.description
    return markup_text(text) if page.article.format == "html" and text else text


def render_html(page: Page, languages: Sequence[str], head: str = "") -> str:
    """The page as an HTML5 document; ``languages`` are those the article is published
    in, the source first (links: ``../<lang>/<slug>.html``; x-default is the source);
    ``head``: markup added to ``<head>`` (:mod:`l10n.publish.site`, escaped there)."""
    from markupsafe import Markup, escape

    pieces = _html_pieces(page)
    by_kind = {b.block.kind: pieces(b) for b in reversed(page.blocks)}
    title = plain_title(page)
    contact = page.article.contact or ""
    status = MACHINE if page.used_machine else REVIEWED
    if page.lang == page.article.lang:
        status = ORIGINAL
    return _render(
        "article.html.j2",
        page=page,
        title=title,
        description=plain_description(page),
        status=status,
        heading=by_kind.get(TITLE) or [{"status": ORIGINAL, "html": escape(title)}],
        byline=by_kind.get(BYLINE)
        or ([{"status": ORIGINAL, "html": escape(page.byline)}] if page.byline else []),
        contact=contact if re.fullmatch(r"[^\s@<>]+@[^\s@<>]+", contact) else "",
        date=_date(page),
        source=language(page.article.lang),
        nodes=_with_images(_with_raw_html(nodes(page, pieces), page.article.lang, safe=True),
                           markdown=False),
        shift=heading_shift(page),
        head=Markup(head),
        notes=[{"text": text, "tag": bcp47(code)} for text, code in page_notices(page)],
        **_common(page.lang, languages, lambda code: f"../{code}/{page.slug}.html"),
    )


def render_markdown(page: Page) -> str:
    """The page as Markdown: YAML front matter, then the body with the source's structure."""
    front = {
        "title": plain_title(page),
        "lang": page.lang,
        "slug": page.slug,
        "source": page.source_ref or page.article.path.name,
        "source_lang": page.article.lang,
        "byline": page.byline or None,
        "description": plain_description(page) or None,
        "published": page.article.published.isoformat() if page.article.published else None,
        "translation": {
            "reviewed_percent": page.coverage.reviewed_percent,
            "machine": page.used_machine,
            "segments": page.coverage.total,
            "reviewed": page.coverage.reviewed,
            "unreviewed": page.coverage.machine,
            "untranslated": page.coverage.untranslated,
            "translated_percent": page.translated_percent,  # the rest: source-language text
            "notices": [text for text, _ in page_notices(page)],
        },
    }
    front = {key: value for key, value in front.items() if value is not None}
    translation = front.pop("translation")  # the source's other keys before l10n's record
    front |= carried(page, (*front, "translation"))
    matter = front_matter(front | {"translation": translation})
    rich = page.article.format == "markdown"

    alts = {markup_text(b.block.text): markup_text(b.text) for b in page.blocks
            if b.block.kind == ALT and b.block.translatable}

    def text(local: LocalBlock) -> str:
        if page.article.format == "html" and local.block.translatable:
            return _md_run(local.text, alts)  # HTML articles: their text and pictures
        shown = md_text(local.text, plain=not rich or local.block.kind in (TITLE, BYLINE))
        return _cell(shown) if local.block.kind in (TABLE_HEADER, TABLE_CELL) else shown

    body = _with_images(_with_raw_html(nodes(page, text), page.article.lang, safe=False),
                        markdown=True)
    for node in body:
        if node["type"] == "table":
            node["text"] = _md_table(node)
    return _render("article.md.j2", front_matter=matter, nodes=body)


_IMG = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
_HELD = re.compile("\ue000(\\d+)\ue001")


def _md_run(markup: str, alts: dict[str, str]) -> str:
    """A run of an HTML article as Markdown: its text, escaped, and its inline pictures
    as ``![alt](<address>)``, their alt localized (``alts``: source alt to localized);
    a picture whose address is unsafe is left out."""
    from urllib.parse import quote

    from l10n.articles.htmldom import elements, image_address, parse_fragment

    images: list[str] = []

    def hold(match: re.Match[str]) -> str:
        found = elements(parse_fragment(match.group(0), "div"))
        src = image_address(found[0]) if found else ""
        if not src or unsafe_url(src):
            return " "
        alt = " ".join(found[0].getAttribute("alt").split())
        alt = md_text(alts.get(alt, alt), plain=True).replace("\n", " ")
        images.append(f"![{alt}](<{quote(src, safe=_URL_SAFE)}>)")
        return f"\ue000{len(images) - 1}\ue001"

    text = md_text(markup_text(_IMG.sub(hold, _formulas_seen(markup))), plain=True)
    return _HELD.sub(lambda m: images[int(m.group(1))], text) if images else text


def _formulas_seen(markup: str) -> str:
    """A run's formulas as a reader sees them: not the MathML that the page hides and
    shows as a picture instead (MediaWiki's fallback ``<img alt="{\\displaystyle c}">``,
    kept), nor the TeX ``<annotation>`` that MathML never draws."""
    if "<math" not in markup:
        return markup
    from l10n.articles.htmldom import elements, hidden, inner_markup, parse_fragment

    nodes = parse_fragment(markup, "div")
    for element in elements(nodes):
        if (hidden(element) or element.tagName == "annotation") and element.parentNode:
            element.parentNode.removeChild(element)
    return inner_markup([n for n in nodes if n.parentNode is not None])


_DELIMITER = {"left": ":---", "center": ":---:", "right": "---:"}


def _cell(text: str) -> str:
    """A cell's Markdown: a pipe would end the cell (even inside code), so it is escaped."""
    return re.sub(r"(?<!\\)\|", r"\\|", text)


def _md_table(node: dict[str, Any]) -> str:
    """A GFM table: header row, delimiter row (with the alignments), body rows."""
    width = max(len(row) for row in (node["header"], *node["rows"]))
    header = node["header"] or [""] * width  # GFM: a table has a header row
    aligns = [_DELIMITER.get(a, "---") for a in node["aligns"]] or ["---"] * width
    rows = [header, aligns, *node["rows"]]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def _with_raw_html(body: list[dict[str, Any]], lang: str, *, safe: bool) -> list[dict[str, Any]]:
    """Raw HTML blocks of the source with their text in the page's language
    (:mod:`l10n.publish.rawhtml`; ``lang``: the source's), sanitized
    (:mod:`l10n.publish.sanitize`); ``safe``: marked safe for the autoescaping HTML
    templates."""
    from markupsafe import Markup

    for node in body:
        if node["type"] == "raw":
            text, node["translated"] = localized_html(node["text"], node["texts"], bcp47(lang))
            clean = sanitize_html(text)
            node["html"] = Markup(clean) if safe else clean
    return body


def _with_images(body: list[dict[str, Any]], *, markdown: bool) -> list[dict[str, Any]]:
    """Image nodes whose address is safe (a relative one, or one of
    :data:`~l10n.publish.markdown.SAFE_SCHEMES`), the others left out (their caption
    kept as a paragraph); for Markdown,
    with their ``![alt](<address>)`` text (the address percent-encoded where Markdown
    would read a character as syntax)."""
    from urllib.parse import quote

    kept = []
    for node in body:
        if node["type"] == "image":
            if unsafe_url(node["src"]):
                if node["caption"] is not None:  # the picture left out, its caption kept
                    kept.append({"type": "paragraph", "level": 0, "content": node["caption"]})
                continue
            if markdown:
                alt = md_text(node["alt"], plain=True).replace("\n", " ")
                node["text"] = f"![{alt}](<{quote(node['src'], safe=_URL_SAFE)}>)"
        kept.append(node)
    return kept


_URL_SAFE = ":/?#@!$&'()*+,;=%~[]"


IndexEntry = str  # sort key, slug, title, ISO date, date text, NUL-separated (compact)


def index_entry(page: Page) -> IndexEntry:
    """What a language's index shows of ``page`` (small: a build keeps one per page). An
    article's text never holds NUL (the article readers refuse it) and l10n never puts
    one in a catalog, but a catalog edited by hand may: it is dropped from the title, so
    that the fields stay five."""
    when = page.article.published
    date = _date(page)
    parts = (repr(-when.timestamp() if when else 0.0), page.slug,
             plain_title(page).replace("\0", ""),
             date["iso"] if date else "", date["text"] if date else "")
    return "\0".join(parts)


def render_index(lang: str, pages: Sequence[Page], languages: Sequence[str]) -> str:
    """A language's index: its articles (title, date), newest first, then by slug."""
    return render_index_entries(lang, [index_entry(page) for page in pages], languages)


def render_index_entries(
    lang: str, found: Iterable[IndexEntry], languages: Sequence[str], head: str = ""
) -> str:
    """:func:`render_index` from the pages' :func:`index_entry` values; ``head``: markup
    added to ``<head>`` (escaped by its maker)."""
    return "".join(index_pieces(lang, found, languages, head))


def index_pieces(
    lang: str, found: Iterable[IndexEntry], languages: Sequence[str], head: str = ""
) -> Iterator[str]:
    """:func:`render_index_entries` in pieces, as the template yields them: the entries
    are sorted, then each becomes the template's values only as its line is written (a
    language of an archive of 10,000 articles lists 10,000)."""
    from markupsafe import Markup

    parts = sorted((float(when), slug, title, iso, text)
                   for when, slug, title, iso, text in (entry.split("\0") for entry in found))
    entries = ({"page": {"slug": slug}, "title": title,
                "date": {"iso": iso, "text": text} if iso else None}
               for _, slug, title, iso, text in parts)
    yield from _environment().get_template("index.html.j2").generate(
        entries=entries, head=Markup(head),
        **_common(lang, languages, lambda c: f"../{c}/index.html"),
    )


def render_root(languages: Sequence[str], source: str) -> str:
    """The root index: every built language, by its own name, linking to its index."""
    return _render("root.html.j2", **_common(source, languages, lambda c: f"{c}/index.html"))


def _html_pieces(page: Page) -> Callable[[LocalBlock], list[dict[str, Any]]]:
    """Each block's pieces with their HTML: escaped text, markdown-it's output cleaned, or
    an HTML article's inline markup (:func:`~l10n.publish.htmlpage.safe_inline`, then
    :func:`~l10n.publish.sanitize.sanitize_inline`)."""
    from markdown_it import MarkdownIt
    from markupsafe import Markup, escape

    render = MarkdownIt("commonmark").enable("strikethrough").renderInline  # as Hugo (GFM)
    rich = page.article.format == "markdown"

    def inline(text: str) -> str:
        """A Markdown piece's HTML: its own tags (a picture in a link, ``<kbd>``) cleaned
        as raw HTML is; a tag the piece opens is closed at its end."""
        return sanitize_inline(render(text))

    def pieces(local: LocalBlock) -> list[dict[str, Any]]:
        markdown = rich and local.block.kind not in (TITLE, BYLINE)
        markup = page.article.format == "html" and local.block.translatable
        return [
            {
                "status": p.status,
                "html": Markup(inline(p.text))
                if markdown and p.status != SPACE
                # only the source's tags, then cleaned as raw HTML is: the source's own
                # handlers and javascript:/data: URLs never reach a templated page
                else Markup(sanitize_inline(safe_inline(p.text, local.block.text,
                                                         local.attributes)))
                if markup and p.status != SPACE
                else escape(p.text),
            }
            for p in local.pieces
        ]

    return pieces
