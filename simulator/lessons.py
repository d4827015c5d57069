"""The debrief's findings: which of the lessons P1–P18 a game followed, with the moments.

A score says *how well*; a debrief must say *why*. Each lesson of the
management model is checked against what the manager actually did (the
action log) and what happened (the event log), with the concrete moments a
trainer points to: "week 14: Li Na criticised in public", "Wang's quota
¥1.60M, booked ¥0.60M (38%)". After the game the hidden truths are no longer
hidden, so findings may use them (each rep's real type, who left and why).

Each finding carries a status — followed, partly, missed, or not tested when
the game gave no occasion (no novices to mentor, no promise made) — and its
moments as language-neutral keys with values, so the game and the trainer's
report tell them in English or Chinese (:mod:`simulator.texts`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from .core.types import MotivationType
from .scoring import Scorecard
from .session import Session

FOLLOWED, PARTLY, MISSED, UNTESTED = "followed", "partly", "missed", "untested"
P2_LOW, P2_HIGH = 0.9, 1.35  # quota ÷ true capacity: realistic and challenging
LESSONS = tuple(f"P{i}" for i in range(1, 19))


@dataclass(frozen=True)
class Moment:
    """One concrete moment behind a finding: a week (0 = the whole game), a text key, values."""

    week: int
    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    lesson: str
    status: str
    summary: Moment
    moments: tuple[Moment, ...] = ()


@dataclass(frozen=True)
class Story:
    """One rep's season: who they really were, when you found out, what moved them."""

    rep: int
    name: str
    name_zh: str
    type: str
    revealed_week: int | None
    revealed_by: str | None
    engagement_start: float
    engagement_end: float
    lifted_by: tuple[str, ...]  # levers that visibly lifted them, most often first
    put_off_by: tuple[str, ...]
    one_on_ones: int
    left_week: int | None
    left_reason: str | None
    results: tuple[tuple[float, float], ...]  # (quota, booked) of each period played


@dataclass(frozen=True)
class Debrief:
    findings: tuple[Finding, ...]
    stories: tuple[Story, ...]
    score: Scorecard
    book: Scorecard | None  # the same seed played by the handbook's policy
    revenue: tuple[float, ...] = ()  # cumulative booked revenue, week by week
    book_revenue: tuple[float, ...] = ()  # the same under the handbook's policy

    def finding(self, lesson: str) -> Finding:
        for f in self.findings:
            if f.lesson == lesson:
                return f
        raise KeyError(lesson)


def _status(share: float, good: float = 0.75, some: float = 0.25) -> str:
    if share >= good:
        return FOLLOWED
    return PARTLY if share >= some else MISSED


class _Facts:
    """What the logs say, gathered once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.world = w = session.world
        self.weeks_played = w.week if not w.finished else w.scenario.weeks
        self.done: list[tuple[int, Any]] = [(r.week, r.action) for r in session.action_log if r.ok]
        self.by_kind: dict[str, list[tuple[int, Any]]] = defaultdict(list)
        for week, a in self.done:
            self.by_kind[a.kind].append((week, a))
        self.events = [e for e in w.log.events]
        self.ev: dict[str, list] = defaultdict(list)
        for e in self.events:
            self.ev[e.kind].append(e)
        self.reps = w.reps

    def type_of(self, rep: int) -> MotivationType:
        return self.reps[rep].type

    def periods_played(self) -> int:
        w = self.world
        return w.period_of(max(1, self.weeks_played)) + 1

    def period_start_weeks(self, period: int) -> tuple[int, int]:
        first, _ = self.world.period_weeks_of(period)
        return first, first + 1


def _p1(f: _Facts) -> Finding:
    periods = f.periods_played()
    quota_periods = set()
    for week, a in f.by_kind["set_quota"]:
        per = a.period if a.period is not None else f.world.period_of(week)
        quota_periods.add(per)
    reviewed = Counter(f.world.period_of(week) for week, _ in f.by_kind["performance_review"])
    moments = []
    for p in range(periods):
        if p not in quota_periods:
            moments.append(
                Moment(f.world.period_weeks_of(p)[0], "m.p1_no_quota", {"period": p + 1})
            )
    for p in range(periods - (0 if f.world.finished else 1)):
        # reviews of period p happen in its last week or the next period's first weeks
        n = reviewed.get(p, 0) + reviewed.get(p + 1, 0)
        if n == 0:
            moments.append(
                Moment(f.world.period_weeks_of(p)[1], "m.p1_no_review", {"period": p + 1})
            )
    share = (
        len(quota_periods & set(range(periods))) / periods + (1 if sum(reviewed.values()) else 0)
    ) / 2
    return Finding(
        "P1",
        _status(share, 0.9, 0.4),
        Moment(
            0,
            "s.p1",
            {
                "set": len(quota_periods & set(range(periods))),
                "periods": periods,
                "reviews": sum(reviewed.values()),
            },
        ),
        tuple(moments),
    )


def _p2(f: _Facts) -> Finding:
    """Quota difficulty (quota ÷ the rep's true capacity when it was set) against the model's
    sweet spot: below ~0.85 reps coast, above ~1.4 confidence collapses."""
    moments, good, total = [], 0, 0
    for e in f.ev["action_effects"]:
        if e.data["action"] != "set_quota" or "difficulty" not in e.data["effects"]:
            continue
        d = float(e.data["effects"]["difficulty"])
        total += 1
        if P2_LOW <= d <= P2_HIGH:
            good += 1
            continue
        key = "m.p2_too_high" if d > P2_HIGH else "m.p2_too_low"
        moments.append(
            Moment(
                e.week, key, {"rep": e.rep, "quota": e.data["effects"]["quota"], "x": f"{d:.2f}"}
            )
        )
    if not total:
        return Finding("P2", MISSED if f.weeks_played >= 2 else UNTESTED, Moment(0, "s.p2_none"))
    moments.sort(key=lambda m: abs(float(m.values["x"]) - 1.15), reverse=True)
    return Finding(
        "P2",
        _status(good / total, 0.6, 0.3),
        Moment(0, "s.p2", {"good": good, "total": total}),
        tuple(moments[:8]),
    )


def _p3(f: _Facts) -> Finding:
    reps = [r for r in f.reps if r.joined_week < f.weeks_played]
    moments = []
    for e in f.ev["type_revealed"]:
        moments.append(
            Moment(
                e.week, "m.p3_revealed", {"rep": e.rep, "type": e.data["type"], "by": e.data["by"]}
            )
        )
    given = {r.id for r in f.reps if r.revealed_by == "scenario"}
    hidden = [r for r in reps if r.id not in given]  # the types there were to find out
    if not hidden:
        return Finding("P3", UNTESTED, Moment(0, "s.p3_given"))
    known = {e.rep for e in f.ev["type_revealed"]}
    # in time: within half a season of the rep joining (a late hire has less time to show)
    half = f.world.scenario.weeks // 2
    early = {e.rep for e in f.ev["type_revealed"] if e.week - f.reps[e.rep].joined_week <= half}
    for r in hidden:
        if r.id not in known:
            moments.append(Moment(0, "m.p3_never", {"rep": r.id, "type": r.type.value}))
    share = len({r.id for r in hidden} & early) / len(hidden)
    return Finding(
        "P3",
        _status(share, 0.75, 0.3),
        Moment(0, "s.p3", {"known": len({r.id for r in hidden} & known), "total": len(hidden)}),
        tuple(moments),
    )


def _reactions(f: _Facts, levers: set[str], mtype: MotivationType | None = None) -> list[Moment]:
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


def _of_type(f: _Facts, mtype: MotivationType) -> list[int]:
    return [r.id for r in f.reps if r.type == mtype and r.joined_week < f.weeks_played]


def _p4(f: _Facts) -> Finding:
    comps = _of_type(f, MotivationType.COMPETITOR)
    if not comps:
        return Finding("P4", UNTESTED, Moment(0, "s.untested"))
    contests = len(f.by_kind["contest"])
    rivals = [a for _, a in f.by_kind["rival"] if a.rep in comps]
    moments = _reactions(f, {"contest", "rival"}, MotivationType.COMPETITOR)
    used = contests > 0 or bool(rivals)
    status = FOLLOWED if contests and rivals else (PARTLY if used else MISSED)
    return Finding(
        "P4",
        status,
        Moment(0, "s.p4", {"contests": contests, "rivals": len(rivals), "n": len(comps)}),
        tuple(moments[:8]),
    )


def _p5(f: _Facts) -> Finding:
    ach = _of_type(f, MotivationType.ACHIEVER)
    if not ach:
        return Finding("P5", UNTESTED, Moment(0, "s.untested"))
    grown = {
        a.rep for k in ("development_plan", "autonomy") for _, a in f.by_kind[k] if a.rep in ach
    }
    moments = _reactions(f, {"development_plan", "autonomy"}, MotivationType.ACHIEVER)
    for r in ach:
        if r not in grown:
            moments.append(Moment(0, "m.p5_not_grown", {"rep": r}))
    return Finding(
        "P5",
        _status(len(grown) / len(ach), 0.99, 0.01),
        Moment(0, "s.p5", {"grown": len(grown), "n": len(ach)}),
        tuple(moments[:8]),
    )


def _p6(f: _Facts) -> Finding:
    ego = _of_type(f, MotivationType.EGO_DRIVEN)
    novices = any(r.tenure_weeks < 52 * 1.5 or r.joined_week > 0 for r in f.reps)
    if not ego or not novices:
        return Finding("P6", UNTESTED, Moment(0, "s.untested"))
    pairs = [(w, a) for w, a in f.by_kind["mentor"]]
    ego_mentors = [(w, a) for w, a in pairs if a.mentor in ego]
    moments = [Moment(w, "m.p6_mentor", {"rep": a.mentor, "novice": a.novice}) for w, a in pairs]
    status = FOLLOWED if ego_mentors else (PARTLY if pairs else MISSED)
    return Finding(
        "P6",
        status,
        Moment(0, "s.p6", {"ego": len(ego_mentors), "pairs": len(pairs)}),
        tuple(moments[:8]),
    )


def _p7(f: _Facts) -> Finding:
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


def _p8(f: _Facts) -> Finding:
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
                Moment(0, "m.p8_rare", {"rep": r.id, "n": talks.get(r.id, 0), "weeks": weeks})
            )
    meetings = len(f.by_kind["team_meeting"])
    share = sum(1 for x in rates if x >= 2) / len(rates) if rates else 0.0
    return Finding(
        "P8",
        _status(share, 0.8, 0.3),
        Moment(
            0,
            "s.p8",
            {"ok": sum(1 for x in rates if x >= 2), "n": len(rates), "meetings": meetings},
        ),
        tuple(moments[:8]),
    )


def _p9(f: _Facts) -> Finding:
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
    # public criticism is the lesson's breach; unequal treatment spotted now and then is a
    # warning (the team compares), not a breach
    if len(public_crit) > 2:
        status = MISSED
    elif public_crit or len(unfair) > 4 or not praise:
        status = PARTLY
    else:
        status = FOLLOWED
    return Finding(
        "P9",
        status,
        Moment(0, "s.p9", {"public": len(public_crit), "praise": praise, "unfair": len(unfair)}),
        tuple((public_crit + unfair)[:8]),
    )


def _p10(f: _Facts) -> Finding:
    weeks = {w for w, _ in f.by_kind["pipeline_review"]}
    for w, a in f.by_kind["delegate"]:
        if a.task.value == "pipeline_review":
            deputy = f.reps[a.deputy]
            until = deputy.left_week if deputy.left_week is not None else f.weeks_played
            weeks.update(range(w, until + 1))
    dropped = len(f.by_kind["drop_deal"])
    share = len(weeks) / max(1, f.weeks_played)
    moments = []
    gaps, last = [], 0
    for w in [*sorted(weeks), f.weeks_played + 1]:
        if w - last > 4:
            gaps.append((last + 1, w - 1))
        last = w
    for a, b in gaps[:5]:
        moments.append(Moment(a, "m.p10_gap", {"from": a, "to": b}))
    return Finding(
        "P10",
        _status(share, 0.75, 0.3),
        Moment(0, "s.p10", {"weeks": len(weeks), "of": f.weeks_played, "dropped": dropped}),
        tuple(moments),
    )


def _p11(f: _Facts) -> Finding:
    sizes = f.world.scenario.support
    if not (sizes.presales or sizes.consultants or sizes.executives or sizes.legal):
        return Finding("P11", UNTESTED, Moment(0, "s.untested"))
    given = f.ev["support_given"]
    if not f.by_kind["request_support"]:
        return Finding("P11", MISSED, Moment(0, "s.p11", {"right": 0, "n": 0}))
    right = sum(1 for e in given if e.data.get("right_stage"))
    wrong = [
        Moment(e.week, "m.p11_wrong_stage", {"pool": e.data["pool"], "stage": e.data["stage"]})
        for e in given
        if not e.data.get("right_stage")
    ]
    share = right / len(given) if given else 0.0
    return Finding(
        "P11",
        _status(share, 0.7, 0.4),
        Moment(0, "s.p11", {"right": right, "n": len(given)}),
        tuple(wrong[:6]),
    )


def _p12(f: _Facts) -> Finding:
    lost = f.ev["account_churned"]
    keys = len(f.by_kind["key_account"]) + len(f.by_kind["reassign_accounts"])
    n = len(f.world.accounts.names)
    moments = [
        Moment(e.week, "m.p12_lost", {"account": e.data["account"], "rep": e.rep}) for e in lost
    ][:6]
    share_lost = len(lost) / max(1, n)
    if keys and share_lost <= 0.03:
        status = FOLLOWED
    elif keys or share_lost <= 0.03:
        status = PARTLY
    else:
        status = MISSED
    return Finding(
        "P12", status, Moment(0, "s.p12", {"lost": len(lost), "assigned": keys}), tuple(moments)
    )


def _p13(f: _Facts) -> Finding:
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
    status = (
        FOLLOWED
        if light == len(dels) and len(slips) <= 1
        else (MISSED if all(a.supervision.value == "none" for _, a in dels) else PARTLY)
    )
    return Finding(
        "P13",
        status,
        Moment(0, "s.p13", {"n": len(dels), "light": light, "slips": len(slips)}),
        tuple(moments[:8]),
    )


def _p14(f: _Facts) -> Finding:
    deputies = {a.deputy for _, a in f.by_kind["delegate"]}
    shared = {a.deputy for _, a in f.by_kind["profit_share"]}
    veterans = [r.id for r in f.reps if r.veteran]
    honoured = {a.rep for _, a in f.by_kind["honour_veteran"]}
    if not deputies and not veterans:
        return Finding("P14", UNTESTED, Moment(0, "s.untested"))
    moments = [Moment(0, "m.p14_no_share", {"rep": d}) for d in deputies - shared]
    moments += [Moment(0, "m.p14_not_honoured", {"rep": v}) for v in veterans if v not in honoured]
    parts = []
    if deputies:
        parts.append(len(deputies & shared) / len(deputies))
    if veterans:
        parts.append(len(set(veterans) & honoured) / len(veterans))
    return Finding(
        "P14",
        _status(sum(parts) / len(parts), 0.99, 0.4),
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


def _p15(f: _Facts) -> Finding:
    kept, broken = f.ev["promise_kept"], f.ev["promise_broken"]
    if not kept and not broken:
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


def _p16(f: _Facts) -> Finding:
    routine = {w for k in ("one_on_one", "pipeline_review") for w, _ in f.by_kind[k]}
    share = len(routine) / max(1, f.weeks_played)
    return Finding(
        "P16",
        _status(share, 0.8, 0.4),
        Moment(0, "s.p16", {"weeks": len(routine), "of": f.weeks_played}),
    )


def _p17(f: _Facts) -> Finding:
    plans = f.by_kind["daily_plans"]
    calls = f.by_kind["call_analytics"]
    moments = [Moment(w, "m.p17_plans", {}) for w, _ in plans]
    moments += [Moment(w, "m.p17_calls", {}) for w, _ in calls]
    status = FOLLOWED if plans and calls else (PARTLY if plans or calls else MISSED)
    return Finding(
        "P17",
        status,
        Moment(0, "s.p17", {"plans": bool(plans), "calls": bool(calls)}),
        tuple(moments),
    )


def _p18(f: _Facts) -> Finding:
    periods = f.periods_played()
    goals = {f.world.period_of(w) for w, _ in f.by_kind["team_goal"]}
    meetings = len(f.by_kind["team_meeting"])
    training = len(f.by_kind["team_training"])
    months = max(1.0, f.weeks_played / 4.33)
    score = (len(goals) / periods + min(1.0, meetings / months) + (1.0 if training else 0.0)) / 3
    return Finding(
        "P18",
        _status(score, 0.75, 0.35),
        Moment(
            0,
            "s.p18",
            {"goals": len(goals), "periods": periods, "meetings": meetings, "training": training},
        ),
    )


CHECKS = (
    _p1,
    _p2,
    _p3,
    _p4,
    _p5,
    _p6,
    _p7,
    _p8,
    _p9,
    _p10,
    _p11,
    _p12,
    _p13,
    _p14,
    _p15,
    _p16,
    _p17,
    _p18,
)


def findings(session: Session) -> tuple[Finding, ...]:
    """Every lesson's finding for this game, P1 to P18."""
    facts = _Facts(session)
    return tuple(check(facts) for check in CHECKS)


def stories(session: Session) -> tuple[Story, ...]:
    """Each rep's season, from the first week to the last (or to the week they left)."""
    f = _Facts(session)
    talks = Counter(a.rep for _, a in f.by_kind["one_on_one"])
    revealed = {e.rep: e for e in f.ev["type_revealed"]}
    up: dict[int, Counter] = defaultdict(Counter)
    down: dict[int, Counter] = defaultdict(Counter)
    for e in f.ev["reaction"]:
        if e.data["mood"] == "up":
            up[e.rep][e.data["lever"]] += 1
        elif e.data["mood"] == "down":
            down[e.rep][e.data["lever"]] += 1
    start = {r: None for r in range(len(f.reps))}
    for spec_rep, rep in zip(session.scenario.reps, f.reps, strict=False):
        start[rep.id] = spec_rep.engagement
    out = []
    last_closed = f.world.period if not f.world.finished else f.world.scenario.periods
    for rep in f.reps:
        ev = revealed.get(rep.id)
        given = rep.revealed_by == "scenario"
        results = tuple(
            (rep.quotas.get(p, 0.0), rep.booked.get(p, 0.0))
            for p in range(last_closed)
            if p in rep.quotas
        )
        out.append(
            Story(
                rep=rep.id,
                name=rep.name,
                name_zh=rep.name_zh or rep.name,
                type=rep.type.value,
                revealed_week=0 if given else (ev.week if ev else None),
                revealed_by="scenario" if given else (ev.data["by"] if ev else None),
                engagement_start=float(
                    start[rep.id] if start[rep.id] is not None else rep.engagement
                ),
                engagement_end=float(rep.engagement),
                lifted_by=tuple(k for k, _ in up[rep.id].most_common(3)),
                put_off_by=tuple(k for k, _ in down[rep.id].most_common(3)),
                one_on_ones=talks.get(rep.id, 0),
                left_week=rep.left_week,
                left_reason=rep.left_reason,
                results=results,
            )
        )
    return tuple(out)


def by_the_book(session: Session) -> Session:
    """The same scenario and seed played to the end by the handbook's policy."""
    from .policies import make_policy

    book = Session(session.scenario, session.seed, make_policy("by_the_book"))
    book.run()
    return book


def debrief(session: Session, compare: bool = True) -> Debrief:
    """Findings, stories, the score and (optionally) the handbook's game on the same seed."""
    book = by_the_book(session) if compare else None
    return Debrief(
        findings=findings(session),
        stories=stories(session),
        score=session.score(),
        book=book.score() if book is not None else None,
        revenue=tuple(m.revenue for m in session.world.metrics.weeks),
        book_revenue=tuple(m.revenue for m in book.world.metrics.weeks) if book else (),
    )
