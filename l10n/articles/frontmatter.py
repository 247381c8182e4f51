"""Front matter of Markdown articles, as Hugo reads it: YAML between two lines ``---``
(the closing line may be ``...``), TOML between two lines ``+++``, or a JSON object that
starts the file. Each key's file line is kept for errors; a syntax error names its line.

What a site's theme shows a reader of a post's front matter is translated (issue #26),
besides ``title``, ``author`` and ``description`` (or ``summary``): the string values of
these keys (:data:`SHOWN_KEYS`, matched without case, as Hugo reads keys), each a
``front-matter`` block of its own (:func:`shown_texts`) whose translation builds put back
under its key (:func:`l10n.publish.frontmatter.carried`):

* ``linkTitle``: Hugo's short title, in menus, Docsy's sidebar and breadcrumbs;
* ``subtitle``: many Hugo and Jekyll themes show it under the title;
* ``excerpt``: Jekyll's summary on list pages (its Markdown, as a paragraph's, kept);
* ``summary``, when the post also has a ``description`` (else the summary is the
  description block already);
* in an ``images`` list, each table's ``alt``, ``caption`` and ``title``.

Nothing else: taxonomy terms (``tags``, ``categories``, ``authors``, ``series``) stay
as written (a translated term would split the taxonomy's pages across languages), and
so do names, ids, addresses and paths (``slug``, ``url``, ``aliases``, ``layout``).
A value that is not a string (a list, a table, a number) or holds no letter is left as
it is.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from l10n.errors import ArticleError

SHOWN_KEYS = ("linktitle", "subtitle", "excerpt", "summary")  # casefolded
IMAGES = "images"
IMAGE_KEYS = ("alt", "caption", "title")


def shown_texts(front: FrontMatter, described: str | None) -> list[tuple[str, str, int]]:
    """The front matter's values a theme shows (module docstring), as (where, text,
    line): ``where`` is the key as the source spells it (``linkTitle``), or an image's
    key path (``images 2 alt``: the list, the table's place from 1, the key);
    ``described``: the key the description block was read from (its value is no other
    block)."""
    found = []
    for key, value in front.values.items():
        name = key.casefold()
        line = front.lines.get(key, 1)
        if name in SHOWN_KEYS and key != described and _text(value):
            found.append((key, value, line))
        elif name == IMAGES and isinstance(value, list):
            found += [(f"{key} {n} {part}", image[part], line)
                      for n, image in enumerate(value, start=1) if isinstance(image, dict)
                      for part in IMAGE_KEYS if _text(image.get(part))]
    return found


def _text(value: object) -> bool:
    return isinstance(value, str) and any(char.isalpha() for char in value)


_FM_HINT = "front matter is a YAML mapping (key: value lines) between two '---' lines"


class FrontMatter:
    """The front matter's values, and the file line of each key."""

    def __init__(self, values: dict[str, Any], lines: dict[str, int], end: int) -> None:
        self.values = values
        self.lines = lines
        self.end = end  # number of file lines the front matter takes (0 if none)


def read_front_matter(path: Path, lines: list[str]) -> FrontMatter:
    """Parse the leading front matter (YAML ``---``, TOML ``+++`` or a JSON object);
    no front matter -> empty."""
    first = lines[0].rstrip() if lines else ""
    if first == "+++":
        return _toml_front_matter(path, lines)
    if first.startswith("{"):
        return _json_front_matter(path, lines)
    if first != "---":
        return FrontMatter({}, {}, 0)
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        raise ArticleError(
            "front matter is not closed", path=path, line=1,
            hint="end it with a line '---' before the article text",
        )
    import yaml

    loader = _loader_class()("\n".join(lines[1:close]) + "\n")
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(
            f"front matter is not valid YAML: {problem}",
            path=path, line=mark.line + 2 if mark is not None else 1, hint=_FM_HINT,
        ) from None
    finally:
        loader.dispose()
    _mapping(path, data)
    key_lines = {
        str(key.value): key.start_mark.line + 2 for key, _ in node.value
    } if node is not None else {}
    return FrontMatter({str(k): v for k, v in data.items()}, key_lines, close + 1)


def _mapping(path: Path, data: object) -> None:
    if not isinstance(data, dict):
        raise ArticleError(
            f"front matter must be a mapping of keys, not a {type(data).__name__}",
            path=path, line=2, hint=_FM_HINT,
        )


def _toml_front_matter(path: Path, lines: list[str]) -> FrontMatter:
    """Hugo's TOML front matter: between two lines ``+++``."""
    from l10n.tomlfile import KeyLines, parse_toml

    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "+++"), None)
    if close is None:
        raise ArticleError("front matter is not closed", path=path, line=1,
                           hint="end it with a line '+++' before the article text")
    text = "\n".join(lines[1:close]) + "\n"
    try:
        data = parse_toml(text)
    except ValueError as exc:  # tomli's TOMLDecodeError
        found = re.search(r"line (\d+)", str(exc))
        raise ArticleError(
            f"front matter is not valid TOML: {str(exc).split(' (at')[0]}", path=path,
            line=int(found.group(1)) + 1 if found else 1,
            hint="TOML front matter is key = value lines between two '+++' lines",
        ) from None
    keys = KeyLines(text)
    key_lines = {key: line + 1 for key in data if (line := keys.line("", key)) is not None}
    return FrontMatter(data, key_lines, close + 1)


def _json_front_matter(path: Path, lines: list[str]) -> FrontMatter:
    """Hugo's JSON front matter: an object that starts the file, to its closing ``}``."""
    import json

    decoder = json.JSONDecoder()
    text = "\n".join(lines)
    try:
        data, end = decoder.raw_decode(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"front matter is not valid JSON: {exc.msg}", path=path,
                           line=exc.lineno,
                           hint="JSON front matter is one object at the top of the file") from None
    _mapping(path, data)
    end_line = text.count("\n", 0, end) + 1
    key_lines = {}
    for key in data:
        found = re.search(rf'^\s*"{re.escape(key)}"\s*:', text[:end], re.MULTILINE)
        key_lines[key] = text.count("\n", 0, found.start()) + 1 if found else 1
    return FrontMatter(data, key_lines, end_line)


@functools.cache
def _loader_class() -> Any:
    import yaml

    class Loader(yaml.SafeLoader):
        """PyYAML's safe loader; an impossible date (2025-02-30) is a YAML error with
        its place, not a bare ValueError."""

        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError as exc:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{node.value}' is not a real date or time ({exc})",
                    node.start_mark,
                ) from None

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader
