"""Quality checks over catalogs (``l10n check``): the project's, or any PO files.

Project form: ``locales/<lang>/<slug>.po`` for each article (all, or those named) and
target language (the configured ones, or those named). File form (:func:`check_files`):
the PO files given, from anywhere (Weblate, a vendor), each in the language of its
``Language`` header unless one is given, against the glossary given (else the project's,
when there is a project).

The glossary is loaded first (a broken one stops the run with GlossaryError before any
catalog is read), then :data:`l10n.qa.CHECKS` run on every entry, honouring its
``ignore-*`` flags. ``only`` keeps entries in one state (:data:`ONLY_STATES`). A missing
catalog is one ``untranslated`` warning; a broken one is a CatalogError. ``annotate``
writes each catalog's findings into it as ``#. check:`` comments
(:func:`l10n.catalog.annotate`), old ones removed.
"""

from __future__ import annotations

import contextlib
import pickle
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from l10n.catalog import FUZZY, MACHINE, REVIEWED, UNTRANSLATED, Catalog, annotate
from l10n.catalog.annotate import Key
from l10n.config import Settings
from l10n.errors import L10nError, L10nWarning, LanguageError, Problem, UsageError
from l10n.fsutil import SHORT_WAIT, project_lock
from l10n.glossary import Glossary, load_glossary
from l10n.incremental import RunKey
from l10n.incremental.cached import Cache
from l10n.incremental.sources import Source
from l10n.incremental.spans import Spans
from l10n.lang import is_language_code, validate_language
from l10n.model import Finding, Severity
from l10n.qa import CheckContext
from l10n.qa.catalog import catalog_findings
from l10n.qa.report import TextBlock, text_block

ONLY_STATES = (REVIEWED, MACHINE, FUZZY, UNTRANSLATED)
_Findings = tuple[Finding, ...]  # the fact ``check`` keeps of a catalog, and a span's item


@dataclass(frozen=True)
class CheckResult:
    """Findings, and the catalogs ``--annotate`` rewrote. The project form's findings are
    a stream (maybe hundreds of thousands): iterate once, then ``annotated`` and
    ``problems`` are complete. ``text``: with ``as_text``, the findings as text blocks,
    one per catalog (then ``findings`` is empty)."""

    findings: Iterable[Finding]
    annotated: Sequence[Path] = ()
    problems: Sequence[Problem] = ()  # articles that could not be read (left out)
    text: Iterable[TextBlock] = ()


def _only(only: str | None) -> None:
    if only is not None and only not in ONLY_STATES:
        raise UsageError(f"--only must be one of {', '.join(ONLY_STATES)}, not '{only}'")


def check_project(
    settings: Settings,
    articles: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
    only: str | None = None,
    *,
    annotate: bool = False,
    as_text: bool = False,
) -> CheckResult:
    """The project form of ``l10n check``: findings streamed by language, article, entry
    (a language after the first waits in a temporary file); ``as_text``: as the text
    ``l10n check`` writes (a replayed span gives its recorded text, nothing decoded)."""
    run = RunKey.of(check_project, locals())
    _only(only)
    targets = settings.target_languages(langs)
    problems: list[Problem] = []
    written: list[Path] = []
    found = _project_findings(settings, articles, targets, only, annotate, run, problems,
                              written, as_text)
    if as_text:
        return CheckResult((), written, problems, found)
    return CheckResult(found, written, problems)


def _project_findings(settings: Settings, articles: Sequence[Path] | None,
                      targets: tuple[str, ...], only: str | None, annotate: bool,
                      run: RunKey, problems: list[Problem],
                      written: list[Path], as_text: bool) -> Iterator[Any]:
    lock = partial(project_lock, settings.state_dir, wait=SHORT_WAIT)
    with Cache.open(settings) as cache, contextlib.ExitStack() as files:
        glossary = cache.glossary()

        def work(source: Source) -> tuple[_Findings, ...] | tuple[TextBlock, ...]:
            """Per language, the catalog's findings as ``check`` shows them."""
            found: list[_Findings] = []
            for lang in targets:
                path = settings.catalog_path(lang, source.slug)
                shown = cache.shown(path)
                ctx = CheckContext(settings.source, lang, glossary, shown)
                if annotate and path.is_file():
                    catalog = Catalog.read(path)
                    found.append(tuple(_annotated(catalog, ctx, only, written, lock)))
                    continue
                rows = None if annotate else cache.result(
                    path, "check", cache.key("check", lang, only) + shown,  # + the name shown
                    _Findings, partial(_findings, ctx=ctx, only=only))
                if rows is None:  # no catalog
                    rows = (_no_catalog(shown, lang),) if only in (None, UNTRANSLATED) else ()
                found.append(rows)
            return tuple(text_block(rows) for rows in found) if as_text else tuple(found)

        # the other languages' findings wait in temporary files of this run's own
        # (pickled per article: read back by this process only, and fast)
        later = [files.enter_context(tempfile.TemporaryFile()) for _ in targets[1:]]
        spans = files.enter_context(Spans(
            cache, articles, problems, None if annotate else "check", run,
            tuple[TextBlock, ...] if as_text else tuple[_Findings, ...]))
        for item in spans.each(work):
            yield from [item[0]] if as_text else item[0]
            for spill, rows in zip(later, item[1:], strict=True):
                if as_text:  # a TextBlock as a plain tuple: a dataclass pickles slowly
                    pickle.dump((rows.text, rows.errors, rows.warnings), spill,
                                pickle.HIGHEST_PROTOCOL)
                elif rows:
                    pickle.dump(rows, spill, pickle.HIGHEST_PROTOCOL)
        for spill in later:
            spill.seek(0)
            while True:
                try:
                    rows = pickle.load(spill)
                except EOFError:
                    break
                yield from [TextBlock(*rows)] if as_text else rows


def record_check(cache: Cache, catalog: Catalog, lang: str, findings: list[Finding]) -> None:
    """Record a catalog just written with its ``findings`` (without ``--only``) under
    ``check``'s key, so that the next ``check`` does not read it."""
    shown = cache.shown(catalog.path)
    cache.record(catalog, "check", cache.key("check", lang, None) + shown, tuple(findings))


def _findings(catalog: Catalog, *, ctx: CheckContext, only: str | None) -> _Findings:
    """The catalog's findings (the fact the state keeps)."""
    return tuple(catalog_findings(catalog, ctx, only))


def check_files(
    settings: Settings,
    paths: Sequence[Path],
    *,
    lang: str | None = None,
    source: str | None = None,
    glossary: Path | None = None,
    only: str | None = None,
    annotate: bool = False,
    everything: bool = False,
) -> CheckResult:
    """The file form of ``l10n check``: the PO files at ``paths``. ``annotate`` writes
    what ``check`` shows: no ``info`` findings unless ``everything`` (``--all``)."""
    _only(only)
    terms = _glossary(settings, glossary)
    source_lang = validate_language(source or settings.source)
    given = validate_language(lang) if lang and not is_language_code(lang) else lang
    findings: list[Finding] = []
    written: list[Path] = []
    problems: list[Problem] = []
    lock: Callable[[], contextlib.AbstractContextManager[None]] = (
        partial(project_lock, settings.state_dir, wait=SHORT_WAIT)
        if settings.config_file is not None else contextlib.nullcontext)
    for path in paths:  # one file that cannot be read never stops the others
        try:
            catalog = Catalog.read(path)
            target = _language(catalog, given)
        except L10nError as exc:
            problems.append(Problem.of(exc))
            continue
        ctx = CheckContext(source_lang, target, terms, settings.display(catalog.path), grade=True)
        findings += (_annotated(catalog, ctx, only, written, lock, everything) if annotate
                     else catalog_findings(catalog, ctx, only))
    return CheckResult(tuple(findings), tuple(written), tuple(problems))


def _glossary(settings: Settings, path: Path | None) -> Glossary | None:
    """``--glossary`` (a folder or one file), else the project's when there is a project."""
    if path is not None:
        if not path.exists():
            raise UsageError("glossary not found", path=path,
                             hint="give a glossary folder or one glossary .toml file")
        return load_glossary(path)
    return load_glossary(settings.glossary_dir) if settings.config_file is not None else None


def _language(catalog: Catalog, lang: str | None) -> str:
    """The catalog's language: ``--lang``, else its ``Language`` header, else its file name
    (``ko.po``, ``sr@latin.po``). A code CLDR does not know (``mjw``, ``ie``) is checked
    too, with a warning that the language-dependent checks fall back to generic rules."""
    code = lang or catalog.language.strip() or (
        catalog.path.stem if is_language_code(catalog.path.stem) else "")
    if not code:
        raise UsageError("the catalog has no Language header", path=catalog.path,
                         hint="say its language with --lang, e.g. --lang ko")
    try:
        return validate_language(code)
    except LanguageError:
        if not is_language_code(code):
            raise
        warnings.warn(L10nWarning(
            f"language '{code}' is not in CLDR: numbers, lengths and plural checks use "
            "generic rules", path=catalog.path,
            hint="give a CLDR code with --lang if there is one (e.g. --lang pt_BR)"),
            stacklevel=2)
        return code


def _annotated(
    catalog: Catalog, ctx: CheckContext, only: str | None, written: list[Path],
    lock: Callable[[], contextlib.AbstractContextManager[None]], everything: bool = True,
) -> list[Finding]:
    """The catalog's findings, written into it (``--annotate``; ``info`` ones only with
    ``everything``) under the project's ``lock`` (:mod:`l10n.catalog.annotate`). The
    notes cover every entry, whatever ``only`` shows."""
    notes: dict[Key, list[Finding]] = {}
    found = catalog_findings(catalog, ctx, only, notes)
    with lock():
        if annotate(catalog.path, {key: [f"{f.check}: {f.message}" for f in mine
                                         if everything or f.severity != Severity.INFO]
                                   for key, mine in notes.items()}, catalog.disk_text):
            written.append(catalog.path)
    return found


def _no_catalog(shown: str, lang: str) -> Finding:
    return Finding("untranslated", Severity.WARNING,
                   "no catalog for this article yet: run `l10n translate`", shown, 0, "", lang)
