"""Texts in, hypotheses out: one stream of batch requests through a :class:`Runner`.

The driver puts texts, each with a :class:`Key` (engine, language pair, n-best) and a
callback; texts of one key from every article, language and enforcement round are pooled
into requests of ``runner.batch`` texts. The rules:

* a full pool becomes a request at once, and is sent as soon as the runner has room
  (``runner.capacity`` requests in flight);
* when the driver waits (:meth:`Stream.wait`: its window is full, or its input is done)
  and the runner has room, the oldest partial pool is sent as it is, so that no worker
  idles while texts wait, and no text waits for long: a key that fills slowly (a second
  enforcement round) would otherwise hold its texts, and the catalogs their callbacks
  hold, until its pool filled;
* each result goes back text by text to the callbacks, which may put more texts (a
  second round) at once;
* :meth:`Stream.throttle` keeps at most :attr:`Stream.window` texts outstanding (put and
  not yet answered), so the driver's memory is bounded whatever the size of the run;
* the runner starts with the first request sent, so a run with nothing to translate
  starts nothing.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import NamedTuple

from l10n.model import Hypothesis
from l10n.runners.base import BatchRequest, Notice, Runner

Deliver = Callable[[list[Hypothesis]], None]
Progress = Callable[[str, int], None]  # (target language, texts just finished)


class Key(NamedTuple):
    """What texts of one request share."""

    engine: int
    source: str
    target: str
    n_best: int


class Stream:
    """Pools texts into requests for ``runner``; see the module docstring."""

    def __init__(
        self,
        runner: Runner,
        *,
        notice: Notice | None = None,
        progress: Progress | None = None,
        window: int | None = None,
    ) -> None:
        self.runner, self.notice, self.progress = runner, notice, progress
        self._window = window
        self._pools: dict[Key, list[tuple[str, Deliver]]] = {}
        self._ready: deque[BatchRequest] = deque()
        self._waiting: dict[int, list[Deliver]] = {}
        self._ids = 0
        self.started = False
        self.outstanding = 0  # texts put and not yet answered
        self.peak = 0  # the most texts ever outstanding
        self.sent = 0  # requests sent
        self.engines: set[int] = set()  # the engines they went to
        self.waited = 0.0  # seconds the driver spent blocked on the runner
        self.worker_seconds = 0.0  # engine time, as the runner measured it

    @property
    def window(self) -> int:
        """Texts outstanding at most: the runner's say (it knows its workers once
        started), unless given."""
        return self._window or self.runner.window

    def put(self, key: Key, text: str, deliver: Deliver) -> None:
        """Ask for ``text`` under ``key``; ``deliver`` gets its hypotheses."""
        pool = self._pools.setdefault(key, [])
        pool.append((text, deliver))
        self.outstanding += 1
        self.peak = max(self.peak, self.outstanding)
        if len(pool) >= self.runner.batch:
            self._seal(key)
        self._send()

    def throttle(self) -> None:
        """Wait for results while the window is full."""
        while self.outstanding >= self.window:
            self.wait()

    def drain(self) -> None:
        """Wait until every text put has been answered (and every later round too)."""
        while self.outstanding:
            self.wait()

    def wait(self) -> None:
        """Deliver the next finished request; send partial pools first if the runner
        would otherwise have room to spare."""
        self._send()
        while self._pools and not self._ready and self.runner.in_flight < self.runner.capacity:
            self._seal(next(iter(self._pools)))  # the oldest: no text waits for long
            self._send()
        if not self.runner.in_flight:
            if self.outstanding:  # every outstanding text is pooled, ready or in flight
                raise RuntimeError(f"{self.outstanding} texts outstanding, none in flight")
            return
        started = time.perf_counter()
        result = self.runner.next_result(self._advance if self.progress else None)
        self.waited += time.perf_counter() - started
        self.worker_seconds += result.seconds
        if result.error is not None:
            raise result.error
        delivers = self._waiting.pop(result.id)
        self.outstanding -= len(delivers)
        for deliver, hypotheses in zip(delivers, result.hypotheses, strict=True):
            deliver(hypotheses)
        self._send()

    def _advance(self, request: BatchRequest, count: int) -> None:
        if self.progress:
            self.progress(request.target, count)

    def _seal(self, key: Key) -> None:
        pool = self._pools.pop(key)
        self._ids += 1
        texts = tuple(text for text, _ in pool)
        self._ready.append(BatchRequest(self._ids, key.engine, key.source, key.target,
                                        key.n_best, texts))
        self._waiting[self._ids] = [deliver for _, deliver in pool]

    def _send(self) -> None:
        while self._ready and self.runner.in_flight < self.runner.capacity:
            if not self.started:
                self.started = True
                self.runner.start(self.notice)
            request = self._ready.popleft()
            self.runner.submit(request)
            self.sent += 1
            self.engines.add(request.engine)
