"""Does the model teach on scenarios nobody tuned it on? Random teams and markets.

Draws ``--scenarios`` scenario files at random (``simulator.analysis.unseen``:
teams of 3 to 14 reps of any mix of types, one to three market segments, sales
cycles of 2 to 14 months, targets 0.85 to 1.2 times what the team could book,
no scripted events), writes them to ``--out`` (kept, so a surprising result can
be played) and loads each as a trainer's file would be. On each it plays every
built-in policy on common seeds, as ``policy_ranking.py`` does, and the two
experiments of ``validity.py`` that say whether knowing the types and
supervising a deputy pay: levers matched to each rep's type against a contest
for everyone, and unsupervised delegation against light supervision with a share.

Prints one line per scenario (its team and market, the handbook's total, and
``by_the_book − policy`` for each other policy; ``?`` where that lead is within
the noise), then the summary lines:

  book_ahead=          in how many scenarios by_the_book leads each policy beyond noise
  book_lead_pooled=    the lead over each policy across all scenarios and seeds [95% CI]
  matched_vs_contest=  revenue (% of target) of type-matched levers − a contest for all
  no_supervision=      total score of unsupervised delegation − light supervision

Run: python benchmarks/unseen.py [--scenarios 12] [--seeds 10] [--jobs 2] [--seed 2026]
     [--out FOLDER]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from simulator.analysis.calibrate import BASELINE, calibrate
from simulator.analysis.stats import mean_ci
from simulator.analysis.unseen import describe, write
from simulator.analysis.validity import EXPERIMENTS, Experiment, run
from simulator.scenario import load_scenario


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenarios", type=int, default=12)
    ap.add_argument("--seeds", type=int, default=10, help="seasons per policy and scenario")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=2026, help="draws the scenarios")
    ap.add_argument("--out", default="", help="where to keep the scenario files (a temp folder)")
    args = ap.parse_args()
    folder = Path(args.out or tempfile.mkdtemp(prefix="salesim-unseen-"))
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(np.random.SeedSequence(args.seed))
    t0 = time.perf_counter()
    print(f"scenarios in {folder}; {args.seeds} seeds per policy; common random numbers")
    leads: dict[str, list[np.ndarray]] = {}
    ahead: dict[str, int] = {}
    levers: list[np.ndarray] = []
    unsupervised: list[np.ndarray] = []
    seeds = list(range(1, args.seeds + 1))
    for k in range(1, args.scenarios + 1):
        path, data, stretch = write(folder, rng, k)
        cal = calibrate(path, runs=args.seeds, seed=1, jobs=args.jobs)
        base = cal.results[BASELINE]
        gaps = []
        for policy, r in cal.results.items():
            if policy == BASELINE:
                continue
            leads.setdefault(policy, []).append(base.totals - r.totals)
            g = cal.gaps[policy]
            ahead[policy] = ahead.get(policy, 0) + (g.lo > 0)
            gaps.append(f"{policy[:10]} {g.mean:+5.1f}{'' if g.lo > 0 else '?'}")
        print(
            f"{path.stem}: {describe(data, stretch)}; book {base.means['total']:.1f}; "
            + ", ".join(gaps),
            flush=True,
        )
        scenario = load_scenario(path)
        lv = run(_only(EXPERIMENTS["levers"], "matched"), scenario, seeds, jobs=args.jobs)
        levers.append(_diffs(lv, "matched", "contest for all", "revenue_pct"))
        dl = run(_only(EXPERIMENTS["delegation"], "no supervision"), scenario, seeds, args.jobs)
        unsupervised.append(_diffs(dl, "no supervision", "light, shared", "total"))
    n = args.scenarios
    print("book_ahead=" + ", ".join(f"{p} {ahead[p]}/{n}" for p in leads))
    print(
        "book_lead_pooled=" + ", ".join(f"{p} {_ci(np.concatenate(v))}" for p, v in leads.items())
    )
    above, below = _count(levers, "above"), _count(unsupervised, "below")
    print(f"matched_vs_contest={_ci(np.concatenate(levers))} ({above}/{n} scenarios above 0)")
    print(f"no_supervision={_ci(np.concatenate(unsupervised))} ({below}/{n} scenarios below 0)")
    print(f"unseen_seconds={time.perf_counter() - t0:.0f}")
    return 0


def _only(e: Experiment, label: str) -> Experiment:
    """The experiment with one variant beside its reference (the two this check reads)."""
    return replace(e, variants=tuple(v for v in e.variants if v.label in (label, e.reference)))


def _diffs(out: Any, label: str, reference: str, metric: str) -> np.ndarray:
    """Seed-by-seed ``label − reference`` of one metric."""
    return np.asarray(out.values(label, metric)) - np.asarray(out.values(reference, metric))


def _ci(x: np.ndarray) -> str:
    m = mean_ci(x)
    return f"{m.mean:+.2f} [{m.lo:+.2f}, {m.hi:+.2f}]"


def _count(groups: list[np.ndarray], side: str) -> int:
    """Scenarios whose mean difference lies on ``side`` of zero, beyond noise."""
    done = 0
    for x in groups:
        m = mean_ci(x)
        done += m.lo > 0 if side == "above" else m.hi < 0
    return done


if __name__ == "__main__":
    sys.exit(main())
