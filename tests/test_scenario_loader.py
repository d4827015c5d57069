"""The minimal scenario loader: every shipped file loads; bad files get file:line messages."""

from __future__ import annotations

import pytest

from simulator.scenario import ScenarioError, load_scenario, scenarios_dir

GOOD = """
title: Small
weeks: 8
period_weeks: 4
team_target: [1000000]
market:
  segments:
    - {name: all, accounts: 40, potential: 500000, deal_size: 100000}
reps:
  - {name: Ann, type: competitor}
  - {name: Bo, type: service, skills: {account_care: 0.8}}
"""


def _write(tmp_path, text):
    p = tmp_path / "s.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_every_shipped_scenario_loads():
    files = sorted(scenarios_dir().glob("*.yaml"))
    assert files
    for f in files:
        s = load_scenario(f)
        assert s.reps and s.weeks >= 1


def test_a_small_scenario_loads_with_defaults(tmp_path):
    s = load_scenario(_write(tmp_path, GOOD))
    assert s.title == "Small" and len(s.reps) == 2 and s.periods == 2
    assert s.reps[1].skills.account_care == 0.8 and s.reps[1].skills.solution == 0.5


@pytest.mark.parametrize(
    "bad, line, field, words",
    [
        (GOOD.replace("weeks: 8", "weeks: eight"), 3, "weeks", "expected a number"),
        (GOOD.replace("type: service", "type: servce"), 11, "reps.1.type", "is not one of"),
        (GOOD.replace("period_weeks: 4", "perod_weeks: 4"), 4, "perod_weeks", "did you mean"),
        (GOOD.replace("weeks: 8", "weeks: 0"), 3, "weeks", "at least 1"),
        (GOOD + "params: {quit_bse: 0.1}\n", 12, "params.quit_bse", "did you mean 'quit_base'"),
    ],
)
def test_bad_fields_are_reported_with_file_line_and_field(tmp_path, bad, line, field, words):
    path = _write(tmp_path, bad)
    with pytest.raises(ScenarioError) as e:
        load_scenario(path)
    msg = str(e.value)
    assert msg.startswith(f"{path}:{line}: {field}: ")
    assert words in msg


def test_unsafe_or_broken_yaml_is_refused_clearly(tmp_path):
    for text, words in [
        ("", "empty"),
        ("- a\n- b\n", "mapping"),
        ("title: [unclosed\n", "not valid YAML"),
        ("!!python/object/apply:os.system ['true']\n", "not valid YAML"),
    ]:
        with pytest.raises(ScenarioError, match=words):
            load_scenario(_write(tmp_path, text))
    p = tmp_path / "bin.yaml"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ScenarioError, match="UTF-8"):
        load_scenario(p)
