"""A sales rep: visible facts, hidden motivation, and the mood that moves them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .motivation import saturate
from .types import MotivationType, Skill

if TYPE_CHECKING:
    from .deal import Deal

SKILLS: tuple[Skill, ...] = tuple(Skill)
_BY_NAME: tuple[Skill, ...] = tuple(sorted(SKILLS, key=lambda s: s.value))  # for ties


@dataclass(eq=False)
class Rep:
    """One rep's full state; the manager sees only part of it (``observe``)."""

    id: int
    name: str
    type: MotivationType  # hidden
    skills: dict[Skill, float]
    tenure_weeks: float
    veteran: bool
    engagement: float
    confidence: float
    trust: float
    stress: float
    territory: float = 1.0
    active: bool = True
    joined_week: int = 0
    left_week: int | None = None
    left_reason: str | None = None
    ramp: float = 1.0  # a new hire's share of full productivity

    # quota and results, per period index
    quotas: dict[int, float] = field(default_factory=dict)
    booked: dict[int, float] = field(default_factory=dict)
    history: list[tuple[float, float]] = field(default_factory=list)  # before the game

    # this week's working state (computed at the start of each week)
    effort: float = 1.0
    name_zh: str = ""  # the name in the Chinese game, when it differs
    pronoun: str | None = None  # "she" or "he", when the scenario says
    capacity: float = 0.0  # true bookings per period at full effort
    capacity_start: float = 0.0  # the capacity they joined with (the scale of their results)
    effort_total: float = 0.0  # Σ of weekly effort, for the season's mean
    weeks_worked: int = 0
    lead_factor: float = 1.0
    open_deals: list[Deal] = field(default_factory=list)

    # how well the job meets their type's needs (0..1, 0.5 neutral): the lasting effect of
    # the levers pulled on them, which drives their effort and where their hours go
    fit: float = 0.5

    # what the manager has learnt
    hints: list[tuple[int, str, MotivationType]] = field(default_factory=list)
    revealed: bool = False
    revealed_by: str | None = None
    weakest_known: bool = False
    flight_risk_seen_week: int | None = None

    # relationship with the manager
    last_one_on_one: int | None = None  # with the manager
    last_talk: int | None = None  # a 1:1 with the manager or a deputy
    last_review_week: int | None = None
    mood_seen: float = 0.65  # engagement as the manager reads it, refreshed weekly
    mood_read_error: float | None = None  # how far that reading is off (lasting, see people)
    flight_risk_seen: float = 0.0
    # what lay behind it as the talk brought it out (the codes of a resignation's reasons)
    flight_risk_why: tuple[str, ...] = ()
    praise_weeks: list[int] = field(default_factory=list)
    criticism_weeks: list[int] = field(default_factory=list)  # corrections in private
    rebuke_weeks: list[int] = field(default_factory=list)  # criticism in public
    rewards_this_period: int = 0
    praise_this_period: int = 0
    oversight: int = 0  # controlling interventions this week
    last_recognised: int = 0  # week last honoured, praised in public, rewarded or made mentor
    # what weighed on them last week, as a manager could see it (the mood week's drags)
    weighs_on: tuple[str, ...] = ()
    # warning signs (read only, for the manager's week report): the best pace this period
    pace_peak: float = 0.0
    pace_peak_period: int = -1
    pace_fall_period: int = -1  # the period a sharp fall of pace was last flagged

    # standing arrangements
    autonomy: bool = False
    development_plan: bool = False
    key_accounts: int = 0
    mentor_of: int | None = None
    mentor: int | None = None
    rival: int | None = None
    rival_until: int = -1
    deputy_since: int | None = None
    profit_share: bool = False

    # start-of-game snapshot for the scorecard
    start_skills: dict[Skill, float] = field(default_factory=dict)
    # how good they could become at each skill: learning slows as they near it (hidden)
    potential: dict[Skill, float] = field(default_factory=dict)
    coached_week: int = 0  # the week of their last coaching session
    coached_times: int = 0  # sessions in that week (the second teaches less than the first)

    def nudge(self, delta: float) -> float:
        """Move engagement by ``delta``, saturating near 0 and 1; return the change."""
        change = saturate(self.engagement, delta)
        self.engagement += change
        return change

    def nudge_fit(self, delta: float) -> float:
        """Move how well the job fits by ``delta`` (full at 0.5, less near the ends)."""
        room = (1.0 - self.fit) if delta > 0 else self.fit
        change = delta * 2.0 * room
        self.fit = min(1.0, max(0.0, self.fit + change))
        return change

    @property
    def novice(self) -> bool:
        return self.tenure_weeks < 52

    @property
    def mean_skill(self) -> float:
        return sum(self.skills.values()) / len(self.skills)

    def learn(self, skill: Skill, share: float) -> float:
        """Close ``share`` of the gap between a skill and its potential; the gain."""
        before = self.skills[skill]
        ceiling = self.potential.get(skill, 1.0)
        self.skills[skill] = before + max(0.0, ceiling - before) * min(1.0, share)
        return self.skills[skill] - before

    def weakest_skill(self) -> Skill:
        """The lowest skill (the first by name among equals)."""
        return min(_BY_NAME, key=self.skills.__getitem__)

    def quota(self, period: int) -> float:
        return self.quotas.get(period, 0.0)

    def attainment(self, period: int) -> float:
        q = self.quotas.get(period, 0.0)
        return self.booked.get(period, 0.0) / q if q > 0 else 0.0

    def last_result(self, period: int) -> tuple[float, float] | None:
        """(quota, result) of the period before ``period``, from play or history."""
        if period - 1 in self.quotas:
            return self.quotas[period - 1], self.booked.get(period - 1, 0.0)
        if period == 0 and self.history:
            return self.history[-1]
        return None
