"""Raw HTML of a source article, made safe to publish.

A Markdown article may hold raw HTML blocks (a ``<div>`` around a note, a ``<table>``
written by hand, an embed). Builds keep their markup instead of showing it as code, but
only after `nh3 <https://github.com/messense/nh3>`_ (the Python binding of the Rust
sanitizer ammonia, html5ever's parser) has cleaned it against an allow-list:

* ammonia's default tags (text structure, tables, lists, links, images, ``details``...);
  ``script``, ``style``, ``iframe``, ``object``, forms and every other tag are dropped,
  and the content of ``script``, ``style``, ``noscript`` and the other elements l10n
  never reads (``button``, ``select``, ``video``, ``svg``...) with them: their text
  would show untranslated;
* ammonia's default attributes (``href``, ``src``, ``alt``, ``title``, ``lang``...), plus
  ``class`` and ``dir`` on any tag; never an event handler (``onclick``); ``hidden``, and
  a ``style`` only where it hides its element (as ``display: none``): the reader never
  reads a hidden element, so the build shows neither it nor its English;
* URLs only with ammonia's safe schemes (http, https, mailto...), never ``javascript:``;
  links get ``rel="noopener noreferrer"``; comments are dropped.

The same cleaned HTML goes into the HTML page and into the Markdown build (whose
renderer would otherwise run whatever raw HTML it is given). Inline HTML in a Markdown
article's sentences (a picture in a link, ``<kbd>``, ``<br>``) is cleaned the same way,
one tag at a time (:func:`sanitize_tag`): a piece of a sentence holds a start tag whose
end tag may be in the next piece. The text inside a raw HTML
block is put in the page's language before it is cleaned (:mod:`l10n.publish.rawhtml`).

:func:`sanitize_inline` cleans an HTML article's inline markup on the templated pages
(after :func:`l10n.publish.htmlpage.safe_inline` kept only the source's own elements)
with the same lists, except that a link keeps the ``rel`` its source gave it
(``rel="author"``) and gets none added: those are the publisher's own links; a MathML
formula's elements are kept (MathML Core's presentation elements and attributes), and an
inline style only where it hides its element (``display: none``, as the source showed it).
"""

from __future__ import annotations

import re

from l10n.articles.htmldom import SKIP, hides


def _attributes(*, rel: bool = False) -> dict[str, set[str]]:
    import nh3

    allowed = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
    allowed["*"] = allowed.get("*", set()) | {"class", "dir", "lang", "title"}
    if rel:
        allowed["a"] = allowed.get("a", set()) | {"rel"}
    return allowed


# dropped with their content: a <noscript>'s content is text to html5ever (scripting on), and
# l10n never reads it (its English would show, its tags as text); nor the other elements
# the reader skips that the allow-list drops (:data:`l10n.articles.htmldom.SKIP`): the tag
# went, its English stayed (the Go blog's hidden "← Prev" <button>, a <video>'s fallback)
# (a formula's <math> is drawn, :data:`_MATHML`; an <input> and <head> hold no text)
_DROPPED = set(SKIP - {"math", "input", "head"})


def sanitize_html(html: str) -> str:
    """``html`` with only the allowed tags, attributes and URLs left (see the module)."""
    import nh3

    attributes = _attributes()
    attributes["*"] |= {"hidden", "style"}  # only where they hide (what the reader skips)
    return str(nh3.clean(html, attributes=attributes, clean_content_tags=_DROPPED,
                         attribute_filter=_hiding_style)).strip()


# MathML Core's presentation elements and the attributes that draw them: a formula in an
# article's sentence (``<math>``) is drawn on the templated page as in the source
_MATHML = {
    "math": {"display"}, "semantics": set(), "annotation": {"encoding"}, "mrow": set(),
    "mi": {"mathvariant"}, "mn": set(), "mo": {"stretchy", "fence", "separator", "form",
                                                "lspace", "rspace", "largeop", "movablelimits",
                                                "symmetric", "minsize", "maxsize"},
    "ms": set(), "mtext": set(), "mspace": {"width", "height", "depth"},
    "msub": set(), "msup": set(), "msubsup": set(), "munder": {"accentunder"},
    "mover": {"accent"}, "munderover": {"accent", "accentunder"}, "mmultiscripts": set(),
    "mprescripts": set(), "mfrac": {"linethickness"}, "msqrt": set(), "mroot": set(),
    "mstyle": {"displaystyle", "scriptlevel", "mathvariant"}, "mpadded": set(),
    "mphantom": set(), "merror": set(), "mtable": set(), "mtr": set(),
    "mtd": {"columnspan", "rowspan"}, "menclose": {"notation"},
}


def _hiding_style(element: str, attribute: str, value: str) -> str | None:
    """An inline style is kept only where it hides its element (``display: none``: a
    formula's MathML that the page shows as a picture instead): what the source never
    shows stays unseen."""
    if attribute != "style":
        return value
    return "display: none" if hides(value) else None


def sanitize_inline(html: str) -> str:
    """An HTML article's inline markup cleaned for a templated page (see the module)."""
    import nh3

    attributes = _attributes(rel=True)
    attributes["*"] |= {"style"}
    for tag, names in _MATHML.items():
        attributes[tag] = attributes.get(tag, set()) | names
    return str(nh3.clean(html, tags=nh3.ALLOWED_TAGS | set(_MATHML), attributes=attributes,
                         attribute_filter=_hiding_style, link_rel=None))


def sanitize_tag(tag: str) -> str:
    """One HTML tag of a Markdown sentence (``<a href="x">``, ``</a>``, ``<br/>``), cleaned
    as :func:`sanitize_html` cleans a block: its allowed attributes kept, the tag itself
    ``""`` when it is not allowed (its content stays, as text). A comment is ``""``."""
    import nh3

    found = re.match(r"<(/?)([A-Za-z][A-Za-z0-9-]*)", tag)
    if not found:
        return ""
    name = found.group(2).lower()
    if name not in nh3.ALLOWED_TAGS:
        return ""
    if found.group(1):
        return f"</{name}>"
    clean = str(nh3.clean(tag, attributes=_attributes()))
    start = re.match(rf"<{name}\b[^<>]*>", clean)
    return start.group(0) if start else ""
