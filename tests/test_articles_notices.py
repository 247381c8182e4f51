"""The site's rights notices, ads' labels and article tools set among the story's blocks
(:mod:`l10n.articles.notices`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.articles.notices import rights_notice, tool_line
from tests.test_articles_story import STORY, texts_of


def test_rights_notices_ads_labels_and_article_tools_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2000s news page sets its article tools, an ad's label and its rights notice in
    the cells of its layout table, around the story's cell; the extractor reads them as
    the story's (here it is made to keep every block). They are not read; the story's
    own sentences about copyright and printing are."""
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
        "Printer friendly", "Text size", "ADVERTISEMENT", "All rights reserved"))


@pytest.mark.parametrize(("text", "notice"), [
    ("© 2007 United Press International. All Rights Reserved. This material may not be "
     "reproduced, redistributed, or manipulated in any form.", True),
    ("The copying, republication or redistribution of AFX News Content, including by "
     "framing or similar means, is expressly prohibited without the prior written consent "
     "of AFX News.", True),
    ("Reproduction in whole or in part without permission is prohibited. Copyright © 2008 "
     "NY1 News.", True),
    ("© Times Colonist (Victoria) 2008", True),
    ("© John Brecher Needle poking skin during a flu shot at a community health center in "
     "Washington.", False),  # a caption, its credit first
    ("The names of the victims may not be published, the judge ruled.", False),
    ("The book was published, distributed and sold in forty countries.", False),
    ("Copyright law in Europe changed in 2019, when the directive was adopted.", False),
    ('"All rights reserved," the label\'s lawyer wrote on every copy, the court heard.', False),
])
def test_a_rights_notice_forbids_copying_as_a_site_does(text: str, notice: bool) -> None:
    assert rights_notice(text) is notice


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


def test_a_rights_notice_in_the_story_s_element_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wire story's notice set under its last paragraph, in the story's element, is the
    copy as the site publishes it (its ``articleBody`` holds it): read."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    notice = "Copyright 2019 Harbour News Now. All rights reserved."
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div><h1>Harbour bridge reopens</h1><div class='text'>"
            f"<p>{STORY[0]}</p><p>{STORY[1]}</p><p>{STORY[2]}</p><p>{notice}</p></div></div>"
            "</body></html>")
    assert notice in texts_of(tmp_path, "notice-in-story.html", page)
