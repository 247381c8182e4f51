"""Templated pages of an HTML article (``build/<lang>/<slug>.html``) carry none of the
source's scripts: its ``on*`` handlers, ``javascript:`` and ``data:`` links and ``<svg
onload>`` are cleaned as a Markdown article's raw HTML is (nh3). Checked in the files,
and in Chromium (Playwright), where every element is hovered and every link clicked; the
source page itself, opened the same way, is the control that shows a payload that runs
is seen."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from l10n.config import load_settings
from l10n.workflow.build import build
from l10n.workflow.translate import translate

EVIL = """<!DOCTYPE html>
<html lang="en"><head><title>Evil page</title></head>
<body><article>
<h1 onmouseover="document.title='pwned-h1'">Evil <img src=x
onerror="document.title='pwned-img'"> title</h1>
<p>Read <a href="javascript:document.title='pwned-a'" onclick="document.title='pwned-click'">this
link</a> and <a href="data:text/html,<script>alert(1)</script>">that one</a> now.</p>
<p>A <b onmouseover="document.title='pwned-b'">bold</b> claim with <img src="x"
onerror="document.title='pwned-p'" alt="pic">.</p>
<p><svg onload="document.title='pwned-svg'"><circle r="1"/></svg> Svg text here.</p>
<p>Click <a href="../story.html" onfocus="document.title='pwned-focus'">the story</a>.</p>
</article></body></html>
"""
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
BAD_URL = re.compile(r"""(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):""", re.IGNORECASE)


@pytest.fixture()
def built(project: Path) -> Path:
    (project / "seeds" / "evil.html").write_text(EVIL, encoding="utf-8")
    settings = load_settings(cwd=project)
    translate(settings, [project / "seeds" / "evil.html"], engine_name="pseudo")
    result = build(settings, include_machine=True)
    return result.out


def _pages(out: Path) -> list[Path]:
    pages = sorted(out.glob("*/evil.html"))
    assert {p.parent.name for p in pages} == {"en", "ko"}
    return pages


def test_templated_pages_hold_no_handler_and_no_script_url(built: Path) -> None:
    for page in _pages(built):
        text = page.read_text(encoding="utf-8")
        assert not HANDLER.search(text), (page, HANDLER.search(text))
        assert not BAD_URL.search(text), (page, BAD_URL.search(text))
        assert "<script" not in text.split("</head>")[1] and "<svg" not in text
        assert 'href="../story.html"' in text  # a safe link stays a link
        assert "<b>" in text  # and the source's markup stays markup


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


PROVOKE = """() => {
  for (const el of document.querySelectorAll('body *')) {
    for (const kind of ['mouseover', 'mouseenter', 'focus', 'load', 'error']) {
      el.dispatchEvent(new Event(kind));
    }
  }
  const hovered = document.title;
  for (const link of document.querySelectorAll('a')) { link.click(); }
  return hovered;
}"""


def _provoke(browser: Any, path: Path) -> tuple[str, list[str]]:
    """Open ``path``, fire every element's mouse, focus, load and error handlers, click
    every link; the document's titles (after the handlers, after the clicks), and the
    dialogs and script errors seen."""
    context = browser.new_context()
    page = context.new_page()
    seen: list[str] = []
    page.on("dialog", lambda dialog: (seen.append(f"dialog: {dialog.message}"),
                                      dialog.dismiss()))
    page.on("pageerror", lambda exc: seen.append(str(exc)))
    try:
        page.goto(path.resolve().as_uri())
        page.wait_for_timeout(300)
        loaded = page.title()
        hovered = page.evaluate(PROVOKE)
        page.wait_for_timeout(300)
        clicked = page.title()
    finally:
        context.close()
    return " ".join((loaded, hovered, clicked)), seen


@pytest.mark.slow
def test_nothing_fires_in_chromium(built: Path, browser: Any, project: Path) -> None:
    title, seen = _provoke(browser, project / "seeds" / "evil.html")  # the control
    assert "pwned" in title, title
    for page in _pages(built):
        title, seen = _provoke(browser, page)
        assert "pwned" not in title and seen == [], (page, title, seen)
