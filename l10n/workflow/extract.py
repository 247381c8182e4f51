"""Articles -> gettext templates (``locales/templates/<slug>.pot``)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.catalog import Catalog, TemplateEntry, stored_digest
from l10n.config import Settings
from l10n.errors import ArticleError
from l10n.model import Article, Segment


@dataclass(frozen=True)
class Extracted:
    """One article's template: where it is, how many entries, whether it was rewritten."""

    article: Article
    template: Path
    entries: int
    written: bool
    digest: str  # of the article and the settings it was extracted with


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


def source_digest(settings: Settings, article: Article) -> str:
    """A fingerprint of everything a template depends on: the article's bytes, where it
    is, the settings that shape its reading, and the l10n version (segmentation rules)."""
    from l10n import __version__

    digest = hashlib.sha256()
    for part in (__version__, reference(settings, article), settings.source, *settings.furniture):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(article.path.read_bytes())
    return digest.hexdigest()[:16]


def extract(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    *,
    articles: Sequence[Article] | None = None,
) -> list[Extracted]:
    """Write each article's template; unchanged templates are left untouched, and an
    article whose template already has its digest is not segmented again."""
    from l10n.segment import segment_article

    results = []
    for article in read_articles(settings, paths) if articles is None else articles:
        digest = source_digest(settings, article)
        path = template_path(settings, article.slug)
        if stored_digest(path) == digest:
            entries = len(Catalog.read(path).entries())
            results.append(Extracted(article, path, entries, False, digest))
            continue
        items = template_entries(settings, article, segment_article(article))
        written = Catalog.template(path, article.slug, items, digest=digest).write()
        results.append(Extracted(article, path, len(items), written, digest))
    return results
