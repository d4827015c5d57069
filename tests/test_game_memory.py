"""A game left open for a season keeps only the widgets on show: what a closed dialog
or a rebuilt tab made is let go, so the window does not grow week after week."""

from __future__ import annotations

import dataclasses
import gc

from gui import click, step
from pygame_gui.core import UIElement

from simulator.scenario import default_scenario_path
from simulator.texts import tr
from simulator.ui.app import App
from simulator.ui.scenes import DeskScene


def widgets_in_memory() -> int:
    """Every widget object the process still holds, on show or not."""
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, UIElement))


def test_long_week_reports_and_scrolling_lists_read_week_after_week_leave_no_widget_behind(
    tmp_path,
):
    # a small window, where the quotas list scrolls; a report long enough to scroll
    app = App(lang="en", saves=tmp_path, seed=7, size=(1024, 640))
    try:
        app.start_game(str(default_scenario_path()), 7)
        outcome = app.game.end_week()
        long = dataclasses.replace(outcome, lines=[*outcome.lines] * 8 or ["News."] * 60)
        app.switch(DeskScene)
        step(app, 4)
        counted = []
        for _ in range(6):
            app.scene.week_report(long)
            step(app, 2)
            assert app.scene.modal_ui is not None
            click(app, tr("en", "ui.ok"), exact=True)
            for tab in ("quotas", "pipeline", "desk"):
                app.scene.set_tab(tab)
                step(app, 4)
            counted.append(widgets_in_memory())
        # the same screen each round: the same widgets, however many rounds
        assert counted[-1] <= counted[1], counted
        # and what the theme remembers of the widgets it has styled stays small (the
        # toolkit's own keys for a report's text ran to two million characters each)
        remembered = app.manager.get_theme().unique_theming_ids
        assert sum(len(k) for k in remembered) < 100_000
    finally:
        app.close()
