"""Everything a reader of a Markdown post sees is translated (issue #26): the text of raw
HTML blocks (l10n.articles.rawhtml, l10n.publish.rawhtml) and the alt and title of HTML
tags in sentences, read as segments with their context and put back in every build."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from l10n.articles import read_article
from l10n.engines.pseudo import pseudo_localize
from l10n.model import Article
from l10n.publish import Translation, localize, render_html, render_markdown
from l10n.text.protect import mask, restore_spans
from l10n.text.segment import segment_article

POST = """---
title: Cats
---

<details>
<summary>Show the <b>whole</b> list</summary>

Inner *Markdown* text.

</details>

<div class="note">
  <p class="lead">Cats sleep a lot. They purr &amp; play.</p>
  <pre>cat --sleep
</pre>
  <p><code>cat.sleep()</code></p>
  <figure><img src="cat.png" alt="A cat asleep">
    <figcaption>The cat, <em>asleep</em>.</figcaption></figure>
  <table><tr><th>Name</th><td>Tom <kbd>Ctrl</kbd></td></tr></table>
  <span translate="no">Brand Name</span> <a href="/x" title="More about cats">more</a>
  <script>alert("Hidden words")</script><style>p { color: red }</style>
</div>

<p align="center">Centered words</p>

<aside>A side note.</aside>
"""


def post(tmp_path: Path, text: str = POST) -> Article:
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    return read_article(path)


def _pseudo(text: str) -> str:
    """A translation as the pseudo engine makes it, its markup protected."""
    masked = mask(text)
    return restore_spans(pseudo_localize(masked.text), masked)[0]


def _everything(article: Article) -> dict[str, Translation]:
    return {s.text: Translation(_pseudo(s.text)) for s in segment_article(article)}


def test_the_text_a_reader_sees_in_raw_html_is_read_with_its_element(tmp_path: Path) -> None:
    """Each run of text in a raw HTML block is a block of its own, its element named in
    its catalog label (the translator's context); alt and title are blocks too; code,
    pre, script, style and translate="no" are never read."""
    article = post(tmp_path)
    read = {b.text: label for b, label in zip(article.blocks, article.block_labels(),
                                               strict=True) if b.translatable}
    assert read == {
        "Cats": "title",
        "Show the <b>whole</b> list": "html-text 1 <summary>",
        "Inner *Markdown* text.": "paragraph 1",
        "Cats sleep a lot. They purr & play.": "html-text 2 <p>",
        "A cat asleep": "alt 1",
        "The cat, <em>asleep</em>.": "html-text 3 <figcaption>",
        "Name": "html-text 4 <th>",
        "Tom <kbd>Ctrl</kbd>": "html-text 5 <td>",
        # a translate="no" element stays in its sentence, protected whole
        '<span translate="no">Brand Name</span> <a href="/x" title="More about cats">more</a>':
            "html-text 6 <div>",
        "More about cats": "link-title 1",
        "Centered words": "html-text 7 <p>",
        "A side note.": "html-text 8 <aside>",
    }
    lines = {b.text: b.line for b in article.blocks}
    assert lines["Show the <b>whole</b> list"] == 6 and lines["Centered words"] == 24
    assert lines["A cat asleep"] == 17 and lines["The cat, <em>asleep</em>."] == 18
    segments = [s.text for s in segment_article(article)]
    assert "Cats sleep a lot." in segments and "They purr & play." in segments
    for never in ("cat --sleep", "cat.sleep()", "Brand", "Hidden", "color"):  # or protected
        assert not any(never in mask(s).text for s in segments), never


def _body(html: str) -> str:
    return html.split("<article", 1)[-1]


def test_the_text_of_raw_html_is_translated_in_every_build(tmp_path: Path) -> None:
    article = post(tmp_path)
    page = localize(article, "ko", _everything(article), include_machine=True)
    built = render_markdown(page).split("---\n", 2)[2]
    for html in (MarkdownIt("commonmark").render(built), _body(render_html(page, ["en", "ko"]))):
        for source in ("whole", "Cats sleep", "purr", "asleep", ">Name<", "Tom", ">more<",
                       "More about", "Centered", "side note"):
            assert source not in html, (source, html)
        assert "<summary>⟦Šĥóŵ ţĥé <b>ŵĥóĺé</b> ĺíšţ" in html
        assert 'alt="⟦Á çáţ ášĺééþ' in html and 'title="⟦Ṁóŕé áƀóúţ çáţš' in html
        assert "<figcaption>⟦Ţĥé çáţ, <em>ášĺééþ</em>." in html
        assert "cat --sleep" in html and "<code>cat.sleep()</code>" in html
        assert "<kbd>Ctrl</kbd>" in html and "Brand Name" in html
        assert "<script" not in html and "Hidden" not in html and "color" not in html
    # the block is not marked as the source's language any more
    assert '<div class="raw-html"><div class="note">' in render_html(page, ["en", "ko"])
    # the Markdown build stays one HTML block per block: no blank line inside
    assert "<summary>⟦Šĥóŵ" in built and "\n\n  <p" not in built


def test_a_sentence_of_raw_html_without_translation_keeps_its_language(tmp_path: Path) -> None:
    article = post(tmp_path, "---\ntitle: Cats\n---\n\n<div><p>One here. Two there.</p></div>\n")
    page = localize(article, "fr", {"One here.": Translation("Un ici.")})
    html = render_html(page, ["en", "fr"])
    assert '<p>Un ici. <span lang="en">Two there.</span></p>' in html
    untranslated = render_html(localize(article, "fr", {}), ["en", "fr"])
    assert '<div class="raw-html" lang="en"><div><p>One here. Two there.</p></div></div>' in (
        untranslated)


def test_a_translation_of_raw_html_injects_no_markup(tmp_path: Path) -> None:
    """A translation (an engine's, a translator's) is rebuilt from the source's own
    elements: a tag the source's run does not have is its text only, then the block is
    sanitized as any raw HTML."""
    article = post(tmp_path, "---\ntitle: Cats\n---\n\n<div><p>Cats <b>purr</b>.</p></div>\n")
    evil = Translation('<img src=x onerror="alert(1)">Chats <b>ronronnent</b>'
                       '<script>alert(2)</script>.')
    page = localize(article, "fr", {"Cats <b>purr</b>.": evil})
    for html in (render_markdown(page), render_html(page, ["en", "fr"])):
        assert "<p>Chats <b>ronronnent</b>.</p>" in html
        assert "onerror" not in html and "alert" not in html and "<img" not in html


def test_alt_and_title_of_html_tags_in_a_sentence_are_translated(tmp_path: Path) -> None:
    """A picture written in HTML inside a paragraph (Redox's screenshots): its alt text is
    a block of its own, written back into the tag in every build."""
    article = post(tmp_path, (
        "---\ntitle: Cats\n---\n\n"
        '<a href="/big.png"><img class="wide" alt="Redox &amp; FreeCiv" src="/c.png"/></a>\n\n'
        'See <abbr title="Operating system">OS</abbr> news.\n'
    ))
    assert [(b.kind, b.text) for b in article.blocks[2:]] == [
        ("alt", "Redox & FreeCiv"), ("paragraph", 'See <abbr title="Operating system">OS</abbr>'
                                     " news."), ("link-title", "Operating system")]
    page = localize(article, "ko", _everything(article), include_machine=True)
    built = render_markdown(page).split("---\n", 2)[2]
    for html in (MarkdownIt("commonmark").render(built), _body(render_html(page, ["en", "ko"]))):
        assert 'alt="⟦Ŕéđóẋ &amp; ƑŕééÇíṽ' in html and "FreeCiv" not in html
        assert "Operating" not in html and 'title="⟦Óþéŕáţíñĝ šýšţéɱ' in html


def test_raw_html_of_the_source_page_is_left_as_written(tmp_path: Path) -> None:
    article = post(tmp_path)
    html = render_html(localize(article, "en", {}), ["en"])
    assert '<div class="raw-html" lang="en"><details>\n<summary>Show the <b>whole</b>' in html


def test_a_post_whose_text_is_all_raw_html_is_read_its_title_from_its_words(
    tmp_path: Path,
) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no title: the first line of the text is
        article = post(tmp_path, '<div class="x"><p>Only <b>raw</b> words here.</p></div>\n')
    assert article.title == "Only raw words here."
    assert [(b.kind, b.text) for b in article.blocks[1:] if b.translatable] == [
        ("html-text", "Only <b>raw</b> words here.")]


def test_a_noscript_block_is_left_out_of_the_builds(tmp_path: Path) -> None:
    """A ``<noscript>`` block (the Go blog's "view this post with JavaScript enabled") is
    never read, so never translated; the sanitizer dropped its tag and kept its content
    as escaped text: the builds showed ``<center><i>...`` in English, tags as text. It is
    left out with its content, as a reader with scripts on sees the source."""
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: Cats\n---\n\n<noscript>\n  <center><i>View <a href=\"/x\">it</a>"
                    " with JavaScript.</i></center>\n</noscript>\n\nCats purr.\n", "utf-8")
    page = localize(read_article(path), "fr", {"Cats purr.": Translation("Les chats ronronnent.")})
    for built in (render_markdown(page), render_html(page, ["en", "fr"])):
        assert "JavaScript" not in built and "&lt;" not in built.split("</head>")[-1]
        assert "Les chats ronronnent." in built


def test_hidden_raw_html_stays_hidden_in_the_builds(tmp_path: Path) -> None:
    """The reader never reads a hidden element (``hidden``, ``display: none``); the
    sanitizer dropped the attribute and the style, so the builds showed the Go blog's
    screen-reader note ("Opens in new window.") in English. They stay hidden."""
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: Cats\n---\n\n<div class=\"note\" id=\"d\" hidden>\n  Opens in a "
                    "new window.\n</div>\n\n<p style=\"color: red; display:none\">Gone.</p>\n\n"
                    "Cats purr.\n", "utf-8")
    page = localize(read_article(path), "fr", {"Cats purr.": Translation("Les chats ronronnent.")})
    for built in (render_markdown(page), render_html(page, ["en", "fr"])):
        assert '<div class="note" hidden="">' in built
        assert '<p style="display: none">Gone.</p>' in built


def test_elements_never_read_leave_no_english_in_the_builds(tmp_path: Path) -> None:
    """The reader never reads a ``<button>`` or a ``<video>``'s fallback; the sanitizer
    dropped the tag (and its ``hidden``) but kept the text: the builds showed the Go
    blog's hidden slideshow buttons, "← Prev", in English."""
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: Cats\n---\n\n<div class=\"centered\">\n<button type=\"button\" "
                    "hidden>← Prev</button>\n<video src=\"v.mp4\">Your browser cannot play it."
                    "</video>\n<p>Cats purr.</p>\n</div>\n", "utf-8")
    page = localize(read_article(path), "fr", {"Cats purr.": Translation("Les chats ronronnent.")})
    for built in (render_markdown(page), render_html(page, ["en", "fr"])):
        assert "Prev" not in built and "browser" not in built
        assert "Les chats ronronnent." in built
