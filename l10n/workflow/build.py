"""Catalogs + articles -> a localized build: ``<out>/<lang>/<slug>.html|.md``, indexes.

What users see of these rules (gates, machine output, stale pages, ``--force``) is in the
README's "Publishing". For a maintainer:

* Each article is built in its source language and in each requested language whose
  catalog passes the gates (:class:`~l10n.publish.translated.Gates`: ``min_reviewed``,
  ``include_machine``, ``fail_on_errors``); a language that fails one is skipped, with
  the reason, in the result. An HTML article also gets ``<slug>.article.html``.
* All or nothing: articles are built one at a time, each file staged beside its place
  (:class:`~l10n.fsutil.StagedWrites`) and renamed at the end; unchanged files are not
  touched. Every output path is checked to lie inside ``out``. A killed build's
  temporary files (``.NAME.XXXXXXXX.tmp``) are removed first.
* Incremental: an article's :class:`Plan` is kept by the state under :func:`plan_key`
  (the article's bytes, its catalogs by digest, the build's gates and flags, the glossary
  with ``--fail-on-errors``, the settings, l10n's code), so an article whose inputs did
  not change is planned without reading it or any catalog. A page file (``.html``,
  ``.md``, ``.article.html``) is not rendered again while it is the file the state
  recorded for its article's plan key and published languages (hreflang).
* Stale pages go, and only those (:mod:`l10n.publish.folder`'s manifest); sitemaps and
  feeds come with a ``site_url`` (:mod:`l10n.publish.site_files`), a Hugo tree with
  ``output="hugo"`` (:mod:`l10n.publish.files`). Indexes, sitemaps and feeds list every
  article of the folder, an earlier build's too when only some articles are named.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from l10n.articles import read_source
from l10n.config import Settings
from l10n.errors import Problem, UsageError
from l10n.fsutil import NameSet, Rows, StagedWrites, project_lock, remove_stale_temporaries
from l10n.incremental import RunKey, State, key
from l10n.incremental.cached import Cache
from l10n.incremental.codec import decoded, encode
from l10n.incremental.outputs import Outputs
from l10n.incremental.sources import Source
from l10n.incremental.spans import Spans
from l10n.incremental.stamps import stamp_of
from l10n.publish import Page, render_root
from l10n.publish.files import file_names, render_file
from l10n.publish.folder import MANIFEST, check_build_folder, safe_path, update_manifest
from l10n.publish.hugo import config_names, render_config
from l10n.publish.index_entries import IndexEntries
from l10n.publish.render import index_entry, index_pieces
from l10n.publish.site import Site, page_facts
from l10n.publish.site_files import NO_SITE, OUTPUTS, record_head, site_files, site_of
from l10n.publish.translated import Gates, Skipped, article_pages
from l10n.workflow.build_result import BuildResult, page_row


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
    site_url: str | None = None,
    output: str = "site",
) -> BuildResult:
    """Build the articles at ``paths`` (default: all) in ``langs`` (default: the
    config's targets) into ``out`` (default: the config's build folder); ``force``
    allows a folder the rules refuse; ``site_url`` replaces the config's; ``output``:
    ``site`` (HTML and Markdown pages) or ``hugo`` (see the module docstring)."""
    asked = RunKey.of(build, locals())
    targets = settings.target_languages(langs)
    gate = settings.min_reviewed if min_reviewed is None else min_reviewed
    if not 0.0 <= gate <= 100.0:
        raise UsageError(f"--min-reviewed must be between 0 and 100, not {gate:g}")
    folder = settings.path(out) if out is not None else settings.build_dir
    check_build_folder(settings.root, folder, force=force)
    site = site_of(settings, site_url)
    if output not in OUTPUTS:
        raise UsageError(f"unknown build format '{output}'",
                         hint=f"use {' or '.join(OUTPUTS)}")
    with project_lock(settings.state_dir), Cache.open(settings) as cache:
        remove_stale_temporaries(folder, depth=1)
        problems: list[Problem] = []
        gates = Gates(gate, include_machine, fail_on_errors,
                      cache.glossary() if fail_on_errors else None,
                      cache.terms if fail_on_errors else "")
        run = _Build(settings, cache.state, cache.code, folder, targets, gates, asked, site,
                     output, partial=(paths is not None, langs is not None))
        staged = StagedWrites()
        try:
            with Spans(cache, paths, problems, run.kind, asked, Built, parts=(run.files,),
                       kinds=("build", run.kind), confirm=run.article) as spans:
                for item in spans.each(partial(run.article, staged=staged)):
                    if spans.replaying:  # else counted as it was built
                        run.take(item, [])
                run.indexes(staged)
                staged.commit()
                run.outputs.record()
        except BaseException:
            staged.discard()
            raise
        finally:
            run.index.close()
            run.site_files.close()
            run.outputs.close()
        result = BuildResult(folder, output, run.articles, tuple(run.others), run.counts[True],
                             run.counts[False], tuple(run.skipped))
        removed = _remove_stale(folder, result, run.made.hexdigest(), run.slugs,
                                {*targets, *run.langs}, cache.state)
    notices = () if site or output == "hugo" else (NO_SITE,)
    return replace(result, removed=tuple(removed), problems=tuple(problems), notices=notices)


@dataclass(frozen=True, slots=True)
class Plan:
    """What the build makes of one article: its pages' rows (languages, coverage), the
    languages it skipped and why, what the indexes show of each page, each page's facts
    for a site's files. The fact ``build`` keeps of an article (:mod:`l10n.incremental.codec`);
    its lists are kept as JSON reads them, not decoded: a no-change build replays 10,000."""

    format: str
    pages: list[Any]  # page_row of each page (l10n.workflow.build_result)
    skipped: list[Skipped]
    index: list[Any]  # [lang, entry] of each page (l10n.publish.render.index_entry)
    facts: list[Any]  # l10n.publish.site.page_facts of each page

    @property
    def languages(self) -> list[str]:
        return [row[1] for row in self.pages]


def plan_key(base: str, settings: Settings, state: State, source: Source,
             targets: Sequence[str]) -> str:
    """Everything an article's plan depends on: ``base`` (the build's parameters, l10n's
    code, the glossary), the article and its catalogs by digest (read only when the state
    cannot vouch for them)."""
    catalogs = [(lang, state.digest(settings.catalog_path(lang, source.slug)))
                for lang in targets if lang != source.lang]
    return key(base, source.digest, catalogs)


def make_plan(
    settings: Settings, source: Source, targets: Sequence[str], gates: Gates
) -> tuple[Plan, list[Page]]:
    """The article's plan, and its pages (read and localized now)."""
    ref = settings.reference(source.path)
    pages, skipped = article_pages(settings, source.article, targets, gates, ref)
    rows = [page_row(page) for page in pages]
    index = [[page.lang, index_entry(page)] for page in pages]
    facts = [page_facts(page) for page in pages]
    return Plan(source.article.format, rows, skipped, index, facts), pages


@dataclass(frozen=True, slots=True)
class Built:
    """An article in a span of ``build``: its slug, language, plan (its pages' facts
    left out) and the head of its line in the folder's record (with them, for a site)."""

    slug: str
    lang: str
    plan: Plan
    head: str  # l10n.publish.site_files.record_head


_NOT_IN_PLANS = ("paths", "out", "force", "site_url", "output")  # where pages are written


_Render = Callable[[], str | Iterable[str] | dict[str, str]]  # text, pieces, per name


@dataclass
class _Build:
    """One build run: what it made so far, and the small facts the indexes need."""

    settings: Settings
    state: State
    code: str  # l10n's (code_key)
    folder: Path
    targets: tuple[str, ...]
    gates: Gates
    asked: RunKey  # the build's parameters
    site: Site | None = None
    output: str = "site"
    partial: tuple[bool, bool] = (False, False)  # of some articles, of some languages
    made: Any = field(default_factory=hashlib.sha256)  # the names made, in order
    slugs: set[str] = field(default_factory=set)
    langs: set[str] = field(default_factory=set)  # the articles' own languages
    articles: Rows = field(default_factory=Rows)  # the result's (BuildResult.articles)
    others: list[tuple[str, bool]] = field(default_factory=list)  # (name, written)
    counts: dict[bool, int] = field(default_factory=lambda: {True: 0, False: 0})  # written?
    skipped: list[Skipped] = field(default_factory=list)
    index: IndexEntries = field(default_factory=IndexEntries)

    def __post_init__(self) -> None:
        site = [self.site.url, self.site.name] if self.site else None
        # plans: the same in any build folder and format, of all articles or some
        self.base = key("build", self.code, self.gates.glossary_key,
                        self.asked.digest(leaving=_NOT_IN_PLANS))
        self.files = key(self.base, site, self.output)  # the files of this build's kind
        self.root = self.folder.resolve()
        self.kind = f"built:{self.root}"  # an article's files, and the spans, per build folder
        self.outputs = Outputs(self.state, self.kind, self.root)
        self.site_files = site_files(self.site, self.output, self.folder, *self.partial)

    def take(self, item: Built, written: list[str]) -> None:
        """Count an article's plan in the run (``written``: the names of its files whose
        bytes changed; the others are unchanged)."""
        slug, lang, plan = item.slug, item.lang, item.plan
        self.slugs.add(slug)
        self.langs.add(lang)
        self.articles.append([plan.format, plan.pages, written])
        self.skipped += plan.skipped
        for page_lang, entry in plan.index:
            self.index.add(page_lang, entry)
        self.site_files.add(item.head, plan.index,
                            plan.languages if self.site_files.site else [])
        names = self._names(plan)
        self._made(names)
        self.counts[True] += len(written)
        self.counts[False] += len(names) - len(written)

    def _names(self, plan: Plan) -> list[str]:
        """The names of an article's files in the build folder."""
        return [name for row in plan.pages
                for name in file_names(self.output, plan.format, row[0], row[1])]

    def _made(self, names: Iterable[str]) -> None:
        for name in names:
            self.made.update(name.encode("utf-8") + b"\0")

    def article(self, source: Source, staged: StagedWrites | None = None) -> Built:
        """Plan one article (from the state when its inputs did not change) and write
        its files, unless they are, unchanged, those the state recorded for this plan;
        its item for the span. Without ``staged``: a confirming pass (nothing written,
        nothing counted)."""
        settings, state = self.settings, self.state
        plan_id = plan_key(self.base, settings, state, source, self.targets)
        plan, pages = self._plan(source, plan_id)
        facts = plan.facts if self.site_files.site else []  # only for a site's files
        item = Built(source.slug, source.lang, replace(plan, facts=[]),
                     record_head(source.slug, source.lang, plan.format, facts))
        names = self._names(plan)
        owner, files_id = os.path.abspath(source.path), key(self.files, plan_id)
        built = self.outputs.current(owner, files_id, names)
        if staged is None:
            return item
        written: list[str] = []
        if not built:
            if pages is None:
                pages = make_plan(settings, source, self.targets, self.gates)[1]
            text = functools.cache(partial(read_source, source.path))  # read once, if needed
            for page in pages:
                for name in file_names(self.output, plan.format, page.slug, page.lang):
                    if self._write(staged, name, render_file(
                            self.output, name, page, plan.facts, plan.languages, self.site,
                            text, settings.html)):
                        written.append(name)
            self.outputs.written(owner, files_id, names)
        self.take(item, written)
        return item

    def _plan(self, source: Source, plan_id: str) -> tuple[Plan, list[Page] | None]:
        found = decoded(Plan, self.state.fact(source.path, "build", source.digest, plan_id))
        if found is not None:
            return found, None
        plan, pages = make_plan(self.settings, source, self.targets, self.gates)
        self.state.set_fact(source.path, "build", source.digest, plan_id, encode(plan))
        return plan, pages

    def indexes(self, staged: StagedWrites) -> None:
        """Each language's index and the root index, a site's sitemaps and feeds, a Hugo
        site's configuration: each rendered only when what it is made of changed."""
        source = self.settings.source
        self.index = self.site_files.merge(self.index, {*self.targets, *self.langs})
        order = sorted(self.index.langs, key=lambda lang: (lang != source, lang))
        # (owner, names, key of what they are made of, render: text, or text per name)
        files: list[tuple[str, list[str], str, _Render]] = []
        if self.output == "hugo" and order:
            files.append(("config", list(config_names()), key(self.files, order, source),
                          partial(render_config, order, source, self.site)))
        files += [(name, [name], key(self.files, *inputs), render)  # the record, a site's
                  for name, inputs, render in self.site_files.files(source)]
        if self.output != "hugo" and order:
            files += [(f"{lang}/index.html", [f"{lang}/index.html"], key(
                self.files, lang, order, self.index.digest(lang)), partial(
                    self._render_index, lang, order)) for lang in order]
            files.append(("index.html", ["index.html"], key(self.files, order, source),
                          partial(render_root, order, source)))
        for name, names, file_key, render in files:
            self._made(names)
            owner = str(self.root / name)
            if self.outputs.current(owner, file_key, names):
                self.others += [(one, False) for one in names]
                self.counts[False] += len(names)
                continue
            texts = render()  # a file's text (whole or in pieces), or a text per name
            for one, text in (texts.items() if isinstance(texts, dict) else [(names[0], texts)]):
                written = self._write(staged, one, text)
                self.others.append((one, written))
                self.counts[written] += 1
            self.outputs.written(owner, file_key, names)

    def _render_index(self, lang: str, order: list[str]) -> Iterator[str]:
        head = self.site_files.index_head(lang)
        return index_pieces(lang, self.index.each(lang), order, head)

    def _write(self, staged: StagedWrites, name: str, text: str | Iterable[str]) -> bool:
        """Stage a file; whether its bytes changed."""
        return staged.stage(safe_path(self.folder, name), text)


def _remove_stale(folder: Path, result: BuildResult, made: str, slugs: set[str],
                  langs: set[str], state: State) -> list[Path]:
    """Remove what the previous build made and this one did not, and write the manifest
    (:func:`~l10n.publish.folder.update_manifest`). A manifest that is, unchanged, the
    one written by a build that made the same files (``made``: the digest of their names
    in order) of the same articles and languages has nothing stale: it is not even read
    (nor are the names of the result)."""
    same = key(made, sorted(slugs), sorted(langs))
    manifest = folder / MANIFEST
    if state.lookup(manifest, "manifest", same)[1] is not None:
        return []
    names = NameSet()
    try:
        names.update(name for name, _ in result.names())
        removed, written = update_manifest(folder, names, slugs, langs)
    finally:
        names.close()
    state.record(manifest, stamp_of(manifest), written)
    state.set_fact(manifest, "manifest", written, same, 1)
    return removed
