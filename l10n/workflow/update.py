"""Templates -> catalogs (``l10n update``, and the first step of ``l10n translate``).

One article at a time, the template is extracted (or found up to date) and merged into
each target language's catalog, each written (atomically, only if it changed) before the
next article is read. Nothing is held for the whole project, and each file is read at
most once per run: the template only when a catalog needs it, each catalog once, passed
on to whoever fills it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from l10n.catalog import DIGEST_HEADER, Catalog, merge
from l10n.config import Settings
from l10n.errors import Problem
from l10n.fsutil import project_lock, remove_stale_temporaries
from l10n.glossary import Glossary
from l10n.incremental import RunKey, State, code_key, glossary_key
from l10n.incremental.cached import Cache
from l10n.incremental.catalogs import CatalogState, memory_identity
from l10n.incremental.sources import Source, article_paths
from l10n.incremental.spans import Spans
from l10n.memory import Memory
from l10n.memory.history import merged as merge_history
from l10n.memory.history import noticed
from l10n.workflow.edit import catch_up
from l10n.workflow.extract import Extracted, Segmenting, extract_source
from l10n.workflow.orphans import purge_orphans as purge_orphans_of
from l10n.workflow.status import record_status


@dataclass
class LanguageReport:
    """What a run did for one target language (the CLI prints it; --json dumps it)."""

    lang: str
    catalogs_written: list[str] = field(default_factory=list)  # paths, each once
    machine: int = 0  # entries filled by the engine
    memory_exact: int = 0
    memory_fuzzy: int = 0
    hints: int = 0  # no translation; glossary targets shown to the translator
    glossary_misses: int = 0
    untranslated: int = 0  # still without a translation after the run
    merged: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    engine: str = ""

    def __post_init__(self) -> None:
        self._written: set[str] = set()

    def wrote(self, settings: Settings, path: Path) -> None:
        name = settings.reference(path)
        if name not in self._written:  # a set beside the list: 20,000 catalogs in a run
            self._written.add(name)
            self.catalogs_written.append(name)


@dataclass
class RunReport:
    """What a run did: templates rewritten, whether a model was loaded, per language."""

    templates_written: int = 0
    model_loaded: bool = False
    languages: dict[str, LanguageReport] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # reported, then the rest done
    orphans_removed: list[str] = field(default_factory=list)  # update --purge-orphans


def update(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
    *,
    purge_obsolete: bool = False,
    purge_orphans: bool = False,
    segmenting: Segmenting | None = None,
) -> RunReport:
    """Extract the templates and merge them into every catalog (no machine translation).
    ``purge_orphans`` removes deleted articles' templates and catalogs once their reviewed
    translations are in the memory (:mod:`l10n.workflow.orphans`)."""
    run = RunKey.of(update, locals())
    targets = settings.target_languages(langs)
    report = RunReport()
    files = article_paths(settings, paths)
    with catalog_run(settings, run, code_key(), glossary_key(settings.glossary_dir)) as (
            memory, known):
        with known.spans(files, targets, report.problems, purge=purge_obsolete) as spans:
            merged_catalogs(settings, spans, targets, report, memory, known,
                            purge=purge_obsolete, segmenting=segmenting)
        if purge_orphans:
            removed = purge_orphans_of(settings, memory)
            report.orphans_removed = [settings.display(path) for path in removed]
    return report


@contextmanager
def catalog_run(settings: Settings, run: RunKey, code: str, terms: str,
                translate_keys: dict[str, str] | None = None, *, skip: bool = True,
                glossary: Glossary | None = None) -> Iterator[tuple[Memory, CatalogState]]:
    """A run that writes catalogs (update, translate; ``code``: l10n's key, ``terms``: the
    glossary's): the project locked, memory and state open, what a killed run or save left
    cleaned up; and its :class:`~l10n.incremental.catalogs.CatalogState`, which records
    each catalog written as ``status`` and ``check`` find it, so both are warm after."""
    with (project_lock(settings.state_dir), Memory.open(settings.memory_path) as memory,
          State(settings.state_dir) as state):
        remove_stale_temporaries(settings.locales_dir, depth=1)
        catch_up(settings)  # a save killed between its catalog and the memory
        cache = Cache(settings, state, code, terms)
        also = partial(record_status, cache, glossary or cache.glossary())
        yield memory, CatalogState(cache, run, memory_identity(settings.memory_path),
                                   translate_keys, also, skip=skip)


def merged_catalogs(
    settings: Settings,
    spans: Spans,
    targets: Sequence[str],
    report: RunReport,
    memory: Memory,
    known: CatalogState,
    *,
    purge: bool = False,
    segmenting: Segmenting | None = None,
    take: Callable[[Catalog, str], None] | None = None,
) -> int:
    """Merge and write each catalog of ``spans``' articles x ``targets``, article after
    article (:func:`merge_catalog`), and record it in ``known``, or hand it to ``take(catalog,
    lang)``, which records it; ``report`` counts what was done. A catalog that needs no
    work (:mod:`l10n.incremental.catalogs`) is not read nor taken; an article none of whose
    catalogs needs any is not parsed. Returns the number of articles."""
    taken = take or known.record  # take: records it once filled
    for lang in targets:
        report.languages.setdefault(lang, LanguageReport(lang))

    def merged(source: Source) -> tuple[int, ...] | None:
        """Each catalog's untranslated count when none needed work (what a span replays),
        else None (counts reported as merged)."""
        settled = {lang: known.settled(source, lang, purge=purge) for lang in targets}
        todo = [lang for lang, count in settled.items() if count is None]
        if not todo:
            return tuple(count or 0 for count in settled.values())
        for lang, count in settled.items():
            report.languages[lang].untranslated += count or 0
        item = extract_source(settings, source, known, segmenting)
        report.templates_written += item.written
        for lang in todo:
            lang_report = report.languages[lang]
            catalog, changed = merge_catalog(settings, item, lang, purge, lang_report, memory)
            if changed and catalog.write():  # unchanged: not even rendered to compare
                lang_report.wrote(settings, catalog.path)
            lang_report.untranslated += sum(1 for e in catalog.entries() if not e.msgstr)
            taken(catalog, lang)
        return None

    articles = 0
    for counts in spans.each(merged):  # None: counted as merged
        articles += 1
        for lang, count in zip(targets, counts or (), strict=False):
            report.languages[lang].untranslated += count
    return articles


def merge_catalog(
    settings: Settings,
    item: Extracted,
    lang: str,
    purge: bool,
    report: LanguageReport,
    memory: Memory,
) -> tuple[Catalog, bool]:
    """The article's catalog in ``lang`` merged with its template (or made from it), and
    whether it may have changed. Its reviewed entries (obsolete ones too) reach ``memory``
    first, so neither the merge nor a purge can lose one. A catalog merged from this very
    template (same digest) whose msgids are still the template's is left as read."""
    path = settings.catalog_path(lang, item.article.slug)
    if not path.exists():
        return Catalog.from_template(item.template, path, lang), True
    catalog = Catalog.read(path)
    memory.harvest(catalog.entries(obsolete=True), settings.source, lang,
                   origin=settings.reference(path))
    slug = item.article.slug  # what a PO editor changed since l10n last recorded a change
    memory.record(noticed(memory.history(slugs=[slug], lang=[lang]), catalog.entries(),
                          lang=lang, slug=slug))
    merged_already = catalog.metadata.get(DIGEST_HEADER) == item.article.digest
    nothing_to_purge = not purge or not any(e.obsolete for e in catalog.entries(obsolete=True))
    if merged_already and nothing_to_purge and catalog.entries_digest() == item.entries_digest:
        return catalog, False  # as the state's rule says (incremental.catalogs.settled)
    before = catalog.entries()
    merged = merge(catalog, item.template, purge_obsolete=purge, language=lang)
    memory.record(merge_history(before, catalog.entries(), lang=lang, slug=slug))
    for key, value in merged.as_dict().items():
        if isinstance(value, int):
            report.merged[key] = report.merged.get(key, 0) + value
    return catalog, True
