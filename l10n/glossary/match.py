"""Find glossary terms in a text: :class:`Glossary` and its matcher.

How a text is matched (one pass, whatever the size of the glossary):

1. The text is tokenised ONCE with one compiled regex. A token is a maximal run of
   letters/digits (``\\w`` without CJK), or a single Hangul, kana or Han character
   (scripts written without spaces, so ``블랙웰`` is found in ``블랙웰은``). Whatever lies
   between two tokens is their separator.
2. Every surface form of every term (its source and its variants) is tokenised the same
   way when the :class:`Glossary` is built, and indexed by its first token, casefolded.
   This index is the prefilter: at each token position of the text only the forms that
   start with that token are looked at (a dict lookup), so the cost per segment grows
   with the segment's length and the few candidates per token, not with the glossary.
3. Candidates are tried longest first (most tokens, then most characters), and the scan
   goes left to right, skipping past each match: matches never overlap and the leftmost
   longest wins ("Samsung Electronics" before "Samsung", "Naver Cloud" before "Naver").

Rules that follow from this:

- Word boundaries: a match starts and ends on token boundaries, so "LG" is not found in
  "ALGORITHM" nor "SK" in "ASK".
- Separators must agree after normalisation: any run of whitespace equals one space,
  curly apostrophes (’ ‘ ʼ) equal ``'``, and the Unicode hyphens U+2010/U+2011 equal
  ``-``. "e-sports" and "G-SYNC" therefore match as written, and "e sports" does not.
- Case (the default, ``case_sensitive`` not set): a term that is a short all-capital
  acronym (letters only, up to five: ``AI``, ``SK``, ``GPU``) matches only as written
  (its plural too: ``GPUs``), every other term regardless of case ("pc bang" and
  "PC bang" match "PC Bang", "Nvidia" matches "NVIDIA", "ai" does not match "AI").
  ``case_sensitive = true`` matches as written, ``false`` regardless of case.
- English inflections need no variants: a form also matches with its last word in the
  plural ("PC bangs", "GPUs", "foundries", "batteries", "switches"), and a hyphenated
  compound contains its term ("Blackwell-based"); a variant or another term written
  exactly so wins over an inflected form. ``variants`` remain for irregular forms.
- Punctuation next to a term is not part of it ("'PC Bang'", "(Blackwell)", "e-sports,");
  a possessive is outside the span too ("NVIDIA's" and "Korea’s" match "NVIDIA", "Korea").
- A form that starts or ends with punctuation (".NET", "C++") needs that punctuation
  right before/after its first/last token, and no letter or digit beyond it ("ASP.NET"
  does not contain ".NET"); the punctuation is part of the span.
- Never inside markup: URLs, e-mail addresses, inline code, Markdown link targets and
  HTML tags with their attributes (``https://www.nvidia.com/...``, ``<a title="NVIDIA">``)
  hold no term; link text and the text between tags do.
- Limits: text is not Unicode-normalised (NFC is assumed), and in scripts without
  spaces any character boundary is a word boundary.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from l10n.model import Term, TermMatch
from l10n.text.protect import mask

# Scripts written without spaces between words: each character is a token of its own.
_CJK = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
)
TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")  # split() keeps the tokens
_SPACES = re.compile(r"\s+")
_SEP_TABLE = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"}
)


def normalize_separator(text: str) -> str:
    """Whitespace runs become one space; curly apostrophes and Unicode hyphens plain ones."""
    return _SPACES.sub(" ", text).translate(_SEP_TABLE)


_ACRONYM = re.compile(r"[A-Z]{1,5}")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of a term (its source or a variant), tokenised for matching."""

    term: Term
    text: str
    tokens: tuple[str, ...]  # as written where ``exact``, else casefolded
    seps: tuple[str, ...]  # normalised separators between the tokens
    lead: str  # punctuation before the first token (".NET")
    trail: str  # punctuation after the last token ("C++")
    exact: tuple[bool, ...] = ()  # per token: compared as written
    inflected: bool = False  # a plural the glossary does not list

    @property
    def size(self) -> tuple[int, int, bool]:
        """Sort key: more tokens first, then more characters, then forms as listed."""
        return len(self.tokens), len(self.text), not self.inflected


def matches_as_written(term: Term) -> bool:
    """Whether a term is compared as written (see the module docstring)."""
    if term.case_sensitive is None:
        return _ACRONYM.fullmatch(term.source) is not None
    return term.case_sensitive


def plurals(word: str) -> list[str]:
    """English plurals of ``word``: ``GPU`` GPUs, ``foundry`` foundries, ``switch``
    switches, ``video`` videos/videoes (both: matching only), ``bang`` bangs."""
    if not _LATIN_WORD.fullmatch(word) and not _ACRONYM.fullmatch(word):
        return []
    if word.isupper():
        return [word + "s"]
    lower = word.lower()
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return [word[:-1] + "ies"]
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if lower.endswith("o"):
        return [word + "s", word + "es"]
    return [word + "s"]


def form_key(text: str) -> str | None:
    """A form reduced to what matching compares (tokens and normalised separators).

    Two forms with the same key match the same texts; None when the form has no
    letter or digit at all (such a form can never match).
    """
    parts = _TOKEN_SPLIT.split(text)  # [before, token, separator, ..., token, after]
    if len(parts) == 1:
        return None
    return parts[0].strip() + normalize_separator("".join(parts[1:-1])) + parts[-1].strip()


def make_form(term: Term, text: str) -> Form | None:
    parts = _TOKEN_SPLIT.split(text)  # one C call: a glossary of 50,000 terms is built fast
    if len(parts) == 1:
        return None
    raw = parts[1::2]
    same = matches_as_written(term)
    tokens = tuple(raw) if same else tuple(t.casefold() for t in raw)
    seps = tuple(s if s == " " else normalize_separator(s) for s in parts[2:-1:2])
    return Form(term, text, tokens, seps, parts[0].strip(), parts[-1].strip(),
                (same,) * len(raw))


def inflections(form: Form) -> list[Form]:
    """``form`` with its last word in the plural (none after trailing punctuation)."""
    if form.trail:
        return []
    last, cut = form.tokens[-1], len(form.text) - len(form.text.rstrip()) or None
    surface = form.text[: -cut] if cut else form.text
    written = surface[len(surface) - len(last) :]
    found = []
    for plural in plurals(written):
        text = surface[: len(surface) - len(last)] + plural
        token = plural if form.exact[-1] else plural.casefold()
        found.append(Form(form.term, text, (*form.tokens[:-1], token), form.seps, form.lead,
                          "", form.exact, inflected=True))
    return found


def all_forms(term: Term) -> list[Form]:
    """The term's source and variants, then their plurals, as matching uses them."""
    listed = [f for t in dict.fromkeys((term.source, *term.variants)) if (f := make_form(term, t))]
    return listed + [plural for form in listed for plural in inflections(form)]


def find_form(
    text: str, form_text: str, case_sensitive: bool | None = None
) -> list[tuple[int, int]]:
    """Where ``form_text`` (or its plural) occurs in ``text``, by the same rules as terms:
    whole tokens, so ``AI`` is not in ``AIDS``, and in scripts without spaces anywhere
    (``블랙웰`` in ``블랙웰은``). How translations are verified (:mod:`l10n.glossary.verify`)."""
    forms = sorted(all_forms(Term(form_text, case_sensitive=case_sensitive)),
                   key=lambda f: f.size, reverse=True)
    tokens = _Text(text)
    spans = []
    i = 0
    while i < len(tokens.raw):
        hit = next(((f, s) for f in forms if (s := tokens.match(f, i)) is not None), None)
        if hit is None:
            i += 1
            continue
        spans.append(hit[1])
        i += len(hit[0].tokens)
    return spans


class _Text:
    """A text tokenised once: tokens, their casefolded forms, normalised separators."""

    __slots__ = ("folded", "raw", "seps", "spans", "text")

    def __init__(self, text: str) -> None:
        found = list(TOKEN.finditer(text))
        self.text = text
        self.raw = [m.group() for m in found]
        self.folded = [t.casefold() for t in self.raw]
        self.spans = [m.span() for m in found]
        # seps[k] lies between token k and token k + 1
        self.seps = [
            normalize_separator(text[a[1] : b[0]])
            for a, b in zip(self.spans, self.spans[1:], strict=False)
        ]

    def match(self, form: Form, i: int) -> tuple[int, int] | None:
        """(start, end) when ``form`` matches at token ``i``; None otherwise."""
        n = len(form.tokens)
        if i + n > len(self.raw):
            return None
        for j in range(n):
            word = self.raw[i + j] if form.exact[j] else self.folded[i + j]
            if word != form.tokens[j]:
                return None
            if j and self.seps[i + j - 1] != form.seps[j - 1]:
                return None
        start, end = self.spans[i][0], self.spans[i + n - 1][1]
        if form.lead:
            if not self.text[:start].endswith(form.lead):
                return None
            start -= len(form.lead)
            if start and self.text[start - 1].isalnum():
                return None
        if form.trail:
            if not self.text[end:].startswith(form.trail):
                return None
            end += len(form.trail)
            if end < len(self.text) and self.text[end].isalnum():
                return None
        return start, end


@contextlib.contextmanager
def no_collection() -> Iterator[None]:
    """Python's cycle collector paused while a glossary is built or indexed: 50,000
    terms are about a million new objects, none of them in a cycle, and the collector's
    passes over them took a third of the time. Restored as it was afterwards, even on an
    error."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_MAYBE_MARKUP = re.compile(r"[<`@]|://|\bwww\.|\]\(")


def _markup(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has URLs, e-mail addresses, inline code, link targets or tags (with
    their attributes): no term is found there (``https://www.nvidia.com/`` is not NVIDIA)."""
    if not _MAYBE_MARKUP.search(text):
        return []
    return [(slot.start, slot.end) for slot in mask(text).slots]


class Glossary:
    """A set of terms, indexed once for fast matching (see the module docstring).

    Build it with :func:`l10n.glossary.load_glossary`; the constructor does not validate.
    """

    __slots__ = ("_by_source", "_index", "terms")

    def __init__(self, terms: Iterable[Term] = ()) -> None:
        with no_collection():
            self.terms: tuple[Term, ...] = tuple(terms)
            self._by_source = {term.source: term for term in self.terms}
            index: dict[str, list[Form]] = {}
            for term in self.terms:
                for form in all_forms(term):
                    index.setdefault(form.tokens[0].casefold(), []).append(form)
            for forms in index.values():
                forms.sort(key=lambda f: f.size, reverse=True)
            self._index = index

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __repr__(self) -> str:
        return f"Glossary({len(self.terms)} terms)"

    def get(self, source: str) -> Term | None:
        """The term whose source is exactly ``source``, or None."""
        return self._by_source.get(source)

    def languages(self) -> set[str]:
        """Every language that some term has a target or a reading for."""
        return {lang for term in self.terms for lang in (*term.targets, *term.readings)}

    def find(self, text: str, lang: str | None = None) -> list[TermMatch]:
        """Every term occurrence in ``text``: non-overlapping, by start, longest first.

        With ``lang``, only terms that have a target in that language are looked for
        (keep terms always have one: their source); a shorter term can then match
        where a longer one has no target ("Naver" inside "Naver Cloud").
        """
        tokens = _Text(text)
        matches: list[TermMatch] = []
        code = _markup(text)
        i = 0
        while i < len(tokens.raw):
            found = self._match_at(tokens, i, lang)
            if found is None:
                i += 1
                continue
            form, (start, end) = found
            if not any(start < e and s < end for s, e in code):
                matches.append(TermMatch(form.term, start, end, text[start:end]))
            i += len(form.tokens)
        return matches

    def _match_at(
        self, tokens: _Text, i: int, lang: str | None
    ) -> tuple[Form, tuple[int, int]] | None:
        for form in self._index.get(tokens.folded[i], ()):
            if lang is not None and form.term.target(lang) is None:
                continue
            span = tokens.match(form, i)
            if span is not None:
                return form, span
        return None
