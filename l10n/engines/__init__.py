"""Translation engines: one small interface, found by name through entry points.

An engine is any object with the :class:`Engine` methods (``translate_batch`` and
``supports``; ``describe``, a ``progress`` keyword and ``name`` are optional and detected,
see :mod:`l10n.engines.base`, whose :class:`BaseEngine` helps authors). Engines are
registered in the entry-point group ``l10n.engines``; each entry point names a callable
that takes the engine's options (``[engines.<name>]`` in the config) as keyword
arguments and returns an engine. The built-in engines register themselves the same way,
so a third-party package can add one without touching ``l10n``.

Rules every engine follows:

* creating an engine is cheap: models load lazily, on the first translation;
* ``translate_batch`` returns one list per input text, best hypothesis first; a list may
  hold fewer than ``n_best`` hypotheses (even none: the ``none`` engine);
* ``progress``, when the engine takes it, is called with the number of texts just
  finished, and the calls of one ``translate_batch`` add up to ``len(texts)``;
* an engine is built from its name and options alone (:func:`engine_spec`), so that a
  runner can build the same engine in another process or on another machine.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING, Any

from l10n.engines.base import (
    Advance,
    BaseEngine,
    Engine,
    missing_model_error,
    run_batch,
    takes_progress,
)
from l10n.engines.packages import find_route
from l10n.errors import EngineError, EngineOptionError, UsageError

if TYPE_CHECKING:
    from l10n.config import Settings

ENTRY_POINT_GROUP = "l10n.engines"

__all__ = [
    "ENTRY_POINT_GROUP",
    "Advance",
    "BaseEngine",
    "Engine",
    "accepts_option",
    "available_engines",
    "create_engine",
    "default_engine_name",
    "describe_engine",
    "engine_for",
    "engine_spec",
    "missing_model_error",
    "ready_engine",
    "run_batch",
    "takes_progress",
]


def available_engines() -> dict[str, EntryPoint]:
    """The engines installed in this environment, by name (sorted)."""
    found = entry_points(group=ENTRY_POINT_GROUP)
    return {ep.name: ep for ep in sorted(found, key=lambda ep: ep.name)}


def create_engine(name: str, **options: Any) -> Engine:
    """Build the engine ``name`` with ``options`` (from ``[engines.<name>]``).

    Raises UsageError for an unknown engine (listing the known ones), EngineOptionError
    for an option the engine does not take or whose value it refuses (a factory's
    TypeError or ValueError counts as that), EngineError when its factory cannot load.
    """
    engines = available_engines()
    if name not in engines:
        raise UsageError(
            f"unknown engine '{name}'",
            hint=f"available engines: {', '.join(engines) or 'none installed'}",
        )
    try:
        factory = engines[name].load()
    except (ImportError, AttributeError) as exc:
        raise EngineError(f"engine '{name}' cannot be loaded: {exc}") from None
    _check_options(name, factory, options)
    try:
        engine: Engine = factory(**options)
    except (TypeError, ValueError) as exc:
        raise EngineOptionError(f"[engines.{name}]: {exc}", engine=name) from None
    return engine


def _accepted(factory: Callable[..., Any]) -> set[str] | None:
    """The keyword options a factory takes; None when it takes any (``**kwargs``) or its
    signature cannot be read."""
    try:
        params = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return None
    return {
        p.name
        for p in params
        if p.kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    }


def accepts_option(name: str, option: str) -> bool:
    """Whether engine ``name``'s factory names ``option`` among its parameters."""
    found = available_engines().get(name)
    if found is None:
        return False
    try:
        accepted = _accepted(found.load())
    except (ImportError, AttributeError):
        return False
    return accepted is not None and option in accepted


def _check_options(name: str, factory: Callable[..., Any], options: dict[str, Any]) -> None:
    """Refuse options the factory's signature does not accept (unless it takes **kwargs)."""
    accepted = _accepted(factory)
    if accepted is None:
        return
    for key in options:
        if key not in accepted:
            raise EngineOptionError(
                f"engine '{name}' has no option '{key}'",
                engine=name,
                option=key,
                hint=f"options of [engines.{name}]: {', '.join(sorted(accepted)) or 'none'}",
            )


def default_engine_name(settings: Settings, source: str, target: str) -> str:
    """The engine to use when ``--engine`` is not given.

    The config's ``engine`` key wins; otherwise ``argos`` when a model for the pair is
    installed in ``settings.models_dir()`` (directly or by pivoting through English);
    otherwise ModelError, in one line, saying how to install a model and that
    ``--engine pseudo`` shows the whole workflow without one.
    """
    if settings.engine:
        return settings.engine
    models_dir = settings.models_dir()
    if find_route(models_dir, source, target) is None:
        raise missing_model_error(source, target, models_dir)
    return "argos"


def engine_spec(
    settings: Settings, source: str, target: str, name: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The engine's name and the options it is built with (:func:`create_engine`): the
    config's ``[engines.<name>]``, and for ``argos`` the settings' models folder."""
    chosen = name or default_engine_name(settings, source, target)
    options = settings.engine_options(chosen)
    if chosen == "argos":
        options.setdefault("models_dir", settings.models_dir())
    return chosen, options


def describe_engine(engine: Engine, name: str, source: str, target: str) -> str:
    """The model named in provenance: the engine's ``describe`` when it has one, else the
    distribution that registers it (``shouty-engine 1.0``), else its name."""
    describe = getattr(engine, "describe", None)
    if callable(describe):
        return str(describe(source, target))
    found = available_engines().get(name)
    dist = found.dist if found is not None else None
    if dist is not None:
        return f"{dist.name} {dist.version}"
    return name


def engine_for(settings: Settings, source: str, target: str, name: str | None = None) -> Engine:
    """The engine ``name`` (default: :func:`default_engine_name`) with its config options.

    For ``argos``, ``models_dir`` defaults to ``settings.models_dir()``. A problem with
    the configuration (an unknown engine in ``engine``, a bad ``[engines.<name>]``
    option) is a ConfigError naming the config file's line.
    """
    chosen, options = engine_spec(settings, source, target, name)
    try:
        return create_engine(chosen, **options)
    except EngineOptionError as exc:
        located = settings.config_error(exc.message, exc.option, table=f"engines.{exc.engine}",
                                        hint=exc.hint)
        raise EngineOptionError(exc.message, engine=exc.engine, option=exc.option,
                                path=located.path, line=located.line, hint=exc.hint) from None
    except UsageError as exc:
        if name is not None or not settings.engine:
            raise
        raise settings.config_error(exc.message, "engine", hint=exc.hint) from None


def ready_engine(settings: Settings, source: str, target: str, name: str | None = None) -> Engine:
    """:func:`engine_for`, checked to translate ``source -> target`` (for ``argos``: a
    model is installed); what a run does before it writes anything. Loads no model."""
    engine = engine_for(settings, source, target, name)
    if not engine.supports(source, target):
        chosen = getattr(engine, "name", None) or name or settings.engine or "argos"
        if chosen == "argos":
            raise missing_model_error(source, target, settings.models_dir())
        raise EngineError(f"engine '{chosen}' cannot translate {source} -> {target}")
    return engine



