"""The player's side of the world: hours, money, promises and standing arrangements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .types import DelegatedTask, MotivationType, Supervision


@dataclass
class Promise:
    """A reward the manager promised a rep (P15), tracked until kept or broken.

    ``condition`` is ``"quota"`` (due if the rep makes quota in the period that
    ends at ``due_week``) or ``"none"`` (due regardless). Once due, the manager
    has until the end of the following week to keep it.
    """

    id: int
    rep: int
    amount: float
    condition: str
    made_week: int
    due_week: int
    status: str = "open"  # open, due, kept, broken, lapsed, or at_end (fell due too late)
    settled_week: int | None = None
    due_since: int | None = None  # the week it fell due (the manager has the next to pay)
    what: Any = None  # a scripted event's words for what was promised (a Text)


@dataclass
class Delegation:
    """A task handed to a deputy with a level of supervision (P13)."""

    task: DelegatedTask
    deputy: int
    supervision: Supervision
    since_week: int


@dataclass
class ManagerState:
    """What the manager has left this week and this period, and what is running."""

    hours_per_week: float
    admin_hours: float
    budget_per_period: float
    max_headcount: int
    hours_used: float = 0.0
    budget_left: float = 0.0
    budget_spent_total: float = 0.0
    promises: list[Promise] = field(default_factory=list)
    delegations: dict[DelegatedTask, Delegation] = field(default_factory=dict)
    contest_period: int | None = None
    # the manager's own read of each rep's type (P3): a note, not a fact; the debrief
    # scores it against the truth
    reads: dict[int, MotivationType | None] = field(default_factory=dict)
    daily_plans: bool = False
    call_analytics: bool = False
    team_goal_period: int | None = None
    meetings: list[int] = field(default_factory=list)  # weeks with a team meeting
    reviewed_reps: set[int] = field(default_factory=set)  # pipeline-reviewed this week
    pending_hires: int = 0
    # this period's feedback, for the fairness check: (rep, pace, tone, public, whether the
    # pace then said anything, the week it was given)
    feedback: list[tuple[int, float, str, bool, bool, int]] = field(default_factory=list)

    def standing_hours(self, supervision_hours: dict[str, float], plans_hours: float) -> float:
        """Hours a week already spoken for by running arrangements."""
        h = sum(supervision_hours[d.supervision.value] for d in self.delegations.values())
        if self.daily_plans:
            h += plans_hours
        return h

    def hours_available(self, supervision_hours: dict[str, float], plans_hours: float) -> float:
        free = self.hours_per_week - self.admin_hours
        return free - self.standing_hours(supervision_hours, plans_hours) - self.hours_used

    def open_promises(self) -> list[Promise]:
        return [p for p in self.promises if p.status in ("open", "due")]
