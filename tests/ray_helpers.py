"""Projects for the runner tests: many articles, two languages, glossary terms."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path
from typing import Any

from benchmarks.workload import load_sentences
from l10n.catalog import Catalog
from l10n.workflow.update import RunReport
from tests.conftest import ROOT, SEED

DATES = re.compile(r'^"(PO-Revision-Date|POT-Creation-Date): .*\\n"$', re.MULTILINE)


def make_project(
    root: Path, *, articles: int = 6, sentences: int = 12, models: Path | None = None,
    config: str = "", poison: str = "",
) -> Path:
    """The seed article (glossary terms, markup-free news) and ``articles`` Markdown
    articles of ``sentences`` benchmark sentences each, into ko and es; ``poison`` ends
    the last article."""
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED, root / "seeds" / SEED.name)
    shutil.copytree(ROOT / "glossaries", root / "glossaries")
    pool = load_sentences()
    for a in range(articles):
        body = [pool[(a * sentences + k) % len(pool)] for k in range(sentences)]
        if poison and a == articles - 1:
            body.append(poison)
        text = "\n\n".join(body)
        (root / "seeds" / f"story-{a:03d}.md").write_text(
            f"---\ntitle: Story number {a}\n---\n\n{text}\n", encoding="utf-8")
    lines = ['source = "en"', 'targets = ["ko", "es"]']
    if models is not None:
        lines.append(f"models = {json.dumps(str(models))}")
    (root / "l10n.toml").write_text("\n".join(lines) + "\n" + config, encoding="utf-8")
    return root


def catalogs(project: Path) -> dict[str, str]:
    """Every catalog's text, the date headers (minutes of the clock) left out."""
    return {
        path.relative_to(project).as_posix(): DATES.sub("<date>", path.read_text("utf-8"))
        for path in sorted((project / "locales").glob("*/*.po"))
    }


def translated(project: Path) -> tuple[int, int]:
    """(entries with a translation, entries) over every catalog; each catalog parses."""
    done = total = 0
    for path in sorted((project / "locales").glob("*/*.po")):
        for entry in Catalog.read(path).entries():
            total += 1
            done += bool(entry.msgstr)
    return done, total


def summary(report: RunReport) -> dict[str, Any]:
    """The run's --json summary without the clock (seconds)."""
    data = dataclasses.asdict(report)
    for item in data["languages"].values():
        item.pop("seconds")
    return data


def pids(notices: list[str]) -> list[int]:
    """The worker pids a ray run's notice names."""
    for line in notices:
        found = re.search(r"pids ([\d, ]+)\)", line)
        if found:
            return [int(p) for p in found.group(1).split(", ")]
    raise AssertionError(f"no worker pids in {notices}")
