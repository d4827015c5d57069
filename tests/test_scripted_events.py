"""Scripted events: they fire when their trigger holds, and each choice changes the world."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import (
    act,
    offer_event,
    quiet,
    rep,
    rep_of,
    run_weeks,
    scenario,
    session,
    set_quota_ratio,
    world,
)

from simulator.api import Answer, Delegate, KeepPromise, ProfitShare
from simulator.api.observing import observe
from simulator.api.plan import apply_action
from simulator.core.spec import (
    ChoiceSpec,
    DealChange,
    DelegationSpec,
    EffectSpec,
    EventSpec,
    MarketShift,
    StateChange,
    Text,
    TriggerSpec,
)
from simulator.core.types import DelegatedTask, Stage, Supervision
from simulator.core.types import MotivationType as T
from simulator.narrate import Narrator
from simulator.policies import make_policy
from simulator.scoring import score


def with_events(*events: EventSpec, **kw):
    return quiet(scenario(events=events, **kw))


def test_an_event_fires_at_its_week_and_shows_in_the_inbox_in_both_languages():
    w = world(with_events(offer_event()))
    assert observe(w).inbox == ()
    run_weeks(w, 1)
    (item,) = observe(w).inbox
    assert item.open and item.week == 2 and item.deadline == 3
    assert item.title.get("en") == "Ann has an offer"
    assert item.message.get("zh") == "竞争对手想挖Ann。"
    assert [c.id for c in item.choices] == ["match", "promise", "let_go"]
    assert item.handbook == "match" and item.rep == rep_of(w, T.COMPETITOR).id


def test_answering_applies_the_choice_and_charges_its_cost():
    w = world(with_events(offer_event()))
    run_weeks(w, 1)
    ann = rep_of(w, T.COMPETITOR)
    w.market.offers[ann.id] = w.week + 4
    before = (ann.engagement, w.manager.budget_left, w.hours_available())
    result = act(w, Answer(1, "match"))
    assert result.effects["reply"] == {"en": "She stays.", "zh": "她留下了。"}
    assert ann.engagement > before[0] + 0.05
    assert w.manager.budget_left == pytest.approx(before[1] - 20_000)
    assert w.hours_available() == pytest.approx(before[2] - 2)
    assert ann.id not in w.market.offers
    assert observe(w).inbox[0].status == "answered"


def test_unanswered_decisions_take_their_default_course_at_the_deadline():
    w = world(with_events(offer_event()))
    run_weeks(w, 2)  # fired in week 2, deadline week 3: still open
    assert observe(w).inbox[0].open
    run_weeks(w, 1)
    item = observe(w).inbox[0]
    assert item.status == "expired" and item.choice == "let_go"
    ann = rep_of(w, T.COMPETITOR)
    assert not ann.active
    assert score(w).attrition == 1  # leaving after an ignored offer is a resignation


def test_refused_answers_change_nothing():
    w = world(with_events(offer_event()))
    run_weeks(w, 1)
    for bad, code in [
        (Answer(9, "match"), "unknown_item"),
        (Answer(1, "raise"), "unknown_choice"),
    ]:
        r = apply_action(w, bad)
        assert not r.ok and r.code == code
    assert observe(w).inbox[0].open
    act(w, Answer(1, "promise"))
    r = apply_action(w, Answer(1, "match"))
    assert not r.ok and r.code == "answered"


def test_answers_beyond_the_budget_are_refused():
    scn = with_events(offer_event())
    scn = replace(scn, manager=replace(scn.manager, budget_per_period=10_000))
    w = world(scn)
    run_weeks(w, 1)
    r = apply_action(w, Answer(1, "match"))
    assert not r.ok and r.code == "no_budget"
    assert observe(w).inbox[0].open


def test_p15_a_promise_made_in_an_event_is_tracked_and_breaking_it_costs_trust():
    def trust_after(keep: bool) -> float:
        w = world(with_events(offer_event()))
        run_weeks(w, 1)
        act(w, Answer(1, "promise"))
        (pr,) = observe(w).promises
        assert pr.what == Text("a title") and pr.due_week == 5
        ann = rep_of(w, T.COMPETITOR)
        for _ in range(5):
            for p in observe(w).promises:
                if keep and p.status == "due":
                    act(w, KeepPromise(p.id))
            w.run_week()
        status = observe(w).promises[0].status
        assert status == ("kept" if keep else "broken")
        return ann.trust

    assert trust_after(True) > trust_after(False) + 0.15


def test_condition_triggers_wait_for_the_reps_real_state():
    ev = offer_event(week=1, rep=None, engagement_below=0.5)
    w = world(with_events(ev))
    run_weeks(w, 3)
    assert observe(w).inbox == ()  # everyone starts at 0.65
    cai = rep_of(w, T.EGO_DRIVEN)
    cai.engagement = 0.3
    run_weeks(w, 1)
    (item,) = observe(w).inbox
    assert item.rep == cai.id and item.title.en == "Cai has an offer"


def test_an_event_about_a_rep_who_left_never_fires():
    w = world(with_events(offer_event(week=3)))
    w.remove_rep(rep_of(w, T.COMPETITOR), "resigned")
    run_weeks(w, 4)
    assert observe(w).inbox == ()


def test_deal_triggers_pick_the_largest_deal_at_the_stage():
    ev = EventSpec(
        id="tender",
        title=Text("{account} ({value})"),
        message=Text("{rep}'s deal is in negotiation"),
        trigger=TriggerSpec(week=1, deal_reaches=Stage.NEGOTIATION),
        choices=(
            ChoiceSpec("help", Text("Help"), EffectSpec(deal=DealChange(win_chance=0.2))),
            ChoiceSpec("drop", Text("Drop"), EffectSpec(deal=DealChange(lost=True))),
        ),
    )
    w = world(with_events(ev))
    (item,) = observe(w).inbox
    deal = w.deals[item.deal]
    live = [d for d in w.open.values() if not d.zombie and d.stage >= Stage.NEGOTIATION]
    assert deal.value == max(d.value for d in live)
    assert item.rep == deal.rep
    assert w.accounts.names[deal.account] in item.title.en
    before = deal.p_true
    act(w, Answer(item.id, "help"))
    assert deal.p_true == pytest.approx(min(0.99, before + 0.2))


def test_a_message_about_a_deal_names_its_customer_in_the_players_language():
    ev = EventSpec(
        id="tender",
        title=Text("{account} wants a meeting", "{account}想见面"),
        message=Text("{rep}'s deal with {account}", "{rep}与{account}的单子"),
        trigger=TriggerSpec(week=1, deal_reaches=Stage.NEGOTIATION),
        choices=(ChoiceSpec("help", Text("Help", "帮忙"), EffectSpec(hours=1)),),
    )
    w = world(with_events(ev))
    (item,) = observe(w).inbox
    account = w.deals[item.deal].account
    en, zh = w.accounts.names[account], w.accounts.names_zh[account]
    assert en != zh  # the Chinese game has Chinese names for its customers
    assert item.title.get("en") == f"{en} wants a meeting"
    assert item.title.get("zh") == f"{zh}想见面"
    assert zh in item.message.get("zh") and en not in item.message.get("zh")


def test_a_lost_deal_choice_closes_the_deal():
    ev = EventSpec(
        id="cut",
        title=Text("Price cut"),
        message=Text("{account}"),
        trigger=TriggerSpec(week=1, deal_reaches=Stage.NEGOTIATION),
        choices=(
            ChoiceSpec("fight", Text("Fight")),
            ChoiceSpec("give_up", Text("Give up"), EffectSpec(deal=DealChange(lost=True))),
        ),
    )
    w = world(with_events(ev))
    item = observe(w).inbox[0]
    act(w, Answer(item.id, "give_up"))
    assert w.deals[item.deal].closed and item.deal not in w.open


def test_an_answer_that_moves_a_deals_chance_says_by_how_much_at_which_customer():
    """The general manager's visit was booked, and the deal's chance jumped from one week
    to the next with nothing in the report to say why: the answer's line tells the
    customer and the points, in both languages."""
    from simulator.narrate import Narrator

    ev = EventSpec(
        id="gm",
        title=Text("{account} wants the boss", "{account}想见老板"),
        message=Text("{account}"),
        trigger=TriggerSpec(week=1, deal_reaches=Stage.EVALUATION),
        choices=(
            ChoiceSpec("go", Text("Go", "去"), EffectSpec(deal=DealChange(win_chance=0.1))),
            ChoiceSpec("stay", Text("Stay", "不去")),
        ),
    )
    w = world(with_events(ev))
    item = observe(w).inbox[0]
    before = w.deals[item.deal].p_true
    act(w, Answer(item.id, "go"))
    moved = round(100 * (w.deals[item.deal].p_true - before))
    assert moved == 10
    (answer,) = [e for e in w.log.events if e.kind == "inbox_answer"]
    en = Narrator(observe(w), "en")
    account = en.account(w.deals[item.deal].account)
    assert en.line(answer).endswith(f"(the chance of winning {account}: +10 points)")
    zh = Narrator(observe(w), "zh")
    assert zh.line(answer).endswith(
        f"（{zh.account(w.deals[item.deal].account)}的赢单机会 +10 个百分点）"
    )


def test_type_dependent_effects_move_each_type_by_its_own_amount():
    ev = EventSpec(
        id="contest",
        title=Text("A contest for all"),
        message=Text("Marketing funds a contest"),
        choices=(
            ChoiceSpec(
                "all",
                Text("Everybody"),
                EffectSpec(
                    team=StateChange(
                        engagement={
                            T.COMPETITOR: 0.08,
                            T.ACHIEVER: 0.0,
                            T.EGO_DRIVEN: 0.0,
                            T.SERVICE: -0.08,
                        }
                    )
                ),
            ),
            ChoiceSpec("none", Text("Nobody")),
        ),
    )
    w = world(with_events(ev))
    before = {r.id: r.engagement for r in w.reps}
    act(w, Answer(1, "all"))
    change = {r.type: r.engagement - before[r.id] for r in w.reps}
    assert change[T.COMPETITOR] > 0.05 and change[T.SERVICE] < -0.05
    assert change[T.ACHIEVER] == 0.0


def test_target_changes_apply_to_the_periods_still_to_come():
    ev = EventSpec(
        id="raise",
        title=Text("Head office"),
        message=Text("More, please"),
        choices=(
            ChoiceSpec("accept", Text("Accept"), EffectSpec(target_change=0.3)),
            ChoiceSpec("argue", Text("Argue")),
        ),
    )
    scn = with_events(ev, weeks=39)
    w = world(scn)
    act(w, Answer(1, "accept"))
    assert w.target_for(0) == scn.target_for(0)
    assert w.target_for(1) == pytest.approx(1.3 * scn.target_for(1))
    assert observe(w).targets[2] == pytest.approx(1.3 * scn.target_for(2))


def test_market_shifts_change_demand_for_their_weeks():
    ev = EventSpec(
        id="boom",
        title=Text("A new subsidy"),
        message=Text("Factories are buying"),
        choices=(
            ChoiceSpec("go", Text("Go"), EffectSpec(market=MarketShift(lead_rate=1.5, weeks=4))),
            ChoiceSpec("wait", Text("Wait")),
        ),
    )
    w = world(with_events(ev))
    act(w, Answer(1, "go"))
    assert w.market.lead_mod == 1.5 and w.market.lead_until == 5


def test_notices_need_no_answer_and_expire_quietly():
    ev = EventSpec(id="hello", title=Text("Welcome"), message=Text("Hello"))
    w = world(with_events(ev))
    item = observe(w).inbox[0]
    assert item.status == "notice" and not item.open
    r = apply_action(w, Answer(item.id, "x"))
    assert not r.ok and r.code == "notice"


def test_chance_triggers_fire_on_the_same_week_for_the_same_seed():
    ev = EventSpec(
        id="maybe",
        title=Text("Maybe"),
        message=Text("Maybe"),
        trigger=TriggerSpec(week=1, chance=0.2),
    )

    def fired_week(seed: int, busy: bool) -> int | None:
        s = session(
            with_events(ev), seed=seed, policy=make_policy("by_the_book" if busy else "hands_off")
        )
        while not s.finished:
            s.advance_week()
        items = observe(s.world).inbox
        return items[0].week if items else None

    weeks = [fired_week(seed, False) for seed in range(4)]
    assert weeks == [fired_week(seed, True) for seed in range(4)]
    assert len(set(weeks)) > 1  # the chance is real: different seeds, different weeks


def test_by_the_book_answers_with_the_handbook_choice_and_hands_off_lets_defaults_happen():
    def outcome(policy: str):
        s = session(with_events(offer_event()), seed=1, policy=make_policy(policy))
        for _ in range(4):
            s.advance_week()
        return observe(s.world).inbox[0]

    assert outcome("by_the_book").choice == "match"
    hands_off = outcome("hands_off")
    assert hands_off.status == "expired" and hands_off.choice == "let_go"


def test_a_game_with_answered_events_replays_from_its_log():
    from simulator.scenario import load_scenario, scenarios_dir
    from simulator.session import Session

    scn = load_scenario(scenarios_dir() / "tutorial.yaml")
    s = Session(scn, 5, make_policy("by_the_book"))
    card = s.run()
    log = s.log_as_dicts()
    assert any(a["action"]["kind"] == "answer" for a in log)
    again = Session.replay(scn, 5, log)
    assert again.score().total == card.total
    assert [i.choice for i in again.world.script.items] == [i.choice for i in s.world.script.items]


def test_attainment_triggers_wait_until_a_pace_means_something():
    ev = EventSpec(
        id="behind",
        title=Text("Behind plan"),
        message=Text("The team is behind"),
        trigger=TriggerSpec(week=1, attainment_below=0.5),
    )
    w = world(with_events(ev))
    assert observe(w).inbox == ()  # week 1: nothing booked yet, but nothing to judge either
    run_weeks(w, 2)
    assert observe(w).inbox == ()
    for r in w.reps:  # nobody books anything this quarter
        r.booked.clear()
    w.revenue_total = 0.0
    w.run_week()
    (item,) = observe(w).inbox
    assert item.week == 4


def test_placeholders_are_filled_in_choices_and_replies_too():
    ev = replace(
        offer_event(),
        choices=(
            ChoiceSpec(
                "talk",
                Text("Talk to {rep}", "和{rep}谈谈"),
                EffectSpec(reply=Text("{rep} listens.", "{rep}在听。")),
            ),
            ChoiceSpec("wait", Text("Wait")),
        ),
        default=None,
    )
    scn = with_events(ev)
    scn = replace(scn, reps=(replace(scn.reps[0], name_zh="安"), *scn.reps[1:]))
    w = world(scn)
    run_weeks(w, 1)
    item = observe(w).inbox[0]
    assert item.choices[0].text == Text("Talk to Ann", "和安谈谈")
    assert item.message.zh == "竞争对手想挖安。"
    result = act(w, Answer(item.id, "talk"))
    assert result.effects["reply"] == {"en": "Ann listens.", "zh": "安在听。"}


def test_a_default_takes_no_hours_and_its_money_only_if_the_budget_has_it():
    ev = replace(offer_event(), default="match")
    w = world(with_events(ev))
    run_weeks(w, 1)
    budget = w.manager.budget_left
    run_weeks(w, 2)  # the deadline passes unanswered: the default is paid from the budget
    assert observe(w).inbox[0].choice == "match"
    assert w.manager.budget_left == pytest.approx(budget - 20_000)
    assert w.hours_available() == pytest.approx(w.manager.hours_per_week - w.manager.admin_hours)

    scn = with_events(ev)
    w = world(replace(scn, manager=replace(scn.manager, budget_per_period=5_000)))
    ann = rep_of(w, T.COMPETITOR)
    run_weeks(w, 3)
    assert w.manager.budget_left == pytest.approx(5_000)  # unaffordable: not paid
    assert ann.engagement > 0.65  # the rest of the choice happened


def test_an_outside_offer_from_an_event_shows_its_flight_risk():
    ev = replace(
        offer_event(),
        choices=(
            ChoiceSpec("ignore", Text("Ignore"), EffectSpec(outside_offer_weeks=4)),
            ChoiceSpec("match", Text("Match"), EffectSpec(cancel_outside_offer=True)),
        ),
        default=None,
    )
    w = world(scenario(events=(ev,)))  # people can leave here
    run_weeks(w, 1)
    result = act(w, Answer(1, "ignore"))
    ann = observe(w).rep(rep_of(w, T.COMPETITOR).id)
    assert ann.flight_risk is not None and ann.flight_risk > 0.1
    assert result.effects["flight_risk"] == round(ann.flight_risk, 2)
    # and the week's report says so (the card changed with no line to explain it)
    (found,) = w.log.of_kind("flight_risk")
    assert found.rep == ann.id and found.data["by"] == "offer" and "offer" in found.data["why"]
    line = Narrator(observe(w), "en").line(found)
    assert line.startswith("⚠ With an outside offer on the table,") and "an outside offer" in line


def test_a_deals_value_in_a_message_reads_like_money_elsewhere_in_each_language():
    """A message's ¥{value}: "¥1.20M" / "¥288k" in English, "¥120万" in Chinese — never
    "¥288,000" beside "¥29万" in the week report."""
    import re

    from simulator.policies import make_policy
    from simulator.scenario import load_scenario, scenarios_dir
    from simulator.session import Session

    s = Session(load_scenario(scenarios_dir() / "industrial_projects.yaml"), 4)
    s.policy = make_policy("by_the_book")
    about_value = {e.id for e in s.scenario.events if "{value}" in e.message.en}
    seen = []
    while not s.finished and not seen:
        s.advance_week()
        seen = [i for i in s.observe().inbox if i.event in about_value]
    assert seen, "a message about a deal's value came"
    item = seen[0]
    assert re.search(r"¥\d+(\.\d\d)?[kM]\b", item.message.en), item.message.en
    assert "," not in item.message.en.split("¥")[1].split()[0]
    assert re.search(r"¥\d+(\.\d)?[万亿]", item.message.zh), item.message.zh


# ------------------------------------------------- a choice that pulls a lever
def _lever_event(lever: str, rep: str | None = None) -> EventSpec:
    """Week 1: a message whose first choice pulls ``lever``; the other does nothing."""
    return EventSpec(
        id="asks",
        title=Text("A call to make", "一个决定"),
        message=Text("What do you do?", "你怎么做？"),
        trigger=TriggerSpec(week=1, rep=rep),
        choices=(
            ChoiceSpec("pull", Text("Do it", "做"), EffectSpec(lever=lever)),
            ChoiceSpec("no", Text("Leave it", "不做")),
        ),
        default="no",
        respond_weeks=2,
    )


def test_p04_a_contest_chosen_in_the_inbox_runs_and_lifts_a_competitive_teams_revenue():
    """A contest chosen in a message is a contest: it runs to the period's end, the desk
    shows it, and a team of competitors sells more (as with the desk's own)."""
    reps = tuple(rep(n, T.COMPETITOR) for n in ("Ann", "Bo", "Cai", "Dan"))

    def revenue(choice: str, seed: int) -> float:
        w = world(quiet(scenario(reps, weeks=13, events=(_lever_event("contest"),))), seed)
        act(w, Answer(1, choice))
        assert observe(w).contest_running == (choice == "pull")
        run_weeks(w, 13, lambda w: set_quota_ratio(w, 1.1))
        return w.revenue_total

    gain = sum(revenue("pull", s) / revenue("no", s) for s in range(4)) / 4
    assert gain > 1.05


def test_p04_p07_p09_levers_pulled_in_the_inbox_are_counted_by_the_debrief():
    """The debrief counts a contest chosen in a message among the contests (P4) and the
    service reps it put off (P7), and a word in front of the team among the public
    criticisms (P9), with the rep's reaction shown to the manager."""
    from simulator.lessons import debrief

    def played(lever: str, rep: str | None, choice: str):
        s = session(with_events(_lever_event(lever, rep)), seed=2)
        s.act(Answer(1, choice))
        for _ in range(4):
            s.advance_week()
        return s

    contest = debrief(played("contest", None, "pull").record())
    assert contest.finding("P4").summary.values["contests"] == 1
    assert contest.finding("P7").summary.values["hurt"] >= 1
    none = debrief(played("contest", None, "no").record())
    assert none.finding("P4").summary.values["contests"] == 0
    assert none.finding("P7").summary.values["hurt"] == 0

    s = played("criticism_public", "Dan", "pull")  # the service rep
    p9 = debrief(s.record()).finding("P9")
    assert p9.summary.values["public"] == 1 and p9.status == "missed"
    sue = rep_of(s.world, T.SERVICE).id
    assert any(
        e.kind == "reaction" and e.rep == sue and e.data["lever"] == "criticism_public"
        for e in s.world.log.events
    )


# ------------------------------------------------- a choice that hands over a task
def _handover_event(**trigger) -> EventSpec:
    """Week 1: Bo (the achiever) offers to run the pipeline reviews; hand them over with
    light supervision and a share, with none, or keep them."""
    review = DelegatedTask.PIPELINE_REVIEW
    return EventSpec(
        id="offers",
        title=Text("{rep} offers to take over", "{rep}主动请缨"),
        message=Text("Let me run the reviews.", "让我来主持评审吧。"),
        trigger=TriggerSpec(**({"week": 1, "rep": "Bo"} | trigger)),
        choices=(
            ChoiceSpec(
                "light",
                Text("With a weekly check and a share", "每周过一次，并分成"),
                EffectSpec(delegate=DelegationSpec(review, Supervision.LIGHT, profit_share=True)),
                handbook=True,
            ),
            ChoiceSpec(
                "none",
                Text("Entirely", "全权交给他"),
                EffectSpec(delegate=DelegationSpec(review, Supervision.NONE)),
            ),
            ChoiceSpec("keep", Text("Keep them", "自己主持")),
        ),
        default="keep",
        respond_weeks=2,
    )


def _handed_over(choice: str, seed: int, weeks: int = 52):
    w = world(quiet(scenario(weeks=weeks, events=(_handover_event(),))), seed)
    before = w.hours_available()
    act(w, Answer(1, choice))
    hours = before - w.hours_available()
    run_weeks(w, weeks, lambda w: set_quota_ratio(w, 1.1))
    return w, hours


def test_p13_a_review_handed_over_in_a_message_runs_as_the_desks_delegation():
    """Handing the reviews over in a message is a delegation: the desk shows it, its
    supervision takes its hours every week, the deputy's reviews happen, and without
    supervision it goes wrong far more often, as the desk's own does."""

    # before answering, each choice says the hours a week its supervision will take
    offer = world(quiet(scenario(events=(_handover_event(),))), 0)
    (item,) = observe(offer).inbox
    assert {c.id: c.weekly_hours for c in item.choices} == {"light": 1.0, "none": 0.0, "keep": 0.0}

    def after_a_week(choice: str):
        w = world(quiet(scenario(events=(_handover_event(),))), 0)
        act(w, Answer(1, choice))
        run_weeks(w, 2)
        return w, observe(w)

    w, seen = after_a_week("light")
    kept_w, kept = after_a_week("keep")
    bo = rep_of(w, T.ACHIEVER).id
    (d,) = seen.delegations
    assert (d.deputy, d.task, d.supervision) == (bo, "pipeline_review", "light")
    assert seen.rep(bo).profit_share and not kept.rep(bo).profit_share
    assert kept.delegations == ()
    # light supervision's hour, every week
    assert kept_w.hours_available() - w.hours_available() == pytest.approx(1.0)
    # the deputy went through the funnel; nobody did where the reviews were kept and
    # then not held
    assert sum(x.reviewed for x in seen.deals) >= 3
    assert sum(x.reviewed for x in kept.deals) == 0

    slips = {c: 0 for c in ("light", "none")}
    for seed in range(6):
        for c in slips:
            done, _ = _handed_over(c, seed)
            slips[c] += sum(1 for e in done.log.events if e.kind == "delegation_slip")
    assert slips["none"] >= 8 and slips["none"] >= 3 * max(1, slips["light"])


def test_p13_p14_p10_the_debrief_judges_a_hand_over_chosen_in_a_message():
    """The debrief counts a task handed over in a message as the desk's delegation: light
    supervision with a share is followed (P13, P14), none is missed, and the deputy's
    reviews count as the team's weekly review (P10)."""
    from simulator.lessons import debrief

    def judged(choice: str):
        s = session(with_events(_handover_event()), seed=3)
        s.act(Answer(1, choice))
        for _ in range(13):
            s.advance_week()
        return debrief(s.record())

    light, none, keep = judged("light"), judged("none"), judged("keep")
    assert light.finding("P13").status == "followed"
    assert light.finding("P13").summary.values["n"] == 1
    assert light.finding("P14").summary.values["shared"] == 1
    assert none.finding("P13").status == "missed"
    assert none.finding("P14").summary.values["shared"] == 0
    assert keep.finding("P13").status == "untested"
    assert light.finding("P10").summary.values["weeks"] >= 13
    assert keep.finding("P10").summary.values["weeks"] == 0


def test_the_week_report_says_who_took_over_what_and_how_closely_it_is_watched():
    from simulator.narrate import Narrator

    s = session(with_events(_handover_event()), seed=1)
    s.act(Answer(1, "light"))
    events = s.advance_week().events
    answer = next(e for e in s.world.log.events if e.kind == "inbox_answer")
    en = Narrator(s.observe(), "en").week_report([answer])[0]
    zh = Narrator(s.observe(), "zh").week_report([answer])[0]
    assert "Bo takes over pipeline reviews, with light supervision and a profit share" in en
    assert "漏斗审查从此交给Bo，适度监督，并给予利润分成" in zh
    # the decision is told before the reactions to it (Bo's to the deputy role)
    lines = Narrator(s.observe(), "en").week_report(events)
    answered = next(i for i, x in enumerate(lines) if "takes over pipeline reviews" in x)
    reacted = next(i for i, x in enumerate(lines) if x.startswith("▲ Bo"))
    assert answered < reacted, lines


def test_a_hand_over_to_a_rep_who_already_shares_the_value_says_they_still_do():
    """A deputy given a share before (at the desk) keeps it when a message hands them a
    task: the report says so, although the choice itself gives no new share."""
    from simulator.narrate import Narrator

    s = session(with_events(_handover_event(week=2)), seed=1)
    bo = next(r for r in s.world.active_reps if r.name == "Bo")
    s.act(Delegate(bo.id, DelegatedTask.KEY_ACCOUNTS, Supervision.LIGHT))
    s.act(ProfitShare(bo.id))
    s.advance_week()
    s.act(Answer(1, "none"))
    answer = next(e for e in s.world.log.events if e.kind == "inbox_answer")
    en = Narrator(s.observe(), "en").week_report([answer])[0]
    assert "Bo takes over pipeline reviews, with no supervision and a profit share" in en


def test_a_hand_over_offer_does_not_come_for_work_already_delegated():
    """A message that offers to take over a task the manager has already given away
    would contradict the desk: it waits until nobody has the task."""
    w = world(with_events(_handover_event(week=2, not_delegated=DelegatedTask.PIPELINE_REVIEW)))
    act(w, Delegate(rep_of(w, T.COMPETITOR).id, DelegatedTask.PIPELINE_REVIEW, Supervision.LIGHT))
    run_weeks(w, 3)
    assert observe(w).inbox == ()
    w = world(with_events(_handover_event(week=2, not_delegated=DelegatedTask.PIPELINE_REVIEW)))
    run_weeks(w, 2)
    assert [i.event for i in observe(w).inbox] == ["offers"]


def test_a_newcomer_is_not_handed_a_task_in_a_message_as_the_desk_would_not():
    reps = (rep("Ann", T.COMPETITOR), rep("Bo", T.ACHIEVER, tenure_years=0.2))
    w = world(quiet(scenario(reps, events=(_handover_event(),))), 0)
    act(w, Answer(1, "light"))
    assert observe(w).delegations == ()


def test_a_message_for_a_newcomer_comes_about_a_newcomer_and_never_a_veteran():
    """A newcomer's doubts ("is sales the right job for me?") reached an eight-year
    veteran whose confidence dipped: ``novice: true`` keeps such a message to reps in
    their first year, and ``false`` to the others."""

    def about(novice: bool | None) -> list[str]:
        reps = (rep("Ann", T.COMPETITOR, confidence=0.2), rep("Bo", T.ACHIEVER, tenure_years=0.3))
        w = world(with_events(offer_event(week=1, rep=None, novice=novice), reps=reps))
        run_weeks(w, 1)
        return [w.reps[i.rep].name for i in observe(w).inbox]

    assert about(True) == ["Bo"]
    assert about(False) == ["Ann"]


def _stage_event(**trigger) -> EventSpec:
    return EventSpec(
        id="price_cut",
        title=Text("A price cut at {account}"),
        message=Text("A competitor offers {account} 15% off a project in negotiation."),
        trigger=TriggerSpec(**trigger),
        choices=(
            ChoiceSpec("hold", Text("Hold the price"), EffectSpec(hours=1)),
            ChoiceSpec("match", Text("Match it"), EffectSpec(money=100)),
        ),
    )


def test_a_message_that_names_a_stage_comes_about_a_deal_at_that_stage_not_past_it():
    """ "A project in negotiation" reached deals already at signing with ``deal_reaches``
    (a stage or further on). ``deal_at`` keeps the message to deals at the stage now,
    and over a season of seeds it always finds one."""
    stages_at, stages_reaching = [], []
    for seed in range(8):
        for trigger, seen in (
            ({"deal_at": (Stage.NEGOTIATION,)}, stages_at),
            ({"deal_reaches": Stage.NEGOTIATION}, stages_reaching),
        ):
            w = world(with_events(_stage_event(week=2, **trigger)), seed)
            for _ in range(40):
                inbox = observe(w).inbox
                if inbox:
                    seen.append(w.deals[inbox[0].deal].stage)
                    break
                run_weeks(w, 1)
    assert len(stages_at) == 8
    assert set(stages_at) == {Stage.NEGOTIATION}
    assert Stage.SIGNING in stages_reaching  # what deal_reaches alone would have said


def test_deal_at_takes_one_stage_or_several_and_never_beside_deal_reaches(tmp_path):
    from simulator.scenario import ScenarioError, load_scenario

    def load(trigger: str):
        path = tmp_path / "s.yaml"
        path.write_text(
            "extends: default\nevents:\n  - id: probe\n    title: '{account}'\n"
            f"    message: m\n    trigger: {trigger}\n"
        )
        return load_scenario(path)

    one = load("{week: 2, deal_at: evaluation}").events[-1].trigger
    two = load("{week: 2, deal_at: [solution, evaluation]}").events[-1].trigger
    assert one.deal_at == (Stage.EVALUATION,)
    assert two.deal_at == (Stage.SOLUTION, Stage.EVALUATION)
    with pytest.raises(ScenarioError, match=r"s\.yaml:6:.*not both"):
        load("{week: 2, deal_at: evaluation, deal_reaches: solution}")
    with pytest.raises(ScenarioError, match=r"deal_at\.0: 'evaluaton' .*did you mean 'evaluation'"):
        load("{week: 2, deal_at: [evaluaton]}")


def test_a_message_that_names_another_rep_never_comes_once_they_have_left(tmp_path):
    """ "{rep} and Gao Feng both want the engineer" reached a team Gao Feng had left.
    ``with_reps`` holds such a message until everyone it names is on the team; a
    file that names nobody on the team there is told so, with the names it has."""
    from simulator.scenario import ScenarioError, load_scenario

    names_bo = offer_event(week=2, with_reps=("Bo",))
    w = world(with_events(names_bo))
    run_weeks(w, 2)
    assert [w.reps[i.rep].name for i in observe(w).inbox] == ["Ann"]
    w = world(with_events(names_bo))
    w.remove_rep(next(r for r in w.reps if r.name == "Bo"), "resigned")
    run_weeks(w, 6)
    assert observe(w).inbox == ()

    path = tmp_path / "s.yaml"
    path.write_text(
        "extends: default\nevents:\n  - id: probe\n    title: t\n    message: m\n"
        "    trigger: {week: 2, with_reps: [Wang Fang, Li Nah]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError, match=r"s\.yaml:6:.*with_reps\.1: no rep is called 'Li Nah'"):
        load_scenario(path)
    for trigger, wrong in (
        ("{week: 2, rep: Li Na, with_reps: [Li Na]}", "is the event's rep already"),
        ("{week: 2, with_reps: [Li Na, Li Na]}", "is named twice"),
    ):
        path.write_text(
            "extends: default\nevents:\n  - id: probe\n    title: t\n    message: m\n"
            f"    trigger: {trigger}\n",
            encoding="utf-8",
        )
        with pytest.raises(ScenarioError, match=wrong):
            load_scenario(path)


def test_a_rep_a_message_names_beside_its_rep_is_never_its_rep_too():
    """A message picking its rep by a condition, and naming Bo beside them, read "Bo and
    Bo both want the engineer": whoever ``with_reps`` names is left out of the pick."""
    low = offer_event(week=1, rep=None, engagement_below=1.0, with_reps=("Bo",))
    for seed in range(4):
        w = world(with_events(low), seed)
        run_weeks(w, 1)
        picked = [w.reps[i.rep].name for i in observe(w).inbox]
        assert picked and "Bo" not in picked, picked
