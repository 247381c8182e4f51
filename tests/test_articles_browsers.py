"""Pages a browser shows with their story, which l10n refused as having no body text
(issue #26): each page here is written in the shape of a class of real pages (the
sweep of public test suites' pages), read with the real extraction libraries."""

from __future__ import annotations

from pathlib import Path

from l10n.articles import read_article
from l10n.articles.htmldom import markup_text

STORY = ("The harbour bridge reopened to traffic on Monday morning, two years after engineers "
         "closed it when they found cracks in two of its steel girders.",
         "Commuters who had spent the closure on crowded ferries and long detours queued from "
         "dawn to be among the first to drive across the repaired span.",
         "The city council said the repairs cost 48 million dollars, eleven million more than "
         "planned, because the damage was worse than the first inspection had shown.")
MENU = "".join(f'<li><a href="/{n}">{n.title()}</a></li>'
               for n in ("news", "sport", "business", "weather", "culture"))


def texts_of(tmp_path: Path, name: str, page: str) -> list[str]:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return [markup_text(b.text) for b in read_article(path).blocks]


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
    paragraphs = [
        f"{_ruby('港', 'みなと')}の{_dictionary('橋', 'はし', 1)}が{_ruby('月曜日', 'げつようび')}"
        f"に2{_ruby('年', 'ねん')}ぶりに{_dictionary('開通', 'かいつう', 2)}しました。"
        f"{_dictionary('鉄', 'てつ', 3)}の{_dictionary('部品', 'ぶひん', 4)}に"
        f"{_ruby('割', 'わ')}れ{_ruby('目', 'め')}が見つかって、{_ruby('通', 'とお')}れなくなっていました。",
        f"朝早くから{_ruby('多', 'おお')}くの{_ruby('車', 'くるま')}が{_dictionary('列', 'れつ', 5)}"
        f"を作って、{_dictionary('新', 'あたら', 12)}しくなった{_ruby('橋', 'はし')}を"
        f"{_dictionary('渡', 'わた', 6)}りました。{_dictionary('通勤', 'つうきん', 7)}の人たちは"
        f"とても{_ruby('喜', 'よろこ')}んでいました。",
        f"{_ruby('市', 'し')}によると、{_dictionary('修理', 'しゅうり', 8)}には48{_ruby('億円', 'おくえん')}"
        f"かかりました。{_dictionary('予定', 'よてい', 9)}より11{_ruby('億円', 'おくえん')}多くなりました。"
        f"{_dictionary('傷', 'きず', 10)}が{_ruby('思', 'おも')}っていたより{_dictionary('大', 'おお', 11)}"
        f"きかったためです。",
    ]
    title = f"{_ruby('港', 'みなと')}の{_ruby('橋', 'はし')}がまた{_ruby('通', 'とお')}れるようになった"
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
