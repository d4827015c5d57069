"""Does the handbook's way of managing beat every anti-pattern, beyond luck?

Runs every built-in policy on the same seeds (common random numbers: run i of
every policy sees the same market luck) and prints, per policy, the mean of
each scorecard component and the paired difference of the total score against
``by_the_book`` with its 95% confidence interval (normal approximation of the
paired mean, sound for 100 or more seeds). The claim holds when every
interval lies above zero.

Run: python benchmarks/policy_ranking.py [--seeds 100] [--jobs 2] [--scenario PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from simulator.policies import POLICIES, make_policy
from simulator.scenario import default_scenario_path, load_scenario
from simulator.session import Session

COMPONENTS = ("revenue", "engagement", "attrition", "skills", "trust", "pipeline", "customers")


def one_run(job: tuple[str, str, int]) -> tuple[str, int, list[float]]:
    path, policy, seed = job
    card = Session(load_scenario(path), seed, make_policy(policy)).run()
    values = [card.total, *(card.component(c).value for c in COMPONENTS)]
    return policy, seed, [*values, card.revenue / card.target, float(card.attrition)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--scenario", default=str(default_scenario_path()))
    args = ap.parse_args()

    jobs = [(args.scenario, p, s) for s in range(args.seeds) for p in POLICIES]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(one_run, jobs, chunksize=4))
    elapsed = time.perf_counter() - t0
    table: dict[str, np.ndarray] = {}
    for policy in POLICIES:
        rows = sorted((seed, v) for p, seed, v in results if p == policy)
        table[policy] = np.array([v for _, v in rows])

    z = statistics.NormalDist().inv_cdf(0.975)
    base = table["by_the_book"][:, 0]
    print(
        f"scenario: {load_scenario(args.scenario).title}; {args.seeds} seeds per policy, "
        f"common random numbers; {len(jobs)} runs in {elapsed:.0f} s"
    )
    head = "".join(f"{c[:7]:>8}" for c in COMPONENTS)
    print(
        f"{'policy':<17}{'total':>7}{head}{'rev/tgt':>8}{'left':>6}   "
        f"{'book − policy [95% CI]':<26}{'book wins':>9}"
    )
    ok = True
    for policy, data in table.items():
        means = data.mean(axis=0)
        line = f"{policy:<17}{means[0]:7.1f}" + "".join(f"{m:8.1f}" for m in means[1:8])
        line += f"{means[8]:8.2f}{means[9]:6.2f}"
        if policy != "by_the_book":
            diff = base - data[:, 0]
            half = z * diff.std(ddof=1) / np.sqrt(len(diff))
            lo, hi = diff.mean() - half, diff.mean() + half
            ok &= lo > 0
            line += f"   {diff.mean():6.1f} [{lo:5.1f}, {hi:5.1f}]     {np.mean(diff > 0):8.0%}"
        print(line)
    print(f"by_the_book_beats_all={'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
