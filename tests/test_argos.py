"""The argos engine through the real CTranslate2 + SentencePiece path, on copy models."""

from __future__ import annotations

import dataclasses
import socket
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n.engines import create_engine
from l10n.engines.argos import ArgosEngine, cut_batches, split_threads
from l10n.errors import EngineError, ModelError

pytestmark = pytest.mark.slow

SENTENCES = [
    "Nvidia said on Tuesday that revenue rose 18% to $26.3 billion.",
    "반도체 업체는 화요일 분기 매출이 18% 증가했다고 밝혔다.",
    "Short.",
    "The alliance covers robotics, autonomous driving and “digital twin” factories in Korea.",
    "엔비디아를 비롯한 미국 기업들은 한국과의 인공지능 협력을 강화하고 있다.",
    "snake_case_names, __dunder__ and XTERM1X stay as they are",
    "A",
]


@pytest.fixture()
def engine(shared_models_dir: Path) -> ArgosEngine:
    return ArgosEngine(shared_models_dir, threads=2)


def test_copy_model_output_equals_input(engine: ArgosEngine) -> None:
    result = engine.translate_batch(SENTENCES, "en", "ko")
    assert [hyps[0].text for hyps in result] == SENTENCES
    assert all(len(hyps) == 1 and isinstance(hyps[0].score, float) for hyps in result)


def test_batches_keep_the_input_order(shared_models_dir: Path) -> None:
    """Texts of very different lengths, batches of 3 on 2 threads: sorted inside, restored."""
    texts = [" ".join(SENTENCES[: 1 + i % len(SENTENCES)]) + f" #{i}" for i in range(100)]
    texts.reverse()
    engine = ArgosEngine(shared_models_dir, batch_size=3, threads=2)
    done: list[int] = []
    result = engine.translate_batch(texts, "en", "ko", progress=done.append)
    assert [hyps[0].text for hyps in result] == texts
    assert sum(done) == len(texts) and len(done) > 1


def test_n_best_returns_n_scored_hypotheses_best_first(engine: ArgosEngine) -> None:
    result = engine.translate_batch(SENTENCES[:3], "en", "ko", n_best=3)
    for text, hyps in zip(SENTENCES[:3], result, strict=True):
        assert len(hyps) == 3
        assert hyps[0].text == text
        scores = [h.score for h in hyps]
        assert all(isinstance(s, float) for s in scores)
        assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
        assert len({h.text for h in hyps}) == 3


def test_lines_are_translated_separately_and_rejoined(engine: ArgosEngine) -> None:
    texts = ["First line.\n\n  두 번째 줄  \nThird", "", "   "]
    result = engine.translate_batch(texts, "en", "ko")
    assert [hyps[0].text for hyps in result] == texts
    assert result[1][0].score is None


def test_pivot_through_english(engine: ArgosEngine) -> None:
    assert engine.supports("ko", "es")
    assert engine.describe("ko", "es") == "argos translate-ko_en 1.0 + translate-en_es 1.0"
    result = engine.translate_batch(SENTENCES, "ko", "es", n_best=2)
    assert [hyps[0].text for hyps in result] == SENTENCES
    assert all(len(hyps) == 2 and hyps[0].score is not None for hyps in result)


def test_regional_target_uses_the_language_package(engine: ArgosEngine) -> None:
    assert engine.describe("en", "ko_KR") == "argos translate-en_ko 1.0"
    assert engine.translate_batch(["Hello"], "en", "ko_KR")[0][0].text == "Hello"


def test_uninstalled_pair_raises_model_error(engine: ArgosEngine) -> None:
    assert not engine.supports("en", "ja")
    with pytest.raises(ModelError) as caught:
        engine.translate_batch(["Hello"], "en", "ja")
    message = caught.value.format_message()
    assert "en -> ja" in message and "l10n models install en ja" in message
    assert "--engine pseudo" in message and "\n" not in message


def test_created_lazily_and_the_translator_is_reused(shared_models_dir: Path) -> None:
    engine = create_engine("argos", models_dir=shared_models_dir, beam_size=1)
    assert isinstance(engine, ArgosEngine)
    assert engine.describe("en", "ko") == "argos translate-en_ko 1.0"
    assert engine._loaded == {}  # describing loads nothing
    engine.translate_batch(["one"], "en", "ko")
    loaded = dict(engine._loaded)
    engine.translate_batch(["two"], "en", "ko")
    assert len(loaded) == 1 and engine._loaded == loaded


class _FailingTranslator:
    """Stands in for a CTranslate2 translator whose every batch fails after a while."""

    def __init__(self) -> None:
        self.calls: list[int] = []  # list.append is atomic across the feeding threads

    def translate_batch(self, *args: object, **kwargs: object) -> list[object]:
        self.calls.append(1)
        time.sleep(0.2)
        raise RuntimeError("std::bad_alloc")


def test_a_failed_batch_is_an_engine_error_and_stops_the_rest(shared_models_dir: Path) -> None:
    engine = ArgosEngine(shared_models_dir, batch_size=1, threads=2)
    engine.translate_batch(["load the model"], "en", "ko")
    [(path, loaded)] = engine._loaded.items()
    failing = _FailingTranslator()
    engine._loaded[path] = dataclasses.replace(loaded, translator=failing)
    with pytest.raises(EngineError, match="translate-en_ko 1.0 failed: std::bad_alloc"):
        engine.translate_batch([f"sentence {i}" for i in range(20)], "en", "ko")
    assert len(failing.calls) <= 6  # 20 batches: those not started yet were dropped


def test_empty_batch(engine: ArgosEngine) -> None:
    assert engine.translate_batch([], "en", "ko") == []


def test_a_broken_model_folder_is_a_model_error(tmp_path: Path, models_dir: Path) -> None:
    engine = ArgosEngine(models_dir)
    package = next(p for p in models_dir.iterdir() if p.name.startswith("translate-en_ko"))
    (package / "model" / "model.bin").write_bytes(b"garbage")
    with pytest.raises(ModelError, match="cannot be loaded"):
        engine.translate_batch(["Hello"], "en", "ko")


@pytest.mark.parametrize("option", [{"beam_size": 0}, {"batch_size": -1}, {"threads": "two"}])
def test_bad_options(option: dict[str, object], shared_models_dir: Path) -> None:
    with pytest.raises(EngineError, match=next(iter(option))):
        create_engine("argos", models_dir=shared_models_dir, **option)


def test_thread_split() -> None:
    assert split_threads(1) == (1, 1)
    assert split_threads(2) == (2, 1)
    assert split_threads(8) == (4, 2)


def _fits(batch: list[int], max_sentences: int, max_tokens: int) -> bool:
    return len(batch) <= max_sentences and len(batch) * max(batch) <= max_tokens


@given(
    st.lists(st.integers(1, 120), max_size=200),
    st.integers(1, 4),
    st.integers(1, 40),
    st.integers(1, 1000),
)
def test_batches_respect_both_caps_and_use_every_replica(
    lengths: list[int], replicas: int, max_sentences: int, max_tokens: int
) -> None:
    lengths.sort()
    batches = cut_batches(lengths, replicas, max_sentences, max_tokens)
    assert [i for b in batches for i in b] == list(range(len(lengths)))  # in order, all once
    assert all(len(b) > 0 for b in batches)
    sizes = [[lengths[i] for i in b] for b in batches]
    # a batch breaks a cap only when it is a single sentence too long for any batch
    assert all(len(b) == 1 or _fits(b, max_sentences, max_tokens) for b in sizes)
    assert len(batches) >= min(replicas, len(lengths))  # no replica left idle
    if len(batches) > replicas:  # nothing was cut in two: every batch is as full as allowed
        for batch, following in zip(sizes, sizes[1:], strict=False):
            assert not _fits([*batch, following[0]], max_sentences, max_tokens)


def test_one_article_is_cut_in_two_for_two_replicas() -> None:
    lengths = [10] * 10 + [40, 45]  # fits one batch of 16 sentences and 768 padded tokens
    assert cut_batches(lengths, 2, 16, 768) == [range(0, 6), range(6, 12)]
    assert cut_batches(lengths, 1, 16, 768) == [range(0, 12)]


def test_short_sentences_are_capped_by_count_long_ones_by_tokens() -> None:
    lengths = [8] * 40 + [60] * 20
    batches = cut_batches(lengths, 2, 16, 512)
    assert [len(b) for b in batches] == [16, 16, 8, 8, 8, 4]


def test_translating_opens_no_socket(shared_models_dir: Path) -> None:
    """An audit hook sees every socket attempt (the conftest guard would also raise)."""
    events: list[str] = []
    recording = [True]

    def hook(event: str, args: object) -> None:
        if recording[0] and event.startswith(("socket.", "urllib.")):
            events.append(event)

    sys.addaudithook(hook)  # hooks cannot be removed: this one goes quiet after the test
    try:
        engine = create_engine("argos", models_dir=shared_models_dir)
        result = engine.translate_batch(SENTENCES, "ko", "es", n_best=2)
        translated_events = list(events)
        socket.socket().close()  # control: the hook does see sockets
    finally:
        recording[0] = False
    assert [hyps[0].text for hyps in result] == SENTENCES
    assert translated_events == []
    assert "socket.__new__" in events


def test_a_compute_type_this_cpu_lacks_is_an_option_error_not_a_broken_model(
    shared_models_dir: Path,
) -> None:
    """Issue 14, item 12: no 'reinstall the model' for a compute_type the CPU lacks."""
    import ctranslate2

    from l10n.engines.argos import COMPUTE_TYPES
    from l10n.errors import EngineOptionError

    lacking = [t for t in COMPUTE_TYPES
               if t not in {"auto", "default", *ctranslate2.get_supported_compute_types("cpu")}]
    if not lacking:
        pytest.skip("this CPU runs every compute type")
    engine = create_engine("argos", models_dir=shared_models_dir, compute_type=lacking[0])
    with pytest.raises(EngineOptionError) as caught:
        engine.translate_batch(["Hello"], "en", "ko")
    assert caught.value.option == "compute_type" and "reinstall" not in str(caught.value)
