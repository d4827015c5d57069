"""A session: one scenario, one seed, one manager (a player or a policy).

The session owns the week loop::

    session = Session(scenario, seed=7, policy=make_policy("by_the_book"))
    while not session.finished:
        session.advance_week()
    print(session.score().total)

A human-driven session has no policy: the interface calls :meth:`act` for each
planned action and then :meth:`advance_week`. Either way every action is
recorded in :attr:`action_log`, so a game is its scenario, its seed and that
log, and :meth:`replay` rebuilds it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .actions import Action, Result, action_from_dict, apply_action, seen_by_manager
from .core.events import Event
from .core.rng import Streams
from .core.spec import Scenario
from .core.world import WeekSummary, World
from .observe import Observation, observe
from .scoring import Scorecard, score


@dataclass(frozen=True)
class ActionRecord:
    """One line of the action log."""

    week: int
    action: Action
    ok: bool
    code: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "action": self.action.to_dict(),
            "ok": self.ok,
            "code": self.code,
        }


@dataclass(frozen=True)
class WeekReport:
    """What a week brought, as the manager saw it."""

    summary: WeekSummary
    events: tuple[Event, ...]


class Session:
    """Scenario + seed + controller; advances one week at a time."""

    def __init__(self, scenario: Scenario, seed: int, policy: Any | None = None) -> None:
        self.scenario = scenario
        self.seed = int(seed)
        self.streams = Streams(self.seed)
        self.world = World(scenario, self.streams)
        self.policy = policy
        if policy is not None and hasattr(policy, "reset"):
            policy.reset(self.streams.get("policy"))
        self.action_log: list[ActionRecord] = []
        self.reports: list[WeekReport] = []

    # --------------------------------------------------------------- state
    @property
    def week(self) -> int:
        return self.world.week

    @property
    def finished(self) -> bool:
        return self.world.finished

    @property
    def event_log(self) -> list[Event]:
        return self.world.log.events

    def observe(self) -> Observation:
        return observe(self.world)

    # ------------------------------------------------------------- acting
    def act(self, action: Action) -> Result:
        """Apply one action now; refused actions are logged and change nothing.

        The result carries only what a manager perceives (see
        :func:`simulator.actions.seen_by_manager`); the full effects are in the
        event log for the debrief.
        """
        result = apply_action(self.world, action)
        self.action_log.append(ActionRecord(self.world.week, action, result.ok, result.code))
        return seen_by_manager(result)

    def act_all(self, actions: Iterable[Action]) -> list[Result]:
        return [self.act(a) for a in actions]

    def advance_week(self) -> WeekReport:
        """Let the policy (if any) act, then simulate the week."""
        if self.finished:
            raise RuntimeError("the scenario is over")
        if self.policy is not None:
            self.act_all(self.policy.decide(self.observe()))
        week = self.world.week
        summary = self.world.run_week()
        events = tuple(e for e in self.world.log.of_week(week) if e.visible)
        report = WeekReport(summary, events)
        self.reports.append(report)
        return report

    def run(self) -> Scorecard:
        """Play the scenario to its end and score it."""
        while not self.finished:
            self.advance_week()
        return self.score()

    def score(self) -> Scorecard:
        return score(self.world)

    # ------------------------------------------------------------- replay
    def log_as_dicts(self) -> list[dict[str, Any]]:
        return [r.as_dict() for r in self.action_log]

    @classmethod
    def replay(
        cls,
        scenario: Scenario,
        seed: int,
        log: Iterable[dict[str, Any]],
        weeks_played: int | None = None,
    ) -> Session:
        """Rebuild a game from its action log (as written by :meth:`log_as_dicts`).

        ``weeks_played`` weeks are advanced (all of them by default); actions
        logged for the week after are applied too, as a game saved mid-week
        had them planned.
        """
        session = cls(scenario, seed)
        by_week: dict[int, list[Action]] = {}
        for row in log:
            by_week.setdefault(int(row["week"]), []).append(action_from_dict(row["action"]))
        played = scenario.weeks if weeks_played is None else weeks_played
        for _ in range(played):
            if session.finished:
                break
            session.act_all(by_week.get(session.week, []))
            session.advance_week()
        if not session.finished:
            session.act_all(by_week.get(session.week, []))
        return session
