"""A session: one scenario, one seed, one manager (a player or a policy).

The session owns the week loop::

    session = Session(scenario, seed=7, policy=make_policy("by_the_book"))
    while not session.finished:
        session.advance_week()
    print(session.score().total)

Each week the manager makes a :class:`~simulator.api.plan.Plan` from what they
see (:meth:`observe`): a policy's ``decide`` fills it, a player fills it at the
desk, then :meth:`carry_out` does its actions and :meth:`advance_week` lets
five working days pass. :meth:`act` plans and carries out one action at once.
Every action tried is recorded in :attr:`action_log` with the plan it was in,
so a game is its scenario, its seed and that log, and :meth:`replay` rebuilds
it exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import collector, policy_errors
from .api.actions import Action, Result, action_from_dict
from .api.frozen import frozen
from .api.observation import Observation
from .api.observing import observe
from .api.plan import Plan, PlannedActions, carry_out
from .core.events import Event, told_in
from .core.rng import Streams
from .core.spec import Scenario
from .core.world import WeekSummary, World
from .record import Record, make_record
from .scoring import Scorecard, score


@dataclass(frozen=True)
class ActionRecord:
    """One line of the action log: the week, the action, whether it was done, and in which plan."""

    week: int
    action: Action
    ok: bool
    code: str = ""
    plan: int = 0  # plans are numbered through the game; one plan is one batch of decisions

    def as_dict(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "plan": self.plan,
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
        with collector.paused():  # the world is made to last: nothing to collect while it is
            self.world = World(scenario, self.streams)
        self.policy = policy
        if policy is not None and hasattr(policy, "reset"):
            policy_errors.reset(policy, self.streams.get("policy"))
        self.action_log: list[ActionRecord] = []
        self.reports: list[WeekReport] = []
        self._plans = 0
        self._handbook: Record | None = None
        self._book: Session | None = None  # the handbook's game, while played ahead

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
        """What the manager can see now."""
        return observe(self.world)

    def plan(self) -> Plan:
        """An empty plan for the week, against what the manager can see now."""
        return Plan(self.observe())

    # ------------------------------------------------------------- acting
    def carry_out(self, plan: Plan) -> list[Result]:
        """Do a plan's actions in the order it was made (its refusals are logged, not done).

        The results carry only what a manager perceives; the full effects are
        in the event log for the debrief.
        """
        if not plan.tried:
            return []
        self._plans += 1
        week = self.world.week
        results = carry_out(self.world, plan)
        n = self._plans
        for r in results:
            self.action_log.append(
                frozen(
                    ActionRecord,
                    {"week": week, "action": r.action, "ok": r.ok, "code": r.code, "plan": n},
                )
            )
        return results

    def act(self, action: Action) -> Result:
        """Plan one action on its own and carry it out now; a refused one changes nothing."""
        plan = self.plan()
        plan.add(action)
        return self.carry_out(plan)[0]

    def act_all(self, actions: Iterable[Action]) -> list[Result]:
        """Plan these actions as one week's plan and carry it out."""
        plan = self.plan()
        for a in actions:
            plan.add(a)
        return self.carry_out(plan)

    def advance_week(self) -> WeekReport:
        """Let the policy (if any) plan and act, then simulate the week."""
        if self.finished:
            raise RuntimeError("the scenario is over")
        with collector.paused():  # the week makes no cycles: collect after it (collector.py)
            return self._advance_week()

    def _advance_week(self) -> WeekReport:
        if self.policy is not None:
            plan = self.plan()
            decided = policy_errors.decide(self.policy, plan.obs)
            judged = (
                decided.plan.judged_as(plan.obs, decided)
                if isinstance(decided, PlannedActions)
                else None
            )
            if judged is not None:  # the policy's own plan, judged once
                plan = judged
            else:
                for a in decided:
                    plan.add(a)
            self.carry_out(plan)
        week = self.world.week
        summary = self.world.run_week()
        events = tuple(e for e in self.world.log.seen_since(week) if told_in(e, week))
        report = WeekReport(summary, events)
        self.reports.append(report)
        return report

    def run(self, on_week: Callable[[int, int], None] | None = None) -> Scorecard:
        """Play the scenario to its end and score it; ``on_week(done, weeks)`` after
        each week (a progress bar's hook)."""
        with collector.paused():  # a season makes no cycles either: collect after it
            while not self.finished:
                self.advance_week()
                if on_week is not None:
                    on_week(self.world.week - 1, self.scenario.weeks)
        return self.score()

    def score(self) -> Scorecard:
        return score(self.world)

    # ------------------------------------------------------------- experiments
    def set_quotas_by_capacity(self, multiple: float) -> None:
        """Every rep's quota this period at ``multiple`` × their true capacity.

        For controlled experiments on the model (how hard do reps work at 1.5×
        their capacity?), not for managers: no manager knows a rep's true
        capacity, so no action of the game can do this.
        """
        w = self.world
        w.refresh_capacity()
        for rep in w.active_reps:
            rep.quotas[w.period] = multiple * rep.capacity

    @property
    def period_start(self) -> bool:
        return self.world.is_period_start()

    # ------------------------------------------------------------- after the game
    def record(self) -> Record:
        """The game as it really was so far: the trainer's read-only truth."""
        return make_record(self)

    def handbook(self, on_week: Callable[[int, int], None] | None = None) -> Record:
        """The same scenario and seed played to its end by the handbook's policy.

        Played once per session and kept: the debrief, the report and the
        comparison charts all read this one game. ``on_week`` as in :meth:`run`.
        """
        if self._handbook is None:
            book = self._book_game()
            book.run(on_week)
            self._handbook = book.record()
            self._book = None
        return self._handbook

    def handbook_ahead(self) -> bool:
        """Play one more week of the handbook's game (:meth:`handbook`) if it is behind
        this one; whether it was behind.

        The game is the same whenever its weeks are played; played a week at a time
        beside the manager's own, it is ready when the season ends, and the debrief
        opens without playing a whole year first.
        """
        if self._handbook is not None:
            return False
        book = self._book_game()
        if book.finished or book.week >= self.week:
            return False
        book.advance_week()
        return True

    def _book_game(self) -> Session:
        if self._book is None:
            from .policies import make_policy

            self._book = Session(self.scenario, self.seed, make_policy("by_the_book"))
        return self._book

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
        on_week: Callable[[int, int], None] | None = None,
    ) -> Session:
        """Rebuild a game from its action log (as written by :meth:`log_as_dicts`).

        ``weeks_played`` weeks are advanced (all of them by default); actions
        logged for the week after are applied too, as a game saved mid-week
        had them planned. Each logged plan is made again, in order, against the
        same observation, so it is judged and carried out exactly as it was.
        ``on_week(done, weeks)`` is called after each week (a progress bar's hook).
        """
        replaying = cls.replaying(scenario, seed, log, weeks_played)
        for done, _ in enumerate(replaying, 1):
            if on_week is not None:
                on_week(done, replaying.weeks)
        return replaying.session

    @classmethod
    def replaying(
        cls,
        scenario: Scenario,
        seed: int,
        log: Iterable[dict[str, Any]],
        weeks_played: int | None = None,
    ) -> Replaying:
        """The same replay, a week at a time (see :class:`Replaying`)."""
        return Replaying(cls(scenario, seed), log, weeks_played)


@dataclass(frozen=True)
class ReplayedWeek:
    """One week of a replayed game: what the manager saw, did, and heard."""

    obs: Observation  # at the start of the week, before any action
    results: tuple[Result, ...]  # the week's actions, done or refused, in order
    report: WeekReport


class Replaying:
    """A game rebuilt from its action log, week by week (iterate it for each week)."""

    def __init__(
        self, session: Session, log: Iterable[dict[str, Any]], weeks_played: int | None
    ) -> None:
        self.session = session
        self.plans: dict[int, list[list[Action]]] = {}
        last: tuple[int, Any] | None = None
        for row in log:
            week = int(row["week"])
            key = (week, row.get("plan"))
            if key != last:
                self.plans.setdefault(week, []).append([])
                last = key
            try:
                action = action_from_dict(row["action"])
            except ValueError as e:  # a damaged or tampered log: which action, which week
                raise ValueError(
                    f"week {week}, action {len(self.plans[week][-1]) + 1}: {e}"
                ) from None
            self.plans[week][-1].append(action)
        self.weeks = session.scenario.weeks if weeks_played is None else weeks_played

    def _act(self) -> list[Result]:
        results: list[Result] = []
        for actions in self.plans.get(self.session.week, []):
            results += self.session.act_all(actions)
        return results

    def __iter__(self) -> Iterator[ReplayedWeek]:
        s = self.session
        for _ in range(self.weeks):
            if s.finished:
                break
            obs = s.observe()
            results = self._act()
            yield ReplayedWeek(obs, tuple(results), s.advance_week())
        if not s.finished:  # a game saved mid-week had these planned
            self._act()
