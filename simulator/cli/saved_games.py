"""Commands on saved games: ``export`` their logs as tables, a trainer's
``report`` of one, a ``class`` report of several, and ``replay`` one read-only
in the game's window. Each replays the save from its seed and the player's
actions, so what they show is what the player lived through.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..outputs import NotOurs, replaces_other
from .common import (
    Progress,
    add_jobs,
    add_lang,
    add_out,
    add_save,
    fail,
    game_missing,
    out_problem,
    printable,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export``, ``report``, ``class`` and ``replay``."""
    exp = sub.add_parser(
        "export",
        help="a saved game's action and event logs as CSV or JSON",
        description="Replay a save and write its action and event logs as tables "
        "(actions.csv and events.csv, or .json) for spreadsheets.",
    )
    add_save(exp)
    exp.add_argument(
        "--format", choices=("csv", "json"), default="csv", help="table format (default: csv)"
    )
    add_out(exp, "folder (default: here)", default=".")
    exp.set_defaults(func=cmd_export)

    rep = sub.add_parser(
        "report",
        help="a trainer's HTML report of one saved game",
        description="Replay a save and write report.html with its charts: the scorecard, "
        "the season, the lessons with their moments, each rep's story, a week-by-week "
        "timeline, and the same seed played by the book.",
    )
    add_save(rep)
    add_out(rep, "folder for the report", required=True)
    add_lang(rep)
    rep.set_defaults(func=cmd_report)

    cls = sub.add_parser(
        "class",
        help="a class report from several saves of one scenario",
        description="A league table, the group's score distribution, the lessons the group "
        "missed and the most common mistakes, with every player's own report linked. "
        "A save that cannot be read is left out (the page and a line say which); the "
        "exit code is then 1, with the page written for the others.",
    )
    cls.add_argument("saves", metavar="SAVE", nargs="+", help="the class's saved games")
    add_out(cls, "folder for the reports", required=True)
    add_lang(cls)
    add_jobs(cls, "processes that replay the games and draw their reports (default: all cores)")
    cls.set_defaults(func=cmd_class)

    rpl = sub.add_parser(
        "replay",
        help="step through a saved game in the game's window, read-only",
        description="Open a save in the game's window, read-only: step week by week, "
        "forwards and backwards, through what the player saw and did.",
    )
    add_save(rpl)
    add_lang(rpl)
    rpl.set_defaults(func=cmd_replay)


def _tell(warnings: list[str]) -> None:
    """Warnings gathered while a save replayed (a scenario edited since), one line each,
    after the progress bar has gone."""
    for line in warnings:
        print(f"salesim: warning: {printable(line)}", file=sys.stderr)
    warnings.clear()


def cmd_export(args: argparse.Namespace) -> int:
    from ..saves import SaveError, export_logs, open_save

    if (problem := out_problem(args.out)) is not None:
        return fail(problem)
    names = [f"{n}.{args.format}" for n in ("actions", "events")]
    if (problem := replaces_other(Path(args.out or "."), names)) is not None:
        return fail(problem)
    told: list[str] = []
    try:
        with Progress("week", "replaying the game") as progress:
            _, session = open_save(args.save, on_week=progress, warn=told.append)
        _tell(told)
        for path in export_logs(session, args.out, args.format):
            print(printable(str(path)))
    except (SaveError, NotOurs) as e:
        return fail(str(e))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from ..report import report
    from ..report.game import REPORT_FILES
    from ..saves import SaveError

    if (problem := out_problem(args.out)) is not None:
        return fail(problem)
    if (problem := replaces_other(Path(args.out), list(REPORT_FILES))) is not None:
        return fail(problem)
    told: list[str] = []
    try:
        with Progress("week") as progress:
            page = report(args.save, args.out, args.lang, progress, warn=told.append)
        _tell(told)
        print(printable(str(page)))
    except (SaveError, NotOurs) as e:
        _tell(told)
        return fail(str(e))
    return 0


def cmd_class(args: argparse.Namespace) -> int:
    from ..report import class_report
    from ..saves import SaveError

    if (problem := out_problem(args.out)) is not None:
        return fail(problem)
    if problem := replaces_other(Path(args.out), ["index.html", "scores.png", "lessons.png"]):
        return fail(problem)
    skipped: list[str] = []
    damaged: list[str] = []
    told: list[str] = []
    try:
        page = class_report(
            args.saves,
            args.out,
            args.lang,
            skipped,
            warn=told.append,
            jobs=args.jobs,
            damaged=damaged,
        )
    except (SaveError, ValueError, NotOurs) as e:
        _tell(told)
        return fail(str(e))
    _tell(told)
    print(printable(str(page)))
    for why in skipped:  # a damaged save leaves the class, not the report
        # a participant's file name, shown escaped: it may hold a terminal's escape codes
        print(f"salesim: left out {printable(why)}", file=sys.stderr)
    # written, but not for everyone: a script that runs the class is told so
    return 1 if damaged else 0


def cmd_replay(args: argparse.Namespace) -> int:
    if (missing := game_missing()) is not None:
        return fail(missing)
    from ..saves import SaveError, open_save
    from ..ui import replay

    told: list[str] = []
    try:
        with Progress("week", "replaying the game") as progress:
            save, session = open_save(args.save, on_week=progress, warn=told.append)
    except SaveError as e:
        return fail(str(e))
    _tell(told)
    return replay(save, session, lang=args.lang)
