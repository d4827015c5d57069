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

from collections.abc import Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import simpy

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


def support_visit(world: World, deal: Deal, pool: Pool) -> Generator[simpy.Event, object, None]:
    """Process: one deal waits for, then receives, one engagement of ``pool``."""
    env = world.env
    p = world.params
    pools = world.pools
    stats = pools.stats[pool]
    stats.requests += 1
    asked = env.now
    with pools.resources[pool].request() as req:
        yield req
        stats.served += 1
        stats.wait_days += env.now - asked
        if deal.closed:
            world.event(
                "support_wasted",
                deal.rep,
                pool=pool.value,
                deal=deal.id,
                account=deal.account,
                why="closed",
            )
            return
        # a bigger project takes longer to prepare for: the specialist is tied up longer
        seg = world.scenario.market.segments[deal.segment]
        size = deal.value / seg.deal_size if seg.deal_size > 0 else 1.0
        scale = p.support_days_base + p.support_days_per_size * min(p.support_size_cap, size)
        yield env.timeout(pools.service_days[pool] * scale)
    if deal.closed:
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
        waited=round(env.now - asked - pools.service_days[pool], 1),
    )
