"""Same scenario + seed + actions ⇒ identical results, in one process or many."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor

import numpy as np
from helpers import scenario
from hypothesis import given
from hypothesis import strategies as st

from simulator.core.motivation import quota_effort
from simulator.core.params import EFFORT_CURVES
from simulator.core.rng import Streams
from simulator.policies import POLICIES, make_policy
from simulator.scenario import default_scenario_path, load_scenario
from simulator.session import Session


def _fingerprint(session: Session) -> str:
    events = [e.as_dict() for e in session.event_log]
    return json.dumps(
        {"events": events, "actions": session.log_as_dicts(), "score": session.score().as_dict()},
        sort_keys=True,
        default=str,
    )


def _run(args: tuple[str, int, int]) -> str:
    policy, seed, weeks = args
    scn = load_scenario(default_scenario_path())
    from dataclasses import replace

    s = Session(replace(scn, weeks=weeks), seed, make_policy(policy))
    s.run()
    return _fingerprint(s)


def test_same_seed_and_actions_give_identical_logs_and_score():
    for policy in POLICIES:
        a = _run((policy, 11, 20))
        b = _run((policy, 11, 20))
        assert a == b, policy


def test_the_handbooks_game_is_the_same_played_ahead_a_week_at_a_time_or_at_the_end():
    """The debrief compares the manager's season with the handbook's on the same seed:
    the game can play the handbook's weeks beside the manager's, and they are the
    weeks it would have played at the end."""
    from dataclasses import replace

    scn = replace(load_scenario(default_scenario_path()), weeks=20)
    ahead, at_end = (
        Session(scn, 8, make_policy("hands_off")),
        Session(scn, 8, make_policy("hands_off")),
    )
    played_ahead = 0
    while not ahead.finished:
        ahead.advance_week()
        at_end.advance_week()
        while ahead.handbook_ahead():
            played_ahead += 1
        assert not ahead.handbook_ahead()  # never beyond the manager's own week
    assert played_ahead == scn.weeks - 1  # the last week's waits for the end
    a, b = ahead.handbook(), at_end.handbook()
    assert a.score.as_dict() == b.score.as_dict()
    assert a.score.total != ahead.score().total  # the handbook's season, not the manager's
    assert json.dumps([e.as_dict() for e in a.events], default=str) == json.dumps(
        [e.as_dict() for e in b.events], default=str
    )


def test_different_seeds_give_different_games():
    assert _run(("by_the_book", 1, 13)) != _run(("by_the_book", 2, 13))


def test_parallel_runs_equal_sequential_runs():
    jobs = [(p, s, 13) for p in ("by_the_book", "random") for s in (3, 4)]
    sequential = [_run(j) for j in jobs]
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = list(pool.map(_run, jobs))
    assert parallel == sequential


def test_replaying_the_action_log_rebuilds_the_game_exactly():
    s = Session(scenario(weeks=20), 5, make_policy("by_the_book"))
    for _ in range(12):
        s.advance_week()
    replayed = Session.replay(s.scenario, s.seed, s.log_as_dicts(), weeks_played=12)
    assert _fingerprint(replayed) == _fingerprint(s)
    while not s.finished:
        s.advance_week()
    full = Session.replay(s.scenario, s.seed, s.log_as_dicts())
    assert _fingerprint(full) == _fingerprint(s)


def test_the_log_says_the_same_read_as_it_happens_or_at_the_end():
    """What an action did is put into words only when read: reading the log every
    week (as the desk does) and only at the end (as a batch does) must tell the
    same story, down to a pickled copy."""
    import pickle

    read_weekly = Session(scenario(weeks=16), 9, make_policy("micromanager"))
    weekly = []
    while not read_weekly.finished:
        read_weekly.advance_week()
        weekly.extend(e.as_dict() for e in read_weekly.event_log[len(weekly) :])
    read_at_end = Session(scenario(weeks=16), 9, make_policy("micromanager"))
    read_at_end.run()
    kinds = {e["kind"] for e in weekly}
    assert {"action", "action_effects"} <= kinds
    assert [e.as_dict() for e in read_at_end.event_log] == weekly
    copy = pickle.loads(pickle.dumps(list(read_at_end.event_log)))
    assert copy == list(read_at_end.event_log)


def test_the_log_holds_plain_values_that_a_file_keeps_as_they_were():
    """Every event's data is plain JSON (no numpy truth values or counts slipping
    through from the model): an exported log says ``true``, not ``"True"``."""
    let_go = []
    base = load_scenario(default_scenario_path())
    for seed in range(12, 18):  # a random manager lets people go, fairly or not
        s = Session(base, seed, make_policy("random"))
        s.run()
        events = [e.as_dict() for e in s.event_log]
        assert json.loads(json.dumps(events)) == events  # no default= needed, nothing lost
        let_go += [
            e["data"]["effects"]["fair"]
            for e in events
            if e["kind"] == "action_effects" and e["data"]["action"] == "let_go"
        ]
    assert len(let_go) >= 3 and all(type(fair) is bool for fair in let_go)


def test_an_action_in_week_5_leaves_the_market_luck_of_weeks_1_to_4_alone():
    """Named streams: what the manager does never shifts the market's dice."""
    from simulator.api import CashBonus, RunContest

    base = Session(scenario(weeks=12), 9)
    busy = Session(scenario(weeks=12), 9)
    for week in range(1, 13):
        if week >= 5:
            busy.act(RunContest())
            busy.act(CashBonus(0, 2_000))
        base.advance_week()
        busy.advance_week()
        if week == 4:
            assert _fingerprint(base) == _fingerprint(busy)

    # the market's own rolls (random events) are the same whatever the manager did
    def market_rolls(s):
        return [e.as_dict() for e in s.event_log if e.kind == "market_event"]

    assert market_rolls(base) == market_rolls(busy)
    # an account's n-th opportunity gets the same dice in both games (common random numbers)
    dice = [
        {(d.account, d.serial): tuple(d.u) for d in s.world.deals.values()} for s in (base, busy)
    ]
    common = set(dice[0]) & set(dice[1])
    assert len(common) > 30
    assert all(dice[0][k] == dice[1][k] for k in common)


def test_streams_are_named_and_independent():
    s = Streams(7)
    a1 = s.get("market.leads").random(3)
    s2 = Streams(7)
    s2.get("rep.quit", 0).random(100)  # another stream used first
    a2 = s2.get("market.leads").random(3)
    assert (a1 == a2).all()
    assert (Streams(7).get("x").random(3) != Streams(8).get("x").random(3)).any()


def test_a_weekly_stream_gives_the_same_numbers_however_far_ahead_it_was_made():
    """A week's generator made with the weeks after it (Streams.weekly) draws what the
    week's own generator, made alone, draws: from week 0, in the middle, past the end."""
    for week in (0, 5, 13, 51, 60):
        alone = Streams(7).get("delegation.review", week).random(5)
        ahead = Streams(7)
        ahead.weekly("delegation.review", max(0, week - 3))  # made with earlier weeks
        assert (ahead.weekly("delegation.review", week).random(5) == alone).all()
        assert (Streams(7).weekly("delegation.review", week).random(5) == alone).all()
    assert (
        Streams(7).weekly("delegation.review", 3).random(3)
        != Streams(7).weekly("delegation.review", 4).random(3)
    ).any()


_KNOTS = sorted({x for xs, _ in EFFORT_CURVES.values() for x in xs})


@given(st.floats(min_value=-1.0, max_value=6.0, allow_nan=False) | st.sampled_from(_KNOTS))
def test_the_effort_curve_is_read_as_numpy_reads_it_to_the_last_bit(difficulty):
    """A rep's effort at a quota difficulty is the straight line between the curve's
    points, flat beyond its ends: read without numpy, and bit for bit what
    ``numpy.interp`` gives (results stay as they were)."""
    for mtype, (xs, ys) in EFFORT_CURVES.items():
        assert quota_effort(difficulty, mtype) == float(np.interp(difficulty, xs, ys))


def test_the_funnel_keeps_its_deals_in_the_order_they_were_made():
    """The open deals are listed by id (the order they were made) all season: the
    deputy's review goes through them in that order without sorting them first."""
    for policy in ("by_the_book", "random", "micromanager"):
        s = Session(load_scenario(default_scenario_path()), 13, make_policy(policy))
        while not s.finished:
            s.advance_week()
            ids = list(s.world.open)
            assert ids == sorted(ids)


def test_a_closed_deal_tells_the_same_story_whenever_its_entry_is_read():
    """A won or lost deal's log entry (what moved its odds, who pushed it) is put into
    words when first read; a closed deal's ledger is final, so reading it the week it
    closed or at the season's end gives the same entry."""
    for policy in ("by_the_book", "random"):
        s = Session(load_scenario(default_scenario_path()), 17, make_policy(policy))
        early: dict[int, str] = {}
        while not s.finished:
            report = s.advance_week()
            for e in report.events:
                if e.kind in ("deal_won", "deal_lost"):
                    early[e.data["deal"]] = json.dumps(e.data)
        assert len(early) > 20
        for deal_id, told in early.items():
            deal = s.world.deals[deal_id]
            again = json.loads(told)
            assert again["causes"] == json.loads(json.dumps(deal.told_causes()))
            assert again["pushed"] == {by: round(idle) for by, idle in deal.pushes.items()}


def test_the_cycle_collector_runs_between_weeks_and_is_left_as_it_was_found():
    """A week runs with Python's cycle collector paused (collector.py): that is safe only
    if a week leaves no reference cycles behind, and only polite if the collector is
    on again afterwards (or still off, for a caller who had switched it off)."""
    import gc

    session = Session(load_scenario(default_scenario_path()), 5, make_policy("by_the_book"))
    for _ in range(3):
        session.advance_week()
    gc.collect()
    left_in_cycles = []
    for _ in range(10):
        session.advance_week()
        assert gc.isenabled()
        left_in_cycles.append(gc.collect())
    assert left_in_cycles == [0] * 10
    gc.disable()
    try:
        session.advance_week()
        assert not gc.isenabled()
    finally:
        gc.enable()
    session.run()
    assert gc.isenabled()
