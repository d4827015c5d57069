"""Whatever a player or a policy throws at the action API, the world never breaks.

Hypothesis draws sequences of actions with arbitrary arguments (unknown reps,
closed deals, negative amounts, past periods); each is either applied or
refused with a reason, never raises, and the game plays on to its end.
"""

from __future__ import annotations

from dataclasses import fields

from helpers import offer_event, scenario
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.api import ACTION_TYPES, action_from_dict
from simulator.core.types import DelegatedTask, Pool, Skill, Supervision, Tone
from simulator.session import Session

ids = st.integers(min_value=-3, max_value=140)
money = st.one_of(st.integers(-10_000, 200_000), st.floats(-1e6, 1e6, allow_nan=False))

ARGS = {
    "rep": ids,
    "rival": ids,
    "mentor": ids,
    "novice": ids,
    "deputy": ids,
    "deal": ids,
    "account": ids,
    "promise": ids,
    "amount": money,
    "period": st.one_of(st.none(), st.integers(-2, 6)),
    "due_week": st.one_of(st.none(), st.integers(-2, 40)),
    "condition": st.sampled_from(["quota", "none", "maybe"]),
    "public": st.booleans(),
    "tone": st.one_of(st.none(), st.sampled_from([t.value for t in Tone])),
    "skill": st.sampled_from([s.value for s in Skill]),
    "pool": st.sampled_from([p.value for p in Pool]),
    "task": st.sampled_from([t.value for t in DelegatedTask]),
    "supervision": st.sampled_from([s.value for s in Supervision]),
    "accounts": st.lists(ids, max_size=4),
    "reps": st.one_of(st.none(), st.lists(ids, max_size=3)),
    "item": st.integers(min_value=-1, max_value=3),
    "choice": st.sampled_from(["match", "promise", "let_go", "nothing"]),
    "type": st.one_of(
        st.none(), st.sampled_from(["competitor", "achiever", "ego_driven", "service", "x"])
    ),
}


@st.composite
def actions(draw):
    kind = draw(st.sampled_from(sorted(ACTION_TYPES)))
    cls = ACTION_TYPES[kind]
    data = {"kind": kind}
    for f in fields(cls):
        name = f.name
        strategy = ARGS[name]
        value = draw(strategy)
        if name == "tone" and kind == "feedback" and value is None:
            value = Tone.PRAISE.value
        data[name] = value
    return action_from_dict(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(actions(), max_size=8), min_size=1, max_size=6))
def test_any_sequence_of_actions_is_applied_or_refused_never_crashes(weeks):
    s = Session(scenario(weeks=6, events=(offer_event(),)), 1)
    for planned in weeks:
        for action in planned:
            result = s.act(action)
            assert result.ok or (result.reason and result.code)
        s.advance_week()
    while not s.finished:
        s.advance_week()
    card = s.score()
    assert 0.0 <= card.total <= 100.0
    # and the whole game replays from its log
    again = Session.replay(s.scenario, s.seed, s.log_as_dicts())
    assert again.score().total == card.total
