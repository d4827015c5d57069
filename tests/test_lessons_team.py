"""P13 delegation with supervision, P14 deputies and veterans, P18 team atmosphere."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from helpers import (
    TYPES,
    act,
    market,
    quiet,
    rep,
    rep_of,
    run_weeks,
    scenario,
    set_quota_ratio,
    world,
)

from simulator.api import (
    Delegate,
    HonourVeteran,
    ProfitShare,
    ReassignAccounts,
    SetTeamGoal,
    TeamMeeting,
    TeamTraining,
)
from simulator.core.spec import Skills
from simulator.core.types import DelegatedTask, Skill, Supervision
from simulator.core.types import MotivationType as T

# ------------------------------------------------------------------- P13


def _delegation(level: Supervision, seed: int, weeks: int = 52):
    w = world(quiet(scenario(weeks=weeks)), seed)
    deputy = rep_of(w, T.ACHIEVER)
    act(w, Delegate(deputy.id, DelegatedTask.PIPELINE_REVIEW, level))
    hours = w.hours_available()
    run_weeks(w, weeks, lambda w: set_quota_ratio(w, 1.1))
    slips = sum(1 for e in w.log.events if e.kind == "delegation_slip")
    return slips, deputy.engagement, hours, w


def test_p13_unsupervised_delegation_goes_wrong_far_more_often():
    slips = {lvl: sum(_delegation(lvl, s)[0] for s in range(6)) for lvl in Supervision}
    assert slips[Supervision.NONE] >= 3 * max(1, slips[Supervision.LIGHT])
    assert slips[Supervision.NONE] >= 8  # about 5% of weeks
    assert slips[Supervision.TIGHT] <= slips[Supervision.LIGHT]


def test_p13_tight_supervision_costs_hours_and_deflates_the_deputy():
    _, eng_light, hours_light, _ = _delegation(Supervision.LIGHT, 0, weeks=20)
    _, eng_tight, hours_tight, _ = _delegation(Supervision.TIGHT, 0, weeks=20)
    _, _, hours_none, _ = _delegation(Supervision.NONE, 0, weeks=20)
    assert hours_none - hours_light == 1.0 and hours_light - hours_tight == 2.0
    assert eng_tight < eng_light - 0.1


def test_p13_a_slip_costs_a_deal_or_a_customer():
    lost = 0
    for s in range(6):
        _, _, _, w = _delegation(Supervision.NONE, s)
        for e in w.log.events:
            if e.kind == "delegation_slip":
                lost += 1
                if e.data["what"] == "lost_deal":
                    assert w.deals[e.data["ref"]].outcome is not None
    assert lost > 0


def test_p13_light_supervision_is_best_on_balance():
    """Score each level on what it costs: slips, manager hours and the deputy's mood."""

    def cost(level):
        slips, eng, hours = zip(*(_delegation(level, s)[:3] for s in range(6)), strict=True)
        # a slip ≈ a lost deal or an upset customer; an hour a week ≈ a 1:1 not held
        return np.mean(slips) * 2.0 + (30 - np.mean(hours)) * 2.0 + (0.65 - np.mean(eng)) * 40

    costs = {lvl: cost(lvl) for lvl in Supervision}
    assert costs[Supervision.LIGHT] < costs[Supervision.NONE]
    assert costs[Supervision.LIGHT] < costs[Supervision.TIGHT]


def test_p13_a_delegated_review_keeps_the_funnel_honest_without_the_managers_hours():
    def after(level, seed):
        w = world(quiet(scenario()), seed)
        zombies = sum(d.zombie for d in w.open.values())
        deputy = rep_of(w, T.ACHIEVER)
        act(w, Delegate(deputy.id, DelegatedTask.PIPELINE_REVIEW, level))
        run_weeks(w, 4)
        live = [d for d in w.open.values() if not d.zombie]
        err = np.mean([abs(d.shown_p - d.p_true) for d in live])
        return sum(d.zombie for d in w.open.values()) / zombies, err

    watched = [after(Supervision.LIGHT, s) for s in range(3)]
    unwatched = [after(Supervision.NONE, s) for s in range(3)]
    # a watched deputy's reviews find the dead deals (their reps let them go) and keep
    # the odds honest; a deputy nobody checks on does it in fits and starts
    assert np.mean([z for z, _ in watched]) < 0.35
    assert np.mean([e for _, e in watched]) < 0.06
    assert np.mean([z for z, _ in unwatched]) > np.mean([z for z, _ in watched]) + 0.1


# ------------------------------------------------------------------- P14


def test_p14_a_deputy_with_responsibility_and_no_share_becomes_a_flight_risk():
    def hazard(share, weeks):
        w = world(quiet(scenario()), 0)
        deputy = rep_of(w, T.ACHIEVER)
        act(w, Delegate(deputy.id, DelegatedTask.PIPELINE_REVIEW, Supervision.LIGHT))
        if share:
            act(w, ProfitShare(deputy.id))
        run_weeks(w, weeks)
        deputy.engagement, deputy.trust, deputy.stress = 0.65, 0.6, 0.3
        return w.quit_hazard(deputy)

    assert hazard(False, 9) >= 1.9 * hazard(False, 4)
    assert hazard(True, 9) <= 1.05 * hazard(True, 4)


def test_p14_ignored_veterans_lose_heart_and_drag_the_team_honoured_ones_lift_it():
    def moods(honour):
        reps = (
            rep("Vet", T.COMPETITOR, veteran=True, tenure_years=9),
            *(rep(n, t) for n, t in zip(("Bo", "Cai", "Dan"), TYPES[1:], strict=True)),
        )
        w = world(quiet(scenario(reps)), 0)

        def weekly(w):
            set_quota_ratio(w, 1.1)
            if honour and w.week % 6 == 1:
                act(w, HonourVeteran(0))

        run_weeks(w, 16, weekly)
        return w.reps[0].engagement, np.mean([r.engagement for r in w.reps[1:]])

    vet_ignored, team_ignored = moods(False)
    vet_honoured, team_honoured = moods(True)
    assert vet_honoured > vet_ignored + 0.1
    assert team_honoured > team_ignored + 0.03
    assert vet_ignored < 0.6


# ------------------------------------------------------------------- P18


def test_p18_mood_is_contagious():
    reps = (
        rep("Low", T.SERVICE, engagement=0.2),
        *(rep(n, T.ACHIEVER, engagement=0.85) for n in ("Bo", "Cai", "Dan")),
    )
    w = world(quiet(scenario(reps)), 0)
    run_weeks(w, 4, lambda w: set_quota_ratio(w, 1.1))
    low, highs = w.reps[0].engagement, [r.engagement for r in w.reps[1:]]
    assert low > 0.2 + 0.1
    assert all(h < 0.85 - 0.02 for h in highs)


def test_p18_a_clear_goal_and_regular_meetings_raise_cohesion_and_effort():
    def run(team_work):
        w = world(quiet(scenario()), 0)

        def weekly(w):
            set_quota_ratio(w, 1.1)
            if team_work:
                if w.week == 1:
                    act(w, SetTeamGoal())
                if w.week % 2 == 1:
                    act(w, TeamMeeting())

        run_weeks(w, 12, weekly)
        w.plan_week()
        return w.cohesion, np.mean([r.effort for r in w.active_reps])

    (coh_on, eff_on), (coh_off, eff_off) = run(True), run(False)
    assert coh_on > coh_off + 0.12
    assert eff_on > eff_off * 1.02


def test_p18_work_divided_by_strengths_raises_output():
    """Big hunts to the strong negotiator, the many small accounts to the carer."""
    negotiator = Skills(0.5, 0.55, 0.85, 0.35)
    carer = Skills(0.5, 0.55, 0.35, 0.85)
    segs = market().segments
    small_market = replace(
        market(),
        segments=(
            replace(segs[0], accounts=8),
            replace(segs[1], accounts=16),
            replace(segs[2], accounts=20),
        ),
    )

    def revenue(fit, seed):
        reps = (rep("Neg", T.ACHIEVER, skills=negotiator), rep("Car", T.ACHIEVER, skills=carer))
        w = world(quiet(scenario(reps, weeks=52, market=small_market)), seed)
        seg = w.accounts.segment
        ent = np.flatnonzero(seg == 0)
        mid = np.flatnonzero(seg == 1)
        small = np.flatnonzero(seg == 2)
        hunter, keeper = (0, 1) if fit else (1, 0)
        act(w, ReassignAccounts(hunter, tuple(int(a) for a in (*ent, *mid[:8]))))
        act(w, ReassignAccounts(keeper, tuple(int(a) for a in (*small, *mid[8:]))))
        run_weeks(w, 52, lambda w: set_quota_ratio(w, 1.1))
        return w.revenue_total

    gain = np.mean([revenue(True, s) / revenue(False, s) for s in range(6)])
    assert gain > 1.06


def test_p18_team_training_lifts_everyone_a_little():
    w = world(scenario())
    before = {r.id: r.skills[Skill.SOLUTION] for r in w.reps}
    act(w, TeamTraining(Skill.SOLUTION))
    gains = [w.reps[i].skills[Skill.SOLUTION] - b for i, b in before.items()]
    assert all(0.001 <= g <= 0.02 for g in gains)  # a little, for everyone
    # nobody is trained past what they could ever reach
    assert all(r.skills[Skill.SOLUTION] <= r.potential[Skill.SOLUTION] for r in w.reps)


def test_p14_a_profit_share_is_paid_every_period_and_lapses_when_it_cannot_be():
    from dataclasses import replace as _replace

    scn = scenario(weeks=39)
    scn = _replace(scn, manager=_replace(scn.manager, budget_per_period=10_000.0))
    w = world(scn)
    deputy = rep_of(w, T.ACHIEVER)
    act(w, Delegate(deputy.id, DelegatedTask.PIPELINE_REVIEW, Supervision.LIGHT))
    act(w, Delegate(deputy.id, DelegatedTask.KEY_ACCOUNTS, Supervision.LIGHT))
    act(w, ProfitShare(deputy.id))
    run_weeks(w, 13)  # into the second period, whose share is charged on its first day
    assert w.manager.budget_left == 10_000.0 - 8_000.0  # once, for one deputy with two tasks
    assert deputy.profit_share
    w.manager.budget_per_period = 5_000.0
    run_weeks(w, 13)
    assert not deputy.profit_share  # the next period's share could not be paid


def test_p12_a_hire_given_a_fair_share_of_the_books_builds_a_funnel_one_left_without_cannot():
    """No dead end: when nobody's accounts are free, a newcomer's territory comes from
    the largest books (quiet accounts only), with a quota for it, and they sell."""
    from simulator.api import Hire, ReassignAccounts, catalogue
    from simulator.api.observing import observe
    from simulator.api.plan import Plan

    def season(give: bool) -> tuple[int, float, float]:
        w = world(quiet(scenario(weeks=26)))
        # every account has an owner: there is nothing unowned to hand a newcomer
        free = np.flatnonzero(w.accounts.owner < 0)
        for k, a in enumerate(free):
            w.assign_account(int(a), w.reps[k % len(w.reps)])
        act(w, Hire())
        newcomer = None
        while newcomer is None:
            w.run_week()
            newcomer = next((r for r in w.reps if r.joined_week > 0), None)
        assert len(w.accounts.owned_by(newcomer.id)) == 0
        if give:
            lever = catalogue(Plan(observe(w))).lever("reassign_accounts", newcomer.id)
            assert lever.refusal is None, "a thin book can be topped up from the largest"
            share = lever.options[-1].action
            assert isinstance(share, ReassignAccounts)
            assert all(w.accounts.open_deals[a] == 0 for a in share.accounts)
            act(w, share)
        run_weeks(w, w.scenario.weeks)
        # what they built: revenue booked and deals in their funnel at the season's end
        built = sum(newcomer.booked.values()) + sum(d.value for d in newcomer.open_deals)
        return len(w.accounts.owned_by(newcomer.id)), newcomer.quota(w.period), built

    none = season(give=False)
    given = season(give=True)
    assert none[0] == 0 and none[2] == 0
    assert given[0] >= 5 and given[1] > 0
    assert given[2] > 100_000  # a territory worked fills a funnel within the season
