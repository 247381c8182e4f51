"""Pruning the state (l10n.incremental.database): the facts of deleted articles go, the file
shrinks with the archive, without a step the user must remember, and nothing a command
prints or writes changes (the state is a cache)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from l10n.incremental import State
from l10n.incremental.database import EVERY_WRITES
from l10n.incremental.store import STATE_FILE
from tests.test_state import _archive, _cli, _tree


def _rows(project: Path) -> tuple[int, int]:
    db = sqlite3.connect(project / ".l10n" / STATE_FILE)
    try:
        return (db.execute("SELECT count(*) FROM file").fetchone()[0],
                db.execute("SELECT count(*) FROM fact").fetchone()[0])
    finally:
        db.close()


def _paths(project: Path) -> set[str]:
    db = sqlite3.connect(project / ".l10n" / STATE_FILE)
    try:
        return {row[0] for row in db.execute("SELECT path FROM file UNION SELECT path FROM fact")}
    finally:
        db.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    _archive(tmp_path, 40)
    return tmp_path


def _delete_most(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(4, 40):
        slug = f"story-{number}"
        (project / "seeds" / f"{slug}.txt").unlink()
    # the catalogs of deleted articles go too, as `update --purge-obsolete` users do
    for path in (project / "locales").rglob("story-*"):
        if int(path.name.split("-")[1].split(".")[0]) >= 4:
            path.unlink()


@pytest.mark.slow
def test_state_prune_drops_the_facts_of_deleted_articles_and_shrinks_the_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for args in (["translate"], ["status"], ["build", "--include-machine"]):
        assert _cli(args, project, monkeypatch)[0] == 0
    files, facts = _rows(project)
    size = (project / ".l10n" / STATE_FILE).stat().st_size
    _delete_most(project, monkeypatch)
    code, out = _cli(["state", "prune", "--json"], project, monkeypatch)
    assert code == 0, out
    report = json.loads(out)
    assert report["pruned"] and report["files"] > 0 and report["facts"] > 0
    after_files, after_facts = _rows(project)
    assert after_files < files / 3 and after_facts < facts / 3
    assert (project / ".l10n" / STATE_FILE).stat().st_size < size / 2  # compacted
    for name in _paths(project):
        assert "story-1" not in name or name.endswith(("story-1.txt", "story-1.po",
                                                        "story-1.pot", "story-1.html",
                                                        "story-1.md", "story-1.article.html"))
        if name.startswith("/") and "/seeds/story-" in name:
            assert Path(name).exists(), name  # no fact of a deleted article is left


@pytest.mark.slow
def test_prune_changes_no_output_and_commands_stay_warm(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for args in (["translate"], ["build", "--include-machine"]):
        assert _cli(args, project, monkeypatch)[0] == 0
    _delete_most(project, monkeypatch)
    before = [_cli(args, project, monkeypatch) for args in (["status"], ["check"])]
    tree = _tree(project)
    assert _cli(["state", "prune"], project, monkeypatch)[0] == 0
    assert [_cli(args, project, monkeypatch) for args in (["status"], ["check"])] == before
    assert _tree(project) == tree
    with State(project / ".l10n") as state:  # what is left still vouches for files
        catalog = next((project / "locales" / "ko").glob("*.po"))
        assert state.known(catalog).digest is not None


def test_the_state_prunes_itself_after_a_few_runs_that_write(tmp_path: Path) -> None:
    folder = tmp_path / ".l10n"
    kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
    kept.write_text("a", encoding="utf-8")
    gone.write_text("b", encoding="utf-8")
    with State(folder) as state:
        state.digest(kept)
        state.digest(gone)
        state.set_fact(gone, "article", "x", "k", {"slug": "gone"})
    gone.unlink()
    for run in range(EVERY_WRITES - 1):  # the first run above wrote rows too
        assert str(gone) in _paths(tmp_path)  # not yet: a prune costs a stat per row
        extra = tmp_path / f"new-{run}.txt"
        extra.write_text(str(run), encoding="utf-8")
        with State(folder) as state:
            state.digest(extra)  # a run that writes rows
    assert str(gone) not in _paths(tmp_path)
    assert str(kept) in _paths(tmp_path)


def test_a_run_that_writes_nothing_does_not_count(tmp_path: Path) -> None:
    folder = tmp_path / ".l10n"
    kept = tmp_path / "kept.txt"
    kept.write_text("a", encoding="utf-8")
    with State(folder) as state:
        state.digest(kept)
    for _ in range(EVERY_WRITES * 2):
        with State(folder) as state:
            assert state.known(kept).digest is not None
    db = sqlite3.connect(folder / STATE_FILE)
    row = db.execute("SELECT value FROM meta WHERE name = 'writes_since_prune'").fetchone()
    db.close()
    assert row == ("1",)  # only the first run wrote


def test_span_facts_naming_a_gone_file_are_pruned(tmp_path: Path) -> None:
    folder = tmp_path / ".l10n"
    kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
    kept.write_text("a", encoding="utf-8")
    gone.write_text("b", encoding="utf-8")
    with State(folder) as state:
        for name, files in (("<span:status>aaa", [kept.name]),
                            ("<span:status>bbb", [kept.name, gone.name])):
            state.set_fact(name, "status", "n", "k",
                           {"present": {str(tmp_path): files}, "absent": {}, "stamps": "x"})
        state.set_fact("<glossary>", "glossary", "g", "k", [])
    gone.unlink()
    with State(folder) as state:
        result = state.prune()
    assert result is not None and result.facts == 1
    assert _paths(tmp_path) >= {"<span:status>aaa", "<glossary>"}
    assert "<span:status>bbb" not in _paths(tmp_path)


def test_prune_drops_exactly_the_rows_of_what_is_gone(tmp_path: Path) -> None:
    """Row by row (the prune streams): a file row and every per-file fact of a path that
    is gone or no longer a regular file go; those of a file still there, facts named by
    something else (``<...>``) and spans whose files are all there stay; a span fact
    this code cannot read goes (it would never replay)."""
    from l10n.incremental.stamps import stamp_of

    folder = tmp_path / ".l10n"
    kept, gone, dir_now = (tmp_path / name for name in ("kept.txt", "gone.txt", "dir"))
    for path in (kept, gone, dir_now):
        path.write_text(path.name, encoding="utf-8")
    with State(folder) as state:
        for path in (kept, gone, dir_now):
            state.record(path, stamp_of(path), "d")
            for kind in ("status", "check"):
                state.set_fact(path, kind, "d", "k", [path.name])
        state.set_fact("<glossary>", "glossary", "g", "k", [])
        state.set_fact("<span:check>ok", "check", "n", "k",
                       {"present": {str(tmp_path): [kept.name]}, "absent": {}, "stamps": "x"})
        state.set_fact("<span:check>old", "check", "n", "k", ["an older shape"])
    gone.unlink()
    dir_now.unlink()
    dir_now.mkdir()
    with State(folder) as state:
        result = state.prune()
    assert result is not None and (result.files, result.facts) == (2, 5)
    assert _paths(tmp_path) == {str(kept), "<glossary>", "<span:check>ok"}
    assert _rows(tmp_path) == (1, 4)


def test_prune_without_a_state_file_says_so(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    code, out = _cli(["state", "prune"], tmp_path, monkeypatch)
    assert code == 0 and "nothing to prune" in out
    assert not (tmp_path / ".l10n" / STATE_FILE).exists()


@pytest.mark.parametrize("first", [["translate"], ["update"]])
def test_the_first_status_and_check_after_a_run_that_writes_catalogs_read_none_of_them(
    project: Path, monkeypatch: pytest.MonkeyPatch, first: list[str]
) -> None:
    from l10n.catalog import Catalog

    assert _cli(first, project, monkeypatch)[0] == 0
    read: list[Path] = []
    real = Catalog.read.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Catalog], path: Path, *args: object, **kwargs: object) -> Catalog:
        read.append(Path(path))
        return real(cls, path, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Catalog, "read", classmethod(counting))
        warm = [_cli(args, project, monkeypatch) for args in (["status", "--json"], ["check"])]
    assert warm[0][0] == 0
    assert not [path for path in read if path.suffix == ".po"], read[:3]
    (project / ".l10n" / STATE_FILE).unlink()
    assert [_cli(args, project, monkeypatch)  # the same answers as a cold run
            for args in (["status", "--json"], ["check"])] == warm
