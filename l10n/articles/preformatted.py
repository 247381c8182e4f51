"""Wire copy set in ``<pre>``: prose told from code, and read as paragraphs.

Press releases and agency copy were often published as they came off the wire: in a
``<pre>``, lines wrapped at about 70 characters, paragraphs apart by blank lines. Such a
``<pre>`` is the story, not code. The rules:

* :func:`is_prose`: a ``<pre>``'s text is prose when it has at least 12 words, three
  quarters of its whitespace-separated tokens are words (letters, with the punctuation
  of a sentence around them), it has at most one code symbol (``{ } < > = ; \\ | ```)
  in 200 characters, and at least one sentence ends in it (a word of two letters or
  more, ``.``, ``!`` or ``?``, then a capital). Anything else (source code, a shell
  session, a table of figures, a box score) is code and is never translated.
* :func:`prose_runs`: a ``<pre>`` that passes these tests but the one of code symbols (a
  specification's page: an Internet-Draft set in ``<pre>``, its requests and JSON
  examples between its paragraphs) is read paragraph by paragraph: a paragraph of two
  words or more, three quarters of its tokens words (a list marker aside), at most one
  code symbol in 200 characters (a placeholder, ``<storage_root>``, is a word), ending as
  a sentence or a lead-in ends (``.``, ``!``, ``?``, ``:``) is prose; any other (an
  example, a title with no sentence's end) is code.
* :func:`paragraphs`: the ``<pre>``'s content (text and inline elements) cut into
  paragraphs: a blank line ends one, and a line that starts with a list marker (``--``,
  ``*``, ``•`` and a space) starts one. Each text node is split where paragraphs meet,
  so that each paragraph is a run of nodes of its own; the whitespace between two is a
  node of neither. A paragraph's line breaks are spaces in the text translators see
  (inline markup squeezes whitespace), its lines re-flowed.
* :func:`wrap_lines`: the ``<pre>`` gets ``white-space: pre-wrap`` in its ``style``, so
  that a browser wraps the long lines a re-flowed translation makes (the source's lines,
  shorter than the page, look the same).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xml.dom.minidom import Element, Node

_WORD = re.compile(r"""["'(\[“‘]*[^\W\d_][\w'’.-]*[.,;:!?"')\]”’]*""")
_SYMBOL = re.compile(r"[{}<>=;\\|`]")
_SENTENCE_END = re.compile(r"""[^\W\d_]{2,}[.!?]["'”’)]*\s+["'“‘(]*[A-Z]""")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# where two paragraphs meet: a blank line, or a line break before a list marker
_BREAK = re.compile(r"[ \t]*\n[ \t]*\n\s*|[ \t]*\n[ \t]*(?=(?:--|[*•])\s)")


def is_prose(text: str) -> bool:
    """Whether a ``<pre>``'s ``text`` is prose, not code (the module's rules)."""
    tokens = text.split()
    if len(_LETTERS.findall(text)) < 12:
        return False
    words = sum(1 for token in tokens if _WORD.fullmatch(token))
    return (words * 4 >= len(tokens) * 3 and len(_SYMBOL.findall(text)) * 200 <= len(text)
            and _SENTENCE_END.search(text) is not None)


def _mostly_words(text: str) -> bool:
    tokens = text.split()
    return sum(1 for token in tokens if _WORD.fullmatch(token)) * 4 >= len(tokens) * 3


_MARKER = re.compile(r"\s*(?:--|[*•]|\d+\.)\s+")
_PLACEHOLDER = re.compile(r"<[^\W\d_][\w-]*>")  # a specification's "<storage_root>": a word
_LEAD_IN = re.compile(r"""[.!?:]["'”’)]*\s*$""")


def _prose_paragraph(text: str) -> bool:
    text = _MARKER.sub("", text, count=1)
    return (len(_LETTERS.findall(text)) >= 2 and _mostly_words(_PLACEHOLDER.sub("x", text))
            and len(_SYMBOL.findall(_PLACEHOLDER.sub("x", text))) * 200 <= len(text)
            and _LEAD_IN.search(text) is not None)


def prose_runs(pre: Element, lines: dict[int, int]) -> list[tuple[list[Node], bool]]:
    """The paragraphs of a ``<pre>`` of prose, each with whether it is prose (all, when
    the ``<pre>`` is prose as a whole), or none when it is code (the module's rules)."""
    text = _text(pre).strip("\n")
    if len(_LETTERS.findall(text)) < 12 or not _mostly_words(text) or (
            _SENTENCE_END.search(text) is None):
        return []
    whole = is_prose(text)
    runs = [(run, whole or _prose_paragraph("".join(_text(node) for node in run)))
            for run in paragraphs(pre, lines)]
    return runs if any(prose for _, prose in runs) else []


def _text(node: Node) -> str:
    if node.nodeType == node.TEXT_NODE:
        return node.data  # type: ignore[attr-defined,no-any-return]
    return "".join(_text(child) for child in node.childNodes)


def paragraphs(pre: Element, lines: dict[int, int]) -> list[list[Node]]:
    """The paragraphs of ``pre``'s content, each a run of its nodes (the module's rules);
    text nodes are split where paragraphs meet (``lines``: id(node) -> source line, given
    for the new nodes)."""
    document = pre.ownerDocument
    assert document is not None
    found: list[list[Node]] = [[]]
    for child in list(pre.childNodes):
        if child.nodeType != child.TEXT_NODE:
            found[-1].append(child)
            continue
        data: str = child.data
        pieces = _BREAK.split(data)
        if len(pieces) == 1:
            found[-1].append(child)
            continue
        breaks = _BREAK.findall(data)
        line = lines.get(id(child), 0)
        for n, piece in enumerate(pieces):
            if piece:
                node = document.createTextNode(piece)
                pre.insertBefore(node, child)
                found[-1].append(node)
                if line:
                    lines[id(node)] = line
            line += piece.count("\n") + (breaks[n].count("\n") if n < len(breaks) else 0)
            if n < len(breaks):
                pre.insertBefore(document.createTextNode(breaks[n]), child)
                found.append([])
        pre.removeChild(child)
    return [run for run in found if run]


def wrap_lines(pre: Element) -> None:
    """``white-space: pre-wrap`` added to ``pre``'s style (the module's rules)."""
    style = pre.getAttribute("style").strip().rstrip(";")
    if "pre-wrap" not in style:
        pre.setAttribute("style", f"{style}; white-space: pre-wrap" if style
                         else "white-space: pre-wrap")
