"""The catalogue: every lever a manager could pull now, with its choices, costs and refusals.

Where the :class:`~simulator.api.plan.Plan` answers "may I do *this*?", the
catalogue answers "what could I do?". For each rep on the team and for the
team as a whole it lists the levers of the game (:data:`LEVERS`) in the
desk's groups; each lever holds its options (one for a plain button such as
a 1:1; several for a choice such as which skill to coach), and each option
the action, what it would cost this week, and why it cannot be taken now
when it cannot. The desk draws its lever grid and choosers from it, the
random policy draws from it, and the Gymnasium environment turns it into
its action mask, so all three offer exactly the same choices.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..core.types import DelegatedTask, MotivationType, Skill, Supervision, Tone
from .actions import (
    Action,
    AdoptCallAnalytics,
    AdoptDailyPlans,
    Answer,
    AssignKeyAccount,
    AssignMentor,
    CashBonus,
    Coach,
    Delegate,
    DevelopmentPlan,
    DropDeal,
    Feedback,
    GiveAutonomy,
    Hire,
    HonourVeteran,
    JointVisit,
    KeepPromise,
    LetGo,
    MakePromise,
    NameRival,
    OneOnOne,
    PerformanceReview,
    PipelineReview,
    ProfitShare,
    PushDeal,
    ReadType,
    ReassignAccounts,
    RequestSupport,
    RunContest,
    SetQuota,
    SetTeamGoal,
    StrengthsAssessment,
    TeamMeeting,
    TeamTraining,
)
from .observation import DealView, RepView
from .plan import Plan
from .reading import fair_share, reward_amounts, team_estimates
from .refusal import Refusal

# The levers as the desk groups them: (group, (lever key, ...)), pulled on one rep...
REP_LEVERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("talk", ("one_on_one", "feedback_praise", "feedback_criticism", "performance_review")),
    ("grow", ("coach", "development_plan", "autonomy", "mentor")),
    ("motivate", ("rival", "bonus", "promise", "honour_veteran", "keep_promise")),
    ("organise", ("key_account", "reassign_accounts", "delegate", "profit_share")),
    ("deals", ("pipeline_review", "joint_visit", "request_support", "push_deal", "drop_deal")),
    ("quota", ("set_quota",)),
    ("people", ("assessment", "read_type", "let_go")),
)
# ... or on the whole team
TEAM_LEVERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "team",
        (
            "team_meeting",
            "team_goal",
            "contest",
            "team_training",
            "daily_plans",
            "call_analytics",
            "team_review",
            "hire",
            "drop_orphan",
        ),
    ),
    ("inbox", ("answer",)),
)
LEVERS: tuple[str, ...] = tuple(k for _, keys in REP_LEVERS + TEAM_LEVERS for k in keys)
_GROUP_OF: dict[str, str] = {k: g for g, keys in REP_LEVERS + TEAM_LEVERS for k in keys}

DEALS_SHOWN = 10  # a rep's biggest deals offered for a visit, support, a push or a drop
ACCOUNTS_SHOWN = 8  # accounts offered as key accounts, from the rep's own and the unowned
QUOTA_STEPS = (0.9, 1.0, 1.1, 1.2, 1.3)  # quotas offered, as multiples of the rep's record


@dataclass(frozen=True)
class Option:
    """One way of pulling a lever: the action, its cost this week, and why not (if not)."""

    action: Action
    hours: float
    money: float
    refusal: Refusal | None

    @property
    def open(self) -> bool:
        return self.refusal is None


def judged(plan: Plan, action: Action) -> Option:
    """One action as an option of ``plan``: what it would cost this week, and why not."""
    hours, money = action.cost(plan)
    return Option(action, float(hours), float(money), plan.why_not(action))


@dataclass(frozen=True, eq=False)
class Lever:
    """A lever as the desk shows it: on whom, with which choices, and why not at all.

    Its choices are judged (cost, why not) when first asked for, against the plan as
    it is then: whoever only draws among the choices, as the random manager does,
    never pays for the verdicts. Read a lever before adding to the plan it came from.
    """

    key: str
    group: str
    rep: int | None  # the rep it is pulled on; None for the team
    actions: tuple[Action, ...]  # its choices, in the order offered
    item: int | None = None  # the inbox message an ``answer`` lever answers
    choice: bool = False  # pulling it asks which option (a chooser), not one plain action
    empty: str = "none_fits"  # why not, when there is nothing to choose from
    plan: Plan | None = field(default=None, repr=False)

    @cached_property
    def options(self) -> tuple[Option, ...]:
        """Each choice with its cost this week and why it cannot be taken (if not)."""
        assert self.plan is not None, "a lever is judged against the plan it came from"
        plan = self.plan
        return tuple(judged(plan, a) for a in self.actions)

    @cached_property
    def refusal(self) -> Refusal | None:
        """Why no choice can be taken now (None when one can): the one reason they
        share, else that none fits."""
        options = self.options
        if not options:
            return Refusal(self.empty)
        if any(o.open for o in options):
            return None
        codes = {o.refusal.code for o in options if o.refusal is not None}
        first = options[0].refusal
        return first if len(codes) == 1 and first is not None else Refusal("none_fits")

    @property
    def open(self) -> bool:
        return self.refusal is None


_ALWAYS_CHOOSE = frozenset(
    {
        "read_type",
        "feedback_praise",
        "feedback_criticism",
        "coach",
        "mentor",
        "rival",
        "bonus",
        "promise",
        "keep_promise",
        "key_account",
        "reassign_accounts",
        "delegate",
        "joint_visit",
        "request_support",
        "push_deal",
        "drop_deal",
        "set_quota",
        "team_training",
        "drop_orphan",
        "answer",
    }
)


# the levers that offer one of a rep's deals each; the order their deals are offered in
_DEAL_LEVERS = frozenset({"joint_visit", "request_support", "push_deal", "drop_deal"})


def _largest_first(d: DealView) -> tuple[float, int]:
    return (-d.value, d.id)


class Catalogue:
    """The levers open to the manager this week, given what is already planned.

    Levers are made when first asked for, so asking for one lever (the desk's
    Hire button) does not judge every option of every rep.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        obs = plan.obs
        self._estimates: dict[int, float] | None = None
        self._amounts = reward_amounts(obs)
        self._made: dict[tuple[str, int | None], Lever] = {}
        self._top: dict[int, list[DealView]] = {}  # each rep's deals as offered, once sorted

    # ------------------------------------------------------------ reading it
    @property
    def levers(self) -> list[Lever]:
        """Every lever: each rep's in the desk's order, then the team's, then the inbox."""
        obs = self.plan.obs
        out = [self.lever(k, r.id) for r in obs.reps for _, keys in REP_LEVERS for k in keys]
        out += [self.lever(k) for _, keys in TEAM_LEVERS for k in keys if k != "answer"]
        return out + self._answers()

    def __iter__(self) -> Iterator[Lever]:
        return iter(self.levers)

    def lever(self, key: str, rep: int | None = None) -> Lever:
        """One lever: ``key`` pulled on ``rep`` (``None``: on the team)."""
        made = self._made.get((key, rep))
        if made is None:
            if rep is None:
                made = self._team_lever(key, _GROUP_OF[key])
            else:
                made = self._lever(key, _GROUP_OF[key], self.plan.obs.rep(rep))
            self._made[(key, rep)] = made
        return made

    def of(self, rep: int | None) -> list[Lever]:
        """The levers pulled on one rep (``None``: on the team), in the desk's order."""
        groups = REP_LEVERS if rep is not None else TEAM_LEVERS
        return [self.lever(k, rep) for _, keys in groups for k in keys if k != "answer"]

    def for_action(self, key: str, action: Action, rep: int | None = None) -> Lever:
        """A lever of one given action (a deal's Push on the pipeline tab, say)."""
        return self._make(key, _GROUP_OF.get(key, "deals"), rep, [action], choice=False)

    def options(self) -> list[Option]:
        return [o for lv in self.levers for o in lv.options]

    def open_options(self) -> list[Option]:
        return [o for lv in self.levers for o in lv.options if o.open]

    # ------------------------------------------------------------ building it
    def _make(
        self,
        key: str,
        group: str,
        rep: int | None,
        actions: Sequence[Action],
        empty: str = "none_fits",
        item: int | None = None,
        choice: bool | None = None,
    ) -> Lever:
        if choice is None:
            choice = len(actions) != 1 or key in _ALWAYS_CHOOSE
        return Lever(key, group, rep, tuple(actions), item, choice, empty, self.plan)

    def _lever(self, key: str, group: str, rep: RepView | None) -> Lever:
        obs = self.plan.obs
        make = self._make
        if rep is None:
            return self._team_lever(key, group)
        i = rep.id
        accounts = obs.accounts
        deals = self.top_deals(rep) if key in _DEAL_LEVERS else []
        if key == "one_on_one":
            return make(key, group, i, [OneOnOne(i)])
        if key == "feedback_praise":
            return make(key, group, i, [Feedback(i, Tone.PRAISE, p) for p in (True, False)])
        if key == "feedback_criticism":
            return make(key, group, i, [Feedback(i, Tone.CRITICISM, p) for p in (False, True)])
        if key == "performance_review":
            reviews = [PerformanceReview(i)] + [
                PerformanceReview(i, tone, public)
                for tone, public in (
                    (Tone.PRAISE, True),
                    (Tone.PRAISE, False),
                    (Tone.CRITICISM, False),
                    (Tone.CRITICISM, True),
                )
            ]
            return make(key, group, i, reviews)
        if key == "coach":
            return make(key, group, i, [Coach(i, s) for s in Skill])
        if key == "development_plan":
            return make(key, group, i, [DevelopmentPlan(i)])
        if key == "autonomy":
            return make(key, group, i, [GiveAutonomy(i)])
        if key == "mentor":
            pairs = [
                AssignMentor(o.id, i) if rep.novice else AssignMentor(i, o.id)
                for o in obs.reps
                if o.id != i and o.novice != rep.novice
            ]
            return make(key, group, i, list(pairs), "no_partner")
        if key == "rival":
            return make(key, group, i, [NameRival(i, o.id) for o in obs.reps if o.id != i], "alone")
        if key == "bonus":
            return make(key, group, i, [CashBonus(i, a) for a in self._amounts])
        if key == "promise":
            promises = [MakePromise(i, a, c) for c in ("quota", "none") for a in self._amounts]
            return make(key, group, i, list(promises))
        if key == "honour_veteran":
            return make(key, group, i, [HonourVeteran(i)])
        if key == "keep_promise":
            mine = [
                KeepPromise(p.id)
                for p in obs.promises
                if p.rep == i and p.status in ("open", "due")
            ]
            return make(key, group, i, list(mine), "no_promise")
        if key == "key_account":
            own = [a for a in accounts.by_potential(accounts.owned_by(i)) if not accounts.is_key(a)]
            free = accounts.by_potential(accounts.owned_by(None))
            chosen = own[:ACCOUNTS_SHOWN] + free[:ACCOUNTS_SHOWN]
            return make(key, group, i, [AssignKeyAccount(i, a) for a in chosen], "no_accounts")
        if key == "reassign_accounts":
            # accounts the plan already moves are spoken for: a second newcomer in the
            # same week is offered others (the same ones were refused as already planned)
            def unclaimed(ids: list[int]) -> list[int]:
                return [a for a in ids if not self.plan.claimed(("account", a))]

            free = unclaimed(accounts.by_potential(accounts.owned_by(None)))
            sizes = sorted({n for n in (3, 6, 10) if n <= len(free)} | {min(len(free), 10)})
            moves = [ReassignAccounts(i, tuple(free[:n])) for n in sizes if n > 0]
            owned = {r.id: unclaimed(accounts.owned_by(r.id)) for r in obs.reps}
            share = fair_share(obs, i, owned)  # a thin book topped up from the largest ones
            if share:
                moves.append(ReassignAccounts(i, tuple(share)))
            return make(key, group, i, list(moves), "no_territory")
        if key == "delegate":
            jobs = [Delegate(i, t, s) for t in DelegatedTask for s in Supervision]
            return make(key, group, i, list(jobs))
        if key == "profit_share":
            return make(key, group, i, [ProfitShare(i)])
        if key == "pipeline_review":
            return make(key, group, i, [PipelineReview((i,))])
        if key == "joint_visit":
            return make(key, group, i, [JointVisit(i, d.id) for d in deals], "no_deals")
        if key == "request_support":
            staffed = [p.pool for p in obs.pools if p.size > 0]
            asks = [RequestSupport(d.id, pool) for d in deals for pool in staffed]
            return make(key, group, i, list(asks), "no_deals" if staffed else "no_support")
        if key == "push_deal":
            return make(key, group, i, [PushDeal(d.id) for d in deals], "no_deals")
        if key == "drop_deal":
            return make(key, group, i, [DropDeal(d.id) for d in deals], "no_deals")
        if key == "set_quota":
            if self._estimates is None:
                self._estimates = team_estimates(obs)
            est = self._estimates.get(i, 0.0)
            steps = [SetQuota(i, float(max(1000, round(est * m, -3)))) for m in QUOTA_STEPS]
            return make(key, group, i, list(steps))
        if key == "assessment":
            return make(key, group, i, [StrengthsAssessment(i)])
        if key == "read_type":
            reads = [ReadType(i, t) for t in MotivationType] + [ReadType(i, None)]
            return make(key, group, i, reads)
        if key == "let_go":
            return make(key, group, i, [LetGo(i)])
        raise KeyError(key)

    def top_deals(self, rep: RepView) -> list[DealView]:
        """The deals a rep's deal levers offer: the largest first, at most
        ``DEALS_SHOWN`` (sorted once per catalogue, not once per lever)."""
        top = self._top.get(rep.id)
        if top is None:
            top = self._top[rep.id] = sorted(rep.deals, key=_largest_first)[:DEALS_SHOWN]
        return top

    def _team_lever(self, key: str, group: str) -> Lever:
        obs = self.plan.obs
        make = self._make
        if key == "team_meeting":
            return make(key, group, None, [TeamMeeting()])
        if key == "team_goal":
            return make(key, group, None, [SetTeamGoal()])
        if key == "contest":
            return make(key, group, None, [RunContest()])
        if key == "team_training":
            return make(key, group, None, [TeamTraining(s) for s in Skill])
        if key == "daily_plans":
            return make(key, group, None, [AdoptDailyPlans()])
        if key == "call_analytics":
            return make(key, group, None, [AdoptCallAnalytics()])
        if key == "team_review":
            return make(key, group, None, [PipelineReview()])
        if key == "hire":
            return make(key, group, None, [Hire()])
        if key == "drop_orphan":
            orphans = sorted(obs.orphan_deals, key=_largest_first)[:DEALS_SHOWN]
            return make(key, group, None, [DropDeal(d.id) for d in orphans], "no_deals")
        raise KeyError(key)

    def _answers(self) -> list[Lever]:
        out = []
        for item in self.plan.obs.inbox:
            if not item.open:
                continue
            answers = [Answer(item.id, c.id) for c in item.choices]
            out.append(self._make("answer", "inbox", item.rep, list(answers), item=item.id))
        return out


def catalogue(plan: Plan) -> Catalogue:
    """What could be planned now, on top of ``plan``."""
    return Catalogue(plan)
