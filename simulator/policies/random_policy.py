"""``random``: a manager who pulls levers at random.

Each week it sets quotas at random around each rep's record (at a period's
start), answers every open message with a random choice, and then pulls a
handful of levers drawn at random from the catalogue of what is open now
(:class:`~simulator.api.Catalogue`), choosing among each lever's options at
random. It is the floor any considered way of managing should clear.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import numpy as np

from ..api import Action, Answer, Observation, Plan, SetQuota, catalogue, team_estimates

ACTIONS_PER_WEEK = 6
T = TypeVar("T")


class RandomPolicy:
    """Pulls levers at random: the floor any considered way of managing should clear."""

    name = "random"

    def __init__(self) -> None:
        self.rng = np.random.default_rng(0)

    def reset(self, rng: np.random.Generator) -> None:
        self.rng = rng

    def _pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.rng.integers(len(seq)))]

    def decide(self, obs: Observation) -> list[Action]:
        plan = Plan(obs)
        if not obs.reps:
            return []
        if obs.period_start:
            est = team_estimates(obs)
            for r in obs.reps:
                plan.add(SetQuota(r.id, round(est[r.id] * float(self.rng.uniform(0.7, 1.6)), -3)))
        for item in obs.inbox:
            if item.open and item.choices:
                plan.add(Answer(item.id, self._pick(item.choices).id))
        levers = [
            lv for lv in catalogue(plan) if lv.actions and lv.key not in ("set_quota", "answer")
        ]
        for _ in range(ACTIONS_PER_WEEK):
            lever = self._pick(levers)
            plan.add(self._pick(lever.actions))  # refused when it does not fit
        return plan.actions
