"""The desk's header: the week, the period's target, hours, budget, Menu and End week."""

from __future__ import annotations

import pygame

from ....texts import joiner, percent, rep_name, text_of
from ... import charts
from ...widgets import Builder, html
from .levers import LeverPart


class HeaderPart(LeverPart):
    """The desk's header: the week, the period's target, hours, budget, Menu and End week."""

    def standing_costs(self) -> str:
        """The arrangements charged at every period's start, with their cost ("Call
        analytics ¥6k, Profit share · Wang Lei ¥5k"); empty when there are none."""
        obs = self.game.obs
        money = self.game.money
        items = []
        if obs.call_analytics:
            cost = money(obs.money_costs["call_analytics"])
            items.append(f"{self.tr('act.call_analytics')} {cost}")
        for rep in obs.reps:
            if rep.profit_share and rep.deputy:
                cost = money(obs.money_costs["profit_share"])
                items.append(f"{self.tr('act.profit_share')} · {rep_name(rep, self.lang)} {cost}")
        return joiner(self.lang).join(items)

    def build_header(self, ui: Builder, r: pygame.Rect) -> None:
        game = self.game
        obs = game.obs
        ui.panel(r, object_id="#header")
        # four blocks share what the two buttons on the right leave
        avail = r.w - 292 - 16
        widths = [int(avail * f) for f in (0.32, 0.27, 0.22)]
        widths.append(avail - sum(widths))
        xs = [16]
        for wd in widths[:-1]:
            xs.append(xs[-1] + wd)
        title = text_of(obs.title, self.lang)
        ui.label((xs[0], 4, widths[0] - 16, 26), title, object_id="#header_text")
        per = self.tr("ui.period", period=obs.period + 1)
        ui.label(
            (xs[0], 28, widths[0] - 16, 22),
            self.tr("ui.week_of", week=obs.week, weeks=obs.weeks) + " · " + per,
            object_id="#header_small",
        )
        pct = 100 * obs.team_booked / obs.team_target if obs.team_target else 0.0
        short = "_short" if r.w < 1200 else ""  # a narrow window: the compact words
        x, bw = xs[1], widths[1] - 20
        # the share of the target is what the block is for: when the words do not fit,
        # the amount gives way ("Target ¥2.85M · 10…" hid a 104%), and shows when pointed at
        said = [
            self.tr(key, target=game.money(obs.team_target), pct=percent(pct / 100, self.lang))
            for key in (
                *(() if short else ("ui.target_bar",)),
                "ui.target_short",
                "ui.target_pct",
            )
        ]
        ui.label_fitting((x, 4, bw, 24), said, object_id="#header_text")
        elapsed = (obs.week_in_period) / max(1, obs.period_weeks)
        ui.image((x, 32, bw, 12), charts.bar((bw, 12), pct / 100, elapsed))
        x, bw = xs[2], widths[2] - 20
        ui.label(
            (x, 4, bw, 24),
            self.tr(
                f"ui.hours{short}", left=f"{game.hours_left:g}", total=f"{obs.hours_per_week:g}"
            ),
            object_id="#header_text",
        )
        # the bars show what is left of the whole, as their labels say (admin comes first)
        share = game.hours_left / obs.hours_per_week if obs.hours_per_week else 0
        ui.image((x, 32, bw, 12), charts.bar((bw, 12), share))
        x, bw = xs[3], widths[3] - 12
        budget = ui.label(
            (x, 4, bw, 24),
            self.tr(
                f"ui.budget{short}",
                left=game.money(game.budget_left),
                total=game.money(obs.budget_per_period),
            ),
            object_id="#header_text",
        )
        standing = self.standing_costs()
        if standing:  # what left the budget before the manager spent a thing this period
            tip = self.tr("ui.budget_standing", items=standing)
            whole = ui.full_text.get(budget, "")
            if whole and budget.text != whole:  # the label cut short: its words come first
                tip = f"{whole}\n{tip}"
            budget.set_tooltip(html(tip))
        left = game.budget_left / obs.budget_per_period if obs.budget_per_period else 0
        ui.image((x, 32, bw, 12), charts.bar((bw, 12), left))
        w = r.w
        ui.button((w - 276, 8, 84, 40), self.tr("ui.menu"), self.menu)
        ui.button(
            (w - 184, 8, 176, 40),
            self.tr("ui.end_week"),
            self.ask_end_week,
            tip=self.tr("ui.end_week_tip"),
            object_id="#primary",
        )
