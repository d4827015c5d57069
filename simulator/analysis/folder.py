"""A batch's folder: one batch writing into it at a time, and what it may hold before
the batch's first manifest.

A folder is a batch's while it holds that batch's manifest. Before the first one
is written, only what a batch writes first may be there (its lock, its tables,
an atomic write's temporary file): a batch stopped that early left them, and
the same command starts it; anything else is someone's, and the folder is
refused. The lock is an advisory one that goes with the process, however it
ends, so a second batch into a busy folder is refused in words.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from .store import TABLES

LOCK = ".lock"  # held by the batch writing into a folder


@contextlib.contextmanager
def folder_lock(folder: Path, refused: Callable[[str], Exception]) -> Iterator[None]:
    """One batch at a time in a folder: a second one is refused with ``refused(why)``,
    in words (the lock goes with the process, however it ends)."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here (Windows): trust the user
        yield
        return
    with open(folder / LOCK, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise refused(
                f"another batch is writing into {folder} now; wait for it, or choose another --out"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def before_first_manifest(name: str) -> bool:
    """Is this file one a batch writes before its first manifest (its lock, its tables,
    an atomic write's temporary file)? Only those may be in a folder without one: a
    batch stopped (or killed) that early left them, and the same command starts it."""
    own = {LOCK} | {f"{t}.{ext}" for t in TABLES for ext in ("parquet", "csv")}
    return name in own or (name.startswith(".") and name[1:].split(".tmp")[0] in own)
