"""What building the desk costs with the game's set-up of pygame_gui (text measure,
background cache, theme names) against the toolkit's own, in the same process,
interleaved.

A desk is built tab by tab as a player clicks through them (Desk, Pipeline,
Accounts, Quotas, Inbox, then the desk opened again), on the default scenario six
weeks in, in English and in Chinese. Each round builds it once in a window set
up as the game sets it up (text measured from its layout, backgrounds kept as
they are, theme names remembered by their parts: simulator/ui/toolkit.py) and
once in a window with pygame_gui's own (text drawn to be measured, backgrounds
packed onto sheets a picture a frame, theme names built as the toolkit builds
them); both windows play the same game, frame for frame,
and draw the same pixels (tests/test_game_drawing.py checks that).

Prints, for each language (``en``, ``zh``):
  build_ms_own_LANG=     CPU for the tabs built with pygame_gui's own, the median over rounds
  build_ms_game_LANG=    the same as the game builds them
  build_ratio_LANG=      game ÷ own, the median of each round's pair (below 1: cheaper)
  worst_frame_ms_own_LANG= / worst_frame_ms_game_LANG=  the longest single frame of a
                         round's building, the median over rounds
  report_ms_own_LANG= / report_ms_game_LANG=  CPU to open the longest week report of the
                         six over the desk (the week's end's longest frame), the median

Run: python benchmarks/widgets.py [--rounds 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pygame_gui.core.gui_font_pygame import GUIFontPygame
from pygame_gui.core.surface_cache import SurfaceCache

from simulator.scenario import default_scenario_path
from simulator.ui import toolkit
from simulator.ui.app import App
from simulator.ui.scenes import DeskScene

TABS = ("desk", "pipeline", "accounts", "quotas", "inbox")
REPORT: dict[App, Any] = {}  # each window's longest week report of the weeks played


def settle(app: App) -> float:
    """Frames until the scene has built itself; the longest of them (s)."""
    worst = 0.0
    for i in range(400):
        if i >= 8 and not app.busy:
            break
        t = time.perf_counter()
        app.step(1 / 60)
        worst = max(worst, time.perf_counter() - t)
    return worst


def window(lang: str, own: bool, folder: Path) -> App:
    """A window six weeks into the default scenario, the desk up; with ``own``,
    pygame_gui's own measure and cache."""
    app = App(lang=lang, saves=folder / f"{lang}-{own}", seed=7)  # set up as the game sets it
    use(own)
    if own:
        theme = app.manager.get_theme()
        theme.shape_cache = SurfaceCache()
        del theme.build_all_combined_ids  # the toolkit's own, from its class
    app.start_game(str(default_scenario_path()), 7)
    weeks = [app.game.end_week() for _ in range(6)]
    REPORT[app] = max(weeks, key=lambda w: sum(len(x) for x in w.lines))
    app.switch(DeskScene)
    settle(app)
    return app


def use(own: bool) -> None:
    """The text measure for the window about to build (one for the whole process, so it is
    set again before each window's round)."""
    GUIFontPygame.get_rect = toolkit.DRAWN if own else toolkit.measured  # type: ignore[method-assign]


def build_round(app: App) -> tuple[float, float, float]:
    """Every tab built, then the desk opened again: CPU seconds, longest frame (s);
    then the longest week report opened over it: CPU seconds."""
    cpu = time.process_time()
    worst = 0.0
    for tab in TABS:
        app.scene.set_tab(tab)
        worst = max(worst, settle(app))
    app.switch(DeskScene)
    worst = max(worst, settle(app))
    tabs = time.process_time() - cpu
    cpu = time.process_time()
    app.scene.week_report(REPORT[app])
    report = time.process_time() - cpu
    app.scene.close_modal()
    settle(app)
    return tabs, worst, report


def median_ms(rounds: list[tuple[float, float, float]], k: int) -> float:
    return statistics.median(x[k] for x in rounds) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=9)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp())
    for lang in ("en", "zh"):
        apps = {own: window(lang, own, folder) for own in (True, False)}
        got: dict[bool, list[tuple[float, float, float]]] = {True: [], False: []}
        for r in range(args.rounds):
            order = (True, False) if r % 2 == 0 else (False, True)
            for own in order:
                use(own)
                got[own].append(build_round(apps[own]))
        for app in apps.values():
            app.close()
        use(False)
        ratio = statistics.median(g[0] / o[0] for g, o in zip(got[False], got[True], strict=True))
        print(f"build_ms_own_{lang}={median_ms(got[True], 0):.0f}")
        print(f"build_ms_game_{lang}={median_ms(got[False], 0):.0f}")
        print(f"build_ratio_{lang}={ratio:.2f}")
        print(f"worst_frame_ms_own_{lang}={median_ms(got[True], 1):.1f}")
        print(f"worst_frame_ms_game_{lang}={median_ms(got[False], 1):.1f}")
        print(f"report_ms_own_{lang}={median_ms(got[True], 2):.1f}")
        print(f"report_ms_game_{lang}={median_ms(got[False], 2):.1f}")


if __name__ == "__main__":
    main()
