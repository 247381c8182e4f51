"""Settings from l10n.toml / [tool.l10n]: values, overrides, and errors with file:line:key."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.config import load_settings
from l10n.errors import ConfigError


def test_defaults_without_a_config(tmp_path: Path) -> None:
    settings = load_settings(cwd=tmp_path)
    assert settings.config_file is None
    assert settings.source == "en"
    assert settings.path(settings.locales) == tmp_path.resolve() / "locales"


def test_l10n_toml_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "l10n.toml").write_text(
        'targets = ["ko", "ja"]\nfuzzy_threshold = 0.8\n[engines.argos]\nbeam_size = 2\n',
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    settings = load_settings(cwd=tmp_path / "sub")
    assert settings.root == tmp_path.resolve()
    assert settings.targets == ("ko", "ja")
    assert settings.fuzzy_threshold == 0.8
    assert settings.engine_options("argos") == {"beam_size": 2}


def test_tool_l10n_in_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.l10n]\ntargets = ["es"]\n', encoding="utf-8"
    )
    assert load_settings(cwd=tmp_path).targets == ("es",)


def test_cli_overrides_win_and_none_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "l10n.toml").write_text('targets = ["ko"]\nengine = "none"\n', encoding="utf-8")
    settings = load_settings(cwd=tmp_path, targets=("ja",), engine=None)
    assert settings.targets == ("ja",)
    assert settings.engine == "none"


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ('source = "en"\ntargets = "ko"\n', 2, "targets"),
        ('source = "en"\n\ntargets = ["xx"]\n', 3, "unknown language code 'xx'"),
        ('colour = "blue"\n', 1, "unknown key (key 'colour')"),
        ("fuzzy_threshold = 2\n", 1, "between 0 and 1"),
        ('source = "en"\ntargets = [\n', 2, "invalid TOML"),
        ("[engines]\nargos = 3\n", 1, "engines"),
        ('[html]\ncontent = "main"\nexclude = [3]\n', 3, "[html] exclude must be a CSS"),
        ('[html]\nstory = "main"\n', 2, "unknown key in [html]"),
        ('[articles.html]\ncontent = 3\n', 2, "[articles.html] content must be a CSS"),
        ('[articles]\nfolder = "x"\n', 2, "unknown key in [articles]"),
        ('[html]\ncontent = "a"\n[articles.html]\ncontent = "b"\n', 1, "give one"),
    ],
)
def test_malformed_config_names_file_line_and_key(
    tmp_path: Path, text: str, line: int, needle: str
) -> None:
    (tmp_path / "l10n.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(cwd=tmp_path)
    message = caught.value.format_message()
    assert f"l10n.toml:{line}:" in message
    assert needle in message
    assert caught.value.exit_code == 2


def test_html_selectors(tmp_path: Path) -> None:
    (tmp_path / "l10n.toml").write_text(
        '[html]\ncontent = "div.story"\nexclude = [".share", "aside"]\n', encoding="utf-8")
    html = load_settings(cwd=tmp_path).html
    assert (html.content, html.exclude) == (("div.story",), (".share", "aside"))


def test_html_selectors_in_the_articles_table(tmp_path: Path) -> None:
    """The issue's spelling: [articles.html], with the folder as [articles] path."""
    (tmp_path / "l10n.toml").write_text(
        '[articles]\npath = "posts"\n\n[articles.html]\ncontent = "div.story"\n'
        'exclude = [".share"]\n', encoding="utf-8")
    settings = load_settings(cwd=tmp_path)
    assert (settings.html.content, settings.html.exclude) == (("div.story",), (".share",))
    assert settings.articles_dir == tmp_path / "posts"
    (tmp_path / "l10n.toml").write_text('[articles.html]\nexclude = "aside"\n', "utf-8")
    settings = load_settings(cwd=tmp_path)
    assert settings.html.exclude == ("aside",) and settings.articles_dir == tmp_path / "seeds"


def test_key_line_inside_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.l10n]\nsource = "en"\ntargets = 5\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"pyproject.toml:6: must be a list"):
        load_settings(cwd=tmp_path)


def test_models_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("L10N_MODELS_DIR", str(tmp_path / "m"))
    assert load_settings(cwd=tmp_path).models_dir() == tmp_path / "m"
