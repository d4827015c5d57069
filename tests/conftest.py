"""The game's window runs headless in the tests: SDL's dummy video and audio drivers."""

import gc
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# Property tests draw the same examples on every run (a failure found once is found
# again), and no example is judged by the time a busy machine takes to run it.
from hypothesis import HealthCheck, settings

settings.register_profile(
    "salesim",
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("salesim")


import pytest  # noqa: E402 (after the drivers are chosen)


def pytest_collection_finish(session):
    """What is imported and collected before the first test lives as long as the run:
    frozen, the collector need not walk it again and again through every season the
    tests play."""
    gc.collect()
    gc.freeze()


@pytest.fixture
def short_game(tmp_path, monkeypatch):
    """The game's window at its title, with the tutorial and "Two short months" to pick."""
    from gui import short_library, step

    from simulator.ui.app import App

    short_library(tmp_path / "scenarios")
    monkeypatch.setenv("SALESIM_SCENARIOS", str(tmp_path / "scenarios"))
    game = App(lang="en", saves=tmp_path / "saves", seed=5)
    step(game)
    yield game
    game.close()
