"""Keys: everything besides a file's own content that a recorded fact depends on.

* :func:`code_key`: l10n's version, the files of the installed package (names, sizes,
  modification times) and the versions of the libraries that shape its output (Babel's
  dates, pysbd's sentences...): a release, a developer's edit of a check, a library
  upgraded, each is a new key;
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
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import l10n
from l10n.config import Settings

# settings no per-file fact depends on (see the module docstring)
_CODE = (".py", ".j2", ".css", ".js", ".toml", ".html")  # what l10n's behaviour is made of
_LIBRARIES = ("babel", "pysbd", "polib", "jinja2", "markdown-it-py", "html5lib", "pyyaml",
              "trafilatura", "lxml", "cssselect")
_NOT_IN_KEY = {"root", "config_file", "targets", "build", "min_reviewed", "site_url",
               "site_name"}  # the build keys its facts on these itself


def key(*parts: object) -> str:
    """16 hex digits naming ``parts`` (strings, numbers, lists, dicts, None)."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def code_key() -> str:
    """l10n's version, its package files as installed (size and mtime of each), and the
    versions of the libraries whose output a fact holds (CLDR dates, sentence splitting,
    PO parsing, templates, Markdown and HTML)."""
    package = os.path.dirname(os.path.abspath(l10n.__file__))
    parts: list[Any] = [l10n.__version__]
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if os.path.splitext(name)[1] in _CODE:
                info = os.stat(os.path.join(folder, name))
                parts.append((os.path.relpath(os.path.join(folder, name), package),
                              info.st_size, info.st_mtime_ns))
    for library in _LIBRARIES:
        try:
            parts.append((library, version(library)))
        except PackageNotFoundError:
            parts.append((library, None))
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
