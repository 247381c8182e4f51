"""``python -m benchmarks``: translation throughput side by side, in one run.

(a) naive Argos, (b) ``l10n translate``'s own path, (c) the CTranslate2 limit, all on the
same sentences, with the same model and the same beam; then a no-change re-run, the
start-up time of ``l10n --help`` and the peak memory of ``l10n translate`` over 1 and
100 articles. Every figure is printed next to its target and written to a JSON file.
Each (a)/(b)/(c) figure is the median of ``--runs`` runs, interleaved (a, b, c, a, b, c,
...) so that load from other processes on a shared machine hits all three alike.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks import measure, workload

OUT = Path(__file__).resolve().parent / "out"


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="smoke run (about 10 s): tiny model, few sentences, one run of "
                        "each measurement; checks that every measurement works, its ratios "
                        "are reported as not applicable")
    parser.add_argument("--runs", type=int, help="runs per figure (median; default 3)")
    parser.add_argument("--naive", type=int, default=64,
                        help="sentences per run for naive Argos (default 64, a fixed spread)")
    parser.add_argument("--out", type=Path, default=OUT / "results.json")
    parser.add_argument("--cache", type=Path, default=OUT / "models",
                        help="where the benchmark model is built once and reused")
    return parser.parse_args(argv)


def median(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in runs))


class Bench:
    """One benchmark session: the model, the sentences, and the figures gathered."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.quick = args.quick
        self.runs = args.runs or (1 if args.quick else 3)
        self.size = "tiny" if args.quick else "base"
        sentences = workload.load_sentences()
        self.sentences = sentences[:24] if self.quick else sentences
        self.naive_sentences = workload.spread(self.sentences, 8 if self.quick else args.naive)
        self.work = OUT / "work"
        self.results: dict[str, Any] = {}

    def say(self, text: str) -> None:
        print(text, flush=True)

    def prepare(self) -> None:
        started = time.perf_counter()
        self.model_file, built = workload.benchmark_model(self.args.cache, self.size)
        shutil.rmtree(self.work, ignore_errors=True)
        self.models_dir = self.work / "models"
        self.package = workload.install(self.model_file, self.models_dir)
        self.beam = measure.effective_beam()
        sp, self.ct2_model = measure.load_limit_model(self.package)
        self.tokens = [sp.encode(s, out_type=str) for s in self.sentences]
        n_tokens = sum(map(len, self.tokens))
        self.results["setup"] = {
            "model": str(self.model_file), "size": self.size, "built_now": built,
            "model_mb": round(self.model_file.stat().st_size / 1e6, 1),
            "build_or_load_seconds": round(time.perf_counter() - started, 2),
            "beam": self.beam, "runs": self.runs, "sentences": len(self.sentences),
            "naive_sentences": len(self.naive_sentences),
            "tokens_per_sentence": round(n_tokens / len(self.tokens), 1),
            "tokens_per_word": round(n_tokens / sum(len(s.split()) for s in self.sentences), 2),
            "cores": os.cpu_count(), "python": platform.python_version(),
        }
        self.say(f"model: {self.model_file.name} ({self.size}, "
                 f"{'built' if built else 'cached'}), beam {self.beam}, "
                 f"{len(self.sentences)} sentences, "
                 f"{self.results['setup']['tokens_per_sentence']} tokens each on average")

    def throughput(self) -> None:
        naive, first, rerun, limits = [], [], [], []
        best: str | None = None
        articles = workload.split_articles(self.sentences, 1 if self.quick else 6)
        for run in range(self.runs):
            self.say(f"run {run + 1}/{self.runs}: (a) naive Argos ...")
            naive.append(measure.naive_argos(self.model_file, self.naive_sentences, self.beam))
            project = workload.make_project(self.work / "project", articles, self.models_dir)
            self.say(f"run {run + 1}/{self.runs}: (b) l10n translate, then a no-change re-run ...")
            first.append(measure.pipeline(project))
            rerun.append(measure.pipeline(project))
            if best is None:
                best = self.pick_limit_config()
            self.say(f"run {run + 1}/{self.runs}: (c) CTranslate2, {best} ...")
            limits.append(measure.limit(self.ct2_model, self.tokens, self.beam, best))
        self.results["raw"] = {"naive": naive, "pipeline": first, "rerun": rerun,
                               "limit": limits}
        self.results["throughput"] = self._summary(naive, first, rerun, limits, best)

    def pick_limit_config(self) -> str:
        """The fastest CTranslate2 configuration, tried once each on a spread of 96
        sentences (trying them all on every sentence would double the benchmark's time).
        The quick run takes the way l10n feeds it, without trying the others."""
        if self.quick:
            self.results["limit_trials"] = {}
            return QUICK_LIMIT
        spread = [self.tokens[i * len(self.tokens) // 96] for i in range(96)]
        spread = spread if len(self.tokens) > 96 else self.tokens
        trials = {}
        for config in measure.LIMIT_CONFIGS:
            self.say(f"(c) trying {config} on {len(spread)} sentences ...")
            trials[config] = measure.limit(self.ct2_model, spread, self.beam, config)
        self.results["limit_trials"] = trials
        return max(trials, key=lambda name: trials[name]["per_second"])

    def _summary(self, naive: list[Any], first: list[Any], rerun: list[Any],
                 limits: list[Any], best: str | None) -> dict[str, Any]:
        per_config = {k: v["per_second"] for k, v in self.results["limit_trials"].items()}
        per_config = per_config or {best: median(limits, "per_second")}
        a = median(naive, "per_second")
        b = median(first, "per_second")
        c = median([r for r in limits if r["config"] == best], "per_second")
        ratios = [f["seconds"] / r["seconds"] for f, r in zip(first, rerun, strict=True)]
        return {
            "naive_per_second": a, "pipeline_per_second": b, "limit_per_second": c,
            "limit_config": best, "limit_configs": per_config,
            "b_over_a": b / a, "b_over_c": b / c,
            "pipeline_seconds": median(first, "seconds"),
            "rerun_seconds": median(rerun, "seconds"),
            "rerun_speedup": float(statistics.median(ratios)),
            "rerun_model_loaded": any(r["model_loaded"] for r in rerun),
            "entries_filled": first[-1]["filled"], "rerun_filled": rerun[-1]["filled"],
            "copied": {"naive": f"{naive[-1]['copied']}/{naive[-1]['sentences']}",
                       "pipeline": f"{first[-1]['copied']}/{len(self.sentences)}",
                       "limit": f"{limits[-1]['copied']}/{limits[-1]['sentences']}"},
        }

    def startup_and_memory(self) -> None:
        self.say("l10n --help start-up ...")
        times = measure.help_seconds(3 if self.quick else 9)
        self.results["help"] = {"median_seconds": statistics.median(times), "runs": times}
        per_article = 32  # a typical news article; the seed article has 13 sentences
        memory: dict[str, Any] = {}
        many = 10 if self.quick else 100
        for count in (1, many):
            self.say(f"peak memory of l10n translate over {count} article(s) ...")
            articles = workload.rotating_articles(self.sentences, count, per_article)
            memory[str(count)] = self._peak(f"mem-{count}", articles)
        memory["ratio"] = memory[str(many)]["peak_mb"] / memory["1"]["peak_mb"]
        self.results["memory"] = memory
        if self.quick:  # the lean setting is a comparison of real runs: not in a smoke run
            return
        # The same with smaller batches: what they save in memory, and cost in time (the
        # seconds of each 100-article run are reported beside it).
        lean: dict[str, Any] = {"option": LEAN.replace("\n", ", ")}
        for count in (1, many):
            self.say(f"peak memory over {count} article(s) with {lean['option']} ...")
            articles = workload.rotating_articles(self.sentences, count, per_article)
            options = f"[engines.argos]\n{LEAN}\n"
            lean[str(count)] = self._peak(f"lean-{count}", articles, options)
        lean["ratio"] = lean[str(many)]["peak_mb"] / lean["1"]["peak_mb"]
        memory["lean"] = lean
        self.results["memory"] = memory

    def _peak(self, name: str, articles: list[list[str]], options: str = "") -> dict[str, Any]:
        """Peak RSS of one fresh run; a single article's run is cheap and its peak varies
        by several MB from run to run, so it is the median of 3 (each from a fresh project)."""
        runs = []
        for _ in range(3 if len(articles) == 1 and not self.quick else 1):
            project = workload.make_project(self.work / name, articles, self.models_dir, options)
            runs.append(measure.peak_rss_mb(project, self.work / "home"))
        figures = dict(sorted(runs, key=lambda r: r["peak_mb"])[len(runs) // 2])
        figures["segments"] = sum(map(len, articles))
        figures["peaks_mb"] = [r["peak_mb"] for r in runs]
        return figures


LEAN = "batch_size = 16\nbatch_tokens = 384"  # the memory-lean setting, measured beside
QUICK_LIMIT = "inter_threads=2, one feeding thread per replica"  # how l10n feeds CTranslate2


def main(argv: list[str] | None = None) -> None:
    import sys

    from benchmarks.report import print_report

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["scale"]:
        from benchmarks import scale

        scale.main(argv[1:])
        return
    args = parse(argv)
    bench = Bench(args)
    started = time.perf_counter()
    bench.prepare()
    bench.throughput()
    bench.startup_and_memory()
    bench.results["total_seconds"] = round(time.perf_counter() - started, 1)
    bench.results["quick"] = bench.quick
    bench.results["targets"] = print_report(bench.results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(bench.results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.out}")
