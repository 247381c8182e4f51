"""``python -m benchmarks.site_outputs [--articles 10000] [--work DIR]``: what a site's
outputs cost on a newsroom archive (issue 27).

A generated archive (:mod:`benchmarks.archive`, Korean and Spanish by the pseudo engine;
made and translated first unless ``--work`` already holds one) is built as a user builds
it, each command a process of its own:

* ``build --include-machine --site-url URL --out build-site``: pages, sitemaps, feeds,
  JSON-LD, canonical links; first, then with nothing changed (nothing may be rewritten);
* one article edited, then built by name (``l10n build seeds/ONE.txt``): its pages, and
  sitemaps and feeds that still list every article of the folder;
* ``build --include-machine --format hugo --out build-hugo``: first, then no change;
* ``hugo`` (Debian's) on that tree, when it is installed.

Printed: wall time, CPU time, peak RSS and the files written of each; the cost per
article of the first builds; the no-change builds over the first; the Hugo build over
the site build; the sizes of the site files. Run it on a quiet machine, once; the
figures are for the README (no timed assertion anywhere).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.archive import edit_article, make_archive, slug

OUT = Path(__file__).resolve().parent / "out"
SITE = ["build", "--include-machine", "--site-url", "https://news.example.com/",
        "--out", "build-site"]
HUGO = ["build", "--include-machine", "--format", "hugo", "--out", "build-hugo"]
_WRITTEN = re.compile(r"(\d+) files? written")


def run(project: Path, command: list[str]) -> dict[str, Any]:
    """Seconds, CPU seconds, peak RSS (MB) and files written of ``command`` (a process
    of its own, its output kept in a temporary file: an archive's output is large)."""
    env = {name: value for name, value in os.environ.items()
           if name != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, stdout=output, stderr=subprocess.STDOUT,
                                 env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{text[-3000:]}")
    found = _WRITTEN.search(text)
    return {"seconds": round(seconds, 2), "cpu": round(usage.ru_utime + usage.ru_stime, 2),
            "rss_mb": round(usage.ru_maxrss / 1024, 1),
            "written": int(found[1]) if found else None}


def l10n(*args: str) -> list[str]:
    return [sys.executable, "-m", "l10n", *args]


def project_of(work: Path, count: int, say: Any) -> Path:
    """The archive in ``work`` (made and translated when it has no catalogs yet)."""
    if (work / "locales").is_dir() and (work / "seeds" / f"{slug(count - 1)}.txt").is_file():
        return work
    make_archive(work, count)
    say(f"  translate (first): {run(work, l10n('translate'))}")
    return work


def measure(project: Path, say: Any) -> dict[str, Any]:
    for folder in ("build-site", "build-hugo", "hugo-public"):
        shutil.rmtree(project / folder, ignore_errors=True)
    figures: dict[str, Any] = {}

    def step(name: str, command: list[str]) -> None:
        figures[name] = found = run(project, command)
        say(f"  {name:<26} {found['seconds']:9.2f} s  CPU {found['cpu']:9.2f} s  "
            f"{found['rss_mb']:7.1f} MB  written {found['written']}")

    step("site first", l10n(*SITE))
    step("site no change", l10n(*SITE))
    edited = edit_article(project, len(list((project / "seeds").iterdir())) // 2,
                          mark=f"updated {time.time_ns()}")
    step("site one changed, by name", l10n(*SITE, str(edited.relative_to(project))))
    step("site no change, again", l10n(*SITE))
    step("hugo tree first", l10n(*HUGO))
    step("hugo tree no change", l10n(*HUGO))
    if shutil.which("hugo"):
        step("hugo (the generator)", ["hugo", "--quiet", "--source", "build-hugo",
                                      "--destination", str(project / "hugo-public")])
    sizes = {name: (project / "build-site" / name).stat().st_size
             for name in ("sitemap.xml", "news-sitemap.xml", "en/feed.xml", ".l10n-articles.jsonl")
             if (project / "build-site" / name).is_file()}
    parts = sorted(p.name for p in (project / "build-site").glob("sitemap-*.xml"))
    figures["sizes"] = {**sizes, "sitemap parts": parts}
    say(f"  site files (bytes): {sizes}; sitemap parts: {parts}")
    return figures


def ratios(figures: dict[str, Any], count: int, say: Any) -> dict[str, Any]:
    site, hugo = figures["site first"], figures["hugo tree first"]
    facts = {
        "site first, CPU ms per article": round(1000 * site["cpu"] / count, 2),
        "hugo tree first, CPU ms per article": round(1000 * hugo["cpu"] / count, 2),
        "site no change / first (CPU)": round(figures["site no change"]["cpu"] / site["cpu"], 4),
        "hugo no change / first (CPU)": round(
            figures["hugo tree no change"]["cpu"] / hugo["cpu"], 4),
        "one changed by name / no change (CPU)": round(
            figures["site one changed, by name"]["cpu"] / figures["site no change"]["cpu"], 2),
        "hugo tree / site, first (CPU)": round(hugo["cpu"] / site["cpu"], 2),
        "files rewritten with no change (site, hugo)": [
            figures["site no change"]["written"], figures["hugo tree no change"]["written"]],
    }
    if "hugo (the generator)" in figures:
        facts["hugo generator, ms per page"] = round(
            1000 * figures["hugo (the generator)"]["seconds"] / (3 * count), 3)
    for name, value in facts.items():
        say(f"  {name}: {value}")
    return facts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.site_outputs",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=None,
                        help="the archive's folder (default benchmarks/out/site-N); one "
                        "already translated there is used as it is")
    parser.add_argument("--out", type=Path, default=OUT / "site_outputs.json")
    args = parser.parse_args(argv)

    def say(text: str) -> None:
        print(text, flush=True)

    say(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores, "
        f"{args.articles} articles")
    project = project_of(args.work or OUT / f"site-{args.articles}", args.articles, say)
    figures = measure(project, say)
    figures["ratios"] = ratios(figures, args.articles, say)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    say(f"figures in {args.out}")


if __name__ == "__main__":
    main()
