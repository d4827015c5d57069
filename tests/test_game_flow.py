"""The game's flow, played through its window: no dead ends, no crash."""

from __future__ import annotations

import pygame
import pytest
from gui import click, find, key, short_library, step

from simulator.ui.app import App
from simulator.ui.scenes import DeskScene


@pytest.fixture
def app(tmp_path, monkeypatch):
    short_library(tmp_path / "scenarios")
    monkeypatch.setenv("SALESIM_SCENARIOS", str(tmp_path / "scenarios"))
    game = App(lang="en", saves=tmp_path / "saves", seed=5)
    step(game)
    yield game
    game.close()


def _start(app) -> None:
    click(app, "New game")
    click(app, "Two short months")
    click(app, "Start")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, DeskScene)


def _end_week(app) -> None:
    click(app, "End week")
    step(app, 4)
    while app.scene.modal is not None:
        key(app, pygame.K_ESCAPE)
        step(app, 2)


def _let_go_selected(app) -> int:
    who = app.scene.selected
    click(app, "Let go")
    click(app, "Let go")  # the confirmation's button, on top
    assert any(p.action.kind == "let_go" and p.action.rep == who for p in app.game.plan)
    return who


@pytest.mark.parametrize("tab", ["Desk", "Pipeline"])
def test_letting_go_the_selected_rep_then_ending_the_week_keeps_the_desk(app, tab):
    _start(app)
    click(app, tab)
    who = _let_go_selected(app) if tab == "Desk" else None
    if who is None:
        click(app, "Desk")
        who = _let_go_selected(app)
        click(app, tab)
    assert app.game.obs.rep(who).deals, "the rep had open deals"
    _end_week(app)
    assert isinstance(app.scene, DeskScene) and app.running
    assert not app.game.obs.has_rep(who)
    assert app.scene.selected != who and app.game.obs.has_rep(app.scene.selected)
    find(app, tab)  # the tab drew again, for another rep


def test_letting_go_every_rep_leaves_a_desk_that_still_plays(app):
    _start(app)
    while app.game.obs.reps:
        for r in list(app.game.obs.reps):
            app.scene.select(r.id)
            step(app, 2)
            _let_go_selected(app)
        _end_week(app)
        assert app.running
    assert isinstance(app.scene, DeskScene)
    assert app.scene.selected is None
    _end_week(app)  # an empty team still ends its week
    assert app.running
