"""Small, standard statistics for comparing policies over seeded runs.

Runs of two policies on the same seeds are paired (common random numbers:
run *i* of each sees the same market luck), so the question "is A better
than B?" is answered by the mean of the per-seed differences and its
Student-t confidence interval, which is much tighter than comparing the two
means separately.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import stdtrit  # Student's t quantile (what scipy.stats.t.ppf calls)


@dataclass(frozen=True)
class Interval:
    """A mean with its confidence interval."""

    mean: float
    lo: float
    hi: float
    n: int

    @property
    def excludes_zero(self) -> bool:
        return self.lo > 0 or self.hi < 0


def mean_ci(values: np.ndarray, level: float = 0.95) -> Interval:
    """The mean of ``values`` with a Student-t interval (a point when n < 2)."""
    x = np.asarray(values, dtype=float)
    n = len(x)
    if n == 0:
        return Interval(float("nan"), float("nan"), float("nan"), 0)
    m = float(x.mean())
    if n < 2:
        return Interval(m, m, m, n)
    half = float(stdtrit(n - 1, 0.5 + level / 2) * x.std(ddof=1) / np.sqrt(n))
    return Interval(m, m - half, m + half, n)


def paired_difference(a: np.ndarray, b: np.ndarray, level: float = 0.95) -> Interval:
    """Mean of ``a - b`` over paired runs, with its interval."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError("paired samples must have the same length")
    return mean_ci(a - b, level)
