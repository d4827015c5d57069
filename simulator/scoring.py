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

    # revenue against target
    revenue = world.revenue_total
    target = weeks[-1].target if weeks else 0.0
    ratio = revenue / target if target > 0 else 0.0
    v = _clip(100.0 * ratio)
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
    let_go_unfair = [
        e
        for e in world.log.of_kind("action_effects")
        if e.data["action"] == "let_go" and not e.data["effects"].get("fair", True)
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

    # skill growth of the team on the desk at the end
    reps = world.active_reps
    s_end = sum(r.mean_skill for r in reps) / len(reps) if reps else 0.0
    s_start = world.metrics.start_skill
    v = _clip(50.0 + 400.0 * (s_end - s_start))
    comps.append(
        Component(
            "skills",
            v,
            weights["skills"],
            {"S_end": s_end, "S_start": s_start},
        )
    )

    # trust in the manager and promises kept
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

    # pipeline health and forecast accuracy
    u_mean = sum(w.unhealthy_share for w in weeks) / len(weeks) if weeks else 0.0
    rmse = world.metrics.forecast_rmse
    v = _clip(50.0 * (1.0 - u_mean) + 50.0 * max(0.0, 1.0 - rmse / 0.3))
    comps.append(
        Component(
            "pipeline",
            v,
            weights["pipeline"],
            {"U_mean": u_mean, "F": rmse},
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
