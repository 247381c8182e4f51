"""The source post's front matter in the builds' front matter (l10n/publish/frontmatter.py): the
Hugo content file and the Markdown build hold every key of it, typed as the source had
it, but the keys l10n writes; a translation is no second copy of the source page."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

from l10n.articles import read_article
from l10n.model import FRONT_MATTER, Article
from l10n.publish import Translation, localize, render_markdown
from l10n.publish.frontmatter import writable
from l10n.publish.hugo import render_content
from l10n.publish.site import page_facts

YAML_POST = """\
---
title: Cats at work
date: 2025-03-01T10:00:00+09:00
draft: true
weight: 3
tags: [cats, work]
aliases: [/2019/cats/]
url: /articles/cats-at-work/
lang: en
summary: All about cats.
params:
  featured: true
  rating: 4.5
  since: 2024-12-24
menu:
  main:
    parent: news
---
Cats work hard.
"""

TOML_POST = """\
+++
title = "Cats at work"
date = 2025-01-15T08:30:00Z
expiryDate = 2030-01-01
draft = false
reminder = 07:32:00
tags = ["cats"]

[extra]
series = "Office life"
+++
Cats work hard.
"""

JSON_POST = """\
{
  "title": "Cats at work",
  "draft": true,
  "weight": 7,
  "categories": ["pets"],
  "params": {"layout": {"wide": false}}
}
Cats work hard.
"""

KOREAN = {"Cats at work": "일하는 고양이", "All about cats.": "고양이의 모든 것.",
          "Cats work hard.": "고양이는 열심히 일한다."}


def article(tmp_path: Path, text: str, name: str = "cats.md") -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_article(path)


def builds(source: Article, lang: str = "ko") -> dict[str, dict[str, Any]]:
    """The front matter of the Hugo content file and of the Markdown build of ``lang``."""
    translations = {k: Translation(v) for k, v in KOREAN.items()} if lang == "ko" else {}
    page = localize(source, lang, translations)
    found = {}
    for name, text in (("hugo", render_content(page, page_facts(page))),
                       ("markdown", render_markdown(page))):
        found[name] = yaml.safe_load(text.split("---\n", 2)[1])
    return found


def test_every_key_reaches_both_builds_typed_as_the_source_had_it(tmp_path: Path) -> None:
    source = article(tmp_path, YAML_POST)
    for name, front in builds(source).items():
        assert front["draft"] is True and front["weight"] == 3, name  # a bool, an int
        assert front["tags"] == ["cats", "work"], name
        assert front["params"] == {"featured": True, "rating": 4.5,
                                   "since": date(2024, 12, 24)}, name  # a date in a table
        assert front["menu"] == {"main": {"parent": "news"}}, name
    hugo = builds(source)["hugo"]
    assert hugo["date"] == datetime(2025, 3, 1, 10, tzinfo=timezone(timedelta(hours=9)))
    assert builds(source)["markdown"]["date"] == hugo["date"]  # a timestamp, not a text


def test_a_toml_posts_dates_tables_and_local_time(tmp_path: Path) -> None:
    source = article(tmp_path, TOML_POST)
    for name, front in builds(source).items():
        assert front["expiryDate"] == date(2030, 1, 1), name
        assert front["draft"] is False and front["tags"] == ["cats"], name
        assert front["extra"] == {"series": "Office life"}, name
        assert front["reminder"] == "07:32:00", name  # a local time: no YAML type, its text
    assert builds(source)["hugo"]["date"] == datetime(2025, 1, 15, 8, 30, tzinfo=UTC)


def test_a_json_posts_keys(tmp_path: Path) -> None:
    source = article(tmp_path, JSON_POST)
    for name, front in builds(source).items():
        assert front["draft"] is True and front["weight"] == 7, name
        assert front["categories"] == ["pets"], name
        assert front["params"] == {"layout": {"wide": False}}, name


def test_the_keys_l10n_writes_win(tmp_path: Path) -> None:
    source = article(tmp_path, YAML_POST.replace(
        "draft: true\n", "draft: true\ntranslationKey: cats-en\nTitle: Shouting\n"
        "l10n: {status: forged}\ntranslation: forged\nsource: forged\n"))
    found = builds(source)
    hugo, markdown = found["hugo"], found["markdown"]
    assert hugo["title"] == "일하는 고양이" and hugo["translationKey"] == "cats"
    assert hugo["l10n"]["status"] == "reviewed" and list(hugo)[-1] == "l10n"
    assert "Title" not in hugo and "Title" not in markdown  # Hugo: keys have no case
    assert markdown["title"] == "일하는 고양이" and markdown["lang"] == "ko"
    assert markdown["translation"]["segments"] == 3 and markdown["source"] == "cats.md"
    assert markdown["slug"] == "cats" and list(markdown)[-1] == "translation"
    assert markdown["translationKey"] == "cats-en"  # not one of the Markdown build's keys


def test_a_translation_is_no_second_copy_of_the_source_page(tmp_path: Path) -> None:
    """Its own address (``url`` relative to its language), none of the source page's old
    ones (``aliases``), its language, its summary translated; the source's page keeps
    them all as written."""
    source = article(tmp_path, YAML_POST)
    for name, front in builds(source).items():
        assert front["url"] == "articles/cats-at-work/", name
        assert "aliases" not in front, name
        assert front["lang"] == "ko" and front["summary"] == "고양이의 모든 것.", name
    for name, front in builds(source, "en").items():
        assert front["url"] == "/articles/cats-at-work/" and front["aliases"] == ["/2019/cats/"]
        assert front["lang"] == "en" and front["summary"] == "All about cats.", name
    shouted = article(tmp_path, YAML_POST.replace("aliases:", "Aliases:").replace("url:", "URL:"))
    for name, front in builds(shouted).items():  # Hugo reads keys without their case
        assert "Aliases" not in front and front["URL"] == "articles/cats-at-work/", name


def test_a_summary_beside_a_description_is_translated_under_its_own_key(tmp_path: Path) -> None:
    """With a ``description`` (the description block), ``summary`` is a front-matter
    block of its own: its translation, not the description's, under ``summary``."""
    source = article(tmp_path, YAML_POST.replace("lang: en\n", "description: Cats.\n"))
    assert [(b.kind, b.info, b.text) for b in source.blocks if b.kind == FRONT_MATTER] == [
        (FRONT_MATTER, "summary", "All about cats.")]
    for name, front in builds(source).items():
        assert front["summary"] == "고양이의 모든 것.", name
    assert builds(source, "en")["hugo"]["summary"] == "All about cats."


UNUSUAL = """\
---
title: Cats at work
set: !!set {a, b}
blob: !!binary aGVsbG8=
pairs: !!omap [{one: 1}, {two: 2}]
when: 2025-01-01
shared: &cats [1, 2]
again: *cats
"R&D <team>": yes
---
Cats work hard.
"""


def test_unusual_yaml_values_are_written_not_refused(tmp_path: Path) -> None:
    source = article(tmp_path, UNUSUAL)
    for name, front in builds(source).items():
        assert front["set"] == ["a", "b"] and front["blob"] == "aGVsbG8=", name
        assert front["pairs"] == [["one", 1], ["two", 2]], name
        assert front["again"] == [1, 2] and front["R&D <team>"] is True, name


def test_a_value_inside_itself_or_an_alias_bomb_is_written_once(tmp_path: Path) -> None:
    lines = ["---", "title: Cats at work", "a: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    lines += ["loop: &loop [*loop]", "---", "Cats work hard."]
    # without anchors, the last list alone would hold 9**10 strings
    source = article(tmp_path, "\n".join(lines) + "\n")
    page = localize(source, "ko", {})
    for text in (render_content(page, page_facts(page)), render_markdown(page)):
        assert len(text) < 10_000 and "loop: &" in text


@pytest.mark.parametrize("value", [
    {1: "one", None: "none"}, (1, 2), frozenset({3}), object()])
def test_writable_gives_yaml_what_it_can_write(value: object) -> None:
    yaml.safe_dump(writable(value))  # no RepresenterError


def test_hugos_dates_are_the_sources(tmp_path: Path) -> None:
    """``date`` a YAML date: written as one; a date the reader parsed from text: l10n's
    ISO text; ``lastmod``: the source's (l10n reads no other), not the published date."""
    source = article(tmp_path, YAML_POST.replace("draft: true\n", "lastmod: 2025-04-02\n"))
    assert builds(source)["hugo"]["lastmod"] == date(2025, 4, 2)
    quoted = article(tmp_path, YAML_POST.replace(
        "date: 2025-03-01T10:00:00+09:00", 'date: "2025-03-01 10:00:00"'))
    hugo = builds(quoted)["hugo"]
    assert hugo["date"] == "2025-03-01T10:00:00+00:00" and hugo["lastmod"] == hugo["date"]
