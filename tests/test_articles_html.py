"""HTML articles: the page a CMS exports, read into blocks of inline markup."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.articles import read_article
from l10n.articles.html import CAPTION, CELL, RAW
from l10n.articles.htmldom import (
    escape_text,
    inner_markup,
    markup_text,
    parse_fragment,
    text_content,
)
from l10n.errors import ArticleError
from l10n.model import (
    ALT,
    BYLINE,
    CODE,
    DESCRIPTION,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    TABLE_HEADER,
    TITLE,
)
from l10n.text.protect import mask
from l10n.text.segment import segment_article
from tests.cli_helpers import run_l10n
from tests.conftest import DATA

CMS = DATA / "html" / "cms-article.html"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_cms_export_blocks_kinds_lines_and_metadata() -> None:
    article = read_article(CMS)
    assert article.format == "html" and article.slug == "cms-article"
    assert article.title == "Samsung and Hyundai join Nvidia\u2019s AI alliance"  # &#8217; decoded
    assert article.author == "Kim Min-ji, Staff Reporter"
    assert article.published is not None and article.published.isoformat() == (
        "2025-11-02T06:24:39+09:00"
    )
    assert article.lang == "en"  # <html lang="en-US"> is the configured source language
    kinds = [(b.kind, b.level, b.ordered, b.translatable) for b in article.blocks]
    assert kinds[:6] == [(BYLINE, 0, False, True), (DESCRIPTION, 0, False, True),
                         (TITLE, 0, False, True), (PARAGRAPH, 0, False, True),
                         (ALT, 0, False, True), (CAPTION, 0, False, True)]
    assert article.description == "Nvidia will supply 260,000 Blackwell GPUs to South Korea."
    assert (HEADING, 2, False, True) in kinds
    assert kinds.count((LIST_ITEM, 1, False, True)) == 2
    assert kinds.count((LIST_ITEM, 2, True, True)) == 2  # the nested <ol>
    assert (QUOTE, 0, False, True) in kinds
    cells = [(kind, level) for kind, level, _, _ in kinds if kind in (CELL, TABLE_HEADER)]
    assert cells == [(TABLE_HEADER, 1), (TABLE_HEADER, 2), (CELL, 1), (CELL, 2), (CELL, 1),
                     (CELL, 2)]  # the first row of <th>: the header; level: the column
    assert (CAPTION, 0, False, True) in kinds
    assert kinds[-2:] == [(CODE, 0, False, False), (RAW, 0, False, False)]
    by_text = {b.text: b for b in article.blocks}
    lines = CMS.read_text(encoding="utf-8").split("\n")
    for block in article.blocks:
        assert block.line >= 1
    heading = next(b for b in article.blocks if b.kind == HEADING)
    assert "<h2>What each company gets</h2>" in lines[heading.line - 1]
    caption = next(b for b in article.blocks if b.kind == CAPTION)
    assert "<figcaption>" in lines[caption.line - 1]
    assert by_text["Kim Min-ji, Staff Reporter"].line == 9  # the meta tag's line
    # script, style, head and the site's header/footer outside <article> are not blocks
    text = " ".join(b.text for b in article.blocks)
    assert "dataLayer" not in text and "max-width" not in text and "Contact" not in text


def test_inline_markup_is_kept_with_attributes_and_references_decoded() -> None:
    article = read_article(CMS)
    texts = [b.text for b in article.blocks]
    assert ("By <a rel=\"author\" href=\"/authors/kim-min-ji\">Kim Min-ji</a>, staff reporter"
            in texts)
    paragraph = next(t for t in texts if t.startswith("The government"))
    assert "Science & ICT." in paragraph  # &amp; decoded, and not ambiguous: not escaped
    assert "NAVER\u00a0Corp." in next(t for t in texts if "NAVER" in t)  # &nbsp;
    assert "\n" not in paragraph and "  " not in paragraph  # whitespace squeezed
    assert '<span translate="no">AI Megafactory</span>' in " ".join(texts)
    # the blocks of translate="no" and <pre> hold their text, untranslatable
    assert article.blocks[-1].text == "\u00a9 2025 The Korea Desk. All rights reserved."
    assert article.blocks[-2].text.startswith("$ nvidia-smi --query-gpu=name --format=csv\nname")


def test_sentences_keep_their_tags_and_protect_code_and_translate_no() -> None:
    segments = [s.text for s in segment_article(read_article(CMS))]
    assert "<em>Details of the price were not disclosed.</em>" in segments  # no "</em>" alone
    assert not any(s.startswith("</") for s in segments)
    code = next(s for s in segments if "<code>" in s)
    slots = [slot.original for slot in mask(code).slots]
    assert slots == ["<code>nvidia-smi --query-gpu=name</code>"]  # content protected too
    span = next(s for s in segments if "Megafactory" in s)
    assert [slot.original for slot in mask(span).slots] == [
        '<span translate="no">AI Megafactory</span>'
    ]
    link = next(s for s in segments if "investor.example.com" in s)
    assert any(slot.original.startswith('<a href="https://investor') for slot in mask(link).slots)


def test_no_cut_inside_a_tag(tmp_path: Path) -> None:
    path = write(tmp_path, "a.html", '<h1>T</h1><p>See <a title="Dr. No. Yes." href="x">the '
                 "film</a> today. It is good.</p>")
    segments = [s.text for s in segment_article(read_article(path))]
    assert segments[:3] == ["T", 'See <a title="Dr. No. Yes." href="x">the film</a> today.',
                            "It is good."]  # the link's title follows: a block of its own
    assert " ".join(segments[3:]) == "Dr. No. Yes."


def test_fragment_without_h1_takes_the_title_from_meta_or_title(tmp_path: Path) -> None:
    path = write(tmp_path, "frag.htm", "<title>Seoul &amp; Busan</title><p>Body text.</p>")
    article = read_article(path)
    assert article.title == "Seoul & Busan"
    assert [(b.kind, b.text) for b in article.blocks] == [
        (TITLE, "Seoul & Busan"), (PARAGRAPH, "Body text.")
    ]
    og = write(tmp_path, "og.html", '<meta property="og:title" content="From OG">'
               "<title>Site | x</title><article><p>Body.</p></article>")
    assert read_article(og).title == "From OG"


def test_text_in_containers_and_lists_with_paragraphs(tmp_path: Path) -> None:
    path = write(tmp_path, "c.html", "<h1>T</h1><div>Loose text <b>here</b>.<p>Para.</p>Tail."
                 "</div><ul><li><p>One.</p><p>Two.</p></li><li>Three<ul><li>Sub.</li></ul>"
                 "</li></ul><blockquote>Quoted.</blockquote>")
    blocks = [(b.kind, b.level, b.text) for b in read_article(path).blocks]
    assert blocks == [
        (TITLE, 0, "T"), (PARAGRAPH, 0, "Loose text <b>here</b>."), (PARAGRAPH, 0, "Para."),
        (PARAGRAPH, 0, "Tail."), (LIST_ITEM, 1, "One."), (LIST_ITEM, 1, "Two."),
        (LIST_ITEM, 1, "Three"), (LIST_ITEM, 2, "Sub."), (QUOTE, 0, "Quoted."),
    ]



def test_a_div_styled_inline_in_a_spans_line_keeps_the_line_one_block(tmp_path: Path) -> None:
    """A picture credit whose camera icon is a ``<div>`` inside a ``<span>`` (HTML allows
    no div there; the site styles it inline): one caption, not '(' | 'Image:' | '...)'.
    A span holding only divs, and a link (which may hold blocks), keep their blocks."""
    credit = ('<span class="credit"> (<div class="camera"><span></span>Image:</div>Anadolu '
              'via Getty Images)</span>')
    path = write(tmp_path, "c.html", f"<h1>T</h1><figure><img src='a.jpg' alt=''><figcaption>"
                 f"{credit}</figcaption></figure><p><span><div>One.</div><div>Two.</div>"
                 "</span></p><div><a href='x'>(<div>Three.</div>Four.)</a></div>")
    blocks = [(b.kind, b.text) for b in read_article(path).blocks if b.text]
    assert blocks == [(TITLE, "T"), (CAPTION, credit),
                      (PARAGRAPH, "One."), (PARAGRAPH, "Two."), (PARAGRAPH, "("),
                      (PARAGRAPH, "Three."), (PARAGRAPH, "Four.)")]
    segments = [s.text for s in segment_article(read_article(path))]
    assert segments[1] == credit.strip()

def test_the_rest_of_a_paragraph_an_ad_box_cut_joins_its_paragraph(tmp_path: Path) -> None:
    """``<p>... how difficult <div>Advertisement</div>it is ...``: the parser (as a browser)
    ends the ``<p>`` at the ``<div>``; the rest goes back into it, one block, one sentence
    (the ad's label, which followed it, is not read). Not after a sentence end, nor past
    a box a reader reads (more than two words), nor a share box's "Copy this link" |
    "Read more about sharing."."""
    ad = '<div class="ad">Advertisement<script>GetAd("box")</script></div>'
    offer = ad.replace("Advertisement", "Read our new offers")
    path = write(tmp_path, "a.html", f"<h1>T</h1><div><p>He knows just how difficult {ad}it "
                 f"is to fly.<p>Meanwhile, the envoy, Tom{ad}Koenigs, said no.<p>It ended."
                 f"{ad}Then it began.<p>It was hard to{offer}see.<p>Copy this link{ad}Read "
                 "more about sharing.</div>")
    blocks = [b.text for b in read_article(path).blocks]
    assert blocks == [  # the ad's label is not read (l10n.articles.notices)
        "T", "He knows just how difficult it is to fly.",
        "Meanwhile, the envoy, Tom Koenigs, said no.", "It ended.",
        "Then it began.", "It was hard to", "Read our new offers", "see.",
        "Copy this link", "Read more about sharing."]
    segments = [s.text for s in segment_article(read_article(path))]
    assert "He knows just how difficult it is to fly." in segments


def test_a_shield_div_inside_a_link_in_a_sentence_cuts_no_block(tmp_path: Path) -> None:
    """A ``<div>`` that shows no words (a browser extension's shield, an icon) inside inline
    content of a list item or a paragraph (in ``<a>``, ``<cite>``, ``<span>``) ends no
    block: the sentence is one block, the div kept in its markup. In a ``<p>`` the parser
    (as a browser) ends the paragraph at the div; the rest, starting with a comma, goes
    back. A div that shows words in a link, and a card alone in its box, keep their blocks."""
    shield = '<div class="ext-shield"><img src="s.png"></div>'
    path = write(tmp_path, "s.html", "<h1>T</h1><p>The report was written by <cite><a "
                 f"href='r'>the water agency{shield}</a></cite>, and it was published in May."
                 f"</p><ul><li>See <cite><a href='a'>the agency's page</a>{shield}</cite> for "
                 f"the plan.</li><li>Read <span><a href='b'>the report</a>{shield}</span> "
                 f"today.</li><li>Visit <a href='c'>the archive{shield}</a> first.</li></ul>"
                 f"<div class='teaser'><a href='d'>{shield}<span>Other story</span></a></div>")
    blocks = [(b.kind, b.text) for b in read_article(path).blocks if b.kind != ALT]
    assert blocks == [
        (TITLE, "T"),
        (PARAGRAPH, 'The report was written by <cite><a href="r">the water agency</a></cite>'
                    ", and it was published in May."),
        (LIST_ITEM, f'See <cite><a href="a">the agency\'s page</a>{shield}</cite> for the plan.'),
        (LIST_ITEM, f'Read <span><a href="b">the report</a>{shield}</span> today.'),
        (LIST_ITEM, f'Visit <a href="c">the archive{shield}</a> first.'),
        (PARAGRAPH, "<span>Other story</span>"),
    ]
    segments = [s.text for s in segment_article(read_article(path))]
    assert len(segments) == 6  # one sentence each


def test_a_shield_div_inside_a_wikipedia_reference_cuts_no_block(tmp_path: Path) -> None:
    """A reference of a Wikipedia page is one ``<cite>`` in its list item: no words beside
    it, only the backlink's ``^``. A browser extension's shield after the title link, the
    field's period after it, ends no block: the reference is one list item, not the link
    and ``. <i>Cinefantastique</i>.`` apart. A wordless div before a card's only words (no
    words before it) still ends its block."""
    shield = '<div class="ext-shield"><img src="s.png"></div>'
    back = "<span class='mw-cite-backlink'><b><a href='#r'>^</a></b></span> "
    path = write(tmp_path, "w.html", "<h1>Film</h1><p>The film was reviewed widely.</p>"
                 f"<ol class='references'><li>{back}<span class='reference-text'><cite>"
                 f"<a class='external text' href='http://x.example/r'>\"Reviews\"</a>{shield}"
                 ". <i>Cinefantastique</i>.</cite></span></li>"
                 f"<li>{back}<span class='reference-text'><cite>Lee, Ann (2014). <a "
                 f"href='http://y.example/a'>\"A title\"</a>{shield}, <i>The Moscow Times</i>"
                 "<span class='reference-accessdate'>. Retrieved 2 May 2014</span>.</cite>"
                 "</span></li></ol>"
                 f"<div class='teaser'><cite>{shield}. <span>Other story</span></cite></div>")
    texts = [b.text for b in read_article(path).blocks if b.kind == LIST_ITEM]
    back = back.replace("'", '"')
    assert texts == [
        f'{back}<span class="reference-text"><cite><a class="external text" '
        f'href="http://x.example/r">"Reviews"</a>{shield}. <i>Cinefantastique</i>.</cite></span>',
        f'{back}<span class="reference-text"><cite>Lee, Ann (2014). <a '
        f'href="http://y.example/a">"A title"</a>{shield}, <i>The Moscow Times</i><span '
        'class="reference-accessdate">. Retrieved 2 May 2014</span>.</cite></span>']
    assert [b.text for b in read_article(path).blocks][-1] == ". <span>Other story</span>"

def test_a_formula_stays_in_its_sentence(tmp_path: Path) -> None:
    """A MathML formula (inline, or displayed inside a sentence) and MediaWiki's wrapper
    around it (the MathML hidden, a fallback picture whose alt is the TeX) belong to the
    sentence: one block, one segment, the formula protected whole like inline code; the
    TeX alt is no block to translate."""
    formula = ('<span class="mwe-math-element"><span class="mwe-math-mathml-inline" '
               'style="display: none;"><math alttext="{\\displaystyle c}"><semantics><mrow>'
               '<mi>c</mi></mrow><annotation encoding="application/x-tex">{\\displaystyle c}'
               '</annotation></semantics></math></span><img src="c.svg" '
               'class="mwe-math-fallback-image-inline" alt="{\\displaystyle c}"></span>')
    shown = '<math display="block"><mi>x</mi><mo>.</mo><mn>1</mn></math>'
    path = write(tmp_path, "m.html", f"<h1>T</h1><p>It holds for any non-zero real scalar "
                 f"{formula}, since scaling keeps it. So it stays.</p><p>The map satisfies "
                 f"{shown} where x is the value.</p>")
    article = read_article(path)
    assert [(b.kind, b.text) for b in article.blocks] == [
        (TITLE, "T"),
        (PARAGRAPH, f"It holds for any non-zero real scalar {formula}, since scaling keeps "
                    "it. So it stays."),
        (PARAGRAPH, f"The map satisfies {shown} where x is the value.")]
    segments = [s.text for s in segment_article(article)]
    assert segments[1:] == [
        f"It holds for any non-zero real scalar {formula}, since scaling keeps it.",
        "So it stays.", f"The map satisfies {shown} where x is the value."]
    masked = mask(segments[3])
    assert shown in [slot.original for slot in masked.slots]
    assert "<mi>" not in masked.text and "x is the value" in masked.text


@pytest.mark.parametrize(("description", "read"), [
    ("Mischa Barton was jailed on Thursday, police said. Barton,",
     "Mischa Barton was jailed on Thursday, police said."),
    ("Mischa Barton was jailed on Thursday, police said. Barton, 21, best known",
     "Mischa Barton was jailed on Thursday, police said."),
    ("Mischa Barton was jailed on Thursday. The U.S. Army", None),  # not how one starts
    ("Barton, 21, best known", None),  # no whole sentence to keep
    ("Mischa Barton was jailed on Thursday. Barton, 21, best known for her role…", None),
    ("News and views from Los Angeles", None),
])
def test_a_description_the_site_cut_short_ends_with_its_whole_sentences(
    tmp_path: Path, description: str, read: str | None
) -> None:
    """A CMS's description is often the story's opening cut at a length, mid-sentence:
    its last words, after a sentence end, open a paragraph of the story and go on there.
    That fragment is not read (nothing to translate but a cut sentence); a description
    ending with a sentence end or an ellipsis, or whose end opens no paragraph, is read
    whole."""
    path = write(tmp_path, "d.html", f'<meta name="description" content="{description}">'
                 "<h1>Barton jailed</h1><p>Mischa Barton was jailed on Thursday, police said."
                 "</p><p>Barton, 21, best known for her role in a drama, was pulled over.</p>")
    article = read_article(path)
    assert article.blocks[0].kind == DESCRIPTION
    assert article.blocks[0].text == article.description == (read or description)


def test_translate_yes_inside_translate_no(tmp_path: Path) -> None:
    path = write(tmp_path, "t.html", '<h1>T</h1><div translate="no"><p>Brand line</p>'
                 '<p translate="yes">Translate me.</p></div><p> <code>x()</code> </p>')
    blocks = [(b.kind, b.translatable, b.text) for b in read_article(path).blocks]
    assert blocks == [(TITLE, True, "T"), (RAW, False, "Brand line"),
                      (PARAGRAPH, True, "Translate me.")]  # a run of code only is no block


@pytest.mark.parametrize(
    ("html", "texts"),
    [
        ("<h1>T</h1>\n<div>\n<p>Text", ["T", "Text"]),  # left open at the end of the file
        ("<h1>T</h1>\n<p>Hello <em>world</p>\n", ["T", "Hello <em>world</em>"]),
        ("<h1>T</h1>\n<p>x</span></p>", ["T", "x"]),  # an end tag with no element
        ("<h1>T</h1><p><b><i>x</b></i></p>", ["T", "<b><i>x</i></b>"]),  # misnested
        ("<head><meta charset=utf-8></meta></head></head><h1>T</h1><p>x</p>", ["T", "x"]),
        ("<h1>T</h1>\n<p>a\x01b\x81c</p>", ["T", "abc"]),  # controls: shown as nothing
        ("<h1>T</h1><table><tr><td>a</td></tr>", ["T", "a"]),
    ],
)
def test_parse_errors_are_read_as_a_browser_reads_them(
    tmp_path: Path, html: str, texts: list[str]
) -> None:
    path = write(tmp_path, "messy.html", html)
    assert [b.text for b in read_article(path).blocks] == texts


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        (b"\xef\xbb\xbf<h1>caf\xc3\xa9</h1><p>x</p>", "caf\u00e9"),  # BOM
        ("<meta charset=euc-kr><h1>\uc548\ub155</h1><p>x</p>".encode("euc-kr"), "\uc548\ub155"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">'
         "<h1>\u65e5\u672c</h1><p>x</p>".encode("shift_jis"), "\u65e5\u672c"),
        (b"<h1>caf\xe9</h1><p>x</p>", "caf\u00e9"),  # nothing declared, not UTF-8: windows-1252
        (b"<h1>caf\xc3\xa9</h1><p>x</p>", "caf\u00e9"),  # nothing declared, UTF-8
    ],
)
def test_the_declared_encoding_is_honoured(tmp_path: Path, raw: bytes, title: str) -> None:
    assert read_article(write(tmp_path, "enc.html", raw)).title == title


def test_tolerated_parse_errors_are_not_bad(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.html", "<h1>AT&T &copy 2025</h1><p>R&D < 5% <!-- a -- b --></p>")
    article = read_article(path)  # no doctype, references without ';', a bare '<'
    assert article.title == "AT&T \u00a9 2025"
    assert article.blocks[1].text == "R&D < 5%"


def test_binary_file_named_html_and_bad_date_and_lang(tmp_path: Path) -> None:
    png = write(tmp_path, "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ArticleError, match="binary file"):
        read_article(png)
    controls = write(tmp_path, "c.html", "<h1>T</h1><p>" + "\x01\x02x" * 20 + "</p>")
    with pytest.raises(ArticleError, match="not text: 40 control characters"):
        read_article(controls)
    # metadata that cannot be read is left out; the page is read
    date = write(tmp_path, "d.html", '<meta property="article:published_time" content="soon">'
                 "\n<h1>T</h1><p>x</p>")
    assert read_article(date).published is None
    lang = write(tmp_path, "l.html", '<html lang="xx-nope"><h1>T</h1><p>x</p>')
    assert read_article(lang).lang == "en"
    other = write(tmp_path, "ko.html", '<html lang="ko"><h1>제목</h1><p>본문.</p>')
    assert read_article(other).lang == "ko"
    empty = write(tmp_path, "e.html", "<h1>Only a title</h1><script>x()</script>")
    with pytest.raises(ArticleError, match="no body text"):
        read_article(empty)


@pytest.mark.slow
def test_cli_reads_an_unclosed_page_and_refuses_a_binary_one(tmp_path: Path) -> None:
    write(tmp_path, "l10n.toml", 'source = "en"\ntargets = ["ko"]\n')
    (tmp_path / "seeds").mkdir()
    write(tmp_path, "seeds/broken.html", "<h1>T</h1>\n<div><p>unclosed\n")
    result = run_l10n("extract", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "unclosed" in (tmp_path / "locales/templates/broken.pot").read_text(encoding="utf-8")
    write(tmp_path, "seeds/image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run_l10n("extract", cwd=tmp_path)
    assert result.returncode == 2
    assert "seeds/image.html:3: binary file" in result.stderr


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@given(_TEXT)
@settings(max_examples=200, deadline=None)
def test_escaped_text_parses_back_to_itself(text: str) -> None:
    nodes = parse_fragment(escape_text(text), "div")
    assert "".join(n.data for n in nodes if n.nodeType == n.TEXT_NODE) == text  # type: ignore[attr-defined]
    assert all(n.nodeType == n.TEXT_NODE for n in nodes)


_WORDS = st.text(st.sampled_from("ab &<>;#é\u00a0"), min_size=1, max_size=8)
_INLINE = st.recursive(
    _WORDS.map(escape_text),
    lambda inner: st.builds(
        lambda tag, attr, body: f'<{tag}{attr}>{body}</{tag}>',
        st.sampled_from(["em", "strong", "a", "span", "code"]),
        st.sampled_from(["", ' href="https://x.example/?a=1&amp;b=2"', ' class="c &quot;q&quot;"']),
        st.lists(inner, max_size=3).map("".join),
    ),
    max_leaves=6,
)


@given(st.lists(_INLINE, min_size=1, max_size=4).map("".join))
@settings(max_examples=150, deadline=None)
def test_inline_markup_round_trips(markup: str) -> None:
    once = inner_markup(parse_fragment(markup, "p"), collapse=False)
    assert inner_markup(parse_fragment(once, "p"), collapse=False) == once
    assert markup_text(once) == markup_text(markup)


# --- the story, not the page ----------------------------------------------------------

SITE = DATA / "html" / "site-page.html"
FURNITURE = ("cookie", "News", "Sport", "Advertising", "Skip Ad", "Share on", "Related",
             "Ferry operators", "Ten day trips", "Our pick", "rights reserved", "About us")


def test_a_site_page_gives_its_story_and_nothing_else() -> None:
    article = read_article(SITE)
    texts = [markup_text(b.text) for b in article.blocks]
    assert article.title == "Harbour bridge reopens after two years"
    assert article.description == (
        "The harbour bridge reopened on Monday after two years of repairs.")
    assert [b.kind for b in article.blocks][:2] == [DESCRIPTION, TITLE]
    story = [t for b, t in zip(article.blocks, texts, strict=True) if b.kind == PARAGRAPH]
    # the byline sits with the story's paragraphs (a reader sees it): read as prose
    assert story[0] == "By Mara Quint, Transport Reporter"
    assert len(story) == 6 and story[1].startswith("The harbour bridge reopened to traffic")
    assert story[-1].startswith("Cyclists will have to wait")
    assert "Cars crossing the repaired harbour bridge at dawn" in texts  # the image's alt
    assert "The first cars cross the bridge on Monday." in texts  # and its caption
    for furniture in FURNITURE:
        assert not any(furniture in text for text in texts), furniture


def test_prose_where_the_story_sits_is_read_though_the_extractor_misses_it(
    tmp_path: Path
) -> None:
    """A lede that is a bare text run, a subheading in a <div>, a line cut by <br>: the
    site's own places for its story's text; hidden metadata and teasers are not read."""
    page = SITE.read_text(encoding="utf-8").replace(
        '<p>The harbour bridge reopened to traffic',
        'A bridge that carried forty thousand cars a day is open again, and the city says'
        ' so with <em>some</em> relief.<div class="subhead">What the repairs cost</div>'
        '<p style="display: none">Harbour bridge reopens after two years, metadata</p>'
        '<p>The harbour bridge reopened to traffic')
    article = read_article(write(tmp_path, "lede.html", page))
    texts = [markup_text(b.text) for b in article.blocks]
    assert any(t.startswith("A bridge that carried forty thousand cars") for t in texts)
    assert "What the repairs cost" in texts
    assert not any("metadata" in t for t in texts)  # display: none: a reader never sees it
    for furniture in FURNITURE:
        assert not any(furniture in text for text in texts), furniture


def test_the_lead_pictures_caption_is_read(tmp_path: Path) -> None:
    """A picture between the title and the first paragraph is the story's lead picture:
    its caption and alt are what a reader sees, so they are read (and translated)."""
    page = SITE.read_text(encoding="utf-8").replace(
        '<p class="byline">', '<figure><img src="/img/lead.jpg" alt="The bridge at night">'
        '<figcaption>The bridge, lit for its reopening on Sunday night.</figcaption></figure>'
        '<p class="byline">')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "lead.html", page)).blocks]
    assert "The bridge, lit for its reopening on Sunday night." in texts
    assert "The bridge at night" in texts
    for furniture in FURNITURE:
        assert not any(furniture in text for text in texts), furniture


def test_a_line_break_separates_words_in_plain_text() -> None:
    assert markup_text("Tampa, FL<br>June 14 -- Atlanta, GA") == (
        "Tampa, FL June 14 -- Atlanta, GA")


def test_a_lone_article_in_a_site_page_is_read_without_its_furniture(tmp_path: Path) -> None:
    page = SITE.read_text(encoding="utf-8")
    page = page.replace('<div class="main">', '<div class="main"><article>').replace(
        '<aside class="related">', '</article><aside class="related">').replace(
        '<div class="promo"><article>', '<div class="promo"><div>').replace(
        "</article></div>\n<footer>", "</div></div>\n<footer>")
    article = read_article(write(tmp_path, "lone.html", page))
    texts = [markup_text(b.text) for b in article.blocks]
    assert sum(b.kind == PARAGRAPH for b in article.blocks) >= 5
    for furniture in ("Share on", "Advertising", "Skip Ad", "Ten day trips", "cookie"):
        assert not any(furniture in text for text in texts), furniture


def test_configured_selectors_choose_the_story_and_leave_parts_out(tmp_path: Path) -> None:
    from l10n.articles.html import read_html

    text = SITE.read_text(encoding="utf-8")
    found = read_html(SITE, text, content=["div.main"], exclude=[".share", ".ad-slot", "figure"])
    texts = [markup_text(b.text) for b in found.article.blocks]
    assert found.root.getAttribute("class") == "main"
    assert "By Mara Quint, Transport Reporter" in texts  # in the chosen element: read
    assert not any("Share on" in t or "Advertising" in t or "Cars crossing" in t for t in texts)
    with pytest.raises(ArticleError, match="is not a CSS selector"):
        read_html(SITE, text, content=["div[["])


def test_a_greater_than_sign_in_an_attribute_stays_inside_its_protected_tag(
    tmp_path: Path
) -> None:
    path = write(tmp_path, "gt.html", '<h1>T</h1><p>Read <a href="/c" onclick="return a > 0;">'
                 "the comments</a> now.</p>")
    text = read_article(path).blocks[1].text
    assert text == ('Read <a href="/c" onclick="return a &gt; 0;">the comments</a> now.')
    masked = mask(text)
    assert "onclick" not in masked.text and "the comments" in masked.text


def test_other_stories_in_articles_of_their_own_are_not_read(tmp_path: Path) -> None:
    """The story's <article> holds the title and the paragraphs; the teasers of other
    stories after it, each an <article> of its own with a whole paragraph, are not read."""
    others = "".join(
        f'<article class="post"><h3><a href="/{n}">{title}</a></h3><p>{text}</p></article>'
        for n, (title, text) in enumerate([
            ("Tide tables for the winter", "The winter tides will be higher than usual this"
             " year, and the harbour master asks boat owners to check their moorings twice"
             " a week until the end of February."),
            ("A new market hall", "The old fish market is to become a covered market hall"
             " with forty stalls, a bakery and a café, after the council sold the building"
             " to a cooperative of local traders last spring."),
        ]))
    page = SITE.read_text(encoding="utf-8").replace(
        '<div class="main">', '<div class="main"><article class="story">').replace(
        '<aside class="related">',
        f'<h3>You may also like</h3>{others}</article><aside class="related">')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "more.html", page)).blocks]
    story = ("The harbour bridge reopened to", "Cyclists will")
    assert sum(t.startswith(story) for t in texts) == 2
    assert not any("winter tides" in t or "fish market" in t for t in texts)


def test_what_the_pages_own_stylesheet_hides_is_not_read(tmp_path: Path) -> None:
    """A hover card hidden by a <style> rule is not read; what a rule under @media shows
    again (a mobile-first pull quote), a rule only under @media hides (print), or a
    passing state hides (:hover), is read."""
    style = ("<style>.card{display:none} .pull{display: none !important}"
             "@media (min-width: 768px){.pull{display:block}} @media print{.lead{display:none}}"
             " .lead:hover{visibility:hidden} @import url(x.css);</style>")
    page = SITE.read_text(encoding="utf-8").replace("</head>", style + "</head>").replace(
        "<p>Commuters who had", '<p><span class="card">Mara Quint writes about transport for'
        ' the paper and has covered the bridge since it closed.</span></p>'
        '<p class="pull">We owe the people of this city a bridge they can trust.</p>'
        '<p class="lead">Commuters who had')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "css.html", page)).blocks]
    assert not any("writes about transport" in t for t in texts)
    assert "We owe the people of this city a bridge they can trust." in texts
    assert any(t.startswith("Commuters who had") for t in texts)


def test_selectors_run_on_the_pages_own_elements(tmp_path: Path) -> None:
    """Configured selectors pick the page's elements, names lxml cannot hold (an
    attribute such as ``@click``) and all."""
    from l10n.articles.html import read_html

    page = SITE.read_text(encoding="utf-8").replace(
        '<div class="share">', '<div class="share" @click="open()" xmlns:v="urn:v">')
    found = read_html(SITE, page, exclude=[".share", "div[class=ad-slot] p"])
    texts = [markup_text(b.text) for b in found.article.blocks]
    assert not any("Share on" in t or "Skip Ad" in t for t in texts)
    assert any(t.startswith("The harbour bridge reopened to") for t in texts)


def test_a_lead_picture_above_the_title_keeps_its_caption(tmp_path: Path) -> None:
    """A picture placed right above the <h1> (in the element that holds it) is the
    story's lead picture: its caption and its alt are read; a picture above the site's
    header is not."""
    page = SITE.read_text(encoding="utf-8").replace(
        '<div class="main">\n<h1>', '<div class="main"><figure><img src="/img/lead.jpg"'
        ' alt="The bridge at night"><figcaption>The bridge, lit for its reopening on Sunday'
        ' night.</figcaption></figure>\n<h1>').replace(
        '<header class="masthead">', '<figure><img src="/img/logo.png" alt="Our new'
        ' offices"><figcaption>Visit our new offices by the harbour.</figcaption></figure>'
        '<header class="masthead">')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "lead.html", page)).blocks]
    assert "The bridge, lit for its reopening on Sunday night." in texts
    assert "The bridge at night" in texts
    assert not any("new offices" in t for t in texts)


def test_a_lead_pictures_caption_is_read_with_the_storys_section_between_it_and_the_title(
    tmp_path: Path,
) -> None:
    """A theme sets the story's section as a link between its lead picture and the <h1>
    (``<figure>...<figcaption>`` then ``<ul class="category"><li><a>Issues</a>``): a
    label of three words at most, all link, does not part the caption from the title;
    a line of prose between them does (the picture is another story's then)."""
    lead = ('<div class="main"><figure><img src="/img/lead.jpg" alt=""><figcaption>The bridge, '
            'lit for its reopening on Sunday night.</figcaption></figure><ul class="category">'
            '<li><a href="/local">Local news</a></li></ul>\n<h1>')
    page = SITE.read_text(encoding="utf-8").replace('<div class="main">\n<h1>', lead)
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "label.html", page)).blocks]
    assert "The bridge, lit for its reopening on Sunday night." in texts
    parted = page.replace('<a href="/local">Local news</a>', "Ferries will keep their winter"
                          " timetable until the end of the month.")
    path = write(tmp_path, "prose.html", parted)
    texts = [markup_text(b.text) for b in read_article(path).blocks]
    assert "The bridge, lit for its reopening on Sunday night." not in texts


def test_a_headline_inside_a_link_is_not_read_even_when_the_extractor_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Teasers of other stories whose headings sit inside links: not the story, though
    trafilatura may keep their text (here it is made to keep every block)."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    teasers = "".join(
        f'<div class="rel"><a href="/{n}"><h3>{title}</h3></a></div>'
        for n, title in enumerate(["Harbour bridge | the ferries count the cost of two years",
                                   "Harbour bridge | a new cycle lane for the eastern side"]))
    page = SITE.read_text(encoding="utf-8").replace(
        '</div>\n<aside class="related">', f'{teasers}</div>\n<aside class="related">')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "rel.html", page)).blocks]
    assert any(t.startswith("Cyclists will have to wait") for t in texts)
    assert not any(t.startswith("Harbour bridge |") for t in texts)


def test_a_page_hidden_whole_until_a_script_shows_it_is_read(tmp_path: Path) -> None:
    """An A/B test's anti-flicker rule hides <body> (or the wrapper of the whole page)
    until a script shows it: the page is read all the same."""
    for rule in ("body{visibility:hidden}", ".layout{display:none}"):
        page = SITE.read_text(encoding="utf-8").replace(
            "</head>", f"<style>{rule}</style></head>")
        texts = [markup_text(b.text) for b in read_article(write(tmp_path, "ab.html", page)).blocks]
        assert any(t.startswith("Cyclists will have to wait") for t in texts), rule


def test_a_story_paged_by_a_script_is_read_though_its_stylesheet_hides_its_later_pages(
        tmp_path: Path) -> None:
    """A story set as slides, each a page of its own, the later ones hidden by one rule of
    the page's stylesheet until a script pages through them (``.ssr-hide{display:none}``):
    the hidden slides together hold most of the story's words, so they are read; a hover
    card hidden by a rule of the same page is still not."""
    page = SITE.read_text(encoding="utf-8").replace(
        "</head>", "<style>.later{display:none} .card{display:none}</style></head>")
    paras = page.split("\n")
    slides = [n for n, line in enumerate(paras) if line.startswith("<p>")][1:]
    for n in slides:
        paras[n] = f'<div class="slide later">{paras[n]}</div>'
    page = "\n".join(paras).replace(
        "<p>The harbour bridge", '<p><span class="card">Mara Quint writes about transport for'
        ' the paper and has covered the bridge since it closed.</span></p><p>The harbour bridge')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "paged.html", page)).blocks]
    assert any(t.startswith("The city council said the repairs") for t in texts)
    assert any(t.startswith("Cyclists will have to wait") for t in texts)


def test_a_story_set_as_slides_hidden_until_the_reader_turns_them_is_read(
        tmp_path: Path) -> None:
    """A story set as slides, one shown and the rest hidden by a rule of the page's
    <style> until the reader turns to them (a multipage slideshow article): the hidden
    slides, together most of the story, are read; a hover card the same rule hides, one
    element alone, is not."""
    slides = ("The harbour bridge reopened to traffic on Monday morning, two years after"
              " engineers closed it when they found cracks in two of its steel girders.",
              "Commuters who had spent the closure on crowded ferries and long detours"
              " queued from dawn to be among the first to drive across the repaired span.",
              "The city council said the repairs cost 48 million dollars, eleven million"
              " more than planned, because the damage was worse than first thought.",
              "Cyclists will have to wait a few more weeks: the new bicycle lane on the"
              " eastern side still needs its safety barriers, due at the end of the month.")
    story = "".join(f'<div class="slide{" hide" if n else ""}"><h2>Part {n + 1}</h2>'
                    f"<p>{text}</p></div>" for n, text in enumerate(slides))
    page = SITE.read_text(encoding="utf-8").replace(
        "</head>", "<style>.hide{display:none}</style></head>")
    start, end = page.index('<p class="byline">'), page.index("</div>\n<aside")
    page = (page[:start] + story + '<p class="hide">Mara Quint writes about transport for'
            " the paper and has covered the bridge since it closed.</p>" + page[end:])
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "slides.html", page)).blocks]
    assert all(text in texts for text in slides)
    assert not any("writes about transport" in t for t in texts)


def test_a_page_wrapped_in_one_form_is_read(tmp_path: Path) -> None:
    """An ASP.NET page is one <form> around everything: that form is not furniture (the
    page was refused as having no body text), while a small form still is."""
    page = SITE.read_text(encoding="utf-8")
    page = page.replace("<body>", '<body><form id="Form1" method="post" action="page.aspx">'
                        ).replace("</body>", '</form><form class="search"><p>Search the whole '
                                  'site for news and sport</p><input name="q"></form></body>')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "aspx.html", page)).blocks]
    assert any(t.startswith("The harbour bridge reopened to traffic") for t in texts)
    assert any(t.startswith("Commuters who had spent the closure") for t in texts)
    assert not any("Search the whole site" in t for t in texts)
    assert not any("Accept all cookies" in t for t in texts)


def test_a_page_with_no_title_anywhere_takes_its_first_line_with_a_warning(
        tmp_path: Path) -> None:
    """No <h1>, og:title or <title> (a page saved with its head cut off): the first line
    of the story is the title, with a warning, as for a Markdown post without one; the
    line stays in the body."""
    page = ("<html><body><div><p>Storm closes the coast road for a week</p>"
            "<p>The coast road closed on Monday after a storm washed away part of it.</p>"
            "<p>Engineers said repairs would take at least a week.</p></div></body></html>")
    with pytest.warns(UserWarning, match="no title"):
        article = read_article(write(tmp_path, "untitled.html", page))
    assert article.title == "Storm closes the coast road for a week"
    body = [markup_text(b.text) for b in article.blocks if b.kind == PARAGRAPH]
    assert body[0] == "Storm closes the coast road for a week"
    assert "Engineers said repairs would take at least a week." in body


def test_a_layout_tables_story_cell_is_the_storys_when_trafilatura_reads_it_in_a_row() -> None:
    """A 2000s page lays out its story in a table cell; trafilatura reads the layout as a
    table row ("| menu | cell |") and may drop the cell's first sentence and glue the
    next cell's copyright on. The cell is the story's when half of its runs of words are
    in the story; another block is not kept by that rule alone."""
    from l10n.articles.readings import story_filter as _story_filter

    sentences = [f"The council met on day {n} and voted on the harbour plan again." for n in
                 range(12)]
    cell = "(AP) " + " ".join(sentences)
    story = ("| Home \\| News \\| Sport |  | \n|  |  | " + " ".join(sentences[1:])
             + " Copyright 2008 The Associated Press. All rights reserved. |")
    assert _story_filter(story)(cell, True)
    assert not _story_filter(story)(cell, False)
    unrelated = "Sign up for our newsletter and get the best stories of the week by email."
    assert not _story_filter(story)(unrelated, True)


_SITE = ('<div id="menu"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a>'
         '</li><li><a href="/sport">Sport</a></li></ul></nav></div>\n')
_STORY = ("<h1>Storm closes the coast road for a week</h1>\n"
          + "".join(f"<p>The coast road closed on Monday after a storm washed away part {n} of "
                    "it, and engineers said repairs would take at least a week.</p>\n"
                    for n in range(6)))


def test_a_title_never_closed_ends_with_its_first_line_with_a_warning(tmp_path: Path) -> None:
    """A page saved cut short inside its head: the <title> is never closed, so a browser
    shows the whole page as its title and nothing else. It is read as if the title ended
    with its first line, with a warning naming the line; a script whose start tag was cut
    away with the title's end stays a script, never text."""
    page = ("<html>\n<head>\n<title>Storm closes the road (The Daily)ntById('font');\n"
            "obj.style.fontSize = size + 'pt';\n}\n//-->\n</script>\n</head>\n<body>\n"
            + _SITE + _STORY + "</body></html>\n")
    path = write(tmp_path, "cut.html", page)
    with pytest.warns(UserWarning, match="<title> is never closed") as caught:
        article = read_article(path)
    assert [w.message.error.line for w in caught] == [3]  # type: ignore[union-attr]
    assert article.title == "Storm closes the coast road for a week"
    text = " ".join(markup_text(b.text) for b in article.blocks)
    assert "engineers said repairs" in text and "obj.style" not in text
    # no script cut away: the title is its first line, the rest of the head is read as such
    page = ("<html><head><title>Storm news\n<script src='x.js'></script>\n</head>\n<body>\n"
            "<p>The coast road closed on Monday after a storm.</p></body></html>")
    with pytest.warns(UserWarning, match="never closed"):
        article = read_article(write(tmp_path, "cut2.html", page))
    assert [b.kind for b in article.blocks] == [TITLE, PARAGRAPH]
    assert article.title == "Storm news"
    # a title that is closed, holding an escaped tag, is no runaway: no warning
    fine = write(tmp_path, "fine.html", "<title>Use &lt;b&gt; tags</title><p>Bold text.</p>")
    assert read_article(fine).title == "Use <b> tags"


def test_a_script_start_tag_cut_in_a_saved_page_ends_with_its_first_line(tmp_path: Path) -> None:
    """A page saved with bytes lost inside a script's start tag: its src value runs on over
    the rest of the head's scripts, and the script's text over the story, to the next
    </script> below it: a browser shows no story. The tag is read as ending with its
    first line, with a warning naming it; the script's own text stays a script. A tag cut
    before its first `<` whose text holds the page's end tags ends there."""
    page = ("<html>\n<head>\n<title>Storm</title>\n<script type=\"text/javascript\" "
            "src=\"/te.backgroundColor='yellow';\n  o2.style.color='black';\n}\n//-->\n"
            "</script>\n<script>\nvar tabs = [\"tab1\",\"tab2\"];\nif (a > b) {}\n</script>\n"
            "</head>\n<body>\n" + _SITE + _STORY
            + "<script src=\"ads.js\"></script>\n</body></html>\n")
    path = write(tmp_path, "cut.html", page)
    with pytest.warns(UserWarning, match="<script> start tag holds the page's markup") as caught:
        article = read_article(path)
    assert [w.message.error.line for w in caught] == [4]  # type: ignore[union-attr]
    text = " ".join(markup_text(b.text) for b in article.blocks)
    assert "engineers said repairs" in text and article.title.startswith("Storm closes")
    assert "style.color" not in text and "tab1" not in text
    page = ("<html><head><script type=\"text/javascript\" sion Navigation</a>\n"
            "<a href=\"#content\">Content</a>\n</head><body>\n" + _STORY
            + "<script>var x = 1;</script></body></html>")
    with pytest.warns(UserWarning, match="<script> start tag"):
        article = read_article(write(tmp_path, "cut2.html", page))
    assert "engineers said repairs" in " ".join(b.text for b in article.blocks)
    fine = ("<html><head><script src=\"a.js\" data-t=\"<b>new</b>\"></script></head><body>\n"
            + _STORY + "</body></html>")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # markup in a quoted value is no damage: no warning
        assert "engineers" in " ".join(b.text for b in read_article(write(tmp_path, "ok.html",
                                                                          fine)).blocks)


def test_a_few_nul_bytes_in_a_page_are_left_out_with_a_warning(tmp_path: Path) -> None:
    """A browser shows nothing for a NUL byte in a page: a page holding a few is read,
    with a warning naming the line of the first. A file that starts as a picture, or
    where NUL bytes are dense (UTF-16 without its BOM), is binary and refused."""
    page = "<h1>T</h1>\n<p>The road\x00 closed.</p>\n" + "<p>Repairs take a week.</p>\n" * 20
    with pytest.warns(UserWarning, match=r"NUL characters in the page \(1\)") as caught:
        article = read_article(write(tmp_path, "nul.html", page.encode("utf-8")))
    assert [w.message.error.line for w in caught] == [2]  # type: ignore[union-attr]
    assert markup_text(article.blocks[1].text) == "The road closed."
    wide = write(tmp_path, "wide.html", page.replace("\x00", "").encode("utf-16-le"))
    with pytest.raises(ArticleError, match="binary file"):
        read_article(wide)
    gif = write(tmp_path, "gif.html", b"GIF89a\x01\x00\x01\x00" + b"<p>x</p>" * 50)
    with pytest.raises(ArticleError, match="binary file"):
        read_article(gif)


def test_a_page_whose_doctype_is_cut_short_is_read_as_a_browser_parses_it(
        tmp_path: Path) -> None:
    """``<!DOCTYPE htm`` cut short runs into the next tag: a browser (html5lib) reads the
    rest of the page, lxml's parser, which trafilatura uses, finds no text in it; the
    story is then found in the page as html5lib parsed it."""
    page = '<!DOCTYPE htm\n  <div id="header">\n' + _SITE + _STORY + "</div>\n"
    article = read_article(write(tmp_path, "doctype.html", page))
    assert article.title == "Storm closes the coast road for a week"
    assert sum(b.kind == PARAGRAPH for b in article.blocks) == 6


_WIRE = """<pre>Harbour council backs the new ferry plan

   The harbour council voted on Monday to back a plan for a new
ferry between the two islands. The service would start in the
spring, said the council's chair, Ann Lee.

   "We have waited for this for ten years," she said. Fares would
stay as they are until the end of the year.
    --  Two boats would run every hour.
    --  A third would be kept in reserve
        for the summer.
</pre>"""


def test_prose_set_in_a_pre_is_read_as_paragraphs_and_code_is_not(tmp_path: Path) -> None:
    """Wire copy set in a <pre> (a press release as it came off the wire) is the story:
    each paragraph (a blank line or a list marker starts one) is a block, its lines
    re-flowed, with the line it starts on. A <pre> of code stays code."""
    code = ("<pre>def fares(day):\n    if day == 'sunday':\n        return {'adult': 2}\n"
            "    return {'adult': 3}  # Fares stay. The rest change.\n</pre>")
    page = f"<h1>Ferry plan</h1>\n{_WIRE}\n{code}\n"
    article = read_article(write(tmp_path, "wire.html", page))
    body = [(b.kind, b.line, b.text) for b in article.blocks[1:]]
    assert body[:5] == [
        (PARAGRAPH, 2, "Harbour council backs the new ferry plan"),
        (PARAGRAPH, 4, "The harbour council voted on Monday to back a plan for a new ferry "
         "between the two islands. The service would start in the spring, said the council's "
         "chair, Ann Lee."),
        (PARAGRAPH, 8, '"We have waited for this for ten years," she said. Fares would stay as '
         "they are until the end of the year."),
        (PARAGRAPH, 10, "-- Two boats would run every hour."),
        (PARAGRAPH, 11, "-- A third would be kept in reserve for the summer."),
    ]
    assert [b.kind for b in article.blocks[6:]] == [CODE]
    assert not article.blocks[6].translatable and article.blocks[6].text.startswith("def fares")


def test_a_pre_of_prose_is_built_as_valid_html_its_paragraphs_translated(
        tmp_path: Path) -> None:
    """The build writes each translated paragraph in place of its lines, keeps the blank
    lines between them, and lets the <pre> wrap the long lines (white-space: pre-wrap)."""
    import html5lib

    from l10n.config import load_settings
    from l10n.workflow.build import build
    from l10n.workflow.translate import translate

    (tmp_path / "seeds").mkdir()
    write(tmp_path, "seeds/wire.html", f"<!DOCTYPE html>\n<title>Ferry plan</title>\n{_WIRE}\n")
    write(tmp_path, "l10n.toml", 'source = "en"\ntargets = ["ko"]\n')
    settings = load_settings(cwd=tmp_path)
    translate(settings, engine_name="pseudo")
    page = (build(settings, include_machine=True).out / "ko" / "wire.article.html").read_text(
        encoding="utf-8")
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("dom"),
                                 namespaceHTMLElements=False)
    pre = parser.parse(page).getElementsByTagName("pre")[0]
    assert parser.errors == []
    assert pre.getAttribute("style") == "white-space: pre-wrap"
    text = text_content(pre.childNodes)
    assert "Harbour council" not in text and "ferry" not in text  # every paragraph translated
    assert len(text.split("\n\n")) == 3  # the blank lines between paragraphs are kept
    assert [line[:4] for line in text.split("\n") if "--" in line] == ["    ", "    "]


_DRAFT = """<pre>
2.  Storage model

   The server stores data in nodes that form a tree structure. Internal
   nodes are called folders and leaf nodes are called documents.

   A successful GET request to a folder MUST be responded to with a
   JSON-LD document, for instance:

     GET /storage/bob/public/ HTTP/1.1
     Host: example.com
     Authorization: Bearer ofb24f1ac3973e70j6vts19qr9v2eei

     {"@context": "http://remotestorage.io/spec/folder-description",
      "items": {"abc": {"ETag": "DEADBEEF", "Content-Length": 10}}}

   The response MUST contain a strong ETag header, with the folder's new
   version (for instance a hash of its contents) as its value. Here
   &lt;storage_root&gt; is the URL of the storage.
</pre>"""


def test_the_prose_of_a_pre_with_examples_in_it_is_read_and_its_examples_are_code(
        tmp_path: Path) -> None:
    """A specification set as pages of a <pre> (an Internet-Draft): prose paragraphs with
    a request and a JSON document between them, whose symbols are too many for the
    <pre> to be prose as a whole. Its prose paragraphs (mostly words, few code symbols,
    a placeholder such as <storage_root> a word, ending as a sentence or a lead-in ends)
    are read as paragraphs; the examples, the
    numbered title with no sentence's end, stay code, untranslated, in their places."""
    article = read_article(write(tmp_path, "draft.html", f"<h1>remoteStorage</h1>\n{_DRAFT}\n"))
    body = [(b.kind, b.translatable, b.text) for b in article.blocks[1:]]
    assert [t for kind, _, t in body if kind == PARAGRAPH] == [
        "The server stores data in nodes that form a tree structure. Internal nodes are "
        "called folders and leaf nodes are called documents.",
        "A successful GET request to a folder MUST be responded to with a JSON-LD document, "
        "for instance:",
        "The response MUST contain a strong ETag header, with the folder's new version (for "
        "instance a hash of its contents) as its value. Here &lt;storage_root> is the URL "
        "of the storage."]
    code = [t for kind, translatable, t in body if kind == CODE and not translatable]
    assert [t.split()[0] for t in code] == ["2.", "GET", '{"@context":']
    assert len(body) == 6


def test_a_pre_with_examples_is_built_with_its_prose_translated_and_its_examples_as_they_are(
        tmp_path: Path) -> None:
    """The build writes each translated prose paragraph of the <pre> in place of its lines
    and leaves the request and the JSON example between them as they were."""
    from l10n.config import load_settings
    from l10n.workflow.build import build
    from l10n.workflow.translate import translate

    (tmp_path / "seeds").mkdir()
    write(tmp_path, "seeds/draft.html",
          f"<!DOCTYPE html>\n<title>remoteStorage</title>\n<h1>remoteStorage</h1>\n{_DRAFT}\n")
    write(tmp_path, "l10n.toml", 'source = "en"\ntargets = ["ko"]\n')
    settings = load_settings(cwd=tmp_path)
    translate(settings, engine_name="pseudo")
    page = (build(settings, include_machine=True).out / "ko" / "draft.article.html").read_text(
        encoding="utf-8")
    pre = page[page.index("<pre"):page.index("</pre>")]
    assert "The server stores data" not in pre and "strong ETag header" not in pre
    assert "2.  Storage model" in pre
    assert "     GET /storage/bob/public/ HTTP/1.1\n     Host: example.com\n" in pre
    assert '"items": {"abc": {"ETag": "DEADBEEF", "Content-Length": 10}}}' in pre

@pytest.mark.parametrize("text", [
    "$ pip install l10n\nCollecting l10n\n  Downloading l10n-1.0.tar.gz (12 kB)\n"
    "Successfully installed l10n-1.0\n$ l10n extract --json\n",
    "SELECT name, total FROM orders WHERE total > 100 AND status = 'paid'\n"
    "ORDER BY total DESC; -- the biggest orders. Then the rest.\n",
    "Team          W   L   Pct\nBoston       12   3  .800\nNew York      9   6  .600\n"
    "Chicago       7   8  .467\nDetroit       4  11  .267\n",
    '{\n  "title": "Ferry plan. Council backs it",\n  "words": 420,\n  "tags": ["news"]\n}\n',
    "int main(void) {\n    printf(\"Hello. World\\n\");  /* greet the user. Then exit */\n"
    "    return 0;\n}\n",
    "2008-01-05 19:05:12 INFO server started on port 8080\n"
    "2008-01-05 19:05:13 WARN cache miss for key user:42. Retrying\n",
])
def test_code_and_tables_in_a_pre_are_not_prose(text: str) -> None:
    from l10n.articles.preformatted import is_prose

    assert not is_prose(text)
    assert is_prose(_WIRE.removeprefix("<pre>").removesuffix("</pre>"))


def test_mojibake_in_a_page_is_repaired_with_a_warning_and_built_as_utf8(
        tmp_path: Path) -> None:
    """A page re-saved as UTF-8 that still declares ISO-8859-1 shows "â€™" for "’" in a
    browser; the text is repaired (ftfy), with a warning naming the line of the first
    repair, and the build (written in UTF-8) declares UTF-8. Text that only looks alike
    ("SÃO PAULO", "café »") is left as it is."""
    from l10n.config import load_settings
    from l10n.workflow.build import build
    from l10n.workflow.translate import translate

    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=iso-8859-1">\n<title>Ferry</title></head>\n<body><h1>Ferry</h1>\n'
            "<p>The council didn\u2019t wait\u2026 SÃO PAULO, café \u00bb ok.</p></body></html>")
    (tmp_path / "seeds").mkdir()
    path = write(tmp_path, "seeds/ferry.html", page.encode("utf-8"))
    with pytest.warns(UserWarning, match="mojibake") as caught:
        article = read_article(path)
    assert [w.message.error.line for w in caught] == [4]  # type: ignore[union-attr]
    assert markup_text(article.blocks[1].text) == (
        "The council didn\u2019t wait\u2026 SÃO PAULO, café \u00bb ok.")
    write(tmp_path, "l10n.toml", 'source = "en"\ntargets = ["ko"]\n')
    settings = load_settings(cwd=tmp_path)
    with pytest.warns(UserWarning, match="mojibake"):
        translate(settings, engine_name="pseudo")
        out = build(settings, include_machine=True).out
    built = (out / "en" / "ferry.article.html").read_bytes().decode("utf-8")
    assert 'content="text/html; charset=utf-8"' in built and "iso-8859-1" not in built
    assert "didn\u2019t wait\u2026 SÃO PAULO" in built
    from l10n.articles.source import repair_mojibake

    assert repair_mojibake("SÃO PAULO, café » déjà, Ã  la") == ("SÃO PAULO, café » déjà, Ã  la", 0)


def test_what_both_wider_readings_hold_is_read_when_it_is_not_furniture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The precise reading drops a story's cell of a layout table (here it is made to);
    trafilatura favouring recall and readability-lxml both hold it (here they are made to
    hold every block): it is read. What they hold that looks like furniture is not: a
    teaser cut short by an ellipsis, a caption's class, a paragraph of links, a copy of
    a line already read."""
    from l10n.articles import story

    real = story._story_filter
    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda precise: lambda block, cell: "girders every" not in block and precise(block, cell)
    )(real(text)))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: True)
    more = ('<div class="more"><table><tr><td><font>Engineers will inspect the girders every'
            ' six months from now on, the council said.</font></td></tr></table>'
            '<p class="teaser">Ferries lose half of their passengers overnight as drivers'
            ' return to the...</p><div class="photo-caption">Photo: the city council'
            ' archive</div><p>Read <a href="/f">more about the ferries</a> and <a href="/c">'
            'the plans for the cycle lane</a> here.</p><p>The first cars cross the bridge on'
            ' Monday.</p></div>')
    page = SITE.read_text(encoding="utf-8").replace(
        '</div>\n<aside class="related">', f'</div>{more}\n<aside class="related">')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "wide.html", page)).blocks]
    assert any(t.startswith("Engineers will inspect the girders") for t in texts)
    assert not any(t.startswith(("Ferries lose", "Photo:", "Read more")) for t in texts)
    assert texts.count("The first cars cross the bridge on Monday.") == 1
    for furniture in FURNITURE:
        assert not any(furniture in text for text in texts), furniture


def test_the_wider_readings_hold_a_pages_story_and_not_its_menu() -> None:
    """trafilatura favouring recall and readability-lxml, run for real on a site's page:
    both hold its story's paragraphs, and not its menu or its footer."""
    from l10n.articles.readings import agreed

    both = agreed(SITE.read_text(encoding="utf-8"))
    assert both("Commuters who had spent the closure on crowded ferries and long detours "
                "queued from dawn to be among the first to drive across the repaired span.",
                False)
    assert not both("News", False)
    assert not both("© 2025 The Coast Times. All rights reserved.", False)


def test_a_listing_of_other_stories_is_not_read_even_when_the_extractor_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Headline links each followed by a summary, three times or more in one element (a
    <dl> of <dt><a>/<dd>): other stories' teasers, not read though trafilatura keeps them
    (here it is made to keep every block); a story citing its sources as short links
    after its quotes keeps them."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    teasers = "".join(
        f'<dt><a href="/{n}">{head}</a></dt><dd>{summary}</dd>' for n, (head, summary) in
        enumerate([("Ferry operators count the cost of the reopening",
                    "The two ferry companies expect to lose half of their passengers."),
                   ("Council approves a new budget for road repairs",
                    "Councillors voted on Tuesday for a budget of twelve million dollars."),
                   ("A new cycle lane for the eastern side of the bridge",
                    "The lane will open once its safety barriers have arrived.")]))
    cited = "".join(f'<p>{quote}</p><p><a href="/{n}">[{source}]</a></p>' for n, (quote, source)
                    in enumerate([("The bridge feels solid and quiet under a car.", "Radio"),
                                  ("Queues at dawn were longer than at any ferry.", "Daily"),
                                  ("The new lights make the span a landmark.", "Post")]))
    page = SITE.read_text(encoding="utf-8").replace(
        '</div>\n<aside class="related">',
        f'{cited}</div><div class="lineup"><dl>{teasers}</dl></div>\n<aside class="related">')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "list.html", page)).blocks]
    assert any(t.startswith("Cyclists will have to wait") for t in texts)
    assert "The new lights make the span a landmark." in texts
    assert not any(t.startswith(("Ferry operators", "The two ferry", "Councillors voted",
                                 "The lane will open")) for t in texts)


def test_a_layout_tables_menu_cells_and_a_footers_prose_are_not_read(tmp_path: Path) -> None:
    """A 2000s page: its story and its menu are cells of one layout table, which trafilatura
    reads as a table; the cells that are all link (the menu) are not read. Prose in an
    element whose id says it is the footer is not the story's neighbour, though it has
    the tags and classes of the story's paragraphs."""
    story = "".join(f"<p>{p}</p>" for p in (
        "The harbour bridge reopened to traffic on Monday morning, two years after engineers "
        "closed it when they found cracks in two of its steel girders.",
        "Commuters who had spent the closure on crowded ferries and long detours queued from "
        "dawn to be among the first to drive across the repaired span.",
        "The city council said the repairs cost 48 million dollars, eleven million more than "
        "planned, because the damage was worse than the first inspection had shown."))
    menu = "".join(f'<tr><td><a href="/{n}">{name}</a></td></tr>' for n, name in
                   enumerate(["Business", "Entertainment", "Environment", "Health", "Sports"]))
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><table><tr>"
            f"<td><table>{menu}</table></td><td><h1>Harbour bridge reopens</h1>{story}</td></tr>"
            "</table><script>var a = 1;</script></body></html>")
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "layout.html", page)).blocks]
    assert any(t.startswith("The city council said the repairs") for t in texts)
    assert not any(t in ("Business", "Health", "Sports") for t in texts)
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><h1>Harbour bridge "
            f"reopens</h1><div class='section' id='story'>{story}</div><div class='section' "
            "id='footer'><p>This service may include material from news agencies and other "
            "sources.</p></div><script>var a = 1;</script></body></html>")
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "footer.html", page)).blocks]
    assert any(t.startswith("The city council said the repairs") for t in texts)
    assert not any("This service may include" in t for t in texts)


def test_readers_comments_are_not_read_even_when_the_extractor_keeps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Comments as CMSs mark them (WordPress's #comments and li.comment, schema.org's
    UserComments): not the story, though trafilatura may keep them (here it is made to
    keep every block); a wrapper of the story whose class says "with-comments" is not
    a comment section."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    said = ["Great news, the ferries were a nightmare every single morning.",
            "Eleven million over budget again, who pays for this in the end?"]
    thread = "".join(f'<li class="comment"><div class="comment-body"><p>{text}</p></div></li>'
                     for text in said)
    page = SITE.read_text(encoding="utf-8").replace(
        '<div class="main">', '<div class="main with-comments">').replace(
        '</div>\n<aside class="related">',
        f'<div id="comments"><h3>Two responses to this story</h3><ol class="commentlist">'
        f'{thread}</ol></div><div itemscope itemtype="https://schema.org/UserComments">'
        f'<p>Reader remark: the new lights look lovely from the beach.</p></div>'
        f'</div>\n<aside class="related">')
    texts = [markup_text(b.text) for b in read_article(write(tmp_path, "talk.html", page)).blocks]
    assert any(t.startswith("Cyclists will have to wait") for t in texts)
    assert not any(t.startswith(("Great news", "Eleven million over", "Two responses",
                                 "Reader remark")) for t in texts)


def test_a_row_of_share_icons_gives_no_alt_but_a_gallery_does(tmp_path: Path) -> None:
    """Linked pictures of their own in a row, with short alts ("digg", "reddit"): share
    buttons, whose alts are not read; a gallery's thumbnails, which open their pictures,
    keep theirs."""
    icons = "".join(f'<a href="https://{name}.example/submit?url=x"><img src="/i/{name}.gif" '
                    f'alt="{name}" width="20"></a>' for name in ("digg", "reddit", "furl"))
    gallery = "".join(f'<a href="/img/bridge-{n}.jpg"><img src="/img/bridge-{n}-s.jpg" '
                      f'alt="Bridge {n}"></a>' for n in range(3))
    page = SITE.read_text(encoding="utf-8").replace(
        '<p>Cyclists will have to wait', f'<div>{gallery}</div><p>Cyclists will have to wait'
    ).replace('<div class="ad-slot"><span>Advertising</span><p>Skip Ad</p></div>',
              f'<div class="tools">{icons}</div>')
    article = read_article(write(tmp_path, "icons.html", page))
    alts = [b.text for b in article.blocks if b.kind == ALT]
    assert "Bridge 0" in alts and "Bridge 2" in alts
    assert not any(alt in ("digg", "reddit", "furl") for alt in alts)
