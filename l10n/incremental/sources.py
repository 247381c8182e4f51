"""The articles of a run as a stream: small facts from the state, each article read only
when a run needs its blocks, and dropped once its work is done.

While an article file is as recorded, the state gives its slug, language and template
digest (``X-Source-Digest``), its reading's warnings, or the error that made it
unreadable: an unchanged archive is not parsed again; a changed or unknown file is read,
parsed, and its facts recorded. A run keeps one slug per article for the whole archive
(two articles with one slug: the first in name order wins, the second is a problem).
"""

from __future__ import annotations

import hashlib
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from l10n import __version__
from l10n.articles import find_articles, named_articles, read_article
from l10n.config import Settings
from l10n.errors import ArticleError, L10nWarning, Problem
from l10n.incremental import Known, State, key, settings_key, stamp_of
from l10n.incremental.codec import decoded, encode
from l10n.model import Article

AHEAD = 64  # articles whose state rows are read together (see State.prefetch): their
# plans and findings are held while read ahead, so a quarter of a span at most


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What the state keeps of an article's reading (the fact ``article``): its slug,
    language and template digest, or the error that made it unreadable; its warnings."""

    warnings: tuple[Problem, ...]
    problem: Problem | None = None
    slug: str = ""
    lang: str = ""
    digest: str = ""


@dataclass
class Source:
    """An article of the run: its facts, and the article itself on demand."""

    path: Path
    slug: str
    lang: str
    digest: str  # the template's X-Source-Digest: the bytes, where, how read, l10n
    settings: Settings = field(repr=False)
    _article: Article | None = field(default=None, repr=False)

    @property
    def article(self) -> Article:
        """The parsed article (read now if the facts came from the state)."""
        if self._article is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", L10nWarning)  # told once, when the facts were
                self._article = read_project_article(self.settings, self.path)
        return self._article

    def drop(self) -> None:
        """Forget the parsed article (its work is done)."""
        self._article = None


def article_paths(settings: Settings, paths: Sequence[Path] | None) -> list[Path]:
    """The articles named on the command line (files, or folders of articles), or every
    article in the article folder."""
    return named_articles(paths) if paths else find_articles(settings.articles_dir)


def read_project_article(settings: Settings, path: Path) -> Article:
    """The article at ``path``, read as the project's settings say (its language, the
    furniture lines to drop, where an HTML page's story is)."""
    return read_article(path, furniture=settings.furniture, lang=settings.source,
                        content=settings.html.content, exclude=settings.html.exclude)


def source_digest_of(settings: Settings, path: Path, data: bytes) -> str:
    """A fingerprint of everything a template depends on: the article's bytes, where it
    is, the settings that shape its reading, and the l10n version (segmentation rules)."""
    digest = hashlib.sha256()
    parts = (__version__, settings.reference(path), settings.source, *settings.furniture)
    if settings.html.content or settings.html.exclude:  # where an HTML page's story is
        parts += ("html", *settings.html.content, "exclude", *settings.html.exclude)
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()[:16]


def stream_sources(
    settings: Settings,
    paths: Sequence[Path],
    state: State,
    code: str,
    problems: list[Problem] | None = None,
    *,
    seen: dict[str, str] | None = None,
    told: list[ArticleFacts] | None = None,
    kinds: Sequence[str] = (),
) -> Iterator[Source]:
    """Each readable article of ``paths``; an unreadable one, or a second with a slug, goes
    to ``problems`` and is left out (without ``problems``: raises). ``seen``: earlier
    articles' slugs (-> path); ``told``: gets each article's facts in order (what a span
    replays); ``kinds``: the facts looked up per article and its files (read ahead)."""
    seen = {} if seen is None else seen
    wanted = key("article", code, settings_key(settings))  # what facts depend on but bytes
    for start in range(0, len(paths), AHEAD):
        chunk = paths[start : start + AHEAD]
        state.prefetch(chunk, ("article",))
        found = [(path, known, decoded(ArticleFacts, value))  # None: read (again)
                 for path in chunk for known, value in [state.lookup(path, "article", wanted)]]
        state.prefetch(_related(settings, found), kinds)
        for path, known, facts in found:
            try:
                facts, article = _facts(settings, path, state, wanted, known, facts)
            except ArticleError as exc:  # not found
                if problems is None:
                    raise
                problems.append(Problem.of(exc))
                continue
            if told is not None:
                told.append(facts)
            if facts.slug in seen:  # not a span's own fact: it depends on other spans
                state.unclean()
            source = admit(settings, path, facts, seen, problems)
            if source is not None:
                source._article = article
                yield source


def _related(settings: Settings,
             found: list[tuple[Path, Known, ArticleFacts | None]]) -> list[Path | str]:
    """The files whose rows a run looks up for these articles: the articles, their templates
    and their catalogs in every target language (as the state names them, no Path each)."""
    related: list[Path | str] = [path for path, _, _ in found]
    templates, locales = os.path.abspath(settings.templates_dir), os.path.abspath(
        settings.locales_dir)
    for _, _, facts in found:
        if facts is not None and facts.problem is None:
            slug = facts.slug
            related.append(f"{templates}/{slug}.pot")
            related += [f"{locales}/{lang}/{slug}.po" for lang in settings.targets]
    return related


def _facts(settings: Settings, path: Path, state: State, wanted: str, known: Known,
           facts: ArticleFacts | None) -> tuple[ArticleFacts, Article | None]:
    """The article's facts: as the state recorded them, or read now (with the article)."""
    if facts is not None:
        return facts, None
    if known.stamp is None:  # missing, or not a file: the reader says what is wrong
        state.unclean()
        read_project_article(settings, path)
        raise ArticleError("article not found", path=path)  # pragma: no cover
    data, digest = state.read(path)
    facts, article = _read(settings, path, data)
    if stamp_of(path) == known.stamp:  # not changed while it was parsed
        state.set_fact(path, "article", digest, wanted, encode(facts))
    return facts, article


def _read(settings: Settings, path: Path, data: bytes) -> tuple[ArticleFacts, Article | None]:
    """The article's facts (and the article), its reading's warnings told as they come."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", L10nWarning)
        article: Article | None = None
        error: Problem | None = None
        try:
            article = read_project_article(settings, path)
        except ArticleError as exc:
            error = Problem.of(exc)
    told = []
    for item in caught:
        if isinstance(item.message, L10nWarning):
            told.append(Problem.of(item.message.error))
        else:
            warnings.warn_explicit(item.message, item.category, item.filename, item.lineno)
    if error is not None:
        return ArticleFacts(tuple(told), error), article
    assert article is not None
    return ArticleFacts(tuple(told), None, article.slug, article.lang,
                        source_digest_of(settings, path, data)), article


def admit(settings: Settings, path: Path, facts: ArticleFacts, seen: dict[str, str],
          problems: list[Problem] | None) -> Source | None:
    """The article of ``facts``, its warnings told again, its slug taken in ``seen`` (slug ->
    path); an unreadable one, or a second with a slug, goes to ``problems`` (None), or
    raises without ``problems``."""
    for told in facts.warnings:
        warnings.warn(L10nWarning(told.message, path=told.path, line=told.line,
                                  hint=told.hint), stacklevel=2)
    error = facts.problem
    if error is None and facts.slug in seen:
        error = Problem(f"two articles have the slug '{facts.slug}' (also {seen[facts.slug]})",
                        str(path), hint="rename one file or set a distinct 'slug' in its "
                        "front matter")
    if error is not None:
        exc = ArticleError(error.message, path=error.path, line=error.line, hint=error.hint)
        if problems is None:
            raise exc
        problems.append(Problem.of(exc))
        return None
    seen[facts.slug] = str(path)
    return Source(path, sys.intern(facts.slug), sys.intern(facts.lang), facts.digest, settings)
