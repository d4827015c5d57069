"""The game: a Pygame window (pygame-ce + pygame_gui) on top of the session.

Importing this package does not import pygame; :func:`main` does, so the
simulator and its batch tools never need a display.
"""

from __future__ import annotations

from pathlib import Path


def main(
    scenario: str | None = None,
    lang: str = "en",
    load: str | None = None,
    seed: int | None = None,
    saves: Path | None = None,
) -> int:
    """Open the window and play until the player quits."""
    from .app import App

    return App(lang=lang, scenario=scenario, load=load, seed=seed, saves=saves).run()
