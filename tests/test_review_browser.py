"""The review page in a real browser: Debian's headless Chromium driven by Playwright,
talking to a real review server (uvicorn on 127.0.0.1). What a translator does: read the
article, hover a glossary term, type, see the checks follow, accept with Ctrl+Enter, meet
a conflict, and what lands on disk. A screenshot of the page is kept as an artifact
(``$L10N_TEST_ARTIFACTS``, default ``build/test-artifacts/``)."""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polib
import pytest

from l10n.catalog import Catalog, Entry, fingerprint
from l10n.config import load_settings
from l10n.memory import Memory
from l10n.model import Hypothesis
from l10n.review.reviewers import add_reviewer, tokens_path
from l10n.workflow.status import status
from tests.conftest import ROOT
from tests.review_helpers import PO, SLUG, running, translated

pytestmark = pytest.mark.slow
playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BYLINE = "Pedro Espinola Special Correspondent"
NUMBERS = "The tribute coincided with the announcement of a monumental deal to supply " \
    "260,000 units of its latest Blackwell GPUs to South Korea."
RIGHT = "이번 헌사는 최신 블랙웰 GPU 26만 개를 한국에 공급하는 대규모 계약 발표와 때를 같이했다."
WRONG = RIGHT.replace("26만", "27만")
CHECKS_PO = ROOT / "tests" / "data" / "checks" / f"{SLUG}.ko.po"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ko-KR")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    yield page
    context.close()
    assert errors == []  # no script error, no alert() from a payload


def open_article(page: Any, url: str, slug: str = SLUG) -> None:
    page.goto(f"{url.split('?')[0]}ko/{slug}")
    page.wait_for_selector("main[data-checked]")


def entry(page: Any, msgid: str) -> Any:
    return page.locator(f'[data-entry="{fingerprint(msgid)}"]')


def on_disk(project: Path, msgid: str) -> polib.POEntry:
    return next(e for e in polib.pofile(str(project / PO)) if e.msgid == msgid)


def test_accept_with_ctrl_enter_lands_in_the_catalog(project: Path, page: Any) -> None:
    translated(project)
    with running(project) as server:
        open_article(page, server.url)
        byline = entry(page, BYLINE)
        assert byline.get_attribute("data-state") == "machine"
        byline.locator("textarea").fill("페드로 에스피놀라 특파원")
        byline.locator("textarea").press("Control+Enter")
        page.wait_for_selector(f'[data-entry="{fingerprint(BYLINE)}"][data-state="reviewed"]')
        # the page moved on to the next entry that needs work, and counts it
        focused = page.evaluate("document.activeElement.closest('.entry').dataset.entry")
        order = page.eval_on_selector_all(".entry", "els => els.map(e => e.dataset.entry)")
        assert order.index(focused) == order.index(fingerprint(BYLINE)) + 1
        assert page.text_content('.counts [data-count="reviewed"]') == "1"
    saved = on_disk(project, BYLINE)
    assert saved.msgstr == "페드로 에스피놀라 특파원" and "fuzzy" not in saved.flags
    row = status(load_settings(cwd=project)).rows[0]
    assert (row.reviewed, row.machine) == (1, 12)


def test_glossary_terms_and_a_numbers_finding_follow_the_typing(project: Path,
                                                                page: Any) -> None:
    translated(project)
    with running(project) as server:
        open_article(page, server.url)
        sentence = entry(page, NUMBERS)
        term = sentence.locator(".term", has_text="Blackwell")
        tip = "el => getComputedStyle(el, '::after')"
        assert term.evaluate(f"{tip}.opacity") == "0"
        assert "블랙웰" in term.evaluate(f"{tip}.content")
        term.hover()
        page.wait_for_function("el => getComputedStyle(el, '::after').opacity === '1'",
                               arg=term.element_handle())
        term.focus()  # the keyboard shows it too
        page.wait_for_function("el => getComputedStyle(el, '::after').opacity === '1'",
                               arg=term.element_handle())

        editor = sentence.locator("textarea")
        editor.fill(WRONG)
        finding = sentence.locator('.finding.error[data-check="numbers"]')
        finding.wait_for()
        assert "260,000" in finding.text_content()
        assert sentence.locator(".mirror mark.error").text_content() == "27만"
        marked = page.evaluate("[...CSS.highlights.get('source-finding')].map(r => r.toString())")
        assert "260,000" in marked
        assert sentence.get_attribute("data-errors") == "1"

        editor.fill(RIGHT)
        finding.wait_for(state="detached")
        assert sentence.locator(".mirror mark").count() == 0
        assert sentence.get_attribute("data-errors") is None


def test_accepting_with_errors_asks_first(project: Path, page: Any) -> None:
    translated(project)
    with running(project) as server:
        open_article(page, server.url)
        editor = entry(page, NUMBERS).locator("textarea")
        editor.fill(WRONG)
        editor.press("Control+Enter")
        dialog = page.locator("dialog#confirm")
        dialog.wait_for()
        assert "27만" in dialog.text_content() or "260,000" in dialog.text_content()
        page.keyboard.press("Escape")
        dialog.wait_for(state="hidden")
        assert "fuzzy" in on_disk(project, NUMBERS).flags  # nothing saved
        editor.press("Control+Enter")
        dialog.wait_for()
        page.keyboard.press("Enter")  # the default is "Go back"
        dialog.wait_for(state="hidden")
        assert "fuzzy" in on_disk(project, NUMBERS).flags  # still nothing saved
        editor.press("Control+Enter")
        dialog.wait_for()
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # accept anyway, knowingly
        page.wait_for_selector(f'[data-entry="{fingerprint(NUMBERS)}"][data-state="reviewed"]')
        assert entry(page, NUMBERS).locator(".finding.error").count() == 1  # stays visible
    saved = on_disk(project, NUMBERS)
    assert saved.msgstr == WRONG and "fuzzy" not in saved.flags


def test_a_conflicting_change_on_disk_is_shown_and_nothing_is_lost(project: Path,
                                                                   page: Any) -> None:
    translated(project)
    with running(project) as server:
        open_article(page, server.url)
        po = polib.pofile(str(project / PO))  # another reviewer, in a PO editor
        po.find(BYLINE).msgstr = "다른 사람이 고친 번역"
        po.find(BYLINE).flags = []
        po.save()
        byline = entry(page, BYLINE)
        byline.locator("textarea").fill("내가 고친 번역")
        byline.locator("textarea").press("Control+Enter")
        conflict = byline.locator(".conflict")
        conflict.wait_for()
        assert "다른 사람이 고친 번역" in conflict.text_content()
        # the counts follow the catalog as it is now: the PO editor's entry is reviewed
        assert page.text_content('.counts [data-count="reviewed"]') == "1"
        assert byline.locator("textarea").input_value() == "내가 고친 번역"
        assert on_disk(project, BYLINE).msgstr == "다른 사람이 고친 번역"
        conflict.get_by_role("button", name="Save mine over it").click()
        page.wait_for_function(
            "el => el.querySelector('textarea').defaultValue === '내가 고친 번역'",
            arg=byline.element_handle())
    assert on_disk(project, BYLINE).msgstr == "내가 고친 번역"


def test_an_xss_payload_in_an_article_stays_inert(project: Path, page: Any) -> None:
    from tests.test_build import xss_project

    xss_project(project)
    translated(project)
    with running(project) as server:
        open_article(page, server.url, "xss-wire")
        title = page.title()
        assert title.startswith("Breaking: <script>document.title='pwned'</script>")  # as text
        assert page.locator("main img, main script").count() == 0
        assert "<script>document.title='pwned'</script>" in page.text_content("main")
        editor = page.locator(".entry textarea").first
        editor.fill("<img src=x onerror=\"document.title='pwned'\"> 속보")
        page.wait_for_timeout(500)  # the live check has answered
        assert page.locator("main img").count() == 0 and page.title() == title
        preview = page.context.new_page()  # the edited page would ask before leaving
        preview.goto(f"{server.url}preview/ko/xss-wire.html")
        assert preview.title() != "pwned" and preview.locator("img").count() == 0
        assert "<script>document.title='pwned'</script>" in preview.text_content("h1")


def artifacts() -> Path:
    folder = Path(os.environ.get("L10N_TEST_ARTIFACTS") or ROOT / "build" / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshot_of_the_article_page(project: Path, page: Any) -> None:
    """A realistic Korean review (reviewed, machine, fuzzy and untranslated entries, with
    errors), the engine's alternatives and a memory match on the entry being edited."""
    target = project / PO
    target.parent.mkdir(parents=True)
    shutil.copy(CHECKS_PO, target)
    first = next(e for e in Catalog.read(target).entries() if e.msgid.startswith("Global AI"))
    with Memory.open(project / ".l10n" / "memory.sqlite") as memory:
        memory.set_alternatives(first.msgid, "en", "ko", [
            Hypothesis(first.msgstr.replace("3분 15초", "3분 16초"), -0.52),
            Hypothesis(first.msgstr.replace("높이 평가했다", "극찬했다"), -0.61),
        ], "argos", "argos translate-en_ko 1.1")
        older = first.msgid.replace("October 31", "October 30")
        memory.harvest([_entry(older, first.msgstr.replace("10월 31일", "10월 30일"))],
                       "en", "ko", "locales/ko/nvidia-teaser.po")
    with running(project) as server:
        open_article(page, server.url)
        entry(page, first.msgid).locator("textarea").click()
        entry(page, first.msgid).locator(".helps .suggestion").first.wait_for()
        page.mouse.move(0, 0)
        shot = artifacts() / "review-article.png"
        page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1400, 1000)
    assert len(data) > 40_000  # a page of text, not a blank canvas
    assert status(load_settings(cwd=project)).rows[0].reviewed > 0


def _entry(msgid: str, msgstr: str) -> Any:
    from l10n.catalog import Entry

    return Entry(msgid, msgstr)


def test_reload_shows_a_translate_runs_work(project: Path, page: Any) -> None:
    translated(project)
    with running(project) as server:
        open_article(page, server.url)
        assert page.locator(".entry").count() == 13
        seed = project / "seeds" / f"{SLUG}.txt"
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text.replace("Looking forward,", "A new sentence here. Looking forward,"),
                        encoding="utf-8")
        translated(project)
        open_article(page, server.url)
        assert page.locator(".entry").count() == 14
        new = entry(page, "A new sentence here.")
        assert new.get_attribute("data-state") == "machine"
    assert Catalog.read(project / PO).get("A new sentence here.") is not None


def test_keyboard_filters_suggestions_and_a_changed_source(project: Path, page: Any) -> None:
    translated(project)
    with Memory.open(project / ".l10n" / "memory.sqlite") as memory:
        memory.set_alternatives(NUMBERS, "en", "ko", [Hypothesis(RIGHT, -0.5)], "argos", "m")
    seed = project / "seeds" / f"{SLUG}.txt"
    with running(project) as server:
        open_article(page, server.url)
        byline = entry(page, BYLINE)
        byline.locator("textarea").fill("페드로 에스피놀라 특파원")
        byline.locator("textarea").press("Control+s")  # a draft: still needs review
        page.wait_for_selector(f'[data-entry="{fingerprint(BYLINE)}"][data-state="fuzzy"]')
        byline.locator("textarea").press("Alt+ArrowDown")
        focused = "document.activeElement.closest('.entry').dataset.entry"
        assert page.evaluate(focused) == fingerprint(
            "Global AI powerhouse NVIDIA released a powerful 3-minute, 16-second video titled "
            "'South Korea's Next Industrial Revolution' on its official YouTube channel on "
            "October 31, local time, lauding the nation's rapid development and immense "
            "potential in the upcoming AI era.")
        page.keyboard.press("Alt+ArrowDown")
        assert page.evaluate(focused) == fingerprint(NUMBERS)
        entry(page, NUMBERS).locator(".helps .suggestion").first.wait_for()
        page.keyboard.press("Control+Shift+Digit1")  # the engine's other hypothesis
        assert entry(page, NUMBERS).locator("textarea").input_value() == RIGHT
        page.keyboard.press("Escape")  # changed my mind
        assert entry(page, NUMBERS).locator("textarea").input_value() != RIGHT
        page.keyboard.press("Alt+ArrowUp")
        assert page.evaluate(focused) != fingerprint(NUMBERS)

        entry(page, NUMBERS).locator("textarea").fill(RIGHT)
        entry(page, NUMBERS).locator("textarea").press("Control+Enter")
        page.wait_for_selector(f'[data-entry="{fingerprint(NUMBERS)}"][data-state="reviewed"]')
        page.click('.filters [data-filter="work"]')
        assert not entry(page, NUMBERS).is_visible() and byline.is_visible()
        page.click('.filters [data-filter="all"]')
        assert entry(page, NUMBERS).is_visible()

        # the article changes: the reviewed sentence comes back fuzzy, with what changed
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text.replace("monumental deal", "historic deal"), encoding="utf-8")
        translated(project)
        open_article(page, server.url)
        changed = entry(page, NUMBERS.replace("monumental", "historic"))
        assert changed.get_attribute("data-state") == "fuzzy"
        assert changed.locator("textarea").input_value() == RIGHT
        assert changed.locator(".changed del").text_content() == "monumental"
        assert changed.locator(".changed ins").text_content() == "historic"


# --------------------------------------------------------------------------- round two
# The workbench as reviewers use it: keyboard only (copy the source, insert what is
# missing, a glossary term with Enter, the ``?`` overlay, ``/`` to search), two reviewers
# with their own tokens on one catalog, a search, a dismissed finding, an adapted match.
SOURCE_NUMBER = "260,000"


def _wait_saved(page: Any, msgid: str, state: str = "reviewed") -> None:
    page.wait_for_selector(f'[data-entry="{fingerprint(msgid)}"][data-state="{state}"]')


def test_keyboard_only_review_with_search_and_overlay(project: Path, page: Any) -> None:
    translated(project)
    with running(project, reviewer="Kim Minji") as server:
        open_article(page, server.url)
        assert page.text_content(".who") == "Kim Minji"
        byline = entry(page, BYLINE)
        page.keyboard.press("Alt+ArrowDown")  # title -> byline
        assert page.evaluate("document.activeElement.closest('.entry').dataset.entry") == \
            fingerprint(BYLINE)
        page.keyboard.press("Alt+c")  # copy the source
        assert byline.locator(".editor textarea").input_value() == BYLINE
        page.keyboard.press("Escape")  # undo
        assert byline.locator(".editor textarea").input_value().startswith("⟦")
        page.keyboard.press("Control+a")
        page.keyboard.type("페드로 에스피놀라 특파원")
        page.keyboard.press("Control+Enter")
        _wait_saved(page, BYLINE)

        # the numbers sentence: type, then insert the missing number and a term by keys
        sentence = entry(page, NUMBERS)
        sentence.locator(".editor textarea").focus()
        page.keyboard.press("Control+a")
        page.keyboard.type("이번 헌사는 최신 GPU ")
        page.keyboard.press("Alt+m")  # the next missing piece, in the source's order
        page.keyboard.type("개, ")
        page.keyboard.press("Alt+m")  # then the glossary terms
        page.keyboard.type(" ")
        page.keyboard.press("Alt+m")
        text = sentence.locator(".editor textarea").input_value()
        assert text == f"이번 헌사는 최신 GPU {SOURCE_NUMBER}개, 블랙웰 한국"
        term = sentence.locator(".term", has_text="Blackwell")
        term.focus()
        page.keyboard.press("Enter")  # a focused term goes into the editor
        assert sentence.locator(".editor textarea").input_value().count("블랙웰") == 2
        page.keyboard.press("Control+s")  # kept as a draft (leaving a dirty page would ask)
        _wait_saved(page, NUMBERS, "fuzzy")

        page.keyboard.press("Alt+w")  # filter: needs work
        assert page.get_attribute("main", "data-filter") == "work"
        page.keyboard.press("Alt+a")
        page.keyboard.press("Tab")  # out of the editor ("?" there is a question mark)
        page.keyboard.press("?")
        overlay = page.locator("dialog#keys")
        overlay.wait_for()
        assert "insert the next missing" in overlay.text_content()
        page.screenshot(path=str(artifacts() / "review-keys.png"))
        page.keyboard.press("Escape")
        overlay.wait_for(state="hidden")

        page.keyboard.press("/")  # search everything
        assert page.evaluate("document.activeElement.type") == "search"
        page.keyboard.type("Espinola")
        page.keyboard.press("Enter")
        page.wait_for_selector("main.results")
        hit = page.locator(f'a.go[href$="#e-{fingerprint(BYLINE)}"]')
        assert hit.count() == 1 and page.locator("mark", has_text="Espinola").count() >= 2
        page.screenshot(path=str(artifacts() / "review-search.png"))
        hit.focus()
        page.keyboard.press("Enter")
        page.wait_for_selector("main[data-checked]")
        page.wait_for_function("document.activeElement.tagName === 'TEXTAREA'")
        assert page.evaluate("document.activeElement.closest('.entry').dataset.entry") == \
            fingerprint(BYLINE)
    saved = on_disk(project, BYLINE)
    assert saved.msgstr == "페드로 에스피놀라 특파원" and "fuzzy" not in saved.flags
    assert polib.pofile(str(project / PO)).metadata["Last-Translator"] == "Kim Minji"


def test_two_reviewers_on_one_catalog(project: Path, browser: Any) -> None:
    translated(project)
    settings = load_settings(cwd=project)
    tokens = {name: add_reviewer(tokens_path(settings), name) for name in ("Park", "Lee")}
    with running(project, token="host-token-0123456789") as server:
        base = server.url.split("?")[0]
        pages = {}
        for name, token in tokens.items():
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            pages[name] = context.new_page()
            pages[name].goto(f"{base}ko/{SLUG}?token={token}")
            pages[name].wait_for_selector("main[data-checked]")
            assert pages[name].text_content(".who") == name
        park, lee = pages["Park"], pages["Lee"]
        entry(park, BYLINE).locator(".editor textarea").fill("박의 번역")
        entry(lee, BYLINE).locator(".editor textarea").fill("이의 번역")
        entry(park, BYLINE).locator(".editor textarea").press("Control+Enter")
        _wait_saved(park, BYLINE)
        entry(lee, BYLINE).locator(".editor textarea").press("Control+Enter")
        conflict = entry(lee, BYLINE).locator(".conflict")
        conflict.wait_for()
        assert "박의 번역" in conflict.text_content()
        assert lee.text_content('.counts [data-count="reviewed"]') == "1"  # counts follow
        conflict.get_by_role("button", name="Save mine over it").click()
        lee.wait_for_function("el => el.querySelector('.editor textarea').defaultValue"
                              " === '이의 번역'", arg=entry(lee, BYLINE).element_handle())
        # the history on the page names both, newest first
        lee.keyboard.press("Alt+h")
        history = entry(lee, BYLINE).locator(".history-list")
        history.wait_for()
        names = history.locator(".by").all_text_contents()
        assert names[:2] == ["Lee", "Park"]
        lee.keyboard.type("이름 표기 편집국 확인")  # Alt+H focused the comment
        lee.keyboard.press("Control+Enter")
        entry(lee, BYLINE).locator(".comment-text", has_text="이름 표기 편집국 확인").wait_for()
        assert entry(lee, BYLINE).get_attribute("data-state") == "reviewed"
        lee.screenshot(path=str(artifacts() / "review-two-reviewers.png"))
        for p in pages.values():
            p.context.close()
    assert polib.pofile(str(project / PO)).metadata["Last-Translator"] == "Lee"
    assert on_disk(project, BYLINE).tcomment == "이름 표기 편집국 확인"
    with Memory.open(settings.memory_path) as memory:
        changes = memory.history(msgid=BYLINE)
    assert [(c.who, c.note) for c in changes] == [
        ("translate: pseudo", ""), ("Park", ""), ("Lee", ""), ("Lee", "comment")]


def test_a_dismissed_finding_and_an_adapted_match(project: Path, page: Any) -> None:
    translated(project)
    older = NUMBERS.replace(SOURCE_NUMBER, "150,000")
    with Memory.open(project / ".l10n" / "memory.sqlite") as memory:
        memory.harvest([Entry(older, "이번 헌사는 최신 블랙웰 GPU 150,000개를 한국에 공급하는 "
                                     "대규모 계약 발표와 때를 같이했다.")], "en", "ko", "older.po")
    with running(project) as server:
        open_article(page, server.url)
        sentence = entry(page, NUMBERS)
        editor = sentence.locator(".editor textarea")
        editor.focus()
        adapted = sentence.locator(".suggestion.adapted")
        adapted.wait_for()
        assert "260,000개" in adapted.locator(".text").text_content()
        page.screenshot(path=str(artifacts() / "review-adapted.png"))
        # selecting words of the source (a drag) shows the memory's concordance
        source = sentence.locator(".source")
        source.scroll_into_view_if_needed()
        box = source.bounding_box()
        page.mouse.move(box["x"] + 2, box["y"] + 10)
        page.mouse.down()
        page.mouse.move(box["x"] + 150, box["y"] + 10, steps=5)
        page.mouse.up()
        selected = page.evaluate("String(window.getSelection()).trim()")
        assert selected.startswith("The tribute")
        concordance = sentence.locator(".concordance")
        concordance.wait_for()
        assert f"“{selected}”" in concordance.text_content()
        assert concordance.locator("mark").count() >= 1  # the older sentence holds it
        n = adapted.get_attribute("data-n")
        page.keyboard.press(f"Control+Shift+Digit{n}")
        assert "260,000개" in editor.input_value()

        editor.fill(WRONG)
        sentence.locator('.finding.error[data-check="numbers"]').wait_for()
        editor.press("Control+Enter")
        page.locator("dialog#confirm").wait_for()
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        _wait_saved(page, NUMBERS)
        errors = int(page.text_content('.counts [data-count="errors"]') or "0")
        dismiss = sentence.locator('.finding[data-check="numbers"] .dismiss')
        dismiss.focus()
        page.keyboard.press("Enter")
        undo = sentence.locator(".ignored .restore")
        undo.wait_for()
        sentence.locator(".finding").first.wait_for(state="detached")
        assert "numbers dismissed" in sentence.locator(".ignored").text_content()
        assert sentence.locator(".mirror mark").count() == 0  # its mark in the text went too
        # the others are the untouched pseudo output's (an error in check)
        assert page.text_content('.counts [data-count="errors"]') == str(errors - 1)
        sentence.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts() / "review-dismissed.png"))
        assert "ignore-numbers" in on_disk(project, NUMBERS).flags
        undo.focus()
        page.keyboard.press("Enter")
        sentence.locator('.finding.error[data-check="numbers"]').wait_for()
        assert sentence.locator(".ignored").is_hidden()
    assert "ignore-numbers" not in on_disk(project, NUMBERS).flags
