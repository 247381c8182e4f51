"""The ``plural=`` expression of a catalog's ``Plural-Forms`` header, read as gettext reads
it (its ``plural.y`` grammar: C's ``?:``, ``||``, ``&&``, ``== !=``, ``< > <= >=``,
``+ -``, ``* / %``, ``!``, ``n``, numbers and parentheses), and checked as
``msgfmt --check`` checks it: for every ``n`` from 0 to 1000 it gives a form below
``nplurals``, and never divides by zero.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

Expression = Callable[[int], int]

_TOKEN = re.compile(r"\s*(\d+|n|\|\||&&|==|!=|<=|>=|[<>+\-*/%!?:()])")
_BINARY: list[dict[str, Callable[[int, int], int]]] = [  # loosest first
    {"||": lambda a, b: int(bool(a or b))},
    {"&&": lambda a, b: int(bool(a and b))},
    {"==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b)},
    {"<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
     "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b)},
    {"+": lambda a, b: a + b, "-": lambda a, b: a - b},
    {"*": lambda a, b: a * b, "/": lambda a, b: a // b, "%": lambda a, b: a % b},
]
LARGEST_N = 1000  # msgfmt evaluates the expression for n = 0 ... 1000


def parse_plural(text: str) -> Expression:
    """The expression as a function of ``n``; ValueError if it is not one."""
    tokens = _tokens(text)
    expression, rest = _conditional(tokens)
    if rest:
        raise ValueError(f"unexpected '{rest[0]}'")
    return expression


@functools.lru_cache(maxsize=64)  # a project has a few rules, read in every catalog
def plural_problem(text: str, nplurals: int) -> str | None:
    """What msgfmt would refuse in ``plural=text`` with ``nplurals`` forms, or None."""
    try:
        expression = parse_plural(text)
    except ValueError as exc:
        return f"invalid plural expression '{text}': {exc}"
    for n in range(LARGEST_N + 1):
        try:
            form = expression(n)
        except ZeroDivisionError:
            return f"the plural expression '{text}' divides by zero for n = {n}"
        if not 0 <= form < nplurals:
            return (f"the plural expression '{text}' gives form {form} for n = {n}, "
                    f"but nplurals = {nplurals}")
    return None


def _tokens(text: str) -> list[str]:
    tokens, at = [], 0
    text = text.rstrip()
    while at < len(text):
        found = _TOKEN.match(text, at)
        if found is None:
            raise ValueError(f"unexpected '{text[at:].strip()[:10]}'")
        tokens.append(found.group(1))
        at = found.end()
    if not tokens:
        raise ValueError("it is empty")
    return tokens


def _conditional(tokens: list[str]) -> tuple[Expression, list[str]]:
    test, rest = _binary(tokens, 0)
    if not rest or rest[0] != "?":
        return test, rest
    then, rest = _conditional(rest[1:])
    if not rest or rest[0] != ":":
        raise ValueError("'?' without ':'")
    otherwise, rest = _conditional(rest[1:])
    return (lambda n: then(n) if test(n) else otherwise(n)), rest


def _binary(tokens: list[str], level: int) -> tuple[Expression, list[str]]:
    if level == len(_BINARY):
        return _unary(tokens)
    left, rest = _binary(tokens, level + 1)
    while rest and rest[0] in _BINARY[level]:
        operate = _BINARY[level][rest[0]]
        right, rest = _binary(rest[1:], level + 1)
        left = (lambda f, g, op: lambda n: op(f(n), g(n)))(left, right, operate)
    return left, rest


def _unary(tokens: list[str]) -> tuple[Expression, list[str]]:
    if not tokens:
        raise ValueError("it ends too soon")
    first, rest = tokens[0], tokens[1:]
    if first == "!":
        inner, rest = _unary(rest)
        return (lambda n: int(not inner(n))), rest
    if first == "n":
        return (lambda n: n), rest
    if first.isdigit():
        value = int(first)
        return (lambda n: value), rest
    if first == "(":
        inner, rest = _conditional(rest)
        if not rest or rest[0] != ")":
            raise ValueError("'(' without ')'")
        return inner, rest[1:]
    raise ValueError(f"unexpected '{first}'")
