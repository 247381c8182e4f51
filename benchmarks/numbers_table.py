"""False alarms and recall of the numbers check on tests/data/numbers/table.toml.

``python -m benchmarks.numbers_table [--no-pofilter]`` prints, for l10n's ``numbers``
check and for Translate Toolkit's ``pofilter -t numbers`` on the same sentence pairs:

- false alarm rate: faithful pairs (no ``error`` label) on which the check reports an
  error (pofilter: flags the unit), out of all faithful pairs;
- recall: single-digit corruptions of the faithful translations (every digit of the
  translation replaced by the next one, 9 -> 0) on which it reports an error, out of all
  corruptions (digits of numbers the source does not have, such as 3분기 for "third
  quarter", count too: no check can catch those);
- the deliberately wrong pairs of the table caught.

pofilter runs as its users run it: one PO file per language, ``--language`` set, and
the units it writes out are the ones it flags.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.pofilter import failed_tests

TABLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "numbers" / "table.toml"


@dataclass(frozen=True)
class Pair:
    """One labelled sentence pair of the table."""

    key: str
    lang: str
    kind: str
    source: str
    target: str
    errors: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def faithful(self) -> bool:
        return not self.errors


def load_table(path: Path = TABLE) -> list[Pair]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    pairs = []
    for index, item in enumerate(data["pair"]):
        key = f"{index + 1:03d}-{item['lang']}-{item['class']}"
        pairs.append(Pair(key, item["lang"], item["class"], item["en"], item["tr"],
                          tuple(item.get("error", ())), tuple(item.get("warn", ()))))
    return pairs


def l10n_findings(source: str, target: str, lang: str) -> list[tuple[str, str]]:
    """(severity, message) of l10n's numbers check on one pair, as ``l10n check`` runs it."""
    from l10n.catalog import Entry
    from l10n.qa import CheckContext
    from l10n.qa.checks import check_numbers

    found = check_numbers(Entry(source, target), CheckContext("en", lang))
    return [(str(f.severity), f.message) for f in found]


def l10n_errs(source: str, target: str, lang: str) -> bool:
    return any(severity == "error" for severity, _ in l10n_findings(source, target, lang))


def corruptions(text: str) -> Iterator[str]:
    """``text`` with one digit replaced by the next (9 -> 0), for every digit in turn."""
    for i, ch in enumerate(text):
        if "0" <= ch <= "9":
            yield text[:i] + str((int(ch) + 1) % 10) + text[i + 1 :]


def pofilter_flags(units: Sequence[tuple[str, str, str]]) -> list[bool]:
    """Whether ``pofilter -t numbers`` flags each (lang, source, target), in order."""
    import polib

    entries = [(lang, polib.POEntry(msgid=source, msgstr=target))
               for lang, source, target in units]
    return [bool(tests) for tests in failed_tests(entries, ["-t", "numbers"])]


@dataclass(frozen=True)
class Figures:
    faithful: int
    false_alarms: int
    corruptions: int
    caught: int
    wrong: int
    wrong_caught: int

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.faithful

    @property
    def recall(self) -> float:
        return self.caught / self.corruptions


def corruption_units(pairs: Sequence[Pair]) -> list[tuple[str, str, str]]:
    """(lang, source, corrupted target) for every faithful pair and digit of its target."""
    return [(p.lang, p.source, bad) for p in pairs if p.faithful for bad in corruptions(p.target)]


def measure(pairs: Sequence[Pair], flags: Sequence[bool], corrupted: Sequence[bool]) -> Figures:
    """Figures from one flag per pair (in order) and one per corruption unit."""
    faithful = [f for p, f in zip(pairs, flags, strict=True) if p.faithful]
    wrong = [f for p, f in zip(pairs, flags, strict=True) if not p.faithful]
    return Figures(len(faithful), sum(faithful), len(corrupted), sum(corrupted), len(wrong),
                   sum(wrong))


def l10n_figures(pairs: Sequence[Pair]) -> Figures:
    flags = [l10n_errs(p.source, p.target, p.lang) for p in pairs]
    corrupted = [l10n_errs(s, t, lang) for lang, s, t in corruption_units(pairs)]
    return measure(pairs, flags, corrupted)


def pofilter_figures(pairs: Sequence[Pair]) -> Figures:
    flags = pofilter_flags([(p.lang, p.source, p.target) for p in pairs])
    corrupted = pofilter_flags(corruption_units(pairs))
    return measure(pairs, flags, corrupted)


def _line(name: str, f: Figures) -> str:
    return (f"{name:<24} false alarms {f.false_alarms:>3}/{f.faithful} = "
            f"{100 * f.false_alarm_rate:5.1f}%   recall {f.caught:>4}/{f.corruptions} = "
            f"{100 * f.recall:5.1f}%   wrong pairs caught {f.wrong_caught}/{f.wrong}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.numbers_table")
    parser.add_argument("--no-pofilter", action="store_true", help="measure l10n only")
    args = parser.parse_args(argv)
    pairs = load_table()
    langs = Counter(p.lang for p in pairs)
    print(f"{len(pairs)} pairs ({', '.join(f'{k} {v}' for k, v in langs.items())}), "
          f"{sum(p.faithful for p in pairs)} faithful, "
          f"{len(corruption_units(pairs))} single-digit corruptions")
    print(_line("l10n check (numbers)", l10n_figures(pairs)))
    if not args.no_pofilter:
        print(_line("pofilter -t numbers", pofilter_figures(pairs)))


if __name__ == "__main__":
    main()
