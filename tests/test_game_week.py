"""A week at the desk: planning checks, taking back, and the week's report."""

from __future__ import annotations

import re

import pytest

from simulator import api as A
from simulator.core.types import Tone
from simulator.scenario import scenarios_dir
from simulator.ui.game import Game

TUTORIAL = scenarios_dir() / "tutorial.yaml"
DEFAULT = scenarios_dir() / "default.yaml"


def test_planning_checks_hours_and_budget_before_the_week_runs(tmp_path):
    game = Game.new(TUTORIAL, seed=1, save_path=tmp_path / "s.json")
    left = game.hours_left
    rep = game.obs.reps[0].id
    assert game.add(A.OneOnOne(rep)) is None
    assert game.hours_left == left - game.cost(A.OneOnOne(rep))[0]
    # the same action twice in one week is refused in words
    assert "already in this week's plan" in game.add(A.OneOnOne(rep))
    # fill the week with coaching (2 h each): the first that does not fit says why, in hours
    why = None
    for r in game.obs.reps:
        for skill in A.Skill:
            why = game.add(A.Coach(r.id, skill))
            if why is not None:
                break
        if why is not None:
            break
    assert why is not None and "h are left this week" in why
    assert game.hours_left < game.cost(A.Coach(rep, next(iter(A.Skill))))[0]
    # taking an action back gives its hours back
    before = game.hours_left
    game.remove(0)
    assert game.hours_left > before


def _unhappy_lines(tmp_path, seed: int, criticise: bool) -> int:
    """Weeks' report lines saying the service rep looks unhappy, over eight weeks."""
    game = Game.new(TUTORIAL, seed=seed, save_path=tmp_path / f"{seed}{criticise}.json")
    rep = game.obs.reps[3].id  # Huang Fang: a service rep, hurt most by public criticism
    name = game.narrator.rep(rep)
    count = 0
    for _ in range(8):
        game.add(A.Feedback(rep, Tone.CRITICISM, public=True) if criticise else A.OneOnOne(rep))
        lines = game.end_week().lines
        count += sum(
            1 for x in lines if ("looks unhappy" in x or "fell sharply" in x) and name in x
        )
    return count


def test_the_week_report_says_who_looks_unhappy(tmp_path):
    # criticised in public every week, she shows it; talked to every week, she rarely does
    criticised = sum(_unhappy_lines(tmp_path, s, True) for s in range(2, 8))
    talked_to = sum(_unhappy_lines(tmp_path, s, False) for s in range(2, 8))
    assert criticised >= 4
    assert criticised >= 3 * max(1, talked_to)


def test_the_week_report_never_contradicts_the_card(tmp_path):
    """Mood words come from one scale: a line about a rep's mood names the card's band."""
    seen = 0
    for seed in range(2, 6):
        game = Game.new(TUTORIAL, seed=seed, save_path=tmp_path / f"c{seed}.json")
        rep = game.obs.reps[3].id
        for _ in range(8):
            game.add(A.Feedback(rep, Tone.CRITICISM, public=True))
            lines = game.end_week().lines
            card = {r.id: game.tr(f"moodword.{game.mood_word(r)}") for r in game.obs.reps}
            for r in game.obs.reps:
                name = game.narrator.rep(r.id)
                for x in lines:
                    if name in x and ("looks unhappy" in x or "fell sharply" in x):
                        seen += 1
                        assert card[r.id] in x, (x, card[r.id])
                        if r.id == rep:  # with what the week held: the public criticism
                            # (and the earlier ones, since the card last changed)
                            criticise = game.tr("lever.criticism_public")
                            held = x.split(" — ", 1)[1]
                            assert held.startswith("what may have put them off"), x
                            # said once, with its weeks: never "public criticism (wk 1);
                            # public criticism (wk 2); public criticism"
                            assert held.count(criticise) == 1, x
                            this_week = game.tr("ui.this_week")
                            assert re.search(
                                rf"{re.escape(criticise)}( \([^)]*{this_week}\))?[;.]", held
                            ), x
                        if "looks unhappy" in x:
                            assert game.mood_word(r) == "low"
    assert seen >= 3


def test_a_refused_action_never_enters_the_plan(tmp_path):
    game = Game.new(TUTORIAL, seed=2, save_path=tmp_path / "s.json")
    why = game.add(A.HonourVeteran(game.obs.reps[0].id))  # nobody here is a veteran
    assert why is not None and "veteran" in why
    assert not game.plan


def test_a_reps_week_counts_their_deals_rather_than_repeating_them(tmp_path):
    """Two deals won in one week read "2 deals won", not "a deal won; a deal won"."""
    from types import SimpleNamespace

    game = Game.new(TUTORIAL, seed=2, save_path=tmp_path / "w.json")
    rep = game.obs.reps[3].id
    won = [SimpleNamespace(kind="deal_won", rep=rep) for _ in range(2)]
    lost = [SimpleNamespace(kind="deal_lost", rep=rep)]
    said = game.their_week([], (*won, *lost))[rep]
    assert "2 deals won" in said and "1 deal lost" in said and "deal won;" not in said
    game.lang = "zh"
    assert "赢下 2 单" in game.their_week([], tuple(won))[rep]


def test_a_deal_planned_to_be_dropped_or_a_rep_planned_to_go_says_so_not_that_it_is_over(
    tmp_path,
):
    """Before the week runs the deal is still open and the rep still here: what refuses a
    second action on them is the plan, and the words say that."""
    game = Game.new(TUTORIAL, seed=3, save_path=tmp_path / "s.json")
    deal = next(d for d in game.obs.deals if d.rep is not None)
    assert game.add(A.DropDeal(deal.id)) is None
    why = game.add(A.PushDeal(deal.id))
    assert why is not None and "already in this week's plan" in why and "closed" not in why
    rep = next(r for r in game.obs.reps if r.id != deal.rep)
    assert game.add(A.LetGo(rep.id)) is None
    why = game.add(A.OneOnOne(rep.id))
    assert why is not None and "already in this week's plan" in why and "left" not in why
    game.lang = "zh"
    assert "本周计划" in game.add(A.Coach(rep.id, A.Skill.PROSPECTING))


DEFAULT = scenarios_dir() / "default.yaml"


def _falls_told(tmp_path, lang: str, quota_times: float, seed: int) -> list[str]:
    """The week report's lines about Huang Fang (a service rep) over ten weeks, her
    quota set at ``quota_times`` her record in week 1."""
    save = tmp_path / f"{lang}{quota_times}{seed}.json"
    game = Game.new(DEFAULT, seed=seed, save_path=save, lang=lang)
    rep = next(r for r in game.obs.reps if r.name == "Huang Fang")
    record = max(q for q, _ in rep.history) if rep.history else rep.quota
    game.add(A.SetQuota(rep.id, quota_times * max(record, rep.quota)))
    name = game.narrator.rep(rep.id)
    lines = []
    for _ in range(10):
        lines += [x for x in game.end_week().lines if name in x]
    return lines


def test_p07_a_service_reps_mood_falling_under_a_hunters_quota_says_so(tmp_path):
    """A mood that falls is told with what visibly weighed on it: a service rep given
    a hunter's quota says so, in English and in Chinese; at her usual quota it never
    comes up."""
    told_en = sum(
        "a quota that means hunting new business" in x
        for s in (1, 2)
        for x in _falls_told(tmp_path, "en", 2.5, s)
    )
    told_zh = sum("指标逼着去开拓新客户" in x for x in _falls_told(tmp_path, "zh", 2.5, 1))
    usual = sum(
        "hunting new business" in x for s in (1, 2) for x in _falls_told(tmp_path, "en", 1.0, s)
    )
    assert told_en >= 1 and told_zh >= 1
    assert usual == 0


def test_every_weight_the_model_can_put_on_a_rep_has_words_in_every_language():
    import re
    from pathlib import Path

    from simulator.api.observation import WEIGHS_ON
    from simulator.texts import languages, tr

    source = (Path(__file__).parents[1] / "simulator/core/world/people.py").read_text()
    made = set(re.findall(r'weighs\.append\("(\w+)"\)', source))
    made |= set(re.findall(r'weighs_on \+= \("(\w+)",\)', source))
    # the held levers' names, and a contest's two ways of weighing
    made |= {"autonomy", "key_account", "development_plan", "contest", "contest_bottom"}
    assert made == set(WEIGHS_ON)
    for lang in languages():
        for code in WEIGHS_ON:
            words = tr(lang, f"weigh.{code}")
            assert words and "weigh." not in words, (lang, code)


def test_a_rise_in_mood_is_not_told_beside_a_lost_deal(tmp_path):
    """Beside a rise, the rep's week lists what could have lifted them (what you did, deals
    won), not a deal lost, which read as its cause; beside a fall, everything."""
    from types import SimpleNamespace

    from simulator.ui.mood_lines import UNHAPPY_BELOW

    game = Game.new(TUTORIAL, seed=2, save_path=tmp_path / "w.json")
    rep = next(r for r in game.obs.reps if r.mood >= UNHAPPY_BELOW + 0.05)
    events = (
        SimpleNamespace(kind="deal_won", rep=rep.id),
        SimpleNamespace(kind="deal_lost", rep=rep.id),
    )
    full = game.their_week([], events)
    lifts = game.their_week([], events, lifts_only=True)
    assert "1 deal lost" in full[rep.id] and "1 deal lost" not in lifts[rep.id]
    name = game.narrator.rep(rep.id)
    (up,) = [x for x in game.unhappy({rep.id: 0.0}, full, lifts) if name in x]
    assert "mood is now" in up and "1 deal won" in up and "lost" not in up
    (down,) = [x for x in game.unhappy({rep.id: 1.0}, full, lifts) if name in x]
    assert "1 deal lost" in down
    # and a fall with nothing visible behind it says so: nothing else, beside what the
    # week held (a lost deal listed, then "nothing weighed on them", read as a contradiction)
    assert down.endswith(". Nothing else visible weighed on them"), down
    (bare,) = [x for x in game.unhappy({rep.id: 1.0}) if name in x]
    assert bare.endswith(
        " — nothing you did this week put them off. Nothing visible weighed on them"
        " (a reading moves a little by itself)"
    ), bare


def test_a_cards_pace_waits_until_two_fifths_of_the_period_have_passed(tmp_path):
    """Project deals come in lumps: one deal more or less swung a card from "on course for
    0%" to 111% between two early weeks. The card says it is too early to tell until two
    fifths of the period have passed, then the pace."""
    from simulator.ui.scenes.desk.part import pace_told

    game = Game.new(TUTORIAL, seed=3, save_path=tmp_path / "s.json")
    told = []
    for _ in range(8):
        told.append(pace_told(game.obs, game.obs.reps[0]))
        game.end_week()
    assert game.obs.period_weeks == 13
    first_told = next(i for i, t in enumerate(told) if t is not None)
    assert first_told == 5, told  # too early in weeks 1 to 5; told from the sixth
    assert all(t is None for t in told[:first_told]) and all(
        t is not None for t in told[first_told:]
    )


def test_a_mood_line_counts_an_inbox_answer_among_what_the_reps_week_held(tmp_path):
    """A rep's mood rose after a message was answered, and the report credited the quota
    set that week: an answer in the inbox is among what their week held."""
    game = Game.new(TUTORIAL, seed=3, save_path=tmp_path / "s.json")
    for _ in range(3):
        if any(i.open and i.rep is not None and i.choices for i in game.obs.inbox):
            break
        game.end_week()
    item = next(i for i in game.obs.inbox if i.open and i.rep is not None and i.choices)
    assert game.session.act(A.Answer(item.id, item.choices[0].id)).ok
    game.refresh()
    events = tuple(e for e in game.session.world.log.events if e.week == game.obs.week)
    held = game.their_week([], events)
    assert "your answer in the inbox" in held[item.rep]


def test_a_mood_that_rises_with_nothing_in_the_reps_week_says_so(tmp_path):
    """A card's word that rose was told with no cause at all; as with a fall, the line
    says when nothing visible lifted them (a reading moves a little by itself)."""
    game = Game.new(TUTORIAL, seed=3, save_path=tmp_path / "s.json")
    rep = max(game.obs.reps, key=lambda r: r.mood)  # good now; say it read low before
    name = game.narrator.rep(rep.id)
    (line,) = [x for x in game.unhappy({rep.id: 0.1}, {}, {}) if name in x]
    assert line.startswith("▲") and line.endswith(
        "Nothing visible lifted them (a reading moves a little by itself)"
    )
    (line,) = [
        x for x in game.unhappy({rep.id: 0.1}, {}, {rep.id: " — their week: 1:1"}) if name in x
    ]
    assert line.endswith(" — their week: 1:1")


def test_a_mentoring_is_in_the_week_of_both_the_mentor_and_the_newcomer(tmp_path):
    """A mentor set in week 3: the mentor "perked up (mentoring)", and the newcomer's
    rise read "Nothing visible lifted them". Both people a mentoring (or a rivalry)
    names had it in their week."""
    game = Game.new(DEFAULT, seed=7, save_path=tmp_path / "m.json")
    novice = next(r for r in game.obs.reps if r.novice)
    mentor = next(r for r in game.obs.reps if r.veteran and not r.novice)
    assert game.add(A.AssignMentor(mentor.id, novice.id)) is None
    results = game.session.carry_out(game.plan)
    report = game.session.advance_week()
    held = game.their_week(results, report.events, lifts_only=True)
    assert "mentor" in held[novice.id].lower(), held
    assert "mentor" in held[mentor.id].lower(), held
    # a review of some reps' funnels is in each of their weeks too
    reviewed = [r.id for r in game.obs.reps[:2]]
    assert game.add(A.PipelineReview(reps=tuple(reviewed))) is None
    results = game.session.carry_out(game.plan)
    report = game.session.advance_week()
    held = game.their_week(results, report.events)
    assert all("pipeline review" in held[r].lower() for r in reviewed), held


def test_what_put_a_rep_off_is_never_listed_among_what_lifted_them(tmp_path):
    """Wang Lei was "a little put off" by an answer, and the next line, his mood risen,
    listed "your answer in the inbox" among what his week held. Beside a rise, an
    action or an answer that put the rep off is left out; beside a fall it stays."""
    game = Game.new(DEFAULT, seed=7, save_path=tmp_path / "p.json")
    criticised, praised = game.obs.reps[0], game.obs.reps[1]
    assert game.add(A.Feedback(criticised.id, Tone.CRITICISM, True)) is None
    assert game.add(A.Feedback(praised.id, Tone.PRAISE, False)) is None
    results = game.session.carry_out(game.plan)
    report = game.session.advance_week()
    assert any(
        e.kind == "reaction" and e.rep == criticised.id and e.data["mood"] == "down"
        for e in report.events
    )
    full = game.their_week(results, report.events)
    lifts = game.their_week(results, report.events, lifts_only=True)
    assert game.tr("lever.criticism_public") in full[criticised.id], full
    assert game.tr("lever.criticism_public") not in lifts.get(criticised.id, ""), lifts
    assert "praise" in lifts[praised.id].lower(), lifts


def test_a_coaching_session_and_a_promise_are_told_in_the_week_report(tmp_path):
    """Coaching and a promise left no line in the week's report, and a new manager could
    not tell whether they had done anything: each is told, with what to expect (a skill
    grows slowly; a promise falls due in a given week), in both languages."""
    from simulator.core.types import Skill

    for lang, coached, promised in (
        ("en", "Coached {rep} in negotiation", "You promised {rep} "),
        ("zh", "辅导{rep}练习", "你向{rep}承诺"),
    ):
        game = Game.new(DEFAULT, seed=7, save_path=tmp_path / f"c_{lang}.json", lang=lang)
        a, b, c = game.obs.reps[0], game.obs.reps[1], game.obs.reps[2]
        assert game.add(A.Coach(a.id, Skill.NEGOTIATION)) is None
        assert game.add(A.Coach(c.id, Skill.PROSPECTING)) is None
        assert game.add(A.MakePromise(b.id, 6_000)) is None
        lines = game.end_week().lines
        nar = game.narrator
        told = [line for line in lines if line.startswith(coached.format(rep=nar.rep(a.id)))]
        # the sessions in one line, what to expect of them said once
        assert len(told) == 1 and nar.rep(c.id) in told[0], lines
        said = [line for line in lines if line.startswith(promised.format(rep=nar.rep(b.id)))]
        assert len(said) == 1 and str(game.obs.period_last_week) in said[0], lines


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p18_crammed_coaching_is_told_so_and_a_single_session_is_not_chided(lang, tmp_path):
    """After one coaching session the report said "a session a week teaches more than
    several in one week", which read as a rebuke for over-coaching. That is said when a
    rep was coached more than once in the week (each extra session teaches less); a
    single session is told as a step."""
    from simulator.core.types import Skill

    game = Game.new(DEFAULT, seed=7, save_path=tmp_path / f"one_{lang}.json", lang=lang)
    a = game.obs.reps[0]
    assert game.add(A.Coach(a.id, Skill.NEGOTIATION)) is None
    once = game.end_week().lines
    assert game.add(A.Coach(a.id, Skill.NEGOTIATION)) is None
    assert game.add(A.Coach(a.id, Skill.PROSPECTING)) is None
    twice = game.end_week().lines
    crammed = game.tr("ev.coached", who="").split("：" if lang == "zh" else ": ")[-1]
    assert not any(crammed in x for x in once), once
    assert any(crammed in x for x in twice), twice
    single = game.tr("ev.coached_single", who="").split("：" if lang == "zh" else ": ")[-1]
    assert any(single in x for x in once), once


def test_a_one_on_one_that_brought_nothing_to_light_is_still_told(tmp_path):
    """A 1:1 with a rep who had nothing stuck and let slip no hint left no line in the
    week's report, as if it had not happened: such talks are named in one line."""
    from types import SimpleNamespace

    from simulator.narrate import Narrator

    game = Game.new(TUTORIAL, seed=2, save_path=tmp_path / "t.json")
    a, b = game.obs.reps[0], game.obs.reps[1]

    def talk(rep: int, **effects) -> SimpleNamespace:
        done = {"action": {"kind": "one_on_one", "rep": rep}, "effects": effects}
        return SimpleNamespace(kind="action", rep=rep, visible=True, day=0.0, data=done)

    for lang, said in (("en", "1:1 with {a}, {b}: nothing new came up"), ("zh", "与{a}、{b}面谈")):
        nar = Narrator(game.obs, lang)
        lines = nar.week_report([talk(a.id), talk(b.id), talk(2, stuck_deals=[1])])
        quiet = [x for x in lines if x.startswith(said.format(a=nar.rep(a.id), b=nar.rep(b.id)))]
        assert len(quiet) == 1, lines
        assert nar.rep(2) not in quiet[0]


def test_a_mood_read_near_a_bands_edge_does_not_flip_its_word_back_and_forth(tmp_path):
    """A rep whose mood sits at the edge between "good" and "fair" flipped between the two
    words week after week on the reading's wobble alone, each flip told in the week's
    report as if something had happened. A fall still shows at once; a rise only once
    the reading is clearly above the edge, and the report tells only what the card shows."""
    from types import SimpleNamespace

    from simulator.api import MOOD_GOOD, MOOD_LOW
    from simulator.api.reading import MOOD_MARGIN

    game = Game.new(TUTORIAL, seed=2, save_path=tmp_path / "w.json")
    rep = game.obs.reps[0]

    def reads(mood: float) -> str:
        return game.mood_word(SimpleNamespace(id=rep.id, mood=mood))

    assert reads(MOOD_GOOD + 0.01) == "good"
    wobble = [MOOD_GOOD - 0.01, MOOD_GOOD + 0.01, MOOD_GOOD - 0.02, MOOD_GOOD + 0.02]
    assert [reads(m) for m in wobble] == ["fair"] * 4  # one change, not four
    assert reads(MOOD_GOOD + 0.05) == "good"  # clearly above: the word rises
    assert reads(MOOD_LOW - 0.01) == "low"  # a fall, even a deep one, shows at once
    assert reads(MOOD_LOW + 0.01) == "low"
    assert reads(MOOD_GOOD + 0.01) == "fair"  # up from low: as far as is clear
    # a season: every change of a card's word is told in that week's report, and no
    # rise comes while the reading is still near the edge it crossed
    game = Game.new(TUTORIAL, seed=3, save_path=tmp_path / "s.json")
    words = {r.id: game.mood_word(r) for r in game.obs.reps}
    changes = 0
    for _ in range(20):
        outcome = game.end_week()
        for r in game.obs.reps:
            word = game.mood_word(r)
            if r.id in words and word != words[r.id]:
                changes += 1
                if word == "good" or (word == "fair" and words[r.id] == "low"):
                    edge = MOOD_GOOD if word == "good" else MOOD_LOW
                    assert r.mood >= edge + MOOD_MARGIN, (r.mood, words[r.id], word)
                told = game.narrator.rep(r.id)
                assert any(told in line and "mood" in line for line in outcome.lines)
            words[r.id] = word
    assert changes  # the season had moods that moved


def test_p15_a_kept_promise_is_told_as_a_promise_kept_not_as_a_bonus(tmp_path):
    """Keeping a promise was told "Zhao Min shrugged (a bonus)": the manager had given
    no bonus. It works on the rep as a reward, and is told as the promise kept."""
    game = Game.new(TUTORIAL, seed=4, save_path=tmp_path / "p.json")
    for rep in game.obs.reps:  # a promise to each, paid whatever happens
        assert game.add(A.MakePromise(rep.id, 5_000, "none", due_week=3)) is None
    game.end_week()
    for p in game.obs.promises:
        assert game.add(A.KeepPromise(p.id)) is None
    lines = game.end_week().lines
    kept = game.tr("lever.promise_kept")
    told = [x for x in lines if f"({kept})" in x]
    assert len(told) >= 2, lines  # the reactions shown are to the promise kept
    assert not any(f"({game.tr('lever.bonus')})" in x for x in lines), lines


def test_a_rise_on_the_card_a_week_after_what_lifted_them_names_that_week(tmp_path):
    """ "Zhou Qiang greatly encouraged (honoured)" in week 4, his card still "fair"; in
    week 5 it rose beside "nothing visible lifted them". A card's word rises once the
    reading is clearly past the edge, a little after what lifted it: the rise names what
    could have lifted them since the card last changed, each earlier thing with its week."""
    from types import SimpleNamespace

    game = Game.new(TUTORIAL, seed=2, save_path=tmp_path / "l.json")
    rep = game.obs.reps[0]
    name = game.narrator.rep(rep.id)
    won = (SimpleNamespace(kind="deal_won", rep=rep.id, data={}),)
    first = game._since(game._lifted, "lifts", 4, [], won)  # week 4: a deal won, card unchanged
    assert game.tr("ctx.won", n=1) in first[rep.id]
    later = game._since(game._lifted, "lifts", 5, [], ())  # week 5: nothing new
    assert f"{game.tr('ctx.won', n=1)} ({game.tr('ui.week_short', week=4)})" in later[rep.id]
    assert "since their card last changed" in later[rep.id]  # not "their week"
    game._mood_words[rep.id] = "low"  # the card said "low" before; it rises now
    (line,) = [x for x in game.unhappy({rep.id: 0.0}, {}, later, {rep.id: "low"}) if name in x]
    assert game.tr("ui.week_short", week=4) in line and "nothing" not in line, line


def test_p15_a_promise_whose_condition_was_not_met_is_told_as_lapsed(tmp_path):
    """A promise "if they make quota" to a rep who missed it ended without a word: the
    player did not know whether it was still owed. Its end is told: nothing is owed."""
    game = Game.new(TUTORIAL, seed=4, save_path=tmp_path / "l.json")
    for rep in game.obs.reps:
        assert game.add(A.MakePromise(rep.id, 5_000, "quota")) is None
    lines: list[str] = []
    while game.obs.period == 0:
        lines += game.end_week().lines
    lapsed = [p for p in game.obs.promises if p.status == "lapsed"]
    assert lapsed  # somebody missed quota in the first period
    for p in lapsed:
        told = game.tr("ev.promise_lapsed", rep=game.narrator.rep(p.rep), amount=game.money(5_000))
        assert told in lines, lines[-12:]


def test_a_contest_is_in_the_week_of_every_rep_it_moved(tmp_path):
    """A report said "Wang Lei perked up, strongly (contest)", then, his card's word
    risen, "Nothing visible lifted them". A contest, a team meeting or a training
    names nobody; each rep it moved had it in their week all the same."""
    game = Game.new(DEFAULT, seed=7, save_path=tmp_path / "c.json")
    assert game.add(A.RunContest()) is None
    results = game.session.carry_out(game.plan)
    report = game.session.advance_week()
    lifted = {
        e.rep
        for e in report.events
        if e.kind == "reaction" and e.data["lever"] == "contest" and e.data["mood"] == "up"
    }
    put_off = {
        e.rep
        for e in report.events
        if e.kind == "reaction" and e.data["lever"] == "contest" and e.data["mood"] == "down"
    }
    assert lifted, "nobody perked up at the contest"
    lifts = game.their_week(results, report.events, lifts_only=True)
    full = game.their_week(results, report.events)
    contest = game.narrator.action_name("contest")
    for rep in lifted:
        assert contest in lifts[rep], lifts
    for rep in put_off:  # beside a fall it is in their week; beside a rise it is not
        assert contest in full[rep] and contest not in lifts.get(rep, ""), (full, lifts)


def test_a_fall_on_the_card_a_week_after_what_put_them_off_names_that_week(tmp_path):
    """A report said Wang Lei was "a little put off" by an answer; the next week his card
    fell to fair beside "their week: 1:1; 1 deal won. Nothing else visible weighed on
    them". A fall names what put them off since the card last changed, with its week."""
    game = Game.new(DEFAULT, seed=7, save_path=tmp_path / "f.json")
    rep = game.obs.reps[0]
    name = game.narrator.rep(rep.id)
    assert game.add(A.Feedback(rep.id, Tone.CRITICISM, True)) is None
    week = game.obs.week
    results = game.session.carry_out(game.plan)
    report = game.session.advance_week()
    assert any(
        e.kind == "reaction" and e.rep == rep.id and e.data["mood"] == "down" for e in report.events
    ), "the public correction put nobody off"
    game._since(game._soured, "put_off", week, results, report.events)
    later = game._since(game._soured, "put_off", week + 1, [], ())  # the next week: nothing
    said = game.tr("lever.criticism_public")
    assert f"{said} ({game.tr('ui.week_short', week=week)})" in later[rep.id], later
    (line,) = [x for x in game.unhappy({rep.id: 0.9}, later, {}, {rep.id: "good"}) if name in x]
    assert game.tr("ui.week_short", week=week) in line, line
    # beside a rise, what put them off is never listed
    lifts = game._since(game._lifted, "lifts", week + 1, [], ())
    assert said not in lifts.get(rep.id, ""), lifts


def test_a_fall_beside_a_1_1_does_not_read_as_if_the_1_1_caused_it(tmp_path):
    """Cards fell from good to fair in the first week beside "their week: 1:1. Nothing
    else visible weighed on them", just after the tour said to hold 1:1s: the line read
    as if the 1:1 had put them off. Beside a fall, only what may have put them off is
    listed (what they reacted to badly, deals lost); with nothing, the line says that
    nothing the manager did this week put them off."""
    game = Game.new(DEFAULT, seed=7, save_path=tmp_path / "o.json")
    reps = [r.id for r in game.obs.reps]
    for rep in reps:
        assert game.add(A.OneOnOne(rep)) is None
    week = game.obs.week
    results = game.session.carry_out(game.plan)
    report = game.session.advance_week()
    game.refresh()
    talked = game.narrator.action_name("one_on_one")
    soured = {
        e.rep
        for e in report.events
        if e.kind == "reaction" and (e.data["mood"] == "down" or e.data["size"] < 0)
    }
    context = game._since(game._soured, "put_off", week, results, report.events)
    calm = [r for r in reps if r not in soured]
    assert calm, "somebody took their 1:1 well"
    for rep in calm:
        assert talked not in context.get(rep, ""), context
        name = game.narrator.rep(rep)
        (line,) = [x for x in game.unhappy({rep: 1.0}, context, {}, {rep: "good"}) if name in x]
        assert talked not in line, line
        lost = any(e.kind == "deal_lost" and e.rep == rep for e in report.events)
        said = game.tr("ev.put_off_nothing")
        assert (said in line) != lost, line  # a deal lost is what may have put them off
    # the same week beside a rise: the 1:1 is what lifted them
    lifts = game._since(game._lifted, "lifts", week, results, report.events)
    assert all(talked in lifts[rep] for rep in calm), lifts


def test_p14_a_deputys_profit_share_is_told_as_every_lever_is(tmp_path):
    """A profit share planned for a deputy left no line in the week's report, when every
    other lever says how the rep took it."""
    game = Game.new(DEFAULT, seed=5, save_path=tmp_path / "p.json")
    deputy = max(game.obs.reps, key=lambda r: r.tenure_years)
    assert game.add(A.Delegate(deputy.id, A.DelegatedTask.PIPELINE_REVIEW)) is None
    game.end_week()
    assert game.add(A.ProfitShare(deputy.id)) is None
    lines = game.end_week().lines
    told = game.tr(
        "ev.reaction_up_mild", rep=game.narrator.rep(deputy.id), lever=game.tr("lever.profit_share")
    )
    assert any(x.startswith(told) for x in lines), lines


def test_an_inbox_answer_is_told_once_in_the_reps_week(tmp_path):
    """A mood line listed "Answer; your answer in the inbox": one answer (whose choice
    pulled a lever, so the rep reacted to it), told twice."""
    game = Game.new(TUTORIAL, seed=3, save_path=tmp_path / "s.json")
    while not any(i.open and i.event == "service_rescue" for i in game.obs.inbox):
        game.end_week()
    item = next(i for i in game.obs.inbox if i.open and i.event == "service_rescue")
    assert game.add(A.Answer(item.id, "public_criticism")) is None
    results = game.session.carry_out(game.plan)
    events = tuple(e for e in game.session.world.log.events if e.week == game.obs.week)
    assert any(e.kind == "reaction" and e.rep == item.rep for e in events)
    held = game.their_week(results, events)[item.rep]
    assert held.count(game.tr("ctx.answer")) == 1, held
    assert game.narrator.action_name("answer") not in held.replace(game.tr("ctx.answer"), ""), held


def test_a_fall_that_what_weighs_on_the_rep_explains_does_not_say_nothing_was_done(
    tmp_path, monkeypatch
):
    """ "Nothing you did this week put them off. Weighing on them: a quota that means
    hunting new business", beside a quota set that week, read as a contradiction: the
    line says what weighs on them, and no more."""
    from dataclasses import replace

    game = Game.new(TUTORIAL, seed=3, save_path=tmp_path / "s.json")
    rep = game.obs.reps[0]
    hunting = replace(rep, weighs_on=("quota_hunting",))
    obs = replace(game.obs, reps=(hunting, *game.obs.reps[1:]))
    monkeypatch.setattr(type(game), "obs", property(lambda g: obs))
    name = game.narrator.rep(rep.id)
    (line,) = [x for x in game.unhappy({rep.id: 1.0}) if name in x]
    assert line.endswith(game.tr("ev.weighs_on_them", list=game.tr("weigh.quota_hunting")))
    assert game.tr("ev.put_off_nothing") not in line


def test_an_answer_that_disappointed_a_colleague_is_among_what_put_them_off(tmp_path):
    """An answer's reply said "Ma Jun had hoped for one of them"; the next week his card
    fell beside "nothing you did put them off". An answer that moved others than the
    person it was about (a team's effect) is in their week too: beside a fall, for those
    it put off; beside a rise, for those it lifted."""
    path = scenarios_dir() / "promoted_over_peers.yaml"
    game = Game.new(str(path), seed=3, save_path=tmp_path / "p.json")
    item = next(i for i in game.obs.inbox if i.event == "veteran_role")
    # honoured before the team, the veteran leads the top accounts: competitors resent it
    assert game.add(A.Answer(item.id, "honour")) is None
    results = game.session.carry_out(game.plan)
    report = game.session.advance_week()
    answer = next(e for e in report.events if e.kind == "inbox_answer")
    resented = {r for r, change in answer.data["team_engagement"].items() if change < 0}
    competitors = {r.id for r in game.session.world.reps if r.type.value == "competitor"}
    assert resented and resented <= competitors - {item.rep}
    put_off = game._since(game._soured, "put_off", answer.week, results, report.events)
    lifts = game.their_week(results, report.events, lifts_only=True)
    said = game.tr("ctx.answer")
    for rep in resented:
        assert said in put_off[rep], put_off
        assert said not in lifts.get(rep, ""), lifts
    (line,) = [
        x
        for x in game.unhappy({r: 0.9 for r in resented}, put_off, {}, {})
        if game.narrator.rep(min(resented)) in x
    ]
    assert said in line and game.tr("ev.put_off_nothing") not in line, line


COURSE = """\
extends: tutorial
guided: false
events:
  - id: course
    title: {en: "{rep} asks for a course", zh: "{rep}想去培训"}
    message: {en: "{rep} asks to be sent on a course.", zh: "{rep}想去参加一次培训。"}
    trigger: {week: 1, rep: Li Na}
    respond_weeks: 1
    default: yes
    choices:
      - id: "yes"
        text: {en: "Promise her the course", zh: "答应送她去培训"}
        effects:
          promise:
            amount: 6000
            condition: none
            due_weeks: 1
            what: {en: "a training course", zh: "一次专业培训课程"}
      - id: "no"
        text: {en: "Not this year", zh: "今年不行"}
        effects: {}
"""


def test_p15_a_promise_a_message_made_is_told_as_what_it_gives_not_as_cash(tmp_path):
    """An answer that promised a rep "a course as its prize" was told in the week's
    report as "You promised Li Na ¥6000", and kept from the desk as ¥6000: the player
    read that they had promised cash. Such a promise is told as what it gives, and
    what it is worth, wherever it is told."""
    import shutil

    shutil.copy(TUTORIAL, tmp_path / "tutorial.yaml")
    (tmp_path / "course.yaml").write_text(COURSE, encoding="utf-8")
    for lang, what in (("en", "a training course"), ("zh", "一次专业培训课程")):
        game = Game.new(
            tmp_path / "course.yaml", seed=4, lang=lang, save_path=tmp_path / f"{lang}.json"
        )
        (item,) = [i for i in game.obs.inbox if i.open]
        assert game.add(A.Answer(item.id, "yes")) is None
        lines = game.end_week().lines
        made = [x for x in lines if game.narrator.rep(item.rep) in x and what in x]
        assert made, lines
        lines = game.end_week().lines  # it falls due as this week closes
        (promise,) = game.obs.promises
        assert promise.status == "due"
        worth = game.tr("promise.what_worth", what=what, amount=game.money(6_000))
        assert game.tr("ev.promise_due", rep=game.narrator.rep(promise.rep), amount=worth) in lines
