"""The scenario file format, as one schema: what each field means and what it may hold.

These pydantic models are the single source of truth for the YAML a trainer
writes: the loader validates against them, ``salesim schema`` prints them as
JSON Schema for editors, and the authoring guide documents the same fields.
Every model forbids unknown keys, so a typo is an error with a suggestion,
never a setting silently ignored. Checks that need the whole file (a mentor
who is not on the team, weights that do not add up) live in
:mod:`simulator.scenario.checks`.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from ..core.param_ranges import RANGES
from ..core.params import ModelParams
from ..core.spec import CHOICE_LEVERS
from ..core.types import DelegatedTask, MotivationType, Stage, Supervision
from .characters import a_name, not_blank, one_line

# every number finite (no .inf, no .nan: the file validates what a run can use) and,
# for amounts, at most a trillion — far above any team's target, far below an overflow
MOST = 1e12
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Positive = Annotated[float, Field(gt=0.0, le=MOST)]
NonNegative = Annotated[float, Field(ge=0.0, le=MOST)]
LessonId = Annotated[str, Field(pattern=r"^P([1-9]|1[0-8])$")]
STAGES = tuple(s.name.lower() for s in Stage if s.is_open)
DELEGATED_TASKS = tuple(t.value for t in DelegatedTask)
SUPERVISIONS = tuple(s.value for s in Supervision)


# a name or text given (empty: "none", where the field allows that), never only spaces
Named = Annotated[str, AfterValidator(not_blank)]
# a person's, segment's or account's name: as Named, and nothing invisible in it
Name = Annotated[str, AfterValidator(not_blank), AfterValidator(one_line), AfterValidator(a_name)]
# a currency's symbol: as a name, on one line, nothing invisible
Symbol = Annotated[str, AfterValidator(not_blank), AfterValidator(one_line)]
DECISION_STYLES = ("consensus", "top_down", "technical", "price_driven")


class Model(BaseModel):
    """Base: unknown keys are errors, and no silent conversions (``true`` is not 1)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


# ----------------------------------------------------------------------- text
def _text_in(value: Any) -> Any:
    """Text as written: a plain string (English), or ``en:`` and ``zh:`` under it. Anything
    else is told as text that was expected ("expected a mapping of fields" read as if
    only the mapping would do)."""
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, dict):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f'should be text (got {value}; put it in quotes, "{value}", to make it text)'
        )
    if isinstance(value, bool):
        shown = str(value).lower()  # as YAML writes it
    else:
        shown = "nothing" if value is None else repr(value)
    raise ValueError(f"should be text, or en: and zh: texts under it (got {shown})")


MOST_CHARACTERS = 4_000  # a text of the game's (the longest shipped: about 500)


class LocalText(Model):
    """Text in English and Simplified Chinese, each at most a page (a title of 200,000
    characters validated, and would have been laid out in the window as the game ran)."""

    en: Named = Field(min_length=1, max_length=MOST_CHARACTERS, description="English.")
    zh: Named = Field(
        "",
        max_length=MOST_CHARACTERS,
        description="Simplified Chinese; English is shown where it is missing.",
    )


Text = Annotated[
    LocalText,
    BeforeValidator(_text_in),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "description": "English only"},
                {
                    "type": "object",
                    "properties": {"en": {"type": "string"}, "zh": {"type": "string"}},
                    "required": ["en"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


# ----------------------------------------------------------------------- team
class Skills(Model):
    """A rep's four selling skills, 0 (none) to 1 (the best you have seen)."""

    prospecting: Share = Field(0.5, description="Finding and opening new opportunities.")
    solution: Share = Field(0.5, description="Technical exchange and solution design.")
    negotiation: Share = Field(0.5, description="Evaluation, negotiation and closing.")
    account_care: Share = Field(0.5, description="Keeping customers warm (P12).")


class PastPeriod(Model):
    """One period before the game: the quota the old manager set and what was booked."""

    quota: Positive
    booked: NonNegative


class Rep(Model):
    """One member of the team as the game starts."""

    name: Name = Field(min_length=1, max_length=40, description="Unique; events refer to it.")
    name_zh: Name = Field("", max_length=20, description="Name in the Chinese game.")
    pronoun: Literal["she", "he"] | None = Field(
        None, description="As the scenario's texts speak of them; the game's portrait follows."
    )
    type: MotivationType = Field(
        strict=False,
        description="Hidden motivation profile: competitor, achiever, ego_driven or service.",
    )
    skills: Skills = Field(default_factory=Skills)
    tenure_years: float = Field(2.0, ge=0.0, le=50, description="Under 1 year: a novice (P6).")
    veteran: bool = Field(False, description="A long-serving pillar who expects respect (P14).")
    engagement: Share = Field(0.65, description="Starting engagement (hidden; seen as mood).")
    confidence: Share = Field(0.6, description="Starting confidence.")
    trust: Share = Field(0.6, description="Starting trust in the new manager (P9, P15).")
    stress: Share = Field(0.3, description="Starting stress.")
    territory: float = Field(1.0, gt=0.0, le=10, description="Share of the accounts, relative.")
    quota: Positive | None = Field(
        None, description="Quota for the first period; default: the last one in quota_history."
    )
    quota_history: list[PastPeriod] = Field(
        default_factory=list,
        max_length=12,
        description="Past periods, oldest first; generated from capacity when empty.",
    )
    revealed: bool = Field(False, description="The player knows this rep's type from the start.")
    mentor: str | None = Field(None, description="Name of a colleague already mentoring them.")


# --------------------------------------------------------------------- market
class StyleMix(Model):
    """How the segment's buyers decide, as relative weights (shown in the archive)."""

    consensus: NonNegative = 1.0
    top_down: NonNegative = 1.0
    technical: NonNegative = 1.0
    price_driven: NonNegative = 1.0

    @model_validator(mode="after")
    def _some(self) -> StyleMix:
        if self.consensus + self.top_down + self.technical + self.price_driven <= 0:
            raise ValueError("give at least one style a weight above 0")
        return self


class Segment(Model):
    """A market segment: its accounts and the deals they bring."""

    name: Name = Field(min_length=1, max_length=30)
    label: Text | None = Field(
        None,
        description="What players read for this segment, {en, zh} (default: the game's own "
        "words for enterprise, midmarket, small…, else the name).",
    )
    accounts: int = Field(ge=0, le=5000, description="How many accounts to generate.")
    potential: Positive = Field(description="Mean yearly spend potential of an account.")
    potential_sigma: float = Field(0.5, ge=0, le=2, description="Log-normal spread of potential.")
    deal_size: Positive = Field(description="Mean deal value.")
    deal_size_sigma: float = Field(0.5, ge=0, le=2, description="Log-normal spread of values.")
    cycle_months: list[Positive] = Field(
        [3.0, 6.0],
        min_length=2,
        max_length=2,
        description="[shortest, longest] sales cycle in months.",
    )
    win_rate: float = Field(0.4, gt=0, le=1, description="Base chance a qualified deal is won.")
    lead_rate: float = Field(0.6, ge=0.0, le=50, description="Opportunities per account per year.")
    big_deal: Positive | None = Field(
        None, description="Deals above this value need an executive in evaluation (P11)."
    )
    relationship: list[Share] = Field(
        [0.3, 0.6], min_length=2, max_length=2, description="[low, high] starting relationships."
    )
    decision_styles: StyleMix | None = None

    @model_validator(mode="after")
    def _ranges(self) -> Segment:
        if self.cycle_months[0] > self.cycle_months[1]:
            raise ValueError("cycle_months: give [shortest, longest] with shortest ≤ longest")
        if self.relationship[0] > self.relationship[1]:
            raise ValueError("relationship: give [low, high] with low ≤ high")
        return self


class Market(Model):
    """Demand, its rhythm over the year, and the competition."""

    segments: list[Segment] = Field(min_length=1, max_length=20)
    seasonality: list[Positive] = Field(
        default_factory=lambda: [1.0] * 12,
        min_length=12,
        max_length=12,
        description="12 monthly demand factors, January to December.",
    )
    lead_rate: float = Field(
        1.0, gt=0.0, le=10, description="The demand level: multiplies every segment's lead rate."
    )
    competitor_pressure: Share = Field(0.1, description="Shaves win chances.")
    event_rate: Share = Field(0.04, description="Weekly chance of a random market event.")
    starting_zombie_share: float = Field(
        0.25, ge=0, le=0.9, description="Share of the inherited funnel that is already dead (P10)."
    )


class Account(Model):
    """A named account placed by hand, on top of the generated ones."""

    name: Name = Field(min_length=1, max_length=60)
    name_zh: Name = Field(
        "", max_length=60, description="Its name in the Chinese game (default: the same)."
    )
    segment: str = Field(description="One of market.segments' names.")
    potential: Positive
    relationship: Share = 0.5
    owner: str | None = Field(None, description="The rep who covers it; empty: nobody yet.")
    decision_style: Literal["consensus", "top_down", "technical", "price_driven"] = "consensus"
    key: bool = Field(False, description="A key account of its owner (P7).")


class Support(Model):
    """Shared support people (P11): how many, and how long one engagement takes, in days."""

    presales: int = Field(2, ge=0, le=100)
    consultants: int = Field(1, ge=0, le=100)
    executives: int = Field(1, ge=0, le=100)
    legal: int = Field(1, ge=0, le=100)
    presales_days: float = Field(4.0, gt=0.0, le=60)
    consultant_days: float = Field(5.0, gt=0.0, le=60)
    executive_days: float = Field(1.0, gt=0.0, le=60)
    legal_days: float = Field(3.0, gt=0.0, le=60)


class Manager(Model):
    """The player's own limits."""

    hours_per_week: float = Field(40.0, gt=0.0, le=100)
    admin_hours: NonNegative = Field(10.0, description="Hours a week head office takes.")
    budget_per_period: NonNegative = Field(60_000.0, description="Incentive money per period.")
    max_headcount: int = Field(10, ge=1, le=200, description="Reps head office allows.")


class Scoring(Model):
    """Weights of the scorecard's components; they must add up to 1."""

    revenue: Share = 0.30
    engagement: Share = 0.15
    attrition: Share = 0.10
    skills: Share = 0.10
    trust: Share = 0.15
    pipeline: Share = 0.10
    customers: Share = 0.10


# -------------------------------------------------------------------- events
def _by_type_in(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"others": value}
    return value


class ByType(Model):
    """A change that may differ by motivation type; ``others`` covers the types not named."""

    competitor: float | None = Field(None, ge=-1, le=1)
    achiever: float | None = Field(None, ge=-1, le=1)
    ego_driven: float | None = Field(None, ge=-1, le=1)
    service: float | None = Field(None, ge=-1, le=1)
    others: float = Field(0.0, ge=-1, le=1)


Change = Annotated[
    ByType,
    BeforeValidator(_by_type_in),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": -1, "maximum": 1},
                {
                    "type": "object",
                    "properties": {
                        k: {"type": "number", "minimum": -1, "maximum": 1}
                        for k in ("competitor", "achiever", "ego_driven", "service", "others")
                    },
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


class StateChange(Model):
    """Changes to engagement, confidence, trust and stress (each −1..1, or by type)."""

    engagement: Change | None = None
    confidence: Change | None = None
    trust: Change | None = None
    stress: Change | None = None


class PromiseMade(Model):
    """A promise this choice makes to the event's rep, tracked until kept or broken (P15)."""

    amount: Positive = Field(description="What keeping it will cost.")
    what: Text | None = Field(None, description="What was promised, in words.")
    condition: Literal["none", "quota"] = "none"
    due_weeks: int = Field(13, ge=1, le=104)


class MarketChange(Model):
    """Demand and competition for some weeks."""

    lead_rate: float = Field(1.0, gt=0.0, le=5, description="Multiplies new opportunities.")
    competitor_pressure: float = Field(0.0, ge=-0.5, le=0.5)
    weeks: int = Field(8, ge=1, le=104)


class Delegation(Model):
    """A task handed to the event's rep, as the desk's delegation would (P13, P14)."""

    task: Literal[DELEGATED_TASKS] = "pipeline_review"  # type: ignore[valid-type]
    supervision: Literal[SUPERVISIONS] = Field(  # type: ignore[valid-type]
        ..., description="none, light (1 h a week) or tight (3 h a week)."
    )
    profit_share: bool = Field(False, description="And a share of the value they create.")


class DealEffect(Model):
    """What the choice does to the deal the event is about."""

    win_chance: float = Field(0.0, ge=-1, le=1)
    lost: bool = False


class Effects(Model):
    """Everything one choice does."""

    lever: Literal[CHOICE_LEVERS] | None = Field(  # type: ignore[valid-type]
        None,
        description="A lever the choice pulls as the desk would (a contest runs, a word is "
        "said to the event's rep): its modelled effects, reactions and the debrief's count.",
    )
    money: NonNegative = Field(0.0, description="Paid from this period's budget.")
    hours: float = Field(0.0, ge=0.0, le=60, description="Manager hours this week.")
    rep: StateChange | None = Field(None, description="The rep the event is about.")
    team: StateChange | None = Field(None, description="Everyone else on the team.")
    rep_leaves: bool = False
    reveal_type: bool = False
    promise: PromiseMade | None = None
    outside_offer_weeks: int = Field(0, ge=0, le=52, description="The rep gets an outside offer.")
    cancel_outside_offer: bool = False
    market: MarketChange | None = None
    deal: DealEffect | None = None
    target_change: float = Field(
        0.0, ge=-0.9, le=3, description="Fraction added to the targets of later periods."
    )
    quota_change: float = Field(
        0.0,
        ge=-0.9,
        le=3,
        description="Every rep's quota for the next period: their current one plus this "
        "fraction, set as if the manager had set it (P2: alike, whatever their record).",
    )
    delegate: Delegation | None = Field(
        None, description="A task handed to the event's rep, shown and run as the desk's."
    )
    reply: Text | None = Field(None, description="What the player reads after choosing.")


class Choice(Model):
    id: str = Field(min_length=1, max_length=30, pattern=r"^[a-z0-9_]+$")
    text: Text
    effects: Effects = Field(default_factory=Effects)
    handbook: bool = Field(False, description="What the handbook would do; used in the debrief.")
    lessons: list[LessonId] = Field(default_factory=list)


def _stages_in(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


# one stage or a list of them (``deal_at: evaluation`` or ``deal_at: [solution, evaluation]``)
StagesNow = Annotated[
    list[Literal[STAGES]],  # type: ignore[valid-type]
    Field(min_length=1),
    BeforeValidator(_stages_in),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": list(STAGES)},
                {"type": "array", "items": {"enum": list(STAGES)}, "minItems": 1},
            ]
        }
    ),
]


class Trigger(Model):
    """When the event fires: from ``week`` on, once every condition given holds."""

    week: int = Field(1, ge=1)
    until_week: int | None = Field(None, ge=1)
    rep: str | None = Field(None, description="Only about this rep.")
    engagement_below: Share | None = None
    confidence_below: Share | None = None
    trust_below: Share | None = None
    stress_above: Share | None = None
    attainment_below: NonNegative | None = Field(None, description="Pace vs quota (or target).")
    attainment_above: NonNegative | None = None
    deal_reaches: Literal[STAGES] | None = Field(  # type: ignore[valid-type]
        None, description="A deal of the rep(s) reaches this stage (or is further on)."
    )
    deal_at: StagesNow | None = Field(
        None,
        description="A deal of the rep(s) is at this stage (or one of these) now, not past "
        "it: for a message that names the stage.",
    )
    segment: str | None = None
    min_value: NonNegative = 0.0
    headcount_below: int | None = Field(None, ge=1)
    not_delegated: Literal[DELEGATED_TASKS] | None = Field(  # type: ignore[valid-type]
        None, description="Only while the manager still does this task (nobody was given it)."
    )
    with_reps: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="Only while these reps are all on the team: for a message that names them.",
    )
    novice: bool | None = Field(
        None, description="Only about a rep in their first year (true) or past it (false)."
    )
    chance: float = Field(1.0, gt=0, le=1, description="Weekly chance once the rest holds.")


class Event(Model):
    """A scripted inbox message: a notice, or a decision with two to four choices."""

    id: str = Field(min_length=1, max_length=40, pattern=r"^[a-z0-9_]+$")
    title: Text
    message: Text
    trigger: Trigger = Field(default_factory=Trigger)
    choices: list[Choice] = Field(default_factory=list, max_length=4)
    default: str | None = Field(None, description="The choice taken if nobody answers.")
    respond_weeks: int = Field(1, ge=1, le=13)
    lessons: list[LessonId] = Field(default_factory=list)


# ------------------------------------------------------------------ scenario
class ScenarioFile(Model):
    """A scenario: the team, the market, the targets and what happens to them."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        title="salesim scenario",
        json_schema_extra={"$id": "https://salesim.invalid/scenario.schema.json"},
    )

    extends: str | None = Field(
        None, description="A scenario this one starts from (path, or a shipped scenario's name)."
    )
    version: str = Field("1", max_length=20, description="Bump when you change the scenario.")
    title: Text
    briefing: Text | None = None
    difficulty: Literal["easy", "medium", "hard"] = "medium"
    teaches: list[LessonId] = Field(
        default_factory=list, description="Lessons, P1..P18 (each once)."
    )
    guided: bool = Field(
        False,
        description="A first game: the desk opens one group of levers at a time over the "
        "first weeks, with a goal each week and a coach's note after it.",
    )
    weeks: int = Field(52, ge=1, le=520)
    period_weeks: int = Field(13, ge=1, le=104)
    # at least one unit of money: a target of 1e-300 was shown as ¥0, and met a hundredfold
    team_target: list[Annotated[float, Field(ge=1.0, le=MOST)]] = Field(
        min_length=1, max_length=80, description="Per period; the last one repeats."
    )
    currency: Symbol = Field("¥", max_length=4)
    manager: Manager = Field(default_factory=Manager)
    support: Support = Field(default_factory=Support)
    market: Market
    reps: list[Rep] = Field(min_length=1, max_length=100)
    accounts: list[Account] = Field(default_factory=list, max_length=2000)
    scoring: Scoring = Field(default_factory=Scoring)
    events: list[Event] = Field(default_factory=list, max_length=200)
    params: dict[str, Any] = Field(
        default_factory=dict, description="Expert: the model's numbers (docs/model.md)."
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema editors use to complete and check scenario files.

    A file with ``extends:`` may leave out what its parent gives, so the
    required fields (and the market's segments) are required only of files
    that do not extend another.
    """
    schema = ScenarioFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    required = schema.pop("required", [])
    market_required = schema["$defs"]["Market"].pop("required", [])
    schema["patternProperties"] = {"^x-": {"description": "Yours: anchors to reuse, notes."}}
    schema["if"] = {"required": ["extends"]}
    schema["else"] = {
        "required": required,
        "properties": {"market": {"required": market_required}},
    }
    schema["properties"]["params"] = _params_schema()
    return schema


def _params_schema() -> dict[str, Any]:
    """The ``params:`` block: each model number by name, with its default and range."""
    defaults = ModelParams()

    def number(like: Any, low: float, high: float) -> dict[str, Any]:
        whole = isinstance(like, int) and not isinstance(like, bool)
        return {"type": "integer" if whole else "number", "minimum": low, "maximum": high}

    names: dict[str, Any] = {}
    for f in fields(ModelParams):
        low, high = RANGES[f.name]
        default = getattr(defaults, f.name)
        if isinstance(default, dict):
            names[f.name] = {
                "type": "object",
                "properties": {k: number(v, low, high) for k, v in default.items()},
                "additionalProperties": False,
            }
        elif isinstance(default, tuple):
            names[f.name] = {
                "type": "array",
                "items": number(default[0], low, high),
                "minItems": len(default),
                "maxItems": len(default),
                "default": list(default),
            }
        else:
            names[f.name] = number(default, low, high) | {"default": default}
    return {
        "type": "object",
        "description": "Expert: the model's numbers (docs/model.md), each within its range.",
        "properties": names,
        "additionalProperties": False,
    }
