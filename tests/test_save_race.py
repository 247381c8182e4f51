"""Every command that writes a catalog races the review page's saves, and no save the page
acknowledged ("saved") is lost: ``check --annotate``, ``translate``, ``update`` and
``xliff import`` each run over and over in a thread while the review API (in process, as
tests/test_review_api.py drives it) saves entries one after another; at the end each
entry holds the last text the page was told was saved. A writer may refuse (the catalog
changed under it, or the lock is held): refusing is allowed, overwriting is not."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from l10n.catalog import Catalog, fingerprint
from l10n.config import Settings, load_settings
from l10n.errors import CatalogChangedError, LockedError
from l10n.interchange.project import export_xliff, import_xliff, unit_id
from l10n.review.app import create_app
from l10n.review.security import TOKEN_HEADER, loopback_hosts
from l10n.review.session import ReviewSession
from l10n.workflow.qa import check_project
from l10n.workflow.translate import translate
from l10n.workflow.update import update
from tests.cli_helpers import run_l10n
from tests.review_helpers import PO, SLUG, translated

pytestmark = pytest.mark.slow

TOKEN = "race-token-0123456789"
API = f"/api/ko/{SLUG}"
ROUNDS = 30  # saves per entry, at least
WRITES = 12  # runs of the writer (done or refused), at least
# the page saves these entries; the numbers come and go, so --annotate has notes to write
SAVED_BY_PAGE = {
    "Pedro Espinola Special Correspondent": "페드로 에스피놀라 특파원 {n}",
    "The tribute coincided with the announcement of a monumental deal to supply "
    "260,000 units of its latest Blackwell GPUs to South Korea.":
        "이 헌사는 블랙웰 GPU {units}개를 한국에 공급하는 대규모 계약 발표와 맞물렸다 ({n})",
}


@pytest.fixture()
def project_ko(project: Path) -> Path:
    return translated(project)


@pytest.fixture()
def client(project_ko: Path) -> Iterator[TestClient]:
    session = ReviewSession(load_settings(cwd=project_ko))
    app = create_app(session, token=TOKEN, hosts=loopback_hosts(8765), login=False)
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        c.headers[TOKEN_HEADER] = TOKEN
        yield c


def _annotate(settings: Settings, _: int) -> bool:
    result = check_project(settings, annotate=True)
    for _ in result.findings:  # a stream: the catalogs are annotated as it is read
        pass
    return bool(result.annotated)


def _annotate_cli(settings: Settings, _: int) -> bool:
    """``l10n check --annotate`` as a user runs it: another process."""
    done = run_l10n("check", "--annotate", cwd=settings.root)
    assert "Traceback" not in done.stderr, done.stderr
    if done.returncode in (2, 4):  # the catalog changed under it / the project was locked
        raise LockedError(done.stderr)
    return "annotated" in done.stderr


def _translate(settings: Settings, _: int) -> bool:
    translate(settings, engine_name="pseudo")
    return False  # nothing left to translate: it holds the lock and reads, that is all


def _update(settings: Settings, _: int) -> bool:
    update(settings)
    return False


def _xliff_import(settings: Settings, n: int) -> bool:
    """An agency's file: exported now, one unit the page does not touch translated anew."""
    [exported] = export_xliff(settings, out=settings.root / f"x{n % 2}")
    catalog = Catalog.read(settings.catalog_path("ko", SLUG))
    other = next(e for e in catalog.entries() if e.msgid not in SAVED_BY_PAGE)
    text = exported.path.read_text(encoding="utf-8")
    unit = re.search(rf'<unit id="{unit_id(other.msgid)}".*?</unit>', text, re.DOTALL)
    assert unit is not None
    changed = re.sub(r"<target>.*?</target>", f"<target>대행사 번역 {n}</target>", unit.group(0),
                     count=1, flags=re.DOTALL)
    exported.path.write_text(text.replace(unit.group(0), changed), encoding="utf-8")
    return import_xliff(settings, [exported.path]).count("saved") > 0


WRITERS: dict[str, Callable[[Settings, int], bool]] = {
    "check --annotate": _annotate, "l10n check --annotate": _annotate_cli,
    "translate": _translate, "update": _update, "xliff import": _xliff_import,
}


@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_acknowledged_save_survives_each_writer(
    writer: str, client: TestClient, project_ko: Path
) -> None:
    settings = load_settings(cwd=project_ko)
    done = threading.Event()
    runs = {"ran": 0, "refused": 0, "wrote": 0}
    failures: list[BaseException] = []

    def write_over_and_over() -> None:
        while not done.is_set():
            try:
                runs["wrote"] += WRITERS[writer](settings, runs["ran"])
                runs["ran"] += 1
            except (CatalogChangedError, LockedError):
                runs["refused"] += 1
            except BaseException as exc:
                failures.append(exc)
                return
            time.sleep(0.01)  # the next command, a moment later

    versions = {m: Catalog.read(project_ko / PO).get(m).version  # type: ignore[union-attr]
                for m in SAVED_BY_PAGE}
    acknowledged: dict[str, str] = {}
    lost: list[tuple[str, str | None, str]] = []
    counts = {"saved": 0, "conflict": 0, "locked": 0, "refused": 0}
    thread = threading.Thread(target=write_over_and_over)
    thread.start()
    try:
        n = 0
        while (n < ROUNDS or runs["ran"] + runs["refused"] < WRITES) and not failures:
            n += 1
            for msgid, pattern in SAVED_BY_PAGE.items():
                text = pattern.format(n=n, units="260,000" if n % 2 else "270,000")
                reply = client.post(f"{API}/save", json={
                    "id": fingerprint(msgid), "text": text, "version": versions[msgid],
                    "force": True})
                if reply.status_code in (409, 423):  # changed under it / locked: not saved
                    counts["locked" if reply.status_code == 423 else "refused"] += 1
                    continue
                assert reply.status_code == 200, reply.text
                body = reply.json()
                versions[msgid] = body["entry"]["version"]
                if body["status"] == "saved":
                    acknowledged[msgid] = text
                    counts["saved"] += 1
                else:  # nobody else writes these entries: the page's own save was undone
                    counts["conflict"] += 1
                    lost.append((msgid, acknowledged.get(msgid), body["entry"]["text"]))
    finally:
        done.set()
        thread.join()
    assert not failures, failures
    assert not lost, (writer, runs, counts, lost)
    assert runs["ran"] > 0 and counts["saved"] > 0, (runs, counts)
    if writer not in ("translate", "update"):  # these hold the lock, find nothing to do
        assert runs["wrote"] > 0, runs
    catalog = Catalog.read(project_ko / PO)
    for msgid, text in acknowledged.items():
        entry = catalog.get(msgid)
        assert entry is not None and entry.msgstr == text and not entry.fuzzy, (
            writer, runs, counts, msgid, entry)
    print(f"{writer}: {runs}, page: {counts}")


def test_annotate_over_a_save_made_after_the_checks_keeps_it(project_ko: Path) -> None:
    """The checks read the catalog, the page saves an entry, then the notes are written:
    the save stays, and the changed entry gets no notes found for its old text."""
    settings = load_settings(cwd=project_ko)
    path = project_ko / PO
    checked = Catalog.read(path)
    msgid = next(iter(SAVED_BY_PAGE))
    other = next(e.msgid for e in checked.entries() if e.msgid != msgid)
    client_session = ReviewSession(settings)
    entry = checked.get(msgid)
    assert entry is not None
    saved = client_session.save("ko", SLUG, fingerprint(msgid), "페드로 특파원", entry.version,
                                reviewed=True, force=True)
    assert saved.status == "saved"
    from l10n.catalog import annotate

    notes = {(None, msgid): ["numbers: stale"], (None, other): ["numbers: fresh"]}
    assert annotate(path, notes, checked.disk_text)
    now = Catalog.read(path)
    kept, noted = now.get(msgid), now.get(other)
    assert kept is not None and kept.msgstr == "페드로 특파원" and not kept.fuzzy
    assert "check: numbers: stale" not in kept.comments
    assert noted is not None and "check: numbers: fresh" in noted.comments
