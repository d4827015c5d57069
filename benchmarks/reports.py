"""How long a trainer waits for reports: one game's, and a whole class's.

Every figure times the whole command in a fresh process, as a trainer runs it
after a workshop: `salesim report` of one save, and `salesim class` of a class
of saves of the default scenario (a year each, played by a mix of the scripted
managers, so that the games differ as a class's do), on one process and on two.

Prints:
  class=                 how many saves, of which scenario
  report_s=              `salesim report` of one save (its replay, the handbook's game on
                         the same seed, three charts and the page)
  class_one_s=           `salesim class` of them all with --jobs 1 (in the command's process)
  class_two_s=           the same with --jobs 2 (the games replayed and drawn on two processes)
  speedup=               class_one_s ÷ class_two_s (two cores at most double it: the class
                         page itself, its two charts, is drawn once at the end)
  per_save_s=            class_two_s ÷ saves: what each more player adds on two cores
  load=                  the machine's load average before and after, and its cores

Each setting is run ``--repeats`` times, interleaved, and the median is shown.

Run: python benchmarks/reports.py [--saves 12] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLICIES = ["by_the_book", "hands_off", "pressure_cooker", "micromanager", "promise_breaker"]


def salesim(*args: str, cwd: str) -> float:
    """Run a salesim command as a user would; its wall seconds. From a folder of its own:
    from the repository's root, `-m simulator` would import the working tree whatever
    PYTHONPATH says."""
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "simulator", *args], capture_output=True, text=True, cwd=cwd
    )
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"salesim {args[0]} failed: {done.stderr[-2000:]}")
    return wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--saves", type=int, default=12, help="saves in the class (default 12)")
    ap.add_argument("--repeats", type=int, default=3, help="interleaved repeats (default 3)")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        saves = []
        for i in range(args.saves):
            save = str(Path(folder) / f"player{i + 1}.json")
            policy = POLICIES[i % len(POLICIES)]
            play = ["run", "--policy", policy, "--seed", str(i + 1), "--quiet", "--save", save]
            salesim(*play, cwd=folder)
            saves.append(save)
        one, two, single = [], [], []
        for k in range(args.repeats):
            single.append(salesim("report", saves[0], "--out", f"r{k}", cwd=folder))
            one.append(salesim("class", *saves, "--out", f"one{k}", "--jobs", "1", cwd=folder))
            two.append(salesim("class", *saves, "--out", f"two{k}", "--jobs", "2", cwd=folder))
    t1, t2 = statistics.median(one), statistics.median(two)
    print(f"class={args.saves} saves of default")
    print(f"report_s={statistics.median(single):.2f}")
    print(f"class_one_s={t1:.1f}")
    print(f"class_two_s={t2:.1f}")
    print(f"speedup={t1 / t2:.2f}")
    print(f"per_save_s={t2 / args.saves:.2f}")
    print(f"load={load:.2f}->{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
