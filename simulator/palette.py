"""The colours of salesim: one palette for the game, its charts, and the trainers' reports.

The palette lives in the game's theme (``assets/theme.json``, block
``palette``), beside the colours pygame_gui gives its widgets, so a change of
colour is made in one file and reaches the desk, the drawn charts, the
matplotlib charts and the HTML reports alike. Colour never carries meaning
alone (a word or an icon goes with it); ``good``, ``warn`` and ``bad`` are
the three signals, ``series_*`` the lines of a chart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from .paths import data_dir

FALLBACK = {  # what the shipped theme says, for a theme file that lacks a colour
    "ink": "#1F2933",
    "muted": "#52606D",
    "page": "#F3F5F8",
    "card": "#FFFFFF",
    "card_selected": "#EAF1FA",
    "border": "#CBD2D9",
    "grid": "#DDE3EA",
    "accent": "#2F6FB3",
    "good": "#1E6B3F",
    "warn": "#8A5300",
    "bad": "#A3221B",
    **{
        f"series_{i + 1}": c
        for i, c in enumerate(
            ("#2F6FB3", "#1E6B3F", "#8A5300", "#783C8C", "#007378", "#A3221B", "#52606D", "#965A1E")
        )
    },
}


@dataclass(frozen=True)
class Palette:
    """Named colours as ``#RRGGBB`` strings, with RGB tuples for drawing."""

    colours: dict[str, str]

    def __getattr__(self, name: str) -> str:
        try:
            return self.colours[name]
        except KeyError:
            raise AttributeError(name) from None

    def rgb(self, name: str) -> tuple[int, int, int]:
        h = self.colours[name].lstrip("#")
        return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)

    @property
    def series(self) -> list[str]:
        return [self.colours[f"series_{i}"] for i in range(1, 9)]


@lru_cache(maxsize=1)
def palette() -> Palette:
    """The palette of the theme in use (the shipped one, or ``$SALESIM_ASSETS``'s)."""
    colours = dict(FALLBACK)
    try:
        theme = json.loads((data_dir("assets", "SALESIM_ASSETS") / "theme.json").read_text("utf-8"))
        colours.update(theme.get("palette", {}).get("colours", {}))
    except (OSError, ValueError):
        pass  # the fallback is the shipped theme's own palette
    return Palette(colours)
