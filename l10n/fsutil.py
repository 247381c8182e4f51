"""Safe writes of users' files: atomic replace, no churn, and one run at a time."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import sqlite3
import tempfile
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any

from l10n.errors import LockedError


def display_path(path: Path | str) -> str:
    """``path`` as messages show it: relative to the current folder when it lies under
    it (``locales/ko/x.po``, clickable in a terminal), else absolute; always with '/'."""
    path = Path(path)
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path.as_posix()
    if relative.startswith(".."):
        return (path if path.is_absolute() else path.resolve()).as_posix()
    return Path(relative).as_posix()


# who is told of the project files read and written now: the recording pass of the
# incremental layer (l10n.incremental.spans) while it watches a span's work. A context
# variable, not a global: each thread and each run has its own (None: nobody watches).
_WATCHER: ContextVar[Callable[[], None] | None] = ContextVar("l10n_file_io", default=None)


def file_io(path: Path | str) -> None:
    """Tell the pass that watches (if any) that the file at ``path`` was read or written
    by other means than the state's own look-ups: whatever the pass computes now depends
    on a file the state did not vouch for, so the pass is not recorded as replayable.
    Every reader and writer of a project's files calls it (catalogs, articles, templates'
    headers, build pages, the manifest)."""
    watcher = _WATCHER.get()
    if watcher is not None:
        watcher()


@contextlib.contextmanager
def watching_io(watcher: Callable[[], None]) -> Iterator[None]:
    """Within the block, :func:`file_io` calls ``watcher``."""
    token = _WATCHER.set(watcher)
    try:
        yield
    finally:
        _WATCHER.reset(token)


def write_atomic(path: Path, data: str | bytes | Iterable[str]) -> bool:
    """Write ``data`` (or its pieces) to ``path`` atomically; return False (and touch
    nothing) if unchanged.

    The data goes to a temporary file in the same folder, is flushed to disk, then
    renamed over ``path``: a reader (or a crash) sees the old file or the new one,
    never half of one. An unchanged file keeps its bytes and its modification time.
    """
    path = Path(path)
    file_io(path)
    tmp = _temporary(path, data)
    if tmp is None:
        return False
    _replace(tmp, path)
    return True


# how long a short write (a review page's save, a catalog `check --annotate` notes) waits
# for another short write to release the project's lock, rather than failing at once
SHORT_WAIT = 5.0


class ChangedOnDisk(Exception):
    """:func:`write_checked` found ``path`` holding something else than expected."""


def write_checked(path: Path, data: str | bytes, expected: str | bytes | None) -> bool:
    """:func:`write_atomic`, but only over the bytes the caller read: when ``path`` no
    longer holds ``expected`` (None: when it exists) it is left alone and
    :class:`ChangedOnDisk` raised. Call it under :func:`project_lock`, so that no other
    l10n run can write between the check and the rename (another program can, for the
    microseconds in between; nothing closes that window for a program that takes no lock).
    """
    path = Path(path)
    want = expected.encode("utf-8") if isinstance(expected, str) else expected
    try:
        now: bytes | None = path.read_bytes()
    except FileNotFoundError:
        now = None
    if now != want:
        raise ChangedOnDisk(path)
    return write_atomic(path, data)


def _temporary(path: Path, data: str | bytes | Iterable[str]) -> str | None:
    """``data`` (or its pieces, written as they come) in a temporary file beside ``path``,
    flushed to disk, with ``path``'s permissions (None when ``path`` already holds
    exactly ``data``)."""
    whole = isinstance(data, str | bytes)
    raw = (data.encode("utf-8") if isinstance(data, str) else data) if whole else b""
    try:
        if whole and path.read_bytes() == raw:
            return None
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if whole:
                handle.write(raw)  # type: ignore[arg-type]
            else:
                for piece in data:
                    handle.write(piece.encode("utf-8"))  # type: ignore[union-attr]
            handle.flush()
            if not whole and _same_bytes(tmp, path):
                os.unlink(tmp)
                return None
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, os.stat(path).st_mode & 0o777)
        if not path.exists():
            os.chmod(tmp, 0o644)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def _same_bytes(one: str, other: Path) -> bool:
    """Whether the files hold the same bytes (read a block at a time)."""
    try:
        if os.path.getsize(one) != os.path.getsize(other):
            return False
        with open(one, "rb") as first, open(other, "rb") as second:
            while True:
                block = first.read(1 << 16)
                if block != second.read(1 << 16):
                    return False
                if not block:
                    return True
    except (FileNotFoundError, IsADirectoryError):
        return False


def _replace(tmp: str, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class StagedWrites:
    """Many files written all or nothing, holding none of them in memory: each is
    written to its temporary file as it comes (:meth:`stage`), and all are renamed into
    place by :meth:`commit`; :meth:`discard` (or a failure) removes the temporaries, so
    nothing is changed. A killed run leaves temporaries that
    :func:`remove_stale_temporaries` removes. The names of what is staged wait in a
    temporary file of their own (a first build of an archive stages tens of thousands)."""

    def __init__(self) -> None:
        self._staged = Spilled()  # [temporary, path] of each staged file

    def stage(self, path: Path, data: str | bytes | Iterable[str]) -> bool:
        """Stage ``data`` (or its pieces: a large file is never held) for ``path``; False
        (nothing staged) when it already holds it."""
        file_io(path)
        tmp = _temporary(Path(path), data)
        if tmp is not None:
            self._staged.append([tmp, str(path)])
        return tmp is not None

    def commit(self) -> int:
        """Rename every staged file into place; how many."""
        staged, self._staged = self._staged, Spilled()
        count = 0
        for tmp, path in staged.taken():
            _replace(tmp, Path(path))
            count += 1
        return count

    def discard(self) -> None:
        staged, self._staged = self._staged, Spilled()
        for tmp, _ in staged.taken():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


class Spilled:
    """Rows (JSON values) kept in a temporary file as they are appended, read back once,
    in order, by :meth:`taken` (which empties it)."""

    def __init__(self) -> None:
        self._file: IO[str] | None = None

    def append(self, row: Any) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(  # noqa: SIM115 (closed by taken())
                "w+", encoding="utf-8", errors="surrogateescape", newline="\n")
        self._file.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Forget the rows (a run that failed)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def taken(self) -> Iterator[Any]:
        spill, self._file = self._file, None
        if spill is None:
            return
        with spill:
            spill.seek(0)
            for line in spill:
                yield json.loads(line)



class Rows(Spilled):
    """:class:`Spilled` rows counted as they are appended, read back as often as asked
    (a build's result: the pages and file names of a first build of an archive)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def append(self, row: Any) -> None:
        first = self._file is None
        super().append(row)
        if first and self._file is not None:  # closed when the rows are forgotten
            weakref.finalize(self, self._file.close)
        self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Any]:
        spill = self._file
        if spill is None:
            return
        spill.flush()
        fd, offset, rest = spill.fileno(), 0, b""
        while block := os.pread(fd, 1 << 16, offset):  # the file's position left alone
            offset += len(block)
            *lines, rest = (rest + block).split(b"\n")
            for line in lines:
                yield json.loads(line.decode("utf-8", "surrogateescape"))


class NameSet:
    """A set of names in a temporary SQLite database (on disk, a small page cache):
    added as they come, read back sorted as Python sorts them (SQLite compares UTF-8
    bytes, which orders as code points do)."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("")  # a private temporary database, removed on close
        weakref.finalize(self, self._db.close)
        self._db.execute("CREATE TABLE names (name TEXT PRIMARY KEY) WITHOUT ROWID")

    def update(self, names: Iterable[str]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO names VALUES (?)", ((n,) for n in names))

    def __contains__(self, name: object) -> bool:
        return self._db.execute("SELECT 1 FROM names WHERE name = ?", (name,)).fetchone() \
            is not None

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM names").fetchone()[0])

    def __iter__(self) -> Iterator[str]:
        """The names, sorted."""
        for (name,) in self._db.execute("SELECT name FROM names ORDER BY name"):
            yield name

    def close(self) -> None:
        self._db.close()


# write_atomic's temporary files: tempfile.mkstemp(prefix=".NAME.", suffix=".tmp") adds
# 8 characters from tempfile's alphabet
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def remove_stale_temporaries(folder: Path, *, depth: int = 0) -> list[Path]:
    """Remove the temporary files :func:`write_atomic` leaves when a run is killed
    between writing and renaming (``.NAME.XXXXXXXX.tmp``), in ``folder`` and its
    subfolders down to ``depth``; call it under the project's lock, when no other l10n
    run can be writing. Other files, and links, are left alone. Returns what it removed."""
    removed: list[Path] = []
    try:
        with os.scandir(folder) as entries:  # file types from the folder: no stat per file
            children = [(e.name, depth > 0 and e.is_dir(follow_symlinks=False),
                         e.is_file(follow_symlinks=False)) for e in entries
                        if depth > 0 or e.name.endswith(".tmp")]  # a build's 30,000 pages
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for name, is_dir, is_file in children:
        if is_dir:
            removed += remove_stale_temporaries(Path(folder) / name, depth=depth - 1)
        elif is_file and _TEMPORARY.fullmatch(name):
            child = Path(folder) / name
            with contextlib.suppress(FileNotFoundError):
                child.unlink()
                removed.append(child)
    return removed


@contextlib.contextmanager
def project_lock(folder: Path, name: str = "lock", *, wait: float = 0.0) -> Iterator[None]:
    """Hold the project's lock for the block's duration: one l10n run at a time.

    ``folder`` is the project's state folder (``.l10n``). The lock is an exclusive,
    non-blocking ``flock`` held on open descriptors, released when the process ends,
    even by SIGKILL; a second run stops at once with :class:`LockedError`. It is taken
    on two things:

    * the project's folder itself (``folder``'s parent), opened as a directory: it
      cannot be deleted or replaced under a running l10n, so removing ``.l10n/lock``
      or the whole ``.l10n`` folder during a run lets no second run in;
    * ``folder/name``, the lock file earlier versions of l10n take, so that they and
      this one exclude each other.

    ``wait``: seconds to wait for a run that holds the lock to release it (a save of
    the review page, a catalog ``check --annotate`` writes: each a few milliseconds)
    before giving up with :class:`LockedError`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / name
    with contextlib.ExitStack() as held:
        project = os.open(folder.resolve().parent, os.O_RDONLY | os.O_DIRECTORY)
        held.callback(os.close, project)
        deadline = time.monotonic() + wait
        _flock(project, lock_path, deadline)
        handle = held.enter_context(lock_path.open("a+"))
        _flock(handle.fileno(), lock_path, deadline)
        yield


def _flock(fd: int, lock_path: Path, deadline: float) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= deadline:
            raise LockedError(
                "another l10n run is working on this project",
                path=lock_path,
                hint="wait for it to finish, then run again",
            )
        time.sleep(0.01)
