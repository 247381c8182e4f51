"""Keys: everything besides a file's own content that a recorded fact depends on: l10n's
code (:func:`code_key`: a release, a developer's edit of a check, a library upgraded,
each is a new key), the settings (:func:`settings_key`), the glossary's files
(:func:`glossary_key`) and a command's parameters (:class:`RunKey`), joined by :func:`key`.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import hashlib
import inspect
import json
import os
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import l10n
from l10n.config import Settings

_CODE = (".py", ".j2", ".css", ".js", ".toml", ".html")  # what l10n's behaviour is made of
_LIBRARIES = ("babel", "pysbd", "polib", "jinja2", "markdown-it-py", "html5lib", "pyyaml",
              "trafilatura", "lxml", "cssselect")


def key(*parts: object) -> str:
    """16 hex digits naming ``parts`` (strings, numbers, lists, dicts, None)."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def code_key(package: str | None = None) -> str:
    """l10n's version, the bytes of its package files (``package``: that folder), and the
    versions of the libraries whose output a fact holds (CLDR dates, sentence splitting,
    PO parsing, templates, Markdown and HTML). Bytes, not mtimes: a checkout and back
    made every fact a miss (README, "Builds since"); hashing them costs ~2.6 ms a run."""
    package = package or os.path.dirname(os.path.abspath(l10n.__file__))
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if os.path.splitext(name)[1] in _CODE:
                path = os.path.join(folder, name)
                with open(path, "rb") as handle:
                    data = handle.read()
                digest.update(f"{os.path.relpath(path, package)}\0{len(data)}\0".encode())
                digest.update(data)
    parts: list[Any] = [l10n.__version__, digest.hexdigest()]
    for library in _LIBRARIES:
        try:
            parts.append((library, version(library)))
        except PackageNotFoundError:
            parts.append((library, None))
    return key(*parts)


def settings_key(settings: Settings) -> str:
    """The project's settings, whole: every field, so nothing is forgotten when a setting
    is added (the cost: CONTRIBUTING.md, "Adding an input to a command")."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(settings):
        value = getattr(settings, field.name)
        if field.name == "engines":
            value = {name: dict(options) for name, options in value.items()}
        values[field.name] = value
    return key(values)


@dataclass(frozen=True, slots=True)
class RunKey:
    """What one run of a command was asked: the command, and each of its parameters with
    its value's key, bound by :meth:`of` from the command's own signature but for those
    typed as callbacks (why: CONTRIBUTING.md, "Adding an input to a command")."""

    command: str
    inputs: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, command: Callable[..., object], arguments: Mapping[str, object]) -> RunKey:
        """The key of ``command`` called with ``arguments`` (its ``locals()`` as it
        starts: every parameter must be there)."""
        hints = typing.get_type_hints(command)
        inputs = tuple((name, _value_key(arguments[name]))
                       for name in inspect.signature(command).parameters
                       if not is_callback(hints.get(name)))
        return cls(f"{command.__module__}.{command.__qualname__}", inputs)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.inputs)

    def digest(self, *, leaving: tuple[str, ...] = ()) -> str:
        """16 hex digits of the key; ``leaving``: parameters a fact does not depend on
        (each must be one of the command's: a name that is not raises)."""
        unknown = set(leaving) - set(self.names)
        if unknown:
            raise KeyError(f"{self.command} has no parameter {sorted(unknown)}")
        return key(self.command, [item for item in self.inputs if item[0] not in leaving])


def is_callback(hint: object) -> bool:
    """Whether a parameter's type is a callable or a protocol (or an optional one)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return any(is_callback(part) for part in typing.get_args(hint) if part is not type(None))
    if typing.get_origin(hint) is collections.abc.Callable:
        return True
    return isinstance(hint, type) and bool(getattr(hint, "_is_protocol", False))


def _value_key(value: object) -> str:
    return settings_key(value) if isinstance(value, Settings) else key(value)  # a Path: str


def glossary_key(folder: Path) -> str:
    """The glossary as files: each ``*.toml`` (or the one file) and its bytes."""
    files = [folder] if folder.is_file() else sorted(folder.glob("*.toml"))  # none if no folder
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
