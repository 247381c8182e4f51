"""A real browser opens the built Korean pages: headless Chromium (Debian's ``chromium``).

``--dump-dom`` prints the DOM after the page's scripts have run, so it shows what a
reader's browser would end up with: the document language, the document title, and
whether an XSS payload in the article or in its (machine) translation ran. A control
page with the same payload *unescaped* proves that a payload that runs is seen.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from l10n.config import load_settings
from l10n.workflow.build import build
from tests.test_build import DATA, SLUG, xss_project

pytestmark = pytest.mark.slow

PAYLOAD = """<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>"""
PROBE = (
    "<script>document.body.setAttribute('data-probe', "
    "document.documentElement.lang + '|' + document.title)</script></body>"
)


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium is not installed (Debian: apt-get install -y chromium)")


def run_chromium(tmp_path: Path, page: Path, *args: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    done = subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=3000",
            *args,
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dump_dom(tmp_path: Path, page: Path) -> str:
    return run_chromium(tmp_path, page, "--dump-dom")


@pytest.fixture()
def built(project: Path) -> Path:
    """The seed (with the reviewed Korean test catalog) and an article carrying XSS
    payloads, built in Korean with machine output included."""
    target = project / "locales" / "ko" / f"{SLUG}.po"
    target.parent.mkdir(parents=True)
    shutil.copy(DATA / "ko.po", target)
    xss_project(project)
    result = build(load_settings(cwd=project), langs=["ko"], include_machine=True)
    assert {p.slug for p in result.pages if p.lang == "ko"} == {SLUG, "xss-wire"}
    return result.out


def test_the_browser_sees_a_korean_document(built: Path, tmp_path: Path) -> None:
    page = built / "ko" / f"{SLUG}.html"
    dom = dump_dom(tmp_path, page)
    assert '<html lang="ko" dir="ltr">' in dom
    title = "엔비디아, 한국을 글로벌 AI 중심지로 치켜세우며 대규모 GPU 공급으로 '동맹' 굳혀"
    assert f"<title>{title}</title>" in dom
    # the same page with a probe script appended: the DOM's own view of it
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE), encoding="utf-8")
    assert f'data-probe="ko|{title}"' in dump_dom(tmp_path, probe)


def test_xss_payloads_stay_inert(built: Path, tmp_path: Path) -> None:
    control = tmp_path / "control.html"
    control.write_text(f"<!DOCTYPE html><title>safe</title><p>{PAYLOAD}</p>", encoding="utf-8")
    assert "<title>pwned</title>" in dump_dom(tmp_path, control)  # a live payload is seen

    titles = {
        "en": "Breaking: &lt;script&gt;document.title='pwned'&lt;/script&gt; Chip Deal",
        "ko": "속보: &lt;script&gt;document.title='pwned'&lt;/script&gt; 반도체 계약",
    }
    for lang, title in titles.items():
        dom = dump_dom(tmp_path, built / lang / "xss-wire.html")
        assert re.findall(r"<title>(.*?)</title>", dom) == [title]  # no handler changed it
        assert "<img" not in dom and "<script>" not in dom
        assert "&lt;img src=x onerror=\"document.title='pwned'\"&gt;" in dom


def test_screenshot_of_the_korean_page(built: Path, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    run_chromium(
        tmp_path, built / "ko" / f"{SLUG}.html", f"--screenshot={shot}", "--window-size=1200,900"
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 900)
    assert len(data) > 20_000  # a page of text, not a blank canvas
