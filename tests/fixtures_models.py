"""Fixtures that build real (copy) Argos models for the test session.

One tiny copy model is built per session (about a second, see
``benchmarks/copy_model.py``); the other pairs are the same package relabelled (a copy
model copies whatever the languages are called), so three pairs cost one build:
``en -> ko``, ``ko -> en`` and ``en -> es`` (``ko -> es`` then pivots through English).
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from benchmarks.copy_model import build_copy_model
from l10n.engines.packages import install_model_file

PAIRS = (("en", "ko"), ("ko", "en"), ("en", "es"))


def relabel_package(model_file: Path, from_code: str, to_code: str, out_dir: Path) -> Path:
    """A copy of the ``.argosmodel`` at ``model_file`` for another language pair."""
    top = f"translate-{from_code}_{to_code}-copy_tiny"
    out = out_dir / f"{top}.argosmodel"
    with zipfile.ZipFile(model_file) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            _, _, rest = info.filename.partition("/")
            data = src.read(info)
            if rest == "metadata.json":
                meta = json.loads(data)
                meta.update(
                    from_code=from_code, to_code=to_code, from_name=from_code, to_name=to_code
                )
                data = json.dumps(meta, indent=2).encode()
            clone = zipfile.ZipInfo(f"{top}/{rest}", date_time=info.date_time)
            clone.external_attr, clone.compress_type = info.external_attr, info.compress_type
            dst.writestr(clone, data)
    return out


@pytest.fixture(scope="session")
def model_files(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """``.argosmodel`` files of tiny copy models, by (from, to): en-ko, ko-en, en-es."""
    folder = tmp_path_factory.mktemp("argosmodels")
    first = build_copy_model(folder, *PAIRS[0], size="tiny")
    files = {PAIRS[0]: first}
    for pair in PAIRS[1:]:
        files[pair] = relabel_package(first, *pair, folder)
    return files


@pytest.fixture(scope="session")
def en_ko_model(model_files: dict[tuple[str, str], Path]) -> Path:
    """The en -> ko copy model's ``.argosmodel`` file."""
    return model_files["en", "ko"]


def install_all(model_files: dict[tuple[str, str], Path], folder: Path) -> Path:
    for path in model_files.values():
        install_model_file(path, folder)
    return folder


@pytest.fixture(scope="session")
def shared_models_dir(
    tmp_path_factory: pytest.TempPathFactory, model_files: dict[tuple[str, str], Path]
) -> Path:
    """A models folder with every copy model installed; shared by the session: read only."""
    return install_all(model_files, tmp_path_factory.mktemp("shared-models"))


@pytest.fixture()
def models_dir(tmp_path: Path, model_files: dict[tuple[str, str], Path]) -> Path:
    """A fresh models folder with every copy model installed (a test may change it)."""
    return install_all(model_files, tmp_path / "models")


@pytest.fixture()
def models_project(project: Path, shared_models_dir: Path) -> Path:
    """The ``project`` fixture with the copy models in its configured ``models`` folder."""
    shutil.copytree(shared_models_dir, project / "models")
    return project
