"""Article readers: the news dump, Markdown with front matter, and every bad input."""

from __future__ import annotations

import warnings
from datetime import datetime
from pathlib import Path

import pytest

from l10n.articles import find_articles, named_articles, read_article
from l10n.errors import ArticleError
from l10n.text.segment import segment_article
from tests.conftest import DATA, SEED

ARTICLES = DATA / "articles"
SAMPLE_MD = ARTICLES / "sample-article.md"

DUMP = (
    "A Title\n"
    "Jane Doe Staff Reporter\n"
    "desk@example.com | 2025-11-02 06:24:39\n"
    "First paragraph. It has two sentences.\n"
    "\n"
    "Second paragraph.\n"
)


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def fails(path: Path, *, line: int | None, match: str, **kwargs: object) -> ArticleError:
    """Read ``path`` expecting an ArticleError at ``line`` that names the file."""
    with pytest.raises(ArticleError, match=match) as info:
        read_article(path, **kwargs)  # type: ignore[arg-type]
    error = info.value
    assert error.path == str(path)
    assert error.line == line
    assert error.exit_code == 2
    assert str(path) in error.format_message()
    return error


# --- the plain-text news dump ---------------------------------------------------------


def test_seed_header_and_blocks() -> None:
    article = read_article(SEED)
    assert article.slug == "nvidia-korea-ai-alliance"
    assert article.format == "text"
    assert article.title.startswith("NVIDIA Hails South Korea as Global AI Epicenter")
    assert article.author == "Pedro Espinola Special Correspondent"
    assert article.contact == "mesa.entrada@senatur.gov.py"
    assert article.published == datetime(2025, 11, 2, 6, 24, 39)
    kinds = [(b.index, b.kind, b.line) for b in article.blocks]
    assert kinds == [
        (0, "title", 1),
        (1, "byline", 2),
        (2, "paragraph", 4),
        (3, "paragraph", 5),
        (4, "paragraph", 6),
    ]
    source = SEED.read_text(encoding="utf-8").split("\n")
    for block in article.blocks:
        assert block.text == source[block.line - 1].strip()


def test_seed_furniture_is_left_out() -> None:
    article = read_article(SEED)
    body = "\n".join(b.text for b in article.blocks)
    assert "WEEKLY HOT" not in body
    assert "Magok" not in body and "Vishay" not in body
    assert article.blocks[-1].text.endswith("real-world industrial application.")


def test_furniture_markers_are_configurable_and_exact(tmp_path: Path) -> None:
    text = DUMP + "MORE NEWS\nSomething else.\nweekly hot\n"
    path = write(tmp_path, "custom.txt", text)
    default = [b.text for b in read_article(path).blocks]
    assert "MORE NEWS" in default and "weekly hot" in default  # case-sensitive, exact
    custom = [b.text for b in read_article(path, furniture=["MORE NEWS"]).blocks]
    assert custom[-1] == "Second paragraph."
    assert "Something else." not in custom


def test_bom_and_crlf_are_tolerated(tmp_path: Path) -> None:
    plain = read_article(write(tmp_path, "plain.txt", DUMP))
    windows = read_article(
        write(tmp_path, "windows.txt", b"\xef\xbb\xbf" + DUMP.replace("\n", "\r\n").encode())
    )
    assert windows.blocks == plain.blocks
    assert windows.title == "A Title"


def test_dump_paragraph_lines_and_indices(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "dump.txt", DUMP), lang="en")
    assert [(b.index, b.kind, b.line) for b in article.blocks] == [
        (0, "title", 1),
        (1, "byline", 2),
        (2, "paragraph", 4),
        (3, "paragraph", 6),
    ]


@pytest.mark.parametrize(
    ("text", "line", "match"),
    [
        ("Title\nByline\ndesk@example.com 2025-11-02 06:24:39\nBody.\n", 3, "malformed"),
        ("Title\nByline\ndesk@example.com | yesterday\nBody.\n", 3, "malformed"),
        ("Title\nByline\ndesk@example.com | 2025-13-45 06:24:39\nBody.\n", 3, "invalid date"),
        ("Title\nByline\ndesk@example.com | 2025-11-02 06:24:39\n", 4, "no body"),
        ("Title\nByline\nd@e.com | 2025-11-02 06:24:39\nWEEKLY HOT\n- 1 x\n", 4, "no body"),
        ("\nByline\nd@e.com | 2025-11-02 06:24:39\nBody.\n", 1, "title"),
        ("Title\n   \nd@e.com | 2025-11-02 06:24:39\nBody.\n", 2, "byline"),
    ],
)
def test_malformed_dump(tmp_path: Path, text: str, line: int, match: str) -> None:
    error = fails(write(tmp_path, "bad.txt", text), line=line, match=match)
    assert error.hint


def test_bad_header_fixture_explains_the_format() -> None:
    error = fails(ARTICLES / "bad-header.txt", line=3, match="malformed contact and date line")
    assert "contact | YYYY-MM-DD HH:MM:SS" in (error.hint or "")


# --- bad input of any format -----------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    fails(tmp_path / "nope.txt", line=None, match="not found")


@pytest.mark.parametrize("name", ["empty.txt", "empty.md"])
@pytest.mark.parametrize("data", ["", "  \n\t\n \r\n"])
def test_empty_article(tmp_path: Path, name: str, data: str) -> None:
    fails(write(tmp_path, name, data), line=None, match="empty article")


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path, "binary.txt", b"Title\nByline\n\x00\x01\x02\xff")
    fails(path, line=3, match="binary")


@pytest.mark.parametrize("name", ["latin1.txt", "latin1.md"])
def test_non_utf8_names_the_line(tmp_path: Path, name: str) -> None:
    data = DUMP.encode() + "Caf\u00e9 cr\u00e8me.\n".encode("latin-1")
    error = fails(write(tmp_path, name, data), line=7, match="not valid UTF-8")
    assert "0xe9" in error.message


def test_unsupported_suffix_names_the_formats(tmp_path: Path) -> None:
    error = fails(write(tmp_path, "article.docx", "<p>Hi</p>"), line=None, match="unsupported")
    assert all(s in (error.hint or "") for s in (".txt", ".md", ".html"))


@pytest.mark.parametrize(("name", "slug"), [
    ("Bad_Name.txt", "bad-name"), ("-dash.txt", "dash"), ("spa ce.txt", "spa-ce"),
    ("caf\u00e9.txt", "cafe"), ("Rust-1.31.md", "rust-1-31"), ("Rust-1.0@1.md", "rust-1-0-1"),
    ("A  .. B.html", "a-b"),
])
def test_any_file_name_gives_a_normalised_slug(tmp_path: Path, name: str, slug: str) -> None:
    text = "<h1>T</h1><p>Body.</p>" if name.endswith(".html") else DUMP
    if name.endswith(".md"):
        text = "# Title\n\nBody.\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a Markdown title from its heading: warned
        assert read_article(write(tmp_path, name, text)).slug == slug


def test_a_name_without_latin_letters_gets_a_slug_of_its_own(tmp_path: Path) -> None:
    one = read_article(write(tmp_path, "\uae30\uc0ac.txt", DUMP)).slug
    two = read_article(write(tmp_path, "\ub274\uc2a4.txt", DUMP)).slug
    assert one.startswith("article-") and two.startswith("article-") and one != two


def test_file_name_slug_is_lowercased(tmp_path: Path) -> None:
    assert read_article(write(tmp_path, "Seoul-News-2.txt", DUMP)).slug == "seoul-news-2"


@pytest.mark.parametrize(("slug", "normalised"), [
    ("hugo_gen_man", "hugo-gen-man"), ("Release.Notes", "release-notes"), ("../escape", "escape"),
    ("a/b", "a-b"), ("x y", "x-y"), ("'-x'", "x"), ("Caf\u00e9", "cafe")])
def test_a_front_matter_slug_a_file_name_cannot_hold_is_normalised_not_refused(
    tmp_path: Path, slug: str, normalised: str
) -> None:
    """Hugo takes any ``slug`` (``hugo_gen_man`` in Hugo's own docs); l10n names its files
    with it normalised as a file name is (a '/' or '..' never reaches a path), and the
    site keeps the author's slug (the Hugo tree carries it)."""
    text = f"---\ntitle: T\nslug: \"{slug}\"\n---\n\nBody.\n"
    assert read_article(write(tmp_path, "ok.md", text)).slug == normalised


def test_a_front_matter_slug_naming_a_page_of_the_build_is_refused(tmp_path: Path) -> None:
    fails(write(tmp_path, "ok.md", "---\ntitle: T\nslug: index\n---\n\nBody.\n"), line=3,
          match="a name the build uses")


# --- Markdown -------------------------------------------------------------------------


FRONT = {
    "yaml": '---\ntitle: "Rust *1.31*"\nauthors: [Ann, Bo]\ndate: 2018-12-06\n'
            "description: What is new.\nslug: r131\n---\n",
    "toml": '+++\ntitle = "Rust *1.31*"\nauthors = ["Ann", "Bo"]\ndate = 2018-12-06\n'
            'description = "What is new."\nslug = "r131"\n\n[extra]\nrelease = true\n+++\n',
    "json": '{\n  "title": "Rust *1.31*",\n  "authors": ["Ann", "Bo"],\n  "date": "2018-12-06",'
            '\n  "description": "What is new.",\n  "slug": "r131"\n}\n',
}


@pytest.mark.parametrize("kind", sorted(FRONT))
def test_front_matter_as_hugo_reads_it(tmp_path: Path, kind: str) -> None:
    text = FRONT[kind] + "\n# Rust 1.31\n\nThe *body*.\n"
    article = read_article(write(tmp_path, "Rust-1.31.md", text))
    assert (article.title, article.author, article.slug) == ("Rust *1.31*", "Ann, Bo", "r131")
    assert article.published == datetime(2018, 12, 6)
    assert article.description == "What is new."
    kinds = [(b.kind, b.text) for b in article.blocks]
    # the first heading is the title again (emphasis aside): one headline, not two
    assert kinds == [("title", "Rust *1.31*"), ("byline", "Ann, Bo"),
                     ("description", "What is new."), ("paragraph", "The *body*.")]
    assert article.blocks[0].line == 2 and article.blocks[-1].line == text.count("\n")


def test_summary_is_the_description_and_a_different_heading_stays(tmp_path: Path) -> None:
    text = "+++\ntitle = 'T'\nsummary = 'In short.'\n+++\n\n# Another heading\n\nBody.\n"
    article = read_article(write(tmp_path, "a.md", text))
    assert [b.kind for b in article.blocks] == ["title", "description", "heading", "paragraph"]
    assert article.blocks[1].line == 3


@pytest.mark.parametrize(("text", "line", "match"), [
    ("+++\ntitle = 'T'\nbody\n", 1, "not closed"),
    ("+++\ntitle = 'T'\nx = = 1\n+++\nBody.\n", 3, "not valid TOML"),
    ('{\n  "title": "T",\n  oops\n}\nBody.\n', 3, "not valid JSON"),
])
def test_broken_toml_and_json_front_matter(
    tmp_path: Path, text: str, line: int, match: str
) -> None:
    fails(write(tmp_path, "b.md", text), line=line, match=match)


def test_markdown_sample_article() -> None:
    article = read_article(SAMPLE_MD)
    assert (article.slug, article.title, article.format) == (
        "seoul-ai-summit",
        "Seoul Hosts the AI Summit",
        "markdown",
    )
    assert article.author == "Jane Doe, Staff Reporter"
    assert article.published == datetime(2025, 11, 2, 6, 24, 39)
    shape = [(b.kind, b.line, b.level, b.ordered, b.translatable) for b in article.blocks]
    assert shape == [
        ("title", 2, 0, False, True),
        ("byline", 3, 0, False, True),
        # line 10, "# Seoul Hosts the AI Summit", is the title said again: one headline
        ("paragraph", 12, 0, False, True),
        ("heading", 15, 2, False, True),
        ("paragraph", 17, 0, False, True),
        ("list-item", 19, 1, False, True),
        ("list-item", 20, 2, False, True),
        ("list-item", 21, 1, False, True),
        ("list-item", 22, 1, True, True),
        ("list-item", 23, 1, True, True),
        ("quote", 25, 0, False, True),
        ("code", 27, 0, False, False),
        ("paragraph", 31, 0, False, True),
    ]
    assert [b.index for b in article.blocks] == list(range(len(article.blocks)))
    code = article.blocks[11]
    assert code.info == "python"
    assert code.text == 'print("Do not translate. Ever.")'
    # a multi-line paragraph: source lines joined with "\n"
    assert article.blocks[2].text == (
        "The summit opened at 9 a.m. on Monday. Officials from the U.S. and Korea\n"
        "attended, e.g. Mr. Kim of the ministry."
    )


def test_markdown_markup_survives_into_segments() -> None:
    segments = segment_article(read_article(SAMPLE_MD))
    texts = [s.text for s in segments]
    assert "Run `pip install l10n.core` first." in texts
    assert (
        "Then read [the guide. It helps](https://example.com/guide.html?x=1) "
        "or visit https://example.org/a.b?c=d for more."
    ) in texts
    assert "Officials from the U.S. and Korea\nattended, e.g. Mr. Kim of the ministry." in texts
    assert not any("Do not translate" in t for t in texts)  # fenced code is not translatable
    second = next(s for s in segments if s.text.startswith("Officials"))
    assert second.line == 12  # starts on the paragraph's first line
    assert [
        s.text for s in segments if s.kind == "quote"
    ] == ['"We are honored to be with you."', "The miracle continues."]


def test_markdown_date_only_and_lang(tmp_path: Path) -> None:
    text = "---\ntitle: T\ndate: 2025-11-02\nlang: ko\n---\n\nBody.\n"
    article = read_article(write(tmp_path, "dated.md", text))
    assert article.published == datetime(2025, 11, 2)
    assert article.lang == "ko"
    assert article.slug == "dated"
    assert article.author is None
    assert [b.kind for b in article.blocks] == ["title", "paragraph"]


def test_markdown_empty_heading_is_not_a_block(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "h.md", "---\ntitle: T\n---\n#\n\nBody.\n"))
    assert [(b.kind, b.text, b.line) for b in article.blocks] == [
        ("title", "T", 2),
        ("paragraph", "Body.", 6),
    ]


def test_markdown_crlf_and_bom(tmp_path: Path) -> None:
    raw = SAMPLE_MD.read_bytes()
    path = write(tmp_path, "sample-article.md", b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert read_article(path).blocks == read_article(SAMPLE_MD).blocks


@pytest.mark.parametrize(
    ("text", "line", "match"),
    [
        ("---\ntitle: Never closed\n\nBody.\n", 1, "not closed"),
        ("---\ntitle: a: b\n---\n\nBody.\n", 2, "not valid YAML"),
        ("---\ntitle: T\nauthor: x\n  bad: indent\n---\nBody.\n", 4, "not valid YAML"),
        ("---\n- a list\n---\n\nBody.\n", 2, "must be a mapping"),
        ("---\ntitle: T\ndate: someday\n---\n\nBody.\n", 3, "not a date"),
        ("---\ntitle: T\nlang: xx-nope-\n---\n\nBody.\n", 3, "language code"),
        ("---\ntitle: [a, b]\n---\n\nBody.\n", 2, "must be text"),
        ("---\ntitle: T\n---\n\n", 4, "no body"),
    ],
)
def test_broken_front_matter(tmp_path: Path, text: str, line: int | None, match: str) -> None:
    fails(write(tmp_path, "broken.md", text), line=line, match=match)


def test_broken_yaml_fixture() -> None:
    fails(ARTICLES / "broken-yaml.md", line=4, match="not valid YAML")
    fails(ARTICLES / "unclosed-front-matter.md", line=1, match="not closed")


# --- finding articles -------------------------------------------------------------------


def test_find_articles_sorted_by_suffix(tmp_path: Path) -> None:
    for name in ["b.md", "a.txt", "c.markdown", "notes.docx", "d.TXT", ".#b.md", "e.htm"]:
        write(tmp_path, name, "x")
    (tmp_path / "sub.md").mkdir()
    found = [p.name for p in find_articles(tmp_path)]
    assert found == ["a.txt", "b.md", "c.markdown", "d.TXT", "e.htm"]


def test_find_articles_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="folder not found") as info:
        find_articles(tmp_path / "missing")
    assert info.value.path == str(tmp_path / "missing")


# ------------------------------------------------------------ issue 14: hostile Markdown
@pytest.mark.parametrize(
    "value", ["2025-13-45", "2025-02-30", "2025-11-03 25:61:00", "2025-00-10T10:00:00Z"]
)
def test_impossible_front_matter_dates_name_their_line(tmp_path: Path, value: str) -> None:
    """Item 13: PyYAML's ValueError for an impossible date was a traceback (exit 1)."""
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: T\nauthor: A\ndate: {value}\n---\n\nBody.\n", "utf-8")
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert caught.value.line == 4 and caught.value.exit_code == 2
    assert "date" in caught.value.message


def _nested_list(depth: int) -> str:
    return "".join("  " * level + f"- item {level}\n" for level in range(depth))


@pytest.mark.parametrize(
    "body",
    [
        _nested_list(10) + "\nA paragraph after the list.\n",
        "> " * 20 + "Deep quote text.\n\nAfter the quote.\n",
        "\n".join(f"{'  ' * n}- level {n}" for n in range(30)) + "\n\nTail.\n",
    ],
    ids=["list-10", "quote-20", "list-30"],
)
def test_deep_markdown_never_loses_text(tmp_path: Path, body: str) -> None:
    """Item 7: every word of a deep article is read into blocks, or the article is
    refused with its line; never dropped silently."""
    import re

    path = tmp_path / "deep.md"
    path.write_text(f"---\ntitle: Deep\n---\n\n{body}", "utf-8")
    try:
        article = read_article(path)
    except ArticleError as exc:
        assert exc.line is not None and exc.line >= 4
        assert "nested" in exc.message
        return
    words = set(re.findall(r"[A-Za-z]+\d*|\d+", body))
    read = set(re.findall(r"[A-Za-z]+\d*|\d+", " ".join(b.text for b in article.blocks)))
    assert words <= read, words - read


def test_five_thousand_quote_markers_are_refused_with_a_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("---\ntitle: Deep\n---\n\n" + ">" * 5000 + " text\n", "utf-8")
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert caught.value.line == 5 and "nested" in caught.value.message


def test_news_dump_character_references_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cms-dump.txt"
    path.write_text(
        "Samsung &amp; SK&#8217;s Q3\n"
        "Kim Min-ji\n"
        "desk@example.com | 2025-11-02 06:24:39\n"
        "Samsung&#8212;the largest chipmaker&#x2014;will invest 3 trillion won in R&D.\n"
        "AT&T and &copy 2025 stay, and so do &bogus; and &#0;.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    texts = [block.text for block in article.blocks]
    assert texts == [
        "Samsung & SK\u2019s Q3",
        "Kim Min-ji",
        "Samsung\u2014the largest chipmaker\u2014will invest 3 trillion won in R&D.",
        "AT&T and &copy 2025 stay, and so do &bogus; and &#0;.",
    ]


# --- fallbacks: an article without a title or header is read, with a warning ------------


@pytest.mark.parametrize(
    ("name", "text", "title", "body", "line"),
    [
        ("x.txt", "Title\nByline\n", "Title", ["Byline"], 3),
        ("x.txt", "Just a title\n\nFirst paragraph.\nSecond one.\n", "Just a title",
         ["First paragraph.", "Second one."], 3),
        ("x.md", "---\nauthor: Nobody\n---\n\nBody text.\n", "Body text.", ["Body text."], 5),
        ("x.md", "# Heading only, no front matter\n\nBody.\n",
         "Heading only, no front matter", ["Body."], 1),
        ("x.md", "Intro line.\n\n## Section\n\nMore.\n", "Section", ["Intro line.", "More."], 3),
    ],
)
def test_missing_title_or_header_falls_back_with_a_warning(
    tmp_path: Path, name: str, text: str, title: str, body: list[str], line: int
) -> None:
    from l10n.errors import L10nWarning

    with pytest.warns(L10nWarning) as caught:
        article = read_article(write(tmp_path, name, text))
    [warning] = caught
    assert isinstance(warning.message, L10nWarning)
    assert warning.message.error.line == line and name in str(warning.message)
    assert article.title == title and article.slug == "x"
    assert article.blocks[0].kind == "title" and article.blocks[0].text == title
    assert [b.text for b in article.blocks[1:] if b.kind != "byline"] == body
    assert [b.index for b in article.blocks] == list(range(len(article.blocks)))


def test_the_cli_prints_the_fallback_warning_and_goes_on(project: Path) -> None:
    from tests.cli_helpers import run_l10n

    (project / "seeds" / "note.txt").write_text("A note\n\nIt has no header.\n", "utf-8")
    done = run_l10n("translate", "--engine", "pseudo", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "Warning: seeds/note.txt:3: no news dump header" in done.stderr
    assert (project / "locales" / "ko" / "note.po").is_file()


TABLES = DATA / "build" / "tables.md"


def test_markdown_table_cells_are_blocks_and_segments() -> None:
    """A GFM table is not one paragraph of pipes: each cell is a block (header or body,
    column, alignment), empty cells included; a cell with two sentences is two segments."""
    article = read_article(TABLES)
    cells = [b for b in article.blocks if b.kind in ("table-header", "table-cell")]
    first = [(b.kind, b.level, b.info, b.text, b.line) for b in cells[:6]]
    assert first == [
        ("table-header", 1, "left", "Company", 8),
        ("table-header", 2, "right", "Revenue | 2025", 8),  # the escaped pipe is text
        ("table-header", 3, "center", "Note", 8),
        ("table-cell", 1, "left", "Samsung Electronics", 10),
        ("table-cell", 2, "right", "300 trillion won", 10),
        ("table-cell", 3, "center", "Memory leads. HBM grew fast.", 10),
    ]
    assert [b.text for b in cells if b.line == 11] == ["SK hynix", "66 trillion won", ""]
    assert len(cells) == 12 + 4  # two tables
    texts = [s.text for s in segment_article(article)]
    assert "Memory leads." in texts and "HBM grew fast." in texts
    assert "`TSMC`" in texts and "[Report](https://example.com/r.pdf)" in texts
    assert not any("|" in t and "Revenue" not in t for t in texts)
    (raw,) = [b for b in article.blocks if b.kind == "html"]
    assert not raw.translatable and raw.text.startswith('<div class="note"')


def test_two_file_names_with_one_slug_stop_extract_naming_both(tmp_path: Path) -> None:
    from l10n.config import load_settings
    from l10n.workflow.extract import extract

    (tmp_path / "seeds").mkdir()
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    for name in ("Rust-1.31.md", "rust 1 31.md"):
        (tmp_path / "seeds" / name).write_text("---\ntitle: T\n---\n\nBody.\n", encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        extract(load_settings(cwd=tmp_path))
    message = caught.value.format_message()
    assert "two articles have the slug 'rust-1-31'" in message
    assert "Rust-1.31.md" in message and "rust 1 31.md" in message


def test_a_file_name_not_in_utf8_stops_every_command_naming_it(tmp_path: Path) -> None:
    """A Latin-1 name from an old archive reaches Python as undecodable bytes: each command
    refuses it by name, with how to fix it, before anything is written (it was a traceback
    from the state's keys)."""
    import os
    import subprocess
    import sys

    (tmp_path / "seeds").mkdir()
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    (tmp_path / "seeds" / "good.txt").write_text("Good\n\nIt opened.\n", encoding="utf-8")
    bad = os.fsdecode(b"caf\xe9 story.txt")
    (tmp_path / "seeds" / bad).write_text("Cafe\n\nIt opened.\n", encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        find_articles(tmp_path / "seeds")
    assert "b'caf\\xe9 story.txt'" in caught.value.format_message()
    for command in (["translate", "--engine", "pseudo"], ["status"], ["check"], ["build"]):
        done = subprocess.run([sys.executable, "-m", "l10n", *command], cwd=tmp_path,
                              capture_output=True, text=True, errors="replace")
        assert done.returncode == 2, (command, done.stderr)
        assert "not valid UTF-8" in done.stderr and "Traceback" not in done.stderr
        assert "convmv" in done.stderr
    assert not (tmp_path / "locales").exists()


def test_a_folder_named_on_the_command_line_means_its_articles(tmp_path: Path) -> None:
    """`l10n translate articles/` is what a user types: the folder's articles, each once
    (a file named beside its folder too), where it was 'unsupported article format
    (no suffix)'."""
    import subprocess
    import sys

    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n'
                                        'articles = "seeds"\n', encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "b.md").write_text("# B\n\nIt closed.\n", encoding="utf-8")
    (tmp_path / "desk" / "a.txt").write_text("A\n\nIt opened.\n", encoding="utf-8")
    (tmp_path / "desk" / "notes.docx").write_text("x", encoding="utf-8")
    named = named_articles([tmp_path / "desk" / "b.md", tmp_path / "desk"])
    assert [p.name for p in named] == ["b.md", "a.txt"]
    done = subprocess.run([sys.executable, "-m", "l10n", "translate", "desk", "--engine",
                           "pseudo", "--json"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "locales" / "ko").rglob("*.po")) == [
        "a.po", "b.po"]
