"""The engine interface: what the translation workflow needs from an engine.

The promise to engine packages is two methods (:class:`Engine`):

* ``translate_batch(texts, source, target, *, n_best=1) -> list[list[Hypothesis]]``
* ``supports(source, target) -> bool``

Everything else is optional and detected, never required:

* a ``progress`` keyword argument of ``translate_batch``: when the engine takes one, l10n
  passes a callable told how many texts were just finished (the calls of one batch add
  up to ``len(texts)``); otherwise l10n counts whole batches;
* ``describe(source, target)``: the model named in each translation's provenance; without
  it, the engine package's distribution name and version;
* ``name``: the engine's name; without it, its entry point's name;
* ``loads_model = False`` on an engine that loads no model (``none``, ``pseudo``), so
  that a run report's ``model_loaded`` says whether a model was really loaded.

:class:`BaseEngine` is a small base class for authors: implement ``translate_one`` (or
``translate_batch`` for speed), list ``pairs`` (or accept every pair) and set ``name`` and
``version``. See :mod:`l10n.engines` for registration and the rules every engine follows.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from l10n.errors import EngineError, L10nWarning, ModelError
from l10n.lang import base_language
from l10n.model import Hypothesis
from l10n.text.incoming import Refused, admit

Advance = Callable[[int], None]  # told how many texts were just finished


@runtime_checkable
class Engine(Protocol):
    """What the translation workflow needs from an engine (see the module docstring)."""

    def translate_batch(
        self, texts: Sequence[str], source: str, target: str, *, n_best: int = 1
    ) -> list[list[Hypothesis]]:
        """One list of hypotheses per text, best first (possibly fewer than ``n_best``)."""
        ...

    def supports(self, source: str, target: str) -> bool:
        """Whether the engine can translate from ``source`` to ``target``."""
        ...


class BaseEngine:
    """A base class for engine packages; l10n's workflow needs nothing more than it.

    Implement :meth:`translate_one` (one text at a time) or override
    :meth:`translate_batch` (a whole batch at once, the fast way). ``pairs`` lists the
    (source, target) pairs served, by language (``("en", "pt")`` serves ``pt_BR``);
    ``None`` serves every pair. Example, registered in the package's ``pyproject.toml``
    under ``[project.entry-points."l10n.engines"]`` as ``shouty = "shouty:create"``::

        class Shouty(BaseEngine):
            name, version = "shouty", "1.0"

            def translate_one(self, text, source, target, *, n_best=1):
                return [Hypothesis(text.upper())]

        def create(**options):  # options: the [engines.shouty] table of l10n.toml
            return Shouty()
    """

    name: str = ""
    version: str = ""
    pairs: frozenset[tuple[str, str]] | None = None

    def supports(self, source: str, target: str) -> bool:
        if self.pairs is None:
            return True
        wanted = {(source, target), (base_language(source), base_language(target))}
        return bool(wanted & self.pairs)

    def describe(self, source: str, target: str) -> str:
        return " ".join(part for part in (self.name, self.version) if part)

    def translate_one(
        self, text: str, source: str, target: str, *, n_best: int = 1
    ) -> list[Hypothesis]:
        """The hypotheses for one text, best first."""
        raise NotImplementedError(f"{type(self).__name__} implements neither translate_one "
                                  "nor translate_batch")

    def translate_batch(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        n_best: int = 1,
        progress: Advance | None = None,
    ) -> list[list[Hypothesis]]:
        results = []
        for text in texts:
            results.append(self.translate_one(text, source, target, n_best=n_best))
            if progress:
                progress(1)
        return results


def takes_progress(engine: Engine) -> bool:
    """Whether ``engine.translate_batch`` takes a ``progress`` keyword (or ``**kwargs``)."""
    try:
        params = inspect.signature(engine.translate_batch).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "progress" or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def run_batch(
    engine: Engine,
    texts: Sequence[str],
    source: str,
    target: str,
    n_best: int,
    progress: Advance | None = None,
) -> list[list[Hypothesis]]:
    """``engine.translate_batch``, with ``progress`` only for an engine that takes it, and
    its answer checked: one list of hypotheses per text, each through the gate for text
    entering a catalog (:mod:`l10n.text.incoming`): an answer that is not text, not valid
    Unicode or too long is an EngineError (exit 3) naming the engine and the segment;
    control characters are removed, with a warning saying so."""
    if not texts:
        return []
    if progress is not None and takes_progress(engine):
        call: Callable[..., list[list[Hypothesis]]] = engine.translate_batch
        result = call(texts, source, target, n_best=n_best, progress=progress)
    else:
        result = engine.translate_batch(texts, source, target, n_best=n_best)
        if progress is not None:
            progress(len(texts))
    if not isinstance(result, list) or len(result) != len(texts):
        count = len(result) if isinstance(result, list) else type(result).__name__
        raise EngineError(
            f"the engine returned {count} results for {len(texts)} texts ({source} -> {target})",
            hint="this is a bug in the engine: it must return one list per text",
        )
    return [_checked(engine, text, found) for text, found in zip(texts, result, strict=True)]


def _checked(engine: Engine, text: str, found: object) -> list[Hypothesis]:
    name = getattr(engine, "name", "") or type(engine).__name__
    segment = text if len(text) <= 60 else text[:57] + "..."
    hint = f"this is a bug in the engine '{name}', or its server was tampered with"
    if not isinstance(found, list):
        raise EngineError(f"the engine '{name}' returned {type(found).__name__}, not a list "
                          f"of hypotheses, for the segment {segment!r}", hint=hint)
    checked = []
    for hypothesis in found:
        if not isinstance(hypothesis, Hypothesis):
            raise EngineError(f"the engine '{name}' returned {type(hypothesis).__name__}, not "
                              f"a Hypothesis, for the segment {segment!r}", hint=hint)
        try:
            admitted = admit(hypothesis.text)
        except Refused as refused:
            raise EngineError(f"the engine '{name}' returned an unusable translation for the "
                              f"segment {segment!r}: {refused}", hint=hint) from None
        if admitted.removed:
            warnings.warn(L10nWarning(f"the engine '{name}' translated the segment "
                                      f"{segment!r} with control characters: {admitted.note}"),
                          stacklevel=2)
            hypothesis = Hypothesis(admitted.text, hypothesis.score)
        checked.append(hypothesis)
    return checked


def missing_model_error(source: str, target: str, models_dir: object) -> ModelError:
    """The one-line error for a pair without an installed model."""
    return ModelError(
        f"no translation model for {source} -> {target} in {models_dir}",
        hint=f"install one with `l10n models install {source} {target}` (online) or "
        "`l10n models install --file PATH.argosmodel`, or try the whole workflow "
        "without a model with `--engine pseudo`",
    )
