"""A real LibreTranslate server for the test session, offline, with the copy models.

LibreTranslate (PyPI ``libretranslate==1.9.6``) lives in its own virtual environment,
``.venv-lt`` at the repository root (its pins clash with l10n's; ``.ci/run`` creates it).
The session starts it once on a free loopback port with:

* the tests' copy models, ``en -> ko`` and ``ko -> en`` (two packages: with one,
  LibreTranslate looks for an index online), installed into its own packages folder;
* ``tests/data/libretranslate/sentence-splitter.onnx`` as each package's
  ``minisbd/<lang>.onnx``, so its sentence splitter never downloads a model;
* its HOME and XDG folders in the session's temp folder, model updates off, and a
  ``sitecustomize`` that refuses (and logs) every connection that leaves the machine.

Without ``.venv-lt`` the tests that need the server are skipped, saying how to make it.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from l10n.engines.packages import install_model_file

ROOT = Path(__file__).resolve().parent.parent
LT_VENV = ROOT / ".venv-lt"
LT_DATA = Path(__file__).resolve().parent / "data" / "libretranslate"
PAIRS = (("en", "ko"), ("ko", "en"))


@dataclass(frozen=True)
class LibreTranslateServer:
    url: str
    log: Path  # the server's output
    offline_log: Path  # connections that would have left the machine (none, we hope)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _packages(folder: Path, model_files: dict[tuple[str, str], Path]) -> Path:
    for pair in PAIRS:
        info = install_model_file(model_files[pair], folder)
        splitter = info.path / "minisbd" / f"{info.from_code}.onnx"
        splitter.parent.mkdir(exist_ok=True)
        shutil.copy(LT_DATA / "sentence-splitter.onnx", splitter)
    return folder


@pytest.fixture(scope="session")
def libretranslate_server(
    tmp_path_factory: pytest.TempPathFactory, model_files: dict[tuple[str, str], Path]
) -> Iterator[LibreTranslateServer]:
    from tests.conftest import allow_loopback

    program = LT_VENV / "bin" / "libretranslate"
    if not program.exists():
        pytest.skip(f"LibreTranslate is not installed in {LT_VENV} (.ci/run makes it: "
                    "python3 -m venv .venv-lt && .venv-lt/bin/pip install libretranslate==1.9.6)")
    run = tmp_path_factory.mktemp("libretranslate")
    packages = _packages(run / "packages", model_files)
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(run / "home"),
        "XDG_DATA_HOME": str(run / "data"), "XDG_CONFIG_HOME": str(run / "config"),
        "XDG_CACHE_HOME": str(run / "cache"), "ARGOS_PACKAGES_DIR": str(packages),
        "ARGOS_INTRA_THREADS": "1", "ARGOS_INTER_THREADS": "1", "LT_HOST": "127.0.0.1",
        "LT_PORT": str(port), "LT_UPDATE_MODELS": "false", "LT_LOAD_ONLY": "en,ko",
        "PYTHONPATH": str(LT_DATA / "offline"), "OFFLINE_LOG": str(run / "offline.log"),
    }
    (run / "home").mkdir()
    server = LibreTranslateServer(f"http://127.0.0.1:{port}", run / "server.log",
                                  run / "offline.log")
    with server.log.open("wb") as log:
        process = subprocess.Popen(
            [str(program), "--disable-web-ui", "--disable-files-translation"],
            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=run,
        )
    try:
        _wait_ready(server, process, allow_loopback)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(server: LibreTranslateServer, process: subprocess.Popen[bytes],
                allow_loopback: object) -> None:
    deadline = time.monotonic() + 120
    with allow_loopback():  # type: ignore[operator]
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = server.log.read_text(errors="replace")[-3000:]
                pytest.fail(f"LibreTranslate exited with {process.returncode}:\n{tail}")
            try:
                with urllib.request.urlopen(server.url + "/health", timeout=2) as answer:
                    if json.loads(answer.read()).get("status") == "ok":
                        return
            except OSError:
                time.sleep(0.2)
    pytest.fail("LibreTranslate did not start within 120 s:\n"
                + server.log.read_text(errors="replace")[-3000:])
