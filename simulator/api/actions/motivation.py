"""Motivating: contests, rivals, rewards and promises, honour (P4, P14, P15)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...core import levers
from ..refusal import Refused
from .base import MAX_AMOUNT, Action

if TYPE_CHECKING:
    from ...core.world import World
    from ..plan import Plan


@dataclass(frozen=True)
class RunContest(Action):
    """A sales contest with a leaderboard until the period ends (P4)."""

    kind: ClassVar[str] = "contest"
    hours_key: ClassVar[str | None] = "contest"
    money_key: ClassVar[str | None] = "contest_prize"

    def check(self, plan: Plan) -> None:
        if plan.obs.contest_running:
            raise Refused("contest_running")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("contest",),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.contest(world)


@dataclass(frozen=True)
class NameRival(Action):
    """Point to a rival: "the new rep may take your territory" (P4)."""

    rep: int
    rival: int

    kind: ClassVar[str] = "rival"
    hours_key: ClassVar[str | None] = "rival"

    def check(self, plan: Plan) -> None:
        plan.rep(self.rep)
        plan.rep(self.rival)
        if self.rep == self.rival:
            raise Refused("same_rep")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("rival", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.rival(world, world.reps[self.rep], world.reps[self.rival])


@dataclass(frozen=True)
class CashBonus(Action):
    """A real reward from the incentive budget (P15)."""

    rep: int
    amount: float

    kind: ClassVar[str] = "bonus"
    hours_key: ClassVar[str | None] = "bonus"

    def cost(self, plan: Plan) -> tuple[float, float]:
        return plan.obs.hour_costs["bonus"], float(self.amount)

    def check(self, plan: Plan) -> None:
        plan.rep(self.rep)
        low = plan.obs.money_costs["min_bonus"]
        if self.amount < low:
            raise Refused("small_bonus", low=low)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.bonus(world, world.reps[self.rep], float(self.amount))


@dataclass(frozen=True)
class MakePromise(Action):
    """Promise a reward, if they make quota or regardless (P15). Only promise what you can pay."""

    rep: int
    amount: float
    condition: str = "quota"  # "quota": if they make quota; "none": regardless
    due_week: int | None = None  # default: the end of the current period

    kind: ClassVar[str] = "promise"
    hours_key: ClassVar[str | None] = "promise"

    def due(self, period_last_week: int) -> int:
        return self.due_week if self.due_week is not None else period_last_week

    def check(self, plan: Plan) -> None:
        plan.rep(self.rep)
        obs = plan.obs
        if not self.amount > 0:
            raise Refused("bad_amount")
        if self.amount > MAX_AMOUNT:
            raise Refused("too_large")
        if self.condition not in ("quota", "none"):
            raise Refused("bad_condition")
        due = self.due(obs.period_last_week)
        if not (obs.week <= due <= obs.weeks):
            raise Refused("bad_due_week", week=due)

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("promise", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        due = self.due(world.period_weeks_of(world.period)[1])
        return levers.promise(world, world.reps[self.rep], float(self.amount), self.condition, due)


@dataclass(frozen=True)
class KeepPromise(Action):
    """Deliver what you promised (P15)."""

    promise: int

    kind: ClassVar[str] = "keep_promise"
    hours_key: ClassVar[str | None] = "keep_promise"

    def cost(self, plan: Plan) -> tuple[float, float]:
        amount = next((p.amount for p in plan.obs.promises if p.id == self.promise), 0.0)
        return plan.obs.hour_costs["keep_promise"], amount

    def check(self, plan: Plan) -> None:
        obs = plan.obs
        pr = next((p for p in obs.promises if p.id == self.promise), None)
        if pr is None:
            raise Refused("unknown_promise")
        if pr.status not in ("open", "due"):
            raise Refused("promise_settled", status=pr.status)
        rep = plan.rep(pr.rep)
        if pr.status == "open" and pr.condition == "quota":
            this_period = obs.period == obs.period_of(pr.due_week)
            if not (this_period and rep.attainment >= 1.0):
                # in its own period, how far from quota the rep still is
                made = {"made": rep.attainment} if this_period else {}
                raise Refused("not_due", week=pr.due_week, **made)

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("keep_promise", self.promise),)

    def apply(self, world: World) -> dict[str, Any]:
        pr = next(p for p in world.manager.promises if p.id == self.promise)
        return levers.keep_promise(world, pr)


@dataclass(frozen=True)
class HonourVeteran(Action):
    """Status, face and pay for a veteran (P14)."""

    rep: int

    kind: ClassVar[str] = "honour_veteran"
    hours_key: ClassVar[str | None] = "honour_veteran"
    money_key: ClassVar[str | None] = "honour_veteran"

    def check(self, plan: Plan) -> None:
        if not plan.rep(self.rep).veteran:
            raise Refused("not_veteran")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("honour_veteran", self.rep),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.honour_veteran(world, world.reps[self.rep])
