"""``by_the_book``: the handbook's practice, as a weekly routine.

* Quotas realistic and challenging: each rep's recent results, stretched a
  little more for achievers and a little less for service reps (P2).
* Weekly 1:1s (P8) and the 1-15-30 pipeline review: dead deals dropped,
  stalled live ones pushed (P10); support requested at the stage it serves
  (P11); a joint visit where a big deal hangs in the balance.
* Levers matched to each rep's type once it is known (P3–P7): a rival for
  competitors; development plans, autonomy and a deputy role for achievers;
  mentoring and public praise for ego-driven reps; key accounts and private
  appreciation for service reps.
* Praise in public, correct in private, one standard for all (P9); veterans
  honoured every period (P14); a deputy with light supervision and a profit
  share (P13, P14); promises only when they can be kept, and always kept (P15).
* Inbox decisions answered as the handbook would (the scenario marks which).
* A team goal each period and a team meeting every other week (P18); novices
  coached on their weakest skill and given a mentor (P6).
"""

from __future__ import annotations

import numpy as np

from ..api import (
    KEY_STAGE,
    RIGHT_POOL,
    Action,
    AdoptCallAnalytics,
    Answer,
    AssignKeyAccount,
    AssignMentor,
    CashBonus,
    Coach,
    DealView,
    Delegate,
    DelegatedTask,
    DevelopmentPlan,
    DropDeal,
    Feedback,
    GiveAutonomy,
    Hire,
    HonourVeteran,
    JointVisit,
    KeepPromise,
    MakePromise,
    MotivationType,
    NameRival,
    Observation,
    OneOnOne,
    PerformanceReview,
    PipelineReview,
    ProfitShare,
    PushDeal,
    ReadType,
    ReassignAccounts,
    RepView,
    RequestSupport,
    RunContest,
    SetQuota,
    SetTeamGoal,
    Skill,
    Stage,
    StrengthsAssessment,
    Supervision,
    TeamMeeting,
    Tone,
    fair_share,
)
from .base import Planner, believed_type, team_estimates

T = MotivationType

# a bonus promised for making quota, and what must stay free for everything else
PROMISED_BONUS = 4_000.0
PROMISE_RESERVE = 25_000.0
# a target this far above the team's record needs more people, not more stretch
GROWTH_HEADROOM = 1.25
# 1:1s a manager holds in a week; a bigger team's other 1:1s go to a deputy
OWN_TALKS = 10
# weeks of 1:1s before a rep whose type is still unclear is assessed
ASSESS_AFTER_WEEKS = 4

# one standard for all (P9): correct only results below 0.8 of pace, and clearly below any
# result praised this period (like results must not meet unlike words)
CORRECT_BELOW = 0.8
FAIR_MARGIN = 0.12

# quota stretch by type (P2, P5, P7); unknown types get the middle road
STRETCH: dict[MotivationType | None, float] = {
    T.COMPETITOR: 1.12,
    T.ACHIEVER: 1.20,
    T.EGO_DRIVEN: 1.10,
    T.SERVICE: 1.00,
    None: 1.08,
}


_LATE = (Stage.EVALUATION, Stage.NEGOTIATION)  # where a joint visit can still tip a deal


def _expected_first(d: DealView) -> float:
    """A sort key: deals by what they are expected to bring, the most first."""
    return -d.value * d.win_chance


class ByTheBook:
    """The handbook's manager."""

    name = "by_the_book"
    delegate_reviews = True
    match_types = True
    supervision = Supervision.LIGHT  # a rope… (P13)
    share_value = True  # …and a candy (P14)

    def __init__(self) -> None:
        self.rng: np.random.Generator | None = None
        self.initial_headcount: int | None = None
        self.praised_paces: list[float] = []  # the paces praised this period (one standard)
        # rep → (the hints and the type it was read from, the type believed)
        self._believed: dict[int, tuple[tuple, MotivationType | None, MotivationType | None]] = {}

    def reset(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.initial_headcount = None
        self.praised_paces = []
        self._believed = {}

    # ------------------------------------------------------------------ main
    def decide(self, obs: Observation) -> list[Action]:
        self.start_week(obs)
        plan = Planner(obs)
        self.answer_inbox(obs, plan)
        self.keep_promises(obs, plan)
        if obs.period_start:
            self.set_quotas(obs, plan)
            plan.add(SetTeamGoal())
            self.honour_veterans(obs, plan)
            if not obs.call_analytics and obs.budget_left >= obs.budget_per_period * 0.5:
                plan.add(AdoptCallAnalytics())
            self.make_promises(obs, plan)
        self.staff(obs, plan)
        self.pipeline(obs, plan)
        if obs.review_window and obs.period_end:
            self.reviews(obs, plan)
        self.talk(obs, plan)
        self.know_the_team(obs, plan)
        self.motivate(obs, plan)
        self.organise(obs, plan)
        self.support(obs, plan)
        self.develop(obs, plan)
        if obs.week % 2 == 1:
            plan.add(TeamMeeting())
        return plan.actions

    def believed(self, rep: RepView) -> MotivationType | None:
        """The rep's type as revealed or as the hints suggest (:func:`believed_type`),
        worked out again only when what it reads has changed: several of the week's
        decisions ask it, and a rep's hints are the same from week to week until a
        talk brings a new one."""
        known = self._believed.get(rep.id)
        if known is None or known[0] is not rep.hints or known[1] is not rep.type:
            known = self._believed[rep.id] = (rep.hints, rep.type, believed_type(rep))
        return known[2]

    def start_week(self, obs: Observation) -> None:
        """What the routine remembers: the team it started with, the praise of this period."""
        if self.initial_headcount is None:
            self.initial_headcount = len(obs.reps)
        if obs.period_start:
            self.praised_paces = []

    # ----------------------------------------------------------------- inbox
    def answer_inbox(self, obs: Observation, plan: Planner) -> None:
        """Decide every open message the way the handbook would (the scenario's key)."""
        for item in obs.inbox:
            if item.open and item.handbook is not None:
                plan.add(Answer(item.id, item.handbook))

    # ---------------------------------------------------------------- quotas
    def stretch(self, rep: RepView) -> float:
        return STRETCH[self.believed(rep) if self.match_types else None]

    def set_quotas(self, obs: Observation, plan: Planner) -> None:
        """Realistic and challenging, then nudged towards the team target (P2)."""
        est = team_estimates(obs)
        quotas = {r.id: est[r.id] * self.stretch(r) for r in obs.reps}
        total = sum(quotas.values())
        if total > 0:
            # close part of any gap to head office's target, never beyond 1.3× a rep's record
            scale = min(1.08, max(0.95, obs.team_target / total))
            for r in obs.reps:
                quotas[r.id] = min(quotas[r.id] * scale, est[r.id] * 1.3)
        for r in obs.reps:
            plan.add(SetQuota(r.id, round(quotas[r.id], -3)))

    # ----------------------------------------------------------------- talk
    def talk(self, obs: Observation, plan: Planner) -> None:
        """Weekly 1:1s, most urgent first (P8).

        With a team too big to see everyone every week, a deputy holds the
        others' 1:1s (see ``organise``) and the manager sees the most urgent:
        whoever may leave, the novices, the deputies, the unhappiest, and in
        turn whoever has waited longest.
        """
        own = len(obs.reps) if len(obs.reps) <= OWN_TALKS else OWN_TALKS

        def urgency(r: RepView) -> tuple:
            waited = obs.week - (r.last_one_on_one or 0)
            return (r.flight_risk is None, not r.novice, not r.deputy, r.mood > 0.5, -waited)

        for r in sorted(obs.reps, key=urgency)[:own]:
            if r.last_review_week == obs.week:
                continue
            plan.add(OneOnOne(r.id))
            if r.flight_risk is not None and r.flight_risk >= 0.3:
                plan.add(CashBonus(r.id, 5_000))

    def know_the_team(self, obs: Observation, plan: Planner) -> None:
        """Know each rep's needs before the customer's (P3): an assessment for whoever the
        1:1s have not made clear after a few weeks (on a big team, from the start), while
        the budget allows."""
        # what the hints have made clear is noted as the manager's read (and revised)
        for r in obs.reps:
            seen = self.believed(r) if r.type is None else None
            if seen is not None and seen is not r.read:
                plan.add(ReadType(r.id, seen))
        big = len(obs.reps) > OWN_TALKS  # the 1:1s will take months to reach everyone
        if obs.week < (1 if big else ASSESS_AFTER_WEEKS):
            return
        cost = obs.money_costs["assessment"]
        unclear = [r for r in obs.reps if self.believed(r) is None and not r.novice]
        for r in sorted(unclear, key=lambda r: (len(r.hints), r.id))[: 3 if big else 2]:
            if plan.budget_left - cost >= 0.5 * obs.budget_per_period:
                plan.add(StrengthsAssessment(r.id))

    def reviews(self, obs: Observation, plan: Planner) -> None:
        """Period-end reviews: praise in public, correct in private (P9)."""
        for r in obs.reps:
            t = self.believed(r) if self.match_types else None
            att = r.attainment
            if att >= 1.0:
                self.give_praise(plan, r, public=t is not T.SERVICE, review=True)
            elif self.fair_to_correct(r) and t in (T.COMPETITOR, T.ACHIEVER):
                plan.add(PerformanceReview(r.id, Tone.CRITICISM, public=False))
            else:
                plan.add(PerformanceReview(r.id))

    def give_praise(self, plan: Planner, rep: RepView, public: bool, review: bool = False) -> bool:
        """Praise (in a 1:1 or at a period's review), remembering the result praised."""
        action = (
            PerformanceReview(rep.id, Tone.PRAISE, public=public)
            if review
            else Feedback(rep.id, Tone.PRAISE, public=public)
        )
        if plan.add(action):
            self.praised_paces.append(rep.pace)
            return True
        return False

    def fair_to_correct(self, rep: RepView) -> bool:
        """One standard for all (P9): a correction only for results clearly below any
        result praised this period."""
        floor = min(self.praised_paces, default=CORRECT_BELOW + FAIR_MARGIN)
        return rep.pace < min(CORRECT_BELOW, floor - FAIR_MARGIN)

    def motivate(self, obs: Observation, plan: Planner) -> None:
        """Levers matched to what each rep is known to want (P3–P7)."""
        reps = {r.id: r for r in obs.reps}
        types = {r.id: self.believed(r) for r in obs.reps}
        competitors = [r for r in obs.reps if types[r.id] is T.COMPETITOR]
        service = [r for r in obs.reps if types[r.id] is T.SERVICE]
        if (
            obs.week_in_period == 1
            and not obs.contest_running
            and len(competitors) >= 2
            and 2 * len(service) <= len(competitors)  # the competitive side clearly outweighs
            and obs.budget_left > obs.budget_per_period * 0.5
        ):
            plan.add(RunContest())
        for r in obs.reps:
            t = types[r.id]
            since_praise = obs.week - r.last_recognised
            if t is T.COMPETITOR:
                if r.rival is None and len(obs.reps) > 1:
                    rival = self.pick_rival(obs, r, competitors)
                    if rival is not None:
                        plan.add(NameRival(r.id, rival))
                if r.pace >= 1.1 and since_praise >= 4:
                    self.give_praise(plan, r, public=True)
            elif t is T.ACHIEVER:
                if not r.development_plan and not r.novice:
                    plan.add(DevelopmentPlan(r.id))
                if not r.autonomy and not r.novice:
                    plan.add(GiveAutonomy(r.id))
                if r.pace >= 1.1 and since_praise >= 4:
                    self.give_praise(plan, r, public=True)
            elif t is T.EGO_DRIVEN:
                if since_praise >= 3 and r.pace >= 0.9:
                    self.give_praise(plan, r, public=True)
            elif t is T.SERVICE:
                if r.key_accounts == 0:
                    mine = obs.accounts.by_potential(obs.accounts.owned_by(r.id))
                    for a in mine[:3]:
                        plan.add(AssignKeyAccount(r.id, a))
                if obs.week % 4 == r.id % 4:
                    self.give_praise(plan, r, public=False)
        # novices learn from a mentor who likes to teach (P6)
        for r in obs.reps:
            if r.novice and r.mentor is None:
                mentor = self.pick_mentor(obs, types, reps)
                if mentor is not None:
                    plan.add(AssignMentor(mentor, r.id))

    def pick_rival(self, obs: Observation, rep: RepView, competitors: list[RepView]) -> int | None:
        """A rival of similar level, another competitor if there is one (P4)."""
        est = team_estimates(obs)
        pool = [c for c in competitors if c.id != rep.id] or [
            r for r in obs.reps if r.id != rep.id and self.believed(r) not in (T.SERVICE,)
        ]
        if not pool:
            return None
        return min(pool, key=lambda o: abs(est[o.id] - est[rep.id])).id

    def pick_mentor(
        self,
        obs: Observation,
        types: dict[int, MotivationType | None],
        reps: dict[int, RepView],
    ) -> int | None:
        taken = {r.mentor for r in obs.reps if r.mentor is not None}
        candidates = [
            r for r in obs.reps if not r.novice and r.id not in taken and r.mentee is None
        ]
        if not candidates:
            return None
        ego = [r for r in candidates if types[r.id] is T.EGO_DRIVEN]
        pool = ego or [r for r in candidates if types[r.id] in (T.ACHIEVER, T.SERVICE)]
        if not pool:
            return None
        return max(pool, key=lambda r: (r.pace, -r.id)).id

    # ------------------------------------------------------------ organise
    def organise(self, obs: Observation, plan: Planner) -> None:
        """Deputies, with a rope and a candy (P13, P14): the funnel reviews, and on a big
        team the 1:1s the manager cannot hold, each to a capable senior with light
        supervision and a share of the value."""
        if not self.delegate_reviews:
            return
        tasks = [DelegatedTask.PIPELINE_REVIEW]
        if len(obs.reps) > OWN_TALKS:
            tasks.append(DelegatedTask.ONE_ON_ONES)
        held = {d.task for d in obs.delegations}
        taken = {d.deputy for d in obs.delegations}
        est = team_estimates(obs)
        for task in tasks:
            if task.value in held:
                continue
            candidates = [
                r
                for r in obs.reps
                if not r.novice
                and r.id not in taken
                and self.believed(r) in (T.ACHIEVER, T.COMPETITOR, None)
            ]
            if not candidates:
                continue
            best = max(
                candidates,
                key=lambda r: (r.veteran, self.believed(r) is T.ACHIEVER, est[r.id], -r.id),
            )
            if plan.add(Delegate(best.id, task, self.supervision)):
                taken.add(best.id)
        if not self.share_value:
            return
        for d in obs.delegations:
            deputy = next((r for r in obs.reps if r.id == d.deputy), None)
            if deputy is not None and not deputy.profit_share:
                plan.add(ProfitShare(deputy.id))

    def honour_veterans(self, obs: Observation, plan: Planner) -> None:
        for r in obs.reps:
            if r.veteran:
                plan.add(HonourVeteran(r.id))

    def staff(self, obs: Observation, plan: Planner) -> None:
        """Replace leavers at once; grow the team when the target outgrows it (P6, P14).

        A hire takes weeks to arrive and months to ramp, so growth is decided at
        a period's start, when the next target shows a gap no stretch can close.
        """
        if len(obs.reps) + obs.pending_hires < (self.initial_headcount or 0):
            plan.add(Hire())
        if obs.period_start and obs.period + 1 < obs.periods:
            est = team_estimates(obs)
            capacity = sum(est.values())
            mean = capacity / max(1, len(est))
            # hires arrive in weeks and ramp for months: plan for next period's target too
            need = max(obs.targets[obs.period : obs.period + 2])
            gap = need - GROWTH_HEADROOM * capacity
            room = obs.max_headcount - len(obs.reps) - obs.pending_hires
            wanted = min(2, room, int(gap // (0.5 * mean))) if mean > 0 else 0
            for _ in range(max(0, wanted)):
                if plan.add(Hire()):
                    self.initial_headcount = (self.initial_headcount or 0) + 1

        self.rebalance(obs, plan)

    def rebalance(self, obs: Observation, plan: Planner) -> None:
        """A newcomer with no territory gets accounts from the most loaded reps (P12).

        Only accounts without open deals move, the smallest first, so nobody
        loses a deal in progress and the big relationships stay with experience.
        """
        if not any(r.ramping for r in obs.reps):
            return  # nobody new: nothing to hand over
        accts = obs.accounts
        owned = {r.id: accts.owned_by(r.id) for r in obs.reps}
        fair = sum(len(v) for v in owned.values()) / len(owned)
        for r in obs.reps:
            if not r.ramping or len(owned[r.id]) >= 0.5 * fair:
                continue
            moved = fair_share(obs, r.id, owned)
            if moved:
                plan.add(ReassignAccounts(r.id, tuple(moved)))
                for g in owned:
                    owned[g] = [a for a in owned[g] if a not in moved]
                owned[r.id] += moved

    def make_promises(self, obs: Observation, plan: Planner) -> None:
        """A real reward for making quota — only if every one of them could be paid (P15)."""
        reward = PROMISED_BONUS
        if obs.budget_per_period >= len(obs.reps) * reward + PROMISE_RESERVE:
            for r in obs.reps:
                plan.add(MakePromise(r.id, reward, "quota"))

    def keep_promises(self, obs: Observation, plan: Planner) -> None:
        """Pay what is due, and pay early whoever has already made quota this period."""
        made_it = {r.id for r in obs.reps if r.attainment >= 1.0}
        for p in obs.promises:
            early = (
                p.status == "open"
                and p.condition == "quota"
                and p.rep in made_it
                and obs.period_end
                and p.due_week == obs.week
            )
            if p.status == "due" or early:
                plan.add(KeepPromise(p.id))

    # --------------------------------------------------------------- deals
    def pipeline(self, obs: Observation, plan: Planner) -> None:
        """1-15-30: review weekly, push what stalls, drop what is dead (P10)."""
        delegated = any(d.task == DelegatedTask.PIPELINE_REVIEW.value for d in obs.delegations)
        if not delegated:
            plan.add(PipelineReview())
        pushes = 0
        # what may need a decision (gone quiet, or stalled: the dead suspects are among
        # the stalled), biggest first
        needing = [d for d in obs.deals if d.rep is not None and (d.unresponsive or d.stalled)]
        for d in sorted(needing, key=lambda d: -d.value):
            if d.unresponsive or (d.dead_suspect and d.reviewed and d.win_chance < 0.1):
                plan.add(DropDeal(d.id))
            elif d.stalled and d.win_chance >= 0.2 and pushes < 4 and plan.add(PushDeal(d.id)):
                pushes += 1

    def support(self, obs: Observation, plan: Planner) -> None:
        """The right specialists at the stage each customer decides (P11, P12); visit the big.

        The archive says how each customer decides: a technical buyer is won at
        the technical exchange with pre-sales, a committee in requirements with
        consultants, a boss at the evaluation with an executive, a price buyer
        in negotiation with legal and finance. Scarce specialists go to the
        most valuable deals at that stage first, while their queue is short.
        """
        busy = {p.pool: p.queue for p in obs.pools}
        size = {p.pool: p.size for p in obs.pools}
        # at the stage where the customer decides, likely enough to be worth the help; and
        # late, where the manager's presence can still tip it
        deciding, late = [], []
        for d in obs.deals:
            if d.rep is None or d.unresponsive:
                continue
            if d.win_chance >= 0.15 and d.stage is KEY_STAGE[d.decision_style]:
                deciding.append(d)
            if d.stage in _LATE and 0.3 <= d.win_chance <= 0.85:
                late.append(d)
        for d in sorted(deciding, key=_expected_first):
            pool = RIGHT_POOL[d.stage]
            if not size[pool] or dict(d.support).get(pool):
                continue
            if busy[pool] <= size[pool] and plan.add(RequestSupport(d.id, pool)):
                busy[pool] += 1
        for d in sorted(late, key=_expected_first):
            rep = next(r for r in obs.reps if r.id == d.rep)
            if rep.autonomy:
                continue
            plan.add(JointVisit(rep.id, d.id))
            break

    def develop(self, obs: Observation, plan: Planner) -> None:
        """Coach novices on the skill they lack most."""
        for r in sorted(obs.reps, key=lambda r: r.tenure_years):
            if not r.novice:
                continue
            skill = r.weakest_skill or Skill.PROSPECTING
            plan.add(Coach(r.id, skill))
