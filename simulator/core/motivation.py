"""Pure functions of the motivation model: effort, confidence, quitting.

Kept free of state so each relation of the model can be read, plotted and
tested on its own.
"""

from __future__ import annotations

import math
from bisect import bisect_right

from .params import EFFORT_CURVES, ModelParams
from .types import MotivationType


def quota_effort(difficulty: float, mtype: MotivationType) -> float:
    """Effort as an inverted U in quota difficulty (P2).

    ``difficulty`` is quota ÷ the rep's true capacity. Too low and reps coast,
    a stretch a little above 1 gets the most out of them, far above and they
    give up before they start.
    """
    xs, ys = EFFORT_CURVES[mtype]
    return _interp(float(difficulty), xs, ys)


def _interp(x: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    """The curve through the points (``xs``, ``ys``) at ``x``, flat beyond its ends.

    What ``numpy.interp`` gives, value for value, for one point: it is asked
    for every rep every week, and for one number converting the curve to
    arrays cost more than reading it.
    """
    if x != x:  # not a number: nothing to read off the curve
        return x
    if x >= xs[-1]:
        return ys[-1]
    if x < xs[0]:
        return ys[0]
    j = bisect_right(xs, x) - 1
    if xs[j] == x:
        return ys[j]
    return (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]) * (x - xs[j]) + ys[j]


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


def motivation_factor(
    engagement: float, confidence: float, trust: float, stress: float, params: ModelParams
) -> float:
    """How much of their effort a rep actually brings, around 1 at neutral."""
    p = params
    m = (
        1.0
        + p.motivation_engagement * (engagement - p.motivation_engagement_ref)
        # small: the quota's difficulty acts through the curve
        + p.motivation_confidence * (confidence - p.motivation_confidence_ref)
        + p.motivation_trust * (trust - p.motivation_trust_ref)
        - p.motivation_stress * max(0.0, stress - p.strain_stress)
    )
    return min(p.motivation_ceiling, max(p.motivation_floor, m))


def confidence_target(difficulty: float, pace: float, params: ModelParams) -> float:
    """Where confidence settles: a quota beyond reach erodes it (P2); pace moves it too."""
    p = params
    band = p.confidence_pace_band
    target = (
        p.confidence_neutral
        - p.confidence_out_of_reach * max(0.0, difficulty - p.confidence_reach)
        + p.confidence_pace * max(-band, min(band, pace - 1.0))
    )
    return min(p.mood_target_ceiling, max(p.mood_target_floor, target))


def stress_target(difficulty: float, open_deals: int, oversight: int, params: ModelParams) -> float:
    """Where stress settles: impossible quotas, overload, being watched."""
    p = params
    target = (
        p.stress_calm
        + p.stress_quota * max(0.0, difficulty - p.stress_quota_from)
        + p.stress_per_deal * max(0, open_deals - p.stress_deals_from)
    )
    target += p.stress_oversight * max(0, oversight - 1)
    return min(p.mood_target_ceiling, max(p.mood_target_floor, target))


def weekly_quit_hazard(
    engagement: float,
    trust: float,
    stress: float,
    params: ModelParams,
    extra: float = 1.0,
) -> float:
    """Weekly chance of resigning.

    ≈ 0.2% × e^(4·(0.5 − engagement)), raised as trust falls below 0.6 and
    doubled below 0.3, raised by stress and by ``extra`` (an outside offer).
    """
    p = params
    h = p.quit_base * math.exp(p.quit_slope * (p.quit_engagement_ref - engagement))
    # people leave managers: the less they trust theirs, the readier they are to go
    h *= 1.0 + p.distrust_hazard * max(0.0, p.distrust_below - trust)
    if trust < p.low_trust:
        h *= p.low_trust_hazard
    h *= 1.0 + p.stress_hazard * max(0.0, stress - p.strain_stress)
    return min(p.quit_hazard_cap, h * extra)


def annual_risk(weekly_hazard: float) -> float:
    """The chance of leaving within a year at a constant weekly hazard."""
    return 1.0 - (1.0 - weekly_hazard) ** 52
