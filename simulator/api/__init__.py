"""The door: how every manager — a player at the desk, a policy, a learning agent — sees and acts.

Everything above the simulation core speaks to it through this package:

* the vocabulary (:mod:`.vocabulary`): types, skills, stages, support, tones;
* the observation (:mod:`.observation`): what a manager can see at the start
  of a week, with the season's history so far;
* the actions (:mod:`.actions`): every lever, with its checks and costs;
* one :class:`Plan` of a week (:mod:`.plan`): actions within the hours and
  budget, judged against what the manager can know;
* one :class:`Catalogue` (:mod:`.catalogue`): the levers open now, with their
  choices, costs and refusals;
* the Gymnasium environment (:mod:`.env`), registered as
  ``salesim/SalesManager-v0`` when this package is imported.

A game is driven by a :class:`~simulator.session.Session`, which carries out a
plan and advances the week; the hidden world stays behind it.
"""

from __future__ import annotations

from ..core.events import Event
from .actions import (
    ACTION_TYPES,
    ALL_ACTIONS,
    PEOPLE_FIELDS,
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
    Result,
    RunContest,
    SetQuota,
    SetTeamGoal,
    StrengthsAssessment,
    TeamMeeting,
    TeamTraining,
    action_from_dict,
)
from .catalogue import LEVERS, Catalogue, Lever, Option, catalogue
from .observation import (
    HINT_SUGGESTS,
    AccountView,
    ChoiceView,
    DealView,
    DelegationView,
    InboxView,
    Observation,
    Person,
    PoolView,
    PromiseView,
    RepView,
    WeekPoint,
)
from .plan import Plan, Planned
from .reading import (
    MOOD_GOOD,
    MOOD_LOW,
    MOOD_SIGNAL,
    believed_type,
    capacity_estimate,
    fair_share,
    far_from_record,
    far_multiple,
    forecast_told,
    mood_band,
    record_mean,
    reward_amounts,
    team_estimates,
    unassigned,
)
from .refusal import Refusal, Refused
from .vocabulary import (
    KEY_STAGE,
    OPEN_STAGES,
    RIGHT_POOL,
    TYPES,
    DelegatedTask,
    MotivationType,
    Pool,
    Skill,
    Stage,
    Supervision,
    Text,
    Tone,
    choice_word,
)

ENV_ID = "salesim/SalesManager-v0"


def _register_env() -> None:
    """Make ``gymnasium.make("salesim/SalesManager-v0")`` work (when Gymnasium is installed)."""
    try:
        from gymnasium.envs.registration import register, registry
    except ImportError:  # pragma: no cover - Gymnasium is a dependency
        return
    if ENV_ID not in registry:
        register(id=ENV_ID, entry_point="simulator.api.env:SalesManagerEnv")


_register_env()

__all__ = [
    "ACTION_TYPES",
    "ALL_ACTIONS",
    "ENV_ID",
    "HINT_SUGGESTS",
    "KEY_STAGE",
    "LEVERS",
    "MOOD_GOOD",
    "MOOD_LOW",
    "MOOD_SIGNAL",
    "OPEN_STAGES",
    "PEOPLE_FIELDS",
    "RIGHT_POOL",
    "TYPES",
    "AccountView",
    "Action",
    "AdoptCallAnalytics",
    "AdoptDailyPlans",
    "Answer",
    "AssignKeyAccount",
    "AssignMentor",
    "CashBonus",
    "Catalogue",
    "ChoiceView",
    "Coach",
    "DealView",
    "Delegate",
    "DelegatedTask",
    "DelegationView",
    "DevelopmentPlan",
    "DropDeal",
    "Event",
    "Feedback",
    "GiveAutonomy",
    "Hire",
    "HonourVeteran",
    "InboxView",
    "JointVisit",
    "KeepPromise",
    "LetGo",
    "Lever",
    "MakePromise",
    "MotivationType",
    "NameRival",
    "Observation",
    "OneOnOne",
    "Option",
    "PerformanceReview",
    "Person",
    "PipelineReview",
    "Plan",
    "Planned",
    "Pool",
    "PoolView",
    "ProfitShare",
    "PromiseView",
    "PushDeal",
    "ReadType",
    "ReassignAccounts",
    "Refusal",
    "Refused",
    "RepView",
    "RequestSupport",
    "Result",
    "RunContest",
    "SetQuota",
    "SetTeamGoal",
    "Skill",
    "Stage",
    "StrengthsAssessment",
    "Supervision",
    "TeamMeeting",
    "TeamTraining",
    "Text",
    "Tone",
    "WeekPoint",
    "action_from_dict",
    "believed_type",
    "capacity_estimate",
    "catalogue",
    "choice_word",
    "fair_share",
    "far_from_record",
    "far_multiple",
    "forecast_told",
    "mood_band",
    "record_mean",
    "reward_amounts",
    "team_estimates",
    "unassigned",
]
