"""Classes of round 6 (issue 25), each a general shape: a unit glued to a placeholder,
links that are the same page written another way, example accounts, particles glued to
an address, and a repeated placeholder used fewer times. Each is a false alarm l10n no
longer raises, or a slip it now reports."""

from __future__ import annotations

import pytest

from l10n.catalog import Entry
from l10n.lang.number_reader import read_numbers
from l10n.qa import CheckContext, run_checks


def _checks(source: str, target: str, lang: str = "ko", flags: tuple[str, ...] = ()) -> list[str]:
    return [f.check for f in run_checks(Entry(source, target, flags=flags),
                                        CheckContext("en", lang))]


@pytest.mark.parametrize(("source", "target", "lang"), [
    # a unit letter glued to a directive in unflagged text: read on neither side
    ("Length: %0.1fs", "길이: %0.1f초", "ko"),
    ("%d of %ss", "%d / %s에", "ko"),
    ("Elapsed %0dm %0ds", "경과 %0d분 %0d초", "ko"),
    # http:// made https://: the same page
    ('See <a href="http://example.org/x">the manual</a>.',
     'Vt <a href="https://example.org/x">juhendit</a>.', "et"),
    ("Read http://docs.gnu.org/guide first.", "Lue ensin https://docs.gnu.org/guide.", "fi"),
    # a Korean particle glued to an e-mail address
    ("Write to support@liberapay.com for help.",
     "도움이 필요하면 support@liberapay.com에 문의하세요.", "ko"),
    # a wiki link: its text after | is translatable
    ("See [[https://manual.audacityteam.org/man/x.html|the Manual]].",
     "Se [[https://manual.audacityteam.org/man/x.html|manualen]].", "da"),
    # the account of an input's example made local
    ("example@mastodon.social", "contoh@mastodon.social", "ms"),
])
def test_the_same_text_written_its_own_way_is_right(source: str, target: str, lang: str) -> None:
    assert [c for c in _checks(source, target, lang) if c not in ("length", "identical")] == []


@pytest.mark.parametrize(("source", "target", "flags"), [
    ("{n}/{n}", "{n}/", ()),
    ("Connect {platform} account. {platform} will ask you.",
     "Ceangail cuntas {platform}. Iarrfaidh sé ort.", ("python-brace-format",)),
])
def test_a_repeated_placeholder_used_fewer_times_is_reported(
        source: str, target: str, flags: tuple[str, ...]) -> None:
    assert _checks(source, target, "ga", flags) == ["placeholders"]


def test_what_stays_wrong_is_still_reported() -> None:
    assert "placeholders" in _checks("Length: %0.1f s", "길이: 초")  # dropped, not glued
    assert "markup" in _checks("Read http://docs.gnu.org/a now.", "Lue https://docs.gnu.org/b.",
                               "fi")
    assert "markup" in _checks("Write to support@liberapay.com now.",
                               "support@liberapy.com에 문의", "ko")
    assert "tags" in _checks('See <a href="http://a.org/x">it</a>.',
                             'Vt <a href="https://a.org/y">seda</a>.')


def test_the_first_of_several_plural_forms_may_translate_msgid() -> None:
    entry = Entry('Move "{filename}" to trash?', "", msgid_plural="Move {count} files to trash?",
                  plural_forms=('Teisalda "{filename}" prügikasti?', "Teisalda {count} faili?"),
                  flags=("python-brace-format",))
    assert [f.check for f in run_checks(entry, CheckContext("en", "et"))] == []
    wrong = Entry('Move "{filename}" to trash?', "", msgid_plural="Move {count} files to trash?",
                  plural_forms=('Teisalda "{filename}" prügikasti?', "Teisalda {filename} faili?"),
                  flags=("python-brace-format",))
    assert [f.check for f in run_checks(wrong, CheckContext("en", "et"))] == ["placeholders"]


def test_backticks_added_around_a_name_of_the_source_are_right() -> None:
    assert _checks("Use the TYPE_* constants.", "`TYPE_*` 상수를 사용하세요.") == []
    assert _checks("Use the constants.", "`TYPE_*` 상수를 사용하세요.") == ["markup"]


@pytest.mark.parametrize(("text", "lang", "values"), [
    ("-b, --two-bytes-octal", "en", []),  # an option's name, no number
    ("seven-year term", "en", ["7"]),
    ("세 개의 항목", "ko", ["3"]), ("두 번 클릭하세요", "ko", ["2"]),
    ("하나, 둘, 셋", "ko", ["2", "3"]),
    ("세금 계산", "ko", []), ("세 번째", "ko", []), ("네, 맞습니다", "ko", []),
])
def test_numbers_in_words_not_in_names(text: str, lang: str, values: list[str]) -> None:
    assert [str(q.value) for q in read_numbers(text, lang)] == values


@pytest.mark.parametrize(("source", "target", "flags", "wanted"), [
    ("%0.f ms", "%1.f ms", ("c-format",), ["placeholders"]),
    ("drift %<PRId64>.%06<PRId64> s", "x %<PRId64>.%07<PRId64> s", ("c-format",), ["placeholders"]),
    ("%(seconds).2ds left", "%(seconds).3ds jäänud", ("python-format",), ["placeholders"]),
    ("%-15s %d", "%-20s %d", ("c-format",), []),  # a string's width aligns a column
])
def test_a_number_directive_keeps_its_width_and_precision(
        source: str, target: str, flags: tuple[str, ...], wanted: list[str]) -> None:
    assert [c for c in _checks(source, target, "et", flags) if c != "length"] == wanted


def test_a_lone_end_tag_dropped_is_reported() -> None:
    assert _checks("Read the changelog to learn more!</p>", "Læs ændringerne for at vide mere!",
                   "da") == ["tags"]
