"""A data collector kept apart from the model: weekly snapshots and deal outcomes.

The world calls ``collect`` once a week; scoring, reports and batch tables read
the snapshots. Nothing here changes the simulation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .world import World


@dataclass(frozen=True)
class WeekMetrics:
    """The team's vital signs at the end of one week."""

    week: int
    revenue: float  # cumulative booked revenue
    target: float  # cumulative target to date
    headcount: int
    engagement: float
    effort: float  # the team's mean effort this week (1 = full effort at a fair quota)
    mood_seen: float  # the team's mood as the manager reads it (what the game charts)
    trust: float
    confidence: float
    stress: float
    cohesion: float
    open_deals: int
    unhealthy_share: float  # open deals stalled ≥ 15 days or dead
    pipeline_true: float  # Σ true win chance × value
    pipeline_shown: float  # Σ shown win chance × value
    customer_health: float
    hours_used: float
    budget_spent: float


@dataclass
class MetricsCollector:
    weeks: list[WeekMetrics] = field(default_factory=list)
    brier_sum: float = 0.0
    brier_n: int = 0
    forecast_sq: float = 0.0
    forecast_n: int = 0
    closed_deals: int = 0
    start_health: float = 0.0
    start_skill: float = 0.0
    start_trust: float = 0.0
    start_engagement: float = 0.0

    def start(self, world: World) -> None:
        reps = world.active_reps
        self.start_health = world.accounts.health()
        n = max(1, len(reps))
        self.start_skill = sum(r.mean_skill for r in reps) / n
        self.start_trust = sum(r.trust for r in reps) / n
        self.start_engagement = sum(r.engagement for r in reps) / n

    def outcome(self, shown: float, won: bool) -> None:
        """A deal closed (won, lost or dropped): how far the last win chance shown was off."""
        self.brier_sum += (shown - (1.0 if won else 0.0)) ** 2
        self.brier_n += 1

    @property
    def brier(self) -> float:
        """Mean squared gap between the win chance shown and what happened (0 = perfect)."""
        return self.brier_sum / self.brier_n if self.brier_n else 0.0

    def forecasts(self, gaps: list[float]) -> None:
        """A week's forecasts the manager saw: each deal's shown minus its true chance."""
        sq = self.forecast_sq
        for gap in gaps:
            sq += gap**2
        self.forecast_sq = sq
        self.forecast_n += len(gaps)

    @property
    def forecast_rmse(self) -> float:
        """Root mean square gap between shown and true win chances (0 = honest funnel)."""
        return (self.forecast_sq / self.forecast_n) ** 0.5 if self.forecast_n else 0.0

    def collect(self, world: World) -> None:
        reps = world.active_reps
        n = max(1, len(reps))
        now = world.env.now
        stall = world.params.stall_days
        open_deals = list(world.open.values())
        # the funnel's health and worth, true and as shown, in one pass (summed in order)
        unhealthy, worth_true, worth_shown = 0, 0.0, 0.0
        for d in open_deals:
            if d.zombie:  # worth nothing, truly
                unhealthy += 1
            else:
                if now - d.last_touch >= stall:
                    unhealthy += 1
                worth_true += d.p_true * d.value
            worth_shown += d.shown_p * d.value
        target = world.target_through(world.week)
        self.weeks.append(
            WeekMetrics(
                week=world.week,
                revenue=world.revenue_total,
                target=target,
                headcount=len(reps),
                engagement=sum(r.engagement for r in reps) / n,
                effort=sum(r.effort for r in reps) / n,
                mood_seen=sum(r.mood_seen for r in reps) / n,
                trust=sum(r.trust for r in reps) / n,
                confidence=sum(r.confidence for r in reps) / n,
                stress=sum(r.stress for r in reps) / n,
                cohesion=world.cohesion,
                open_deals=len(open_deals),
                unhealthy_share=unhealthy / len(open_deals) if open_deals else 0.0,
                pipeline_true=worth_true,
                pipeline_shown=worth_shown,
                customer_health=world.accounts.health(),
                hours_used=world.manager.hours_used,
                budget_spent=world.manager.budget_spent_total,
            )
        )
