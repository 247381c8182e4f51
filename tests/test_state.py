"""The state file (.l10n/state.sqlite): cheap facts, the racy rule, a corrupt file rebuilt,
commands that read nothing when nothing changed, and the property that matters: every
command's output is the same with the state as with the state file deleted."""

from __future__ import annotations

import os
import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from l10n.cli import app
from l10n.cli._common import _show_warning
from l10n.errors import L10nError, L10nWarning
from l10n.incremental import State, spans, stamp_of
from l10n.incremental.store import STATE_FILE
from tests.cli_helpers import run_l10n

ARTICLE = """\
{title}
Jane Doe
desk@example.com | 2025-11-0{day} 06:24:39
{body}
"""
SENTENCES = [
    "Samsung Electronics reported a record profit for the quarter.",
    "Nvidia will supply 260,000 GPUs to South Korea.",
    "The PC Bang culture shaped a generation of gamers.",
    "Hyundai Motor Group plans a new factory in Ulsan.",
    "Analysts expect demand for memory chips to rise.",
    "The government called the deal an alliance.",
    "Shares rose 3% in Seoul after the announcement.",
    "Naver Cloud will build a data centre near Sejong.",
]
GLOSSARY = '[[term]]\nsource = "Ulsan"\n[term.targets]\nko = "울산"\nes = "Ulsan"\n'


# ------------------------------------------------------------------ the parts
def test_a_stamp_is_trusted_only_once_its_change_time_is_older_than_the_record(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.po"
    path.write_text("a", encoding="utf-8")
    stamp = stamp_of(path)
    assert stamp is not None
    assert not stamp.trusted(stamp.ctime_ns)  # changed in the tick it was recorded: racy
    assert stamp.trusted(stamp.ctime_ns + 1)


def test_same_size_edit_with_the_mtime_put_back_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "ko.po"
    path.write_text('msgstr "abc"\n', encoding="utf-8")
    with State(tmp_path / ".l10n") as state:
        assert state.digest(path) is not None
    before = os.stat(path)
    with State(tmp_path / ".l10n") as state:
        assert state.known(path).digest is not None  # unchanged: vouched for, unread
    path.write_text('msgstr "abd"\n', encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # touch -r
    with State(tmp_path / ".l10n") as state:
        assert state.known(path).digest is None  # ctime moved: read again


@pytest.mark.parametrize("damage", ["random", "truncated", "other", "sqlite"])
def test_a_corrupt_state_file_is_rebuilt_not_trusted(tmp_path: Path, damage: str) -> None:
    """Deleted and made again, and the run says so, naming the file."""
    folder = tmp_path / ".l10n"
    path = tmp_path / "a.txt"
    path.write_text("a", encoding="utf-8")
    with State(folder) as state:
        state.digest(path)
    state_file = folder / STATE_FILE
    if damage == "random":
        state_file.write_bytes(os.urandom(8192))
    elif damage == "truncated":
        state_file.write_bytes(state_file.read_bytes()[:1000])
    elif damage == "other":
        db = sqlite3.connect(state_file)
        db.execute("UPDATE meta SET value = 'another' WHERE name = 'format'")
        db.commit()
        db.close()
    else:  # somebody else's SQLite file
        for suffix in ("", "-wal", "-shm"):
            Path(f"{state_file}{suffix}").unlink(missing_ok=True)
        db = sqlite3.connect(state_file)
        db.execute("CREATE TABLE notes (text TEXT)")
        db.commit()
        db.close()
    with pytest.warns(L10nWarning) as told, State(folder) as state:
        assert state.known(path).digest is None  # nothing vouched for
        state.digest(path)
    said = [item.message for item in told if isinstance(item.message, L10nWarning)]
    assert len(said) == 1 and said[0].error.path == str(state_file)
    assert "deleted and made again" in str(said[0])
    with State(folder) as state:
        assert state.known(path).digest is not None  # and it works again


def _archive(project: Path, count: int) -> None:
    for number in range(count):
        body = " ".join(f"{s[:-1]} in story {number}." for s in SENTENCES[:4])
        text = ARTICLE.format(title=f"Story {number}", day=number % 9 + 1, body=body)
        (project / "seeds" / f"story-{number}.txt").write_text(text, encoding="utf-8")
    (project / "l10n.toml").write_text('source = "en"\ntargets = ["ko", "es"]\nengine = "pseudo"\n',
                                       encoding="utf-8")


COMMANDS = [["translate"], ["status"], ["check"], ["build", "--include-machine"]]


def _ok(command: list[str]) -> tuple[int, ...]:
    """Exit codes of a run that worked: ``check`` exits 1 on the pseudo engine's output,
    which is never a translation (an error in check)."""
    return (0, 1) if command[0] == "check" else (0,)


# ------------------------------------------------------------------ the property
def _cli(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """``l10n ARGS`` in ``cwd`` as the CLI runs it: (exit code, output and errors)."""
    with monkeypatch.context() as patch, warnings.catch_warnings():
        patch.chdir(cwd)
        warnings.simplefilter("default")
        warnings.showwarning = _show_warning
        result = CliRunner().invoke(app, args)
    out = result.stdout + result.stderr
    code = result.exit_code
    if isinstance(result.exception, L10nError):
        out += f"Error: {result.exception.format_message()}\n"
        code = result.exception.exit_code
    elif result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return code, out.replace(str(cwd), "ROOT")


def _tree(root: Path) -> dict[str, str]:
    """The project's files (not .l10n), dates in catalog headers left out."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and ".l10n" not in path.parts:
            text = path.read_bytes().decode("utf-8", "replace")
            lines = [line for line in text.split("\n")
                     if not line.startswith(('"PO-Revision-Date', '"POT-Creation-Date'))]
            found[str(path.relative_to(root))] = "\n".join(lines)
    return found


def _memory(root: Path) -> set[tuple[str, ...]]:
    path = root / ".l10n" / "memory.sqlite"
    if not path.exists():
        return set()
    db = sqlite3.connect(path)
    try:
        return set(db.execute("SELECT source_lang, target_lang, source_text, target_text, kind "
                              "FROM unit"))
    except sqlite3.Error:
        return set()
    finally:
        db.close()


class _Project:
    """A project that users change, with ops as hypothesis draws them."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def article(self, number: int, picks: list[int]) -> None:
        body = " ".join(SENTENCES[i % len(SENTENCES)] for i in picks) or "Nothing new today."
        text = ARTICLE.format(title=f"Story {number}", day=number + 1, body=body)
        (self.root / "seeds" / f"story-{number}.txt").write_text(text, encoding="utf-8")

    def catalogs(self) -> list[Path]:
        return sorted((self.root / "locales").glob("*/*.po"))

    def edit_catalog(self, pick: int, keep_mtime: bool, review: bool) -> None:
        found = self.catalogs()
        if not found:
            return
        path = found[pick % len(found)]
        before = os.stat(path)
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgstr:
                # same size: one letter for another, as a translator fixing a typo
                entry.msgstr = entry.msgstr[:-1] + ("x" if entry.msgstr[-1] != "x" else "y")
                if review and "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                break
        po.save(str(path))  # polib's own wrapping, as a PO editor saves
        if keep_mtime:
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    def retype(self, pick: int, keep_mtime: bool) -> None:
        """A text editor's same-size edit: one character of a translation for another of
        the same length in bytes (the mtime put back, as ``touch -r`` does)."""
        found = self.catalogs()
        if not found:
            return
        path = found[pick % len(found)]
        before = os.stat(path)
        lines = path.read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(lines):
            if line.startswith('msgstr "') and len(line) > 9:
                old = line[8]
                new = {1: "xy", 2: "éè", 3: "가나", 4: "😀😁"}[len(old.encode("utf-8"))]
                lines[number] = line[:8] + (new[1] if old == new[0] else new[0]) + line[9:]
                break
        path.write_text("\n".join(lines), encoding="utf-8")
        if keep_mtime:
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    def delete(self, what: str, pick: int) -> None:
        if what == "article":
            found = sorted((self.root / "seeds").glob("story-*"))
        elif what == "catalog":
            found = self.catalogs()
        else:
            found = [self.root / ".l10n" / "memory.sqlite"]
        if found:
            found[pick % len(found)].unlink(missing_ok=True)

    def glossary(self, on: bool) -> None:
        path = self.root / "glossaries" / "extra.toml"
        if on:
            path.write_text(GLOSSARY, encoding="utf-8")
        else:
            path.unlink(missing_ok=True)

    def config(self, variant: int) -> None:
        extra = ['', 'memory_exact = "reviewed"\n', 'furniture = ["MOST READ"]\n'][variant % 3]
        (self.root / "l10n.toml").write_text(
            f'source = "en"\ntargets = ["ko", "es"]\nengine = "pseudo"\n{extra}',
            encoding="utf-8")


EDITS = st.one_of(
    st.tuples(st.just("catalog"), st.integers(0, 20), st.booleans(), st.booleans()),
    st.tuples(st.just("retype"), st.integers(0, 20), st.booleans()),
)
OPS = st.one_of(
    st.tuples(st.just("article"), st.integers(0, 3), st.lists(st.integers(0, 9), max_size=5)),
    EDITS, EDITS,
    st.tuples(st.just("delete"), st.sampled_from(["article", "catalog", "memory"]),
              st.integers(0, 20)),
    st.tuples(st.just("glossary"), st.booleans()),
    st.tuples(st.just("config"), st.integers(0, 2)),
    st.tuples(st.just("run"), st.sampled_from(
        [["translate"], ["update"], ["status"], ["check"], ["check", "--only", "reviewed"],
         ["build", "--include-machine"], ["build", "--min-reviewed", "10"],
         ["translate", "--engine", "none"], ["check", "--annotate"], ["check", "--json"],
         ["update", "--purge-obsolete"], ["update", "--purge-orphans"],
         ["build", "--include-machine", "--fail-on-errors"], ["status", "--lang", "ko"],
         ["translate", "--lang", "es"], ["status", "seeds/story-1.txt"],
         ["check", "--lang", "es", "seeds/story-0.txt"],
         ["build", "--include-machine", "seeds/story-1.txt"], ["state", "prune"],
         ["extract"], ["translate", "--retranslate", "machine"],
         ["build", "--include-machine", "--format", "hugo", "--out", "hugo"],
         ["build", "--include-machine", "--site-url", "https://news.example.com/"]]),
              st.sampled_from(["", "seeds", "locales/ko"])),  # the folder it runs in
)


@pytest.fixture()
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("property")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(ops=st.lists(OPS, min_size=3, max_size=12))
# found by it: a purge merged (and counted) a catalog the state knew had nothing to purge
@example(ops=[("article", 0, []), ("article", 0, []), ("run", ["update", "--purge-obsolete"], "")])
def test_every_command_says_and_does_what_it_does_without_the_state(
    project: Path, scratch: Path, monkeypatch: pytest.MonkeyPatch,
    ops: list[tuple[object, ...]],
) -> None:
    monkeypatch.setattr(spans, "EVERY", 2)  # spans of an article or two: edits fall in
    monkeypatch.setattr(spans, "LONGEST", 2)  # one while the others are replayed
    root = scratch / "with-state"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(project, root)
    (root / "seeds" / "nvidia-korea-ai-alliance.txt").unlink()
    user = _Project(root)
    for number in range(2):
        user.article(number, [number, number + 1, number + 2])
    user.config(0)
    for command in COMMANDS:  # every command has facts in the state to go wrong with
        assert _cli(command, root, monkeypatch)[0] in _ok(command)
    for op in [*ops, ("run", ["status"]), ("run", ["build", "--include-machine"])]:
        kind = op[0]
        if kind == "article":
            user.article(op[1], op[2])  # type: ignore[arg-type]
        elif kind == "catalog":
            user.edit_catalog(op[1], op[2], op[3])  # type: ignore[arg-type]
        elif kind == "retype":
            user.retype(op[1], op[2])  # type: ignore[arg-type]
        elif kind == "delete":
            user.delete(op[1], op[2])  # type: ignore[arg-type]
        elif kind == "glossary":
            user.glossary(bool(op[1]))
        elif kind == "config":
            user.config(op[1])  # type: ignore[arg-type]
        else:
            command: list[str] = op[1]  # type: ignore[assignment]
            where = str(op[2]) if len(op) > 2 else ""
            blank = scratch / "without-state"
            shutil.rmtree(blank, ignore_errors=True)
            shutil.copytree(root, blank)
            for name in (STATE_FILE, f"{STATE_FILE}-wal", f"{STATE_FILE}-shm"):
                (blank / ".l10n" / name).unlink(missing_ok=True)
            if where:  # named articles are relative to the project, wherever it runs
                command = [str(root / arg) if arg.startswith("seeds/") else arg
                           for arg in command]
                (root / where).mkdir(parents=True, exist_ok=True)
                (blank / where).mkdir(parents=True, exist_ok=True)
            named = [arg.replace(str(root), str(blank)) for arg in command]
            expected = _cli(named, blank / where, monkeypatch)
            found = _cli(command, root / where, monkeypatch)
            if command != ["state", "prune"]:  # it tells what it removed: only the state's
                assert (found[0], found[1].replace(str(root), "PROJECT")) == \
                    (expected[0], expected[1].replace(str(blank), "PROJECT")), command
            assert _tree(root) == _tree(blank), command
            assert _memory(root) == _memory(blank), command


def test_a_state_file_sqlite_cannot_open_is_left_alone_and_the_run_says_so(
    tmp_path: Path,
) -> None:
    """A folder in its place (or no permission, or held by another run): not deleted, the
    run keeps no state and says so, naming the file, every time."""
    folder = tmp_path / ".l10n"
    (folder / STATE_FILE / "keep.txt").parent.mkdir(parents=True)
    (folder / STATE_FILE / "keep.txt").write_text("mine", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("a", encoding="utf-8")
    for _ in range(2):
        with pytest.warns(L10nWarning, match=r"cannot open the state file \(it is a folder\)"
                          ) as told, State(folder) as state:
            assert state.digest(path) is not None and state.known(path).digest is None
        assert told[0].message.error.path == str(folder / STATE_FILE)  # type: ignore[union-attr]
    assert (folder / STATE_FILE / "keep.txt").read_text(encoding="utf-8") == "mine"


# ------------------------------------------------------------------ as a user
@pytest.mark.slow
def test_a_killed_run_and_a_corrupt_state_change_nothing_but_time(project: Path) -> None:
    _archive(project, 3)
    assert run_l10n("translate", cwd=project).returncode == 0
    state_file = project / ".l10n" / STATE_FILE
    state_file.write_bytes(os.urandom(4096))
    again = run_l10n("status", cwd=project)
    assert again.returncode == 0, again.stderr
    assert again.stderr.startswith("Warning: .l10n/state.sqlite: not a state file"), again.stderr
    state_file.unlink()
    assert run_l10n("status", cwd=project).stdout == again.stdout


def test_a_second_article_with_a_slug_is_a_problem_every_run(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamed articles still meet the rule: the first in name order wins, the second is
    reported (exit 2), from the state's facts as from the files."""
    seeds = project / "seeds"
    (seeds / "a-first.md").write_text("---\ntitle: One\nslug: same\n---\n\nFirst text.\n",
                                      encoding="utf-8")
    (seeds / "b-second.md").write_text("---\ntitle: Two\nslug: same\n---\n\nSecond text.\n",
                                       encoding="utf-8")
    runs = [_cli(["translate", "--engine", "pseudo"], project, monkeypatch) for _ in range(2)]
    for code, out in runs:
        assert code == 2
        assert "two articles have the slug 'same'" in out and "b-second.md" in out
    assert runs[0][1].splitlines()[-1] == runs[1][1].splitlines()[-1]
    template = (project / "locales" / "templates" / "same.pot").read_text(encoding="utf-8")
    assert "First text." in template and "Second text." not in template


def test_rows_read_ahead_answer_as_the_file_does_and_never_outlive_a_write(
    tmp_path: Path,
) -> None:
    paths = [tmp_path / f"{n}.txt" for n in range(3)]
    for path in paths:
        path.write_text(str(path), encoding="utf-8")
    with State(tmp_path / ".l10n") as state:
        for path in paths[:2]:
            state.set_fact(path, "kind", state.digest(path) or "", "k", {"n": path.name})
    os.utime(tmp_path / ".l10n" / "state.clock")  # as later runs would find it
    with State(tmp_path / ".l10n") as direct:
        expected = [direct.lookup(path, "kind", "k") for path in paths]
    with State(tmp_path / ".l10n") as state:
        state.prefetch(paths, ("kind",))
        assert [state.lookup(path, "kind", "k") for path in paths] == expected
        assert expected[0][1] == {"n": "0.txt"} and expected[2][1] is None
        state.set_fact(paths[0], "kind", expected[0][0].digest or "", "k", {"n": "new"})
        assert state.lookup(paths[0], "kind", "k")[1] == {"n": "new"}  # not the row read ahead
        assert state.fact(paths[0], "kind", expected[0][0].digest or "", "k") == {"n": "new"}
        state.prefetch(paths[1:])  # a kind not read ahead is still asked for
        assert state.fact(paths[1], "other", "", "") is None
        assert state.lookup(paths[1], "kind", "k") == expected[1]


def test_a_state_file_that_cannot_be_written_is_said_once_and_the_answers_stay_right(
    tmp_path: Path,
) -> None:
    """A full disk (SQLite's SQLITE_FULL, here from a page limit) while the run records
    what it learnt: the run warns once, naming the file, and every answer is still read
    from the file itself."""
    folder = tmp_path / ".l10n"
    files = []
    for n in range(40):
        path = tmp_path / f"{n}.txt"
        path.write_text(f"text {n}", encoding="utf-8")
        files.append(path)
    with pytest.warns(L10nWarning, match=r"cannot write the state file \(database or disk is "
                      r"full\)") as told, State(folder) as state:
        assert state._db is not None
        pages = state._db.execute("PRAGMA page_count").fetchone()[0]
        state._db.execute(f"PRAGMA max_page_count = {pages}")
        for path in files:
            state.set_fact(path, "big", state.digest(path) or "", "k", "x" * 20_000)
            state.flush()
        assert [state.digest(path) for path in files] == [
            State(None).digest(path) for path in files]
    assert len([w for w in told if "cannot write" in str(w.message)]) == 1
    assert told[0].message.error.path == str(folder / STATE_FILE)  # type: ignore[union-attr]
