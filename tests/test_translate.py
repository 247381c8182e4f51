"""`l10n translate` end to end through the real Argos/CTranslate2 path (copy models)."""

from __future__ import annotations

import json
import os
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


# ---------------------------------------------------------------- issue 14: integrity
SEED_PATH = Path("seeds/nvidia-korea-ai-alliance.txt")


def _edit_seed(project: Path, old: str, new: str) -> None:
    path = project / SEED_PATH
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _memory_pairs(project: Path, kind: str = REVIEWED) -> set[tuple[str, str]]:
    from l10n.memory import Memory

    with Memory.open(project / ".l10n/memory.sqlite") as memory:
        return {(u.source_text, u.target_text) for u in memory.units() if u.kind == kind}


def test_accepted_machine_output_survives_a_changed_sentence(models_project: Path) -> None:
    """Item 1: accept the engine's output unchanged (remove fuzzy), edit the sentence,
    translate again: the reviewed text stays, fuzzy with its previous msgid, never
    replaced by new machine output, and it is in the memory."""
    settings = load_settings(cwd=models_project)
    translate(settings)
    path = models_project / PO
    po = polib.pofile(str(path))
    accepted = next(e for e in po if e.msgid.startswith("Looking forward,"))
    accepted.flags.remove("fuzzy")  # accepted as it is: msgstr still matches its sha
    po.save()
    assert _entries(models_project)[accepted.msgid].state == REVIEWED
    _edit_seed(models_project, "Looking forward,", "Looking ahead,")
    report = translate(settings)
    assert report.languages["ko"].machine == 0
    entries = Catalog.read(path).entries()
    carried = next(e for e in entries if e.msgid.startswith("Looking ahead,"))
    assert carried.msgstr == accepted.msgstr
    assert carried.fuzzy and carried.previous_msgid == accepted.msgid
    assert not carried.is_machine
    assert (accepted.msgid, accepted.msgstr) in _memory_pairs(models_project)
    # and again: a second run does not replace it either
    translate(settings)
    again = next(e for e in Catalog.read(path).entries() if e.msgid == carried.msgid)
    assert again.msgstr == accepted.msgstr and again.previous_msgid == accepted.msgid


def test_reviewed_entries_reach_the_memory_before_the_merge_moves_them(
    models_project: Path,
) -> None:
    """Item 2: reviewed in a PO editor, then the sentences are deleted or rewritten and
    `translate` runs: every reviewed translation is in the memory, and the same sentence
    in another article is an exact match."""
    settings = load_settings(cwd=models_project)
    translate(settings)
    path = models_project / PO
    po = polib.pofile(str(path))
    reviewed = {}
    for entry in po:
        if entry.msgid.startswith(("Looking forward,", "It highlights", "The video concludes")):
            entry.msgstr = f"검토된 번역 {len(reviewed)}"
            entry.flags.remove("fuzzy")
            reviewed[entry.msgid] = entry.msgstr
    po.save()
    assert len(reviewed) == 3
    text = (models_project / SEED_PATH).read_text(encoding="utf-8")
    for msgid in reviewed:
        text = text.replace(msgid, "")
    (models_project / SEED_PATH).write_text(text, encoding="utf-8")
    translate(settings)
    assert set(reviewed.items()) <= _memory_pairs(models_project)
    other = models_project / "seeds" / "other.md"
    other.write_text(f"---\ntitle: Other\n---\n\n{next(iter(reviewed))}\n", "utf-8")
    report = translate(settings, [other])
    assert report.languages["ko"].memory_exact == 1


def test_update_purge_keeps_reviewed_translations_in_the_memory(project: Path) -> None:
    """Item 2: `update --purge-obsolete` right after an edit drops nothing reviewed
    that the memory does not hold."""
    settings = load_settings(cwd=project)
    update(settings)
    path = project / PO
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgid.startswith("Looking forward,"))
    entry.msgstr = "앞으로 영상은 AI 혁명으로 넘어간다."
    po.save()
    text = (project / SEED_PATH).read_text(encoding="utf-8").replace(entry.msgid, "")
    (project / SEED_PATH).write_text(text, encoding="utf-8")
    done = run_l10n("update", "--purge-obsolete", cwd=project)
    assert done.returncode == 0, done.stderr
    assert entry.msgid not in {e.msgid for e in Catalog.read(path).entries(obsolete=True)}
    assert (entry.msgid, entry.msgstr) in _memory_pairs(project)


def test_pseudo_output_never_enters_the_memory(project: Path) -> None:
    """Item 16: pseudo-localized text is never a translation: not as machine units, not
    harvested when accepted as it is, not in the TMX export."""
    settings = load_settings(cwd=project)
    translate(settings, engine_name="pseudo")
    path = project / PO
    po = polib.pofile(str(path))
    po[0].flags.remove("fuzzy")  # a translator accepts pseudo output by mistake
    po.save()
    translate(settings, engine_name="pseudo")
    assert _memory_pairs(project, "machine") == set()
    assert _memory_pairs(project, REVIEWED) == set()
    done = run_l10n("memory", "export", "--format", "tmx", "-o", "out.tmx", cwd=project)
    assert done.returncode == 0, done.stderr
    exported = (project / "out.tmx").read_text("utf-8")
    assert "<tu" not in exported and "⟦" not in exported


def test_hand_edited_msgid_is_merged_again(project: Path) -> None:
    """Item 4: a msgid changed by hand in the catalog is not trusted: the next update
    merges the catalog with its template (the template is unchanged)."""
    settings = load_settings(cwd=project)
    translate(settings, engine_name="pseudo")
    path = project / PO
    po = polib.pofile(str(path))
    edited = next(e for e in po if e.msgid.startswith("Global AI powerhouse"))
    original = edited.msgid
    edited.msgid = original.replace("Global AI powerhouse", "Local AI powerhouse")
    po.save()
    report = update(settings)
    assert report.languages["ko"].catalogs_written
    entries = {e.msgid: e for e in Catalog.read(path).entries()}
    assert original in entries and edited.msgid not in entries
    assert entries[original].previous_msgid == edited.msgid
    again = update(settings)
    assert not again.languages["ko"].catalogs_written


def test_stale_temporaries_in_locales_are_removed_under_the_lock(project: Path) -> None:
    """Item 9: a run killed between fsync and rename leaves a full-size hidden
    .NAME.XXXXXXXX.tmp next to the catalog; the next run removes it, and only it."""
    settings = load_settings(cwd=project)
    update(settings)
    folder = (project / PO).parent
    stale = folder / f".{PO.name}.a1b2_c3d.tmp"
    stale.write_bytes((project / PO).read_bytes())
    template_stale = project / "locales/templates/.x.pot.zz99zz99.tmp"
    template_stale.write_text("x", "utf-8")
    mine = folder / ".notes.tmp"
    mine.write_text("keep", "utf-8")
    done = run_l10n("update", cwd=project)
    assert done.returncode == 0, done.stderr
    assert not stale.exists() and not template_stale.exists() and mine.exists()


# ------------------------------------------------- engine problems before any write
def _nothing_written(project: Path) -> None:
    assert not (project / "locales").exists()
    assert not (project / ".l10n" / "memory.sqlite").exists()


def test_argos_without_a_model_is_refused_before_anything_is_written(project: Path) -> None:
    """Item 12: `--engine argos` with no model wrote the template, catalog and memory."""
    done = run_l10n("translate", "--engine", "argos", cwd=project)
    assert done.returncode == 3, done.stderr
    assert "no translation model for en -> ko" in done.stderr
    _nothing_written(project)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ('beam_size = "x"', "beam_size"),
        ("batch_size = 0", "batch_size"),
        ("bogus = 1", "bogus"),
        ('compute_type = "bogus"', "compute_type"),
        ("threads = -2", "threads"),
    ],
)
def test_bad_engine_options_are_config_errors_with_their_line(
    models_project: Path, option: str, message: str
) -> None:
    """Item 12: bad [engines.argos] values: exit 2, l10n.toml:line, nothing written,
    and never a hint to reinstall the model."""
    (models_project / "l10n.toml").write_text(
        f'targets = ["ko"]\nmodels = "models"\n\n[engines.argos]\nbatch_tokens = 512\n{option}\n',
        "utf-8",
    )
    line = 6
    done = run_l10n("translate", cwd=models_project)
    assert done.returncode == 2, done.stderr
    assert f"l10n.toml:{line}:" in done.stderr and message in done.stderr
    assert "reinstall" not in done.stderr
    _nothing_written(models_project)


def test_unknown_engine_is_a_usage_error(project: Path) -> None:
    done = run_l10n("translate", "--engine", "deepl", cwd=project)
    assert done.returncode == 2 and "unknown engine 'deepl'" in done.stderr
    _nothing_written(project)
    (project / "l10n.toml").write_text('targets = ["ko"]\nengine = "deepl"\n', "utf-8")
    done = run_l10n("translate", cwd=project)
    assert done.returncode == 2 and "l10n.toml:2:" in done.stderr, done.stderr
    _nothing_written(project)


# ---------------------------------------------------------------- the lock (item 14)
@pytest.mark.parametrize("tamper", ["none", "delete", "replace", "delete-folder"])
def test_a_second_run_is_refused_whatever_happened_to_the_lock_file(
    project: Path, tamper: str
) -> None:
    """Item 14: deleting .l10n/lock during a run let a second run start."""
    settings = load_settings(cwd=project)
    with project_lock(settings.state_dir):
        lock = settings.state_dir / "lock"
        if tamper == "delete":
            lock.unlink()
        elif tamper == "replace":
            other = settings.state_dir / "other"
            other.write_text("", "utf-8")
            os.replace(other, lock)
        elif tamper == "delete-folder":
            shutil.rmtree(settings.state_dir)
        commands = [["update"], ["extract"]]
        if tamper == "delete":
            commands += [["translate", "--engine", "pseudo"], ["build"]]
        for command in commands:
            done = run_l10n(*command, cwd=project)
            assert done.returncode == 4, (command, done.stderr)
            assert "another l10n run" in done.stderr
    assert not (project / "locales").exists()
    done = run_l10n("extract", cwd=project)
    assert done.returncode == 0, done.stderr


def test_a_no_change_rerun_renders_no_catalog(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-run with nothing to do reads each catalog but neither merges nor renders it
    (rendering a 64,000-entry catalog only to find it unchanged took 7 of 22 s)."""
    settings = load_settings(cwd=project)
    translate(settings, engine_name="pseudo")

    def no_render(self: Catalog) -> str:
        raise AssertionError(f"{self.path} rendered")

    monkeypatch.setattr(Catalog, "render", no_render)
    again = translate(settings, engine_name="pseudo")
    assert again.languages["ko"].machine == 0 and not again.model_loaded
    update(settings)
