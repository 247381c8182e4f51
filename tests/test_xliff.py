"""XLIFF 2.1 and 1.2: export valid files, take agencies' work back safely, round trip."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import polib
import pytest
from lxml import etree

from l10n.catalog import Catalog
from l10n.config import load_settings
from l10n.errors import CatalogError, InputError
from l10n.interchange import read
from l10n.interchange.codes import END, PH, START, Code, align, join, split
from l10n.interchange.project import export_xliff, import_xliff
from l10n.workflow.translate import translate
from l10n.workflow.update import update
from tests.cli_helpers import run_l10n, snapshot
from tests.conftest import DATA, SEED
from tests.xliff_schemas import manifest, schema_folder

XDATA = DATA / "xliff"
SCHEMAS, WHY_NOT = schema_folder()  # fetched by tests/xliff_schemas.py, or None
SAMPLES = XDATA / "samples"
HTML = DATA / "html" / "cms-article.html"
BRIEF = "agency-brief"


# ------------------------------------------------------------------ schemas (lxml)
class _LocalOnly(etree.Resolver):
    """XLIFF 1.2 imports the W3C xml.xsd by URL: map it to the copy kept beside it."""

    def resolve(self, url: str, pubid: str, context: object) -> object:
        if url.rstrip("/").endswith("www.w3.org/2001/xml.xsd"):
            assert SCHEMAS is not None
            return self.resolve_filename(str(SCHEMAS / "1.2" / "xml.xsd"), context)
        if url.startswith(("http://", "https://")):
            raise AssertionError(f"a schema tried to fetch {url}")
        return None


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalOnly())
    return parser


MODULES_21 = {
    "urn:oasis:names:tc:xliff:document:2.0": "xliff_core_2.0.xsd",
    "urn:oasis:names:tc:xliff:metadata:2.0": "metadata.xsd",
    "urn:oasis:names:tc:xliff:matches:2.0": "matches.xsd",
    "urn:oasis:names:tc:xliff:glossary:2.0": "glossary.xsd",
    "http://www.w3.org/2005/11/its": "its.xsd",
    "urn:oasis:names:tc:xliff:itsm:2.1": "itsm.xsd",
}


@pytest.fixture(scope="module")
def schemas() -> dict[str, etree.XMLSchema]:
    """XLIFF 2.1 (core with the modules, which the core only checks laxly), 1.2 strict and
    1.2 transitional: the OASIS files as published, fetched into the cache by
    tests/xliff_schemas.py and loaded offline; the test is skipped, saying so, without
    them."""
    if SCHEMAS is None:
        pytest.skip(WHY_NOT)
    imports = "".join(f'<xs:import namespace="{ns}" schemaLocation="{loc}"/>'
                      for ns, loc in MODULES_21.items())
    driver = etree.fromstring(
        f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        f'targetNamespace="urn:x-l10n-test:driver">{imports}</xs:schema>'.encode(),
        _parser(), base_url=str(SCHEMAS / "2.1" / "driver.xsd"),
    )
    def load(name: str) -> etree.XMLSchema:
        return etree.XMLSchema(etree.parse(str(SCHEMAS / "1.2" / name), _parser()))
    return {"2.1": etree.XMLSchema(etree.ElementTree(driver)),
            "1.2": load("xliff-core-1.2-strict.xsd"),
            "1.2-transitional": load("xliff-core-1.2-transitional.xsd")}


def valid(schema: etree.XMLSchema, path: Path) -> None:
    document = etree.parse(str(path), _parser())
    assert schema.validate(document), f"{path.name}: {schema.error_log}"


def test_the_schemas_are_the_published_files_and_reject_bad_documents(
    schemas: dict[str, etree.XMLSchema], tmp_path: Path
) -> None:
    assert SCHEMAS is not None
    for item in manifest():  # the cache holds the published files, as the manifest names them
        data = (SCHEMAS / item["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item["sha256"], item["file"]
    bad = tmp_path / "bad.xlf"
    bad.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" '
                   'srcLang="en" trgLang="ko"><file id="f"><unit id="u">'
                   '<segment state="done"><source>x</source></segment></unit></file></xliff>')
    assert not schemas["2.1"].validate(etree.parse(str(bad), _parser()))


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_exports_and_tool_samples_are_valid_against_the_schemas(
    translated: Path, schemas: dict[str, etree.XMLSchema], version: str
) -> None:
    done = export_xliff(load_settings(cwd=translated), version=version)
    assert len(done) == 3
    for item in done:
        valid(schemas[version], item.path)
        if version == "1.2":
            valid(schemas["1.2-transitional"], item.path)
    if version == "1.2":
        valid(schemas["1.2-transitional"], SAMPLES / "memoq-1.2.xlf")
        valid(schemas["1.2-transitional"], SAMPLES / "trados-1.2.sdlxliff")
    else:
        valid(schemas["2.1"], SAMPLES / "okapi-2.0.xlf")


# ------------------------------------------------------------------ projects
@pytest.fixture()
def brief(tmp_path: Path) -> Path:
    """A small Markdown article (a tag pair, inline code, a link), its Korean catalog."""
    shutil.copytree(XDATA / "project", tmp_path / "p")
    update(load_settings(cwd=tmp_path / "p"))
    return tmp_path / "p"


@pytest.fixture()
def translated(project: Path) -> Path:
    """The seed news dump, the CMS's HTML article and the brief, machine-translated."""
    shutil.copy(HTML, project / "seeds" / HTML.name)
    shutil.copy(XDATA / "project" / "seeds" / f"{BRIEF}.md", project / "seeds")
    translate(load_settings(cwd=project), engine_name="pseudo")
    return project


def po(project: Path, slug: str = BRIEF) -> Path:
    return project / "locales" / "ko" / f"{slug}.po"


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_export_round_trips_byte_identical(translated: Path, version: str) -> None:
    settings = load_settings(cwd=translated)
    # a reviewed entry, a translator's comment and a changed sentence (#| msgid) too
    catalog = polib.pofile(str(po(translated, "nvidia-korea-ai-alliance")))
    catalog[0].flags, catalog[0].tcomment = [], "checked with the desk"
    catalog[1].previous_msgid = "An older version of this sentence."
    catalog.save()
    before = snapshot(translated / "locales")
    done = export_xliff(settings, version=version)
    assert {e.path.name for e in done} == {
        "nvidia-korea-ai-alliance.ko.xlf", "cms-article.ko.xlf", f"{BRIEF}.ko.xlf"}
    seed = (settings.root / "xliff" / "nvidia-korea-ai-alliance.ko.xlf").read_text()
    assert ("signed-off" if version == "1.2" else 'state="reviewed"') in seed
    assert "checked with the desk" in seed and "An older version of this sentence." in seed
    assert "engine=pseudo" in seed and "(applied)" in seed
    html = (settings.root / "xliff" / "cms-article.ko.xlf").read_text()
    if version == "2.1":
        assert re.search(r'<pc id="\d+" dataRefStart="d\d+s" dataRefEnd="d\d+e" '
                         r'dispStart="&lt;strong&gt;">', html)
        assert '<data id="d1s">&lt;a rel="author" href="/authors/kim-min-ji"&gt;</data>' in html
    else:
        assert '<bpt id="1">&lt;strong&gt;</bpt>' in html
        assert 'alttranstype="previous-version"' in seed
    report = import_xliff(settings, [e.path for e in done])
    assert report.count("unchanged") >= 40 and report.count("saved") == 0
    assert snapshot(translated / "locales") == before  # bytes and mtimes
    again = export_xliff(settings, version=version)
    assert not any(e.written for e in again)  # an unchanged export is not rewritten


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_an_agency_edits_targets_and_states(brief: Path, version: str) -> None:
    settings = load_settings(cwd=brief)
    (path,) = [e.path for e in export_xliff(settings, version=version)]
    text = path.read_text(encoding="utf-8")
    ko = {
        "Nvidia ships Blackwell GPUs to Korea": ("엔비디아, 블랙웰 GPU 한국에", "final"),
        "Kim Min-ji": ("김민지", "translated"),
        "Orders opened on Friday.": ("주문은 금요일에 시작됐다.", "reviewed"),
    }
    for source, (target, state) in ko.items():
        text = _translate(text, version, source, target, state)
    # the codes move with the words they mark
    strong = "엔비디아는 한국에 {a}GPU 26만 개{b}를 공급한다."
    if version == "2.1":
        pair = ('<pc id="1" dataRefStart="d1s" dataRefEnd="d1e" dispStart="&lt;strong&gt;">',
                "</pc>")
    else:
        pair = ('<bpt id="1">&lt;strong&gt;</bpt>', '<ept id="1">&lt;/strong&gt;</ept>')
    text = _translate(text, version, "Nvidia will supply", strong.format(a=pair[0], b=pair[1]),
                      "translated", raw=True)
    path.write_text(text, encoding="utf-8")
    report = import_xliff(settings, [path])
    assert report.count("saved") == 4 and report.count("skipped") == 1
    entries = {e.msgid: e for e in Catalog.read(po(brief)).entries()}
    assert entries["Nvidia ships Blackwell GPUs to Korea"].state == "reviewed"  # final
    assert entries["Orders opened on Friday."].state == "reviewed"
    assert entries["Kim Min-ji"].state == "fuzzy"  # translated: a draft
    supply = entries["Nvidia will supply <strong>260,000 GPUs</strong> to South Korea."]
    assert supply.msgstr == "엔비디아는 한국에 <strong>GPU 26만 개</strong>를 공급한다."
    assert supply.fuzzy
    # --trust: translated is reviewed; the memory got the reviewed ones
    assert import_xliff(settings, [path], trust=True).count("saved") == 2
    assert Catalog.read(po(brief)).get("Kim Min-ji").state == "reviewed"  # type: ignore[union-attr]


def _translate(text: str, version: str, source: str, target: str, state: str, *,
               raw: bool = False) -> str:
    """The unit whose source starts with ``source`` gets ``target`` and ``state``."""
    unit = "unit" if version == "2.1" else "trans-unit"
    blocks = re.split(rf"(?=<{unit} )", text)
    for n, block in enumerate(blocks):
        if f"<source>{source}" not in block:
            continue
        body = target if raw else target.replace("&", "&amp;")
        if version == "2.1":
            block = re.sub(r'state="\w+"', f'state="{state}"', block, count=1)
            if "<target>" in block:
                block = re.sub(r"<target>.*?</target>", f"<target>{body}</target>", block)
            else:
                block = re.sub(r"(</source>)", rf"\1<target>{body}</target>", block, count=1)
        else:
            state12 = {"final": "final", "reviewed": "signed-off"}.get(state, state)
            block = re.sub(r"<target[^>]*>.*?</target>", "", block)
            block = block.replace("</source>",
                                  f'</source><target state="{state12}">{body}</target>', 1)
        blocks[n] = block
    return "".join(blocks)


def test_entries_changed_since_the_export_are_not_overwritten(brief: Path) -> None:
    settings = load_settings(cwd=brief)
    (path,) = [e.path for e in export_xliff(settings)]
    text = _translate(path.read_text(encoding="utf-8"), "2.1", "Kim Min-ji", "김민지 기자",
                      "reviewed")
    path.write_text(text, encoding="utf-8")
    catalog = polib.pofile(str(po(brief)))
    catalog.find("Kim Min-ji").msgstr = "김민지"  # the desk's own work, after the export
    catalog.save()
    before = po(brief).read_bytes()
    report = import_xliff(settings, [path])
    assert [o.status for o in report.outcomes if o.status != "skipped"] == ["conflict"]
    assert "changed in the project since the export" in report.outcomes[-1].message
    assert po(brief).read_bytes() == before


def test_a_source_changed_since_the_export_becomes_a_suggestion(brief: Path) -> None:
    settings = load_settings(cwd=brief)
    (path,) = [e.path for e in export_xliff(settings)]
    text = _translate(path.read_text(encoding="utf-8"), "2.1", "Orders opened on Friday.",
                      "주문은 금요일에 시작됐다.", "reviewed")
    text = _translate(text, "2.1", "Kim Min-ji", "김민지", "reviewed")
    path.write_text(text, encoding="utf-8")
    # meanwhile the newsroom edits the article, and the catalog follows it
    catalog = polib.pofile(str(po(brief)))
    catalog.find("Orders opened on Friday.").msgstr = "주문은 금요일 시작"
    catalog.save()
    article = brief / "seeds" / f"{BRIEF}.md"
    article.write_text(article.read_text(encoding="utf-8")
                       .replace("Orders opened on Friday.", "Orders opened on Friday morning.")
                       .replace("author: Kim Min-ji", "author: Lee Jun-ho"), encoding="utf-8")
    update(settings)
    report = import_xliff(settings, [path])
    status = {o.unit: o.status for o in report.outcomes}
    assert sorted(s for s in status.values() if s != "skipped") == ["missing", "suggested"]
    entry = Catalog.read(po(brief)).get("Orders opened on Friday morning.")
    assert entry is not None and entry.fuzzy and entry.msgstr == "주문은 금요일에 시작됐다."
    assert entry.memory is not None and "translated for the earlier source: Orders opened on " \
        "Friday." in entry.memory
    assert Catalog.read(po(brief)).get("Lee Jun-ho").msgstr == ""  # type: ignore[union-attr]


# ------------------------------------------------------------------ hostile and broken files
HOSTILE = {
    "billion laughs": '<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY a "aaaaaaaaaa">\n'
                      '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<xliff>&b;</xliff>',
    "external entity": '<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY x SYSTEM '
                       '"file:///etc/passwd">\n]>\n<xliff>&x;</xliff>',
    "undeclared entity": '<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "x.dtd">\n'
                         "<xliff>&x;</xliff>",
    "unclosed": '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0">'
                "\n<file>\n</xliff>",
    "not xliff": '<?xml version="1.0"?>\n<tmx version="1.4"/>',
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_or_malformed_files_are_refused_before_anything_is_written(
    brief: Path, name: str
) -> None:
    settings = load_settings(cwd=brief)
    (good,) = [e.path for e in export_xliff(settings)]
    good.write_text(_translate(good.read_text(encoding="utf-8"), "2.1", "Kim Min-ji",
                               "김민지", "reviewed"), encoding="utf-8")
    bad = brief / "bad.xlf"
    bad.write_text(HOSTILE[name], encoding="utf-8")
    before = snapshot(brief / "locales")
    with pytest.raises(InputError) as info:
        import_xliff(settings, [good, bad])  # the good file first: still nothing written
    assert info.value.path == str(bad) and info.value.line and info.value.exit_code == 2
    assert re.search(r"refused|malformed|not an XLIFF", info.value.message)
    assert snapshot(brief / "locales") == before


def test_a_file_for_another_project_is_refused(brief: Path) -> None:
    settings = load_settings(cwd=brief)
    (path,) = [e.path for e in export_xliff(settings)]
    path.write_text(path.read_text().replace('trgLang="ko"', 'trgLang="ja"'))
    with pytest.raises(InputError, match="does not fit the project"):
        import_xliff(settings, [path])
    path.write_text(path.read_text().replace('trgLang="ja"', 'trgLang="ko"')
                    .replace('original="seeds/agency-brief.md"', 'original="seeds/x.md"')
                    .replace('id="agency-brief"', 'id="other"'))
    with pytest.raises(CatalogError, match="catalog not found"):
        import_xliff(settings, [path])


def test_a_target_code_the_source_does_not_have_is_refused(brief: Path) -> None:
    settings = load_settings(cwd=brief)
    (path,) = [e.path for e in export_xliff(settings, version="1.2")]
    text = _translate(path.read_text(encoding="utf-8"), "1.2", "Orders opened", '<x id="9"/>주문',
                      "final", raw=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="inline code 9 \\(ph\\) is not in its source"):
        import_xliff(settings, [path])


# ------------------------------------------------------------------ files written by tools
def test_files_from_memoq_trados_and_okapi(brief: Path) -> None:
    settings = load_settings(cwd=brief)
    memoq = import_xliff(settings, [SAMPLES / "memoq-1.2.xlf"])
    assert memoq.count("saved") == 4 and memoq.count("skipped") == 1  # NotStarted: empty
    entries = {e.msgid: e for e in Catalog.read(po(brief)).entries()}
    assert entries["Nvidia ships Blackwell GPUs to Korea"].state == "reviewed"  # Reviewer1
    assert entries["Kim Min-ji"].state == "fuzzy"  # ManuallyConfirmed: the translator's
    supply = "Nvidia will supply <strong>260,000 GPUs</strong> to South Korea."
    assert entries[supply].msgstr == "엔비디아는 한국에 <strong>GPU 26만 개</strong>를 공급한다."
    assert entries[supply].state == "reviewed"  # Proofread

    trados = import_xliff(settings, [SAMPLES / "trados-1.2.sdlxliff"])  # ko-KR, <g>, <x/>
    assert trados.count("saved") == 2 and trados.count("unchanged") == 1  # memoQ had it
    entries = {e.msgid: e for e in Catalog.read(po(brief)).entries()}
    run = entries["Run `nvidia-smi` to check the driver, then read [the guide]"
                  "(https://docs.example.com/guide)."]
    assert run.msgstr == ("`nvidia-smi`로 드라이버를 확인한 다음 [안내서]"
                          "(https://docs.example.com/guide)를 읽으세요.")
    assert run.fuzzy  # conf="Translated"
    title = entries["Nvidia ships Blackwell GPUs to Korea"]
    assert title.msgstr == "엔비디아, 블랙웰 GPU 한국 공급" and title.fuzzy  # Draft

    okapi = import_xliff(settings, [SAMPLES / "okapi-2.0.xlf"])  # two segments, cp, mrk
    assert okapi.count("saved") == 2
    entries = {e.msgid: e for e in Catalog.read(po(brief)).entries()}
    assert run.msgid in entries and not entries[run.msgid].fuzzy  # final + reviewed
    assert entries[run.msgid].msgstr.endswith("(https://docs.example.com/guide)를 읽으세요.")
    assert entries["Orders opened on Friday."].msgstr == "주문은 금요일에\u00a0시작됐다."


# ------------------------------------------------------------------ codes
@pytest.mark.parametrize(
    "text",
    ["plain", "Go <a href=\"x\">see <em>it</em></a> {name} and `code` at https://x.com.",
     "tail.</em> <br> more", "<b>x</b><b>y</b>", "a\nb <span translate=\"no\">K</span>"],
)
def test_codes_split_and_join_losslessly(text: str) -> None:
    parts = split(text)
    assert join(parts) == text
    kinds = [p.kind for p in parts if isinstance(p, Code)]
    assert kinds.count(START) == kinds.count(END)


def test_target_codes_are_numbered_as_the_source_has_them() -> None:
    source = split('<a href="x">A</a> and <em>B</em> {n}')
    target = align(split('{n} <em>B</em> 그리고 <a href="x">A</a> <b>new</b>'), source)
    codes = [(p.kind, p.id, p.original) for p in target if isinstance(p, Code)]
    assert codes == [(PH, "3", "{n}"), (START, "2", "<em>"), (END, "2", "</em>"),
                     (START, "1", '<a href="x">'), (END, "1", "</a>"), (START, "4", "<b>"),
                     (END, "4", "</b>")]


def test_read_gives_units_with_states_and_lines() -> None:
    doc = read(SAMPLES / "okapi-2.0.xlf")
    assert (doc.version, doc.source_lang, doc.target_lang, doc.original) == (
        "2.0", "en", "ko", "seeds/agency-brief.md")
    assert [(u.id, u.state, u.line) for u in doc.units] == [
        ("u8c5a45acf61d", "reviewed", 5), ("u0c5b6a710d4f", "translated", 22)]


# ------------------------------------------------------------------ the command line
@pytest.mark.slow
def test_cli_export_edit_import(project: Path) -> None:
    assert run_l10n("translate", "--engine", "pseudo", cwd=project).returncode == 0
    done = run_l10n("xliff", "export", "--lang", "ko", "--version", "1.2", cwd=project)
    assert done.returncode == 0, done.stderr
    path = project / "xliff" / f"{SEED.stem}.ko.xlf"
    assert done.stdout.startswith(f"xliff/{SEED.stem}.ko.xlf: ")  # relative to the project
    assert "units (written)" in done.stdout
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('state="translated"', 'state="final"', 1), encoding="utf-8")
    result = run_l10n("xliff", "import", str(path), cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 files: 1 saved, 0 suggested,")
    bad = project / "bad.xlf"
    bad.write_text(HOSTILE["billion laughs"], encoding="utf-8")
    refused = run_l10n("xliff", "import", "bad.xlf", cwd=project)
    assert refused.returncode == 2
    assert refused.stderr.startswith("Error: bad.xlf:2: refused: the file has a DOCTYPE")
