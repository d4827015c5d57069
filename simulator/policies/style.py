"""A family of managing styles, one knob per habit: the handbook's routine, varied.

:class:`Style` names a way of managing by its habits — how hard the quotas,
how often the 1:1s, the coaching, the reviews and the team meetings, which
motivational levers for whom, praise and criticism in public or in private,
how closely a deputy is watched and whether they share the value, whether
promises are kept. :class:`StylePolicy` manages that way. With the defaults
it is ``by_the_book``; each knob moved away from them is one habit changed.

The family serves the model's validity checks (``benchmarks/validity.py``:
"all else equal, this habit changes the season this much") and the search
for exploits (``benchmarks/exploit_search.py``: no style that breaks a
handbook rule may beat the handbook).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np

from ..api import (
    Action,
    AssignKeyAccount,
    Coach,
    DelegatedTask,
    DevelopmentPlan,
    Feedback,
    GiveAutonomy,
    MakePromise,
    MotivationType,
    NameRival,
    Observation,
    OneOnOne,
    Plan,
    PushDeal,
    RepView,
    SetQuota,
    Skill,
    Supervision,
    TeamMeeting,
    Tone,
    team_estimates,
)
from .anti_patterns import contests_for_all
from .by_the_book import ByTheBook

T = MotivationType
LEVERS = ("matched", "contest", "growth", "mismatched", "none")
PRAISE = ("public", "private", "matched", "none")
CRITICISM = ("private", "public", "none")
SUPERVISION = ("light", "tight", "none")


@dataclass(frozen=True)
class Style:
    """A way of managing, habit by habit (the defaults are the handbook's)."""

    quota: float = 0.0  # 0: the handbook's stretch by type; >0: this × each rep's record;
    #                     <0: never set (someone else does: an experiment)
    talk_every: int = 1  # a 1:1 with each rep every this many weeks (0: never)
    coach_per_week: float = 0.0  # extra coaching sessions per rep a week (0.25: monthly)
    coach_novices: bool = True  # the handbook's habit: every novice, weekly, on the weakest skill
    coach_all: bool = False  # coach everyone, not only novices
    coach_count: int = 0  # coach only this many reps, the least experienced (0: all it coaches)
    review_every: int = 1  # the 1-15-30 review every this many weeks (0: never)
    meet_every: int = 2  # a team meeting every this many weeks (0: never)
    levers: str = "matched"  # matched, contest, growth, mismatched or none (see LEVERS)
    praise: str = "matched"  # public, private, matched (private for service reps) or none
    criticism: str = "none"  # private, public or none: corrections for reps behind pace
    delegate: bool = True  # a deputy runs the funnel reviews
    supervision: str = "light"  # how closely the deputy is watched
    profit_share: bool = True  # the deputy shares the value they create
    promises: str = "keep"  # keep (made only when payable), break, or none
    honour_veterans: bool = True
    support: bool = True  # ask for pre-sales, consultants, executives at the right stage

    def __post_init__(self) -> None:
        for name, allowed in (
            ("levers", LEVERS),
            ("praise", PRAISE),
            ("criticism", CRITICISM),
            ("supervision", SUPERVISION),
            ("promises", ("keep", "break", "none")),
        ):
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} is one of {', '.join(allowed)}")

    def breaks_a_rule(self) -> list[str]:
        """The handbook's rules this style breaks (the exploit search's red lines)."""
        out = []
        if self.criticism == "public":
            out.append("criticises in public")
        if self.promises == "break":
            out.append("breaks promises")
        if self.quota >= 1.5:
            out.append("sets quotas far above capacity")
        if self.delegate and self.supervision == "none":
            out.append("delegates without supervision")
        return out

    def canonical(self) -> Style:
        """The same way of managing with the knobs it never uses at their defaults.

        (Who to coach beyond novices means nothing without extra coaching; how a
        deputy is watched and paid means nothing without a deputy.)
        """
        out = self
        if not out.coach_per_week:
            out = replace(out, coach_all=False, coach_count=0)
        if not out.delegate:
            out = replace(out, supervision="light", profit_share=True)
        return out

    def label(self) -> str:
        base = Style()
        changed = [
            f"{f.name}={getattr(self, f.name)}"
            for f in fields(self)
            if getattr(self, f.name) != getattr(base, f.name)
        ]
        return ", ".join(changed) or "by the book"

    def but(self, **changes: Any) -> Style:
        return replace(self, **changes)


class StylePolicy(ByTheBook):
    """Manages in one :class:`Style`: the handbook's routine with some habits changed."""

    name = "style"

    def __init__(self, style: Style | None = None) -> None:
        super().__init__()
        self.style = style or Style()
        self.delegate_reviews = self.style.delegate
        self.supervision = Supervision(self.style.supervision)
        self.share_value = self.style.profit_share
        self.match_types = self.style.levers == "matched"
        self._coach_debt: dict[int, float] = {}
        self._sessions: dict[int, int] = {}

    def reset(self, rng: np.random.Generator) -> None:
        super().reset(rng)
        self._coach_debt = {}
        self._sessions = {}

    # ------------------------------------------------------------ the routine
    def decide(self, obs: Observation) -> list[Action]:
        s = self.style
        self.start_week(obs)
        plan = Plan(obs)
        self.answer_inbox(obs, plan)
        if s.promises == "keep":
            self.keep_promises(obs, plan)
        if obs.period_start:
            self.set_quotas(obs, plan)
            self.set_team_goal(obs, plan)
            if s.honour_veterans:
                self.honour_veterans(obs, plan)
            self.adopt_tools(obs, plan)
            if s.promises != "none":
                self.make_promises(obs, plan)
        self.staff(obs, plan)
        self.pipeline(obs, plan)
        if obs.review_window and obs.period_end:
            self.reviews(obs, plan)
        self.talk(obs, plan)
        self.know_the_team(obs, plan)
        self.motivate(obs, plan)
        self.correct(obs, plan)
        self.organise(obs, plan)
        if s.support:
            self.support(obs, plan)
        self.develop(obs, plan)
        if s.meet_every and obs.week % s.meet_every == 1 % s.meet_every:
            plan.add(TeamMeeting())
        return plan.actions

    def set_team_goal(self, obs: Observation, plan: Plan) -> None:
        from ..api import SetTeamGoal

        plan.add(SetTeamGoal())

    def adopt_tools(self, obs: Observation, plan: Plan) -> None:
        from ..api import AdoptCallAnalytics

        if not obs.call_analytics and obs.budget_left >= obs.budget_per_period * 0.5:
            plan.add(AdoptCallAnalytics())

    def set_quotas(self, obs: Observation, plan: Plan) -> None:
        if self.style.quota < 0:
            return
        if not self.style.quota:
            super().set_quotas(obs, plan)
            return
        est = team_estimates(obs)
        for r in obs.reps:
            plan.add(SetQuota(r.id, round(est[r.id] * self.style.quota, -3)))

    def talk(self, obs: Observation, plan: Plan) -> None:
        every = self.style.talk_every
        if every == 1:
            super().talk(obs, plan)  # the handbook's weekly rhythm, most urgent first
            return
        if not every:
            return
        for r in sorted(obs.reps, key=lambda r: (r.flight_risk is None, r.mood)):
            if (obs.week + r.id) % every == 0 and r.last_review_week != obs.week:
                plan.add(OneOnOne(r.id))

    def pipeline(self, obs: Observation, plan: Plan) -> None:
        every = self.style.review_every
        delegated = any(d.task == DelegatedTask.PIPELINE_REVIEW.value for d in obs.delegations)
        if delegated or (every and obs.week % every == 0):
            super().pipeline(obs, plan)  # a deputy reviews, or it is the week to
        elif every:
            # no review this week: the dead deals already found are still dropped
            super_pipeline_without_review(obs, plan)

    # ------------------------------------------------------------ levers
    def motivate(self, obs: Observation, plan: Plan) -> None:
        mode = self.style.levers
        if mode == "matched":
            super().motivate(obs, plan)
        elif mode == "contest":
            contests_for_all(obs, plan)
        elif mode == "growth":
            for r in obs.reps:
                if not r.development_plan and not r.novice:
                    plan.add(DevelopmentPlan(r.id))
                if not r.autonomy and not r.novice:
                    plan.add(GiveAutonomy(r.id))
        elif mode == "mismatched":
            self._mismatched(obs, plan)
        self.praise(obs, plan)

    def _mismatched(self, obs: Observation, plan: Plan) -> None:
        """The wrong lever for each type: what a manager who misreads people would pull."""
        est = team_estimates(obs)
        for r in obs.reps:
            t = self.believed(r)
            if t is T.COMPETITOR and r.key_accounts == 0:
                mine = obs.accounts.by_potential(obs.accounts.owned_by(r.id))
                for a in mine[:3]:  # a hunter made to farm
                    plan.add(AssignKeyAccount(r.id, a))
            elif t is T.ACHIEVER:
                for d in sorted(r.deals, key=lambda d: -d.value)[:2]:
                    plan.add(PushDeal(d.id))  # watched closely: the opposite of autonomy
            elif t is T.EGO_DRIVEN and not r.autonomy and not r.novice:
                plan.add(GiveAutonomy(r.id))  # left alone, where they want a stage
            elif t is T.SERVICE and r.rival is None and len(obs.reps) > 1:
                other = min(
                    (o for o in obs.reps if o.id != r.id), key=lambda o: abs(est[o.id] - est[r.id])
                )
                plan.add(NameRival(r.id, other.id))  # pitted against a colleague

    def praise(self, obs: Observation, plan: Plan) -> None:
        mode = self.style.praise
        if mode == "none" or self.style.levers == "matched":
            return  # the handbook's routine praises as part of its matched levers
        for r in obs.reps:
            if r.pace >= 1.1 and obs.week - r.last_recognised >= 4:
                public = mode == "public" or (
                    mode == "matched" and self.believed(r) is not T.SERVICE
                )
                self.give_praise(plan, r, public=public)

    def correct(self, obs: Observation, plan: Plan) -> None:
        mode = self.style.criticism
        if mode == "none" or obs.week_in_period < 3:
            return
        for r in sorted(obs.reps, key=lambda r: r.pace)[:2]:
            if self.fair_to_correct(r):
                plan.add(Feedback(r.id, Tone.CRITICISM, public=mode == "public"))

    def make_promises(self, obs: Observation, plan: Plan) -> None:
        if self.style.promises == "break":
            for r in obs.reps:
                plan.add(MakePromise(r.id, 10_000, "quota"))
            return
        super().make_promises(obs, plan)

    # ------------------------------------------------------------ growing
    def develop(self, obs: Observation, plan: Plan) -> None:
        if self.style.coach_novices:
            super().develop(obs, plan)  # novices on their weakest skill, every week
        per_week = self.style.coach_per_week
        if not per_week:
            return
        # the reps with most to learn first: the least experienced
        by_need = sorted(obs.reps, key=lambda r: (r.tenure_years, r.id))
        chosen = by_need[: self.style.coach_count] if self.style.coach_count else obs.reps
        for r in chosen:
            if not (self.style.coach_all or r.novice):
                continue
            owed = self._coach_debt.get(r.id, 0.0) + per_week
            while owed >= 1.0 - 1e-9:
                plan.add(Coach(r.id, self.skill_to_coach(r)))
                owed -= 1.0
            self._coach_debt[r.id] = owed

    def skill_to_coach(self, rep: RepView) -> Skill:
        """The selling skills in turn, the weakest (when known) first of each round."""
        order = [Skill.NEGOTIATION, Skill.SOLUTION, Skill.PROSPECTING, Skill.ACCOUNT_CARE]
        if rep.weakest_skill is not None:
            order.remove(rep.weakest_skill)
            order.insert(0, rep.weakest_skill)
        n = self._sessions.get(rep.id, 0)
        self._sessions[rep.id] = n + 1
        return order[n % len(order)]


def super_pipeline_without_review(obs: Observation, plan: Plan) -> None:
    """Drop what is known to be dead and push what is stalled, without reviewing."""
    from ..api import DropDeal

    pushes = 0
    for d in sorted(obs.deals, key=lambda d: -d.value):
        if d.rep is None:
            continue
        if d.unresponsive:
            plan.add(DropDeal(d.id))
        elif d.stalled and d.win_chance >= 0.2 and pushes < 4 and plan.add(PushDeal(d.id)):
            pushes += 1
