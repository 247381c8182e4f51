"""A generated newsroom archive: ``count`` news-length articles of distinct sentences.

Each article is a plain-text news dump like ``seeds/`` has (title, byline, ``contact |
date``, then paragraphs): 24 sentences in 6 paragraphs, about 600 words. Sentence ``k``
of the archive is a base sentence of ``sentences.txt`` (``k % 329``) under one of 900
openers (an opening phrase and a city), so no two sentences of an archive of up to
11,000 articles are the same and the memory cannot make later articles cheaper than
the first. The project translates into Korean and Spanish with the pseudo engine (no
model: what is measured is l10n's own work), under the repository's glossary.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.workload import load_sentences

ROOT = Path(__file__).resolve().parent.parent
SENTENCES_PER_ARTICLE = 24
PER_PARAGRAPH = 4
OPENERS = (
    "Speaking in", "Reporting from", "According to officials in", "In a statement issued in",
    "At a briefing in", "Analysts based in", "Sources in", "During a visit to",
    "At an event in", "In remarks delivered in", "Executives meeting in", "Observers in",
    "At a forum held in", "In an interview in", "Regulators in", "At a hearing in",
    "Industry groups in", "On a trip to", "Investors gathered in", "Officials visiting",
    "At a conference in", "In a filing made in", "Market watchers in", "Diplomats in",
    "At talks in", "Economists in", "Union leaders in", "At a summit in", "Lawmakers in",
    "At a press event in",
)
CITIES = (
    "Seoul", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan", "Suwon", "Tokyo",
    "Osaka", "Beijing", "Shanghai", "Shenzhen", "Taipei", "Singapore", "Jakarta", "Hanoi",
    "Bangkok", "Manila", "Sydney", "Mumbai", "Dubai", "Berlin", "Paris", "London", "Madrid",
    "Brussels", "Washington", "New York", "Toronto",
)
FIRST_WORDS = ("The ", "A ", "An ", "It ", "Its ", "Their ", "This ", "That ", "Some ", "Most ")


def sentence(k: int, base: list[str]) -> str:
    """The ``k``-th sentence of the archive: distinct for every ``k`` below 900 x 329."""
    text = base[k % len(base)]
    variant = k // len(base)
    opener = OPENERS[variant % len(OPENERS)]
    city = CITIES[(variant // len(OPENERS)) % len(CITIES)]
    if text.startswith(FIRST_WORDS):
        text = text[0].lower() + text[1:]
    return f"{opener} {city}, {text}"


def article_text(number: int, base: list[str]) -> str:
    """A news dump: title, byline, ``contact | date``, six paragraphs."""
    first = number * SENTENCES_PER_ARTICLE
    sentences = [sentence(first + i, base) for i in range(SENTENCES_PER_ARTICLE)]
    words = base[number % len(base)].rstrip(".").split()[:8]
    title = f"{' '.join(words)}: report {number + 1}"
    when = datetime(2020, 1, 1, 6, 0) + timedelta(hours=7 * number)
    paragraphs = [" ".join(sentences[i : i + PER_PARAGRAPH])
                  for i in range(0, len(sentences), PER_PARAGRAPH)]
    header = [title, "Staff Reporter", f"desk@example.com | {when:%Y-%m-%d %H:%M:%S}"]
    return "\n".join(header + paragraphs) + "\n"


def slug(number: int) -> str:
    return f"story-{number + 1:05d}"


def make_archive(root: Path, count: int, *, targets: tuple[str, ...] = ("ko", "es")) -> Path:
    """A fresh project of ``count`` articles in ``root`` (removed first); returns root."""
    if count * SENTENCES_PER_ARTICLE > len(OPENERS) * len(CITIES) * 329:
        raise ValueError(f"at most {len(OPENERS) * len(CITIES) * 329 // 24} articles")
    if root.exists():
        shutil.rmtree(root)
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    base = load_sentences()
    for number in range(count):
        (seeds / f"{slug(number)}.txt").write_text(article_text(number, base), encoding="utf-8")
    shutil.copytree(ROOT / "glossaries", root / "glossaries")
    languages = ", ".join(f'"{lang}"' for lang in targets)
    (root / "l10n.toml").write_text(
        f'source = "en"\ntargets = [{languages}]\nengine = "pseudo"\n', encoding="utf-8")
    return root


def edit_article(root: Path, number: int, mark: str = "updated") -> Path:
    """Change one sentence of article ``number`` (as an editor would); its path."""
    path = root / "seeds" / f"{slug(number)}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3].replace(", ", f", in an {mark} version, ", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
