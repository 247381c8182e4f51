"""Articles -> gettext templates (``locales/templates/<slug>.pot``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.catalog import Catalog, TemplateEntry
from l10n.config import Settings
from l10n.errors import ArticleError
from l10n.model import Article, Segment


@dataclass(frozen=True)
class Extracted:
    """One article's template: where it is, how many entries, whether it was rewritten."""

    article: Article
    segments: tuple[Segment, ...]
    template: Path
    entries: int
    written: bool


def article_paths(settings: Settings, paths: Sequence[Path] | None) -> list[Path]:
    """The articles named on the command line, or every article in the article folder."""
    from l10n.articles import find_articles

    if paths:
        return list(paths)
    return find_articles(settings.path(settings.articles))


def read_articles(settings: Settings, paths: Sequence[Path] | None) -> list[Article]:
    """Read (and so validate) every article before anything is written."""
    from l10n.articles import read_article

    articles = [
        read_article(path, furniture=settings.furniture, lang=settings.source)
        for path in article_paths(settings, paths)
    ]
    seen: dict[str, Path] = {}
    for article in articles:
        if article.slug in seen:
            raise ArticleError(
                f"two articles have the slug '{article.slug}' (also {seen[article.slug]})",
                path=article.path,
                hint="rename one file or set a distinct 'slug' in its front matter",
            )
        seen[article.slug] = article.path
    return articles


def reference(settings: Settings, article: Article) -> str:
    """The article's path as catalogs cite it: relative to the project, with '/'."""
    path = Path(os.path.relpath(article.path.resolve(), settings.root.resolve()))
    return path.as_posix()


def template_entries(
    settings: Settings, article: Article, segments: Sequence[Segment]
) -> list[TemplateEntry]:
    """One entry per distinct segment text, in order of first occurrence, with every
    reference and block label of its occurrences."""
    ref = reference(settings, article)
    refs: dict[str, list[str]] = {}
    labels: dict[str, list[str]] = {}
    block_labels = article.block_labels()
    for segment in segments:
        refs.setdefault(segment.text, []).append(f"{ref}:{segment.line}")
        label = block_labels[segment.block]
        if label not in labels.setdefault(segment.text, []):
            labels[segment.text].append(label)
    return [
        TemplateEntry(text, tuple(dict.fromkeys(refs[text])), tuple(labels[text])) for text in refs
    ]


def template_path(settings: Settings, slug: str) -> Path:
    return settings.templates_dir / f"{slug}.pot"


def extract(settings: Settings, paths: Sequence[Path] | None = None) -> list[Extracted]:
    """Write each article's template; unchanged templates are left untouched."""
    from l10n.segment import segment_article

    results = []
    articles = read_articles(settings, paths)
    for article in articles:
        segments = tuple(segment_article(article))
        entries = template_entries(settings, article, segments)
        path = template_path(settings, article.slug)
        written = Catalog.template(path, article.slug, entries).write()
        results.append(Extracted(article, segments, path, len(entries), written))
    return results
