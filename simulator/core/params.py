"""The behavioural model's numbers, in one place.

The handbook's lessons fix directions and orderings; the sizes are a
calibration. The sizes live here so that a trainer or an analyst can
see (and a scenario can override) every number the simulation uses, and so
that the calibration record in ``docs/model.md`` can record each value and why it was chosen.
Single numbers are fields of :class:`ModelParams` (a scenario's ``params:``
block and ``salesim sensitivity`` set them); the tables by type, lever and stage
live in :mod:`simulator.core.tables` and are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .tables import (
    CONTEST_EFFORT,
    CONTEST_EGO_BOTTOM_HALF,
    CONTEST_ONGOING,
    CONTEST_ONGOING_EGO_BOTTOM,
    EFFORT_CURVES,
    HINTS,
    LEVER_RESPONSE,
    ONGOING,
    OVERSIGHT_SENSITIVITY,
    RIVAL_EFFORT,
    RIVAL_ONGOING,
    STAGE_SHARE,
)

__all__ = [
    "CONTEST_EFFORT",
    "CONTEST_EGO_BOTTOM_HALF",
    "CONTEST_ONGOING",
    "CONTEST_ONGOING_EGO_BOTTOM",
    "EFFORT_CURVES",
    "HINTS",
    "LEVER_RESPONSE",
    "ONGOING",
    "OVERSIGHT_SENSITIVITY",
    "RIVAL_EFFORT",
    "RIVAL_ONGOING",
    "STAGE_SHARE",
    "ModelParams",
]


@dataclass(frozen=True)
class ModelParams:
    """Every tunable number of the behavioural model.

    Each has a range it may be set in (:mod:`simulator.core.param_ranges`), which the
    scenario validator enforces.
    """

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
    daily_plans_rep_hours: float = 0.5  # a rep's weekly hours on daily plans and notes (P17)
    care_skill_base: float = 0.3  # care works at this + care_skill_slope × account-care skill
    care_skill_slope: float = 1.4
    care_visit: float = 0.12  # share of the gap to a full relationship one care visit closes
    cold_days: int = 8  # days without a touch after which a deal goes first in a rep's week

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
    effort_win_cap: float = 1.2  # effort above this no longer helps a stage's pass chance
    orphan_effort: float = 0.5  # the effort a deal whose owner is gone (or none) moves at
    stage_duration_sigma: float = 0.25  # log-normal spread of a stage's length around its share
    stage_duration_shift: float = 0.03  # stage lengths × e^(sigma·z − this)
    stage_pass_cap: float = 0.97  # a deal's true win chance after passing a stage, at most
    stall_floor: float = 0.01  # a stalled deal's win chance decays no lower than this
    dead_threshold: float = 0.05  # at or below this chance and dead_days idle, a deal goes silent
    unsupported_size_cap: float = 1.5  # deal size (÷ segment's typical) the penalty grows up to
    unsupported_penalty_cap: float = 0.5  # the unsupported-stage penalty never exceeds this
    boosted_cap: float = 0.95  # a joint visit or support lifts the true win chance to this at most
    support_days_base: float = 0.5  # support engagement days × (this + per_size × deal size)
    support_days_per_size: float = 0.5  # (deal size: value ÷ the segment's typical deal)
    support_size_cap: float = 3.0  # deal size beyond which support takes no longer
    # what the manager sees of a deal's chance (P10, P17)
    reported_cap: float = 0.95  # a rep's own report of a deal's chance, at most
    reviewed_dead_shown: float = 0.02  # the chance a checked dead deal shows
    reviewed_shown_floor: float = 0.01  # a checked live deal's shown chance, at least
    reviewed_shown_cap: float = 0.97  # and at most

    # --- selling and demand ---------------------------------------------------
    # a new deal's true win chance: segment's × selling × relationship × (1 − pressure)
    win_chance_floor: float = 0.03
    win_chance_ceiling: float = 0.85
    relationship_win_base: float = 0.7  # win chance × (this + slope × relationship)
    relationship_win_slope: float = 0.6
    pressure_cap: float = 0.9  # competitor pressure (with a price war) shaves at most this
    selling_base: float = 0.6  # selling factor: this + slope × selling skill (1 at skill 0.5)
    selling_slope: float = 0.8
    negotiation_weight: float = 0.5  # negotiation's weight in selling skill (solution the rest)
    big_negotiation_weight: float = 0.3  # added to it in segments with big projects
    orphan_selling_skill: float = 0.3  # the selling skill a deal nobody owns is worked at
    lead_skill_base: float = 0.5  # lead factor × (this + prospecting skill)
    demand_relationship_base: float = 0.5  # an account's demand × (this + relationship)
    # a deal's mean time in the funnel as a share of the full cycle (many die early): the
    # size of a steady funnel, for the capacity estimate and the inherited funnel
    funnel_time_share: float = 0.6

    # --- the inherited funnel and record ---------------------------------------
    start_stage_decay: float = 0.85  # each later stage holds this × the deals of the one before
    start_dead_idle_days: tuple[float, float] = (20.0, 90.0)  # a dead deal untouched this long
    start_dead_stage_days: tuple[float, float] = (0.0, 30.0)  # and in its stage this much longer
    start_live_idle_days: tuple[float, float] = (0.0, 10.0)  # a live deal untouched this long
    history_quota: tuple[float, float] = (0.9, 1.2)  # the old manager's quotas, × capacity
    history_noise: float = 0.12  # sd of a past period's result around capacity × effort

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
    # how much of their effort a rep brings: 1 + Σ weight × (mood − reference), clipped
    motivation_engagement: float = 0.8
    motivation_engagement_ref: float = 0.65
    motivation_confidence: float = 0.15  # small: the quota's difficulty acts through the curve
    motivation_confidence_ref: float = 0.6
    motivation_trust: float = 0.15
    motivation_trust_ref: float = 0.6
    motivation_stress: float = 0.4  # effort lost per unit of stress above strain_stress
    motivation_floor: float = 0.3
    motivation_ceiling: float = 1.4
    # stress above this is strain: it saps effort, raises the quit hazard, comes up at meetings
    strain_stress: float = 0.6
    effort_min: float = 0.1  # a week's effort is kept within these
    effort_max: float = 1.6
    # where confidence settles: neutral − out_of_reach × (difficulty − reach)⁺
    # + pace × (pace − 1, within ± pace_band)
    confidence_neutral: float = 0.75
    confidence_reach: float = 1.3  # quota difficulty beyond which confidence erodes (P2)
    confidence_out_of_reach: float = 0.8
    confidence_pace: float = 0.3
    confidence_pace_band: float = 0.5
    # where stress settles: calm + quota × (difficulty − quota_from)⁺
    # + per_deal × (open deals − deals_from)⁺ + oversight × (interventions beyond the first)
    stress_calm: float = 0.3
    stress_quota_from: float = 1.2
    stress_quota: float = 0.4
    stress_deals_from: int = 14
    stress_per_deal: float = 0.02
    stress_oversight: float = 0.05
    mood_target_floor: float = 0.05  # where confidence and stress settle, at least
    mood_target_ceiling: float = 0.95  # and at most
    coasting_threshold: float = 0.85  # achievers bored below this difficulty (P5)
    achiever_boredom: float = 0.012  # weekly engagement loss when bored
    service_hunting_threshold: float = 1.3  # quota difficulty that feels like a hunt
    service_hunting: float = 0.008  # weekly engagement loss while it does
    give_up_after: float = 0.6  # share of the period after which a rep may give up
    give_up_ratio: float = 2.0  # needed ÷ still possible above this: give up
    give_up_effort: float = 0.90
    give_up_optimism: float = 1.1  # new business a rep still counts on: capacity left × this
    praise_wear: float = 0.5  # each praise in the last few weeks halves the next
    praise_memory_weeks: int = 6
    words_without_reward: int = 3  # praises in a period with no reward before they ring hollow
    hollow_praise: float = 0.5  # praise × this once words come without reward (P15)
    # good news lands × min(cap, (offset + trust) ÷ ref): softer with a rep who distrusts the
    # manager (levers and promises; a promise's lift is not capped)
    good_news_trust_offset: float = 0.5
    good_news_trust_ref: float = 1.1
    good_news_trust_cap: float = 1.1
    criticism_wear: float = 0.6  # each recent public criticism × this on the next one's effect
    correction_wear: float = 0.5  # the same for a private correction
    criticism_stress: float = 0.05  # stress added by public criticism
    correction_fair_pace: float = 0.9  # a private correction is fair only below this pace
    unfair_correction: float = 0.03  # engagement lost when corrected while on track
    unfair_correction_trust: float = 0.03  # and trust
    bonus_exponent: float = 0.5  # a bonus's effect × (amount ÷ bonus_unit) ** this…
    bonus_scale_cap: float = 2.0  # …up to this
    rival_weeks: int = 8  # how long a named rival stands
    profit_share_engagement: float = 0.03  # a deputy's lift from a share of the value (P14)
    oversight_counted: int = 3  # controlling interventions a week (beyond the first) that count
    daily_plans_achiever_hit: float = 0.02  # an achiever's engagement lost when plans start
    daily_plans_achiever_drag: float = 0.01  # and each week they last (P17)
    mood_seen_noise: float = 0.05  # sd of the manager's reading of a rep's mood
    mood_seen_memory: float = 0.8  # how much of last week's misreading lasts (0 to 0.99)

    # --- trust and talk (P8, P9, P15) ---------------------------------------
    one_on_one_trust: float = 0.02
    one_on_one_stress: float = 0.02  # stress a 1:1 takes off
    meeting_trust: float = 0.005  # trust a team meeting builds
    meeting_repeat: float = 0.5  # a meeting the week after another builds cohesion × this
    trust_cap_from_talk: float = 0.80
    no_talk_weeks: int = 3
    no_talk_trust_decay: float = 0.01
    neglect_trust_floor: float = 0.35  # neglect alone makes reps distant, not hostile
    hint_chance: float = 0.4
    review_hint_chance: float = 0.5  # the chance a performance review shows a hint
    hint_accuracy: float = 0.8
    flight_risk_visible: float = 0.25  # annualised quit risk a 1:1 surfaces
    criticism_trust: float = 0.04
    criticism_team_mood: float = 0.01
    unfair_trust: float = 0.03  # team trust lost when like results are treated unlike
    fair_band: float = 0.10
    fair_after_weeks: int = 2  # paces are compared for fairness only this far into a period
    promise_kept_trust: float = 0.05
    promise_broken_trust: float = 0.25
    promise_broken_team_trust: float = 0.05
    promise_broken_engagement: float = 0.05  # the rep's engagement lost when it is broken
    promise_engagement: float = 0.04
    ratchet_trust: float = 0.08
    # a raise after a beaten quota is a ratchet above tolerance × what the rep expected
    # (result_weight × last result + quota_weight × last quota); the full trust lost at
    # full_at beyond the tolerance
    ratchet_result_weight: float = 0.6
    ratchet_quota_weight: float = 0.4
    ratchet_tolerance: float = 1.05
    ratchet_full_at: float = 0.2
    moving_goalposts_trust: float = 0.03
    moving_goalposts_after: int = 2  # weeks into a period after which a new quota moves posts
    review_trust: float = 0.02
    # letting a rep go is fair below this pace or attainment; the team takes it
    fair_firing: float = 0.8
    fair_firing_team_mood: float = 0.005  # engagement each other rep loses when it is fair
    unfair_firing_team_mood: float = 0.03  # when it is not
    unfair_firing_trust: float = 0.03  # and their trust, when it is not

    # --- growth (P5, P6, P13, P17, P18) -------------------------------------
    # learning closes a share of the gap between a skill and the rep's potential (a ceiling
    # of their own, higher for novices): the shares below
    coaching_share: float = 0.025  # one session
    coaching_novice_share: float = 0.0375
    coaching_dose: tuple[float, ...] = (1.0, 0.9, 0.8, 0.6)  # 1st, 2nd, 3rd… session a week
    # spaced practice: a week's first session × (weeks since the last, up to the cap) ** this
    coaching_spacing: float = 0.65
    coaching_spacing_cap: int = 13
    service_hunt_learning: float = 0.5  # a service rep coached in prospecting learns this much
    analytics_bonus: float = 0.5  # coaching on the weakest skill, when known
    joint_visit_share: float = 0.02
    natural_learning: float = 0.004  # weekly, novices only
    mentor_learning: float = 0.01  # weekly extra for a well-mentored novice
    mentor_struggling: float = 0.002  # weekly engagement cost of mentoring while behind pace
    # a mentor's teaching × their mean skill ÷ this
    mentor_skill_ref: float = 0.6
    mentor_unconvincing: float = 0.3  # and × this while they are not performing
    mentor_performing_pace: float = 0.85  # a mentor performs at this pace or better…
    mentor_grace: float = 0.2  # …or before this share of the period has passed
    team_training_share: float = 0.03
    # the headroom above a rep's starting skill, by experience (× low + span × a uniform draw)
    potential_novice: float = 0.30  # under a year
    potential_young: float = 0.18  # one to three years
    potential_seasoned: float = 0.10
    potential_scale_low: float = 0.8
    potential_scale_span: float = 0.4
    skill_ceiling: float = 0.97  # nobody's potential in a skill is higher

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
    # a deputy's weekly chance of a costly slip, by supervision; unwatched, it rises week by
    # week (Murphy: what can go wrong will, the longer nobody looks) up to a ceiling
    slip_chance: dict[str, float] = field(
        default_factory=lambda: {"none": 0.05, "light": 0.01, "tight": 0.002}
    )
    slip_rise: float = 0.004  # added to the unwatched chance for each week of the delegation
    slip_ceiling: float = 0.25
    slip_deal_share: float = 0.5  # of slips, the share that loses a late deal (if there is one)
    # the deal lost is one of this many biggest late ones
    slip_late_deals: int = 3
    # otherwise one of this many biggest accounts is upset…
    slip_accounts: int = 10
    slip_relationship: float = 0.5  # …its relationship × this
    # the share of deals a deputy's funnel review really checks, by supervision (before
    # their skill and heart for it)
    deputy_review_quality: dict[str, float] = field(
        default_factory=lambda: {"none": 0.35, "light": 0.85, "tight": 0.95}
    )
    # the chance, by supervision, that a deputy really does the week's review at all
    deputy_review_kept: dict[str, float] = field(
        default_factory=lambda: {"none": 0.4, "light": 0.95, "tight": 1.0}
    )
    # and × their ability (able_base + able_slope × mean skill) and will (willing_base +
    # willing_slope × engagement), at least review_floor
    deputy_able_base: float = 0.7
    deputy_able_slope: float = 0.6
    deputy_willing_base: float = 0.6
    deputy_willing_slope: float = 0.8
    deputy_review_floor: float = 0.05
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
    deputy_key_care: float = (
        0.03  # a key-account deputy's weekly share of the gap to a full relationship
    )
    deputy_onboarding: float = 0.7  # a deputy's onboarding, as a share of a good mentor's teaching
    share_after_weeks: int = 8
    # a resentful deputy's weekly chance of leaving to set up on their own (≈ 2 in 5 within
    # the year), on top of the usual hazard
    no_share_flight: float = 0.01

    # --- attrition ------------------------------------------------------------
    quit_base: float = 0.002
    quit_slope: float = 4.0
    low_trust: float = 0.3
    low_trust_hazard: float = 2.0
    quit_engagement_ref: float = 0.5  # quit_base is the hazard at this engagement
    low_trust_told: float = 0.45  # trust below this is named among a leaver's reasons
    # engagement below this is named among a leaver's reasons: the mood the desk calls low
    low_mood_told: float = 0.45
    distrust_hazard: float = 1.5  # hazard × (1 + this × (distrust_below − trust))
    distrust_below: float = 0.6
    stress_hazard: float = 2.0  # hazard × (1 + this × (stress − strain_stress)⁺)
    quit_hazard_cap: float = 0.5  # weekly, from mood (before a resentful deputy's flight)
    hire_weeks: tuple[int, int] = (4, 8)
    hire_ramp: tuple[float, float] = (0.4, 0.6)
    ramp_weeks: int = 26
    ramp_gain: float = 0.5  # a new hire's share of productivity gained over ramp_weeks
    leaver_relationship_loss: float = 0.3
    # a new hire: quota × capacity, skills low + spread × u + extra × u (a service rep's
    # account care + service_care, at most service_care_cap), and their starting mood
    new_hire_quota: float = 0.8
    new_hire_skill_low: float = 0.25
    new_hire_skill_spread: float = 0.1
    new_hire_skill_extra: float = 0.15
    new_hire_service_care: float = 0.2
    new_hire_service_care_cap: float = 0.9
    new_hire_engagement: float = 0.7
    new_hire_confidence: float = 0.55
    new_hire_trust: float = 0.6
    new_hire_stress: float = 0.3

    # --- customers (P7, P12) ---------------------------------------------------
    relationship_decay: float = 0.002  # daily, without care
    churn_threshold: float = 0.12
    churn_hazard: float = 0.004  # daily, below the threshold
    growth_rate: float = 0.0004  # daily potential growth × (relationship − growth_neutral)
    growth_neutral: float = 0.4  # relationship below which a customer's potential shrinks
    win_relationship: float = 0.1  # relationship gained with a won deal

    # --- market events (the scenario sets how often) ---------------------------
    price_war_pressure: float = 0.10  # competitor pressure added during a price war
    price_war_weeks: int = 8
    budget_freeze_leads: float = 0.7  # demand × this during a budget freeze
    budget_freeze_weeks: int = 6
    boom_leads: float = 1.25  # demand × this during a boom
    boom_weeks: int = 6
    tender_size: float = 2.5  # a big tender's value × a usual deal's
    tender_accounts: int = 10  # it comes from one of this many biggest accounts
    outside_offer_hazard: float = 3.0  # a rep's quit hazard × this while an offer stands
    outside_offer_weeks: int = 4

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
