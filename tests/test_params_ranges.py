"""Every model number has a range, and the model runs anywhere inside it.

A trainer's ``params:`` block, a ``batch --set`` or a ``sensitivity --vary``
can set any number the model uses. The validator refuses a value outside its
range (tests/test_scenario_loader.py); these tests hold the other half of the
promise: a season played at the ranges' ends, or anywhere between, finishes,
with every figure a user reads a real number.
"""

from __future__ import annotations

import math
from dataclasses import fields, replace

import numpy as np
import pytest

from simulator.core.param_ranges import ORDERED, RANGES, SUM_AT_MOST_ONE
from simulator.core.params import ModelParams
from simulator.policies import make_policy
from simulator.scenario import check_file, load_scenario, scenarios_dir
from simulator.session import Session

SCENARIOS = sorted(p.stem for p in scenarios_dir().glob("*.yaml"))
POLICIES = ["by_the_book", "hands_off", "micromanager", "random", "pressure_cooker"]


def test_every_default_lies_inside_its_range():
    defaults = ModelParams()
    for f in fields(ModelParams):
        low, high = RANGES[f.name]
        value = getattr(defaults, f.name)
        numbers = value.values() if isinstance(value, dict) else value
        numbers = numbers if isinstance(value, dict | tuple) else [value]
        assert all(low <= x <= high for x in numbers), (f.name, value, (low, high))


def _draw(rng: np.random.Generator, name: str, mode: str):
    default = getattr(ModelParams(), name)
    low, high = RANGES[name]

    def one(like):
        x = {"low": low, "high": high}.get(mode)
        if x is None:
            x = [low, high, rng.uniform(low, high)][rng.integers(3)]
        return round(x) if isinstance(like, int) else float(x)

    if isinstance(default, dict):
        return {k: one(v) for k, v in default.items()}
    if isinstance(default, tuple):
        drawn = [one(v) for v in default]
        return tuple(sorted(drawn)) if len(default) == 2 else tuple(drawn)
    return one(default)


def _numbers(mode: str, seed: int) -> dict:
    """Every model number at its range's low end, its high end, or (``mixed``) at either end
    or between, drawn for each number; pairs put in order, shares of one whole kept within it."""
    rng = np.random.default_rng(seed)
    drawn = {f.name: _draw(rng, f.name, mode) for f in fields(ModelParams)}
    for low, high in ORDERED:
        if drawn[low] > drawn[high]:
            drawn[low], drawn[high] = drawn[high], drawn[low]
    for a, b in SUM_AT_MOST_ONE:
        drawn[b] = min(drawn[b], 1.0 - drawn[a])
    return drawn


CASES = [("low", 0), ("high", 0)] + [("mixed", seed) for seed in range(1, 25)]


@pytest.mark.parametrize("mode, seed", CASES, ids=[f"{m}-{s}" for m, s in CASES])
def test_a_season_finishes_with_every_number_anywhere_in_its_range(mode, seed):
    scenario_name = SCENARIOS[seed % len(SCENARIOS)]
    policy = POLICIES[seed % len(POLICIES)]
    scn = load_scenario(scenarios_dir() / f"{scenario_name}.yaml")
    scn = replace(scn, params=scn.params.with_overrides(_numbers(mode, seed)))
    session = Session(scn, seed, make_policy(policy))
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        card = session.run()
    assert session.finished and session.world.week == scn.weeks
    assert all(math.isfinite(c.value) for c in card.components)
    assert math.isfinite(card.total) and math.isfinite(card.revenue) and card.revenue >= 0


def test_the_numbers_drawn_here_pass_the_validator(tmp_path):
    """The cases above are ones a trainer could write: every drawn set is a valid ``params:``."""
    for mode, seed in CASES:
        numbers = {
            k: list(v) if isinstance(v, tuple) else v for k, v in _numbers(mode, seed).items()
        }
        path = tmp_path / f"{mode}{seed}.yaml"
        lines = [f"extends: {scenarios_dir() / 'default.yaml'}", "params:"]
        lines += [f"  {k}: {v!r}" for k, v in numbers.items()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert check_file(path) == [], (mode, seed)


def test_care_at_its_strongest_fills_a_relationship_never_beyond_full():
    """Account care closes a share of the gap to a full relationship; at the top of its numbers'
    ranges that share would pass 1, overshoot, and swing wider each week until the numbers
    overflowed. A visit closes at most the whole gap."""
    strongest = {
        name: RANGES[name][1]
        for name in ("care_visit", "care_skill_base", "care_skill_slope", "fit_care")
    } | {"key_account_care": 1.0, "relationship_decay": 0.0}
    scn = load_scenario(scenarios_dir() / "default.yaml")
    scn = replace(scn, params=scn.params.with_overrides(strongest))
    session = Session(scn, 3, make_policy("by_the_book"))
    with np.errstate(over="raise", invalid="raise"):
        card = session.run()
    relationship = session.world.accounts.relationship
    assert relationship.max() <= 1.0 and relationship.min() >= 0.0
    assert (relationship > 0.99).mean() > 0.5  # care at its strongest does fill them
    assert math.isfinite(card.total)
