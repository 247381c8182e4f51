"""A build's index entries (what each language's index page lists), kept on disk as the
build streams its articles: a digest of each language's entries says whether its index
must be rendered again, and only then are they read back. An archive of 10,000 articles
in three languages has 30,000 entries; a build holds none of them while it works.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterator
from typing import IO

from l10n.publish.render import IndexEntry


class IndexEntries:
    """Each language's entries, in the order they were added (a temporary file each,
    written a few hundred entries at a time)."""

    def __init__(self) -> None:
        self._files: dict[str, IO[str]] = {}
        self._digests: dict[str, hashlib._Hash] = {}
        self._lines: dict[str, list[str]] = {}

    def add(self, lang: str, entry: IndexEntry) -> None:
        lines = self._lines.get(lang)
        if lines is None:
            lines = self._lines[lang] = []
            self._files[lang] = tempfile.TemporaryFile(  # noqa: SIM115 (closed by close())
                "w+", encoding="utf-8", newline="\n")
            self._digests[lang] = hashlib.sha256()
        lines.append(entry.replace("\\", "\\\\").replace("\n", "\\n"))  # one line each
        if len(lines) >= 512:
            self._write(lang)

    def _write(self, lang: str) -> None:
        lines = self._lines[lang]
        if lines:
            text = "\n".join(lines) + "\n"
            self._files[lang].write(text)
            self._digests[lang].update(text.encode("utf-8"))
            lines.clear()

    @property
    def langs(self) -> list[str]:
        return list(self._files)

    def digest(self, lang: str) -> str:
        """What the language's entries are, in order."""
        self._write(lang)
        return self._digests[lang].hexdigest()[:16]

    def entries(self, lang: str) -> list[IndexEntry]:
        """The language's entries, read back."""
        return list(self.each(lang))

    def each(self, lang: str) -> Iterator[IndexEntry]:
        """The language's entries, read back one by one (no entry is added meanwhile)."""
        self._write(lang)
        found = self._files[lang]
        found.seek(0)
        try:
            for line in found:
                yield _unescape(line[:-1])
        finally:
            found.seek(0, 2)

    def close(self) -> None:
        for found in self._files.values():
            found.close()
        self._files, self._digests, self._lines = {}, {}, {}


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def _unescape(line: str) -> str:
    return _ESCAPED.sub(lambda found: "\n" if found[1] == "n" else found[1], line)
