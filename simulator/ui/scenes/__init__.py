"""The game's scenes, in the order a game meets them."""

from .debrief import DebriefScene
from .desk import DeskScene
from .menus import BriefingScene, LoadScene, PickerScene, TitleScene
from .replay import ReplayScene
from .review import ReviewScene

__all__ = [
    "BriefingScene",
    "DebriefScene",
    "DeskScene",
    "LoadScene",
    "PickerScene",
    "ReplayScene",
    "ReviewScene",
    "TitleScene",
]
