"""Localized builds: an article and its translations -> HTML and Markdown documents.

- :mod:`l10n.publish.page`: an article and its translations -> a :class:`Page` (which
  translation each segment shows, coverage);
- :mod:`l10n.publish.render`: pages -> HTML5 and Markdown documents, indexes (Jinja2
  templates in ``templates/``), helped by :mod:`~l10n.publish.structure` (the body as
  nodes), :mod:`~l10n.publish.locale` (language names, scripts, the page's own words)
  and :mod:`~l10n.publish.markdown` (escaping for Markdown).
"""

from l10n.publish.page import Coverage, Page, Translation, localize
from l10n.publish.render import render_html, render_index, render_markdown, render_root

__all__ = [
    "Coverage",
    "Page",
    "Translation",
    "localize",
    "render_html",
    "render_index",
    "render_markdown",
    "render_root",
]
