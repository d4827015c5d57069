"""A batch against policies that fight back: one that swallows every exception (the
time limit, Ctrl-C, SIGTERM), one that raises what is not an Exception.

The commands run as a person runs them, in a process of their own, each with a
generous bound on how long it may take: a batch that a policy can hold forever
fails the test at the bound instead of hanging the suite.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.analysis.batch import Batch, BatchError, _dask_client
from simulator.analysis.store import read_table
from simulator.cli import main

HERE = str(Path(__file__).parent)
BOUND = 240  # seconds: a bound on a hang, not a measure of speed


@pytest.fixture(scope="module")
def short4(tmp_path_factory) -> str:
    """The tutorial cut to four weeks."""
    path = tmp_path_factory.mktemp("scn") / "short4.yaml"
    path.write_text("extends: tutorial\nweeks: 4\nperiod_weeks: 2\n", encoding="utf-8")
    return str(path)


def _env(gate: Path | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [HERE, os.environ.get("PYTHONPATH")])),
    }
    if gate is not None:
        env["SALESIM_TEST_GATE"] = str(gate)
    return env


def _batch(scenario: str, out: Path, *words: str) -> list[str]:
    return [sys.executable, "-m", "simulator", "batch", "--scenario", scenario,
            "--out", str(out), "--no-progress", *words]  # fmt: skip


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_policy_that_swallows_the_time_limit_is_stopped_and_the_other_runs_kept(
    tmp_path, short4, jobs
):
    """A policy whose endless loop has a bare ``except:`` swallowed the alarm of
    ``--timeout``: the batch never ended. One that swallowed it for a while and then
    answered finished its run as if in time. Both now fail as timed out; the others'
    runs are played and kept."""
    out = tmp_path / "b"
    words = ["--policy", "hands_off", "plugin_policies:SwallowsEverything",
             "plugin_policies:SwallowsThenAnswers", "--baseline", "hands_off",
             "--runs", "1", "--jobs", jobs, "--timeout", "1"]  # fmt: skip
    done = subprocess.run(
        _batch(short4, out, *words), capture_output=True, text=True, timeout=BOUND, env=_env()
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "2 runs of this batch failed" in done.stderr
    rows = read_table(out, "runs")
    assert len(rows) == 3
    for r in rows:
        if r["policy"] == "hands_off":
            assert r["status"] == "ok"
        else:
            assert r["status"] == "failed" and r["error"] == "timed out after 1 s (--timeout)"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_one_worker_batch_stops_on_a_signal_its_policy_swallows(tmp_path, short4, sig):
    """With ``--jobs 1`` the runs played in the command's own process, so a policy's
    bare ``except:`` swallowed Ctrl-C and SIGTERM as well: nothing stopped the batch.
    Now it stops (130), and the runs it finished are in its tables."""
    out, gate = tmp_path / "b", tmp_path / "gate"
    gate.mkdir()
    # SIGTERM stops at once, whatever the limit; Ctrl-C waits for the run under way,
    # which the limit then ends
    limit = "600" if sig == signal.SIGTERM else "2"
    words = ["--policy", "hands_off", "plugin_policies:SwallowsEverything", "--baseline",
             "hands_off", "--runs", "3", "--jobs", "1", "--timeout", limit]  # fmt: skip
    proc = subprocess.Popen(
        _batch(short4, out, *words),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(gate),
        # a test run in the background inherits an ignored SIGINT: give it the usual one
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        journal = out / "journal.jsonl"
        began = time.monotonic()
        while not ((gate / "hanging").exists() and journal.exists() and journal.read_text()):
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() - began < BOUND
            time.sleep(0.05)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=BOUND)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted: rerun the same command" in err
    kept = journal.read_text().count("\n")
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "interrupted" and manifest["finished_runs"] == kept >= 1
    rows = read_table(out, "runs")
    assert len(rows) == kept and any(r["policy"] == "hands_off" for r in rows)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_time_limit_shorter_than_starting_a_run_fails_the_runs_in_words(tmp_path, short4, jobs):
    """``--timeout 1e-5``: the alarm rang before the run's guard was up, and the batch
    ended in a traceback (RunTimeout). Now every run is recorded as timed out."""
    out = tmp_path / "b"
    words = ["--policy", "hands_off", "--runs", "3", "--jobs", jobs, "--timeout", "1e-5"]
    done = subprocess.run(
        _batch(short4, out, *words), capture_output=True, text=True, timeout=BOUND, env=_env()
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "3 runs of this batch failed" in done.stderr
    rows = read_table(out, "runs")
    assert [r["error"] for r in rows] == ["timed out after 1e-05 s (--timeout)"] * 3


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_policy_raising_what_is_not_an_exception_fails_only_its_own_runs(tmp_path, short4, jobs):
    """A policy raising ``BaseException("boom")`` or ``GeneratorExit`` ended the whole
    batch with a traceback; now each is its run's failure, in words."""
    policies = ["plugin_policies:RaisesBase", "plugin_policies:RaisesGeneratorExit", "hands_off"]
    outcome = Batch(tmp_path, [short4], policies, runs=2, seed=1, jobs=jobs).run(progress=False)
    assert not outcome.interrupted and outcome.failed == 4
    errors = {r["policy"]: r["error"] for r in read_table(tmp_path, "runs")}
    assert errors["plugin_policies:RaisesBase"].startswith(
        "the policy raised BaseException: boom in week 2 (at plugin_policies.py:"
    )
    assert errors["plugin_policies:RaisesGeneratorExit"].startswith(
        "the policy raised GeneratorExit in week 2 (at plugin_policies.py:"
    )
    assert errors["hands_off"] == ""


@pytest.mark.parametrize(
    ("policy", "said"),
    [("RaisesBase", "BaseException: boom"), ("RaisesGeneratorExit", "GeneratorExit")],
)
def test_salesim_run_tells_a_policy_raising_what_is_not_an_exception_in_one_line(
    short4, capsys, monkeypatch, policy, said
):
    monkeypatch.syspath_prepend(HERE)
    assert main(["run", "--scenario", short4, "--policy", f"plugin_policies:{policy}"]) == 1
    err = capsys.readouterr().err
    assert f"the policy raised {said} in week 2" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_sweep_of_billions_of_points_is_refused_before_it_is_built(tmp_path):
    """Three ``--set`` fields of a thousand values each: the product of a billion points
    was built (5 to 15 GB) before the cap of a million runs was checked. Now it is
    refused at once, in one line, in the memory of any command."""
    import resource

    values = ",".join(str(i) for i in range(1000))
    out = tmp_path / "b"
    words = ["--policy", "hands_off", "--runs", "1"]
    for key in ("market.lead_rate", "manager.budget_per_period", "reps.0.engagement"):
        words += ["--set", f"{key}={values}"]
    gigabyte = 1 << 30

    def one_gigabyte() -> None:  # what the design would need is far more
        resource.setrlimit(resource.RLIMIT_AS, (gigabyte, gigabyte))

    done = subprocess.run(
        _batch("tutorial", out, *words),
        capture_output=True,
        text=True,
        timeout=BOUND,
        env=_env(),
        preexec_fn=one_gigabyte,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "salesim: error: --set: 1,000,000,000 combinations of values; at most 5,000 points "
        "in one batch (each is a scenario of its own, kept in memory); split the study into "
        "several batches\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    "design",
    [["--set", "market.lead_rate=0.5:1.5", "--sample", "lhs:100000"],
     ["--set", f"market.lead_rate={','.join(str(i / 100) for i in range(1, 10_001))}"]],
    ids=["lhs", "factorial"],
)  # fmt: skip
def test_a_design_of_too_many_points_is_refused_before_one_is_built(tmp_path, design):
    """A design's points are each a scenario, checked and kept in memory (about 40 kB):
    lhs:100000 passed the cap on runs, then took 1.5 GB and ended in MemoryError before
    any run. A design of more than 5,000 points is refused first, in one line."""
    done = subprocess.run(
        _batch("tutorial", tmp_path / "b", "--policy", "hands_off", "--runs", "1", *design),
        capture_output=True,
        text=True,
        timeout=BOUND,
        env=_env(),
    )
    assert done.returncode == 2, done.stderr
    assert "at most 5,000 points in one batch" in done.stderr and done.stderr.count("\n") == 1


@pytest.fixture
def not_a_scheduler(request):
    """A local server that is not a Dask scheduler: ``http`` answers anything with an
    HTTP 400, ``silent`` accepts connections and never says a word. Its address."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return  # closed: the test is over
            if request.param == "http":
                with contextlib.suppress(OSError):
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
                conn.close()
            else:
                held.append(conn)

    threading.Thread(target=serve, daemon=True).start()
    yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    server.close()
    for conn in held:
        conn.close()


@pytest.mark.parametrize(
    ("not_a_scheduler", "said"),
    [
        ("http", "what answers there is not a Dask scheduler (it spoke another protocol)"),
        ("silent", "no answer within 3 s; is a Dask scheduler listening there?"),
    ],
    indirect=["not_a_scheduler"],
)
def test_a_dask_address_that_is_not_a_scheduler_is_told_in_one_line(
    tmp_path, not_a_scheduler, said
):
    """``--dask`` at an HTTP server ended in a traceback ("Unable to allocate 3.07 EiB");
    at a server that never answers, the command waited forever."""
    pytest.importorskip("distributed")
    out = tmp_path / "b"
    argv = ["batch", "--scenario", "tutorial", "--policy", "hands_off", "--runs", "1",
            "--dask", not_a_scheduler, "--out", str(out), "--no-progress"]  # fmt: skip
    code = (
        "import sys, simulator.analysis.batch as b; from simulator.cli import main; "
        "b.DASK_CONNECT_TIMEOUT = '1s'; b.DASK_ANSWER_SECONDS = 2.0; "
        "raise SystemExit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        timeout=BOUND,
        env=_env(),
    )
    assert done.returncode == 2, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last == f"salesim: error: --dask {not_a_scheduler}: {said}" + (
        " (start one with: dask scheduler; it listens on port 8786)"
        if "no answer" in said
        else "; check the address and port (a scheduler listens on 8786)"
    )
    assert "Traceback" not in done.stderr and not out.exists()


@pytest.mark.parametrize(
    ("raised", "told"),
    [
        (MemoryError("Unable to allocate 3.07 EiB"), "it spoke another protocol"),
        (RuntimeError("the event loop did not start"), "RuntimeError: the event loop did not"),
        (OSError("Timed out during handshake"), "cannot reach the Dask scheduler at"),
    ],
)
def test_a_failed_dask_connection_is_told_by_what_failed_never_guessed(raised, told):
    """Only bytes of another protocol are told as another protocol: any other failure
    of the connection is named as it came (it had been told as "another protocol")."""

    def client(address, timeout):
        raise raised

    with pytest.raises(BatchError) as said:
        _dask_client(client, "tcp://127.0.0.1:1")
    assert told in str(said.value)
    assert ("another protocol" in str(said.value)) == isinstance(raised, MemoryError)


def _sensitivity(scenario: str, *words: str) -> subprocess.CompletedProcess[str]:
    """A small Morris study of ``scenario`` as a command, with the plugin policies at hand."""
    argv = [sys.executable, "-m", "simulator", "sensitivity", scenario, "--method", "morris",
            "--vary", "params.quit_base=0.2:0.8", "--samples", "2", *words]  # fmt: skip
    return subprocess.run(argv, capture_output=True, text=True, timeout=BOUND, env=_env())


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_sensitivity_study_keeps_going_when_its_policy_ends_its_own_process(
    tmp_path, short4, jobs
):
    """A policy that ends its process (``os._exit``) on some seeds ended the whole
    study with it (``--jobs 1``: the command gone, exit 3, not a word) or in a
    traceback (``BrokenProcessPool``). Every run now plays in a worker, as a batch's
    do: the study is analysed on the runs that finished, the failed ones counted."""
    done = _sensitivity(
        short4, *["--policy", "plugin_policies:DiesSometimes", "--replicates", "4", "--jobs", jobs]
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    # seeds 1 to 4: the policy dies on 1, 3 and 4 of each point's four, lives on 2
    assert "4 points, 16 runs (12 failed)" in done.stdout, done.stdout


def test_a_sensitivity_study_whose_policy_never_answers_ends_at_its_time_limit(tmp_path, short4):
    """A policy that hangs and swallows the alarm held a sensitivity study forever (it
    had no time limit): each run is now stopped at ``--timeout`` and its worker ended,
    and a study none of whose runs finished says so in one line and exits 1."""
    done = _sensitivity(
        short4, *["--policy", "plugin_policies:SwallowsEverything", "--timeout", "1", "--jobs", "2"]
    )
    assert done.returncode == 1, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(
        "salesim: error: plugin_policies:SwallowsEverything: every run failed, nothing to "
        "analyse (the first: "
    ), last
    assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def finished(tmp_path_factory, short4) -> Path:
    """A finished batch's folder: two policies, two seeds."""
    folder = tmp_path_factory.mktemp("finished") / "b"
    Batch(folder, [short4], ["by_the_book", "hands_off"], runs=2, jobs=1).run(progress=False)
    return folder


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("total as text", "its 'total' column holds 'x', where numbers belong"),
        ("no policy", "it has no 'policy' column"),
        ("total infinite", "its 'total' column holds inf, where finite numbers belong"),
        ("seed infinite", "its 'seed' column holds inf, where whole numbers belong"),
    ],
)
def test_compare_tells_a_runs_table_it_cannot_use_in_one_line(
    tmp_path, finished, short4, capsys, change, said
):
    """A runs.parquet whose ``total`` is text, or which has no ``policy`` column (edited
    by hand, or written by another program), ended compare in a traceback (ValueError:
    could not convert string to float, KeyError: 'policy')."""
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path / "b"
    shutil.copytree(finished, folder)
    table = pq.read_table(folder / "runs.parquet")
    if change == "total as text":
        i = table.schema.get_field_index("total")
        table = table.set_column(i, "total", pa.array(["x"] * table.num_rows))
    elif change in ("total infinite", "seed infinite"):
        name = change.split()[0]
        i = table.schema.get_field_index(name)
        table = table.set_column(i, name, pa.array([float("inf")] * table.num_rows))
    else:
        table = table.drop(["policy"])
    pq.write_table(table, folder / "runs.parquet")
    assert main(["compare", str(folder), "--no-plots"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"salesim: error: {folder / 'runs.parquet'} is not a table salesim batch wrote: {said}; "
        "run the same salesim batch command again to write it anew from the batch's journal\n"
    )
    # and what it says to do does it
    Batch(folder, [short4], ["by_the_book", "hands_off"], runs=2, jobs=1).run(progress=False)
    assert main(["compare", str(folder), "--no-plots"]) == 0


def test_compare_refuses_a_runs_table_of_more_rows_than_a_batch_writes_before_reading_it(
    tmp_path, finished, monkeypatch, capsys
):
    """A runs.parquet of 510 kB held five million identical rows: compare read them all
    into memory and ended in MemoryError at 1.5 GB. A table of more rows than a batch
    writes is refused from its own count, before a row is read (here the cap is made
    small, below the finished batch's four runs)."""
    import shutil

    from simulator.analysis import compare

    folder = tmp_path / "b"
    shutil.copytree(finished, folder)
    monkeypatch.setattr(compare, "MOST_RUNS", 3)
    assert main(["compare", str(folder), "--no-plots"]) == 2
    err = capsys.readouterr().err
    assert "runs.parquet holds 4 rows, more than a batch writes (3 at most)" in err
    assert err.count("\n") == 1


def test_a_policy_that_prints_leaves_run_json_pure(short4):
    """A policy's ``print`` landed in the middle of ``salesim run --json``'s object, so
    the output was no longer JSON; now what it prints goes to standard error."""
    cmd = [sys.executable, "-m", "simulator", "run", "--scenario", short4,
           "--policy", "plugin_policies:Prints", "--json"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=BOUND, env=_env())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["policy"] == "plugin_policies:Prints"
    assert "policy here, week 1" in done.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_policy_that_prints_leaves_a_batchs_summary_alone(tmp_path, short4, jobs):
    """The batch's summary is its standard output (often sent to a file); what a policy
    prints in the workers landed in it, line by line. It goes to standard error now."""
    words = ["--policy", "hands_off", "plugin_policies:Prints", "--baseline", "hands_off",
             "--runs", "2", "--jobs", jobs]  # fmt: skip
    done = subprocess.run(
        _batch(short4, tmp_path / "b", *words),
        capture_output=True,
        text=True,
        timeout=BOUND,
        env=_env(),
    )
    assert done.returncode == 0, done.stderr
    assert "policy here" not in done.stdout and "policy here, week 1" in done.stderr
    assert "plugin_policies:Prints" in done.stdout  # the summary itself is still there


def test_a_policy_printing_into_a_closed_pipe_is_not_told_as_its_mistake(tmp_path, short4):
    """``salesim run ... | head``: once ``head`` has read its lines, a policy that prints a
    lot meets a closed pipe, and that was told as the policy's error ("the policy raised
    BrokenPipeError"). The command stops quietly, as Unix tools do."""
    loud = tmp_path / "loud.py"
    loud.write_text(
        "class Loud:\n"
        "    def decide(self, obs):\n"
        "        print('x' * 100_000)\n"
        "        return []\n",
        encoding="utf-8",
    )
    cmd = [sys.executable, "-m", "simulator", "run", "--scenario", short4,
           "--policy", f"{loud}:Loud"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
    )
    proc.stdout.readline()  # what head -1 reads, and then it is gone
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=BOUND) == 0, err
    assert "BrokenPipe" not in err and "policy" not in err, err


def test_salesim_class_shows_participants_file_names_escaped(tmp_path, short4, capfd):
    """A participant's save named with a terminal's escape codes (a title change, a
    cleared screen, a colour) had them printed raw by ``salesim class``: now each is
    shown as its escape, as every other message shows a file name."""
    import shutil

    good = tmp_path / "good.json"
    assert main(["run", "--scenario", short4, "--policy", "hands_off", "--quiet",
                 "--save", str(good)]) == 0  # fmt: skip
    shutil.copy(good, tmp_path / "e\x1b]0;PWNED\x07\x1b[2J.json")
    (tmp_path / "bad\x1b[31mRED.json").write_text("{", encoding="utf-8")
    capfd.readouterr()
    saves = sorted(str(p) for p in tmp_path.glob("*.json"))
    assert main(["class", *saves, "--out", str(tmp_path / "out"), "--jobs", "1"]) == 1
    out, err = capfd.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert f"salesim: left out {tmp_path}/bad\\x1b[31mRED.json: " in err
    assert "e\\x1b]0;PWNED\\x07\\x1b[2J.json" in err


def test_calibrate_with_by_the_book_alone_claims_nothing(short4, capsys):
    """``calibrate --policy by_the_book`` played no other policy, yet said by_the_book
    "beats every other policy beyond the noise"."""
    assert main(["calibrate", short4, "--runs", "2", "--jobs", "1", "--policy", "by_the_book"]) == 0
    out = capsys.readouterr().out
    assert "beats every other policy" not in out
    assert (
        "Does it reward good management? Not measured: by_the_book was the only policy "
        "played. Name others with --policy, or leave --policy out to play every built-in one."
    ) in out


def test_the_sensitivity_table_keeps_its_columns_apart():
    """A field's path longer than the name column, or an index of many digits, ran into
    the next column ("market.segments.*.deal_size_median-12.345   10.5001234.500")."""
    from simulator.analysis.sensitivity import Index, Sensitivity, report

    indices = [Index("market.segments.*.deal_size_median", -12.345, 10.5, 1234.5, 0.1)]
    for method in ("sobol", "morris"):
        table = report(Sensitivity(method, "by_the_book", 6, 6, 0, indices, 70.0, 1.0, 2))
        head, row = table.splitlines()[1:3]
        words = row.split()
        assert words[0] == "market.segments.*.deal_size_median"
        assert len(words) == len(head.replace("± conf", "±conf").split())
        assert [float(w) for w in words[1:]] == (
            [-12.345, 10.5, 1234.5, 0.1] if method == "sobol" else [-12.35, 10.5, 1234.5]
        )


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("folder", "is a folder, not a Python file: name the .py file in it"),
        ("/dev/zero", "is a device, not a Python file"),
    ],
)
def test_a_policy_file_that_is_no_file_is_told_for_what_it_is(tmp_path, capsys, where, said):
    """``--policy dir.py:X`` (a folder) and ``--policy /dev/zero:X`` were told as "does
    not exist", which sent the analyst looking for a typo in a path that was there."""
    path = where
    if where == "folder":
        path = str(tmp_path / "mine.py")
        Path(path).mkdir()
    assert main(["run", "--policy", f"{path}:Mine", "--quiet"]) == 2
    assert capsys.readouterr().err == f"salesim: error: policy file {path!r} {said}\n"


def test_a_sensitivity_of_a_field_that_moves_nothing_says_so_in_its_own_words(capfd):
    """SALib's warning, with its own file's path, was all a score that never moved got;
    the report now says it in one line of its own, and SALib says nothing."""
    code = main(["sensitivity", "tutorial", "--vary", "params.hours.push_deal=0:1",
                 "--samples", "4", "--replicates", "1", "--jobs", "1"])  # fmt: skip
    out, err = capfd.readouterr()
    assert code == 0, err
    assert "The score hardly moved across these ranges" in out
    assert "UserWarning" not in err and "site-packages" not in err


def test_a_policy_file_of_a_name_thousands_long_is_told_shortened(capsys):
    name = "a" * 3_000 + ".py:X"
    assert main(["run", "--scenario", "tutorial", "--policy", name, "--quiet"]) == 2
    err = capsys.readouterr().err
    assert len(err) < 300 and "…" in err, err


def test_a_swept_value_refused_is_named_as_given_not_rounded(tmp_path, capsys):
    """``--set params.growth_rate=0.01,0.010000001`` was refused "with
    params.growth_rate=0.01 ... (got 0.010000001)": the point's label rounds."""
    code = main(["batch", "--scenario", "tutorial", "--policy", "hands_off", "--runs", "1",
                 "--set", "params.growth_rate=0.01,0.010000001",
                 "--out", str(tmp_path / "b")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "with params.growth_rate=0.010000001: " in err, err


@pytest.mark.parametrize(
    ("vary", "said"),
    [
        ("params.quit_base=0:3", "--vary params.quit_base=0:3: "),
        ("params.stall_days=1.5:20.5", "should be a whole number (got 1.5)"),
    ],
)
def test_a_sensitivity_range_is_checked_at_its_ends_before_any_point_is_drawn(capsys, vary, said):
    """A range beyond what its field takes was told at whichever sampled point first passed
    it ("got 2" for 0:3), and a whole-number field's range with fractional ends failed at
    a sampled 4.4538...; each range's ends are checked first, and told with the --vary."""
    code = main(["sensitivity", "tutorial", "--vary", vary, "--samples", "4"])
    err = capsys.readouterr().err
    assert code == 2 and said in err and err.count("\n") == 1, err
    if "quit_base" in vary:
        assert "should be from 0 to 1 (got 3)" in err


def test_a_sensitivity_design_of_too_many_points_is_refused_before_it_is_drawn(capsys):
    code = main(["sensitivity", "tutorial", "--vary", "params.quit_base=0:0.01",
                 "--samples", "8192"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "24,576 points with 1 field; at most 10,000" in err, err


def test_a_run_that_swallows_its_alarm_and_answers_late_is_timed_out_at_the_weeks_end(short4):
    """Where no alarm can interrupt a policy (a thread, as on a Dask worker), or where it
    swallowed the alarm and then answered, the run went on as if in time; the clock is read
    again at every week's end. (The batch's own test may end such a worker from outside
    first; this holds the week's-end check on its own.)"""
    import threading

    from simulator.analysis.runs import Task, execute
    from simulator.scenario import load_scenario

    scenario = load_scenario(short4)
    task = Task(0, 0, 0, "plugin_policies:SwallowsThenAnswers", 1)
    done: list[dict] = []
    worker = threading.Thread(target=lambda: done.append(execute(task, scenario, "s", (), 1.0)))
    worker.start()
    worker.join(BOUND)
    assert done, "the run never ended"
    row = done[0]["row"]
    assert row["status"] == "failed" and row["error"] == "timed out after 1 s (--timeout)"
