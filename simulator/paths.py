"""Where the files shipped with salesim are: scenarios, and the game's and reports' assets."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir(name: str, env: str) -> Path:
    """A folder of files shipped with salesim (``scenarios``, ``assets``).

    The environment variable ``env`` names it explicitly; otherwise the
    checkout's folder (a development or editable install), else the copy a
    regular install puts under ``<prefix>/share/salesim/<name>``.
    """
    chosen = os.environ.get(env)
    if chosen:
        return Path(chosen)
    checkout = Path(__file__).resolve().parents[1] / name
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "salesim" / name
