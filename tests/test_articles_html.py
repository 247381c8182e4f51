"""HTML articles: the page a CMS exports, read into blocks of inline markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.articles import read_article
from l10n.articles.html import CAPTION, CELL, RAW
from l10n.articles.htmldom import escape_text, inner_markup, markup_text, parse_fragment
from l10n.errors import ArticleError
from l10n.model import BYLINE, CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_HEADER, TITLE
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
    assert kinds[:4] == [(BYLINE, 0, False, True), (TITLE, 0, False, True),
                         (PARAGRAPH, 0, False, True), (CAPTION, 0, False, True)]
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
    assert segments == ["T", 'See <a title="Dr. No. Yes." href="x">the film</a> today.',
                        "It is good."]


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


def test_translate_yes_inside_translate_no(tmp_path: Path) -> None:
    path = write(tmp_path, "t.html", '<h1>T</h1><div translate="no"><p>Brand line</p>'
                 '<p translate="yes">Translate me.</p></div><p> <code>x()</code> </p>')
    blocks = [(b.kind, b.translatable, b.text) for b in read_article(path).blocks]
    assert blocks == [(TITLE, True, "T"), (RAW, False, "Brand line"),
                      (PARAGRAPH, True, "Translate me.")]  # a run of code only is no block


@pytest.mark.parametrize(
    ("html", "line", "match"),
    [
        ("<h1>T</h1>\n<div>\n<p>Text", 3, "malformed HTML: Expected closing tag"),
        ("<h1>T</h1>\n<p>Hello <em>world</p>\n", 2, "malformed HTML: Unexpected end tag \\(p\\)"),
        ("<h1>T</h1>\n<p>x</span></p>", 2, "malformed HTML: Unexpected end tag \\(span\\)"),
        ("<h1>T</h1><p><b><i>x</b></i></p>", 1, "malformed HTML: End tag \\(b\\) violates"),
        ('<h1>T</h1>\n<p>x <a href="foo', 2, "malformed HTML: Unexpected end of file in attr"),
        ("<h1>T</h1>\n<p>a\x01b</p>", 2, "not text: control character U\\+0001"),
        ("<h1>T</h1><table><tr><td>a</td></tr>", 1, "malformed HTML"),
    ],
)
def test_bad_html_is_one_error_with_file_and_line(
    tmp_path: Path, html: str, line: int, match: str
) -> None:
    path = write(tmp_path, "bad.html", html)
    with pytest.raises(ArticleError, match=match) as info:
        read_article(path)
    assert info.value.path == str(path) and info.value.line == line
    assert info.value.exit_code == 2 and "\n" not in info.value.format_message()


def test_tolerated_parse_errors_are_not_bad(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.html", "<h1>AT&T &copy 2025</h1><p>R&D < 5% <!-- a -- b --></p>")
    article = read_article(path)  # no doctype, references without ';', a bare '<'
    assert article.title == "AT&T \u00a9 2025"
    assert article.blocks[1].text == "R&D < 5%"


def test_binary_file_named_html_and_bad_date_and_lang(tmp_path: Path) -> None:
    png = write(tmp_path, "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ArticleError, match="binary file"):
        read_article(png)
    date = write(tmp_path, "d.html", '<meta property="article:published_time" content="soon">'
                 "\n<h1>T</h1><p>x</p>")
    with pytest.raises(ArticleError, match="'soon' is not an ISO 8601 date") as info:
        read_article(date)
    assert info.value.line == 1
    lang = write(tmp_path, "l.html", '<html lang="xx-nope"><h1>T</h1><p>x</p>')
    with pytest.raises(ArticleError):
        read_article(lang)
    other = write(tmp_path, "ko.html", '<html lang="ko"><h1>제목</h1><p>본문.</p>')
    assert read_article(other).lang == "ko"
    empty = write(tmp_path, "e.html", "<h1>Only a title</h1><script>x()</script>")
    with pytest.raises(ArticleError, match="no body text"):
        read_article(empty)


@pytest.mark.slow
def test_cli_reports_bad_html_in_one_line_and_exits_2(tmp_path: Path) -> None:
    write(tmp_path, "l10n.toml", 'source = "en"\ntargets = ["ko"]\n')
    (tmp_path / "seeds").mkdir()
    write(tmp_path, "seeds/broken.html", "<h1>T</h1>\n<div><p>unclosed\n")
    result = run_l10n("extract", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: ")
    assert "seeds/broken.html:3: malformed HTML: Expected closing tag" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "locales").exists()


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
