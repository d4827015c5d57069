"""Every scene rendered in both languages: not blank, no text out of its box.

With ``SALESIM_SCREENSHOTS`` set to a folder, every scene checked is also saved
there as a PNG, so a person can look at them after a run (writing them costs
the suite seconds it need not spend when nobody looks).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
from pathlib import Path

import pygame
import pytest
from gui import click, click_at, find, plan_rows, step
from pygame_gui.elements import UIButton, UILabel, UITextEntryLine

from simulator.policies import make_policy
from simulator.saves import write_save
from simulator.scenario import default_scenario_path, load_scenario, scenarios_dir
from simulator.session import Session
from simulator.texts import percent, rep_name, text_of, tr
from simulator.ui.app import App
from simulator.ui.game import Game
from simulator.ui.scenes import (
    BriefingScene,
    DebriefScene,
    DeskScene,
    LoadScene,
    PickerScene,
    ReviewScene,
    TitleScene,
)
from simulator.ui.widgets import html, room, text_width


@pytest.fixture(scope="module")
def shots() -> Path | None:
    """Where the screenshots go, if anyone asked for them."""
    folder = os.environ.get("SALESIM_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def played(weeks: int) -> Session:
    """The default scenario played for some weeks by the book: a desk full of history."""
    session = Session(load_scenario(default_scenario_path()), 4, make_policy("by_the_book"))
    for _ in range(weeks):
        session.advance_week()
    session.policy = None
    return session


# what must never reach a player's eyes: a text key ("why.answer"), an identifier
# ("praise_public", "midmarket_small"), a placeholder left unfilled ("{rep}")
RAW = re.compile(r"\b[a-z]{2,}(?:[._][a-z0-9]{2,})+\b|\{[a-z_]+\}")
TAG = re.compile(r"<[^>]+>")


# Latin words a Chinese screen may show: a format, a key's name, the other language's
# name, a formula's symbols; on an English screen, the Chinese language's own name
LATIN_OK = {"HTML", "Tab", "English", "min", "max", "end"}
CJK_OK = {"中文"}
LATIN = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]+")
ENTITY = re.compile(r"&[a-z]+;|&#\d+;")


def raw_texts(app) -> list[str]:
    """Every text on screen (labels, buttons, text boxes, tooltips) that shows a key or an id,
    or words of the other language."""
    out = []
    # a save's file name is the player's own, in any script
    names = " ".join(p.stem for p in Path(app.saves).glob("*.json"))
    for el in app.manager.get_sprite_group().sprites():
        if not el.alive() or not getattr(el, "visible", True):
            continue
        shown = [getattr(el, "text", None), getattr(el, "html_text", None)]
        shown.append(getattr(el, "tool_tip_text", None))
        for text in shown:
            if not isinstance(text, str):
                continue
            plain = ENTITY.sub(" ", TAG.sub(" ", text))
            for m in RAW.finditer(plain):
                out.append(f"a key or an id on screen: {m.group(0)!r} in {text[:80]!r}")
            if app.lang == "zh":
                out += [
                    f"English on a Chinese screen: {w!r} in {plain[:80]!r}"
                    for w in LATIN.findall(plain)
                    if w not in LATIN_OK and w not in names
                ]
            else:
                out += [
                    f"Chinese on an English screen: {w!r} in {plain[:80]!r}"
                    for w in CJK.findall(plain)
                    if w not in CJK_OK and w not in names
                ]
    return out


def shown_rect(el) -> pygame.Rect:
    """The part of a widget one can see: clipped by every container it sits in (a
    scrolling list's rows below its fold are not on screen)."""
    rect = pygame.Rect(el.rect)
    box = getattr(el, "ui_container", None)
    while box is not None and hasattr(box, "get_rect"):
        rect = rect.clip(box.get_rect())
        parent = getattr(box, "ui_container", None)
        box = parent if parent is not box else None
    return rect


def problems(app) -> list[str]:
    """Text wider than its widget, widgets outside the window, buttons cut short, keys or
    ids on screen."""
    out = raw_texts(app)
    screen = pygame.Rect(0, 0, *app.size)
    full = app.scene.ui.full_text
    for el in app.manager.get_sprite_group().sprites():
        if not el.alive() or not getattr(el, "visible", True):
            continue
        if isinstance(el, UILabel | UIButton) and el in full:  # ours, not pygame_gui's scrollbars
            if text_width(el, el.text) > room(el):
                out.append(f"text spills out of its box: {el.text!r}")
            if not screen.contains(el.rect):
                out.append(f"off the window: {el.text!r} at {el.rect}")
            shown, given = el.text.strip(), full.get(el, el.text).strip()
            if isinstance(el, UIButton) and shown != given:
                out.append(f"button cut short: {given!r} shows as {shown!r}")
        if isinstance(el, UITextEntryLine) and not screen.contains(el.rect):
            out.append(f"field off the window at {el.rect}")
    # no two texts of the scene (dialogs aside) cover each other
    modal = app.scene.modal_ui.elements if app.scene.modal_ui is not None else []
    texts = [
        el
        for el in full
        if el.alive()
        and el.visible
        and el not in modal
        and isinstance(el, UILabel | UIButton | UITextEntryLine)
        and el.text.strip()
    ]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            clip = shown_rect(a).clip(shown_rect(b))
            if clip.w > 2 and clip.h > 2:
                out.append(f"{a.text!r} and {b.text!r} overlap")
    return out


def snap(app, shots: Path | None, name: str) -> pygame.Surface:
    step(app, 8)
    w, h = app.size
    size = "" if (w, h) == (1280, 720) else f"_{w}x{h}"
    name = f"{name}_{app.lang}{size}"
    img = app.screen.copy()
    if shots is not None:
        pygame.image.save(img, str(shots / f"{name}.png"))
    small = pygame.transform.scale(img, (160, 90))
    colours = {small.get_at((x, y))[:3] for x in range(160) for y in range(90)}
    assert len(colours) > 12, f"{name} looks blank ({len(colours)} colours)"
    trouble = problems(app)
    assert not trouble, f"{name}: " + "; ".join(trouble[:6])
    return img


@pytest.mark.parametrize("size", [(1280, 720), (1024, 640)], ids=["1280x720", "1024x640"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_scene_renders_and_its_text_fits(lang, size, shots, tmp_path):
    saves = tmp_path / "saves"
    saves.mkdir()
    (saves / "存档损坏.json").write_text("{ this is not a save", encoding="utf-8")
    app = App(lang=lang, saves=saves, seed=2, size=size)
    try:
        snap(app, shots, "01_title")
        app.switch(LoadScene)
        snap(app, shots, "02_load")
        app.switch(PickerScene)
        snap(app, shots, "03_picker")
        app.game = Game(played(0), str(default_scenario_path()), lang, saves / "我的存档.json")
        app.switch(BriefingScene)
        snap(app, shots, "04_briefing")

        tutorial = scenarios_dir() / "tutorial.yaml"
        app.game = Game.new(tutorial, seed=3, lang=lang, save_path=saves / "t.json")
        app.switch(DeskScene)
        snap(app, shots, "05a_guided_desk")
        app.scene.end_week()
        snap(app, shots, "05b_guided_report")
        app.scene.close_modal()
        app.scene.show_tour(2)
        snap(app, shots, "05c_tour")
        app.scene.close_modal()

        app.game = Game(played(9), str(default_scenario_path()), lang, saves / "我的存档.json")
        app.switch(DeskScene)
        snap(app, shots, "05_desk")
        # the rep with the most going on (roles, hints) makes the fullest detail panel
        busiest = max(app.game.obs.reps, key=lambda r: len(r.hints) + r.deputy + r.key_accounts)
        app.scene.select(busiest.id)
        snap(app, shots, "06_desk_busy_rep")
        for i, tab in enumerate(("pipeline", "accounts", "quotas", "inbox"), start=7):
            app.scene.set_tab(tab)
            snap(app, shots, f"{i:02d}_{tab}")
            if tab == "accounts":
                # the customer archive's card of the busiest account
                busy = max(app.game.obs.accounts, key=lambda a: len(a.history))
                app.scene.account_file(busy)
                snap(app, shots, "08b_account_file")
                app.scene.close_modal()
        app.scene.set_tab("desk")
        app.scene.choose_option(app.scene.catalogue().lever("delegate", busiest.id))
        snap(app, shots, "11_chooser")
        app.scene.close_modal()
        app.scene.end_week()
        snap(app, shots, "12_week_report")
        app.scene.close_modal()
        app.scene.menu()
        snap(app, shots, "13_menu")
        app.scene.close_modal()

        app.scene.choose_option(app.scene.catalogue().lever("reassign_accounts", busiest.id))
        snap(app, shots, "13b_refused_chooser")
        app.scene.close_modal()

        app.game = Game(played(13), str(default_scenario_path()), lang, saves / "我的存档.json")
        app.switch(ReviewScene)
        snap(app, shots, "14_review")
        app.scene.promise(app.game.obs.reps[0].id)
        snap(app, shots, "14b_review_promise")
        app.scene.close_modal()
        app.game = Game(played(51), str(default_scenario_path()), lang, saves / "我的存档.json")
        app.switch(ReviewScene)
        snap(app, shots, "14c_closing_review")

        app.game = Game(played(52), str(default_scenario_path()), lang, saves / "我的存档.json")
        app.switch(DebriefScene)
        for i, section in enumerate(("score", "lessons", "people", "compare"), start=15):
            app.scene.show(section)
            snap(app, shots, f"{i}_debrief_{section}")
        app.switch(TitleScene)
        snap(app, shots, "19_title_again")
    finally:
        app.close()
    if shots is not None:
        print(f"screenshots in {shots}")


def test_the_desk_fits_a_small_window_and_a_large_one(tmp_path, shots):
    app = App(lang="zh", saves=tmp_path, seed=2, size=(1024, 640))
    try:
        app.game = Game(played(5), str(default_scenario_path()), "zh", tmp_path / "a.json")
        app.switch(DeskScene)
        snap(app, shots, "20_desk_1024x640")
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)))
        step(app, 2)
        assert app.size == (1600, 900)
        snap(app, shots, "21_desk_1600x900")
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_funnel_shows_every_stage_name_and_its_legend_whole(lang, tmp_path):
    """At the usual 1280×720, the Pipeline tab's stage column and its legend line are not
    cut short: the account's name gives way first."""
    from simulator.texts import tr

    app = App(lang=lang, saves=tmp_path, seed=2)
    try:
        app.game = Game(played(3), str(default_scenario_path()), lang, tmp_path / "a.json")
        app.switch(DeskScene)
        step(app, 4)
        stages = {tr(lang, f"stage.{i}") for i in range(6)}
        whole = stages | {tr(lang, "pipe.legend")}
        seen: set[str] = set()
        for rep in app.game.obs.reps:
            app.scene.select(rep.id)
            app.scene.set_tab("pipeline")
            step(app, 8)
            full = app.scene.ui.full_text
            for el, given in full.items():
                if el.alive() and isinstance(el, UILabel) and given.strip() in whole:
                    assert el.text.strip() == given.strip(), f"{given!r} shows as {el.text!r}"
                    seen.add(given.strip())
                    if given.strip() == tr(lang, "pipe.legend"):  # each mark said in full
                        assert el.tool_tip_text == html(tr(lang, "pipe.legend_tip"))
        assert tr(lang, "pipe.legend") in seen and len(seen & stages) >= 5
    finally:
        app.close()


def test_a_save_for_the_load_screen(tmp_path):
    """The load screen lists real saves by scenario, seed and week. A game's own save
    read "default-7 · …", and nothing said that 7 was the seed: the row says so, and
    its tip what a seed is; a save the player named shows that name first."""
    from simulator.ui.game import slot_name

    session = played(3)
    game = Game(session, str(default_scenario_path()), "en", tmp_path / "autosave.json")
    write_save(game.snapshot(), tmp_path / "mine.json")
    write_save(game.snapshot(), tmp_path / slot_name(default_scenario_path(), session.seed))
    app = App(lang="en", saves=tmp_path, seed=1)
    try:
        app.switch(LoadScene)
        step(app)
        rows = {b.text: b for b in app.scene.ui.order}
        seed = f"seed {session.seed}"
        mine = [t for t in rows if t.startswith("mine: East Region")]
        own = [t for t in rows if t.startswith("East Region")]
        assert len(mine) == 1 and len(own) == 1, list(rows)
        assert seed in mine[0] and seed in own[0] and "week 4" in own[0]
        assert "market's luck" in rows[own[0]].tool_tip_text
    finally:
        app.close()


def test_a_reps_portrait_suits_how_the_scenario_speaks_of_them_and_never_changes():
    """Han Dong, "he" in every message, had a woman's face: a rep the scenario calls
    "she" or "he" gets a face of that kind, each their own, kept when a colleague leaves;
    every shipped rep is spoken of one way or the other."""
    import json

    from simulator.api import Person
    from simulator.scenario import load_scenario, shipped_scenarios
    from simulator.ui.app import assets_dir
    from simulator.ui.portraits import face_of

    looks = json.loads((assets_dir() / "portraits" / "portraits.json").read_text())
    team = [
        Person(0, "Wang Lei", "王磊", True, "", "he"),
        Person(1, "Li Na", "李娜", True, "", "she"),
        Person(2, "Han Dong", "韩东", True, "", "he"),
        Person(3, "Huang Fang", "黄芳", True, "", "she"),
        Person(4, "New Hire", "新人", True, "", None),
    ]
    faces = {p.id: face_of(p.id, team) for p in team}
    assert faces == {0: ("he", 0), 1: ("she", 0), 2: ("he", 1), 3: ("she", 1), 4: ("any", 4)}
    assert set(looks) == {"she", "he"} and not set(looks["she"]) & set(looks["he"])
    left = [team[0]._replace(active=False), *team[1:]]
    assert {p.id: face_of(p.id, left) for p in left} == faces
    for path in shipped_scenarios():
        for rep in load_scenario(path).reps:
            assert rep.pronoun in ("she", "he"), (path.stem, rep.name)
    # and a newcomer hired in the game is spoken of as their given name reads
    import numpy as np

    from simulator.core.names import person_name

    rng = np.random.default_rng(0)
    hired = [person_name(rng, set()) for _ in range(60)]
    assert {pronoun for _, _, pronoun in hired} == {"she", "he"}
    assert all(p == "he" for n, _, p in hired if n.endswith((" Wei", " Lei", " Qiang")))
    assert all(p == "she" for n, _, p in hired if n.endswith((" Fang", " Mei", " Lan")))


@contextlib.contextmanager
def game_at(
    tmp_path,
    lang: str = "en",
    scenario: str | None = None,
    seed: int = 7,
    size: tuple[int, int] | None = None,
):
    """A game of ``scenario`` (the default) begun in a window (of ``size``, the default's
    when not given); the desk comes with :func:`to_desk`, so that weeks can be played
    before it opens."""
    app = App(lang=lang, saves=tmp_path / "saves", seed=seed, size=size)
    try:
        app.start_game(scenario or str(default_scenario_path()), seed)
        yield app
    finally:
        app.close()


def to_desk(app, tab: str | None = None) -> None:
    """The desk, built, on ``tab`` if given."""
    app.switch(DeskScene)
    step(app, 4)
    if tab is not None:
        app.scene.set_tab(tab)
        step(app, 8)


def _next_quotas_set(game, amount: float) -> int:
    """Two weeks played, then every rep's quota for the next period planned (at
    ``amount``) and carried out in a third; the next period's number."""
    from simulator.api import SetQuota

    for _ in range(2):
        game.end_week()
    nxt = game.obs.period + 1
    for rep in game.obs.reps:
        assert game.add(SetQuota(rep.id, amount, period=nxt)) is None
    game.end_week()
    return nxt


def shown_in(app, region: str) -> list:
    """The live labels a region of the desk shows."""
    return [
        el for el in app.scene.regions[region].ui.elements if isinstance(el, UILabel) and el.alive()
    ]


def test_a_notice_in_the_inbox_has_no_blank_line_under_its_title(tmp_path):
    """ "Your inherited funnel", a notice with nothing to answer, showed an empty line
    between its title and its message: the line where other messages say where they
    stand. A notice's message starts under its title."""
    from pygame_gui.elements import UITextBox

    with game_at(tmp_path) as app:
        to_desk(app, "inbox")
        notices = [i for i in app.game.obs.inbox if i.status == "notice"]
        assert notices, "the default scenario opens with a notice"
        texts = app.scene.regions["centre"].ui.full_text
        for item in notices:
            title = text_of(item.title, "en")
            (head,) = [el for el, t in texts.items() if el.alive() and t == title]
            message = text_of(item.message, "en").strip()
            boxes = [
                el
                for el in app.scene.regions["centre"].ui.elements
                if isinstance(el, UITextBox) and el.alive() and message[:30] in el.html_text
            ]
            assert len(boxes) == 1
            assert boxes[0].rect.y - head.rect.bottom <= 4, (head.rect, boxes[0].rect)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_inbox_card_holds_its_choices_whatever_its_messages_length(lang, tmp_path):
    """A Chinese message one character longer than a line covered its card's second
    choice with the next card: the page was laid out with one line fewer than the card
    drew. Messages of every length near a line's: each choice inside its card, and no
    card over another."""
    from pygame_gui.elements import UIPanel, UITextBox

    sentence = {"en": "The customer wants a word with you before they decide. ", "zh": "客户"}
    events = []
    for k in range(10):
        n = (36 + 2 * k) if lang == "zh" else (70 + 8 * k)
        text = (sentence[lang] * 60)[:n]
        en, zh = (text, "消息") if lang == "en" else ("x", text)
        events.append(
            f"  - id: m{k}\n    title: Message {k}\n    message: {{en: '{en}', zh: '{zh}'}}\n"
            "    trigger: {week: 1}\n"
            "    choices:\n"
            "      - {id: a, text: {en: Take the first way, zh: 走第一条路}}\n"
            "      - {id: b, text: {en: Take the second way, zh: 走第二条路}}\n"
        )
    path = tmp_path / "long.yaml"
    path.write_text(
        "extends: default\nweeks: 4\nperiod_weeks: 4\nteam_target: [900000]\nevents:\n"
        + "".join(events),
        encoding="utf-8",
    )
    with game_at(tmp_path, lang, str(path), seed=3) as app:
        to_desk(app, "inbox")
        scene = app.scene
        pages = scene.pages.get("inbox_n", 1)
        assert pages > 1
        seen_choices = 0
        for page in range(pages):
            scene.pages["inbox"] = page
            scene.refresh("centre")
            step(app, 6)
            ui = scene.regions["centre"].ui
            panels = [el.rect for el in ui.elements if isinstance(el, UIPanel) and el.alive()]
            # the messages' cards: the panels inside the tab's own
            cards = [p for p in panels if not any(o != p and p.contains(o) for o in panels)]
            choices = [
                el.rect
                for el in ui.elements
                if isinstance(el, UIButton) and el.alive() and el.rect.y > cards[0].y
            ]
            for a, b in itertools.pairwise(cards):
                assert a.bottom <= b.top, (a, b)
            for c in choices:
                home = [card for card in cards if card.top <= c.top < card.bottom]
                if home:
                    assert c.bottom <= home[0].bottom, (c, home[0])
                    seen_choices += 1
            for box in ui.elements:
                if isinstance(box, UITextBox) and box.alive():
                    assert box.scroll_bar is None, box.html_text
        assert seen_choices == 20


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_planned_action_says_whole_whom_it_is_for(lang, tmp_path):
    """A plan of quotas read "Set quota · Zh…", "Set quota · Zh…": two reps, one row
    each, and no telling which was which. A row too long for the column puts whom it
    is for on a line of its own: every rep's name shows whole."""
    from simulator.api import SetQuota

    with game_at(tmp_path, lang) as app:
        to_desk(app)
        game = app.game
        for rep in game.obs.reps:
            assert game.add(SetQuota(rep.id, 1_560_000)) is None
        app.scene.refresh()
        step(app, 8)
        shown = [el.text for el in shown_in(app, "plan")]
        for rep in game.obs.reps:
            name = game.narrator.rep(rep.id)
            assert any(name in text for text in shown), (name, shown)


@pytest.mark.parametrize(("lang", "weeks"), [("en", 0), ("zh", 0), ("en", 4), ("zh", 4)])
def test_the_quotas_tab_shows_each_reps_record_whole_under_a_heading_that_says_what_it_is(
    lang, weeks, tmp_path
):
    """ "Quota→booked: ¥1.55M→¥1.40M, ¥1.46M→¥1.67M" did not say which period was
    which, and saying it in every row cut the figures short: the column says it once,
    and every row's figures show whole, also beside the running period's when the tab
    plans the next."""
    with game_at(tmp_path, lang) as app:
        for _ in range(weeks):
            app.game.end_week()
        to_desk(app, "quotas")
        labels = shown_in(app, "centre")
        heading = app.game.tr("quota.history_head")
        assert any(el.text == heading for el in labels)
        for rep in app.game.obs.reps:
            figures = [f"{app.game.money(q)}→{app.game.money(b)}" for q, b in rep.history[-2:]]
            assert any(all(f in el.text for f in figures) for el in labels), figures


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_quota_planned_for_this_period_shows_beside_the_running_one(lang, tmp_path):
    """After quotas were planned, the rep's details still showed only the old quota until
    the week ended, as if the plan had not taken: the planned one shows beside it."""
    from simulator.api import SetQuota

    with game_at(tmp_path, lang) as app:
        to_desk(app)
        rep = app.game.obs.reps[0]
        app.scene.selected = rep.id
        assert app.game.add(SetQuota(rep.id, 1_560_000)) is None
        app.scene.refresh()
        step(app, 8)
        said = app.game.tr(
            "detail.quota_planned",
            now=app.game.money(rep.quota),
            planned=app.game.money(1_560_000),
        )
        labels = [el.text for el in shown_in(app, "centre")]
        assert any(said in text for text in labels), labels
        # the same figure planned again is no change: nothing "planned" beside it
        app.game.remove(0)
        assert app.game.add(SetQuota(rep.id, rep.quota)) is None
        app.scene.refresh()
        step(app, 8)
        shown = [el.text for el in shown_in(app, "centre")]
        assert not any(app.game.money(rep.quota) + " (" in text for text in shown), shown


def test_quotas_planned_for_the_next_period_are_still_shown_in_the_weeks_after(tmp_path):
    """Next period's quotas planned in week 3 were kept, but the Quotas tab showed the
    running period's figures again from week 4, and a player planned them again, paying
    the hours each time: the fields start from what was set."""

    with game_at(tmp_path) as app:
        game = app.game
        nxt = _next_quotas_set(game, 1_234_000)
        assert all(r.next_quota == 1_234_000 for r in game.obs.reps)
        to_desk(app, "quotas")
        assert app.scene.quota_period() == nxt
        shown = {i: e.get_text() for i, e in app.scene.quota_entries.items()}
        assert set(shown.values()) == {"1234"}, shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_reps_figures_show_whole_and_a_met_quota_is_not_projected(lang, tmp_path):
    """The rep's figures read "… 23 deals · 51 acco…" once a new quota was planned beside
    the running one; and a rep whose one big early deal met the quota was "on course for
    287%", a projection of a lump. Every figure shows whole, whatever is planned, and a
    met quota says so instead of multiplying."""
    from simulator.api import SetQuota

    def figures_whole(app) -> str:
        full = app.scene.ui.full_text
        for el in shown_in(app, "centre"):
            assert el.text.strip() == full.get(el, el.text).strip(), (el.text, full.get(el))
        return " ".join(el.text for el in shown_in(app, "centre"))

    with game_at(tmp_path, lang) as app:  # the first week: too early to tell any course
        rep = app.game.obs.reps[0]
        assert app.game.add(SetQuota(rep.id, 1_234_567)) is None
        to_desk(app)
        whole = figures_whole(app)
        assert app.game.tr("detail.too_early") in whole
        assert app.scene.counts_text(rep) in whole
    with game_at(tmp_path, lang) as app:
        game = app.game
        met = None
        for _ in range(20):  # on until a rep's bookings pass their quota
            met = next((r for r in game.obs.reps if r.quota and r.booked >= r.quota), None)
            if met is not None:
                break
            game.end_week()
        assert met is not None
        assert game.add(SetQuota(met.id, 1_234_567)) is None
        to_desk(app)
        app.scene.selected = met.id
        app.scene.refresh()
        step(app, 8)
        whole = figures_whole(app)
        assert game.tr("detail.quota_met") in whole
        assert app.scene.counts_text(met) in whole
        assert game.money(1_234_567) in whole
        pace = f"{100 * met.pace:.0f}%"
        assert game.tr("detail.on_course", pace=pace) not in whole


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_answer_that_takes_no_time_is_not_priced_at_zero_hours(lang, tmp_path):
    """An inbox answer that takes no time showed "0 小时" beside it in the plan. A row
    shows its hours, or its money when it takes no time, or nothing."""
    from simulator.api import Answer

    with game_at(tmp_path, lang) as app:
        game = app.game
        found = None
        for _ in range(20):  # on until a message can be answered at no cost in time
            found = next(
                (
                    (m, c)
                    for m in game.obs.inbox
                    if m.status == "open"
                    for c in m.choices
                    if not c.hours
                ),
                None,
            )
            if found is not None:
                break
            game.end_week()
        assert found is not None
        message, choice = found
        assert game.add(Answer(message.id, choice.id)) is None
        to_desk(app)
        shown = [el.text for el in shown_in(app, "plan")]
        assert game.tr("cost.hours", hours="0") not in shown, shown
        if choice.money:
            assert game.money(choice.money) in shown, shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_planned_promise_says_its_condition_and_a_planned_quota_its_period(lang, tmp_path):
    """Two promises of the same sum read alike in the plan though one paid whatever
    happened; a quota planned for the next period read like one for this. Each row
    says on what condition, and for which period."""
    from simulator.api import MakePromise, SetQuota

    with game_at(tmp_path, lang) as app:
        game = app.game
        a, b = game.obs.reps[0].id, game.obs.reps[1].id
        assert game.add(MakePromise(a, 20_000, "quota")) is None
        assert game.add(MakePromise(b, 20_000, "none")) is None
        assert game.add(SetQuota(a, 1_200_000, period=game.obs.period + 1)) is None
        to_desk(app)
        rows = plan_rows(app)
        said = {
            game.narrator.rep(a): game.tr("plan.if_quota"),
            game.narrator.rep(b): game.tr("plan.whatever"),
        }
        for name, condition in said.items():
            assert any(name in row and condition in row for row in rows), (name, rows)
        full = app.scene.ui.full_text
        for el in shown_in(app, "plan"):  # as drawn: whole, not cut
            assert el.text.strip() == full.get(el, el.text).strip(), el.text
        period = game.tr("ui.period", period=game.obs.period + 2)
        assert any(game.money(1_200_000) in row and period in row for row in rows), rows


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_stage_chart_names_stages_as_the_funnel_does_where_they_fit(
    lang, tmp_path, monkeypatch
):
    """The Chinese stage chart said 谈判 under a bar while the funnel beside it said
    商务谈判, as if two stages. Where every stage's whole name fits under its bar, the
    chart uses the funnel's names; where one does not (English), all are shortened."""
    from simulator.ui import charts

    drawn = []
    real = charts.funnel_chart

    def spy(size, values, counts, names, font):
        drawn.append(list(names))
        return real(size, values, counts, names, font)

    monkeypatch.setattr(charts, "funnel_chart", spy)
    with game_at(tmp_path, lang) as app:
        to_desk(app)
        tr = app.game.tr
        whole = [tr(f"stage.{i}").capitalize() for i in range(6)]
        short = [tr(f"stage_short.{i}") for i in range(6)]
        assert drawn and drawn[-1] == (whole if lang == "zh" else short), drawn[-1]


def test_the_picker_offers_the_next_scenario_not_yet_played_through(tmp_path):
    """The picker chose the tutorial every time, also for a player who had finished it.
    It now chooses the first scenario not yet played to its end; back from a briefing,
    the one chosen before."""
    from simulator.ui.scenes import BriefingScene

    def chosen(app) -> str:
        return text_of(app.scene.loaded[app.scene.chosen].title, "en")

    saves = tmp_path / "saves"
    saves.mkdir()
    app = App(lang="en", saves=saves, seed=2)
    try:
        app.switch(PickerScene)
        assert app.scene.paths[app.scene.chosen].stem == "tutorial"  # nothing played yet
        tutorial = scenarios_dir() / "tutorial.yaml"
        session = Session(load_scenario(tutorial), 5)
        session.run()
        write_save(Game(session, str(tutorial), "en").snapshot(), saves / "done.json")
        app.switch(PickerScene)
        assert app.scene.paths[app.scene.chosen].stem == "default"
        step(app)
        active = [b.text for b in app.scene.ui.order if "#tab_active" in b.object_ids]
        assert active == [chosen(app)]
        last = len(app.scene.paths) - 1
        app.scene.choose(last)
        app.scene.start()
        step(app)
        assert isinstance(app.scene, BriefingScene)
        app.scene.back()
        assert app.scene.chosen == last
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_scenarios_text_in_the_picker_ends_with_its_last_words(lang, tmp_path):
    """The picker showed a scroll bar beside a tutorial text that fitted: the briefing,
    written as a folded block, ended in a newline, drawn as one more blank line. Each
    shipped scenario's text now ends with its last words."""
    from pygame_gui.elements import UITextBox

    app = App(lang=lang, saves=tmp_path / "saves", seed=2)
    try:
        app.switch(PickerScene)
        for i, sc in enumerate(app.scene.loaded):
            app.scene.choose(i)
            step(app)
            (box,) = [el for el in app.scene.ui.elements if isinstance(el, UITextBox)]
            assert not box.html_text.endswith("<br>"), text_of(sc.title, "en")
    finally:
        app.close()


def test_p12_an_accounts_file_tells_which_of_its_deals_each_line_is_about(tmp_path):
    """An account with two deals read "deal lost", then later "deal won": as if the dead
    deal had come back. Each line about a deal gives the deal's value."""
    from pygame_gui.elements import UITextBox

    with game_at(tmp_path) as app:
        game = app.game
        busy = None
        for _ in range(30):  # on until an account has had two deals of different sizes
            game.end_week()
            busy = next(
                (
                    a
                    for a in game.obs.accounts
                    if len({v for _, k, _, v in a.history if k == "opportunity"}) >= 2
                    and any(k in ("won", "lost", "dropped") for _, k, _, _ in a.history)
                ),
                None,
            )
            if busy is not None:
                break
        assert busy is not None
        to_desk(app, "accounts")
        app.scene.account_file(busy)
        step(app, 4)
        body = " ".join(
            el.html_text for el in app.scene.modal_ui.elements if isinstance(el, UITextBox)
        )
        for _, kind, _, value in busy.history[-14:]:
            if kind in ("opportunity", "won", "lost", "dropped"):
                assert f"{game.tr(f'hist.{kind}')} {game.money(value)}" in body, (kind, body)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_planned_keep_promise_or_answer_says_whose_it_is(lang, tmp_path):
    """ "Keep promise 0.25 h" did not say whose promise or how much, and an answer's row
    did not say whose matter it answered. Each names the rep (and the promise its sum)."""
    from simulator.api import Answer, KeepPromise, MakePromise

    with game_at(tmp_path, lang) as app:
        game = app.game
        rep = game.obs.reps[1]
        assert game.add(MakePromise(rep.id, 5_000, "none", due_week=4)) is None
        answered = None
        for _ in range(20):
            game.end_week()
            answered = next(
                (m for m in game.obs.inbox if m.status == "open" and m.rep is not None), None
            )
            if answered is not None and game.obs.week >= 2:
                break
        assert answered is not None
        (promise,) = [p for p in game.obs.promises if p.status in ("open", "due")]
        assert game.add(KeepPromise(promise.id)) is None
        assert game.add(Answer(answered.id, answered.choices[0].id)) is None
        to_desk(app)
        rows = plan_rows(app)
        name, amount = game.narrator.rep(rep.id), game.money(5_000)
        assert any(name in row and amount in row for row in rows), rows
        asker = game.narrator.rep(answered.rep)
        assert any(game.tr("act.answer") in row and asker in row for row in rows), rows


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p15_a_promise_whose_condition_is_not_met_is_greyed_on_the_review_with_why(lang, tmp_path):
    """The review opened in a period's last week offered "Keep promise" for reps at 39% of
    quota on a promise "if they make quota"; the click was refused in words that did not
    say the quota was not made. The button is greyed, and its tip says how far off."""
    from simulator.api import MakePromise
    from simulator.ui.scenes import ReviewScene

    with game_at(tmp_path, lang) as app:
        game = app.game
        weeks = game.obs.period_weeks
        first_page = [r.id for r in game.obs.reps[:5]]  # the review's first page
        for i, rep in enumerate(first_page):  # each sum its own: each button its own text
            assert game.add(MakePromise(rep, 5_000 + 1_000 * i, "quota")) is None
        for _ in range(weeks - 1):  # to the period's last week: its review may open
            game.end_week()
        behind = [
            p
            for p in game.obs.promises
            if p.status == "open" and game.obs.rep(p.rep).attainment < 1.0
        ]
        assert behind  # five reps: somebody is short of quota
        promise = behind[0]
        app.switch(ReviewScene)
        step(app, 8)
        keep = game.tr("review.keep", amount=game.money(promise.amount))
        (button,) = [b for b in app.scene.ui.order if b.text == keep]
        assert "#refused" in button.object_ids
        made = game.obs.rep(promise.rep).attainment
        from simulator.texts import percent

        assert percent(made, lang) in button.tool_tip_text, button.tool_tip_text


def test_p1_quotas_set_for_the_next_period_are_not_planned_again_at_its_review(tmp_path):
    """Quotas planned for the next period in its predecessor's third week came back at the
    review: "Done" planned all eight again (8 × 0.25 h), and each rep's week then counted
    a quota set that nobody changed. A quota set already stands; one changed is planned."""
    from simulator.ui.scenes import ReviewScene

    with game_at(tmp_path) as app:
        game = app.game
        nxt = _next_quotas_set(game, 1_100_000)
        while game.obs.period < nxt:
            game.end_week()
        first = game.obs.reps[0]
        app.switch(ReviewScene)
        step(app, 8)
        line = app.scene.hours_text()  # no quota hours to come: each is set already
        app.scene.entries[first.id].set_text("1200")  # one changed: that one is planned
        app.scene.done()
        step(app, 4)
        planned = [p.action for p in game.plan if p.action.kind == "set_quota"]
        assert [(a.rep, a.amount) for a in planned] == [(first.id, 1_200_000)], planned
        assert "quotas" not in line


def test_p12_an_accounts_file_lists_its_open_deals(tmp_path):
    """ "Nothing on file yet" for an account with six open deals: the file never listed
    the deals open there. It lists each, with its stage, its rep and the customer's last
    word, biggest first."""
    from pygame_gui.elements import UITextBox

    with game_at(tmp_path) as app:
        game = app.game
        to_desk(app, "accounts")
        counts: dict[int, int] = {}
        for d in game.obs.deals:
            counts[d.account] = counts.get(d.account, 0) + 1
        busiest = max(counts, key=lambda k: (counts[k], -k))
        account = game.obs.accounts[busiest]
        app.scene.account_file(account)
        step(app, 4)
        body = " ".join(
            el.html_text for el in app.scene.modal_ui.elements if isinstance(el, UITextBox)
        )
        assert game.tr("acc.no_history") not in body
        deals = sorted((d for d in game.obs.deals if d.account == busiest), key=lambda d: -d.value)
        at = [body.find(game.money(d.value)) for d in deals]
        assert all(i >= 0 for i in at) and at == sorted(at), (at, body)


def test_p10_a_deal_chooser_marks_the_deals_gone_quiet_as_the_funnel_does(tmp_path):
    """The joint visit's list of deals said nothing of which had gone quiet: the funnel
    marks a deal unanswered for 15 days (⚠15) or 30 (×30), the chooser did not. Each
    deal's line in it carries the funnel's mark and days, and a deal that is fine none."""
    with game_at(tmp_path) as app:
        game = app.game
        to_desk(app)
        lever = app.scene.catalogue().lever("joint_visit", game.obs.reps[0].id)
        labels = {o.action.deal: app.scene.option_label(lever, o) for o in lever.options}
        marks = (game.tr("pipe.mark15"), game.tr("pipe.mark30"))
        offered = [game.obs.deal(i) for i in labels]
        quiet = [d for d in offered if d.stalled]
        assert quiet and len(quiet) < len(offered)
        for d in offered:
            marked = any(m in labels[d.id] for m in marks)
            assert marked == d.stalled, labels[d.id]
            if d.stalled:
                assert game.tr("pipe.days", days=d.days_since_touch) in labels[d.id]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_guided_weeks_goal_once_met_makes_way_for_the_plan_in_a_small_window(lang, tmp_path):
    """In the tutorial's third week, at 1024×640, the goal (its longest) and a plan of
    three actions that met it left room for one row of the plan: the rest scrolled out
    of sight under a goal already ticked. A goal met keeps a box of two lines (it
    scrolls); the plan shows every row."""
    from simulator.api import DevelopmentPlan, MotivationType, OneOnOne

    with game_at(tmp_path, lang, str(scenarios_dir() / "tutorial.yaml"), 7, (1024, 640)) as app:
        game = app.game
        for _ in range(2):
            game.end_week()
        by_type = {r.type: r.id for r in game.obs.reps}
        for action in (
            DevelopmentPlan(by_type[MotivationType.ACHIEVER]),
            OneOnOne(by_type[MotivationType.COMPETITOR]),
            OneOnOne(by_type[MotivationType.SERVICE]),
        ):
            assert game.add(action) is None
        to_desk(app)
        texts = [el.text for el in shown_in(app, "plan")]
        assert tr(lang, "tour.goal_done") in texts
        assert app.scene.plan_scroller is None, texts
        goal = html(tr(lang, "tour.types.goal"))
        boxes = [
            el
            for el in app.scene.regions["plan"].ui.elements
            if el.alive() and getattr(el, "html_text", "").replace("<br>", "") == goal
        ]
        assert boxes and boxes[0].rect.height >= 40  # still there, to scroll back to


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_guided_weeks_goal_once_met_shows_whole_where_the_column_has_room(lang, tmp_path):
    """In the tutorial's first week, at 1280×720, the goal met by two 1:1s was cut to two
    lines behind a scroll bar ("select a card on the left,") above half a column of
    nothing. Where the plan's rows leave room, a met goal shows whole."""
    from pygame_gui.elements import UITextBox

    from simulator.api import MotivationType, OneOnOne

    with game_at(tmp_path, lang, str(scenarios_dir() / "tutorial.yaml"), 7, (1280, 720)) as app:
        game = app.game
        by_type = {r.type: r.id for r in game.obs.reps}
        for rep_type in (MotivationType.COMPETITOR, MotivationType.ACHIEVER):
            assert game.add(OneOnOne(by_type[rep_type])) is None
        to_desk(app)
        assert tr(lang, "tour.goal_done") in [el.text for el in shown_in(app, "plan")]
        goal = html(tr(lang, "tour.talk.goal"))
        boxes = [
            el
            for el in app.scene.regions["plan"].ui.elements
            if isinstance(el, UITextBox) and el.alive() and el.html_text.replace("<br>", "") == goal
        ]
        assert boxes, "the goal is not on the desk"
        assert boxes[0].scroll_bar is None, "the goal met scrolls, with room to spare below"
        assert app.scene.plan_scroller is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p15_a_promise_owed_can_be_kept_from_the_review_in_a_small_window(lang, tmp_path):
    """At 1024×640 the review's rows had no room after the verdict's sides and the button
    to make a promise, and the button to keep one fallen due was left out: the screen
    that says "keep your promises" offered no way to, and the week's end broke them.
    Every promise owed has its button, whatever the window."""
    from simulator.api import MakePromise
    from simulator.ui.scenes import ReviewScene

    with game_at(tmp_path, lang, str(default_scenario_path()), 7, (1024, 640)) as app:
        game = app.game
        reps = [r.id for r in game.obs.reps[:3]]  # on the review's first page
        for rep in reps:
            assert game.add(MakePromise(rep, 3_000, "none")) is None
        for _ in range(game.obs.period_weeks):
            game.end_week()
        assert [p.status for p in game.obs.promises] == ["due"] * 3
        app.switch(ReviewScene)
        step(app, 8)
        keep = game.tr("review.keep", amount=game.money(3_000))
        buttons = [b for b in app.scene.ui.order if getattr(b, "text", None) == keep]
        assert len(buttons) == 3
        for b in buttons:
            assert b.rect.right <= app.size[0] and "#refused" not in b.object_ids
        click_at(app, buttons[0].rect.center)
        assert game.planned("keep_promise", promise=game.obs.promises[0].id)
        # planned, it says so whole (a lit button's bolder type cut it to "✓ Keeping it (…")
        step(app, 8)
        keeping = game.tr("review.keeping", amount=game.money(3_000))
        lit = [b for b in app.scene.ui.order if app.scene.ui.full_text.get(b) == keeping]
        assert lit and all(b.text == keeping for b in lit), [b.text for b in lit]


def test_a_window_opened_again_in_one_process_makes_its_widgets_as_the_first_did(
    tmp_path, monkeypatch
):
    """pygame_gui passes every widget's text through its translations, and a text with a
    dot in it ("Mr. Wang", "¥1.2M") is looked for on disk, in every folder on the search
    path; each window added pygame_gui's folder to that path again, so the third window
    of a process looked three times for each such widget, the hundredth a hundred."""
    import os

    from pygame_gui.elements import UILabel

    looked = []
    listdir = os.listdir
    monkeypatch.setattr(os, "listdir", lambda *a: looked.append(a) or listdir(*a))
    counts = []
    for _ in range(3):
        app = App(lang="en", saves=tmp_path / "saves", seed=1)
        try:
            looked.clear()
            UILabel(pygame.Rect(0, 0, 300, 30), "Mr. Wang closed ¥1.2M.", manager=app.manager)
            counts.append(len(looked))
        finally:
            app.close()
    assert counts[0] <= 2 and counts[2] == counts[0], counts  # its language, then English


@pytest.mark.parametrize(
    ("screen", "window"),
    [((1024, 640), (1024, 640)), ((1366, 768), (1280, 720)), ((1920, 1080), (1280, 720))],
)
def test_the_window_opens_no_larger_than_the_screen(screen, window, tmp_path, monkeypatch):
    """On a 1024×640 screen the game opened at 1280×720: the scenario picker was cut off
    on every side until the window was resized by hand. The window opens as large as the
    default where the screen has room, else as the screen allows (never below the
    smallest size the desk is laid out for)."""
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "x11")
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [screen])
    app = App(lang="en", saves=tmp_path / "saves", seed=1)
    try:
        assert app.size == window
        assert app.screen.get_size() == window
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_contact_made_today_reads_today_not_zero_days_ago(lang, tmp_path):
    """The accounts list said "0 天前" ("0 days ago") for a customer heard from on the
    day: it says "today", and an account's file says its open deal was last heard today."""
    with game_at(tmp_path, lang) as app:
        to_desk(app, "accounts")
        ago = app.scene.contact_ago()
        assert 0 in ago.values()  # the inherited funnel was heard from on the first day
        texts = [el.text for el in shown_in(app, "centre")]
        zero = tr(lang, "acc.days_ago", days=0)
        assert zero not in texts and tr(lang, "acc.today") in texts, texts
        heard = next(d for d in app.game.obs.deals if d.days_since_touch == 0)
        account = app.game.obs.accounts[heard.account]
        app.scene.account_file(account)
        step(app, 4)
        shown = " ".join(
            getattr(el, "html_text", None) or getattr(el, "text", "")
            for el in app.scene.modal_ui.elements
        )
        assert "0 d ago" not in shown and "0 天前" not in shown, shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_quotas_tab_shows_what_each_rep_has_booked_in_the_running_period(lang, tmp_path):
    """Planning the next period's quotas at 1024×640, the Chinese tab read "第 1 期（进行中）：
    指标 ¥…" on every row: the booked amount, what the next quota is weighed against,
    showed only when pointed at. The running period's line keeps it in sight."""
    with game_at(tmp_path, lang, str(default_scenario_path()), 7, (1024, 640)) as app:
        game = app.game
        for _ in range(game.obs.period_weeks - 2):
            game.end_week()
        to_desk(app, "quotas")
        assert app.scene.quota_period() != game.obs.period  # the next period is planned
        labels = [el for el in shown_in(app, "centre") if el.alive()]
        for rep in game.obs.reps:
            booked = game.money(rep.booked)
            assert any(booked in el.text and "…" not in el.text for el in labels), (
                booked,
                [el.text for el in labels],
            )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_answer_in_the_inbox_shows_its_words_and_cost_whole_or_when_pointed_at(lang, tmp_path):
    """At 1024×640 a Chinese answer read "…摸清对方的真实意向（2…": the hours it takes were
    cut off, and pointing at it told the cost but not the rest of the answer. An answer
    too long for the button's type takes the smaller one; one too long even for that
    shows its whole words, cost and all, when pointed at."""
    long = {
        "en": "Use the 1-15-30 rule: call the buyer with {rep} and test intent",
        "zh": "按“1、15、30法则”，和{rep}一起给客户打电话，摸清对方的真实意向",
    }
    longer = {"en": long["en"] * 3, "zh": long["zh"] * 3}
    path = tmp_path / "answers.yaml"
    path.write_text(
        "extends: default\nweeks: 4\nperiod_weeks: 4\nteam_target: [900000]\nevents:\n"
        "  - id: call\n    title: {en: A quiet customer, zh: 客户没了动静}\n"
        "    message: {en: The customer has gone quiet., zh: 客户已经不再回音。}\n"
        "    trigger: {week: 1, rep: Chen Jing}\n"
        "    choices:\n"
        + "".join(
            f"      - {{id: {k}, text: {{en: '{t['en']}', zh: '{t['zh']}'}}, "
            f"effects: {{hours: {h}}}}}\n"
            for k, t, h in (("a", long, 2), ("b", longer, 1))
        ),
        encoding="utf-8",
    )
    with game_at(tmp_path, lang, str(path), 3, (1024, 640)) as app:
        to_desk(app, "inbox")
        ui = app.scene.regions["centre"].ui
        buttons = {
            ui.full_text[el]: el
            for el in ui.elements
            if isinstance(el, UIButton) and el.alive() and el in ui.full_text
        }
        name = app.game.narrator.rep(next(r.id for r in app.game.obs.reps if r.name == "Chen Jing"))
        said = long[lang].format(rep=name)
        cut = next(t for t in buttons if t.startswith(said * 2))
        whole = next(t for t in buttons if t.startswith(said) and t != cut)
        assert buttons[whole].text == whole, buttons[whole].text  # the cost and all
        assert buttons[cut].text != cut
        assert html(cut) in buttons[cut].tool_tip_text, buttons[cut].tool_tip_text


def test_two_accounts_a_narrow_funnel_would_cut_alike_are_told_apart(tmp_path):
    """At 1024×640 the funnel read "Lianhua Te…" on two rows, Lianhua Textiles and Lianhua
    Technology: no telling them apart without pointing at each. Names cut alike take
    their first words as initials ("L. Textiles"); other names are cut as before, and
    every cut name shows whole when pointed at."""
    from types import SimpleNamespace

    with game_at(tmp_path, "en", str(default_scenario_path()), 7, (1024, 640)) as app:
        to_desk(app, "pipeline")
        scene = app.scene
        width = scene.pipe_cols(scene.regions["centre"].rect.w - 16)[0][1] - 4
        names = ["Lianhua Textiles", "Lianhua Technology", "Jinma Chemicals", "Ruida"]
        deals = [
            SimpleNamespace(id=i, big=False, account_name=n, account_name_zh=n)
            for i, n in enumerate(names)
        ]
        shown = scene.names_that_fit(scene.regions["centre"].ui, deals, width)
        assert shown[0] != shown[1] and shown[0].startswith("L. T"), shown
        assert shown[2].startswith("Jinma") and shown[2].endswith("…"), shown
        assert shown[3] == "Ruida"
        cut = [el for el in shown_in(app, "centre") if el.text.endswith("…") and el.rect.x < 300]
        assert cut and all(el.tool_tip_text for el in cut)


def test_p06_the_mentor_chooser_says_who_already_mentors_another_newcomer(tmp_path):
    """The chooser offered 黄芳 as 何涛's mentor with no word that she already mentors 刘洋:
    a second newcomer halves what each gets. The option says so."""
    from simulator.api import AssignMentor

    team = tmp_path / "two_newcomers.yaml"
    team.write_text(
        "extends: default\nevents: []\nreps:\n"
        "  - {name: Wang Lei, type: competitor, tenure_years: 6}\n"
        "  - {name: Huang Fang, type: service, tenure_years: 5}\n"
        "  - {name: He Tao, type: achiever, tenure_years: 0.3}\n"
        "  - {name: Liu Yang, type: ego_driven, tenure_years: 0.2}\n",
        encoding="utf-8",
    )
    with game_at(tmp_path, "en", str(team)) as app:
        game = app.game
        novices = [r for r in game.obs.reps if r.novice]
        seniors = [r for r in game.obs.reps if not r.novice]
        assert len(novices) >= 2 and seniors
        mentor = next(
            s
            for s in seniors
            if game.why_not(AssignMentor(s.id, novices[0].id)) is None and s.mentee is None
        )
        assert game.add(AssignMentor(mentor.id, novices[0].id)) is None
        game.end_week()
        to_desk(app)
        lever = app.scene.catalogue().lever("mentor", novices[1].id)
        labels = [app.scene.option_label(lever, o) for o in lever.options]
        mine = [x for x in labels if x.startswith(game.narrator.rep(mentor.id) + " →")]
        assert mine and f"(mentors {game.narrator.rep(novices[0].id)} already)" in mine[0], labels


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_narrow_funnels_heading_keeps_its_count_and_worth(lang, tmp_path):
    """At 1024×640 the funnel's heading read "Wang Lei: 17 open dea…": the number of
    deals and their worth, what the heading is for, were cut off. A shorter form keeps
    both; the whole heading shows when pointed at."""
    with game_at(tmp_path, lang, size=(1024, 640)) as app:
        to_desk(app, "pipeline")
        rep = app.game.obs.rep(app.scene.selected)
        worth = app.game.money(sum(d.value for d in rep.deals))
        heads = [el for el in shown_in(app, "centre") if worth in el.text]
        assert heads and "…" not in heads[0].text, [el.text for el in shown_in(app, "centre")]
        assert str(len(rep.deals)) in heads[0].text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_reviews_instructions_fit_a_small_window(lang, tmp_path):
    """At 1024×640 the review's line of instructions read "…; keep what you p…": cut at
    the promises it was telling the player to keep. A shorter line says it whole."""
    from simulator.ui.scenes import ReviewScene

    with game_at(tmp_path, lang, size=(1024, 640)) as app:
        game = app.game
        for _ in range(game.obs.period_weeks - 1):  # the period's last week
            game.end_week()
        app.switch(ReviewScene)
        step(app, 8)
        said = {tr(lang, "review.intro_ending"), tr(lang, "review.intro_short")}
        lines = [el.text for el in app.scene.ui.elements if isinstance(el, UILabel)]
        assert said & set(lines), lines  # whole, the long way or the short


def test_the_team_lists_page_buttons_stay_where_they_were_on_its_last_page(tmp_path):
    """A team longer than the window pages with ▲ and ▼. On a last page with fewer
    cards the two buttons rose to just below them, so a player clicking ▼ and then ▲
    where ▼ had been clicked a card instead. They keep their place on every page."""
    with game_at(tmp_path, size=(1024, 768)) as app:  # eight reps, five to a page
        to_desk(app)
        cards = len(app.scene.card_rects)
        first = (find(app, "▲", exact=True).rect.copy(), find(app, "▼", exact=True).rect.copy())
        pages = 1
        while find(app, "▼", exact=True).is_enabled:
            click(app, "▼", exact=True)
            pages += 1
        assert pages > 1
        last = (find(app, "▲", exact=True).rect, find(app, "▼", exact=True).rect)
        assert len(app.scene.card_rects) < cards  # the last page is shorter
        assert last == first


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_rep_with_more_kinds_of_hint_than_the_desk_shows_says_so(lang, tmp_path):
    """The card said "(5 hints)" while the desk listed three under "Hints:", as if the
    rest had never been heard. The desk says the three are the latest, and pointing at
    them lists every hint so far."""
    heard = (
        "wants_leaderboard",
        "asked_for_harder_goal",
        "wants_title",
        "hates_losing_deal",
        "wants_to_learn_new_skill",
    )
    with game_at(tmp_path, lang) as app:
        rep = app.game.session.world.reps[0]
        rep.hints.extend((1, key, key) for key in heard)
        app.game.refresh()
        to_desk(app)
        app.scene.select(rep.id)
        step(app, 8)
        box = next(
            el
            for el in app.scene.regions["centre"].ui.elements
            if el.alive() and el.get_object_ids()[-1] == "#hints"
        )
        first = tr(lang, f"hint.{heard[0]}")
        assert first not in box.html_text and tr(lang, f"hint.{heard[-1]}") in box.html_text
        latest = tr(lang, "detail.hints_latest", hints="").strip()
        assert box.html_text.startswith(latest), box.html_text
        tip = box.tool_tip_text or ""
        assert all(tr(lang, f"hint.{k}") in tip for k in heard), tip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_funnels_count_by_stage_and_its_legend_fit_a_small_window(lang, tmp_path):
    """At 1024×640 the line under the funnel's heading ended "expected ¥4.95M (v…" and
    the legend "✓ chance…": the marks a player must read the rows by were cut. Shorter
    forms say them whole (the long ones when pointed at)."""
    with game_at(tmp_path, lang, size=(1024, 640)) as app:
        for _ in range(3):
            app.game.end_week()
        to_desk(app, "pipeline")
        rep = app.game.obs.rep(app.scene.selected)
        worth = app.game.money(sum(d.win_chance * d.value for d in rep.deals))
        lines = [el.text for el in shown_in(app, "centre")]
        stages = [t for t in lines if worth in t]
        legend = [t for t in lines if t.startswith("⚠15")]
        assert stages and legend, lines
        assert "…" not in stages[0] and "…" not in legend[0], (stages, legend)
        for mark in ("⚠15", "×30", "✓", "★"):
            assert mark in legend[0]


def _review_results(app, lang, ended: bool = False) -> dict[int, str]:
    """The review's result line of each rep on the page shown: "long" (the amounts),
    "short" (the share of quota), "none" (no quota), or the text itself if none of these;
    ``ended``: the review of a period just ended (its results on file)."""
    game = app.game
    texts = [el.text for el in app.scene.ui.elements if isinstance(el, UILabel) and el.alive()]
    found = {}
    for rep in game.obs.reps:
        name = rep_name(rep, lang)
        mine = [t for t in texts if t.startswith(f"{name}:") or t.startswith(f"{name}：")]
        if not mine:
            continue
        quota, booked = rep.history[-1] if ended else (rep.quota, rep.booked)
        forms = {
            "long": tr(
                lang,
                "review.result" if ended else "review.result_so_far",
                name=name,
                booked=game.money(booked),
                quota=game.money(quota),
                pct=percent(booked / quota if quota else 0.0, lang),
            ),
            "short": tr(
                lang,
                "review.result_pct",
                name=name,
                pct=percent(booked / quota if quota else 0.0, lang),
            ),
            "none": tr(lang, "review.result_no_quota", name=name, booked=game.money(booked)),
            "none_short": tr(lang, "review.result_no_quota_short", name=name),
        }
        found[rep.id] = next((k for k, v in forms.items() if v == mine[0]), mine[0])
        found[rep.id] = found[rep.id].replace("none_short", "none")
    return found


@pytest.mark.parametrize("ended", [False, True])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_reviews_results_are_all_told_the_same_way(lang, ended, tmp_path):
    """At 1024×640 the review told "Zhang Wei: 149% of quota" next to "Liu Yang: ¥981k of
    ¥830k (118%)": each row took the longer form where its own words fitted. One form
    for the page, the amounts when pointed at; and a newcomer without a quota this
    period reads "no quota", not "¥0 of ¥0 (0%)"."""
    from simulator.ui.scenes import ReviewScene

    with game_at(tmp_path, lang, size=(1024, 640)) as app:
        game = app.game
        # the period's last week, or the next one's first (the period ended)
        for _ in range(game.obs.period_weeks - (0 if ended else 1)):
            if ended and game.obs.week_in_period == game.obs.period_weeks - 1:
                # a newcomer without a quota, in the period reviewed
                world = game.session.world
                world.reps[1].quotas[world.period] = 0.0
            game.end_week()
        newcomer = game.session.world.reps[1]
        if not ended:
            newcomer.quotas[game.session.world.period] = 0.0
        game.refresh()
        app.switch(ReviewScene)
        step(app, 8)
        seen: dict[int, str] = {}
        while True:
            page = _review_results(app, lang, ended)
            assert page, "no result lines found"
            seen.update(page)
            # one form on the page, and on every page (a review paged through reads as one)
            forms = {f for rid, f in seen.items() if rid != newcomer.id}
            assert forms <= {"long", "short"} and len(forms) == 1, seen
            nxt = [
                el for el in app.scene.ui.elements if isinstance(el, UIButton) and el.text == "▶"
            ]
            if not nxt or not nxt[0].is_enabled:
                break
            click_at(app, nxt[0].rect.center)
            step(app, 8)
        assert seen.get(newcomer.id) == "none", seen


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_planned_item_that_costs_hours_and_money_shows_both_in_the_plan(lang, tmp_path):
    """An assessment costs half an hour and ¥3k; the plan showed "0.5 h" alone, so the
    budget fell from ¥60k to ¥44k over a week with no item saying where the money
    went. An item that costs both shows both."""
    from simulator.api import Skill, StrengthsAssessment, TeamTraining

    with game_at(tmp_path, lang) as app:
        game = app.game
        rep = game.obs.reps[0].id
        assert game.add(StrengthsAssessment(rep)) is None
        assert game.add(TeamTraining(Skill.PROSPECTING)) is None
        to_desk(app)
        rows = plan_rows(app)
        for hours, money in ((0.5, 3_000.0), (4.0, 8_000.0)):
            said = (game.tr("cost.hours", hours=f"{hours:g}"), game.money(money))
            assert any(all(x in row for x in said) for row in rows), (said, rows)
        full = app.scene.ui.full_text
        for el in shown_in(app, "plan"):  # as drawn: whole, not cut
            assert el.text.strip() == full.get(el, el.text).strip(), el.text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_greyed_choice_keeps_its_reason_whole_in_a_small_window(lang, tmp_path):
    """The support chooser greyed a deal already asked for this week with its reason at
    the end, and at 1024×640 the reason was what was cut ("— already in this week'…"):
    the choice's own words give way instead, and the reason is read whole."""
    from simulator.api import RequestSupport

    with game_at(tmp_path, lang, size=(1024, 640)) as app:
        game = app.game
        to_desk(app)
        scene = app.scene
        rep = game.obs.rep(scene.selected)
        lever = scene.catalogue().lever("request_support", rep.id)
        # the help that fits best, which the chooser lists first
        first = max(
            (o for o in lever.options if o.refusal is None),
            key=lambda o: sum(w for _, w in scene.support_marks(*scene._deal_pool(o))),
        )
        assert game.add(first.action) is None
        lever = scene.catalogue().lever("request_support", rep.id)
        refused = [o for o in lever.options if o.refusal is not None]
        assert refused
        scene.choose_option(lever)
        step(app, 4)
        why = {game.narrator.refusal(o.refusal) for o in refused}
        greyed = [
            el.text
            for el in scene.modal_ui.elements
            if isinstance(el, UIButton) and not el.is_enabled and el.text not in ("◀", "▶")
        ]
        assert greyed
        for text in greyed:
            assert any(text.endswith(f" — {w}") for w in why), text
        assert isinstance(first.action, RequestSupport)


def test_a_live_choice_cut_short_keeps_its_deal_whole_and_ends_at_a_word(tmp_path):
    """At 1024×640 the support chooser cut its longest live rows at the window's edge,
    mid-word ("… ✓ fits this stage · ◆ the stage this customer de…"), whole only when
    pointed at. The deal's account, value and stage (and the help asked) are read
    whole; the last notes give way, each after a whole word."""
    from simulator.ui.typeset import units

    with game_at(tmp_path, size=(1024, 640)) as app:
        game = app.game
        to_desk(app)
        scene = app.scene
        lever = scene.catalogue().lever("request_support", scene.selected)
        options = {scene.option_label(lever, o): o.action for o in lever.options}
        scene.choose_option(lever)
        step(app, 4)
        full = scene.ui.full_text
        live = [
            el
            for el in scene.modal_ui.elements
            if isinstance(el, UIButton) and el.is_enabled and full.get(el) in options
        ]
        cut = [el for el in live if el.text != full[el]]
        assert cut, [el.text for el in live]  # the first page has rows too long for the window
        for el in cut:
            whole = full[el]
            assert el.text.endswith("…"), el.text
            shown = el.text[:-1]
            action = options[whole]
            deal, pool = game.obs.deal(action.deal), game.tr(f"pool.{action.pool.value}")
            asked = f"{scene.deal_text(deal)} · {pool}"
            assert shown.startswith(asked), el.text
            # it stops where a word does: the rest starts a word of its own
            rest = whole[len(shown) :]
            assert whole.startswith(shown) and rest, (el.text, whole)
            assert "".join(units(whole)[: len(units(shown))]) == shown, (el.text, whole)


def test_the_chinese_header_says_the_hours_are_those_left_in_a_small_window(tmp_path):
    """At 1024×640 the Chinese header read "30/40 小时": thirty of forty hours, used or
    left? The English says "h left"; the Chinese says 剩 (left) too."""
    with game_at(tmp_path, "zh", size=(1024, 640)) as app:
        to_desk(app)
        hours = f"{app.game.hours_left:g}/{app.game.obs.hours_per_week:g}"
        shown = [el.text for el in shown_in(app, "header") if hours in el.text]
        assert shown and all("剩" in t for t in shown), shown


def test_the_quotas_list_shows_whole_rows_at_its_foot_in_chinese(tmp_path):
    """In Chinese at 1024×640, planning the next period's quotas, each row is two lines
    (this period so far, then the record), and the list's foot cut the last row's lower
    line in half, on opening and again when Tab scrolled to the next field. The list is
    as tall as a whole number of rows, and a field tabbed to shows its whole row."""
    from gui import key

    with game_at(tmp_path, "zh", size=(1024, 640)) as app:
        for _ in range(2):
            app.game.end_week()
        to_desk(app, "quotas")
        entries = list(app.scene.quota_entries.values())
        inner = entries[0].ui_container  # the rows' container, inside the list's view
        assert inner.get_rect().height > inner.ui_container.get_rect().height  # it scrolls
        view = pygame.Rect(inner.ui_container.get_rect())
        rows = [el for el in shown_in(app, "centre") if el.ui_container is inner]
        assert any(el.rect.top - entries[0].rect.top > 12 for el in rows[:4])  # two lines

        def cut() -> list[str]:
            return [el.text for el in rows if 0 < el.rect.clip(view).height < el.rect.height]

        assert not cut()
        app.set_focus(entries[0])
        step(app, 2)
        for field in entries[1:]:
            key(app, pygame.K_TAB)
            step(app, 4)
            assert app._focus is field
            assert not cut(), (field.get_text(), cut())


def test_tabbing_through_the_quotas_scrolls_each_field_into_view(tmp_path):
    """At 1024×640 the Quotas tab holds seven rows and scrolls for the eighth: Tab from
    the seventh field moved the keyboard to the eighth, out of sight, so a player typed
    a quota they could not see. The field tabbed to is scrolled into view."""
    from gui import key

    with game_at(tmp_path, size=(1024, 640)) as app:
        to_desk(app, "quotas")
        entries = list(app.scene.quota_entries.values())
        inner = entries[0].ui_container  # the rows' container, inside the list's view
        assert inner.get_rect().height > inner.ui_container.get_rect().height  # it scrolls
        view = pygame.Rect(inner.ui_container.get_rect())
        app.set_focus(entries[0])
        step(app, 2)
        for field in entries[1:]:
            key(app, pygame.K_TAB)
            step(app, 4)
            assert app._focus is field
            visible = field.rect.clip(view).height
            assert visible == field.rect.height, (field.rect, view)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_enter_on_a_button_whose_region_is_built_again_keeps_the_keyboard_on_it(tmp_path, lang):
    """The region a pressed button sits in is built again over several frames. Focus was
    given back by place in the Tab order at every frame, and wandered as the region filled:
    Enter on "Plan these quotas" left it on "Hire", then a rep, then the first quota field
    (and the next Tab somewhere out of sight). It now stays on the button built in its
    place, on screen."""
    label = tr(lang, "quota.apply")
    with game_at(tmp_path, lang, size=(1024, 640)) as app:
        to_desk(app, "quotas")
        app.set_focus(find(app, label, exact=True))
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
        )
        step(app, 2)
        assert not app.busy
        at = app.focused_index()
        button = app.focusables()[at] if at is not None else None
        assert isinstance(button, UIButton) and button.text == label, button
        assert button.alive() and app.screen.get_rect().contains(button.rect)
        assert any(p.action.kind == "set_quota" for p in app.game.plan)  # it did plan them


def _focused(app):
    at = app.focused_index()
    return app.focusables()[at] if at is not None else None


def test_a_tab_clicked_with_the_mouse_takes_the_keyboard_never_a_remove_button(tmp_path):
    """After Enter on "Plan these quotas", a click on the Inbox tab left the keyboard on
    the plan list's "×" of a planned quota (by its place in the Tab order): the next
    Enter took the quota back, with no word. What is clicked now has the keyboard."""
    with game_at(tmp_path, "en", size=(1024, 640)) as app:
        to_desk(app, "quotas")
        app.set_focus(find(app, tr("en", "quota.apply"), exact=True))
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
        )
        step(app, 2)
        planned = len(app.game.plan)
        assert planned > 0
        click(app, "Inbox")
        focused = _focused(app)
        assert isinstance(focused, UIButton) and focused.text.startswith("Inbox"), focused
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
        )
        step(app, 2)
        assert len(app.game.plan) == planned  # nothing was taken back


def test_a_field_clicked_into_is_the_one_in_focus_and_tab_goes_on_from_it(tmp_path):
    with game_at(tmp_path, "en", size=(1024, 640)) as app:
        to_desk(app, "quotas")
        app.set_focus(find(app, "Hire"))
        fields = [el for el in app.focusables() if isinstance(el, UITextEntryLine)]
        click_at(app, fields[0].rect.center)
        assert _focused(app) is fields[0]
        assert not find(app, "Hire").is_selected  # one focus on screen, not two
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="\t", scancode=0)
        )
        step(app, 2)
        assert _focused(app) is fields[1]


def test_a_greyed_button_with_the_keyboard_still_looks_greyed(tmp_path):
    """Tabbing onto a greyed lever (it is reachable: Enter says why it is closed) lit it
    solid blue, the look of a live focused button; it stays grey, outlined."""
    with game_at(tmp_path, "en", scenario=str(scenarios_dir() / "tutorial.yaml")) as app:
        to_desk(app)
        greyed = [el for el in app.focusables() if "#refused" in el.object_ids]
        live = [el for el in app.focusables() if isinstance(el, UIButton) and el not in greyed]
        assert greyed and live
        for el, looks_live in ((live[0], True), (greyed[0], False)):
            app.set_focus(el)
            step(app, 2)
            r, g, b, _ = app.screen.get_at((el.rect.left + 6, el.rect.top + 6))
            assert (r + g + b < 500) is looks_live, (el.text, (r, g, b))
