"""How fast a year of the game costs, as played, against a bare SimPy toy on the same machine.

The headline is what every user runs: a year of the default scenario with a
manager in it (the by_the_book policy observing, deciding and acting every
week), timed in the same run as the yardstick toy (12 reps, 500 accounts, no
model), the two interleaved so machine noise hits both alike. A season runs with
Python's cycle collector paused and collects once it is over, as every game and
batch does (simulator/collector.py); the toy gains nothing from the same (44.4 ms
against 44.1 ms with the collector off), so the ratio is not flattered by it.

Prints:
  toy_ms=               median ms of the toy's year
  year_ms_by_the_book=  median ms of the default scenario's year as played (8 reps, 340 accounts)
  played_vs_toy=        year_ms_by_the_book ÷ toy_ms (goal ≤ 2.0, stretch 1.5)
  played_cpu_vs_toy=    the same ratio in CPU time (less sensitive to a busy machine)
  pair_ratios=          the lowest and highest ratio of one repeat's year to the toy's just
                        before it: how far the machine's noise moved a single measurement
  played_vs_toy_best=   the fastest year as played ÷ the fastest toy's year (noise only ever
                        adds time, so the fastest of each is the least disturbed)
  year_ms_world=        the same year with no manager (the market and the team alone)
  scale4x_ratio=        a year as played with 4× the reps and accounts ÷ 1× (goal ≤ 4.5)
  load=                 the machine's load average while it ran, and its cores

Run: python benchmarks/speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import gc
import os
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


def timed(jobs: dict, repeat: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU times (s) of each job's repeats, the jobs interleaved so noise hits
    all alike."""
    wall: dict[str, list[float]] = {name: [] for name in jobs}
    cpu: dict[str, list[float]] = {name: [] for name in jobs}
    for i in range(repeat):
        for name, fn in jobs.items():
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            fn(i)
            wall[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
    return wall, cpu


def median_ms(times: dict[str, list[float]]) -> dict[str, float]:
    return {name: statistics.median(t) * 1000 for name, t in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=9)
    args = ap.parse_args()
    base = load_scenario(default_scenario_path())
    big = scaled(base, 4)

    def year(scn, policy=None):
        return lambda i: Session(scn, 100 + i, make_policy(policy) if policy else None).run()

    year(base, "by_the_book")(0)  # warm imports and caches
    load_before = os.getloadavg()[0]
    wall, cpu_s = timed(
        {
            "toy": toy_year,
            "book": year(base, "by_the_book"),
            "world": year(base),
            "four": year(big, "by_the_book"),
        },
        args.repeat,
    )
    ms, cpu = median_ms(wall), median_ms(cpu_s)
    pairs = [b / t for b, t in zip(wall["book"], wall["toy"], strict=True)]
    print(f"toy_ms={ms['toy']:.1f}")
    print(f"year_ms_by_the_book={ms['book']:.1f}")
    print(f"played_vs_toy={ms['book'] / ms['toy']:.2f}")
    print(f"played_cpu_vs_toy={cpu['book'] / cpu['toy']:.2f}")
    print(f"pair_ratios={min(pairs):.2f}-{max(pairs):.2f}")
    print(f"played_vs_toy_best={min(wall['book']) / min(wall['toy']):.2f}")
    print(f"year_ms_world={ms['world']:.1f}")
    print(f"scale4x_ratio={ms['four'] / ms['book']:.2f}")
    print(f"load={load_before:.2f}->{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
