"""Korean particles (josa) after substituted terms: choose, repair, and check them.

A particle such as 은/는 agrees with how the word before it ENDS when read aloud: a final
consonant (batchim), a vowel, or ㄹ (which takes 로, not 으로). The rules here:

- Hangul syllable: final from ``(ord(ch) - 0xAC00) % 28`` (0 vowel, 8 ㄹ, else consonant).
- A reading (the glossary's Korean reading of a Latin term: G-SYNC 지싱크) decides for a
  word that does not end in Hangul.
- Trailing digits are read as Sino-Korean numbers: the last nonzero digit (1 일, 2 이, ...),
  or the unit after it (10 십, 100 백, 1000 천, 10^4 만, 10^8 억, 10^12 조); after a decimal
  point the last digit alone (3.0 삼점영). ``%`` reads 퍼센트.
- Trailing capitals are read letter by letter (L 엘, R 알: ㄹ; M 엠, N 엔: consonant; the
  other letter names end in a vowel). A lower-case word ending in a, i, o, u or y is read
  with a vowel (Tesla, Sony); any other ending (Reflex, Apple) cannot be known.
- Closing quotes and brackets are skipped, and so is a parenthesis (엔비디아(NVIDIA)는
  agrees with 엔비디아).
- Unknown ending: the double form 은(는), 이(가), 을(를), 과(와), (으)로, (이)나, ...

Where a particle is recognised (the repair rule): the maximal run of Hangul syllables that
starts right after the term, with no space, must be exactly one known particle form (either
form, a known doubled error such as 이가, or a double form like 은(는)) optionally followed by
one of the particles that can follow it (의, 도, 는, 만, 서, 써, 부터, 면). So 블랙웰는 and
블랙웰으로는 are repaired, but 네이버클라우드, LG전자 or 엔비디아이번 are left alone: the
Hangul after the term is a word, not a particle.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

VOWEL = "vowel"
CONSONANT = "consonant"
RIEUL = "rieul"

_DIGITS = {
    "0": CONSONANT, "1": RIEUL, "2": VOWEL, "3": CONSONANT, "4": VOWEL,
    "5": VOWEL, "6": CONSONANT, "7": RIEUL, "8": RIEUL, "9": VOWEL,
}  # fmt: skip
_UNITS = {1: CONSONANT, 2: CONSONANT, 3: CONSONANT}  # 십 백 천
_GROUPS = {1: CONSONANT, 2: CONSONANT, 3: VOWEL, 4: CONSONANT}  # 만 억 조 경
_LETTERS = {"L": RIEUL, "R": RIEUL, "M": CONSONANT, "N": CONSONANT}
_TRAILING_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?$")
_TRAILING_LETTERS = re.compile(r"[A-Za-z]+$")
_OPEN_CLOSE = {")": "(", "]": "[", "）": "（"}
_TAILS = ("", "의", "도", "는", "만", "서", "써", "부터", "면")


@dataclass(frozen=True, slots=True)
class Particle:
    """A particle with its form after a consonant, after a vowel, and its double form."""

    consonant: str
    vowel: str
    double: str
    rieul_takes_vowel_form: bool = False  # (으)로: 서울로, 블랙웰로

    def form(self, final: str | None) -> str:
        """The form that follows a word whose final is ``final`` (None: unknown)."""
        if final is None:
            return self.double
        if final == VOWEL or (final == RIEUL and self.rieul_takes_vowel_form):
            return self.vowel
        return self.consonant


PARTICLES: tuple[Particle, ...] = (
    Particle("은", "는", "은(는)"),
    Particle("이", "가", "이(가)"),
    Particle("을", "를", "을(를)"),
    Particle("과", "와", "과(와)"),
    Particle("으로", "로", "(으)로", rieul_takes_vowel_form=True),
    Particle("이나", "나", "(이)나"),
    Particle("이랑", "랑", "(이)랑"),
    Particle("이라고", "라고", "(이)라고"),
    Particle("이라는", "라는", "(이)라는"),
    Particle("이라", "라", "(이)라"),
    Particle("이란", "란", "(이)란"),
    Particle("이며", "며", "(이)며"),
    Particle("이다", "다", "(이)다"),
)
# Both forms run together: what engines write when they hedge.
_DOUBLED = {"이가": PARTICLES[1], "은는": PARTICLES[0], "을를": PARTICLES[2], "과와": PARTICLES[3]}
_FORMS: tuple[tuple[str, Particle], ...] = tuple(
    sorted(
        [(p.consonant, p) for p in PARTICLES]
        + [(p.vowel, p) for p in PARTICLES]
        + list(_DOUBLED.items()),
        key=lambda item: -len(item[0]),
    )
)


class ParticleProblem(NamedTuple):
    """A particle at ``text[start:end]`` that should read ``expected``."""

    start: int
    end: int
    found: str
    expected: str


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _stem(word: str) -> str:
    """``word`` without closing quotes/brackets and without a final parenthesis."""
    word = word.rstrip()
    while word and not (word[-1].isalnum() or word[-1] == "%"):
        opener = _OPEN_CLOSE.get(word[-1])
        if opener and opener in word:
            head = word[: word.rindex(opener)].rstrip()
            word = head or word[1:-1]  # all in brackets: read what is inside
        else:
            word = word[:-1]
    return word


def _number_final(number: str) -> str | None:
    if "." in number:
        return _DIGITS[number[-1]]
    digits = number.replace(",", "")
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if not stripped:
        return _DIGITS["0"]
    if zeros == 0:
        return _DIGITS[stripped[-1]]
    if zeros < 4:
        return _UNITS[zeros]
    return _GROUPS.get(zeros // 4)


def final_type(word: str, reading: str | None = None) -> str | None:
    """``vowel``, ``consonant`` or ``rieul`` for how ``word`` ends when read; None if unknown."""
    stem = _stem(word)
    if not stem:
        return final_type(reading) if reading else None
    last = stem[-1]
    if is_hangul(last):
        rest = (ord(last) - 0xAC00) % 28
        return VOWEL if rest == 0 else RIEUL if rest == 8 else CONSONANT
    if reading:
        return final_type(reading)
    if last == "%":
        return VOWEL  # 퍼센트
    if number := _TRAILING_NUMBER.search(stem):
        return _number_final(number.group())
    if letters := _TRAILING_LETTERS.search(stem):
        run = letters.group()
        if run.isupper():
            return _LETTERS.get(run[-1], VOWEL)
        return VOWEL if run[-1].lower() in "aiouy" else None
    return None


def has_final_consonant(word: str, reading: str | None = None) -> bool | None:
    """True if ``word`` ends in a final consonant (ㄹ included) when read; None if unknown."""
    final = final_type(word, reading)
    return None if final is None else final != VOWEL


_SIMPLE = re.compile(r"(?:은|는|이|가|을|를|의|에|에서|에게|께|와|과|도|만|로|으로|부터|까지|보다"
                     r"|처럼|이나|나|이라|라|이란|란|(?:\(이\)|\(으\))[가-힣]+)(?![가-힣])")


def starts_with_particle(text: str) -> bool:
    """``text`` starts with a particle (은(는), 을(를), 의, 에서 ...): the word it attaches
    to comes before, so no space may separate them (``" is not"`` -> ``"은(는) …"``)."""
    return any(text.startswith(p.double) for p in PARTICLES) or bool(_SIMPLE.match(text))


def find_particle(particle: str) -> Particle | None:
    """The particle that ``particle`` is a form of (any form, doubled or double), or None."""
    for p in PARTICLES:
        if particle in (p.consonant, p.vowel, p.double):
            return p
    return _DOUBLED.get(particle)


def attach_particle(word: str, particle: str, reading: str | None = None) -> str:
    """``word`` followed by the right form of ``particle`` (given in any of its forms).

    A particle that does not alternate (의, 에서, 도) is attached as given.
    """
    p = find_particle(particle)
    return word + (p.form(final_type(word, reading)) if p else particle)


def _particle_at(text: str, pos: int, limit: int) -> tuple[int, Particle] | None:
    """(end of the particle, particle) right at ``text[pos]``, per the module's rule."""
    window = text[:limit]
    run_end = pos
    while run_end < len(window) and is_hangul(window[run_end]):
        run_end += 1
    for p in PARTICLES:
        if window.startswith(p.double, pos):
            end = pos + len(p.double)
            tail_end = end
            while tail_end < len(window) and is_hangul(window[tail_end]):
                tail_end += 1
            if window[end:tail_end] in _TAILS:
                return end, p
    run = window[pos:run_end]
    for form, p in _FORMS:
        if run.startswith(form) and run[len(form) :] in _TAILS:
            return pos + len(form), p
    return None


def _problems(
    text: str, spans: Sequence[tuple[int, int, str | None]], *, judge_unknown: bool
) -> list[ParticleProblem]:
    ordered = sorted(spans)
    found: list[ParticleProblem] = []
    for i, (start, end, reading) in enumerate(ordered):
        limit = ordered[i + 1][0] if i + 1 < len(ordered) else len(text)
        hit = _particle_at(text, end, max(limit, end))
        if hit is None:
            continue
        final = final_type(text[start:end], reading)
        if final is None and not judge_unknown:
            continue
        expected = hit[1].form(final)
        if text[end : hit[0]] != expected:
            found.append(ParticleProblem(end, hit[0], text[end : hit[0]], expected))
    return found


def particle_problems(
    text: str, spans: Sequence[tuple[int, int, str | None]]
) -> list[ParticleProblem]:
    """Particles after the terms at ``spans`` (start, end, reading) that disagree with them.

    Only words whose ending is known are judged (a translator who wrote Reflex는 may know
    better); a double form after a word with a known ending is reported too (블랙웰은(는)
    should be 블랙웰은).
    """
    return _problems(text, spans, judge_unknown=False)


def repair_particles(
    text: str, spans: Sequence[tuple[int, int, str | None]], *, double_unknown: bool = True
) -> str:
    """``text`` with the particle after each span (start, end, reading) made to agree.

    After a word whose ending is unknown the double form is written (은(는)), unless
    ``double_unknown`` is False. Spans are offsets in ``text``; they must not overlap.
    """
    problems = _problems(text, spans, judge_unknown=double_unknown)
    for problem in sorted(problems, reverse=True):
        text = text[: problem.start] + problem.expected + text[problem.end :]
    return text


def term_spans(
    text: str, words: Sequence[tuple[str, str | None]]
) -> list[tuple[int, int, str | None]]:
    """Spans (start, end, reading) of every occurrence of the (word, reading) pairs.

    Longer words first, no overlaps: 네이버클라우드 is not also counted as 네이버.
    """
    taken: list[tuple[int, int, str | None]] = []
    for word, reading in sorted({w for w in words if w[0]}, key=lambda w: -len(w[0])):
        for hit in re.finditer(re.escape(word), text):
            if all(hit.end() <= s or hit.start() >= e for s, e, _ in taken):
                taken.append((hit.start(), hit.end(), reading))
    return sorted(taken, key=lambda s: s[0])
