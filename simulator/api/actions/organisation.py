"""Organising the team: quotas, accounts, deputies and tools (P2, P12–P14, P17)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...core import levers
from ...core.types import DelegatedTask, Supervision
from ..refusal import Refused
from .base import MAX_AMOUNT, Action

if TYPE_CHECKING:
    from ...core.world import World
    from ..plan import Plan


@dataclass(frozen=True)
class SetQuota(Action):
    """Set a rep's quota for a period (the current one by default): realistic and challenging."""

    rep: int
    amount: float
    period: int | None = None  # default: the current period

    kind: ClassVar[str] = "set_quota"
    hours_key: ClassVar[str | None] = "set_quota"
    replaces: ClassVar[bool] = True  # typing a new quota replaces the one planned

    def target_period(self, period: int) -> int:
        return period if self.period is None else self.period

    def check(self, plan: Plan) -> None:
        plan.rep(self.rep)
        if not self.amount > 0:
            raise Refused("bad_quota")
        if self.amount > MAX_AMOUNT:
            raise Refused("too_large")
        per = self.target_period(plan.obs.period)
        if per < plan.obs.period:
            raise Refused("past_period", period=per + 1)
        if per >= plan.obs.periods:
            raise Refused("beyond_game", period=per + 1)

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("set_quota", self.rep, self.target_period(plan.obs.period)),)

    def apply(self, world: World) -> dict[str, Any]:
        per = self.target_period(world.period)
        return levers.set_quota(world, world.reps[self.rep], per, float(self.amount))


@dataclass(frozen=True)
class AssignKeyAccount(Action):
    """Give a rep a key account to care for (P7, P12)."""

    rep: int
    account: int

    kind: ClassVar[str] = "key_account"
    hours_key: ClassVar[str | None] = "key_account"

    def check(self, plan: Plan) -> None:
        rep = plan.rep(self.rep)
        a = plan.account(self.account)
        if a.key and a.owner == rep.id:
            raise Refused("key_already")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("account", self.account),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.key_account(world, world.reps[self.rep], self.account)


@dataclass(frozen=True)
class ReassignAccounts(Action):
    """Move accounts to the rep whose strengths fit them (P12, P18)."""

    rep: int
    accounts: tuple[int, ...]

    kind: ClassVar[str] = "reassign_accounts"
    hours_key: ClassVar[str | None] = "reassign_accounts"

    def check(self, plan: Plan) -> None:
        plan.rep(self.rep)
        if not self.accounts:
            raise Refused("no_accounts")
        for a in self.accounts:
            plan.account(a)

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return tuple(("account", a) for a in self.accounts)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.reassign_accounts(world, world.reps[self.rep], tuple(self.accounts))


@dataclass(frozen=True)
class Delegate(Action):
    """Hand a task to a deputy, with a rope and a candy: how closely you watch (P13)."""

    deputy: int
    task: DelegatedTask
    supervision: Supervision = Supervision.LIGHT

    kind: ClassVar[str] = "delegate"
    hours_key: ClassVar[str | None] = "delegate"

    def check(self, plan: Plan) -> None:
        if plan.rep(self.deputy).novice:
            raise Refused("novice_deputy")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("delegate", self.task),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.delegate(world, world.reps[self.deputy], self.task, self.supervision)


@dataclass(frozen=True)
class ProfitShare(Action):
    """A share of the value a deputy creates (P14)."""

    deputy: int

    kind: ClassVar[str] = "profit_share"
    hours_key: ClassVar[str | None] = "profit_share"
    money_key: ClassVar[str | None] = "profit_share"

    def check(self, plan: Plan) -> None:
        rep = plan.rep(self.deputy)
        if not rep.deputy and not plan.planned("delegate", deputy=self.deputy):
            raise Refused("not_deputy")
        if rep.profit_share:
            raise Refused("has_share")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("profit_share", self.deputy),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.profit_share(world, world.reps[self.deputy])


@dataclass(frozen=True)
class AdoptDailyPlans(Action):
    """Daily plans and notes in a shared tool, read weekly (P17)."""

    kind: ClassVar[str] = "daily_plans"
    hours_key: ClassVar[str | None] = "daily_plans_setup"

    def check(self, plan: Plan) -> None:
        if plan.obs.daily_plans:
            raise Refused("in_use")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("daily_plans",),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.adopt_daily_plans(world)


@dataclass(frozen=True)
class AdoptCallAnalytics(Action):
    """Call analytics: each rep's weakest skill shows, so coaching aims right (P17)."""

    kind: ClassVar[str] = "call_analytics"
    hours_key: ClassVar[str | None] = "call_analytics"
    money_key: ClassVar[str | None] = "call_analytics"

    def check(self, plan: Plan) -> None:
        if plan.obs.call_analytics:
            raise Refused("in_use")

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("call_analytics",),)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.adopt_call_analytics(world)
