"""The lessons about practice, P10–P18: the funnel, team selling, the archive, delegation,
promises, data and the team."""

from __future__ import annotations

from ..api import KEY_STAGE, RIGHT_POOL
from ..guided import first_week
from .facts import (
    FOLLOWED,
    MISSED,
    PARTLY,
    UNTESTED,
    Facts,
    Finding,
    Moment,
    status_of,
)


def p10(f: Facts) -> Finding:
    weeks = {w for w, _ in f.by_kind["pipeline_review"]}
    for w, a in f.by_kind["delegate"]:
        if a.task.value == "pipeline_review":
            deputy = f.reps[a.deputy]
            until = deputy.left_week if deputy.left_week is not None else f.weeks_played
            weeks.update(range(w, until + 1))
    dropped = len(f.by_kind["drop_deal"])
    # judged from the first week a review could be held (a guided game opens the deals
    # in its fourth week: "19 of 26" counted the three it kept shut)
    first = first_week(f.record.scenario.guided, "deals")
    playable = max(1, f.weeks_played - first + 1)
    weeks = {w for w in weeks if w >= first}
    share = len(weeks) / playable
    moments = []
    gaps, last = [], first - 1
    for w in [*sorted(weeks), f.weeks_played + 1]:
        if w - last > 4:
            gaps.append((last + 1, w - 1))
        last = w
    for a, b in gaps[:5]:
        moments.append(Moment(a, "m.p10_gap", {"from": a, "to": b}))
    return Finding(
        "P10",
        status_of(share, 0.75, 0.3),
        Moment(0, "s.p10", {"weeks": len(weeks), "of": playable, "dropped": dropped}),
        tuple(moments),
    )


def p11(f: Facts) -> Finding:
    sizes = f.record.scenario.support
    if not (sizes.presales or sizes.consultants or sizes.executives or sizes.legal):
        return Finding("P11", UNTESTED, Moment(0, "s.untested"))
    given = f.ev["support_given"]
    if not f.by_kind["request_support"]:
        return Finding(
            "P11",
            MISSED,
            Moment(0, "s.p11", {"right": 0, "n": 0}),
            (Moment(f.last_week, "m.p11_none", {}),),
        )
    if not given:
        # asked, but no specialist reached a deal still open (each closed first, or the
        # season ended with the request in the queue): when they asked cannot be judged,
        # and "0 of 0 at the right stage" marked missed a player who had asked well
        asked = len(f.by_kind["request_support"])
        return Finding("P11", UNTESTED, Moment(0, "s.p11_unserved", {"n": asked}))
    right = sum(1 for e in given if e.data.get("right_stage"))
    wrong = [
        Moment(e.week, "m.p11_wrong_stage", {"pool": e.data["pool"], "stage": e.data["stage"]})
        for e in given
        if not e.data.get("right_stage")
    ]
    share = right / len(given)
    return Finding(
        "P11",
        status_of(share, 0.7, 0.4),
        Moment(0, "s.p11", {"right": right, "n": len(given)}),
        tuple(wrong[:6]),
    )


def p12(f: Facts) -> Finding:
    """The customer archive, used: customers kept, key accounts looked after, and support
    chosen by how each customer decides (its decision style in the archive)."""
    lost = f.ev["account_churned"]
    keys = len(f.by_kind["key_account"]) + len(f.by_kind["reassign_accounts"])
    n = len(f.record.final.accounts)
    moments = [
        Moment(e.week, "m.p12_lost", {"account": e.data["account"], "rep": e.rep}) for e in lost
    ][:6]
    # support asked for a deal: the pool its customer's style needs, or another
    account_of = {e.data["deal"]: e.data["account"] for e in f.ev["deal_created"]}
    accounts = f.record.final.accounts
    matched, asked = 0, 0
    for w, a in f.by_kind["request_support"]:
        acct = account_of.get(a.deal)
        if acct is None:
            continue
        style = accounts[acct].decision_style
        needed = RIGHT_POOL[KEY_STAGE[style]]
        asked += 1
        if a.pool == needed:
            matched += 1
        elif len(moments) < 8:
            moments.append(
                Moment(
                    w,
                    "m.p12_style",
                    {"account": acct, "pool": a.pool.value, "style": style, "needed": needed.value},
                )
            )
    share_lost = len(lost) / max(1, n)
    parts = [1.0 if share_lost <= 0.03 else 0.0, 1.0 if keys else 0.0]
    if asked:
        parts.append(matched / asked)
    score = sum(parts) / len(parts)
    return Finding(
        "P12",
        status_of(score, 0.75, 0.4),
        Moment(
            0, "s.p12", {"lost": len(lost), "assigned": keys, "matched": matched, "asked": asked}
        ),
        tuple(moments),
    )


def p13(f: Facts) -> Finding:
    dels = f.by_kind["delegate"]
    if not dels:
        return Finding("P13", UNTESTED, Moment(0, "s.p13_none"))
    moments = [
        Moment(
            w,
            "m.p13_delegated",
            {"rep": a.deputy, "task": a.task.value, "supervision": a.supervision.value},
        )
        for w, a in dels
    ]
    slips = f.ev["delegation_slip"]
    moments += [Moment(e.week, "m.p13_slip", {"rep": e.rep}) for e in slips]
    light = sum(1 for _, a in dels if a.supervision.value == "light")
    # judged on the manager's choice, not on luck: a slip under light supervision is
    # Murphy's, one without any is the manager's
    unwatched = sum(1 for _, a in dels if a.supervision.value == "none")
    status = FOLLOWED if light == len(dels) else (MISSED if unwatched else PARTLY)
    return Finding(
        "P13",
        status,
        Moment(0, "s.p13", {"n": len(dels), "light": light, "slips": len(slips)}),
        tuple(moments[:8]),
    )


def p14(f: Facts) -> Finding:
    deputies = {a.deputy for _, a in f.by_kind["delegate"]}
    shared = {a.deputy for _, a in f.by_kind["profit_share"]}
    veterans = [r.id for r in f.reps if r.veteran]
    honoured = {a.rep for _, a in f.by_kind["honour_veteran"]}
    if not deputies and not veterans:
        return Finding("P14", UNTESTED, Moment(0, "s.untested"))
    since: dict[int, int] = {}
    for w, a in f.by_kind["delegate"]:
        since.setdefault(a.deputy, w)
    moments = [Moment(since[d], "m.p14_no_share", {"rep": d}) for d in sorted(deputies - shared)]
    moments += [
        Moment(f.last_week, "m.p14_not_honoured", {"rep": v}) for v in veterans if v not in honoured
    ]
    parts = []
    if deputies:
        parts.append(len(deputies & shared) / len(deputies))
    if veterans:
        parts.append(len(set(veterans) & honoured) / len(veterans))
    return Finding(
        "P14",
        status_of(sum(parts) / len(parts), 0.99, 0.4),
        Moment(
            0,
            "s.p14",
            {
                "shared": len(deputies & shared),
                "deputies": len(deputies),
                "honoured": len(set(veterans) & honoured),
                "veterans": len(veterans),
            },
        ),
        tuple(moments[:8]),
    )


def p15(f: Facts) -> Finding:
    kept, broken = f.ev["promise_kept"], f.ev["promise_broken"]
    made = f.ev["promise_made"]
    if not kept and not broken:
        if made:  # promised for results that did not come: nothing owed, nothing broken
            return Finding("P15", FOLLOWED, Moment(0, "s.p15_unmet", {"n": len(made)}))
        return Finding("P15", UNTESTED, Moment(0, "s.untested"))
    moments = [
        Moment(e.week, "m.p15_broken", {"rep": e.rep, "amount": e.data["amount"]}) for e in broken
    ]
    status = FOLLOWED if not broken else (PARTLY if len(kept) > len(broken) else MISSED)
    return Finding(
        "P15",
        status,
        Moment(0, "s.p15", {"kept": len(kept), "broken": len(broken)}),
        tuple(moments[:8]),
    )


def p16(f: Facts) -> Finding:
    routine = {w for k in ("one_on_one", "pipeline_review") for w, _ in f.by_kind[k]}
    share = len(routine) / max(1, f.weeks_played)
    moments, last = [], 0
    for w in [*sorted(routine), f.weeks_played + 1]:
        if w - last > 3:
            moments.append(Moment(last + 1, "m.p16_gap", {"from": last + 1, "to": w - 1}))
        last = w
    return Finding(
        "P16",
        status_of(share, 0.8, 0.4),
        Moment(0, "s.p16", {"weeks": len(routine), "of": f.weeks_played}),
        tuple(moments[:5]),
    )


def p17(f: Facts) -> Finding:
    plans = f.by_kind["daily_plans"]
    calls = f.by_kind["call_analytics"]
    moments = [Moment(w, "m.p17_plans", {}) for w, _ in plans]
    moments += [Moment(w, "m.p17_calls", {}) for w, _ in calls]
    # call analytics is on offer only if the budget can pay for it
    offered = f.record.final.budget_per_period >= f.record.final.money_costs["call_analytics"]
    if not offered:
        status = FOLLOWED if plans else MISSED
    else:
        status = FOLLOWED if plans and calls else (PARTLY if plans or calls else MISSED)
    if status == MISSED:
        moments.append(Moment(f.last_week, "m.p17_none", {}))
    return Finding(
        "P17",
        status,
        Moment(0, "s.p17", {"plans": bool(plans), "calls": bool(calls)}),
        tuple(moments),
    )


def p18(f: Facts) -> Finding:
    periods = f.periods_played()
    goals = {f.record.period_of(w) for w, _ in f.by_kind["team_goal"]}
    meetings = len(f.by_kind["team_meeting"])
    training = len(f.by_kind["team_training"])
    months = max(1.0, f.weeks_played / 4.33)
    parts = [len(goals) / periods, min(1.0, meetings / months)]
    if f.record.final.budget_per_period >= f.record.final.money_costs["team_training"]:
        parts.append(1.0 if training else 0.0)  # training is on offer only if it can be paid
    moments = [
        Moment(f.record.period_weeks_of(per)[0], "m.p18_no_goal", {"period": per + 1})
        for per in range(periods)
        if per not in goals
    ]
    if meetings < months / 2:
        # none at all said as none ("only 0" read as a slip of the pen)
        key = "m.p18_few_meetings" if meetings else "m.p18_no_meetings"
        moments.append(Moment(f.last_week, key, {"n": meetings}))
    return Finding(
        "P18",
        status_of(sum(parts) / len(parts), 0.75, 0.35),
        Moment(
            0,
            "s.p18",
            {"goals": len(goals), "periods": periods, "meetings": meetings, "training": training},
        ),
        tuple(moments[:6]),
    )
