"""Saving a few entries of a big catalog without parsing and rendering all of it.

A person's save (the review page) changes one entry of a catalog that may hold a
thousand. :meth:`Catalog.write` renders the whole file (twice, to leave an unchanged file
untouched) and the save path parsed it first: most of a save's time in a big catalog.
Here instead:

* :func:`fork` gives a :class:`Draft` of a catalog already read (the review session keeps
  one per file stamp): the same entries, except fresh copies of those about to change,
  so the original (which pages are being built from) is never touched;
* :func:`write_patched` writes the draft by splicing the new rendering of each changed
  entry, and of the header, over the old one in the file's text. It does so only when
  the file on disk is still the one the catalog was read from (same stamp and text) and
  each old entry renders to exactly one block of that text (the file is in l10n's own
  formatting there); otherwise it answers False and the caller writes the usual way
  (``Catalog.write``), which also knows how to refuse a file changed meanwhile.

The result is byte for byte what ``Catalog.write`` would write for an l10n-formatted
file, untouched entries stay as they were, and the write is atomic.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

import polib

from l10n.catalog.header import now
from l10n.catalog.pofile import Catalog, _OneLineComments
from l10n.catalog.save import save_catalog_text

# A draft reads and updates its Catalog's record of the file (text, stamp) directly:
# this module is the catalog layer's own second way of writing.


class Draft(Catalog):
    """A catalog forked from another, with the entries it may change copied."""

    originals: dict[str, polib.POEntry]
    metadata_before: dict[str, str]


def fork(catalog: Catalog, msgids: Iterable[str]) -> Draft:
    """A draft of ``catalog`` in which ``msgids`` may be changed (the rest is shared)."""
    po = copy.copy(catalog.po)
    po.metadata = dict(catalog.po.metadata)
    originals: dict[str, polib.POEntry] = {}
    wanted = set(msgids)
    for i, entry in enumerate(po):
        if entry.msgid in wanted and not entry.obsolete and entry.msgctxt is None:
            originals[entry.msgid] = entry
            twin = copy.copy(entry)
            twin.flags = list(entry.flags)
            po[i] = twin
    draft = Draft(po, catalog.path, disk_text=catalog.disk_text,
                  from_disk=catalog._from_disk)
    draft._disk_read = catalog._disk_read
    draft.originals = originals
    draft.metadata_before = dict(catalog.po.metadata)
    return draft


def as_on_disk(catalog: Catalog) -> bool:
    """Whether the file holds the bytes ``catalog`` was read from (or wrote), as the one
    save path checks them (:func:`~l10n.catalog.pofile.save_catalog_text`)."""
    if not catalog._from_disk or catalog.disk_text is None:
        return False
    want = catalog._disk_read if catalog._disk_read is not None else \
        catalog.disk_text.encode("utf-8")
    try:
        return catalog.path.read_bytes() == want
    except OSError:
        return False


def _render(entry: polib.POEntry, width: int) -> str:
    if type(entry) is polib.POEntry:
        entry.__class__ = _OneLineComments
    return str(entry.__unicode__(width))


def write_patched(draft: Draft) -> bool:
    """Write ``draft``'s changes into its file (see the module); False: not done, write
    it with ``Catalog.write`` instead. True also when nothing changed (nothing written)."""
    text = draft.disk_text
    if text is None or not as_on_disk(draft):
        return False
    width = draft.po.wrapwidth
    spans: list[tuple[int, int, str]] = []
    for msgid, old in draft.originals.items():
        new = draft.po.find(msgid)
        if new is None:
            return False
        before, after = _render(old, width), _render(new, width)
        if before == after:
            continue
        at = text.find("\n\n" + before)
        if at < 0 or text.find("\n\n" + before, at + 1) >= 0:
            return False
        spans.append((at + 2, at + 2 + len(before), after))
    if not spans and draft.po.metadata == draft.metadata_before:
        return True  # nothing changed: the file (and its date) stay as they are
    header = draft.po.metadata_as_entry
    old_meta, key = dict(draft.po.metadata), "PO-Revision-Date"
    draft.po.metadata = dict(draft.metadata_before)
    old_header = _render(header(), width)
    draft.po.metadata = {**old_meta, key: now()}
    new_header = _render(header(), width)
    at = text.find(old_header)  # after the file's "# ..." comment lines only
    if at < 0 or not all(line.startswith("#") for line in text[:at].splitlines()):
        draft.po.metadata = old_meta
        return False
    spans.append((at, at + len(old_header), new_header))
    for start, end, replacement in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    read = draft._disk_read if draft._disk_read is not None else draft.disk_text
    written = save_catalog_text(draft.path, text, read=read)  # the one save path
    draft._disk_text, draft._disk_read = text, None
    draft.originals = {}
    draft.metadata_before = dict(draft.po.metadata)
    return written



__all__ = ["Draft", "as_on_disk", "fork", "write_patched"]
