"""``l10n check`` on real shipped PO files, beside Translate Toolkit's ``pofilter``.

``python -m benchmarks.check_quality.assemble`` first (the corpus: ``manifest.toml``),
then ``python -m benchmarks.check_quality [--manifest M] [--no-pofilter] [--sample N]
[--seed S] [--all]`` prints (``--manifest``: ``heldout.toml``, ``heldout2.toml`` ..
``heldout7.toml``, corpora the checks were not tuned on; assemble them with the same
``--manifest`` first; ``--all``: every finding, as ``l10n check --all`` prints them; by
default as ``l10n check FILE.po`` does: no ``info`` findings (:mod:`l10n.qa.tiers`, counted
apart), a catalog's conventions once):

- the corpus: files, languages, translated entries (not fuzzy, not obsolete: what
  gettext uses at run time; both tools are counted on those only);
- findings per 1,000 translated entries, per check, for ``l10n check`` (as
  ``l10n check FILE.po`` runs it: no glossary; a catalog-wide finding such as "the catalog
  marks no accelerators" counts once and is listed, never sampled) and for ``pofilter``
  (every default test, ``--language`` set, ``--nofuzzy``); ``untranslated`` is left out
  (there is none);
- recall on corruptions injected into clean real entries (entries l10n reports nothing
  on): one placeholder dropped, one digit of a number the source
  has changed (d -> d+1), one HTML/Pango tag dropped; caught = an error from l10n, a
  pofilter test that fails on the corrupted entry and did not on the real one (the
  corruptions into format samples of zeros, ``Oct 00 0000, 00:00 PM``, whose figures
  l10n does not compare, are counted as misses and also named apart);
- precision on the hand-labelled sample: a reproducible random sample of l10n's findings
  (``--sample``, ``--seed``) is written to ``benchmarks/out/check_quality/sample.md``;
  ``labels.toml`` (and ``labels-<manifest>.toml`` for another manifest, e.g.
  ``labels-heldout2.toml``) holds a person's verdict on each (keyed by file, msgid hash,
  check), and the precision is the share of the labelled sample that is a true problem.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks.check_quality.assemble import HERE, MANIFEST, OUT, corpus
from benchmarks.pofilter import failed_tests

LABELS = HERE / "labels.toml"
SAMPLE_OUT = OUT.parent / "check_quality" / "sample.md"
PER_KIND = 400  # corruptions per kind


@dataclass(frozen=True)
class Unit:
    """A translated entry of the corpus."""

    file: str  # the corpus path, <owner>+<name>/po/<lang>.po
    lang: str
    entry: object  # l10n.catalog.Entry
    accelerators: bool = True  # the catalog marks accelerators (l10n.qa.catalog)

    @property
    def key(self) -> str:
        return key_of(self.file, self.entry.msgctxt, self.entry.msgid)  # type: ignore[attr-defined]


def key_of(file: str, msgctxt: str | None, msgid: str) -> str:
    digest = hashlib.sha1(f"{msgctxt or ''}\x04{msgid}".encode()).hexdigest()[:12]
    return f"{file}|{digest}"


def load_units(manifest: Path = MANIFEST,
               catalog_wide: list[object] | None = None) -> tuple[list[Unit], list[str]]:
    """Every translated entry of every corpus file; unreadable files as messages. The
    catalogs' own findings (:mod:`l10n.qa.catalog`), as ``l10n check`` reports them, are
    added to ``catalog_wide``."""
    from l10n.catalog import REVIEWED, Catalog
    from l10n.errors import L10nError
    from l10n.qa import CheckContext
    from l10n.qa.catalog import for_catalog

    units, problems = [], []
    for item, path in corpus(manifest=manifest):
        name = str(item.local)
        if not path.is_file():
            problems.append(f"{name}: missing (run python -m benchmarks.check_quality.assemble)")
            continue
        try:
            catalog = Catalog.read(path)
        except L10nError as exc:
            problems.append(f"{name}: {exc}")
            continue
        lang = catalog.language or item.lang
        entries = catalog.entries()
        ctx, wide = for_catalog(entries, CheckContext("en", lang, None, name))
        if catalog_wide is not None:
            catalog_wide += wide
        units += [Unit(name, lang, e, ctx.accelerators) for e in entries if e.state == REVIEWED]
    return units, problems


def l10n_findings(unit: Unit) -> list[object]:
    from l10n.qa import CheckContext, run_checks

    ctx = CheckContext("en", unit.lang, None, unit.file, accelerators=unit.accelerators,
                       grade=True)
    return run_checks(unit.entry, ctx)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- pofilter
def pofilter(units: Sequence[Unit], texts: Sequence[str] | None = None) -> list[list[str]]:
    """The tests pofilter fails on each unit (``texts``: msgstr to use instead)."""
    import polib

    entries = []
    for i, unit in enumerate(units):
        e = unit.entry
        new = polib.POEntry(msgid=e.msgid, flags=list(e.flags))  # type: ignore[attr-defined]
        text = e.msgstr if texts is None else texts[i]  # type: ignore[attr-defined]
        if e.msgid_plural:  # type: ignore[attr-defined]
            new.msgid_plural = e.msgid_plural  # type: ignore[attr-defined]
            forms = list(e.plural_forms) or [text]  # type: ignore[attr-defined]
            if texts is not None:
                forms[0] = text
            new.msgstr_plural = dict(enumerate(forms))
        else:
            new.msgstr = text
        entries.append((unit.lang, new))
    return failed_tests(entries, ["--nofuzzy"])


# ------------------------------------------------------------------------- corruption
_PLACEHOLDER = re.compile(
    r"%%|%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcsp]"
    r"|%\([A-Za-z_]+\)[sdif]|\{[A-Za-z0-9_]*\}")
_DIGITS = re.compile(r"\d+")
_TAG = re.compile(r"</?(?:b|i|u|s|a|big|small|tt|span|sub|sup|em|strong|code|p|br|li|ul)\b[^<>]*>")


def corrupt(kind: str, source: str, text: str, rng: random.Random) -> str | None:
    """``text`` with one placeholder, digit or tag broken, or None if it has none."""
    if kind == "placeholder":
        hits = [m for m in _PLACEHOLDER.finditer(text) if m.group() != "%%"]
        if not hits:
            return None
        hit = rng.choice(hits)
        return (text[: hit.start()] + text[hit.end() :]).strip() and (
            text[: hit.start()] + text[hit.end() :]) or None
    if kind == "digit":  # a number of the text (not a placeholder's width) the source has
        inside = [m.span() for m in _PLACEHOLDER.finditer(text)]
        hits = [m for m in _DIGITS.finditer(text)
                if re.search(rf"(?<!\d){m.group()}(?!\d)", source)
                and not any(s <= m.start() < e for s, e in inside)]
        if not hits:
            return None
        hit = rng.choice(hits)
        at = hit.start() + rng.randrange(len(hit.group()))
        return text[:at] + str((int(text[at]) + 1) % 10) + text[at + 1 :]
    hits = [m for m in _TAG.finditer(text) if m.group() in source]
    if not hits:
        return None
    hit = rng.choice(hits)
    return text[: hit.start()] + text[hit.end() :]


def injected(clean: Sequence[Unit], seed: int) -> dict[str, list[tuple[Unit, str]]]:
    rng = random.Random(seed)
    out: dict[str, list[tuple[Unit, str]]] = {}
    for kind in ("placeholder", "digit", "tag"):
        made = []
        for unit in clean:
            if any(flag.strip().startswith("no-") for flag in unit.entry.flags):  # type: ignore[attr-defined]
                continue  # no-c-format: msgfmt and the checks leave its %-signs alone
            bad = corrupt(kind, unit.entry.msgid, unit.entry.msgstr, rng)  # type: ignore[attr-defined]
            if bad is not None and bad != unit.entry.msgstr:  # type: ignore[attr-defined]
                made.append((unit, bad))
        rng.shuffle(made)
        out[kind] = made[:PER_KIND]
    return out


def zero_sample(source: str) -> bool:
    from l10n.lang.number_context import zero_sample as sample

    return sample(source)


def l10n_catches(unit: Unit, text: str) -> bool:
    entry = unit.entry
    changed = replace(entry, msgstr=text)  # type: ignore[type-var]
    if entry.plural_forms:  # type: ignore[attr-defined]
        changed = replace(changed, plural_forms=(text, *entry.plural_forms[1:]))  # type: ignore[attr-defined]
    found = l10n_findings(replace(unit, entry=changed))
    return any(str(f.severity) == "error" for f in found)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- labels
def load_labels(manifest: Path = MANIFEST) -> dict[str, bool]:
    """The verdicts in ``labels.toml`` and ``labels-<manifest name>.toml`` (keys name the
    file, so one corpus's labels never answer for another's)."""
    found: dict[str, bool] = {}
    for path in (LABELS, HERE / f"labels-{manifest.stem}.toml"):
        if path.exists():
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            found |= {f"{x['key']}|{x['check']}": bool(x["true"]) for x in data.get("label", [])}
    return found


def write_sample(sample: Sequence[tuple[Unit, object]], path: Path) -> None:
    lines = ["# A random sample of l10n check's findings on the real corpus", ""]
    for unit, finding in sample:
        f = finding
        lines += [f"## {unit.key}|{f.check}", f"- {f.severity} [{f.check}] {f.message}",  # type: ignore[attr-defined]
                  f"- msgid:  {unit.entry.msgid!r}", f"- msgstr: {unit.entry.msgstr!r}", ""]  # type: ignore[attr-defined]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


# ----------------------------------------------------------------------------- main
def _rate_table(name: str, counts: Counter[str], total: int) -> list[str]:
    rows = [f"{name}: {sum(counts.values())} findings besides untranslated = "
            f"{1000 * sum(counts.values()) / total:.1f} per 1,000 translated entries"]
    rows += [f"    {check:<20} {n:>6}  {1000 * n / total:7.2f}" for check, n in
             counts.most_common()]
    return rows


def shown(every: Sequence[tuple[Unit, object]], everything: bool) -> tuple[
        list[tuple[Unit, object]], list[object], list[tuple[Unit, object]]]:
    """As ``l10n check`` shows findings: the per-entry ones, the catalogs' conventions
    (:func:`l10n.qa.catalog.conventions`, each counted once and never sampled) and the
    ``info`` findings it leaves out; with ``everything`` (``--all``) all of them per entry."""
    from l10n.qa.catalog import conventions

    if everything:
        return list(every), [], []
    info = [(u, f) for u, f in every if str(f.severity) == "info"]  # type: ignore[attr-defined]
    rest = [(u, f) for u, f in every if str(f.severity) != "info"]  # type: ignore[attr-defined]
    said: list[object] = list(conventions([f for _, f in rest]))  # type: ignore[misc]
    kept = {id(f) for f in said}
    folded = [f for f in said if not f.line]  # type: ignore[attr-defined]
    return [(u, f) for u, f in rest if id(f) in kept], folded, info


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.check_quality")
    parser.add_argument("--no-pofilter", action="store_true", help="measure l10n only")
    parser.add_argument("--sample", type=int, default=120, help="findings to sample")
    parser.add_argument("--seed", type=int, default=25)
    parser.add_argument("--all", action="store_true",
                        help="measure every finding, as `l10n check --all` shows them")
    parser.add_argument("--manifest", type=Path, default=MANIFEST,
                        help="another manifest (heldout.toml: files the checks were not tuned on)")
    args = parser.parse_args(argv)
    say: Callable[[str], None] = print
    catalog_wide: list[object] = []
    units, problems = load_units(args.manifest, catalog_wide)
    for problem in problems:
        say(f"unreadable: {problem}")
    files = {u.file for u in units}
    langs = sorted({u.lang for u in units})
    say(f"corpus: {len(files)} files, {len(langs)} languages ({', '.join(langs)}), "
        f"{len(units)} translated entries")

    every = [(u, f) for u in units for f in l10n_findings(u) if f.check != "untranslated"]  # type: ignore[attr-defined]
    found, folded, info = shown(every, args.all)
    checks = Counter(f.check for _, f in found) + Counter(f.check for f in catalog_wide + folded)  # type: ignore[attr-defined]
    say("\n".join(_rate_table("l10n check" + (" --all" if args.all else ""), checks,
                              len(units))))
    for finding in catalog_wide + folded:  # one per catalog: not sampled (see the README)
        say(f"    catalog-wide: {finding.path}: {finding.message[:160]}")  # type: ignore[attr-defined]
    if info:
        say("\n".join(_rate_table("  not shown (info, --all)", Counter(f.check for _, f in info),  # type: ignore[attr-defined]
                                  len(units))))
    flagged = None
    before: dict[str, set[str]] = {}
    if not args.no_pofilter:
        flagged = pofilter(units)
        tests = Counter(t for tests in flagged for t in tests if t != "untranslated")
        before = {u.key: set(t) for u, t in zip(units, flagged, strict=True)}
        say("\n".join(_rate_table("pofilter", tests, len(units))))

    noisy = {u.key for u, _ in every}
    clean = [u for u in units if u.key not in noisy]
    say(f"injected corruptions (into {len(clean)} entries l10n finds nothing on):")
    for kind, made in injected(clean, args.seed).items():
        caught = sum(l10n_catches(unit, text) for unit, text in made)
        line = (f"    {kind:<12} l10n {caught}/{len(made)} = "
                f"{100 * caught / max(len(made), 1):.1f}%")
        samples = [(u, t) for u, t in made if zero_sample(u.entry.msgid)]  # type: ignore[attr-defined]
        if samples:  # "Oct 00 0000, 00:00 PM": no values, so l10n leaves its figures alone
            rest = len(made) - len(samples)
            kept = caught - sum(l10n_catches(u, t) for u, t in samples)
            line += (f" ({len(samples)} into format samples of zeros; the others "
                     f"{kept}/{rest} = {100 * kept / max(rest, 1):.1f}%)")
        if flagged is not None:  # caught: a test fails that did not on the real entry
            hits = pofilter([u for u, _ in made], [t for _, t in made])
            got = sum(bool(set(h) - before.get(u.key, set())) for (u, _), h in
                      zip(made, hits, strict=True))
            line += f"   pofilter {got}/{len(made)} = {100 * got / max(len(made), 1):.1f}%"
        say(line)

    rng = random.Random(args.seed)
    ordered = sorted(found, key=lambda uf: (uf[0].key, uf[1].check, uf[1].message))  # type: ignore[attr-defined]
    sample = rng.sample(ordered, min(args.sample, len(ordered)))
    out = SAMPLE_OUT.with_name(f"sample-{args.manifest.stem}.md")
    write_sample(sample, out)
    labels = load_labels(args.manifest)
    judged = [labels[f"{u.key}|{f.check}"] for u, f in sample if f"{u.key}|{f.check}" in labels]  # type: ignore[attr-defined]
    say(f"sample: {len(sample)} findings (seed {args.seed}) in {out}; "
        f"{len(judged)} labelled, {sum(judged)} true problems"
        + (f" = {100 * sum(judged) / len(judged):.1f}% precision" if judged else ""))


if __name__ == "__main__":
    main()
