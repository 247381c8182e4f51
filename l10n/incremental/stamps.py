"""A file's :class:`Stamp` (what ``stat`` tells without reading it: inode, size, mtime
and ctime, in nanoseconds), and the rule that says when it can be trusted, as git's index
(why ``ctime`` is in it, and the file systems the rule fails on: the README's "Large
archives: cost follows change"):

* a file whose stamp equals the recorded one has the recorded content; anything else is
  read again, and its digest decides;
* **racily clean**: a file changed in the tick (a timestamp's granularity) it was looked
  at could keep its stamp, so a stamp is trusted only when the file's ctime and mtime are
  older than the moment the state recorded it, by the file system's own clock
  (:func:`fs_now`); a file changed in that last tick is read again next time.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Stamp:
    """What ``stat`` says about a file."""

    ino: int
    size: int
    mtime_ns: int
    ctime_ns: int

    def trusted(self, recorded_at: int) -> bool:
        """Whether this stamp, recorded at ``recorded_at`` (the file system's clock), is
        older than that moment, so a later change cannot have kept it (not racy)."""
        return self.ctime_ns < recorded_at and self.mtime_ns < recorded_at


def stamp_of(path: Path | str) -> Stamp | None:
    """The stamp of a regular file (None when there is none)."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return Stamp(info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def digest_bytes(data: bytes) -> str:
    """16 hex digits identifying ``data``."""
    return hashlib.sha256(data).hexdigest()[:16]


def fs_now(marker: Path) -> int:
    """The file system's current time: ``marker``'s mtime after touching it (the clock,
    and the granularity, that files' timestamps get)."""
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()  # created, or its times set to now
    return os.stat(marker).st_mtime_ns


def fs_tick(marker: Path, limit: float = 0.05) -> int:
    """Wait (at most ``limit`` seconds) until the file system's clock has moved past now,
    so that what was written before this call is older than what is recorded after it
    (on a file system whose clock ticks in seconds, the wait gives up); its time then."""
    start = fs_now(marker)
    deadline = time.monotonic() + limit
    while (now := fs_now(marker)) <= start and time.monotonic() < deadline:
        time.sleep(0.001)
    return now
