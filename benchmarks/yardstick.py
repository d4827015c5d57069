"""A bare SimPy sales toy: the yardstick the real model's speed is judged against.

12 rep processes tick daily; 500 account processes spawn deals that pass six
stages; one simulated year. It models nothing, so it is close to the least a
SimPy world of this size can cost on a given machine.
"""

from __future__ import annotations

import numpy as np
import simpy

N_REPS, N_ACC, N_STAGES, DAYS = 12, 500, 6, 365


def toy_year(seed: int) -> int:
    rng = np.random.default_rng(seed)
    env = simpy.Environment()
    effort = np.ones(N_REPS)
    won = [0]

    def rep(r):
        while True:
            effort[r] = rng.uniform(0.8, 1.2)
            yield env.timeout(1)

    def deal(r):
        for _ in range(N_STAGES):
            yield env.timeout(rng.exponential(8.0 / effort[r]))
            if rng.random() > 0.75:
                return
        won[0] += 1

    def account(a):
        while True:
            yield env.timeout(rng.exponential(60.0))
            env.process(deal(a % N_REPS))

    for r in range(N_REPS):
        env.process(rep(r))
    for a in range(N_ACC):
        env.process(account(a))
    env.run(until=DAYS)
    return won[0]
