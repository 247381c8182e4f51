"""The news part of ``python -m benchmarks.articles_real``: pages no rule was tuned on.

200 pages of L3S-GN1 (English news linked from Google News in 2008, 2010's boilerplate
benchmark; the manifest says which and why). Each page's assessed copy gives its **full
text** and its **supplemental** text (captions, datelines): recall = shared words / words
of the full text (the story, which a translator must get); precision = words read that
the assessors marked as the article's (full text or supplemental) / words read. Words
are counted as in :mod:`benchmarks.articles_real`. The same figures are printed for
trafilatura alone (``trafilatura.extract`` with its defaults, on the same decoded page),
and for the two halves: pages 1-100 by name may be opened to debug, 101-200 never are.
A set whose references also give their text without code (``fulltext_without_code``:
Readability's pages, whose references keep the code in ``<pre>`` that l10n never makes
segments of) gets a second recall figure against that text, the first kept as it is.
Files 201-400 (``news-late``) were added later and are never opened: each is unopened.
The references' mojibake (the dataset's copies were re-saved as UTF-8 and kept their old
charset declarations, as the pages did) is repaired as l10n repairs a page's
(:func:`l10n.articles.source.repair_mojibake`), so that a word counts as the author wrote
it on both sides.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from l10n.articles.source import repair_mojibake
from l10n.errors import ArticleError

OPENED = 100  # pages 1-100 by name may be opened; the rest never are

Score = tuple[float, float, str]


def _score(want: Counter[str], allowed: Counter[str], got: Counter[str], page_id: str) -> Score:
    recall = sum((want & got).values()) / max(1, sum(want.values()))
    precision = sum((allowed & got).values()) / max(1, sum(got.values()))
    return recall, precision, page_id


def news(folder: Path, words: Callable[[str], Counter[str]],
         read_text: Callable[[Path], str], summary: Callable[[str, list[Score]], None],
         trafilatura_too: bool = True, title: str = "news pages (L3S-GN1)",
         opened_count: int = OPENED) -> None:
    refs: dict[str, dict[str, str]] = json.loads((folder / "references.json").read_text("utf-8"))
    names = sorted(refs)
    opened = set(names[:opened_count])
    refused: list[str] = []
    ours: list[Score] = []
    prose: list[Score] = []  # against the reference without its code, when it says which
    theirs: list[Score] = []
    started = time.perf_counter()
    for page_id in names:
        ref = {key: repair_mojibake(text)[0] for key, text in refs[page_id].items()}
        want = words(ref["fulltext"])
        allowed = want + words(ref["supplemental"])
        try:
            got = words(read_text(folder / f"{page_id}.html"))
        except ArticleError as exc:
            refused.append(f"{page_id[:8]}: {exc.format_message()}")
            continue
        ours.append(_score(want, allowed, got, page_id))
        if "fulltext_without_code" in ref:
            prose.append(_score(words(ref["fulltext_without_code"]), allowed, got, page_id))
    seconds = time.perf_counter() - started
    print(f"{title}: {len(names)}, refused {len(refused)}, read in {seconds:.1f} s")
    for line in refused:
        print("  refused", line)
    summary("all news pages", ours)
    if prose:
        _code_left_out(prose)
    if opened:
        summary("opened (1-100)", [s for s in ours if s[2] in opened])
        summary("unopened (101-200)", [s for s in ours if s[2] not in opened])
    if trafilatura_too:
        for page_id in names:
            ref = {key: repair_mojibake(text)[0] for key, text in refs[page_id].items()}
            want = words(ref["fulltext"])
            theirs.append(_score(want, want + words(ref["supplemental"]),
                                 words(_trafilatura(folder / f"{page_id}.html")), page_id))
        summary("trafilatura alone, all news pages", theirs)
        read = {s[2] for s in ours}
        summary("trafilatura alone, the pages l10n read", [s for s in theirs if s[2] in read])


def _code_left_out(scores: list[Score]) -> None:
    """The second recall figure of a set whose references mark their code (Readability's
    pages: the text of ``<pre>`` and ``<code>``, which l10n keeps untranslated and never
    makes segments of, by design): recall against the reference without it."""
    recall = [r for r, _, _ in scores]
    print(f"    recall with the reference's code left out: mean "
          f"{sum(recall) / len(recall):.3f}  min {min(recall):.3f}  "
          f"pages under 0.97: {sum(r < 0.97 for r in recall)}")
    print("    lowest recall, code left out:",
          ", ".join(f"{p[:8]} {r:.2f}" for r, _, p in sorted(scores)[:5]))


def _trafilatura(path: Path) -> str:
    import trafilatura

    from l10n.articles.source import decode_html

    return trafilatura.extract(decode_html(path.read_bytes())) or ""
