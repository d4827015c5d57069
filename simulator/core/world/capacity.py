"""What a rep can sell: the week's hours, prospecting, and true capacity at full effort."""

from __future__ import annotations

import numpy as np

from ..rep import Rep
from ..types import MotivationType, Skill
from .calendar import Calendar
from .state import DAYS_PER_WEEK


class Capacity(Calendar):
    """What a rep can sell: the week's hours, prospecting, and true capacity at full effort."""

    def win_chance(self, rep: Rep | None, account: int, pressure: float | None = None) -> float:
        """A new deal's true chance of being won, before anyone helps it.

        ``pressure`` is today's competitor pressure unless given (the chance
        without a passing price war, for the deal's ledger).
        """
        acc = self.accounts
        prm = self.params
        seg = acc.segment.item(account)
        rel = acc.relationship.item(account)
        if pressure is None:
            pressure = self._pressure()
        warmth = prm.relationship_win_base + prm.relationship_win_slope * rel
        p = self._seg_wins[seg] * self.selling(rep, seg) * warmth * (1.0 - pressure)
        return float(min(prm.win_chance_ceiling, max(prm.win_chance_floor, p)))

    def _pressure(self, extra: bool = True) -> float:
        """Competitor pressure today (a price war adds to the scenario's), capped."""
        pressure = self.scenario.market.competitor_pressure
        if extra:
            pressure += self.market.pressure_extra
        return min(self.params.pressure_cap, max(0.0, pressure))

    def selling(self, rep: Rep | None, segment: int) -> float:
        """How a rep's solution and negotiation skills move a deal's odds (1 at skill 0.5).

        Big-project segments weigh negotiation more. Nobody's deal is worked at
        the skill of a weak rep.
        """
        p = self.params
        if rep is None:
            skill = p.orphan_selling_skill
        else:
            w_neg = p.negotiation_weight + self._seg_big_weights[segment]
            skill = (1 - w_neg) * rep.skills[Skill.SOLUTION] + w_neg * rep.skills[Skill.NEGOTIATION]
        return p.selling_base + p.selling_slope * skill

    def _prospect_hours(self, rep: Rep, effort: float, n_open: int) -> tuple[float, float, float]:
        """A rep's week split: (touch hours, prospecting hours, care hours)."""
        p = self.params
        overhead = p.rep_internal_hours + p.deal_upkeep_hours * n_open
        if self.manager.daily_plans:
            overhead += p.daily_plans_rep_hours
        if rep.deputy_since is not None:
            overhead += p.deputy_hours
        hours = max(0.0, p.rep_hours - overhead) * effort
        touch = min(p.touch_share * hours, p.touch_hours * n_open)
        rest = hours - touch
        care_share = p.service_care_share if rep.type is MotivationType.SERVICE else p.care_share
        return touch, rest * (1.0 - care_share), rest * care_share

    def _lead_factor(self, rep: Rep, prospect_hours: float) -> float:
        p = self.params
        return (
            min(p.max_lead_factor, prospect_hours / p.ref_prospect_hours)
            * (p.lead_skill_base + rep.skills[Skill.PROSPECTING])
            * rep.ramp
        )

    def refresh_capacity(self) -> None:
        """True capacity: what each rep would book in a period at full effort.

        Steady-state bookings of the rep's territory (its accounts' demand ×
        deal size × the rep's win chance) when the rep works at effort 1 with
        a clean funnel of the size that territory brings: a rich territory
        keeps a rep busy working deals, which leaves less time to prospect. It
        moves as skills grow, relationships warm or cool and accounts change
        hands.
        """
        acc = self.accounts
        p = self.params
        n_reps = len(self.reps)
        rel = acc.relationship
        alive = ~acc.churned & (acc.owner >= 0)
        demand = np.where(
            alive,
            self._lead_base * (p.demand_relationship_base + rel) * (acc.potential / self._pot_mean),
            0.0,
        )
        warmth = p.relationship_win_base + p.relationship_win_slope * rel
        base = demand * self._seg_value[acc.segment] * self._seg_win[acc.segment] * warmth
        n_seg = len(self._seg_lead)
        owner = np.where(alive, acc.owner, 0)
        key = owner * n_seg + acc.segment
        grid = np.bincount(key, weights=base, minlength=n_reps * n_seg).reshape(n_reps, n_seg)
        # deals a day at lead factor 1, and the deal-days of funnel they keep open
        daily = np.bincount(owner, weights=demand, minlength=n_reps)
        funnel = np.bincount(owner, weights=demand * self._seg_cycle[acc.segment], minlength=n_reps)
        pressure = self._pressure()
        period_days = self.scenario.period_weeks * DAYS_PER_WEEK
        # plain floats for the per-rep arithmetic below (the same values, cheaper to use)
        grid_rows, daily_l, funnel_l = grid.tolist(), daily.tolist(), funnel.tolist()
        big_weights = self._seg_big_weights
        for rep in self.reps:
            if not rep.active:
                rep.capacity = 0.0
                continue
            n_open = p.normal_open_deals
            for _ in range(3):  # settle funnel size and prospecting time together
                _, prospect, _ = self._prospect_hours(rep, 1.0, round(n_open))
                lead = self._lead_factor(rep, prospect)
                n_open = funnel_l[rep.id] * lead * p.funnel_time_share if daily_l[rep.id] > 0 else 0
            cap = 0.0
            row = grid_rows[rep.id]
            solution, negotiation = rep.skills[Skill.SOLUTION], rep.skills[Skill.NEGOTIATION]
            for s in range(n_seg):
                w_neg = p.negotiation_weight + big_weights[s]
                skill = (1 - w_neg) * solution + w_neg * negotiation
                cap += row[s] * (p.selling_base + p.selling_slope * skill)
            rep.capacity = cap * lead * (1.0 - pressure) * period_days
