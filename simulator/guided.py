"""A guided game's first weeks: which of the desk's lever groups open in which week.

A scenario marked ``guided`` (the tutorial) opens the desk's levers a group at a
time over its first weeks: talking first, then quotas, each type's levers, the
deals, and finally delegation and the team. The window keeps the closed ones
shut (:mod:`simulator.ui.tour` holds each week's goal and note); the debrief
reads the same schedule, so a lesson is not judged over weeks when the player
could not yet act on it (no pipeline review counted missing before the deals
open). The model itself locks nothing: a policy or an agent never meets it.
"""

from __future__ import annotations

# the desk's lever groups, plus the team's row
ALL_GROUPS = frozenset({"talk", "grow", "motivate", "organise", "deals", "people", "team"})

# each guided week, and the groups it opens (the Quotas tab and the inbox are always open)
OPENS: tuple[tuple[int, frozenset[str]], ...] = (
    (1, frozenset({"talk"})),
    (2, frozenset()),
    (3, frozenset({"grow", "motivate"})),
    (4, frozenset({"deals"})),
    (5, frozenset({"organise", "people", "team"})),
)
LAST_GUIDED_WEEK = OPENS[-1][0]


def open_groups(guided: bool, week: int) -> frozenset[str]:
    """The lever groups open in a week: all of them, unless the game is guided and the
    week is still among its first."""
    if not guided or week > LAST_GUIDED_WEEK:
        return ALL_GROUPS
    out: frozenset[str] = frozenset()
    for opened_in, groups in OPENS:
        if opened_in <= week:
            out |= groups
    return out


def opens_in(group: str) -> int:
    """The guided week a lever group opens in."""
    return next((week for week, groups in OPENS if group in groups), 1)


def first_week(guided: bool, group: str) -> int:
    """The first week a lever of ``group`` could be used in a game (1 unless guided)."""
    return opens_in(group) if guided else 1
