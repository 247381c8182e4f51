"""A read-only view of catalog entries, and the provenance comments l10n writes.

Machine output carries its provenance as extracted comments (``#.``), which every PO
editor shows to the translator and keeps on save::

    #. mt: engine=argos score=-0.4210 sha=3f2a9c0d1e7b model=argos translate-en_ko 1.1
    #. term: Blackwell -> 블랙웰 (applied)
    #. tm: 92% from seeds/other-article.txt

``sha`` is a fingerprint of the machine output. A fuzzy entry whose msgstr no longer
matches it was edited by a translator, and l10n never replaces it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from l10n.model import TermOutcome

MT_PREFIX = "mt: "
TERM_PREFIX = "term: "
TM_PREFIX = "tm: "
CHECK_PREFIX = "check: "  # findings written by `l10n check --annotate` (l10n.catalog.annotate)

REVIEWED = "reviewed"
MACHINE = "machine"
FUZZY = "fuzzy"  # needs review: an update, a memory suggestion, or edited machine output
UNTRANSLATED = "untranslated"
OBSOLETE = "obsolete"
PSEUDO_ENGINE = "pseudo"  # pseudo-localization: never a translation (never in the memory)

# key=value pairs; a value (a model's name) may hold spaces up to the next known key
_FIELD = re.compile(r"(engine|score|sha|model)=(.*?)\s*(?= (?:engine|score|sha|model)=|$)")
_TERM = re.compile(r"^term: (?P<source>.+?) -> (?P<target>.*) \((?P<status>[a-z-]+)\)$")


def fingerprint(text: str) -> str:
    """12 hex digits identifying a machine output."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def term_comment(outcome: TermOutcome) -> str:
    """``term: Blackwell -> 블랙웰 (applied)``: a term's outcome as an extracted comment."""
    return f"{TERM_PREFIX}{outcome.source} -> {outcome.target} ({outcome.status})"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a machine translation came from."""

    engine: str
    model: str = ""
    score: float | None = None
    sha: str = ""

    def comment(self) -> str:
        """``mt: engine=argos score=-0.4210 sha=3f2a9c0d1e7b model=<rest of the line>``."""
        parts = [f"engine={self.engine}"]
        if self.score is not None:
            parts.append(f"score={self.score:.4f}")
        if self.sha:
            parts.append(f"sha={self.sha}")
        if self.model:
            parts.append(f"model={self.model}")
        return MT_PREFIX + " ".join(parts)

    @classmethod
    def parse(cls, comment: str) -> Provenance | None:
        if not comment.startswith(MT_PREFIX):
            return None
        fields = dict(_FIELD.findall(comment[len(MT_PREFIX) :]))
        try:
            score = float(fields["score"]) if "score" in fields else None
        except ValueError:
            score = None
        return cls(fields.get("engine", ""), fields.get("model", ""), score, fields.get("sha", ""))


def is_l10n_comment(comment: str) -> bool:
    """True for the comment lines l10n owns (provenance, terms, memory)."""
    return comment.startswith((MT_PREFIX, TERM_PREFIX, TM_PREFIX, CHECK_PREFIX))


def comment_lines(text: str) -> list[str]:
    """The extracted comments of an entry, one per line, with l10n's own comments made
    whole again where another tool wrapped them: polib and Poedit split a long ``#.``
    line at spaces into several ``#.`` lines. l10n writes its comments after the block
    labels, so a line after an ``mt:``/``term:``/``tm:`` line that does not start one
    itself continues it."""
    lines: list[str] = []
    inside = False
    for line in text.split("\n"):
        if not line.strip():
            continue
        if is_l10n_comment(line):
            inside = True
            lines.append(line)
        elif inside:
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line)
    return lines


def without_fingerprint(comment: str) -> str:
    """An ``mt:`` comment without its ``sha``: the engine and model of a translation that
    a person has reviewed since (see CONTRIBUTING: it is never machine output again)."""
    if not comment.startswith(MT_PREFIX):
        return comment
    return re.sub(r" sha=\S*", "", comment)


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalog entry as checks, status and publishing see it."""

    msgid: str
    msgstr: str
    fuzzy: bool = False
    obsolete: bool = False
    line: int = 0
    references: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()  # extracted comments (#.), all of them
    translator_comment: str = ""
    previous_msgid: str | None = None
    msgctxt: str | None = None
    flags: tuple[str, ...] = ()  # every flag of the entry as written (fuzzy, ignore-numbers...)
    msgid_plural: str = ""  # a plural entry (catalogs from elsewhere; l10n writes none)
    plural_forms: tuple[str, ...] = ()  # its msgstr[0], msgstr[1], ...

    @property
    def version(self) -> str:
        """12 hex digits that change whenever the entry's translation or review state does
        (source, translation, fuzzy, previous source): what an editor saw, so that a save
        made on a stale view is refused instead of overwriting newer work."""
        parts = (self.msgid, self.msgstr, "fuzzy" if self.fuzzy else "", self.previous_msgid or "")
        return fingerprint("\0".join(parts))

    @property
    def provenance(self) -> Provenance | None:
        for comment in self.comments:
            found = Provenance.parse(comment)
            if found is not None:
                return found
        return None

    @property
    def terms(self) -> tuple[TermOutcome, ...]:
        notes = []
        for comment in self.comments:
            found = _TERM.match(comment)
            if found:
                notes.append(TermOutcome(found["source"], found["target"], found["status"]))
        return tuple(notes)

    @property
    def memory(self) -> str | None:
        """The ``tm:`` comment (without the prefix) when this is a memory suggestion."""
        for comment in self.comments:
            if comment.startswith(TM_PREFIX):
                return comment[len(TM_PREFIX) :]
        return None

    @property
    def block_label(self) -> str:
        for comment in self.comments:
            if not is_l10n_comment(comment):
                return comment
        return ""

    @property
    def is_machine(self) -> bool:
        """Fuzzy machine output that nobody has touched since the engine wrote it."""
        prov = self.provenance
        return (
            self.fuzzy
            and bool(self.msgstr)
            and prov is not None
            and prov.sha == fingerprint(self.msgstr)
        )

    @property
    def is_pseudo(self) -> bool:
        """Pseudo-localized text as the ``pseudo`` engine wrote it (fuzzy or accepted)."""
        prov = self.provenance
        return (
            prov is not None and prov.engine == PSEUDO_ENGINE
            and bool(self.msgstr) and prov.sha == fingerprint(self.msgstr)
        )

    @property
    def reviewed(self) -> bool:
        """A translation a person accepted: translated and not fuzzy, whatever its
        provenance says (obsolete ones too). The one rule for harvest, merge, status."""
        return bool(self.msgstr) and not self.fuzzy

    @property
    def edited(self) -> bool:
        """Machine output that a translator changed but left fuzzy: never overwrite it."""
        prov = self.provenance
        return self.fuzzy and prov is not None and bool(prov.sha) and not self.is_machine

    @property
    def state(self) -> str:
        if self.obsolete:
            return OBSOLETE
        if not self.msgstr and not any(self.plural_forms):
            return UNTRANSLATED
        if not self.fuzzy:
            return REVIEWED
        return MACHINE if self.is_machine else FUZZY
