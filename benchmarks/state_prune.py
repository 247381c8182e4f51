"""``python -m benchmarks.state_prune [--size 600] [--keep 50]``: the state shrinks with
the archive (issue 29).

A generated archive (:mod:`benchmarks.archive`) of ``--size`` articles goes through the
commands of :data:`benchmarks.state.COMMANDS` (``translate``, ``update``, ``status``,
``check`` and ``build --include-machine`` plain, for a site and as a Hugo tree: seven
since the site builds and ``update`` joined them, four before); then all but ``--keep``
articles are deleted with ``update --purge-orphans`` (as a newsroom retires stories), and
the commands run again, once each, then until the state has pruned itself. Printed: the
state file's size and rows after the first runs (and by kind of fact), after the
deletion's runs, and after ``l10n state prune`` (which the automatic prune should have
made a no-op), with the ratios to the full archive's figures; and the peak memory of a
prune of the full archive's state beside a no-change ``status``'s. ``--state FILE``: only
prune a copy of that state file, in this process (its peak memory and CPU time). Target:
the state shrinks with the archive, without a step the user must remember.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from benchmarks.archive import make_archive
from benchmarks.state import COMMANDS, OUT, run


def _figures(project: Path) -> tuple[int, int, int]:
    path = project / ".l10n" / "state.sqlite"
    db = sqlite3.connect(path)
    try:
        rows = [db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("file", "fact")]
    finally:
        db.close()
    size = path.stat().st_size + sum(p.stat().st_size for p in path.parent.glob("state.sqlite-wal"))
    return size, rows[0], rows[1]


def _kinds(project: Path) -> None:
    """Rows and bytes of the facts by kind (a span's apart, a build folder's kind by its
    name): what grew, when the file did."""
    db = sqlite3.connect(project / ".l10n" / "state.sqlite")
    try:
        rows = db.execute(
            "SELECT kind, path LIKE '<span:%', count(*), sum(length(CAST(value AS BLOB))) FROM fact"
            " GROUP BY 1, 2 ORDER BY 4 DESC").fetchall()
    finally:
        db.close()
    for kind, span, count, size in rows:
        name = kind.replace(str(project), ".") + (" (spans)" if span else "")
        print(f"  {name:<42} {size / 1e6:7.2f} MB  {count:6} facts", flush=True)


def prune_copy(state: Path) -> None:
    """Prune a copy of the state file ``state`` (of this format) in this process: what it
    drops, its CPU time and this process's peak memory (a large archive's state, without
    running the archive's commands again)."""
    import resource
    import shutil
    import tempfile
    import time

    from l10n.incremental.database import prune

    with tempfile.TemporaryDirectory(dir=state.parent) as folder:
        copy = Path(folder) / "state.sqlite"
        shutil.copy(state, copy)
        db = sqlite3.connect(copy, isolation_level=None)
        ready = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.process_time()
        result = prune(db, str(copy))
        cpu = time.process_time() - started
        db.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{state}: {result}; CPU {cpu:.2f} s, peak RSS {rss:.1f} MB "
          f"({ready:.1f} MB before the prune)", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.state_prune",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=600)
    parser.add_argument("--keep", type=int, default=50)
    parser.add_argument("--work", type=Path, default=OUT / "prune-work")
    parser.add_argument("--state", type=Path,
                        help="only prune a copy of this state file (see prune_copy)")
    args = parser.parse_args(argv)
    if args.state:
        prune_copy(args.state)
        return
    project = make_archive(args.work / f"archive-{args.size}", args.size)

    def say(label: str, base: tuple[int, int, int] | None = None) -> tuple[int, int, int]:
        size, files, facts = _figures(project)
        ratio = "" if base is None else f"  ({size / base[0]:.2f}x of the full archive's size)"
        print(f"{label:<44} {size / 1e6:7.2f} MB  {files:6} file rows  {facts:6} facts{ratio}",
              flush=True)
        return size, files, facts

    for args_ in COMMANDS.values():
        run(project, args_)
    full = say(f"{args.size} articles, after the {len(COMMANDS)} commands")
    _kinds(project)
    # a prune streams its rows: its peak memory is a no-change status's, whatever the state
    status = run(project, COMMANDS["status"])
    pruned = run(project, ["state", "prune"])
    print(f"peak RSS: `l10n state prune` {pruned[2]:.1f} MB (CPU {pruned[1]:.2f} s), "
          f"a no-change status {status[2]:.1f} MB: {pruned[2] / status[2]:.2f}x", flush=True)
    articles = sorted((project / "seeds").glob("*.txt"))
    for path in articles[args.keep:]:
        path.unlink()
    run(project, ["update", "--purge-orphans"])
    for args_ in COMMANDS.values():
        run(project, args_)
    say(f"{args.keep} kept, after update and the commands", full)
    rounds = 1
    while rounds < 4:
        for args_ in COMMANDS.values():
            run(project, args_)
        rounds += 1
    say(f"after {rounds} rounds of the commands", full)
    run(project, ["state", "prune"])
    say("after `l10n state prune`", full)


if __name__ == "__main__":
    main()
