"""A rep's card: a drawn tile (portrait, coloured lines of text) with the name as a button.

The tile is one image, so a team of cards costs a handful of widgets rather
than dozens; the name button is what the keyboard reaches and what selects
the rep.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from ..api import Person, RepView
from ..texts import rep_name
from . import charts
from .portraits import font, portrait_for
from .widgets import Builder, html

# a row's pieces: (text, colour), or (text, colour, spare) for one that may give way
# when the row is too wide (see charts.row_that_fits)
Row = list[tuple[Any, ...]]


def initials(name: str, lang: str) -> str:
    """ "WL" for Wang Lei; the family name's character for 王磊."""
    if lang == "zh" and name and ord(name[0]) > 0x2E80:
        return name[0]
    parts = name.split()
    return "".join(p[0] for p in parts[:2]).upper() if parts else "?"


def rep_card(
    ui: Builder,
    rect: pygame.Rect,
    rep: RepView,
    lang: str,
    rows: list[Row],
    selected: bool,
    on_select: Callable[[], None],
    tip: str | None = None,
    people: Sequence[Person] = (),
) -> list[list[str]]:
    """Draw the card's tile and put the rep's name on it as a button (``people``: everyone
    who is or was on the team, whom the portraits are chosen among); each row's texts
    as drawn."""
    name = rep_name(rep, lang)
    portrait = portrait_for(rep.id, initials(name, lang), 44, lang, people)
    drawn: list[list[str]] = []
    img = charts.card(
        rect.size, portrait, rows, font(14), selected, bar_share=rep.attainment, drawn=drawn
    )
    tile = ui.image(rect, img)
    if tip:  # the card's words said in full wherever the pointer rests on it
        tile.set_tooltip(html(tip))
    ui.button(
        (rect.x + 54, rect.y + 4, rect.w - 60, 28),
        name,
        on_select,
        object_id="#small_button",
        tip=tip,
    )
    return drawn
