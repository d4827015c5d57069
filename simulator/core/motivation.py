"""Pure functions of the motivation model: effort, confidence, quitting.

Kept free of state so each relation of the model can be read, plotted and
tested on its own.
"""

from __future__ import annotations

import math

import numpy as np

from .params import EFFORT_CURVES, ModelParams
from .types import MotivationType


def quota_effort(difficulty: float, mtype: MotivationType) -> float:
    """Effort as an inverted U in quota difficulty (P2).

    ``difficulty`` is quota ÷ the rep's true capacity. Too low and reps coast,
    a stretch a little above 1 gets the most out of them, far above and they
    give up before they start.
    """
    xs, ys = EFFORT_CURVES[mtype]
    return float(np.interp(difficulty, xs, ys))


def saturate(value: float, delta: float, ref: float = 0.65) -> float:
    """How far a push of ``delta`` really moves a 0..1 quantity now at ``value``.

    Moods saturate: good news moves an already keen rep less than a flat one,
    bad news hits hardest where there is most to lose. At ``ref`` a push moves
    the value by exactly ``delta``.
    """
    if delta >= 0:
        factor = min(1.5, (1.0 - value) / (1.0 - ref))
        return min(1.0 - value, delta * factor)
    factor = min(1.5, value / ref)
    return max(-value, delta * factor)


def motivation_factor(engagement: float, confidence: float, trust: float, stress: float) -> float:
    """How much of their effort a rep actually brings, around 1 at neutral."""
    m = (
        1.0
        + 0.8 * (engagement - 0.65)
        + 0.15 * (confidence - 0.6)  # small: the quota's difficulty acts through the curve
        + 0.15 * (trust - 0.6)
        - 0.4 * max(0.0, stress - 0.6)
    )
    return min(1.4, max(0.3, m))


def confidence_target(difficulty: float, pace: float) -> float:
    """Where confidence settles: a quota beyond reach erodes it (P2); pace moves it too."""
    target = 0.75 - 0.8 * max(0.0, difficulty - 1.3) + 0.3 * max(-0.5, min(0.5, pace - 1.0))
    return min(0.95, max(0.05, target))


def stress_target(difficulty: float, open_deals: int, oversight: int) -> float:
    """Where stress settles: impossible quotas, overload, being watched."""
    target = 0.3 + 0.4 * max(0.0, difficulty - 1.2) + 0.02 * max(0, open_deals - 14)
    target += 0.05 * max(0, oversight - 1)
    return min(0.95, max(0.05, target))


def weekly_quit_hazard(
    engagement: float,
    trust: float,
    stress: float,
    params: ModelParams,
    extra: float = 1.0,
) -> float:
    """Weekly chance of resigning.

    ≈ 0.2% × e^(4·(0.5 − engagement)), raised as trust falls below 0.6 and
    doubled below 0.3, raised by stress and by ``extra`` (a deputy with no
    share of the value they make, an outside offer).
    """
    h = params.quit_base * math.exp(params.quit_slope * (0.5 - engagement))
    # people leave managers: the less they trust theirs, the readier they are to go
    h *= 1.0 + params.distrust_hazard * max(0.0, 0.6 - trust)
    if trust < params.low_trust:
        h *= params.low_trust_hazard
    h *= 1.0 + 2.0 * max(0.0, stress - 0.6)
    return min(0.5, h * extra)


def annual_risk(weekly_hazard: float) -> float:
    """The chance of leaving within a year at a constant weekly hazard."""
    return 1.0 - (1.0 - weekly_hazard) ** 52
