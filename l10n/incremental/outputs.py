"""Files a command writes (a build's pages, indexes, sitemaps), kept in the state by the
stamps they had once in place: while every one of them still has its stamp (trusted:
older than the record), they are the files written for the same inputs, and are neither
rendered nor written again. The inputs are the fact's key (the caller's digest of
everything the files are made from)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from l10n.incremental.stamps import Stamp, stamp_of
from l10n.incremental.store import State


def outputs_current(state: State, owner: str, kind: str, inputs: str, root: Path,
                    names: Sequence[str]) -> bool:
    """Whether the files ``names`` (under ``root``) are, unchanged, those recorded for
    ``owner`` under ``inputs``; the pass watching is told either way (each file vouched
    for, or the pass unclean)."""
    found = state.fact_seen(owner, kind, inputs, "")
    if found is None:
        return False
    stamps, seen = found
    if [row[0] for row in stamps] != list(names):
        state.unclean()
        return False
    for name, *recorded in stamps:  # a pass made unclean is not recorded: vouch as they come
        path = f"{root}/{name}"
        stamp = stamp_of(path)
        if stamp is None or Stamp(*recorded) != stamp or not stamp.trusted(seen):
            state.unclean()
            return False
        state.vouch(path, stamp)
    return True


def record_outputs(state: State, owner: str, kind: str, inputs: str, root: Path,
                   names: Sequence[str]) -> None:
    """Record the files ``names`` (under ``root``), now in place, as made from ``inputs``
    (nothing when one is missing)."""
    stamps = []
    for name in names:
        stamp = stamp_of(root / name)
        if stamp is None:
            return
        stamps.append([name, stamp.ino, stamp.size, stamp.mtime_ns, stamp.ctime_ns])
    state.set_fact(owner, kind, inputs, "", stamps)
