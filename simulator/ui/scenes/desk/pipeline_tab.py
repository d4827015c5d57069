"""The Pipeline tab: a rep's funnel by stage, with the 15- and 30-day marks of 1-15-30."""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from .... import api as A
from ....api import DealView, Stage
from ....texts import account_name, rep_name
from ...widgets import Builder, cut_to_fit, html
from .part import PIPE_COLS
from .tables import TablesPart

STAGE_SHORT_W = 60  # the stage column under its short names ("Qual.", "资格")
ROW_BUTTON_W = 61  # each of a deal's three buttons, with the gap after it


class PipelineTabPart(TablesPart):
    """The Pipeline tab: a rep's funnel by stage, with the 15- and 30-day marks of 1-15-30."""

    def tab_pipeline(self, ui: Builder, r: pygame.Rect) -> Iterator[None]:
        obs = self.game.obs
        g = self.game
        if self.show_orphans or self.selected is None:
            deals = list(obs.orphan_deals)
            head = [self.tr("pipe.orphans")]
        else:
            rep = obs.rep(self.selected)
            deals = list(rep.deals)
            # in a narrow window the count and the sum without the words around them
            # ("Wang Lei: 17 open dea…" hid both)
            head = [
                self.tr(
                    key,
                    rep=rep_name(rep, self.lang),
                    n=len(deals),
                    value=g.money(sum(d.value for d in deals)),
                )
                for key in ("pipe.head", "pipe.head_mid", "pipe.head_short")
            ]
        ui.label_fitting((16, 8, r.w - 420, 26), head, object_id="#h3")
        if self.selected is not None and not self.show_orphans:  # (nobody's deals: no one's)
            review = self.catalogue().lever("pipeline_review", self.selected)
            self.lever_button(ui, (r.w - 400, 6, 190, 32), review, small=False)
        ui.button(
            (r.w - 204, 6, 188, 32),
            self.tr("pipe.orphans") if not self.show_orphans else self.tr("ui.back"),
            self.toggle_orphans,
        )
        expected = g.money(sum(d.win_chance * d.value for d in deals))
        # each stage's count, under the funnel's names where the line holds them whole,
        # then without the words around the counts (the whole line when pointed at)
        lines = [
            self.tr(
                key,
                stages=" · ".join(
                    f"{self.tr(f'{names}.{int(st)}')} {sum(1 for d in deals if d.stage == st)}"
                    for st in list(Stage)[:6]
                ),
                expected=expected,
            )
            for key in ("pipe.by_stage", "pipe.by_stage_short")
            for names in ("stage", "stage_short")
        ]
        ui.label_fitting((16, 40, r.w - 32, 20), lines, object_id="#small")
        legend = ui.label_fitting(
            (16, 60, r.w - 32, 20),
            [self.tr("pipe.legend"), self.tr("pipe.legend_short")],
            object_id="#small",
        )
        ui.tip(legend, self.tr("pipe.legend_tip"))  # each mark in full
        self.headings(ui, 80, self.pipe_cols(r.w - 16))
        deals.sort(key=lambda d: (-d.days_since_touch, -d.value))
        row_h = 34
        per_page = max(3, (r.h - 104 - 40) // row_h)
        start, end = self.pager(
            ui, "pipeline", len(deals), per_page, pygame.Rect(r.w - 200, r.h - 38, 184, 32)
        )
        yield
        if not deals:  # an empty table says why it is empty
            empty = "pipe.no_orphans" if self.show_orphans or self.selected is None else "pipe.none"
            ui.label((16, 110, r.w - 32, 24), self.tr(empty), object_id="#small")
        page = deals[start:end]
        shown = self.names_that_fit(ui, page, self.pipe_cols(r.w - 16)[0][1] - 4)
        for d_index, d in enumerate(page):
            yield from self.deal_row(ui, 104 + d_index * row_h, d, r.w - 16, shown[d.id])
            yield

    def names_that_fit(self, ui: Builder, deals: list[DealView], width: int) -> dict[int, str]:
        """Each deal's account as the column can show it: whole where it fits, else cut
        ("Jinma Elec…", the whole name when pointed at). Where two accounts on the page
        would be cut alike ("Lianhua Te…" for Lianhua Textiles and Lianhua Technology),
        each takes its first words as initials instead ("L. Textiles", "L. Technology")."""

        def cut(text: str) -> str:
            return cut_to_fit(text, lambda t: ui.fits(width, t, "#cell"))

        names = {d.id: account_name(d, self.lang) for d in deals}
        star = {d.id: "★ " if d.big else "" for d in deals}
        shown = {d.id: cut(star[d.id] + names[d.id]) for d in deals}
        accounts: dict[str, set[str]] = {}
        for d in deals:
            accounts.setdefault(shown[d.id], set()).add(names[d.id])
        for d in deals:
            words = names[d.id].split()
            if len(accounts[shown[d.id]]) > 1 and len(words) > 1:  # two accounts, one cut
                initials = " ".join([*(f"{w[0]}." for w in words[:-1]), words[-1]])
                shown[d.id] = cut(star[d.id] + initials)
        return shown

    def deal_row(
        self, ui: Builder, y: int, d: DealView, width: int, name: str | None = None
    ) -> Iterator[None]:
        """One deal: the cells under ``PIPE_COLS``' headings, then push, drop and visit;
        ``name``: its account as the column shows it (see :meth:`names_that_fit`)."""
        g = self.game
        mark, mark_cls = "", None
        if d.dead_suspect:
            mark, mark_cls = " " + self.tr("pipe.mark30"), "@bad"
        elif d.stalled:
            mark, mark_cls = " " + self.tr("pipe.mark15"), "@warn"
        chance = f"{100 * d.win_chance:.0f}%"
        cols = self.pipe_cols(width)
        # a stage column narrowed below its names' width takes their short names
        names = "stage" if cols[2][1] == PIPE_COLS[2][1] else "stage_short"
        if d.unresponsive:
            chance += " " + self.tr("pipe.quiet")
        elif d.reviewed:
            chance += " ✓"
        whole = ("★ " if d.big else "") + account_name(d, self.lang)
        cells = (
            (name or whole, None),
            (g.money(d.value), None),
            (self.tr(f"{names}.{int(d.stage)}"), None),
            (self.tr("pipe.days", days=d.days_since_touch) + mark, mark_cls),
            (chance, "@bad" if d.unresponsive else None),
        )
        x = 16
        for i, ((text, cls), (_, cw)) in enumerate(zip(cells, cols, strict=True)):
            cell = ui.label((x, y + 4, cw - 4, 24), text, object_id="#cell", cls=cls)
            if i == 0 and text != whole and not cell.tool_tip_text:
                cell.set_tooltip(html(whole))  # a cut or initialled name, whole when pointed at
            x += cw
        yield
        bw = max(48, (width - x - 8) // 3)
        cat = self.catalogue()
        push = cat.for_action("push_deal", A.PushDeal(d.id), d.rep)
        drop = cat.for_action("drop_deal", A.DropDeal(d.id), d.rep)
        self.lever_button(ui, (x, y, bw, 30), push)
        self.lever_button(ui, (x + bw + 3, y, bw, 30), drop)
        if d.rep is not None:
            visit = cat.for_action("joint_visit", A.JointVisit(d.rep, d.id), d.rep)
            label = self.tr("act.visit_short")
            self.lever_button(ui, (x + 2 * (bw + 3), y, bw, 30), visit, label=label)

    def pipe_cols(self, width: int) -> tuple[tuple[str, int], ...]:
        """The table's columns, narrowed in a small window so the row's buttons keep their
        words (three of at least 58 px: "Push", "Drop" and "Visit" with their padding).

        The numbers keep their width. The account's name gives way first (the
        start of a name tells it, and its card shows it whole), then the stage
        takes its short names (as the line above the table writes them: "Eval."
        rather than "eval…"), then the name gives way again, each down to a floor.
        """
        cols = dict(PIPE_COLS)
        over = sum(cols.values()) - (width - 16 - 3 * ROW_BUTTON_W)
        for key, floor in (
            ("pipe.account", 96),
            ("pipe.stage", STAGE_SHORT_W),
            ("pipe.account", int(0.4 * cols["pipe.account"])),
        ):
            take = max(0, min(over, cols[key] - floor))
            cols[key] -= take
            over -= take
        return tuple((key, cols[key]) for key, _ in PIPE_COLS)

    def toggle_orphans(self) -> None:
        self.show_orphans = not self.show_orphans
        self.refresh("centre")
