"""``python -m benchmarks scale [--quick]``: costs that must grow no faster than the work.

1. **One large article** of 1k, 4k, 16k and 64k segments (``workload.large_article``):
   ``segment`` (read and split it), ``extract`` (its template), ``translate --engine
   pseudo --to es`` on a fresh project (extract, catalog, memory, writes), the no-change
   re-run, and ``update`` after an editor changed one sentence in ten (each changed
   sentence is merged against those that left: the fuzzy search). Each figure is
   milliseconds per segment; the target is a flat line: the 64k figure at most 1.5 times
   the 1k one.
2. **Glossary loading** of 2,500, 10,000 and 50,000 terms (``workload.large_glossary``):
   the first load, validated and indexed (``load_glossary``), and the load every later
   command pays, the validated terms from the project's state indexed again
   (``cached_glossary``); target: 50,000 terms in under 2 s.
3. **Long paragraphs**: one paragraph of 10 KB, 100 KB and 1.1 MB of news sentences,
   segmented; microseconds per character, target flat (the 1.1 MB figure at most 1.5
   times the 10 KB one).

4. **One large entry**: a catalog whose one entry (source and translation) is 1, 4 and
   16 MB of news text, wrapped as polib and msgcat write it (a line per 78 columns):
   read (strict syntax check, then polib) and written back (one changed letter);
   milliseconds per MB, target flat (the 16 MB figure at most 1.5 times the 1 MB one).
   polib alone, on the same files, is printed beside it: its parser adds continuation
   lines to an attribute, quadratic in the entry's lines.

Everything runs in this process (no start-up time counted), one run per figure. Both
CPU time and wall time are recorded: the machine is shared, and CPU time is what the
ratios are taken on (wall time is printed beside it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import workload

OUT = Path(__file__).resolve().parent / "out"
FLAT = 1.5  # the largest size's cost per unit at most this many times the smallest's


def timed(work: Callable[[], Any]) -> tuple[dict[str, float], Any]:
    """CPU and wall seconds of one call, and its result."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = work()
    return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}, result


def article_project(root: Path, segments: int) -> Path:
    """A fresh project with one article of ``segments`` segments, target es."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "long-article.md").write_text(workload.large_article(segments),
                                                       encoding="utf-8")
    (root / "l10n.toml").write_text('source = "en"\ntargets = ["es"]\narticles = "articles"\n',
                                    encoding="utf-8")
    return root


def one_article(root: Path, segments: int) -> dict[str, Any]:
    """The four measurements of one article size, in ms per segment."""
    from l10n.articles import read_article
    from l10n.config import load_settings
    from l10n.text.segment import segment_article
    from l10n.workflow.extract import extract
    from l10n.workflow.translate import translate
    from l10n.workflow.update import update

    project = article_project(root, segments)
    settings = load_settings(cwd=project)
    article = project / "articles" / "long-article.md"
    figures: dict[str, Any] = {}
    seconds, found = timed(lambda: segment_article(read_article(article)))
    assert len(found) == segments, (len(found), segments)
    figures["segment"] = seconds
    figures["extract"], _ = timed(lambda: extract(settings))
    shutil.rmtree(project / "locales")
    seconds, report = timed(lambda: translate(settings, None, ["es"], engine_name="pseudo"))
    assert report.languages["es"].machine == segments
    figures["translate"] = seconds
    seconds, again = timed(lambda: translate(settings, None, ["es"], engine_name="pseudo"))
    assert again.languages["es"].machine == 0 and not again.model_loaded
    figures["rerun"] = seconds
    edit_one_in_ten(article)
    seconds, merged = timed(lambda: update(settings, None, ["es"]))
    assert merged.languages["es"].merged.get("fuzzy_matched", 0) >= segments // 11
    figures["edited"] = seconds
    return {step: {"ms_per_segment_cpu": 1000 * s["cpu"] / segments,
                   "ms_per_segment_wall": 1000 * s["wall"] / segments,
                   "seconds_cpu": s["cpu"], "seconds_wall": s["wall"]}
            for step, s in figures.items()}


def edit_one_in_ten(article: Path) -> None:
    """Change one numbered sentence in ten ("Item 12.3:" becomes "Entry 12.3:")."""
    parts = article.read_text(encoding="utf-8").split("Item ")
    edited = [part if n == 0 else ("Entry " if n % 10 == 0 else "Item ") + part
              for n, part in enumerate(parts)]
    article.write_text("".join(edited), encoding="utf-8")


def glossary(root: Path, terms: int) -> dict[str, Any]:
    """The first load (TOML read, validated, merged, cross-checked, indexed), then what
    every later command pays: the terms from the project's state, indexed again."""
    from l10n.glossary import load_glossary
    from l10n.incremental import State, code_key
    from l10n.incremental.cached import cached_glossary

    shutil.rmtree(root, ignore_errors=True)
    (root / "glossaries").mkdir(parents=True)
    (root / "glossaries" / "terms.toml").write_text(workload.large_glossary(terms),
                                                   encoding="utf-8")
    seconds, loaded = timed(lambda: load_glossary(root / "glossaries"))
    assert len(loaded) == terms
    with State(root / ".l10n") as state:  # record it, as the first command does
        cached_glossary(state, root / "glossaries", code_key())

    def again() -> Any:
        with State(root / ".l10n") as state:
            return cached_glossary(state, root / "glossaries", code_key())

    cached, found = timed(again)
    assert [t.source for t in found] == [t.source for t in loaded]
    return {"terms": terms, "seconds_cpu": seconds["cpu"], "seconds_wall": seconds["wall"],
            "state_cpu": cached["cpu"], "state_wall": cached["wall"]}


def paragraph(size: int) -> dict[str, Any]:
    from l10n.model import Block
    from l10n.text.segment import segment_block

    sentences = workload.load_sentences()
    text = " ".join(sentences * (size // len(" ".join(sentences)) + 1))[:size]
    seconds, segments = timed(lambda: segment_block(Block(0, "paragraph", text, 1)))
    return {"chars": size, "segments": len(segments), "seconds_cpu": seconds["cpu"],
            "seconds_wall": seconds["wall"], "us_per_char_cpu": 1e6 * seconds["cpu"] / size}


def large_entry(root: Path, size: int) -> dict[str, Any]:
    """Read and write a catalog whose one entry holds ``size`` characters."""
    import polib

    from l10n.catalog import Catalog

    sentences = " ".join(workload.load_sentences())
    text = (sentences * (size // len(sentences) + 1))[:size]
    po = polib.POFile(wrapwidth=78)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko",
                   "Plural-Forms": "nplurals=1; plural=0;"}
    po.append(polib.POEntry(msgid=text, msgstr=text))
    root.mkdir(parents=True, exist_ok=True)
    path = root / f"large-{size}.po"
    po.save(str(path))
    read, catalog = timed(lambda: Catalog.read(path))
    catalog.set_translation(text, "X" + text[1:], reviewed=True)
    write, _ = timed(catalog.write)
    mb = size / 2**20
    figures = {"chars": size, "lines": path.read_text(encoding="utf-8").count("\n"),
               "read_cpu": read["cpu"], "read_wall": read["wall"], "write_cpu": write["cpu"],
               "write_wall": write["wall"],
               "ms_per_mb_cpu": 1e3 * (read["cpu"] + write["cpu"]) / mb}
    if size <= 4 * 2**20:  # polib alone: quadratic, minutes at 16 MB
        plain, _ = timed(lambda: polib.pofile(str(path)))
        figures["polib_cpu"] = plain["cpu"]
    path.unlink()
    return figures


def measure(quick: bool, say: Callable[[str], None]) -> dict[str, Any]:
    work = OUT / "work" / "scale"
    results: dict[str, Any] = {"articles": {}, "glossaries": {}, "paragraphs": {},
                               "entries": {}}
    for segments in (1000, 4000) if quick else (1000, 4000, 16000, 64000):
        say(f"one article of {segments} segments: segment, extract, translate, re-run ...")
        results["articles"][str(segments)] = one_article(work / "article", segments)
    for terms in (2500, 10000) if quick else (2500, 10000, 50000):
        say(f"a glossary of {terms} terms ...")
        results["glossaries"][str(terms)] = glossary(work / "glossary", terms)
    for size in (10_000, 100_000) if quick else (10_000, 100_000, 1_100_000):
        say(f"a paragraph of {size // 1000} KB ...")
        results["paragraphs"][str(size)] = paragraph(size)
    for mb in (1, 4) if quick else (1, 4, 16):
        say(f"a catalog entry of {mb} MB: read and written ...")
        results["entries"][str(mb)] = large_entry(work / "entry", mb * 2**20)
    shutil.rmtree(work, ignore_errors=True)
    return results


def report(r: dict[str, Any]) -> dict[str, bool]:
    """Print the tables; return the verdict of each target."""
    sizes = list(r["articles"])
    small, large = sizes[0], sizes[-1]
    verdicts: dict[str, bool] = {}
    print(f"\nOne article: ms per segment, CPU (wall) — target: {large}/{small} <= {FLAT}")
    print("  " + f"{'step':<10}" + "".join(f"{s:>18}" for s in sizes) + f"{'ratio':>10}")
    for step in ("segment", "extract", "translate", "rerun", "edited"):
        cells = [r["articles"][s][step] for s in sizes]
        ratio = cells[-1]["ms_per_segment_cpu"] / cells[0]["ms_per_segment_cpu"]
        verdicts[f"article_{step}"] = ratio <= FLAT
        print("  " + f"{step:<10}" + "".join(
            f"{c['ms_per_segment_cpu']:>9.3f} ({c['ms_per_segment_wall']:6.3f})" for c in cells)
              + f"{ratio:>9.2f}x {'PASS' if ratio <= FLAT else 'MISS'}")
    print("\nGlossary loading: seconds, CPU (wall); first: read, validated and indexed; "
          "then: from the state (every later command) — target: 50,000 terms < 2 s")
    for terms, g in r["glossaries"].items():
        note = ""
        if terms == "50000":
            verdicts["glossary_50k"] = g["state_cpu"] < 2
            note = "PASS" if verdicts["glossary_50k"] else "MISS"
        print(f"  {int(terms):>7,} terms  first {g['seconds_cpu']:6.2f} s "
              f"({g['seconds_wall']:6.2f} s)  then {g['state_cpu']:6.2f} s "
              f"({g['state_wall']:6.2f} s)  {1e6 * g['state_cpu'] / int(terms):6.1f} us per "
              f"term  {note}")
    paragraphs = list(r["paragraphs"].values())
    ratio = paragraphs[-1]["us_per_char_cpu"] / paragraphs[0]["us_per_char_cpu"]
    verdicts["paragraph"] = ratio <= FLAT
    print(f"\nOne long paragraph, segmented: seconds, CPU (wall) — target: us per character "
          f"flat, ratio <= {FLAT}")
    for p in paragraphs:
        print(f"  {p['chars'] / 1000:>7,.0f} KB  {p['segments']:>6} segments  "
              f"{p['seconds_cpu']:7.2f} s ({p['seconds_wall']:7.2f} s)  "
              f"{p['us_per_char_cpu']:6.1f} us per character")
    print(f"  ratio largest/smallest: {ratio:.2f}x {'PASS' if ratio <= FLAT else 'MISS'}")
    entries = r.get("entries", {})
    if entries:
        cells = list(entries.values())
        ratio = cells[-1]["ms_per_mb_cpu"] / cells[0]["ms_per_mb_cpu"]
        verdicts["large_entry"] = ratio <= FLAT
        print(f"\nOne large catalog entry, read and written: seconds, CPU (wall) — target: ms "
              f"per MB flat, ratio <= {FLAT}; polib alone beside it")
        for mb, e in entries.items():
            polib_figure = (f"  polib alone {e['polib_cpu']:6.2f} s" if "polib_cpu" in e
                            else "  polib alone (not run: minutes)")
            print(f"  {int(mb):>3} MB  {e['lines']:>7,} lines  read {e['read_cpu']:6.2f} s "
                  f"({e['read_wall']:6.2f} s)  write {e['write_cpu']:6.2f} s "
                  f"({e['write_wall']:6.2f} s)  {e['ms_per_mb_cpu']:7.0f} ms per MB"
                  + polib_figure)
        print(f"  ratio largest/smallest: {ratio:.2f}x {'PASS' if ratio <= FLAT else 'MISS'}")
    return verdicts


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="smaller sizes only (1k and 4k segments, 10k terms, 100 KB)")
    parser.add_argument("--out", type=Path, default=OUT / "scale.json")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    results = measure(args.quick, lambda text: print(text, flush=True))
    results["targets"] = report(results)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    print(f"  total: {results['total_seconds']:.0f} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.out}")
