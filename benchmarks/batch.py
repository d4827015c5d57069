"""How fast a policy study runs through `salesim batch`, as a user runs it.

Every figure times the whole command in a fresh process (start-up, the pool or
the cluster connection, every run, the tables and the summary), on a policy
study of the default scenario: four policies (by_the_book, hands_off,
pressure_cooker, micromanager) × ``--runs`` seeds.

Prints:
  toy_ms=                    the yardstick toy's year, timed in the same run
  one_worker_s= / two_workers_s=   the study with --jobs 1 (one worker process: a policy
                             never plays in the command itself) and --jobs 2 (two)
  manager_years_per_min=     runs a minute with --jobs 2 (goal ≥ 1,000 on two cores)
  cpu_per_run_vs_toy=        CPU time per run (all processes) ÷ the toy's year (goal ≤ 2.2)
  efficiency=                two workers' speed ÷ twice one worker's (goal ≥ 0.85)
  one_run_s=                 the whole command for a single run with --jobs 1: its start-up,
                             one year, the tables and the summary (--start-only: this alone)
  dask_cold_s= / dask_warm_s=      the same study on a two-worker Dask LocalCluster: cold
                             (the cluster started for it, its start-up counted) and warm
                             (an existing cluster whose workers have run salesim before)
  dask_warm_ratio=           dask_warm_s ÷ two_workers_s (goal ≤ 1.15)
  load=                      the machine's load average before and after, and its cores

Each setting is run ``--repeats`` times, interleaved, and the median is shown.

Run: python benchmarks/batch.py [--runs 40] [--repeats 3] [--no-dask] [--start-only]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from yardstick import toy_year

POLICIES = ["by_the_book", "hands_off", "pressure_cooker", "micromanager"]


def study(runs: int, *extra: str, policies: list[str] = POLICIES) -> tuple[float, float]:
    """Run the study as a user would; (wall seconds, CPU seconds of every process)."""
    with tempfile.TemporaryDirectory() as folder:
        cmd = [sys.executable, "-m", "simulator", "batch", "--scenario", "default"]
        cmd += ["--policy", *policies, "--runs", str(runs), "--out", folder, *extra]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        # run from the study's own folder: from the repository's root, `-m simulator`
        # would import the working tree whatever PYTHONPATH says (a commit compared
        # with another through PYTHONPATH would be timed against itself)
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=folder)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"the study failed: {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def cluster():  # a two-worker cluster on loopback, ports chosen by the system
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=40, help="seeds per policy (default 40)")
    ap.add_argument("--repeats", type=int, default=3, help="interleaved repeats (default 3)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask figures")
    ap.add_argument(
        "--start-only", action="store_true", help="only one_run_s= (the command's own cost)"
    )
    args = ap.parse_args()
    n = args.runs * len(POLICIES)
    load = os.getloadavg()[0]
    if args.start_only:
        single = [one_run() for _ in range(args.repeats)]
        print(f"one_run_s={statistics.median(single):.2f}")
        print(f"load={load:.2f}->{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        return 0
    toy = statistics.median(_toy() for _ in range(5))
    one, two, cpu2, cold, warm, single = [], [], [], [], [], []
    warm_cluster = None if args.no_dask else cluster()
    try:
        if warm_cluster is not None:
            study(1, "--dask", warm_cluster.scheduler_address)  # its workers have run salesim
        for _ in range(args.repeats):
            single.append(one_run())
            one.append(study(args.runs, "--jobs", "1")[0])
            wall, cpu = study(args.runs, "--jobs", "2")
            two.append(wall)
            cpu2.append(cpu)
            if warm_cluster is not None:
                warm.append(study(args.runs, "--dask", warm_cluster.scheduler_address)[0])
                t0 = time.perf_counter()
                with cluster() as fresh:
                    study(args.runs, "--dask", fresh.scheduler_address)
                cold.append(time.perf_counter() - t0)
    finally:
        if warm_cluster is not None:
            warm_cluster.close()
    t1, t2 = statistics.median(one), statistics.median(two)
    print(f"study={len(POLICIES)} policies x {args.runs} seeds = {n} runs of default")
    print(f"toy_ms={toy * 1000:.1f}")
    print(f"one_worker_s={t1:.1f}")
    print(f"two_workers_s={t2:.1f}")
    print(f"manager_years_per_min={60 * n / t2:.0f}")
    print(f"cpu_per_run_vs_toy={statistics.median(cpu2) / n / toy:.2f}")
    print(f"efficiency={t1 / (2 * t2):.2f}")
    print(f"one_run_s={statistics.median(single):.2f}")
    if warm:
        print(f"dask_cold_s={statistics.median(cold):.1f}")
        print(f"dask_warm_s={statistics.median(warm):.1f}")
        print(f"dask_warm_ratio={statistics.median(warm) / t2:.2f}")
    print(f"load={load:.2f}->{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


def one_run() -> float:
    """The whole command for a single run (by_the_book, ``--jobs 1``): what every study,
    whatever its size, pays to start and to finish."""
    return study(1, "--jobs", "1", policies=["by_the_book"])[0]


def _toy() -> float:
    t0 = time.process_time()
    toy_year(0)
    return time.process_time() - t0


if __name__ == "__main__":
    sys.exit(main())
