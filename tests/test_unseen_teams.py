"""The lessons hold on teams and markets no scenario file describes.

The model was calibrated with the shipped scenarios in view; these are drawn at
random (``simulator.analysis.unseen``: any mix of types, team sizes, sales
cycles and targets), so a lesson that held only on the shipped files would show
here. ``benchmarks/unseen.py`` measures the same on more draws and seeds.
"""

from __future__ import annotations

import numpy as np

from simulator.analysis.unseen import describe, write
from simulator.policies import make_policy
from simulator.scenario import load_scenario
from simulator.session import Session

POLICIES = ("by_the_book", "hands_off", "pressure_cooker")


def test_the_handbook_leads_neglect_and_pressure_on_teams_nobody_tuned_the_model_on(tmp_path):
    """Over a season, managing by the handbook scores at least 10 points above leaving
    the team alone and above driving it with pressure, on each of three random teams
    (the leads seen over 12 random teams × 10 seeds: 19–33 and 30–52 points)."""
    rng = np.random.default_rng(np.random.SeedSequence(7))
    for k in range(1, 4):
        path, data, stretch = write(tmp_path, rng, k)
        scenario = load_scenario(path)
        total = {
            p: np.mean([Session(scenario, s, make_policy(p)).run().total for s in (1, 2)])
            for p in POLICIES
        }
        for other in POLICIES[1:]:
            lead = total["by_the_book"] - total[other]
            assert lead >= 10, f"{describe(data, stretch)}: by_the_book − {other} = {lead:.1f}"
