"""A batch's runs on a Dask cluster: sent in chunks, and what a lost worker costs.

Each chunk is one task for the scheduler, so its round trips are paid per
chunk, not per run (:func:`guided_chunks`). Each carries its scenarios:
data scattered to the workers dies with the worker that held it, and with it
every run still waiting for it. A chunk lost with its worker is sent again
run by run, so only the run that takes a worker down is recorded as failed.
The tables are the same as a local pool's: each run is a pure function of
its scenario, policy and seed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .runs import Task, Variants, collected_per_run, crashed_run, run_collected

MAX_CHUNK = 8  # runs in one Dask task at most


def guided_chunks(tasks: list[Task], workers: int) -> list[list[Task]]:
    """The runs cut into chunks for a cluster, in order: big ones first, smaller and
    smaller, single runs at the end.

    As the work left shrinks so do the chunks (each is at most a quarter of
    every worker's fair share of what is left), so no worker finishes a long
    chunk while the others wait. A small batch is all single runs.
    """
    chunks, i, n = [], 0, len(tasks)
    per = 4 * max(1, workers)
    while i < n:
        size = max(1, min(MAX_CHUNK, (n - i) // per))
        chunks.append(tasks[i : i + size])
        i += size
    return chunks


def run_on_dask(
    tasks: list[Task], variants: Variants, timeout: float | None = None
) -> list[dict[str, Any]]:
    """A chunk of runs on a Dask worker, each with its scenario (``variants`` holds
    those the chunk needs); their entries in order."""
    # the collector paused for the runs and back as it was after them (a Dask worker
    # is not ours to keep it off)
    with collected_per_run():
        return [run_collected(t, *variants[(t.scenario, t.point)], timeout) for t in tasks]


def run_on_cluster(
    client: Any,
    todo: list[Task],
    variants: Variants,
    batch_id: str,
    timeout: float | None,
    record: Callable[[dict[str, Any]], None],
    on_stop: Callable[[int], None],
) -> None:
    """Play ``todo`` on the cluster behind ``client``, each entry ``record``-ed as its
    chunk comes back; on Ctrl-C what is still out is cancelled (``on_stop(0)``)."""
    from distributed import as_completed

    pending: dict[Any, list[Task]] = {}

    def submit(chunk: list[Task]) -> Any:
        needs = {(t.scenario, t.point): variants[(t.scenario, t.point)] for t in chunk}
        key = f"salesim-{batch_id}-{chunk[0].run}"
        if len(chunk) > 1:
            key += f"+{len(chunk)}"
        fut = client.submit(run_on_dask, chunk, needs, timeout, key=key, pure=False)
        pending[fut] = chunk
        return fut

    threads = sum(client.nthreads().values())
    finished = as_completed([submit(c) for c in guided_chunks(todo, threads)])
    try:
        for fut in finished:
            chunk = pending.pop(fut)
            try:
                entries = fut.result()
            except Exception as e:  # a worker lost with the runs on it, and the like
                if len(chunk) > 1:  # which run took it down is not known: each alone
                    for task in chunk:
                        finished.add(submit([task]))
                    continue
                entries = [crashed_run(chunk[0], variants, f"{type(e).__name__}: {e}")]
            for entry in entries:
                record(entry)
    except KeyboardInterrupt:
        client.cancel(list(pending))
        on_stop(0)
        raise
