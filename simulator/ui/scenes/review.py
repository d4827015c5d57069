"""Period-end reviews: each rep's result, praise or correction, the next quota, promises kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from ... import api as A
from ...api import RepView, Tone
from ...texts import quota_unit, rep_name
from ..app import Scene
from ..widgets import Builder, html

if TYPE_CHECKING:
    from ..app import App
    from ..game import Game


class ReviewScene(Scene):
    def __init__(self, app: App, outcome: Any = None) -> None:
        super().__init__(app)
        self.outcome = outcome
        self.entries: dict[int, Any] = {}
        self.typed: dict[int, str] = {}  # quotas typed so far, kept across pages and redraws
        self.page = 0
        self.status = ""

    @property
    def game(self) -> Game:
        assert self.app.game is not None
        return self.app.game

    def build(self, w: int, h: int) -> Iterator[None]:
        g = self.game
        obs = g.obs
        ui = self.ui
        ui.label(
            (40, 16, w - 80, 40), self.tr("review.title", period=obs.period), object_id="#title_big"
        )
        ui.label((40, 58, w - 80, 24), self.tr("review.intro"), object_id="#small")
        list_w = w - 80 - 360
        row_h = 62
        per_page = max(1, (h - 92 - 120) // row_h)
        pages = max(1, -(-len(obs.reps) // per_page))
        self.page = min(self.page, pages - 1)
        self.entries = {}
        if pages > 1:
            ui.button((40, h - 64, 60, 40), "◀", lambda: self.turn(-1), enabled=self.page > 0)
            ui.label((104, h - 56, 60, 24), f"{self.page + 1}/{pages}", object_id="#small")
            ui.button(
                (164, h - 64, 60, 40), "▶", lambda: self.turn(1), enabled=self.page < pages - 1
            )
        lines = self.outcome.lines if self.outcome is not None else []
        ui.panel((w - 40 - 340, 92, 340, h - 92 - 120), object_id="#card")
        si = ui.at((w - 40 - 340, 92, 340, h - 92 - 120))
        si.label((12, 8, 316, 26), self.tr("ui.last_week"), object_id="#h3")
        si.text(
            (4, 36, 332, h - 92 - 120 - 44),
            "<br>".join(html(x) for x in lines[:30]) or html(self.tr("ui.nothing_happened")),
            raw=True,
        )
        ui.label(
            (40, h - 112, w - 80, 24),
            self.tr("ui.hours_left", hours=f"{g.hours_left:g}", money=g.money(g.budget_left)),
            object_id="#h3",
        )
        ui.label((40, h - 86, w - 330, 24), self.status, object_id="#small", cls="@bad")
        ui.button(
            (w - 280, h - 64, 240, 44), self.tr("review.done"), self.done, object_id="#primary"
        )
        rows = ui.at((40, 92, list_w, h - 92 - 120))
        y = 0
        for rep in obs.reps[self.page * per_page : (self.page + 1) * per_page]:
            self.row(rows, y, list_w - 8, rep)
            y += row_h
            yield

    def row(self, ui: Builder, y: int, width: int, rep: RepView) -> None:
        """One rep's review: the result, the verdict, the next quota, promises made and kept."""
        g = self.game
        ui.panel((0, y, width, 60), object_id="#card")
        c = ui.at((0, y, width, 60))
        quota, booked = rep.history[-1] if rep.history else (rep.quota, 0.0)
        pct = 100 * booked / quota if quota else 0
        c.label(
            (10, 4, 320, 24),
            self.tr(
                "review.result",
                name=rep_name(rep, self.lang),
                booked=g.money(booked),
                quota=g.money(quota),
                pct=f"{pct:.0f}",
            ),
            object_id="#h3",
            cls="@good" if pct >= 100 else None,
        )
        typ = self.tr(f"type.{rep.type.value}") if rep.type is not None else self.tr("ui.unknown")
        c.label((10, 32, 200, 22), self.tr("card.type", type=typ), object_id="#small")
        planned = g.planned("performance_review", rep=rep.id)
        review: Any = planned[0].action if planned else None
        tone_now = review.tone if review is not None else "none"
        x = 336
        for key, tone in (
            ("review.praise", Tone.PRAISE),
            ("review.correct", Tone.CRITICISM),
            ("review.plain", None),
        ):
            active = planned and tone_now == tone
            c.button(
                (x, 3, 96, 28),
                self.tr(key),
                partial(self.review, rep.id, tone),
                tip=self.tr("why.performance_review"),
                object_id="#tab_active" if active else "#small_button",
            )
            x += 100
        c.label((x + 4, 2, 130, 20), self.tr("review.next_quota"), object_id="#small")
        quotas: list[Any] = [p.action for p in g.planned("set_quota", rep=rep.id)]
        current = quotas[0].amount if quotas else rep.quota
        text = self.typed.get(rep.id, f"{current / quota_unit(self.lang):.0f}")
        entry = c.entry((x + 4, 24, 110, 30), text, tip=self.tr("quota.entry_tip"))
        entry.set_allowed_characters("numbers")
        self.entries[rep.id] = entry
        # second line: promises, kept or made
        bx = 220
        c.button(
            (bx, 33, 110, 25),
            self.tr("act.promise") + " ▼",
            partial(self.promise, rep.id),
            tip=self.tr("why.promise"),
            object_id="#small_button",
        )
        bx += 114
        for p in g.obs.promises:
            if p.rep == rep.id and p.status in ("open", "due") and bx + 190 <= x:
                c.button(
                    (bx, 33, 186, 25),
                    self.tr("review.keep", amount=g.money(p.amount)),
                    partial(self.keep, p.id),
                    tip=self.tr("why.keep_promise"),
                    object_id="#small_button",
                )
                bx += 190

    def promise(self, rep_id: int) -> None:
        g = self.game
        amounts = g.amounts()

        def make(amount: float) -> Callable[[], None]:
            def job() -> None:
                why = g.add(A.MakePromise(rep_id, amount))
                self.status = self.tr("ui.refused", why=why) if why else ""
                self.rebuild()

            return job

        self.open_modal(
            self.tr("act.promise") + " · " + g.narrator.rep(rep_id),
            self.tr("why.promise"),
            [(g.money(a), make(a)) for a in amounts] + [(self.tr("ui.cancel"), None)],
            size=(620, 260),
        )

    def rebuild(self) -> None:
        self.keep_typed()
        super().rebuild()

    def keep_typed(self) -> None:
        for rep_id, entry in self.entries.items():
            if entry.alive():
                self.typed[rep_id] = entry.get_text()

    def turn(self, step: int) -> None:
        self.page = max(0, self.page + step)
        self.rebuild()

    def review(self, rep_id: int, tone: Tone | None) -> None:
        g = self.game
        for p in g.planned("performance_review", rep=rep_id):
            g.plan.withdraw(p.action)
        why = g.add(A.PerformanceReview(rep_id, tone))
        self.status = self.tr("ui.refused", why=why) if why else ""
        self.rebuild()

    def keep(self, promise_id: int) -> None:
        why = self.game.add(A.KeepPromise(promise_id))
        self.status = self.tr("ui.refused", why=why) if why else ""
        self.rebuild()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.app.move_focus(1)

    def done(self) -> None:
        g = self.game
        self.keep_typed()
        unit = quota_unit(self.lang)
        typed = {r.id: self.typed.get(r.id, f"{r.quota / unit:.0f}") for r in g.obs.reps}
        for rep_id, raw in typed.items():
            text = raw.strip()
            if not text.isdigit() or int(text) <= 0:
                self.status = self.tr("quota.bad", text=text)
                self.rebuild()
                return
            g.add(A.SetQuota(rep_id, unit * int(text)))  # replaces a quota planned before
        from .desk import DeskScene

        self.app.switch(DeskScene, tab="desk")

    def back(self) -> None:
        self.done()
