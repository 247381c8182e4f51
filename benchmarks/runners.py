"""``python -m benchmarks.runners [--quick]``: the local runner against the ray runner.

One run, on this machine, the same project of ``--sentences`` sentences (default 1,040:
40 articles of 26, the benchmark's news sentences) into Korean with the benchmark's copy
model, translated afresh each time through ``translate()``:

* local: the engine in the driver's process, one CTranslate2 replica per core (2 here);
* ray: a local Ray instance, 2 workers x 1 thread (an actor each, the model loaded once
  per worker), started afresh each run.

Runs alternate (local, ray, local, ray, ...), median of ``--runs`` (3). The ray runner's
fixed start-up (Ray started, workers ready) is reported apart from its throughput, which
is sentences / (seconds - start-up). For the cluster estimate it also measures the
per-worker rate (sentences per second of engine time inside one worker) and the
driver's share: the CPU time of the driver's own thread (reading, merging, enforcing,
writing, sending requests), per sentence, which one driver process cannot exceed
whatever the number of workers. An N-worker cluster reaches about
``min(N x per-worker rate, 1 / driver seconds per sentence)``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks import workload
from benchmarks.measure import copied_entries

OUT = Path(__file__).resolve().parent / "out"
CLUSTERS = (2, 8, 32, 128, 512)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.runners", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny model, 104 sentences, 1 run")
    parser.add_argument("--runs", type=int, help="runs per runner (median; default 3)")
    parser.add_argument("--sentences", type=int, help="sentences (default 1040)")
    parser.add_argument("--out", type=Path, default=OUT / "runners.json")
    parser.add_argument("--cache", type=Path, default=OUT / "models")
    return parser.parse_args(argv)


def run_once(project: Path, runner: str) -> dict[str, Any]:
    """``translate()`` over ``project`` with ``runner``; its figures."""
    from l10n.config import RunnerSettings, load_settings
    from l10n.engines import engine_spec
    from l10n.runners import EngineSpec
    from l10n.runners.ray import RayRunner
    from l10n.workflow.translate import translate

    settings = load_settings(cwd=project)
    ray_runner = None
    if runner == "ray":
        spec = EngineSpec(*engine_spec(settings, workload.SOURCE, workload.TARGET, "argos"))
        ray_runner = RayRunner([spec], RunnerSettings("ray", workers=2),
                               [[(workload.SOURCE, workload.TARGET)]])
    started, cpu = time.perf_counter(), time.thread_time()
    try:
        report = translate(settings, None, [workload.TARGET], engine_name="argos",
                           use_runner=ray_runner)
    finally:
        seconds, cpu = time.perf_counter() - started, time.thread_time() - cpu
        if ray_runner is not None:
            ray_runner.close()
    figures: dict[str, Any] = {
        "seconds": seconds, "sentences": report.languages[workload.TARGET].machine,
        "copied": copied_entries(project), "startup_seconds": 0.0, "driver_cpu": cpu,
    }
    if ray_runner is not None:
        figures.update(startup_seconds=ray_runner.startup_seconds,
                       driver_cpu=cpu - ray_runner.startup_cpu,
                       worker_seconds=ray_runner.worker_seconds, workers=ray_runner.workers)
    steady = figures["seconds"] - figures["startup_seconds"]
    figures["per_second"] = figures["sentences"] / steady
    figures["per_second_with_startup"] = figures["sentences"] / figures["seconds"]
    return figures


def summarize(local: list[dict[str, Any]], ray: list[dict[str, Any]]) -> dict[str, Any]:
    def med(runs: list[dict[str, Any]], key: str) -> float:
        return float(statistics.median(r[key] for r in runs))

    sentences = ray[0]["sentences"]
    per_worker = statistics.median(r["sentences"] / (r["worker_seconds"] / r["workers"])
                                   / r["workers"] for r in ray)
    driver = med(ray, "driver_cpu") / sentences  # seconds of driver CPU per sentence
    return {
        "sentences": sentences,
        "local_per_second": med(local, "per_second"),
        "ray_per_second": med(ray, "per_second"),
        "ray_startup_seconds": med(ray, "startup_seconds"),
        "ray_per_second_with_startup": med(ray, "per_second_with_startup"),
        "ratio": statistics.median(r["per_second"] / q["per_second"]
                                   for r, q in zip(ray, local, strict=True)),
        "ratio_with_startup": statistics.median(r["per_second_with_startup"] / q["per_second"]
                                                for r, q in zip(ray, local, strict=True)),
        "per_worker_per_second": per_worker,
        "driver_ms_per_sentence": driver * 1000,
        "local_driver_ms_per_sentence": med(local, "driver_cpu") / sentences * 1000,
        "driver_limit_per_second": 1 / driver,
        "cluster_estimate": {n: min(n * per_worker, 1 / driver) for n in CLUSTERS},
    }


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    runs = args.runs or (1 if args.quick else 3)
    count = args.sentences or (104 if args.quick else 1040)
    size = "tiny" if args.quick else "base"
    model_file, _ = workload.benchmark_model(args.cache, size)
    work = OUT / "work-runners"
    models = work / "models"
    workload.install(model_file, models)
    per_article = 26
    articles = workload.rotating_articles(workload.load_sentences(), count // per_article,
                                          per_article)
    results: dict[str, list[dict[str, Any]]] = {"local": [], "ray": []}
    for number in range(runs):
        for runner in ("local", "ray"):
            project = workload.make_project(work / "project", articles, models)
            figures = run_once(project, runner)
            assert figures["copied"] == figures["sentences"] == count, figures
            results[runner].append(figures)
            print(f"run {number + 1}/{runs} {runner}: {figures['sentences']} sentences in "
                  f"{figures['seconds']:.1f} s (start-up {figures['startup_seconds']:.1f} s): "
                  f"{figures['per_second']:.2f} sentences/s", flush=True)
    summary = summarize(results["local"], results["ray"])
    report(summary, size)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"model": size, "summary": summary, "runs": results},
                                   indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.out}")


def report(s: dict[str, Any], size: str) -> None:
    verdict = "PASS" if s["ratio"] >= 0.85 else "MISS"
    print(f"\n{s['sentences']} sentences, copy model ({size}), 2 shared cores, median of runs")
    print(f"local runner (2 replicas in process):   {s['local_per_second']:.2f} sentences/s")
    print(f"ray runner (2 workers x 1 thread):      {s['ray_per_second']:.2f} sentences/s"
          f" after a fixed start-up of {s['ray_startup_seconds']:.1f} s"
          f" ({s['ray_per_second_with_startup']:.2f}/s with it)")
    print(f"ray / local:                            {s['ratio']:.2f} (target >= 0.85: {verdict});"
          f" {s['ratio_with_startup']:.2f} with the start-up")
    print(f"per worker (1 thread):                  {s['per_worker_per_second']:.2f} sentences/s"
          " of engine time")
    print(f"driver's share:                         {s['driver_ms_per_sentence']:.2f} ms CPU"
          f" per sentence (local runner: {s['local_driver_ms_per_sentence']:.2f} ms, engine"
          f" included): at most {s['driver_limit_per_second']:.0f} sentences/s")
    for n, rate in s["cluster_estimate"].items():
        print(f"  estimate, {n:>3} workers: {rate:8.0f} sentences/s")


if __name__ == "__main__":
    main()
