"""Facts as JSON: one encoder and one decoder for every kind of fact the state keeps (what
a fact may hold, and why one of another shape is a miss: CONTRIBUTING.md, the end of
"Adding an input to a command"). A dataclass is the list of its fields in order (compact:
a span holds thousands), read back by its field types; a ``Mapping`` comes back read-only.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

T = TypeVar("T")
_PLAIN = (str, int, float, bool, type(None))


def encode(value: object) -> Any:
    """``value`` (a dataclass, a tuple or list of them, plain JSON values) as JSON values."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        return [encode(item) for item in value]  # type: ignore[attr-defined]
    names = _names(typing.cast(Any, kind))
    if names is not None:
        return [encode(getattr(value, name)) for name in names]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {name: encode(item) for name, item in value.items()}
    return value


@functools.cache
def _names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names, in order (None: not a dataclass)."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple(field.name for field in dataclasses.fields(kind))


def decode(kind: type[T] | Any, data: Any) -> T:
    """The fact of type ``kind`` that :func:`encode` wrote as ``data``."""
    try:
        found: T = _decoder(typing.cast(Any, kind))(data)
        return found
    except (TypeError, ValueError, KeyError, IndexError) as exc:
        raise ValueError(f"not a {kind}: {exc}") from None


def decoded(kind: type[T], data: Any) -> T | None:
    """:func:`decode`, or None when there is no ``data`` or it is of another shape."""
    try:
        return None if data is None else decode(kind, data)
    except ValueError:
        return None


@functools.cache
def _decoder(hint: Any) -> Callable[[Any], Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        types_ = typing.get_type_hints(hint)
        parts = [_decoder(types_[field.name]) for field in dataclasses.fields(hint)]

        def build(data: list[Any]) -> Any:
            if len(data) != len(parts):
                raise ValueError("another number of fields")
            return hint(*[part(item) for part, item in zip(parts, data, strict=True)])

        return build
    if origin is types.UnionType or origin is typing.Union:
        inner = [_decoder(arg) for arg in args if arg is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"a fact's field may be optional, not a union: {hint}")
        one = inner[0]
        return lambda data: None if data is None else one(data)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda data: tuple([item(value) for value in data])
        fixed = [_decoder(arg) for arg in args]
        return lambda data: tuple([part(value) for part, value in zip(fixed, data, strict=True)])
    if origin is list:
        item = _decoder(args[0])
        return lambda data: [item(value) for value in data]
    if origin is dict or origin is Mapping:
        value_of = _decoder(args[1])
        wrap = dict if origin is dict else MappingProxyType
        return lambda data: wrap({name: value_of(value) for name, value in data.items()})
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if hint in (str, int, float, bool):
        allowed = (int, float) if hint is float else (hint,)

        def plain(data: Any) -> Any:
            if type(data) is not hint and not isinstance(data, allowed):
                raise TypeError(f"{data!r} is not a {hint.__name__}")
            return data

        return plain
    return lambda data: data  # Any: JSON as it is
