"""Replay: a saved game stepped through week by week, read-only.

For the trainer and the player after the game: the team as the manager saw
it that week, what they did (and what was refused), and what happened.
Left and right arrows (or the buttons) step; Home and End jump; Escape closes.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

import pygame

from ...api import mood_band
from ...texts import joiner, percent, rep_name, text_of
from .. import charts
from ..cards import rep_card
from ..replay import Replay
from ..scene import Scene
from ..widgets import html

if TYPE_CHECKING:
    from ..app import App
    from ..replay import Frame


class ReplayScene(Scene):
    def __init__(self, app: App, replay: Replay, index: int = 0) -> None:
        super().__init__(app)
        self.replay = replay
        self.index = max(0, min(index, len(replay) - 1))
        self.selected: int | None = None

    @property
    def frame(self) -> Frame:
        return self.replay.frames[self.index]

    def build(self, w: int, h: int) -> Iterator[None]:
        ui = self.ui
        f = self.frame
        obs = f.obs
        ui.panel((0, 0, w, 56), object_id="#header")
        title = text_of(self.replay.scenario.title, self.lang)
        ui.label(
            (16, 4, w - 520, 26), self.tr("replay.title", title=title), object_id="#header_text"
        )
        ui.label(
            (16, 28, w - 520, 22),
            self.tr("ui.week_of", week=f.week, weeks=obs.weeks)
            + " · "
            + self.tr("replay.read_only"),
            object_id="#header_small",
        )
        x = w - 496
        for text, step, tip in (
            ("|◀", -10_000, "replay.first"),
            ("◀", -1, "replay.back"),
            ("▶", 1, "replay.next"),
            ("▶|", 10_000, "replay.last"),
        ):
            ui.button(
                (x, 8, 70, 40),
                text,
                partial(self.go, step),
                tip=self.tr(tip),
                object_id="#primary" if step == 1 else None,
            )
            x += 76
        ui.button((w - 184, 8, 176, 40), self.tr("ui.close"), self.back)
        yield
        # the team as the manager saw it that week
        reps = list(obs.reps)
        if self.selected is None or all(r.id != self.selected for r in reps):
            self.selected = reps[0].id if reps else None
        ui.label((8, 64, 232, 24), self.tr("ui.team"), object_id="#h3")
        card_h = 60 if len(reps) > 6 else 80
        y = 92
        for rep in reps[: max(1, (h - 92 - 140) // (card_h + 4))]:
            rect = pygame.Rect(8, y, 232, card_h)
            mood_key = f"mood.{mood_band(rep.mood)}"
            rows = [
                [
                    (self.tr(mood_key), charts.INK),
                    (self.tr("card.attain", pct=percent(rep.attainment, self.lang)), charts.INK),
                ]
            ]
            rep_card(
                ui,
                rect,
                rep,
                self.lang,
                rows,
                rep.id == self.selected,
                partial(self.select, rep.id),
                people=obs.people,
            )
            y += card_h + 4
        yield
        # what the manager did, and what happened
        cw = (w - 256 - 24) // 2
        x0 = 256
        ui.label((x0, 64, cw, 26), self.tr("replay.did"), object_id="#h3")
        did = "<br>".join(
            html(("✓ " if d.ok else "× ") + d.text + ("" if d.ok else f" — {d.why}"))
            for d in f.done
        ) or html(self.tr("replay.nothing_done"))
        ui.text((x0, 92, cw, h - 92 - 148), did, raw=True)
        ui.label((x0 + cw + 12, 64, cw, 26), self.tr("replay.happened"), object_id="#h3")
        news = "<br>".join(html(x) for x in f.news) or html(self.tr("ui.nothing_happened"))
        chosen = next((r for r in reps if r.id == self.selected), None)
        if chosen is not None:
            rep = chosen
            heard = list(dict.fromkeys(k for _, k in reversed(rep.hints)))[:3]  # latest first
            hints = joiner(self.lang).join(self.tr(f"hint.{k}") for k in reversed(heard))
            typ = (
                self.tr(f"type.{rep.type.value}") if rep.type is not None else self.tr("ui.unknown")
            )
            news = (
                f"<b>{html(rep_name(rep, self.lang))}</b> · {html(self.tr('card.type', type=typ))}"
                + (f"<br>{html(self.tr('detail.hints', hints=hints))}" if hints else "")
                + "<br><br>"
                + news
            )
        ui.text((x0 + cw + 12, 92, cw, h - 92 - 148), news, raw=True)
        yield
        # the season so far
        third = (w - 16 - 8) // 2
        ui.label((8, h - 140, third, 24), self.tr("chart.revenue"), object_id="#small")
        weeks = obs.weeks + 1
        ui.image(
            (8, h - 114, third, 106),
            charts.revenue_chart((third, 106), [0.0, *f.revenue], [0.0, *f.target], weeks),
        )
        ui.label((16 + third, h - 140, third, 24), self.tr("chart.mood"), object_id="#small")
        ui.image(
            (16 + third, h - 114, third, 106),
            charts.mood_chart((third, 106), list(f.mood), obs.weeks),
        )

    def go(self, step: int) -> None:
        new = max(0, min(len(self.replay) - 1, self.index + step))
        if new != self.index:
            self.index = new
            self.rebuild()

    def select(self, rep_id: int) -> None:
        self.selected = rep_id
        self.rebuild()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type != pygame.KEYDOWN:
            return
        steps = {
            pygame.K_LEFT: -1,
            pygame.K_RIGHT: 1,
            pygame.K_HOME: -10_000,
            pygame.K_END: 10_000,
            pygame.K_PAGEUP: -4,
            pygame.K_PAGEDOWN: 4,
        }
        if event.key in steps:
            self.go(steps[event.key])

    def back(self) -> None:
        self.app.running = False


__all__ = ["ReplayScene"]
