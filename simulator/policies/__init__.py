"""Scripted managers: the handbook's practice and the anti-patterns it warns against."""

from __future__ import annotations

from .anti_patterns import ContestEveryone, HandsOff, Micromanager, PressureCooker, PromiseBreaker
from .base import Planner, Policy, believed_type, capacity_estimate, team_estimates
from .by_the_book import ByTheBook
from .plugins import PolicyLoadError, instantiate, load_policy_class
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
    """A fresh instance of the policy called ``name``.

    ``name`` is a built-in policy (``by_the_book``, ...) or a plugin named as
    ``module:Class`` or ``path/to/file.py:Class`` (see ``docs/policies.md``).
    Raises :class:`PolicyLoadError` (a ``ValueError``) saying why it cannot.
    """
    if name in POLICIES:
        return POLICIES[name]()
    if ":" not in name:
        known = ", ".join(POLICIES)
        raise PolicyLoadError(
            f"unknown policy {name!r} (built in: {known}; or 'module:Class' for your own)"
        )
    return instantiate(load_policy_class(name), name)


__all__ = [
    "ANTI_PATTERNS",
    "POLICIES",
    "ByTheBook",
    "ContestEveryone",
    "HandsOff",
    "Micromanager",
    "Planner",
    "Policy",
    "PolicyLoadError",
    "PressureCooker",
    "PromiseBreaker",
    "RandomPolicy",
    "believed_type",
    "capacity_estimate",
    "load_policy_class",
    "make_policy",
    "team_estimates",
]
