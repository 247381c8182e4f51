"""Catalogs and templates whose article is gone: found by ``status``, removed by
``update --purge-orphans`` once their reviewed translations are in the memory.

An orphan is ``locales/templates/<slug>.pot`` or ``locales/<lang>/<slug>.po`` whose slug
is no article's (of the whole project, not only those a command names). While an article
cannot be read, no slug is surely an orphan (it may be the broken one's): purging refuses.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from l10n.catalog import Catalog
from l10n.config import Settings
from l10n.errors import Problem, UsageError
from l10n.memory import Memory
from l10n.workflow.extract import read_articles


@dataclass(frozen=True, slots=True)
class Orphan:
    """A template or catalog left behind by a deleted (or renamed) article."""

    slug: str
    path: Path
    lang: str = ""  # "" for a template


def find_orphans(settings: Settings, slugs: Iterable[str]) -> list[Orphan]:
    """The project's templates and catalogs whose slug is not in ``slugs``."""
    known = set(slugs)
    found = [Orphan(name[:-4], settings.templates_dir / name)
             for name in _names(settings.templates_dir, ".pot") if name[:-4] not in known]
    for folder in _names(settings.locales_dir, ""):
        path = settings.locales_dir / folder
        if path == settings.templates_dir:
            continue
        found += [Orphan(name[:-3], path / name, folder)
                  for name in _names(path, ".po") if name[:-3] not in known]
    return found


def _names(folder: Path, suffix: str) -> list[str]:
    """The sorted names in ``folder`` (none if not a folder) of files ending in ``suffix``,
    or of folders (``suffix`` ""): names, as tens of thousands of Paths cost more than status."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entry.name for entry in entries
                          if (entry.name.endswith(suffix) and entry.is_file()
                              and not entry.name.startswith(".") if suffix  # as glob("*.po")
                              else entry.is_dir()))
    except (FileNotFoundError, NotADirectoryError):
        return []


def purge_orphans(settings: Settings, memory: Memory) -> list[Path]:
    """Remove the whole project's orphans (the caller holds the lock), each catalog's reviewed
    translations (obsolete ones too) put in ``memory`` first; a broken catalog raises first."""
    problems: list[Problem] = []
    articles = read_articles(settings, None, problems=problems)
    if problems:
        raise UsageError(
            f"{len(problems)} article(s) cannot be read, so orphans cannot be told for sure",
            hint="fix or remove the broken articles first (see `l10n status`)",
        )
    orphans = find_orphans(settings, (article.slug for article in articles))
    catalogs = [(o, Catalog.read(o.path)) for o in orphans if o.lang]  # a broken one raises
    with memory.transaction():
        for orphan, catalog in catalogs:
            memory.harvest(catalog.entries(obsolete=True), settings.source, orphan.lang,
                           origin=settings.reference(orphan.path))
    for orphan in orphans:  # only once every reviewed translation is in the memory
        orphan.path.unlink()
    return [orphan.path for orphan in orphans]
