"""Hostile inputs, as a user meets them: the real ``l10n`` command on a translated
project, fed what engines, agencies, writers, spreadsheets and other tools send back.
Each case says the exit code and the message it must give; a refusal leaves every file
of the project as it was (a snapshot of the project, bytes and modification times), and
nothing ever ends in a traceback.

Engine replies come from a fake LibreTranslate server on 127.0.0.1 (the engine's own
client, configured in l10n.toml), so what is tested is the whole way from the socket to
the catalog."""

from __future__ import annotations

import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

from l10n.config import load_settings
from l10n.interchange.project import export_xliff, unit_id
from tests.cli_helpers import run_l10n, snapshot
from tests.conftest import allow_loopback
from tests.review_helpers import SLUG, translated

pytestmark = pytest.mark.slow

PO = Path("locales") / "ko" / f"{SLUG}.po"
TITLE = ("NVIDIA Hails South Korea as Global AI Epicenter, Cementing 'Alliance' with "
         "Massive GPU Deal")


@dataclass(frozen=True)
class Case:
    """Prepare the project (and maybe a server's answers), run ``args``; expect ``code``
    and ``message`` on stderr; ``changes`` is False when nothing may change on disk."""

    prepare: Callable[[Path], list[str]]  # returns the command's arguments
    code: int
    message: str
    changes: bool = False
    server: Answer | None = None


# --------------------------------------------------------------- a LibreTranslate server
Answer = Callable[[socket.socket, str, list[str]], None]  # conn, path, the texts asked


def _read_request(conn: socket.socket) -> tuple[str, list[str]]:
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536) or b"\r\n\r\n"
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        body += conn.recv(65536) or b" " * length
    path = head.split(b" ")[1].decode()
    texts = json.loads(body)["q"] if path == "/translate" else []
    return path, texts


def _send(conn: socket.socket, body: bytes) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d"
                 b"\r\nConnection: close\r\n\r\n%s" % (len(body), body))


LANGUAGES = json.dumps([{"code": "en", "targets": ["ko"]}, {"code": "ko", "targets": ["en"]}])


def _answers(translation: object | bytes) -> Answer:
    """/languages and /spec, then every text of /translate answered with ``translation``
    (or the whole answer, when bytes)."""
    def answer(conn: socket.socket, path: str, texts: list[str]) -> None:
        if path == "/languages":
            _send(conn, LANGUAGES.encode())
        elif path != "/translate":
            _send(conn, b'{"info": {"version": "fake"}}')
        elif isinstance(translation, bytes):
            _send(conn, translation)
        else:
            _send(conn, json.dumps({"translatedText": [translation] * len(texts)}).encode())
    return answer


def _dribble(conn: socket.socket, path: str, texts: list[str]) -> None:
    if path != "/translate":
        _answers("")(conn, path, texts)
        return
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(100000):
        conn.sendall(b" ")
        time.sleep(0.2)


@contextmanager
def _server(answer: Answer) -> Iterator[str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                with suppress(OSError):
                    answer(conn, *_read_request(conn))

    thread = threading.Thread(target=serve, daemon=True)
    with allow_loopback():
        thread.start()
        try:
            yield f"http://127.0.0.1:{listener.getsockname()[1]}"
        finally:
            stop.set()
            thread.join(timeout=10)
            listener.close()


# ------------------------------------------------------------------------- the cases
def _engine(project: Path) -> list[str]:
    return ["translate", "--engine", "libretranslate", "--retranslate", "machine"]


def _xliff(project: Path, edit: Callable[[str, str], str]) -> list[str]:
    """The seed's export, with ``edit(text, unit)`` applied to the title's unit."""
    [done] = export_xliff(load_settings(cwd=project), out=project / "agency")
    text = done.path.read_text(encoding="utf-8")
    found = re.search(rf'<unit id="{unit_id(TITLE)}".*?</unit>', text, re.DOTALL)
    assert found is not None
    done.path.write_text(text.replace(found.group(0), edit(text, found.group(0))),
                         encoding="utf-8")
    return ["xliff", "import", str(done.path)]


def _target(unit: str, inner: str, state: str = "final") -> str:
    unit = re.sub(r'state="\w+"', f'state="{state}"', unit, count=1)
    return re.sub(r"<target>.*?</target>", f"<target>{inner}</target>", unit, count=1,
                  flags=re.DOTALL)


def _md_link_project(project: Path) -> list[str]:
    (project / "seeds" / "brief.md").write_text(
        "---\ntitle: Brief\n---\n\nRead <a href=\"/guide\">the guide</a> today.\n",
        encoding="utf-8")
    assert run_l10n("translate", "--engine", "pseudo", cwd=project).returncode == 0
    return []


def _xliff_brief(project: Path, target: str, *, duplicate: bool = False) -> list[str]:
    _md_link_project(project)
    [done] = export_xliff(load_settings(cwd=project), [project / "seeds" / "brief.md"],
                          out=project / "agency")
    text = done.path.read_text(encoding="utf-8")
    msgid = 'Read <a href="/guide">the guide</a> today.'
    found = re.search(rf'<unit id="{unit_id(msgid)}".*?</unit>', text, re.DOTALL)
    assert found is not None
    unit = _target(found.group(0), target)
    if duplicate:
        unit = unit + unit
    done.path.write_text(text.replace(found.group(0), unit), encoding="utf-8")
    return ["xliff", "import", str(done.path)]


def _hostile_data(project: Path) -> list[str]:
    _md_link_project(project)
    [done] = export_xliff(load_settings(cwd=project), [project / "seeds" / "brief.md"],
                          out=project / "agency")
    text = done.path.read_text(encoding="utf-8")
    done.path.write_text(text.replace("&lt;a href=\"/guide\"&gt;",
                                      "&lt;a href=\"javascript:alert(1)\"&gt;"),
                         encoding="utf-8")
    return ["xliff", "import", str(done.path)]


def _article(name: str, text: str) -> Callable[[Path], list[str]]:
    def prepare(project: Path) -> list[str]:
        (project / "seeds" / name).write_text(text, encoding="utf-8")
        return ["translate", "--engine", "pseudo"]
    return prepare


def _glossary_csv(text: str) -> Callable[[Path], list[str]]:
    def prepare(project: Path) -> list[str]:
        (project / "terms.csv").write_text(text, encoding="utf-8")
        return ["glossary", "import", "terms.csv", "--lang", "ko", "--into",
                "glossaries/imported.toml"]
    return prepare


def _tmx(seg: str) -> Callable[[Path], list[str]]:
    def prepare(project: Path) -> list[str]:
        (project / "memory.tmx").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header '
            'creationtool="x" segtype="sentence" srclang="en" adminlang="en" '
            'datatype="plaintext" o-tmf="x" creationtoolversion="1"/>\n<body>\n<tu>\n'
            '<tuv xml:lang="en"><seg>A hostile unit.</seg></tuv>\n'
            f'<tuv xml:lang="ko"><seg>{seg}</seg></tuv>\n</tu>\n</body>\n</tmx>\n',
            encoding="utf-8")
        return ["memory", "import", "memory.tmx"]
    return prepare


def _catalog(edit: Callable[[str], str], *args: str) -> Callable[[Path], list[str]]:
    def prepare(project: Path) -> list[str]:
        path = project / PO
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        return list(args)
    return prepare


def _markup_title(text: str) -> str:
    at = text.index("NVIDIA Hails")
    at = text.index('msgstr "', at) + len('msgstr "')
    return text[:at] + '<img src=x onerror=\\"alert(1)\\"><script>alert(2)</script>' + text[at:]


def _nul_title(text: str) -> str:
    at = text.index("NVIDIA Hails")  # in the title's msgid (wrapped or not)
    at = text.index('msgstr "', at) + len('msgstr "')
    return text[:at] + "\x00" + text[at:]


DEEP = "<html><body><article><h1>Deep</h1>" + "<div>" * 600 + "<p>Deep text.</p>" \
    + "</div>" * 600 + "</article></body></html>"

CASES: dict[str, Case] = {
    # engine replies
    "engine answers null": Case(_engine, 3, "answered NoneType for the segment",
                                server=_answers(None)),
    "engine answers an object": Case(_engine, 3, "answered dict for the segment",
                                     server=_answers({"a": 1})),
    "engine answers a lone surrogate": Case(_engine, 3, "lone surrogate U+D800",
                                            server=_answers("\ud800")),
    "engine answers nested JSON": Case(_engine, 3, "not JSON l10n can read",
                                       server=_answers(b"[" * 50000 + b"]" * 50000)),
    "engine answers a byte a second": Case(_engine, 3, "did not answer within 1 s",
                                           server=_dribble),
    "engine answers NUL and escapes": Case(_engine, 0, "control characters", changes=True,
                                           server=_answers("번역\x00 \x1b[31m빨강\x1b[0m")),
    # XLIFF files
    "xliff originalData made a javascript: link": Case(
        _hostile_data, 0, "conflict", changes=True),  # the brief's catalog is made first
    "xliff <ec> before <sc>": Case(
        lambda p: _xliff_brief(p, 'Read <ec id="1" dataRef="d1e"/>the guide'
                                  '<sc id="1" dataRef="d1s"/> now.'),
        2, "ends before it starts"),
    "xliff duplicate unit ids": Case(
        lambda p: _xliff_brief(p, 'Lire <pc id="1" dataRefStart="d1s" dataRefEnd="d1e">le '
                                  'guide</pc>.', duplicate=True),
        2, "two units have the id"),
    "xliff lone surrogate": Case(
        lambda p: _xliff(p, lambda _, u: _target(u, 'x<cp hex="D800"/>y')),
        2, "lone surrogate U+D800"),
    "xliff NUL": Case(
        lambda p: _xliff(p, lambda _, u: _target(u, '엔비디아<cp hex="0"/> 제목')),
        0, "removed 1 control character", changes=True),
    # articles
    "article named index": Case(_article("index.txt", "Index\n\nA story.\n"), 2,
                                "'index' is a name the build uses"),
    "article nested 600 deep": Case(_article("deep.html", DEEP), 2,
                                    "nested too deeply to read"),
    "article with a 246-character name": Case(_article("a" * 246 + ".txt", "Long\n\nText.\n"),
                                              2, "over the 200 a file name allows"),
    # glossaries
    "glossary CSV with an unclosed quote": Case(
        _glossary_csv('Nvidia,"엔비디아\n'), 2, "malformed CSV"),
    "glossary CSV with a formula cell": Case(
        _glossary_csv("'=HYPERLINK(1),'=HYPERLINK(1)\n"), 0, "", changes=True),
    # translation memories
    "TMX with C1 controls (a terminal's CSI)": Case(
        _tmx("적대적&#x9b;31m 단위&#x85;."), 0, "memory.tmx:7: a translation held control",
        changes=True),
    "TMX with a translation over the size limit": Case(
        _tmx("가" * 1_000_001), 2, "memory.tmx:7: unusable translation"),
    # catalogs
    "catalog with a NUL in the title": Case(
        _catalog(_nul_title, "build", "--include-machine"), 0, "", changes=True),
    "catalog whose translation adds markup": Case(
        _catalog(_markup_title, "build", "--include-machine"), 0, "", changes=True),
    "catalog with a syntax error, annotated": Case(
        _catalog(lambda t: t.replace('msgstr "', 'msgstr "\\q', 1), "check", "--annotate"),
        2, "ko/nvidia-korea-ai-alliance.po:"),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import ROOT, SEED

    project = tmp_path_factory.mktemp("hostile") / "p"
    (project / "seeds").mkdir(parents=True)
    shutil.copy(SEED, project / "seeds" / SEED.name)
    shutil.copytree(ROOT / "glossaries", project / "glossaries")
    (project / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\nmodels = "models"\n',
                                       encoding="utf-8")
    return translated(project)


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input(name: str, base: Path, tmp_path: Path) -> None:
    case = CASES[name]
    project = tmp_path / "p"
    shutil.copytree(base, project)
    with _server(case.server or _answers("")) as url:
        with (project / "l10n.toml").open("a", encoding="utf-8") as config:
            config.write(f'\n[engines.libretranslate]\nurl = "{url}"\ntimeout = 1\n'
                         "retries = 0\nbatch_size = 16\n")
        args = case.prepare(project)
        before = _files(project)
        began = time.monotonic()
        done = run_l10n(*args, cwd=project, timeout=120)
        took = time.monotonic() - began
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == case.code, (done.returncode, done.stderr[-2000:])
    assert case.message in done.stderr, done.stderr[-2000:]
    if case.code and not case.changes:
        assert _files(project) == before, "a refused input changed the project"
    assert took < 60, took
    _after(name, project, done.stdout + done.stderr)


def _files(project: Path) -> dict[str, tuple[bytes, int]]:
    """The project's files (bytes, modification time), its cache (.l10n: state, lock)
    aside."""
    return {name: facts for name, facts in snapshot(project).items()
            if not name.startswith(".l10n")}


def _after(name: str, project: Path, output: str) -> None:
    """What each accepted case must have written."""
    po = (project / PO).read_text(encoding="utf-8")
    if name == "engine answers NUL and escapes":
        assert "\x00" not in po and "\x1b" not in po and "번역 빨강" in po
    if name == "xliff NUL":
        assert "\x00" not in po and "엔비디아 제목" in po
    if name == "xliff originalData made a javascript: link":
        brief = (project / "locales" / "ko" / "brief.po").read_text(encoding="utf-8")
        assert "javascript:" not in brief
        assert re.search(r"brief\.ko\.xlf:\d+: conflict", output), output
    if name == "glossary CSV with a formula cell":
        imported = (project / "glossaries" / "imported.toml").read_text(encoding="utf-8")
        assert "=HYPERLINK(1)" in imported and "'=HYPERLINK" not in imported
    if name == "catalog whose translation adds markup":  # text in every build format
        for built in (project / "build" / "ko").iterdir():
            page = built.read_text(encoding="utf-8")
            body = page.split("</head>")[-1]
            assert "<img" not in body and "<script" not in body, built
            assert "alert(2)" in page or built.name == "index.html", built  # shown as text
    if name == "TMX with C1 controls (a terminal's CSI)":
        exported = run_l10n("memory", "export", cwd=project).stdout
        assert "적대적 단위." in exported and "\x9b" not in exported
    if name == "catalog with a NUL in the title":
        assert (project / "build" / "ko" / "index.html").is_file()
