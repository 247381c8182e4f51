"""The ``argos`` engine: installed Argos Translate packages, run with CTranslate2 directly.

This is the only module that imports ``ctranslate2``, ``sentencepiece`` and
``argostranslate`` for translating (all inside functions). It reads an Argos package
(``model/`` + ``sentencepiece.model``) itself instead of going through
``argostranslate.translate``, because that path translates one string at a time, splits
sentences with a splitter that downloads a model from the internet, and turns ``_``
into spaces when decoding. Here:

* every text of a call is tokenized, then all sentences are sorted by token length
  and cut into batches of at most ``batch_size`` sentences and ``batch_tokens`` padded
  tokens (:func:`cut_batches`); one thread per CTranslate2 replica (``inter_threads``)
  feeds it batch after batch, longest first, so both caps bound the memory in flight
  and every core stays busy to the end; a single short article is cut into one batch
  per replica; results are put back in input order;
* a text holding ``\\n`` is translated line by line and joined again; blank lines and the
  whitespace around each line are kept as they are;
* a pair without a package pivots through English (``ko -> en -> es``): the best
  intermediate translation is translated again, and a hypothesis's score is the sum
  of both scores (log-probabilities, normalized by CTranslate2's length penalty);
* the loaded model is cached on the engine instance; nothing loads before the first
  translation, and nothing here reaches the network.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n.config import Settings
from l10n.engines.base import Advance, missing_model_error
from l10n.engines.batches import cut_batches
from l10n.engines.packages import ModelInfo, find_route, list_models
from l10n.errors import EngineError, EngineOptionError, ModelError
from l10n.model import Hypothesis

LENGTH_PENALTY = 0.2  # as Argos Translate
DEFAULT_BEAM = 2  # Argos uses 4; 2 is ~1.7x faster and loses little on news text
DEFAULT_BATCH_SIZE = 32  # at most this many sentences per batch (see cut_batches)
DEFAULT_BATCH_TOKENS = 512  # and at most this many padded tokens
DEFAULT_MAX_LENGTH = 512  # decoding stops after this many tokens
# CTranslate2's compute types (ctranslate2.get_supported_compute_types names the ones a
# CPU runs; "auto" and "default" always work)
COMPUTE_TYPES = ("auto", "default", "int8", "int8_float32", "int8_float16", "int8_bfloat16",
                 "int16", "float16", "bfloat16", "float32")
DEVICES = ("cpu", "cuda", "auto")  # auto: CUDA when CTranslate2 sees a GPU


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def split_threads(threads: int) -> tuple[int, int]:
    """(inter_threads, intra_threads) for ``threads`` cores.

    Batches in parallel scale better than threads inside one batch on small CPUs: up to
    4 cores, one thread per batch; beyond, two threads per batch.
    """
    if threads <= 4:
        return threads, 1
    return threads // 2, 2


@dataclass(frozen=True)
class _Loaded:
    """A package ready to translate: its CTranslate2 translator and its tokenizer."""

    info: ModelInfo
    translator: Any
    tokenizer: Any  # sentencepiece.SentencePieceProcessor, or argostranslate's BPETokenizer
    sentencepiece: bool

    def encode(self, text: str) -> list[str]:
        if self.sentencepiece:
            pieces: list[str] = self.tokenizer.encode(text, out_type=str)
            return pieces
        return list(self.tokenizer.encode(text))

    def decode(self, pieces: list[str]) -> str:
        if self.info.target_prefix and pieces[:1] == [self.info.target_prefix]:
            pieces = pieces[1:]
        text: str = (
            self.tokenizer.decode_pieces(pieces)
            if self.sentencepiece
            else self.tokenizer.decode(pieces)
        )
        return text.strip()


class ArgosEngine:
    """Argos packages from ``models_dir``; see the module docstring for the rules."""

    name = "argos"

    def __init__(
        self,
        models_dir: Path,
        *,
        beam_size: int = DEFAULT_BEAM,
        batch_size: int = DEFAULT_BATCH_SIZE,
        batch_tokens: int = DEFAULT_BATCH_TOKENS,
        threads: int | None = None,
        compute_type: str = "auto",
        max_length: int = DEFAULT_MAX_LENGTH,
        device: str = "cpu",
    ) -> None:
        for option, value in (
            ("beam_size", beam_size),
            ("batch_size", batch_size),
            ("batch_tokens", batch_tokens),
            ("max_length", max_length),
            ("threads", 1 if threads is None else threads),
        ):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise EngineOptionError(
                    f"[engines.argos] {option} must be a positive integer, not {value!r}",
                    engine="argos", option=option,
                )
        if compute_type not in COMPUTE_TYPES:
            raise EngineOptionError(
                f"[engines.argos] compute_type {compute_type!r} is not a CTranslate2 "
                "compute type", engine="argos", option="compute_type",
                hint=f"use one of {', '.join(COMPUTE_TYPES)} (\"auto\" picks the best)",
            )
        if device not in DEVICES:
            raise EngineOptionError(
                f"[engines.argos] device {device!r} is not one of {', '.join(DEVICES)}",
                engine="argos", option="device",
            )
        self.device = device
        self.models_dir = Path(models_dir).expanduser()
        self.beam_size = beam_size
        self.batch_size = batch_size
        self.batch_tokens = batch_tokens
        self.threads = threads or available_cores()
        self.compute_type = compute_type
        self.max_length = max_length
        self._loaded: dict[Path, _Loaded] = {}

    # ------------------------------------------------------------ pairs
    def _route(self, source: str, target: str) -> tuple[ModelInfo, ...]:
        route = find_route(self.models_dir, source, target)
        if route is None:
            raise missing_model_error(source, target, self.models_dir)
        return route

    def supports(self, source: str, target: str) -> bool:
        return find_route(self.models_dir, source, target) is not None

    def pairs(self) -> set[tuple[str, str]]:
        """Installed direct pairs (pivots through English not included)."""
        return {(m.from_code, m.to_code) for m in list_models(self.models_dir)}

    def describe(self, source: str, target: str) -> str:
        """``argos translate-en_ko 1.1``; a pivot names both packages joined by ``+``."""
        return "argos " + " + ".join(m.describe() for m in self._route(source, target))

    # ------------------------------------------------------------ loading
    def _load(self, info: ModelInfo) -> _Loaded:
        if info.path in self._loaded:
            return self._loaded[info.path]
        import ctranslate2

        device = self.device
        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() else "cpu"
        supported = {"auto", "default", *ctranslate2.get_supported_compute_types(device)}
        if self.compute_type not in supported:
            raise EngineOptionError(
                f"[engines.argos] compute_type {self.compute_type!r} is not supported on "
                f"this {device.upper()}", engine="argos", option="compute_type",
                hint=f"this {device.upper()} runs {', '.join(sorted(supported))}",
            )
        inter, intra = split_threads(self.threads)
        try:
            translator = ctranslate2.Translator(
                str(info.path / "model"),
                device=device,
                compute_type=self.compute_type,
                inter_threads=inter,
                intra_threads=intra,
            )
            tokenizer, is_sp = _tokenizer(info)
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(
                f"the {info.describe()} model cannot be loaded: {exc}",
                path=info.path,
                hint=f"reinstall it (`l10n models remove {info.from_code} {info.to_code}`, "
                "then `l10n models install`)",
            ) from None
        loaded = _Loaded(info, translator, tokenizer, is_sp)
        self._loaded[info.path] = loaded
        return loaded

    # ------------------------------------------------------------ translating
    def translate_batch(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        n_best: int = 1,
        progress: Advance | None = None,
    ) -> list[list[Hypothesis]]:
        if n_best < 1:
            raise EngineError("n_best must be at least 1")
        route = self._route(source, target)
        if len(route) == 1:
            return self._translate(self._load(route[0]), texts, n_best, progress)
        first = self._translate(self._load(route[0]), texts, 1, None)
        middle = [hyps[0].text if hyps else text for hyps, text in zip(first, texts, strict=True)]
        second = self._translate(self._load(route[1]), middle, n_best, progress)
        return [
            [Hypothesis(h.text, _add(h.score, a[0].score if a else 0.0)) for h in b]
            for a, b in zip(first, second, strict=True)
        ]

    def _translate(
        self, model: _Loaded, texts: Sequence[str], n_best: int, progress: Advance | None
    ) -> list[list[Hypothesis]]:
        """Translate every line of every text in sorted batches, then reassemble texts."""
        lines = [_split_lines(text) for text in texts]
        jobs = [
            (t, i, body)
            for t, parts in enumerate(lines)
            for i, (_, body, _) in enumerate(parts)
            if body
        ]
        tokens = [model.encode(body) for _, _, body in jobs]
        order = sorted(range(len(jobs)), key=lambda j: len(tokens[j]))
        pending = [sum(1 for _, body, _ in parts if body) for parts in lines]
        if progress and pending.count(0):
            progress(pending.count(0))
        results: dict[tuple[int, int], list[Hypothesis]] = {}
        for batch, outputs in self._run(model, [tokens[j] for j in order], n_best):
            done = 0
            for j, output in zip((order[b] for b in batch), outputs, strict=True):
                text_index, line_index, _ = jobs[j]
                results[text_index, line_index] = output
                pending[text_index] -= 1
                done += pending[text_index] == 0
            if progress and done:
                progress(done)
        return [_join(parts, t, results, n_best) for t, parts in enumerate(lines)]

    def _run(
        self, model: _Loaded, tokens: list[list[str]], n_best: int
    ) -> Iterator[tuple[range, list[list[Hypothesis]]]]:
        """Translate length-sorted ``tokens`` batch by batch, yielding each batch in the
        order they start: (positions in ``tokens``, hypotheses per sentence).

        Batches come from :func:`cut_batches`. One Python thread per replica feeds
        CTranslate2 one batch at a time, longest batches first, so every replica stays
        busy until the last batch and the small batches fill the end.
        """
        from concurrent.futures import ThreadPoolExecutor

        prefix = [model.info.target_prefix] if model.info.target_prefix else None
        inter, _ = split_threads(self.threads)
        batches = cut_batches([len(t) for t in tokens], inter, self.batch_size, self.batch_tokens)
        options = {
            "beam_size": max(self.beam_size, n_best),
            "num_hypotheses": n_best,
            "length_penalty": LENGTH_PENALTY,
            "replace_unknowns": True,
            "return_scores": True,
            "max_decoding_length": self.max_length,
        }

        def run(batch: range) -> tuple[range, list[list[Hypothesis]]]:
            source = tokens[batch.start : batch.stop]
            try:
                outputs = model.translator.translate_batch(
                    source, [prefix] * len(source) if prefix else None, **options
                )
            except RuntimeError as exc:
                raise EngineError(f"{model.info.describe()} failed: {exc}") from None
            return batch, [
                [
                    Hypothesis(model.decode(list(h)), float(sc))
                    for h, sc in zip(out.hypotheses, out.scores, strict=True)
                ]
                for out in outputs
            ]

        pool = ThreadPoolExecutor(max_workers=inter, thread_name_prefix="l10n-argos")
        try:
            yield from pool.map(run, sorted(batches, key=lambda b: -b.stop))
        finally:  # an error or an interrupt: the batches not started yet are dropped
            pool.shutdown(cancel_futures=True)


def _tokenizer(info: ModelInfo) -> tuple[Any, bool]:
    sp_file = info.path / "sentencepiece.model"
    if sp_file.is_file():
        import sentencepiece

        return sentencepiece.SentencePieceProcessor(model_file=str(sp_file)), True
    from argostranslate.tokenizer import BPETokenizer

    return BPETokenizer(info.path / "bpe.model", info.from_code, info.to_code), False


def _split_lines(text: str) -> list[tuple[str, str, str]]:
    """Each line as (leading whitespace, body, trailing whitespace)."""
    parts = []
    for line in text.split("\n"):
        body = line.strip()
        if not body:
            parts.append((line, "", ""))
            continue
        start = line.index(body)
        parts.append((line[:start], body, line[start + len(body) :]))
    return parts


def _join(
    parts: list[tuple[str, str, str]],
    t: int,
    results: dict[tuple[int, int], list[Hypothesis]],
    n_best: int,
) -> list[Hypothesis]:
    """The hypotheses of one text: the k-th joins every line's k-th (or last) hypothesis."""
    line_hyps = [results.get((t, i)) for i in range(len(parts))]
    count = min((len(h) for h in line_hyps if h is not None), default=1)
    joined = []
    for k in range(min(count, n_best)):
        pieces, score = [], 0.0
        for (lead, body, trail), hyps in zip(parts, line_hyps, strict=True):
            if hyps is None:
                pieces.append(lead + body + trail)
                continue
            pieces.append(lead + hyps[k].text + trail)
            score += hyps[k].score or 0.0
        joined.append(Hypothesis("\n".join(pieces), score if any(line_hyps) else None))
    return joined


def _add(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a + b


def create(
    models_dir: Path | str | None = None,
    beam_size: int = DEFAULT_BEAM,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_tokens: int = DEFAULT_BATCH_TOKENS,
    threads: int | None = None,
    compute_type: str = "auto",
    max_length: int = DEFAULT_MAX_LENGTH,
    device: str = "cpu",
) -> ArgosEngine:
    """Entry point ``argos``: the options of ``[engines.argos]``; loads nothing yet.

    ``models_dir`` defaults to the settings' models folder (``L10N_MODELS_DIR`` or
    Argos's own packages folder).
    """
    if models_dir is None:
        models_dir = Settings().models_dir()
    return ArgosEngine(
        Path(models_dir),
        beam_size=beam_size,
        batch_size=batch_size,
        batch_tokens=batch_tokens,
        threads=threads,
        compute_type=compute_type,
        max_length=max_length,
        device=device,
    )
