"""The ray runner on a real local Ray instance (this process, ``ray.init(num_cpus=2)``):
the same catalogs as the local runner, models shipped, a third-party engine on the
workers, a killed worker, workers that keep dying, and nothing but loopback traffic."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import psutil
import pytest

from l10n.config import load_settings
from l10n.errors import EngineError
from l10n.workflow.translate import translate
from tests.fixtures_ray import assert_loopback_only, ray_processes
from tests.ray_helpers import catalogs, make_project, pids, summary, translated

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("ray_instance")]


@pytest.mark.parametrize("engine", ["pseudo", "argos"])
def test_ray_runner_writes_the_catalogs_the_local_runner_writes(
    engine: str, tmp_path: Path, shared_models_dir: Path
) -> None:
    local = make_project(tmp_path / "local", models=shared_models_dir)
    remote = make_project(tmp_path / "ray", models=shared_models_dir)
    by_local = translate(load_settings(cwd=local), engine_name=engine)
    notices: list[str] = []
    by_ray = translate(load_settings(cwd=remote), engine_name=engine, runner="ray",
                       notice=notices.append)
    assert len(catalogs(local)) == 2 * 7
    assert catalogs(remote) == catalogs(local)
    assert summary(by_ray) == summary(by_local)
    assert by_ray.languages["ko"].machine == by_local.languages["ko"].machine > 7 * 12
    assert "ray: 2 workers (1 CPU each" in notices[0]
    expected = "shared folder" if engine == "argos" else "not needed"
    assert expected in notices[1]


def test_models_are_shipped_to_workers_when_asked(
    tmp_path: Path, shared_models_dir: Path
) -> None:
    local = make_project(tmp_path / "local", models=shared_models_dir, articles=2)
    remote = make_project(tmp_path / "ray", models=shared_models_dir, articles=2,
                          config='[runner]\nname = "ray"\nmodels = "ship"\n')
    before = set(Path("/tmp").glob("l10n-models-*"))
    translate(load_settings(cwd=local))
    notices: list[str] = []
    translate(load_settings(cwd=remote), notice=notices.append)
    assert catalogs(remote) == catalogs(local)
    assert "shipped through the object store: 2 package(s)" in notices[1]  # en-ko, en-es
    assert set(Path("/tmp").glob("l10n-models-*")) == before  # each node's copy removed


def test_a_third_party_engine_runs_on_the_workers(
    tmp_path: Path, minimal_engine: Path
) -> None:
    project = make_project(tmp_path / "p", articles=2, sentences=4)
    report = translate(load_settings(cwd=project), engine_name="minimal", runner="ray")
    assert report.languages["es"].machine == report.languages["ko"].machine > 8
    text = (project / "locales" / "ko" / "story-000.po").read_text("utf-8")
    assert "engine=minimal score=-1.0000" in text and "model=l10n-test-engines 1.0" in text
    assert 'msgstr "STORY NUMBER 0"' in text


def test_a_worker_killed_mid_run_is_replaced_and_the_run_completes(
    tmp_path: Path, minimal_engine: Path
) -> None:
    slow = '[engines.minimal]\ndelay = 1.0\n'  # a batch takes a second: time to kill
    local = make_project(tmp_path / "local", articles=6, sentences=50)
    remote = make_project(tmp_path / "ray", articles=6, sentences=50, config=slow)
    translate(load_settings(cwd=local), engine_name="minimal")
    notices: list[str] = []
    killed: list[int] = []

    def kill_once(lang: str, done: int, total: int) -> None:
        if done and not killed:  # the first batch is back: the others are in flight
            killed.append(pids(notices)[0])
            os.kill(killed[0], signal.SIGKILL)

    translate(load_settings(cwd=remote), engine_name="minimal", runner="ray",
              notice=notices.append, progress=kill_once)
    assert killed and not psutil.pid_exists(killed[0])
    assert catalogs(remote) == catalogs(local)


def test_workers_that_keep_dying_stop_the_run_and_keep_what_was_written(
    tmp_path: Path, minimal_engine: Path
) -> None:
    project = make_project(tmp_path / "p", articles=8, sentences=80, poison="POISON pill.",
                           config='[engines.minimal]\ncrash_on = "POISON"\n')
    with pytest.raises(EngineError) as caught:
        translate(load_settings(cwd=project), engine_name="minimal", runner="ray")
    assert caught.value.exit_code == 3
    assert "a Ray worker died 3 times running a batch" in caught.value.message
    done, total = translated(project)  # every catalog parses
    assert 0 < done < total
    poisoned = (project / "locales" / "ko" / "story-007.po").read_text("utf-8")
    assert 'msgid "POISON pill."\nmsgstr ""' in poisoned


def test_ray_processes_talk_over_loopback_only(tmp_path: Path) -> None:
    import ray

    project = make_project(tmp_path / "p", articles=1, sentences=3)
    translate(load_settings(cwd=project), engine_name="pseudo", runner="ray")
    assert {node["NodeManagerAddress"] for node in ray.nodes()} == {"127.0.0.1"}
    assert assert_loopback_only(ray_processes()) > 5  # gcs, raylet, workers: all checked


def test_the_runner_benchmark_measures_real_work(tmp_path: Path, shared_models_dir: Path) -> None:
    from benchmarks import runners, workload

    articles = workload.rotating_articles(workload.load_sentences(), 4, 10)
    figures = {}
    for name in ("local", "ray"):
        project = workload.make_project(tmp_path / name, articles, shared_models_dir)
        figures[name] = runners.run_once(project, name)
        assert figures[name]["copied"] == figures[name]["sentences"] == 40  # output = input
    ray_run = figures["ray"]
    assert ray_run["workers"] == 2 and ray_run["worker_seconds"] > 0
    assert 0 < ray_run["driver_cpu"] < ray_run["seconds"]
    summary = runners.summarize([figures["local"]], [ray_run])
    assert summary["cluster_estimate"][2] <= 2 * summary["per_worker_per_second"]
    assert summary["cluster_estimate"][512] <= summary["driver_limit_per_second"]
