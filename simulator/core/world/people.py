"""The people: who is on the team, their moods week by week, learning, leaving and joining."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import numpy as np
import simpy

from .. import motivation as mv
from ..names import person_name
from ..params import HINTS
from ..rep import SKILLS, Rep
from ..spec import RepSpec
from ..types import MotivationType, Supervision
from .deals import Deals
from .state import DAYS_PER_WEEK

_TYPES = list(MotivationType)  # in their declared order (a hint's dice pick by index)
# how far above the team's mood a rep must be for the team's to be seen pulling them down
TEAM_MOOD_PULL = 0.1


class People(Deals):
    """The people: who is on the team, their moods week by week, learning, leaving and joining."""

    @property
    def active_reps(self) -> list[Rep]:
        return [r for r in self.reps if r.active]

    def rep(self, rep_id: int) -> Rep:
        return self.reps[rep_id]

    def effort_of(self, rep_id: int | None) -> float:
        if rep_id is None:
            return self.params.orphan_effort
        rep = self.reps[rep_id]
        return rep.effort if rep.active else self.params.orphan_effort

    def team_engagement(self) -> float:
        reps = self.active_reps
        return sum(r.engagement for r in reps) / len(reps) if reps else 0.0

    def pace(self, rep: Rep) -> float:
        """Booked so far ÷ the share of quota that time elapsed would call for."""
        q = rep.quota(self.period)
        if q <= 0:
            return 1.0
        frac = max(0.5 / self.scenario.period_weeks, self.period_elapsed())
        return rep.booked.get(self.period, 0.0) / (q * frac)

    def team_pace(self) -> float:
        """The team's bookings this period ÷ the share of the target time calls for."""
        target = self.target_for(self.period)
        if target <= 0:
            return 1.0
        frac = max(0.5 / self.scenario.period_weeks, self.period_elapsed())
        booked = sum(r.booked.get(self.period, 0.0) for r in self.reps)
        return booked / (target * frac)

    def _add_rep(self, spec: RepSpec, joined_week: int, ramp: float = 1.0) -> Rep:
        skills = {s: float(spec.skills.get(s)) for s in SKILLS}
        rep = Rep(
            id=len(self.reps),
            name=spec.name,
            type=spec.type,
            skills=skills,
            tenure_weeks=spec.tenure_years * 52,
            veteran=spec.veteran,
            engagement=spec.engagement,
            confidence=spec.confidence,
            trust=spec.trust,
            stress=spec.stress,
            territory=spec.territory,
            joined_week=joined_week,
            ramp=ramp,
            history=list(spec.history),
            start_skills=dict(skills),
            last_recognised=joined_week,
            name_zh=spec.name_zh,
            pronoun=spec.pronoun,
        )
        if spec.revealed:
            rep.revealed = True
            rep.revealed_by = "scenario"
        # how far each skill could still grow: most for a novice, little for a veteran
        p = self.params
        if spec.tenure_years < 1:
            headroom = p.potential_novice
        elif spec.tenure_years < 3:
            headroom = p.potential_young
        else:
            headroom = p.potential_seasoned
        u = self.streams.get("rep.potential", rep.id).random(len(SKILLS))
        scale = p.potential_scale_low + p.potential_scale_span * u
        rep.potential = {
            s: min(p.skill_ceiling, skills[s] + headroom * float(k))
            for s, k in zip(SKILLS, scale, strict=True)
        }
        self.reps.append(rep)
        return rep

    def _refresh_seen_moods(self) -> None:
        """How each rep's mood reads from the outside this week: close, not exact.

        The error of a manager's reading is mostly lasting (one person looks brighter
        than they feel, another gloomier) and only partly new each week: it follows
        ``e' = m × e + √(1 − m²) × σ × z`` with ``m`` the reading's memory, so it keeps
        its size (σ) but a card's word does not flip from week to week on noise alone.
        """
        p = self.params
        noise, memory = p.mood_seen_noise, min(0.99, max(0.0, p.mood_seen_memory))
        fresh = (1.0 - memory * memory) ** 0.5
        for rep in self.active_reps:
            z = float(self.streams.get("rep.mood", rep.id).standard_normal())
            if rep.mood_read_error is None:  # a first impression: the whole error at once
                rep.mood_read_error = noise * z
            else:
                rep.mood_read_error = memory * rep.mood_read_error + fresh * noise * z
            rep.mood_seen = min(1.0, max(0.0, rep.engagement + rep.mood_read_error))

    def _mood_week(self, reps: list[Rep]) -> None:
        """Weekly drift of engagement, trust, confidence and stress."""
        from ..params import (
            CONTEST_ONGOING,
            CONTEST_ONGOING_EGO_BOTTOM,
            ONGOING,
            OVERSIGHT_SENSITIVITY,
            RIVAL_ONGOING,
        )

        p = self.params
        m = self.manager
        week = self.week
        per = self.period
        deputies = {d.deputy: d for d in m.delegations.values()}
        ignored_veterans = 0
        contest = m.contest_period == per
        if contest:
            ranked = sorted(reps, key=lambda r: -r.attainment(per))
            top_half = {r.id for r in ranked[: max(1, len(ranked) // 2)]}
        for rep in reps:
            e = 0.0  # this week's pushes on engagement, applied with saturation
            # what pulled them down, as the manager could see it (a sigh about the quota,
            # a cold shoulder at the board): the week report names it beside a mood's fall
            weighs: list[str] = []
            t = rep.type
            if contest:
                bottom_ego = t is MotivationType.EGO_DRIVEN and rep.id not in top_half
                push = CONTEST_ONGOING_EGO_BOTTOM if bottom_ego else CONTEST_ONGOING[t]
                e += push
                if push < 0:
                    weighs.append("contest_bottom" if bottom_ego else "contest")
            if rep.rival is not None and rep.rival_until >= week:
                e += RIVAL_ONGOING[t]
                if RIVAL_ONGOING[t] < 0:
                    weighs.append("rival")
            for held, lever in (
                (rep.autonomy, "autonomy"),
                (rep.key_accounts, "key_account"),
                (rep.development_plan, "development_plan"),
            ):
                if held:
                    e += ONGOING[lever][t]
                    if ONGOING[lever][t] < 0:
                        weighs.append(lever)
            if rep.mentor_of is not None and self.reps[rep.mentor_of].active:
                if self.mentor_performing(rep):
                    e += ONGOING["mentor"][t]
                    rep.last_recognised = week  # a novice looking up to you, every week
                else:
                    e -= p.mentor_struggling  # preaching what one cannot show
                    weighs.append("mentor_struggling")
            # achievers bored by low quotas (P5)
            cap = rep.capacity
            q = rep.quota(per)
            if t is MotivationType.ACHIEVER and cap > 0 and q / cap < p.coasting_threshold:
                e -= p.achiever_boredom
                weighs.append("quota_low")
            # service reps pushed to hunt feel they must become someone else (P7)
            if t is MotivationType.SERVICE and cap > 0 and q / cap > p.service_hunting_threshold:
                e -= p.service_hunting
                weighs.append("quota_hunting")
            # micromanagement (P5)
            if rep.oversight > 1:
                e -= OVERSIGHT_SENSITIVITY[t] * min(p.oversight_counted, rep.oversight - 1)
                if OVERSIGHT_SENSITIVITY[t] > 0:
                    weighs.append("oversight")
            if m.daily_plans and t is MotivationType.ACHIEVER:
                e -= p.daily_plans_achiever_drag
                weighs.append("daily_plans")
            # deputies (P13, P14)
            d = deputies.get(rep.id)
            if d is not None:
                e += ONGOING["deputy"][t]
            if d is not None and d.supervision is Supervision.TIGHT:
                e -= p.tight_deflation
                weighs.append("tight_supervision")
            if self._resentful_deputy(rep):
                # real responsibility, none of the value: "I could run my own business"
                e -= p.no_share_resentment
                rep.trust = max(0.0, rep.trust - p.no_share_trust)
                weighs.append("no_share")
            # veterans need status and face (P14)
            if rep.veteran and week - rep.last_recognised > p.veteran_neglect_weeks:
                e -= p.veteran_neglect
                ignored_veterans += 1
                weighs.append("not_honoured")
            # ego-driven reps need to feel important: being overlooked hurts (P6)
            elif t is MotivationType.EGO_DRIVEN and (
                week - rep.last_recognised > p.ego_neglect_weeks
            ):
                e -= p.ego_neglect
                weighs.append("overlooked")
            rep.nudge(e)
            # what the week's arrangements say about the fit of the job lasts; it fades slowly
            rep.nudge_fit(p.fit_from_week * e)
            rep.fit += p.fit_decay * (0.5 - rep.fit)
            settle = p.engagement_baseline + p.fit_mood * (rep.fit - 0.5)
            rep.engagement += p.engagement_recovery * (settle - rep.engagement)
            # trust fades without talk (P8)
            last = rep.last_talk if rep.last_talk is not None else rep.joined_week
            if week - last >= p.no_talk_weeks and rep.trust > p.neglect_trust_floor:
                rep.trust = max(p.neglect_trust_floor, rep.trust - p.no_talk_trust_decay)
            if week - last >= p.no_talk_weeks:
                weighs.append("no_talk")
            # confidence follows the odds of making quota; stress the load
            cap_d = q / cap if cap > 0 else 1.0
            rep.confidence += p.confidence_rate * (
                mv.confidence_target(cap_d, self.pace(rep), p) - rep.confidence
            )
            rep.stress += p.stress_rate * (
                mv.stress_target(cap_d, len(rep.open_deals), rep.oversight, p) - rep.stress
            )
            rep.oversight = 0
            rep.weighs_on = tuple(weighs)
        # mood is contagious (P18); ignored veterans drag everybody
        if reps:
            mean = sum(r.engagement for r in reps) / len(reps)
            for rep in reps:
                pull = mean - rep.engagement
                rep.engagement += p.contagion * pull
                rep.nudge(-p.veteran_team_drag * ignored_veterans)
                if pull <= -TEAM_MOOD_PULL:
                    rep.weighs_on += ("team_mood",)
                if ignored_veterans and "not_honoured" not in rep.weighs_on:
                    rep.weighs_on += ("veterans_ignored",)
        for rep in reps:
            rep.engagement = min(1.0, max(0.0, rep.engagement))
            rep.trust = min(1.0, max(0.0, rep.trust))
            rep.confidence = min(1.0, max(0.0, rep.confidence))
            rep.stress = min(1.0, max(0.0, rep.stress))
        self.cohesion += p.cohesion_drift * (p.cohesion_rest - self.cohesion)

    def _growth_week(self) -> None:
        """Novices learn on the job, faster with a mentor who performs (P6)."""
        p = self.params
        for rep in self.active_reps:
            if not rep.novice:
                continue
            share = p.natural_learning
            if rep.mentor is not None and self.rep(rep.mentor).active:
                m = self.rep(rep.mentor)
                quality = 1.0 if self.mentor_performing(m) else p.mentor_unconvincing
                share += p.mentor_learning * (m.mean_skill / p.mentor_skill_ref) * quality
            for s in SKILLS:
                rep.learn(s, share)

    def mentor_performing(self, mentor: Rep) -> bool:
        """A mentor convinces a novice only with results to show (P6)."""
        p = self.params
        return (
            self.pace(mentor) >= p.mentor_performing_pace or self.period_elapsed() < p.mentor_grace
        )

    def quit_hazard(self, rep: Rep) -> float:
        p = self.params
        extra = self.market.offer_factor(rep.id, self.week, p.outside_offer_hazard)
        hazard = mv.weekly_quit_hazard(rep.engagement, rep.trust, rep.stress, p, extra)
        if self._resentful_deputy(rep):
            hazard += p.no_share_flight  # "I could run my own business" (P14)
        return min(1.0, hazard)

    def _attrition(self, reps: list[Rep]) -> list[int]:
        left = []
        for rep in reps:
            u = float(self.streams.get("rep.quit", rep.id).random())
            if u < self.quit_hazard(rep):
                if self._resentful_deputy(rep):
                    self._take_customers(rep)
                self.remove_rep(rep, reason="resigned", why=self.leaving_reasons(rep))
                left.append(rep.id)
        return left

    def surface_flight_risk(
        self, rep: Rep, at_least: float = 0.0, by: str | None = None
    ) -> float | None:
        """A talk (``by`` the manager, or "deputy") or an offer put on the table ("offer")
        brings out how likely ``rep`` is to leave within a year, and why: the manager
        knows both from this week, and the week's report tells them. The risk; None when
        it is below ``at_least`` (a talk brings out only a real one), and nothing is told."""
        risk = mv.annual_risk(self.quit_hazard(rep))
        if risk < at_least:
            return None
        rep.flight_risk_seen_week = self.week
        rep.flight_risk_seen = risk
        rep.flight_risk_why = tuple(self.leaving_reasons(rep))
        event = self.event(
            "flight_risk", rep.id, risk=round(risk, 2), why=list(rep.flight_risk_why)
        )
        if by is not None:  # a deputy's talk, or the offer itself (the manager's: no "by")
            event.data["by"] = by
        return risk

    def leaving_reasons(self, rep: Rep) -> list[str]:
        """What a manager could have seen behind a resignation (or that there was nothing)."""
        p = self.params
        why = []
        if self._resentful_deputy(rep):
            why.append("no_share")
        if self.market.offers.get(rep.id, -1) >= self.week:
            why.append("offer")
        if rep.engagement < p.low_mood_told:
            # as low as the desk would call it; "hidden" when the manager's last read of
            # them was not (a mood is read with an error, and a card can say fair)
            why.append("mood" if rep.mood_seen < p.low_mood_told else "mood_hidden")
        if rep.trust < p.low_trust_told:
            why.append("trust")
        if rep.stress > p.strain_stress:
            why.append("stress")
        last = rep.last_talk if rep.last_talk is not None else rep.joined_week
        if self.week - last >= p.no_talk_weeks:
            why.append("no_talk")
        return why or ["elsewhere"]

    def _resentful_deputy(self, rep: Rep) -> bool:
        """A deputy with real responsibility for weeks and no share of the value (P14)."""
        p = self.params
        return (
            rep.deputy_since is not None
            and not rep.profit_share
            and self.week - rep.deputy_since >= p.share_after_weeks
        )

    def _take_customers(self, rep: Rep) -> None:
        """ "I'll start my own business": a resentful deputy leaves with their best customers."""
        acc = self.accounts
        mine = np.flatnonzero((acc.owner == rep.id) & ~acc.churned)
        best = mine[np.argsort(-acc.potential[mine], kind="stable")]
        for a in best[: round(self.params.deputy_takes_share * len(best))]:
            self._churn(int(a))

    def remove_rep(self, rep: Rep, reason: str, why: list[str] | None = None) -> None:
        """A rep leaves: their accounts cool and wait for a new owner.

        ``why``: what lay behind a resignation, as the week report tells it.
        """
        p = self.params
        rep.active = False
        rep.left_week = self.week
        rep.left_reason = reason
        acc = self.accounts
        mine = np.flatnonzero(acc.owner == rep.id)
        acc.relationship[mine] *= 1.0 - p.leaver_relationship_loss
        acc.owner[mine] = -1
        acc.key[mine] = False
        for deal in rep.open_deals:
            deal.rep = None
        rep.open_deals = []
        for other in self.reps:
            if other.mentor_of == rep.id:
                other.mentor_of = None
            if other.mentor == rep.id:
                other.mentor = None
            if other.rival == rep.id:
                other.rival = None
        for task, d in list(self.manager.delegations.items()):
            if d.deputy == rep.id:
                del self.manager.delegations[task]
        for pr in self.manager.promises:
            if pr.rep == rep.id and pr.status in ("open", "due"):
                pr.status = "lapsed"
                pr.settled_week = self.week
        data: dict[str, Any] = {
            "name": rep.name,
            "accounts": len(mine),
            "attainment": round(rep.attainment(self.period), 2),
        }
        if why:
            data["why"] = why
        self.event(reason, rep.id, **data)

    def assign_account(self, account: int, rep: Rep) -> None:
        acc = self.accounts
        acc.owner[account] = rep.id
        for deal in list(self.open.values()):
            if deal.account == account:
                if deal.rep is not None and deal.rep != rep.id:
                    old = self.reps[deal.rep].open_deals
                    if deal in old:
                        old.remove(deal)
                if deal.rep != rep.id:
                    deal.rep = rep.id
                    rep.open_deals.append(deal)

    def hire_process(
        self, delay_weeks: int, spec: RepSpec, ramp: float
    ) -> Generator[simpy.Event, object, None]:
        """Process: a hire starts ``delay_weeks`` after the offer, at part capacity."""
        yield self.env.timeout(delay_weeks * DAYS_PER_WEEK)
        self.manager.pending_hires -= 1
        rep = self._add_rep(spec, joined_week=self.week, ramp=ramp)
        rep.last_one_on_one = rep.last_talk = self.week
        rep.quotas[self.period] = 0.0
        # the newcomer inherits accounts nobody looks after, up to an average territory
        acc = self.accounts
        live = ~acc.churned
        share = int(np.ceil(live.sum() / max(1, len(self.active_reps))))
        orphans = np.flatnonzero((acc.owner < 0) & live)
        for a in orphans[np.argsort(-acc.potential[orphans], kind="stable")][:share]:
            self.assign_account(int(a), rep)
        self.refresh_capacity()
        rep.capacity_start = rep.capacity
        rep.quotas[self.period] = round(rep.capacity * self.params.new_hire_quota, -3)
        self.event(
            "hired",
            rep.id,
            name=rep.name,
            accounts=len(acc.owned_by(rep.id)),
        )

    def new_hire_spec(self) -> tuple[RepSpec, int, float]:
        from ..spec import Skills

        rng = self.streams.get("hire", len(self.reps) + self.manager.pending_hires)
        p = self.params
        mtype = list(MotivationType)[int(rng.integers(4))]
        lo = p.new_hire_skill_low + p.new_hire_skill_spread * rng.random(4)
        skills = Skills(*(float(x) for x in lo + p.new_hire_skill_extra * rng.random(4)))
        if mtype is MotivationType.SERVICE:
            skills = Skills(
                skills.prospecting,
                skills.solution,
                skills.negotiation,
                min(p.new_hire_service_care_cap, skills.account_care + p.new_hire_service_care),
            )
        name, name_zh, pronoun = person_name(rng, {r.name for r in self.reps})
        spec = RepSpec(
            name=name,
            name_zh=name_zh,
            pronoun=pronoun,
            type=mtype,
            skills=skills,
            tenure_years=0.0,
            engagement=p.new_hire_engagement,
            confidence=p.new_hire_confidence,
            trust=p.new_hire_trust,
            stress=p.new_hire_stress,
        )
        weeks = int(rng.integers(p.hire_weeks[0], p.hire_weeks[1] + 1))
        ramp = float(rng.uniform(*p.hire_ramp))
        return spec, weeks, ramp

    def hint_type(self, rep: Rep) -> tuple[str, MotivationType]:
        """One observable behaviour, usually typical of the rep's true type."""
        rng = self.streams.get("rep.hints", rep.id)
        u, v, w = rng.random(3)
        types = _TYPES
        if u < self.params.hint_accuracy or rep.revealed:
            # once the type is known (given or assessed), what one sees agrees with it
            shown = rep.type
        else:
            others = [t for t in types if t is not rep.type]
            shown = others[int(v * 3) % 3]
        pool = HINTS[shown]
        return pool[int(w * len(pool)) % len(pool)], shown
