"""Seasons where one lever is pulled on one rep, and the same seasons without it.

The lever table (``docs/model.md`` §3) gives each lever's sign for each type.
Here each signed cell is played out: a team of four (one rep of each type,
their types known), a season of 26 weeks, the lever pulled on the rep of the
type under test at its natural rhythm, against the same seeds with nothing
done to that rep. What is compared is what a manager would notice by the
season's end: the rep's sales (booked, plus the honest value of what is still
open) — and, for the deputy role, whether they would stay.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import numpy as np
from helpers import LEVER_TABLE, TYPES, act, quiet, rep, scenario, set_quota_ratio, world

from simulator.api import (
    AssignKeyAccount,
    AssignMentor,
    CashBonus,
    Delegate,
    DelegatedTask,
    DevelopmentPlan,
    Feedback,
    GiveAutonomy,
    NameRival,
    ProfitShare,
    RunContest,
    Supervision,
    Tone,
)
from simulator.core.rep import Rep
from simulator.core.spec import Skills
from simulator.core.types import MotivationType as T
from simulator.core.world import World

WEEKS = 26
SEEDS = tuple(range(1, 9))

SIGN = {"+++": 3, "++": 2, "+": 1, "0": 0, "-": -1, "--": -2, "---": -3}
TABLE: dict[str, dict[T, int]] = {
    lever: {t: SIGN[s] for t, s in row.items()} for lever, row in LEVER_TABLE.items()
}
SIGNED = [(lever, t) for lever, row in TABLE.items() for t, sign in row.items() if sign]


def _team(strong: T | None = None):
    """One rep of each type, their types known, and a novice to mentor.

    ``strong``: that type's rep sells better than the others (an ego-driven rep
    in a contest's top half, which is where the design's + for them holds).
    """
    good = Skills(0.75, 0.75, 0.75, 0.75)
    reps = tuple(
        rep(f"R{i}", t, revealed=True, **({"skills": good} if t is strong else {}))
        for i, t in enumerate(TYPES)
    )
    novice = rep("Nov", T.ACHIEVER, tenure_years=0.3, revealed=True)
    return (*reps, novice)


def _pull(lever: str, w: World, target: int) -> None:
    """The lever on rep ``target`` this week, at its natural rhythm."""
    week = w.week
    other = next(r.id for r in w.active_reps if r.id != target and not r.novice)
    if lever == "contest" and week in (1, 14):
        act(w, RunContest())
    elif lever == "rival" and week in (1, 9, 17):
        act(w, NameRival(target, other))
    elif lever.startswith(("praise", "criticism")) and week % 4 == 2:
        tone = Tone.PRAISE if lever.startswith("praise") else Tone.CRITICISM
        act(w, Feedback(target, tone, public=lever.endswith("public")))
    elif lever == "development_plan" and week == 1:
        act(w, DevelopmentPlan(target))
    elif lever == "autonomy" and week == 1:
        act(w, GiveAutonomy(target))
    elif lever == "mentor" and week == 1:
        act(w, AssignMentor(target, len(TYPES)))  # the novice
    elif lever == "deputy" and week == 1:
        act(w, Delegate(target, DelegatedTask.KEY_ACCOUNTS, Supervision.LIGHT))
        act(w, ProfitShare(target))
    elif lever == "key_account" and week == 1:
        mine = [int(a) for a in w.accounts.owned_by(target)][:3]
        for a in mine:
            act(w, AssignKeyAccount(target, a))
    elif lever == "bonus" and week % 4 == 2:
        act(w, CashBonus(target, 5_000))


# cells played with the rep stronger than the rest (the design's condition for the sign:
# an ego-driven rep gains from a contest in its top half)
STRONG = {("contest", T.EGO_DRIVEN)}

# quotas: a little above capacity; a rep behind pace for a correction to be fair;
# a mentor who performs (P6: the novice looks up to results)
RATIO = {"criticism_private": 1.25, "mentor": 0.95}

# what a manager would notice of each lever by the season's end: the rep's sales; for a
# mentor, the pair's (P6: the mentor's pride and the novice's faster start); for a deputy,
# their engagement (the role costs them selling time; what it buys is their commitment)
OUTCOME = {"mentor": "pair", "deputy": "engagement"}


@cache
def season(
    lever: str | None, mtype: T, seed: int, ratio: float = 1.1, strong: bool = False
) -> dict[str, float]:
    """A season with ``lever`` pulled on the rep of ``mtype`` (None: nothing done)."""
    scn = quiet(scenario(_team(mtype if strong else None), weeks=WEEKS))
    scn = replace(scn, manager=replace(scn.manager, budget_per_period=400_000.0))
    w = world(scn, seed)
    target = next(r.id for r in w.reps if r.type is mtype and not r.novice)
    for _ in range(WEEKS):
        set_quota_ratio(w, ratio)
        if lever is not None:
            _pull(lever, w, target)
        w.run_week()
    r = w.reps[target]
    novice = w.reps[len(TYPES)]
    return {
        "sales": _sales(r),
        "pair": _sales(r) + _sales(novice),
        "engagement": float(r.engagement),
    }


def _sales(r: Rep) -> float:
    """What the rep booked, plus the honest value of what they still have open."""
    open_value = sum(d.p_true * d.value for d in r.open_deals if not d.zombie)
    return float(sum(r.booked.values()) + open_value)


def effect(lever: str, mtype: T) -> float:
    """The lever's change of the cell's outcome, relative to its mean without the lever.

    The same seeds with and without (common random numbers); the control season is
    shared by every lever played in the same conditions.
    """
    ratio = RATIO.get(lever, 1.1)
    strong = (lever, mtype) in STRONG
    outcome = OUTCOME.get(lever, "sales")
    with_it = np.array([season(lever, mtype, s, ratio, strong)[outcome] for s in SEEDS])
    without = np.array([season(None, mtype, s, ratio, strong)[outcome] for s in SEEDS])
    return float((with_it - without).mean() / max(abs(without.mean()), 1e-9))
