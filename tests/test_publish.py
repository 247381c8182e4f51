"""Rendering localized pages (pure): pieces and coverage, HTML5 structure, escaping,
inline Markdown, typography per script, the page's own words, Markdown output."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import html5lib
import pytest
import yaml
from babel.numbers import format_percent
from markdown_it import MarkdownIt

from l10n.articles import read_article
from l10n.model import Article, Block
from l10n.publish import (
    Translation,
    localize,
    render_html,
    render_index,
    render_markdown,
    render_root,
)
from l10n.publish.locale import language_name, typography, ui
from l10n.publish.markdown import md_text
from l10n.publish.page import MACHINE, ORIGINAL, REVIEWED, SOURCE
from l10n.text.segment import segment_article
from tests.conftest import SEED

STRUCTURE = Path(__file__).resolve().parent / "data" / "build" / "structure.md"


def parse(html: str) -> ET.Element:
    """Parse as an HTML5 parser must; any parse error (invalid HTML) fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(html)


def text(element: ET.Element) -> str:
    return "".join(element.itertext())


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_article(SEED)


@pytest.fixture(scope="module")
def structure() -> Article:
    return read_article(STRUCTURE)


def test_original_page_gives_the_source_back(seed: Article) -> None:
    page = localize(seed, "en", {})
    for local, block in zip(page.blocks, seed.blocks, strict=True):
        assert local.text == block.text
        assert {p.status for p in local.pieces} <= {ORIGINAL, "space"}
    assert page.coverage.reviewed_percent == 100.0 and not page.used_machine


def test_pieces_follow_review_state(seed: Article) -> None:
    first, second = "Pedro Espinola Special Correspondent", seed.title
    translations = {first: Translation("특파원", reviewed=True), second: Translation("제목", False)}
    page = localize(seed, "ko", translations)
    assert (page.byline, page.title) == ("특파원", seed.title)
    assert [p.status for p in page.blocks[0].pieces] == [SOURCE]
    assert page.coverage.total == 13 and page.coverage.reviewed == 1
    assert page.coverage.machine == 1 and page.coverage.untranslated == 11
    assert page.coverage.reviewed_percent == 7.7 and not page.used_machine
    machine = localize(seed, "ko", translations, include_machine=True)
    assert machine.title == "제목" and machine.blocks[0].pieces[0].status == MACHINE
    assert machine.used_machine and machine.translated == 2
    assert machine.blocks[1].pieces[0].status == REVIEWED


def test_whitespace_between_segments_is_the_source_s(structure: Article) -> None:
    page = localize(
        structure,
        "ko",
        {
            "Read the [docs](https://example.com/docs) first.": Translation(
                "먼저 [문서](https://example.com/docs)를 읽으세요."
            )
        },
    )
    paragraph = page.blocks[3]
    assert paragraph.text.startswith("먼저 [문서](https://example.com/docs)를 읽으세요. Run `l10n")
    assert "the output.\nNever follow" in paragraph.text


def test_html_pages_are_valid_html5(seed: Article, structure: Article) -> None:
    for article in (seed, structure):
        for lang in ("en", "ko", "ar"):
            page = localize(article, lang, {}, include_machine=True)
            parse(render_html(page, ["en", lang]))
            parse(render_index(lang, [page], ["en", lang]))
    parse(render_root(["en", "ko", "ja"], "en"))


def test_markdown_structure_becomes_html(structure: Article) -> None:
    page = localize(structure, "ko", {"Install the package.": Translation("패키지를 설치합니다.")})
    root = parse(render_html(page, ["en", "ko"]))
    body = root.find("body/article")
    assert body is not None
    assert [h.tag for h in body.iter() if h.tag[0] == "h" and h.tag[1:].isdigit()] == [
        "h1",
        "h2",
        "h3",
    ]  # the title is the only h1: '# Overview' becomes h2, '## Steps' h3
    ol = body.find("ol")
    assert ol is not None and [text(li).split("\n")[0] for li in ol.findall("li")] == [
        "패키지를 설치합니다.",
        "Translate the catalog.",
        "Publish.",
    ]
    nested = ol.findall("li")[1].find("ul")
    assert nested is not None and len(nested.findall("li")) == 2
    assert len(body.findall("blockquote/p")) == 2
    code = body.find("pre/code")
    assert code is not None and code.get("class") == "language-python"
    assert code.text == 'print("<script>")'


def test_inline_markdown_rendered_and_raw_html_cleaned(structure: Article) -> None:
    html = render_html(localize(structure, "en", {}), ["en"])
    root = parse(html)
    links = [a for a in root.iter("a") if a.get("href", "").startswith(("http", "java"))]
    assert [a.get("href") for a in links] == ["https://example.com/docs"]  # no javascript:
    assert [c.text for c in root.iter("code")] == ["l10n build", 'print("<script>")']
    assert [e.text for e in root.iter("em")] == ["check"]
    # raw HTML inside a sentence keeps its allowed tags, cleaned as a raw HTML block is
    assert [b.text for b in root.iter("b")] == ["raw html"]
    attributes = " ".join(str(e.attrib) for e in root.iter())
    assert "onmouseover" not in attributes and "onclick" not in attributes
    assert "&lt;b" not in html
    # a raw HTML block keeps its markup, sanitized, marked as the source language
    (raw,) = [d for d in root.iter("div") if d.get("class") == "raw-html"]
    assert raw.get("lang") == "en" and [(d.tag, d.text) for d in raw] == [("div", "raw block")]
    assert "<title>Chips &amp; &lt;Data&gt;: a guide</title>" in html


def test_untranslated_text_keeps_its_language_and_direction(seed: Article) -> None:
    root = parse(
        render_html(localize(seed, "ar", {seed.title: Translation("عنوان")}), ["en", "ar"])
    )
    assert root.get("lang") == "ar" and root.get("dir") == "rtl"
    spans = [s for s in root.iter("span") if s.get("lang") == "en"]
    assert len(spans) == 12 and all(s.get("dir") == "ltr" for s in spans)


def test_machine_notice_in_page_language_or_english(seed: Article) -> None:
    translations = {seed.title: Translation("Título", reviewed=False)}
    for lang, notice, tag in [
        ("es", "Traducción automática, aún no revisada.", "es"),
        ("pt_BR", "Tradução automática, ainda não revisada.", "pt"),
        ("sw", "Machine-translated, not yet reviewed.", "en"),
    ]:
        page = localize(seed, lang, translations, include_machine=True)
        root = parse(render_html(page, ["en", lang]))
        note, rest = [p for p in root.iter("p") if p.get("class") == "notice"]
        assert (note.text, note.get("lang")) == (notice, tag)
        assert rest.get("lang") == tag and "%" in rest.text  # only the title is translated
        metas = {m.get("name"): m.get("content") for m in root.iter("meta")}
        assert metas["translation-status"] == "machine"
        assert metas["translation-notice"] == notice


def test_source_text_is_announced_in_the_page_language(seed: Article) -> None:
    """A page showing source-language text says how much is translated, in its own
    language (Babel's percent and language name), and says nothing when all is."""
    texts = [s.text for s in segment_article(seed)]
    half = {text: Translation(f"[{text}]") for text in texts[: len(texts) // 2]}
    page = localize(seed, "fr", half)
    assert 0 < page.translated_percent < 100 and page.source_shown
    root = parse(render_html(page, ["en", "fr"]))
    (note,) = [p for p in root.iter("p") if p.get("class") == "notice"]
    share = format_percent(Decimal(str(page.translated_percent)) / 100, locale="fr",
                           decimal_quantization=False)
    assert note.text == f"{share} de cet article est traduit ; le reste est affiché en anglais."
    metas = {m.get("name"): m.get("content") for m in root.iter("meta")}
    assert metas["translation-translated-percent"] == str(page.translated_percent)
    front = yaml.safe_load(render_markdown(page).split("---")[1])
    assert front["translation"]["translated_percent"] == page.translated_percent
    assert front["translation"]["notices"] == [note.text]
    whole = localize(seed, "fr", {text: Translation(f"[{text}]") for text in texts})
    assert whole.translated_percent == 100.0
    assert not [p for p in parse(render_html(whole, ["en", "fr"])).iter("p")
                if p.get("class") == "notice"]


def test_dates_and_names_follow_the_locale(seed: Article) -> None:
    for lang, date in [
        ("ko", "2025년 11월 2일"),
        ("ja", "2025年11月2日"),
        ("de", "2. November 2025"),
        ("en", "November 2, 2025"),
    ]:
        root = parse(render_html(localize(seed, lang, {}), [lang]))
        assert [t.text for t in root.iter("time")] == [date]
    assert [language_name(c) for c in ("ko", "ja", "es", "zh_Hant")] == [
        "한국어",
        "日本語",
        "Español",
        "中文 (繁體)",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ko", {"word_break": "keep-all", "line_height": "1.8", "dir": "ltr"}),
        ("ja", {"word_break": "normal", "line_break": "strict", "line_height": "1.8"}),
        ("zh_Hant", {"line_break": "strict"}),
        ("es", {"word_break": "normal", "line_height": "1.6"}),
        ("ar", {"dir": "rtl"}),
    ],
)
def test_typography_suits_the_script(lang: str, expected: dict[str, str]) -> None:
    style = typography(lang)
    assert {key: style[key] for key in expected} == expected
    if lang in ("ko", "ja", "zh_Hant"):
        assert style["font"].startswith(
            '"Noto Sans CJK ' + {"ko": "KR", "ja": "JP"}.get(lang, "TC")
        )


def test_ui_words_fall_back_to_base_language_then_english() -> None:
    assert ui("ko", "languages") == ("언어", "ko")
    assert ui("pt_BR", "articles") == ("Artigos", "pt")
    assert ui("sw", "languages") == ("Languages", "en")


def test_index_lists_newest_first(seed: Article) -> None:
    older = Article(
        SEED,
        "older",
        "Older story",
        (Block(0, "title", "Older story", 1),),
        published=datetime(2024, 1, 1),
    )
    pages = [localize(older, "en", {}), localize(seed, "en", {})]
    root = parse(render_index("en", pages, ["en"]))
    assert [a.get("href") for a in root.iter("a") if a.get("href", "").count("/") == 0] == [
        "nvidia-korea-ai-alliance.html",
        "older.html",
    ]


def test_markdown_output_keeps_the_structure(structure: Article) -> None:
    page = localize(structure, "ko", {"Install the package.": Translation("패키지를 설치합니다.")})
    md = render_markdown(page)
    front, body = md.split("---\n")[1:3]
    assert 'title: "Chips \\u0026 \\u003cData\\u003e: a guide"\nlang: "ko"\n' in front
    assert yaml.safe_load(front)["title"] == "Chips & <Data>: a guide"
    # 1 of 16 segments, the raw HTML block's "raw block" among them
    assert "  reviewed_percent: 6.2\n  machine: false\n" in front
    assert "# Overview\n" in body and "## Steps\n" in body
    assert (
        "1. 패키지를 설치합니다.\n2. Translate the catalog.\n    - Review fuzzy entries.\n" in body
    )
    assert "> Quoted line one.\n>\n> Quoted line two.\n" in body
    assert '```python\nprint("<script>")\n```\n' in body
    html = MarkdownIt("commonmark").render(body)  # raw HTML allowed, as many sites do
    assert "<ol>" in html and "<ul>" in html and "<blockquote>" in html
    assert "<b " not in html  # raw HTML inside a sentence came out as text
    assert "<div>raw block</div>" in html and "steal" not in html  # a block: sanitized


def test_text_article_markdown_escapes_markup(seed: Article) -> None:
    md = render_markdown(localize(seed, "en", {}))
    assert md.startswith('---\ntitle: "NVIDIA Hails South Korea')
    assert 'source_lang: "en"\nbyline: "Pedro Espinola Special Correspondent"\n' in md
    assert md.count("\n\n") == 3 and "Global AI powerhouse" in md


@pytest.mark.parametrize(
    ("source", "plain", "escaped"),
    [
        ("# not a heading", True, "\\# not a heading"),
        ("1. not a list", True, "1\\. not a list"),
        ("- not a list", True, "\\- not a list"),
        ("a *b* [c](d) `e` <f> &amp;", True, "a \\*b\\* \\[c\\](d) \\`e\\` \\<f\\> \\&amp;"),
        ("AT&T 3 < 4", True, "AT&T 3 \\< 4"),
        (
            "<script>x</script> `<b>` <https://a.b>",
            False,
            "x `<b>` <https://a.b>",  # a tag not allowed goes, its text stays
        ),
        ('<b onclick="f()">b</b> <!-- c -->', False, "<b>b</b> "),  # cleaned, as raw HTML
        ("*kept* [link](u)", False, "*kept* [link](u)"),
    ],
)
def test_md_text(source: str, plain: bool, escaped: str) -> None:
    assert md_text(source, plain=plain) == escaped
    rendered = MarkdownIt("commonmark").renderInline(escaped)
    assert "<script" not in rendered and "<f>" not in rendered


TABLES = STRUCTURE.parent / "tables.md"


@pytest.fixture(scope="module")
def tables() -> Article:
    return read_article(TABLES)


def _pseudo_everything(article: Article) -> dict[str, Translation]:
    """The pseudo engine's output for every segment, as machine translations."""
    from l10n.engines.pseudo import pseudo_localize
    from l10n.text.segment import segment_article

    return {s.text: Translation(pseudo_localize(s.text) + " | x", reviewed=False)
            for s in segment_article(article)}


def test_tables_are_html_tables(tables: Article) -> None:
    translations = {"Company": Translation("회사"),
                    "Memory leads.": Translation("메모리가 앞선다.")}
    root = parse(render_html(localize(tables, "ko", translations), ["en", "ko"]))
    first, second = root.iter("table")
    heads = [(th.get("style"), text(th)) for th in first.iter("th")]
    assert heads == [("text-align: left", "회사"), ("text-align: right", "Revenue | 2025"),
                     ("text-align: center", "Note")]
    rows = [[text(td) for td in tr.iter("td")] for tr in first.find("tbody").iter("tr")]
    assert rows == [["Samsung Electronics", "300 trillion won", "메모리가 앞선다. HBM grew fast."],
                    ["SK hynix", "66 trillion won", ""], ["TSMC", "$90 billion", "Report"]]
    assert first.find("tbody/tr/td/code") is None  # code is in the third row
    assert [text(td) for td in second.iter("td")] == ["a", "b"]
    assert "|" not in text(root.find("body/article")).replace("Revenue | 2025", "")


def test_pseudo_output_never_breaks_a_markdown_table(tables: Article) -> None:
    """Translations with pipes (and pseudo accents) stay inside their cells in the .md
    build: a GFM renderer finds the same tables, rows and cells."""
    page = localize(tables, "es", _pseudo_everything(tables), include_machine=True)
    body = render_markdown(page).split("---\n", 2)[2]
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    shapes, cells, row = [], [], 0
    for token in tokens:
        if token.type == "table_open":
            shapes.append([])
        elif token.type == "tr_open":
            row = 0
        elif token.type in ("th_open", "td_open"):
            row += 1
        elif token.type == "tr_close":
            shapes[-1].append(row)
        elif token.type == "inline" and token.map and token.level > 3:
            cells.append(token.content)
    assert shapes == [[3, 3, 3, 3], [2, 2]]
    assert all(c.endswith(" | x") or not c for c in cells), cells
    assert "| :--- | ---: | :---: |" in body


def test_raw_html_blocks_keep_their_markup_sanitized(tables: Article) -> None:
    page = localize(tables, "ko", {}, include_machine=True)
    html = render_html(page, ["en", "ko"])
    root = parse(html)
    (raw,) = [d for d in root.iter("div") if d.get("class") == "raw-html"]
    (note,) = raw
    assert (note.tag, note.get("class"), note.get("onclick")) == ("div", "note", None)
    assert [e.tag for e in note.iter()] == ["div", "p", "b", "a"]
    assert note.find("a").get("href") is None  # javascript: URLs are dropped
    assert "<script" not in html and "alert(" not in html and "steal" not in html
    md = render_markdown(page)
    assert '<div class="note">\n<p>Figures are <b>rounded</b>.</p>' in md
    assert "<script" not in md and "alert(" not in md and "steal" not in md
    rendered = MarkdownIt("commonmark").render(md.split("---\n", 2)[2])  # raw HTML on
    assert "<script" not in rendered and "<b>rounded</b>" in rendered


def test_link_titles_and_the_description_are_translated_in_every_build(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        '+++\ntitle = "Cats"\ndescription = "All about cats."\n+++\n\n'
        'See [the guide](https://x.org/g "The cat guide") and ![a cat](c.png "Our cat").\n',
        encoding="utf-8",
    )
    article = read_article(path)
    source = article.blocks[-3].text
    translations = {
        "Cats": Translation("Chats"), "All about cats.": Translation("Tout sur les chats."),
        source: Translation('Voir [le guide](https://x.org/g "The cat guide") et '
                            '![un chat](c.png "Our cat").'),
        "The cat guide": Translation("Le guide du chat"), "Our cat": Translation('Notre "chat"'),
    }
    page = localize(article, "fr", translations)
    markdown = render_markdown(page)
    front = yaml.safe_load(markdown.split("---")[1])
    assert front["description"] == "Tout sur les chats."
    assert '[le guide](https://x.org/g "Le guide du chat")' in markdown
    assert '![un chat](c.png "Notre \\"chat\\"")' in markdown
    assert "The cat guide" not in markdown and "Our cat" not in markdown  # no own paragraph
    html = render_html(page, ["en", "fr"])
    assert '<meta name="description" content="Tout sur les chats.">' in html
    assert 'title="Le guide du chat"' in html
    assert 'alt="un chat" title="Notre &quot;chat&quot;"' in html


def test_an_html_articles_alt_text_and_link_title_in_the_templated_page(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text('<h1>T</h1><p>See <img src="c.png" alt="A cat"> and '
                    '<a href="/g" title="The guide">this</a>.</p>', encoding="utf-8")
    article = read_article(path)
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "alt", "link-title"]
    source = article.blocks[1].text
    translations = {
        "T": Translation("T"), "A cat": Translation("Un chat"),
        "The guide": Translation("Le guide"),
        source: Translation(source.replace("See", "Voir").replace(" and ", " et ")),
    }
    html = render_html(localize(article, "fr", translations), ["en", "fr"])
    assert '<img src="c.png" alt="Un chat">' in html
    assert '<a href="/g" title="Le guide">this</a>' in html


def test_an_html_articles_picture_of_its_own_is_in_every_build(tmp_path: Path) -> None:
    """A standalone <img> (a figure, not in a sentence) is shown with its translated alt
    in the templated HTML and in the Markdown build (which Hugo's build is made of); an
    address with a script's scheme is left out."""
    path = tmp_path / "a.html"
    path.write_text('<h1>T</h1><p>Text here.</p><figure><img src="/img/a cat.png" alt="A cat">'
                    '<figcaption>Our cat.</figcaption></figure><p>More.</p>'
                    '<div><img src="javascript:alert(1)" alt="Bad image"></div>',
                    encoding="utf-8")
    article = read_article(path)
    translations = {"A cat": Translation("Un [chat]"), "Our cat.": Translation("Notre chat."),
                    "Bad image": Translation("Mauvaise")}
    page = localize(article, "fr", translations)
    html = render_html(page, ["en", "fr"])
    assert ('<figure><img src="/img/a cat.png" alt="Un [chat]"><figcaption>Notre chat.'
            '</figcaption></figure>') in html
    assert "javascript" not in html and "Mauvaise" not in html
    markdown = render_markdown(page)
    assert "![Un \\[chat\\]](</img/a%20cat.png>)" in markdown
    assert "javascript" not in markdown
    assert markdown.index("Text here.") < markdown.index("![Un") < markdown.index("Notre chat.")


def test_a_figures_picture_with_no_alt_is_shown_with_its_caption(tmp_path: Path) -> None:
    """A figure's picture with no alt text (and a lazy one, its address in data-src) is
    shown above its caption in every build; nothing of it is translated."""
    path = tmp_path / "a.html"
    path.write_text('<h1>T</h1><p>Text here.</p><figure><img src="/img/bridge.jpg">'
                    '<figcaption>The bridge.</figcaption></figure><p>More.</p><figure>'
                    '<div><img src="data:image/gif;base64,R0lGOD" data-src="/img/b.jpg" alt="">'
                    '</div><figcaption>At night.</figcaption></figure>'
                    '<p><img src="/img/pixel.gif"> Last.</p><img src="/img/tracker.gif">',
                    encoding="utf-8")
    article = read_article(path)
    assert [(b.kind, b.translatable, b.info) for b in article.blocks if b.kind == "alt"] == [
        ("alt", False, "/img/bridge.jpg"), ("alt", False, "/img/b.jpg")]
    page = localize(article, "fr", {"The bridge.": Translation("Le pont.")})
    html = render_html(page, ["en", "fr"])
    assert ('<figure><img src="/img/bridge.jpg" alt=""><figcaption>Le pont.</figcaption>'
            '</figure>') in html
    assert html.index("/img/bridge.jpg") < html.index("Le pont.") < html.index("/img/b.jpg")
    assert "tracker" not in html
    markdown = render_markdown(page)
    assert "![](</img/bridge.jpg>)\n\nLe pont." in markdown
    assert "![](</img/b.jpg>)\n\nAt night." in markdown


def test_a_picture_with_no_caption_is_shown_in_every_build(tmp_path: Path) -> None:
    """A picture of its own with alt text and no caption (a news page's lead photo, a
    video's poster) is shown, its alt translated, with no caption, in every build: a
    real page's build once failed on it (the templates asked for the missing caption)."""
    path = tmp_path / "a.html"
    path.write_text('<h1>T</h1><p>Text here.</p><figure><img src="/img/fire.jpg" '
                    'alt="The gutted remains"></figure><p>More.</p>', encoding="utf-8")
    page = localize(read_article(path), "fr", {"The gutted remains": Translation("Les restes")})
    html = render_html(page, ["en", "fr"])
    assert '<figure><img src="/img/fire.jpg" alt="Les restes"></figure>' in html
    assert "figcaption" not in html
    markdown = render_markdown(page)
    assert "![Les restes](</img/fire.jpg>)\n\nMore." in markdown


def test_an_html_articles_inline_picture_is_in_the_markdown_build(tmp_path: Path) -> None:
    """A picture inside a sentence of an HTML article is carried into the Markdown build
    (and so Hugo's), where its run is, with its alt translated; an unsafe one is not."""
    path = tmp_path / "a.html"
    path.write_text('<h1>T</h1><p>The new sign <img src="/img/sign one.png" alt="A red sign">'
                    ' is up. <img src="javascript:x()" alt="Bad"> Done *now*.</p>',
                    encoding="utf-8")
    article = read_article(path)
    run = article.blocks[1].text
    translations = {"A red sign": Translation("Un panneau [rouge]"),
                    "Bad": Translation("Mauvais"),
                    **{s.text: Translation(s.text.replace("The new sign", "Le panneau"))
                       for s in segment_article(article) if "new sign" in s.text}}
    markdown = render_markdown(localize(article, "fr", translations))
    assert "Le panneau ![Un panneau \\[rouge\\]](</img/sign%20one.png>) is up." in markdown
    assert "javascript" not in markdown and "Mauvais" not in markdown
    assert "Done \\*now\\*." in markdown and "<img" in run


def test_a_left_out_pictures_caption_stays(tmp_path: Path) -> None:
    """A picture whose address has a script's scheme is left out of the builds, but the
    caption under it stays, as a paragraph."""
    path = tmp_path / "a.html"
    path.write_text('<h1>T</h1><p>Text here.</p><figure><img src="javascript:x()" alt="Bad">'
                    '<figcaption>The caption.</figcaption></figure><p>More.</p>',
                    encoding="utf-8")
    page = localize(read_article(path), "fr", {})
    html, markdown = render_html(page, ["en", "fr"]), render_markdown(page)
    assert "javascript" not in html and "javascript" not in markdown
    assert "The caption.</span></p>" in html
    assert "Text here.\n\nThe caption.\n\nMore." in markdown
