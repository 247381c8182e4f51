"""Spans: a run of consecutive articles whose whole result one fact of the state holds,
so that an unchanged archive costs a ``stat`` per file and a query per span.

Per-file facts (:mod:`l10n.incremental.store`) make a no-change run read nothing, but the run
still asks the state about every file, a row and a few Python objects each: at 10,000
articles and three or four files per article that is seconds. A span is the next level,
as git's cache tree is above its index: for a command and its key, the state records
every file the span's per-file work looked at (the articles, their templates, catalogs
and pages, or their absence) with its stamp, and the span's result. A later run whose
files all have those stamps (trusted: older than the record) replays the result; any
difference (an edit, a new file, a file gone) and the span's articles go the per-file
way, which costs the work of what changed.

* **Cut by content**, not by position: a span ends after an article whose name hashes
  to a boundary (one in :data:`EVERY`, on average), or after :data:`LONGEST` articles.
  Adding or removing an article changes the span it falls in, not every span after it.
* **Recorded only from a clean pass**: a :class:`Ledger` watches the state while the
  span's articles are worked on; every answer the state vouched for adds its file's
  stamp, and any miss, read or write makes the ledger unclean. Only a clean pass is
  recorded, so a span fact says no more than the per-file facts it was made from; a
  run that did work (or a first run) confirms its spans afterwards with a clean pass.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from l10n.incremental.stamps import Stamp

T = TypeVar("T")

EVERY = 128  # articles per span, on average
LONGEST = 256  # a span is cut here even without a boundary (what a span holds is bounded)

FileStamp = tuple[int, int, int, int] | None  # ino, size, mtime_ns, ctime_ns; None: absent


@dataclass
class Ledger:
    """What the state vouched for while a span's articles were worked on."""

    files: dict[str, FileStamp] = field(default_factory=dict)
    clean: bool = True

    def unclean(self) -> None:
        """The pass did more than ask the state (a file read or written, a miss)."""
        self.clean = False


class Watched:
    """The part of the state that tells a watching :class:`Ledger` what it answered."""

    ledger: Ledger | None

    def vouch(self, name: str, stamp: Stamp | None) -> None:
        """Tell the ledger (if one watches) that the file ``name`` was taken as the state
        knows it, with ``stamp`` (None: absent)."""
        if self.ledger is not None:
            self.ledger.files[name] = None if stamp is None else (
                stamp.ino, stamp.size, stamp.mtime_ns, stamp.ctime_ns)

    def unclean(self) -> None:
        """Tell the ledger (if one watches) that the pass did more than ask the state: a
        miss, a read, a write."""
        if self.ledger is not None:
            self.ledger.clean = False

    def _missed(self, value: T) -> T:
        self.unclean()
        return value


def cut(paths: Sequence[Path]) -> Iterator[list[Path]]:
    """``paths`` (in order) as spans (see the module docstring)."""
    span: list[Path] = []
    for path in paths:
        span.append(path)
        if len(span) >= LONGEST or zlib.crc32(path.name.encode("utf-8")) % EVERY == 0:
            yield span
            span = []
    if span:
        yield span


def span_name(kind: str, paths: Sequence[Path]) -> tuple[str, str]:
    """(the name a span's fact is recorded under, the digest of its articles' names)."""
    digest = hashlib.sha256(os.getcwd().encode("utf-8") + b"\0")  # what relative names mean
    for path in paths:
        digest.update(str(path).encode("utf-8") + b"\0")
    names = digest.hexdigest()[:16]
    return f"<span:{kind}>{names}", names


def files_of(ledger: Ledger) -> dict[str, Any]:
    """The ledger's files as a span fact keeps them: by folder, the names of the files
    present and of those absent, and one digest of the present files' stamps (compact:
    a build's span names thousands of files)."""
    present: dict[str, list[tuple[str, tuple[int, int, int, int]]]] = {}
    absent: dict[str, list[str]] = {}
    for name, found in ledger.files.items():
        folder, base = os.path.split(name)
        if found is None:
            absent.setdefault(folder, []).append(base)
        else:
            present.setdefault(folder, []).append((base, found))
    stamps = [value for files in present.values() for _, found in files for value in found]
    return {"present": {folder: [base for base, _ in files] for folder, files in present.items()},
            "absent": absent, "stamps": _digest(stamps)}


def unchanged(files: dict[str, Any], seen: int) -> bool:
    """Whether every file of a span fact recorded at ``seen`` is as it was then: each
    present file a regular file with the same stamp, trusted (changed before the record),
    and each absent file still absent."""
    stamps: list[int] = []
    for folder, names in files["present"].items():
        for base in names:
            try:
                info = os.stat(f"{folder}/{base}")
            except (FileNotFoundError, NotADirectoryError):
                return False
            if info.st_ctime_ns >= seen or info.st_mtime_ns >= seen \
                    or not stat.S_ISREG(info.st_mode):
                return False
            stamps += (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    for folder, names in files["absent"].items():
        for base in names:
            if os.path.lexists(f"{folder}/{base}"):
                return False
    return bool(_digest(stamps) == files["stamps"])


def _digest(stamps: list[int]) -> str:
    return hashlib.sha256(str(stamps).encode("ascii")).hexdigest()[:16]
