"""The observation: exactly what a manager can see at the start of a week.

A real manager never sees a rep's motivation type, true capacity or the true
odds of a deal. They see results, reported forecasts, behaviour, what people
say in 1:1s, and what their reviews uncover. The observation is built from
the world with those limits (by :mod:`simulator.api.observing`), so a
scripted policy and a human player work from the same partial picture:

* deal win chances are the rep's report (optimistic: "happy ears") unless the
  deal was reviewed within a week or daily plans are in use;
* a dead deal looks alive until a review, a visit or support finds nobody home;
* moods are read with a little noise; flight risk shows only when a 1:1
  surfaced it;
* a rep's type shows only once revealed (an assessment, or enough hints from
  talking to them); until then, only the hints themselves.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import NamedTuple

import numpy as np

from ..core.accounts import DECISION_STYLES
from ..core.events import Event
from ..core.params import HINTS
from ..core.spec import Text
from ..core.types import MotivationType, Pool, Skill, Stage
from ..core.world import World

FLIGHT_RISK_MEMORY = 4  # weeks a surfaced flight risk stays on the manager's mind

# What a behaviour seen in a 1:1 or review usually means (the handbook's Gallup
# types). A hint is a clue, not proof: people sometimes act out of type.
HINT_SUGGESTS: dict[str, MotivationType] = {
    key: mtype for mtype, keys in HINTS.items() for key in keys
}


class DealView(NamedTuple):
    """A deal as it appears in the funnel (a light, immutable row: funnels are long)."""

    id: int
    rep: int | None
    account: int
    account_name: str
    account_name_zh: str
    value: float
    stage: Stage
    days_in_stage: int
    days_since_touch: int
    win_chance: float  # what the manager is told, or found in a review
    reviewed: bool  # the win chance was checked within the last week
    unresponsive: bool  # a check found the customer gone quiet
    big: bool
    support: tuple[tuple[Pool, int], ...]
    decision_style: str  # how the customer decides (the archive says): where the deal is won

    @property
    def stalled(self) -> bool:
        """Untouched for 15 days or more (the 15 of 1-15-30)."""
        return self.days_since_touch >= 15

    @property
    def dead_suspect(self) -> bool:
        """Untouched for 30 days or more: time to judge intent (the 30 of 1-15-30)."""
        return self.days_since_touch >= 30


# what can visibly weigh on a rep in a week (RepView.weighs_on), each worded by the game
# as ``weigh.<code>``: the drags of the model's mood week a manager could see
WEIGHS_ON = (
    "contest",
    "contest_bottom",
    "rival",
    "autonomy",
    "key_account",
    "development_plan",
    "mentor_struggling",
    "quota_low",
    "quota_hunting",
    "oversight",
    "daily_plans",
    "tight_supervision",
    "no_share",
    "not_honoured",
    "overlooked",
    "no_talk",
    "team_mood",
    "veterans_ignored",
)


@dataclass(frozen=True)
class RepView:
    """A rep as the manager knows them."""

    id: int
    name: str
    name_zh: str  # the name in the Chinese game
    tenure_years: float
    veteran: bool
    novice: bool
    quota: float
    booked: float
    attainment: float
    pace: float  # booked ÷ the share of quota the elapsed time calls for
    history: tuple[tuple[float, float], ...]  # past periods' (quota, result)
    mood: float  # observed engagement, 0..1, read with a little noise
    type: MotivationType | None  # only when revealed
    revealed_by: str | None
    read: MotivationType | None  # the manager's own read of their type, if they noted one
    hints: tuple[tuple[int, str], ...]  # (week, behaviour key)
    flight_risk: float | None  # yearly risk, when a 1:1 surfaced it recently
    weakest_skill: Skill | None  # from call analytics or an assessment
    deals: tuple[DealView, ...]
    last_one_on_one: int | None
    last_review_week: int | None
    pipeline_reviewed: bool  # their funnel was already gone through this week
    last_recognised: int
    deputy: bool
    profit_share: bool
    mentor: int | None
    mentee: int | None
    rival: int | None
    autonomy: bool
    development_plan: bool
    key_accounts: int
    ramping: bool
    accounts: int
    # what visibly weighed on them last week (a quota far from their record, close
    # watch, no share of what they run…): codes the week report words
    weighs_on: tuple[str, ...] = ()
    # the quota already set for the next period (None: not set yet; it then carries over)
    next_quota: float | None = None
    # time with the company in weeks, unrounded (``tenure_years`` is to a tenth of a
    # year, too coarse to say "8 months" one week and "9 months" a month later)
    tenure_weeks: float = 0.0
    joined_week: int = 0  # the week a hire joined (0: on the team when the game began)
    # what lay behind a surfaced flight risk, as the talk brought it out: codes the game
    # words as ``risk.<code>`` ("offer", "trust", "stress", "mood", "no_share"…)
    flight_risk_why: tuple[str, ...] = ()
    flight_risk_week: int | None = None  # the week it came to light (it and why are as then)

    @property
    def pipeline(self) -> float:
        """Σ shown win chance × value of the rep's open deals."""
        return sum(d.win_chance * d.value for d in self.deals)

    @property
    def stalled_deals(self) -> int:
        return sum(1 for d in self.deals if d.stalled)


class WeekPoint(NamedTuple):
    """One week of the season as the manager saw it end (what the charts draw)."""

    week: int
    revenue: float  # booked since the game began
    target: float  # head office's target to date
    headcount: int
    mood: float  # the team's mood as read (not the truth)
    open_deals: int
    pipeline: float  # Σ shown win chance × value of the open deals


class Person(NamedTuple):
    """Someone who is or was on the team: how to name them in either language."""

    id: int
    name: str
    name_zh: str
    active: bool
    left_reason: str  # "" while on the team
    pronoun: str | None = None  # "she" or "he", when the scenario says (its portrait follows)


@dataclass(frozen=True)
class PromiseView:
    id: int
    rep: int
    amount: float
    condition: str
    made_week: int
    due_week: int
    status: str
    what: Text | None = None  # for promises made in a scripted event


@dataclass(frozen=True)
class ChoiceView:
    id: str
    text: Text
    money: float
    hours: float
    reply: Text  # what the player reads after choosing it (may be empty)
    # the manager hours a week the choice takes from then on (a supervision it sets)
    weekly_hours: float = 0.0


@dataclass(frozen=True)
class InboxView:
    """A scripted message in the manager's inbox.

    ``handbook`` names the choice the handbook recommends. It is the scenario
    author's answer key: the built-in ``by_the_book`` policy follows it and the
    debrief quotes it; the game does not show it before the player decides.
    """

    id: int
    event: str
    week: int
    deadline: int
    title: Text
    message: Text
    rep: int | None
    deal: int | None
    choices: tuple[ChoiceView, ...]
    status: str  # open, answered, expired, notice
    choice: str | None
    handbook: str | None

    @property
    def open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class DelegationView:
    task: str
    deputy: int
    supervision: str
    since_week: int


@dataclass(frozen=True)
class PoolView:
    pool: Pool
    size: int
    busy: int
    queue: int


@dataclass(frozen=True)
class AccountView:
    """One row of the archive as a manager reads it."""

    id: int
    name: str
    name_zh: str  # the name in a Chinese game
    segment: str
    owner: int | None
    potential: float
    relationship: float
    decision_style: str
    key: bool
    churned: bool
    last_contact_day: int
    open_deals: int
    won_value: float
    history: tuple[tuple[int, str, str, float], ...]  # (day, what, detail, deal's value or 0)


class Accounts:
    """The customer archive (P12): a read-only table, rows built on demand."""

    def __init__(self, world: World) -> None:
        acc = world.accounts
        self._names = acc.names
        self._names_zh = acc.names_zh
        self._segment_names = acc.segment_names
        self._segment = acc.segment.copy()
        self._owner = acc.owner.copy()
        self._potential = acc.potential.copy()
        self._relationship = acc.relationship.copy()
        self._style = acc.style.copy()
        self._key = acc.key.copy()
        self._churned = acc.churned.copy()
        self._last_contact = acc.last_contact.copy()
        self._open = acc.open_deals.copy()
        self._won = acc.won_value.copy()
        self._history = dict(acc.history)

    def __len__(self) -> int:
        return len(self._names)

    def name(self, i: int, lang: str = "en") -> str:
        """An account's name in the game's language, without building its whole row."""
        return self._names_zh[i] if lang == "zh" else self._names[i]

    def is_key(self, i: int) -> bool:
        """Whether an account is a key account, without building its whole row."""
        return bool(self._key[i])

    def __getitem__(self, i: int) -> AccountView:
        owner = int(self._owner[i])
        return AccountView(
            id=int(i),
            name=self._names[i],
            name_zh=self._names_zh[i],
            segment=self._segment_names[self._segment[i]],
            owner=owner if owner >= 0 else None,
            potential=float(self._potential[i]),
            relationship=float(self._relationship[i]),
            decision_style=DECISION_STYLES[self._style[i]],
            key=bool(self._key[i]),
            churned=bool(self._churned[i]),
            last_contact_day=int(self._last_contact[i]),
            open_deals=int(self._open[i]),
            won_value=float(self._won[i]),
            history=self._history.get(int(i), ()),
        )

    def __iter__(self) -> Iterator[AccountView]:
        for i in range(len(self)):
            yield self[i]

    def owned_by(self, rep: int | None) -> list[int]:
        """Ids of the live accounts a rep owns (``None``: nobody's), in order."""
        who = -1 if rep is None else rep
        return list(self._owned.get(who, ()))

    @cached_property
    def _owned(self) -> dict[int, list[int]]:
        """Every owner's live accounts, grouped in one pass (``-1``: nobody's)."""
        live = np.flatnonzero(~self._churned)
        groups: dict[int, list[int]] = {}
        for i, owner in zip(live.tolist(), self._owner[live].tolist(), strict=True):
            groups.setdefault(owner, []).append(i)
        return groups

    def by_potential(self, ids: list[int]) -> list[int]:
        return sorted(ids, key=lambda i: (-self._potential[i], i))


@dataclass(frozen=True)
class Observation:
    """Everything the manager can see at the start of one week."""

    title: Text
    briefing: Text
    currency: str
    segments: tuple[str, ...]  # the market's segments, by name
    segment_labels: tuple[Text, ...]  # what the scenario calls each, where it says
    week: int
    weeks: int
    finished: bool  # the season is over: nothing more can be planned
    period: int
    periods: int
    week_in_period: int  # 0 in a period's first week
    period_weeks: int
    period_start: bool
    period_end: bool
    review_window: bool
    weeks_per_period: int  # every period is this long (the last may be cut short)
    team_target: float  # this period
    targets: tuple[float, ...]  # head office's plan for every period, as it stands
    team_booked: float  # this period
    revenue_total: float
    target_to_date: float
    hours_available: float
    hours_per_week: float
    budget_left: float
    budget_per_period: float
    max_headcount: int
    pending_hires: int
    reps: tuple[RepView, ...]
    departed: tuple[tuple[int, str, str], ...]  # (id, name, why)
    people: tuple[Person, ...]  # everyone who is or was on the team, by id
    orphan_deals: tuple[DealView, ...]
    promises: tuple[PromiseView, ...]
    inbox: tuple[InboxView, ...]  # scripted messages, newest last; open ones await an answer
    delegations: tuple[DelegationView, ...]
    contest_running: bool
    team_met: bool  # the team already met this week
    daily_plans: bool
    call_analytics: bool
    team_goal_set: bool
    pools: tuple[PoolView, ...]
    events: tuple[Event, ...]  # what the manager saw happen last week and so far this week
    accounts: Accounts
    # what each action costs in hours (the tooltips' numbers), and in money: read-only
    hour_costs: Mapping[str, float]
    money_costs: Mapping[str, float]
    history: tuple[WeekPoint, ...] = ()  # every week played so far, oldest first
    # a delegation's standing hours each week, by supervision ("none", "light", "tight")
    supervision_hours: Mapping[str, float] = field(default_factory=dict)
    hire_weeks: tuple[int, int] = (4, 8)  # the fewest and most weeks until a hire starts

    def rep(self, rep_id: int) -> RepView:
        """The rep on the team with this id (``KeyError`` when there is none)."""
        return self._reps_by_id[rep_id]

    def has_rep(self, rep_id: object) -> bool:
        return rep_id in self._reps_by_id

    def deal(self, deal_id: int) -> DealView:
        """The open deal with this id (``KeyError`` when it is not in the funnel)."""
        return self._deals_by_id[deal_id]

    def person(self, rep_id: int) -> Person | None:
        """Whoever had this id, on the team or gone."""
        return self.people[rep_id] if 0 <= rep_id < len(self.people) else None

    @property
    def target_plan(self) -> tuple[float, ...]:
        """Head office's target to date at the end of each week of the season, as it stands."""
        out, total = [], 0.0
        for week in range(1, self.weeks + 1):
            total += self.targets[self.period_of(week)] / self.weeks_per_period
            out.append(total)
        return tuple(out)

    @property
    def period_last_week(self) -> int:
        """The last week of the current period."""
        return self.week - self.week_in_period + self.period_weeks - 1

    def period_of(self, week: int) -> int:
        """The period (0-based) a week (1-based) belongs to."""
        return (week - 1) // self.weeks_per_period

    @cached_property
    def _reps_by_id(self) -> dict[int, RepView]:
        return {r.id: r for r in self.reps}

    @cached_property
    def staffed_pools(self) -> frozenset[Pool]:
        """The kinds of support this team can call on (a pool with anyone in it)."""
        return frozenset(p.pool for p in self.pools if p.size > 0)

    @cached_property
    def _deals_by_id(self) -> dict[int, DealView]:
        return {d.id: d for d in self._all_deals}

    @cached_property
    def _all_deals(self) -> tuple[DealView, ...]:
        return (*chain.from_iterable(r.deals for r in self.reps), *self.orphan_deals)

    @property
    def deals(self) -> list[DealView]:
        """Every open deal: each rep's in turn, then those nobody owns (a fresh list)."""
        return list(self._all_deals)

    @property
    def team_mood(self) -> float:
        return sum(r.mood for r in self.reps) / len(self.reps) if self.reps else 0.0
