"""Building what a scenario describes: the team, the accounts, the inherited funnel, the record."""

from __future__ import annotations

from bisect import bisect_right

import numpy as np

from .. import motivation as mv
from ..accounts import DECISION_STYLES, AccountBook
from ..deal import (
    DAYS_PER_MONTH,
    FATE_U,
    FATE_Z,
    DealRun,
    cycle_days,
    stage_durations,
)
from ..names import account_names
from ..spec import RepSpec
from ..tables import STAGE_SHARE
from ..types import KEY_STAGE, Stage
from .state import FATE_DEPTH
from .work_week import WorkWeek


class Building(WorkWeek):
    """Building what a scenario describes: team, accounts, inherited funnel and record."""

    def _build_reps(self, specs: tuple[RepSpec, ...]) -> None:
        for spec in specs:
            self._add_rep(spec, joined_week=0)
        by_name = {r.name: r for r in self.reps}
        for spec, rep in zip(specs, self.reps, strict=True):
            if spec.mentor:
                mentor = by_name[spec.mentor]
                mentor.mentor_of = rep.id
                rep.mentor = mentor.id

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
        pairs = account_names(n, rng)
        names = [en for en, _ in pairs]
        names_zh = [zh for _, zh in pairs]
        # named accounts the scenario places by hand come after the generated ones
        named = self.scenario.accounts
        if named:
            seg_of = {s.name: i for i, s in enumerate(segs)}
            rep_of = {r.name: r.id for r in self.reps}
            names = names + [a.name for a in named]
            names_zh = names_zh + [a.name_zh or a.name for a in named]
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
        self.accounts.names_zh = names_zh
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
        # how much more negotiation weighs in a segment of big projects; this and the
        # win rates as plain floats, for the one-deal-at-a-time paths
        big = np.asarray([s.big_deal for s in segs])
        big_weight = np.where(np.isfinite(big), self.params.big_negotiation_weight, 0.0)
        self._seg_big_weights = big_weight.tolist()
        self._seg_wins = self._seg_win.tolist()
        # the stage where each account's customer decides (their way of deciding is fixed)
        self._key_stages = [KEY_STAGE[DECISION_STYLES[x]] for x in self.accounts.style.tolist()]
        self._pot_mean = pot_mean
        self._lead_base = self._seg_lead[seg_arr]
        fu = self.streams.get("fates.u")
        fz = self.streams.get("fates.z")
        self._fate_u = fu.random((n, FATE_DEPTH, FATE_U))
        self._fate_z = fz.standard_normal((n, FATE_DEPTH, FATE_Z))
        # each pre-drawn fate's cycle and stage lengths, worked out for all at once
        lo = np.asarray([segs[i].cycle_months[0] for i in seg_arr.tolist()], dtype=float)
        hi = np.asarray([segs[i].cycle_months[1] for i in seg_arr.tolist()], dtype=float)
        cycle = cycle_days(lo[:, None], hi[:, None], self._fate_u[:, :, 0])
        self._fate_durations = stage_durations(cycle, self._fate_z, self.params)

    def _seed_pipeline(self) -> None:
        """The funnel the new manager inherits: deals in every stage, some long dead."""
        rng = self.streams.get("init.pipeline")
        p = self.params
        acc = self.accounts
        segs = self.scenario.market.segments
        weights = np.asarray(STAGE_SHARE) * p.start_stage_decay ** np.arange(6)
        weights = weights / weights.sum()
        # Generator.choice(6, p=weights) draws one uniform against this table; doing
        # the same here draws the very same stages without its checks on every call
        cdf = weights.cumsum()
        cdf /= cdf[-1]
        cdf_list = cdf.tolist()
        zombie_share = self.scenario.market.starting_zombie_share
        # the accounts' columns as plain lists: this walks them one account at a time
        owners, seg_of = acc.owner.tolist(), acc.segment.tolist()
        lead_base, pot_mean = self._lead_base.tolist(), self._pot_mean.tolist()
        relationship, potential = acc.relationship.tolist(), acc.potential.tolist()
        for a in range(len(acc)):
            owner = owners[a]
            if owner < 0:
                continue
            seg = segs[seg_of[a]]
            mean_cycle = 0.5 * (seg.cycle_months[0] + seg.cycle_months[1]) * DAYS_PER_MONTH
            # an account brings at most one new deal a day, as the market's days draw them
            # (an account scripted at a million times its segment's potential is not a
            # million accounts)
            rate = min(
                1.0,
                lead_base[a]
                * (p.demand_relationship_base + relationship[a])
                * (potential[a] / pot_mean[a]),
            )
            steady = rate * mean_cycle * p.funnel_time_share
            live = int(rng.poisson(steady))
            dead = int(rng.poisson(steady * zombie_share / (1 - zombie_share)))
            for i in range(live + dead):
                stage = Stage(bisect_right(cdf_list, rng.random()))
                deal = self._make_deal(a, owner, day=0.0)
                deal.stage = stage
                if i >= live:
                    deal.zombie = True
                    deal.p_at_silence = deal.p_true
                    deal.last_touch = -float(rng.uniform(*p.start_dead_idle_days))
                    deal.last_heard = deal.last_touch
                    deal.stage_day = deal.last_touch - float(rng.uniform(*p.start_dead_stage_days))
                    self._register(deal)
                    continue
                left = 6 - int(stage)
                deal.p_true = deal.p_true ** (left / 6)
                elapsed = float(rng.uniform(0, deal.durations[int(stage)]))
                deal.stage_day = -elapsed
                deal.last_touch = -float(rng.uniform(*p.start_live_idle_days))
                deal.last_heard = deal.last_touch
                self._register(deal)
                DealRun(self.whole(), deal, elapsed)

    def _build_history(self) -> None:
        """Past periods for reps the scenario gave no record: the old manager's quotas,
        two periods of them, of which a rep keeps on record only the whole periods they
        were on the team (a newcomer of four months showed half a year of results). The
        quota they start with is the old manager's last either way."""
        rng = self.streams.get("init.history")
        p = self.params
        inherited: dict[int, float] = {}
        for rep in self.reps:
            if rep.history:
                continue
            drawn = []
            for _ in range(2):  # drawn for every rep alike: the others' draws stay theirs
                cap = rep.capacity
                quota = cap * float(rng.uniform(*p.history_quota))
                effort = mv.quota_effort(quota / cap if cap > 0 else 1.0, rep.type)
                result = cap * effort * float(rng.normal(1.0, p.history_noise))
                drawn.append((float(round(quota, -3)), float(round(max(0.0, result), -3))))
            served = int(rep.tenure_weeks // self.scenario.period_weeks)
            rep.history.extend(drawn[len(drawn) - min(served, len(drawn)) :])
            inherited[rep.id] = drawn[-1][0]
        for rep, spec in zip(self.reps, self.scenario.reps, strict=True):
            if spec.quota is not None:
                rep.quotas[0] = spec.quota
            elif rep.id in inherited:
                rep.quotas[0] = inherited[rep.id]
            else:
                rep.quotas[0] = rep.history[-1][0] if rep.history else rep.capacity
