"""What a debrief is made of: findings with their moments, stories, and the facts they read.

A score says *how well*; a debrief must say *why*. Each lesson of the
management model is checked against what the manager actually did (the
action log) and what happened (the event log), with the concrete moments a
trainer points to: "week 14: Li Na criticised in public", "Wang's quota
¥1.60M, booked ¥0.60M (38%)". After the game the hidden truths are no longer
hidden, so findings may use them (each rep's real type, who left and why).

Each finding carries a status — followed, partly, missed, or not tested when
the game gave no occasion (no novices to mentor, no promise made) — and its
moments as language-neutral keys with values, so the game and the trainer's
report tell them in English or Chinese (:mod:`simulator.texts`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..api import (
    Delegate,
    DelegatedTask,
    Feedback,
    MotivationType,
    ProfitShare,
    RunContest,
    Supervision,
    choice_word,
)
from ..record import Record, RepTruth

FOLLOWED, PARTLY, MISSED, UNTESTED = "followed", "partly", "missed", "untested"
P2_LOW, P2_HIGH = 0.9, 1.35  # quota ÷ true capacity: realistic and challenging
P2_HARD, P2_EASY = 0.5, 1.5  # booked ÷ quota at a period's end: out of reach, or asked too little
# a quota that crushes: this many times what the rep can book when set (past the model's
# give-up); one such keeps P2 from reading as followed, however fair the others were
P2_CRUSHING = 1.8
LESSONS = tuple(f"P{i}" for i in range(1, 19))


@dataclass(frozen=True)
class Moment:
    """One concrete moment behind a finding: a week (0 = the whole game), a text key, values."""

    week: int
    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    lesson: str
    status: str
    summary: Moment
    moments: tuple[Moment, ...] = ()


@dataclass(frozen=True)
class Story:
    """One rep's season: who they really were, when you found out, what moved them."""

    rep: int
    name: str
    name_zh: str
    type: str
    revealed_week: int | None
    revealed_by: str | None
    engagement_start: float
    engagement_end: float
    lifted_by: tuple[str, ...]  # levers that visibly lifted them, most often first
    put_off_by: tuple[str, ...]
    one_on_ones: int
    left_week: int | None
    left_reason: str | None
    results: tuple[tuple[float, float], ...]  # (quota, booked) of each period played
    # the manager's own read of their type as it last stood, and the week it was made
    read: str | None = None
    read_week: int | None = None


def status_of(share: float, good: float = 0.75, some: float = 0.25) -> str:
    if share >= good:
        return FOLLOWED
    return PARTLY if share >= some else MISSED


class Facts:
    """What the record says, gathered once: actions done by kind, events by kind."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self.weeks_played = record.scenario.weeks if record.finished else record.weeks_played + 1
        self.done: list[tuple[int, Any]] = [(r.week, r.action) for r in record.actions if r.ok]
        self.by_kind: dict[str, list[tuple[int, Any]]] = defaultdict(list)
        for week, a in self.done:
            self.by_kind[a.kind].append((week, a))
        self.events = list(record.events)
        self.ev: dict[str, list] = defaultdict(list)
        for e in self.events:
            self.ev[e.kind].append(e)
        # a lever pulled by an inbox answer counts as the desk's own: a contest chosen in
        # a message runs like one started at the desk, a word in front of the team is one
        for e in self.ev["inbox_answer"]:
            lever = e.data.get("lever")
            if lever == "contest":
                self.by_kind["contest"].append((e.week, RunContest()))
            elif lever is not None and e.rep is not None:
                tone, public = choice_word(lever)
                said = Feedback(e.rep, tone, public=public)
                self.by_kind["feedback"].append((e.week, said))
            # a task handed over in a message is a delegation like the desk's (P13), and a
            # value share given with it a profit share (P14)
            handed = e.data.get("delegated")
            if handed is not None and e.rep is not None:
                task, level = DelegatedTask(handed["task"]), Supervision(handed["supervision"])
                self.by_kind["delegate"].append((e.week, Delegate(e.rep, task, level)))
                if handed.get("profit_share"):
                    self.by_kind["profit_share"].append((e.week, ProfitShare(e.rep)))
        for kind in ("contest", "feedback", "delegate", "profit_share"):
            self.by_kind[kind].sort(key=lambda done: done[0])  # in the order of the weeks
        self.reps: tuple[RepTruth, ...] = record.reps

    @property
    def last_week(self) -> int:
        """The week a "never" is judged at: the last one played."""
        return max(1, self.weeks_played)

    def type_of(self, rep: int) -> MotivationType:
        return self.reps[rep].type

    def periods_played(self) -> int:
        return self.record.period_of(max(1, self.weeks_played)) + 1

    def periods_done(self) -> int:
        """Periods played to their last week."""
        done = self.periods_played()
        last = self.record.period_weeks_of(done - 1)[1]
        return done if self.weeks_played >= last else done - 1

    def period_start_weeks(self, period: int) -> tuple[int, int]:
        first, _ = self.record.period_weeks_of(period)
        return first, first + 1
