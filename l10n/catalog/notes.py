"""People's notes on a catalog (the review page): the header's translator, an entry's
translator comment (``# `` lines) and its ``ignore-<check>`` flags."""

from __future__ import annotations

from l10n.catalog.pofile import Catalog


def set_header(catalog: Catalog, key: str, value: str) -> None:
    catalog.po.metadata[key] = value


def set_comment(catalog: Catalog, msgid: str, text: str) -> None:
    """The translator comment, one ``# `` line per line of ``text`` ("" removes it)."""
    entry = catalog.po.find(msgid)
    if entry is None:
        raise KeyError(msgid)
    entry.tcomment = "\n".join(line.rstrip() for line in text.strip().splitlines())


def set_flag(catalog: Catalog, msgid: str, flag: str, on: bool) -> None:
    entry = catalog.po.find(msgid)
    if entry is None:
        raise KeyError(msgid)
    entry.flags = [f for f in entry.flags if f != flag] + ([flag] if on else [])


__all__ = ["set_comment", "set_flag", "set_header"]
