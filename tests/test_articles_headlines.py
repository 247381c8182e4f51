"""Listings of other stories set as rows of their own (:mod:`l10n.articles.headlines`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_articles_story import STORY, TEASERS, texts_of

HEADLINES = ("Ferry operators count the cost", "Councillors approve road budget",
             "Cycle lane opens in the spring")


def _page(rows: int, story_links: bool = False) -> str:
    listing = "".join(
        f"<p class='row'><a href='/news/{n}.html'>{HEADLINES[n]}</a><br>{TEASERS[n]}</p>"
        for n in range(rows))
    own = ("<p><a href='/report.pdf'>The engineers' report</a> found cracks in two of the "
           "girders and said the span could not be repaired in less than two years.</p>"
           if story_links else "")
    return ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div><h1>Harbour bridge reopens</h1><div class='text'>"
            f"<p>{STORY[0]}</p>{own}<p>{STORY[1]}</p><p>{STORY[2]}</p>"
            f"<h3>More in city news</h3>{listing}</div></div></body></html>")


def test_a_listing_of_other_stories_set_as_rows_in_the_story_s_element_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A "More in city news" box sets its rows in the story's element, each a headline
    that is a link on a line of its own, then its summary; the extractor reads the rows
    as the story's paragraphs (here it is made to keep every block). They are not read;
    a story paragraph that opens with a link and runs on after it is."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    texts = texts_of(tmp_path, "rows.html", _page(3, story_links=True))
    assert [t for t in texts if t in STORY] == list(STORY)
    assert any(t.startswith("The engineers' report found cracks") for t in texts)
    assert not any(teaser in t for t in texts for teaser in TEASERS)


def test_two_rows_are_no_listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer than three such rows may be the story's own list of its sources: read."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    texts = texts_of(tmp_path, "two-rows.html", _page(2))
    assert sum(any(teaser in t for teaser in TEASERS) for t in texts) == 2


def test_the_titles_of_boxes_below_the_story_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site sets its boxes' titles as headings, ``<h1>`` too ("Sports", "Links We Like"
    around the story); the extractor reads them, not the boxes' links (here it is made
    to keep every block but the links). A title below the story heads nothing read and
    is not read; one above it stays (it may be the story's); the story's title and its
    subheadings (an ``<h2>`` whose section opens with an
    ``<h3>``, one between its paragraphs that heads nothing) are."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter",
                        lambda text: lambda block, cell: "news" not in block)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    links = "<ul><li><a href='/a'>Ferry news</a></li><li><a href='/b'>Road news</a></li></ul>"
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            f"Home</a></nav><div><h1>National Sports</h1>{links}<h1>Harbour bridge reopens"
            f"</h1><div class='text'><p>{STORY[0]}</p><h2>Tolls</h2><h2>The repairs</h2>"
            f"<h3>Cost</h3><p>{STORY[1]}</p><p>{STORY[2]}</p></div><h1>Links We Like</h1>{links}"
            f"<h2>Sponsored Offers</h2>{links}</div></body></html>")
    texts = texts_of(tmp_path, "boxes.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert "Harbour bridge reopens" in texts and "The repairs" in texts and "Cost" in texts
    assert "Tolls" in texts  # between the story's paragraphs: the story's, empty or not
    assert not any(t in texts for t in ("Links We Like", "Sponsored Offers"))
    # a heading above the story stays: it may be a kicker, a standfirst set as a heading,
    # or the first section's <h1> of a post that sets its sections' headings as its title
    assert "National Sports" in texts


def test_a_page_of_headings_alone_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose text is only headings (an organisation's index page) keeps them all:
    with no other block read, no heading is a box's title."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    page = ("<html><head><title>Harbour Group</title></head><body><nav><a href='/'>Home</a>"
            "</nav><div><h1>What is the Harbour Group?</h1><h2>We are residents who want the "
            "bridge kept open to traffic.</h2><h1>Events</h1><h1>News and analysis</h1>"
            "</div></body></html>")
    texts = texts_of(tmp_path, "headings.html", page)
    assert "Events" in texts and "News and analysis" in texts
