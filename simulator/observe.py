"""Former home of the observation; it now lives behind the door, in :mod:`simulator.api`.

``from simulator.observe import Observation`` keeps working, with a
``DeprecationWarning``; write ``from simulator.api import Observation`` instead.
"""

from __future__ import annotations

import warnings

from .api.observation import *  # noqa: F403
from .api.observation import (
    HINT_SUGGESTS,
    Accounts,
    AccountView,
    ChoiceView,
    DealView,
    DelegationView,
    InboxView,
    Observation,
    PoolView,
    PromiseView,
    RepView,
)
from .api.observing import observe

__all__ = [
    "HINT_SUGGESTS",
    "AccountView",
    "Accounts",
    "ChoiceView",
    "DealView",
    "DelegationView",
    "InboxView",
    "Observation",
    "PoolView",
    "PromiseView",
    "RepView",
    "observe",
]

warnings.warn(
    "simulator.observe is now simulator.api: write 'from simulator.api import Observation'",
    DeprecationWarning,
    stacklevel=2,
)
