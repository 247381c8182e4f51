"""Build a "copy" translation model offline, as a genuine Argos ``.argosmodel`` package.

No real model can be downloaded on our machines, so tests and benchmarks use a model
built here: a CTranslate2 Transformer whose weights are written by hand so that it
reproduces its input token by token. It goes through exactly the same loading,
tokenizing, batching, beam search and decoding path as a downloaded Argos model, and its
output is known in advance (the input), so a test can check it and a benchmark cannot
silently measure garbage.

How the copy works (``d`` = d_model, every head has 64 dimensions):

* Every embedding row lives in the first ``d - 64`` dimensions ("token part"); the
  position table lives in the last 64 ("position part"). Token codes are random unit
  vectors, position codes are unit vectors made of sinusoids with random frequencies.
  Both are centred, so ``token + position`` has mean 0 and squared norm 2, and any
  LayerNorm over it is an exact rescaling by ``sqrt(d / 2)``.
* Every sublayer except one is *muted*: its output projection is scaled by 1e-12, so it
  adds nothing to the residual stream. (Not exact zeros: CTranslate2 stores equal
  tensors once, which would make the "base" model cheaper than a real one.) For the
  "base" size the muted sublayers get random input projections, so they cost the
  compute of a real model while changing nothing.
* The last decoder layer's cross-attention copies. Its query (at decoder step ``t``) and
  its keys (at source position ``j``) both read only the position part, scaled so that
  the logit of ``j == t`` beats every other position by ~60 nats: attention is one-hot on
  source position ``t``. Values are the identity; the output projection keeps the token
  part, amplified so that it dominates the decoder's own input.
* The decoder's final LayerNorm scale turns that into logits against the (tied)
  embedding matrix: the source token at position ``t`` wins by tens of nats.
* ``add_source_eos`` appends ``</s>`` to the source, so after the last token the model
  copies ``</s>`` and stops: output length equals input length.

Builds are deterministic: fixed seeds, a single-threaded SentencePiece trainer, and a
zip with sorted entries and fixed timestamps give byte-identical packages.

Usage::

    python -m benchmarks.copy_model OUT_DIR FROM TO [--size tiny|base] [--corpus FILE]
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ctranslate2
import numpy as np
import sentencepiece as spm
from ctranslate2.specs import common_spec, transformer_spec

CORPUS = Path(__file__).with_name("corpus.txt")
HEAD_DIM = 64  # the position part is exactly one head wide
MAX_POSITIONS = 1024  # CTranslate2's default max_input_length
MUTE = 1e-12  # output scale of the sublayers that must not change anything
ATTENTION_MARGIN = 60.0  # nats between the copied source position and any other
COPY_GAIN = 64.0  # norm of the copied token vector vs. the decoder's own input
LOGIT_GAIN = 40.0  # logit of the copied token before the softmax

NAMES = {
    "en": "English",
    "ko": "Korean",
    "es": "Spanish",
    "ja": "Japanese",
    "zh": "Chinese",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
}


@dataclass(frozen=True)
class Size:
    """The shape of a copy model."""

    layers: int  # encoder layers = decoder layers
    d_model: int
    ffn: int
    vocab: int  # vocabulary entries (SentencePiece pieces, then filler entries)
    random_mutes: bool  # muted sublayers with random inputs: realistic compute
    quantization: str | None  # CTranslate2 weight type; None keeps float32


SIZES = {
    "tiny": Size(layers=1, d_model=128, ffn=256, vocab=1000, random_mutes=False, quantization=None),
    "base": Size(
        layers=6, d_model=512, ffn=2048, vocab=32000, random_mutes=True, quantization="int8"
    ),
    # "base" scaled down for tests: same int8 and random muted sublayers, built in ~1 s
    "small": Size(
        layers=2, d_model=128, ffn=512, vocab=8000, random_mutes=True, quantization="int8"
    ),
}


def train_tokenizer(lines: list[str], vocab: int, seed: int) -> bytes:
    """A unigram SentencePiece model of at most ``vocab`` pieces, as ``.model`` bytes.

    ``byte_fallback`` lets any text round-trip; the identity normalization keeps
    ``decode(encode(x)) == x``. Ids 0, 1, 2 are ``<unk> <s> </s>`` as CTranslate2 expects.
    """
    spm.set_random_generator_seed(seed)
    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=out,
        model_type="unigram",
        vocab_size=vocab,
        hard_vocab_limit=False,
        character_coverage=1.0,
        byte_fallback=True,
        normalization_rule_name="identity",
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    return out.getvalue()


def _centred_units(rows: np.ndarray) -> np.ndarray:
    rows = rows - rows.mean(axis=1, keepdims=True)
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def position_table(seed: int, tries: int = 8) -> tuple[np.ndarray, float]:
    """(MAX_POSITIONS, 64) sinusoid codes and their margin ``1 - max cos(t, t')``.

    Random, incommensurate frequencies keep every two positions far apart (a geometric
    ladder, as in the original Transformer, makes neighbours nearly parallel). Of a few
    draws, the one with the largest margin is kept.
    """
    steps = np.arange(MAX_POSITIONS, dtype=np.float64)[:, None]
    best: tuple[np.ndarray, float] | None = None
    for attempt in range(tries):
        rng = np.random.default_rng([seed, 7, attempt])
        angles = rng.uniform(0.02, np.pi, HEAD_DIM // 2) * steps
        angles = angles + rng.uniform(0, 2 * np.pi, HEAD_DIM // 2)
        table = _centred_units(np.hstack([np.sin(angles), np.cos(angles)]))
        cosines = table @ table.T
        np.fill_diagonal(cosines, -1.0)
        margin = 1.0 - float(cosines.max())
        if best is None or margin > best[1]:
            best = (table, margin)
    assert best is not None
    return best


class _Weights:
    """Fills a TransformerSpec: muted sublayers everywhere, the copy head at the end."""

    def __init__(self, size: Size, seed: int) -> None:
        self.size = size
        self.d = size.d_model
        self.rng = np.random.default_rng([seed, 11])

    def dense(self, rows: int, cols: int, scale: float = 1.0) -> np.ndarray:
        if not self.size.random_mutes:
            return np.zeros((rows, cols), np.float32)
        w = self.rng.standard_normal((rows, cols), dtype=np.float32)
        return w * np.float32(scale / np.sqrt(cols))

    @staticmethod
    def linear(spec: Any, weight: np.ndarray) -> None:
        spec.weight = np.ascontiguousarray(weight, dtype=np.float32)
        spec.bias = np.zeros(weight.shape[0], np.float32)

    def norm(self, spec: Any, gamma: float = 1.0) -> None:
        spec.gamma = np.full(self.d, gamma, np.float32)
        spec.beta = np.zeros(self.d, np.float32)

    def muted_attention(self, spec: Any, cross: bool) -> None:
        self.norm(spec.layer_norm)
        if cross:  # query, then fused key+value of the encoder output
            self.linear(spec.linear[0], self.dense(self.d, self.d))
            self.linear(spec.linear[1], self.dense(2 * self.d, self.d))
        else:  # fused query+key+value
            self.linear(spec.linear[0], self.dense(3 * self.d, self.d))
        self.linear(spec.linear[-1], self.dense(self.d, self.d, MUTE))

    def muted_ffn(self, spec: Any) -> None:
        self.norm(spec.layer_norm)
        self.linear(spec.linear_0, self.dense(self.size.ffn, self.d))
        self.linear(spec.linear_1, self.dense(self.d, self.size.ffn, MUTE))

    def copy_attention(self, spec: Any, margin: float) -> None:
        """Decoder step t reads source position t and passes on its token part."""
        d, tok = self.d, self.d - HEAD_DIM
        ln_scale = np.sqrt(d / 2)  # LayerNorm of (token + position)
        gain = np.sqrt(ATTENTION_MARGIN * np.sqrt(HEAD_DIM) / (ln_scale**2 * margin))
        positions_only = np.zeros((d, d), np.float32)
        for head in range(d // HEAD_DIM):
            rows = slice(head * HEAD_DIM, (head + 1) * HEAD_DIM)
            positions_only[rows, tok:] = np.eye(HEAD_DIM) * gain
        self.norm(spec.layer_norm)
        self.linear(spec.linear[0], positions_only)
        self.linear(spec.linear[1], np.vstack([positions_only, np.eye(d, dtype=np.float32)]))
        keep_tokens = np.zeros((d, d), np.float32)
        keep_tokens[:tok, :tok] = np.eye(tok) * (COPY_GAIN / ln_scale)
        self.linear(spec.linear[2], keep_tokens)


def build_spec(vocabulary: list[str], size: Size, seed: int) -> Any:
    """The CTranslate2 spec of a copy Transformer over ``vocabulary`` (validated, optimized)."""
    d = size.d_model
    if d % HEAD_DIM:
        raise ValueError(f"d_model must be a multiple of {HEAD_DIM}")
    w = _Weights(size, seed)
    embeddings = np.zeros((len(vocabulary), d), np.float32)
    tokens = np.random.default_rng([seed, 3]).standard_normal((len(vocabulary), d - HEAD_DIM))
    embeddings[:, : d - HEAD_DIM] = _centred_units(tokens)
    codes, margin = position_table(seed)
    positions = np.zeros((MAX_POSITIONS, d), np.float32)
    positions[:, d - HEAD_DIM :] = codes

    spec = transformer_spec.TransformerSpec.from_config(
        num_layers=size.layers,
        num_heads=d // HEAD_DIM,
        pre_norm=True,
        activation=common_spec.Activation.RELU,
    )
    for stack, is_decoder in ((spec.encoder, False), (spec.decoder, True)):
        stack.scale_embeddings = False
        stack.position_encodings.encodings = positions
        w.norm(stack.layer_norm)
        for layer in stack.layer:
            w.muted_attention(layer.self_attention, cross=False)
            if is_decoder:
                w.muted_attention(layer.attention, cross=True)
            w.muted_ffn(layer.ffn)
    w.copy_attention(spec.decoder.layer[-1].attention, margin)
    w.norm(spec.decoder.layer_norm, gamma=LOGIT_GAIN / np.sqrt(d))
    spec.encoder.embeddings[0].weight = embeddings
    spec.decoder.embeddings.weight = embeddings
    w.linear(spec.decoder.projection, embeddings)
    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=size.quantization)
    return spec


def self_check(model_dir: Path, tokenizer: spm.SentencePieceProcessor, lines: list[str]) -> None:
    """Translate a spread of corpus lines with CTranslate2 (beam 4); raise if not copied."""
    picks = sorted({round(i * (len(lines) - 1) / 7) for i in range(8)})
    sample = [lines[i] for i in picks] + ["3.14, 42% — “quoted” 한국어!"]
    source = [tokenizer.encode(text, out_type=str) for text in sample]
    translator = ctranslate2.Translator(str(model_dir), device="cpu", intra_threads=1)
    results = translator.translate_batch(source, beam_size=4, length_penalty=0.2)
    for text, tokens, result in zip(sample, source, results, strict=True):
        if result.hypotheses[0] != tokens:
            raise RuntimeError(f"copy self-check failed on {text!r}: {result.hypotheses[0]}")


def write_package_zip(folder: Path, out_file: Path) -> None:
    """Zip ``folder`` as ``<folder name>/...``: sorted entries, fixed dates, one top folder."""
    entries = [(folder.name + "/", folder)] + [
        (
            f"{folder.name}/{path.relative_to(folder).as_posix()}" + ("/" if path.is_dir() else ""),
            path,
        )
        for path in sorted(folder.rglob("*"))
    ]
    with zipfile.ZipFile(out_file, "w") as archive:
        for name, path in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            if path.is_dir():
                info.external_attr = (0o40755 << 16) | 0x10
                archive.writestr(info, b"")
            else:
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())


def build_copy_model(
    out_dir: Path,
    from_code: str,
    to_code: str,
    corpus_text: str | None = None,
    *,
    size: str = "tiny",
    vocab: int | None = None,
    seed: int = 20240,
    version: str = "1.0",
    check: bool = True,
) -> Path:
    """Write ``translate-<from>_<to>-copy_<size>.argosmodel`` into ``out_dir``; return its path.

    ``corpus_text`` trains the tokenizer (default: ``benchmarks/corpus.txt``); ``vocab``
    overrides the size's vocabulary (the SentencePiece model holds what the corpus
    supports, filler entries that no text produces make up the rest). With ``check``,
    the model is run once with CTranslate2 and must copy its input, else RuntimeError.
    """
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}: use one of {', '.join(SIZES)}")
    shape = SIZES[size]
    vocab_size = vocab or shape.vocab
    text = CORPUS.read_text(encoding="utf-8") if corpus_text is None else corpus_text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValueError("the corpus is empty")
    sp_bytes = train_tokenizer(lines, vocab_size, seed)
    tokenizer = spm.SentencePieceProcessor(model_proto=sp_bytes)
    pieces = [tokenizer.id_to_piece(i) for i in range(tokenizer.get_piece_size())]
    vocabulary = pieces + [f"<filler_{i}>" for i in range(vocab_size - len(pieces))]

    name = f"translate-{from_code}_{to_code}-copy_{size}"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        package = Path(tmp) / name
        (package / "model").mkdir(parents=True)
        build_spec(vocabulary, shape, seed).save(str(package / "model"))
        (package / "sentencepiece.model").write_bytes(sp_bytes)
        metadata = {
            "package_version": version,
            "argos_version": "1.9",
            "type": "translate",
            "from_code": from_code,
            "from_name": NAMES.get(from_code, from_code),
            "to_code": to_code,
            "to_name": NAMES.get(to_code, to_code),
            "links": [],
        }
        (package / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n")
        (package / "README.md").write_text(
            f"Copy model ({size}): {from_code} -> {to_code}, output = input. Built by "
            f"benchmarks/copy_model.py: {shape.layers}+{shape.layers} layers, d_model "
            f"{shape.d_model}, FFN {shape.ffn}, vocabulary {len(vocabulary)}, "
            f"{shape.quantization or 'float32'}.\n"
        )
        if check:
            self_check(package / "model", tokenizer, lines)
        out_file = out_dir / f"{name}.argosmodel"
        write_package_zip(package, out_file)
    return out_file


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build an offline copy model (.argosmodel).")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("from_code")
    parser.add_argument("to_code")
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="UTF-8 text, one line each")
    parser.add_argument("--vocab", type=int, help="vocabulary size (default: per size)")
    parser.add_argument("--seed", type=int, default=20240)
    parser.add_argument("--no-check", action="store_true", help="skip the copy self-check")
    args = parser.parse_args(argv)
    path = build_copy_model(
        args.out_dir,
        args.from_code,
        args.to_code,
        args.corpus.read_text(encoding="utf-8"),
        size=args.size,
        vocab=args.vocab,
        seed=args.seed,
        check=not args.no_check,
    )
    print(f"{path} ({path.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
