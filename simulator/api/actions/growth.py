"""Growing people: coaching, plans, autonomy, mentors, training (P5, P6, P18)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...core import levers
from ...core.types import Skill
from ..refusal import Refused
from .base import Action

if TYPE_CHECKING:
    from ...core.world import World
    from ..plan import Plan


@dataclass(frozen=True)
class Coach(Action):
    """Two hours coaching one skill; novices learn fastest."""

    rep: int
    skill: Skill

    kind: ClassVar[str] = "coach"
    hours_key: ClassVar[str | None] = "coach"

    def check(self, plan: Plan) -> None:
        plan.rep(self.rep)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.coach(world, world.reps[self.rep], self.skill)


@dataclass(frozen=True)
class DevelopmentPlan(Action):
    """Strengths, to improve, to learn: a stretch plan (P5)."""

    rep: int

    kind: ClassVar[str] = "development_plan"
    hours_key: ClassVar[str | None] = "development_plan"

    def check(self, plan: Plan) -> None:
        if plan.rep(self.rep).development_plan:
            raise Refused("has_plan")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("development_plan", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.development_plan(world, world.reps[self.rep])


@dataclass(frozen=True)
class GiveAutonomy(Action):
    """Hand over the big goal and step back (P5)."""

    rep: int

    kind: ClassVar[str] = "autonomy"
    hours_key: ClassVar[str | None] = "autonomy"

    def check(self, plan: Plan) -> None:
        if plan.rep(self.rep).autonomy:
            raise Refused("has_autonomy")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("autonomy", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.autonomy(world, world.reps[self.rep])


@dataclass(frozen=True)
class AssignMentor(Action):
    """Pair a novice with an experienced rep (P6)."""

    mentor: int
    novice: int

    kind: ClassVar[str] = "mentor"
    hours_key: ClassVar[str | None] = "mentor"

    def check(self, plan: Plan) -> None:
        m = plan.rep(self.mentor)
        n = plan.rep(self.novice)
        if m.id == n.id:
            raise Refused("same_rep")
        if not n.novice:
            raise Refused("not_novice")
        if m.novice:
            raise Refused("mentor_novice")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("mentor", self.novice),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.mentor(world, world.reps[self.mentor], world.reps[self.novice])


@dataclass(frozen=True)
class TeamTraining(Action):
    """A training day: everyone a little better at one skill (P18)."""

    skill: Skill

    kind: ClassVar[str] = "team_training"
    hours_key: ClassVar[str | None] = "team_training"
    money_key: ClassVar[str | None] = "team_training"

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("team_training",),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.team_training(world, self.skill)
