"""P4 competitors, P5 achievers, P6 ego-driven reps, P7 service reps: outcomes, not only moods."""

from __future__ import annotations

import numpy as np
from helpers import act, quiet, rep, rep_of, run_weeks, scenario, set_quota_ratio, team, world

from simulator.api import (
    AssignKeyAccount,
    AssignMentor,
    Coach,
    DevelopmentPlan,
    Feedback,
    GiveAutonomy,
    NameRival,
    PushDeal,
    RunContest,
)
from simulator.core.spec import Skills
from simulator.core.types import MotivationType as T
from simulator.core.types import Skill, Tone


def _planned_effort(w):
    set_quota_ratio(w, 1.1)
    w.plan_week()
    return {r.type: r.effort for r in w.active_reps}


# -------------------------------------------------------------------- P4


def test_p04_contest_raises_competitor_effort_strongly_and_puts_service_reps_off():
    calm = _planned_effort(world(seed=3))
    w = world(seed=3)
    act(w, RunContest())
    hot = _planned_effort(w)
    assert hot[T.COMPETITOR] >= calm[T.COMPETITOR] * 1.18
    assert hot[T.COMPETITOR] / calm[T.COMPETITOR] > hot[T.ACHIEVER] / calm[T.ACHIEVER] + 0.05
    assert hot[T.SERVICE] <= calm[T.SERVICE] * 0.96


def test_p04_a_rival_of_similar_level_spurs_a_competitor_more_than_a_distant_one():
    reps = (
        rep("Ann", T.COMPETITOR),
        rep("Bo", T.COMPETITOR),
        rep("Cai", T.COMPETITOR, skills=Skills(0.2, 0.2, 0.2, 0.2), territory=0.3),
    )
    base = world(scenario(reps), 1)
    set_quota_ratio(base, 1.1)
    base.plan_week()
    alone = base.reps[0].effort

    def with_rival(rival):
        w = world(scenario(reps), 1)
        act(w, NameRival(0, rival))
        set_quota_ratio(w, 1.1)
        w.plan_week()
        return w.reps[0].effort

    near, far = with_rival(1), with_rival(2)
    assert near >= alone * 1.12
    assert near > far + 0.05


def test_p04_contest_lifts_team_revenue_when_the_team_is_competitors():
    reps = tuple(rep(n, T.COMPETITOR) for n in ("Ann", "Bo", "Cai", "Dan"))

    def revenue(contest, seed):
        w = world(quiet(scenario(reps, weeks=13)), seed)
        if contest:
            act(w, RunContest())
        run_weeks(w, 13, lambda w: set_quota_ratio(w, 1.1))
        return w.revenue_total

    gain = np.mean([revenue(True, s) / revenue(False, s) for s in range(4)])
    assert gain > 1.05


# -------------------------------------------------------------------- P5


def _engagement_after(weeks, ratio, mtype, setup=None, each=None, seed=0):
    w = world(quiet(scenario()), seed)
    r = rep_of(w, mtype)
    if setup:
        setup(w, r)

    def weekly(w):
        set_quota_ratio(w, ratio)
        if each:
            each(w, r)

    run_weeks(w, weeks, weekly)
    return r.engagement


def test_p05_low_quotas_bore_achievers():
    bored = _engagement_after(10, 0.6, T.ACHIEVER)
    stretched = _engagement_after(10, 1.2, T.ACHIEVER)
    assert bored < stretched - 0.05
    # a competitor on the same soft quota is not bored the same way
    comp_soft = _engagement_after(10, 0.6, T.COMPETITOR)
    comp_stretch = _engagement_after(10, 1.2, T.COMPETITOR)
    assert (comp_stretch - comp_soft) < (stretched - bored) - 0.03


def test_p05_plan_and_autonomy_keep_an_achiever_engaged_for_months():
    def grow(w, r):
        act(w, DevelopmentPlan(r.id))
        act(w, GiveAutonomy(r.id))

    grown = _engagement_after(12, 1.2, T.ACHIEVER, setup=grow)
    plain = _engagement_after(12, 1.2, T.ACHIEVER)
    # the rest of the team catches some of it (P18), so the rep keeps part
    assert grown > plain + 0.05


def test_p05_micromanagement_lowers_achievers_most():
    def nag(w, r):
        deals = [d for d in r.open_deals][:3]
        for d in deals:
            act(w, PushDeal(d.id))

    for mtype, drop in ((T.ACHIEVER, 0.06), (T.SERVICE, 0.0)):
        watched = _engagement_after(10, 1.1, mtype, each=nag)
        free = _engagement_after(10, 1.1, mtype)
        if drop:
            assert watched < free - drop
        else:
            assert abs(watched - free) < 0.02


def test_p05_an_achiever_given_a_stretch_goal_sells_more():
    def revenue(grow, seed):
        reps = tuple(rep(n, T.ACHIEVER) for n in ("Ann", "Bo", "Cai", "Dan"))
        w = world(quiet(scenario(reps, weeks=26)), seed)
        if grow:
            for r in w.reps:
                act(w, DevelopmentPlan(r.id))
                act(w, GiveAutonomy(r.id))
        run_weeks(w, 26, lambda w: set_quota_ratio(w, 1.2))
        return w.revenue_total

    gain = np.mean([revenue(True, s) / revenue(False, s) for s in range(4)])
    assert gain > 1.03


# -------------------------------------------------------------------- P6


def _mentored_growth(mentor_type: T, mentor_pace_ok: bool = True, mentored: bool = True):
    reps = (
        rep("Men", mentor_type, skills=Skills(0.7, 0.7, 0.7, 0.7)),
        rep("Nov", T.ACHIEVER, tenure_years=0.1, skills=Skills(0.3, 0.3, 0.3, 0.3)),
    )
    w = world(quiet(scenario(reps)), 0)
    mentor, novice = w.reps
    start = novice.mean_skill
    if mentored:
        act(w, AssignMentor(mentor.id, novice.id))

    def weekly(w):
        # controlled: the mentor's results are on pace, or far behind
        set_quota_ratio(w, 1.0)
        q = mentor.quota(w.period)
        mentor.booked[w.period] = q * w.period_elapsed() * (1.0 if mentor_pace_ok else 0.2)

    run_weeks(w, 12, weekly)
    return novice.mean_skill - start, mentor.engagement


def test_p06_a_mentor_speeds_the_novices_skill_growth():
    with_mentor, _ = _mentored_growth(T.EGO_DRIVEN)
    alone, _ = _mentored_growth(T.EGO_DRIVEN, mentored=False)
    assert with_mentor > alone * 2.0
    assert with_mentor - alone > 0.02


def test_p06_mentoring_works_only_when_the_mentor_performs():
    performing, _ = _mentored_growth(T.EGO_DRIVEN, mentor_pace_ok=True)
    failing, _ = _mentored_growth(T.EGO_DRIVEN, mentor_pace_ok=False)
    assert failing < performing - 0.01


def test_p06_being_made_a_mentor_lifts_an_ego_driven_rep_for_months():
    _, ego_mentor = _mentored_growth(T.EGO_DRIVEN)
    _, ego_plain = _mentored_growth(T.EGO_DRIVEN, mentored=False)
    assert ego_mentor > ego_plain + 0.06


def test_p06_a_mentor_replaced_mentors_no_one_and_the_role_stops_lifting_them():
    """A novice's mentor handed to someone else: the first no longer mentors anyone (on
    the desk, and in their mood, which the role lifted every week), and the week's
    report says who took over."""
    from simulator.api.observing import observe
    from simulator.narrate import Narrator

    reps = (
        rep("Men", T.EGO_DRIVEN, skills=Skills(0.7, 0.7, 0.7, 0.7)),
        rep("Ola", T.EGO_DRIVEN, skills=Skills(0.7, 0.7, 0.7, 0.7)),
        rep("Nov", T.ACHIEVER, tenure_years=0.1, skills=Skills(0.3, 0.3, 0.3, 0.3)),
    )
    w = world(quiet(scenario(reps)), 0)
    first, second, novice = w.reps

    def weekly(w):  # both mentors' results on pace, so the role lifts whoever holds it
        set_quota_ratio(w, 1.0)
        for m in (first, second):
            m.booked[w.period] = m.quota(w.period) * w.period_elapsed()

    act(w, AssignMentor(first.id, novice.id))
    run_weeks(w, 1, weekly)
    week = w.week
    act(w, AssignMentor(second.id, novice.id))
    obs = observe(w)
    assert obs.rep(first.id).mentee is None and obs.rep(second.id).mentee == novice.id
    told = [e for e in w.log.events if e.kind == "mentor_replaced" and e.week == week]
    assert Narrator(obs, "en").line(told[0]) == "Men no longer mentors Nov: Ola does now"
    run_weeks(w, 12, weekly)
    # the one still mentoring is lifted by it week after week; the one replaced is not
    assert first.engagement < second.engagement - 0.05


def test_p06_an_ego_driven_rep_ignored_for_weeks_loses_heart_and_public_praise_helps():
    ignored = _engagement_after(12, 1.1, T.EGO_DRIVEN)

    def praise_monthly(w, r):
        if w.week % 4 == 1:
            act(w, Feedback(r.id, Tone.PRAISE, public=True))

    praised = _engagement_after(12, 1.1, T.EGO_DRIVEN, each=praise_monthly)
    assert ignored < 0.65 - 0.03
    assert praised > ignored + 0.08


def test_p06_coaching_raises_the_coached_skill_towards_potential_faster_for_novices():
    reps = (
        rep("Old", T.ACHIEVER, skills=Skills(0.4, 0.4, 0.4, 0.4)),
        rep("New", T.ACHIEVER, tenure_years=0.2, skills=Skills(0.4, 0.4, 0.4, 0.4)),
    )
    w = world(quiet(scenario(reps, weeks=52)))
    old, new = w.reps
    for _ in range(26):  # a season of weekly coaching on one skill
        act(w, Coach(old.id, Skill.NEGOTIATION))
        act(w, Coach(new.id, Skill.NEGOTIATION))
        w.run_week()
    gain_old = old.skills[Skill.NEGOTIATION] - 0.4
    gain_new = new.skills[Skill.NEGOTIATION] - 0.4
    assert gain_old >= 0.03
    assert gain_new >= gain_old * 1.5  # novices learn faster, and have further to go
    assert old.skills[Skill.PROSPECTING] == 0.4  # the skill coached, not the others
    # no skill grows past what the rep could reach: diminishing returns near it
    assert old.skills[Skill.NEGOTIATION] <= old.potential[Skill.NEGOTIATION]
    left = old.potential[Skill.NEGOTIATION] - old.skills[Skill.NEGOTIATION]
    before = old.skills[Skill.NEGOTIATION]
    act(w, Coach(old.id, Skill.NEGOTIATION))
    assert old.skills[Skill.NEGOTIATION] - before < 0.1 * left + 1e-9


# -------------------------------------------------------------------- P7


def _territory_health(mtype: T, skills: Skills, weeks: int = 26, seed: int = 0):
    """Rep 0's territory after ``weeks``, in a team where only rep 0 differs."""
    reps = (rep("Own", mtype, skills=skills), *team(T.ACHIEVER, T.ACHIEVER, T.ACHIEVER)[1:])
    w = world(quiet(scenario(reps, weeks=weeks)), seed)
    mine = w.accounts.owned_by(0)
    run_weeks(w, weeks, lambda w: set_quota_ratio(w, 1.0))
    acc = w.accounts
    rel = float(np.where(acc.churned[mine], 0.0, acc.relationship[mine]).mean())
    grown = float(acc.potential[mine].sum() / acc.start_potential[mine].sum())
    return rel, grown


def test_p07_service_reps_keep_their_customers_warmer_and_growing():
    service = _territory_health(T.SERVICE, Skills(0.4, 0.5, 0.4, 0.85))
    hunter = _territory_health(T.COMPETITOR, Skills(0.7, 0.5, 0.7, 0.35))
    assert service[0] > hunter[0] + 0.08
    assert service[1] > hunter[1]


def test_p07_key_accounts_in_a_service_reps_care_stay_close():
    def key_health(assign):
        reps = (rep("Svc", T.SERVICE, skills=Skills(0.4, 0.5, 0.4, 0.85)),)
        w = world(quiet(scenario(reps)), 0)
        top = [int(a) for a in w.accounts.owned_by(0)[:3]]
        if assign:
            for a in top:
                act(w, AssignKeyAccount(0, a))
        run_weeks(w, 20, lambda w: set_quota_ratio(w, 1.0))
        return float(w.accounts.relationship[top].mean())

    assert key_health(True) > key_health(False) + 0.1


def test_p07_hunting_quotas_and_contests_hurt_service_reps():
    soft = _engagement_after(10, 1.0, T.SERVICE)
    hunting = _engagement_after(10, 1.6, T.SERVICE)
    assert hunting < soft - 0.02
    calm = _planned_effort(world(seed=2))
    w = world(seed=2)
    act(w, RunContest())
    assert _planned_effort(w)[T.SERVICE] < calm[T.SERVICE]
