"""Model packages: validated install, list, remove, the offline index, and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from l10n.engines.packages import (
    find_route,
    install_from_index,
    install_model_file,
    list_models,
    remove_model,
)
from l10n.errors import ModelError, ModelFileError

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and mtime: what 'untouched' means."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


def rewrite(good: Path, out: Path, change: Callable[[str, bytes], list[tuple[str, bytes]]]) -> Path:
    """A copy of the package ``good`` whose members pass through ``change(name, data)``."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            for name, data in change(info.filename, src.read(info)):
                dst.writestr(name, data)
    return out


def drop(suffix: str) -> Callable[[str, bytes], list[tuple[str, bytes]]]:
    return lambda name, data: [] if name.endswith(suffix) else [(name, data)]


def metadata(edit: Callable[[dict[str, object]], object]) -> Callable[..., list[tuple[str, bytes]]]:
    def change(name: str, data: bytes) -> list[tuple[str, bytes]]:
        if name.endswith("/metadata.json"):
            meta = json.loads(data)
            result = edit(meta)
            data = result if isinstance(result, bytes) else json.dumps(meta).encode()
        return [(name, data)]

    return change


BAD_PACKAGES: dict[str, tuple[Callable[[str, bytes], list[tuple[str, bytes]]], str]] = {
    "two top folders": (
        lambda n, d: [(n, d)] + ([("other/README.md", b"x")] if n.endswith("README.md") else []),
        "exactly one top-level folder",
    ),
    "files at the top level": (
        lambda n, d: [(n.partition("/")[2], d)] if n.partition("/")[2] else [],
        "exactly one top-level folder",
    ),
    "no metadata": (drop("/metadata.json"), "no metadata.json"),
    "bad JSON": (metadata(lambda meta: b"{not json"), "not valid JSON"),
    "metadata not an object": (metadata(lambda meta: b"[1, 2]"), "not a JSON object"),
    "no to_code": (metadata(lambda meta: meta.pop("to_code")), "'to_code'"),
    "not a translation package": (metadata(lambda meta: meta.update(type="sbd")), "'sbd'"),
    "no model/": (
        lambda n, d: [] if "/model/" in n or n.endswith("/model/") else [(n, d)],
        "no CTranslate2 model",
    ),
    "no model.bin": (drop("/model/model.bin"), "model/model.bin"),
    "no tokenizer": (drop("/sentencepiece.model"), "no tokenizer"),
    "path traversal": (
        lambda n, d: [(n, d)] + ([("../evil.txt", b"x")] if n.endswith("README.md") else []),
        "unsafe member name '../evil.txt'",
    ),
    "traversal inside the folder": (
        lambda n, d: (
            [(n, d)]
            + ([(n.split("/")[0] + "/../../evil", b"x")] if n.endswith("README.md") else [])
        ),
        "unsafe member name",
    ),
    "absolute path": (
        lambda n, d: [(n, d)] + ([("/tmp/evil", b"x")] if n.endswith("README.md") else []),
        "unsafe member name",
    ),
}


def test_install_lists_the_package(tmp_path: Path, en_ko_model: Path) -> None:
    info = install_model_file(en_ko_model, tmp_path / "models")
    assert (info.from_code, info.to_code, info.name, info.version) == (
        "en",
        "ko",
        "translate-en_ko",
        "1.0",
    )
    assert (info.path / "model" / "model.bin").is_file()
    assert list_models(tmp_path / "models") == [info]
    assert [p.name for p in (tmp_path / "models").iterdir()] == [info.path.name]


def test_list_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert list_models(tmp_path / "nowhere") == []


def test_list_skips_folders_that_are_not_packages(models_dir: Path) -> None:
    (models_dir / "stray").mkdir()
    (models_dir / "broken").mkdir()
    (models_dir / "broken" / "metadata.json").write_text("{oops", encoding="utf-8")
    assert sorted((m.from_code, m.to_code) for m in list_models(models_dir)) == [
        ("en", "es"),
        ("en", "ko"),
        ("ko", "en"),
    ]


@pytest.mark.parametrize("case", sorted(BAD_PACKAGES))
def test_bad_package_is_refused_and_installs_nothing(
    case: str, tmp_path: Path, models_dir: Path, en_ko_model: Path
) -> None:
    change, reason = BAD_PACKAGES[case]
    bad = rewrite(en_ko_model, tmp_path / "bad.argosmodel", change)
    before = snapshot(models_dir)
    with pytest.raises(ModelFileError) as caught:
        install_model_file(bad, models_dir)
    assert reason in caught.value.message
    assert caught.value.path == str(bad)
    assert caught.value.exit_code == 2
    assert snapshot(models_dir) == before
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"plain text, not a zip", "not a zip archive"), (b"", "not a zip archive")],
)
def test_a_file_that_is_not_a_zip_is_refused(
    content: bytes, reason: str, tmp_path: Path, models_dir: Path
) -> None:
    bad = tmp_path / "model.argosmodel"
    bad.write_bytes(content)
    before = snapshot(models_dir)
    with pytest.raises(ModelFileError, match=reason):
        install_model_file(bad, models_dir)
    assert snapshot(models_dir) == before


def test_a_corrupt_zip_is_refused(tmp_path: Path, models_dir: Path, en_ko_model: Path) -> None:
    data = bytearray(en_ko_model.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)  # damage compressed data, keep the directory
    bad = tmp_path / "corrupt.argosmodel"
    bad.write_bytes(bytes(data))
    before = snapshot(models_dir)
    with pytest.raises(ModelFileError, match="corrupt"):
        install_model_file(bad, models_dir)
    assert snapshot(models_dir) == before


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="not found"):
        install_model_file(tmp_path / "nope.argosmodel", tmp_path / "models")


def test_reinstall_replaces_the_same_pair(
    tmp_path: Path, models_dir: Path, model_files: dict[tuple[str, str], Path]
) -> None:
    newer = rewrite(
        model_files["en", "ko"],
        tmp_path / "v2.argosmodel",
        lambda n, d: [
            (n.replace("copy_tiny", "v2", 1), d)
            if not n.endswith("metadata.json")
            else (n.replace("copy_tiny", "v2", 1), d.replace(b'"1.0"', b'"2.0"'))
        ],
    )
    info = install_model_file(newer, models_dir)
    en_ko = [m for m in list_models(models_dir) if (m.from_code, m.to_code) == ("en", "ko")]
    assert en_ko == [info]
    assert info.version == "2.0"
    assert not [p for p in models_dir.iterdir() if p.name.startswith(".")]


def test_remove(models_dir: Path) -> None:
    removed = remove_model("en", "ko", models_dir)
    assert [(m.from_code, m.to_code) for m in removed] == [("en", "ko")]
    assert not removed[0].path.exists()
    assert ("en", "ko") not in {(m.from_code, m.to_code) for m in list_models(models_dir)}
    with pytest.raises(ModelError, match="no model for en -> ko"):
        remove_model("en", "ko", models_dir)


def test_routes_direct_pivot_and_missing(shared_models_dir: Path) -> None:
    direct = find_route(shared_models_dir, "en", "ko")
    assert direct is not None and [m.name for m in direct] == ["translate-en_ko"]
    regional = find_route(shared_models_dir, "en", "ko_KR")
    assert regional is not None and [m.name for m in regional] == ["translate-en_ko"]
    pivot = find_route(shared_models_dir, "ko", "es")
    assert pivot is not None and [m.name for m in pivot] == ["translate-ko_en", "translate-en_es"]
    assert find_route(shared_models_dir, "es", "ko") is None
    assert find_route(shared_models_dir, "en", "ja") is None


def test_index_install_offline_says_how_to_install_from_a_file(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as caught:
        install_from_index("en", "ko", tmp_path / "models")
    text = caught.value.format_message()
    assert "\n" not in text
    assert "install --file PATH.argosmodel" in text
    assert "argosopentech.com" in text
    assert caught.value.exit_code == 3
    assert list_models(tmp_path / "models") == []


# ------------------------------------------------------------------ the CLI


def l10n(*args: str, models: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, L10N_MODELS_DIR=str(models), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "l10n", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.slow
def test_cli_install_list_remove(tmp_path: Path, en_ko_model: Path) -> None:
    models = tmp_path / "models"
    empty = l10n("models", "list", "--json", models=models, cwd=tmp_path)
    assert empty.returncode == 0, empty.stderr
    assert json.loads(empty.stdout) == {"models_dir": str(models), "models": []}

    done = l10n("models", "install", "--file", str(en_ko_model), models=models, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "translate-en_ko" in done.stdout

    listed = json.loads(l10n("models", "list", "--json", models=models, cwd=tmp_path).stdout)
    assert [(m["from"], m["to"], m["version"]) for m in listed["models"]] == [("en", "ko", "1.0")]
    assert Path(listed["models"][0]["path"]).parent == models

    table = l10n("models", "list", models=models, cwd=tmp_path)
    assert "translate-en_ko" in table.stdout

    gone = l10n("models", "remove", "en", "ko", models=models, cwd=tmp_path)
    assert gone.returncode == 0, gone.stderr
    assert list_models(models) == []
    again = l10n("models", "remove", "en", "ko", models=models, cwd=tmp_path)
    assert again.returncode == 3
    assert again.stderr.startswith("Error: ")


@pytest.mark.slow
def test_cli_refuses_a_bad_file_with_exit_2(tmp_path: Path, en_ko_model: Path) -> None:
    models = tmp_path / "models"
    bad = rewrite(en_ko_model, tmp_path / "bad.argosmodel", drop("/sentencepiece.model"))
    done = l10n(
        "models",
        "install",
        "--file",
        str(bad),
        "--models-dir",
        str(models),
        models=tmp_path / "unused",
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "no tokenizer" in done.stderr
    assert "Traceback" not in done.stderr
    assert list_models(models) == []


@pytest.mark.slow
def test_cli_offline_index_install_is_one_line(tmp_path: Path) -> None:
    """A real subprocess (no socket guard): offline it fails; online, an unknown pair does."""
    home = tmp_path / "home"
    env_home = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "d"),
        "XDG_CACHE_HOME": str(home / "c"),
        "XDG_CONFIG_HOME": str(home / "cf"),
    }
    env = dict(os.environ, L10N_MODELS_DIR=str(tmp_path / "m"), PYTHONPATH=str(ROOT), **env_home)
    # an unroutable proxy keeps this test offline even on a machine with internet
    env.update(
        http_proxy="http://127.0.0.1:9",
        https_proxy="http://127.0.0.1:9",
        HTTP_PROXY="http://127.0.0.1:9",
        HTTPS_PROXY="http://127.0.0.1:9",
    )
    done = subprocess.run(
        [sys.executable, "-m", "l10n", "models", "install", "en", "ko"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1, done.stderr
    assert "install --file PATH.argosmodel" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_cli_install_needs_a_pair_or_a_file(tmp_path: Path) -> None:
    done = l10n("models", "install", models=tmp_path / "m", cwd=tmp_path)
    assert done.returncode == 2
    assert "--file" in done.stderr


# ------------------------------------------------------------ issue 14: hostile packages
def _with_member(good: Path, out: Path, name: str, data: bytes) -> Path:
    """A copy of the package ``good`` with one more (deflated) member."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        top = info.filename.split("/")[0]
        dst.writestr(f"{top}/{name}", data)
    return out


def test_a_package_unpacking_beyond_the_limit_is_refused_first(
    tmp_path: Path, models_dir: Path, en_ko_model: Path
) -> None:
    """Item 15: a small .argosmodel holding a huge file of zeros (a zip bomb) is refused
    from its declared sizes, before anything is extracted."""
    bomb = _with_member(en_ko_model, tmp_path / "bomb.argosmodel", "zeros.bin",
                        bytes(64 * 1024 * 1024))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = snapshot(models_dir)
    with pytest.raises(ModelFileError, match="unpacks to 6[4-9] MB.*limit of 32 MB"):
        install_model_file(bomb, models_dir, max_size=32 * 1024 * 1024)
    assert snapshot(models_dir) == before
    info = install_model_file(bomb, models_dir, max_size=128 * 1024 * 1024)
    assert (info.path / "zeros.bin").stat().st_size == 64 * 1024 * 1024


def test_forged_declared_sizes_are_refused_without_decompressing(
    tmp_path: Path, models_dir: Path, en_ko_model: Path
) -> None:
    """A member whose header declares 2 GiB: refused from the header, in no time."""
    forged = _with_member(en_ko_model, tmp_path / "forged.argosmodel", "big.bin", b"x" * 100)
    raw = bytearray(forged.read_bytes())
    central = raw.rfind(b"PK\x01\x02")
    while central != -1:  # patch the central directory entries of big.bin
        name_len = int.from_bytes(raw[central + 28: central + 30], "little")
        if raw[central + 46: central + 46 + name_len].endswith(b"big.bin"):
            raw[central + 24: central + 28] = (2**31).to_bytes(4, "little")
        central = raw.rfind(b"PK\x01\x02", 0, central)
    forged.write_bytes(bytes(raw))
    before = snapshot(models_dir)
    with pytest.raises(ModelFileError, match="limit"):
        install_model_file(forged, models_dir)
    assert snapshot(models_dir) == before


def test_not_enough_free_space_is_refused_before_extracting(
    tmp_path: Path, models_dir: Path, en_ko_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil as real_shutil

    from l10n.engines import packages

    usage = real_shutil.disk_usage(models_dir)
    monkeypatch.setattr(packages.shutil, "disk_usage",
                        lambda path: usage._replace(free=1024))
    before = snapshot(models_dir)
    with pytest.raises(ModelError, match="free"):
        install_model_file(en_ko_model, models_dir)
    assert snapshot(models_dir) == before


def test_member_names_starting_with_dot_slash_install(
    tmp_path: Path, models_dir: Path, en_ko_model: Path
) -> None:
    """Item 15: './pkg/...' names crashed with IndexError (exit 1)."""
    dotted = rewrite(en_ko_model, tmp_path / "dotted.argosmodel",
                     lambda name, data: [("./" + name, data)])
    with zipfile.ZipFile(dotted, "a") as archive:
        archive.writestr("./", b"")
    info = install_model_file(dotted, models_dir)
    assert (info.path / "metadata.json").is_file() and (info.path / "model").is_dir()
