"""The build folder: where a build may write, and what it wrote before.

Rules:

* a build folder is never a filesystem root, the home folder, the project's folder or
  one of its ancestors (a build there would mix pages with everything else, and removing
  stale pages there would be a risk), unless the user forces it;
* every build records the files it makes in ``<out>/.l10n-build.json`` (the manifest);
  the next build removes the files of that list that it no longer makes, among the
  articles and languages it builds (a build of one article leaves the others' pages),
  and nothing else: a file l10n did not write is never deleted, and a manifest entry
  that is not a page name of l10n's own (``<lang>/<slug>.html|.md|.article.html``,
  ``<lang>/index.html``, ``<lang>/feed.xml``, ``index.html``, the sitemaps) or lies
  outside the folder is ignored. The sitemaps are stale when a build makes none (it has
  no site URL).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

from l10n.errors import UsageError

MANIFEST = ".l10n-build.json"
_PAGE = re.compile(
    r"(?:(?P<lang>[A-Za-z0-9_]+)/)?(?P<slug>[a-z0-9][a-z0-9-]*)(?:\.article\.html|\.html|\.md)"
    r"|(?P<feed>[A-Za-z0-9_]+)/feed\.xml")
SITEMAPS = frozenset({"sitemap.xml", "news-sitemap.xml"})


def check_build_folder(root: Path, folder: Path, *, force: bool = False) -> None:
    """Refuse ``folder`` as a build folder for the project at ``root`` (see the rules)."""
    if force:
        return
    out = folder.expanduser().resolve()
    project = root.resolve()
    why = ""
    if out == Path(out.anchor):
        why = "is a filesystem root"
    elif out == Path.home().resolve():
        why = "is your home folder"
    elif out == project:
        why = "is the project's folder"
    elif project.is_relative_to(out):
        why = "holds the project"
    if why:
        raise UsageError(
            f"refusing to build into {out}: it {why}",
            hint="choose a folder for the build only, such as build/, or pass --force",
        )


def read_manifest(folder: Path) -> set[str]:
    """The files an earlier build wrote (empty when there is no readable manifest)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    files = data.get("files") if isinstance(data, dict) else None
    return {f for f in files if isinstance(f, str)} if isinstance(files, list) else set()


def manifest_text(files: Iterable[str]) -> str:
    return json.dumps({"generator": "l10n", "files": sorted(set(files))}, indent=1) + "\n"


def stale_files(
    folder: Path, previous: set[str], made: set[str], slugs: set[str], langs: set[str]
) -> list[Path]:
    """Files of ``previous`` that this build (``slugs`` x ``langs``) no longer makes and
    that are still regular files inside ``folder``."""
    root = folder.resolve()
    stale = []
    for name in sorted(previous - made):
        page = _PAGE.fullmatch(name)
        if name in SITEMAPS:
            lang = ""
        elif page is None:
            continue
        elif page["feed"]:
            lang = page["feed"]
            if lang not in langs:
                continue
        else:
            lang, slug = page["lang"], page["slug"]
            if lang is None or lang not in langs or (slug != "index" and slug not in slugs):
                continue
        path, home = root / name, root / lang if lang else root
        if path.is_symlink() or not path.is_file() or path.resolve().parent != home:
            continue
        stale.append(path)
    return stale


def remove_files(paths: Iterable[Path]) -> list[Path]:
    """Remove ``paths``, then their folders left empty; return the removed files."""
    removed = []
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
        with contextlib.suppress(OSError):
            path.parent.rmdir()
    return removed


__all__ = ["MANIFEST", "check_build_folder", "manifest_text", "read_manifest", "remove_files",
           "stale_files"]
