"""`l10n check FILE.po`: catalogs l10n did not write, output formats, and --annotate."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from l10n.catalog import Catalog, check_notes
from l10n.config import load_settings
from l10n.errors import UsageError
from l10n.model import Finding, Severity
from l10n.qa.report import as_junit, as_text
from l10n.workflow.qa import check_files
from tests.cli_helpers import run_l10n, snapshot
from tests.conftest import DATA

WEBLATE = DATA / "checks" / "weblate.ko.po"  # as Weblate writes it: header, msgctxt, flags
CLOCK = ("'10:00 a.m.' (10:00) is missing from the translation; the translation has "
         "'오전 11시' (11:00)")


@pytest.fixture
def po(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "app.ko.po"
    path.parent.mkdir()
    shutil.copy(WEBLATE, path)
    return path


def test_a_weblate_catalog_is_checked_in_its_header_language(po: Path) -> None:
    result = check_files(load_settings(cwd=po.parent), [po])
    assert [(f.line, str(f.severity), f.check, f.message, f.lang) for f in result.findings] == [
        (26, "error", "numbers", CLOCK, "ko"),
    ]
    # ignore-numbers on the $120 entry, a byline kept as written, fuzzy entries checked too
    assert result.annotated == ()


def test_lang_option_overrides_the_header_and_a_missing_header_is_a_usage_error(
    po: Path,
) -> None:
    text = po.read_text(encoding="utf-8").replace('"Language: ko\\n"\n', "")
    po.write_text(text, encoding="utf-8")
    [problem] = check_files(load_settings(cwd=po.parent), [po]).problems
    assert "no Language header" in problem.message and problem.exit_code == 2
    found = check_files(load_settings(cwd=po.parent), [po], lang="ko").findings
    assert [f.lang for f in found] == ["ko"]


def test_glossary_option_takes_a_folder_or_one_file(po: Path, tmp_path: Path) -> None:
    folder = tmp_path / "terms"
    folder.mkdir()
    one = folder / "plant.toml"
    one.write_text('[[term]]\nsource = "worker"\n[term.targets]\nko = "근로자"\n',
                   encoding="utf-8")
    settings = load_settings(cwd=po.parent)
    expected = ["'worker' must be translated as '근로자' (glossary)"]  # 'workers': a plural
    for glossary in (one, folder):
        found = check_files(settings, [po], glossary=glossary).findings
        assert [f.message for f in found if f.check == "glossary"] == expected
    assert not [f for f in check_files(settings, [po]).findings if f.check == "glossary"]
    with pytest.raises(UsageError, match="glossary not found"):
        check_files(settings, [po], glossary=tmp_path / "nowhere")


def test_annotate_writes_findings_as_comments_and_nothing_else(po: Path) -> None:
    before = po.read_text(encoding="utf-8")
    result = check_files(load_settings(cwd=po.parent), [po], annotate=True)
    assert result.annotated == (po,)
    after = po.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == [f"#. check: numbers: {CLOCK}"]
    assert after.replace(added[0] + "\n", "") == before
    entry = next(e for e in Catalog.read(po).entries() if "1,350" in e.msgid)
    assert check_notes(entry.comments) == [f"numbers: {CLOCK}"]
    assert entry.block_label == ""  # a check note is not a block label
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)

    # nothing new: the file is not touched
    stamp = po.stat().st_mtime_ns
    assert check_files(load_settings(cwd=po.parent), [po], annotate=True).annotated == ()
    assert po.stat().st_mtime_ns == stamp

    # the finding is fixed: its note goes, and the file is as it was
    po.write_text(after.replace("오전 11시", "오전 10시"), encoding="utf-8")
    assert check_files(load_settings(cwd=po.parent), [po], annotate=True).annotated == (po,)
    assert po.read_text(encoding="utf-8") == before.replace("오전 11시", "오전 10시")


def test_annotate_goes_after_other_extracted_comments() -> None:
    from l10n.catalog.annotate import _annotate_entry

    lines = ["# translator\n", "#. paragraph 3\n", "#. check: old\n", "#: a.txt:4\n",
             "msgid \"x\"\n"]
    _annotate_entry(lines, 0, ["#. check: new\n"])
    assert lines == ["# translator\n", "#. paragraph 3\n", "#. check: new\n", "#: a.txt:4\n",
                     "msgid \"x\"\n"]
    bare = ["msgid \"y\"\n"]
    _annotate_entry(bare, 0, ["#. check: z\n"])
    assert bare == ["#. check: z\n", "msgid \"y\"\n"]


def test_junit_lists_each_entry_with_errors_as_a_failed_test() -> None:
    findings = [
        Finding("numbers", Severity.ERROR, "'5' is missing", "ko/a.po", 12, "5 cars", "ko"),
        Finding("spaces", Severity.WARNING, "two spaces", "ko/a.po", 12, "5 cars", "ko"),
        Finding("identical", Severity.WARNING, "unchanged", "ko/a.po", 20, "Hi there", "ko"),
    ]
    root = ET.fromstring(as_junit(findings))
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    [suite] = root
    cases = list(suite)
    assert [c.get("name") for c in cases] == ["line 12: 5 cars", "line 20: Hi there"]
    [failure] = cases[0].findall("failure")
    assert (failure.get("type"), failure.get("message")) == ("numbers", "'5' is missing")
    assert cases[0].findtext("system-out") == "warning [spaces] two spaces"
    assert cases[1].findall("failure") == []
    assert as_text(findings[:1]) == "ko/a.po:12: error [numbers] '5' is missing"


@pytest.mark.slow
def test_cli_on_po_files_formats_and_exit_codes(po: Path) -> None:
    where = po.parent
    text = run_l10n("check", po.name, cwd=where)
    assert text.returncode == 1
    assert text.stdout.splitlines() == [f"app.ko.po:26: error [numbers] {CLOCK}"]

    as_json = run_l10n("check", po.name, "--json", cwd=where)
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout)["findings"][0]["message"] == CLOCK
    assert run_l10n("check", po.name, "--format", "json", cwd=where).stdout == as_json.stdout

    junit = run_l10n("check", po.name, "--format", "junit", cwd=where)
    assert junit.returncode == 1 and ET.fromstring(junit.stdout).get("failures") == "1"

    before = snapshot(where)
    assert run_l10n("check", po.name, "--format", "xml", cwd=where).returncode == 2
    assert run_l10n("check", po.name, "seeds/x.txt", cwd=where).returncode == 2
    assert run_l10n("check", po.name, "--lang", "ko,ja", cwd=where).returncode == 2
    assert run_l10n("check", "--glossary", "g", cwd=where).returncode == 2
    assert snapshot(where) == before

    annotated = run_l10n("check", po.name, "--annotate", cwd=where)
    assert annotated.returncode == 1 and "annotated" in annotated.stderr
    assert f"#. check: numbers: {CLOCK}" in po.read_text(encoding="utf-8")


def test_plural_entries_are_checked_form_by_form(tmp_path: Path) -> None:
    po = tmp_path / "app.es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "One file of 5 MB"\nmsgid_plural "%d files of 5 MB"\n'
        'msgstr[0] "Un archivo de 5 MB"\nmsgstr[1] "%d archivos de 6 MB"\n\n'
        'msgid "One story"\nmsgid_plural "%d stories"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    found = check_files(load_settings(cwd=tmp_path), [po]).findings
    assert [(f.check, f.msgid, f.message) for f in found] == [
        ("numbers", "%d files of 5 MB",
         "'5' (5) is missing from the translation; the translation has '6' (6)"),
        ("untranslated", "One story", "not translated yet"),
    ]


# ---------------------------------------------------------- catalogs msgfmt accepts are read
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n'
          '"Language: {lang}\\n"\n"Plural-Forms: nplurals={n}; plural={rule};\\n"\n\n')


def _catalog(path: Path, body: str, *, lang: str = "ko", charset: str = "UTF-8", n: int = 1,
             rule: str = "0") -> Path:
    text = HEADER.format(charset=charset, lang=lang, n=n, rule=rule) + body
    path.write_bytes(text.encode(charset))
    return path


def test_one_unreadable_file_never_stops_the_others(tmp_path: Path) -> None:
    good = _catalog(tmp_path / "a.po", 'msgid "3 files"\nmsgstr "파일 4개"\n')
    bad = _catalog(tmp_path / "b.po", 'msgid "a"\nmsgstr "b\n')
    last = _catalog(tmp_path / "c.po", 'msgid "5 days"\nmsgstr "6일"\n')
    result = check_files(load_settings(cwd=tmp_path), [good, bad, last])
    assert [(Path(f.path).name, f.check) for f in result.findings] == [
        ("a.po", "numbers"), ("c.po", "numbers")]
    [problem] = result.problems
    assert problem.path is not None and Path(problem.path).name == "b.po"
    assert problem.line == 8 and problem.exit_code == 2
    run = run_l10n("check", "a.po", "b.po", "c.po", cwd=tmp_path)
    assert run.returncode == 2  # at the end, after the errors of a.po and c.po
    assert "a.po:7: error [numbers]" in run.stdout and "c.po:7: error [numbers]" in run.stdout
    assert "Error: b.po:8: " in run.stderr


def test_gettext_variants_and_an_empty_language_header_from_the_file_name(
    tmp_path: Path,
) -> None:
    path = _catalog(tmp_path / "sr@latin.po", 'msgid "_File"\nmsgstr "Datoteka"\n', lang="",
                    n=3, rule="(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                    "(n%100<10 || n%100>=20) ? 1 : 2)")
    [finding] = check_files(load_settings(cwd=tmp_path), [path]).findings
    assert (finding.lang, finding.check) == ("sr@latin", "accelerators")
    assert check_files(load_settings(cwd=tmp_path), [path], lang="ca@valencia").findings[
        0].lang == "ca@valencia"


def test_a_catalog_in_iso_8859_1_is_read_as_declared(tmp_path: Path) -> None:
    path = _catalog(tmp_path / "de.po", 'msgid "Size: 3 days"\nmsgstr "Größe: 4 Tage"\n',
                    lang="de", charset="ISO-8859-1")
    assert "Größe".encode("latin-1") in path.read_bytes()
    [finding] = check_files(load_settings(cwd=tmp_path), [path]).findings
    assert finding.check == "numbers" and "'4 Tage'" in finding.message


def test_wrong_plural_counts_in_obsolete_entries_only_are_read(tmp_path: Path) -> None:
    path = _catalog(tmp_path / "ko.po", 'msgid "%d file"\nmsgid_plural "%d files"\n'
                    'msgstr[0] "파일 %d개"\n\n#~ msgid "%d dir"\n#~ msgid_plural "%d dirs"\n'
                    '#~ msgstr[0] "폴더 %d개"\n#~ msgstr[1] "폴더 %d개"\n')
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0
    assert check_files(load_settings(cwd=tmp_path), [path]).problems == ()


def test_a_code_outside_cldr_is_checked_with_a_warning(tmp_path: Path) -> None:
    path = _catalog(tmp_path / "x.po", 'msgid "3 files"\nmsgstr "4 files"\n', lang="mjw")
    with pytest.warns(UserWarning, match="'mjw' is not in CLDR"):
        result = check_files(load_settings(cwd=tmp_path), [path])
    assert [(f.lang, f.check) for f in result.findings] == [("mjw", "numbers")]


def test_language_codes_with_gettext_variants() -> None:
    from l10n.lang import base_language, bcp47, is_language_code, validate_language

    assert validate_language("sr@latin") == "sr@latin"
    assert validate_language("ca@valencia") == "ca@valencia"
    assert base_language("sr@latin") == "sr"
    assert bcp47("sr@latin") == "sr-Latn" and bcp47("ca@valencia") == "ca-valencia"
    assert is_language_code("mjw") and not is_language_code("../etc")


def test_annotate_keeps_a_catalog_in_the_charset_it_declares(tmp_path: Path) -> None:
    """An ISO-8859-1 catalog (as msgfmt accepts it) gets its notes in ISO-8859-1, and
    nothing else of it changes; gettext still reads it."""
    path = tmp_path / "fr.po"
    header = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n'
              '"Language: fr\\n"\n\n')
    entry = 'msgid "Open %s file"\nmsgstr "Ouvrir le fichier été"\n'
    path.write_bytes((header + entry).encode("latin-1"))
    settings = load_settings(cwd=tmp_path)
    result = check_files(settings, [path], annotate=True)
    assert [f.check for f in result.findings] == ["placeholders"]
    assert result.annotated == (path,)
    text = path.read_bytes().decode("latin-1")  # still ISO-8859-1: été is 2 bytes, not 4
    assert text == header + "#. check: placeholders: " + result.findings[0].message + "\n" + entry
    subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], check=True)


def _labels(n: int, kept: int) -> str:
    """``n`` labels with an accelerator, ``kept`` of them translated with one."""
    return "".join(f'msgid "_Item {i}"\nmsgstr "{"_" if i < kept else ""}Élément {i}"\n\n'
                   for i in range(n))


def test_a_catalog_that_marks_no_accelerators_is_told_once(tmp_path: Path) -> None:
    none = _catalog(tmp_path / "id.po", _labels(20, 0), lang="fr")
    some = _catalog(tmp_path / "nl.po", _labels(20, 12), lang="fr")
    result = check_files(load_settings(cwd=tmp_path), [none, some])
    found = [(Path(f.path).name, f.line, f.check) for f in result.findings]
    # id.po: one finding for the catalog (line 0), none per entry; nl.po: each slip
    assert found.count(("id.po", 0, "accelerators")) == 1
    assert [f for f in found if f[0] == "id.po"] == [("id.po", 0, "accelerators")]
    assert len([f for f in found if f[0] == "nl.po" and f[2] == "accelerators"]) == 8
    assert "20 of 20" in result.findings[0].message
    run = run_l10n("check", "id.po", cwd=tmp_path)
    assert "accelerators" in run.stdout and run.stdout.count("[accelerators]") == 1
