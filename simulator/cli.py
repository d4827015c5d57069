"""The ``salesim`` command.

``salesim run`` plays a scenario headless with a built-in policy and prints a
week-by-week summary and the final scorecard (or one JSON object with
``--json``). Errors in what the user typed or in a scenario file are reported
in one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from . import __version__
from .money import short_money


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="salesim",
        description="A sales-manager training simulator.",
    )
    parser.add_argument("--version", action="version", version=f"salesim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="play a scenario headless with a built-in policy",
        description="Play a scenario headless with a built-in policy and print the result.",
    )
    run.add_argument(
        "--scenario",
        metavar="PATH",
        help="scenario file (default: the shipped scenarios/default.yaml)",
    )
    run.add_argument(
        "--policy",
        default="by_the_book",
        metavar="NAME",
        help="by_the_book, hands_off, pressure_cooker, contest_everyone, "
        "micromanager, promise_breaker or random (default: by_the_book)",
    )
    run.add_argument("--seed", type=int, default=1, metavar="N", help="random seed (default: 1)")
    run.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the readable report"
    )
    run.add_argument("--quiet", action="store_true", help="leave out the week-by-week lines")

    sub.add_parser("policies", help="list the built-in policies")
    return parser


def _load(path: str | None):
    from .scenario import ScenarioError, default_scenario_path, load_scenario

    try:
        return load_scenario(path or default_scenario_path())
    except ScenarioError as e:
        raise SystemExit(_fail(str(e))) from None


def _fail(message: str) -> int:
    print(f"salesim: error: {message}", file=sys.stderr)
    return 2


def _week_line(report, session, currency: str) -> str:
    w = session.world
    m = w.metrics.weeks[-1]
    s = report.summary
    period = w.period_of(s.week) + 1
    flags = []
    if s.resigned:
        flags.append("left: " + ", ".join(w.reps[i].name for i in s.resigned))
    if s.hired:
        flags.append("joined: " + ", ".join(w.reps[i].name for i in s.hired))
    for e in report.events:
        if e.kind == "market_event":
            flags.append(e.data["event"].replace("_", " "))
    pct = 100.0 * m.revenue / m.target if m.target else 0.0
    return (
        f"wk {s.week:2d} P{period}  booked {short_money(m.revenue, currency):>9} "
        f"of {short_money(m.target, currency):>9} ({pct:5.1f}%)  won {s.won:2d} lost {s.lost:2d}  "
        f"team {m.headcount:2d}  mood {m.engagement:.2f}"
        + ("  " + "; ".join(flags) if flags else "")
    )


def cmd_run(args: argparse.Namespace) -> int:
    from .policies import make_policy
    from .session import Session

    if args.seed < 0:
        return _fail("--seed must be 0 or more")
    scenario = _load(args.scenario)
    try:
        policy = make_policy(args.policy)
    except ValueError as e:
        return _fail(str(e))
    session = Session(scenario, args.seed, policy)
    cur = scenario.currency
    if not args.json and not args.quiet:
        print(f"{scenario.title} — policy {args.policy}, seed {args.seed}")
    while not session.finished:
        report = session.advance_week()
        if not args.json and not args.quiet:
            print(_week_line(report, session, cur))
    card = session.score()
    if args.json:
        print(json.dumps(_result(session, card, args), ensure_ascii=False))
        return 0
    print()
    print(f"Scorecard ({args.policy}, seed {args.seed})")
    for c in card.components:
        print(f"  {c.name:<11} {c.value:6.1f}  ×{c.weight:.2f}   {c.working}")
    print(f"  {'total':<11} {card.total:6.1f}")
    print(
        f"revenue {short_money(card.revenue, cur)} of target {short_money(card.target, cur)}; "
        f"{card.attrition} left the team ({card.regretted} regretted)"
    )
    return 0


def _result(session, card, args) -> dict[str, Any]:
    w = session.world
    return {
        "scenario": session.scenario.title,
        "policy": args.policy,
        "seed": args.seed,
        "score": {
            "total": round(card.total, 3),
            "components": {c.name: round(c.value, 3) for c in card.components},
            "details": {c.name: c.as_dict() for c in card.components},
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
            for m in w.metrics.weeks
        ],
    }


def cmd_policies(args: argparse.Namespace) -> int:
    from .policies import POLICIES

    for name, cls in POLICIES.items():
        doc = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
        print(f"{name:<18} {doc}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            return cmd_run(args)
        if args.command == "policies":
            return cmd_policies(args)
    except BrokenPipeError:
        # the reader (``| head``) has gone: stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
