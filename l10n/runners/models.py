"""Model files for workers that do not share the driver's models folder.

On one machine (or where every node mounts the same folder) a worker reads the
configured models folder. Otherwise the driver packs each installed package a run needs
into an ``.argosmodel`` zip (:func:`pack_models`), ships it once through Ray's object
store, and each node installs it with l10n's own checked installer into a folder of its
own (:func:`unpack_models`), once per node however many workers it runs.
"""

from __future__ import annotations

import fcntl
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from l10n.engines.packages import find_route, install_model_file

FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # same files, same bytes: one object per package


def route_folders(models_dir: Path, pairs: Iterable[tuple[str, str]]) -> list[Path]:
    """The package folders that translate ``pairs`` (pivots included), each once."""
    folders: list[Path] = []
    for source, target in pairs:
        for info in find_route(models_dir, source, target) or ():
            if info.path not in folders:
                folders.append(info.path)
    return folders


def pack_models(models_dir: Path, pairs: Iterable[tuple[str, str]]) -> list[bytes]:
    """Each package a run needs, as the bytes of an ``.argosmodel`` file."""
    packed = []
    for folder in route_folders(models_dir, pairs):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
                    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, path.read_bytes())
        packed.append(buffer.getvalue())
    return packed


def node_root(run: str) -> Path:
    """Where this node keeps the models shipped for run ``run``."""
    return Path(tempfile.gettempdir()) / f"l10n-models-{run}"


def unpack_models(packages: list[bytes], root: Path) -> Path:
    """Install ``packages`` into ``root/models`` once per node (the first worker installs,
    the others wait for it); the models folder."""
    root.mkdir(parents=True, exist_ok=True)
    models = root / "models"
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when a killed worker's process ends
        if not (root / ".complete").exists():
            shutil.rmtree(models, ignore_errors=True)
            for number, data in enumerate(packages):
                staged = root / f".package-{os.getpid()}-{number}.argosmodel"
                staged.write_bytes(data)
                try:
                    install_model_file(staged, models)
                finally:
                    staged.unlink()
            (root / ".complete").touch()
    return models


def remove_node_root(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
