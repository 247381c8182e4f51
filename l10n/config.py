"""Project settings: one frozen :class:`Settings` from ``l10n.toml`` or ``[tool.l10n]``.

Nothing is read at import time. :func:`load_settings` finds the project root (the
folder holding ``l10n.toml``, or a ``pyproject.toml`` with ``[tool.l10n]``), reads the
file, validates every key, and applies overrides from the command line.

Every key is optional; the README's configuration section shows each one in an example
``l10n.toml`` (keys at the top level, and the tables ``[engines.<name>]``, ``[runner]``
and ``[html]``, which may also be written ``[articles.html]``, with the articles' folder
as ``path`` in ``[articles]``).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from l10n.errors import ConfigError, LanguageError, UsageError
from l10n.fsutil import display_path
from l10n.lang import validate_language
from l10n.tomlfile import line_of, load_toml

CONFIG_NAME = "l10n.toml"
MODELS_ENV = "L10N_MODELS_DIR"


def _default_models_dir() -> Path:
    """Argos's own packages folder, so packages installed with ``argospm`` are found."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "argos-translate" / "packages"


RUNNERS = ("local", "ray")
MODEL_PLACES = ("auto", "shared", "ship")


@dataclass(frozen=True)
class RunnerSettings:
    """The ``[runner]`` table: where engines run (``l10n translate --runner``)."""

    name: str = "local"
    address: str | None = None  # ray: join this cluster; None: start a local instance
    workers: int | None = None  # ray: engine replicas; None: as many as the CPUs allow
    cpus_per_worker: int = 1
    gpus_per_worker: float = 0.0
    models: str = "auto"  # ray: how workers get model files (see l10n.runners.ray)

    def choose(self, name: str | None = None, address: str | None = None) -> RunnerSettings:
        """These settings with the command line's ``--runner`` and ``--address``."""
        if name is not None and name not in RUNNERS:
            raise UsageError(f"unknown runner '{name}'", hint="use --runner local or --runner ray")
        chosen = dataclasses.replace(self, name=name or self.name,
                                     address=address or self.address)
        if address and chosen.name != "ray":
            raise UsageError("--address is for the ray runner", hint="add --runner ray")
        return chosen


@dataclass(frozen=True)
class HtmlSettings:
    """``[html]``: CSS selectors of an HTML page's story and of what is not in it."""

    content: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    root: Path = field(default_factory=Path.cwd)
    source: str = "en"
    targets: tuple[str, ...] = ("ko",)
    articles: Path = Path("seeds")
    locales: Path = Path("locales")
    glossaries: Path = Path("glossaries")
    build: Path = Path("build")
    memory: Path = Path(".l10n/memory.sqlite")
    furniture: tuple[str, ...] = ("WEEKLY HOT",)
    engine: str | None = None
    models: Path | None = None
    fuzzy_threshold: float = 0.75
    min_reviewed: float = 0.0
    memory_exact: str = "fuzzy"  # exact reviewed memory matches: "fuzzy" or "reviewed"
    reviewer: str | None = None  # l10n review: who saves (else git's user.name)
    site_url: str | None = None  # build: where the build folder is published (ends in /)
    site_name: str | None = None  # build: the publication's name
    engines: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    runner: RunnerSettings = field(default_factory=RunnerSettings)
    html: HtmlSettings = field(default_factory=HtmlSettings)
    config_file: Path | None = None

    # ------------------------------------------------------------ the project's layout
    def path(self, value: Path) -> Path:
        """A configured path, resolved against the project root."""
        return value if value.is_absolute() else self.root / value

    @property
    def state_dir(self) -> Path:
        """Where l10n keeps its own state (lock, memory by default)."""
        return self.root / ".l10n"

    @property
    def articles_dir(self) -> Path:
        return self.path(self.articles)

    @cached_property  # paths of every catalog of an archive are made from it
    def locales_dir(self) -> Path:
        return self.path(self.locales)

    @cached_property
    def templates_dir(self) -> Path:
        return self.locales_dir / "templates"

    @property
    def glossary_dir(self) -> Path:
        return self.path(self.glossaries)

    @property
    def memory_path(self) -> Path:
        return self.path(self.memory)

    @property
    def build_dir(self) -> Path:
        return self.path(self.build)

    def template_path(self, slug: str) -> Path:
        """``locales/templates/<slug>.pot``."""
        return self.templates_dir / f"{slug}.pot"

    def catalog_path(self, lang: str, slug: str) -> Path:
        """``locales/<lang>/<slug>.po``."""
        return self.locales_dir.joinpath(lang, f"{slug}.po")

    def reference(self, path: Path) -> str:
        """A project file as catalogs cite it: relative to the root, with '/' (else absolute)."""
        return self.display(path) if self.contains(path) else path.resolve().as_posix()

    def contains(self, path: Path) -> bool:
        return path.resolve().is_relative_to(self.root.resolve())

    def display(self, path: Path) -> str:
        """A path as messages and reports show it: relative to the project root for the
        project's own files (the same from any folder, in text and in --json), else as
        :func:`l10n.fsutil.display_path` shows it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return display_path(path)

    def target_languages(self, langs: Sequence[str] | None = None) -> tuple[str, ...]:
        """The languages a command works on: ``langs`` (from ``--lang``/``--to``) or the
        configured targets; each validated and in gettext form, without duplicates.

        The one rule for every command: an unknown code, the source language or no
        language at all is a UsageError.
        """
        codes = list(langs) if langs else list(self.targets)
        if not codes:
            raise UsageError("no target language", hint="pass --lang ko,ja or set targets "
                             "in l10n.toml")
        result: list[str] = []
        for code in codes:
            lang = validate_language(code)
            if lang == validate_language(self.source):
                raise UsageError(f"'{code}' is the source language", hint="pick a target "
                                 "language, e.g. --lang ko")
            if lang not in result:
                result.append(lang)
        return tuple(result)

    def models_dir(self) -> Path:
        if self.models is not None:
            return self.path(self.models).expanduser()
        env = os.environ.get(MODELS_ENV)
        return Path(env).expanduser() if env else _default_models_dir()

    def engine_options(self, name: str) -> dict[str, Any]:
        return dict(self.engines.get(name, {}))

    def config_error(
        self, message: str, key: str | None, *, table: str = "", hint: str | None = None
    ) -> ConfigError:
        """A ConfigError pointing at ``key`` (in ``[table]``; no key: the table's header)
        of the config file, with its line; without a config file, no place."""
        file = self.config_file
        if file is None:
            return ConfigError(message, hint=hint)
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ConfigError(message, path=file, hint=hint)
        prefix = "tool.l10n" if file.name == "pyproject.toml" else ""
        where = ".".join(p for p in (prefix, table) if p)
        return ConfigError(message, path=file, line=line_of(text, where, key), hint=hint)


_PATH_KEYS = {"articles", "locales", "glossaries", "build", "memory", "models"}
_LIST_KEYS = {"targets", "furniture"}
_STR_KEYS = {"source", "engine", "reviewer", "site_name"}
_FLOAT_KEYS = {"fuzzy_threshold": (0.0, 1.0), "min_reviewed": (0.0, 100.0)}
_CHOICE_KEYS = {"memory_exact": ("fuzzy", "reviewed")}


def find_config(start: Path) -> tuple[Path, Path | None]:
    """Walk up from ``start``: (project root, config file or None)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder, folder / CONFIG_NAME
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data, _ = load_toml(pyproject, ConfigError)
            if "l10n" in data.get("tool", {}):
                return folder, pyproject
    return start, None


def load_settings(
    config: Path | None = None, *, cwd: Path | None = None, **overrides: Any
) -> Settings:
    """Settings from ``config`` (or the one found from ``cwd``), then ``overrides``.

    Overrides whose value is None are ignored, so CLI options can be passed straight in.
    """
    file: Path | None
    if config is not None:
        if not config.is_file():
            raise ConfigError("config file not found", path=config)
        root, file = config.resolve().parent, config
    else:
        root, file = find_config(cwd or Path.cwd())
    values: dict[str, Any] = {}
    if file is not None:
        values = _read(file)
    values.update({k: v for k, v in overrides.items() if v is not None})
    for key in ("targets", "furniture"):
        if key in values:
            values[key] = tuple(values[key])
    return Settings(root=root, config_file=file, **values)


def _read(file: Path) -> dict[str, Any]:
    data, text = load_toml(file, ConfigError)
    table = ""
    if file.name == "pyproject.toml":
        data, table = data.get("tool", {}).get("l10n", {}), "tool.l10n"

    def fail(key: str, message: str, hint: str | None = None, sub: str = "") -> ConfigError:
        where = f"{table}.{sub}".strip(".") if sub else table
        line = line_of(text, where, key) or line_of(text, f"{where}.{key}".strip("."))
        return ConfigError(f"{message} (key '{key}')", path=file, line=line, hint=hint)

    values: dict[str, Any] = {}
    known = {f.name for f in dataclasses.fields(Settings)} - {"root", "config_file"}
    data, html_table = _articles_table(data, fail)
    for key, value in data.items():
        if key not in known:
            raise fail(key, "unknown key", f"known keys: {', '.join(sorted(known))}")
        if key in _PATH_KEYS or key in _STR_KEYS:
            if not isinstance(value, str) or not value:
                raise fail(key, "must be a non-empty string")
            values[key] = Path(value) if key in _PATH_KEYS else value
        elif key in _LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise fail(key, "must be a list of strings", 'e.g. targets = ["ko", "ja"]')
            values[key] = tuple(value)
        elif key in _FLOAT_KEYS:
            low, high = _FLOAT_KEYS[key]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise fail(key, "must be a number")
            if not low <= value <= high:
                raise fail(key, f"must be between {low:g} and {high:g}")
            values[key] = float(value)
        elif key == "site_url":
            if not isinstance(value, str):
                raise fail(key, "must be a string", 'e.g. site_url = "https://news.example.com/"')
            try:
                values[key] = check_site_url(value)
            except UsageError as exc:
                raise fail(key, exc.message, exc.hint) from None
        elif key in _CHOICE_KEYS:
            if value not in _CHOICE_KEYS[key]:
                choices = " or ".join(f'"{c}"' for c in _CHOICE_KEYS[key])
                raise fail(key, f"must be {choices}")
            values[key] = value
        elif key == "engines":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise fail(key, "must be tables such as [engines.argos]")
            values[key] = MappingProxyType({k: MappingProxyType(v) for k, v in value.items()})
        elif key == "runner":
            values[key] = _runner(value, fail)
        elif key == "html":
            values[key] = _html(value, fail, html_table)
    _check_languages(values, fail)
    return values


_RUNNER_RULES: dict[str, tuple[str, Any]] = {
    "name": ("one of " + ", ".join(RUNNERS), lambda v: v in RUNNERS),
    "address": ("a non-empty string such as \"auto\" or \"ray://head:10001\"",
                lambda v: isinstance(v, str) and bool(v.strip())),
    "workers": ("a positive integer", lambda v: _whole(v) and v >= 1),
    "cpus_per_worker": ("a positive integer", lambda v: _whole(v) and v >= 1),
    "gpus_per_worker": ("a number, 0 or more", lambda v: _number(v) and v >= 0),
    "models": ("one of " + ", ".join(MODEL_PLACES), lambda v: v in MODEL_PLACES),
}


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_site_url(value: str) -> str:
    """``value`` as a site's base URL (``http(s)://host/path/``, ending in ``/``)."""
    from urllib.parse import urlsplit

    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query \
            or parts.fragment or " " in value.strip():
        raise UsageError(
            f"'{value}' is not a site URL",
            hint="give the absolute address the build folder is published at, such as "
            "https://news.example.com/ or https://example.org/news/")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


def _runner(table: object, fail: Any) -> RunnerSettings:
    """``[runner]``, every key checked (file:line of the key at fault)."""
    if not isinstance(table, dict):
        raise fail("runner", "must be a table such as [runner]")
    for key, value in table.items():
        if key not in _RUNNER_RULES:
            raise fail(key, "unknown key in [runner]",
                       f"known keys: {', '.join(_RUNNER_RULES)}", sub="runner")
        expected, ok = _RUNNER_RULES[key]
        if not ok(value):
            raise fail(key, f"[runner] {key} must be {expected}, not {value!r}", sub="runner")
    values = dict(table)
    if "gpus_per_worker" in values:
        values["gpus_per_worker"] = float(values["gpus_per_worker"])
    return RunnerSettings(**values)


def _articles_table(data: dict[str, Any], fail: Any) -> tuple[dict[str, Any], str]:
    """``data`` with ``[articles]`` read as ``articles = path`` and ``[articles.html]`` as
    ``[html]`` (the issue's spelling); and the name of the table of the HTML settings."""
    table = data.get("articles")
    if not isinstance(table, dict):
        return data, "html"
    for key in table:
        if key not in ("path", "html"):
            raise fail(key, "unknown key in [articles]", "known keys: path, html",
                       sub="articles")
    if "html" in table and "html" in data:
        raise fail("html", "[html] and [articles.html] are the same table: give one")
    flat = {k: v for k, v in data.items() if k != "articles"}
    if "path" in table:
        flat["articles"] = table["path"]
    if "html" in table:
        flat["html"] = table["html"]
    return flat, "articles.html" if "html" in table else "html"


def _html(table: object, fail: Any, name: str = "html") -> HtmlSettings:
    """``[html]`` (or ``[articles.html]``, ``name``): ``content`` (a selector or a list)
    and ``exclude`` (a list)."""
    if not isinstance(table, dict):
        raise fail("html", f"must be a table such as [{name}]")
    values: dict[str, tuple[str, ...]] = {}
    for key, value in table.items():
        if key not in ("content", "exclude"):
            raise fail(key, f"unknown key in [{name}]", "known keys: content, exclude", sub=name)
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) and v for v in items):
            raise fail(key, f"[{name}] {key} must be a CSS selector or a list of them",
                       'e.g. exclude = [".share", "aside.related"]', sub=name)
        values[key] = tuple(items)
    return HtmlSettings(**values)


def _check_languages(values: dict[str, Any], fail: Any) -> None:
    for key in ("source", "targets"):
        codes = values.get(key)
        if codes is None:
            continue
        for code in (codes,) if isinstance(codes, str) else codes:
            try:
                validate_language(code)
            except LanguageError as exc:
                raise fail(key, exc.message, exc.hint) from None
