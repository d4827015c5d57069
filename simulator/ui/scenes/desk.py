"""The weekly desk: where a turn is played.

Header (week, target, hours, budget, End week) · the team as cards on the
left · tabs in the middle (the selected rep and every lever, the pipeline,
the customer archive, quotas, the inbox) · this week's plan and last week's
report on the right · charts along the bottom.

Every lever is a button whose tooltip gives its cost and purpose; a lever
that does not fit (no hours left, not a veteran, no budget, ...) is shown
greyed, and pressing it says why in words. Levers that need a choice (which
skill to coach, which deal to visit) open a short chooser.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pygame

from ... import actions as A
from ...core.types import DelegatedTask, Pool, Skill, Stage, Supervision, Tone
from ...observe import DealView, RepView
from ...texts import has, joiner, quota_unit, rep_name, text_of
from .. import charts
from ..app import Scene
from ..cards import rep_card
from ..widgets import Builder, html

TABS = ("desk", "pipeline", "accounts", "quotas", "inbox")
# the tables' columns: (heading, width)
PIPE_COLS = (
    ("pipe.account", 160),
    ("pipe.value", 72),
    ("pipe.stage", 142),
    ("pipe.touch", 92),
    ("pipe.chance", 88),
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
TEAM_W = 232
PLAN_W = 256
GAP = 8


class Region:
    """A rectangle of the desk with its own widgets, rebuilt on its own."""

    def __init__(
        self,
        scene: DeskScene,
        name: str,
        rect: pygame.Rect,
        build: Callable[[Builder, pygame.Rect], None],
    ) -> None:
        self.scene = scene
        self.name = name
        self.rect = rect
        self.build_fn = build
        self.ui: Builder | None = None

    def start(self) -> Iterator[None]:
        """Build the region again, yielding between batches of widgets."""
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


class DeskScene(Scene):
    def __init__(self, app, tab: str = "desk", selected: int | None = None) -> None:
        super().__init__(app)
        self.tab = tab
        self.selected = selected
        self.status = ""
        self.status_bad = False
        self.acc_sort = "potential"
        self.acc_page = 0
        self.show_orphans = False
        self.quota_entries: dict[int, Any] = {}
        self.pages: dict[str, int] = {}
        self.regions: dict[str, Region] = {}
        self.team_page = 0
        self._follow_selection = True
        self.card_rects: dict[int, pygame.Rect] = {}

    @property
    def game(self):
        assert self.app.game is not None
        return self.app.game

    # ------------------------------------------------------------ layout
    def build(self, w: int, h: int) -> None:
        game = self.game
        if game.finished:
            return
        reps = game.obs.reps
        if self.selected is None or all(r.id != self.selected for r in reps):
            self.selected = reps[0].id if reps else None
        body_top = HEADER_H + GAP
        # narrower side columns and charts in a small window leave the levers their room
        team_w = TEAM_W if w >= 1200 else 200
        plan_w = PLAN_W if w >= 1200 else 208
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

    def refresh(self, *names: str) -> None:
        """Rebuild some regions (all when none named) over the next frames."""
        self.finish()  # what is half built is finished first
        for name in names or tuple(self.regions):
            self.later(self.regions[name].start())
        self.app.refreshes += 1
        if self.app.refreshes % 20 == 0:
            self.app.collect_later()
        self.update(0.0)

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

    # ------------------------------------------------------------ header
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
        x, bw = xs[1], widths[1] - 20
        ui.label(
            (x, 4, bw, 24),
            self.tr("ui.target_bar", target=game.money(obs.team_target), pct=f"{pct:.0f}"),
            object_id="#header_text",
        )
        elapsed = (obs.week_in_period) / max(1, obs.period_weeks)
        ui.image((x, 32, bw, 12), charts.bar((bw, 12), pct / 100, elapsed))
        used = obs.hours_per_week - obs.hours_available + game.hours_planned
        x, bw = xs[2], widths[2] - 20
        ui.label(
            (x, 4, bw, 24),
            self.tr("ui.hours", used=f"{used:g}", total=f"{obs.hours_per_week:g}"),
            object_id="#header_text",
        )
        share = used / obs.hours_per_week if obs.hours_per_week else 0
        ui.image((x, 32, bw, 12), charts.bar((bw, 12), share))
        x, bw = xs[3], widths[3] - 12
        ui.label(
            (x, 4, bw, 24),
            self.tr("ui.budget", left=game.money(game.budget_left)),
            object_id="#header_text",
        )
        spent = 1 - game.budget_left / obs.budget_per_period if obs.budget_per_period else 0
        ui.image((x, 32, bw, 12), charts.bar((bw, 12), spent))
        w = r.w
        ui.button((w - 276, 8, 84, 40), self.tr("ui.menu"), self.menu)
        ui.button(
            (w - 184, 8, 176, 40),
            self.tr("ui.end_week"),
            self.end_week,
            tip=self.tr("ui.end_week_tip"),
            object_id="#primary",
        )

    # ------------------------------------------------------------ team cards
    def build_team(self, ui: Builder, r: pygame.Rect) -> None:
        self.card_rects = {}
        obs = self.game.obs
        ui.label((4, 0, r.w - 8, 24), self.tr("ui.team"), object_id="#h3")
        card_h, gap = 82, 6
        reps = list(obs.reps)
        room = r.h - 28 - 44  # below the heading, above the Hire button
        per_page = max(1, (room + gap) // (card_h + gap))
        if len(reps) > per_page:
            per_page = max(1, (room - 34 + gap) // (card_h + gap))
        pages = max(1, -(-len(reps) // per_page))
        if self._follow_selection and self.selected is not None:
            # the page that shows the selected rep, unless the player paged away
            idx = next((k for k, rp in enumerate(reps) if rp.id == self.selected), 0)
            self.team_page = idx // per_page
        self.team_page = min(self.team_page, pages - 1)
        shown = reps[self.team_page * per_page : (self.team_page + 1) * per_page]
        y = 28
        for rep in shown:
            self.card(ui, pygame.Rect(0, y, r.w, card_h), rep)
            y += card_h + gap
            yield
        if pages > 1:
            ui.button(
                (0, y, r.w // 2 - 3, 30),
                "▲",
                lambda: self.team_turn(-1),
                enabled=self.team_page > 0,
                object_id="#small_button",
            )
            ui.button(
                (r.w // 2 + 3, y, r.w // 2 - 3, 30),
                "▼",
                lambda: self.team_turn(1),
                enabled=self.team_page < pages - 1,
                object_id="#small_button",
            )
            y += 36
        self.lever(ui, (0, r.h - 38, r.w, 36), "hire", A.Hire())

    def team_turn(self, step: int) -> None:
        self.team_page = max(0, self.team_page + step)
        self._follow_selection = False
        self.refresh("team")

    def card(self, ui: Builder, rect: pygame.Rect, rep: RepView) -> None:
        """A drawn card (one image) with the name as a button over it."""
        good, warn, bad, ink, muted = (
            (30, 107, 63),
            (138, 83, 0),
            (163, 34, 27),
            (31, 41, 51),
            (82, 96, 109),
        )
        mood_key = (
            "mood.good" if rep.mood >= 0.65 else ("mood.fair" if rep.mood >= 0.45 else "mood.low")
        )
        mood_col = good if rep.mood >= 0.65 else (warn if rep.mood >= 0.45 else bad)
        row2 = [
            (self.tr(mood_key), mood_col),
            (self.tr("card.attain", pct=f"{100 * rep.attainment:.0f}"), ink),
        ]
        row3 = [(self.tr("card.pipe", value=self.game.money(rep.pipeline)), muted)]
        row3.append(
            (
                self.tr(f"type.{rep.type.value}")
                if rep.type is not None
                else self.tr("card.type_unknown", n=len(rep.hints))
                .split(":")[-1]
                .strip()
                .split("：")[-1]
                .strip(),
                muted,
            )
        )
        flags = []
        if rep.flight_risk is not None and rep.flight_risk >= 0.2:
            flags.append(self.tr("card.risk"))
        if rep.stalled_deals:
            flags.append(self.tr("card.stalled", n=rep.stalled_deals))
        if rep.ramping:
            flags.append(self.tr("card.ramping"))
        row3 += [(x, bad) for x in flags]
        tip = self.tr(
            "detail.numbers",
            quota=self.game.money(rep.quota),
            booked=self.game.money(rep.booked),
            pct=f"{100 * rep.attainment:.0f}",
            pace=f"{rep.pace:.2f}",
            deals=len(rep.deals),
            accounts=rep.accounts,
        )
        rep_card(
            ui,
            rect,
            rep,
            self.lang,
            [row2, row3],
            rep.id == self.selected,
            lambda i=rep.id: self.select(i),
            tip,
        )
        self.card_rects[rep.id] = rect.move(ui.origin)

    def select(self, rep_id: int) -> None:
        self.selected = rep_id
        self._follow_selection = True
        self.refresh("team", "centre")

    # ------------------------------------------------------------ centre
    def build_centre(self, ui: Builder, r: pygame.Rect) -> None:
        x = 0
        obs = self.game.obs
        for tab in TABS:
            text = self.tr(f"tab.{tab}")
            if tab == "inbox":
                n = sum(1 for i in obs.inbox if i.open)
                text = self.tr("ui.inbox_n", n=n) if n else text
            bw = min(118, r.w // len(TABS) - 4)
            ui.button(
                (x, 0, bw, 36),
                text,
                lambda t=tab: self.set_tab(t),
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

    def set_tab(self, tab: str) -> None:
        self.tab = tab
        self.refresh("centre")

    def say(self, text: str, bad: bool = False) -> None:
        self.status = text
        self.status_bad = bad

    # ------------------------------------------------------------ levers
    def cost_text(self, action: A.Action) -> str:
        hours, cash = self.game.cost(action)
        if cash:
            return self.tr("cost.both", hours=f"{hours:g}", money=self.game.money(cash))
        return self.tr("cost.hours", hours=f"{hours:g}")

    def purpose(self, key: str) -> str:
        return self.tr(f"why.{key}")

    def lever(
        self,
        ui: Builder,
        rect: tuple[int, int, int, int],
        key: str,
        action: A.Action | None,
        choose: Callable[[], None] | None = None,
        label: str | None = None,
        small: bool = False,
    ) -> Any:
        """A lever's button: plans ``action`` or opens ``choose``; greyed with why if refused."""
        text = label or self.tr(f"act.{key}")
        why = self.game.why_not(action) if action is not None else None
        if action is not None:
            tip = self.tr("tip.cost", cost=self.cost_text(action), purpose=self.purpose(key))
        else:
            tip = self.purpose(key)
        if choose is not None:
            text += " ▼"
        if why:
            tip = self.tr("ui.refused", why=why) + "\n" + tip

        def press() -> None:
            if why:
                self.say(self.tr("ui.refused", why=why), bad=True)
                self.refresh("centre")
            elif choose is not None:
                choose()
            elif action is not None:
                self.plan(action)

        oid = "#refused" if why else ("#small_button" if small else None)
        return ui.button(rect, text, press, tip=tip, object_id=oid)

    def plan(self, action: A.Action) -> None:
        why = self.game.add(action)
        if why:
            self.say(self.tr("ui.refused", why=why), bad=True)
        else:
            self.say(self.tr("ui.planned", what=self.describe(action)))
        self.refresh("header", "centre", "plan")

    def choose(self, title: str, options: list[tuple[str, A.Action | None, str]]) -> None:
        """A chooser: each option plans its action; one that cannot be done says why."""
        ui_opts = []
        for text, action, _tip in options:
            why = self.game.why_not(action) if action is not None else None
            job = (lambda a=action: self.plan(a)) if action is not None else None
            ui_opts.append((text, job, why))
        self.open_chooser(title, ui_opts)

    def open_chooser(
        self,
        title: str,
        options: list[tuple[str, Callable[[], None] | None, str | None]],
        page: int = 0,
    ) -> None:
        """A dialog listing the choices, eight to a page; refused ones are greyed with why."""
        per = 8
        pages = max(1, -(-len(options) // per))
        page = min(page, pages - 1)
        shown = options[page * per : (page + 1) * per]
        reasons = {why for _, _, why in options}
        common = next(iter(reasons)) if len(reasons) == 1 else None  # one reason for all
        top = 46 + (30 if common else 0)
        mw = 580
        mh = top + 64 + 46 * len(shown)
        ui = self.dialog(mw, mh)
        ui.label((16, 10, mw - 32, 30), title, object_id="#h2")
        if common:
            ui.label(
                (16, 42, mw - 32, 24),
                self.tr("chooser.none", why=common),
                object_id="#small",
                cls="@bad",
            )
        for i, (text, job, why) in enumerate(shown):

            def press(job=job, why=why) -> None:
                if why:
                    self.say(self.tr("ui.refused", why=why), bad=True)
                    self.refresh("centre")
                elif job is not None:
                    job()

            ui.button(
                (16, top + i * 46, mw - 32, 40),
                text,
                self._modal_job(press),
                tip=self.tr("ui.refused", why=why) if why else None,
                object_id="#refused" if why else None,
            )
        if pages > 1:
            ui.button(
                (16, mh - 50, 60, 40),
                "◀",
                lambda: self.open_chooser(title, options, page - 1),
                enabled=page > 0,
            )
            ui.label((80, mh - 42, 60, 24), f"{page + 1}/{pages}", object_id="#small")
            ui.button(
                (140, mh - 50, 60, 40),
                "▶",
                lambda: self.open_chooser(title, options, page + 1),
                enabled=page < pages - 1,
            )
        ui.button((mw - 176, mh - 50, 160, 40), self.tr("ui.cancel"), self._modal_job(None))
        self.modal_ui = ui
        self.app.focus_first()

    def describe(self, action: A.Action) -> str:
        """A planned action in a few words: what, for whom."""
        nar = self.game.narrator
        name = nar.action_name(action.kind, action.to_dict())
        rep = getattr(action, "rep", None)
        parts = [name]
        if action.kind == "feedback":
            parts.append(self.tr("pick.public" if action.public else "pick.private"))
        if rep is not None:
            parts.append(nar.rep(rep))
        if isinstance(action, A.Coach | A.TeamTraining):
            parts.append(self.tr(f"skill.{action.skill.value}"))
        if isinstance(action, A.AssignMentor):
            parts.append(f"{nar.rep(action.mentor)} → {nar.rep(action.novice)}")
        if isinstance(action, A.NameRival):
            parts.append("↔ " + nar.rep(action.rival))
        if isinstance(action, A.Delegate):
            parts.append(
                f"{nar.rep(action.deputy)}: {self.tr(f'task.{action.task.value}')}, "
                f"{self.tr(f'sup.{action.supervision.value}')}"
            )
        if isinstance(action, A.ProfitShare):
            parts.append(nar.rep(action.deputy))
        if isinstance(action, A.CashBonus | A.MakePromise | A.SetQuota):
            parts.append(self.game.money(action.amount))
        if hasattr(action, "deal"):
            parts.append(nar.deal_account(action.deal))
        if isinstance(action, A.RequestSupport):
            parts.append(self.tr(f"pool.{action.pool.value}"))
        if isinstance(action, A.Answer):
            parts.append(action.choice)
        return " · ".join(parts)

    # ------------------------------------------------------------ the desk tab
    def tab_desk(self, ui: Builder, r: pygame.Rect) -> None:
        obs = self.game.obs
        if self.selected is None:
            ui.label((16, 16, r.w - 32, 28), self.tr("ui.plan_empty"))
            return
        rep = obs.rep(self.selected)
        name = rep_name(rep, self.lang)
        tag = (
            self.tr("brief.veteran")
            if rep.veteran
            else (self.tr("brief.novice") if rep.novice else "")
        )
        typ = (
            self.tr("card.type", type=self.tr(f"type.{rep.type.value}"))
            if rep.type is not None
            else self.tr("card.type_unknown", n=len(rep.hints))
        )
        ui.label(
            (16, 8, r.w - 32, 28),
            self.tr("detail.head", name=name, years=f"{rep.tenure_years:g}", veteran=tag, type=typ),
            object_id="#h3",
        )
        m = self.game.money
        ui.label(
            (16, 36, r.w - 32, 22),
            self.tr(
                "detail.numbers",
                quota=m(rep.quota),
                booked=m(rep.booked),
                pct=f"{100 * rep.attainment:.0f}",
                pace=f"{rep.pace:.2f}",
                deals=len(rep.deals),
                accounts=rep.accounts,
            ),
            object_id="#small",
        )
        roles = self.roles(rep)
        last = (
            self.tr("detail.last_1on1", week=rep.last_one_on_one)
            if rep.last_one_on_one is not None
            else self.tr("detail.never_1on1")
        )
        ui.label(
            (16, 56, r.w - 32, 22),
            (self.tr("detail.roles", roles=joiner(self.lang).join(roles)) + " · " if roles else "")
            + last,
            object_id="#small",
        )
        # what they have let slip so far: the clues to their type, newest last, wrapped
        hints = [
            f"“{self.tr(f'hint.{k}')}” ({self.tr('ui.week_short', week=w)})"
            for w, k in rep.hints[-3:]
        ]
        text = (
            self.tr("detail.hints", hints=("；" if self.lang == "zh" else "; ").join(hints))
            if hints
            else self.tr("detail.no_hints")
        )
        ui.text((10, 74, r.w - 20, 56), text, object_id="#hints")
        yield
        yield from self.lever_grid(ui, pygame.Rect(8, 132, r.w - 16, r.h - 136), rep)

    def roles(self, rep: RepView) -> list[str]:
        nar = self.game.narrator
        out = []
        if rep.deputy:
            out.append(self.tr("role.deputy"))
        if rep.profit_share:
            out.append(self.tr("role.profit_share"))
        if rep.mentee is not None:
            out.append(self.tr("role.mentor_of", name=nar.rep(rep.mentee)))
        if rep.mentor is not None:
            out.append(self.tr("role.mentored_by", name=nar.rep(rep.mentor)))
        if rep.rival is not None:
            out.append(self.tr("role.rival", name=nar.rep(rep.rival)))
        if rep.autonomy:
            out.append(self.tr("role.autonomy"))
        if rep.development_plan:
            out.append(self.tr("role.dev_plan"))
        if rep.key_accounts:
            out.append(self.tr("role.key_accounts", n=rep.key_accounts))
        return out

    def lever_grid(self, ui: Builder, r: pygame.Rect, rep: RepView) -> None:
        i = rep.id
        g = self.game
        obs = g.obs
        others = [o for o in obs.reps if o.id != i]
        nar = g.narrator
        rows: list[tuple[str, list[tuple[str, A.Action | None, Callable[[], None] | None]]]] = [
            (
                "talk",
                [
                    ("one_on_one", A.OneOnOne(i), None),
                    (
                        "feedback_praise",
                        None,
                        lambda: self.choose(
                            self.tr("act.feedback_praise") + " · " + nar.rep(i),
                            [
                                (self.tr("pick.public"), A.Feedback(i, Tone.PRAISE, True), ""),
                                (self.tr("pick.private"), A.Feedback(i, Tone.PRAISE, False), ""),
                            ],
                        ),
                    ),
                    (
                        "feedback_criticism",
                        None,
                        lambda: self.choose(
                            self.tr("act.feedback_criticism") + " · " + nar.rep(i),
                            [
                                (self.tr("pick.private"), A.Feedback(i, Tone.CRITICISM, False), ""),
                                (self.tr("pick.public"), A.Feedback(i, Tone.CRITICISM, True), ""),
                            ],
                        ),
                    ),
                    ("performance_review", A.PerformanceReview(i), None),
                ],
            ),
            (
                "grow",
                [
                    (
                        "coach",
                        None,
                        lambda: self.choose(
                            self.tr("act.coach") + " · " + nar.rep(i),
                            [(self.tr(f"skill.{s.value}"), A.Coach(i, s), "") for s in Skill],
                        ),
                    ),
                    ("development_plan", A.DevelopmentPlan(i), None),
                    ("autonomy", A.GiveAutonomy(i), None),
                    (
                        "mentor",
                        None,
                        lambda: self.choose(
                            self.tr("act.mentor") + " · " + nar.rep(i),
                            [
                                (
                                    f"{nar.rep(o.id)} → {nar.rep(i)}"
                                    if rep.novice
                                    else f"{nar.rep(i)} → {nar.rep(o.id)}",
                                    A.AssignMentor(o.id, i)
                                    if rep.novice
                                    else A.AssignMentor(i, o.id),
                                    "",
                                )
                                for o in others
                                if (o.novice != rep.novice)
                            ]
                            or [(self.tr("refused.not_novice"), None, "")],
                        ),
                    ),
                ],
            ),
            (
                "motivate",
                [
                    (
                        "rival",
                        None,
                        lambda: self.choose(
                            self.tr("act.rival") + " · " + nar.rep(i),
                            [(nar.rep(o.id), A.NameRival(i, o.id), "") for o in others],
                        ),
                    ),
                    (
                        "bonus",
                        None,
                        lambda: self.choose(
                            self.tr("act.bonus") + " · " + nar.rep(i),
                            [(g.money(a), A.CashBonus(i, a), "") for a in g.amounts()],
                        ),
                    ),
                    (
                        "promise",
                        None,
                        lambda: self.choose(
                            self.tr("act.promise") + " · " + nar.rep(i),
                            [(g.money(a), A.MakePromise(i, a), "") for a in g.amounts()],
                        ),
                    ),
                    ("honour_veteran", A.HonourVeteran(i), None),
                    (
                        "keep_promise",
                        None,
                        lambda: self.choose(
                            self.tr("act.keep_promise"),
                            [
                                (f"{nar.rep(p.rep)} · {g.money(p.amount)}", A.KeepPromise(p.id), "")
                                for p in obs.promises
                                if p.rep == i and p.status in ("open", "due")
                            ]
                            or [(self.tr("refused.not_due"), None, "")],
                        ),
                    ),
                ],
            ),
            (
                "organise",
                [
                    ("key_account", None, lambda: self.choose_account(i)),
                    ("reassign_accounts", None, lambda: self.choose_accounts(i)),
                    ("delegate", None, lambda: self.choose_delegation(i)),
                    ("profit_share", A.ProfitShare(i), None),
                ],
            ),
            (
                "deals",
                [
                    ("pipeline_review", A.PipelineReview((i,)), None),
                    ("joint_visit", None, lambda: self.choose_deal(i, "joint_visit")),
                    ("request_support", None, lambda: self.choose_deal(i, "request_support")),
                    ("set_quota", None, lambda: self.set_tab("quotas")),
                ],
            ),
            (
                "people",
                [
                    ("assessment", A.StrengthsAssessment(i), None),
                    ("let_go", None, lambda: self.confirm_let_go(i)),
                ],
            ),
            (
                "team",
                [
                    ("team_meeting", A.TeamMeeting(), None),
                    ("team_goal", A.SetTeamGoal(), None),
                    ("contest", A.RunContest(), None),
                    (
                        "team_training",
                        None,
                        lambda: self.choose(
                            self.tr("act.team_training"),
                            [(self.tr(f"skill.{s.value}"), A.TeamTraining(s), "") for s in Skill],
                        ),
                    ),
                    ("daily_plans", A.AdoptDailyPlans(), None),
                    ("call_analytics", A.AdoptCallAnalytics(), None),
                ],
            ),
        ]
        label_w = 92
        per_row = 5 if (r.w - label_w) // 5 - 6 >= 110 else 4
        bw = (r.w - label_w) // per_row - 6
        lines = sum(-(-len(items) // per_row) for _, items in rows)
        row_h = max(28, min(40, r.h // lines))
        y = r.y
        for group, items in rows:
            ui.label((r.x, y + 6, label_w - 4, 24), self.tr(f"group.{group}"), object_id="#h3")
            x = r.x + label_w
            for key, action, chooser in items:
                if x + bw > r.right:
                    x = r.x + label_w
                    y += row_h
                self.lever(ui, (x, y, bw, row_h - 4), key, action, chooser, small=True)
                x += bw + 6
            y += row_h
            yield

    def choose_account(self, rep_id: int) -> None:
        acc = self.game.obs.accounts
        free = acc.by_potential(acc.owned_by(None))[:8]
        mine = [a for a in acc.by_potential(acc.owned_by(rep_id)) if not acc[a].key][:8]
        opts = [
            (
                f"{acc[a].name} · {self.game.money(acc[a].potential)}",
                A.AssignKeyAccount(rep_id, a),
                "",
            )
            for a in mine + free
        ]
        self.choose(
            self.tr("act.key_account"), opts or [(self.tr("refused.no_accounts"), None, "")]
        )

    def choose_accounts(self, rep_id: int) -> None:
        acc = self.game.obs.accounts
        free = acc.by_potential(acc.owned_by(None))
        opts = []
        for n in (3, 6, 10):
            if len(free) >= n:
                opts.append(
                    (
                        f"{n} × {self.tr('acc.name')}",
                        A.ReassignAccounts(rep_id, tuple(free[:n])),
                        "",
                    )
                )
        if free and len(free) < 10:
            opts.append(
                (
                    f"{len(free)} × {self.tr('acc.name')}",
                    A.ReassignAccounts(rep_id, tuple(free)),
                    "",
                )
            )
        self.choose(
            self.tr("act.reassign_accounts"), opts or [(self.tr("refused.no_accounts"), None, "")]
        )

    def choose_delegation(self, rep_id: int) -> None:
        opts = []
        for task in DelegatedTask:
            for sup in Supervision:
                opts.append(
                    (
                        f"{self.tr(f'task.{task.value}')} · {self.tr(f'sup.{sup.value}')}",
                        A.Delegate(rep_id, task, sup),
                        "",
                    )
                )
        self.choose(self.tr("act.delegate") + " · " + self.game.narrator.rep(rep_id), opts)

    def choose_deal(self, rep_id: int, kind: str) -> None:
        rep = self.game.obs.rep(rep_id)
        deals = sorted(rep.deals, key=lambda d: (-d.value,))[:10]
        if kind == "joint_visit":
            opts = [(self.deal_text(d), A.JointVisit(rep_id, d.id), "") for d in deals]
            self.choose(self.tr("act.joint_visit"), opts or [(self.tr("inbox.empty"), None, "")])
            return
        opts = []
        for d in deals:
            for pool in Pool:
                if any(p.pool == pool and p.size for p in self.game.obs.pools):
                    opts.append(
                        (
                            f"{self.deal_text(d)} · {self.tr(f'pool.{pool.value}')}",
                            A.RequestSupport(d.id, pool),
                            "",
                        )
                    )
        self.choose(self.tr("act.request_support"), opts or [(self.tr("inbox.empty"), None, "")])

    def deal_text(self, d: DealView) -> str:
        return f"{d.account_name} · {self.game.money(d.value)} · {self.tr(f'stage.{int(d.stage)}')}"

    def confirm_let_go(self, rep_id: int) -> None:
        nar = self.game.narrator
        action = A.LetGo(rep_id)
        why = self.game.why_not(action)
        body = self.tr("why.let_go") + (("\n" + self.tr("ui.refused", why=why)) if why else "")
        self.open_modal(
            f"{self.tr('act.let_go')} · {nar.rep(rep_id)}",
            body,
            [(self.tr("ui.cancel"), None), (self.tr("act.let_go"), lambda: self.plan(action))],
            size=(520, 260),
        )

    # ------------------------------------------------------------ pipeline tab
    def tab_pipeline(self, ui: Builder, r: pygame.Rect) -> None:
        obs = self.game.obs
        g = self.game
        if self.show_orphans or self.selected is None:
            deals = list(obs.orphan_deals)
            head = self.tr("pipe.orphans")
        else:
            rep = obs.rep(self.selected)
            deals = list(rep.deals)
            head = self.tr(
                "pipe.head",
                rep=rep_name(rep, self.lang),
                n=len(deals),
                value=g.money(sum(d.value for d in deals)),
            )
        ui.label((16, 8, r.w - 420, 26), head, object_id="#h3")
        if self.selected is not None:
            self.lever(
                ui, (r.w - 400, 6, 190, 32), "pipeline_review", A.PipelineReview((self.selected,))
            )
        ui.button(
            (r.w - 204, 6, 188, 32),
            self.tr("pipe.orphans") if not self.show_orphans else self.tr("ui.back"),
            self.toggle_orphans,
        )
        by_stage = " · ".join(
            f"{self.tr(f'stage_short.{int(st)}')} {sum(1 for d in deals if d.stage == st)}"
            for st in list(Stage)[:6]
        )
        ui.label(
            (16, 40, r.w - 32, 20),
            self.tr(
                "pipe.by_stage",
                stages=by_stage,
                expected=g.money(sum(d.win_chance * d.value for d in deals)),
            ),
            object_id="#small",
        )
        ui.label((16, 60, r.w - 32, 20), self.tr("pipe.legend"), object_id="#small")
        self.headings(ui, 80, PIPE_COLS)
        deals.sort(key=lambda d: (-d.days_since_touch, -d.value))
        row_h = 34
        per_page = max(3, (r.h - 104 - 40) // row_h)
        start, end = self.pager(
            ui, "pipeline", len(deals), per_page, pygame.Rect(r.w - 200, r.h - 38, 184, 32)
        )
        yield
        for d_index, d in enumerate(deals[start:end]):
            yield from self.deal_row(ui, 104 + d_index * row_h, d, r.w - 16)
            yield

    def headings(self, ui: Builder, y: int, cols: tuple[tuple[str, int], ...]) -> None:
        """A table's column headings, at the widths its rows use."""
        x = 16
        for key, cw in cols:
            ui.label((x, y, cw - 4, 22), self.tr(key), object_id="#small")
            x += cw

    def pager(
        self, ui: Builder, key: str, total: int, per_page: int, rect: pygame.Rect
    ) -> tuple[int, int]:
        """Which slice of a long list to show, with ◀ ▶ buttons when it has pages."""
        pages = max(1, -(-total // per_page))
        page = min(self.pages.get(key, 0), pages - 1)
        self.pages[key] = page
        if pages > 1:
            bw = (rect.w - 60) // 2
            ui.button(
                (rect.x, rect.y, bw, rect.h),
                "◀",
                lambda: self.turn(key, -1),
                enabled=page > 0,
                object_id="#small_button",
            )
            ui.label(
                (rect.x + bw + 4, rect.y + 4, 52, rect.h - 8),
                f"{page + 1}/{pages}",
                object_id="#small",
            )
            ui.button(
                (rect.right - bw, rect.y, bw, rect.h),
                "▶",
                lambda: self.turn(key, 1),
                enabled=page < pages - 1,
                object_id="#small_button",
            )
        return page * per_page, min(total, (page + 1) * per_page)

    def turn(self, key: str, step: int) -> None:
        self.pages[key] = max(0, self.pages.get(key, 0) + step)
        self.refresh("centre")

    def deal_row(self, ui: Builder, y: int, d: DealView, width: int) -> Iterator[None]:
        """One deal: the cells under ``PIPE_COLS``' headings, then push, drop and visit."""
        g = self.game
        mark, mark_cls = "", None
        if d.dead_suspect:
            mark, mark_cls = " " + self.tr("pipe.mark30"), "@bad"
        elif d.stalled:
            mark, mark_cls = " " + self.tr("pipe.mark15"), "@warn"
        chance = f"{100 * d.win_chance:.0f}%"
        if d.unresponsive:
            chance += " " + self.tr("pipe.quiet")
        elif d.reviewed:
            chance += " ✓"
        cells = (
            (("★ " if d.big else "") + d.account_name, None),
            (g.money(d.value), None),
            (self.tr(f"stage.{int(d.stage)}"), None),
            (self.tr("pipe.days", days=d.days_since_touch) + mark, mark_cls),
            (chance, "@bad" if d.unresponsive else None),
        )
        x = 16
        for (text, cls), (_, cw) in zip(cells, PIPE_COLS, strict=True):
            ui.label((x, y + 4, cw - 4, 24), text, object_id="#cell", cls=cls)
            x += cw
        yield
        bw = max(48, (width - x - 8) // 3)
        self.lever(ui, (x, y, bw, 30), "push_deal", A.PushDeal(d.id), small=True)
        self.lever(ui, (x + bw + 3, y, bw, 30), "drop_deal", A.DropDeal(d.id), small=True)
        if d.rep is not None:
            self.lever(
                ui,
                (x + 2 * (bw + 3), y, bw, 30),
                "joint_visit",
                A.JointVisit(d.rep, d.id),
                small=True,
                label=self.tr("act.visit_short"),
            )

    def toggle_orphans(self) -> None:
        self.show_orphans = not self.show_orphans
        self.refresh("centre")

    # ------------------------------------------------------------ accounts tab
    def tab_accounts(self, ui: Builder, r: pygame.Rect) -> None:
        obs = self.game.obs
        acc = obs.accounts
        rows = [a for a in acc if not a.churned] + [a for a in acc if a.churned]
        keyf = {
            "potential": lambda a: -a.potential,
            "relationship": lambda a: -a.relationship,
            "contact": lambda a: a.last_contact_day,
            "owner": lambda a: (a.owner is None, a.owner if a.owner is not None else 0),
        }[self.acc_sort]
        rows.sort(key=keyf)
        per_page = max(5, (r.h - 120) // 28)
        pages = max(1, -(-len(rows) // per_page))
        self.acc_page = min(self.acc_page, pages - 1)
        shown = rows[self.acc_page * per_page : (self.acc_page + 1) * per_page]
        sort_names = {
            "potential": "acc.potential",
            "relationship": "acc.relationship",
            "contact": "acc.contact",
            "owner": "acc.owner",
        }
        x = 16
        for key, label in sort_names.items():
            ui.button(
                (x, 6, 120, 30),
                ("▼ " if key == self.acc_sort else "") + self.tr(label),
                lambda k=key: self.sort_accounts(k),
                object_id="#tab_active" if key == self.acc_sort else "#small_button",
            )
            x += 124
        ui.button((r.w - 180, 6, 76, 30), "◀", lambda: self.page(-1), enabled=self.acc_page > 0)
        ui.button(
            (r.w - 100, 6, 76, 30), "▶", lambda: self.page(1), enabled=self.acc_page < pages - 1
        )
        ui.label(
            (16, 40, r.w - 32, 20),
            self.tr(
                "acc.shown",
                shown=f"{self.acc_page * per_page + 1}–{self.acc_page * per_page + len(shown)}",
                total=len(rows),
                order=self.tr(sort_names[self.acc_sort]),
            ),
            object_id="#small",
        )
        cols = ACC_COLS
        self.headings(ui, 62, cols)
        nar = self.game.narrator
        today = (obs.week - 1) * 5
        y = 86
        for a in shown:
            vals = [
                (self.tr("acc.key") + " " if a.key else "") + a.name,
                nar.rep(a.owner) if a.owner is not None else self.tr("acc.nobody"),
                a.segment,
                self.game.money(a.potential),
                f"{100 * a.relationship:.0f}%",
                self.tr("acc.days_ago", days=max(0, today - a.last_contact_day))
                if a.last_contact_day >= 0
                else "—",
                self.tr("acc.lost") if a.churned else str(a.open_deals),
            ]
            # the name opens the account's file: its history, deal by deal
            ui.button(
                (12, y, cols[0][1] - 4, 26),
                vals[0],
                lambda a=a: self.account_file(a),
                object_id="#small_button",
                tip=self.tr("acc.open_tip"),
            )
            x = 16 + cols[0][1]
            for (_, cw), v in zip(cols[1:], vals[1:], strict=True):
                ui.label(
                    (x, y, cw - 4, 24), v, object_id="#cell", cls="@bad" if a.churned else None
                )
                x += cw
            y += 28
            if (y - 86) % (28 * 4) == 0:
                yield

    def account_file(self, a) -> None:
        """The customer archive's card of one account (P12)."""
        nar = self.game.narrator
        lines = [
            self.tr(
                "acc.file_line",
                owner=nar.rep(a.owner) if a.owner is not None else self.tr("acc.nobody"),
                segment=a.segment,
                potential=self.game.money(a.potential),
                relationship=f"{100 * a.relationship:.0f}%",
                style=self.tr(f"style.{a.decision_style}"),
                won=self.game.money(a.won_value),
            ),
            "",
        ]
        for day, kind, text in a.history[-14:]:
            what = self.tr(f"hist.{kind}") if has(f"hist.{kind}") else kind
            if kind == "lost" and has(f"lost.{text}"):
                what += f" ({self.tr(f'lost.{text}')})"
            week = self.tr("ui.week_short", week=day // 5 + 1)
            lines.append(self.tr("ui.at_week", week=week, text=what))
        if not a.history:
            lines.append(self.tr("acc.no_history"))
        self.open_modal(a.name, "\n".join(lines), [(self.tr("ui.close"), None)], size=(600, 460))

    def sort_accounts(self, key: str) -> None:
        self.acc_sort = key
        self.acc_page = 0
        self.refresh("centre")

    def page(self, step: int) -> None:
        self.acc_page = max(0, self.acc_page + step)
        self.refresh("centre")

    # ------------------------------------------------------------ quotas tab
    def quota_period(self) -> int:
        obs = self.game.obs
        if obs.week_in_period <= 1 or obs.period + 1 >= obs.periods:
            return obs.period
        return obs.period + 1

    def tab_quotas(self, ui: Builder, r: pygame.Rect) -> None:
        obs = self.game.obs
        g = self.game
        per = self.quota_period()
        target = obs.targets[per]
        ui.label((16, 8, r.w - 32, 28), self.tr("quota.title", period=per + 1), object_id="#h3")
        self.quota_entries = {}
        y = 44
        row_h = 38
        planned = {
            p.action.rep: p.action.amount
            for p in g.plan
            if isinstance(p.action, A.SetQuota) and (p.action.period or obs.period) == per
        }
        for rep in obs.reps:
            ui.label((16, y + 6, 150, 24), rep_name(rep, self.lang))
            hist = [f"{g.money(q)}→{g.money(b)}" for q, b in rep.history[-3:]]
            ui.label(
                (170, y + 6, 300, 24),
                self.tr("quota.history", items=joiner(self.lang).join(hist))
                if hist
                else self.tr("quota.no_history"),
                object_id="#small",
            )
            current = planned.get(rep.id, rep.quota)
            entry = ui.entry(
                (476, y + 2, 110, 32),
                f"{current / quota_unit(self.lang):.0f}",
                tip=self.tr("quota.entry_tip"),
            )
            entry.set_allowed_characters("numbers")
            self.quota_entries[rep.id] = entry
            ui.label(
                (592, y + 6, max(40, r.w - 600), 24),
                self.far_note(rep, current),
                object_id="#small",
                cls="@warn",
            )
            y += row_h
            yield
        total = sum(self.entry_amount(e) or 0 for e in self.quota_entries.values())
        pct = 100 * total / target if target else 0
        self.quota_sum = ui.label(
            (16, y + 8, r.w - 260, 26),
            self.tr("quota.sum", sum=g.money(total), target=g.money(target), pct=f"{pct:.0f}"),
            object_id="#h3",
        )
        ui.button(
            (r.w - 236, y + 4, 220, 36),
            self.tr("quota.apply"),
            self.apply_quotas,
            tip=self.tr("why.set_quota"),
            object_id="#primary",
        )

    def far_note(self, rep: RepView, amount: float) -> str:
        results = [b for _, b in rep.history[-4:]]
        if not results or amount <= 0:
            return ""
        typical = sum(results) / len(results)
        if typical > 0 and not 0.7 <= amount / typical <= 1.4:
            return self.tr("quota.far")
        return ""

    def entry_amount(self, entry: Any) -> float | None:
        """A typed quota in money (the field counts in k, or 万 in Chinese)."""
        text = entry.get_text().strip()
        if not text.isdigit():
            return None
        return quota_unit(self.lang) * int(text)

    def handle(self, event: pygame.event.Event) -> None:
        import pygame_gui

        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and self.tab == "quotas":
            obs = self.game.obs
            target = obs.targets[self.quota_period()]
            total = sum(self.entry_amount(e) or 0 for e in self.quota_entries.values())
            pct = 100 * total / target if target else 0
            if getattr(self, "quota_sum", None) is not None and self.quota_sum.alive():
                self.quota_sum.set_text(
                    self.tr(
                        "quota.sum",
                        sum=self.game.money(total),
                        target=self.game.money(target),
                        pct=f"{pct:.0f}",
                    )
                )
        elif (
            event.type == pygame.KEYDOWN
            and event.key == pygame.K_SPACE
            and not self.app.typing
            and self.modal is None
        ):
            self.end_week()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.modal is None:
            team = self.regions.get("team")
            if team is not None and team.rect.collidepoint(event.pos):
                self.card_click(event.pos)

    def card_click(self, pos: tuple[int, int]) -> None:
        """A click anywhere on a card selects its rep (the name button is the keyboard's way)."""
        for rep_id, rect in self.card_rects.items():
            if rect.collidepoint(pos) and rep_id != self.selected:
                self.select(rep_id)
                return

    def apply_quotas(self) -> None:
        obs = self.game.obs
        per = self.quota_period()
        bad = []
        for rep_id, entry in self.quota_entries.items():
            amount = self.entry_amount(entry)
            if amount is None or amount <= 0:
                bad.append(entry.get_text())
                continue
            for p in self.game.planned("set_quota", rep=rep_id):
                self.game.plan.remove(p)
            self.game.add(A.SetQuota(rep_id, amount, None if per == obs.period else per))
        if bad:
            self.say(self.tr("quota.bad", text=bad[0]), bad=True)
        else:
            self.say(self.tr("ui.planned", what=self.tr("quota.title", period=per + 1)))
        self.refresh("header", "centre", "plan")

    # ------------------------------------------------------------ inbox tab
    def tab_inbox(self, ui: Builder, r: pygame.Rect) -> None:
        obs = self.game.obs
        items = sorted(obs.inbox, key=lambda i: (not i.open, -i.week))
        if not items:
            ui.label((16, 16, r.w - 32, 28), self.tr("inbox.empty"))
            return
        heights = [100 + 64 + 40 * len(i.choices) if i.open else 130 for i in items]
        # as many as fit on a page, open messages first
        pages, page, used = [], [], 0
        for k, ih in enumerate(heights):
            if page and used + ih > r.h - 44:
                pages.append(page)
                page, used = [], 0
            page.append(k)
            used += ih
        pages.append(page)
        current = min(self.pages.get("inbox", 0), len(pages) - 1)
        self.pages["inbox"] = current
        if len(pages) > 1:
            self.pages["inbox_n"] = len(pages)
            self.pager(ui, "inbox", len(pages), 1, pygame.Rect(r.w - 200, r.h - 38, 184, 32))
        y = 6
        for k in pages[current]:
            self.inbox_item(ui, pygame.Rect(8, y, r.w - 16, heights[k] - 8), items[k])
            y += heights[k]

    def inbox_item(self, ui: Builder, r: pygame.Rect, item) -> None:
        ui.panel(r, object_id="#card")
        c = ui.at(r)
        c.label((12, 6, r.w - 24, 26), text_of(item.title, self.lang), object_id="#h3")
        if item.open:
            status = self.tr("inbox.due", week=item.deadline)
        elif item.status == "answered":
            chosen = next((ch for ch in item.choices if ch.id == item.choice), None)
            status = self.tr(
                "inbox.answered", choice=text_of(chosen.text, self.lang) if chosen else item.choice
            )
        elif item.status == "expired":
            status = self.tr("inbox.expired")
        else:
            status = ""
        c.label((12, 30, r.w - 24, 20), status, object_id="#small")
        msg_h = 64
        c.text((8, 50, r.w - 16, msg_h), text_of(item.message, self.lang))
        if not item.open:
            return
        y = 50 + msg_h + 6
        for k, ch in enumerate(item.choices):
            cost = []
            if ch.hours:
                cost.append(self.tr("cost.hours", hours=f"{ch.hours:g}"))
            if ch.money:
                cost.append(self.game.money(ch.money))
            text = text_of(ch.text, self.lang)
            if cost:
                text += " (" + joiner(self.lang).join(cost) + ")"
            action = A.Answer(item.id, ch.id)
            self.lever(c, (12, y + 40 * k, r.w - 24, 36), "answer", action, label=text)

    # ------------------------------------------------------------ plan column
    def build_plan(self, ui: Builder, r: pygame.Rect) -> None:
        g = self.game
        ui.label((4, 0, r.w - 8, 24), self.tr("ui.plan"), object_id="#h3")
        # what the week takes before any plan: admin, standing meetings, supervision
        fixed = g.obs.hours_per_week - g.obs.hours_available
        ui.label((4, 26, r.w - 8, 20), self.tr("ui.admin", hours=f"{fixed:g}"), object_id="#small")
        y = 48
        if not g.plan:
            ui.label((4, y, r.w - 8, 22), self.tr("ui.plan_empty"), object_id="#small")
            y += 26
        max_rows = max(3, (r.h // 2 - 60) // 28)
        for k, p in enumerate(g.plan[:max_rows]):
            cost = f"{p.hours:g} h" if self.lang == "en" else f"{p.hours:g} 小时"
            ui.label((4, y + 2, r.w - 100, 24), self.describe(p.action), object_id="#small")
            ui.label((r.w - 94, y + 2, 56, 24), cost, object_id="#small")
            ui.button(
                (r.w - 36, y, 32, 28),
                self.tr("ui.remove"),
                lambda k=k: self.unplan(k),
                tip=self.tr("ui.remove_tip"),
                object_id="#small_button",
            )
            y += 28
        if len(g.plan) > max_rows:
            ui.label((4, y, r.w - 8, 22), f"+{len(g.plan) - max_rows}", object_id="#small")
            y += 24
        ui.label(
            (4, y + 4, r.w - 8, 22),
            self.tr("ui.hours_left", hours=f"{g.hours_left:g}", money=g.money(g.budget_left)),
            object_id="#h3",
        )
        y += 34
        ui.label((4, y, r.w - 8, 24), self.tr("ui.last_week"), object_id="#h3")
        y += 26
        last = g.outcomes[-1].lines if g.outcomes else []
        body = "<br>".join(html(x) for x in last[:14]) or html(self.tr("ui.nothing_happened"))
        ui.text((0, y, r.w, r.h - y), body, raw=True)

    def unplan(self, index: int) -> None:
        self.game.remove(index)
        self.say("")
        self.refresh("header", "centre", "plan")

    # ------------------------------------------------------------ charts
    def build_charts(self, ui: Builder, r: pygame.Rect) -> None:
        from ..portraits import font

        g = self.game
        weeks = g.session.world.metrics.weeks
        third = (r.w - 2 * GAP) // 3
        ch = r.h - 28
        rev = [0.0] + [m.revenue for m in weeks]
        tgt = [g.session.world.target_through(w) for w in range(0, g.obs.weeks + 1)]
        ui.label(
            (0, 0, third - 190, 24),
            self.tr(
                "chart.revenue_now", booked=g.money(rev[-1]), target=g.money(tgt[len(rev) - 1])
            ),
            object_id="#small",
        )
        ui.label((third - 186, 0, 186, 24), self.tr("chart.revenue_legend"), object_id="#small")
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
        names = [self.tr(f"stage_short.{int(s)}") for s in stages]
        ui.image(
            (x, 26, third, ch), charts.funnel_chart((third, ch), values, counts, names, font(12))
        )
        x += third + GAP
        mood = [m.mood_seen for m in weeks]
        now = f" {mood[-1]:.2f}" if mood else ""
        ui.label((x, 0, r.w - x, 24), self.tr("chart.mood") + now, object_id="#small")
        ui.image((x, 26, r.w - x, ch), charts.mood_chart((r.w - x, ch), mood, g.obs.weeks))

    # ------------------------------------------------------------ ending a week
    def end_week(self) -> None:
        g = self.game
        before = g.obs
        outcome = g.end_week()
        self.status = ""
        if g.finished:
            from .debrief import DebriefScene

            self.app.switch(DebriefScene)
            return
        if g.obs.period != before.period:
            from .review import ReviewScene

            self.app.switch(ReviewScene, outcome=outcome)
            return
        # the report first; the desk behind it is rebuilt over the next frames, so the
        # window never stops answering for long
        self.week_report(outcome)
        self.rest = True
        for name in ("header", "plan", "charts", "team", "centre"):
            self.later(self.regions[name].start())
        self.app.collect_later()

    def week_report(self, outcome) -> None:
        title = (
            self.tr("ui.last_week")
            + " · "
            + self.tr("ui.week_of", week=outcome.week, weeks=self.game.obs.weeks)
        )
        lines = list(outcome.lines)
        if not outcome.saved:
            lines.insert(0, outcome.save_error)
        body = "<br>".join(html(x) for x in lines) or html(self.tr("ui.nothing_happened"))
        # as tall as the news needs (it scrolls beyond the window's room)
        height = min(self.app.size[1] - 80, 150 + 30 * max(2, len(lines)))
        self.open_modal(title, body, [(self.tr("ui.ok"), None)], raw=True, size=(640, height))

    def menu(self) -> None:
        self.open_modal(
            self.tr("ui.menu"),
            html(self.tr("ui.menu_body")),
            [(self.tr("ui.cancel"), None), (self.tr("ui.save_quit"), self.save_quit)],
            raw=True,
            size=(520, 240),
        )

    def save_quit(self) -> None:
        from .menus import TitleScene

        self.app.autosave()
        self.app.game = None
        self.app.switch(TitleScene)

    def back(self) -> None:
        self.menu()
