"""What flows between the driver and a runner: engine specs, batch requests, results.

The driver (``l10n translate``) reads articles, merges catalogs, decides enforcement and
writes every file; a runner only runs engines over batches of texts. A runner takes
:class:`BatchRequest` objects (:meth:`Runner.submit`) and hands back a
:class:`BatchResult` for each, in the order they finish (:meth:`Runner.next_result`).
It builds its engines itself from :class:`EngineSpec` (name and options, through the
``l10n.engines`` entry points), so any engine runs on any runner, and loads each model
once however many requests it serves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from l10n.errors import L10nError
from l10n.model import Hypothesis

Notice = Callable[[str], None]  # a line for the run's progress output


@dataclass(frozen=True)
class EngineSpec:
    """How to build an engine anywhere: its entry point's name and its options."""

    name: str
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchRequest:
    """Texts for one engine, one language pair and one n-best, whatever their round."""

    id: int
    engine: int  # index into the runner's specs
    source: str
    target: str
    n_best: int
    texts: tuple[str, ...]


@dataclass(frozen=True)
class BatchResult:
    """The hypotheses for each text of a request (or the error that stopped it), and how
    long the engine worked on it (where it ran: a worker's own clock)."""

    id: int
    hypotheses: list[list[Hypothesis]]
    seconds: float = 0.0
    error: L10nError | None = None


class Runner(Protocol):
    """Runs batch requests; see the module docstring."""

    name: str
    batch: int  # texts per request that suit it

    @property
    def capacity(self) -> int:
        """Requests it wants in flight to keep every worker busy."""
        ...

    @property
    def in_flight(self) -> int:
        """Requests submitted and not yet returned by :meth:`next_result`."""
        ...

    @property
    def window(self) -> int:
        """Texts the driver should keep outstanding to keep the runner busy."""
        ...

    def start(self, notice: Notice | None) -> None:
        """Get ready (start workers, load nothing yet); called before the first submit,
        so a run with nothing to translate starts nothing."""
        ...

    def submit(self, request: BatchRequest) -> None: ...

    def next_result(self, progress: Callable[[BatchRequest, int], None] | None) -> BatchResult:
        """Block until a request finishes; its result. ``progress`` (request, texts just
        finished) is called where the runner can tell before the request ends."""
        ...

    def close(self) -> None:
        """Stop what :meth:`start` started (idempotent)."""
        ...
