"""Raw HTML blocks of a Markdown article in a page's language.

The text a reader sees in a raw HTML block follows the block as ``html-text``, ``alt``
and ``link-title`` blocks (:mod:`l10n.articles.rawhtml`). A build parses the block again,
finds the same runs, and puts each run's sentences in its place as an HTML article's page
does (:func:`l10n.publish.htmlpage.replace_run`: only the run's own elements are kept, a
sentence without a translation is marked with the source's ``lang``); the translated
``alt`` and ``title`` go into the elements that said the source's. A block none of whose
text is translated is left as the source wrote it. The result is sanitized by the caller
(:func:`l10n.publish.sanitize.sanitize_html`), as any raw HTML is.
"""

from __future__ import annotations

from collections.abc import Sequence

from l10n.articles.htmldom import elements, inner_markup, markup_text
from l10n.articles.rawhtml import Run, fragment, items
from l10n.articles.story import Place
from l10n.model import ALT, HTML_TEXT
from l10n.publish.htmlpage import replace_run
from l10n.publish.page import MACHINE, REVIEWED, LocalBlock, Piece


def localized_html(source: str, texts: Sequence[LocalBlock], source_tag: str) -> tuple[str, bool]:
    """The raw HTML block ``source`` with ``texts`` (the blocks that follow it: its runs'
    sentences, its ``alt`` and ``title`` values, in a page's language) in place, and
    whether any of it shows a translation; ``source_tag``: the source's language tag."""
    runs = [local for local in texts if local.block.kind == HTML_TEXT]
    attributes = [local for local in texts if local.block.kind != HTML_TEXT and (
        local.text != local.block.text)]
    shown = any(p.status in (REVIEWED, MACHINE) for local in runs for p in local.pieces)
    wrapper = fragment(source) if shown or attributes else None
    if wrapper is None or wrapper.ownerDocument is None:
        return source, False
    found = [item for item in items(wrapper) if isinstance(item, Run)]
    if [run.text for run in found] != [local.block.text for local in runs]:
        return source, False  # not the runs these blocks were read from
    for run, local in zip(found, runs, strict=True):
        squeezed = tuple(Piece(" ".join(p.text.split()) or " ", p.status) for p in local.pieces)
        replace_run(wrapper.ownerDocument, Place(run.parent, run.nodes),
                    LocalBlock(local.block, squeezed), source_tag, {})
    for local in attributes:
        name = "alt" if local.block.kind == ALT else "title"
        value, fresh = markup_text(local.block.text), markup_text(local.text)
        for element in elements(list(wrapper.childNodes)):
            if " ".join(element.getAttribute(name).split()) == value:
                element.setAttribute(name, fresh)
    return inner_markup(wrapper.childNodes, collapse=False), True
