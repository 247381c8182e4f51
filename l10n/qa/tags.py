"""The ``tags`` check: the HTML tag pairs of a translation against those of its source.

Severity error. A translation may move a tag pair with the words it marks (word order
changes between languages), but it must keep every pair of the source, add none, and
keep their structure. Reported:

* a pair of the source missing (``<em>…</em>``: either tag lost, or both);
* a pair the source does not have (a pair counts as the source's when its start tag is
  written exactly as in the source, attributes included);
* a pair out of order: its end tag before its start tag, or two pairs that cross
  (``<a><em></a></em>``) where the source's nest;
* a pair moved into or out of another pair (``<a><em>x</em></a>`` -> ``<em><a>x</a></em>``);
* a tag left open or closed by another sentence of the block (a sentence can end inside
  ``<em>``) kept as the source has it: such unpaired tags are compared as they are.

Tags are read with the standard library's :class:`html.parser.HTMLParser` (a tokenizer
that takes fragments and unbalanced markup as they are); void elements (``<br>``,
``<img>``) are not pairs and are left to the ``markup`` check, which also reports each
changed tag.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Protocol

from l10n.articles.htmldom import VOID
from l10n.model import Finding, Severity

if TYPE_CHECKING:
    from l10n.catalog import Entry


# HTML and Pango elements: ``<file>`` or ``<commit>`` in a usage line is a placeholder
# of the program's own, translated as a word (git), never a tag.
ELEMENTS = frozenset([
    "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big",
    "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code",
    "col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "embed", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd",
    "label", "legend", "li", "link", "main", "mark", "meta", "nav", "ol", "p", "pre", "q",
    "s", "samp", "section", "small", "source", "span", "strike", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "th", "thead", "time", "title", "tr", "tt", "u", "ul",
    "var", "video", "wbr",
])  # fmt: skip


INLINE = frozenset([
    "a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins", "q", "s",
    "small", "span", "strike", "strong", "sub", "sup", "tt", "u",
])  # fmt: skip


# Attributes whose value is text for people: a translation translates them.
TRANSLATABLE = frozenset({"title", "alt", "aria-label", "placeholder", "label"})


class _Context(Protocol):  # l10n.qa.checks.CheckContext, without importing it (no circle)
    def finding(self, check: str, severity: Severity, entry: Entry, message: str) -> Finding:
        ...


@dataclass
class _Pair:
    start: str  # the start tag as written
    name: str
    parent: str | None  # the start tag of the pair it opened in
    crossed: bool = False


@dataclass
class TagStructure:
    """The tags of a text: its pairs, and the start and end tags without a partner."""

    pairs: list[_Pair] = field(default_factory=list)
    open: list[str] = field(default_factory=list)
    close: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = TagStructure()
        self.stack: list[_Pair] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID or tag not in ELEMENTS:
            return
        raw = self.get_starttag_text() or f"<{tag}>"
        raw = raw.replace('="http://', '="https://')  # the same page, made safe
        if any(name in TRANSLATABLE for name, _ in attrs):  # its title may be translated
            kept = "".join(f' {name}="{value}"' if value is not None else f" {name}"
                           for name, value in attrs if name not in TRANSLATABLE)
            raw = f"<{tag}{kept}>"
        parent = self.stack[-1].start if self.stack else None
        self.stack.append(_Pair(raw, tag, parent))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <br/>, <span/>: no content to mark

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in ELEMENTS:
            return
        at = next((i for i in range(len(self.stack) - 1, -1, -1)
                   if self.stack[i].name == tag), None)
        if at is None:
            self.found.close.append(f"</{tag}>")
            return
        pair = self.stack.pop(at)
        if at < len(self.stack):  # pairs opened inside it are still open: they cross
            pair.crossed = True
            for inner in self.stack[at:]:
                inner.crossed = True
        self.found.pairs.append(pair)


def tag_structure(text: str) -> TagStructure:
    """The tag pairs of ``text`` (and its unpaired tags), in order of their end tags."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    found = reader.found
    found.open += [pair.start for pair in reader.stack]
    # Alone, only an inline element's tag is markup (its partner in another sentence):
    # git's "newer than <time>" or "[<head>]" are words of a usage line.
    found.open = [tag for tag in found.open if _name(tag) in INLINE]
    # an end tag is never a word ("</p>" alone closes what another sentence opened)
    return found


def _name(tag: str) -> str:
    return tag.strip("</>").split()[0].lower() if tag.strip("</>") else ""


def _shown(start: str, name: str) -> str:
    return f"{start}…</{name}>"


def tag_problems(source: str, target: str) -> list[str]:
    """What is wrong with the tag pairs of ``target`` against ``source`` (module rules)."""
    if "<" not in source and "<" not in target:
        return []
    src, tgt = tag_structure(source), tag_structure(target)
    names = {p.start: p.name for p in (*src.pairs, *tgt.pairs)}
    have, want = Counter(p.start for p in tgt.pairs), Counter(p.start for p in src.pairs)
    problems: list[str] = []
    spare = Counter(tgt.open) + Counter(tgt.close)  # unpaired tags of the translation
    extra = list((have - want).elements())
    for start in (want - have).elements():
        name = names[start]
        if spare[start] and spare[f"</{name}>"]:
            spare -= Counter([start, f"</{name}>"])
            problems.append(f"the tags of {_shown(start, name)} are out of order: "
                            f"{start} must come before </{name}>")
        elif spare[start] or spare[f"</{name}>"]:  # one tag of the pair kept: one problem
            kept, lost = (start, f"</{name}>") if spare[start] else (f"</{name}>", start)
            spare -= Counter([kept])
            problems.append(f"the tag {lost} of {_shown(start, name)} is missing: "
                            f"the translation has {kept} alone")
        elif (now := next((t for t in extra if names[t] == name), None)) is not None:
            extra.remove(now)  # one tag changed, one problem
            problems.append(f"the tag {start} was changed to {now}: copy it from the source")
        else:
            problems.append(f"the tag pair {_shown(start, name)} of the source is missing: "
                            "put it around the words it marks")
    problems += [f"the tag pair {_shown(s, names[s])} is not in the source: remove it"
                 for s in extra]
    crossed = {p.start for p in src.pairs if p.crossed}
    for start in dict.fromkeys(p.start for p in tgt.pairs if p.crossed):
        if start in want and start not in crossed:
            problems.append(f"the tags of {_shown(start, names[start])} cross another pair: "
                            "close the inner pair first, as in the source")
    inside = Counter((p.start, p.parent) for p in src.pairs)
    moved = Counter((p.start, p.parent) for p in tgt.pairs if p.start in want) - inside
    changed = set(want - have) | set(have - want)  # moves caused by those are not news
    for start, parent in dict.fromkeys(moved.elements()):
        if parent in changed or {p.parent for p in src.pairs if p.start == start} & changed:
            continue
        where = f"inside {_shown(parent, names.get(parent, '?'))}" if parent else "at the top"
        problems.append(f"{_shown(start, names[start])} is now {where}: keep it where the "
                        "source has it")
    return problems + _unpaired(Counter(src.open) + Counter(src.close), spare)


def _unpaired(source: Counter[str], target: Counter[str]) -> list[str]:
    lost = [f"the tag {tag} (its partner is in another sentence) is missing: keep it"
            for tag in (source - target).elements()]
    extra = [f"the tag {tag} has no partner and is not in the source: remove it or close it"
             for tag in (target - source).elements()]
    return lost + extra


def check_tags(entry: Entry, ctx: _Context) -> list[Finding]:
    """The ``tags`` check (see the module docstring); translated entries only."""
    if not entry.msgstr:
        return []
    return [ctx.finding("tags", Severity.ERROR, entry, message)
            for message in tag_problems(entry.msgid, entry.msgstr)]
