"""Extraction: articles -> templates (POT), golden, deterministic, msgfmt-clean."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from l10n.catalog import Catalog
from l10n.config import load_settings
from l10n.workflow.extract import extract
from tests.cli_helpers import run_l10n, snapshot
from tests.conftest import DATA

GOLDEN = DATA / "golden" / "seed.pot"
DATE = re.compile(r'^"POT-Creation-Date: .*\\n"$', re.MULTILINE)


def _normalise(text: str) -> str:
    return DATE.sub('"POT-Creation-Date: <date>\\\\n"', text)


def test_seed_template_matches_golden(project: Path) -> None:
    (result,) = extract(load_settings(cwd=project))
    assert result.written
    assert result.path == project / "locales/templates/nvidia-korea-ai-alliance.pot"
    text = result.path.read_text(encoding="utf-8")
    assert _normalise(text) == GOLDEN.read_text(encoding="utf-8")


def test_header_is_complete(project: Path) -> None:
    (result,) = extract(load_settings(cwd=project))
    header = Catalog.read(result.path).metadata
    for key in (
        "Project-Id-Version",
        "POT-Creation-Date",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "X-Generator",
    ):
        assert header[key], key
    assert header["Content-Type"] == "text/plain; charset=UTF-8"


def test_identical_sentences_merge_with_all_references(project: Path) -> None:
    article = project / "seeds" / "repeat.md"
    article.write_text(
        "---\ntitle: Repeats\n---\n\nSame sentence here. Another one.\n\nSame sentence here.\n",
        encoding="utf-8",
    )
    results = extract(load_settings(cwd=project), [article])
    entries = Catalog.read(results[0].path).entries()
    same = [e for e in entries if e.msgid == "Same sentence here."]
    assert len(same) == 1
    assert same[0].references == ("seeds/repeat.md:5", "seeds/repeat.md:7")
    assert same[0].comments == ("paragraph 1", "paragraph 2")


def test_second_run_leaves_files_byte_identical(project: Path) -> None:
    settings = load_settings(cwd=project)
    extract(settings)
    before = snapshot(project / "locales")
    (result,) = extract(settings)
    assert not result.written
    assert snapshot(project / "locales") == before


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_msgfmt_accepts_template(project: Path) -> None:
    (result,) = extract(load_settings(cwd=project))
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(result.path)], check=True)


def test_cli_extract_all_articles(project: Path) -> None:
    done = run_l10n("extract", "--json", cwd=project)
    assert done.returncode == 0, done.stderr
    assert '"entries": 13' in done.stdout
    assert (project / "locales/templates/nvidia-korea-ai-alliance.pot").is_file()


def test_cli_extract_json_paths_are_the_project_s_like_check_s(project: Path) -> None:
    """extract --json printed absolute paths where check --json prints them relative to
    the project root: both now say seeds/... and locales/..., from any folder."""
    import json

    (project / "seeds" / "deep").mkdir()
    done = run_l10n("extract", "--json", cwd=project / "seeds" / "deep")
    assert done.returncode == 0, done.stderr
    (item,) = json.loads(done.stdout)
    assert item["article"] == "seeds/nvidia-korea-ai-alliance.txt"
    assert item["template"] == "locales/templates/nvidia-korea-ai-alliance.pot"
    text = run_l10n("extract", cwd=project / "seeds").stdout
    assert text.startswith("locales/templates/nvidia-korea-ai-alliance.pot: 13 entries")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "not found"),
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"title\x00\x01\x02\nby\n", "binary"),
        (
            "latin1.txt",
            "Título\nby\nx@y.z | 2025-01-01 00:00:00\nCafé\n".encode("latin-1"),
            "UTF-8",
        ),
        ("broken.md", b"---\ntitle: [unclosed\n---\nBody.\n", "front matter"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    project: Path, name: str, content: bytes | None, message: str
) -> None:
    path = project / "seeds" / name
    if content is not None:
        path.write_bytes(content)
    done = run_l10n("extract", str(path.relative_to(project)), cwd=project)
    assert done.returncode == 2
    assert name in done.stderr
    assert message.lower() in done.stderr.lower()
    assert done.stderr.startswith("Error: ")
    assert "Traceback" not in done.stderr
    assert not (project / "locales").exists()


def test_one_bad_article_is_reported_and_the_others_extracted(project: Path) -> None:
    (project / "seeds" / "aa-empty.txt").write_text("", encoding="utf-8")
    done = run_l10n("extract", cwd=project)
    assert done.returncode == 2
    assert "Error: " in done.stderr and "aa-empty.txt" in done.stderr
    assert (project / "locales" / "templates" / "nvidia-korea-ai-alliance.pot").is_file()
    assert not (project / "locales" / "templates" / "aa-empty.pot").exists()
