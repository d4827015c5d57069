"""Checks that run as a command of their own (the type checker) start when the tests
are collected and run beside them; the test that asks for one waits for it and reads
what it printed.

A test names its command with ``@pytest.mark.beside(argv)``; the ``beside`` fixture
gives that test the finished command. Started this way, a check that takes ten
seconds costs the run almost nothing: the rest of the suite goes on meanwhile.

The suite runs on several worker processes (pytest-xdist), each of which collects
every test, and the test that waits may run on any of them. So a command is
started once, by the first worker to claim it in a folder the workers share
(``SALESIM_BESIDE_DIR``, made by the process that starts them); it writes what it
prints and then its exit code there, and the waiting test reads them, wherever it
runs. Without a shared folder (a single process) the command is simply this
process's own.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SHARED = "SALESIM_BESIDE_DIR"
WAIT_AT_MOST = 900.0  # seconds: far beyond a type check, short of a CI job's limit


@dataclass
class Finished:
    """A command that ran beside the tests: its exit code and everything it printed."""

    returncode: int
    output: str


class _Running:
    """A command this process started: what it prints goes to ``out``; when it ends,
    its exit code is written to ``code`` (whole, by a rename), for whichever process
    waits for it."""

    def __init__(self, argv: list[str], cwd: str | None, out: Path, code: Path) -> None:
        self.code = code
        self.out = out.open("wb")
        self.process = subprocess.Popen(
            argv, cwd=cwd, stdout=self.out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        self.watch = threading.Thread(target=self._record, daemon=True)
        self.watch.start()

    def _record(self) -> None:
        returncode = self.process.wait()
        self.out.close()
        part = self.code.with_suffix(".part")
        part.write_text(str(returncode), encoding="ascii")
        os.replace(part, self.code)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.watch.join()


_running: dict[str, _Running] = {}
_own: Path | None = None  # the folder of a process that runs alone


def _folder() -> Path:
    global _own
    shared = os.environ.get(SHARED)
    if shared:
        return Path(shared)
    if _own is None:
        _own = Path(tempfile.mkdtemp(prefix="salesim-beside-"))
    return _own


def _files(nodeid: str) -> tuple[Path, Path, Path]:
    """The claim, the output and the exit code of a test's command."""
    key = hashlib.sha1(nodeid.encode("utf-8")).hexdigest()[:16]
    base = _folder() / key
    return base.with_suffix(".claim"), base.with_suffix(".out"), base.with_suffix(".code")


def start(nodeid: str, argv: list[str], cwd: str | None = None) -> None:
    """Start a test's command now, unless this or another worker already has."""
    if nodeid in _running:
        return
    claim, out, code = _files(nodeid)
    try:
        os.close(os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return  # another worker runs it
    _running[nodeid] = _Running(argv, cwd, out, code)


def finish(nodeid: str, argv: list[str], cwd: str | None = None) -> Finished:
    """The test's command, waited for (started now if no worker has started it)."""
    start(nodeid, argv, cwd)
    _, out, code = _files(nodeid)
    mine = _running.pop(nodeid, None)
    if mine is not None:
        mine.watch.join()
    else:  # started by another worker: its exit code is written once it has ended
        waited = 0.0
        while not code.exists():
            if waited > WAIT_AT_MOST:
                raise TimeoutError(f"{' '.join(argv)} did not end within {WAIT_AT_MOST:.0f} s")
            time.sleep(0.2)
            waited += 0.2
    text = out.read_bytes().decode("utf-8", "replace")
    return Finished(int(code.read_text(encoding="ascii")), text)


def stop_all(*, cut_short: bool) -> None:
    """The commands this process started end with its session: waited for, as a test
    on another worker may still be waiting for one, or stopped if the run was cut short."""
    while _running:
        running = _running.popitem()[1]
        if cut_short:
            running.stop()
        else:
            running.watch.join()
