"""Small charts drawn straight with pygame: fast enough to redraw every week.

Each function returns a Surface of the requested size; titles and legends
are ordinary labels placed by the scene (so they are translated and checked
for fit like every other text). Lines differ by style as well as colour —
booked revenue is solid, the target dotted — so no chart relies on colour
alone.
"""

from __future__ import annotations

import itertools
from typing import Any

import pygame

from ..api import MOOD_GOOD, MOOD_LOW
from ..palette import palette

_P = palette()
INK = _P.rgb("ink")
GRID = _P.rgb("grid")
ACCENT = _P.rgb("accent")
TARGET = _P.rgb("warn")
GOOD = _P.rgb("good")
BAD = _P.rgb("bad")
BG = _P.rgb("card")
PORTRAIT_COLOURS = [_P.rgb(f"series_{i}") for i in range(1, 9)]


def _frame(size: tuple[int, int]) -> pygame.Surface:
    surf = pygame.Surface(size)
    surf.fill(BG)
    _grid(surf)
    return surf


def _grid(surf: pygame.Surface) -> None:
    w, h = surf.get_size()
    for i in range(1, 4):
        y = int(h * i / 4)
        pygame.draw.line(surf, GRID, (0, y), (w, y))


def _points(
    values: list[float], n: int, top: float, size: tuple[int, int], pad: int = 4
) -> list[tuple[float, float]]:
    w, h = size
    span = max(1, n - 1)
    return [
        (pad + (w - 2 * pad) * i / span, h - pad - (h - 2 * pad) * (v / top if top else 0.0))
        for i, v in enumerate(values)
    ]


def _dotted(
    surf: pygame.Surface,
    colour: tuple[int, int, int],
    pts: list[tuple[float, float]],
    step: int = 6,
) -> None:
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        dist = max(1.0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
        k = 0.0
        while k < dist:
            t0, t1 = k / dist, min(1.0, (k + step / 2) / dist)
            pygame.draw.line(
                surf,
                colour,
                (x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0),
                (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1),
                2,
            )
            k += step


# how each of the revenue chart's lines is drawn: colour, the length of a dash with
# its gap (0: a solid line), width. Its key in a legend is drawn the same.
LINES = {"booked": (ACCENT, 0, 3), "target": (TARGET, 6, 1), "book": (GOOD, 14, 1)}


def _line(surf: pygame.Surface, line: str, pts: list[tuple[float, float]]) -> None:
    colour, step, width = LINES[line]
    if step:
        _dotted(surf, colour, pts, step=step)
    else:
        pygame.draw.lines(surf, colour, False, pts, width)


def swatch(line: str, height: int = 10) -> pygame.Surface:
    """A short stretch of one of the revenue chart's lines, drawn as the chart draws it
    (long enough to show two of its dashes): its key, beside its name in a legend."""
    step = LINES[line][1]
    w = max(16, 2 * step + 2)
    surf = pygame.Surface((w, height), pygame.SRCALPHA)  # on whatever is behind the legend
    _line(surf, line, [(1.0, height / 2), (w - 1.0, height / 2)])
    return surf


def revenue_chart(
    size: tuple[int, int],
    revenue: list[float],
    target: list[float],
    weeks: int,
    book: list[float] | None = None,
) -> pygame.Surface:
    """Cumulative booked revenue (solid) against the target (dotted) and, in the debrief,
    the handbook's game (dashed)."""
    surf = _frame(size)
    top = max([1.0, *revenue, *target, *(book or [])]) * 1.05
    if len(target) > 1:
        _line(surf, "target", _points(target, weeks, top, size))
    if book and len(book) > 1:
        _line(surf, "book", _points(book, weeks, top, size))
    if len(revenue) > 1:
        _line(surf, "booked", _points(revenue, weeks, top, size))
    elif revenue:
        x, y = _points(revenue, weeks, top, size)[0]
        pygame.draw.circle(surf, ACCENT, (int(x), int(y)), 3)
    return surf


def funnel_chart(
    size: tuple[int, int],
    values: list[float],
    counts: list[int],
    names: list[str],
    font: pygame.font.Font,
) -> pygame.Surface:
    """Open deals by stage: bar height is value; each bar is named, with its number of deals."""
    surf = _frame(size)
    w, h = size
    n = max(1, len(values))
    label_h = font.get_linesize()
    top = max([1.0, *values])
    bw = (w - 8) / n
    for i, v in enumerate(values):
        bh = (h - 16 - 2 * label_h) * v / top
        rect = pygame.Rect(int(4 + i * bw + 3), int(h - 2 - label_h - bh), int(bw - 6), int(bh))
        shade = 60 + int(140 * i / max(1, n - 1))
        pygame.draw.rect(surf, (47, shade // 2 + 60, 179 - shade // 3), rect)
        count = font.render(str(counts[i]), True, INK)
        surf.blit(count, count.get_rect(midbottom=(rect.centerx, rect.y - 1)))
        name = font.render(fit(font, names[i], int(bw - 4)), True, INK)
        surf.blit(name, name.get_rect(midbottom=(rect.centerx, h - 1)))
    return surf


def _tint(colour: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    """``colour`` laid thinly (``share``) over the chart's background."""
    r, g, b = (round(back + (c - back) * share) for c, back in zip(colour, BG, strict=True))
    return r, g, b


def mood_chart(size: tuple[int, int], series: list[float], weeks: int) -> pygame.Surface:
    """The team's mood as the manager reads it, 0 to 1, over the bands the cards' words
    come from: above the upper dashed line it reads "good" (a light green ground),
    below the lower one "low" (a light red one), between them "fair"."""
    surf = _frame(size)
    w, h = size
    good_y = h - 4 - (h - 8) * MOOD_GOOD
    low_y = h - 4 - (h - 8) * MOOD_LOW
    surf.fill(_tint(GOOD, 0.10), (0, 0, w, int(good_y)))
    surf.fill(_tint(BAD, 0.08), (0, int(low_y), w, h - int(low_y)))
    _grid(surf)
    for y in (good_y, low_y):
        _dotted(surf, GRID, [(0, y), (w, y)], step=8)
    if len(series) > 1:
        pygame.draw.lines(surf, GOOD, False, _points(series, weeks, 1.0, size), 3)
    return surf


def bar(size: tuple[int, int], share: float, marker: float | None = None) -> pygame.Surface:
    """A progress bar; ``marker`` draws a tick where the time gone says you should be."""
    w, h = size
    surf = pygame.Surface(size)
    surf.fill(GRID)
    fill = max(0.0, min(1.0, share))
    colour = GOOD if marker is None or share >= marker else ACCENT
    pygame.draw.rect(surf, colour, (0, 0, int(w * fill), h))
    if marker is not None:
        x = int(w * max(0.0, min(1.0, marker)))
        pygame.draw.line(surf, INK, (x, 0), (x, h), 2)
    return surf


def portrait(size: int, initials: str, index: int, font: pygame.font.Font) -> pygame.Surface:
    """Initials on a coloured disc (used when no portrait image is shipped)."""
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    colour = PORTRAIT_COLOURS[index % len(PORTRAIT_COLOURS)]
    pygame.draw.circle(surf, colour, (size // 2, size // 2), size // 2)
    text = font.render(initials, True, _P.rgb("card"))
    surf.blit(text, text.get_rect(center=(size // 2, size // 2)))
    return surf


# ---------------------------------------------------------------- team cards
CARD_BG = _P.rgb("card")
CARD_SELECTED = _P.rgb("card_selected")
CARD_BORDER = _P.rgb("border")


def fit(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` cut with an ellipsis so that it draws within ``width`` pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


PIECE_GAP = 8  # pixels between two pieces of a card's row


def row_that_fits(
    font: pygame.font.Font, row: list[tuple[Any, ...]], room: int
) -> list[tuple[str, tuple[int, int, int]]]:
    """A card row's pieces, as many as fit whole in ``room`` pixels.

    A piece is ``(text, colour)``, ``(text, colour, spare)`` or ``(text, colour, spare,
    shorter)``: when the row is too wide, the spare pieces give way, the highest
    ``spare`` first, before anything is cut (a warning outranks a note the card's tip
    repeats). A piece with a shorter way to say it says that first, and goes only
    when even that leaves no room ("type ? (3 hints)" becomes "3 hints" beside a
    warning, rather than no count at all).
    """
    pieces = list(row)

    def width(ps: list[tuple[Any, ...]]) -> int:
        return sum(font.size(p[0])[0] for p in ps) + PIECE_GAP * (len(ps) - 1)

    while width(pieces) > room:
        spare = [p for p in pieces if len(p) > 2]
        if not spare:
            break
        going = max(spare, key=lambda p: p[2])
        at = pieces.index(going)
        if len(going) > 3:  # said the shorter way, and still spare
            pieces[at] = (going[3], going[1], going[2])
        else:
            del pieces[at]
    return [(p[0], p[1]) for p in pieces]


def card(
    size: tuple[int, int],
    portrait_img: pygame.Surface,
    lines: list[list[tuple[Any, ...]]],
    font: pygame.font.Font,
    selected: bool,
    bar_share: float | None = None,
    drawn: list[list[str]] | None = None,
) -> pygame.Surface:
    """A rep's card: portrait on the left, then rows of coloured text pieces.

    The first row is left free for the name button drawn over the card. A row
    too wide for the card first lets its spare pieces go (:func:`row_that_fits`);
    whatever is still too wide is cut to the room left, so nothing spills out.
    ``drawn``, if given, receives each row's texts as they were drawn.
    """
    w, h = size
    surf = pygame.Surface(size)
    surf.fill(CARD_SELECTED if selected else CARD_BG)
    pygame.draw.rect(
        surf, ACCENT if selected else CARD_BORDER, surf.get_rect(), 2 if selected else 1
    )
    surf.blit(portrait_img, (6, 8))
    line_h = font.get_linesize()
    y = 37
    for row in lines:
        if y + line_h > h:
            break  # no row drawn below the card's edge
        x = 56 if y < 58 else 8
        texts: list[str] = []
        for text, colour in row_that_fits(font, row, w - 6 - x):
            room = w - 6 - x
            if room <= 8:
                break
            shown = fit(font, text, room)
            img = font.render(shown, True, colour)
            surf.blit(img, (x, y))
            texts.append(shown)
            x += img.get_width() + PIECE_GAP
        if drawn is not None:
            drawn.append(texts)
        y += line_h + 1
    if bar_share is not None:
        pygame.draw.rect(surf, GRID, (56, 33, w - 62, 3))
        pygame.draw.rect(
            surf,
            GOOD if bar_share >= 1 else ACCENT,
            (56, 33, int((w - 62) * max(0.0, min(1.0, bar_share))), 3),
        )
    return surf
