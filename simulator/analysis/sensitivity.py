"""Which scenario assumptions drive the result? Global sensitivity with SALib.

A trainer's scenario rests on guesses: how much demand, how many pre-sales
engineers, how hard the competition. ``salesim sensitivity`` varies the
chosen fields over their ranges together, plays a policy at each sampled
point and apportions the variance of the total score among the fields:

* **Sobol** (Saltelli sampling, ``N × (D + 2)`` points): ``S1`` is the share of
  the variance a field explains alone, ``ST`` its share including every
  interaction; a field with ``ST`` near 0 hardly matters.
* **Morris** (elementary effects, ``N × (D + 1)`` points): ``mu_star`` is the
  mean absolute effect of moving a field across its range in steps, ``sigma``
  how much that effect depends on the other fields; cheaper, for screening.

Every point is played with the same seeds (``replicates`` of them, averaged),
so the differences between points come from the fields, not from luck.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..outputs import save_png
from ..wording import counted
from .design import DesignError, Point, Range, build, distinct
from .pool import play_all
from .runs import MOST_RUNS, Task, workers
from .timeouts import DEFAULT_TIMEOUT, timeout_problem

# the points of a design, at most: each is a scenario of its own, checked and kept in memory
# (about 40 kB: 10,000 take some 400 MB; a Sobol design of --samples 1024 over seven fields
# makes 9,216)
MOST_POINTS = 10_000


@dataclass(frozen=True)
class Index:
    name: str
    first: float  # S1 (Sobol) or mu_star (Morris)
    first_conf: float
    total: float  # ST (Sobol) or sigma (Morris)
    total_conf: float


@dataclass(frozen=True)
class Sensitivity:
    method: str
    policy: str
    points: int
    runs: int
    failed: int
    indices: list[Index]
    mean: float
    sd: float
    samples: int = 0  # the base sample size N asked for (--samples)


class StudyFailed(RuntimeError):
    """Every run of a study failed (its policy's doing): no index can be worked out."""


def _points(ranges: list[Range], method: str, samples: int, seed: int) -> tuple[dict, np.ndarray]:
    problem = {
        "num_vars": len(ranges),
        "names": [r.key for r in ranges],
        "bounds": [[r.lo, r.hi] for r in ranges],
    }
    if method == "sobol":
        from SALib.sample import sobol as sampler

        with warnings.catch_warnings():  # small samples: the report says how sure it is
            warnings.simplefilter("ignore")
            x = sampler.sample(problem, samples, calc_second_order=False, seed=seed)
    elif method == "morris":
        from SALib.sample import morris as sampler

        x = sampler.sample(problem, samples, num_levels=4, seed=seed)
    else:
        raise DesignError(f"unknown method {method!r}: sobol or morris")
    return problem, x


def run_sensitivity(
    path: str,
    policy: str,
    ranges: list[Range],
    samples: int,
    method: str = "sobol",
    seed: int = 1,
    replicates: int = 1,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Sensitivity:
    """Sample, play, analyse. Whole-number fields get whole-number values; a run
    longer than ``timeout`` seconds is stopped and counted failed."""
    from ..policies import make_policy

    make_policy(policy)
    try:
        import SALib  # noqa: F401
    except ImportError:
        raise DesignError(
            "sensitivity needs SALib: install the analysis extra (pip install "
            "'salesim[analysis]', or pip install -e '.[analysis]' in a checkout)"
        ) from None
    if (wrong := timeout_problem(timeout)) is not None:
        raise DesignError(wrong)
    if not ranges:
        raise DesignError("give at least one --vary key=low:high")
    distinct([r.key for r in ranges])
    if samples < 2:
        raise DesignError("--samples must be at least 2")
    if method == "sobol" and samples & (samples - 1):
        raise DesignError(f"--samples {samples}: Sobol sampling needs a power of 2 (e.g. 64)")
    # the runs a design makes, counted before it is drawn (--samples 2**40 asked numpy
    # for 16 TiB): no more than a batch may hold
    d = len(ranges)
    runs = samples * (d + 2 if method == "sobol" else d + 1) * replicates
    if runs > MOST_RUNS:
        raise DesignError(
            f"--samples {samples}: {runs:,} runs with {counted(d, 'field')}; at most {MOST_RUNS:,}"
        )
    points_made = runs // replicates
    if points_made > MOST_POINTS:  # each is a scenario of its own, kept in memory
        raise DesignError(
            f"--samples {samples}: {points_made:,} points with {counted(d, 'field')}; at most "
            f"{MOST_POINTS:,} (each is a scenario of its own, kept in memory: about 40 kB)"
        )
    # each range's ends, checked before any point is drawn: a range beyond what its field
    # takes is told at its end (not at whichever sampled point first passes it), and a
    # whole-number field's range must have whole ends (its sampled points are whole then)
    for r in ranges:
        try:
            build(path, [((r.key, r.at(0.0)),), ((r.key, r.at(1.0)),)])
            if not r.whole:
                build(path, [((r.key, r.at(0.5)),)])
        except DesignError as e:
            raise DesignError(f"--vary {r.key}={r.lo:g}:{r.hi:g}: {e}") from None
    problem, x = _points(ranges, method, samples, seed)
    unit = (x - np.array([r.lo for r in ranges])) / np.array([r.hi - r.lo for r in ranges])
    points: list[Point] = [
        tuple((r.key, r.at(float(u))) for r, u in zip(ranges, row, strict=True)) for row in unit
    ]
    scenarios = build(path, points)
    variants = {(0, j): (scn, "scenario", points[j]) for j, scn in enumerate(scenarios)}
    tasks = [
        Task(j * replicates + k, 0, j, policy, seed + k)
        for j in range(len(points))
        for k in range(replicates)
    ]
    results: list[dict[str, Any]] = []

    def record(entry: dict[str, Any]) -> None:
        results.append(entry)
        if progress:
            progress(len(results), len(tasks))

    # every run in a worker, as a batch plays them: a policy that ends its process or
    # will not stop fails its own run, not the study
    play_all(workers(jobs, len(tasks)), variants, tasks, timeout, record)
    totals = np.full((len(points), replicates), np.nan)
    for res in results:
        row = res["row"]
        if row["status"] == "ok":
            totals[row["point"], row["run"] % replicates] = row["total"]
    failed = int(np.isnan(totals).sum())
    lost = np.isnan(totals).all(axis=1)  # points none of whose runs finished
    if lost.all():
        why = next(r["row"]["error"] for r in results if r["row"]["status"] != "ok")
        raise StudyFailed(f"{policy}: every run failed, nothing to analyse (the first: {why})")
    if failed:
        # a failed run would bias the indices: it counts as its point's other replicates,
        # and a point with none as the study's mean score (it then moves no index; a
        # score of 0 there had been read as the field's doing)
        means = np.nanmean(np.where(lost[:, None], 0.0, totals), axis=1)
        means[lost] = means[~lost].mean()
        totals = np.where(np.isnan(totals), means[:, None], totals)
    y = totals.mean(axis=1)
    indices = _analyse(problem, x, y, method, seed)
    return Sensitivity(
        method,
        policy,
        len(points),
        len(tasks),
        failed,
        indices,
        float(y.mean()),
        float(y.std()),
        samples,
    )


def _analyse(problem: dict, x: np.ndarray, y: np.ndarray, method: str, seed: int) -> list[Index]:
    # SALib warns, with its own file's path, when the scores (or a resample of them) are
    # all alike; the report says so in its own words (see report)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return _indices(problem, x, y, method, seed)


def _indices(problem: dict, x: np.ndarray, y: np.ndarray, method: str, seed: int) -> list[Index]:
    names = problem["names"]
    if float(np.std(y)) == 0.0:
        return [Index(n, 0.0, 0.0, 0.0, 0.0) for n in names]
    if method == "sobol":
        from SALib.analyze import sobol

        si = sobol.analyze(problem, y, calc_second_order=False, seed=seed)
        return [
            Index(
                n,
                float(si["S1"][i]),
                float(si["S1_conf"][i]),
                float(si["ST"][i]),
                float(si["ST_conf"][i]),
            )
            for i, n in enumerate(names)
        ]
    from SALib.analyze import morris

    si = morris.analyze(problem, x, y, num_levels=4, seed=seed)
    return [
        Index(n, float(si["mu_star"][i]), float(si["mu_star_conf"][i]), float(si["sigma"][i]), 0.0)
        for i, n in enumerate(names)
    ]


def _estimates(ix: Index) -> tuple[tuple[float, float], ...]:
    """A Sobol index's two estimates, each with its interval's half-width: S1 and ST."""
    return ((ix.first, ix.first_conf), (ix.total, ix.total_conf))


def _table(heads: tuple[str, ...], rows: list[tuple[str, list[str]]]) -> list[str]:
    """The indices' table: a field's name, then its numbers right-aligned, each column
    as wide as its widest entry and two spaces apart (a long field's path, or an index
    of many digits, ran into the next column at fixed widths)."""
    name_width = max([len("field"), *(len(name) for name, _ in rows)])
    widths = [max([len(h), *(len(c[i]) for _, c in rows)]) + 2 for i, h in enumerate(heads)]

    def line(name: str, cells: tuple[str, ...] | list[str]) -> str:
        numbers = "".join(c.rjust(w) for c, w in zip(cells, widths, strict=True))
        return "  " + name.ljust(name_width) + numbers

    return [line("field", heads), *(line(name, cells) for name, cells in rows)]


def report(s: Sensitivity) -> str:
    lines = [
        f"{s.method.capitalize()} sensitivity of the total score under {s.policy}: "
        f"{counted(s.points, 'point')}, {counted(s.runs, 'run')} ({s.failed} failed); "
        f"total {s.mean:.1f} ± {s.sd:.1f} (sd)",
    ]
    if s.sd < 0.05:  # every run scored (nearly) alike: there is no variance to share out
        lines.append(
            "  The score hardly moved across these ranges: no field here drives it "
            "(widen the ranges, or vary other fields)."
        )
    if s.method == "sobol":
        ranked = sorted(s.indices, key=lambda i: -i.total)
        lines += _table(
            ("S1", "± conf", "ST", "± conf"),
            [
                (ix.name, [f"{v:.3f}" for v in (ix.first, ix.first_conf, ix.total, ix.total_conf)])
                for ix in ranked
            ],
        )
        lines.append(
            "S1: share of the score's variance the field explains alone; ST: with its interactions."
        )
        wide = any(ix.first_conf > 0.2 or ix.total_conf > 0.2 for ix in s.indices)
        # a share of variance lies in 0..1: an estimate whose interval misses that range
        # altogether says the samples are too few, however narrow its interval
        off = [ix for ix in s.indices if any(v - c > 1.0 or v + c < 0.0 for v, c in _estimates(ix))]
        if wide or off:
            why = (
                "The intervals are wide (above ±0.2)"
                if wide
                else f"{off[0].name}'s indices fall outside 0..1, where no share of variance can"
            )
            lines.append(
                f"{why}: raise --samples (it was {s.samples}; "
                f"try {max(64, 4 * s.samples)}) before relying on these numbers; "
                "values outside 0..1 are sampling noise."
            )
    else:
        ranked = sorted(s.indices, key=lambda i: -i.first)
        lines += _table(
            ("mu*", "± conf", "sigma"),
            [(ix.name, [f"{v:.2f}" for v in (ix.first, ix.first_conf, ix.total)]) for ix in ranked],
        )
        lines.append(
            "mu*: mean absolute change of the score across the field's range (points); "
            "sigma: how much that depends on the other fields."
        )
    return "\n".join(lines)


def plot(s: Sensitivity, out: str | os.PathLike[str]) -> object:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # names come from users (scenarios, policies, fields): "$" in one is text, not math
    plt.rcParams["text.parse_math"] = False

    names = [i.name for i in s.indices]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(names) + 2))
    y = np.arange(len(names))
    if s.method == "sobol":
        ax.barh(
            y - 0.2,
            [i.first for i in s.indices],
            0.4,
            xerr=[i.first_conf for i in s.indices],
            label="S1",
        )
        ax.barh(
            y + 0.2,
            [i.total for i in s.indices],
            0.4,
            xerr=[i.total_conf for i in s.indices],
            label="ST",
        )
        ax.set_xlabel("share of the total score's variance")
    else:
        ax.barh(
            y,
            [i.first for i in s.indices],
            0.5,
            xerr=[i.first_conf for i in s.indices],
            label="mu*",
        )
        ax.set_xlabel("mean absolute effect on the total score (points)")
    ax.set_yticks(y, names)
    ax.legend()
    ax.set_title(f"What drives the score under {s.policy} ({s.method})")
    fig.tight_layout()
    save_png(fig, Path(out), dpi=100)
    plt.close(fig)
    return out
