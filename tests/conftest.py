"""The game's window runs headless in the tests: SDL's dummy video and audio drivers."""

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
