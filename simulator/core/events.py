"""Domain events: the world's diary.

Everything that happens (a deal won, a rep quitting, a hint dropped in a 1:1,
the effect of a lever) is recorded as an :class:`Event`. ``visible`` says
whether the manager could know it; the observation shows only visible events,
the debrief and the trainer's report can show all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Event:
    """One thing that happened, on a working day of a week.

    Written once by the world and only read after (a year holds thousands, so
    it is a plain slotted record: made quickly, never changed).
    """

    day: int
    week: int
    kind: str
    rep: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    visible: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "day": self.day,
            "week": self.week,
            "kind": self.kind,
            "rep": self.rep,
            "data": self.data,
            "visible": self.visible,
        }


class EventLog:
    """An append-only list of events with a cursor per reader."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._week_start: dict[int, int] = {}

    def add(
        self,
        day: float,
        week: int,
        kind: str,
        rep: int | None = None,
        visible: bool = True,
        data: dict[str, Any] | None = None,
    ) -> Event:
        """Record an event: on ``day`` of ``week``, ``kind`` happened (to ``rep``)."""
        event = Event(int(day), week, kind, rep, {} if data is None else data, visible)
        if week not in self._week_start:
            self._week_start[week] = len(self.events)
        self.events.append(event)
        return event

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def since_week(self, week: int) -> list[Event]:
        """Events of ``week`` and every week after it."""
        starts = [i for w, i in self._week_start.items() if w >= week]
        return self.events[min(starts) :] if starts else []

    def of_week(self, week: int) -> list[Event]:
        return [e for e in self.since_week(week) if e.week == week]

    def of_kind(self, kind: str) -> list[Event]:
        return [e for e in self.events if e.kind == kind]
