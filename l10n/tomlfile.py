"""Read TOML files with errors that name the file and line (tomllib gives no positions
for values, so :func:`line_of` finds the line of a key by scanning the text)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from l10n.errors import InputError

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def load_toml(path: Path, error: type[InputError] = InputError) -> tuple[dict[str, Any], str]:
    """Parse ``path``; a syntax error or bad encoding raises ``error`` with file and line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error("file not found", path=path) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path=path) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error("not UTF-8 text", path=path, line=line, hint="save it as UTF-8") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message = str(exc).split(" (at line")[0]
        at: int | None = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        if at is None and "end of document" in str(exc):
            at = text.count("\n") + (0 if text.endswith("\n") else 1)
        raise error(f"invalid TOML: {message}", path=path, line=at) from None


def _line_from_message(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


def line_of(text: str, table: str, key: str | None = None, occurrence: int = 0) -> int | None:
    """1-based line of ``key`` inside ``[table]`` (the ``occurrence``-th ``[[table]]``).

    ``table`` is the dotted header as written (``""`` for top-level keys). Without
    ``key``, the header's own line. None when it cannot be found.
    """
    current = ""
    seen = -1
    header_line: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1).replace(" ", "")
            if current == table:
                seen += 1
                if seen == occurrence:
                    header_line = number
                    if key is None:
                        return number
            continue
        in_table = (table == "" and current == "") or (current == table and seen == occurrence)
        if key is not None and in_table and re.match(rf"^\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return header_line
