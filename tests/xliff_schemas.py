"""The OASIS XLIFF schemas for the schema tests: fetched into a cache, never committed.

``tests/data/xliff/schemas.toml`` names each file: the public repository, the commit and
the path it is taken from, and the sha256 it must have (CRLF line ends made LF). This
script puts them in the cache folder (``.cache/xliff-schemas/`` at the repository root,
ignored by git; ``$L10N_XLIFF_SCHEMAS`` to put it elsewhere)::

    python tests/xliff_schemas.py                       # from raw.githubusercontent.com
    python tests/xliff_schemas.py --mirror oasis-tcs/xliff-xliff-22=/path/to/clone \\
                                  --mirror atalargo/xliff-ruby=/path/to/clone

``--mirror`` reads a repository from a local git clone or mirror (``git show
COMMIT:PATH``) instead of downloading it. A file whose digest differs is refused, and
nothing is left half-written. :func:`schema_folder` is what the tests use: the folder
when every file is there, else None and the reason.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "data" / "xliff" / "schemas.toml"
RAW = "https://raw.githubusercontent.com/{repository}/{commit}/{path}"


def cache_folder() -> Path:
    return Path(os.environ.get("L10N_XLIFF_SCHEMAS") or ROOT / ".cache" / "xliff-schemas")


def manifest() -> list[dict[str, str]]:
    return list(tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["schema"])


def schema_folder() -> tuple[Path | None, str]:
    """The cache folder if it holds every schema of the manifest, else None and why."""
    folder = cache_folder()
    missing = [item["file"] for item in manifest() if not (folder / item["file"]).is_file()]
    if missing:
        return None, (f"the OASIS XLIFF schemas are not in {folder} ({len(missing)} missing, "
                      f"e.g. {missing[0]}): run `python tests/xliff_schemas.py` to fetch them")
    return folder, ""


def _normalised(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n")


def _read(item: dict[str, str], mirrors: dict[str, Path]) -> bytes:
    mirror = mirrors.get(item["repository"])
    if mirror is not None:
        return subprocess.run(["git", "-C", str(mirror), "show",
                               f"{item['commit']}:{item['path']}"],
                              capture_output=True, check=True).stdout
    with urllib.request.urlopen(RAW.format(**item), timeout=60) as answer:
        data: bytes = answer.read()
        return data


def fetch(mirrors: dict[str, Path], say: object = print,
          items: list[dict[str, str]] | None = None, folder: Path | None = None) -> int:
    """Put every schema of the manifest (or of ``items``) in the cache (or ``folder``);
    how many were written."""
    folder = folder or cache_folder()
    written = 0
    for item in manifest() if items is None else items:
        target = folder / item["file"]
        data = _normalised(_read(item, mirrors))
        digest = hashlib.sha256(data).hexdigest()
        if digest != item["sha256"]:
            raise SystemExit(f"{item['repository']}@{item['commit'][:12]}:{item['path']}: "
                             f"sha256 {digest}, the manifest says {item['sha256']}")
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".part")
        temporary.write_bytes(data)
        temporary.replace(target)
        written += 1
        say(f"{item['file']}  <- {item['repository']}@{item['commit'][:12]}:{item['path']}")  # type: ignore[operator]
    return written


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirror", action="append", default=[], metavar="OWNER/NAME=DIR",
                        help="read that repository from a local git clone or mirror")
    args = parser.parse_args(argv)
    mirrors = {}
    for given in args.mirror:
        name, _, folder = given.partition("=")
        mirrors[name] = Path(folder)
    count = fetch(mirrors)
    print(f"{count} schemas in {cache_folder()}")


if __name__ == "__main__":
    main(sys.argv[1:])
