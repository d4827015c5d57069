"""Every lever of the game as an action: whom it concerns, when it fits, what it does.

Each class is one decision a manager can make. Its fields say whom and what;
``check`` says when it does not fit the week being planned (a refusal with a
code, see :mod:`~simulator.api.refusal`), judged only from what the manager
can know (:class:`~simulator.api.plan.Plan`); ``claims`` what it uses up for
the week (a second 1:1 with the same rep is refused); ``apply`` calls the
model's lever in :mod:`simulator.core.levers`. The player's desk, the
scripted policies and a learning agent all plan with these same classes.
"""

from __future__ import annotations

from .base import (
    ACTION_TYPES,
    PEOPLE_FIELDS,
    SEEN_EFFECTS,
    Action,
    Result,
    action_from_dict,
    execute,
    record_refusal,
    seen_by_manager,
)
from .deals import DropDeal, JointVisit, PipelineReview, PushDeal, RequestSupport
from .growth import AssignMentor, Coach, DevelopmentPlan, GiveAutonomy, TeamTraining
from .inbox import Answer
from .motivation import CashBonus, HonourVeteran, KeepPromise, MakePromise, NameRival, RunContest
from .organisation import (
    AdoptCallAnalytics,
    AdoptDailyPlans,
    AssignKeyAccount,
    Delegate,
    ProfitShare,
    ReassignAccounts,
    SetQuota,
)
from .people import Hire, LetGo, ReadType, StrengthsAssessment
from .talk import Feedback, OneOnOne, PerformanceReview, SetTeamGoal, TeamMeeting

ALL_ACTIONS: tuple[type[Action], ...] = (
    SetQuota,
    OneOnOne,
    Feedback,
    PerformanceReview,
    TeamMeeting,
    SetTeamGoal,
    Coach,
    DevelopmentPlan,
    GiveAutonomy,
    AssignMentor,
    TeamTraining,
    RunContest,
    NameRival,
    CashBonus,
    MakePromise,
    KeepPromise,
    HonourVeteran,
    AssignKeyAccount,
    ReassignAccounts,
    Delegate,
    ProfitShare,
    AdoptDailyPlans,
    AdoptCallAnalytics,
    PipelineReview,
    DropDeal,
    PushDeal,
    JointVisit,
    RequestSupport,
    Hire,
    LetGo,
    StrengthsAssessment,
    ReadType,
    Answer,
)

__all__ = [
    "ACTION_TYPES",
    "ALL_ACTIONS",
    "PEOPLE_FIELDS",
    "SEEN_EFFECTS",
    "Action",
    "AdoptCallAnalytics",
    "AdoptDailyPlans",
    "Answer",
    "AssignKeyAccount",
    "AssignMentor",
    "CashBonus",
    "Coach",
    "Delegate",
    "DevelopmentPlan",
    "DropDeal",
    "Feedback",
    "GiveAutonomy",
    "Hire",
    "HonourVeteran",
    "JointVisit",
    "KeepPromise",
    "LetGo",
    "MakePromise",
    "NameRival",
    "OneOnOne",
    "PerformanceReview",
    "PipelineReview",
    "ProfitShare",
    "PushDeal",
    "ReadType",
    "ReassignAccounts",
    "RequestSupport",
    "Result",
    "RunContest",
    "SetQuota",
    "SetTeamGoal",
    "StrengthsAssessment",
    "TeamMeeting",
    "TeamTraining",
    "action_from_dict",
    "execute",
    "record_refusal",
    "seen_by_manager",
]
