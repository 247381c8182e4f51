"""Translation memory: harvest, exact and fuzzy lookup, TMX interchange, and the CLI."""

from __future__ import annotations

import difflib
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from l10n.catalog import Entry
from l10n.errors import InputError
from l10n.memory import MACHINE, REVIEWED, Memory
from l10n.memory.schema import SCHEMA_VERSION
from l10n.memory.tmx import export_tmx, import_tmx

DATA = Path(__file__).parent / "data" / "tmx"
CAT = "The cat sat on the mat."
CAT_KO = "고양이가 매트에 앉았다."
BIRDS = "Birds fly south in the winter."


@pytest.fixture()
def memory(tmp_path: Path):
    with Memory.open(tmp_path / ".l10n" / "memory.sqlite") as opened:
        yield opened


def _entries() -> list[Entry]:
    return [
        Entry(CAT, CAT_KO),
        Entry(BIRDS, "새들은 겨울에 남쪽으로 날아간다."),
        Entry("A machine guess.", "기계의 추측.", fuzzy=True),
        Entry("Not translated yet.", ""),
        Entry("Gone sentence.", "사라진 문장.", obsolete=True),
    ]


# ---------------------------------------------------------------------- the file
def test_open_creates_folders_wal_and_schema_version(tmp_path):
    path = tmp_path / "deep" / ".l10n" / "memory.sqlite"
    with Memory.open(path):
        pass
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM unit").fetchone()[0] == 0
    db.close()


def test_a_file_that_is_not_a_memory_is_refused(tmp_path):
    path = tmp_path / "memory.sqlite"
    path.write_text("not sqlite at all, " * 100)
    with pytest.raises(InputError) as caught:
        Memory.open(path)
    assert caught.value.path == str(path)


def test_a_memory_from_a_newer_l10n_is_refused(tmp_path):
    path = tmp_path / "memory.sqlite"
    with Memory.open(path):
        pass
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(InputError, match="newer"):
        Memory.open(path)


def test_open_without_create_needs_an_existing_memory(tmp_path):
    with pytest.raises(InputError, match="no translation memory"):
        Memory.open(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


# ---------------------------------------------------------------------- harvest
def test_harvest_stores_only_reviewed_entries(memory):
    """Reviewed = translated and not fuzzy; an obsolete one is still a reviewed
    translation of its (removed) sentence, kept before a purge can drop it."""
    assert memory.harvest(_entries(), "en", "ko", "locales/ko/a.po") == 3
    unit = memory.exact(CAT, "en", "ko")
    assert unit is not None and unit.target_text == CAT_KO
    assert (unit.kind, unit.origin, unit.source_lang, unit.target_lang) == (
        REVIEWED, "locales/ko/a.po", "en", "ko",
    )  # fmt: skip
    assert memory.exact("A machine guess.", "en", "ko") is None
    assert memory.exact("Gone sentence.", "en", "ko").target_text == "사라진 문장."
    assert memory.stats() == {
        "units": 3, "pairs": [{"source": "en", "target": "ko", REVIEWED: 3, MACHINE: 0}],
    }  # fmt: skip


def test_harvesting_again_changes_nothing_not_even_the_file(tmp_path):
    path = tmp_path / "memory.sqlite"
    with Memory.open(path) as memory:
        memory.harvest(_entries(), "en", "ko", "a.po")
    before, mtime = path.read_bytes(), os.stat(path).st_mtime_ns
    time.sleep(0.05)
    with Memory.open(path) as memory:
        assert memory.harvest(_entries(), "en", "ko", "b.po") == 0
        assert memory.exact(CAT, "en", "ko").origin == "a.po"  # type: ignore[union-attr]
    assert path.read_bytes() == before and os.stat(path).st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.sqlite"]


def test_reviewed_beats_machine(memory):
    assert memory.add_machine(CAT, "기계 번역", "en", "ko", "argos", "translate-en_ko-1.1")
    unit = memory.exact(CAT, "en", "ko")
    assert unit is not None and (unit.kind, unit.engine, unit.model) == (
        MACHINE, "argos", "translate-en_ko-1.1",
    )  # fmt: skip
    memory.harvest([Entry(CAT, CAT_KO)], "en", "ko", "a.po")
    unit = memory.exact(CAT, "en", "ko")
    assert unit is not None and (unit.kind, unit.target_text) == (REVIEWED, CAT_KO)
    assert memory.stats()["pairs"][0][MACHINE] == 0  # the machine unit was replaced
    assert not memory.add_machine(CAT, "또 다른 기계 번역", "en", "ko", "argos", "m2")
    assert memory.exact(CAT, "en", "ko").target_text == CAT_KO  # type: ignore[union-attr]


def test_machine_output_identical_to_the_review_becomes_reviewed(memory):
    memory.add_machine(CAT, CAT_KO, "en", "ko", "argos", "m1")
    assert memory.harvest([Entry(CAT, CAT_KO)], "en", "ko", "a.po") == 1
    assert memory.stats()["pairs"][0] == {"source": "en", "target": "ko", REVIEWED: 1, MACHINE: 0}


def test_one_machine_unit_per_source_the_latest(memory):
    memory.add_machine(CAT, "첫 번째", "en", "ko", "argos", "m1")
    memory.add_machine(CAT, "두 번째", "en", "ko", "argos", "m2")
    assert memory.add_machine(CAT, "두 번째", "en", "ko", "argos", "m2") is False
    assert memory.stats()["units"] == 1
    assert memory.exact(CAT, "en", "ko").target_text == "두 번째"  # type: ignore[union-attr]


def test_exact_prefers_the_most_recent_review(memory):
    memory.harvest([Entry(CAT, "옛 번역")], "en", "ko", "a.po")
    memory.harvest([Entry(CAT, CAT_KO)], "en", "ko", "b.po")
    assert memory.exact(CAT, "en", "ko").target_text == CAT_KO  # type: ignore[union-attr]
    assert memory.exact(CAT, "en", "ja") is None
    assert memory.exact("The cat sat on the mat", "en", "ko") is None


def test_language_regions(memory):
    memory.harvest([Entry(CAT, CAT_KO)], "en-US", "ko-KR", "tmx:a.tmx")
    memory.harvest([Entry(BIRDS, "새")], "en", "ko", "a.po")
    assert memory.exact(CAT, "en", "ko").target_lang == "ko_KR"  # type: ignore[union-attr]
    assert memory.exact(BIRDS, "en_US", "ko_KR") is not None  # bare ko serves ko_KR
    assert memory.exact(CAT, "en", "ko_KP") is None  # another region does not
    assert memory.exact(CAT, "en", "ja") is None


# ---------------------------------------------------------------------- fuzzy
def test_fuzzy_scores_and_threshold(memory):
    memory.harvest(_entries(), "en", "ko", "a.po")
    query = "The cat sat on the red mat."
    expected = difflib.SequenceMatcher(None, query, CAT, autojunk=False).ratio()
    matches = memory.fuzzy(query, "en", "ko", 0.75)
    assert [m.unit.source_text for m in matches] == [CAT]
    assert matches[0].score == pytest.approx(expected) and 0.9 < expected < 1
    assert memory.fuzzy(query, "en", "ko", 0.95) == []
    assert memory.fuzzy(query, "en", "ja", 0.5) == []
    assert memory.fuzzy("xy", "en", "ko", 0.5) == []


def test_fuzzy_is_best_first_and_reviewed_first_at_equal_scores(memory):
    memory.harvest([Entry("The cat sat on the mat today.", "오늘")], "en", "ko", "a.po")
    memory.harvest([Entry(CAT, CAT_KO)], "en", "ko", "a.po")
    memory.add_machine(CAT.replace("cat", "bat"), "박쥐", "en", "ko", "argos", "m")
    memory.add_machine(CAT.replace("cat", "rat"), "쥐", "en", "ko", "argos", "m")
    memory.harvest([Entry(CAT.replace("cat", "hat"), "모자")], "en", "ko", "a.po")
    matches = memory.fuzzy(CAT.replace("cat", "dog"), "en", "ko", 0.6, limit=10)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True) and len(matches) == 5
    tied = [m for m in matches if m.score == scores[0]]
    assert tied[0].unit.kind == REVIEWED and tied[-1].unit.kind == MACHINE


@pytest.mark.slow
def test_fuzzy_finds_the_near_match_among_many_units(tmp_path):
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
             for _ in range(3000)]  # fmt: skip
    common = ["the", "of", "and", "to", "a", "in", "is", "that", "for", "on", "with", "at"]

    def sentence() -> str:
        pool = [rng.choice(common) if rng.random() < 0.35 else rng.choice(words)
                for _ in range(rng.randint(8, 30))]  # fmt: skip
        return " ".join(pool).capitalize() + "."

    texts = list(dict.fromkeys(sentence() for _ in range(10000)))
    with Memory.open(tmp_path / "m.sqlite") as memory:
        memory.harvest((Entry(t, f"번역 {i}") for i, t in enumerate(texts)), "en", "ko", "x")
        start = time.perf_counter()
        for target in texts[:20]:
            query = target[:-1] + " again."
            matches = memory.fuzzy(query, "en", "ko", 0.8)
            assert matches and matches[0].unit.source_text == target
        assert (time.perf_counter() - start) / 20 < 1.0  # about 0.05 s on one core


# ---------------------------------------------------------------------- TMX
def test_tmx_round_trip(tmp_path, memory):
    memory.harvest(_entries(), "en", "ko", "locales/ko/a.po")
    memory.add_machine(
        "Machine only.", "기계만.", "en", "ko", "argos", "translate-en_ko-1.1", origin="a.po"
    )
    memory.harvest([Entry(CAT, "猫がマットに座った。")], "en", "ja", "locales/ja/a.po")
    out = tmp_path / "out.tmx"
    assert export_tmx(memory, out) == 5
    root = ET.parse(out).getroot()
    header = root.find("header")
    assert root.get("version") == "1.4" and header is not None
    assert {k: header.get(k) for k in ("creationtool", "srclang", "segtype", "datatype")} == {
        "creationtool": "l10n", "srclang": "en", "segtype": "sentence", "datatype": "plaintext",
    }  # fmt: skip
    assert header.get("adminlang") and header.get("o-tmf")
    with Memory.open(tmp_path / "other.sqlite") as other:
        assert import_tmx(other, out) == 5
        assert import_tmx(other, out) == 0
        assert [_fields(u) for u in other.units()] == [_fields(u) for u in memory.units()]


def _fields(unit):
    return (unit.source_lang, unit.target_lang, unit.source_text, unit.target_text, unit.kind,
            unit.origin, unit.engine, unit.model, unit.created, unit.updated)  # fmt: skip


def test_export_filters_languages_and_does_not_churn(tmp_path, memory):
    memory.harvest(_entries(), "en", "ko", "a.po")
    memory.harvest([Entry(CAT, "猫")], "en", "ja", "a.po")
    out = tmp_path / "ko.tmx"
    assert export_tmx(memory, out, target="ko") == 3
    assert "猫" not in out.read_text(encoding="utf-8")
    mtime = os.stat(out).st_mtime_ns
    time.sleep(0.05)
    export_tmx(memory, out, target="ko")
    assert os.stat(out).st_mtime_ns == mtime


def test_tmx_from_another_tool_imports(memory):
    assert import_tmx(memory, DATA / "omegat.tmx") == 4
    title = memory.exact("NVIDIA Hails South Korea as Global AI Epicenter", "en", "ko")
    assert title is not None
    assert (title.source_lang, title.target_lang, title.kind) == ("en_US", "ko_KR", REVIEWED)
    assert title.origin == "tmx:omegat.tmx"
    assert (title.created, title.updated) == ("2025-11-03T09:12:00Z", "2025-11-04T10:15:00Z")
    fab = memory.exact("Samsung Electronics builds a new fab in Pyeongtaek.", "en", "ko")
    assert fab is not None and fab.target_text == "삼성전자는 평택에 새 공장을 짓는다."
    prices = memory.exact("Prices rose by 3 percent & more.", "en", "ja")
    assert prices is not None and prices.target_lang == "ja_JP"
    assert memory.exact("An untranslated segment.", "en", "ko") is None


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("unclosed.tmx", 11, "malformed XML: mismatched tag"),
        ("entities.tmx", 2, "DTD"),
        ("nolang.tmx", 11, "without xml:lang"),
    ],
)
def test_malformed_tmx_is_refused_with_its_line_and_nothing_imported(memory, name, line, message):
    with pytest.raises(InputError) as caught:
        import_tmx(memory, DATA / name)
    assert caught.value.line == line and message in caught.value.message
    assert caught.value.path == str(DATA / name)
    assert memory.stats()["units"] == 0


def test_tmx_with_foreign_root_or_bad_language_is_refused(tmp_path, memory):
    bad = tmp_path / "bad.tmx"
    bad.write_text('<?xml version="1.0"?>\n<xliff version="1.2"/>\n', encoding="utf-8")
    with pytest.raises(InputError, match="root element is <xliff>"):
        import_tmx(memory, bad)
    bad.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>\n<tu>\n'
        '<tuv xml:lang="en"><seg>a</seg></tuv>\n<tuv xml:lang="qqq-ZZ"><seg>b</seg></tuv>\n'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="language code") as caught:
        import_tmx(memory, bad)
    assert caught.value.line == 4


# ---------------------------------------------------------------------- CLI
def _l10n(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "l10n", *args], cwd=root, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


@pytest.mark.slow
def test_cli_import_stats_export(tmp_path):
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    done = _l10n(tmp_path, "memory", "stats", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["units"] == 0
    assert not (tmp_path / ".l10n" / "memory.sqlite").exists()
    done = _l10n(tmp_path, "memory", "export")
    assert done.returncode == 2 and "no translation memory" in done.stderr

    done = _l10n(tmp_path, "memory", "import", str(DATA / "omegat.tmx"))
    assert done.returncode == 0, done.stderr
    assert "4 units added or changed" in done.stdout
    stats = json.loads(_l10n(tmp_path, "memory", "stats", "--json").stdout)
    assert stats["units"] == 4 and {p["target"] for p in stats["pairs"]} == {"ko_KR", "ja_JP"}
    shown = _l10n(tmp_path, "memory", "stats").stdout
    assert "ko_KR" in shown
    assert shown.splitlines()[0] == ".l10n/memory.sqlite:"  # whole, not wrapped in a title
    assert stats["path"] == ".l10n/memory.sqlite"

    done = _l10n(tmp_path, "memory", "export", "--format", "tmx", "--lang", "ko")
    assert done.returncode == 0 and done.stdout.startswith("<?xml")
    assert len(ET.fromstring(done.stdout).findall("body/tu")) == 3
    done = _l10n(tmp_path, "memory", "export", "--out", "all.tmx")
    assert done.returncode == 0 and len(ET.parse(tmp_path / "all.tmx").findall("body/tu")) == 4
    done = _l10n(tmp_path, "memory", "export", "--format", "csv")
    assert done.returncode == 2 and "--format tmx" in done.stderr


@pytest.mark.slow
def test_cli_refuses_malformed_tmx_with_exit_2(tmp_path):
    (tmp_path / "l10n.toml").write_text('source = "en"\n', encoding="utf-8")
    done = _l10n(tmp_path, "memory", "import", str(DATA / "unclosed.tmx"))
    assert done.returncode == 2
    assert f"Error: {DATA / 'unclosed.tmx'}:11: malformed XML" in done.stderr
    assert json.loads(_l10n(tmp_path, "memory", "stats", "--json").stdout)["units"] == 0


def test_a_batch_is_one_transaction_all_or_nothing(memory):
    with pytest.raises(RuntimeError), memory.transaction():
        memory.add_machine(CAT, "하나", "en", "ko", "argos", "m")
        memory.add_machine(BIRDS, "둘", "en", "ko", "argos", "m")
        raise RuntimeError("killed mid-batch")
    assert memory.stats()["units"] == 0
    with memory.transaction():
        memory.add_machine(CAT, "하나", "en", "ko", "argos", "m")
        memory.add_machine(BIRDS, "둘", "en", "ko", "argos", "m")
    assert memory.stats()["units"] == 2


def test_a_machine_unit_turned_reviewed_takes_the_catalog_as_origin(memory):
    """Accepting machine output as it is turns its machine unit into a reviewed one:
    the unit then names the catalog it was reviewed in (the machine unit had none)."""
    memory.add_machine(CAT, CAT_KO, "en", "ko", "argos", "translate-en_ko 1.1")
    assert memory.harvest([Entry(CAT, CAT_KO)], "en", "ko", "locales/ko/a.po") == 1
    unit = memory.exact(CAT, "en", "ko")
    assert (unit.kind, unit.origin) == (REVIEWED, "locales/ko/a.po")
