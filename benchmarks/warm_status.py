"""``python -m benchmarks.warm_status [--size 2000]``: the first ``status`` after a
``translate`` against Translate Toolkit's ``pocount`` on the same catalogs (issue 29).

A generated archive (:mod:`benchmarks.archive`) is translated (the pseudo engine); then
``l10n status --json`` runs (the first after the translate: the catalogs it wrote were
recorded by it), again (no change), and with the state file deleted (a cold run), and
``pocount`` reads every catalog. Printed: each figure (wall and CPU seconds, each a
process of its own), and the first status over pocount. Target: at most 1.0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.archive import make_archive
from benchmarks.state import OUT, run


def _pocount(project: Path) -> tuple[float, float]:
    tool = Path(sys.executable).with_name("pocount")
    files = sorted(str(p) for p in (project / "locales").glob("*/*.po"))
    started = time.perf_counter()
    child = subprocess.Popen([str(tool), "--short", *files], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("pocount failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.warm_status",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=OUT / "warm-status")
    args = parser.parse_args(argv)
    project = make_archive(args.work / f"archive-{args.size}", args.size)
    print(f"{args.size} articles, load average {os.getloadavg()[0]:.1f}", flush=True)
    seconds, cpu, _ = run(project, ["translate"])
    print(f"translate (first)                {seconds:7.2f} s  (CPU {cpu:6.2f} s)", flush=True)
    figures = {}
    for label in ("status, first after translate", "status, no change"):
        figures[label] = run(project, ["status", "--json"])[:2]
    counted = len(list((project / "locales").glob("*/*.po")))
    figures[f"pocount, {counted} catalogs"] = _pocount(project)
    (project / ".l10n" / "state.sqlite").unlink()
    figures["status, state deleted (cold)"] = run(project, ["status", "--json"])[:2]
    for label, (wall, cpu) in figures.items():
        print(f"{label:<32} {wall:7.2f} s  (CPU {cpu:6.2f} s)", flush=True)
    first = figures["status, first after translate"]
    pocount = figures[f"pocount, {counted} catalogs"]
    print(f"first status / pocount: {first[0] / pocount[0]:.2f} (wall), "
          f"{first[1] / pocount[1]:.2f} (CPU); target at most 1.0", flush=True)


if __name__ == "__main__":
    main()
