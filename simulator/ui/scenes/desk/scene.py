"""The weekly desk: where a turn is played.

Header (week, target, hours, budget, End week) · the team as cards on the
left · tabs in the middle (the selected rep and every lever, the pipeline,
the customer archive, quotas, the inbox) · this week's plan and last week's
report on the right · charts along the bottom. Each region is a part of its
own (this package's modules); the scene lays them out and runs the week."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pygame

from ....texts import text_of
from ... import tour
from ...game import AUTOSAVE_NAME, WeekOutcome, slot_name
from ...widgets import Builder, html
from .accounts_tab import AccountsTabPart
from .charts_strip import ChartsPart
from .header import HeaderPart
from .inbox_tab import InboxTabPart
from .part import CHART_H, GAP, HEADER_H, PLAN_W, TABS, TEAM_W, Region
from .pipeline_tab import PipelineTabPart
from .plan_column import PlanPart
from .quotas_tab import QuotasTabPart
from .rep_tab import RepTabPart
from .team import TeamPart

REPORT_LINE_H = 30  # a line of the week's report in its text box, in pixels


class DeskScene(
    HeaderPart,
    TeamPart,
    RepTabPart,
    PipelineTabPart,
    AccountsTabPart,
    QuotasTabPart,
    InboxTabPart,
    PlanPart,
    ChartsPart,
):
    """The weekly desk."""

    def build(self, w: int, h: int) -> None:
        game = self.game
        if game.finished:
            return
        self.reselect()
        body_top = HEADER_H + GAP
        # narrower side columns and charts in a small window leave the levers their room
        team_w = TEAM_W if w >= 1200 else 184
        plan_w = PLAN_W if w >= 1200 else 196
        chart_h = CHART_H if h >= 700 else 100
        body_h = h - body_top - chart_h - 2 * GAP
        cw = w - team_w - plan_w - 4 * GAP
        self.regions = {
            "header": Region(self, "header", pygame.Rect(0, 0, w, HEADER_H), self.build_header),
            "team": Region(
                self, "team", pygame.Rect(GAP, body_top, team_w, body_h), self.build_team
            ),
            "centre": Region(
                self,
                "centre",
                pygame.Rect(team_w + 2 * GAP, body_top, cw, body_h),
                self.build_centre,
            ),
            "plan": Region(
                self,
                "plan",
                pygame.Rect(w - plan_w - GAP, body_top, plan_w, body_h),
                self.build_plan,
            ),
            "charts": Region(
                self,
                "charts",
                pygame.Rect(GAP, h - chart_h - GAP, w - 2 * GAP, chart_h),
                self.build_charts,
            ),
        }
        for region in self.regions.values():
            self.later(region.start())

    def close(self) -> None:
        for region in self.regions.values():
            region.kill()
        super().close()

    def focus_order(self) -> list[Any]:
        if self.modal_ui is not None:
            return self.modal_ui.order
        order: list[Any] = []
        for name in ("header", "centre", "team", "plan"):
            region = self.regions.get(name)
            if region is not None and region.ui is not None:
                order.extend(region.ui.order)
        return order

    def callback(self, element: Any) -> Callable[[], None] | None:
        if self.modal_ui is not None:
            return self.modal_ui.callbacks.get(element)
        for region in self.regions.values():
            if region.ui is not None and element in region.ui.callbacks:
                return region.ui.callbacks[element]
        return None

    def build_centre(self, ui: Builder, r: pygame.Rect) -> Iterator[None]:
        x = 0
        obs = self.game.obs
        for tab in TABS:
            text = self.tr(f"tab.{tab}")
            if tab == "inbox":  # messages still waiting for an answer, planned ones aside
                answered = {getattr(p.action, "item", None) for p in self.game.planned("answer")}
                n = sum(1 for i in obs.inbox if i.open and i.id not in answered)
                text = self.tr("ui.inbox_n", n=n) if n else text
            bw = min(118, r.w // len(TABS) - 4)
            ui.button(
                (x, 0, bw, 36),
                text,
                partial(self.set_tab, tab),
                object_id="#tab_active" if tab == self.tab else "#tab",
            )
            x += bw + 4
        yield
        body = pygame.Rect(0, 40, r.w, r.h - 40 - 30)
        ui.panel(body, object_id="#card")
        inner = ui.at(body)
        area = pygame.Rect(0, 0, body.w, body.h)
        out = getattr(self, f"tab_{self.tab}")(inner, area)
        if inspect.isgenerator(out):
            yield from out
        ui.label(
            (4, r.h - 26, r.w - 8, 24),
            self.status,
            object_id="#small",
            cls="@bad" if self.status_bad else "@good",
        )

    def handle(self, event: pygame.event.Event) -> None:
        import pygame_gui

        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and self.tab == "quotas":
            self.quotas_typed()
        elif (
            event.type == pygame.KEYDOWN
            and event.key == pygame.K_SPACE
            and not self.app.typing
            and self.modal is None
        ):
            self.ask_end_week()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.modal is None:
            team = self.regions.get("team")
            if team is not None and team.rect.collidepoint(event.pos):
                self.card_click(event.pos)

    def end_week(self) -> None:
        g = self.game
        before = g.obs
        outcome = g.end_week()
        self.status = ""
        self.pages["inbox"] = 0  # a new week's messages come first
        if g.finished:
            # the season's last week has its report too; the debrief follows when it closes
            self.week_report(outcome)
            return
        last_week = g.obs.week == g.obs.weeks and g.obs.period_end
        if g.obs.period != before.period or last_week:
            # every period's end has its review, the last one's in the season's last week
            from ..review import ReviewScene

            self.app.switch(ReviewScene, outcome=outcome)
            return
        # the report in the next frame (this one has simulated and saved the week), then
        # the desk behind it rebuilt over the frames after, so the window never stops
        # answering for long; no other week can be ended meanwhile
        self.report_waiting = True
        self.jobs.insert(0, self._report(outcome))
        self.rest = True
        self.reselect()  # the selected rep may have left this week
        for name in ("header", "plan", "charts", "team", "centre"):
            self.later(self.regions[name].start())
        self.app.collect_later()

    def _report(self, outcome: WeekOutcome) -> Iterator[None]:
        self.report_waiting = False
        self.week_report(outcome)
        yield

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.game.finished and self.modal is None and self.app.scene is self:
            from ..debrief import DebriefScene

            self.app.switch(DebriefScene)

    def week_report(self, outcome: WeekOutcome) -> None:
        title = (
            self.tr("ui.last_week")
            + " · "
            + self.tr("ui.week_of", week=outcome.week, weeks=self.game.obs.weeks)
        )
        lines = list(outcome.lines)
        step = tour.step_of(outcome.week) if self.game.session.scenario.guided else None
        if step is not None:  # the guided week's lesson, first
            lines.insert(0, self.tr("tour.coach", note=self.tr(f"tour.{step.key}.note")))
        if not outcome.saved:
            lines.insert(0, outcome.save_error)
        body = "<br>".join(html(x) for x in lines) or html(self.tr("ui.nothing_happened"))
        # as wide and tall as the news needs, wrapped lines counted (it scrolls beyond the
        # window's room)
        win_w, win_h = self.app.size
        width = min(win_w - 80, 900)
        # (a generous guess of a line's characters, words wrapping short of the edge,
        # and the text box's own 30-pixel lines: a report one line taller than the
        # guess scrolled for its last line, half cut off)
        per_line = max(20, (width - 60) // (18 if self.lang == "zh" else 9))
        rows = sum(max(1, -(-len(x) // per_line)) for x in lines)
        tall = 124 + REPORT_LINE_H * max(2, rows)
        height = min(win_h - 60, tall)
        self.open_modal(
            title,
            body,
            [(self.tr("ui.ok"), None)],
            raw=True,
            size=(width, height),
            scrolls=tall > height,
        )

    def menu(self) -> None:
        """The game menu: save under a name of one's own, save and quit, or go back."""
        mw, mh = 560, 300
        ui = self.dialog(mw, mh)
        ui.label((16, 10, mw - 32, 32), self.tr("ui.menu"), object_id="#h2")
        ui.text((12, 48, mw - 28, 70), html(self.tr("ui.menu_body")), raw=True)
        ui.label((16, 124, mw - 32, 24), self.tr("ui.save_as_label"), object_id="#small")
        self.save_name = ui.entry((16, 152, mw - 200, 36), self.save_as_default())
        ui.button((mw - 176, 150, 160, 40), self.tr("ui.save_as"), self.save_as)
        ui.button((16, mh - 54, 120, 40), self.tr("ui.cancel"), self._modal_job(None))
        ui.button((144, mh - 54, 112, 40), self.tr("tour.button"), lambda: self.show_tour(0))
        ui.button(
            (mw - 296, mh - 54, 280, 40), self.tr("ui.save_quit"), self._modal_job(self.save_quit)
        )
        self.modal_ui = ui
        self.app.focus_first()

    def show_tour(self, n: int) -> None:
        """The guided weeks' steps as pages, for any game: what to try, and why."""
        steps = tour.STEPS
        step = steps[n]
        title = self.tr(
            "tour.page", n=n + 1, total=len(steps), title=self.tr(f"tour.{step.key}.title")
        )
        body = (
            html(self.tr(f"tour.{step.key}.goal"))
            + "<br><br>"
            + html(self.tr(f"tour.{step.key}.note"))
        )
        buttons: list[tuple[str, Callable[[], None] | None]] = [(self.tr("tour.close"), None)]
        if n + 1 < len(steps):
            buttons.append((self.tr("tour.next"), lambda: self.show_tour(n + 1)))
        self.open_modal(title, body, buttons, raw=True, size=(620, 320))

    def save_as_default(self) -> str:
        """The name the "save as" field offers: the save's own, if the player named it;
        else the scenario's title (a file's name such as
        "promoted_over_peers-12" means nothing to a player)."""
        g = self.game
        path = g.save_path
        own = {AUTOSAVE_NAME, slot_name(g.scenario_path, g.session.seed)}
        if path.name not in own:
            return path.stem
        return text_of(g.session.scenario.title, self.lang)

    def save_as(self) -> None:
        """Go on saving this game under the name typed (letters, digits, - and _)."""
        raw = self.save_name.get_text().strip() if self.save_name is not None else ""
        name = "".join(c for c in raw if c.isalnum() or c in "-_ ").strip().replace(" ", "-")
        if not name:
            self.say(self.tr("ui.save_as_bad"), bad=True)
            self.close_modal()
            self.refresh("centre")
            return
        path = self.app.saves / f"{name}.json"
        if path.exists() and path != self.game.save_path:
            self.open_modal(
                self.tr("ui.save_as"),
                html(self.tr("ui.save_as_exists", name=name)),
                [
                    (self.tr("ui.cancel"), None),
                    (self.tr("load.overwrite_yes"), lambda: self._save_to(path)),
                ],
                raw=True,
                size=(520, 220),
            )
            return
        self._save_to(path)

    def _save_to(self, path: Any) -> None:
        old = self.game.save_path
        self.game.save_path = path
        error = self.app.autosave()
        if error:
            self.game.save_path = old
            self.say(error, bad=True)
        else:
            self.say(self.tr("ui.saved_as", name=path.stem))
        self.close_modal()
        self.refresh("centre")

    def save_quit(self) -> None:
        from ..menus import TitleScene

        self.app.autosave()
        self.app.game = None
        self.app.switch(TitleScene)

    def back(self) -> None:
        self.menu()
