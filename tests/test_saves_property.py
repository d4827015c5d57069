"""Saves travel from participants to trainers: whatever is done to a save's JSON, reading
and replaying it ends in the save's own error, in words, or in a game — never a traceback."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.policies import make_policy
from simulator.saves import SaveError, open_save, snapshot, write_save
from simulator.scenario import load_scenario, scenarios_dir
from simulator.session import Session

TUTORIAL = scenarios_dir() / "tutorial.yaml"


def _base() -> dict:
    s = Session(load_scenario(TUTORIAL), 2, make_policy("by_the_book"))
    for _ in range(3):
        s.advance_week()
    s.policy = None
    with tempfile.TemporaryDirectory() as d:
        path = write_save(snapshot(s, str(TUTORIAL)), Path(d) / "g.json")
        return json.loads(path.read_text(encoding="utf-8"))


BASE = _base()

hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([10**400, -1, 0, 2**63, 1e308, -1e308]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["/dev/zero", "..", "", "\x00", "tutorial"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _paths(data, prefix=()):
    """Every place in the JSON a value sits, as a path of keys and indexes."""
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data[:6]):
            yield from _paths(v, (*prefix, i))


PATHS = [p for p in _paths(BASE) if p]


def _set(data, path, value):
    out = json.loads(json.dumps(data))
    node = out
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value
    return out


@settings(max_examples=60)
@given(st.lists(st.tuples(st.sampled_from(PATHS), hostile), min_size=1, max_size=3))
def test_a_tampered_save_is_refused_in_words_or_replays(changes):
    data = BASE
    for path, value in changes:
        try:
            data = _set(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "g.json"
        p.write_text(json.dumps(data), encoding="utf-8")
        try:
            _save, session = open_save(p)
        except SaveError as e:
            assert str(e).strip() and "Traceback" not in str(e)
            return
        assert session.week >= 1
