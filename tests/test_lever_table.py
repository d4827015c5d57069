"""Every signed cell of the lever table (docs/model.md): how each type answers each lever.

Setup: a team of one rep of each type plus a novice, all at neutral mood
(engagement 0.65, trust 0.6), so a lever acts at face value. Each test applies
one lever through the action API and measures the immediate engagement change
of the rep it targets. Sizes: ++ ≥ +0.05; + in [+0.02, +0.05); 0 within ±0.005;
− in (−0.05, −0.02]; −− in (−0.12, −0.05]; −−− ≤ −0.12.
"""

from __future__ import annotations

import pytest
from helpers import LEVER_TABLE, TYPES, act, rep, rep_of, scenario, world

from simulator.api import (
    AssignKeyAccount,
    AssignMentor,
    CashBonus,
    Delegate,
    DevelopmentPlan,
    Feedback,
    GiveAutonomy,
    NameRival,
    RunContest,
)
from simulator.core.types import DelegatedTask, Supervision, Tone
from simulator.core.types import MotivationType as T

TABLE = LEVER_TABLE

BOUNDS = {
    "++": (0.05, 1.0),
    "+": (0.02, 0.05),
    "0": (-0.005, 0.005),
    "-": (-0.05, -0.0199),
    "--": (-0.12, -0.05),
    "---": (-1.0, -0.12),
}


def _world():
    reps = (
        *(rep(n, t) for n, t in zip(("Ann", "Bo", "Cai", "Dan"), TYPES, strict=True)),
        rep("Nov", T.ACHIEVER, tenure_years=0.2),
    )
    return world(scenario(reps))


def _action(lever: str, w, r):
    other = next(x for x in w.reps if x.id != r.id and x.name != "Nov")
    novice = next(x for x in w.reps if x.name == "Nov")
    return {
        "contest": lambda: RunContest(),
        "rival": lambda: NameRival(r.id, other.id),
        "praise_public": lambda: Feedback(r.id, Tone.PRAISE, public=True),
        "praise_private": lambda: Feedback(r.id, Tone.PRAISE, public=False),
        "criticism_public": lambda: Feedback(r.id, Tone.CRITICISM, public=True),
        "criticism_private": lambda: Feedback(r.id, Tone.CRITICISM, public=False),
        "development_plan": lambda: DevelopmentPlan(r.id),
        "autonomy": lambda: GiveAutonomy(r.id),
        "mentor": lambda: AssignMentor(r.id, novice.id),
        "deputy": lambda: Delegate(r.id, DelegatedTask.PIPELINE_REVIEW, Supervision.LIGHT),
        "key_account": lambda: AssignKeyAccount(r.id, int(w.accounts.owned_by(r.id)[0])),
        "bonus": lambda: CashBonus(r.id, 5_000),
    }[lever]()


def _response(lever: str, mtype: T) -> tuple[float, str | None]:
    w = _world()
    r = rep_of(w, mtype)
    before = r.engagement
    act(w, _action(lever, w, r))
    reactions = [e for e in w.log.of_kind("reaction") if e.rep == r.id]
    return r.engagement - before, reactions[-1].data["mood"] if reactions else None


CELLS = [(lever, t, sign) for lever, row in TABLE.items() for t, sign in row.items()]


def _check(lever: str, mtype: T) -> None:
    sign = TABLE[lever][mtype]
    delta, mood = _response(lever, mtype)
    lo, hi = BOUNDS[sign]
    assert lo <= delta < hi or (sign == "0" and lo <= delta <= hi), (
        f"{lever} on a {mtype.value} rep moved engagement by {delta:+.3f}, expected {sign}"
    )
    # the rep's visible reaction tells the manager the direction (P3)
    expected = "up" if sign.startswith("+") else "down" if sign.startswith("-") else "flat"
    assert mood == expected


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p04_contest_response_by_type(mtype):
    _check("contest", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p04_rival_response_by_type(mtype):
    _check("rival", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p09_public_praise_response_by_type(mtype):
    _check("praise_public", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p09_private_appreciation_response_by_type(mtype):
    _check("praise_private", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p09_public_criticism_response_by_type(mtype):
    _check("criticism_public", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p09_private_corrective_talk_response_by_type(mtype):
    _check("criticism_private", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p05_development_plan_response_by_type(mtype):
    _check("development_plan", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p05_autonomy_response_by_type(mtype):
    _check("autonomy", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p06_mentor_a_novice_response_by_type(mtype):
    _check("mentor", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p05_management_track_response_by_type(mtype):
    _check("deputy", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p07_key_account_care_response_by_type(mtype):
    _check("key_account", mtype)


@pytest.mark.parametrize("mtype", TYPES, ids=lambda t: t.value)
def test_p15_cash_bonus_response_by_type(mtype):
    _check("bonus", mtype)


def test_p03_every_lever_row_orders_types_as_the_table_does():
    """Within each row, the type the table says gains most gains at least as much."""
    rank = {"---": 0, "--": 1, "-": 2, "0": 3, "+": 4, "++": 5}
    for lever, row in TABLE.items():
        deltas = {t: _response(lever, t)[0] for t in TYPES}
        for t1 in TYPES:
            for t2 in TYPES:
                if rank[row[t1]] > rank[row[t2]]:
                    assert deltas[t1] > deltas[t2], (lever, t1.value, t2.value, deltas)
