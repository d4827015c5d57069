"""Tables on the desk's tabs: headings at their rows' widths, and pages."""

from __future__ import annotations

import pygame

from ...widgets import Builder
from .levers import LeverPart


class TablesPart(LeverPart):
    """Tables on the desk's tabs: headings at their rows' widths, and pages."""

    def headings(self, ui: Builder, y: int, cols: tuple[tuple[str, int], ...]) -> None:
        """A table's column headings, at the widths its rows use."""
        x = 16
        for key, cw in cols:
            ui.label((x, y, cw - 4, 22), self.tr(key), object_id="#small")
            x += cw

    def pager(
        self, ui: Builder, key: str, total: int, per_page: int, rect: pygame.Rect
    ) -> tuple[int, int]:
        """Which slice of a long list to show, with ◀ ▶ buttons when it has pages."""
        pages = max(1, -(-total // per_page))
        page = min(self.pages.get(key, 0), pages - 1)
        self.pages[key] = page
        if pages > 1:
            bw = (rect.w - 60) // 2
            ui.button(
                (rect.x, rect.y, bw, rect.h),
                "◀",
                lambda: self.turn(key, -1),
                enabled=page > 0,
                object_id="#small_button",
            )
            ui.label(
                (rect.x + bw + 4, rect.y + 4, 52, rect.h - 8),
                f"{page + 1}/{pages}",
                object_id="#small",
            )
            ui.button(
                (rect.right - bw, rect.y, bw, rect.h),
                "▶",
                lambda: self.turn(key, 1),
                enabled=page < pages - 1,
                object_id="#small_button",
            )
        return page * per_page, min(total, (page + 1) * per_page)

    def turn(self, key: str, step: int) -> None:
        self.pages[key] = max(0, self.pages.get(key, 0) + step)
        self.refresh("centre")
