"""Building the observation: what a manager can see of the world at the start of a week.

:mod:`simulator.api.observation` says what the manager sees (the views); this
module makes them from the hidden world, once a week, within the limits that
module describes. A year holds thousands of deal views, so what every view
shares is looked up once per observation, and what cannot change (the weeks
past, an unanswered message) is kept from one observation of a world to the
next.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import numpy as np

from ..core.accounts import DECISION_STYLES
from ..core.deal import Deal
from ..core.script import InboxItem
from ..core.types import Pool
from ..core.world import World
from .frozen import ReadOnlyDict, frozen
from .observation import (
    FLIGHT_RISK_MEMORY,
    Accounts,
    ChoiceView,
    DealView,
    DelegationView,
    InboxView,
    Observation,
    Person,
    PoolView,
    PromiseView,
    RepView,
    WeekPoint,
)


def _deal_views(world: World, now: float, seen: _Seen) -> Callable[[Deal], DealView]:
    """What makes the manager's view of each open deal. What every view shares is
    looked up once per observation, not once per deal (and held where the maker
    reads it fastest: a funnel has many rows)."""
    memory = world.params.review_memory_days
    plans = world.manager.daily_plans
    names = world.accounts.names
    names_zh = world.accounts.names_zh
    styles = seen.styles
    rounded = seen.shown

    def view(deal: Deal) -> DealView:
        reviewed = now - deal.reviewed_day <= memory or plans
        shown = rounded.get(deal.shown_p)
        if shown is None:
            shown = rounded[deal.shown_p] = round(deal.shown_p, 3)
        support = deal.support  # by pool name (most deals have had one kind of help or none)
        if support:
            helped = tuple(support.items())
            if len(helped) > 1:
                helped = tuple(sorted(helped, key=_pool_order))
        else:
            helped = ()
        account = deal.account
        # the fields in DealView's order, made as a tuple
        return _new_row(
            DealView,
            (
                deal.id,
                deal.rep,
                account,
                names[account],
                names_zh[account],
                deal.value,
                deal.stage,
                int(now - deal.stage_day),
                int(now - deal.last_heard),
                shown,
                reviewed,
                deal.zombie and (reviewed or deal.found_dead),
                deal.big,
                helped,
                styles[account],
            ),
        )

    return view


_new_row = tuple.__new__
_POOLS = tuple(Pool)  # in their declared order
_POOL_RANK = {pool: i for i, pool in enumerate(sorted(Pool, key=lambda p: p.value))}


def _pool_order(kv: tuple[Pool, int]) -> int:
    return _POOL_RANK[kv[0]]  # by name


class _Seen:
    """What an observation of one world can reuse from the last: the views of inbox
    messages that have not changed, the weeks already past, and how each account
    decides (fixed when the market is made), and each win chance as shown, rounded
    (most deals show the same chance week after week, and rounding a float to three
    places is among the dearer things a view does)."""

    def __init__(self, world: World) -> None:
        self.inbox: dict[tuple[int, str, str | None], InboxView] = {}
        self.history: tuple[WeekPoint, ...] = ()
        self.styles = [DECISION_STYLES[x] for x in world.accounts.style.tolist()]
        self.shown: dict[float, float] = {}
        # a promise's view, kept while its facts are unchanged (in practice its status
        # is what moves); a rep's hints, which only ever grow
        self.promises: dict[tuple[Any, ...], PromiseView] = {}
        self.hints: dict[int, tuple[tuple[int, str], ...]] = {}


SHOWN_KEPT = 20_000  # rounded chances an observation keeps (a year uses a few thousand)
_SEEN: weakref.WeakKeyDictionary[World, _Seen] = weakref.WeakKeyDictionary()


def _inbox_view(item: InboxItem, weekly: dict[str, float]) -> InboxView:
    """A message as the manager sees it; ``weekly``: the hours a week of each supervision."""
    return InboxView(
        id=item.id,
        event=item.event.id,
        week=item.week,
        deadline=item.deadline,
        title=item.title,
        message=item.message,
        rep=item.rep,
        deal=item.deal,
        choices=tuple(
            ChoiceView(
                c.id,
                item.fill(c.text),
                c.effects.money,
                c.effects.hours,
                item.fill(c.effects.reply),
                weekly[c.effects.delegate.supervision.value] if c.effects.delegate else 0.0,
            )
            for c in item.event.choices
        ),
        status=item.status,
        choice=item.choice,
        handbook=item.event.handbook_choice,
    )


def observe(world: World) -> Observation:
    """Build the manager's view of ``world`` as it stands now."""
    now = world.env.now
    per = world.period
    m = world.manager
    first, last = world.period_weeks_of(per)
    acc = world.accounts
    live = ~acc.churned & (acc.owner >= 0)
    owned = np.bincount(acc.owner[live], minlength=len(world.reps))
    cache = _SEEN.get(world)
    if cache is None:
        cache = _SEEN[world] = _Seen(world)
    if len(cache.shown) > SHOWN_KEPT:  # forget the rounded chances once they are many
        cache.shown.clear()
    deal_view = _deal_views(world, now, cache)
    inbox = []
    for item in world.script.items:  # a message's view changes only when it is answered
        key = (item.id, item.status, item.choice)
        view = cache.inbox.get(key)
        if view is None:
            view = cache.inbox[key] = _inbox_view(item, world.params.supervision_hours)
        inbox.append(view)
    weeks = world.metrics.weeks
    if len(cache.history) != len(weeks):  # the weeks past never change: add the new ones
        done = cache.history if len(cache.history) < len(weeks) else ()
        cache.history = done + tuple(
            WeekPoint(
                w.week,
                w.revenue,
                w.target,
                w.headcount,
                w.mood_seen,
                w.open_deals,
                w.pipeline_shown,
            )
            for w in weeks[len(done) :]
        )
    reps = []
    for rep in world.active_reps:
        history = list(rep.history)
        for p in range(per):
            if p in rep.quotas:
                history.append((rep.quotas[p], rep.booked.get(p, 0.0)))
        seen = rep.flight_risk_seen_week
        recent = seen is not None and world.week - seen <= FLIGHT_RISK_MEMORY
        risk = rep.flight_risk_seen if recent else None
        risk_why = rep.flight_risk_why if recent else ()
        risk_week = seen if recent else None
        hints = cache.hints.get(rep.id, ())
        if len(hints) != len(rep.hints):
            hints = cache.hints[rep.id] = tuple((w, key) for w, key, _ in rep.hints)
        reps.append(
            frozen(
                RepView,
                {
                    "id": rep.id,
                    "name": rep.name,
                    "name_zh": rep.name_zh or rep.name,
                    "tenure_years": round(rep.tenure_weeks / 52, 1),
                    "veteran": rep.veteran,
                    "novice": rep.novice,
                    "quota": rep.quota(per),
                    "booked": rep.booked.get(per, 0.0),
                    "attainment": rep.attainment(per),
                    "pace": world.pace(rep),
                    "history": tuple(history),
                    "mood": round(rep.mood_seen, 2),
                    "type": rep.type if rep.revealed else None,
                    "revealed_by": rep.revealed_by if rep.revealed else None,
                    "read": world.manager.reads.get(rep.id),
                    "hints": hints,
                    "flight_risk": risk,
                    "flight_risk_why": risk_why,
                    "flight_risk_week": risk_week,
                    "weakest_skill": rep.weakest_skill() if rep.weakest_known else None,
                    "deals": tuple(map(deal_view, rep.open_deals)),
                    "last_one_on_one": rep.last_one_on_one,
                    "last_review_week": rep.last_review_week,
                    "pipeline_reviewed": rep.id in m.reviewed_reps,
                    "last_recognised": rep.last_recognised,
                    "deputy": rep.deputy_since is not None,
                    "profit_share": rep.profit_share,
                    "mentor": rep.mentor,
                    "mentee": rep.mentor_of,
                    "rival": rep.rival if rep.rival_until >= world.week else None,
                    "autonomy": rep.autonomy,
                    "development_plan": rep.development_plan,
                    "key_accounts": rep.key_accounts,
                    "ramping": rep.ramp < 1.0,
                    "accounts": int(owned[rep.id]),
                    "weighs_on": rep.weighs_on,
                    "next_quota": rep.quotas.get(per + 1),
                    "tenure_weeks": rep.tenure_weeks,
                    "joined_week": rep.joined_week,
                },
            )
        )
    target_to_date = world.target_through(world.week - 1)
    events = world.log.seen_since(world.week - 1)
    promises = []
    for pr in m.promises:
        facts = (pr.id, pr.status, pr.rep, pr.amount, pr.condition, pr.made_week, pr.due_week)
        known = cache.promises.get(facts)
        if known is None or known.what is not pr.what:
            known = cache.promises[facts] = PromiseView(
                pr.id,
                pr.rep,
                pr.amount,
                pr.condition,
                pr.made_week,
                pr.due_week,
                pr.status,
                pr.what,
            )
        promises.append(known)
    return frozen(
        Observation,
        {
            "title": world.scenario.title,
            "briefing": world.scenario.briefing,
            "currency": world.scenario.currency,
            "segments": tuple(seg.name for seg in world.scenario.market.segments),
            "segment_labels": tuple(seg.label for seg in world.scenario.market.segments),
            "week": world.week,
            "weeks": world.scenario.weeks,
            "finished": world.finished,
            "period": per,
            "periods": world.scenario.periods,
            "week_in_period": world.week - first,
            "period_weeks": last - first + 1,
            "weeks_per_period": world.scenario.period_weeks,
            "period_start": world.is_period_start(),
            "period_end": world.is_period_end(),
            # a period's review: in its last week or the next one's first two (none before
            # the first period has results)
            "review_window": world.is_period_end() or (per > 0 and world.week - first <= 1),
            "team_target": world.target_for(per),
            "targets": tuple(world.target_for(p) for p in range(world.scenario.periods)),
            "team_booked": sum(r.booked.get(per, 0.0) for r in world.reps),
            "revenue_total": world.revenue_total,
            "target_to_date": target_to_date,
            "hours_available": world.hours_available(),
            "hours_per_week": m.hours_per_week,
            "budget_left": m.budget_left,
            "budget_per_period": m.budget_per_period,
            "max_headcount": m.max_headcount,
            "pending_hires": m.pending_hires,
            "reps": tuple(reps),
            "departed": tuple(
                (r.id, r.name, r.left_reason or "") for r in world.reps if not r.active
            ),
            "people": tuple(
                Person(r.id, r.name, r.name_zh or r.name, r.active, r.left_reason or "", r.pronoun)
                for r in world.reps
            ),
            "orphan_deals": tuple(map(deal_view, world.orphan_deals())),
            "promises": tuple(promises),
            "inbox": tuple(inbox),
            "delegations": tuple(
                DelegationView(d.task.value, d.deputy, d.supervision.value, d.since_week)
                for d in m.delegations.values()
            ),
            "contest_running": m.contest_period == per,
            "team_met": world.week in m.meetings,
            "daily_plans": m.daily_plans,
            "call_analytics": m.call_analytics,
            "team_goal_set": m.team_goal_period == per,
            "pools": tuple(
                PoolView(
                    pool,
                    world.pools.sizes.get(pool, int(world.pools.resources[pool].capacity)),
                    world.pools.busy(pool),
                    world.pools.queue_length(pool),
                )
                for pool in _POOLS
            ),
            "events": events,
            "accounts": Accounts(world),
            "hour_costs": ReadOnlyDict(world.params.hours),
            "money_costs": ReadOnlyDict(world.params.money),
            "history": cache.history,
            "supervision_hours": ReadOnlyDict(world.params.supervision_hours),
            "hire_weeks": tuple(world.params.hire_weeks),
        },
    )
