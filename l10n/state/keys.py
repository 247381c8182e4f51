"""Keys: everything besides a file's own content that a recorded fact depends on.

* :func:`code_key`: l10n's version and the files of the installed package (names, sizes,
  modification times): a new release, or a developer's edit of a check, is a new key;
* :func:`settings_key`: the project's settings, except those no per-file fact depends on
  (the target languages, which are each fact's own key; the build folder and its gate,
  which the build's keys name);
* :func:`glossary_key`: the bytes of the glossary files;
* :func:`key`: parts joined into one digest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

import l10n
from l10n.config import Settings

# settings no per-file fact depends on (see the module docstring)
_CODE = (".py", ".j2", ".css", ".js", ".toml")  # what l10n's behaviour is made of
_NOT_IN_KEY = {"root", "config_file", "targets", "build", "min_reviewed"}


def key(*parts: object) -> str:
    """16 hex digits naming ``parts`` (strings, numbers, lists, dicts, None)."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def code_key() -> str:
    """l10n's version and its package files as installed (size and mtime of each)."""
    package = Path(l10n.__file__).resolve().parent
    parts: list[Any] = [l10n.__version__]
    for path in sorted(package.rglob("*")):
        if path.suffix in _CODE and "__pycache__" not in path.parts:
            info = path.stat()
            parts.append((path.relative_to(package).as_posix(), info.st_size, info.st_mtime_ns))
    return key(*parts)


def settings_key(settings: Settings) -> str:
    """The settings that facts about articles and catalogs may depend on."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(settings):
        if field.name in _NOT_IN_KEY:
            continue
        value = getattr(settings, field.name)
        if field.name == "engines":
            value = {name: dict(options) for name, options in value.items()}
        values[field.name] = value
    return key(values, settings.root)


def glossary_key(folder: Path) -> str:
    """The glossary as files: each ``*.toml`` (or the one file) and its bytes."""
    if folder.is_file():
        files = [folder]
    else:
        files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
