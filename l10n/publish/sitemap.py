"""Sitemaps of a build: ``sitemap.xml`` (sitemaps.org 0.9) and ``news-sitemap.xml``
(Google's news extension), written with :mod:`xml.etree.ElementTree` (escaping is the
library's; no text of an article is ever markup here).

Rules:

* ``sitemap.xml`` lists the public page (:func:`l10n.publish.site.public_name`) of every
  article in every language it is published in, in the build's order, with ``lastmod``
  (the date modified, else published) and one ``xhtml:link rel="alternate"`` per language
  version (``hreflang``, the page itself included) and ``x-default`` (the source).
* ``news-sitemap.xml`` lists the recent articles' pages: those published within
  :data:`NEWS_WINDOW` of the newest article of the build (not of the clock: the same
  build gives the same bytes), at most :data:`NEWS_LIMIT`, newest first, each with
  ``news:publication`` (the site's name and the page's language), the publication date
  and the title. An undated article is never news.
* Sitemaps are written as a stream of pieces (one article's URLs each), never held whole:
  an archive's ``sitemap.xml`` is tens of megabytes. The bytes are those of one
  ElementTree document (each article's URLs are serialized, indented, in a root of their
  own, whose tags are cut off: indenting gives an element the same whitespace whatever its
  siblings).
* A sitemap holds at most 50,000 URLs (the protocol's limit): a larger build writes
  ``sitemap-1.xml``, ``sitemap-2.xml``... (whole articles each, in the build's order) and
  ``sitemap.xml`` is their index (``sitemapindex``), so that crawlers always start at
  ``sitemap.xml``.
"""

from __future__ import annotations

import heapq
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from l10n.lang import bcp47
from l10n.publish.site import Site, public_name

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000
MAX_URLS = 50_000

SiteArticle = tuple[str, str, str, list[dict[str, Any]]]  # slug, source, format, page facts


def _document(root: ET.Element) -> str:
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _urlset(*namespaces: tuple[str, str]) -> ET.Element:
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for prefix, uri in namespaces:
        ET.register_namespace(prefix, uri)
    return root


def sitemap_pieces(articles: Iterable[SiteArticle], site: Site) -> Iterator[str]:
    """``sitemap.xml`` of the build's ``articles`` (module rules), piece by piece."""
    ET.register_namespace("", SITEMAP_NS)
    return _pieces(partial(_urlset, ("xhtml", XHTML_NS)),
                   (partial(_article_urls, article, site) for article in articles))


def render_sitemap(articles: Iterable[SiteArticle], site: Site) -> str:
    """``sitemap.xml`` of the build's ``articles`` (module rules), whole."""
    return "".join(sitemap_pieces(articles, site))


def _article_urls(article: SiteArticle, site: Site, root: ET.Element) -> None:
    """An article's URLs, each with its alternates (its x-default always)."""
    slug, source, article_format, facts = article
    urls = {f["lang"]: site.url_of(public_name(article_format, slug, f["lang"]))
            for f in facts}
    for fact in facts:
        url = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = urls[fact["lang"]]
        if fact["modified"] or fact["published"]:
            ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = (
                fact["modified"] or fact["published"])
        alternates = [(bcp47(lang), href) for lang, href in urls.items()]
        for hreflang, href in [*alternates, ("x-default", urls[source])]:
            ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang,
                          href=href)


def _pieces(root: Callable[[], ET.Element],
            groups: Iterable[Callable[[ET.Element], None]]) -> Iterator[str]:
    """The text :func:`_document` gives of a ``root()`` that each of ``groups`` adds its
    elements to, written group by group (module rules). Every group's elements declare
    the same namespaces (each sitemap URL has an ``xhtml:link``, each news URL its
    ``news:news``), so that the root's start tag is the same in each piece."""
    start = ""
    for fill in groups:
        one = root()
        fill(one)
        if not len(one):
            continue
        declaration, tag, body = _document(one).split("\n", 2)
        if not start:
            start = tag
            yield f"{declaration}\n{tag}\n"
        yield body.removesuffix(f"</{tag[1:].split(maxsplit=1)[0]}>\n")
    if not start:
        yield _document(root())
        return
    yield f"</{start[1:].split(maxsplit=1)[0]}>\n"


def sitemap_parts(pages: Sequence[int]) -> list[range]:
    """The articles (by position) of each sitemap, given each article's page count: as
    many whole articles as fit in :data:`MAX_URLS` URLs each."""
    parts: list[range] = []
    start = count = 0
    for position, number in enumerate(pages):
        if count + number > MAX_URLS and position > start:
            parts.append(range(start, position))
            start, count = position, 0
        count += number
    parts.append(range(start, len(pages)))
    return parts


def part_name(number: int) -> str:
    return f"sitemap-{number}.xml"


def render_sitemap_index(count: int, site: Site) -> str:
    """``sitemap.xml`` as the index of ``count`` sitemaps (:func:`part_name`)."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}sitemapindex")
    for number in range(1, count + 1):
        entry = ET.SubElement(root, f"{{{SITEMAP_NS}}}sitemap")
        ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = site.url_of(part_name(number))
    return _document(root)


def news_language(lang: str) -> str:
    """The language code Google News asks for: ISO 639, but ``zh-cn`` / ``zh-tw``."""
    base = lang.split("_")[0].lower()
    if base == "zh":
        return "zh-tw" if any(part in lang for part in ("Hant", "TW", "HK", "MO")) else "zh-cn"
    return base


def news_pieces(articles: Iterable[SiteArticle], site: Site) -> Iterator[str]:
    """``news-sitemap.xml``: the recent articles' pages (module rules), in one pass over
    ``articles`` holding at most :data:`NEWS_LIMIT` pages: the pages within the window of
    the newest are the first ones in the order newest first, so the first
    :data:`NEWS_LIMIT` pages of the whole order, cut at the window, are they."""
    ET.register_namespace("", SITEMAP_NS)
    newest: datetime | None = None

    def dated() -> Iterator[tuple[datetime, str, str, dict[str, Any]]]:
        nonlocal newest
        for slug, _, article_format, facts in articles:
            for fact in facts:
                if fact["published"]:
                    when = datetime.fromisoformat(fact["published"])
                    newest = when if newest is None else max(newest, when)
                    yield when, slug, article_format, fact

    first = heapq.nsmallest(NEWS_LIMIT, dated(),
                            key=lambda row: (-row[0].timestamp(), row[1], row[3]["lang"]))
    recent = [row for row in first if newest is not None and newest - row[0] <= NEWS_WINDOW]
    return _pieces(partial(_urlset, ("news", NEWS_NS)),
                   (partial(_news_url, row, site) for row in recent))


def render_news_sitemap(articles: Iterable[SiteArticle], site: Site) -> str:
    """``news-sitemap.xml``: the recent articles' pages (module rules), whole."""
    return "".join(news_pieces(articles, site))


def _news_url(row: tuple[datetime, str, str, dict[str, Any]], site: Site,
              root: ET.Element) -> None:
    _, slug, article_format, fact = row
    url = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
    ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = site.url_of(
        public_name(article_format, slug, fact["lang"]))
    news = ET.SubElement(url, f"{{{NEWS_NS}}}news")
    publication = ET.SubElement(news, f"{{{NEWS_NS}}}publication")
    ET.SubElement(publication, f"{{{NEWS_NS}}}name").text = site.name
    ET.SubElement(publication, f"{{{NEWS_NS}}}language").text = news_language(fact["lang"])
    ET.SubElement(news, f"{{{NEWS_NS}}}publication_date").text = fact["published"]
    ET.SubElement(news, f"{{{NEWS_NS}}}title").text = fact["title"]


__all__ = ["MAX_URLS", "NEWS_LIMIT", "NEWS_WINDOW", "SiteArticle", "news_language", "news_pieces",
           "part_name", "render_news_sitemap", "render_sitemap", "render_sitemap_index",
           "sitemap_parts", "sitemap_pieces"]
