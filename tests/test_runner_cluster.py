"""``l10n translate --runner ray`` as a user runs it: the CLI against a cluster started as
separate processes (``ray start --head``, then ``--address``) with a worker killed
mid-run, and the driver itself killed mid-run on its own local Ray instance, then run
again. Every Ray process is checked to use loopback addresses only."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from l10n.config import load_settings
from l10n.workflow.translate import translate
from tests.fixtures_ray import (
    Cluster,
    assert_loopback_only,
    kill_all,
    ray_environment,
    session_processes,
    short_temp,
)
from tests.ray_helpers import catalogs, make_project, pids, translated

pytestmark = pytest.mark.slow
COMMAND = [sys.executable, "-m", "l10n", "translate", "--runner", "ray"]


def _wait_for(condition: object, run: subprocess.Popen[bytes], log: Path,
              timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert run.poll() is None, log.read_text("utf-8")
        assert time.monotonic() < deadline, log.read_text("utf-8")
        time.sleep(0.05)


def test_cli_on_a_cluster_survives_a_killed_worker(
    ray_cluster: Cluster, tmp_path: Path, shared_models_dir: Path
) -> None:
    # batches of one sentence: the copy model takes seconds, time to kill a worker
    config = "[engines.argos]\nbatch_size = 1\n"
    local = make_project(tmp_path / "local", articles=8, sentences=30, models=shared_models_dir)
    remote = make_project(tmp_path / "ray", articles=8, sentences=30, models=shared_models_dir,
                          config=config)
    expected = translate(load_settings(cwd=local))
    log, out = tmp_path / "stderr.txt", tmp_path / "stdout.txt"
    with log.open("wb") as stderr, out.open("wb") as stdout:
        run = subprocess.Popen([*COMMAND, "--address", ray_cluster.address, "--json"],
                               cwd=remote, env=ray_cluster.env, stdout=stdout, stderr=stderr)
    try:
        _wait_for(lambda: "pids" in log.read_text("utf-8"), run, log)
        _wait_for(lambda: translated(remote)[0] > 0, run, log)
        victim = pids(log.read_text("utf-8").splitlines())[0]
        os.kill(victim, signal.SIGKILL)
        assert run.wait(timeout=300) == 0, log.read_text("utf-8")
    finally:
        if run.poll() is None:
            run.kill()
    notes = log.read_text("utf-8")
    assert f"cluster at {ray_cluster.address}" in notes and "models from the shared folder" in notes
    assert victim not in [p.pid for p in ray_cluster.processes()]
    assert catalogs(remote) == catalogs(local)
    report = json.loads(out.read_text("utf-8"))  # stdout holds the report alone
    assert report["languages"]["ko"]["machine"] == expected.languages["ko"].machine
    assert assert_loopback_only(ray_cluster.processes()) > 5


def test_driver_killed_mid_run_then_the_rerun_does_the_rest(
    tmp_path: Path, minimal_engine: Path
) -> None:
    """The driver starts its own local Ray instance (no address), is SIGKILLed while
    batches are out, and leaves every catalog valid; the re-run translates the rest."""
    # 12 articles of 1 s each on 2 workers: seconds left to kill it in after the first
    # catalog is written, even on a loaded machine (with 8 of 0.5 s, a run under load
    # could finish between the poll that saw the first catalog and the kill)
    project = make_project(tmp_path / "p", articles=12, sentences=40,
                           config='[engines.minimal]\ndelay = 1.0\n')
    temp = short_temp("l10nt")  # l10n's Ray folder goes here (TMPDIR): removed below
    env = {**ray_environment(tmp_path / "home"), "TMPDIR": str(temp)}
    command = [*COMMAND, "--engine", "minimal"]
    log = tmp_path / "stderr.txt"
    try:
        with log.open("wb") as stderr:
            run = subprocess.Popen(command, cwd=project, env=env, stderr=stderr,
                                   stdout=subprocess.DEVNULL, start_new_session=True)
        _wait_for(lambda: translated(project)[0] > 0, run, log)
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        _sweep(run.pid)
        done, total = translated(project)  # every catalog parses
        assert 0 < done < total, "the kill must land mid-run"
        again = subprocess.run([*command, "--json"], cwd=project, env=env, capture_output=True,
                               text=True, timeout=300, start_new_session=True, check=False)
        assert again.returncode == 0, again.stderr
        report = json.loads(again.stdout)
        filled = sum(item["machine"] for item in report["languages"].values())
        assert filled == total - done  # only what was missing
        assert translated(project) == (total, total)
        assert "local Ray instance" in again.stderr
        # the killed run's Ray folder is left (nothing ran to remove it); the re-run's is gone
        assert len(list(temp.glob("l10n-ray-*"))) == 1
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _sweep(leader: int) -> None:
    """What a SIGKILLed driver leaves of its Ray instance (helpers live on for a while)."""
    left = session_processes(leader)
    kill_all(left)
    psutil.wait_procs(left, timeout=10)
