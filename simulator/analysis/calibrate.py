"""Is a scenario hard, and does it reward good management? Ask the built-in policies.

A trainer who writes a scenario wants two things from it: a score range that
leaves room to do well or badly, and a clear reward for managing by the
handbook. ``salesim calibrate`` plays the scenario with every built-in policy
on the same seeds and reports both: each policy's score distribution, and the
paired gap between ``by_the_book`` and every anti-pattern with a 95%
confidence interval. A gap whose interval reaches zero means the scenario
does not (yet) punish that mistake; a gap of a few points means a player may
not notice it.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..core.spec import Scenario
from ..policies import POLICIES
from ..scoring import COMPONENTS
from ..wording import counted, seeds_range
from .runs import Task, collected_per_run, run_collected, workers
from .stats import Interval, mean_ci, paired_difference

BASELINE = "by_the_book"
NOTICEABLE = 3.0  # points of total score a player will notice in a debrief


@lru_cache(maxsize=8)
def _scenario(path: str, team: int = 0) -> Scenario:
    """The scenario at ``path``; with ``team`` > 0, its team scaled to that many reps."""
    from ..scenario import load_scenario

    scenario = load_scenario(path)
    if team:
        from .validity import scale_team

        scenario = scale_team(scenario, team)
    return scenario


def one_run(
    job: tuple[str, str, int] | tuple[str, str, int, int],
) -> tuple[str, int, dict[str, float]]:
    """Play one (scenario file, policy, seed[, team size]); the figures calibration needs."""
    path, policy, seed = job[:3]
    team = job[3] if len(job) > 3 else 0
    row = run_collected(Task(0, 0, 0, policy, seed), _scenario(path, team), path, (), None)["row"]
    if row["status"] != "ok":
        raise RuntimeError(f"{policy}, seed {seed}: {row['error']}")
    figures = {"total": row["total"], **{c: row[f"score.{c}"] for c in COMPONENTS}}
    return (
        policy,
        seed,
        {**figures, "revenue_ratio": row["revenue_ratio"] or 0.0, "leavers": float(row["leavers"])},
    )


@dataclass(frozen=True)
class PolicyResult:
    """One policy's runs: the totals (in seed order) and mean figures."""

    policy: str
    totals: np.ndarray
    means: dict[str, float]

    def quantile(self, q: float) -> float:
        return float(np.quantile(self.totals, q))


@dataclass(frozen=True)
class Calibration:
    title: str
    path: str
    seeds: tuple[int, ...]
    results: dict[str, PolicyResult]
    gaps: dict[str, Interval]  # baseline − policy, paired by seed
    seconds: float

    @property
    def discriminates(self) -> bool:
        """``by_the_book`` is ahead of every other policy beyond the noise."""
        return all(g.lo > 0 for g in self.gaps.values())

    def weak(self) -> list[str]:
        return [p for p, g in self.gaps.items() if g.lo > 0 and g.mean < NOTICEABLE]

    def failing(self) -> list[str]:
        return [p for p, g in self.gaps.items() if g.lo <= 0]


def calibrate(
    path: str | os.PathLike[str],
    runs: int = 20,
    seed: int = 1,
    jobs: int | None = None,
    policies: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    team: int = 0,
) -> Calibration:
    """Play ``runs`` seeds of every policy on the scenario at ``path``.

    ``team`` > 0 plays the scenario with its team scaled to that many reps
    (:func:`simulator.analysis.validity.scale_team`): does the handbook's way
    still win when one manager cannot see everyone every week?
    """
    path = str(path)
    scenario = _scenario(path, team)  # fails early, with the file's own error
    names = list(policies or POLICIES)
    if BASELINE not in names:
        names.insert(0, BASELINE)
    seeds = tuple(range(seed, seed + runs))
    work = [(path, p, s, team) for s in seeds for p in names]
    jobs = workers(jobs, len(work))
    t0 = time.perf_counter()
    rows: list[tuple[str, int, dict[str, float]]] = []
    if jobs == 1:
        with collected_per_run():  # as a batch's worker plays: each run collected once
            for i, job in enumerate(work):
                rows.append(one_run(job))
                if progress:
                    progress(i + 1, len(work))
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=gc.disable) as pool:
            for i, row in enumerate(pool.map(one_run, work, chunksize=2)):
                rows.append(row)
                if progress:
                    progress(i + 1, len(work))
    results: dict[str, PolicyResult] = {}
    for p in names:
        mine = sorted((s, r) for q, s, r in rows if q == p)
        keys = mine[0][1].keys()
        totals = np.array([r["total"] for _, r in mine])
        means = {k: float(np.mean([r[k] for _, r in mine])) for k in keys}
        results[p] = PolicyResult(p, totals, means)
    base = results[BASELINE].totals
    gaps = {p: paired_difference(base, r.totals) for p, r in results.items() if p != BASELINE}
    return Calibration(str(scenario.title), path, seeds, results, gaps, time.perf_counter() - t0)


def report(cal: Calibration) -> str:
    """The calibration as a plain-text report for a trainer."""
    lines = [
        f"{cal.title} — {counted(len(cal.seeds), 'seed')} per policy ({seeds_range(cal.seeds)}, "
        f"the same for every policy); {counted(len(cal.seeds) * len(cal.results), 'run')} in "
        f"{cal.seconds:.0f} s",
        "",
        "How hard: total score (0–100) by policy",
        f"  {'policy':<17}{'mean':>6}{'p10':>6}{'median':>8}{'p90':>6}"
        f"{'revenue/target':>16}{'leavers':>9}",
    ]
    for p, r in cal.results.items():
        ci = mean_ci(r.totals)
        lines.append(
            f"  {p:<17}{ci.mean:6.1f}{r.quantile(0.1):6.1f}{r.quantile(0.5):8.1f}"
            f"{r.quantile(0.9):6.1f}{r.means['revenue_ratio']:15.0%} {r.means['leavers']:8.1f}"
        )
    if not cal.gaps:  # by_the_book alone: nothing to be ahead of, so nothing is claimed
        lines += [
            "",
            f"Does it reward good management? Not measured: {BASELINE} was the only policy "
            "played. Name others with --policy, or leave --policy out to play every "
            "built-in one.",
        ]
        return "\n".join(lines)
    lines += ["", f"Does it reward good management? {BASELINE} minus each policy, paired by seed"]
    for p, g in cal.gaps.items():
        if g.lo > 0 and g.mean >= NOTICEABLE:
            verdict = "rewarded"
        elif g.lo > 0:
            verdict = "rewarded, but by little: a player may not notice"
        else:
            verdict = "NOT rewarded: the interval reaches zero"
        lines.append(f"  {p:<17}{g.mean:+6.1f} [{g.lo:+.1f}, {g.hi:+.1f}]  {verdict}")
    lines.append("")
    if cal.discriminates:
        lines.append(f"Verdict: {BASELINE} beats every other policy beyond the noise.")
    else:
        lines.append(
            f"Verdict: {BASELINE} is not clearly ahead of: {', '.join(cal.failing())}. "
            "Make the mistake these policies embody cost more in this scenario, or run more "
            "seeds (--runs)."
        )
    return "\n".join(lines)
