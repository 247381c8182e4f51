"""Engine registry, default engine choice, and the pseudo and none engines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from l10n.config import Settings
from l10n.engines import (
    Engine,
    available_engines,
    create_engine,
    default_engine_name,
    engine_for,
)
from l10n.engines.pseudo import PseudoEngine, pseudo_localize
from l10n.errors import EngineError, ModelError, UsageError


def test_registry_finds_the_built_in_engines() -> None:
    engines = available_engines()
    assert {"argos", "pseudo", "none"} <= set(engines)
    assert engines["argos"].value == "l10n.engines.argos:create"


@pytest.mark.parametrize("name", ["argos", "pseudo", "none"])
def test_every_built_in_engine_satisfies_the_protocol(name: str, tmp_path: Path) -> None:
    options = {"models_dir": tmp_path} if name == "argos" else {}
    engine = create_engine(name, **options)
    assert isinstance(engine, Engine)
    assert engine.name == name


def test_unknown_engine_lists_the_known_ones() -> None:
    """An unknown engine is a usage error (exit 2), not an engine failure."""
    with pytest.raises(UsageError) as caught:
        create_engine("deepl")
    text = caught.value.format_message()
    assert "unknown engine 'deepl'" in text
    assert all(name in text for name in ("argos", "none", "pseudo"))
    assert caught.value.exit_code == 2


def test_unknown_option_is_named() -> None:
    with pytest.raises(EngineError) as caught:
        create_engine("pseudo", expansoin=0.5)
    assert "'expansoin'" in caught.value.message
    assert "expansion" in (caught.value.hint or "")


# ------------------------------------------------------------------ default engine


def test_configured_engine_wins(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, engine="pseudo", models=tmp_path / "empty")
    assert default_engine_name(settings, "en", "ko") == "pseudo"


def test_argos_when_a_model_is_installed(tmp_path: Path, shared_models_dir: Path) -> None:
    settings = Settings(root=tmp_path, models=shared_models_dir)
    assert default_engine_name(settings, "en", "ko") == "argos"
    assert default_engine_name(settings, "ko", "es") == "argos"  # pivot
    engine = engine_for(settings, "en", "ko")
    assert engine.describe("en", "ko") == "argos translate-en_ko 1.0"


def test_no_model_says_how_to_get_one_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("L10N_MODELS_DIR", str(tmp_path / "models"))
    with pytest.raises(ModelError) as caught:
        default_engine_name(Settings(root=tmp_path), "en", "ja")
    text = caught.value.format_message()
    assert "\n" not in text
    assert "en -> ja" in text and str(tmp_path / "models") in text
    assert "`l10n models install en ja`" in text
    assert "`l10n models install --file PATH.argosmodel`" in text
    assert "`--engine pseudo`" in text
    assert caught.value.exit_code == 3


def test_engine_for_passes_config_options(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, engines={"pseudo": {"expansion": 1.0}})
    engine = engine_for(settings, "en", "ko", "pseudo")
    assert isinstance(engine, PseudoEngine) and engine.expansion == 1.0


# ------------------------------------------------------------------ pseudo

KEPT = [
    "XTERM1X",
    "ZQX12",
    "T3",
    "https://example.com/a?b=1&c=2",
    "press@example.co.kr",
    "`pip install l10n`",
    "](https://docs.example.org/guide)",
    "<b>",
    "</a>",
    "&amp;",
    "{name}",
    "{0}",
    "%s",
    "%(count)d",
    "%.2f",
]


@pytest.mark.parametrize("token", KEPT)
def test_pseudo_keeps_protected_spans(token: str) -> None:
    text = f"Read this {token} before the meeting"
    out = pseudo_localize(text)
    assert token in out
    assert "Read" not in out and "meeting" not in out


def test_pseudo_transforms_brackets_and_expands() -> None:
    text = "Nvidia and XTERM1X signed a deal with [partners](https://x.org/p) on Tuesday."
    out = pseudo_localize(text)
    assert out.startswith("⟦") and out.endswith("⟧")
    assert "XTERM1X" in out and "](https://x.org/p)" in out
    assert "Ñṽíđíá" in out and "[þáŕţñéŕš]" in out
    assert len(out) >= len(text) * 1.3
    assert pseudo_localize(text) == out  # deterministic


def test_pseudo_leaves_text_without_letters_alone() -> None:
    for text in ["", "   ", "XTERM1X", "42 %", "한국어 문장입니다."]:
        assert pseudo_localize(text) == text


def test_pseudo_keeps_surrounding_whitespace_and_non_ascii() -> None:
    out = pseudo_localize("  Seoul 서울 café \n")
    assert out.startswith("  ⟦") and out.endswith("⟧ \n")
    assert "서울" in out and "çáƒé" in out


def test_pseudo_custom_keep_pattern() -> None:
    keep = re.compile(r"KEEPME")
    assert "KEEPME" in pseudo_localize("please KEEPME here", keep=keep)


def test_pseudo_engine_batch() -> None:
    engine = create_engine("pseudo")
    done: list[int] = []
    texts = ["Hello {user}", "Bye"]
    result = engine.translate_batch(texts, "en", "ja", n_best=3, progress=done.append)
    assert [[h.text for h in hyps] for hyps in result] == [[pseudo_localize(t)] for t in texts]
    assert all(h.score is None for hyps in result for h in hyps)
    assert done == [2]
    assert engine.supports("xx", "yy") and engine.describe("en", "ja") == "pseudo"


# ------------------------------------------------------------------ none


def test_none_engine_translates_nothing() -> None:
    engine = create_engine("none")
    done: list[int] = []
    assert engine.translate_batch(["a", "b", "c"], "en", "ko", progress=done.append) == [
        [],
        [],
        [],
    ]
    assert done == [3]
    assert engine.supports("en", "ko") and engine.describe("en", "ko") == "none"
    with pytest.raises(EngineError, match="no option 'beam_size'"):
        create_engine("none", beam_size=2)


def test_a_third_party_factory_refusing_a_value_is_an_option_error() -> None:
    """A plug-in engine's factory raising TypeError/ValueError for an option's value
    becomes EngineOptionError (exit 2), which the workflow places in l10n.toml."""
    from importlib.metadata import EntryPoint

    from l10n.errors import EngineOptionError

    point = EntryPoint("strict", "tests.test_engines:_strict_factory", "l10n.engines")
    engines = {**available_engines(), "strict": point}
    import l10n.engines as registry

    mp = pytest.MonkeyPatch()
    mp.setattr(registry, "available_engines", lambda: engines)
    try:
        with pytest.raises(EngineOptionError) as caught:
            create_engine("strict", level="high")
    finally:
        mp.undo()
    assert caught.value.exit_code == 2 and "level must be a number" in caught.value.message


def _strict_factory(level: object = 1) -> object:
    if not isinstance(level, int):
        raise ValueError("level must be a number")
    return object()
