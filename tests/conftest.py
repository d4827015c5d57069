"""The game's window runs headless in the tests: SDL's dummy video and audio drivers."""

import gc
import os
import shutil
import sys
import tempfile

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


def _fonts_loaded_once_per_process() -> None:
    """A game opens one window and loads its typeface once; the tests open a window for
    almost every test, and loading Noto Sans SC (8 MB, about ten sizes and weights) for
    each cost the desk's tests a fifth of their time. Here a test process loads each
    font once: closing a window quits the display, the fonts stay loaded, and each new
    window's widget manager is handed the fonts already made (the same files, sizes and
    styles it would load)."""
    import pygame
    from pygame_gui.core.utility import FontResource

    loaded: dict[tuple, object] = {}
    load = FontResource.load

    def load_once(self):
        key = (
            repr(self.location),
            self.size,
            self.force_style,
            repr(sorted((self.style or {}).items())),
            self.font_type_to_use,
        )
        font = loaded.get(key)
        if font is not None:
            self.loaded_font = font
            return None
        error = load(self)
        if error is None and self.loaded_font is not None:
            loaded[key] = self.loaded_font
        return error

    FontResource.load = load_once
    pygame.quit = pygame.display.quit  # the fonts live as long as the test process


_fonts_loaded_once_per_process()


def _package_compiled_once() -> None:
    """The suite starts about ninety Python processes (the commands it runs as a user
    would, its batch workers); each imports the package. Where Python is told not to
    write bytecode (``PYTHONDONTWRITEBYTECODE``, common in containers), each of them
    compiled every module it imports from source again: a fifth of a second a process
    (0.6 against 0.8 s for ``salesim policies``), a quarter of a minute of a run. Here
    the package is compiled once, before any of them starts, as a first import would
    have done anywhere else (into its own ``__pycache__``, which git ignores); a tree
    it cannot write to is left as it is (``compile_dir`` says nothing and goes on)."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("simulator")
    if not sys.dont_write_bytecode or spec is None or not spec.submodule_search_locations:
        return
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=2)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "beside(argv, cwd=None): the test's command runs beside the suite (beside.py)"
    )
    if not hasattr(config, "workerinput"):  # the process that runs or starts the workers
        import beside

        _package_compiled_once()
        os.environ[beside.SHARED] = tempfile.mkdtemp(prefix="salesim-beside-")


def pytest_unconfigure(config):
    import beside

    if not hasattr(config, "workerinput") and beside.SHARED in os.environ:
        shutil.rmtree(os.environ.pop(beside.SHARED), ignore_errors=True)


def pytest_collection_finish(session):
    """Commands marked to run beside the tests start now. What is imported and
    collected before the first test lives as long as the run: frozen, the collector
    need not walk it again and again through every season the tests play."""
    import beside

    for item in session.items:
        mark = item.get_closest_marker("beside")
        if mark is not None:
            beside.start(item.nodeid, *mark.args, **mark.kwargs)
    gc.collect()
    gc.freeze()


def pytest_sessionfinish(session, exitstatus):
    import beside

    beside.stop_all(cut_short=exitstatus == pytest.ExitCode.INTERRUPTED)


@pytest.fixture
def beside(request):
    """The finished command a ``@pytest.mark.beside`` test named (waited for here)."""
    import beside as running

    mark = request.node.get_closest_marker("beside")
    assert mark is not None, "the beside fixture needs @pytest.mark.beside(argv)"
    return running.finish(request.node.nodeid, *mark.args, **mark.kwargs)


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
