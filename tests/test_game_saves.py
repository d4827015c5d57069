"""The game's saves: autosaved every week and on quit, resumed exactly, never torn."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time

import pygame
import pytest
from gui import click, header, past_tour, short_library, step

from simulator import api as A
from simulator.saves import SaveError
from simulator.scenario import scenarios_dir
from simulator.ui.app import App
from simulator.ui.game import AUTOSAVE_NAME, Game
from simulator.ui.scenes import DeskScene, TitleScene

TUTORIAL = scenarios_dir() / "tutorial.yaml"


def play_weeks(game: Game, weeks: int) -> None:
    for _ in range(weeks):
        rep = game.obs.reps[game.session.week % len(game.obs.reps)].id
        assert game.add(A.OneOnOne(rep)) is None
        game.add(A.PipelineReview())
        game.end_week()


def test_autosave_every_week_and_load_resumes_exactly(tmp_path):
    path = tmp_path / "autosave.json"
    game = Game.new(TUTORIAL, seed=11, save_path=path)
    play_weeks(game, 4)
    assert json.loads(path.read_text())["weeks_played"] == 4  # written by end_week itself
    # a half-planned week is part of the save too
    game.add(A.Coach(game.obs.reps[1].id, next(iter(A.Skill))))
    game.save()

    back = Game.load(path)
    assert back.session.week == game.session.week == 5
    assert [p.action for p in back.plan] == [p.action for p in game.plan]
    assert back.hours_left == game.hours_left
    assert back.obs.reps == game.obs.reps
    # both play on identically to the end
    play_weeks(game, 22)
    play_weeks(back, 22)
    assert game.finished and back.finished
    assert back.session.score().total == game.session.score().total


def test_continue_on_the_title_screen_resumes_the_autosave(tmp_path):
    game = Game.new(TUTORIAL, seed=3, save_path=tmp_path / AUTOSAVE_NAME)
    play_weeks(game, 3)
    app = App(lang="en", saves=tmp_path, seed=1)
    try:
        step(app)
        assert "Tutorial: your first quarters, week 4" in header(app)
        click(app, "Continue")
        assert isinstance(app.scene, DeskScene)
        assert "Week 4 / 26" in header(app)
        assert app.game.session.log_as_dicts() == game.session.log_as_dicts()
    finally:
        app.close()


def at_the_desk(tmp_path) -> App:
    """A short game's desk, its saves in ``tmp_path``."""
    short_library(tmp_path / "lib")
    app = App(lang="en", saves=tmp_path, seed=1, scenario=str(tmp_path / "lib" / "short.yaml"))
    click(app, "Go to the desk")
    past_tour(app)
    return app


def test_quitting_the_window_saves_the_game(tmp_path):
    app = at_the_desk(tmp_path)
    try:
        click(app, "1:1")
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        app.step(1 / 60)
        assert not app.running
    finally:
        app.close()
    back = Game.load(tmp_path / "short-1.json")  # the game's own slot: scenario and seed
    assert [p.action.kind for p in back.plan] == ["one_on_one"]  # the planned 1:1 survived


def test_a_game_that_cannot_be_saved_on_quitting_says_so_in_the_terminal(tmp_path, capsys):
    app = at_the_desk(tmp_path)
    try:
        app.game.save_path = tmp_path / "lib"  # a folder where the save should go
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        app.step(1 / 60)
        assert not app.running
    finally:
        app.close()
    err = capsys.readouterr().err
    assert err.startswith("salesim: the game was not saved: ") and err.count("\n") == 1, err


def test_ctrl_c_in_the_terminal_saves_the_game_as_closing_the_window_does(tmp_path):
    """Ctrl-C in the terminal that started ``salesim play`` stopped the game where it stood
    and lost it (closing the window, or a SIGTERM, saves it). Now it asks the game to quit
    between two frames, which saves, and the command still stops as stopped."""
    app = at_the_desk(tmp_path)
    try:
        click(app, "1:1")
        frames = 0
        plain_step = app.step

        def step_then_ctrl_c(dt=1 / 60):
            nonlocal frames
            frames += 1
            if frames == 3:
                signal.raise_signal(signal.SIGINT)  # as the terminal sends it
            plain_step(dt)

        app.step = step_then_ctrl_c
        usual = signal.getsignal(signal.SIGINT)
        with pytest.raises(KeyboardInterrupt):
            app.run()
    finally:
        pygame.quit()
    assert frames >= 3 and not app.running
    assert signal.getsignal(signal.SIGINT) is usual  # Ctrl-C is the terminal's again
    back = Game.load(tmp_path / "short-1.json")
    assert [p.action.kind for p in back.plan] == ["one_on_one"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{ not json",
        b'{"kind": "something-else"}',
        json.dumps({"kind": "salesim-save", "format": 1, "seed": "x"}).encode(),
        b"\x00\xff\xfe" * 100,
    ],
    ids=["empty", "broken-json", "foreign", "damaged-fields", "binary"],
)
def test_a_damaged_save_gets_a_clear_message_never_a_crash(tmp_path, content):
    path = tmp_path / AUTOSAVE_NAME
    path.write_bytes(content)
    with pytest.raises(SaveError):
        Game.load(path)
    # in the window: --load of it opens the title screen with the reason in words
    app = App(lang="en", saves=tmp_path, seed=1, load=str(path))
    try:
        step(app)
        assert isinstance(app.scene, TitleScene)
        assert "This save cannot be opened" in app.message
        continue_button = next(b for b in app.scene.ui.full_text if b.text == "Continue")
        assert not continue_button.is_enabled  # nothing to continue from
    finally:
        app.close()


def test_a_save_whose_plan_was_tampered_with_is_refused_in_words(tmp_path):
    path = tmp_path / "s.json"
    game = Game.new(TUTORIAL, seed=2, save_path=path)
    play_weeks(game, 1)
    data = json.loads(path.read_text())
    data["extra"]["plan"] = [{"kind": "one_on_one", "nobody": 3}]
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="planned actions are damaged"):
        Game.load(path)


def test_a_game_killed_while_saving_leaves_the_last_good_save(tmp_path):
    path = tmp_path / AUTOSAVE_NAME
    player = textwrap.dedent(
        f"""
        from pathlib import Path
        from simulator import api as A
        from simulator.ui.game import Game
        path = Path({str(path)!r})
        while True:
            game = Game.new({str(TUTORIAL)!r}, seed=9, save_path=path)
            while not game.finished:
                game.add(A.OneOnOne(game.obs.reps[0].id))
                game.add(A.PipelineReview())
                game.end_week()          # simulates, then saves atomically
                game.save()              # and again, as quitting would
        """
    )
    seen = []
    for delay in (0.0, 0.05, 0.12, 0.2, 0.35):
        before = path.stat().st_mtime_ns if path.exists() else 0
        proc = subprocess.Popen([sys.executable, "-c", player])
        # let it get going (imports take a while on a busy machine), then kill it at a
        # moment mid-play: whichever moment, the last save is whole
        while not (path.exists() and path.stat().st_mtime_ns != before):
            assert proc.poll() is None, "the player stopped by itself"
            time.sleep(0.02)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        back = Game.load(path)  # always a whole save, and it replays
        seen.append(back.session.week)
        assert all(
            r.action.kind in ("one_on_one", "pipeline_review") for r in back.session.action_log
        )
    assert len(seen) == 5
    # at most one half-written temporary file per kill, never mistaken for a save
    temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(temps) <= 5 and not any(p.suffix == ".json" for p in temps)


def test_the_title_screen_starts_with_a_damaged_newest_save_and_names_it(tmp_path):
    import time

    game = Game.new(TUTORIAL, seed=3, save_path=tmp_path / "tutorial-3.json")
    play_weeks(game, 2)
    time.sleep(0.05)
    (tmp_path / "hostile.json").write_text('{"kind": "salesim-save", "seed": ' + "9" * 5000 + "}")
    app = App(lang="en", saves=tmp_path, seed=1)
    try:
        step(app)
        assert 'The newest save, "hostile", cannot be read (see Load)' in header(app)
        assert "Tutorial: your first quarters, week 3" in header(app)  # Continue still works
    finally:
        app.close()


def test_a_loaded_game_shows_last_weeks_report_and_the_cards_words_as_they_were(tmp_path):
    """After loading, the desk's "last week" said "A quiet week." beside a week of wins and
    a kept promise, and a card's mood word changed with no week played (the word kept
    near a band's edge was not saved). Both come back as they were; in another language,
    last week's report is told again from the week's events."""
    path = tmp_path / "autosave.json"
    game = Game.new(TUTORIAL, seed=11, save_path=path)
    play_weeks(game, 4)
    words = {r.id: game.mood_word(r) for r in game.obs.reps}
    for rep_id in words:  # as if each card had come to its word from the other side
        game._mood_words[rep_id] = "good" if words[rep_id] != "good" else "fair"
    kept = dict(game._mood_words)
    game.save()
    lines = game.outcomes[-1].lines
    assert lines

    back = Game.load(path)
    assert back.outcomes and back.outcomes[-1].lines == lines
    assert back.outcomes[-1].week == game.outcomes[-1].week
    assert back._mood_words == kept
    other = Game.load(path, lang="zh")
    said = other.narrator.week_report(other.session.reports[-1].events)
    assert other.outcomes[-1].lines == said and said


@pytest.mark.parametrize(
    ("extra", "damaged"),
    [
        ([], True),
        ("x", True),
        ({"plan": 5}, True),
        ({"plan": [], "mood_words": {"0": ["good"], "²": "good", "1": "fair"}}, False),
        ({"plan": [], "last_week": {"week": 4, "lang": "en", "lines": ["nul\x00here"]}}, False),
        ({"plan": [], "last_week": {"week": 4, "lang": "en", "lines": ["\udcff"]}}, False),
    ],
)
def test_a_save_whose_desk_part_is_damaged_is_refused_or_passed_over_never_a_crash(
    tmp_path, extra, damaged
):
    """A hostile probe: a save whose "extra" was a list, or whose plan a number, crashed
    the game window with a traceback; a mood word that was a list, a key "²", a line of
    last week's report holding a NUL or half a character pair crashed it too. The save is
    refused in words, or the damaged part passed over (the game itself is whole)."""
    path = tmp_path / "g.json"
    game = Game.new(TUTORIAL, seed=11, save_path=path)
    play_weeks(game, 4)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["extra"] = extra
    path.write_text(json.dumps(data), encoding="utf-8")
    if damaged:
        with pytest.raises(SaveError, match="damaged"):
            Game.load(path)
        return
    back = Game.load(path)
    assert all(w in ("good", "fair", "low") for w in back._mood_words.values())
    lines = back.outcomes[-1].lines  # last week's report, told again from the game
    assert lines and not any("\x00" in x or "\udcff" in x for x in lines)
