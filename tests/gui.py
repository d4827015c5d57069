"""Driving the game window headless, the way a player does: real pygame events.

Every helper posts ``pygame.event.Event``s (mouse button down and up at a
widget's centre, key presses, text input) and lets the window run frames;
nothing calls a scene's methods directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
from pygame_gui.elements import UIButton, UILabel

from simulator.scenario import scenarios_dir

SHORT = """\
extends: tutorial
title:
  en: "Two short months"
  zh: "两个短月"
weeks: 8
period_weeks: 4
guided: false
events: []  # the tutorial's messages come later in the season than these eight weeks
team_target: [950000, 980000]
"""


def short_library(folder: Path) -> Path:
    """A scenario folder holding the tutorial and an eight-week version of it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(scenarios_dir() / "tutorial.yaml", folder / "tutorial.yaml")
    (folder / "short.yaml").write_text(SHORT, encoding="utf-8")
    return folder / "short.yaml"


def step(app, frames: int = 2) -> None:
    """Run some frames, then on until the scene has finished building itself."""
    for _ in range(frames):
        app.step(1 / 60)
    for _ in range(300):
        if not app.busy or not app.running:
            break
        app.step(1 / 60)


def widgets(app) -> dict:
    """Every live widget the current scene made, with the full text it was given."""
    scene = app.scene
    texts = dict(scene.ui.full_text)
    return {el: t for el, t in texts.items() if el.alive() and el.visible}


def plan_rows(app) -> list[str]:
    """The plan column's texts, a row that goes on over more lines (indented under it,
    22 px below, then 20 px apart) joined as one line would show it."""
    from pygame_gui.elements import UILabel

    texts = widgets(app)
    labels = [
        el
        for el in app.scene.regions["plan"].ui.elements
        if isinstance(el, UILabel) and el in texts
    ]
    at = {(el.rect.x, el.rect.y): el for el in labels}
    follows = {}  # a line → the line that goes on from it
    for el in labels:
        for dx, dy in ((12, 22), (0, 20)):
            nxt = at.get((el.rect.x + dx, el.rect.y + dy))
            if nxt is not None and (dx or el.rect.x != min(e.rect.x for e in labels)):
                follows[el] = nxt
                break
    continued = set(follows.values())
    rows = []
    for el in sorted(labels, key=lambda e: (e.rect.y, e.rect.x)):
        if el in continued:
            continue
        parts, cur = [texts[el]], el
        while cur in follows:
            cur = follows[cur]
            parts.append(texts[cur])
        rows.append(" · ".join(parts))
    return rows


def find(app, text: str, kind=UIButton, exact: bool = False):
    """The live widget whose text is (or starts with) ``text``."""
    found = [
        el
        for el, t in widgets(app).items()
        if isinstance(el, kind) and (t == text if exact else t.startswith(text))
    ]
    if not found:
        shown = sorted(t for el, t in widgets(app).items() if isinstance(el, kind))
        raise AssertionError(f"no {kind.__name__} {text!r} on screen; there are: {shown}")
    return found[-1]  # a dialog's widgets are made last and sit on top


def click_at(app, pos: tuple[int, int]) -> None:
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    step(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    step(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    step(app, 2)


def click(app, text: str, exact: bool = False) -> None:
    """Click the button labelled ``text``."""
    el = find(app, text, exact=exact)
    assert el.is_enabled, f"{text!r} is greyed out"
    click_at(app, el.rect.center)


def end_week(app, press=None) -> None:
    """End the week as a player does: the End week button (or ``press``, Space say),
    and then, where a message in its last week has no answer or a promise fallen due
    is not kept, each dialog that asks first: its own End week."""
    from simulator.texts import tr

    label = tr(app.lang, "ui.end_week")
    week = app.game.obs.week
    if press is None:
        click(app, label)
    else:
        press()
    step(app, 2)
    asked = {tr(app.lang, "ui.due_read"), *(tr(app.lang, "ui.owed_keep", n=n) for n in (1, 2))}
    for _ in range(2):  # a message, then a promise
        if app.game.obs.week == week and any(
            isinstance(el, UIButton) and t in asked for el, t in widgets(app).items()
        ):
            click(app, label)
            step(app, 2)


def key(app, k: int, mod: int = 0, unicode: str = "") -> None:
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)
    )
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=unicode, scancode=0))
    step(app, 2)


def type_text(app, text: str) -> None:
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        step(app, 1)


def labels(app) -> list[str]:
    return [el.text for el in widgets(app) if isinstance(el, UILabel)]


def header(app) -> str:
    return " ".join(labels(app))


def past_tour(app) -> None:
    """Close the tour a first game without the tutorial opens on (Escape, as a player
    would); the desk is then in front."""
    assert app.scene.modal is not None, "a first game opens on the tour"
    key(app, pygame.K_ESCAPE)
    step(app, 2)
    assert app.scene.modal is None
