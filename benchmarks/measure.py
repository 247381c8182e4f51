"""The measurements: each function runs one thing once and returns its figures as a dict.

(a) :func:`naive_argos`: ``argostranslate`` one sentence at a time (own process);
(b) :func:`pipeline`: ``l10n.workflow.translate.translate`` on a project (in process);
(c) :func:`limit`: ``ctranslate2.Translator.translate_batch`` on pre-tokenized sentences;
plus :func:`help_seconds` and :func:`peak_rss_mb` (fresh processes of the ``l10n`` CLI).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.workload import SOURCE, TARGET

PYTHON = sys.executable
L10N = str(Path(sys.executable).with_name("l10n"))


def effective_beam() -> int:
    """The beam ``l10n translate`` really decodes the benchmark sentences with.

    Enforcement asks for n-best hypotheses (beam = max(beam, n_best)) only for segments
    with protected spans (glossary terms, markup); the benchmark project has no glossary
    and its sentences no markup (a test checks this), so every sentence is decoded at the
    engine's default beam.
    """
    from l10n.engines import argos

    return int(argos.DEFAULT_BEAM)


def quiet_env(home: Path) -> dict[str, str]:
    """The environment with HOME and the XDG folders in ``home`` (Argos writes there)."""
    env = dict(os.environ)
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"))
    env.pop("L10N_MODELS_DIR", None)
    return env


def naive_argos(model_file: Path, sentences: list[str], beam: int) -> dict[str, Any]:
    """(a) in a fresh process with its own Argos packages folder and ``ARGOS_BEAM_SIZE``."""
    with tempfile.TemporaryDirectory(prefix="naive-argos-") as tmp:
        work = Path(tmp)
        (work / "sentences.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
        env = quiet_env(work)
        env.update(ARGOS_PACKAGES_DIR=str(work / "packages"), ARGOS_BEAM_SIZE=str(beam),
                   ARGOS_DEVICE_TYPE="cpu")
        done = subprocess.run(
            [PYTHON, "-m", "benchmarks.naive_argos", str(model_file),
             str(work / "sentences.txt"), SOURCE, TARGET],
            env=env, capture_output=True, text=True, cwd=Path(__file__).parent.parent,
        )
        if done.returncode:
            raise RuntimeError(f"naive Argos failed:\n{done.stderr[-2000:]}")
        figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["per_second"] = figures["sentences"] / figures["seconds"]
    return figures


def pipeline(project: Path, engine: str = "argos") -> dict[str, Any]:
    """(b) ``translate()`` over every article of ``project``, timed end to end (model load,
    merge, memory, enforcement and catalog writes included)."""
    from l10n.config import load_settings
    from l10n.workflow.translate import translate

    settings = load_settings(cwd=project)
    started = time.perf_counter()
    report = translate(settings, None, [TARGET], engine_name=engine, progress=None)
    seconds = time.perf_counter() - started
    lang = report.languages[TARGET]
    filled = lang.machine + lang.memory_exact + lang.memory_fuzzy
    return {"seconds": seconds, "filled": filled, "machine": lang.machine,
            "model_loaded": report.model_loaded, "copied": copied_entries(project),
            "per_second": filled / seconds if seconds else 0.0}


def copied_entries(project: Path) -> int:
    """Catalog entries whose translation equals the source (the copy model's promise)."""
    from l10n.catalog import Catalog

    return sum(
        sum(1 for e in Catalog.read(path).entries() if e.msgstr and e.msgstr == e.msgid)
        for path in sorted((project / "locales" / TARGET).glob("*.po"))
    )


# ---------------------------------------------------------------- (c) the limit
LIMIT_CONFIGS = {
    "1 translator x 2 threads": {"translators": 1, "inter": 1, "intra": 2},
    "inter_threads=2 x 1 thread": {"translators": 1, "inter": 2, "intra": 1},
    "2 translators x 1 thread": {"translators": 2, "inter": 1, "intra": 1},
    "inter_threads=2, batches submitted asynchronously": {
        "translators": 1, "inter": 2, "intra": 1, "async": 1},
    # batches cut by a token budget instead of 32 sentences: CTranslate2's other batch type
    "inter_threads=2 x 1 thread, batches of 768 tokens": {
        "translators": 1, "inter": 2, "intra": 1, "tokens": 768},
    # how l10n feeds it: one Python thread per replica, one synchronous call per batch
    "inter_threads=2, one feeding thread per replica": {
        "translators": 1, "inter": 2, "intra": 1, "feed": 1},
}


def load_limit_model(package: Path) -> tuple[Any, Any]:
    """(SentencePiece processor, path of the CTranslate2 model) of an installed package."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    return sp, package / "model"


def limit(
    model_dir: Path, tokens: list[list[str]], beam: int, config: str, batch: int = 32
) -> dict[str, Any]:
    """(c) every sentence at once, sorted by length, in batches of ``batch`` sentences (or
    of the token budget of ``config``), with the translators and threads of ``config``
    (model load not timed); int8."""
    import ctranslate2

    shape = LIMIT_CONFIGS[config]
    translators = [
        ctranslate2.Translator(str(model_dir), device="cpu", compute_type="int8",
                               inter_threads=shape["inter"], intra_threads=shape["intra"])
        for _ in range(shape["translators"])
    ]
    order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
    batches = [order[i:i + batch] for i in range(0, len(order), batch)]
    outputs: dict[int, list[str]] = {}
    options: dict[str, Any] = {"beam_size": beam, "length_penalty": 0.2, "max_batch_size": batch}
    if shape.get("tokens"):
        options.update(max_batch_size=shape["tokens"], batch_type="tokens")

    def work(translator: Any, share: list[list[int]]) -> None:
        if shape.get("feed"):  # inter_threads threads take the next batch as they finish
            with ThreadPoolExecutor(max_workers=shape["inter"]) as pool:
                done = pool.map(lambda b: translator.translate_batch(
                    [tokens[i] for i in b], **options), share)
                for b, results in zip(share, done, strict=True):
                    for i, result in zip(b, results, strict=True):
                        outputs[i] = result.hypotheses[0]
            return
        if shape.get("async"):  # every batch queued at once, results collected after
            futures = [(b, translator.translate_batch([tokens[i] for i in b], asynchronous=True,
                                                      **options)) for b in share]
            for b, results in futures:
                for i, future in zip(b, results, strict=True):
                    outputs[i] = future.result().hypotheses[0]
            return
        flat = [i for b in share for i in b]
        results = translator.translate_batch([tokens[i] for i in flat], **options)
        for i, result in zip(flat, results, strict=True):
            outputs[i] = result.hypotheses[0]

    started = time.perf_counter()
    shares = [batches[k::len(translators)] for k in range(len(translators))]
    threads = [threading.Thread(target=work, args=(t, s)) for t, s in zip(translators, shares,
                                                                         strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    copied = sum(outputs.get(i) == tokens[i] for i in range(len(tokens)))
    return {"config": config, "seconds": seconds, "sentences": len(tokens), "copied": copied,
            "per_second": len(tokens) / seconds}


# ---------------------------------------------------------------- CLI processes
def help_seconds(runs: int = 7) -> list[float]:
    """Wall time of ``l10n --help`` in fresh processes (one warm-up run not counted)."""
    times = []
    for attempt in range(runs + 1):
        started = time.perf_counter()
        subprocess.run([L10N, "--help"], capture_output=True, check=True)
        if attempt:
            times.append(time.perf_counter() - started)
    return times


_RSS_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[2:], cwd=sys.argv[1], capture_output=True, text=True)\n"
    "t = time.perf_counter() - t\n"
    "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(done.returncode, kb, t)\n"
    "sys.stderr.write(done.stderr[-3000:])\n"
)


def peak_rss_mb(project: Path, home: Path) -> dict[str, Any]:
    """Peak resident memory (MB) of ``l10n translate --engine argos --json`` in ``project``,
    in a fresh process measured by a wrapper (its RUSAGE_CHILDREN holds only that run)."""
    done = subprocess.run(
        [PYTHON, "-c", _RSS_WRAPPER, str(project), L10N, "translate", "--engine", "argos",
         "--to", TARGET, "--json"],
        capture_output=True, text=True, env=quiet_env(home),
    )
    code, kb, seconds = done.stdout.split()
    if code != "0":
        raise RuntimeError(f"l10n translate failed in {project}:\n{done.stderr}")
    return {"peak_mb": int(kb) / 1024, "seconds": float(seconds),
            "copied": copied_entries(project)}
