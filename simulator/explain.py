"""Why things happened, in a manager's words: the causes a week report tells.

The world records causes as data: a won or lost deal carries what moved its
odds (``causes``: ``[cause, points]``) and what a push did (``pushed``); a
reaction its strength and why it was damped (``why``: ``[reason, size]``); an
unequal treatment both people and both actions; a fall of pace the signs a
manager could have seen. These functions turn that data into the phrases
:class:`~simulator.narrate.Narrator` appends to its lines, and tell what the
manager's tools produced (call analytics, training, a team goal, a meeting,
support). They know only what the event and the manager's observation say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .api import RIGHT_POOL, Event, Pool, Stage, forecast_told, unassigned
from .texts import has, joiner, percent

if TYPE_CHECKING:
    from .narrate import Narrator

WARM_DAYS = 10  # a push that ended fewer idle days than this "kept it moving"
DAYS_PER_WEEK = 5


def pct(x: float) -> str:
    """A share as a percentage: 0.92 → "92%"."""
    return f"{100 * x:.0f}%"


def points(nar: Narrator, x: float) -> str:
    """Points of win chance, signed: "+6 pts", "−12 pts", "+0.6 pts"."""
    n = f"{round(x):+d}" if abs(x) >= 1 else f"{x:+.1f}"
    n = n.replace("-", "−")
    return nar.tr("pt" if n in ("+1", "−1") else "pts", n=n)


def because(nar: Narrator, parts: list[str]) -> str:
    """ " — this; that" after a line, or nothing when there is no reason to tell."""
    if not parts:
        return ""
    return nar.tr("ev.because", why=nar.tr("ev.sep").join(parts))


# ------------------------------------------------------------------ deals
def cause(nar: Narrator, code: str, x: float, rep: int | None) -> str | None:
    """One cause of a deal's odds, e.g. "your joint visit +6 pts"."""
    t = nar.tr
    pts = points(nar, x)
    head, _, rest = code.partition(".")
    if head == "support":
        pool, _, timing = rest.partition(".")
        return t(f"cause.support_{timing}", pool=t(f"pool.{pool}"), pts=pts)
    if head == "unsupported":
        try:
            stage = Stage[rest.upper()]
        except KeyError:
            return None
        pool = RIGHT_POOL[stage].value
        return t(
            "cause.unsupported", stage=t(f"stage.{int(stage)}"), pool=t(f"pool.{pool}"), pts=pts
        )
    if head == "event":
        item = next((i for i in nar.obs.inbox if i.event == rest), None)
        if item is None:
            return t("cause.event_unknown", pts=pts)
        return t("cause.event", title=item.title.get(nar.lang), pts=pts)
    if head == "selling":
        if rep is None:  # its owner left: nobody was working it
            return t("cause.unowned", pts=pts)
        key = "cause.selling_up" if x > 0 else "cause.selling_down"
        return t(key, rep=nar.rep(rep), pts=pts)
    if has(f"cause.{code}"):
        return t(f"cause.{code}", pts=pts)
    return None


def loss_reason(nar: Narrator, reason: str) -> str:
    """Why the customer said no: price, a competitor, … or a scripted turn of events."""
    if has(f"lost.{reason}"):
        return nar.tr(f"lost.{reason}")
    head, _, rest = reason.partition(":")
    if head == "event":
        item = next((i for i in nar.obs.inbox if i.event == rest), None)
        if item is not None:
            return nar.tr("lost.event", title=item.title.get(nar.lang))
    return reason


def push(nar: Narrator, by: str, idle: float) -> str | None:
    """What a push did: the deal worked first, after how long untouched."""
    key = f"cause.push_{by}"
    if not has(key):
        return None
    if idle < WARM_DAYS:
        return nar.tr(f"{key}_warm")
    return nar.tr(key, weeks=round(idle / DAYS_PER_WEEK))


def deal_causes(nar: Narrator, e: Event) -> str:
    """ " — your joint visit +6 pts; pre-sales support at the right stage +9 pts"."""
    parts = []
    # a win is told by what helped first, a loss by what hurt first
    won = e.kind == "deal_won"
    ranked = sorted(e.data.get("causes") or (), key=lambda c: -float(c[1]) if won else float(c[1]))
    for code, x in ranked:
        text = cause(nar, str(code), float(x), e.rep)
        if text:
            parts.append(text)
    pushed = e.data.get("pushed") or {}
    for by in ("manager", "review", "deputy"):
        if by in pushed:
            text = push(nar, by, float(pushed[by]))
            if text:
                parts.append(text)
    if not parts:
        return ""
    if won and ranked and all(float(x) < 0 for _, x in ranked) and not pushed:
        return nar.tr("ev.despite", why=nar.tr("ev.sep").join(parts))
    if not won and ranked and all(float(x) > 0 for _, x in ranked):
        # a loss told only by what helped reads as its cause: it was lost all the same
        return nar.tr("ev.lost_despite", why=nar.tr("ev.sep").join(parts))
    return nar.tr("ev.odds", why=nar.tr("ev.sep").join(parts))


# ------------------------------------------------------------------ people
def nth(nar: Narrator, n: int) -> str:
    key = f"ord.{n}"
    return nar.tr(key) if has(key) else nar.tr("ord.n", n=n)


def reasons(nar: Narrator, why: list[list[Any]], week: int | None = None) -> str:
    """ " — the third praise in six weeks: it rings hollow; trust is low: …"; ``week``:
    when it happened (a pace is told as a forecast only once one is worth making)."""
    parts = []
    for code, size in why:
        key = f"because.{code}"
        if not has(key):
            continue
        if code == "praise_repeat" and int(size) == 2:
            parts.append(nar.tr("because.praise_again"))
        elif code in ("praise_repeat", "criticism_repeat", "correction_repeat"):
            parts.append(nar.tr(key, nth=nth(nar, int(size))))
        elif code == "on_pace":
            if week is None or forecast_told(nar.obs, week):
                parts.append(nar.tr(key, pace=pct(float(size))))
            else:
                parts.append(nar.tr("because.on_pace_early"))
        elif code == "small_reward":
            parts.append(nar.tr(key, amount=nar.money(float(size))))
        else:
            parts.append(nar.tr(key))
    return because(nar, parts)


def reaction(nar: Narrator, e: Event) -> str:
    d = e.data
    t = nar.tr
    lever = d["lever"]
    name = t(f"lever.{lever}") if has(f"lever.{lever}") else lever
    mood = d["mood"]
    strength = d.get("strength")
    key = f"ev.reaction_{mood}_{strength}"
    if mood == "flat" or not has(key):
        key = f"ev.reaction_{mood}"
    return t(key, rep=nar.rep(e.rep), lever=name) + reasons(nar, d.get("why") or [], e.week)


def _did(nar: Narrator, tone: str, public: object) -> str:
    return nar.tr(f"fb.{tone}_{'public' if public else 'private'}")


def unfair(nar: Narrator, e: Event) -> str:
    """Both people, both actions, both results: the standard the team saw broken."""
    d = e.data
    if "other_tone" not in d:
        return nar.tr("ev.unfair")
    first_week = d.get("other_week", e.week)
    earlier = first_week != e.week
    # both results as the desk told them then: a forecast, or (too early for one) "so far"
    told = forecast_told(nar.obs, e.week) and forecast_told(nar.obs, first_week)
    key = "ev.unfair_named_earlier" if earlier else "ev.unfair_named"
    return nar.tr(
        key if told else f"{key}_so_far",
        first=nar.rep(d.get("other")),
        first_did=_did(nar, d["other_tone"], d.get("other_public")),
        second=nar.rep(e.rep),
        second_did=_did(nar, d["tone"], d.get("public")),
        first_pace=pct(float(d["other_pace"])),
        first_week=first_week,
        second_pace=pct(float(d["pace"])),
    )


def sign(nar: Narrator, code: str, size: Any) -> str | None:
    """One sign of a fall a manager could have seen."""
    t = nar.tr
    if code == "quota_high":
        return t("fall.quota_high", ratio=f"{float(size):.1f}")
    if code == "low_mood":
        return t("fall.low_mood")
    if code == "big_loss":
        return t(
            "fall.big_loss",
            account=nar.account(size.get("account")),
            value=nar.money(size["value"]),
        )
    if code in ("stuck", "overloaded", "thin_funnel"):
        return t(f"fall.{code}", n=size)
    if code == "no_talk":
        return t("fall.no_talk", weeks=size)
    key = f"fall.{code}"
    return t(key) if has(key) else None


def pace_fall(nar: Narrator, e: Event) -> str:
    d = e.data
    t = nar.tr
    told = [x for x in (sign(nar, str(c), v) for c, v in d.get("signs") or ()) if x]
    dry = d.get("since") == "dry"  # nothing booked is a sign itself: "no other sign"
    none = t("fall.none_dry" if dry else "fall.none")
    signs = t("fall.signs", list=t("ev.sep").join(told)) if told else none
    # a pace in the desk's words: the share of quota the period is on course for
    if dry:
        weeks = int(d["before"])
        return t("ev.dry_spell", rep=nar.rep(e.rep), weeks=weeks, signs=signs)
    if d.get("since") == "period":
        before = t("fall.from_period", pct=pct(d["before"]))
    else:
        before = t("fall.from_peak", pace=pct(float(d["before"])))
    return t(
        "ev.pace_fall", rep=nar.rep(e.rep), before=before, now=pct(float(d["pace"])), signs=signs
    )


# ------------------------------------------------------------------ tools
def tool(nar: Narrator, e: Event) -> str | None:
    """What a tool of the manager's produced this week, or ``None``."""
    d = e.data
    t = nar.tr
    k = e.kind
    if k == "analytics_findings":
        items = [
            t("ev.analytics_item", rep=nar.rep(int(r)), skill=t(f"skill.{s}"))
            for r, s in (d.get("weakest") or {}).items()
        ]
        return t("ev.analytics", list=joiner(nar.lang).join(items)) if items else None
    if k == "coaching_aimed":
        return t(
            "ev.coaching_aimed",
            rep=nar.rep(e.rep),
            skill=t(f"skill.{d['skill']}"),
            pct=percent(float(d["bonus"]), nar.lang),
        )
    if k == "team_training":
        skill = t(f"skill.{d['skill']}")
        if d["learnt"] >= d["reps"]:
            return t("ev.team_training", skill=skill, n=d["reps"])
        return t("ev.team_training_some", skill=skill, learnt=d["learnt"], n=d["reps"])
    if k == "team_goal":
        return t("ev.team_goal")
    if k == "team_meeting":
        raised = d.get("overloaded") or []
        if raised:
            names = joiner(nar.lang).join(nar.rep(i) for i in raised)
            text = t("ev.team_meeting_raised", names=names)
        else:
            text = t("ev.team_meeting")
        return text + (because(nar, [t("ev.team_meeting_again")]) if d.get("again") else "")
    if k == "support_given":
        timing = "key" if d.get("key_stage") else ("right" if d.get("right_stage") else "wrong")
        stage = Stage[str(d["stage"]).upper()]
        asked = str(d.get("asked_stage", "")).upper()
        key = f"ev.support_{timing}"
        extra: dict[str, object] = {}
        if timing == "wrong" and asked in Stage.__members__:  # (older logs do not say)
            if Stage[asked] is stage:
                key = "ev.support_wrong_stage"  # asked for at a stage it does not serve
            else:  # asked for at one stage, it came at another: the queue says why
                fitted = RIGHT_POOL.get(Stage[asked]) is Pool(d["pool"])
                days = max(0, round(float(d.get("waited", 0.0))))
                key = "ev.support_wrong_asked"
                if fitted:  # a queue, or (none) a stage that ended while the work went on
                    key = "ev.support_late" if days else "ev.support_late_under_way"
                extra = {"asked": t(f"stage.{int(Stage[asked])}"), "days": days}
        return t(
            key,
            **extra,
            owner=t("ev.deal_of", rep=nar.rep(e.rep)) if e.rep is not None else "",
            pool=t(f"pool.{d['pool']}"),
            account=nar.account(d["account"]) if "account" in d else nar.deal_account(d["deal"]),
            stage=t(f"stage.{int(stage)}"),
            pts=points(nar, float(d.get("points", 100 * d.get("boost", 0.0)))),
        )
    if k == "support_wasted":
        return t(
            "ev.support_wasted",
            pool=t(f"pool.{d['pool']}"),
            account=nar.account(d.get("account")),
        )
    return None


TOOLS = frozenset(
    {
        "analytics_findings",
        "coaching_aimed",
        "team_training",
        "team_goal",
        "team_meeting",
        "support_given",
        "support_wasted",
    }
)


SHORT_NAMED = 2  # the reps furthest under quota a missed target's line names


def period_end(nar: Narrator, e: Event) -> str:
    """A period's close: what was booked against the target, and, when it fell short,
    where the gap came from as the manager can check it: quotas that did not add up to
    the target (P1, P2), reps who left during the period, and the reps still on the team
    furthest under their quota."""
    d = e.data
    line = nar.tr(
        "ev.period_end",
        period=d["period"] + 1,
        booked=nar.money(d["booked"]),
        target=nar.money(d["target"]),
    )
    short = float(d["target"]) - float(d["booked"])
    results = {int(k): (float(q), float(b)) for k, (q, b) in (d.get("results") or {}).items()}
    if short <= 0 or not results:
        return line
    parts = []
    quotas = sum(q for q, _ in results.values())
    # quotas close to the target do not explain a missed one ("the quotas added up to
    # only ¥2.84M" of ¥2.85M, beside ¥1M short, put the blame in the wrong place)
    if unassigned(quotas, float(d["target"])):
        parts.append(nar.tr("ev.short_quotas", quotas=nar.money(quotas)))
    left = [int(x) for x in d.get("left") or ()]
    for rep in left:  # a quota left half-worked: the gap is the leaving, not the selling
        parts.append(nar.tr("ev.short_left", rep=nar.rep(rep)))
    under = sorted(
        ((q - b, rep) for rep, (q, b) in results.items() if q - b > 0 and rep not in left),
        key=lambda x: (-x[0], x[1]),
    )
    for gap, rep in under[:SHORT_NAMED]:
        parts.append(nar.tr("ev.short_rep", rep=nar.rep(rep), gap=nar.money(gap)))
    if len(under) > SHORT_NAMED:  # the rest counted: two named read as the only two
        parts.append(nar.tr("ev.short_more", n=len(under) - SHORT_NAMED))
    if not parts:
        return line
    return line + nar.tr("ev.short_by", short=nar.money(short), why=nar.tr("ev.sep").join(parts))


# ------------------------------------------------------------------ the funnel (P10, P13)
# a line that lists deals names at most this many (and says how many more)
SHOWN_DEALS = 8


def funnel_review(nar: Narrator, e: Event) -> str:
    """A pipeline review as the week report tells it: what it found untouched for 15
    to 29 and for 30 days or more, whose customers no longer answer, and the funnel's
    worth as checked beside what its reps had reported (the happy ears a review takes
    out, P10)."""
    d = e.data
    t = nar.tr
    reps = [r for r in d.get("reps", ()) if any(v.id == r for v in nar.obs.reps)]
    whole = len(reps) == len(nar.obs.reps) and len(reps) > 1
    names = joiner(nar.lang).join(nar.rep(r) for r in reps) or t("ev.unowned")
    found = _found(nar, d)
    line = t("ev.review", who=t("ev.review_team") if whole else names, found=found)
    if "reported" in d and "checked" in d:
        checked, reported = float(d["checked"]), float(d["reported"])
        # the funnels were checked lately (a review, a deputy's): nothing new to take out
        same = abs(checked - reported) <= 0.005 * max(abs(reported), 1.0)
        line += t(
            "ev.review_worth_same" if same else "ev.review_worth",
            checked=nar.money(checked),
            reported=nar.money(reported),
            who=t("ev.review_reps") if len(reps) != 1 else names,
        )
    return line


def _found(nar: Narrator, d: dict) -> str:
    """What a funnel review found: deals untouched for 15 days or more (and of them
    for 30), and customers who no longer answer."""
    t = nar.tr
    dead = len(d.get("dead", ()))
    untouched = len(d.get("stalled", ())) + dead
    silent = int(d.get("silent", 0))
    found = t("ev.review_untouched", n=untouched) if untouched else t("ev.review_none")
    if dead:
        found += t("ev.review_of_them", n=dead)
    if silent:
        found += t("ev.sep") + t("ev.review_silent", n=silent)
    return found


def deputy_review(nar: Narrator, e: Event) -> str:
    """A deputy's review of the funnels for the manager (P13): how many of the open
    deals they really checked (the rest they waved through), and what they found."""
    d = e.data
    return nar.tr(
        "ev.deputy_review",
        deputy=nar.rep(e.rep),
        n=int(d.get("checked", 0)),
        total=int(d.get("deals", 0)),
        found=_found(nar, d),
    )


def cleared(nar: Narrator, rep: int | None, dropped: list[Event]) -> str:
    """Dead deals a rep took out of their funnel (the customer had gone quiet): the
    deals, biggest first, so the pipeline's shrinking is explained."""
    biggest = sorted(dropped, key=lambda e: -float(e.data["value"]))
    shown = [
        f"{nar.account(e.data.get('account'))} {nar.money(float(e.data['value']))}"
        for e in biggest[:SHOWN_DEALS]
    ]
    if len(biggest) > SHOWN_DEALS:
        shown.append(nar.tr("ev.more_deals", n=len(biggest) - SHOWN_DEALS))
    owner = nar.rep(rep) if rep is not None else nar.tr("ev.unowned")
    return nar.tr("ev.deals_cleared", rep=owner, n=len(dropped), deals=joiner(nar.lang).join(shown))


# how far an inbox answer must move the person's mood to show, and to show strongly
ANSWER_VISIBLE = 0.02
ANSWER_STRONG = 0.06


def answer(nar: Narrator, e: Event) -> str | None:
    """An inbox decision as the week report tells it: the choice, the author's reply, and
    how the person it concerned took it."""
    d = e.data
    item = next((i for i in nar.obs.inbox if i.id == d["item"]), None)
    if item is None:
        return None
    choice = next((c for c in item.choices if c.id == d["choice"]), None)
    text = choice.text.get(nar.lang) if choice is not None else str(d["choice"])
    key = "ev.answer_default" if d.get("defaulted") else "ev.answer"
    line = nar.tr(key, title=item.title.get(nar.lang), choice=text)
    reply = choice.reply.get(nar.lang) if choice is not None else ""
    if reply:
        line += nar.tr("ev.answer_reply", reply=reply)
    moved_odds = d.get("deal_chance")
    if moved_odds:
        line += nar.tr(
            "ev.answer_deal",
            account=nar.account(d.get("account")),
            pts=points(nar, 100 * float(moved_odds)),
        )
    raised = d.get("quota_change")
    if raised:  # the quotas the answer set for the next period, alike for everyone
        line += nar.tr(
            "ev.answer_quotas",
            pct=percent(abs(float(raised)), nar.lang),
            period=int(d.get("period", 0)) + 1,
            way=nar.tr("ev.up" if float(raised) > 0 else "ev.down"),
        )
    handed = d.get("delegated")
    if handed is not None and e.rep is not None:
        shared = "_shared" if handed.get("profit_share") else ""
        line += nar.tr(
            f"ev.answer_delegated{shared}",
            task=nar.tr(f"task.{handed['task']}"),
            rep=nar.rep(e.rep),
            supervision=nar.tr(f"sup.{handed['supervision']}"),
        )
    moved = float(d.get("engagement", 0.0))
    if e.rep is not None and abs(moved) >= ANSWER_VISIBLE:
        strength = "strong" if abs(moved) >= ANSWER_STRONG else "mild"
        mood = "up" if moved > 0 else "down"
        line += nar.tr(f"ev.answer_{mood}_{strength}", rep=nar.rep(e.rep))
    return line
