"""The ``libretranslate`` engine against a real LibreTranslate server, offline."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from l10n.catalog import Catalog
from l10n.config import load_settings
from l10n.engines import create_engine, engine_for
from l10n.engines.libretranslate import LibreTranslateEngine, create
from l10n.errors import EngineError
from l10n.workflow.translate import translate
from tests.cli_helpers import run_l10n
from tests.conftest import SEED, allow_loopback
from tests.fixtures_libretranslate import LibreTranslateServer

pytestmark = pytest.mark.slow


@pytest.fixture()
def server(libretranslate_server: LibreTranslateServer) -> Iterator[LibreTranslateServer]:
    with allow_loopback():
        yield libretranslate_server
    # the server never tried to leave the machine (its sitecustomize logs every attempt)
    assert not libretranslate_server.offline_log.exists()


def lt_project(project: Path, server: LibreTranslateServer, **options: object) -> Path:
    lines = [f'url = {json.dumps(options.pop("url", server.url))}']
    lines += [f"{key} = {json.dumps(value)}" for key, value in options.items()]
    config = project / "l10n.toml"
    config.write_text(config.read_text() + "\n[engines.libretranslate]\n" + "\n".join(lines)
                      + "\n", encoding="utf-8")
    return project


def test_the_seed_article_through_the_real_server(project: Path, server: LibreTranslateServer
                                                  ) -> None:
    settings = load_settings(cwd=lt_project(project, server, batch_size=7))
    report = translate(settings, engine_name="libretranslate")
    ko = report.languages["ko"]
    entries = Catalog.read(settings.catalog_path("ko", SEED.stem)).entries()
    assert ko.machine == len(entries) >= 10 and ko.untranslated == 0
    for entry in entries:
        assert entry.state == "machine"
        assert entry.provenance is not None and entry.provenance.engine == "libretranslate"
        assert entry.provenance.model == f"libretranslate 1.9.6 {server.url}"
    # the copy model copies: what comes back is the source with the glossary applied
    title = next(e for e in entries if e.block_label == "title")
    assert "엔비디아" in title.msgstr and "NVIDIA" not in title.msgstr


def test_the_command_line_uses_the_server(project: Path, server: LibreTranslateServer) -> None:
    lt_project(project, server)
    with allow_loopback():  # the subprocess is not under the test's socket guard anyway
        result = run_l10n("translate", "--engine", "libretranslate", "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["languages"]["ko"]["machine"] >= 10


def test_batches_n_best_and_a_pool(server: LibreTranslateServer) -> None:
    engine = create(url=[server.url, server.url + "/"], batch_size=2)
    assert engine.supports("en", "ko") and engine.supports("ko_KR", "en")
    assert not engine.supports("en", "ja")
    texts = [f"Sentence number {n}." for n in range(5)]
    done: list[int] = []
    out = engine.translate_batch(texts, "en", "ko", n_best=3, progress=done.append)
    assert [hyps[0].text for hyps in out] == texts  # in order, across two servers
    assert all(1 <= len(hyps) <= 3 and hyps[0].score is None for hyps in out)
    assert sorted(done) == [1, 2, 2]


def test_an_unsupported_pair_is_an_engine_error(server: LibreTranslateServer) -> None:
    engine = create(url=server.url)
    with pytest.raises(EngineError, match="cannot translate en -> ja \\(it has en->ko, ko->en\\)"
                       ) as info:
        engine.translate_batch(["Hello."], "en", "ja")
    assert info.value.exit_code == 3
    # and the server's own 400 answer, when the client skips the check
    engine._languages = {"en": {"ja"}}
    with pytest.raises(EngineError, match="refused the request \\(HTTP 400: .*ja"):
        engine.translate_batch(["Hello."], "en", "ja")


def test_an_unreachable_server_after_retries(project: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once closed
    pauses: list[float] = []
    engine = LibreTranslateEngine([f"http://127.0.0.1:{port}"], retries=2, pause=pauses.append)
    with allow_loopback(), pytest.raises(EngineError) as info:
        engine.translate_batch(["Hello."], "en", "ko")
    assert "cannot reach the LibreTranslate server at http://127.0.0.1:" in info.value.message
    assert "(after 3 attempts)" in info.value.message and pauses == [0.5, 1.0]
    assert "libretranslate --host" in (info.value.hint or "")


def test_a_server_that_does_not_answer_times_out() -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)  # accepts connections, never answers
    try:
        engine = LibreTranslateEngine([f"http://127.0.0.1:{silent.getsockname()[1]}"],
                                      timeout=0.3, retries=1, pause=lambda _: None)
        with allow_loopback(), pytest.raises(EngineError, match="did not answer within 0.3 s"):
            engine.translate_batch(["Hello."], "en", "ko")
    finally:
        silent.close()


def test_options_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    for bad in ({"url": "ftp://x"}, {"url": []}, {"timeout": 0}, {"retries": -1},
                {"batch_size": 0}, {"batch_size": 1.5}):
        with pytest.raises(EngineError, match="\\[engines.libretranslate\\]"):
            create(**bad)  # type: ignore[arg-type]
    with pytest.raises(EngineError, match="has no option 'model'"):
        create_engine("libretranslate", model="x")
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", "from-env")
    assert create().api_key == "from-env"
    assert create(api_key="from-config").api_key == "from-config"
    monkeypatch.setenv("MY_KEY", "mine")
    assert create(api_key_env="MY_KEY").api_key == "mine"


def test_config_options_reach_the_engine(project: Path) -> None:
    (project / "l10n.toml").write_text(
        'source = "en"\ntargets = ["ko"]\n[engines.libretranslate]\n'
        'url = ["http://127.0.0.1:5000", "http://127.0.0.1:5001"]\nbatch_size = 8\n'
        "retries = 0\ntimeout = 5\n", encoding="utf-8")
    engine = engine_for(load_settings(cwd=project), "en", "ko", "libretranslate")
    assert isinstance(engine, LibreTranslateEngine)
    assert (engine.urls, engine.batch_size, engine.retries, engine.timeout) == (
        ["http://127.0.0.1:5000", "http://127.0.0.1:5001"], 8, 0, 5.0)
