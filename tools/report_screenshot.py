"""Open a report in headless Chromium and save a screenshot of it (to check it renders).

Usage: python tools/report_screenshot.py REPORT.html OUT.png [--width 1280] [--height 4000]

Needs Chromium (Debian: ``apt-get install chromium``). Prints the screenshot's
path; exits 1 with Chromium's complaint if the page could not be rendered.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(page: Path, out: Path, width: int = 1280, height: int = 4000) -> Path:
    exe = chromium()
    if exe is None:
        raise FileNotFoundError("Chromium is not installed (Debian: apt-get install chromium)")
    out.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                exe,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={out}",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"Chromium could not render {page}: {done.stderr.strip()[-2000:]}")
    return out


def dom(page: Path) -> str:
    """The page as Chromium parsed it (the document after rendering)."""
    exe = chromium()
    if exe is None:
        raise FileNotFoundError("Chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [exe, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.resolve().as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
        )
    if done.returncode != 0:
        raise RuntimeError(f"Chromium could not open {page}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=4000)
    args = ap.parse_args()
    try:
        print(screenshot(args.page, args.out, args.width, args.height))
    except (FileNotFoundError, RuntimeError) as e:
        print(f"report_screenshot: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
