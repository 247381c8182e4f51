"""The one save path of a catalog l10n read: every writer (a run's merge or fill, the
review page's patched save, ``check --annotate``) ends here."""

from __future__ import annotations

from pathlib import Path

from l10n.errors import CatalogChangedError
from l10n.fsutil import ChangedOnDisk, write_checked


def save_catalog_text(path: Path, text: str | bytes, *, read: str | bytes | None) -> bool:
    """The one way a catalog l10n read reaches disk again (a run's merge or fill, a
    person's save, ``check --annotate``): atomically, and only over the file as it was
    ``read``; the caller holds the project's lock (:func:`l10n.fsutil.project_lock`), so
    no other l10n command writes in between. A file changed since (a save of the review
    page acknowledged meanwhile, Poedit) is never overwritten: CatalogChangedError, the
    file as it is. Returns True when the file was written (False: it held ``text``)."""
    try:
        return write_checked(path, text, read)
    except ChangedOnDisk:
        raise CatalogChangedError(
            "the catalog was changed by another program while l10n was working on it; "
            "l10n did not write it",
            path=path,
            hint="your file is as it was saved; run the command again",
        ) from None


__all__ = ["save_catalog_text"]
