"""The ``ray`` runner: engine replicas as Ray actors, on a cluster or a local Ray instance.

* ``address`` unset: a local Ray instance of this machine's cores, kept to the loopback
  interface (node address 127.0.0.1), without usage statistics, its token generated
  for this run only, its files in a temporary folder removed at the end. Otherwise
  ``ray.init(address)`` joins an existing cluster (``auto``, ``HOST:PORT``,
  ``ray://HOST:10001``).
* ``workers`` actors (default: every CPU of the cluster, ``cpus_per_worker`` each; with
  ``gpus_per_worker``, that many GPUs each) each build the engine from its name and
  options and load its model once. An engine that takes ``threads`` runs
  ``cpus_per_worker`` threads; one that takes ``device`` runs on ``cuda`` with GPUs.
* Models: a worker reads the configured models folder when the cluster shares it (every
  node is this machine, or ``models = "shared"``); otherwise (or ``models = "ship"``)
  the packages the run needs are shipped once through the object store and installed
  on each node (:mod:`l10n.runners.models`). The run's progress output says which.
* Requests go to the least loaded actor, :data:`PER_WORKER` in flight each (one
  running, one queued, so no worker waits for the driver), and come back as they
  finish. A worker that dies is restarted (:data:`MAX_RESTARTS`) and its requests are
  retried (:data:`TASK_RETRIES`); past that the run stops with one EngineError (exit 3)
  and every catalog already written stays as it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from l10n.config import RunnerSettings
from l10n.engines import accepts_option
from l10n.engines.argos import available_cores
from l10n.errors import EngineError, L10nError
from l10n.runners.base import BatchRequest, BatchResult, EngineSpec, Notice
from l10n.runners.models import pack_models, route_folders
from l10n.runners.worker import EngineWorker

RAY_BATCH = 256  # texts per request: sorted by length on the worker, little padding
PER_WORKER = 2
MAX_RESTARTS = 3
TASK_RETRIES = 2
READY_TIMEOUT = 300.0  # seconds for every worker to start (a cluster may be scaling up)
LOCAL_OBJECT_STORE = 256 << 20
QUIET = {"RAY_USAGE_STATS_ENABLED": "0"}  # l10n never sends Ray's usage statistics
LOOPBACK = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}  # what keeps the node on 127.0.0.1
# Ray's client keeps the first token it read: a later local instance in this process must
# get the same one, so the token stays set once made
KEEP = ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN")


def is_loopback(address: str | None) -> bool:
    host = (address or "").removeprefix("ray://").rsplit(":", 1)[0].strip("[]")
    return host in ("127.0.0.1", "localhost", "::1")


class RayRunner:
    """See the module docstring. ``pairs[i]``: the language pairs spec ``i`` serves."""

    name = "ray"
    batch = RAY_BATCH

    def __init__(
        self,
        specs: Sequence[EngineSpec],
        settings: RunnerSettings,
        pairs: Sequence[Sequence[tuple[str, str]]],
    ) -> None:
        self.specs, self.settings, self.pairs = list(specs), settings, pairs
        self.workers = settings.workers or max(1, available_cores() // settings.cpus_per_worker)
        self.actors: list[Any] = []
        self.pids: list[int] = []
        self.startup_seconds = 0.0  # start(): wall clock, and this thread's CPU time
        self.startup_cpu = 0.0
        self.worker_seconds = 0.0  # engine time in the workers, summed
        self.texts = 0  # texts answered
        self._load: list[int] = []
        self._refs: dict[Any, tuple[int, BatchRequest]] = {}
        self._env: list[str] = []  # variables set here, removed by close()
        self._temp: str | None = None
        self._owns = False
        self._package: Any = None
        self._ray: Any = None

    @property
    def capacity(self) -> int:
        return PER_WORKER * self.workers

    @property
    def in_flight(self) -> int:
        return len(self._refs)

    @property
    def window(self) -> int:
        """What fills every worker's slots, and as much again pooled while they run."""
        return 2 * self.batch * self.capacity

    # ------------------------------------------------------------ start
    def start(self, notice: Notice | None) -> None:
        started, cpu = time.perf_counter(), time.thread_time()
        self._environment()  # before the import: Ray reads some of it then
        import ray

        self._ray = ray
        where = self._connect(ray)
        shipped = self._ship_models(ray)
        self.workers = self.settings.workers or self._cluster_workers(ray)
        remote = ray.remote(EngineWorker).options(
            num_cpus=self.settings.cpus_per_worker, num_gpus=self.settings.gpus_per_worker,
            max_restarts=MAX_RESTARTS, max_task_retries=TASK_RETRIES,
        )
        specs = [self._worker_spec(spec) for spec in self.specs]
        run = uuid.uuid4().hex[:12]
        self.actors = [remote.remote(specs, self._package, run) for _ in range(self.workers)]
        self._load = [0] * self.workers
        try:
            infos = ray.get([a.info.remote() for a in self.actors], timeout=READY_TIMEOUT)
        except ray.exceptions.GetTimeoutError:
            raise EngineError(
                f"{self.workers} Ray workers did not start within {READY_TIMEOUT:.0f} s",
                hint=f"the cluster has {_free(ray)}; lower [runner] workers "
                "or cpus_per_worker/gpus_per_worker",
            ) from None
        except ray.exceptions.RayError as exc:
            raise EngineError(f"the Ray workers could not start: {_first_line(exc)}") from None
        self.pids = [int(i["pid"]) for i in infos]
        self.startup_seconds = time.perf_counter() - started
        self.startup_cpu = time.thread_time() - cpu
        if notice:
            hosts = sorted({str(i["host"]) for i in infos})
            gpu = self.settings.gpus_per_worker
            gpus = f", {gpu:g} GPU" if gpu else ""
            notice(f"ray: {self.workers} workers ({self.settings.cpus_per_worker} CPU{gpus} each;"
                   f" pids {', '.join(map(str, self.pids))}) on {len(hosts)} node(s), {where};"
                   f" started in {self.startup_seconds:.1f} s")
            notice(f"ray: models {shipped}")

    def _environment(self) -> None:
        address = self.settings.address
        self._set_env(QUIET)
        if address is None or is_loopback(address):
            self._set_env(LOOPBACK)
        if address is None and "RAY_AUTH_MODE" not in os.environ:  # a token only we know
            self._set_env({"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)})

    def _connect(self, ray: Any) -> str:
        address = self.settings.address
        if ray.is_initialized():
            return "the Ray instance this process runs"
        options: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
        if address is None:
            self._temp = tempfile.mkdtemp(prefix="l10n-ray-")  # short: socket paths < 108 B
            options.update(num_cpus=available_cores(), include_dashboard=False,
                           _temp_dir=self._temp, object_store_memory=self._store_size())
        else:
            options["address"] = address
        try:
            ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = f"connect to the Ray cluster at {address}" if address else (
                "start a local Ray instance")
            raise EngineError(
                f"cannot {where}: {_first_line(exc)}",
                hint="start one with `ray start --head`, or leave [runner] address out to "
                "start a local Ray instance",
            ) from None
        self._owns = True
        return f"cluster at {address}" if address else "local Ray instance"

    def _store_size(self) -> int:
        if self.settings.models != "ship":
            return LOCAL_OBJECT_STORE
        folders = {p for spec, pairs in zip(self.specs, self.pairs, strict=True)
                   if "models_dir" in spec.options
                   for p in route_folders(Path(spec.options["models_dir"]), pairs)}
        return LOCAL_OBJECT_STORE + 2 * sum(f.stat().st_size for d in folders
                                            for f in d.rglob("*") if f.is_file())

    def _cluster_workers(self, ray: Any) -> int:
        resources = ray.cluster_resources()
        count = int(resources.get("CPU", 1) // self.settings.cpus_per_worker)
        if self.settings.gpus_per_worker:
            count = min(count, int(resources.get("GPU", 0) // self.settings.gpus_per_worker))
        return max(1, count)

    def _ship_models(self, ray: Any) -> str:
        """Decide where workers find model files; ship them when they must (see above)."""
        folders = [(Path(s.options["models_dir"]), pairs)
                   for s, pairs in zip(self.specs, self.pairs, strict=True)
                   if "models_dir" in s.options]
        if not folders:
            return "not needed (the engine reads no models folder)"
        mode = self.settings.models
        if mode == "auto":
            here = ray.util.get_node_ip_address()
            nodes = [n for n in ray.nodes() if n.get("Alive")]
            mode = "shared" if all(n.get("NodeManagerAddress") == here for n in nodes) else "ship"
        if mode == "shared":
            return "from the shared folder " + ", ".join(sorted({str(f) for f, _ in folders}))
        packages = [p for folder, pairs in folders for p in pack_models(folder, pairs)]
        self._package = ray.put(packages)  # kept alive: a restarted worker reads it again
        size = sum(map(len, packages)) / 1e6
        return (f"shipped through the object store: {len(packages)} package(s), {size:.0f} MB,"
                " installed on each node")

    def _worker_spec(self, spec: EngineSpec) -> EngineSpec:
        """The spec with what a worker changes: its threads, its device."""
        options = dict(spec.options)
        if "threads" not in options and accepts_option(spec.name, "threads"):
            options["threads"] = self.settings.cpus_per_worker
        if (self.settings.gpus_per_worker and "device" not in options
                and accepts_option(spec.name, "device")):
            options["device"] = "cuda"
        return EngineSpec(spec.name, options)

    def _set_env(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            if key not in os.environ:
                self._env.append(key)
                os.environ[key] = value

    # ------------------------------------------------------------ requests
    def submit(self, request: BatchRequest) -> None:
        index = min(range(len(self.actors)), key=self._load.__getitem__)
        ref = self.actors[index].run_request.remote(request)
        self._refs[ref] = (index, request)
        self._load[index] += 1

    def next_result(self, progress: Callable[[BatchRequest, int], None] | None) -> BatchResult:
        ray = self._ray
        [ref], _ = ray.wait(list(self._refs), num_returns=1)
        index, request = self._refs.pop(ref)
        self._load[index] -= 1
        try:
            result: BatchResult = ray.get(ref)
        except ray.exceptions.RayActorError as exc:
            raise EngineError(
                f"a Ray worker died {TASK_RETRIES + 1} times running a batch of "
                f"{len(request.texts)} texts ({request.source} -> {request.target}): "
                f"{_first_line(exc)}",
                hint="the worker was killed or crashed (out of memory?); a batch that kills "
                "its worker every time points at the engine or its model",
            ) from None
        except ray.exceptions.RayTaskError as exc:
            cause = exc.cause if isinstance(exc.cause, BaseException) else None
            if isinstance(cause, L10nError):
                raise cause from None
            raise EngineError(f"the engine failed on a Ray worker: {_first_line(exc)}") from None
        self.worker_seconds += result.seconds
        self.texts += len(request.texts)
        if progress and result.error is None:
            progress(request, len(request.texts))
        return result

    # ------------------------------------------------------------ stop
    def close(self) -> None:
        ray, actors = self._ray, self.actors
        self.actors, self._refs = [], {}
        if ray is not None and actors:
            if self._package is not None:
                # a dead worker's node keeps its copy in its temp folder
                with contextlib.suppress(ray.exceptions.RayError):
                    ray.get([a.cleanup.remote() for a in actors], timeout=30)
            for actor in actors:
                ray.kill(actor)
        self._package = None
        if ray is not None and self._owns:
            ray.shutdown()
            self._owns = False
        if self._temp:
            shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None
        for key in self._env:
            if key not in KEEP:
                os.environ.pop(key, None)
        self._env = []


def _free(ray: Any) -> str:
    free: dict[str, float] = ray.available_resources()
    return ", ".join(f"{free.get(k, 0):g} {k}" for k in ("CPU", "GPU")) + " free"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
