"""A year as played under two checkouts of the code, side by side: did a change make it faster?

A change that saves a few per cent of a year is lost in a machine's drift between
two runs of speed.py (its pair ratios span tenths). Here the two trees take
turns: each round plays a few years of the default scenario in a fresh process
of one tree, then of the other, timed in CPU time, and compares the two rounds
of each pair; the median of those ratios is the answer, with their spread.

    git worktree add /tmp/before HEAD~1
    python benchmarks/ab.py /tmp/before            # this tree against the one before
    git worktree remove /tmp/before

Prints:
  old_ms= / new_ms=   the median CPU ms of a year in each tree (the fastest ``--keep``
                      of each process's ``--years``)
  new_vs_old=         the median of the pairs' ratios (below 1: the new tree is faster)
  pair_ratios=        the lowest and highest of them
  pairs=              how many pairs were played

Run: python benchmarks/ab.py OLD_TREE [NEW_TREE] [--pairs 8] [--years 8] [--keep 5]
     [--policy by_the_book]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

# one process's work: a year to warm up, then ``years`` years timed, the fastest ``keep``
# averaged (noise only ever adds time)
CHILD = """
import gc, sys, time
from simulator.policies import make_policy
from simulator.scenario import default_scenario_path, load_scenario
from simulator.session import Session
years, keep, policy = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
scenario = load_scenario(default_scenario_path())
Session(scenario, 99, make_policy(policy)).run()
times = []
for i in range(years):
    gc.collect()
    start = time.process_time()
    Session(scenario, 100 + i, make_policy(policy)).run()
    times.append(time.process_time() - start)
print(sum(sorted(times)[:keep]) / keep * 1000)
"""


def year_ms(tree: Path, years: int, keep: int, policy: str) -> float:
    """A fresh process of ``tree`` plays its years; the CPU ms of a year."""
    # run from the tree itself, with it first on the path: from another folder, the
    # working tree's package could be imported whatever the path says
    env = dict(os.environ, PYTHONPATH=str(tree))
    argv = [sys.executable, "-c", CHILD, str(years), str(keep), policy]
    done = subprocess.run(argv, cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        sys.exit(f"{tree}: {said[-1] if said else f'exit code {done.returncode}'}")
    return float(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path, help="the checkout to compare against")
    ap.add_argument("new", type=Path, nargs="?", default=Path(__file__).resolve().parents[1])
    ap.add_argument("--pairs", type=int, default=8)
    ap.add_argument("--years", type=int, default=8)
    ap.add_argument("--keep", type=int, default=5)
    ap.add_argument("--policy", default="by_the_book")
    args = ap.parse_args()
    if min(args.pairs, args.years, args.keep) < 1:
        ap.error("--pairs, --years and --keep are counts of at least 1")
    keep = min(args.keep, args.years)
    old, new = args.old.resolve(), args.new.resolve()
    for tree in (old, new):
        if not (tree / "simulator" / "__init__.py").is_file():
            sys.exit(f"{tree}: not a checkout of this project (no simulator/ package there)")
    olds, news = [], []
    for _ in range(args.pairs):
        olds.append(year_ms(old, args.years, keep, args.policy))
        news.append(year_ms(new, args.years, keep, args.policy))
    ratios = [n / o for o, n in zip(olds, news, strict=True)]
    print(f"old_ms={statistics.median(olds):.1f}")
    print(f"new_ms={statistics.median(news):.1f}")
    print(f"new_vs_old={statistics.median(ratios):.3f}")
    print(f"pair_ratios={min(ratios):.3f}-{max(ratios):.3f}")
    print(f"pairs={len(ratios)}")


if __name__ == "__main__":
    main()
