"""HTML articles published as themselves: the source page with its text translated.

Besides the templated pages, ``l10n build`` writes ``<lang>/<slug>.article.html`` for an
HTML article: the page the CMS exported, parsed again, with

* each translated block's inline content replaced by its translation (sentences as
  :mod:`l10n.publish.page` chose them: reviewed, or unreviewed with ``--include-machine``;
  a sentence without a translation keeps its source text, marked ``lang``; a tag a
  translation leaves open, or closes without opening, where its source sentence has
  every pair closed, is closed or dropped within that sentence);
* the title written into ``<title>``, ``og:title`` and ``twitter:title`` where those held
  the title's text, the byline into ``<meta name="author">``, the description into the
  description ``<meta>`` elements that held it, an image's ``alt`` and a link's ``title``
  into their element (in the translated sentence, the element written is the source's,
  with that attribute translated);
* ``<html lang>`` (and ``dir``) set, ``og:locale`` set, ``<link rel="alternate"
  hreflang>`` for every language the article is published in (and ``x-default``, the
  source) in place of the page's own, ``<link rel="canonical">`` dropped from
  translations (it names the source page), ``<meta name="translation-status">`` added,
  and a visible note at the top of the article when it shows machine translation; the
  ``<meta charset>`` (or ``http-equiv`` Content-Type) says UTF-8, which the page is in;
* everything else (scripts, styles, code, ``translate="no"``, attributes, comments
  between blocks) exactly as the source had it.

**Nothing is injected.** A translation is parsed as HTML and rebuilt from the source: an
element is kept only when the source block has an element of the same name with the
same attributes (the source's element is what is written); any other element is
unwrapped to its text (``script``, ``style`` and other raw-text elements are dropped
whole); comments are dropped; the content of source elements that are never translated
(``code``, ``kbd``, ``samp``, ``translate="no"``) is the source's. Text is escaped.
:func:`safe_inline` applies the same rule to the templated pages.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from l10n.articles.html import PROTECTED_INLINE, HtmlArticle, read_html
from l10n.articles.htmldom import (
    elements,
    inner_markup,
    markup_text,
    parse_fragment,
    serialize,
    text_content,
)
from l10n.articles.htmlmeta import holds_title, loose_text
from l10n.articles.story import TEXT, Place
from l10n.errors import InputError
from l10n.lang import bcp47
from l10n.model import TITLE
from l10n.publish.locale import page_notices, typography
from l10n.publish.page import MACHINE, ORIGINAL, REVIEWED, SOURCE, SPACE, LocalBlock, Page
from l10n.text.segment import segment_block

if TYPE_CHECKING:
    from xml.dom.minidom import Document, Element, Node

SUFFIX = ".article.html"
_RAW_TEXT = frozenset({
    "script", "style", "template", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "noscript", "plaintext",
})  # fmt: skip
_HEAD_TITLES = (("property", "og:title"), ("name", "twitter:title"), ("property", "twitter:title"))

Signature = tuple[str, frozenset[tuple[str, str]]]
HeadItem = tuple[str, dict[str, str], str]  # tag, attributes, text (l10n.publish.site)


def article_pages(pages: Sequence[Page], read: Callable[[Path], str]) -> dict[str, str]:
    """``<lang>/<slug>.article.html`` for every page of an HTML article; ``read`` gives a
    source file's text (each file is read once)."""
    languages: dict[str, list[str]] = {}
    for page in pages:
        languages.setdefault(page.slug, []).append(page.lang)
    sources: dict[Path, str] = {}
    files: dict[str, str] = {}
    for page in pages:
        if page.article.format != "html":
            continue
        path = page.article.path
        if path not in sources:
            sources[path] = read(path)
        files[f"{page.lang}/{page.slug}{SUFFIX}"] = render_article_page(
            page, sources[path], languages[page.slug]
        )
    return files


def render_article_page(
    page: Page, source: str, languages: Sequence[str], extra: Sequence[HeadItem] = (), *,
    content: Sequence[str] = (), exclude: Sequence[str] = (),
) -> str:
    """The source page ``source`` in ``page``'s language (the module's rules);
    ``languages``: those the article is published in, the source first; ``extra``:
    ``<head>`` items (:mod:`l10n.publish.site`) in place of the page's own of the same
    ``property`` or ``rel``; ``content``, ``exclude``: the ``[html]`` selectors the
    article was read with."""
    found = read_html(page.article.path, source, lang=page.article.lang, content=content,
                      exclude=exclude)
    if [b.text for b in found.article.blocks] != [b.text for b in page.article.blocks]:
        raise InputError("the article changed on disk during the build", path=page.article.path,
                         hint="run `l10n build` again")
    dom = found.document.dom
    if page.lang != page.article.lang:
        _translate_blocks(page, found)
    _head(page, found, languages)
    _extra_head(found, extra)
    for copy in found.copies:  # translated, with the notice: what the script renders
        copy.write()
    text = serialize(dom)
    if not text.lstrip()[:9].lower().startswith("<!doctype"):
        text = "<!DOCTYPE html>\n" + text
    return text if text.endswith("\n") else text + "\n"


def _translate_blocks(page: Page, found: HtmlArticle) -> None:
    dom = found.document.dom
    source_tag = bcp47(page.article.lang)
    clones: dict[int, Element] = {}  # id(source element) -> its copy in a translated run
    attributes: list[tuple[Place, str]] = []
    pairs = list(zip(page.blocks, found.places, strict=True))
    for copy in found.copies:  # a script's HTML copy of the story: what it renders
        pairs += [(page.blocks[n], place) for n, place in copy.places]
    for local, place in pairs:
        block = local.block
        if not block.translatable or all(p.status in (SOURCE, SPACE) for p in local.pieces):
            if block.translatable and place.nodes:
                _mark_source(dom, place, source_tag)
            continue
        if place.nodes:
            replace_run(dom, place, local, source_tag, clones)
        if place.meta:
            attributes.append((place, _plain(local.text)))
        if block.kind == TITLE:
            _retitle(dom, markup_text(block.text), markup_text(local.text))
    for place, text in attributes:  # after the runs: an image may have been copied
        for element in place.meta:
            if place.attribute == TEXT:  # the page's <title>
                _set_text(dom, element, text)
            else:
                clones.get(id(element), element).setAttribute(place.attribute, text)


def _plain(markup: str) -> str:
    """The text a reader sees of ``markup`` (an attribute's value): tags dropped, and the
    content of ``script``, ``style`` and other raw-text elements with them."""
    kept = [node for node in parse_fragment(markup, "div") if not (
        node.nodeType == node.ELEMENT_NODE and node.tagName in _RAW_TEXT)]  # type: ignore[attr-defined]
    parts = [text_content([n]) if n.nodeType == n.TEXT_NODE else _plain(inner_markup(n.childNodes))
             for n in kept]
    return " ".join("".join(parts).split())


def replace_run(dom: Document, place: Place, local: LocalBlock, source_tag: str,
                 clones: dict[int, Element]) -> None:
    """Put the block's sentences in place of its run of nodes, sanitized."""
    assert place.parent is not None
    sentinel = _sentinel(local)
    sources = iter(segment.text for segment in segment_block(local.block))
    parts = []
    for piece in local.pieces:
        source = next(sources) if piece.status != SPACE else ""
        if piece.status == SOURCE and _balanced(piece.text):
            parts.append(f"<{sentinel}>{piece.text}</{sentinel}>")
        elif piece.status != SPACE and _balanced(source) and not _balanced(piece.text):
            # a tag the translation left open or closed stays inside its own sentence
            parts.append(inner_markup(parse_fragment(piece.text, "div"), collapse=False))
        else:
            parts.append(piece.text)
    allowed = _allowed(elements(place.nodes))
    fresh = _sanitize(dom, parse_fragment("".join(parts), place.parent.tagName), allowed,
                      Counter(), (sentinel, source_tag), clones)
    lead, trail = _edge_space(place.nodes)
    first: Any = place.nodes[0]
    new: list[Any] = [*([dom.createTextNode(lead)] if lead else []), *fresh,
                      *([dom.createTextNode(trail)] if trail else [])]
    for node in new:
        place.parent.insertBefore(node, first)
    for old in place.nodes:
        place.parent.removeChild(old)  # type: ignore[type-var]


def _mark_source(dom: Document, place: Place, tag: str) -> None:
    """An untranslated block: ``lang`` on its element, or on a span around its run."""
    parent = place.parent
    assert parent is not None
    if list(parent.childNodes) == list(place.nodes):
        if parent.getAttribute("lang") == "":
            parent.setAttribute("lang", tag)
        return
    span = dom.createElement("span")
    span.setAttribute("lang", tag)
    first: Any = place.nodes[0]
    parent.insertBefore(span, first)
    for node in place.nodes:
        span.appendChild(node)  # type: ignore[type-var]


def safe_inline(
    translated: str, source: str, attributes: Sequence[tuple[str, str, str]] = ()
) -> str:
    """``translated`` inline markup as HTML holding only the elements of the ``source``
    markup (the module's rule), text escaped; ``attributes``: (name, source value,
    translation) of alt texts and link titles, written into the elements that hold them."""
    source_nodes = parse_fragment(source, "div")
    dom = source_nodes[0].ownerDocument if source_nodes else None
    if dom is None:
        return html.escape(markup_text(translated), quote=False)
    fresh = _sanitize(dom, parse_fragment(translated, "div"), _allowed(elements(source_nodes)),
                      Counter(), None)
    for element in elements(fresh) if attributes else ():
        for name, value, translation in attributes:
            if " ".join(element.getAttribute(name).split()) == value:
                element.setAttribute(name, translation)
    return inner_markup(fresh, collapse=False, escape=lambda t: html.escape(t, quote=False))


def _signature(element: Element) -> Signature:
    return element.tagName, frozenset(element.attributes.items())


def _allowed(found: Sequence[Element]) -> dict[Signature, list[Element]]:
    allowed: dict[Signature, list[Element]] = {}
    for element in found:
        allowed.setdefault(_signature(element), []).append(element)
    return allowed


def _sanitize(
    dom: Document,
    nodes: Sequence[Node],
    allowed: Mapping[Signature, list[Element]],
    used: Counter[Signature],
    sentinel: tuple[str, str] | None,
    clones: dict[int, Element] | None = None,
) -> list[Node]:
    """New nodes of ``dom`` for ``nodes``: text, and the source's own elements only
    (``clones`` gets each source element's copy)."""
    out: list[Node] = []
    for node in nodes:
        if node.nodeType == node.TEXT_NODE:
            out.append(dom.createTextNode(node.data))  # type: ignore[attr-defined]
            continue
        if node.nodeType != node.ELEMENT_NODE:
            continue  # comments, processing instructions: dropped
        element: Element = node  # type: ignore[assignment]
        inner = _sanitize(dom, element.childNodes, allowed, used, sentinel, clones)
        signature = _signature(element)
        if sentinel and signature == (sentinel[0], frozenset()):
            span = dom.createElement("span")
            span.setAttribute("lang", sentinel[1])
            _append(span, inner)
            out.append(span)
        elif signature in allowed:
            sources = allowed[signature]
            original = sources[min(used[signature], len(sources) - 1)]
            used[signature] += 1
            clone: Element = original.cloneNode(False)  # type: ignore[assignment]
            if clones is not None:
                clones[id(original)] = clone
            if _protected(original):
                inner = [child.cloneNode(True) for child in original.childNodes]  # type: ignore[misc]
            _append(clone, inner)
            out.append(clone)
        elif element.tagName not in _RAW_TEXT:
            out += inner  # an element the source does not have: its text only
    return out


def _append(parent: Element, children: Sequence[Any]) -> None:
    for child in children:
        parent.appendChild(child)


def _protected(element: Element) -> bool:
    return element.tagName in PROTECTED_INLINE or (
        element.getAttribute("translate").strip().lower() == "no"
    )


def _balanced(markup: str) -> bool:
    """Whether ``markup`` parses to itself: no tag opened or closed elsewhere."""
    return inner_markup(parse_fragment(markup, "div")) == markup


def _sentinel(local: LocalBlock) -> str:
    """An element name for marking source sentences that no text of the block uses."""
    text = "".join(p.text for p in local.pieces)
    number = 0
    while f"l10n-source-{number}" in text:
        number += 1
    return f"l10n-source-{number}"


def _edge_space(nodes: Sequence[Node]) -> tuple[str, str]:
    """The whitespace the run starts and ends with (kept around the new content)."""
    first, last = nodes[0], nodes[-1]
    lead = trail = ""
    if first.nodeType == first.TEXT_NODE:
        data = first.data  # type: ignore[attr-defined]
        lead = data[: len(data) - len(data.lstrip())]
    if last.nodeType == last.TEXT_NODE:
        data = last.data  # type: ignore[attr-defined]
        trail = data[len(data.rstrip()) :] if data.strip() or last is not first else ""
    return lead, trail


def _retitle(dom: Document, old: str, new: str) -> None:
    """``<title>`` and og:/twitter: titles that hold the title's text get the translation
    (a site name around it in ``<title>`` stays)."""
    for title in dom.getElementsByTagName("title"):
        text = loose_text(text_content(title.childNodes))
        if holds_title(text, old):
            _set_text(dom, title, text.replace(loose_text(old), new))
    for meta in dom.getElementsByTagName("meta"):
        if any(meta.getAttribute(a).strip().lower() == v for a, v in _HEAD_TITLES) and (
            loose_text(meta.getAttribute("content")) == loose_text(old)
        ):
            meta.setAttribute("content", new)


def _set_text(dom: Document, element: Element, text: str) -> None:
    for child in list(element.childNodes):
        element.removeChild(child)
    element.appendChild(dom.createTextNode(text))


def _head(page: Page, found: HtmlArticle, languages: Sequence[str]) -> None:
    """lang/dir, hreflang links, translation status, notice, canonical, og:locale."""
    dom = found.document.dom
    root_html = dom.documentElement
    assert root_html is not None  # html5lib always makes <html> and <head>
    head = dom.getElementsByTagName("head")[0]
    translated = page.lang != page.article.lang
    root_html.setAttribute("lang", bcp47(page.lang))
    if translated:
        root_html.setAttribute("dir", typography(page.lang)["dir"])
        if found.root.getAttribute("lang"):
            found.root.setAttribute("lang", bcp47(page.lang))
    for link in list(head.getElementsByTagName("link")):
        rel = link.getAttribute("rel").lower().split()
        if ("alternate" in rel and link.hasAttribute("hreflang")) or (
            translated and "canonical" in rel
        ):
            holder: Any = link.parentNode
            holder.removeChild(link)
    for meta in head.getElementsByTagName("meta"):
        if meta.getAttribute("property") == "og:locale":
            meta.setAttribute("content", page.lang)
    for meta in dom.getElementsByTagName("meta"):  # the page is written in UTF-8
        if meta.hasAttribute("charset"):
            meta.setAttribute("charset", "utf-8")
        elif meta.getAttribute("http-equiv").strip().lower() == "content-type":
            meta.setAttribute("content", "text/html; charset=utf-8")
    if not any(m.hasAttribute("charset") for m in head.getElementsByTagName("meta")):
        charset = dom.createElement("meta")
        charset.setAttribute("charset", "utf-8")
        head.insertBefore(charset, head.firstChild)
    status = ORIGINAL if not translated else MACHINE if page.used_machine else REVIEWED
    _add(dom, head, "meta", name="translation-status", content=status)
    for code in [*languages, "x-default"]:
        target = languages[0] if code == "x-default" else code
        tag = code if code == "x-default" else bcp47(code)
        _add(dom, head, "link", rel="alternate", hreflang=tag,
             href=f"../{target}/{page.slug}{SUFFIX}")
    for text, lang in reversed(page_notices(page)):
        note = dom.createElement("p")
        for name, value in (("class", "l10n-notice"), ("role", "note"), ("lang", bcp47(lang))):
            note.setAttribute(name, value)
        note.appendChild(dom.createTextNode(text))
        for root in (found.root, *(copy.holder for copy in found.copies)):
            root.insertBefore(note.cloneNode(True), root.firstChild)  # type: ignore[type-var]


def _extra_head(found: HtmlArticle, extra: Sequence[HeadItem]) -> None:
    dom = found.document.dom
    head = dom.getElementsByTagName("head")[0]
    replaced = {("property", a["property"]) for _, a, _ in extra if "property" in a}
    replaced |= {("rel", a["rel"]) for _, a, _ in extra if a.get("rel") == "canonical"}
    for element in [*head.getElementsByTagName("meta"), *head.getElementsByTagName("link")]:
        if any(element.getAttribute(name).lower() == value for name, value in replaced):
            holder: Any = element.parentNode
            holder.removeChild(element)
    for tag, attributes, text in extra:
        _add(dom, head, tag, **attributes)
        if text:
            head.childNodes[-2].appendChild(dom.createTextNode(text))


def _add(dom: Document, parent: Element, tag: str, **attributes: str) -> None:
    element = dom.createElement(tag)
    for name, value in attributes.items():
        element.setAttribute(name, value)
    parent.appendChild(element)
    parent.appendChild(dom.createTextNode("\n"))
