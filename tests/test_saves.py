"""Saved games: a save replays to the same game; damaged, foreign or torn saves never crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace

import pytest

from simulator.cli import main
from simulator.policies import make_policy
from simulator.saves import SaveError, read_save, restore, snapshot, write_save
from simulator.scenario import load_scenario, scenarios_dir
from simulator.session import Session

TUTORIAL = scenarios_dir() / "tutorial.yaml"


def played(weeks: int, seed: int = 3) -> Session:
    s = Session(load_scenario(TUTORIAL), seed, make_policy("by_the_book"))
    for _ in range(weeks):
        s.advance_week()
    return s


def test_a_save_restores_the_same_game_and_it_plays_on_the_same(tmp_path):
    s = played(9)
    path = write_save(snapshot(s, str(TUTORIAL), policy="by_the_book"), tmp_path / "g.save")
    back = restore(read_save(path), load_scenario(TUTORIAL))
    assert back.week == s.week == 10
    assert back.world.revenue_total == s.world.revenue_total
    assert [r.engagement for r in back.world.reps] == [r.engagement for r in s.world.reps]
    assert [i.choice for i in back.world.script.items] == [i.choice for i in s.world.script.items]
    # both carry on identically: the save is the game, not a picture of it
    s.policy = None
    while not s.finished:
        s.advance_week()
        back.advance_week()
    assert back.score().total == s.score().total


def test_a_save_reads_line_by_line_a_field_or_an_action_to_a_line(tmp_path):
    """A trainer or a player comparing two saves sees a week's actions as lines of their
    own; the file holds exactly what the game saved."""
    from dataclasses import asdict

    s = played(6)
    save = snapshot(s, str(TUTORIAL), extra={"last_week": {"lines": ["Won 招商银行 ¥1.2M"]}})
    path = write_save(save, tmp_path / "g.save")
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == json.loads(json.dumps(asdict(save)))
    assert "招商银行" in text  # the player's own script, not escapes
    lines = text.splitlines()
    actions = [line for line in lines if line.startswith('  {"week": ')]
    assert len(actions) == len(save.actions) > 20
    assert [json.loads(line.rstrip(",")) for line in actions] == save.actions
    fields = [line for line in lines if line.startswith(' "')]
    assert len(fields) == len(asdict(save))  # each field on a line of its own
    assert len(lines) == len(fields) + len(actions) + 3  # the braces and the list's close


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "not a salesim save \\(damaged"),
        (b"\x00\x01garbage\xff", "not a salesim save \\(damaged"),
        (b'{"kind": "salesim-save", "format": 1, "seed": 1', "not a salesim save \\(damaged"),
        (b'["a", "list"]', "this is not a salesim save"),
        # a field given twice (a hand edit, a merge): which one counts would be a guess
        (b'{"kind": "salesim-save", "format": 1, "seed": 1, "seed": 2}', "not a salesim save"),
        (b'{"hello": "world"}', "this is not a salesim save"),
        (
            b'{"kind": "salesim-save", "format": 99}',
            "saved in format 99; this salesim reads format 1",
        ),
    ],
)
def test_damaged_or_foreign_saves_get_a_clear_message(tmp_path, content, words):
    p = tmp_path / "bad.save"
    p.write_bytes(content)
    with pytest.raises(SaveError, match=words):
        read_save(p)


def test_a_save_with_damaged_fields_is_refused(tmp_path):
    good = json.loads(write_save(snapshot(played(2), str(TUTORIAL)), tmp_path / "g").read_text())
    for field, value in [("seed", "three"), ("actions", {}), ("weeks_played", -1)]:
        p = tmp_path / f"bad-{field}"
        p.write_text(json.dumps({**good, field: value}))
        with pytest.raises(SaveError, match="the save is damaged"):
            read_save(p)
    p = tmp_path / "bad-action"
    p.write_text(json.dumps({**good, "actions": [{"week": 1, "action": {"kind": "fly"}}]}))
    with pytest.raises(SaveError, match="cannot be replayed"):
        restore(read_save(p), load_scenario(TUTORIAL))
    with pytest.raises(SaveError, match="no such save"):
        read_save(tmp_path / "missing")


def test_a_save_from_another_scenario_version_is_refused_naming_both(tmp_path):
    save = read_save(write_save(snapshot(played(3), str(TUTORIAL)), tmp_path / "g"))
    newer = replace(load_scenario(TUTORIAL), version="3")
    with pytest.raises(SaveError) as e:
        restore(save, newer)
    msg = str(e.value)
    assert "version 2" in msg and "now version 3" in msg and "not compatible" in msg
    # the same version replays even when the file was edited compatibly
    edited = replace(load_scenario(TUTORIAL), currency="CNY")
    assert restore(save, edited).week == 4


def test_a_save_killed_mid_write_leaves_the_previous_save_whole(tmp_path):
    target = tmp_path / "game.save"
    write_save(snapshot(played(1), str(TUTORIAL)), target)
    writer = textwrap.dedent(
        f"""
        import sys
        from simulator.saves import read_save, write_save
        from dataclasses import replace
        save = read_save({str(target)!r})
        big = replace(save, extra={{"padding": "x" * 5_000_000}})
        while True:
            write_save(big, {str(target)!r})
            write_save(save, {str(target)!r})
        """
    )
    delays = (0.0, 0.01, 0.05, 0.15)
    for delay in delays:
        before = target.stat().st_mtime_ns
        proc = subprocess.Popen([sys.executable, "-c", writer])
        # once it is writing (however long its imports take on a busy machine), kill it
        # at some moment of its loop: whichever moment, the save on disk is whole
        while target.stat().st_mtime_ns == before and proc.poll() is None:
            time.sleep(0.01)
        assert proc.poll() is None, "the writer stopped by itself"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert read_save(target).seed == 3  # old or new, never torn
    leftovers = [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    assert len(leftovers) <= len(delays)  # at most the one temp file each kill interrupted


def test_run_can_save_a_scripted_game_in_the_games_format(tmp_path, capsys):
    path = tmp_path / "run.save"
    assert (
        main(["run", "--scenario", "tutorial", "--seed", "5", "--quiet", "--save", str(path)]) == 0
    )
    total = float(capsys.readouterr().out.split("total")[1].split()[0])
    save = read_save(path)
    assert save.policy == "by_the_book" and save.seed == 5 and save.weeks_played == 26
    back = restore(save, load_scenario(save.scenario_path))
    assert round(back.score().total, 1) == total


def test_export_writes_the_logs_as_tables_for_spreadsheets(tmp_path, capsys):
    import csv

    s = played(6)
    save = snapshot(s, "/elsewhere/on/a/student/laptop/tutorial.yaml")  # saves travel
    path = write_save(save, tmp_path / "student.save")
    assert main(["export", str(path), "--out", str(tmp_path / "csv")]) == 0
    with open(tmp_path / "csv" / "actions.csv", encoding="utf-8-sig", newline="") as f:
        actions = list(csv.DictReader(f))
    assert len(actions) == len(s.action_log)
    assert {"week", "action", "rep", "parameters", "done", "refused_because"} <= set(actions[0])
    assert any(a["action"] == "set_quota" and a["rep"] for a in actions)
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8-sig", newline="") as f:
        events = list(csv.DictReader(f))
    assert len(events) == len(s.event_log) and events[0]["event"] == "inbox"
    assert main(["export", str(path), "--format", "json", "--out", str(tmp_path / "js")]) == 0
    rows = json.loads((tmp_path / "js" / "events.json").read_text("utf-8"))
    assert len(rows) == len(s.event_log)
    assert all(isinstance(r["details"], dict) for r in rows)  # nested, not JSON in a string
    # a rep's id is a number or, where the event is nobody's, null (it was "" in JSON)
    assert all(r["rep_id"] is None or isinstance(r["rep_id"], int) for r in rows)
    assert any(r["rep_id"] is None and r["rep"] is None for r in rows)
    assert any(e["rep_id"] == "" and e["rep"] == "" for e in events)  # CSV: an empty cell
    acts = json.loads((tmp_path / "js" / "actions.json").read_text("utf-8"))
    quota = next(a for a in acts if a["action"] == "set_quota")
    assert isinstance(quota["parameters"], dict) and quota["parameters"]["amount"] > 0
    assert json.loads(actions[0]["parameters"]) == acts[0]["parameters"]  # CSV: JSON text
    bad = tmp_path / "bad.save"
    bad.write_text("nope")
    assert main(["export", str(bad)]) == 2
    assert "not a salesim save" in capsys.readouterr().err


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_an_exported_cell_is_never_read_as_a_spreadsheet_formula(tmp_path):
    """A rep named =HYPERLINK("http://evil","x") went into actions.csv and events.csv as
    it was, and a spreadsheet opening the export ran it as a formula. A text cell that
    starts as a formula would is written with a quote before it (as spreadsheets keep
    text); the JSON export keeps the name as it is."""
    import csv

    from simulator.saves import export_logs

    scn = load_scenario(TUTORIAL)
    odd = ('=HYPERLINK("http://evil","x")', "@SUM(1+1)", "+1", "-Ann")
    reps = tuple(replace(r, name=n) for r, n in zip(scn.reps, odd, strict=False))
    s = Session(replace(scn, reps=reps + scn.reps[len(reps) :]), 3, make_policy("by_the_book"))
    for _ in range(3):
        s.advance_week()
    export_logs(s, tmp_path / "csv")
    for name in ("actions", "events"):
        with open(tmp_path / "csv" / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            cells = [c for row in csv.reader(f) for c in row]
        formulas = [c for c in cells if c[:1] in ("=", "+", "-", "@") and not _number(c)]
        assert not formulas, (name, formulas[:3])
        assert any(c == "'" + odd[0] for c in cells), name
    export_logs(s, tmp_path / "js", "json")
    rows = json.loads((tmp_path / "js" / "events.json").read_text("utf-8"))
    assert any(r["rep"] == odd[0] for r in rows)


def test_a_save_pointing_at_a_device_is_refused_in_words_at_once(tmp_path):
    import json

    from simulator.saves import open_save

    path = write_save(snapshot(played(1), str(TUTORIAL)), tmp_path / "g")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["scenario_path"] = "/dev/zero"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        open_save(path)
    assert "/dev/zero" in str(e.value) and "not a regular file" in str(e.value)
    with pytest.raises(SaveError) as e:
        read_save("/dev/zero")
    assert str(e.value) == "/dev/zero: this is not a regular file (a device, a pipe or a socket)"


def test_a_save_never_echoes_the_file_it_names_as_its_scenario(tmp_path):
    """A save names its scenario by path, and a save from someone else may name any file:
    its content was quoted back, problem by problem (3 kB of someone's private file). What
    is wrong inside it is counted, never shown."""
    import json

    from simulator.saves import open_save

    private = tmp_path / "notes.yaml"
    private.write_text("password: hunter2\nbank_pin: 4321\n", encoding="utf-8")
    path = write_save(snapshot(played(1), str(TUTORIAL)), tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["scenario_path"] = str(private)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        open_save(path)
    told = str(e.value)
    assert "hunter2" not in told and "password" not in told and "bank_pin" not in told
    assert "notes.yaml is not a valid scenario (" in told and "shown by salesim validate" in told
    assert "\n" not in told


def test_a_game_whose_save_could_not_be_read_back_is_not_saved(tmp_path, monkeypatch):
    """``run --save`` wrote saves that every command then refused as damaged (over 50 MB,
    or over 1,000 actions in one week): the writer now refuses what the reader would, in
    the same words, and leaves any earlier save as it was."""
    import dataclasses

    from simulator import saves

    target = tmp_path / "g.json"
    write_save(snapshot(played(1), str(TUTORIAL)), target)
    before = target.read_bytes()
    save = snapshot(played(2), str(TUTORIAL))
    crowded = [{"week": 1, "action": {"kind": "pipeline_review"}}] * 1_001
    with pytest.raises(SaveError, match="in this game week 1 holds more than 1,000 actions"):
        write_save(dataclasses.replace(save, actions=crowded), target)
    assert target.read_bytes() == before
    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", 2_000)  # a long game's save, made small
    fresh = tmp_path / "long.json"
    with pytest.raises(SaveError, match="saves are limited to 2,000 bytes, so it was not written"):
        write_save(save, fresh)
    assert not fresh.exists()


def test_temporary_saves_a_killed_writer_left_are_cleaned_by_the_next_save(tmp_path):
    target = tmp_path / "game.json"
    stale = tmp_path / ".game.json.999.tmp"
    fresh = tmp_path / ".game.json.998.tmp"  # another writer, still at work
    stale.write_text("half a save", encoding="utf-8")
    fresh.write_text("half a save", encoding="utf-8")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    write_save(snapshot(played(1), str(TUTORIAL)), target)
    assert not stale.exists() and fresh.exists()
    assert read_save(target).weeks_played == 1


def test_a_save_pointed_at_another_scenario_of_the_same_version_is_refused(tmp_path):
    import json

    from simulator.saves import open_save

    path = write_save(snapshot(played(2), str(TUTORIAL)), tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    other = next(  # another shipped scenario of the same version
        p
        for p in sorted(scenarios_dir().glob("*.yaml"))
        if p.stem != "tutorial" and load_scenario(p).version == data["scenario_version"]
    )
    data["scenario_path"] = str(other)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        open_save(path)
    assert "was played on 'Tutorial: your first quarters', not on" in str(e.value)
    # of another version too: the titles are told, not two scenarios' version numbers
    data["scenario_path"] = str(scenarios_dir() / "default.yaml")
    data["scenario_version"] = "0"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        open_save(path)
    assert "was played on 'Tutorial: your first quarters', not on 'East Region" in str(e.value)


def _custom(folder, weeks: int = 4):
    """A trainer's own scenario (the tutorial, a few weeks long) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mine.yaml"
    path.write_text(f"extends: tutorial\nweeks: {weeks}\nperiod_weeks: 2\n", encoding="utf-8")
    return path


def test_a_custom_scenarios_save_reopens_from_any_folder_and_beside_its_scenario(
    tmp_path, monkeypatch, capsys
):
    from simulator.saves import open_save

    made = tmp_path / "made"
    _custom(made)
    monkeypatch.chdir(made)
    assert (
        main(["run", "--scenario", "mine.yaml", "--seed", "2", "--quiet", "--save", "s.json"]) == 0
    )
    assert read_save(made / "s.json").scenario_path == str(made / "mine.yaml")  # absolute
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    save = str(made / "s.json")
    assert main(["report", save, "--out", "report"]) == 0
    assert main(["export", save, "--out", "tables"]) == 0
    assert (elsewhere / "report" / "report.html").exists()
    assert (elsewhere / "tables" / "actions.csv").exists()
    assert "error" not in capsys.readouterr().err
    # the save and its scenario mailed together to a trainer: found beside the save
    mailed = tmp_path / "mailed"
    mailed.mkdir()
    for name in ("s.json", "mine.yaml"):
        (mailed / name).write_bytes((made / name).read_bytes())
    (made / "mine.yaml").unlink()
    assert open_save(mailed / "s.json")[1].finished
    # an older save keeps the path as typed: taken from the save's own folder
    old = json.loads((mailed / "s.json").read_text(encoding="utf-8"))
    (mailed / "sub").mkdir()
    (mailed / "sub" / "mine.yaml").write_bytes((mailed / "mine.yaml").read_bytes())
    (mailed / "mine.yaml").unlink()
    (mailed / "old.json").write_text(json.dumps({**old, "scenario_path": "sub/mine.yaml"}))
    assert open_save(mailed / "old.json")[1].finished


def test_a_save_replayed_on_its_scenario_edited_since_warns_in_one_line(
    tmp_path, monkeypatch, capsys
):
    from simulator.saves import changed_since_saved

    scenario = _custom(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert (
        main(["run", "--scenario", "mine.yaml", "--seed", "2", "--quiet", "--save", "s.json"]) == 0
    )
    capsys.readouterr()
    save = read_save(tmp_path / "s.json")
    assert not changed_since_saved(save, load_scenario(scenario))
    assert main(["export", "s.json", "--out", "t"]) == 0
    assert "warning" not in capsys.readouterr().err  # unchanged: nothing to say
    edited = "extends: tutorial\nweeks: 4\nperiod_weeks: 2\nmarket:\n  lead_rate: 1.5\n"
    scenario.write_text(edited, "utf-8")
    assert changed_since_saved(save, load_scenario(scenario))
    for command in (["export", "s.json", "--out", "t2"], ["report", "s.json", "--out", "r"]):
        assert main(command) == 0, command  # still replayed, as documented
        lines = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
        assert lines == [
            "salesim: warning: s.json: the scenario's content has changed since this game "
            "was saved (its version has not), so the replay may differ from what was played"
        ], command
    assert main(["class", "s.json", "--out", "c"]) == 0
    assert capsys.readouterr().err.count("the scenario's content has changed") == 1


def test_a_save_on_a_read_only_disk_is_a_save_error_not_a_traceback(tmp_path, monkeypatch, capsys):
    import errno
    from pathlib import Path

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    session = played(1)
    monkeypatch.setattr(os, "replace", read_only)
    monkeypatch.setattr(Path, "unlink", read_only)  # cleaning up is refused as well
    with pytest.raises(SaveError, match="cannot write the save \\(Read-only file system\\)"):
        write_save(snapshot(session, str(TUTORIAL)), tmp_path / "g.json")
    scenario = _custom(tmp_path / "scn", weeks=2)
    code = main(["run", "--scenario", str(scenario), "--quiet", "--save", str(tmp_path / "s.json")])
    err = capsys.readouterr().err
    # the season was played and its save could not be written: the work failed (1)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "s.json: cannot write the save (Read-only file system)" in err


def test_a_save_claiming_more_weeks_than_its_scenario_has_is_damaged(tmp_path):
    from simulator.saves import open_save

    path = write_save(snapshot(played(2), str(TUTORIAL)), tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "weeks_played": 100}), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        open_save(path)
    assert "the save is damaged" in str(e.value) and "100 weeks" in str(e.value)
    assert "has 26" in str(e.value)


def test_a_save_never_writes_over_a_file_that_is_not_a_save(tmp_path, capsys):
    """``run --save`` given the scenario being played (or any file that is not a save, a
    folder, a device) refuses before the season is played and leaves the file as it was;
    an earlier save is replaced, as a game's autosave replaces its own."""
    scenario = tmp_path / "mine.yaml"
    scenario.write_text(TUTORIAL.read_text(encoding="utf-8"), encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("the class's notes", encoding="utf-8")
    before = scenario.read_bytes()
    for target, words in (
        (scenario, "exists and is not a salesim save"),
        (notes, "exists and is not a salesim save"),
        (tmp_path, "this is a folder"),
        ("/dev/null", "not a regular file"),
    ):
        argv = ["run", "--scenario", str(scenario), "--quiet", "--save", str(target)]
        assert main(argv) == 2
        assert words in capsys.readouterr().err
    assert scenario.read_bytes() == before and notes.read_text() == "the class's notes"
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    with pytest.raises(SaveError, match="not a salesim save"):
        write_save(snapshot(played(1), str(scenario)), notes)
    saved = tmp_path / "game.json"
    for seed in (5, 6):
        argv = ["run", "--scenario", str(scenario), "--seed", str(seed), "--quiet"]
        assert main([*argv, "--save", str(saved)]) == 0
        assert read_save(saved).seed == seed


def test_a_save_with_actions_outside_its_weeks_or_thousands_in_a_week_is_damaged(tmp_path):
    """An action dated outside the weeks played was silently dropped, and a save with
    tens of thousands of plans in one week (well under the size limit) stalled the
    replay: both are refused in words at once."""
    good = json.loads(write_save(snapshot(played(2), str(TUTORIAL)), tmp_path / "g").read_text())
    row = {"week": 1, "plan": 1, "action": {"kind": "pipeline_review"}, "ok": True, "code": ""}
    for week in (0, -4, 999, True):
        p = tmp_path / f"week-{week}"
        p.write_text(json.dumps({**good, "actions": [{**row, "week": week}]}))
        with pytest.raises(SaveError, match=r"the save is damaged \(action 1"):
            read_save(p)
    flood = tmp_path / "flood"
    flood.write_text(json.dumps({**good, "actions": [dict(row, plan=i) for i in range(5_000)]}))
    with pytest.raises(SaveError, match="week 1 holds more than 100 plans"):
        read_save(flood)  # on reading, before any replay
    crowded = tmp_path / "crowded"
    crowded.write_text(json.dumps({**good, "actions": [dict(row, plan=1)] * 1_001}))
    with pytest.raises(SaveError, match="week 1 holds more than 1,000 actions"):
        read_save(crowded)
    # each plan is carried out against a view of the world made afresh: a 520-week save
    # of one plan per action took a minute and a half to replay; a week holds at most 100
    ok = tmp_path / "busy"
    ok.write_text(json.dumps({**good, "actions": [dict(row, plan=i % 100) for i in range(600)]}))
    assert len(restore(read_save(ok), load_scenario(TUTORIAL)).action_log) == 600


def test_a_saves_scenario_fingerprint_moves_with_content_not_with_new_settings():
    """A later salesim that adds a setting (with its default) must not make every earlier
    save warn that its scenario was edited; an edit to the content still shows."""
    from dataclasses import dataclass, field

    from simulator.core.spec import Scenario
    from simulator.saves import fingerprint

    @dataclass(frozen=True)
    class Later(Scenario):  # the same scenario, held by a program with one more setting
        new_setting: float = 0.5
        new_list: tuple[int, ...] = field(default_factory=tuple)

    s = load_scenario(TUTORIAL)
    later = Later(**{f: getattr(s, f) for f in s.__dataclass_fields__})
    assert fingerprint(later) == fingerprint(s)
    assert fingerprint(replace(later, new_setting=0.7)) != fingerprint(s)
    assert fingerprint(replace(s, weeks=s.weeks - 1)) != fingerprint(s)
    assert fingerprint(replace(s, team_target=(s.team_target[0] + 1.0,))) != fingerprint(s)


def test_a_finished_games_save_with_an_action_past_its_last_week_is_damaged(tmp_path):
    """A finished season's save with an action dated the week after the last was read,
    and the action dropped from an export without a word; ``"format": true`` passed as
    format 1. Both are told as damage."""
    from simulator.saves import open_save

    session = played(26)
    assert session.finished
    good = json.loads(write_save(snapshot(session, str(TUTORIAL)), tmp_path / "g").read_text())
    row = {"week": 27, "plan": 1, "action": {"kind": "pipeline_review"}, "ok": True, "code": ""}
    late = tmp_path / "late.json"
    late.write_text(json.dumps({**good, "actions": [*good["actions"], row]}))
    with pytest.raises(SaveError, match=r"damaged \(an action is dated week 27; .* 26 weeks"):
        open_save(late)
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({**good, "format": True}))
    with pytest.raises(SaveError, match="saved in format True"):
        read_save(odd)


def test_a_save_with_a_byte_order_mark_is_read(tmp_path):
    """A save opened and saved again in an editor that writes a UTF-8 byte-order mark was
    "not a salesim save": it is the same save, and replays the same game."""
    path = write_save(snapshot(played(2), str(TUTORIAL)), tmp_path / "g.json")
    plain = read_save(path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_save(path) == plain


def test_a_scenario_shortened_since_a_game_was_saved_is_named_not_the_save(tmp_path):
    """A scenario edited after the game (its version kept, weeks cut) made the save read
    as damaged ("it says 8 weeks were played; the scenario has 6"), though the save was
    whole: it says the scenario was edited, and what to do."""
    short = "extends: tutorial\nweeks: {}\nperiod_weeks: 4\nevents: []\n"
    scenario = tmp_path / "short.yaml"
    scenario.write_text(short.format(8), encoding="utf-8")
    s = Session(load_scenario(scenario), 3, make_policy("by_the_book"))
    s.run()
    path = write_save(snapshot(s, str(scenario)), tmp_path / "g.json")
    scenario.write_text(short.format(6), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        restore(read_save(path), load_scenario(scenario))
    assert "the scenario was edited since and now has 6" in str(e.value), str(e.value)
    assert "damaged" not in str(e.value)
