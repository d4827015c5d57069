"""The game: a Pygame window (pygame-ce + pygame_gui) on top of the session.

Importing this package does not import pygame; :func:`main` does, so the
simulator and its batch tools never need a display.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..saves import SaveGame
    from ..session import Session

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


def replay(save: SaveGame, session: Session, lang: str = "en") -> int:
    """Open a saved game read-only, to step through week by week."""
    from .app import App
    from .replay import Replay
    from .scenes.replay import ReplayScene

    app = App(lang=lang)
    app.switch(ReplayScene, replay=Replay(save, session, lang))
    return app.run()
