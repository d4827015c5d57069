"""What keeping the deals as numpy columns could save: an upper bound, measured.

A deal is a Python object, and the week's per-deal work loops over them in
Python: every open deal's shown win chance at the week's close, and each rep's
ordering of their deals when their week is planned. Columns (one numpy array
per field of every open deal) would do each as a few whole-array operations.
This times both on a funnel the game really reaches (the default scenario, and
its 4× team and market, played by the book to mid-season), the columns in their
best case: already up to date, at no cost, and nothing written back to the
deals. Whatever columns would cost to keep in step with every change a deal
goes through (a touch, a review, a stage passed, each a Python step today) is
left out, so the saving printed is more than columns could give. The two ways
are checked to give the same numbers.

The stage ends themselves are not vectorisable this way: each happens at its own
moment on the calendar and may end its deal, so it stays a step of its own.

Prints, for each size (``1x``, ``4x``):
  open_deals_Nx=         the open deals in the funnel at mid-season
  shown_loop_us_Nx=      every open deal's shown chance, as the week's close works it (µs)
  shown_columns_us_Nx=   the same from ideal columns (µs)
  order_loop_us_Nx=      every rep's deals put in order, as their week is planned (µs)
  order_columns_us_Nx=   the same with numpy's lexsort on ideal columns (µs)
  saving_ms_per_year_Nx= both savings over 52 weeks (ms)
  year_ms_Nx=            a year as played at that size, timed in the same run (ms)
  saving_share_Nx=       saving_ms_per_year ÷ year_ms: the most columns could take off

Run: python benchmarks/columns.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import timeit
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import scaled

from simulator.core.world.deals import shown_chance
from simulator.policies import make_policy
from simulator.scenario import default_scenario_path, load_scenario
from simulator.session import Session


def best_us(fn, repeat: int, number: int = 500) -> float:
    """The fastest of ``repeat`` timings of ``fn``, in µs a call."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


def measure(scenario, repeat: int, tag: str) -> None:
    s = Session(scenario, 3, make_policy("by_the_book"))
    for _ in range(scenario.weeks // 2):
        s.advance_week()
    w = s.world
    p = w.params
    now = w.env.now
    memory, plans = p.review_memory_days, w.manager.daily_plans
    deals = list(w.open.values())

    def shown_loop() -> list[float]:
        # the loop of World.refresh_shown, the forecast gaps it scores included
        gaps = []
        for d in deals:
            shown = shown_chance(p, d, now - d.reviewed_day <= memory or plans)
            gaps.append(shown - (0.0 if d.zombie else d.p_true))
        return gaps

    col = {
        "p": np.array([d.p_true for d in deals]),
        "zombie": np.array([d.zombie for d in deals]),
        "reviewed_day": np.array([d.reviewed_day for d in deals], dtype=float),
        "found_dead": np.array([d.found_dead for d in deals]),
        "silence": np.array([d.p_at_silence for d in deals]),
        "noise_die": np.array([d.u[15] for d in deals]),
    }

    def shown_columns() -> np.ndarray:
        reviewed = (now - col["reviewed_day"] <= memory) | plans
        honest = np.clip(
            col["p"] + p.reviewed_bias + p.review_noise * (2.0 * col["noise_die"] - 1.0),
            p.reviewed_shown_floor,
            p.reviewed_shown_cap,
        )
        said = np.minimum(col["p"] + p.happy_ears, p.reported_cap)
        dead_said = np.minimum(col["silence"] + p.happy_ears, p.reported_cap)
        dead = np.where(reviewed | col["found_dead"], p.reviewed_dead_shown, dead_said)
        shown = np.where(col["zombie"], dead, np.where(reviewed, honest, said))
        return shown - np.where(col["zombie"], 0.0, col["p"])

    assert np.allclose(shown_loop(), shown_columns(), rtol=0, atol=1e-12)

    # each rep's ordering of their deals, as WorkWeek._allocate makes it for a rep
    # who trusts their own hopes (the common case: a deal reviewed lately differs only
    # in which chance it is judged on)
    cold, hopes = p.cold_days, p.happy_ears
    books = [r.open_deals for r in w.active_reps if r.open_deals]

    def belief(d):
        prob = (d.p_at_silence if d.zombie else d.p_true) + hopes
        return d.pushed, now - d.last_touch >= cold, prob * d.value

    def order_loop() -> list[list]:
        return [sorted(book, key=belief, reverse=True) for book in books]

    cols = [
        (
            np.array([d.pushed for d in book]),
            np.array([d.last_touch for d in book]),
            np.array([(d.p_at_silence if d.zombie else d.p_true) + hopes for d in book]),
            np.array([d.value for d in book]),
        )
        for book in books
    ]

    def order_columns() -> list[np.ndarray]:
        # lexsort's last key sorts first; ascending on the negated keys is descending
        return [
            np.lexsort((-(prob * value), ~(now - touch >= cold), ~pushed))
            for pushed, touch, prob, value in cols
        ]

    for book, by_loop, by_cols in zip(books, order_loop(), order_columns(), strict=True):
        keys = [belief(d) for d in by_loop]
        assert keys == [belief(book[i]) for i in by_cols]

    shown_a, shown_b = best_us(shown_loop, repeat), best_us(shown_columns, repeat)
    order_a, order_b = best_us(order_loop, repeat), best_us(order_columns, repeat)
    saving_ms = (shown_a - shown_b + order_a - order_b) * 52 / 1000
    years = []
    for i in range(repeat):
        t0 = time.perf_counter()
        Session(scenario, 100 + i, make_policy("by_the_book")).run()
        years.append(time.perf_counter() - t0)
    year_ms = statistics.median(years) * 1000
    print(f"open_deals_{tag}={len(deals)}")
    print(f"shown_loop_us_{tag}={shown_a:.1f}")
    print(f"shown_columns_us_{tag}={shown_b:.1f}")
    print(f"order_loop_us_{tag}={order_a:.1f}")
    print(f"order_columns_us_{tag}={order_b:.1f}")
    print(f"saving_ms_per_year_{tag}={saving_ms:.2f}")
    print(f"year_ms_{tag}={year_ms:.1f}")
    print(f"saving_share_{tag}={saving_ms / year_ms:.1%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    base = load_scenario(default_scenario_path())
    measure(base, args.repeat, "1x")
    measure(scaled(base, 4), args.repeat, "4x")


if __name__ == "__main__":
    main()
