"""Check findings written into a catalog as extracted comments (``l10n check --annotate``).

Poedit and Weblate show extracted comments next to the entry, so a translator sees each
finding where the translation is::

    #. check: numbers: '$10.3 billion' (10,300,000,000 USD) is missing from the translation

Rules: the file is edited as text, line by line, so that nothing but ``#. check:`` lines
changes (not the wrapping of another tool, not the header, not the revision date). An
entry's old ``#. check:`` lines are removed and its current findings written, after its
other extracted comments (or after its translator comments, or first). Obsolete entries
are left alone. A file whose notes did not change is not written.

The file is written through the catalogs' one save path
(:func:`~l10n.catalog.pofile.save_catalog_text`), under the project's lock the caller
holds. When the catalog changed since the checks read it (a save of the review page),
the notes go into the file as it is now, and an entry whose translation or review state
changed meanwhile keeps the check lines it has: its findings are for a text it no longer
holds, and the next ``check --annotate`` writes its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import polib

from l10n.catalog.entry import CHECK_PREFIX, comment_lines
from l10n.catalog.joined import one_line_strings
from l10n.catalog.save import save_catalog_text
from l10n.catalog.syntax import declared_charset
from l10n.errors import CatalogError
from l10n.fsutil import file_io

_NOTE = "#. " + CHECK_PREFIX


Key = tuple[str | None, str]


def annotate(path: Path, notes: Mapping[Key, Sequence[str]], checked: str | None = None) -> bool:
    """Write ``notes`` (``(msgctxt, msgid)`` -> lines without the ``check:`` prefix) into
    the catalog at ``path``; entries not in ``notes`` lose their check lines. ``checked``:
    the catalog's text the notes were found in (None: the file as it is now). Returns True
    when the file was written. The catalog must have been read (validated) before."""
    file_io(path)
    raw = path.read_bytes()
    charset = declared_charset(raw)  # a catalog in ISO-8859-1 is edited in ISO-8859-1
    text = raw.decode(charset)
    po = polib.pofile(one_line_strings(text), wrapwidth=0, encoding="utf-8")
    if checked is not None and checked != text:
        then = polib.pofile(one_line_strings(checked), wrapwidth=0, encoding="utf-8")
        notes = _for_unchanged(po, then, notes)
    lines = text.splitlines(keepends=True)
    starts = sorted(
        ((e.linenum or 1) - 1, (e.msgctxt, e.msgid)) for e in po if not e.obsolete and e.msgid
    )
    newline = "\r\n" if "\r\n" in text else "\n"
    for start, key in reversed(starts):  # from the end, so earlier offsets stay valid
        _annotate_entry(lines, start, [_NOTE + n + newline for n in notes.get(key, ())])
    new = "".join(lines)
    if new == text:
        return False
    try:
        data = new.encode(charset)
    except UnicodeEncodeError:
        raise CatalogError(f"the check notes cannot be written in the catalog's charset "
                           f"({charset})", path=path,
                           hint="convert the catalog to UTF-8: msgconv --to-code=UTF-8") from None
    return save_catalog_text(path, data, read=raw)


def _for_unchanged(now: polib.POFile, then: polib.POFile,
                   notes: Mapping[Key, Sequence[str]]) -> dict[Key, Sequence[str]]:
    """``notes`` for the entries of ``now`` as they were ``then``; the others keep the
    check lines they have now."""
    def state(e: polib.POEntry) -> tuple[object, ...]:
        return e.msgstr, sorted(e.msgstr_plural.items()), "fuzzy" in e.flags, e.previous_msgid

    before = {(e.msgctxt, e.msgid): state(e) for e in then if not e.obsolete}
    kept: dict[Key, Sequence[str]] = {}
    for entry in now:
        key = (entry.msgctxt, entry.msgid)
        if entry.obsolete:
            continue
        if before.get(key) == state(entry):
            kept[key] = notes.get(key, ())
        else:
            kept[key] = check_notes(comment_lines(entry.comment))
    return kept


def _annotate_entry(lines: list[str], start: int, notes: list[str]) -> None:
    """Replace the check lines of the entry whose first line is ``lines[start]``."""
    end = start
    while end < len(lines) and lines[end].startswith("#") and not lines[end].startswith("#~"):
        end += 1
    block = [line for line in lines[start:end] if not line.startswith(_NOTE)]
    at = _after(block, "#.") or _after(block, "# ") or _after(block, "#\n") or 0
    at = at or _after(block, "#\r\n") or 0
    lines[start:end] = block[:at] + notes + block[at:]


def _after(block: list[str], prefix: str) -> int | None:
    """The index after the last line of ``block`` starting with ``prefix`` (None: none)."""
    found = [i for i, line in enumerate(block) if line.startswith(prefix)]
    return found[-1] + 1 if found else None


def check_notes(comments: Sequence[str]) -> list[str]:
    """The ``check:`` lines among an entry's extracted comments, without the prefix."""
    return [c[len(CHECK_PREFIX) :] for c in comments if c.startswith(CHECK_PREFIX)]


__all__ = ["CHECK_PREFIX", "annotate", "check_notes"]
