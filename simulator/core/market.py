"""Random market events: price wars, budget freezes, booms, big tenders, outside offers.

Each week the market stream rolls the same two dice whatever the manager did,
so the same seed brings the same market weather to every policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .world import World

EVENT_KINDS: tuple[str, ...] = ("price_war", "budget_freeze", "boom", "big_tender", "outside_offer")


@dataclass
class MarketState:
    """The market's passing moods, on top of the scenario's steady state."""

    pressure_extra: float = 0.0
    pressure_until: int = 0
    pressure_cause: str = ""  # what the extra pressure is: "price_war" or "event.<id>"
    lead_mod: float = 1.0
    lead_until: int = 0
    offers: dict[int, int] = field(default_factory=dict)  # rep id -> week the offer lapses

    def offer_factor(self, rep_id: int, week: int, factor: float) -> float:
        """An outside offer multiplies a rep's weekly chance of leaving while it stands."""
        return factor if self.offers.get(rep_id, -1) >= week else 1.0

    def weekly(self, world: World) -> None:
        week = world.week
        if week >= self.pressure_until:
            self.pressure_extra = 0.0
        if week >= self.lead_until:
            self.lead_mod = 1.0
        rng = world.streams.get("market.events")
        u = rng.random(3)
        if u[0] >= world.scenario.market.event_rate:
            return
        kind = EVENT_KINDS[int(u[1] * len(EVENT_KINDS)) % len(EVENT_KINDS)]
        now = world.env.now
        p = world.params
        if kind == "price_war":
            self.pressure_extra = p.price_war_pressure
            self.pressure_until = week + p.price_war_weeks
            self.pressure_cause = "price_war"
            world.event("market_event", None, event=kind, weeks=p.price_war_weeks)
        elif kind == "budget_freeze":
            self.lead_mod = p.budget_freeze_leads
            self.lead_until = week + p.budget_freeze_weeks
            world.event("market_event", None, event=kind, weeks=p.budget_freeze_weeks)
        elif kind == "boom":
            self.lead_mod = p.boom_leads
            self.lead_until = week + p.boom_weeks
            world.event("market_event", None, event=kind, weeks=p.boom_weeks)
        elif kind == "big_tender":
            acc = world.accounts
            live = np.flatnonzero(~acc.churned & (acc.owner >= 0))
            if len(live):
                # the largest live account issues a tender
                order = live[np.argsort(-acc.potential[live], kind="stable")]
                a = int(order[int(u[2] * min(p.tender_accounts, len(order)))])
                deal = world.spawn_deal(a, now)
                deal.value = round(deal.value * p.tender_size, -3)
                world.event(
                    "market_event",
                    deal.rep,
                    event=kind,
                    deal=deal.id,
                    account=a,
                    value=deal.value,
                )
        elif kind == "outside_offer":
            reps = world.active_reps
            if reps:
                rep = reps[int(u[2] * len(reps)) % len(reps)]
                self.offers[rep.id] = week + p.outside_offer_weeks
                # the manager does not see this unless a 1:1 surfaces it
                world.event("market_event", rep.id, visible=False, event=kind)
