"""``python -m benchmarks.review [--segments N] [--runs N] [--saves N]``: how fast the review
page is, measured in Debian's headless Chromium (Playwright) against a real server.

* **First paint**: an article of ``--segments`` (default 1,000) distinct sentences,
  machine-translated by the pseudo engine, opened in a new tab: the browser's
  ``first-contentful-paint`` (every entry is in the HTML, so it is the page), then the
  moment every entry's check findings are shown (fetched after the paint). "cold" is a
  fresh server (catalog parsed, checks run for the first time), "warm" a reload.
* **Save**: one accept (the ``fetch`` of ``/save``, as the page sends it, timed in the
  browser) on the seed article (13 entries) and on the big article: the median of
  ``--saves`` saves of different entries.

Targets (issues 18, 28): first paint under 1 s, a save under 100 ms, and a save in the
big catalog within 2x of one in the seed's (the ratio of the medians is printed). Figures
are printed as a table: the median of ``--runs`` runs (of ``--saves`` saves), and the best
one, which is the least disturbed by other work on a shared machine (the load average is
printed too).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.workload import load_sentences
from l10n.catalog import Catalog
from l10n.config import load_settings
from l10n.review.server import prepare
from l10n.review.view import entry_id
from l10n.workflow.translate import translate

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nvidia-korea-ai-alliance.txt"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OPENERS = ("", "Meanwhile, ", "Separately, ", "In other news, ", "Officials said that ")


def big_article(folder: Path, segments: int) -> Path:
    """A Markdown article of ``segments`` distinct sentences, five per paragraph."""
    base = load_sentences()
    sentences = []
    for opener in OPENERS:
        for s in base:
            sentences.append(opener + (s[0].lower() + s[1:] if opener else s))
    sentences = sentences[: segments - 1]
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    path = folder / "seeds" / "big.md"
    path.write_text("---\ntitle: A long wire story\n---\n\n" + "\n\n".join(paragraphs) + "\n",
                    encoding="utf-8")
    return path


def project(folder: Path, segments: int) -> Path:
    (folder / "seeds").mkdir(parents=True)
    shutil.copy(SEED, folder / "seeds" / SEED.name)
    shutil.copytree(ROOT / "glossaries", folder / "glossaries")
    (folder / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    big_article(folder, segments)
    translate(load_settings(cwd=folder), engine_name="pseudo")
    return folder


# the first contentful paint's time, once the browser has reported it (it may come after
# the page's own "checked" mark: reading the entry at once found none now and then)
PAINT = """() => new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no first-contentful-paint in 30 s')), 30000);
    new PerformanceObserver((list, observer) => {
        const [entry] = list.getEntriesByName('first-contentful-paint');
        if (entry) { observer.disconnect(); resolve(entry.startTime); }
    }).observe({type: 'paint', buffered: true});
})"""


def open_timed(browser: Any, url: str) -> tuple[float, float, int]:
    """(first contentful paint, findings shown, entries) in ms from navigation start."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector("main[data-checked]", timeout=120_000)
    checked = page.evaluate("performance.now()")
    paint = page.evaluate(PAINT)
    count = page.locator(".entry").count()
    page.close()
    return paint, checked, count


SAVE = """async ([id, text, version]) => {
  const token = document.querySelector('meta[name="l10n-token"]').content;
  const main = document.querySelector('main.article');
  const url = `/api/${main.dataset.lang}/${main.dataset.slug}/save`;
  const t0 = performance.now();
  const r = await fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json',
    'X-L10n-Token': token}, body: JSON.stringify({id, text, version, reviewed: true,
    force: true})});
  const data = await r.json();
  return [performance.now() - t0, data.status];
}"""


def save_times(browser: Any, url: str, catalog: Path, count: int) -> list[float]:
    page = browser.new_page()
    page.goto(url)
    times = []
    for entry in Catalog.read(catalog).entries()[1 : count + 1]:
        ms, status = page.evaluate(SAVE, [entry_id(entry.msgid), f"검토 {entry.line}",
                                          entry.version])
        assert status == "saved", status
        times.append(ms)
    page.close()
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = project(Path(tmp) / "project", args.segments)
        settings = load_settings(cwd=folder)
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        cold, warm, entries = [], [], 0
        for _ in range(args.runs):
            server = prepare(settings, port=0)
            with server.background():
                cold.append(open_timed(browser, f"{server.url}ko/big"))
                warm.append(open_timed(browser, f"{server.url}ko/big"))
                entries = cold[-1][2]
        saves: dict[str, list[float]] = {}
        server = prepare(settings, port=0)
        with server.background():
            server.session.warm()  # a reviewer saves after reading: the start-up work is done
            for slug in ("nvidia-korea-ai-alliance", "big"):
                saves[slug] = save_times(browser, f"{server.url}ko/{slug}",
                                         settings.catalog_path("ko", slug), args.saves)
        browser.close()

    def med(values: list[float]) -> str:  # the median, and the best run (least disturbed)
        return f"{statistics.median(values):7.0f} ms (best {min(values):.0f})"

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"review page, {entries} entries (median of {args.runs}; Chromium; {os.cpu_count()} "
          f"cores, load average {load})")
    print(f"  first paint, cold server     {med([c[0] for c in cold])}   target < 1000 ms")
    print(f"  first paint, reload          {med([w[0] for w in warm])}")
    print(f"  findings shown, cold server  {med([c[1] for c in cold])}")
    print(f"  findings shown, reload       {med([w[1] for w in warm])}")
    print(f"one save (accept), median of {args.saves}")
    print(f"  seed article (13 entries)    {med(saves['nvidia-korea-ai-alliance'])}"
          "   target < 100 ms")
    print(f"  big article ({entries} entries) {med(saves['big'])}")
    ratio = statistics.median(saves["big"]) / statistics.median(saves["nvidia-korea-ai-alliance"])
    print(f"  big / seed                   {ratio:7.2f}x          target <= 2x")


if __name__ == "__main__":
    main()
