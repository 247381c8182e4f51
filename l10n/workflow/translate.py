"""Templates -> catalogs: ``update`` merges, ``translate`` merges then fills the gaps.

The order of work in :func:`translate` is what keeps it safe and fast:

1. the glossary and every article are read (and so validated) before anything is written;
2. one lock per project: a second run stops at once;
3. templates are extracted and merged into each catalog (``update``); every reviewed
   entry is harvested into the translation memory;
4. per language, the entries without a translation are filled, in chunks across
   articles: exact memory matches first, then fuzzy memory suggestions, then the
   engine (one batch per chunk, under the glossary). Each catalog is written
   atomically as soon as its chunk is done, so a killed run loses at most one chunk
   and a re-run resumes where it stopped;
5. the engine (and its model) is created only when there is something to translate.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from l10n.catalog import Catalog, Entry, Provenance, TermNote
from l10n.config import Settings
from l10n.errors import UsageError
from l10n.fsutil import project_lock
from l10n.langs import validate_language
from l10n.model import Article
from l10n.workflow.extract import Extracted, extract, read_articles

if TYPE_CHECKING:
    from l10n.glossary import Glossary
    from l10n.memory import Memory

Progress = Callable[[str, int, int], None]  # (language, done, total)
CHUNK = 1024  # segments per engine call: full batches on every core, bounded memory


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

    def wrote(self, settings: Settings, path: Path) -> None:
        name = _rel(settings, path)
        if name not in self.catalogs_written:
            self.catalogs_written.append(name)


@dataclass
class RunReport:
    """What a run did: templates rewritten, whether a model was loaded, per language."""

    templates_written: int = 0
    model_loaded: bool = False
    languages: dict[str, LanguageReport] = field(default_factory=dict)


def catalog_path(settings: Settings, lang: str, slug: str) -> Path:
    return settings.path(settings.locales) / lang / f"{slug}.po"


def target_languages(settings: Settings, langs: Sequence[str] | None) -> list[str]:
    codes = list(langs) if langs else list(settings.targets)
    if not codes:
        raise UsageError("no target language", hint="pass --to ko,ja or set targets in l10n.toml")
    result = []
    for code in codes:
        try:
            result.append(validate_language(code))
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if result[-1] == settings.source:
            raise UsageError(f"'{code}' is the source language", hint="pick another target")
    return list(dict.fromkeys(result))


def update(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
    *,
    purge_obsolete: bool = False,
) -> RunReport:
    """Extract the templates and merge them into every catalog; no machine translation."""
    targets = target_languages(settings, langs)
    articles = read_articles(settings, paths)
    with project_lock(settings.state_dir):
        return _merge_all(settings, articles, targets, purge_obsolete)


Visit = Callable[[str, Catalog], None]


def _merge_all(
    settings: Settings,
    articles: Sequence[Article],
    targets: Sequence[str],
    purge: bool,
    visit: Visit | None = None,
) -> RunReport:
    """Extract, then bring every catalog up to date with its template; ``visit`` sees
    each catalog once, after its merge (so the caller needs no second read)."""
    report = RunReport()
    extracted = extract(settings, articles=articles)
    report.templates_written = sum(r.written for r in extracted)
    for lang in targets:
        lang_report = report.languages.setdefault(lang, LanguageReport(lang))
        for item in extracted:
            catalog = _merged(
                item, catalog_path(settings, lang, item.article.slug), lang, purge, lang_report
            )
            if catalog.write():
                lang_report.wrote(settings, catalog.path)
            lang_report.untranslated += sum(1 for e in catalog.entries() if not e.msgstr)
            if visit is not None:
                visit(lang, catalog)
    return report


def _merged(item: Extracted, path: Path, lang: str, purge: bool, report: LanguageReport) -> Catalog:
    """The catalog at ``path`` merged with the item's template (or made from it). A
    catalog already merged from this very template (same digest) is left as it is."""
    from l10n.catalog import DIGEST_HEADER, merge

    if not path.exists():
        return Catalog.from_template(Catalog.read(item.template), path, lang)
    catalog = Catalog.read(path)
    if catalog.metadata.get(DIGEST_HEADER) == item.digest and not purge:
        return catalog
    merged = merge(catalog, Catalog.read(item.template), purge_obsolete=purge)
    for key, value in merged.as_dict().items():
        if isinstance(value, int):
            report.merged[key] = report.merged.get(key, 0) + value
    return catalog


def _pending(entry: Entry, engine_name: str) -> bool:
    """Entries the run may fill: no translation yet; untouched machine output of a source
    that has since changed (``#| msgid``); untouched pseudo output, which a real engine
    replaces. A translator's work (reviewed or edited) is never pending."""
    if not entry.msgstr:
        return True
    if not entry.is_machine:
        return False
    prov = entry.provenance
    stale = entry.previous_msgid is not None
    pseudo = prov is not None and prov.engine == "pseudo" and engine_name != "pseudo"
    return stale or pseudo


def translate(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
    *,
    engine_name: str | None = None,
    progress: Progress | None = None,
    n_best: int = 4,
) -> RunReport:
    """Merge, then fill every entry without a translation (memory, then the engine)."""
    from l10n.glossary import load_glossary

    targets = target_languages(settings, langs)
    glossary = load_glossary(settings.path(settings.glossaries))
    articles = read_articles(settings, paths)
    engines = _engine_names(settings, targets, engine_name)
    from l10n.memory import Memory

    with project_lock(settings.state_dir), Memory.open(settings.path(settings.memory)) as memory:
        pending: dict[str, dict[Path, int]] = {lang: {} for lang in targets}

        def visit(lang: str, catalog: Catalog) -> None:
            entries = catalog.entries()
            memory.harvest(entries, settings.source, lang, origin=_rel(settings, catalog.path))
            count = sum(_pending(e, engines[lang]) for e in entries)
            if count:
                pending[lang][catalog.path] = count

        report = _merge_all(settings, articles, targets, purge=False, visit=visit)
        for lang in targets:
            lang_report = report.languages[lang]
            started = time.perf_counter()
            filler = _Filler(settings, lang, engines[lang], glossary, memory, lang_report, n_best)
            total, done = sum(pending[lang].values()), 0
            step = _Steps(lang, total, progress)
            for chunk in _chunks(list(pending[lang]), filler.engine_name):
                before = sum(1 for _, entries in chunk for e in entries if not e.msgstr)
                done += filler.fill(chunk, step.advance)
                step.reach(done)
                after = sum(1 for c, _ in chunk for e in c.entries() if not e.msgstr)
                lang_report.untranslated -= before - after
            report.model_loaded |= filler.engine is not None
            lang_report.seconds = round(time.perf_counter() - started, 3)
    return report


class _Steps:
    """Drives the progress callback: the engine reports segments as they finish, and each
    finished chunk settles the count (an engine may not report at all)."""

    def __init__(self, lang: str, total: int, progress: Progress | None) -> None:
        self.lang, self.total, self.progress, self.done = lang, total, progress, 0
        if progress:
            progress(lang, 0, total)

    def advance(self, count: int) -> None:
        self.reach(self.done + count)

    def reach(self, done: int) -> None:
        done = min(done, self.total)
        if done != self.done and self.progress:
            self.progress(self.lang, done, self.total)
        self.done = max(done, self.done)


def _engine_names(settings: Settings, targets: Sequence[str], name: str | None) -> dict[str, str]:
    """The engine for each language, chosen before anything is written (a missing model
    stops the run here, with the message that says how to install one)."""
    from l10n.engines import available_engines, default_engine_name

    if name is not None and name not in available_engines():
        from l10n.engines import create_engine

        create_engine(name)  # raises EngineError naming the engines there are
    return {lang: name or default_engine_name(settings, settings.source, lang) for lang in targets}


def _rel(settings: Settings, path: Path) -> str:
    try:
        return path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _chunks(paths: Sequence[Path], engine: str) -> Iterator[list[tuple[Catalog, list[Entry]]]]:
    """Catalogs with pending entries, grouped so that a chunk holds about CHUNK segments:
    enough for full batches on every core, few enough to bound memory and lost work."""
    chunk: list[tuple[Catalog, list[Entry]]] = []
    size = 0
    for path in paths:
        catalog = Catalog.read(path)
        todo = [e for e in catalog.entries() if _pending(e, engine)]
        if not todo:
            continue
        chunk.append((catalog, todo))
        size += len(todo)
        if size >= CHUNK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class _Filler:
    """Fills pending entries of one language: memory first, then the engine."""

    def __init__(
        self,
        settings: Settings,
        lang: str,
        engine_name: str,
        glossary: Glossary,
        memory: Memory,
        report: LanguageReport,
        n_best: int,
    ) -> None:
        self.settings, self.lang, self.glossary, self.memory = settings, lang, glossary, memory
        self.report, self.n_best = report, n_best
        self.engine_name = engine_name
        self.engine: Any = None
        self.reviewed_in_memory = memory.count(settings.source, lang, "reviewed") > 0
        report.engine = self.engine_name

    def _engine(self) -> Any:
        if self.engine is None:
            from l10n.engines import engine_for

            self.engine = engine_for(
                self.settings, self.settings.source, self.lang, self.engine_name
            )
        return self.engine

    def fill(self, chunk: list[tuple[Catalog, list[Entry]]], advance: Callable[[int], None]) -> int:
        """Fill every pending entry of the chunk; write each catalog; return entries done.
        ``advance(n)`` is told as entries are filled."""
        todo: list[tuple[Catalog, Entry]] = []
        for catalog, entries in chunk:
            for entry in entries:
                if not self._from_memory(catalog, entry):
                    todo.append((catalog, entry))
        size = sum(len(entries) for _, entries in chunk)
        advance(size - len(todo))
        if todo:
            with self.memory.transaction():
                self._from_engine(todo, advance)
        for catalog, _ in chunk:
            if catalog.write():
                self.report.wrote(self.settings, catalog.path)
        return size

    def _from_memory(self, catalog: Catalog, entry: Entry) -> bool:
        source, lang = self.settings.source, self.lang
        exact = self.memory.exact(entry.msgid, source, lang)
        if exact is not None and exact.kind == "reviewed":
            catalog.set_suggestion(entry.msgid, exact.target_text, f"100% from {exact.origin}")
            self.report.memory_exact += 1
            return True
        if not self.reviewed_in_memory:
            return False
        matches = self.memory.fuzzy(
            entry.msgid, source, lang, self.settings.fuzzy_threshold, limit=1, kind="reviewed"
        )
        if matches:
            best = matches[0]
            note = f"{round(best.score * 100)}% from {best.unit.origin}: {best.unit.source_text}"
            catalog.set_suggestion(entry.msgid, best.unit.target_text, note)
            self.report.memory_fuzzy += 1
            return True
        return False

    def _from_engine(
        self, todo: list[tuple[Catalog, Entry]], advance: Callable[[int], None]
    ) -> None:
        from l10n.enforce import translate_segments

        engine = self._engine()
        source, lang = self.settings.source, self.lang
        texts = [entry.msgid for _, entry in todo]
        matches = [self.glossary.find(text, lang) for text in texts]
        results = translate_segments(
            engine, texts, matches, source, lang, n_best=self.n_best, progress=advance
        )
        model = engine.describe(source, lang)
        for (catalog, entry), result in zip(todo, results, strict=True):
            notes = [TermNote(t.source, t.target, t.status) for t in result.terms]
            if not result.text:
                catalog.set_hints(entry.msgid, notes)
                self.report.hints += 1
                continue
            catalog.set_machine(
                entry.msgid, result.text, Provenance(self.engine_name, model, result.score), notes
            )
            self.memory.add_machine(entry.msgid, result.text, source, lang, self.engine_name, model)
            self.report.machine += 1
            self.report.glossary_misses += sum(t.status == "missing" for t in result.terms)
