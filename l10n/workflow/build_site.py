"""A build's files made from every article it publishes, for a site: the sitemaps and
each language's feed (:mod:`l10n.publish.sitemap`, :mod:`l10n.publish.feed`).

Each article's facts (:func:`l10n.publish.site.page_facts`, kept in its plan) are
written to a temporary file as the build streams its articles; a digest of them says
whether the sitemaps and feeds must be rendered again, and only then are they read back
(once, for all of them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from l10n.config import Settings, check_site_url
from l10n.incremental import key
from l10n.publish.feed import feed_name, render_feed
from l10n.publish.site import Site, head_markup
from l10n.publish.sitemap import (
    SiteArticle,
    part_name,
    render_news_sitemap,
    render_sitemap,
    render_sitemap_index,
    sitemap_parts,
)
from l10n.workflow.build_index import IndexEntries

OUTPUTS = ("site", "hugo")  # build formats: HTML and Markdown pages, or a Hugo tree
NO_SITE = ("no site_url: no sitemap, feeds or canonical links (set site_url in l10n.toml "
           "or pass --site-url)")

Render = Callable[[], str]


def site_of(settings: Settings, site_url: str | None = None) -> Site | None:
    """The site the build is published at: ``site_url`` (checked), else the config's;
    its name is ``site_name``, else the URL's host."""
    url = check_site_url(site_url) if site_url else settings.site_url
    if not url:
        return None
    return Site(url, settings.site_name or urlsplit(url).hostname or url)


class SiteFiles:
    """The sitemaps and feeds of one build (see the module docstring)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._entries = IndexEntries()
        self._articles: list[SiteArticle] | None = None
        self._pages: list[int] = []  # each article's page count, for the sitemaps' parts

    def add(self, slug: str, lang: str, article_format: str, facts: list[dict[str, Any]]) -> None:
        """An article of the build (``lang``: its own), with its pages' facts."""
        self._entries.add("", json.dumps([slug, lang, article_format, facts],
                                         ensure_ascii=False))
        self._pages.append(len(facts))

    def files(self, base: str, order: Sequence[str]) -> list[tuple[str, str, Render]]:
        """(name, key, render) of each file, for the built languages ``order``."""
        if not order:
            return []
        site, everything = self.site, self._entries.digest("")
        parts = sitemap_parts(self._pages)
        sitemaps: list[tuple[str, str, Render]] = [
            ("sitemap.xml", key(base, "sitemap", everything),
             lambda: render_sitemap(self._read(), site))]
        if len(parts) > 1:  # more URLs than one sitemap may hold: an index of parts
            sitemaps = [("sitemap.xml", key(base, "sitemap index", len(parts)),
                         partial(render_sitemap_index, len(parts), site))]
            sitemaps += [(part_name(number), key(base, "sitemap", everything, number),
                          partial(self._part, part)) for number, part in enumerate(parts, 1)]
        return [
            *sitemaps,
            ("news-sitemap.xml", key(base, "news", everything),
             lambda: render_news_sitemap(self._read(), site)),
            *((feed_name(lang), key(base, "feed", lang, everything),
               partial(self._feed, lang)) for lang in order),
        ]

    def index_head(self, lang: str) -> str:
        """What a language's index adds to its head: the link to its feed."""
        return head_markup([("link", {
            "rel": "alternate", "type": "application/atom+xml",
            "href": self.site.url_of(feed_name(lang)), "title": f"{self.site.name} ({lang})",
        }, "")])

    def _read(self) -> list[SiteArticle]:
        if self._articles is None:
            self._articles = [tuple(json.loads(line))
                              for line in self._entries.entries("")]
        return self._articles

    def _part(self, part: range) -> str:
        articles = self._read()
        return render_sitemap([articles[position] for position in part], self.site)

    def _feed(self, lang: str) -> str:
        return render_feed(lang, self._read(), self.site)

    def close(self) -> None:
        self._entries.close()
        self._articles = None
