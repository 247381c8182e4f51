"""printf and format placeholders as gettext reads them (classes found on real catalogs)."""

from __future__ import annotations

import pytest

from l10n.catalog import Entry
from l10n.qa import CheckContext, run_checks
from l10n.qa.formats import c_directives, format_problems, python_directives

C = ("c-format",)
PY = ("python-format",)
BRACE = ("python-brace-format",)


@pytest.mark.parametrize(("text", "args"), [
    ("%s", [("1", "string")]),
    ("%lu files", [("1", "l unsigned")]),
    ("%zu bytes", [("1", "z unsigned")]),
    ("%'d items", [("1", "int")]),
    ("%-10.3hhd", [("1", "hh int")]),
    ("%I64d", [("1", "I64 int")]),
    ("%2$s %1$s", [("2", "string"), ("1", "string")]),
    ("%*d", [("1", "int"), ("2", "int")]),
    ("%.*s", [("1", "int"), ("2", "string")]),
    ("%<PRIu64>", [("1", "unsigned64")]),
    ("100%% done: %m", []),
])
def test_c_grammar(text: str, args: list[tuple[str, str]]) -> None:
    assert [a for d in c_directives(text) for a in d.args] == args


@pytest.mark.parametrize(("source", "target", "flags"), [
    ("%s of %s", "%2$s의 %1$s", C),  # reordered positions are valid, as msgfmt says
    ("%lu file", "%lu개 파일", C),
    ("%(count)d of %(total)d", "%(total)d 중 %(count)d", PY),
    ("{name} has {0}", "{0} chez {name}", BRACE),
    ("Copy of %s", "%s의 사본", ()),  # no flag: read carefully
    ("100% sure", "100% 확실", ()),  # a percent sign is not "% s"
    ("%B %-d %Y", "%Y년 %B %-d일", ()),  # a date format, not printf
    ("50% done", "50% d'entre eux", ("no-c-format",)),  # msgfmt checks nothing there
])
def test_valid_translations(source: str, target: str, flags: tuple[str, ...]) -> None:
    assert format_problems(source, target, flags) == []


@pytest.mark.parametrize(("source", "target", "flags", "wanted"), [
    ("%lu of %lu", "%lu", C, "'%lu' (argument 2) of the source is missing"),  # msgfmt catches it
    ("%zu bytes", "바이트", C, "'%zu' (argument 1) of the source is missing"),
    ("%lu files", "%u개 파일", C, "'%lu' was changed to '%u'"),
    ("%d files", "%s files", C, "'%d' was changed to '%s'"),
    ("could not open file", "파일을 열 수 없습니다: %s", C,
     "'%s' (argument 1) is not in the source"),
    ("%(count)d files", "%(cnt)d 파일", PY, "'%(count)d' was changed to '%(cnt)d'"),
    ("Hello, {name}!", "안녕하세요, {이름}님!", BRACE, "'{name}' was changed to '{이름}'"),
    ("Hello, {name}!", "안녕하세요!", BRACE, "'{name}' ({name}) of the source is missing"),
])
def test_broken_translations(source: str, target: str, flags: tuple[str, ...],
                             wanted: str) -> None:
    problems = format_problems(source, target, flags)
    assert len(problems) == 1 and wanted in problems[0][0], problems


def test_python_named_arguments_are_keyed_by_name() -> None:
    assert [d.args for d in python_directives("%(a)s %(b)d %s")] == [
        (("(a)", "any"),), (("(b)", "number"),), (("(1)", "any"),)]


def test_a_plural_form_may_leave_out_the_number_but_is_checked_against_the_plural() -> None:
    entry = Entry("Delete %d file?", "", msgid_plural="Delete %d files?", flags=C,
                  plural_forms=("Удалить файл?", "Удалить %d файла?", "Удалить %d %s?"))
    found = run_checks(entry, CheckContext("en", "ru"))
    assert [f.check for f in found] == ["placeholders"]
    assert "'%s' (argument 2) is not in the source" in found[0].message


def test_one_finding_per_problem_and_no_markup_finding_for_placeholders() -> None:
    entry = Entry("Saved %s to %s", "%s 저장", flags=C)
    found = run_checks(entry, CheckContext("en", "ko"))
    assert [f.check for f in found] == ["placeholders"]


# ------------------------------------------------------------------ Qt and KDE (%1 .. %99)
QT, KDE = ("qt-format",), ("kde-format",)


@pytest.mark.parametrize(("source", "target", "flags", "problems"), [
    ("Copy %1 of %2", "%2 중 %1 복사", QT, 0),  # reordered: valid
    ("Copy %1 of %2", "%1 복사", QT, 1),  # Qt: every argument
    ("Copy %1 of %2", "%1 %2 %3 복사", QT, 1),  # one the source does not have
    ("%L1 files", "%1개 파일", QT, 0),  # %L1 is argument 1, localized
    ("Copy %1 of %2", "%1 복사", KDE, 0),  # KDE: one argument may be left out
    ("Copy %1 of %2", "복사", KDE, 1),  # but not two
    ("Copy %1 of %10", "%1 of %1 복사", QT, 1),  # %10 is argument 10, not %1 then 0
    ("Copy %1 of %2", "복사", (), 0),  # unflagged: %1 may be plain text, not compared
])
def test_qt_and_kde_placeholders_are_compared_when_the_flag_says_so(
        source: str, target: str, flags: tuple[str, ...], problems: int) -> None:
    assert len(format_problems(source, target, flags)) == problems


def test_a_dropped_qt_placeholder_is_a_placeholders_error() -> None:
    found = run_checks(Entry("Delete %1 files from %2?", "%1 파일을 삭제할까요?", flags=QT),
                       CheckContext("en", "ko"))
    assert [(f.check, str(f.severity)) for f in found] == [("placeholders", "error")]


# ------------------------------------------------------------------ strftime date formats
@pytest.mark.parametrize(("source", "target", "flags", "lost"), [
    ("%d %B %Y, %H:%M", "%Y年%m月%d日 %H:%M", (), []),  # its own order and month form
    ("%d %B %Y, %H:%M", "%-d %B de %Y, %-H:%M", (), []),
    ("%a %b %e %I:%M %p", "%a %x %H:%M", ("no-c-format",), []),  # %x: day, month, year
    ("%d %B %Y, %H:%M", "%Y年%m月日 %H:%M", (), ["day"]),  # the day dropped
    ("%a %b %e %I:%M %p", "%x %H:%M", ("no-c-format",), ["weekday"]),
])
def test_a_date_format_keeps_every_part_in_its_own_form(
        source: str, target: str, flags: tuple[str, ...], lost: list[str]) -> None:
    found = format_problems(source, target, flags)
    assert [m.split("'s ")[1].split(" ")[0] for m, _ in found] == lost
