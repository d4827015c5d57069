"""The weekly desk, in parts: header, team cards, levers, tabs, plan and charts."""

from .scene import DeskScene

__all__ = ["DeskScene"]
