"""What a build writes of one article, by output format: the names of its files in the
build folder, and each file's text.

* ``site``: ``<lang>/<slug>.html`` (with the page's head items: canonical link, Open
  Graph locales, feed link, JSON-LD; :mod:`l10n.publish.site`), ``.md``, and for an
  HTML article ``.article.html`` (whose source-language page keeps the CMS's own
  canonical link);
* ``hugo``: ``content/<lang>/<slug>.md`` (:mod:`l10n.publish.hugo`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from l10n.config import HtmlSettings
from l10n.publish import Page, render_html, render_markdown
from l10n.publish.htmlpage import render_article_page
from l10n.publish.hugo import content_name, render_content
from l10n.publish.site import Site, head_items, head_markup


def page_files(article_format: str, slug: str, lang: str) -> tuple[str, ...]:
    """The names in the build folder of an article's page in ``lang``."""
    if article_format == "html":
        return f"{lang}/{slug}.html", f"{lang}/{slug}.md", f"{lang}/{slug}.article.html"
    return f"{lang}/{slug}.html", f"{lang}/{slug}.md"


def file_names(output: str, article_format: str, slug: str, lang: str) -> tuple[str, ...]:
    """The build folder's names of an article's page in ``lang``."""
    if output == "hugo":
        return (content_name(lang, slug),)
    return page_files(article_format, slug, lang)


def render_file(
    output: str,
    name: str,
    page: Page,
    facts: list[dict[str, Any]],
    languages: Sequence[str],
    site: Site | None,
    source_text: Callable[[], str],
    html: HtmlSettings,
) -> str:
    """The text of the file ``name`` of ``page``; ``facts``: the article's pages' facts
    (the source first); ``source_text``: the article file's text (HTML articles), read
    with the ``[html]`` selectors ``html``."""
    if output == "hugo":
        return render_content(page, next(f for f in facts if f["lang"] == page.lang))
    if name.endswith(".article.html"):
        head = head_items(page, facts, site, canonical=page.lang != page.article.lang)
        return render_article_page(page, source_text(), languages, head,
                                   content=html.content, exclude=html.exclude)
    if name.endswith(".md"):
        return render_markdown(page)
    return render_html(page, languages, head_markup(head_items(page, facts, site)))
