"""The numbers check on a table of labelled news sentence pairs (tests/data/numbers/table.toml).

Every pair must produce exactly the findings it is labelled with (errors and warnings,
named by the source quantity) and nothing else; single-digit corruptions of the faithful
translations must be caught (recall). benchmarks/numbers_table.py prints the same figures
beside Translate Toolkit's pofilter.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from benchmarks.numbers_table import (
    Pair,
    corruption_units,
    corruptions,
    l10n_errs,
    l10n_figures,
    l10n_findings,
    load_table,
)
from l10n.lang.numbers import read_numbers, same_quantity

PAIRS = load_table()


def test_the_table_has_150_pairs_in_five_languages_with_every_class() -> None:
    assert len(PAIRS) >= 150
    assert set(Counter(p.lang for p in PAIRS)) == {"ko", "ja", "zh", "es", "de"}
    classes = {p.kind for p in PAIRS}
    assert {"references", "korean-mixed", "race-time", "clock-time", "currency-dropped",
            "relative-date", "duration-units", "number-words", "wrong"} <= classes
    assert len({(p.lang, p.source, p.target) for p in PAIRS}) == len(PAIRS)


def _named(message: str) -> str:
    """The source quantity a finding names: its first quoted text."""
    found = re.search(r"'(.+?)' \(", message)
    assert found, message
    return found.group(1)


@pytest.mark.parametrize("pair", PAIRS, ids=[p.key for p in PAIRS])
def test_pair_gives_exactly_its_labelled_findings(pair: Pair) -> None:
    findings = l10n_findings(pair.source, pair.target, pair.lang)
    got = sorted((severity, _named(message)) for severity, message in findings)
    expected = sorted([("error", e) for e in pair.errors] + [("warning", w) for w in pair.warnings])
    assert got == expected, findings


def test_messages_say_what_differs() -> None:
    [(severity, message)] = l10n_findings(
        "Kim finished the 100 meters in 13.04 seconds.", "김 선수는 100m를 13초14에 주파했다.", "ko"
    )
    assert (severity, message) == (
        "error",
        "'13.04 seconds' (13.04 seconds) is missing from the translation; the translation "
        "has '13초14' (13.14 seconds)",
    )
    [(_, message)] = l10n_findings("It rose by $46 billion.", "460억 늘었다.", "ko")
    assert message == ("'$46 billion' (46,000,000,000 USD) is written '460억' "
                       "(46,000,000,000) without its currency (USD): add it")


def test_corruptions_replace_one_digit_each() -> None:
    assert list(corruptions("a 19 b 9")) == ["a 29 b 9", "a 10 b 9", "a 19 b 0"]


def test_recall_on_single_digit_corruptions_is_at_least_95_percent() -> None:
    figures = l10n_figures(PAIRS)
    assert figures.corruptions == len(corruption_units(PAIRS)) > 500
    assert figures.recall >= 0.95, figures
    assert figures.false_alarms == 0
    assert figures.wrong_caught == figures.wrong


def _digits_of_source_figures(pair: Pair) -> list[int]:
    """Offsets of the translation's digits that belong to a figure standing for a source
    quantity (not those of numbers only the translation has, like 3분기 for "third")."""
    sources = read_numbers(pair.source, "en")
    offsets = []
    for quantity in read_numbers(pair.target, pair.lang):
        if any(same_quantity(s, quantity) for s in sources):
            offsets += [i for i in range(quantity.start, quantity.end) if pair.target[i].isdigit()]
    return offsets


def test_a_corruption_of_a_figure_the_source_has_is_always_caught() -> None:
    checked, missed = 0, []
    for pair in (p for p in PAIRS if p.faithful):
        for i in _digits_of_source_figures(pair):
            bad = pair.target[:i] + str((int(pair.target[i]) + 1) % 10) + pair.target[i + 1 :]
            checked += 1
            if not l10n_errs(pair.source, bad, pair.lang):
                missed.append((pair.key, bad))
    assert checked > 400
    assert missed == []


@pytest.mark.slow
def test_pofilter_runs_on_the_same_units_as_its_users_run_it() -> None:
    from benchmarks.numbers_table import pofilter_flags

    flags = pofilter_flags([
        ("ko", "About 260,000 GPUs will be supplied.", "GPU 약 26만 장이 공급된다."),
        ("ko", "It costs 5 dollars.", "5달러가 든다."),
        ("es", "It costs 5 dollars.", "Cuesta 6 dólares."),
    ])
    assert flags == [True, False, True]
