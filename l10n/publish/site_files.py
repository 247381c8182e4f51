"""A build's files made from every article it publishes, for a site: the sitemaps and
each language's feed (:mod:`l10n.publish.sitemap`, :mod:`l10n.publish.feed`).

Each article's facts (:func:`l10n.publish.site.page_facts`, kept in its plan) are
written to a temporary file as the build streams its articles; a digest of them says
whether the sitemaps and feeds must be rendered again, and only then are they read back,
one article at a time for each file: the files are written as they are rendered, piece
by piece (a feed keeps its newest entries only), so a build holds no file's articles.

A build lists every page published in its folder, not only those it builds: each
article's facts and index entries are kept beside the pages, in :data:`FACTS` (one JSON
line per article, in the build's order). A build of named articles (``l10n build
a.md``) takes the others' lines from there, its own replacing theirs in place (a new
article's at the end); a build of some languages (``--lang ko``) keeps, of each article
it builds, the pages of the other languages (which it leaves in place, see
:mod:`l10n.publish.folder`). So its indexes, sitemaps, feeds (and a Hugo tree's
languages) are those of a full build. A full build lists the articles it builds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from l10n.config import Settings, check_site_url
from l10n.publish.feed import feed_name, render_feed
from l10n.publish.folder import FACTS
from l10n.publish.index_entries import IndexEntries
from l10n.publish.site import Site, head_markup
from l10n.publish.sitemap import (
    SiteArticle,
    news_pieces,
    part_name,
    render_sitemap_index,
    sitemap_parts,
    sitemap_pieces,
)

OUTPUTS = ("site", "hugo")  # build formats: HTML and Markdown pages, or a Hugo tree
NO_SITE = ("no site_url: no sitemap, feeds or canonical links (set site_url in l10n.toml "
           "or pass --site-url)")

Render = Callable[[], str | Iterable[str]]  # a file's text, whole or in pieces
Inputs = tuple[object, ...]  # what a file is made from (the build keys it)


def site_of(settings: Settings, site_url: str | None = None) -> Site | None:
    """The site the build is published at: ``site_url`` (checked), else the config's;
    its name is ``site_name``, else the URL's host."""
    url = check_site_url(site_url) if site_url else settings.site_url
    if not url:
        return None
    return Site(url, settings.site_name or urlsplit(url).hostname or url)


def site_files(site: Site | None, output: str, folder: Path, named: bool,
               some_langs: bool) -> SiteFiles:
    """The folder's record (and, for a site, sitemaps and feeds) of a build of format
    ``output`` into ``folder``; ``named``: of some articles; ``some_langs``: of the
    languages asked for (``--lang``), not the configuration's."""
    return SiteFiles(site if output == "site" else None, folder, named, some_langs)


class SiteFiles:
    """The sitemaps and feeds of one build into ``folder`` (see the module docstring),
    when it has a ``site``, and its record of the folder's articles."""

    def __init__(self, site: Site | None, folder: Path, named: bool = False,
                 some_langs: bool = False) -> None:
        self.site, self.folder, self.named, self.some_langs = site, folder, named, some_langs
        self._entries = IndexEntries()
        self._pages: list[int] = []  # each article's page count, for the sitemaps' parts
        self._langs: set[str] = set()

    def add(self, head: str, index: Sequence[Sequence[str]], langs: Sequence[str]) -> None:
        """An article of the build: its :func:`record_head`, index entries, and the
        languages of its pages' facts (none without a site)."""
        line = f"{head[:-1]}, {json.dumps(index, ensure_ascii=False)}]"  # json.dumps' bytes
        self._keep(self._entries, line, langs)

    def merge(self, index: IndexEntries, covered: set[str]) -> IndexEntries:
        """The index entries of the folder's pages: ``index`` (this build's), and in a
        build of some articles or languages (``covered``: those it builds) those of the
        pages it leaves in place, from :data:`FACTS` (module docstring)."""
        try:
            partial = self.named or self.some_langs
            kept = (self.folder / FACTS).open(encoding="utf-8") if partial else None
        except OSError:
            kept = None
        if kept is None:
            return index
        own = {row[0]: line for line in self._lines() if (row := _row(line))}
        merged, self._pages, self._langs = IndexEntries(), [], set()
        with kept:
            for line in kept:
                row = _row(line)  # (a line that cannot be read: its article is left out)
                if row is not None and row[0] in own:  # its own line, in its kept place
                    self._keep(merged, *_with_others(own.pop(row[0]), row, covered))
                elif row is not None and self.named:  # an article this build left alone
                    self._keep(merged, line.rstrip("\n"), _langs(row[3]))
        for line in own.values():  # articles new to the folder
            self._keep(merged, line, _langs(json.loads(line)[3]))
        self._entries.close()
        self._entries = merged
        index.close()
        index = IndexEntries()
        for line in self._entries.each(""):
            for page_lang, entry in json.loads(line)[4]:
                index.add(page_lang, entry)
        return index

    def files(self, source: str) -> list[tuple[str, Inputs, Render]]:
        """(name, inputs, render) of each file: the record, and a site's sitemaps and
        feeds (``source``: the project's language, whose feed comes first)."""
        if not self._pages:
            return []
        everything = self._entries.digest("")
        record: list[tuple[str, Inputs, Render]] = [(FACTS, ("facts", everything),
                                                  self._facts)]
        site = self.site
        if site is None or not self._langs:
            return record
        parts = sitemap_parts(self._pages)
        sitemaps: list[tuple[str, Inputs, Render]] = [
            ("sitemap.xml", ("sitemap", everything),
             lambda: sitemap_pieces(self._read(), site))]
        if len(parts) > 1:  # more URLs than one sitemap may hold: an index of parts
            sitemaps = [("sitemap.xml", ("sitemap index", len(parts)),
                         partial(render_sitemap_index, len(parts), site))]
            sitemaps += [(part_name(number), ("sitemap", everything, number),
                          partial(self._part, part)) for number, part in enumerate(parts, 1)]
        order = sorted(self._langs, key=lambda lang: (lang != source, lang))
        return [
            *sitemaps,
            ("news-sitemap.xml", ("news", everything),
             lambda: news_pieces(self._read(), site)),
            *((feed_name(lang), ("feed", lang, everything),
               partial(self._feed, lang)) for lang in order),
            *record,
        ]

    def _keep(self, entries: IndexEntries, line: str, langs: Sequence[str]) -> None:
        entries.add("", line)
        self._pages.append(len(langs))
        self._langs.update(langs)

    def _lines(self) -> list[str]:
        return self._entries.entries("") if self._pages else []

    def _facts(self) -> Iterator[str]:
        """The record's text, a few hundred lines at a time."""
        if not self._pages:
            return
        lines: list[str] = []
        for line in self._entries.each(""):
            lines.append(f"{line}\n")
            if len(lines) >= 256:
                yield "".join(lines)
                lines.clear()
        yield "".join(lines)

    def index_head(self, lang: str) -> str:
        """What a language's index adds to its head: the link to its feed, if any."""
        site = self.site
        return "" if site is None else head_markup([("link", {
            "rel": "alternate", "type": "application/atom+xml",
            "href": site.url_of(feed_name(lang)), "title": f"{site.name} ({lang})",
        }, "")])

    def _read(self, part: range | None = None) -> Iterator[SiteArticle]:
        """The articles' sitemap facts, read back one by one (those at the positions
        ``part`` only)."""
        for position, line in enumerate(self._entries.each("") if self._pages else ()):
            if part is not None and position >= part.stop:
                return
            if part is None or position in part:
                slug, lang, article_format, facts = json.loads(line)[:4]
                yield slug, lang, article_format, facts

    def _part(self, part: range) -> Iterator[str]:
        assert self.site is not None  # (only a site has sitemaps)
        return sitemap_pieces(self._read(part), self.site)

    def _feed(self, lang: str) -> str:
        assert self.site is not None  # (only a site has feeds)
        return render_feed(lang, self._read(), self.site)

    def close(self) -> None:
        self._entries.close()


def _row(line: str) -> list[Any] | None:
    """A line of :data:`FACTS` (slug, language, format, page facts, index entries), None
    if it cannot be read."""
    try:
        row = json.loads(line)
        slug, _, _, facts, index = row
        if (isinstance(slug, str) and all(isinstance(fact["lang"], str) for fact in facts)
                and all(isinstance(lang, str) and isinstance(entry, str)
                        for lang, entry in index)):
            return list(row)
    except (ValueError, TypeError, KeyError):
        pass
    return None


def _with_others(line: str, kept: list[Any], covered: set[str]) -> tuple[str, list[str]]:
    """An article's line of this build, with the kept pages of the languages it does not
    build (and leaves in place); and its page facts' languages."""
    row = json.loads(line)
    facts = [fact for fact in kept[3] if fact["lang"] not in covered]
    entries = [entry for entry in kept[4] if entry[0] not in covered]
    if not facts and not entries:
        return line, _langs(row[3])
    row[3] += facts
    row[4] += entries
    return json.dumps(row, ensure_ascii=False), _langs(row[3])


def record_head(slug: str, lang: str, article_format: str, facts: list[Any]) -> str:
    """An article's line in :data:`FACTS` (``lang``: its own) but its index entries: its
    pages' facts (none without a site)."""
    return json.dumps([slug, lang, article_format, facts], ensure_ascii=False)


def _langs(facts: list[dict[str, Any]]) -> list[str]:
    return [fact["lang"] for fact in facts]
