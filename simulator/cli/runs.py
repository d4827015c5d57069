"""Headless runs: ``salesim run`` plays a scenario with a policy and prints a
week-by-week summary and the final scorecard (or one JSON object with
``--json``); ``salesim policies`` lists the policies it can play with.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..money import short_money

if TYPE_CHECKING:
    from ..scoring import Scorecard
    from ..session import Session, WeekReport

from .common import (
    CTRL_C,
    add_policy,
    add_scenario,
    add_seed,
    fail,
    lang_code,
    read_scenario,
    resolve_scenario,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``run`` and ``policies``."""
    run = sub.add_parser(
        "run",
        help="play a scenario headless with a policy",
        description="Play a scenario headless with a policy and print the result.",
    )
    add_scenario(run, "scenario file or shipped scenario name (default: the shipped default)")
    add_policy(
        run,
        "by_the_book, hands_off, pressure_cooker, contest_everyone, "
        "micromanager, promise_breaker, random, or your own as module:Class or "
        "file.py:Class (default: by_the_book)",
        default="by_the_book",
    )
    add_seed(run, "random seed (default: 1)", metavar="N")
    run.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the readable report"
    )
    run.add_argument("--quiet", action="store_true", help="leave out the week-by-week lines")
    run.add_argument(
        "--news",
        metavar="LANG",
        nargs="?",
        const="en",
        type=lang_code,
        help="under each week's line, the week report the desk shows (what happened and why), "
        "in English (the default) or another language (zh, …: salesim languages)",
    )
    run.add_argument(
        "--save", metavar="FILE", help="also write the game as a save (the game's format)"
    )
    run.set_defaults(func=cmd_run)

    sub.add_parser(
        "policies",
        help="list the built-in policies",
        description="List the built-in policies (scripted managers) and what each does; "
        "your own are given as module:Class or file.py:Class.",
    ).set_defaults(func=cmd_policies)


def _week_line(report: WeekReport, session: Session, currency: str) -> str:
    """A week of a scripted run in one line, as the manager saw it end."""
    from ..narrate import Narrator

    obs = session.observe()
    nar = Narrator(obs, "en")
    m = obs.history[-1]
    s = report.summary
    period = obs.period_of(s.week) + 1
    flags = []
    if s.resigned:
        flags.append("left: " + ", ".join(nar.rep(i) for i in s.resigned))
    if s.hired:
        flags.append("joined: " + ", ".join(nar.rep(i) for i in s.hired))
    # the messages that arrived in this week (the report tells them the week before)
    flags += [f"inbox: {i.title.en}" for i in obs.inbox if i.week == s.week]
    for e in report.events:
        if e.kind == "market_event":
            flags.append(e.data["event"].replace("_", " "))
        elif e.kind == "inbox_answer" and not e.data.get("defaulted"):
            # a message left to lapse takes its default: told as unanswered, below
            flags.append(f"answered {e.data['event']}: {e.data['choice']}")
        elif e.kind == "inbox_expired":
            flags.append(f"unanswered {e.data['event']}: {e.data['choice'] or 'lapsed'}")
    pct = 100.0 * m.revenue / m.target if m.target else 0.0
    return (
        f"wk {s.week:2d} P{period}  booked {short_money(m.revenue, currency):>9} "
        f"of {short_money(m.target, currency):>9} ({pct:5.1f}%)  won {s.won:2d} lost {s.lost:2d}  "
        f"team {m.headcount:2d}  mood {m.mood:.2f}" + ("  " + "; ".join(flags) if flags else "")
    )


@contextlib.contextmanager
def output_to_stderr(moved: bool = True) -> Iterator[None]:
    """Within this block, what is written to standard output goes to standard error.

    ``salesim run --json`` promises one JSON object on standard output; a policy is
    someone's code, and its ``print`` (or a write to file 1 by a library it calls)
    landed in the middle of it. Both the ``sys.stdout`` of Python and file 1 itself are
    moved while the policy is loaded and plays. ``moved=False``: nothing is moved."""
    if not moved:
        yield
        return
    real = sys.__stdout__

    def flush() -> None:
        with contextlib.suppress(OSError, ValueError):
            if real is not None:
                real.flush()

    with contextlib.ExitStack() as undo:
        undo.enter_context(contextlib.redirect_stdout(sys.stderr))
        flush()  # what was written before goes where it was meant to
        try:
            saved = os.dup(1)
        except OSError:  # no file 1 to move: moving Python's standard output is enough
            saved = None
        if saved is not None:

            def back() -> None:
                flush()  # what the policy wrote to the real standard output: on stderr too
                os.dup2(saved, 1)
                os.close(saved)

            os.dup2(2, 1)
            undo.callback(back)
        yield


def cmd_run(args: argparse.Namespace) -> int:
    scenario = read_scenario(args.scenario)
    if args.save is not None and not args.save.strip():
        return fail("--save needs a file name (it was empty)")
    if args.save:  # before the season is played: a save that cannot be written loses it
        from ..saves import SaveError, check_save_target

        try:
            check_save_target(args.save)
        except SaveError as e:
            return fail(str(e))
    # with --json, standard output holds the JSON object and nothing else
    with output_to_stderr(args.json):
        played = _play(args, scenario)
    if isinstance(played, int):
        return played
    session, card = played
    if args.json:
        print(json.dumps(_result(session, card, args), ensure_ascii=False))
        return 0
    if not args.quiet:
        print()
    from ..narrate import Narrator

    cur = scenario.currency
    nar = Narrator(session.observe(), "en")
    print(f"Scorecard ({args.policy}, seed {args.seed})")
    for c in card.components:
        print(f"  {c.name:<11} {c.value:6.1f}  ×{c.weight:.2f}   {nar.working(c)}")
    print(f"  {'total':<11} {card.total:6.1f}")
    print(
        f"revenue {short_money(card.revenue, cur)} of target {short_money(card.target, cur)}; "
        f"{card.attrition} left the team ({card.regretted} regretted)"
    )
    return 0


def _play(args: argparse.Namespace, scenario: Any) -> tuple[Session, Scorecard] | int:
    """The season played by the policy (and saved, with --save); or the exit code of
    what stopped it, told in one line."""
    from ..policies import make_policy
    from ..policy_errors import PolicyError
    from ..session import Session

    try:
        policy = make_policy(args.policy)
    except ValueError as e:
        return fail(str(e))

    def policy_failed(why: str) -> int:  # the work failed, not the command line: 1
        fail(f"{args.policy}: {why}")
        return 1

    try:
        session = Session(scenario, args.seed, policy)
    except PolicyError as e:
        return policy_failed(str(e))
    cur = scenario.currency
    if not args.json and not args.quiet:
        print(f"{scenario.title} — policy {args.policy}, seed {args.seed}")
    while not session.finished:
        try:
            report = session.advance_week()
        except PolicyError as e:  # the policy's mistake, in one line (no traceback)
            return policy_failed(str(e))
        except SystemExit as e:
            return policy_failed(f"the policy called sys.exit({e.code!r}) in week {session.week}")
        except KeyboardInterrupt:
            if CTRL_C.is_set():  # the person at the keyboard: the command stops as stopped
                raise
            return policy_failed(f"the policy raised KeyboardInterrupt in week {session.week}")
        if not args.json and not args.quiet:
            print(_week_line(report, session, cur))
            if args.news:
                from ..narrate import Narrator

                for line in Narrator(session.observe(), args.news).week_report(report.events):
                    print(f"      {line}")
    card = session.score()
    if args.save:
        from ..saves import SaveError, snapshot, write_save
        from ..scenario import default_scenario_path

        path = resolve_scenario(args.scenario) if args.scenario else str(default_scenario_path())
        try:
            write_save(snapshot(session, path, policy=args.policy), args.save)
        except SaveError as e:  # the season was played; its save could not be: the work failed
            fail(str(e))
            return 1
    return session, card


def _result(session: Session, card: Scorecard, args: argparse.Namespace) -> dict[str, Any]:
    from ..narrate import Narrator

    record = session.record()
    nar = Narrator(record.final, "en")
    details = {
        c.name: {**c.as_dict(), "formula": nar.formula(c), "working": nar.working(c)}
        for c in card.components
    }
    return {
        "scenario": str(session.scenario.title),
        "policy": args.policy,
        "seed": args.seed,
        "score": {
            "total": round(card.total, 3),
            "components": {c.name: round(c.value, 3) for c in card.components},
            "details": details,
        },
        "revenue": card.revenue,
        "target": card.target,
        "attrition": card.attrition,
        "regretted_attrition": card.regretted,
        "weeks": [
            {
                "week": m.week,
                "revenue": m.revenue,
                "target": m.target,
                "engagement": round(m.engagement, 4),
                "headcount": m.headcount,
            }
            for m in record.weeks
        ],
    }


def cmd_policies(args: argparse.Namespace) -> int:
    from ..policies import POLICIES

    for name, cls in POLICIES.items():
        doc = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
        print(f"{name:<18} {doc}")
    return 0
