"""Quality checks on catalog entries: plain functions, one registry.

Each check is ``check_x(entry, ctx) -> list[Finding]`` and is listed in :data:`CHECKS`;
adding a check is adding one function and one line there. :func:`run_checks` applies
them. An untranslated entry gets the ``untranslated`` warning and nothing else; the other
checks look at translated entries only. What each check reports:

============  ========  ===========================================================
check         severity  rule
============  ========  ===========================================================
untranslated  warning   the entry has no translation yet
pseudo        error     the translation is the ``pseudo`` engine's output, untouched
                        (fuzzy, or accepted by mistake): it is never a translation
identical     warning   the translation equals the source although the source has
                        words to translate (markup and glossary terms do not count;
                        nor do names, name lists, literal help text: see
                        :mod:`l10n.qa.identical`)
glossary      error     a glossary term of the source whose target form is not in the
                        translation, or a ``keep`` term not written as it is
                        (:func:`l10n.glossary.verify.verify_terms`, as translation does)
numbers       error     a number, amount, percentage, duration or date of the source
                        missing from the translation or changed (:mod:`l10n.lang.numbers`);
                        numbers inside markup are left to the markup check; a warning
                        where the translation plausibly says it another way (460억 for
                        $46 billion, 지난달 19일 for June 19). Untouched pseudo output is
                        read back into the source language first
markup        error     inline code, link targets, URLs, e-mail addresses, HTML tags and
                        placeholders (``{x}``, ``%s``, ``%(x)s``) of the source missing or
                        changed, or new ones in the translation (:mod:`l10n.text.protect`'s
                        patterns)
particles     error     Korean: the particle after a glossary term disagrees with how the
                        term ends (블랙웰는 -> 블랙웰은), :func:`l10n.lang.ko.particle_problems`
brackets      warning   ``()``, ``[]``, ``{}`` (and full-width forms) unbalanced, or an odd
                        number of double quotes (" “ ” „ « » 「 」 『 』), where the
                        source is balanced; single quotes are apostrophes too, not counted
spaces        warning   two spaces in a row that the source does not have
whitespace    warning   leading or trailing whitespace different from the source
length        warning   translation length / source length (characters) outside
                        0.4x-2.5x of the language's norm (:data:`LENGTH_NORMS`), for
                        sources of 20 characters or more
============  ========  ===========================================================

Per-entry flags (:mod:`l10n.qa.entries`) turn checks off where a difference is deliberate, as
Weblate spells them:
``#, ignore-<check>`` with this table's names (``ignore-numbers``, ``ignore-markup``) or
Weblate's for the same checks (``ignore-same``, ``ignore-double-space``,
``ignore-begin-space``, ``ignore-end-space``, ``ignore-xml-tags``, ``ignore-url``,
``ignore-placeholders``), and ``ignore-all-checks``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING

from l10n.catalog import Entry
from l10n.glossary.verify import verify_terms
from l10n.lang import base_language
from l10n.lang.ko import particle_problems, term_spans
from l10n.lang.number_context import zero_sample
from l10n.lang.numbers import NumberProblem, compare_numbers
from l10n.model import MISSING, Finding, Severity
from l10n.qa.accelerators import check_accelerators, plain
from l10n.qa.entries import PLURAL_FORM, ignored_checks, is_credits, plural_forms, pseudo_text
from l10n.qa.formats import blank_directives, format_problems
from l10n.qa.identical import ALIASES, check_identical
from l10n.qa.markup import blank_markup, check_markup
from l10n.qa.spacing import check_spaces, check_whitespace
from l10n.qa.tags import check_tags
from l10n.qa.tiers import RUN, changed_digits, graded

if TYPE_CHECKING:
    from l10n.glossary import Glossary
    from l10n.model import TermMatch

Check = Callable[[Entry, "CheckContext"], list[Finding]]

# Translation length in characters per source character, English source (typical news
# copy): Hangul syllables, kana and Han characters carry more per character, Spanish,
# German and French run longer.
LENGTH_NORMS = {
    "en": 1.0, "ko": 0.55, "ja": 0.5, "zh": 0.35,
    "es": 1.2, "de": 1.25, "fr": 1.2, "pt": 1.15, "it": 1.15,
}  # fmt: skip
LENGTH_LOW, LENGTH_HIGH = 0.4, 2.5
MIN_LENGTH = 20
SHORT = 50  # a label or a short message: wider bounds (아주 짧은 UI 문구, "Créer ?")

_OPEN = {"(": ")", "[": "]", "{": "}", "（": "）", "【": "】", "〔": "〕", "［": "］", "｛": "｝"}
_CLOSE = {close: open_ for open_, close in _OPEN.items()}
_DOUBLE_QUOTES = set('"“”„«»「」『』')
_QT = re.compile(r"%\d+\b")  # Qt's and xfce's own placeholders (%1, %0): no figures


def _blank(hit: re.Match[str]) -> str:
    return " " * len(hit.group())


_MNEMONIC_IN_FIGURE = re.compile(r"(\d)_(\d+)")  # "Rotate 180°" -> "Otočiť o 1_80°"


def _figures(text: str, flags: tuple[str, ...], source: str | None = None) -> str:
    """``text`` as the numbers check reads it: no placeholders, markup or mnemonics. In a
    translation, ``%1`` is Qt's placeholder where the source has it, else Turkish "%50"."""
    text = _QT.sub(lambda m: _blank(m) if source is None or m.group() in source
                   else m.group(), blank_markup(blank_directives(text, flags)))
    return _MNEMONIC_IN_FIGURE.sub(lambda m: f"{m[1]}{m[2]} ", text)


_KEYWORDS = re.compile(r"[^;\n]+(?:;[^;\n]+){2,};?")  # a .desktop file's Keywords



@dataclass(frozen=True)
class CheckContext:
    """What checks need besides the entry: languages, glossary, and where the entry is."""

    source: str
    target: str
    glossary: Glossary | None = None
    path: str = ""
    accelerators: bool = True  # False: the catalog marks none (l10n.qa.catalog)
    grade: bool = False  # findings in their tiers (l10n.qa.tiers): catalogs from anywhere

    def finding(self, check: str, severity: Severity, entry: Entry, message: str, *,
                span: tuple[int, int] | None = None,
                source_span: tuple[int, int] | None = None) -> Finding:
        """A finding on ``entry``; ``span``/``source_span``: where in msgstr/msgid."""
        return Finding(check, severity, message, self.path, entry.line, entry.msgid, self.target,
                       span, source_span)

    def matches(self, entry: Entry) -> list[TermMatch]:
        """The glossary terms of the entry's source that have a form in the target language."""
        if self.glossary is None:
            return []
        return self.glossary.find(entry.msgid, self.target)


def translated(check: Check) -> Check:
    """Run ``check`` only on entries that have a translation."""

    @wraps(check)
    def run(entry: Entry, ctx: CheckContext) -> list[Finding]:
        return check(entry, ctx) if entry.msgstr else []

    return run


# ------------------------------------------------------------------------------ checks
def check_untranslated(entry: Entry, ctx: CheckContext) -> list[Finding]:
    if entry.msgstr or entry.obsolete:
        return []
    return [ctx.finding("untranslated", Severity.WARNING, entry, "not translated yet")]


@translated
def check_pseudo(entry: Entry, ctx: CheckContext) -> list[Finding]:
    if not entry.is_pseudo:
        return []
    state = "accepted as reviewed" if entry.reviewed else "machine output"
    return [ctx.finding("pseudo", Severity.ERROR, entry,
                        f"pseudo-localized text ({state}) is no translation: translate it "
                        "(a reviewed-only build shows the source instead)")]


@translated
def check_glossary(entry: Entry, ctx: CheckContext) -> list[Finding]:
    matches = ctx.matches(entry)
    keep = {m.term.source for m in matches if m.term.keep}
    findings = []
    for outcome in verify_terms(entry.msgstr, matches, ctx.target):
        if outcome.status != MISSING:
            continue
        if outcome.source in keep:
            message = f"keep the term '{outcome.source}' as it is written: '{outcome.target}'"
        else:
            message = f"'{outcome.source}' must be translated as '{outcome.target}' (glossary)"
        where = next(((m.start, m.end) for m in matches if m.term.source == outcome.source), None)
        findings.append(ctx.finding("glossary", Severity.ERROR, entry, message, source_span=where))
    return findings


@translated
def check_numbers(entry: Entry, ctx: CheckContext) -> list[Finding]:
    if entry.msgstr == entry.msgid:
        return []  # kept as it is ("3 years in hours", an example to type): same figures
    pseudo = pseudo_text(entry)
    target, lang = (entry.msgstr, ctx.target) if pseudo is None else (pseudo, ctx.source)
    problems = compare_numbers(_figures(entry.msgid, entry.flags), ctx.source,
                               _figures(target, entry.flags, entry.msgid), lang)
    if pseudo is not None:  # glossary targets inside pseudo text: only lost figures matter
        problems = [p for p in problems if p.severity == "error"]
    found = [ctx.finding("numbers", Severity(p.severity), entry, p.message,
                         span=p.found[0].span if p.found and pseudo is None else None,
                         source_span=p.source.span) for p in problems]
    if not ctx.grade:
        return found
    return [graded(f, p.severity == "error" and _slip(p, entry.msgid, target))
            for f, p in zip(found, problems, strict=True)]


def _slip(p: NumberProblem, source: str, target: str) -> bool:
    """The translation writes the source's figure with a few digits changed: as it is
    written (``5`` -> ``6``, ``sha1`` -> ``sha2``, the run ``1,00`` the figure is part of ->
    ``1,10``) or as read (10:00 a.m. -> 오전 11시)."""
    if zero_sample(source):
        return True  # a zero sample's only problems are its zeros with a digit changed
    text = p.source.text if re.search(r"\d", p.source.text) else f"{p.source.value:f}"
    start, end = p.source.span
    runs = [m.group() for m in RUN.finditer(source) if m.start() < end and start < m.end()]
    return any(changed_digits(x, [q.text for q in p.found], target) for x in (text, *runs)) or any(
        q.kind == p.source.kind and changed_digits(p.source.describe(), [q.describe()])
        for q in p.found)


@translated
def check_placeholders(entry: Entry, ctx: CheckContext) -> list[Finding]:
    """printf and format placeholders, as msgfmt compares them (:mod:`l10n.qa.formats`)."""
    plural = PLURAL_FORM in entry.flags
    problems = format_problems(entry.msgid_plural if plural else entry.msgid, entry.msgstr,
                               entry.flags, plural_form=plural)
    if problems and plural and entry.msgid != entry.msgid_plural and not format_problems(
            entry.msgid, entry.msgstr, entry.flags, plural_form=True):
        problems = []  # the first form of several translates msgid (n == 1): "{filename}"
    return [ctx.finding("placeholders", Severity.ERROR, entry, message, span=span)
            for message, span in problems]


@translated
def check_particles(entry: Entry, ctx: CheckContext) -> list[Finding]:
    if base_language(ctx.target) != "ko":
        return []
    words = {
        (form, m.term.reading(ctx.target))
        for m in ctx.matches(entry)
        if (form := m.term.target(ctx.target))
    }
    spans = term_spans(entry.msgstr, sorted(words, key=lambda w: w[0]))
    text = entry.msgstr
    findings = []
    for problem in particle_problems(text, spans):
        start = next((s for s, e, _ in spans if e == problem.start), problem.start)
        word = text[start : problem.start]
        findings.append(
            ctx.finding(
                "particles",
                Severity.ERROR,
                entry,
                f"'{word}{problem.found}': after '{word}' the particle is "
                f"'{problem.expected}' ({word}{problem.expected})",
                span=(start, problem.end),
            )
        )
    return findings


def _brackets_balanced(text: str) -> bool:
    stack: list[str] = []
    for ch in text:
        if ch in _OPEN:
            stack.append(ch)
        elif ch in _CLOSE and (not stack or stack.pop() != _CLOSE[ch]):
            return False
    return not stack


# Hebrew writes the gershayim of an abbreviation (ע"י, צה"ל) with a double quote
_GERSHAYIM = re.compile(r'(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])')


def _quotes_even(text: str) -> bool:
    return sum(ch in _DOUBLE_QUOTES for ch in _GERSHAYIM.sub("", text)) % 2 == 0


@translated
def check_brackets(entry: Entry, ctx: CheckContext) -> list[Finding]:
    findings = []
    if _brackets_balanced(entry.msgid) and not _brackets_balanced(entry.msgstr):
        findings.append(
            ctx.finding(
                "brackets",
                Severity.WARNING,
                entry,
                "brackets are not balanced: a bracket is missing or extra",
            )
        )
    if _quotes_even(entry.msgid) and not _quotes_even(entry.msgstr):
        findings.append(
            ctx.finding(
                "brackets",
                Severity.WARNING,
                entry,
                "quotation marks are not balanced: a quote is missing or extra",
            )
        )
    return findings


def _prose(text: str, flags: tuple[str, ...]) -> str:
    """The words of ``text``: without placeholders and markup, spaces squeezed."""
    return " ".join(blank_markup(blank_directives(text, flags)).split())


def _acronym(source: str, target: str) -> bool:
    """``PDA`` for "Personal digital assistant": the initials of the source's words (or of
    its longer words: "Portable Document Format", "Bank of America" -> "BoA", "BA")."""
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,7}", target) or sum(c.isupper() for c in target) < 2:
        return False
    words = re.findall(r"[^\W\d_]+", source)
    initials = {"".join(w[0] for w in words), "".join(w[0] for w in words if len(w) > 3)}
    return target.upper() in {i.upper() for i in initials} or "".join(
        c for c in target if c.isupper()) in {i.upper() for i in initials}


@translated
def check_length(entry: Entry, ctx: CheckContext) -> list[Finding]:
    source, target = (_prose(t, entry.flags) for t in (entry.msgid, entry.msgstr))
    if len(source) < MIN_LENGTH or _KEYWORDS.fullmatch(source) or ALIASES.fullmatch(source):
        return []  # keyword and name lists grow with the language's own words
    if _acronym(source, target):
        return []  # an abbreviation is a fair translation of the words it stands for
    lang = ctx.source if pseudo_text(entry) is not None else ctx.target
    norm = LENGTH_NORMS.get(base_language(lang), 1.0) / LENGTH_NORMS.get(
        base_language(ctx.source), 1.0
    )
    if norm < 1:  # Latin words kept in a Hangul or Han translation are not compressed
        latin = len(re.findall(r"[A-Za-z0-9]", target))
        ratio = (len(target) - latin + latin * norm) / len(source)
    else:
        ratio = len(target) / len(source)
    low, high = (LENGTH_LOW, LENGTH_HIGH) if len(source) >= SHORT else (0.25, 3.5)
    if low * norm <= ratio <= high * norm:
        return []
    what = "short" if ratio < norm else "long"
    return [
        ctx.finding(
            "length",
            Severity.WARNING,
            entry,
            f"the translation is {len(target)} characters for {len(source)} in the source "
            f"(x{ratio:.2f}, usually about x{norm:.2f}): it looks too {what}; check for "
            f"{'missing' if what == 'short' else 'extra or repeated'} text",
        )
    ]


CHECKS: tuple[tuple[str, Check], ...] = (
    ("untranslated", check_untranslated),
    ("pseudo", check_pseudo),
    ("identical", check_identical),
    ("glossary", check_glossary),
    ("numbers", check_numbers),
    ("placeholders", check_placeholders),
    ("markup", check_markup),
    ("tags", check_tags),
    ("particles", check_particles),
    ("brackets", check_brackets),
    ("spaces", check_spaces),
    ("whitespace", check_whitespace),
    ("length", check_length),
    ("accelerators", check_accelerators),
)


def run_checks(
    entry: Entry, ctx: CheckContext, checks: tuple[tuple[str, Check], ...] = CHECKS
) -> list[Finding]:
    """Every finding of ``checks`` on ``entry`` (none for an obsolete entry), in check order,
    except those of the checks its ``ignore-*`` flags turn off."""
    ignored = ignored_checks(entry)
    if entry.obsolete or "*" in ignored or is_credits(entry):
        return []
    found = [
        finding
        for form in plural_forms(entry)
        for name, check in checks
        if name not in ignored
        for finding in check(form if name == "accelerators" else plain(form), ctx)
    ]
    return [graded(f) for f in found] if ctx.grade else found
