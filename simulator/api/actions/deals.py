"""Working the funnel: reviews, pushing and dropping, visits and support (P10, P11)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...core import levers
from ...core.types import Pool
from ..refusal import Refused
from .base import Action

if TYPE_CHECKING:
    from ...core.world import World
    from ..plan import Plan


@dataclass(frozen=True)
class PipelineReview(Action):
    """1-15-30: go through each funnel (the whole team's by default); see stalled and dead deals."""

    reps: tuple[int, ...] | None = None  # default: the whole team

    kind: ClassVar[str] = "pipeline_review"

    def covered(self, plan: Plan) -> list[int]:
        """The reps whose funnels this review goes through: not yet reviewed this week."""
        if self.reps is None:
            ids = [r.id for r in plan.obs.reps]
        else:
            ids = [plan.rep(r).id for r in dict.fromkeys(self.reps)]
        return [
            i
            for i in ids
            if not plan.obs.rep(i).pipeline_reviewed and not plan.claimed(("pipeline_review", i))
        ]

    def cost(self, plan: Plan) -> tuple[float, float]:
        try:
            n = len(self.covered(plan))
        except Refused:
            n = 0
        return plan.obs.hour_costs["pipeline_review_per_rep"] * n, 0.0

    def check(self, plan: Plan) -> None:
        if not self.covered(plan):
            raise Refused("reviewed_all")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return tuple(("pipeline_review", i) for i in self.covered(plan))

    def apply(self, world: World) -> dict[str, Any]:
        done = world.manager.reviewed_reps
        if self.reps is None:
            reps = [r for r in world.active_reps if r.id not in done]
        else:
            reps = [world.reps[i] for i in dict.fromkeys(self.reps) if i not in done]
        return levers.pipeline_review(world, reps)


@dataclass(frozen=True)
class DropDeal(Action):
    """Stop spending time on a deal with no intent behind it (the 30 of 1-15-30)."""

    deal: int

    kind: ClassVar[str] = "drop_deal"
    hours_key: ClassVar[str | None] = "drop_deal"

    def check(self, plan: Plan) -> None:
        plan.deal(self.deal)

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("drop", self.deal),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.drop_deal(world, world.deals[self.deal])


@dataclass(frozen=True)
class PushDeal(Action):
    """Ask the rep to work this deal first this week."""

    deal: int

    kind: ClassVar[str] = "push_deal"
    hours_key: ClassVar[str | None] = "push_deal"

    def check(self, plan: Plan) -> None:
        if plan.deal(self.deal).rep is None:
            raise Refused("no_owner")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("push", self.deal),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.push_deal(world, world.deals[self.deal])


@dataclass(frozen=True)
class JointVisit(Action):
    """Visit the customer with the rep: better odds, and they learn."""

    rep: int
    deal: int

    kind: ClassVar[str] = "joint_visit"
    hours_key: ClassVar[str | None] = "joint_visit"

    def check(self, plan: Plan) -> None:
        rep = plan.rep(self.rep)
        if plan.deal(self.deal).rep != rep.id:
            raise Refused("not_their_deal")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("visit", self.deal),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.joint_visit(world, world.reps[self.rep], world.deals[self.deal])


@dataclass(frozen=True)
class RequestSupport(Action):
    """Bring pre-sales, consultants, executives or legal to a deal (P11)."""

    deal: int
    pool: Pool

    kind: ClassVar[str] = "request_support"
    hours_key: ClassVar[str | None] = "request_support"

    def check(self, plan: Plan) -> None:
        plan.deal(self.deal)
        if self.pool not in plan.obs.staffed_pools:
            raise Refused("no_such_support", pool=self.pool.value)

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("support", self.deal, self.pool),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.request_support(world, world.deals[self.deal], self.pool)
