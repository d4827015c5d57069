"""How the widgets measure text: by the font's own layout, without drawing it.

pygame_gui lays every label, button and text box out by measuring its words, and
measures a piece of text by drawing it and reading the size of the picture
("the only way to get accurate layout data with kerning"). SDL_ttf's own
measure (``Font.size``) runs the same layout, kerning and shaping included, and
stops short of drawing: a third to a half of the time for a line, and most of
the text drawn while a desk is built was drawn only to be measured and thrown
away. The two agree to the pixel on every text of the game in both languages,
in every size and style the theme uses (a text of several lines aside: it is
still drawn to be measured); a test keeps checking that they do.
"""

from __future__ import annotations

import pygame
from pygame_gui.core.gui_font_pygame import GUIFontPygame

_DRAWN = GUIFontPygame.get_rect  # pygame_gui's own: draws the text to measure it


def _measured(self: GUIFontPygame, text: str) -> pygame.Rect:
    """The rectangle ``text`` takes, at the font's ascent, as pygame_gui's own
    ``get_rect`` gives it, from the layout alone (a text of more than one line is
    drawn as lines one under another, which the layout's measure does not know:
    that is measured the toolkit's way)."""
    if text == "":
        return pygame.Rect(0, 0, 0, 0)
    if "\n" in text or "\r" in text:
        return _DRAWN(self, text)
    font: pygame.font.Font = self._GUIFontPygame__internal_font  # type: ignore[attr-defined]
    return pygame.Rect((0, font.get_ascent()), font.size(text))


def measure_without_drawing() -> None:
    """Have every pygame_gui font measure text from its layout (once for the process;
    calling it again changes nothing)."""
    GUIFontPygame.get_rect = _measured  # type: ignore[method-assign]


def measured_by_drawing(font: GUIFontPygame, text: str) -> pygame.Rect:
    """pygame_gui's own measure of ``text``: drawn, then read (what the fast measure
    must agree with)."""
    return _DRAWN(font, text)
