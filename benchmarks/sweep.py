"""Read many real pages and posts with no reference text: what l10n refuses or crashes on.

``python -m benchmarks.sweep [--compare] [--posts]``

The manifest ``benchmarks/data/sweep.toml`` names public repositories, commits and the
paths taken (a regular expression); the files are assembled from git copies (as
:mod:`benchmarks.assemble_articles` does) into ``.cache/sweep/`` (gitignored), each named
``<source>--<path with '/' as '_'>``; pages of the held-out sets of
``articles_real.toml`` are left out. Printed: pages read, refused (with the reason),
crashed; the slowest pages. ``--compare`` also counts the pages where l10n reads less
than half of the words trafilatura alone reads (``include_comments=False``): a story
missed, or furniture the library takes for one. ``--posts`` runs the posts printout of
:mod:`benchmarks.articles_real` (stray marks, links lost, template tags changed, words
left in English) on the Markdown sources.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import time
import tomllib
import warnings
from pathlib import Path

from benchmarks.assemble_articles import CACHE as ARTICLES
from benchmarks.assemble_articles import MANIFEST as ARTICLES_MANIFEST
from benchmarks.assemble_articles import git_dir, show

MANIFEST = Path(__file__).parent / "data" / "sweep.toml"
CACHE = ARTICLES.parent / "sweep"


def _held() -> set[tuple[str, str]]:
    """(repository, path) of every file of the held-out sets (``*-held``)."""
    manifest = tomllib.loads(ARTICLES_MANIFEST.read_text("utf-8"))
    held = set()
    for source in manifest["source"]:
        if source["name"].endswith("-held"):
            for path in source["paths"]:
                held.add((source["repository"], path))
                held.add((source["repository"], f"{path}/source.html"))  # Readability's
    return held


def assemble(mirrors: Path, out: Path) -> dict[str, int]:
    manifest = tomllib.loads(MANIFEST.read_text("utf-8"))
    held = _held()
    counts = {}
    for source in manifest["source"]:
        git = git_dir(source["repository"], mirrors, out)
        listed = subprocess.run(["git", "--git-dir", str(git), "ls-tree", "-r", "--name-only",
                                 source["commit"]], check=True, capture_output=True,
                                text=True).stdout.split("\n")
        paths = [p for p in listed if re.search(source["paths"], p)
                 and (source["repository"], p) not in held and not p.endswith("/_index.md")]
        if "sample" in source:
            paths = sorted(paths, key=lambda p: hashlib.sha1(p.encode()).hexdigest())
            paths = paths[:source["sample"]]
        folder = out / ("posts" if paths and paths[0].endswith(".md") else "pages")
        folder.mkdir(parents=True, exist_ok=True)
        for path in paths:
            (folder / f"{source['name']}--{path.replace('/', '_')}").write_bytes(
                show(git, source["commit"], path))
        counts[source["name"]] = len(paths)
    return counts


def sweep(folder: Path, compare: bool) -> None:
    from benchmarks.articles_real import article_text, read
    from l10n.errors import ArticleError

    results: dict[str, tuple[str, int, float]] = {}
    for path in sorted(folder.iterdir()):
        started = time.process_time()
        try:
            words = len(article_text(read(path)).split())
            results[path.name] = ("read", words, time.process_time() - started)
        except ArticleError as exc:
            results[path.name] = ("refused", 0, time.process_time() - started)
            print(f"  refused {path.name[:60]}: {exc.message}")
        except Exception as exc:  # a crash is what the sweep looks for
            results[path.name] = ("crashed", 0, time.process_time() - started)
            print(f"  crashed {path.name[:60]}: {exc!r}"[:200])
    kinds = [kind for kind, _, _ in results.values()]
    print(f"pages: {len(results)}; read {kinds.count('read')}, refused "
          f"{kinds.count('refused')}, crashed {kinds.count('crashed')}")
    slow = sorted(((s, name) for name, (_, _, s) in results.items()), reverse=True)[:5]
    print("  slowest (CPU s):", ", ".join(f"{name[:40]} {s:.1f}" for s, name in slow))
    if compare:
        _compare(folder, results)


def _compare(folder: Path, results: dict[str, tuple[str, int, float]]) -> None:
    import trafilatura

    from l10n.articles import read_source

    short = []
    for name, (_, words, _) in sorted(results.items()):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs = len((trafilatura.extract(read_source(folder / name),
                                              include_comments=False) or "").split())
        if theirs >= 80 and words * 2 < theirs:
            short.append((words / theirs, words, theirs, name))
    print(f"  read less than half of what trafilatura alone reads (80 words or more): "
          f"{len(short)}")
    for ratio, words, theirs, name in sorted(short)[:40]:
        print(f"    {ratio:.2f} {words:6d} {theirs:6d} {name[:70]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--compare", action="store_true", help="against trafilatura alone")
    parser.add_argument("--posts", action="store_true", help="the posts printout too")
    args = parser.parse_args()
    if not (args.cache / "pages").is_dir():
        print(assemble(args.mirrors, args.cache), "->", args.cache)
    sweep(args.cache / "pages", args.compare)
    if args.posts:
        from benchmarks.articles_real import posts

        posts(args.cache / "posts", title="posts (the sweep's Markdown)")


if __name__ == "__main__":
    main()
