"""The benchmark measures real work: its sentences, its model and its projects are checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import measure, workload
from l10n.model import Block
from l10n.text.segment import segment_block


def test_sentence_file_has_300_distinct_news_sentences_of_5_to_60_words() -> None:
    sentences = workload.load_sentences()
    assert len(sentences) >= 300
    assert len(set(sentences)) == len(sentences)
    lengths = [len(s.split()) for s in sentences]
    assert min(lengths) >= 5
    assert max(lengths) <= 60
    assert sum(n >= 30 for n in lengths) >= 5  # varied: long sentences too
    assert sum(n <= 10 for n in lengths) >= 5  # and short ones
    assert sum(any(c.isdigit() for c in s) for s in sentences) >= 100  # numbers
    assert sum('"' in s for s in sentences) >= 10  # quotes


def test_every_sentence_is_one_segment() -> None:
    for text in workload.load_sentences():
        segments = segment_block(Block(0, "paragraph", text, 1))
        assert [s.text for s in segments] == [text]


def test_sentences_have_nothing_to_protect_so_l10n_decodes_at_the_engine_beam() -> None:
    """(a), (b) and (c) are compared at one beam: measure.effective_beam() relies on the
    sentences having no protected spans (which would be decoded n-best)."""
    from l10n.engines import argos
    from l10n.text.protect import mask

    assert all(not mask(text).slots for text in workload.load_sentences())
    assert measure.effective_beam() == argos.DEFAULT_BEAM


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("bench-cache")
    path, built = workload.benchmark_model(cache, size="small")
    assert built
    return path


@pytest.mark.slow
def test_model_is_built_once_and_reused(small_model: Path) -> None:
    again, built = workload.benchmark_model(small_model.parent.parent, size="small")
    assert (again, built) == (small_model, False)


@pytest.mark.slow
def test_benchmark_model_copies_through_l10n_argos_engine(
    small_model: Path, tmp_path: Path
) -> None:
    from l10n.engines import create_engine

    models_dir = tmp_path / "models"
    workload.install(small_model, models_dir)
    engine = create_engine("argos", models_dir=models_dir)
    sentences = workload.spread(workload.load_sentences(), 40)
    results = engine.translate_batch(sentences, "en", "ko", n_best=4)
    assert [hyps[0].text for hyps in results] == sentences
    assert all(len(hyps) == 4 for hyps in results)


@pytest.mark.slow
def test_limit_measurement_decodes_every_sentence_as_a_copy(
    small_model: Path, tmp_path: Path
) -> None:
    package = workload.install(small_model, tmp_path / "models")
    sp, ct2_model = measure.load_limit_model(package)
    tokens = [sp.encode(s, out_type=str) for s in workload.load_sentences()[:40]]
    for config in measure.LIMIT_CONFIGS:
        figures = measure.limit(ct2_model, tokens, beam=2, config=config, batch=8)
        assert (figures["sentences"], figures["copied"]) == (40, 40)
        assert figures["per_second"] > 0


def test_project_articles_give_one_catalog_entry_per_sentence(tmp_path: Path) -> None:
    from l10n.config import load_settings
    from l10n.workflow.extract import extract

    sentences = workload.load_sentences()
    articles = workload.split_articles(sentences, 6)
    assert sum(articles, []) == sentences
    project = workload.make_project(tmp_path / "p", articles, tmp_path / "models")
    results = extract(load_settings(cwd=project))
    assert sum(r.entries for r in results) == len(sentences)


def test_rotating_articles_wrap_without_repeating_within_an_article() -> None:
    sentences = [f"Sentence number {i} is here." for i in range(7)]
    articles = workload.rotating_articles(sentences, 4, 3)
    assert articles[2] == [sentences[6], sentences[0], sentences[1]]
    assert all(len(set(a)) == 3 for a in articles)


def test_scale_measurements_run_on_small_sizes(tmp_path: Path) -> None:
    """python -m benchmarks scale measures real work: an article of exactly N segments
    (translated and re-run), a valid glossary of N terms, a paragraph of N characters."""
    from benchmarks import scale

    figures = scale.one_article(tmp_path / "article", 300)  # asserts the counts itself
    assert set(figures) == {"segment", "extract", "translate", "rerun", "edited"}
    assert all(f["ms_per_segment_cpu"] > 0 for f in figures.values())
    assert scale.glossary(tmp_path / "glossary", 200)["terms"] == 200
    paragraph = scale.paragraph(12_000)
    assert paragraph["chars"] == 12_000 and paragraph["segments"] > 50


def test_quick_run_reports_ratios_as_not_applicable() -> None:
    from benchmarks.report import NOT_IN_QUICK, verdicts

    results = {
        "throughput": {"b_over_a": 5.0, "limit_per_second": 300.0, "pipeline_per_second": 70.0,
                       "rerun_speedup": 18.0, "rerun_model_loaded": False},
        "memory": {"ratio": 1.07}, "help": {"median_seconds": 0.2},
    }
    assert verdicts(results) == {"b_over_a": False, "b_over_c": False, "rerun": False,
                                 "help": True, "memory": True}
    quick = verdicts({**results, "quick": True})
    assert all(quick[key] is None for key in NOT_IN_QUICK) and quick["help"] is True


def test_untranslated_words_are_those_a_reader_sees_that_the_engine_would_change() -> None:
    """The posts' count of visible words left untranslated: ASCII words of what a reader
    sees (alt and title too), not code, template tags, URLs or the engine's kept tokens;
    those in a raw HTML block counted apart."""
    from benchmarks.untranslated import shortcode_parameters, untranslated

    page = (
        "<html><head><title>Left Alone</title></head><body><nav>Menu</nav><article>"
        "<p>⟦Ţĥé çáţ⟧ left here <code>cat --help</code> {{< figure src=x >}} "
        "https://x.org/a T3</p><pre>some code</pre><img alt='Two words' src=x>"
        "<!-- a comment --><div class='raw-html' lang='en'><p>Raw <b>text</b></p></div>"
        "<script>var hidden</script><div hidden>Not seen</div>"
        "<p style='display: none'>Nor this</p></article></body></html>"
    )
    assert untranslated(page, "article") == {"text": 4, "raw-html": 2}
    assert untranslated(page)["text"] == 5  # the whole page: the menu too
    assert shortcode_parameters('{{< figure src="x.png" caption="A cat" >}} {{% b %}}') == 1


def test_front_matter_left_counts_the_words_of_the_keys_a_theme_shows() -> None:
    """The posts' count of front-matter text left in English: the values of the keys a
    theme shows (any case; an images table's alt, caption and title), by key; not
    terms, addresses, code, non-text values or what the engine keeps."""
    from benchmarks.untranslated import front_matter_left

    front = {"title": "⟦Ţĥé çáţ⟧", "linkTitle": "Working cats", "Subtitle": "A day off T3",
             "excerpt": "See https://x.org/a `now`", "tags": ["cats"], "url": "/a/b/",
             "summary": 3, "images": [{"src": "/x.png", "alt": "A cat", "caption": "Hi"},
                                      "/y.png"]}
    assert front_matter_left(front) == {"linkTitle": 2, "Subtitle": 2, "excerpt": 1,
                                        "images.alt": 1, "images.caption": 1}


def test_links_lost_leave_out_those_a_reader_never_sees() -> None:
    """The posts' count of links and pictures lost in a build: not those in an HTML
    comment or a ``<noscript>`` (builds leave it out, as a reader with scripts on sees it)."""
    from benchmarks.articles_real import _lost

    source = ('<p><a href="/a">a</a></p><!-- <img src="x"> -->'
              '<noscript><center><a href="/b">b</a></center></noscript><img src="y">')
    assert _lost(source, '<p><a href="/a">a</a></p><img src="y">') == 0
    assert _lost(source, '<p>a</p>') == 2


def test_the_posts_printout_renders_verbatim_template_blocks_as_code() -> None:
    """The posts printout renders Markdown as the site would: a template tag over lines
    (the Go blog's ``{{raw `...`}}``), kept verbatim by the reader, is no text a reader
    sees (its words are not "left in English"), as a code shortcode is not."""
    from benchmarks.articles_real import _verbatim
    from benchmarks.untranslated import untranslated

    md = _verbatim()
    html = md.render("⟦Ţĥé çóđé⟧:\n{{raw `\n\tfunc main() {\n\t\tgo work()\n\t}\n`}}\n")
    assert "<pre><code>{{raw `\n\tfunc main()" in html
    assert sum(untranslated(html).values()) == 0
    md = _verbatim(spans=True)
    html = md.render('⟦Ŝéé⟧ {{code "maps/list.go" `/START/` `/END/`}} ⟦ĥéŕé⟧.\n')
    assert '<code>{{code &quot;maps/list.go&quot; `/START/` `/END/`}}</code>' in html
    assert sum(untranslated(html).values()) == 0
    html = md.render("⟦Ŝéé⟧ [#7224]({{ site.repository }}/pull/7224).\n")  # not a link
    assert "<code>" not in html and sum(untranslated(html).values()) == 0


def test_front_matter_left_counts_the_keys_the_author_wrote() -> None:
    """A build's title or description taken from the body (a post without them) is plain
    text, its code words not told apart: the front-matter count keeps the keys the
    source's front matter has (case aside), the body's count has the body's words."""
    from benchmarks.articles_real import _authored

    built = {"title": "Type", "Description": "MainType : (string) ...", "weight": 3}
    assert _authored(built, {"description": "`MainType`", "weight": 3}) == {
        "Description": "MainType : (string) ...", "weight": 3}
