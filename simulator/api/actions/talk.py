"""Talking with the team: 1:1s, feedback, reviews and meetings (P8, P9, P18)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...core import levers
from ...core.types import Tone
from ..refusal import Refused
from .base import Action

if TYPE_CHECKING:
    from ...core.world import World
    from ..plan import Plan


@dataclass(frozen=True)
class OneOnOne(Action):
    """An hour alone with a rep: trust grows, hints and problems surface."""

    rep: int

    kind: ClassVar[str] = "one_on_one"
    hours_key: ClassVar[str | None] = "one_on_one"

    def check(self, plan: Plan) -> None:
        if plan.rep(self.rep).last_one_on_one == plan.obs.week:
            raise Refused("already_done")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("one_on_one", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.one_on_one(world, world.reps[self.rep])


@dataclass(frozen=True)
class Feedback(Action):
    """Praise or criticism, in front of the team or in private (P9)."""

    rep: int
    tone: Tone
    public: bool = False

    kind: ClassVar[str] = "feedback"

    def cost(self, plan: Plan) -> tuple[float, float]:
        key = "feedback_public" if self.public else "feedback_private"
        return plan.obs.hour_costs[key], 0.0

    def check(self, plan: Plan) -> None:
        plan.rep(self.rep)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.feedback(world, world.reps[self.rep], self.tone, self.public)


@dataclass(frozen=True)
class PerformanceReview(Action):
    """The period-end review of results and the person, with praise or correction or neither."""

    rep: int
    tone: Tone | None = None
    public: bool = False

    kind: ClassVar[str] = "performance_review"
    hours_key: ClassVar[str | None] = "performance_review"

    def check(self, plan: Plan) -> None:
        rep = plan.rep(self.rep)
        if not plan.obs.review_window:
            raise Refused("not_review_time")
        last = rep.last_review_week
        if last is not None and plan.obs.week - last < 3:
            raise Refused("reviewed", week=last)

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("performance_review", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        rep = world.reps[self.rep]
        rep.last_review_week = world.week
        if self.tone is None:
            before = rep.trust
            cap = world.params.trust_cap_from_talk
            if rep.trust < cap:
                rep.trust = min(cap, rep.trust + world.params.review_trust)
            return {"trust": rep.trust - before}
        return levers.feedback(world, rep, self.tone, self.public, formal=True)


@dataclass(frozen=True)
class TeamMeeting(Action):
    """The team meets; everyone can raise problems (P18)."""

    kind: ClassVar[str] = "team_meeting"
    hours_key: ClassVar[str | None] = "team_meeting"

    def check(self, plan: Plan) -> None:
        if plan.obs.team_met:
            raise Refused("already_done")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("team_meeting",),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.team_meeting(world)


@dataclass(frozen=True)
class SetTeamGoal(Action):
    """One clear, shared goal for the period (P18)."""

    kind: ClassVar[str] = "team_goal"
    hours_key: ClassVar[str | None] = "team_goal"

    def check(self, plan: Plan) -> None:
        if plan.obs.team_goal_set:
            raise Refused("already_done")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("team_goal",),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.team_goal(world)
