"""Checks that need the whole scenario: names that must exist, sums that must add up.

The schema checks each field on its own (a probability is in 0..1). These
rules look across fields: a mentor must be on the team, an event's choice
must name an existing default, a message may only use ``{rep}`` when the
event is about a rep. Each finding is ``(path, message)`` so the loader can
put it at the right line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..core.params import ModelParams
from ..files import shortened
from .params_check import check_params
from .schema import Effects, Event, ScenarioFile

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
REP_PLACEHOLDERS = {"rep"}
DEAL_PLACEHOLDERS = {"account", "value"}

Finding = tuple[str, str]


def _unique(names: list[str], path: str, what: str, key: str = "name") -> Iterator[Finding]:
    """Names a player could not tell apart are one name: compared as read (compatible
    forms folded, case ignored), so "Li Na" and "li na" are two reps called 'Li Na'."""
    seen: dict[str, str] = {}
    for i, n in enumerate(names):
        if not n:
            continue  # left out (a Chinese name not given)
        # (spaces as read too: "Ann  Lee" with two is "Ann Lee" on every page)
        read = " ".join(unicodedata.normalize("NFKC", n).casefold().split())
        if read in seen:
            first = seen[read]
            also = "" if first == n else f" (and {first!r})"
            yield f"{path}.{i}.{key}", f"two {what}s are called {n!r}{also}"
        seen.setdefault(read, n)


def _known(value: str | None, names: list[str], path: str, what: str) -> Iterator[Finding]:
    if value is None or value in names:
        return
    import difflib

    close = difflib.get_close_matches(value, names, n=1) if len(value) < 200 else []
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    given = repr(shortened(value, 60))
    if not names:
        yield path, f"no {what} is called {given}; the file names no {what}s"
        return
    listed = ", ".join(repr(n) for n in names[:8])
    yield path, f"no {what} is called {given}{hint}; the {what}s are {listed}"


def cross_references(data: Any) -> Iterator[Finding]:
    """The names one part of a file gives another (a rep's mentor, an account's owner and
    segment, an event's rep and segment), checked on the file's plain data: so a file
    with other mistakes still hears about these in the same pass."""

    def items(value: Any) -> list[tuple[int, dict[str, Any]]]:
        return (
            [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]
            if isinstance(value, list)
            else []
        )

    if not isinstance(data, dict):
        return
    reps = [r["name"] for _, r in items(data.get("reps")) if isinstance(r.get("name"), str)]
    market: dict[str, Any] = data["market"] if isinstance(data.get("market"), dict) else {}
    segments = [
        g["name"] for _, g in items(market.get("segments")) if isinstance(g.get("name"), str)
    ]
    for i, r in items(data.get("reps")):
        if isinstance(r.get("mentor"), str):
            yield from _known(r["mentor"], reps, f"reps.{i}.mentor", "rep")
    for i, a in items(data.get("accounts")):
        if isinstance(a.get("segment"), str):
            yield from _known(a["segment"], segments, f"accounts.{i}.segment", "segment")
        if isinstance(a.get("owner"), str):
            yield from _known(a["owner"], reps, f"accounts.{i}.owner", "rep")
    for i, ev in items(data.get("events")):
        trigger: dict[str, Any] = ev["trigger"] if isinstance(ev.get("trigger"), dict) else {}
        if isinstance(trigger.get("rep"), str):
            yield from _known(trigger["rep"], reps, f"events.{i}.trigger.rep", "rep")
        named = trigger.get("with_reps")
        for j, name in enumerate(named if isinstance(named, list) else []):
            if isinstance(name, str):
                yield from _known(name, reps, f"events.{i}.trigger.with_reps.{j}", "rep")
        if isinstance(trigger.get("segment"), str):
            yield from _known(
                trigger["segment"], segments, f"events.{i}.trigger.segment", "segment"
            )


MOST_ACCOUNTS = 50_000  # a year with this many accounts plays in about 6 s
MOST_LEADS = 100_000  # 25,000 leads a year play in 6 s, 200,000 in a minute (2 cores)
# the funnel held open at once (leads a year × cycle in years, as the inherited funnel
# starts), and that funnel over the game's weeks: 36,000 open deals over a year (1.9
# million deal-weeks) play in 7 s; 190,000 open (10 million) took a minute and a half
MOST_OPEN = 50_000
DAYS_A_YEAR = 260  # working days: an account brings at most one new deal on each
MOST_DEAL_WEEKS = 3_000_000


def _lead_boost(params: dict[str, Any], weeks: int) -> float:
    """How many times the model's numbers in a ``params:`` block can raise the leads a
    market brings, against the model's own (1 when they do not, or are not usable: their
    problems are told on their own). Each number that raises demand counts at its
    strongest: the lead factor's cap and the prospecting skill's base, the relationship's
    base, a boom, and the potential's growth over the game."""
    if not params or check_params(params):
        return 1.0
    ours, theirs = (
        ModelParams(),
        ModelParams().with_overrides(
            {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
        ),
    )
    days = weeks * 5

    def strength(p: ModelParams) -> float:
        lead = p.max_lead_factor * (p.lead_skill_base + 1.0) * (1.0 + p.fit_hunt * 0.5)
        growth = math.exp(max(0.0, p.growth_rate * (1.0 - p.growth_neutral)) * days)
        return lead * (p.demand_relationship_base + 1.0) * max(1.0, p.boom_leads) * growth

    return max(1.0, strength(theirs) / strength(ours))


def _workload(s: ScenarioFile) -> Iterator[Finding]:
    """The new opportunities over the game, and the funnel open at once, kept to what plays
    in under a minute and 1 GB. A named account brings leads as its potential is to its
    segment's typical one, at most one a working day (as the market's days draw them)."""
    seg_of = {g.name: g for g in s.market.segments}
    named = [
        (min(DAYS_A_YEAR, s.market.lead_rate * g.lead_rate * a.potential / g.potential), g)
        for a in s.accounts
        if (g := seg_of.get(a.segment)) is not None
    ]
    years = s.weeks / 52
    by_segment = sum(g.accounts * g.lead_rate for g in s.market.segments) * s.market.lead_rate
    by_name = sum(rate for rate, _ in named)
    # told where the most of it comes from: the segments, or the accounts named by hand
    where, why = "market.segments", "accounts × lead_rate × years"
    if by_name > by_segment:
        where, why = "accounts", "mostly from named accounts, each bringing leads as its "
        why += "potential is to its segment's"
    # the model's own numbers may raise every account's demand: the estimate rises with
    # them, up to one new deal a working day for every account
    boost = _lead_boost(s.params, s.weeks)
    if boost > 1:
        shown = f"{boost:,.0f}" if boost >= 10 else f"{boost:.1f}"
        where, why = "params", f"{why}, × about {shown} from the params: block"
    accounts = sum(g.accounts for g in s.market.segments) + len(s.accounts)
    most_a_year = accounts * DAYS_A_YEAR
    leads = min(most_a_year, (by_segment + by_name) * boost) * years
    if leads > MOST_LEADS:
        yield (
            where,
            (
                f"about {leads:,.0f} new opportunities over the game ({why}); at most "
                f"{MOST_LEADS:,} (a game must play in under a minute)"
            ),
        )
    # deals that take long to close stay open: a cycle of a thousand months validated,
    # then filled 10 GB with an inherited funnel of millions of deals
    funnel = s.market.lead_rate * sum(
        g.accounts * g.lead_rate * (g.cycle_months[0] + g.cycle_months[1]) / 24
        for g in s.market.segments
    )
    funnel += sum(rate * (g.cycle_months[0] + g.cycle_months[1]) / 24 for rate, g in named)
    longest = max((g.cycle_months[1] for g in s.market.segments), default=0) / 12
    funnel = min(most_a_year * longest, funnel * boost)
    if funnel > MOST_OPEN or funnel * s.weeks > MOST_DEAL_WEEKS:
        why = why.replace("years", "the cycle in years")
        yield (
            where,
            (
                f"about {funnel:,.0f} deals open at once ({why}), over {s.weeks} weeks; "
                f"at most {MOST_OPEN:,} open, and {MOST_DEAL_WEEKS:,} open deals × weeks "
                "(a game must play in under a minute and under 1 GB): shorten cycle_months, "
                "or use fewer accounts or leads"
            ),
        )


def check(s: ScenarioFile) -> list[Finding]:
    """Every cross-field problem in a schema-valid scenario."""
    return list(_check(s))


def _check(s: ScenarioFile) -> Iterator[Finding]:
    reps = [r.name for r in s.reps]
    segments = [g.name for g in s.market.segments]
    yield from _unique(reps, "reps", "rep")
    # as the Chinese game names them: a rep without a Chinese name goes by the English one
    # (two alike in English without Chinese names are told once, above)
    told = {path for path, _ in _unique(reps, "reps", "rep")}
    for path, message in _unique([r.name_zh or r.name for r in s.reps], "reps", "rep", "name_zh"):
        i = int(path.split(".")[1])
        if s.reps[i].name_zh or f"reps.{i}.name" not in told:
            yield path, message
    yield from _unique(segments, "market.segments", "segment")
    yield from _unique([a.name for a in s.accounts], "accounts", "account")
    accounts = sum(g.accounts for g in s.market.segments) + len(s.accounts)
    if accounts == 0:
        yield "market.segments", "the market has no accounts: give a segment accounts above 0"
    # what a game costs grows with its accounts and the leads they bring: kept to what
    # plays in under a minute and under 1 GB on a two-core machine (the authoring guide)
    if accounts > MOST_ACCOUNTS:
        yield (
            "market.segments",
            (
                f"{accounts:,} accounts in all; at most {MOST_ACCOUNTS:,} (a game must play in "
                "under a minute)"
            ),
        )
    yield from _workload(s)
    for i, lesson in enumerate(s.teaches):
        if lesson in s.teaches[:i]:
            yield f"teaches.{i}", f"{lesson} is named twice"
    tenure = {r.name: r.tenure_years for r in s.reps}
    for i, r in enumerate(s.reps):
        yield from _known(r.mentor, reps, f"reps.{i}.mentor", "rep")
        if r.mentor == r.name:
            yield f"reps.{i}.mentor", "a rep cannot mentor themselves"
        elif r.mentor in tenure and r.tenure_years >= 1:
            # as at the desk: a mentor is for a newcomer, and comes from past the first year
            yield (
                f"reps.{i}.mentor",
                f"only a rep in their first year has a mentor ({r.name!r} has "
                f"{r.tenure_years:g} years; tenure_years under 1 is a newcomer)",
            )
        elif r.mentor in tenure and tenure[r.mentor] < 1:
            yield (
                f"reps.{i}.mentor",
                f"{r.mentor!r} is in their first year too; a mentor must be past it",
            )
    mentors = [r.mentor for r in s.reps if r.mentor]
    for name in {m for m in mentors if mentors.count(m) > 1}:
        i = reps.index(name) if name in reps else 0
        yield f"reps.{i}.name", f"{name!r} is named as mentor of more than one rep; one at a time"
    for i, a in enumerate(s.accounts):
        yield from _known(a.segment, segments, f"accounts.{i}.segment", "segment")
        yield from _known(a.owner, reps, f"accounts.{i}.owner", "rep")
        if a.key and not a.owner:
            yield f"accounts.{i}.key", "a key account needs an owner"
    total = sum(s.scoring.model_dump().values())
    if abs(total - 1.0) > 0.005:
        yield "scoring", f"the weights add up to {total:.3g}; they must add up to 1"
    m = s.manager
    if m.admin_hours >= m.hours_per_week:
        yield (
            "manager.admin_hours",
            (f"{m.admin_hours:g} admin hours leave nothing of a {m.hours_per_week:g}-hour week"),
        )
    if m.max_headcount < len(s.reps):
        yield (
            "manager.max_headcount",
            (f"is {m.max_headcount} but the team already has {len(s.reps)} reps"),
        )
    if s.period_weeks > s.weeks:
        yield (
            "period_weeks",
            f"a period of {s.period_weeks} weeks is longer than the game ({s.weeks} weeks)",
        )
    yield from _unique([e.id for e in s.events], "events", "event", key="id")
    for i, ev in enumerate(s.events):
        yield from _check_event(s, ev, f"events.{i}", reps, segments)


def _texts(ev: Event) -> Iterator[tuple[str, str]]:
    for key in ("title", "message"):
        t = getattr(ev, key)
        yield key + ".en", t.en
        yield key + ".zh", t.zh
    for j, c in enumerate(ev.choices):
        yield f"choices.{j}.text.en", c.text.en
        yield f"choices.{j}.text.zh", c.text.zh
        reply = c.effects.reply
        if reply is not None:
            yield f"choices.{j}.effects.reply.en", reply.en
            yield f"choices.{j}.effects.reply.zh", reply.zh


def _check_event(
    s: ScenarioFile, ev: Event, path: str, reps: list[str], segments: list[str]
) -> Iterator[Finding]:
    t = ev.trigger
    yield from _known(t.rep, reps, f"{path}.trigger.rep", "rep")
    for j, name in enumerate(t.with_reps):
        yield from _known(name, reps, f"{path}.trigger.with_reps.{j}", "rep")
        if name == t.rep:
            yield (
                f"{path}.trigger.with_reps.{j}",
                f"{name!r} is the event's rep already; with_reps names the others it mentions",
            )
        elif name in t.with_reps[:j]:
            yield f"{path}.trigger.with_reps.{j}", f"{name!r} is named twice"
    yield from _known(t.segment, segments, f"{path}.trigger.segment", "segment")
    about_deal = t.deal_reaches is not None or t.deal_at is not None
    if t.segment is not None and not about_deal:
        yield (
            f"{path}.trigger.segment",
            "only a deal trigger (deal_reaches, deal_at) uses a segment",
        )
    if t.deal_reaches is not None and t.deal_at is not None:
        yield (
            f"{path}.trigger.deal_at",
            "give deal_reaches (this stage or further on) or deal_at (at this stage now), not both",
        )
    if t.week > s.weeks:
        yield f"{path}.trigger.week", f"week {t.week} is after the game's last week ({s.weeks})"
    if t.until_week is not None and t.until_week < t.week:
        yield f"{path}.trigger.until_week", "is before the trigger's week"
    about_rep = (
        t.rep is not None
        or about_deal
        or t.novice is not None
        or any(
            v is not None
            for v in (t.engagement_below, t.confidence_below, t.trust_below, t.stress_above)
        )
    )
    n = len(ev.choices)
    if n == 1:
        yield (
            f"{path}.choices",
            ("a decision needs two to four choices; leave choices out for a notice"),
        )
    ids = [c.id for c in ev.choices]
    for j, cid in enumerate(ids):
        if cid in ids[:j]:
            yield f"{path}.choices.{j}.id", f"two choices are called {cid!r}"
    if ev.default is not None:
        if not ev.choices:
            yield f"{path}.default", "a notice has no choices to default to"
        else:
            yield from _known(ev.default, ids, f"{path}.default", "choice")
    if sum(c.handbook for c in ev.choices) > 1:
        yield f"{path}.choices", "mark at most one choice as the handbook's"
    for sub, text in _texts(ev):
        for name in PLACEHOLDER.findall(text):
            where = f"{path}.{sub.rsplit('.', 1)[0]}"
            if name in REP_PLACEHOLDERS and not about_rep:
                yield (
                    where,
                    (
                        "uses {" + name + "} but the event is not about a rep "
                        "(give trigger.rep, a rep condition, deal_reaches or deal_at)"
                    ),
                )
            elif name in DEAL_PLACEHOLDERS and not about_deal:
                yield (
                    where,
                    "uses {" + name + "} but the event is not about a deal (deal_reaches, deal_at)",
                )
            elif name not in REP_PLACEHOLDERS | DEAL_PLACEHOLDERS:
                yield where, "unknown placeholder {" + name + "}; use {rep}, {account} or {value}"
    for j, c in enumerate(ev.choices):
        yield from _check_effects(c.effects, f"{path}.choices.{j}.effects", about_rep, about_deal)


def _check_effects(e: Effects, path: str, about_rep: bool, about_deal: bool) -> Iterator[Finding]:
    if not about_rep:
        for key in ("rep", "promise", "outside_offer_weeks"):
            if getattr(e, key):
                yield f"{path}.{key}", "the event is not about a rep, so there is nobody to affect"
        for key in ("rep_leaves", "reveal_type", "cancel_outside_offer", "delegate"):
            if getattr(e, key):
                yield f"{path}.{key}", "the event is not about a rep, so there is nobody to affect"
        if e.lever is not None and e.lever != "contest":
            yield f"{path}.lever", "the event is not about a rep, so there is nobody to say it to"
    if e.deal is not None and not about_deal:
        yield f"{path}.deal", "the event is not about a deal (give trigger.deal_reaches or deal_at)"
