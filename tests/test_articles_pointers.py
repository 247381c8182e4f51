"""Lines in the story that point to another story (:mod:`l10n.articles.pointers`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_articles_story import STORY, texts_of


def test_a_read_more_line_between_the_story_s_paragraphs_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A news site sets "Read more: <a>headline</a>" lines between the story's paragraphs,
    in the story's own element (a Spanish site: "Lea también:"); the extractor reads them
    as paragraphs (here it is made to keep every block). They are not read; a sentence of
    the story that ends in a link, or goes on after one, is."""
    from l10n.articles import story

    monkeypatch.setattr(story, "_story_filter", lambda text: lambda block, cell: True)
    monkeypatch.setattr(story, "_held", lambda text: lambda block, cell: True)
    cited = ('The council published its findings in a report: <a href="/report">Bridge '
             "repairs and their cost</a>, which it sent to every household.")
    ending = ('Engineers had warned of the cracks in a letter: <a href="/letter">read it in '
              "full</a>.")
    page = ("<html><head><title>Harbour bridge reopens</title></head><body><nav><a href='/'>"
            "Home</a></nav><div><h1>Harbour bridge reopens</h1><div class='text'>"
            f"<p>{STORY[0]}</p>"
            "<p><em>Read more</em>: <a href='/a-1'>Ferry operators count the cost of the "
            "reopening</a></p>"
            f"<p>{STORY[1]}</p><p>{cited}</p>"
            "<p><strong>Lea también:&nbsp;<a href='/a-2'>Impiden ingreso a reportero y "
            "camarógrafo</a></strong></p>"
            f"<p>{STORY[2]}</p><p>{ending}</p></div></div></body></html>")
    texts = texts_of(tmp_path, "pointers.html", page)
    assert [t for t in texts if t in STORY] == list(STORY)
    assert not any("Ferry operators" in t or "Impiden ingreso" in t for t in texts)
    assert any(t.startswith("The council published its findings") for t in texts)
    assert any(t.startswith("Engineers had warned") for t in texts)
