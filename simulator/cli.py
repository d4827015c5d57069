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

    play = sub.add_parser(
        "play",
        help="play the game in a window",
        description="Open the game: you are the newly promoted sales manager.",
    )
    play.add_argument(
        "--scenario",
        metavar="PATH",
        help="start a new game on this scenario file or shipped name (default: choose on screen)",
    )
    play.add_argument(
        "--lang", choices=("en", "zh"), default="en", help="language: en or zh (default: en)"
    )
    play.add_argument("--load", metavar="SAVE", help="resume this saved game")
    play.add_argument(
        "--seed", type=int, metavar="N", help="random seed of a new game (default: from the clock)"
    )
    play.add_argument(
        "--saves",
        metavar="DIR",
        help="folder for the autosave (default: $SALESIM_SAVE_DIR or ~/.local/share/salesim/saves)",
    )

    run = sub.add_parser(
        "run",
        help="play a scenario headless with a policy",
        description="Play a scenario headless with a policy and print the result.",
    )
    run.add_argument(
        "--scenario",
        metavar="PATH",
        help="scenario file or shipped scenario name (default: the shipped default)",
    )
    run.add_argument(
        "--policy",
        default="by_the_book",
        metavar="NAME",
        help="by_the_book, hands_off, pressure_cooker, contest_everyone, "
        "micromanager, promise_breaker, random, or your own as module:Class or "
        "file.py:Class (default: by_the_book)",
    )
    run.add_argument("--seed", type=int, default=1, metavar="N", help="random seed (default: 1)")
    run.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the readable report"
    )
    run.add_argument("--quiet", action="store_true", help="leave out the week-by-week lines")
    run.add_argument(
        "--save", metavar="FILE", help="also write the game as a save (the game's format)"
    )

    sub.add_parser("policies", help="list the built-in policies")

    exp = sub.add_parser(
        "export",
        help="a saved game's action and event logs as CSV or JSON",
        description="Replay a save and write its action and event logs as tables "
        "(actions.csv and events.csv, or .json) for spreadsheets.",
    )
    exp.add_argument("save", metavar="SAVE")
    exp.add_argument("--format", choices=("csv", "json"), default="csv")
    exp.add_argument("--out", metavar="DIR", default=".", help="folder (default: here)")
    rep = sub.add_parser(
        "report",
        help="a trainer's HTML report of one saved game",
        description="Replay a save and write report.html with its charts: the scorecard, "
        "the season, the lessons with their moments, each rep's story, a week-by-week "
        "timeline, and the same seed played by the book.",
    )
    rep.add_argument("save", metavar="SAVE")
    rep.add_argument("--out", metavar="DIR", required=True, help="folder for the report")
    rep.add_argument("--lang", choices=("en", "zh"), default="en")
    cls = sub.add_parser(
        "class",
        help="a class report from several saves of one scenario",
        description="A league table, the group's score distribution, the lessons the group "
        "missed and the most common mistakes, with every player's own report linked.",
    )
    cls.add_argument("saves", metavar="SAVE", nargs="+")
    cls.add_argument("--out", metavar="DIR", required=True, help="folder for the reports")
    cls.add_argument("--lang", choices=("en", "zh"), default="en")
    rpl = sub.add_parser(
        "replay",
        help="step through a saved game in the game's window, read-only",
        description="Open a save in the game's window, read-only: step week by week, "
        "forwards and backwards, through what the player saw and did.",
    )
    rpl.add_argument("save", metavar="SAVE")
    rpl.add_argument("--lang", choices=("en", "zh"), default="en")
    sub.add_parser("scenarios", help="list the shipped scenarios")

    val = sub.add_parser(
        "validate",
        help="check scenario files",
        description="Check scenario files. Prints one line per problem, "
        "FILE:LINE:COLUMN: field: message, and exits 1 if there is any.",
    )
    val.add_argument("files", nargs="+", metavar="FILE")
    val.add_argument("--quiet", action="store_true", help="print problems only")

    sch = sub.add_parser(
        "schema",
        help="print the JSON Schema of scenario files (for editors)",
        description="Print the JSON Schema of the scenario format, for completion and "
        "checking in editors (see docs/scenario-authoring.md).",
    )
    sch.add_argument("--out", metavar="FILE", help="write it to FILE instead")

    cal = sub.add_parser(
        "calibrate",
        help="how hard is a scenario, and does it reward good management?",
        description="Play a scenario with every built-in policy on the same seeds; print "
        "each policy's score distribution and by_the_book's lead over each, with 95% "
        "confidence intervals. Exits 1 when by_the_book is not clearly ahead of all.",
    )
    cal.add_argument("file", metavar="FILE")
    cal.add_argument("--runs", type=int, default=20, metavar="N", help="seeds (default: 20)")
    cal.add_argument("--seed", type=int, default=1, metavar="S", help="first seed (default: 1)")
    cal.add_argument(
        "--jobs", type=int, default=None, metavar="J", help="processes (default: all cores)"
    )
    cal.add_argument(
        "--policy", action="append", metavar="NAME", help="only these policies (repeatable)"
    )
    bat = sub.add_parser(
        "batch",
        help="many seeded runs of policies × scenarios × parameters, into a folder",
        description="Run every policy on every scenario (and parameter point) for --runs "
        "seeds: run i of each uses seed S+i. Each run is saved the moment it finishes; "
        "DIR/runs.parquet, reps.parquet, weeks.parquet and manifest.json are kept up to "
        "date. Ctrl-C stops cleanly; rerunning into the same DIR (the same command, or "
        "one with more seeds, policies or points) plays only the runs not done yet.",
    )
    bat.add_argument("--scenario", nargs="+", action="extend", required=True, metavar="PATH")
    bat.add_argument(
        "--policy",
        nargs="+",
        action="extend",
        required=True,
        metavar="NAME",
        help="built-in name or module:Class / file.py:Class",
    )
    bat.add_argument("--runs", type=int, required=True, metavar="N", help="seeds per cell")
    bat.add_argument("--seed", type=int, default=1, metavar="S", help="first seed (default: 1)")
    bat.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="J",
        help="local worker processes (default: all cores)",
    )
    bat.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=V1,V2,...",
        help="sweep a numeric scenario field (full factorial); with --sample, KEY=LOW:HIGH",
    )
    bat.add_argument(
        "--sample", metavar="lhs:K", help="a Latin hypercube of K points over the --set ranges"
    )
    bat.add_argument("--dask", metavar="ADDRESS", help="run on a Dask cluster (tcp://host:8786)")
    bat.add_argument("--out", required=True, metavar="DIR")
    bat.add_argument(
        "--baseline",
        default="by_the_book",
        metavar="NAME",
        help="policy the summary compares against (default: by_the_book)",
    )
    bat.add_argument("--retry-failed", action="store_true", help="rerun runs recorded as failed")
    bat.add_argument("--no-progress", action="store_true", help="no progress bar")

    cmp = sub.add_parser(
        "compare",
        help="compare the policies of a batch folder",
        description="Per policy the mean and 95% interval of each score component; paired "
        "differences against a baseline with intervals and a verdict line; PNG plots and "
        "one self-contained report.html.",
    )
    cmp.add_argument("folder", metavar="DIR")
    cmp.add_argument("--baseline", default="by_the_book", metavar="NAME")
    cmp.add_argument("--out", metavar="DIR", help="where plots and report.html go (default: DIR)")
    cmp.add_argument("--no-plots", action="store_true", help="text only")

    sen = sub.add_parser(
        "sensitivity",
        help="which scenario fields drive the score (Sobol or Morris)",
        description="Vary scenario fields over ranges together, play a policy at each "
        "sampled point and print Sobol (or Morris) indices of the total score.",
    )
    sen.add_argument("file", metavar="PATH")
    sen.add_argument("--policy", default="by_the_book", metavar="NAME")
    sen.add_argument("--vary", action="append", default=[], required=True, metavar="KEY=LOW:HIGH")
    sen.add_argument(
        "--samples",
        type=int,
        default=64,
        metavar="N",
        help="base sample size (Sobol: N×(D+2) points, a power of 2; Morris: N×(D+1)); default 64",
    )
    sen.add_argument("--method", choices=("sobol", "morris"), default="sobol")
    sen.add_argument(
        "--replicates",
        type=int,
        default=1,
        metavar="R",
        help="seeds averaged at each point (default: 1)",
    )
    sen.add_argument("--seed", type=int, default=1, metavar="S")
    sen.add_argument("--jobs", type=int, default=None, metavar="J")
    sen.add_argument("--out", metavar="DIR", help="also write indices.csv and a bar chart")
    return parser


def _resolve(path: str) -> str:
    """A path, or the name of a shipped scenario (``tutorial``)."""
    from pathlib import Path

    from .scenario import scenarios_dir, shipped_scenarios

    p = Path(path)
    if not p.exists() and p.suffix == "" and "/" not in path:
        shipped = scenarios_dir() / f"{path}.yaml"
        if shipped.exists():
            return str(shipped)
        names = ", ".join(f.stem for f in shipped_scenarios())
        raise SystemExit(_fail(f"{path}: no such file, nor a shipped scenario ({names})"))
    return path


def _load(path: str | None):
    from .scenario import ScenarioError, default_scenario_path, load_scenario

    try:
        return load_scenario(_resolve(path) if path else default_scenario_path())
    except ScenarioError as e:
        for problem in e.problems:
            _fail(str(problem))
        raise SystemExit(2) from None


class _Progress:
    """A progress bar (runs done, rate, time left) for commands that report (done, total).

    Shown only on a terminal, so piped output stays clean.
    """

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="run", desc="playing", leave=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _fail(message: str) -> int:
    print(f"salesim: error: {message}", file=sys.stderr)
    return 2


def _week_line(report, session, currency: str) -> str:
    """A week of a scripted run in one line, as the manager saw it end."""
    from .narrate import Narrator

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
    titles = {i.id: i.title.en for i in obs.inbox}
    for e in report.events:
        if e.kind == "market_event":
            flags.append(e.data["event"].replace("_", " "))
        elif e.kind == "inbox":
            flags.append(f"inbox: {titles.get(e.data['item'], '')}")
        elif e.kind == "inbox_answer":
            flags.append(f"answered {e.data['event']}: {e.data['choice']}")
        elif e.kind == "inbox_expired":
            flags.append(f"unanswered {e.data['event']}: {e.data['choice'] or 'lapsed'}")
    pct = 100.0 * m.revenue / m.target if m.target else 0.0
    return (
        f"wk {s.week:2d} P{period}  booked {short_money(m.revenue, currency):>9} "
        f"of {short_money(m.target, currency):>9} ({pct:5.1f}%)  won {s.won:2d} lost {s.lost:2d}  "
        f"team {m.headcount:2d}  mood {m.mood:.2f}" + ("  " + "; ".join(flags) if flags else "")
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
    if args.save:
        from .saves import SaveError, snapshot, write_save
        from .scenario import default_scenario_path

        path = _resolve(args.scenario) if args.scenario else str(default_scenario_path())
        try:
            write_save(snapshot(session, path, policy=args.policy), args.save)
        except SaveError as e:
            return _fail(str(e))
    if args.json:
        print(json.dumps(_result(session, card, args), ensure_ascii=False))
        return 0
    if not args.quiet:
        print()
    from .narrate import Narrator

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


def _result(session, card, args) -> dict[str, Any]:
    from .narrate import Narrator

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
    from .policies import POLICIES

    for name, cls in POLICIES.items():
        doc = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
        print(f"{name:<18} {doc}")
    return 0


def cmd_scenarios(args: argparse.Namespace) -> int:
    from .scenario import ScenarioError, load_scenario, scenarios_dir, shipped_scenarios

    for path in shipped_scenarios():
        try:
            s = load_scenario(path)
        except ScenarioError as e:
            print(f"{path.stem:<22} (invalid: {e.first})")
            continue
        teaches = ", ".join(s.teaches)
        print(
            f"{path.stem:<22} {s.difficulty:<7} {s.title!s}" + (f"  [{teaches}]" if teaches else "")
        )
    print(f"\nin {scenarios_dir()}: copy one to start your own, or extend it by name")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .scenario import check_file

    bad = 0
    count = 0
    for f in args.files:
        problems = check_file(_resolve(f))
        for p in problems:
            print(p)
        count += len(problems)
        bad += bool(problems)
        if not problems and not args.quiet:
            print(f"{f}: valid")
    if bad:
        print(
            f"{count} problem{'s' * (count != 1)} in {bad} of {len(args.files)} files",
            file=sys.stderr,
        )
    return 1 if bad else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .scenario import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.out:
        from pathlib import Path

        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    from .analysis.calibrate import calibrate, report
    from .policies import POLICIES

    if args.runs < 2:
        return _fail("--runs must be at least 2 (an interval needs two runs)")
    if args.seed < 0:
        return _fail("--seed must be 0 or more")
    for name in args.policy or ():
        if name not in POLICIES:
            return _fail(f"unknown policy {name!r}; choose from {', '.join(POLICIES)}")
    path = _resolve(args.file)
    _load(path)
    progress = _Progress()
    try:
        cal = calibrate(path, args.runs, args.seed, args.jobs, args.policy, progress)
    finally:
        progress.close()
    print(report(cal))
    return 0 if cal.discriminates else 1


def cmd_batch(args: argparse.Namespace) -> int:
    from .analysis.batch import Batch, BatchError
    from .analysis.compare import CompareError, load, text
    from .analysis.design import DesignError, factorial, latin_hypercube, parse_range, parse_sweep
    from .policies import PolicyLoadError

    try:
        if args.sample:
            kind, _, k = args.sample.partition(":")
            if kind != "lhs" or not k.isdigit():
                return _fail("--sample takes lhs:K, e.g. lhs:20")
            points = latin_hypercube([parse_range(t, "--set") for t in args.set], int(k), args.seed)
        else:
            points = factorial([parse_sweep(t) for t in args.set])
        scenarios = [_resolve(p) for p in args.scenario]
        for p in scenarios:
            _load(p)
        batch = Batch(
            args.out,
            scenarios,
            args.policy,
            args.runs,
            seed=args.seed,
            points=points,
            jobs=args.jobs,
            dask=args.dask,
            command=["salesim", *_COMMAND_LINE],
            retry_failed=args.retry_failed,
        )
    except (DesignError, BatchError, PolicyLoadError) as e:
        return _fail(str(e))
    n = len(batch.tasks)
    print(
        f"{n} runs: {len(batch.paths)} scenario(s) × {len(batch.points)} point(s) × "
        f"{len(batch.policies)} policies × {args.runs} seeds "
        f"({args.seed}–{args.seed + args.runs - 1})",
        file=sys.stderr,
    )
    try:
        outcome = batch.run(
            progress=not args.no_progress and sys.stderr.isatty(), on_stop=_stopping
        )
    except BatchError as e:
        return _fail(str(e))
    print(
        f"{outcome.executed} run(s) done now, {outcome.skipped} found done, "
        f"{outcome.failed} failed, in {outcome.seconds:.0f} s; results in {batch.folder}",
        file=sys.stderr,
    )
    if outcome.interrupted:
        print("interrupted: rerun the same command to finish", file=sys.stderr)
        return 130
    try:
        print(text(load(batch.folder, args.baseline)), end="")
    except CompareError as e:
        print(f"(no summary: {e})", file=sys.stderr)
    return 0 if outcome.failed == 0 else 1


def _stopping(under_way: int) -> None:
    """Ctrl-C on a batch: say at once what happens next."""
    if under_way:
        print(
            f"stopping: waiting for the {under_way} run(s) under way to finish",
            file=sys.stderr,
            flush=True,
        )
    else:
        print("stopping", file=sys.stderr, flush=True)


def cmd_compare(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .analysis.compare import CompareError, load, plots, report_html, text

    try:
        cmp = load(args.folder, args.baseline)
    except CompareError as e:
        return _fail(str(e))
    print(text(cmp), end="")
    if not args.no_plots:
        out = Path(args.out or args.folder)
        images = plots(cmp, out)
        report = report_html(cmp, images, out)
        print(f"plots: {', '.join(str(i) for i in images)}\nreport: {report}", file=sys.stderr)
    return 0


def cmd_sensitivity(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .analysis.design import DesignError, parse_range
    from .analysis.sensitivity import plot, report, run_sensitivity
    from .policies import PolicyLoadError

    path = _resolve(args.file)
    _load(path)
    progress = _Progress()
    try:
        ranges = [parse_range(t) for t in args.vary]
        if args.replicates < 1:
            return _fail("--replicates must be at least 1")
        result = run_sensitivity(
            path,
            args.policy,
            ranges,
            args.samples,
            args.method,
            args.seed,
            args.replicates,
            args.jobs,
            progress,
        )
    except (DesignError, PolicyLoadError) as e:
        return _fail(str(e))
    finally:
        progress.close()
    print(report(result))
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        lines = ["field,first,first_conf,total,total_conf"]
        lines += [
            f"{i.name},{i.first},{i.first_conf},{i.total},{i.total_conf}" for i in result.indices
        ]
        (out / "indices.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        plot(result, out / "sensitivity.png")
    return 0


_COMMAND_LINE: list[str] = []  # what was typed after "salesim", for the batch manifest


def cmd_report(args: argparse.Namespace) -> int:
    from .report import report
    from .saves import SaveError

    try:
        print(report(args.save, args.out, args.lang))
    except SaveError as e:
        return _fail(str(e))
    return 0


def cmd_class(args: argparse.Namespace) -> int:
    from .report import class_report
    from .saves import SaveError

    try:
        print(class_report(args.saves, args.out, args.lang))
    except (SaveError, ValueError) as e:
        return _fail(str(e))
    return 0


def cmd_replay(args: argparse.Namespace) -> int:

    if (missing := _game_missing()) is not None:
        return _fail(missing)
    from .saves import SaveError, open_save
    from .ui import replay

    try:
        save, session = open_save(args.save)
    except SaveError as e:
        return _fail(str(e))
    return replay(save, session, lang=args.lang)


def cmd_export(args: argparse.Namespace) -> int:
    from .saves import SaveError, export_logs, open_save

    try:
        _, session = open_save(args.save)
        for path in export_logs(session, args.out, args.format):
            print(path)
    except SaveError as e:
        return _fail(str(e))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    _COMMAND_LINE[:] = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            return cmd_run(args)
        if args.command == "policies":
            return cmd_policies(args)
        if args.command in COMMANDS:
            return COMMANDS[args.command](args)
    except BrokenPipeError:
        # the reader (``| head``) has gone: stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    parser.print_help()
    return 0


def _game_missing() -> str | None:
    """Why the game's window cannot open here (its libraries missing), or None."""
    import importlib.util

    missing = [m for m in ("pygame", "pygame_gui") if importlib.util.find_spec(m) is None]
    if missing:
        return f"the game needs pygame-ce and pygame_gui (missing: {', '.join(missing)})"
    return None


def cmd_play(args: argparse.Namespace) -> int:
    from pathlib import Path

    if (missing := _game_missing()) is not None:
        return _fail(missing)

    from .ui import main as play

    scenario = None
    if args.scenario:
        scenario = _resolve(args.scenario)
        if not Path(scenario).exists():
            return _fail(f"no such scenario: {args.scenario}")
        _load(scenario)  # a scenario with errors is reported here, with file:line
    if args.load and not Path(args.load).exists():
        return _fail(f"no such save: {args.load}")
    if args.seed is not None and args.seed < 0:
        return _fail("--seed must be 0 or more")
    return play(
        scenario=scenario,
        lang=args.lang,
        load=args.load,
        seed=args.seed,
        saves=Path(args.saves) if args.saves else None,
    )


COMMANDS = {
    "play": cmd_play,
    "report": cmd_report,
    "class": cmd_class,
    "replay": cmd_replay,
    "export": cmd_export,
    "batch": cmd_batch,
    "compare": cmd_compare,
    "sensitivity": cmd_sensitivity,
    "scenarios": cmd_scenarios,
    "validate": cmd_validate,
    "schema": cmd_schema,
    "calibrate": cmd_calibrate,
}

if __name__ == "__main__":
    sys.exit(main())
