"""The words a manager and the model share: types, skills, stages, support, tones, tasks.

These small enumerations are the vocabulary of every action and observation.
They are defined once, in the core, and spoken through the door from here.
"""

from __future__ import annotations

from ..core.accounts import DECISION_STYLES
from ..core.params import HINTS
from ..core.spec import Text, choice_word
from ..core.types import (
    KEY_STAGE,
    OPEN_STAGES,
    RIGHT_POOL,
    DelegatedTask,
    MotivationType,
    Pool,
    Skill,
    Stage,
    Supervision,
    Tone,
)

TYPES: tuple[MotivationType, ...] = tuple(MotivationType)

__all__ = [
    "DECISION_STYLES",
    "HINTS",
    "KEY_STAGE",
    "OPEN_STAGES",
    "RIGHT_POOL",
    "TYPES",
    "DelegatedTask",
    "MotivationType",
    "Pool",
    "Skill",
    "Stage",
    "Supervision",
    "Text",
    "Tone",
    "choice_word",
]
