"""Which entries a translate run fills: untouched machine output follows its source, its
glossary terms, its engine and model; `--retranslate machine`; a translator's work never."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from l10n.catalog import Catalog
from l10n.config import load_settings
from l10n.errors import UsageError
from l10n.workflow.translate import translate
from tests.cli_helpers import run_l10n

SLUG = "nvidia-korea-ai-alliance"
NEW_TERM = '\n[[term]]\nsource = "robotics"\n[term.targets]\nko = "로보틱스"\n'


def _po(project: Path) -> Path:
    return project / "locales" / "ko" / f"{SLUG}.po"


def _with(project: Path, word: str) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(_po(project))) if word in e.msgid and not e.obsolete]


def test_a_glossary_change_reaches_untouched_machine_output(project: Path) -> None:
    settings = load_settings(cwd=project)
    translate(settings, engine_name="pseudo")
    assert translate(settings, engine_name="pseudo").languages["ko"].machine == 0
    with (project / "glossaries" / "products.toml").open("a", encoding="utf-8") as glossary:
        glossary.write(NEW_TERM)
    report = translate(load_settings(cwd=project), engine_name="pseudo")
    [entry] = _with(project, "robotics")
    assert report.languages["ko"].machine == 1  # only the sentence with the new term
    assert "로보틱스" in entry.msgstr and "term: robotics -> 로보틱스 (applied)" in entry.comment
    done = run_l10n("check", "--lang", "ko", cwd=project)
    assert "robotics" not in done.stdout, done.stdout


def test_a_glossary_change_never_touches_reviewed_or_edited_entries(project: Path) -> None:
    settings = load_settings(cwd=project)
    translate(settings, engine_name="pseudo")
    po = polib.pofile(str(_po(project)))
    [entry] = [e for e in po if "robotics" in e.msgid]
    entry.flags.remove("fuzzy")  # accepted as it is
    edited = next(e for e in po if e.msgid != entry.msgid and e.msgstr and "fuzzy" in e.flags)
    edited.msgstr = "번역가가 고친 문장"
    po.save()
    with (project / "glossaries" / "products.toml").open("a", encoding="utf-8") as glossary:
        glossary.write(NEW_TERM + '\n[[term]]\nsource = "Korean"\n[term.targets]\nko = "한국어"\n')
    translate(load_settings(cwd=project), engine_name="pseudo")
    after = {e.msgid: e for e in polib.pofile(str(_po(project)))}
    assert after[entry.msgid].msgstr == entry.msgstr and "fuzzy" not in after[entry.msgid].flags
    assert after[edited.msgid].msgstr == "번역가가 고친 문장"


def test_retranslate_machine_redoes_all_untouched_machine_output(project: Path) -> None:
    settings = load_settings(cwd=project)
    first = translate(settings, engine_name="pseudo").languages["ko"].machine
    po = polib.pofile(str(_po(project)))
    po[0].flags.remove("fuzzy")  # reviewed
    po.save()
    report = translate(settings, engine_name="pseudo", retranslate="machine")
    assert report.languages["ko"].machine == first - 1
    with pytest.raises(UsageError):
        translate(settings, engine_name="pseudo", retranslate="everything")


def test_pseudo_never_replaces_a_real_engines_output(models_project: Path) -> None:
    settings = load_settings(cwd=models_project)
    translate(settings)  # the copy model (argos)
    before = _po(models_project).read_bytes()
    assert translate(settings, engine_name="pseudo").languages["ko"].machine == 0
    assert translate(settings, engine_name="none").languages["ko"].hints == 0
    assert _po(models_project).read_bytes() == before


def test_a_new_model_version_retranslates_untouched_machine_output(models_project: Path) -> None:
    settings = load_settings(cwd=models_project)
    first = translate(settings).languages["ko"].machine
    [package] = (models_project / "models").glob("translate-en_ko*")
    metadata = package / "metadata.json"
    data = json.loads(metadata.read_text("utf-8"))
    data["package_version"] = "9.9"
    metadata.write_text(json.dumps(data), encoding="utf-8")
    assert translate(settings).languages["ko"].machine == first
    assert all("9.9" in e.provenance.model for e in Catalog.read(_po(models_project)).entries()
               if e.provenance is not None)


@pytest.mark.parametrize("tool", ["msgcat", "polib"])
def test_a_catalog_another_tool_saved_is_not_rewritten_when_nothing_changed(
    project: Path, tool: str
) -> None:
    import subprocess

    settings = load_settings(cwd=project)
    translate(settings, engine_name="pseudo")
    path = _po(project)
    if tool == "msgcat":  # re-wrapped at 60 columns
        subprocess.run(["msgcat", "-w", "60", "-o", str(path), str(path)], check=True)
    else:
        polib.pofile(str(path), wrapwidth=50).save(str(path))
    saved = path.read_bytes()
    assert saved != Catalog.read(path).render().encode()  # another tool's wrapping
    stamp = path.stat().st_mtime_ns
    report = translate(settings, engine_name="pseudo")
    assert report.languages["ko"].catalogs_written == []
    assert run_l10n("update", cwd=project).returncode == 0
    assert path.read_bytes() == saved and path.stat().st_mtime_ns == stamp
