"""A saved game, week by week, as the player lived it: for stepping back and forth.

The save is replayed once on a fresh world; at the start of each week the
observation (exactly what the manager saw) is kept, with the actions taken
that week (refused ones with their reasons) and the week's news. Nothing
here draws; the replay scene shows one of these frames at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..actions import action_from_dict
from ..narrate import Narrator
from ..observe import Observation
from ..saves import SaveGame
from ..session import Session


@dataclass(frozen=True)
class Done:
    """One action of the week: what it was, and whether it went through."""

    text: str
    ok: bool
    why: str = ""


@dataclass(frozen=True)
class Frame:
    week: int
    obs: Observation
    done: tuple[Done, ...]
    news: tuple[str, ...]
    revenue: tuple[float, ...]  # cumulative revenue up to the end of this week
    target: tuple[float, ...]
    mood: tuple[float, ...]


class Replay:
    """Every week of a saved game, ready to show."""

    def __init__(self, save: SaveGame, session: Session, lang: str = "en") -> None:
        self.save = save
        self.scenario = session.scenario
        self.lang = lang
        fresh = Session(session.scenario, save.seed)
        nar = Narrator(fresh, lang)
        by_week: dict[int, list] = {}
        for row in save.actions:
            by_week.setdefault(int(row["week"]), []).append(action_from_dict(row["action"]))
        frames = []
        for _ in range(save.weeks_played):
            if fresh.finished:
                break
            obs = fresh.observe()
            done = []
            for action in by_week.get(fresh.week, []):
                result = fresh.act(action)
                text = self.describe(nar, action)
                done.append(Done(text, result.ok, nar.refusal(result.code, result.reason)))
            report = fresh.advance_week()
            weeks = fresh.world.metrics.weeks
            frames.append(
                Frame(
                    week=obs.week,
                    obs=obs,
                    done=tuple(done),
                    news=tuple(nar.lines(report.events)),
                    revenue=tuple(m.revenue for m in weeks),
                    target=tuple(m.target for m in weeks),
                    mood=tuple(m.mood_seen for m in weeks),
                )
            )
        self.frames: tuple[Frame, ...] = tuple(frames)
        self.session = fresh
        self.narrator = nar

    @staticmethod
    def describe(nar: Narrator, action) -> str:
        parts = [nar.action_name(action.kind, action.to_dict())]
        rep = getattr(action, "rep", None)
        if rep is not None:
            parts.append(nar.rep(rep))
        for field in ("mentor", "novice", "rival", "deputy"):
            who = getattr(action, field, None)
            if who is not None:
                parts.append(nar.rep(who))
        if hasattr(action, "amount"):
            parts.append(nar.money(action.amount))
        if hasattr(action, "deal"):
            parts.append(nar.deal_account(action.deal))
        return " · ".join(parts)

    def __len__(self) -> int:
        return len(self.frames)
