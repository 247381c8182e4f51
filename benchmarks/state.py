"""``python -m benchmarks.state [--sizes 100,1000,10000] [--quick]``: a command's cost
follows what changed, not what exists (issue 17).

For each size, a generated archive (:mod:`benchmarks.archive`: news-length articles of
distinct sentences, the pseudo engine, Korean and Spanish) is run through the CLI as a
user runs it, each command a process of its own: the first full ``translate``,
``update``, ``status``, ``check`` and ``build --include-machine`` (and the build again
for a site, ``--site-url``, and as a Hugo tree, ``--format hugo``); all again with
nothing changed; then one article edited and all again. Each figure is the wall time,
CPU time and peak memory (RSS) of that process. With ``--shrink``, all but a tenth of
the articles are then deleted (``update --purge-orphans``), the commands run again, and
``l10n state prune``: the state file's size before and after, and the prune's peak
memory. Printed: the figures, the cost per article of the first runs, the one-article
runs less the no-change runs (the work of that article), the growth of the no-change
runs per article between sizes, and the peak RSS of each command (first, no change, one
changed) at the largest size over the smallest. Targets: no change under 2 s at 10,000
articles, one article changed under 2 s plus that article's work, peak RSS within 1.5x.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.archive import edit_article, make_archive

OUT = Path(__file__).resolve().parent / "out"
COMMANDS = {
    "translate": ["translate"],
    "update": ["update"],
    "status": ["status", "--json"],
    "check": ["check"],
    "build": ["build", "--include-machine"],
    # the same build for a site (sitemaps, feeds, canonical links, JSON-LD), and as a
    # Hugo tree, each in a folder of its own: their cost beside the plain build's
    "build site": ["build", "--include-machine", "--site-url", "https://news.example.com/",
                   "--out", "build-site"],
    "build hugo": ["build", "--include-machine", "--format", "hugo", "--out", "build-hugo"],
}


def run(project: Path, args: list[str]) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak RSS in MB) of ``l10n ARGS`` in ``project``, its own
    process (CPU time is the steadier figure on a machine other jobs keep busy)."""
    command = [sys.executable, "-m", "l10n", *args]
    # as installed: Python keeps the compiled modules (a shell that sets
    # PYTHONDONTWRITEBYTECODE would have each run compile l10n again, a tenth of a second)
    env = {name: value for name, value in os.environ.items()
           if name != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode() if child.stderr else ""
    if code not in (0, 1):  # check exits 1 on errors: a figure all the same
        raise SystemExit(f"l10n {' '.join(args)} failed ({code}):\n{errors}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(folder: Path, size: int, say: Any, keep: bool = False,
            shrink: bool = False) -> dict[str, Any]:
    project = folder / f"archive-{size}"
    if not (keep and (project / "seeds").is_dir()):
        project = make_archive(project, size)
    figures: dict[str, Any] = {"articles": size}
    for phase in ("first", "no change", "one changed"):
        if phase == "one changed":
            edit_article(project, size // 2, mark=f"updated {time.time_ns()}")
        for name, args in COMMANDS.items():
            seconds, cpu, rss = run(project, args)
            figures[f"{phase}/{name}"] = {"seconds": round(seconds, 3), "cpu": round(cpu, 3),
                                          "rss_mb": round(rss, 1)}
            say(f"  {size:>6} articles  {phase:<12} {name:<9} {seconds:8.2f} s "
                f"(CPU {cpu:7.2f} s)  {rss:6.1f} MB")
    if shrink:
        figures["state"] = shrink_archive(project, size, say)
    return figures


def state_size(project: Path) -> int:
    """The state file's bytes (with its write-ahead log)."""
    path = project / ".l10n" / "state.sqlite"
    return sum(p.stat().st_size for p in (path, path.with_name("state.sqlite-wal"))
               if p.exists())


def shrink_archive(project: Path, size: int, say: Any) -> dict[str, Any]:
    """Delete all but a tenth of the articles, as a newsroom retires stories; the state
    file's size before, after a round of the commands, and after ``l10n state prune``."""
    before = state_size(project)
    for path in sorted((project / "seeds").glob("*.txt"))[max(1, size // 10):]:
        path.unlink()
    run(project, ["update", "--purge-orphans"])
    for args in COMMANDS.values():
        run(project, args)
    after_runs = state_size(project)
    _, cpu, rss = run(project, ["state", "prune"])
    after = state_size(project)
    say(f"  {size:>6} articles  state {before / 1e6:.2f} MB; a tenth kept: "
        f"{after_runs / 1e6:.2f} MB after a round of the commands, {after / 1e6:.2f} MB "
        f"({after / before:.2f}x) after `state prune` (CPU {cpu:.2f} s, {rss:.1f} MB)")
    return {"bytes before": before, "bytes after a round": after_runs,
            "bytes after prune": after, "prune cpu": round(cpu, 3),
            "prune rss_mb": round(rss, 1)}


def summary(results: list[dict[str, Any]], say: Any) -> dict[str, Any]:
    """Per-article costs, growth between sizes, memory ratios."""
    facts: dict[str, Any] = {}
    results = sorted(results, key=lambda run: int(run["articles"]))
    small, large = results[0], results[-1]
    for name in COMMANDS:
        first = large[f"first/{name}"]["seconds"]
        still = large[f"no change/{name}"]["seconds"]
        one = large[f"one changed/{name}"]["seconds"]
        cpu = (large[f"no change/{name}"]["cpu"], large[f"one changed/{name}"]["cpu"])
        per_article = first / large["articles"]
        line: dict[str, Any] = {
            "first run per article (ms)": round(1000 * per_article, 2),
            "no change (s)": still,
            "one changed (s)": one,
            "CPU no change / one changed (s)": list(cpu),
            "one changed less no change (s)": round(one - still, 3),
            "one article's share of the first run (s)": round(per_article, 3),
            "peak RSS largest/smallest": round(large[f"no change/{name}"]["rss_mb"]
                                               / small[f"no change/{name}"]["rss_mb"], 2),
            "peak RSS largest/smallest, one changed": round(
                large[f"one changed/{name}"]["rss_mb"]
                / small[f"one changed/{name}"]["rss_mb"], 2),
            "peak RSS largest/smallest, first": round(
                large[f"first/{name}"]["rss_mb"] / small[f"first/{name}"]["rss_mb"], 2),
        }
        for before, after in zip(results, results[1:], strict=False):
            rate = [r[f"no change/{name}"]["seconds"] / r["articles"] for r in (before, after)]
            line[f"no change per article {before['articles']} -> {after['articles']} (ms)"] = [
                round(1000 * rate[0], 3), round(1000 * rate[1], 3)]
        facts[name] = line
        say(f"{name}: " + "; ".join(f"{k} {v}" for k, v in line.items()))
    return facts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.state",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        help="archive sizes, comma-separated (default 100,1000,10000)")
    parser.add_argument("--quick", action="store_true", help="sizes 10 and 40: a smoke run")
    parser.add_argument("--work", type=Path, default=OUT / "state-work")
    parser.add_argument("--keep", action="store_true",
                        help="reuse archives made by an earlier run (its 'first' runs then "
                        "only bring the state up to date)")
    parser.add_argument("--out", type=Path, default=OUT / "state.json")
    parser.add_argument("--shrink", action="store_true",
                        help="then delete all but a tenth of the articles: the state's size")
    args = parser.parse_args(argv)
    sizes = [10, 40] if args.quick else [int(n) for n in args.sizes.split(",")]

    def say(text: str) -> None:
        print(text, flush=True)

    say(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores")
    results = [measure(args.work, size, say, args.keep, args.shrink) for size in sizes]
    facts = summary(results, say)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"runs": results, "summary": facts}, indent=1) + "\n",
                        encoding="utf-8")
    say(f"figures in {args.out}")


if __name__ == "__main__":
    main()
