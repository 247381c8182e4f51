"""The engine's other hypotheses in the memory file (table ``alternative``, schema 2), and
the upgrade of a version-1 memory that keeps every unit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from l10n.catalog import Entry
from l10n.memory import Memory
from l10n.memory.schema import SCHEMA_VERSION
from l10n.model import Hypothesis

SOURCE = "NVIDIA unveiled Blackwell."


def test_alternatives_are_kept_best_first_and_replaced_by_the_next_run(tmp_path: Path) -> None:
    with Memory.open(tmp_path / "m.sqlite") as memory:
        memory.set_alternatives(SOURCE, "en", "ko", [Hypothesis("둘", -0.5), Hypothesis("셋")],
                                "argos", "argos translate-en_ko 1.1")
        found = memory.alternatives(SOURCE, "en", "ko")
        assert [(a.text, a.score, a.rank, a.engine) for a in found] == [
            ("둘", -0.5, 1, "argos"), ("셋", None, 2, "argos")]
        assert memory.alternatives(SOURCE, "en", "ja") == []
        memory.set_alternatives(SOURCE, "en", "ko", [Hypothesis("넷", -0.7)], "argos", "m")
        assert [a.text for a in memory.alternatives(SOURCE, "en", "ko")] == ["넷"]
        memory.set_alternatives(SOURCE, "en", "ko", [], "argos", "m")
        assert memory.alternatives(SOURCE, "en", "ko") == []


def test_alternatives_are_not_translation_units(tmp_path: Path) -> None:
    with Memory.open(tmp_path / "m.sqlite") as memory:
        memory.set_alternatives(SOURCE, "en", "ko", [Hypothesis("대안")], "argos", "m")
        assert memory.units() == [] and memory.stats()["units"] == 0
        assert memory.exact(SOURCE, "en", "ko") is None
        assert memory.fuzzy(SOURCE, "en", "ko", 0.5) == []


# what version 3 added (the history, the targets' index): absent from older memories
V3_TABLES = ("DROP TABLE history", "DROP TRIGGER unit_target_ai", "DROP TRIGGER unit_target_ad",
             "DROP TRIGGER unit_target_au", "DROP TABLE unit_target_fts")


def _as_version_1(path: Path) -> None:
    """What l10n with schema 1 left: the same file without the alternative table."""
    db = sqlite3.connect(path)
    for statement in V3_TABLES:
        db.execute(statement)
    db.execute("DROP TABLE alternative")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def test_a_version_1_memory_is_upgraded_and_keeps_its_units(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite"
    with Memory.open(path) as memory:
        memory.harvest([Entry(SOURCE, "엔비디아가 블랙웰을 공개했다.")], "en", "ko", "a.po")
        memory.add_machine("Second.", "둘째.", "en", "ko", "argos", "m")
        before = memory.units()
    _as_version_1(path)
    with Memory.open(path) as memory:
        assert memory.units() == before
        assert memory.exact(SOURCE, "en", "ko") is not None
        assert memory.fuzzy("NVIDIA unveiled Blackwell!", "en", "ko", 0.8)
        memory.set_alternatives(SOURCE, "en", "ko", [Hypothesis("대안")], "argos", "m")
        assert [a.text for a in memory.alternatives(SOURCE, "en", "ko")] == ["대안"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    db.close()
