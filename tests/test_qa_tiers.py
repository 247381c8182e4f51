"""Severity tiers and catalog conventions (l10n.qa.tiers, l10n.qa.catalog.conventions)."""

from __future__ import annotations

from pathlib import Path

from l10n.catalog import Entry
from l10n.model import Finding, Severity
from l10n.qa import CheckContext, run_checks
from l10n.qa.catalog import conventions
from l10n.qa.tiers import changed_digits
from tests.cli_helpers import run_l10n

GRADED = CheckContext("en", "fr", None, "fr.po", grade=True)
PLAIN = CheckContext("en", "fr", None, "fr.po")


def _severities(msgid: str, msgstr: str, ctx: CheckContext) -> dict[str, str]:
    return {f.check: str(f.severity) for f in run_checks(Entry(msgid, msgstr, line=3), ctx)}


def test_a_changed_digit_stays_an_error() -> None:
    assert _severities("Delete 5 files", "Supprimer 6 fichiers", GRADED) == {"numbers": "error"}
    assert _severities("Released in 2001", "Publié en 2011", GRADED) == {"numbers": "error"}
    # '1,00' is two figures in English; the run as written has one digit changed
    assert set(_severities("1,00", "1,10", GRADED).values()) == {"error"}


def test_a_figure_said_another_way_is_info_on_catalogs_from_anywhere() -> None:
    assert _severities("Zoom to 100%", "Taille réelle", GRADED) == {"numbers": "info"}
    # a project's own catalogs (no grade) keep it an error: it gates publishing
    assert _severities("Zoom to 100%", "Taille réelle", PLAIN) == {"numbers": "error"}


def test_heuristic_checks_are_info_and_structural_ones_are_not() -> None:
    assert _severities("Open the file manager", "Open the file manager", GRADED) == {
        "identical": "info"}
    assert _severities("Saved %s", "Enregistré", GRADED)["placeholders"] == "error"
    assert _severities("<b>Bold</b> text", "Texte gras", GRADED)["tags"] == "error"


def test_changed_digits() -> None:
    assert changed_digits("1,000", ["1 010"])
    assert not changed_digits("100", ["1/4"])
    assert not changed_digits("24", [])
    assert changed_digits("7.22.0", ["7.44.0"])
    assert changed_digits("c45d82e4fac0e7", [], "md5='c45d82e5fac0e7'")  # a code
    assert not changed_digits("00:00", ["22:48"])  # every digit: another reading


def _warning(line: int, message: str, check: str = "spaces") -> Finding:
    return Finding(check, Severity.WARNING, message, "th.po", line, f"m{line}", "th")


def test_a_warning_on_ten_entries_of_one_shape_is_said_once() -> None:
    many = [_warning(n, f"the translation ends with '{n % 2 * ' '}' where the source has ' '")
            for n in range(1, 12)]
    error = Finding("numbers", Severity.ERROR, "'5' is missing", "th.po", 40, "x", "th")
    folded = conventions([*many, _warning(50, "two spaces in a row"), error])
    assert len(folded) == 3
    assert folded[0].line == 0 and folded[0].message.startswith("11 entries the same way")
    assert "lines 1, 2, 3" in folded[0].message
    assert folded[1:] == [_warning(50, "two spaces in a row"), error]
    assert conventions(many[:9]) == many[:9]  # nine: each its own finding


def test_errors_are_never_folded() -> None:
    errors = [Finding("numbers", Severity.ERROR, f"'{n}' is missing", "x.po", n, "m", "fr")
              for n in range(1, 30)]
    assert conventions(errors) == errors


def test_check_hides_info_unless_all(tmp_path: Path) -> None:
    po = tmp_path / "fr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; '
                  'charset=UTF-8\\n"\n\nmsgid "Open the file manager"\n'
                  'msgstr "Open the file manager"\n', encoding="utf-8")
    quiet = run_l10n("check", str(po), cwd=tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert "identical" not in quiet.stdout and "--all shows them" in quiet.stderr
    loud = run_l10n("check", "--all", str(po), cwd=tmp_path)
    assert "info [identical]" in loud.stdout


def test_a_bare_figure_against_a_duration_of_as_many_digits_is_compared() -> None:
    # GNOME Clocks' timer button "5 m": a figure replaced the source's, not words
    assert _severities("5 m", "6 min", GRADED) == {"numbers": "error"}
    assert _severities("5 m", "5 min", GRADED) == {}
    # "u the power boldly 2 proclaim" -> an age elsewhere (16세): no figure replaced it
    ko = CheckContext("en", "ko", None, "ko.po")
    assert _severities("boldly 2 proclaim", "교황 베네딕토 16세는", ko) == {}


_TWO = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Open the file manager"\nmsgstr "Open the file manager"\n\n'  # info: identical
        'msgid "Close"\nmsgstr "Fermer "\n')  # a warning: whitespace


def test_annotate_writes_what_check_shows(tmp_path: Path) -> None:
    from l10n.config import load_settings
    from l10n.workflow.qa import check_files

    po = tmp_path / "fr.po"
    po.write_text(_TWO, encoding="utf-8")
    check_files(load_settings(cwd=tmp_path), [po], annotate=True)
    text = po.read_text(encoding="utf-8")
    assert "#. check: whitespace" in text and "identical" not in text
    check_files(load_settings(cwd=tmp_path), [po], annotate=True, everything=True)  # --all
    assert "#. check: identical" in po.read_text(encoding="utf-8")


def test_json_and_junit_show_what_text_shows_and_json_counts_the_rest(tmp_path: Path) -> None:
    import json
    import xml.etree.ElementTree as ET

    po = tmp_path / "fr.po"
    po.write_text(_TWO, encoding="utf-8")
    quiet = json.loads(run_l10n("check", "--json", str(po), cwd=tmp_path).stdout)
    assert [f["check"] for f in quiet["findings"]] == ["whitespace"]
    assert quiet["info_hidden"] == 1
    loud = json.loads(run_l10n("check", "--all", "--json", str(po), cwd=tmp_path).stdout)
    assert sorted(f["check"] for f in loud["findings"]) == ["identical", "whitespace"]
    assert loud["info_hidden"] == 0
    junit = run_l10n("check", "--format", "junit", str(po), cwd=tmp_path).stdout
    assert ET.fromstring(junit).get("tests") == "1" and "identical" not in junit


def test_markup_dropped_is_an_error_and_markup_changed_is_info_on_catalogs() -> None:
    assert _severities("See https://gnu.org/a now", "Voir maintenant", GRADED) == {
        "markup": "error"}
    # a metavariable translated inside code, a page localized: shapes no slip makes
    assert _severities("Use `%name%` here", "Utilisez `%nom%` ici", GRADED) == {"markup": "info"}
    assert _severities("Use `%name%` here", "Utilisez `%nom%` ici", PLAIN) == {"markup": "error"}


def test_markup_with_a_digit_changed_stays_an_error() -> None:
    assert _severities("See https://gnu.org/a/3 now", "Voir https://gnu.org/a/4 maintenant",
                       GRADED) == {"markup": "error"}
