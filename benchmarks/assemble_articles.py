"""Assemble the real articles of ``benchmarks/data/articles_real.toml`` into a cache folder.

``python -m benchmarks.assemble_articles [--mirrors DIR] [--out DIR]``

The manifest names, per source, a public GitHub repository, a commit and paths. Each file
is read from a git copy of that repository at that commit: ``DIR/<owner>+<name>/repo``
(a bare mirror, default ``DIR`` = ``/work/.mirror``), else a clone made with
``git clone --bare https://github.com/<owner>/<name>`` into ``<out>/git/``. Written (all
gitignored, never committed):

- ``<out>/pages/<id>.html``: the benchmark's pages, un-gzipped as saved from the web;
- ``<out>/pages/references.json``: ``{id: articleBody}`` from the benchmark's ground truth;
- ``<out>/posts/<file name>``: the Markdown posts, as their authors wrote them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "benchmarks" / "data" / "articles_real.toml"
CACHE = ROOT / ".cache" / "articles-real"


def git_dir(repository: str, mirrors: Path, out: Path) -> Path:
    mirror = mirrors / repository.replace("/", "+") / "repo"
    if mirror.is_dir():
        return mirror
    clone = out / "git" / repository.replace("/", "+")
    if not clone.is_dir():
        subprocess.run(["git", "clone", "--bare", "--quiet",
                        f"https://github.com/{repository}", str(clone)], check=True)
    return clone


def show(git: Path, commit: str, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def assemble(mirrors: Path, out: Path) -> dict[str, int]:
    manifest = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for source in manifest["source"]:
        git = git_dir(source["repository"], mirrors, out)
        commit = source["commit"]
        if source["name"] == "pages":
            folder = out / "pages"
            folder.mkdir(parents=True, exist_ok=True)
            truth = json.loads(show(git, commit, source["references"]))
            ids = []
            for path in source["paths"]:
                page_id = Path(path).name.split(".")[0]
                (folder / f"{page_id}.html").write_bytes(gzip.decompress(show(git, commit, path)))
                ids.append(page_id)
            refs = {i: truth[i]["articleBody"] for i in ids}
            (folder / "references.json").write_text(json.dumps(refs, ensure_ascii=False, indent=1),
                                                    encoding="utf-8")
        else:
            folder = out / "posts"
            folder.mkdir(parents=True, exist_ok=True)
            for path in source["paths"]:
                (folder / Path(path).name).write_bytes(show(git, commit, path))
        counts[source["name"]] = len(source["paths"])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=CACHE)
    args = parser.parse_args()
    counts = assemble(args.mirrors, args.out)
    print(", ".join(f"{name}: {n}" for name, n in counts.items()), "->", args.out)


if __name__ == "__main__":
    main()
