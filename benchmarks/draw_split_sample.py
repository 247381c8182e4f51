"""Draw segments of a cached page folder for judging sentence splits by hand.

``python -m benchmarks.draw_split_sample FOLDER SEED [--n 100] [--out DIR]``

The population, fixed before the draw: every page ``FOLDER/*.html`` (and Markdown post,
``*.md``, ``*.markdown``) of the cache (``.cache/articles-real/FOLDER``) in sorted file
order, read as :mod:`benchmarks.articles_real` reads it (pages l10n refuses are counted
and left out); its segments as ``sentences()`` there makes them (``segment_block`` of
each translatable block, in document order: the same as ``segment_article``); each (file,
segment text) pair once, at its first place; minus the pairs ``benchmarks/data/split_labels.toml``
already labels (so every drawn segment gets a label of its own). The draw is
``random.Random(SEED).sample(population, n)``.

Written to ``DIR`` (default ``/tmp/split-sample-SEED``, outside git):

- ``sample.json``: the drawn segments in draw order, each with its file, block and
  segment index, the 2 segments before and after it in its block, and the ends of the
  blocks either side (what a judge reads it in);
- ``sample.txt``: the same, for reading;
- ``labels.toml``: one ``[[split]]`` entry per drawn segment, ``verdict = "?"``, for the
  judge to fill in and append to ``split_labels.toml`` under a header saying how the
  sample was drawn (:func:`toml_string` writes strings that ``tomllib`` reads back).
"""

from __future__ import annotations

import argparse
import json
import random
import tomllib
from pathlib import Path

from benchmarks.articles_real import CACHE, LABELS, read
from l10n.errors import ArticleError
from l10n.text.segment import segment_block

CONTEXT = 2  # segments shown either side, in the block
EDGE = 150  # characters shown of the blocks either side


def toml_string(text: str) -> str:
    """A TOML basic string of ``text``: JSON's escapes are TOML's, and TOML also wants
    DEL escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def population(folder: Path, labelled: set[tuple[str, str]]) -> tuple[list[dict[str, object]],
                                                                         list[str]]:
    pool: list[dict[str, object]] = []
    refused: list[str] = []
    for path in sorted(p for suffix in ("html", "md", "markdown")
                       for p in folder.glob(f"*.{suffix}")):
        name = f"{folder.name}/{path.name}"
        try:
            article = read(path)
        except ArticleError:
            refused.append(name)
            continue
        seen: set[str] = set()
        blocks = [b for b in article.blocks if b.translatable]
        for bi, block in enumerate(blocks):
            texts = [s.text for s in segment_block(block)]
            for si, text in enumerate(texts):
                if text in seen or (name, text) in labelled:
                    continue
                seen.add(text)
                pool.append({
                    "file": name, "segment": text, "block": bi, "index": si,
                    "before": texts[max(0, si - CONTEXT):si],
                    "after": texts[si + 1:si + 1 + CONTEXT],
                    "prev_block": blocks[bi - 1].text[-EDGE:] if bi else "",
                    "next_block": blocks[bi + 1].text[:EDGE] if bi + 1 < len(blocks) else "",
                })
    return pool, refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("seed")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or Path(f"/tmp/split-sample-{args.seed}")
    labels = tomllib.loads(LABELS.read_text("utf-8"))["split"]
    labelled = {(item["file"], item["segment"]) for item in labels}
    pool, refused = population(args.cache / args.folder, labelled)
    sample = random.Random(args.seed).sample(pool, args.n)
    out.mkdir(parents=True, exist_ok=True)
    (out / "sample.json").write_text(json.dumps(sample, ensure_ascii=False, indent=1), "utf-8")
    lines, entries = [], []
    for n, item in enumerate(sample, 1):
        lines += [f"=== #{n} {item['file']} block {item['block']} segment {item['index']}",
                  f"  prev block: ...{item['prev_block']!r}",
                  *(f"  before: {s!r}" for s in item["before"]),  # type: ignore[attr-defined]
                  f">>SEGMENT: {item['segment']!r}",
                  *(f"  after: {s!r}" for s in item["after"]),  # type: ignore[attr-defined]
                  f"  next block: {item['next_block']!r}...", ""]
        entries.append(f"[[split]]\nfile = {toml_string(str(item['file']))}\n"
                       f"segment = {toml_string(str(item['segment']))}\nverdict = \"?\"\n")
    (out / "sample.txt").write_text("\n".join(lines), "utf-8")
    skeleton = "\n".join(entries)
    assert [e["segment"] for e in tomllib.loads(skeleton)["split"]] == \
        [item["segment"] for item in sample]
    (out / "labels.toml").write_text(skeleton, "utf-8")
    print(f"{args.folder}: {len(refused)} pages refused, {len(pool)} segments not labelled; "
          f"drew {args.n} with Random({args.seed!r}) -> {out}")


if __name__ == "__main__":
    main()
