"""The guided first weeks: one verb at a time, a goal each week, a coach's note after it.

A scenario marked ``guided`` (the tutorial) opens the desk's lever groups over
its first weeks — talking first, then quotas, then each type's levers, the
deals, and finally delegation and the team — with a goal for each week and a
coach's note in the week's report pointing at the lesson just seen. Any other
game starts with everything open and offers the same steps as a tour from the
menu. The tour is the window's business: it locks nothing in the model, and a
policy or an agent never sees it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..guided import ALL_GROUPS, OPENS, open_groups, opens_in

__all__ = ["ALL_GROUPS", "STEPS", "Step", "open_groups", "opens_in", "step_of"]


Planned = Sequence[Any]  # the plan's actions (``Game.plan`` items' ``.action``)


def _kinds(actions: Planned) -> list[str]:
    return [a.kind for a in actions]


def _talked(actions: Planned) -> bool:
    return _kinds(actions).count("one_on_one") >= 2


def _quotas(actions: Planned) -> bool:
    return "set_quota" in _kinds(actions)


def _by_type(actions: Planned) -> bool:
    kinds = set(_kinds(actions))
    praised = any(
        a.kind == "feedback" and getattr(a, "public", False) and str(a.tone) == "praise"
        for a in actions
    )
    levers = {"contest", "rival", "development_plan", "autonomy", "mentor", "bonus"}
    return praised or bool(kinds & levers)


def _deals(actions: Planned) -> bool:
    return bool(set(_kinds(actions)) & {"pipeline_review", "joint_visit", "request_support"})


def _hand_over(actions: Planned) -> bool:
    return bool(set(_kinds(actions)) & {"delegate", "team_meeting", "key_account"})


@dataclass(frozen=True)
class Step:
    """One guided week: what opens, the goal, how to tell it is met, the note after it."""

    week: int
    opens: frozenset[str]  # lever groups open from this week on
    key: str  # the texts: tour.<key>.title, .goal, .note
    done: Callable[[Planned], bool]
    # whether what was done in the weeks before counts too (quotas set in week 1 are set)
    earlier: bool = False


# each guided week's goal, on the schedule of what opens when (simulator.guided)
_GOALS = (
    ("talk", _talked, False),
    ("quotas", _quotas, True),  # the Quotas tab is always open
    ("types", _by_type, False),
    ("deals", _deals, False),
    ("hand_over", _hand_over, False),
)
STEPS: tuple[Step, ...] = tuple(
    Step(week, opens, key, done, earlier=earlier)
    for (week, opens), (key, done, earlier) in zip(OPENS, _GOALS, strict=True)
)


def step_of(week: int) -> Step | None:
    """The guided step of a week, if it has one."""
    return next((s for s in STEPS if s.week == week), None)
