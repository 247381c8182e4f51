"""The engine interface promised to third parties: ``translate_batch`` and ``supports``
are all an engine needs; ``progress``, ``describe`` and ``name`` are optional and
detected; :class:`BaseEngine` helps authors. The test engine is a package of its own
(``tests/data/engines``) found through a real ``l10n.engines`` entry point."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from l10n.catalog import Catalog
from l10n.config import load_settings
from l10n.engines import (
    BaseEngine,
    available_engines,
    describe_engine,
    run_batch,
    takes_progress,
)
from l10n.engines.enforce import translate_segments
from l10n.errors import EngineError
from l10n.glossary import load_glossary
from l10n.model import Hypothesis
from l10n.workflow.translate import translate
from tests.cli_helpers import run_l10n
from tests.conftest import ROOT
from tests.fixtures_ray import ENGINES

PO = Path("locales/ko/nvidia-korea-ai-alliance.po")


def test_the_entry_point_finds_an_engine_that_has_only_the_two_methods(
    minimal_engine: Path,
) -> None:
    engine = available_engines()["minimal"].load()()
    assert not hasattr(engine, "describe") and not hasattr(engine, "name")
    assert not takes_progress(engine)
    assert describe_engine(engine, "minimal", "en", "ko") == "l10n-test-engines 1.0"


def test_the_cli_translates_with_it_and_provenance_names_its_package(project: Path) -> None:
    env = {"PYTHONPATH": os.pathsep.join([str(ENGINES), os.environ.get("PYTHONPATH", "")])}
    done = run_l10n("translate", "--engine", "minimal", "--json", cwd=project, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["languages"]["ko"]["machine"] == 13
    entries = Catalog.read(project / PO).entries()
    title = entries[0]
    assert title.provenance is not None
    assert (title.provenance.engine, title.provenance.model) == ("minimal", "l10n-test-engines 1.0")
    assert title.msgstr.startswith("엔비디아 HAILS 한국 AS GLOBAL AI EPICENTER")  # terms enforced
    again = run_l10n("translate", "--engine", "minimal", "--json", cwd=project, env=env)
    assert json.loads(again.stdout)["languages"]["ko"]["machine"] == 0  # its output is kept
    refused = run_l10n("translate", "--engine", "minimal", "--to", "de", cwd=project, env=env)
    assert refused.returncode == 3
    assert "engine 'minimal' cannot translate en -> de" in refused.stderr


def test_progress_counts_batches_of_an_engine_that_does_not_report(
    project: Path, minimal_engine: Path
) -> None:
    calls: list[tuple[str, int, int]] = []
    translate(load_settings(cwd=project), engine_name="minimal",
              progress=lambda lang, done, total: calls.append((lang, done, total)))
    assert calls[0] == ("ko", 0, 13) and calls[-1] == ("ko", 13, 13)


class Shouty(BaseEngine):
    """An author's engine: one text at a time, two pairs."""

    name, version = "shouty", "2.1"
    pairs = frozenset({("en", "pt"), ("en", "ko")})

    def translate_one(
        self, text: str, source: str, target: str, *, n_best: int = 1
    ) -> list[Hypothesis]:
        return [Hypothesis(text.upper() + "!" * k, -float(k)) for k in range(n_best)]


def test_base_engine_gives_batches_pairs_and_provenance() -> None:
    engine = Shouty()
    assert engine.supports("en", "pt_BR") and engine.supports("en_US", "ko")
    assert not engine.supports("en", "ja")
    assert describe_engine(engine, "shouty", "en", "ko") == "shouty 2.1"
    assert takes_progress(engine)
    seen: list[int] = []
    out = run_batch(engine, ["a", "b", "c"], "en", "pt_BR", 2, seen.append)
    assert seen == [1, 1, 1]
    assert out[0] == [Hypothesis("A", -0.0), Hypothesis("A!", -1.0)]
    glossary = load_glossary(ROOT / "glossaries")
    text = "NVIDIA ships Blackwell GPUs."
    [result] = translate_segments(engine, [text], [glossary.find(text, "ko")], "en", "ko")
    assert result.text.startswith("엔비디아 SHIPS 블랙웰")


def test_an_engine_without_translate_one_or_batch_says_so() -> None:
    with pytest.raises(NotImplementedError, match="BaseEngine"):
        BaseEngine().translate_batch(["a"], "en", "ko")


def test_an_engine_taking_any_keyword_is_given_progress() -> None:
    class Loose:
        def supports(self, source: str, target: str) -> bool:
            return True

        def translate_batch(self, texts, source, target, **kw):  # type: ignore[no-untyped-def]
            kw["progress"](len(texts))
            return [[Hypothesis(t)] for t in texts]

    seen: list[int] = []
    run_batch(Loose(), ["a", "b"], "en", "ko", 1, seen.append)
    assert seen == [2]


def test_a_wrong_number_of_results_is_an_engine_error() -> None:
    class Short(BaseEngine):
        def translate_batch(self, texts, source, target, *, n_best=1, progress=None):  # type: ignore[no-untyped-def, override]
            return [[Hypothesis("x")]]

    with pytest.raises(EngineError, match="returned 1 results for 2 texts"):
        run_batch(Short(), ["a", "b"], "en", "ko", 1)
