"""Visible words left untranslated in a build where every entry was translated.

A post is built with every catalog entry pseudo-localized (:mod:`l10n.engines.pseudo`
accents every ASCII letter it is given). The build's visible text is then read: the
rendered Markdown and the HTML page's ``<article>``, outside ``pre``, ``code``, ``kbd``,
``samp``, ``script``, ``style``, ``svg``, ``math``, ``textarea``, ``template``, hidden
elements (``hidden``, ``display: none``) and HTML comments, with the ``alt`` and
``title`` attributes a reader sees, and without template tags (Hugo shortcodes, Liquid:
kept byte for byte). A word left untranslated is a run of
two ASCII letters or more in that text, once what a translation keeps by design is taken
out: the spans :func:`l10n.text.protect.mask` protects (URLs, ``www.`` addresses, e-mail
addresses, HTML tags, placeholders...) and what the pseudo engine itself keeps
(:data:`l10n.engines.pseudo.KEEP`: enforcement-like tokens such as ``T3``, entities).

Each word is counted with where it was: ``raw-html`` (inside a raw HTML block of the
post: ``<div class="raw-html">`` in the HTML page) or ``text`` (anywhere else). Apart,
``shortcode-params``: words of the ``caption``, ``alt`` and ``title`` parameters of the
post's shortcodes, which a theme shows (not in the totals: the tags stay byte for byte).

Apart too, the front matter a site's theme shows (:func:`front_matter_left`): in the
built Hugo content file and the Markdown build, the words of the values of
:data:`SHOWN_KEYS` (the benchmark's own list, not l10n's: Hugo's ``title``,
``linkTitle``, ``description``, ``summary``, ``subtitle``, Jekyll's ``excerpt``, and
the ``alt``, ``caption`` and ``title`` of each table in an ``images`` list), counted
as the body's are, by key.
"""

from __future__ import annotations

import html as html_module
import re
from collections import Counter
from html.parser import HTMLParser

from l10n.articles.htmldom import hides
from l10n.engines.pseudo import KEEP
from l10n.text.protect import TEMPLATE, mask

_UNSEEN = frozenset({"pre", "code", "kbd", "samp", "script", "style", "svg", "math",
                     "textarea", "template", "head"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_SEEN_ATTRIBUTES = ("alt", "title")
_ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
_ALERT = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][+-]?", re.I)
_TEMPLATE = re.compile(TEMPLATE, re.S)
_PARAMETER = re.compile(r"""\b(?:caption|alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class _Seen(HTMLParser):
    """The text a reader sees of an HTML document, in pieces: (text, where)."""

    def __init__(self, scope: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.scope = scope  # only inside this element (``article``), if given
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, unseen, raw-html)
        self.pieces: list[tuple[str, str]] = []
        self.inside = scope is None
        self.data = False  # the last event was text

    def _state(self) -> tuple[bool, bool]:
        unseen = any(u for _, u, _ in self.stack)
        raw = any(r for _, _, r in self.stack)
        return unseen, raw

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.data = False
        if tag == self.scope:
            self.inside = True
        values = dict(attrs)
        unseen, raw = self._state()
        if self.inside and not unseen and tag not in _UNSEEN:
            for name in _SEEN_ATTRIBUTES:
                if values.get(name):
                    self.pieces.append((str(values[name]), "raw-html" if raw else "text"))
        if tag in _VOID:
            return
        self.stack.append((tag, tag in _UNSEEN or values.get("translate") == "no"
                           or "hidden" in values or hides(values.get("style") or ""),
                           "raw-html" in (values.get("class") or "").split()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        self.data = False
        if tag == self.scope:
            self.inside = False
        if any(t == tag for t, _, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        unseen, raw = self._state()
        if self.inside and not unseen:
            where = "raw-html" if raw else "text"
            if self.data and self.pieces and self.pieces[-1][1] == where:  # one text: a
                data = self.pieces.pop()[0] + data  # bare "<" splits it in the parser
            self.pieces.append((data, where))
        self.data = True



def _left(text: str) -> list[str]:
    """The ASCII words of visible ``text`` a translation should have changed."""
    text = mask(text).text  # templates too (and a link's address holding one)
    text = KEEP.sub(" ", _ALERT.sub(" ", text))  # an alert's marker: the site titles it
    return _ASCII_WORD.findall(text)


def untranslated(document: str, scope: str | None = None) -> Counter[str]:
    """How many words of ``document`` (HTML) were left untranslated, by where they are;
    ``scope``: only inside that element (``article`` for an HTML page)."""
    parser = _Seen(scope)
    parser.feed(re.sub(r"<!--.*?-->", " ", document, flags=re.S))
    parser.close()
    found: Counter[str] = Counter()
    for text, where in parser.pieces:
        found[where] += len(_left(text))
    return found


def examples(document: str, scope: str | None = None, limit: int = 3) -> list[str]:
    """Up to ``limit`` pieces of ``document``'s visible text with untranslated words."""
    parser = _Seen(scope)
    parser.feed(re.sub(r"<!--.*?-->", " ", document, flags=re.S))
    parser.close()
    shown = []
    for text, where in parser.pieces:
        if _left(text):
            shown.append(f"{where}: {' '.join(text.split())[:70]!r}")
        if len(shown) >= limit:
            break
    return shown


# front-matter keys whose string value a theme shows to a reader (Hugo reads keys
# without their case): Hugo's page title, menu/sidebar title, description and summary,
# many themes' subtitle, Jekyll's excerpt; in an ``images`` list of tables, each one's
# alternative text, caption and title
SHOWN_KEYS = ("title", "linktitle", "description", "summary", "subtitle", "excerpt")
IMAGE_KEYS = ("alt", "caption", "title")


def front_matter_left(front: dict[str, object]) -> Counter[str]:
    """Words of the values of :data:`SHOWN_KEYS` (and of an ``images`` list's tables'
    :data:`IMAGE_KEYS`) in a build's front matter ``front`` that were left untranslated,
    by key (``images.alt``...)."""
    found: Counter[str] = Counter()
    for key, value in front.items():
        name = key.casefold()
        if name in SHOWN_KEYS and isinstance(value, str):
            found[key] += len(_left(value))
        elif name == "images" and isinstance(value, list):
            for image in value:
                if isinstance(image, dict):
                    for part in IMAGE_KEYS:
                        if isinstance(image.get(part), str):
                            found[f"{key}.{part}"] += len(_left(image[part]))
    return +found


def shortcode_parameters(markdown: str) -> int:
    """Words of the ``caption``, ``alt`` and ``title`` parameters of ``markdown``'s
    template tags (a theme shows them) that hold ASCII letters."""
    count = 0
    for tag in _TEMPLATE.findall(markdown):
        for found in _PARAMETER.finditer(tag):
            value = html_module.unescape(found.group(1) or found.group(2) or "")
            count += len(_ASCII_WORD.findall(KEEP.sub(" ", value)))
    return count
