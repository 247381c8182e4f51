"""Test session set-up: no network, ever; shared fixtures."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# A property test checks what is computed, never how fast: Hypothesis's per-example
# deadline (200 ms) is a timed assertion, and failed a test on a loaded machine (310 ms
# once, 0.9 ms on the retry). Speed is shown by benchmarks/.
hypothesis_settings.register_profile("l10n", deadline=None)
hypothesis_settings.load_profile("l10n")

pytest_plugins = [
    "tests.fixtures_models",
    "tests.fixtures_libretranslate",
    "tests.fixtures_ray",
]

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "seeds" / "nvidia-korea-ai-alliance.txt"


class NetworkBlocked(RuntimeError):
    pass


def _blocked(*args: object, **kwargs: object) -> None:
    raise NetworkBlocked(f"tests run offline: a network connection was attempted ({args!r})")


LOOPBACK = ("127.0.0.1", "::1")  # what a test may reach, and only with allow_loopback()
_GATE = {"loopback": False}


@contextlib.contextmanager
def allow_loopback() -> Iterator[None]:
    """Let the code inside reach servers on 127.0.0.1 / ::1 (by address), nothing else."""
    before = _GATE["loopback"]
    _GATE["loopback"] = True
    try:
        yield
    finally:
        _GATE["loopback"] = before


def _allowed(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) and address else address
    return _GATE["loopback"] and host in LOOPBACK


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Block every internet socket for the whole session (Unix sockets stay usable);
    inside :func:`allow_loopback`, connections to the loopback addresses go through."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo
    real_create = socket.create_connection

    def guarded(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
            _blocked(address)
        return real_connect(self, address)  # type: ignore[arg-type]

    def guarded_ex(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
            _blocked(address)
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    def lookup(host: object, *args: object, **kwargs: object) -> object:
        if not _allowed(host):
            _blocked(host)
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    def create(address: object, *args: object, **kwargs: object) -> object:
        if not _allowed(address):
            _blocked(address)
        return real_create(address, *args, **kwargs)  # type: ignore[arg-type]

    mp = pytest.MonkeyPatch()
    mp.setattr(socket.socket, "connect", guarded)
    mp.setattr(socket.socket, "connect_ex", guarded_ex)
    mp.setattr(socket, "create_connection", create)
    mp.setattr(socket, "getaddrinfo", lookup)
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Argos and friends write under $HOME and XDG folders: point them at a temp folder."""
    home = tmp_path_factory.getbasetemp() / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("L10N_MODELS_DIR", raising=False)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A fresh project folder holding the seed article, the glossaries and a config."""
    import shutil

    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    if (ROOT / "glossaries").is_dir():
        shutil.copytree(ROOT / "glossaries", tmp_path / "glossaries")
    (tmp_path / "l10n.toml").write_text(
        'source = "en"\ntargets = ["ko"]\nmodels = "models"\n', encoding="utf-8"
    )
    return tmp_path
