"""Fill the catalogs' gaps (``l10n translate``): merge, then memory, then the engine, in
the order that keeps a run safe and fast:

1. before anything is written: the glossary is read (so validated), each language's
   engine created with its options and checked (:func:`_languages`), and the runner
   checked (``--runner ray`` needs Ray);
2. one lock per project: a second run stops at once;
3. article by article (streamed: a broken one is reported and left out), the template is
   extracted and merged into each catalog, every reviewed entry harvested into the
   memory first (:mod:`l10n.workflow.update`); a catalog the state knows needs no work
   (:mod:`l10n.incremental.catalogs`) is not even read;
4. the pending entries are filled from memory, the rest stream through the runner under
   the glossary, here or on a Ray cluster (:mod:`l10n.runners`), each catalog written
   once its last entry is filled (:mod:`l10n.workflow.fill`);
5. the model is loaded (and a Ray cluster joined) only when there is something to
   translate.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from l10n.config import Settings
from l10n.engines import Engine, default_engine_name, describe_engine, engine_spec, ready_engine
from l10n.errors import EngineError, EngineOptionError, L10nError, ModelError, Problem, UsageError
from l10n.incremental import RunKey, State, code_key, glossary_key, key
from l10n.incremental.cached import cached_glossary
from l10n.incremental.sources import article_paths
from l10n.runners import EngineSpec, Notice, Runner, Stream, check_runner, make_runner
from l10n.workflow.extract import Segmenting
from l10n.workflow.fill import Filler, Language, ReportProgress
from l10n.workflow.update import LanguageReport, RunReport, catalog_run, merged_catalogs

RETRANSLATE = ("machine",)


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
    runner: str | None = None,
    address: str | None = None,
    notice: Notice | None = None,
    use_runner: Runner | None = None,
) -> RunReport:
    """Merge, then fill every pending entry (memory, then the engine). A broken article or
    a language without a model is reported in ``RunReport.problems`` and the rest done.
    ``runner`` and ``address`` override the config's ``[runner]``; ``notice`` gets the
    runner's progress lines (where its workers run, where their models come from);
    ``use_runner``: a runner the caller made (benchmarks)."""
    run = RunKey.of(translate, locals())
    if retranslate is not None and retranslate not in RETRANSLATE:
        raise UsageError(f"--retranslate takes {' or '.join(RETRANSLATE)}, not '{retranslate}'")
    plan = settings.runner.choose(runner, address)
    check_runner(plan)
    report = RunReport()
    targets = settings.target_languages(langs)
    code, terms = code_key(), glossary_key(settings.glossary_dir)
    with State(settings.state_dir) as state:  # read first: a broken one stops the run
        glossary = cached_glossary(state, settings.glossary_dir, code, terms)
    files = article_paths(settings, paths)
    languages, specs, built = _languages(settings, targets, engine_name, report, progress)
    targets = tuple(languages)
    pairs = [[(settings.source, lang) for lang, item in languages.items() if item.engine == i]
             for i in range(len(specs))]
    chosen = use_runner or make_runner(plan, built, specs, pairs)
    keys = {lang: key("translate", item.engine_name, item.model, terms)
            for lang, item in languages.items()}
    with catalog_run(settings, run, code, terms, keys, skip=retranslate is None,
                     glossary=glossary) as (memory, known):
        stream = Stream(chosen, notice=notice,
                        progress=lambda lang, count: languages[lang].advance(count))
        filler = Filler(settings, glossary, memory, stream, languages, n_best, known.record,
                        retranslate=retranslate is not None)
        try:
            with known.spans(files, targets, report.problems) as spans:
                if merged_catalogs(settings, spans, targets, report, memory, known,
                                   segmenting=segmenting, take=filler.add):
                    for language in languages.values():  # every catalog was seen
                        language.report.engine = language.engine_name
                filler.flush()
                stream.drain()
        except EngineOptionError as exc:  # found when the model loads (compute_type)
            if exc.path is not None:
                raise
            raise settings.config_error(exc.message, exc.option, hint=exc.hint,
                                        table=f"engines.{exc.engine}") from None
        finally:
            if use_runner is None:
                chosen.close()
    # an engine such as none or pseudo translates, but loads no model
    report.model_loaded |= any(getattr(built[i], "loads_model", True) for i in stream.engines)
    return report


def _languages(
    settings: Settings,
    targets: Sequence[str],
    name: str | None,
    report: RunReport,
    progress: ReportProgress | None,
) -> tuple[dict[str, Language], list[EngineSpec], list[Engine]]:
    """Each language's engine (created with its options, checked to serve the pair, no
    model loaded) and state (its report in ``report``), the run's distinct engine specs
    and their engines. An unknown engine or a bad option stops the run; a language
    without a model (or an engine for the pair) is a problem and the others go on, unless
    none is left (then its error stops the run)."""
    specs: list[EngineSpec] = []
    built: list[Engine] = []
    languages: dict[str, Language] = {}
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
        spec = EngineSpec(*engine_spec(settings, settings.source, lang, label))
        if spec not in specs:
            specs.append(spec)
            built.append(engine)
        model = describe_engine(engine, label, settings.source, lang)
        lang_report = report.languages.setdefault(lang, LanguageReport(lang))
        languages[lang] = Language(lang, specs.index(spec), label, model, lang_report, progress)
    if missing and not languages:  # nothing can be translated: say so before writing
        raise missing[0]
    report.problems += [Problem.of(exc) for exc in missing]
    return languages, specs, built
