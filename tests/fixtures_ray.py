"""Ray for the test session: a local instance in this process, a ``ray start --head``
cluster as separate processes, both offline and on the loopback interface only.

Ray's traffic is C++ (gRPC), so the socket guard of ``tests/conftest.py`` sees none of
it; what keeps Ray offline is its environment (:data:`RAY_ENV`, and a
``ray_bootstrap_config.yaml`` in HOME, which stops the dashboard process's cloud-metadata
probe). :func:`assert_loopback_only` checks the result on every Ray process: each of
their internet sockets is bound to, and talks to, loopback addresses only.

Both are session-scoped (Ray takes seconds to start) and clean up every process and
folder they made; ``ray stop`` is never used (it stops every Ray on the machine).
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import psutil
import pytest

ENGINES = Path(__file__).resolve().parent / "data" / "engines"  # a third-party engine package
RAY_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_USAGE_STATS_REPORT_URL": "http://127.0.0.1:9/",  # `ray start` reports "disabled"
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",  # node address 127.0.0.1, listeners on it
    "RAY_AUTH_MODE": "token",
    "RAY_AUTH_TOKEN": secrets.token_hex(32),  # this session's processes only
    "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
    "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
    "no_proxy": "127.0.0.1,localhost,::1", "NO_PROXY": "127.0.0.1,localhost,::1",
}


def ray_environment(home: Path) -> dict[str, str]:
    """This process's environment with :data:`RAY_ENV`, ``home`` (with the bootstrap file)
    and the test engine package on ``PYTHONPATH`` (Ray workers build engines by name)."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "ray_bootstrap_config.yaml").write_text("{}\n", encoding="utf-8")
    path = os.pathsep.join(p for p in (str(ENGINES), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, **RAY_ENV, "HOME": str(home), "PYTHONPATH": path}


def short_temp(prefix: str) -> Path:
    """A folder in /tmp: Ray's socket paths inside it must stay under 108 bytes."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))


def assert_loopback_only(processes: Iterable[psutil.Process]) -> int:
    """Every internet socket of ``processes`` is on loopback addresses; how many there were."""
    count = 0
    for process in processes:
        try:
            connections = process.net_connections(kind="inet")
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        for conn in connections:
            for address in (conn.laddr, conn.raddr):
                if address:
                    assert _loopback(address.ip), (process, conn)
            count += 1
    return count


def _loopback(ip: str) -> bool:
    address = ipaddress.ip_address(ip)
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def kill_all(processes: Iterable[psutil.Process]) -> None:
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()


def session_processes(leader: int) -> list[psutil.Process]:
    """Every live process of the session ``leader`` started (Ray's workers change their
    process group, not their session)."""
    found = []
    for process in psutil.process_iter():
        try:
            if os.getsid(process.pid) == leader and process.pid != leader:
                found.append(process)
        except (ProcessLookupError, PermissionError):
            continue
    return found


def ray_processes() -> list[psutil.Process]:
    """The processes of the Ray instance this process started (its children)."""
    return psutil.Process().children(recursive=True)


@pytest.fixture(scope="session")
def ray_instance(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A real local Ray instance in this process (``ray.init(num_cpus=2)``)."""
    env = ray_environment(tmp_path_factory.getbasetemp() / "home")
    saved = dict(os.environ)
    os.environ.update({k: env[k] for k in (*RAY_ENV, "HOME", "PYTHONPATH")})
    import ray

    temp = short_temp("l10nray")
    ray.init(num_cpus=2, include_dashboard=False, _temp_dir=str(temp),
             object_store_memory=256 << 20, logging_level="WARNING", log_to_driver=False)
    for key in ("HOME", "PYTHONPATH"):  # Ray's processes have them; other tests must not
        if key in saved:
            os.environ[key] = saved[key]
        else:
            os.environ.pop(key, None)
    try:
        yield
    finally:
        processes = ray_processes()
        ray.shutdown()
        gone, alive = psutil.wait_procs(processes, timeout=10)
        kill_all(alive)
        os.environ.clear()
        os.environ.update(saved)
        shutil.rmtree(temp, ignore_errors=True)


@pytest.fixture()
def minimal_engine(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test engine package on this process's path (Ray's workers have it already)."""
    monkeypatch.syspath_prepend(str(ENGINES))
    return ENGINES


class Cluster:
    """A ``ray start --head`` cluster: its address, environment and processes."""

    def __init__(self, address: str, env: dict[str, str], leader: subprocess.Popen[str]) -> None:
        self.address, self.env, self.leader = address, env, leader

    def processes(self) -> list[psutil.Process]:
        return [psutil.Process(self.leader.pid), *session_processes(self.leader.pid)]


@pytest.fixture(scope="session")
def ray_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """``ray start --head --num-cpus 2`` as separate processes, stopped at the end by
    SIGTERM to its leader (then whatever is left of its session, killed)."""
    env = ray_environment(tmp_path_factory.getbasetemp() / "cluster-home")
    with socket.socket() as probe:  # bind is not guarded: a free loopback port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    temp = short_temp("l10nrc")
    command = [
        str(Path(sys.executable).with_name("ray")), "start", "--head", "--block",
        "--num-cpus", "2", "--node-ip-address", "127.0.0.1", "--port", str(port),
        "--temp-dir", str(temp), "--include-dashboard", "false", "--disable-usage-stats",
        "--object-store-memory", str(256 << 20),
    ]
    log = temp / "start.log"
    with log.open("w") as out:
        leader = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while "Ray runtime started" not in log.read_text(errors="replace"):
            if leader.poll() is not None or time.monotonic() > deadline:
                pytest.fail("ray start --head did not start:\n" + log.read_text()[-3000:])
            time.sleep(0.2)
        yield Cluster(f"127.0.0.1:{port}", env, leader)
    finally:
        leftovers = session_processes(leader.pid)
        leader.send_signal(signal.SIGTERM)
        try:
            leader.wait(timeout=30)
        except subprocess.TimeoutExpired:
            leader.kill()
            leader.wait()
        gone, alive = psutil.wait_procs(leftovers + session_processes(leader.pid), timeout=5)
        kill_all(alive)
        shutil.rmtree(temp, ignore_errors=True)
