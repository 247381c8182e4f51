"""Fill the catalogs' gaps (``l10n translate``): merge, then memory, then the engine.

The order of work is what keeps a run safe and fast:

1. the glossary and every article are read (and so validated), and the engine of each
   language created with its options and checked to serve the pair (an unknown engine,
   a bad ``[engines.<name>]`` option or a missing model stops the run here), before
   anything is written;
2. one lock per project: a second run stops at once;
3. article by article, the template is extracted and merged into each catalog
   (:mod:`l10n.workflow.update`); every reviewed entry is harvested into the translation
   memory as the catalog is read, before the merge can move it; the entries the run may
   fill (:func:`pending`) join their language's chunk, with the catalog object itself
   (no second read);
4. a language's chunk is filled once it holds about :data:`CHUNK` segments, and at the
   end: exact memory matches first, then fuzzy memory suggestions, then the engine (one
   batch per chunk, under the glossary). Each catalog of the chunk is written atomically
   as soon as the chunk is done, so a killed run loses at most one chunk, a re-run
   resumes where it stopped, and no more than a chunk per language is held in memory;
5. the engine's model is loaded only when there is something to translate.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from l10n.catalog import Catalog, Entry, Provenance
from l10n.config import Settings
from l10n.engines import Engine, default_engine_name, ready_engine
from l10n.engines.enforce import translate_segments
from l10n.errors import (
    EngineError,
    EngineOptionError,
    L10nError,
    ModelError,
    Problem,
    UsageError,
)
from l10n.fsutil import project_lock, remove_stale_temporaries
from l10n.glossary import Glossary, load_glossary
from l10n.glossary.verify import distinct_terms
from l10n.memory import REVIEWED, Memory
from l10n.model import MISSING
from l10n.state import State, code_key, glossary_key, key
from l10n.workflow.catalog_state import CatalogState, memory_identity
from l10n.workflow.extract import Segmenting, article_paths
from l10n.workflow.sources import stream_sources
from l10n.workflow.update import LanguageReport, RunReport, merged_catalogs

ReportProgress = Callable[[str, int, int], None]  # (language, done, total so far)
CHUNK = 1024  # segments per engine call: full batches on every core, bounded memory


PLACEHOLDERS = ("pseudo", "none")  # engines whose output never replaces another's
RETRANSLATE = ("machine",)


@dataclass(frozen=True, slots=True)
class Basis:
    """What untouched machine output of a language must still agree with to be kept: the
    engine and model that would translate it now, and the glossary."""

    engine: str
    model: str = ""
    glossary: Glossary | None = None
    lang: str = ""
    retranslate: bool = False  # ``--retranslate machine``: redo all untouched machine output


def pending(entry: Entry, basis: Basis | str) -> bool:
    """Entries the run may fill: no translation yet, or untouched machine output that is
    out of date: its source changed (``#| msgid``), the glossary terms of its segment
    changed, or it came from another engine or model than the one this run uses (pseudo
    output is replaced by a real engine; ``pseudo`` and ``none`` never replace another
    engine's output), or ``--retranslate machine``. A translator's work (reviewed or
    edited) is never pending."""
    if isinstance(basis, str):
        basis = Basis(basis)
    if not entry.msgstr:
        return True
    if not entry.is_machine:
        return False
    prov = entry.provenance
    if entry.previous_msgid is not None or basis.retranslate:
        return True
    if prov is None or prov.engine != basis.engine:
        return basis.engine not in PLACEHOLDERS
    if basis.model and prov.model and prov.model != basis.model:
        return True
    return basis.glossary is not None and _terms_changed(entry, basis.glossary, basis.lang)


def _terms_changed(entry: Entry, glossary: Glossary, lang: str) -> bool:
    """Whether the glossary's terms of the entry's source differ from those it was
    translated under (its ``term:`` comments)."""
    now = {(source, form) for source, form, _, _ in distinct_terms(glossary.find(entry.msgid,
                                                                               lang), lang)}
    return now != {(term.source, term.target) for term in entry.terms}


def translate(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
    *,
    engine_name: str | None = None,
    progress: ReportProgress | None = None,
    n_best: int = 4,
    retranslate: str | None = None,
    segmenting: Segmenting | None = None,
) -> RunReport:
    """Merge, then fill every pending entry (memory, then the engine). A broken article or
    a language without a model is reported in ``RunReport.problems`` and the rest is done."""
    if retranslate is not None and retranslate not in RETRANSLATE:
        raise UsageError(f"--retranslate takes {' or '.join(RETRANSLATE)}, not '{retranslate}'")
    report = RunReport()
    targets = settings.target_languages(langs)
    glossary = load_glossary(settings.glossary_dir)
    files = article_paths(settings, paths)
    engines = _engines(settings, targets, engine_name, report.problems)
    targets = tuple(lang for lang in targets if lang in engines)
    with (project_lock(settings.state_dir), Memory.open(settings.memory_path) as memory,
          State.open(settings.state_dir) as state):
        remove_stale_temporaries(settings.locales_dir, depth=1)
        code, terms = code_key(), glossary_key(settings.glossary_dir)
        keys = {lang: key("translate", name, describe(engine, settings.source, lang), terms)
                for lang, (name, engine) in engines.items()}
        known = CatalogState(settings, state, code, memory_identity(settings.memory_path), keys,
                             skip=retranslate is None)
        sources = stream_sources(settings, files, state, code, report.problems)
        fillers: dict[str, _Filler] = {}
        for lang, catalog in merged_catalogs(settings, sources, targets, report, memory,
                                             known=known, segmenting=segmenting):
            if lang not in fillers:
                name, engine = engines[lang]
                fillers[lang] = _Filler(
                    settings, lang, name, engine, glossary, memory, report.languages[lang],
                    n_best, _Steps(lang, progress),
                )
                fillers[lang].basis = Basis(name, describe(engine, settings.source, lang),
                                            glossary, lang, retranslate is not None)
            filler = fillers[lang]
            todo = [e for e in catalog.entries() if pending(e, filler.basis)]
            if todo:
                known.settle_when_written(catalog, lang, partial(pending, basis=filler.basis))
                filler.add(catalog, todo)
            else:
                known.record(catalog, lang, settled=True)
        for lang in known.skipped - set(fillers):  # as if its filler had seen them
            report.languages[lang].engine = engines[lang][0]
        for filler in fillers.values():
            filler.flush()
            # an engine such as none or pseudo translates, but loads no model
            report.model_loaded |= filler.used and getattr(filler.engine, "loads_model", True)
            filler.report.seconds = round(filler.report.seconds, 3)
    return report


def describe(engine: Engine, source: str, target: str) -> str:
    """The engine's model as provenance records it ("" when the engine does not say)."""
    describe_ = getattr(engine, "describe", None)
    return str(describe_(source, target)) if callable(describe_) else ""


class _Steps:
    """Drives the progress callback of one language: the total grows as catalogs are
    merged, the engine reports segments as they finish, and each finished chunk settles
    the count (an engine may not report at all)."""

    def __init__(self, lang: str, progress: ReportProgress | None) -> None:
        self.lang, self.progress = lang, progress
        self.total = self.done = self.settled = 0

    def discover(self, count: int) -> None:
        self.total += count
        self._tell()

    def advance(self, count: int) -> None:
        self.done = min(self.done + count, self.total)
        self._tell()

    def settle(self, count: int) -> None:
        self.settled += count
        if self.settled != self.done:
            self.done = self.settled
            self._tell()

    def _tell(self) -> None:
        if self.progress:
            self.progress(self.lang, self.done, self.total)


def _engines(
    settings: Settings, targets: Sequence[str], name: str | None, problems: list[Problem]
) -> dict[str, tuple[str, Engine]]:
    """The engine of each language (its name and the engine, created with its options
    and checked to serve the pair, no model loaded yet), before anything is written: an
    unknown engine or a bad option stops the run here; a language without a model (or an
    engine that cannot translate the pair) is a problem and the other languages go on,
    unless no language is left (then its error stops the run, before any write)."""
    chosen: dict[str, tuple[str, Engine]] = {}
    missing: list[L10nError] = []
    for lang in targets:
        try:
            engine = ready_engine(settings, settings.source, lang, name)
            label = name or default_engine_name(settings, settings.source, lang)
        except (ModelError, EngineError) as exc:
            if isinstance(exc, EngineOptionError) or exc.exit_code != 3:
                raise
            missing.append(exc)
            continue
        chosen[lang] = (label, engine)
    if missing and not chosen:  # nothing can be translated: say so before writing anything
        raise missing[0]
    problems += [Problem.of(exc) for exc in missing]
    return chosen


class _Filler:
    """Fills pending entries of one language, a chunk at a time: memory, then the engine."""

    def __init__(
        self,
        settings: Settings,
        lang: str,
        engine_name: str,
        engine: Engine,
        glossary: Glossary,
        memory: Memory,
        report: LanguageReport,
        n_best: int,
        steps: _Steps,
    ) -> None:
        self.settings, self.lang, self.glossary, self.memory = settings, lang, glossary, memory
        self.report, self.n_best, self.steps = report, n_best, steps
        self.engine_name, self.engine = engine_name, engine
        self.used = False  # the engine translated something (its model was loaded)
        self.basis = Basis(engine_name)
        self.chunk: list[tuple[Catalog, list[Entry]]] = []
        self.size = 0
        report.engine = self.engine_name

    def add(self, catalog: Catalog, entries: list[Entry]) -> None:
        """Queue a catalog's pending entries; fill the chunk once it is big enough."""
        self.chunk.append((catalog, entries))
        self.size += len(entries)
        self.steps.discover(len(entries))
        if self.size >= CHUNK:
            self.flush()

    def flush(self) -> None:
        """Fill every queued entry; write each catalog; report what was done."""
        if not self.chunk:
            return
        started = time.perf_counter()
        chunk, size = self.chunk, self.size
        self.chunk, self.size = [], 0
        todo: list[tuple[Catalog, Entry]] = []
        self.reviewed_in_memory = self.memory.count(self.settings.source, self.lang, REVIEWED) > 0
        for catalog, entries in chunk:
            for entry in entries:
                if not self._from_memory(catalog, entry):
                    todo.append((catalog, entry))
        self.steps.advance(size - len(todo))
        if todo:
            with self.memory.transaction():
                self._from_engine(todo)
        for catalog, entries in chunk:
            if catalog.write():
                self.report.wrote(self.settings, catalog.path)
            before = sum(1 for e in entries if not e.msgstr)
            after = sum(1 for e in entries if not catalog.msgstr(e.msgid))
            self.report.untranslated -= before - after
        self.steps.settle(size)
        self.report.seconds += time.perf_counter() - started

    def _from_memory(self, catalog: Catalog, entry: Entry) -> bool:
        source, lang = self.settings.source, self.lang
        exact = self.memory.exact(entry.msgid, source, lang)
        if exact is not None and exact.kind == REVIEWED:
            catalog.set_suggestion(entry.msgid, exact.target_text, f"100% from {exact.origin}",
                                   reviewed=self.settings.memory_exact == REVIEWED)
            self.report.memory_exact += 1
            return True
        if not self.reviewed_in_memory:
            return False
        matches = self.memory.fuzzy(
            entry.msgid, source, lang, self.settings.fuzzy_threshold, limit=1, kind=REVIEWED
        )
        if matches:
            best = matches[0]
            note = f"{round(best.score * 100)}% from {best.unit.origin}: {best.unit.source_text}"
            catalog.set_suggestion(entry.msgid, best.unit.target_text, note)
            self.report.memory_fuzzy += 1
            return True
        return False

    def _from_engine(self, todo: list[tuple[Catalog, Entry]]) -> None:
        engine: Any = self.engine
        self.used = True
        source, lang = self.settings.source, self.lang
        texts = [entry.msgid for _, entry in todo]
        matches = [self.glossary.find(text, lang) for text in texts]
        try:
            results = translate_segments(
                engine, texts, matches, source, lang, n_best=self.n_best,
                progress=self.steps.advance,
            )
        except EngineOptionError as exc:  # found when the model loads (compute_type)
            raise self.settings.config_error(exc.message, exc.option, hint=exc.hint,
                                             table=f"engines.{exc.engine}") from None
        model = engine.describe(source, lang)
        for (catalog, entry), result in zip(todo, results, strict=True):
            if not result.text:
                catalog.set_hints(entry.msgid, result.terms)
                self.report.hints += bool(result.terms)  # entries that show a term's target
                continue
            catalog.set_machine(
                entry.msgid, result.text, Provenance(self.engine_name, model, result.score),
                result.terms,
            )
            self.memory.add_machine(entry.msgid, result.text, source, lang, self.engine_name, model,
                                    origin=self.settings.reference(catalog.path))
            self.memory.set_alternatives(
                entry.msgid, source, lang, result.alternatives, self.engine_name, model
            )
            self.report.machine += 1
            self.report.glossary_misses += sum(t.status == MISSING for t in result.terms)
