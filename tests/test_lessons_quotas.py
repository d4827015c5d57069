"""P1 (the manager's rhythm), P2 (quotas realistic and challenging), P3 (types hidden)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from helpers import (
    TYPES,
    act,
    quiet,
    rep,
    rep_of,
    run_weeks,
    scenario,
    session,
    set_quota_ratio,
    team,
    world,
)

from simulator.api import OneOnOne, PerformanceReview, SetQuota, StrengthsAssessment
from simulator.api.plan import apply_action
from simulator.core.types import MotivationType as T

# ---------------------------------------------------------------- P1 rhythm


def test_p01_game_runs_in_periods_with_quotas_at_starts_and_reviews_at_ends():
    s = session(scenario(weeks=26))
    obs = s.observe()
    assert obs.period_start and obs.week == 1 and obs.period == 0
    assert obs.briefing is not None and obs.team_target > 0
    # a review is out of place mid-period and in place in its last week
    for _ in range(4):
        s.advance_week()
    assert not s.act(PerformanceReview(0)).ok
    while s.week < 13:
        s.advance_week()
    obs = s.observe()
    assert obs.period_end and obs.review_window
    assert s.act(PerformanceReview(0)).ok
    s.advance_week()
    obs = s.observe()
    assert obs.period_start and obs.period == 1 and obs.week_in_period == 0


def test_p01_quota_set_for_next_period_applies_there_and_unset_quotas_carry_over():
    s = session(scenario(weeks=26))
    r0, r1 = s.world.reps[0], s.world.reps[1]
    carried = r1.quota(0)
    assert s.act(SetQuota(r0.id, 123_000, period=1)).ok
    while s.week < 14:
        s.advance_week()
    assert r0.quota(1) == 123_000
    assert r1.quota(1) == carried


# --------------------------------------------------------------- P2 quotas


def _season_effort(ratio: float, seed: int, types=TYPES) -> dict[T, float]:
    """Each type's mean effort over a 13-week period at quotas of ``ratio`` × capacity."""
    w = world(quiet(scenario(team(*types), weeks=13)), seed)
    sums: dict[T, list[float]] = {t: [] for t in types}
    for _ in range(13):
        set_quota_ratio(w, ratio)
        w.run_week()
        for r in w.active_reps:
            sums[r.type].append(r.effort)
    return {t: float(np.mean(v)) for t, v in sums.items()}


def test_p02_effort_over_a_period_is_an_inverted_u_in_quota_difficulty():
    ratios = (0.7, 1.0, 1.15, 1.5, 2.0)
    team_effort = {
        x: np.mean([np.mean(list(_season_effort(x, s).values())) for s in range(3)]) for x in ratios
    }
    rel = {x: team_effort[x] / team_effort[1.0] for x in ratios}
    # coasting below, a peak a little above capacity, about 0.6 at twice capacity
    assert rel[0.7] < 0.9 and rel[1.15] > 1.0
    assert 0.78 <= rel[1.5] <= 0.9
    assert 0.5 <= rel[2.0] <= 0.68
    assert rel[0.7] < rel[1.0] < rel[1.15] > rel[1.5] > rel[2.0]


def test_p02_achievers_peak_higher_and_service_reps_collapse_earlier():
    at = {x: [_season_effort(x, s) for s in range(3)] for x in (1.0, 1.25, 1.5)}

    def mean(x, t):
        return float(np.mean([e[t] for e in at[x]]))

    # an achiever works harder at 1.25× than at 1×; a service rep works less
    assert mean(1.25, T.ACHIEVER) > mean(1.0, T.ACHIEVER) * 1.04
    assert mean(1.25, T.SERVICE) < mean(1.0, T.SERVICE)
    # at 1.5× the service rep has given up far more than the competitor
    fall_service = mean(1.5, T.SERVICE) / mean(1.0, T.SERVICE)
    fall_competitor = mean(1.5, T.COMPETITOR) / mean(1.0, T.COMPETITOR)
    assert fall_service < fall_competitor - 0.1


def _effort_and_revenue(ratio: float, seed: int) -> tuple[float, float]:
    w = world(quiet(scenario(weeks=13)), seed)
    efforts = []

    def keep_ratio(w):
        set_quota_ratio(w, ratio)

    for _ in range(13):
        keep_ratio(w)
        w.run_week()
        efforts.append(np.mean([r.effort for r in w.active_reps]))
    return float(np.mean(efforts)), w.revenue_total


def test_p02_quota_far_above_capacity_lowers_effort_and_revenue():
    stretch = [_effort_and_revenue(1.15, s) for s in range(6)]
    crushing = [_effort_and_revenue(2.0, s) for s in range(6)]
    e_ok, e_bad = np.mean([x[0] for x in stretch]), np.mean([x[0] for x in crushing])
    r_ok, r_bad = np.mean([x[1] for x in stretch]), np.mean([x[1] for x in crushing])
    assert e_bad < e_ok - 0.25
    assert r_bad < 0.9 * r_ok


def test_p02_quota_far_below_capacity_lets_reps_coast():
    stretch = np.mean([_effort_and_revenue(1.15, s)[0] for s in range(3)])
    soft = np.mean([_effort_and_revenue(0.6, s)[0] for s in range(3)])
    assert soft < stretch - 0.12


def test_p02_impossible_quota_erodes_confidence():
    def confidence(ratio):
        w = world(quiet(scenario(weeks=13)), 0)
        run_weeks(w, 8, lambda w: set_quota_ratio(w, ratio))
        return np.mean([r.confidence for r in w.active_reps])

    assert confidence(1.8) < confidence(1.1) - 0.15


def test_p02_raising_the_quota_of_a_rep_who_just_beat_it_feels_like_a_ratchet():
    reps = (
        rep("Ann", T.COMPETITOR, history=((1_000_000.0, 1_300_000.0),)),
        rep("Bo", T.COMPETITOR, history=((1_000_000.0, 1_300_000.0),)),
    )
    w = world(scenario(reps))
    ann, bo = w.reps
    act(w, SetQuota(ann.id, 1_200_000))  # ≈ expected 0.6·1.3M + 0.4·1.0M = 1.18M
    act(w, SetQuota(bo.id, 1_600_000))  # a third above what he expects
    assert ann.trust > 0.59
    assert bo.trust < ann.trust - 0.05


def test_p02_moving_the_goalposts_mid_period_costs_trust():
    w = world(scenario())
    r = w.reps[0]
    run_weeks(w, 5)
    before = r.trust
    act(w, SetQuota(r.id, r.quota(0) * 1.2))
    assert r.trust <= before - 0.02


# -------------------------------------------------------------- P3 types


def test_p03_type_stays_hidden_until_assessment_reveals_it():
    s = session(scenario())
    r = s.world.reps[0]
    assert all(v.type is None for v in s.observe().reps)
    assert s.act(StrengthsAssessment(r.id)).ok
    view = s.observe().rep(r.id)
    assert view.type is r.type and view.revealed_by == "assessment"
    assert view.weakest_skill is not None
    assert s.world.manager.budget_left < s.world.manager.budget_per_period


def test_p03_one_on_ones_give_clues_never_a_verdict_and_a_read_from_them_is_scored():
    """Talking gathers hints that mostly point at the true type; the game never announces
    the type, the manager notes a read, and the debrief scores the read made in time."""
    from simulator.api import HINT_SUGGESTS, ReadType, believed_type
    from simulator.lessons import FOLLOWED, MISSED, debrief

    def season(read: bool):
        s = session(scenario(weeks=26))
        while not s.finished:
            for v in s.observe().reps:
                s.act(OneOnOne(v.id))
                seen = believed_type(v)
                if read and seen is not None and seen is not v.read:
                    assert s.act(ReadType(v.id, seen)).ok
            s.advance_week()
        return s

    s = season(read=True)
    views = s.observe().reps
    assert all(v.type is None for v in views)  # never announced
    for v in views:
        truth = s.world.reps[v.id].type
        right = sum(HINT_SUGGESTS[k] is truth for _, k in v.hints)
        assert len(v.hints) >= 5 and right >= len(v.hints) / 2
    assert sum(v.read is s.world.reps[v.id].type for v in views) >= 3
    assert debrief(s.record()).finding("P3").status == FOLLOWED
    assert debrief(season(read=False).record()).finding("P3").status == MISSED


def test_p03_reactions_to_levers_are_visible_but_the_type_is_not():
    w = world(scenario())
    from simulator.api import RunContest

    act(w, RunContest())
    from simulator.api.observing import observe

    obs = observe(w)
    moods = {e.rep: e.data["mood"] for e in obs.events if e.kind == "reaction"}
    assert moods[rep_of(w, T.COMPETITOR).id] == "up"
    assert moods[rep_of(w, T.SERVICE).id] == "down"
    assert all(v.type is None for v in obs.reps)


def test_p03_a_scenario_can_start_with_types_revealed():
    reps = (rep("Ann", T.SERVICE, revealed=True), rep("Bo", T.ACHIEVER))
    s = session(scenario(reps))
    obs = s.observe()
    assert obs.rep(0).type is T.SERVICE and obs.rep(1).type is None


def test_p03_refused_assessment_when_budget_is_gone():
    scn = scenario()
    scn = replace(scn, manager=replace(scn.manager, budget_per_period=1_000.0))
    w = world(scn)
    result = apply_action(w, StrengthsAssessment(0))
    assert not result.ok and result.code == "no_budget"
    assert not w.reps[0].revealed


def test_p03_praise_in_public_and_in_private_tells_types_apart_by_the_strength_of_reactions():
    """A manager probing with praise sees who lights up: the ego-driven rep strongly at
    public praise, the service rep strongly at private thanks, the others mildly."""
    from simulator.api import Feedback, Tone
    from simulator.core.types import MotivationType as T

    strong = {}
    for public in (True, False):
        s = session(scenario())
        for r in s.observe().reps:
            assert s.act(Feedback(r.id, Tone.PRAISE, public=public)).ok
        seen = {e.rep: e.data["strength"] for e in s.event_log if e.kind == "reaction"}
        strong[public] = {s.world.reps[i].type for i, k in seen.items() if k == "strong"}
        assert all(k in ("mild", "strong") for k in seen.values())
    assert strong[True] == {T.EGO_DRIVEN}
    assert strong[False] == {T.SERVICE}


def test_p03_hints_never_contradict_a_type_already_known():
    """In the tutorial the types are given: what the reps let slip agrees with them."""
    from simulator.api import HINT_SUGGESTS
    from simulator.scenario import load_scenario, scenarios_dir
    from simulator.session import Session

    s = Session(load_scenario(scenarios_dir() / "tutorial.yaml"), 3)
    for _ in range(12):
        for r in s.observe().reps:
            s.act(OneOnOne(r.id))
        s.advance_week()
    views = s.observe().reps
    assert sum(len(v.hints) for v in views) >= 12
    for v in views:
        assert all(HINT_SUGGESTS[k] is v.type for _, k in v.hints if k in HINT_SUGGESTS)
