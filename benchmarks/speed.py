"""How fast the model simulates a year, against a bare SimPy toy on the same machine.

Prints:
  toy_ms=               median ms of the yardstick toy's year (12 reps, 500 accounts, no model)
  year_ms=              median ms of one simulated year of the default scenario (8 reps,
                        340 accounts), one core, in process: the world alone, no manager
  year_vs_toy=          year_ms ÷ toy_ms (goal ≤ 2)
  year_ms_by_the_book=  the same year with the by_the_book policy deciding every week
  scale4x_ratio=        cost of 4× the reps and accounts ÷ cost of 1× (goal ≤ 4.5)

Run: python benchmarks/speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from yardstick import toy_year

from simulator.policies import make_policy
from simulator.scenario import default_scenario_path, load_scenario
from simulator.session import Session


def scaled(scenario, k: int):
    """The scenario with k× the reps and k× the accounts (and k× the target)."""
    reps = tuple(replace(r, name=f"{r.name} {i + 1}") for i in range(k) for r in scenario.reps)
    segs = tuple(replace(s, accounts=s.accounts * k) for s in scenario.market.segments)
    return replace(
        scenario,
        reps=reps,
        market=replace(scenario.market, segments=segs),
        team_target=tuple(t * k for t in scenario.team_target),
        manager=replace(scenario.manager, max_headcount=scenario.manager.max_headcount * k),
    )


def medians_ms(jobs: dict, repeat: int) -> dict[str, float]:
    """Median wall time of each job, the jobs interleaved so machine noise hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for i in range(repeat):
        for name, fn in jobs.items():
            gc.collect()
            t0 = time.perf_counter()
            fn(i)
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(t) * 1000 for name, t in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=9)
    args = ap.parse_args()
    base = load_scenario(default_scenario_path())
    big = scaled(base, 4)

    def year(scn, policy=None):
        return lambda i: Session(scn, 100 + i, make_policy(policy) if policy else None).run()

    year(base)(0)  # warm imports and caches
    ms = medians_ms(
        {
            "toy": toy_year,
            "one": year(base),
            "four": year(big),
            "book": year(base, "by_the_book"),
        },
        args.repeat,
    )
    print(f"toy_ms={ms['toy']:.1f}")
    print(f"year_ms={ms['one']:.1f}")
    print(f"year_vs_toy={ms['one'] / ms['toy']:.2f}")
    print(f"year_ms_by_the_book={ms['book']:.1f}")
    print(f"scale4x_ratio={ms['four'] / ms['one']:.2f}")


if __name__ == "__main__":
    main()
