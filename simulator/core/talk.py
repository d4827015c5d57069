"""How people take what the manager does and says: reactions, hints, praise and criticism.

A lever's effect on a rep's engagement is hidden; what the manager sees is a
reaction (perked up / shrugged / put off) and, here, how strong it was and,
when the response was damped or turned, why: praise repeated within weeks
rings hollow (P15), words without a real reward wear out, good news lands
softly where trust is low, a keen rep has little room to rise, a correction
while on pace feels unfair (P9). The reasons are the model's own factors as
they were applied, told as codes with a size; they never change the response.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .params import LEVER_RESPONSE
from .rep import Rep
from .types import Tone

if TYPE_CHECKING:
    from .world import World

Effects = dict[str, Any]
Why = list[list[Any]]  # [[reason code, its size], ...]

REACTION_VISIBLE = 0.025  # smaller changes of mood go unnoticed
REACTION_STRONG = 0.06  # a change of mood this big shows as a strong reaction
LOW_TRUST_DAMPING = 0.85  # good news landing at this share or less: "trust is low"
KEEN_DAMPING = 0.6  # a rise held to this share or less of the push: "already keen"
SMALL_REWARD = 0.75  # a bonus working at this share or less of the usual: "a small sum"


def _clip(x: float) -> float:
    return min(1.0, max(0.0, x))


def react(
    world: World, rep: Rep, lever: str, delta: float, change: float, why: Why | None = None
) -> None:
    """Log the reaction the manager sees: its direction, its strength, and why it was so.

    The direction follows the push (``delta``); the strength what it really moved
    (``change``): strong, mild, or none.
    """
    if delta >= REACTION_VISIBLE:
        mood = "up"
    elif delta <= -REACTION_VISIBLE:
        mood = "down"
    else:
        mood = "flat"
    strength = "mild" if mood != "flat" else "none"
    if mood != "flat" and abs(change) >= REACTION_STRONG:
        strength = "strong"
    world.event(
        "reaction",
        rep.id,
        lever=lever,
        mood=mood,
        strength=strength,
        size=round(float(change), 3),
        why=why or [],
    )


def respond(
    world: World,
    rep: Rep,
    lever: str,
    scale: float = 1.0,
    why: Why | None = None,
    shown_as: str | None = None,
) -> float:
    """Apply a lever's engagement response for the rep's hidden type.

    Whatever lifts a rep lands softer when they do not trust the manager. The
    rep's visible reaction (perked up / shrugged / put off) is logged for the
    manager: that is how types are learnt from behaviour (P3). ``why`` carries
    the caller's reasons for a damped response (praise repeated, words
    without reward); low trust and a keen rep's little room are added here.
    ``shown_as``: what the manager did, when it works as ``lever`` does (a promise
    kept is paid as a bonus, and seen as a promise kept).
    """
    p = world.params
    reasons: Why = list(why or [])
    delta = LEVER_RESPONSE[lever][rep.type] * scale
    if delta > 0:
        lands = (p.good_news_trust_offset + rep.trust) / p.good_news_trust_ref
        delta *= min(p.good_news_trust_cap, lands)
        if lands <= LOW_TRUST_DAMPING:
            reasons.append(["low_trust", round(rep.trust, 2)])
    change = rep.nudge(delta)
    if delta > 0 and change <= KEEN_DAMPING * delta:
        reasons.append(["already_keen", round(rep.engagement, 2)])
    # what lasts: a lever that meets the type's needs makes the job fit better, the
    # wrong one makes it fit worse, whatever the team's mood does to the moment
    rep.nudge_fit(p.fit_from_lever * delta)
    react(world, rep, shown_as or lever, delta, change, reasons)
    return change


def add_hint(world: World, rep: Rep, source: str) -> Effects:
    key, shown = world.hint_type(rep)
    rep.hints.append((world.week, key, shown))
    world.event("hint", rep.id, hint=key, source=source)
    # hints are clues, never a verdict: a type is confirmed only by an assessment, and
    # otherwise stays the manager's own read (P3)
    return {"hint": key}


# ------------------------------------------------------------ feedback (P9, P15)
def feedback(world: World, rep: Rep, tone: Tone, public: bool, formal: bool = False) -> Effects:
    """Praise or criticism, in public or in private; formal at a review.

    A review held in the first weeks of a period judges the period just ended:
    its words are weighed against that period's result, not the new one's start.
    """
    p = world.params
    m = world.manager
    pace = world.pace(rep)
    first, _ = world.period_weeks_of(world.period)
    # a pace says something only once a period is under way (in its first days everyone
    # is at zero); a review early in a period reads the period just ended
    telling = world.week - first >= p.fair_after_weeks
    if formal and world.period > 0 and world.week - first < 2:
        pace = rep.attainment(world.period - 1)
        telling = True
    eff: Effects = {}
    trust_before = rep.trust
    if formal and rep.trust < p.trust_cap_from_talk:
        rep.trust = min(p.trust_cap_from_talk, rep.trust + p.review_trust)
        if world.streams.get("rep.review", rep.id).random() < p.review_hint_chance:
            eff.update(add_hint(world, rep, "review"))
    if tone is Tone.PRAISE:
        recent = sum(1 for w in rep.praise_weeks if world.week - w < p.praise_memory_weeks)
        scale = p.praise_wear**recent
        why: Why = [["praise_repeat", recent + 1]] if recent else []
        if rep.praise_this_period >= p.words_without_reward and rep.rewards_this_period == 0:
            scale *= p.hollow_praise  # words alone wear out (P15)
            why.append(["words_no_reward", rep.praise_this_period + 1])
        rep.praise_weeks.append(world.week)
        rep.praise_this_period += 1
        if public:
            rep.last_recognised = world.week
        eff["engagement"] = respond(
            world, rep, "praise_public" if public else "praise_private", scale, why
        )
    elif public:
        # people grow numb to being shamed again and again, but they remember
        recent = sum(1 for w in rep.rebuke_weeks if world.week - w < p.praise_memory_weeks)
        rep.rebuke_weeks.append(world.week)
        why = [["criticism_repeat", recent + 1]] if recent else []
        eff["engagement"] = respond(world, rep, "criticism_public", p.criticism_wear**recent, why)
        rep.trust = _clip(rep.trust - p.criticism_trust)
        rep.stress = _clip(rep.stress + p.criticism_stress)
        for other in world.active_reps:
            if other.id != rep.id:
                other.nudge(-p.criticism_team_mood)
        eff["team_mood"] = -p.criticism_team_mood
    else:
        rep.oversight += 1
        recent = sum(1 for w in rep.criticism_weeks if world.week - w < p.praise_memory_weeks)
        rep.criticism_weeks.append(world.week)
        if pace < p.correction_fair_pace:
            why = [["correction_repeat", recent + 1]] if recent else []
            eff["engagement"] = respond(
                world, rep, "criticism_private", p.correction_wear**recent, why
            )
        else:
            # correcting someone who is on track is neither fair nor motivating
            change = rep.nudge(-p.unfair_correction)
            rep.trust = _clip(rep.trust - p.unfair_correction_trust)
            eff["engagement"] = -p.unfair_correction
            eff["unfair"] = True
            react(
                world,
                rep,
                "criticism_private",
                -p.unfair_correction,
                change,
                [["on_pace", round(pace, 2)]],
            )
    # one standard for all: like results treated unlike erode the team's trust (each
    # colleague's latest feedback this period is the one the team holds it against)
    latest = {entry[0]: entry for entry in m.feedback}
    for given in latest.values():
        other_id, other_pace, other_tone, other_public, other_telling, other_week = given
        if (
            telling
            and other_telling
            and other_id != rep.id
            and other_tone != tone.value
            and abs(other_pace - pace) <= p.fair_band
        ):
            for r in world.active_reps:
                r.trust = _clip(r.trust - p.unfair_trust)
            world.event(
                "unfair_treatment",
                rep.id,
                other=other_id,
                tone=tone.value,
                public=public,
                pace=round(pace, 2),
                other_tone=other_tone,
                other_public=other_public,
                other_pace=round(other_pace, 2),
                other_week=other_week,
            )
            eff["unfair"] = True
            break
    m.feedback.append((rep.id, pace, tone.value, public, telling, world.week))
    eff["trust"] = rep.trust - trust_before
    return eff
