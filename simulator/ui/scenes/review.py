"""Period reviews: each rep's result, praise or correction (in public or private), the
next quota beside their record, promises made with their condition and kept.

The screen comes at every period's end, the last included: when a period has
ended (in the next period's first week, judging the period just closed), and in
the season's last week (the closing review, on the results so far, before the
debrief). The desk's Review button opens it in any review week. A rep already
reviewed in this window shows when, instead of buttons that would be refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from ... import api as A
from ...api import RepView, Tone
from ...texts import (
    QUOTA_CHARACTERS,
    percent,
    quota_text,
    rep_name,
    typed_quota,
    unassigned_warning,
)
from ..scene import Scene
from ..widgets import Builder, html, show_note

if TYPE_CHECKING:
    from ..app import App
    from ..game import Game

ROW_H = 88
LIST_TOP, LIST_FOOT = 92, 124  # the reps' list: below the heading, above the totals
CHOICE_W = 74  # each side of the private/public choice
SIDE_W = 320
QUOTA_W = 230  # the next quota's field, its record and its warning, right of each row


def _look(lit: bool) -> str:
    """A row's small button's style: lit when it holds what is planned."""
    return "#tab_active" if lit else "#small_button"


class ReviewScene(Scene):
    def __init__(self, app: App, outcome: Any = None) -> None:
        super().__init__(app)
        # the week just played: what ending it brought, or (the screen opened from the
        # desk) the last week's report, as the desk showed it
        outcomes = self.game.outcomes
        self.outcome = outcome if outcome is not None else (outcomes[-1] if outcomes else None)
        self.entries: dict[int, Any] = {}
        self.notes: dict[int, Any] = {}
        self.typed: dict[int, str] = {}  # quotas typed so far, kept across pages and redraws
        self.public: dict[int, bool] = {}  # each rep's review: in public or in private
        self.page = 0
        self.status = ""
        self.sum_label: Any = None
        self.short_results = False  # every row's result as a share of quota (a narrow row)
        obs = self.game.obs
        # a period just ended (its review is held in the next one's first weeks), or the
        # current one ends this week (the desk's Review, and the season's closing review)
        self.ended = obs.period > 0 and obs.week_in_period <= 1 and obs.week < obs.weeks
        self.period = obs.period - 1 if self.ended else obs.period  # the period reviewed
        self.closing = not self.ended and obs.period + 1 >= obs.periods
        # next quotas: this period's when it has just begun, the next one's otherwise
        self.quota_period = obs.period if self.ended else obs.period + 1
        for p in self.game.planned("performance_review"):
            if isinstance(p.action, A.PerformanceReview):
                self.public[p.action.rep] = p.action.public

    @property
    def game(self) -> Game:
        assert self.app.game is not None
        return self.app.game

    # ------------------------------------------------------------ the screen
    def build(self, w: int, h: int) -> Iterator[None]:
        g = self.game
        obs = g.obs
        ui = self.ui
        title = "review.closing_title" if self.closing else "review.title"
        if self.closing:
            intro = "review.closing_intro"
        else:  # held after the period (its first weeks), or in its last week, still to play
            intro = "review.intro" if self.ended else "review.intro_ending"
        if all(self.reviewed_in(r) is not None for r in obs.reps):
            intro = "review.all_done"
        heading = self.tr(title, period=self.period + 1)
        heading_w = min(w - 80, ui.width_of(heading, "#title_big") + 8)
        ui.label((40, 16, heading_w, 40), heading, object_id="#title_big")
        closed = next(
            (
                e
                for e in reversed(obs.events)
                if e.kind == "period_end" and e.data.get("period") == self.period
            ),
            None,
        )
        if closed is not None:  # the team's result beside the heading: what the period came to
            booked, target = float(closed.data["booked"]), float(closed.data["target"])
            x = 40 + heading_w + 16
            ui.label(
                (x, 24, w - 40 - x, 28),
                self.tr(
                    "review.team_result",
                    booked=g.money(booked),
                    target=g.money(target),
                    pct=percent(booked / target if target else 0.0, self.lang),
                ),
                object_id="#h3",
                cls="@good" if booked >= target else "@warn",
            )
        # a narrow window: what to do, in fewer words (the whole when pointed at)
        shorter = intro in ("review.intro", "review.intro_ending")  # (the others fit)
        said = [self.tr(intro), *([self.tr("review.intro_short")] if shorter else [])]
        ui.label_fitting((40, 58, w - 80, 24), said, object_id="#small")
        side_w = SIDE_W if w >= 1200 else 250
        list_w = w - 80 - side_w - 20
        top = LIST_TOP
        list_h = h - top - LIST_FOOT
        per_page = self.per_page
        pages = max(1, -(-len(obs.reps) // per_page))
        self.page = min(self.page, pages - 1)
        self.entries = {}
        self.notes = {}
        if pages > 1:
            ui.button((40, h - 64, 60, 40), "◀", lambda: self.turn(-1), enabled=self.page > 0)
            ui.label((104, h - 56, 60, 24), f"{self.page + 1}/{pages}", object_id="#small")
            ui.button(
                (164, h - 64, 60, 40), "▶", lambda: self.turn(1), enabled=self.page < pages - 1
            )
        lines = self.outcome.lines if self.outcome is not None else []
        ui.panel((w - 40 - side_w, top, side_w, list_h), object_id="#card")
        si = ui.at((w - 40 - side_w, top, side_w, list_h))
        si.label((12, 8, side_w - 24, 26), self.tr("ui.last_week"), object_id="#h3")
        si.text(
            (4, 36, side_w - 8, list_h - 44),
            "<br>".join(html(x) for x in lines[:30])
            or html(self.tr("ui.nothing_happened" if self.outcome else "ui.first_week")),
            raw=True,
        )
        self.sum_label = None
        if self.has_next_quota:
            self.sum_label = ui.label(
                (40, h - 116, w - 80, 24), self.quota_sum_text(), object_id="#small"
            )
        ui.label((40, h - 92, w - 80, 24), self.hours_text(), object_id="#h3")
        ui.label((240, h - 60, w - 540, 40), self.status, object_id="#small", cls="@bad")
        ui.button(
            (w - 280, h - 64, 240, 44), self.tr("review.done"), self.done, object_id="#primary"
        )
        rows = ui.at((40, top, list_w, list_h))
        shown = obs.reps[self.page * per_page : (self.page + 1) * per_page]
        # one way for every page: a review paged through reads as one
        self.short_results = self.any_result_cut(rows, list_w, obs.reps)
        y = 0
        for rep in shown:
            self.row(rows, y, list_w, rep)
            y += ROW_H
            yield

    def reviewed_in(self, rep: RepView) -> int | None:
        """The week this rep's review was held, if it already was (in this window)."""
        week = rep.last_review_week
        return week if week is not None and self.game.obs.week - week < 3 else None

    @property
    def per_page(self) -> int:
        """The reps' rows a page holds: as many as the window fits, spread evenly over the
        pages the team needs (six where five fit: three and three, not five and a page
        with one row)."""
        fits = max(1, (self.app.size[1] - LIST_TOP - LIST_FOOT) // ROW_H)
        reps = max(1, len(self.game.obs.reps))
        pages = -(-reps // fits)
        return -(-reps // pages)

    @property
    def has_next_quota(self) -> bool:
        return self.quota_period < self.game.obs.periods

    def left_width(self, width: int) -> int:
        """A row's room left of its next quota's field."""
        return width - (QUOTA_W if self.has_next_quota else 0) - 12

    def type_said(self, c: Builder, left_w: int, rep: RepView) -> tuple[str, int]:
        """What the manager knows of the rep's type, or has read into it (as their card
        says), and the width it takes at the right of the result."""
        if rep.type is not None:
            typ = self.tr("card.type", type=self.tr(f"type.{rep.type.value}"))
        elif rep.read is not None:
            typ = self.tr("card.your_read", type=self.tr(f"type.{rep.read.value}"))
        else:
            typ = self.tr("card.type", type=self.tr("ui.unknown"))
        return typ, min(left_w // 2, max(140, c.width_of(typ, "#small") + 6))

    def result_said(self, rep: RepView) -> tuple[list[str], float]:
        """The rep's result in the period reviewed, the amounts and then the share of quota
        (or, for a newcomer without a quota yet, what they booked); and that share."""
        g = self.game
        if self.ended and rep.history:
            quota, booked = rep.history[-1]
        else:
            quota, booked = rep.quota, rep.booked
        name = rep_name(rep, self.lang)
        if quota <= 0:
            return [
                self.tr("review.result_no_quota", name=name, booked=g.money(booked)),
                self.tr("review.result_no_quota_short", name=name),
            ], 0.0
        share = booked / quota
        key = "review.result" if self.ended else "review.result_so_far"
        money = {"booked": g.money(booked), "quota": g.money(quota)}
        pct = percent(share, self.lang)
        return [
            self.tr(key, name=name, pct=pct, **money),
            self.tr("review.result_pct", name=name, pct=pct),
        ], share

    def any_result_cut(self, c: Builder, width: int, reps: Sequence[RepView]) -> bool:
        """Whether a row of ``reps`` would cut its result told in amounts."""
        left_w = self.left_width(width)
        return any(
            not c.fits(left_w - self.type_said(c, left_w, rep)[1] - 10, said[0], "#h3")
            for rep in reps
            for said in [self.result_said(rep)[0]]
        )

    def row(self, ui: Builder, y: int, width: int, rep: RepView) -> None:
        """One rep's review: the result, the verdict, the next quota, promises made and kept."""
        g = self.game
        obs = g.obs
        ui.panel((0, y, width, ROW_H - 4), object_id="#card")
        c = ui.at((0, y, width, ROW_H - 4))
        left_w = self.left_width(width)
        typ, type_w = self.type_said(c, left_w, rep)
        # the result; on a page where a row is narrow, every row's share of the quota
        # rather than the amounts (a share cut to "（102…" said nothing; one row in
        # shares beside another in amounts read as two measures), the amounts when
        # pointed at
        said, share = self.result_said(rep)
        rect = (10, 4, left_w - type_w - 10, 24)
        look = "@good" if share >= 1.0 else None
        if self.short_results and len(said) > 1:
            c.tip(c.label(rect, said[1], object_id="#h3", cls=look), said[0])
        else:
            c.label_fitting(rect, said, object_id="#h3", cls=look)
        c.label((left_w - type_w, 6, type_w, 22), typ, object_id="#small")
        # the verdict: praise, correct or a review without one; in public or in private
        planned = g.planned("performance_review", rep=rep.id)
        review: Any = planned[0].action if planned else None
        done_week = self.reviewed_in(rep)
        if review is None and done_week is not None:
            c.label(
                (10, 32, left_w - 10, 24),
                self.tr("review.done_in", week=done_week),
                object_id="#small",
                cls="@good",
            )
        else:
            x = 10
            bw = min(112, (left_w - 20) // 3 - 4)
            for label, tone in (
                ("review.praise", Tone.PRAISE),
                ("review.correct", Tone.CRITICISM),
                ("review.plain", None),
            ):
                active = review is not None and review.tone == tone
                c.button(
                    (x, 32, bw, 26),
                    self.tr(label),
                    partial(self.review, rep.id, tone),
                    tip=self.tr(f"why.review_{tone.value if tone else 'plain'}"),
                    object_id="#tab_active" if active else "#small_button",
                )
                x += bw + 4
        bx = 10
        if review is not None or done_week is None:
            # how the verdict is given: two sides, the one chosen lit (a single button that
            # showed the current side read as the thing a click would do)
            public = self.public.get(rep.id, False)
            for side, key in ((False, "review.seg_private"), (True, "review.seg_public")):
                c.button(
                    (bx, 60, CHOICE_W, 22),
                    self.tr(key),
                    partial(self.set_public, rep.id, side),
                    tip=self.tr(f"{key}_tip"),
                    object_id="#tab_active" if side == public else "#small_button",
                )
                bx += CHOICE_W + 2
            bx += 10
        # promises: those to keep, and one to make (not in the closing review: the season
        # ends), each button as wide as its words where the row is narrow; a promise owed
        # comes first (a narrow row dropped it, and with it the player's chance to pay)
        keeps = [p for p in obs.promises if p.rep == rep.id and p.status in ("open", "due")]
        made = [p.action for p in g.planned("promise", rep=rep.id)]
        promised: Any = made[0] if made else None
        make = (
            self.tr("review.promised", amount=g.money(promised.amount))
            if promised is not None
            else self.tr("act.promise")
        ) + " ▼"
        keeping = {p.id: bool(g.planned("keep_promise", promise=p.id)) for p in keeps}
        says = {
            p.id: self.tr(
                "review.keeping" if keeping[p.id] else "review.keep", amount=g.money(p.amount)
            )
            for p in keeps
        }
        make_w = 0 if self.closing else 160
        keep_w = {p.id: 196 for p in keeps}
        if bx + make_w + 4 + sum(w + 4 for w in keep_w.values()) > left_w:
            # measured in the type each will be drawn in (a lit button's is bolder)
            make_w = min(make_w, c.width_of(make, _look(promised is not None)) + 24)
            keep_w = {p.id: c.width_of(says[p.id], _look(keeping[p.id])) + 24 for p in keeps}
        for p in keeps:
            if bx + keep_w[p.id] > left_w:
                break
            # not to be kept now (its condition not met): greyed, with why
            why = None if keeping[p.id] else g.why_not(A.KeepPromise(p.id))
            key = "review.keeping" if keeping[p.id] else "review.keep"
            tip = self.tr(f"{key}_tip", week=p.due_week)
            look = "#tab_active" if keeping[p.id] else ("#refused" if why else "#small_button")
            c.button(  # planned to be kept: it says so, and a click takes it back
                (bx, 60, keep_w[p.id], 22),
                says[p.id],
                partial(self.keep, p.id),
                tip=self.tr("ui.refused", why=why) if why else tip,
                object_id=look,
            )
            bx += keep_w[p.id] + 4
        if make_w and bx + make_w <= left_w:
            c.button(  # a promise planned shows on its button, its terms in the tip
                (bx, 60, make_w, 22),
                make,
                partial(self.promise, rep.id),
                tip=self.tr("why.promise") if promised is None else self.promise_terms(promised),
                object_id=_look(promised is not None),
            )
        if self.has_next_quota:
            self.quota_field(c, width - QUOTA_W, rep)

    def quota_field(self, c: Builder, x: int, rep: RepView) -> None:
        """The next quota: a field (k or 万), the rep's record, a warning when far from it."""
        c.label(
            (x, 2, QUOTA_W - 8, 22),
            self.tr("review.next_quota", period=self.quota_period + 1),
            object_id="#small",
        )
        text = self.typed.get(rep.id, quota_text(self.shown_quota(rep), self.lang))
        entry = c.entry((x, 24, 96, 30), text)
        entry.set_allowed_characters(QUOTA_CHARACTERS)
        self.entries[rep.id] = entry
        warning, tip = self.far_note(rep, text)
        self.notes[rep.id] = note = c.label(
            (x + 100, 28, QUOTA_W - 108, 22), warning, object_id="#small", cls="@warn"
        )
        show_note(note, warning, tip)
        c.label((x, 58, QUOTA_W - 8, 22), self.record_text(rep), object_id="#small")

    def next_quota_planned(self, rep: RepView) -> A.SetQuota | None:
        """The rep's next quota, if the plan holds it already."""
        for p in self.game.planned("set_quota", rep=rep.id):
            a = p.action
            if isinstance(a, A.SetQuota) and a.target_period(self.game.obs.period) == (
                self.quota_period
            ):
                return a
        return None

    def shown_quota(self, rep: RepView) -> float:
        """What the rep's field starts from: the next quota planned already, or the rep's
        quota now."""
        planned = self.next_quota_planned(rep)
        if planned is not None:
            return planned.amount
        ahead = self.quota_period != self.game.obs.period and rep.next_quota is not None
        return rep.next_quota if ahead and rep.next_quota is not None else rep.quota

    def record_text(self, rep: RepView) -> str:
        results = [b for _, b in rep.history]
        if not results:
            return self.tr("review.no_record")
        # in the first period, the last result on file is from before the manager came
        key = "review.record_before" if self.game.obs.period == 0 else "review.record"
        return self.tr(key, last=self.game.money(results[-1]))

    def far_note(self, rep: RepView, text: str) -> tuple[str, str | None]:
        """The warning beside a typed quota, and its tip (see :meth:`Game.record_note`)."""
        return self.game.record_note(rep, self.amount(text, rep))

    def amount(self, text: str, rep: RepView) -> float | None:
        """The quota typed in ``rep``'s field (their shown quota exactly, if left as it was)."""
        return typed_quota(text, self.lang, self.shown_quota(rep))

    def typed_amount(self, rep: RepView) -> float | None:
        """The quota in the rep's field as typed (or as it stands, if left alone)."""
        entry = self.entries.get(rep.id)
        raw = entry.get_text() if entry is not None and entry.alive() else self.typed.get(rep.id)
        return self.amount(raw, rep) if raw is not None else self.shown_quota(rep)

    def typed_amounts(self) -> dict[int, float]:
        """Every rep's next quota as typed so far (on any page), or as it stands."""
        self.keep_typed()
        out = {}
        for r in self.game.obs.reps:
            raw = self.typed.get(r.id)
            amount = self.amount(raw, r) if raw is not None else None
            out[r.id] = amount if amount is not None else self.shown_quota(r)
        return out

    def quota_sum_text(self) -> str:
        g = self.game
        target = g.obs.targets[self.quota_period]
        total = sum(self.typed_amounts().values())
        pct = total / target if target else 0.0
        text = self.tr(
            "review.quota_sum",
            period=self.quota_period + 1,
            sum=g.money(total),
            target=g.money(target),
            pct=percent(pct, self.lang),
        )
        gap = A.unassigned(total, target)  # what the quotas leave to nobody (P1)
        warning = unassigned_warning(gap, total, target, g.obs.currency, self.lang)
        return f"{text}  {warning}".rstrip()

    # ------------------------------------------------------------ choices
    def promise(self, rep_id: int) -> None:
        """Promise a reward: how much, and on what condition (made quota, or regardless)."""
        g = self.game
        obs = g.obs
        due = min(obs.weeks, obs.period_last_week + (0 if self.ended else obs.weeks_per_period))
        options: list[tuple[str, Callable[[], None] | None, str | None]] = []
        for condition in ("quota", "none"):
            for amount in g.amounts():

                def make(amount: float = amount, condition: str = condition) -> None:
                    why = g.add(A.MakePromise(rep_id, amount, condition, due))
                    self.status = self.tr("ui.refused", why=why) if why else ""
                    self.rebuild()

                label = self.tr(
                    f"review.promise_{condition}",
                    amount=g.money(amount),
                    period=self.quota_period + 1,
                    week=due,
                )
                why = g.why_not(A.MakePromise(rep_id, amount, condition, due))
                options.append((label, make, why))
        self.open_chooser(
            self.tr("act.promise") + " · " + g.narrator.rep(rep_id),
            options,
            note=self.tr("review.promise_note"),
        )

    def hours_text(self) -> str:
        """The week's hours and money left, counting the next quotas "Done" will plan (a
        quota takes time to agree: the figure is what the desk will show after)."""
        g = self.game
        quotas = 0.0
        if self.has_next_quota:
            period = None if self.quota_period == g.obs.period else self.quota_period
            for rep in g.obs.reps:
                shown = self.shown_quota(rep)
                settled = g.quota_settled(rep.id, self.quota_period) == shown
                nothing = shown <= 0 and self.typed_amount(rep) == shown  # a newcomer's
                if self.next_quota_planned(rep) is None and not settled and not nothing:
                    quotas += g.cost(A.SetQuota(rep.id, max(1.0, rep.quota), period))[0]
        money = g.money(g.budget_left)
        if not quotas:
            return self.tr("ui.hours_left", hours=f"{g.hours_left:g}", money=money)
        left = max(0.0, g.hours_left - quotas)
        return self.tr("review.hours_left", hours=f"{left:g}", money=money, quotas=f"{quotas:g}")

    def promise_terms(self, promise: Any) -> str:
        """A promise's terms in words: how much, on what condition, settled when."""
        return self.tr(
            f"review.promise_{promise.condition}",
            amount=self.game.money(promise.amount),
            period=self.quota_period + 1,
            week=promise.due_week,
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
        public = self.public.get(rep_id, False) and tone is not None
        why = g.add(A.PerformanceReview(rep_id, tone, public))
        self.status = self.tr("ui.refused", why=why) if why else ""
        self.rebuild()

    def set_public(self, rep_id: int, public: bool) -> None:
        """In public or in private: the choice applies to the verdict planned (or next chosen)."""
        if self.public.get(rep_id, False) == public:
            return
        self.public[rep_id] = public
        planned = self.game.planned("performance_review", rep=rep_id)
        tone = getattr(planned[0].action, "tone", None) if planned else None
        if tone is not None:
            self.review(rep_id, tone)
        else:
            self.rebuild()

    def keep(self, promise_id: int) -> None:
        """Plan to keep a promise now, or take back the plan to (a second click)."""
        g = self.game
        planned = g.planned("keep_promise", promise=promise_id)
        if planned:
            g.plan.withdraw(planned[0].action)
            self.status = ""
        else:
            why = g.add(A.KeepPromise(promise_id))
            self.status = self.tr("ui.refused", why=why) if why else ""
        self.rebuild()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.app.move_focus(1)
        elif event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED:
            # the sum against the target and each field's warning, live while typing
            if self.sum_label is not None and self.sum_label.alive():
                self.sum_label.set_text(self.quota_sum_text())
            obs = self.game.obs
            for rep_id, entry in self.entries.items():
                note = self.notes.get(rep_id)
                if note is not None and note.alive() and obs.has_rep(rep_id):
                    show_note(note, *self.far_note(obs.rep(rep_id), entry.get_text()))

    def done(self) -> None:
        g = self.game
        if self.has_next_quota:
            self.keep_typed()
            per_page = self.per_page
            chosen = []
            for i, rep in enumerate(g.obs.reps):
                # a field left as it was still sets that quota: accepting it is a decision
                shown = self.shown_quota(rep)
                text = self.typed.get(rep.id, quota_text(shown, self.lang)).strip()
                amount = self.amount(text, rep)
                if amount == shown <= 0:
                    continue  # left at nothing: a newcomer with no quota yet keeps none
                if amount is None or amount <= 0:
                    # named, and on its page: a row the player cannot see may be the one;
                    # and nothing planned until every field reads as an amount
                    name = rep_name(rep, self.lang)
                    key = "quota.bad_for" if text else "quota.empty_for"
                    self.status = self.tr(key, name=name, text=text)
                    self.page = i // per_page
                    self.rebuild()
                    return
                chosen.append((rep.id, amount))
            for rep_id, amount in chosen:
                # replaces one planned before; one set already (in an earlier week) stands
                why = g.plan_quota(rep_id, amount, self.quota_period)
                if why:
                    self.status = self.tr("ui.refused", why=why)
                    self.rebuild()
                    return
        from .desk import DeskScene

        self.app.switch(DeskScene, tab="desk")

    def back(self) -> None:
        self.done()
