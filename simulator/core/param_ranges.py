"""The range each model number may take.

A scenario's ``params:`` block, ``batch --set`` and ``sensitivity --vary`` can
set any field of :class:`~simulator.core.params.ModelParams`. Most are shares
and chances, which mean nothing outside 0..1 (a relationship pulled beyond
full, a chance above certainty); others are slopes, weights, days or hours
with a sensible span a good deal wider than any calibration would use. Each
range below is one the model is run at, both ends, by the test suite: a value
inside it may make a strange world, never a crash or a run without end. The
scenario validator refuses a value outside it, and names the range.

A range is ``(low, high)``, both included. A field that holds a list (a
``[low, high]`` pair, a dose per session) gives the range of each number in
it; a field that holds a mapping (hours and money by lever, chances by
supervision) gives the range of each entry. Some numbers are bounds of a
pair and must keep their order; :data:`ORDERED` lists them.
"""

from __future__ import annotations

from dataclasses import fields

from .params import ModelParams

Range = tuple[float, float]

SHARE: Range = (0.0, 1.0)
"""A chance, a share of something, a weekly or daily rate of change."""
WEIGHT: Range = (0.0, 2.0)
"""A base, slope or weight next to a 0..1 quantity; 1 is already a lot."""
FACTOR: Range = (0.0, 5.0)
"""A multiplier or a ratio of paces and difficulties."""
HAZARD: Range = (0.0, 20.0)
"""A multiplier on the quit hazard (which is capped anyway)."""
WEEKS: Range = (0, 104)
"""A number of weeks: up to two years."""
DAYS: Range = (1, 365)
"""A number of days, at least one."""
MOST_MONEY = 1e12
"""The scenario files' cap on money, which the money mapping shares."""


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_BY_RANGE: dict[Range, tuple[str, ...]] = {
    SHARE: _names(
        "touch_share care_share service_care_share key_account_care care_visit care_skill_base "
        "stall_decay_per_week silent_loss_share rep_zombie_cleanup plans_zombie_cleanup "
        "happy_ears reviewed_bias review_cleanup joint_visit_boost support_boost "
        "support_boost_big support_wrong_stage_boost unsupported_penalty effort_speed "
        "effort_win stage_duration_shift stage_pass_cap stall_floor dead_threshold "
        "unsupported_penalty_cap boosted_cap reported_cap reviewed_dead_shown "
        "reviewed_shown_floor reviewed_shown_cap win_chance_floor win_chance_ceiling "
        "pressure_cap negotiation_weight big_negotiation_weight orphan_selling_skill "
        "history_noise fit_decay engagement_baseline engagement_recovery contagion "
        "confidence_rate stress_rate motivation_engagement_ref motivation_confidence_ref "
        "motivation_trust_ref strain_stress confidence_neutral stress_calm stress_per_deal "
        "stress_oversight mood_target_floor mood_target_ceiling achiever_boredom "
        "service_hunting give_up_after praise_wear hollow_praise criticism_wear "
        "correction_wear criticism_stress unfair_correction unfair_correction_trust "
        "profit_share_engagement daily_plans_achiever_hit daily_plans_achiever_drag "
        "mood_seen_noise one_on_one_trust one_on_one_stress meeting_trust meeting_repeat "
        "trust_cap_from_talk no_talk_trust_decay neglect_trust_floor hint_chance "
        "review_hint_chance hint_accuracy flight_risk_visible criticism_trust "
        "criticism_team_mood unfair_trust promise_kept_trust promise_broken_trust "
        "promise_broken_team_trust promise_broken_engagement promise_engagement ratchet_trust "
        "moving_goalposts_trust review_trust fair_firing_team_mood unfair_firing_team_mood "
        "unfair_firing_trust coaching_share coaching_novice_share joint_visit_share "
        "natural_learning mentor_learning mentor_struggling mentor_unconvincing mentor_grace "
        "team_training_share potential_novice potential_young potential_seasoned "
        "skill_ceiling cohesion_start cohesion_rest cohesion_drift meeting_cohesion "
        "goal_cohesion veteran_neglect veteran_team_drag ego_neglect veteran_honour "
        "veteran_honour_team slip_chance slip_rise slip_ceiling slip_deal_share "
        "slip_relationship deputy_review_quality deputy_review_kept deputy_review_floor "
        "deputy_talk_trust deputy_talk_hints no_share_resentment no_share_trust "
        "deputy_takes_share passed_over tight_deflation deputy_key_care no_share_flight "
        "quit_base low_trust quit_engagement_ref low_trust_told low_mood_told distrust_below "
        "quit_hazard_cap hire_ramp ramp_gain leaver_relationship_loss new_hire_skill_low "
        "new_hire_skill_spread new_hire_skill_extra new_hire_service_care "
        "new_hire_service_care_cap new_hire_engagement new_hire_confidence new_hire_trust "
        "new_hire_stress relationship_decay churn_threshold churn_hazard growth_neutral "
        "win_relationship price_war_pressure budget_freeze_leads review_noise "
        "funnel_time_share"
    ),
    WEIGHT: _names(
        "care_skill_slope relationship_win_base relationship_win_slope "
        "selling_slope lead_skill_base demand_relationship_base start_stage_decay "
        "fit_effort fit_mood fit_hunt fit_care motivation_engagement motivation_confidence "
        "motivation_trust motivation_stress motivation_floor effort_min give_up_effort "
        "good_news_trust_offset coaching_dose service_hunt_learning deputy_able_base "
        "deputy_able_slope deputy_willing_base deputy_willing_slope deputy_onboarding "
        "cohesion_effort orphan_effort ratchet_result_weight ratchet_quota_weight "
        "fair_band stage_duration_sigma coaching_spacing bonus_exponent"
    ),
    FACTOR: _names(
        "max_lead_factor style_match_boost effort_win_cap unsupported_size_cap "
        "support_days_base support_days_per_size history_quota fit_from_lever "
        "motivation_ceiling effort_max confidence_reach confidence_out_of_reach "
        "confidence_pace confidence_pace_band stress_quota_from stress_quota "
        "coasting_threshold service_hunting_threshold give_up_optimism good_news_trust_cap "
        "correction_fair_pace bonus_scale_cap ratchet_tolerance fair_firing "
        "mentor_performing_pace analytics_bonus potential_scale_low potential_scale_span "
        "new_hire_quota boom_leads"
    ),
    HAZARD: _names(
        "quit_slope low_trust_hazard distrust_hazard stress_hazard outside_offer_hazard "
        "fit_from_week tender_size support_size_cap"
    ),
    WEEKS: _names(
        "praise_memory_weeks words_without_reward rival_weeks no_talk_weeks "
        "fair_after_weeks moving_goalposts_after veteran_neglect_weeks ego_neglect_weeks "
        "share_after_weeks hire_weeks price_war_weeks budget_freeze_weeks boom_weeks "
        "outside_offer_weeks"
    ),
    DAYS: _names("cold_days stall_days dead_days"),
}

RANGES: dict[str, Range] = {name: r for r, names in _BY_RANGE.items() for name in names}
RANGES.update(
    {
        # the rep's week, in hours
        "rep_hours": (1.0, 100.0),
        "rep_internal_hours": (0.0, 100.0),
        "deal_upkeep_hours": (0.0, 10.0),
        "touch_hours": (0.1, 20.0),
        "daily_plans_rep_hours": (0.0, 20.0),
        "ref_prospect_hours": (0.5, 100.0),
        "deputy_hours": (0.0, 100.0),
        "supervision_hours": (0.0, 100.0),
        "hours": (0.0, 168.0),  # a lever's cost to the manager
        # counts
        "normal_open_deals": (1, 200),
        "ref_accounts": (1.0, 2000.0),
        "review_memory_days": (0, 365),
        "review_pushes": (0, 50),
        "oversight_counted": (0, 50),
        "stress_deals_from": (0, 200),
        "coaching_spacing_cap": (1, 104),
        "slip_late_deals": (1, 100),
        "slip_accounts": (1, 2000),
        "deputy_talks": (0, 100),
        "tender_accounts": (1, 2000),
        "ramp_weeks": (1, 260),
        # days an inherited deal has been idle or in its stage
        "start_dead_idle_days": (0.0, 365.0),
        "start_dead_stage_days": (0.0, 365.0),
        "start_live_idle_days": (0.0, 365.0),
        # the selling factor divides by itself when a deal changes hands: never 0
        "selling_base": (0.05, 2.0),
        # ratios that must leave room below them
        "give_up_ratio": (0.1, 100.0),
        "good_news_trust_ref": (0.05, 10.0),
        "ratchet_full_at": (0.01, 5.0),
        "mentor_skill_ref": (0.05, 5.0),
        "mood_seen_memory": (0.0, 0.99),
        # daily potential growth: 1% a day is already ×9 in a year
        "growth_rate": (0.0, 0.01),
        # money
        "money": (0.0, MOST_MONEY),
        "bonus_unit": (1.0, MOST_MONEY),
    }
)

ORDERED: tuple[tuple[str, str], ...] = (
    ("rep_internal_hours", "rep_hours"),
    ("stall_days", "dead_days"),
    ("win_chance_floor", "win_chance_ceiling"),
    ("reviewed_shown_floor", "reviewed_shown_cap"),
    ("motivation_floor", "motivation_ceiling"),
    ("effort_min", "effort_max"),
    ("mood_target_floor", "mood_target_ceiling"),
)
"""Pairs ``(low, high)`` of numbers where the first may not exceed the second."""

SUM_AT_MOST_ONE: tuple[tuple[str, str], ...] = (("negotiation_weight", "big_negotiation_weight"),)
"""Pairs of shares of one whole (negotiation's weight in selling skill, and what big projects
add to it): together at most 1."""


def _check_complete() -> None:
    names = {f.name for f in fields(ModelParams)}
    missing = names - RANGES.keys()
    unknown = RANGES.keys() - names
    if missing or unknown:  # a new model number needs its range, and a rename follows here
        raise RuntimeError(f"model numbers without a range: {missing}; unknown: {unknown}")


_check_complete()
