"""The scenario library: how fast files are checked, and how each scenario calibrates.

Prints ``validate_ms=`` (median time to read, check and convert one shipped
scenario file) and, per shipped scenario, the mean total of ``by_the_book``
and its smallest lead over another built-in policy with the 95% confidence
interval (``salesim calibrate`` with the same seeds for every policy), and
``calibrate_s=``, all the calibrations' time together.

Run: python benchmarks/scenarios.py [--runs 20] [--jobs 2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from simulator.analysis.calibrate import BASELINE, calibrate
from simulator.scenario import load_scenario, shipped_scenarios


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()

    files = shipped_scenarios()
    times = []
    for _ in range(5):
        for f in files:
            t0 = time.perf_counter()
            load_scenario(f)
            times.append(time.perf_counter() - t0)
    print(f"validate_ms={1000 * statistics.median(times):.1f}")
    ok = True
    spent = 0.0
    for f in files:
        cal = calibrate(f, runs=args.runs, seed=1, jobs=args.jobs)
        spent += cal.seconds
        policy, gap = min(cal.gaps.items(), key=lambda kv: kv[1].mean)
        book = cal.results[BASELINE].means
        ok &= cal.discriminates
        print(
            f"{f.stem}: book={book['total']:.1f} revenue/target={book['revenue_ratio']:.2f} "
            f"smallest_lead={gap.mean:.1f} [{gap.lo:.1f}, {gap.hi:.1f}] over {policy}; "
            f"discriminates={'yes' if cal.discriminates else 'NO'} ({cal.seconds:.0f} s)"
        )
    print(f"calibrate_s={spent:.1f}")
    print(f"all_discriminate={'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
