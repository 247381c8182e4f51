"""The engine worker: what runs inside each Ray actor (no Ray import here).

A worker builds each engine from its :class:`EngineSpec` through the ``l10n.engines``
entry points the first time a request needs it, so its model loads once for the
worker's life; it reports errors as values (an :class:`L10nError` reaches the driver
whole) and how long the engine worked.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from l10n.engines import Engine, create_engine, run_batch
from l10n.errors import L10nError
from l10n.runners.base import BatchRequest, BatchResult, EngineSpec
from l10n.runners.models import node_root, remove_node_root, unpack_models


class EngineWorker:
    """One engine replica (see the module docstring). ``packages`` are shipped models
    (installed on this node for run ``run``); None: the specs' models folders are shared."""

    def __init__(
        self, specs: Sequence[EngineSpec], packages: list[bytes] | None = None, run: str = ""
    ) -> None:
        self.specs = list(specs)
        self.models_dir: Path | None = None
        self.run = run
        if packages is not None:
            self.models_dir = unpack_models(packages, node_root(run))
        self.engines: dict[int, Engine] = {}

    def info(self) -> dict[str, Any]:
        """Where this worker runs: process id, host, models folder."""
        return {"pid": os.getpid(), "host": socket.gethostname(),
                "models": str(self.models_dir) if self.models_dir else ""}

    def _engine(self, index: int) -> Engine:
        if index not in self.engines:
            spec = self.specs[index]
            options = dict(spec.options)
            if self.models_dir is not None and "models_dir" in options:
                options["models_dir"] = self.models_dir
            self.engines[index] = create_engine(spec.name, **options)
        return self.engines[index]

    def run_request(self, request: BatchRequest) -> BatchResult:
        started = time.perf_counter()
        try:
            engine = self._engine(request.engine)
            hypotheses = run_batch(engine, request.texts, request.source, request.target,
                                   request.n_best)
        except L10nError as exc:
            return BatchResult(request.id, [], time.perf_counter() - started, error=exc)
        return BatchResult(request.id, hypotheses, time.perf_counter() - started)

    def cleanup(self) -> None:
        """Remove the models shipped to this node (the run is over)."""
        if self.models_dir is not None:
            remove_node_root(node_root(self.run))
