"""One plan of a week: actions that fit the manager's hours and budget, checked as a manager would.

A manager plans a week from what they can see at its start (the
:class:`~simulator.api.observation.Observation`) and carries the plan out when
the week begins. The plan is where every action is judged, the same way for
the player at the desk, a scripted policy and a learning agent:

* the action's fields are of the right types (no infinite quota, no week 2.5);
* it fits the situation as the manager knows it (the rep is on the team, the
  deal is open, the promise has fallen due) *and* as the plan so far leaves
  it (nobody is let go and then coached; a deputy named in this plan can be
  given a share in it);
* it does not repeat what the week already holds (a second 1:1 with the same
  rep); a new quota replaces the one planned;
* its hours and money fit what is left once the plan's other actions are paid.

:meth:`Plan.why_not` says why not (a :class:`~simulator.api.refusal.Refusal`),
:meth:`Plan.add` plans it when it fits; the session then carries out the
plan's actions in order.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .actions import ACTION_TYPES, Action, Result, execute, record_refusal
from .frozen import frozen
from .observation import AccountView, DealView, Observation, RepView
from .observing import observe
from .refusal import Refusal, Refused

if TYPE_CHECKING:
    from ..core.world import World

EPS = 1e-9
# the actions one week may try, accepted or refused: a manager of a hundred reps, every lever
# tried on each, stays far below; a policy that returns more is stuck in a loop, and a save
# holds no more (simulator.saves)
MOST_ACTIONS_A_WEEK = 1_000


@dataclass(frozen=True)
class Planned:
    """One action in a week's plan, with what it will cost and what it takes up."""

    action: Action
    hours: float
    money: float
    claims: tuple[Hashable, ...] = ()


class PlannedActions(list):
    """A plan's accepted actions, in order, remembering the plan that judged them.

    A policy that fills a :class:`Plan` returns ``plan.actions``; the session
    carries out the plan as it was judged instead of judging every action a
    second time, as long as the list is still exactly what the plan accepted.
    """

    __slots__ = ("plan",)

    def __init__(self, plan: Plan) -> None:
        super().__init__(p.action for p in plan.items)
        self.plan = plan


class Plan:
    """A week's actions, in order, within the hours and budget the manager has left."""

    def __init__(self, obs: Observation) -> None:
        self.obs = obs
        self.items: list[Planned] = []
        self.refused: list[tuple[Any, Refusal]] = []  # what ``add`` turned down, and why
        # everything ``add`` was given, in order, with why not where it was turned down
        self.tried: list[tuple[Any, Refusal | None]] = []
        self._claims: dict[Hashable, int] = {}  # claim → index of the item holding it
        self._totals: tuple[float, float] | None = None  # (hours, money) of the items
        # whether an item was ever replaced or taken back (each item was then judged
        # beside items no longer in the plan)
        self._reshaped = False

    def _sums(self) -> tuple[float, float]:
        """The items' hours and money, summed in order (kept while items are only added:
        adding one more to a running sum gives exactly what summing them all again does)."""
        if self._totals is None:
            self._totals = (sum(p.hours for p in self.items), sum(p.money for p in self.items))
        return self._totals

    # ------------------------------------------------------------ the totals
    @property
    def actions(self) -> PlannedActions:
        return PlannedActions(self)

    def judged_as(self, obs: Observation, actions: object) -> Plan | None:
        """This plan with only its accepted actions, to carry out as judged, if ``actions``
        are still exactly those it accepted against ``obs``, each judged beside the
        ones before it; ``None`` when they must be judged again."""
        if obs is not self.obs or self._reshaped or not isinstance(actions, list):
            return None
        items = self.items
        if len(actions) != len(items) or any(
            a is not p.action for a, p in zip(actions, items, strict=True)
        ):
            return None
        plan = Plan(obs)
        plan.items = list(items)
        plan._claims = dict(self._claims)
        plan._totals = self._totals
        plan.tried = [(p.action, None) for p in items]
        return plan

    @property
    def hours_planned(self) -> float:
        return self._sums()[0]

    @property
    def money_planned(self) -> float:
        return self._sums()[1]

    @property
    def hours_left(self) -> float:
        return max(0.0, self.obs.hours_available - self.hours_planned)

    @property
    def budget_left(self) -> float:
        return max(0.0, self.obs.budget_left - self.money_planned)

    # the names a scripted policy's planner has always used
    hours = hours_left
    budget = budget_left

    def can_afford(self, hours: float, money: float = 0.0) -> bool:
        return hours <= self.hours_left + EPS and money <= self.budget_left + EPS

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Planned]:
        return iter(self.items)

    # ------------------------------------------------------------ planning
    def why_not(self, action: Any) -> Refusal | None:
        """Why ``action`` cannot join the plan now; ``None`` when it can."""
        if len(self.tried) >= MOST_ACTIONS_A_WEEK:
            return Refusal("week_full", {"most": MOST_ACTIONS_A_WEEK})
        try:
            self._judge(action)
        except Refused as r:
            return r.refusal
        return None

    def add(self, action: Any) -> bool:
        """Plan ``action`` if it fits (and say so); otherwise remember why not.

        A week is tried with at most ``MOST_ACTIONS_A_WEEK`` actions: past that, ``add``
        refuses (``week_full``) and keeps no record, so a policy that loops over every
        deal of a swollen funnel is stopped by its plan, not failed for it."""
        if len(self.tried) >= MOST_ACTIONS_A_WEEK:
            return False
        try:
            planned, replaced = self._judge(action)
        except Refused as r:
            self.refused.append((action, r.refusal))
            self.tried.append((action, r.refusal))
            return False
        if replaced is not None:  # as if the replaced one had never been planned
            gone = self.items[replaced].action
            self.tried = [t for t in self.tried if t[0] is not gone]
            self._drop(replaced)
            self._reshaped = True
        for c in planned.claims:
            self._claims[c] = len(self.items)
        hours, money = self._sums()
        self.items.append(planned)
        self._totals = (hours + planned.hours, money + planned.money)
        self.tried.append((action, None))
        return True

    def remove(self, index: int) -> list[Planned]:
        """Take back one planned action; return those that no longer fit without it.

        Taking back a deputy's appointment, for instance, takes back the profit
        share planned for them too.
        """
        if not 0 <= index < len(self.items):
            return []
        removed = self.items[index].action
        self._reshaped = True
        rest = [p for i, p in enumerate(self.items) if i != index]
        self.items.clear()
        self._claims.clear()
        self._totals = None
        dropped = []
        for p in rest:
            try:
                planned, _ = self._judge(p.action)
            except Refused:
                dropped.append(p)
                continue
            for c in planned.claims:
                self._claims[c] = len(self.items)
            self.items.append(planned)
            self._totals = None
        gone = [removed, *(p.action for p in dropped)]
        self.tried = [t for t in self.tried if not any(t[0] is g for g in gone)]
        return dropped

    def withdraw(self, action: Action) -> list[Planned]:
        """Take back a planned action (the very one); what else no longer fits without it."""
        for i, p in enumerate(self.items):
            if p.action is action:
                return self.remove(i)
        return []

    def clear(self) -> None:
        self.items.clear()
        self._claims.clear()
        self._totals = None
        self._reshaped = False
        self.tried.clear()
        self.refused.clear()

    def _judge(self, action: Any) -> tuple[Planned, int | None]:
        # one of the game's own actions, not a subclass that prices or checks itself
        if not isinstance(action, Action) or ACTION_TYPES.get(action.kind) is not type(action):
            raise Refused("not_action")
        if self.obs.finished:
            raise Refused("finished")
        action.validate()
        action.check(self)
        claims = tuple(action.claims(self))
        replaced: int | None = None
        for c in claims:  # an item already holding one of them is replaced, or refuses it
            held = self._claims.get(c)
            if held is None or held == replaced:
                continue
            if not action.replaces or replaced is not None:
                raise Refused("already_planned")
            replaced = held
        cost_hours, cost_money = action.cost(self)
        hours, money = float(cost_hours), float(cost_money)
        planned_hours, planned_money = self._sums()  # what is left, as hours_left and budget_left
        free_hours = max(0.0, self.obs.hours_available - planned_hours)
        free_money = max(0.0, self.obs.budget_left - planned_money)
        if replaced is not None:
            free_hours += self.items[replaced].hours
            free_money += self.items[replaced].money
        if hours > free_hours + EPS:
            raise Refused("no_hours", need=hours, left=max(0.0, free_hours))
        if money > free_money + EPS:
            raise Refused("no_budget", need=money, left=max(0.0, free_money))
        return frozen(
            Planned, {"action": action, "hours": hours, "money": money, "claims": claims}
        ), replaced

    def _drop(self, index: int) -> None:
        del self.items[index]
        self._totals = None
        self._claims = {c: i for i, p in enumerate(self.items) for c in p.claims}

    # ------------------------------------------------------------ what checks ask
    def planned(self, kind: str, **match: object) -> list[Action]:
        """Planned actions of one kind whose fields match ``match``."""
        return [
            p.action
            for p in self.items
            if p.action.kind == kind
            and all(getattr(p.action, k, None) == v for k, v in match.items())
        ]

    def claimed(self, claim: Hashable) -> bool:
        return claim in self._claims

    def rep(self, rep_id: int) -> RepView:
        """The rep, as long as they are on the team and not let go in this plan."""
        if not self.obs.has_rep(rep_id):
            person = self.obs.person(rep_id) if isinstance(rep_id, int) else None
            if person is not None and not person.active:
                raise Refused("rep_left")
            raise Refused("unknown_rep")
        if self.claimed(("let_go", rep_id)):
            raise Refused("let_go_planned")  # gone once the plan is carried out
        return self.obs.rep(rep_id)

    def deal(self, deal_id: int) -> DealView:
        """The deal, as long as it is open and not dropped in this plan."""
        try:
            deal = self.obs.deal(deal_id)
        except KeyError:
            raise Refused("unknown_deal") from None
        if self.claimed(("drop", deal_id)):
            raise Refused("drop_planned")  # closed once the plan is carried out
        return deal

    def account(self, account_id: int) -> AccountView:
        """The account, as long as it is still a customer."""
        if not 0 <= account_id < len(self.obs.accounts):
            raise Refused("unknown_account")
        account = self.obs.accounts[account_id]
        if account.churned:
            raise Refused("account_churned")
        return account


def apply_action(world: World, action: Any) -> Result:
    """Plan one action on its own against what the manager sees now, and carry it out.

    The convenience of acting at once (scripts, tests): a refused action is
    logged and changes nothing.
    """
    plan = Plan(observe(world))
    if not plan.add(action):
        return record_refusal(world, action, plan.refused[-1][1])
    planned = plan.items[-1]
    return execute(world, action, planned.hours, planned.money)


def carry_out(world: World, plan: Plan) -> list[Result]:
    """Carry out a plan in the order it was made: each action done, or its refusal logged.

    The results hold only what a manager perceives (no hidden moods or odds).
    """
    costs = {id(p.action): p for p in plan.items}
    results = []
    for action, refusal in plan.tried:
        if refusal is not None:
            results.append(record_refusal(world, action, refusal))
            continue
        p = costs[id(action)]
        results.append(execute(world, action, p.hours, p.money, seen_only=True))
    return results
