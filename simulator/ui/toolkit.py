"""pygame_gui set up to do less work for the same pixels.

Three places where the toolkit spends time (or memory) for nothing the player
sees, each replaced by something that gives the same result:

- **Measuring text.** pygame_gui lays every label, button and text box out by
  measuring its words, and measures a piece of text by drawing it and reading
  the picture's size ("the only way to get accurate layout data with
  kerning"). SDL_ttf's own measure (``Font.size``) runs the same layout,
  kerning and shaping included, and stops short of drawing: a third to a half
  of the time for a line, and most of the text drawn while a desk was built was
  drawn only to be measured (and a line is measured four times or more as it
  is laid out: each font remembers its last few thousand). The two agree to
  the pixel on every text of the game in both languages, in every font the
  theme loads (a text of several lines aside, which a drawing stacks and the
  layout's measure does not know: that is still drawn to be measured); a test
  keeps checking that they do.
- **Keeping backgrounds.** The toolkit draws each button's and panel's
  background (its size, border and colours) once and keeps it for the next
  widget that looks the same: in a dictionary, then, a picture a frame, packed
  onto a few big sheets (a texture atlas), searching and splitting the sheets'
  free rectangles at a cost that grows with the square of their number, in the
  very frames a desk is being built. The game draws in software, where a sheet
  saves nothing: :class:`ShapeCache` keeps each picture as it is, with the same
  pixels (a picture blended onto a clear sheet is the picture) and within the
  same memory as the toolkit's three sheets.
- **Naming a widget's theme.** Each widget made looks up the theme blocks that
  apply to it (its kind, class and id, and its containers'), remembered by a key
  the toolkit builds with ``str.join`` the wrong way round: each part is put
  *between the characters* of the next, so a widget three containers deep (a
  week report's text, in its scroller, in its dialog) had a key of two million
  characters, built again for every widget made there, and every such key was
  kept. :func:`adjust` remembers the same answers by the four lists themselves.
"""

from __future__ import annotations

import weakref
from typing import Any

import pygame
from pygame_gui.core.gui_font_pygame import GUIFontPygame
from pygame_gui.core.surface_cache import SurfaceCache

DRAWN = GUIFontPygame.get_rect  # the toolkit's own measure: draws the text to measure it
LIMIT_BYTES = 3 * 1024 * 1024 * 4  # the toolkit's own: three 1024×1024 sheets of 32-bit pixels


# each font's measures, by text and style (a text box measures a line four times or
# more as it lays it out); emptied when it grows past SIZES_KEPT
_SIZES: weakref.WeakKeyDictionary[Any, dict[tuple[str, bool, bool, bool], tuple[int, int]]] = (
    weakref.WeakKeyDictionary()
)
SIZES_KEPT = 4096


def measured(font: GUIFontPygame, text: str) -> pygame.Rect:
    """The rectangle ``text`` takes, at the font's ascent, as the toolkit's own
    ``get_rect`` gives it, from the layout alone."""
    if text == "":
        return pygame.Rect(0, 0, 0, 0)
    if "\n" in text or "\r" in text:
        return DRAWN(font, text)
    inner: pygame.font.Font = font._GUIFontPygame__internal_font  # type: ignore[attr-defined]
    known = _SIZES.get(font)
    if known is None:
        known = _SIZES[font] = {}
    key = (text, inner.bold, inner.italic, inner.underline)
    size = known.get(key)
    if size is None:
        if len(known) >= SIZES_KEPT:
            known.clear()
        size = known[key] = inner.size(text)
    return pygame.Rect((0, inner.get_ascent()), size)


class ShapeCache(SurfaceCache):
    """The toolkit's cache of drawn backgrounds, every picture its own surface; when
    it is full, the pictures no widget shows any more go first, the oldest first."""

    def __init__(self, limit_bytes: int = LIMIT_BYTES) -> None:
        super().__init__()
        self.cache_surfaces.clear()  # no sheets
        self.limit_bytes = limit_bytes
        self.bytes = 0

    def update(self) -> None:
        """Move what was drawn since the last frame into the long-term cache (a dictionary
        entry each, no search: all of it at once)."""
        self.consider_purging_list.clear()  # the toolkit's list for its sheets; room is made below
        while self.cache_short_term_lookup:
            string_id, item = self.cache_short_term_lookup.popitem()
            surface = item["surface"]
            size = surface.get_width() * surface.get_height() * 4
            if string_id in self.cache_long_term_lookup or size > self.limit_bytes:
                continue
            if self.bytes + size > self.limit_bytes:
                self._make_room(size)
                if self.bytes + size > self.limit_bytes:
                    continue  # every picture kept is on show: this one is not kept
            self.cache_long_term_lookup[string_id] = {
                "surface": surface,
                "current_uses": item["uses"],
                "total_uses": item["uses"],
            }
            self.bytes += size

    def _make_room(self, size: int) -> None:
        """Drop pictures no widget shows, oldest first, until ``size`` bytes fit."""
        for string_id in [
            k for k, v in self.cache_long_term_lookup.items() if v["current_uses"] <= 0
        ]:
            self._free_cached_surface(string_id)
            if self.bytes + size <= self.limit_bytes:
                return

    def _free_cached_surface(self, string_id: str) -> None:
        item = self.cache_long_term_lookup.get(string_id)
        if item is None or item["current_uses"] > 0:
            return
        del self.cache_long_term_lookup[string_id]
        self.bytes -= item["surface"].get_width() * item["surface"].get_height() * 4
        if string_id in self.consider_purging_list:
            self.consider_purging_list.remove(string_id)


def _key(ids: Any) -> Any:
    return None if ids is None else tuple(ids)


class ThemeIds:
    """A theme's ``build_all_combined_ids``, remembered by the lists it is given (the
    toolkit works each answer out once, with its own key thrown away after)."""

    def __init__(self, theme: Any) -> None:
        self.theme = theme
        self.work_out = type(theme).build_all_combined_ids
        self.known: dict[Any, list[str]] = {}

    def __call__(
        self, element_base_ids: Any, element_ids: Any, class_ids: Any, object_ids: Any
    ) -> list[str]:
        key = (_key(element_base_ids), _key(element_ids), _key(class_ids), _key(object_ids))
        found = self.known.get(key)
        if found is None:
            kept, self.theme.unique_theming_ids = self.theme.unique_theming_ids, {}
            try:
                found = self.work_out(
                    self.theme, element_base_ids, element_ids, class_ids, object_ids
                )
            finally:
                self.theme.unique_theming_ids = kept
            self.known[key] = found
        return found


def adjust(manager: Any) -> None:
    """Set ``manager`` (a pygame_gui UIManager, as soon as it is made: only its own root
    container comes before) up to measure text from its layout, keep backgrounds as they
    are, and remember theme names by their parts. The text measure is the fonts' own, for
    the process."""
    GUIFontPygame.get_rect = measured  # type: ignore[method-assign,assignment]
    theme = manager.get_theme()
    theme.shape_cache = ShapeCache()
    theme.build_all_combined_ids = ThemeIds(theme)
