"""``salesim validate``, ``schema``, ``calibrate`` and ``scenarios``: what a trainer types."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from simulator.cli import main
from simulator.scenario import scenarios_dir

GOOD = """\
title: Small
weeks: 8
period_weeks: 4
team_target: [1000000]
market:
  segments:
    - {name: all, accounts: 40, potential: 500000, deal_size: 100000}
reps:
  - {name: Ann, type: competitor}
  - {name: Bo, type: service}
"""


def test_validate_exits_0_when_every_file_is_valid(tmp_path, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["validate", str(good), str(scenarios_dir() / "tutorial.yaml")]) == 0
    assert "good.yaml: valid" in capsys.readouterr().out


def test_validate_prints_one_located_line_per_problem_and_exits_1(tmp_path, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        GOOD.replace("weeks: 8", "weeks: 0").replace(
            "{name: Bo, type: service}", "{name: Bo, typ: service}"
        ),
        encoding="utf-8",
    )
    assert main(["validate", "--quiet", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert lines == [
        f"{bad}:2:8: weeks: should be greater than or equal to 1 (got 0)",
        f"{bad}:10:5: reps.1.type: this field is required",
        f"{bad}:10:16: reps.1.typ: unknown field (did you mean 'type'?)",
    ]
    assert "3 problems in 1 of 2 files" in captured.err


def test_validate_never_shows_a_traceback_even_for_garbage(tmp_path):
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(b"\x00\x01\x02 not yaml at all \xff\xfe")
    done = subprocess.run(
        [sys.executable, "-m", "simulator", "validate", str(junk)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert re.match(rf"{re.escape(str(junk))}: this is binary data", done.stdout)


def test_run_takes_a_shipped_scenario_by_name(capsys):
    assert main(["run", "--scenario", "tutorial", "--policy", "hands_off", "--quiet"]) == 0
    assert "total" in capsys.readouterr().out


def test_run_reports_a_bad_scenario_in_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("weeks: 8", "weeks: -8"), encoding="utf-8")
    try:
        main(["run", "--scenario", str(bad)])
    except SystemExit as e:
        assert e.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"salesim: error: {bad}:2:8: weeks: ")


def test_schema_prints_a_json_schema_of_the_format(capsys, tmp_path):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"title", "reps", "market", "events", "extends", "team_target"} <= set(
        schema["properties"]
    )
    out = tmp_path / "s.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert json.loads(out.read_text("utf-8")) == schema


def test_scenarios_lists_the_library(capsys):
    assert main(["scenarios"]) == 0
    out = capsys.readouterr().out
    for name in ("tutorial", "promoted_over_peers", "industrial_projects", "quota_season"):
        assert name in out
    assert "easy" in out and "P10" in out


def test_calibrate_reports_difficulty_and_discrimination(capsys):
    code = main(["calibrate", "tutorial", "--runs", "3", "--jobs", "1", "--policy", "hands_off"])
    out = capsys.readouterr().out
    assert "How hard" in out and "by_the_book" in out and "hands_off" in out
    assert re.search(r"hands_off\s+\+\d+\.\d \[\+\d+\.\d, \+\d+\.\d\]  rewarded", out), out
    assert code == 0 and "Verdict: by_the_book beats every other policy" in out


def test_calibrate_refuses_bad_arguments(capsys):
    assert main(["calibrate", "tutorial", "--runs", "1"]) == 2
    assert main(["calibrate", "tutorial", "--policy", "nobody"]) == 2
    err = capsys.readouterr().err
    assert "--runs must be at least 2" in err and "unknown policy 'nobody'" in err


def test_run_shows_the_inbox_and_the_answers(capsys):
    assert main(["run", "--scenario", "promoted_over_peers", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "inbox: What to do about Zhou Qiang" in out
    assert "answered veteran_role: honour" in out


def test_an_unknown_scenario_name_lists_the_shipped_ones_and_points_to_the_likely_one(capsys):
    with pytest.raises(SystemExit) as e:
        main(["run", "--scenario", "tutorail"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "tutorail: no such file, nor a shipped scenario; did you mean tutorial?" in err
    assert "quota_season" in err  # the shipped ones listed
    # a shipped scenario's file name typed where no such file is: how to name it
    with pytest.raises(SystemExit) as e:
        main(["calibrate", "quota_season.yaml"])
    assert e.value.code == 2
    assert "the shipped one is named without .yaml: quota_season" in capsys.readouterr().err


def test_every_problem_of_a_bad_scenario_gets_its_own_error_line(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        GOOD.replace("weeks: 8", "weeks: 0").replace("type: service", "type: x"), "utf-8"
    )
    try:
        main(["calibrate", str(bad)])
    except SystemExit as e:
        assert e.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith(f"salesim: error: {bad}:") for line in lines)


def test_schema_out_that_cannot_be_written_is_one_line(tmp_path, capsys):
    for out, words in [
        (tmp_path, "cannot write this file (Is a directory)"),
        (tmp_path / "no" / "s.json", "its folder"),
    ]:
        assert main(["schema", "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err == f"salesim: error: --out {out}: " + err.split(": ", 3)[3]
        assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_an_empty_scenario_name_is_said_to_name_nothing(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["validate", ""])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err == "salesim: error: no scenario was named (the name given is empty)\n"
    with pytest.raises(SystemExit):
        main(["run", "--scenario", "", "--quiet"])  # not the default scenario in silence
    assert "no scenario was named" in capsys.readouterr().err
