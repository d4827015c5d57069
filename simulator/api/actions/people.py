"""Who is on the team: hiring, letting go, and the paid assessment (P3)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...core import levers
from ...core.types import MotivationType
from ..refusal import Refused
from .base import Action

if TYPE_CHECKING:
    from ...core.world import World
    from ..plan import Plan


@dataclass(frozen=True)
class Hire(Action):
    """Open a position: the hire starts in 4–8 weeks (the scenario's ``hire_weeks``), at part
    speed."""

    kind: ClassVar[str] = "hire"
    hours_key: ClassVar[str | None] = "hire"

    def check(self, plan: Plan) -> None:
        obs = plan.obs
        heads = len(obs.reps) + obs.pending_hires + len(plan.planned("hire"))
        if heads >= obs.max_headcount:
            raise Refused("headcount", most=obs.max_headcount)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.hire(world)


@dataclass(frozen=True)
class LetGo(Action):
    """Part with a rep; their accounts wait for a new owner."""

    rep: int

    kind: ClassVar[str] = "let_go"
    hours_key: ClassVar[str | None] = "let_go"

    def check(self, plan: Plan) -> None:
        plan.rep(self.rep)

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("let_go", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.let_go(world, world.reps[self.rep])


@dataclass(frozen=True)
class StrengthsAssessment(Action):
    """A paid assessment: the rep's type and weakest skill (P3)."""

    rep: int

    kind: ClassVar[str] = "assessment"
    hours_key: ClassVar[str | None] = "assessment"
    money_key: ClassVar[str | None] = "assessment"

    def check(self, plan: Plan) -> None:
        rep = plan.rep(self.rep)
        if rep.type is not None and rep.weakest_skill is not None:
            raise Refused("assessed")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("assessment", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.assessment(world, world.reps[self.rep])


@dataclass(frozen=True)
class ReadType(Action):
    """Your read of what drives a rep (P3), from what you have seen and heard: a note to
    yourself that takes no time. ``type=None`` takes a read back. Only an assessment
    confirms a type; the debrief scores your reads, when you made them and how right."""

    rep: int
    type: MotivationType | None = None

    kind: ClassVar[str] = "read_type"
    replaces: ClassVar[bool] = True  # a second read of the same rep in a week replaces the first

    def check(self, plan: Plan) -> None:
        rep = plan.rep(self.rep)
        if rep.type is not None:
            raise Refused("type_known")
        if rep.read is self.type:  # (no read to take back reads as no read, not "already")
            raise Refused("no_read" if self.type is None else "same_read")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("read_type", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.read_type(world, world.reps[self.rep], self.type)
