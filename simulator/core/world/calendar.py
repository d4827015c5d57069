"""The calendar: weeks, periods, head office's targets, and where in a period we are."""

from __future__ import annotations

from .state import DAYS_PER_WEEK, WorldState


class Calendar(WorldState):
    """The calendar: weeks, periods, head office's targets, and where in a period we are."""

    @property
    def day(self) -> float:
        return self.env.now

    @property
    def diary_day(self) -> int:
        """The working day what happens now is written under in an account's file: today,
        or, at a week's close (which falls on the first instant of the next week), the
        week's last day, as the week's report tells it."""
        return min(int(self.env.now), DAYS_PER_WEEK * self.week - 1)

    @property
    def period(self) -> int:
        return self.period_of(self.week)

    def period_of(self, week: int) -> int:
        return (week - 1) // self.scenario.period_weeks

    def period_weeks_of(self, period: int) -> tuple[int, int]:
        """First and last week (1-based, inclusive) of ``period``."""
        first = period * self.scenario.period_weeks + 1
        last = min(self.scenario.weeks, first + self.scenario.period_weeks - 1)
        return first, last

    def is_period_start(self, week: int | None = None) -> bool:
        w = self.week if week is None else week
        return (w - 1) % self.scenario.period_weeks == 0

    def is_period_end(self, week: int | None = None) -> bool:
        w = self.week if week is None else week
        return w % self.scenario.period_weeks == 0 or w == self.scenario.weeks

    def target_for(self, period: int) -> float:
        """The team target of ``period`` as it stands now (scripted events may move it)."""
        return self.scenario.target_for(period) * self.target_scale.get(period, 1.0)

    def target_through(self, week: int) -> float:
        """Head office's cumulative target for weeks 1..``week`` (a period's target
        spread evenly over its weeks)."""
        per_week = self.scenario.period_weeks
        # each period's target looked up once, then added week by week as before
        targets = [self.target_for(p) for p in range(self.period_of(max(1, week)) + 1)]
        return sum(targets[(w - 1) // per_week] for w in range(1, week + 1)) / per_week

    def period_elapsed(self) -> float:
        """Share of the current period already behind us, at the week's start."""
        first, last = self.period_weeks_of(self.period)
        return (self.week - first) / (last - first + 1)
