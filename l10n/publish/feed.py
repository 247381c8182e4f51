"""A language's Atom 1.0 feed (RFC 4287): ``<lang>/feed.xml``, written with
:mod:`xml.etree.ElementTree`.

Rules:

* The feed carries ``xml:lang`` (the language's BCP 47 tag), the site's name with the
  language's own name as its title, a ``self`` link and an ``alternate`` link to the
  language's index, the site as its author, and as ``updated`` the newest entry's date
  (not the clock: the same build gives the same bytes).
* Entries: the language's dated articles, newest first (then by slug), at most
  :data:`FEED_ENTRIES` (kept in a bounded heap as the articles stream past); each with
  the public page's URL as ``id`` and ``alternate`` link, the title,
  ``published``/``updated``, the description as ``summary`` and the byline as its author.
  An undated article is left out (Atom requires a date).
"""

from __future__ import annotations

import heapq
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import datetime

from l10n.lang import bcp47
from l10n.publish.locale import language_name
from l10n.publish.site import Site, public_name
from l10n.publish.sitemap import SiteArticle

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_ENTRIES = 50
_EPOCH = "1970-01-01T00:00:00+00:00"


def feed_name(lang: str) -> str:
    return f"{lang}/feed.xml"


def render_feed(lang: str, articles: Iterable[SiteArticle], site: Site) -> str:
    """The Atom feed of ``lang`` over the build's ``articles`` (module rules)."""
    ET.register_namespace("", ATOM_NS)
    entries = heapq.nsmallest(  # sorted(...)[:FEED_ENTRIES], holding no more than that
        FEED_ENTRIES,
        ((datetime.fromisoformat(fact["published"]), slug, article_format, fact)
         for slug, _, article_format, facts in articles for fact in facts
         if fact["lang"] == lang and fact["published"]),
        key=lambda row: (-row[0].timestamp(), row[1]),
    )
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {XML_LANG: bcp47(lang)})

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> None:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attributes)
        element.text = text

    self_url = site.url_of(feed_name(lang))
    add(feed, "id", self_url)
    add(feed, "title", f"{site.name} · {language_name(lang)}")
    stamps = [fact["modified"] or fact["published"] for *_, fact in entries]
    add(feed, "updated", max(stamps, key=datetime.fromisoformat, default=_EPOCH))
    add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    add(feed, "link", rel="alternate", type="text/html", hreflang=bcp47(lang),
        href=site.url_of(f"{lang}/index.html"))
    author = ET.SubElement(feed, f"{{{ATOM_NS}}}author")
    add(author, "name", site.name)
    add(author, "uri", site.url)
    add(feed, "generator", "l10n")
    for _, slug, article_format, fact in entries:
        url = site.url_of(public_name(article_format, slug, lang))
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        add(entry, "id", url)
        add(entry, "title", fact["title"])
        add(entry, "link", rel="alternate", type="text/html", hreflang=bcp47(lang), href=url)
        add(entry, "published", fact["published"])
        add(entry, "updated", fact["modified"] or fact["published"])
        if fact["author"]:
            writer = ET.SubElement(entry, f"{{{ATOM_NS}}}author")
            add(writer, "name", fact["author"])
        if fact["description"]:
            add(entry, "summary", fact["description"])
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


__all__ = ["FEED_ENTRIES", "feed_name", "render_feed"]
