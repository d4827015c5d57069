"""The lessons about people, P1–P9: quotas, types, talking, fair feedback."""

from __future__ import annotations

from collections import Counter

from ..api import MotivationType
from .facts import (
    FOLLOWED,
    MISSED,
    P2_CRUSHING,
    P2_EASY,
    P2_HARD,
    P2_HIGH,
    P2_LOW,
    PARTLY,
    UNTESTED,
    Facts,
    Finding,
    Moment,
    status_of,
)


def p1(f: Facts) -> Finding:
    periods = f.periods_played()
    quota_periods = set()
    for week, a in f.by_kind["set_quota"]:
        per = a.period if a.period is not None else f.record.period_of(week)
        quota_periods.add(per)
    reviews = [week for week, _ in f.by_kind["performance_review"]]
    # the periods reviewed: a review is of the period whose review window it falls in
    # (the period's last week, or the next one's first two), as the review screen opens
    reviewed = {p for p in map(f.record.period_of_review, reviews) if p is not None}
    moments = []
    for p in range(periods):
        if p not in quota_periods:
            moments.append(
                Moment(f.record.period_weeks_of(p)[0], "m.p1_no_quota", {"period": p + 1})
            )
    due = range(f.periods_done())  # the periods whose review has come
    for p in due:
        if p not in reviewed:
            moments.append(
                Moment(f.record.period_weeks_of(p)[1], "m.p1_no_review", {"period": p + 1})
            )
    moments.sort(key=lambda m: m.week)
    parts = [len(quota_periods & set(range(periods))) / periods]
    if due:  # each period ended is reviewed, or not: "any review" was full marks
        parts.append(len(reviewed & set(due)) / len(due))
    share = sum(parts) / len(parts)
    return Finding(
        "P1",
        status_of(share, 0.9, 0.4),
        Moment(
            0,
            "s.p1",
            {
                "set": len(quota_periods & set(range(periods))),
                "periods": periods,
                "reviews": len(reviews),
            },
        ),
        tuple(moments),
    )


def p2(f: Facts) -> Finding:
    """Quotas realistic and challenging, judged both ways.

    When set: the quota ÷ the rep's true capacity against the model's sweet spot
    (below ~0.9 reps coast, above ~1.35 confidence collapses). When the period
    is over: what the rep booked against it — half or less says it was out of
    reach, one and a half times or more says it asked too little (a quota the
    rep doubles teaches nothing about stretch, whatever it looked like when set).
    """
    moments, bad, total, crushing = [], 0, 0, 0
    for e in f.ev["action_effects"]:
        if e.data["action"] != "set_quota" or "difficulty" not in e.data["effects"]:
            continue
        d = float(e.data["effects"]["difficulty"])
        total += 1
        if P2_LOW <= d <= P2_HIGH:
            continue
        bad += 1
        crushing += d >= P2_CRUSHING
        key = "m.p2_too_high" if d > P2_HIGH else "m.p2_too_low"
        quota = float(e.data["effects"]["quota"])
        capacity = quota / d if d > 0 else 0.0
        values = {"rep": e.rep, "quota": quota, "x": f"{d:.2f}", "capacity": capacity}
        moments.append(Moment(e.week, key, values))
    if not total:
        return Finding("P2", MISSED if f.weeks_played >= 2 else UNTESTED, Moment(0, "s.p2_none"))
    # what each rep booked against their quotas over the periods they worked whole
    # (one period of project sales is a few big deals: luck; a season is a verdict)
    outcomes = []
    done = f.periods_done()
    for r in f.reps:
        whole = [
            per
            for per in range(done)
            if r.joined_week <= f.record.period_weeks_of(per)[0]
            and (r.left_week is None or r.left_week > f.record.period_weeks_of(per)[1])
            and r.quotas.get(per, 0.0) > 0
        ]
        if not whole:
            continue
        quota = sum(r.quotas[per] for per in whole)
        booked = sum(r.booked.get(per, 0.0) for per in whole)
        if booked <= 0:  # nothing sold at all says nothing of the quota (a hire's ramp)
            continue
        att = booked / quota
        total += 1
        if P2_EASY > att > P2_HARD:
            continue
        bad += 1
        key = "m.p2_too_easy" if att >= P2_EASY else "m.p2_too_hard"
        week = f.record.period_weeks_of(whole[-1])[1]
        values = {"rep": r.id, "quota": quota, "booked": booked, "pct": round(100 * att)}
        outcomes.append(Moment(week, key, values))
    moments.sort(key=lambda m: abs(float(m.values["x"]) - 1.15), reverse=True)
    status = status_of(1.0 - bad / total, 0.6, 0.3)
    if crushing and status == FOLLOWED:  # the others' being fine does not undo one crushed
        status = PARTLY
    return Finding(
        "P2",
        status,
        Moment(0, "s.p2", {"good": total - bad, "total": total}),
        tuple(moments[:5] + outcomes[:5]),
    )


def p3(f: Facts) -> Finding:
    """Knowing each rep's type: by an assessment, or by the manager's own read of what
    they saw — scored on when the read was made and whether it was right (and stayed so)."""
    reps = [r for r in f.reps if r.joined_week < f.weeks_played]
    given = {r.id for r in f.reps if r.revealed_by == "scenario"}
    hidden = [r for r in reps if r.id not in given]  # the types there were to find out
    if not hidden:
        return Finding("P3", UNTESTED, Moment(0, "s.p3_given"))
    moments = []
    assessed = {e.rep: e.week for e in f.ev["type_revealed"]}
    reads: dict[int, list[tuple[int, str | None]]] = {}
    for e in f.ev["type_read"]:
        if e.rep is not None:
            reads.setdefault(e.rep, []).append((e.week, e.data.get("type")))
    # in time: within half a season of the rep joining (a late hire has less time to show)
    half = f.record.scenario.weeks // 2
    known_when: dict[int, int] = {}
    for r in hidden:
        truth = r.type.value
        if r.id in assessed:
            known_when[r.id] = assessed[r.id]
            moments.append(Moment(assessed[r.id], "m.p3_assessed", {"rep": r.id, "type": truth}))
            continue
        mine = reads.get(r.id, [])
        # the week from which the read was right and stayed right to the end
        since = None
        for week, read in mine:
            since = (week if since is None else since) if read == truth else None
        for week, read in mine:
            if read is None:
                continue
            if read == truth:
                if week == since:
                    moments.append(Moment(week, "m.p3_read_right", {"rep": r.id, "type": read}))
            else:
                moments.append(
                    Moment(week, "m.p3_read_wrong", {"rep": r.id, "type": read, "truth": truth})
                )
        if since is not None:
            known_when[r.id] = since
        elif not any(read for _, read in mine):
            moments.append(Moment(f.last_week, "m.p3_never", {"rep": r.id, "type": truth}))
    early = {i for i, w in known_when.items() if w - f.reps[i].joined_week <= half}
    share = len(early) / len(hidden)
    return Finding(
        "P3",
        status_of(share, 0.75, 0.3),
        Moment(0, "s.p3", {"known": len(known_when), "total": len(hidden)}),
        tuple(sorted(moments, key=lambda m: m.week)),
    )


def _reactions(f: Facts, levers: set[str], mtype: MotivationType | None = None) -> list[Moment]:
    out = []
    for e in f.ev["reaction"]:
        if (
            e.data["lever"] in levers
            and e.rep is not None
            and (mtype is None or f.type_of(e.rep) == mtype)
            and e.data["mood"] != "flat"
        ):
            out.append(
                Moment(
                    e.week,
                    f"m.reaction_{e.data['mood']}",
                    {"rep": e.rep, "lever": e.data["lever"]},
                )
            )
    return out


def _of_type(f: Facts, mtype: MotivationType) -> list[int]:
    return [r.id for r in f.reps if r.type == mtype and r.joined_week < f.weeks_played]


def p4(f: Facts) -> Finding:
    comps = _of_type(f, MotivationType.COMPETITOR)
    if not comps:
        return Finding("P4", UNTESTED, Moment(0, "s.untested"))
    contests = len(f.by_kind["contest"])
    rivals = [a for _, a in f.by_kind["rival"] if a.rep in comps]
    moments = _reactions(f, {"contest", "rival"}, MotivationType.COMPETITOR)
    if not contests:
        rivalled = {a.rep for a in rivals}
        moments += [
            Moment(f.last_week, "m.p4_never", {"rep": c}) for c in comps if c not in rivalled
        ]
    used = contests > 0 or bool(rivals)
    status = FOLLOWED if contests and rivals else (PARTLY if used else MISSED)
    return Finding(
        "P4",
        status,
        Moment(0, "s.p4", {"contests": contests, "rivals": len(rivals), "n": len(comps)}),
        tuple(moments[:8]),
    )


def p5(f: Facts) -> Finding:
    ach = _of_type(f, MotivationType.ACHIEVER)
    if not ach:
        return Finding("P5", UNTESTED, Moment(0, "s.untested"))
    grown = {
        a.rep for k in ("development_plan", "autonomy") for _, a in f.by_kind[k] if a.rep in ach
    }
    moments = _reactions(f, {"development_plan", "autonomy"}, MotivationType.ACHIEVER)
    for r in ach:
        if r not in grown:
            moments.append(Moment(f.last_week, "m.p5_not_grown", {"rep": r}))
    return Finding(
        "P5",
        status_of(len(grown) / len(ach), 0.99, 0.01),
        Moment(0, "s.p5", {"grown": len(grown), "n": len(ach)}),
        tuple(moments[:8]),
    )


def p6(f: Facts) -> Finding:
    ego = _of_type(f, MotivationType.EGO_DRIVEN)
    novices = any(r.tenure_weeks < 52 * 1.5 or r.joined_week > 0 for r in f.reps)
    if not ego or not novices:
        return Finding("P6", UNTESTED, Moment(0, "s.untested"))
    made = [(w, a.mentor, a.novice) for w, a in f.by_kind["mentor"]]
    # a pair the scenario began with counts as the manager's while they kept it (a pair of
    # their own for that novice takes its place)
    ids = {spec.name: i for i, spec in enumerate(f.record.scenario.reps)}
    chosen = {novice for _, _, novice in made}
    kept = [
        (1, ids[spec.mentor], i)
        for i, spec in enumerate(f.record.scenario.reps)
        if spec.mentor in ids and i not in chosen
    ]
    pairs = kept + made
    ego_mentors = [pair for pair in pairs if pair[1] in ego]
    moments = [Moment(w, "m.p6_mentor_kept", {"rep": m, "novice": n}) for w, m, n in kept]
    moments += [Moment(w, "m.p6_mentor", {"rep": m, "novice": n}) for w, m, n in made]
    mentored = {n for _, _, n in pairs}
    moments += [  # told at the end of the game, or when they left
        Moment(r.left_week or f.last_week, "m.p6_no_mentor", {"novice": r.id})
        for r in f.reps
        if r.joined_week < f.weeks_played and r.tenure_weeks < 52 and r.id not in mentored
    ]
    moments.sort(key=lambda m: m.week)
    status = FOLLOWED if ego_mentors else (PARTLY if pairs else MISSED)
    return Finding(
        "P6",
        status,
        Moment(0, "s.p6", {"ego": len(ego_mentors), "pairs": len(pairs)})
        if pairs
        else Moment(0, "s.p6_none"),
        tuple(moments[:8]),
    )


def p7(f: Facts) -> Finding:
    svc = _of_type(f, MotivationType.SERVICE)
    if not svc:
        return Finding("P7", UNTESTED, Moment(0, "s.untested"))
    cared = {a.rep for _, a in f.by_kind["key_account"] if a.rep in svc}
    hurt = [
        m
        for m in _reactions(f, {"contest", "rival", "criticism_public"}, MotivationType.SERVICE)
        if m.key == "m.reaction_down"
    ]
    helped = _reactions(f, {"praise_private"}, MotivationType.SERVICE)
    share = len(cared) / len(svc)
    status = (
        FOLLOWED
        if share >= 0.99 and len(hurt) <= 2
        else (PARTLY if cared or len(hurt) <= 2 else MISSED)
    )
    return Finding(
        "P7",
        status,
        Moment(0, "s.p7", {"cared": len(cared), "n": len(svc), "hurt": len(hurt)}),
        tuple((hurt + helped)[:8]),
    )


def p8(f: Facts) -> Finding:
    talks = Counter(a.rep for _, a in f.by_kind["one_on_one"])
    moments, rates = [], []
    for r in f.reps:
        end = r.left_week if r.left_week is not None else f.weeks_played
        weeks = max(1, end - r.joined_week)
        if weeks < 4:
            continue
        per_month = talks.get(r.id, 0) / (weeks / 4.33)
        rates.append(per_month)
        if per_month < 2:
            moments.append(
                Moment(end, "m.p8_rare", {"rep": r.id, "n": talks.get(r.id, 0), "weeks": weeks})
            )
    meetings = len(f.by_kind["team_meeting"])
    share = sum(1 for x in rates if x >= 2) / len(rates) if rates else 0.0
    return Finding(
        "P8",
        status_of(share, 0.8, 0.3),
        Moment(
            0,
            "s.p8",
            {"ok": sum(1 for x in rates if x >= 2), "n": len(rates), "meetings": meetings},
        ),
        tuple(moments[:8]),
    )


def p9(f: Facts) -> Finding:
    public_crit = []
    praise = 0
    for week, a in f.by_kind["feedback"] + f.by_kind["performance_review"]:
        tone = getattr(a, "tone", None)
        if tone is None:
            continue
        if tone.value == "criticism" and a.public:
            public_crit.append(Moment(week, "m.p9_public_criticism", {"rep": a.rep}))
        if tone.value == "praise":
            praise += 1
    unfair = [Moment(e.week, "m.p9_unfair", {}) for e in f.ev["unfair_treatment"]]
    # a correction for someone on pace is no standard at all
    corrected = {
        (w, a.rep)
        for w, a in f.by_kind["feedback"] + f.by_kind["performance_review"]
        if getattr(a, "tone", None) is not None and a.tone.value == "criticism"
    }
    on_pace = [
        Moment(e.week, "m.p9_unfair_correction", {"rep": e.rep})
        for e in f.ev["action_effects"]
        if e.data["action"] in ("feedback", "performance_review")
        and e.data["effects"].get("unfair")
        and (e.week, e.rep) in corrected
    ]
    # public criticism is the lesson's breach, once is enough, and so are corrections of
    # people on pace, twice; unequal treatment spotted now and then is a warning (the team
    # compares), not a breach
    if public_crit or len(on_pace) >= 2:
        status = MISSED
    elif on_pace or len(unfair) > 4 or not praise:
        status = PARTLY
    else:
        status = FOLLOWED
    return Finding(
        "P9",
        status,
        Moment(0, "s.p9", {"public": len(public_crit), "praise": praise, "unfair": len(unfair)}),
        tuple((public_crit + on_pace + unfair)[:8]),
    )
