"""Warning signs: a rep's pace falling sharply, and what the manager could have seen coming.

A rep who booked 128% of quota last period and is at 28% of pace now did not
fall by chance alone, and a manager who only sees the number learns nothing.
Once a period, when a rep's pace falls sharply (from a period at or above
quota, or by 40 points or more from their best this period) or half a period
has gone by without a sale, the world logs a
``pace_fall`` with the signs a manager could have read beforehand: a quota far
above the last result, low spirits or doubts, a big deal lost, deals stuck for
weeks, an overloaded funnel, the bottom half of a contest, no 1:1 for weeks.
It only reads the world: no dice, no change to anyone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .rep import Rep
    from .world import World

FALL_FROM_WEEK = 5  # a period's first weeks are too lumpy to judge a pace by
FALL_BELOW = 0.6  # a pace this low, or lower, after…
FALL_FROM_PERIOD = 1.0  # …a last period at or above quota, or…
FALL_DROP = 0.4  # …a drop of this much from the best pace earlier in the period
QUOTA_FAR_ABOVE = 1.3  # quota ÷ last period's result: "raised far above their record"
MOOD_LOW = 0.45  # a mood as read below this is low (the desk's scale)
CONFIDENCE_LOW = 0.4  # a rep this unsure of making quota says so
BIG_LOSS = 0.2  # a lost deal worth this share of the quota is a big one
LOSS_LOOKBACK = 4  # weeks before the period whose losses still count
STUCK_DEALS = 3  # this many deals untouched for the stall time is a stuck funnel
FUNNEL_FULL = 1.6  # open deals above this × a normal funnel: overloaded
FUNNEL_THIN = 0.25  # this × a normal funnel or fewer: too little to close from


def pace_at_week_end(world: World, rep: Rep) -> tuple[float, int]:
    """The rep's pace at the end of this week, and the week's number within its period."""
    per = world.period
    first, last = world.period_weeks_of(per)
    done = world.week - first + 1
    quota = rep.quota(per)
    if quota <= 0:
        return 1.0, done
    return rep.booked.get(per, 0.0) / (quota * done / (last - first + 1)), done


def pace_falls(world: World) -> None:
    """Flag, once a period, each rep whose pace fell sharply, with the signs there were."""
    per = world.period
    for rep in world.active_reps:
        if rep.quota(per) <= 0:
            continue
        pace, done = pace_at_week_end(world, rep)
        if done < FALL_FROM_WEEK:
            continue
        if rep.pace_peak_period != per:
            rep.pace_peak_period, rep.pace_peak = per, pace
        peak = rep.pace_peak
        rep.pace_peak = max(peak, pace)
        if rep.pace_fall_period == per or pace > FALL_BELOW:
            continue
        before, since = None, ""
        last = rep.quotas.get(per - 1, 0.0)
        if per > 0 and last > 0 and rep.joined_week < world.period_weeks_of(per - 1)[0]:
            prev = rep.booked.get(per - 1, 0.0) / last
            if prev >= FALL_FROM_PERIOD:
                before, since = prev, "period"
        if before is None and peak - pace >= FALL_DROP:
            before, since = peak, "peak"
        first, last_week = world.period_weeks_of(per)
        # the weeks of this period the rep has been on the team (a hire joins mid-period)
        here = world.week - max(first, rep.joined_week) + 1
        if before is None and rep.booked.get(per, 0.0) <= 0 and 2 * here >= last_week - first + 1:
            # half a period on the team and nothing booked: not a fall, but as much a warning
            before, since = float(here), "dry"
        if before is None:
            continue
        rep.pace_fall_period = per
        world.event(
            "pace_fall",
            rep.id,
            pace=round(pace, 2),
            before=round(before, 2),
            since=since,
            signs=_signs(world, rep),
        )


def _signs(world: World, rep: Rep) -> list[list[Any]]:
    """What a manager could have seen: ``[sign, its size]``, most telling first."""
    p = world.params
    per = world.period
    signs: list[list[Any]] = []
    last = rep.last_result(per)
    if last is not None and last[1] > 0 and rep.quota(per) / last[1] >= QUOTA_FAR_ABOVE:
        signs.append(["quota_high", round(rep.quota(per) / last[1], 1)])
    if rep.mood_seen < MOOD_LOW:
        signs.append(["low_mood", round(rep.mood_seen, 2)])
    if rep.confidence < CONFIDENCE_LOW:
        signs.append(["low_confidence", round(rep.confidence, 2)])
    # the biggest deal lost since the slide began (this period, and the weeks just before)
    first = max(1, world.period_weeks_of(per)[0] - LOSS_LOOKBACK)
    floor = BIG_LOSS * rep.quota(per)
    lost = [
        e
        for e in world.log.since_week(first)
        if e.kind == "deal_lost" and e.rep == rep.id and e.data["value"] >= floor
    ]
    if lost:
        big = max(lost, key=lambda e: (e.data["value"], -e.day))
        signs.append(["big_loss", {"account": big.data["account"], "value": big.data["value"]}])
    now = world.env.now
    stuck = sum(1 for d in rep.open_deals if now - d.last_heard >= p.stall_days)
    if stuck >= STUCK_DEALS:
        signs.append(["stuck", stuck])
    if len(rep.open_deals) >= FUNNEL_FULL * p.normal_open_deals:
        signs.append(["overloaded", len(rep.open_deals)])
    elif len(rep.open_deals) <= FUNNEL_THIN * p.normal_open_deals:
        signs.append(["thin_funnel", len(rep.open_deals)])  # little to close: a new book
    m = world.manager
    if m.contest_period == per:
        ranked = sorted(world.active_reps, key=lambda r: -r.attainment(per))
        if rep.id not in {r.id for r in ranked[: max(1, len(ranked) // 2)]}:
            signs.append(["contest_bottom", None])
    talked = rep.last_talk if rep.last_talk is not None else rep.joined_week
    if world.week - talked >= p.no_talk_weeks:
        signs.append(["no_talk", world.week - talked])
    return signs
