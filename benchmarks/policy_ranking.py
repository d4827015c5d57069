"""Does the handbook's way of managing beat every anti-pattern, beyond luck?

Runs every built-in policy on the same seeds (common random numbers: run i of
every policy sees the same market luck) and prints, per policy, the mean of
each scorecard component and the paired difference of the total score against
``by_the_book`` with its 95% Student-t confidence interval. The claim holds
when every interval lies above zero.

With ``--teams 4,8,14,20,25`` the scenario is played with its team scaled to
each size (market, targets, support and budget scaled with it; the manager's
hours not): the handbook's lead must hold on a team one manager cannot see
every week.

Run: python benchmarks/policy_ranking.py [--seeds 100] [--jobs 2] [--scenario PATH]
     [--teams 4,8,14,20,25]
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from simulator.analysis.calibrate import BASELINE, calibrate
from simulator.scenario import default_scenario_path
from simulator.scoring import COMPONENTS


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--scenario", default=str(default_scenario_path()))
    ap.add_argument("--teams", default="", help="team sizes to scale the scenario to (4,8,…)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.teams.split(",") if x.strip()] or [0]
    ok = True
    for team in sizes:
        ok &= rank(args.scenario, args.seeds, args.jobs, team)
    return 0 if ok else 1


def rank(scenario: str, seeds: int, jobs: int, team: int) -> bool:
    cal = calibrate(scenario, runs=seeds, seed=0, jobs=jobs, team=team)
    size = f", a team of {team}" if team else ""
    print(
        f"scenario: {cal.title}{size}; {seeds} seeds per policy, common random numbers; "
        f"{seeds * len(cal.results)} runs in {cal.seconds:.0f} s"
    )
    head = "".join(f"{c[:7]:>8}" for c in COMPONENTS)
    print(
        f"{'policy':<17}{'total':>7}{head}{'rev/tgt':>8}{'left':>6}   "
        f"{'book − policy [95% CI]':<26}{'book wins':>9}"
    )
    base = cal.results[BASELINE].totals
    for policy, r in cal.results.items():
        m = r.means
        line = f"{policy:<17}{m['total']:7.1f}" + "".join(f"{m[c]:8.1f}" for c in COMPONENTS)
        line += f"{m['revenue_ratio']:8.2f}{m['leavers']:6.2f}"
        if policy != BASELINE:
            g = cal.gaps[policy]
            wins = np.mean(base > r.totals)
            line += f"   {g.mean:6.1f} [{g.lo:5.1f}, {g.hi:5.1f}]     {wins:8.0%}"
        print(line)
    print(f"by_the_book_beats_all={'yes' if cal.discriminates else 'NO'}")
    return cal.discriminates


if __name__ == "__main__":
    sys.exit(main())
