"""A build's files made from every article it publishes, for a site: the sitemaps and
each language's feed (:mod:`l10n.publish.sitemap`, :mod:`l10n.publish.feed`).

Each article's facts (:func:`l10n.publish.site.page_facts`, kept in its plan) are
written to a temporary file as the build streams its articles; a digest of them says
whether the sitemaps and feeds must be rendered again, and only then are they read back
(once, for all of them).

The site files list every article published in the build folder, not only those of
this build: the facts of the folder's articles are kept beside its pages, in
:data:`FACTS` (one JSON line per article, in the build's order). A build of named
articles (``l10n build a.md``) takes the others' lines from there, its own replacing
theirs in place (a new article's at the end), so its sitemaps and feeds are those of a
full build; a full build lists its own articles only (those it publishes).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from l10n.config import Settings, check_site_url
from l10n.publish.feed import feed_name, render_feed
from l10n.publish.folder import FACTS
from l10n.publish.site import Site, head_markup
from l10n.publish.sitemap import (
    SiteArticle,
    part_name,
    render_news_sitemap,
    render_sitemap,
    render_sitemap_index,
    sitemap_parts,
)
from l10n.state import key
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


def site_files(site: Site | None, output: str, folder: Path, named: bool) -> SiteFiles | None:
    """The site files of a build of format ``output`` into ``folder``, if it makes them."""
    return SiteFiles(site, folder, named) if site is not None and output == "site" else None


class SiteFiles:
    """The sitemaps and feeds of one build (see the module docstring) into ``folder``;
    ``named``: a build of some articles only."""

    def __init__(self, site: Site, folder: Path, named: bool = False) -> None:
        self.site, self.folder, self.named = site, folder, named
        self._entries = IndexEntries()
        self._articles: list[SiteArticle] | None = None
        self._pages: list[int] = []  # each article's page count, for the sitemaps' parts
        self._langs: set[str] = set()

    def add(self, slug: str, lang: str, article_format: str, facts: list[dict[str, Any]]) -> None:
        """An article of the build (``lang``: its own), with its pages' facts."""
        self._entries.add("", json.dumps([slug, lang, article_format, facts],
                                         ensure_ascii=False))
        self._pages.append(len(facts))
        self._langs.update(fact["lang"] for fact in facts)

    def files(self, base: str, source: str) -> list[tuple[str, str, Render]]:
        """(name, key, render) of each file (``source``: the project's language, whose
        feed comes first)."""
        if self.named:
            self._merge()
        if not self._pages:
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
        order = sorted(self._langs, key=lambda lang: (lang != source, lang))
        return [
            *sitemaps,
            ("news-sitemap.xml", key(base, "news", everything),
             lambda: render_news_sitemap(self._read(), site)),
            *((feed_name(lang), key(base, "feed", lang, everything),
               partial(self._feed, lang)) for lang in order),
            (FACTS, key(base, "facts", everything), self._facts),
        ]

    def _merge(self) -> None:
        """A named build's articles among the others the folder's :data:`FACTS` lists."""
        try:
            kept = (self.folder / FACTS).open(encoding="utf-8")
        except OSError:
            return
        own = {row[0]: line for line in self._lines() if (row := _row(line))}
        merged, self._pages, self._langs = IndexEntries(), [], set()
        with kept:
            for line in kept:
                row = _row(line)
                if row is not None and row[0] in own:  # its own line, in its kept place
                    line = own.pop(row[0])
                    row = _row(line)
                if row is not None:  # (a line that cannot be read: its article is left out)
                    self._keep(merged, line.rstrip("\n"), row[1])
        for line in own.values():  # articles new to the folder
            self._keep(merged, line, _row(line)[1])  # type: ignore[index]
        self._entries.close()
        self._entries = merged

    def _keep(self, entries: IndexEntries, line: str, facts: list[dict[str, Any]]) -> None:
        entries.add("", line)
        self._pages.append(len(facts))
        self._langs.update(fact["lang"] for fact in facts)

    def _lines(self) -> list[str]:
        return self._entries.entries("") if self._pages else []

    def _facts(self) -> str:
        return "".join(f"{line}\n" for line in self._lines())

    def index_head(self, lang: str) -> str:
        """What a language's index adds to its head: the link to its feed."""
        return head_markup([("link", {
            "rel": "alternate", "type": "application/atom+xml",
            "href": self.site.url_of(feed_name(lang)), "title": f"{self.site.name} ({lang})",
        }, "")])

    def _read(self) -> list[SiteArticle]:
        if self._articles is None:
            self._articles = [tuple(json.loads(line)) for line in self._lines()]
        return self._articles

    def _part(self, part: range) -> str:
        articles = self._read()
        return render_sitemap([articles[position] for position in part], self.site)

    def _feed(self, lang: str) -> str:
        return render_feed(lang, self._read(), self.site)

    def close(self) -> None:
        self._entries.close()
        self._articles = None


def _row(line: str) -> tuple[str, list[dict[str, Any]]] | None:
    """The slug and page facts of a line of :data:`FACTS`, None if it cannot be read."""
    try:
        slug, _, _, facts = json.loads(line)
        if isinstance(slug, str) and all(isinstance(fact["lang"], str) for fact in facts):
            return slug, facts
    except (ValueError, TypeError, KeyError):
        pass
    return None
