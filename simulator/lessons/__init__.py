"""The debrief's findings: which of the lessons P1–P18 a game followed, with the moments.

A score says *how well*; a debrief must say *why*. Each lesson of the
management model is checked against what the manager actually did (the
action log) and what happened (the event log), with the concrete moments a
trainer points to: "week 14: Li Na criticised in public", "Wang's quota
¥1.60M, booked ¥0.60M (38%)". After the game the hidden truths are no longer
hidden, so findings read the game's :class:`~simulator.record.Record` (each
rep's real type, who left and why).

Each finding carries a status — followed, partly, missed, or not tested when
the game gave no occasion (no novices to mentor, no promise made) — and its
moments as language-neutral keys with values, so the game and the trainer's
report tell them in English or Chinese (:mod:`simulator.narrate`). The
handbook's game on the same seed is an input
(:meth:`simulator.session.Session.handbook`): the debrief never plays one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..record import Record
from ..scoring import Scorecard
from . import people, practice
from .decisions import Decision, decisions, judge
from .facts import (
    FOLLOWED,
    LESSONS,
    MISSED,
    P2_EASY,
    P2_HARD,
    P2_HIGH,
    P2_LOW,
    PARTLY,
    UNTESTED,
    Facts,
    Finding,
    Moment,
    Story,
)
from .stories import stories

CHECKS = (
    people.p1,
    people.p2,
    people.p3,
    people.p4,
    people.p5,
    people.p6,
    people.p7,
    people.p8,
    people.p9,
    practice.p10,
    practice.p11,
    practice.p12,
    practice.p13,
    practice.p14,
    practice.p15,
    practice.p16,
    practice.p17,
    practice.p18,
)


@dataclass(frozen=True)
class Debrief:
    findings: tuple[Finding, ...]
    stories: tuple[Story, ...]
    score: Scorecard
    book: Scorecard | None  # the same seed played by the handbook's policy
    revenue: tuple[float, ...] = ()  # cumulative booked revenue, week by week
    book_revenue: tuple[float, ...] = ()  # the same under the handbook's policy
    target: tuple[float, ...] = ()  # head office's cumulative target, week by week

    def finding(self, lesson: str) -> Finding:
        for f in self.findings:
            if f.lesson == lesson:
                return f
        raise KeyError(lesson)


def findings(record: Record) -> tuple[Finding, ...]:
    """Every lesson's finding for this game, P1 to P18, the inbox decisions counted in."""
    facts = Facts(record)
    made = decisions(record)
    return tuple(judge(check(facts), made) for check in CHECKS)


def debrief(record: Record, book: Record | None = None) -> Debrief:
    """Findings, stories, the score, and the handbook's game on the same seed (when given)."""
    return Debrief(
        findings=findings(record),
        stories=stories(record),
        score=record.score,
        book=book.score if book is not None else None,
        revenue=record.revenue,
        book_revenue=book.revenue if book is not None else (),
        target=record.target,
    )


__all__ = [
    "FOLLOWED",
    "LESSONS",
    "MISSED",
    "P2_EASY",
    "P2_HARD",
    "P2_HIGH",
    "P2_LOW",
    "PARTLY",
    "UNTESTED",
    "Debrief",
    "Decision",
    "Finding",
    "Moment",
    "Story",
    "debrief",
    "decisions",
    "findings",
    "stories",
]
