"""Shared support people as SimPy resources with queues (P11).

A project sale is a team sale: pre-sales engineers in the technical exchange,
consultants on requirements, executives in the evaluation of big projects
and at signing, business/finance/legal in negotiation. Each group is a
``simpy.Resource``; a request waits in its queue when everyone is busy. Help
that arrives at the stage it was meant for lifts the deal's win chance; help
that arrives at the wrong stage, or for a deal that has quietly died, is
mostly wasted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import simpy

from .chains import start_soon
from .spec import SupportSpec
from .types import RIGHT_POOL, Pool, Stage

if TYPE_CHECKING:
    from .deal import Deal
    from .world import World


@dataclass
class PoolStats:
    """Running totals of one support pool's service."""

    requests: int = 0
    served: int = 0
    wait_days: float = 0.0
    well_timed: int = 0

    @property
    def mean_wait(self) -> float:
        return self.wait_days / self.served if self.served else 0.0


@dataclass
class SupportPools:
    """The four pools and how long one engagement of each takes."""

    resources: dict[Pool, simpy.Resource]
    service_days: dict[Pool, float]
    stats: dict[Pool, PoolStats] = field(default_factory=dict)
    sizes: dict[Pool, int] = field(default_factory=dict)  # 0: the scenario has nobody

    def available(self, pool: Pool) -> bool:
        return self.sizes.get(pool, 1) > 0

    @classmethod
    def build(cls, env: simpy.Environment, spec: SupportSpec) -> SupportPools:
        sizes = {
            Pool.PRESALES: spec.presales,
            Pool.CONSULTANT: spec.consultants,
            Pool.EXECUTIVE: spec.executives,
            Pool.LEGAL: spec.legal,
        }
        days = {
            Pool.PRESALES: spec.presales_days,
            Pool.CONSULTANT: spec.consultant_days,
            Pool.EXECUTIVE: spec.executive_days,
            Pool.LEGAL: spec.legal_days,
        }
        # a pool of 0 keeps a resource of 1 that nobody is allowed to request
        resources = {pool: simpy.Resource(env, capacity=max(1, n)) for pool, n in sizes.items()}
        return cls(resources, days, {pool: PoolStats() for pool in Pool}, sizes)

    def queue_length(self, pool: Pool) -> int:
        return len(self.resources[pool].queue)

    def busy(self, pool: Pool) -> int:
        return self.resources[pool].count


class SupportVisit:
    """One deal waits for, then receives, one engagement of ``pool``.

    It lives on SimPy's calendar as a chain of events, as a deal's run does:
    it starts once the events of the instant it was asked for are done (as a
    process would), queues for the pool, and when one of the pool is free
    holds them for the engagement's length, then gives them back and leaves
    its mark on the deal.
    """

    __slots__ = ("asked", "asked_stage", "deal", "pool", "queued", "request", "world")

    def __init__(self, world: World, deal: Deal, pool: Pool) -> None:
        self.world = world
        self.deal = deal
        self.pool = pool
        self.asked = 0.0
        self.asked_stage = deal.stage  # where the deal stood when help was asked for
        self.queued = 0.0  # days waiting for someone of the pool to be free
        self.request: simpy.resources.resource.Request | None = None
        start_soon(world.env, self._ask)

    def _ask(self, _event: simpy.Event) -> None:
        pools = self.world.pools
        pools.stats[self.pool].requests += 1
        self.asked = self.world.env.now
        self.request = pools.resources[self.pool].request()
        self.request.callbacks.append(self._granted)

    def _granted(self, _event: simpy.Event) -> None:
        """Someone of the pool is free: the engagement starts, if there is a deal left."""
        world, deal, pool = self.world, self.deal, self.pool
        env = world.env
        p = world.params
        pools = world.pools
        stats = pools.stats[pool]
        stats.served += 1
        self.queued = env.now - self.asked
        stats.wait_days += self.queued
        if deal.closed:
            self._wasted()
            self._release()
            return
        # a bigger project takes longer to prepare for: the specialist is tied up longer
        seg = world.scenario.market.segments[deal.segment]
        size = deal.value / seg.deal_size if seg.deal_size > 0 else 1.0
        scale = p.support_days_base + p.support_days_per_size * min(p.support_size_cap, size)
        env.timeout(pools.service_days[pool] * scale).callbacks.append(self._served)

    def _wasted(self) -> None:
        """The deal closed before the help could count: said so, whether it closed while
        the request waited or while the specialist was on it (a request the manager paid
        for never ends without a word)."""
        deal = self.deal
        self.world.event(
            "support_wasted",
            deal.rep,
            pool=self.pool.value,
            deal=deal.id,
            account=deal.account,
            why="closed",
        )

    def _release(self) -> None:
        assert self.request is not None
        self.world.pools.resources[self.pool].release(self.request)

    def _served(self, _event: simpy.Event) -> None:
        """The engagement is over: the specialist is free again, and the deal may gain."""
        self._release()
        world, deal, pool = self.world, self.deal, self.pool
        env = world.env
        p = world.params
        stats = world.pools.stats[pool]
        if deal.closed:  # won, lost or dropped while the specialist was on it
            self._wasted()
            return
        world.touch(deal)
        if deal.zombie:
            # the specialists find nobody home: the manager now knows the truth
            deal.reviewed_day = int(env.now)
            world.event(
                "support_found_dead", deal.rep, pool=pool.value, deal=deal.id, account=deal.account
            )
            return
        right = RIGHT_POOL.get(deal.stage) == pool
        if right and pool is Pool.EXECUTIVE and deal.stage is Stage.EVALUATION and deal.big:
            boost = p.support_boost_big
        elif right:
            boost = p.support_boost
        else:
            boost = p.support_wrong_stage_boost
        key = right and deal.stage is world.key_stage(deal)
        if key:
            boost *= p.style_match_boost  # the help this customer decides on, when it counts
        if right:
            stats.well_timed += 1
        boost *= 1.0 - deal.p_true  # help matters most where the outcome is open
        timing = "key" if key else ("right" if right else "wrong")
        before = deal.p_true
        deal.set_p(min(p.boosted_cap, deal.p_true + boost), f"support.{pool.value}.{timing}")
        deal.support[pool] = deal.support.get(pool, 0) + 1
        deal.helped_at.add((pool, deal.stage))
        world.event(
            "support_given",
            deal.rep,
            pool=pool.value,
            deal=deal.id,
            account=deal.account,
            stage=deal.stage.name.lower(),
            right_stage=right,
            key_stage=key,
            boost=round(boost, 3),
            points=round(100.0 * (deal.p_true - before), 1),
            waited=round(self.queued, 1),  # in the queue, before the engagement began
            asked_stage=self.asked_stage.name.lower(),
        )
