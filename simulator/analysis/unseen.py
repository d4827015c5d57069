"""Scenarios nobody tuned the model on: random teams and markets, drawn from a seed.

The shipped scenarios were written with the model in view; a lesson that holds
only there teaches the scenarios, not management. :func:`write` draws a new
scenario file, a plausible team and market that no file describes:

- a team of 3 to 14 reps, each type drawn at random (a team may lack a type, or
  be all of one), tenures from a few months to twelve years, skills, moods and
  territories spread around the shipped teams' ranges;
- one to three market segments, with their own account counts, deal sizes,
  sales cycles (2 to 14 months), win and lead rates;
- support pools sized to the team, an incentive budget in proportion;
- a season of 26 or 52 weeks, and a team target of 0.85 to 1.2 times what the
  team could truly book at full effort (read from the model once the file is
  made), so some seasons are easy and some are not;
- no scripted events (those are written for a scenario's own people).

``benchmarks/unseen.py`` plays the policies and the levers experiments on
them; a test keeps the handbook ahead on a few.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import yaml

from ..core.names import person_name
from ..scenario import load_scenario
from ..session import Session

TYPES = ("competitor", "achiever", "ego_driven", "service")
SEGMENT_NAMES = ("enterprise", "midmarket", "small")


def _rep(rng: np.random.Generator, taken: set[str]) -> dict[str, Any]:
    """One rep of a random team: type, tenure, skills and moods drawn around the shipped
    teams' ranges (a service rep cares for accounts better, as the model's types say)."""
    kind = TYPES[int(rng.integers(4))]
    name, name_zh, pronoun = person_name(rng, taken)
    taken.add(name)
    tenure = float(np.clip(rng.lognormal(np.log(2.5), 0.9), 0.2, 12.0))
    base = 0.35 + 0.3 * min(1.0, tenure / 6) + rng.normal(0, 0.06, 4)
    care = base[3] + (0.25 if kind == "service" else 0.0)
    rep: dict[str, Any] = {
        "name": name,
        "name_zh": name_zh,
        "type": kind,
        "tenure_years": round(tenure, 1),
        "skills": {
            k: round(float(np.clip(v, 0.2, 0.9)), 2)
            for k, v in zip(
                ("prospecting", "solution", "negotiation", "account_care"),
                (*base[:3], care),
                strict=True,
            )
        },
        "engagement": round(float(rng.uniform(0.45, 0.8)), 2),
        "confidence": round(float(rng.uniform(0.4, 0.75)), 2),
        "trust": round(float(rng.uniform(0.4, 0.75)), 2),
        "stress": round(float(rng.uniform(0.15, 0.45)), 2),
        "territory": round(float(rng.uniform(0.7, 1.3)), 2),
    }
    if pronoun:
        rep["pronoun"] = pronoun
    if tenure >= 5 and rng.random() < 0.5:
        rep["veteran"] = True
    return rep


def _segment(rng: np.random.Generator, name: str, reps: int, share: float) -> dict[str, Any]:
    size = float(rng.lognormal(np.log(250_000), 0.8))
    lo = float(rng.uniform(2, 7))
    hi = min(14.0, lo * float(rng.uniform(1.3, 2.2)))
    return {
        "name": name,
        "accounts": max(6, round(reps * share * rng.uniform(30, 55))),
        "potential": round(size * float(rng.uniform(2.5, 4.5)), -3),
        "deal_size": round(size, -3),
        "deal_size_sigma": round(float(rng.uniform(0.3, 0.55)), 2),
        "cycle_months": [round(lo, 1), round(hi, 1)],
        "win_rate": round(float(rng.uniform(0.25, 0.5)), 2),
        "lead_rate": round(float(rng.uniform(0.5, 1.8)), 2),
        "relationship": [0.3, 0.6],
    }


def draw(rng: np.random.Generator, k: int) -> dict[str, Any]:
    """A random scenario file (its team target still to be set from the team's capacity)."""
    n = int(rng.integers(3, 15))
    taken: set[str] = set()
    reps = [_rep(rng, taken) for _ in range(n)]
    parts = int(rng.integers(1, 4))
    shares = rng.dirichlet(np.ones(parts) * 2)
    segments = [_segment(rng, SEGMENT_NAMES[i], n, float(shares[i])) for i in range(parts)]
    weeks = 52 if rng.random() < 0.7 else 26
    return {
        "version": "1",
        "title": {"en": f"Unseen team {k}", "zh": f"未见过的团队 {k}"},
        "weeks": weeks,
        "period_weeks": 13,
        "team_target": [1.0],
        "manager": {
            "hours_per_week": 40,
            "admin_hours": round(float(rng.uniform(6, 12))),
            "budget_per_period": round(7_500 * n, -3),
            "max_headcount": n + 2,
        },
        "support": {
            "presales": max(1, round(n / 4 * rng.uniform(0.6, 1.4))),
            "consultants": int(rng.integers(0, 3)),
            "executives": 1,
            "legal": int(rng.integers(0, 2)),
        },
        "market": {
            "competitor_pressure": round(float(rng.uniform(0.05, 0.2)), 2),
            "starting_zombie_share": round(float(rng.uniform(0.1, 0.4)), 2),
            "segments": segments,
        },
        "reps": reps,
    }


def capacity(path: Path) -> float:
    """What the team could book in a period at full effort, as the model reckons it
    (the trainer's record of the season's start)."""
    return sum(r.capacity_start for r in Session(load_scenario(path), 0).record().reps)


def write(folder: Path, rng: np.random.Generator, k: int) -> tuple[Path, dict[str, Any], float]:
    """Write the k-th random scenario to ``folder``; its file, its data and its target's
    multiple of the team's capacity."""
    data = draw(rng, k)
    path = folder / f"unseen_{k:02d}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    stretch = float(rng.uniform(0.85, 1.2))
    data["team_target"] = [round(capacity(path) * stretch, -3)]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_scenario(path)  # a trainer's check: the file loads
    return path, data, stretch


def describe(data: dict[str, Any], stretch: float) -> str:
    kinds = [r["type"] for r in data["reps"]]
    mix = "/".join(str(kinds.count(t)) for t in TYPES)
    cycles = ",".join(
        f"{s['cycle_months'][0]:.0f}-{s['cycle_months'][1]:.0f}" for s in data["market"]["segments"]
    )
    return (
        f"{len(kinds):>2} reps (C/A/E/S {mix}), cycles {cycles} mo, {data['weeks']} wk, "
        f"target {stretch:.2f}× cap"
    )
