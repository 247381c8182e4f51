"""``l10n glossary`` commands, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.cli import main

BROKEN = '[[term]]\nsource = "Blackwell"\nnote = "no target"\n'


def run(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        *args: str) -> tuple[int, str, str]:
    """Run ``l10n ARGS`` in ``project`` through the real entry point: (exit code, out, err)."""
    monkeypatch.chdir(project)
    monkeypatch.setattr(sys, "argv", ["l10n", *args])
    monkeypatch.setenv("COLUMNS", "200")
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_passes_on_the_shipped_glossary(project: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(project, monkeypatch, capsys, "glossary", "check")
    assert (code, err) == (0, "") and "OK" in out


def test_check_reports_every_problem_and_exits_2(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "glossaries" / "broken.toml").write_text(BROKEN + 'keep = "no"\n', "utf-8")
    (project / "glossaries" / "empty.toml").write_text("", "utf-8")
    code, out, err = run(project, monkeypatch, capsys, "glossary", "check")
    assert code == 2
    assert "glossaries/broken.toml:4: 'keep' must be true or false" in err
    assert "glossaries/empty.toml:1: empty glossary file" in err
    code, out, _ = run(project, monkeypatch, capsys, "glossary", "check", "--json")
    problems = json.loads(out)
    assert code == 2 and {(Path(p["path"]).name, p["line"]) for p in problems} == {
        ("broken.toml", 4), ("empty.toml", 1)}


def test_other_commands_refuse_a_broken_glossary(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "glossaries" / "broken.toml").write_text(BROKEN, "utf-8")
    code, out, err = run(project, monkeypatch, capsys, "glossary", "list")
    assert code == 2 and out == ""
    assert "Error: glossaries/broken.toml:1: term 'Blackwell' has no target" in err


def test_list_json_and_table(project: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(project, monkeypatch, capsys, "glossary", "list", "--lang", "ko", "--json")
    terms = {t["source"]: t for t in json.loads(out)}
    assert code == 0
    assert terms["Naver Cloud"]["targets"] == {"ko": "네이버클라우드"}
    assert terms["LG"]["keep"] is True and terms["LG"]["readings"] == {"ko": "엘지"}
    assert terms["PC Bang"]["variants"] == ["PC bang", "PC bangs"]
    code, out, _ = run(project, monkeypatch, capsys, "glossary", "list", "--lang", "ja")
    assert code == 0 and "サムスン電子" in out and "삼성전자" not in out


def test_find_previews_the_seed_article(project: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    seed = next((project / "seeds").iterdir())
    code, out, _ = run(project, monkeypatch, capsys, "glossary", "find", str(seed),
                       "--lang", "ko", "--json")
    assert code == 0
    segments = json.loads(out)
    found = [(t["source"], t["targets"]["ko"]) for s in segments for t in s["terms"]]
    assert ("Naver Cloud", "네이버클라우드") in found and ("PC Bang", "PC방") in found
    for segment in segments:
        for term in segment["terms"]:
            assert segment["text"][term["start"]:term["end"]] == term["text"]
    assert all("WEEKLY HOT" not in s["text"] for s in segments)  # site furniture is not read
    code, out, _ = run(project, monkeypatch, capsys, "glossary", "find", str(seed))
    assert code == 0 and "Miracle on the Han River" in out and "한강의 기적" in out


def test_export_and_import(project: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(project, monkeypatch, capsys, "glossary", "export", "--format", "csv")
    assert code == 0 and "Samsung Electronics,삼성전자\n" in out  # config targets = ["ko"]
    code, _, _ = run(project, monkeypatch, capsys, "glossary", "export", "-o", "all.tbx")
    assert code == 0 and "<conceptEntry" in (project / "all.tbx").read_text("utf-8")
    (project / "new.csv").write_text("source,target\nDGX Spark,DGX 스파크\n", "utf-8")
    code, out, err = run(project, monkeypatch, capsys, "glossary", "import", "new.csv")
    assert code == 0, err
    assert 'source = "DGX Spark"' in (project / "glossaries" / "imported.toml").read_text("utf-8")
    code, _, err = run(project, monkeypatch, capsys, "glossary", "import", "new.csv")
    assert code == 2 and "already exists" in err and "--force" in err


@pytest.mark.slow
def test_real_cli_exits_2_with_path_and_line(project: Path) -> None:
    (project / "glossaries" / "broken.toml").write_text(BROKEN, "utf-8")
    result = subprocess.run([sys.executable, "-m", "l10n", "glossary", "check"], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "glossaries/broken.toml:1: term 'Blackwell' has no target" in result.stderr
