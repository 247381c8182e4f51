"""Sitemaps and feeds written as streams (issue 29: a first build's memory does not grow
with the archive) give the bytes of the whole-document rendering they replace: that
rendering is kept here as the reference, and both are run on generated archives (odd
characters, equal dates, undated pages, many languages, no articles)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.fsutil import StagedWrites
from l10n.lang import bcp47
from l10n.publish.feed import render_feed
from l10n.publish.site import Site, public_name
from l10n.publish.sitemap import (
    NEWS_NS,
    NEWS_WINDOW,
    SITEMAP_NS,
    XHTML_NS,
    SiteArticle,
    news_language,
    news_pieces,
    render_news_sitemap,
    render_sitemap,
    sitemap_pieces,
)

SITE = Site("https://news.example.com/", "News & <Co>")
LANGS = ["en", "ko", "es", "pt_BR", "zh_Hant"]
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    ["&", "<", ">", '"', "'", "\n", "\t", "\r"]), max_size=12)
WHEN = st.one_of(st.just(""), st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2020, 1, 9)).map(
    lambda when: when.replace(minute=0, second=0, microsecond=0).isoformat() + "+00:00"))


@st.composite
def archives(draw: Any) -> list[SiteArticle]:
    articles: list[SiteArticle] = []
    for number in range(draw(st.integers(0, 12))):
        langs = draw(st.lists(st.sampled_from(LANGS), min_size=1, max_size=4, unique=True))
        published = draw(WHEN)
        facts = [{"lang": lang, "title": draw(TEXT), "description": draw(TEXT),
                  "author": draw(TEXT), "published": published,
                  "modified": draw(st.sampled_from(["", published]))} for lang in langs]
        slug = draw(st.sampled_from([f"story-{number}", "same", "a&b"]))
        articles.append((slug, langs[0], draw(st.sampled_from(["text", "html"])), facts))
    return articles


def _document(root: ET.Element) -> str:
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def reference_sitemap(articles: list[SiteArticle], site: Site) -> str:
    """The whole-document sitemap of before the stream."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for slug, source, article_format, facts in articles:
        urls = {f["lang"]: site.url_of(public_name(article_format, slug, f["lang"]))
                for f in facts}
        for fact in facts:
            url = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = urls[fact["lang"]]
            if fact["modified"] or fact["published"]:
                ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = (
                    fact["modified"] or fact["published"])
            for hreflang, href in [*((bcp47(lang), href) for lang, href in urls.items()),
                                   ("x-default", urls[source])]:
                ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang,
                              href=href)
    return _document(root)


def reference_news(articles: list[SiteArticle], site: Site, limit: int) -> str:
    """The whole-document news sitemap of before the stream (every dated page sorted)."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("news", NEWS_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    dated = [(datetime.fromisoformat(fact["published"]), slug, article_format, fact)
             for slug, _, article_format, facts in articles for fact in facts
             if fact["published"]]
    if dated:
        newest = max(when for when, *_ in dated)
        recent = sorted((row for row in dated if newest - row[0] <= NEWS_WINDOW),
                        key=lambda row: (-row[0].timestamp(), row[1], row[3]["lang"]))
        for _, slug, article_format, fact in recent[:limit]:
            url = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = site.url_of(
                public_name(article_format, slug, fact["lang"]))
            news = ET.SubElement(url, f"{{{NEWS_NS}}}news")
            publication = ET.SubElement(news, f"{{{NEWS_NS}}}publication")
            ET.SubElement(publication, f"{{{NEWS_NS}}}name").text = site.name
            ET.SubElement(publication, f"{{{NEWS_NS}}}language").text = news_language(
                fact["lang"])
            ET.SubElement(news, f"{{{NEWS_NS}}}publication_date").text = fact["published"]
            ET.SubElement(news, f"{{{NEWS_NS}}}title").text = fact["title"]
    return _document(root)


@settings(max_examples=150, deadline=None)
@given(archives())
def test_a_streamed_sitemap_is_the_whole_documents_bytes(articles: list[SiteArticle]) -> None:
    expected = reference_sitemap(articles, SITE)
    assert render_sitemap(iter(articles), SITE) == expected
    pieces = list(sitemap_pieces(iter(articles), SITE))
    assert "".join(pieces) == expected
    assert len(pieces) >= len(articles)  # one piece per article, at least: never held whole


@settings(max_examples=150, deadline=None)
@given(archives(), st.sampled_from([1, 2, 3, 1000]))
def test_a_streamed_news_sitemap_is_the_whole_documents_bytes(
    articles: list[SiteArticle], limit: int
) -> None:
    import l10n.publish.sitemap as sitemaps

    kept = sitemaps.NEWS_LIMIT
    sitemaps.NEWS_LIMIT = limit
    try:
        expected = reference_news(articles, SITE, limit)
        assert render_news_sitemap(iter(articles), SITE) == expected
        assert "".join(news_pieces(iter(articles), SITE)) == expected
    finally:
        sitemaps.NEWS_LIMIT = kept


@settings(max_examples=100, deadline=None)
@given(archives(), st.sampled_from(LANGS), st.sampled_from([1, 3, 50]))
def test_a_feed_of_a_stream_keeps_the_newest_entries_of_the_sorted_whole(
    articles: list[SiteArticle], lang: str, limit: int
) -> None:
    import l10n.publish.feed as feeds

    kept = feeds.FEED_ENTRIES
    feeds.FEED_ENTRIES = limit
    try:
        # the reference order: every dated page of the language sorted, then cut
        rows = sorted(((datetime.fromisoformat(f["published"]), slug, kind, f)
                       for slug, _, kind, facts in articles for f in facts
                       if f["lang"] == lang and f["published"]),
                      key=lambda row: (-row[0].timestamp(), row[1]))[:limit]
        feed = ET.fromstring(render_feed(lang, iter(articles), SITE))
        atom = "{http://www.w3.org/2005/Atom}"
        assert [(e.findtext(f"{atom}id"), e.findtext(f"{atom}title"))
                for e in feed.findall(f"{atom}entry")] == [
            (SITE.url_of(public_name(kind, slug, lang)),
             ET.fromstring(_title_xml(fact["title"])).text or "")
            for _, slug, kind, fact in rows]
        assert render_feed(lang, iter(articles), SITE) == render_feed(lang, articles, SITE)
    finally:
        feeds.FEED_ENTRIES = kept


def _title_xml(title: str) -> str:
    element = ET.Element("t")
    element.text = title
    return ET.tostring(element, encoding="unicode")


def test_staged_pieces_are_written_whole_and_not_at_all_when_unchanged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sitemap.xml"
    staged = StagedWrites()
    assert staged.stage(path, iter(["<a>", "é" * 70_000, "</a>\n"]))
    assert not path.exists()  # staged, not in place
    assert staged.commit() == 1
    assert path.read_text(encoding="utf-8") == "<a>" + "é" * 70_000 + "</a>\n"
    assert not staged.stage(path, iter(["<a>", "é" * 70_000, "</a>\n"]))  # the same bytes
    assert staged.stage(path, iter(["<a>", "é" * 70_000, "</b>\n"]))  # same size, other bytes
    assert staged.commit() == 1
    assert path.read_text(encoding="utf-8").endswith("</b>\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sitemap.xml"]  # no temporary left
