"""The type checker runs over the package: a ``None`` passed where a value is due fails here."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# in a process of its own, started when the tests are collected and run beside them
# (tests/beside.py): the checker's memory and its settings of the garbage collector
# stay out of the test process, and its ten seconds overlap the rest of the suite
MYPY = [
    sys.executable,
    "-m",
    "mypy",
    "--config-file",
    str(ROOT / "pyproject.toml"),
    "--cache-dir",
    os.devnull,  # a fresh check each time, and nothing written
    str(ROOT / "simulator"),
]


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
@pytest.mark.beside(MYPY, cwd=str(ROOT))
def test_the_package_type_checks(beside):
    assert beside.returncode == 0, beside.output
    assert "Success" in beside.output, beside.output
