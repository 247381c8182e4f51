"""One exception hierarchy for everything a user can get wrong (modelled on click's).

Library code raises these; the CLI catches :class:`L10nError` once, prints
``Error: <where>: <what> <how to fix>`` on stderr and exits with :attr:`exit_code`.

Exit codes (documented in the README):
    0  success
    1  checks found errors (not an exception: ``l10n check`` returns it)
    2  bad input: usage, config, article, glossary, catalog, model file
    3  a language pair has no model / an engine failed
    4  another l10n run holds the lock on the same project
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class L10nError(Exception):
    """Base class: a message a user can act on, where it happened, and how to fix it."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint

    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

    def format_message(self) -> str:
        """One line: ``path:line: message (hint)``."""
        text = self.message
        if self.where():
            text = f"{self.where()}: {text}"
        if self.hint:
            text = f"{text} ({self.hint})"
        return text

    def __str__(self) -> str:
        return self.format_message()

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled with every attribute (an engine's error crosses from a Ray worker to
        the driver), whatever keyword arguments the class's constructor requires."""
        return _rebuild, (type(self), self.args, dict(self.__dict__))


def _rebuild(cls: type[L10nError], args: tuple[object, ...], state: dict[str, object]) -> L10nError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class L10nWarning(UserWarning):
    """Something a user should know that does not stop the work (an article read by a
    fallback rule): raised with :func:`warnings.warn`; the CLI prints ``Warning: ...``."""

    def __init__(
        self, message: str, *, path: str | Path | None = None, line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.error = L10nError(message, path=path, line=line, hint=hint)

    def format_message(self) -> str:
        return self.error.format_message()

    def __str__(self) -> str:
        return self.format_message()


@dataclass(frozen=True, slots=True)
class Problem:
    """An error a run reported and went on past (a broken draft article, a language
    without a model): the run does the rest, then exits with the worst ``exit_code``."""

    message: str
    path: str | None = None
    line: int | None = None
    hint: str | None = None
    exit_code: int = 2

    @classmethod
    def of(cls, error: L10nError) -> Problem:
        return cls(error.message, error.path, error.line, error.hint, error.exit_code)

    def format_message(self) -> str:
        return L10nError(self.message, path=self.path, line=self.line,
                         hint=self.hint).format_message()


class UsageError(L10nError):
    """The command line asks for something impossible (unknown language, bad option)."""


class LanguageError(UsageError):
    """A language code that Babel does not know (or that is not a code at all)."""


class InputError(L10nError):
    """A user's file cannot be read or understood."""


class ConfigError(InputError):
    """l10n.toml / [tool.l10n] is malformed."""


class ArticleError(InputError):
    """A source article is missing, empty, binary, not UTF-8 or malformed."""


class GlossaryError(InputError):
    """A glossary file is invalid; carries every problem found, not only the first."""

    def __init__(self, message: str, *, problems: tuple[L10nError, ...] = (), **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.problems = problems


class CatalogError(InputError):
    """A PO/POT file is broken (for example, edited by hand into a syntax error)."""


class CatalogChangedError(CatalogError):
    """A catalog changed on disk between l10n's read and its write: l10n does not write."""


class ModelError(L10nError):
    """A translation model is missing, cannot be installed, or a package file is invalid."""

    exit_code = 3


class ModelFileError(ModelError):
    """A local .argosmodel file is corrupt or foreign: it is refused, nothing installed."""

    exit_code = 2


class EngineError(L10nError):
    """An engine is unknown or failed while translating."""

    exit_code = 3


class EngineOptionError(ConfigError, EngineError):
    """An engine option (``[engines.<name>]``) the engine does not take, or whose value
    has the wrong type or range: bad input (exit 2), found before anything is written."""

    exit_code = 2

    def __init__(self, message: str, *, engine: str, option: str | None = None,
                 **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.engine = engine
        self.option = option


class LockedError(L10nError):
    """Another l10n run is working on the same locales."""

    exit_code = 4
