"""The work week: reps plan their effort and hours, five days run, the week and period close."""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import motivation as mv
from ..deal import (
    Deal,
)
from ..params import CONTEST_EFFORT, CONTEST_EGO_BOTTOM_HALF, RIVAL_EFFORT
from ..rep import Rep
from ..signals import pace_falls
from ..types import MotivationType, Skill, Stage
from .demand import Demand
from .state import DAYS_PER_WEEK, WeekSummary


class WorkWeek(Demand):
    """The work week: reps plan their effort and hours, five days run, the week and period close."""

    def plan_week(self) -> None:
        """Each rep decides how hard to work this week and where the hours go."""
        p = self.params
        self.refresh_capacity()
        per = self.period
        contest = self.manager.contest_period == per
        if contest:
            ranked = sorted(self.active_reps, key=lambda r: -r.attainment(per))
            top_half = {r.id for r in ranked[: max(1, len(ranked) // 2)]}
        elapsed = self.period_elapsed()
        first, last = self.period_weeks_of(per)
        weeks_left = last - self.week + 1
        period_len = last - first + 1
        acc = self.accounts
        live = ~acc.churned & (acc.owner >= 0)
        accounts_of = np.bincount(acc.owner[live], minlength=len(self.reps)).tolist()
        care: dict[int, tuple[int, float, float]] = {}  # rep → (visits, skill, thinness)
        for rep in self.active_reps:
            cap = rep.capacity
            quota = rep.quota(per)
            d = quota / cap if cap > 0 else 1.0
            effort = mv.quota_effort(d, rep.type)
            effort *= mv.motivation_factor(rep.engagement, rep.confidence, rep.trust, rep.stress, p)
            effort *= 1.0 + p.fit_effort * (rep.fit - 0.5)  # a job that fits is worked harder
            mod = 1.0
            if contest:
                mod += CONTEST_EFFORT[rep.type]
                if rep.type is MotivationType.EGO_DRIVEN and rep.id not in top_half:
                    mod += CONTEST_EGO_BOTTOM_HALF - CONTEST_EFFORT[rep.type]
            if rep.rival is not None and rep.rival_until >= self.week:
                rival = self.reps[rep.rival]
                hi = max(rep.capacity, rival.capacity, 1.0)
                similarity = min(rep.capacity, rival.capacity) / hi
                mod += RIVAL_EFFORT[rep.type] * similarity
            mod *= 1.0 + p.cohesion_effort * (self.cohesion - 0.5)
            if elapsed >= p.give_up_after and quota > 0:
                needed = quota - rep.booked.get(per, 0.0)
                # what the rep still believes possible: new business, plus the deals
                # near signing they count on (with their usual optimism)
                possible = cap * weeks_left / period_len * p.give_up_optimism + sum(
                    min(1.0, (d.p_at_silence if d.zombie else d.p_true) + p.happy_ears) * d.value
                    for d in rep.open_deals
                    if d.stage >= Stage.NEGOTIATION
                )
                if possible > 0 and needed / possible > p.give_up_ratio:
                    mod *= p.give_up_effort
            rep.effort = min(p.effort_max, max(p.effort_min, effort * mod))
            rep.effort_total += rep.effort
            rep.weeks_worked += 1
            visits, skill = self._allocate(rep)
            if accounts_of[rep.id]:
                care[rep.id] = (visits, skill, min(1.0, p.ref_accounts / accounts_of[rep.id]))
        self._account_care(live, care)
        self._weekly_demand()

    def _allocate(self, rep: Rep) -> tuple[int, float]:
        """Spend the rep's week: touch the deals they believe in, prospect; and say how much
        care their accounts get (visits, and the skill of each: see :meth:`_account_care`)."""
        p = self.params
        deals = rep.open_deals
        touch_h, prospect_h, care_h = self._prospect_hours(rep, rep.effort, len(deals))
        n_touch = int(touch_h // p.touch_hours)
        now = self.env.now
        if deals:
            # a deal the manager pushed comes first; then deals going cold (a week
            # and a half without a touch), then what the rep believes is big and likely
            plans = self.manager.daily_plans
            memory, bias, cold_days, hopes = (
                p.review_memory_days,
                p.reviewed_bias,
                p.cold_days,
                p.happy_ears,
            )

            def belief(d: Deal) -> tuple[bool, bool, float]:
                # a deal checked lately is judged on its honest odds (a dead one is let
                # go); the others on the rep's own hopes
                if plans or now - d.reviewed_day <= memory:
                    prob = 0.0 if d.zombie else d.p_true + bias
                    cold = not d.zombie and now - d.last_touch >= cold_days
                    return d.pushed, cold, prob * d.value
                prob = (d.p_at_silence if d.zombie else d.p_true) + hopes
                return d.pushed, now - d.last_touch >= cold_days, prob * d.value

            order = sorted(deals, key=belief, reverse=True)
            for d in order[:n_touch]:
                if d.pushed and d.push_by:
                    # what the push did: the deal worked first, after this many idle days
                    idle = max(0.0, now - d.last_touch)
                    d.pushes[d.push_by] = max(d.pushes.get(d.push_by, 0.0), idle)
                    if d.push_by == "manager":  # and whether the customer answered the call
                        self.event(
                            "push_worked",
                            rep.id,
                            deal=d.id,
                            account=d.account,
                            value=d.value,
                            answered=not d.zombie,
                            heard=int(now - d.last_heard),
                        )
                    d.push_by = ""
                self.touch(d)
                d.pushed = False
        rep.lead_factor = self._lead_factor(rep, prospect_h)
        if rep.type is not MotivationType.SERVICE:
            # hunters who feel the job is theirs hunt more; a service rep pushed to hunt
            # does not become a hunter (the handbook's asymmetry, P7)
            rep.lead_factor *= 1.0 + p.fit_hunt * (rep.fit - 0.5)
        # account care: about an hour a visit
        skill = p.care_skill_base + p.care_skill_slope * rep.skills[Skill.ACCOUNT_CARE]
        if rep.type is MotivationType.SERVICE:
            skill *= 1.0 + p.fit_care * (rep.fit - 0.5)
        return round(care_h), skill

    def _account_care(self, live: np.ndarray, care: dict[int, tuple[int, float, float]]) -> None:
        """The week's account care, every rep's at once: each key account is looked after,
        and each rep visits as many other accounts as they have hours for, those that have
        waited longest first (by account where they waited as long), a thin book getting
        less of each visit.

        ``care`` holds each caring rep's (visits, skill, thinness); ``live`` marks the
        accounts still customers and owned. A rep's own deals are on their own
        accounts, so every rep's care sees the same accounts, touched the same way, as
        if each rep had cared for theirs in turn.
        """
        if not care:
            return
        acc = self.accounts
        p = self.params
        now = int(self.env.now)
        n = len(self.reps)
        visits = np.zeros(n, dtype=np.int64)
        skill = np.zeros(n)
        thin = np.zeros(n)
        caring = np.zeros(n, dtype=bool)
        for rep_id, (v, sk, th) in care.items():
            visits[rep_id], skill[rep_id], thin[rep_id], caring[rep_id] = v, sk, th, True
        owner = acc.owner
        whose = np.where(live, owner, 0)
        mine = live & caring[whose]
        key = np.flatnonzero(mine & acc.key)
        if len(key):
            rel = acc.relationship[key]
            # a visit closes at most the whole gap, however the numbers are set
            acc.relationship[key] += np.minimum(1.0, p.key_account_care * skill[owner[key]]) * (
                1 - rel
            )
            acc.last_contact[key] = now
        others = np.flatnonzero(mine & ~acc.key & (visits[whose] > 0))
        if len(others):
            # by owner, then longest waiting, then account: one number for each, unique,
            # so a plain sort puts them in that order (every last contact is today or
            # before; none this season waits as long as one on its first day); then each
            # rep's first ``visits``
            by = owner[others]
            waited = np.maximum(acc.last_contact[others], 0)
            low, m = int(waited.min()), len(others)
            rank_key = (by * (now - low + 1) + (waited - low)) * m + np.arange(m)
            rank_key.sort()
            order = rank_key % m
            others, by = others[order], by[order]
            counts = np.bincount(by, minlength=len(visits))
            rank = np.arange(len(others)) - (np.cumsum(counts) - counts)[by]
            chosen = rank < visits[by]
            pick, by = others[chosen], by[chosen]
            rel = acc.relationship[pick]
            acc.relationship[pick] += np.minimum(1.0, p.care_visit * skill[by] * thin[by]) * (
                1 - rel
            )
            acc.last_contact[pick] = now

    def run_week(self) -> WeekSummary:
        """Plan, simulate five working days, then settle the week's consequences."""
        if self.finished:
            raise RuntimeError("the scenario is over")
        self.plan_week()
        self._week_won = self._week_lost = 0
        self._week_revenue = 0.0
        n_before = len(self.reps)
        self.env.run(until=self.week * DAYS_PER_WEEK)
        resigned = self._close_week()
        summary = WeekSummary(
            self.week,
            self._week_revenue,
            self._week_won,
            self._week_lost,
            tuple(resigned),
            tuple(range(n_before, len(self.reps))),
        )
        if self.is_period_end():
            self._close_period()
        self.metrics.collect(self.whole())
        if self.week >= self.scenario.weeks:
            self.finished = True
            self._settle_promises(final=True)
        else:
            self.week += 1
            self._open_week()
        return summary

    def _close_week(self) -> list[int]:
        p = self.params
        now = self.env.now
        reps = self.active_reps
        pace_falls(self.whole())  # the week's bookings are in: has anyone's pace collapsed?
        # 1-15-30: untouched deals lose heart; reps rarely bury their own dead deals
        plans = self.manager.daily_plans
        for rep in reps:
            rng = self.streams.get("rep.cleanup", rep.id)
            zombies = [d for d in rep.open_deals if d.zombie]
            draws = rng.random(len(zombies)) if zombies else ()
            cleanup = p.plans_zombie_cleanup if plans else p.rep_zombie_cleanup
            for d, u in zip(zombies, draws, strict=True):
                found = now - d.reviewed_day <= p.review_memory_days  # a review found it dead
                if u < (max(cleanup, p.review_cleanup) if found else cleanup):
                    self.drop_deal(d, by="rep")
        for deal in list(self.open.values()):
            if not deal.zombie and now - deal.last_touch >= p.stall_days:
                deal.set_p(max(p.stall_floor, deal.p_true - p.stall_decay_per_week), "stall")
                if deal.p_true <= p.dead_threshold and now - deal.last_touch >= p.dead_days:
                    # nobody called for weeks: the customer has quietly moved on
                    self.deal_failed(deal, silent=True)
        self._delegated_work()
        self.script.close_week(self.whole())
        # what the manager will see of each deal
        self.refresh_shown()
        self._mood_week(reps)
        self._growth_week()
        resigned = self._attrition(reps)
        self._refresh_seen_moods()
        self._settle_promises()
        self.market.weekly(self.whole())
        for rep in self.active_reps:
            rep.tenure_weeks += 1
            if rep.ramp < 1.0:
                rep.ramp = min(1.0, rep.ramp + p.ramp_gain / p.ramp_weeks)
        return resigned

    def _close_period(self) -> None:
        per = self.period
        m = self.manager
        results = {}
        left = []  # who left the team during the period (their results count, short)
        for rep in self.reps:
            left_now = rep.left_week is not None and self.period_of(rep.left_week) == per
            if rep.active or left_now:
                results[rep.id] = (rep.quota(per), rep.booked.get(per, 0.0))
            if left_now:
                left.append(rep.id)
        if m.contest_period == per:
            ranked = sorted(self.active_reps, key=lambda r: -r.attainment(per))
            if ranked:
                self.event(
                    "contest_won",
                    ranked[0].id,
                    attainment=round(ranked[0].attainment(per), 2),
                )
            m.contest_period = None
        closed: dict[str, Any] = {
            "period": per,
            "target": self.target_for(per),
            "booked": sum(b for _, b in results.values()),
            "results": {str(k): [round(q), round(b)] for k, (q, b) in results.items()},
        }
        if left:
            closed["left"] = left
        self.event("period_end", None, **closed)

    def _open_week(self) -> None:
        """Reset the manager's week; at a period's start, reset budget and quotas."""
        m = self.manager
        m.hours_used = 0.0
        m.reviewed_reps = set()
        if self.is_period_start():
            per = self.period
            m.budget_left = m.budget_per_period
            m.feedback = []
            for rep in self.active_reps:
                rep.rewards_this_period = 0
                rep.praise_this_period = 0
                if per not in rep.quotas:
                    rep.quotas[per] = rep.quotas.get(per - 1, rep.capacity)
            # running costs of standing arrangements; one that cannot be paid lapses
            if m.call_analytics and not self._charge(
                self.params.money["call_analytics"], "call_analytics"
            ):
                m.call_analytics = False
            for deputy in sorted({d.deputy for d in m.delegations.values()}):
                rep = self.reps[deputy]
                if rep.profit_share and not self._charge(
                    self.params.money["profit_share"], "profit_share"
                ):
                    rep.profit_share = False
            self.event(
                "period_start",
                None,
                period=per,
                target=self.target_for(per),
            )
        self.script.open_week(self.whole())
