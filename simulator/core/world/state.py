"""What every part of the world shares: its state, set up once, and its diary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import simpy

from ..accounts import AccountBook
from ..deal import Deal
from ..events import Event, EventLog
from ..manager import ManagerState
from ..market import MarketState
from ..metrics import MetricsCollector
from ..params import ModelParams
from ..rep import Rep
from ..rng import Streams
from ..script import Script
from ..spec import Scenario
from ..support import SupportPools
from ..types import Stage

if TYPE_CHECKING:
    from .world import World

DAYS_PER_WEEK = 5
FATE_DEPTH = 8  # pre-drawn fates per account; more deals fall back to keyed streams


@dataclass(frozen=True)
class WeekSummary:
    """What one week did, in numbers (the week report's skeleton)."""

    week: int
    revenue: float
    won: int
    lost: int
    resigned: tuple[int, ...]
    hired: tuple[int, ...]


class WorldState:
    """The world's state, which :class:`~simulator.core.world.World` sets up and its parts share."""

    scenario: Scenario
    params: ModelParams
    streams: Streams
    env: simpy.Environment
    log: EventLog
    week: int
    finished: bool
    market: MarketState
    manager: ManagerState
    target_scale: dict[int, float]  # head office's changes to the targets, by period
    cohesion: float
    revenue_total: float
    deals: dict[int, Deal]  # every deal ever, by id
    open: dict[int, Deal]  # the deals still in someone's funnel
    reps: list[Rep]
    accounts: AccountBook
    pools: SupportPools
    metrics: MetricsCollector
    script: Script
    # the demand model's per-segment and per-account constants
    _seg_lead: np.ndarray
    _seg_value: np.ndarray
    _seg_win: np.ndarray
    _seg_cycle: np.ndarray
    _seg_wins: list[float]  # _seg_win as plain floats
    _seg_big_weights: list[float]  # the extra weight of negotiation, by segment
    _key_stages: list[Stage]  # by account: the stage where its customer decides
    _pot_mean: np.ndarray
    _lead_base: np.ndarray
    _hazard: np.ndarray
    _fate_u: np.ndarray
    _fate_z: np.ndarray
    _fate_durations: np.ndarray  # each pre-drawn fate's stage lengths
    _next_deal: int
    _next_promise: int
    _week_won: int
    _week_lost: int
    _week_revenue: float

    def event(self, kind: str, rep: int | None = None, visible: bool = True, **data: Any) -> Event:
        """Record that ``kind`` happened now (to ``rep``), in the world's diary."""
        return self.log.add(self.env.now, self.week, kind, rep, visible, data)

    def whole(self) -> World:
        """This part as the whole world (for the model's functions that take one)."""
        return cast("World", self)
