"""Published schemas the tests validate against: fetched into a cache, never committed.

A set's manifest (``tests/data/<set>/schemas.toml``) names each file: the public
repository, the commit and the path it is taken from, and the sha256 it must have (CRLF
line ends made LF). Its script (``tests/xliff_schemas.py``, ``tests/sitemap_schemas.py``)
puts them in the set's cache folder (``.cache/<set>-schemas/`` at the repository root,
ignored by git; an environment variable puts it elsewhere)::

    python tests/xliff_schemas.py                       # from raw.githubusercontent.com
    python tests/xliff_schemas.py --mirror OWNER/NAME=/path/to/clone ...

``--mirror`` reads a repository from a local git clone or mirror (``git show
COMMIT:PATH``) instead of downloading it. A file whose digest differs is refused, and
nothing is left half-written. :meth:`SchemaSet.schema_folder` is what the tests use: the
folder when every file is there, else None and the reason.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import tomllib
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = "https://raw.githubusercontent.com/{repository}/{commit}/{path}"


@dataclass(frozen=True)
class SchemaSet:
    title: str  # "the OASIS XLIFF schemas"
    data: str  # the manifest's folder under tests/data/
    cache: str  # the cache's folder under .cache/
    variable: str  # the environment variable naming another cache folder
    script: str  # the script that fetches them

    def cache_folder(self) -> Path:
        return Path(os.environ.get(self.variable) or ROOT / ".cache" / self.cache)

    def manifest(self) -> list[dict[str, str]]:
        path = ROOT / "tests" / "data" / self.data / "schemas.toml"
        return list(tomllib.loads(path.read_text(encoding="utf-8"))["schema"])

    def schema_folder(self) -> tuple[Path | None, str]:
        """The cache folder if it holds every schema of the manifest, else None and why."""
        folder = self.cache_folder()
        missing = [item["file"] for item in self.manifest()
                   if not (folder / item["file"]).is_file()]
        if missing:
            return None, (f"{self.title} are not in {folder} ({len(missing)} missing, e.g. "
                          f"{missing[0]}): run `python {self.script}` to fetch them")
        return folder, ""

    def fetch(self, mirrors: dict[str, Path], say: Callable[[str], object] = print) -> int:
        """Put every schema of the manifest in the cache; how many were written."""
        folder = self.cache_folder()
        for item in self.manifest():
            target = folder / item["file"]
            data = _read(item, mirrors).replace(b"\r\n", b"\n")
            digest = hashlib.sha256(data).hexdigest()
            if digest != item["sha256"]:
                raise SystemExit(f"{item['repository']}@{item['commit'][:12]}:{item['path']}: "
                                 f"sha256 {digest}, the manifest says {item['sha256']}")
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(target.name + ".part")
            temporary.write_bytes(data)
            temporary.replace(target)
            say(f"{item['file']}  <- {item['repository']}@{item['commit'][:12]}:{item['path']}")
        return len(self.manifest())

    def main(self, argv: list[str], doc: str | None) -> None:
        parser = argparse.ArgumentParser(description=doc,
                                         formatter_class=argparse.RawDescriptionHelpFormatter)
        parser.add_argument("--mirror", action="append", default=[], metavar="OWNER/NAME=DIR",
                            help="read that repository from a local git clone or mirror")
        args = parser.parse_args(argv)
        mirrors = {name: Path(folder) for name, _, folder in
                   (given.partition("=") for given in args.mirror)}
        count = self.fetch(mirrors)
        print(f"{count} schemas in {self.cache_folder()}")


def _read(item: dict[str, str], mirrors: dict[str, Path]) -> bytes:
    mirror = mirrors.get(item["repository"])
    if mirror is not None:
        return subprocess.run(["git", "-C", str(mirror), "show",
                               f"{item['commit']}:{item['path']}"],
                              capture_output=True, check=True).stdout
    with urllib.request.urlopen(RAW.format(**item), timeout=60) as answer:
        data: bytes = answer.read()
        return data
