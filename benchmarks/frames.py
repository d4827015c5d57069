"""How smooth the game's desk is: frame times, and how long ending a week holds the window.

Drives the real window headless (SDL's dummy driver) on the default scenario as
a player would: the pointer itself moves (so the toolkit sees it) and rests on
one lever after another long enough for its tooltip to open, tabs are clicked,
and each week is planned in full (the handbook's own week, lever by lever, as
the desk's buttons add them) before Space ends it; a period's review is
completed and the frames back to the desk counted.

Prints:
  frame_ms_median=   median time of one frame at the desk (events, update, draw)
  frame_ms_p99=      99th percentile over the frames (goal ≤ 16.7: 60 frames a second)
  tooltip_frames=    frames drawn with a tooltip open (0 would mean none was ever seen)
  end_week_ms=       the longest single frame after pressing Space — the longest the
                     window stops answering while a week is simulated, saved and the
                     desk redrawn (goal ≤ 100)
  end_week_total_ms= all the frames of one week's end together, the median over weeks
  report_ms=         the week's report opened over the desk (its dialog built and its text
                     laid out, within the frame after the week's), the median and the
                     longest over the weeks
  planned_actions=   the actions planned a week, the median (a full week, not an empty one)
  plan_click_ms=     the longest frame after a click that changes the plan (a 1:1 planned on
                     the desk, then taken back with its ×: the plan's column is built again,
                     with last week's news), the median and the longest over the clicks
  after_review_ms=   the longest frame between finishing a review and the desk being back
  debrief_ms=        the longest frame between closing the season's last report and the
                     debrief on screen (the handbook's season it is set beside is played
                     in the frames before, while the player reads the desk)
  rss_mb_after_desk= the process's peak memory once the desk is up, before any week ends
  rss_mb_after_weeks= the same after the weeks (run --weeks 51 for a whole season: it should
                     stay close to the first figure; a leak shows as steady growth)
  awake_cpu_pct=     the share of one core the game's own loop takes at the desk while the
                     pointer keeps moving (sixty frames a second), over --idle seconds
  idle_cpu_pct=      the same with nobody touching it, once it has rested (it waits for
                     input, drawing ten frames a second): what an open, unattended game costs

Run: python benchmarks/frames.py [--frames 600] [--weeks 14] [--idle 3] [--clicks 6]
     [--lang zh]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np
import pygame

from simulator.scenario import default_scenario_path
from simulator.texts import tr
from simulator.ui.app import App
from simulator.ui.pace import REST_AFTER_S
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


def levers(app: App) -> list:
    """The desk's enabled buttons with a tooltip: what a player hovers to read a lever."""
    return [
        el
        for el in app.scene.ui.full_text
        if el.alive() and getattr(el, "tool_tip_text", None) and getattr(el, "is_enabled", False)
    ]


def plan_the_week(app: App) -> int:
    """Plan the week as the handbook would, one lever at a time through the desk's game."""
    from simulator.policies import make_policy

    game = app.game
    policy = make_policy("by_the_book")
    added = 0
    for action in policy.decide(game.obs):
        if game.add(action) is None:
            added += 1
    if hasattr(app.scene, "refresh"):
        app.scene.refresh()
    return added


def click_and_settle(app: App, label: str) -> float:
    """Click the desk's button that reads ``label`` as a player does; the longest frame
    until the desk has built what the click changed."""
    post_click(tab_button(app, label).rect.center)
    app.frame_ms.clear()
    app.step(1 / 60)
    app.step(1 / 60)  # the press reaches the desk a frame after the click
    while app.busy:
        app.step(1 / 60)
    return max(app.frame_ms)


def settle(app: App) -> list[float]:
    """Step until the window is idle; the frames it took."""
    app.frame_ms.clear()
    app.step(1 / 60)
    while app.busy:
        app.step(1 / 60)
    return list(app.frame_ms)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=600)
    ap.add_argument("--weeks", type=int, default=14)
    ap.add_argument("--idle", type=float, default=3.0)
    ap.add_argument("--clicks", type=int, default=6, help="1:1s planned and taken back")
    ap.add_argument("--lang", default="en", help="the game's language: en or zh")
    args = ap.parse_args()

    reports: list[float] = []
    opened = DeskScene.week_report

    def timed_report(scene, outcome):  # the same report, its opening timed
        t0 = time.perf_counter()
        opened(scene, outcome)
        reports.append((time.perf_counter() - t0) * 1000)

    DeskScene.week_report = timed_report
    with tempfile.TemporaryDirectory() as saves:
        app = App(lang=args.lang, scenario=str(default_scenario_path()), seed=1, saves=saves)
        app.switch(DeskScene)
        while app.busy:
            app.step(1 / 60)

        # ---- frames at the desk: the pointer rests on lever after lever, tabs are clicked
        tabs = [
            tr(args.lang, f"tab.{t}") for t in ("pipeline", "accounts", "quotas", "inbox", "desk")
        ]
        app.frame_ms.clear()
        tooltip_frames = 0
        dwell = 75  # frames at 60 a second: longer than the toolkit's tooltip delay
        for i in range(args.frames):
            if i % dwell == 0:
                if i and (i // dwell) % 2 == 0:
                    tab = tabs[(i // (2 * dwell)) % len(tabs)]
                    post_click(tab_button(app, tab).rect.center)
                    app.step(1 / 60)
                    app.step(1 / 60)  # the press reaches the desk a frame after the click
                    while app.busy:  # the tab built over frames, as a player waits to read it
                        app.step(1 / 60)
                targets = levers(app)
                if targets:
                    pos = targets[(i // dwell * 7) % len(targets)].rect.center
                    pygame.mouse.set_pos(pos)
                    pygame.event.post(
                        pygame.event.Event(
                            pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0)
                        )
                    )
            app.step(1 / 60)
            tooltip_frames += _tooltip_open(app)
        frames = list(app.frame_ms)

        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # ---- clicks that change the plan, after a week with news to show beside it
        plan_the_week(app)
        app.step(1 / 60)
        post_key(pygame.K_SPACE)
        settle(app)
        post_key(pygame.K_ESCAPE)  # close the week's report
        settle(app)
        click_and_settle(app, tabs[-1])  # the desk's own tab: the selected rep's levers
        plan_clicks = []
        for _ in range(args.clicks):
            for label in (tr(args.lang, "act.one_on_one"), tr(args.lang, "ui.remove")):
                plan_clicks.append(click_and_settle(app, label))

        # ---- weeks planned in full and ended with Space; a review completed when it comes
        longest, totals, planned, after_review = [], [], [], []
        for _ in range(args.weeks):
            planned.append(plan_the_week(app))
            app.step(1 / 60)
            post_key(pygame.K_SPACE)
            ended = settle(app)
            longest.append(max(ended))
            totals.append(sum(ended))
            if os.environ.get("FRAMES_DEBUG"):
                print(type(app.scene).__name__, planned[-1], [round(x) for x in ended])
            if isinstance(app.scene, ReviewScene):  # the period's end: review, then the desk
                app.scene.done()
                after_review.append(max(settle(app)))
            post_key(pygame.K_ESCAPE)  # close the week's report
            app.step(1 / 60)
        # ---- the game's own loop (its clock, no frame time given): kept awake, then left
        awake = loop_cpu(app, args.idle, moving=True)
        app.last_input = time.monotonic() - REST_AFTER_S - 1  # as after a while untouched
        idle = loop_cpu(app, args.idle, moving=False)
        debrief = season_end(app, saves)
        app.close()

    print(f"frames={len(frames)} weeks={len(longest)} reviews={len(after_review)}")
    print(f"frame_ms_median={statistics.median(frames):.2f}")
    print(f"frame_ms_p99={np.percentile(frames, 99):.2f}")
    print(f"tooltip_frames={tooltip_frames}")
    print(f"end_week_ms={max(longest):.1f}")
    print(f"end_week_total_ms={statistics.median(totals):.1f}")
    print(f"report_ms={statistics.median(reports):.1f} (longest {max(reports):.1f})")
    print(f"planned_actions={statistics.median(planned):.0f}")
    print(f"plan_click_ms={statistics.median(plan_clicks):.1f} (longest {max(plan_clicks):.1f})")
    if after_review:
        print(f"after_review_ms={max(after_review):.1f}")
    print(f"debrief_ms={debrief:.1f}")
    print(f"rss_mb_after_desk={rss_before:.0f}")
    print(f"rss_mb_after_weeks={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    print(f"awake_cpu_pct={awake:.0f}")
    print(f"idle_cpu_pct={idle:.0f}")


def season_end(app: App, saves: str) -> float:
    """The longest frame between closing the season's last week's report and the
    debrief on screen: a game played by the handbook to its last week, opened at the
    desk and looked at for two seconds, its last week planned and ended."""
    from pathlib import Path

    from simulator.policies import make_policy
    from simulator.scenario import load_scenario
    from simulator.session import Session
    from simulator.ui.game import Game
    from simulator.ui.scenes import DebriefScene

    path = default_scenario_path()
    session = Session(load_scenario(path), 2, make_policy("by_the_book"))
    while session.week < session.scenario.weeks:
        session.advance_week()
    session.policy = None
    app.game = Game(session, str(path), app.lang, Path(saves) / "season.json")
    app.switch(DeskScene)
    for _ in range(120):
        app.step(1 / 60)
    plan_the_week(app)
    app.step(1 / 60)
    post_key(pygame.K_SPACE)
    settle(app)
    post_key(pygame.K_ESCAPE)  # the last week's report closed: the debrief follows
    ended = settle(app)
    while not isinstance(app.scene, DebriefScene) or app.busy:
        app.step(1 / 60)
        ended.append(app.frame_ms[-1])
    return max(ended)


def loop_cpu(app: App, seconds: float, moving: bool) -> float:
    """The share of a core (%) the game's own loop takes over ``seconds``; ``moving``: the
    pointer moves every frame, as while someone reads the desk."""
    wall, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall < seconds:
        if moving:
            pos = (400 + int(time.perf_counter() * 50) % 200, 300)
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1)))
        app.step()
    return 100.0 * (time.process_time() - cpu) / (time.perf_counter() - wall)


def _tooltip_open(app: App) -> int:
    """1 when a widget of the scene has its tooltip on screen this frame."""
    return int(any(getattr(el, "tool_tip", None) is not None for el in app.scene.ui.full_text))


if __name__ == "__main__":
    main()
