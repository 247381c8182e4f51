"""``python -m benchmarks.patch_real [--cache DIR] [--saves N]``: a reviewer's saves in real
catalogs (benchmarks/data/real_catalogs.toml), written by patching the changed entry into
the file (:mod:`l10n.catalog.patch`) and by a whole-file write, side by side.

Each catalog is first written once by l10n (its formatting: what a catalog becomes after
``l10n update``). Then ``--saves`` random accepts (a new text, sometimes a translator
comment, the reviewer's name) are applied both ways to two copies; after each the two
files must be byte for byte the same (the revision date aside). Prints, per catalog, its
entries, the median time of a patched save and of a whole-file save (read + write, as the
save path did), how many saves were identical, and how many were spliced (not written
whole). ``--assemble MIRRORS`` first copies the
manifest's files out of git mirrors into the cache folder (default /work/cache/real-po).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import tomllib
from pathlib import Path

from l10n.catalog import Catalog, notes
from l10n.catalog.patch import fork, write_patched
from l10n.errors import L10nError

MANIFEST = Path(__file__).parent / "data" / "real_catalogs.toml"
DATE = re.compile(r'^"PO-Revision-Date: .*\\n"$', re.MULTILINE)


def files(cache: Path) -> list[Path]:
    found = []
    for item in tomllib.loads(MANIFEST.read_text())["catalog"]:
        for path in item["paths"]:
            found.append(cache / item["repository"].replace("/", "+") / path)
    return found


def assemble(mirrors: Path, cache: Path) -> None:
    for item in tomllib.loads(MANIFEST.read_text())["catalog"]:
        repo = mirrors / item["repository"].replace("/", "+") / "repo"
        for path in item["paths"]:
            text = subprocess.run(["git", "--git-dir", str(repo), "show",
                                   f"{item['commit']}:{path}"], capture_output=True,
                                  check=True).stdout
            out = cache / item["repository"].replace("/", "+") / path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(text)


def one(source: Path, saves: int, rng: random.Random) -> tuple[int, float, float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        fast, slow = Path(tmp) / "fast.po", Path(tmp) / "slow.po"
        shutil.copy(source, fast)
        first = Catalog.read(fast)
        first.set_translation(first.entries()[0].msgid, "l10n", reviewed=True)
        first.write()  # now in l10n's formatting
        shutil.copy(fast, slow)
        known = Catalog.read(fast)
        entries = [e for e in known.entries() if e.msgctxt is None and not e.msgid_plural]
        patched, whole, same, spliced = [], [], 0, 0
        for n in range(saves):
            msgid = rng.choice(entries).msgid
            text = f"검토 {n} \"{rng.random():.3f}\" " + "가나다 " * rng.randint(0, 30)
            comment = rng.choice([None, "", f"확인 {n}"])
            t0 = time.perf_counter()
            draft = fork(known, [msgid])
            _change(draft, msgid, text, comment)
            done = write_patched(draft)
            t1 = time.perf_counter()
            whole_catalog = Catalog.read(slow)
            _change(whole_catalog, msgid, text, comment)
            whole_catalog.write()
            t2 = time.perf_counter()
            spliced += done
            if not done:
                draft.write()
            patched.append(t1 - t0)
            whole.append(t2 - t1)
            same += DATE.sub("", fast.read_text()) == DATE.sub("", slow.read_text())
            known = draft
        return (len(entries), statistics.median(patched), statistics.median(whole), same,
                spliced)


def _change(catalog: Catalog, msgid: str, text: str, comment: str | None) -> None:
    catalog.set_translation(msgid, text, reviewed=True)
    if comment is not None:
        notes.set_comment(catalog, msgid, comment)
    notes.set_header(catalog, "Last-Translator", "Kim Minji")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path("/work/cache/real-po"))
    parser.add_argument("--assemble", type=Path, metavar="MIRRORS")
    parser.add_argument("--saves", type=int, default=30)
    args = parser.parse_args(argv)
    if args.assemble:
        assemble(args.assemble, args.cache)
    rng = random.Random(28)
    print(f"{'catalog':55} {'entries':>7} {'patched':>9} {'whole':>9} {'same':>7} spliced")
    for path in files(args.cache):
        name = str(path.relative_to(args.cache))
        try:
            n, fast, slow, same, spliced = one(path, args.saves, rng)
        except L10nError as exc:
            print(f"{name:55} not read: {exc.format_message()}")
            continue
        print(f"{name:55} {n:7d} {fast * 1000:7.1f}ms {slow * 1000:7.1f}ms "
              f"{same:3d}/{args.saves} {spliced:3d}/{args.saves}")


if __name__ == "__main__":
    main()
