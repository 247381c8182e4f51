"""Segmentation: golden seed sentences, tricky sentences, the lossless property, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from benchmarks.workload import load_sentences
from l10n.articles import read_article
from l10n.cli import app
from l10n.model import Block, Segment
from l10n.text import segment as segment_module
from l10n.text.segment import _pysbd_cuts, segment_article, segment_block
from tests.conftest import DATA, ROOT, SEED

GOLDEN = DATA / "golden" / "seed_segments.json"


def sentences(text: str) -> list[str]:
    return [s.text for s in segment_block(Block(0, "paragraph", text, 1))]


def assert_lossless(block: Block, segments: list[Segment]) -> None:
    """Segments are stripped, non-empty, in order, and joined with the gaps give the block."""
    text = block.text
    rebuilt, cursor = [], 0
    for n, seg in enumerate(segments):
        assert seg.text and seg.text == seg.text.strip()
        assert seg.index == n and seg.block == block.index and seg.kind == block.kind
        assert seg.start >= cursor
        assert text[seg.start : seg.end] == seg.text
        gap = text[cursor : seg.start]
        assert not gap.strip(), f"non-whitespace lost between segments: {gap!r}"
        assert seg.line == block.line + text.count("\n", 0, seg.start)
        rebuilt += [gap, seg.text]
        cursor = seg.end
    assert not text[cursor:].strip()
    assert "".join(rebuilt) + text[cursor:] == text
    assert bool(segments) == bool(text.strip())


# --- golden: the seed article ---------------------------------------------------------


def test_seed_segments_match_golden() -> None:
    article = read_article(SEED)
    got = [
        {"block": s.block, "index": s.index, "kind": s.kind, "line": s.line, "start": s.start,
         "text": s.text}
        for s in segment_article(article)
    ]
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_seed_segments_are_lossless() -> None:
    article = read_article(SEED)
    for block in article.blocks:
        assert_lossless(block, segment_block(block))


# --- tricky sentences ---------------------------------------------------------------------

SEED_DEAL = (
    "The massive GPU deal, valued up to 14 trillion KRW (approximately $10.3 billion), "
    "involves supplying the government and four major firms."
)
SEED_QUOTE = (
    'The video begins by celebrating the "Miracle on the Han River," noting, "Through your '
    'determination and sacrifice, you achieved the fastest industrialization in history."'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SEED_DEAL, [SEED_DEAL]),
        (SEED_QUOTE, [SEED_QUOTE]),
        (SEED_QUOTE + " It then moves on.", [SEED_QUOTE, "It then moves on."]),
        ("Talks with the U.S. President were held.", None),
        ("He moved to the U.S. in 2010. Then he left.",
         ["He moved to the U.S. in 2010.", "Then he left."]),
        ("It was in the U.S. The end.", ["It was in the U.S.", "The end."]),
        ("Mr. Smith arrived. Mrs. Lee and Dr. Kim met Prof. Park.",
         ["Mr. Smith arrived.", "Mrs. Lee and Dr. Kim met Prof. Park."]),
        ("She arrived at 10 a.m. on Monday.", None),
        ("She arrived at 10 a.m. Monday and left.", None),
        ("At 9 a.m. Seoul time the deal closed.", None),
        ("The shop opens at 10 a.m. The queue starts early.",
         ["The shop opens at 10 a.m.", "The queue starts early."]),
        ("It cost $100.00 in total. Yes.", ["It cost $100.00 in total.", "Yes."]),
        ("Use a splitter, e.g. pysbd, for this.", None),
        ("Use a splitter, i.e. pysbd. Done.", ["Use a splitter, i.e. pysbd.", "Done."]),
        ("Samsung Electronics Co. Ltd. reported gains. Yes.",
         ["Samsung Electronics Co. Ltd. reported gains.", "Yes."]),
        ("About approx. 5 people came.", None),
        ('He said "stop." and left.', None),
        ('He said, "Stop." Then he left.', ['He said, "Stop."', "Then he left."]),
        ('The message: "We are honored. Right here." Then silence.',
         ['The message: "We are honored. Right here."', "Then silence."]),
        ("He said \u201cstop.\u201d Then he left.", ["He said \u201cstop.\u201d", "Then he left."]),
        ("Run `a.b(). Now` first. Then go.", ["Run `a.b(). Now` first.", "Then go."]),
        ("Read [the guide. It helps](https://x.y/a.b?c=1) now. Done.",
         ["Read [the guide. It helps](https://x.y/a.b?c=1) now.", "Done."]),
        ("Visit https://example.com/a.b?x=1. Done.",
         ["Visit https://example.com/a.b?x=1.", "Done."]),
        ("See <https://example.com/a.b?x=1> first. Then go.",
         ["See <https://example.com/a.b?x=1> first.", "Then go."]),
        ("One line\ncontinues here. Next\nsentence.",
         ["One line\ncontinues here.", "Next\nsentence."]),
        ("Wait... what happened? Nothing!", ["Wait... what happened?", "Nothing!"]),
    ],
)
def test_tricky_sentences(text: str, expected: list[str] | None) -> None:
    assert sentences(text) == (expected or [text])


def test_segment_lines_follow_soft_breaks() -> None:
    block = Block(3, "paragraph", "First line.\nSecond line. Third\nline.", 10)
    segs = segment_block(block)
    assert [(s.text, s.line, s.start) for s in segs] == [
        ("First line.", 10, 0),
        ("Second line.", 11, 12),
        ("Third\nline.", 11, 25),
    ]


def test_untranslatable_blocks_are_skipped() -> None:
    article = read_article(DATA / "articles" / "sample-article.md")
    code = [b.index for b in article.blocks if not b.translatable]
    assert code and all(s.block not in code for s in segment_article(article))


def test_deterministic() -> None:
    article = read_article(SEED)
    assert segment_article(article) == segment_article(article)


def test_pysbd_surprises_fall_back_without_loss(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentences pysbd returns that are not in the text merge into the previous segment."""
    from l10n.text import segment

    def odd(text: str) -> list[str]:
        return ["One.", "not in the text at all", "Three.", "Three."]

    monkeypatch.setattr(segment, "sentences", odd)
    text = "One. Two. Three."
    assert sentences(text) == ["One. Two.", "Three."]
    assert_lossless(Block(0, "paragraph", text, 1), segment_block(Block(0, "paragraph", text, 1)))


def test_cuts_inside_markup_are_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever pysbd proposes, no segment ends inside a link, inline code or URL."""
    from l10n.text import segment

    text = "Read [the guide. Then act](https://x.y/a.b?c=1) and `x. y` at www.a.b/c.d?e now. Done."

    def every_word(flat: str) -> list[str]:
        return [word + " " for word in flat.split(" ")]  # a cut before every word

    monkeypatch.setattr(segment, "sentences", every_word)
    got = sentences(text)
    assert "[the guide. Then act](https://x.y/a.b?c=1)" in got
    assert "`x. y`" in got
    assert "www.a.b/c.d?e" in got


# --- property: segment then join gives the block back ----------------------------------

_PIECES = st.one_of(
    st.text(
        alphabet=st.sampled_from(
            list("abcXYZ019 .!?;:,-\"'()[]`$%\n\t\r") + ["\u201c", "\u201d", "\u2019", "\u2014",
            "\xa0", "\u3000", "\u2028", "\u00e9", "\ud55c", "\u2026", "\U0001f600"]
        ),
        max_size=8,
    ),
    st.sampled_from(
        ["U.S.", "Mr.", "a.m.", "$100.00", "e.g.", "etc.", " Co. Ltd.", "https://x.y/a.b?c=d",
         "`code. x`", "[a. b](u.v)", '"Quoted." ', "\n\n", "  ", "...", "?!", "Dr. ", " The "]
    ),
    st.text(max_size=6),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=12).map("".join), st.integers(1, 500))
def test_segment_then_join_is_identity(text: str, line: int) -> None:
    block = Block(2, "paragraph", text, line)
    assert_lossless(block, segment_block(block))


# --- long texts: pysbd is given windows ------------------------------------------------

_NEWS = [*load_sentences(), *(s.text for s in segment_article(read_article(SEED))),
         "She arrived at 10 a.m. on Monday.", "Samsung Electronics Co. Ltd. reported gains.",
         'The message: "We are honored. Right here." Then silence.', "It was in the U.S.",
         "Mr. Smith arrived.", "Wait... what happened?", "Visit https://example.com/a.b?x=1."]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_NEWS), min_size=2, max_size=45),
       st.lists(st.sampled_from([" ", " ", " ", "\n", "  "]), min_size=45, max_size=45),
       st.integers(700, 2500))
def test_windows_cut_ordinary_text_as_one_call_does(
    picked: list[str], gaps: list[str], window: int
) -> None:
    """News paragraphs given to pysbd window by window are cut where one call on the whole
    text cuts them, wherever the window edges fall (windows far smaller than the real ones,
    so that many edges fall inside sentences, quotes and abbreviations)."""
    text = "".join(sentence + gap for sentence, gap in zip(picked, gaps, strict=False))
    assert _pysbd_cuts(text, window, window * 3 // 10) == _pysbd_cuts(text, window=10**9)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=10, max_size=80).map("".join), st.integers(20, 200))
def test_long_texts_stay_lossless_across_window_edges(text: str, window: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segment_module, "WINDOW", window)
        patch.setattr(segment_module, "MARGIN", window // 3)
        block = Block(1, "paragraph", text * 3, 7)
        assert_lossless(block, segment_block(block))


def test_a_200_kb_paragraph_is_segmented_losslessly() -> None:
    """Far past one window (the time per character is the benchmark's: python -m
    benchmarks scale)."""
    text = " ".join(_NEWS * 20)[:200_000]
    block = Block(0, "paragraph", text, 1)
    segments = segment_block(block)
    assert_lossless(block, segments)
    assert len(segments) > 1500
    assert max(len(s.text) for s in segments) < 1000


# --- CLI --------------------------------------------------------------------------------


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             *args: str) -> tuple[int, str, str]:
    """Run the real entry point (``l10n.cli.main``, which maps errors to exit codes)."""
    from l10n.cli import main

    monkeypatch.setattr(sys, "argv", ["l10n", *args])
    with pytest.raises(SystemExit) as info:
        main()
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def test_cli_segment_json(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["segment", "--json", f"seeds/{SEED.name}"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert [d["text"] for d in data] == [g["text"] for g in golden]
    assert {"text", "block", "index", "kind", "line"} <= set(data[0])
    assert (data[0]["kind"], data[0]["line"], data[2]["label"]) == ("title", 1, "paragraph 1")


def test_cli_segment_listing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["segment", f"seeds/{SEED.name}"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "13 segments" in lines[0]
    assert any("3:1" in ln and "paragraph 2" in ln and "line 5" in ln and "It chronologically"
               in ln for ln in lines)
    assert "WEEKLY HOT" not in result.stdout


def test_cli_segment_uses_configured_furniture(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "l10n.toml").write_text('furniture = ["Looking forward"]\n', encoding="utf-8")
    article = project / "seeds" / "cut.txt"
    lines = SEED.read_text(encoding="utf-8").split("\n")
    article.write_text("\n".join([*lines[:5], "Looking forward", *lines[5:]]), encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["segment", "--json", "seeds/cut.txt"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[-1]["text"].endswith("indebted to Korean e-sports.")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("missing.txt", None),
        ("empty.txt", b""),
        ("binary.txt", b"Title\n\x00\x00"),
        ("latin1.txt", "Caf\u00e9\n".encode("latin-1")),
        ("broken.md", b"---\ntitle: a: b\n---\n\nBody.\n"),
        ("bad-line3.txt", b"Title\nByline\nno date | here\nBody.\n"),
    ],
)
def test_cli_bad_input_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    name: str, data: bytes | None,
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(monkeypatch, capsys, "segment", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"Error: {name}")  # relative to the current folder
    assert len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_console_entry_point_reports_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "l10n", "segment", str(path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=60, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    assert "Error: empty.md: empty article" in result.stderr


def test_segmenting_an_article_reports_progress() -> None:
    article = read_article(SEED)
    told: list[tuple[int, int]] = []
    segments = segment_article(article, lambda done, total: told.append((done, total)))
    assert segments == segment_article(article)
    total = sum(len(b.text) for b in article.blocks if b.translatable)
    assert told[-1] == (total, total) and len(told) == sum(b.translatable for b in article.blocks)
    assert [d for d, _ in told] == sorted(d for d, _ in told)


@pytest.mark.parametrize(("text", "expected"), [
    ("The service is... not exactly great. Next one.",
     ["The service is... not exactly great.", "Next one."]),
    ("It was good\u2026 really good. Then rain.", ["It was good\u2026 really good.", "Then rain."]),
    ("He waited... Then he left.", ["He waited...", "Then he left."]),  # a new sentence
])
def test_an_ellipsis_inside_a_sentence_stays_in_it(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment_block(Block(0, "paragraph", text, 1))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("*This is one. This is two.* And three.", ["*This is one. This is two.*", "And three."]),
    ("**Bold start. Bold end.** Plain. [Link one. Link two](http://x) ok.",
     ["**Bold start. Bold end.**", "Plain.", "[Link one. Link two](http://x) ok."]),
    ("~~Gone. Really.~~ Back.", ["~~Gone. Really.~~", "Back."]),
    ("A 2*3 thing. Another *x* here. End.", ["A 2*3 thing.", "Another *x* here.", "End."]),
])
def test_markdown_inline_markup_is_never_cut(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment_block(Block(0, "paragraph", text, 1))] == expected


_WORDS = st.sampled_from(["One.", "two", "Three.", "four!", "Five?", "six", "Mr.", "x.y"])


@given(st.lists(st.tuples(_WORDS, st.sampled_from(["", "*", "**", "_", "`", "~~"])),
                min_size=1, max_size=12), st.data())
@settings(max_examples=150, deadline=None)
def test_every_segment_renders_the_emphasis_its_block_renders(
    words: list[tuple[str, str]], data: st.DataObject
) -> None:
    """Emphasis an author wraps around any run of sentences: each segment, rendered on its
    own (as a build renders a segment with its own status), shows no literal marker that
    the whole block does not show."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("strikethrough")
    parts = []
    for word, mark in words:
        if mark and data.draw(st.booleans()):
            span = data.draw(st.integers(1, 3))
            parts.append(f"{mark}{word} {'Alpha. ' * (span - 1)}{word}{mark}")
        else:
            parts.append(word)
    text = " ".join(parts)

    def literal(markdown: str) -> int:
        html = md.renderInline(markdown)
        html = __import__("re").sub(r"<code>.*?</code>|<[^>]+>", "", html)
        return sum(html.count(c) for c in "*_`~")

    segments = segment_block(Block(0, "paragraph", text, 1))
    assert sum(literal(s.text) for s in segments) <= literal(text), [s.text for s in segments]


@pytest.mark.parametrize(("text", "expected"), [
    ("In October, Rep. David McKinley, R-W.Va., visited the border. He left.",
     ["In October, Rep. David McKinley, R-W.Va., visited the border.", "He left."]),
    ("Palm Bay d. Rockledge 70-44. Cocoa d. West Shore 61-21.",
     ["Palm Bay d. Rockledge 70-44.", "Cocoa d. West Shore 61-21."]),
])
def test_no_sentence_starts_with_a_comma_or_after_a_lone_letter(
    text: str, expected: list[str]
) -> None:
    assert [s.text for s in segment_block(Block(0, "paragraph", text, 1))] == expected


def test_a_unit_is_not_a_lone_letter() -> None:
    text = "The limit was 30 km/h. Item two follows. Plan d. Then more."
    assert [s.text for s in segment_block(Block(0, "paragraph", text, 1))] == [
        "The limit was 30 km/h.", "Item two follows.", "Plan d. Then more."]


@pytest.mark.parametrize(("text", "expected"), [
    ("He was a chief physician.Police arrested a man.",
     ["He was a chief physician.", "Police arrested a man."]),
    ("Visit news.Yahoo.com or call obj.Method() now.",
     ["Visit news.Yahoo.com or call obj.Method() now."]),
])
def test_a_period_glued_to_the_next_sentence_ends_it(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment_block(Block(0, "paragraph", text, 1))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a name in capitals after a short abbreviation: not a sentence end
    ("VW hopes to sell the ID. SPACE VIZZION in 2022. It is a wagon.",
     ["VW hopes to sell the ID. SPACE VIZZION in 2022.", "It is a wagon."]),
    ("He works at the UN. NATO agreed later.", ["He works at the UN.", "NATO agreed later."]),
    # a letter naming a group or a plan ends a sentence before a capital word
    ("Switzerland won Group D. The day before, Portugal won.",
     ["Switzerland won Group D.", "The day before, Portugal won."]),
    ("They chose Type B. batteries are cheaper.", ["They chose Type B. batteries are cheaper."]),
    # an ellipsis in closing quotes, tags between, before a capital word (Portuguese)
    ('<span>“</span><i><span>3 anos, 3 anos…</span></i><span>” Veja, isso é natural!</span>',
     ['<span>“</span><i><span>3 anos, 3 anos…</span></i><span>”',
      'Veja, isso é natural!</span>']),
    ('He said “this is… not great” and left.', ['He said “this is… not great” and left.']),
])
def test_sentence_ends_pysbd_misses_and_names_in_capitals(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment_block(Block(0, "paragraph", text, 1))] == expected


def test_a_sentence_ends_before_an_html_line_break_and_a_capital() -> None:
    """pysbd sees tags, not a space, after 'time."' in '<br><small>Photo': the line
    break after a sentence's end is a cut (before it: the next segment starts with it)."""
    assert sentences('"I see this as my time."<br><small>Photo: <em>Tim Clayton</em></small>') == [
        '"I see this as my time."', "<br><small>Photo: <em>Tim Clayton</em></small>"]
    assert sentences("It ran aground.<br><br>A coastguard said so.") == [
        "It ran aground.", "<br><br>A coastguard said so."]
    # no sentence end before the break, and a line that goes on after it: no cut (a short
    # line of its own, "Cars and trucks<br>Buses", is cut by its own rule, tested below)
    assert len(sentences("Cars, trucks and the<br>Buses of the city")) == 1


def test_a_piece_of_markup_alone_joins_its_neighbour() -> None:
    """A '<br><br>' that ends a paragraph (or an emoji alone) is no sentence: it joins the
    segment before it, or the one after it when it comes first."""
    assert sentences("Winslet would fit the role. <br><br>") == [
        "Winslet would fit the role. <br><br>"]
    assert sentences('Fine. <span class="break"><br><br></span>') == [
        'Fine. <span class="break"><br><br></span>']
    assert sentences("\U0001f642 We have brought some reviews here! Read them.") == [
        "\U0001f642 We have brought some reviews here!", "Read them."]


def test_tel_and_fax_before_a_number_do_not_end_a_sentence() -> None:
    assert sentences("Call us, tel. 212-204-2000, fax. 212-204-2038, any day.") == [
        "Call us, tel. 212-204-2000, fax. 212-204-2038, any day."]


def test_a_pair_of_double_dashes_around_a_sentence_end_is_no_aside() -> None:
    """pysbd never cuts between two ``--`` (an aside); a box score's labels use them, and
    a sentence ends between them. An aside with no sentence end stays whole."""
    assert sentences("Total fouls--San Jose State 19, Nevada 14. Technical fouls--San Jose "
                     "State-None, Nevada-None.") == [
        "Total fouls--San Jose State 19, Nevada 14.",
        "Technical fouls--San Jose State-None, Nevada-None."]
    assert sentences("So, there's reason -- lots of it! -- to wonder. He left.") == [
        "So, there's reason -- lots of it! -- to wonder.", "He left."]


def test_a_short_abbreviation_before_a_lowercase_word_does_not_end_a_sentence() -> None:
    """pysbd's English rules do not know other languages' abbreviations (``bzw.``,
    ``ч. л.``) nor units (``tsp.``, ``min.``): a word of four letters or fewer and a period
    before a lowercase word, or ``min.``/``max.`` before a number, end no sentence. A
    name that starts in lowercase (``my6sense``, ``iPhone``) may start one."""
    assert sentences("Ob sich dieses durchsetzt bzw. für einen Austausch offen ist, bleibt "
                     "offen.") == ["Ob sich dieses durchsetzt bzw. für einen Austausch "
                                   "offen ist, bleibt offen."]
    assert sentences("Возьмите 2 ч. л. меда и 2,5 ч.л. уксуса.") == [
        "Возьмите 2 ч. л. меда и 2,5 ч.л. уксуса."]
    assert sentences("Add 1 tsp. nut butter. Stir for min. 25 seconds.") == [
        "Add 1 tsp. nut butter.", "Stir for min. 25 seconds."]
    assert sentences("It runs native ads. my6sense offers more. Buy an iPhone. iPhones "
                     "sell.") == ["It runs native ads.", "my6sense offers more.",
                                  "Buy an iPhone.", "iPhones sell."]


def test_a_rank_or_office_before_a_name_ends_no_sentence() -> None:
    """Police and military ranks and offices (``Const.``, ``Det.``, ``Insp.``, ``Cpl.``,
    ``Amb.``) come before a name, as ``Sgt.`` and ``Capt.`` do: pysbd ends a sentence there."""
    assert sentences('"Take the back roads home," said Const. Mig Roberts, with the traffic '
                     "unit. Det. Insp. Jo Hart and Amb. Lee Park agreed.") == [
        '"Take the back roads home," said Const. Mig Roberts, with the traffic unit.',
        "Det. Insp. Jo Hart and Amb. Lee Park agreed."]


def test_a_short_day_name_before_its_date_ends_no_sentence() -> None:
    """A dateline's day cut short (``Mon.``) goes on into its date; a day at a sentence's
    end before a capital word that is no date still ends it."""
    assert sentences("Posted Mon. Dec. 31 2007 2:49 PM ET. Police say enough.") == [
        "Posted Mon. Dec. 31 2007 2:49 PM ET.", "Police say enough."]
    assert sentences("Updated Sat. 5 January. The talks ended.") == [
        "Updated Sat. 5 January.", "The talks ended."]
    assert sentences("We met on Fri. Police came later.") == [
        "We met on Fri.", "Police came later."]


def test_no_sentence_ends_between_two_numbers_and_a_list_number_joins_its_item() -> None:
    assert sentences("<span>802. 11AC Wi-Fi and a 3. 5mm jack</span>") == [
        "<span>802. 11AC Wi-Fi and a 3. 5mm jack</span>"]
    assert sentences("All the coverage:<br><br>1. <a href=\"x\">Vista in schools</a>"
                     "<br><br>2. <a href=\"y\">Details of SP1</a>") == [
        "All the coverage:", "<br><br>1. <a href=\"x\">Vista in schools</a>",
        "<br><br>2. <a href=\"y\">Details of SP1</a>"]


def test_two_html_line_breaks_before_text_end_a_sentence() -> None:
    """A blank line (two ``<br>`` or more) is a paragraph's end in a page laid out with
    line breaks, whatever comes before it: a tweet's footnote, a dateline, a heading."""
    assert sentences("A passer rating of just 22.4 <br><br>*min. 25 snaps") == [
        "A passer rating of just 22.4", "<br><br>*min. 25 snaps"]
    assert sentences("The market held up, he concluded<br> <br>(BMcC)") == [
        "The market held up, he concluded", "<br> <br>(BMcC)"]
    assert sentences("One line<br>and its next line.") == ["One line<br>and its next line."]


def test_a_list_number_inside_a_sentence_starts_no_item() -> None:
    """pysbd cuts before any enumerator (``1.``, ``(ii)``); an item can start only at the
    block's start, after a line break or after a sentence's end, not after a comma, a
    colon, ``and`` or ``&``."""
    assert sentences("The winners: 1. Smith, 2. Jones and 3. Brown. Then we left.") == [
        "The winners: 1. Smith, 2. Jones and 3. Brown.", "Then we left."]
    assert sentences("Bets: (i) 2, 5 & 6. (ii) 1, 3 & 8.") == [
        "Bets: (i) 2, 5 & 6.", "(ii) 1, 3 & 8."]
    assert sentences("MILE (1,600m): 1. Red Fox (3) Kumar 57, 2. Blue Sky (1) Das 56.5 "
                     "and 3. Sea Star (2) Rao 55.") == [
        "MILE (1,600m): 1. Red Fox (3) Kumar 57, 2. Blue Sky (1) Das 56.5 and 3. Sea Star "
        "(2) Rao 55."]
    assert sentences("Mix it well. 2. Bake it.\n3. Serve it.") == [
        "Mix it well.", "2. Bake it.", "3. Serve it."]


@pytest.mark.parametrize(("text", "expected"), [
    ("NORTHWIND TRADERS CO. - Company profile and contacts",
     ["NORTHWIND TRADERS CO. - Company profile and contacts"]),
    ("Shares of Fabrikam Corp. — the maker of widgets — rose. They fell later.",
     ["Shares of Fabrikam Corp. — the maker of widgets — rose.", "They fell later."]),
    ("The firm Smith & Co. & Sons opened. Contoso Ltd. / Fabrikam Inc. merged.",
     ["The firm Smith & Co. & Sons opened.", "Contoso Ltd. / Fabrikam Inc. merged."]),
    ("Mass at St. Anne, 40 Elm Ave. N.W., Dayton. 9 a.m. Sunday Brunch after it.",
     ["Mass at St. Anne, 40 Elm Ave. N.W., Dayton.", "9 a.m. Sunday Brunch after it."]),
    ("The office at 12 Pine Blvd. SE opens. It is at 7 Oak St. W. in Troy.",
     ["The office at 12 Pine Blvd. SE opens.", "It is at 7 Oak St. W. in Troy."]),
    ("Dept. & Govt. staff met. Mass at <b>St. Ignatius Church</b>, then at Ft. Knox.",
     ["Dept. & Govt. staff met.", "Mass at <b>St. Ignatius Church</b>, then at Ft. Knox."]),
    ("The debate airs at 8 p.m. ET/PT. It runs late.",
     ["The debate airs at 8 p.m. ET/PT.", "It runs late."]),
    # a dateline is no sentence: "PLACE, Abbr." before a dash or a capital word
    ("SPRINGDALE, Ark. - A farmer found a meteorite. It was small.",
     ["SPRINGDALE, Ark. - A farmer found a meteorite.", "It was small."]),
    ("<span>S</span>ANTA ROSA, Calif. The fire spread overnight.",
     ["<span>S</span>ANTA ROSA, Calif. The fire spread overnight."]),
    ('Elko, Nev. —<a href="/p/9">Ann Ruiz</a> scored 21 points. It was her best game.',
     ['Elko, Nev. —<a href="/p/9">Ann Ruiz</a> scored 21 points.', "It was her best game."]),
    # a company at a sentence's end, before a capital word: still a sentence's end
    ("He founded Contoso Inc. The company grew.", ["He founded Contoso Inc.",
                                                   "The company grew."]),
])
def test_a_company_or_street_abbreviation_before_what_starts_no_sentence(
        text: str, expected: list[str]) -> None:
    """After a company's or a street's abbreviation (any case), a dash and a space, ``&``
    or ``/`` start no sentence, and after a street a compass point (``N.W.``, ``SE``) is
    part of the address: pysbd ends a sentence at each."""
    assert sentences(text) == expected


def test_a_line_of_its_own_before_one_line_break_ends_a_segment() -> None:
    """A short line without a sentence's end before one ``<br>`` and a capital word is a
    name, a title or a dateline of its own; a line that ends on punctuation or on a
    function word goes on after the break."""
    assert sentences("<b>marta</b><br>Those who think the plan works are wrong.<br>"
                     "<b>Li Wei</b><br>\"Budget talks stall\" was the headline.") == [
        "<b>marta</b>", "<br>Those who think the plan works are wrong.",
        "<br><b>Li Wei</b>", "<br>\"Budget talks stall\" was the headline."]
    assert sentences('<a href="/w">Five Reasons to Back Up</a><br> Tape is old. Disks are'
                     " cheap.") == ['<a href="/w">Five Reasons to Back Up</a>',
                                    "<br> Tape is old.", "Disks are cheap."]
    assert sentences("BERLIN, March 3<br>The talks ended.") == [
        "BERLIN, March 3", "<br>The talks ended."]
    for goes_on in ("A weekly paper printed by the<br>Harbor Press Group.",
                    "Roses are red,<br>Violets are blue.",
                    "One line<br>and its next line."):
        assert sentences(goes_on) == [goes_on]
    headline = "Rivers Rise Across the North of the Country as Rain Goes On Mar 3, 9:15 AM"
    assert sentences(f"{headline}<br>Flood warnings were issued.") == [
        headline, "<br>Flood warnings were issued."]
    # a byline or a copyright line goes on in a paper's name or a role, not in a date
    assert sentences("<b>By Jane Roe</b><br><em>Staff writer</em><br>Monday, March 3, 2008"
                     "<br>The talks ended.") == [
        "<b>By Jane Roe</b><br><em>Staff writer</em>", "<br>Monday, March 3, 2008",
        "<br>The talks ended."]
    assert sentences("Copyright © 2008<br>The Daily Times<br>All rights reserved.") == [
        "Copyright © 2008<br>The Daily Times", "<br>All rights reserved."]
    assert sentences("<b>John Doe</b><br> AP Sports Writer") == [
        "<b>John Doe</b><br> AP Sports Writer"]
    assert sentences("Ann Lee, Publisher<br>Bo Kim, Editor") == [
        "Ann Lee, Publisher", "<br>Bo Kim, Editor"]
    assert sentences("By Ann Lee<br>Listen to the Podcast") == [
        "By Ann Lee", "<br>Listen to the Podcast"]
    long_line = ("This line of a wrapped paragraph is far too long to be a name, a title or a"
                 " dateline of its own")
    assert sentences(f"{long_line}<br>Then more text.") == [f"{long_line}<br>Then more text."]


def test_who_said_a_quotation_stays_with_it() -> None:
    """pysbd ends a sentence after a quotation's ``?"`` or ``,”`` before a capital name;
    the attribution that follows (a name, a verb of saying, nothing else) is no sentence
    of its own. A name that says more starts a sentence."""
    assert sentences('"Why would we wait?" Harlow asked again. Nobody answered.') == [
        '"Why would we wait?" Harlow asked again.', "Nobody answered."]
    assert sentences("“Come in, ‘Not yet,’” Mr. Okafor said, smiling. Then he left.") == [
        "“Come in, ‘Not yet,’” Mr. Okafor said, smiling.", "Then he left."]
    assert sentences('"Is it true?" Judge Ames said: "Yes." It was.') == [
        '"Is it true?"', 'Judge Ames said: "Yes."', "It was."]
    assert sentences("“We are ready.” Vance said the team had trained all year.") == [
        "“We are ready.”", "Vance said the team had trained all year."]



def test_end_tags_stay_with_what_they_close() -> None:
    """An end tag closes the sentence before it: a cut before ``</span><span>`` moves past
    the end tag, and a comma after an end tag (``Inc.</a>, a maker``) starts no sentence."""
    assert sentences('<span class="t">07:30a.m.</span><span class="n">Morning News</span>') == [
        '<span class="t">07:30a.m.</span>', '<span class="n">Morning News</span>']
    assert sentences('He works at <a href="x">Northwind Traders Inc.</a>, a maker of tools. '
                     '<a href="y">Who Can Stop Her?</a>, <i>Weekly</i>, 3 January.') == [
        'He works at <a href="x">Northwind Traders Inc.</a>, a maker of tools.',
        '<a href="y">Who Can Stop Her?</a>, <i>Weekly</i>, 3 January.']


def test_a_period_that_starts_a_name_ends_no_sentence() -> None:
    """pysbd reads the period of ``.Net``, ``.com`` or ``.mp3`` (a name, a domain, a file
    extension: a period a letter follows with no space) as a sentence's end; it is none.
    A period glued to a capital word after a word (``dentist.Then``) still ends one."""
    assert sentences("Contoso sells its Outlook, .Net, and cloud tools. Sales grew.") == [
        "Contoso sells its Outlook, .Net, and cloud tools.", "Sales grew."]
    assert sentences("Songs come as .mp3 or .ogg files, and (.NET) libraries too.") == [
        "Songs come as .mp3 or .ogg files, and (.NET) libraries too."]
    assert sentences("She saw her dentist.Then she went home.") == [
        "She saw her dentist.", "Then she went home."]
    assert sentences('The index <a href="/q?s=.DJI">.DJI</a> fell. He joined <a href="/f">'
                     'Fulham</a>.Watford sold him.') == [
        'The index <a href="/q?s=.DJI">.DJI</a> fell.', 'He joined <a href="/f">Fulham</a>.',
        'Watford sold him.']


def test_a_sentence_ending_inside_brackets_ends_before_a_capital() -> None:
    """pysbd cuts after ``.)`` before a capital only where the bracket starts the text;
    a sentence that ends inside brackets ends wherever they start. An abbreviation
    (``etc.)``) or a lowercase word after the bracket goes on."""
    assert sentences("THE LONG ROAD (Rated PG for mild peril.) The cast is small. "
                     "It opens [they hope!] on time.") == [
        "THE LONG ROAD (Rated PG for mild peril.)", "The cast is small.",
        "It opens [they hope!] on time."]
    assert sentences("We grow herbs (thyme, sage.) Mint grows wild (really?) There it is.") == [
        "We grow herbs (thyme, sage.)", "Mint grows wild (really?)", "There it is."]
    assert sentences("Bring tools (saws, files, etc.) Nobody else will. Pack food (the usual.) "
                     "and go.") == [
        "Bring tools (saws, files, etc.) Nobody else will.", "Pack food (the usual.) and go."]


def test_a_sentence_ending_inside_quotes_ends_before_a_capital() -> None:
    """pysbd misses a sentence's end in single or doubled quotes (``this.' Instead``,
    ``‘‘a mess.’’ Critics``) and before an opening quote (``tired.” “We``); who said it
    (``'Are you in?' Lee asked.``) stays with the quotation."""
    assert sentences("She could have said, 'Not today, thanks.' Instead she stayed.") == [
        "She could have said, 'Not today, thanks.'", "Instead she stayed."]
    assert sentences("He called it ‘‘a mess.’’ Critics agreed. “We are tired.” “We rest.”") == [
        "He called it ‘‘a mess.’’", "Critics agreed.", "“We are tired.”", "“We rest.”"]
    assert sentences("'Are you in?' Lee asked. 'Yes, Mr. Lee.' Nobody moved.") == [
        "'Are you in?' Lee asked.", "'Yes, Mr. Lee.'", "Nobody moved."]
    assert sentences("He asked, 'Who is next?''' Ortiz said. He left.") == [
        "He asked, 'Who is next?''' Ortiz said.", "He left."]


def test_a_straight_quote_before_a_start_tag_opens_the_next_sentence() -> None:
    """A straight quote after a sentence's end and a space, glued to a link or emphasis,
    opens the next sentence's quotation: it starts that segment, it does not close the
    one before (found on trafilatura-eval: ``noggin. "<a>Several</a> studies …"``). A
    quote glued to the sentence before it still closes it."""
    assert sentences('It helps your noggin.\xa0"<a href="x">Several</a> studies found it," '
                     "she said. Good.") == [
        "It helps your noggin.", '"<a href="x">Several</a> studies found it," she said.',
        "Good."]
    assert sentences("It helps. '<em>Two</em> studies agree.' Good.") == [
        "It helps.", "'<em>Two</em> studies agree.'", "Good."]
    assert sentences('He said "no."<br><a href="x">Then</a> he left.') == [
        'He said "no."', '<br><a href="x">Then</a> he left.']


def test_an_abbreviation_before_end_tags_is_read_as_in_plain_text() -> None:
    """An end tag after an abbreviation (a link or emphasis around a company or a country)
    changes nothing: ``Inc.</a> said`` goes on as ``Inc. said`` does, ``<em>U.S.</em> The``
    ends a sentence as ``U.S. The`` does (pysbd reads a period before a tag as no
    abbreviation's), and a title before a name (``<b>Dr.</b> Lee``) ends none."""
    assert sentences('Ann Roe of <a href="/f">Fabrikam Holdings Inc.</a> said that sales '
                     'fell. <a href="/g">Contoso Inc.</a> The firm grew.') == [
        'Ann Roe of <a href="/f">Fabrikam Holdings Inc.</a> said that sales fell.',
        '<a href="/g">Contoso Inc.</a>', "The firm grew."]
    assert sentences("She moved to the <em>U.S.</em> The move was hard. It was 7 <i>p.m.</i> "
                     "Eastern time when <b>Dr.</b> Lee came to the <em>U.S.</em> office.") == [
        "She moved to the <em>U.S.</em>", "The move was hard.",
        "It was 7 <i>p.m.</i> Eastern time when <b>Dr.</b> Lee came to the <em>U.S.</em> "
        "office."]
    assert sentences("He read <em>Dune.</em> <em>It</em> was long.") == [
        "He read <em>Dune.</em>", "<em>It</em> was long."]


def test_a_title_in_quotes_ends_a_sentence_before_a_capital() -> None:
    """A sentence may end on a title in single or doubled quotes, a capitalised word before
    the period (``‘‘Cassandra’s Dream.’’ It’s``, ``'Jaws.' Nobody``): pysbd misses it as it
    misses a lowercase word's. An abbreviation in brackets or quotes (``etc.)``) ends none."""
    assert sentences("Few could say the same about ‘‘Harbor Lights.’’ It’s derivative. He "
                     "loved 'Jaws.' Nobody else did.") == [
        "Few could say the same about ‘‘Harbor Lights.’’", "It’s derivative.",
        "He loved 'Jaws.'", "Nobody else did."]
    assert sentences("Bring tools (saws, Files, etc.) Nobody else will.") == [
        "Bring tools (saws, Files, etc.) Nobody else will."]


def test_a_quotation_mark_pairs_with_none_in_a_tag() -> None:
    """pysbd keeps the text between two quotation marks in one sentence; a mark of the text
    that pairs with none (an inch mark) must not pair with the quotes of a later tag's
    attribute, and a quotation around a link still stays whole."""
    assert sentences("At 5'10\", I had room. The zipper jammed. A friend had "
                     '<a href="https://example.com/tools/">a multi-tool</a> to fix it.') == [
        "At 5'10\", I had room.", "The zipper jammed.",
        'A friend had <a href="https://example.com/tools/">a multi-tool</a> to fix it.']
    assert sentences('He said: "Read <a href="/b">the book</a>. Then call." She did.') == [
        'He said: "Read <a href="/b">the book</a>. Then call."', "She did."]


def test_who_said_a_quotation_where_and_to_whom_stays_with_it() -> None:
    """An attribution may say where, when or to whom (``Jindal shouted to her husband.``,
    ``Kennedy said near the end of the session.``), its verb may be a link: it is still no
    sentence of its own.
    A clause of what was said (``said in a letter that``, ``said the land``) starts one."""
    assert sentences('"It is coming NOW!" Priya shouted to her husband. They ran. "Is that '
                     'fair?" Ames said near the end of the session. “We won!” Lee tweeted '
                     "before the vote.") == [
        '"It is coming NOW!" Priya shouted to her husband.', "They ran.",
        '"Is that fair?" Ames said near the end of the session.',
        "“We won!” Lee tweeted before the vote."]
    link = f'<a class="x" href="https://example.com/{"n" * 300}" title="">tweeted</a>'
    assert sentences(f"“We won!” Lee {link} before the vote. It ended.") == [
        f"“We won!” Lee {link} before the vote.", "It ended."]
    assert sentences('"Why?" Ames said in a letter that the plan had failed. "Why not?" '
                     "Ortiz said the land would be dug.") == [
        '"Why?"', "Ames said in a letter that the plan had failed.", '"Why not?"',
        "Ortiz said the land would be dug."]


def test_a_tag_stays_with_the_words_it_marks() -> None:
    """Every segment is well-formed markup: an end tag closes what comes before it, even
    glued to the next sentence or after a line break (``line. </b>In``, ``<br></strong>``),
    and a start tag opens what follows it (``West Ham<strong>`` before a blank line)."""
    assert sentences("<b>Bottom line. </b>In conclusion, it is a masterful film.") == [
        "<b>Bottom line. </b>", "In conclusion, it is a masterful film."]
    assert sentences("<strong>Clips appear to show him at the game.<br></strong><br>The "
                     "videos show a man at a barbecue.") == [
        "<strong>Clips appear to show him at the game.<br></strong>",
        "<br>The videos show a man at a barbecue."]
    assert sentences("<br> Man City 1-1 West Ham<strong><br> <br> Saturday Jan 19</strong>"
                     "<br> Birmingham 0-1 Chelsea") == [
        "<br> Man City 1-1 West Ham", "<strong><br> <br> Saturday Jan 19</strong>",
        "<br> Birmingham 0-1 Chelsea"]


def test_an_ellipsis_after_a_label_continues_it() -> None:
    """An ellipsis after a label's colon (tags between) links the label to what follows:
    no sentence ends there. An ellipsis after a sentence still ends it."""
    assert sentences("<b>Tomorrow:</b> ... Northwind Bank earnings, the last of the quarter. "
                     "<b>Friday:</b> … Jobs data.") == [
        "<b>Tomorrow:</b> ... Northwind Bank earnings, the last of the quarter.",
        "<b>Friday:</b> … Jobs data."]
    assert sentences("He paused... Then he left.") == ["He paused...", "Then he left."]


def test_a_sentence_end_glued_to_an_empty_element_ends_a_sentence() -> None:
    """A page's line break drawn as an empty element (``<span class="br"></span>``) glued
    between a sentence's end and the next sentence: pysbd cuts after a word (``odds.``) but
    not after a number (``112.``); it is asked without the element, and an abbreviation
    there still ends no sentence."""
    br = '<span class="id-r-component br"></span>'
    assert sentences(f"Call for help. Dial 112.{br}Police teams rushed to the spot.") == [
        "Call for help.", "Dial 112.", f"{br}Police teams rushed to the spot."]
    assert sentences(f"He beat the odds.{br}The 22-year-old won.") == [
        "He beat the odds.", f"{br}The 22-year-old won."]
    assert sentences(f"He lives in the U.S.{br}Police said so.") == [
        f"He lives in the U.S.{br}Police said so."]


def test_a_headline_that_starts_with_a_quoted_exclamation_is_one() -> None:
    """A quoted exclamation or question alone, then words in title case (a headline, a
    video's title), is one unit; before a sentence in sentence case it ends a sentence."""
    assert sentences("<span class=\"title\">'We Got Her!' Video Shows Dramatic Rescue of "
                     "Kidnapped Girl</span>") == [
        "<span class=\"title\">'We Got Her!' Video Shows Dramatic Rescue of Kidnapped Girl</span>"]
    assert sentences('"Stop!" He ran to the corner.') == ['"Stop!"', "He ran to the corner."]
    assert sentences("“Can I give it to James?” Brooke then left the stage in tears.") == [
        "“Can I give it to James?”", "Brooke then left the stage in tears."]


def test_an_abbreviation_inside_an_element_ends_no_sentence() -> None:
    """Cuts that left a tag unclosed: a genus's initial before a lowercase word in tags
    (``<em>T. muris</em>``), ``ST.`` of a dateline in capitals, and an initial right after
    a start tag (pysbd ends ``<span>J.`` where it keeps `` J. Scott``)."""
    assert sentences("She found that <em>T. muris</em> was normal in mice. Next came.") == [
        "She found that <em>T. muris</em> was normal in mice.", "Next came."]
    assert sentences("<strong>ST. JOSEPH, Mich. (AP)</strong> — Officials reported a death.") == [
        "<strong>ST. JOSEPH, Mich. (AP)</strong> — Officials reported a death."]
    assert sentences('The senator speaks.</span> <span class="credit">J. Scott Applewhite / AP'
                     "</span>") == [
        "The senator speaks.</span>", '<span class="credit">J. Scott Applewhite / AP</span>']


def test_who_said_a_quotation_with_an_adverb_stays_with_it() -> None:
    """An adverb before the attribution's verb (``Brooke tearfully asked``) still makes no
    sentence of its own; a clause of what was said still starts one."""
    assert sentences("“Can I give it to James?” Brooke tearfully asked before the break. "
                     "Then she left.") == [
        "“Can I give it to James?” Brooke tearfully asked before the break.", "Then she left."]
    assert sentences("“Can I go?” Brooke quietly said that she would stay.") == [
        "“Can I go?”", "Brooke quietly said that she would stay."]


def test_a_note_marker_after_a_sentence_stays_with_it() -> None:
    """A footnote or citation marker glued after a sentence's end (Wikipedia's ``<sup
    class="reference">``, a plain ``[3]``, a Markdown footnote ``[^2]``) belongs to that
    sentence: it neither starts the next one nor makes a segment of its own."""
    ref = '<sup id="cite_ref-5" class="reference"><a href="#cite_note-5">[{}]</a></sup>'
    assert sentences(f"It was founded in 2004.{ref.format(60)}{ref.format(61)} It grew fast."
                     f"{ref.format(62)}") == [
        f"It was founded in 2004.{ref.format(60)}{ref.format(61)}",
        f"It grew fast.{ref.format(62)}"]
    assert sentences("The law passed in 1990.[3] Critics objected.[4][5]") == [
        "The law passed in 1990.[3]", "Critics objected.[4][5]"]
    assert sentences("Rust 1.31 shipped.[^edition] The next one is due.") == [
        "Rust 1.31 shipped.[^edition]", "The next one is due."]
    assert sentences("See the list. [1] Smith wrote it.") == [
        "See the list.", "[1] Smith wrote it."]  # not glued: a list's number, not a note


def test_a_list_number_at_a_line_start_begins_its_item() -> None:
    """pysbd ends a line at the next line's list number (``Finland<br>2.``): the number
    goes with the item it numbers; a number that ends a sentence stays there."""
    assert sentences("The ranking: 1. Finland<br>2. Norway<br>3. Denmark") == [
        "The ranking: 1. Finland", "<br>2. Norway", "<br>3. Denmark"]
    assert sentences("He scored 3. Then he left.") == ["He scored 3.", "Then he left."]
    assert sentences("Length: 1:52. Where: Sundance") == ["Length: 1:52.", "Where: Sundance"]


def test_a_pronoun_pysbd_takes_for_a_state_ends_a_sentence_before_i() -> None:
    """``me.``, ``ill.``: pysbd reads Maine's and Illinois's abbreviations before ``I``."""
    assert sentences("His wordiness inspirited me. I returned to the charge.") == [
        "His wordiness inspirited me.", "I returned to the charge."]
    assert sentences("He lives in Portland, Me. I think.") == ["He lives in Portland, Me. I think."]


def test_a_page_number_ends_no_sentence() -> None:
    assert sentences("It is defined on p. 234 of the report. See pp. 23-25.") == [
        "It is defined on p. 234 of the report.", "See pp. 23-25."]


def test_who_said_a_quotation_may_be_a_pronoun_with_an_adverb_and_a_speech_verb() -> None:
    """A quotation ending in ``?`` or ``!``, then its speaker (a pronoun too), an adverb
    and a verb of speech, is one sentence; a verb that says no speech (``He left``) ends
    the quotation's sentence, and a lowercase speaker is never cut off."""
    assert sentences('"Why did she quit me?" I now demanded.') == [
        '"Why did she quit me?" I now demanded.']
    assert sentences("“Will you, or will you not, quit me?” I now demanded in a sudden "
                     "passion, advancing close to him. He stood.") == [
        "“Will you, or will you not, quit me?” I now demanded in a sudden passion, "
        "advancing close to him.", "He stood."]
    assert sentences("“What would you even do?” All Might sighed.") == [
        "“What would you even do?” All Might sighed."]
    assert sentences("“Do they know?” Izuku asked exasperatedly.") == [
        "“Do they know?” Izuku asked exasperatedly."]
    assert sentences('"Really?" He left.') == ['"Really?"', "He left."]
    assert sentences('"Why?" he asked.') == ['"Why?" he asked.']


def test_a_quoted_word_ends_no_sentence() -> None:
    """A quotation that ends on a letter holds no sentence's end: pysbd cut a headline
    after its scare-quoted first word; a line break after it still ends a line."""
    title = ("'Neutral' Snopes Fact-Checker David Emery: 'Are There Any Un-Angry Trump "
             "Supporters?'")
    assert sentences(title) == [title]
    assert sentences('"Neutral" Snopes Fact-Checker Has Covered Up For Hillary Before: '
                     '"Are You Serious?"') == [
        '"Neutral" Snopes Fact-Checker Has Covered Up For Hillary Before: "Are You Serious?"']
    assert sentences("<b>'Neutral'</b><br>Snopes staff said: 'Are you serious?'") == [
        "<b>'Neutral'</b>", "<br>Snopes staff said: 'Are you serious?'"]


def test_a_quoted_question_inside_a_title_case_headline_is_one() -> None:
    """A quoted question after words in title case, then more of the title: one headline;
    in a sentence in sentence case it still ends a sentence."""
    assert sentences('<strong>Develop a Personal "Should I Buy This?" Test</strong>') == [
        '<strong>Develop a Personal "Should I Buy This?" Test</strong>']
    assert sentences('First, "Is streaming the future of gaming?" Possibly.') == [
        'First, "Is streaming the future of gaming?"', "Possibly."]
    assert sentences('Smith asked "Why not?" Nobody knew.') == [
        'Smith asked "Why not?"', "Nobody knew."]


def test_an_enumerator_a_sentence_refers_to_starts_no_item() -> None:
    """pysbd cuts before ``(a)`` wherever it sees one; ``certified (a), (b) or (c)``
    refers to items, it starts none. After a sentence's end it starts one."""
    dco = ("(c) The contribution was provided directly to me by some other\nperson who "
           "certified (a), (b) or (c) and I have not modified\nit.")
    assert sentences(dco) == [dco]
    assert sentences("Consider two rules. (a) and (b) are true.") == [
        "Consider two rules.", "(a) and (b) are true."]


def test_a_period_inside_a_qualified_name_in_code_ends_no_sentence() -> None:
    """A period glued to a bracket in a dotted name (Go's ``pkg.(*Type).Method``, a call
    ``foo.bar().Baz``) is part of the name; glued after a plain word it may end one."""
    assert sentences("Fix races within code.gitea.io/git.(*Command).RunInDirTimeoutPipeline "
                     "(#1465)") == [
        "Fix races within code.gitea.io/git.(*Command).RunInDirTimeoutPipeline (#1465)"]
    assert sentences("Call foo.bar().Baz to reset it.") == ["Call foo.bar().Baz to reset it."]
    assert sentences("The agency said.(Oleg Urusov/ Press Service photo via AP)") == [
        "The agency said.", "(Oleg Urusov/ Press Service photo via AP)"]


def test_a_lowercase_attribution_stays_with_a_quotation_of_mismatched_marks() -> None:
    """A straight opening quote closed by a curly one (``"… in!” an officer shouts.``):
    pysbd pairs neither and cuts before the closing quote; the attribution, lowercase,
    starts no sentence. Before a capital word the quotation still ends one."""
    text = '"Fort Worth P.D. Open the door! We’re coming in!” an officer shouts.'
    assert sentences(text)[-1] == "We’re coming in!” an officer shouts."
    assert sentences('He came. "Open up! We’re in!” <em>an</em> officer said.')[-1] == (
        "We’re in!” <em>an</em> officer said.")
    assert sentences('"Open the door! We’re coming in!” Officers ran up.')[-1] == (
        "Officers ran up.")


def test_a_long_line_of_a_list_before_one_line_break_ends_a_segment() -> None:
    """Lines of a list set with single ``<br>`` (tour dates, each starting with the month)
    are entries of their own however long: a line that starts with the same word as the
    line after it ends a segment, even over the length of a line of its own."""
    lines = ["June 20 – Raleigh, NC @ Coastal Credit Union Music Park",
             "June 23 – Virginia Beach, VA @ Veterans United Home Loans Amphitheater at "
             "Virginia Beach",
             "June 24 – Bristow, VA @ Jiffy Lube Live"]
    assert sentences("<br> ".join(lines)) == [
        lines[0], f"<br> {lines[1]}", f"<br> {lines[2]}"]
    long_line = ("This line of a wrapped paragraph is far too long to be a name, a title or a"
                 " dateline of its own")
    assert sentences(f"{long_line}<br>This goes on.") == [f"{long_line}<br>This goes on."]


def test_a_footnote_link_around_a_number_stays_with_its_sentence() -> None:
    """A footnote marker set as a link around a superscript number (FiveThirtyEight's
    ``<a class="espn-footnote-link"><sup>4</sup></a>``), glued after a sentence's end,
    ends that sentence; it does not start the next one."""
    note = '<a class="espn-footnote-link" href="#fn-4"><sup>4</sup></a>'
    assert sentences(f"The two were combined.{note} And the rest followed.") == [
        f"The two were combined.{note}", "And the rest followed."]


def test_a_clock_time_before_an_abbreviated_date_ends_no_sentence() -> None:
    """After ``a.m.``/``p.m.`` an abbreviated month and its day go on with the time
    (``10:30 p.m. Aug. 9 to 6:30 a.m.``, a non-breaking space or not), as a full month
    does; another capital word after the time starts a sentence."""
    for space in (" ", "\u00a0"):
        text = (f"No checks were made from 10:30 p.m. Aug.{space}9 to{space}6:30 a.m. the "
                "following morning, when the officers found him.")
        assert sentences(text) == [text]
    assert sentences("The shop opens at 10 a.m. Augusta's shop opens later.") == [
        "The shop opens at 10 a.m.", "Augusta's shop opens later."]


def test_the_title_right_before_honourable_ends_no_sentence() -> None:
    """``Rt.`` (Right, of ``Rt. Hon.``, ``Rt. Rev.``) always precedes more of a title."""
    text = ("He moved a motion on the death of the former Speaker, the Rt. Hon. B. U. Nzeribe,"
            " and the Senate rose.")
    assert sentences(text) == [text]
