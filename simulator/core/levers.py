"""What each managerial lever does to the world (lessons P1–P18, docs/model.md).

These functions are the model's answer to "what happens when the manager does
X to rep Y". They assume the action was already checked and paid for by
``simulator.actions``; each returns a small dict of what changed, which the
action layer logs so the debrief can show which actions paid off (P16).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .manager import Delegation, Promise
from .rep import Rep
from .support import SupportVisit
from .talk import SMALL_REWARD, add_hint, react, respond
from .talk import feedback as feedback  # a lever of its own, told with the talk
from .types import DelegatedTask, MotivationType, Pool, Skill, Stage, Supervision

if TYPE_CHECKING:
    from .deal import Deal
    from .world import World

Effects = dict[str, Any]


def _clip(x: float) -> float:
    return min(1.0, max(0.0, x))


# ------------------------------------------------------------------ talk (P8)
def one_on_one(world: World, rep: Rep) -> Effects:
    """A weekly 1:1: trust grows; hints, flight risk and stuck deals come out."""
    p = world.params
    rep.last_one_on_one = rep.last_talk = world.week
    before = rep.trust
    if rep.trust < p.trust_cap_from_talk:
        rep.trust = min(p.trust_cap_from_talk, rep.trust + p.one_on_one_trust)
    rep.stress = _clip(rep.stress - p.one_on_one_stress)
    eff: Effects = {"trust": rep.trust - before}
    u = world.streams.get("rep.talk", rep.id).random()
    if u < p.hint_chance:
        eff.update(add_hint(world, rep, "one_on_one"))
    risk = world.surface_flight_risk(rep, at_least=p.flight_risk_visible)
    if risk is not None:
        eff["flight_risk"] = round(risk, 2)
    now = world.env.now
    stuck = [d.id for d in rep.open_deals if now - d.last_heard >= p.stall_days]
    if stuck:
        world.event("stuck_deals", rep.id, deals=stuck)
        eff["stuck_deals"] = stuck
    return eff


def team_meeting(world: World) -> Effects:
    """Everyone raises problems; cohesion and a little trust grow (P8, P18)."""
    p = world.params
    m = world.manager
    again = world.week - 1 in m.meetings
    gain = p.meeting_cohesion * (p.meeting_repeat if again else 1.0)
    gain *= 1.0 - world.cohesion
    world.cohesion = _clip(world.cohesion + gain)
    m.meetings.append(world.week)
    raised = []
    cap = p.trust_cap_from_talk
    for rep in world.active_reps:
        if rep.trust < cap:
            rep.trust = min(cap, rep.trust + p.meeting_trust)
        if rep.stress > p.strain_stress:
            raised.append(rep.id)
    world.event("team_meeting", None, overloaded=raised, cohesion=round(gain, 3), again=bool(again))
    return {"cohesion": gain, "overloaded": raised}


def team_goal(world: World) -> Effects:
    """One clear shared goal for the period (P18)."""
    m = world.manager
    if m.team_goal_period == world.period:
        return {"cohesion": 0.0}
    m.team_goal_period = world.period
    gain = world.params.goal_cohesion * (1.0 - world.cohesion)
    world.cohesion = _clip(world.cohesion + gain)
    world.event("team_goal", None, period=world.period, cohesion=round(gain, 3))
    return {"cohesion": gain}


# ------------------------------------------------------------- growth (P5, P6)
def coach(world: World, rep: Rep, skill: Skill) -> Effects:
    """Two hours on one skill: part of the way to the rep's potential, less each time.

    A session closes a share of the gap between the skill and what the rep
    could reach (novices learn faster). Practice spaced out teaches more per
    session than practice crammed together: the first session of a week counts
    ``weeks since the last one ** coaching_spacing`` (up to a quarter apart), a
    second session in the same week teaches less than the first, a third less
    again. Aimed at the skill call
    analytics shows weakest, it teaches more. A service rep coached to hunt
    learns only half as much: a carer is not made a hunter (P7).
    """
    p = world.params
    share = p.coaching_novice_share if rep.novice else p.coaching_share
    if rep.coached_week != world.week:
        # spaced practice: the weeks since the last session let the last lesson settle
        gap = world.week - rep.coached_week if rep.coached_week > 0 else 1
        share *= min(p.coaching_spacing_cap, max(1, gap)) ** p.coaching_spacing
        rep.coached_week, rep.coached_times = world.week, 0
    dose = p.coaching_dose[min(rep.coached_times, len(p.coaching_dose) - 1)]
    rep.coached_times += 1
    share *= dose
    aimed = world.manager.call_analytics and skill is rep.weakest_skill()
    if aimed:
        share *= 1.0 + p.analytics_bonus
    if rep.type is MotivationType.SERVICE and skill is Skill.PROSPECTING:
        share *= p.service_hunt_learning
    gain = rep.learn(skill, share)
    if aimed:
        # call analytics pays off: the session went where the calls showed the gap
        world.event("coaching_aimed", rep.id, skill=skill.value, bonus=p.analytics_bonus)
    return {"skill": skill.value, "gain": gain}


def development_plan(world: World, rep: Rep) -> Effects:
    """Strengths, what to improve, what to learn: a stretch plan (P5)."""
    rep.development_plan = True
    return {"engagement": respond(world, rep, "development_plan")}


def autonomy(world: World, rep: Rep) -> Effects:
    """Hand over the big goal and step back (P5)."""
    rep.autonomy = True
    return {"engagement": respond(world, rep, "autonomy")}


def mentor(world: World, mentor_rep: Rep, novice: Rep) -> Effects:
    """Make an experienced rep a novice's mentor (P6): in place of the novice's mentor,
    if they had one (who is told, and mentors no one now), and of the mentor's own
    mentee, if they had one."""
    if novice.mentor is not None and novice.mentor != mentor_rep.id:
        before = world.rep(novice.mentor)
        if before.mentor_of == novice.id:
            before.mentor_of = None
        world.event("mentor_replaced", before.id, novice=novice.id, mentor=mentor_rep.id)
    if mentor_rep.mentor_of is not None and mentor_rep.mentor_of != novice.id:
        old = world.rep(mentor_rep.mentor_of)
        old.mentor = None
    mentor_rep.mentor_of = novice.id
    mentor_rep.last_recognised = world.week  # being looked up to is recognition
    novice.mentor = mentor_rep.id
    return {"engagement": respond(world, mentor_rep, "mentor")}


def team_training(world: World, skill: Skill) -> Effects:
    """A training day for the whole team: everyone a little better (P18)."""
    share = world.params.team_training_share
    gains = [rep.learn(skill, share) for rep in world.active_reps]
    world.event(
        "team_training",
        None,
        skill=skill.value,
        reps=len(gains),
        learnt=sum(1 for g in gains if g > 0),
    )
    return {"skill": skill.value, "gain": sum(gains) / len(gains) if gains else 0.0}


# -------------------------------------------------------- motivation (P4, P15)
def contest(world: World) -> Effects:
    """A sales contest with a leaderboard until the period ends (P4)."""
    world.manager.contest_period = world.period
    return {str(r.id): respond(world, r, "contest") for r in world.active_reps}


def rival(world: World, rep: Rep, other: Rep) -> Effects:
    """Name a rival: "the new rep may take your territory" (P4)."""
    rep.rival = other.id
    rep.rival_until = world.week + world.params.rival_weeks
    return {"engagement": respond(world, rep, "rival")}


def bonus(world: World, rep: Rep, amount: float, shown_as: str = "bonus") -> Effects:
    """A cash reward: real recognition, drawn from a limited budget (P15); ``shown_as``:
    what the rep's reaction is to (a bonus, or a promise kept)."""
    p = world.params
    scale = min(p.bonus_scale_cap, (amount / p.bonus_unit) ** p.bonus_exponent)
    rep.rewards_this_period += 1
    rep.last_recognised = world.week
    why = [["small_reward", amount]] if scale <= SMALL_REWARD else []
    change = respond(world, rep, "bonus", scale, why, shown_as)
    return {"engagement": change, "amount": amount}


def promise(world: World, rep: Rep, amount: float, condition: str, due_week: int) -> Effects:
    """Promise a reward; the model tracks it until kept, lapsed or broken (P15)."""
    pr = Promise(world.new_promise_id(), rep.id, amount, condition, world.week, due_week)
    world.manager.promises.append(pr)
    p = world.params
    change = rep.nudge(
        p.promise_engagement * (p.good_news_trust_offset + rep.trust) / p.good_news_trust_ref
    )
    world.event(
        "promise_made",
        rep.id,
        promise=pr.id,
        amount=amount,
        condition=condition,
        due_week=due_week,
    )
    return {"promise": pr.id, "engagement": change}


def keep_promise(world: World, pr: Promise) -> Effects:
    rep = world.rep(pr.rep)
    pr.status = "kept"
    pr.settled_week = world.week
    before = rep.trust
    rep.trust = _clip(rep.trust + world.params.promise_kept_trust)
    eff = bonus(world, rep, pr.amount, shown_as="promise_kept")
    world.event("promise_kept", rep.id, promise=pr.id, amount=pr.amount)
    eff["trust"] = rep.trust - before
    return eff


def honour_veteran(world: World, rep: Rep) -> Effects:
    """Status, face and pay for a veteran, in front of the team (P14)."""
    p = world.params
    rep.last_recognised = world.week
    change = rep.nudge(p.veteran_honour)
    for other in world.active_reps:
        if other.id != rep.id:
            other.nudge(p.veteran_honour_team)
    react(world, rep, "honour_veteran", p.veteran_honour, change)
    return {"engagement": change, "team": p.veteran_honour_team}


# ----------------------------------------------------- organisation (P7, P13)
def key_account(world: World, rep: Rep, account: int) -> Effects:
    """Give a rep a key account to look after (P7)."""
    acc = world.accounts
    world.assign_account(account, rep)
    acc.key[account] = True
    first = rep.key_accounts == 0
    rep.key_accounts += 1
    eff: Effects = {"account": account}
    if first:
        eff["engagement"] = respond(world, rep, "key_account")
    return eff


def reassign_accounts(world: World, rep: Rep, accounts: tuple[int, ...]) -> Effects:
    """Give accounts to a rep; a newcomer who arrived with none gets a quota for them."""
    for a in accounts:
        world.assign_account(int(a), rep)
    eff: Effects = {"accounts": len(accounts)}
    first, _ = world.period_weeks_of(world.period)
    newcomer = rep.joined_week > 0 and rep.joined_week >= first
    if newcomer and rep.quotas.get(world.period, 0.0) <= 0:
        world.refresh_capacity()
        quota = round(rep.capacity * world.params.new_hire_quota, -3)
        rep.quotas[world.period] = quota
        eff["quota"] = quota
    return eff


def delegate(world: World, deputy: Rep, task: DelegatedTask, level: Supervision) -> Effects:
    """Hand a task to a deputy with a rope and a candy (P13)."""
    m = world.manager
    first = deputy.deputy_since is None
    if first:
        deputy.deputy_since = world.week
    since = world.week
    old = m.delegations.get(task)
    if old is not None and old.deputy == deputy.id:
        since = old.since_week
    m.delegations[task] = Delegation(task, deputy.id, level, since)
    eff: Effects = {"task": task.value, "supervision": level.value}
    if first:
        eff["engagement"] = respond(world, deputy, "deputy")
        if not deputy.veteran:
            # a veteran passed over for a junior, without the status to show for it (P14)
            p = world.params
            for vet in world.active_reps:
                if vet.veteran and world.week - vet.last_recognised > p.veteran_neglect_weeks:
                    change = vet.nudge(-p.passed_over)
                    vet.nudge_fit(-p.passed_over)
                    react(world, vet, "passed_over", -p.passed_over, change)
    return eff


def profit_share(world: World, deputy: Rep) -> Effects:
    """A value-sharing rule for a deputy (P14)."""
    deputy.profit_share = True
    lift = world.params.profit_share_engagement
    change = deputy.nudge(lift)
    react(world, deputy, "profit_share", lift, change)  # how they took it, as every lever's
    return {"engagement": change}


# --------------------------------------------------------------- deals (P10, P11)
def review_funnel(
    world: World, deals: list[Deal], by: str = "review"
) -> tuple[list[int], list[int]]:
    """Go through deals one by one (1-15-30): true odds come out, and the week is re-planned.

    Every deal checked shows its honest odds (a dead one shows as dead, and its
    rep will let it go); the most promising stalled deals of each rep are put
    first in their week. The (stalled, dead) deals found, by id. ``by``: whose
    review it was ("review": the manager's, "deputy": a deputy's), as a deal's
    causes tell it.
    """
    p = world.params
    now = world.env.now
    stalled, dead = [], []
    revive: dict[int, list[Deal]] = {}
    world.mark_checked(deals)
    for d in deals:
        idle = now - d.last_heard
        if idle >= p.dead_days:
            dead.append(d.id)
        elif idle >= p.stall_days:
            stalled.append(d.id)
            if not d.zombie and d.rep is not None:
                revive.setdefault(d.rep, []).append(d)
    for rep_deals in revive.values():
        rep_deals.sort(key=lambda d: (-d.p_true * d.value, d.id))
        for d in rep_deals[: p.review_pushes]:
            if not d.pushed:
                d.push_by = by
            d.pushed = True
    return stalled, dead


def pipeline_review(world: World, reps: list[Rep]) -> Effects:
    """Go through each rep's funnel deal by deal: true stage and odds come out."""
    for rep in reps:
        world.manager.reviewed_reps.add(rep.id)
    deals = [d for rep in reps for d in rep.open_deals]
    # the funnel's worth as the reps had reported it, and as the review finds it
    reported = sum(d.shown_p * d.value for d in deals)
    stalled, dead = review_funnel(world, deals)
    checked = sum(d.shown_p * d.value for d in deals)
    world.event(
        "pipeline_review",
        None,
        reps=[r.id for r in reps],
        stalled=stalled,
        dead=dead,
        silent=sum(1 for d in deals if d.zombie),  # customers found gone quiet
        reported=round(reported),
        checked=round(checked),
    )
    return {"stalled": stalled, "dead": dead}


def drop_deal(world: World, deal: Deal) -> Effects:
    was_alive = not deal.zombie
    world.drop_deal(deal, by="manager")
    return {"deal": deal.id, "was_alive": was_alive}


def push_deal(world: World, deal: Deal) -> Effects:
    """Ask the rep to work this deal first this week."""
    deal.pushed = True
    deal.push_by = "manager"
    if deal.rep is not None:
        world.rep(deal.rep).oversight += 1
    return {"deal": deal.id}


def joint_visit(world: World, rep: Rep, deal: Deal) -> Effects:
    """Go to the customer with the rep: better odds, and the rep learns."""
    p = world.params
    world.touch(deal)
    before = deal.p_true
    if not deal.zombie:
        lifted = min(p.boosted_cap, deal.p_true + p.joint_visit_boost * (1.0 - deal.p_true))
        deal.set_p(lifted, "joint_visit")
    world.mark_checked([deal])  # the manager sees the customer, and the odds, for themself
    skill = Skill.SOLUTION if deal.stage <= Stage.SOLUTION else Skill.NEGOTIATION
    rep.learn(skill, p.joint_visit_share)
    rep.oversight += 1
    world.event(
        "joint_visit",
        rep.id,
        deal=deal.id,
        account=deal.account,
        shown=round(deal.shown_p, 3),
        silent=deal.zombie,
        skill=skill.value,
    )
    return {"deal": deal.id, "win_chance": deal.p_true - before, "skill": skill.value}


def request_support(world: World, deal: Deal, pool: Pool) -> Effects:
    SupportVisit(world, deal, pool)
    return {"deal": deal.id, "pool": pool.value, "queue": world.pools.queue_length(pool)}


# ------------------------------------------------------------ people
def set_quota(world: World, rep: Rep, period: int, amount: float) -> Effects:
    """Set a quota; a raise right after a rep beat expectations feels like a ratchet."""
    p = world.params
    eff: Effects = {"period": period, "quota": amount}
    if rep.capacity > 0:
        # the quota against what the rep could truly book (P2); for the debrief's eyes only
        eff["difficulty"] = amount / rep.capacity
    last = rep.last_result(period)
    if last is not None:
        last_quota, last_result = last
        expected = p.ratchet_result_weight * last_result + p.ratchet_quota_weight * last_quota
        tolerance = p.ratchet_tolerance
        if last_result > last_quota and expected > 0 and amount > tolerance * expected:
            hit = p.ratchet_trust * min(1.0, (amount / expected - tolerance) / p.ratchet_full_at)
            rep.trust = _clip(rep.trust - hit)
            eff["ratchet"] = -hit
    late = world.week - world.period_weeks_of(period)[0] >= p.moving_goalposts_after
    if period == world.period and late:
        rep.trust = _clip(rep.trust - p.moving_goalposts_trust)
        eff["moving_goalposts"] = -p.moving_goalposts_trust
    rep.quotas[period] = float(amount)
    world.event("quota_set", rep.id, period=period, quota=float(amount))
    return eff


def hire(world: World) -> Effects:
    spec, weeks, ramp = world.new_hire_spec()
    world.manager.pending_hires += 1
    world.env.process(world.hire_process(weeks, spec, ramp))
    world.event("hire_started", None, weeks=weeks)
    return {"weeks": weeks}


def let_go(world: World, rep: Rep) -> Effects:
    """Part with a rep; letting a performer go shakes everyone."""
    p = world.params
    fair = world.pace(rep) < p.fair_firing or rep.attainment(world.period) < p.fair_firing
    world.remove_rep(rep, reason="let_go")
    for other in world.active_reps:
        other.nudge(-(p.fair_firing_team_mood if fair else p.unfair_firing_team_mood))
        if not fair:
            other.trust = _clip(other.trust - p.unfair_firing_trust)
    return {"fair": fair}


def read_type(world: World, rep: Rep, mtype: MotivationType | None) -> Effects:
    """The manager notes what they believe drives a rep (P3). Nothing changes for the rep;
    the note is kept (the trainer's record says whether it was right)."""
    world.manager.reads[rep.id] = mtype
    world.event(
        "type_read",
        rep.id,
        visible=False,
        type=mtype.value if mtype is not None else None,
        right=mtype is rep.type,
    )
    return {}


def assessment(world: World, rep: Rep) -> Effects:
    """A strengths assessment: type and weakest skill, at once (P3)."""
    rep.weakest_known = True
    if not rep.revealed:
        rep.revealed = True
        rep.revealed_by = "assessment"
        world.event("type_revealed", rep.id, type=rep.type.value, by="assessment")
    return {"type": rep.type.value}


def adopt_daily_plans(world: World) -> Effects:
    """Daily plans and notes in a shared tool, read weekly (P17)."""
    world.manager.daily_plans = True
    for rep in world.active_reps:
        if rep.type is MotivationType.ACHIEVER:
            rep.nudge(-world.params.daily_plans_achiever_hit)
    return {}


def adopt_call_analytics(world: World) -> Effects:
    """Voice analytics of customer calls: each rep's weakest skill shows (P17)."""
    world.manager.call_analytics = True
    for rep in world.active_reps:
        rep.weakest_known = True
    weakest = {str(rep.id): rep.weakest_skill().value for rep in world.active_reps}
    world.event("analytics_findings", None, weakest=weakest)
    return {}
