"""The deals: their making and fates, the funnel, touches, wins, losses and drops."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..deal import (
    FATE_U,
    FATE_Z,
    LOSS_REASONS,
    Deal,
    DealRun,
    cycle_days,
    stage_durations,
)
from ..params import ModelParams
from ..types import Stage
from .capacity import Capacity
from .state import FATE_DEPTH


class Deals(Capacity):
    """The deals: their making and fates, the funnel, touches, wins, losses and drops."""

    def _fate(self, account: int, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The dice of the account's ``k``-th deal and its stage lengths."""
        if k < FATE_DEPTH:
            at = (account, k)
            return self._fate_u[at], self._fate_z[at], self._fate_durations[at]
        g = self.streams.get("fates.extra", account, k)
        u, z = g.random(FATE_U), g.standard_normal(FATE_Z)
        seg = self.scenario.market.segments[int(self.accounts.segment[account])]
        lo, hi = seg.cycle_months
        return u, z, stage_durations(cycle_days(lo, hi, u[0]), z, self.params)

    def _make_deal(self, account: int, rep_id: int | None, day: float) -> Deal:
        acc = self.accounts
        # the accounts' numbers read as plain values (the same numbers, cheaper to use)
        k = acc.deal_count.item(account)
        acc.deal_count[account] = k + 1
        u, z, durations = self._fate(account, k)
        seg_i = acc.segment.item(account)
        seg = self.scenario.market.segments[seg_i]
        size = seg.deal_size * math.sqrt(acc.potential.item(account) / self._pot_mean.item(account))
        sigma = seg.deal_size_sigma
        value = round(size * math.exp(sigma * z.item(0) - 0.5 * sigma * sigma), -3)
        rep = self.reps[rep_id] if rep_id is not None else None
        deal = Deal(
            self._next_deal,
            account,
            seg_i,
            rep_id,
            float(max(1000.0, value)),
            self.win_chance(rep, account),
            durations,
            u,
            day,
            value >= seg.big_deal,
            serial=k,
        )
        deal.selling = self.selling(rep, seg_i)
        if self.market.pressure_extra:
            # a price war (or the news behind one) takes its share of the odds from the start
            calm = self.win_chance(rep, account, self._pressure(extra=False))
            deal.note(self.market.pressure_cause or "price_war", deal.p_true - calm)
        self._next_deal += 1
        return deal

    def key_stage(self, deal: Deal) -> Stage:
        """The stage where the deal's customer decides, by their way of deciding."""
        return self._key_stages[deal.account]

    def unsupported_penalty(self, deal: Deal) -> float:
        """How much a key stage passed without its support costs: more for bigger deals."""
        p = self.params
        seg = self.scenario.market.segments[deal.segment]
        size = min(p.unsupported_size_cap, deal.value / seg.deal_size) if seg.deal_size > 0 else 1.0
        return min(p.unsupported_penalty_cap, p.unsupported_penalty * size)

    def selling_now(self, deal: Deal) -> float:
        """The selling skill factor of whoever owns the deal today."""
        rep = self.reps[deal.rep] if deal.rep is not None else None
        return self.selling(rep, deal.segment)

    def _register(self, deal: Deal) -> None:
        self.deals[deal.id] = deal
        self.open[deal.id] = deal
        self.accounts.open_deals[deal.account] += 1
        if deal.rep is not None:
            self.reps[deal.rep].open_deals.append(deal)

    def spawn_deal(self, account: int, day: float, *, at_once: bool = False) -> Deal:
        """A new opportunity at ``account``: ``at_once`` when the market's working day
        makes it (its first stage starts now, see :class:`DealRun`)."""
        owner = int(self.accounts.owner[account])
        deal = self._make_deal(account, owner if owner >= 0 else None, day)
        self._register(deal)
        self.accounts.note(account, day, "opportunity", f"deal {deal.id}", deal.value)
        self.event(
            "deal_created",
            deal.rep,
            deal=deal.id,
            account=account,
            value=deal.value,
        )
        DealRun(self.whole(), deal, at_once=at_once)
        return deal

    def on_stage(self, deal: Deal) -> None:
        self.event(
            "deal_stage",
            deal.rep,
            deal=deal.id,
            stage=deal.stage.name.lower(),
        )

    def touch(self, deal: Deal) -> None:
        """Someone worked the deal today: it is no longer stalled. A customer who has
        silently walked away does not answer: the manager's "last contact" stays where
        it was, so a dead deal a rep keeps calling still looks untouched (P10)."""
        deal.last_touch = now = self.env.now
        if not deal.zombie:
            deal.last_heard = now
        self.accounts.last_contact[deal.account] = int(now)
        if deal.waiting is not None and not deal.waiting.triggered:
            deal.waiting.succeed()
        deal.waiting = None

    def _unlist(self, deal: Deal) -> None:
        deal.closed = True
        self.open.pop(deal.id, None)
        self.accounts.open_deals[deal.account] -= 1
        if deal.rep is not None:
            opened = self.reps[deal.rep].open_deals
            if deal in opened:
                opened.remove(deal)
        if deal.waiting is not None and not deal.waiting.triggered:
            deal.waiting.succeed()
        deal.waiting = None

    def deal_failed(self, deal: Deal, silent: bool) -> None:
        """The customer walked away; a silent loss lingers in the funnel as a dead deal."""
        if silent:
            deal.zombie = True
            deal.p_at_silence = deal.p_true
            self.event(
                "deal_went_silent",
                deal.rep,
                visible=False,
                deal=deal.id,
                value=deal.value,
            )
            return
        reason = LOSS_REASONS[int(deal.u[13] * len(LOSS_REASONS)) % len(LOSS_REASONS)]
        self.close_deal(deal, won=False, reason=reason)

    def close_deal(self, deal: Deal, won: bool, reason: str = "") -> None:
        if deal.closed:
            return
        self._unlist(deal)
        self.metrics.outcome(deal.shown_p, won)
        deal.outcome = Stage.WON if won else Stage.LOST
        deal.stage = deal.outcome
        acc = self.accounts
        now = self.env.now
        if won:
            self.revenue_total += deal.value
            self._week_revenue += deal.value
            self._week_won += 1
            acc.won_value[deal.account] += deal.value
            gained = acc.relationship[deal.account] + self.params.win_relationship
            acc.relationship[deal.account] = min(1.0, gained)
            if deal.rep is not None:
                rep = self.reps[deal.rep]
                per = self.period
                rep.booked[per] = rep.booked.get(per, 0.0) + deal.value
            acc.note(deal.account, self.diary_day, "won", f"deal {deal.id}", deal.value)
        else:
            self._week_lost += 1
            acc.note(deal.account, self.diary_day, "lost", reason, deal.value)
        # what moved its odds is told when someone reads it (a closed deal's ledger is final)
        kind = "deal_won" if won else "deal_lost"
        self.log.add_deferred(now, self.week, kind, deal.rep, True, _Closed(deal, reason))

    def drop_deal(self, deal: Deal, by: str) -> None:
        """Take a deal out of the funnel; if it was alive, its chance is lost."""
        if deal.closed:
            return
        was_alive = not deal.zombie
        self._unlist(deal)
        self.metrics.outcome(deal.shown_p, False)
        deal.outcome = Stage.LOST
        deal.stage = Stage.LOST
        self.accounts.note(deal.account, self.diary_day, "dropped", by, deal.value)
        self.event(
            "deal_dropped",
            deal.rep,
            deal=deal.id,
            account=deal.account,
            value=deal.value,
            by=by,
            was_alive=was_alive,
        )

    def orphan_deals(self) -> list[Deal]:
        return [d for d in self.open.values() if d.rep is None]

    def mark_checked(self, deals: list[Deal]) -> None:
        """These deals were just gone through: from today each shows its honest odds, not
        the rep's report (P10, P17)."""
        today = int(self.env.now)
        p = self.params
        reviewed = self.env.now - today <= p.review_memory_days or self.manager.daily_plans
        for deal in deals:
            deal.reviewed_day = today
            if deal.zombie:  # seen dead is known dead: it shows so until it leaves the funnel
                deal.found_dead = True
            deal.shown_p = shown_chance(p, deal, reviewed)

    def first_shown(self) -> None:
        """The inherited funnel's win chances as its reps report them on day one (the
        predecessor checked none): each deal's own chance at its stage, with the reps'
        optimism, like every later week's, not the chance it opened with."""
        p = self.params
        plans = self.manager.daily_plans
        for deal in self.open.values():
            deal.shown_p = shown_chance(p, deal, plans)

    def refresh_shown(self) -> None:
        """Every open deal's shown win chance for the week ahead, each forecast scored."""
        p = self.params
        now = self.env.now
        memory, plans = p.review_memory_days, self.manager.daily_plans
        gaps = []
        for deal in self.open.values():
            deal.shown_p = shown = shown_chance(p, deal, now - deal.reviewed_day <= memory or plans)
            gaps.append(shown - (0.0 if deal.zombie else deal.p_true))
        self.metrics.forecasts(gaps)

    def _churn(self, a: int) -> None:
        acc = self.accounts
        acc.churned[a] = True
        owner = int(acc.owner[a])
        acc.note(a, self.diary_day, "churned")
        self.event(
            "account_churned",
            owner if owner >= 0 else None,
            account=a,
            potential=round(float(acc.potential[a]), -3),
        )
        for deal in [d for d in self.open.values() if d.account == a]:
            self.close_deal(deal, won=False, reason="churned")


def shown_chance(p: ModelParams, deal: Deal, reviewed: bool) -> float:
    """The win chance shown for ``deal``: checked lately (``reviewed``), or as reported.

    Worked out for every open deal every week (and again for each deal a review
    checks), so its caps are plain comparisons rather than calls to ``min`` and ``max``.
    """
    if deal.zombie:
        if reviewed or deal.found_dead:
            return float(p.reviewed_dead_shown)
        said, cap = deal.p_at_silence + p.happy_ears, p.reported_cap
        return float(said if said < cap else cap)
    if reviewed:
        noise = p.review_noise * (2.0 * deal.u[15] - 1.0)
        shown = deal.p_true + p.reviewed_bias + noise
        floor, cap = p.reviewed_shown_floor, p.reviewed_shown_cap
        shown = shown if shown > floor else floor
        return float(shown if shown < cap else cap)
    said, cap = deal.p_true + p.happy_ears, p.reported_cap
    return float(said if said < cap else cap)


class _Closed:
    """A closed deal's entry in the log, made into plain values when first read: the
    deal, what moved its odds (:meth:`Deal.told_causes`) and the pushes it had."""

    __slots__ = ("deal", "reason")

    def __init__(self, deal: Deal, reason: str) -> None:
        self.deal = deal
        self.reason = reason

    def __call__(self, kind: str) -> dict[str, Any]:
        deal = self.deal
        data: dict[str, Any] = {"deal": deal.id, "account": deal.account, "value": deal.value}
        if kind == "deal_lost":
            data["reason"] = self.reason
        data["causes"] = deal.told_causes()
        data["pushed"] = {by: round(idle) for by, idle in deal.pushes.items()}
        return data
