"""Whole games as recorded: the shipped scenarios under a few policies and seeds play
exactly as they did when this file's fingerprints were written.

Speed work (how deals are stepped, how observations and the event log are built)
must not change a single outcome: every event, every action's fate, the weekly
vital signs and the score are fingerprinted here. When the model is changed on
purpose, write the fingerprints again and say why in the commit::

    python tests/test_golden_games.py --write
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from simulator.policies import make_policy
from simulator.scenario import load_scenario, scenarios_dir
from simulator.session import Session

GOLDEN = Path(__file__).with_name("golden") / "games.json"
GAMES = [
    *((name, "by_the_book", 11) for name in (
        "default", "tutorial", "promoted_over_peers", "industrial_projects",
        "quota_season", "growing_team",
    )),
    ("default", "random", 12),
    ("default", "micromanager", 13),
    ("quota_season", "pressure_cooker", 14),
    ("growing_team", "contest_everyone", 15),
]  # fmt: skip


def _steady(x: object) -> object:
    """Floats to ten significant digits: a real change shows, a last-bit difference
    between two machines' maths libraries does not."""
    if isinstance(x, float):
        return float(f"{x:.10g}")
    if isinstance(x, dict):
        return {str(k): _steady(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_steady(v) for v in x]
    return x


def fingerprint(scenario: str, policy: str, seed: int) -> dict[str, object]:
    """A game's outcome: its score, and a digest of everything that happened in it."""
    session = Session(
        load_scenario(scenarios_dir() / f"{scenario}.yaml"), seed, make_policy(policy)
    )
    session.run()
    record = session.record()
    parts = {
        "events": [e.as_dict() for e in record.events],
        "actions": [a.as_dict() for a in session.action_log],
        "weeks": [asdict(w) for w in record.weeks],
    }
    digest = {
        k: hashlib.sha256(json.dumps(_steady(v), sort_keys=True, default=str).encode()).hexdigest()[
            :16
        ]
        for k, v in parts.items()
    }
    return {
        "total": _steady(record.score.total),
        "components": {c.name: _steady(c.value) for c in record.score.components},
        "events": len(record.events),
        **{f"{k}_digest": d for k, d in digest.items()},
    }


def key(game: tuple[str, str, int]) -> str:
    return "/".join(map(str, game))


@pytest.mark.parametrize("game", GAMES, ids=key)
def test_a_shipped_game_plays_exactly_as_recorded(game):
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))[key(game)]
    assert fingerprint(*game) == recorded


if __name__ == "__main__" and "--write" in sys.argv:
    GOLDEN.parent.mkdir(exist_ok=True)
    games = {key(g): fingerprint(*g) for g in GAMES}
    GOLDEN.write_text(json.dumps(games, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(games)} fingerprints to {GOLDEN}")
