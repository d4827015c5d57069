"""The Desk tab: the selected rep's numbers, roles and hints, and every lever."""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from ....api import RepView, SetQuota
from ....texts import aside, joiner, rep_name, tenure
from ...widgets import Builder
from .levers import LeverPart


class RepTabPart(LeverPart):
    """The Desk tab: the selected rep's numbers, roles and hints, and every lever."""

    def tab_desk(self, ui: Builder, r: pygame.Rect) -> Iterator[None]:
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
        if rep.type is not None:
            typ = self.tr("card.type", type=self.tr(f"type.{rep.type.value}"))
        elif rep.read is not None:
            typ = self.tr("card.your_read", type=self.tr(f"type.{rep.read.value}"))
        else:
            typ = self.tr("card.type_unknown", n=len(rep.hints))
        ui.label(
            (16, 8, r.w - 32, 28),
            self.tr(
                "detail.head",
                name=name,
                years=tenure(rep.tenure_weeks / 52, self.lang),
                veteran=tag,
                type=typ,
            ),
            object_id="#h3",
        )
        m = self.game.money
        quota = m(rep.quota)
        obs = self.game.obs
        planned = [  # a new quota for this period, in the plan: shown beside the running one
            p.action.amount
            for p in self.game.planned("set_quota", rep=rep.id)
            if isinstance(p.action, SetQuota) and p.action.period in (None, obs.period)
        ]
        if planned and planned[-1] != rep.quota:
            quota = self.tr("detail.quota_planned", now=quota, planned=m(planned[-1]))
        numbers, counts = self.numbers_text(rep, quota)
        roles = self.roles(rep)
        if rep.last_one_on_one is None:
            last = self.tr("detail.never_1on1")
        elif rep.joined_week and rep.last_one_on_one == rep.joined_week:
            # a hire's first talk is the welcome the week they start
            last = self.tr("detail.last_1on1_joined", week=rep.last_one_on_one)
        else:
            last = self.tr("detail.last_1on1", week=rep.last_one_on_one)
        second = [self.tr("detail.roles", roles=joiner(self.lang).join(roles))] if roles else []
        first = f"{numbers} · {counts}"
        if not ui.fits(r.w - 32, first, "#small"):
            # a planned quota or long figures: the counts open the line below instead
            first = numbers
            second.insert(0, counts)
        figures = ui.label((16, 36, r.w - 32, 22), first, object_id="#small")
        # how "on course for" is reckoned, when pointed at (an open funnel is not in it)
        ui.tip(figures, self.tr("detail.on_course_tip"))
        ui.label((16, 56, r.w - 32, 22), " · ".join([*second, last]), object_id="#small")
        # what they have let slip so far: the clues to their type, the three heard most
        # lately, each once with every week it came up ("wants a leaderboard" (wk 1, 12))
        heard: dict[str, list[int]] = {}
        for w, k in rep.hints:
            heard.setdefault(k, []).append(w)
        weeks_sep = joiner(self.lang) if self.lang == "zh" else ", "
        every = []
        # the game's typeface sets curly quotes full-width, as Chinese wants them: English
        # takes straight ones (a wide gap stood around each quoted hint)
        opening, closing = ("“", "”") if self.lang == "zh" else ('"', '"')
        for k in sorted(heard, key=lambda k: heard[k][-1]):
            when = self.tr("ui.week_short", week=weeks_sep.join(map(str, heard[k])))
            when = when.replace(" ", "\u00a0")  # "(wk" and "4)" never on two lines
            every.append(aside(f"{opening}{self.tr(f'hint.{k}')}{closing}", when, self.lang))
        hints, sep = every[-3:], ("；" if self.lang == "zh" else "; ")
        tip = ""
        if len(every) > len(hints):  # the older ones when pointed at, not as if never heard
            text = self.tr("detail.hints_latest", hints=sep.join(hints))
            tip = self.tr("detail.hints_all", hints=sep.join(every))
        elif hints:
            text = self.tr("detail.hints", hints=sep.join(hints))
        elif rep.type is not None:
            text = self.tr("detail.type_known")  # nothing to read: their type is known
        else:
            text = self.tr("detail.no_hints")
        if rep.weakest_skill is not None:
            weak = self.tr("detail.weakest", skill=self.tr(f"skill.{rep.weakest_skill.value}"))
            text = weak + ("　" if self.lang == "zh" else "  ") + text
        # as tall as its text (three hints with their weeks take a third line), the levers
        # below it
        box = ui.text((10, 74, r.w - 20, -1), text, object_id="#hints")
        if tip:
            ui.tip(box, tip)
        top = max(132, 74 + int(box.rect.height) + 2)
        yield
        yield from self.lever_grid(ui, pygame.Rect(8, top, r.w - 16, r.h - top - 4), rep.id)

    def roles(self, rep: RepView) -> list[str]:
        nar = self.game.narrator
        out = []
        held = [d for d in self.game.obs.delegations if d.deputy == rep.id]
        for d in held:  # what they run for you, and how closely you watch it
            out.append(
                self.tr(
                    "role.deputy_for",
                    task=self.tr(f"task.{d.task}"),
                    supervision=self.tr(f"sup.{d.supervision}"),
                )
            )
        if rep.deputy and not held:
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
