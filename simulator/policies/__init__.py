"""Scripted managers: the handbook's practice and the anti-patterns it warns against."""

from __future__ import annotations

from .anti_patterns import ContestEveryone, HandsOff, Micromanager, PressureCooker, PromiseBreaker
from .base import Planner, Policy, believed_type, capacity_estimate, team_estimates
from .by_the_book import ByTheBook
from .random_policy import RandomPolicy

POLICIES: dict[str, type] = {
    cls.name: cls
    for cls in (
        ByTheBook,
        HandsOff,
        PressureCooker,
        ContestEveryone,
        Micromanager,
        PromiseBreaker,
        RandomPolicy,
    )
}

ANTI_PATTERNS: tuple[str, ...] = tuple(n for n in POLICIES if n != "by_the_book")


def make_policy(name: str) -> Policy:
    """A fresh instance of the built-in policy called ``name``."""
    try:
        return POLICIES[name]()
    except KeyError:
        known = ", ".join(POLICIES)
        raise ValueError(f"unknown policy {name!r} (built in: {known})") from None


__all__ = [
    "ANTI_PATTERNS",
    "POLICIES",
    "ByTheBook",
    "ContestEveryone",
    "HandsOff",
    "Micromanager",
    "Planner",
    "Policy",
    "PressureCooker",
    "PromiseBreaker",
    "RandomPolicy",
    "believed_type",
    "capacity_estimate",
    "make_policy",
    "team_estimates",
]
