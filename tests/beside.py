"""Checks that run as a command of their own (the type checker) start when the tests
are collected and run beside them, on a core the test process leaves idle; the test
that asks for one waits for it and reads what it printed.

A test names its command with ``@pytest.mark.beside(argv)``; the ``beside`` fixture
gives that test the finished command. Started this way, a check that takes ten
seconds costs the run almost nothing: the rest of the suite goes on meanwhile.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from typing import IO


@dataclass
class Finished:
    """A command that ran beside the tests: its exit code and everything it printed."""

    returncode: int
    output: str


class _Running:
    def __init__(self, argv: list[str], cwd: str | None) -> None:
        # held open while the command runs, closed by finish() or stop()
        self.out: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            argv, cwd=cwd, stdout=self.out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )

    def finish(self) -> Finished:
        code = self.process.wait()
        self.out.seek(0)
        text = self.out.read().decode("utf-8", "replace")
        self.out.close()
        return Finished(code, text)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.out.close()


_running: dict[str, _Running] = {}


def start(nodeid: str, argv: list[str], cwd: str | None = None) -> None:
    """Start a test's command now (once)."""
    if nodeid not in _running:
        _running[nodeid] = _Running(argv, cwd)


def finish(nodeid: str, argv: list[str], cwd: str | None = None) -> Finished:
    """The test's command, waited for (started now if the collection did not)."""
    start(nodeid, argv, cwd)
    return _running.pop(nodeid).finish()


def stop_all() -> None:
    """Commands whose tests never ran (a run cut short, a test deselected late) end
    with the session."""
    while _running:
        _running.popitem()[1].stop()
