"""Trainers' reports from saved games: one game, a class, and the replay window."""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

import pygame
import pytest
from gui import header, key, step

from simulator.cli import main
from simulator.lessons import FOLLOWED, LESSONS, UNTESTED, debrief
from simulator.narrate import Narrator
from simulator.saves import open_save
from simulator.scenario import scenarios_dir
from simulator.texts import tr
from simulator.ui.app import App
from simulator.ui.replay import Replay
from simulator.ui.scenes import ReplayScene

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import report_screenshot

POLICIES = ("by_the_book", "pressure_cooker", "hands_off", "promise_breaker")


@pytest.fixture(scope="module")
def saves(tmp_path_factory) -> dict[str, Path]:
    """Scripted games of the tutorial, saved in the game's format, one per policy."""
    folder = tmp_path_factory.mktemp("saves")
    out = {}
    for i, policy in enumerate(POLICIES):
        path = folder / f"{policy}.json"
        args = ["run", "--scenario", "tutorial", "--policy", policy, "--seed", str(3 + i)]
        assert main([*args, "--quiet", "--save", str(path)]) == 0
        out[policy] = path
    return out


@pytest.fixture(scope="module")
def class_report(saves, tmp_path_factory) -> Path:
    """The class report of every saved game, in English, drawn on one process (the
    tests only read it)."""
    out = tmp_path_factory.mktemp("class")
    paths = [str(p) for p in saves.values()]
    assert main(["class", *paths, "--out", str(out), "--jobs", "1"]) == 0
    return out


@pytest.fixture(scope="module")
def one_report(saves, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    assert main(["report", str(saves["pressure_cooker"]), "--out", str(out)]) == 0
    return out / "report.html"


def test_a_report_holds_the_scorecard_every_rep_and_the_lessons(one_report, saves):
    page = one_report.read_text(encoding="utf-8")
    _, session = open_save(saves["pressure_cooker"])
    # the scorecard, each component with its rule and this game's numbers
    assert "id='scorecard'" in page
    nar = Narrator(session.observe(), "en")
    for c in session.score().components:
        assert nar.working(c) in page.replace("&gt;", ">").replace("&lt;", "<")
    assert f"{session.score().total:.1f}" in page
    # every rep who ever worked here has a story
    for rep in session.world.reps:
        assert f"id='rep-{rep.id}'" in page and rep.name in page
    # every lesson, with its verdict
    assert "id='lessons'" in page
    for lesson in LESSONS:
        assert f"<tr id='{lesson}'>" in page
    # the handbook on the same seed, and a week-by-week timeline
    assert "By the book" in page
    assert page.count("<tr><td class='num'>") >= session.scenario.weeks
    # the charts, as files and inlined
    for name in ("revenue.png", "people.png", "pipeline.png"):
        png = one_report.parent / name
        assert png.exists() and png.stat().st_size > 5_000
        assert f"href='{name}'" in page
    assert page.count("data:image/png;base64,") == 3


def test_the_report_names_what_went_wrong_concretely(one_report):
    page = one_report.read_text(encoding="utf-8")
    # pressure_cooker criticises in public every week: the moments are in the report
    assert re.search(r"wk \d+: \w[\w ]* was criticised in public", page)
    assert "× missed" in page


def test_a_report_in_chinese(saves, tmp_path):
    assert main(["report", str(saves["hands_off"]), "--out", str(tmp_path), "--lang", "zh"]) == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<html lang='zh-CN'>" in page
    assert "计分卡" in page and "管理要点" in page and "逐周回顾" in page
    assert "王磊" in page  # reps by their Chinese names
    assert re.search(r"保存于 \d{4}年\d{1,2}月\d{1,2}日", page)  # a date as Chinese writes it
    # the typeface travels with a Chinese report, for machines without a Chinese font
    assert (tmp_path / "NotoSansSC-Regular-subset.otf").exists()
    assert "@font-face{font-family:'Noto Sans SC';src:url('NotoSansSC-Regular-subset.otf')" in page


def test_a_class_report_ranks_the_group_and_finds_the_common_mistakes(saves, class_report):
    page = (class_report / "index.html").read_text(encoding="utf-8")
    # the league table: best first, each player's report linked and written
    order = [m for m in re.findall(r"<a href='players/([^/]+)/report.html'>", page)]
    assert order[0] == "by_the_book" and set(order) == set(POLICIES)
    for name in order:
        assert (class_report / "players" / name / "report.html").exists()
    # the distribution, and the lessons grid, as files
    assert (class_report / "scores.png").exists() and (class_report / "lessons.png").exists()
    # what the group missed, and the mistakes most of them made, with an example each
    assert "id='group-lessons'" in page and "id='mistakes'" in page
    assert "P8 Talk regularly" in page  # three of four never held 1:1s
    assert "for example:" in page
    # a count of nobody is never listed ("missed by 0 and partly followed by 3")
    group = page.split("id='group-lessons'")[1].split("id='mistakes'")[0]
    lines = re.findall(r"<li class='missed'>([^<]+)</li>", group)
    assert lines and not [x for x in lines if re.search(r"\bby 0\b", x)]
    assert all(x.endswith("of 4 players") for x in lines)
    # a mistake is never a moment the handbook would have had the same
    mistakes = page.split("id='mistakes'")[1]
    assert "as the handbook would" not in mistakes
    # one line a lesson ("P4 …: 2 of 3 players" came twice), each example a moment of
    # a week ("wk 5: …"), not a count of the whole game ("Public criticisms: 66")
    lessons = re.findall(r"<li><b>(P\d+) ", mistakes)
    assert lessons and len(lessons) == len(set(lessons)), lessons
    examples = re.findall(r"for example: [^:<]+: ([^<]+)</li>", mistakes)
    assert examples and all(x.startswith("wk ") for x in examples), examples
    # the lessons followed, of those each game could test
    for policy, path in saves.items():
        _, session = open_save(path)
        found = debrief(session.record()).findings
        followed = sum(1 for f in found if f.status == FOLLOWED)
        tested = sum(1 for f in found if f.status != UNTESTED)
        row = re.search(rf"players/{policy}/report.html'>.*?</tr>", page).group(0)
        assert f"<td class='num'>{followed} / {tested}</td>" in row, (policy, row)


def test_a_players_report_names_them_as_the_class_page_does(saves, tmp_path):
    """The class page listed "anna" and her report said "Player pressure_cooker": the
    policy that played the save stood for the player. The report names the player as the
    class page does, and says which policy played for them."""
    anna = tmp_path / "anna.json"
    shutil.copy(saves["pressure_cooker"], anna)
    out = tmp_path / "class"
    assert main(["class", str(anna), str(saves["by_the_book"]), "--out", str(out)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<a href='players/anna/report.html'>anna</a>" in page
    report = (out / "players" / "anna" / "report.html").read_text(encoding="utf-8")
    meta = re.search(r"<p class='meta'>([^<]*)</p>", report).group(1)
    assert meta.startswith("Player anna (played by the pressure_cooker policy) · "), meta


def test_players_whose_saves_share_a_name_are_told_apart_by_their_folders(saves, tmp_path):
    """The game names its saves by scenario and seed, so a class that played one seed
    hands in files of one name: the league table read "1 p … 2 p". Each player is named
    with as much of their folder as tells them apart."""
    for group, policy in (("group1", "by_the_book"), ("group2", "hands_off")):
        (tmp_path / group).mkdir()
        shutil.copy(saves[policy], tmp_path / group / "p.json")
    out = tmp_path / "class"
    words = ["class", str(tmp_path / "group1" / "p.json"), str(tmp_path / "group2" / "p.json")]
    assert main([*words, "--out", str(out)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<a href='players/group1_p/report.html'>group1/p</a>" in page
    assert "<a href='players/group2_p/report.html'>group2/p</a>" in page
    report = (out / "players" / "group2_p" / "report.html").read_text(encoding="utf-8")
    assert "Player group2/p (played by the hands_off policy)" in report


def test_a_class_report_refuses_saves_of_different_scenarios(saves, tmp_path, capsys):
    other = tmp_path / "other.json"
    assert main(["run", "--scenario", "default", "--quiet", "--save", str(other)]) == 0
    code = main(["class", str(saves["by_the_book"]), str(other), "--out", str(tmp_path / "c")])
    assert code == 2
    err = capsys.readouterr().err
    # which save is of which scenario: in a class of twenty, the odd one out is named
    assert "different scenarios" in err and f"in {other}" in err, err
    assert f"in {saves['by_the_book']}" in err, err


def test_a_save_of_another_scenario_version_is_refused_naming_both(tmp_path, capsys):
    mine = tmp_path / "tutorial.yaml"
    shutil.copy(scenarios_dir() / "tutorial.yaml", mine)
    save = tmp_path / "g.json"
    assert main(["run", "--scenario", str(mine), "--quiet", "--save", str(save)]) == 0
    # a compatible edit (the same version) still reports
    text = mine.read_text(encoding="utf-8")
    mine.write_text(text.replace("The market is calm.", "The market is quiet."), encoding="utf-8")
    assert main(["report", str(save), "--out", str(tmp_path / "ok")]) == 0
    # a new version of the scenario is refused, naming both versions
    mine.write_text(text.replace('version: "2"', 'version: "3"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(save), "--out", str(tmp_path / "no")]) == 2
    err = capsys.readouterr().err
    assert "version 2" in err and "version 3" in err
    assert not (tmp_path / "no" / "report.html").exists()


def test_replay_steps_through_the_weeks_by_keyboard(saves, tmp_path):
    save, session = open_save(saves["by_the_book"])
    app = App(lang="en", saves=tmp_path)
    try:
        app.switch(ReplayScene, replay=Replay(save, session, "en"))
        step(app)
        assert "Week 1 / 26" in header(app) and "read-only" in header(app)
        key(app, pygame.K_RIGHT)
        key(app, pygame.K_RIGHT)
        step(app)
        assert "Week 3 / 26" in header(app)
        key(app, pygame.K_LEFT)
        step(app)
        assert "Week 2 / 26" in header(app)
        # what the manager did that week, as logged
        did = next(el for el in app.scene.ui.elements if type(el).__name__ == "UITextBox")
        logged = [r for r in session.action_log if r.week == 2]
        assert logged and "1:1" in did.html_text
        key(app, pygame.K_END)
        step(app)
        assert "Week 26 / 26" in header(app)
        # nothing in a replay changes the save
        assert app.game is None
    finally:
        app.close()


def test_replay_shows_what_the_player_saw_that_week(saves):
    save, session = open_save(saves["hands_off"])
    rp = Replay(save, session, "zh")
    assert len(rp) == 26
    # the observation at week 10 is the one the game showed then: same as a fresh replay to it
    from simulator.session import Session

    fresh = Session.replay(session.scenario, save.seed, save.actions, weeks_played=9)
    assert rp.frames[9].obs.reps == fresh.observe().reps


@pytest.mark.skipif(report_screenshot.chromium() is None, reason="Chromium is not installed")
def test_the_report_opens_in_headless_chromium(one_report, tmp_path):
    # Chromium parses the page: the scorecard and the lessons are in its document
    document = report_screenshot.dom(one_report)
    assert 'id="scorecard"' in document and 'id="lessons"' in document
    shot = report_screenshot.screenshot(one_report, tmp_path / "report.png", 1280, 2400)
    img = pygame.image.load(str(shot))
    assert img.get_size() == (1280, 2400)
    small = pygame.transform.scale(img, (64, 120))
    colours = {small.get_at((x, y))[:3] for x in range(64) for y in range(120)}
    assert len(colours) > 20  # text, tables and charts, not a blank page


def test_a_damaged_save_gets_a_message_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "broken.json"
    bad.write_text('{"kind": "salesim-save", "format": 1', encoding="utf-8")
    assert main(["report", str(bad), "--out", str(tmp_path / "r")]) == 2
    assert "broken.json" in capsys.readouterr().err
    assert main(["replay", str(bad)]) == 2
    assert "broken.json" in capsys.readouterr().err


# what a Chinese report may show in Latin letters: a formula's symbols and names, the
# format of the charts, a policy's name standing for its player, an SVG/HTML's own words
LATIN_OK = {"min", "max", "end", "mean", "PNG", "HTML", "SVG"}


def _words(page: str, pattern: str) -> set[str]:
    body = page.split("<body", 1)[-1]
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)  # tags and their attributes
    body = re.sub(r"&[a-z]+;|&#\d+;", " ", body)
    return set(re.findall(pattern, body))


def test_the_chinese_reports_show_no_english_and_the_english_ones_no_chinese(saves, tmp_path):
    from simulator.policies import POLICIES

    names = set(POLICIES) | {p.stem for p in saves.values()}
    assert (
        main(["report", str(saves["hands_off"]), "--out", str(tmp_path / "g"), "--lang", "zh"]) == 0
    )
    paths = [str(p) for p in saves.values()]
    assert main(["class", *paths, "--out", str(tmp_path / "c"), "--lang", "zh"]) == 0
    for page in (tmp_path / "g" / "report.html", tmp_path / "c" / "index.html"):
        latin = _words(page.read_text(encoding="utf-8"), r"[A-Za-z]{2,}")
        left = {w for w in latin - LATIN_OK if not any(w in n for n in names)}
        assert left == set(), (page.name, sorted(left)[:20])
    # Chinese in Chinese brackets and commas: "面谈（王磊、李娜）", not "面谈 (王磊, 李娜)"
    book = (tmp_path / "c" / "players" / "by_the_book" / "report.html").read_text("utf-8")
    assert "（" in book and not re.search(r"[\u4e00-\u9fff] \([\u4e00-\u9fff]", book)
    assert main(["report", str(saves["hands_off"]), "--out", str(tmp_path / "e")]) == 0
    chinese = _words(
        (tmp_path / "e" / "report.html").read_text(encoding="utf-8"), r"[\u4e00-\u9fff]+"
    )
    assert chinese == set()


def test_a_class_report_leaves_out_a_damaged_save_and_says_so(saves, tmp_path, capsys):
    """A damaged save is left out, not the class; the page said "2 players" and nothing
    more, and the command ended with 0: a trainer (or their script) missed a player
    unawares. The page names it, and the command ends with 1, the page written."""
    broken = tmp_path / "broken.json"
    broken.write_text("{ not a save", encoding="utf-8")
    paths = [str(saves["by_the_book"]), str(broken), str(saves["hands_off"])]
    capsys.readouterr()
    assert main(["class", *paths, "--out", str(tmp_path / "c")]) == 1
    err = capsys.readouterr().err
    assert f"salesim: left out {broken}: this is not a salesim save" in err
    page = (tmp_path / "c" / "index.html").read_text(encoding="utf-8")
    assert page.count("players/") >= 2
    said = tr("en", "class.unread", n=1, files="broken.json")
    assert html.escape(said) in page


def test_a_class_report_counts_each_game_once(saves, tmp_path, capsys):
    """A save given twice, or a copy of it under another name, is one player, not two:
    the league table and the group's figures count the game once and say what was
    left out."""
    copy = tmp_path / "copy.json"
    copy.write_bytes(saves["by_the_book"].read_bytes())
    book, other = str(saves["by_the_book"]), str(saves["hands_off"])
    capsys.readouterr()
    assert main(["class", book, other, book, str(copy), "--out", str(tmp_path / "c")]) == 0
    err = capsys.readouterr().err
    assert f"salesim: left out {book}: given twice" in err
    assert f"salesim: left out {copy}: the same game as {book}" in err
    page = (tmp_path / "c" / "index.html").read_text(encoding="utf-8")
    said = tr("en", "class.copies", n=2, files=f"{Path(book).name}, copy.json")
    assert html.escape(said) in page
    assert sorted(p.name for p in (tmp_path / "c" / "players").iterdir()) == [
        "by_the_book",
        "hands_off",
    ]
    assert page.count("players/by_the_book/report.html") == 1


def test_a_class_report_on_two_processes_is_the_one_process_report_file_for_file(
    saves, class_report, tmp_path
):
    """The players' games are replayed and drawn on several processes at once: what
    the trainer gets is the same, file for file and byte for byte."""
    paths = [str(p) for p in saves.values()]
    assert main(["class", *paths, "--out", str(tmp_path), "--jobs", "2"]) == 0
    folders = {"1": class_report, "2": tmp_path}
    files = {
        jobs: sorted(p.relative_to(folder) for p in folder.rglob("*"))
        for jobs, folder in folders.items()
    }
    assert files["1"] == files["2"]
    pages = [f for f in files["1"] if f.name == "report.html"]
    assert len(pages) == len(paths)  # every player's own report
    for f in files["1"]:
        if (class_report / f).is_file():
            assert (class_report / f).read_bytes() == (tmp_path / f).read_bytes(), f


def test_a_class_of_saves_whose_scenario_files_differ_is_refused_before_anything_is_written(
    tmp_path, capsys
):
    """Two copies of one scenario, one edited since without a new version: the same
    title and version, but a class report compares games of one scenario. Refused
    before any game is replayed, and nothing is written."""
    saves = []
    for name, calm, seed in (("a", "The market is calm.", "4"), ("b", "The market is quiet.", "5")):
        folder = tmp_path / name
        folder.mkdir()
        text = (scenarios_dir() / "tutorial.yaml").read_text(encoding="utf-8")
        (folder / "tutorial.yaml").write_text(text.replace("The market is calm.", calm), "utf-8")
        save = folder / "g.json"
        run = ["run", "--scenario", str(folder / "tutorial.yaml"), "--seed", seed, "--quiet"]
        assert main([*run, "--save", str(save)]) == 0
        saves.append(str(save))
    capsys.readouterr()
    assert main(["class", *saves, "--out", str(tmp_path / "c")]) == 2
    assert "different scenarios" in capsys.readouterr().err
    assert not (tmp_path / "c" / "players").exists()


def test_ctrl_c_stops_a_class_report_at_once_and_leaves_only_whole_reports(saves, tmp_path):
    """A real Ctrl-C while the players' reports are being drawn on two processes: the
    command stops without waiting for the others, says so in one line, leaves no
    process behind, and each player's folder holds a whole report or is not there."""
    import os
    import signal
    import subprocess
    import time

    paths = [str(p) for p in saves.values()]
    for seed in range(4):  # a class of eight, so that most are still to do when stopped
        more = tmp_path / f"more{seed}.json"
        run = ["run", "--scenario", "tutorial", "--policy", "hands_off", "--seed", str(20 + seed)]
        assert main([*run, "--quiet", "--save", str(more)]) == 0
        paths.append(str(more))
    out = tmp_path / "c"
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", "class", *paths, "--out", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job
        # a test run started in the background inherits an ignored SIGINT; the command
        # is to be stopped as from a terminal, so it gets the usual Ctrl-C
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    while not (out / "players").exists():  # the first report is being drawn
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole group
    _, err = proc.communicate(timeout=120)  # a bound on a hang, not a measure of speed
    assert proc.returncode == 130, err
    assert err == "salesim: stopped (Ctrl-C)\n", err
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no worker left running
    assert not (out / "index.html").exists()
    folders = list((out / "players").iterdir())
    assert len(folders) < len(paths)  # stopped, not finished
    for folder in folders:
        names = sorted(p.name for p in folder.iterdir())
        assert names == ["people.png", "pipeline.png", "report.html", "revenue.png"], names


def test_the_report_written_from_the_debrief_names_the_player_in_the_games_language(tmp_path):
    """The debrief's own report names its player as the game does: "玩家 你" in a Chinese
    game, not the English word."""
    from simulator.policies import make_policy
    from simulator.scenario import load_scenario
    from simulator.session import Session
    from simulator.ui.game import Game
    from simulator.ui.scenes import DebriefScene

    path = scenarios_dir() / "tutorial.yaml"
    session = Session(load_scenario(path), 3, make_policy("by_the_book"))
    session.run()
    app = App(lang="zh", saves=tmp_path)
    try:
        app.game = Game(session, str(path), "zh", tmp_path / "game.json")
        app.switch(DebriefScene)
        step(app)
        app.scene.write_report()
        # said at once (the writing takes seconds), written over the frames that follow
        assert app.scene.note_label.text == tr("zh", "debrief.writing_report")
        step(app, 4)
        assert app.scene.note.startswith(tr("zh", "debrief.report_written", path="")[:4])
    finally:
        app.close()
    page = next(tmp_path.glob("reports/*/report.html")).read_text(encoding="utf-8")
    meta = re.search(r"<p class='meta'>([^<]*)</p>", page).group(1)
    assert meta.startswith("玩家 你 · "), meta
    assert not re.search(r"[A-Za-z]{3,}", meta), meta


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_a_reports_files_are_as_readable_as_any_new_file(saves, tmp_path, umask):
    """Every file was written owner-only (0600, a temporary file's mode, kept by the
    rename), whatever the umask: a report copied to a shared folder or a web server
    could not be opened. Now each file gets the mode any new file would."""
    import os
    import stat

    before = os.umask(umask)
    try:
        assert main(["report", str(saves["hands_off"]), "--out", str(tmp_path / "r")]) == 0
        assert main(["export", str(saves["hands_off"]), "--out", str(tmp_path / "t")]) == 0
    finally:
        os.umask(before)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 6  # the page, its three charts, the two tables
    for p in files:
        assert stat.S_IMODE(p.stat().st_mode) == 0o666 & ~umask, p


def test_a_class_report_stopped_mid_report_takes_back_what_that_report_wrote(
    saves, tmp_path, monkeypatch
):
    """Stopped while a player's charts were being drawn, a folder held a chart and no
    page. Each player's report is whole or not there; one finished before stays."""
    from simulator.report import charts, class_report

    real, calls = charts.people, []

    def people(*args, **kw):  # the second player's second chart: Ctrl-C
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kw)

    monkeypatch.setattr(charts, "people", people)
    paths = [str(p) for p in saves.values()]
    with pytest.raises(KeyboardInterrupt):
        class_report(paths, tmp_path / "c", jobs=1)
    players = tmp_path / "c" / "players"
    first, second = (Path(p).stem for p in paths[:2])
    assert sorted(p.name for p in (players / first).iterdir()) == [
        "people.png",
        "pipeline.png",
        "report.html",
        "revenue.png",
    ]
    assert not (players / second).exists()  # its revenue chart, drawn first, taken back
    assert sorted(p.name for p in players.iterdir()) == [first]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_report_stopped_while_it_writes_takes_back_what_it_wrote(
    saves, tmp_path, monkeypatch, capsys, lang
):
    """Ctrl-C while a report's charts were drawn left a chart and no page (and in Chinese
    the typeface). The report is whole or not there: in a folder it made, nothing is
    left; in one the trainer gave, what was there before stays as it was."""
    from simulator.report import charts

    real = charts.people

    def people(*args, **kw):  # the second chart: Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr(charts, "people", people)
    new = tmp_path / "new"
    assert main(["report", str(saves["hands_off"]), "--out", str(new), "--lang", lang]) == 130
    assert capsys.readouterr().err == "salesim: stopped (Ctrl-C)\n"
    assert not new.exists()
    given = tmp_path / "given"
    monkeypatch.setattr(charts, "people", real)
    assert main(["report", str(saves["hands_off"]), "--out", str(given), "--lang", lang]) == 0
    kept = {p.name: p.read_bytes() for p in given.iterdir()}
    monkeypatch.setattr(charts, "people", people)
    assert main(["report", str(saves["by_the_book"]), "--out", str(given), "--lang", lang]) == 130
    assert {p.name: p.read_bytes() for p in given.iterdir()} == kept


def test_a_ctrl_c_that_python_would_drop_still_stops_the_command(monkeypatch, capsys):
    """A Ctrl-C that came while Python ran a finaliser (a weak reference's callback)
    printed "Exception ignored … KeyboardInterrupt" and the command went on to end with
    0. The stop is kept: one line, 130, and no traceback."""
    import gc
    import os
    import signal

    from simulator.cli import saved_games

    class Finalised:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, arriving while this runs
            for _ in range(1000):  # the handler runs between these steps
                pass

    def export(args):
        x = Finalised()
        x.me = x  # a cycle: freed by the collector, in a finaliser
        del x
        gc.collect()
        return 0  # the command would have finished as if nobody had stopped it

    monkeypatch.setattr(saved_games, "cmd_export", export)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        assert main(["export", "any.json"]) == 130
    finally:
        signal.signal(signal.SIGINT, previous)
    err = capsys.readouterr().err
    assert err == "salesim: stopped (Ctrl-C)\n", err
