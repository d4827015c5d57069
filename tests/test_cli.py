"""The headless command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import main


def test_run_prints_a_weekly_summary_and_the_scorecard(capsys):
    assert main(["run", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "wk  1" in out and "wk 52" in out
    for name in (
        "revenue",
        "engagement",
        "attrition",
        "skills",
        "trust",
        "pipeline",
        "customers",
        "total",
    ):
        assert name in out


def test_the_readmes_sample_output_is_what_the_command_prints(capsys):
    """A newcomer compares the README's sample with their screen: it must not go stale."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    head = "(here `salesim run --seed 3 --quiet`):\n\n```\n"
    start = readme.index(head) + len(head)
    sample = readme[start : readme.index("```", start)]
    assert main(["run", "--seed", "3", "--quiet"]) == 0
    assert capsys.readouterr().out == sample


def test_run_json_gives_the_documented_fields(capsys):
    assert main(["run", "--seed", "3", "--policy", "hands_off", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["score"]["components"]) == {
        "revenue",
        "engagement",
        "attrition",
        "skills",
        "trust",
        "pipeline",
        "customers",
    }
    assert 0 <= data["score"]["total"] <= 100
    assert data["revenue"] > 0 and data["target"] > 0 and data["attrition"] >= 0
    assert data["policy"] == "hands_off" and data["seed"] == 3


def test_bad_scenario_file_is_one_clear_line_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: x\nweeks: 10\nreps:\n  - name: A\n    tpye: competitor\n", encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "simulator", "run", "--scenario", str(bad)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[1],
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{bad}:5" in proc.stderr and "reps.0.tpye" in proc.stderr
    assert "did you mean 'type'" in proc.stderr


def test_unknown_policy_and_missing_file_are_clear_errors(capsys, tmp_path):
    assert main(["run", "--policy", "nope"]) == 2
    assert "unknown policy" in capsys.readouterr().err
    import pytest

    with pytest.raises(SystemExit) as e:
        main(["run", "--scenario", str(tmp_path / "none.yaml")])
    assert e.value.code == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["report", "export", "class"])
def test_an_out_that_is_a_file_or_cannot_be_made_is_one_line_in_words(tmp_path, capsys, command):
    save = tmp_path / "g.json"
    assert main(["run", "--scenario", "tutorial", "--quiet", "--save", str(save)]) == 0
    in_the_way = tmp_path / "a file"
    in_the_way.write_text("x", encoding="utf-8")
    capsys.readouterr()
    assert main([command, str(save), "--out", str(in_the_way)]) == 2
    err = capsys.readouterr().err
    assert err == f"salesim: error: --out {in_the_way}: a file is in the way; give a folder\n"
    assert main([command, str(save), "--out", str(in_the_way / "below")]) == 2
    assert capsys.readouterr().err.startswith(f"salesim: error: --out {in_the_way / 'below'}: ")


def test_a_refused_command_leaves_no_empty_folder_behind(tmp_path, capsys):
    """A damaged save, a wrong baseline, a folder that is not a batch's: each command said
    why in one line, and left the --out folder it had made for nothing."""
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{", encoding="utf-8")
    refused = [
        ["report", str(damaged)],
        ["export", str(damaged)],
        ["class", str(damaged)],
        ["batch", "--scenario", "tutorial", "--policy", "by_the_book", "--runs", "2",
         "--baseline", "nosuch", "--no-progress"],
        ["compare", str(tmp_path / "nowhere")],
        ["sensitivity", "tutorial", "--vary", "nosuch=1:2", "--samples", "2"],
    ]  # fmt: skip
    for i, words in enumerate(refused):
        out = tmp_path / f"out{i}" / "deeper"
        assert main([*words, "--out", str(out)]) != 0, words
        assert capsys.readouterr().err.count("\n") == 1, words
        assert not out.parent.exists(), words


def test_every_command_has_a_description_and_every_argument_help():
    import argparse

    from simulator.cli import _commands, _parser

    missing = []
    for name, sub in _commands(_parser()).items():
        if not (sub.description or "").strip():
            missing.append(f"{name}: no description")
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            if not (action.help or "").strip() or action.help == argparse.SUPPRESS:
                missing.append(f"{name}: {action.dest}")
            # the help as printed says its default once (the formatter adds one)
            elif sub._get_formatter()._expand_help(action).count("default:") > 1:
                missing.append(f"{name}: {action.dest} names its default twice")
    assert missing == []


@pytest.mark.parametrize(
    ("words", "usage", "hint"),
    [
        (["run", "--sede", "3"], "usage: salesim run", "(did you mean --seed?)"),
        (["validate", "x.yaml", "--quite"], "usage: salesim validate", "(did you mean --quiet?)"),
        (["batch", "--scenario", "t", "--polcy", "a"], "usage: salesim batch", "--policy"),
        (["runn"], "usage: salesim ", "(did you mean run?)"),
    ],
)
def test_a_mistake_shows_the_commands_own_usage_with_a_suggestion_and_exits_2(
    capsys, words, usage, hint
):
    with pytest.raises(SystemExit) as stop:
        main(words)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage) and hint in err


def test_bare_salesim_shows_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "usage: salesim" in capsys.readouterr().err


def test_options_that_take_several_values_take_them_the_same_way_everywhere():
    """``--policy a b`` and ``--policy a --policy b`` both work, in calibrate as in batch."""
    from simulator.cli import _commands, _parser

    commands = _commands(_parser())
    for name in ("calibrate", "batch"):
        sub = commands[name]
        extra = ["--runs", "2"] + (["--scenario", "t", "--out", "o"] if name == "batch" else [])
        head = ["tutorial"] if name == "calibrate" else []
        one = sub.parse_args([*head, "--policy", "by_the_book", "hands_off", *extra])
        two = sub.parse_args([*head, "--policy", "by_the_book", "--policy", "hands_off", *extra])
        assert one.policy == two.policy == ["by_the_book", "hands_off"], name


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run ``salesim args`` with its standard error on a pseudo-terminal, as in a shell;
    the exit code and what the terminal showed."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import termios

    leader, follower = pty.openpty()
    # a terminal of 100 columns (a new pseudo-terminal has none: nothing would be drawn)
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", *args],
        stdout=subprocess.PIPE,
        stderr=follower,
        stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the other end closed: the command is done
            break
        if not chunk:
            break
        shown += chunk
    proc.communicate(timeout=120)
    os.close(leader)
    return proc.returncode, shown.decode("utf-8", "replace")


def test_long_commands_show_progress_on_a_terminal_and_stay_quiet_in_a_pipe(tmp_path):
    import subprocess

    save = tmp_path / "game.json"
    assert main(["run", "--scenario", "tutorial", "--quiet", "--save", str(save)]) == 0
    report = ["report", str(save), "--out", str(tmp_path / "report")]
    code, shown = _on_a_terminal(report)
    assert code == 0
    # the parts of the work, each with its weeks counted
    assert "replaying the game" in shown and "playing it by the book" in shown
    assert "0/26 [" in shown and "drawing the charts" in shown  # the tutorial: 26 weeks
    code, shown = _on_a_terminal(["export", str(save), "--out", str(tmp_path / "x")])
    assert code == 0 and "replaying the game" in shown
    # piped: the page's path and nothing else
    piped = subprocess.run(
        [sys.executable, "-m", "simulator", *report], capture_output=True, text=True, timeout=120
    )
    assert piped.returncode == 0 and piped.stderr == ""
    assert piped.stdout.strip().endswith("report.html")


def test_a_batch_run_from_python_draws_no_progress_bar_into_captured_output(tmp_path, capfd):
    from simulator.analysis.batch import Batch
    from simulator.scenario import scenarios_dir

    Batch(tmp_path, [scenarios_dir() / "tutorial.yaml"], ["hands_off"], runs=2, jobs=1).run()
    captured = capfd.readouterr()
    assert "\r" not in captured.err and "salesim batch" not in captured.err
    assert (tmp_path / "runs.parquet").exists() or (tmp_path / "runs.csv").exists()


def _misspelt(option: str) -> str:
    """An option with two of its letters swapped, as fingers do: --seed → --sede."""
    i = len(option) // 2
    return option[:i] + option[i + 1] + option[i] + option[i + 2 :]


def test_every_command_answers_a_misspelt_option_with_its_own_usage_and_the_option_meant(
    capsys,
):
    import shlex

    from simulator.cli import _commands, _parser
    from simulator.cli.examples import EXAMPLES

    for name, sub in _commands(_parser()).items():
        options = sorted(
            (s for a in sub._actions for s in a.option_strings if s.startswith("--")),
            key=len,
        )
        # the command's longest option (for one with none of its own, --help)
        option = next((o for o in reversed(options) if o != "--help"), "--help")
        wrong = _misspelt(option)
        words = [*shlex.split(EXAMPLES[name][0])[1:], wrong]
        with pytest.raises(SystemExit) as stop:
            main(words)
        err = capsys.readouterr().err
        assert stop.value.code == 2, name
        assert err.startswith(f"usage: salesim {name}"), (name, err)
        assert f"unrecognized arguments: {wrong}" in err and f"did you mean {option}?" in err, (
            name,
            err,
        )


BATCH = ["batch", "--scenario", "t", "--policy", "p", "--runs", "1", "--out", "o"]


@pytest.mark.parametrize(
    "words, told",
    [
        (["run", "--seed", str(2**63)], "out of range: give 0 to 9223372036854775807"),
        (["run", "--seed", "-1"], "out of range"),
        (["calibrate", "tutorial", "--seed", str(2**64)], "out of range"),
        (["sensitivity", "tutorial", "--vary", "market.lead_rate=1:2", "--seed", "-5"], "range"),
        (
            [*BATCH, "--seed", str(2**63)],
            "out of range",
        ),
        (
            [*BATCH, "--jobs", "0"],
            "--jobs: 0: give 1 or more",
        ),
        (
            [*BATCH, "--jobs", "-2"],
            "give 1 or more",
        ),
        (["calibrate", "tutorial", "--jobs", "0"], "give 1 or more"),
        (["sensitivity", "tutorial", "--vary", "market.lead_rate=1:2", "--jobs", "0"], "1 or more"),
    ],
)
def test_seeds_out_of_range_and_jobs_below_one_are_refused_by_the_parser(words, told, capsys):
    """A seed a save or a batch's tables cannot keep (0 ≤ seed < 2**63), or no workers."""
    with pytest.raises(SystemExit) as stop:
        main(words)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: salesim {words[0]}") and told in err


def test_a_batch_whose_last_seed_would_overflow_is_refused_before_anything_runs(tmp_path, capsys):
    out = tmp_path / "b"
    words = ["batch", "--scenario", "tutorial", "--policy", "by_the_book", "--runs", "2"]
    assert main([*words, "--seed", str(2**63 - 1), "--out", str(out), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert "--seed 9223372036854775807 with --runs 2: the last seed" in err
    assert not (out / "journal.jsonl").exists() and not (out / "manifest.json").exists()
    assert main(["calibrate", "tutorial", "--runs", "3", "--seed", str(2**63 - 2)]) == 2
    assert "the last seed would pass" in capsys.readouterr().err


def test_the_scorecards_working_gives_the_score_it_shows(capsys):
    """Each line's working, done by hand from the numbers printed, gives the score printed:
    inputs are written with enough digits (the engagement line read
    "100 × (0.776 − 0.30) / 0.50 = 95.1", which is 95.2)."""
    import re

    checks = {
        r"100 × \((\d\.\d+) − 0\.30\) / 0\.50 = (\d+\.\d)": lambda e: 100 * (e - 0.3) / 0.5,
        r"50 \+ 400 × (-?\d\.\d+) = (\d+\.\d)": lambda g: 50 + 400 * g,
        r"100 × min\(1, (\d\.\d+) / 0\.6\) = (\d+\.\d)": lambda c: 100 * min(1.0, c / 0.6),
    }
    seen = 0
    for seed in (1, 2, 3):
        assert main(["run", "--seed", str(seed), "--quiet"]) == 0
        out = capsys.readouterr().out
        for pattern, rule in checks.items():
            m = re.search(pattern, out)
            assert m, (pattern, out)
            shown, score = float(m.group(1)), float(m.group(2))
            assert abs(min(100.0, rule(shown)) - score) <= 0.051, (m.group(0), rule(shown))
            seen += 1
    assert seen == 9


def test_batch_and_run_refuse_settings_that_could_only_be_mistakes(tmp_path, capsys):
    """--timeout inf was a traceback; --jobs 1000 for two runs started 1,002 processes;
    lhs:100000000 built its design for minutes before the cap refused it; --save ""
    saved nothing and said nothing."""
    import time

    out = tmp_path / "b"
    code = main(["batch", "--scenario", "tutorial", "--policy", "hands_off", "--runs", "1",
                 "--timeout", "inf", "--out", str(out), "--no-progress"])  # fmt: skip
    assert code == 2 and "--timeout inf: at most 86,400 seconds" in capsys.readouterr().err
    began = time.monotonic()
    code = main(["batch", "--scenario", "tutorial", "--policy", "hands_off", "--set",
                 "support.presales=1:4", "--sample", "lhs:100000000", "--runs", "1",
                 "--out", str(out)])  # fmt: skip
    assert code == 2 and time.monotonic() - began < 5
    assert "at most 5,000 points in one batch" in capsys.readouterr().err
    code = main(["run", "--scenario", "tutorial", "--save", ""])
    assert code == 2 and "--save needs a file name" in capsys.readouterr().err

    from simulator.analysis.batch import Batch
    from simulator.scenario import scenarios_dir

    tutorial = str(scenarios_dir() / "tutorial.yaml")
    batch = Batch(tmp_path / "c", [tutorial], ["hands_off"], runs=2, seed=1, jobs=1000)
    assert batch.jobs == 2


def _short_game(folder):
    """A four-week game of the tutorial played by the command line: its save, and the
    scenario file it was played from."""
    save = folder / "game.json"
    short = folder / "short.yaml"
    short.write_text("extends: tutorial\nweeks: 4\nperiod_weeks: 4\n", encoding="utf-8")
    assert main(["run", "--scenario", str(short), "--quiet", "--save", str(save)]) == 0
    return save, short


def test_no_command_writes_over_a_file_of_the_same_name_it_did_not_write(tmp_path, capsys):
    """`schema --out my_team.yaml` replaced a trainer's scenario with the schema, and
    `report`, `class` and `export` wrote over a report.html, index.html or actions.csv
    of the user's own in the folder given. Each refuses in one line; a file salesim
    wrote there before is replaced as it always was."""
    save, _ = _short_game(tmp_path)
    mine = tmp_path / "my_team.yaml"
    mine.write_text("extends: tutorial\n", encoding="utf-8")
    assert main(["schema", "--out", str(mine)]) == 2
    assert "was not written by salesim" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "extends: tutorial\n"
    schema = tmp_path / "scenario.schema.json"
    assert main(["schema", "--out", str(schema)]) == 0
    assert main(["schema", "--out", str(schema)]) == 0  # its own file, replaced
    for command, name in (("report", "report.html"), ("class", "index.html"),
                          ("export", "actions.csv")):  # fmt: skip
        folder = tmp_path / command
        folder.mkdir()
        (folder / name).write_text("precious", encoding="utf-8")
        assert main([command, str(save), "--out", str(folder)]) == 2
        err = capsys.readouterr().err
        assert f"{name} is there and was not written by salesim" in err, err
        assert (folder / name).read_text(encoding="utf-8") == "precious"
        (folder / name).unlink()
        assert main([command, str(save), "--out", str(folder)]) == 0
        assert main([command, str(save), "--out", str(folder)]) == 0, capsys.readouterr().err


def test_a_scenario_named_twice_is_refused_and_a_file_validated_twice_counted_once(
    tmp_path, capsys
):
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: tutorial\nweeks: -3\n", encoding="utf-8")
    assert main(["validate", str(bad), str(bad)]) == 1
    assert "in 1 of 1 file" in capsys.readouterr().err
    code = main(["batch", "--scenario", "tutorial", "tutorial", "--policy", "hands_off",
                 "--runs", "1", "--out", str(tmp_path / "b")])  # fmt: skip
    assert code == 2 and "a scenario is named twice" in capsys.readouterr().err


def test_no_chart_or_comparison_is_written_over_a_file_of_the_users_own(tmp_path, capsys):
    """The probe's leftover: `report` guarded its page but not its charts (a revenue.png
    of the user's own was replaced), and `compare --out` guarded nothing (report.html,
    distribution.png). Every chart now carries salesim's mark; a file of that name
    without it is never written over. Output of versions before the marks (a report
    page without the generator tag, its charts beside it) is still salesim's to replace."""
    from simulator.outputs import PNG_MARK

    save, short = _short_game(tmp_path)
    folder = tmp_path / "report"
    folder.mkdir()
    chart = folder / "revenue.png"
    chart.write_bytes(b"\x89PNG\r\n\x1a\nmy own chart")
    assert main(["report", str(save), "--out", str(folder)]) == 2
    assert "revenue.png is there and was not written by salesim" in capsys.readouterr().err
    assert chart.read_bytes() == b"\x89PNG\r\n\x1a\nmy own chart"
    chart.unlink()
    assert main(["report", str(save), "--out", str(folder)]) == 0
    assert PNG_MARK in chart.read_bytes()
    # an earlier version's report: its page without the tag, its charts without the mark
    page = folder / "report.html"
    old = page.read_text(encoding="utf-8").replace("<meta name='generator' content='salesim'>", "")
    page.write_text(old, encoding="utf-8")
    chart.write_bytes(chart.read_bytes().replace(PNG_MARK, b"tEXtSoftware\x00Matplotlib"))
    assert main(["report", str(save), "--out", str(folder)]) == 0, capsys.readouterr().err
    # a comparison into a folder holding the user's own page and chart
    runs = tmp_path / "runs"
    assert main(["batch", "--scenario", str(short), "--policy", "hands_off", "by_the_book",
                 "--runs", "2", "--out", str(runs)]) == 0  # fmt: skip
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.html").write_text("<html>my notes</html>", encoding="utf-8")
    capsys.readouterr()
    assert main(["compare", str(runs), "--out", str(mine)]) == 2
    assert "was not written by salesim" in capsys.readouterr().err
    assert (mine / "report.html").read_text(encoding="utf-8") == "<html>my notes</html>"
    (mine / "report.html").unlink()
    (mine / "distribution.png").write_bytes(b"\x89PNG\r\n\x1a\nmine")
    assert main(["compare", str(runs), "--out", str(mine)]) == 2
    assert (mine / "distribution.png").read_bytes() == b"\x89PNG\r\n\x1a\nmine"
    (mine / "distribution.png").unlink()
    assert main(["compare", str(runs), "--out", str(mine)]) == 0
    assert main(["compare", str(runs), "--out", str(mine)]) == 0  # its own, replaced


def test_an_out_folder_written_into_never_loses_or_reaches_past_anything(tmp_path, capsys):
    """A hostile look at the --out rule: a link named like an output carried the writing
    outside the folder (or over another report's chart), a folder named like one gave a
    traceback, a user's chart whose Software began "salesim…" or a spreadsheet beginning
    "week," was taken for salesim's, and a chart could be left half-written by a stop.
    Each of these names is refused in one line, and what is written is whole."""
    import os

    from simulator.outputs import replaces_other, write_bytes

    save, _ = _short_game(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for name, make in (
        ("revenue.png", lambda p: os.symlink(elsewhere / "made.png", p)),  # dangling
        ("people.png", lambda p: os.symlink(elsewhere, p)),
        ("pipeline.png", lambda p: p.mkdir()),
        ("report.html", lambda p: os.symlink(elsewhere / "theirs.html", p)),
    ):
        out = tmp_path / f"out_{name}"
        out.mkdir()
        make(out / name)
        assert main(["report", str(save), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and name in err and "Traceback" not in err, err
    assert list(elsewhere.iterdir()) == []
    # marks matched exactly, not as the start of a user's own
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "revenue.png").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x1ctEXtSoftware\x00salesimulator pro"
    )
    (mine / "events.csv").write_bytes(b"\xef\xbb\xbfweek,sales,notes\r\n1,2,3\r\n")
    (mine / "indices.csv").write_text("field,value,notes\n", encoding="utf-8")
    (mine / "report.html").write_text("<p><title>salesim batch report</title></p>")
    for name in ("revenue.png", "events.csv", "indices.csv", "report.html"):
        assert replaces_other(mine, [name]) is not None, name
    # written whole: nothing but the file itself is left in the folder
    fresh = tmp_path / "out_new"
    fresh.mkdir()
    write_bytes(fresh / "indices.csv", b"field,S1,S1_conf,ST,ST_conf\n")
    assert [p.name for p in fresh.iterdir()] == ["indices.csv"]
    assert replaces_other(fresh, ["indices.csv"]) is None  # and known again as salesim's


def test_a_message_left_unanswered_is_not_also_told_as_answered(capsys):
    """A policy that answers nothing read "answered quota_haggle: say_nothing; unanswered
    quota_haggle: say_nothing" in one week's line: the lapsed message's default was told
    as an answer too."""
    assert main(["run", "--scenario", "default", "--policy", "hands_off", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "unanswered " in out and "answered " not in out.replace("unanswered ", ""), out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["calibrate", "tutorial", "--runs", "2", "--policy", "hands_off", "hands_off"],
            "a policy is named twice",
        ),
        (["calibrate", "tutorial", "--runs", "1000000000000"], "at most 1,000,000 seeds"),
        (
            ["sensitivity", "tutorial", "--vary", "market.lead_rate=0.5:1", "--samples",
             str(2**40), "--jobs", "1"],
            "at most 1,000,000",
        ),
        (
            ["batch", "--no-progress", "--scenario", "tutorial", "--policy", "hands_off",
             "--runs", "1", "--dask", "not a url", "--out", "{tmp}/b"],
            "is not a scheduler's address",
        ),
    ],
)  # fmt: skip
def test_impossible_studies_are_refused_in_a_line_not_a_traceback(args, said, tmp_path, capsys):
    """A policy named twice made calibrate end in a ValueError from its statistics; a
    trillion seeds or 2**40 samples in a MemoryError; a --dask that is no address in
    distributed's own ValueError. Each is refused before anything runs, in one line."""
    code = main([a.replace("{tmp}", str(tmp_path)) for a in args])
    err = capsys.readouterr().err
    assert code == 2 and said in err and "Traceback" not in err, err


def test_a_damaged_table_in_a_batch_folder_is_named_with_what_to_do(tmp_path, capsys):
    """compare on a batch whose runs.parquet was damaged ended in pyarrow's ArrowInvalid:
    it names the file and says the batch's own command writes it anew from its journal;
    and that command does."""
    out = tmp_path / "b"
    batch = ["batch", "--no-progress", "--scenario", "tutorial", "--policy", "hands_off",
             "--runs", "2", "--jobs", "1", "--out", str(out)]  # fmt: skip
    assert main(batch) == 0
    capsys.readouterr()
    (out / "runs.parquet").write_bytes(b"\x00garbage" * 64)
    assert main(["compare", str(out), "--no-plots", "--baseline", "hands_off"]) == 2
    err = capsys.readouterr().err
    assert "runs.parquet cannot be read" in err and "Traceback" not in err, err
    assert main(batch) == 0
    compare = ["compare", str(out), "--no-plots", "--baseline", "hands_off"]
    assert main(compare) == 0, capsys.readouterr().err


def test_a_calibration_starts_no_more_workers_than_it_has_runs(monkeypatch):
    """calibrate --jobs 100000 on fourteen runs started thousands of processes (and left
    them behind when stopped): a study's pool is never larger than its runs."""
    from simulator.analysis import calibrate as cal

    started = []

    class Pool:
        def __init__(self, max_workers, **kw):
            started.append(max_workers)
            raise RuntimeError("stop here")

    monkeypatch.setattr(cal, "ProcessPoolExecutor", Pool)
    from simulator.scenario import scenarios_dir

    with pytest.raises(RuntimeError, match="stop here"):
        cal.calibrate(scenarios_dir() / "tutorial.yaml", 2, 1, 100_000, ["hands_off"])
    assert started == [4]  # two seeds × by_the_book and hands_off


def test_a_file_name_cannot_drive_the_terminal_or_forge_a_line(tmp_path, capsys):
    """A scenario named with an escape code coloured the terminal in validate's and run's
    messages; one named "a⏎fine.yaml: valid⏎b.yaml" printed a line saying a file was
    valid. Names are shown with such characters escaped, on the one line they belong to."""
    bad = "extends: tutorial\nweeks: 0\n"
    for name in ("evil\x1b[41mX.yaml", "a\nfine.yaml: valid\nb.yaml"):
        path = tmp_path / name
        path.write_text(bad, encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and out.count("\n") == 1, out
        assert "fine.yaml: valid\n" not in out
        with pytest.raises(SystemExit):
            main(["run", "--scenario", str(path), "--quiet"])
        err = capsys.readouterr().err
        assert "\x1b" not in err and err.count("\n") == 1, err


def test_a_class_of_saves_none_of_which_can_be_read_names_each(tmp_path, capsys):
    """A class of two unreadable saves named only the last: each is named, and why."""
    empty, cut = tmp_path / "empty.json", tmp_path / "cut.json"
    empty.write_text("", encoding="utf-8")
    cut.write_text('{"kind": "salesim-save", "format": 1', encoding="utf-8")
    assert main(["class", str(empty), str(cut), "--out", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert "empty.json" in err and "cut.json" in err and err.count("\n") == 1, err


def test_an_empty_out_is_refused_as_empty(tmp_path, capsys, monkeypatch):
    """batch --out '' said ". is not empty and holds no batch": the empty name meant the
    current folder. An empty --out is refused as what it is."""
    monkeypatch.chdir(tmp_path)
    code = main(["batch", "--no-progress", "--scenario", "tutorial", "--policy", "hands_off",
                 "--runs", "1", "--out", ""])  # fmt: skip
    assert code == 2 and "--out is empty" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_a_season_whose_save_cannot_be_written_ends_as_work_that_failed(
    tmp_path, monkeypatch, capsys
):
    """A save too big to be read back is not written; the season was played all the same,
    so the command ends with 1 (the work failed), not 2 (a mistake in the command line)."""
    from simulator import saves

    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", 2_000)  # a long game's save, made small
    target = tmp_path / "g.json"
    code = main(["run", "--scenario", "tutorial", "--quiet", "--save", str(target)])
    err = capsys.readouterr().err
    assert code == 1 and "saves are limited to 2,000 bytes, so it was not written" in err
    assert not target.exists()


def test_a_command_that_shows_no_game_text_does_not_read_the_language_catalogs(tmp_path):
    """Reading the catalogs (some 9,000 lines of gettext) is a tenth of a second of a
    command's start: ``validate``, and a report refused for a damaged save (in English
    or Chinese), answer without it; ``languages``, which checks them, reads them."""
    damaged = tmp_path / "game.json"
    damaged.write_text('{"format": 1', encoding="utf-8")
    probe = (
        "import sys\n"
        "from simulator.cli import main\n"
        "from simulator.texts import catalog\n"
        "main(sys.argv[1:])\n"
        "print('read' if catalog.template.cache_info().currsize else 'unread')\n"
    )

    def catalogs(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120
        )
        return done.stdout.split()[-1]

    assert catalogs("validate", "tutorial") == "unread"
    assert catalogs("report", str(damaged), "--out", str(tmp_path / "r")) == "unread"
    assert catalogs("report", str(damaged), "--lang", "zh", "--out", str(tmp_path)) == "unread"
    assert catalogs("languages") == "read"
