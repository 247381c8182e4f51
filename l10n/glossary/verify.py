"""Verify glossary terms in a translation: which of a segment's terms it applied.

Used by glossary-enforced translation (:mod:`l10n.engines.enforce`), which picks the
hypothesis that applies every term, and by the ``glossary`` check (:mod:`l10n.qa`),
which reports the terms a translation misses: one rule for both, and the same matching
as the source side (:func:`l10n.glossary.match.find_form`: whole tokens, the case rule,
plurals).
"""

from __future__ import annotations

from collections.abc import Sequence

from l10n.glossary.match import find_form
from l10n.model import APPLIED, HINT, MISSING, TermMatch, TermOutcome


def enforceable(matches: Sequence[TermMatch], target: str) -> list[TermMatch]:
    """The matches whose term has a form in ``target`` (the others are left to the engine)."""
    return [m for m in matches if m.term.target(target)]


def distinct_terms(
    matches: Sequence[TermMatch], target: str
) -> list[tuple[str, str, bool | None, set[str]]]:
    """Per distinct term, in order of first match: (source, target form, case sensitive,
    every form that counts as applied). A ``keep`` term without a target may appear as
    the source wrote it (a variant such as "GPUs") or in its canonical form."""
    seen: dict[tuple[str, str], tuple[bool | None, set[str]]] = {}
    for m in enforceable(matches, target):
        form = m.term.target(target) or ""
        case, accepted = seen.setdefault((m.term.source, form), (m.term.case_sensitive, {form}))
        if m.term.keep and m.term.form(target, m.text) != form:
            accepted.add(m.text)
    return [(src, form, case, accepted) for (src, form), (case, accepted) in seen.items()]


def hints(matches: Sequence[TermMatch], target: str) -> tuple[TermOutcome, ...]:
    """Every term with a ``target`` form as a hint: no translation to verify yet."""
    return tuple(TermOutcome(s, f, HINT) for s, f, _, _ in distinct_terms(matches, target))


def occurrences(form: str, text: str, case_sensitive: bool | None) -> list[tuple[int, int]]:
    """Where ``form`` (or its plural) occurs in ``text``: whole words (``AI`` is not in
    ``AIDS``), anywhere in scripts without spaces (``블랙웰`` in ``블랙웰은``)."""
    return find_form(text, form, case_sensitive)


def verify_terms(text: str, matches: Sequence[TermMatch], target: str) -> list[TermOutcome]:
    """``applied`` or ``missing`` per distinct term of ``matches`` that has a ``target`` form.

    A term is applied when its target form occurs in ``text`` (by the term's case rule,
    as whole words, its plural too); a ``keep`` term also when it occurs as the source
    wrote it. Longer forms claim
    their occurrences first, so 네이버클라우드 does not also count as 네이버; terms with the
    same target form (Korea, South Korea: 한국) share it.
    """
    terms = distinct_terms(matches, target)
    forms = {(form, case) for _, _, case, accepted in terms for form in accepted}
    claimed: list[tuple[int, int]] = []
    present: set[str] = set()  # forms found; terms sharing a form (Korea, South Korea) share it
    for form, case in sorted(forms, key=lambda f: (-len(f[0]), f)):
        for start, end in occurrences(form, text, case):
            if all(end <= s or start >= e for s, e in claimed):
                claimed.append((start, end))
                present.add(form)
    return [
        TermOutcome(src, form, APPLIED if accepted & present else MISSING)
        for src, form, _, accepted in terms
    ]


__all__ = ["distinct_terms", "enforceable", "hints", "occurrences", "verify_terms"]
