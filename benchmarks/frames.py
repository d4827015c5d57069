"""How smooth the game's desk is: frame times, and how long ending a week holds the window.

Drives the real window headless (SDL's dummy driver) on the default scenario,
with real events: the mouse sweeps over the desk (hovering levers, so
tooltips appear), tabs are clicked, the team is paged, and the week is ended
with the Space key.

Prints:
  frame_ms_median=   median time of one frame at the desk (events, update, draw)
  frame_ms_p99=      99th percentile over 600 frames (goal ≤ 16.7: 60 frames a second)
  end_week_ms=       the longest single frame after pressing Space — the longest the
                     window stops answering while a week is simulated, saved and the
                     desk redrawn (goal ≤ 100)
  end_week_total_ms= all the frames of one week's end together, the median over weeks
  rss_mb_after_desk= the process's peak memory once the desk is up, before any week ends
  rss_mb_after_weeks= the same after the weeks (run --weeks 51 for a whole season: it should
                     stay close to the first figure; a leak shows as steady growth)

Run: python benchmarks/frames.py [--frames 600] [--weeks 12]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np
import pygame

from simulator.scenario import default_scenario_path
from simulator.ui.app import App
from simulator.ui.scenes import DeskScene, ReviewScene


def post_click(pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))


def post_key(key: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))


def tab_button(app: App, name: str):
    for el, text in app.scene.ui.full_text.items():
        if el.alive() and text.startswith(name) and hasattr(el, "is_enabled"):
            return el
    raise LookupError(name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=600)
    ap.add_argument("--weeks", type=int, default=12)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as saves:
        app = App(lang="en", scenario=str(default_scenario_path()), seed=1, saves=saves)
        app.switch(DeskScene)
        while app.busy:
            app.step(1 / 60)

        # ---- frames at the desk: the mouse sweeps, tabs are clicked
        w, h = app.size
        tabs = ["Pipeline", "Accounts", "Quotas", "Inbox", "Desk"]
        app.frame_ms.clear()
        for i in range(args.frames):
            x = 40 + (i * 37) % (w - 80)
            y = 80 + (i * 23) % (h - 160)
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(1, 1), buttons=(0, 0, 0))
            )
            if i % 100 == 50:
                post_click(tab_button(app, tabs[(i // 100) % len(tabs)]).rect.center)
            app.step(1 / 60)
        frames = list(app.frame_ms)

        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # ---- ending weeks with Space: every frame until the desk is whole again
        longest, totals = [], []
        for _ in range(args.weeks):
            if isinstance(app.scene, ReviewScene):
                app.scene.done()
                while app.busy:
                    app.step(1 / 60)
            app.frame_ms.clear()
            post_key(pygame.K_SPACE)
            app.step(1 / 60)
            while app.busy:
                app.step(1 / 60)
            longest.append(max(app.frame_ms))
            if os.environ.get("FRAMES_DEBUG"):
                print(type(app.scene).__name__, [round(x) for x in app.frame_ms])
            totals.append(sum(app.frame_ms))
            post_key(pygame.K_ESCAPE)  # close the week's report
            app.step(1 / 60)
        app.close()

    print(f"frames={len(frames)} weeks={len(longest)}")
    print(f"frame_ms_median={statistics.median(frames):.2f}")
    print(f"frame_ms_p99={np.percentile(frames, 99):.2f}")
    print(f"end_week_ms={max(longest):.1f}")
    print(f"end_week_total_ms={statistics.median(totals):.1f}")
    print(f"rss_mb_after_desk={rss_before:.0f}")
    print(f"rss_mb_after_weeks={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()
