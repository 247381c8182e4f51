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
  ``<lang>/index.html``, ``<lang>/feed.xml``, ``index.html``, the sitemaps, the
  record of the folder's articles (:data:`FACTS`), a Hugo tree's
  ``content/<lang>/<slug>.md``, configuration and theme) or lies outside the folder is
  ignored. The files a build makes once (sitemaps, Hugo's configuration) are stale when
  a build makes none (it has no site URL, or another format).
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
from collections.abc import Container, Iterable, Iterator
from pathlib import Path

from l10n.errors import UsageError
from l10n.fsutil import NameSet, file_io, write_atomic

MANIFEST = ".l10n-build.json"
FACTS = ".l10n-articles.jsonl"  # what the folder publishes of each article (index, facts)
_PAGE = re.compile(
    r"(?:(?P<lang>[A-Za-z0-9_]+)/)?(?P<slug>[a-z0-9][a-z0-9-]*)(?:\.article\.html|\.html|\.md)"
    r"|(?P<feed>[A-Za-z0-9_]+)/feed\.xml"
    r"|content/(?P<hugo>[A-Za-z0-9_]+)/(?P<content>[a-z0-9][a-z0-9-]*)\.md"
    r"|(?P<sitemap>sitemap-[0-9]+\.xml)")
# files a build makes once (not per article or language): stale when a build makes none
FIXED = frozenset({
    "sitemap.xml", "news-sitemap.xml", FACTS, "config/_default/hugo.yaml",
    "config/_default/languages.yaml", "themes/l10n/layouts/_default/baseof.html",
    "themes/l10n/layouts/_default/single.html", "themes/l10n/layouts/_default/list.html",
})  # fmt: skip


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
    file_io(folder / MANIFEST)
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    files = data.get("files") if isinstance(data, dict) else None
    return {f for f in files if isinstance(f, str)} if isinstance(files, list) else set()


def previous_names(folder: Path) -> Iterable[str]:
    """:func:`read_manifest`, read one name at a time (as often as asked) when the
    manifest is, byte for byte, what :func:`manifest_pieces` writes (a first build of an
    archive lists 60,000 files); another manifest is read whole."""
    listed = _Listed(folder / MANIFEST)
    try:
        text, again = hashlib.sha256(), hashlib.sha256()
        with listed.path.open("rb") as raw:
            for block in iter(lambda: raw.read(1 << 16), b""):
                text.update(block)
        for piece in manifest_pieces(listed):
            again.update(piece.encode("utf-8"))
        if text.digest() == again.digest():
            return listed
    except (OSError, ValueError):
        pass
    return read_manifest(folder)


class _Listed:
    """The names of a manifest laid out as :func:`manifest_pieces` writes it: one per
    line, read from the file each time they are iterated."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[str]:
        file_io(self.path)
        with self.path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.startswith('  "'):
                    name = json.loads(line.rstrip("\n").removesuffix(","))
                    if not isinstance(name, str):
                        raise ValueError("not a file name")
                    yield name


def manifest_text(files: Iterable[str]) -> str:
    return "".join(manifest_pieces(sorted(set(files))))


def manifest_pieces(files: Iterable[str]) -> Iterator[str]:
    """:func:`manifest_text` of ``files`` already sorted, without duplicates, in pieces
    (``json.dumps(..., indent=1)``'s bytes: a first build of an archive lists 60,000)."""
    head = '{\n "generator": "l10n",\n "files": ['
    for name in files:
        yield f"{head}\n  {json.dumps(name)}"
        head = ","
    yield "\n ]\n}\n" if head == "," else f"{head}]\n}}\n"


def update_manifest(folder: Path, made: NameSet, slugs: set[str],
                    langs: set[str]) -> tuple[list[Path], str]:
    """Remove what the previous build made and this one (``made``: its names, read
    sorted; of ``slugs`` x ``langs``) did not; write the manifest: what this one made and
    what it left of other articles and languages. The files removed, and the manifest's
    digest (``digest_bytes``, taken as it is written)."""
    previous = previous_names(folder)
    stale = stale_files(folder, previous, made, slugs, langs)
    removed = remove_files(stale, folder)
    gone = {path.relative_to(folder.resolve()).as_posix() for path in stale}
    kept = sorted(name for name in previous if name not in gone and name not in made)
    digest = hashlib.sha256()

    def hashed(pieces: Iterable[str]) -> Iterator[str]:
        for piece in pieces:
            digest.update(piece.encode("utf-8"))
            yield piece

    write_atomic(folder / MANIFEST, hashed(manifest_pieces(heapq.merge(kept, made))))
    return removed, digest.hexdigest()[:16]


def stale_files(
    folder: Path, previous: Iterable[str], made: Container[str], slugs: set[str],
    langs: set[str]
) -> list[Path]:
    """Files of ``previous`` that this build (``slugs`` x ``langs``) no longer makes and
    that are still regular files inside ``folder``."""
    root = folder.resolve()
    stale = []
    for name in sorted(name for name in previous if name not in made):
        home = _home(name, slugs, langs)
        if home is None:
            continue
        path = root / name
        if path.is_symlink() or not path.is_file() or path.resolve().parent != root / home:
            continue
        stale.append(path)
    return stale


def _home(name: str, slugs: set[str], langs: set[str]) -> str | None:
    """The folder (in the build folder) of a file l10n makes, when it is one and belongs
    to the articles and languages of this build; else None."""
    if name in FIXED:
        return name.rpartition("/")[0]
    page = _PAGE.fullmatch(name)
    if page is None:
        return None
    if page["sitemap"]:
        return ""
    if page["feed"]:
        return page["feed"] if page["feed"] in langs else None
    if page["hugo"]:
        lang, slug = page["hugo"], page["content"]
        return f"content/{lang}" if lang in langs and slug in slugs else None
    lang, slug = page["lang"], page["slug"]
    if lang is None or lang not in langs or (slug != "index" and slug not in slugs):
        return None
    return str(lang)


def remove_files(paths: Iterable[Path], root: Path | None = None) -> list[Path]:
    """Remove ``paths``, then their folders left empty (up to ``root``, the build folder:
    ``content/ko`` and ``content``; else the file's own folder); return the removed files."""
    removed = []
    top = root.resolve() if root is not None else None
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
        folder = path.parent
        while True:
            try:
                folder.rmdir()
            except OSError:
                break
            if top is None or folder.parent == top or not folder.parent.is_relative_to(top):
                break
            folder = folder.parent
    return removed


def safe_path(folder: Path, name: str) -> Path:
    """``folder/name``, refused unless it stays inside ``folder``."""
    root = folder.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or path == root:
        raise UsageError(f"refusing to write '{name}' outside the build folder", path=folder)
    return path


__all__ = ["FACTS", "MANIFEST", "check_build_folder", "manifest_text", "read_manifest", "safe_path",
           "remove_files", "stale_files"]
