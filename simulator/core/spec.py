"""What a scenario sets, as plain frozen data the core can build a world from.

A trainer writes scenarios in YAML; ``simulator.scenario`` reads and checks
them and hands the core one of these. The core never reads files itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .params import ModelParams
from .types import MotivationType, Skill


@dataclass(frozen=True)
class Skills:
    """A rep's four selling skills, each in 0..1."""

    prospecting: float = 0.5
    solution: float = 0.5
    negotiation: float = 0.5
    account_care: float = 0.5

    def get(self, skill: Skill) -> float:
        return float(getattr(self, skill.value))


@dataclass(frozen=True)
class RepSpec:
    """One member of the team as the scenario starts."""

    name: str
    type: MotivationType
    skills: Skills = field(default_factory=Skills)
    tenure_years: float = 2.0
    veteran: bool = False
    engagement: float = 0.65
    confidence: float = 0.6
    trust: float = 0.6
    stress: float = 0.3
    territory: float = 1.0  # share of the accounts relative to the others
    # past periods as (quota, result); generated from true capacity when empty
    history: tuple[tuple[float, float], ...] = ()
    revealed: bool = False


@dataclass(frozen=True)
class SegmentSpec:
    """A market segment: its accounts and the deals they bring."""

    name: str
    accounts: int
    potential: float  # mean yearly spend potential of an account
    deal_size: float  # mean deal value
    deal_size_sigma: float = 0.5  # log-normal spread of deal values
    cycle_months: tuple[float, float] = (3.0, 6.0)  # min, max sales cycle
    win_rate: float = 0.4  # base chance a qualified deal is won
    lead_rate: float = 0.6  # opportunities per account per year at normal effort
    big_deal: float = float("inf")  # deals above this need executives in evaluation
    relationship: tuple[float, float] = (0.3, 0.6)  # starting range


@dataclass(frozen=True)
class MarketSpec:
    """Demand, its rhythm over the year, and the competition."""

    segments: tuple[SegmentSpec, ...]
    seasonality: tuple[float, ...] = (1.0,) * 12
    competitor_pressure: float = 0.1  # 0..1, shaves win chances
    event_rate: float = 0.04  # weekly chance of a random market event
    starting_zombie_share: float = 0.25  # dead deals the previous manager left


@dataclass(frozen=True)
class SupportSpec:
    """Shared support people: how many, and how long one engagement takes (days)."""

    presales: int = 2
    consultants: int = 1
    executives: int = 1
    legal: int = 1
    presales_days: float = 4.0
    consultant_days: float = 5.0
    executive_days: float = 1.0
    legal_days: float = 3.0


@dataclass(frozen=True)
class ManagerSpec:
    """The player's own limits."""

    hours_per_week: float = 40.0
    admin_hours: float = 10.0
    budget_per_period: float = 60_000.0
    max_headcount: int = 10


@dataclass(frozen=True)
class ScoringWeights:
    """How the balanced scorecard's components add up to the total."""

    revenue: float = 0.30
    engagement: float = 0.15
    attrition: float = 0.10
    skills: float = 0.10
    trust: float = 0.15
    pipeline: float = 0.10
    customers: float = 0.10

    def as_dict(self) -> dict[str, float]:
        return {
            "revenue": self.revenue,
            "engagement": self.engagement,
            "attrition": self.attrition,
            "skills": self.skills,
            "trust": self.trust,
            "pipeline": self.pipeline,
            "customers": self.customers,
        }


@dataclass(frozen=True)
class Scenario:
    """Everything needed to build a world, besides the seed."""

    title: str
    reps: tuple[RepSpec, ...]
    market: MarketSpec
    weeks: int = 52
    period_weeks: int = 13
    team_target: tuple[float, ...] = (8_000_000.0,)  # per period; the last repeats
    briefing: str = ""
    currency: str = "¥"
    support: SupportSpec = field(default_factory=SupportSpec)
    manager: ManagerSpec = field(default_factory=ManagerSpec)
    scoring: ScoringWeights = field(default_factory=ScoringWeights)
    params: ModelParams = field(default_factory=ModelParams)
    version: str = "1"

    @property
    def periods(self) -> int:
        return -(-self.weeks // self.period_weeks)

    def target_for(self, period: int) -> float:
        """Head office's team target for period ``period`` (0-based)."""
        if period < len(self.team_target):
            return float(self.team_target[period])
        return float(self.team_target[-1])
