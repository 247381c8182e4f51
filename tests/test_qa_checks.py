"""Each QA check on entries that trip it and entries that pass, then the seed catalog end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import MappingProxyType

import pytest

from l10n.catalog import Entry
from l10n.glossary import Glossary
from l10n.model import Severity, Term
from l10n.qa.checks import (
    CHECKS,
    CheckContext,
    check_brackets,
    check_glossary,
    check_identical,
    check_length,
    check_markup,
    check_numbers,
    check_particles,
    check_placeholders,
    check_spaces,
    check_untranslated,
    check_whitespace,
    run_checks,
)
from l10n.qa.tags import check_tags
from tests.cli_helpers import run_l10n
from tests.conftest import DATA, ROOT


def _term(source: str, keep: bool = False, variants: tuple[str, ...] = (), **targets: str) -> Term:
    readings = {"ko": targets.pop("reading")} if "reading" in targets else {}
    return Term(source, MappingProxyType(targets), variants=variants, keep=keep,
                readings=MappingProxyType(readings))


GLOSSARY = Glossary([
    _term("NVIDIA", ko="엔비디아", ja="エヌビディア", es="NVIDIA"),
    _term("Blackwell", ko="블랙웰", es="Blackwell"),
    _term("G-SYNC", keep=True, reading="지싱크"),
    _term("GPU", keep=True, variants=("GPUs",), reading="지피유"),
    _term("Naver Cloud", ko="네이버클라우드"),
    _term("Naver", ko="네이버"),
])
KO = CheckContext("en", "ko", GLOSSARY, "locales/ko/a.po")


def _findings(check: object, msgid: str, msgstr: str, ctx: CheckContext = KO) -> list[str]:
    entry = Entry(msgid, msgstr, line=12)
    found = check(entry, ctx)  # type: ignore[operator]
    return [f.message for f in found]


# (check, source, translation) that must report exactly one finding
TRIPS = [
    (check_untranslated, "NVIDIA ships Blackwell.", ""),
    (check_identical, "The deal is massive.", "The deal is massive."),
    (check_glossary, "NVIDIA ships Blackwell.", "엔비디아가 블렉웰을 출하한다."),  # misspelt
    (check_glossary, "NVIDIA ships Blackwell.", "엔비디아가 Blackwell을 출하한다."),
    (check_glossary, "Support for G-SYNC.", "지싱크 지원."),
    (check_glossary, "Naver Cloud grows.", "네이버 클라우드가 성장한다."),
    (check_numbers, "It costs $10.3 billion.", "103억 원이 든다."),
    (check_numbers, "260,000 units", "2만 6천 대"),
    (check_numbers, "on October 31", "10월 30일에"),
    (check_markup, "Run `pip install l10n` now.", "지금 pip install l10n을 실행하세요."),
    (check_markup, "See [the guide](https://example.com/guide).",
     "[안내서](https://example.com/gide)를 보세요."),
    (check_placeholders, "Hello, {name}!", "안녕하세요, {이름}님!"),
    (check_placeholders, "Saved %(count)s files.", "파일 %(count)개를 저장했습니다."),
    (check_tags, "Press <b>OK</b>.", "<b>확인</b을 누르세요."),
    (check_markup, "Plain text.", "<br>평범한 글."),
    (check_particles, "Blackwell is fast.", "블랙웰는 빠르다."),
    (check_particles, "With Blackwell.", "블랙웰으로."),
    (check_particles, "NVIDIA is big.", "엔비디아은 크다."),
    (check_particles, "G-SYNC is on.", "G-SYNC이 켜졌다."),
    (check_brackets, "Samsung (and SK) lead.", "삼성(및 SK 선두."),
    (check_brackets, 'He said "yes".', '그는 "네라고 말했다.'),
    (check_spaces, "It is done.", "끝났다.  정말."),
    (check_whitespace, "Done.", "끝. "),
    (check_whitespace, " Done.", "끝."),
    (check_length, "The video concludes with the solemn message about the miracle.",
     "영상."),
    (check_length, "The deal is worth a lot.", "이번 거래는 " * 20),
]


@pytest.mark.parametrize(("check", "source", "target"), TRIPS)
def test_check_trips(check: object, source: str, target: str) -> None:
    messages = _findings(check, source, target)
    assert len(messages) == 1, messages
    assert messages[0]


# (check, source, translation) that must pass
PASSES = [
    (check_untranslated, "NVIDIA ships Blackwell.", "엔비디아가 블랙웰을 출하한다."),
    (check_identical, "NVIDIA", "NVIDIA"),  # a name: nothing to translate
    (check_identical, "G-SYNC, GPU", "G-SYNC, GPU"),  # glossary terms only
    (check_identical, "Blackwell", "Blackwell"),  # the glossary check reports this one
    (check_identical, "https://example.com/a", "https://example.com/a"),
    (check_identical, "The deal is massive.", ""),  # untranslated: not this check's business
    (check_glossary, "NVIDIA ships Blackwell.", "엔비디아가 블랙웰을 출하한다."),
    (check_glossary, "Support for G-SYNC.", "G-SYNC 지원."),
    (check_glossary, "260,000 Blackwell GPUs", "블랙웰 GPUs 26만 개"),  # a keep variant as written
    (check_glossary, "Naver Cloud grows.", "네이버클라우드가 성장한다."),
    (check_numbers, "It costs $10.3 billion.", "103억 달러가 든다."),
    (check_numbers, "valued up to 14 trillion KRW", "최대 14조 원 규모"),
    (check_numbers, "a 3-minute, 16-second video", "3분 16초 분량의 영상"),
    (check_numbers, "See https://example.com/2024/10 now", "https://example.com/2024/10 참조"),
    (check_markup, "Run `pip install l10n` now.", "지금 `pip install l10n`을 실행하세요."),
    (check_markup, "See [the guide](https://example.com/guide).",
     "[안내서](https://example.com/guide)를 보세요."),
    (check_placeholders, "Hello, {name}! %s", "안녕하세요, {name}님! %s"),
    (check_markup, "Press <b>OK</b>.", "<b>확인</b>을 누르세요."),
    (check_particles, "Blackwell is fast.", "블랙웰은 빠르다."),
    (check_particles, "With Blackwell.", "블랙웰로."),
    (check_particles, "NVIDIA is big.", "엔비디아는 크다."),
    (check_particles, "G-SYNC is on.", "G-SYNC가 켜졌다."),
    (check_particles, "Naver Cloud is new.", "네이버클라우드는 새롭다."),
    (check_brackets, "Samsung (and SK) lead.", "삼성(및 SK)이 선두다."),
    (check_brackets, 'He said "yes".', "그는 “네”라고 말했다."),
    (check_brackets, 'He said, "Through your', '그는 "여러분의'),  # the source is open too
    (check_brackets, "Korea’s chain", "한국의 사슬"),  # apostrophes are not quotes
    (check_spaces, "It is  done.", "끝났다.  정말."),
    (check_whitespace, " Done.\n", " 끝.\n"),
    (check_length, "The video concludes with the solemn message about the miracle.",
     "영상은 기적에 관한 엄숙한 메시지로 끝맺는다."),
    (check_length, "Short.", "아주 아주 아주 아주 아주 긴 번역문입니다."),  # too short to judge
]


@pytest.mark.parametrize(("check", "source", "target"), PASSES)
def test_check_passes(check: object, source: str, target: str) -> None:
    assert _findings(check, source, target) == []


def test_findings_carry_where_what_and_severity() -> None:
    entry = Entry("NVIDIA ships 5 Blackwell GPUs.", "엔비디아는 블랙웰 GPU 4개를 출하한다.",
                  line=31)
    [finding] = run_checks(entry, KO)
    assert (finding.check, finding.severity, finding.path, finding.line, finding.lang) == (
        "numbers", Severity.ERROR, "locales/ko/a.po", 31, "ko",
    )
    assert finding.msgid == entry.msgid
    assert "'5'" in finding.message and "'4개'" not in finding.message


def test_particles_only_for_korean() -> None:
    ctx = CheckContext("en", "ja", GLOSSARY, "a.po")
    assert _findings(check_particles, "Blackwell is fast.", "블랙웰는 빠르다.", ctx) == []


def test_glossary_check_in_other_languages() -> None:
    ja = CheckContext("en", "ja", GLOSSARY, "a.po")
    assert _findings(check_glossary, "NVIDIA grows.", "エヌビディアが成長。", ja) == []
    [message] = _findings(check_glossary, "NVIDIA grows.", "NVIDIAが成長。", ja)
    assert "'エヌビディア'" in message


def test_length_norms_differ_per_language() -> None:
    source = "The massive GPU deal involves supplying the government and four major firms."
    spanish = "El enorme acuerdo de GPU implica suministrar al gobierno y a cuatro grandes firmas."
    es = CheckContext("en", "es", GLOSSARY, "a.po")
    assert _findings(check_length, source, spanish, es) == []
    # The same length in Chinese is far longer than Chinese runs.
    assert _findings(check_length, source, "很" * len(spanish), CheckContext("en", "zh")) != []


def test_obsolete_entries_are_not_checked() -> None:
    entry = Entry("5 GPUs", "GPU 4개", obsolete=True)
    assert run_checks(entry, KO) == []


def test_registry_names_are_unique_and_every_check_is_listed() -> None:
    names = [name for name, _ in CHECKS]
    assert len(names) == len(set(names)) == 14
    assert {check.__name__ for _, check in CHECKS} == {f"check_{n}" for n in names}


# --------------------------------------------------------------- the translated seed article
SEED_PO = DATA / "checks" / "nvidia-korea-ai-alliance.ko.po"
CATALOG = "locales/ko/nvidia-korea-ai-alliance.po"
EXPECTED = [
    (24, "warning", "untranslated"),
    (29, "error", "numbers"),  # 3분 15초 for a 3-minute, 16-second video
    (40, "error", "particles"),  # 블랙웰는
    (59, "warning", "untranslated"),
    (67, "error", "glossary"),  # 피시방 for PC Bang
    (95, "warning", "whitespace"),  # a trailing space
    (105, "warning", "brackets"),  # an unclosed quotation
    (105, "warning", "spaces"),
    (123, "error", "markup"),  # a link with no closing parenthesis
    (123, "warning", "brackets"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the seed article, the repo's glossaries and the Korean seed catalog."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "glossaries", tmp_path / "glossaries")
    (tmp_path / "l10n.toml").write_text('targets = ["ko"]\n', encoding="utf-8")
    (tmp_path / "locales" / "ko").mkdir(parents=True)
    shutil.copy(SEED_PO, tmp_path / CATALOG)
    return tmp_path


def test_seed_catalog_findings(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from l10n.config import load_settings
    from l10n.workflow.qa import check_project

    monkeypatch.chdir(project)
    findings = list(check_project(load_settings(cwd=project)).findings)
    assert [(f.line, str(f.severity), f.check) for f in findings] == EXPECTED
    assert {f.path for f in findings} == {CATALOG}
    messages = {(f.line, f.check): f.message for f in findings}
    assert messages[(29, "numbers")] == (
        "'3-minute, 16-second' (3 minutes 16 seconds) is missing from the translation; "
        "the translation has '3분 15초' (3 minutes 15 seconds)"
    )
    assert "'블랙웰은'" not in messages[(40, "particles")]
    assert "'은'" in messages[(40, "particles")]
    assert messages[(67, "glossary")] == "'PC Bang' must be translated as 'PC방' (glossary)"
    assert "https://example.com/value-chain" in messages[(123, "markup")]


@pytest.mark.parametrize(("only", "expected"), [
    ("reviewed", [e for e in EXPECTED if e[2] != "untranslated"]),
    ("machine", []),
    ("untranslated", [e for e in EXPECTED if e[2] == "untranslated"]),
])
def test_only_filters_by_state(
    project: Path, monkeypatch: pytest.MonkeyPatch, only: str, expected: list[object]
) -> None:
    from l10n.config import load_settings
    from l10n.workflow.qa import check_project

    monkeypatch.chdir(project)
    findings = list(check_project(load_settings(cwd=project), only=only).findings)
    assert [(f.line, str(f.severity), f.check) for f in findings] == expected


@pytest.mark.slow
def test_cli_check_exit_codes(project: Path) -> None:
    result = run_l10n("check", cwd=project)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert f"{CATALOG}:40: error [particles] '블랙웰는': after '블랙웰' the particle is '은' " \
        "(블랙웰은)" in lines
    assert len(lines) == len(EXPECTED)
    assert "4 errors, 6 warnings" in result.stderr

    result = run_l10n("check", "--json", cwd=project)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [(d["line"], d["severity"], d["check"]) for d in data] == EXPECTED
    assert set(data[0]) == {"check", "severity", "message", "path", "line", "msgid", "lang",
                            "span", "source_span"}

    clean = run_l10n("check", "--only", "machine", cwd=project)  # warnings or nothing: 0
    assert clean.returncode == 0, clean.stdout + clean.stderr

    warnings_only = run_l10n("check", "--only", "untranslated", cwd=project)
    assert warnings_only.returncode == 0
    assert "warning [untranslated]" in warnings_only.stdout


@pytest.mark.slow
def test_cli_check_bad_input_exits_2(project: Path) -> None:
    catalog = project / CATALOG
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("#. byline", "a line a PO editor would refuse", 1),
                       encoding="utf-8")
    result = run_l10n("check", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: ") and f"{CATALOG}:24: syntax error" in result.stderr
    assert result.stdout == ""

    catalog.write_text(text, encoding="utf-8")
    (project / "glossaries" / "broken.toml").write_text("[[term]]\nsource = \n", encoding="utf-8")
    result = run_l10n("check", cwd=project)
    assert result.returncode == 2
    assert "broken.toml" in result.stderr

    assert run_l10n("check", "--only", "nonsense", cwd=project).returncode == 2
    assert run_l10n("check", "--lang", "xx-invalid!", cwd=project).returncode == 2


def test_a_changed_link_is_one_finding_naming_both_forms() -> None:
    [message] = _findings(check_markup, "See [the guide](https://example.com/guide).",
                          "[안내서](https://example.com/gide)를 보세요.")
    assert "'](https://example.com/guide)' was changed to '](https://example.com/gide)'" in message


# ---------------------------------------------------------------- flags and noise
@pytest.mark.parametrize(("flags", "left"), [
    ((), ["numbers", "spaces"]),
    (("ignore-numbers",), ["spaces"]),
    (("ignore-double-space",), ["numbers"]),  # Weblate's name for the spaces check
    (("fuzzy", "ignore-spaces", "ignore-numbers"), []),
    (("ignore-all-checks",), []),
])
def test_ignore_flags_turn_checks_off_for_one_entry(
    flags: tuple[str, ...], left: list[str]
) -> None:
    entry = Entry("It costs $10.3 billion.", "103억 원이  든다.", line=3, flags=flags)
    assert [f.check for f in run_checks(entry, KO)] == left


def _pseudo(msgid: str, damage: tuple[str, str] = ("", "")) -> Entry:
    """Untouched pseudo output of ``msgid`` (with ``damage`` done by the engine itself)."""
    from l10n.catalog import Provenance, fingerprint
    from l10n.engines.pseudo import pseudo_localize

    text = pseudo_localize(msgid).replace(*damage)
    comment = Provenance("pseudo", "pseudo", None, fingerprint(text)).comment()
    return Entry(msgid, text, fuzzy=True, comments=(comment,))


def test_untouched_pseudo_output_is_one_error_and_has_no_number_or_length_findings() -> None:
    entry = _pseudo("A 3-minute, 16-second video released on October 31 sold 260,000 units.")
    for ctx in (KO, CheckContext("en", "es", GLOSSARY)):
        [finding] = run_checks(entry, ctx)
        assert (finding.check, str(finding.severity)) == ("pseudo", "error")
    # a figure changed in pseudo output is still an error of its own
    broken = _pseudo(entry.msgid, ("31", "30"))
    assert [f.message for f in run_checks(broken, KO) if f.check != "pseudo"] == [
        "'October 31' (10-31) is missing from the translation; the translation has "
        "'October 30' (10-30)"]  # pseudo text is read without its accents


def test_pseudo_output_accepted_as_reviewed_is_still_an_error() -> None:
    from dataclasses import replace

    accepted = replace(_pseudo("Samsung sold 3 phones."), fuzzy=False)
    assert accepted.reviewed and accepted.is_pseudo
    [finding] = run_checks(accepted, KO)
    assert finding.check == "pseudo" and "accepted as reviewed" in finding.message
    edited = replace(accepted, msgstr="삼성은 휴대폰 3대를 팔았다.")  # a person translated it
    assert run_checks(edited, KO) == []


def test_a_reviewed_only_build_never_publishes_pseudo_text(tmp_path: Path) -> None:
    from l10n.catalog import Catalog, Provenance, fingerprint
    from l10n.engines.pseudo import pseudo_localize
    from l10n.publish.translated import translations

    text = pseudo_localize("Samsung sold 3 phones.")
    mt = Provenance("pseudo", "pseudo", None, fingerprint(text)).comment()
    path = tmp_path / "a.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: ko\\n"\n\n'
        f'#. {mt}\nmsgid "Samsung sold 3 phones."\nmsgstr "{text}"\n\n'
        'msgid "Hello."\nmsgstr "안녕하세요."\n', encoding="utf-8")
    found = translations(Catalog.read(path))  # the pseudo entry is not fuzzy: accepted
    assert found["Samsung sold 3 phones."].reviewed is False
    assert found["Hello."].reviewed is True


@pytest.mark.parametrize("msgid", ["Pedro Espinola", "Jensen Huang", "Kim Min-ji, Seoul"])
def test_names_kept_as_written_are_not_identical(msgid: str) -> None:
    assert _findings(check_identical, msgid, msgid) == []


def test_a_byline_is_not_identical_and_a_title_case_headline_is() -> None:
    byline = Entry("Pedro Espinola Special Correspondent", "Pedro Espinola Special Correspondent",
                   comments=("byline",))
    assert check_identical(byline, KO) == []
    headline = "Samsung Unveils Its Newest Phone In Seoul Today"
    assert len(_findings(check_identical, headline, headline)) == 1


def test_a_kept_grouping_in_spanish_is_the_same_number() -> None:
    es = CheckContext("en", "es", GLOSSARY)
    assert _findings(check_numbers, "260,000 units", "260,000 unidades", es) == []
    [message] = _findings(check_numbers, "260,000 units", "26,000 unidades", es)
    assert message == ("'260,000' (260,000) is missing from the translation; the translation "
                       "has '26,000' (26 or 26,000)")
