"""Controlled setups for behavioural tests: small worlds where one thing differs."""

from __future__ import annotations

from dataclasses import replace

from simulator.api import Action
from simulator.api.plan import apply_action
from simulator.core.rng import Streams
from simulator.core.spec import (
    ChoiceSpec,
    EffectSpec,
    EventSpec,
    ManagerSpec,
    MarketSpec,
    PromiseSpec,
    RepSpec,
    Scenario,
    SegmentSpec,
    Skills,
    StateChange,
    Text,
    TriggerSpec,
)
from simulator.core.types import MotivationType as T
from simulator.core.world import World
from simulator.session import Session

TYPES = (T.COMPETITOR, T.ACHIEVER, T.EGO_DRIVEN, T.SERVICE)
C, A, E, S = TYPES

# The lever table of docs/model.md §3: how each type answers each lever
# (++ strong, + mild, 0 none, − harm, −− more, −−− most).
LEVER_TABLE: dict[str, dict[T, str]] = {
    "contest": {C: "++", A: "+", E: "+", S: "-"},
    "rival": {C: "++", A: "0", E: "-", S: "--"},
    "praise_public": {C: "+", A: "+", E: "++", S: "+"},
    "praise_private": {C: "+", A: "+", E: "+", S: "++"},
    "criticism_public": {C: "-", A: "--", E: "---", S: "--"},
    "criticism_private": {C: "+", A: "+", E: "-", S: "0"},
    "development_plan": {C: "+", A: "++", E: "+", S: "0"},
    "autonomy": {C: "0", A: "++", E: "-", S: "-"},
    "mentor": {C: "0", A: "+", E: "++", S: "+"},
    "deputy": {C: "+", A: "++", E: "+", S: "0"},
    "key_account": {C: "-", A: "0", E: "0", S: "++"},
    "bonus": {C: "+", A: "+", E: "+", S: "+"},
}

NAMES = ("Ann", "Bo", "Cai", "Dan", "Eva", "Fei", "Gao", "Hua", "Ivy", "Jun", "Kai", "Lin")


def rep(name: str, mtype: T, **kw) -> RepSpec:
    """A rep with neutral mood (engagement 0.65, trust 0.6): levers act at face value."""
    base = {"skills": Skills(0.55, 0.55, 0.55, 0.55), "tenure_years": 3.0}
    base.update(kw)
    return RepSpec(name=name, type=mtype, **base)


def team(*types: T, **kw) -> tuple[RepSpec, ...]:
    return tuple(rep(NAMES[i], t, **kw) for i, t in enumerate(types))


def market(scale: int = 1, **kw) -> MarketSpec:
    segs = (
        SegmentSpec(
            "enterprise",
            15 * scale,
            2_000_000,
            600_000,
            cycle_months=(6, 12),
            win_rate=0.35,
            lead_rate=1.5,
            big_deal=900_000,
        ),
        SegmentSpec(
            "midmarket",
            30 * scale,
            800_000,
            250_000,
            cycle_months=(4, 8),
            win_rate=0.4,
            lead_rate=1.0,
        ),
        SegmentSpec(
            "small", 40 * scale, 250_000, 100_000, cycle_months=(3, 4), win_rate=0.45, lead_rate=0.8
        ),
    )
    opts = {"segments": segs, "event_rate": 0.0}
    opts.update(kw)
    return MarketSpec(**opts)


def scenario(reps: tuple[RepSpec, ...] | None = None, weeks: int = 26, **kw) -> Scenario:
    """A quiet world: no random market events, four reps (one of each type) by default."""
    reps = reps if reps is not None else team(*TYPES)
    opts = {
        "title": Text("test"),
        "reps": reps,
        "market": market(),
        "weeks": weeks,
        "period_weeks": 13,
        "team_target": (1_000_000.0 * len(reps),),
        "manager": ManagerSpec(budget_per_period=100_000.0),
    }
    opts.update(kw)
    return Scenario(**opts)


def world(scn: Scenario | None = None, seed: int = 0) -> World:
    return World(scn or scenario(), Streams(seed))


def session(scn: Scenario | None = None, seed: int = 0, policy=None) -> Session:
    return Session(scn or scenario(), seed, policy)


def act(w: World, action: Action):
    """Apply an action and insist it was accepted."""
    result = apply_action(w, action)
    assert result.ok, result.reason
    return result


def rep_of(w: World, mtype: T):
    return next(r for r in w.reps if r.type is mtype)


def quiet(scn: Scenario) -> Scenario:
    """No resignations: outcome tests then compare like with like."""
    return replace(scn, params=replace(scn.params, quit_base=0.0))


def run_weeks(w: World, n: int, each_week=None) -> None:
    for _ in range(n):
        if w.finished:
            return
        if each_week is not None:
            each_week(w)
        w.run_week()


def set_quota_ratio(w: World, ratio: float) -> None:
    """Every rep's quota this period at ``ratio`` × their true capacity."""
    w.refresh_capacity()
    for r in w.active_reps:
        r.quotas[w.period] = ratio * r.capacity


def everyone(x: float) -> dict[T, float]:
    return {t: x for t in TYPES}


def offer_event(**trigger) -> EventSpec:
    """Ann has an outside offer: match it, promise a title, or let her go."""
    return EventSpec(
        id="offer",
        title=Text("{rep} has an offer", "{rep}收到邀请"),
        message=Text("A rival firm wants {rep}.", "竞争对手想挖{rep}。"),
        trigger=TriggerSpec(**({"week": 2, "rep": "Ann"} | trigger)),
        choices=(
            ChoiceSpec(
                "match",
                Text("Match it", "匹配"),
                EffectSpec(
                    money=20_000,
                    hours=2,
                    rep=StateChange(engagement=everyone(0.10)),
                    cancel_outside_offer=True,
                    reply=Text("She stays.", "她留下了。"),
                ),
                handbook=True,
            ),
            ChoiceSpec(
                "promise",
                Text("Promise a title", "承诺头衔"),
                EffectSpec(promise=PromiseSpec(10_000, Text("a title"), "none", 3)),
            ),
            ChoiceSpec("let_go", Text("Let her go", "让她走"), EffectSpec(rep_leaves=True)),
        ),
        default="let_go",
        respond_weeks=2,
    )
