"""The behavioural model's numbers, in one place.

The handbook's lessons fix directions and orderings; the sizes are a
calibration. The sizes live here so that a trainer or an analyst can
see (and a scenario can override) every number the simulation uses, and so
that ``docs/model-calibration.md`` can record each value and why it was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .types import MotivationType as T

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


@dataclass(frozen=True)
class ModelParams:
    """Every tunable number of the behavioural model."""

    # --- the rep's week (hours) -------------------------------------------
    rep_hours: float = 40.0
    rep_internal_hours: float = 6.0
    deal_upkeep_hours: float = 0.5  # every open deal, dead or alive (P10)
    touch_hours: float = 1.5  # one real customer touch on a deal
    touch_share: float = 0.50  # at most this share of a rep's hours goes to working deals
    care_share: float = 0.35  # of the rest, the share spent caring for accounts
    service_care_share: float = 0.55  # service reps lean to customer care (P7)
    ref_prospect_hours: float = 9.0  # prospecting hours that give the base lead rate
    normal_open_deals: int = 12  # first guess of a clean funnel, for the capacity estimate
    max_lead_factor: float = 1.6
    ref_accounts: float = 40.0  # accounts a rep can care for without thinning out
    key_account_care: float = 0.05  # weekly pull of a key account's relationship towards 1

    # --- deals (P10, P11) -----------------------------------------------------
    stall_days: int = 15
    dead_days: int = 30
    stall_decay_per_week: float = 0.02
    silent_loss_share: float = 0.5  # lost deals that go quiet rather than say no
    rep_zombie_cleanup: float = 0.06  # weekly chance a rep drops a dead deal unaided
    plans_zombie_cleanup: float = 0.15  # the same with daily plans and notes (P17)
    happy_ears: float = 0.15  # reported win chance = true + this, unless reviewed
    reviewed_bias: float = 0.03
    review_noise: float = 0.03
    review_memory_days: int = 7  # a review keeps forecasts honest this long
    review_pushes: int = 2  # stalled live deals a review puts first in each rep's week
    review_cleanup: float = 0.6  # weekly chance a rep lets go of a deal a review found dead
    joint_visit_boost: float = 0.06
    support_boost: float = 0.06
    support_boost_big: float = 0.10  # executives in evaluation of a big project
    support_wrong_stage_boost: float = 0.01
    style_match_boost: float = 1.5  # support at the stage where the customer decides
    unsupported_penalty: float = 0.2  # that stage passed without its support (a typical deal)
    effort_speed: float = 0.5  # how much effort speeds a stage: 1 - x + x*effort
    effort_win: float = 0.15  # how much effort moves a stage's pass chance

    # --- motivation -----------------------------------------------------------
    # fit: how well the job meets a rep's type (0..1, 0.5 neutral), the lasting trace of
    # the levers pulled on them (P3–P7)
    fit_from_lever: float = 1.0  # fit moved per unit of a lever's engagement response
    fit_from_week: float = 3.0  # fit moved per unit of a week's standing type push
    fit_decay: float = 0.02  # weekly pull of fit back towards neutral
    fit_effort: float = 0.35  # effort × (1 + this × (fit − 0.5))
    fit_mood: float = 0.25  # engagement settles at baseline + this × (fit − 0.5)
    fit_hunt: float = 0.4  # prospecting of competitors, achievers, ego-driven × (1 + this × …)
    fit_care: float = 0.6  # account care of service reps × (1 + this × (fit − 0.5))
    engagement_baseline: float = 0.65
    engagement_recovery: float = 0.05  # weekly pull towards the baseline
    contagion: float = 0.10  # weekly move towards the team mean (P18)
    confidence_rate: float = 0.15
    stress_rate: float = 0.20
    coasting_threshold: float = 0.85  # achievers bored below this difficulty (P5)
    achiever_boredom: float = 0.012  # weekly engagement loss when bored
    service_hunting_threshold: float = 1.3  # quota difficulty that feels like a hunt
    service_hunting: float = 0.008  # weekly engagement loss while it does
    give_up_after: float = 0.6  # share of the period after which a rep may give up
    give_up_ratio: float = 2.0  # needed ÷ still possible above this: give up
    give_up_effort: float = 0.90
    praise_wear: float = 0.5  # each praise in the last few weeks halves the next
    praise_memory_weeks: int = 6
    words_without_reward: int = 3  # praises in a period with no reward before they ring hollow

    # --- trust and talk (P8, P9, P15) ---------------------------------------
    one_on_one_trust: float = 0.02
    trust_cap_from_talk: float = 0.80
    no_talk_weeks: int = 3
    no_talk_trust_decay: float = 0.01
    neglect_trust_floor: float = 0.35  # neglect alone makes reps distant, not hostile
    hint_chance: float = 0.4
    hint_accuracy: float = 0.8
    hints_to_reveal: int = 5
    flight_risk_visible: float = 0.25  # annualised quit risk a 1:1 surfaces
    criticism_trust: float = 0.04
    criticism_team_mood: float = 0.01
    unfair_trust: float = 0.03  # team trust lost when like results are treated unlike
    fair_band: float = 0.10
    promise_kept_trust: float = 0.05
    promise_broken_trust: float = 0.25
    promise_broken_team_trust: float = 0.05
    promise_engagement: float = 0.04
    ratchet_trust: float = 0.08
    moving_goalposts_trust: float = 0.03
    review_trust: float = 0.02

    # --- growth (P5, P6, P13, P17, P18) -------------------------------------
    # learning closes a share of the gap between a skill and the rep's potential (a ceiling
    # of their own, higher for novices): the shares below
    coaching_share: float = 0.025  # one session
    coaching_novice_share: float = 0.0375
    coaching_dose: tuple[float, ...] = (1.0, 0.9, 0.8, 0.6)  # 1st, 2nd, 3rd… session a week
    service_hunt_learning: float = 0.5  # a service rep coached in prospecting learns this much
    analytics_bonus: float = 0.5  # coaching on the weakest skill, when known
    joint_visit_share: float = 0.02
    natural_learning: float = 0.004  # weekly, novices only
    mentor_learning: float = 0.01  # weekly extra for a well-mentored novice
    mentor_struggling: float = 0.002  # weekly engagement cost of mentoring while behind pace
    team_training_share: float = 0.03
    # the headroom above a rep's starting skill, by experience (scaled by 0.8–1.2 at random)
    potential_novice: float = 0.30  # under a year
    potential_young: float = 0.18  # one to three years
    potential_seasoned: float = 0.10

    # --- team (P14, P18) -------------------------------------------------------
    cohesion_start: float = 0.5
    cohesion_rest: float = 0.4  # where cohesion drifts without team work
    cohesion_drift: float = 0.05
    meeting_cohesion: float = 0.06
    goal_cohesion: float = 0.10
    cohesion_effort: float = 0.25
    veteran_neglect_weeks: int = 8
    veteran_neglect: float = 0.012
    veteran_team_drag: float = 0.004
    ego_neglect_weeks: int = 6
    ego_neglect: float = 0.010
    veteran_honour: float = 0.08
    veteran_honour_team: float = 0.01

    # --- delegation (P13, P14) ---------------------------------------------
    slip_chance: dict[str, float] = field(
        default_factory=lambda: {"none": 0.10, "light": 0.01, "tight": 0.002}
    )
    # the share of deals a deputy's funnel review really checks, by supervision (before
    # their skill and heart for it)
    deputy_review_quality: dict[str, float] = field(
        default_factory=lambda: {"none": 0.35, "light": 0.85, "tight": 0.95}
    )
    # the chance, by supervision, that a deputy really does the week's review at all
    deputy_review_kept: dict[str, float] = field(
        default_factory=lambda: {"none": 0.4, "light": 0.95, "tight": 1.0}
    )
    deputy_talks: int = 6  # 1:1s a deputy holds a week, when the team's 1:1s are delegated
    deputy_talk_trust: float = 0.01  # trust one of them builds (the manager's own: 0.02)
    deputy_talk_hints: float = 0.5  # the share of hints a deputy notices and passes on
    no_share_resentment: float = 0.02  # weekly engagement lost by a deputy with no share
    no_share_trust: float = 0.01  # and trust
    deputy_takes_share: float = 0.4  # of their accounts, the best, a resentful deputy takes along
    passed_over: float = 0.06  # a veteran's engagement lost when a junior is made deputy
    supervision_hours: dict[str, float] = field(
        default_factory=lambda: {"none": 0.0, "light": 1.0, "tight": 3.0}
    )
    tight_deflation: float = 0.02
    deputy_hours: float = 3.0
    share_after_weeks: int = 8
    no_share_hazard: float = 4.0

    # --- attrition ------------------------------------------------------------
    quit_base: float = 0.002
    quit_slope: float = 4.0
    low_trust: float = 0.3
    low_trust_hazard: float = 2.0
    distrust_hazard: float = 1.5  # hazard × (1 + this × (0.6 − trust)) below 0.6
    hire_weeks: tuple[int, int] = (4, 8)
    hire_ramp: tuple[float, float] = (0.4, 0.6)
    ramp_weeks: int = 26
    leaver_relationship_loss: float = 0.3

    # --- customers (P7, P12) ---------------------------------------------------
    relationship_decay: float = 0.002  # daily, without care
    churn_threshold: float = 0.12
    churn_hazard: float = 0.004  # daily, below the threshold
    growth_rate: float = 0.0004  # daily potential growth at full relationship

    # --- manager's costs (hours) -------------------------------------------
    hours: dict[str, float] = field(
        default_factory=lambda: {
            "set_quota": 0.25,
            "one_on_one": 1.0,
            "coach": 2.0,
            "joint_visit": 4.0,
            "pipeline_review_per_rep": 0.5,
            "drop_deal": 0.1,
            "push_deal": 0.25,
            "performance_review": 1.0,
            "feedback_private": 0.5,
            "feedback_public": 0.25,
            "contest": 2.0,
            "rival": 0.5,
            "development_plan": 2.0,
            "autonomy": 0.5,
            "mentor": 1.0,
            "key_account": 0.5,
            "reassign_accounts": 0.5,
            "team_meeting": 1.5,
            "team_goal": 1.0,
            "team_training": 4.0,
            "daily_plans_setup": 2.0,
            "daily_plans_weekly": 1.0,
            "call_analytics": 1.0,
            "delegate": 1.0,
            "profit_share": 0.5,
            "honour_veteran": 1.0,
            "promise": 0.5,
            "keep_promise": 0.25,
            "bonus": 0.25,
            "request_support": 0.5,
            "hire": 4.0,
            "let_go": 2.0,
            "assessment": 0.5,
        }
    )
    # --- manager's costs (money, in the scenario's currency) ----------------
    money: dict[str, float] = field(
        default_factory=lambda: {
            "contest_prize": 10_000.0,
            "team_training": 8_000.0,
            "call_analytics": 6_000.0,  # per period
            "assessment": 3_000.0,
            "honour_veteran": 5_000.0,
            "profit_share": 8_000.0,  # per period
            "min_bonus": 1_000.0,
        }
    )
    bonus_unit: float = 5_000.0  # a bonus of this size gives the table's response

    def with_overrides(self, overrides: dict[str, Any]) -> ModelParams:
        """A copy with some numbers changed; dict fields are merged key by key."""
        known = {f.name for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if key not in known:
                raise KeyError(key)
            current = getattr(self, key)
            if isinstance(current, dict) and isinstance(value, dict):
                merged = dict(current)
                merged.update(value)
                changes[key] = merged
            else:
                changes[key] = value
        return replace(self, **changes)
