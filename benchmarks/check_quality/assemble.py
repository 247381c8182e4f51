"""Assemble the corpus of real PO files named in ``manifest.toml`` from git mirrors.

``python -m benchmarks.check_quality.assemble [--mirrors DIR] [--out DIR]`` writes each
file of the manifest, exactly as it is at the manifest's commit, to
``<out>/<owner>+<name>/<path>`` (default out: ``benchmarks/out/po-corpus``, gitignored).

A mirror is a bare clone of the repository at ``<mirrors>/<owner>+<name>/repo``
(default mirrors: ``/work/.mirror``, where the sessions' ``fetch`` tool puts them); any
clone works: ``git clone --bare https://github.com/git/git /work/.mirror/git+git/repo``.
The files are never committed: the project holds only what we write.
"""

from __future__ import annotations

import argparse
import subprocess
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.toml"
OUT = HERE.parent / "out" / "po-corpus"
MIRRORS = Path("/work/.mirror")


@dataclass(frozen=True)
class Item:
    repository: str
    commit: str
    path: str

    @property
    def local(self) -> Path:
        return Path(self.repository.replace("/", "+")) / self.path

    @property
    def lang(self) -> str:
        """``po/ko.po``, ``help/ko/ko.po``, Django's ``locale/ko/LC_MESSAGES/django.po``: ko."""
        parts = Path(self.path).parts
        if len(parts) >= 3 and parts[-2] == "LC_MESSAGES":
            return parts[-3]
        return Path(self.path).stem


def git_show(git_dir: Path, commit: str, path: str) -> tuple[bytes | None, str]:
    """The file at ``commit:path`` of the git mirror ``git_dir``: (bytes, ""), or (None,
    git's message)."""
    run = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
                         capture_output=True)
    if run.returncode:
        return None, run.stderr.decode(errors="replace").strip()
    return run.stdout, ""


def load_manifest(path: Path = MANIFEST) -> list[Item]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Item(f["repository"], f["commit"], f["path"]) for f in data["file"]]


def corpus(out: Path = OUT, manifest: Path = MANIFEST) -> list[tuple[Item, Path]]:
    """The manifest's items and where the assembled copy of each is (present or not)."""
    return [(item, out / item.local) for item in load_manifest(manifest)]


def assemble(mirrors: Path = MIRRORS, out: Path = OUT, manifest: Path = MANIFEST) -> list[str]:
    """Copy every file out of its mirror; the problems (missing mirror or commit)."""
    problems = []
    for item, target in corpus(out, manifest):
        git_dir = mirrors / item.repository.replace("/", "+") / "repo"
        if not git_dir.is_dir():
            problems.append(f"{item.repository}: no mirror at {git_dir}")
            continue
        data, error = git_show(git_dir, item.commit, item.path)
        if data is None:
            problems.append(f"{item.repository}@{item.commit[:12]}:{item.path}: {error}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.check_quality.assemble")
    parser.add_argument("--mirrors", type=Path, default=MIRRORS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--manifest", type=Path, default=MANIFEST,
                        help="another manifest (heldout.toml: files the checks were not tuned on)")
    args = parser.parse_args(argv)
    problems = assemble(args.mirrors, args.out, args.manifest)
    for problem in problems:
        print(problem)
    items = load_manifest(args.manifest)
    print(f"{len(items) - len(problems)}/{len(items)} files in {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
