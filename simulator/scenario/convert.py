"""From a checked scenario file to the core's scenario: the file's model (pydantic,
:mod:`~simulator.scenario.schema`) converted into the core's frozen dataclasses
(:mod:`~simulator.core.spec`), with the texts as players read them (folded Chinese joined).
"""

from __future__ import annotations

import re

from ..core import spec as core
from ..core.params import ModelParams
from ..core.types import DelegatedTask, MotivationType, Stage, Supervision
from . import schema

# Chinese characters and full-width punctuation: YAML's folded text (``zh: >``) joins its
# lines with a space, which Chinese does not put between characters
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_FOLD = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


def _chinese(text: str) -> str:
    """Chinese text as written: the spaces a folded YAML block put between characters
    (and between a character and its punctuation) taken out."""
    return _FOLD.sub("", text.strip()) if text else text


def _text(t: schema.LocalText | None) -> core.Text:
    return core.Text(t.en, _chinese(t.zh)) if t is not None else core.Text()


def _by_type(c: schema.ByType | None) -> dict[MotivationType, float] | None:
    if c is None:
        return None
    out = {}
    for t in MotivationType:
        v = getattr(c, t.value)
        out[t] = float(c.others if v is None else v)
    return out


def _state(s: schema.StateChange | None) -> core.StateChange | None:
    if s is None:
        return None
    return core.StateChange(
        engagement=_by_type(s.engagement),
        confidence=_by_type(s.confidence),
        trust=_by_type(s.trust),
        stress=_by_type(s.stress),
    )


def _effects(e: schema.Effects) -> core.EffectSpec:
    return core.EffectSpec(
        lever=e.lever,
        money=e.money,
        hours=e.hours,
        rep=_state(e.rep),
        team=_state(e.team),
        rep_leaves=e.rep_leaves,
        reveal_type=e.reveal_type,
        promise=(
            core.PromiseSpec(
                amount=e.promise.amount,
                what=_text(e.promise.what),
                condition=e.promise.condition,
                due_weeks=e.promise.due_weeks,
            )
            if e.promise
            else None
        ),
        outside_offer_weeks=e.outside_offer_weeks,
        cancel_outside_offer=e.cancel_outside_offer,
        market=(
            core.MarketShift(e.market.lead_rate, e.market.competitor_pressure, e.market.weeks)
            if e.market
            else None
        ),
        deal=core.DealChange(e.deal.win_chance, e.deal.lost) if e.deal else None,
        target_change=e.target_change,
        quota_change=e.quota_change,
        delegate=(
            core.DelegationSpec(
                DelegatedTask(e.delegate.task),
                Supervision(e.delegate.supervision),
                e.delegate.profit_share,
            )
            if e.delegate
            else None
        ),
        reply=_text(e.reply),
    )


def _stages(names: list[str] | None) -> tuple[Stage, ...]:
    return tuple(Stage[n.upper()] for n in names or ())


def _event(ev: schema.Event) -> core.EventSpec:
    t = ev.trigger
    trigger = core.TriggerSpec(
        week=t.week,
        until_week=t.until_week,
        rep=t.rep,
        engagement_below=t.engagement_below,
        confidence_below=t.confidence_below,
        trust_below=t.trust_below,
        stress_above=t.stress_above,
        attainment_below=t.attainment_below,
        attainment_above=t.attainment_above,
        deal_reaches=Stage[t.deal_reaches.upper()] if t.deal_reaches else None,
        deal_at=_stages(t.deal_at),
        segment=t.segment,
        min_value=t.min_value,
        headcount_below=t.headcount_below,
        not_delegated=DelegatedTask(t.not_delegated) if t.not_delegated else None,
        with_reps=tuple(t.with_reps),
        novice=t.novice,
        chance=t.chance,
    )
    return core.EventSpec(
        id=ev.id,
        title=_text(ev.title),
        message=_text(ev.message),
        trigger=trigger,
        choices=tuple(
            core.ChoiceSpec(
                id=c.id,
                text=_text(c.text),
                effects=_effects(c.effects),
                handbook=c.handbook,
                lessons=tuple(c.lessons),
            )
            for c in ev.choices
        ),
        default=ev.default,
        respond_weeks=ev.respond_weeks,
        lessons=tuple(ev.lessons),
    )


def to_core(m: schema.ScenarioFile) -> core.Scenario:
    """The core's frozen scenario from a validated file model."""
    reps = tuple(
        core.RepSpec(
            name=r.name,
            name_zh=r.name_zh,
            pronoun=r.pronoun,
            type=r.type,
            skills=core.Skills(**r.skills.model_dump()),
            tenure_years=r.tenure_years,
            veteran=r.veteran,
            engagement=r.engagement,
            confidence=r.confidence,
            trust=r.trust,
            stress=r.stress,
            territory=r.territory,
            history=tuple((h.quota, h.booked) for h in r.quota_history),
            quota=r.quota,
            revealed=r.revealed,
            mentor=r.mentor,
        )
        for r in m.reps
    )
    segments = tuple(
        core.SegmentSpec(
            name=g.name,
            label=_text(g.label) if g.label is not None else core.Text(),
            accounts=g.accounts,
            potential=g.potential,
            deal_size=g.deal_size,
            deal_size_sigma=g.deal_size_sigma,
            cycle_months=(g.cycle_months[0], g.cycle_months[1]),
            win_rate=g.win_rate,
            lead_rate=g.lead_rate,
            big_deal=g.big_deal if g.big_deal is not None else float("inf"),
            relationship=(g.relationship[0], g.relationship[1]),
            potential_sigma=g.potential_sigma,
            decision_styles=(
                tuple(getattr(g.decision_styles, s) for s in schema.DECISION_STYLES)
                if g.decision_styles
                else ()
            ),
        )
        for g in m.market.segments
    )
    mk = m.market
    return core.Scenario(
        title=_text(m.title),
        briefing=_text(m.briefing),
        difficulty=m.difficulty,
        teaches=tuple(m.teaches),
        guided=m.guided,
        reps=reps,
        market=core.MarketSpec(
            segments=segments,
            seasonality=tuple(mk.seasonality),
            competitor_pressure=mk.competitor_pressure,
            lead_rate=mk.lead_rate,
            event_rate=mk.event_rate,
            starting_zombie_share=mk.starting_zombie_share,
        ),
        weeks=m.weeks,
        period_weeks=m.period_weeks,
        team_target=tuple(m.team_target),
        currency=m.currency,
        support=core.SupportSpec(**m.support.model_dump()),
        manager=core.ManagerSpec(**m.manager.model_dump()),
        scoring=core.ScoringWeights(**m.scoring.model_dump()),
        params=ModelParams().with_overrides(
            {k: tuple(v) if isinstance(v, list) else v for k, v in m.params.items()}
        ),
        accounts=tuple(
            core.AccountSpec(
                name=a.name,
                name_zh=a.name_zh,
                segment=a.segment,
                potential=a.potential,
                relationship=a.relationship,
                owner=a.owner,
                decision_style=a.decision_style,
                key=a.key,
            )
            for a in m.accounts
        ),
        events=tuple(_event(e) for e in m.events),
        version=m.version,
    )
