"""A batch's runs on local worker processes, and the run that will not stop.

Every local run plays in a worker process, ``--jobs 1`` too: the command's own
process only hands out runs, writes down what finishes and listens for Ctrl-C,
SIGTERM and SIGHUP, so a policy cannot keep those from it (a policy's bare
``except:`` swallowed them all when its runs played in the command itself).

A run's time limit is first kept inside its worker (an alarm, then the clock at
every week's end: :func:`.runs.execute`). A policy can still hold on past it: one
that catches every exception in an endless loop, or a long computation that no
signal interrupts. So each worker posts on a :class:`Board` the run it plays and
since when; a run still there a grace past its limit (as long as the limit itself,
between 1 and ``GRACE`` seconds) has its worker ended from outside, and is
recorded as timed out, as any other. The runs lost
with that worker's pool are put back in the queue; a worker that dies by itself
is handled as before (its suspects rerun one at a time).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .runs import Task, Variants, crashed_run, failed_run, hand_out, init_worker
from .runs import timed_out as timed_out_error
from .stopping import Stopper

GRACE = 5.0  # seconds a run may take past its limit to stop by itself, at most, before it
# is ended (a short limit gets a short grace: as long as the limit, and at least a second)
POLL = 0.5  # how often the batch looks at the board while runs play


class Slot:
    """One worker's place on the board: the run it plays (-1: none), since when."""

    def __init__(self, cells: Any, index: int) -> None:
        self.cells = cells
        self.base = 3 * index

    def begin(self, run: int) -> None:
        """This worker starts ``run`` now."""
        self.cells[self.base] = os.getpid()
        self.cells[self.base + 2] = time.monotonic()
        self.cells[self.base + 1] = run  # last: a run is never seen with another's start

    def end(self) -> None:
        """This worker's run is over (it returned, whatever its outcome)."""
        self.cells[self.base + 1] = -1


class _NoSlot(Slot):
    """A worker beyond the board's places (none is expected): it posts nothing."""

    def __init__(self) -> None:
        pass

    def begin(self, run: int) -> None:
        pass

    def end(self) -> None:
        pass


class Board:
    """Where the workers of one pool post which run each plays, and since when.

    Shared memory, written by the workers and read by the batch: three numbers per
    worker (its process id, the run, when it began on the monotonic clock, which is
    the machine's, not the process's)."""

    def __init__(self, workers: int, context: Any) -> None:
        self.workers = workers
        self.cells = context.Array("d", 3 * workers, lock=False)
        for i in range(workers):
            self.cells[3 * i + 1] = -1
        self.taken = context.Value("i", 0)

    def claim(self) -> Slot:
        """A worker's own place (called once, as it starts)."""
        with self.taken.get_lock():
            index = self.taken.value
            self.taken.value += 1
        return Slot(self.cells, index) if index < self.workers else _NoSlot()

    def overdue(self, limit: float) -> list[tuple[int, int]]:
        """(process id, run) of each worker whose run began more than ``limit`` seconds ago."""
        now = time.monotonic()
        late = []
        for i in range(self.workers):
            run = self.cells[3 * i + 1]
            pid, began = self.cells[3 * i], self.cells[3 * i + 2]
            if run >= 0 and run == self.cells[3 * i + 1] and now - began > limit:
                late.append((int(pid), int(run)))
        return late


class LocalPool:
    """A batch's runs on ``jobs`` local worker processes (see the module).

    At most two runs per worker are handed out at a time, so when a worker dies by
    itself only those few are suspects; each is then rerun alone, and the one that
    kills its worker again is recorded as failed.
    """

    def __init__(self, jobs: int, variants: Variants, timeout: float | None, stop: Stopper) -> None:
        self.jobs = jobs
        self.variants = variants
        self.timeout = timeout
        self.stop = stop
        self.active: ProcessPoolExecutor | None = None  # the pool at work, if any
        self._board: Board | None = None
        self.ended: set[int] = set()  # runs whose worker was ended for holding on

    def kill_workers(self) -> None:
        """End every worker of the pool at work at once (SIGTERM, SIGHUP)."""
        for proc in list(getattr(self.active, "_processes", {}).values()):
            with contextlib.suppress(Exception):
                proc.kill()

    def run(
        self,
        todo: list[Task],
        record: Callable[[dict[str, Any]], None],
        on_stop: Callable[[int], None],
    ) -> None:
        """Play ``todo``, each finished run ``record``-ed; Ctrl-C: the runs under way
        finish and are kept (``on_stop`` told how many), then KeyboardInterrupt."""
        queue = deque(todo)
        while queue:
            ended = len(self.ended)
            suspects = self._round(self.jobs, queue, record, on_stop)
            if len(self.ended) > ended:
                # the pool was lost to a worker this batch ended: the others are innocent
                queue.extendleft(reversed(suspects))
                continue
            for task in suspects:
                if self._round(1, deque([task]), record, on_stop):
                    record(crashed_run(task, self.variants))

    def _round(
        self,
        workers: int,
        queue: deque[Task],
        record: Callable[[dict[str, Any]], None],
        on_stop: Callable[[int], None],
    ) -> list[Task]:
        """Runs from ``queue`` on a pool of ``workers`` until the queue is empty or the
        pool is lost; the runs lost with it that were not ended for holding on."""
        suspects: list[Task] = []
        with self._pool(workers) as pool:
            pending: dict[Future[Any], Task] = {}
            try:
                with self.stop.shielded():  # workers are started whole (stopping.py)
                    hand_out(pool, queue, pending, 2 * workers)
                lost = False  # the pool is lost (a worker died or was ended)
                while pending:
                    for fut in self._wait(pending, FIRST_COMPLETED):
                        lost |= self._keep(fut, pending.pop(fut), record, suspects)
                    if not lost:
                        with self.stop.shielded():
                            hand_out(pool, queue, pending, 2 * workers)
            except KeyboardInterrupt:
                for fut in pending:
                    fut.cancel()
                if self.stop.terminated:  # SIGTERM: the workers are gone, nothing to wait for
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
                going = {f: t for f, t in pending.items() if not f.cancelled()}
                on_stop(len(going))
                self._wait(going, ALL_COMPLETED)  # what is under way finishes, and is kept
                for fut, task in going.items():
                    with contextlib.suppress(Exception):
                        self._keep(fut, task, record, [])
                raise
        return suspects

    def _keep(
        self,
        fut: Future[Any],
        task: Task,
        record: Callable[[dict[str, Any]], None],
        suspects: list[Task],
    ) -> bool:
        """A finished future's run recorded; lost with its pool: a suspect, or timed out
        when this batch ended its worker. Whether the pool was lost."""
        try:
            entry = fut.result()
        except BrokenProcessPool:
            if task.run not in self.ended:
                suspects.append(task)
                return True
            _, name, point = self.variants[(task.scenario, task.point)]
            record(failed_run(task, name, point, timed_out_error(self.timeout)))
            return True
        record(entry)
        return False

    def _wait(self, futures: Iterable[Future[Any]], until: str) -> set[Future[Any]]:
        """``wait(futures, return_when=until)``, ending meanwhile every worker whose run
        is its grace past its limit."""
        futures = list(futures)
        if self.timeout is None:
            return wait(futures, return_when=until).done
        while True:
            done, left = wait(futures, timeout=POLL, return_when=until)
            if not left or (until == FIRST_COMPLETED and done):
                return done
            self._end_overdue()

    def _end_overdue(self) -> None:
        if self._board is None or self.timeout is None:
            return
        processes = getattr(self.active, "_processes", None) or {}
        grace = min(GRACE, max(1.0, self.timeout))
        for pid, run in self._board.overdue(self.timeout + grace):
            proc = processes.get(pid)
            if proc is not None:  # only a worker of this pool is ever ended
                self.ended.add(run)
                with contextlib.suppress(Exception):
                    proc.kill()

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        context = multiprocessing.get_context()
        self._board = Board(workers, context)
        self.active = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=init_worker,
            initargs=(self.variants, self.timeout, self._board),
        )
        return self.active


def play_all(
    jobs: int,
    variants: Variants,
    tasks: list[Task],
    timeout: float | None,
    record: Callable[[dict[str, Any]], None],
) -> None:
    """Play ``tasks`` on ``jobs`` local workers, each finished run ``record``-ed, for a
    study that is whole or nothing (a sensitivity analysis keeps no journal).

    As in a batch, every run plays in a worker, so a policy that ends its process, or
    holds on past ``timeout``, fails only its own run. Ctrl-C ends the workers at once
    (nothing under way is worth waiting for) and goes on as KeyboardInterrupt.
    """
    pool: LocalPool

    def kill() -> None:
        pool.kill_workers()

    pool = LocalPool(jobs, variants, timeout, Stopper(kill))
    pool.run(list(tasks), record, on_stop=lambda _going: kill())
