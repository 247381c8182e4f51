"""Markdown as the authors of real blogs write it (issue #26): reference links, Hugo
shortcodes and Liquid tags, inline HTML; read, segmented and built."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from l10n.articles import read_article
from l10n.model import Article
from l10n.publish import Translation, localize, render_html, render_markdown
from l10n.text.segment import segment_article


def post(tmp_path: Path, body: str, front: str = "---\ntitle: Cats\n---\n\n") -> Article:
    path = tmp_path / "post.md"
    path.write_text(front + body, encoding="utf-8")
    return read_article(path)


def texts(article: Article) -> list[str]:
    return [b.text for b in article.blocks if b.translatable][1:]


def test_reference_links_are_written_inline_with_their_definition(tmp_path: Path) -> None:
    article = post(tmp_path, (
        "Read the [guide][] and [the *new* notes][n], see [Cats] and ![a cat][pic].\n"
        "Not links: `[guide][]`, \\[guide], [nothing][here], [x](/inline).\n\n"
        "[guide]: https://x.org/guide\n"
        '[N]: <https://x.org/a b> "The notes"\n'
        "[cats]: /cats 'All cats'\n"
        "[pic]: cat.png\n"
    ))
    assert texts(article)[0] == (
        "Read the [guide](https://x.org/guide) and [the *new* notes](<https://x.org/a b> "
        '"The notes"), see [Cats](/cats "All cats") and ![a cat](cat.png).\n'
        "Not links: `[guide][]`, \\[guide], [nothing][here], [x](/inline)."
    )


def test_a_reference_link_is_a_link_in_every_build(tmp_path: Path) -> None:
    article = post(tmp_path, "See the [original post][].\n\n[original post]: https://x.org/p\n")
    source = texts(article)[0]
    untranslated = localize(article, "fr", {})
    page = localize(article, "fr", {source: Translation("Voir [l’article](https://x.org/p).")})
    for built, words in ((untranslated, "original post"), (page, "l’article")):
        html = MarkdownIt("commonmark").render(render_markdown(built).split("---\n", 2)[2])
        assert f'<a href="https://x.org/p">{words}</a>' in html
        assert f'<a href="https://x.org/p">{words}</a>' in render_html(built, ["en", "fr"])


def test_inline_html_of_a_post_is_kept_sanitized_not_shown_as_text(tmp_path: Path) -> None:
    article = post(tmp_path, (
        'A <a href="/big.png"><img class="wide" alt="A cat" src="/cat.png"/></a> picture,\n'
        'a <kbd>Ctrl</kbd> key and <b onclick="alert(1)">bold</b> words. <!-- truncate -->\n'
        '<a href="javascript:alert(1)">x</a> and <script>alert(2)</script> stay harmless.\n'
    ))
    page = localize(article, "fr", {})
    built = render_markdown(page).split("---\n", 2)[2]
    for html in (MarkdownIt("commonmark").render(built), render_html(page, ["en", "fr"])):
        assert '<img class="wide" alt="A cat" src="/cat.png"' in html
        assert "<kbd>Ctrl</kbd>" in html and "<b>bold</b>" in html
        assert "&lt;" not in html.split("<body", 1)[-1]
        assert "onclick" not in html and "javascript:" not in html and "<script>" not in html
        assert "truncate" not in html


def test_an_html_comment_is_never_cut(tmp_path: Path) -> None:
    article = post(tmp_path, "They voted to move to a DCO. <!-- truncate -->\nThen came more.\n")
    for segment in segment_article(article):
        assert segment.text.count("<!--") == segment.text.count("-->"), segment.text


def test_shortcodes_and_liquid_tags_survive_a_translation_byte_for_byte(tmp_path: Path) -> None:
    article = post(tmp_path, (
        "{{< blog/integration-badge >}}\n\n"
        "Read [the changelog]({% link _docs/history.md %}#v3-9-4) and the\n"
        "[pull request]({{ site.repository }}/pull/7224), by {{ page.author }}.\n\n"
        '{{% note title="Heads up" %}}\n\n'
        "{% raw %}\n```text\n{% include my-logo@2x.svg %}\n```\n{% endraw %}\n"
    ))
    translations = {s.text: Translation(_pseudo(s.text)) for s in segment_article(article)}
    built = render_markdown(localize(article, "ko", translations))
    for tag in ("{{< blog/integration-badge >}}", "({% link _docs/history.md %}#v3-9-4)",
                "({{ site.repository }}/pull/7224)", "{{ page.author }}",
                '{{% note title="Heads up" %}}', "{% raw %}", "{% endraw %}",
                "{% include my-logo@2x.svg %}"):
        assert tag in built, tag


def _pseudo(text: str) -> str:
    """A translation as an engine makes it: the protected spans masked, the rest changed."""
    from l10n.text.protect import mask, restore_spans

    masked = mask(text)
    return restore_spans(masked.text.replace("e", "é").replace("a", "á"), masked)[0]


def test_a_list_items_code_and_next_paragraphs_stay_in_the_item(tmp_path: Path) -> None:
    article = post(tmp_path, (
        "1.  Round Robin\n\n"
        "    ```text\n    Tasks spawned : 40000\n    ```\n\n"
        "    As this is idealised, only the response time matters.\n\n"
        "    - a nested point\n\n"
        "2.  Deficit Weighted\n\n"
        "After the list.\n"
    ))
    page = localize(article, "fr", {})
    for html in (MarkdownIt("commonmark").render(render_markdown(page).split("---\n", 2)[2]),
                 render_html(page, ["en", "fr"])):
        body = html.split("<article", 1)[-1]
        assert body.count("<ol>") == 1 and body.count("<li>") == 3, body
        order = [body.index(words) for words in (
            "Round Robin", "Tasks spawned : 40000", "only the response time matters.",
            "a nested point", "Deficit Weighted")]
        assert order == sorted(order)  # the item's parts in the source's order
        assert body.index("</li>", order[3]) < order[4] < body.index("</ol>")
        assert body.index("After the list.") > body.index("</ol>")


def test_a_thematic_break_is_in_every_build(tmp_path: Path) -> None:
    article = post(tmp_path, "Before the break.\n\n***\n\nAfter the break.\n")
    page = localize(article, "fr", {})
    for html in (MarkdownIt("commonmark").render(render_markdown(page).split("---\n", 2)[2]),
                 render_html(page, ["en", "fr"])):
        body = html.split("<article", 1)[-1]
        assert body.index("Before") < body.index("<hr") < body.index("After"), body


def test_two_block_quotes_one_after_the_other_stay_two(tmp_path: Path) -> None:
    article = post(tmp_path, (
        "> **Update, April 27**\n>\n> Fully available.\n\n"
        "> **Update, January 4**\n>\n> A test endpoint.\n"
    ))
    page = localize(article, "fr", {})
    for html in (MarkdownIt("commonmark").render(render_markdown(page).split("---\n", 2)[2]),
                 render_html(page, ["en", "fr"])):
        quotes = html.split("<article", 1)[-1].split("<blockquote>")[1:]
        assert len(quotes) == 2 and all(q.count("<p>") == 2 for q in quotes), html


def test_strikethrough_is_struck_through_in_the_html_page_not_shown_as_tildes(
    tmp_path: Path,
) -> None:
    """``~~text~~`` (GFM, as Hugo renders it): the segmenter keeps it whole, and the HTML
    page showed its tildes (a Let's Encrypt post's struck-out dates)."""
    article = post(tmp_path, "As of ~~January 11, 2021~~, the chain changes.\n")
    source = texts(article)[0]
    french = Translation("Dès le ~~11 janvier~~, ça change.")
    for page in (localize(article, "fr", {}), localize(article, "fr", {source: french})):
        html = render_html(page, ["en", "fr"])
        assert "~" not in html
        assert "<s>January 11, 2021</s>" in html or "<s>11 janvier</s>" in html


def test_a_shortcode_holding_code_is_kept_byte_for_byte_and_never_translated(
    tmp_path: Path,
) -> None:
    """Hugo's ``{{< highlight >}}`` (and code-toggle, mermaid, math...) holds code over
    lines; CommonMark reads it as a paragraph, whose code went to the engine and whose
    tags the build changed. It is a block of its own, kept as written in the Markdown
    build (in a list item too) and shown as code, without its tags, in the HTML page; a
    shortcode that holds prose (``{{% note %}}``) stays text."""
    highlight = ('{{< highlight go "linenos=table" >}}\nfmt.Println("Hi. There.")\n'
                 "{{< /highlight >}}")
    article = post(tmp_path, (
        f"Print a line.\n\n{highlight}\n\n1. Install Go.\n\n   {{{{< code-toggle file=hugo >}}}}\n"
        "   [params]\n   color = 'red'\n   {{< /code-toggle >}}\n\n"
        "{{% note %}}\nCats sleep a lot.\n{{% /note %}}\n\n"
        "{{< code-toggle config=params />}}\n\nDogs bark.\n\n{{< code >}}x{{< /code >}}\n"))
    assert texts(article) == ["Print a line.", "Install Go.",
                              "{{% note %}}\nCats sleep a lot.\n{{% /note %}}",
                              "{{< code-toggle config=params />}}", "Dogs bark."]
    assert [b.kind for b in article.blocks if b.kind == "shortcode"] == ["shortcode"] * 3
    page = localize(article, "fr", {"Print a line.": Translation("Imprimer une ligne."),
                                    "Install Go.": Translation("Installer Go.")})
    built = render_markdown(page).split("---\n", 2)[2]
    assert highlight in built
    assert "   {{< code-toggle file=hugo >}}\n   [params]\n   color = 'red'\n" in built
    html = render_html(page, ["en", "fr"])
    assert "fmt.Println(&#34;Hi. There.&#34;)</code></pre>" in html
    assert "highlight" not in html


def test_go_template_actions_and_liquid_code_tags_over_lines_are_kept_as_written(
    tmp_path: Path,
) -> None:
    """The Go blog's ``{{raw `...`}}`` around tab-indented code (right after a sentence,
    and with a blank line inside the code) and Jekyll's ``{% highlight diff %}`` whose
    ``- x`` lines CommonMark reads as a list: each is one block, never translated, kept
    byte for byte (indentation too) in the build; a tag that closes on its line stays in
    its sentence."""
    raw = "{{raw `\n\tfunc main() {\n\t\tgo f()\n\n\t\t<-done\n\t}\n`}}"
    diff = "{% highlight diff %}\n- // build.sbt\n+ lazy val app = project\n{% endhighlight %}"
    article = post(tmp_path, (
        f"Consider this code:\n{raw}\n\nAnd a diff:\n\n{diff}\n\n"
        "{{ site.title }} is here.\n\n{{image \"x/cat.png\"}}\n"))
    assert texts(article) == ["Consider this code:", "And a diff:",
                              "{{ site.title }} is here.", '{{image "x/cat.png"}}']
    assert [b.text for b in article.blocks if b.kind == "shortcode"] == [raw, diff]
    page = localize(article, "fr", {"Consider this code:": Translation("Voyez ce code :")})
    built = render_markdown(page).split("---\n", 2)[2]
    assert raw in built and diff in built
    html = render_html(page, ["en", "fr"])
    assert "<code>\tfunc main() {" in html and "raw" not in html  # the code, as code


def test_a_shortcode_written_over_lines_keeps_its_lines(tmp_path: Path) -> None:
    """Hugo's docs write a shortcode one parameter a line; read as a paragraph, its lines
    lost their indentation in the build. A paired shortcode's opening tag, closed on its
    own line, still starts text."""
    img = '{{< img\n  src="images/zion.jpg"\n  alt="Zion National Park"\n  filter="Contrast"\n>}}'
    note = "{{< note >}}\nCats nap.\n{{< /note >}}"
    article = post(tmp_path, f"A picture:\n\n{img}\n\n{note}\n")
    assert [b.text for b in article.blocks if b.kind == "shortcode"] == [img]
    assert texts(article) == ["A picture:", note]
    page = localize(article, "fr", {})
    assert img in render_markdown(page).split("---\n", 2)[2]
    assert "{{&lt; img\n  src=" in render_html(page, ["en", "fr"])  # as written, not its lines


def test_soft_hyphens_written_in_markdown_are_left_out_but_in_code(tmp_path: Path) -> None:
    """``&shy;`` in a Markdown sentence is a hint where a line may break, not a character
    of the word (HTML pages already leave it out): ``cy&shy;ber&shy;se&shy;cu&shy;ri&shy;ty``
    is one word for the engines and the glossary; in a code span it is what is shown."""
    article = post(tmp_path, "A cy&shy;ber&#173;se\u00adcu&SHY;rity law, not `a&shy;b`.\n\n"
                   "# Ex&shy;tra\n")
    assert texts(article) == ["A cybersecurity law, not `a&shy;b`.", "Extra"]
