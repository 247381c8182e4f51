"""What a build keeps of every file and page (issue 29: a first build's memory does not
grow with the archive) waits in temporary files and a temporary SQLite set: the manifest
written as a sorted stream has json.dumps' bytes, the set reads back as Python sorts,
the rows read back as often as asked, and a build's result and manifest say the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n.fsutil import NameSet, Rows
from l10n.publish.folder import MANIFEST, manifest_pieces, previous_names, read_manifest
from l10n.workflow import build as workflow_build
from tests.test_build import run, with_catalog

NAMES = st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
                 | st.sampled_from(["ko/a.html", "ko/a.md", "index.html", '"', "\\", "é"]))


def reference(names: list[str]) -> str:  # the whole-document manifest it replaces
    return json.dumps({"generator": "l10n", "files": sorted(set(names))}, indent=1) + "\n"


@given(NAMES)
def test_manifest_pieces_are_the_whole_documents_bytes(names: list[str]) -> None:
    assert "".join(manifest_pieces(sorted(set(names)))) == reference(names)


LAYOUTS = st.sampled_from(["pieces", "compact", "unsorted", "cut", "not a list"])


@given(NAMES, LAYOUTS)
def test_previous_names_are_the_manifests_names_however_it_is_laid_out(
    tmp_path_factory: object, names: list[str], layout: str
) -> None:
    folder = Path(tmp_path_factory.mktemp("out"))  # type: ignore[attr-defined]
    text = {"pieces": reference(names),
            "compact": json.dumps({"generator": "l10n", "files": sorted(set(names))}),
            "unsorted": json.dumps({"files": names[::-1] + [1]}, indent=1),
            "cut": reference(names)[:-4],
            "not a list": '{\n "files": "ko/a.html"\n}\n'}[layout]
    (folder / MANIFEST).write_text(text, encoding="utf-8")
    found = previous_names(folder)
    assert set(found) == read_manifest(folder) and set(found) == set(found)  # read twice
    assert isinstance(found, set) == (layout != "pieces")  # only l10n's own is streamed
    assert set(previous_names(folder / "none")) == set()


@given(NAMES, NAMES)
def test_name_set_reads_back_sorted_as_python_sorts(names: list[str], more: list[str]) -> None:
    made = NameSet()
    made.update(names)
    made.update(more)
    assert list(made) == sorted({*names, *more}) and len(made) == len({*names, *more})
    assert all(name in made for name in names) and "\0absent" not in made
    made.close()


@given(st.lists(st.lists(st.text(max_size=5) | st.integers())), st.integers(0, 5))
def test_rows_read_back_again_and_appended_after(rows: list[object], cut: int) -> None:
    kept = Rows()
    for row in rows[:cut]:
        kept.append(row)
    assert list(kept) == rows[:cut] == list(kept)  # read twice
    for row in rows[cut:]:  # appends after a read go on at the end
        kept.append(row)
    assert list(kept) == rows and len(kept) == len(rows)


def test_result_and_manifest_of_a_build(project: Path) -> None:
    with_catalog(project)
    first = run(project, include_machine=True)
    out = first.out
    listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert (out / MANIFEST).read_text(encoding="utf-8") == reference(listed)
    names = [path.relative_to(out.resolve()).as_posix() for path in first.written]
    assert set(listed) == set(names) and first.written_count == len(listed) == len(names)
    assert [(p.slug, p.lang) for p in first.pages] == [
        (p.slug, p.lang) for p in first.each_page()] and first.pages
    again = run(project, include_machine=True)
    assert again.written == () and again.unchanged_count == len(listed)
    names = [path.relative_to(out.resolve()).as_posix() for path in again.unchanged]
    assert sorted(names) == listed and again.pages == first.pages


ENTRY = st.tuples(st.sampled_from(["0", "1.5", "-3", "1e9"]), st.text(max_size=6),
                  st.text(max_size=6), st.text(max_size=4), st.text(max_size=4))


@given(st.lists(ENTRY, max_size=12), st.sampled_from(["en", "ko", "pt_BR"]),
       st.sampled_from(["", "<link rel=x>"]))
def test_index_pieces_are_the_whole_pages_bytes(
    entries: list[tuple[str, ...]], lang: str, head: str
) -> None:
    from markupsafe import Markup

    from l10n.publish import render

    found = ["\0".join(entry) for entry in entries
             if all("\0" not in part for part in entry)]
    parts = sorted((float(when), slug, title, iso, text)
                   for when, slug, title, iso, text in (e.split("\0") for e in found))
    whole = render._render(  # the whole-document rendering the pieces replace
        "index.html.j2", head=Markup(head), entries=[
            {"page": {"slug": slug}, "title": title,
             "date": {"iso": iso, "text": text} if iso else None}
            for _, slug, title, iso, text in parts],
        **render._common(lang, ["en", "ko"], lambda c: f"../{c}/index.html"))
    assert "".join(render.index_pieces(lang, iter(found), ["en", "ko"], head)) == whole
    assert render.render_index_entries(lang, found, ["en", "ko"], head) == whole


def test_a_no_change_build_reads_no_name_and_serializes_no_article(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A replayed span hands on each article's recorded line of the folder's record, and
    the manifest is vouched for by the digest of the names made: a no-change build
    neither serializes an article again nor fills the set of names (they cost about a
    second at 10,000 articles)."""
    with_catalog(project)
    first = run(project, include_machine=True, site_url="https://news.example.com/")

    def refused(*args: object) -> None:
        raise AssertionError("a no-change build did this")

    monkeypatch.setattr(workflow_build, "record_head", refused)
    monkeypatch.setattr(workflow_build, "NameSet", refused)
    again = run(project, include_machine=True, site_url="https://news.example.com/")
    assert again.written == () and again.pages == first.pages and again.removed == ()
    assert again.unchanged_count == first.written_count
