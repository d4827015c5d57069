"""The Inbox tab: the scenario's messages, and their choices with what each costs."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pygame

from .... import api as A
from ....api import InboxView, PromiseView
from ....texts import aside, joiner, text_of
from ...widgets import Builder
from .tables import TablesPart

STATUS_H = 20  # the line under a message's title that says where it stands


class InboxTabPart(TablesPart):
    """The Inbox tab: the scenario's messages, and their choices with what each costs."""

    def tab_inbox(self, ui: Builder, r: pygame.Rect) -> Iterator[None]:
        """The messages, a page of cards, built a card a frame (a card's message and
        choices are among the desk's dearer widgets)."""
        obs = self.game.obs
        items = sorted(obs.inbox, key=lambda i: (not i.open, -i.week))
        if not items:
            ui.label((16, 16, r.w - 32, 28), self.tr("inbox.empty"))
            return
        # each card: title and status (50), the message, the choices (44 each), a margin
        # inside the card (6) and the gap to the next (8)
        # (the message measured at the card's width, as the card draws it)
        heights = [
            64
            - (0 if self.has_status(i) else STATUS_H)
            + self.message_height(i, r.w - 16)
            + (44 * len(i.choices) if i.open else 0)
            for i in items
        ]
        # as many as fit on a page, open messages first
        pages: list[list[int]] = []
        page: list[int] = []
        used = 0
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
            yield

    @staticmethod
    def has_status(item: InboxView) -> bool:
        """Whether the card says where the message stands (a notice, only read, does not)."""
        return item.status in ("open", "answered", "expired")

    def due_unanswered(self) -> list[InboxView]:
        """The messages whose last week to answer is this one, with no answer planned."""
        obs = self.game.obs
        planned = {getattr(p.action, "item", None) for p in self.game.planned("answer")}
        return [i for i in obs.inbox if i.open and i.deadline <= obs.week and i.id not in planned]

    def ask_end_week(self, checked: tuple[str, ...] = ()) -> None:
        """End the week, unless it would settle something the player may not see coming:
        a message in its last week with no answer planned (the week's end answers it by
        default), or a promise fallen due and not planned to be kept (the week's end
        breaks it). Then the player is asked first, and may go and read the message, or
        keep the promise. (Nothing, while the week just ended has its report still to
        show.) ``checked``: what the player has already been asked about."""
        if self.report_waiting:
            return
        due = [] if "inbox" in checked else self.due_unanswered()
        if due:
            titles = "\n".join(f"• {text_of(i.title, self.lang)}" for i in due)
            body = self.tr("ui.due_body", n=len(due), titles=titles)
            read = (self.tr("ui.due_read"), lambda: self.set_tab("inbox"))
            self._ask_first(
                self.tr("ui.due_title", n=len(due)), body, len(due), read, checked, "inbox"
            )
            return
        owed = [] if "promises" in checked else self.promises_owed()
        if owed:
            nar = self.game.narrator
            lines = "\n".join(f"• {nar.rep(p.rep)} · {nar.promised(p.id, p.amount)}" for p in owed)
            body = self.tr("ui.owed_body", n=len(owed), promises=lines)
            keep = (self.tr("ui.owed_keep", n=len(owed)), lambda: self.keep_all(owed))
            title = self.tr("ui.owed_title", n=len(owed))
            self._ask_first(title, body, len(owed), keep, checked, "promises")
            return
        self.end_week()

    def _ask_first(
        self,
        title: str,
        body: str,
        n: int,
        first: tuple[str, Callable[[], None]],
        checked: tuple[str, ...],
        asked: str,
    ) -> None:
        """The dialog that asks before the week ends: ``first`` (go and see to it), or end
        the week anyway, then being asked about what is left to ask (``asked`` is done)."""
        self.open_modal(
            title,
            body,
            [first, (self.tr("ui.end_week"), lambda: self.ask_end_week((*checked, asked)))],
            size=(560, 280 + 24 * min(n, 4)),
        )

    def promises_owed(self) -> list[PromiseView]:
        """The promises fallen due that this week's end will break: not planned to be kept."""
        planned = {getattr(p.action, "promise", None) for p in self.game.planned("keep_promise")}
        return [p for p in self.game.obs.promises if p.status == "due" and p.id not in planned]

    def keep_all(self, promises: list[PromiseView]) -> None:
        """Plan to keep each of ``promises`` (one the budget cannot pay says why)."""
        for p in promises:
            self.plan(A.KeepPromise(p.id))

    def message_height(self, item: InboxView, width: int) -> int:
        """A message's box in a card ``width`` wide: as tall as its wrapped lines (no
        scroll bar for two lines)."""
        text = text_of(item.message, self.lang).strip()
        # a generous guess of a line's characters (a spare line is better than a scroll bar),
        # each paragraph on lines of its own
        per_line = max(20, (width - 48) // (17 if self.lang == "zh" else 9))
        rows = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
        return 30 * rows + 20

    def inbox_item(self, ui: Builder, r: pygame.Rect, item: InboxView) -> None:
        ui.panel(r, object_id="#card")
        c = ui.at(r)
        c.label((12, 6, r.w - 24, 26), text_of(item.title, self.lang), object_id="#h3")
        planned = self.game.planned("answer", item=item.id)
        if item.open and planned:
            chosen = next(
                (ch for ch in item.choices if ch.id == getattr(planned[0].action, "choice", "")),
                None,
            )
            status = self.tr(
                "inbox.planned", choice=text_of(chosen.text, self.lang) if chosen else ""
            )
        elif item.open and item.deadline <= self.game.obs.week:
            status = self.tr("inbox.due_now")
        elif item.open:
            status = self.tr("inbox.due", week=item.deadline)
        elif item.status == "answered":
            chosen = next((ch for ch in item.choices if ch.id == item.choice), None)
            status = self.tr(
                "inbox.answered", choice=text_of(chosen.text, self.lang) if chosen else item.choice
            )
        elif item.status == "expired":  # the deadline passed: the default course was taken
            chosen = next((ch for ch in item.choices if ch.id == item.choice), None)
            status = (
                self.tr("inbox.expired_default", choice=text_of(chosen.text, self.lang))
                if chosen
                else self.tr("inbox.expired")
            )
        else:
            status = ""
        top = 50  # the message, under the title and the status line
        if self.has_status(item):
            c.label((12, 30, r.w - 24, 20), status, object_id="#small")
        else:  # a notice has no status: no blank line for one
            top -= STATUS_H
        msg_h = self.message_height(item, r.w)
        c.text((8, top, r.w - 16, msg_h), text_of(item.message, self.lang).strip())
        if not item.open:
            return
        y = top + msg_h + 6
        answers = []
        for ch in item.choices:
            cost = []
            if ch.hours:
                cost.append(self.tr("cost.hours", hours=f"{ch.hours:g}"))
            if ch.money:
                cost.append(self.game.money(ch.money))
            if ch.weekly_hours:  # a supervision the choice sets, from then on
                cost.append(self.tr("pick.weekly_hours", hours=f"{ch.weekly_hours:g}"))
            text = text_of(ch.text, self.lang)
            answers.append(aside(text, joiner(self.lang).join(cost), self.lang) if cost else text)
        # answers too long for the buttons' type take the smaller one, cost and all (a
        # Chinese answer lost its hours: "…真实意向（2…"), every answer of the card alike
        small = not all(c.fits(r.w - 24 - 24, text) for text in answers)
        for k, (ch, text) in enumerate(zip(item.choices, answers, strict=True)):
            lever = self.catalogue().for_action("answer", A.Answer(item.id, ch.id), item.rep)
            self.lever_button(c, (12, y + 44 * k, r.w - 24, 38), lever, label=text, small=small)
