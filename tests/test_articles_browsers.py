"""Pages a browser shows with their story, which l10n refused as having no body text
(issue #26): each page here is written in the shape of a class of real pages (the
sweep of public test suites' pages), read with the real extraction libraries."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.articles import read_article
from tests.test_articles_story import STORY, texts_of

MENU = "".join(f'<li><a href="/{n}">{n.title()}</a></li>'
               for n in ("news", "sport", "business", "weather", "culture"))


def test_a_story_column_set_in_an_aside_is_read(tmp_path: Path) -> None:
    """A site sets its story column in an <aside> (a regional paper's CMS: <main><aside
    class="direct-content">); browsers show it as any other box. The aside holds the
    page's paragraphs: it is no sidebar, and its story is read; the page's real sidebar,
    an aside with a teaser, is not."""
    story = "".join(f"<p>{p}</p>" for p in STORY)
    page = ("<html><head><title>Harbour bridge reopens - The Coast Times</title></head><body>"
            f"<header><nav><ul>{MENU}</ul></nav></header><main><aside class='direct-content'>"
            f"<section class='article'><h1>Harbour bridge reopens</h1>{story}</section>"
            "</aside></main><aside class='sidebar'><p><a href='/t1'>Ferry operators count "
            "the cost</a></p></aside><footer><p>Copyright The Coast Times</p></footer>"
            "<script>var a = 1;</script></body></html>")
    texts = texts_of(tmp_path, "aside.html", page)
    assert "Harbour bridge reopens" in texts
    assert [t for t in texts if t in STORY] == list(STORY)
    assert not any("Ferry operators" in t or "Copyright" in t for t in texts)
    # a sidebar whose widgets' paragraphs outweigh a story set outside <p> (and outside
    # any aside), its widget titles in <h1>s after the story's: still furniture
    widgets = "".join(f"<h1>Column {n}</h1><p>{p}</p>" for n, p in enumerate(STORY[::-1]))
    page = page.replace("<aside class='direct-content'>", "<div>").replace(
        f"{story}</section></aside>", "<div>" + "<br><br>".join(STORY) + "</div></section>"
        f"</div><aside class='sidebar'>{widgets}</aside>")
    texts = texts_of(tmp_path, "sidebar.html", page)
    assert "Harbour bridge reopens" in texts
    assert not any(t.startswith("Column") for t in texts)


def _ruby(word: str, reading: str) -> str:
    return f"<ruby>{word}<rt>{reading}</rt></ruby>"


def _dictionary(word: str, reading: str, n: int) -> str:
    return f'<a href="javascript:void(0)" class="dic" id="w{n}">{_ruby(word, reading)}</a>'


def test_a_japanese_page_with_readings_above_its_words_is_read(tmp_path: Path) -> None:
    """A news site for children and learners of Japanese sets the reading of each word
    above it (<ruby>橋<rt>はし</rt></ruby>: furigana, which the extraction libraries leave
    out) and links some words to a dictionary; Japanese is written without spaces, so a
    paragraph is a few "words", most of them in links. Its paragraphs are the story's,
    not menus, and the title is read as readers read it, without the readings."""
    r, d = _ruby, _dictionary
    paragraphs = [
        f"{r('港', 'みなと')}の{d('橋', 'はし', 1)}が{r('月曜日', 'げつようび')}に2"
        f"{r('年', 'ねん')}ぶりに{d('開通', 'かいつう', 2)}しました。{d('鉄', 'てつ', 3)}の"
        f"{d('部品', 'ぶひん', 4)}に{r('割', 'わ')}れ{r('目', 'め')}が見つかって、"
        f"{r('通', 'とお')}れなくなっていました。",
        f"朝早くから{r('多', 'おお')}くの{r('車', 'くるま')}が{d('列', 'れつ', 5)}を作って、"
        f"{d('新', 'あたら', 12)}しくなった{r('橋', 'はし')}を{d('渡', 'わた', 6)}りました。"
        f"{d('通勤', 'つうきん', 7)}の人たちはとても{r('喜', 'よろこ')}んでいました。",
        f"{r('市', 'し')}によると、{d('修理', 'しゅうり', 8)}には48{r('億円', 'おくえん')}"
        f"かかりました。{d('予定', 'よてい', 9)}より11{r('億円', 'おくえん')}"
        f"多くなりました。{d('傷', 'きず', 10)}が{r('思', 'おも')}っていたより"
        f"{d('大', 'おお', 11)}きかったためです。",
    ]
    title = f"{r('港', 'みなと')}の{r('橋', 'はし')}がまた{r('通', 'とお')}れるようになった"
    page = ("<html lang='ja'><head><title>NEWS EASY|港の橋がまた通れるようになった</title></head>"
            f"<body><header><nav><ul>{MENU}</ul></nav></header><main><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></main>"
            "<footer><p>Copyright NEWS EASY</p></footer><script>var a = 1;</script></body></html>")
    path = tmp_path / "ruby.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert article.title == "港の橋がまた通れるようになった"
    read = [b.text for b in article.blocks if b.kind == "paragraph"]
    assert read == paragraphs


def test_selectors_with_combinators_match_what_cssselect_matches(tmp_path: Path) -> None:
    """The page's hiding rules and the configured selectors are run as tests of each
    element's ancestors and earlier siblings (a rule starting ':not(:lang(en))' walked
    every element's subtree once per element): they match the elements cssselect's own
    XPath matches, in document order."""
    from cssselect import GenericTranslator

    from l10n.articles.htmldom import parse_html
    from l10n.articles.selectors import _lxml_copy, select

    page = ("<html lang='en'><body><div class='a'><p class='x'>one</p><section lang='fr'>"
            "<p class='x'>deux</p><span class='y'>trois</span><p>quatre</p></section></div>"
            "<ul><li>a</li><li class='y'>b</li><li>c</li></ul><h2>t</h2><p class='x'>five</p>"
            "</body></html>")
    document = parse_html(tmp_path / "page.html", page)
    selectors = ["div p", "div > p", ".a .x", "section > .x + .y", "h2 + p", "li ~ li",
                 ":not(:lang(en)) .x", "ul li:first-child", "div .y ~ p", "body > .x",
                 ".a section p.x", "li.y + li"]
    root, copies = _lxml_copy(document.dom.documentElement)  # type: ignore[arg-type]
    for selector in selectors:
        expected = {id(e) for e in root.xpath(GenericTranslator().css_to_xpath(selector))}
        wanted = [element for copy, element in copies if id(copy) in expected]
        assert wanted, selector
        assert select(document, [selector]) == wanted, selector


def _members_only(summary: str) -> str:
    teasers = "".join(f'<li><a href="/a/{n}"><h3>{t}</h3><p>{t} The full story is for '
                      f"members.</p></a></li>" for n, t in enumerate((
                          "Ferry operators count the cost of the reopening.",
                          "Councillors approve a budget for road repairs.",
                          "A new cycle lane opens in the spring.")))
    return ("<html><head><title>Harbour bridge reopens | Coast Security</title></head><body>"
            f"<header><nav><ul>{MENU}</ul></nav></header><main><header class='arti-header'>"
            f"<h1 class='head'>Harbour bridge reopens</h1><p class='arti-summary'>{summary}</p>"
            "<time datetime='2019-03-05'>5 March 2019</time></header><div class='arti-content'>"
            "<article class='arti-body'></article></div><section class='topics'>"
            f"<ul>{teasers}</ul></section></main><div class='register'><a href='/register'><div>"
            "<p class='caption'>Register as a member from the top right of the page to read "
            "members-only stories. Every Monday morning we send a newsletter that sums up the "
            "week's news.</p></div></a></div><footer><p>Copyright Coast Security</p></footer>"
            "<script>var a = 1;</script></body></html>")


def test_a_members_only_story_is_read_as_its_title_and_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A members-only story shows its headline and the summary under it (a class naming a
    summary); the libraries read the site's notice asking to register (here they are made
    to), which is inside a link, so no reading finds a paragraph of the story. The summary
    beside the headline is read (a Japanese one too: written without spaces, it is one
    "word" long); the notice and the teasers are not."""
    from l10n.articles import story

    notice = "Register as a member from the top right of the page"
    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: block.startswith(notice)))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: False)
    for summary in (STORY[0], "阪南大学は3月4日、同学の専任教員が学生情報等を保存したUSBメモリを"
                    "紛失したことが判明したと発表した。"):
        texts = texts_of(tmp_path, "members.html", _members_only(summary))
        assert texts[texts.index("Harbour bridge reopens"):] == ["Harbour bridge reopens",
                                                                 summary]
