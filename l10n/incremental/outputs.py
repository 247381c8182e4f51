"""Files a command writes (a build's pages, indexes, sitemaps), kept in the state by the
stamps they had once in place: while every one of them still has its stamp (trusted:
older than the record), they are the files written for the same inputs, and are neither
rendered nor written again. The inputs are the fact's key (the caller's digest of
everything the files are made from)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from l10n.fsutil import Spilled
from l10n.incremental.stamps import Stamp, stamp_of
from l10n.incremental.store import State


class Outputs:
    """The files one run writes under ``root``, each group of them recorded as ``kind``
    for an ``owner`` (an article, an index) under its inputs."""

    def __init__(self, state: State, kind: str, root: Path) -> None:
        self.state, self.kind, self.root = state, kind, root
        self._written = Spilled()  # [owner, inputs, names] written, recorded by record()

    def current(self, owner: str, inputs: str, names: Sequence[str]) -> bool:
        """Whether the files ``names`` are, unchanged, those recorded for ``owner`` under
        ``inputs``; the pass watching is told either way (each file vouched for, or the
        pass unclean)."""
        state = self.state
        found = state.fact_seen(owner, self.kind, inputs, "")
        if found is None:
            return False
        stamps, seen = found
        if [row[0] for row in stamps] != list(names):
            state.unclean()
            return False
        for name, *recorded in stamps:  # an unclean pass is not recorded: vouch as they come
            path = f"{self.root}/{name}"
            stamp = stamp_of(path)
            if stamp is None or Stamp(*recorded) != stamp or not stamp.trusted(seen):
                state.unclean()
                return False
            state.vouch(path, stamp)
        return True

    def written(self, owner: str, inputs: str, names: Sequence[str]) -> None:
        """The files ``names`` are written (staged) for ``owner`` from ``inputs``."""
        self._written.append([owner, inputs, list(names)])

    def record(self) -> None:
        """Record the stamps of the files written, now in place (none of an owner whose
        files are not all there)."""
        for owner, inputs, names in self._written.taken():
            stamps = [[name, stamp.ino, stamp.size, stamp.mtime_ns, stamp.ctime_ns]
                      for name in names if (stamp := stamp_of(self.root / name)) is not None]
            if len(stamps) == len(names):
                self.state.set_fact(owner, self.kind, inputs, "", stamps)

    def close(self) -> None:
        self._written.close()
