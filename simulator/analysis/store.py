"""A batch's folder: the journal every finished run is appended to, and the tables.

Each finished run is one line of ``journal.jsonl`` (its table row, and the rows
of its reps and weeks as columns of values without the labels they share),
written and flushed to disk as it arrives, so an interrupted or crashed batch
keeps every run it finished (a line cut short by a crash is ignored on
reading). The tables analysts read, ``runs.parquet``, ``reps.parquet`` and
``weeks.parquet`` (``.csv`` where pyarrow is not installed), are kept by
:class:`Tables`: sorted by run, and replaced atomically (written beside, then
renamed), so a reader never sees half a table.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from ..files import read_limited

try:  # Parquet when pyarrow is there; CSV otherwise
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError:  # pragma: no cover - exercised where pyarrow is absent
    pa = None
    pq = None


class _NoPandas:
    """An import hook that has pandas fail to import (see :func:`arrow_without_pandas`)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


def arrow_without_pandas() -> None:
    """Spare a process of its own the import of pandas, which pyarrow does not need here.

    pyarrow checks once, on its first array, whether pandas is installed, and
    imports it if so (0.3 to 0.45 s) only to ask whether each thing it is given
    is a pandas object. The batch command gives it lists and numpy arrays. So
    the command, in its own process, has that first check find no pandas;
    anything that later asks pyarrow for pandas itself (``to_pandas``) still
    gets it, because pyarrow tries the import again then. A process where
    pandas is already loaded, or without pyarrow, is left as it is.
    """
    if pa is None or "pandas" in sys.modules:
        return
    hook = _NoPandas()
    sys.meta_path.insert(0, hook)
    try:
        pa.array([0])  # pyarrow's one check: pandas is not to be had
    finally:
        sys.meta_path.remove(hook)


JOURNAL = "journal.jsonl"
MANIFEST = "manifest.json"
MANIFEST_BYTES = 50_000_000  # a manifest lists its designs and seeds; far below this
SYNC_SECONDS = 1.0  # the journal is forced to the disk at most this long after a run ends


class StoreError(ValueError):
    """A batch folder's table that cannot be read, and why."""


def read_manifest(path: Path) -> Any:
    """A batch folder's manifest as written (:func:`manifest_problem` says whether it is
    one). :class:`InputError` when it cannot be read as a file; :class:`StoreError`, in
    words, when what it holds is not JSON (the parser's own words mean little here)."""
    raw = read_limited(path, MANIFEST_BYTES, "manifests")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as e:
        raise StoreError(
            f"it is not a manifest salesim wrote: it is damaged at line {e.lineno}, "
            f"column {e.colno}"
        ) from None
    except (ValueError, RecursionError):
        raise StoreError("it is not a manifest salesim wrote: it is not JSON text") from None


def manifest_problem(manifest: Any) -> str | None:
    """What makes a manifest read from a file unusable (None: nothing): it must be a
    mapping whose lists hold what a batch writes, or it was damaged or is not one."""
    if not isinstance(manifest, dict):
        return "it is not a batch's manifest (damaged, or another kind of file)"
    policies = manifest.get("policies", [])
    if not isinstance(policies, list) or not all(isinstance(x, str) for x in policies):
        return "its policies are damaged"
    if len(set(policies)) != len(policies):  # a batch names each policy once
        return "its policies are damaged (a policy is named twice)"
    points = manifest.get("points", [])
    if not isinstance(points, list) or not all(
        isinstance(x, dict)
        and isinstance(x.get("point"), int)
        and isinstance(x.get("label"), str)
        and isinstance(x.get("params"), dict)
        # a point sets fields to numbers, words or yes/no (what --set gives)
        and all(isinstance(v, int | float | str | bool) for v in x["params"].values())
        for x in points
    ):
        return "its design points are damaged"
    if not isinstance(manifest.get("history", []), list):
        return "its history is damaged"
    seeds = manifest.get("seeds", [])
    if not isinstance(seeds, list) or not all(
        isinstance(x, int) and not isinstance(x, bool) for x in seeds
    ):
        return "its seeds are damaged"
    return None


def table_format() -> str:
    return "parquet" if pa is not None else "csv"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is always whole: old or new."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class Journal:
    """Append-only record of finished runs."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL
        self._file: TextIO | None = None
        self._synced = -SYNC_SECONDS  # when the journal was last forced to the disk

    def read(self) -> dict[str, dict[str, Any]]:
        """Run key → entry, for every complete line (the last entry of a run wins)."""
        return {entry["key"]: entry for entry in self.each()}

    def each(self) -> Iterator[dict[str, Any]]:
        """Every complete line's entry, in the order they were written, one at a time (a
        long batch's journal is read without holding all of it)."""
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                if not line.endswith("\n"):
                    break  # cut short by a crash: that run is simply not finished
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(entry, dict) and "key" in entry and _whole(entry):
                    yield expand(entry)

    def append(self, entry: dict[str, Any]) -> None:
        """Add a finished run. Its line is handed to the operating system at once, so
        a Ctrl-C or a killed batch keeps it; it is forced to the disk at most a second
        later (and when the journal is closed), which only a crash of the machine
        itself could come between."""
        if self._file is None:
            self._repair()
            self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - kept open
        self._file.write(json.dumps(compact(entry), ensure_ascii=False, allow_nan=True) + "\n")
        self._file.flush()
        now = time.monotonic()
        if now - self._synced >= SYNC_SECONDS:
            os.fsync(self._file.fileno())
            self._synced = now

    def _repair(self) -> None:
        """Drop a torn last line, so the next entry starts on a line of its own."""
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            keep = data[: data.rfind(b"\n") + 1]
            atomic_write(self.path, keep)

    def close(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                os.fsync(self._file.fileno())
            self._file.close()
            self._file = None


# the tables of a run whose rows repeat the run's labels, kept once in the journal
NESTED = ("reps", "weeks")


def compact(entry: dict[str, Any]) -> dict[str, Any]:
    """A run's entry as the journal keeps it: its reps' and weeks' rows as one list of
    column names and rows of values, without the labels every row repeats from the
    run's own row (run, scenario, point, policy, seed). :func:`expand` undoes it."""
    row = entry.get("row", {})
    out = dict(entry)
    for name in NESTED:
        rows = entry.get(name)
        if not isinstance(rows, list):
            continue
        cols = [
            c for c in _columns(rows) if not (c in row and all(r.get(c) == row[c] for r in rows))
        ]
        labels = [c for c in _columns(rows) if c not in cols]
        out[name] = {
            "labels": labels,
            "columns": cols,
            "rows": [[r.get(c) for c in cols] for r in rows],
        }
    return out


# a run's row: these hold words; every other value is a number (or none)
_TEXT = frozenset({"scenario", "policy", "status", "error"})
_SCALAR = (str, int, float, bool, type(None))
_LONGEST = 2**63  # a whole number a table's column holds


def _whole(entry: dict[str, Any]) -> bool:
    """Is a journal line the shape :func:`compact` writes, with numbers where a run
    writes numbers? A line edited by hand into something else is passed over (its run
    is played again) rather than breaking the tables the batch writes."""
    row = entry.get("row")
    if not isinstance(entry["key"], str) or not isinstance(row, dict):
        return False
    for k, v in row.items():
        if not isinstance(v, (str, type(None)) if k in _TEXT else (int, float, type(None))):
            return False
        if isinstance(v, int) and not -_LONGEST <= v < _LONGEST:
            return False
    if "seed" in row and not (isinstance(row["seed"], int) and row["seed"] >= 0):
        return False
    for name in NESTED:
        table = entry.get(name, [])
        if isinstance(table, list):  # a line from before the journal was compact
            continue
        if not isinstance(table, dict):
            return False
        labels, cols, rows = table.get("labels", []), table.get("columns"), table.get("rows")
        if not (
            isinstance(labels, list)
            and all(isinstance(c, str) for c in labels)
            and isinstance(cols, list)
            and all(isinstance(c, str) for c in cols)
            and isinstance(rows, list)
            and all(
                isinstance(r, list)
                and len(r) == len(cols)
                and all(
                    isinstance(v, _SCALAR) and not (isinstance(v, int) and abs(v) >= _LONGEST)
                    for v in r
                )
                for r in rows
            )
        ):
            return False
    return True


def expand(entry: dict[str, Any]) -> dict[str, Any]:
    """A journal line back into the entry it was made from (see :func:`compact`); a line
    written before the journal was compact (rows as dicts) is read as it is."""
    row = entry.get("row", {})
    out = dict(entry)
    for name in NESTED:
        table = entry.get(name)
        if not isinstance(table, dict):
            continue
        head = {c: row.get(c) for c in table.get("labels", [])}
        cols = table.get("columns", [])
        out[name] = [{**head, **dict(zip(cols, values, strict=True))} for values in table["rows"]]
    return out


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    cols: list[str] = []
    seen: set[str] = set()
    for r in rows:
        for k in r:
            if k not in seen:
                seen.add(k)
                cols.append(k)
    return cols


def write_table(path_stem: Path, rows: list[dict[str, Any]]) -> Path:
    """Rows to ``<stem>.parquet`` (or ``.csv``), atomically; the path written."""
    cols = _columns(rows)
    if pa is not None:
        path = path_stem.with_suffix(".parquet")
        data = {c: [r.get(c) for r in rows] for c in cols}
        table = pa.table(data) if rows else pa.table({})
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        atomic_write(path, sink.getvalue().to_pybytes())
        return path
    path = path_stem.with_suffix(".csv")
    import io

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols)
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if v is None else v) for k, v in r.items()})
    atomic_write(path, buf.getvalue().encode("utf-8"))
    return path


TABLES = ("runs", "reps", "weeks")  # a batch's tables: one row per run, per rep, per week
SETTLE_RUNS = 256  # finished runs waiting as rows, at most, before they are made columns


class Tables:
    """A batch's three tables, added to run by run while the batch goes on.

    A finished run's rows wait until the tables are next written (or until
    ``SETTLE_RUNS`` runs wait); then the runs waiting become Arrow columns
    together (one piece per table), and each table is written from all its
    pieces, put in run order by Arrow. So a run's rows are turned into columns
    once, however often a long batch writes its tables; once they are columns,
    the rows themselves are let go (a run's rows as Python values take four to
    five times the memory of its columns). The table written is the one
    :func:`write_table` would make from every row sorted by run, to the byte
    (same columns in the same order, same types, one row group). The file
    itself is still written whole and atomically: a Parquet file keeps its
    index at its end, so one that is appended to is unreadable until it is
    closed, and a batch's tables are read while it runs. Where pyarrow is
    missing, the CSV tables are rebuilt from the rows.
    """

    def __init__(self, folder: Path, settle: int | None = None) -> None:
        """``settle``: this many runs waiting are made into columns even before the next
        write (so a fast batch, or one read back from its journal, holds few rows; by
        default ``SETTLE_RUNS``)."""
        self.folder = folder
        self.settle = SETTLE_RUNS if settle is None else settle
        # a run's rows were taken out of the columns (it was added again, or removed):
        # the columns keep the types they had with it (whole numbers that run made
        # fractional stay fractional), so the values are exact but the types may be
        # wider than :func:`write_table` would make them; build again from the rows
        # where that matters
        self.reshaped = False
        self._runs: dict[int, dict[str, Any]] = {}  # run → its row of the runs table
        self._waiting: dict[int, dict[str, Any]] = {}  # run → its entry, not yet in columns
        self._pieces: dict[str, list[tuple[Any, np.ndarray]]] = {n: [] for n in TABLES}
        # per table: each distinct list of columns a run's rows had → the runs with it (the
        # table's columns are the first-seen over the runs in order: only the first run of
        # each such list can add any)
        self._columns: dict[str, dict[tuple[str, ...], set[int]]] = {n: {} for n in TABLES}

    def __len__(self) -> int:
        return len(self._runs)

    def __contains__(self, run: object) -> bool:
        return run in self._runs

    def rows(self) -> list[dict[str, Any]]:
        """The runs table's rows, by run."""
        return [self._runs[k] for k in sorted(self._runs)]

    def add(self, run: int, entry: dict[str, Any]) -> None:
        """A finished run (its entry: ``row``, ``reps``, ``weeks``); a run added again
        replaces what it had."""
        if run in self._runs and run not in self._waiting:
            self._drop(run)  # already in columns
        self._runs[run] = entry["row"]
        self._waiting[run] = entry
        if pa is not None and len(self._waiting) >= self.settle:
            self._take_waiting()

    def remove(self, run: int) -> None:
        """Take a run out of the tables (if it is in them)."""
        if run in self._waiting:
            del self._waiting[run]
        elif run in self._runs:
            self._drop(run)
        self._runs.pop(run, None)

    def _drop(self, run: int) -> None:
        """Take a run's rows out of the columns."""
        self.reshaped = True
        for name in TABLES:
            self._pieces[name] = [
                (table.filter(pa.array(owner != run)), owner[owner != run])
                for table, owner in self._pieces[name]
            ]
            for cols in list(self._columns[name]):
                self._columns[name][cols].discard(run)
                if not self._columns[name][cols]:
                    del self._columns[name][cols]

    def write(self) -> None:
        """Write the three tables as they stand (each atomically)."""
        if pa is None:
            runs = sorted(self._waiting)
            for name in TABLES:
                write_table(self.folder / name, self._rows_of(name, runs))
            return
        self._take_waiting()
        for name in TABLES:
            path = self.folder / f"{name}.parquet"
            sink = pa.BufferOutputStream()
            pq.write_table(self._table(name), sink)
            atomic_write(path, sink.getvalue().to_pybytes())
        pa.default_memory_pool().release_unused()  # the copies made on the way, back to the system

    def _rows_of(self, name: str, runs: list[int]) -> list[dict[str, Any]]:
        if name == "runs":
            return [self._waiting[k]["row"] for k in runs]
        return [r for k in runs for r in self._waiting[k].get(name, [])]

    def _take_waiting(self) -> None:
        """The runs that arrived since the last write, as one piece of each table."""
        if not self._waiting:
            return
        runs = sorted(self._waiting)
        for name in TABLES:
            rows: list[dict[str, Any]] = []
            owner: list[int] = []
            cols: dict[str, None] = {}  # the piece's columns, first-seen over its runs
            signatures = self._columns[name]
            for k in runs:
                mine = self._rows_of(name, [k])
                if not mine:
                    continue
                theirs = tuple(_columns(mine))
                signatures.setdefault(theirs, set()).add(k)
                cols.update(dict.fromkeys(theirs))
                rows += mine
                owner += [k] * len(mine)
            if rows:
                data = {c: [r.get(c) for r in rows] for c in cols}
                self._pieces[name].append((pa.table(data), np.asarray(owner, dtype=np.int64)))
        self._waiting = {}

    def _table(self, name: str) -> Any:
        """One table from its pieces: rows by run (a run's own in the order it gave
        them), columns first-seen over the runs in order."""
        pieces = self._pieces[name]
        if not pieces:
            return pa.table({})
        order: list[str] = []
        seen: set[str] = set()
        for cols, _ in sorted(self._columns[name].items(), key=lambda kv: min(kv[1])):
            for c in cols:
                if c not in seen:
                    seen.add(c)
                    order.append(c)
        if len(pieces) == 1:
            table, owner = pieces[0]
        else:
            table = pa.concat_tables([t for t, _ in pieces], promote_options="permissive")
            owner = np.concatenate([o for _, o in pieces])
        by_run = np.argsort(owner, kind="stable")
        if (by_run != np.arange(len(by_run))).any():
            table, owner = table.take(pa.array(by_run)), owner[by_run]
        table = table.combine_chunks()
        self._pieces[name] = [(table, owner)]  # the next write adds to this one piece
        return table.select(order)


def read_table(folder: Path, name: str, most_rows: int | None = None) -> list[dict[str, Any]]:
    """A table written by :func:`write_table`, as a list of rows; one of more than
    ``most_rows`` rows is refused before it is read (a table of a few hundred kB may
    hold millions of rows, each a dict in memory)."""
    parquet = folder / f"{name}.parquet"
    if parquet.exists():
        if pq is None:
            raise StoreError(
                f"{parquet} needs pyarrow to read: install the analysis extra "
                "(pip install 'salesim[analysis]', or pip install -e '.[analysis]' in a checkout)"
            )
        try:
            n = pq.ParquetFile(parquet).metadata.num_rows
            if most_rows is not None and n > most_rows:
                raise StoreError(
                    f"{parquet} holds {n:,} rows, more than a batch writes ({most_rows:,} at "
                    "most): it is not a table salesim batch wrote"
                )
            return pq.read_table(parquet).to_pylist()
        except (pa.ArrowException, OSError) as e:  # damaged: the journal can rebuild it
            raise StoreError(
                f"{parquet} cannot be read ({e}); run the same salesim batch command again "
                "to write the tables anew from the batch's journal"
            ) from None
    path = folder / f"{name}.csv"
    if not path.exists():
        raise StoreError(f"no {name}.parquet or {name}.csv in {folder}")
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if most_rows is not None and len(rows) >= most_rows:
                raise StoreError(
                    f"{path} holds more than {most_rows:,} rows, more than a batch writes: "
                    "it is not a table salesim batch wrote"
                )
            rows.append({k: _parse(v) for k, v in row.items()})
    return rows


def _parse(text: str) -> Any:
    if text == "":
        return None
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text and "e" not in text else number


def is_missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))
