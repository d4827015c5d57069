"""The manager's obligations: hours, money, delegated work and promises (P13–P15)."""

from __future__ import annotations

import numpy as np

from ..manager import Delegation
from ..rep import SKILLS
from .people import People


class Obligations(People):
    """The manager's obligations: hours, money, delegated work and promises (P13–P15)."""

    def hours_available(self) -> float:
        p = self.params
        return self.manager.hours_available(p.supervision_hours, p.hours["daily_plans_weekly"])

    def _delegated_work(self) -> None:
        from ..types import DelegatedTask

        p = self.params
        m = self.manager
        for task, d in sorted(m.delegations.items(), key=lambda kv: kv[0].value):
            deputy = self.reps[d.deputy]
            u = self.streams.get("delegation", list(DelegatedTask).index(task)).random(2)
            if task is DelegatedTask.PIPELINE_REVIEW:
                for rep in self.active_reps:
                    for deal in list(rep.open_deals):
                        deal.reviewed_day = int(self.env.now)
                        if deal.zombie:  # the review finds nobody home: 1-15-30
                            self.drop_deal(deal, by="deputy")
            elif task is DelegatedTask.KEY_ACCOUNTS:
                acc = self.accounts
                key = np.flatnonzero(acc.key & ~acc.churned)
                acc.relationship[key] += 0.03 * (1 - acc.relationship[key])
            elif task is DelegatedTask.ONBOARDING:
                for rep in self.active_reps:
                    if rep.novice and rep.id != deputy.id:
                        for s in SKILLS:
                            rep.skills[s] = min(
                                1.0, rep.skills[s] + 0.7 * p.mentor_learning * (1 - rep.skills[s])
                            )
            if u[0] < p.slip_chance[d.supervision.value]:
                self._slip(d, float(u[1]))

    def _slip(self, d: Delegation, u: float) -> None:
        """Murphy's law: an unwatched deputy makes a costly mistake (P13)."""
        alive = [x for x in self.open.values() if not x.zombie]
        acc = self.accounts
        if alive and u < 0.5:
            alive.sort(key=lambda x: x.id)
            deal = alive[int(u * 2 * len(alive)) % len(alive)]
            self.close_deal(deal, won=False, reason="deputy_mistake")
            what, ref = "lost_deal", deal.id
        else:
            live = np.flatnonzero(~acc.churned)
            a = int(live[int(u * len(live)) % len(live)])
            acc.relationship[a] *= 0.5
            acc.note(a, self.env.now, "upset", "deputy mistake")
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
                    self.event(
                        "promise_due",
                        pr.rep,
                        promise=pr.id,
                        amount=pr.amount,
                    )
                else:
                    pr.status = "lapsed"
                    pr.settled_week = self.week
            if pr.status == "due" and (self.week > pr.due_week or final):
                pr.status = "broken"
                pr.settled_week = self.week
                rep = self.reps[pr.rep]
                rep.trust = max(0.0, rep.trust - p.promise_broken_trust)
                rep.nudge(-0.05)
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
