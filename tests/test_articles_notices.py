"""The site's ads' labels and article tools set among the story's blocks
(:mod:`l10n.articles.notices`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.articles.notices import tool_line
from tests.test_articles_story import STORY, texts_of


def test_ads_labels_and_article_tools_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2000s news page sets its article tools and an ad's label in the cells of its
    layout table, around the story's cell; the extractor reads them as the story's (here
    it is made to keep every block). They are not read; the story's own sentences about
    printing are, and so is the rights notice (the references do not agree on it)."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    own = ("The court ruled that the photographs may not be published until the trial ends.",
           "Copyright lawyers said the ruling, printed in full by the court, was the first "
           "of its kind.",
           "The council will print and send a leaflet to every household by email.")
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><table><tr><td><h1>Harbour bridge reopens</h1></td></tr>"
            "<tr><td><a href='/print'>Printer friendly page</a> | <a href='/send'>Send this "
            "article to Friends by E-Mail</a></td></tr><tr><td>Text size: <a>A</a> | <a>A</a>"
            "</td></tr><tr><td>ADVERTISEMENT</td></tr><tr><td>"
            f"<p>{STORY[0]}</p><p>{own[0]}</p><p>{STORY[1]}</p><p>{own[1]}</p><p>{own[2]}</p>"
            f"<p>{STORY[2]}</p></td></tr><tr><td>Copyright © 2008 The Harbour Times. All "
            "rights reserved. This material may not be published, broadcast, rewritten or "
            "redistributed.</td></tr></table></body></html>")
    texts = texts_of(tmp_path, "notices.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert [t for t in texts if t in own] == list(own)
    assert not any(word in t for t in texts for word in (
        "Printer friendly", "Text size", "ADVERTISEMENT"))
    assert any("All rights reserved" in t for t in texts)


@pytest.mark.parametrize(("text", "tools"), [
    ("Printer friendly page \xa0 Send this article to Friends by E-Mail", True),
    ("E-mail this to a friend", True),
    ("text size: A | A | A", True),
    ("Sponsored Links", True),
    ("Order Reprints", True),
    ("Print the leaflet and bring it to the meeting.", False),
    ("Advertising revenue fell by a fifth.", False),
])
def test_a_tool_line_holds_nothing_but_tools_and_labels(text: str, tools: bool) -> None:
    assert tool_line(text) is tools
