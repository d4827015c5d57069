"""The game's flow, played through its window: no dead ends, no crash."""

from __future__ import annotations

import pygame
import pytest
from gui import click, click_at, end_week, find, header, key, plan_rows, step, type_text, widgets
from pygame_gui.elements import UILabel, UITextBox, UITextEntryLine

from simulator.lessons import debrief
from simulator.ui.scenes import DebriefScene, DeskScene, ReviewScene


@pytest.fixture
def app(short_game):
    return short_game


def _start(app) -> None:
    click(app, "New game")
    click(app, "Two short months")
    click(app, "Start")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, DeskScene)
    # a first game without the tutorial opens on the tour: read, and closed
    assert app.scene.modal is not None
    key(app, pygame.K_ESCAPE)
    step(app, 2)
    assert app.scene.modal is None


def _end_week(app) -> None:
    end_week(app)
    step(app, 4)
    while app.scene.modal is not None:
        key(app, pygame.K_ESCAPE)
        step(app, 2)


def _let_go_selected(app) -> int:
    who = app.scene.selected
    click(app, "Let go")
    click(app, "Let go")  # the confirmation's button, on top
    assert any(p.action.kind == "let_go" and p.action.rep == who for p in app.game.plan)
    return who


@pytest.mark.parametrize("tab", ["Desk", "Pipeline"])
def test_letting_go_the_selected_rep_then_ending_the_week_keeps_the_desk(app, tab):
    _start(app)
    click(app, tab)
    who = _let_go_selected(app) if tab == "Desk" else None
    if who is None:
        click(app, "Desk")
        who = _let_go_selected(app)
        click(app, tab)
    assert app.game.obs.rep(who).deals, "the rep had open deals"
    _end_week(app)
    assert isinstance(app.scene, DeskScene) and app.running
    assert not app.game.obs.has_rep(who)
    assert app.scene.selected != who and app.game.obs.has_rep(app.scene.selected)
    find(app, tab)  # the tab drew again, for another rep


def test_letting_go_every_rep_leaves_a_desk_that_still_plays(app):
    _start(app)
    while app.game.obs.reps:
        for r in list(app.game.obs.reps):
            app.scene.select(r.id)
            step(app, 2)
            _let_go_selected(app)
        _end_week(app)
        assert app.running
    assert isinstance(app.scene, DeskScene)
    assert app.scene.selected is None
    _end_week(app)  # an empty team still ends its week
    assert app.running


def _to_week(app, week: int) -> None:
    while app.game.obs.week < week:
        if isinstance(app.scene, ReviewScene):
            click(app, "Done")
            continue
        _end_week(app)


def _row_buttons(app, text: str) -> list:
    found = [el for el, t in widgets(app).items() if t == text and el.alive()]
    return sorted(found, key=lambda el: el.rect.y)


def test_a_review_from_the_desk_in_a_periods_last_week_does_not_block_the_review_screen(app):
    _start(app)
    _to_week(app, 4)  # the short game's first period ends this week
    assert isinstance(app.scene, DeskScene) and app.game.obs.period_end
    click(app, "Desk")
    click(app, "Review")
    assert isinstance(app.scene, ReviewScene)
    assert "Period 1 reviews" in header(app) and "so far" in header(app)
    first = app.game.obs.reps[0].id
    click_at(app, _row_buttons(app, "Praise")[0].rect.center)
    click(app, "Done")
    _end_week(app)
    # the period has ended: its review screen, the rep reviewed shown so, the others open
    assert isinstance(app.scene, ReviewScene) and app.game.obs.week == 5
    assert "Reviewed in week 4." in header(app)
    others = _row_buttons(app, "Correct")
    assert len(others) == len(app.game.obs.reps) - 1
    click_at(app, others[0].rect.center)
    assert "Not possible" not in header(app)
    reviewed = [p.action for p in app.game.plan if p.action.kind == "performance_review"]
    assert len(reviewed) == 1 and reviewed[0].rep != first


def test_praise_at_a_review_can_be_given_in_public(app):
    _start(app)
    _to_week(app, 5)
    assert isinstance(app.scene, ReviewScene)
    # the verdict's two sides, the one chosen lit: private until public is chosen
    private, public = _row_buttons(app, "Private")[0], _row_buttons(app, "Public")[0]
    assert "#tab_active" in private.object_ids and "#tab_active" not in public.object_ids
    click_at(app, public.rect.center)
    click_at(app, _row_buttons(app, "Praise")[0].rect.center)
    assert "#tab_active" in _row_buttons(app, "Public")[0].object_ids
    (review,) = [p.action for p in app.game.plan if p.action.kind == "performance_review"]
    assert review.public and review.tone.value == "praise"
    click(app, "Done")
    plan_text = " ".join(t for t in widgets(app).values())
    assert "Praise · in public" in plan_text  # the plan says what was chosen


def test_the_review_screen_sums_the_next_quotas_against_the_target_while_typing(app):
    _start(app)
    _to_week(app, 5)
    before = find(app, "Period 2 quotas:", kind=UILabel).text
    entry = sorted(
        (el for el in app.scene.ui.elements if isinstance(el, UITextEntryLine) and el.alive()),
        key=lambda e: e.rect.y,
    )[0]
    click_at(app, entry.rect.center)
    for _ in range(8):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "5000")
    after = find(app, "Period 2 quotas:", kind=UILabel).text
    assert after != before
    assert "× record" in header(app)  # the warning, live while typing
    key(app, pygame.K_TAB)  # Tab goes on to the next rep's field, not to a button
    focused = app.manager.get_focus_set() or ()
    assert any(isinstance(el, UITextEntryLine) and el is not entry for el in focused)


def test_the_last_period_has_its_review_before_the_debrief(app):
    _start(app)
    _to_week(app, 8)
    assert isinstance(app.scene, ReviewScene)
    assert "Closing reviews · Period 2" in header(app)
    for button in _row_buttons(app, "Praise"):
        click_at(app, button.rect.center)
    click(app, "Done")
    _end_week(app)
    assert isinstance(app.scene, DebriefScene)
    f = debrief(app.game.record).finding("P1")
    assert not any(m.key == "m.p1_no_review" and m.values["period"] == 2 for m in f.moments)


def _plan_a_long_week(app, after_each=None) -> None:
    """A 1:1 and public praise for everyone: a plan longer than its column."""
    from simulator.api import Feedback, OneOnOne, Tone

    for r in app.game.obs.reps:
        for action in (OneOnOne(r.id), Feedback(r.id, Tone.PRAISE, True)):
            assert app.game.add(action) is None
            if after_each is not None:
                after_each()


def test_a_long_plan_scrolls_and_every_item_can_be_taken_back(app):
    from pygame_gui.elements import UIScrollingContainer

    _start(app)
    _plan_a_long_week(app)
    app.scene.refresh("plan")
    step(app, 4)
    n = len(app.game.plan)
    assert n >= 8
    plan = app.scene.regions["plan"].ui
    removes = [el for el in plan.elements if el in plan.callbacks and el.text == "×"]
    assert len(removes) == n  # no "+3" that can be neither seen nor removed
    assert any(isinstance(el, UIScrollingContainer) for el in plan.elements)
    # the last item's × takes back the last item
    last = app.game.plan.items[-1].action
    plan.callbacks[removes[-1]]()
    step(app, 4)
    assert len(app.game.plan) == n - 1
    assert all(p.action != last for p in app.game.plan)


def _new_game(app, title: str) -> None:
    from simulator.ui.scenes import TitleScene

    if not isinstance(app.scene, TitleScene):
        app.switch(TitleScene)
        step(app)
    click(app, "New game")
    click(app, title)
    click(app, "Start")


def test_each_game_keeps_its_own_save_and_a_replay_of_the_same_one_asks_first(app, tmp_path):
    from simulator.saves import read_save
    from simulator.ui.scenes import TitleScene

    _new_game(app, "Two short months")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)  # the tour a first game without the tutorial opens on
    _end_week(app)
    _end_week(app)
    _new_game(app, "Tutorial")  # another scenario: a save of its own, the first one kept
    key(app, pygame.K_RETURN)
    _end_week(app)
    saves = sorted(p.name for p in (tmp_path / "saves").glob("*.json"))
    assert saves == ["short-5.json", "tutorial-5.json"]
    assert read_save(tmp_path / "saves" / "short-5.json").weeks_played == 2
    # Continue resumes the game saved last
    app.switch(TitleScene)
    step(app)
    assert "Tutorial: your first quarters, week 2" in header(app)
    # the same scenario on the same seed again: a question first, and Cancel keeps the save
    _new_game(app, "Two short months")
    assert "Play this scenario again?" in header(app)
    click(app, "Cancel")
    assert read_save(tmp_path / "saves" / "short-5.json").weeks_played == 2
    click(app, "Start")
    click(app, "Start anew")
    key(app, pygame.K_RETURN)
    assert read_save(tmp_path / "saves" / "short-5.json").weeks_played == 0


def test_save_as_keeps_a_named_copy_and_goes_on_saving_there(app, tmp_path):
    from simulator.saves import read_save

    _start(app)
    _end_week(app)
    key(app, pygame.K_ESCAPE)  # the menu
    field = next(el for el in app.scene.modal_ui.elements if isinstance(el, UITextEntryLine))
    # it offers the scenario's title, never the file's name ("short-5")
    assert field.get_text() == "Two short months"
    click_at(app, field.rect.center)
    key(app, pygame.K_END)
    for _ in range(len(field.get_text())):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "before the review")
    click(app, "Save as")
    assert 'Saved as "before-the-review"' in header(app)
    _end_week(app)
    named = tmp_path / "saves" / "before-the-review.json"
    assert read_save(named).weeks_played == 2
    assert read_save(tmp_path / "saves" / "short-5.json").weeks_played == 1  # the copy before


def test_a_hire_arrives_and_is_given_a_territory_from_the_desk(app):
    _start(app)
    click(app, "Hire")
    assert any(p.action.kind == "hire" for p in app.game.plan)
    before = {r.id for r in app.game.obs.reps}
    for _ in range(8):
        _end_week(app)
        if isinstance(app.scene, ReviewScene):
            click(app, "Done")
        if {r.id for r in app.game.obs.reps} - before:
            break
    (newcomer,) = [r for r in app.game.obs.reps if r.id not in before]
    app.scene.select(newcomer.id)
    step(app, 4)
    click(app, "Give accounts")
    # the chooser offers a territory: unowned accounts, or a fair share of the largest books
    options = [
        el
        for el in app.scene.modal_ui.elements
        if el in app.scene.modal_ui.callbacks and el.is_enabled and el.text != "Cancel"
    ]
    assert options, "a newcomer can always be given accounts"
    click_at(app, options[-1].rect.center)
    (give,) = [p.action for p in app.game.plan if p.action.kind == "reassign_accounts"]
    assert give.rep == newcomer.id and len(give.accounts) >= 3
    _end_week(app)
    assert app.game.obs.rep(newcomer.id).accounts >= newcomer.accounts + len(give.accounts)
    assert app.game.obs.rep(newcomer.id).quota > 0


def test_each_reps_pipeline_review_is_planned_under_their_name(app):
    """The desk's Pipeline review goes through the selected rep's funnel: two of them are
    two rows, each saying whose funnel, and a third on the same rep says why not."""
    from simulator.api import PipelineReview

    _start(app)
    first, second = app.game.obs.reps[:2]
    assert app.game.add(PipelineReview((first.id,))) is None
    assert app.game.add(PipelineReview((second.id,))) is None
    why = app.game.add(PipelineReview((first.id,)))
    assert why is not None and "in the plan" in why
    app.scene.refresh("plan")
    step(app, 4)
    rows = [t for t in plan_rows(app) if "Pipeline" in t]
    names = {r.name for r in (first, second)}
    assert sorted(rows) == sorted(f"Pipeline review · {n}" for n in names)


def test_nobodys_deals_offer_no_review_of_the_rep_selected_elsewhere(app):
    """On the Pipeline tab's "Nobody's deals" view, its Pipeline review button quietly
    planned a review of the rep whose card was selected, whose deals were not on the
    screen. That view offers no review; back on the rep's funnel, it is there again."""
    _start(app)
    click(app, "Pipeline", exact=True)
    step(app, 6)
    click(app, "Nobody's deals")
    step(app, 6)
    buttons = [t for el, t in widgets(app).items() if el.__class__.__name__ == "UIButton"]
    assert not any(t.startswith("Pipeline review") for t in buttons), buttons
    click(app, "Back")
    step(app, 6)
    click(app, "Pipeline review")
    assert any(p.action.kind == "pipeline_review" for p in app.game.plan)


def test_a_hint_heard_twice_shows_once_with_both_weeks(app):
    _start(app)
    rep_id = app.scene.selected
    rep = app.game.session.world.reps[rep_id]
    heard = [(1, "wants_leaderboard"), (2, "tells_war_stories"), (3, "wants_leaderboard")]
    rep.hints[:] = [(w, key, True) for w, key in heard]
    app.game.refresh()
    app.scene.refresh("centre")
    step(app, 6)
    boxes = [el for el in app.scene.regions["centre"].ui.elements if isinstance(el, UITextBox)]
    (raw,) = [el.html_text for el in boxes if el.alive() and "Hints:" in el.html_text]
    # a week's words never break over two lines: "(wk" at a line's end, "4)" on the next
    assert "(wk " not in raw and "(wk\u00a01,\u00a03)" in raw, raw
    line = raw.replace("\u00a0", " ")
    assert line.count("leaderboard") == 1 and "(wk 1, 3)" in line, line
    assert line.index("(wk 2)") < line.index("(wk 1, 3)")  # heard most lately comes last


def test_the_first_weeks_news_column_does_not_report_a_week_never_played(app):
    _start(app)
    plan = app.scene.regions["plan"].ui
    boxes = [el.html_text for el in plan.elements if isinstance(el, UITextBox) and el.alive()]
    assert any("first week" in t for t in boxes) and not any("quiet week" in t for t in boxes)
    _end_week(app)
    step(app, 6)
    plan = app.scene.regions["plan"].ui
    boxes = [el.html_text for el in plan.elements if isinstance(el, UITextBox) and el.alive()]
    assert boxes and not any("first week" in t for t in boxes)


def test_a_plan_rows_cost_is_shown_whole_in_chinese(app):
    from simulator.api import Feedback, SetQuota, Tone

    click(app, "中文")
    click(app, "新游戏")
    click(app, "两个短月")
    click(app, "开始")
    click(app, "开始工作")
    rep = app.game.obs.reps[0]
    assert app.game.add(SetQuota(rep.id, 1_234_000)) is None
    assert app.game.add(Feedback(rep.id, Tone.PRAISE, True)) is None
    app.scene.refresh("plan")
    step(app, 4)
    plan = app.scene.regions["plan"].ui
    costs = [(el, t) for el, t in plan.full_text.items() if el.alive() and t.endswith("小时")]
    assert len(costs) >= 2
    assert all(el.text == t for el, t in costs), [(el.text, t) for el, t in costs]


def test_a_chooser_widens_rather_than_cut_its_choices_and_a_cut_button_shows_it_all(app):
    from pygame_gui.elements import UIButton

    _start(app)
    for rep in app.game.obs.reps:
        if rep.deals:
            app.scene.card_click(app.scene.card_rects[rep.id].center)
            break
    step(app, 4)
    click(app, "Support")
    step(app, 2)
    modal = app.scene.modal_ui
    assert modal is not None
    choices = [el for el in modal.elements if isinstance(el, UIButton) and "·" in el.text]
    assert choices
    texts = app.scene.ui.full_text
    assert all(el.text == texts[el] for el in choices), [el.text for el in choices]
    assert app.scene.modal.rect.width > 600  # the fit marks made it wider than the default


def test_the_coach_chooser_marks_the_skill_an_assessment_found_weakest(app):
    from pygame_gui.elements import UIButton

    _start(app)
    rep_id = app.scene.selected
    rep = app.game.session.world.reps[rep_id]
    rep.weakest_known = True  # as an assessment leaves it
    app.game.refresh()
    app.scene.refresh("centre")
    step(app, 4)
    weakest = app.game.obs.rep(rep_id).weakest_skill
    assert weakest is not None
    click(app, "Coach")
    step(app, 2)
    options = [el.text for el in app.scene.modal_ui.elements if isinstance(el, UIButton)]
    marked = [o for o in options if "weakest" in o]
    assert len(marked) == 1 and marked[0].lower().startswith(weakest.value.replace("_", " ")[:4])


def test_every_open_levers_tooltip_says_what_it_costs_choosers_included(app):
    from pygame_gui.elements import UIButton

    _start(app)
    levers = {
        t: el
        for el, t in widgets(app).items()
        if isinstance(el, UIButton) and el.tool_tip_text and el.tool_tip_text.strip()
    }
    praise = levers["Praise ▼"].tool_tip_text
    assert praise.startswith("Costs ") and "to" not in praise.split(".")[0]  # one price
    bonus = levers["Bonus ▼"].tool_tip_text
    price = bonus.split(". ")[0]
    assert price.startswith("Costs ") and " to " in price  # from the least to the most
    assert price.count(" h") == 1, price  # the same time for every sum: said once
    for text, el in levers.items():
        if text.endswith("▼") and "Not possible" not in el.tool_tip_text:
            assert el.tool_tip_text.startswith("Costs "), (text, el.tool_tip_text)


def test_a_long_plan_shows_the_item_just_added_and_stays_put_when_redrawn(app):
    from pygame_gui.elements import UIScrollingContainer

    def scroll_bar():
        plan = app.scene.regions["plan"].ui
        (sc,) = [el for el in plan.elements if isinstance(el, UIScrollingContainer)]
        return sc.vert_scroll_bar

    def redraw() -> None:  # as the desk does after each lever
        app.scene.refresh("plan")
        step(app, 2)

    _start(app)
    _plan_a_long_week(app, redraw)
    bar = scroll_bar()
    end = 1.0 - bar.visible_percentage
    assert bar.start_percentage == pytest.approx(end, abs=0.02)  # the newest is in view
    assert end > 0.05
    bar.set_scroll_from_start_percentage(end / 2)  # the player scrolls up a little
    step(app, 2)
    app.scene.refresh("plan")  # e.g. the week's news changed
    step(app, 4)
    kept = scroll_bar().start_percentage
    assert kept == pytest.approx(end / 2, abs=0.02)


def test_another_reps_funnel_opens_at_its_first_page(app):
    """Switching rep on the Pipeline tab opened the next funnel on the page the last one
    was left at (a player met Huang Fang's funnel on page 2 of 2)."""
    _start(app)
    click(app, "Pipeline", exact=True)
    step(app, 8)
    first, second = sorted(app.game.obs.reps, key=lambda r: -len(r.deals))[:2]
    assert len(second.deals) >= 9  # two pages of eight rows, in this window
    app.scene.select(first.id)
    step(app, 8)
    app.scene.pages["pipeline"] = 1  # as if ▶ was pressed
    step(app, 8)
    assert app.scene.pages["pipeline"] == 1
    app.scene.select(second.id)
    step(app, 8)
    assert app.scene.pages["pipeline"] == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_message_in_its_last_week_with_no_answer_is_asked_about_before_the_week_ends(
    lang, tmp_path
):
    """A message left unread was answered by default when the week ended, and a player
    busy with the team did not see it coming. Ending that week now asks first, names
    the message and can open the inbox; once an answer is planned, the week just ends."""
    from test_game_screens import game_at, to_desk

    from simulator.api import Answer
    from simulator.texts import text_of, tr

    with game_at(tmp_path, lang) as app:
        game = app.game
        for _ in range(40):
            due = [i for i in game.obs.inbox if i.open and i.deadline <= game.obs.week]
            if due:
                break
            game.end_week()
        assert due, "no message came to its last week in 40 weeks"
        to_desk(app)
        week = game.obs.week
        key(app, pygame.K_SPACE)
        step(app, 2)
        assert game.obs.week == week and app.scene.modal is not None
        dialog = app.scene.modal_ui.elements
        shown = " ".join(getattr(el, "html_text", None) or getattr(el, "text", "") for el in dialog)
        assert tr(lang, "ui.due_title", n=len(due)) in shown
        assert all(text_of(i.title, lang) in shown for i in due), shown

        click(app, tr(lang, "ui.due_read"))
        step(app, 4)
        assert app.scene.modal is None and app.scene.tab == "inbox" and game.obs.week == week
        first, *others = due
        click(app, text_of(first.choices[0].text, lang))
        assert game.planned("answer", item=first.id)
        for item in others:
            assert game.add(Answer(item.id, item.choices[0].id)) is None
        key(app, pygame.K_SPACE)
        step(app, 2)
        assert game.obs.week == week + 1


def test_a_week_ended_right_after_a_change_redraws_each_part_of_the_desk_once(app):
    """A lever planned and Space pressed at once: the desk's parts still waiting to be
    redrawn for the plan are redrawn once, for the new week, not once for the plan and
    again for the week (the window stalled on the double work); the week's report comes
    whole a frame later, and no other week ends before it."""
    _start(app)
    scene = app.scene
    builds: list[str] = []
    for name, region in scene.regions.items():
        region.build_fn = _counted(region.build_fn, name, builds)
    pos = find(app, "1:1").rect.center
    for kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=pos, button=1, rel=(0, 0), buttons=(0,) * 3))
        app.step(1 / 60)
    for _ in range(3):  # the press is handled, and the desk begins to redraw
        app.step(1 / 60)
    assert any(p.action.kind == "one_on_one" for p in app.game.plan)
    assert scene.busy, "planning leaves parts of the desk to redraw over the next frames"
    builds.clear()
    space = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" ")
    pygame.event.post(space)
    app.step(1 / 60)
    assert app.game.obs.week == 2
    assert scene.modal is None  # the week's report opens in the next frame, whole
    pygame.event.post(space)  # a second press before it does not end another week
    app.step(1 / 60)
    assert app.game.obs.week == 2 and scene.modal is not None
    step(app, 2)
    assert sorted(builds) == sorted(scene.regions)  # each part once
    report = [el for el in scene.modal_ui.elements if isinstance(el, UITextBox)]
    assert len(report) == 1 and "Week 1" in report[0].html_text + header(app)


def _counted(build, name: str, builds: list[str]):
    def counted(ui, r):
        builds.append(name)
        return build(ui, r)

    return counted


def test_the_debrief_opens_without_playing_the_handbooks_season_first(app, monkeypatch):
    """The debrief sets the season beside the handbook's on the same seed. Its weeks are
    played beside the player's, a week a frame, so the season's end does not freeze the
    window while a whole year is played: only the last week is left then."""
    from simulator.session import Session

    _start(app)
    _to_week(app, 8)
    click(app, "Done")
    played: list[Session] = []
    advance = Session.advance_week
    monkeypatch.setattr(Session, "advance_week", lambda s: (played.append(s), advance(s))[1])
    _end_week(app)
    assert isinstance(app.scene, DebriefScene)
    assert len(played) == 2  # the player's last week, and the handbook's
    assert played[0] is app.game.session and played[1] is not app.game.session


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p15_a_promise_fallen_due_is_asked_about_before_the_week_that_breaks_it_ends(
    lang, tmp_path
):
    """A promise fell due at a period's end and the next week's end broke it, without a
    word before: a player who missed it on the review (or never opened it) lost the
    rep's trust and the team's. Ending that week now asks first, names whom it is owed
    and how much, and can plan to keep it; then the week ends and the promise is kept."""
    from test_game_screens import game_at, to_desk

    from simulator.api import Answer, MakePromise
    from simulator.texts import tr

    with game_at(tmp_path, lang) as app:
        game = app.game
        rep = game.obs.reps[0]
        assert game.add(MakePromise(rep.id, 3_000, "none")) is None
        for _ in range(game.obs.period_weeks):
            game.end_week()
        (promise,) = game.obs.promises
        assert promise.status == "due"
        for item in [i for i in game.obs.inbox if i.open]:  # only the promise to ask about
            assert game.add(Answer(item.id, item.choices[0].id)) is None
        to_desk(app)
        week = game.obs.week
        key(app, pygame.K_SPACE)
        step(app, 2)
        assert game.obs.week == week and app.scene.modal is not None
        shown = " ".join(
            getattr(el, "html_text", None) or getattr(el, "text", "")
            for el in app.scene.modal_ui.elements
        )
        assert tr(lang, "ui.owed_title", n=1) in shown
        assert game.narrator.rep(rep.id) in shown and game.money(3_000) in shown, shown

        click(app, tr(lang, "ui.owed_keep", n=1))
        step(app, 4)
        assert app.scene.modal is None and game.obs.week == week
        assert game.planned("keep_promise", promise=promise.id)
        key(app, pygame.K_SPACE)
        step(app, 2)
        assert game.obs.week == week + 1
        assert game.obs.promises[0].status == "kept"


def test_p09_a_review_already_planned_can_be_reopened_from_the_desk(tmp_path):
    """After planning the period's reviews, the desk's Review button was greyed, "Not
    possible: already in this week's plan": what had been chosen could be neither seen
    nor changed. It opens the review screen, with the verdict planned."""
    from test_game_screens import game_at, to_desk

    from simulator.api import PerformanceReview, Tone
    from simulator.texts import tr
    from simulator.ui.scenes import ReviewScene

    with game_at(tmp_path) as app:
        game = app.game
        for _ in range(game.obs.period_weeks - 1):  # the period's last week
            game.end_week()
        rep = game.obs.reps[0]
        assert game.add(PerformanceReview(rep.id, Tone.PRAISE)) is None
        to_desk(app)
        app.scene.select(rep.id)
        step(app, 8)
        button = find(app, tr("en", "act.performance_review"), exact=True)
        assert "#refused" not in button.object_ids, button.tool_tip_text
        click_at(app, button.rect.center)
        step(app, 8)
        assert isinstance(app.scene, ReviewScene)
        assert game.planned("performance_review", rep=rep.id)


def test_why_a_lever_was_refused_goes_when_another_rep_is_chosen(tmp_path):
    """ "Not possible: …" about one rep stayed under the levers after another rep was
    chosen, as if said of them; what was planned is still told."""
    from test_game_screens import game_at, to_desk

    with game_at(tmp_path) as app:
        to_desk(app)
        first, second = app.game.obs.reps[:2]
        app.scene.select(first.id)
        app.scene.say("Not possible: something about the first rep", bad=True)
        app.scene.select(second.id)
        step(app, 8)
        assert app.scene.status == ""
        app.scene.say("Planned: 1:1 · someone")
        app.scene.select(first.id)
        assert app.scene.status == "Planned: 1:1 · someone"
