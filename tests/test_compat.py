"""Policies written for earlier versions keep working, and the guide lists every action."""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from simulator.api import ALL_ACTIONS, Plan
from simulator.scenario import load_scenario, scenarios_dir
from simulator.session import Session

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "policies.md"


def test_the_old_import_paths_still_work_and_say_what_to_write_instead():
    for name in ("simulator.actions", "simulator.observe"):
        sys.modules.pop(name, None)
        with pytest.warns(DeprecationWarning, match="simulator.api"):
            importlib.import_module(name)
    from simulator.actions import OneOnOne as Old
    from simulator.api import OneOnOne
    from simulator.observe import Observation as OldObservation
    from simulator.policies import Planner

    assert Old is OneOnOne and Planner is Plan
    assert OldObservation.__name__ == "Observation"


def test_a_policy_written_against_the_old_modules_plays_the_same_game(tmp_path):
    old = tmp_path / "old_style.py"
    old.write_text(
        "from simulator.actions import OneOnOne, PipelineReview\n"
        "from simulator.policies import Planner\n"
        "class Old:\n"
        "    def decide(self, obs):\n"
        "        plan = Planner(obs)\n"
        "        for rep in obs.reps:\n"
        "            plan.add(OneOnOne(rep.id))\n"
        "        plan.add(PipelineReview())\n"
        "        return plan.actions\n",
        encoding="utf-8",
    )
    new = tmp_path / "new_style.py"
    new.write_text(old.read_text().replace("simulator.actions", "simulator.api"), "utf-8")
    from simulator.policies import make_policy

    scenario = load_scenario(scenarios_dir() / "tutorial.yaml")
    sys.modules.pop("simulator.actions", None)  # imported afresh, as in a new process
    with pytest.warns(DeprecationWarning):
        a = Session(scenario, 4, make_policy(f"{old}:Old")).run().total
    b = Session(scenario, 4, make_policy(f"{new}:Old")).run().total
    assert a == b


def test_the_policy_guide_lists_every_action_with_its_fields():
    text = GUIDE.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)\([^`]*\)` \| `(\w+)` \|", text, re.M))
    for cls in ALL_ACTIONS:
        signature = f"`{cls.__name__}({', '.join(f.name for f in fields(cls))})`"
        assert signature in text, signature
        assert rows.get(cls.__name__) == cls.kind
