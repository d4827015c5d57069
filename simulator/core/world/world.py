"""The SimPy world: a sales team, its market, and the weekly rhythm of management.

Time runs in working days (five to a week). Nothing wakes without a cause:

* one daily process updates every account at once with numpy (relationships
  cool, good customers grow, a few accounts ask for a quote) and starts a deal
  process for each new opportunity;
* each deal is a process that sleeps until its stage is done, and waits for a
  touch when nobody has worked it for ``stall_days``;
* support pools are ``simpy.Resource`` queues; a hire is a process that sleeps
  until the new rep starts;
* reps plan their week once, at its start: how hard they will work given their
  quota, mood and the manager's levers, and which deals get their hours.

The manager acts between weeks through ``simulator.api``; the world never
draws, prints or reads files. The world's parts (this package's modules) each
own one concern: the calendar, capacity, deals, people, the manager's
obligations, the market's days, the work week, and building it all.
"""

from __future__ import annotations

import numpy as np
import simpy

from ..events import EventLog
from ..manager import ManagerState
from ..market import MarketState
from ..metrics import MetricsCollector
from ..rng import Streams
from ..script import Script
from ..spec import Scenario
from ..support import SupportPools
from .building import Building


class World(Building):
    """The simulated sales world for one scenario and one seed."""

    def __init__(self, scenario: Scenario, streams: Streams) -> None:
        self.scenario = scenario
        self.params = scenario.params
        self.streams = streams
        self.env = simpy.Environment()
        self.log = EventLog()
        self.week = 1
        self.finished = False
        self.market = MarketState()
        ms = scenario.manager
        self.manager = ManagerState(
            hours_per_week=ms.hours_per_week,
            admin_hours=ms.admin_hours,
            budget_per_period=ms.budget_per_period,
            max_headcount=ms.max_headcount,
            budget_left=ms.budget_per_period,
        )
        self.target_scale = {}
        self.cohesion = self.params.cohesion_start
        self.revenue_total = 0.0
        self.deals = {}
        self.open = {}
        self._next_deal = 0
        self._next_promise = 0
        self.reps = []
        self._build_reps(scenario.reps)
        self._hazard = np.zeros(0)
        self._build_accounts()
        self.pools = SupportPools.build(self.env, scenario.support)
        self.metrics = MetricsCollector()
        self._week_won = 0
        self._week_lost = 0
        self._week_revenue = 0.0
        self._seed_pipeline()
        self.first_shown()
        self.refresh_capacity()
        for rep in self.reps:
            rep.capacity_start = rep.capacity
        self._build_history()
        self._refresh_seen_moods()
        self._open_market()
        self.metrics.start(self)
        self.script = Script(scenario.events)
        self.script.open_week(self)
