"""Former home of the manager's actions; they now live behind the door, in :mod:`simulator.api`.

``from simulator.actions import OneOnOne`` keeps working, with a
``DeprecationWarning``; write ``from simulator.api import OneOnOne`` instead.
A policy's planner is :class:`simulator.api.Plan` (``simulator.policies.Planner``
is the same class).
"""

from __future__ import annotations

import warnings

from .api import *  # noqa: F403
from .api import __all__ as _api_names
from .api.actions import ALL_ACTIONS, SEEN_EFFECTS, seen_by_manager
from .api.plan import apply_action

__all__ = [*_api_names, "SEEN_EFFECTS", "apply_action", "seen_by_manager", "ALL_ACTIONS"]

warnings.warn(
    "simulator.actions is now simulator.api: write 'from simulator.api import ...'",
    DeprecationWarning,
    stacklevel=2,
)
