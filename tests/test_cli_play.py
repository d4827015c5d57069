"""`salesim play`: bad arguments are refused in words before a window opens."""

from __future__ import annotations

import subprocess
import sys

import pytest

from simulator.cli import main


def test_play_refuses_a_missing_scenario_or_save(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        main(["play", "--scenario", "no_such_scenario"])
    assert stop.value.code == 2
    assert "no such file, nor a shipped scenario" in capsys.readouterr().err
    assert main(["play", "--load", str(tmp_path / "gone.json")]) == 2
    assert "no such save" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:  # refused by the parser, as every seed is
        main(["play", "--seed", "-1", "--scenario", "tutorial"])
    assert stop.value.code == 2
    assert "--seed: -1 is out of range" in capsys.readouterr().err


def test_play_reports_a_broken_scenario_with_file_and_line(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: tutorial\nweeks: -3\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["play", "--scenario", str(bad)])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "bad.yaml:2" in err and "weeks" in err


def test_play_opens_the_window_and_quits_cleanly_headless(tmp_path):
    # a real process: the window opens on the dummy driver, a QUIT event closes it
    code = (
        "import gc, pygame, threading, sys\n"
        "from simulator.ui import app as A\n"
        "before = gc.get_threshold()\n"
        "orig = A.App.step\n"
        "def step(self, dt=None):\n"
        "    orig(self, 1/60)\n"
        "    if len(self.frame_ms) == 30:\n"
        "        print('playing', gc.get_threshold()[2], gc.get_freeze_count() > 0)\n"
        "        pygame.event.post(pygame.event.Event(pygame.QUIT))\n"
        "A.App.step = step\n"
        "from simulator.cli import main\n"
        f"code = main(['play', '--scenario', 'tutorial', '--saves', {str(tmp_path)!r}])\n"
        "print('after', gc.get_threshold() == before, gc.get_freeze_count())\n"
        "sys.exit(code)\n"
    )
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, timeout=120, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    saved = list(tmp_path.glob("tutorial-*.json"))
    assert len(saved) == 1  # quitting saved the game, in its own slot
    # the game ran the collector on its own schedule (the heap frozen, no automatic
    # full pass) and gave it back as it found it
    assert "playing 1000000 True" in done.stdout
    assert "after True 0" in done.stdout


def test_a_window_opened_where_the_heap_was_frozen_leaves_the_collector_alone(tmp_path):
    """The test runner freezes its heap once the tests are collected: a window opened
    there neither walks nor unfreezes it, nor changes when the collector runs."""
    import gc

    from gui import step

    from simulator.ui.app import App

    frozen, threshold = gc.get_freeze_count(), gc.get_threshold()
    assert frozen > 0  # conftest.py froze it

    def untouched() -> bool:
        # frozen objects can still be freed when nothing refers to them, so the count
        # may shrink a little; frozen anew or unfrozen, it would grow or fall to nothing
        return gc.get_threshold() == threshold and frozen * 0.9 < gc.get_freeze_count() <= frozen

    app = App(lang="en", saves=tmp_path, seed=1)
    try:
        step(app, 3)
        assert untouched()
    finally:
        app.close()
    assert untouched()


def test_a_window_left_alone_rests_and_the_next_input_wakes_it_at_once(tmp_path, monkeypatch):
    """An idle desk waits for the player instead of drawing sixty frames a second
    that nobody looks at; the first key or pointer move is handled in that frame,
    and the window is awake again; a scene still being built never rests."""
    import time

    import pygame
    from gui import step

    from simulator.ui import app as app_module
    from simulator.ui.app import App
    from simulator.ui.pace import REST_FPS

    waits: list[int] = []

    def wait(timeout: int = 0):  # as pygame's, without the wall-clock wait
        waits.append(timeout)
        return pygame.event.poll()

    monkeypatch.setattr(pygame.event, "wait", wait)
    # an hour's rest before it rests, so that a slow machine's frames never count as one
    monkeypatch.setattr(app_module, "REST_AFTER_S", 3600.0)
    app = App(lang="en", saves=tmp_path, seed=1)
    try:
        step(app)
        app.step()
        assert waits == []  # just opened: awake
        app.last_input = time.monotonic() - 7200  # two hours without input
        assert app.idle
        app.step()
        assert waits == [1000 // REST_FPS]  # resting: waits for the next event
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(300, 200), rel=(1, 1)))
        app.step()  # the move wakes it in this frame, and it stays awake
        assert len(waits) == 2 and not app.idle
        app.step()
        assert len(waits) == 2
        app.last_input = time.monotonic() - 7200

        def building():
            yield  # a screen still being built, a few widgets a frame

        app.scene.later(building())
        assert app.busy and not app.idle  # never rests meanwhile
        app.step()
        assert len(waits) == 2
    finally:
        app.close()
