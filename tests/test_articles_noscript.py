"""Stories a page's scripts show: one set only in ``<noscript>`` (and as an HTML template a
script renders), read as a browser with scripts off shows it and built translated in both
copies; one only in the page's JSON-LD ``articleBody``, read from it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import html5lib

from l10n.articles import read_article
from l10n.articles.html import read_html
from l10n.articles.htmldom import markup_text, parse_html, serialize, text_content
from l10n.model import HEADING, PARAGRAPH
from tests.cli_helpers import run_l10n
from tests.conftest import DATA

BLOGGER = DATA / "html" / "blogger-noscript.html"
STORY = [
    "Posted by Ada Lovelace, Security Engineering",
    "Software updates are the most important defence a device has against attackers.",
    "Today we describe how the update pipeline signs every release twice, with keys held by "
    "different teams.",
    "Why two signatures",
    "A single stolen key should never be enough to ship malicious code to millions of phones.",
    "Write </noscript> and <b> in a bug report, and we read them as text.",
]


def page(body: str) -> str:
    return (f"<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body>"
            f"<nav><a href=\"/\">Home</a></nav>{body}<footer><p>Fine print of the site "
            f"here.</p></footer></body></html>")


def test_a_story_only_in_noscript_and_a_template_is_read_from_the_noscript() -> None:
    article = read_article(BLOGGER)  # refused before: "the article has no body text"
    body = [(b.kind, markup_text(b.text)) for b in article.blocks
            if b.kind in (PARAGRAPH, HEADING)]
    assert [text for _, text in body] == STORY
    assert ("heading", "Why two signatures") in body
    lines = BLOGGER.read_text(encoding="utf-8").split("\n")
    first = next(b for b in article.blocks if b.text.startswith("Software"))
    assert lines[first.line - 1].strip().startswith("<p>Software")  # the noscript's copy
    assert first.line > lines.index("<noscript>") + 1  # (the template's copy is above it)
    assert "Share on Twitter" not in " ".join(b.text for b in article.blocks)
    found = read_html(BLOGGER, BLOGGER.read_text(encoding="utf-8"))
    assert len(found.copies) == 1  # the text/template script: the copy a script renders
    assert len(found.copies[0].places) == len(STORY)


def test_a_noscript_notice_or_caption_beside_a_story_is_not_read(tmp_path: Path) -> None:
    story = "".join(f"<p>Paragraph {n} of the story tells what the council decided on the "
                    f"budget for the coming year.</p>" for n in range(6))
    path = tmp_path / "story.html"
    path.write_text(page(
        f"<article><h1>Council sets the budget</h1>{story}"
        "<noscript><p>Please enable JavaScript to view the comments powered by Disqus.</p>"
        "<p>A photo of the council chamber, seen from the public gallery at night.</p>"
        "</noscript></article>"), encoding="utf-8")
    text = " ".join(b.text for b in read_article(path).blocks)
    assert "Paragraph 5 of the story" in text
    assert "JavaScript" not in text and "public gallery" not in text


def test_a_javascript_script_is_no_copy(tmp_path: Path) -> None:
    inner = ("<p>The harbour reopened on Monday after three weeks of repairs to the sea "
             "wall, the port authority said.</p>")
    path = tmp_path / "js.html"
    path.write_text(page(f"<div id=\"post\"><script>var html = '{inner}';</script>"
                         f"<noscript>{inner}</noscript></div>"), encoding="utf-8")
    found = read_html(path, path.read_text(encoding="utf-8"))
    assert "harbour reopened" in found.article.blocks[-1].text
    assert found.copies == ()  # a script that runs is never rewritten


def test_noscript_text_is_written_escaped() -> None:
    source = ("<!DOCTYPE html><html><head></head><body><noscript><style>p>b{color:red}</style>"
              "<p>a &lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt; &amp; b</p></noscript>"
              "<script>if (a < b && c) {}</script></body></html>")
    document = parse_html(Path("x.html"), source)
    written = serialize(document.dom)
    assert "<style>p>b{color:red}</style>" in written  # raw text stays raw
    assert "if (a < b && c) {}" in written
    assert "a &lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt; &amp; b" in written
    # a browser with scripts on: the noscript is text up to its real end, no <img>
    tree = html5lib.parse(written, treebuilder="dom", namespaceHTMLElements=False,
                          scripting=True)
    assert not tree.getElementsByTagName("img")
    again = parse_html(Path("x.html"), written)
    assert text_content(again.dom.getElementsByTagName("p")[0].childNodes) == (
        "a </noscript><img src=x onerror=alert(1)> & b")


def test_cli_builds_the_translation_into_the_noscript_and_the_template(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(BLOGGER, tmp_path / "seeds" / "hardening.html")
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    done = run_l10n("translate", "--engine", "pseudo", "--to", "ko", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ko: 7 machine-translated" in done.stdout  # the title and the story's six
    done = run_l10n("build", "--include-machine", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    built = (tmp_path / "build" / "ko" / "hardening.article.html").read_text(encoding="utf-8")
    # a browser with scripts off shows the noscript, parsed as HTML
    off = html5lib.parse(built, treebuilder="dom", namespaceHTMLElements=False)
    noscript = off.getElementsByTagName("noscript")[0]
    shown = " ".join(text_content(noscript.childNodes).split())
    assert [p.tagName for p in noscript.childNodes if p.nodeType == p.ELEMENT_NODE] == [
        "span", "p", "p", "h3", "p", "p"]
    # ... one with scripts on renders the template: HTML too, translated, with the notice
    template = next(s for s in off.getElementsByTagName("script")
                    if s.getAttribute("type") == "text/template")
    rendered = html5lib.parseFragment(text_content(template.childNodes), treebuilder="dom",
                                      namespaceHTMLElements=False)
    notes = [p for p in rendered.childNodes
             if p.nodeType == p.ELEMENT_NODE and p.getAttribute("class") == "l10n-notice"]
    assert len(notes) == 1
    copy = " ".join(text_content(rendered.childNodes).split())
    for text in (shown, copy):
        assert "Þóšţéđ ƀý Áđá Ĺóṽéĺáçé" in text  # pseudo text: translated
        for sentence in STORY:
            assert sentence not in text  # no source sentence left in either copy
    assert "</ñóšçŕíþţ> áñđ <ƀ>" in shown and "</ñóšçŕíþţ> áñđ <ƀ>" in copy  # text, as text
    with_scripts = html5lib.parse(built, treebuilder="dom", namespaceHTMLElements=False,
                                  scripting=True)
    assert not with_scripts.getElementsByTagName("noscript")[0].getElementsByTagName("p")
    templated = (tmp_path / "build" / "ko" / "hardening.html").read_text(encoding="utf-8")
    assert "Ţóđáý ŵé đéšçŕíƀé" in templated  # the templated page has the story too


def _ld(body: str, graph: bool = True) -> str:
    item = {"@type": "NewsArticle", "headline": "Harbour reopens", "articleBody": body}
    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, item]} if (
        graph) else item
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


_LINES = [f"Line {n} of the story says the harbour reopened after three weeks of repairs to "
          "the sea wall, the port authority said on Monday." for n in range(4)]


def test_a_story_only_in_the_json_ld_article_body_is_read_from_it(tmp_path: Path) -> None:
    """A page a script application renders (SCMP's): the HTML holds the headline, a caption
    and the author's biography; the story is only data. It is read from the JSON-LD
    articleBody, a paragraph per line, after the page's <h1>."""
    path = tmp_path / "app.html"
    path.write_text(page(
        "<div id=\"app\"><h1>Harbour reopens</h1><figure><figcaption>The sea wall, seen "
        "from the pier.</figcaption></figure><div class=\"author-bio\"><p>Ann Lee has written "
        "about the port for ten years.</p></div></div>" + _ld("\n\n".join(_LINES))
        + '<script type="application/ld+json">{not json</script>'), encoding="utf-8")
    article = read_article(path)
    assert article.title == "Harbour reopens"
    paragraphs = [markup_text(b.text) for b in article.blocks if b.kind == PARAGRAPH]
    assert paragraphs == _LINES
    assert "Ann Lee" not in " ".join(b.text for b in article.blocks)


def test_a_story_in_the_html_is_read_there_whatever_the_json_ld_holds(tmp_path: Path) -> None:
    story = "".join(f"<p>{line}</p>" for line in _LINES)
    path = tmp_path / "html.html"
    path.write_text(page(f"<article><h1>Harbour reopens</h1>{story}</article>"
                         + _ld("<p>" + "</p><p>".join(_LINES) + "</p>", graph=False)),
                    encoding="utf-8")
    found = read_html(path, path.read_text(encoding="utf-8"))
    paragraphs = [(b, p) for b, p in zip(found.article.blocks, found.places, strict=True)
                  if b.kind == PARAGRAPH]
    assert [markup_text(b.text) for b, _ in paragraphs] == _LINES
    assert all(p.parent is not None and p.parent.tagName == "p" for _, p in paragraphs)
    # the same page with a short story in its HTML: the JSON-LD's markup read as shown
    short = tmp_path / "short.html"
    short.write_text(page("<article><h1>Harbour reopens</h1><p>The harbour reopened.</p>"
                          "</article>" + _ld("<p>" + "</p><p>".join(_LINES) + "</p>")),
                     encoding="utf-8")
    assert [markup_text(b.text) for b in read_article(short).blocks
            if b.kind == PARAGRAPH] == _LINES


def test_a_how_to_only_in_the_json_ld_is_read_from_its_description_and_steps(
        tmp_path: Path) -> None:
    """A how-to page a script application renders (a React page whose HTML holds only a
    notice that the browser is old): the story is the JSON-LD ``HowTo``'s description and
    its steps' texts (``step`` items, or their ``itemListElement`` direction), in order."""
    steps = [{"@type": "HowToStep", "name": "Step 1", "itemListElement": {
        "@type": "HowToDirection", "text": f"<p>{_LINES[1]}</p><p>{_LINES[2]}</p>"}},
        {"@type": "HowToStep", "name": "Step 2", "text": _LINES[3]}]
    data = {"@context": "https://schema.org", "@type": "HowTo", "name": "Harbour reopens",
            "description": _LINES[0], "step": steps}
    path = tmp_path / "howto.html"
    path.write_text(page(
        '<div id="app"><h1>Harbour reopens</h1><div class="old-browser"><p>Your browser is'
        " out of date.</p></div></div>"
        f'<script type="application/ld+json">{json.dumps(data)}</script>'), encoding="utf-8")
    paragraphs = [markup_text(b.text) for b in read_article(path).blocks if b.kind == PARAGRAPH]
    assert paragraphs == _LINES
