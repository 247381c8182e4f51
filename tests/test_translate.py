"""`l10n translate` end to end through the real Argos/CTranslate2 path (copy models)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalog import MACHINE, REVIEWED, UNTRANSLATED, Catalog, Entry
from l10n.config import load_settings
from l10n.errors import LockedError, ModelError
from l10n.fsutil import project_lock
from l10n.workflow.translate import translate
from l10n.workflow.update import update
from tests.cli_helpers import run_l10n, snapshot

PO = Path("locales/ko/nvidia-korea-ai-alliance.po")


def _entries(project: Path, po: Path = PO) -> dict[str, Entry]:
    return {e.msgid: e for e in Catalog.read(project / po).entries()}


def test_cli_installs_a_model_file_and_translates(project: Path, en_ko_model: Path) -> None:
    done = run_l10n("models", "install", "--file", str(en_ko_model), cwd=project)
    assert done.returncode == 0, done.stderr
    done = run_l10n("translate", "--json", cwd=project)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)["languages"]["ko"]
    assert summary["machine"] == 13
    assert summary["untranslated"] == 0
    assert summary["engine"] == "argos"
    assert summary["glossary_misses"] == 0
    entries = Catalog.read(project / PO).entries()
    assert {e.state for e in entries} == {MACHINE}
    title = entries[0]
    assert title.fuzzy
    assert title.provenance is not None
    assert title.provenance.engine == "argos"
    assert "translate-en_ko" in title.provenance.model
    # the copy model copies; the glossary put the Korean terms in
    assert title.msgstr.startswith("엔비디아 Hails 한국 as Global AI Epicenter")
    assert [(t.source, t.status) for t in title.terms][:2] == [
        ("NVIDIA", "applied"),
        ("South Korea", "applied"),
    ]


def test_catalog_header_and_tools_accept_it(models_project: Path) -> None:
    translate(load_settings(cwd=models_project))
    path = models_project / PO
    header = Catalog.read(path).metadata
    assert header["Language"] == "ko"
    assert header["Plural-Forms"] == "nplurals=1; plural=0;"
    assert header["Language-Team"].startswith("Korean")
    assert header["Content-Type"] == "text/plain; charset=UTF-8"
    assert header["PO-Revision-Date"] and header["X-Generator"].startswith("l10n")
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    ours = [(e.msgid, e.msgstr, e.fuzzy, e.comments) for e in Catalog.read(path).entries()]
    plain = [
        (e.msgid, e.msgstr, "fuzzy" in e.flags, tuple(e.comment.splitlines()))
        for e in polib.pofile(str(path))
    ]
    assert plain == ours
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    babel = [(m.id, m.string, m.fuzzy, tuple(m.auto_comments)) for m in catalog if m.id]
    assert babel == ours


def test_korean_particles_are_repaired_after_terms(models_project: Path) -> None:
    article = models_project / "seeds" / "particles.md"
    article.write_text(
        "---\ntitle: Particles\n---\n\nBlackwell는 빠르다. NVIDIA을 보라.\n", encoding="utf-8"
    )
    translate(load_settings(cwd=models_project), [article])
    entries = Catalog.read(models_project / "locales/ko/particles.po").entries()
    texts = [e.msgstr for e in entries]
    assert "블랙웰은 빠르다." in texts
    assert "엔비디아를 보라." in texts


def test_several_languages_in_one_run(models_project: Path) -> None:
    report = translate(load_settings(cwd=models_project), langs=["ko", "es"])
    assert report.languages["ko"].machine == report.languages["es"].machine == 13
    es = _entries(models_project, Path("locales/es/nvidia-korea-ai-alliance.po"))
    assert any("milagro del río Han" in str(e.msgstr) for e in es.values())


def test_no_change_rerun_translates_nothing_and_touches_nothing(models_project: Path) -> None:
    settings = load_settings(cwd=models_project)
    first = translate(settings)
    assert first.model_loaded
    before = snapshot(models_project / "locales")
    again = translate(settings)
    assert not again.model_loaded
    assert again.languages["ko"].machine == 0
    assert snapshot(models_project / "locales") == before


def test_reviewed_and_edited_entries_are_never_replaced(models_project: Path) -> None:
    settings = load_settings(cwd=models_project)
    translate(settings)
    path = models_project / PO
    po = polib.pofile(str(path))
    reviewed, edited = po[0], po[1]
    reviewed.msgstr = "엔비디아, 한국을 세계 AI 중심지로 칭송"
    reviewed.flags.remove("fuzzy")  # what Poedit does on "needs work" off
    edited.msgstr = "페드로 에스피놀라 특파원"  # edited, still fuzzy
    po.save()
    (models_project / "seeds" / "nvidia-korea-ai-alliance.txt").write_text(
        (models_project / "seeds" / "nvidia-korea-ai-alliance.txt")
        .read_text(encoding="utf-8")
        .replace("Looking forward,", "Looking ahead,"),
        encoding="utf-8",
    )
    report = translate(settings)
    assert report.languages["ko"].machine == 1  # only the changed sentence
    entries = _entries(models_project)
    title = entries[reviewed.msgid]
    assert title.state == REVIEWED
    assert title.msgstr == "엔비디아, 한국을 세계 AI 중심지로 칭송"
    byline = entries[edited.msgid]
    assert byline.msgstr == "페드로 에스피놀라 특파원"
    assert byline.edited


def test_memory_reuses_reviewed_translations_across_articles(models_project: Path) -> None:
    settings = load_settings(cwd=models_project)
    first = models_project / "seeds" / "a.md"
    first.write_text("---\ntitle: First\n---\n\nThe market rose sharply today.\n", "utf-8")
    translate(settings, [first])
    po_path = models_project / "locales/ko/a.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = {"First": "첫째", "The market rose sharply today.": "오늘 시장이 급등했다."}[
            entry.msgid
        ]
        entry.flags = []
    po.save()
    second = models_project / "seeds" / "b.md"
    second.write_text(
        "---\ntitle: Second\n---\n\nThe market rose sharply today. The market rose sharply "
        "yesterday.\n",
        "utf-8",
    )
    report = translate(settings, [first, second])
    assert report.languages["ko"].memory_exact == 1
    assert report.languages["ko"].memory_fuzzy == 1
    entries = _entries(models_project, Path("locales/ko/b.po"))
    exact = entries["The market rose sharply today."]
    assert exact.msgstr == "오늘 시장이 급등했다."
    assert exact.fuzzy and exact.memory.startswith("100% from locales/ko/a.po")
    fuzzy = entries["The market rose sharply yesterday."]
    assert fuzzy.msgstr == "오늘 시장이 급등했다."
    assert "The market rose sharply today." in fuzzy.memory


def test_pseudo_engine_without_any_model(project: Path) -> None:
    report = translate(load_settings(cwd=project), engine_name="pseudo")
    assert report.languages["ko"].machine == 13
    title = next(iter(_entries(project).values()))
    assert "엔비디아" in title.msgstr
    assert title.msgstr.startswith("⟦")


def test_pseudo_output_is_replaced_by_a_real_engine(models_project: Path) -> None:
    settings = load_settings(cwd=models_project)
    translate(settings, engine_name="pseudo")
    report = translate(settings)
    assert report.languages["ko"].machine == 13
    assert all(e.provenance.engine == "argos" for e in Catalog.read(models_project / PO).entries())


def test_none_engine_leaves_hints_for_the_translator(project: Path) -> None:
    report = translate(load_settings(cwd=project), engine_name="none")
    entries = Catalog.read(project / PO).entries()
    assert {e.state for e in entries} == {UNTRANSLATED}
    notes = {(t.source, t.target, t.status) for e in entries for t in e.terms}
    assert ("Blackwell", "블랙웰", "hint") in notes
    with_hints = sum(1 for e in entries if e.terms)
    assert 0 < with_hints < len(entries) == 13  # not every sentence has a glossary term
    assert report.languages["ko"].hints == with_hints  # entries with hints, not all entries
    assert report.languages["ko"].untranslated == 13
    assert not report.model_loaded  # the none engine has no model
    again = run_l10n("translate", "--engine", "none", "--json", cwd=project)
    summary = json.loads(again.stdout)
    assert summary["model_loaded"] is False and summary["languages"]["ko"]["machine"] == 0
    assert summary["languages"]["ko"]["catalogs_written"] == []


def test_no_model_is_one_clear_line_and_nothing_written(project: Path) -> None:
    (project / "l10n.toml").write_text('targets = ["ko"]\nmodels = "empty"\n', "utf-8")
    with pytest.raises(ModelError):
        translate(load_settings(cwd=project))
    done = run_l10n("translate", cwd=project)
    assert done.returncode == 3
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "l10n models install" in lines[0] and "--file" in lines[0]
    assert "--engine pseudo" in lines[0]
    assert not (project / "locales").exists()


def test_second_run_at_once_stops_with_a_clear_message(project: Path) -> None:
    settings = load_settings(cwd=project)
    with project_lock(settings.state_dir):
        with pytest.raises(LockedError):
            update(settings)
        done = run_l10n("update", cwd=project)
    assert done.returncode == 4
    assert "another l10n run" in done.stderr


def test_broken_catalog_is_left_exactly_as_it_was(project: Path) -> None:
    settings = load_settings(cwd=project)
    update(settings)
    path = project / PO
    broken = path.read_text("utf-8").replace('msgid "Pedro', 'msgid Pedro"', 1)
    path.write_text(broken, "utf-8")
    before = path.stat().st_mtime_ns
    done = run_l10n("translate", "--engine", "pseudo", cwd=project)
    assert done.returncode == 2
    assert str(PO) in done.stderr and ":" in done.stderr
    assert path.read_text("utf-8") == broken
    assert path.stat().st_mtime_ns == before


def test_progress_reports_every_language_up_to_its_total(models_project: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    translate(
        load_settings(cwd=models_project),
        langs=["ko", "es"],
        progress=lambda lang, done, total: calls.append((lang, done, total)),
    )
    for lang in ("ko", "es"):
        mine = [(done, total) for name, done, total in calls if name == lang]
        assert mine[0] == (0, 13)
        assert mine[-1] == (13, 13)
        assert [d for d, _ in mine] == sorted(d for d, _ in mine)
        assert len(mine) > 2  # the engine reports as segments finish, not only at the end
