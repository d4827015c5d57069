"""What a long batch's tables cost: writing them while it runs, and the memory they hold.

A batch writes ``runs``, ``reps`` and ``weeks`` every half minute and at the end.
This replays a long batch's bookkeeping: the journal of a real study (``--seed-runs``
runs of the default scenario, played first) relabelled into ``--runs`` runs, fed
to the batch's tables run by run and written ``--writes`` times on the way, once
as the batch does it (:class:`simulator.analysis.store.Tables`: each run's rows
made into columns once, then let go) and once by rebuilding every table from
every row at each write (what the batch did before). Both write the same files.

Prints:
  runs= / writes=            the batch replayed, and how often its tables were written
  tables_last_write_s=       the last write (all runs), as the batch does it
  rebuild_last_write_s=      the same write, every table rebuilt from every row
  write_speedup=             rebuild ÷ tables, over all the writes
  same_files=                whether both ways wrote the same bytes (must be yes)
  rows_mb=                   the finished runs' rows as Python values (what rebuilding keeps)
  held_mb=                   what the tables hold in Python after the last write
                             (the columns themselves live in Arrow's memory: arrow_mb=)
  journal_read_peak_mb=      the most Python memory reading the runs' journal back takes
                             all at once (as a resumed batch did)
  journal_stream_peak_mb=    the same journal read a line at a time into the tables (as a
                             resumed batch does now)

Run: python benchmarks/tables.py [--runs 4800] [--writes 20] [--seed-runs 40]
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pyarrow as pa

from simulator.analysis import store


def real_entries(runs: int, folder: Path) -> list[dict[str, Any]]:
    """The journal of a small real study, played with the command."""
    cmd = [sys.executable, "-m", "simulator", "batch", "--scenario", "default"]
    cmd += ["--policy", "by_the_book", "hands_off", "--runs", str(max(1, runs // 2))]
    cmd += ["--out", str(folder), "--no-progress"]
    # from the study's folder: the code PYTHONPATH names, never the working tree's by accident
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=folder)
    if done.returncode != 0:
        raise SystemExit(f"the study failed: {done.stderr[-2000:]}")
    return list(store.Journal(folder).read().values())


def relabelled(source: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """``n`` runs made from the real ones, each under its own run number."""
    out = []
    for run in range(n):
        e = source[run % len(source)]
        out.append(
            {
                "row": {**e["row"], "run": run},
                "reps": [{**r, "run": run} for r in e["reps"]],
                "weeks": [{**r, "run": run} for r in e["weeks"]],
            }
        )
    return out


def as_batch(entries: list[dict[str, Any]], folder: Path, writes: int) -> list[float]:
    """Feed the runs to the batch's tables; the seconds each write took."""
    tables = store.Tables(folder)
    every = max(1, len(entries) // writes)
    took = []
    for run, entry in enumerate(entries):
        tables.add(run, entry)
        if (run + 1) % every == 0 or run + 1 == len(entries):
            t0 = time.perf_counter()
            tables.write()
            took.append(time.perf_counter() - t0)
    return took


def rebuilt(entries: list[dict[str, Any]], folder: Path, writes: int) -> list[float]:
    """The same writes, every table rebuilt from every row of the runs so far."""
    every = max(1, len(entries) // writes)
    took = []
    for done in range(1, len(entries) + 1):
        if done % every and done != len(entries):
            continue
        t0 = time.perf_counter()
        so_far = entries[:done]
        store.write_table(folder / "runs", [e["row"] for e in so_far])
        store.write_table(folder / "reps", [r for e in so_far for r in e["reps"]])
        store.write_table(folder / "weeks", [r for e in so_far for r in e["weeks"]])
        took.append(time.perf_counter() - t0)
    return took


def journal_peaks(source: list[dict[str, Any]], n: int, folder: Path) -> tuple[float, float]:
    """The peak Python memory (MB, traced) of reading a journal of ``n`` runs back: all at
    once, and a line at a time into the batch's tables."""
    folder.mkdir()
    journal = store.Journal(folder)
    for run, entry in enumerate(relabelled(source, n)):
        journal.append({**entry, "key": f"run-{run}"})
    journal.close()
    gc.collect()
    peaks = []
    for stream in (False, True):
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        if stream:
            tables = store.Tables(folder)
            for run, entry in enumerate(journal.each()):
                tables.add(run, entry)
            tables.write()
        else:
            everything = journal.read()
        peaks.append((tracemalloc.get_traced_memory()[1] - start) / 2**20)
        if not stream:
            del everything
        gc.collect()
    return peaks[0], peaks[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=4800)
    ap.add_argument("--writes", type=int, default=20)
    ap.add_argument("--seed-runs", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = real_entries(args.seed_runs, root / "study")
        entries = relabelled(source, args.runs)
        (root / "tables").mkdir()
        (root / "rebuilt").mkdir()
        mine = as_batch(entries, root / "tables", args.writes)
        theirs = rebuilt(entries, root / "rebuilt", args.writes)
        same = all(
            (root / "tables" / f"{n}.parquet").read_bytes()
            == (root / "rebuilt" / f"{n}.parquet").read_bytes()
            for n in store.TABLES
        )
        # memory: the rows as values, and what the tables hold once written
        del entries
        gc.collect()
        (root / "held").mkdir()
        tracemalloc.start()
        start = tracemalloc.get_traced_memory()[0]
        rows = relabelled(source, args.runs)
        rows_mb = (tracemalloc.get_traced_memory()[0] - start) / 2**20
        del rows
        gc.collect()
        start = tracemalloc.get_traced_memory()[0]
        tables = store.Tables(root / "held")
        every = max(1, args.runs // args.writes)
        for run, entry in enumerate(relabelled(source, args.runs)):
            tables.add(run, entry)
            if (run + 1) % every == 0:
                tables.write()
        tables.write()
        gc.collect()
        held_mb = (tracemalloc.get_traced_memory()[0] - start) / 2**20
        arrow_mb = pa.total_allocated_bytes() / 2**20
        del tables
        read_peak, stream_peak = journal_peaks(source, args.runs, root / "journal")
        tracemalloc.stop()
    print(f"runs={args.runs}")
    print(f"writes={len(mine)}")
    print(f"tables_last_write_s={mine[-1]:.3f}")
    print(f"rebuild_last_write_s={theirs[-1]:.3f}")
    print(f"write_speedup={sum(theirs) / sum(mine):.1f}")
    print(f"same_files={'yes' if same else 'NO'}")
    print(f"rows_mb={rows_mb:.0f}")
    print(f"held_mb={held_mb:.1f}")
    print(f"arrow_mb={arrow_mb:.0f}")
    print(f"journal_read_peak_mb={read_peak:.0f}")
    print(f"journal_stream_peak_mb={stream_peak:.0f}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
