"""Articles -> gettext templates (``locales/templates/<slug>.pot``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from l10n.catalog import ENTRIES_HEADER, Catalog, TemplateEntry, stored_digest
from l10n.config import Settings
from l10n.errors import Problem
from l10n.fsutil import project_lock, remove_stale_temporaries
from l10n.incremental import State
from l10n.incremental.sources import Source, article_paths, stream_sources
from l10n.model import Article, Segment
from l10n.text.segment import segment_article

if TYPE_CHECKING:
    from l10n.incremental.catalogs import CatalogState

Segmenting = Callable[[str, int, int], None]  # (slug, characters done, characters in all)


@dataclass
class Extracted:
    """One article's template: where it is, whether it was rewritten, and the template,
    read only when needed (an unchanged article with up-to-date catalogs needs none)."""

    article: Source  # the article of the run's stream
    path: Path
    written: bool
    _template: Catalog | None = field(default=None, repr=False)

    @property
    def template(self) -> Catalog:
        if self._template is None:
            self._template = Catalog.read(self.path)
        return self._template

    @property
    def entries_digest(self) -> str:
        """The fingerprint of the template's msgids (from its header when it has one)."""
        if self._template is None:
            stored = stored_digest(self.path, ENTRIES_HEADER)
            if stored:
                return stored
        return self.template.entries_digest()

    @property
    def entries(self) -> int:
        return len(self.template.entries())


def read_articles(
    settings: Settings, paths: Sequence[Path] | None, *, problems: list[Problem] | None = None
) -> list[Article]:
    """The articles at ``paths`` (default: all), each read (so validated); one that cannot
    be read (a broken draft, a slug taken) goes to ``problems``, or raises without it."""
    return [source.article for source in stream_sources(
        settings, article_paths(settings, paths), State(None), "", problems)]


def template_entries(
    settings: Settings, article: Article, segments: Sequence[Segment]
) -> list[TemplateEntry]:
    """One entry per distinct segment text, in order of first occurrence, with every
    reference and block label of its occurrences."""
    ref = settings.reference(article.path)
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


def _current(path: Path, digest: str) -> bool:
    """Whether the template at ``path`` is for ``digest``, by an l10n that records its
    msgids' digest (an older one's is rewritten once, or its catalogs would always be read)."""
    return stored_digest(path) == digest and stored_digest(path, ENTRIES_HEADER) is not None


def extract_source(
    settings: Settings,
    source: Source,
    known: CatalogState | None = None,
    segmenting: Segmenting | None = None,
) -> Extracted:
    """One article's template: left unread when it has the article's digest, else
    segmented (``segmenting`` follows it), written and recorded."""
    path = settings.template_path(source.slug)
    if known is not None and known.template_entries(source) is not None:
        return Extracted(source, path, False)
    if _current(path, source.digest):
        if known is not None:
            known.template(path, None)
        return Extracted(source, path, False)
    article = source.article
    told = None if segmenting is None else (
        lambda done, total, slug=article.slug: segmenting(slug, done, total))
    items = template_entries(settings, article, segment_article(article, told))
    template = Catalog.template(path, article.slug, items, digest=source.digest)
    written = template.write()
    if known is not None:
        known.template(path, template)
    return Extracted(source, path, written, template)


def extract(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    *,
    problems: list[Problem] | None = None,
    segmenting: Segmenting | None = None,
) -> list[Extracted]:
    """Every article's template (:func:`extract_source`), under the project's lock; a
    broken article goes to ``problems`` and the others are extracted, or it raises."""
    with project_lock(settings.state_dir):
        remove_stale_temporaries(settings.templates_dir)
        return [extract_source(settings, source, None, segmenting)
                for source in stream_sources(settings, article_paths(settings, paths),
                                             State(None), "", problems)]
