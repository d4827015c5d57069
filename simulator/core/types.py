"""The small vocabularies the whole model speaks: types, skills, stages, pools."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class MotivationType(StrEnum):
    """Gallup's four salesperson motivation profiles, hidden from the manager.

    Each type answers the same managerial lever differently (P3):
    competitors want to win, achievers want to grow, ego-driven reps want to
    feel important, and service reps want to look after their customers.
    """

    COMPETITOR = "competitor"
    ACHIEVER = "achiever"
    EGO_DRIVEN = "ego_driven"
    SERVICE = "service"


class Skill(StrEnum):
    """The four selling skills a rep has, each between 0 and 1."""

    PROSPECTING = "prospecting"
    SOLUTION = "solution"
    NEGOTIATION = "negotiation"
    ACCOUNT_CARE = "account_care"


class Stage(IntEnum):
    """The project-sale stages of the handbook, in order, then the two outcomes."""

    QUALIFICATION = 0
    TECHNICAL_EXCHANGE = 1
    SOLUTION = 2
    EVALUATION = 3
    NEGOTIATION = 4
    SIGNING = 5
    WON = 6
    LOST = 7

    @property
    def is_open(self) -> bool:
        return self < Stage.WON


OPEN_STAGES: tuple[Stage, ...] = tuple(s for s in Stage if s.is_open)


class Pool(StrEnum):
    """Shared support that deals queue for (P11)."""

    PRESALES = "presales"
    CONSULTANT = "consultant"
    EXECUTIVE = "executive"
    LEGAL = "legal"


# Which support helps at which stage: pre-sales in technical exchange,
# consultants in requirements/solution, executives in evaluation of big
# projects and at signing, business/finance/legal in negotiation.
RIGHT_POOL: dict[Stage, Pool] = {
    Stage.TECHNICAL_EXCHANGE: Pool.PRESALES,
    Stage.SOLUTION: Pool.CONSULTANT,
    Stage.EVALUATION: Pool.EXECUTIVE,
    Stage.NEGOTIATION: Pool.LEGAL,
    Stage.SIGNING: Pool.EXECUTIVE,
}


# Where each way of deciding is won (P11, P12): a technical buyer at the technical
# exchange (pre-sales), a committee in requirements (consultants), a boss who decides
# alone at the evaluation (executives), a buyer who counts every yuan in negotiation
# (business, finance and legal). The support that stage wants is ``RIGHT_POOL``'s.
KEY_STAGE: dict[str, Stage] = {
    "technical": Stage.TECHNICAL_EXCHANGE,
    "consensus": Stage.SOLUTION,
    "top_down": Stage.EVALUATION,
    "price_driven": Stage.NEGOTIATION,
}


class Tone(StrEnum):
    """The two directions of feedback."""

    PRAISE = "praise"
    CRITICISM = "criticism"


class Supervision(StrEnum):
    """How closely the manager watches a delegated task (P13)."""

    NONE = "none"
    LIGHT = "light"
    TIGHT = "tight"


class DelegatedTask(StrEnum):
    """Work the manager can hand to a deputy."""

    PIPELINE_REVIEW = "pipeline_review"
    KEY_ACCOUNTS = "key_accounts"
    ONBOARDING = "onboarding"
    ONE_ON_ONES = "one_on_ones"  # a sub-team's weekly 1:1s (for a team too big to see alone)
