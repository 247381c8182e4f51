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
