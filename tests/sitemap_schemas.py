"""The sitemap schemas for the sitemap schema test: fetched into a cache, never committed.

``tests/data/sitemaps/schemas.toml`` names each file (repository, commit, path, sha256).
This script puts them in ``.cache/sitemap-schemas/`` at the repository root (ignored by
git; ``$L10N_SITEMAP_SCHEMAS`` to put it elsewhere), as :mod:`tests.xliff_schemas` does
for XLIFF::

    python tests/sitemap_schemas.py                     # from raw.githubusercontent.com
    python tests/sitemap_schemas.py --mirror ekalinin/sitemap.js=/path/to/clone ...

:func:`schema_folder` is what the test uses: the folder when every file is there, else
None and the reason.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script
from tests.xliff_schemas import fetch

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "data" / "sitemaps" / "schemas.toml"


def cache_folder() -> Path:
    return Path(os.environ.get("L10N_SITEMAP_SCHEMAS") or ROOT / ".cache" / "sitemap-schemas")


def manifest() -> list[dict[str, str]]:
    return list(tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["schema"])


def schema_folder() -> tuple[Path | None, str]:
    """The cache folder if it holds every schema of the manifest, else None and why."""
    folder = cache_folder()
    missing = [item["file"] for item in manifest() if not (folder / item["file"]).is_file()]
    if missing:
        return None, (f"the sitemap schemas are not in {folder} ({len(missing)} missing, "
                      f"e.g. {missing[0]}): run `python tests/sitemap_schemas.py` to fetch them")
    return folder, ""


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirror", action="append", default=[], metavar="OWNER/NAME=DIR",
                        help="read that repository from a local git clone or mirror")
    args = parser.parse_args(argv)
    mirrors = {name: Path(folder) for name, _, folder in
               (given.partition("=") for given in args.mirror)}
    count = fetch(mirrors, items=manifest(), folder=cache_folder())
    print(f"{count} schemas in {cache_folder()}")


if __name__ == "__main__":
    main(sys.argv[1:])
