"""A policy's mistakes, told as the policy's.

A policy is code an analyst wrote: it may raise, return nothing, or return
something that is not a list of actions. Each is the policy's mistake, not the
simulator's, and is said so in one line: what went wrong, in which week, and
where in the policy's own file ("the policy raised KeyError: 'x' in week 3 (at
mine.py:12)"), never as a traceback through the session. ``salesim run``
prints that line; a batch records it as the run's failure.

What a policy may return from ``decide``: a list (or any iterable) of actions
from :mod:`simulator.api`, or the :class:`~simulator.api.plan.Plan` it filled
(its accepted actions are taken). An empty list is a week of doing nothing.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .api.actions import Action
from .api.observation import Observation
from .api.plan import MOST_ACTIONS_A_WEEK, Plan
from .interruptions import Interruption

# what passes through a policy untold: a stop from outside it, the person's Ctrl-C,
# sys.exit (each caller says what a policy's own sys.exit means to it), and a print to an
# output whose reader has gone (``salesim run | head``: the command stops quietly)
PASSED_ON = (Interruption, KeyboardInterrupt, SystemExit, BrokenPipeError)


class PolicyError(Exception):
    """A policy's own mistake, in words (see the module)."""


def _what(e: BaseException) -> str:
    """An exception in words: its type, and its message when it has one (a message that
    cannot be made, its ``__str__`` raising, is said so rather than raised again)."""
    try:
        said = str(e)
    except Exception:
        said = "(its message could not be shown)"
    return f"{type(e).__name__}: {said}" if said else type(e).__name__


def _where(e: BaseException) -> str:
    """Where in the policy's code ``e`` was raised: its last frame outside the simulator."""
    frames = traceback.extract_tb(e.__traceback__)
    here = Path(__file__).resolve().parent
    own = [f for f in frames if here not in Path(f.filename).resolve().parents]
    frame = own[-1] if own else (frames[-1] if frames else None)
    return f" (at {Path(frame.filename).name}:{frame.lineno})" if frame else ""


def reset(policy: Any, rng: Any) -> None:
    """Tell the policy a game begins (``reset(rng)``, if it has one)."""
    if not hasattr(policy, "reset"):
        return
    try:
        policy.reset(rng)
    except PASSED_ON:
        raise
    except BaseException as e:  # GeneratorExit, a BaseException of the plugin's own, ...
        raise PolicyError(f"the policy's reset(rng) raised {_what(e)}{_where(e)}") from e


def decide(policy: Any, obs: Observation) -> Iterable[Any]:
    """The policy's actions for the week ``obs`` opens, checked to be actions."""
    week = obs.week
    try:
        decided = policy.decide(obs)
        if not isinstance(decided, Plan | Action | str | bytes | dict | list) and isinstance(
            decided, Iterable
        ):
            # a generator's own code runs here (its errors are its own), and no further
            # than a week can hold: an endless one stops here too
            decided = list(itertools.islice(decided, MOST_ACTIONS_A_WEEK + 1))
    except PASSED_ON:
        raise
    except BaseException as e:  # GeneratorExit, a BaseException of the plugin's own, ...
        raise PolicyError(f"the policy raised {_what(e)} in week {week}{_where(e)}") from e
    if isinstance(decided, Plan):
        if len(decided.tried) > MOST_ACTIONS_A_WEEK:
            raise PolicyError(_too_many(week))
        return decided.actions
    if decided is None:
        raise PolicyError(
            f"the policy's decide returned None in week {week}: return the actions to "
            "try, in a list (an empty one for a week of doing nothing)"
        )
    if isinstance(decided, Action):
        raise PolicyError(
            f"the policy's decide returned one action in week {week} "
            f"({type(decided).__name__}): return a list of them, [{type(decided).__name__}(…)]"
        )
    if isinstance(decided, str | bytes | dict) or not isinstance(decided, Iterable):
        raise PolicyError(
            f"the policy's decide returned {type(decided).__name__} in week {week}: "
            "return a list of actions from simulator.api"
        )
    # a list by now: a plan's own list of actions is kept as it is, to be carried out as judged
    actions = decided if isinstance(decided, list) else list(decided)
    if len(actions) > MOST_ACTIONS_A_WEEK:
        raise PolicyError(_too_many(week))
    for a in actions:
        if not isinstance(a, Action):
            raise PolicyError(
                f"the policy's decide returned {type(a).__name__} among its actions in week "
                f"{week} ({a!r:.60}): each must be an action from simulator.api, such as "
                "OneOnOne(rep_id)"
            )
    return actions


def _too_many(week: int) -> str:
    return (
        f"the policy's decide returned more than {MOST_ACTIONS_A_WEEK:,} actions in week {week}: "
        "a week holds at most that many (a manager's hours take a few dozen); is it stuck "
        "in a loop?"
    )
