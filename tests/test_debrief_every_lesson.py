"""Every lesson, done wrong and done right: the debrief says which, and names the moment.

For each lesson P1–P18 a short game is played by hand doing the lesson's wrong
thing, and the debrief must mark it missed with a moment that names the week
(and the person, where a person was wronged); the mirror game does it the
handbook's way and must be marked followed. Decisions count wherever they are
made: on the desk, in the inbox (every lesson, through a scripted message whose
choices the author tagged) and on the period review screen (the game's window).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from helpers import TYPES, rep, scenario, session

from simulator import api as A
from simulator.core.spec import ChoiceSpec, EventSpec, Text, TriggerSpec
from simulator.core.types import MotivationType as T
from simulator.lessons import CHECKS, FOLLOWED, MISSED, PARTLY, debrief
from simulator.lessons.facts import Facts
from simulator.narrate import Narrator
from simulator.policies.by_the_book import ByTheBook
from simulator.scenario import load_scenario, shipped_scenarios
from simulator.session import Session

C, ACH, E, S = TYPES
Week = Callable[[Session], list[A.Action]]


def play(each_week: Week, weeks: int = 26, reps=None, seed: int = 1, **kw) -> Session:
    """A small team played by hand: ``each_week(session)`` gives the week's actions."""
    team = reps or tuple(rep(n, t, revealed=True) for n, t in zip("ABCD", TYPES, strict=True))
    s = session(scenario(team, weeks=weeks, **kw), seed=seed)
    while not s.finished:
        for a in each_week(s):
            s.act(a)
        s.advance_week()
    return s


def nothing(s: Session) -> list[A.Action]:
    return []


def finding(s: Session, lesson: str):
    return debrief(s.record()).finding(lesson)


def assert_missed(s: Session, lesson: str, person: str | None = "rep") -> None:
    f = finding(s, lesson)
    nar = Narrator(s.observe(), "en")
    told = [nar.moment(m) for m in f.moments]
    assert f.status == MISSED, (lesson, f.status, told)
    dated = [m for m in f.moments if m.week >= 1]
    assert dated, f"{lesson}: no moment names a week: {told}"
    if person is not None:
        assert any(person in m.values for m in dated), f"{lesson}: nobody named: {told}"
    # and the sentence a player reads says it with the week in front
    assert nar.moment(dated[0]).startswith(("wk ", "Weeks ")), told


def assert_followed(s: Session, lesson: str) -> None:
    f = finding(s, lesson)
    nar = Narrator(s.observe(), "en")
    assert f.status == FOLLOWED, (lesson, f.status, [nar.moment(m) for m in f.moments])


def at_period_start(s: Session) -> bool:
    return s.observe().period_start


# ----------------------------------------------------------------- P1 the cycle
def test_p01_no_quotas_and_no_reviews_is_missed_with_the_period_named():
    assert_missed(play(nothing), "P1", person=None)


def test_p01_quotas_each_period_and_reviews_at_its_end_is_followed():
    def week(s):
        obs = s.observe()
        out: list[A.Action] = []
        if obs.period_start:
            out += [A.SetQuota(r.id, max(1.0, r.quota)) for r in obs.reps]
        if obs.review_window and obs.period_end:
            out += [A.PerformanceReview(r.id) for r in obs.reps]
        return out

    assert_followed(play(week), "P1")


def test_p01_a_period_ended_without_its_review_is_told_though_a_later_one_was_reviewed():
    """No review as period 1 ended, one in period 2's last week: P1 read "followed", the
    later review counted as period 1's late one, and any review earned full marks. A
    review is of the period whose window it falls in; each period ended is reviewed,
    or the debrief says which was not."""

    def week(s):
        obs = s.observe()
        out: list[A.Action] = []
        if obs.period_start:
            out += [A.SetQuota(r.id, max(1.0, r.quota)) for r in obs.reps]
        if obs.period == 1 and obs.period_end:  # the second period's review only
            out += [A.PerformanceReview(r.id) for r in obs.reps]
        return out

    f = finding(play(week), "P1")
    assert f.status == PARTLY, f
    (missing,) = [m for m in f.moments if m.key == "m.p1_no_review"]
    assert missing.values == {"period": 1} and missing.week == 13


# ----------------------------------------------------------------- P2 quotas
def _quotas(ratio: float) -> Week:
    def week(s):
        if not at_period_start(s):
            return []
        s.world.refresh_capacity()
        return [A.SetQuota(r.id, round(ratio * r.capacity, -3)) for r in s.world.active_reps]

    return week


def test_p02_quotas_far_above_capacity_are_missed_with_the_rep_named():
    assert_missed(play(_quotas(2.5)), "P2")


def test_p02_quotas_a_little_above_capacity_are_followed():
    assert_followed(play(_quotas(1.1)), "P2")


def test_p02_one_crushing_quota_among_fair_ones_is_not_followed():
    """One quota at twice what the rep could book, the others fair: "✓ followed, 10 of
    14 checks passed" sat over "quota ¥1.50M was 2.14× what they could book". A quota
    that crushes a rep keeps the lesson from reading as followed, and is named."""

    def week(s):
        fair = _quotas(1.1)(s)
        if s.week == 1:  # the first rep's first quota: twice what they can book
            fair[0] = A.SetQuota(fair[0].rep, round(2.2 * s.world.reps[0].capacity, -3))
        return fair

    f = finding(play(week), "P2")
    assert f.status == PARTLY, f
    assert any(m.key == "m.p2_too_high" and m.values["rep"] == 0 for m in f.moments), f


def test_p02_a_rep_who_sold_nothing_is_not_blamed_on_the_quota():
    """ "booked ¥0 against quotas of ¥150k (0%): the quotas you set were out of reach" of
    a hire who never sold: nothing booked says nothing about the quota."""
    from simulator.lessons.people import p2

    s = play(_quotas(1.1))
    record = s.record()
    rep0 = record.reps[0]
    nothing_sold = replace(rep0, booked={})
    gone_quiet = replace(record, reps=(nothing_sold, *record.reps[1:]))
    moments = p2(Facts(gone_quiet)).moments
    assert not [m for m in moments if m.key == "m.p2_too_hard" and m.values["rep"] == 0]


# ----------------------------------------------------------------- P3 types
def _hidden():
    return tuple(rep(n, t) for n, t in zip("ABCD", TYPES, strict=True))


def test_p03_never_finding_out_the_types_is_missed_with_each_rep_named():
    assert_missed(play(nothing, reps=_hidden()), "P3")


def test_p03_assessing_each_rep_early_is_followed():
    def week(s):
        return [A.StrengthsAssessment(r.id) for r in s.observe().reps] if s.week == 1 else []

    assert_followed(play(week, reps=_hidden()), "P3")


# ----------------------------------------------------------------- P4 competitors
def test_p04_a_competitor_without_contest_or_rival_is_missed():
    assert_missed(play(nothing), "P4")


def test_p04_a_contest_and_a_rival_for_the_competitor_is_followed():
    def week(s):
        out: list[A.Action] = []
        if at_period_start(s):
            out.append(A.RunContest())
        if s.week in (1, 9, 17):
            out.append(A.NameRival(0, 1))
        return out

    assert_followed(play(week), "P4")


# ----------------------------------------------------------------- P5 achievers
def test_p05_an_achiever_given_no_plan_and_no_autonomy_is_missed():
    assert_missed(play(nothing), "P5")


def test_p05_a_plan_and_autonomy_for_the_achiever_is_followed():
    def week(s):
        return [A.DevelopmentPlan(1), A.GiveAutonomy(1)] if s.week == 1 else []

    assert_followed(play(week), "P5")


# ----------------------------------------------------------------- P6 mentors
def _with_novice():
    return (
        *(rep(n, t, revealed=True) for n, t in zip("ABCD", TYPES, strict=True)),
        rep("Nov", T.ACHIEVER, tenure_years=0.2, revealed=True),
    )


def test_p06_a_novice_left_without_a_mentor_is_missed_with_the_novice_named():
    assert_missed(play(nothing, reps=_with_novice()), "P6", person="novice")


def test_p06_an_ego_driven_mentor_for_the_novice_is_followed():
    def week(s):
        return [A.AssignMentor(2, 4)] if s.week == 1 else []

    assert_followed(play(week, reps=_with_novice()), "P6")


def test_p06_a_mentoring_pair_the_team_began_with_is_the_managers_while_kept():
    """A novice the scenario gave an ego-driven mentor was "never had a mentor" and P6
    "missed" (0 of 0 pairs) for a manager who kept the pair. A pair in place counts, the
    moment says it was there from the start, and no "never" is said of that novice."""
    team = (*_with_novice()[:4], rep("Nov", T.ACHIEVER, tenure_years=0.2, mentor="C"))
    s = play(nothing, reps=team)
    f = finding(s, "P6")
    assert f.status == FOLLOWED, f
    keys = [m.key for m in f.moments]
    assert "m.p6_mentor_kept" in keys and "m.p6_no_mentor" not in keys, keys
    told = [Narrator(s.observe(), "en").moment(m) for m in f.moments]
    assert any("C went on mentoring Nov" in line for line in told), told
    # a non-ego mentor kept is the lesson half followed, not missed
    team = (*_with_novice()[:4], rep("Nov", T.ACHIEVER, tenure_years=0.2, mentor="A"))
    assert finding(play(nothing, reps=team), "P6").status == PARTLY


def test_p06_a_novice_who_left_unmentored_is_told_so_at_the_week_they_left():
    """ "wk 26: Tang Wei never had a mentor" of a novice gone in week 7: a "never" is
    told when the novice left, or at the game's end for one still on the team."""
    gone = play(lambda s: [A.LetGo(4)] if s.week == 5 else [], reps=_with_novice())
    (never,) = [m for m in finding(gone, "P6").moments if m.key == "m.p6_no_mentor"]
    assert never.week == gone.world.reps[4].left_week == 5
    stayed = play(nothing, reps=_with_novice())
    (never,) = [m for m in finding(stayed, "P6").moments if m.key == "m.p6_no_mentor"]
    assert never.week == stayed.record().weeks_played == 26


# ----------------------------------------------------------------- P7 service reps
def test_p07_a_service_rep_pitted_against_rivals_is_missed():
    def week(s):
        return [A.NameRival(3, 0)] if s.week % 3 == 1 else []

    assert_missed(play(week), "P7")


def test_p07_key_accounts_and_private_thanks_for_the_service_rep_is_followed():
    def week(s):
        out: list[A.Action] = []
        if s.week == 1:
            mine = s.observe().accounts.owned_by(3)[:3]
            out += [A.AssignKeyAccount(3, a) for a in mine]
        if s.week % 4 == 2:
            out.append(A.Feedback(3, A.Tone.PRAISE, public=False))
        return out

    assert_followed(play(week), "P7")


# ----------------------------------------------------------------- P8 talk
def test_p08_no_one_on_ones_is_missed_rep_by_rep():
    assert_missed(play(nothing), "P8")


def test_p08_weekly_one_on_ones_are_followed():
    assert_followed(play(lambda s: [A.OneOnOne(r.id) for r in s.observe().reps]), "P8")


# ----------------------------------------------------------------- P9 feedback
def test_p09_criticising_in_public_is_missed_with_the_rep_named():
    def week(s):
        return [A.Feedback(2, A.Tone.CRITICISM, public=True)] if s.week == 5 else []

    assert_missed(play(week), "P9")


def test_p09_praising_results_in_public_is_followed():
    def week(s):
        good = [r for r in s.observe().reps if r.pace >= 1.1]
        return [A.Feedback(r.id, A.Tone.PRAISE, public=True) for r in good] if s.week % 4 else []

    assert_followed(play(week), "P9")


# ----------------------------------------------------------------- P10 the funnel
def test_p10_no_pipeline_review_is_missed_with_the_weeks_named():
    assert_missed(play(nothing), "P10", person=None)


def test_p10_a_weekly_review_is_followed():
    assert_followed(play(lambda s: [A.PipelineReview()]), "P10")


def test_p10_a_guided_game_is_judged_from_the_week_its_deals_open():
    """The tutorial keeps the pipeline review shut until week 4; "19 of 26" counted the
    three weeks the player could not review. Judged from week 4: 19 of 23, and no gap
    said to begin before it (the four weeks missed later are one)."""
    from simulator.guided import opens_in

    opened = opens_in("deals")
    misses = {opened + 13, opened + 14, opened + 15, opened + 16}  # a real gap of four

    def week(s):
        return [A.PipelineReview()] if s.week >= opened and s.week not in misses else []

    s = play(week, guided=True)
    f = finding(s, "P10")
    assert f.summary.values["of"] == 26 - opened + 1
    assert f.summary.values["weeks"] == 26 - opened + 1 - len(misses)
    assert f.status == FOLLOWED, f
    gaps = [m for m in f.moments if m.key == "m.p10_gap"]
    assert [m.week for m in gaps] == [opened + 13], gaps  # the real one, none before
    unguided = finding(play(week), "P10")  # every week open: the first three count
    assert unguided.summary.values["of"] == 26


# ----------------------------------------------------------------- P11 team selling
def _support(pick: Callable[[A.DealView], A.Pool | None]) -> Week:
    def week(s):
        out: list[A.Action] = []
        for d in sorted(s.observe().deals, key=lambda d: -d.value)[:3]:
            pool = pick(d)
            if pool is not None and not d.support:
                out.append(A.RequestSupport(d.id, pool))
        return out

    return week


def test_p11_never_asking_for_support_is_missed_with_the_week_named():
    assert_missed(play(nothing), "P11", person=None)


def test_p11_support_at_the_stage_it_serves_is_followed():
    assert_followed(play(_support(lambda d: A.RIGHT_POOL.get(d.stage))), "P11")


def test_p11_support_that_never_reached_its_deal_is_not_judged_missed():
    """A player who asked for the right specialists, on deals that then closed before
    anyone came, was told "missed: support engagements at the right stage: 0 of 0".
    Nothing came of the request to judge: the debrief says so, and marks nothing."""
    from simulator.lessons import UNTESTED

    def week(s):
        if s.week != 5:
            return []
        out: list[A.Action] = []
        for d in sorted(s.observe().deals, key=lambda d: -d.value):
            pool = A.RIGHT_POOL.get(d.stage)
            if pool is not None and len(out) < 4:  # asked for, then dropped before it came
                out += [A.RequestSupport(d.id, pool), A.DropDeal(d.id)]
        return out

    s = play(week)
    assert sum(1 for r in s.action_log if r.ok and r.action.kind == "request_support") == 2
    assert not [e for e in s.event_log if e.kind == "support_given"]
    f = finding(s, "P11")
    assert f.status == UNTESTED, f
    said = Narrator(s.observe(), "en").moment(f.summary)
    assert "2 requests for support never reached" in said and "0 of 0" not in said, said


# ----------------------------------------------------------------- P12 the archive
def test_p12_support_against_how_the_customer_decides_is_missed_with_the_customer_named():
    def wrong(d):
        needed = A.RIGHT_POOL[A.KEY_STAGE[d.decision_style]]
        return next(p for p in A.Pool if p is not needed)

    assert_missed(play(_support(wrong)), "P12", person="account")


def test_p12_key_accounts_and_support_by_decision_style_are_followed():
    def week(s):
        out = _support(lambda d: A.RIGHT_POOL[A.KEY_STAGE[d.decision_style]])(s)
        if s.week == 1:
            out += [A.AssignKeyAccount(3, a) for a in s.observe().accounts.owned_by(3)[:3]]
        return out

    assert_followed(play(week), "P12")


# ----------------------------------------------------------------- P13 delegation
def _deputy(sup: A.Supervision, share: bool = True) -> Week:
    def week(s):
        if s.week != 1:
            return []
        out: list[A.Action] = [A.Delegate(1, A.DelegatedTask.PIPELINE_REVIEW, sup)]
        return out + ([A.ProfitShare(1)] if share else [])

    return week


def test_p13_delegating_without_supervision_is_missed_with_the_deputy_named():
    assert_missed(play(_deputy(A.Supervision.NONE)), "P13")


def test_p13_delegating_with_light_supervision_is_followed():
    assert_followed(play(_deputy(A.Supervision.LIGHT), seed=2), "P13")


# ----------------------------------------------------------------- P14 deputies
def test_p14_a_deputy_without_a_share_is_missed_with_the_deputy_named():
    assert_missed(play(_deputy(A.Supervision.LIGHT, share=False)), "P14")


def test_p14_a_deputy_sharing_the_value_is_followed():
    assert_followed(play(_deputy(A.Supervision.LIGHT)), "P14")


# ----------------------------------------------------------------- P15 promises
def _promise(keep: bool) -> Week:
    def week(s):
        obs = s.observe()
        out: list[A.Action] = []
        if s.week == 2:
            out.append(A.MakePromise(0, 5_000, "none", due_week=5))
        if keep:
            out += [A.KeepPromise(p.id) for p in obs.promises if p.status == "due"]
        return out

    return week


def test_p15_a_broken_promise_is_missed_with_the_rep_named():
    assert_missed(play(_promise(keep=False)), "P15")


def test_p15_a_kept_promise_is_followed():
    assert_followed(play(_promise(keep=True)), "P15")


# ----------------------------------------------------------------- P16 routine
def test_p16_no_routine_is_missed_with_the_weeks_named():
    assert_missed(play(nothing), "P16", person=None)


def test_p16_a_weekly_routine_is_followed():
    assert_followed(play(lambda s: [A.PipelineReview()]), "P16")


# ----------------------------------------------------------------- P17 data
def test_p17_neither_plans_nor_analytics_is_missed():
    assert_missed(play(nothing), "P17", person=None)


def test_p17_daily_plans_and_call_analytics_are_followed():
    def week(s):
        return [A.AdoptDailyPlans(), A.AdoptCallAnalytics()] if s.week == 1 else []

    assert_followed(play(week), "P17")


# ----------------------------------------------------------------- P18 the team
def test_p18_no_goal_no_meetings_no_training_is_missed_with_the_period_named():
    s = play(nothing)
    assert_missed(s, "P18", person=None)
    # not one meeting is said as none ("Team meetings all game: only 0." read as a slip)
    told = [Narrator(s.observe(), "en").moment(m) for m in finding(s, "P18").moments]
    assert any(t.endswith("Not one team meeting all game.") for t in told), told
    assert not any("only 0" in t for t in told), told


def test_p18_goals_meetings_and_training_are_followed():
    def week(s):
        out: list[A.Action] = [A.TeamMeeting()] if s.week % 2 else []
        if at_period_start(s):
            out += [A.SetTeamGoal(), A.TeamTraining(A.Skill.NEGOTIATION)]
        return out

    assert_followed(play(week), "P18")


# ----------------------------------------------------------------- the inbox
LESSONS = [f"P{i}" for i in range(1, 19)]


def _asked(lesson: str, default: str = "wrong") -> EventSpec:
    """A decision about Bo in week 3: the handbook's answer, and one against it."""
    return EventSpec(
        id="choice",
        title=Text("A call to make about {rep}", "关于{rep}的决定"),
        message=Text("What do you do?", "你怎么做？"),
        trigger=TriggerSpec(week=3, rep="B"),
        choices=(
            ChoiceSpec("right", Text("The handbook's way", "手册的做法"), handbook=True),
            ChoiceSpec("wrong", Text("The other way", "另一种做法")),
        ),
        default=default,
        respond_weeks=1,
        lessons=(lesson,),
    )


def _answer(choice: str | None) -> Week:
    def week(s):
        return [A.Answer(i.id, choice) for i in s.observe().inbox if i.open and choice]

    return week


@pytest.mark.parametrize("lesson", LESSONS)
def test_an_inbox_answer_against_the_handbook_marks_its_lesson_missed(lesson):
    s = play(_answer("wrong"), weeks=8, events=(_asked(lesson),))
    f = finding(s, lesson)
    assert f.status == MISSED
    m = f.moments[0]
    assert m.key == "m.choice_against" and m.week == 3 and m.values["rep"] == 1
    text = Narrator(s.observe(), "en").moment(m)
    assert text == 'wk 3: You chose "The other way" for B; the handbook: "The handbook\'s way".'


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_handbooks_answer_is_counted_as_following_its_lesson(lesson):
    idle = finding(play(nothing, weeks=8), lesson).status
    s = play(_answer("right"), weeks=8, events=(_asked(lesson),))
    f = finding(s, lesson)
    assert any(m.key == "m.choice_along" and m.week == 3 for m in f.moments)
    assert f.status != MISSED or idle == MISSED  # the answer never makes a lesson worse
    assert f.status == FOLLOWED or idle != "untested"


def test_p15_one_answer_against_the_handbook_takes_a_kept_promise_season_to_partly():
    """A season of promises kept and one message answered against the handbook: the
    lesson is partly followed (the answer named first), neither followed nor missed."""
    promises_kept = _promise(keep=True)
    kept = play(promises_kept, weeks=16)
    assert finding(kept, "P15").status == FOLLOWED

    def week(s):
        return promises_kept(s) + _answer("wrong")(s)

    s = play(week, weeks=16, events=(_asked("P15"),))
    f = finding(s, "P15")
    assert f.status == PARTLY
    assert f.moments[0].key == "m.choice_against"
    assert any(m.key == "s.p15" for m in f.moments)  # what was done is still said


def test_a_message_left_to_expire_counts_its_default_against_the_handbook():
    s = play(nothing, weeks=8, events=(_asked("P9"),))
    f = finding(s, "P9")
    assert f.status == MISSED
    assert f.moments[0].key == "m.choice_expired" and f.moments[0].values["rep"] == 1


# ----------------------------------------------------------------- the shipped inbox
class AgainstTheBook(ByTheBook):
    """The handbook's routine, but every inbox message answered another way."""

    name = "against_the_book"

    def answer_inbox(self, obs, plan):
        for item in obs.inbox:
            if item.open and item.handbook is not None:
                other = next(c.id for c in item.choices if c.id != item.handbook)
                plan.add(A.Answer(item.id, other))


WITH_DECISIONS = [
    p for p in shipped_scenarios() if any(e.handbook_choice for e in load_scenario(p).events)
]


def test_most_shipped_scenarios_ask_for_decisions():
    assert len(WITH_DECISIONS) >= 4


@pytest.mark.parametrize("path", WITH_DECISIONS, ids=lambda p: p.stem)
def test_each_shipped_scenarios_tagged_choices_change_their_lessons_verdict(path):
    """Answered against the handbook, a message's lessons fall a step below what the
    desk alone earned (missed when nothing else judges them); by it, they are not missed."""
    scn = load_scenario(path)
    against = Session(scn, 1, AgainstTheBook())
    against.run()
    book = Session(scn, 1, ByTheBook())
    book.run()
    specs = {e.id: e for e in scn.events}
    fired = [
        e.data
        for e in against.record().events
        if e.kind == "inbox_answer" and not e.data["handbook"]
    ]
    tagged = {
        lesson
        for d in fired
        for c in specs[d["event"]].choices
        if c.handbook or c.id == d["choice"]
        for lesson in (*c.lessons, *specs[d["event"]].lessons)
    }
    assert tagged, f"{path.stem}: no tagged decision came up"
    wrong = debrief(against.record())
    right = debrief(book.record())
    # what the desk alone says of the season played against the book, lesson by lesson
    desk = {f.lesson: f.status for f in (check(Facts(against.record())) for check in CHECKS)}
    step_down = {FOLLOWED: PARTLY, PARTLY: MISSED, MISSED: MISSED, "untested": MISSED}
    for lesson in sorted(tagged):
        w, r = wrong.finding(lesson).status, right.finding(lesson).status
        assert w == step_down[desk[lesson]] and r != MISSED, (lesson, desk[lesson], w, r)
        assert wrong.finding(lesson).moments[0].key.startswith("m.choice_")
