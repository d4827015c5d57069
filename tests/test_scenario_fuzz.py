"""Property: whatever a valid scenario is mutated into, the loader answers with its own error.

A trainer's file can be wrong in any way at all. These properties mutate the
shipped scenarios, as data and as raw bytes, and assert that loading either
succeeds or raises :class:`ScenarioError` with located problems, never any
other exception.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.scenario import ScenarioError, load_scenario, scenarios_dir

SOURCES = {
    name: (scenarios_dir() / f"{name}.yaml").read_text(encoding="utf-8")
    for name in ("tutorial", "promoted_over_peers")
}
VALID = {name: yaml.safe_load(text) for name, text in SOURCES.items()}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["competitor", "service", "negotiation", "Ann", "Wang Lei", "P3", "{rep}"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3),
    ),
    max_leaves=8,
)


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += paths(v, (*prefix, i))
    return out


def mutate(data: Any, path: tuple, op: str, value: Any, key: str) -> Any:
    if not path:
        return value if op == "replace" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if op == "delete":
        del parent[last]
    elif op == "replace":
        parent[last] = value
    elif op == "add_key" and isinstance(parent[last], dict):
        parent[last][key] = value
    elif op == "wrap":
        parent[last] = [parent[last]]
    elif op == "duplicate" and isinstance(parent[last], list) and parent[last]:
        parent[last].append(copy.deepcopy(parent[last][0]))
    return data


def load_text(tmp_path, text: str | bytes):
    p = tmp_path / "mutant.yaml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    p.write_bytes(text)
    try:
        load_scenario(p)
    except ScenarioError as e:
        assert e.problems
        for problem in e.problems:
            assert str(problem).startswith(str(p)) or "scenarios" in str(problem)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(sorted(VALID)),
    data=st.data(),
    n=st.integers(min_value=1, max_value=4),
)
def test_mutated_scenarios_never_raise_anything_but_scenario_errors(tmp_path, name, data, n):
    scenario = copy.deepcopy(VALID[name])
    for _ in range(n):
        where = paths(scenario)
        path = data.draw(st.sampled_from(where))
        op = data.draw(st.sampled_from(["delete", "replace", "add_key", "wrap", "duplicate"]))
        value = data.draw(values)
        key = data.draw(st.text(min_size=1, max_size=10))
        scenario = mutate(scenario, path, op, value, key)
    load_text(tmp_path, yaml.safe_dump(scenario, allow_unicode=True))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(sorted(SOURCES)),
    edits=st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=1, exclude_max=True),
            st.sampled_from(["insert", "delete", "replace"]),
            st.binary(min_size=1, max_size=3),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_corrupted_bytes_never_raise_anything_but_scenario_errors(tmp_path, name, edits):
    raw = bytearray(SOURCES[name].encode("utf-8"))
    for where, op, chunk in edits:
        i = int(where * len(raw))
        if op == "insert":
            raw[i:i] = chunk
        elif op == "delete":
            del raw[i : i + len(chunk)]
        else:
            raw[i : i + len(chunk)] = chunk
    load_text(tmp_path, bytes(raw))
