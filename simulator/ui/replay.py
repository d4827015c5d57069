"""A saved game, week by week, as the player lived it: for stepping back and forth.

The save is replayed once, week by week; at the start of each week the
observation (exactly what the manager saw) is kept, with the actions taken
that week (refused ones with their reasons) and the week's news. Nothing
here draws; the replay scene shows one of these frames at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..api import Action, Observation
from ..narrate import Narrator
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
        replaying = Session.replaying(session.scenario, save.seed, save.actions, save.weeks_played)
        frames = []
        nar = Narrator(session.observe(), lang)
        for week in replaying:
            nar = Narrator(week.obs, lang)
            done = [
                Done(
                    self.describe(nar, r.action),
                    r.ok,
                    nar.refusal(r.refusal) if r.refusal is not None else "",
                )
                for r in week.results
            ]
            after = replaying.session.observe()
            nar = Narrator(after, lang)
            history = after.history
            frames.append(
                Frame(
                    week=week.obs.week,
                    obs=week.obs,
                    done=tuple(done),
                    news=tuple(nar.week_report(week.report.events)),
                    revenue=tuple(m.revenue for m in history),
                    target=tuple(m.target for m in history),
                    mood=tuple(m.mood for m in history),
                )
            )
        self.frames: tuple[Frame, ...] = tuple(frames)
        self.session = replaying.session
        self.narrator = nar

    @staticmethod
    def describe(nar: Narrator, action: Action) -> str:
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
