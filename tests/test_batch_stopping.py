"""Stopping a batch: Ctrl-C at any moment stops it cleanly and the same command
finishes it; a moment that must not be cut in two (a worker starting, a finished run
being written down, the tables and their manifest) holds the Ctrl-C until it ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.analysis.batch import Batch, BatchError
from simulator.analysis.stopping import Stopper
from simulator.cli import main


def test_a_ctrl_c_in_a_shielded_moment_stops_the_batch_as_the_moment_ends():
    stop = Stopper(lambda: None)
    undo = stop.install()
    try:
        finished = False
        with pytest.raises(KeyboardInterrupt), stop.shielded():
            signal.raise_signal(signal.SIGINT)
            finished = True  # the moment was not cut in two
        assert finished and stop.stopping
        # a stop under way: another Ctrl-C changes nothing
        signal.raise_signal(signal.SIGINT)
    finally:
        undo()


def test_a_folder_a_batch_left_before_its_first_manifest_is_taken_up_again(tmp_path):
    """A Ctrl-C as a batch began left its lock and tables but no manifest, and the same
    command then refused the folder as "not empty and holding no batch"."""
    short = tmp_path / "s.yaml"
    short.write_text("extends: tutorial\nweeks: 2\nperiod_weeks: 2\n", encoding="utf-8")
    out = tmp_path / "b"
    out.mkdir()
    for name in (".lock", "runs.parquet", "runs.csv", ".reps.parquet.tmp4242"):
        (out / name).write_bytes(b"")
    outcome = Batch(out, [str(short)], ["hands_off"], runs=2, seed=1, jobs=1).run(progress=False)
    assert outcome.executed == 2 and not outcome.interrupted
    other = tmp_path / "c"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BatchError, match="not empty and holds no batch"):
        Batch(other, [str(short)], ["hands_off"], runs=1, seed=1, jobs=1).run(progress=False)


def test_ctrl_c_in_any_command_says_so_in_one_line(monkeypatch, capsys):
    from simulator.cli import saved_games

    def stopped(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(saved_games, "cmd_export", stopped)
    code = main(["export", "nothing.json", "--out", "x"])
    err = capsys.readouterr().err
    assert code == 130 and "stopped (Ctrl-C)" in err and "Traceback" not in err


@pytest.mark.parametrize("delay", [0.0, 0.003, 0.02])
def test_ctrl_c_as_a_batch_starts_its_workers_never_hangs_and_loses_nothing(tmp_path, delay):
    """Ctrl-C pressed three times just as a batch started its workers hung it for good,
    crashed it, or was ignored. Whenever it comes, the batch ends at once or after its
    runs under way, without a traceback, and the same command finishes it."""
    short = tmp_path / "s.yaml"
    short.write_text("extends: tutorial\nweeks: 8\nperiod_weeks: 4\n", encoding="utf-8")
    out = tmp_path / "b"
    cmd = [sys.executable, "-m", "simulator", "batch", "--scenario", str(short)]
    cmd += ["--policy", "by_the_book", "--runs", "8", "--jobs", "2", "--out", str(out)]
    cmd += ["--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:  # the design is told, then the workers start
        if " runs: " in line:
            break
    time.sleep(delay)
    for pause in (0.2, 0.1, 0.0):
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGINT)
        time.sleep(pause)
    try:
        _, err = proc.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("the batch hung after Ctrl-C")
    assert proc.returncode in (0, 130), err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    runs = Path(out / "manifest.json").read_text(encoding="utf-8")
    assert '"status": "complete"' in runs
