"""Benchmark (a): naive Argos, one sentence at a time, as LibreTranslate and most scripts do.

Runs in its own process, because Argos reads its settings (packages folder, beam size)
from the environment once, at import. The caller sets ``ARGOS_PACKAGES_DIR``,
``ARGOS_BEAM_SIZE`` and the ``XDG_*`` folders to temporary places before starting it.

Rules: the package is installed with ``argostranslate.package.install_from_path``; the
translation object's ``.sentencizer`` is replaced with a trivial one (the default,
minisbd, downloads a model from the internet on the first translation: offline-mt.md);
one sentence is translated first to load the model (not timed); then every sentence is
translated with ``argostranslate.translate.translate(text, from, to)``, one call each.
Prints one JSON object: seconds, sentences, copied (outputs equal to their input).

Usage: ``python -m benchmarks.naive_argos MODEL.argosmodel SENTENCES_FILE FROM TO``
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


class LineSentencizer:
    """A sentence splitter that keeps the text whole (the benchmark feeds single sentences)."""

    def split_sentences(self, text: str) -> list[str]:
        return [text]


def run(model: Path, sentences: list[str], source: str, target: str) -> dict[str, float]:
    """Install ``model``, translate ``sentences`` one by one; figures as a dict."""
    from argostranslate import package, translate

    package.install_from_path(model)
    translation = translate.get_translation_from_codes(source, target)
    if translation is None:
        raise SystemExit(f"argostranslate found no {source} -> {target} translation")
    inner = getattr(translation, "underlying", translation)
    inner.sentencizer = LineSentencizer()
    started = time.perf_counter()
    translate.translate(sentences[0], source, target)  # loads the model
    load_seconds = time.perf_counter() - started
    outputs = []
    started = time.perf_counter()
    for text in sentences:
        outputs.append(translate.translate(text, source, target))
    seconds = time.perf_counter() - started
    copied = sum(out == text for out, text in zip(outputs, sentences, strict=True))
    return {"seconds": seconds, "load_seconds": load_seconds,
            "sentences": len(sentences), "copied": copied}


def main(argv: list[str]) -> None:
    model, sentences_file, source, target = argv
    sentences = [s for s in Path(sentences_file).read_text(encoding="utf-8").splitlines() if s]
    print(json.dumps(run(Path(model), sentences, source, target)))


if __name__ == "__main__":
    main(sys.argv[1:])
