"""Loading and validating glossaries: every rule, each reported with file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from l10n.errors import GlossaryError, L10nError
from l10n.glossary import check_glossary, load_glossary

ROOT = Path(__file__).resolve().parent.parent
GOOD = """\
[[term]]
source = "Naver"
[term.targets]
ko = "네이버"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def only_problem(folder: Path) -> L10nError:
    problems = check_glossary(folder)
    assert len(problems) == 1, [p.format_message() for p in problems]
    return problems[0]


def assert_at(problem: L10nError, name: str, line: int, *words: str) -> None:
    text = problem.format_message()
    assert f"{name}:{line}: " in text, text
    assert problem.line == line
    for word in words:
        assert word in text, text


def test_shipped_glossary_is_valid() -> None:
    folder = ROOT / "glossaries"
    assert check_glossary(folder) == []
    glossary = load_glossary(folder)
    assert len(glossary) >= 18
    assert {"ko", "ja", "zh", "es"} <= glossary.languages()
    gsync = glossary.get("G-SYNC")
    assert gsync is not None and gsync.keep and gsync.reading("ko") == "지싱크"
    pc_bang = glossary.get("PC Bang")
    assert pc_bang is not None and "PC bangs" in pc_bang.variants and not pc_bang.case_sensitive
    krw = glossary.get("KRW")
    assert krw is not None and krw.target("ko") == "원"


def test_missing_or_empty_folder_is_an_empty_glossary(tmp_path: Path) -> None:
    assert len(load_glossary(tmp_path / "nope")) == 0
    (tmp_path / "empty").mkdir()
    assert len(load_glossary(tmp_path / "empty")) == 0


def test_terms_and_fields_are_read(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", """\
        [[term]]
        source = "PC Bang"
        variants = ["PC bangs", "PC Bang"]
        case_sensitive = false
        note = "internet cafe"
        [term.targets]
        ko = "PC방"
        pt-BR = "lan house"

        [[term]]
        source = "G-SYNC"
        keep = true
        [term.targets]
        ko = "G-SYNC"
        [term.readings]
        ko = "지싱크"
        """)
    pc, gsync = load_glossary(tmp_path).terms
    assert pc.variants == ("PC bangs",)  # the source is not repeated as a variant
    assert dict(pc.targets) == {"ko": "PC방", "pt_BR": "lan house"}
    assert pc.note == "internet cafe" and not pc.case_sensitive and pc.line == 1
    assert pc.file.endswith("a.toml")
    assert gsync.keep and dict(gsync.targets) == {}  # redundant keep target dropped
    assert gsync.target("ja") == "G-SYNC" and gsync.line == 10


def test_identical_duplicates_across_files_merge(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", GOOD)
    write(tmp_path, "b.toml", GOOD + 'ja = "NAVER"\n')
    (term,) = load_glossary(tmp_path).terms
    assert dict(term.targets) == {"ko": "네이버", "ja": "NAVER"}


def test_load_raises_with_every_problem(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", '[[term]]\nsource = "X"\n\n[[term]]\nsource = "Y"\n')
    with pytest.raises(GlossaryError) as info:
        load_glossary(tmp_path)
    assert len(info.value.problems) == 2
    assert "a.toml:1:" in str(info.value) and "a.toml:4:" in str(info.value)
    assert info.value.exit_code == 2


# --- one test per error class -------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    write(tmp_path, "empty.toml", "# nothing yet\n")
    assert_at(only_problem(tmp_path), "empty.toml", 1, "empty glossary file")


def test_invalid_toml(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", GOOD + 'ja = "unterminated\n')
    assert_at(only_problem(tmp_path), "bad.toml", 5, "invalid TOML")


def test_unknown_top_level_key(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", 'title = "x"\n' + GOOD)
    assert_at(only_problem(tmp_path), "bad.toml", 1, "unknown key 'title'")


def test_single_bracket_term_table(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", '[term]\nsource = "Naver"\n')
    assert_at(only_problem(tmp_path), "bad.toml", 1, "[[term]]")


def test_unknown_term_key(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", GOOD + '\n[[term]]\nsource = "LG"\nkeep = true\ncolour = "x"\n')
    assert_at(only_problem(tmp_path), "bad.toml", 9, "unknown key 'colour'", "known keys")


def test_wrong_type(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", GOOD + '\n[[term]]\nsource = "LG"\nkeep = "yes"\n')
    assert_at(only_problem(tmp_path), "bad.toml", 8, "'keep' must be true or false")


def test_wrong_type_of_a_target(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", GOOD + "ja = 3\n")
    assert_at(only_problem(tmp_path), "bad.toml", 5, "targets.ja", "must be a string")


def test_missing_source(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", GOOD + '\n[[term]]\nnote = "who?"\n[term.targets]\nko = "x"\n')
    assert_at(only_problem(tmp_path), "bad.toml", 6, "has no source", "source =")


def test_missing_target(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", GOOD + '\n[[term]]\nsource = "Blackwell"\nnote = "GPU"\n')
    assert_at(only_problem(tmp_path), "bad.toml", 6, "term 'Blackwell' has no target", "keep")


def test_empty_target(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", GOOD + 'ja = " "\n')
    assert_at(only_problem(tmp_path), "bad.toml", 5, "targets.ja", "empty")


def test_source_without_letters(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", '[[term]]\nsource = "--"\nkeep = true\n')
    assert_at(only_problem(tmp_path), "bad.toml", 1, "no letter or digit")


def test_unknown_language_code(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", GOOD + 'xx = "foo"\n')
    assert_at(only_problem(tmp_path), "bad.toml", 5, "unknown language code 'xx'", "Babel")


def test_reading_without_target(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", GOOD + '[term.readings]\nja = "ナバー"\n')
    assert_at(only_problem(tmp_path), "bad.toml", 1, "reading for 'ja' but no target")


def test_conflicting_duplicates_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", GOOD)
    write(tmp_path, "b.toml", '# other\n\n' + GOOD.replace("네이버", "나버"))
    problem = only_problem(tmp_path)
    assert_at(problem, "b.toml", 3, "also defined at", "a.toml:1", "'네이버' there, '나버' here")


def test_keep_conflicts_with_a_translation(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", '[[term]]\nsource = "Naver"\nkeep = true\n\n' + GOOD)
    assert_at(only_problem(tmp_path), "a.toml", 5, "different ko target")


def test_variant_collides_with_another_term(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", GOOD + '\n[[term]]\nsource = "Naver Corp"\nvariants = ["Naver"]\n'
          '[term.targets]\nko = "네이버"\n')
    assert_at(only_problem(tmp_path), "a.toml", 8, "variant 'Naver'", "collides", "a.toml:1")


def test_case_insensitive_term_collides_by_case(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", GOOD)
    write(tmp_path, "b.toml", '[[term]]\nsource = "NAVER"\ncase_sensitive = false\n'
          '[term.targets]\nko = "네이버"\n')
    assert_at(only_problem(tmp_path), "b.toml", 2, "source 'NAVER'", "collides")


def test_case_sensitive_terms_may_differ_by_case(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", '[[term]]\nsource = "Naver"\ncase_sensitive = true\n'
          '[term.targets]\nko = "네이버"\n\n[[term]]\nsource = "NAVER"\ncase_sensitive = true\n'
          '[term.targets]\nko = "x"\n')
    assert len(load_glossary(tmp_path)) == 2


def test_by_default_terms_collide_by_case_unless_they_are_acronyms(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", GOOD + '\n[[term]]\nsource = "NAVER"\n[term.targets]\nko = "x"\n')
    message = only_problem(tmp_path).format_message()
    assert "source 'NAVER'" in message and "collides with 'Naver'" in message
    write(tmp_path, "a.toml", '[[term]]\nsource = "SK"\nkeep = true\n\n'
          '[[term]]\nsource = "SK Group"\n[term.targets]\nko = "SK그룹"\n')
    terms = load_glossary(tmp_path)
    found = terms.find("SK and sk group and SK Group and sk")
    assert [(m.term.source, m.text) for m in found] == [
        ("SK", "SK"), ("SK Group", "sk group"), ("SK Group", "SK Group")]


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, "glossaries", "x")
    assert "is a file" in only_problem(path).format_message()


def test_all_problems_of_a_file_at_once(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", """\
        [[term]]
        source = "Samsung"
        colour = 1
        [term.targets]
        xx = "x"
        ko = "삼성"

        [[term]]
        source = "Foo"
        variants = ["samsung"]
        case_sensitive = false
        [term.targets]
        ko = "푸"
        """)
    problems = check_glossary(tmp_path)
    lines = [p.line for p in problems]
    assert lines == [3, 5, 10], [p.format_message() for p in problems]


def test_lines_are_right_deep_in_a_large_file(tmp_path: Path) -> None:
    """Key lines are found in one pass (not one scan of the file per key): problems in the
    last terms of a 3,000-term file still name their own lines, sub-tables, dotted keys,
    inline tables and CRLF line ends included."""
    terms = [f'[[term]]\nsource = "Term{n}"\n\n[term.targets]\nko = "용어{n}"\n'
             for n in range(3000)]
    terms.append('[[term]]\nsource = "Dotted"\ntargets.ko = ""\n')  # header at line 18001
    terms.append('[[term]]\nsource = "Inline"\ntargets = { xx = "x" }\n')  # line 18005
    terms.append('[[term]]\nsource = "Sub"\n\n[term.readings]\nko = "서브"\n\n'
                 '[term.targets]\nja = "サブ"\nqq = "?"\n')  # line 18009
    text = "\n".join(terms).replace("\n", "\r\n")
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "big.toml").write_bytes(text.encode("utf-8"))
    problems = check_glossary(tmp_path / "g")
    found = {(p.line, p.message.split(" of ")[0]) for p in problems}
    assert found == {
        (18003, "targets.ko"),  # the dotted key's own line
        (18007, "unknown language code 'xx' in targets"),  # the inline table's line
        (18017, "unknown language code 'qq' in targets"),  # in [term.targets], not readings
    }, [p.format_message() for p in problems]
    with pytest.raises(GlossaryError, match="3 problems"):
        load_glossary(tmp_path / "g")
