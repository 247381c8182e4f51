"""The ``numbers`` check on real human English->Korean news translations.

``python -m benchmarks.check_quality.news --assemble`` unpacks the corpus of
``news_manifest.toml`` (Jungyeul Park's Korean-English news corpus, dev and test: 3,000
sentence pairs translated by people) out of a mirror of its repository into
``benchmarks/out/news-corpus/`` (gitignored; the mirror as in ``assemble.py``).

``python -m benchmarks.check_quality.news [--show]`` then prints:

- the pairs whose English has a figure (what the number check has to check), and the
  share the check reports an error on (faithful or not: the corpus has loose
  translations and misaligned pairs);
- on a reproducible random sample of those (``--sample``, ``--seed``), judged by a person
  (``news_labels.toml``: is every figure of the English in the Korean, said any way?),
  the false-alarm rate: faithful pairs with an error / faithful pairs; and the unfaithful
  pairs the check catches.

``--show`` prints the sample with the check's findings, for judging.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import re
import tarfile
import tomllib
from collections.abc import Sequence
from pathlib import Path

from benchmarks.check_quality.assemble import HERE, MIRRORS, OUT, git_show

MANIFEST = HERE / "news_manifest.toml"
LABELS = HERE / "news_labels.toml"
CORPUS = OUT.parent / "news-corpus"


def assemble(mirrors: Path = MIRRORS, out: Path = CORPUS) -> list[str]:
    problems = []
    for item in tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["file"]:
        git_dir = mirrors / item["repository"].replace("/", "+") / "repo"
        data, error = git_show(git_dir, item["commit"], item["path"])
        if data is None:
            problems.append(f"{item['repository']}:{item['path']}: {error}")
            continue
        out.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive.getmembers():
                data = archive.extractfile(member) if member.isfile() else None
                if data is not None:
                    (out / Path(member.name).name).write_bytes(data.read())
    return problems


def load_pairs(folder: Path = CORPUS) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for english in sorted(folder.glob("*.en")):
        korean = english.with_suffix(".ko")
        en = english.read_text(encoding="utf-8", errors="replace").splitlines()
        ko = korean.read_text(encoding="utf-8", errors="replace").splitlines()
        pairs += [(e.strip(), k.strip()) for e, k in zip(en, ko, strict=True)]
    return pairs


def key_of(english: str, korean: str) -> str:
    return hashlib.sha1(f"{english}\t{korean}".encode()).hexdigest()[:12]


def errors(english: str, korean: str) -> list[str]:
    from l10n.catalog import Entry
    from l10n.qa import CheckContext
    from l10n.qa.checks import check_numbers

    found = check_numbers(Entry(english, korean), CheckContext("en", "ko"))
    return [f.message for f in found if str(f.severity) == "error"]


def load_labels(path: Path = LABELS) -> dict[str, bool]:
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {x["key"]: bool(x["faithful"]) for x in data.get("pair", [])}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.check_quality.news")
    parser.add_argument("--assemble", action="store_true", help="unpack the corpus first")
    parser.add_argument("--mirrors", type=Path, default=MIRRORS)
    parser.add_argument("--show", action="store_true", help="print the sample to judge")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=25)
    args = parser.parse_args(argv)
    if args.assemble:
        for problem in assemble(args.mirrors):
            print(problem)
    pairs = load_pairs()
    if not pairs:
        print(f"no corpus in {CORPUS}: run with --assemble")
        return 1
    figures = [(e, k) for e, k in pairs if re.search(r"\d", e) and k]
    flagged = sum(bool(errors(e, k)) for e, k in figures)
    print(f"{len(pairs)} pairs, {len(figures)} with a figure in the English; the number "
          f"check reports an error on {flagged} = {100 * flagged / len(figures):.1f}% "
          "(faithful or not)")
    sample = random.Random(args.seed).sample(figures, min(args.sample, len(figures)))
    labels = load_labels()
    faithful = alarms = unfaithful = caught = 0
    for english, korean in sample:
        found = errors(english, korean)
        if args.show:
            print(f"[{key_of(english, korean)}] {english}\n    {korean}\n    -> {found}\n")
        label = labels.get(key_of(english, korean))
        if label is True:
            faithful += 1
            alarms += bool(found)
        elif label is False:
            unfaithful += 1
            caught += bool(found)
    print(f"sample of {len(sample)} (seed {args.seed}): {faithful + unfaithful} judged, "
          f"{faithful} faithful, {unfaithful} not")
    if faithful:
        print(f"false alarms: {alarms}/{faithful} faithful pairs = "
              f"{100 * alarms / faithful:.1f}%")
    if unfaithful:
        print(f"unfaithful pairs caught: {caught}/{unfaithful} = "
              f"{100 * caught / unfaithful:.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
