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
