"""Plural-Forms as gettext reads it: the expression's grammar, and what msgfmt refuses
(an invalid expression, a form at or past nplurals, a division by zero)."""

from __future__ import annotations

import pytest

from l10n.catalog.plural import parse_plural, plural_problem


@pytest.mark.parametrize(("text", "values"), [
    ("0", [0, 0, 0]),
    ("(n != 1)", [1, 0, 1]),
    ("n>1 ? 1 : 0", [0, 0, 1]),
    ("n==1 ? 0 : n==2 ? 1 : 2", [2, 0, 1]),
    ("!(n % 2) && n", [0, 0, 1]),
    ("1 + 2 * n - 3 % 2", [0, 2, 4]),  # * and % before + and -
])
def test_expressions_read_as_c_reads_them(text: str, values: list[int]) -> None:
    assert [parse_plural(text)(n) for n in range(3)] == values


def test_polish_rule_reads_and_stays_within_its_forms() -> None:
    rule = ("(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)")
    assert plural_problem(rule, 3) is None
    assert [parse_plural(rule)(n) for n in (1, 2, 5, 22, 25, 112)] == [0, 1, 2, 1, 2, 2]


@pytest.mark.parametrize(("text", "nplurals", "said"), [
    ("", 1, "invalid plural expression"),
    ("n+", 1, "invalid plural expression"),
    ("(n", 2, "invalid plural expression"),
    ("n ? 1", 2, "invalid plural expression"),
    ("n % 3", 2, "gives form 2 for n = 2"),
    ("n / 0", 2, "divides by zero"),
    ("x", 2, "invalid plural expression"),
])
def test_what_msgfmt_refuses_is_refused(text: str, nplurals: int, said: str) -> None:
    problem = plural_problem(text, nplurals)
    assert problem is not None and said in problem
