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

The manager acts between weeks through ``simulator.actions``; the world never
draws, prints or reads files.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import simpy

from . import motivation as mv
from .accounts import DECISION_STYLES, AccountBook
from .deal import (
    DAYS_PER_MONTH,
    FATE_U,
    FATE_Z,
    LOSS_REASONS,
    STAGE_SHARE,
    Deal,
    run_deal,
    stage_durations,
)
from .events import EventLog
from .manager import ManagerState
from .market import MarketState
from .metrics import MetricsCollector
from .names import account_names, person_name
from .params import CONTEST_EFFORT, CONTEST_EGO_BOTTOM_HALF, HINTS, RIVAL_EFFORT
from .rep import SKILLS, Rep
from .script import Script
from .spec import RepSpec, Scenario
from .support import SupportPools
from .types import MotivationType, Skill, Stage, Supervision

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


class World:
    """The simulated sales world for one scenario and one seed."""

    def __init__(self, scenario: Scenario, streams) -> None:
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
        self.target_scale: dict[int, float] = {}  # head office's changes, by period
        self.cohesion = self.params.cohesion_start
        self.revenue_total = 0.0
        self.deals: dict[int, Deal] = {}  # every deal ever, by id
        self.open: dict[int, Deal] = {}  # the deals still in someone's funnel
        self._next_deal = 0
        self._next_promise = 0
        self.reps: list[Rep] = []
        self._build_reps(scenario.reps)
        self._hazard = np.zeros(0)
        self._build_accounts()
        self.pools = SupportPools.build(self.env, scenario.support)
        self.metrics = MetricsCollector()
        self._week_won = 0
        self._week_lost = 0
        self._week_revenue = 0.0
        self._seed_pipeline()
        self.refresh_capacity()
        self._build_history()
        self._refresh_seen_moods()
        self.env.process(self._daily())
        self.metrics.start(self)
        self.script = Script(scenario.events)
        self.script.open_week(self)

    # ------------------------------------------------------------------ build
    def _build_reps(self, specs: tuple[RepSpec, ...]) -> None:
        for spec in specs:
            self._add_rep(spec, joined_week=0)
        by_name = {r.name: r for r in self.reps}
        for spec, rep in zip(specs, self.reps, strict=True):
            if spec.mentor:
                mentor = by_name[spec.mentor]
                mentor.mentor_of = rep.id
                rep.mentor = mentor.id

    def _add_rep(self, spec: RepSpec, joined_week: int, ramp: float = 1.0) -> Rep:
        skills = {s: float(spec.skills.get(s)) for s in SKILLS}
        rep = Rep(
            id=len(self.reps),
            name=spec.name,
            type=spec.type,
            skills=skills,
            tenure_weeks=spec.tenure_years * 52,
            veteran=spec.veteran,
            engagement=spec.engagement,
            confidence=spec.confidence,
            trust=spec.trust,
            stress=spec.stress,
            territory=spec.territory,
            joined_week=joined_week,
            ramp=ramp,
            history=list(spec.history),
            start_skills=dict(skills),
            last_recognised=joined_week,
            name_zh=spec.name_zh,
        )
        if spec.revealed:
            rep.revealed = True
            rep.revealed_by = "scenario"
        self.reps.append(rep)
        return rep

    def _build_accounts(self) -> None:
        rng = self.streams.get("init.accounts")
        segs = self.scenario.market.segments
        seg_idx: list[int] = []
        for i, seg in enumerate(segs):
            seg_idx.extend([i] * seg.accounts)
        seg_arr = np.asarray(seg_idx, dtype=np.int64)
        n = len(seg_arr)
        pot_mean = np.asarray([s.potential for s in segs])[seg_arr]
        sigma = np.asarray([s.potential_sigma for s in segs])[seg_arr]
        # log-normal with the segment's mean: mu = -sigma^2 / 2
        potential = pot_mean * np.exp(-0.5 * sigma**2 + sigma * rng.standard_normal(n))
        lo = np.asarray([s.relationship[0] for s in segs])[seg_arr]
        hi = np.asarray([s.relationship[1] for s in segs])[seg_arr]
        relationship = lo + (hi - lo) * rng.random(n)
        style = rng.integers(0, len(DECISION_STYLES), n)
        for i, seg in enumerate(segs):
            if seg.decision_styles:
                members = np.flatnonzero(seg_arr == i)
                w = np.asarray(seg.decision_styles, dtype=float)
                g = self.streams.get("init.styles", i)
                style[members] = g.choice(len(w), size=len(members), p=w / w.sum())
        owner = np.full(n, -1, dtype=np.int64)
        weights = np.asarray([r.territory for r in self.reps], dtype=float)
        if len(weights) and weights.sum() > 0:
            # deal each segment's accounts out in proportion to territory weights
            for i in range(len(segs)):
                members = np.flatnonzero(seg_arr == i)
                members = members[rng.permutation(len(members))]
                share = weights / weights.sum()
                counts = np.floor(share * len(members)).astype(int)
                rest = len(members) - counts.sum()
                order = np.argsort(-(share * len(members) - counts), kind="stable")
                counts[order[:rest]] += 1
                start = 0
                for r, c in enumerate(counts):
                    owner[members[start : start + c]] = r
                    start += c
        names = account_names(n, rng)
        # named accounts the scenario places by hand come after the generated ones
        named = self.scenario.accounts
        if named:
            seg_of = {s.name: i for i, s in enumerate(segs)}
            rep_of = {r.name: r.id for r in self.reps}
            names = names + [a.name for a in named]
            extra_seg = np.asarray([seg_of[a.segment] for a in named], dtype=np.int64)
            seg_arr = np.concatenate([seg_arr, extra_seg])
            pot_mean = np.concatenate([pot_mean, [segs[i].potential for i in extra_seg]])
            potential = np.concatenate([potential, [a.potential for a in named]])
            relationship = np.concatenate([relationship, [a.relationship for a in named]])
            owner = np.concatenate(
                [owner, [rep_of[a.owner] if a.owner else -1 for a in named]]
            ).astype(np.int64)
            style = np.concatenate(
                [style, [DECISION_STYLES.index(a.decision_style) for a in named]]
            ).astype(np.int64)
            n = len(names)
        self.accounts = AccountBook(
            names, seg_arr, [s.name for s in segs], potential, relationship, owner, style
        )
        for k, a in enumerate(named):
            if a.key and a.owner:
                i = n - len(named) + k
                self.accounts.key[i] = True
                self.reps[rep_of[a.owner]].key_accounts += 1
        # per-account constants of the demand model
        demand = self.scenario.market.lead_rate
        self._seg_lead = np.asarray([s.lead_rate for s in segs]) * demand / 260.0
        self._seg_value = np.asarray([s.deal_size for s in segs])
        self._seg_win = np.asarray([s.win_rate for s in segs])
        # mean working days a deal of the segment stays in the funnel
        self._seg_cycle = np.asarray(
            [0.5 * (s.cycle_months[0] + s.cycle_months[1]) * DAYS_PER_MONTH for s in segs]
        )
        big = np.asarray([s.big_deal for s in segs])
        self._seg_big_weight = np.where(np.isfinite(big), 0.3, 0.0)
        self._pot_mean = pot_mean
        self._lead_base = self._seg_lead[seg_arr]
        fu = self.streams.get("fates.u")
        fz = self.streams.get("fates.z")
        self._fate_u = fu.random((n, FATE_DEPTH, FATE_U))
        self._fate_z = fz.standard_normal((n, FATE_DEPTH, FATE_Z))

    def _fate(self, account: int, k: int) -> tuple[np.ndarray, np.ndarray]:
        if k < FATE_DEPTH:
            return self._fate_u[account, k], self._fate_z[account, k]
        g = self.streams.get("fates.extra", account, k)
        return g.random(FATE_U), g.standard_normal(FATE_Z)

    def _seed_pipeline(self) -> None:
        """The funnel the new manager inherits: deals in every stage, some long dead."""
        rng = self.streams.get("init.pipeline")
        acc = self.accounts
        segs = self.scenario.market.segments
        weights = np.asarray(STAGE_SHARE) * 0.85 ** np.arange(6)
        weights = weights / weights.sum()
        zombie_share = self.scenario.market.starting_zombie_share
        for a in range(len(acc)):
            owner = int(acc.owner[a])
            if owner < 0:
                continue
            seg = segs[int(acc.segment[a])]
            mean_cycle = 0.5 * (seg.cycle_months[0] + seg.cycle_months[1]) * DAYS_PER_MONTH
            rate = (
                self._lead_base[a]
                * (0.5 + acc.relationship[a])
                * (acc.potential[a] / self._pot_mean[a])
            )
            live = int(rng.poisson(rate * mean_cycle * 0.6))
            dead = int(rng.poisson(rate * mean_cycle * 0.6 * zombie_share / (1 - zombie_share)))
            for i in range(live + dead):
                stage = Stage(int(rng.choice(6, p=weights)))
                deal = self._make_deal(a, owner, day=0.0)
                deal.stage = stage
                if i >= live:
                    deal.zombie = True
                    deal.p_at_silence = deal.p_true
                    deal.last_touch = -float(rng.uniform(20, 90))
                    deal.stage_day = deal.last_touch - float(rng.uniform(0, 30))
                    self._register(deal)
                    continue
                left = 6 - int(stage)
                deal.p_true = deal.p_true ** (left / 6)
                elapsed = float(rng.uniform(0, deal.durations[int(stage)]))
                deal.stage_day = -elapsed
                deal.last_touch = -float(rng.uniform(0, 10))
                self._register(deal)
                self.env.process(run_deal(self, deal, elapsed))

    def _build_history(self) -> None:
        """Past periods for reps the scenario gave no record: the old manager's quotas."""
        rng = self.streams.get("init.history")
        for rep in self.reps:
            if rep.history:
                continue
            for _ in range(2):
                cap = rep.capacity
                quota = cap * float(rng.uniform(0.9, 1.2))
                effort = mv.quota_effort(quota / cap if cap > 0 else 1.0, rep.type)
                result = cap * effort * float(rng.normal(1.0, 0.12))
                rep.history.append((float(round(quota, -3)), float(round(max(0.0, result), -3))))
        for rep, spec in zip(self.reps, self.scenario.reps, strict=True):
            if spec.quota is not None:
                rep.quotas[0] = spec.quota
            else:
                rep.quotas[0] = rep.history[-1][0] if rep.history else rep.capacity

    def event(self, kind: str, rep: int | None = None, visible: bool = True, **data):
        """Record that ``kind`` happened now (to ``rep``), in the world's diary."""
        return self.log.add(self.env.now, self.week, kind, rep, visible, **data)

    # ---------------------------------------------------------------- queries
    @property
    def day(self) -> float:
        return self.env.now

    @property
    def period(self) -> int:
        return self.period_of(self.week)

    def period_of(self, week: int) -> int:
        return (week - 1) // self.scenario.period_weeks

    def period_weeks_of(self, period: int) -> tuple[int, int]:
        """First and last week (1-based, inclusive) of ``period``."""
        first = period * self.scenario.period_weeks + 1
        last = min(self.scenario.weeks, first + self.scenario.period_weeks - 1)
        return first, last

    def is_period_start(self, week: int | None = None) -> bool:
        w = self.week if week is None else week
        return (w - 1) % self.scenario.period_weeks == 0

    def is_period_end(self, week: int | None = None) -> bool:
        w = self.week if week is None else week
        return w % self.scenario.period_weeks == 0 or w == self.scenario.weeks

    def target_for(self, period: int) -> float:
        """The team target of ``period`` as it stands now (scripted events may move it)."""
        return self.scenario.target_for(period) * self.target_scale.get(period, 1.0)

    def target_through(self, week: int) -> float:
        """Head office's cumulative target for weeks 1..``week`` (a period's target
        spread evenly over its weeks)."""
        per_week = self.scenario.period_weeks
        return sum(self.target_for(self.period_of(w)) for w in range(1, week + 1)) / (per_week)

    def period_elapsed(self) -> float:
        """Share of the current period already behind us, at the week's start."""
        first, last = self.period_weeks_of(self.period)
        return (self.week - first) / (last - first + 1)

    @property
    def active_reps(self) -> list[Rep]:
        return [r for r in self.reps if r.active]

    def rep(self, rep_id: int) -> Rep:
        return self.reps[rep_id]

    def effort_of(self, rep_id: int | None) -> float:
        if rep_id is None:
            return 0.5
        rep = self.reps[rep_id]
        return rep.effort if rep.active else 0.5

    def team_engagement(self) -> float:
        reps = self.active_reps
        return sum(r.engagement for r in reps) / len(reps) if reps else 0.0

    def pace(self, rep: Rep) -> float:
        """Booked so far ÷ the share of quota that time elapsed would call for."""
        q = rep.quota(self.period)
        if q <= 0:
            return 1.0
        frac = max(0.5 / self.scenario.period_weeks, self.period_elapsed())
        return rep.booked.get(self.period, 0.0) / (q * frac)

    def team_pace(self) -> float:
        """The team's bookings this period ÷ the share of the target time calls for."""
        target = self.target_for(self.period)
        if target <= 0:
            return 1.0
        frac = max(0.5 / self.scenario.period_weeks, self.period_elapsed())
        booked = sum(r.booked.get(self.period, 0.0) for r in self.reps)
        return booked / (target * frac)

    def hours_available(self) -> float:
        p = self.params
        return self.manager.hours_available(p.supervision_hours, p.hours["daily_plans_weekly"])

    # ----------------------------------------------------------- the capacity
    def win_chance(self, rep: Rep | None, account: int) -> float:
        """A new deal's true chance of being won, before anyone helps it."""
        acc = self.accounts
        seg = int(acc.segment[account])
        rel = float(acc.relationship[account])
        pressure = min(
            0.9, max(0.0, self.scenario.market.competitor_pressure + self.market.pressure_extra)
        )
        if rep is None:
            skill = 0.3
        else:
            w_neg = 0.5 + self._seg_big_weight[seg]
            skill = (1 - w_neg) * rep.skills[Skill.SOLUTION] + w_neg * rep.skills[Skill.NEGOTIATION]
        p = self._seg_win[seg] * (0.6 + 0.8 * skill) * (0.7 + 0.6 * rel) * (1.0 - pressure)
        return float(min(0.85, max(0.03, p)))

    def _prospect_hours(self, rep: Rep, effort: float, n_open: int) -> tuple[float, float, float]:
        """A rep's week split: (touch hours, prospecting hours, care hours)."""
        p = self.params
        overhead = p.rep_internal_hours + p.deal_upkeep_hours * n_open
        if self.manager.daily_plans:
            overhead += 0.5
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
            * (0.5 + rep.skills[Skill.PROSPECTING])
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
        n_reps = len(self.reps)
        rel = acc.relationship
        alive = ~acc.churned & (acc.owner >= 0)
        demand = np.where(
            alive, self._lead_base * (0.5 + rel) * (acc.potential / self._pot_mean), 0.0
        )
        base = (
            demand * self._seg_value[acc.segment] * self._seg_win[acc.segment] * (0.7 + 0.6 * rel)
        )
        n_seg = len(self._seg_lead)
        owner = np.where(alive, acc.owner, 0)
        key = owner * n_seg + acc.segment
        grid = np.bincount(key, weights=base, minlength=n_reps * n_seg).reshape(n_reps, n_seg)
        # deals a day at lead factor 1, and the deal-days of funnel they keep open
        daily = np.bincount(owner, weights=demand, minlength=n_reps)
        funnel = np.bincount(owner, weights=demand * self._seg_cycle[acc.segment], minlength=n_reps)
        pressure = min(
            0.9, max(0.0, self.scenario.market.competitor_pressure + self.market.pressure_extra)
        )
        period_days = self.scenario.period_weeks * DAYS_PER_WEEK
        for rep in self.reps:
            if not rep.active:
                rep.capacity = 0.0
                continue
            n_open = self.params.normal_open_deals
            for _ in range(3):  # settle funnel size and prospecting time together
                _, prospect, _ = self._prospect_hours(rep, 1.0, round(n_open))
                lead = self._lead_factor(rep, prospect)
                n_open = funnel[rep.id] * lead * 0.6 if daily[rep.id] > 0 else 0
            cap = 0.0
            for s in range(n_seg):
                w_neg = 0.5 + self._seg_big_weight[s]
                skill = (1 - w_neg) * rep.skills[Skill.SOLUTION] + w_neg * rep.skills[
                    Skill.NEGOTIATION
                ]
                cap += grid[rep.id, s] * (0.6 + 0.8 * skill)
            rep.capacity = cap * lead * (1.0 - pressure) * period_days

    # ---------------------------------------------------------------- deals
    def _make_deal(self, account: int, rep_id: int | None, day: float) -> Deal:
        acc = self.accounts
        k = int(acc.deal_count[account])
        acc.deal_count[account] += 1
        u, z = self._fate(account, k)
        seg_i = int(acc.segment[account])
        seg = self.scenario.market.segments[seg_i]
        size = seg.deal_size * math.sqrt(acc.potential[account] / self._pot_mean[account])
        sigma = seg.deal_size_sigma
        value = round(size * math.exp(sigma * z[0] - 0.5 * sigma * sigma), -3)
        lo, hi = seg.cycle_months
        cycle_days = (lo + (hi - lo) * u[0]) * DAYS_PER_MONTH
        durations = stage_durations(cycle_days, z)
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
        self._next_deal += 1
        return deal

    def _register(self, deal: Deal) -> None:
        self.deals[deal.id] = deal
        self.open[deal.id] = deal
        self.accounts.open_deals[deal.account] += 1
        if deal.rep is not None:
            self.reps[deal.rep].open_deals.append(deal)

    def spawn_deal(self, account: int, day: float) -> Deal:
        owner = int(self.accounts.owner[account])
        deal = self._make_deal(account, owner if owner >= 0 else None, day)
        self._register(deal)
        self.accounts.note(account, day, "opportunity", f"deal {deal.id}")
        self.event(
            "deal_created",
            deal.rep,
            deal=deal.id,
            account=account,
            value=deal.value,
        )
        self.env.process(run_deal(self, deal))
        return deal

    def on_stage(self, deal: Deal) -> None:
        self.event(
            "deal_stage",
            deal.rep,
            deal=deal.id,
            stage=deal.stage.name.lower(),
        )

    def touch(self, deal: Deal) -> None:
        """Someone worked the deal today: it is no longer stalled."""
        deal.last_touch = self.env.now
        self.accounts.last_contact[deal.account] = int(self.env.now)
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
        deal.outcome = Stage.WON if won else Stage.LOST
        deal.stage = deal.outcome
        acc = self.accounts
        now = self.env.now
        if won:
            self.revenue_total += deal.value
            self._week_revenue += deal.value
            self._week_won += 1
            acc.won_value[deal.account] += deal.value
            acc.relationship[deal.account] = min(1.0, acc.relationship[deal.account] + 0.1)
            if deal.rep is not None:
                rep = self.reps[deal.rep]
                per = self.period
                rep.booked[per] = rep.booked.get(per, 0.0) + deal.value
            acc.note(deal.account, now, "won", f"deal {deal.id}")
            self.event(
                "deal_won",
                deal.rep,
                deal=deal.id,
                account=deal.account,
                value=deal.value,
            )
        else:
            self._week_lost += 1
            acc.note(deal.account, now, "lost", reason)
            self.event(
                "deal_lost",
                deal.rep,
                deal=deal.id,
                account=deal.account,
                value=deal.value,
                reason=reason,
            )

    def drop_deal(self, deal: Deal, by: str) -> None:
        """Take a deal out of the funnel; if it was alive, its chance is lost."""
        if deal.closed:
            return
        was_alive = not deal.zombie
        self._unlist(deal)
        deal.outcome = Stage.LOST
        deal.stage = Stage.LOST
        self.accounts.note(deal.account, self.env.now, "dropped", by)
        self.event(
            "deal_dropped",
            deal.rep,
            deal=deal.id,
            account=deal.account,
            value=deal.value,
            by=by,
            was_alive=was_alive,
        )

    # ----------------------------------------------------------- daily process
    def _daily(self) -> Generator[simpy.Event, object, None]:
        """One process for the whole market: demand, relationships, churn.

        Each working day every account may ask for a quote (one vectorised
        draw against this week's demand), every relationship cools a little,
        good customers grow and neglected ones may leave for a competitor.
        """
        acc = self.accounts
        p = self.params
        season = np.asarray(self.scenario.market.seasonality, dtype=float)
        rng_leads = self.streams.get("market.leads")
        rng_churn = self.streams.get("market.churn")
        cool = 1.0 - p.relationship_decay
        total_days = self.scenario.weeks * DAYS_PER_WEEK
        while True:
            day = self.env.now
            month = int(day * 12 // 260) % 12
            u = rng_leads.random(len(acc))
            hits = np.flatnonzero(u < self._hazard * (season[month] * self.market.lead_mod))
            for a in hits:
                self.spawn_deal(int(a), day)
            acc.relationship *= cool
            acc.potential *= 1.0 + p.growth_rate * (acc.relationship - 0.4)
            c = rng_churn.random(len(acc))
            lost = np.flatnonzero(
                (c < p.churn_hazard) & (acc.relationship < p.churn_threshold) & ~acc.churned
            )
            for a in lost:
                self._churn(int(a))
            if day + 1 >= total_days:
                return
            yield self.env.timeout(1)

    def _weekly_demand(self) -> None:
        """Each account's daily chance of an opportunity this week (before season).

        Demand grows with the account's potential and relationship and with how
        much its owner prospects; an account nobody owns brings nothing, and a
        lost customer brings nothing.
        """
        acc = self.accounts
        lead = np.zeros(len(self.reps) + 1)
        for rep in self.active_reps:
            lead[rep.id] = rep.lead_factor
        owner_lead = lead[np.where(acc.owner >= 0, acc.owner, len(self.reps))]
        self._hazard = np.where(
            acc.churned,
            0.0,
            self._lead_base
            * (0.5 + acc.relationship)
            * (acc.potential / self._pot_mean)
            * owner_lead,
        )

    def _churn(self, a: int) -> None:
        acc = self.accounts
        acc.churned[a] = True
        owner = int(acc.owner[a])
        acc.note(a, self.env.now, "churned")
        self.event(
            "account_churned",
            owner if owner >= 0 else None,
            account=a,
            potential=round(float(acc.potential[a]), -3),
        )
        for deal in [d for d in self.open.values() if d.account == a]:
            self.close_deal(deal, won=False, reason="churned")

    # ------------------------------------------------------------- the week
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
        territories = self._territories()
        for rep in self.active_reps:
            cap = rep.capacity
            quota = rep.quota(per)
            d = quota / cap if cap > 0 else 1.0
            effort = mv.quota_effort(d, rep.type)
            effort *= mv.motivation_factor(rep.engagement, rep.confidence, rep.trust, rep.stress)
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
                possible = cap * weeks_left / period_len * 1.1 + sum(
                    min(1.0, (d.p_at_silence if d.zombie else d.p_true) + p.happy_ears) * d.value
                    for d in rep.open_deals
                    if d.stage >= Stage.NEGOTIATION
                )
                if possible > 0 and needed / possible > p.give_up_ratio:
                    mod *= p.give_up_effort
            rep.effort = min(1.6, max(0.1, effort * mod))
            self._allocate(rep, territories.get(rep.id, np.zeros(0, dtype=np.int64)))
        self._weekly_demand()

    def _territories(self) -> dict[int, np.ndarray]:
        """Each rep's live accounts, grouped in one pass (not one scan per rep)."""
        acc = self.accounts
        live = np.flatnonzero(~acc.churned & (acc.owner >= 0))
        owners = acc.owner[live]
        order = np.argsort(owners, kind="stable")
        live, owners = live[order], owners[order]
        cuts = np.flatnonzero(np.diff(owners)) + 1
        return {
            int(g[0]): idx
            for g, idx in zip(np.split(owners, cuts), np.split(live, cuts), strict=True)
            if len(g)
        }

    def _allocate(self, rep: Rep, mine: np.ndarray) -> None:
        """Spend the rep's week: touch the deals they believe in, prospect, care.

        ``mine`` are the rep's live accounts.
        """
        p = self.params
        deals = rep.open_deals
        touch_h, prospect_h, care_h = self._prospect_hours(rep, rep.effort, len(deals))
        n_touch = int(touch_h // p.touch_hours)
        now = self.env.now
        if deals:
            # a deal the manager pushed comes first; then deals going cold (a week
            # and a half without a touch), then what the rep believes is big and likely
            def belief(d: Deal) -> tuple[bool, bool, float]:
                prob = d.p_at_silence if d.zombie else d.p_true
                return d.pushed, now - d.last_touch >= 8, (prob + p.happy_ears) * d.value

            order = sorted(deals, key=belief, reverse=True)
            for d in order[:n_touch]:
                self.touch(d)
                d.pushed = False
        rep.lead_factor = self._lead_factor(rep, prospect_h)
        # account care: visit the accounts that have waited longest, key accounts first
        acc = self.accounts
        if len(mine):
            visits = round(care_h)  # about an hour a visit
            thin = min(1.0, p.ref_accounts / len(mine))
            skill = 0.3 + 1.4 * rep.skills[Skill.ACCOUNT_CARE]
            key = mine[acc.key[mine]]
            if len(key):
                acc.relationship[key] += p.key_account_care * skill * (1 - acc.relationship[key])
                acc.last_contact[key] = int(now)
            others = mine[~acc.key[mine]]
            if visits > 0 and len(others):
                pick = others[np.argsort(acc.last_contact[others], kind="stable")[:visits]]
                acc.relationship[pick] += 0.12 * skill * thin * (1 - acc.relationship[pick])
                acc.last_contact[pick] = int(now)

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
        self.metrics.collect(self)
        if self.week >= self.scenario.weeks:
            self.finished = True
            self._settle_promises(final=True)
        else:
            self.week += 1
            self._open_week()
        return summary

    # ------------------------------------------------------- end of the week
    def _close_week(self) -> list[int]:
        p = self.params
        now = self.env.now
        reps = self.active_reps
        # 1-15-30: untouched deals lose heart; reps rarely bury their own dead deals
        plans = self.manager.daily_plans
        for rep in reps:
            rng = self.streams.get("rep.cleanup", rep.id)
            zombies = [d for d in rep.open_deals if d.zombie]
            draws = rng.random(len(zombies)) if zombies else ()
            cleanup = p.plans_zombie_cleanup if plans else p.rep_zombie_cleanup
            for d, u in zip(zombies, draws, strict=True):
                if u < cleanup:
                    self.drop_deal(d, by="rep")
        for deal in list(self.open.values()):
            if not deal.zombie and now - deal.last_touch >= p.stall_days:
                deal.p_true = max(0.01, deal.p_true - p.stall_decay_per_week)
                if deal.p_true <= 0.05 and now - deal.last_touch >= p.dead_days:
                    # nobody called for weeks: the customer has quietly moved on
                    self.deal_failed(deal, silent=True)
        self._delegated_work()
        self.script.close_week(self)
        # what the manager will see of each deal
        for deal in self.open.values():
            deal.shown_p = self.shown_probability(deal)
            self.metrics.forecast(deal.shown_p, 0.0 if deal.zombie else deal.p_true)
        self._mood_week(reps)
        self._growth_week()
        resigned = self._attrition(reps)
        self._refresh_seen_moods()
        self._settle_promises()
        self.market.weekly(self)
        for rep in self.active_reps:
            rep.tenure_weeks += 1
            if rep.ramp < 1.0:
                rep.ramp = min(1.0, rep.ramp + 0.5 / p.ramp_weeks)
        return resigned

    def _refresh_seen_moods(self) -> None:
        """How each rep's mood reads from the outside this week: close, not exact."""
        for rep in self.active_reps:
            z = float(self.streams.get("rep.mood", rep.id).standard_normal())
            rep.mood_seen = min(1.0, max(0.0, rep.engagement + 0.05 * z))

    def shown_probability(self, deal: Deal) -> float:
        """The win chance the manager sees: the rep's report unless checked (P10, P17)."""
        p = self.params
        reviewed = (
            self.env.now - deal.reviewed_day <= p.review_memory_days or self.manager.daily_plans
        )
        if deal.zombie:
            if reviewed:
                return 0.02
            return float(min(0.95, deal.p_at_silence + p.happy_ears))
        if reviewed:
            noise = p.review_noise * (2.0 * float(deal.u[15]) - 1.0)
            return float(min(0.97, max(0.01, deal.p_true + p.reviewed_bias + noise)))
        return float(min(0.95, deal.p_true + p.happy_ears))

    def _mood_week(self, reps: list[Rep]) -> None:
        """Weekly drift of engagement, trust, confidence and stress."""
        from .params import ONGOING, OVERSIGHT_SENSITIVITY

        p = self.params
        m = self.manager
        week = self.week
        per = self.period
        deputies = {d.deputy: d for d in m.delegations.values()}
        ignored_veterans = 0
        for rep in reps:
            e = 0.0  # this week's pushes on engagement, applied with saturation
            t = rep.type
            if rep.autonomy:
                e += ONGOING["autonomy"][t]
            if rep.key_accounts:
                e += ONGOING["key_account"][t]
            if rep.development_plan:
                e += ONGOING["development_plan"][t]
            if rep.mentor_of is not None and self.reps[rep.mentor_of].active:
                if self.mentor_performing(rep):
                    e += ONGOING["mentor"][t]
                    rep.last_recognised = week  # a novice looking up to you, every week
                else:
                    e -= 0.002
            # achievers bored by low quotas (P5)
            cap = rep.capacity
            q = rep.quota(per)
            if t is MotivationType.ACHIEVER and cap > 0 and q / cap < p.coasting_threshold:
                e -= p.achiever_boredom
            # service reps pushed to hunt feel they must become someone else (P7)
            if t is MotivationType.SERVICE and cap > 0 and q / cap > p.service_hunting_threshold:
                e -= p.service_hunting
            # micromanagement (P5)
            if rep.oversight > 1:
                e -= OVERSIGHT_SENSITIVITY[t] * min(3, rep.oversight - 1)
            if m.daily_plans and t is MotivationType.ACHIEVER:
                e -= 0.01
            # deputies (P13, P14)
            d = deputies.get(rep.id)
            if d is not None and d.supervision is Supervision.TIGHT:
                e -= p.tight_deflation
            # veterans need status and face (P14)
            if rep.veteran and week - rep.last_recognised > p.veteran_neglect_weeks:
                e -= p.veteran_neglect
                ignored_veterans += 1
            # ego-driven reps need to feel important: being overlooked hurts (P6)
            elif t is MotivationType.EGO_DRIVEN and (
                week - rep.last_recognised > p.ego_neglect_weeks
            ):
                e -= p.ego_neglect
            rep.nudge(e)
            rep.engagement += p.engagement_recovery * (p.engagement_baseline - rep.engagement)
            # trust fades without talk (P8)
            last = rep.last_one_on_one if rep.last_one_on_one is not None else rep.joined_week
            if week - last >= p.no_talk_weeks and rep.trust > p.neglect_trust_floor:
                rep.trust = max(p.neglect_trust_floor, rep.trust - p.no_talk_trust_decay)
            # confidence follows the odds of making quota; stress the load
            cap_d = q / cap if cap > 0 else 1.0
            rep.confidence += p.confidence_rate * (
                mv.confidence_target(cap_d, self.pace(rep)) - rep.confidence
            )
            rep.stress += p.stress_rate * (
                mv.stress_target(cap_d, len(rep.open_deals), rep.oversight) - rep.stress
            )
            rep.oversight = 0
        # mood is contagious (P18); ignored veterans drag everybody
        if reps:
            mean = sum(r.engagement for r in reps) / len(reps)
            for rep in reps:
                rep.engagement += p.contagion * (mean - rep.engagement)
                rep.nudge(-p.veteran_team_drag * ignored_veterans)
        for rep in reps:
            rep.engagement = min(1.0, max(0.0, rep.engagement))
            rep.trust = min(1.0, max(0.0, rep.trust))
            rep.confidence = min(1.0, max(0.0, rep.confidence))
            rep.stress = min(1.0, max(0.0, rep.stress))
        self.cohesion += p.cohesion_drift * (p.cohesion_rest - self.cohesion)

    def _growth_week(self) -> None:
        """Novices learn on the job, faster with a mentor who performs (P6)."""
        p = self.params
        for rep in self.active_reps:
            if not rep.novice:
                continue
            rate = p.natural_learning
            if rep.mentor is not None and self.rep(rep.mentor).active:
                m = self.rep(rep.mentor)
                quality = 1.0 if self.mentor_performing(m) else 0.3
                rate += p.mentor_learning * (m.mean_skill / 0.6) * quality
            for s in SKILLS:
                rep.skills[s] = min(1.0, rep.skills[s] + rate * (1.0 - rep.skills[s]) / 0.6)

    def mentor_performing(self, mentor: Rep) -> bool:
        """A mentor convinces a novice only with results to show (P6)."""
        return self.pace(mentor) >= 0.85 or self.period_elapsed() < 0.2

    def quit_hazard(self, rep: Rep) -> float:
        p = self.params
        extra = 1.0
        for d in self.manager.delegations.values():
            if (
                d.deputy == rep.id
                and not rep.profit_share
                and self.week - d.since_week >= p.share_after_weeks
            ):
                extra = p.no_share_hazard
        extra *= self.market.offer_factor(rep.id, self.week)
        return mv.weekly_quit_hazard(rep.engagement, rep.trust, rep.stress, p, extra)

    def _attrition(self, reps: list[Rep]) -> list[int]:
        left = []
        for rep in reps:
            u = float(self.streams.get("rep.quit", rep.id).random())
            if u < self.quit_hazard(rep):
                self.remove_rep(rep, reason="resigned")
                left.append(rep.id)
        return left

    def remove_rep(self, rep: Rep, reason: str) -> None:
        """A rep leaves: their accounts cool and wait for a new owner."""
        p = self.params
        rep.active = False
        rep.left_week = self.week
        rep.left_reason = reason
        acc = self.accounts
        mine = np.flatnonzero(acc.owner == rep.id)
        acc.relationship[mine] *= 1.0 - p.leaver_relationship_loss
        acc.owner[mine] = -1
        acc.key[mine] = False
        for deal in rep.open_deals:
            deal.rep = None
        rep.open_deals = []
        for other in self.reps:
            if other.mentor_of == rep.id:
                other.mentor_of = None
            if other.mentor == rep.id:
                other.mentor = None
            if other.rival == rep.id:
                other.rival = None
        for task, d in list(self.manager.delegations.items()):
            if d.deputy == rep.id:
                del self.manager.delegations[task]
        for pr in self.manager.promises:
            if pr.rep == rep.id and pr.status in ("open", "due"):
                pr.status = "lapsed"
                pr.settled_week = self.week
        self.event(
            reason,
            rep.id,
            name=rep.name,
            accounts=len(mine),
            attainment=round(rep.attainment(self.period), 2),
        )

    def orphan_deals(self) -> list[Deal]:
        return [d for d in self.open.values() if d.rep is None]

    def assign_account(self, account: int, rep: Rep) -> None:
        acc = self.accounts
        acc.owner[account] = rep.id
        for deal in list(self.open.values()):
            if deal.account == account:
                if deal.rep is not None and deal.rep != rep.id:
                    old = self.reps[deal.rep].open_deals
                    if deal in old:
                        old.remove(deal)
                if deal.rep != rep.id:
                    deal.rep = rep.id
                    rep.open_deals.append(deal)

    def hire_process(self, delay_weeks: int, spec: RepSpec, ramp: float):
        """Process: a hire starts ``delay_weeks`` after the offer, at part capacity."""
        yield self.env.timeout(delay_weeks * DAYS_PER_WEEK)
        self.manager.pending_hires -= 1
        rep = self._add_rep(spec, joined_week=self.week, ramp=ramp)
        rep.last_one_on_one = self.week
        rep.quotas[self.period] = 0.0
        # the newcomer inherits accounts nobody looks after, up to an average territory
        acc = self.accounts
        live = ~acc.churned
        share = int(np.ceil(live.sum() / max(1, len(self.active_reps))))
        orphans = np.flatnonzero((acc.owner < 0) & live)
        for a in orphans[np.argsort(-acc.potential[orphans], kind="stable")][:share]:
            self.assign_account(int(a), rep)
        self.refresh_capacity()
        rep.quotas[self.period] = round(rep.capacity * 0.8, -3)
        self.event(
            "hired",
            rep.id,
            name=rep.name,
            accounts=len(acc.owned_by(rep.id)),
        )

    def new_hire_spec(self) -> tuple[RepSpec, int, float]:
        from .spec import Skills

        rng = self.streams.get("hire", len(self.reps) + self.manager.pending_hires)
        p = self.params
        mtype = list(MotivationType)[int(rng.integers(4))]
        lo = 0.25 + 0.1 * rng.random(4)
        skills = Skills(*(float(x) for x in lo + 0.15 * rng.random(4)))
        if mtype is MotivationType.SERVICE:
            skills = Skills(
                skills.prospecting,
                skills.solution,
                skills.negotiation,
                min(0.9, skills.account_care + 0.2),
            )
        name = person_name(rng, {r.name for r in self.reps})
        spec = RepSpec(
            name=name,
            type=mtype,
            skills=skills,
            tenure_years=0.0,
            engagement=0.7,
            confidence=0.55,
            trust=0.6,
        )
        weeks = int(rng.integers(p.hire_weeks[0], p.hire_weeks[1] + 1))
        ramp = float(rng.uniform(*p.hire_ramp))
        return spec, weeks, ramp

    # ------------------------------------------------------ delegation, promises
    def _delegated_work(self) -> None:
        from .types import DelegatedTask

        p = self.params
        m = self.manager
        for task, d in sorted(m.delegations.items(), key=lambda kv: kv[0].value):
            deputy = self.reps[d.deputy]
            u = self.streams.get("delegation", list(DelegatedTask).index(task)).random(2)
            if task is DelegatedTask.PIPELINE_REVIEW:
                for rep in self.active_reps:
                    for deal in list(rep.open_deals):
                        deal.reviewed_day = int(self.env.now)
                        if deal.zombie:  # the review finds nobody home: 1-15-30
                            self.drop_deal(deal, by="deputy")
            elif task is DelegatedTask.KEY_ACCOUNTS:
                acc = self.accounts
                key = np.flatnonzero(acc.key & ~acc.churned)
                acc.relationship[key] += 0.03 * (1 - acc.relationship[key])
            elif task is DelegatedTask.ONBOARDING:
                for rep in self.active_reps:
                    if rep.novice and rep.id != deputy.id:
                        for s in SKILLS:
                            rep.skills[s] = min(
                                1.0, rep.skills[s] + 0.7 * p.mentor_learning * (1 - rep.skills[s])
                            )
            if u[0] < p.slip_chance[d.supervision.value]:
                self._slip(d, float(u[1]))

    def _slip(self, d, u: float) -> None:
        """Murphy's law: an unwatched deputy makes a costly mistake (P13)."""
        alive = [x for x in self.open.values() if not x.zombie]
        acc = self.accounts
        if alive and u < 0.5:
            alive.sort(key=lambda x: x.id)
            deal = alive[int(u * 2 * len(alive)) % len(alive)]
            self.close_deal(deal, won=False, reason="deputy_mistake")
            what, ref = "lost_deal", deal.id
        else:
            live = np.flatnonzero(~acc.churned)
            a = int(live[int(u * len(live)) % len(live)])
            acc.relationship[a] *= 0.5
            acc.note(a, self.env.now, "upset", "deputy mistake")
            what, ref = "upset_account", a
        self.event(
            "delegation_slip",
            d.deputy,
            task=d.task.value,
            supervision=d.supervision.value,
            what=what,
            ref=ref,
        )

    def _settle_promises(self, final: bool = False) -> None:
        """Promises fall due; a due promise not kept within a week is broken (P15)."""
        p = self.params
        for pr in self.manager.promises:
            if pr.status == "open" and self.week >= pr.due_week:
                rep = self.reps[pr.rep]
                met = True
                if pr.condition == "quota":
                    met = rep.attainment(self.period_of(pr.due_week)) >= 1.0
                if met:
                    pr.status = "due"
                    self.event(
                        "promise_due",
                        pr.rep,
                        promise=pr.id,
                        amount=pr.amount,
                    )
                else:
                    pr.status = "lapsed"
                    pr.settled_week = self.week
            if pr.status == "due" and (self.week > pr.due_week or final):
                pr.status = "broken"
                pr.settled_week = self.week
                rep = self.reps[pr.rep]
                rep.trust = max(0.0, rep.trust - p.promise_broken_trust)
                rep.nudge(-0.05)
                for other in self.active_reps:
                    if other.id != rep.id:
                        other.trust = max(0.0, other.trust - p.promise_broken_team_trust)
                self.event(
                    "promise_broken",
                    pr.rep,
                    promise=pr.id,
                    amount=pr.amount,
                )

    # ------------------------------------------------------------ periods
    def _close_period(self) -> None:
        per = self.period
        m = self.manager
        results = {}
        for rep in self.reps:
            left_now = rep.left_week is not None and self.period_of(rep.left_week) == per
            if rep.active or left_now:
                results[rep.id] = (rep.quota(per), rep.booked.get(per, 0.0))
        if m.contest_period == per:
            ranked = sorted(self.active_reps, key=lambda r: -r.attainment(per))
            if ranked:
                self.event(
                    "contest_won",
                    ranked[0].id,
                    attainment=round(ranked[0].attainment(per), 2),
                )
            m.contest_period = None
        self.event(
            "period_end",
            None,
            period=per,
            target=self.target_for(per),
            booked=sum(b for _, b in results.values()),
            results={str(k): [round(q), round(b)] for k, (q, b) in results.items()},
        )

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
        self.script.open_week(self)

    def _charge(self, amount: float, what: str) -> bool:
        m = self.manager
        if amount > m.budget_left + 1e-9:
            self.event("unpaid", None, what=what, amount=amount)
            return False
        m.budget_left -= amount
        m.budget_spent_total += amount
        return True

    # --------------------------------------------------------------- helpers
    def new_promise_id(self) -> int:
        self._next_promise += 1
        return self._next_promise

    def hint_type(self, rep: Rep) -> tuple[str, MotivationType]:
        """One observable behaviour, usually typical of the rep's true type."""
        rng = self.streams.get("rep.hints", rep.id)
        u, v, w = rng.random(3)
        types = list(MotivationType)
        if u < self.params.hint_accuracy:
            shown = rep.type
        else:
            others = [t for t in types if t is not rep.type]
            shown = others[int(v * 3) % 3]
        pool = HINTS[shown]
        return pool[int(w * len(pool)) % len(pool)], shown
