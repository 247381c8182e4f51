"""Glossary-enforced machine translation: protect -> n-best -> verify -> fallback -> restore.

For a batch of segments (one source and one target language):

1. Protect: each segment's glossary terms (those with a form in the target language) and
   its markup are masked as tokens (:mod:`l10n.text.protect`).
2. Translate ALL masked segments in ONE ``engine.translate_batch`` call with ``n_best``
   (batching across segments is what makes engines fast).
3. Per segment, take the first hypothesis in which every token occurs exactly once and
   nothing token-like is left over; restore the tokens (terms in their target form, ``keep``
   terms verbatim, markup as it was) -> ``protected`` (first hypothesis) or
   ``protected-nbest`` (a later one). For Korean, repair the particle after each term.
4. Failing that, translate the failed segments with each term written IN ITS TARGET FORM
   in the source (markup still masked): engines mangle tokens they do not know, but copy
   a foreign word as it is; accept the first hypothesis that kept every markup token and
   every term's target form -> ``inline``.
5. Failing that, translate them UNPROTECTED and accept the first hypothesis that contains
   every target term form and every protected markup span verbatim -> ``unprotected``.
6. Failing that, keep the best of the protected, inline and unprotected outputs (tokens
   restored where possible, garbled ones included), judged by terms present, then markup
   intact, then fewest leftover tokens -> ``best-effort``, with the missing terms marked
   and the reason said in ``fuzzy_reason``.

An engine that gives no hypotheses for a segment (``none``) yields text ``""`` and every
term with status ``hint``: the caller shows the glossary's targets to the translator.

Each segment goes through these steps as a small state machine, :class:`Enforcement`:
mask -> ask round 1 -> resolve (step 3), or ask the next round -> resolve (steps 4-6). A
caller may therefore pool the requests of any number of segments, languages and rounds
into whatever batches suit its engine (:mod:`l10n.runners` streams them through local
or distributed engines); :func:`translate_segments` does it for one batch of segments,
with one engine call per round.

The engine's other hypotheses are kept as ``alternatives`` (restored and repaired like the
chosen one, best first, without repeats) for a reviewer to pick from: those that kept
every protected token, then the inline ones of step 4 that kept their markup, then the
unprotected ones of step 5. Segments without protected
spans are decoded at 1-best, so they have none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from l10n.engines.base import run_batch
from l10n.glossary.verify import enforceable, hints, verify_terms
from l10n.lang import base_language
from l10n.lang.ko import repair_particles, term_spans
from l10n.model import APPLIED, MISSING, Hypothesis, TermMatch, TermOutcome
from l10n.text.protect import (
    TERM,
    Masked,
    Slot,
    mask,
    missing_tokens,
    restore_spans,
    tokens_ok,
)

if TYPE_CHECKING:
    from l10n.engines.base import Advance, Engine

PROTECTED = "protected"
PROTECTED_NBEST = "protected-nbest"
INLINE = "inline"
UNPROTECTED = "unprotected"
BEST_EFFORT = "best-effort"
NO_TRANSLATION = "none"


@dataclass(frozen=True, slots=True)
class Enforced:
    """The translation chosen for one segment, how it was reached, and its terms."""

    text: str  # "" when the engine gave nothing
    score: float | None
    terms: tuple[TermOutcome, ...]
    fallback: str  # protected, protected-nbest, inline, unprotected, best-effort, none
    fuzzy_reason: str = ""  # why a reviewer should look closer ("" when nothing went wrong)
    alternatives: tuple[Hypothesis, ...] = ()  # the engine's other hypotheses, best first

    @property
    def missing(self) -> tuple[TermOutcome, ...]:
        return tuple(t for t in self.terms if t.status == MISSING)


def is_korean(lang: str) -> bool:
    return base_language(lang) == "ko"


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


def _protected(
    hyps: Sequence[Hypothesis], masked: Masked, matches: Sequence[TermMatch], target: str
) -> Enforced | None:
    """Step 3 (or the ``none`` result); None when no hypothesis kept every token."""
    if not hyps:
        return Enforced("", None, hints(matches, target), NO_TRANSLATION, "no machine translation")
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


def _inlined(masked: Masked, target: str) -> Masked | None:
    """The segment with every term in its target form and its markup still masked, as the
    markup-only mask to check and restore an answer with (None: no term to write)."""
    if not any(slot.kind == TERM for slot in masked.slots):
        return None
    parts: list[str] = []
    pos = 0
    for slot in masked.slots:
        parts.append(masked.source[pos : slot.start])
        if slot.kind == TERM and slot.term is not None:
            parts.append(slot.term.form(target, slot.original) or slot.original)
        else:
            parts += [" " * slot.pad_before, slot.token, " " * slot.pad_after]
        pos = slot.end
    parts.append(masked.source[pos:])
    markup = tuple(slot for slot in masked.slots if slot.kind != TERM)
    return Masked("".join(parts), masked.source, markup, masked.prefix)


def _inline(
    hyps: Sequence[Hypothesis], inlined: Masked, matches: Sequence[TermMatch], target: str
) -> Enforced | None:
    """Step 4: the first hypothesis that kept every markup token and every term's form."""
    for hyp in hyps:
        if not tokens_ok(hyp.text, inlined):
            continue
        text = _repair_plain(restore_spans(hyp.text, inlined)[0], matches, target)
        terms = verify_terms(text, matches, target)
        if all(t.status == APPLIED for t in terms):
            return Enforced(text, hyp.score, tuple(terms), INLINE)
    return None


def _label(slot: Slot) -> str:
    return slot.term.source if slot.term is not None else slot.original


def _best_effort(
    protected: Sequence[Hypothesis],
    plain: Sequence[Hypothesis],
    masked: Masked,
    matches: Sequence[TermMatch],
    target: str,
    inline: tuple[Sequence[Hypothesis], Masked | None] = ((), None),
) -> Enforced:
    """Step 6: the best of the best outputs, with what went wrong said plainly."""
    candidates: list[tuple[str, Hypothesis, str]] = []
    if protected:
        restored = _restore(protected[0].text, masked, target, lenient=True)
        candidates.append((restored, protected[0], "protected"))
    inline_hyps, inlined = inline
    if inline_hyps and inlined is not None:
        restored = restore_spans(inline_hyps[0].text, inlined, lenient=True)[0]
        candidates.append((_repair_plain(restored, matches, target), inline_hyps[0], "inline"))
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


def _alternatives(
    chosen: Enforced,
    protected: Sequence[Hypothesis],
    plain: Sequence[Hypothesis],
    masked: Masked,
    matches: Sequence[TermMatch],
    target: str,
    inline: tuple[Sequence[Hypothesis], Masked | None] = ((), None),
) -> tuple[Hypothesis, ...]:
    """The hypotheses not chosen, as a reviewer would see them (see the module's rules)."""
    found = [
        Hypothesis(_restore(h.text, masked, target), h.score)
        for h in protected
        if tokens_ok(h.text, masked)
    ]
    inline_hyps, inlined = inline
    if inlined is not None:
        found += [
            Hypothesis(_repair_plain(restore_spans(h.text, inlined)[0], matches, target), h.score)
            for h in inline_hyps
            if tokens_ok(h.text, inlined)
        ]
    found += [Hypothesis(_repair_plain(h.text, matches, target), h.score) for h in plain]
    seen = {chosen.text}
    kept = []
    for hyp in found:
        if hyp.text and hyp.text not in seen:
            seen.add(hyp.text)
            kept.append(hyp)
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class Ask:
    """What a round asks the engine for: one text, with this many hypotheses."""

    text: str
    n_best: int


class Enforcement:
    """One segment's enforcement, a step at a time (see the module docstring).

    :attr:`first` is the round-1 request: the masked text, at ``n_best`` when there are
    protected spans to verify, else at 1-best (nothing to verify, and a smaller beam is
    much faster). :meth:`step` takes the engine's hypotheses for the last request and
    returns the next request (the terms written inline, then the plain text, each at
    ``n_best``), or None once :attr:`result` is set.
    """

    __slots__ = ("answers", "first", "inlined", "masked", "n_best", "result", "segment",
                 "target", "used")

    def __init__(
        self, segment: str, matches: Sequence[TermMatch], target: str, n_best: int = 4
    ) -> None:
        if n_best < 1:
            raise ValueError("n_best must be at least 1")
        self.segment, self.target, self.n_best = segment, target, n_best
        self.used = enforceable(matches, target)
        self.masked = mask(segment, self.used)
        self.inlined = _inlined(self.masked, target)
        self.first = Ask(self.masked.text, n_best if self.masked.slots else 1)
        self.answers: list[list[Hypothesis]] = []  # each round's, in order
        self.result: Enforced | None = None

    @property
    def hypotheses(self) -> list[Hypothesis] | None:
        """Round 1's hypotheses, once answered."""
        return self.answers[0] if self.answers else None

    def step(self, hypotheses: Sequence[Hypothesis]) -> Ask | None:
        """Take the answer to the last request; the next request, or None when done."""
        if self.result is not None:
            raise ValueError("this segment is already resolved")
        masked, used, target = self.masked, self.used, self.target
        self.answers.append(list(hypotheses))
        rounds = ["protected"] + (["inline"] if self.inlined is not None else []) + ["plain"]
        done = rounds[len(self.answers) - 1]
        protected = self.answers[0]
        inline = self.answers[1] if self.inlined is not None and len(self.answers) > 1 else []
        plain: Sequence[Hypothesis] = self.answers[-1] if done == "plain" else []
        if done == "protected":
            chosen = _protected(protected, masked, used, target)
        elif done == "inline" and self.inlined is not None:
            chosen = _inline(inline, self.inlined, used, target)
        else:
            chosen = _unprotected(plain, masked, used, target) or _best_effort(
                protected, plain, masked, used, target, (inline, self.inlined))
        if chosen is None:
            following = rounds[len(self.answers)]
            text = self.inlined.text if following == "inline" and self.inlined else self.segment
            return Ask(text, self.n_best)
        others = _alternatives(chosen, protected, plain, masked, used, target,
                               (inline, self.inlined))
        self.result = replace(chosen, alternatives=others)
        return None


def translate_segments(
    engine: Engine,
    segments: Sequence[str],
    matches: Sequence[Sequence[TermMatch]],
    source: str,
    target: str,
    *,
    n_best: int = 4,
    progress: Advance | None = None,
) -> list[Enforced]:
    """Translate ``segments`` under the glossary, one :class:`Enforced` per segment.

    ``matches[i]`` are the glossary matches of ``segments[i]`` (source-language offsets).
    The engine is called once for the segments with protected spans, asking for ``n_best``
    hypotheses (an alternative can stand in when a token is lost), once for the others at
    1-best, then once per later round for the segments still open (terms inline, then
    plain); ``progress`` follows the first two.
    """
    if len(matches) != len(segments):
        raise ValueError(f"{len(matches)} match lists for {len(segments)} segments")
    if n_best < 1:
        raise ValueError("n_best must be at least 1")
    jobs = [Enforcement(s, m, target, n_best) for s, m in zip(segments, matches, strict=True)]
    guarded = [j for j in jobs if j.masked.slots]
    unguarded = [j for j in jobs if not j.masked.slots]
    following: list[tuple[Enforcement, Ask]] = []
    for group, k in ((guarded, n_best), (unguarded, 1)):
        answers = run_batch(engine, [j.first.text for j in group], source, target, k, progress)
        for job, hypotheses in zip(group, answers, strict=True):
            if (ask := job.step(hypotheses)) is not None:
                following.append((job, ask))
    while following:  # the later rounds, each one engine call for every segment still open
        answers = run_batch(engine, [ask.text for _, ask in following], source, target, n_best)
        asked, following = following, []
        for (job, _), hypotheses in zip(asked, answers, strict=True):
            if (ask := job.step(hypotheses)) is not None:
                following.append((job, ask))
    return [job.result for job in jobs if job.result is not None]
