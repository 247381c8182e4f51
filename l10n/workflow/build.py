"""Catalogs + articles -> a localized build: ``<out>/<lang>/<slug>.html|.md``, indexes.

Rules:

* An HTML article also gets ``<lang>/<slug>.article.html``: its own page, translated
  (:mod:`l10n.publish.htmlpage`).
* Each article is built in its source language (the original, the x-default of every
  translation) and in each requested language whose catalog
  ``locales/<lang>/<slug>.po`` exists and passes the gates:
  - its share of reviewed entries (distinct segment texts of the article as it is now)
    is at least ``min_reviewed`` percent;
  - it has something to show: a reviewed translation, or with ``include_machine`` an
    unreviewed one;
  - with ``fail_on_errors``, the entries it would publish have no check error (the
    checks of ``l10n check``, honouring each entry's ``ignore-*`` flags).
  A language that fails a gate is skipped, with the reason, in the result.
* Reviewed entries (translated, not fuzzy) are used; fuzzy entries (machine output,
  memory suggestions, edited machine output) only with ``include_machine``.
* Slugs and language codes are validated before they become paths, and every output
  path is checked to lie inside ``out``.
* All-or-nothing: every page is rendered in memory first; a broken catalog, an unsafe
  name or a template error stops the build before anything is written. Files are then
  written with :func:`~l10n.fsutil.write_atomic` (unchanged files are not touched).
* Pages an earlier build made and this one no longer makes (a language now skipped, an
  article gone) are removed, and only those (:mod:`l10n.publish.folder`: a manifest
  lists what l10n wrote; nothing else is ever deleted). Temporary files a killed build
  left (``.NAME.XXXXXXXX.tmp``) are removed first.
* The build folder is never a filesystem root, the home folder, the project's folder or
  an ancestor of it, unless ``force``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.articles import read_source, safe_slug
from l10n.catalog import FUZZY, MACHINE, REVIEWED, Catalog
from l10n.config import Settings
from l10n.errors import InputError, Problem, UsageError
from l10n.fsutil import project_lock, remove_stale_temporaries, write_atomic
from l10n.glossary import Glossary, load_glossary
from l10n.model import Article, Severity
from l10n.publish import (
    Page,
    Translation,
    localize,
    render_html,
    render_index,
    render_markdown,
    render_root,
)
from l10n.publish.folder import (
    MANIFEST,
    check_build_folder,
    manifest_text,
    read_manifest,
    remove_files,
    stale_files,
)
from l10n.publish.htmlpage import article_pages
from l10n.qa import CheckContext
from l10n.workflow.extract import read_articles
from l10n.workflow.qa import catalog_findings


@dataclass(frozen=True, slots=True)
class Skipped:
    """An article not built in a language, and why."""

    slug: str
    lang: str
    reason: str
    reviewed_percent: float | None = None
    errors: int = 0  # check errors that refused it (fail_on_errors)


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: tuple[Page, ...]  # every page built, originals included
    written: tuple[Path, ...]  # files whose bytes changed
    unchanged: tuple[Path, ...]  # files already up to date, not touched
    skipped: tuple[Skipped, ...]
    removed: tuple[Path, ...] = ()  # pages an earlier build made, no longer made
    problems: tuple[Problem, ...] = ()  # articles that could not be read (left out)


def build(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    *,
    langs: Sequence[str] | None = None,
    out: Path | None = None,
    min_reviewed: float | None = None,
    include_machine: bool = False,
    fail_on_errors: bool = False,
    force: bool = False,
) -> BuildResult:
    """Build the articles at ``paths`` (default: all) in ``langs`` (default: the
    config's targets) into ``out`` (default: the config's build folder); ``force``
    allows a folder the rules refuse (see the module docstring)."""
    targets = settings.target_languages(langs)
    gate = settings.min_reviewed if min_reviewed is None else min_reviewed
    if not 0.0 <= gate <= 100.0:
        raise UsageError(f"--min-reviewed must be between 0 and 100, not {gate:g}")
    folder = settings.path(out) if out is not None else settings.build_dir
    check_build_folder(settings.root, folder, force=force)
    with project_lock(settings.state_dir):
        remove_stale_temporaries(folder, depth=1)
        problems: list[Problem] = []
        articles = read_articles(settings, paths, problems=problems)
        glossary = load_glossary(settings.glossary_dir) if fail_on_errors else None
        gates = _Gates(gate, include_machine, fail_on_errors, glossary)
        pages: list[Page] = []
        skipped: list[Skipped] = []
        for article in articles:
            check_slug(article)
            ref = settings.reference(article.path)
            built, missed = _article_pages(settings, article, targets, gates, ref)
            pages += built
            skipped += missed
        files = render_all(pages, settings.source)
        files.update(article_pages(pages, read_source))  # HTML articles: their own page too
        safe = {safe_path(folder, name): text for name, text in files.items()}
        written = [path for path, text in safe.items() if write_atomic(path, text)]
        removed = _remove_stale(folder, set(files), articles, targets)
    unchanged = [path for path in safe if path not in written]
    return BuildResult(folder, tuple(pages), tuple(written), tuple(unchanged), tuple(skipped),
                       tuple(removed), tuple(problems))


def _remove_stale(
    folder: Path, made: set[str], articles: Sequence[Article], targets: Sequence[str]
) -> list[Path]:
    """Remove what the previous build made and this one did not; record what this one
    made (and what it left of other articles and languages) in the manifest."""
    previous = read_manifest(folder)
    langs = {*targets, *(a.lang for a in articles)}
    stale = stale_files(folder, previous, made, {a.slug for a in articles}, langs)
    removed = remove_files(stale)
    gone = {path.relative_to(folder.resolve()).as_posix() for path in stale}
    write_atomic(folder / MANIFEST, manifest_text((previous - gone) | made))
    return removed


__all__ = ["BuildResult", "Skipped", "build", "check_build_folder", "check_slug", "safe_path"]


def check_slug(article: Article) -> None:
    """A slug becomes a file name: the readers' rule again, for an Article built by hand."""
    if safe_slug(article.slug, article.path, source="the article") != article.slug:
        raise InputError(f"unsafe article slug '{article.slug}'", path=article.path)


def safe_path(folder: Path, name: str) -> Path:
    """``folder/name``, refused unless it stays inside ``folder``."""
    root = folder.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or path == root:
        raise UsageError(f"refusing to write '{name}' outside the build folder", path=folder)
    return path


def translations(catalog: Catalog) -> dict[str, Translation]:
    """msgid -> translation: reviewed entries, and fuzzy ones marked unreviewed."""
    found: dict[str, Translation] = {}
    for entry in catalog.entries():
        if entry.state == REVIEWED:
            found[entry.msgid] = Translation(entry.msgstr, reviewed=True)
        elif entry.state in (MACHINE, FUZZY):
            found[entry.msgid] = Translation(entry.msgstr, reviewed=False)
    return found


@dataclass(frozen=True)
class _Gates:
    min_reviewed: float
    include_machine: bool
    fail_on_errors: bool  # refuse a language whose catalog has check errors
    glossary: Glossary | None


def _check_errors(settings: Settings, catalog: Catalog, lang: str, gates: _Gates) -> int:
    """Check errors on the entries this build would publish from ``catalog``."""
    states = (REVIEWED, MACHINE, FUZZY) if gates.include_machine else (REVIEWED,)
    ctx = CheckContext(settings.source, lang, gates.glossary, settings.display(catalog.path))
    return sum(
        f.severity == Severity.ERROR
        for state in states
        for f in catalog_findings(catalog, ctx, state)
    )


def _article_pages(
    settings: Settings,
    article: Article,
    targets: Sequence[str],
    gates: _Gates,
    ref: str,
) -> tuple[list[Page], list[Skipped]]:
    """The original page, then one page per target language that passes the gates."""
    pages = [localize(article, article.lang, {}, source_ref=ref)]
    skipped: list[Skipped] = []
    for lang in (code for code in targets if code != article.lang):
        path = settings.catalog_path(lang, article.slug)
        if not path.is_file():
            reason = f"no catalog {settings.display(path)} (run `l10n translate --lang {lang}`)"
            skipped.append(Skipped(article.slug, lang, reason))
            continue
        catalog = Catalog.read(path)
        page = localize(
            article,
            lang,
            translations(catalog),
            include_machine=gates.include_machine,
            source_ref=ref,
        )
        why = _gate(page, gates.min_reviewed, gates.include_machine, settings.display(path))
        errors = _check_errors(settings, catalog, lang, gates) if gates.fail_on_errors else 0
        if not why and errors:
            why = (f"{errors} check error{'s' * (errors != 1)} in {settings.display(path)} "
                   f"(see `l10n check --lang {lang}`; --fail-on-errors)")
            skipped.append(Skipped(article.slug, lang, why, page.coverage.reviewed_percent,
                                   errors))
            continue
        if why:
            skipped.append(Skipped(article.slug, lang, why, page.coverage.reviewed_percent))
        else:
            pages.append(page)
    return pages, skipped


def _gate(page: Page, gate: float, include_machine: bool, catalog: str) -> str | None:
    """Why ``page`` must not be published, or None."""
    cov = page.coverage
    if cov.reviewed_percent < gate:
        return (
            f"{cov.reviewed_percent:g}% of its {cov.total} entries reviewed in {catalog}, "
            f"below --min-reviewed {gate:g}% ({cov.reviewed} reviewed, {cov.machine} "
            f"unreviewed, {cov.untranslated} untranslated)"
        )
    if not page.translated:
        hint = ""
        if cov.machine and not include_machine:
            hint = f"; --include-machine would use its {cov.machine} unreviewed entries"
        return f"nothing to publish: no reviewed translation in {catalog}{hint}"
    return None


def render_all(pages: Sequence[Page], source: str) -> dict[str, str]:
    """Every file of the build, by path relative to the build folder, in memory."""
    by_slug: dict[str, list[str]] = {}
    by_lang: dict[str, list[Page]] = {}
    for page in pages:
        by_slug.setdefault(page.slug, []).append(page.lang)
        by_lang.setdefault(page.lang, []).append(page)
    order = sorted(by_lang, key=lambda lang: (lang != source, lang))
    files: dict[str, str] = {}
    for page in pages:
        files[f"{page.lang}/{page.slug}.html"] = render_html(page, by_slug[page.slug])
        files[f"{page.lang}/{page.slug}.md"] = render_markdown(page)
    for lang in order:
        files[f"{lang}/index.html"] = render_index(lang, by_lang[lang], order)
    if order:
        files["index.html"] = render_root(order, source)
    return files
