"""Experiments over many seeded runs: ``calibrate`` a scenario's difficulty,
``batch`` runs of policies × scenarios × parameters into a folder, ``compare``
the policies of such a folder, and ``sensitivity`` of the score to scenario
fields. Runs go to worker processes (or a Dask cluster, for a batch).
"""

from __future__ import annotations

import argparse
import sys
from math import prod

from ..outputs import NotOurs, replaces_other, write_bytes
from ..wording import counted, seeds_range
from .common import (
    COMMAND_LINE,
    FIRST_SEED,
    Progress,
    add_baseline,
    add_jobs,
    add_out,
    add_policy,
    add_scenario,
    add_seed,
    add_timeout,
    fail,
    out_problem,
    read_scenario,
    resolve_scenario,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``calibrate``, ``batch``, ``compare`` and ``sensitivity``."""
    cal = sub.add_parser(
        "calibrate",
        help="how hard is a scenario, and does it reward good management?",
        description="Play a scenario with every built-in policy on the same seeds; print "
        "each policy's score distribution and by_the_book's lead over each, with 95% "
        "confidence intervals. Exits 1 when by_the_book is not clearly ahead of all.",
    )
    cal.add_argument("file", metavar="PATH", help="a scenario file, or the name of a shipped one")
    cal.add_argument("--runs", type=int, default=20, metavar="N", help="seeds (default: 20)")
    add_seed(cal, FIRST_SEED)
    add_jobs(cal, "processes (default: all cores)")
    add_policy(
        cal,
        "only these policies: several after one --policy, or --policy again",
        nargs="+",
        action="extend",
    )
    cal.set_defaults(func=cmd_calibrate)

    bat = sub.add_parser(
        "batch",
        help="many seeded runs of policies × scenarios × parameters, into a folder",
        description="Run every policy on every scenario (and parameter point) for --runs "
        "seeds: run i of each uses seed S+i. Each run is saved the moment it finishes; "
        "DIR/runs.parquet, reps.parquet, weeks.parquet and manifest.json are kept up to "
        "date. Ctrl-C stops cleanly; rerunning into the same DIR (the same command, or "
        "one with more seeds, policies or points) plays only the runs not done yet.",
    )
    add_scenario(bat, nargs="+", action="extend", required=True)
    add_policy(
        bat,
        "built-in name or module:Class / file.py:Class",
        nargs="+",
        action="extend",
        required=True,
    )
    bat.add_argument("--runs", type=int, required=True, metavar="N", help="seeds per cell")
    add_seed(bat, FIRST_SEED)
    add_jobs(bat, "local worker processes (default: all cores)")
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
    add_out(bat, required=True)
    add_baseline(
        bat,
        "one of the --policy names, compared against in the summary (default: by_the_book)",
        default=None,
    )
    bat.add_argument("--retry-failed", action="store_true", help="rerun runs recorded as failed")
    add_timeout(bat)
    bat.add_argument("--no-progress", action="store_true", help="no progress bar")
    bat.set_defaults(func=cmd_batch)

    cmp = sub.add_parser(
        "compare",
        help="compare the policies of a batch folder",
        description="Per policy the mean and 95% interval of each score component; paired "
        "differences against a baseline with intervals and a verdict line; PNG plots and "
        "one self-contained report.html.",
    )
    cmp.add_argument("folder", metavar="DIR", help="a batch's folder (salesim batch --out)")
    add_baseline(cmp, "the policy others are compared against (default: by_the_book)")
    add_out(cmp, "where plots and report.html go (default: DIR)")
    cmp.add_argument("--no-plots", action="store_true", help="text only")
    cmp.set_defaults(func=cmd_compare)

    sen = sub.add_parser(
        "sensitivity",
        help="which scenario fields drive the score (Sobol or Morris)",
        description="Vary scenario fields over ranges together, play a policy at each "
        "sampled point and print Sobol (or Morris) indices of the total score.",
    )
    sen.add_argument("file", metavar="PATH", help="a scenario file, or the name of a shipped one")
    add_policy(
        sen, "the policy played at every point (default: by_the_book)", default="by_the_book"
    )
    sen.add_argument(
        "--vary",
        action="append",
        default=[],
        required=True,
        metavar="KEY=LOW:HIGH",
        help="a numeric scenario field and its range (give --vary once per field)",
    )
    sen.add_argument(
        "--samples",
        type=int,
        default=64,
        metavar="N",
        help="base sample size (Sobol: N×(D+2) points, a power of 2; Morris: N×(D+1)); default 64",
    )
    sen.add_argument(
        "--method",
        choices=("sobol", "morris"),
        default="sobol",
        help="Sobol indices (variance shares) or Morris screening (default: sobol)",
    )
    sen.add_argument(
        "--replicates",
        type=int,
        default=1,
        metavar="R",
        help="seeds averaged at each point (default: 1)",
    )
    add_seed(sen)
    add_jobs(sen)
    add_timeout(sen)
    add_out(sen, "also write indices.csv and a bar chart")
    sen.set_defaults(func=cmd_sensitivity)


def cmd_calibrate(args: argparse.Namespace) -> int:
    from ..analysis.calibrate import calibrate, report
    from ..analysis.runs import MOST_RUNS
    from ..policies import POLICIES

    if args.runs < 2:
        return fail("--runs must be at least 2 (an interval needs two runs)")
    if args.runs > MOST_RUNS:
        return fail(f"--runs {args.runs}: at most {MOST_RUNS:,} seeds")
    if args.policy and len(set(args.policy)) < len(args.policy):
        return fail("a policy is named twice")
    from ..core.rng import SEEDS

    if args.seed + args.runs - 1 >= SEEDS:
        return fail(
            f"--seed {args.seed} with --runs {args.runs}: the last seed would pass {SEEDS - 1}"
        )
    for name in args.policy or ():
        if name not in POLICIES:
            return fail(f"unknown policy {name!r}; choose from {', '.join(POLICIES)}")
    path = resolve_scenario(args.file)
    read_scenario(path)
    progress = Progress()
    try:
        cal = calibrate(path, args.runs, args.seed, args.jobs, args.policy, progress)
    finally:
        progress.close()
    print(report(cal))
    return 0 if cal.discriminates else 1


def cmd_batch(args: argparse.Namespace) -> int:
    from ..analysis.batch import Batch, BatchError, too_many
    from ..analysis.compare import CompareError, load, text
    from ..analysis.design import (
        MOST_POINTS,
        TOO_MANY_POINTS,
        DesignError,
        factorial,
        latin_hypercube,
        parse_range,
        parse_sweep,
    )
    from ..analysis.store import arrow_without_pandas
    from ..policies import PolicyLoadError

    arrow_without_pandas()  # the command's own process: its tables need no pandas
    if (problem := out_problem(args.out)) is not None:
        return fail(problem)
    if args.baseline is not None and args.baseline not in args.policy:
        # told now, not after every run has been played
        return fail(
            f"--baseline {args.baseline}: not one of this batch's policies "
            f"({', '.join(args.policy)})"
        )
    # runs of each point: told before a design of too many points is made
    per_point = max(1, args.runs) * len(args.policy) * len(args.scenario)
    try:
        if args.sample:
            kind, _, k = args.sample.partition(":")
            if kind != "lhs" or not k.isdigit():
                return fail("--sample takes lhs:K, e.g. lhs:20")
            if int(k) > MOST_POINTS:
                return fail(f"--sample lhs:{k}: {TOO_MANY_POINTS}")
            if (problem := too_many(int(k) * per_point)) is not None:
                return fail(problem)
            points = latin_hypercube([parse_range(t, "--set") for t in args.set], int(k), args.seed)
        else:
            sweeps = [parse_sweep(t) for t in args.set]
            if (n := prod(len(s.values) for s in sweeps)) > MOST_POINTS:
                return fail(f"--set: {n:,} combinations of values; {TOO_MANY_POINTS}")
            if (problem := too_many(n * per_point)) is not None:
                return fail(problem)
            points = factorial(sweeps)
        scenarios = [resolve_scenario(p) for p in args.scenario]
        for p in scenarios:
            read_scenario(p)
        batch = Batch(
            args.out,
            scenarios,
            args.policy,
            args.runs,
            seed=args.seed,
            points=points,
            jobs=args.jobs,
            dask=args.dask,
            command=["salesim", *COMMAND_LINE],
            retry_failed=args.retry_failed,
            timeout=args.timeout,
        )
    except (DesignError, BatchError, PolicyLoadError) as e:
        return fail(str(e))
    n = len(batch.tasks)
    print(
        f"{counted(n, 'run')}: {counted(len(batch.paths), 'scenario')} × "
        f"{counted(len(batch.points), 'point')} × "
        f"{counted(len(batch.policies), 'policy', 'policies')} × {counted(args.runs, 'seed')} "
        f"({seeds_range(range(args.seed, args.seed + args.runs))})",
        file=sys.stderr,
    )
    try:
        outcome = batch.run(
            progress=not args.no_progress and sys.stderr.isatty(), on_stop=_stopping
        )
    except BatchError as e:
        return fail(str(e))
    if batch.manifest_replaced is not None:
        print(
            f"{batch.folder / 'manifest.json'} was written anew from this command: the old "
            f"one {batch.manifest_replaced}; the runs in the journal "
            "were kept",
            file=sys.stderr,
        )
    earlier = f" ({outcome.failed_before} of them failed)" if outcome.failed_before else ""
    print(
        f"{counted(outcome.executed, 'run')} done now, {outcome.skipped} found done{earlier}, "
        f"{outcome.failed} failed now, in {outcome.seconds:.0f} s; results in {batch.folder}",
        file=sys.stderr,
    )
    if outcome.other_content:
        print(
            f"{counted(outcome.other_content, 'earlier run')} in the folder played a scenario "
            "whose content differs from this one's (edited since, or other sweep values): "
            "kept in its journal, not reused",
            file=sys.stderr,
        )
    if outcome.other_source:
        print(
            f"{counted(outcome.other_source, 'earlier run')} in the folder played a policy "
            "file as it was before it was edited: kept in its journal, not reused",
            file=sys.stderr,
        )
    failed = outcome.failed + outcome.failed_before
    if outcome.interrupted:
        print("interrupted: rerun the same command to finish", file=sys.stderr)
        return 130
    try:
        print(text(load(batch.folder, args.baseline or "by_the_book")), end="")
    except CompareError as e:
        print(f"(no summary: {e})", file=sys.stderr)
    if failed:
        print(
            f"{counted(failed, 'run')} of this batch failed: rerun with --retry-failed "
            "to play them again",
            file=sys.stderr,
        )
    return 0 if failed == 0 else 1


def _stopping(under_way: int) -> None:
    """Ctrl-C on a batch: say at once what happens next."""
    if under_way:
        print(
            f"stopping: waiting for the {counted(under_way, 'run')} under way to finish",
            file=sys.stderr,
            flush=True,
        )
    else:
        print("stopping", file=sys.stderr, flush=True)


def cmd_compare(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..analysis.compare import CompareError, load, plots, report_html, text
    from ..analysis.store import arrow_without_pandas

    arrow_without_pandas()  # the command's own process: its tables need no pandas
    if (problem := out_problem(args.out)) is not None:
        return fail(problem)
    try:
        cmp = load(args.folder, args.baseline)
    except CompareError as e:
        return fail(str(e))
    print(text(cmp), end="")
    if not args.no_plots:
        out = Path(args.out or args.folder)
        try:
            images = plots(cmp, out)
            report = report_html(cmp, images, out)
        except NotOurs as e:
            return fail(str(e))
        print(f"plots: {', '.join(str(i) for i in images)}\nreport: {report}", file=sys.stderr)
    return 0


def cmd_sensitivity(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..analysis.design import DesignError, parse_range
    from ..analysis.sensitivity import StudyFailed, plot, report, run_sensitivity
    from ..policies import PolicyLoadError

    if (problem := out_problem(args.out)) is not None:
        return fail(problem)
    # what it will write, checked before the runs (not refused once they are done)
    written = ["indices.csv", "sensitivity.png"]
    if args.out and (problem := replaces_other(Path(args.out), written)) is not None:
        return fail(problem)

    from ..core.rng import SEEDS

    if args.seed + args.replicates - 1 >= SEEDS:
        return fail(
            f"--seed {args.seed} with --replicates {args.replicates}: "
            f"the last seed would pass {SEEDS - 1}"
        )
    path = resolve_scenario(args.file)
    read_scenario(path)
    progress = Progress()
    try:
        ranges = [parse_range(t) for t in args.vary]
        if args.replicates < 1:
            return fail("--replicates must be at least 1")
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
            args.timeout,
        )
    except (DesignError, PolicyLoadError) as e:
        return fail(str(e))
    except StudyFailed as e:  # the work failed, not the command line: 1
        fail(str(e))
        return 1
    finally:
        progress.close()
    print(report(result))
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        if result.method == "morris":  # Morris's own names: mu*, its interval, sigma
            lines = ["field,mu_star,mu_star_conf,sigma"]
            lines += [f"{i.name},{i.first},{i.first_conf},{i.total}" for i in result.indices]
        else:
            lines = ["field,S1,S1_conf,ST,ST_conf"]
            lines += [
                f"{i.name},{i.first},{i.first_conf},{i.total},{i.total_conf}"
                for i in result.indices
            ]
        try:
            write_bytes(out / "indices.csv", ("\n".join(lines) + "\n").encode("utf-8"))
            plot(result, out / "sensitivity.png")
        except NotOurs as e:
            return fail(str(e))
    return 0
