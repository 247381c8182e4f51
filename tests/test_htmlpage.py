"""HTML articles built as themselves: the CMS page with its text translated."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import html5lib
import polib
import pytest

from l10n.articles import read_article
from l10n.config import load_settings
from l10n.errors import InputError
from l10n.publish import localize
from l10n.publish.htmlpage import render_article_page, safe_inline
from l10n.workflow.build import build
from l10n.workflow.translate import translate
from tests.conftest import DATA
from tests.test_browser import dump_dom

CMS = DATA / "html" / "cms-article.html"
SLUG = "cms-article"


@pytest.fixture()
def html_project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    shutil.copy(CMS, tmp_path / "seeds" / CMS.name)
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    return tmp_path


def catalog(project: Path) -> Path:
    return project / "locales" / "ko" / f"{SLUG}.po"


def edit(project: Path, changes: dict[str, str]) -> None:
    """A translator's edits, accepted (not fuzzy), as a PO editor saves them."""
    po = polib.pofile(str(catalog(project)))
    for entry in po:
        for start, text in changes.items():
            if entry.msgid.startswith(start):
                entry.msgstr, entry.flags = text, []
    po.save()


def elements(page: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}\b[^>]*>.*?</{tag}>", page, re.S)


def test_build_writes_the_translated_page_beside_the_templated_ones(html_project: Path) -> None:
    settings = load_settings(cwd=html_project)
    translate(settings, engine_name="pseudo")
    result = build(settings, include_machine=True)
    out = result.out
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert f"ko/{SLUG}.article.html" in names and f"en/{SLUG}.article.html" in names
    assert f"ko/{SLUG}.html" in names  # the templated page is still written
    source = CMS.read_text(encoding="utf-8")
    page = (out / "ko" / f"{SLUG}.article.html").read_text(encoding="utf-8")
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    parser.parse(page)
    assert parser.errors == []  # a valid HTML5 document
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ko" dir="ltr">' in page
    assert '<link rel="alternate" hreflang="en" href="../en/cms-article.article.html">' in page
    assert '<link rel="alternate" hreflang="x-default" href="../en/' in page
    assert 'rel="canonical"' not in page  # no site URL: the source's canonical is dropped
    assert page.count('property="og:locale"') == 1  # Open Graph's form, in place of en_US
    assert '<meta property="og:locale" content="ko_KR">' in page
    assert '<meta name="translation-status" content="machine">' in page
    assert 'class="l10n-notice" role="note" lang="ko"' in page
    # what is never translated is exactly as the source has it
    for tag in ("script", "style", "pre"):
        ours = [e for e in elements(page, tag) if 'type="application/ld+json"' not in e]
        assert ours == elements(source, tag)  # l10n's JSON-LD aside
    assert "<p translate=\"no\">© 2025 The Korea Desk. All rights reserved.</p>" in page
    assert '<span translate="no">AI Megafactory</span>' in page
    assert "<code>nvidia-smi --query-gpu=name</code>" in page
    # an image's alt text and the page's description are translated in place
    assert '<img src="/uploads/2025/11/huang-apec.jpg" alt="⟦' in page
    assert '<meta name="description" content="⟦' in page
    # translated text, with the source's tags and attributes
    assert '<h1 class="entry-title">⟦' in page and "<title>⟦" in page and "| The Korea Desk" in page
    assert '<a rel="author" href="/authors/kim-min-ji">Ķíɱ Ṁíñ-ĵí</a>' in page
    assert '<meta name="author" content="⟦Ķíɱ' in page
    assert "<em>⟦Đéţáíĺš" in page or "⟦<em>Đéţáíĺš" in page
    # the source-language page is the source, with hreflang links added
    original = (out / "en" / f"{SLUG}.article.html").read_text(encoding="utf-8")
    assert '<meta name="translation-status" content="original">' in original
    assert 'rel="canonical"' in original
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', original, re.S)
    assert "⟦" not in original.replace(data, "")  # its JSON-LD names its translations
    # a second build changes nothing
    again = build(settings, include_machine=True)
    assert again.written == ()


def test_translations_cannot_inject_markup(html_project: Path, tmp_path: Path) -> None:
    settings = load_settings(cwd=html_project)
    translate(settings, engine_name="pseudo")
    edit(html_project, {
        "By <a": '<script>document.title="pwned"</script><a href="javascript:evil()" '
                 'onclick="evil()">김민지</a> 기자 <img src=x onerror="document.title=\'pwned\'">'
                 '<a rel="author" href="/authors/kim-min-ji">김민지</a><!-- x -->',
        "Developers can": "<code>rm -rf /</code> 개발자는 <b>먼저</b> 확인할 수 있다.",
        "Samsung: 50,000": '삼성: <span translate="no">인공지능 메가팩토리</span>.',
    })
    out = build(settings).out
    for name in (f"{SLUG}.article.html", f"{SLUG}.html"):
        page = (out / "ko" / name).read_text(encoding="utf-8")
        assert "javascript:" not in page and "onclick" not in page and "onerror" not in page
        assert "pwned" not in page and "<b>" not in page and "rm -rf" not in page
        assert '<a rel="author" href="/authors/kim-min-ji">김민지</a>' in page
    page = (out / "ko" / f"{SLUG}.article.html").read_text(encoding="utf-8")
    assert "김민지 기자" in page  # the unknown link was unwrapped to its text
    assert "<code>nvidia-smi --query-gpu=name</code> 개발자는 먼저 확인할 수 있다." in page
    assert '<span translate="no">AI Megafactory</span>' in page  # never translated
    assert "<!-- x -->" not in page


def test_untranslated_sentences_are_marked_in_the_source_language(html_project: Path) -> None:
    settings = load_settings(cwd=html_project)
    translate(settings, engine_name="pseudo")
    done = "엔비디아는 <strong>블랙웰 GPU 26만 개</strong>를 공급한다."
    edit(html_project, {"Nvidia will supply": done})
    page = (build(settings).out / "ko" / f"{SLUG}.article.html").read_text(encoding="utf-8")
    assert f'{done} <span lang="en">The deal' in page
    assert '<h2 lang="en">What each company gets</h2>' in page  # a block not translated
    assert '<meta name="translation-status" content="reviewed">' in page
    # no machine translation shown: one note, saying in Korean how much is translated
    (note,) = re.findall(r'<p class="l10n-notice" role="note" lang="ko">([^<]*)</p>', page)
    # 2 of 25 texts (the description and alt texts are segments too)
    assert note == "이 기사는 8%만 번역되었으며, 나머지는 원문(영어)으로 표시됩니다."


def test_an_article_changed_during_the_build_is_refused(tmp_path: Path) -> None:
    article = read_article(CMS)
    page = localize(article, "ko", {})
    changed = CMS.read_text(encoding="utf-8").replace("What each company gets", "Who gets what")
    with pytest.raises(InputError, match="changed on disk"):
        render_article_page(page, changed, ["en", "ko"])


@pytest.mark.parametrize(
    ("translated", "source", "expected"),
    [
        ('<a href="x">링크</a> <em>강조</em>', 'a <a href="x">link</a> <em>e</em>',
         '<a href="x">링크</a> <em>강조</em>'),
        ('<a href="y">링크</a>', '<a href="x">link</a>', "링크"),
        ("<script>alert(1)</script>텍스트 &lt;b&gt;", "text", "텍스트 &lt;b&gt;"),
        ("<em>열림", "<em>open", "<em>열림</em>"),
        ('<code>바뀜</code> 설명', "<code>kept</code> text", "<code>kept</code> 설명"),
    ],
)
def test_safe_inline(translated: str, source: str, expected: str) -> None:
    assert safe_inline(translated, source) == expected


@pytest.mark.slow
def test_the_browser_runs_nothing_a_translation_added(html_project: Path, tmp_path: Path) -> None:
    settings = load_settings(cwd=html_project)
    translate(settings, engine_name="pseudo")
    edit(html_project, {"Nvidia will supply": '<img src=x onerror="document.title=\'pwned\'">'
                        "<script>document.title='pwned'</script>엔비디아가 공급한다."})
    page = build(settings).out / "ko" / f"{SLUG}.article.html"
    dom = dump_dom(tmp_path, page)
    assert "pwned" not in dom and '<html lang="ko" dir="ltr">' in dom
    assert "엔비디아가 공급한다." in dom


def test_a_tag_a_translation_leaves_open_stays_in_its_sentence(html_project: Path) -> None:
    settings = load_settings(cwd=html_project)
    translate(settings, engine_name="pseudo")
    edit(html_project, {"Nvidia will supply": "엔비디아는 <strong>GPU 26만 개를 공급한다.",
                        "The deal covers": "계약 대상은 삼성전자다.</em>"})
    page = (build(settings).out / "ko" / f"{SLUG}.article.html").read_text(encoding="utf-8")
    assert ("<p>엔비디아는 <strong>GPU 26만 개를 공급한다.</strong> 계약 대상은 삼성전자다.</p>"
            in page)


SITE = DATA / "html" / "site-page.html"


@pytest.mark.parametrize("config", ["", '\n[html]\ncontent = "div.main"\nexclude = [".share"]\n'])
def test_a_site_page_keeps_its_furniture_and_translates_only_the_story(
    tmp_path: Path, config: str
) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(SITE, tmp_path / "seeds" / SITE.name)
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n' + config,
                                        encoding="utf-8")
    settings = load_settings(cwd=tmp_path)
    translate(settings, engine_name="pseudo")
    out = build(settings, include_machine=True).out
    page = (out / "ko" / "site-page.article.html").read_text(encoding="utf-8")
    templated = (out / "ko" / "site-page.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="⟦Ţĥé ĥáŕƀóúŕ' in templated
    assert "Advertising" not in templated and "Share on" not in templated
    # the furniture is the source's, word for word
    for furniture in ("Accept all cookies", "<span>Advertising</span>", "Share on Twitter",
                      "Related stories", "Ten day trips from the city", "About us"):
        assert furniture in page, furniture
    # the story, its image's alt text and the page's description are translated
    assert "The harbour bridge reopened to traffic" not in page
    assert "<p>⟦Ţĥé ĥáŕƀóúŕ ƀŕíđĝé ŕéóþéñéđ" in page
    assert 'alt="⟦Çáŕš çŕóššíñĝ' in page
    assert '<meta name="description" content="⟦Ţĥé ĥáŕƀóúŕ' in page


def test_a_gate_removes_the_article_page_and_its_manifest_entry(html_project: Path) -> None:
    """After --include-machine, --min-reviewed 50 leaves no Korean page behind: the
    ``.article.html`` (with its machine banner) goes with the templated pages."""
    import json

    settings = load_settings(cwd=html_project)
    translate(settings, engine_name="pseudo")
    first = build(settings, include_machine=True)
    ko = first.out / "ko"
    assert (ko / f"{SLUG}.article.html").is_file()
    second = build(settings, min_reviewed=50)
    assert [s.lang for s in second.skipped] == ["ko"]
    assert not ko.exists() or not any(ko.iterdir())
    listed = json.loads((first.out / ".l10n-build.json").read_text("utf-8"))["files"]
    assert not [name for name in listed if name.startswith("ko/")]
    assert f"en/{SLUG}.article.html" in listed
    removed = {p.relative_to(first.out).as_posix() for p in second.removed}
    assert f"ko/{SLUG}.article.html" in removed


def _tables(page: str) -> list[tuple[list[str], list[list[str]]]]:
    """(header cells, body rows) of each table, as a browser's parser reads them."""
    import lxml.html

    found = []
    for table in lxml.html.fromstring(page).iter("table"):
        header = [" ".join(c.text_content().split()) for c in table.xpath("./thead/tr/th")]
        rows = [[" ".join(c.text_content().split()) for c in tr.xpath("./td|./th")]
                for tr in table.xpath("./tbody/tr")]
        found.append((header, rows))
    return found


def test_tables_keep_their_header_and_rows_in_the_templated_pages(html_project: Path) -> None:
    """The CMS's table (a first row of <th>, no <thead>) and a table with a <thead>, row
    headers and an empty cell come out with their rows, in every language."""
    (html_project / "seeds" / "results.html").write_text(
        "<html lang='en'><body><h1>Results</h1><p>The results are in.</p><table>"
        "<thead><tr><td></td><th>Votes</th><th>Share</th></tr></thead><tbody>"
        "<tr><th>Kim</th><td>1,200</td><td>48%</td></tr>"
        "<tr><td></td><td>900</td><td>36%</td></tr></tbody></table></body></html>",
        encoding="utf-8")
    settings = load_settings(cwd=html_project)
    translate(settings, engine_name="pseudo")
    out = build(settings, include_machine=True).out
    for lang in ("en", "ko"):
        cms = _tables((out / lang / f"{SLUG}.html").read_text("utf-8"))
        assert len(cms) == 1 and len(cms[0][0]) == 2 and len(cms[0][1]) == 2
        assert all(len(row) == 2 for row in cms[0][1])
        results = _tables((out / lang / "results.html").read_text("utf-8"))
        assert [len(results[0][0]), [len(row) for row in results[0][1]]] == [3, [3, 3]]
    english = _tables((out / "en" / f"{SLUG}.html").read_text("utf-8"))[0]
    assert english == (["Company", "GPUs"],
                       [["Samsung Electronics", "50,000"], ["Naver Cloud", "60,000"]])
    markdown = (out / "en" / f"{SLUG}.md").read_text("utf-8")
    assert "| Company | GPUs |\n| --- | --- |\n| Samsung Electronics | 50,000 |\n" in markdown


def _built_in_korean(tmp_path: Path, name: str, html: str) -> Path:
    """A project of one page ``name``, translated with ``pseudo`` and built with machine
    text: the Korean build's folder."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / name).write_text(html, encoding="utf-8")
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    settings = load_settings(cwd=tmp_path)
    translate(settings, engine_name="pseudo")
    return build(settings, include_machine=True).out / "ko"


def test_a_standfirst_that_is_the_description_is_translated_in_every_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site's page shows its description under the headline (a standfirst), apart from
    the story's paragraphs, where the extractor drops it (here it is made to). It is
    read as the story's text: the ``.article.html`` build shows it translated where the
    page shows it (not only in the ``<meta>``), and the templated and Markdown builds
    show it, translated, in the story."""
    from l10n.articles import story

    paragraphs = ("The harbour bridge reopened to traffic on Monday morning, two years after "
                  "engineers closed it.", "Commuters queued from dawn to be among the first "
                  "to drive across the repaired span.")
    monkeypatch.setattr(story, "_story_filter", lambda text: (
        lambda block, cell: " ".join(block.split()) in paragraphs))
    monkeypatch.setattr(story, "_agreed", lambda text: lambda block, cell: False)
    dek = "Commuters queue from dawn as the span opens two years after cracks closed it"
    out = _built_in_korean(tmp_path, "dek.html", (
        f"<html><head><title>Bridge reopens</title><meta name='description' content='{dek}'>"
        "</head><body><nav><a href='/'>Home</a></nav><header><h1>Bridge reopens</h1>"
        f"<div class='dek'>{dek}</div></header><div class='body'>"
        + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></body></html>"))
    page = (out / "dek.article.html").read_text(encoding="utf-8")
    assert dek not in page
    assert '<div class="dek">⟦Çóɱɱúţéŕš ǫúéúé' in page
    assert '<meta name="description" content="⟦Çóɱɱúţéŕš ǫúéúé' in page
    for name in ("dek.html", "dek.md"):
        built = (out / name).read_text(encoding="utf-8")
        assert dek not in built
        body = built.split("</head>", 1)[-1].split("\n---\n", 1)[-1]
        assert "⟦Çóɱɱúţéŕš ǫúéúé" in body, name


def test_the_caption_of_the_storys_own_photo_is_translated_in_place(tmp_path: Path) -> None:
    """A site's page sets its story photo's caption as a ``<p class="caption">`` beside the
    picture, and a related story's caption the same way in a sidebar. The reader of the
    ``.article.html`` build sees the story's caption translated where the page shows it,
    its markup kept; the related story's stays as the page has it."""
    story = ("The harbour bridge reopened to traffic on Monday morning, two years after "
             "engineers closed it.", "Commuters queued from dawn to be among the first to "
             "drive across the repaired span.")
    caption = "The repaired span at dawn on Monday, an hour before the first cars crossed."
    other = "Ferry operators count the cost of the reopening as passengers leave them."
    out = _built_in_korean(tmp_path, "photo.html", (
        "<html><head><title>Bridge reopens</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<div class='main'><h1>Bridge reopens</h1><div class='body'><p>{story[0]}</p>"
        f"<div class='photo'><img src='/p.jpg' alt=''><p class='caption'>{caption} "
        f"<em>(Harbour Times)</em></p></div><p>{story[1]}</p></div></div><aside>"
        f"<div class='photo'><a href='/ferries'><img src='/f.jpg' alt=''></a><p class='caption'>"
        f"{other}</p></div></aside><script>var a = 1;</script></body></html>"))
    page = (out / "photo.article.html").read_text(encoding="utf-8")
    assert caption not in page
    assert re.search(r'<p class="caption">⟦Ţĥé ŕéþáíŕéđ šþáñ [^<]*⟧ ⟦<em>\(Ĥáŕƀóúŕ Ţíɱéš\)</em>',
                     page), page
    assert f'<p class="caption">{other}</p>' in page
    for name in ("photo.html", "photo.md"):
        built = (out / name).read_text(encoding="utf-8")
        assert caption not in built and "⟦Ţĥé ŕéþáíŕéđ šþáñ" in built, name
        assert other not in built, name


def test_a_paragraph_an_ad_cut_and_a_credit_with_a_div_are_built_whole(tmp_path: Path) -> None:
    """Read as one block each (the rest of the paragraph back in its ``<p>``, the credit's
    inline ``<div>`` in its line), they are translated and written back whole: the ad box
    after the paragraph, the credit's markup kept."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "cut.html").write_text(
        "<!DOCTYPE html><html lang=en><head><title>Shuttle</title></head><body><h1>Shuttle"
        "</h1><p>He knows just how difficult <div class=ad>Advertisement</div>it is to fly."
        "<p>A second paragraph.</p><figure><img src=a.jpg alt=''><figcaption><span> (<div "
        "class=camera><span></span>Image:</div>Getty Images)</span></figcaption></figure>"
        "</body></html>", encoding="utf-8")
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    settings = load_settings(cwd=tmp_path)
    translate(settings, engine_name="pseudo")
    out = build(settings, include_machine=True).out
    page = (out / "ko" / "cut.article.html").read_text(encoding="utf-8")
    paragraph = next(p for p in elements(page, "p") if "l10n-notice" not in p)
    assert "<div" not in paragraph and paragraph.count("⟦") == 1, paragraph
    assert page.index(paragraph) < page.index('<div class="ad">')
    caption = elements(page, "figcaption")[0]
    assert caption.count("⟦") == 1 and '<div class="camera"><span></span>' in caption, caption


@pytest.mark.parametrize(("title", "read"), [
    ("Swedish police to investigate leaks to gangs | Euronews", True),  # not the headline
    ("Police investigate leaks to violent gangs | Euronews", False),  # the headline + site
    ("Euronews", False),  # only the site's name (og:site_name)
    ("| 2008 |", False),  # no words
])
def test_a_page_title_that_is_not_the_headline_is_translated_in_place(
    tmp_path: Path, title: str, read: bool
) -> None:
    """A page's ``<title>`` is what a reader sees in the browser's tab and in search
    results. One that holds the headline gets the headline's translation (the site's
    name kept); one that says something else (11 % of the real pages measured) is a
    segment of its own, ``page-title``, translated in place; a site's name alone is not
    read. It stayed in English in the Korean build."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "tab.html").write_text(
        f"<!DOCTYPE html><html lang=en><head><title>{title}</title><meta property=og:site_name "
        "content=Euronews></head><body><h1>Police investigate leaks to violent gangs</h1>"
        "<p>The police opened an inquiry on Monday.</p></body></html>", encoding="utf-8")
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    settings = load_settings(cwd=tmp_path)
    kinds = [b.kind for b in read_article(tmp_path / "seeds" / "tab.html").blocks]
    assert ("page-title" in kinds) is read
    translate(settings, engine_name="pseudo")
    entries = [e for e in polib.pofile(str(tmp_path / "locales" / "ko" / "tab.po"))]
    assert any("page-title" in e.comment for e in entries) is read
    built = build(settings, include_machine=True).out / "ko"
    page = (built / "tab.article.html").read_text(encoding="utf-8")
    shown = elements(page, "title")[0]
    if title == "Euronews" or title == "| 2008 |":
        assert shown == f"<title>{title}</title>"
    else:
        assert "⟦" in shown and shown.endswith(" | Euronews</title>") is (not read), shown
        assert title not in shown
    templated = (built / "tab.html").read_text(encoding="utf-8").split("<body", 1)[1]
    assert "Swedish police" not in templated  # not a paragraph of the story
