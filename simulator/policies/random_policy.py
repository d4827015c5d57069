"""``random``: a manager who pulls levers at random.

Each week it tries a handful of actions drawn at random from the whole action
API, with random (but well-formed) arguments. It is the floor any considered
way of managing should clear.
"""

from __future__ import annotations

import numpy as np

from ..actions import (
    Action,
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
    HonourVeteran,
    JointVisit,
    MakePromise,
    NameRival,
    OneOnOne,
    PipelineReview,
    PushDeal,
    RequestSupport,
    RunContest,
    SetQuota,
    TeamMeeting,
    TeamTraining,
)
from ..core.types import DelegatedTask, Pool, Skill, Supervision, Tone
from ..observe import Observation
from .base import Planner, team_estimates

ACTIONS_PER_WEEK = 6


class RandomPolicy:
    """Pulls levers at random: the floor any considered way of managing should clear."""

    name = "random"

    def __init__(self) -> None:
        self.rng = np.random.default_rng(0)

    def reset(self, rng: np.random.Generator) -> None:
        self.rng = rng

    def _pick(self, seq):
        return seq[int(self.rng.integers(len(seq)))]

    def decide(self, obs: Observation) -> list[Action]:
        plan = Planner(obs)
        if not obs.reps:
            return []
        if obs.period_start:
            est = team_estimates(obs)
            for r in obs.reps:
                plan.add(SetQuota(r.id, round(est[r.id] * float(self.rng.uniform(0.7, 1.6)), -3)))
        for item in obs.inbox:
            if item.open and item.choices:
                plan.add(Answer(item.id, self._pick(item.choices).id))
        for _ in range(ACTIONS_PER_WEEK):
            action = self._random_action(obs)
            if action is not None:
                plan.add(action)
        return plan.actions

    def _random_action(self, obs: Observation) -> Action | None:
        rng = self.rng
        rep = self._pick(obs.reps)
        other = self._pick(obs.reps)
        deals = obs.deals
        deal = self._pick(deals) if deals else None
        kind = int(rng.integers(20))
        if kind == 0:
            return OneOnOne(rep.id)
        if kind == 1:
            return Coach(rep.id, self._pick(list(Skill)))
        if kind == 2:
            return Feedback(rep.id, self._pick(list(Tone)), bool(rng.integers(2)))
        if kind == 3:
            return PipelineReview()
        if kind == 4 and deal is not None:
            return DropDeal(deal.id)
        if kind == 5 and deal is not None:
            return PushDeal(deal.id)
        if kind == 6 and deal is not None and deal.rep is not None:
            return JointVisit(deal.rep, deal.id)
        if kind == 7 and deal is not None:
            return RequestSupport(deal.id, self._pick(list(Pool)))
        if kind == 8:
            return RunContest()
        if kind == 9:
            return NameRival(rep.id, other.id)
        if kind == 10:
            return DevelopmentPlan(rep.id)
        if kind == 11:
            return GiveAutonomy(rep.id)
        if kind == 12:
            return AssignMentor(rep.id, other.id)
        if kind == 13:
            mine = obs.accounts.owned_by(rep.id)
            if mine:
                return AssignKeyAccount(rep.id, self._pick(mine))
        if kind == 14:
            return TeamMeeting()
        if kind == 15:
            return TeamTraining(self._pick(list(Skill)))
        if kind == 16:
            return Delegate(rep.id, self._pick(list(DelegatedTask)), self._pick(list(Supervision)))
        if kind == 17:
            return HonourVeteran(rep.id)
        if kind == 18:
            return CashBonus(rep.id, float(rng.integers(1, 6)) * 2_000)
        if kind == 19:
            amount = float(rng.integers(1, 6)) * 2_000
            return MakePromise(rep.id, amount, self._pick(["quota", "none"]))
        return None
