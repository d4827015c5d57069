"""One run of a batch: a policy plays a scenario on a seed, and the rows it leaves.

Whatever the policy does ends as the run's own failure, in words (an exception, a
``sys.exit``, its own ``KeyboardInterrupt``, a hang past the time limit); the
batch (:mod:`.batch`) hands runs to worker processes (or Dask) through the
functions here and keeps every row.
"""

from __future__ import annotations

import contextlib
import gc
import math
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from ..collector import paused
from ..core.metrics import WeekMetrics
from ..core.spec import Scenario
from ..interruptions import Interruption
from ..scoring import COMPONENTS
from .design import Point

T = TypeVar("T")

EMPTY_SCORES: dict[str, Any] = {"total": None, **{f"score.{c}": None for c in COMPONENTS}}
MOST_RUNS = 1_000_000  # runs in one study (a batch, a calibration, a sensitivity design)


def workers(jobs: int | None, tasks: int) -> int:
    """How many processes play ``tasks`` runs: ``jobs`` (all cores when not given), never
    more than there are runs (``--jobs 100000`` on fourteen runs started thousands of
    idle processes), and at least one."""
    return max(1, min(jobs or os.cpu_count() or 1, tasks))


@dataclass(frozen=True)
class Task:
    """One run: which scenario variant, which policy, which seed."""

    run: int
    scenario: int  # index into the batch's scenario files
    point: int  # index into the design's points
    policy: str
    seed: int


# (scenario, point) → the scenario with that point's values, its name, the point
Variants = dict[tuple[int, int], tuple[Scenario, str, Point]]


def row_head(task: Task, scenario_name: str, point: Point) -> dict[str, Any]:
    """The columns that say which run a row is."""
    return {
        "run": task.run,
        "scenario": scenario_name,
        "point": task.point,
        **{f"param.{k}": float(v) for k, v in point},
        "policy": task.policy,
        "seed": task.seed,
    }


def failed_run(task: Task, scenario_name: str, point: Point, error: str) -> dict[str, Any]:
    row = {**row_head(task, scenario_name, point), "status": "failed", "error": error}
    return {"row": {**row, **EMPTY_SCORES}, "reps": [], "weeks": []}


class RunTimeout(Interruption):
    """A run took longer than the batch's time limit for one run. An interruption, as
    Ctrl-C is, not an error: a policy's own ``except Exception`` does not swallow it,
    nor is it taken for the policy's mistake."""


# set when the person at the keyboard pressed Ctrl-C (a plugin's KeyboardInterrupt is not)
USER_STOP = threading.Event()

# whether this process's alarm may still stop the run under way (see execute)
_ALARM_LIVE = [False]


def _on_alarm(signum: int, frame: Any) -> None:
    if _ALARM_LIVE[0]:
        raise RunTimeout


def timed_out(timeout: float | None) -> str:
    """A timed-out run's error, the same however it was stopped."""
    return f"timed out after {timeout or 0:g} s (--timeout)"


def execute(
    task: Task,
    scenario: Scenario,
    scenario_name: str,
    point: Point,
    timeout: float | None = None,
) -> dict[str, Any]:
    """Play one run; its table row and its reps' rows (never raises).

    Whatever the policy does ends as this run's failure, in words: an exception, a
    ``sys.exit``, a ``KeyboardInterrupt`` of its own, or taking longer than
    ``timeout`` seconds (a hang or an endless loop). Only a real Ctrl-C
    (:data:`USER_STOP`) stops the batch.

    The time limit is kept twice. An alarm (in the process's main thread, as in a
    worker of the local pool) interrupts a policy that is still deciding; and at the
    end of every week the clock is read again, so a policy that swallows the alarm
    (a bare ``except:``) and returns is stopped all the same, as is a slow one on a
    Dask worker, where there is no alarm. A policy that swallows the alarm and never
    returns is ended from outside, by the batch (:mod:`.pool`).
    """
    armed = (
        timeout is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    deadline = None if timeout is None else time.monotonic() + timeout
    previous = signal.signal(signal.SIGALRM, _on_alarm) if armed else None
    try:
        try:
            if armed:
                _ALARM_LIVE[0] = True
                signal.setitimer(signal.ITIMER_REAL, float(timeout))  # type: ignore[arg-type]
            return _play(task, scenario, scenario_name, point, deadline)
        finally:
            # from here the alarm stops nothing (one landing later is let pass)
            _ALARM_LIVE[0] = False
            if armed:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except RunTimeout:
        return failed_run(task, scenario_name, point, timed_out(timeout))
    except SystemExit as e:
        return failed_run(task, scenario_name, point, f"the policy called sys.exit({e.code!r})")
    except KeyboardInterrupt:
        if USER_STOP.is_set():
            raise
        return failed_run(task, scenario_name, point, "the policy raised KeyboardInterrupt")
    finally:
        if armed:
            signal.signal(signal.SIGALRM, previous)


def _play(
    task: Task, scenario: Scenario, scenario_name: str, point: Point, deadline: float | None
) -> dict[str, Any]:
    from ..policies import make_policy
    from ..policy_errors import PolicyError
    from ..session import Session

    try:
        session = Session(scenario, task.seed, make_policy(task.policy))
        while not session.finished:
            session.advance_week()
            if deadline is not None and time.monotonic() > deadline:
                raise RunTimeout  # the alarm was swallowed, or there was none
        record = session.record()  # the game as it really was
    except (Interruption, SystemExit, KeyboardInterrupt):
        raise
    except PolicyError as e:  # in words already, with the week and the policy's own line
        return failed_run(task, scenario_name, point, str(e))
    except BaseException as e:  # GeneratorExit, a BaseException of the plugin's own, ...
        tb = traceback.extract_tb(e.__traceback__)
        where = f" (at {Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
        return failed_run(task, scenario_name, point, f"{type(e).__name__}: {e}{where}")
    card = record.score
    row = row_head(task, scenario_name, point)
    promises = record.final.promises
    row.update(status="ok", error="", total=card.total)
    row.update({f"score.{c.name}": c.value for c in card.components})
    row.update(
        revenue=card.revenue,
        target=card.target,
        revenue_ratio=card.revenue / card.target if card.target else None,
        leavers=card.attrition,
        regretted=card.regretted,
        headcount_end=len(record.final.reps),
        hires=sum(1 for r in record.reps if r.joined_week > 0),
        promises_kept=sum(1 for p in promises if p.status == "kept"),
        promises_broken=sum(1 for p in promises if p.status == "broken"),
    )
    key = {k: row[k] for k in ("run", "scenario", "point", "policy", "seed")}
    reps = []
    for r in record.reps:
        reps.append(
            {
                **key,
                "rep": r.id,
                "name": r.name,
                "type": r.type.value,
                "veteran": r.veteran,
                "joined_week": r.joined_week,
                "left_week": r.left_week,
                "left_reason": r.left_reason or "",
                "booked": float(sum(r.booked.values())),
                "quota_total": float(sum(r.quotas.values())),
                "engagement_end": r.engagement,
                "trust_end": r.trust,
                "confidence_end": r.confidence,
                "stress_end": r.stress,
                "skill_start": r.skill_start,
                "skill_end": r.skill_end,
                "type_revealed_by": r.revealed_by or "",
            }
        )
    weeks = [{**key, **{k: _series(k, getattr(m, k)) for k in WEEK_FIELDS}} for m in record.weeks]
    return {"row": row, "reps": reps, "weeks": weeks}


# a week's vital signs, in their order (read field by field: no copy of each week)
WEEK_FIELDS = tuple(f.name for f in fields(WeekMetrics))
# the weekly series' amounts of money (kept to the cent); the rest are shares and means
MONEY_SERIES = frozenset({"revenue", "target", "pipeline_true", "pipeline_shown", "budget_spent"})


def _series(name: str, value: Any) -> Any:
    """A weekly series' value as the tables keep it: money to the cent, shares and
    means to six decimals (what a chart or a regression can use; the run's own
    scores and totals are kept exact)."""
    if not isinstance(value, float) or not math.isfinite(value):
        return value
    return round(value, 2 if name in MONEY_SERIES else 6)


# Scenario variants live in each worker process once, not in every task.
_VARIANTS: Variants = {}


_TIMEOUT: list[float | None] = [None]
# where this worker says which run it plays, and since when (see pool.Board)
_BOARD: list[Any] = [None]


PARENT_CHECK_SECONDS = 0.5  # how often a worker looks whether its batch is still there


def init_worker(variants: Variants, timeout: float | None = None, board: Any = None) -> None:
    """A worker process's start: the batch's scenarios, its time limit, and the board
    (:class:`.pool.Board`) on which the worker posts the run it plays."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and a terminated worker just ends
    _end_with_parent()
    _VARIANTS.clear()
    _VARIANTS.update(variants)
    _TIMEOUT[0] = timeout
    _BOARD[0] = board.claim() if board is not None else None
    gc.disable()  # the worker's runs are collected one by one (see run_collected)
    _output_to_stderr()


def _output_to_stderr() -> None:
    """What a worker writes to standard output goes to standard error: a policy's
    ``print`` (or a library's write to file 1) landed in the middle of the batch's
    summary, which is the command's standard output and may be piped into a file."""
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
        os.dup2(2, 1)
    sys.stdout = sys.stderr


def _end_with_parent() -> None:
    """A worker ends when the batch that started it is gone. A batch killed outright
    (SIGKILL, the machine's memory guard) cannot stop its workers; left alone they
    would play on for nobody, holding the batch's folder so that the command run
    again to finish it is refused."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="salesim-parent-watch", daemon=True).start()


FULL_EVERY = 100  # runs between full collections (what escaped the young ones)
_PLAYED = [0]


@contextlib.contextmanager
def collected_per_run() -> Iterator[None]:
    """Within this block, automatic collection is off and runs played by
    :func:`run_collected` are collected once each; the collector is as it was
    afterwards."""
    with paused():
        yield


def run_collected(
    task: Task, scenario: Scenario, name: str, point: Point, timeout: float | None
) -> dict[str, Any]:
    """:func:`execute`, then the run's garbage collected (in a worker, or within
    :func:`collected_per_run`, where automatic collection is off).

    A year's game makes hundreds of thousands of objects that live for the
    whole run; the collector, running every few hundred allocations, walks
    them again and again, and with them everything a worker inherited at its
    start (modules, scenarios). With automatic collection off, everything a
    run makes stays in the youngest generation: collecting just that after
    each run (and everything every ``FULL_EVERY`` runs) keeps memory at what
    one run needs.
    """
    return collected_after(execute, task, scenario, name, point, timeout)


def collected_after(play: Callable[..., T], *args: Any) -> T:
    """``play(*args)``, then what it left collected as :func:`run_collected` does: the
    young generation after each run, everything every ``FULL_EVERY`` runs."""
    try:
        return play(*args)
    finally:
        _PLAYED[0] += 1
        gc.collect(2 if _PLAYED[0] % FULL_EVERY == 0 else 0)


def run_in_worker(task: Task) -> dict[str, Any]:
    """One run in a worker of the local pool, posted on the board while it plays."""
    scenario, name, point = _VARIANTS[(task.scenario, task.point)]
    return collected_after(_posted, task, scenario, name, point, _TIMEOUT[0])


def _posted(
    task: Task, scenario: Scenario, name: str, point: Point, timeout: float | None
) -> dict[str, Any]:
    slot = _BOARD[0]
    if slot is None:
        return execute(task, scenario, name, point, timeout)
    slot.begin(task.run)
    try:
        return execute(task, scenario, name, point, timeout)
    finally:
        slot.end()


def crashed_run(task: Task, variants: Variants, why: str = "") -> dict[str, Any]:
    """The entry of a run whose worker died under it."""
    _, name, point = variants[(task.scenario, task.point)]
    return failed_run(task, name, point, why or "the worker process died while running it")


def hand_out(pool: ProcessPoolExecutor, queue: deque, pending: dict, window: int) -> None:
    """Hand a local pool more of a batch's runs, up to ``window`` in flight (each one's
    future keyed to its task in ``pending``)."""
    while queue and len(pending) < window:
        task = queue.popleft()
        pending[pool.submit(run_in_worker, task)] = task


def progress_bar(total: int, initial: int, enabled: bool | None) -> Any:
    """A batch's progress bar on standard error (by default only on a terminal), or None."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(
        total=total,
        initial=initial,
        unit="run",
        desc="salesim batch",
        dynamic_ncols=True,
        smoothing=0.1,
    )
