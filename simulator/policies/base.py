"""The policy protocol: a manager without a face, who sees and acts through the door.

A policy receives each week the same :class:`~simulator.api.Observation` a
player would see and returns the actions it wants to take, in order. It uses
only :mod:`simulator.api`, never the world's hidden state, so what a policy
achieves a player could achieve too. Its planner is the player's
:class:`~simulator.api.Plan`: the same checks, the same hours and budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from ..api import (
    Action,
    Observation,
    Plan,
    believed_type,
    capacity_estimate,
    team_estimates,
)

# The planner a policy fills: the player's plan of a week.
Planner = Plan


@runtime_checkable
class Policy(Protocol):
    """A scripted manager."""

    name: str

    def reset(self, rng: np.random.Generator) -> None:
        """Start a new game; ``rng`` is the session's own stream for the policy."""

    def decide(self, obs: Observation) -> Sequence[Action]:
        """The actions to take this week, in the order to try them."""


__all__ = ["Planner", "Policy", "believed_type", "capacity_estimate", "team_estimates"]
