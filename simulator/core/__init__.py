"""The simulation core: a SimPy sales world and its behavioural model.

Imports only the standard library, numpy and simpy; never pygame or yaml, and
it never touches files. Everything random comes from ``rng.Streams``.
"""

from .rng import Streams
from .spec import (
    ManagerSpec,
    MarketSpec,
    RepSpec,
    Scenario,
    ScoringWeights,
    SegmentSpec,
    Skills,
    SupportSpec,
)
from .types import DelegatedTask, MotivationType, Pool, Skill, Stage, Supervision, Tone
from .world import World

__all__ = [
    "DelegatedTask",
    "ManagerSpec",
    "MarketSpec",
    "MotivationType",
    "Pool",
    "RepSpec",
    "Scenario",
    "ScoringWeights",
    "SegmentSpec",
    "Skill",
    "Skills",
    "Stage",
    "Streams",
    "Supervision",
    "SupportSpec",
    "Tone",
    "World",
]
