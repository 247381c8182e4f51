"""TBX and CSV export/import: round trips, other tools' files, and refusals that write nothing."""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n.errors import GlossaryError, InputError, L10nError, UsageError
from l10n.glossary import Glossary, load_glossary
from l10n.glossary.interchange import (
    export_glossary,
    import_glossary,
    read_csv,
    to_toml,
    toml_string,
    write_csv,
)
from l10n.glossary.tbx import TBX_NS, read_tbx
from l10n.model import Term

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "glossary"


def bare(terms: object) -> list[Term]:
    """Terms without their file and line, for comparing glossaries."""
    return [dataclasses.replace(t, file="", line=0) for t in terms]  # type: ignore[attr-defined]


@pytest.fixture()
def shipped(tmp_path: Path) -> Path:
    folder = tmp_path / "glossaries"
    shutil.copytree(ROOT / "glossaries", folder)
    return folder


def test_tbx_round_trip_is_lossless(shipped: Path, tmp_path: Path) -> None:
    glossary = load_glossary(shipped)
    tbx = tmp_path / "out.tbx"
    tbx.write_text(export_glossary(glossary, "tbx"), encoding="utf-8")
    result = import_glossary(tbx, into=tmp_path / "back" / "g.toml", folder=tmp_path / "back")
    assert result.written and result.terms == len(glossary) and result.skipped == ()
    assert bare(load_glossary(tmp_path / "back").terms) == bare(glossary.terms)
    # keep, case rules, variants and readings all survived
    back = load_glossary(tmp_path / "back")
    gsync, pc_bang = back.get("G-SYNC"), back.get("PC Bang")
    assert gsync is not None and gsync.keep and gsync.reading("ko") == "지싱크"
    assert pc_bang is not None and not pc_bang.case_sensitive and "PC bangs" in pc_bang.variants


def test_tbx_export_is_tbx_basic_v3(shipped: Path) -> None:
    root = ET.fromstring(export_glossary(load_glossary(shipped), "tbx", langs=["ko"]))
    assert root.tag == f"{{{TBX_NS}}}tbx"
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = root.findall(f".//{{{TBX_NS}}}conceptEntry")
    first = entries[0]
    langs = [s.get("{http://www.w3.org/XML/1998/namespace}lang")
             for s in first.findall(f"{{{TBX_NS}}}langSec")]
    assert langs == ["en", "ko"]  # --lang ko: only the Korean target
    terms = [t.text for t in first.iter(f"{{{TBX_NS}}}term")]
    assert terms == ["NVIDIA", "Nvidia", "엔비디아"]
    assert first.find(f"{{{TBX_NS}}}note") is not None


def test_hand_written_tbx_basic_martif_imports(tmp_path: Path) -> None:
    source = DATA / "tbx-basic-martif.tbx"
    result = import_glossary(source, into=tmp_path / "g" / "imported.toml", folder=tmp_path / "g",
                             langs=["ko", "zh", "es", "ja"])
    assert result.terms == 3
    assert result.skipped and "value chain" in result.skipped[0]
    glossary = load_glossary(tmp_path / "g")
    blackwell, pc_bang, huang = glossary.terms
    assert blackwell.source == "Blackwell" and blackwell.note == "NVIDIA GPU architecture"
    assert dict(blackwell.targets) == {"ko": "블랙웰", "ja": "Blackwell"}
    # the preferred term is the source, the admitted one a variant
    assert pc_bang.source == "PC Bang" and pc_bang.variants == ("PC bangs",)
    # a deprecated Korean term is passed over; zh-CN is read as zh when zh is asked for
    assert dict(pc_bang.targets) == {"ko": "PC방", "zh": "PC房"}
    assert pc_bang.note == "Korean internet cafe"
    assert huang.note == "founder & CEO of NVIDIA" and huang.target("es") == "Jensen Huang"
    assert [m.term.source for m in glossary.find("PC bangs host Blackwell", "zh")] == ["PC Bang"]


def test_tbx_lang_filter_and_skips(tmp_path: Path) -> None:
    result = read_tbx(DATA / "tbx-basic-martif.tbx", langs=["es"])
    assert [t.source for t in result.terms] == ["Jensen Huang"]
    assert len(result.skipped) == 3


def test_csv_round_trip(shipped: Path, tmp_path: Path) -> None:
    glossary = load_glossary(shipped)
    for notes in (False, True):
        csv_file = tmp_path / f"ko-{notes}.csv"
        csv_file.write_text(export_glossary(glossary, "csv", langs=["ko"], notes=notes), "utf-8")
        into = tmp_path / f"back-{notes}" / "g.toml"
        import_glossary(csv_file, into=into, folder=into.parent, langs=["ko"])
        back = load_glossary(into.parent)
        assert [(t.source, t.target("ko")) for t in back.terms] == [
            (t.source, t.target("ko")) for t in glossary.terms]
        assert [t.note for t in back.terms] == [t.note if notes else "" for t in glossary.terms]


def test_csv_first_line_is_not_a_header_unless_it_says_so(tmp_path: Path) -> None:
    path = tmp_path / "deepl.csv"
    path.write_bytes("\ufeffsource,target,description\nNaver,네이버,portal\n"
                     '"Samsung, Inc",삼성\n\nLG,LG\n'.encode())
    terms = read_csv(path, "ko")
    assert [(t.source, t.target("ko"), t.note, t.line) for t in terms] == [
        ("Naver", "네이버", "portal", 2), ("Samsung, Inc", "삼성", "", 3), ("LG", "LG", "", 5)]
    path.write_text("Source,Target\n", encoding="utf-8")
    assert read_csv(path, "ko") == []
    path.write_text("Naver,네이버\n", encoding="utf-8")
    assert len(read_csv(path, "ko")) == 1


@pytest.mark.parametrize(("content", "line", "words"), [
    ("Naver,네이버\nLG\n", 2, "expected 'source,target'"),
    ("Naver,네이버\nLG,LG,x,y\n", 2, "expected 'source,target'"),
    ("Naver,\n", 1, "expected 'source,target'"),
    ('Naver,네이버\n"LG,LG\n', 2, "malformed CSV"),
    ('Naver,"네이버\n포털"\nLG\n', 3, "expected 'source,target'"),
])
def test_malformed_csv_writes_nothing(tmp_path: Path, content: str, line: int, words: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    into = tmp_path / "g" / "imported.toml"
    with pytest.raises(GlossaryError) as info:
        import_glossary(path, into=into, folder=into.parent, langs=["ko"])
    assert f"bad.csv:{line}:" in str(info.value) and words in str(info.value)
    assert not into.exists()


def test_conflicting_csv_rows_write_nothing(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("Naver,네이버\nNaver,나버\n", encoding="utf-8")
    into = tmp_path / "g" / "imported.toml"
    with pytest.raises(GlossaryError, match="dup.csv:2"):
        import_glossary(path, into=into, folder=into.parent, langs=["ko"])
    assert not into.exists()


@pytest.mark.parametrize(("content", "words"), [
    ("<tbx><text><body><conceptEntry>", "malformed XML"),
    ("<html/>", "not a TBX file"),
    ('<?xml version="1.0"?>\n<!DOCTYPE tbx [\n<!ENTITY a "aaaa">\n<!ENTITY b "&a;&a;&a;">\n]>\n'
     "<tbx><text><body/></text></tbx>", "refused"),
    ("<tbx><text><body><conceptEntry><langSec xml:lang='en'><termSec><term>A</term></termSec>"
     "</langSec><langSec xml:lang='xx'><termSec><term>B</term></termSec></langSec>"
     "</conceptEntry></body></text></tbx>", "unknown language code 'xx'"),
    ("<tbx><text><body><conceptEntry><langSec xml:lang='ko'><termSec><term>B</term></termSec>"
     "</langSec></conceptEntry></body></text></tbx>", "no term in the source language"),
    ("<tbx><text><body/></text></tbx>", "nothing to import"),
    # issue 14, item 15: an external DTD makes expat skip undefined entities silently
    ('<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
     "<martif><text><body><termEntry><langSet xml:lang='en'><tig><term>Foo &undefined; Bar"
     "</term></tig></langSet><langSet xml:lang='ko'><tig><term>푸</term></tig></langSet>"
     "</termEntry></body></text></martif>", "undeclared entity &undefined;"),
])
def test_malformed_tbx_writes_nothing(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    into = tmp_path / "g" / "imported.toml"
    with pytest.raises(InputError) as info:
        import_glossary(path, into=into, folder=into.parent)
    assert words in str(info.value) and "bad.tbx" in str(info.value)
    assert not into.exists()


def test_import_refuses_to_overwrite_without_force(shipped: Path, tmp_path: Path) -> None:
    source = DATA / "tbx-basic-martif.tbx"
    into = shipped / "companies.toml"
    before = into.read_bytes()
    with pytest.raises(UsageError, match="already exists"):
        import_glossary(source, into=into, folder=shipped)
    assert into.read_bytes() == before


def test_import_that_conflicts_with_the_glossary_writes_nothing(shipped: Path,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("Blackwell,블랙웰 아키텍처\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="different ko target"):
        import_glossary(path, into=shipped / "imported.toml", folder=shipped, langs=["ko"])
    assert not (shipped / "imported.toml").exists()
    # an agreeing import merges with the glossary
    path.write_text("Blackwell,블랙웰\n", encoding="utf-8")
    import_glossary(path, into=shipped / "imported.toml", folder=shipped, langs=["ko"])
    assert load_glossary(shipped).get("Blackwell") is not None


def test_csv_needs_exactly_one_language(shipped: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        export_glossary(load_glossary(shipped), "csv", langs=["ko", "ja"])
    path = tmp_path / "t.csv"
    path.write_text("A,B\n", encoding="utf-8")
    with pytest.raises(UsageError, match="--lang"):
        import_glossary(path, into=tmp_path / "g.toml", folder=tmp_path / "g")
    with pytest.raises(UsageError, match="unknown format"):
        export_glossary(Glossary(), "xliff")


def test_toml_writer_escapes_and_reloads(tmp_path: Path) -> None:
    term = Term(source='Say "hi"\\now', variants=("tab\there",), note="line\nbreak\x01",
                targets={"ko": "안녕"}, readings={"ko": "안녕"}, keep=False)  # type: ignore[arg-type]
    text = to_toml([term])
    (tmp_path / "g.toml").write_text(text, encoding="utf-8")
    (back,) = load_glossary(tmp_path).terms
    assert (back.source, back.variants, back.note) == (term.source, term.variants, term.note)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_toml_string_is_valid_toml(value: str) -> None:
    assert tomllib.loads(f"key = {toml_string(value)}")["key"] == value


def test_errors_are_l10n_errors_with_exit_code_2() -> None:
    assert issubclass(GlossaryError, L10nError) and GlossaryError("x").exit_code == 2


# ------------------------------------------------------------------ formula cells (OWASP)
FORMULAS = ["=cmd|' /C calc'!A0", "+HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3", "=1+1", "'=already quoted", "'plain apostrophe", "ok"]


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(tmp_path: Path) -> None:
    terms = [Term(source=f, targets=MappingProxyType({"ko": f}), note=f) for f in FORMULAS]
    text = write_csv(terms, "ko", notes=True)
    for row in csv.reader(io.StringIO(text)):
        for cell in row[0:3]:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    path = tmp_path / "terms.csv"
    path.write_text(text, encoding="utf-8")
    back = read_csv(path, "ko")
    assert [(t.source, t.target("ko"), t.note) for t in back] == [(f, f, f) for f in FORMULAS]


@given(st.lists(st.text(min_size=1).map(str.strip).filter(bool), min_size=1, max_size=5))
def test_csv_round_trip_keeps_every_cell(cells: list[str]) -> None:
    import tempfile

    terms = [Term(source=c, targets=MappingProxyType({"ko": c}), note=c) for c in cells]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "terms.csv"
        path.write_text(write_csv(terms, "ko", notes=True), encoding="utf-8", newline="")
        try:
            back = read_csv(path, "ko")
        except GlossaryError:
            return  # a cell the CSV reader itself refuses (NUL): not this rule's business
    assert [(t.source, t.target("ko"), t.note) for t in back] == [(c, c, c.strip()) for c in cells]
