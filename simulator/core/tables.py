"""The model's tables: numbers that vary by a rep's type, a lever or a deal's stage.

The handbook's lessons fix their signs and orderings; the sizes are a
calibration (``docs/model.md``, calibration record). :mod:`simulator.core.params`
re-exports them next to :class:`~simulator.core.params.ModelParams`, the
model's single numbers.
"""

from __future__ import annotations

from .types import MotivationType as T

# Share of the whole sales cycle each open stage takes, on average.
STAGE_SHARE: tuple[float, ...] = (0.15, 0.20, 0.20, 0.20, 0.15, 0.10)

# Effort as a function of quota difficulty d = quota / true capacity (P2).
# Piecewise linear between the points; an inverted U: coasting below ~0.85,
# a peak a little above 1, confidence collapse above ~1.4. Achievers peak
# higher; service reps peak at 1.0 and collapse earlier.
EFFORT_CURVES: dict[T, tuple[tuple[float, ...], tuple[float, ...]]] = {
    T.COMPETITOR: (
        (0.0, 0.5, 0.7, 0.85, 1.0, 1.15, 1.3, 1.5, 2.0, 3.0),
        (0.70, 0.78, 0.85, 0.93, 1.00, 1.08, 1.02, 0.89, 0.66, 0.42),
    ),
    T.EGO_DRIVEN: (
        (0.0, 0.5, 0.7, 0.85, 1.0, 1.15, 1.3, 1.5, 2.0, 3.0),
        (0.70, 0.78, 0.85, 0.93, 1.00, 1.08, 1.02, 0.89, 0.66, 0.42),
    ),
    T.ACHIEVER: (
        (0.0, 0.5, 0.7, 0.85, 1.0, 1.25, 1.5, 2.0, 3.0),
        (0.65, 0.72, 0.80, 0.88, 1.00, 1.10, 0.95, 0.71, 0.45),
    ),
    T.SERVICE: (
        (0.0, 0.5, 0.7, 0.85, 1.0, 1.15, 1.5, 2.0, 3.0),
        (0.75, 0.82, 0.88, 0.95, 1.03, 0.98, 0.74, 0.56, 0.38),
    ),
}

# One-off engagement response to each lever, by type (the lever table, docs/model.md).
# ++ ≈ +0.08, + ≈ +0.04, − ≈ −0.04, −− ≈ −0.08/−0.10, −−− ≈ −0.15.
LEVER_RESPONSE: dict[str, dict[T, float]] = {
    "contest": {T.COMPETITOR: 0.08, T.ACHIEVER: 0.04, T.EGO_DRIVEN: 0.04, T.SERVICE: -0.04},
    "rival": {T.COMPETITOR: 0.08, T.ACHIEVER: 0.0, T.EGO_DRIVEN: -0.04, T.SERVICE: -0.08},
    "praise_public": {T.COMPETITOR: 0.04, T.ACHIEVER: 0.04, T.EGO_DRIVEN: 0.08, T.SERVICE: 0.04},
    "praise_private": {T.COMPETITOR: 0.03, T.ACHIEVER: 0.03, T.EGO_DRIVEN: 0.03, T.SERVICE: 0.06},
    "criticism_public": {
        T.COMPETITOR: -0.045,
        T.ACHIEVER: -0.10,
        T.EGO_DRIVEN: -0.15,
        T.SERVICE: -0.10,
    },
    "criticism_private": {
        T.COMPETITOR: 0.03,
        T.ACHIEVER: 0.03,
        T.EGO_DRIVEN: -0.03,
        T.SERVICE: 0.0,
    },
    "development_plan": {
        T.COMPETITOR: 0.04,
        T.ACHIEVER: 0.08,
        T.EGO_DRIVEN: 0.04,
        T.SERVICE: 0.0,
    },
    "autonomy": {T.COMPETITOR: 0.0, T.ACHIEVER: 0.08, T.EGO_DRIVEN: -0.04, T.SERVICE: -0.04},
    "mentor": {T.COMPETITOR: 0.0, T.ACHIEVER: 0.04, T.EGO_DRIVEN: 0.08, T.SERVICE: 0.04},
    "deputy": {T.COMPETITOR: 0.04, T.ACHIEVER: 0.08, T.EGO_DRIVEN: 0.04, T.SERVICE: 0.0},
    "key_account": {T.COMPETITOR: -0.04, T.ACHIEVER: 0.0, T.EGO_DRIVEN: 0.0, T.SERVICE: 0.08},
    "bonus": {T.COMPETITOR: 0.04, T.ACHIEVER: 0.04, T.EGO_DRIVEN: 0.04, T.SERVICE: 0.04},
}

# Contest effort modifiers for the rest of the period (P4).
CONTEST_EFFORT: dict[T, float] = {
    T.COMPETITOR: 0.15,
    T.ACHIEVER: 0.05,
    T.EGO_DRIVEN: 0.05,
    T.SERVICE: -0.05,
}
CONTEST_EGO_BOTTOM_HALF = -0.03

# A named rival's effort modifier (scaled by how close the two reps are).
RIVAL_EFFORT: dict[T, float] = {
    T.COMPETITOR: 0.12,
    T.ACHIEVER: 0.0,
    T.EGO_DRIVEN: -0.03,
    T.SERVICE: -0.06,
}

# Weekly engagement drift while a standing arrangement lasts.
ONGOING: dict[str, dict[T, float]] = {
    # achievers like to be left to run their own business; others feel dropped
    "autonomy": {T.COMPETITOR: 0.0, T.ACHIEVER: 0.003, T.EGO_DRIVEN: -0.002, T.SERVICE: -0.002},
    # looking after key accounts suits service reps, bores competitors
    "key_account": {T.COMPETITOR: -0.002, T.ACHIEVER: 0.0, T.EGO_DRIVEN: 0.0, T.SERVICE: 0.003},
    # a mentor who performs well enjoys being looked up to
    "mentor": {T.COMPETITOR: 0.0, T.ACHIEVER: 0.001, T.EGO_DRIVEN: 0.003, T.SERVICE: 0.001},
    # a deputy's stage to grow: achievers most, competitors and the ego-driven a little
    "deputy": {T.COMPETITOR: 0.001, T.ACHIEVER: 0.003, T.EGO_DRIVEN: 0.001, T.SERVICE: 0.0},
    # a stretch plan keeps achievers growing
    "development_plan": {
        T.COMPETITOR: 0.0005,
        T.ACHIEVER: 0.002,
        T.EGO_DRIVEN: 0.0005,
        T.SERVICE: 0.0,
    },
}

# Weekly engagement push while a contest runs and while a named rival stands (P4):
# competitors thrive on the race, service reps feel pitted against colleagues.
CONTEST_ONGOING: dict[T, float] = {
    T.COMPETITOR: 0.004,
    T.ACHIEVER: 0.001,
    T.EGO_DRIVEN: 0.001,  # −0.002 for an ego-driven rep in the bottom half of the board
    T.SERVICE: -0.004,
}
CONTEST_ONGOING_EGO_BOTTOM = -0.002
RIVAL_ONGOING: dict[T, float] = {
    T.COMPETITOR: 0.004,
    T.ACHIEVER: 0.0,
    T.EGO_DRIVEN: -0.002,
    T.SERVICE: -0.004,
}

# How much each type minds being watched: engagement lost per controlling
# intervention beyond the first in a week (P5: micromanagement lowers achievers).
OVERSIGHT_SENSITIVITY: dict[T, float] = {
    T.COMPETITOR: 0.003,
    T.ACHIEVER: 0.010,
    T.EGO_DRIVEN: 0.005,
    T.SERVICE: 0.0,
}

# Type hints a 1:1 can surface; the manager reads behaviour, not labels.
HINTS: dict[T, tuple[str, ...]] = {
    T.COMPETITOR: (
        "asked_who_is_top",
        "wants_leaderboard",
        "talks_about_beating_rival",
        "keeps_score_of_wins",
        "hates_losing_deal",
    ),
    T.ACHIEVER: (
        "set_own_higher_target",
        "asked_for_harder_goal",
        "wants_to_learn_new_skill",
        "asked_about_management_track",
        "dislikes_reporting_detail",
    ),
    T.EGO_DRIVEN: (
        "mentioned_praise_from_boss",
        "wants_title",
        "tells_war_stories",
        "offers_to_teach_juniors",
        "upset_when_overlooked",
    ),
    T.SERVICE: (
        "fixed_customer_problem",
        "talks_about_customer_loyalty",
        "uneasy_with_hard_closing",
        "remembers_customer_birthdays",
        "prefers_existing_accounts",
    ),
}
