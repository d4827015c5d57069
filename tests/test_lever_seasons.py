"""Every signed cell of the lever table, played out over a season (docs/model.md §3).

The immediate reactions are tested in ``test_lever_table.py``; here is what they are
worth by the season's end. For each cell, a team of four (one rep of each type, types
known) plays 26 weeks on eight seeds with the lever pulled on the rep of that type at
its natural rhythm, against the same seeds with nothing done to that rep (see
``lever_seasons.py`` for the setups and what is measured). Sizes, as a share of the
season's outcome without the lever:

- ``+`` at least +0.5 %, ``++`` at least +4 % and more than every ``+`` of its row
  (each type wants its own lever, P3);
- ``−`` at most −1 %, ``−−`` at most −5 %, ``−−−`` at most −10 %.
"""

from __future__ import annotations

import pytest
from lever_seasons import SIGNED, TABLE, effect

from simulator.core.types import MotivationType as T

FLOOR = {2: 0.04, 1: 0.005, -1: -0.01, -2: -0.05, -3: -0.10}


def _check(lever: str, mtype: T) -> None:
    sign = TABLE[lever][mtype]
    size = effect(lever, mtype)
    what = f"{lever} on the {mtype.value} rep: {size:+.1%} over the season"
    if sign > 0:
        assert size >= FLOOR[sign], f"{what}, expected at least {FLOOR[sign]:+.1%}"
    else:
        assert size <= FLOOR[sign], f"{what}, expected at most {FLOOR[sign]:+.1%}"
    if sign == 2:
        for other, s in TABLE[lever].items():
            if s == 1:
                assert size > effect(lever, other), f"{what}; the {other.value} rep gains more"


def _cells(*levers: str) -> list[tuple[str, T]]:
    return [(lever, t) for lever, t in SIGNED if lever in levers]


def _id(cell: tuple[str, T] | str | T) -> str:
    return cell.value if isinstance(cell, T) else str(cell)


@pytest.mark.parametrize(("lever", "mtype"), _cells("contest", "rival"), ids=_id)
def test_p04_contests_and_rivals_over_a_season(lever, mtype):
    _check(lever, mtype)


@pytest.mark.parametrize(("lever", "mtype"), _cells("development_plan", "autonomy"), ids=_id)
def test_p05_growth_and_autonomy_over_a_season(lever, mtype):
    _check(lever, mtype)


@pytest.mark.parametrize(("lever", "mtype"), _cells("mentor"), ids=_id)
def test_p06_mentoring_a_novice_over_a_season(lever, mtype):
    _check(lever, mtype)


@pytest.mark.parametrize(("lever", "mtype"), _cells("key_account"), ids=_id)
def test_p07_key_account_care_over_a_season(lever, mtype):
    _check(lever, mtype)


@pytest.mark.parametrize(
    ("lever", "mtype"),
    _cells("praise_public", "praise_private", "criticism_public", "criticism_private"),
    ids=_id,
)
def test_p09_praise_and_criticism_over_a_season(lever, mtype):
    _check(lever, mtype)


@pytest.mark.parametrize(("lever", "mtype"), _cells("deputy"), ids=_id)
def test_p14_a_deputy_role_over_a_season(lever, mtype):
    _check(lever, mtype)


@pytest.mark.parametrize(("lever", "mtype"), _cells("bonus"), ids=_id)
def test_p15_real_rewards_over_a_season(lever, mtype):
    _check(lever, mtype)


def test_signed_cells_are_all_played():
    """No signed cell of the table is left without a season (the table is the model's)."""
    played = {
        cell
        for group in (
            _cells("contest", "rival"),
            _cells("development_plan", "autonomy"),
            _cells("mentor"),
            _cells("key_account"),
            _cells("praise_public", "praise_private", "criticism_public", "criticism_private"),
            _cells("deputy"),
            _cells("bonus"),
        )
        for cell in group
    }
    assert played == set(SIGNED)
