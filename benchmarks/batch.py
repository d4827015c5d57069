"""How fast do batches run, and how well do they use a second core or a Dask cluster?

Plays the default scenario with ``by_the_book`` through the batch engine:

* ``runs_per_min_1``: a local pool of one worker;
* ``runs_per_min_2``: a local pool of two workers;
* ``efficiency`` = runs_per_min_2 ÷ (2 × runs_per_min_1) (goal ≥ 0.85);
* ``dask_ratio`` = the time of a two-worker Dask ``LocalCluster`` (started
  beforehand, as an existing cluster would be) ÷ the two-worker pool's time
  for the same runs (goal ≤ 1.15).

Times include starting the pool's worker processes and writing every result
to the folder, as a user's batch does; each figure is the median of repeats
measured interleaved (this machine's speed drifts). Takes about 80 s on two
cores.

Run: python benchmarks/batch.py [--runs 24] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time

from simulator.analysis.batch import Batch
from simulator.scenario import default_scenario_path


def timed(runs: int, jobs: int = 1, dask=None) -> float:
    with tempfile.TemporaryDirectory() as folder:
        batch = Batch(
            folder, [str(default_scenario_path())], ["by_the_book"], runs, jobs=jobs, dask=dask
        )
        t0 = time.perf_counter()
        outcome = batch.run(progress=False)
        seconds = time.perf_counter() - t0
        assert outcome.executed == runs and outcome.failed == 0
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=24, help="runs per measurement (default 24)")
    ap.add_argument("--repeats", type=int, default=3, help="interleaved repeats (default 3)")
    args = ap.parse_args()
    from distributed import LocalCluster

    n = args.runs
    one, two, dask = [], [], []
    with LocalCluster(  # loopback, ports chosen by the system (8787 may be taken)
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    ) as cluster:
        address = cluster.scheduler_address
        timed(2, jobs=1)  # warm the imports and the disk cache
        timed(2, dask=address)  # the cluster's workers import the simulator once
        # interleaved, so a change in the machine's speed hits every setting alike
        for k in range(args.repeats):
            if k < 2:
                one.append(timed(n, jobs=1))
            two.append(timed(n, jobs=2))
            dask.append(timed(n, dask=address))
    t1, t2, td = statistics.median(one), statistics.median(two), statistics.median(dask)
    rpm1 = 60 * n / t1
    rpm2 = 60 * n / t2
    print(
        f"runs={n} repeats={args.repeats} one_worker_s={t1:.1f} "
        f"two_workers_s={t2:.1f} dask_s={td:.1f}"
    )
    print(f"runs_per_min_1={rpm1:.1f}")
    print(f"runs_per_min_2={rpm2:.1f}")
    print(f"efficiency={rpm2 / (2 * rpm1):.2f}")
    print(f"dask_ratio={td / t2:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
