"""A masked random agent: the smallest manager a learning agent can replace.

It plays one scenario through the Gymnasium environment, choosing each step
at random among the actions the mask says are legal now, and ending the week
about one step in eight. Run it as::

    python examples/masked_random_agent.py --scenario tutorial --seed 3

and it prints the season's final score and the return (the score gained).
"""

from __future__ import annotations

import argparse

import gymnasium
import numpy as np

import simulator.api  # noqa: F401  (registers salesim/SalesManager-v0)


def play(scenario: str = "tutorial", seed: int = 3, end_week: float = 0.125) -> dict:
    """One episode; what it scored and the steps it took."""
    env = gymnasium.make("salesim/SalesManager-v0", scenario=scenario)
    rng = np.random.default_rng(seed)
    _, info = env.reset(seed=seed)
    total, steps, done, actions = 0.0, 0, False, []
    while not done:
        legal = np.flatnonzero(info["action_mask"])
        action = 0 if rng.random() < end_week else int(rng.choice(legal))
        _, reward, done, truncated, info = env.step(action)
        total += reward
        steps += 1
        actions.append(action)
        done = done or truncated
    env.close()
    return {"score": info["score"], "return": total, "steps": steps, "actions": actions}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="tutorial", help="a shipped scenario's name (tutorial)")
    ap.add_argument("--seed", type=int, default=3, help="the game's and the agent's seed (3)")
    args = ap.parse_args()
    out = play(args.scenario, args.seed)
    print(f"score {out['score']:.1f}  return {out['return']:+.1f}  steps {out['steps']}")


if __name__ == "__main__":
    main()
