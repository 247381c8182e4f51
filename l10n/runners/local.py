"""The ``local`` runner: engines in this process, one request at a time.

This is what ``l10n translate`` always did: the engine runs in the driver's own process
and spreads each request over its own threads (the ``argos`` engine runs one CTranslate2
replica per core). Requests run in the order they were submitted, when the driver asks
for a result, and report progress as the engine does.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence

from l10n.engines import Engine, run_batch
from l10n.runners.base import BatchRequest, BatchResult, Notice

LOCAL_BATCH = 1024  # texts per request: long enough to sort by length and fill every core


class LocalRunner:
    """Runs requests on engines already built by the driver (``engines[spec index]``)."""

    name = "local"
    batch = LOCAL_BATCH

    def __init__(self, engines: Sequence[Engine]) -> None:
        self.engines = list(engines)
        self._queue: deque[BatchRequest] = deque()

    @property
    def capacity(self) -> int:
        return 1

    @property
    def window(self) -> int:
        """One request: nothing runs while the driver reads, so reading ahead gains
        nothing (and would hold more catalogs)."""
        return self.batch

    @property
    def in_flight(self) -> int:
        return len(self._queue)

    def start(self, notice: Notice | None) -> None:
        return None

    def submit(self, request: BatchRequest) -> None:
        self._queue.append(request)

    def next_result(self, progress: Callable[[BatchRequest, int], None] | None) -> BatchResult:
        request = self._queue.popleft()
        engine = self.engines[request.engine]

        def advance(count: int) -> None:
            if progress:
                progress(request, count)

        started = time.perf_counter()
        hypotheses = run_batch(engine, request.texts, request.source, request.target,
                               request.n_best, advance if progress else None)
        return BatchResult(request.id, hypotheses, time.perf_counter() - started)

    def close(self) -> None:
        self._queue.clear()
