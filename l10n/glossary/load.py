"""Load and validate ``glossaries/*.toml`` into one :class:`~l10n.glossary.Glossary`.

File format (TOML, one ``[[term]]`` table per term; every file of the folder is read,
in name order, and merged)::

    [[term]]
    source = "PC Bang"                  # required: the term as written in the source text
    variants = ["PC bang", "PC bangs"]  # optional: other surface forms of the SAME term
    case_sensitive = false              # optional; default: as written for a short acronym
                                        #   (AI, GPU), regardless of case otherwise
    keep = false                        # optional, default false: true = never translate,
                                        #   the target is the source verbatim in every language
    note = "internet cafe"              # optional: a note for translators

    [term.targets]                      # required unless keep = true: language -> target
    ko = "PC방"
    ja = "PCバン"

    [term.readings]                     # optional: how a Latin/numeric target is read aloud
    ko = "피시방"                         #   (Korean particle choice: G-SYNC -> 지싱크)

Rules (each broken rule is a problem with file, line and a hint; :func:`load_glossary`
raises one :class:`GlossaryError` carrying all of them, :func:`check_glossary` returns them):

- A file with no ``[[term]]`` table is an error (an empty or missing folder is simply an
  empty glossary). Only the keys above are allowed, each with its type.
- Language codes must be known to Babel (:func:`l10n.lang.validate_language`); they are stored
  in gettext form (``pt-BR`` -> ``pt_BR``). A reading needs a target (or ``keep``).
- Sources, variants, targets and readings are non-empty strings without spaces at either
  end; a source or variant needs at least one letter or digit.
- Duplicate sources (in one file or across files) merge when they agree: targets, variants
  and readings are combined, ``keep`` and ``case_sensitive = false`` of either apply
  (else ``true`` of either),
  distinct notes are joined. Different targets (or readings) for one language conflict.
  For a keep term a target equal to the source is redundant and dropped.
- A source or variant may not match what another term's source or variant matches
  (compared as :mod:`l10n.glossary.match` compares, casefolded when either term is
  case-insensitive): the same text would belong to two terms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from l10n.errors import GlossaryError, L10nError, LanguageError
from l10n.fsutil import display_path
from l10n.glossary.match import TOKEN, Glossary, form_key, matches_as_written, no_collection
from l10n.lang import validate_language
from l10n.model import Term
from l10n.tomlfile import KeyLines, TOMLDecodeError, load_toml, parse_toml

KEYS: Mapping[str, tuple[type, str]] = MappingProxyType({
    "source": (str, "a string"),
    "variants": (list, "a list of strings"),
    "case_sensitive": (bool, "true or false"),
    "keep": (bool, "true or false"),
    "note": (str, "a string"),
    "targets": (dict, "a table [term.targets] of language = target"),
    "readings": (dict, "a table [term.readings] of language = reading"),
})

Problem = Callable[[str, "int | None", "str | None"], None]


@dataclass(frozen=True, slots=True)
class Entry:
    """A parsed term and the lines of its keys, for messages about it."""

    term: Term
    lines: Mapping[str, int]

    def line(self, key: str) -> int:
        return self.lines.get(key, self.term.line)


def load_glossary(folder: Path) -> Glossary:
    """Every ``*.toml`` in ``folder`` (or the one file ``folder`` names), validated and
    merged; raise if anything is wrong."""
    with no_collection():
        entries, problems = read_one(folder) if folder.is_file() else read_folder(folder)
        if problems:
            raise glossary_error(problems, folder)
        return Glossary(entry.term for entry in entries)


def check_glossary(folder: Path) -> list[L10nError]:
    """Every problem in the glossary folder (empty list: the glossary is valid)."""
    with no_collection():
        return read_folder(folder)[1]


def glossary_error(problems: list[L10nError], folder: Path) -> GlossaryError:
    """One error carrying every problem; a single problem keeps its own file and line."""
    if len(problems) == 1:
        one = problems[0]
        return GlossaryError(one.message, path=one.path, line=one.line, hint=one.hint,
                             problems=(one,))
    listing = "".join(f"\n  {p.format_message()}" for p in problems)
    return GlossaryError(f"{len(problems)} problems in the glossary:{listing}",
                         path=display_path(folder), problems=tuple(problems),
                         hint="fix them, then run `l10n glossary check`")


def read_folder(
    folder: Path, replace_file: tuple[Path, str] | None = None
) -> tuple[list[Entry], list[L10nError]]:
    """Parse, merge and cross-check all files of ``folder``.

    ``replace_file`` = (path, text) reads ``text`` in place of that file (or in addition,
    when it does not exist yet): how an import is validated before it is written.
    """
    if folder.exists() and not folder.is_dir():
        return [], [GlossaryError("the glossary folder is a file", path=display_path(folder),
                                  hint="point `glossaries` in l10n.toml at a folder")]
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    texts: dict[Path, str | None] = {path.resolve(): None for path in files}
    if replace_file is not None:
        texts[replace_file[0].resolve()] = replace_file[1]
    entries: list[Entry] = []
    problems: list[L10nError] = []
    for path in sorted(texts):
        found, trouble = read_file(path, texts[path])
        entries += found
        problems += trouble
    merged, trouble = merge(entries)
    problems += trouble + collisions(merged)
    problems.sort(key=lambda p: (p.path or "", p.line or 0))
    return merged, problems


def read_one(path: Path) -> tuple[list[Entry], list[L10nError]]:
    """One glossary file on its own, merged and cross-checked like a folder."""
    entries, problems = read_file(path)
    merged, trouble = merge(entries)
    return merged, problems + trouble + collisions(merged)


def read_file(path: Path, text: str | None = None) -> tuple[list[Entry], list[L10nError]]:
    """The entries of one glossary file (``text`` given: parse it instead of reading)."""
    name = display_path(path)
    try:
        if text is None:
            data, text = load_toml(path, GlossaryError)
        else:
            data = parse_toml(text)
    except GlossaryError as exc:
        return [], [GlossaryError(exc.message, path=name, line=exc.line, hint=exc.hint)]
    except TOMLDecodeError as exc:
        return [], [GlossaryError(f"invalid TOML: {exc}", path=name)]
    problems: list[L10nError] = []
    lines = KeyLines(text)  # one pass: every key's line, for the messages

    def problem(message: str, line: int | None, hint: str | None = None) -> None:
        problems.append(GlossaryError(message, path=name, line=line or 1, hint=hint))

    for key in data:
        if key != "term":
            problem(f"unknown key '{key}'", lines.line("", key) or lines.line(key),
                    "a glossary file holds only [[term]] tables")
    tables = data.get("term")
    if tables is None:
        if not data:
            problem("empty glossary file: it has no [[term]] table", 1,
                    "add [[term]] tables or delete the file")
        return [], problems
    if not isinstance(tables, list):
        problem("'term' must be an array of tables", lines.line("term"),
                "write each term as [[term]] (double brackets)")
        return [], problems
    entries = [_entry(table, i, lines, name, problem) for i, table in enumerate(tables)]
    return [e for e in entries if e is not None], problems


def _entry(table: dict[str, Any], index: int, where: KeyLines, name: str,
           problem: Problem) -> Entry | None:
    """One [[term]] table -> Entry, reporting every problem in it (None if unusable)."""
    head = where.line("term", None, index) or 1
    lines = where.table("term", index)  # read only if a problem needs a key's line
    ok = True
    for key, value in table.items():
        if key not in KEYS:
            problem(f"unknown key '{key}' in [[term]]", lines[key],
                    f"known keys: {', '.join(KEYS)}")
        elif not isinstance(value, KEYS[key][0]):
            problem(f"'{key}' must be {KEYS[key][1]}", lines[key], None)
            ok = False
    source = table.get("source")
    label = f"term '{source}'" if isinstance(source, str) else f"[[term]] #{index + 1}"
    if source is None:
        problem("[[term]] has no source", head, 'add source = "...": the term as written')
        ok = False
    elif isinstance(source, str):
        ok &= _text_ok(source, f"source of {label}", head, problem)
    variants = table.get("variants", [])
    for variant in variants if isinstance(variants, list) else ():
        if not isinstance(variant, str):
            problem(f"variants of {label} must be strings", lines["variants"], None)
            ok = False
        elif _text_problem(variant) is not None:
            ok &= _text_ok(variant, f"variant of {label}", lines["variants"], problem)
    targets, complete = _languages(table, "targets", index, where, label, problem)
    readings, _ = _languages(table, "readings", index, where, label, problem)
    if not ok:
        return None
    return _build(table, targets, readings, label, (head, name, lines, complete), problem)


def _build(table: dict[str, Any], targets: dict[str, str], readings: dict[str, str], label: str,
           where: tuple[int, str, Mapping[str, int], bool], problem: Problem) -> Entry | None:
    """The Term of a well-typed table, after the rules that tie keys together.

    ``where``: header line, file name, key lines, and whether every target was valid
    (if not, the missing-target rule is not applied: that problem is already reported).
    """
    head, name, lines, complete = where
    source: str = table["source"]
    keep: bool = table.get("keep", False)
    ok = True
    if not keep and not targets and complete:
        problem(f"{label} has no target", lines.get("targets", head),
                'add [term.targets] with e.g. ko = "...", or set keep = true')
        ok = False
    for lang in readings:
        if not keep and lang not in targets and complete:
            problem(f"{label} has a reading for '{lang}' but no target", head,
                    f"add a '{lang}' target, or remove the reading")
            ok = False
    if not ok:
        return None
    if keep:
        targets = {lang: t for lang, t in targets.items() if t != source}
    term = Term(source=source, targets=MappingProxyType(targets),
                variants=tuple(v for v in dict.fromkeys(table.get("variants", [])) if v != source),
                keep=keep, case_sensitive=table.get("case_sensitive"),
                note=table.get("note", ""), readings=MappingProxyType(readings),
                file=name, line=head)
    return Entry(term, lines)


def _text_ok(value: str, what: str, line: int, problem: Problem) -> bool:
    trouble = _text_problem(value)
    if trouble is not None:
        problem(f"{what} {trouble[0]}", line, trouble[1])
    return trouble is None


def _text_problem(value: str) -> tuple[str, str] | None:
    """What is wrong with a source, variant, target or reading, and how to fix it."""
    stripped = value.strip()
    if not stripped:
        return "is empty", "write the text, or remove the entry"
    if value != stripped:
        return f"'{value}' has spaces at either end", "remove them"
    if not TOKEN.search(value):  # what form_key() finds None for
        return f"'{value}' has no letter or digit", "it could never match"
    return None


def _languages(table: dict[str, Any], key: str, index: int, where: KeyLines, label: str,
               problem: Problem) -> tuple[dict[str, str], bool]:
    """``targets`` or ``readings``: the valid ones (codes in gettext form), and whether
    all were valid. A wrong type was already reported by the caller."""
    values = table.get(key, {})
    if not isinstance(values, dict):
        return {}, False
    result: dict[str, str] = {}
    ok = True
    for lang, value in values.items():
        try:
            code = validate_language(lang)
        except LanguageError:
            code = None
        if code is not None and isinstance(value, str) and _text_problem(value) is None:
            result[code] = value
            continue
        ok = False
        line = where.sub_line("term", index, key, lang) or 1  # looked up for problems only
        if code is None:
            problem(f"unknown language code '{lang}' in {key} of {label}", line,
                    "use a code Babel knows, e.g. ko, ja, zh, es, pt_BR")
        elif not isinstance(value, str):
            problem(f"{key}.{lang} of {label} must be a string", line, f'e.g. {lang} = "..."')
        else:
            _text_ok(value, f"{key}.{lang} of {label}", line, problem)
    return result, ok


def merge(entries: Iterable[Entry]) -> tuple[list[Entry], list[L10nError]]:
    """Merge entries with the same source; report the ones that conflict."""
    out: list[Entry] = []
    where: dict[str, int] = {}
    problems: list[L10nError] = []
    for entry in entries:
        k = where.get(entry.term.source)
        if k is None:
            where[entry.term.source] = len(out)
            out.append(entry)
            continue
        first = out[k]
        conflict = _conflict(first.term, entry.term)
        if conflict:
            problems.append(GlossaryError(
                f"term '{entry.term.source}' is also defined at {first.term.file}:"
                f"{first.term.line} with {conflict}", path=entry.term.file, line=entry.term.line,
                hint="give one target per language: change or delete one of the two"))
        else:
            out[k] = Entry(combine(first.term, entry.term), first.lines)
    return out, problems


def _conflict(a: Term, b: Term) -> str:
    for lang in sorted({*a.targets, *b.targets}):
        ta, tb = a.target(lang), b.target(lang)
        if ta is not None and tb is not None and ta != tb:
            return f"a different {lang} target: '{ta}' there, '{tb}' here"
    for lang in sorted(set(a.readings) & set(b.readings)):
        if a.readings[lang] != b.readings[lang]:
            return f"a different {lang} reading: '{a.readings[lang]}' there, " \
                   f"'{b.readings[lang]}' here"
    return ""


def combine(a: Term, b: Term) -> Term:
    """Two agreeing definitions of one source as one term (``a``'s place wins)."""
    keep = a.keep or b.keep
    targets = {**b.targets, **a.targets}
    if keep:
        targets = {lang: t for lang, t in targets.items() if t != a.source}
    notes = [n for n in dict.fromkeys((a.note, b.note)) if n]
    return replace(
        a, keep=keep, case_sensitive=_case(a.case_sensitive, b.case_sensitive),
        targets=MappingProxyType(targets), readings=MappingProxyType({**b.readings, **a.readings}),
        variants=tuple(dict.fromkeys((*a.variants, *b.variants))), note="; ".join(notes))


def _case(a: bool | None, b: bool | None) -> bool | None:
    """Two definitions' case rules as one: false wins, then true, else the default."""
    if False in (a, b):
        return False
    return True if True in (a, b) else None


def collisions(entries: Iterable[Entry]) -> list[L10nError]:
    """Sources/variants of different terms that would match the same text."""
    seen: dict[str, list[tuple[Term, str, str]]] = {}
    problems: list[L10nError] = []
    for entry in entries:
        term = entry.term
        for kind, form in [("source", term.source)] + [("variant", v) for v in term.variants]:
            key = form_key(form) or form
            for other, other_form, other_key in seen.get(key.casefold(), []):
                if other is not term and (key == other_key or not matches_as_written(term)
                                          or not matches_as_written(other)):
                    problems.append(GlossaryError(
                        f"{kind} '{form}' of term '{term.source}' collides with '{other_form}' "
                        f"of term '{other.source}' ({other.file}:{other.line})",
                        path=term.file, line=entry.line("variants" if kind == "variant"
                                                        else "source"),
                        hint="a text can belong to one term only: remove one of them, "
                             "or merge the two terms"))
                    break
            seen.setdefault(key.casefold(), []).append((term, form, key))
    return problems
