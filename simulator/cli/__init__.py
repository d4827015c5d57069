"""The ``salesim`` command.

Its subcommands come in families, one module each, and each module adds its
own subcommands, their options and the function that runs them (``func``):

- :mod:`.play`: ``play``, the game in a window;
- :mod:`.runs`: ``run`` a scenario headless with a policy, list the ``policies``;
- :mod:`.saved_games`: ``export``, ``report``, ``class`` and ``replay`` saved games;
- :mod:`.scenarios`: list the shipped ``scenarios``, ``validate``, ``schema``;
- :mod:`.experiments`: ``calibrate``, ``batch``, ``compare``, ``sensitivity``.

Errors in what the user typed or in a scenario file are reported in one line,
never as a traceback. A command imports what it needs when it runs, so
``salesim --help`` starts without the simulation, the game or the plotting.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from . import common, experiments, play, runs, saved_games, scenarios

# in the order ``salesim --help`` lists them
FAMILIES = (play, runs, saved_games, scenarios, experiments)

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="salesim",
        description="A sales-manager training simulator.",
    )
    parser.add_argument("--version", action="version", version=f"salesim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for family in FAMILIES:
        family.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``salesim`` with ``argv`` (default: the process's arguments); the exit code."""
    parser = _parser()
    common.COMMAND_LINE[:] = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    try:
        return func(args)
    except BrokenPipeError:
        # the reader (``| head``) has gone: stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
