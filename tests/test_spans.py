"""Spans (l10n.incremental.spans): a run of articles replayed from one fact
while none of its files changed; cut by content, recorded only from a pass that asked
the state and nothing else, and never trusted past a change of any file it names."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import l10n.incremental.spans as spans_module
from l10n.catalog import Catalog
from l10n.incremental import STATE_FILE
from l10n.incremental.codec import encode
from l10n.incremental.database import _span_gone
from l10n.incremental.spans import Spans, cut, decoded_items, files_of, unchanged
from l10n.incremental.store import Ledger
from tests.test_state import ARTICLE, COMMANDS, SENTENCES, _archive, _cli, _ok

# ------------------------------------------------------------------ the parts



def test_adding_an_article_changes_the_span_it_falls_in_and_no_other() -> None:
    names = [Path(f"seeds/story-{n:05}.txt") for n in range(0, 4000, 2)]
    before = list(cut(names))
    assert 4 <= len(before) <= 40  # 2,000 articles, a span per 256 on average
    added = sorted([*names, Path("seeds/story-01001.txt")])
    after = list(cut(added))
    changed = [span for span in after if span not in before]
    assert len(changed) == 1 and Path("seeds/story-01001.txt") in changed[0]
    assert len(after) - len(before) in (0, 1)  # the new name may itself end a span


def test_a_span_is_cut_at_the_longest_even_without_a_boundary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spans_module, "EVERY", 1 << 40)  # no name is a boundary
    monkeypatch.setattr(spans_module, "LONGEST", 3)
    names = [Path(f"{n}.md") for n in range(7)]
    assert [len(span) for span in cut(names)] == [3, 3, 1]


def test_a_span_fact_holds_only_while_every_file_is_as_recorded(tmp_path: Path) -> None:
    article, catalog = tmp_path / "a.md", tmp_path / "a.po"
    article.write_text("text", encoding="utf-8")
    ledger = Ledger()
    info = os.stat(article)
    ledger.files[str(article)] = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    ledger.files[str(catalog)] = None  # the catalog was absent
    files = files_of(ledger)
    later = info.st_ctime_ns + 1
    assert unchanged(files, later)
    assert not unchanged(files, info.st_ctime_ns)  # recorded in its tick: racy
    catalog.write_text("po", encoding="utf-8")
    assert not unchanged(files, later)  # a file that appeared
    catalog.unlink()
    article.write_text("TEXT", encoding="utf-8")  # same size
    assert not unchanged(files, os.stat(article).st_ctime_ns + 1)
    article.unlink()
    assert not unchanged(files, later)  # a file gone


# ------------------------------------------------------------------ in a run
@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every catalog and template Catalog.read parses."""
    reads: list[Path] = []
    original = Catalog.read.__func__  # type: ignore[attr-defined]

    def read(cls: type[Catalog], path: Path) -> Catalog:
        reads.append(Path(path))
        return original(cls, path)  # type: ignore[no-any-return]

    monkeypatch.setattr(Catalog, "read", classmethod(read))
    return reads


@pytest.fixture()
def small_spans(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Spans of one or two articles, and whether each span of each run was replayed."""
    monkeypatch.setattr(spans_module, "EVERY", 2)
    monkeypatch.setattr(spans_module, "LONGEST", 2)
    replayed: list[bool] = []
    original = Spans._replay

    def spy(self: Spans, paths: list[Path]) -> list[object] | None:
        found = original(self, paths)
        if self.kind is not None:  # a run that keeps spans
            replayed.append(found is not None)
        return found

    monkeypatch.setattr(Spans, "_replay", spy)
    yield replayed


def test_an_unchanged_archive_is_replayed_span_by_span_and_an_edit_costs_its_span(
    project: Path, small_spans: list[bool], counted: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nothing changed: every span replayed, no catalog read; one article changed: only
    its span worked on, only its catalogs read; the run after: all replayed again."""
    _archive(project, 6)
    for command in COMMANDS:  # first runs: work, then each span confirmed
        assert _cli(command, project, monkeypatch)[0] in _ok(command)
    for command in COMMANDS:
        small_spans.clear()
        counted.clear()
        assert _cli(command, project, monkeypatch)[0] in _ok(command)
        assert len(small_spans) >= 3 and all(small_spans), command
        assert counted == [], command
    (project / "seeds" / "story-2.txt").write_text(
        ARTICLE.format(title="Story 2", day=3, body="A new first sentence. " + SENTENCES[5]),
        encoding="utf-8")
    for command in COMMANDS:
        small_spans.clear()
        counted.clear()
        assert _cli(command, project, monkeypatch)[0] in _ok(command)
        assert small_spans.count(False) == 1, (command, small_spans)
        # the translate that wrote story-2's catalogs left status and check warm for them
        warm = command[0] in ("status", "check")
        assert {path.stem for path in counted} == (set() if warm else {"story-2"}), command
    for command in COMMANDS:  # the run after an edit confirmed the edited span
        small_spans.clear()
        assert _cli(command, project, monkeypatch)[0] in _ok(command)
        assert all(small_spans), (command, small_spans)


def test_a_slug_taken_by_an_earlier_article_stops_a_later_span_from_replaying(
    project: Path, small_spans: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = project / "seeds"
    for path in seeds.iterdir():
        path.unlink()
    _archive(project, 6)
    for command in COMMANDS:
        _cli(command, project, monkeypatch)
    (seeds / "story-0.txt").unlink()
    (seeds / "a-first.md").write_text("---\ntitle: First\nslug: story-5\n---\n\nIts text.\n",
                                      encoding="utf-8")
    for command in (["status"], ["check"], ["build", "--include-machine"], ["translate"]):
        code, out = _cli(command, project, monkeypatch)
        assert code == 2, (command, out)
        assert "two articles have the slug 'story-5'" in out and "story-5.txt" in out, command
        assert small_spans[-1] is False, command  # story-5's span, after the first
    template = project / "locales" / "templates" / "story-5.pot"
    assert "Its text." in template.read_text(encoding="utf-8")


def test_the_same_relative_names_from_another_folder_are_other_articles(
    project: Path, small_spans: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    _archive(project, 2)
    other = project / "desk" / "seeds"
    other.mkdir(parents=True)
    (other / "story-0.txt").write_text(
        ARTICLE.format(title="Desk copy", day=4, body=SENTENCES[6]), encoding="utf-8")
    for _ in range(2):
        assert _cli(["translate", "seeds/story-0.txt"], project, monkeypatch)[0] == 0
    assert small_spans[-1] is True  # replayed
    assert _cli(["translate", "seeds/story-0.txt"], project / "desk", monkeypatch)[0] == 0
    assert small_spans[-1] is False  # another article: not the span recorded above
    template = project / "locales" / "templates" / "story-0.pot"
    assert "Shares rose 3% in Seoul" in template.read_text(encoding="utf-8")


def test_a_template_from_an_older_l10n_is_written_again_once_then_nothing_is_read(
    project: Path, counted: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template without the msgids' digest (X-Entries-Digest: l10n before the state)
    left its catalogs unsettled, so every translate read them; it is written once more."""
    _archive(project, 2)
    assert _cli(["translate"], project, monkeypatch)[0] == 0
    template = project / "locales" / "templates" / "story-0.pot"
    text = template.read_text(encoding="utf-8")
    template.write_text("".join(line for line in text.splitlines(keepends=True)
                                if "X-Entries-Digest" not in line), encoding="utf-8")
    assert _cli(["translate"], project, monkeypatch)[0] == 0
    def undated(found: str) -> list[str]:
        return [line for line in found.splitlines() if "-Date:" not in line]

    assert undated(template.read_text(encoding="utf-8")) == undated(text)  # as l10n writes it
    for _ in range(2):
        counted.clear()
        assert _cli(["translate"], project, monkeypatch)[0] == 0
        assert counted == []


def test_a_pass_that_reads_a_file_the_state_did_not_vouch_for_is_never_replayed(
    project: Path, small_spans: list[bool],
) -> None:
    """Command code never marks a pass: a work that reads a file by itself (here a
    catalog through Catalog.read) makes its span unclean, so that a later edit of that
    file can never be missed by a replay; the same work asking the state is replayed."""
    from l10n.config import load_settings
    from l10n.incremental.cached import Cache
    from l10n.incremental.sources import Source

    _archive(project, 2)
    settings = load_settings(project / "l10n.toml")
    side = project / "side.po"
    side.write_text('msgid ""\nmsgstr ""\n"Language: ko\\n"\n', encoding="utf-8")

    def runs(work_reads: bool) -> list[bool]:
        for _ in range(3):
            small_spans.clear()
            with Cache.open(settings) as cache, Spans(
                    cache, sorted((project / "seeds").iterdir()), [], "probe", None,
                    parts=(work_reads,)) as spans:

                def work(source: Source) -> str:
                    if work_reads:
                        Catalog.read(side)  # an input nobody declared
                    return source.slug

                assert {"story-0", "story-1"} <= set(spans.each(work))
        return small_spans  # the third run's spans

    assert runs(work_reads=False) == [True, True]  # the third run replays its spans
    assert runs(work_reads=True) == [False, False]  # never recorded: never replayed


def test_check_streams_each_language_in_turn_as_it_listed_them_all_at_once(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The findings of the languages after the first wait in a temporary file: the
    output is by language, then article, the same as each language checked alone."""
    import json

    _archive(project, 3)
    assert _cli(["translate"], project, monkeypatch)[0] == 0
    code, out = _cli(["check", "--json"], project, monkeypatch)
    both = json.loads(out[: out.rindex("]") + 1])
    assert code == 1 and [f["lang"] for f in both] == sorted(
        (f["lang"] for f in both), key=["ko", "es"].index)
    alone = []
    for lang in ("ko", "es"):
        out = _cli(["check", "--json", "--lang", lang], project, monkeypatch)[1]
        alone += json.loads(out[: out.rindex("]") + 1])
    assert both == alone and len(both) > 10


def test_builds_into_two_folders_keep_their_spans_apart(
    project: Path, small_spans: list[bool], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A site build and a Hugo tree in folders of their own: each folder's spans are its
    own facts, so neither build makes the other's next run work again."""
    _archive(project, 4)
    assert _cli(["translate"], project, monkeypatch)[0] == 0
    builds = [["build", "--include-machine"],
              ["build", "--include-machine", "--format", "hugo", "--out", "hugo"]]
    for command in builds + builds:  # each folder built, then each again
        assert _cli(command, project, monkeypatch)[0] == 0
    for command in builds:
        small_spans.clear()
        assert _cli(command, project, monkeypatch)[0] == 0
        assert small_spans and all(small_spans), (command, small_spans)


@dataclass(frozen=True, slots=True)
class _Item:
    slug: str
    count: int


def test_a_replayed_span_decodes_its_items_one_at_a_time() -> None:
    """A span fact keeps each article's item as JSON text, decoded only when the replay
    reaches it (a span of 256 articles' findings is never held decoded at once); items
    of another shape (an older span fact) make it a miss, not a crash."""
    head = '{"items":2}'
    text = "\n".join([head, json.dumps(encode(_Item("a", 1))), "not JSON: never reached"])
    items = decoded_items(_Item, text, len(head) + 1)
    assert next(items) == _Item("a", 1)
    with pytest.raises(ValueError):
        next(items)
    assert list(decoded_items(_Item, head, len(head) + 1)) == []


def test_a_span_fact_keeps_its_items_unescaped_and_an_older_layout_misses(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A span fact is its head and one line per item, each item's JSON as made (not escaped
    again inside one document); an older fact (items as a list of texts) is a miss, and the
    state's prune keeps the new layout's live span facts."""
    _archive(project, 6)
    build = ["build", "--include-machine", "--out", "site"]
    _cli(["translate"], project, monkeypatch)
    for _ in range(2):
        assert _cli(build, project, monkeypatch)[0] == 0
    db = sqlite3.connect(project / ".l10n" / STATE_FILE)
    rows = db.execute("SELECT path, value FROM fact WHERE kind LIKE 'built:%' "
                      "AND substr(path, 1, 6) = '<span:'").fetchall()
    assert rows
    for _, value in rows:
        head, *lines = value.split("\n")
        assert json.loads(head)["items"] == len(lines) > 0
        assert all(isinstance(json.loads(line), list | dict) for line in lines)
        assert not _span_gone(value, os.path.isfile)
    first = _cli(build, project, monkeypatch)
    for path, value in rows:  # as an older l10n wrote them: the items as escaped texts
        head, *lines = value.split("\n")
        db.execute("UPDATE fact SET value = ? WHERE path = ? AND kind LIKE 'built:%'",
                   (json.dumps({**json.loads(head), "items": lines}), path))
    db.commit()
    db.close()
    assert _cli(build, project, monkeypatch) == first  # a miss: worked on, recorded again
    with sqlite3.connect(project / ".l10n" / STATE_FILE) as db:
        assert [value.count("\n") for _, value in db.execute(
            "SELECT path, value FROM fact WHERE kind LIKE 'built:%' "
            "AND substr(path, 1, 6) = '<span:'")] == [value.count("\n") for _, value in rows]
