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
import difflib
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any

# pygame greets on import; a command line tool says only what was asked
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from .. import __version__
from . import common, examples, experiments, play, runs, saved_games, scenarios

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
    examples.add_examples(dict(sub.choices))
    return parser


class _CtrlC:
    """Ctrl-C during a command: raised as ``KeyboardInterrupt``, as Python does, and
    remembered. Python drops an exception raised while it runs a finaliser (a weak
    reference's callback, an object's ``__del__``), printing "Exception ignored" and
    a traceback, and the command would go on to end as if nobody had stopped it. So
    the stop is kept, and that report of it is not shown: the command ends with its
    one line and 130 all the same. (A command that takes Ctrl-C over, a batch, puts
    this back when it is done.)"""

    def __init__(self) -> None:
        self.pressed = False
        self._undo: list[Any] = []

    def _on_ctrl_c(self, signum: int, frame: Any) -> None:
        self.pressed = True
        common.CTRL_C.set()
        raise KeyboardInterrupt

    def _unraisable(self, unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            return  # the stop is remembered; its traceback is no news to the person
        self._hook(unraisable)

    def __enter__(self) -> _CtrlC:
        common.CTRL_C.clear()
        if threading.current_thread() is threading.main_thread():
            previous = signal.signal(signal.SIGINT, self._on_ctrl_c)
            self._undo.append(lambda: signal.signal(signal.SIGINT, previous))
        self._hook = sys.unraisablehook
        sys.unraisablehook = self._unraisable
        self._undo.append(lambda: setattr(sys, "unraisablehook", self._hook))
        return self

    def __exit__(self, *exc: object) -> None:
        while self._undo:
            self._undo.pop()()


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _suggest(word: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``salesim`` with ``argv`` (default: the process's arguments); the exit code:
    0 done, 1 the work failed (a problem found), 2 a mistake in the command line."""
    parser = _parser()
    words = list(sys.argv[1:] if argv is None else argv)
    common.COMMAND_LINE[:] = words
    commands = _commands(parser)
    if words and not words[0].startswith("-") and words[0] not in commands:
        parser.error(f"unknown command {words[0]!r}{_suggest(words[0], list(commands))}")
    args, extra = parser.parse_known_args(words)
    func = getattr(args, "func", None)
    if extra:
        # the command's own usage, with the option it most likely meant
        target = commands.get(getattr(args, "command", None) or "", parser)
        known = [s for a in target._actions for s in a.option_strings]
        hints = "".join(_suggest(w.split("=")[0], known) for w in extra if w.startswith("-"))
        target.error(f"unrecognized arguments: {' '.join(extra)}{hints}")
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    stop = _CtrlC()
    try:
        with stop:
            code = func(args)
    except KeyboardInterrupt:
        stop.pressed = True
    except BrokenPipeError:
        # the reader (``| head``) has gone: stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if stop.pressed:
        # Ctrl-C: what was written is whole (saves and tables are written atomically, a
        # batch's finished runs are journalled); no traceback for a person's own stop
        print("salesim: stopped (Ctrl-C)", file=sys.stderr)
        return 130
    return code
