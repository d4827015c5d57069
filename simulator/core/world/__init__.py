"""The SimPy world of one scenario and one seed (see :class:`World`)."""

from .state import DAYS_PER_WEEK, FATE_DEPTH, WeekSummary
from .world import World

__all__ = ["DAYS_PER_WEEK", "FATE_DEPTH", "WeekSummary", "World"]
