"""The action API: every lever exists, costs what it says, and a refusal changes nothing."""

from __future__ import annotations

import copy
from dataclasses import replace

import numpy as np
import pytest
from helpers import act, rep, scenario, world

from simulator.api import (
    ACTION_TYPES,
    AdoptCallAnalytics,
    AdoptDailyPlans,
    AssignKeyAccount,
    AssignMentor,
    CashBonus,
    Coach,
    Delegate,
    DevelopmentPlan,
    DropDeal,
    Feedback,
    GiveAutonomy,
    Hire,
    HonourVeteran,
    JointVisit,
    KeepPromise,
    LetGo,
    MakePromise,
    NameRival,
    OneOnOne,
    PerformanceReview,
    PipelineReview,
    ProfitShare,
    PushDeal,
    ReassignAccounts,
    RequestSupport,
    RunContest,
    SetQuota,
    SetTeamGoal,
    StrengthsAssessment,
    TeamMeeting,
    TeamTraining,
    action_from_dict,
)
from simulator.api.observing import observe
from simulator.api.plan import apply_action
from simulator.core.types import DelegatedTask, Pool, Skill, Supervision, Tone
from simulator.core.types import MotivationType as T

LEVERS = {
    "answer",
    "set_quota",
    "one_on_one",
    "coach",
    "joint_visit",
    "pipeline_review",
    "drop_deal",
    "push_deal",
    "performance_review",
    "feedback",
    "contest",
    "rival",
    "development_plan",
    "autonomy",
    "mentor",
    "key_account",
    "reassign_accounts",
    "team_meeting",
    "team_goal",
    "team_training",
    "daily_plans",
    "call_analytics",
    "delegate",
    "profit_share",
    "honour_veteran",
    "promise",
    "keep_promise",
    "bonus",
    "request_support",
    "hire",
    "let_go",
    "assessment",
    "read_type",
}


def test_every_lever_of_the_model_is_an_action():
    assert set(ACTION_TYPES) == LEVERS


def _state(w) -> tuple:
    """Everything a refused action could have touched."""
    reps = [
        (
            r.engagement,
            r.trust,
            r.confidence,
            r.stress,
            dict(r.skills),
            dict(r.quotas),
            r.active,
            r.revealed,
            r.autonomy,
            r.development_plan,
            r.mentor,
            r.mentor_of,
            r.rival,
            r.key_accounts,
            r.deputy_since,
            r.profit_share,
            r.last_one_on_one,
        )
        for r in w.reps
    ]
    deals = [
        (d.id, d.p_true, d.closed, d.pushed, d.last_touch, dict(d.support))
        for d in w.deals.values()
    ]
    m = w.manager
    return (
        reps,
        deals,
        m.hours_used,
        m.budget_left,
        len(m.promises),
        dict(m.delegations),
        m.contest_period,
        m.daily_plans,
        m.call_analytics,
        w.cohesion,
        w.accounts.owner.tobytes(),
        w.accounts.key.tobytes(),
        len(w.env._queue),
    )


def _refused(w, action, code):
    before = copy.deepcopy(_state(w))
    result = apply_action(w, action)
    assert not result.ok
    assert result.code == code, result.reason
    assert result.reason  # plain words for the player
    assert _state(w) == before


def test_refused_when_no_hours_are_left():
    w = world()
    w.manager.hours_used = w.manager.hours_per_week - w.manager.admin_hours - 0.5
    _refused(w, OneOnOne(0), "no_hours")
    _refused(w, Coach(0, Skill.SOLUTION), "no_hours")
    _refused(w, PipelineReview(), "no_hours")


def test_p17_a_policy_cannot_make_its_week_longer_by_rewriting_prices_or_actions():
    """A policy set every price in the observation to nothing, and fitted 40 hours of
    1:1s, coaching and training into a week of 32; a subclass of a 1:1 that prices itself
    at nothing would do as much. The prices are read-only, and only the game's own
    actions are planned: the week holds what it holds."""
    from dataclasses import dataclass

    from simulator.session import Session

    s = Session(scenario(), 1)
    plan = s.plan()
    with pytest.raises(TypeError, match="read-only"):
        plan.obs.hour_costs["one_on_one"] = 0.0
    with pytest.raises(TypeError, match="read-only"):
        plan.obs.money_costs.update(assessment=0.0)
    assert plan.obs.hour_costs["one_on_one"] > 0

    @dataclass(frozen=True)
    class FreeTalk(OneOnOne):
        def cost(self, plan):
            return 0.0, 0.0

    assert ACTION_TYPES["one_on_one"] is OneOnOne  # the game's own kind stays its own
    assert not plan.add(FreeTalk(0))
    assert plan.refused[-1][1].code == "not_action"
    # the week's hours, filled with the game's own: no more fits than the hours allow
    while plan.add(Coach(len(plan) % 2, Skill.SOLUTION)):
        pass
    assert plan.hours_planned <= plan.obs.hours_available + 1e-9
    assert plan.refused[-1][1].code == "no_hours"


def test_refused_when_the_rep_is_unknown_or_gone():
    w = world()
    _refused(w, OneOnOne(99), "unknown_rep")
    _refused(w, OneOnOne(-1), "unknown_rep")
    w.remove_rep(w.reps[1], "resigned")
    _refused(w, Feedback(1, Tone.PRAISE), "rep_left")
    _refused(w, SetQuota(1, 100_000), "rep_left")


def test_refused_quota_of_zero_or_less_or_in_the_past():
    w = world(scenario(weeks=26))
    _refused(w, SetQuota(0, 0), "bad_quota")
    _refused(w, SetQuota(0, -10), "bad_quota")
    _refused(w, SetQuota(0, 1e308), "too_large")  # a save edited by hand, say
    _refused(w, MakePromise(0, 1e308), "too_large")
    _refused(w, SetQuota(0, 10_000, period=5), "beyond_game")
    for _ in range(14):
        w.run_week()
    _refused(w, SetQuota(0, 10_000, period=0), "past_period")


def test_refused_when_the_budget_would_be_exceeded():
    scn = scenario()
    w = world(replace(scn, manager=replace(scn.manager, budget_per_period=5_000.0)))
    _refused(w, CashBonus(0, 6_000), "no_budget")
    _refused(w, RunContest(), "no_budget")
    _refused(w, TeamTraining(Skill.NEGOTIATION), "no_budget")


def test_refusals_specific_to_each_lever():
    reps = (
        rep("Ann", T.COMPETITOR),
        rep("Bo", T.ACHIEVER),
        rep("Nov", T.SERVICE, tenure_years=0.1),
    )
    w = world(scenario(reps))
    _refused(w, NameRival(0, 0), "same_rep")
    _refused(w, AssignMentor(0, 1), "not_novice")
    _refused(w, AssignMentor(2, 2), "same_rep")
    _refused(w, HonourVeteran(0), "not_veteran")
    _refused(w, ProfitShare(0), "not_deputy")
    _refused(w, Delegate(2, DelegatedTask.ONBOARDING, Supervision.LIGHT), "novice_deputy")
    _refused(w, DropDeal(10_000), "unknown_deal")
    _refused(w, AssignKeyAccount(0, 10_000), "unknown_account")
    _refused(w, ReassignAccounts(0, ()), "no_accounts")
    _refused(w, KeepPromise(42), "unknown_promise")
    _refused(w, CashBonus(0, 10), "small_bonus")
    _refused(w, MakePromise(0, 0), "bad_amount")
    _refused(w, MakePromise(0, 5_000, "maybe"), "bad_condition")
    other = next(d for d in w.open.values() if d.rep == 1)
    _refused(w, JointVisit(0, other.id), "not_their_deal")
    act(w, OneOnOne(0))
    _refused(w, OneOnOne(0), "already_done")
    act(w, RunContest())
    _refused(w, RunContest(), "contest_running")
    act(w, SetTeamGoal())
    _refused(w, SetTeamGoal(), "already_done")
    act(w, TeamMeeting())
    _refused(w, TeamMeeting(), "already_done")
    act(w, AdoptDailyPlans())
    _refused(w, AdoptDailyPlans(), "in_use")
    act(w, AdoptCallAnalytics())
    _refused(w, AdoptCallAnalytics(), "in_use")
    act(w, MakePromise(0, 5_000, "quota"))
    _refused(w, KeepPromise(w.manager.promises[0].id), "not_due")
    deal = next(d for d in w.open.values())
    act(w, DropDeal(deal.id))
    _refused(w, DropDeal(deal.id), "unknown_deal")  # no longer in the funnel
    m = w.manager
    m.max_headcount = len(w.active_reps)
    _refused(w, Hire(), "headcount")


def test_every_action_charges_its_hours_and_money():
    w = world(
        scenario(
            reps=(
                rep("Ann", T.COMPETITOR),
                rep("Bo", T.ACHIEVER),
                rep("Vet", T.EGO_DRIVEN, veteran=True, tenure_years=9),
                rep("Nov", T.SERVICE, tenure_years=0.1),
            )
        )
    )
    deal = next(d for d in w.open.values() if d.rep == 0 and not d.zombie)
    acc0 = int(w.accounts.owned_by(0)[0])
    actions = [
        SetQuota(0, 500_000),
        OneOnOne(0),
        Coach(0, Skill.SOLUTION),
        JointVisit(0, deal.id),
        PipelineReview(),
        PushDeal(deal.id),
        Feedback(1, Tone.PRAISE, False),
        RunContest(),
        NameRival(0, 1),
        DevelopmentPlan(1),
        GiveAutonomy(1),
        AssignMentor(2, 3),
        AssignKeyAccount(3, acc0),
        ReassignAccounts(1, (acc0,)),
        TeamMeeting(),
        SetTeamGoal(),
        TeamTraining(Skill.PROSPECTING),
        AdoptDailyPlans(),
        AdoptCallAnalytics(),
        Delegate(1, DelegatedTask.PIPELINE_REVIEW, Supervision.LIGHT),
        ProfitShare(1),
        HonourVeteran(2),
        MakePromise(0, 5_000, "none", 1),
        CashBonus(0, 2_000),
        RequestSupport(deal.id, Pool.PRESALES),
        Hire(),
        StrengthsAssessment(3),
        DropDeal(next(d for d in w.open.values() if d.id != deal.id).id),
    ]
    w.manager.hours_per_week = 200.0
    for a in actions:
        hours_before, money_before = w.manager.hours_used, w.manager.budget_left
        est = a.estimate(observe(w))
        result = act(w, a)
        assert w.manager.hours_used - hours_before == pytest.approx(result.hours)
        assert money_before - w.manager.budget_left == pytest.approx(result.money)
        assert est == pytest.approx((result.hours, result.money)), a.kind
        assert result.hours > 0 or result.money > 0, a.kind
    act(w, KeepPromise(w.manager.promises[0].id))
    act(w, LetGo(3))
    # a performance review, in a period's last week (nothing to review before)
    while not w.is_period_end():
        w.run_week()
    hours_before = w.manager.hours_used
    result = act(w, PerformanceReview(0, Tone.PRAISE, True))
    assert w.manager.hours_used - hours_before == pytest.approx(result.hours)
    assert result.hours > 0


def test_actions_round_trip_through_plain_dicts():
    samples = [
        SetQuota(1, 250_000.0, 2),
        Feedback(0, Tone.CRITICISM, True),
        Coach(2, Skill.SOLUTION),
        RequestSupport(7, Pool.LEGAL),
        Delegate(1, DelegatedTask.KEY_ACCOUNTS, Supervision.TIGHT),
        ReassignAccounts(0, (1, 2, 3)),
        PipelineReview((0, 1)),
        PipelineReview(),
        MakePromise(0, 3_000.0, "none", 9),
        PerformanceReview(1),
    ]
    for a in samples:
        assert action_from_dict(a.to_dict()) == a
    with pytest.raises(ValueError):
        action_from_dict({"kind": "fire_everyone"})


def test_nothing_is_accepted_after_the_scenario_ends():
    w = world(scenario(weeks=2))
    w.run_week()
    w.run_week()
    assert w.finished
    result = apply_action(w, OneOnOne(0))
    assert not result.ok and result.code == "finished"


def test_costs_come_from_the_model_table():
    w = world()
    result = act(w, Coach(0, Skill.SOLUTION))
    assert result.hours == w.params.hours["coach"] == 2.0
    result = act(w, PipelineReview())
    assert result.hours == pytest.approx(0.5 * len(w.active_reps))
    assert np.isclose(w.hours_available(), 30.0 - 2.0 - 0.5 * len(w.active_reps))


def test_taking_back_a_read_never_made_says_there_is_none_to_take_back():
    """The chooser greyed "No read yet (take it back)" with "that is already your read",
    which read as a contradiction: there is no read to take back, and it says so."""
    from helpers import session

    from simulator import api as A
    from simulator.texts import refusal_text

    s = session(scenario())
    plan = s.plan()
    rep = next(r for r in plan.obs.reps if r.type is None and r.read is None)
    refusal = plan.why_not(A.ReadType(rep.id, None))
    assert refusal is not None and refusal.code == "no_read"
    assert "no read of them to take back" in refusal_text(refusal, "en")
    assert plan.add(A.ReadType(rep.id, A.MotivationType.SERVICE))
