"""The tree stays clean under the project's ruff configuration."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (pip install -e '.[test]' brings it)")
    proc = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_colours_come_from_one_palette():
    # the theme's palette (simulator/palette.py reads it) is the one place a colour is named
    hex_colour = re.compile(r"#[0-9A-Fa-f]{6}\b")
    rgb = re.compile(r"\((\d{1,3}), (\d{1,3}), (\d{1,3})\)")
    for path in sorted((ROOT / "simulator").rglob("*.py")):
        if path.name == "palette.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
            assert not hex_colour.search(line), where
            for m in rgb.finditer(line):  # an RGB triple, not a small tuple of counts
                assert max(int(x) for x in m.groups()) < 20, where
