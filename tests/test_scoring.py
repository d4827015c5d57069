"""Scorecard components respond to what they claim to measure."""

from __future__ import annotations

from helpers import act, rep, run_weeks, scenario, session, world

from simulator.api import LetGo
from simulator.core.types import MotivationType as T
from simulator.scoring import score


def test_letting_a_performer_go_counts_as_regretted_attrition_a_laggard_does_not():
    reps = (
        rep("Ann", T.COMPETITOR),
        rep("Bo", T.ACHIEVER),
        rep("Cai", T.SERVICE),
        rep("Dan", T.EGO_DRIVEN),
    )
    w = world(scenario(reps, weeks=4))
    run_weeks(w, 1)
    star, laggard = w.reps[0], w.reps[1]
    star.booked[0] = star.quota(0)
    laggard.booked[0] = 0.0
    act(w, LetGo(star.id))
    act(w, LetGo(laggard.id))
    run_weeks(w, 3)
    card = score(w)
    assert card.regretted == 1 and card.attrition == 2
    assert card.component("attrition").value == 50.0


def test_weights_come_from_the_scenario():
    from dataclasses import replace

    from simulator.core.spec import ScoringWeights

    only_revenue = ScoringWeights(1, 0, 0, 0, 0, 0, 0)
    s = session(replace(scenario(weeks=4), scoring=only_revenue))
    card = s.run()
    assert card.total == card.component("revenue").value
