"""Runners without Ray: the stream that pools texts into requests (a property test with
a runner that finishes requests in any order, as Ray does), the ``[runner]`` table and
``--runner``/``--address``, and Ray imported only when the ray runner is chosen."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.config import RunnerSettings, load_settings
from l10n.engines import run_batch
from l10n.engines.pseudo import PseudoEngine, pseudo_localize
from l10n.errors import ConfigError, UsageError
from l10n.model import Hypothesis
from l10n.runners import BatchRequest, BatchResult, Key, Stream
from l10n.workflow.translate import translate
from tests.cli_helpers import run_l10n


class ShuffledRunner:
    """The pseudo engine behind requests that finish in a random order."""

    name = "shuffled"

    def __init__(self, batch: int, capacity: int, seed: int) -> None:
        self.batch, self._capacity, self.rng = batch, capacity, random.Random(seed)
        self.flight: list[BatchRequest] = []
        self.requests: list[BatchRequest] = []
        self.starts = 0

    @property
    def capacity(self) -> int:
        return self._capacity

    @property
    def in_flight(self) -> int:
        return len(self.flight)

    @property
    def window(self) -> int:
        return self.batch * self._capacity

    def start(self, notice: object) -> None:
        self.starts += 1

    def submit(self, request: BatchRequest) -> None:
        assert self.starts == 1 and len(self.flight) < self._capacity
        self.flight.append(request)
        self.requests.append(request)

    def next_result(self, progress: Callable[[BatchRequest, int], None] | None) -> BatchResult:
        request = self.flight.pop(self.rng.randrange(len(self.flight)))
        out = run_batch(PseudoEngine(), request.texts, request.source, request.target, 1)
        return BatchResult(request.id, out)

    def close(self) -> None:
        self.flight.clear()


KEYS = [Key(0, "en", "ko", 1), Key(0, "en", "ko", 4), Key(0, "en", "es", 4), Key(1, "en", "ko", 1)]


@settings(max_examples=60, deadline=None)
@given(
    plan=st.lists(st.tuples(st.integers(0, len(KEYS) - 1), st.booleans()), max_size=120),
    batch=st.integers(1, 9),
    capacity=st.integers(1, 4),
    window=st.integers(1, 30),
    seed=st.integers(0, 1000),
)
def test_every_text_is_answered_once_in_requests_of_one_key_within_the_window(
    plan: list[tuple[int, bool]], batch: int, capacity: int, window: int, seed: int
) -> None:
    """Texts put as catalogs arrive, some asking a second round from their callback, as
    enforcement does; the driver throttles after each put, then drains."""
    runner = ShuffledRunner(batch, capacity, seed)
    stream = Stream(runner, window=window)
    answers: dict[str, list[str]] = {}
    key_of: dict[str, Key] = {}

    def put(text: str, key: Key, again: bool) -> None:
        key_of[text] = key

        def deliver(hypotheses: list[Hypothesis]) -> None:
            answers.setdefault(text, []).append(hypotheses[0].text)
            if again:
                put(text + " again", KEYS[1], False)

        stream.put(key, text, deliver)

    for number, (key, again) in enumerate(plan):
        put(f"text {number}", KEYS[key], again)
        stream.throttle()
        assert stream.outstanding < window
    stream.drain()
    expected = {f"text {n}" for n in range(len(plan))}
    expected |= {f"text {n} again" for n, (_, again) in enumerate(plan) if again}
    assert answers == {text: [pseudo_localize(text)] for text in expected}
    assert stream.outstanding == 0 and stream.peak <= window
    assert runner.starts == (1 if plan else 0)  # nothing to translate: nothing started
    for request in runner.requests:
        assert 1 <= len(request.texts) <= batch
        assert {key_of[text] for text in request.texts} == {
            Key(request.engine, request.source, request.target, request.n_best)}


def test_a_rare_key_is_not_kept_waiting_while_a_busy_one_fills() -> None:
    """A second round's texts are few (a key of their own): they are sent by the next
    waits, not held (with the catalogs their callbacks hold) until their pool fills."""
    runner = ShuffledRunner(batch=4, capacity=1, seed=0)
    stream = Stream(runner, window=4)
    answered: list[str] = []

    def put(key: Key, text: str) -> None:
        stream.put(key, text, lambda hypotheses: answered.append(text))

    put(KEYS[1], "rare")
    for number in range(40):
        put(KEYS[0], f"busy {number}")
        stream.throttle()
        if "rare" in answered:
            break
    assert "rare" in answered and number < 8, number
    stream.drain()


def _config(tmp_path: Path, text: str) -> Path:
    (tmp_path / "l10n.toml").write_text(f'targets = ["ko"]\n\n[runner]\n{text}', "utf-8")
    return tmp_path


def test_runner_table_is_read() -> None:
    assert RunnerSettings() == RunnerSettings("local", None, None, 1, 0.0, "auto")


def test_runner_table_values(tmp_path: Path) -> None:
    text = ('name = "ray"\naddress = "ray://head:10001"\nworkers = 8\ncpus_per_worker = 2\n'
            'gpus_per_worker = 1\nmodels = "ship"\n')
    runner = load_settings(cwd=_config(tmp_path, text)).runner
    assert runner == RunnerSettings("ray", "ray://head:10001", 8, 2, 1.0, "ship")
    assert runner.choose(address="auto").address == "auto"
    assert runner.choose("local").name == "local"


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ('name = "spark"\n', 4, "[runner] name must be one of local, ray"),
        ('name = "ray"\nworkers = 0\n', 5, "workers must be a positive integer"),
        ("cpus_per_worker = 1.5\n", 4, "cpus_per_worker must be a positive integer"),
        ("gpus_per_worker = -1\n", 4, "gpus_per_worker must be a number, 0 or more"),
        ('models = "nfs"\n', 4, "models must be one of auto, shared, ship"),
        ('address = ""\n', 4, "address must be a non-empty string"),
        ("threads = 4\n", 4, "unknown key in [runner]"),
    ],
)
def test_a_bad_runner_table_names_file_line_and_key(
    tmp_path: Path, text: str, line: int, needle: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(cwd=_config(tmp_path, text))
    assert f"l10n.toml:{line}:" in str(caught.value) and needle in str(caught.value)


def test_cli_refuses_an_unknown_runner_and_an_address_without_ray(project: Path) -> None:
    done = run_l10n("translate", "--engine", "pseudo", "--runner", "spark", cwd=project)
    assert done.returncode == 2 and "unknown runner 'spark'" in done.stderr
    done = run_l10n("translate", "--engine", "pseudo", "--address", "auto", cwd=project)
    assert done.returncode == 2 and "--address is for the ray runner" in done.stderr
    assert not (project / "locales").exists()
    with pytest.raises(UsageError):
        RunnerSettings().choose(address="auto")


def test_the_ray_runner_without_ray_installed_is_one_line_and_nothing_written(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "ray" else real(name, *a))
    with pytest.raises(UsageError) as caught:
        translate(load_settings(cwd=project), engine_name="pseudo", runner="ray")
    assert caught.value.hint == "pip install 'l10n[ray]'"
    assert not (project / "locales").exists()


def test_ray_is_imported_only_for_the_ray_runner(project: Path) -> None:
    code = ("import sys; from l10n.config import load_settings;"
            "from l10n.workflow.translate import translate;"
            "translate(load_settings(), engine_name='pseudo'); print('ray' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "False"
