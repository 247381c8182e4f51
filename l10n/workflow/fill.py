"""Filling catalogs' pending entries as one stream (the heart of ``l10n translate``).

Merged catalogs (:mod:`l10n.workflow.update`) wait per language until about
:data:`INTAKE` pending entries (:meth:`Filler.pending`) have come, or the run ends: by
then all those catalogs' reviewed entries are in the memory, so one article's reviewed
sentence fills another's. A pending entry is looked up in the memory, else becomes an
:class:`~l10n.engines.enforce.Enforcement` whose requests join one
:class:`~l10n.runners.Stream` with every other catalog's, language's and round's (each
round one pass over the run, in batches that suit the runner). A catalog is written as
soon as its last entry is resolved: a killed run leaves each catalog merged or filled,
never torn, and a re-run fills the rest. The stream's window bounds what the driver
holds, whatever the archive's size.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from l10n.catalog import Catalog, Entry, Provenance
from l10n.config import Settings
from l10n.engines.enforce import Ask, Enforced, Enforcement
from l10n.glossary import Glossary
from l10n.glossary.verify import distinct_terms
from l10n.memory import REVIEWED, Memory
from l10n.memory.history import changes
from l10n.model import MISSING, Hypothesis
from l10n.runners import Key, Stream
from l10n.workflow.update import LanguageReport

ReportProgress = Callable[[str, int, int], None]  # (language, done, total so far)
PLACEHOLDERS = ("pseudo", "none")  # engines whose output never replaces another's
INTAKE = 1024  # pending entries per language read before their memory look-ups


@dataclass
class Language:
    """One target language of a run: its engine (an index into the run's), what provenance
    names, its report and progress. The total grows as catalogs merge; an entry is done
    when resolved, or earlier when an engine reports its text; never back, ends at total."""

    lang: str
    engine: int
    engine_name: str
    model: str
    report: LanguageReport
    progress: ReportProgress | None = None
    reviewed_in_memory: bool = False
    began: float | None = None
    intake: list[tuple[Catalog, list[Entry]]] = field(default_factory=list)
    waiting: int = 0  # pending entries in the intake
    total: int = 0  # progress: entries merged, resolved, counted ahead, shown
    resolved: int = 0
    partial: int = 0
    done: int = 0

    def discover(self, count: int) -> None:
        self.total += count
        self._tell(force=True)

    def advance(self, count: int) -> None:
        self.partial += count
        self._tell()

    def resolve(self, count: int) -> None:
        self.resolved += count
        self.partial = max(0, self.partial - count)
        self._tell()

    def _tell(self, force: bool = False) -> None:
        shown = min(self.total, self.resolved + self.partial)
        if shown > self.done or force:
            self.done = max(self.done, shown)
            if self.progress:
                self.progress(self.lang, self.done, self.total)


@dataclass
class _Job:
    """One catalog's pending entries on their way: results gathered until the last."""

    catalog: Catalog
    language: Language
    entries: list[Entry]
    remaining: int = 0
    results: list[tuple[Entry, Enforced]] = field(default_factory=list)


class Filler:
    """Fills the catalogs given to :meth:`add` through ``stream`` (see the module)."""

    def __init__(
        self, settings: Settings, glossary: Glossary, memory: Memory, stream: Stream,
        languages: dict[str, Language], n_best: int,
        written: Callable[[Catalog, str, bool], None], *, retranslate: bool = False,
    ) -> None:
        self.settings, self.glossary, self.memory = settings, glossary, memory
        self.stream, self.languages, self.n_best = stream, languages, n_best
        self.written = written  # (catalog, lang, nothing left pending) once written
        self.retranslate = retranslate  # ``--retranslate machine``: redo untouched machine output

    def pending(self, entry: Entry, language: Language) -> bool:
        """Whether the run may fill the entry: no translation yet, or untouched machine
        output out of date: its source (``#| msgid``) or its segment's glossary terms
        changed, another engine or model made it (``pseudo`` and ``none`` never replace
        another engine's output), or ``--retranslate machine``. A translator's work
        (reviewed or edited) is never pending."""
        if not entry.msgstr:
            return True
        if not entry.is_machine:
            return False
        prov = entry.provenance
        if entry.previous_msgid is not None or self.retranslate:
            return True
        if prov is None or prov.engine != language.engine_name:
            return language.engine_name not in PLACEHOLDERS
        if language.model and prov.model and prov.model != language.model:
            return True
        # the glossary's terms of the entry's source, and those it was translated under
        found = distinct_terms(self.glossary.find(entry.msgid, language.lang), language.lang)
        return {(source, form) for source, form, _, _ in found} != {
            (term.source, term.target) for term in entry.terms}

    def add(self, catalog: Catalog, lang: str) -> None:
        """Fill the :meth:`pending` entries of ``catalog`` once the intake is full (a catalog
        with none is told ``written`` at once); then throttle the stream."""
        language = self.languages[lang]
        entries = [e for e in catalog.entries() if self.pending(e, language)]
        if not entries:
            self.written(catalog, lang, True)
        else:
            if language.began is None:
                language.began = time.perf_counter()
            language.discover(len(entries))
            language.intake.append((catalog, entries))
            language.waiting += len(entries)
            if language.waiting >= INTAKE:
                self._admit(language)
        self.stream.throttle()

    def flush(self) -> None:
        """Admit what every language's intake holds (the run's catalogs are all read)."""
        for language in self.languages.values():
            self._admit(language)

    def _admit(self, language: Language) -> None:
        """Fill the intake's catalogs: from memory now, the rest through the stream."""
        intake, language.intake, language.waiting = language.intake, [], 0
        if intake and not language.reviewed_in_memory:  # once true, true for the run
            language.reviewed_in_memory = self.memory.count(
                self.settings.source, language.lang, REVIEWED) > 0
        for catalog, entries in intake:
            self._start(language, catalog, entries)

    def _start(self, language: Language, catalog: Catalog, entries: list[Entry]) -> None:
        job = _Job(catalog, language, entries)
        for entry in entries:
            if self._from_memory(language, catalog, entry):
                language.resolve(1)
                continue
            matches = self.glossary.find(entry.msgid, language.lang)
            enforcement = Enforcement(entry.msgid, matches, language.lang, self.n_best)
            job.remaining += 1
            self._ask(job, entry, enforcement, enforcement.first)
        if not job.remaining:
            self._finish(job)

    def _ask(self, job: _Job, entry: Entry, enforcement: Enforcement, ask: Ask) -> None:
        language = job.language

        def answer(hypotheses: list[Hypothesis]) -> None:
            following = enforcement.step(hypotheses)
            if following is not None:
                self._ask(job, entry, enforcement, following)
                return
            assert enforcement.result is not None
            job.results.append((entry, enforcement.result))
            job.remaining -= 1
            language.resolve(1)
            if not job.remaining:
                self._finish(job)

        key = Key(language.engine, self.settings.source, language.lang, ask.n_best)
        self.stream.put(key, ask.text, answer)

    def _finish(self, job: _Job) -> None:
        """Every entry of the catalog is resolved: record the results, write it."""
        catalog, language = job.catalog, job.language
        before = sum(1 for e in job.entries if not e.msgstr)
        if job.results:
            with self.memory.transaction():
                for entry, result in job.results:
                    self._record(language, catalog, entry, result)
        if catalog.write():
            language.report.wrote(self.settings, catalog.path)
        self.written(catalog, language.lang,
                     not any(self.pending(e, language) for e in catalog.entries()))
        filled = [catalog.get(entry.msgid) for entry in job.entries]
        self.memory.record(changes(  # the entries' history: what the memory or engine wrote
            job.entries, [e for e in filled if e is not None],
            who=f"translate: {language.engine_name}", lang=language.lang, slug=catalog.path.stem))
        after = sum(1 for e in job.entries if not catalog.msgstr(e.msgid))
        language.report.untranslated -= before - after
        if language.began is not None:
            language.report.seconds = round(time.perf_counter() - language.began, 3)

    def _record(self, language: Language, catalog: Catalog, entry: Entry,
                result: Enforced) -> None:
        report, source, lang = language.report, self.settings.source, language.lang
        if not result.text:
            catalog.set_hints(entry.msgid, result.terms)
            report.hints += bool(result.terms)  # entries that show a term's target
            return
        name, model = language.engine_name, language.model
        catalog.set_machine(entry.msgid, result.text, Provenance(name, model, result.score),
                            result.terms)
        self.memory.add_machine(entry.msgid, result.text, source, lang, name, model,
                                origin=self.settings.reference(catalog.path))
        self.memory.set_alternatives(entry.msgid, source, lang, result.alternatives, name, model)
        report.machine += 1
        report.glossary_misses += sum(t.status == MISSING for t in result.terms)

    def _from_memory(self, language: Language, catalog: Catalog, entry: Entry) -> bool:
        source, lang, report = self.settings.source, language.lang, language.report
        exact = self.memory.exact(entry.msgid, source, lang)
        if exact is not None and exact.kind == REVIEWED:
            catalog.set_suggestion(entry.msgid, exact.target_text, f"100% from {exact.origin}",
                                   reviewed=self.settings.memory_exact == REVIEWED)
            report.memory_exact += 1
            return True
        if not language.reviewed_in_memory:
            return False
        matches = self.memory.fuzzy(
            entry.msgid, source, lang, self.settings.fuzzy_threshold, limit=1, kind=REVIEWED
        )
        if matches:
            best = matches[0]
            note = f"{round(best.score * 100)}% from {best.unit.origin}: {best.unit.source_text}"
            catalog.set_suggestion(entry.msgid, best.unit.target_text, note)
            report.memory_fuzzy += 1
            return True
        return False
