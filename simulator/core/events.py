"""Domain events: the world's diary.

Everything that happens (a deal won, a rep quitting, a hint dropped in a 1:1,
the effect of a lever) is recorded as an :class:`Event`. ``visible`` says
whether the manager could know it; the observation shows only visible events,
the debrief and the trainer's report can show all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import attrgetter
from typing import Any


class Event:
    """One thing that happened, on a working day of a week.

    Written once by the world and only read after. A year holds thousands, so
    it is a plain slotted record, and what the manager's own actions did is
    kept in compact form (the action and its raw effects) and put into words
    and plain values (:attr:`data`) only when someone reads it: the debrief,
    a report, an export. Most of a batch's runs never read most of their log.
    """

    __slots__ = ("_data", "_make", "day", "kind", "rep", "visible", "week")

    def __init__(
        self,
        day: int,
        week: int,
        kind: str,
        rep: int | None = None,
        data: dict[str, Any] | None = None,
        visible: bool = True,
    ) -> None:
        self.day = day
        self.week = week
        self.kind = kind
        self.rep = rep
        self._data: dict[str, Any] = {} if data is None else data
        self._make: Callable[[str], dict[str, Any]] | None = None
        self.visible = visible

    @property
    def data(self) -> dict[str, Any]:
        """What happened, as plain values (made from the compact record on first read)."""
        make = self._make
        if make is not None:
            self._data = make(self.kind)
            self._make = None
        return self._data

    def as_dict(self) -> dict[str, Any]:
        return {
            "day": self.day,
            "week": self.week,
            "kind": self.kind,
            "rep": self.rep,
            "data": self.data,
            "visible": self.visible,
        }

    def _fields(self) -> tuple[Any, ...]:
        return (self.day, self.week, self.kind, self.rep, self.data, self.visible)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Event:
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        day, week, kind, rep, data, visible = self._fields()
        return (
            f"Event(day={day!r}, week={week!r}, kind={kind!r}, rep={rep!r}, "
            f"data={data!r}, visible={visible!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:  # a copy or a pickle holds the plain values
        return (Event, self._fields())


_SEEN = attrgetter("visible")
# what a deferred event holds until its data is first read (replaced then, never shown):
# one shared placeholder, not an empty dict for each of the thousands a year makes
_PENDING: dict[str, Any] = {}


def told_in(event: Event, week: int) -> bool:
    """Whether the report of ``week`` tells ``event``: what happened in the week, and
    the messages that arrived as it closed (they open the next week, where the manager
    finds them in the inbox). A message that arrived at a week's opening was told the
    week before; the first week's are in the inbox when the game starts."""
    if event.kind == "inbox":
        return event.week == week + 1
    return event.week == week


class EventLog:
    """An append-only list of events with a cursor per reader."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._week_start: dict[int, int] = {}
        # the last answer of seen_since: its week, where it started and ended in the log,
        # and the events it held (the log only grows: the next answer adds the new ones)
        self._seen: tuple[int, int, int, tuple[Event, ...]] = (-1, 0, 0, ())

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
        event = Event(int(day), week, kind, rep, data, visible)
        if week not in self._week_start:
            self._week_start[week] = len(self.events)
        self.events.append(event)
        return event

    def add_deferred(
        self,
        day: float,
        week: int,
        kind: str,
        rep: int | None,
        visible: bool,
        make: Callable[[str], dict[str, Any]],
    ) -> Event:
        """Record an event whose data ``make(kind)`` will build when it is first read.

        ``make`` must hold what it needs (nothing the world changes later); one
        record may stand behind several events of different kinds.
        """
        event = self.add(day, week, kind, rep, visible, _PENDING)
        event._make = make
        return event

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def _start(self, week: int) -> int:
        """Where the events of ``week`` and after begin in the log (its end: none yet)."""
        start = self._week_start.get(week)
        if start is None:  # a week without events: from the next week that has some
            start = min((i for w, i in self._week_start.items() if w >= week), default=None)
        return len(self.events) if start is None else start

    def since_week(self, week: int) -> list[Event]:
        """Events of ``week`` and every week after it."""
        return self.events[self._start(week) :]

    def of_week(self, week: int) -> list[Event]:
        return [e for e in self.since_week(week) if e.week == week]

    def seen_since(self, week: int) -> tuple[Event, ...]:
        """The events a manager could see, of ``week`` and every week after it.

        Asked for the same week again (every plan of a week is judged against a fresh
        observation), only the events added since the last answer are looked at: a
        week of thousands of plans costs in proportion, not in its square.
        """
        start = self._start(week)
        last_week, last_start, upto, seen = self._seen
        if last_week != week or last_start != start or upto > len(self.events):
            upto, seen = start, ()
        if upto < len(self.events):
            seen += tuple(filter(_SEEN, self.events[upto:]))
        self._seen = (week, start, len(self.events), seen)
        return seen

    def of_kind(self, kind: str) -> list[Event]:
        return [e for e in self.events if e.kind == kind]
