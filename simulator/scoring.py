"""The balanced scorecard, with every number's working shown (``docs/model.md``).

Each component is a value from 0 to 100, computed by a formula a trainer can
read, from inputs a trainer can check against the logs. The total is the
weighted mean of the components, with the weights the scenario sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .core.world import World


@dataclass(frozen=True)
class Component:
    """One line of the scorecard: its value and the numbers its rule was applied to.

    The rule itself and the working with these numbers put in are words, made
    in each language by :meth:`simulator.narrate.Narrator.formula` and
    :meth:`~simulator.narrate.Narrator.working` (``docs/model.md`` states them).
    """

    name: str
    value: float  # 0..100
    weight: float
    inputs: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": round(self.value, 2),
            "weight": self.weight,
            "inputs": {k: round(v, 4) for k, v in self.inputs.items()},
        }


@dataclass(frozen=True)
class Scorecard:
    """All components and their weighted total."""

    components: tuple[Component, ...]
    total: float
    revenue: float
    target: float
    attrition: int
    regretted: int

    def component(self, name: str) -> Component:
        for c in self.components:
            if c.name == name:
                return c
        raise KeyError(name)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": round(self.total, 2),
            "components": {c.name: c.as_dict() for c in self.components},
        }


COMPONENTS: tuple[str, ...] = (
    "revenue",
    "engagement",
    "attrition",
    "skills",
    "trust",
    "pipeline",
    "customers",
)


def _clip(x: float, lo: float = 0.0, hi: float = 100.0) -> float:
    return float(min(hi, max(lo, x)))


def score(world: World) -> Scorecard:
    """Score the game so far (normally called once the scenario is over)."""
    weights = world.scenario.scoring.as_dict()
    weeks = world.metrics.weeks
    comps: list[Component] = []

    # revenue against target: meeting it earns 90; beating it earns the rest, up to 120%
    revenue = world.revenue_total
    target = weeks[-1].target if weeks else 0.0
    ratio = revenue / target if target > 0 else 0.0
    v = _clip(90.0 * min(1.0, ratio) + 50.0 * max(0.0, min(0.2, ratio - 1.0)))
    comps.append(
        Component(
            "revenue",
            v,
            weights["revenue"],
            {"R": revenue, "T": target},
        )
    )

    # team engagement over the whole game
    e_mean = sum(w.engagement for w in weeks) / len(weeks) if weeks else 0.0
    v = _clip(100.0 * (e_mean - 0.3) / 0.5)
    comps.append(
        Component(
            "engagement",
            v,
            weights["engagement"],
            {"E_mean": e_mean},
        )
    )

    # regretted attrition
    start_heads = len(world.scenario.reps)
    resigned = world.log.of_kind("resigned")
    let_go = {e.rep for e in world.log.of_kind("let_go")}  # only their records are read
    let_go_unfair = [
        e
        for e in world.log.of_kind("action_effects")
        if e.rep in let_go
        and e.data["action"] == "let_go"
        and not e.data["effects"].get("fair", True)
    ]
    regretted = len(resigned) + len(let_go_unfair)
    leavers = len(resigned) + len(world.log.of_kind("let_go"))
    v = _clip(100.0 * (1.0 - 2.0 * regretted / max(1, start_heads)))
    comps.append(
        Component(
            "attrition",
            v,
            weights["attrition"],
            {"L": float(regretted), "N": float(start_heads)},
        )
    )

    # skill growth, each rep against their own start, weighted by their weeks on the team
    # (a novice who replaces a leaver adds their own growth, not their lower level)
    played = max(1, world.week if not world.finished else world.scenario.weeks)
    grown, weight = 0.0, 0.0
    for r in world.reps:
        end = r.left_week if r.left_week is not None else played
        w = max(0, end - r.joined_week)
        if w and r.start_skills:
            start = sum(r.start_skills.values()) / len(r.start_skills)
            grown += w * (r.mean_skill - start)
            weight += w
    g_mean = grown / weight if weight else 0.0
    v = _clip(50.0 + 400.0 * g_mean)
    comps.append(
        Component(
            "skills",
            v,
            weights["skills"],
            {"G": g_mean},
        )
    )

    # trust in the manager and promises kept (a promise that fell due after the manager's
    # last turn is not judged)
    reps = world.active_reps
    t_end = sum(r.trust for r in reps) / len(reps) if reps else 0.0
    kept = sum(1 for p in world.manager.promises if p.status == "kept")
    broken = sum(1 for p in world.manager.promises if p.status == "broken")
    kept_share = kept / (kept + broken) if kept + broken else 1.0
    v = _clip(70.0 * min(1.0, t_end / 0.9) + 30.0 * kept_share)
    comps.append(
        Component(
            "trust",
            v,
            weights["trust"],
            {"T_end": t_end, "K": float(kept), "B": float(broken)},
        )
    )

    # pipeline health, from the real funnel: dead and stalled deals, and how far the win
    # chances the manager went by were from what happened to each deal
    u_mean = sum(w.unhealthy_share for w in weeks) / len(weeks) if weeks else 0.0
    brier = world.metrics.brier
    v = _clip(60.0 * (1.0 - u_mean) + 40.0 * max(0.0, min(1.0, (0.30 - brier) / 0.20)))
    comps.append(
        Component(
            "pipeline",
            v,
            weights["pipeline"],
            {"U_mean": u_mean, "Q": brier},
        )
    )

    # customer health
    h_end = world.accounts.health()
    churned = int(world.accounts.churned.sum())
    v = _clip(100.0 * min(1.0, h_end / 0.6))
    comps.append(
        Component(
            "customers",
            v,
            weights["customers"],
            {"H_end": h_end, "H_start": world.metrics.start_health, "churned": float(churned)},
        )
    )

    wsum = sum(c.weight for c in comps)
    total = sum(c.value * c.weight for c in comps) / wsum if wsum > 0 else 0.0
    return Scorecard(tuple(comps), total, revenue, target, leavers, regretted)
