"""How fast a learning agent's episodes run through the Gymnasium environment.

An agent plays the game one step at a time: each step plans one option (or ends
the week), and the environment hands back the observation and the mask of the
legal options, which it judges afresh against the plan as it now stands. What
is timed is what an agent runs: whole episodes of the masked random agent
(``examples/masked_random_agent.py``) on the default scenario, creation and reset
included, interleaved with the yardstick toy's year so machine noise hits both.

Prints:
  toy_ms=              median ms of the toy's year
  episode_ms=          median ms of one episode (a season, as the random agent plays it)
  steps=               the steps an episode took (the median episode's)
  step_ms=             episode_ms ÷ steps: what one step costs an agent
  steps_per_s=         1000 ÷ step_ms
  episode_vs_toy=      episode_ms ÷ toy_ms
  load=                the machine's load average while it ran, and its cores

Run: python benchmarks/env.py [--repeat N] [--scenario NAME]
"""

from __future__ import annotations

import argparse
import os
import runpy
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from yardstick import toy_year

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--scenario", default="default", help="a shipped scenario's name")
    args = ap.parse_args()
    agent = runpy.run_path(str(HERE.parent / "examples" / "masked_random_agent.py"))
    play = agent["play"]
    play(args.scenario, seed=99)  # warm imports and caches
    load_before = os.getloadavg()[0]
    toy, episodes, steps = [], [], []
    for i in range(args.repeat):
        t0 = time.perf_counter()
        toy_year(100 + i)
        toy.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        out = play(args.scenario, seed=100 + i)
        episodes.append(time.perf_counter() - t0)
        steps.append(out["steps"])
    toy_ms = statistics.median(toy) * 1000
    middle = sorted(range(args.repeat), key=lambda i: episodes[i])[args.repeat // 2]
    episode_ms = episodes[middle] * 1000
    step_ms = episode_ms / steps[middle]
    print(f"toy_ms={toy_ms:.1f}")
    print(f"episode_ms={episode_ms:.1f}")
    print(f"steps={steps[middle]}")
    print(f"step_ms={step_ms:.2f}")
    print(f"steps_per_s={1000 / step_ms:.0f}")
    print(f"episode_vs_toy={episode_ms / toy_ms:.2f}")
    print(f"load={load_before:.2f}->{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
