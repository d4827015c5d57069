"""The cache of widget backgrounds, kept as plain pictures instead of packed on sheets.

pygame_gui draws each button's and panel's background (its size, border and
colours) once and keeps it for the next widget that looks the same: first in a
short-term dictionary, then, one picture a frame, packed into a few big sheets
(a texture atlas). Packing searches and splits the sheets' free rectangles,
a cost that grows with the square of their number: the milliseconds it took
came every frame while a desk was being built, just when the frames are
shared out between the widgets. The game draws in software, where a sheet
saves nothing, so the cache here keeps each picture as it is, with the same
pixels (a picture blended onto a clear sheet is the picture), and within the
same memory as pygame_gui's three sheets: when it is full, the pictures no
widget shows any more go first, the oldest first.
"""

from __future__ import annotations

from pygame_gui.core.surface_cache import SurfaceCache

LIMIT_BYTES = 3 * 1024 * 1024 * 4  # pygame_gui's own: three 1024×1024 sheets of 32-bit pixels


class ShapeCache(SurfaceCache):
    """pygame_gui's surface cache, every picture its own surface (see the module)."""

    def __init__(self, limit_bytes: int = LIMIT_BYTES) -> None:
        super().__init__()
        self.cache_surfaces.clear()  # no sheets
        self.limit_bytes = limit_bytes
        self.bytes = 0

    def update(self) -> None:
        """Move what was drawn since the last frame into the long-term cache (a dictionary
        entry each, no search: all of it at once)."""
        self.consider_purging_list.clear()  # pygame_gui's list for its sheets; room is made below
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
