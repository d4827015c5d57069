"""Chains of steps on SimPy's calendar, without a process for each.

Much of what the model simulates is a short chain of steps in time: a deal
passing its stages, a support visit (asked, granted, served), the market's
working days. A SimPy process per chain costs a generator, a process object
and two events of its own (its start and its end); a chain of callbacks costs
none of these and keeps the same order of events: each step schedules the
next, and a chain starts the way a process does, once the events of its
instant already under way are done (:func:`start_soon`).
"""

from __future__ import annotations

from collections.abc import Callable

import simpy
from simpy.events import URGENT


def start_soon(env: simpy.Environment, step: Callable[[simpy.Event], None]) -> None:
    """Call ``step`` at the current instant, after the events already scheduled for it
    with the same urgency, as SimPy starts a new process."""
    start = simpy.Event(env)
    start._ok = True
    start._value = None
    start.callbacks.append(step)
    env.schedule(start, URGENT)
