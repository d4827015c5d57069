"""Scripted events: the scenario's inbox messages, their triggers and their choices.

A trainer writes situations the handbook has lessons for ("Zhang has an
outside offer", "head office raises the target"). Each fires once, at the
start of a week, when its trigger holds: from a given week on, and, when it
names conditions, once a rep's real state or a deal's stage meets them. It
lands in the manager's inbox. A notice just informs; a decision offers two to
four choices, each with effects on people, money, the market, a deal or the
targets, and possibly a promise the model then tracks like any other. An
unanswered decision expires after ``respond_weeks`` and its ``default``
choice (if the scenario names one) happens anyway: not deciding is a decision.

The trigger's chance draws from the ``script.<event id>`` stream, keyed by week, so
the same seed fires the same events whatever else the manager did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .spec import (
    ChoiceSpec,
    DelegationSpec,
    EffectSpec,
    EventSpec,
    StateChange,
    Text,
    choice_word,
    fill_in,
)
from .types import Stage

if TYPE_CHECKING:
    from .deal import Deal
    from .rep import Rep
    from .world import World


@dataclass
class InboxItem:
    """One fired event waiting for (or past) the manager's answer."""

    id: int
    event: EventSpec
    week: int
    deadline: int  # last week the manager can answer
    rep: int | None = None
    deal: int | None = None
    status: str = "open"  # open, answered, expired, notice
    choice: str | None = None
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # placeholders, by language
    # texts already filled (an item's values never change once it has fired)
    _filled: dict[Text, Text] = field(default_factory=dict, repr=False, compare=False)

    @property
    def title(self) -> Text:
        return self.fill(self.event.title)

    @property
    def message(self) -> Text:
        return self.fill(self.event.message)

    def fill(self, text: Text) -> Text:
        """``text`` with this item's ``{rep}``, ``{account}`` and ``{value}`` filled in."""
        done = self._filled.get(text)
        if done is None:
            done = self._filled[text] = Text(
                fill_in(text.en, self.values.get("en", {})),
                fill_in(text.zh, self.values.get("zh", {})),
            )
        return done


PACE_WEEKS = 3  # attainment conditions wait this many weeks into a period


def _clip(x: float) -> float:
    return min(1.0, max(0.0, x))


class Script:
    """Fires the scenario's events and applies the choices made on them."""

    def __init__(self, events: tuple[EventSpec, ...]) -> None:
        self.events = events
        self.fired: set[str] = set()
        self.items: list[InboxItem] = []

    # ------------------------------------------------------------- triggers
    def open_week(self, world: World) -> None:
        """Fire every event whose trigger holds at the start of this week."""
        for ev in self.events:
            if ev.id in self.fired:
                continue
            t = ev.trigger
            if world.week < t.week or (t.until_week is not None and world.week > t.until_week):
                continue
            found = self._match(world, ev)
            if found is None:
                continue
            if t.chance < 1.0:
                u = float(world.streams.weekly(f"script.{ev.id}", world.week).random())
                if u >= t.chance:
                    continue
            self._fire(world, ev, *found)

    def _match(self, world: World, ev: EventSpec) -> tuple[int | None, int | None] | None:
        """(rep, deal) the event is about when its conditions hold now, else None.

        Without a named rep, a rep condition or a deal condition the event is
        about the team, and attainment conditions read the team's pace.
        """
        t = ev.trigger
        team = world.active_reps
        if t.headcount_below is not None and len(team) >= t.headcount_below:
            return None
        if t.not_delegated is not None and t.not_delegated in world.manager.delegations:
            return None  # an offer to take over work somebody already does
        if t.with_reps and not set(t.with_reps) <= {r.name for r in team}:
            return None  # a message naming someone who has left
        paced = t.attainment_below is not None or t.attainment_above is not None
        first, _ = world.period_weeks_of(world.period)
        if paced and world.week - first < PACE_WEEKS:
            return None  # a pace means little in a period's first weeks
        about_rep = t.rep is not None or t.rep_conditions or t.about_deal or t.novice is not None
        if not about_rep:
            pace = world.team_pace()
            if t.attainment_below is not None and pace >= t.attainment_below:
                return None
            if t.attainment_above is not None and pace <= t.attainment_above:
                return None
            return None, None
        if t.rep is not None:
            team = [r for r in team if r.name == t.rep]
        elif t.with_reps:  # the others a message names are never its {rep} too
            team = [r for r in team if r.name not in t.with_reps]
        if t.novice is not None:
            team = [r for r in team if r.novice == t.novice]
        team = [
            r
            for r in team
            if self._pace_ok(world, r, t.attainment_below, True)
            and self._pace_ok(world, r, t.attainment_above, False)
        ]
        if t.rep_conditions:  # whoever meets them most clearly first
            margin = {r.id: self._margin(r, ev) for r in team}
            team = sorted(
                (r for r in team if margin[r.id] is not None),
                key=lambda r: (-(margin[r.id] or 0.0), r.id),
            )
        if not team:
            return None  # nobody fits (or the named rep has left)
        if t.about_deal:
            deal = self._deal(world, ev, {r.id for r in team})
            return None if deal is None else (deal.rep, deal.id)
        return team[0].id, None

    @staticmethod
    def _pace_ok(world: World, rep: Rep, level: float | None, below: bool) -> bool:
        if level is None:
            return True
        pace = world.pace(rep)
        return pace < level if below else pace > level

    @staticmethod
    def _margin(rep: Rep, ev: EventSpec) -> float | None:
        """How clearly the rep meets the rep conditions (None: does not)."""
        t = ev.trigger
        margin = 0.0
        for value, level, below in (
            (rep.engagement, t.engagement_below, True),
            (rep.confidence, t.confidence_below, True),
            (rep.trust, t.trust_below, True),
            (rep.stress, t.stress_above, False),
        ):
            if level is None:
                continue
            gap = level - value if below else value - level
            if gap <= 0:
                return None
            margin += gap
        return margin

    @staticmethod
    def _deal(world: World, ev: EventSpec, reps: set[int]) -> Deal | None:
        t = ev.trigger
        stage = t.deal_reaches if t.deal_reaches is not None else Stage.QUALIFICATION
        best = None
        for d in world.open.values():
            if d.zombie or d.rep is None or d.rep not in reps or d.stage < stage:
                continue
            if t.deal_at and d.stage not in t.deal_at:
                continue
            if d.value < t.min_value:
                continue
            if t.segment is not None:
                seg = world.accounts.segment_names[int(world.accounts.segment[d.account])]
                if seg != t.segment:
                    continue
            if best is None or (d.value, -d.id) > (best.value, -best.id):
                best = d
        return best

    def _fire(self, world: World, ev: EventSpec, rep_id: int | None, deal_id: int | None) -> None:
        self.fired.add(ev.id)
        values: dict[str, str] = {}
        values_zh: dict[str, str] = {}
        if rep_id is not None:
            rep = world.reps[rep_id]
            values["rep"] = rep.name
            values_zh["rep"] = rep.name_zh or rep.name
        if deal_id is not None:
            deal = world.deals[deal_id]
            values["account"] = world.accounts.names[deal.account]
            values_zh["account"] = world.accounts.names_zh[deal.account]
            values["value"], values_zh["value"] = _amount(deal.value)
        item = InboxItem(
            id=len(self.items) + 1,
            event=ev,
            week=world.week,
            deadline=world.week + ev.respond_weeks - 1,
            rep=rep_id,
            deal=deal_id,
            status="open" if ev.choices else "notice",
            values={"en": values, "zh": values_zh},
        )
        self.items.append(item)
        world.event("inbox", rep_id, item=item.id, event=ev.id, deal=deal_id)

    # ------------------------------------------------------------- answers
    def open_items(self) -> list[InboxItem]:
        return [i for i in self.items if i.status == "open"]

    def item(self, item_id: int) -> InboxItem | None:
        if isinstance(item_id, int) and 1 <= item_id <= len(self.items):
            return self.items[item_id - 1]
        return None

    def close_week(self, world: World) -> None:
        """Decisions left unanswered past their deadline take their default course."""
        for item in self.items:
            if item.status != "open" or world.week < item.deadline:
                continue
            item.status = "expired"
            default = item.event.choice(item.event.default) if item.event.default else None
            effects: dict[str, Any] = {}
            if default is not None:
                item.choice = default.id
                effects = apply_choice(world, item, default, defaulted=True)
            world.event(
                "inbox_expired",
                item.rep,
                item=item.id,
                event=item.event.id,
                choice=item.choice,
                effects=effects,
            )


def _delta(change: dict | None, rep: Rep) -> float:
    return float(change.get(rep.type, 0.0)) if change else 0.0


def _change_state(rep: Rep, change: StateChange, fit_from: float) -> dict[str, float]:
    """A decision's effect on one person. Its engagement change is a lever's response:
    it moves how well the job fits them as much as any lever's would (``fit_from``)."""
    out: dict[str, float] = {}
    d = _delta(change.engagement, rep)
    if d:
        out["engagement"] = rep.nudge(d)
        rep.nudge_fit(fit_from * d)
    for name in ("confidence", "trust", "stress"):
        d = _delta(getattr(change, name), rep)
        if d:
            before = getattr(rep, name)
            setattr(rep, name, _clip(before + d))
            out[name] = getattr(rep, name) - before
    return out


def apply_choice(
    world: World, item: InboxItem, choice: ChoiceSpec, defaulted: bool = False
) -> dict[str, Any]:
    """Carry out one choice.

    An answer's hours and money are charged by the action that chose it. A
    default happens at the end of the week without the manager: it takes no
    hours, and its money only if the period's budget still has it (the rest of
    its effects happen either way).
    """
    from . import levers

    e: EffectSpec = choice.effects
    item.choice = choice.id
    if item.status == "open":
        item.status = "answered"
    out: dict[str, Any] = {"choice": choice.id}
    if defaulted and e.money and world._charge(e.money, f"event:{item.event.id}"):
        out["money"] = e.money
    rep = world.reps[item.rep] if item.rep is not None else None
    if rep is not None and not rep.active:
        rep = None
    if rep is not None and e.rep is not None:
        out["rep"] = _change_state(rep, e.rep, world.params.fit_from_lever)
    if e.team is not None:
        out["team"] = {
            r.id: _change_state(r, e.team, world.params.fit_from_lever)
            for r in world.active_reps
            if rep is None or r is not rep
        }
    if rep is not None and e.reveal_type and not rep.revealed:
        rep.revealed = True
        rep.revealed_by = "event"
        out["revealed"] = rep.type.value
    if rep is not None and e.promise is not None:
        pr = e.promise
        got = levers.promise(world, rep, pr.amount, pr.condition, world.week + pr.due_weeks)
        world.manager.promises[-1].what = pr.what
        out["promise"] = got["promise"]
    if rep is not None and e.outside_offer_weeks:
        # the offer is on the table: the manager knows the risk it brings
        world.market.offers[rep.id] = world.week + e.outside_offer_weeks
        risk = world.surface_flight_risk(rep, by="offer")
        out["flight_risk"] = round(risk or 0.0, 2)
    if rep is not None and e.cancel_outside_offer:
        world.market.offers.pop(rep.id, None)
    if e.market is not None:
        m = world.market
        until = world.week + e.market.weeks
        if e.market.lead_rate != 1.0:
            m.lead_mod, m.lead_until = e.market.lead_rate, until
        if e.market.competitor_pressure:
            m.pressure_extra, m.pressure_until = e.market.competitor_pressure, until
            m.pressure_cause = f"event.{item.event.id}"
    if item.deal is not None and e.deal is not None:
        deal = world.deals[item.deal]
        if not deal.closed:
            if e.deal.lost:
                world.close_deal(deal, won=False, reason=f"event:{item.event.id}")
                out["deal"] = "lost"
            elif e.deal.win_chance:
                before = deal.p_true
                moved = min(0.99, max(0.01, deal.p_true + e.deal.win_chance))
                deal.set_p(moved, f"event.{item.event.id}")
                # the answer's line tells it (a deal's chance jumped with no word why)
                out["deal_chance"] = round(deal.p_true - before, 3)
                out["account"] = deal.account
    if e.target_change:
        for per in range(world.period + 1, world.scenario.periods):
            world.target_scale[per] = world.target_scale.get(per, 1.0) * (1 + e.target_change)
        out["target_change"] = e.target_change
    if e.quota_change and world.period + 1 < world.scenario.periods:
        # every quota of the next period, raised alike from the current one (set as the
        # manager sets one: a raise after a beaten quota still reads as a ratchet)
        nxt = world.period + 1
        for person in world.active_reps:
            amount = round(person.quota(world.period) * (1 + e.quota_change), -3)
            levers.set_quota(world, person, nxt, amount)
        out["quota_change"] = e.quota_change
        out["period"] = nxt
    pulled = _pull(world, e.lever, rep)
    if pulled is not None:
        out["lever"] = {"lever": e.lever, "effects": pulled}
    handed = _hand_over(world, e.delegate, rep)
    if handed is not None:
        out["delegated"] = handed
    if rep is not None and e.rep_leaves:
        world.remove_rep(rep, "resigned")
        out["left"] = rep.name
    told: dict[str, Any] = {"lever": e.lever} if pulled is not None else {}
    if handed is not None and e.delegate is not None and rep is not None:
        told["delegated"] = {
            "task": e.delegate.task.value,
            "supervision": e.delegate.supervision.value,
            "profit_share": rep.profit_share,  # given now, or theirs already
        }
    if "deal_chance" in out:  # the deal's chance moved: by how much, at which customer
        told["deal_chance"], told["account"] = out["deal_chance"], out["account"]
    if "quota_change" in out:  # the next period's quotas, set alike
        told["quota_change"], told["period"] = out["quota_change"], out["period"]
    # how the answer moved the others' spirits, each (a card that falls beside "nothing
    # you did put them off" after an answer that disappointed them, misleads)
    others = {
        rid: round(change["engagement"], 3)
        for rid, change in out.get("team", {}).items()
        if round(change.get("engagement", 0.0), 3)
    }
    if others:
        told["team_engagement"] = others
    world.event(
        "inbox_answer",
        item.rep,
        item=item.id,
        event=item.event.id,
        choice=choice.id,
        handbook=choice.handbook,
        defaulted=defaulted,
        engagement=float(out.get("rep", {}).get("engagement", 0.0)),
        **told,
    )
    return out


def _pull(world: World, lever: str | None, rep: Rep | None) -> dict[str, Any] | None:
    """The lever a choice pulls, pulled as the desk would (None: no lever, or a word for a
    rep who is no longer there)."""
    from . import levers

    if lever is None:
        return None
    if lever == "contest":
        return levers.contest(world)
    if rep is None:
        return None
    tone, public = choice_word(lever)
    return levers.feedback(world, rep, tone, public=public)


def _hand_over(world: World, spec: DelegationSpec | None, rep: Rep | None) -> dict[str, Any] | None:
    """The task a choice hands to the message's rep, handed over as the desk would (None:
    no task, a rep who is no longer there, or a newcomer, whom the desk would refuse as a
    deputy too). A value share is given with it if the choice says so and the rep has
    none yet."""
    from . import levers

    if spec is None or rep is None or rep.novice:
        return None
    out: dict[str, Any] = {"delegate": levers.delegate(world, rep, spec.task, spec.supervision)}
    if spec.profit_share and not rep.profit_share:
        out["profit_share"] = levers.profit_share(world, rep)
    return out


def _amount(value: float) -> tuple[str, str]:
    """A deal's value for a message's ``{value}``, as the game shows money elsewhere:
    "288k" / "1.20M" in English, "28.8万" / "1.2亿" in Chinese (after the currency sign)."""
    if value >= 1e6:
        en = f"{value / 1e6:.2f}M"
    elif value >= 1e3:
        en = f"{value / 1e3:.0f}k"
    else:
        en = f"{value:.0f}"
    if value >= 1e8:
        zh = _zh_units(value / 1e8) + "亿"
    elif value >= 1e4:
        zh = _zh_units(value / 1e4) + "万"
    else:
        zh = f"{value:.0f}"
    return en, zh


def _zh_units(x: float) -> str:
    """A number of 万 or 亿 as the game writes it: one decimal, none from three digits
    on (253万, not 252.6万, as the desk says the same deal's value)."""
    return f"{x:.0f}" if x >= 99.95 else f"{x:.1f}".rstrip("0").rstrip(".")
