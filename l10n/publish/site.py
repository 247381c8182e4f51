"""What a page says of itself to the web: its facts (headline, description, author,
dates, image), its absolute URL on the site, and the ``<head>`` items built from them:
``NewsArticle`` JSON-LD (schema.org), Open Graph locales, the canonical link, the
language's feed.

Rules:

* **The site.** ``site_url`` (config) or ``--site-url`` names where the build folder is
  published; without it there are no absolute URLs, so no canonical link, no sitemap and
  no feed (the build says so once), and JSON-LD names no URL.
* **The public page** of an article in a language is ``<lang>/<slug>.html``, or for an
  HTML article its own page ``<lang>/<slug>.article.html`` (the CMS's page, translated):
  canonical links, sitemaps, feeds and JSON-LD name it; the templated page of an HTML
  article names it as canonical.
* **Facts** come from the article (:func:`page_facts`): the title and byline as the page
  shows them (translated), the date, and ``description``, ``image`` and ``modified``
  when the article model has them (else the description is the page's first paragraph
  of at least :data:`LEAD_CHARS` characters, cut at a word near 300, and ``modified`` is
  the date published). A date
  without a time zone is read as UTC.
* **Translations.** The source's JSON-LD lists its translations (``workTranslation``);
  a translation names its source (``translationOfWork``); ``og:locale`` is the page's
  locale, ``og:locale:alternate`` each other language's.
* **Safe.** JSON-LD is JSON with ``<``, ``>`` and ``&`` escaped (``\\u003c``): no text of
  an article can close its ``<script>``; attribute values are escaped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from l10n.articles.htmldom import markup_text
from l10n.lang import bcp47
from l10n.model import BYLINE, DESCRIPTION, PARAGRAPH, TITLE
from l10n.publish.page import LocalBlock, Page

DESCRIPTION_CHARS = 300
LEAD_CHARS = 80  # a shorter first paragraph is a dateline or a byline, not the lead

HeadItem = tuple[str, dict[str, str], str]  # tag, attributes, text (JSON-LD's script)


@dataclass(frozen=True)
class Site:
    """Where the build folder is published: ``url`` ends in ``/``."""

    url: str
    name: str

    def url_of(self, name: str) -> str:
        """The absolute URL of a file of the build folder (``ko/some-slug.html``)."""
        return self.url + quote(name)


def public_name(article_format: str, slug: str, lang: str) -> str:
    """The build folder's name of an article's public page in ``lang`` (module rules)."""
    suffix = ".article.html" if article_format == "html" else ".html"
    return f"{lang}/{slug}{suffix}"


@lru_cache(maxsize=64)
def og_locale(lang: str) -> str:
    """Open Graph's ``language_TERRITORY`` for a language: ``ko_KR``, ``pt_BR``, ``en_US``
    (CLDR's likely territory when the code names none)."""
    from babel import Locale
    from babel.core import get_global

    locale = Locale.parse(lang)
    if locale.territory:
        return f"{locale.language}_{locale.territory}"
    likely = get_global("likely_subtags").get(str(locale)) or ""
    territory = likely.split("_")[-1] if likely.count("_") >= 1 else ""
    return f"{locale.language}_{territory}" if territory.isupper() else locale.language


def _iso(when: datetime | None) -> str | None:
    if when is None:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).isoformat()


def _plain(page: Page, local: LocalBlock | None, fallback: str = "") -> str:
    """A block's text as the page shows it, without markup: an HTML article's inline
    tags as :func:`~l10n.publish.htmlpage.safe_inline` keeps them (never a script's
    text), Markdown's marks; ``fallback`` (plain text) without a block."""
    if local is None:
        return " ".join(fallback.split())
    text = local.text
    if page.article.format == "html":
        from l10n.publish.htmlpage import safe_inline

        return markup_text(safe_inline(text, local.block.text))
    if page.article.format == "markdown":
        from markdown_it import MarkdownIt

        return markup_text(MarkdownIt("commonmark", {"html": False}).enable("strikethrough")
                           .renderInline(text))
    return " ".join(text.split())


def _block(page: Page, kind: str) -> LocalBlock | None:
    return next((b for b in page.blocks if b.block.kind == kind), None)


def _cut(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_facts(page: Page) -> dict[str, Any]:
    """What feeds, sitemaps and JSON-LD say of ``page`` (module rules): JSON values."""
    article = page.article
    # the page's own description (translated with the page), else its lead paragraph
    described = _plain(page, _block(page, DESCRIPTION), article.description or "")
    if not described:
        paragraphs = [_plain(page, b) for b in page.blocks if b.block.kind == PARAGRAPH]
        lead = next((text for text in paragraphs if len(text) >= LEAD_CHARS),
                    paragraphs[0] if paragraphs else None)  # not a CMS's byline line
        described = _cut(lead) if lead else described
    published = article.published
    modified = getattr(article, "modified", None) or published
    return {
        "lang": page.lang,
        "title": _plain(page, _block(page, TITLE), article.title),
        "description": described or "",
        "author": _plain(page, _block(page, BYLINE), article.author or ""),
        "published": _iso(published),
        "modified": _iso(modified),
        "image": getattr(article, "image", None) or "",
    }


def news_article(
    facts: dict[str, Any],
    source: dict[str, Any],
    others: list[dict[str, Any]],
    url: str | None,
    urls: dict[str, str],
    site: Site | None,
) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` of a page: ``facts`` of the page, ``source`` those of
    the original, ``others`` those of its translations (for the original), ``urls`` each
    language's public URL (empty without a site)."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    if url:
        data |= {"@id": url, "url": url, "mainEntityOfPage": url}
    data |= {"headline": facts["title"], "inLanguage": bcp47(facts["lang"])}
    if facts["description"]:
        data["description"] = facts["description"]
    if facts["published"]:
        data["datePublished"] = facts["published"]
        data["dateModified"] = facts["modified"] or facts["published"]
    if facts["author"]:
        data["author"] = {"@type": "Person", "name": facts["author"]}
    if facts["image"]:
        data["image"] = [facts["image"]]
    if site is not None:
        data["publisher"] = {"@type": "Organization", "name": site.name, "url": site.url}

    def work(other: dict[str, Any]) -> dict[str, Any]:
        found = {"@type": "NewsArticle", "headline": other["title"],
                 "inLanguage": bcp47(other["lang"])}
        link = urls.get(other["lang"])
        return {"@id": link, "url": link, **found} if link else found

    if facts["lang"] != source["lang"]:
        data["translationOfWork"] = work(source)
    elif others:
        data["workTranslation"] = [work(other) for other in others]
    return data


def head_items(
    page: Page, facts: list[dict[str, Any]], site: Site | None, *, canonical: bool = True
) -> list[HeadItem]:
    """The ``<head>`` items of ``page`` (module rules); ``facts``: :func:`page_facts` of
    each page of the article, the source first; ``canonical``: link to the public page
    (the HTML article's own page keeps its head's canonical rule)."""
    article = page.article
    names = {f["lang"]: public_name(article.format, page.slug, f["lang"]) for f in facts}
    urls = {lang: site.url_of(name) for lang, name in names.items()} if site else {}
    own = next(f for f in facts if f["lang"] == page.lang)
    items: list[HeadItem] = [("meta", {"property": "og:locale", "content": og_locale(page.lang)},
                              "")]
    items += [("meta", {"property": "og:locale:alternate", "content": og_locale(f["lang"])}, "")
              for f in facts if f["lang"] != page.lang]
    if site is not None:
        url = urls[page.lang]
        if canonical:
            items.append(("link", {"rel": "canonical", "href": url}, ""))
        items.append(("meta", {"property": "og:url", "content": url}, ""))
        items.append(("link", {"rel": "alternate", "type": "application/atom+xml",
                               "href": site.url_of(f"{page.lang}/feed.xml"),
                               "title": f"{site.name} ({bcp47(page.lang)})"}, ""))
    others = [f for f in facts if f["lang"] != page.lang]
    data = news_article(own, facts[0], others, urls.get(page.lang), urls, site)
    items.append(("script", {"type": "application/ld+json"}, json_for_script(data)))
    return items


def json_for_script(data: Any) -> str:
    """JSON that a ``<script>`` element holds safely (no ``</script>``, no ``<!--``)."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def head_markup(items: list[HeadItem]) -> str:
    """The items as HTML (attribute values escaped; a script's text is already safe)."""
    from markupsafe import escape

    lines = []
    for tag, attributes, text in items:
        attrs = "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())
        lines.append(f"<{tag}{attrs}>{text}</{tag}>" if tag in ("script",)
                     else f"<{tag}{attrs}>")
    return "\n".join(lines)


__all__ = ["HeadItem", "Site", "head_items", "head_markup", "json_for_script", "news_article",
           "og_locale", "page_facts", "public_name"]
