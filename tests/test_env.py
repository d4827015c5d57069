"""The Gymnasium environment: Gymnasium's own checks, the mask, determinism, and what it shows."""

from __future__ import annotations

import runpy
import warnings
from dataclasses import replace
from pathlib import Path

import gymnasium
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from simulator.api import ENV_ID
from simulator.api.env import GLOBAL_FEATURES, REP_FEATURES, SalesManagerEnv
from simulator.core.types import MotivationType as T
from simulator.scenario import load_scenario, scenarios_dir

EXAMPLE = Path(__file__).parent.parent / "examples" / "masked_random_agent.py"


def test_the_environment_passes_gymnasiums_checker():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the checker's advice on rendering speed
        check_env(gymnasium.make(ENV_ID, scenario="tutorial").unwrapped)


def test_a_seeded_masked_random_episode_is_the_same_twice_and_ends():
    agent = runpy.run_path(str(EXAMPLE))
    first = agent["play"]("tutorial", seed=5)
    again = agent["play"]("tutorial", seed=5)
    assert first == again
    assert first["steps"] > 26  # a decision or more a week, and every week ended
    other = agent["play"]("tutorial", seed=6)
    assert other["actions"] != first["actions"]


def test_the_returns_add_up_to_the_score_gained_over_the_season():
    env = SalesManagerEnv("tutorial")
    obs, info = env.reset(seed=2)
    start = info["score"]
    rng = np.random.default_rng(2)
    total, done = 0.0, False
    while not done:
        legal = np.flatnonzero(info["action_mask"])
        action = 0 if rng.random() < 0.2 else int(rng.choice(legal))
        obs, reward, done, _, info = env.step(action)
        assert env.observation_space.contains(obs)
        total += reward
    assert env.session is not None and env.session.finished
    assert total == pytest.approx(env.session.score().total - start)


def test_the_mask_offers_exactly_what_the_plan_accepts():
    env = SalesManagerEnv("tutorial")
    _, info = env.reset(seed=4)
    rng = np.random.default_rng(4)
    for _ in range(40):
        mask = info["action_mask"]
        legal = np.flatnonzero(mask[1:]) + 1
        action = int(rng.choice(legal))
        offered = env._options[action].action
        _, reward, _, _, info = env.step(action)
        assert "refused" not in info and reward == 0.0
        assert offered in env.plan.actions  # a legal slot always plans its option
    illegal = int(np.flatnonzero(info["action_mask"] == 0)[0])
    before = len(env.plan)
    _, reward, _, _, info = env.step(illegal)
    assert info["refused"] and len(env.plan) == before and reward == 0.0


def test_an_agent_sees_what_a_manager_sees_never_a_hidden_type():
    scenario = load_scenario(scenarios_dir() / "default.yaml")
    hidden = [r for r in scenario.reps if not r.revealed]
    assert hidden
    first = hidden[0]
    other = T.SERVICE if first.type is not T.SERVICE else T.COMPETITOR
    # the same record for both (a record made up from each type's capacity would differ)
    record = {"history": ((900_000.0, 850_000.0), (950_000.0, 900_000.0)), "quota": 950_000.0}

    def with_type(mtype):
        reps = tuple(replace(r, type=mtype, **record) if r is first else r for r in scenario.reps)
        return replace(scenario, reps=reps)

    a, _ = SalesManagerEnv(with_type(first.type)).reset(seed=1)
    b, _ = SalesManagerEnv(with_type(other)).reset(seed=1)
    assert np.array_equal(a, b)  # a different hidden type changes nothing the agent sees


def test_slots_are_named_in_words():
    env = SalesManagerEnv("tutorial")
    _, info = env.reset(seed=1)
    assert env.describe(0) == "end the week"
    legal = np.flatnonzero(info["action_mask"])[1:]
    text = env.describe(int(legal[0]))
    assert "·" in text and "=" in text


def test_a_reps_position_is_their_seat_all_episode():
    """A rep left in week 23 and the one behind moved up a position: what the agent had
    learnt of position 2 now described someone else, and its slots acted on them. A rep
    keeps their seat; the one who left leaves it empty, features zero and slots shut."""
    from simulator.api import LetGo

    env = SalesManagerEnv("tutorial")
    _, info = env.reset(seed=1)
    session = env.session
    assert session is not None
    first = [r.id for r in session.observe().reps]
    gone = first[1]
    start, width = GLOBAL_FEATURES, REP_FEATURES  # the second seat is gone's
    _, _, _, _, info = env.step(0)
    session.act(LetGo(gone))  # as a manager would, between weeks
    env._new_week()
    obs, _, _, _, info = env.step(0)
    here = [r.id for r in session.observe().reps]
    assert gone not in here and here == [r for r in first if r != gone]
    assert env._seats == {rep: first.index(rep) for rep in here}  # nobody moved up
    seat = start + 1 * width
    assert not obs[seat : seat + width].any()  # the empty seat shows nobody
    for index, (_, pos, _) in enumerate(env._table):
        if pos == 1:
            assert info["action_mask"][index] == 0, env.describe(index)


@pytest.mark.parametrize("action", [-1, 10**9, 2.7, "3", None])
def test_an_action_outside_the_space_is_an_error_not_a_guess(action):
    """step(2.7) planned slot 2, step(-1) answered "not offered" and describe(-1) named
    the last slot. An action is a whole number in the space, or a ValueError."""
    env = SalesManagerEnv("tutorial")
    env.reset(seed=3)
    with pytest.raises(ValueError, match=r"action|outside"):
        env.step(action)
    with pytest.raises(ValueError):
        env.describe(action)
    env.step(np.int64(0))  # a numpy integer is a whole number
