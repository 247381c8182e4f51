"""The review server's HTTP API: saves and their concurrency rules, the lock, the token,
Host/Origin refusal, paths that must not escape, and what the pages escape. In-process
(Starlette's TestClient, no socket), on the seed article translated by the pseudo engine."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from starlette.testclient import TestClient

from l10n.catalog import MACHINE, REVIEWED, Catalog, Provenance, fingerprint
from l10n.config import load_settings
from l10n.fsutil import project_lock
from l10n.memory import Memory
from l10n.model import Hypothesis
from l10n.review.app import create_app
from l10n.review.security import COOKIE, TOKEN_HEADER, Guard, loopback_hosts
from l10n.review.session import ReviewSession
from l10n.workflow.status import status
from l10n.workflow.translate import translate
from tests.review_helpers import PO, SLUG, translated

TOKEN = "test-token-0123456789"
BASE = "http://127.0.0.1:8765"
API = f"/api/ko/{SLUG}"
BYLINE = "Pedro Espinola Special Correspondent"
BYLINE_KO = "페드로 에스피놀라 특파원"
NUMBERS = "The tribute coincided with the announcement of a monumental deal to supply " \
    "260,000 units of its latest Blackwell GPUs to South Korea."


@pytest.fixture()
def project_ko(project: Path) -> Path:
    return translated(project)


def _client(project: Path, *, login: bool = False, hosts: set[str] | None = None) -> TestClient:
    session = ReviewSession(load_settings(cwd=project))
    app = create_app(session, token=TOKEN, hosts=loopback_hosts(8765) if hosts is None and
                     not login else hosts, login=login)
    return TestClient(app, base_url=BASE)


@pytest.fixture()
def client(project_ko: Path) -> Iterator[TestClient]:
    with _client(project_ko) as c:
        c.headers[TOKEN_HEADER] = TOKEN
        yield c


def _entry(project: Path, msgid: str) -> polib.POEntry:
    return next(e for e in polib.pofile(str(project / PO)) if e.msgid == msgid)


def _save(client: TestClient, msgid: str, text: str, version: str, **extra: object) -> dict:
    body = {"id": fingerprint(msgid), "text": text, "version": version, **extra}
    response = client.post(f"{API}/save", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def _version(project: Path, msgid: str) -> str:
    entry = Catalog.read(project / PO).get(msgid)
    assert entry is not None
    return entry.version


# ------------------------------------------------------------------------ saving
def test_accept_saves_reviewed_keeps_provenance_and_counts(client: TestClient,
                                                           project_ko: Path) -> None:
    msgid = "Pedro Espinola Special Correspondent"
    reply = _save(client, msgid, BYLINE_KO, _version(project_ko, msgid))
    assert reply["status"] == "saved"
    assert reply["entry"]["state"] == REVIEWED
    assert reply["counts"]["reviewed"] == 1 and reply["counts"]["machine"] == 12
    entry = Catalog.read(project_ko / PO).get(msgid)
    assert entry is not None and (entry.state, entry.msgstr) == (REVIEWED, BYLINE_KO)
    assert entry.provenance is not None and entry.provenance.engine == "pseudo"  # mt: kept
    row = status(load_settings(cwd=project_ko)).rows[0]
    assert (row.reviewed, row.machine) == (1, 12)
    with Memory.open(project_ko / ".l10n" / "memory.sqlite") as memory:
        unit = memory.exact(msgid, "en", "ko")
    assert unit is not None and unit.kind == "reviewed"
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(project_ko / PO)], check=True)
    # the next translate run keeps the reviewer's decision
    translate(load_settings(cwd=project_ko), engine_name="pseudo")
    again = Catalog.read(project_ko / PO).get(msgid)
    assert again is not None and (again.state, again.msgstr) == (REVIEWED, BYLINE_KO)


def test_a_draft_stays_fuzzy(client: TestClient, project_ko: Path) -> None:
    msgid = "Pedro Espinola Special Correspondent"
    reply = _save(client, msgid, "페드로 특파원", _version(project_ko, msgid), reviewed=False)
    assert reply["status"] == "saved" and reply["entry"]["state"] == "fuzzy"
    assert "fuzzy" in _entry(project_ko, msgid).flags


def test_accepting_with_errors_needs_a_confirmation(client: TestClient, project_ko: Path) -> None:
    version = _version(project_ko, NUMBERS)
    wrong = "이번 헌사는 최신 GPU인 블랙웰 27만 개를 한국에 공급하는 계약과 때를 같이했다."
    before = (project_ko / PO).read_bytes()
    reply = _save(client, NUMBERS, wrong, version)
    assert reply["status"] == "confirm"
    assert [f["check"] for f in reply["findings"]] == ["numbers"]
    assert (project_ko / PO).read_bytes() == before  # nothing written
    reply = _save(client, NUMBERS, wrong, version, force=True)
    assert reply["status"] == "saved" and reply["entry"]["state"] == REVIEWED
    assert [f["check"] for f in reply["findings"]] == ["numbers"]  # the finding stays visible


def test_a_stale_version_is_a_conflict_and_loses_nothing(client: TestClient,
                                                         project_ko: Path) -> None:
    msgid = "Pedro Espinola Special Correspondent"
    seen = _version(project_ko, msgid)
    other = NUMBERS
    other_version = _version(project_ko, other)
    # another reviewer (a second browser) saves first
    assert _save(client, msgid, "다른 검토자의 번역", seen)["status"] == "saved"
    reply = _save(client, msgid, "내 번역", seen)
    assert reply["status"] == "conflict"
    assert reply["entry"]["text"] == "다른 검토자의 번역" and reply["entry"]["state"] == REVIEWED
    assert _entry(project_ko, msgid).msgstr == "다른 검토자의 번역"
    # saves of other entries go through
    fixed = "이번 헌사는 블랙웰 GPU 26만 개를 한국에 공급하는 계약과 때를 같이했다."
    assert _save(client, other, fixed, other_version)["status"] == "saved"
    # a hand edit (a PO editor) changes the version too
    po = polib.pofile(str(project_ko / PO))
    po.find(msgid).msgstr = "손으로 고친 번역"
    po.save()
    reply = _save(client, msgid, "내 번역", reply["entry"]["version"])
    assert reply["status"] == "conflict" and reply["entry"]["text"] == "손으로 고친 번역"
    # the reviewer decides to keep theirs, knowingly: the version they now saw
    assert _save(client, msgid, "내 번역", reply["entry"]["version"])["status"] == "saved"
    assert _entry(project_ko, msgid).msgstr == "내 번역"


def test_a_save_while_translate_holds_the_lock_is_refused(client: TestClient,
                                                          project_ko: Path) -> None:
    msgid = "Pedro Espinola Special Correspondent"
    before = (project_ko / PO).read_bytes()
    with project_lock(project_ko / ".l10n"):
        response = client.post(f"{API}/save", json={
            "id": fingerprint(msgid), "text": "번역", "version": _version(project_ko, msgid)})
    assert response.status_code == 423 and response.json()["locked"] is True
    assert "another l10n run" in response.json()["error"]
    assert (project_ko / PO).read_bytes() == before


def test_a_sentence_gone_from_the_catalog(client: TestClient) -> None:
    response = client.post(f"{API}/save", json={"id": "000000000000", "text": "x",
                                                "version": "0"})
    assert response.status_code == 409 and "no longer in the catalog" in response.json()["error"]


def test_malformed_requests_are_refused(client: TestClient) -> None:
    for body in ({"id": 1, "text": "x", "version": "v"}, [], {"text": "x"}):
        assert client.post(f"{API}/save", json=body).status_code == 400
    for raw in (b"{not json", b"", b"\xff\xfe"):
        response = client.post(f"{API}/save", content=raw)
        assert response.status_code == 400, raw
        assert "JSON object" in response.json()["error"]
    assert client.post(f"{API}/check", content=b"[1,").status_code == 400
    # a request for something that is not there is still a 404
    assert client.post("/api/ko/no-such-article/save", json={
        "id": "x", "text": "x", "version": "v"}).status_code == 404


def test_untouched_pseudo_output_is_never_accepted(client: TestClient, project_ko: Path) -> None:
    msgid = BYLINE
    entry = Catalog.read(project_ko / PO).get(msgid)
    assert entry is not None and entry.is_pseudo
    before = (project_ko / PO).read_bytes()
    for force in (False, True):  # not even "accept with errors" lets it through
        response = client.post(f"{API}/save", json={
            "id": fingerprint(msgid), "text": entry.msgstr, "version": entry.version,
            "reviewed": True, "force": force})
        assert response.status_code == 409
        assert "pseudo-localized" in response.json()["error"]
    assert (project_ko / PO).read_bytes() == before
    # as a draft it may stay; an edited text is the reviewer's own and is accepted
    assert _save(client, msgid, entry.msgstr, entry.version, reviewed=False)["status"] in (
        "saved", "unchanged")
    edited = entry.msgstr + "!"
    assert _save(client, msgid, edited, _version(project_ko, msgid))["entry"]["state"] == REVIEWED


def test_a_conflict_answers_with_the_counts_as_they_are_now(client: TestClient,
                                                            project_ko: Path) -> None:
    seen = _version(project_ko, BYLINE)
    po = polib.pofile(str(project_ko / PO))  # a PO editor accepts it meanwhile
    po.find(BYLINE).msgstr = BYLINE_KO
    po.find(BYLINE).flags = []
    po.save()
    reply = _save(client, BYLINE, "내 번역", seen)
    assert reply["status"] == "conflict"
    assert reply["counts"]["reviewed"] == 1 and reply["counts"]["machine"] == 12


# ------------------------------------------------------------------------ reading
def test_live_check_returns_findings_with_spans(client: TestClient) -> None:
    text = "이번 헌사는 블랙웰 GPU 27만 개를 한국에 공급하는 계약과 때를 같이했다."
    reply = client.post(f"{API}/check", json={"id": fingerprint(NUMBERS), "text": text}).json()
    [finding] = reply["findings"]
    assert finding["check"] == "numbers" and reply["errors"] == 1
    assert text[slice(*finding["span"])] == "27만"
    assert NUMBERS[slice(*finding["source_span"])] == "260,000"
    assert "numbers" in reply["html"]
    fixed = text.replace("27만", "26만")
    assert client.post(f"{API}/check", json={"id": fingerprint(NUMBERS),
                                             "text": fixed}).json()["findings"] == []


def test_findings_of_every_entry_match_l10n_check(client: TestClient, project_ko: Path) -> None:
    from l10n.workflow.qa import check_project

    po = polib.pofile(str(project_ko / PO))  # a translator's work, with mistakes
    po.find(NUMBERS).msgstr = "블랙웰 GPU 27만 개를 한국에 공급하는 대규모 계약."
    po.find(NUMBERS).flags = []
    po.find(BYLINE).msgstr = "특파원"
    po.find(BYLINE).flags = ["fuzzy", "ignore-length"]
    po.save()
    all_findings = client.get(f"{API}/findings").json()
    errors = sum(item["errors"] for item in all_findings.values())
    expected = list(check_project(load_settings(cwd=project_ko)).findings)
    assert errors == sum(f.severity == "error" for f in expected)
    # the translator's number mistake, and the pseudo engine's output (never a translation)
    assert [f.check for f in expected if f.severity == "error" and f.check != "pseudo"] == [
        "numbers"]
    warnings = sum(len(item["findings"]) - item["errors"] for item in all_findings.values())
    assert warnings == sum(f.severity == "warning" for f in expected)
    dashboard = client.get("/").text
    assert f'data-count="errors">{errors}<' in dashboard
    assert 'data-count="machine">11<' in dashboard


def test_helps_show_alternatives_and_memory_matches_with_a_diff(client: TestClient,
                                                                project_ko: Path) -> None:
    with Memory.open(project_ko / ".l10n" / "memory.sqlite") as memory:
        memory.set_alternatives(NUMBERS, "en", "ko", [Hypothesis("대안 번역 <b>하나</b>", -0.61)],
                                "argos", "argos translate-en_ko 1.1")
        similar = NUMBERS.replace("260,000", "270,000")
        memory.harvest([_view(similar, "27만 개 공급 계약")], "en", "ko", "locales/ko/other.po")
    html = client.get(f"{API}/helps/{fingerprint(NUMBERS)}").json()["html"]
    assert "대안 번역 &lt;b&gt;하나&lt;/b&gt;" in html and "score -0.61" in html
    assert "<del>270,000</del><ins>260,000</ins>" in html and "locales/ko/other.po" in html
    assert "27만 개 공급 계약" in html


def _view(msgid: str, msgstr: str):  # type: ignore[no-untyped-def]
    from l10n.catalog import Entry

    return Entry(msgid, msgstr)


def test_preview_renders_the_build_page(client: TestClient) -> None:
    page = client.get(f"/preview/ko/{SLUG}.html")
    assert page.status_code == 200 and '<html lang="ko"' in page.text
    assert 'name="translation-status" content="machine"' in page.text
    assert "script-src" not in page.headers["content-security-policy"]
    reviewed_only = client.get(f"/preview/ko/{SLUG}.html?reviewed=1").text
    assert 'class="mt"' not in reviewed_only
    assert client.get(f"/preview/en/{SLUG}.html").status_code == 200  # the original


def test_the_article_page_has_the_stable_hooks(client: TestClient, project_ko: Path) -> None:
    page = client.get(f"/ko/{SLUG}").text
    entries = Catalog.read(project_ko / PO).entries()
    for entry in entries:
        assert f'data-entry="{fingerprint(entry.msgid)}" data-state="{MACHINE}"' in page
    assert page.count("<textarea") == page.count('aria-label="Translation (') == len(entries)
    assert page.count('spellcheck="true" lang="ko"') == len(entries)  # Korean spellcheck on
    assert 'spellcheck="false"' not in page
    assert page.count('<input type="search" name="q"') == 1  # the search box
    assert TOKEN in page  # in the <meta> the script reads
    headers = client.get(f"/ko/{SLUG}").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"


def test_article_text_is_escaped(project: Path) -> None:
    from tests.test_build import xss_project

    xss_project(project)
    translate(load_settings(cwd=project), engine_name="pseudo")
    with _client(project) as c:
        page = c.get("/ko/xss-wire").text
    assert "<script>document" not in page and "<img src=x" not in page
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in page


# ------------------------------------------------------------------------ security
@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1.nip.io:8765", "127.0.0.1:9999",
                                  "localhost"])
def test_foreign_host_names_are_refused(client: TestClient, host: str) -> None:
    """DNS rebinding: the attacker's name resolves to 127.0.0.1, the browser sends it."""
    assert client.get("/", headers={"Host": host}).status_code == 421
    assert client.post(f"{API}/save", headers={"Host": host}, json={}).status_code == 421


def test_own_host_names_are_served(client: TestClient) -> None:
    for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765"):
        assert client.get("/", headers={"Host": host}).status_code == 200


def test_cross_origin_requests_are_refused(client: TestClient, project_ko: Path) -> None:
    msgid = "Pedro Espinola Special Correspondent"
    body = {"id": fingerprint(msgid), "text": "pwned", "version": _version(project_ko, msgid)}
    before = (project_ko / PO).read_bytes()
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Origin": "http://127.0.0.1:9999"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Sec-Fetch-Site": "same-site"}):
        assert client.post(f"{API}/save", json=body, headers=headers).status_code == 403
    assert client.get(f"{API}/findings", headers={"Sec-Fetch-Site": "cross-site",
                                                   "Sec-Fetch-Mode": "cors"}).status_code == 403
    assert (project_ko / PO).read_bytes() == before
    # following a link from elsewhere opens the page (a GET navigation)
    assert client.get("/", headers={"Sec-Fetch-Site": "cross-site",
                                    "Sec-Fetch-Mode": "navigate"}).status_code == 200
    assert client.post(f"{API}/save", json=body,
                       headers={"Origin": BASE}).status_code == 200  # its own origin


def test_state_changing_requests_need_the_token(client: TestClient, project_ko: Path) -> None:
    msgid = "Pedro Espinola Special Correspondent"
    body = {"id": fingerprint(msgid), "text": "pwned", "version": _version(project_ko, msgid)}
    before = (project_ko / PO).read_bytes()
    for token in (None, "", "wrong", TOKEN + "x"):
        headers = {TOKEN_HEADER: token} if token is not None else {}
        del client.headers[TOKEN_HEADER]
        response = client.post(f"{API}/save", json=body, headers=headers)
        assert response.status_code == 403, token
        client.headers[TOKEN_HEADER] = TOKEN
    assert (project_ko / PO).read_bytes() == before
    # a cookie is not a token for a POST (a cross-site form would send it)
    del client.headers[TOKEN_HEADER]
    client.cookies.set(COOKIE, TOKEN)
    assert client.post(f"{API}/check", json={"id": "x", "text": "y"}).status_code == 403


@pytest.mark.parametrize("path", [
    "/static/../../l10n.toml", "/static/..%2f..%2fl10n.toml", "/static/%2e%2e/%2e%2e/l10n.toml",
    "/ko/..%2F..%2Fl10n.toml", "/preview/ko/..%2F..%2Fl10n.toml.html",
    "/preview/ko/%2e%2e%2fseeds%2fnvidia-korea-ai-alliance.html", "/xx/" + SLUG, "/en/" + SLUG,
    f"/api/ko/..%2F{SLUG}/findings", "/static/review.py", "/static/",
])
def test_no_file_outside_the_app_is_served(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 405), (path, response.status_code)
    assert 'source = "en"' not in response.text and "NVIDIA Hails" not in response.text


def test_a_lan_server_answers_only_to_its_token(project_ko: Path) -> None:
    with _client(project_ko, login=True, hosts=None) as c:
        assert c.get("/", headers={"Host": "review.lan:8765"}).status_code == 401
        assert c.get("/?token=wrong").status_code == 401
        first = c.get(f"/ko/{SLUG}?token={TOKEN}", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == f"/ko/{SLUG}"
        assert "HttpOnly" in first.headers["set-cookie"] and "SameSite=Strict" in \
            first.headers["set-cookie"]
        assert c.get(f"/ko/{SLUG}", headers={"Host": "review.lan:8765"}).status_code == 200
        c.cookies.clear()
        assert c.get(f"/ko/{SLUG}").status_code == 401


def test_a_guard_without_host_check_needs_login() -> None:
    with pytest.raises(ValueError, match="token"):
        Guard(lambda *a: None, token=TOKEN, hosts=None)  # type: ignore[arg-type, return-value]


def test_the_page_says_where_a_translation_came_from(client: TestClient,
                                                     project_ko: Path) -> None:
    catalog = Catalog.read(project_ko / PO)
    first, second = catalog.entries()[1:3]
    # a real engine's output (pseudo output is never accepted as it is)
    catalog.set_machine(second.msgid, "진짜 엔진의 번역", Provenance("argos", "argos ko 1.1", -0.5))
    catalog.write()
    second = Catalog.read(project_ko / PO).entries()[2]
    _save(client, first.msgid, BYLINE_KO, first.version)  # edited, then accepted
    _save(client, second.msgid, second.msgstr, second.version, force=True)  # accepted as is
    page = client.get(f"/ko/{SLUG}").text
    assert 'class="origin">edited from the output of pseudo<' in page
    assert 'class="origin">argos ko 1.1 · score -0.50 · accepted as it was<' in page
    assert 'class="origin">pseudo<' in page  # untouched machine output
