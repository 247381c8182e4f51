"""What among a page's blocks is furniture (:mod:`l10n.articles.furniture`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_articles_story import STORY, TEASERS, texts_of


def test_next_story_boxes_each_holding_one_teaser_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blog sets the next posts after the story in boxes of their own (``<div
    class="nextstory">``: a linked headline, a picture, the post's opening cut short and
    "READ THE REST"); the extractor reads them as the story's (here it is made to keep
    every block). They are not read. A listicle in the story's element, each item a linked
    name and its text, is the story's and is read."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    heads = ("Ferry operators count the cost", "Councillors approve a road budget",
             "A cycle lane opens in spring")
    boxes = "".join(
        f"<div class='nextstory'><h2><a href='/next-{n}'>{head}</a></h2><a href='/next-{n}'>"
        f"<img src='/{n}.jpg' alt=''></a><p>{text} […]</p><h3><a href='/next-{n}'>READ THE "
        "REST</a></h3></div>" for n, (head, text) in enumerate(zip(heads, TEASERS, strict=True)))
    items = ("The ferry company that ran the extra boats during the closure",
             "The engineers who found the cracks in the girders",
             "The commuters who drove across first on Monday")
    listicle = "".join(
        f"<div class='item'><h3><a href='https://example.org/{n}'>Number {n + 1} of those who "
        f"helped</a></h3><p>{item} get the city's thanks for two hard years.</p></div>"
        for n, item in enumerate(items))
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div><h1>Harbour bridge reopens</h1><div class='text'>"
            f"<p>{STORY[0]}</p><p>{STORY[1]}</p>{listicle}<p>{STORY[2]}</p></div>"
            f"<div id='next-posts'>{boxes}</div></div></body></html>")
    texts = texts_of(tmp_path, "next.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert not any(head in t or text in t for head, text in zip(heads, TEASERS, strict=True)
                   for t in texts)
    assert all(any(t.startswith(item) for t in texts) for item in items)
