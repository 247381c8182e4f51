"""Where the story of a site's page is, where the extraction libraries get it wrong
(:mod:`l10n.articles.story`, :mod:`l10n.articles.density`): pages written here, each in
the shape of a class of real pages that the libraries misread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from l10n.articles import read_article
from l10n.articles.htmldom import markup_text

STORY = ("The harbour bridge reopened to traffic on Monday morning, two years after engineers "
         "closed it when they found cracks in two of its steel girders.",
         "Commuters who had spent the closure on crowded ferries and long detours queued from "
         "dawn to be among the first to drive across the repaired span.",
         "The city council said the repairs cost 48 million dollars, eleven million more than "
         "planned, because the damage was worse than the first inspection had shown.")
TEASERS = ("Ferry operators count the cost of the reopening as passengers leave them.",
           "Councillors approve a budget of twelve million dollars for road repairs.",
           "A new cycle lane for the eastern side of the bridge opens in the spring.")


def texts_of(tmp_path: Path, name: str, page: str) -> list[str]:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return [markup_text(b.text) for b in read_article(path).blocks]


def test_a_story_set_as_one_run_of_br_lines_is_read_when_the_libraries_miss_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2000s page sets its story as one run of text split by <br><br> in a layout
    table's cell; the libraries read a date line and a teaser of another story instead
    (here they are made to). The page's densest block (the most words, few in links,
    more than twice all they read) is the story's; a menu cell is not read."""
    from l10n.articles import story

    read_by_libraries = ("Tuesday 15th of January 2008", f"Read {TEASERS[0]}")
    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in read_by_libraries))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    menu = "".join(f'<tr><td><a href="/{n}">{name}</a></td></tr>' for n, name in
                   enumerate(["Business", "Entertainment", "Environment", "Health", "Sports"]))
    teasers = "".join(f'<li><a href="/t{n}">Read</a> {text}</li>' for n, text in enumerate(TEASERS))
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><table><tr>"
            f"<td><table>{menu}</table></td><td><div>Tuesday 15th of January 2008</div>"
            "<span class='title'>Harbour bridge reopens</span><br><span class='brief'>"
            + "<br><br>".join(STORY) + f"</span></td><td><ul>{teasers}</ul></td></tr></table>"
            "<script>var a = 1;</script></body></html>")
    texts = texts_of(tmp_path, "brief.html", page)
    assert any("The harbour bridge reopened" in t and "first inspection" in t for t in texts)
    assert not any(t in ("Business", "Health", "Sports") for t in texts)


def test_the_densest_block_is_the_story_when_only_furniture_lines_come_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The libraries read a weather box above the story (short lines) and the site's
    blurb in the footer (two sentences, more than half the story's words), and miss the
    story, one run of <br> lines in a table's cell. It outweighs all they read and no
    sentence they read comes before it: it is the story's (a short story with a longer
    letter after it is not: the test above)."""
    from l10n.articles import story

    weather = ("Halifax, NS", "Overcast", "-5 C", "Feels like -11 C", "Monday January 14, 2008")
    blurb = ("The Coast Times covers the harbour and the city in more depth than any other "
             "newspaper, with news, sports and entertainment every morning of the week.",
             "Contents of this website are copyright of The Coast Times and may not be "
             "reproduced without the written permission of its publisher.")
    read_by_libraries = (*weather, *blurb)
    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in read_by_libraries))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><table><tr>"
            + "".join(f"<td>{w}</td>" for w in weather) + "</tr></table><table><tr><td>"
            "<b>Harbour bridge reopens</b><br>" + "<br><br>".join(STORY)
            + "</td></tr></table><div class='bottom'>"
            + "".join(f"<p>{b}</p>" for b in blurb) + "</div><script>var a = 1;</script>"
            "</body></html>")
    texts = texts_of(tmp_path, "weather.html", page)
    assert any("The harbour bridge reopened" in t and "first inspection" in t for t in texts)


def test_a_page_wrapped_in_a_form_is_read_though_a_script_shown_as_text_outweighs_it(
    tmp_path: Path,
) -> None:
    """An ASP.NET page is one <form> around the story; a page saved with its doctype cut
    into a script shows that script as text, more words than the form holds. The form
    holds the page's paragraphs, so it still wraps the page: its story is read."""
    script = " ".join(f"var tip{n} = document.all ? tipobj : pointerobj;" for n in range(60))
    story = "".join(f"<p>{p}</p>" for p in STORY)
    page = (f"<html><body>{script}<nav><a href='/'>Home</a></nav><form action='/a.aspx'>"
            f"<h1>Harbour bridge reopens</h1><div class='text'>{story}</div></form>"
            "<script>var a = 1;</script></body></html>")
    texts = texts_of(tmp_path, "form.html", page)
    assert "Harbour bridge reopens" in texts
    assert any(t.startswith("The city council said the repairs") for t in texts)


POST = "The bridge is open again, and the view from it is as lovely as ever."


def _page_with_tail() -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    ads = "".join(f"<p class='small'>{line}</p>" for line in (
        "Great car insurance deals online", "Fly to Australia from 662 pounds, stopovers free",
        "Beautiful 4 bedroom property, guide price 725,000"))
    return ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            f"Home</a></nav><div class='main'><h1>Harbour bridge reopens</h1><div>{story}</div>"
            f"<blockquote>{POST}</blockquote><h3>From our advertisers</h3>{ads}"
            "<p class='small'>Copyright 2008 The Coast Times, all rights reserved.</p></div>"
            "</body></html>")


def test_what_the_extractor_keeps_after_the_story_readability_ends_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trafilatura's precise reading keeps, after the story, the lines of the story's
    template below it (advertisers' lines, fine print: here it is made to keep every
    block). readability-lxml's reading (here made to hold the story's paragraphs) ends
    with the story: what comes after it and it does not hold is not read, but for a
    quote (a post the story embeds at its end)."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: block in STORY)
    texts = texts_of(tmp_path, "tail.html", _page_with_tail())
    assert [t for t in texts if t in STORY] == list(STORY)
    assert POST in texts
    assert not any(t.startswith(("Great car", "Fly to", "Beautiful", "Copyright", "From our"))
                   for t in texts)


def test_a_reading_that_holds_less_than_half_of_what_is_read_takes_nothing_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When readability-lxml's reading holds less than half of the words read (it missed
    the story), the blocks after it stay."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: block == STORY[0])
    texts = texts_of(tmp_path, "tail.html", _page_with_tail())
    assert [t for t in texts if t in STORY] == list(STORY)


def test_a_short_story_keeps_out_a_longer_block_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A short story (here the libraries are made to read it) followed by a longer block of
    something else, a reader's letter under the story: the densest block is not the
    story's unless it holds more than twice the words read."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in STORY))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    letter = " ".join(["Dear editor, the ferries were late every morning of the closure, and "
                       "nobody at the council ever answered my letters about the timetable."] * 4)
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><h1>Harbour bridge reopens</h1><div class='story'>"
            + "".join(f"<p>{p}</p>" for p in STORY)
            + f"</div><table><tr><td>{letter}</td></tr></table></body></html>")
    texts = texts_of(tmp_path, "letter.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert not any(t.startswith("Dear editor") for t in texts)


@pytest.mark.parametrize("before", [
    "<div class='storyintro'><p>{lede}</p></div><div class='storybody'>{story}</div>",
    "<table><tr><td><div class='articleBody'>{lede}{story}</div></td></tr></table>",
])
def test_the_lede_right_before_the_first_paragraph_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str
) -> None:
    """trafilatura's precise reading drops a lede set apart (in a summary <div>, or as text
    straight in the story's container before its first <p>: here it is made to); the
    prose sentence right before the story's first paragraph, close to it, is read (in a
    layout table's cell too). A byline or a line of links there is not."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in STORY[1:]))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    lede = STORY[0]
    body = "".join(f"<p>{p}</p>" for p in STORY[1:])
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div class='main'><h1>Harbour bridge reopens</h1><div>By Ann Lee, "
            "city reporter</div>" + before.format(lede=lede, story=body) + "</div></body></html>")
    texts = texts_of(tmp_path, "lede.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert not any(t.startswith("By Ann Lee") for t in texts)
    links = ("<p><a href='/a'>Ferries count the cost</a> and <a href='/b'>the council's "
             "budget for road repairs</a>.</p>")
    texts = texts_of(tmp_path, "links.html", page.replace(f"<p>{lede}</p>", links).replace(
        lede, links))
    assert [t for t in texts if t in STORY] == list(STORY[1:])
    assert not any("Ferries count the cost" in t for t in texts)


def test_the_rest_of_a_paragraph_an_ad_cuts_in_two_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ad's label cuts a paragraph in two ("...said it expected to" | Advertisement |
    "operate all of its flights..."); trafilatura's precise reading keeps the first half
    only (here it is made to, as its story's line). The rest, which starts in lowercase
    right after the ad, is read: put back into its ``<p>`` (one block, the story's as its
    first half is), or, after a first half in a ``<div>``, as a block of its own; the
    ad's label is not, nor is a line in lowercase after a whole sentence, nor a menu's
    links in lowercase after a short line."""
    from l10n.articles import readings, story

    cut = "The airline had said that it expected to"
    rest = "operate all of its long-haul flights from the airport on Friday."
    monkeypatch.setattr(story, "_story_filter", lambda text: readings.story_filter(
        "\n".join((*STORY, cut, "News - Latest"))))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    body = "".join(f"<p>{p}</p>" for p in STORY)
    for tag, read in (("p", [f"{cut} {rest}"]), ("div", [cut, rest])):
        page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href="
                "'/'>Home</a></nav><table><tr><td><div class='articleBody'><div>News - Latest"
                "</div><div><a href='/'>home</a> | <a href='/map'>site map</a> | <a href='/c'>"
                f"contacts</a></div><h1>Harbour bridge reopens</h1>{body}<{tag}>{cut}</{tag}>"
                f"<div class='adHeader'>Advertisement</div>{rest}"
                "<p>more stories from the coast, sent to you every morning</p></div></td></tr>"
                "</table></body></html>")
        texts = texts_of(tmp_path, "cut.html", page)
        assert texts[-len(read):] == read
        assert "Advertisement" not in texts
        assert not any(t.startswith(("more stories", "home")) for t in texts)


def test_what_follows_a_comment_sections_opening_line_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readers' comments in markup that does not name them, which the extractor keeps
    (here it is made to keep every block): the line that opens them ("Comments are now
    closed", "Add your comment") ends what is read. The same word in a share bar above
    the story ("Comments (3)"), or starting a long paragraph of the story, does not."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    said = ["Stephen B. The time has come to stop spending what the city does not have.",
            "Lina. The council should not pay for a bridge that ferries could replace."]
    remark = "Comments made by the mayor on Monday were welcomed by the ferry operators."
    body = "".join(f"<p>{p}</p>" for p in (*STORY, *STORY, remark))
    for opener in ("Comments are now closed for this story", "Add your comment",
                   "Reader views (5)", "What you think...", "Have your say about this article",
                   "The following are comments from the readers. In no way do they represent "
                   "the view of the Harbour Times."):
        page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a "
                "href='/'>Home</a></nav><div><h1>Harbour bridge reopens</h1><p>Comments (3) | "
                f"Print | E-mail</p>{body}<h3>{opener}</h3>"
                + "".join(f"<p>{p}</p>" for p in said) + "</div></body></html>")
        texts = texts_of(tmp_path, "said.html", page)
        assert [t for t in texts if t in STORY] == list(STORY * 2)
        assert remark in texts
        assert not any(t.startswith(("Stephen B", "Lina", opener)) for t in texts)



def test_a_tables_comment_column_does_not_open_a_comment_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A technical post's table of states with a "Comment" column: the header cell is one
    cell of a row of several, not a line that opens readers' comments, so the rest of
    the table and the story's paragraphs after it are read (the extractor is made to
    keep every block). A comment section's own heading still ends what is read."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    rows = [("State", "Timestamp", "Comment"),
            ("enqueued", "enqueued at", "Enqueued again when it has waited too long.")]
    table = "<table><tbody>" + "".join(
        "<tr>" + "".join(f"<td><p>{cell}</p></td>" for cell in row) + "</tr>"
        for row in rows) + "</tbody></table>"
    after = "The consumer polls the store for the tasks that are due every second."
    said = "Lina. The council should not pay for a bridge that ferries could replace."
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a "
            "href='/'>Home</a></nav><div><h1>Harbour bridge reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in STORY * 2) + table + f"<p>{after}</p>"
            f"<h3>Comments</h3><p>{said}</p></div></body></html>")
    texts = texts_of(tmp_path, "table.html", page)
    assert "Comment" in texts and rows[1][2] in texts
    assert after in texts
    assert said not in texts


def test_a_link_to_a_storys_comments_on_another_page_does_not_open_a_comment_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A weekly edition: several stories in one element, each ending with a link to its
    comments on the story's own page ("Comments (5 posted)"). The link leads elsewhere
    (no element of this page has the id its "#Comments" names), so the stories after it
    are read; a link to this page's own comments (an element here has the id) still
    opens them, in a share bar's row of cells too (the extractor is made to keep every
    block)."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    second = ("Ferry operators said on Tuesday that they would keep two of their routes "
              "across the harbour running until the end of the year at least.")
    own = "<div id='comments'></div>"
    bar = ("<table><tr><td><a href='/2008/01/story.aspx#comments'>Comments (5 posted)</a>"
           "</td><td><a href='/send'>Send to a friend</a></td></tr></table>")
    for line, target, read in (
            ("<p><a href='/Articles/637755/#Comments'>Comments (5 posted)</a></p>", "", True),
            ("<p><a href='/Articles/637755/'>Comments (5 posted)</a></p>", "", True),
            ("<p><a href='#comments'>Comments (5 posted)</a></p>", own, False),
            ("<p><a href='/2008/01/story.aspx#comments'>Comments (5 posted)</a></p>", own,
             False),
            (bar, own, False)):
        page = ("<html><head><title>Weekly edition</title></head><body><nav><a href='/'>Home"
                "</a></nav><div><h1>Weekly edition</h1>"
                + "".join(f"<p>{p}</p>" for p in STORY * 2)
                + f"{line}<p>{second}</p>{target}</div></body></html>")
        texts = texts_of(tmp_path, "edition.html", page)
        assert [t for t in texts if t in STORY] == list(STORY * 2)
        assert (second in texts) is read


def test_a_data_table_between_the_storys_paragraphs_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table of figures set between two of the story's paragraphs, in the element that
    holds them (here in a blockquote, its release numbers linked to their notes), which
    the extractor drops (it is made to keep only the paragraphs): a reader reads it with
    the story, so its cells are read. A table of links there (other stories) is not."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in STORY))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    figures = [("Release", "Date"), ("4.2.3", "April 2014"), ("4.3", "July 2014"),
               ("4.4", "January 2015")]
    table = "<blockquote><table>" + "".join(
        "<tr>" + "".join(f"<td><a href='/r/{row[0]}'>{row[0]}</a></td><td>{row[1]}</td>"
                         if n else f"<th>{row[0]}</th><th>{row[1]}</th>") + "</tr>"
        for n, row in enumerate(figures)) + "</table></blockquote>"
    links = "<table>" + "".join(f"<tr><td><a href='/t{n}'>{t}</a></td></tr>"
                                for n, t in enumerate(TEASERS)) + "</table>"
    for inside, read in ((table, True), (links, False)):
        page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a "
                "href='/'>Home</a></nav><div><h1>Harbour bridge reopens</h1><div class='text'>"
                f"<p>{STORY[0]}</p><p>{STORY[1]}</p>{inside}<p>{STORY[2]}</p></div></div>"
                "</body></html>")
        texts = texts_of(tmp_path, "table.html", page)
        assert [t for t in texts if t in STORY] == list(STORY)
        cells = {"Release", "April 2014", "4.3", "January 2015"} if read else set(TEASERS)
        assert (cells <= set(texts)) is read
        assert not (cells & set(texts)) or read

def _story_then(after: str) -> str:
    """A site's page: its title, then the story's paragraphs and ``after`` in one
    element."""
    return ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div><h1>Harbour bridge reopens</h1><div class='text'>"
            + "".join(f"<p>{p}</p>" for p in STORY) + after + "</div></div></body></html>")


def test_comments_and_boxes_whose_class_is_written_in_camel_case_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CMS that names its classes in camel case: comments' paragraphs (``commentOdd``,
    ``commentEven``) and a box of other stories in the story's element (``relatedStories``,
    ``storyShareTools``), whose prose sits where the story's paragraphs sit. The
    extractor keeps the comments (here it is made to keep them and the story, and
    readability-lxml to hold every block); their classes name them as ``comment-odd`` or
    ``related-stories`` would, so they are not read; the story's paragraphs are."""
    from l10n.articles import story

    said = ("I have always been a fan of the ferries, and the bridge was never worth it.",
            "The council should not pay for a bridge that ferries could replace.")
    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in (*STORY, *said)))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    cases = [(f"<p class='commentOdd'>{said[0]}</p><p class='commentEven'>{said[1]}</p>", said)]
    cases += [("".join(f"<div class='{name}'>{t}</div>" for t in TEASERS), TEASERS)
              for name in ("relatedStories", "storyShareTools")]
    for after, unwanted in cases:
        texts = texts_of(tmp_path, "camel.html", _story_then(after))
        assert [t for t in texts if t in STORY] == list(STORY)
        assert not any(t in unwanted for t in texts)


def test_a_line_of_short_links_is_a_menu_not_the_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2000s page's section menu set as a line of short links ("Football | Cricket |
    Rugby Union | ..."), which the extractor keeps (here it is made to keep every
    block), is not read; a story paragraph with a few links in it is."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    menu = " | ".join(f"<a href='/{n}'>{name}</a>" for n, name in enumerate(
        ["Football", "Cricket", "Rugby Union", "Tennis", "Golf"]))
    linked = ("The <a href='/c'>city council</a> said the <a href='/r'>repairs</a> cost 48 "
              "million dollars, as <a href='/e'>engineers</a> and <a href='/f'>ferry "
              "operators</a> had feared.")
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><script>var a = 1;"
            f"</script><p>{menu}</p><h1>Harbour bridge reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in (*STORY, linked)) + "</body></html>")
    texts = texts_of(tmp_path, "menu.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert "The city council said the repairs cost 48 million dollars, as engineers and " \
        "ferry operators had feared." in texts
    assert not any("Football" in t for t in texts)


def test_a_subheading_set_as_a_paragraph_between_two_of_the_storys_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2000s story in a layout table sets its subheadings as paragraphs of two words
    ("RUBINOOS WHO?"), which trafilatura's precise reading drops (here it is made to):
    a line between two paragraphs read, in the element holding both, is read; a line of
    links there, one in an element whose class names furniture, an author's note (longer
    than a subheading) or a copy of a line read is not."""
    from l10n.articles import story

    def once(text: str) -> Callable[[str, bool], bool]:
        taken: set[str] = set()  # the story's lines are read once, as the real test does

        def keep(block: str, cell: bool) -> bool:
            line = " ".join(block.split())
            if line in STORY and line not in taken:
                taken.add(line)
                return True
            return False

        return keep

    monkeypatch.setattr(story, "_story_filter", once)
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    one, two, three = (f"<p>{p}</p>" for p in STORY)
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><table><tr><td><h1>Harbour bridge reopens</h1><div>"
            f"{one}<p>CRACKS FOUND?</p>{two}<p><a href='/a'>More</a> <a href='/b'>news</a></p>"
            f"{three}</div></td></tr></table></body></html>")
    texts = texts_of(tmp_path, "subheads.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert "CRACKS FOUND?" in texts
    assert "More news" not in texts
    texts = texts_of(tmp_path, "promo.html", page.replace(
        "<p>CRACKS FOUND?</p>", "<div class='promo'><p>Subscribe today</p></div>"))
    assert "Subscribe today" not in texts
    note = ("Ann Lee (ann@coast.example) is the city reporter of The Coast Times and writes "
            "about roads.")
    texts = texts_of(tmp_path, "note.html", page.replace("<p>CRACKS FOUND?</p>", f"<p>{note}</p>"))
    assert note not in texts
    texts = texts_of(tmp_path, "copy.html", page.replace(
        "<p><a href='/a'>More</a> <a href='/b'>news</a></p>", "<p>CRACKS FOUND?</p>"))
    assert texts.count("CRACKS FOUND?") == 1


def test_a_paragraph_citing_its_sources_in_links_between_two_of_the_storys_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A science magazine's story cites its sources in links ("have <a>championed fossil
    fuels</a>, called it <a>"the greatest con job"</a> and ..."), more than half of a
    paragraph's words; trafilatura's precise reading drops it (here it is made to) and the
    link-density tests keep it out. A sentence-ending ``<p>`` between two of the story's
    paragraphs, in the element holding them (past a promo box of another story between
    them; the element's class names furniture, as a site may name its story's body
    ``article__teaser``), is read; a line of links there, a paragraph whose own class
    names furniture, and one after the story's last paragraph are not."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in STORY))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    cites = ("The council has <a href='/a'>twice delayed the repairs</a>, called the "
             "cracks <a href='/b'>“a risk nobody could have foreseen”</a> and cut "
             "<a href='/c'>the budget for inspections of the city's other bridges</a> "
             "two years ago.")
    cited = markup_text(cites)
    promo = ("<article class='recommended'><a href='/r'><p>Ferry operators count the cost "
             "of the reopening</p></a></article>")
    one, two, three = (f"<p>{p}</p>" for p in STORY)
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div class='main'><h1>Harbour bridge reopens</h1>"
            f"<div class='article__teaser'>{one}{promo}<p>{cites}</p>{two}{three}</div>"
            "</div></body></html>")
    texts = texts_of(tmp_path, "cites.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert cited in texts
    assert not any(t.startswith("Ferry operators") for t in texts)
    links = ("<p>Read more: <a href='/m'>Ferry operators count the cost of the reopening as "
             "their passengers leave them for the bridge</a>.</p>")
    for other in (links, f"<p class='related'>{cites}</p>"):
        texts = texts_of(tmp_path, "other.html", page.replace(f"<p>{cites}</p>", other))
        assert [t for t in texts if t in STORY] == list(STORY)
        assert not any(t.startswith(("Read more", "The council has")) for t in texts)
    texts = texts_of(tmp_path, "last.html", page.replace(f"<p>{cites}</p>", "").replace(
        three, f"{three}<p>{cites}</p>"))
    assert cited not in texts


def test_the_standfirst_that_is_the_pages_description_is_read_as_the_storys_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary under a headline (a standfirst, a dek: here with no full stop, in the
    header beside the title, apart from the story's paragraphs) is dropped by
    trafilatura's precise reading (here it is made to). When its text is the page's
    description (``<meta name="description">`` or ``og:description``: the page's word
    that it is its summary) or its element's class names it (``dek``, ``standfirst``, a
    CMS's ``article-excerpt``), it is read as a paragraph of the story, after the title;
    a byline there is not."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in STORY))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    dek = "Commuters queue from dawn as the span opens two years after cracks closed it"
    for meta in ("name='description'", "property='og:description'"):
        page = (f"<html><head><title>Harbour bridge reopens</title><meta {meta} "
                f"content='{dek}'></head><body><nav><a href='/'>Home</a></nav><header>"
                f"<h1>Harbour bridge reopens</h1><div class='dek'>{dek}</div><div "
                "class='meta'>By Ann Lee, city reporter at The Coast Times</div></header>"
                "<div class='body'>" + "".join(f"<p>{p}</p>" for p in STORY)
                + "</div></body></html>")
        path = tmp_path / "dek.html"
        path.write_text(page, encoding="utf-8")
        blocks = read_article(path).blocks
        read = [(b.kind, markup_text(b.text)) for b in blocks]
        assert ("description", dek) in read
        assert [t for k, t in read if k == "paragraph"] == [dek, *STORY]
        assert not any(t.startswith("By Ann Lee") for _, t in read)
    other = page.replace(f"content='{dek}'", "content='The bridge reopens.'")
    assert dek not in texts_of(tmp_path, "other.html", other.replace("'dek'", "'note'"))
    # its element's class names it the summary (a CMS's excerpt): read, whatever the meta
    for name in ("dek", "article-excerpt larva", "standfirst"):
        texts = texts_of(tmp_path, "named.html", other.replace("'dek'", f"'{name}'"))
        assert texts.index(dek) < texts.index(STORY[0]), name


def test_the_storys_last_paragraph_in_its_own_template_is_read_where_readability_ends_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CMS sets each paragraph of its story in a template of its own (``<section
    class="content-element"><div class="inline"><p>``), and the last one shares its
    section with the site's line ("sign up for our newsletters", two links);
    readability-lxml drops that section for its links (here it is made to hold the
    other paragraphs only), so its reading ends one paragraph early. The last paragraph,
    a sentence in the template of the paragraphs readability holds, is read; what the
    extractor keeps after it in another template (the site's line, advertisers' lines,
    fine print) is not. Where the story's paragraphs share one wrapper, readability
    judged each of them, and one it does not hold after its end is not read."""
    from l10n.articles import story

    last = ("Engineers will inspect the girders again next spring, and every five years "
            "after that, the council said.")
    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: block in STORY)
    site = ("Our website is your destination for news: <a href='/'>bookmark our homepage</a>"
            " and <a href='/n'>sign up for our newsletters</a>.")
    sections = "".join(
        f"<section class='content-element'><div class='inline'><p>{p}</p>"
        + (f"<div class='proof'>{site}</div>" if p == last else "") + "</div></section>"
        for p in (*STORY, last))
    ads = "".join(f"<p class='small'>{line}</p>" for line in (
        "Great car insurance deals online", "Fly to Australia from 662 pounds, stopovers free."))
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div class='main'><h1>Harbour bridge reopens</h1><div class="
            f"'story'>{sections}</div>{ads}<p class='small'>Copyright 2008 The Coast Times, "
            "all rights reserved.</p></div></body></html>")
    texts = texts_of(tmp_path, "template.html", page)
    assert [t for t in texts if t in (*STORY, last)] == [*STORY, last]
    assert not any(t.startswith(("Great car", "Fly to", "Copyright", "Our website"))
                   for t in texts)
    one = page.replace("</div></section><section class='content-element'><div class='inline'>",
                       "")  # the story's paragraphs in one wrapper: readability judged each
    assert one.count("<section") == 1
    texts = texts_of(tmp_path, "one.html", one)
    assert [t for t in texts if t in (*STORY, last)] == list(STORY)


def test_a_list_set_as_short_paragraphs_of_one_cell_is_read_when_the_story_reads_it_as_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A top-ten list set as one-line paragraphs in a table's cell ("1. Saint John",
    "2. Quebec City"...): trafilatura reads the cell as one line of its story (here its
    story is made to be such a text, matched by the real rules), and a line under 20
    characters is matched only whole, so only the list's longer lines were read. The
    list's lines, joined, are a line of the story: all are read. Short paragraphs of
    another element that the story does not hold (a menu) are not."""
    from l10n.articles import readings, story

    cities = ["1. Saint John", "2. Quebec City", "3. Charlottetown",
              "4, 5. (tied) Moncton, N.B., Kitchener, Ont.", "6. St. John's", "7. Saskatoon"]
    read_as = "\n".join([STORY[0], "| Cities that top the list: |  |", "|---|---|",
                         f"| {' '.join(cities)} |  |", *STORY[1:]])
    monkeypatch.setattr(story, "_story_filter", lambda text: readings.story_filter(read_as))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    one, two, three = (f"<p>{p}</p>" for p in STORY)
    menu = "".join(f"<p>{name}</p>" for name in ("Home", "Saint John", "Quebec City", "Sport"))
    page = ("<html><head><title>Happiest cities</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><div class='side'>{menu}</div><div class='main'><h1>Happiest cities</h1>"
            f"{one}<table><thead><tr><th>Cities that top the list:</th></tr></thead><tbody>"
            "<tr><td>" + "".join(f"<p>{c}</p>" for c in cities) + "</td></tr></tbody>"
            f"</table>{two}{three}</div></body></html>")
    texts = texts_of(tmp_path, "cities.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert [t for t in texts if t in cities] == cities
    assert not any(t in ("Home", "Saint John", "Quebec City", "Sport") for t in texts)



def test_the_rest_of_a_paragraph_an_ad_box_cuts_at_a_name_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newspaper CMS drops its ad box (a ``<div>``) inside a paragraph, here between a
    first and a last name ("... representative here, Tom" | Advertisement | "Koenigs,
    said ..."), in a 2000s layout table's cell. The parser, as a browser, ends the
    ``<p>`` at the ``<div>``: the rest of the paragraph is bare text in the story's
    element, starting with a capital, which trafilatura's precise reading drops (here it
    is made to: its story's line is the first half). It is put back into its ``<p>`` and
    read with it, one sentence; bare text after an ad box that follows a whole sentence
    is not."""
    from l10n.articles import readings, story

    cut = "Meanwhile, the city's chief engineer, Ann"
    rest = "Lee, said the girders would be inspected again in the spring."
    monkeypatch.setattr(story, "_story_filter", lambda text: readings.story_filter(
        "\n".join((*STORY, cut, f"{cut} was here."))))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    one, two, three = (f"<p>{p}</p>" for p in STORY)
    box = ("<div class='articleEmbeddedAdBox'><div class='articleAdHeader'>Advertisement</div>"
           "</div>")
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><table><tr><td class='articleBox'><h1>Harbour bridge reopens</h1>"
            f"<div class='articleBody'>{one}{two}<p>{cut} {box}{rest}{three}</div></td></tr>"
            "</table></body></html>")
    texts = texts_of(tmp_path, "cut.html", page)
    assert texts == ["Harbour bridge reopens", *STORY[:2], f"{cut} {rest}", STORY[2]]
    # a first name alone before the box ("Kobe" | "Bryant scored 37 points ..."): a line of
    # the story too short to tell a paragraph by, which the whole is judged by all the same
    alone = page.replace(f"<p>{cut} {box}", f"<p>Ann {box}")
    monkeypatch.setattr(story, "_story_filter", lambda text: readings.story_filter(
        "\n".join((*STORY, "Ann"))))
    texts = texts_of(tmp_path, "alone.html", alone)
    assert texts == ["Harbour bridge reopens", *STORY[:2], f"Ann {rest}", STORY[2]]
    monkeypatch.setattr(story, "_story_filter", lambda text: readings.story_filter(
        "\n".join((*STORY, cut, f"{cut} was here."))))
    sponsored = "Great car insurance deals online, from 9 dollars a month."
    whole = page.replace(f"<p>{cut} {box}{rest}", f"<p>{cut} was here.{box}{sponsored}")
    texts = texts_of(tmp_path, "whole.html", whole)
    assert sponsored not in texts


VIDEO_CAPTION = ("Engineers explain how they replaced the two cracked girders, filmed on the "
                 "bridge during the repairs last spring.")


def test_a_videos_caption_set_as_a_paragraph_in_a_caption_box_is_read(tmp_path: Path) -> None:
    """A site sets the caption of a video it embeds in the story as a ``<p>`` in a box its
    class names a caption (``<div class="embeddedMediaCaption"><div><p>`` after the
    video's ``<span class="embedded video">``; ``<div class="caption"><p>`` in a
    ``<div class="video">``), not a ``<figcaption>``: the libraries drop it, and the
    caption class reads as furniture. Between the title and the story's last paragraph it
    is the story's caption, as a figcaption there is; the video's title, a link to the
    video's own page, is not read, nor is a photo's caption box (a gallery's), nor a
    caption box after the story."""
    video = ('<div class="video"><a href="/video/1"><img src="/v.jpg" alt=""></a>'
             '<div class="info"><div class="caption"><h4><a href="/video/1">Watch: the '
             f'bridge repairs</a></h4><p>{VIDEO_CAPTION}</p></div></div></div>')
    embedded = ('<p><span class="embedded video" data-vid="2"><img src="/w.jpg" alt="">'
                '</span></p><div class="embeddedMediaCaption"><div><p>The mayor walks across '
                'the bridge with her family after the opening ceremony.</p></div></div>')
    photo = ('<div class="wp-caption"><img src="/p.jpg" alt=""><p class="wp-caption-text">'
             'Image 1 of 8: the bridge closed, in the winter of its first repairs.</p></div>')
    story = (f"<p>{STORY[0]}</p>{video}<p>{STORY[1]}</p>{embedded}{photo}<p>{STORY[2]}</p>")
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            f"Home</a> <a href='/news'>News</a></nav><div class='main'><h1>Harbour bridge "
            f"reopens</h1><div class='body'>{story}</div></div><div class='more'>"
            "<div class='video'><div class='caption'><p>Ferry passengers queue for the last "
            "crossing before the bridge reopens.</p></div></div></div><script>var a = 1;"
            "</script></body></html>")
    texts = texts_of(tmp_path, "video.html", page)
    assert VIDEO_CAPTION in texts
    assert "The mayor walks across the bridge with her family after the opening ceremony." in (
        texts)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert not any(t.startswith(("Watch: the bridge", "Ferry passengers", "Image 1 of 8"))
                   for t in texts)


PHOTO_CAPTIONS = ("The repaired span at dawn on Monday, an hour before the first cars crossed.",
                  "Engineers lower a new steel girder into place during the repairs last spring.",
                  "The mayor cuts the ribbon at the eastern end of the bridge. (Photo: Jane Doe)",
                  "Cyclists wait at the western footpath for the first crossing since 2024.")


def photo_page(story: str, after: str = "") -> str:
    return ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a> <a href='/news'>News</a></nav><div class='main'><h1>Harbour bridge "
            f"reopens</h1><div class='body'>{story}</div>{after}</div><footer><p>About us"
            "</p></footer><script>var a = 1;</script></body></html>")


def test_the_caption_of_the_storys_own_photo_set_as_a_paragraph_is_read(tmp_path: Path) -> None:
    """A site sets the caption of a photo in the story as a ``<p class="caption">``, a
    ``<div class="caption">``, a ``<span class="photo-description">`` or a ``<p
    class="cutline">`` next to the picture, not a ``<figcaption>``: the libraries drop
    it, yet a reader sees it under the picture, in the story. Between the title and the
    story's last paragraph, beside a picture of its own (one, not inside a link), it is
    read as the story's caption (kind ``caption``), its credit with it when they share a
    line."""
    from l10n.model import CAPTION

    photos = (f'<div class="photo"><img src="/p.jpg" alt="The bridge at dawn"><p class="caption">'
              f'{PHOTO_CAPTIONS[0]}</p></div>',
              f'<div class="image"><img src="/q.jpg" alt=""><div class="caption">'
              f'{PHOTO_CAPTIONS[1]}</div></div>',
              f'<div class="pic"><img src="/r.jpg" alt=""><br><span class="photo-description">'
              f'{PHOTO_CAPTIONS[2]}</span></div>')
    beside = (f'<div class="wrap"><img src="/s.jpg" alt=""></div><p class="cutline">'
              f'{PHOTO_CAPTIONS[3]}</p>')  # the picture in the element before its caption
    story = (f"{photos[0]}<p>{STORY[0]}</p>{photos[1]}<p>{STORY[1]}</p>{photos[2]}{beside}"
             f"<p>{STORY[2]}</p>")
    path = tmp_path / "photos.html"
    path.write_text(photo_page(story), encoding="utf-8")
    read = [(b.kind, markup_text(b.text)) for b in read_article(path).blocks]
    for caption in PHOTO_CAPTIONS:
        assert (CAPTION, caption) in read, caption
    assert ("alt", "The bridge at dawn") in read
    assert [t for _, t in read if t in STORY] == list(STORY)


def test_a_wikis_thumbnail_caption_is_read(tmp_path: Path) -> None:
    """MediaWiki (Wikipedia, a wiki farm's pages) sets each picture of an article as a
    thumbnail: ``<div class="thumb"><div class="thumbinner"><a class="image"><img></a>
    <div class="thumbcaption"><div class="magnify"><a></a></div>Caption</div>``. The
    libraries drop most of them; the caption is the story's, read as a ``caption``."""
    from l10n.model import CAPTION

    thumbs = [f'<div class="thumb tright"><div class="thumbinner"><a href="/wiki/File:{n}.jpg" '
              f'class="image"><img alt="" src="/{n}.jpg" class="thumbimage"></a><div '
              f'class="thumbcaption"><div class="magnify"><a href="/wiki/File:{n}.jpg" '
              f'class="internal" title="Enlarge"></a></div>{caption}</div></div></div>'
              for n, caption in enumerate(PHOTO_CAPTIONS[:2])]
    story = f"<p>{STORY[0]}</p>{thumbs[0]}<p>{STORY[1]}</p>{thumbs[1]}<p>{STORY[2]}</p>"
    path = tmp_path / "wiki.html"
    path.write_text(photo_page(story), encoding="utf-8")
    read = [(b.kind, markup_text(b.text)) for b in read_article(path).blocks]
    for caption in PHOTO_CAPTIONS[:2]:
        assert (CAPTION, caption) in read, caption
    assert [t for _, t in read if t in STORY] == list(STORY)


def test_a_photos_caption_in_a_story_set_as_a_list_of_points_is_read(tmp_path: Path) -> None:
    """A newsletter's post is a list of points, no paragraph, and shows its pictures in
    its items: ``<li><div class="wp-caption"><img><p class="wp-caption-text">``. The
    caption, a list item's run by its nearest block, is read as the story's caption when
    it sits between the title and the story's last point, as between paragraphs, in a
    list nested in a point. A picture's caption after the story's last point (another
    post's teaser) is not read, nor is a slideshow set as a list of its own above the
    points (its first slide, an item; a script loads the others)."""
    from l10n.model import CAPTION

    def photo(n: int) -> str:
        return (f'<div class="wp-caption"><a href="/p{n}.png"><img src="/p{n}.png" alt="">'
                f'</a><p class="wp-caption-text">{PHOTO_CAPTIONS[n]}</p></div>')

    slides = (f'<ul class="resgallery"><li><img src="/s.jpg" alt=""><div class="caption">'
              f"{PHOTO_CAPTIONS[2]}</div></li></ul>")
    points = (f"{slides}<ul><li>{STORY[0]}<ul><li>{photo(0)}</li></ul></li><li>{STORY[1]}</li>"
              f"<li>{STORY[2]}<ul><li>{photo(1)}</li></ul></li><li>{TEASERS[2]}</li></ul>")
    after = f'<div class="next"><ul><li>{photo(3)}</li></ul></div>'
    path = tmp_path / "points.html"
    path.write_text(photo_page(points, after=after), encoding="utf-8")
    read = [(b.kind, markup_text(b.text)) for b in read_article(path).blocks]
    assert (CAPTION, PHOTO_CAPTIONS[0]) in read
    assert (CAPTION, PHOTO_CAPTIONS[1]) in read
    assert not any(PHOTO_CAPTIONS[3] in t or PHOTO_CAPTIONS[2] in t for _, t in read), read
    assert [t for _, t in read if t in STORY] == list(STORY)


def test_a_photos_caption_in_a_layout_tables_story_is_read(tmp_path: Path) -> None:
    """A 2000s site lays its page out in a table: the story's paragraphs are runs of a
    cell (kind ``table-cell``), and so is the caption under the story's picture, a ``<div
    class="caption">``. Between the title and the story's last paragraph, beside a
    picture of its own, it is the story's caption, as on a page laid out in ``<div>``s;
    a caption in the menu's cell, before the title, is not."""
    from l10n.model import CAPTION

    menu = "".join(f'<p><a href="/{n}">{name}</a></p>' for n, name in
                   enumerate(["Business", "Entertainment", "Health", "Sports"]))
    teaser = (f'<div class="promo"><img src="/t.jpg" alt=""><div class="caption">{TEASERS[0]}'
              "</div></div>")
    photo = (f'<div class="photo"><img src="/p.jpg" alt=""><div class="caption">'
             f"{PHOTO_CAPTIONS[0]}</div></div>")
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            f"Home</a></nav><table><tr><td>{menu}{teaser}</td><td><h1>Harbour bridge reopens"
            f"</h1>{photo}{paragraphs}</td></tr></table><footer><p>About us</p></footer>"
            "</body></html>")
    path = tmp_path / "layout.html"
    path.write_text(page, encoding="utf-8")
    read = [(b.kind, markup_text(b.text)) for b in read_article(path).blocks]
    assert (CAPTION, PHOTO_CAPTIONS[0]) in read, read
    assert not any(TEASERS[0] in t for _, t in read), read
    assert [t for _, t in read if t in STORY] == list(STORY)


def test_the_sub_points_of_a_storys_list_item_are_read_links_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newsletter's post is a list of points; a point names the work in progress as a
    list nested in its item, each sub-point a link to its bug ("In progress:" then
    ``<ul><li><a>Bug 1677080 – Fullscreen window...</a>``). The extractor drops them (all
    link; here it is made to keep the points alone): a point's sub-points of four words
    or more are the story's, links or not. A menu's sub-menu is not read, even when the
    extractor keeps the menu's item: that item is a link ("Football"), and its sub-items
    are one to three words ("A-League", "English Premier League")."""
    from l10n.articles import story

    bugs = ("Bug 1677080 – Fullscreen window is affected by switching video source",
            "Bug 1677107 – Add telemetry for tracking multiple window usage")
    kept = (*STORY, "Football", "Sport")
    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: block in kept)
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    nested = "".join(f'<li><a href="https://bugs.example.org/{n}">{bug}</a></li>'
                     for n, bug in enumerate(bugs))
    menu = ('<div class="links"><ul><li><a href="/football">Football</a><ul><li><a href="/a">'
            'A-League</a></li><li><a href="/epl">English Premier League</a></li></ul></li>'
            '<li><a href="/sport">Sport</a><ul><li><a href="/s/city">City news and council '
            'reports</a></li></ul></li></ul></div>')
    page = ("<html><head><title>Harbour bridge reopens</title></head><body>"
            f"{menu}<div class='main'><h1>Harbour bridge reopens</h1><ul><li>{STORY[0]}</li>"
            f"<li>{STORY[1]}<ul>{nested}</ul></li><li>{STORY[2]}</li></ul></div>"
            "<footer><p>About us</p></footer></body></html>")
    texts = texts_of(tmp_path, "points.html", page)
    assert [t for t in texts if t in (*STORY, *bugs)] == [STORY[0], STORY[1], *bugs, STORY[2]]
    assert not any(t in ("A-League", "English Premier League") or "council reports" in t
                   for t in texts), texts


def test_captions_of_other_stories_galleries_and_credits_are_not_read(tmp_path: Path) -> None:
    """What is not the caption of a picture the story shows is not read, however its
    class names a caption: a related story's (in a box its class names related stories,
    or its picture a link to the other story) between the story's paragraphs; a gallery's
    after the story, or between its paragraphs (a box of many pictures: a slideshow
    shows one at a time, and its counter, "Image 1 of 8", says so); a credit alone
    ("Photo: Harbour Times"). (A credit in an element of its own beside the caption,
    ``<p class="credit">``, is trafilatura's to keep or drop; its caption is read.)"""
    related = (f'<div class="related-stories"><img src="/t.jpg" alt=""><p class="caption">'
               f'{TEASERS[0]}</p></div><div class="box"><a href="/tolls"><img src="/u.jpg" '
               'alt=""></a><p class="caption">Drivers will pay two dollars a crossing until '
               'the end of the year.</p></div>')
    slides = "".join(f'<div class="slide"><img src="/g{n}.jpg" alt=""><p class="caption">{t}</p>'
                     "</div>" for n, t in enumerate(TEASERS[1:]))
    inside = ('<div class="pictures"><img src="/s1.jpg" alt=""><img src="/s2.jpg" alt="">'
              '<p class="caption">Workers paint the railings of the bridge in the autumn.</p>'
              '</div>')
    counter = ('<div class="photo"><img src="/n.jpg" alt=""><p class="caption">Image 1 of 8: the '
               'bridge closed, in the winter of its first repairs.</p></div>')
    credits = ('<div class="photo"><img src="/c.jpg" alt=""><p class="caption">Photo: Harbour '
               'Times</p></div><div class="photo"><img src="/d.jpg" alt=""><p class="caption">'
               f'{PHOTO_CAPTIONS[0]}</p><p class="credit">Jane Doe for the Harbour Times, '
               'all rights reserved</p></div>')
    story = (f"<p>{STORY[0]}</p>{related}{inside}<p>{STORY[1]}</p>{counter}{credits}"
             f"<p>{STORY[2]}</p>")
    texts = texts_of(tmp_path, "others.html", photo_page(
        story, after=f"<div class='gallery'>{slides}</div>"))
    assert [t for t in texts if t in STORY] == list(STORY)
    assert PHOTO_CAPTIONS[0] in texts  # the story's own photo, its credit apart
    assert not any(t in TEASERS or t.startswith((
        "Drivers will pay", "Workers paint", "Image 1 of 8", "Photo: Harbour"))
                   for t in texts), texts


def test_a_list_in_the_storys_own_element_is_read_where_the_extractor_drops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fact box at a story's end, set in the story's own element: a list of points, or
    ``<li>`` lines with no list around them (a 2000s CMS's markup, which the parser, as a
    browser, puts straight in the story's element); trafilatura's precise reading drops
    them (here it is made to keep the story's paragraphs alone). They are read; a list of
    links there (related stories), a list outside the story's element (a sidebar's) and
    a one-word item ("Share") are not."""
    from l10n.articles import story

    facts = ("The bridge carries 60,000 vehicles a day across the harbour.",
             "It was opened in 1932 and last repaired in 1998.")
    points = ("Tolls stay at two dollars until the end of the year.",
              "Cyclists may use the western footpath from April.")
    side = ("Harbour ferries will keep their winter timetable.",
            "The council meets next Tuesday to set the budget.")
    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: block in STORY)
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: block in (
        *STORY, *facts, *points))
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    lone = "".join(f"<li> {fact}</p><p>" for fact in facts)
    listing = "".join(f"<li>{point}</li>" for point in points)
    related = "".join(f"<li><a href='/{n}'>{t}</a></li>" for n, t in enumerate(TEASERS))
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div class='main'><h1>Harbour bridge reopens</h1><div class='text'>"
            f"{paragraphs}<ul>{listing}<li>Share</li></ul><ul>{related}</ul>"
            f"<p><b>The facts</b><br><br>{lone}</div><div class='box'><ul>"
            + "".join(f"<li>{s}</li>" for s in side) + "</ul></div></div></body></html>")
    texts = texts_of(tmp_path, "facts.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert [t for t in texts if t in facts + points] == [*points, *facts]
    assert not any(t in (*side, *TEASERS, "Share") for t in texts)


def test_an_epigraph_right_before_the_first_paragraph_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review opens with an epigraph: a quote in a ``<blockquote>`` right before the
    story's first paragraph, ending with its source rather than a sentence's end, which
    trafilatura's precise reading drops (here it is made to keep the story's paragraphs
    alone). It is read; a short quote there (a slogan, under six words) is not."""
    from l10n.articles import story

    epigraph = ("I can't imagine what it was like for the people who crossed it every day. "
                "-- A ferry captain, to the harbour board, 3 October 2000")
    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: block in STORY)
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    body = "".join(f"<p>{p}</p>" for p in STORY)
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div class='main'><h1>Harbour bridge reopens</h1>"
            f"<blockquote><p>{epigraph}</p></blockquote>{body}</div></body></html>")
    texts = texts_of(tmp_path, "epigraph.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert epigraph in texts
    texts = texts_of(tmp_path, "slogan.html", page.replace(epigraph, "Cross it, love it"))
    assert "Cross it, love it" not in texts


def test_a_slideshow_whose_slides_have_headlines_of_their_own_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A box of pictures in the story's element, each slide counted ("1/4") with a
    headline and a caption of its own: another story set in pictures ("Business news in
    pictures"), which the extractor reads as a list of the story's (here it is made to
    keep every block). Its title, headlines and captions are not read; the story around
    it is, and so is a list of the story's own points, each with a heading but no count."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    slides = [("Ferry fares rise", "Operators raised fares by a tenth after the bridge reopened."),
              ("Port sold", "The port was sold to a pension fund for 300 million dollars."),
              ("Rail strike", "Train drivers walked out for a day over a pay offer of 2 %."),
              ("Airline merger", "Two regional airlines agreed to merge and keep both brands.")]
    show = ("<div class='gallery'><h2 class='gallery-title'>Business news in pictures</h2>"
            "<ul class='slides'>" + "".join(
                f"<li><h2><span class='counter'>{n}/{len(slides)}</span> {head}</h2><p>{text}"
                "</p><p class='credits'>GETTY IMAGES</p></li>"
                for n, (head, text) in enumerate(slides, 1)) + "</ul></div>")
    points = ("<ol>" + "".join(f"<li><h3>Step {n}: what the engineers did</h3><p>{text}</p></li>"
                               for n, text in enumerate(STORY, 1)) + "</ol>")
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div><h1>Harbour bridge reopens</h1><div class='text'>"
            f"<p>{STORY[0]}</p>{show}<p>{STORY[1]}</p>{points}<p>{STORY[2]}</p>"
            "</div></div></body></html>")
    texts = texts_of(tmp_path, "slides.html", page)
    assert [t for t in texts if t in STORY] == [STORY[0], STORY[1], *STORY, STORY[2]]
    assert "Step 2: what the engineers did" in texts
    assert not any(head in t or text in t for head, text in slides for t in texts)
    assert "Business news in pictures" not in texts
    assert "GETTY IMAGES" not in texts


def test_a_subheading_that_is_a_permalink_to_itself_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blog's generator makes each subheading a link to its own anchor (``<h2
    id="x"><a class="toclink" href="#x">``: a permalink); trafilatura drops the heading
    (here it is made to) and the link tests took it for a teaser's headline. A link to
    its own place is no link to another story: the subheading between the story's
    paragraphs is read. A subheading that links to another page, and the table of
    contents' links to the subheadings, are not."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in STORY))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    one, two, three = (f"<p>{p}</p>" for p in STORY)
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><main><article><h1>Harbour bridge reopens</h1><ul class='toc'>"
            "<li><a href='#cracks'>Cracks in the girders</a></li><li><a href='#cost'>What the "
            "repairs cost</a></li></ul>"
            f"{one}<h2 id='cracks'><a class='toclink' href='#cracks'>Cracks in the girders</a>"
            f"</h2>{two}<section id='cost'><h2><a href='#cost'>What the repairs cost</a></h2>"
            f"{three}</section></article></main></body></html>")
    texts = texts_of(tmp_path, "permalinks.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert texts.count("Cracks in the girders") == 1
    assert texts.count("What the repairs cost") == 1
    assert texts.index("Cracks in the girders") == texts.index(STORY[0]) + 1
    texts = texts_of(tmp_path, "elsewhere.html", page.replace(
        "href='#cracks'>Cracks", "href='/ferries'>Cracks"))
    assert "Cracks in the girders" not in texts


def _site_page(story: str, wrapper: str = "<div class='page'>") -> str:
    """A news site's page: a menu, the story under its headline, a footer, scripts."""
    menu = "".join(f"<li><a href='/{n}'>{n.title()}</a></li>" for n in ("news", "sport", "life"))
    return (f"<html><head><title>Harbour bridge reopens</title></head><body>{wrapper}"
            f"<header><nav><ul>{menu}</ul></nav></header><main><h1>Harbour bridge reopens</h1>"
            f"{story}</main><footer><p>Copyright The Coast Times</p></footer></div>"
            "<script>document.querySelector('.page').style.display = 'block';</script>"
            "</body></html>")


def test_a_story_written_with_soft_hyphens_is_read_as_words_without_them(
    tmp_path: Path,
) -> None:
    """A CMS hyphenates every word with soft hyphens (``&shy;`` and U+00AD: hints where a
    line may break, invisible otherwise); the extraction library drops them, so no block
    of the page matched its story and the page was refused. They are no part of a word:
    read without them, in the text and in an image's alt."""
    hyphenated = [p.replace("harbour", "har&shy;bour").replace("engineers", "en\u00adgi\u00adneers")
                  .replace("council", "coun&#173;cil") for p in STORY]
    story = "".join(f"<p>{p}</p>" for p in hyphenated) + (
        "<img src='b.jpg' alt='The re\u00adopened bridge at dawn'>")
    texts = texts_of(tmp_path, "shy.html", _site_page(story))
    assert texts[texts.index("Harbour bridge reopens") + 1:][:3] == list(STORY)
    assert "The reopened bridge at dawn" in texts
    assert not any("\u00ad" in t for t in texts)


def test_a_page_an_inline_style_hides_whole_until_a_script_shows_it_is_read(
    tmp_path: Path,
) -> None:
    """A page wraps everything in ``<div style="display: none">`` that its script shows
    once loaded (an anti-flicker wrapper): a browser shows the story, so it is read; a
    hidden copy of the story beside the shown one (for search engines) is not read twice,
    and a hidden box inside the page stays hidden."""
    story = "".join(f"<p>{p}</p>" for p in STORY) + (
        "<div style='display:none'><p>Subscribe to read the rest of our stories today.</p></div>")
    texts = texts_of(tmp_path, "wrapped.html",
                     _site_page(story, "<div class='page' style='display: none;'>"))
    assert [t for t in texts if t in STORY] == list(STORY)
    assert "Subscribe to read the rest of our stories today." not in texts
    copy = "".join(f"<p>{p}</p>" for p in STORY)
    twice = _site_page(copy + f"<div style='display:none'>{copy}</div>")
    assert [t for t in texts_of(tmp_path, "copy.html", twice) if t in STORY] == list(STORY)


def test_section_headings_set_as_h1_like_the_title_are_read(tmp_path: Path) -> None:
    """A Medium post sets its sections' headings as ``<h1>``, as its title: the first
    section's heading and the title both come before the story's first paragraph. The
    title is the first ``<h1>``; every heading with its section's paragraphs is read."""
    story = ("<div class='byline'><a href='/@ann'>Ann Lee</a></div><h1>Why it matters</h1>"
             + "".join(f"<p>{p}</p>" for p in STORY[:2]) + "<h1>What comes next</h1>"
             f"<p>{STORY[2]}</p>")
    texts = texts_of(tmp_path, "medium.html", _site_page(story))
    assert texts.index("Harbour bridge reopens") < texts.index("Why it matters") < texts.index(
        STORY[0]) < texts.index("What comes next") < texts.index(STORY[2])


def test_the_photos_captions_of_a_news_agencys_item_pasted_in_the_page_are_read(
        tmp_path: Path) -> None:
    """A site pastes a news agency's item as it came (IPTC NewsML: ``<NewsItem>``,
    ``<NewsComponent>``, ``<DataContent><p>``) into its page, and browsers show the text of
    its elements: the story's paragraphs, then each photo's component, its headline and
    its caption (a ``<NewsComponent>`` that holds a ``<MediaType FormalName="Photo">``),
    after the story's last paragraph. They are the story's photos' captions, read as
    captions; the item's codes and the site's sidebar are not."""
    from l10n.model import CAPTION

    paragraphs = "".join(f"<p>{p}</p>" for p in STORY + (
        "Drivers praised the smoother road surface, though some complained that the new "
        "speed limit of forty kilometres an hour was too low for a bridge of its size.",
        "The engineers said they would inspect the girders every six months from now on, "
        "and that sensors fitted during the repairs would warn them of any new cracks."))
    head, caption = PHOTO_CAPTIONS[:2]
    photo = (f'<NewsComponent Duid="photo0"><NewsLines><HeadLine>{head}</HeadLine>'
             '</NewsLines><NewsComponent><Role FormalName="Caption" /><ContentItem>'
             f'<MediaType FormalName="Text" /><DataContent><p>{caption}</p></DataContent>'
             '</ContentItem></NewsComponent><NewsComponent><Role FormalName="Thumbnail" />'
             '<ContentItem Href="p0.jpg"><MediaType FormalName="Photo" /></ContentItem>'
             "</NewsComponent></NewsComponent>")
    item = ('<span id="Label1"><NewsML><NewsItem><Identification><NewsIdentifier>'
            "<ProviderId>agency.example</ProviderId><DateId>20080118</DateId>"
            "</NewsIdentifier></Identification><NewsComponent><NewsLines>"
            "<HeadLine>Harbour bridge reopens</HeadLine><ByLine>by Jane Doe</ByLine>"
            "</NewsLines><NewsComponent><ContentItem><MediaType FormalName=\"Text\" />"
            f"<DataContent>{paragraphs}</DataContent></ContentItem></NewsComponent>{photo}"
            "</NewsComponent></NewsItem></NewsML></span>")
    side = "".join(f'<tr><td><p><a href="/{n}">{t}</a></p></td></tr>'
                   for n, t in enumerate(TEASERS))
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><table><tr><td>"
            '<nav><a href="/">Home</a> <a href="/news">News</a></nav></td></tr><tr><td>'
            f"<h1>Harbour bridge reopens</h1>{item}</td><td><table><tr><td><b>World news</b></td>"
            f"</tr>{side}</table></td></tr>"
            "</table><footer><p>About us</p></footer></body></html>")
    path = tmp_path / "agency.html"
    path.write_text(page, encoding="utf-8")
    read = [(b.kind, markup_text(b.text)) for b in read_article(path).blocks]
    assert (CAPTION, PHOTO_CAPTIONS[0]) in read, read
    assert (CAPTION, PHOTO_CAPTIONS[1]) in read, read
    assert not any("20080118" in t or "agency.example" in t for _, t in read), read
    assert not any(TEASERS[0] in t for _, t in read), read


def test_a_story_whose_headline_and_lede_sit_in_an_article_of_their_own_is_read_whole(
    tmp_path: Path,
) -> None:
    """A CMS sets each content element as an ``<article>``: the headline and the lede in
    one, the story's body in the next (beside it, or inside the page's wrapper article).
    The body's article, holding most of the story's paragraph words, is the story's,
    not another story's teaser; teasers after it (an ``<article>`` each) still are not."""
    body = "".join(f"<p>{text}</p>" for text in STORY) + (
        "<p>The mayor said the bridge would be inspected every six months from now on,"
        " and that the council would publish each report in full on its website.</p>")
    teaser = ('<article class="teaser"><h3><a href="/t">Tide tables for the winter</a></h3>'
              "<p>The winter tides will be higher than usual this year.</p></article>")
    page = (
        "<html><head><title>Harbour bridge reopens</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><section>'
        '<article id="c1"><div class="stage"><h1>Harbour bridge reopens after two years</h1>'
        "<p>Two years of repairs are over: the bridge carries traffic again.</p></div></article>"
        f'<div class="content"><article class="text">{body}</article></div>{teaser}'
        "</section><footer><p>The Coast Times</p></footer></body></html>")
    texts = texts_of(tmp_path, "split.html", page)
    assert all(any(t.startswith(s[:40]) for t in texts) for s in STORY)
    assert any(t.startswith("The mayor said the bridge") for t in texts)
    assert not any("winter tides" in t for t in texts)


def test_a_forum_threads_opening_post_marked_as_its_replies_are_is_read(
    tmp_path: Path,
) -> None:
    """A forum's thread sets its opening post in the same comment markup as the replies
    (``div.postComment`` each): the first is the story, the replies are not read; on a
    story's page, comments after the story are still not read."""
    posts = [("Since the update my phone no longer opens the app store over mobile data,"
              " only over wifi. Every other app works over LTE, the browser too. I switched"
              " the phone off and on with other settings several times. Any idea what to"
              " change? It happens on every device I have, the tablets as well."),
             ("I can open the store over mobile data with the same version here, so it is"
              " not the update itself. Check the settings of the store under mobile data."),
             ("There was a thread like this last month: resetting the network settings"
              " fixed it for the person who asked, though it took a restart as well.")]
    thread = "".join(f'<div class="postComment"><div class="postCommentText"><p>{text}</p>'
                     f"</div></div>" for text in posts)
    page = ("<html><head><title>No app store over mobile data</title></head><body>"
            '<header><nav><a href="/">Forum</a> <a href="/iphone">iPhone</a></nav></header>'
            f"<main><h1>No app store over mobile data</h1>{thread}</main>"
            "<footer><p>The Forum</p></footer></body></html>")
    texts = texts_of(tmp_path, "thread.html", page)
    assert posts[0] in texts
    assert posts[1] not in texts and posts[2] not in texts
    story = "".join(f"<p>{text}</p>" for text in STORY)
    page = page.replace("<h1>No app", f"<h1>Bridge</h1>{story}<h2>No app")
    texts = texts_of(tmp_path, "story.html", page)
    assert all(text in texts for text in STORY) and posts[0] not in texts
