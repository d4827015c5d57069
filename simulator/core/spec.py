"""What a scenario sets, as plain frozen data the core can build a world from.

A trainer writes scenarios in YAML; ``simulator.scenario`` reads and checks
them and hands the core one of these. The core never reads files itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .params import ModelParams
from .types import DelegatedTask, MotivationType, Skill, Stage, Supervision, Tone

LANGUAGES: tuple[str, ...] = ("en", "zh")


@dataclass(frozen=True)
class Text:
    """A piece of scenario text in English and Simplified Chinese.

    ``get("zh")`` falls back to English where a translation is missing, so a
    half-translated scenario still plays. ``str()`` gives the English.
    """

    en: str = ""
    zh: str = ""

    def get(self, lang: str = "en") -> str:
        return (self.zh or self.en) if lang == "zh" else (self.en or self.zh)

    def format(self, **values: str) -> Text:
        """Fill ``{rep}``-style placeholders in both languages."""
        return Text(fill_in(self.en, values), fill_in(self.zh, values))

    def __str__(self) -> str:
        return self.get("en")


def fill_in(template: str, values: dict[str, str]) -> str:
    """``template`` with each ``{name}`` replaced by its value."""
    out = template
    for k, v in values.items():
        out = out.replace("{" + k + "}", v)
    return out


@dataclass(frozen=True)
class Skills:
    """A rep's four selling skills, each in 0..1."""

    prospecting: float = 0.5
    solution: float = 0.5
    negotiation: float = 0.5
    account_care: float = 0.5

    def get(self, skill: Skill) -> float:
        return float(getattr(self, skill.value))


@dataclass(frozen=True)
class RepSpec:
    """One member of the team as the scenario starts."""

    name: str
    type: MotivationType
    skills: Skills = field(default_factory=Skills)
    name_zh: str = ""  # the name shown in the Chinese game; empty: same as ``name``
    pronoun: str | None = None  # "she" or "he", as the scenario's texts speak of them
    tenure_years: float = 2.0
    veteran: bool = False
    engagement: float = 0.65
    confidence: float = 0.6
    trust: float = 0.6
    stress: float = 0.3
    territory: float = 1.0  # share of the accounts relative to the others
    # past periods as (quota, result); generated from true capacity when empty
    history: tuple[tuple[float, float], ...] = ()
    quota: float | None = None  # first period's quota; default: the last in history
    revealed: bool = False
    mentor: str | None = None  # name of a colleague already mentoring this rep


@dataclass(frozen=True)
class SegmentSpec:
    """A market segment: its accounts and the deals they bring."""

    name: str
    accounts: int
    potential: float  # mean yearly spend potential of an account
    deal_size: float  # mean deal value
    deal_size_sigma: float = 0.5  # log-normal spread of deal values
    cycle_months: tuple[float, float] = (3.0, 6.0)  # min, max sales cycle
    win_rate: float = 0.4  # base chance a qualified deal is won
    lead_rate: float = 0.6  # opportunities per account per year at normal effort
    big_deal: float = float("inf")  # deals above this need executives in evaluation
    relationship: tuple[float, float] = (0.3, 0.6)  # starting range
    potential_sigma: float = 0.5  # log-normal spread of account potential
    # weights of consensus, top_down, technical, price_driven buyers; () = even
    decision_styles: tuple[float, ...] = ()
    label: Text = field(default_factory=Text)  # what the players read; empty: from its name


@dataclass(frozen=True)
class AccountSpec:
    """A named account the scenario places by hand (a key customer, a lost one)."""

    name: str
    segment: str
    potential: float
    relationship: float = 0.5
    name_zh: str = ""  # the name in a Chinese game; empty: the same as ``name``
    owner: str | None = None  # rep name; None: nobody covers it yet
    decision_style: str = "consensus"
    key: bool = False


@dataclass(frozen=True)
class MarketSpec:
    """Demand, its rhythm over the year, and the competition."""

    segments: tuple[SegmentSpec, ...]
    seasonality: tuple[float, ...] = (1.0,) * 12
    competitor_pressure: float = 0.1  # 0..1, shaves win chances
    lead_rate: float = 1.0  # demand level: multiplies every segment's lead rate
    event_rate: float = 0.04  # weekly chance of a random market event
    starting_zombie_share: float = 0.25  # dead deals the previous manager left


@dataclass(frozen=True)
class SupportSpec:
    """Shared support people: how many, and how long one engagement takes (days)."""

    presales: int = 2
    consultants: int = 1
    executives: int = 1
    legal: int = 1
    presales_days: float = 4.0
    consultant_days: float = 5.0
    executive_days: float = 1.0
    legal_days: float = 3.0


@dataclass(frozen=True)
class ManagerSpec:
    """The player's own limits."""

    hours_per_week: float = 40.0
    admin_hours: float = 10.0
    budget_per_period: float = 60_000.0
    max_headcount: int = 10


@dataclass(frozen=True)
class ScoringWeights:
    """How the balanced scorecard's components add up to the total."""

    revenue: float = 0.30
    engagement: float = 0.15
    attrition: float = 0.10
    skills: float = 0.10
    trust: float = 0.15
    pipeline: float = 0.10
    customers: float = 0.10

    def as_dict(self) -> dict[str, float]:
        return {
            "revenue": self.revenue,
            "engagement": self.engagement,
            "attrition": self.attrition,
            "skills": self.skills,
            "trust": self.trust,
            "pipeline": self.pipeline,
            "customers": self.customers,
        }


Delta = dict[MotivationType, float]  # a change that may differ by motivation type


@dataclass(frozen=True)
class StateChange:
    """Changes to people's state; each may differ by motivation type."""

    engagement: Delta | None = None
    confidence: Delta | None = None
    trust: Delta | None = None
    stress: Delta | None = None


@dataclass(frozen=True)
class PromiseSpec:
    """A promise a choice makes; the model tracks it like any other (P15)."""

    amount: float
    what: Text = field(default_factory=Text)
    condition: str = "none"  # "quota": due only if the rep makes quota
    due_weeks: int = 13


@dataclass(frozen=True)
class MarketShift:
    """A change in the market for some weeks: demand and competition."""

    lead_rate: float = 1.0
    competitor_pressure: float = 0.0
    weeks: int = 8


@dataclass(frozen=True)
class DelegationSpec:
    """A task a choice hands to the message's rep, as the desk's Delegate would (P13):
    the desk shows it, it takes the supervision's hours every week and the deputy does
    the work at the quality that supervision gets; a value share (P14) if one is given."""

    task: DelegatedTask = DelegatedTask.PIPELINE_REVIEW
    supervision: Supervision = Supervision.LIGHT
    profit_share: bool = False


@dataclass(frozen=True)
class DealChange:
    """What a choice does to the deal an event is about."""

    win_chance: float = 0.0
    lost: bool = False


# the levers a message's choice may pull as the desk's own would (a contest that runs, a
# word said in front of the team): their modelled effects on each type, the reactions the
# manager sees and the debrief's count of them, beside whatever else the choice does
CHOICE_LEVERS = (
    "contest",
    "praise_public",
    "praise_private",
    "criticism_public",
    "criticism_private",
)


def choice_word(lever: str) -> tuple[Tone, bool]:
    """A word a message's choice says (``praise_public``, ``criticism_private``): its
    tone, and whether it is said in front of the team."""
    tone, where = lever.split("_")
    return Tone(tone), where == "public"


@dataclass(frozen=True)
class EffectSpec:
    """Everything one choice of a scripted event does."""

    lever: str | None = None  # one of CHOICE_LEVERS (a word said is said to the message's rep)
    money: float = 0.0
    hours: float = 0.0
    rep: StateChange | None = None
    team: StateChange | None = None
    rep_leaves: bool = False
    reveal_type: bool = False
    promise: PromiseSpec | None = None
    outside_offer_weeks: int = 0
    cancel_outside_offer: bool = False
    market: MarketShift | None = None
    deal: DealChange | None = None
    target_change: float = 0.0  # fraction added to the targets of the periods still to come
    quota_change: float = 0.0  # fraction added to every rep's quota, for the next period
    delegate: DelegationSpec | None = None  # to the message's rep
    reply: Text = field(default_factory=Text)


@dataclass(frozen=True)
class ChoiceSpec:
    id: str
    text: Text
    effects: EffectSpec = field(default_factory=EffectSpec)
    handbook: bool = False  # what the handbook would do; shown in the debrief
    lessons: tuple[str, ...] = ()


@dataclass(frozen=True)
class TriggerSpec:
    """When a scripted event fires: from a week on, once its conditions hold.

    Rep conditions read the rep's real state (an outside offer arrives whether
    or not the manager has noticed the mood). Without ``rep`` the rep who meets
    them most clearly is chosen. A deal condition picks the largest open deal
    that has reached the stage (``deal_reaches``) or is at one of the stages now
    (``deal_at``).
    """

    week: int = 1
    until_week: int | None = None
    rep: str | None = None
    engagement_below: float | None = None
    confidence_below: float | None = None
    trust_below: float | None = None
    stress_above: float | None = None
    attainment_below: float | None = None
    attainment_above: float | None = None
    deal_reaches: Stage | None = None
    deal_at: tuple[Stage, ...] = ()  # the deal is at one of these stages now
    segment: str | None = None
    min_value: float = 0.0
    headcount_below: int | None = None
    not_delegated: DelegatedTask | None = None  # only while the manager still does this task
    with_reps: tuple[str, ...] = ()  # only while these reps are all on the team
    novice: bool | None = None  # only about a rep in (True) or past (False) their first year
    chance: float = 1.0

    @property
    def about_deal(self) -> bool:
        """Is the event about a deal (and so about the rep who owns it)?"""
        return self.deal_reaches is not None or bool(self.deal_at)

    @property
    def rep_conditions(self) -> bool:
        return any(
            v is not None
            for v in (
                self.engagement_below,
                self.confidence_below,
                self.trust_below,
                self.stress_above,
            )
        )


@dataclass(frozen=True)
class EventSpec:
    """A scripted inbox message: a notice, or a decision with two to four choices."""

    id: str
    title: Text
    message: Text
    trigger: TriggerSpec = field(default_factory=TriggerSpec)
    choices: tuple[ChoiceSpec, ...] = ()
    default: str | None = None  # the choice taken if the manager does not answer
    respond_weeks: int = 1
    lessons: tuple[str, ...] = ()

    def choice(self, choice_id: str) -> ChoiceSpec | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    @property
    def handbook_choice(self) -> str | None:
        return next((c.id for c in self.choices if c.handbook), None)


@dataclass(frozen=True)
class Scenario:
    """Everything needed to build a world, besides the seed."""

    title: Text
    reps: tuple[RepSpec, ...]
    market: MarketSpec
    weeks: int = 52
    period_weeks: int = 13
    team_target: tuple[float, ...] = (8_000_000.0,)  # per period; the last repeats
    briefing: Text = field(default_factory=Text)
    difficulty: str = "medium"
    teaches: tuple[str, ...] = ()  # lessons, "P1".."P18"
    guided: bool = False  # a first game: the desk's guided first weeks (the game's window)
    accounts: tuple[AccountSpec, ...] = ()
    events: tuple[EventSpec, ...] = ()
    currency: str = "¥"
    support: SupportSpec = field(default_factory=SupportSpec)
    manager: ManagerSpec = field(default_factory=ManagerSpec)
    scoring: ScoringWeights = field(default_factory=ScoringWeights)
    params: ModelParams = field(default_factory=ModelParams)
    version: str = "1"

    @property
    def periods(self) -> int:
        return -(-self.weeks // self.period_weeks)

    def target_for(self, period: int) -> float:
        """Head office's team target for period ``period`` (0-based)."""
        if period < len(self.team_target):
            return float(self.team_target[period])
        return float(self.team_target[-1])
