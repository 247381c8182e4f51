"""The site's appeals to its readers set in the story (:mod:`l10n.articles.appeals`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.articles.appeals import appeal
from tests.test_articles_story import STORY, texts_of


def test_the_site_s_appeals_to_subscribe_or_follow_it_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A news site writes its appeals into the story's element, in the story's shape: a
    newsletter box between two paragraphs, a paywall's line and its social accounts at
    the end; the extractor reads them as paragraphs (here it is made to keep every
    block). They are not read; the story's own sentences about subscriptions are."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    own = ("Ferry operators said they had lost 20,000 subscribers to their season tickets "
           "during the closure.",
           "We subscribe to the view that the bridge should have been inspected sooner, the "
           "council's auditor wrote.",
           '"Please subscribe to our channel for the latest traffic news," the council\'s '
           "video ends.")
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div><h1>Harbour bridge reopens</h1><div class='text'>"
            f"<p>{STORY[0]}</p><h3>Sign up for the Harbour Times newsletter</h3>"
            "<p>Never miss the latest news by signing up to our newsletter today!</p>"
            f"<p>{STORY[1]}</p><p>{own[0]}</p><p>{own[1]}</p><p>{own[2]}</p><p>{STORY[2]}</p>"
            "<p>Subscribe now to our <a href='/e'>digital edition</a> for the full story.</p>"
            "<p><strong>Follow the Harbour Times on Twitter and Instagram @HarbourTimes. Send "
            "us a message at <a href='mailto:news@example.com'>news@example.com</a></strong>"
            "</p></div></div></body></html>")
    texts = texts_of(tmp_path, "appeals.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert [t for t in texts if t in own] == list(own)
    assert not any("newsletter" in t or "Subscribe now" in t or "Follow the" in t
                   for t in texts)


@pytest.mark.parametrize(("text", "asked"), [
    ("Submit your letter to the editor via this form. Read more Letters to the Editor.", True),
    ("Get The Times of Israel's Daily Edition by email and never miss our top stories "
     "Free Sign Up", True),
    ("To view the full story, please subscribe to The Haitian Times.", True),
    ("Netflix lost 200,000 subscribers in the first quarter, its first fall in a decade.",
     False),
    ("Readers who sign up before Friday get a discount, the company said in an email.", False),
    ("A spokesman told us the subscription price would rise in March.", False),
    ("We need a subscription model for local news, not another newsletter.", False),
    ("Email Tariq Malik or follow us on Twitter and Facebook.", True),
    ("We'd like to hear what you think: write a letter to the editor.", True),
    ("We want to hear what you think about this article. Submit a letter to the editor.",
     True),
])
def test_an_appeal_names_an_offer_and_asks_for_it_as_the_site(text: str, asked: bool) -> None:
    assert appeal(text) is asked


def test_an_appeal_in_a_layout_table_s_cell_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2000s page sets its appeals in the cells of its layout table beside the story's
    cell; the extractor reads them (here it is made to keep every block)."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><table><tr><td><h1>Harbour bridge reopens</h1></td></tr><tr><td>"
            "Click here for free Newsletter subscription!</td></tr><tr><td>"
            f"<p>{STORY[0]}</p><p>{STORY[1]}</p><p>{STORY[2]}</p></td><td>Follow the Harbour "
            "Times on Twitter and Facebook</td></tr></table></body></html>")
    texts = texts_of(tmp_path, "appeal-cells.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert not any("Newsletter" in t or "Follow the" in t for t in texts)
