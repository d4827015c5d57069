"""The charts along the bottom: revenue against target, the funnel by stage, the team's mood."""

from __future__ import annotations

import pygame

from ....api import Stage
from ....texts import joiner, labelled
from ... import charts
from ...widgets import Builder
from .part import GAP, DeskPart


class ChartsPart(DeskPart):
    """The charts along the bottom: revenue against target, the funnel by stage, the team's mood."""

    def build_charts(self, ui: Builder, r: pygame.Rect) -> None:
        from ...portraits import font

        g = self.game
        weeks = g.obs.history
        third = (r.w - 2 * GAP) // 3
        ch = r.h - 28
        rev = [0.0] + [m.revenue for m in weeks]
        tgt = [0.0, *g.obs.target_plan]
        if len(rev) > 1:  # each figure named beside the look of its line
            ui.legend(
                (0, 0, third, 24),
                [
                    (None, self.tr("chart.season")),
                    (charts.swatch("booked"), self.tr("chart.booked", booked=g.money(rev[-1]))),
                    (
                        charts.swatch("target"),
                        self.tr("chart.target_to_date", target=g.money(tgt[len(rev) - 1])),
                    ),
                ],
            )
        else:
            ui.label(
                (0, 0, third, 24),
                self.tr("chart.revenue_start", target=g.money(g.obs.team_target)),
                object_id="#small",
            )
        ui.image((0, 26, third, ch), charts.revenue_chart((third, ch), rev, tgt, g.obs.weeks + 1))
        x = third + GAP
        stages = list(Stage)[:6]
        deals = g.obs.deals
        values = [sum(d.value for d in deals if d.stage == s) for s in stages]
        counts = [sum(1 for d in deals if d.stage == s) for s in stages]
        ui.label(
            (x, 0, third, 24),
            self.tr("chart.funnel_now", n=len(deals), value=g.money(sum(values))),
            object_id="#small",
        )
        # the stages' names as the funnel says them where all fit under their bars
        # (商务谈判, not 谈判, beside a funnel that says 商务谈判), else all shortened
        small = font(12)
        names = [self.tr(f"stage.{int(s)}").capitalize() for s in stages]
        if max(small.size(n)[0] for n in names) > (third - 8) / len(stages) - 6:
            names = [self.tr(f"stage_short.{int(s)}") for s in stages]
        ui.image((x, 26, third, ch), charts.funnel_chart((third, ch), values, counts, names, small))
        x += third + GAP
        mood = [m.mood for m in weeks]
        head = self.tr("chart.mood")
        # the cards' words counted (the average in a card's word read "good" beside four
        # cards of five saying "fair")
        words = [g.mood_word(r) for r in g.obs.reps]
        cards = [
            self.tr("chart.mood_count", n=words.count(w), word=self.tr(f"moodword.{w}"))
            for w in ("good", "fair", "low")
            if w in words
        ]
        if cards:
            head = labelled(head, joiner(self.lang).join(cards), self.lang)
        ui.tip(ui.label((x, 0, r.w - x, 24), head, object_id="#small"), self.tr("chart.mood_tip"))
        ui.image((x, 26, r.w - x, ch), charts.mood_chart((r.w - x, ch), mood, g.obs.weeks))
