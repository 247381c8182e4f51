"""A Hugo site's content tree (``l10n build --format hugo``): what Hugo needs to publish
the localized articles with each page linking its translations.

Files, in the build folder:

* ``content/<lang>/<slug>.md`` per article and language: YAML front matter (``title``,
  ``date``, ``lastmod``, ``description``, ``author``, ``translationKey`` (the slug: Hugo
  links the pages that share it as translations), and ``l10n``: the review state as the
  Markdown build has it under ``translation``, with the notices the page shows), then
  the Markdown build's body (:func:`l10n.publish.render.render_markdown`); a Markdown
  post's own ``title`` and ``description`` keep their Markdown (`` `code` ``), as the
  Markdown build has them (a theme may show them through Markdown: Hugo's docs do);
  a title or description taken from the body is plain text;
* ``config/_default/languages.yaml``: one language per built language, its content
  folder (``content/<lang>``), its code, its own name, its direction and its order (the
  source first); ``config/_default/hugo.yaml``: the site (``baseURL`` from the site URL,
  the title from the site name, the source as the default content language) and
  ``theme: l10n``;
* ``themes/l10n/``: minimal layouts (a page with its notices and a language menu made
  of ``.AllTranslations``; a list of the language's articles; ``hreflang`` links), so
  that ``hugo`` renders the tree as it is. A site with its own theme sets its own
  ``theme`` and keeps ``languages.yaml`` and ``content/``.

Every other key of a Markdown article's own front matter is carried with its value,
typed as the source had it (:mod:`l10n.publish.frontmatter`: ``draft``, ``weight``,
``tags``, ``params``...); the keys above win, but a source's ``date`` that is a YAML or
TOML date is written as such (the same date), and its ``lastmod`` as it is written. In a
multilingual Hugo site (one host, every language under its prefix) a translation that
copied the source's keys would collide with the source page. Decisions, checked with
Debian's ``hugo`` 0.111 (``--printPathWarnings``; see ``tests/test_hugo.py``):

* ``url``: Hugo puts a ``url`` that starts with ``/`` at that path for every language
  ("Duplicate target paths"), one without under the page's language prefix: a
  translation's loses its leading slash (``/ko/articles/x/``); the source's stays;
* ``aliases``: a leading-slash alias is server-relative (Hugo before 0.155; later ones
  read it as relative to the language's site), so the translation's copy would write the
  source's redirect file and send the old address to the translation: the source page
  keeps its aliases, a translation has none (it never had an old address);
* ``slug``: the last part of the path, under each language's prefix: kept as is;
* ``translationKey``: l10n's (the article's slug, unique in the project) wins over the
  source's, which could be shared by two source posts built side by side (a post and
  its hand-made translation) and so join two pages of one language;
* ``draft``, ``publishDate``, ``expiryDate``: kept, so a page is published in the
  translations exactly when it is in the source.

Front matter strings are written as :func:`l10n.publish.frontmatter.front_matter` writes
them: double-quoted, ``<``, ``>`` and ``&`` escaped. Hugo's Markdown renderer drops raw
HTML by default (``markup.goldmark.renderer.unsafe`` is false).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from importlib.resources import files
from typing import Any

from l10n.lang import bcp47
from l10n.publish.frontmatter import carried, front_matter
from l10n.publish.locale import language_name, page_notices, typography
from l10n.publish.page import Page
from l10n.publish.render import plain_description, plain_title, render_markdown
from l10n.publish.site import Site

THEME = "l10n"
LAYOUTS = ("baseof.html", "single.html", "list.html")


def content_name(lang: str, slug: str) -> str:
    return f"content/{lang}/{slug}.md"


def config_names() -> tuple[str, ...]:
    """The build folder's names of the configuration and theme files."""
    return ("config/_default/hugo.yaml", "config/_default/languages.yaml",
            *(f"themes/{THEME}/layouts/_default/{name}" for name in LAYOUTS))


def render_content(page: Page, facts: dict[str, Any]) -> str:
    """``content/<lang>/<slug>.md`` of ``page``; ``facts``: its
    :func:`l10n.publish.site.page_facts`."""
    markdown = render_markdown(page)
    body = markdown.split("\n---\n", 1)[1]  # after the Markdown build's own front matter
    coverage = page.coverage
    status = ("original" if page.lang == page.article.lang
              else "machine" if page.used_machine else "reviewed")
    values: dict[str, Any] = {
        "title": facts["title"],
        "date": facts["published"],
        "lastmod": facts["modified"],
        "description": facts["description"] or None,
        "author": facts["author"] or None,
        "translationKey": page.slug,
        "l10n": {
            "status": status,
            "source_lang": page.article.lang,
            "reviewed_percent": coverage.reviewed_percent,
            "translated_percent": page.translated_percent,
            "machine": page.used_machine,
            "segments": coverage.total,
            "reviewed": coverage.reviewed,
            "unreviewed": coverage.machine,
            "untranslated": coverage.untranslated,
            "notices": [text for text, _ in page_notices(page)],
        },
    }
    source = page.article.front_matter
    if page.article.format == "markdown":  # the source's own title and description as its
        # author wrote them for Hugo (Markdown: `code`, *emphasis*), as the Markdown build has them
        if source.get("title"):
            values["title"] = plain_title(page)
        if page.article.description:
            values["description"] = plain_description(page)
    if isinstance(source.get("date"), date):  # the published date, typed as the source had it
        values["date"] = source["date"]
    if isinstance(source.get("lastmod"), str | date):  # the reader keeps no other
        values["lastmod"] = source["lastmod"]
    values = {key: value for key, value in values.items() if value is not None}
    record = values.pop("l10n")  # the source's other keys before l10n's record
    values |= carried(page, (*values, "l10n"))
    return f"---\n{front_matter(values | {'l10n': record})}---\n{body}"


def render_config(languages: Sequence[str], source: str, site: Site | None) -> dict[str, str]:
    """The configuration and theme files by name (:func:`config_names`); ``languages``:
    the built ones, the source first."""
    import yaml

    site_values = {
        "baseURL": site.url if site else "/",
        "title": site.name if site else "l10n",
        "defaultContentLanguage": source,
        "defaultContentLanguageInSubdir": True,
        "theme": THEME,
        "enableRobotsTXT": True,
    }
    table = {
        lang: {
            "contentDir": f"content/{lang}",
            "languageCode": bcp47(lang),
            "languageName": language_name(lang),
            "languageDirection": typography(lang)["dir"],
            "weight": weight,
        }
        for weight, lang in enumerate(languages, start=1)
    }
    dump = {"allow_unicode": True, "sort_keys": False, "default_flow_style": False}
    texts = {
        "config/_default/hugo.yaml": yaml.safe_dump(site_values, **dump),  # type: ignore[call-overload]
        "config/_default/languages.yaml": yaml.safe_dump(table, **dump),  # type: ignore[call-overload]
    }
    theme = files("l10n.publish").joinpath("hugo_theme/layouts/_default")
    for name in LAYOUTS:
        texts[f"themes/{THEME}/layouts/_default/{name}"] = theme.joinpath(name).read_text(
            encoding="utf-8")
    return texts


__all__ = ["THEME", "config_names", "content_name", "render_config", "render_content"]
