"""Where engines run: in this process (``local``) or on a Ray cluster (``ray``).

The driver streams batch requests through a runner (:class:`Stream`) and writes every
file itself; a runner only runs engines (:mod:`l10n.runners.base`). Ray is imported only
when the ``ray`` runner starts.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence

from l10n.config import RunnerSettings
from l10n.engines import Engine
from l10n.errors import UsageError
from l10n.runners.base import BatchRequest, BatchResult, EngineSpec, Notice, Runner
from l10n.runners.local import LocalRunner
from l10n.runners.stream import Key, Stream

__all__ = [
    "BatchRequest",
    "BatchResult",
    "EngineSpec",
    "Key",
    "LocalRunner",
    "Notice",
    "Runner",
    "Stream",
    "check_runner",
    "make_runner",
]


def check_runner(settings: RunnerSettings) -> None:
    """Refuse, before anything is written, a runner this environment cannot start."""
    if settings.name == "ray" and importlib.util.find_spec("ray") is None:
        raise UsageError("the ray runner needs Ray, which is not installed",
                         hint="pip install 'l10n[ray]'")


def make_runner(
    settings: RunnerSettings,
    engines: Sequence[Engine],
    specs: Sequence[EngineSpec],
    pairs: Sequence[Sequence[tuple[str, str]]],
) -> Runner:
    """The runner ``settings`` names, for engines built here (``local``) or from their
    specs elsewhere (``ray``); nothing starts until its first request."""
    check_runner(settings)
    if settings.name == "ray":
        from l10n.runners.ray import RayRunner

        return RayRunner(specs, settings, pairs)
    return LocalRunner(engines)
