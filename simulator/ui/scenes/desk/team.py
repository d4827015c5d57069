"""The team as cards on the left: mood as read, attainment, pipeline, flags, Hire."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pygame

from ....api import MOOD_SIGNAL, RepView
from ....palette import palette
from ....texts import percent
from ...cards import rep_card
from ...widgets import Builder
from .levers import LeverPart


class TeamPart(LeverPart):
    """The team as cards on the left: mood as read, attainment, pipeline, flags, Hire."""

    def build_team(self, ui: Builder, r: pygame.Rect) -> Iterator[None]:
        self.card_rects = {}
        self.card_rows: dict[int, list[list[str]]] = {}  # each card's rows as drawn
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
            # below a full page on every page: a shorter last page does not move them
            # from under the pointer of a player paging back and forth
            y = 28 + per_page * (card_h + gap)
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
        self.lever_button(ui, (0, r.h - 38, r.w, 36), self.catalogue().lever("hire"), small=False)

    def team_turn(self, step: int) -> None:
        self.team_page = max(0, self.team_page + step)
        self._follow_selection = False
        self.refresh("team")

    def card(self, ui: Builder, rect: pygame.Rect, rep: RepView) -> None:
        """A drawn card (one image) with the name as a button over it."""
        p = palette()
        bad, ink, muted = p.rgb("bad"), p.rgb("ink"), p.rgb("muted")
        band = self.game.mood_word(rep)
        mood_key = f"mood.{band}"
        mood_col = p.rgb(MOOD_SIGNAL[band])
        row2 = [
            (self.tr(mood_key), mood_col),
            (self.tr("card.attain", pct=percent(rep.attainment, self.lang)), ink),
        ]
        if rect.w < 210:  # a narrow card: the mood's arrow and the share of quota only
            row2 = [
                (self.tr(mood_key).split()[0], mood_col),
                (f"{100 * rep.attainment:.0f}%", ink),
            ]
        # the third row: their type (or how many hints so far) and what needs attention;
        # the pipeline and every flag in words are in the name's tooltip. On a card too
        # narrow for all of it, the warnings stay whole: "ramping up" gives way first,
        # then "type ? (3 hints)" becomes "3 hints", and only then does the type go
        # (all of it is in the tip)
        if rep.type is not None:
            kind: tuple[object, ...] = (self.tr(f"type.{rep.type.value}"), muted, 1)
        elif rep.read is not None:
            read = self.tr(f"type.{rep.read.value}")
            kind = (self.tr("card.read_short", type=read), muted, 1)
        else:
            n = len(rep.hints)
            kind = (
                self.tr("card.type_short", n=n),
                muted,
                1,
                self.tr("card.hints_short", n=n),
            )
        row3: list[tuple[object, ...]] = [kind]
        flags = []
        if rep.flight_risk is not None and rep.flight_risk >= 0.2:
            flags.append("card.risk")
        if rep.stalled_deals:
            flags.append("card.stalled")
        if rep.ramping:
            flags.append("card.ramping")
        row3 += [
            (self.tr(x, n=rep.stalled_deals), bad, 2)
            if x == "card.ramping"
            # a warning never gives way
            else (self.tr(x, n=rep.stalled_deals), bad)
            for x in flags
        ]
        tip = " · ".join(self.numbers_text(rep, self.game.money(rep.quota)))
        tip += "\n" + self.tr("card.pipe", value=self.game.money(rep.pipeline))
        tip += "\n" + self.tr("card.mood_tip", mood=self.tr(f"moodword.{band}"))
        if rep.type is not None:
            tip += "\n" + self.tr("card.type", type=self.tr(f"type.{rep.type.value}"))
        elif rep.read is not None:
            tip += "\n" + self.tr("card.read_tip", type=self.tr(f"type.{rep.read.value}"))
        else:
            tip += "\n" + self.tr("card.type_tip", n=len(rep.hints))
        for x in flags:
            if x == "card.risk" and rep.flight_risk_why:  # what the talk said lay behind it
                why = self.tr("ev.sep").join(self.tr(f"risk.{w}") for w in rep.flight_risk_why)
                tip += "\n" + self.tr("card.risk_why_tip", why=why, week=rep.flight_risk_week)
                continue
            tip += "\n" + self.tr(f"{x}_tip", n=rep.stalled_deals)
        self.card_rows[rep.id] = rep_card(
            ui,
            rect,
            rep,
            self.lang,
            [row2, row3],
            rep.id == self.selected,
            partial(self.select, rep.id),
            tip,
            self.game.obs.people,
        )
        self.card_rects[rep.id] = rect.move(ui.origin)

    def select(self, rep_id: int) -> None:
        if rep_id != self.selected:
            self.pages["pipeline"] = 0  # another rep's funnel opens at its first page
            if self.status_bad:  # why a lever was refused was about the rep before
                self.say("")
        self.selected = rep_id
        self._follow_selection = True
        self.refresh("team", "centre")

    def card_click(self, pos: tuple[int, int]) -> None:
        """A click anywhere on a card selects its rep (the name button is the keyboard's way)."""
        for rep_id, rect in self.card_rects.items():
            if rect.collidepoint(pos) and rep_id != self.selected:
                self.select(rep_id)
                return
