"""The manager's action API: every lever, what it costs, and when it is refused.

A player at the desk and a scripted policy in a batch run speak this one
language, so anything a player can do a policy can do, and every game is a
replayable log of actions. Each action is a small frozen dataclass. Applying
one to a world:

1. checks it fits (the rep exists and is still on the team, the deal is open,
   there are hours left this week and money left this period, ...);
2. if it does not, returns a :class:`Result` with ``ok=False`` and a reason in
   plain words, and changes nothing;
3. otherwise charges its hours and money and calls the model's lever in
   ``simulator.core.levers``, logging what changed.

Actions serialise to plain dicts (``to_dict`` / ``action_from_dict``) for
save files and batch logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from enum import Enum
from typing import Any, ClassVar

from .core import levers
from .core.types import DelegatedTask, Pool, Skill, Supervision, Tone
from .core.world import World
from .observe import Observation


@dataclass(frozen=True)
class Result:
    """What became of an action: done (with its effects) or refused (with why)."""

    ok: bool
    action: Action
    reason: str = ""
    code: str = ""
    hours: float = 0.0
    money: float = 0.0
    effects: dict[str, Any] = field(default_factory=dict)


class Refused(Exception):
    """Raised inside a check; carries a machine code and a plain-words reason."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


ACTION_TYPES: dict[str, type[Action]] = {}

# Effects of an action the manager perceives at once: what people say and what a
# review turns up. Changes to moods, skills and true odds stay hidden; the manager
# sees reactions (the "reaction" events) and, later, results.
SEEN_EFFECTS = frozenset(
    {
        "hint",
        "revealed",
        "choice",
        "reply",
        "left",
        "target_change",
        "flight_risk",
        "stuck_deals",
        "overloaded",
        "stalled",
        "dead",
        "deal",
        "promise",
        "amount",
        "account",
        "accounts",
        "task",
        "supervision",
        "pool",
        "queue",
        "weeks",
        "type",
        "skill",
        "period",
        "quota",
    }
)


@dataclass(frozen=True)
class Action:
    """Base class: subclasses set ``kind`` and implement ``apply``."""

    kind: ClassVar[str] = ""
    hours_key: ClassVar[str | None] = None
    money_key: ClassVar[str | None] = None
    purpose: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind:
            ACTION_TYPES[cls.kind] = cls

    # --- costs -------------------------------------------------------------
    def hours(self, world: World) -> float:
        return world.params.hours[self.hours_key] if self.hours_key else 0.0

    def money(self, world: World) -> float:
        return world.params.money[self.money_key] if self.money_key else 0.0

    def estimate(self, obs: Observation) -> tuple[float, float]:
        """(hours, money) this action will cost, judged from what the manager sees."""
        hours = obs.hour_costs[self.hours_key] if self.hours_key else 0.0
        money = obs.money_costs[self.money_key] if self.money_key else 0.0
        return hours, money

    # --- checks and effects -----------------------------------------------
    def check(self, world: World) -> None:
        """Raise :class:`Refused` when the action does not fit the situation."""

    def apply(self, world: World) -> dict[str, Any]:
        raise NotImplementedError

    # --- serialisation ----------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        for f in fields(self):
            k, v = f.name, getattr(self, f.name)
            if isinstance(v, Enum):
                v = v.value
            elif isinstance(v, tuple):
                v = list(v)
            data[k] = v
        return data


def action_from_dict(data: dict[str, Any]) -> Action:
    """Rebuild an action from ``Action.to_dict`` output."""
    data = dict(data)
    kind = data.pop("kind", None)
    cls = ACTION_TYPES.get(kind)  # type: ignore[arg-type]
    if cls is None:
        raise ValueError(f"unknown action kind {kind!r}")
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        v = data[f.name]
        ann = str(f.type)
        if "Skill" in ann and v is not None:
            v = Skill(v)
        elif "Tone" in ann and v is not None:
            v = Tone(v)
        elif "Pool" in ann and v is not None:
            v = Pool(v)
        elif "Supervision" in ann and v is not None:
            v = Supervision(v)
        elif "DelegatedTask" in ann and v is not None:
            v = DelegatedTask(v)
        elif isinstance(v, list):
            v = tuple(v)
        kwargs[f.name] = v
    return cls(**kwargs)


# ------------------------------------------------------------------ helpers
def _rep(world: World, rep_id: int, role: str = "rep"):
    if (
        not isinstance(rep_id, int)
        or isinstance(rep_id, bool)
        or not (0 <= rep_id < len(world.reps))
    ):
        raise Refused("unknown_rep", f"there is no {role} with id {rep_id!r}")
    rep = world.reps[rep_id]
    if not rep.active:
        raise Refused("rep_left", f"{rep.name} has left the team")
    return rep


def _deal(world: World, deal_id: int):
    deal = world.deals.get(deal_id)
    if deal is None:
        raise Refused("unknown_deal", f"there is no deal with id {deal_id!r}")
    if deal.closed:
        raise Refused("deal_closed", f"deal {deal_id} is already closed")
    return deal


def _account(world: World, account: int) -> int:
    if not isinstance(account, int) or not (0 <= account < len(world.accounts)):
        raise Refused("unknown_account", f"there is no account with id {account!r}")
    if world.accounts.churned[account]:
        raise Refused("account_churned", f"{world.accounts.names[account]} is no longer a customer")
    return account


# ------------------------------------------------------------------ quotas (P1, P2)
@dataclass(frozen=True)
class SetQuota(Action):
    rep: int
    amount: float
    period: int | None = None  # default: the current period

    kind: ClassVar[str] = "set_quota"
    hours_key: ClassVar[str | None] = "set_quota"
    purpose: ClassVar[str] = "Set a rep's quota: realistic and challenging."

    def target_period(self, world: World) -> int:
        return world.period if self.period is None else self.period

    def check(self, world: World) -> None:
        _rep(world, self.rep)
        if not isinstance(self.amount, int | float) or not self.amount > 0:
            raise Refused("bad_quota", f"a quota must be more than 0, got {self.amount!r}")
        per = self.target_period(world)
        if per < world.period:
            raise Refused("past_period", f"period {per + 1} is already over")
        if per >= world.scenario.periods:
            raise Refused("beyond_game", f"period {per + 1} is after the scenario ends")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.set_quota(
            world, world.reps[self.rep], self.target_period(world), float(self.amount)
        )


# ------------------------------------------------------------------ talk (P8, P9)
@dataclass(frozen=True)
class OneOnOne(Action):
    rep: int

    kind: ClassVar[str] = "one_on_one"
    hours_key: ClassVar[str | None] = "one_on_one"
    purpose: ClassVar[str] = "An hour alone with a rep: trust, hints, problems surface."

    def check(self, world: World) -> None:
        rep = _rep(world, self.rep)
        if rep.last_one_on_one == world.week:
            raise Refused("already_done", f"you already had a 1:1 with {rep.name} this week")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.one_on_one(world, world.reps[self.rep])


@dataclass(frozen=True)
class Feedback(Action):
    rep: int
    tone: Tone
    public: bool = False

    kind: ClassVar[str] = "feedback"
    purpose: ClassVar[str] = "Praise in public, correct in private."

    def hours(self, world: World) -> float:
        key = "feedback_public" if self.public else "feedback_private"
        return world.params.hours[key]

    def estimate(self, obs: Observation) -> tuple[float, float]:
        return obs.hour_costs["feedback_public" if self.public else "feedback_private"], 0.0

    def check(self, world: World) -> None:
        _rep(world, self.rep)
        if not isinstance(self.tone, Tone):
            raise Refused("bad_tone", "feedback is praise or criticism")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.feedback(world, world.reps[self.rep], self.tone, self.public)


@dataclass(frozen=True)
class PerformanceReview(Action):
    rep: int
    tone: Tone | None = None
    public: bool = False

    kind: ClassVar[str] = "performance_review"
    hours_key: ClassVar[str | None] = "performance_review"
    purpose: ClassVar[str] = "The period-end review: evaluate results and the person."

    def check(self, world: World) -> None:
        rep = _rep(world, self.rep)
        first, _ = world.period_weeks_of(world.period)
        if not (world.is_period_end() or world.week - first <= 1):
            raise Refused(
                "not_review_time",
                "reviews happen in a period's last week or the next period's first two",
            )
        last = rep.last_review_week
        if last is not None and world.week - last < 3:
            raise Refused("already_done", f"{rep.name} was reviewed in week {last}")

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
    kind: ClassVar[str] = "team_meeting"
    hours_key: ClassVar[str | None] = "team_meeting"
    purpose: ClassVar[str] = "The team meets; everyone can raise problems."

    def check(self, world: World) -> None:
        if world.week in world.manager.meetings:
            raise Refused("already_done", "the team already met this week")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.team_meeting(world)


@dataclass(frozen=True)
class SetTeamGoal(Action):
    kind: ClassVar[str] = "team_goal"
    hours_key: ClassVar[str | None] = "team_goal"
    purpose: ClassVar[str] = "One clear, shared goal for the period."

    def check(self, world: World) -> None:
        if world.manager.team_goal_period == world.period:
            raise Refused("already_done", "the team already has its goal for this period")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.team_goal(world)


# ------------------------------------------------------------------ growth (P5, P6, P18)
@dataclass(frozen=True)
class Coach(Action):
    rep: int
    skill: Skill

    kind: ClassVar[str] = "coach"
    hours_key: ClassVar[str | None] = "coach"
    purpose: ClassVar[str] = "Two hours coaching one skill; novices learn fastest."

    def check(self, world: World) -> None:
        _rep(world, self.rep)
        if not isinstance(self.skill, Skill):
            raise Refused("bad_skill", f"unknown skill {self.skill!r}")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.coach(world, world.reps[self.rep], self.skill)


@dataclass(frozen=True)
class DevelopmentPlan(Action):
    rep: int

    kind: ClassVar[str] = "development_plan"
    hours_key: ClassVar[str | None] = "development_plan"
    purpose: ClassVar[str] = "Strengths, to improve, to learn: a stretch plan."

    def check(self, world: World) -> None:
        rep = _rep(world, self.rep)
        if rep.development_plan:
            raise Refused("already_done", f"{rep.name} already has a development plan")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.development_plan(world, world.reps[self.rep])


@dataclass(frozen=True)
class GiveAutonomy(Action):
    rep: int

    kind: ClassVar[str] = "autonomy"
    hours_key: ClassVar[str | None] = "autonomy"
    purpose: ClassVar[str] = "Hand over the big goal and step back."

    def check(self, world: World) -> None:
        rep = _rep(world, self.rep)
        if rep.autonomy:
            raise Refused("already_done", f"{rep.name} already runs on their own")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.autonomy(world, world.reps[self.rep])


@dataclass(frozen=True)
class AssignMentor(Action):
    mentor: int
    novice: int

    kind: ClassVar[str] = "mentor"
    hours_key: ClassVar[str | None] = "mentor"
    purpose: ClassVar[str] = "Pair a novice with an experienced rep."

    def check(self, world: World) -> None:
        m = _rep(world, self.mentor, "mentor")
        n = _rep(world, self.novice, "novice")
        if m.id == n.id:
            raise Refused("same_rep", "a rep cannot mentor themself")
        if not n.novice:
            raise Refused("not_novice", f"{n.name} is not a novice")
        if m.novice:
            raise Refused("mentor_novice", f"{m.name} is a novice too")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.mentor(world, world.reps[self.mentor], world.reps[self.novice])


@dataclass(frozen=True)
class TeamTraining(Action):
    skill: Skill

    kind: ClassVar[str] = "team_training"
    hours_key: ClassVar[str | None] = "team_training"
    money_key: ClassVar[str | None] = "team_training"
    purpose: ClassVar[str] = "A training day: everyone a little better at one skill."

    def check(self, world: World) -> None:
        if not isinstance(self.skill, Skill):
            raise Refused("bad_skill", f"unknown skill {self.skill!r}")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.team_training(world, self.skill)


# ------------------------------------------------------------------ motivation (P4, P15)
@dataclass(frozen=True)
class RunContest(Action):
    kind: ClassVar[str] = "contest"
    hours_key: ClassVar[str | None] = "contest"
    money_key: ClassVar[str | None] = "contest_prize"
    purpose: ClassVar[str] = "A sales contest with a leaderboard until the period ends."

    def check(self, world: World) -> None:
        if world.manager.contest_period == world.period:
            raise Refused("already_done", "a contest is already running this period")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.contest(world)


@dataclass(frozen=True)
class NameRival(Action):
    rep: int
    rival: int

    kind: ClassVar[str] = "rival"
    hours_key: ClassVar[str | None] = "rival"
    purpose: ClassVar[str] = "Point to a rival: 'the new rep may take your territory'."

    def check(self, world: World) -> None:
        _rep(world, self.rep)
        _rep(world, self.rival, "rival")
        if self.rep == self.rival:
            raise Refused("same_rep", "a rep cannot be their own rival")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.rival(world, world.reps[self.rep], world.reps[self.rival])


@dataclass(frozen=True)
class CashBonus(Action):
    rep: int
    amount: float

    kind: ClassVar[str] = "bonus"
    hours_key: ClassVar[str | None] = "bonus"
    purpose: ClassVar[str] = "A real reward from the incentive budget."

    def money(self, world: World) -> float:
        return float(self.amount)

    def estimate(self, obs: Observation) -> tuple[float, float]:
        return obs.hour_costs["bonus"], float(self.amount)

    def check(self, world: World) -> None:
        _rep(world, self.rep)
        low = world.params.money["min_bonus"]
        if not isinstance(self.amount, int | float) or self.amount < low:
            raise Refused("bad_amount", f"a bonus is at least {low:,.0f}")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.bonus(world, world.reps[self.rep], float(self.amount))


@dataclass(frozen=True)
class MakePromise(Action):
    rep: int
    amount: float
    condition: str = "quota"  # "quota": if they make quota; "none": regardless
    due_week: int | None = None  # default: the end of the current period

    kind: ClassVar[str] = "promise"
    hours_key: ClassVar[str | None] = "promise"
    purpose: ClassVar[str] = "Promise a reward. Only promise what you can deliver."

    def due(self, world: World) -> int:
        return (
            self.due_week if self.due_week is not None else world.period_weeks_of(world.period)[1]
        )

    def check(self, world: World) -> None:
        _rep(world, self.rep)
        if not isinstance(self.amount, int | float) or self.amount <= 0:
            raise Refused("bad_amount", "a promised reward must be worth more than 0")
        if self.condition not in ("quota", "none"):
            raise Refused("bad_condition", "a promise's condition is 'quota' or 'none'")
        due = self.due(world)
        if not (world.week <= due <= world.scenario.weeks):
            raise Refused("bad_due_week", f"week {due} is not between now and the end")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.promise(
            world, world.reps[self.rep], float(self.amount), self.condition, self.due(world)
        )


@dataclass(frozen=True)
class KeepPromise(Action):
    promise: int

    kind: ClassVar[str] = "keep_promise"
    hours_key: ClassVar[str | None] = "keep_promise"
    purpose: ClassVar[str] = "Deliver what you promised."

    def _find(self, world: World):
        for pr in world.manager.promises:
            if pr.id == self.promise:
                return pr
        raise Refused("unknown_promise", f"there is no promise {self.promise!r}")

    def money(self, world: World) -> float:
        try:
            return self._find(world).amount
        except Refused:
            return 0.0

    def estimate(self, obs: Observation) -> tuple[float, float]:
        amount = next((p.amount for p in obs.promises if p.id == self.promise), 0.0)
        return obs.hour_costs["keep_promise"], amount

    def check(self, world: World) -> None:
        pr = self._find(world)
        if pr.status not in ("open", "due"):
            raise Refused("promise_settled", f"promise {pr.id} is already {pr.status}")
        rep = _rep(world, pr.rep)
        if pr.status == "open" and pr.condition == "quota":
            due_period = world.period_of(pr.due_week)
            made_it = world.period == due_period and rep.attainment(due_period) >= 1.0
            if not made_it:
                raise Refused("not_due", f"promise {pr.id} falls due only if quota is made")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.keep_promise(world, self._find(world))


@dataclass(frozen=True)
class HonourVeteran(Action):
    rep: int

    kind: ClassVar[str] = "honour_veteran"
    hours_key: ClassVar[str | None] = "honour_veteran"
    money_key: ClassVar[str | None] = "honour_veteran"
    purpose: ClassVar[str] = "Status, face and pay for a veteran."

    def check(self, world: World) -> None:
        rep = _rep(world, self.rep)
        if not rep.veteran:
            raise Refused("not_veteran", f"{rep.name} is not a veteran")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.honour_veteran(world, world.reps[self.rep])


# ------------------------------------------------------------------ organisation
@dataclass(frozen=True)
class AssignKeyAccount(Action):
    rep: int
    account: int

    kind: ClassVar[str] = "key_account"
    hours_key: ClassVar[str | None] = "key_account"
    purpose: ClassVar[str] = "Give a rep a key account to care for."

    def check(self, world: World) -> None:
        rep = _rep(world, self.rep)
        a = _account(world, self.account)
        if world.accounts.key[a] and world.accounts.owner[a] == rep.id:
            raise Refused("already_done", f"{rep.name} already cares for this key account")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.key_account(world, world.reps[self.rep], self.account)


@dataclass(frozen=True)
class ReassignAccounts(Action):
    rep: int
    accounts: tuple[int, ...]

    kind: ClassVar[str] = "reassign_accounts"
    hours_key: ClassVar[str | None] = "reassign_accounts"
    purpose: ClassVar[str] = "Move accounts to the rep whose strengths fit them."

    def check(self, world: World) -> None:
        _rep(world, self.rep)
        if not self.accounts:
            raise Refused("no_accounts", "name at least one account")
        for a in self.accounts:
            _account(world, a)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.reassign_accounts(world, world.reps[self.rep], tuple(self.accounts))


@dataclass(frozen=True)
class Delegate(Action):
    deputy: int
    task: DelegatedTask
    supervision: Supervision = Supervision.LIGHT

    kind: ClassVar[str] = "delegate"
    hours_key: ClassVar[str | None] = "delegate"
    purpose: ClassVar[str] = "Hand a task to a deputy — with a rope and a candy."

    def check(self, world: World) -> None:
        rep = _rep(world, self.deputy, "deputy")
        if not isinstance(self.task, DelegatedTask):
            raise Refused("bad_task", f"unknown task {self.task!r}")
        if not isinstance(self.supervision, Supervision):
            raise Refused("bad_supervision", "supervision is none, light or tight")
        if rep.novice:
            raise Refused("novice_deputy", f"{rep.name} is too new to be a deputy")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.delegate(world, world.reps[self.deputy], self.task, self.supervision)


@dataclass(frozen=True)
class ProfitShare(Action):
    deputy: int

    kind: ClassVar[str] = "profit_share"
    hours_key: ClassVar[str | None] = "profit_share"
    money_key: ClassVar[str | None] = "profit_share"
    purpose: ClassVar[str] = "A share of the value a deputy creates."

    def check(self, world: World) -> None:
        rep = _rep(world, self.deputy, "deputy")
        if rep.deputy_since is None:
            raise Refused("not_deputy", f"{rep.name} is not a deputy")
        if rep.profit_share:
            raise Refused("already_done", f"{rep.name} already has a profit share")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.profit_share(world, world.reps[self.deputy])


@dataclass(frozen=True)
class AdoptDailyPlans(Action):
    kind: ClassVar[str] = "daily_plans"
    hours_key: ClassVar[str | None] = "daily_plans_setup"
    purpose: ClassVar[str] = "Daily plans and notes in a shared tool, read weekly."

    def check(self, world: World) -> None:
        if world.manager.daily_plans:
            raise Refused("already_done", "daily plans are already in use")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.adopt_daily_plans(world)


@dataclass(frozen=True)
class AdoptCallAnalytics(Action):
    kind: ClassVar[str] = "call_analytics"
    hours_key: ClassVar[str | None] = "call_analytics"
    money_key: ClassVar[str | None] = "call_analytics"
    purpose: ClassVar[str] = "Call analytics shows each rep's weakest skill."

    def check(self, world: World) -> None:
        if world.manager.call_analytics:
            raise Refused("already_done", "call analytics is already in use")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.adopt_call_analytics(world)


# ------------------------------------------------------------------ deals (P10, P11)
@dataclass(frozen=True)
class PipelineReview(Action):
    reps: tuple[int, ...] | None = None  # default: the whole team

    kind: ClassVar[str] = "pipeline_review"
    purpose: ClassVar[str] = "1-15-30: go through each funnel; see stalled and dead deals."

    def _reps(self, world: World):
        if self.reps is None:
            return [r for r in world.active_reps if r.id not in world.manager.reviewed_reps]
        return [_rep(world, r) for r in self.reps]

    def hours(self, world: World) -> float:
        try:
            n = len(self._reps(world))
        except Refused:
            n = 0
        return world.params.hours["pipeline_review_per_rep"] * n

    def estimate(self, obs: Observation) -> tuple[float, float]:
        n = len(obs.reps) if self.reps is None else len(self.reps)
        return obs.hour_costs["pipeline_review_per_rep"] * n, 0.0

    def check(self, world: World) -> None:
        reps = self._reps(world)
        if not reps:
            raise Refused("already_done", "every funnel was already reviewed this week")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.pipeline_review(world, self._reps(world))


@dataclass(frozen=True)
class DropDeal(Action):
    deal: int

    kind: ClassVar[str] = "drop_deal"
    hours_key: ClassVar[str | None] = "drop_deal"
    purpose: ClassVar[str] = "Stop spending time on a deal with no intent behind it."

    def check(self, world: World) -> None:
        _deal(world, self.deal)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.drop_deal(world, world.deals[self.deal])


@dataclass(frozen=True)
class PushDeal(Action):
    deal: int

    kind: ClassVar[str] = "push_deal"
    hours_key: ClassVar[str | None] = "push_deal"
    purpose: ClassVar[str] = "Ask the rep to work this deal first this week."

    def check(self, world: World) -> None:
        deal = _deal(world, self.deal)
        if deal.rep is None:
            raise Refused("no_owner", f"deal {deal.id} has no rep; reassign its account first")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.push_deal(world, world.deals[self.deal])


@dataclass(frozen=True)
class JointVisit(Action):
    rep: int
    deal: int

    kind: ClassVar[str] = "joint_visit"
    hours_key: ClassVar[str | None] = "joint_visit"
    purpose: ClassVar[str] = "Visit the customer with the rep: better odds, and they learn."

    def check(self, world: World) -> None:
        rep = _rep(world, self.rep)
        deal = _deal(world, self.deal)
        if deal.rep != rep.id:
            raise Refused("not_their_deal", f"deal {deal.id} is not {rep.name}'s")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.joint_visit(world, world.reps[self.rep], world.deals[self.deal])


@dataclass(frozen=True)
class RequestSupport(Action):
    deal: int
    pool: Pool

    kind: ClassVar[str] = "request_support"
    hours_key: ClassVar[str | None] = "request_support"
    purpose: ClassVar[str] = "Bring pre-sales, consultants, executives or legal to a deal."

    def check(self, world: World) -> None:
        _deal(world, self.deal)
        if not isinstance(self.pool, Pool):
            raise Refused("bad_pool", f"unknown support pool {self.pool!r}")
        if not world.pools.available(self.pool):
            raise Refused("no_such_support", f"this team has no {self.pool.value} support to ask")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.request_support(world, world.deals[self.deal], self.pool)


# ------------------------------------------------------------------ people
@dataclass(frozen=True)
class Hire(Action):
    kind: ClassVar[str] = "hire"
    hours_key: ClassVar[str | None] = "hire"
    purpose: ClassVar[str] = "Open a position: the hire starts in 4–8 weeks, at part speed."

    def check(self, world: World) -> None:
        m = world.manager
        if len(world.active_reps) + m.pending_hires >= m.max_headcount:
            raise Refused("headcount", f"head office allows at most {m.max_headcount} reps")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.hire(world)


@dataclass(frozen=True)
class LetGo(Action):
    rep: int

    kind: ClassVar[str] = "let_go"
    hours_key: ClassVar[str | None] = "let_go"
    purpose: ClassVar[str] = "Part with a rep; their accounts wait for a new owner."

    def check(self, world: World) -> None:
        _rep(world, self.rep)

    def apply(self, world: World) -> dict[str, Any]:
        return levers.let_go(world, world.reps[self.rep])


@dataclass(frozen=True)
class StrengthsAssessment(Action):
    rep: int

    kind: ClassVar[str] = "assessment"
    hours_key: ClassVar[str | None] = "assessment"
    money_key: ClassVar[str | None] = "assessment"
    purpose: ClassVar[str] = "A paid assessment: the rep's type and weakest skill."

    def check(self, world: World) -> None:
        rep = _rep(world, self.rep)
        if rep.revealed and rep.weakest_known:
            raise Refused("already_done", f"{rep.name}'s type and weakest skill are known")

    def apply(self, world: World) -> dict[str, Any]:
        return levers.assessment(world, world.reps[self.rep])


# ------------------------------------------------------------------ the inbox
@dataclass(frozen=True)
class Answer(Action):
    """Answer a scripted inbox message with one of its choices."""

    item: int
    choice: str

    kind: ClassVar[str] = "answer"
    purpose: ClassVar[str] = "Decide what to do about a message in your inbox."

    def _choice(self, world: World):
        item = world.script.item(self.item)
        if item is None:
            raise Refused("unknown_item", f"there is no inbox message {self.item!r}")
        if item.status == "notice":
            raise Refused("notice", "this message is a notice: there is nothing to decide")
        if item.status != "open":
            raise Refused("answered", f"this message was already settled ({item.status})")
        choice = item.event.choice(self.choice)
        if choice is None:
            known = ", ".join(c.id for c in item.event.choices)
            raise Refused("unknown_choice", f"choose one of: {known}")
        return item, choice

    def check(self, world: World) -> None:
        self._choice(world)

    def hours(self, world: World) -> float:
        return self._choice(world)[1].effects.hours

    def money(self, world: World) -> float:
        return self._choice(world)[1].effects.money

    def estimate(self, obs: Observation) -> tuple[float, float]:
        for item in obs.inbox:
            if item.id == self.item:
                for c in item.choices:
                    if c.id == self.choice:
                        return c.hours, c.money
        return 0.0, 0.0

    def apply(self, world: World) -> dict[str, Any]:
        from .core.script import apply_choice

        item, choice = self._choice(world)
        out = apply_choice(world, item, choice)
        reply = item.fill(choice.effects.reply)
        if reply.en or reply.zh:
            out["reply"] = {"en": reply.en, "zh": reply.zh}
        return out


# ------------------------------------------------------------------ applying
def apply_action(world: World, action: Action) -> Result:
    """Check, charge and apply one action; a refused action changes nothing."""
    if not isinstance(action, Action) or not action.kind:
        return Result(False, action, f"not an action: {action!r}", "not_action")
    if world.finished:
        return Result(False, action, "the scenario is over", "finished")
    try:
        action.check(world)
        hours = float(action.hours(world))
        money = float(action.money(world))
        left = world.hours_available()
        if hours > left + 1e-9:
            raise Refused(
                "no_hours", f"needs {hours:g} h but only {max(0.0, left):g} h are left this week"
            )
        if money > world.manager.budget_left + 1e-9:
            raise Refused(
                "no_budget",
                f"needs {money:,.0f} but only {world.manager.budget_left:,.0f} "
                "is left in this period's budget",
            )
    except Refused as r:
        world.event(
            "action_refused",
            None,
            action=action.kind,
            code=r.code,
            reason=r.reason,
        )
        return Result(False, action, r.reason, r.code)
    m = world.manager
    m.hours_used += hours
    m.budget_left -= money
    m.budget_spent_total += money
    effects = action.apply(world) or {}
    rep = getattr(action, "rep", None)
    seen = {k: v for k, v in effects.items() if k in SEEN_EFFECTS}
    world.event(
        "action", rep, action=action.to_dict(), hours=hours, money=money, effects=_plain(seen)
    )
    # what it did to people's hidden state is for the debrief, not for the manager's eyes
    world.event("action_effects", rep, visible=False, action=action.kind, effects=_plain(effects))
    return Result(True, action, hours=hours, money=money, effects=effects)


def seen_by_manager(result: Result) -> Result:
    """The part of a result a manager can perceive (no hidden moods, odds or fates)."""
    seen = {k: v for k, v in result.effects.items() if k in SEEN_EFFECTS}
    return replace(result, effects=seen)


def _plain(value: Any) -> Any:
    """Effects as plain JSON-friendly data for the log."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, Enum):
        return value.value
    return value


ALL_ACTIONS: tuple[type[Action], ...] = tuple(ACTION_TYPES.values())
