"""``salesim play``: the game in a window, where you are the newly promoted sales
manager. Bad arguments are refused in words before the window opens.
"""

from __future__ import annotations

import argparse
import sys

from .common import (
    add_lang,
    add_scenario,
    add_seed,
    fail,
    game_missing,
    read_scenario,
    resolve_scenario,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``play``."""
    play = sub.add_parser(
        "play",
        help="play the game in a window",
        description="Open the game: you are the newly promoted sales manager.",
    )
    add_scenario(
        play,
        "start a new game on this scenario file or shipped name (default: choose on screen)",
    )
    add_lang(play, "language: en, zh, or any other with a catalog (see: salesim languages)")
    play.add_argument("--load", metavar="SAVE", help="resume this saved game")
    add_seed(play, "random seed of a new game (default: from the clock)", default=None, metavar="N")
    play.add_argument(
        "--saves",
        metavar="DIR",
        help="folder for the autosave (default: $SALESIM_SAVE_DIR or ~/.local/share/salesim/saves)",
    )
    play.set_defaults(func=cmd_play)


def cmd_play(args: argparse.Namespace) -> int:
    from pathlib import Path

    if (missing := game_missing()) is not None:
        return fail(missing)

    from ..ui import main as play

    scenario = None
    if args.scenario:
        scenario = resolve_scenario(args.scenario)
        if not Path(scenario).exists():
            return fail(f"no such scenario: {args.scenario}")
        read_scenario(scenario)  # a scenario with errors is reported here, with file:line
    if args.load and not Path(args.load).exists():
        return fail(f"no such save: {args.load}")
    from ..texts import catalog

    for problem in catalog.problems():  # a gap shows in English; the trainer should know
        print(f"salesim: language catalog: {problem}", file=sys.stderr)
    return play(
        scenario=scenario,
        lang=args.lang,
        load=args.load,
        seed=args.seed,
        saves=Path(args.saves) if args.saves else None,
    )
