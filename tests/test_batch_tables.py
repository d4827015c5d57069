"""A batch's tables: added to run by run, written the same to the byte as built whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import batch as batch_module
from simulator.analysis import store
from simulator.analysis.batch import Batch
from simulator.scenario import scenarios_dir

pytest.importorskip("pyarrow")

# a column holds one kind of value in every run, as a batch's do: scores (NaN for a
# failed run), labels, counts, numbers that are sometimes whole; any cell may be missing
KINDS = {
    "score": st.floats(allow_nan=True, allow_infinity=False),
    "status": st.one_of(st.none(), st.sampled_from(["ok", "failed", ""])),
    "n": st.one_of(st.none(), st.integers(-5, 5)),
    "error": st.one_of(st.none(), st.text(max_size=3)),
    "x": st.one_of(st.none(), st.integers(-5, 5), st.floats(-9, 9)),
}
COLUMNS = tuple(KINDS)


@st.composite
def entries(draw) -> dict:
    """A run's entry: its row, and reps' and weeks' rows whose columns may vary by run."""

    def rows(k_lo: int, k_hi: int) -> list[dict]:
        cols = draw(st.lists(st.sampled_from(COLUMNS), unique=True, max_size=4))
        return [{c: draw(KINDS[c]) for c in cols} for _ in range(draw(st.integers(k_lo, k_hi)))]

    return {"row": (rows(1, 1) or [{}])[0], "reps": rows(0, 3), "weeks": rows(0, 4)}


def whole(entries_by_run: dict[int, dict], folder) -> dict[str, bytes]:
    """The tables built whole from every row, by run: what the batch always wrote."""
    labelled = [with_run(k, entries_by_run[k]) for k in sorted(entries_by_run)]
    out = {}
    for name in store.TABLES:
        if name == "runs":
            rows = [e["row"] for e in labelled]
        else:
            rows = [r for e in labelled for r in e[name]]
        out[name] = store.write_table(folder / f"whole_{name}", rows).read_bytes()
    return out


def with_run(run: int, entry: dict) -> dict:
    return {
        "row": {"run": run, **entry["row"]},
        "reps": [{"run": run, **r} for r in entry["reps"]],
        "weeks": [{"run": run, **r} for r in entry["weeks"]],
    }


@settings(max_examples=60, deadline=None)
@given(
    st.lists(entries(), min_size=1, max_size=8),
    st.randoms(use_true_random=False),
    st.lists(st.booleans(), min_size=8, max_size=8),
    st.integers(1, 9),
)
def test_tables_added_to_in_any_order_equal_the_tables_built_whole(
    tmp_path_factory, runs, rnd, writes, settle
):
    """Runs arriving in any order, the tables written at any points and runs made into
    columns any few at a time: every write is, byte for byte, the tables built whole
    from the runs so far."""
    folder = tmp_path_factory.mktemp("tables")
    arrival = list(range(len(runs)))
    rnd.shuffle(arrival)
    tables = store.Tables(folder, settle=settle)
    so_far: dict[int, dict] = {}
    for run, write in zip(arrival, writes, strict=False):
        tables.add(run, with_run(run, runs[run]))
        so_far[run] = runs[run]
        if write:  # a checkpoint while the batch goes on: the tables of the runs so far
            tables.write()
            expected = whole(so_far, folder)
            for name in store.TABLES:
                assert (folder / f"{name}.parquet").read_bytes() == expected[name], name
    tables.write()
    expected = whole(dict(enumerate(runs)), folder)
    for name in store.TABLES:
        assert (folder / f"{name}.parquet").read_bytes() == expected[name], name
    assert not tables.reshaped


@settings(max_examples=40, deadline=None)
@given(
    st.lists(entries(), min_size=2, max_size=6),
    st.lists(st.tuples(st.integers(0, 5), entries()), min_size=1, max_size=4),
    st.integers(1, 4),
)
def test_a_run_recorded_again_replaces_its_rows_wherever_they_are(
    tmp_path_factory, runs, again, settle
):
    """A run added again (its rows already columns or still waiting) leaves exactly the
    latest rows of each run: the same values as the tables built whole, and the same
    bytes unless a taken-out run had widened a column's type (then ``reshaped`` says so)."""
    folder = tmp_path_factory.mktemp("again")
    tables = store.Tables(folder, settle=settle)
    latest = dict(enumerate(runs))
    for run, entry in latest.items():
        tables.add(run, with_run(run, entry))
    for run, entry in again:
        run %= len(runs)
        tables.add(run, with_run(run, entry))
        latest[run] = entry
    tables.write()
    expected = whole(latest, folder)
    for name in store.TABLES:
        got = folder / f"{name}.parquet"
        if not tables.reshaped:
            assert got.read_bytes() == expected[name], name
        want = store.read_table(folder, f"whole_{name}")
        have = store.read_table(folder, name)
        assert [_cells(r) for r in have] == [_cells(r) for r in want], name


def _cells(row: dict) -> dict:
    """A row's values, NaN written as a word (so rows with NaN compare equal)."""
    return {k: ("nan" if isinstance(v, float) and v != v else v) for k, v in row.items()}


def test_a_run_added_again_after_a_write_replaces_its_rows(tmp_path):
    tables = store.Tables(tmp_path)
    first = {"row": {"run": 0, "score": 1.0}, "reps": [{"run": 0, "a": 1}], "weeks": []}
    tables.add(0, first)
    tables.add(1, {"row": {"run": 1, "score": 2.0}, "reps": [], "weeks": []})
    tables.write()
    tables.add(0, {"row": {"run": 0, "score": 3.0}, "reps": [{"run": 0, "b": "x"}], "weeks": []})
    tables.write()
    runs = store.read_table(tmp_path, "runs")
    assert runs == [{"run": 0, "score": 3.0}, {"run": 1, "score": 2.0}]
    assert store.read_table(tmp_path, "reps") == [{"run": 0, "b": "x"}]


def test_a_batch_that_writes_its_tables_after_every_run_writes_the_same_files(
    tmp_path, monkeypatch
):
    """Runs finishing in any order on two workers, the tables written after each one:
    the files at the end are byte for byte those of the same batch played in one process
    and written once."""

    def study(folder, jobs: int) -> Batch:
        tutorial = str(scenarios_dir() / "tutorial.yaml")
        return Batch(folder, [tutorial], ["by_the_book", "hands_off"], runs=3, seed=5, jobs=jobs)

    once, often = tmp_path / "once", tmp_path / "often"
    study(once, jobs=1).run(progress=False)
    monkeypatch.setattr(batch_module, "CHECKPOINT_SECONDS", -1.0)  # write after every run
    study(often, jobs=2).run(progress=False)
    for name in store.TABLES:
        assert (often / f"{name}.parquet").read_bytes() == (once / f"{name}.parquet").read_bytes()


def test_a_long_batch_keeps_its_finished_runs_as_columns_not_as_rows(tmp_path):
    """The rows of a run already written are let go: what a batch holds in Python
    grows by the runs table's rows, not by every rep's and week's (a batch of tens of
    thousands of runs would otherwise need gigabytes)."""
    import tracemalloc

    def entry(run: int) -> dict:
        weeks = [
            {"run": run, "week": w, **{f"m{k}": w * 0.5 + k for k in range(20)}} for w in range(52)
        ]
        reps = [{"run": run, "rep": r, "booked": 1000.0 * r, "left": False} for r in range(8)]
        return {"row": {"run": run, "score": 50.0 + run % 7}, "reps": reps, "weeks": weeks}

    # whatever the writes import on first use (joining, sorting pieces), imported now
    warm = store.Tables(tmp_path / "warm")
    (tmp_path / "warm").mkdir()
    for run in (1, 0):
        warm.add(run, entry(run))
        warm.write()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        rows = [entry(run) for run in range(50)]
        as_rows = tracemalloc.get_traced_memory()[0] - start
        del rows
        tables = store.Tables(tmp_path)
        start = tracemalloc.get_traced_memory()[0]
        for run in range(200):
            tables.add(run, entry(run))
            if run % 50 == 49:
                tables.write()
        held = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    assert held < as_rows / 4, (held, as_rows)  # four times the runs, in a sixteenth
    assert len(store.read_table(tmp_path, "weeks")) == 200 * 52


def test_a_journal_read_back_a_few_runs_at_a_time_gives_the_same_tables(tmp_path, monkeypatch):
    """A batch resumed from its journal makes the finished runs into columns a few at a
    time; failed runs played again (so found twice in the journal, far apart) leave the
    tables exactly those of a batch that ran once."""
    from plugin_policies import FailsSometimes, doomed_seeds

    tutorial = str(scenarios_dir() / "tutorial.yaml")
    kw = {"runs": 6, "seed": 1, "jobs": 1}
    pols = ["plugin_policies:FailsSometimes", "hands_off"]
    assert doomed_seeds(FailsSometimes, range(1, 7)), "some runs fail"
    once, resumed = tmp_path / "once", tmp_path / "resumed"
    Batch(once, [tutorial], pols, **kw).run(progress=False)
    Batch(resumed, [tutorial], pols, **kw).run(progress=False)
    Batch(resumed, [tutorial], pols, retry_failed=True, **kw).run(progress=False)
    monkeypatch.setattr(store, "SETTLE_RUNS", 1)  # every run made columns as soon as read
    again = Batch(resumed, [tutorial], pols, **kw).run(progress=False)
    assert again.executed == 0 and again.skipped == 12
    for name in store.TABLES:
        assert (resumed / f"{name}.parquet").read_bytes() == (once / f"{name}.parquet").read_bytes()


def test_a_run_found_again_after_it_widened_a_column_leaves_the_tables_exact(tmp_path, monkeypatch):
    """A run's earlier journal entry gave a column of whole numbers a fraction; its
    later entry (the one that counts) did not. Read back a run at a time, the tables
    are still those of the batch that wrote the journal, to the byte."""
    import json

    tutorial = str(scenarios_dir() / "tutorial.yaml")
    design = ([tutorial], ["hands_off"])
    Batch(tmp_path, *design, runs=3, seed=1, jobs=1).run(progress=False)
    before = {n: (tmp_path / f"{n}.parquet").read_bytes() for n in store.TABLES}
    journal = tmp_path / "journal.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    odd = json.loads(lines[0])
    odd["weeks"]["rows"][0][odd["weeks"]["columns"].index("week")] = 1.5  # weeks are whole
    journal.write_text(json.dumps(odd) + "\n" + "".join(lines), encoding="utf-8")
    monkeypatch.setattr(store, "SETTLE_RUNS", 1)
    again = Batch(tmp_path, *design, runs=3, seed=1, jobs=1).run(progress=False)
    assert again.executed == 0
    for name in store.TABLES:
        assert (tmp_path / f"{name}.parquet").read_bytes() == before[name], name


def test_a_journal_line_edited_into_other_kinds_of_values_is_played_again(tmp_path):
    """A journal line whose total became text, whose seed grew past 64 bits, or whose
    reps' table lost its shape broke every rerun with a traceback, leaving the folder
    stuck: such a line is passed over, and its run played again."""
    import json

    from simulator.analysis.batch import Batch

    short = tmp_path / "s.yaml"
    short.write_text("extends: tutorial\nweeks: 2\nperiod_weeks: 2\n", encoding="utf-8")
    folder = tmp_path / "b"
    Batch(folder, [str(short)], ["hands_off"], runs=4, seed=1, jobs=1).run(progress=False)
    journal = folder / "journal.jsonl"
    lines = [json.loads(x) for x in journal.read_text(encoding="utf-8").splitlines()]
    lines[0]["row"]["total"] = "abc"
    lines[1]["row"]["seed"] = 2**70
    lines[2]["reps"]["rows"] = [[1]]
    lines[3]["weeks"]["columns"] = {"a": [1, 2, 3]}
    journal.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    again = Batch(folder, [str(short)], ["hands_off"], runs=4, seed=1, jobs=1).run(progress=False)
    assert again.executed == 4 and again.skipped == 0 and not again.interrupted
    assert len(store.read_table(folder, "runs")) == 4


def test_the_batch_command_writes_its_tables_without_loading_pandas(tmp_path):
    """pyarrow would import pandas (a third of a second) on its first array only to ask
    whether it was given a DataFrame; the command's own process is spared it, and
    pandas is still there for whoever then asks pyarrow for a DataFrame."""
    import subprocess
    import sys

    pytest.importorskip("pandas")
    out = tmp_path / "b"
    code = (
        "import sys\n"
        "from simulator.cli import main\n"
        "rc = main(['batch', '--scenario', 'tutorial', '--policy', 'by_the_book', '--runs', '2',"
        f" '--jobs', '1', '--out', {str(out)!r}, '--no-progress'])\n"
        "before = 'pandas' in sys.modules\n"
        "import pyarrow.parquet as pq\n"
        f"frame = pq.read_table({str(out / 'runs.parquet')!r}).to_pandas()\n"
        "print(rc, before, type(frame).__name__, len(frame))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].split() == ["0", "False", "DataFrame", "2"]
