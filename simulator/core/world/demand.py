"""The market's days: demand for quotes, relationships cooling and growing, customers leaving."""

from __future__ import annotations

import numpy as np
import simpy

from ..chains import start_soon
from .obligations import Obligations
from .state import DAYS_PER_WEEK


class Demand(Obligations):
    """The market's days: demand for quotes, relationships cooling and growing, churn."""

    def _open_market(self) -> None:
        """The market's working days, one after another on SimPy's calendar: demand,
        relationships, churn.

        Each working day every account may ask for a quote (one vectorised
        draw against this week's demand), every relationship cools a little,
        good customers grow and neglected ones may leave for a competitor.
        """
        env = self.env
        acc = self.accounts
        p = self.params
        season = np.asarray(self.scenario.market.seasonality, dtype=float)
        rng_leads = self.streams.get("market.leads")
        rng_churn = self.streams.get("market.churn")
        cool = 1.0 - p.relationship_decay
        total_days = self.scenario.weeks * DAYS_PER_WEEK
        # each account's chance of a lead today: this week's demand × the month's season
        # (worked out again only when one of them changes)
        chance, hazard, chance_month, chance_mod = self._hazard, self._hazard, -1, 0.0

        def working_day(_event: simpy.Event) -> None:
            nonlocal chance, hazard, chance_month, chance_mod
            day = env.now
            month = int(day * 12 // 260) % 12
            lead_mod = self.market.lead_mod
            if self._hazard is not hazard or month != chance_month or lead_mod != chance_mod:
                hazard, chance_month, chance_mod = self._hazard, month, lead_mod
                chance = hazard * (season[month] * lead_mod)
            u = rng_leads.random(len(acc))
            for a in (u < chance).nonzero()[0].tolist():
                self.spawn_deal(a, day, at_once=True)
            acc.relationship *= cool
            growth = acc.relationship - p.growth_neutral  # the same steps, without new arrays
            growth *= p.growth_rate
            growth += 1.0
            acc.potential *= growth
            c = rng_churn.random(len(acc))
            # the few accounts the day's dice put at risk, then whether each is cold enough
            for at_risk in (c < p.churn_hazard).nonzero()[0].tolist():
                if acc.relationship[at_risk] < p.churn_threshold and not acc.churned[at_risk]:
                    self._churn(at_risk)
            if day + 1 < total_days:
                env.timeout(1).callbacks.append(working_day)

        start_soon(env, working_day)

    def _weekly_demand(self) -> None:
        """Each account's daily chance of an opportunity this week (before season).

        Demand grows with the account's potential and relationship and with how
        much its owner prospects; an account nobody owns brings nothing, and a
        lost customer brings nothing.
        """
        acc = self.accounts
        p = self.params
        lead = np.zeros(len(self.reps) + 1)
        for rep in self.active_reps:
            lead[rep.id] = rep.lead_factor
        owner_lead = lead[np.where(acc.owner >= 0, acc.owner, len(self.reps))]
        self._hazard = np.where(
            acc.churned,
            0.0,
            self._lead_base
            * (p.demand_relationship_base + acc.relationship)
            * (acc.potential / self._pot_mean)
            * owner_lead,
        )
