"""What a common framework's utility class hides is not read (l10n.articles.utilityclasses)."""

from __future__ import annotations

from pathlib import Path

from l10n.articles import read_article
from l10n.articles.htmldom import markup_text
from tests.conftest import DATA

SITE = DATA / "html" / "site-page.html"
STORY = ("<p>The harbour bridge reopened to traffic on Monday after two years of repairs, and"
         " the first cars crossed it at dawn.</p><p>Cyclists will have to wait until the spring"
         " for the new lane on the eastern side of the bridge.</p>")


def texts(tmp_path: Path, page: str, name: str = "page.html") -> list[str]:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return [markup_text(b.text) for b in read_article(path).blocks]


def test_what_a_frameworks_class_hides_is_not_read(tmp_path: Path) -> None:
    """A CMS's page, read whole: a skip link and a heading for screen readers only, a box
    Bootstrap's ``d-none`` hides, one shown only while the keyboard is on it or only in
    print: not read. What another class shows on wider screens (Bootstrap's ``d-md-block``,
    Tailwind's ``md:block``) or in dark mode is read."""
    page = (
        '<html><body><a class="skip-link screen-reader-text" href="#c">Skip to content</a>'
        '<a class="sr-only focus:not-sr-only" href="#c">Skip to the main story</a>'
        "<h1>The bridge is open again</h1>"
        '<h2 class="visually-hidden">Article content</h2>' + STORY +
        '<div class="d-none"><p>Sign up for our newsletter and never miss a story again.</p>'
        "</div>"
        '<div class="d-none d-print-block"><p>Printed from the website of the Harbour'
        " Times.</p></div>"
        '<div class="d-none d-md-block"><p>The council says the repairs cost forty million'
        " pounds.</p></div>"
        '<p class="hidden md:block">The bridge carries forty thousand cars a day.</p>'
        '<p class="hidden dark:block">It was built in 1932 by the city engineers.</p>'
        '<p class="hidden-xs">Traffic is expected to return to normal within a week.</p>'
        "</body></html>")
    read = texts(tmp_path, page)
    for unseen in ("Skip to", "Article content", "newsletter", "Printed from"):
        assert not any(unseen in t for t in read), unseen
    for shown in ("The council says the repairs cost forty million pounds.",
                  "The bridge carries forty thousand cars a day.",
                  "It was built in 1932 by the city engineers.",
                  "Traffic is expected to return to normal within a week."):
        assert shown in read, shown
    assert any(t.startswith("Cyclists will have to wait") for t in read)


def test_a_sentences_words_for_screen_readers_stay_in_it(tmp_path: Path) -> None:
    """A link's "(opens in a new tab)" inside a sentence does not cut the sentence in two:
    it stays in it, as its markup; a share button's label alone is not read."""
    page = (
        "<html><body><h1>The bridge is open again</h1>" + STORY +
        '<p>Read <a href="/report" target="_blank">the engineers\' report<span class="sr-only">'
        " (opens in a new tab)</span></a> before the vote on Friday.</p>"
        '<ul class="share"><li><a href="/fb"><span class="screen-reader-text">Share on'
        " Facebook</span></a></li></ul></body></html>")
    read = texts(tmp_path, page)
    assert ("Read the engineers' report (opens in a new tab) before the vote on Friday."
            in read)
    assert not any("Share on" in t for t in read)


def test_a_caption_box_a_class_hides_is_not_read(tmp_path: Path) -> None:
    """A site's page (the story found by trafilatura): a photo's caption in a box of class
    ``hidden`` (the site shows it in a lightbox) is not read; the story is."""
    page = SITE.read_text(encoding="utf-8").replace(
        "<p>Commuters who had",
        '<div class="photo"><img src="/img/cars.jpg"><div class="caption hidden"><p>Cars'
        " queue at the toll booths on the western side of the bridge on Monday morning.</p>"
        "</div></div><p>Commuters who had")
    read = texts(tmp_path, page)
    assert not any("queue at the toll booths" in t for t in read)
    assert any(t.startswith("Commuters who had") for t in read)


def test_a_story_a_class_hides_until_a_script_shows_it_is_read(tmp_path: Path) -> None:
    """A page whose story is in an element of class ``hidden`` until a script shows it
    (half of the page's paragraph words or more): read all the same."""
    page = ("<html><body><h1>The bridge is open again</h1>"
            f'<div class="hidden" id="story">{STORY}</div></body></html>')
    read = texts(tmp_path, page)
    assert any(t.startswith("Cyclists will have to wait") for t in read)
