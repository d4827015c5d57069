"""The desk's levers: buttons and choosers drawn from the catalogue of what is open now.

Every button of the lever grid is a :class:`~simulator.api.Lever` of the
week's :class:`~simulator.api.Catalogue`: its tooltip gives what it costs and
what it is for, a lever that cannot be pulled now is greyed and says why,
and a lever with choices (which skill, which deal, how closely to supervise)
opens a chooser listing the lever's options, each with its refusal if it has
one. The random policy and the learning agent draw from the same catalogue.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pygame

from ....api import (
    KEY_STAGE,
    RIGHT_POOL,
    Action,
    AssignMentor,
    Catalogue,
    DealView,
    Lever,
    Option,
    Pool,
    catalogue,
)
from ....texts import account_name, joiner, text_of
from ... import tour
from ...widgets import Builder
from .part import DeskPart

# the desk's lever grid: the catalogue's groups, with what the grid leaves to the tabs
GRID_GROUPS = ("talk", "grow", "motivate", "organise", "deals", "people")
# levers that charge the budget again at the start of every later period while they
# last (the lever → its price in the model's money costs)
RECURRING = {"profit_share": "profit_share", "call_analytics": "call_analytics"}
ON_TABS = frozenset({"push_deal", "drop_deal", "set_quota", "team_review", "hire", "drop_orphan"})


class LeverPart(DeskPart):
    """Lever buttons, choosers and the words for what a planned action is."""

    def catalogue(self) -> Catalogue:
        return catalogue(self.game.plan)

    def cost_text(self, hours: float, money: float) -> str:
        """What an action costs in words: its hours, its money or both; never "0 h"."""
        if money and hours:
            return self.tr("cost.both", hours=f"{hours:g}", money=self.game.money(money))
        if money:
            return self.game.money(money)
        return self.tr("cost.hours", hours=f"{hours:g}") if hours else self.tr("cost.free")

    def cost_short(self, hours: float, money: float) -> str:
        """An item's cost in a narrow column: its hours and its money, as far as it has
        them (an assessment's ¥3k beside its half hour: the budget's fall is itemised)."""
        said = [self.tr("cost.hours", hours=f"{hours:g}")] if hours else []
        if money:
            said.append(self.game.money(money))
        return " · ".join(said)

    def lever_button(
        self,
        ui: Builder,
        rect: tuple[int, int, int, int],
        lever: Lever,
        label: str | None = None,
        small: bool = True,
        press: Callable[[], None] | None = None,
        locked: str | None = None,
        reopens: bool = False,
    ) -> Any:
        """A lever's button: plans its one action or opens its chooser; greyed with why
        (``locked``: why the guided weeks keep it closed for now; found from its group
        when not given, so a lever is closed on every tab, not only on the desk).
        ``reopens``: ``press`` opens where what is planned can be seen and changed (the
        review screen), so having planned it already is no reason to grey it."""
        if locked is None:
            locked = self.locked(lever)
        nar = self.game.narrator
        text = label or self.tr(f"act.{lever.key}")
        low, high = self.game.obs.hire_weeks
        purpose = self.tr(f"why.{lever.key}", low=low, high=high)
        first = lever.options[0] if lever.options else None
        # what it costs: the one price of its options, or the cheapest to the dearest
        costs = sorted({(o.hours, o.money) for o in lever.options})
        if not costs:
            tip = purpose
        else:
            (h0, m0), (h1, m1) = costs[0], costs[-1]
            cost = self.cost_text(h0, m0)
            if len(costs) > 1 and h0 == h1 and m0 and m1:  # the same time, a range of money
                money = self.tr("cost.range", low=self.game.money(m0), high=self.game.money(m1))
                cost = self.tr("cost.both", hours=f"{h0:g}", money=money)
            elif len(costs) > 1:
                cost = self.tr("cost.range", low=cost, high=self.cost_text(h1, m1))
            tip = self.tr("tip.cost", cost=cost, purpose=purpose)
            again = self.game.obs.money_costs.get(RECURRING.get(lever.key, ""), 0.0)
            if again:  # charged again as each later period begins, while it lasts
                tip += "\n" + self.tr("tip.every_period", money=self.game.money(again))
        if lever.choice and press is None:
            text += " ▼"
        refusal = lever.refusal
        if reopens and refusal is not None and refusal.code == "already_planned":
            refusal = None  # planned: the review screen shows it, and can change it
        why = nar.refusal(refusal) if refusal is not None else None
        why = locked or why
        if why:  # not possible now: why, and what it is for (a price would mean nothing)
            tip = self.tr("ui.refused", why=why) + "\n" + purpose

        def pull() -> None:
            if why:
                self.say(self.tr("ui.refused", why=why), bad=True)
                self.refresh("centre")
            elif press is not None:
                press()
            elif lever.choice:
                self.choose_option(lever)
            elif first is not None:
                self.plan(first.action)

        oid = "#refused" if why else ("#small_button" if small else None)
        return ui.button(rect, text, pull, tip=tip, object_id=oid)

    def plan(self, action: Action) -> None:
        why = self.game.add(action)
        if why:
            self.say(self.tr("ui.refused", why=why), bad=True)
        else:
            self.say(self.tr("ui.planned", what=self.describe(action)))
        self.refresh("header", "centre", "plan")

    def choose_option(self, lever: Lever) -> None:
        """A chooser listing a lever's options; one that cannot be taken says why."""
        nar = self.game.narrator
        title = self.tr(f"act.{lever.key}")
        if lever.rep is not None and lever.key != "answer":
            title += " · " + nar.rep(lever.rep)
        options: list[tuple[str, Callable[[], None] | None, str | None]] = []
        ranked = list(lever.options)
        if lever.key == "request_support":  # the help that fits first: stage, then style
            ranked.sort(key=lambda o: -sum(w for _, w in self.support_marks(*self._deal_pool(o))))
        for option in ranked:
            why = nar.refusal(option.refusal) if option.refusal is not None else None
            job = partial(self.plan, option.action) if why is None else None
            options.append((self.option_label(lever, option), job, why))
        if not options and lever.refusal is not None:
            # nothing to choose from: the dialog says why, once
            self.open_chooser(title, [], note=nar.refusal(lever.refusal))
            return
        self.open_chooser(title, options)

    # ------------------------------------------------------------ words
    def option_label(self, lever: Lever, option: Option) -> str:
        """One option of a chooser, in a few words (what differs between the options)."""
        a: Any = option.action  # the lever's key says which kind of action it is
        nar = self.game.narrator
        key = lever.key
        if key in ("feedback_praise", "feedback_criticism"):
            return self.tr("pick.public" if a.public else "pick.private")
        if key == "performance_review":
            if a.tone is None:
                return self.tr("pick.review_plain")
            side = self.tr("pick.public" if a.public else "pick.private")
            return f"{self.tr(f'act.feedback_{a.tone.value}')} · {side}"
        if key in ("coach", "team_training"):
            skill = self.tr(f"skill.{a.skill.value}")
            rep = self.game.obs.rep(lever.rep) if lever.rep is not None else None
            if rep is not None and rep.weakest_skill is a.skill:  # known from an assessment
                return f"{skill} · {self.tr('pick.weakest')}"
            return skill
        if key == "read_type":
            return self.tr(f"type.{a.type.value}") if a.type else self.tr("pick.no_read")
        if key == "mentor" and isinstance(a, AssignMentor):
            pair = f"{nar.rep(a.mentor)} → {nar.rep(a.novice)}"
            obs = self.game.obs
            mentor = obs.rep(a.mentor) if obs.has_rep(a.mentor) else None
            other = mentor.mentee if mentor is not None else None
            if other is not None and other != a.novice:  # a second newcomer to look after
                return self.tr("pick.mentors_already", pair=pair, other=nar.rep(other))
            return pair
        if key == "rival":
            return nar.rep(a.rival)
        if key == "bonus":
            return self.game.money(a.amount)
        if key == "promise":
            return self.tr(
                f"pick.promise_{a.condition}",
                amount=self.game.money(a.amount),
                week=a.due(self.game.obs.period_last_week),
            )
        if key == "keep_promise":
            promise = next(p for p in self.game.obs.promises if p.id == a.promise)
            terms = self.tr(
                f"promise.terms_{promise.condition}",
                amount=nar.promised(promise.id, promise.amount),
                week=promise.due_week,
            )
            return f"{nar.rep(promise.rep)} · {terms}"
        if key == "key_account":
            acc = self.game.obs.accounts[a.account]
            return f"{account_name(acc, self.lang)} · {self.game.money(acc.potential)}"
        if key == "reassign_accounts":
            accounts = self.game.obs.accounts
            owners = [accounts[x].owner for x in a.accounts]
            givers = sorted({o for o in owners if o is not None and o != a.rep})
            if givers:  # a fair share from the largest books
                who = joiner(self.lang).join(nar.rep(g) for g in givers)
                return self.tr("pick.share", n=len(a.accounts), who=who)
            return self.tr("pick.unowned", n=len(a.accounts))
        if key == "delegate":
            label = f"{self.tr(f'task.{a.task.value}')} · {self.tr(f'sup.{a.supervision.value}')}"
            weekly = self.game.obs.supervision_hours.get(a.supervision.value, 0.0)
            if weekly:  # what watching the deputy takes from every week after
                label += " · " + self.tr("pick.weekly_hours", hours=f"{weekly:g}")
            now = next((d for d in self.game.obs.delegations if d.task == a.task.value), None)
            if now is not None and now.deputy == a.deputy and now.supervision == a.supervision:
                label += " · " + self.tr("pick.in_place")
            elif now is not None:  # handing it over takes it from whoever has it
                label += " · " + self.tr("pick.held_by", name=nar.rep(now.deputy))
            return label
        if key in ("joint_visit", "push_deal", "drop_deal", "drop_orphan"):
            return self.deal_text(self.game.obs.deal(a.deal))
        if key == "request_support":
            # after the deal and the help, its notes, most needed first (a narrow chooser
            # cuts from the end): that help would wait, that it fits the stage, and
            # what the customer's way of deciding says of it
            deal = self.game.obs.deal(a.deal)
            marks = ""
            pool = next((p for p in self.game.obs.pools if p.pool is a.pool), None)
            if pool is not None:  # help will wait (the stage may end first): say so
                # this week's plan asks the pool too: those requests come before this one
                asked = sum(
                    1
                    for p in self.game.planned("request_support")
                    if getattr(p.action, "pool", None) is a.pool and p.action != a
                )
                ahead = pool.queue + max(0, pool.busy + asked - pool.size)
                if pool.busy + asked >= pool.size:  # next in line, or behind others
                    marks += " · " + (
                        self.tr("pick.queue", n=ahead) if ahead else self.tr("pick.queue_next")
                    )
            marks += "".join(" · " + text for text, _ in self.support_marks(deal, a.pool))
            return f"{self.deal_text(deal)} · {self.tr(f'pool.{a.pool.value}')}{marks}"
        if key == "set_quota":
            return self.game.money(a.amount)
        if key == "answer":
            item = next(i for i in self.game.obs.inbox if i.id == a.item)
            choice = next(c for c in item.choices if c.id == a.choice)
            return text_of(choice.text, self.lang)
        return self.describe(a)

    def _deal_pool(self, option: Option) -> tuple[DealView, Pool]:
        a: Any = option.action
        return self.game.obs.deal(a.deal), a.pool

    def support_marks(self, deal: DealView, pool: Pool) -> list[tuple[str, int]]:
        """What a chooser says of a pool's help for a deal, each with its weight in the
        chooser's order: that it fits the deal's stage now (P11), that this is the stage
        the customer decides at (P12, as the archive says how they decide), or that it
        will be, later: help counts only at the stage it serves, so asked for now it
        would come too early."""
        marks = []
        if RIGHT_POOL.get(deal.stage) is pool:
            marks.append((self.tr("pick.fits_stage"), 1))
        key_stage = KEY_STAGE.get(deal.decision_style)
        if key_stage is not None and RIGHT_POOL.get(key_stage) is pool:
            if deal.stage is key_stage:
                marks.append((self.tr("pick.fits_style"), 1))
            elif deal.stage < key_stage:
                later = self.tr(f"stage.{int(key_stage)}")
                marks.append((self.tr("pick.style_later", stage=later), 0))
        return marks

    def deal_text(self, d: DealView) -> str:
        """A deal in a chooser: its account, value and stage, and, as the funnel marks it,
        how long since the customer last answered when that is 15 days or more (1-15-30:
        the deals a visit or a push is most for)."""
        name = account_name(d, self.lang)
        text = f"{name} · {self.game.money(d.value)} · {self.tr(f'stage.{int(d.stage)}')}"
        if d.dead_suspect or d.stalled:
            mark = self.tr("pipe.mark30" if d.dead_suspect else "pipe.mark15")
            text += f" · {self.tr('pipe.days', days=d.days_since_touch)} {mark}"
        return text

    def describe(self, action: Action) -> str:
        """A planned action in a few words: what, for whom."""
        return " · ".join(self.describe_parts(action))

    def describe_parts(self, action: Action) -> list[str]:
        """A planned action's words: what it is, then for whom and how."""
        nar = self.game.narrator
        data = action.to_dict()
        parts = [nar.action_name(action.kind, data)]
        a: Any = action
        # who comes second: a plan row cut short still says whom it is for
        rep = data.get("rep")
        if isinstance(rep, int):
            parts.append(nar.rep(rep))
        if action.kind == "feedback":
            parts.append(self.tr("pick.public" if a.public else "pick.private"))
        if action.kind == "performance_review" and a.tone is not None:
            parts.append(self.tr(f"act.feedback_{a.tone.value}"))
            parts.append(self.tr("pick.public" if a.public else "pick.private"))
        if action.kind in ("coach", "team_training"):
            parts.append(self.tr(f"skill.{a.skill.value}"))
        if action.kind == "read_type":
            parts.append(self.tr(f"type.{a.type.value}") if a.type else self.tr("pick.no_read"))
        if action.kind == "mentor":
            parts.append(f"{nar.rep(a.mentor)} → {nar.rep(a.novice)}")
        if action.kind == "rival":
            parts.append("↔ " + nar.rep(a.rival))
        if action.kind == "delegate":
            parts.append(nar.rep(a.deputy))
            parts.append(self.tr(f"task.{a.task.value}"))
            parts.append(self.tr(f"sup.{a.supervision.value}"))
            weekly = self.game.obs.supervision_hours.get(a.supervision.value, 0.0)
            if weekly:  # what watching costs from then on, beside what handing over costs now
                parts.append(self.tr("pick.weekly_hours", hours=f"{weekly:g}"))
        if action.kind == "profit_share":
            parts.append(nar.rep(a.deputy))
        if action.kind == "pipeline_review":  # whose funnels: one rep's, or the whole team
            parts.append(
                joiner(self.lang).join(nar.rep(i) for i in a.reps)
                if a.reps is not None
                else self.tr("ui.whole_team")
            )
        if action.kind in ("bonus", "promise", "set_quota"):
            parts.append(self.game.money(a.amount))
        if action.kind == "promise":  # on what condition: a promise is judged by it (P15)
            parts.append(self.tr("plan.if_quota" if a.condition == "quota" else "plan.whatever"))
        if action.kind == "set_quota":  # for which period: this one, or the next
            period = self.game.obs.period if a.period is None else a.period
            parts.append(self.tr("ui.period", period=period + 1))
        if "deal" in data:  # whose deal, and which (one account may hold two)
            parts.append(nar.deal_account(a.deal))
            with contextlib.suppress(KeyError):  # a deal closed since is named by account only
                parts.append(self.game.money(self.game.obs.deal(a.deal).value))
        if action.kind == "key_account":
            parts.append(account_name(self.game.obs.accounts[a.account], self.lang))
        if action.kind == "reassign_accounts":
            parts.append(self.tr("plan.accounts", n=len(a.accounts)))
        if action.kind == "request_support":
            parts.append(self.tr(f"pool.{a.pool.value}"))
        if action.kind == "keep_promise":  # whose promise, and what it pays
            promise = next((p for p in self.game.obs.promises if p.id == a.promise), None)
            if promise is not None:
                parts += [nar.rep(promise.rep), nar.promised(promise.id, promise.amount)]
        if action.kind == "answer":
            item = next((i for i in self.game.obs.inbox if i.id == a.item), None)
            choice = next((c for c in item.choices if c.id == a.choice), None) if item else None
            if item is not None and item.rep is not None:  # whose matter it is
                parts.append(nar.rep(item.rep))
            if choice is not None:
                parts.append(text_of(choice.text, self.lang))
        return parts

    def locked(self, lever: Lever) -> str | None:
        """Why the guided weeks keep a lever closed this week (None: it is open)."""
        if lever.key == "set_quota" or lever.group not in tour.ALL_GROUPS:
            return None  # the Quotas tab and the inbox are always open
        opened = tour.open_groups(self.game.session.scenario.guided, self.game.obs.week)
        if lever.group in opened:
            return None
        return self.tr("tour.locked", week=tour.opens_in(lever.group))

    # ------------------------------------------------------------ the grid
    def lever_grid(self, ui: Builder, r: pygame.Rect, rep_id: int) -> Iterator[None]:
        """The selected rep's levers and the team's, in the catalogue's groups."""
        cat = self.catalogue()
        obs = self.game.obs
        guided = self.game.session.scenario.guided
        opened = tour.open_groups(guided, obs.week)
        rows: list[tuple[str, list[Lever]]] = []
        mine = cat.of(rep_id)
        for group in GRID_GROUPS:
            levers = [lv for lv in mine if lv.group == group and lv.key not in ON_TABS]
            if group == "deals":
                levers.append(cat.lever("set_quota", rep_id))
            rows.append((group, levers))
        rows.append(("team", [lv for lv in cat.of(None) if lv.key not in ON_TABS]))
        label_w = 92 if r.w >= 640 else 74
        per_row = 5 if (r.w - label_w) // 5 - 6 >= 110 else 4
        bw = (r.w - label_w) // per_row - 6
        lines = sum(-(-len(items) // per_row) for _, items in rows)
        row_h = max(28, min(40, r.h // lines))
        y = r.y
        for group, items in rows:
            head = "#h3" if label_w >= 92 else "#small"  # a narrow window: smaller headings
            ui.label((r.x, y + 6, label_w - 4, 24), self.tr(f"group.{group}"), object_id=head)
            x = r.x + label_w
            for lever in items:
                if x + bw > r.right:
                    x = r.x + label_w
                    y += row_h
                press, reopens = None, False
                if lever.key == "set_quota":
                    press = lambda: self.set_tab("quotas")  # noqa: E731
                elif lever.key == "let_go":
                    press = partial(self.confirm_let_go, lever)
                elif lever.key == "performance_review":
                    press = self.open_reviews  # the review screen: every rep, one place
                    reopens = True  # and what is planned there, to see or change
                locked = None
                if group not in opened and lever.key != "set_quota":
                    locked = self.tr("tour.locked", week=tour.opens_in(group))
                self.lever_button(
                    ui, (x, y, bw, row_h - 4), lever, press=press, locked=locked, reopens=reopens
                )
                x += bw + 6
            y += row_h
            yield

    def open_reviews(self) -> None:
        from ..review import ReviewScene

        self.app.switch(ReviewScene)

    def confirm_let_go(self, lever: Lever) -> None:
        nar = self.game.narrator
        action = lever.options[0].action
        why = self.game.why_not(action)
        body = self.tr("why.let_go") + (("\n" + self.tr("ui.refused", why=why)) if why else "")
        self.open_modal(
            f"{self.tr('act.let_go')} · {nar.rep(lever.rep)}",
            body,
            [(self.tr("ui.cancel"), None), (self.tr("act.let_go"), lambda: self.plan(action))],
            size=(520, 260),
        )
