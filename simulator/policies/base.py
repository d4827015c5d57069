"""The policy protocol and the small tools every scripted manager uses.

A policy is a manager without a face: each week it receives the same
:class:`~simulator.observe.Observation` a player would see and returns the
actions it wants to take, in order. It uses only the action API and the
observation, never the world's hidden state, so what a policy achieves a
player could achieve too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from ..actions import Action
from ..core.types import MotivationType
from ..observe import HINT_SUGGESTS, Observation, RepView


@runtime_checkable
class Policy(Protocol):
    """A scripted manager."""

    name: str

    def reset(self, rng: np.random.Generator) -> None:
        """Start a new game; ``rng`` is the session's own stream for the policy."""

    def decide(self, obs: Observation) -> Sequence[Action]:
        """The actions to take this week, in the order to try them."""


class Planner:
    """Collects a week's actions within the hours and money the manager has left."""

    def __init__(self, obs: Observation) -> None:
        self.obs = obs
        self.hours = obs.hours_available
        self.budget = obs.budget_left
        self.actions: list[Action] = []

    def add(self, action: Action) -> bool:
        """Plan ``action`` if it still fits this week; say whether it did."""
        hours, money = action.estimate(self.obs)
        if hours > self.hours + 1e-9 or money > self.budget + 1e-9:
            return False
        self.hours -= hours
        self.budget -= money
        self.actions.append(action)
        return True

    def can_afford(self, hours: float, money: float = 0.0) -> bool:
        return hours <= self.hours + 1e-9 and money <= self.budget + 1e-9


def believed_type(rep: RepView, min_hints: int = 3) -> MotivationType | None:
    """The rep's type if revealed, else the clear majority of the hints so far."""
    if rep.type is not None:
        return rep.type
    votes = Counter(HINT_SUGGESTS[key] for _, key in rep.hints if key in HINT_SUGGESTS)
    if sum(votes.values()) < min_hints:
        return None
    ranked = votes.most_common()
    top, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return top if n - runner_up >= 2 else None


def capacity_estimate(rep: RepView, fallback: float) -> float:
    """What the rep has shown they can sell in a period: the mean of recent results."""
    results = [result for _, result in rep.history[-3:] if result > 0]
    if not results:
        return fallback
    return sum(results) / len(results)


def team_estimates(obs: Observation) -> dict[int, float]:
    """Capacity estimates for the whole team; newcomers get a ramping share of the mean."""
    known = [capacity_estimate(r, 0.0) for r in obs.reps if r.history]
    mean = sum(known) / len(known) if known else obs.team_target / max(1, len(obs.reps))
    out = {}
    for r in obs.reps:
        est = capacity_estimate(r, 0.0)
        if est <= 0:
            est = mean * (0.5 if r.ramping else 0.8)
        out[r.id] = est
    return out
