"""The manager's obligations: hours, money, delegated work and promises (P13–P15)."""

from __future__ import annotations

import numpy as np

from ..manager import Delegation
from ..rep import SKILLS, Rep
from ..types import DelegatedTask, Stage, Supervision
from .people import People

# each task's delegation stream is keyed by its place in the declared order
_TASK_INDEX = {task: i for i, task in enumerate(DelegatedTask)}


class Obligations(People):
    """The manager's obligations: hours, money, delegated work and promises (P13–P15)."""

    def hours_available(self) -> float:
        p = self.params
        return self.manager.hours_available(p.supervision_hours, p.hours["daily_plans_weekly"])

    def _delegated_work(self) -> None:
        p = self.params
        m = self.manager
        for task, d in sorted(m.delegations.items(), key=lambda kv: kv[0].value):
            deputy = self.reps[d.deputy]
            u = self.streams.get("delegation", _TASK_INDEX[task]).random(2)
            if task is DelegatedTask.PIPELINE_REVIEW:
                self._deputy_review(deputy, d)
            elif task is DelegatedTask.KEY_ACCOUNTS:
                acc = self.accounts
                key = np.flatnonzero(acc.key & ~acc.churned)
                acc.relationship[key] += p.deputy_key_care * (1 - acc.relationship[key])
            elif task is DelegatedTask.ONE_ON_ONES:
                self._deputy_talks(deputy, d)
            elif task is DelegatedTask.ONBOARDING:
                for rep in self.active_reps:
                    if rep.novice and rep.id != deputy.id:
                        for s in SKILLS:
                            rep.learn(s, p.deputy_onboarding * p.mentor_learning)
            if u[0] < self.slip_chance(d):
                self._slip(d, float(u[1]))

    def slip_chance(self, d: Delegation) -> float:
        """This week's chance the deputy makes a costly mistake (P13)."""
        p = self.params
        chance = p.slip_chance[d.supervision.value]
        if d.supervision is Supervision.NONE:
            chance += p.slip_rise * (self.week - d.since_week)
        return min(p.slip_ceiling, chance)

    def review_quality(self, deputy: Rep, d: Delegation) -> float:
        """How thoroughly a deputy goes through the funnels: watched, able and willing.

        The share of deals a deputy's review really checks. Supervision sets
        the base (a deputy nobody checks on cuts corners), their skill and their
        heart for the job move it.
        """
        p = self.params
        base = p.deputy_review_quality[d.supervision.value]
        able = p.deputy_able_base + p.deputy_able_slope * deputy.mean_skill
        willing = p.deputy_willing_base + p.deputy_willing_slope * deputy.engagement
        return min(1.0, max(p.deputy_review_floor, base * able * willing))

    def _deputy_review(self, deputy: Rep, d: Delegation) -> None:
        """The deputy's 1-15-30 review: the manager's review, at the deputy's quality."""
        from ..levers import review_funnel

        q = self.review_quality(deputy, d)
        g = self.streams.weekly("delegation.review", self.week)
        if g.random() >= self.params.deputy_review_kept[d.supervision.value]:
            # nobody asked about it this week, so it did not happen: what the manager
            # sees is a week without the deputy's review
            self.event("deputy_review_skipped", deputy.id)
            return
        # the open deals are kept in the order they were made, which is by id
        deals = [x for x in self.open.values() if x.rep is not None]
        u = g.random(len(deals)).tolist()
        checked = [x for x, v in zip(deals, u, strict=True) if v < q]
        stalled, dead = review_funnel(self.whole(), checked, by="deputy")
        self.event(
            "deputy_review",
            deputy.id,
            deals=len(deals),
            checked=len(checked),
            stalled=stalled,
            dead=dead,
            silent=sum(1 for x in checked if x.zombie),  # customers found gone quiet
        )

    def _deputy_talks(self, deputy: Rep, d: Delegation) -> None:
        """A deputy's weekly 1:1s with those the manager did not see (P8 at scale).

        The ones waiting longest first, as many as the deputy has time for.
        Each talk builds a little trust (less than the manager's own) and, in
        a good deputy's hands, brings the manager what matters: a hint of what
        drives the rep, a flight risk.
        """
        from ..levers import add_hint

        p = self.params
        q = self.review_quality(deputy, d)
        waiting = sorted(
            (r for r in self.active_reps if r.id != deputy.id and r.last_talk != self.week),
            key=lambda r: (r.last_talk if r.last_talk is not None else -1, r.id),
        )
        g = self.streams.weekly("delegation.talks", self.week)
        for rep in waiting[: p.deputy_talks]:
            rep.last_talk = self.week
            u = g.random(2)
            if u[0] < q:
                cap = p.trust_cap_from_talk
                if rep.trust < cap:
                    rep.trust = min(cap, rep.trust + p.deputy_talk_trust)
                if u[1] < p.hint_chance * p.deputy_talk_hints:
                    add_hint(self.whole(), rep, "deputy")
                self.surface_flight_risk(rep, at_least=p.flight_risk_visible, by="deputy")

    def _slip(self, d: Delegation, u: float) -> None:
        """Murphy's law: an unwatched deputy makes a costly mistake (P13).

        Either a deal near signing is lost (the biggest one the deputy handled
        carelessly), or a key customer is upset: the relationship halves and
        its open deals lose heart.
        """
        p = self.params
        late = [x for x in self.open.values() if not x.zombie and x.stage >= Stage.EVALUATION]
        acc = self.accounts
        if late and u < p.slip_deal_share:
            late.sort(key=lambda x: (-x.value, x.id))
            n = min(p.slip_late_deals, len(late))
            deal = late[int(u / p.slip_deal_share * n) % n]
            self.close_deal(deal, won=False, reason="deputy_mistake")
            what, ref = "lost_deal", deal.id
        else:
            live = np.flatnonzero(~acc.churned & (acc.owner >= 0))
            if not len(live):
                return
            order = live[np.argsort(-acc.potential[live], kind="stable")][: p.slip_accounts]
            a = int(order[int(u * len(order)) % len(order)])
            acc.relationship[a] *= p.slip_relationship
            for x in [x for x in self.open.values() if x.account == a]:
                self.close_deal(x, won=False, reason="deputy_mistake")
            acc.note(a, self.diary_day, "upset", "deputy mistake")
            what, ref = "upset_account", a
        self.event(
            "delegation_slip",
            d.deputy,
            task=d.task.value,
            supervision=d.supervision.value,
            what=what,
            ref=ref,
        )

    def _settle_promises(self, final: bool = False) -> None:
        """Promises fall due; a due promise not kept within a week is broken (P15)."""
        p = self.params
        for pr in self.manager.promises:
            if pr.status == "open" and self.week >= pr.due_week:
                rep = self.reps[pr.rep]
                met = True
                if pr.condition == "quota":
                    met = rep.attainment(self.period_of(pr.due_week)) >= 1.0
                if met:
                    pr.status = "due"
                    pr.due_since = self.week
                    self.event(
                        "promise_due",
                        pr.rep,
                        promise=pr.id,
                        amount=pr.amount,
                    )
                else:
                    pr.status = "lapsed"
                    pr.settled_week = self.week
                    # nothing owed: the condition was not met (the manager is told)
                    self.event("promise_lapsed", pr.rep, promise=pr.id, amount=pr.amount)
            if pr.status == "due" and final and pr.due_since == self.week:
                # it fell due as the season ended: the manager never had a turn to pay it
                pr.status = "at_end"
                pr.settled_week = self.week
                continue
            if pr.status == "due" and (self.week > pr.due_week or final):
                pr.status = "broken"
                pr.settled_week = self.week
                rep = self.reps[pr.rep]
                rep.trust = max(0.0, rep.trust - p.promise_broken_trust)
                rep.nudge(-p.promise_broken_engagement)
                for other in self.active_reps:
                    if other.id != rep.id:
                        other.trust = max(0.0, other.trust - p.promise_broken_team_trust)
                self.event(
                    "promise_broken",
                    pr.rep,
                    promise=pr.id,
                    amount=pr.amount,
                )

    def _charge(self, amount: float, what: str) -> bool:
        m = self.manager
        if amount > m.budget_left + 1e-9:
            self.event("unpaid", None, what=what, amount=amount)
            return False
        m.budget_left -= amount
        m.budget_spent_total += amount
        return True

    def new_promise_id(self) -> int:
        self._next_promise += 1
        return self._next_promise
