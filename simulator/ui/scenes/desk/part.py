"""What every part of the desk shares: the scene's state, its regions and small helpers."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

import pygame

from ....api import forecast_told
from ....texts import percent
from ...scene import Scene
from ...widgets import Builder

if TYPE_CHECKING:
    from ...app import App
    from ...game import Game

TABS = ("desk", "pipeline", "accounts", "quotas", "inbox")
# the tables' columns: (heading, width)
PIPE_COLS = (
    ("pipe.account", 160),
    ("pipe.value", 66),
    ("pipe.stage", 142),  # "technical exchange", whole
    ("pipe.touch", 80),
    ("pipe.chance", 88),  # "39% no reply"
)
ACC_COLS = (
    ("acc.name", 190),
    ("acc.owner", 120),
    ("acc.segment", 110),
    ("acc.potential", 90),
    ("acc.relationship", 80),
    ("acc.contact", 100),
    ("acc.deals", 60),
)
HEADER_H = 56
CHART_H = 128


def pace_told(obs: Any, rep: Any) -> float | None:
    """The share of quota a rep's period is on course for, as a card tells it; None
    while it is too early to forecast (:func:`forecast_told`)."""
    return float(rep.pace) if forecast_told(obs) else None


TEAM_W = 232
PLAN_W = 256
GAP = 8


class Region:
    """A rectangle of the desk with its own widgets, rebuilt on its own."""

    def __init__(
        self,
        scene: DeskPart,
        name: str,
        rect: pygame.Rect,
        build: Callable[[Builder, pygame.Rect], Any],
    ) -> None:
        self.scene = scene
        self.name = name
        self.rect = rect
        self.build_fn = build
        self.ui: Builder | None = None
        self.job: Generator[None, None, None] | None = None  # its build, while under way

    def start(self) -> Generator[None, None, None]:
        """Build the region again over frames (a generator yielding between batches of
        widgets). A build of it still pending is dropped: a desk changed twice before
        it was redrawn is built once, as it now stands."""
        old = self.job
        if old is not None and inspect.getgeneratorstate(old) != inspect.GEN_RUNNING:
            if old in self.scene.jobs:
                self.scene.jobs.remove(old)
            old.close()
        self.job = self._build()
        return self.job

    def _build(self) -> Generator[None, None, None]:
        if self.ui is not None:
            self.ui.kill()
            if self.name == "centre":
                yield  # clearing a full tab is a frame's work of its own
        self.ui = Builder(self.scene.app.manager, origin=self.rect.topleft)
        self.ui.full_text = self.scene.ui.full_text
        out = self.build_fn(self.ui, pygame.Rect(0, 0, self.rect.w, self.rect.h))
        if inspect.isgenerator(out):
            yield from out

    def build(self) -> None:
        for _ in self.start():
            pass

    def kill(self) -> None:
        if self.ui is not None:
            self.ui.kill()
            self.ui = None


class DeskPart(Scene):
    """The desk's state and the helpers its parts call on one another."""

    def __init__(self, app: App, tab: str = "desk", selected: int | None = None) -> None:
        super().__init__(app)
        self.tab = tab
        self.selected = selected
        self.status = ""
        self.status_bad = False
        self.acc_sort = "potential"
        self.acc_reverse = False
        self.acc_page = 0
        self.show_orphans = False
        self.quota_entries: dict[int, Any] = {}
        self.quota_notes: dict[int, Any] = {}
        self.quota_shown: dict[int, float] = {}  # what each field showed when it was made
        self.plan_scroller: Any = None  # the plan's list, when it is long enough to scroll
        self.plan_count = 0  # how many items the plan's list held when last built
        self.save_name: Any = None  # the menu's "save as" field
        self.pages: dict[str, int] = {}
        self.regions: dict[str, Region] = {}
        self.team_page = 0
        self._follow_selection = True
        self.card_rects: dict[int, pygame.Rect] = {}
        self.report_waiting = False  # a week has ended; its report opens in the next frame

    @property
    def game(self) -> Game:
        assert self.app.game is not None
        return self.app.game

    def pace_text(self, rep: Any) -> str:
        """Where the rep's period is heading: the share of quota it is on course for, that
        it is too early to say, or that the quota is met already (a projection past the
        quota only multiplies one early lump: "on course for 287%" after a big first deal)."""
        if rep.quota <= 0:  # a hire with no territory yet, or a quota set to nothing
            return self.tr("detail.no_quota")
        if rep.booked >= rep.quota:
            return self.tr("detail.quota_met")
        pace = pace_told(self.game.obs, rep)
        if pace is None:
            return self.tr("detail.too_early")
        return self.tr("detail.on_course", pace=f"{100 * pace:.0f}%")

    def numbers_text(self, rep: Any, quota: str) -> tuple[str, str]:
        """The rep's figures in words: the quota, what is booked and where it is heading;
        then how many deals and accounts they hold."""
        numbers = self.tr(
            "detail.numbers",
            quota=quota,
            booked=self.game.money(rep.booked),
            pct=percent(rep.attainment, self.lang),
            course=self.pace_text(rep),
        )
        return numbers, self.counts_text(rep)

    def counts_text(self, rep: Any) -> str:
        """ "20 deals · 51 accounts", each counted in the language's plural."""
        deals = self.tr("detail.deals", n=len(rep.deals))
        return f"{deals} · {self.tr('detail.accounts', n=rep.accounts)}"

    def reselect(self) -> None:
        """Keep the selection on someone still on the team (the first card when not)."""
        obs = self.game.obs
        if self.selected is None or not obs.has_rep(self.selected):
            self.selected = obs.reps[0].id if obs.reps else None

    def refresh(self, *names: str) -> None:
        """Rebuild some regions (all when none named) over the next frames."""
        self.finish()  # what is half built is finished first
        self.reselect()
        for name in names or tuple(self.regions):
            self.later(self.regions[name].start())
        self.app.refreshes += 1
        if self.app.refreshes % 20 == 0:
            self.app.collect_later()
        self.update(0.0)

    def set_tab(self, tab: str) -> None:
        self.tab = tab
        self.refresh("centre")

    def say(self, text: str, bad: bool = False) -> None:
        self.status = text
        self.status_bad = bad

    # provided by other parts of the desk
    def end_week(self) -> None:
        raise NotImplementedError

    def week_report(self, outcome: Any) -> None:
        raise NotImplementedError

    def ask_end_week(self) -> None:
        raise NotImplementedError

    def menu(self) -> None:
        raise NotImplementedError

    def select(self, rep_id: int) -> None:
        raise NotImplementedError
