"""The built-in policies play whole games through the public API only."""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from helpers import scenario

from simulator.analysis.validity import scale_team
from simulator.policies import ANTI_PATTERNS, POLICIES, Policy, make_policy
from simulator.policies.style import Style, StylePolicy
from simulator.scenario import load_scenario, scenarios_dir
from simulator.session import Session


@pytest.mark.parametrize("name", list(POLICIES))
def test_every_policy_plays_a_game_to_the_end(name):
    s = Session(scenario(weeks=26), 3, make_policy(name))
    assert isinstance(s.policy, Policy)
    card = s.run()
    assert s.finished and 0.0 <= card.total <= 100.0
    if name != "hands_off":
        assert any(r.ok for r in s.action_log)


def test_policies_see_only_the_observation_and_the_action_api():
    root = Path(__file__).resolve().parents[1] / "simulator" / "policies"
    for path in root.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                mod = node.module
                assert not mod.startswith(
                    ("core.world", "core.levers", "core.rep", "core.deal", "session")
                ), f"{path.name} imports {mod}"


def test_unknown_policy_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown policy 'nope'"):
        make_policy("nope")


def test_by_the_book_beats_every_anti_pattern_on_a_few_common_seeds():
    """A quick guard; benchmarks/policy_ranking.py makes the claim with 100+ seeds."""
    from simulator.scenario import default_scenario_path, load_scenario

    scn = load_scenario(default_scenario_path())
    seeds = range(3)
    book = [Session(scn, s, make_policy("by_the_book")).run().total for s in seeds]
    for name in ANTI_PATTERNS:
        other = [Session(scn, s, make_policy(name)).run().total for s in seeds]
        assert np.mean(book) > np.mean(other), name


@pytest.mark.parametrize("size", [4, 20])
def test_the_style_family_at_its_defaults_is_the_handbooks_manager(size):
    """The validity checks and the exploit search vary one habit of ``by_the_book`` at a
    time: at the defaults the family must play exactly as it does, small team or big."""
    scn = scale_team(load_scenario(scenarios_dir() / "default.yaml"), size)
    book = Session(scn, 3, make_policy("by_the_book"))
    book.run()
    style = Session(scn, 3, StylePolicy(Style()))
    style.run()
    assert [repr(a.action) for a in style.record().actions] == [
        repr(a.action) for a in book.record().actions
    ]
    assert style.record().score.total == book.record().score.total


def test_a_policys_plan_is_carried_out_as_judged_and_what_it_changed_after_is_judged_again():
    """A policy returns its plan's actions: carried out as its plan judged them. A list
    it changed afterwards (an action appended, one replaced in the plan) is judged
    again like any other, so what does not fit is refused and logged, as before."""
    from simulator.api import OneOnOne, Plan, SetQuota

    class Appends:
        name = "appends"

        def decide(self, obs):
            plan = Plan(obs)
            r = obs.reps[0]
            plan.add(OneOnOne(r.id))
            actions = plan.actions
            actions.append(OneOnOne(r.id))  # a second 1:1 with the same rep: refused
            return actions

    class Replaces:
        name = "replaces"

        def decide(self, obs):
            plan = Plan(obs)
            r = obs.reps[0]
            plan.add(SetQuota(r.id, 100_000.0))
            plan.add(OneOnOne(r.id))
            plan.add(SetQuota(r.id, 120_000.0))  # replaces the first
            return plan.actions

    base = scenario()
    appended = Session(base, 3, Appends())
    for _ in range(3):
        appended.advance_week()
    fates = [(a.action.kind, a.ok, a.code) for a in appended.action_log]
    assert fates == [("one_on_one", True, ""), ("one_on_one", False, "already_planned")] * 3
    replaced = Session(base, 3, Replaces())
    replaced.advance_week()
    assert [(a.action.kind, a.ok) for a in replaced.action_log] == [
        ("one_on_one", True),
        ("set_quota", True),
    ]
    rep = replaced.world.reps[0]
    assert rep.quota(replaced.world.period) == 120_000.0


MISTAKES = {
    # what decide does wrong → what the one line says
    "raises": (
        "raise KeyError('missing_key')",
        "the policy raised KeyError: 'missing_key' in week 3 (at mine.py:6)",
    ),
    "returns None": ("return None", "decide returned None in week 3: return the actions to try"),
    "one action": ("return PipelineReview()", "returned one action in week 3 (PipelineReview)"),
    "a string": ("return 'one_on_one'", "decide returned str in week 3"),
    "dicts": (
        "return [{'kind': 'one_on_one', 'rep': 0}]",
        "returned dict among its actions in week 3",
    ),
    # a policy stuck in a loop: 100,000 actions in one week took 3.5 GB, a batch 8 GB
    "far too many": (
        "return [PipelineReview()] * 100_000",
        "returned more than 1,000 actions in week 3: a week holds at most that many",
    ),
    "endless": ("return iter(PipelineReview, None)", "returned more than 1,000 actions in week 3"),
    # not the person's Ctrl-C: "salesim: stopped (Ctrl-C)" and 130 had said it was
    "keyboard interrupt": ("raise KeyboardInterrupt", "the policy raised KeyboardInterrupt"),
    # an exception whose own message cannot be made: a traceback from the message's maker
    "unprintable": (
        "raise type('Odd', (Exception,), {'__str__': lambda self: 1 / 0})()",
        "the policy raised Odd: (its message could not be shown) in week 3",
    ),
}  # fmt: skip


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_policys_mistake_is_one_line_naming_the_week_and_its_own_line(mistake, tmp_path, capsys):
    """A policy that forgot its return, or returned one action or a string, played a
    season of doing nothing, "ok", exit 0; one that raised came out as an 18-line
    traceback through the session, with no week. Each is the policy's mistake, said in
    one line with the week (and the policy's own line), exit 1; a batch records it as
    that run's failure and plays the others."""
    from simulator.cli import main

    wrong, said = MISTAKES[mistake]
    source = tmp_path / "mine.py"
    source.write_text(
        "from simulator.api import PipelineReview\n"
        "class Mine:\n"
        "    def decide(self, obs):\n"
        "        if obs.week < 3:\n"
        "            return [PipelineReview()]\n"
        f"        {wrong}\n",
        encoding="utf-8",
    )
    spec = f"{source}:Mine"
    assert main(["run", "--scenario", "tutorial", "--policy", spec, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"salesim: error: {spec}: ") and said in err, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    out = tmp_path / "b"
    words = ["batch", "--scenario", "tutorial", "--policy", spec, "hands_off", "--runs", "2"]
    assert main([*words, "--baseline", "hands_off", "--out", str(out), "--no-progress"]) == 1
    from simulator.analysis.store import read_table

    rows = read_table(out, "runs")
    failed = [r for r in rows if r["status"] == "failed"]
    assert len(failed) == 2 and all(said in r["error"] for r in failed), failed
    assert all(r["status"] == "ok" for r in rows if r["policy"] == "hands_off")


def test_a_plan_refuses_what_a_week_cannot_hold_and_the_week_goes_on():
    """A policy looping over every deal of a swollen funnel (the micromanager pushing each
    one, a lever made free) passed a thousand actions in a week and was failed for it.
    Its plan now refuses the 1,001st (``week_full``, in words), and the week is played."""
    from simulator.api import OneOnOne, Plan

    answers = []

    class Spams:
        def decide(self, obs):
            plan = Plan(obs)
            for _ in range(2_000):  # refused after the first: tried all the same
                answers.append(plan.add(OneOnOne(obs.reps[0].id)))
            answers.append(plan.why_not(OneOnOne(obs.reps[1].id)))
            return plan

    s = Session(scenario(), 1, Spams())
    s.advance_week()
    assert answers[0] is True and not any(answers[1:2_000])
    assert answers[-1].code == "week_full" and "1000 actions" in answers[-1].reason
    assert len(s.action_log) == 1  # the one accepted: the week was played
    assert s.world.week == 2


def test_the_micromanager_plays_a_season_of_free_pushes_and_a_swollen_funnel():
    """With pushing a deal made free and leads boosted (every number within its range),
    the micromanager pushed each of a thousand deals in week 22 and was failed as "stuck
    in a loop"; its plan now stops it at what a week holds, and the season is played."""
    from simulator.scenario import default_scenario_path, load_scenario

    scn = load_scenario(default_scenario_path())
    numbers = {"hours": {"push_deal": 0.0}, "lead_skill_base": 2.0, "rep_hours": 100.0,
               "demand_relationship_base": 2.0, "deal_upkeep_hours": 0.0}  # fmt: skip
    scn = replace(scn, params=scn.params.with_overrides(numbers))
    s = Session(scn, 1, make_policy("micromanager"))
    card = s.run()
    assert s.finished and card.revenue > 0
    assert max(Counter(a.week for a in s.action_log).values()) == 1_000  # it did fill weeks


def test_a_policys_own_plan_is_carried_out_as_judged_not_judged_again(monkeypatch):
    """A policy that plans with a Plan and returns ``plan.actions`` has had each action
    judged once; the week carries them out as judged (judging them again doubled the
    cost of a week's planning, a tenth of a year as played)."""
    from simulator.api import OneOnOne, PipelineReview, Plan
    from simulator.api import plan as planning

    judged = []
    plain = planning.Plan._judge

    def counted(self, action):
        judged.append(action.kind)
        return plain(self, action)

    monkeypatch.setattr(planning.Plan, "_judge", counted)

    class Plans:
        def decide(self, obs):
            plan = Plan(obs)
            plan.add(OneOnOne(obs.reps[0].id))
            plan.add(PipelineReview())
            return plan.actions

    s = Session(scenario(), 1, Plans())
    s.advance_week()
    assert judged == ["one_on_one", "pipeline_review"]
    assert [r.action.kind for r in s.action_log] == ["one_on_one", "pipeline_review"]


def test_a_policy_may_return_the_plan_it_filled():
    """Returning the plan (not plan.actions) is taken to mean its accepted actions."""
    from simulator.api import OneOnOne, Plan

    class Fills:
        def decide(self, obs):
            plan = Plan(obs)
            plan.add(OneOnOne(obs.reps[0].id))
            return plan

    s = Session(scenario(), 1, Fills())
    s.advance_week()
    assert [r.action for r in s.action_log] == [OneOnOne(0)]
