"""What a new manager reads says what happened: no state that contradicts another.

Each test here comes from something a player met and could not make sense of: a
message that lapsed still read "unanswered", a hire said to have gone seven weeks
without a deal after two on the team, support the chooser called a fit reported as
asked at the wrong time, a quota warning that did not say which way.
"""

from __future__ import annotations

import pygame
import pytest
from gui import plan_rows, step
from pygame_gui.elements import UIButton, UILabel
from test_game_screens import game_at, shown_in, to_desk

from simulator.api import RIGHT_POOL, AssignKeyAccount, DropDeal, Hire, LetGo, Pool, Stage
from simulator.narrate import Narrator
from simulator.policies import make_policy
from simulator.scenario import default_scenario_path, load_scenario
from simulator.session import Session
from simulator.texts import quota_text, tr
from simulator.ui.widgets import html


def _labels(app) -> list[str]:
    """The text of every live label on the desk, region by region."""
    return [
        el.text
        for region in app.scene.regions.values()
        if region.ui is not None
        for el in region.ui.elements
        if isinstance(el, UILabel) and el.alive()
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_inbox_message_left_past_its_deadline_says_what_was_done_instead(lang, tmp_path):
    """A message whose deadline passed took its default course, as the week report said,
    but its card in the inbox still read "unanswered" weeks later."""
    with game_at(tmp_path, lang) as app:
        game = app.game
        for _ in range(30):
            game.end_week()
            lapsed = [i for i in game.obs.inbox if i.status == "expired" and i.choice]
            if lapsed:
                break
        assert lapsed, "no message lapsed in 30 weeks"
        item = lapsed[0]
        chosen = next(c for c in item.choices if c.id == item.choice)
        to_desk(app, "inbox")
        shown = " ".join(el.text for el in shown_in(app, "centre"))
        expected = tr(lang, "inbox.expired_default", choice=chosen.text.get(lang))
        assert expected[:20] in shown, shown


def test_p6_a_hire_who_joined_mid_period_is_not_said_to_have_gone_longer_without_a_deal():
    """A hire who joined in week 5 was reported in week 7 as having "booked nothing in
    7 weeks of this period". The dry spell counts the weeks they have been on the team,
    and is told only once half a period has passed with them in it."""
    s = Session(load_scenario(default_scenario_path()), 0)
    first = len(s.world.reps)
    s.act(LetGo(0))  # their accounts wait for the newcomer
    s.act(Hire())
    for _ in range(26):
        s.advance_week()
    hire = s.world.reps[first]
    assert hire.joined_week > 1
    period = s.scenario.period_weeks
    dry = [e for e in s.world.log.of_kind("pace_fall") if e.rep == hire.id]
    assert dry, "the hire booked nothing and nothing was said"
    for e in dry:
        here = e.week - max(hire.joined_week, (e.week - 1) // period * period + 1) + 1
        assert e.data["since"] == "dry"
        assert int(e.data["before"]) == here, (e.week, hire.joined_week, e.data)
        assert 2 * here >= period


def test_p11_support_asked_at_its_stage_that_came_late_is_told_as_a_queue_with_its_wait():
    """The chooser marked legal/finance "fits this stage" at negotiation; it came at
    signing and the report said "(a queue, or asked at the wrong time)": the player did
    what the game advised and was told they had timed it wrong. The report now says
    it was asked where it serves, and how long it waited in the queue."""
    s = Session(load_scenario(default_scenario_path()), 0, make_policy("by_the_book"))
    s.run()
    late = [
        e
        for e in s.world.log.of_kind("support_given")
        if not e.data["right_stage"]
        and e.data["asked_stage"] != e.data["stage"]
        and RIGHT_POOL.get(Stage[e.data["asked_stage"].upper()]) is Pool(e.data["pool"])
    ]
    assert late, "no support came late in a whole season"
    for lang in ("en", "zh"):
        nar = Narrator(s.observe(), lang)
        for e in late[:5]:
            text = nar.line(e)
            asked = tr(lang, f"stage.{int(Stage[e.data['asked_stage'].upper()])}")
            assert asked in text, text
            assert str(max(0, round(e.data["waited"]))) in text, text
            assert "wrong time" not in text and "时机不对" not in text, text
    # the wait is the queue's: support granted at once waited no days
    assert all(e.data["waited"] >= 0 for e in s.world.log.of_kind("support_given"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p12_an_account_whose_deal_ended_counts_the_customers_word_as_contact(lang, tmp_path):
    """An account whose only deal the customer turned down in week 1 showed "not yet"
    under last contact, beside a file that said "wk 1: deal lost"."""
    with game_at(tmp_path, lang) as app:
        game = app.game
        for _ in range(3):
            game.end_week()
        to_desk(app, "accounts")
        ago = app.scene.contact_ago()
        spoke = [
            a
            for a in game.obs.accounts
            if any(k in ("won", "lost") and day >= 0 for day, k, _, _ in a.history)
        ]
        assert spoke
        today = (game.obs.week - 1) * 5
        for a in spoke:
            last = max(day for day, k, _, _ in a.history if k in ("won", "lost", "opportunity"))
            assert a.id in ago, a.name
            assert ago[a.id] <= max(0, today - last), (a.name, ago[a.id], a.history)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p2_a_quota_far_from_a_reps_record_says_which_way_and_how_far(lang, tmp_path):
    """ "⚠ far from record" did not say whether too high or too low, against a record
    the screen did not show. It now gives the quota as a multiple of their average."""
    with game_at(tmp_path, lang) as app:
        to_desk(app, "quotas")
        scene = app.scene
        rep = next(r for r in app.game.obs.reps if r.history)
        mean = sum(b for _, b in rep.history[-4:]) / len(rep.history[-4:])
        assert scene.far_note(rep, 2.0 * mean) == tr(lang, "review.far_x", x="2.0")
        assert scene.far_note(rep, 0.5 * mean) == tr(lang, "review.far_x", x="0.5")
        assert scene.far_note(rep, 1.1 * mean) == ""
        # the record beside the field shows two periods at most; pointed at, the warning
        # says what its multiple is of: the average over how many periods, and how much
        entry, note = scene.quota_entries[rep.id], scene.quota_notes[rep.id]
        entry.set_text(quota_text(2.0 * mean, lang))
        scene.quotas_typed()
        n = len(rep.history[-4:])
        assert note.text == tr(lang, "review.far_x", x="2.0")
        tip = tr(lang, "quota.far_tip", n=n, x="2.0", mean=app.game.money(mean))
        assert html(tip) == note.tool_tip_text
        entry.set_text(quota_text(1.1 * mean, lang))
        scene.quotas_typed()
        assert note.text.strip() == "" and not note.tool_tip_text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_planned_drop_or_key_account_says_which_deal_or_account(lang, tmp_path):
    """ "Drop · Fuxing Paper" when the rep had two deals there, and "Key account · Sun
    Hui" with no account at all: the plan did not say what it would do."""
    with game_at(tmp_path, lang) as app:
        game = app.game
        to_desk(app)
        rep = game.obs.reps[0]
        deal = rep.deals[0]
        account = max(
            (game.obs.accounts[a] for a in game.obs.accounts.owned_by(rep.id)),
            key=lambda a: (not a.key, a.potential),
        )
        assert game.add(DropDeal(deal.id)) is None
        assert game.add(AssignKeyAccount(rep.id, account.id)) is None
        app.scene.refresh()
        step(app, 8)
        rows = plan_rows(app)
        assert any(game.money(deal.value) in row for row in rows), rows
        name = account.name_zh if lang == "zh" else account.name
        assert any(name in row for row in rows), rows


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_accounts_sort_buttons_show_their_labels_whole(lang, tmp_path):
    """Sorted by last contact, its button read "▼ Last con…"."""
    with game_at(tmp_path, lang) as app:
        to_desk(app, "accounts")
        for key in ("potential", "relationship", "contact", "owner"):
            app.scene.sort_accounts(key)
            step(app, 8)
            ui = app.scene.regions["centre"].ui
            chosen = [
                el
                for el, text in ui.full_text.items()
                if isinstance(el, UIButton) and el.alive() and text.startswith(("▼ ", "▲ "))
            ]
            assert len(chosen) == 1, [ui.full_text[c] for c in chosen]
            assert chosen[0].text == ui.full_text[chosen[0]], chosen[0].text
            if key != "owner":  # what the figure is, when pointed at ("Potential": a year's)
                assert chosen[0].tool_tip_text == html(tr(lang, f"acc.{key}_tip"))


def test_a_second_click_on_an_accounts_sort_turns_its_order_round(tmp_path):
    """Clicking "Last contact" again did nothing: a player wanted those seen most
    recently first. A second click on the chosen sort turns the order round (▲), a
    third back; another sort starts in its own order."""
    with game_at(tmp_path) as app:
        for _ in range(3):
            app.game.end_week()
        to_desk(app, "accounts")

        def shown() -> list[str]:
            step(app, 8)
            texts = app.scene.regions["centre"].ui.full_text
            return [t for el, t in texts.items() if el.alive()]

        assert app.scene.acc_sort == "potential"  # the tab opens sorted by potential
        down = shown()
        app.scene.sort_accounts("potential")
        up = shown()
        assert any(t.startswith("▲ ") for t in up) and not any(t.startswith("▲ ") for t in down)
        rows = sorted(app.game.obs.accounts, key=lambda a: a.potential)
        smallest = rows[0].name
        assert any(smallest in t for t in up) and not any(smallest in t for t in down)
        app.scene.sort_accounts("potential")
        assert not app.scene.acc_reverse
        app.scene.sort_accounts("potential")
        app.scene.sort_accounts("owner")  # another sort: its own order first
        assert not app.scene.acc_reverse and app.scene.acc_sort == "owner"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_hires_card_says_they_have_no_quota_yet_and_when_their_first_talk_was(lang, tmp_path):
    """A hire with no territory read "quota ¥0 … on course for 100%", and "last 1:1: week
    5" though the player had held none: the welcome talk the week they joined."""
    with game_at(
        tmp_path, lang, scenario=str(default_scenario_path().parent / "growing_team.yaml"), seed=3
    ) as app:
        game = app.game
        assert game.add(Hire()) is None
        before = {r.id for r in game.obs.reps}
        hire = None
        for _ in range(10):
            game.end_week()
            hire = next((r for r in game.obs.reps if r.id not in before), None)
            if hire is not None:
                break
        assert hire is not None and hire.joined_week > 0
        to_desk(app)
        app.scene.select(hire.id)
        step(app, 8)
        shown = " ".join(_labels(app))
        assert tr(lang, "detail.last_1on1_joined", week=hire.joined_week) in shown, shown
        if hire.quota <= 0:
            assert tr(lang, "detail.no_quota") in shown, shown
            assert tr(lang, "detail.on_course", pace="100%") not in shown, shown


def test_a_reps_time_with_the_company_grows_by_the_week_not_by_a_tenth_of_a_year(tmp_path):
    """ "8 months" in the briefing, "10 months" three weeks later: the desk read a
    tenure rounded to a tenth of a year. Three weeks on, a card says at most a month
    more than the briefing did."""
    from simulator.texts import tenure

    with game_at(tmp_path) as app:
        game = app.game
        briefed = {r.name: r.tenure_years for r in game.session.scenario.reps}
        for _ in range(3):
            game.end_week()
        to_desk(app)
        young = [r for r in game.obs.reps if briefed[r.name] < 1]
        assert young
        for rep in young:
            app.scene.select(rep.id)
            step(app, 8)
            shown = " ".join(_labels(app))
            then = max(1, round(briefed[rep.name] * 12))
            now = [m for m in (then, then + 1) if tr("en", "tenure.months", n=m) in shown]
            assert now, (rep.name, tenure(briefed[rep.name]), shown)


def test_a_flight_risk_found_in_your_1_1_is_told_as_found_there_and_a_deputys_as_theirs():
    """A 1:1 that found a rep might leave was answered with "a 1:1 to learn why", as if
    none had been held. The line says whose talk found it."""
    from simulator.api import Event, OneOnOne

    s = Session(load_scenario(default_scenario_path()), 0)
    rep = s.world.reps[2]
    rep.engagement, rep.trust = 0.05, 0.1  # a rep about to go
    assert s.act(OneOnOne(rep.id)).ok
    found = s.world.log.of_kind("flight_risk")
    assert len(found) == 1
    e = found[0]
    by_deputy = Event(e.day, e.week, e.kind, e.rep, {**e.data, "by": "deputy"}, e.visible)
    assert e.data["why"] == ["mood_hidden", "trust"]
    for lang in ("en", "zh"):
        nar = Narrator(s.observe(), lang)
        risk = round(100 * e.data["risk"])
        why = tr(lang, "ev.sep").join(tr(lang, f"risk.{w}") for w in e.data["why"])
        own, deputy = nar.line(e), nar.line(by_deputy)
        said = {"rep": nar.rep(rep.id), "risk": risk, "why": why}
        assert own == tr(lang, "ev.flight_risk_why", **said)
        assert deputy == tr(lang, "ev.flight_risk_deputy_why", **said)
        assert own != deputy
        assert "to learn why" not in own
        # an event with no reasons (written by hand, say) still tells the risk
        bare = Event(e.day, e.week, e.kind, e.rep, {"risk": e.data["risk"]}, e.visible)
        assert nar.line(bare) == tr(lang, "ev.flight_risk", rep=nar.rep(rep.id), risk=risk)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_flight_risk_on_a_card_says_what_lies_behind_it(lang, tmp_path):
    """A card read "▲ good" beside "⚠ may leave", and nothing said why: the risk came
    from an outside offer, which a 1:1 brings out as surely as the risk. The card's tip
    now says what the talk found behind it, in the words a resignation would use, and
    when (spirits may have mended since: "low spirits" beside a card reading "fair")."""
    from pygame_gui.elements import UIImage

    from simulator.api import OneOnOne

    with game_at(tmp_path, lang) as app:
        game = app.game
        world = game.session.world
        rep = world.reps[1]
        world.market.offers[rep.id] = world.week + 6  # a competitor's offer on the table
        rep.engagement, rep.trust = 0.45, 0.6  # a little below par, trusting the manager
        assert game.session.act(OneOnOne(rep.id)).ok
        assert "offer" in rep.flight_risk_why and "trust" not in rep.flight_risk_why
        game.refresh()
        to_desk(app)
        app.scene.refresh()
        step(app, 4)
        elements = app.scene.regions["team"].ui.elements
        rect = app.scene.card_rects[rep.id]
        (tile,) = [el for el in elements if isinstance(el, UIImage) and el.rect == rect]
        tip = tile.tool_tip_text or ""
        why = tr(lang, "ev.sep").join(tr(lang, f"risk.{w}") for w in rep.flight_risk_why)
        said = tr(lang, "card.risk_why_tip", why=why, week=rep.flight_risk_seen_week)
        assert html(said) in tip, tip
        assert html(tr(lang, "risk.offer")) in tip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_first_game_that_skips_the_tutorial_opens_on_the_tour_and_only_then(lang, tmp_path):
    """The tour hid under Menu → Tour: a player who went straight to a scenario never
    saw it. The very first game, begun without the tutorial, opens on its first page;
    any later game, or one after the tutorial, begins on the desk alone."""
    from simulator.scenario import scenarios_dir
    from simulator.ui.app import App
    from simulator.ui.scenes import BriefingScene

    def begin(app, scenario) -> bool:
        app.start_game(str(scenario), 5)
        app.switch(BriefingScene)
        step(app, 4)
        app.scene.begin()
        step(app, 4)
        return app.scene.modal_ui is not None and any(
            tr(lang, "tour.talk.title") in text for text in app.scene.modal_ui.full_text.values()
        )

    app = App(lang=lang, saves=tmp_path / "saves", seed=5)
    try:
        assert begin(app, default_scenario_path())
        assert not begin(app, default_scenario_path())  # a game has been played: once only
    finally:
        app.close()
    tutorial_first = App(lang=lang, saves=tmp_path / "other", seed=5)
    try:
        assert not begin(tutorial_first, scenarios_dir() / "tutorial.yaml")  # its own steps
        assert not begin(tutorial_first, default_scenario_path())  # it had them already
    finally:
        tutorial_first.close()


def at_first_review(app) -> None:
    """The game played to its first period's end, its review screen open."""
    from simulator.ui.scenes import ReviewScene

    game = app.game
    first = game.obs.period
    while game.obs.period == first:
        outcome = game.end_week()
    app.switch(ReviewScene, outcome=outcome)
    step(app, 8)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_period_reviews_pages_share_the_team_evenly(lang, tmp_path):
    """Six reps where five rows fit gave a page of five and a page of one, mostly empty.
    The team is spread evenly over the pages it needs: every rep on one page, no page
    more than a row fuller than another."""
    from gui import labels

    from simulator.texts import rep_name

    with game_at(tmp_path, lang) as app:
        game = app.game
        at_first_review(app)
        names = [rep_name(r, lang) for r in game.obs.reps]
        pages = []
        while True:
            shown = " ".join(labels(app))
            pages.append([n for n in names if n in shown])
            if len(pages) == 4 or sum(map(len, pages)) >= len(names):
                break
            app.scene.turn(1)
            step(app, 4)
        assert len(pages) > 1, pages  # the default team needs two pages at this size
        assert sorted(n for page in pages for n in page) == sorted(names), pages
        sizes = [len(page) for page in pages]
        assert max(sizes) - min(sizes) <= 1, pages


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_period_review_opens_on_what_the_team_booked_against_the_target(lang, tmp_path):
    """How the period ended was only in the last line of a side panel on the review
    screen. It stands beside the screen's heading."""
    from gui import labels

    with game_at(tmp_path, lang) as app:
        game = app.game
        at_first_review(app)
        closed = next(e for e in game.obs.events if e.kind == "period_end")
        booked, target = closed.data["booked"], closed.data["target"]
        assert booked > 0 and target > 0
        told = tr(
            lang, "review.team_result", booked=game.money(booked), target=game.money(target), pct=""
        )
        shown = labels(app)
        assert any(text.startswith(told[: told.index(game.money(target))]) for text in shown), shown


def test_p6_a_hire_given_a_first_territory_is_told_their_first_quota():
    """A hire who joined with no accounts had no quota; given accounts, they had one the
    next week that nobody had set, and the report said nothing of it."""
    from simulator.api import ReassignAccounts

    s = Session(load_scenario(default_scenario_path().parent / "growing_team.yaml"), 3)
    before = {r.id for r in s.observe().reps}
    assert s.act(Hire()).ok
    hire = None
    while hire is None:
        s.advance_week()
        hire = next((r for r in s.observe().reps if r.id not in before), None)
    assert hire.quota == 0 and hire.accounts == 0
    obs = s.observe()
    biggest = max(obs.reps, key=lambda r: r.accounts)
    given = tuple(obs.accounts.owned_by(biggest.id)[:6])
    result = s.act(ReassignAccounts(hire.id, given))
    assert result.ok
    quota = s.observe().rep(hire.id).quota
    assert quota > 0
    for lang in ("en", "zh"):
        nar = Narrator(s.observe(), lang)
        told = nar.lines(s.world.log.of_week(s.world.week))
        expected = tr(lang, "ev.territory_quota", rep=nar.rep(hire.id), n=6, quota=nar.money(quota))
        assert expected in told, told


def test_p11_every_support_request_ends_in_words():
    """Support asked for a deal won that same week was never mentioned again: a request
    whose deal closed while the specialist was on it ended in silence. Every request
    carried out ends in exactly one line: given, found the customer gone, or too late."""
    s = Session(load_scenario(default_scenario_path()), 2, make_policy("by_the_book"))
    s.run()
    log = s.world.log
    asked = [e for e in log.of_kind("action") if e.data["action"]["kind"] == "request_support"]
    ends = [e for e in log if e.kind in ("support_given", "support_found_dead", "support_wasted")]
    assert asked and len(ends) >= len(asked) - 3  # the last weeks' requests may be pending
    assert len(ends) <= len(asked)
    late = [e for e in ends if e.kind == "support_wasted"]
    assert late
    nar = Narrator(s.observe(), "en")
    for e in late:
        assert nar.line(e), e.data


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p11_the_support_chooser_marks_the_deciding_stage_only_where_help_counts(lang, tmp_path):
    """Consultant help was marked "★ where this customer decides" on a deal in
    negotiation, and the report then said it came at a stage it does not serve. The
    chooser marks the deciding stage when the deal is at it, and before then says to
    ask when it gets there."""
    from simulator.api import KEY_STAGE

    with game_at(tmp_path, lang) as app:
        to_desk(app)
        scene = app.scene
        deals = app.game.obs.deals
        seen_now = seen_later = False
        for deal in deals:
            key = KEY_STAGE.get(deal.decision_style)
            if key is None:
                continue
            texts = " ".join(t for t, _ in scene.support_marks(deal, RIGHT_POOL[key]))
            now = tr(lang, "pick.fits_style") in texts
            later = tr(lang, "pick.style_later", stage=tr(lang, f"stage.{int(key)}")) in texts
            assert now == (deal.stage is key), (deal.stage, key, texts)
            assert later == (deal.stage < key), (deal.stage, key, texts)
            seen_now |= now
            seen_later |= later
            # a pool that serves none of this deal's stages to come is never marked
            for pool in Pool:
                if pool is not RIGHT_POOL[key] and pool is not RIGHT_POOL.get(deal.stage):
                    assert not scene.support_marks(deal, pool)
        assert seen_now and seen_later


def test_p11_the_support_chooser_counts_this_weeks_own_requests_in_the_queue(tmp_path):
    """With the only consultant planned for one deal, the next deal's consultant row
    still read as free. Requests already in the plan count as ahead in the queue."""
    from simulator.api import RequestSupport

    with game_at(tmp_path) as app:
        to_desk(app)
        game = app.game
        consultants = next(p for p in game.obs.pools if p.pool is Pool.CONSULTANT)
        assert consultants.size == 1 and consultants.busy == 0
        rep = game.obs.reps[0]
        first, second, third = rep.deals[:3]
        lever = app.scene.catalogue().lever("request_support", rep.id)
        option = next(
            o
            for o in lever.options
            if o.action.deal == third.id and o.action.pool is Pool.CONSULTANT
        )
        label = app.scene.option_label
        assert tr("en", "pick.queue_next") not in label(lever, option)  # someone is free
        assert game.add(RequestSupport(first.id, Pool.CONSULTANT)) is None
        assert tr("en", "pick.queue_next") in label(lever, option)  # taken by the plan
        assert game.add(RequestSupport(second.id, Pool.CONSULTANT)) is None
        assert tr("en", "pick.queue", n=1) in label(lever, option)  # and one ahead of it


def test_your_own_read_of_a_rep_is_not_something_that_happened_to_them(tmp_path):
    """A mood line read "their week: Coach; Your read": noting your guess of their type
    is the manager's private note, not part of the rep's week."""
    from simulator.api import MotivationType, OneOnOne, ReadType

    with game_at(tmp_path) as app:
        game = app.game
        rep = game.obs.reps[0]
        assert game.add(ReadType(rep.id, MotivationType.ACHIEVER)) is None
        assert game.add(OneOnOne(rep.id)) is None
        results = game.session.carry_out(game.plan)
        held = game.their_week(results, ())
        assert game.narrator.action_name("one_on_one", {}) in held[rep.id]
        assert game.narrator.action_name("read_type", {}) not in held[rep.id]


def test_p13_a_deputys_pipeline_review_is_told_with_how_much_of_the_funnel_it_checked():
    """Pipeline reviews handed to a deputy left no trace in the reports: the manager
    could not see what the deputy did, nor that an unwatched one checks less and skips
    weeks."""
    from simulator.api import Delegate, DelegatedTask, Supervision

    checked = {}
    for level in (Supervision.TIGHT, Supervision.NONE):
        s = Session(load_scenario(default_scenario_path()), 3)
        deputy = s.observe().reps[2].id
        assert s.act(Delegate(deputy, DelegatedTask.PIPELINE_REVIEW, level)).ok
        for _ in range(12):
            s.advance_week()
        reviews = s.world.log.of_kind("deputy_review")
        skipped = s.world.log.of_kind("deputy_review_skipped")
        assert reviews, level
        # every week has its line: the review, or that none came
        assert len(reviews) + len(skipped) == 12, (level, len(reviews), len(skipped))
        nar = Narrator(s.observe(), "en")
        for e in reviews:
            assert nar.line(e).startswith(f"{nar.rep(deputy)} went through the funnels for you")
        for e in skipped:
            assert nar.line(e) == f"{nar.rep(deputy)} sent you no pipeline review this week"
        if level is Supervision.NONE:
            assert skipped  # an unwatched deputy lets weeks go by, and it shows
        checked[level] = sum(e.data["checked"] for e in reviews) / sum(
            e.data["deals"] for e in reviews
        )
    assert checked[Supervision.TIGHT] > checked[Supervision.NONE] + 0.1, checked


@pytest.mark.parametrize(
    ("years", "en", "zh"),
    [
        (1 / 12, "1 month", "1 个月"),
        (0.5, "6 months", "6 个月"),
        (1.3, "1 yr", "1 年"),
        (8.3, "8 yrs", "8 年"),
    ],
)
def test_time_with_the_company_reads_as_people_say_it(years, en, zh):
    """ "1 months"; "1 yr" turning "1.5 yrs" at a year and a quarter."""
    from simulator.texts import tenure

    assert tenure(years, "en") == en
    assert tenure(years, "zh") == zh


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_plan_scrolled_to_its_newest_shows_whole_rows_from_its_top(lang, tmp_path):
    """Scrolled to the newest action, a long plan showed half a row at its top: "Qian Hong
    · in public" under "Admin & meetings: 10 h" read as part of it. The view begins
    with a row's first line."""
    from simulator.api import Coach, OneOnOne, Skill

    with game_at(tmp_path, lang) as app:
        to_desk(app)
        game = app.game
        for rep in game.obs.reps[:6]:
            assert game.add(OneOnOne(rep.id)) is None
            assert game.add(Coach(rep.id, Skill.SOLUTION)) is None
            app.scene.refresh()
            step(app, 4)
        sc = app.scene.plan_scroller
        assert sc is not None and sc.vert_scroll_bar.start_percentage > 0
        firsts = [
            el.rect.top - 2
            for el in shown_in(app, "plan")
            if el.ui_container is sc.scrollable_container and el.rect.left - sc.rect.left == 4
        ]
        # (to a pixel: the scroll bar keeps its place as a share of the list)
        assert any(abs(f - sc.rect.top) <= 1 for f in firsts), (sc.rect.top, sorted(firsts))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p1_the_quotas_say_how_much_of_the_target_no_one_is_carrying(lang, tmp_path):
    """Quotas set a little above each record added up to ¥4.85M against an ¥8.00M
    target, and nothing said so until the period had been lost. Under the sum, the
    Quotas tab says how much of the target is in no one's quota, while typing."""
    from simulator.texts import quota_text

    with game_at(tmp_path, lang) as app:
        to_desk(app, "quotas")
        scene, game = app.scene, app.game
        target = game.obs.targets[scene.quota_period()]
        per_rep = target / len(game.obs.reps)
        for share, warned in ((0.8, True), (1.0, False)):
            for entry in scene.quota_entries.values():
                entry.set_text(quota_text(round(share * per_rep, -3), lang))
            scene.quotas_typed()
            step(app, 2)
            gap = scene.quota_gap.text.strip()
            assert bool(gap) == warned, (share, gap)
            if warned:
                total = sum(round(share * per_rep, -3) for _ in game.obs.reps)
                assert game.money(target - total) in gap, gap


def test_p2_letting_the_30_percent_message_lapse_raises_every_quota_alike():
    """ "Thirty per cent more: no answer came, so 'Add 30% to every quota alike'", and
    the next period's quotas were exactly the last ones: the default promised what it
    never did. It now sets every next quota 30% above the present one, as a manager
    would, and the report says so; answered by the handbook, nothing is set for you."""
    from simulator.scenario import scenarios_dir

    scenario = load_scenario(scenarios_dir() / "quota_season.yaml")
    s = Session(scenario, 1, make_policy("hands_off"))
    for _ in range(4):
        s.advance_week()
    obs = s.observe()
    for rep in obs.reps:
        assert rep.next_quota == round(rep.quota * 1.3, -3), (rep.name, rep.quota, rep.next_quota)
    nar = Narrator(obs, "en")
    assert any(
        "is set 30% above their present one" in x for x in nar.lines(s.world.log.since_week(1))
    )
    handbook = Session(scenario, 1, make_policy("by_the_book"))
    for _ in range(2):
        handbook.advance_week()
    assert all(r.next_quota != round(r.quota * 1.3, -3) for r in handbook.observe().reps)


def test_p6_two_newcomers_can_each_be_given_accounts_in_the_same_week():
    """With accounts planned for one newcomer, "Give accounts" for the second was refused
    as already planned: both choosers offered the same accounts. The second is offered
    others."""
    from simulator.api import Plan, catalogue

    s = Session(load_scenario(default_scenario_path().parent / "growing_team.yaml"), 3)
    before = {r.id for r in s.observe().reps}
    assert s.act(Hire()).ok and s.act(Hire()).ok
    new: list = []
    for _ in range(12):
        s.advance_week()
        new = [r for r in s.observe().reps if r.id not in before]
        if len(new) == 2:
            break
    assert len(new) == 2
    plan = Plan(s.observe())
    for rep in new:
        lever = catalogue(plan).lever("reassign_accounts", rep.id)
        open_ = [o for o in lever.options if o.refusal is None]
        assert open_, (rep.name, [o.refusal for o in lever.options])
        assert plan.add(open_[0].action), plan.refused
    s.carry_out(plan)
    got = [s.observe().rep(r.id).accounts for r in new]
    assert all(n > 0 for n in got), got


def test_two_positions_opened_in_one_week_are_told_as_two():
    """Two hires in one week were told as one "Position opened" line: alike, the second
    line was merged into the first."""
    s = Session(load_scenario(default_scenario_path().parent / "growing_team.yaml"), 3)
    assert s.act(Hire()).ok and s.act(Hire()).ok
    events = s.world.log.of_week(s.world.week)
    weeks = sorted(e.data["weeks"] for e in events if e.kind == "hire_started")
    assert len(weeks) == 2
    for lang in ("en", "zh"):
        nar = Narrator(s.observe(), lang)
        told = nar.lines(events)
        sep = "、" if lang == "zh" else ", "
        expected = tr(lang, "ev.hires_started", n=2, weeks=sep.join(map(str, weeks)))
        assert expected in told, told
        assert not any(tr(lang, "ev.hire_started", weeks=w) in told for w in weeks), told


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_season_charts_legend_keys_each_figure_to_the_look_of_its_line(lang, tmp_path):
    """The legend read "booked ¥284k · · · target to date ¥300k": the dots stood for the
    target's dotted line, and read as something missing. Each figure now has a key just
    before it, drawn as its line is: the booked revenue's solid, the target's dotted."""
    from pygame_gui.elements import UIImage

    with game_at(tmp_path, lang) as app:
        for _ in range(3):
            app.game.end_week()
        to_desk(app)
        region = app.scene.regions["charts"].ui.elements
        labels = [el for el in region if isinstance(el, UILabel) and el.alive()]
        keys = [el for el in region if isinstance(el, UIImage) and el.alive()]
        obs = app.game.obs
        booked = app.game.money(obs.history[-1].revenue)
        target = app.game.money(obs.target_plan[len(obs.history) - 1])

        def key_before(words: str):
            label = next(el for el in labels if words in el.text)
            beside = [
                k
                for k in keys
                if 0 <= label.rect.x - k.rect.right <= 6
                and label.rect.y <= k.rect.y < label.rect.bottom
            ]
            assert len(beside) == 1, (words, [el.text for el in labels])
            surf = beside[0].image
            row = [surf.get_at((x, surf.get_height() // 2)).a > 0 for x in range(surf.get_width())]
            # the stretch drawn: from its first coloured pixel to its last
            first, last = row.index(True), len(row) - 1 - row[::-1].index(True)
            return all(row[first : last + 1])

        assert "···" not in " ".join(el.text for el in labels)
        assert key_before(tr(lang, "chart.booked", booked=booked)) is True  # solid
        assert key_before(tr(lang, "chart.target_to_date", target=target)) is False  # dotted


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_reps_card_says_its_words_in_full_wherever_the_pointer_rests_on_it(lang, tmp_path):
    """A player pointed at "▲ good", "quota 0%", "type ? (0 hints)" and "⚠ 7 stalled" on
    a card and nothing explained them: only the name button had a tip. The whole card
    now has it, and it says what the mood word and the type's "?" mean."""
    from pygame_gui.elements import UIImage

    with game_at(tmp_path, lang) as app:
        to_desk(app)
        obs = app.game.obs
        elements = app.scene.regions["team"].ui.elements
        for rep in obs.reps[:3]:
            rect = app.scene.card_rects[rep.id]
            (tile,) = [el for el in elements if isinstance(el, UIImage) and el.rect == rect]
            tip = tile.tool_tip_text or ""
            word = tr(lang, f"moodword.{app.game.mood_word(rep)}")
            assert html(tr(lang, "card.mood_tip", mood=word)) in tip, tip
            if rep.type is None and rep.read is None:
                assert html(tr(lang, "card.type_tip", n=len(rep.hints))) in tip, tip
            if rep.stalled_deals:
                assert html(tr(lang, "card.stalled_tip", n=rep.stalled_deals)) in tip, tip


def test_the_mood_charts_ground_shows_the_bands_the_cards_words_come_from():
    """The team's mood chart had one dashed line at 0.5, which no word is read against:
    its heading said "fair" with the line above it. The chart's ground now shows the
    cards' bands: green where the mood reads good, plain for fair, red for low."""
    from simulator.api import MOOD_GOOD, MOOD_LOW
    from simulator.ui import charts

    h = 104
    surf = charts.mood_chart((200, h), [0.5, 0.5], 10)

    def ground(mood: float) -> tuple[int, int, int]:
        y = int(h - 4 - (h - 8) * mood)
        r, g, b, _ = surf.get_at((190, y))
        return r, g, b

    good, fair, low = ground(MOOD_GOOD + 0.1), ground((MOOD_GOOD + MOOD_LOW) / 2), ground(0.2)
    assert fair == charts.BG
    assert good[1] > good[0] and good != charts.BG  # greener than the plain ground
    assert low[0] > low[1] and low != charts.BG  # redder
    assert ground(MOOD_GOOD + 0.01) != fair and ground(MOOD_LOW - 0.01) != fair


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_on_course_for_says_how_it_is_reckoned_when_pointed_at(lang, tmp_path):
    """ "on course for 0%" for a rep with eleven open deals read as a contradiction. The
    rep's figures say, when pointed at, that the projection is of what is booked, and
    that deals still open are not in it."""
    with game_at(tmp_path, lang) as app:
        for _ in range(4):
            app.game.end_week()
        to_desk(app)
        rep = app.game.obs.rep(app.scene.selected)
        numbers, _ = app.scene.numbers_text(rep, app.game.money(rep.quota))
        texts = app.scene.regions["centre"].ui.full_text
        (figures,) = [el for el, t in texts.items() if el.alive() and t.startswith(numbers)]
        assert figures.tool_tip_text == html(tr(lang, "detail.on_course_tip"))


def test_a_newcomer_with_no_quota_yet_does_not_block_the_periods_review(tmp_path):
    """A hire who joined with no territory showed a quota field of "0" at the period's
    review, and Done answered only "'0' is not an amount", naming nobody, from a page
    that did not show the row. A field left at nothing now sets nothing; a quota typed
    as nothing names its rep, on the page that shows them."""
    from gui import labels

    from simulator.ui.scenes import DeskScene, ReviewScene

    with game_at(
        tmp_path, "en", scenario=str(default_scenario_path().parent / "growing_team.yaml")
    ) as app:
        game = app.game
        before = {r.id for r in game.obs.reps}
        assert game.add(Hire()) is None
        first = game.obs.period
        while game.obs.period == first:
            outcome = game.end_week()
        hires = [r for r in game.obs.reps if r.id not in before]
        assert hires and hires[0].quota == 0, "a newcomer with no territory is on the team"
        app.switch(ReviewScene, outcome=outcome)
        step(app, 8)
        # a field emptied: named, and nothing planned until every field reads as an amount
        first_rep = game.obs.reps[0]
        app.scene.entries[first_rep.id].set_text("")
        app.scene.done()
        assert isinstance(app.scene, ReviewScene)
        assert app.scene.status == tr("en", "quota.empty_for", name=first_rep.name)
        assert not game.planned("set_quota")
        step(app, 8)
        app.scene.entries[first_rep.id].set_text(quota_text(first_rep.quota, "en"))
        app.scene.done()
        assert isinstance(app.scene, DeskScene), app.scene.status
        planned = {p.action.rep for p in game.planned("set_quota")}
        assert hires[0].id not in planned and planned == before
        # a quota typed as nothing, for a rep on the review's last page: named, and shown
        app.switch(ReviewScene, outcome=outcome)
        step(app, 8)
        last = [r for r in game.obs.reps if r.id in before][-1]
        app.scene.turn(-10)  # on the first page, whichever page shows them
        step(app, 8)
        app.scene.typed[last.id] = "0"
        if last.id in app.scene.entries:
            app.scene.entries[last.id].set_text("0")
        app.scene.done()
        assert isinstance(app.scene, ReviewScene)
        step(app, 8)
        assert app.scene.status == tr("en", "quota.bad_for", name=last.name, text="0")
        assert any(last.name in text for text in labels(app))
        assert planned == {p.action.rep for p in game.planned("set_quota")}  # nothing new


def test_p2_a_quota_no_higher_than_this_periods_bookings_is_never_far_above_the_record():
    """A rep on ¥1.64M this period was warned that ¥900k was "1.5× record", another on
    ¥2.36M that ¥1.7M was "2.1× record": what they have booked already says they can."""
    from dataclasses import replace

    from simulator.api import far_multiple

    s = Session(load_scenario(default_scenario_path()), 3)
    rep = s.observe().reps[0]
    slow = replace(rep, history=((500_000.0, 400_000.0),) * 4, booked=0.0)
    assert far_multiple(slow, 1_000_000.0) == 2.5  # far above a record of ¥400k
    assert far_multiple(slow, 200_000.0) == 0.5  # and far below it
    flying = replace(slow, booked=1_200_000.0)  # this period, so far
    assert far_multiple(flying, 1_000_000.0) is None
    assert far_multiple(flying, 1_300_000.0) == 3.25  # beyond even that: warned
    assert far_multiple(flying, 200_000.0) == 0.5


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_team_mood_chart_counts_the_cards_words_and_never_contradicts_them(lang, tmp_path):
    """The chart's heading said the team's average mood was "good" beside four cards of
    five saying "fair". It counts the cards' words instead (the line stays the average)."""
    from gui import labels

    with game_at(tmp_path, lang) as app:
        game = app.game
        for _ in range(3):
            game.end_week()
        to_desk(app)
        words = [game.mood_word(r) for r in game.obs.reps]
        (head,) = [t for t in labels(app) if t.startswith(tr(lang, "chart.mood"))]
        for w in ("good", "fair", "low"):
            counted = tr(lang, "chart.mood_count", n=words.count(w), word=tr(lang, f"moodword.{w}"))
            assert (counted in head) == (w in words), (head, words)


def test_an_accounts_file_dates_what_happened_in_the_week_the_report_told_it():
    """A week's report said Xie Tian took a dead deal out of the funnel; the account's
    file said it happened the week after. What happens at a week's close is written
    under that week's last day."""
    from dataclasses import replace

    s = Session(
        replace(load_scenario(default_scenario_path()), weeks=20), 5, make_policy("by_the_book")
    )
    s.run()
    acc = s.world.accounts
    told = [
        (e.data["account"], "dropped", e.week)
        for e in s.event_log
        if e.kind == "deal_dropped" and e.data["by"] == "rep"
    ] + [(e.data["account"], "churned", e.week) for e in s.event_log if e.kind == "account_churned"]
    assert len(told) >= 5
    for account, kind, week in told:
        weeks = [day // 5 + 1 for day, what, _, _ in acc.history[account] if what == kind]
        assert week in weeks, (account, kind, week, weeks)


def test_a_messages_deal_value_reads_as_the_desk_writes_the_same_deal():
    """A message said a deal was worth ¥252.6万; the support chooser said ¥253万."""
    from simulator.core.script import _amount
    from simulator.texts import money

    for value in (2_526_000, 999_400, 999_600, 45_000, 1_234_000, 12_345_678, 3.21e9, 87_654):
        en, zh = _amount(value)
        assert "¥" + zh == money(value, "¥", "zh"), value
        assert "¥" + en == money(value, "¥", "en"), value


def test_p13_a_deputys_review_is_told_after_the_dead_deals_the_reps_buried_that_week():
    """A deputy's review said no customer had gone quiet, and the next lines had reps
    taking dead deals out of the funnel: the reps bury their dead at the week's end, and
    the deputy goes through what is still open after them. The report tells it so."""
    s = Session(load_scenario(default_scenario_path()), 11, make_policy("by_the_book"))
    weeks = []
    while len(weeks) < 2 and s.week < 40:
        s.advance_week()
        done = s.world.log.of_week(s.week - 1)
        buried = [e for e in done if e.kind == "deal_dropped" and e.data["by"] == "rep"]
        reviews = [e for e in done if e.kind == "deputy_review"]
        if reviews and buried:
            weeks.append((done, reviews[0], buried))
    assert weeks, "a week with a deputy's review and dead deals buried"
    for done, review, buried in weeks:
        for lang in ("en", "zh"):
            nar = Narrator(s.observe(), lang)
            lines = nar.lines(done)
            told = lines.index(nar.line(review))
            for e in buried:
                account = nar.account(e.data["account"])
                head = "− " + nar.rep(e.rep)
                (line,) = [i for i, x in enumerate(lines) if x.startswith(head) and account in x]
                assert line < told, lines
        assert tr("en", "ev.deputy_review", deputy="", n=0, total=0, found="").count("still open")


def test_a_game_saved_as_its_period_ended_opens_on_the_periods_review(tmp_path):
    """The game saves as each week ends, before the period's review opens: resumed from
    that save, the game went straight to the desk of the next week, the review (praise,
    corrections, the next quotas) skipped without a word. It opens on the review."""
    from simulator.ui.scenes import DeskScene, ReviewScene

    with game_at(tmp_path, "en") as app:
        game = app.game
        first = game.obs.period
        while game.obs.period == first:
            game.end_week()
        path = game.save()
        assert app.open_saved(path)
        step(app, 4)
        assert isinstance(app.scene, ReviewScene)
        app.scene.done()  # the review's quotas planned: the desk, from then on
        step(app, 4)
        assert isinstance(app.scene, DeskScene)
        path = app.game.save()
        assert app.open_saved(path)
        step(app, 4)
        assert isinstance(app.scene, DeskScene)


def test_last_weeks_column_says_what_it_leaves_out_and_opens_the_whole_report(tmp_path):
    """The desk's "last week" column stopped at its fourteenth line without a word: the
    mood lines of a busy week never showed there. Then it held fourteen lines in a box
    with room for three, which scrolled in the narrow column. It shows the first lines
    whole, as many as its room holds, says how many are left out, and a button opens
    the whole report."""
    from gui import click
    from pygame_gui.elements import UITextBox

    with game_at(tmp_path, "en") as app:
        game = app.game
        policy = make_policy("by_the_book")
        for action in policy.decide(game.obs):
            game.add(action)
        outcome = game.end_week()
        assert len(outcome.lines) > 14, "a busy week"
        to_desk(app)
        column = [el for el in app.scene.regions["plan"].ui.elements if isinstance(el, UITextBox)]
        news = max(column, key=lambda el: el.rect.top)  # last week's, at the column's foot
        *shown, said = news.html_text.split("<br>")
        assert shown and shown == [html(x) for x in outcome.lines[: len(shown)]]
        assert said == html(tr("en", "ui.more_lines", n=len(outcome.lines) - len(shown)))
        assert news.scroll_bar is None  # every line shown is there whole, nothing to scroll
        click(app, tr("en", "ui.whole_report"))
        (report,) = [el for el in app.scene.modal_ui.elements if isinstance(el, UITextBox)]
        assert html(outcome.lines[-1]) in report.html_text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_last_weeks_column_fills_its_room_with_whole_lines_and_never_scrolls(lang, tmp_path):
    """The news beside the plan is cut to the lines its room shows whole, counted before
    it is laid out: week after week, in a small window, the box has no scroll bar, and
    one line more (with what it would leave out) would not have fitted."""
    from pygame_gui.elements import UITextBox

    from simulator.ui.typeset import lines_that_fit
    from simulator.ui.widgets import html as marked

    with game_at(tmp_path, lang, size=(1024, 640)) as app:
        game = app.game
        policy = make_policy("by_the_book")
        for _ in range(3):
            for action in policy.decide(game.obs):
                game.add(action)
            lines = [marked(x) for x in game.end_week().lines]
            to_desk(app)
            column = app.scene.regions["plan"].ui

            def more(n: int) -> str:
                return marked(tr(lang, "ui.more_lines", n=n))

            boxes = [el for el in column.elements if isinstance(el, UITextBox) and el.alive()]
            news = max(boxes, key=lambda el: el.rect.top)  # last week's, at the column's foot
            assert news.scroll_bar is None
            room = news.rect.move(-column.origin[0], -column.origin[1])
            probe = column.text(room, "", raw=True)
            shown = lines_that_fit(probe, lines, more)
            probe.kill()
            assert 1 <= shown < len(lines), "a busy week, cut to its room"
            one_more = "<br>".join([*lines[: shown + 1], more(len(lines) - shown - 1)])
            over = column.text(room, one_more, raw=True)
            assert over.scroll_bar is not None  # the next line would have needed a bar
            over.kill()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_week_report_scrolls_to_its_last_line_with_the_wheel_beside_a_bar_with_arrows(
    lang, tmp_path
):
    """A week too long for its dialog scrolls: the pointer over the text and the wheel
    turned bring its last line into view, and the bar beside it shows its ▲ and ▼ (a
    scrolling list's arrows were laid out before the list knew it scrolled, in no
    room, and never drawn)."""
    from gui import click, step
    from pygame_gui.elements import UITextBox

    with game_at(tmp_path, lang, seed=1, size=(1024, 640)) as app:
        game = app.game
        policy = make_policy("by_the_book")
        for action in policy.decide(game.obs):
            game.add(action)
        outcome = game.end_week()
        to_desk(app)
        click(app, tr(lang, "ui.whole_report"))
        (report,) = [el for el in app.scene.modal_ui.elements if isinstance(el, UITextBox)]
        # what of the text shows, and its bar: the box's own, or a scroller's around it
        scroller = next(
            (el for el in app.scene.modal_ui.elements if getattr(el, "vert_scroll_bar", None)),
            None,
        )
        view = report.rect if scroller is None else scroller.rect
        bar = report.scroll_bar if scroller is None else scroller.vert_scroll_bar
        assert bar is not None and bar.visible_percentage < 1, "a week long enough to scroll"
        assert_arrows_drawn(bar)
        pygame.mouse.set_pos(view.center)
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=view.center, rel=(1, 1), buttons=(0, 0, 0))
        )
        step(app, 2)
        for _ in range(60):
            pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
            step(app, 3)
            if bar.start_percentage + bar.visible_percentage >= 0.999:
                break
        assert bar.start_percentage + bar.visible_percentage >= 0.999, "the wheel did not scroll"
        # the text's foot (under its padding) in sight, to the bar's rounding of a pixel or two
        if scroller is not None:
            foot = report.rect.bottom - report.padding[1]
            assert foot <= view.bottom + 2, "the last line is still out of sight"
        assert html(outcome.lines[-1]) in report.html_text


def assert_arrows_drawn(bar) -> None:
    """The ▲ and ▼ of a scroll bar are drawn on its arrow buttons (not blank squares)."""
    for arrow in (bar.top_button, bar.bottom_button):
        glyph = arrow.image.get_at(arrow.image.get_rect().center)
        assert glyph != arrow.image.get_at((2, 2)), "an arrow with nothing drawn on it"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_list_that_scrolls_shows_the_arrows_of_its_bar(lang, tmp_path):
    """The quotas of eight reps in a small window scroll, beside a bar whose ▲ and ▼ were
    blank: a faint strip few players would take for a scroll bar."""
    with game_at(tmp_path, lang, seed=11, size=(1024, 640)) as app:
        to_desk(app, "quotas")
        scroller = next(
            el
            for el in app.scene.regions["centre"].ui.elements
            if getattr(el, "vert_scroll_bar", None) is not None and el.alive()
        )
        assert scroller.vert_scroll_bar.visible_percentage < 1, "eight reps' quotas scroll"
        assert_arrows_drawn(scroller.vert_scroll_bar)


def test_a_dry_spell_with_nothing_else_to_see_does_not_say_there_was_no_warning_sign():
    """ "Zhao Kai has booked nothing in 7 weeks — with no warning sign beforehand", while
    his card had shown 0% for weeks: booking nothing is a sign itself. With nothing else
    to see, the line says no other sign shows."""
    from types import SimpleNamespace

    s = Session(load_scenario(default_scenario_path()), 3)
    for lang in ("en", "zh"):
        nar = Narrator(s.observe(), lang)
        dry = SimpleNamespace(
            kind="pace_fall", rep=0, visible=True, week=7, day=30,
            data={"pace": 0.0, "before": 7.0, "since": "dry", "signs": []},
        )  # fmt: skip
        line = nar.line(dry)
        assert tr(lang, "fall.none_dry") in line and tr(lang, "fall.none") not in line, line
        fell = SimpleNamespace(
            kind="pace_fall", rep=0, visible=True, week=7, day=30,
            data={"pace": 0.4, "before": 1.1, "since": "peak", "signs": []},
        )  # fmt: skip
        assert tr(lang, "fall.none") in nar.line(fell)


def test_a_reps_record_holds_only_the_periods_they_were_on_the_team():
    """A newcomer of four months showed two past periods of results, half a year: the
    record holds the whole periods a rep was on the team; the quota they start with is
    the old manager's either way, and nobody else's record moves."""
    from dataclasses import replace

    base = load_scenario(default_scenario_path())
    weeks = base.period_weeks

    def team(*tenures: float):
        reps = tuple(
            replace(r, tenure_years=t, quota=None, history=())
            for r, t in zip(base.reps, tenures, strict=False)
        )
        return Session(replace(base, reps=reps + base.reps[len(tenures) :]), 4).observe().reps

    short = team(0.05, 1.2 * weeks / 52, 5.0)
    long = team(5.0, 5.0, 5.0)
    assert [len(r.history) for r in short[:3]] == [0, 1, 2]
    assert short[1].history == long[1].history[-1:]
    assert [r.quota for r in short] == [r.quota for r in long]  # the old manager's quotas
    assert [r.history for r in short[2:]] == [r.history for r in long[2:]]


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)], ids=["1024x640", "1280x720"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_card_with_two_warnings_shows_both_whole(lang, size, tmp_path):
    """A card cut its second warning short: beside "type ? (3 hints)", a rep who may
    leave and whose deals stall read "⚠ may leav…" on the small window, and the
    stalled count was lost on the large one. The warnings stay whole; the type (which
    the card's tip repeats) gives way when there is no room for all of it."""
    from simulator.api import OneOnOne
    from simulator.ui.app import App

    app = App(lang=lang, saves=tmp_path / "saves", seed=7, size=size)
    try:
        app.start_game(str(default_scenario_path()), 7)
        game = app.game
        world = game.session.world
        rep = world.reps[1]
        world.market.offers[rep.id] = world.week + 6  # an offer the 1:1 will bring out
        rep.engagement, rep.trust = 0.45, 0.6
        assert game.session.act(OneOnOne(rep.id)).ok
        game.refresh()
        to_desk(app)
        view = game.obs.rep(rep.id)
        # the funnel they inherited has deals nobody touched for weeks
        assert view.type is None and view.flight_risk >= 0.2 and view.stalled_deals
        row = app.scene.card_rows[rep.id][1]
        risk, stalled = tr(lang, "card.risk"), tr(lang, "card.stalled", n=view.stalled_deals)
        assert risk in row and stalled in row, row
        assert row.index(risk) < row.index(stalled)
        assert not any(text.endswith("…") for text in row), row
        # on every card the warnings are whole; with one warning, the large window's
        # cards keep their type beside it
        for other in game.obs.reps:
            drawn = app.scene.card_rows.get(other.id)
            if drawn is None or other.id == rep.id:
                continue
            said = tr(lang, "card.stalled", n=other.stalled_deals)
            assert not other.stalled_deals or said in drawn[1], drawn
            if size == (1280, 720) and other.flight_risk is None and not other.ramping:
                assert len(drawn[1]) == 1 + bool(other.stalled_deals), drawn
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_small_windows_card_keeps_its_hint_count_beside_a_stalled_flag(lang, tmp_path):
    """At 1024×640 a card with "⚠ 6 stalled" showed nothing else on its last line: the
    "type ? (0 hints)" beside it gave way whole, and the player lost how much they had
    heard of the rep. The count says itself shorter ("0 hints") and stays."""
    with game_at(tmp_path, lang, size=(1024, 640)) as app:
        to_desk(app)
        shown = [rep for rep in app.game.obs.reps if rep.id in app.scene.card_rows]
        stalled = [rep for rep in shown if rep.stalled_deals and rep.type is None]
        assert stalled, "the default scenario's inherited funnels have stalled deals"
        for rep in stalled:
            row = app.scene.card_rows[rep.id][1]
            count = tr(lang, "card.hints_short", n=len(rep.hints))
            assert row == [count, tr(lang, "card.stalled", n=rep.stalled_deals)], row


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_guided_week_in_a_small_window_keeps_the_plan_column_off_the_charts(lang, tmp_path):
    """In a 1024×640 window, a guided week's goal and three planned actions pushed
    "left 28.5 h", "Last week" and "Read all" down over the team-mood chart, and last
    week's news shrank to a sliver. The goal and the plan scroll in boxes of their own;
    the column ends above the charts, with room for last week's news."""
    from pygame_gui.elements import UITextBox

    from simulator.api import DevelopmentPlan, NameRival, OneOnOne
    from simulator.scenario import scenarios_dir
    from simulator.ui.app import App

    app = App(lang=lang, saves=tmp_path / "saves", seed=3, size=(1024, 640))
    try:
        app.start_game(str(scenarios_dir() / "tutorial.yaml"), 3)
        game = app.game
        for _ in range(2):
            game.end_week()
        reps = game.obs.reps
        for action in (
            NameRival(reps[0].id, reps[2].id),
            DevelopmentPlan(reps[1].id),
            OneOnOne(reps[3].id),
        ):
            assert game.add(action) is None
        to_desk(app)
        column = app.scene.regions["plan"]
        live = [el for el in column.ui.elements if el.alive() and el.visible]
        assert max(el.rect.bottom for el in live) <= column.rect.bottom
        assert column.rect.bottom < app.scene.regions["charts"].rect.top
        boxes = [el for el in live if isinstance(el, UITextBox)]
        news = max(boxes, key=lambda el: el.rect.top)  # last week's, at the column's foot
        assert news.rect.height >= 60
        goal = min(boxes, key=lambda el: el.rect.top)  # the guided week's, at its head
        if goal.scroll_bar is not None:  # cut to fit, it scrolls: none of it is lost
            assert goal.rect.height < goal.text_box_layout.layout_rect.height
    finally:
        app.close()


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)], ids=["1024x640", "1280x720"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_header_always_shows_the_share_of_the_target_whole(lang, size, tmp_path):
    """Past its target, the team's block in a small window read "Target ¥2.85M • 10…":
    the share, what the block is for, was the part cut. When the words do not fit,
    the amount gives way, and the whole line shows when pointed at."""
    from simulator.texts import percent
    from simulator.ui.app import App

    app = App(lang=lang, saves=tmp_path / "saves", seed=3, size=size)
    try:
        app.start_game(str(default_scenario_path()), 3)
        game = app.game
        world = game.session.world
        target = game.obs.team_target
        for rep in world.reps:  # the team at 104% of its target
            rep.booked[world.period] = 1.04 * target / len(world.reps)
        game.refresh()
        to_desk(app)
        pct = percent(game.obs.team_booked / target, lang)
        header = [el for el in shown_in(app, "header") if pct in el.text]
        assert len(header) == 1, [el.text for el in shown_in(app, "header")]
        assert "…" not in header[0].text
        said = [el.text for el in shown_in(app, "header")]
        if size == (1280, 720):  # room for the amount too
            assert any(game.money(target) in t for t in said), said
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_small_windows_account_list_keeps_every_column_it_can_be_sorted_by(lang, tmp_path):
    """At 1024×640 the Accounts tab dropped its "Last contact" column but kept the button
    that sorts by it: the list read "by Last contact" with no date anywhere. A narrow
    window gives up the segment and the open deals (each account's file has them)."""
    from simulator.ui.app import App

    app = App(lang=lang, saves=tmp_path / "saves", seed=3, size=(1024, 640))
    try:
        app.start_game(str(default_scenario_path()), 3)
        to_desk(app, "accounts")
        full = app.scene.regions["centre"].ui.full_text
        labels = {full.get(el, el.text) for el in shown_in(app, "centre")}
        for key in ("acc.owner", "acc.potential", "acc.relationship", "acc.contact"):
            assert tr(lang, key) in labels, (key, labels)  # its column's heading
        assert tr(lang, "acc.segment") not in labels
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_small_windows_quotas_show_each_reps_latest_period_whole(lang, tmp_path):
    """At 1024×640 in Chinese each rep's record read "¥72.8万→¥77.3万、¥82万→¥…": the
    part cut was last period's result, what the next quota is set against. Without
    room for both periods, the latest shows whole (both when pointed at), and so does
    the column's heading."""
    from simulator.scenario import scenarios_dir
    from simulator.ui.app import App

    app = App(lang=lang, saves=tmp_path / "saves", seed=3, size=(1024, 640))
    try:
        app.start_game(str(scenarios_dir() / "tutorial.yaml"), 3)
        to_desk(app, "quotas")
        game = app.game
        said = [el.text for el in shown_in(app, "centre")]
        assert not [t for t in said if t.endswith("…")], said
        for rep in game.obs.reps:
            quota, booked = rep.history[-1]
            latest = f"{game.money(quota)}→{game.money(booked)}"
            assert any(t.endswith(latest) for t in said), (latest, said)
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_small_windows_funnel_names_stages_as_the_line_above_it(lang, tmp_path):
    """At 1024×640 the funnel's stage column read "eval…", "nego…", "quali…" under a
    line that says "Eval.", "Neg.", "Qual.". A column too narrow for the stages' names
    takes their short names, whole."""
    from simulator.scenario import scenarios_dir
    from simulator.ui.app import App

    for size, names in (((1024, 640), "stage_short"), ((1280, 720), "stage")):
        app = App(lang=lang, saves=tmp_path / "saves", seed=3, size=size)
        try:
            app.start_game(str(scenarios_dir() / "tutorial.yaml"), 3)
            to_desk(app, "pipeline")
            rep = app.game.obs.rep(app.scene.selected)
            said = [el.text for el in shown_in(app, "centre")]
            for deal in rep.deals[:6]:
                assert tr(lang, f"{names}.{int(deal.stage)}") in said, (size, said)
        finally:
            app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_small_windows_plan_names_each_action_whole(lang, tmp_path):
    """At 1024×640 the plan read "Set qu…", "Dev. pl…", "Pipeline r…", "Team me…": each
    row kept 70 px for a cost that reads "2 h". A row's cost takes the room its words
    need, and the action's name the rest; a name with no room beside its cost (a long
    plan's scroll bar takes some) has the cost on the next line."""
    from simulator.api import DevelopmentPlan, OneOnOne, PipelineReview, TeamMeeting
    from simulator.scenario import scenarios_dir
    from simulator.ui.app import App

    app = App(lang=lang, saves=tmp_path / "saves", seed=3, size=(1024, 640))
    try:
        app.start_game(str(scenarios_dir() / "tutorial.yaml"), 3)
        game = app.game
        for _ in range(5):  # past the guided weeks
            game.end_week()
        reps = game.obs.reps
        for action in (DevelopmentPlan(reps[1].id), PipelineReview(), TeamMeeting()):
            assert game.add(action) is None
        for rep in reps[:3]:
            assert game.add(OneOnOne(rep.id)) is None
            to_desk(app)
            said = [el.text for el in shown_in(app, "plan")]
            for key in ("act.development_plan", "act.pipeline_review", "act.team_meeting"):
                assert any(t.startswith(tr(lang, key)) for t in said), (key, said)
            assert not [t for t in said if t.endswith("…")], said
        # the last of them made the list scroll, its bar taking some of the width
        assert app.scene.plan_scroller is not None
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_small_windows_plan_says_what_of_the_admin_is_supervision_whole(lang, tmp_path):
    """At 1024×640 the line under "Admin & meetings" read "1 h of it supervising depu…".
    A column too narrow for it says it in fewer words."""
    from simulator.api import Delegate, DelegatedTask, Supervision
    from simulator.ui.app import App

    app = App(lang=lang, saves=tmp_path / "saves", seed=3, size=(1024, 640))
    try:
        app.start_game(str(default_scenario_path()), 3)
        game = app.game
        deputy = next(r for r in game.obs.reps if not r.novice)
        task = Delegate(deputy.id, DelegatedTask.PIPELINE_REVIEW, Supervision.LIGHT)
        assert game.add(task) is None
        game.end_week()
        to_desk(app)
        said = [el.text for el in shown_in(app, "plan")]
        hours = f"{game.obs.supervision_hours['light']:g}"
        whole = {
            tr(lang, k, sup=hours) for k in ("ui.admin_supervising", "ui.admin_supervising_short")
        }
        assert whole & set(said), said
        assert not [t for t in said if t.endswith("…")], said
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_small_windows_review_shows_each_reps_share_of_quota_whole(lang, tmp_path):
    """At 1024×640 the Chinese review read "黄芳：完成 ¥56.6万 / ¥55.5万（102…": the
    share, cut. A row too narrow for the amounts says the share of the quota, whole,
    and the amounts when pointed at."""
    from gui import labels

    from simulator.scenario import scenarios_dir
    from simulator.texts import percent, rep_name
    from simulator.ui.app import App

    app = App(lang=lang, saves=tmp_path / "saves", seed=3, size=(1024, 640))
    try:
        app.start_game(str(scenarios_dir() / "tutorial.yaml"), 3)  # every type known
        game = app.game
        while not game.obs.period_end:
            game.end_week()
        for rep in game.session.world.reps:  # the whole team past its quota
            rep.booked[0] = 1.0234 * rep.quotas[0]
        at_first_review(app)
        said = labels(app)
        shown = [r for r in app.game.obs.reps if any(rep_name(r, lang) in t for t in said)]
        assert shown
        for rep in shown:
            quota, booked = rep.history[-1]
            pct = percent(booked / quota, lang)
            line = next(t for t in said if t.startswith(rep_name(rep, lang)))
            assert pct in line and "…" not in line, line
    finally:
        app.close()


def test_a_count_never_opens_a_line_of_chinese(tmp_path):
    """The Chinese briefing at 1024×640 ended its list of specialists with "×1" alone on
    a line, under "法务/财务". A count stays with what it counts."""
    from pygame_gui.elements import UITextBox

    from simulator.scenario import scenarios_dir
    from simulator.ui.app import App
    from simulator.ui.scenes import BriefingScene

    app = App(lang="zh", saves=tmp_path / "saves", seed=3, size=(1024, 640))
    try:
        app.start_game(str(scenarios_dir() / "tutorial.yaml"), 3)
        app.switch(BriefingScene)
        step(app, 8)
        boxes = [el for el in app.scene.ui.elements if isinstance(el, UITextBox) and el.alive()]
        lines = [
            "".join(getattr(chunk, "text", "") for chunk in row.items)
            for box in boxes
            for row in box.text_box_layout.layout_rows
        ]
        counted = [line for line in lines if "×" in line]
        assert counted and not [line for line in lines if line.lstrip().startswith("×")], lines
    finally:
        app.close()
