"""The debrief's findings: each lesson judged from what the manager did, with the moments.

Each test sets up a game where one habit differs and checks the finding moves
the way a trainer would expect, naming the concrete moment (who, which week).
"""

from __future__ import annotations

from collections import Counter

import pytest
from helpers import TYPES, scenario, session, team

from simulator import api as A
from simulator.core.types import DelegatedTask, Supervision, Tone
from simulator.lessons import FOLLOWED, MISSED, PARTLY, UNTESTED, debrief, findings, people, stories
from simulator.lessons.facts import Facts
from simulator.narrate import Narrator
from simulator.policies import make_policy
from simulator.scenario import default_scenario_path, load_scenario, scenarios_dir
from simulator.session import Session

DEFAULT = load_scenario(default_scenario_path())


def season(policy: str, seed: int = 3) -> Session:
    s = Session(DEFAULT, seed, make_policy(policy))
    s.run()
    return s


@pytest.fixture(scope="module")
def seasons() -> dict[str, Session]:
    return {
        p: season(p)
        for p in (
            "by_the_book",
            "hands_off",
            "pressure_cooker",
            "promise_breaker",
            "contest_everyone",
        )
    }


def statuses(s: Session) -> dict[str, str]:
    return {f.lesson: f.status for f in findings(s.record())}


def played(each_week, weeks: int = 12, types=TYPES) -> Session:
    """A small team played by hand: ``each_week(session)`` returns the week's actions."""
    s = session(scenario(team(*types), weeks=weeks), seed=1)
    while not s.finished:
        for a in each_week(s):
            s.act(a)
        s.advance_week()
    return s


def test_the_handbook_follows_most_lessons_and_the_anti_patterns_few(seasons):
    counts = {p: Counter(statuses(s).values()) for p, s in seasons.items()}
    assert counts["by_the_book"][FOLLOWED] >= 12
    assert counts["by_the_book"][MISSED] == 0
    assert counts["pressure_cooker"][FOLLOWED] <= 3
    assert counts["pressure_cooker"][MISSED] >= 10
    assert counts["hands_off"][FOLLOWED] == 0


def test_p1_a_period_without_quotas_or_reviews_is_named(seasons):
    book = debrief(seasons["by_the_book"].record()).finding("P1")
    idle = debrief(seasons["hands_off"].record()).finding("P1")
    assert book.status == FOLLOWED
    assert idle.status == MISSED
    keys = Counter(m.key for m in idle.moments)
    assert keys["m.p1_no_quota"] == 4 and keys["m.p1_no_review"] == 4


def test_p2_a_quota_far_above_capacity_is_flagged_with_its_size():
    def week(s):
        if s.week == 1:
            ann = s.world.reps[0]
            return [
                A.SetQuota(0, 3.0 * ann.capacity),
                A.SetQuota(1, 1.1 * s.world.reps[1].capacity),
            ]
        return []

    f = next(x for x in findings(played(week).record()) if x.lesson == "P2")
    high = [m for m in f.moments if m.key == "m.p2_too_high"]
    assert len(high) == 1 and high[0].values["rep"] == 0
    assert float(high[0].values["x"]) == pytest.approx(3.0, abs=0.01)
    # and by the season's end, what she booked against it says the same
    hard = {m.values["rep"]: m for m in f.moments if m.key == "m.p2_too_hard"}
    assert 0 in hard and hard[0].week > 1 and hard[0].values["pct"] <= 50


def test_p3_types_given_in_the_briefing_leave_nothing_to_discover():
    tutorial = Session(
        load_scenario(scenarios_dir() / "tutorial.yaml"), 1, make_policy("by_the_book")
    )
    tutorial.run()
    facts = Facts(tutorial.record())
    assert people.p3(facts).status == UNTESTED
    # the one lesson of P3 left is in the inbox: the handbook's answer to it is followed
    f = debrief(tutorial.record()).finding("P3")
    assert f.status == FOLLOWED and f.summary.key == "s.choices_along"


def test_p3_discovering_every_type_early_is_followed_and_dated(seasons):
    book = next(f for f in findings(seasons["by_the_book"].record()) if f.lesson == "P3")
    idle = next(f for f in findings(seasons["hands_off"].record()) if f.lesson == "P3")
    assert book.status == FOLLOWED
    assert all(m.week > 0 for m in book.moments if m.key in ("m.p3_read_right", "m.p3_assessed"))
    assert any(m.key == "m.p3_read_right" for m in book.moments)
    assert idle.status == MISSED
    assert {m.key for m in idle.moments} == {"m.p3_never"}


def test_p4_p7_contests_for_everyone_put_service_reps_off(seasons):
    st = statuses(seasons["contest_everyone"])
    assert st["P4"] == FOLLOWED
    f = next(x for x in findings(seasons["contest_everyone"].record()) if x.lesson == "P7")
    assert f.summary.values["hurt"] >= 3
    assert any(m.key == "m.reaction_down" and m.values["lever"] == "contest" for m in f.moments)


def test_p8_rare_one_on_ones_are_named_rep_by_rep(seasons):
    book = next(f for f in findings(seasons["by_the_book"].record()) if f.lesson == "P8")
    idle = next(f for f in findings(seasons["hands_off"].record()) if f.lesson == "P8")
    assert book.status == FOLLOWED and not book.moments
    assert idle.status == MISSED
    assert len(idle.moments) >= 6 and all(m.values["n"] == 0 for m in idle.moments)


def test_p9_public_criticism_is_a_dated_moment():
    def week(s):
        return [A.Feedback(2, Tone.CRITICISM, public=True)] if s.week <= 3 else []

    f = next(x for x in findings(played(week).record()) if x.lesson == "P9")
    assert f.status == MISSED
    crit = [m for m in f.moments if m.key == "m.p9_public_criticism"]
    assert [(m.week, m.values["rep"]) for m in crit] == [(1, 2), (2, 2), (3, 2)]


def test_p9_praise_and_private_correction_follow_it():
    def week(s):
        # one standard: praise what beats the pace, correct what falls well behind it
        obs = s.observe()
        good = [A.Feedback(r.id, Tone.PRAISE, public=True) for r in obs.reps if r.pace >= 1.1]
        low = [A.Feedback(r.id, Tone.CRITICISM) for r in obs.reps if r.pace < 0.7]
        return good + low if s.week % 4 == 0 else []

    assert statuses(played(week))["P9"] in (FOLLOWED, PARTLY)
    assert statuses(played(lambda s: [A.Feedback(0, Tone.PRAISE, public=True)]))["P9"] == FOLLOWED


def test_p10_weeks_without_a_pipeline_review_are_named():
    every = played(lambda s: [A.PipelineReview()])
    half = played(lambda s: [A.PipelineReview()] if s.week <= 4 else [])
    assert statuses(every)["P10"] == FOLLOWED
    f = next(x for x in findings(half.record()) if x.lesson == "P10")
    assert f.status == PARTLY
    assert [(m.values["from"], m.values["to"]) for m in f.moments] == [(5, 12)]


def test_p13_delegating_without_supervision_is_missed_with_light_followed():
    def deleg(sup):
        return lambda s: [A.Delegate(1, DelegatedTask.PIPELINE_REVIEW, sup)] if s.week == 1 else []

    assert statuses(played(deleg(Supervision.NONE)))["P13"] == MISSED
    assert statuses(played(deleg(Supervision.LIGHT)))["P13"] in (FOLLOWED, PARTLY)
    assert statuses(played(lambda s: []))["P13"] == UNTESTED


def test_p15_a_broken_promise_is_named_with_its_amount(seasons):
    f = next(x for x in findings(seasons["promise_breaker"].record()) if x.lesson == "P15")
    assert f.status == MISSED
    m = f.moments[0]
    assert m.key == "m.p15_broken" and m.values["amount"] > 0
    assert statuses(seasons["by_the_book"])["P15"] == FOLLOWED


def test_the_comparison_replays_the_same_seed_by_the_book(seasons):
    d = debrief(seasons["hands_off"].record(), seasons["hands_off"].handbook())
    assert d.book.total == pytest.approx(seasons["by_the_book"].score().total)
    assert d.book.total > d.score.total + 20
    assert len(d.revenue) == len(d.book_revenue) == DEFAULT.weeks


def test_stories_tell_each_rep_who_they_were_and_what_moved_them(seasons):
    s = seasons["by_the_book"]
    tales = {t.rep: t for t in stories(s.record())}
    assert set(tales) == {r.id for r in s.world.reps}
    for rep in s.world.reps:
        t = tales[rep.id]
        assert t.type == rep.type.value
        if rep.left_week is not None:
            assert t.left_week == rep.left_week and t.left_reason == rep.left_reason
    assert any(t.lifted_by for t in tales.values())
    revealed = {e.rep: e.week for e in s.event_log if e.kind == "type_revealed"}
    for rep_id, week in revealed.items():
        assert tales[rep_id].revealed_week == week


def test_a_reps_story_tells_the_managers_own_read_and_whether_it_was_right():
    s = Session(DEFAULT, 5)
    right, wrong = s.world.reps[0], s.world.reps[1]
    other = next(t for t in A.MotivationType if t is not wrong.type)
    s.act_all([A.ReadType(right.id, right.type), A.ReadType(wrong.id, other)])
    for _ in range(DEFAULT.period_weeks + 1):  # past the first period's end
        s.advance_week()
    tales = {t.rep: t for t in stories(s.record())}
    assert (tales[right.id].read, tales[right.id].read_week) == (right.type.value, 1)
    assert tales[wrong.id].read == other.value
    _, lines = Narrator(s.observe(), "en").story(tales[right.id])
    assert any(f"your read in week 1, {right.type.value}, was right" in x for x in lines), lines
    _, lines = Narrator(s.observe(), "en").story(tales[wrong.id])
    assert any(f"{other.value}, was wrong" in x for x in lines), lines
    # each period's result says which period it was, booked against quota
    assert any(x.startswith("Booked against quota: period 1 ¥") for x in lines), lines
    _, lines = Narrator(s.observe(), "zh").story(tales[wrong.id])
    assert any("判断有误" in x for x in lines), lines


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_moment_reads_as_a_sentence(seasons, lang):
    for s in seasons.values():
        nar = Narrator(s.observe(), lang)
        for f in findings(s.record()):
            for m in (f.summary, *f.moments):
                text = nar.moment(m)
                assert "{" not in text and not text.startswith(("m.", "s.")), text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_scorecard_line_has_a_plain_verdict_with_its_number(seasons, lang):
    s = seasons["by_the_book"]
    nar = Narrator(s.observe(), lang)
    for c in s.record().score.components:
        text = nar.verdict(c)
        assert "{" not in text and not text.startswith("plain."), text
        assert any(ch.isdigit() for ch in text), text  # the number that says so
    skills = s.record().score.component("skills")
    grown = f"{100 * skills.inputs['G']:+.1f}"
    assert grown in nar.verdict(skills)


def test_the_comparison_reads_uncapped_figures_where_the_score_is_capped(seasons):
    """Both games may score 100 on revenue; what they booked still differs, and shows."""
    mine = seasons["by_the_book"].record().score.component("revenue")
    other = seasons["contest_everyone"].record().score.component("revenue")
    nar = Narrator(seasons["by_the_book"].observe(), "en")
    pct = round(100 * mine.inputs["R"] / mine.inputs["T"])
    assert nar.measure(mine) == f"{pct}% of target"
    assert mine.inputs["R"] != other.inputs["R"]
    assert nar.measure(mine) != nar.measure(other)


def test_a_reps_story_tells_what_an_inbox_answer_and_a_broken_promise_did_to_them():
    """The week report said "(Zhang Wei is clearly pleased)" after an inbox answer, and a
    promise to Huang Fang was broken; their stories in the debrief named neither. An
    answer that moved a rep (with no lever of its own), and a promise broken, are among
    what lifted or put them off."""
    s = Session(load_scenario(scenarios_dir() / "tutorial.yaml"), 7)
    while not s.finished:
        obs = s.observe()
        for item in obs.inbox:
            if item.open and item.event == "ego_deal":
                assert s.act(A.Answer(item.id, "praise_public")).ok
        if s.week == 2:
            assert s.act(A.MakePromise(3, 2_000.0, "none", 4)).ok  # never kept
        s.advance_week()
    record = s.record()
    by_rep = {st.rep: st for st in stories(record)}
    answered = next(
        e for e in record.events if e.kind == "inbox_answer" and e.data["engagement"] > 0.01
    )
    assert "answer" in by_rep[answered.rep].lifted_by
    broken = [e.rep for e in record.events if e.kind == "promise_broken"]
    assert broken == [3] and "promise_broken" in by_rep[3].put_off_by
    nar = Narrator(s.observe(), "en")
    assert "your answer in the inbox" in " ".join(nar.story(by_rep[answered.rep])[1])
    assert "a promise broken" in " ".join(nar.story(by_rep[3])[1])
