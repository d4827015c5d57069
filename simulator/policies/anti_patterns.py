"""The anti-patterns: managers who each get one part of the handbook wrong.

They exist to show that the model punishes what the handbook warns against:
each should lose to ``by_the_book`` on the balanced scorecard.
"""

from __future__ import annotations

import numpy as np

from ..api import (
    Action,
    AdoptDailyPlans,
    Answer,
    DropDeal,
    Feedback,
    Hire,
    JointVisit,
    MakePromise,
    NameRival,
    Observation,
    OneOnOne,
    PipelineReview,
    PushDeal,
    RunContest,
    SetQuota,
    Tone,
)
from .base import Planner, team_estimates
from .by_the_book import ByTheBook


class HandsOff:
    """Inherits the team and leaves it alone: no talks, no reviews, no decisions.

    Inbox decisions go unanswered and take their default course.
    """

    name = "hands_off"

    def reset(self, rng: np.random.Generator) -> None:
        pass

    def decide(self, obs: Observation) -> list[Action]:
        return []


class PressureCooker:
    """Uniform quotas far above what people can do; public criticism for the laggards.

    Inbox decisions: whatever costs least.
    """

    name = "pressure_cooker"
    quota_factor = 1.35

    def reset(self, rng: np.random.Generator) -> None:
        self.headcount: int | None = None

    def decide(self, obs: Observation) -> list[Action]:
        plan = Planner(obs)
        if self.headcount is None:
            self.headcount = len(obs.reps)
        for item in obs.inbox:  # whatever costs least, every time
            if item.open and item.choices:
                cheapest = min(item.choices, key=lambda c: (c.money, c.hours))
                plan.add(Answer(item.id, cheapest.id))
        if len(obs.reps) + obs.pending_hires < self.headcount:
            plan.add(Hire())
        if obs.period_start:
            each = round(obs.team_target * self.quota_factor / max(1, len(obs.reps)), -3)
            for r in obs.reps:
                plan.add(SetQuota(r.id, each))
        plan.add(PipelineReview())
        for d in obs.deals:
            if d.rep is not None and d.stalled:
                plan.add(PushDeal(d.id))
        if obs.week_in_period >= 2:
            laggards = sorted((r for r in obs.reps if r.pace < 0.9), key=lambda r: r.pace)
            for r in laggards[:3]:
                plan.add(Feedback(r.id, Tone.CRITICISM, public=True))
        return plan.actions


class ContestEveryone(ByTheBook):
    """The handbook's routine, but one motivational tool for everybody: contests and rivals."""

    name = "contest_everyone"
    match_types = False

    def motivate(self, obs: Observation, plan: Planner) -> None:
        contests_for_all(obs, plan)
        for r in obs.reps:
            if r.pace >= 1.1 and obs.week - r.last_recognised >= 4:
                self.give_praise(plan, r, public=True)


def contests_for_all(obs: Observation, plan: Planner) -> None:
    """A contest whenever none runs, and a rival of similar level for everyone (P4 for all)."""
    if not obs.contest_running:
        plan.add(RunContest())
    est = team_estimates(obs)
    for r in obs.reps:
        if r.rival is None and len(obs.reps) > 1:
            other = min(
                (o for o in obs.reps if o.id != r.id), key=lambda o: abs(est[o.id] - est[r.id])
            )
            plan.add(NameRival(r.id, other.id))


class Micromanager(ByTheBook):
    """Controls everything: daily plans, pushes, joint visits, corrections; delegates nothing."""

    name = "micromanager"
    delegate_reviews = False
    match_types = False

    def decide(self, obs: Observation) -> list[Action]:
        self.start_week(obs)
        plan = Planner(obs)
        self.answer_inbox(obs, plan)  # every decision is the manager's own
        self.keep_promises(obs, plan)
        if obs.period_start:
            self.set_quotas(obs, plan)
        if not obs.daily_plans:
            plan.add(AdoptDailyPlans())
        self.staff(obs, plan)
        plan.add(PipelineReview())
        for d in sorted(obs.deals, key=lambda d: -d.value):
            if d.rep is None:
                continue
            if d.unresponsive:
                plan.add(DropDeal(d.id))
            elif d.stalled or d.win_chance < 0.5:
                plan.add(PushDeal(d.id))
        if obs.week_in_period >= 1:
            for r in obs.reps:
                if r.pace < 1.0:
                    plan.add(Feedback(r.id, Tone.CRITICISM, public=False))
        for r in obs.reps:
            plan.add(OneOnOne(r.id))
        visit = obs.hour_costs["joint_visit"]
        for d in sorted(obs.deals, key=lambda d: -d.value):
            if not plan.can_afford(visit):
                break  # the week is full: no further visit would fit
            if d.rep is not None and not d.unresponsive:
                plan.add(JointVisit(d.rep, d.id))
        return plan.actions


class PromiseBreaker(ByTheBook):
    """The handbook's routine, plus rewards promised freely and never paid."""

    name = "promise_breaker"

    def make_promises(self, obs: Observation, plan: Planner) -> None:
        for r in obs.reps:  # generous words, whatever the budget
            plan.add(MakePromise(r.id, 10_000, "quota"))

    def keep_promises(self, obs: Observation, plan: Planner) -> None:
        return  # the money is always needed elsewhere

    def talk(self, obs: Observation, plan: Planner) -> None:
        super().talk(obs, plan)
        for r in obs.reps:
            if r.flight_risk is not None:  # a promotion, a raise: anything to keep them
                plan.add(MakePromise(r.id, 20_000, "none", min(obs.weeks, obs.week + 4)))
