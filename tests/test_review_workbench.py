"""The workbench's second round over HTTP: reviewers (names, per-reviewer tokens stored
hashed), the history of every change and ``l10n log``, translator comments, dismissed
findings, search over catalogs and memory, the memory's concordance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from starlette.testclient import TestClient

from l10n.catalog import Catalog, fingerprint
from l10n.config import load_settings
from l10n.memory import Memory
from l10n.review.app import create_app
from l10n.review.reviewers import add_reviewer, default_reviewer, tokens_path
from l10n.review.security import COOKIE, TOKEN_HEADER, loopback_hosts
from l10n.review.session import ReviewSession
from tests.review_helpers import PO, SLUG, translated

TOKEN = "test-token-0123456789"
API = f"/api/ko/{SLUG}"
BYLINE = "Pedro Espinola Special Correspondent"
NUMBERS = "The tribute coincided with the announcement of a monumental deal to supply " \
    "260,000 units of its latest Blackwell GPUs to South Korea."
WRONG = "이번 헌사는 최신 블랙웰 GPU 27만 개를 한국에 공급하는 대규모 계약 발표와 때를 같이했다."


@pytest.fixture()
def project_ko(project: Path) -> Path:
    return translated(project)


def _client(project: Path, reviewer: str = "Kim Minji") -> TestClient:
    session = ReviewSession(load_settings(cwd=project), reviewer=reviewer)
    client = TestClient(create_app(session, token=TOKEN, hosts=loopback_hosts(8765)),
                        base_url="http://127.0.0.1:8765")
    client.headers[TOKEN_HEADER] = TOKEN
    return client


def _version(project: Path, msgid: str) -> str:
    entry = Catalog.read(project / PO).get(msgid)
    assert entry is not None
    return entry.version


def _save(client: TestClient, project: Path, msgid: str, text: str, **extra: object) -> dict:
    body = {"id": fingerprint(msgid), "text": text, "version": _version(project, msgid), **extra}
    response = client.post(f"{API}/save", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_save_names_its_reviewer_in_the_history_and_the_header(project_ko: Path) -> None:
    with _client(project_ko) as client:
        assert _save(client, project_ko, BYLINE, "페드로 에스피놀라 특파원")["status"] == "saved"
        assert _save(client, project_ko, BYLINE, "페드로 에스피놀라 특별 특파원",
                     reviewed=False)["status"] == "saved"
        history = client.get(f"{API}/history/{fingerprint(BYLINE)}").json()
    assert history["count"] == 3  # the translate run, then the reviewer twice
    assert "Kim Minji" in history["html"] and "machine → reviewed" in history["html"]
    assert "translate: pseudo" in history["html"]
    assert polib.pofile(str(project_ko / PO)).metadata["Last-Translator"] == "Kim Minji"
    with Memory.open(project_ko / ".l10n" / "memory.sqlite") as memory:
        changes = memory.history(msgid=BYLINE)
    assert [(c.who, c.old_state, c.new_state) for c in changes] == [
        ("translate: pseudo", "untranslated", "machine"),
        ("Kim Minji", "machine", "reviewed"), ("Kim Minji", "reviewed", "fuzzy")]
    assert changes[2].old_text == "페드로 에스피놀라 특파원" and changes[0].time.endswith("Z")


def test_l10n_log_shows_the_changes_as_text_and_json(project_ko: Path) -> None:
    with _client(project_ko) as client:
        _save(client, project_ko, BYLINE, "페드로 에스피놀라 특파원")
    run = [sys.executable, "-m", "l10n", "log", "--lang", "ko"]
    done = subprocess.run([*run, "--json"], cwd=project_ko, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {r["who"] for r in rows[:-1]} == {"translate: pseudo"} and len(rows) == 14
    assert (rows[-1]["who"], rows[-1]["msgid"], rows[-1]["new_state"]) == (
        "Kim Minji", BYLINE, "reviewed")
    last = subprocess.run([*run, "--json", "--limit", "1"], cwd=project_ko, capture_output=True,
                          text=True)
    assert json.loads(last.stdout) == rows[-1:]
    text = subprocess.run(run, cwd=project_ko, capture_output=True, text=True).stdout
    assert "Kim Minji" in text and "페드로 에스피놀라 특파원" in text
    none = subprocess.run([*run, "--json", "seeds/no-such.txt"], cwd=project_ko,
                          capture_output=True, text=True)
    assert none.returncode == 2 and "no-such" in none.stderr


def test_dismiss_a_finding_then_undo_it(project_ko: Path) -> None:
    with _client(project_ko) as client:
        assert _save(client, project_ko, NUMBERS, WRONG, force=True)["status"] == "saved"
        ident = fingerprint(NUMBERS)
        reply = client.post(f"{API}/note", json={"id": ident, "version": _version(
            project_ko, NUMBERS), "ignore": "numbers"}).json()
        assert reply["status"] == "saved" and reply["ignored"] == ["numbers"]
        assert reply["entry"]["state"] == "reviewed" and reply["findings"] == []
        entry = polib.pofile(str(project_ko / PO)).find(NUMBERS)
        assert "ignore-numbers" in entry.flags and entry.msgstr == WRONG
        assert not client.get(f"{API}/findings").json().get(ident)  # as `l10n check` sees it
        page = client.get(f"/ko/{SLUG}").text
        assert "numbers dismissed" in page
        reply = client.post(f"{API}/note", json={"id": ident, "version": reply["entry"][
            "version"], "ignore": "numbers", "on": False}).json()
        assert reply["ignored"] == [] and [f["check"] for f in reply["findings"]] == ["numbers"]
    assert "ignore-numbers" not in polib.pofile(str(project_ko / PO)).find(NUMBERS).flags
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(project_ko / PO)], check=True)


def test_a_translator_comment_is_shown_and_saved(project_ko: Path) -> None:
    with _client(project_ko) as client:
        reply = client.post(f"{API}/note", json={
            "id": fingerprint(BYLINE), "version": _version(project_ko, BYLINE),
            "comment": "이름 표기는 편집국 확인 필요\nsecond line"}).json()
        assert reply["status"] == "saved" and reply["entry"]["state"] == "machine"
        page = client.get(f"/ko/{SLUG}").text
        assert "이름 표기는 편집국 확인 필요" in page
        bad = client.post(f"{API}/note", json={"id": fingerprint(BYLINE), "version": "x"})
        assert bad.status_code == 400  # neither a comment nor a check
    entry = polib.pofile(str(project_ko / PO)).find(BYLINE)
    assert entry.tcomment == "이름 표기는 편집국 확인 필요\nsecond line"
    assert "fuzzy" in entry.flags  # still machine output waiting for review
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(project_ko / PO)], check=True)


def test_search_finds_sources_translations_and_memory(project_ko: Path) -> None:
    with _client(project_ko) as client:
        _save(client, project_ko, BYLINE, "페드로 에스피놀라 특파원")
        page = client.get("/search", params={"q": "espinola"}).text
        assert f'href="/ko/{SLUG}#e-{fingerprint(BYLINE)}"' in page
        assert "<mark>Espinola</mark>" in page
        assert "In the translation memory" in page and "특파원" in page
        korean = client.get("/search", params={"q": "특파원"}).text
        assert "<mark>특파원</mark>" in korean and f"#e-{fingerprint(BYLINE)}" in korean
        hostile = client.get("/search", params={"q": '<script>alert(1)</script>"'}).text
        assert "<script>alert(1)" not in hostile and "No entry holds" in hostile
        # a change on disk is found at once (the index follows the catalog's stamp)
        po = polib.pofile(str(project_ko / PO))
        po.find(NUMBERS).msgstr = "블랙웰 GPU 26만 개 공급 계약"
        po.save()
        assert f"#e-{fingerprint(NUMBERS)}" in client.get("/search", params={"q": "26만"}).text
        found = client.get("/api/ko/concordance", params={"q": "Special Correspondent"}).json()
        assert found["count"] == 1 and "<mark>Special Correspondent</mark>" in found["html"]


def test_lan_tokens_are_stored_hashed_and_name_their_reviewer(project_ko: Path) -> None:
    settings = load_settings(cwd=project_ko)
    park = add_reviewer(tokens_path(settings), "Park Jisoo")
    lee = add_reviewer(tokens_path(settings), "Lee Hana")
    stored = tokens_path(settings).read_text()
    assert park not in stored and lee not in stored and stored.count("sha256:") == 2
    from l10n.review.reviewers import load_tokens

    session = ReviewSession(settings, reviewer="host")
    app = create_app(session, token=TOKEN, hosts=None, login=True,
                     reviewers=load_tokens(tokens_path(settings)))
    with TestClient(app, base_url="http://10.0.0.5:8765") as client:
        assert client.get("/", follow_redirects=False).status_code == 401
        assert client.get("/?token=wrong", follow_redirects=False).status_code == 401
        login = client.get(f"/?token={park}", follow_redirects=False)
        assert login.status_code == 303 and f"{COOKIE}={park}" in login.headers["set-cookie"]
        client.cookies.set(COOKIE, park)
        page = client.get(f"/ko/{SLUG}").text
        assert park in page and "Park Jisoo" in page  # the page carries her own token
        client.headers[TOKEN_HEADER] = park
        _save(client, project_ko, BYLINE, "페드로 에스피놀라 특파원")
        client.headers[TOKEN_HEADER] = lee
        _save(client, project_ko, NUMBERS, WRONG, force=True)
    with Memory.open(settings.memory_path) as memory:
        assert [c.who for c in memory.history()][-2:] == ["Park Jisoo", "Lee Hana"]
    assert polib.pofile(str(project_ko / PO)).metadata["Last-Translator"] == "Lee Hana"


def test_the_default_reviewer(project: Path) -> None:
    settings = load_settings(cwd=project)
    assert default_reviewer(settings, "  Choi Yuna ") == "Choi Yuna"
    (project / "l10n.toml").write_text((project / "l10n.toml").read_text()
                                       + '\nreviewer = "Han Seo"\n')
    assert default_reviewer(load_settings(cwd=project)) == "Han Seo"
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "config", "user.name", "Git Name"], cwd=project, check=True)
    assert default_reviewer(settings) == "Git Name"
    with pytest.raises(Exception, match="reviewer"):
        default_reviewer(settings, "<script>")


def test_a_match_differing_only_in_numbers_is_offered_adapted(project_ko: Path) -> None:
    from l10n.catalog import Entry
    from l10n.review.view import adapt

    old = NUMBERS.replace("260,000", "150,000")
    with Memory.open(project_ko / ".l10n" / "memory.sqlite") as memory:
        memory.harvest([Entry(old, "이번 헌사는 최신 블랙웰 GPU 150,000개를 한국에 공급하는 계약과 "
                                   "때를 같이했다.")], "en", "ko", "older.po")
    with _client(project_ko) as client:
        helps = client.get(f"{API}/helps/{fingerprint(NUMBERS)}").json()["html"]
    assert 'class="suggestion adapted"' in helps
    assert "GPU 260,000개를" in helps and "150,000개" not in helps.split("tm-source")[0]
    # what is not safely adaptable is offered as it was
    assert adapt("Sales hit $1.6 billion.", "Sales hit $12.4 billion.",
                 "매출은 16억 달러") is None
    assert adapt("Sales hit $1.6 billion.", "Sales hit $12.4 billion.",
                 "Las ventas alcanzaron $1.6 mil millones.") == \
        "Las ventas alcanzaron $12.4 mil millones."
    assert adapt("Sales hit $1.6 billion.", "Profit hit $12.4 billion.", "1.6") is None
    assert adapt('See <a href="/a">the list</a>.', 'See <a href="/b">the list</a>.',
                 '<a href="/a">목록</a>을 보라.') == '<a href="/b">목록</a>을 보라.'


def test_a_save_parses_nothing_and_a_change_on_disk_is_still_seen(project_ko: Path,
                                                                   monkeypatch) -> None:
    import time

    time.sleep(0.05)  # at a person's pace: the catalog the fixture wrote is no longer racy
    session = ReviewSession(load_settings(cwd=project_ko), reviewer="Kim")
    session.article_view("ko", SLUG)  # the page was shown: the catalog is read
    reads: list[Path] = []
    read = Catalog.read
    monkeypatch.setattr(Catalog, "read", classmethod(
        lambda cls, path: (reads.append(path), read(path))[1]))
    ident, version = fingerprint(BYLINE), _version(project_ko, BYLINE)
    reads.clear()
    result = session.save("ko", SLUG, ident, "페드로 에스피놀라 특파원", version, reviewed=True)
    assert result.status == "saved" and result.counts is not None
    assert result.counts.reviewed == 1 and reads == []  # patched into the file, kept
    entry = polib.pofile(str(project_ko / PO)).find(BYLINE)
    assert entry.msgstr == "페드로 에스피놀라 특파원" and "fuzzy" not in entry.flags
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(project_ko / PO)], check=True)
    po = polib.pofile(str(project_ko / PO))  # then a PO editor saves the file
    po.find(NUMBERS).msgstr = "편집기에서 고친 번역"
    po.save()
    stale = session.save("ko", SLUG, fingerprint(NUMBERS), "내 번역", "0" * 12, reviewed=True)
    assert stale.status == "conflict" and stale.entry is not None
    assert stale.entry.msgstr == "편집기에서 고친 번역" and reads  # read again, then refused


def test_an_edit_that_puts_the_mtime_back_is_seen_by_the_page(project_ko: Path) -> None:
    """``touch -r`` after a same-size edit: the ctime moved, so the page reads it again
    (the review page trusts files by the same stamp as the state)."""
    import os
    import time

    session = ReviewSession(load_settings(cwd=project_ko), reviewer="Kim")
    path = project_ko / PO
    time.sleep(0.05)  # the file is no longer racy: its read is cached
    before = session.catalog("ko", SLUG)
    assert before is not None and session.catalog("ko", SLUG) is before
    info = os.stat(path)
    text = path.read_text(encoding="utf-8")
    entry = next(e for e in before.entries() if e.msgstr and f'msgstr "{e.msgstr}"\n' in text)
    changed = entry.msgstr[:-1] + ("다" if entry.msgstr[-1] != "다" else "요")
    assert len(changed.encode()) == len(entry.msgstr.encode())
    edited = text.replace(f'msgstr "{entry.msgstr}"\n', f'msgstr "{changed}"\n', 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert os.stat(path).st_size == info.st_size and os.stat(path).st_ino == info.st_ino
    after = session.catalog("ko", SLUG)
    assert after is not before and after is not None
    assert any(e.msgstr == changed for e in after.entries())
