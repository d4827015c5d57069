"""The plan column: this week's actions, their costs and × to take back; last week's news."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pygame

from ... import tour
from ...widgets import Builder, html
from .levers import LeverPart

PLAN_ROWS_A_FRAME = 6  # the plan's rows built in one frame

GOAL_MIN_H = 60  # a guided week's goal box, at least (it grows with its text)
ROW_H = 28  # a planned action's row
COST_MIN_W = 40  # a planned action's cost, at least
# below the plan: the hours left (34), last week's heading (26) and at least this much of
# its news; the goal and the plan's rows make way for them in a short window
NEWS_MIN_H = 76
FOOT_H = 34 + 26 + NEWS_MIN_H
TWO_LINE_H = 46  # a row whose words take two lines (each more line: 20 px more)
MORE_LINES = 2  # the lines a row may take below its first


def _scrolled_height(heights: list[int], room: int) -> int:
    """The height of a scrolled plan's list: its rows', and below them as much blank as
    lets its end show a whole row at the top (scrolled to the end, a row cut in half at
    the top read as part of the line above the list)."""
    total = sum(heights)
    start = 0
    for h in heights:  # the first row that, at the top, leaves the rest within the view
        if total - start <= room:
            break
        start += h
    return max(total, start + room)


def _height(rest: list[str]) -> int:
    """A planned action's row: one line, or its first and ``rest``."""
    return ROW_H if not rest else TWO_LINE_H + 20 * (len(rest) - 1)


class PlanPart(LeverPart):
    """This week's plan and last week's news."""

    def build_plan(self, ui: Builder, r: pygame.Rect) -> Iterator[None]:
        """The plan's rows, a few a frame (a long plan after a review held the window
        for a tenth of a second), then last week's news."""
        g = self.game
        ui.label((4, 0, r.w - 8, 24), self.tr("ui.plan"), object_id="#h3")
        # what the week takes before any plan: admin, standing meetings, supervision
        obs = g.obs
        fixed = obs.hours_per_week - obs.hours_available
        hours = obs.supervision_hours
        supervising = sum(hours.get(d.supervision, 0.0) for d in obs.delegations)
        reading = obs.hour_costs.get("daily_plans_weekly", 0.0) if obs.daily_plans else 0.0
        ui.label((4, 26, r.w - 8, 20), self.tr("ui.admin", hours=f"{fixed:g}"), object_id="#small")
        y = 48
        # of those, what the manager's own choices add (a line each: they fit): watching
        # deputies, reading the reps' daily plans
        for extra, key in ((supervising, "ui.admin_supervising"), (reading, "ui.admin_plans")):
            if extra:
                said = [self.tr(k, sup=f"{extra:g}") for k in (key, f"{key}_short")]
                ui.label_fitting((4, y - 2, r.w - 8, 20), said, object_id="#small")
                y += 20
        items = list(g.plan)
        actions = [p.action for p in items]
        costs = [self.cost_short(p.hours, p.money) for p in items]
        # each row's cost as wide as its words (at least "0.25 h"): the rest is the name's
        cost_w = [max(COST_MIN_W, ui.width_of(c, "#small") + 10) for c in costs]
        lines = self.plan_lines(ui, actions, r.w, costs, cost_w)
        # the most of the column the plan takes: about half; a longer one scrolls
        most = max(3 * ROW_H, (r.h // 2 - 60) // ROW_H * ROW_H)
        step = tour.step_of(g.obs.week) if g.session.scenario.guided else None
        if step is not None:
            # the guided week's goal, ticked once the plan meets it
            done = [r.action for r in g.session.action_log if r.ok] if step.earlier else []
            met = step.done([*done, *(p.action for p in g.plan)])
            head = self.tr("tour.goal_done") if met else self.tr("tour.goal")
            ui.label((4, y, r.w - 8, 22), head, object_id="#h3", cls="@good" if met else None)
            # as tall as the goal's text (a long one was cut to three lines behind a bar),
            # unless the window is too short for it and the plan below: then it scrolls.
            # A goal met makes way for the plan (it was read; the plan is what grows now):
            # it keeps what the plan's rows leave, whole where they leave room enough (a
            # met goal cut to two lines above an empty half column read as broken)
            words = html(self.tr(f"tour.{step.key}.goal"))
            goal = ui.text((0, y + 22, r.w, -1), words, raw=True)
            tall = max(GOAL_MIN_H, int(goal.rect.height))
            plan_h = 2 * ROW_H
            if met:
                rows_h = min(most, sum(_height(rest) for _, rest, _ in lines))
                plan_h = max(plan_h, -(-rows_h // ROW_H) * ROW_H) if items else 26
            fits = max(GOAL_MIN_H, r.h - (y + 26) - plan_h - FOOT_H)
            if tall > fits:
                goal.kill()
                ui.text((0, y + 22, r.w, fits), words, raw=True)
                tall = fits
            y += 22 + tall + 4
        if not g.plan:
            ui.label((4, y, r.w - 8, 22), self.tr("ui.plan_empty"), object_id="#small")
            y += 26
        # no lower than the column's foot allows (what is left scrolls), two rows at least
        room = max(2 * ROW_H, min(most, (r.h - y - FOOT_H) // ROW_H * ROW_H))
        if sum(_height(rest) for _, rest, _ in lines) > room:  # it scrolls: narrower rows
            lines = self.plan_lines(ui, actions, r.w - 20, costs, cost_w)
        heights = [_height(rest) for _, rest, _ in lines]
        rows, top = ui, y
        width = r.w
        if sum(heights) > room:
            # a long plan scrolls: every item stays in reach, to read and to take back
            sc = ui.scroller((0, y, r.w, room), _scrolled_height(heights, room))
            rows, top, width = ui.within(sc), 0, r.w - 20
            # rebuilt, it stays where it was; when an item was just added, it shows the end
            was, count = self.plan_view
            bar = sc.vert_scroll_bar
            if bar is not None:
                bar.set_scroll_from_start_percentage(1.0 if len(items) > count else was)
            self.plan_scroller = sc
        else:
            self.plan_scroller = None
        self.plan_count = len(items)
        for k, (first, rest, cost_below) in enumerate(lines):
            cost, cw = costs[k], cost_w[k]
            # the cost keeps its room: a row cut short cuts the name, never the cost (an
            # action's name too long to share its line with the cost has it on the next)
            name_w = width - 40 if cost_below else width - 44 - cw
            rows.label((4, top + 2, name_w, 24), first, object_id="#small")
            for i, more in enumerate(rest):  # for whom and how, on lines of their own,
                # under the cost and the × too (just below the ×: a miss never takes it back)
                rows.label((16, top + 24 + 20 * i, width - 20, 22), more, object_id="#small")
            if not cost_below:
                rows.label((width - 38 - cw, top + 2, cw, 24), cost, object_id="#small")
            rows.button(  # a little apart from the next row's (a miss takes back another)
                (width - 36, top + 2, 32, 24),
                self.tr("ui.remove"),
                partial(self.unplan, k),
                tip=self.tr("ui.remove_tip"),
                object_id="#small_button",
            )
            top += heights[k]
            if k % PLAN_ROWS_A_FRAME == PLAN_ROWS_A_FRAME - 1:
                yield  # between whole rows: never a row's cost without its ×
        y += room if rows is not ui else sum(heights)
        yield
        ui.label(
            (4, y + 4, r.w - 8, 22),
            self.tr("ui.hours_left", hours=f"{g.hours_left:g}", money=g.money(g.budget_left)),
            object_id="#h3",
        )
        y += 34
        last = g.outcomes[-1].lines if g.outcomes else []
        whole = 96 if g.outcomes else 0  # room for the button that opens the whole report
        ui.label((4, y, r.w - 8 - whole, 24), self.tr("ui.last_week"), object_id="#h3")
        if g.outcomes:
            outcome = g.outcomes[-1]
            ui.button(
                (r.w - whole, y - 2, whole - 4, 26),
                self.tr("ui.whole_report"),
                lambda: self.week_report(outcome),
                tip=self.tr("ui.whole_report_tip"),
                object_id="#small_button",
            )
        y += 26
        quiet = "ui.first_week" if g.obs.week == 1 and not g.outcomes else "ui.nothing_happened"
        shown = [html(x) for x in last] or [html(self.tr(quiet))]
        yield  # the news in a frame of its own
        # as many lines as the room shows whole; the rest is in the whole report, one click
        # away: said, not dropped (a box that scrolled in the narrow column showed three
        # lines of fourteen, and laid them all out twice)
        ui.text_of_lines((0, y, r.w, r.h - y), shown, lambda n: html(self.tr("ui.more_lines", n=n)))

    def plan_lines(
        self, ui: Builder, actions: list, width: int, costs: list[str], cost_w: list[int]
    ) -> list[tuple[str, list[str], bool]]:
        """Each planned action's row in a column ``width`` wide: its words on one line
        where they fit beside the cost (``costs``, ``cost_w`` wide); else what it is (and
        whom it is for, when that fits too) on the first line, and the rest on up to two
        more, which run under the cost and the × ("Set quota · Zh…" could have been
        either of two reps). An action whose very name fits only without its cost
        beside it ("Pipeline review" in a narrow column) has the cost open the second
        line (the row's third item says so)."""
        more_w = width - 36
        out: list[tuple[str, list[str], bool]] = []
        for i, action in enumerate(actions):
            first_w = width - 44 - cost_w[i]
            parts = self.describe_parts(action)
            below = not ui.fits(first_w, parts[0], "#small") and ui.fits(
                width - 40, parts[0], "#small"
            )
            if below:
                first_w = width - 40
            if len(parts) < 2 or ui.fits(first_w, " · ".join(parts), "#small"):
                out.append((" · ".join(parts), [costs[i]] if below else [], below))
                continue
            n = 1
            while n < len(parts) - 1 and ui.fits(first_w, " · ".join(parts[: n + 1]), "#small"):
                n += 1
            rest: list[list[str]] = [[]]
            for part in parts[n:]:
                if rest[-1] and not ui.fits(more_w, " · ".join([*rest[-1], part]), "#small"):
                    rest.append([])
                rest[-1].append(part)
            if len(rest) > MORE_LINES:  # what does not fit shows whole when pointed at
                rest = [
                    *rest[: MORE_LINES - 1],
                    [p for line in rest[MORE_LINES - 1 :] for p in line],
                ]
            lines = [" · ".join(line) for line in rest]
            out.append((" · ".join(parts[:n]), [costs[i], *lines] if below else lines, below))
        return out

    @property
    def plan_view(self) -> tuple[float, int]:
        """Where the plan's list was scrolled to when last built, and how many items it
        held then."""
        sc = self.plan_scroller
        bar = sc.vert_scroll_bar if sc is not None else None
        return (bar.start_percentage if bar is not None else 0.0), self.plan_count

    def unplan(self, index: int) -> None:
        self.game.remove(index)
        self.say("")
        self.refresh("header", "centre", "plan")
