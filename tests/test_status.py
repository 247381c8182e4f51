"""Review progress per language and article: counts per state, words, totals, missing catalogs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from l10n.catalog import Catalog
from l10n.catalog.counts import count_words
from l10n.config import load_settings
from l10n.workflow.status import status
from tests.cli_helpers import run_l10n
from tests.conftest import DATA, ROOT

SEED_PO = DATA / "checks" / "nvidia-korea-ai-alliance.ko.po"
SLUG = "nvidia-korea-ai-alliance"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "glossaries", tmp_path / "glossaries")
    (tmp_path / "l10n.toml").write_text('targets = ["ko", "ja"]\n', encoding="utf-8")
    (tmp_path / "locales" / "ko").mkdir(parents=True)
    shutil.copy(SEED_PO, tmp_path / "locales" / "ko" / f"{SLUG}.po")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _expected_counts() -> dict[str, int]:
    """The seed catalog's states, counted independently of the status code."""
    catalog = Catalog.read(SEED_PO)
    states = [entry.state for entry in catalog.entries(obsolete=True)]
    return {state: states.count(state) for state in set(states)}


def test_counts_per_state(project: Path) -> None:
    report = status(load_settings(cwd=project), langs=["ko"])
    [row] = report.rows
    counts = _expected_counts()
    assert counts == {"reviewed": 8, "machine": 2, "fuzzy": 1, "untranslated": 2, "obsolete": 1}
    assert (row.lang, row.article, row.exists) == ("ko", SLUG, True)
    assert (row.entries, row.reviewed, row.machine, row.fuzzy, row.untranslated, row.obsolete) == (
        13, 8, 2, 1, 2, 1,
    )
    assert row.percent_reviewed == round(100 * 8 / 13, 1) == 61.5
    words = sum(count_words(e.msgid) for e in Catalog.read(SEED_PO).entries())
    assert row.words == words > 250
    [total] = report.totals
    assert (total.lang, total.entries, total.reviewed, total.words) == ("ko", 13, 8, words)


def test_missing_catalog_counts_the_template_as_untranslated(project: Path) -> None:
    settings = load_settings(cwd=project)
    # No template yet: the article is segmented in memory.
    report = status(settings, langs=["ja"])
    [row] = report.rows
    assert (row.exists, row.entries, row.untranslated, row.reviewed) == (False, 13, 13, 0)
    assert row.percent_reviewed == 0.0
    # With a template, its entries are what counts.
    from l10n.workflow.extract import extract

    [extracted] = extract(settings)
    assert status(settings, langs=["ja"]).rows[0].entries == extracted.entries == 13


def test_totals_add_up_over_articles(project: Path) -> None:
    second = project / "seeds" / "second.md"
    second.write_text("---\ntitle: Second\n---\n\nOne sentence here. Another one.\n",
                      encoding="utf-8")
    report = status(load_settings(cwd=project))
    assert [(r.lang, r.article) for r in report.rows] == [
        ("ko", SLUG), ("ko", "second"), ("ja", SLUG), ("ja", "second"),
    ]
    for total in report.totals:
        rows = [r for r in report.rows if r.lang == total.lang]
        assert total.entries == sum(r.entries for r in rows)
        assert total.untranslated == sum(r.untranslated for r in rows)
        assert total.words == sum(r.words for r in rows)
    ko_total = report.totals[0]
    assert ko_total.percent_reviewed == round(100 * 8 / ko_total.entries, 1)


def test_only_named_articles(project: Path) -> None:
    report = status(load_settings(cwd=project), [project / "seeds" / f"{SLUG}.txt"], ["ko"])
    assert [r.article for r in report.rows] == [SLUG]


@pytest.mark.slow
def test_cli_status_json_and_table(project: Path) -> None:
    result = run_l10n("status", "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    ko = data["articles"][0]
    assert {k: ko[k] for k in ("lang", "article", "reviewed", "machine", "fuzzy",
                               "untranslated", "obsolete", "percent_reviewed")} == {
        "lang": "ko", "article": SLUG, "reviewed": 8, "machine": 2, "fuzzy": 1,
        "untranslated": 2, "obsolete": 1, "percent_reviewed": 61.5,
    }
    assert ko["percent_source_text"] == 38.5  # what a reviewed-only build shows in English
    assert [t["lang"] for t in data["totals"]] == ["ko", "ja"]
    assert data["articles"][1]["exists"] is False

    table = run_l10n("status", "--lang", "ko", cwd=project)
    assert table.returncode == 0
    assert SLUG in table.stdout and "61.5" in table.stdout and "total" in table.stdout

    (project / "locales" / "ko" / f"{SLUG}.po").write_text("msgid \"x\nbroken\n", encoding="utf-8")
    broken = run_l10n("status", cwd=project)
    assert broken.returncode == 2
    assert broken.stderr.startswith("Error: ")


def test_errors_are_the_checks_errors_less_those_an_entry_ignores(project: Path) -> None:
    from l10n.workflow.qa import check_project

    settings = load_settings(cwd=project)
    errors = [f for f in check_project(settings, langs=["ko"]).findings if f.severity == "error"]
    [row] = status(settings, langs=["ko"]).rows
    assert row.errors == len(errors) > 3
    assert status(settings, langs=["ko"]).totals[0].errors == row.errors

    catalog = project / "locales" / "ko" / f"{SLUG}.po"
    numbers = [f for f in errors if f.check == "numbers"]
    lines = catalog.read_text(encoding="utf-8").split("\n")
    for line in sorted({f.line for f in numbers}, reverse=True):  # entries start at f.line
        lines.insert(line - 1, "#, ignore-numbers")
    catalog.write_text("\n".join(lines), encoding="utf-8")
    [row] = status(settings, langs=["ko"]).rows
    assert row.errors == len(errors) - len(numbers)


def test_an_archive_status_is_written_as_plain_columns_holding_the_same_figures(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Past RICH_ROWS rows the table is plain aligned text (rich took seconds per thousand
    rows): one line per catalog with the JSON's figures, each language ending in its total."""
    import l10n.cli.check as cli_check

    report = status(load_settings(cwd=project))
    monkeypatch.setattr(cli_check, "RICH_ROWS", 1)
    cli_check._print_status(report)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Translation status (2 catalogs)"
    assert lines[1].split() == ["lang", "article", "entries", "reviewed", "machine", "fuzzy",
                                "untranslated", "obsolete", "words", "errors", "%", "reviewed"]
    rows = [line.split() for line in lines[2:] if line]
    ko = next(row for row in rows if row[:2] == ["ko", SLUG])
    expected = report.rows[0]
    assert ko[2:] == [str(getattr(expected, name)) for name in (
        "entries", "reviewed", "machine", "fuzzy", "untranslated", "obsolete", "words",
        "errors")] + ["61.5"]
    assert [row[1] for row in rows if row[1] == "total"] == ["total", "total"]
    assert rows[2][:4] == ["ja", SLUG, "(no", "catalog)"]
    assert len({len(line) for line in lines[1:3]}) == 1  # aligned
