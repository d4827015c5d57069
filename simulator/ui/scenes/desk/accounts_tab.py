"""The Accounts tab: the customer archive, sortable, by pages, each account's file."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pygame

from ....api import AccountView
from ....texts import account_name, has, segment_label
from ...widgets import BUTTON_PAD, Builder
from .part import ACC_COLS
from .tables import TablesPart

# what an account's file records of the customer speaking: a new opportunity, a yes, a no
# (a deal dropped is the team's own decision, a churn the customer's silence)
CUSTOMER_WORD = frozenset({"opportunity", "won", "lost"})


class AccountsTabPart(TablesPart):
    """The Accounts tab: the customer archive, sortable, by pages, each account's file."""

    def tab_accounts(self, ui: Builder, r: pygame.Rect) -> Iterator[None]:
        obs = self.game.obs
        acc = obs.accounts
        rows = [a for a in acc if not a.churned] + [a for a in acc if a.churned]
        ago = self.contact_ago()
        keyf = {
            "potential": lambda a: -a.potential,
            "relationship": lambda a: -a.relationship,
            # the longest without contact first, those never contacted before them
            "contact": lambda a: -ago.get(a.id, 10**6),
            "owner": lambda a: (a.owner is None, a.owner if a.owner is not None else 0),
        }[self.acc_sort]
        rows.sort(key=keyf, reverse=self.acc_reverse)  # a second click turns the order round
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
        # each sort button as wide as its label (the chosen one's in bold, with its ▼, or ▲
        # turned round),
        # or all alike when the row has no room for that
        sorts = [
            (
                key,
                (("▲ " if self.acc_reverse else "▼ ") if key == self.acc_sort else "")
                + self.tr(label),
                "#tab_active" if key == self.acc_sort else "#small_button",
            )
            for key, label in sort_names.items()
        ]
        room_w = r.w - 136
        natural = [max(90, ui.width_of(text, oid) + 2 * BUTTON_PAD + 6) for _, text, oid in sorts]
        if sum(natural) + 4 * len(sorts) > room_w:
            natural = [min(120, room_w // len(sorts) - 4)] * len(sorts)
        for (key, text, oid), sort_w in zip(sorts, natural, strict=True):
            # what each figure is (last contact is not the funnel's "last heard": a rep's
            # visit counts too)
            tip = self.tr(f"acc.{key}_tip") if key != "owner" else None
            ui.button(
                (x, 6, sort_w, 30), text, partial(self.sort_accounts, key), tip=tip, object_id=oid
            )
            x += sort_w + 4
        ui.button((r.w - 124, 6, 52, 30), "◀", lambda: self.page(-1), enabled=self.acc_page > 0)
        ui.button(
            (r.w - 68, 6, 52, 30), "▶", lambda: self.page(1), enabled=self.acc_page < pages - 1
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
        # a narrow window drops the columns a manager can do without first: the segment,
        # then the open deals (in each account's file), never a column the list is sorted by
        keep = set(range(len(ACC_COLS)))
        for drop in (2, 6):
            if sum(ACC_COLS[i][1] for i in keep) + 32 <= r.w:
                break
            keep.discard(drop)
        cols = tuple(c for i, c in enumerate(ACC_COLS) if i in keep)
        self.headings(ui, 62, cols)
        yield  # the rows in the frames after (a dozen widgets or so a frame)
        nar = self.game.narrator
        y = 86
        for a in shown:
            vals = [
                (self.tr("acc.key") + " " if a.key else "") + account_name(a, self.lang),
                nar.rep(a.owner) if a.owner is not None else self.tr("acc.nobody"),
                segment_label(self.game.obs, a.segment, self.lang),
                self.game.money(a.potential),
                f"{100 * a.relationship:.0f}%",
                self.days_ago(ago[a.id]) if a.id in ago else self.tr("acc.not_yet"),
                self.tr("acc.lost") if a.churned else str(a.open_deals),
            ]
            if a.churned and 6 not in keep:  # a lost customer says so without its column
                vals[5] = self.tr("acc.lost")
            # the name opens the account's file: its history, deal by deal
            ui.button(
                (12, y, cols[0][1] - 4, 26),
                vals[0],
                partial(self.account_file, a),
                object_id="#small_button",
                tip=self.tr("acc.open_tip"),
            )
            vals = [v for i, v in enumerate(vals) if i in keep]
            x = 16 + cols[0][1]
            for (_, cw), v in zip(cols[1:], vals[1:], strict=True):
                ui.label(
                    (x, y, cw - 4, 24), v, object_id="#cell", cls="@bad" if a.churned else None
                )
                x += cw
            y += 28
            if (y - 86) % (28 * 2) == 0:
                yield

    def contact_ago(self) -> dict[int, int]:
        """Working days since each account was last in touch: a rep's visit this season,
        the customer's own word on a deal (bringing it, or saying yes or no to it), or an
        open deal's last word from them (a deal inherited with the team was in touch
        before the season began); accounts never in touch are left out."""
        obs = self.game.obs
        today = (obs.week - 1) * 5
        ago = {}
        for a in obs.accounts:
            last = a.last_contact_day
            for day, what, _, _ in a.history:
                if what in CUSTOMER_WORD and day > last:
                    last = int(day)
            if last >= 0:
                ago[a.id] = max(0, today - last)
        for d in obs.deals:  # the team's and the orphans'
            ago[d.account] = min(ago.get(d.account, d.days_since_touch), d.days_since_touch)
        return ago

    def days_ago(self, days: int) -> str:
        """How long since a contact, in working days: "today" rather than "0 d ago"."""
        return self.tr("acc.today") if days == 0 else self.tr("acc.days_ago", days=days)

    def account_file(self, a: AccountView) -> None:
        """The customer archive's card of one account (P12): who, what it is worth, its
        open deals, and its story."""
        nar = self.game.narrator
        lines = [
            self.tr(
                "acc.file_line",
                owner=nar.rep(a.owner) if a.owner is not None else self.tr("acc.nobody"),
                segment=segment_label(self.game.obs, a.segment, self.lang),
                potential=self.game.money(a.potential),
                relationship=f"{100 * a.relationship:.0f}%",
                style=self.tr(f"style.{a.decision_style}"),
                won=self.game.money(a.won_value),
            ),
            "",
        ]
        g = self.game
        open_deals = [d for d in g.obs.deals if d.account == a.id]
        for d in sorted(open_deals, key=lambda d: -d.value):
            owner = nar.rep(d.rep) if d.rep is not None else self.tr("acc.nobody")
            lines.append(
                self.tr(
                    "acc.open_deal_today" if d.days_since_touch == 0 else "acc.open_deal",
                    value=g.money(d.value),
                    stage=self.tr(f"stage.{int(d.stage)}"),
                    rep=owner,
                    days=d.days_since_touch,
                )
            )
        if open_deals:
            lines.append("")
        for day, kind, text, value in a.history[-14:]:
            what = self.tr(f"hist.{kind}") if has(f"hist.{kind}") else kind
            if value:  # which deal: an account may have had several
                what += " " + self.game.money(value)
            if kind == "lost" and has(f"lost.{text}"):
                what += f" ({self.tr(f'lost.{text}')})"
            week = self.tr("ui.week_short", week=day // 5 + 1)
            lines.append(self.tr("ui.at_week", week=week, text=what))
        if not a.history and not open_deals:
            lines.append(self.tr("acc.no_history"))
        self.open_modal(
            account_name(a, self.lang),
            "\n".join(lines),
            [(self.tr("ui.close"), None)],
            size=(680, 460),
        )

    def sort_accounts(self, key: str) -> None:
        """Sort by ``key``; the order it is sorted by already, turned round."""
        self.acc_reverse = not self.acc_reverse if key == self.acc_sort else False
        self.acc_sort = key
        self.acc_page = 0
        self.refresh("centre")

    def page(self, step: int) -> None:
        self.acc_page = max(0, self.acc_page + step)
        self.refresh("centre")
