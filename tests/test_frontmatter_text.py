"""Front-matter text a reader sees is translated (issue #26): a post's ``linkTitle``,
``subtitle``, ``excerpt``, a ``summary`` beside its ``description`` and an ``images``
table's ``alt``, ``caption`` and ``title`` are segments (``front-matter`` blocks whose
catalog label names the key), put back under their key in the Hugo content file and the
Markdown build; taxonomy terms, names and addresses stay as written; the HTML page shows
none of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from l10n.articles import read_article
from l10n.model import FRONT_MATTER, Article
from l10n.publish import Translation, localize, render_html, render_markdown
from l10n.publish.hugo import render_content
from l10n.publish.site import page_facts
from l10n.text.segment import segment_article

POST = """\
---
title: Cats at work
linkTitle: Working cats
subtitle: A day at the office
excerpt: "Why `purr()` matters, and [how](https://example.com/how) cats work."
tags: [cats, work]
categories: [Pets]
authors: [Kim Minji]
slug: cats-at-work
layout: post
series: Office life
images:
  - src: /img/cat.png
    alt: A sleeping cat
    caption: The office cat.
    title: Our cat
  - /img/plain.png
---
Cats work hard.
"""

KOREAN = {
    "Cats at work": "일하는 고양이",
    "Working cats": "일하는 고양이들",
    "A day at the office": "사무실의 하루",
    "Why `purr()` matters, and [how](https://example.com/how) cats work.":
        "`purr()`가 중요한 이유와 고양이가 [어떻게](https://example.com/how) 일하는지.",
    "A sleeping cat": "잠자는 고양이",
    "The office cat.": "사무실 고양이.",
    "Our cat": "우리 고양이",
    "Cats work hard.": "고양이는 열심히 일한다.",
}


def article(tmp_path: Path, text: str = POST, name: str = "cats.md") -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_article(path)


def builds(source: Article, lang: str = "ko",
           korean: dict[str, str] = KOREAN) -> dict[str, dict[str, Any]]:
    """The front matter of the Hugo content file and of the Markdown build of ``lang``."""
    page = localize(source, lang, {k: Translation(v) for k, v in korean.items()})
    return {name: yaml.safe_load(text.split("---\n", 2)[1])
            for name, text in (("hugo", render_content(page, page_facts(page))),
                               ("markdown", render_markdown(page)))}


def test_the_values_a_theme_shows_are_segments_labelled_with_their_key(tmp_path: Path) -> None:
    source = article(tmp_path)
    shown = [(b.info, b.text) for b in source.blocks if b.kind == FRONT_MATTER]
    assert shown == [
        ("linkTitle", "Working cats"), ("subtitle", "A day at the office"),
        ("excerpt", "Why `purr()` matters, and [how](https://example.com/how) cats work."),
        ("images 1 alt", "A sleeping cat"), ("images 1 caption", "The office cat."),
        ("images 1 title", "Our cat")]
    labels = dict(zip([b.text for b in source.blocks], source.block_labels(), strict=True))
    assert labels["Working cats"] == "front-matter linkTitle"
    assert labels["The office cat."] == "front-matter images 1 caption"
    # terms, ids and paths are no segment (``authors`` is the byline, as before)
    texts = {segment.text for segment in segment_article(source)}
    assert not texts & {"cats", "work", "Pets", "post", "Office life",
                        "cats-at-work", "/img/cat.png"}


def test_a_translation_writes_them_under_their_keys_in_both_builds(tmp_path: Path) -> None:
    source = article(tmp_path)
    for name, front in builds(source).items():
        assert front["linkTitle"] == "일하는 고양이들", name
        assert front["subtitle"] == "사무실의 하루", name
        # Markdown in the value stays Markdown: the code span and the link's address kept
        assert front["excerpt"] == KOREAN[POST.split('excerpt: "')[1].split('"\n')[0]], name
        assert front["images"] == [
            {"src": "/img/cat.png", "alt": "잠자는 고양이", "caption": "사무실 고양이.",
             "title": "우리 고양이"}, "/img/plain.png"], name
        assert front["tags"] == ["cats", "work"] and front["categories"] == ["Pets"], name
        assert front["series"] == "Office life" and front["layout"] == "post", name
    for name, front in builds(source, "en").items():  # the source page: as written
        assert front["linkTitle"] == "Working cats" and front["subtitle"] == "A day at the office"
        assert front["images"][0]["alt"] == "A sleeping cat", name
    assert source.front_matter["images"][0]["alt"] == "A sleeping cat"  # the source untouched


def test_an_untranslated_value_is_the_sources_text(tmp_path: Path) -> None:
    source = article(tmp_path)
    korean = {k: v for k, v in KOREAN.items() if k not in ("Working cats", "Our cat")}
    for name, front in builds(source, korean=korean).items():
        assert front["linkTitle"] == "Working cats", name
        assert front["images"][0]["title"] == "Our cat", name
        assert front["subtitle"] == "사무실의 하루", name


def test_keys_are_matched_without_case_and_kept_as_spelled(tmp_path: Path) -> None:
    toml = ('+++\ntitle = "Cats at work"\nlinktitle = "Working cats"\nSubtitle = '
            '"A day at the office"\n+++\nCats work hard.\n')
    for name, front in builds(article(tmp_path, toml)).items():
        assert front["linktitle"] == "일하는 고양이들", name
        assert front["Subtitle"] == "사무실의 하루", name


def test_values_that_are_not_text_stay_as_written(tmp_path: Path) -> None:
    post = ("---\ntitle: Cats at work\nlinkTitle: '2.0'\nsubtitle: 3\nexcerpt: [a, b]\n"
            "images: [{src: /x.png, alt: 7}]\n---\nCats work hard.\n")
    source = article(tmp_path, post)
    assert not [b for b in source.blocks if b.kind == FRONT_MATTER]
    for name, front in builds(source).items():
        assert front["linkTitle"] == "2.0" and front["subtitle"] == 3, name
        assert front["excerpt"] == ["a", "b"], name
        assert front["images"] == [{"src": "/x.png", "alt": 7}], name


def test_the_html_page_shows_none_of_them(tmp_path: Path) -> None:
    source = article(tmp_path)
    for lang in ("ko", "en"):
        page = localize(source, lang, {k: Translation(v) for k, v in KOREAN.items()})
        html = render_html(page, ["en", "ko"])
        body = render_markdown(page).split("---\n", 2)[2]
        for shown in ("Working cats", "일하는 고양이들", "A sleeping cat", "잠자는 고양이",
                      "purr", "사무실의 하루"):
            assert shown not in html and shown not in body, (lang, shown)
        assert ("고양이는 열심히 일한다." if lang == "ko" else "Cats work hard.") in html


def test_a_summary_read_as_the_description_beside_an_empty_description(tmp_path: Path) -> None:
    """``description: ""`` and a ``summary``: the reader's description is the summary, so
    a translation's ``summary`` is the translated description (it was left in English)."""
    post = ('---\ntitle: Cats at work\ndescription: ""\nsummary: Working cats\n---\n'
            "Cats work hard.\n")
    for name, front in builds(article(tmp_path, post)).items():
        assert front["summary"] == "일하는 고양이들", name
