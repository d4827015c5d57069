"""When Python's cycle collector runs: between the weeks of a game, not inside them.

A simulated week makes and drops tens of thousands of small objects (views,
events, SimPy timeouts); reference counting frees every one of them the moment
it is dropped. The cycle collector, left to itself, also stops the week every
few hundred allocations to look for reference cycles among the young objects,
and in a week there are none to find: that search is several percent of a
year's time. So, as a game engine collects between frames, a week runs with the
collector paused and it catches up once the week is done; whatever a week does
leave in cycles is found then, a week later at most. A caller who had paused
the collector already keeps it paused: a batch keeps it paused over all its
runs and collects each run's leavings once, when the run is done
(:func:`simulator.analysis.runs.run_collected`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cycle collector paused, and restore it afterwards."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
