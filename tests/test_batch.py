"""Batch experiments: same tables however they run, resumable, and robust to failing runs."""

from __future__ import annotations

import contextlib
import json
import math
import shutil
from pathlib import Path

import pytest
from plugin_policies import DiesRarely, DiesSometimes, FailsSometimes, doomed_seeds

from simulator.analysis import store
from simulator.analysis.batch import Batch, BatchError
from simulator.analysis.cluster import MAX_CHUNK, guided_chunks
from simulator.analysis.compare import load, text
from simulator.analysis.design import factorial, parse_sweep
from simulator.analysis.runs import Task
from simulator.analysis.store import read_table
from simulator.scenario import scenarios_dir

TUTORIAL = str(scenarios_dir() / "tutorial.yaml")


@pytest.fixture(scope="module")
def short8(tmp_path_factory) -> str:
    """The tutorial cut to eight weeks: runs that take a moment."""
    path = tmp_path_factory.mktemp("scn") / "short8.yaml"
    path.write_text("extends: tutorial\nweeks: 8\nperiod_weeks: 4\n", encoding="utf-8")
    return str(path)


def table(folder, name="runs"):
    return read_table(folder, name)


def same(a, b) -> bool:
    """Tables equal cell for cell (NaN equal to NaN)."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x.keys() != y.keys():
            return False
        for k in x:
            u, v = x[k], y[k]
            if isinstance(u, float) and isinstance(v, float) and math.isnan(u) and math.isnan(v):
                continue
            if u != v:
                return False
    return True


def small(folder, jobs=1, **kw) -> Batch:
    opts = {
        "policies": ["by_the_book", "hands_off"],
        "runs": 3,
        "seed": 5,
        "points": factorial([parse_sweep("market.lead_rate=0.8,1.2")]),
        "jobs": jobs,
    }
    opts.update(kw)
    return Batch(folder, [TUTORIAL], **opts)


@pytest.fixture(scope="module")
def sequential(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sequential")
    outcome = small(folder).run(progress=False)
    assert outcome.executed == 12 and outcome.failed == 0
    return folder


def test_the_design_is_every_scenario_point_policy_and_seed_with_common_seeds(sequential):
    rows = table(sequential)
    assert len(rows) == 12 and [r["run"] for r in rows] == list(range(12))
    assert {r["seed"] for r in rows} == {5, 6, 7}
    for r in rows:  # run i of every policy and point has the same seed
        assert r["seed"] == 5 + (r["run"] // 2) % 3
    assert {r["param.market.lead_rate"] for r in rows} == {0.8, 1.2}
    assert all(r["status"] == "ok" and 0 <= r["total"] <= 100 for r in rows)
    reps = table(sequential, "reps")
    assert len(reps) >= 12 * 4 and {r["type"] for r in reps} >= {"competitor", "service"}
    manifest = json.loads((sequential / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["seeds"] == [5, 6, 7]
    assert manifest["total_runs"] == 12 and manifest["finished_runs"] == 12
    assert {"python", "numpy", "simpy"} <= set(manifest["versions"])
    assert manifest["started"] and manifest["updated"] and manifest["command"]


def test_a_two_worker_pool_gives_the_same_table_as_one_process(sequential, tmp_path):
    small(tmp_path, jobs=2).run(progress=False)
    assert same(table(tmp_path), table(sequential))
    assert same(table(tmp_path, "reps"), table(sequential, "reps"))


def test_a_dask_cluster_gives_the_same_table_as_one_process(sequential, tmp_path):
    distributed = pytest.importorskip("distributed")
    # on loopback, every port (the scheduler's and its HTTP server's) chosen by the system
    with _cluster(distributed) as cluster:
        small(tmp_path, dask=cluster.scheduler_address).run(progress=False)
    assert same(table(tmp_path), table(sequential))
    assert "dask" in json.loads((tmp_path / "manifest.json").read_text())["executor"]


def _cluster(distributed, **config):
    """A local Dask cluster of two worker processes; on loopback, every port (the
    scheduler's and its HTTP server's) chosen by the system.

    Each worker is handed one task at a time (saturation 1). By default a worker
    also holds the next one in its queue, and a task queued behind one that
    kills the worker counts as a suspect each time: Dask gives up on a task
    after four deaths around it, so which innocent runs fail would depend on
    timing. ``config``: more of the scheduler's settings.
    """
    import dask

    settings = {
        f"distributed.scheduler.{k}": v for k, v in {"worker-saturation": 1.0, **config}.items()
    }
    # workers forked from a server that imported Dask once (Dask's own test suite does
    # the same), not each started afresh: a third less CPU for these tests
    settings["distributed.worker.multiprocessing-method"] = "forkserver"
    with dask.config.set(settings):
        return distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        )


def test_on_dask_a_worker_killed_by_a_run_fails_only_that_run(tmp_path, short8):
    """A plugin that kills its worker: the other runs, even those queued on that worker
    or waiting for data it held, complete (nothing is scattered to die with it)."""
    distributed = pytest.importorskip("distributed")
    from pathlib import Path

    seeds = list(range(1, 7))
    doomed = doomed_seeds(DiesSometimes, seeds)
    assert 0 < len(doomed) < len(seeds)
    here = str(Path(__file__).parent)
    # a run that kills its worker is tried twice, not Dask's default four times: each
    # try costs a worker started afresh, and the outcome is the same
    with (
        _cluster(distributed, **{"allowed-failures": 1}) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.run(lambda: __import__("sys").path.insert(0, here))  # the plugin's module
        batch = Batch(
            tmp_path, [short8], ["plugin_policies:DiesSometimes"], runs=6, seed=1, dask=client
        )
        outcome = batch.run(progress=False)
    rows = table(tmp_path)
    assert outcome.failed == len(doomed)
    assert sorted(r["seed"] for r in rows if r["status"] == "failed") == doomed
    assert all(r["status"] == "ok" for r in rows if r["seed"] not in doomed)


def test_a_cluster_gets_big_chunks_first_and_single_runs_at_the_end():
    tasks = [Task(i, 0, 0, "by_the_book", i) for i in range(300)]
    chunks = guided_chunks(tasks, workers=2)
    sizes = [len(c) for c in chunks]
    assert [t for c in chunks for t in c] == tasks  # every run once, in order
    assert sizes[0] == MAX_CHUNK and sizes == sorted(sizes, reverse=True)
    assert sizes[-8:] == [1] * 8  # the last runs go one by one: nobody waits at the end
    assert len(chunks) < len(tasks) / 4  # a fraction of the scheduler's round trips
    assert [len(c) for c in guided_chunks(tasks[:7], workers=2)] == [1] * 7


def test_on_dask_a_chunk_lost_with_its_worker_is_replayed_run_by_run(tmp_path, short8):
    """The first of 16 runs kills its worker while in a chunk with another run: the
    chunk fails (the cluster retries a task once), each of its runs is sent again
    alone, and only the killer is recorded as failed."""
    distributed = pytest.importorskip("distributed")
    from pathlib import Path

    first = next(b for b in range(1, 2000) if doomed_seeds(DiesRarely, range(b, b + 16)) == [b])
    tasks = [Task(i, 0, 0, "p", first + i) for i in range(16)]
    assert len(guided_chunks(tasks, workers=2)[0]) > 1  # the killer shares its chunk
    here = str(Path(__file__).parent)
    with (
        _cluster(distributed, **{"allowed-failures": 1}) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.run(lambda: __import__("sys").path.insert(0, here))  # the plugin's module
        batch = Batch(
            tmp_path, [short8], ["plugin_policies:DiesRarely"], runs=16, seed=first, dask=client
        )
        outcome = batch.run(progress=False)
    rows = table(tmp_path)
    assert len(rows) == 16 and outcome.failed == 1
    assert [r["seed"] for r in rows if r["status"] == "failed"] == [first]


def test_an_interrupted_batch_resumes_without_doing_any_run_twice(sequential, tmp_path):
    seen = []

    def stop_after_five(entry):
        seen.append(entry["row"]["run"])
        if len(seen) == 5:
            raise KeyboardInterrupt

    first = small(tmp_path, jobs=2).run(progress=False, on_result=stop_after_five)
    assert first.interrupted and 5 <= first.executed < 12
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["status"] == "interrupted" and manifest["finished_runs"] == first.executed
    assert len(table(tmp_path)) == first.executed  # what finished is kept, in the tables too
    # compared as it stands, it says it is partial first (its page did; its text did not)
    told = text(load(tmp_path))
    assert told.startswith(
        f"A partial batch (stopped): {first.executed} of 12 runs finished. "
        "The same batch command finishes it.\n"
    ), told

    second = small(tmp_path, jobs=2).run(progress=False)
    assert second.skipped == first.executed and second.executed == 12 - first.executed
    lines = (tmp_path / "journal.jsonl").read_text().splitlines()
    runs = [json.loads(line)["row"]["run"] for line in lines]
    assert sorted(runs) == list(range(12))  # every run exactly once
    assert same(table(tmp_path), table(sequential))
    # the reps' and weeks' rows of the runs found done come back whole from the journal
    for name in ("reps", "weeks"):
        assert same(table(tmp_path, name), table(sequential, name))
    assert json.loads((tmp_path / "manifest.json").read_text())["status"] == "complete"
    assert "partial" not in text(load(tmp_path))


def test_the_journal_is_compact_and_an_older_verbose_one_still_resumes(sequential, tmp_path):
    journal = sequential / "journal.jsonl"
    tables = sum((sequential / f"{n}.parquet").stat().st_size for n in ("runs", "reps", "weeks"))
    # each label is kept once per run, the weekly rows as values under one header
    assert journal.stat().st_size < 2 * tables, (journal.stat().st_size, tables)
    # a folder journalled by an earlier version (every row a dict) is read as it was
    from simulator.analysis.store import expand

    verbose = [json.dumps(expand(json.loads(line))) for line in journal.read_text().splitlines()]
    (tmp_path / "journal.jsonl").write_text("\n".join(verbose) + "\n")
    shutil.copy(sequential / "manifest.json", tmp_path / "manifest.json")
    assert journal.stat().st_size < 0.5 * (tmp_path / "journal.jsonl").stat().st_size
    again = small(tmp_path).run(progress=False)
    assert again.skipped == 12 and again.executed == 0
    for name in ("runs", "reps", "weeks"):
        assert same(table(tmp_path, name), table(sequential, name))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stop_between_the_journal_and_the_count_keeps_the_manifest_equal_to_the_journal(
    sequential, tmp_path, monkeypatch, jobs
):
    """A Ctrl-C landing just after a run's journal line is on disk, before it is counted."""
    append = store.Journal.append
    written = []

    def append_then_stop(journal, entry):
        append(journal, entry)
        written.append(entry["row"]["run"])
        if len(written) == 3:
            raise KeyboardInterrupt  # exactly between the journal and the count

    monkeypatch.setattr(store.Journal, "append", append_then_stop)
    first = small(tmp_path, jobs=jobs).run(progress=False)
    monkeypatch.setattr(store.Journal, "append", append)
    assert first.interrupted
    lines = (tmp_path / "journal.jsonl").read_text().splitlines()
    assert len(lines) == len(written) >= 3
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["status"] == "interrupted" and manifest["finished_runs"] == len(lines)
    assert sorted(r["run"] for r in table(tmp_path)) == sorted(written)

    second = small(tmp_path, jobs=jobs).run(progress=False)
    assert second.skipped == len(lines) and second.executed == 12 - len(lines)
    assert same(table(tmp_path), table(sequential))


def test_a_run_cut_short_mid_write_is_simply_not_finished(sequential, tmp_path):
    small(tmp_path).run(progress=False)
    journal = tmp_path / "journal.jsonl"
    text = journal.read_text()
    journal.write_text(text[: len(text) - 40])  # the last line torn by a crash
    again = small(tmp_path).run(progress=False)
    assert again.executed == 1 and same(table(tmp_path), table(sequential))


def test_runs_that_raise_are_recorded_with_their_error_and_the_rest_complete(tmp_path):
    seeds = list(range(1, 9))
    doomed = doomed_seeds(FailsSometimes, seeds)
    assert 0 < len(doomed) < len(seeds)
    batch = Batch(
        tmp_path,
        [TUTORIAL],
        ["plugin_policies:FailsSometimes", "hands_off"],
        runs=8,
        seed=1,
        jobs=2,
    )
    outcome = batch.run(progress=False)
    assert outcome.failed == len(doomed)
    rows = table(tmp_path)
    failed = [r for r in rows if r["status"] == "failed"]
    assert sorted(r["seed"] for r in failed) == doomed
    assert all(r["policy"] == "plugin_policies:FailsSometimes" for r in failed)
    assert all("ValueError: this policy gives up in week 3" in r["error"] for r in failed)
    assert all(r["total"] is None for r in failed)
    ok = [r for r in rows if r["status"] == "ok"]
    assert len(ok) == 16 - len(doomed) and all(r["total"] > 0 for r in ok)


def test_a_worker_that_dies_is_replaced_and_its_run_recorded_as_failed(tmp_path):
    seeds = list(range(1, 9))
    doomed = doomed_seeds(DiesSometimes, seeds)
    assert 0 < len(doomed) < len(seeds)
    batch = Batch(tmp_path, [TUTORIAL], ["plugin_policies:DiesSometimes"], runs=8, seed=1, jobs=2)
    outcome = batch.run(progress=False)
    rows = table(tmp_path)
    assert len(rows) == 8 and outcome.failed == len(doomed)
    failed = sorted(r["seed"] for r in rows if r["status"] == "failed")
    assert failed == doomed
    assert all("worker process died" in r["error"] for r in rows if r["status"] == "failed")


def test_failed_runs_are_kept_on_resume_unless_asked_to_retry(tmp_path):
    kw = {"runs": 4, "seed": 1, "jobs": 1}
    pols = ["plugin_policies:FailsSometimes"]
    Batch(tmp_path, [TUTORIAL], pols, **kw).run(progress=False)
    again = Batch(tmp_path, [TUTORIAL], pols, **kw).run(progress=False)
    assert again.executed == 0
    retried = Batch(tmp_path, [TUTORIAL], pols, retry_failed=True, **kw).run(progress=False)
    assert retried.executed == len(doomed_seeds(FailsSometimes, range(1, 5)))


def test_a_rerun_that_finds_failed_runs_in_the_folder_says_so_and_exits_1(tmp_path, short8, capsys):
    from simulator.cli import main

    doomed = doomed_seeds(FailsSometimes, range(1, 5))
    assert doomed, "the seeds chosen must hold a failing run"
    words = ["batch", "--scenario", short8, "--policy", "plugin_policies:FailsSometimes"]
    words += ["--runs", "4", "--seed", "1", "--jobs", "1", "--out", str(tmp_path)]
    assert main(words) == 1
    capsys.readouterr()
    assert main(words) == 1  # nothing played now, but the batch still holds failed runs
    err = capsys.readouterr().err
    assert f"0 runs done now, 4 found done ({len(doomed)} of them failed), 0 failed now" in err
    assert "rerun with --retry-failed" in err
    assert main([*words, "--retry-failed"]) == 1  # they fail again, as they must
    assert f"{len(doomed)} failed now" in capsys.readouterr().err


def test_more_seeds_or_policies_reuse_the_runs_already_in_the_folder(sequential, tmp_path):
    small(tmp_path, runs=2).run(progress=False)  # seeds 5 and 6
    more = small(tmp_path, runs=3, policies=["by_the_book", "hands_off"]).run(progress=False)
    assert more.skipped == 8 and more.executed == 4  # only seed 7 is new
    assert same(table(tmp_path), table(sequential))
    wider = small(tmp_path, policies=["by_the_book", "hands_off", "random"]).run(progress=False)
    assert wider.skipped == 12 and wider.executed == 6
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["policies"] == ["by_the_book", "hands_off", "random"]
    assert len(manifest["history"]) == 2  # the two earlier designs are remembered
    rows = table(tmp_path)
    assert [r["run"] for r in rows] == list(range(18))
    book = [r for r in rows if r["policy"] == "by_the_book"]
    assert [r["total"] for r in book] == [
        r["total"] for r in table(sequential) if r["policy"] == "by_the_book"
    ]


def test_a_folder_with_other_files_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BatchError, match="not empty"):
        small(tmp_path).run(progress=False)


def test_bad_policies_and_parameters_fail_before_anything_runs(tmp_path):
    from simulator.analysis.design import DesignError
    from simulator.policies import PolicyLoadError

    with pytest.raises(PolicyLoadError, match="no decide"):
        small(tmp_path, policies=["plugin_policies:NoDecide"])
    with pytest.raises(PolicyLoadError, match="no module 'nowhere'"):
        small(tmp_path, policies=["nowhere:Policy"])
    with pytest.raises(DesignError, match="win_rate: should be less than or equal to 1"):
        small(tmp_path, points=factorial([parse_sweep("market.segments.*.win_rate=0.5,3")]))
    assert not any(tmp_path.iterdir())


def test_tables_fall_back_to_csv_without_pyarrow(sequential, tmp_path, monkeypatch):
    parquet_rows = table(sequential)
    monkeypatch.setattr(store, "pa", None)
    monkeypatch.setattr(store, "pq", None)
    small(tmp_path).run(progress=False)
    assert (tmp_path / "runs.csv").exists() and not (tmp_path / "runs.parquet").exists()
    csv_rows = table(tmp_path)
    assert [r["run"] for r in csv_rows] == [r["run"] for r in parquet_rows]
    for a, b in zip(csv_rows, parquet_rows, strict=True):
        assert a["total"] == pytest.approx(b["total"]) and a["policy"] == b["policy"]


def test_weekly_series_are_kept_for_every_run(sequential):
    weeks = table(sequential, "weeks")
    assert len(weeks) == 12 * 26
    first = [w for w in weeks if w["run"] == 0]
    assert [w["week"] for w in first] == list(range(1, 27))
    assert first[-1]["revenue"] >= first[0]["revenue"] and 0 < first[-1]["engagement"] < 1


def test_ctrl_c_stops_cleanly_and_the_same_command_finishes_the_batch(tmp_path):
    """A real Ctrl-C: the runs under way finish and are kept, the rerun does the rest.

    The policy lets exactly three runs finish and holds the others at a gate
    until the batch has said it is stopping, so what is tested does not hang on
    how fast the machine plays a run.
    """
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    out = tmp_path / "b"
    gate = tmp_path / "gate"
    gate.mkdir()
    here = str(Path(__file__).parent)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")])),
        "SALESIM_TEST_GATE": str(gate),
    }
    cmd = [
        sys.executable,
        "-m",
        "simulator",
        "batch",
        "--scenario",
        "tutorial",
        "--policy",
        "plugin_policies:OpensAfterThree",
        "--runs",
        "10",
        "--jobs",
        "2",
        "--out",
        str(out),
        "--no-progress",
    ]
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        # a test run started in the background inherits an ignored SIGINT; the
        # batch is to be stopped as from a terminal, so it gets the usual Ctrl-C
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    journal = out / "journal.jsonl"
    while not (journal.exists() and journal.read_text().count("\n") >= 3):
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.02)
    assert journal.read_text().count("\n") == 3  # the others wait at the gate
    proc.send_signal(signal.SIGINT)
    said = []
    while not (said and said[-1].startswith("stopping")):
        line = proc.stderr.readline()
        assert line, "".join(said)
        said.append(line)
    (gate / "open").touch()  # the runs under way may finish now
    _, err = proc.communicate(timeout=600)  # a bound on a hang, not a measure of speed
    err = "".join(said) + err
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted: rerun the same command" in err
    kept = journal.read_text().count("\n")
    assert 3 <= kept <= 3 + 4  # at most two runs per worker were under way
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "interrupted" and manifest["finished_runs"] == kept
    assert len(table(out)) == kept

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    runs_now = f"{10 - kept} run" + ("" if 10 - kept == 1 else "s")
    assert f"{runs_now} done now, {kept} found done" in done.stderr
    runs = [json.loads(line)["row"]["run"] for line in journal.read_text().splitlines()]
    assert sorted(runs) == list(range(10))


def test_an_unreachable_dask_scheduler_is_reported_and_touches_nothing(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    from simulator.analysis import batch as batch_module

    monkeypatch.setattr(batch_module, "DASK_CONNECT_TIMEOUT", "1s")
    out = tmp_path / "b"
    with pytest.raises(
        BatchError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        small(out, dask="tcp://127.0.0.1:9").run(progress=False)
    assert not out.exists()


def test_parquet_tables_without_pyarrow_get_a_clear_message(sequential, monkeypatch):
    from simulator.analysis.compare import CompareError, load

    monkeypatch.setattr(store, "pa", None)
    monkeypatch.setattr(store, "pq", None)
    with pytest.raises(CompareError, match="needs pyarrow to read: install the analysis extra"):
        load(sequential)
    with pytest.raises(BatchError, match="keeps its tables as Parquet"):
        small(sequential).run(progress=False)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize(
    ("policy", "error"),
    [
        ("Exits", "the policy called sys.exit(0)"),
        ("Interrupts", "the policy raised KeyboardInterrupt"),
    ],
)
def test_a_policy_that_exits_or_interrupts_fails_only_its_own_runs(
    tmp_path, policy, error, jobs, short8
):
    import plugin_policies

    seeds = list(range(1, 7))
    doomed = doomed_seeds(getattr(plugin_policies, policy), seeds)
    assert 0 < len(doomed) < len(seeds)
    name = f"plugin_policies:{policy}"
    outcome = Batch(tmp_path, [short8], [name, "hands_off"], runs=6, seed=1, jobs=jobs).run(
        progress=False
    )
    assert not outcome.interrupted and outcome.failed == len(doomed)
    rows = table(tmp_path)
    failed = [r for r in rows if r["status"] == "failed"]
    assert sorted(r["seed"] for r in failed) == doomed
    assert all(r["error"] == error for r in failed)
    assert sum(r["status"] == "ok" for r in rows) == 12 - len(doomed)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_that_hangs_is_stopped_by_the_timeout_and_recorded(tmp_path, jobs, short8):
    import time

    import plugin_policies

    seeds = list(range(1, 5))
    doomed = doomed_seeds(plugin_policies.Hangs, seeds)
    assert 0 < len(doomed) < len(seeds)
    began = time.monotonic()
    batch = Batch(
        tmp_path, [short8], ["plugin_policies:Hangs"], runs=4, seed=1, jobs=jobs, timeout=1.5
    )
    outcome = batch.run(progress=False)
    assert time.monotonic() - began < 120  # the hang cost its limit, not the batch
    assert outcome.failed == len(doomed)
    failed = [r for r in table(tmp_path) if r["status"] == "failed"]
    assert sorted(r["seed"] for r in failed) == doomed
    assert all(r["error"] == "timed out after 1.5 s (--timeout)" for r in failed)


def test_a_second_batch_into_a_busy_folder_is_refused_and_sigterm_leaves_no_process(
    tmp_path, short8
):
    """One batch writes into a folder at a time; SIGTERM stops it at once, and no worker
    of its process group is left behind."""
    import os
    import signal
    import time

    out = tmp_path / "b"
    first = _hanging_batch(out, short8)
    try:
        deadline = time.monotonic() + 60
        while not (out / "manifest.json").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.0)  # its workers are at the hanging runs now
        with pytest.raises(BatchError, match="another batch is writing into"):
            Batch(out, [short8], ["hands_off"], runs=1, seed=1, jobs=1).run(progress=False)
        os.kill(first.pid, signal.SIGTERM)
        first.wait(timeout=30)
        time.sleep(0.5)
        with pytest.raises(ProcessLookupError):
            os.killpg(first.pid, 0)  # nobody of its group is left
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    # and the folder is free again: the next batch runs
    assert Batch(out, [short8], ["hands_off"], runs=1, seed=1, jobs=1).run(progress=False)


def test_a_batch_of_millions_of_runs_is_refused_before_anything_runs(tmp_path):
    with pytest.raises(BatchError, match=r"20,000,000 runs in one batch; at most 1,000,000"):
        Batch(tmp_path / "b", [TUTORIAL], ["by_the_book", "hands_off"], runs=10_000_000)
    assert not (tmp_path / "b").exists()


def test_each_finished_run_reaches_the_journal_at_once_and_the_disk_within_a_second(
    tmp_path, monkeypatch
):
    """A run's line is readable the moment it is appended (so a Ctrl-C or a kill keeps
    it); forcing it to the disk is grouped, at most once a second, and on closing."""
    synced = []
    monkeypatch.setattr(store.os, "fsync", lambda fd: synced.append(fd))
    journal = store.Journal(tmp_path)
    for run in range(50):
        journal.append({"key": f"k{run}", "row": {"run": run}, "reps": [], "weeks": []})
        assert len(store.Journal(tmp_path).read()) == run + 1  # another reader sees it now
    assert 1 <= len(synced) <= 3  # not one per run
    journal.close()
    assert len(synced) >= 2  # closing forces what is left


def test_runs_collected_once_each_keep_memory_flat_and_leave_the_collector_as_it_was(short8):
    """A batch switches the collector to once per run: a run's objects are all freed when
    it ends (nothing piles up run after run), and the collector is back on afterwards."""
    import gc
    import tracemalloc

    from simulator.analysis.runs import Task, collected_per_run, run_collected
    from simulator.scenario import load_scenario

    scenario = load_scenario(short8)
    tracemalloc.start()
    try:
        with collected_per_run():
            assert not gc.isenabled()
            sizes = []
            for i in range(8):
                row = run_collected(
                    Task(i, 0, 0, "by_the_book", 1 + i % 2), scenario, "s", (), None
                )
                assert row["row"]["status"] == "ok"
                sizes.append(tracemalloc.get_traced_memory()[0])
    finally:
        tracemalloc.stop()
    assert gc.isenabled()
    # after the first two runs (caches filled), six more add almost nothing
    assert sizes[-1] - sizes[1] < 1_000_000, [s // 1000 for s in sizes]


def test_calibration_and_the_validity_experiments_collect_each_season_once(short8, monkeypatch):
    """Calibration and the validity experiments (and the exploit search, which plays
    through the same seasons) play as a batch's workers do: no automatic collection
    while a season plays, one collection after each, the collector back on after."""
    import gc

    from simulator.analysis import validity
    from simulator.analysis.calibrate import calibrate
    from simulator.policies.style import Style
    from simulator.scenario import load_scenario
    from simulator.session import Session

    weeks_on: list[bool] = []  # whether automatic collection was on, week by week
    passes: list[int] = []  # the collections made while it was off: the chosen ones
    week = Session.advance_week

    def advance_week(self):
        weeks_on.append(gc.isenabled())
        return week(self)

    def count(phase: str, info: dict) -> None:
        if phase == "start" and not gc.isenabled():
            passes.append(info["generation"])

    monkeypatch.setattr(Session, "advance_week", advance_week)
    gc.callbacks.append(count)
    try:
        cal = calibrate(short8, runs=2, seed=3, jobs=1, policies=["hands_off"])
        assert sum(len(r.totals) for r in cal.results.values()) == 4
        assert len(passes) == 4 and weeks_on and not any(weeks_on)
        passes.clear()
        weeks_on.clear()
        variants = (validity.Variant("a", Style()), validity.Variant("b", Style()))
        experiment = validity.Experiment("e", "", "", variants, "a", "total")
        validity.run(experiment, load_scenario(short8), seeds=[1, 2, 3])
        assert len(passes) == 6 and weeks_on and not any(weeks_on)
    finally:
        gc.callbacks.remove(count)
    assert gc.isenabled()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes in /proc")
@pytest.mark.parametrize("how", ["SIGHUP", "SIGKILL"])
def test_a_batch_killed_or_hung_up_leaves_no_worker_and_the_same_command_finishes_it(
    tmp_path, short8, how
):
    """A closed terminal (SIGHUP) or a kill the batch cannot catch (SIGKILL): its
    workers end within moments, so they neither play on for nobody nor hold the
    folder against the command run again to finish the batch."""
    import os
    import signal
    import time

    out = tmp_path / "b"
    first = _hanging_batch(out, short8)
    try:
        deadline = time.monotonic() + 60  # bounds on a hang, not measures of speed
        while not (out / "manifest.json").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _descendants(first.pid)
        assert len(workers) >= 2, "the batch's workers never started"
        os.kill(first.pid, getattr(signal, how))
        first.wait(timeout=30)
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(workers), f"workers left running after {how}"
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(first.pid, signal.SIGKILL)
    # the folder is free: a batch runs in it
    assert Batch(out, [short8], ["hands_off"], runs=1, seed=1, jobs=1).run(progress=False)


def _hanging_batch(out: Path, scenario: str):
    """``salesim batch`` started in a session of its own, on two workers whose runs hang
    (until a 300 s limit): a batch busy for as long as a test needs it."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    cmd = [sys.executable, "-m", "simulator.cli", "batch", "--scenario", scenario]
    cmd += ["--policy", "plugin_policies:Hangs", "--runs", "4", "--seed", "1"]
    cmd += ["--jobs", "2", "--timeout", "300", "--out", str(out), "--no-progress"]
    return subprocess.Popen(
        cmd, env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _descendants(pid: int) -> list[int]:
    """The processes ``pid`` started, and theirs (from /proc): a pool's workers, and
    whatever helper a start method puts between (a fork server)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
    found, todo = [], [pid]
    while todo:
        of = todo.pop()
        kids = [p for p, parent in parents.items() if parent == of]
        found += kids
        todo += kids
    return found


def _alive(pids: list[int]) -> bool:
    """Whether any of ``pids`` still runs (a zombie has ended)."""
    for pid in pids:
        with contextlib.suppress(OSError, IndexError):
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z":
                return True
    return False


def test_a_policy_file_edited_since_is_played_again_not_taken_from_the_journal(tmp_path, capsys):
    """A batch resumed after its policy file was edited mixed the old version's runs
    with the new one's under one name ("2 runs done now, 6 found done"). A policy file's
    runs are known by its source too: the old ones stay in the journal, unused, and the
    command says so; the tables are the new version's, as a fresh folder's would be."""
    from simulator.cli import main

    source = tmp_path / "mine.py"
    body = (
        "from simulator.api import OneOnOne, PipelineReview\n"
        "class Mine:\n"
        "    def decide(self, obs):\n"
        "        return [{first}]\n"
    )
    source.write_text(body.format(first="PipelineReview()"), encoding="utf-8")
    words = ["batch", "--scenario", "tutorial", "--policy", f"{source}:Mine", "--jobs", "1"]
    words += ["--baseline", f"{source}:Mine"]
    out = tmp_path / "b"
    assert main([*words, "--runs", "3", "--out", str(out), "--no-progress"]) == 0
    source.write_text(body.format(first="OneOnOne(obs.reps[0].id)"), encoding="utf-8")
    capsys.readouterr()
    assert main([*words, "--runs", "4", "--out", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "3 earlier runs in the folder played a policy file as it was before" in err, err
    fresh = tmp_path / "fresh"
    assert main([*words, "--runs", "4", "--out", str(fresh), "--no-progress"]) == 0
    assert same(table(out), table(fresh))
