"""The record of a game as it really was: the trainer's truth, read after the fact.

During a game the manager sees only the observation. Afterwards the debrief
and the trainer's report may show what was hidden: each rep's real type and
mood, the true odds of the funnel, every hidden effect of every action. They
read it from a :class:`Record`, a read-only snapshot the session makes of
itself (:meth:`simulator.session.Session.record`), never from the live world:
a record cannot change the game, and everything a report says comes from one
explicit place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .api import Event, MotivationType, Observation
from .core.events import told_in
from .core.metrics import WeekMetrics
from .core.spec import Scenario
from .scoring import Scorecard

if TYPE_CHECKING:
    from .session import ActionRecord, Session


@dataclass(frozen=True)
class RepTruth:
    """One rep as they really were over the game (joined, left, type, mood, results)."""

    id: int
    name: str
    name_zh: str
    type: MotivationType
    veteran: bool
    tenure_weeks: float  # at the end of the game (or when they left)
    joined_week: int  # 0: on the team from the start
    left_week: int | None
    left_reason: str | None
    revealed_by: str | None  # how the manager came to know their type, if they did
    quotas: Mapping[int, float]  # period → quota
    booked: Mapping[int, float]  # period → booked
    engagement_start: float
    engagement: float
    trust: float
    confidence: float
    stress: float
    skill_start: float
    skill_end: float
    capacity_start: float  # what they could book in a period at full effort, when they began
    capacity_end: float
    effort: float  # their mean effort over the weeks they worked


@dataclass(frozen=True)
class Record:
    """A game played so far (or to its end), everything about it, read-only."""

    scenario: Scenario
    seed: int
    weeks_played: int
    finished: bool
    reps: tuple[RepTruth, ...]
    events: tuple[Event, ...]  # every event, the hidden ones too
    actions: tuple[ActionRecord, ...]
    weeks: tuple[WeekMetrics, ...]  # the team's true vital signs, week by week
    score: Scorecard
    final: Observation  # what the manager saw last (names, accounts, inbox)
    policy: str | None = None  # the policy that played it, if one did

    # ------------------------------------------------------------ time
    def period_of(self, week: int) -> int:
        return (week - 1) // self.scenario.period_weeks

    def period_of_review(self, week: int) -> int | None:
        """The period a performance review held in ``week`` reviews: the one ending that
        week, or the one just ended (in the next period's first two weeks); None for a
        review held mid-period, which reviews no period's results."""
        period = self.period_of(week)
        first, last = self.period_weeks_of(period)
        if week == last:
            return period
        if period > 0 and week - first <= 1:
            return period - 1
        return None

    def period_weeks_of(self, period: int) -> tuple[int, int]:
        """First and last week (1-based, inclusive) of ``period``."""
        first = period * self.scenario.period_weeks + 1
        return first, min(self.scenario.weeks, first + self.scenario.period_weeks - 1)

    @property
    def period(self) -> int:
        """The period under way when the record was made (all of them once finished)."""
        return self.scenario.periods if self.finished else self.period_of(self.weeks_played + 1)

    # ------------------------------------------------------------ reading
    def rep(self, rep_id: int) -> RepTruth:
        return self.reps[rep_id]

    @cached_property
    def revenue(self) -> tuple[float, ...]:
        """Booked revenue to date, week by week."""
        return tuple(w.revenue for w in self.weeks)

    @cached_property
    def target(self) -> tuple[float, ...]:
        """Head office's target to date, week by week."""
        return tuple(w.target for w in self.weeks)

    def of_week(self, week: int) -> list[Event]:
        return [e for e in self.events if e.week == week]

    def told_in_week(self, week: int) -> list[Event]:
        """What the report of ``week`` tells (:func:`~simulator.core.events.told_in`)."""
        return [e for e in self.events if told_in(e, week)]


def make_record(session: Session) -> Record:
    """Snapshot a session as it really is (the session calls this; see ``Session.record``)."""
    w = session.world
    start = {i: spec.engagement for i, spec in enumerate(session.scenario.reps)}
    reps = tuple(
        RepTruth(
            id=r.id,
            name=r.name,
            name_zh=r.name_zh or r.name,
            type=r.type,
            veteran=r.veteran,
            tenure_weeks=r.tenure_weeks,
            joined_week=r.joined_week,
            left_week=r.left_week,
            left_reason=r.left_reason,
            revealed_by=r.revealed_by,
            quotas=dict(r.quotas),
            booked=dict(r.booked),
            engagement_start=float(start.get(r.id, r.engagement)),
            engagement=r.engagement,
            trust=r.trust,
            confidence=r.confidence,
            stress=r.stress,
            skill_start=sum(r.start_skills.values()) / max(1, len(r.start_skills)),
            skill_end=r.mean_skill,
            capacity_start=r.capacity_start,
            capacity_end=r.capacity,
            effort=float(r.effort_total / r.weeks_worked) if r.weeks_worked else 0.0,
        )
        for r in w.reps
    )
    return Record(
        scenario=session.scenario,
        seed=session.seed,
        weeks_played=w.scenario.weeks if w.finished else w.week - 1,
        finished=w.finished,
        reps=reps,
        events=tuple(w.log.events),
        actions=tuple(session.action_log),
        weeks=tuple(w.metrics.weeks),
        score=session.score(),
        final=session.observe(),
        policy=getattr(session.policy, "name", None) if session.policy is not None else None,
    )
