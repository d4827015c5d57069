"""The hostile corpus (tests/hostile/): scenarios and saves from other people, each with
the one line it must produce — run as a user would, as a process with a time and a memory
limit, so that a file that would hang or eat the machine fails the test instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "hostile"
CASES = [
    line.split("\t")
    for line in (HERE / "expected.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
MEMORY = 1_500_000_000  # bytes of address space (Python and numpy need some)
SECONDS = 60  # a loaded machine; a refusal itself takes well under a second


def _limits() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@pytest.mark.parametrize(("target", "command", "line"), CASES, ids=lambda v: str(v)[:40])
def test_each_hostile_input_gets_its_one_line(tmp_path, target, command, line):
    path = target if target.startswith("/") else str(HERE / target)
    args = {
        "validate": ["validate", path],
        "report": ["report", path, "--out", str(tmp_path)],
        "class": ["class", path, "--out", str(tmp_path)],
        "export": ["export", path, "--out", str(tmp_path)],
        "run": ["run", "--scenario", path, "--quiet"],
    }[command]
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run(
        [sys.executable, "-m", "simulator.cli", *args],
        capture_output=True,
        text=True,
        timeout=SECONDS,
        env=env,
        cwd=HERE,
        preexec_fn=_limits,
    )
    said = done.stdout + done.stderr
    assert done.returncode in (1, 2), said
    assert "Traceback" not in said, said
    assert line in said, said
    # one line for the problem (validate adds its count)
    problem_lines = [x for x in said.splitlines() if line in x]
    assert len(problem_lines) == 1, said
