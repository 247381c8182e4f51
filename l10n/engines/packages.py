"""Argos Translate model packages: list, validate and install, remove.

A models folder holds one folder per package (Argos's own layout, so packages installed
with ``argospm`` are found): ``<folder>/metadata.json``, ``<folder>/model/`` (CTranslate2)
and ``<folder>/sentencepiece.model`` or ``bpe.model``.

Rules:

* a package file is validated completely before anything is written to the models
  folder (see :func:`install_model_file`); a refused file leaves it untouched;
* a package is extracted into a temporary folder inside the models folder and renamed
  into place, so a reader never sees half a package;
* one package per language pair: installing a pair replaces the package(s) already
  installed for it, only once the new one is in place;
* only the index download uses ``argostranslate`` (imported lazily, here).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from l10n.errors import ModelError, ModelFileError

PIVOT = "en"
INDEX_URL = "https://www.argosopentech.com/argospm/index/"
TOKENIZERS = ("sentencepiece.model", "bpe.model")
# Real Argos packages unpack to 100-400 MB; a package declaring more is refused (a zip
# bomb: 2.5 MB of zip holding 2 GiB of zeros) unless the caller allows more.
MAX_UNPACKED = 1024 * 1024 * 1024
FREE_MARGIN = 64 * 1024 * 1024  # left free on the disk after an install
_CODE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """One installed translation package."""

    from_code: str
    to_code: str
    name: str  # argospm name, e.g. "translate-en_ko"
    version: str
    path: Path
    target_prefix: str = ""

    def describe(self) -> str:
        """``translate-en_ko 1.1``: name and version, as provenance."""
        return f"{self.name} {self.version}"

    def as_dict(self) -> dict[str, str]:
        return {
            "from": self.from_code,
            "to": self.to_code,
            "name": self.name,
            "version": self.version,
            "path": str(self.path),
        }


def _read_metadata(folder: Path) -> ModelInfo | None:
    """The package in ``folder``, or None when it is not a readable translation package."""
    try:
        data = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("type", "translate") != "translate":
        return None
    src, tgt = data.get("from_code"), data.get("to_code")
    if not (isinstance(src, str) and isinstance(tgt, str) and src and tgt):
        return None
    return ModelInfo(
        from_code=src,
        to_code=tgt,
        name=f"translate-{src}_{tgt}",
        version=str(data.get("package_version", "?")),
        path=folder,
        target_prefix=str(data.get("target_prefix") or ""),
    )


def list_models(models_dir: Path) -> list[ModelInfo]:
    """Installed translation packages, sorted by pair then folder; a missing folder is empty.

    Folders starting with ``.`` (installs in progress) and folders without a readable
    ``metadata.json`` of type ``translate`` are skipped.
    """
    if not models_dir.is_dir():
        return []
    found = []
    for folder in sorted(models_dir.iterdir()):
        if folder.is_dir() and not folder.name.startswith("."):
            info = _read_metadata(folder)
            if info is not None:
                found.append(info)
    return sorted(found, key=lambda m: (m.from_code, m.to_code, m.path.name))


def _codes(code: str) -> tuple[str, ...]:
    """Package codes that serve ``code``: itself, then its base language (``ko_KR`` -> ``ko``)."""
    base = re.split(r"[_-]", code)[0]
    return (code,) if base == code else (code, base)


def find_model(models: list[ModelInfo], source: str, target: str) -> ModelInfo | None:
    """The installed package for ``source -> target`` (exact codes before base languages)."""
    for src in _codes(source):
        for tgt in _codes(target):
            for info in models:
                if info.from_code == src and info.to_code == tgt:
                    return info
    return None


def find_route(models_dir: Path, source: str, target: str) -> tuple[ModelInfo, ...] | None:
    """The packages that translate ``source -> target``: one (direct), or two pivoting
    through English (``source -> en -> target``) when no direct package exists; else None."""
    models = list_models(models_dir)
    direct = find_model(models, source, target)
    if direct is not None:
        return (direct,)
    if PIVOT in (_codes(source)[-1], _codes(target)[-1]):
        return None
    first, second = find_model(models, source, PIVOT), find_model(models, PIVOT, target)
    return (first, second) if first is not None and second is not None else None


# ------------------------------------------------------------------ validation


def _refuse(path: Path, reason: str) -> ModelFileError:
    return ModelFileError(
        f"not a valid Argos model package: {reason}",
        path=path,
        hint="nothing was installed; get .argosmodel files from " + INDEX_URL,
    )


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name without a leading ``./`` (as zip tools write it from ``.``)."""
    name = info.filename
    while name.startswith("./"):
        name = name[2:]
    return name


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    name = _member_name(info)
    parts = PurePosixPath(name).parts
    if "\\" in name or name.startswith("/") or ".." in parts or (parts and ":" in parts[0]):
        return f"unsafe member name '{name}'"
    if stat.S_ISLNK(info.external_attr >> 16):
        return f"symbolic link '{name}'"
    return None


def validate_package_zip(
    path: Path, archive: zipfile.ZipFile, *, max_size: int = MAX_UNPACKED
) -> tuple[str, dict[str, Any]]:
    """Check an opened package; return (top folder, metadata) or raise ModelFileError.

    Rules: safe member names (no absolute paths, ``..``, backslashes or links); intact
    CRCs; exactly one top-level folder holding everything; ``metadata.json`` is a JSON
    object with ``from_code``/``to_code`` language codes; ``model/model.bin`` and
    ``model/config.json`` (a CTranslate2 model); a tokenizer (``sentencepiece.model`` or
    ``bpe.model``).
    """
    members = archive.infolist()
    for info in members:
        problem = _member_problem(info)
        if problem:
            raise _refuse(path, problem)
    declared = sum(info.file_size for info in members)
    if declared > max_size:
        raise _refuse(path, f"it unpacks to {declared // 2**20:,} MB, over the limit of "
                      f"{max_size // 2**20:,} MB (a real model is a few hundred MB; raise "
                      "the limit with --max-size if you trust the file)")
    names = {_member_name(i) for i in members}
    tops = {PurePosixPath(n).parts[0] for n in names if PurePosixPath(n).parts}
    if len(tops) != 1:
        raise _refuse(path, f"expected exactly one top-level folder, found {len(tops)}")
    top = tops.pop()
    if top.startswith(".") or top in names:
        raise _refuse(path, f"'{top}' is not a package folder")
    if archive.testzip() is not None:
        raise _refuse(path, "the archive is corrupt (CRC error)")
    if f"{top}/metadata.json" not in names:
        raise _refuse(path, "no metadata.json")
    by_name = {_member_name(i): i for i in members}
    try:
        metadata = json.loads(archive.read(by_name[f"{top}/metadata.json"]).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _refuse(path, f"metadata.json is not valid JSON ({exc})") from None
    if not isinstance(metadata, dict):
        raise _refuse(path, "metadata.json is not a JSON object")
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not _CODE.match(value):
            raise _refuse(path, f"metadata.json has no valid '{key}'")
    if metadata.get("type", "translate") != "translate":
        raise _refuse(path, f"a '{metadata.get('type')}' package, not a translation model")
    for needed in ("model/model.bin", "model/config.json"):
        if f"{top}/{needed}" not in names:
            raise _refuse(path, f"no CTranslate2 model ({needed} is missing)")
    if not any(f"{top}/{tok}" in names for tok in TOKENIZERS):
        raise _refuse(path, "no tokenizer (sentencepiece.model or bpe.model)")
    return top, metadata


# ------------------------------------------------------------------ install/remove


def install_model_file(
    path: Path, models_dir: Path, *, max_size: int = MAX_UNPACKED
) -> ModelInfo:
    """Validate the ``.argosmodel`` at ``path`` and install it into ``models_dir``.

    Raises ModelFileError (nothing written) when the file is missing, not a zip, not a
    valid package, or declares more than ``max_size`` bytes unpacked; ModelError when
    the models folder's disk has not that much free space (and a margin). The package
    replaces an installed one of the same folder name or the same language pair, only
    after it has been extracted and validated.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelFileError("model file not found", path=path)
    if not zipfile.is_zipfile(path):
        raise _refuse(path, "not a zip archive (an .argosmodel file is a zip)")
    try:
        with zipfile.ZipFile(path) as archive:
            top, _ = validate_package_zip(path, archive, max_size=max_size)
            _check_free_space(models_dir, sum(i.file_size for i in archive.infolist()))
            models_dir.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".install-", dir=models_dir))
            try:
                archive.extractall(staging)
                return _move_into_place(staging / top, models_dir)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise _refuse(path, f"the archive is corrupt ({exc})") from None


def _check_free_space(models_dir: Path, needed: int) -> None:
    existing = next(p for p in (models_dir, *models_dir.parents) if p.exists())
    free = shutil.disk_usage(existing).free
    if free < needed + FREE_MARGIN:
        raise ModelError(
            f"not enough free disk space to install the model: it needs "
            f"{needed // 2**20:,} MB and {free // 2**20:,} MB are free",
            path=models_dir, hint="free some space, or set `models` in l10n.toml to a "
            "folder on another disk",
        )


def _move_into_place(package: Path, models_dir: Path) -> ModelInfo:
    """Rename the extracted ``package`` into ``models_dir``, replacing its pair's packages."""
    info = _read_metadata(package)
    if info is None:  # validated already; only a race could get here
        raise ModelFileError("metadata.json could not be read after extraction", path=package)
    dest = models_dir / package.name
    old = [
        m.path
        for m in list_models(models_dir)
        if (m.from_code, m.to_code) == (info.from_code, info.to_code) or m.path == dest
    ]
    trash = package.parent / ".replaced"
    trash.mkdir()
    if dest.exists():
        os.replace(dest, trash / dest.name)
    os.replace(package, dest)
    for folder in old:
        if folder != dest:
            os.replace(folder, trash / folder.name)
    shutil.rmtree(trash, ignore_errors=True)
    installed = _read_metadata(dest)
    assert installed is not None
    return installed


def remove_model(from_code: str, to_code: str, models_dir: Path) -> list[ModelInfo]:
    """Remove the packages installed for ``from_code -> to_code`` (exact codes); return them.

    Raises ModelError when no package for the pair is installed.
    """
    gone = [m for m in list_models(models_dir) if (m.from_code, m.to_code) == (from_code, to_code)]
    if not gone:
        raise ModelError(
            f"no model for {from_code} -> {to_code} is installed in {models_dir}",
            hint="see `l10n models list`",
        )
    for info in gone:
        trash = Path(tempfile.mkdtemp(prefix=".remove-", dir=models_dir))
        os.replace(info.path, trash / info.path.name)
        shutil.rmtree(trash, ignore_errors=True)
    return gone


def _offline_error(from_code: str, to_code: str, reason: str) -> ModelError:
    return ModelError(
        f"cannot download the {from_code} -> {to_code} model from the Argos package index "
        f"({reason})",
        hint=f"on a machine with internet, download the .argosmodel file from {INDEX_URL}, "
        "then run `l10n models install --file PATH.argosmodel`",
    )


def _argos_package_module(models_dir: Path) -> Any:
    """``argostranslate.package``, with Argos's settings pointed at ``models_dir``.

    Argos reads ``ARGOS_*`` variables once, at import: they are set (if unset) first.
    """
    os.environ.setdefault("ARGOS_PACKAGES_DIR", str(models_dir))
    os.environ.setdefault("ARGOS_DEVICE_TYPE", "cpu")
    import argostranslate.package

    return argostranslate.package


@contextlib.contextmanager
def _quiet_argos() -> Iterator[None]:
    """Silence Argos's logger, which prints network errors on stderr as tracebacks' tuples."""
    loggers = [logging.getLogger(name) for name in ("argostranslate", "argostranslate.utils")]
    before = [logger.disabled for logger in loggers]
    for logger in loggers:
        logger.disabled = True
    try:
        yield
    finally:
        for logger, was in zip(loggers, before, strict=True):
            logger.disabled = was


def install_from_index(from_code: str, to_code: str, models_dir: Path) -> ModelInfo:
    """Download the ``from_code -> to_code`` package from the Argos index and install it.

    The downloaded file goes through :func:`install_model_file` (validated). Any network
    failure becomes a one-line ModelError naming the file-based alternative.
    """
    package = _argos_package_module(models_dir)
    from argostranslate import settings as argos_settings

    index = Path(argos_settings.local_package_index)
    with _quiet_argos():
        package.update_package_index()  # logs (silenced) and returns on network errors
    if not index.is_file():
        raise _offline_error(from_code, to_code, "the index cannot be reached")
    try:
        available = package.get_available_packages()
    except (OSError, ValueError) as exc:
        raise _offline_error(from_code, to_code, f"unreadable index: {exc}") from None
    matches = [
        p
        for p in available
        if getattr(p, "type", "translate") == "translate"
        and (p.from_code, p.to_code) == (from_code, to_code)
    ]
    if not matches:
        raise ModelError(
            f"the Argos package index has no {from_code} -> {to_code} model",
            hint="pairs without a direct model pivot through English: install "
            f"{from_code} -> en and en -> {to_code}",
        )
    try:
        with _quiet_argos():
            downloaded = Path(matches[0].download())
    except Exception as exc:  # argostranslate raises a bare Exception on failure
        raise _offline_error(from_code, to_code, str(exc) or type(exc).__name__) from None
    try:
        return install_model_file(downloaded, models_dir)
    finally:
        with contextlib.suppress(OSError):
            downloaded.unlink()
