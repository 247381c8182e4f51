"""A build's front matter (the Hugo content file, :mod:`l10n.publish.hugo`, and the
Markdown build, :func:`l10n.publish.render.render_markdown`): the YAML it is written as
(:func:`front_matter`), and the source's own keys it carries (:func:`carried`).

A Markdown post's front matter says more than l10n reads of it: ``draft``, ``weight``,
``tags`` and ``categories``, ``aliases``, ``url``, ``images``, menus, a theme's
``params``. Every key of it reaches each page of the article with the source's value,
typed as the source had it (a YAML or TOML date stays a date, a boolean a boolean, a
list a list, a table a table), except:

* the keys the build writes itself (``own``): the build's value wins, and a source key
  that differs from one of them only in case is left out too (Hugo reads front matter
  keys case-insensitively: ``Title`` and ``title`` would be one key, either value);
* on a translation (a page whose language is not the source's):

  - ``summary``, when the article's description was read from it (no ``description``,
    or an empty one): the page's description, translated with the page (a description is a
    segment, issue #26);
  - the values a theme shows a reader (:data:`l10n.articles.frontmatter.SHOWN_KEYS`:
    ``linkTitle``, ``subtitle``, ``excerpt``, a ``summary`` beside a ``description``,
    an ``images`` table's ``alt``, ``caption`` and ``title``): each was a
    ``front-matter`` block of the article, and its translation is written under its key
    (an image's, into a copy of the list: the source's other values kept); a value
    left untranslated is the source's text. Every other key (taxonomy terms, names,
    ids, addresses) stays as the source wrote it;
  - ``aliases`` are left out: an alias is an old address of the source page, which a
    translation never had; in a multilingual Hugo site an alias that starts with ``/``
    is server-relative (Hugo before 0.155), so the translation would write the same
    redirect file as the source page, and the last one written wins;
  - ``url`` that starts with ``/`` loses the slash: Hugo reads a leading-slash ``url``
    relative to ``baseURL`` (every language's page would be written to the one path),
    one without relative to ``baseURL`` plus the page's language prefix
    (``/ko/articles/x/``);
  - ``lang``, which names the source's language, names the page's.

A value YAML cannot write as the source typed it is written as the nearest thing that
reads the same in Hugo, never an error: a TOML local time (``07:32:00``) as that text,
a YAML set as a list of its members, ``!!binary`` as its base64 text, an ordered map's
pairs as lists; a value shared or nested inside itself (YAML anchors) is written once,
with anchors, never copied out (a "billion laughs" front matter stays its size).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Collection, Mapping
from datetime import date, time
from typing import Any

from l10n.articles.frontmatter import IMAGES
from l10n.model import FRONT_MATTER
from l10n.publish.page import Page

ALIASES = "aliases"
URL = "url"
SUMMARY = "summary"
LANG = "lang"


def carried(page: Page, own: Collection[str]) -> dict[str, Any]:
    """The source front matter's keys for ``page``'s front matter, but those in ``own``
    (the keys the build writes), with their values (module docstring)."""
    source = page.article.front_matter
    if not source:
        return {}
    taken = {key.casefold() for key in own}
    translation = page.lang != page.article.lang
    memo: dict[int, Any] = {}
    values: dict[str, Any] = {}
    shown = {local.block.info: local.text for local in page.blocks
             if local.block.kind == FRONT_MATTER} if translation else {}
    for key, value in source.items():
        if key.casefold() in taken:
            continue
        if translation:  # Hugo's keys have no case: Aliases, URL are aliases, url
            name = key.casefold()
            if key in shown:
                value = shown[key]
            elif name == IMAGES and isinstance(value, list):
                value = _images(key, value, shown)
            if name == ALIASES:
                continue
            if name == URL and isinstance(value, str):
                value = value.lstrip("/") or value
            elif name == LANG and isinstance(value, str):
                value = page.lang
            elif key == SUMMARY and not source.get("description") and page.description:
                value = page.description  # the key the reader read, as it spells it
        values[key] = writable(value, memo)
    return values


def _images(key: str, images: list[Any], shown: Mapping[str, str]) -> list[Any]:
    """An ``images`` list with each table's shown values (``shown``: by ``images 2 alt``,
    :func:`l10n.articles.frontmatter.shown_texts`) translated; the list itself when none is."""
    if not any(where.startswith(f"{key} ") for where in shown):
        return images
    return [{part: shown.get(f"{key} {n} {part}", item) for part, item in image.items()}
            if isinstance(image, Mapping) else image for n, image in enumerate(images, start=1)]


def writable(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """``value`` as YAML writes it with the type it has: the same value, or (module
    docstring) the nearest one that reads the same; ``memo``: values already made."""
    memo = {} if memo is None else memo
    if value is None or isinstance(value, str | bool | int | float | date):
        return value  # date: datetime too
    if id(value) in memo:
        return memo[id(value)]
    if isinstance(value, Mapping):
        table: dict[Any, Any] = {}
        memo[id(value)] = table
        for key, item in value.items():
            table[writable(key, memo) if isinstance(key, str | int | float | bool | date)
                  else str(key)] = writable(item, memo)
        return table
    if isinstance(value, list | tuple | set | frozenset):
        items: list[Any] = []
        memo[id(value)] = items
        members = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        items.extend(writable(item, memo) for item in members)
        return items
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return str(value)


class _Quoted(str):
    """A string value of the front matter: always written double-quoted."""


def _quoted(value: Any, memo: dict[int, Any]) -> Any:
    """``value`` with its strings quoted; a list or table shared or nested in itself (a
    source's YAML anchors, :mod:`l10n.publish.frontmatter`) made once (``memo``), never copied."""
    if isinstance(value, str):
        return _Quoted(value)
    if id(value) in memo:
        return memo[id(value)]
    if isinstance(value, dict):
        table: dict[Any, Any] = {}
        memo[id(value)] = table
        for key, item in value.items():  # a key with <, > or & quoted: escaped below
            quoted = isinstance(key, str) and any(char in key for char in "<>&")
            table[_Quoted(key) if quoted else key] = _quoted(item, memo)
        return table
    if isinstance(value, list):
        items: list[Any] = []
        memo[id(value)] = items
        items.extend(_quoted(item, memo) for item in value)
        return items
    return value


def front_matter(values: dict[str, Any]) -> str:
    """YAML for a Markdown build's front matter. Every string value is double-quoted
    (never read as another type, never a YAML tag or alias) and ``<``, ``>`` and ``&``
    in it are written as ``\\u003c`` escapes: the value is the same once read, and no
    markup stands in the file for a tool that pastes front matter into a page unescaped.
    A list or table a source's front matter shares (YAML anchors) is written once, with
    an anchor (:mod:`l10n.publish.frontmatter`)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:  # a date is a scalar: no anchors
            return isinstance(data, date) or super().ignore_aliases(data)

    Dumper.add_representer(
        _Quoted, lambda dumper, text: dumper.represent_scalar(
            "tag:yaml.org,2002:str", str(text), style='"')
    )
    text = yaml.dump(_quoted(values, {}), Dumper=Dumper, allow_unicode=True, sort_keys=False,
                     width=10_000)
    # in the strings only (all double-quoted): a source's YAML anchor (&id001) stays one
    return _DOUBLE_QUOTED.sub(lambda found: _escape_markup(found.group(0)), text)


_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)


def _escape_markup(text: str) -> str:
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


__all__ = ["carried", "front_matter", "writable"]
