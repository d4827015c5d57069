"""The Quotas tab: each rep's record, a field for the quota, the sum against the target."""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from .... import api as A
from ....api import RepView
from ....texts import (
    QUOTA_CHARACTERS,
    joiner,
    percent,
    quota_text,
    rep_name,
    typed_quota,
    unassigned_warning,
)
from ...widgets import Builder, show_note
from .tables import TablesPart

SUM_H = 52  # below the rows: the sum against the target, and what no quota covers


class QuotasTabPart(TablesPart):
    """The Quotas tab: each rep's record, a field for the quota, the sum against the target."""

    def quota_period(self) -> int:
        obs = self.game.obs
        if obs.week_in_period <= 1 or obs.period + 1 >= obs.periods:
            return obs.period
        return obs.period + 1

    def tab_quotas(self, ui: Builder, r: pygame.Rect) -> Iterator[None]:
        obs = self.game.obs
        g = self.game
        per = self.quota_period()
        ui.label((16, 8, r.w - 32, 28), self.tr("quota.title", period=per + 1), object_id="#h3")
        self.quota_entries = {}
        self.quota_notes = {}
        self.quota_shown = {}
        ui.label((16, 38, r.w - 32, 20), self.tr("quota.entry_tip"), object_id="#small")
        row_h = 38
        planned = {
            p.action.rep: p.action.amount
            for p in g.plan
            if isinstance(p.action, A.SetQuota) and (p.action.period or obs.period) == per
        }
        # columns from the right: the warning, the field; the record takes what is left
        note_x = r.w - 134
        entry_x = note_x - 114
        hist_w = entry_x - 150 - 8
        # the record's column says what it holds (a row of figures has no room to)
        heads = [self.tr("quota.history_head"), self.tr("quota.history_head_short")]
        ui.label_fitting((150, 60, hist_w, 20), heads, object_id="#small")
        top = 80
        room = r.h - top - SUM_H
        rows, y, width = ui, top, r.w
        if len(obs.reps) * row_h > room:  # a big team scrolls; the sum stays in view
            # in whole rows: the foot of the list never cuts a row's second line
            room = max(row_h, room // row_h * row_h)
            sc = ui.scroller((0, top, r.w, room), len(obs.reps) * row_h, row_h)
            rows, y = ui.within(sc), 0
            note_x, entry_x, hist_w, width = note_x - 20, entry_x - 20, hist_w - 20, r.w - 20
        for rep in obs.reps:
            rows.label((16, y + 6, 130, 24), rep_name(rep, self.lang))
            hist = [f"{g.money(q)}→{g.money(b)}" for q, b in rep.history[-2:]]
            # with no room for both periods, the latest whole (what the next quota is set
            # against), not the older one and the latest cut short
            record = [joiner(self.lang).join(hist) if hist else self.tr("quota.no_history")]
            record += hist[-1:] if len(hist) > 1 else []
            if per != obs.period:  # planning the next period: the running one first, above
                # where the line has no room, the shorter form: what is booked stays in
                # sight (the Chinese line kept the quota and cut the booked amount)
                now = [
                    self.tr(
                        key,
                        period=obs.period + 1,
                        quota=g.money(rep.quota),
                        booked=g.money(rep.booked),
                    )
                    for key in ("quota.now", "quota.now_short")
                ]
                rows.label_fitting((150, y, hist_w, 19), now, object_id="#small")
                rows.label_fitting((150, y + 18, hist_w, 19), record, object_id="#small")
            else:
                rows.label_fitting((150, y + 6, hist_w, 24), record, object_id="#small")
            # planned this week, or set in an earlier week for the period planned now
            set_before = rep.next_quota if per != obs.period else None
            current = planned.get(rep.id, set_before if set_before is not None else rep.quota)
            # no tooltip on the field: it would cover the next one (the title says the unit)
            entry = rows.entry((entry_x, y + 2, 106, 32), quota_text(current, self.lang))
            entry.set_allowed_characters(QUOTA_CHARACTERS)
            self.quota_entries[rep.id] = entry
            self.quota_shown[rep.id] = current
            warning, tip = g.record_note(rep, current)
            self.quota_notes[rep.id] = note = rows.label(
                (note_x, y + 6, width - note_x - 4, 24), warning, object_id="#small", cls="@warn"
            )
            show_note(note, warning, tip)
            y += row_h
            yield
        y = min(top + len(obs.reps) * row_h, top + room)
        self.quota_sum = ui.label((16, y + 2, r.w - 260, 26), self.sum_text(), object_id="#h3")
        self.quota_gap = ui.label(
            (16, y + 28, r.w - 260, 20), self.gap_text(), object_id="#small", cls="@warn"
        )
        ui.button(
            (r.w - 236, y + 4, 220, 36),
            self.tr("quota.apply"),
            self.apply_quotas,
            tip=self.tr("why.set_quota"),
            object_id="#primary",
        )

    def quotas_typed(self) -> None:
        """While typing: the sum against the target and each field's warning, live."""
        g = self.game
        if getattr(self, "quota_sum", None) is not None and self.quota_sum.alive():
            self.quota_sum.set_text(self.sum_text())
        if getattr(self, "quota_gap", None) is not None and self.quota_gap.alive():
            self.quota_gap.set_text(self.gap_text())
        for rep_id in self.quota_entries:
            note = self.quota_notes.get(rep_id)
            if note is not None and note.alive() and g.obs.has_rep(rep_id):
                amount = self.entry_amount(rep_id) or 0
                show_note(note, *g.record_note(g.obs.rep(rep_id), amount))

    def _typed_total(self) -> tuple[float, float]:
        """The quotas typed, summed, and the period's target."""
        target = self.game.obs.targets[self.quota_period()]
        return sum(self.entry_amount(i) or 0 for i in self.quota_entries), target

    def sum_text(self) -> str:
        """The quotas typed, summed against the period's target."""
        g = self.game
        total, target = self._typed_total()
        pct = total / target if target else 0.0
        return self.tr(
            "quota.sum", sum=g.money(total), target=g.money(target), pct=percent(pct, self.lang)
        )

    def gap_text(self) -> str:
        """How much of the target the quotas typed leave to nobody (P1), if any."""
        total, target = self._typed_total()
        gap = A.unassigned(total, target)
        return unassigned_warning(gap, total, target, self.game.obs.currency, self.lang)

    def far_note(self, rep: RepView, amount: float) -> str:
        return self.game.record_note(rep, amount)[0]

    def entry_amount(self, rep_id: int) -> float | None:
        """The quota typed in a rep's field, in money (the field counts in k, or 万 in
        Chinese, decimals allowed); the quota it showed, exactly, if left as it was."""
        text = self.quota_entries[rep_id].get_text()
        return typed_quota(text, self.lang, self.quota_shown.get(rep_id))

    def apply_quotas(self) -> None:
        per = self.quota_period()
        bad = []
        for rep_id, entry in self.quota_entries.items():
            amount = self.entry_amount(rep_id)
            if amount == self.quota_shown.get(rep_id) and amount is not None and amount <= 0:
                continue  # left at nothing: a newcomer with no quota yet keeps none
            if amount is None or amount <= 0:
                bad.append((rep_id, entry.get_text()))
                continue
            # a quota planned before is replaced; one set already is not set again
            self.game.plan_quota(rep_id, amount, per)
        if bad:
            rep_id, text = bad[0]
            name = rep_name(self.game.obs.person(rep_id), self.lang)
            self.say(self.tr("quota.bad_for", name=name, text=text.strip()), bad=True)
        else:
            self.say(self.tr("ui.planned", what=self.tr("quota.title", period=per + 1)))
        self.refresh("header", "centre", "plan")
