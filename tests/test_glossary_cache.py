"""The glossary from the state file: the same terms as loading the files, read again when
a file changes, never a broken glossary, and messages that name files as the cwd shows them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from l10n.errors import GlossaryError
from l10n.glossary import Glossary, load_glossary
from l10n.incremental import State, code_key
from l10n.incremental.cached import GLOSSARY_FACT, cached_glossary

TERMS = """\
[[term]]
source = "PC Bang"
variants = ["PC bang"]
note = "internet cafe"
[term.targets]
ko = "PC방"
[term.readings]
ko = "피시방"

[[term]]
source = "Blackwell"
case_sensitive = true
[term.targets]
ko = "블랙웰"

[[term]]
source = "NVIDIA"
keep = true
"""


def snapshot(glossary: Glossary) -> list[tuple[object, ...]]:
    return [(t.source, dict(t.targets), t.variants, t.keep, t.case_sensitive, t.note,
             dict(t.readings), t.file, t.line) for t in glossary]


def load(root: Path) -> tuple[Glossary, bool]:
    """The glossary of ``root/glossaries`` through the state, and whether it is recorded."""
    with State(root / ".l10n") as state:
        glossary = cached_glossary(state, root / "glossaries", code_key())
    with State(root / ".l10n") as state:
        recorded = state._query("SELECT 1 FROM fact WHERE path = ?", (GLOSSARY_FACT,))
    return glossary, recorded is not None


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "glossaries").mkdir()
    (tmp_path / "glossaries" / "terms.toml").write_text(TERMS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_recorded_terms_equal_the_files(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, recorded = load(root)
    assert recorded
    monkeypatch.setattr("l10n.incremental.cached.load_glossary", _refuse)  # must not be needed
    second, _ = load(root)
    assert snapshot(second) == snapshot(first) == snapshot(load_glossary(root / "glossaries"))
    assert [m.text for m in second.find("Blackwell GPUs in PC bangs", "ko")] == \
        ["Blackwell", "PC bangs"]


def test_an_edited_file_is_read_again(root: Path) -> None:
    load(root)
    path = root / "glossaries" / "terms.toml"
    stat = path.stat()
    edited = TERMS.replace('ko = "블랙웰"', 'ko = "블랙월"')  # same size, mtime put back
    assert len(edited.encode()) == len(TERMS.encode())
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    glossary, _ = load(root)
    term = glossary.get("Blackwell")
    assert term is not None and term.target("ko") == "블랙월"


def test_a_broken_glossary_is_refused_after_a_valid_one(root: Path) -> None:
    load(root)
    (root / "glossaries" / "more.toml").write_text('[[term]]\nsource = "Naver"\n',
                                                 encoding="utf-8")
    for _ in range(2):  # and again: a broken glossary is never recorded
        with pytest.raises(GlossaryError, match="has no target"):
            load(root)
    (root / "glossaries" / "more.toml").unlink()
    glossary, recorded = load(root)
    assert recorded and glossary.get("Naver") is None


def test_messages_name_files_from_the_current_folder(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(root)
    (root / "sub").mkdir()
    monkeypatch.chdir(root / "sub")
    glossary, _ = load(root)
    assert {t.file for t in glossary} == {(root / "glossaries" / "terms.toml").as_posix()}
    assert snapshot(glossary) == snapshot(load_glossary(root / "glossaries"))


def _refuse(folder: Path) -> Glossary:
    raise AssertionError(f"the glossary was read from {folder}, not from the state")
