"""Glossary-enforced machine translation: protect -> n-best -> verify -> fallback -> restore.

For a batch of segments (one source and one target language):

1. Protect: each segment's glossary terms (those with a form in the target language) and
   its markup are masked as tokens (:mod:`l10n.protect`).
2. Translate ALL masked segments in ONE ``engine.translate_batch`` call with ``n_best``
   (batching across segments is what makes engines fast).
3. Per segment, take the first hypothesis in which every token occurs exactly once and
   nothing token-like is left over; restore the tokens (terms in their target form, ``keep``
   terms verbatim, markup as it was) -> ``protected`` (first hypothesis) or
   ``protected-nbest`` (a later one). For Korean, repair the particle after each term.
4. Failing that, translate the failed segments UNPROTECTED, all in one more batch call,
   and accept the first hypothesis that contains every target term form and every
   protected markup span verbatim -> ``unprotected``.
5. Failing that, keep the better of the protected output (tokens restored where possible,
   garbled ones included) and the unprotected best, judged by terms present, then markup
   intact, then fewest leftover tokens -> ``best-effort``, with the missing terms marked
   and the reason said in ``fuzzy_reason``.

An engine that gives no hypotheses for a segment (``none``) yields text ``""`` and every
term with status ``hint``: the caller shows the glossary's targets to the translator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from l10n.errors import EngineError
from l10n.korean import repair_particles, term_spans
from l10n.model import Hypothesis, TermMatch
from l10n.protect import TERM, Masked, Slot, mask, missing_tokens, restore_spans, tokens_ok

if TYPE_CHECKING:
    from l10n.engines import Engine

APPLIED = "applied"
MISSING = "missing"
HINT = "hint"

PROTECTED = "protected"
PROTECTED_NBEST = "protected-nbest"
UNPROTECTED = "unprotected"
BEST_EFFORT = "best-effort"
NO_TRANSLATION = "none"


@dataclass(frozen=True, slots=True)
class TermOutcome:
    """What became of one glossary term in one segment: applied, missing or hint."""

    source: str
    target: str
    status: str


@dataclass(frozen=True, slots=True)
class Enforced:
    """The translation chosen for one segment, how it was reached, and its terms."""

    text: str  # "" when the engine gave nothing
    score: float | None
    terms: tuple[TermOutcome, ...]
    fallback: str  # protected, protected-nbest, unprotected, best-effort, none
    fuzzy_reason: str = ""  # why a reviewer should look closer ("" when nothing went wrong)

    @property
    def missing(self) -> tuple[TermOutcome, ...]:
        return tuple(t for t in self.terms if t.status == MISSING)


def is_korean(lang: str) -> bool:
    return re.split(r"[_-]", lang)[0].lower() == "ko"


def enforceable(matches: Sequence[TermMatch], target: str) -> list[TermMatch]:
    """The matches whose term has a form in ``target`` (the others are left to the engine)."""
    return [m for m in matches if m.term.target(target)]


def _distinct(matches: Sequence[TermMatch], target: str) -> list[tuple[str, str, bool, set[str]]]:
    """Per distinct term, in order of first match: (source, target form, case sensitive,
    every form that counts as applied). A ``keep`` term without a target may appear as
    the source wrote it (a variant such as "GPUs") or in its canonical form."""
    seen: dict[tuple[str, str], tuple[bool, set[str]]] = {}
    for m in enforceable(matches, target):
        form = m.term.target(target) or ""
        case, accepted = seen.setdefault((m.term.source, form), (m.term.case_sensitive, {form}))
        if m.term.keep and m.term.form(target, m.text) != form:
            accepted.add(m.text)
    return [(src, form, case, accepted) for (src, form), (case, accepted) in seen.items()]


def _occurs(form: str, text: str, case_sensitive: bool) -> list[tuple[int, int]]:
    left = r"(?<![A-Za-z0-9])" if form[:1].isascii() and form[:1].isalnum() else ""
    right = r"(?![A-Za-z0-9])" if form[-1:].isascii() and form[-1:].isalnum() else ""
    flags = 0 if case_sensitive else re.IGNORECASE
    return [h.span() for h in re.finditer(left + re.escape(form) + right, text, flags)]


def verify_terms(text: str, matches: Sequence[TermMatch], target: str) -> list[TermOutcome]:
    """``applied`` or ``missing`` per distinct term of ``matches`` that has a ``target`` form.

    A term is applied when its target form occurs in ``text`` (case-insensitively for
    case-insensitive terms; whole words where the form starts or ends with a Latin letter or
    digit); a ``keep`` term also when it occurs as the source wrote it. Longer forms claim
    their occurrences first, so 네이버클라우드 does not also count as 네이버; terms with the
    same target form (Korea, South Korea: 한국) share it.
    """
    terms = _distinct(matches, target)
    forms = {(form, case) for _, _, case, accepted in terms for form in accepted}
    claimed: list[tuple[int, int]] = []
    present: set[str] = set()  # forms found; terms sharing a form (Korea, South Korea) share it
    for form, case in sorted(forms, key=lambda f: (-len(f[0]), f)):
        for start, end in _occurs(form, text, case):
            if all(end <= s or start >= e for s, e in claimed):
                claimed.append((start, end))
                present.add(form)
    return [
        TermOutcome(src, form, APPLIED if accepted & present else MISSING)
        for src, form, _, accepted in terms
    ]


def _replacement(target: str) -> Callable[[Slot], str]:
    def replace(slot: Slot) -> str:
        if slot.kind == TERM and slot.term is not None:
            return slot.term.form(target, slot.original) or slot.original
        return slot.original

    return replace


def _restore(output: str, masked: Masked, target: str, *, lenient: bool = False) -> str:
    """Tokens replaced by target forms / markup; for Korean, particles after terms repaired."""
    text, placed = restore_spans(output, masked, _replacement(target), lenient=lenient)
    if is_korean(target):
        spans = [
            (p.start, p.end, p.slot.term.reading(target))
            for p in placed
            if p.slot.kind == TERM and p.slot.term is not None
        ]
        text = repair_particles(text, spans)
    return text


def _repair_plain(text: str, matches: Sequence[TermMatch], target: str) -> str:
    """Particles after target forms the engine wrote itself: only sure mistakes are fixed."""
    if not is_korean(target):
        return text
    forms = [(m.term.target(target) or "", m.term.reading(target)) for m in matches]
    return repair_particles(text, term_spans(text, forms), double_unknown=False)


def _call(
    engine: Engine,
    texts: Sequence[str],
    source: str,
    target: str,
    n_best: int,
    progress: Callable[[int], None] | None,
) -> list[list[Hypothesis]]:
    if not texts:
        return []
    result = engine.translate_batch(texts, source, target, n_best=n_best, progress=progress)
    if len(result) != len(texts):
        raise EngineError(
            f"the engine returned {len(result)} results for {len(texts)} texts"
            f" ({source} -> {target})",
            hint="this is a bug in the engine: it must return one list per text",
        )
    return result


def _protected(
    hyps: Sequence[Hypothesis], masked: Masked, matches: Sequence[TermMatch], target: str
) -> Enforced | None:
    """Step 3 (or the ``none`` result); None when no hypothesis kept every token."""
    if not hyps:
        hints = tuple(TermOutcome(s, f, HINT) for s, f, _, _ in _distinct(matches, target))
        return Enforced("", None, hints, NO_TRANSLATION, "no machine translation")
    for rank, hyp in enumerate(hyps):
        if tokens_ok(hyp.text, masked):
            text = _restore(hyp.text, masked, target)
            terms = tuple(verify_terms(text, matches, target))
            return Enforced(text, hyp.score, terms, PROTECTED if rank == 0 else PROTECTED_NBEST)
    return None


def _markup_lost(text: str, masked: Masked) -> list[str]:
    return [s.original for s in masked.slots if s.kind != TERM and s.original not in text]


def _unprotected(
    hyps: Sequence[Hypothesis], masked: Masked, matches: Sequence[TermMatch], target: str
) -> Enforced | None:
    """Step 4: the first plain hypothesis with every term form and all markup verbatim."""
    for hyp in hyps:
        terms = verify_terms(hyp.text, matches, target)
        if all(t.status == APPLIED for t in terms) and not _markup_lost(hyp.text, masked):
            text = _repair_plain(hyp.text, matches, target)
            return Enforced(text, hyp.score, tuple(terms), UNPROTECTED)
    return None


def _label(slot: Slot) -> str:
    return slot.term.source if slot.term is not None else slot.original


def _best_effort(
    protected: Sequence[Hypothesis],
    plain: Sequence[Hypothesis],
    masked: Masked,
    matches: Sequence[TermMatch],
    target: str,
) -> Enforced:
    """Step 5: the better of the two best outputs, with what went wrong said plainly."""
    candidates: list[tuple[str, Hypothesis, str]] = []
    if protected:
        restored = _restore(protected[0].text, masked, target, lenient=True)
        candidates.append((restored, protected[0], "protected"))
    if plain:
        candidates.append((_repair_plain(plain[0].text, matches, target), plain[0], "unprotected"))

    def quality(candidate: tuple[str, Hypothesis, str]) -> tuple[int, int, int]:
        text = candidate[0]
        applied = sum(t.status == APPLIED for t in verify_terms(text, matches, target))
        leftovers = len(masked.lenient.findall(text))
        return applied, -len(_markup_lost(text, masked)), -leftovers

    text, hyp, origin = max(candidates, key=quality)  # max keeps the first of equals
    terms = tuple(verify_terms(text, matches, target))
    lost_slots = missing_tokens(protected[0].text, masked) if protected else masked.slots
    damaged = sorted({_label(s) for s in lost_slots})
    reasons = [
        f"no hypothesis kept every protected span intact ({', '.join(damaged) or 'stray tokens'})",
        f"kept the best {origin} output",
    ]
    if missing := [f"{t.source} -> {t.target}" for t in terms if t.status == MISSING]:
        reasons.append("missing terms: " + ", ".join(missing))
    if lost := _markup_lost(text, masked):
        reasons.append("markup lost: " + " ".join(lost))
    return Enforced(text, hyp.score, terms, BEST_EFFORT, "; ".join(reasons))


def translate_segments(
    engine: Engine,
    segments: Sequence[str],
    matches: Sequence[Sequence[TermMatch]],
    source: str,
    target: str,
    *,
    n_best: int = 4,
    progress: Callable[[int], None] | None = None,
) -> list[Enforced]:
    """Translate ``segments`` under the glossary, one :class:`Enforced` per segment.

    ``matches[i]`` are the glossary matches of ``segments[i]`` (source-language offsets).
    The engine is called once for the segments with protected spans, asking for ``n_best``
    hypotheses (an alternative can stand in when a token is lost), once for the others at
    1-best (nothing to verify, and a smaller beam is much faster), and once more for the
    segments whose tokens survived in no hypothesis; ``progress`` follows the first two.
    """
    if len(matches) != len(segments):
        raise ValueError(f"{len(matches)} match lists for {len(segments)} segments")
    if n_best < 1:
        raise ValueError("n_best must be at least 1")
    used = [enforceable(m, target) for m in matches]
    masked = [mask(text, m) for text, m in zip(segments, used, strict=True)]
    first: list[list[Hypothesis]] = [[] for _ in segments]
    guarded = [i for i, m in enumerate(masked) if m.slots]
    unguarded = [i for i, m in enumerate(masked) if not m.slots]
    for group, k in ((guarded, n_best), (unguarded, 1)):
        texts = [masked[i].text for i in group]
        for i, hypotheses in zip(
            group, _call(engine, texts, source, target, k, progress), strict=True
        ):
            first[i] = hypotheses
    results = [_protected(h, m, u, target) for h, m, u in zip(first, masked, used, strict=True)]
    failed = [i for i, r in enumerate(results) if r is None]
    second = _call(engine, [segments[i] for i in failed], source, target, n_best, None)
    for i, plain in zip(failed, second, strict=True):
        results[i] = _unprotected(plain, masked[i], used[i], target) or _best_effort(
            first[i], plain, masked[i], used[i], target
        )
    return [r for r in results if r is not None]
