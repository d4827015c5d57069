"""Batch experiments: many seeded runs of policies × scenarios × parameter points.

The design is the full product of scenario files, parameter points (a sweep or
a Latin hypercube, see :mod:`~simulator.analysis.design`), policies and seeds.
Run *i* of every policy and point uses the same seed, ``seed + i`` (common
random numbers), so differences between policies are theirs, not luck's.

Runs go to a local process pool (``jobs`` workers) or to a Dask cluster; each
run is a pure function of its scenario, policy and seed, so the tables are the
same bit for bit whichever runs them, in whatever order they finish. Every
finished run is appended to the folder's journal at once (see
:mod:`~simulator.analysis.store`); rerunning the same batch into the same
folder skips the runs already there, so an interrupted batch (Ctrl-C, a
crash, a lost cluster) resumes where it stopped and no run is done twice. A
run that raises is recorded as failed with its error; a worker process that
dies is replaced, and the run that killed it (found by rerunning the suspects
one at a time) is recorded as failed too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..core.rng import SEEDS
from ..files import InputError
from ..policies.plugins import source_fingerprint
from ..saves import fingerprint as content_fingerprint
from .cluster import run_on_cluster
from .design import Point, build, label
from .folder import before_first_manifest, folder_lock
from .pool import LocalPool
from .runs import MOST_RUNS, Task, Variants, progress_bar, row_head, workers
from .stopping import Stopper
from .store import (
    JOURNAL,
    MANIFEST,
    Journal,
    StoreError,
    Tables,
    atomic_write,
    manifest_problem,
    read_manifest,
    table_format,
)
from .timeouts import DEFAULT_TIMEOUT, timeout_problem

DASK_CONNECT_TIMEOUT = "20s"  # how long to keep trying a scheduler's address
DASK_ANSWER_SECONDS = 10.0  # and then how long its handshake may take at most
# how often the tables are written while running (at least: never more than a tenth of
# the time; the journal holds every finished run the moment it ends, and writing the
# tables takes the command's process away from its workers)
CHECKPOINT_SECONDS = 30.0


@dataclass
class Outcome:
    """What a batch did: how many runs it found done (``failed_before`` of them recorded
    as failed by an earlier go), ran, and lost to errors now (``failed``)."""

    total: int
    skipped: int = 0
    executed: int = 0
    failed: int = 0
    failed_before: int = 0
    interrupted: bool = False
    folder: Path = field(default_factory=Path)
    seconds: float = 0.0
    # runs in the folder's journal played on other content (the scenario edited since,
    # or other sweep values): kept there, not reused
    other_content: int = 0
    # and runs of a policy file edited since (the same name, another source)
    other_source: int = 0


def _policy_key(policy: str) -> str:
    """A policy as a run's key names it: its name, and a policy file's source digest."""
    digest = source_fingerprint(policy)
    return f"{policy}@{digest}" if digest else policy


class BatchError(ValueError):
    """A batch that cannot start: bad arguments, or a folder holding another batch."""


def too_many(planned: int) -> str | None:
    """Why a batch of ``planned`` runs is refused (None: it is not). The count is the
    product of the design's sizes, so it can be told before the design is built (a
    sweep of three fields of a thousand values each is a billion points)."""
    if planned <= MOST_RUNS:
        return None
    return (
        f"{planned:,} runs in one batch; at most {MOST_RUNS:,} (at ~1,000 a minute "
        "on two cores that is most of a day)"
    )


# ----------------------------------------------------------------- the run itself
# ----------------------------------------------------------------- the batch
def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in ("salesim", "numpy", "simpy", "pydantic", "scipy", "pyarrow", "dask", "distributed"):
        with contextlib.suppress(PackageNotFoundError):
            out[pkg] = version(pkg)
    return out


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dask_client(client: Callable[..., Any], address: str) -> Any:
    """A Dask client connected to the scheduler at ``address``, or a BatchError in words.

    Dask's own time limit covers reaching the address, not what answers there: a server
    that accepts the connection and never speaks held the command forever, and one that
    speaks another protocol (HTTP) ended it in a traceback ("Unable to allocate 3.07
    EiB", the first bytes of its answer read as a length). So the connection is made in
    a thread of its own, waited for at most a little longer than Dask's limit; what it
    raises is told in words, another protocol's bytes as such (what else failed is
    named, as no guess would be right)."""
    from dask.utils import parse_timedelta

    limit = float(parse_timedelta(DASK_CONNECT_TIMEOUT)) + DASK_ANSWER_SECONDS
    box: dict[str, Any] = {}

    def connect() -> None:
        try:
            box["client"] = client(address, timeout=DASK_CONNECT_TIMEOUT)
        except BaseException as e:
            box["error"] = e

    thread = threading.Thread(target=connect, name="salesim-dask-connect", daemon=True)
    thread.start()
    thread.join(limit)
    if thread.is_alive():
        raise BatchError(
            f"--dask {address}: no answer within {limit:g} s; is a Dask scheduler listening "
            "there? (start one with: dask scheduler; it listens on port 8786)"
        )
    e = box.get("error")
    if e is None:
        return box["client"]
    if isinstance(e, OSError | TimeoutError):
        raise BatchError(f"cannot reach the Dask scheduler at {address}: {e}")
    if isinstance(e, ValueError):  # not an address at all ("missing port number in address")
        raise BatchError(f"--dask {address!r} is not a scheduler's address (tcp://host:port): {e}")
    if not isinstance(e, Exception):
        raise e  # Ctrl-C and the like
    if isinstance(e, MemoryError):
        # another protocol's first bytes read as Dask's (an HTTP answer's as a length)
        raise BatchError(
            f"--dask {address}: what answers there is not a Dask scheduler (it spoke another "
            "protocol); check the address and port (a scheduler listens on 8786)"
        )
    raise BatchError(
        f"--dask {address}: no Dask scheduler could be reached there "
        f"({type(e).__name__}: {e}); check the address and port (a scheduler listens on 8786)"
    )


class Batch:
    """A planned batch: the design, where it goes, and how to run it."""

    def __init__(
        self,
        out: str | os.PathLike[str],
        scenarios: Sequence[str],
        policies: Sequence[str],
        runs: int,
        seed: int = 1,
        points: Sequence[Point] = ((),),
        jobs: int | None = None,
        dask: Any = None,
        command: Sequence[str] | None = None,
        retry_failed: bool = False,
        timeout: float | None = DEFAULT_TIMEOUT,
    ) -> None:
        from ..policies import make_policy

        if runs < 1:
            raise BatchError("--runs must be at least 1")
        planned = runs * len(policies) * len(scenarios) * max(1, len(points))
        if (problem := too_many(planned)) is not None:
            raise BatchError(problem)
        if (problem := timeout_problem(timeout)) is not None:
            raise BatchError(problem)
        if seed < 0:
            raise BatchError("--seed must be 0 or more")
        if seed + runs - 1 >= SEEDS:
            raise BatchError(
                f"--seed {seed} with --runs {runs}: the last seed, {seed} + {runs} - 1, "
                f"would be past {SEEDS - 1}, the largest seed the tables can keep"
            )
        if not scenarios or not policies:
            raise BatchError("give at least one --scenario and one --policy")
        if len(set(policies)) != len(policies):
            raise BatchError("a policy is named twice")
        if len({str(Path(s).resolve()) for s in scenarios}) != len(scenarios):
            raise BatchError("a scenario is named twice (each seed would be played twice)")
        for p in policies:
            make_policy(p)  # a bad name or plugin fails here, before anything runs
        self.folder = Path(out)
        self.paths = [str(s) for s in scenarios]
        self.policies = list(policies)
        self.runs = runs
        self.seed = seed
        self.points = list(points) or [()]
        # no more worker processes than runs (--jobs 1000 for two runs started 1,002)
        self.jobs = workers(jobs, planned)
        self.dask = dask
        self.command = list(command) if command is not None else list(sys.argv)
        self.retry_failed = retry_failed
        self.timeout = timeout
        self._stop = Stopper(self._kill_workers)
        self.variants: Variants = {}
        for i, path in enumerate(self.paths):
            for j, scn in enumerate(build(path, self.points)):
                self.variants[(i, j)] = (scn, Path(path).stem, self.points[j])
        self._local = LocalPool(self.jobs, self.variants, timeout, self._stop)
        self.seeds = [seed + k for k in range(runs)]
        self.tasks = [
            Task(n, i, j, p, s)
            for n, (i, j, p, s) in enumerate(
                (i, j, p, s)
                for i in range(len(self.paths))
                for j in range(len(self.points))
                for s in self.seeds
                for p in self.policies
            )
        ]
        self.identity = self._identity()
        self._history: list[dict[str, Any]] = []
        # a run is known by what decides it: the scenario variant's content, the policy
        # (a policy file's with its source's digest), the seed
        fingerprint = {k: content_fingerprint(v[0]) for k, v in self.variants.items()}
        self._contents = set(fingerprint.values())
        self._policy_keys = {p: _policy_key(p) for p in self.policies}
        self._other_content = 0  # set when the journal is read
        # why the folder's manifest was written anew from this command (None: it was not)
        self.manifest_replaced: str | None = None
        self._other_source = 0
        self.keys = {
            t.run: f"{fingerprint[(t.scenario, t.point)]}|{self._policy_keys[t.policy]}|{t.seed}"
            for t in self.tasks
        }

    def _design(self) -> dict[str, Any]:
        """What decides the runs: the scenarios (by content), points, policies, seeds."""
        return {
            "scenarios": [
                content_fingerprint(self.variants[(i, 0)][0]) for i in range(len(self.paths))
            ],
            "points": [[list(kv) for kv in p] for p in self.points],
            "policies": self.policies,
            "seeds": self.seeds,
        }

    def _identity(self) -> str:
        """A fingerprint of the design: same fingerprint, same runs."""
        design = json.dumps(self._design(), sort_keys=True).encode()
        return hashlib.sha256(design).hexdigest()[:16]

    # -------------------------------------------------------------- manifest
    def _manifest(self, status: str, started: str, done: int, failed: int) -> dict[str, Any]:
        return {
            "salesim_batch": 1,
            "identity": self.identity,
            "status": status,
            "command": self.command,
            "started": started,
            "updated": _now(),
            "versions": _versions(),
            "scenarios": [
                {"path": p, "title": str(self.variants[(i, 0)][0].title)}
                for i, p in enumerate(self.paths)
            ],
            "policies": self.policies,
            "runs_per_cell": self.runs,
            "seed": self.seed,
            "seeds": self.seeds,
            "points": [
                {"point": j, "params": dict(p), "label": label(p)}
                for j, p in enumerate(self.points)
            ],
            "executor": f"dask {self._dask_address()}"
            if self.dask
            else f"local pool, {self.jobs} workers",
            "tables": table_format(),
            "design": self._design(),
            "history": self._history,  # earlier designs of this folder
            "total_runs": len(self.tasks),
            "finished_runs": done,
            "failed_runs": failed,
        }

    def _dask_address(self) -> str:
        if isinstance(self.dask, str):
            return self.dask
        return str(getattr(getattr(self.dask, "scheduler", None), "address", "client"))

    def _check_folder(self) -> str:
        """Create the folder, or accept it when it holds this same batch; the start time."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / MANIFEST
        if not path.exists():
            if not all(before_first_manifest(p.name) for p in self.folder.iterdir()):
                raise BatchError(
                    f"{self.folder} is not empty and holds no batch; choose another --out"
                )
            return _now()
        try:
            old = read_manifest(path)
            wrong = manifest_problem(old)
            problem = None if wrong is None else f"cannot be used: {wrong}"
        except (InputError, StoreError) as e:
            old, problem = {}, f"cannot be read ({e})"
        if problem is not None:
            if not (self.folder / JOURNAL).exists():  # no runs of a batch's here to keep
                raise BatchError(f"{path} {problem}; choose another --out")
            # the journal holds every finished run, each keyed by what it played (the
            # scenario's content, the policy's source, the seed): this command says the
            # batch again, so its runs are reused and the manifest is written anew
            self.manifest_replaced = problem
            return _now()
        self._history = list(old.get("history", []))
        if old.get("identity") != self.identity:
            # another design (more seeds, another policy, ...): the finished runs this
            # design shares with it are reused; the tables show this design
            self._history.append({"command": old.get("command"), "updated": old.get("updated")})
        if any(self.folder.glob("*.parquet")) and table_format() != "parquet":
            raise BatchError(
                f"{self.folder} keeps its tables as Parquet, which needs pyarrow: "
                "install the analysis extra (pip install 'salesim[analysis]', or "
                "pip install -e '.[analysis]' in a checkout)"
            )
        return str(old.get("started") or _now())

    # -------------------------------------------------------------- running
    def run(
        self,
        progress: bool | None = None,
        on_result: Callable[[dict[str, Any]], None] | None = None,
        on_stop: Callable[[int], None] | None = None,
    ) -> Outcome:
        """Run what is not done yet; keep everything finished, whatever happens.

        ``progress``: a progress bar on standard error (default: only when it is a
        terminal, so a notebook's or a script's captured output stays clean).
        ``on_result`` sees each finished run's entry; ``on_stop`` is told, when a
        Ctrl-C stops the batch, how many runs are under way (they finish and are kept).
        """
        t0 = time.perf_counter()
        client, own = self._connect()
        restore = self._stop.install()
        try:
            started = self._check_folder()
            with folder_lock(self.folder, BatchError):
                return self._run(
                    t0, client, progress, on_result, on_stop or (lambda n: None), started
                )
        finally:
            restore()
            if own:
                client.close()

    def _kill_workers(self) -> None:
        self._local.kill_workers()

    def _connect(self) -> tuple[Any, bool]:
        """The Dask client (connecting first, so a wrong address touches nothing)."""
        if self.dask is None:
            return None, False
        try:
            from distributed import Client
        except ImportError:
            raise BatchError(
                "--dask needs Dask's distributed scheduler: install the dask extra "
                "(pip install 'salesim[dask]', or pip install -e '.[dask]' in a checkout)"
            ) from None
        if not isinstance(self.dask, str):
            return self.dask, False
        return _dask_client(Client, self.dask), True

    def _run(
        self,
        t0: float,
        client: Any,
        progress: bool | None,
        on_result: Callable[[dict[str, Any]], None] | None,
        on_stop: Callable[[int], None],
        started: str,
    ) -> Outcome:
        journal = Journal(self.folder)
        tables = self._journalled(journal, retry_failed=self.retry_failed)
        todo = [t for t in self.tasks if t.run not in tables]
        outcome = Outcome(
            total=len(self.tasks),
            skipped=len(self.tasks) - len(todo),
            folder=self.folder,
            other_content=self._other_content,
            other_source=self._other_source,
        )
        # the runs found done, from now on as columns
        outcome.failed_before = self._write(tables, "running", started)
        bar = progress_bar(len(self.tasks), outcome.skipped, progress)
        last = time.monotonic()
        pause = CHECKPOINT_SECONDS

        def record(entry: dict[str, Any]) -> None:
            nonlocal last, pause
            entry["key"] = self.keys[entry["row"]["run"]]
            with self._stop.shielded():  # a finished run is written down whole
                journal.append(entry)
                tables.add(entry["row"]["run"], entry)
            outcome.executed += 1
            outcome.failed += entry["row"]["status"] != "ok"
            if bar is not None:
                bar.update(1)
                bar.set_postfix(failed=outcome.failed, refresh=False)
            if time.monotonic() - last > pause:
                begin = time.monotonic()
                self._write(tables, "running", started)
                last = time.monotonic()
                # big batches: writing the tables must not eat the run time
                pause = max(CHECKPOINT_SECONDS, 10 * (last - begin))
            if on_result is not None:
                on_result(entry)

        ended = False
        try:
            if not todo:
                pass
            elif client is not None:
                run_on_cluster(
                    client, todo, self.variants, self.identity, self.timeout, record, on_stop
                )
            else:  # --jobs 1 too: a policy cannot keep the signals from the command
                self._local.run(todo, record, on_stop)
            ended = True
        except KeyboardInterrupt:
            outcome.interrupted = True
        finally:
            if bar is not None:
                bar.close()
            journal.close()
            if not ended:
                # A stop can land anywhere, also between a run's journal line and its
                # count here: what the folder says it holds is what the journal holds.
                tables = self._journalled(journal)
            if len(tables) >= len(self.tasks):  # a stop that came after the last run
                outcome.interrupted = False
            status = "interrupted" if outcome.interrupted else "complete"
            if not outcome.interrupted and len(tables) < len(self.tasks):
                status = "incomplete"
            self._write(tables, status, started)
        outcome.seconds = time.perf_counter() - t0
        return outcome

    def _journalled(
        self, journal: Journal, *, retry_failed: bool = False, settle: int | None = None
    ) -> Tables:
        """The tables of this design's finished runs as the journal holds them (the last
        entry of a run wins), read a line at a time; ``retry_failed``: without the runs
        that failed, to be played again. A run found again after its rows were made
        columns (a failed run played again, far down the journal) has the journal read
        once more, holding every row until the end, so the tables stay exact."""
        tasks: dict[str, list[Task]] = {}
        for t in self.tasks:
            tasks.setdefault(self.keys[t.run], []).append(t)
        tables = Tables(self.folder, settle=settle)
        failed: set[int] = set()
        other: set[str] = set()
        edited: set[str] = set()  # runs of a policy file since edited
        known = set(self._policy_keys.values())
        for entry in journal.each():
            key = str(entry.get("key", ""))
            content, _, rest = key.partition("|")
            policy = rest.rpartition("|")[0]
            if content not in self._contents:
                other.add(key)
            elif policy not in known and policy.split("@")[0] in self._policy_keys:
                edited.add(key)
            for t in tasks.get(entry["key"], ()):
                adopted = self._adopt(entry, t)
                tables.add(t.run, adopted)
                if adopted["row"].get("status") == "ok":
                    failed.discard(t.run)
                else:
                    failed.add(t.run)
        self._other_content = len(other)
        self._other_source = len(edited)
        if retry_failed:
            for run in failed:
                tables.remove(run)
        if tables.reshaped:  # read again, every run waiting as rows until the end
            everyone = len(self.tasks) + 1
            return self._journalled(journal, retry_failed=retry_failed, settle=everyone)
        return tables

    def _adopt(self, entry: dict[str, Any], task: Task) -> dict[str, Any]:
        """A finished run from the journal, numbered and labelled for this design."""
        _, name, point = self.variants[(task.scenario, task.point)]
        head = row_head(task, name, point)
        rest = {
            k: v for k, v in entry["row"].items() if k not in head and not k.startswith("param.")
        }
        ids = {"run": task.run, "point": task.point}
        return {
            "key": entry.get("key"),
            "row": {**head, **rest},
            "reps": [{**r, **ids} for r in entry.get("reps", [])],
            "weeks": [{**r, **ids} for r in entry.get("weeks", [])],
        }

    def _write(self, tables: Tables, status: str, started: str) -> int:
        """Write the tables and the manifest; how many of the runs in them failed. A
        Ctrl-C waits for both (a folder with tables and no manifest held no batch)."""
        with self._stop.shielded():
            return self._write_now(tables, status, started)

    def _write_now(self, tables: Tables, status: str, started: str) -> int:
        tables.write()
        rows = tables.rows()
        failed = sum(1 for r in rows if r.get("status") != "ok")
        manifest = self._manifest(status, started, len(rows), failed)
        atomic_write(
            self.folder / MANIFEST,
            (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        )
        return failed
